"""The checker on texts with markup: terms, untranslated, numbers and placeholder-mismatch.

Each case is (source, target, expected findings as (rule, term) pairs) under the named
rules; markup must neither invent findings nor hide the real ones.
"""
from __future__ import annotations

import pytest

from glossary.check import check
from glossary.model import Term
from glossary.segment import Segment

TERMS = [
    Term("object", "объект", "object"),
    Term("option", "параметр", "option"),
    Term("file", "файл", "file"),
    Term("payment", "платёж", "payment"),
    Term("space", "спейс", "space"),
    Term("user", "пользователь", "user"),
]


def found(source, target, rules, markup="auto", **segment):
    report = check([Segment(source, target, **segment)], TERMS, rules=rules,
                   source_lang="en", target_lang="ru", markup=markup)
    return [(f.rule, f.term) for f in report.findings]


TERM_CASES = [
    # a term inside a link target, code, a placeholder or a role target needs no rendering
    ("See [lapses](deck-options.md#lapses).", "См. [интервалы](deck-options.md#lapses).", []),
    ("Call ``box.space.create()`` first.", "Сначала вызовите ``box.space.create()``.", []),
    ("Deleted %(object)s.", "Удалено: %(object)s.", []),
    ("Deleted {object}.", "Удалено: {object}.", []),
    ("Read :doc:`/reference/file` now.", "Прочитайте :doc:`/reference/file`.", []),
    ("Open https://x.org/user/file now.", "Откройте https://x.org/user/file.", []),
    # ... but a term in the link text or a role's title does
    ("Read [the file](x.md).", "Прочитайте [документ](x.md).", [("missing-term", "file")]),
    ("See :ref:`the option <cfg-x>`.", "См. :ref:`настройку <cfg-x>`.",
     [("missing-term", "option")]),
    ("See :ref:`the option <cfg-x>`.", "См. :ref:`параметр <cfg-x>`.", []),
    # an approved rendering inside code does not render the term
    ("Choose an option.", "Выберите ``параметр``.", [("missing-term", "option")]),
    # ... but the source's own word written as a literal does (a name kept as code)
    ("The object type is new.", "Тип ``object`` новый.", []),
    ("The ``object`` is an object.", "``object`` — это ``object``.", []),
    ("The ``object`` is an object.", "``object`` — это всё.", [("missing-term", "object")]),
    # a quotation or a keyword list the target keeps verbatim is a literal
    ("Prints \"no such space\".", "Выводит “no such space”.", []),
    ("One of 'space' or 'user'.", "Одно из: 'space' или 'user'.", []),
    ("Prints \"no such space\".", "Выводит «нет такого спейса».", []),
    ("Prints \"no such space\".", "Выводит no such space.", [("missing-term", "space")]),
    ("Requests (insert delete space)", "Запросы (insert delete space)", []),
    # an accelerator does not split the rendering
    ("_Payment", "Платё_ж", []),
    ("&Payment", "&Платёж", []),
    # the term around a tag is still the term
    ("Delete the <b>file</b>.", "Удалите <b>файл</b>.", []),
]


@pytest.mark.parametrize("source,target,expected", TERM_CASES,
                         ids=[c[0][:40] for c in TERM_CASES])
def test_terms_in_markup(source, target, expected):
    assert found(source, target, ("missing-term", "forbidden-term")) == expected


UNTRANSLATED = [
    ("conn.space:select(280)", "conn.space:select(280)", []),
    ("``box.cfg{}``", "``box.cfg{}``", []),
    ("https://www.tarantool.io/", "https://www.tarantool.io/", []),
    ("%(count)s %(object)s", "%(count)s %(object)s", []),
    ("1941", "1941", []),
    ("tarantool> box.info.replication", "tarantool> box.info.replication", []),
    ("conn.space:select(280)", "", []),  # code alone needs no translation
    # a console session: input and output as printed, words of the output included
    ("tarantool> n = box.ctl.wait_ro(0.1)\n---\n- error: timed out\n...", "", []),
    (">>> print('hello world')\nhello world", ">>> print('hello world')\nhello world", []),
    ("$ go get the package", "", []),
    # ... but a prompt named inside a sentence is prose
    ("At the tarantool> prompt, type the command", "", [("untranslated", None)]),
    # a statement: capitals open it, a semicolon ends it, code punctuation inside
    ("WITH s AS (SELECT s1 FROM x) SELECT * FROM t,s WHERE a < s.s1 AND b < s.s1;", "", []),
    # ... prose in capitals ending with a semicolon is still prose
    ("NOTE: the table is read once; see below;", "", [("untranslated", None)]),
    ("Configuring the zones", "Configuring the zones", [("untranslated", None)]),
    ("Open the file", "", [("untranslated", None)]),
    ("Delete the user from the space", "Удалите user from the space", [("untranslated", None)]),
    ("Set ``user from the space`` here", "Задайте ``user from the space`` здесь", []),
    ("Errors of Tarantool(``ClientError``, …)", "Errors of Tarantool(``ClientError``, …)",
     [("untranslated", None)]),
    # names by their shape: no English word, capitals, digits, a capital inside
    ("memtx:", "memtx:", []),
    ("memtx myapp", "memtx myapp", []),
    ("tarantoolctl rocks install cartridge-cli", "tarantoolctl rocks install cartridge-cli", []),
    ("memtx engine", "memtx engine", [("untranslated", None)]),   # two words: a heading
    # a lower-case line ending with a name is a command; a capital opens a heading
    ("cartridge pack rpm myapp", "cartridge pack rpm myapp", []),
    ("Pack rpm myapp", "Pack rpm myapp", [("untranslated", None)]),
    ("instance availability indicator", "", [("untranslated", None)]),
    ("export PATH=$PWD/.rocks/bin/:$PATH", "export PATH=$PWD/.rocks/bin/:$PATH", []),
    ("-*- mode: c -*-", "-*- mode: c -*-", []),
    # a line a program printed: a time stamp or a log prefix opens it
    ("2017-10-16 11:36:01.508 [18081] main/101/interactive I> set 'log_format' option to \"plain\"",
     "2017-10-16 11:36:01.508 [18081] main/101/interactive I> set 'log_format' option to \"plain\"",
     []),
    ("main/-24476/cartridge.failover.task I> Instance state changed",
     "main/-24476/cartridge.failover.task I> Instance state changed", []),
    ("[W] the disk is full", "", []),
    ("On 2017-10-16 the server was restarted", "", [("untranslated", None)]),
    ("Instance I> state", "", [("untranslated", None)]),
    # a title naming its target is the option's name; a heading's title is language
    (":ref:`weights <cfg_basic-weights>`", ":ref:`weights <cfg_basic-weights>`", []),
    (":ref:`Weights of replica sets <cfg_basic-weights>`", "", [("untranslated", None)]),
    ("memtx engine details", "memtx engine details", []),        # limit: read as a command
    ("tarantoolctl: commands now support pipes.", "", [("untranslated", None)]),
    ("``gc_mode`` (enum) -- dead member collection mode.", "", [("untranslated", None)]),
    ("DisplayString", "", []),
    ("Gauge32", "Gauge32", []),
    ("E081-05", "", []),
    ("UNIQUE", "UNIQUE", []),
    ("Tarantool 2.7.2", "Tarantool 2.7.2", []),
    ("set_encryption_key(key)", "", []),
    # a line of code: two kinds of code punctuation and no function word
    ("lua_code = [[function(tuple) return {string.sub(tuple[2],1,1)} end]]",
     "lua_code = [[function(tuple) return {string.sub(tuple[2],1,1)} end]]", []),
    # still prose: a function word, a contraction, general words, a compound of them
    ("Version", "Version", [("untranslated", None)]),
    ("Instance state changed", "Instance state changed", [("untranslated", None)]),
    ("Don't", "", [("untranslated", None)]),
    ("IPROTO error code", "IPROTO error code", [("untranslated", None)]),
    ("socket.SHUT_RD or socket.SHUT_WR", "socket.SHUT_RD or socket.SHUT_WR",
     [("untranslated", None)]),
    ("`English-speaking <https://t.me/x>`_", "", [("untranslated", None)]),
    ("CHECK (a = b) and then {c}", "CHECK (a = b) and then {c}", [("untranslated", None)]),
    # SQL keywords in capitals are not prose function words
    ("- [527, 'c2', false, 'SQL', '\"f2\" == UPPER(\"f3\") AND NOT \"f2\" LIKE']",
     "- [527, 'c2', false, 'SQL', '\"f2\" == UPPER(\"f3\") AND NOT \"f2\" LIKE']", []),
    # English words left in the target that the segment writes as code name it
    ("for unsigned long long cdata (``ffi.cast('unsigned long long', 1)``)",
     "для unsigned long long cdata (``ffi.cast('unsigned long long', 1)``)", []),
    ("for very long lines of code (``x``)", "для very long lines of code (``x``)",
     [("untranslated", None)]),
    # a keyword list or a gloss the target keeps in brackets
    ("statement blocks (if, switch, for, while, do).", "блоки (if, switch, for, while, do).",
     []),
]


@pytest.mark.parametrize("source,target,expected", UNTRANSLATED,
                         ids=[c[0][:40] or "empty" for c in UNTRANSLATED])
def test_untranslated_and_code(source, target, expected):
    assert found(source, target, ("untranslated",)) == expected


NUMBERS = [
    ("Listen on port 3301 at 127.0.0.1:3301.", "Порт 3301 на 127.0.0.2:3301.", []),
    ("Call ``s:select(280)`` for 2 users.", "Вызовите ``s:select(281)`` для 2 пользователей.",
     [("number-mismatch", None)]),                      # a number changed inside code
    ("Call ``s:select(280)`` for 2 users.", "Вызовите ``s:select(280)`` для 2 пользователей.", []),
    ("The result is diff = 3.", "Результат: ``diff = 3``.", []),
    ("Wait 2 1/2 hours.", "Подождите 2,5 часа.", []),
    ("Wait 2½ hours.", "Подождите 2,5 часа.", []),
    ("Take 1/3 of it.", "Возьмите 0,33.", []),
    ("Wait 2 1/2 hours.", "Подождите 3,5 часа.", [("number-mismatch", None)]),
    ("In 1941/42 it was 24/7.", "В 1941/42 это было 24/7.", []),
    ("Start with 0.", "Начните с нуля.", []),
    ("See https://x.org/v2/page, 5 times", "См. https://x.org/v2/page, 6 раз",
     [("number-mismatch", None)]),
    ("The result is ``diff = 1100``.", "Результат: ``diff = 1101``.", [("number-mismatch", None)]),
    ("See ``replication.{1,3}.downstream``", "См. ``replication.2.downstream``",
     [("number-mismatch", None)]),
    ("Update ``t:update({999})``", "Обновите ``t:update({999})`` (``field[2]``)", []),
    ("The default is 2^28 bytes = 268,435,456 bytes", "По умолчанию 2^28 байтов = 268 435 456 байтов",
     []),
    # a code block: numbers compared as a multiset, a change reported, additions let go
    ("tarantool> box.stat() -- return 11 tables\n---\n- total: 0\n...",
     "tarantool> box.stat() -- вернуть 10 таблиц\n---\n- total: 0\n...",
     [("number-mismatch", None)]),
    ("```\nx = 1 -- first\ny = 2\n```", "```\nx = 1 -- первый\ny = 3\n```",
     [("number-mismatch", None)]),
    ("```\nx = 1 -- increments\ny = 2\n```", "```\nx = 1 -- увеличивается на 1\ny = 2\n```", []),
    ("```\n- 'cdata<char *>: 0x7f8fd102803f'\n```", "```\n- 'cdata<char *>: 0x7f97ba10c041'\n```",
     []),
    # a prose number the target gives only in code both sides share is lost
    ("``CAST('5.5' AS INTEGER)`` fails because 5.5 is not an integer.",
     "``CAST('5.5' AS INTEGER)`` не выполнится: это не целое число.",
     [("number-mismatch", None)]),
    ("``CAST('5.5' AS INTEGER)`` fails because 5.5 is not an integer.",
     "``CAST('5.5' AS INTEGER)`` не выполнится: 5.5 не целое число.", []),
    # ... while a number the target adds that the source has in code explains it
    ("Example: ``key_def.new({{fieldno = 1}})``", "Пример №1: ``key_def.new({{fieldno = 1}})``",
     []),
]


@pytest.mark.parametrize("source,target,expected", NUMBERS, ids=[c[0][:40] for c in NUMBERS])
def test_numbers_and_markup(source, target, expected):
    assert found(source, target, ("number-mismatch",)) == expected


PLACEHOLDERS = [
    ("Delete %s?", "Удалить %s?", [], {}),
    ("Delete %s?", "Удалить?", ["placeholder «%s» is missing in the target"], {}),
    ("Delete %s?", "Удалить % s?", ["placeholder «%s» is written «% s» in the target"], {}),
    ("Delete %s?", "Удалить % s?", ["placeholder «%s» became «% s» in the target"],
     {"props": (("flags", "c-format"),)}),
    ("Added {name}.", "Добавлено {имя}.", ["placeholder «{name}» became «{имя}» in the target"],
     {}),
    ("Added.", "Добавлено {name}.", ["placeholder «{name}» is not in the source"], {}),
    ("%(a)s of %(b)s", "%(b)s из %(a)s", [], {}),                    # named: reordered freely
    ("%1$s of %2$s", "%2$s из %1$s", [], {}),
    ("{0} of {1}", "{1} из {0}", [], {}),
    ("%s of %d", "%d из %s", ["placeholders filled in turn (%s, %d) are in another order in the "
                              "target (%d, %s); number them (%1$s, {0}) to reorder"], {}),
    ("%5d items", "%d элементов", [], {}),                            # width is layout
    ("%d items", "%s элементов", ["placeholder «%d» became «%s» in the target"], {}),
    ("Press <b>Save</b>.", "Нажмите <b>Сохранить</b>.", [], {}),
    ("Press <b>Save</b>.", "Нажмите Сохранить.",
     ["tag «<b>» is missing in the target", "tag «</b>» is missing in the target"], {}),
    ('<a href="/a" title="Open">x</a>', '<a href="/a" title="Открыть">x</a>', [], {}),
    ('<a href="/a">x</a>', '<a href="/b">x</a>',
     ['tag «<a href="/a">» became «<a href="/b">» in the target'], {}),
    ("See https://x.org/a.", "См. https://x.org/b.",
     ["URL «https://x.org/a» became «https://x.org/b» in the target"], {}),
    ("See https://en.wikipedia.org/wiki/UUID.", "См. https://ru.wikipedia.org/wiki/UUID.", [], {}),
    ("See `x <http://x.org/a/>`_.", "См. `x <https://X.org/a>`_.", [], {}),
    ("See `x <https://x.org/a/b>`_.", "См. `x <https://x.org/a/ b>`_.",
     ["URL «https://x.org/a/b» became «https://x.org/a/» in the target"], {}),
    ("See https://x.org/a.", "См. ``https://x.org/a``.", [], {}),
    ("See :ref:`this <cfg-a>`.", "См. :ref:`это <cfg-b>`.",
     ["link target «:ref:cfg-a» became «:ref:cfg-b» in the target"], {}),
    ("50 % of users", "50 % пользователей", [], {}),
    ("Use { and }", "Используйте { и }", [], {}),
    ("This is<ph/>a paragraph", "Это<ph/>абзац", [],
     {"source_codes": ((7, 12),), "target_codes": ((3, 8),)}),
    ("This is<ph/>a paragraph", "Это абзац", ["tag «<ph/>» is missing in the target"],
     {"source_codes": ((7, 12),)}),
]


@pytest.mark.parametrize("source,target,expected,segment", PLACEHOLDERS,
                         ids=[f"{c[0][:30]}->{c[1][:30]}" for c in PLACEHOLDERS])
def test_placeholder_mismatch(source, target, expected, segment):
    report = check([Segment(source, target, **segment)], TERMS, rules=("placeholder-mismatch",),
                   source_lang="en", target_lang="ru")
    assert [f.message for f in report.findings] == expected
    for f in report.findings:
        if f.source_span:
            assert source[slice(*f.source_span)]  # spans point into the original text
        assert f.severity == "error"


def test_each_plural_form_is_checked_against_either_source():
    segment = Segment("an hour ago", "%(count)s час назад",
                      source_plural="%(count)s hours ago",
                      target_plurals=("%(count)s часа назад", "часов назад"))
    report = check([segment], TERMS, rules=("placeholder-mismatch",), source_lang="en",
                   target_lang="ru")
    assert [(f.plural, f.message) for f in report.findings] == [
        (2, "placeholder «%(count)s» is missing in the target")]


def test_markup_none_masks_nothing():
    assert found("Deleted {object}.", "Удалено: {object}.", ("missing-term",), markup="none") \
        == [("missing-term", "object")]


def test_a_line_break_makes_code_only_when_the_source_has_it():
    segments = [Segment("Call ``a``", "Вызовите ``a``"), Segment("Call ``b``", "Вызовите ``b``"),
                Segment("The user and the space", "Пользователь и\n``спейс``"),
                Segment("box.space.user:select()\nbox.space.x:drop()",
                        "box.space.user:select()\nbox.space.x:drop()")]
    report = check(segments, TERMS, rules=("missing-term", "untranslated"), source_lang="en",
                   target_lang="ru")
    assert [(f.segment, f.rule, f.term) for f in report.findings] == [
        (3, "missing-term", "space")]


@pytest.mark.parametrize("text,expected", [
    ("Example: ``UPPER('-4щl')`` is it", []),            # test data in a code string
    ("Example: ``UPPER('-4щl')`` is '-4ЩL'.", []),       # ... and its value in prose
    ("Example: ``UPPER('x')`` is 'аrmy'.", ["аrmy"]),    # a typo the code does not have
    ("tarantool> utf8.upper('жabc')\n---\n- ЖABC\n...", []),  # a console echoes its input
    ("tarantool> e = err('Сause')\n---\n- Сause\n...", ["Сause"]),  # an echoed typo
    ("Example: ``LOWER('ДA')`` is 'дa'", []),            # a case function's test data
    ("Saying HEX('ДA') gives it; ``POSITION('A', 'ДA')`` is 2", []),  # quoted test data
    ("Call ``log.infо()`` here", ["infо"]),              # a typo in code is a bug
    ("The аrmy", ["аrmy"]),
])
def test_mixed_script_spares_strings_in_code(text, expected):
    report = check([Segment(text, text)], TERMS, rules=("mixed-script",), source_lang="en",
                   target_lang="ru")
    assert [text[slice(*f.source_span)] for f in report.findings] == expected
