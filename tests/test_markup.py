"""The masking layer, syntax by syntax: what is masked and, as important, what is not.

Each case is (text, syntaxes, expected masked stretches in order); "auto" is the default
set, "sphinx" the set a Sphinx catalogue gets.
"""
from __future__ import annotations

import pytest

from glossary.errors import GlossaryError
from glossary.markup import AUTO, CODE, Markup, kept_quotes, mask
from glossary.segment import Segment

SPHINX = AUTO | {"rst", "sphinx", "sphinx-block"}

MASKED = [
    # printf
    ("Удалить %s из %d групп", AUTO, ["%s", "%d"]),
    ("%1$s wrote %2$.2f and %(name)s and %@", AUTO, ["%1$s", "%2$.2f", "%(name)s", "%@"]),
    ("100%% sure", AUTO, ["%%"]),
    ("% d items", AUTO | {"c-format"}, ["% d"]),
    # Qt, braces, ICU, templates, dollars
    ("Copy %1 to %L2", AUTO, ["%1", "%L2"]),
    ("Added {name} “{object}” {0} {} {value:.2f}", AUTO,
     ["{name}", "{object}", "{0}", "{}", "{value:.2f}"]),
    ("Hello {{ user.name }}, {% trans %}", AUTO, ["{{ user.name }}", "{% trans %}"]),
    ("{count, plural, one {# file} other {# files}}", AUTO,
     ["{count, plural, one {", "#", "} other {", "#", "}}"]),
    ("Total: {n, number}", AUTO, ["{n, number}"]),
    ("Path ${HOME} and $USER", AUTO, ["${HOME}", "$USER"]),
    ("Replace $1 with $2", AUTO | {"dollar"}, ["$1", "$2"]),
    # HTML/XML
    ("Press <b>Save</b> &amp; go<br/>", AUTO, ["<b>", "</b>", "&amp;", "<br/>"]),
    ('<a href="/x" title="Open it">link</a>', AUTO, ['<a href="/x" title="', '">', "</a>"]),
    ("<!-- note --> text", AUTO, ["<!-- note -->"]),
    # URLs, e-mails, IPs, paths, files, anchors
    ("See https://example.com/a_(b)). Or www.lua.org.", AUTO,
     ["https://example.com/a_(b)", "www.lua.org"]),
    ("Write to me@x.org at 127.0.0.1:3301 or localhost:3301", AUTO,
     ["me@x.org", "127.0.0.1:3301", "localhost:3301"]),
    ("Edit /etc/tarantool/x.lua or ./app.lua, ~/.bashrc and init.lua", AUTO,
     ["/etc/tarantool/x.lua", "./app.lua", "~/.bashrc", "init.lua"]),
    ("docs/index.rst and a/b/c, see #learning-steps", AUTO,
     ["docs/index.rst", "a/b/c", "#learning-steps"]),
    # identifiers in prose
    ("Call conn.space:select(280) and box.cfg{listen = 3301}", AUTO,
     ["conn.space:select(280)", "box.cfg{listen = 3301}"]),
    ("Set if_not_exists=true, use --help, getValue and fiber_self()", AUTO,
     ["if_not_exists=true", "--help", "getValue", "fiber_self()"]),
    ("tarantool> s:select{3}", AUTO, ["tarantool> s:select{3}"]),
    ("$ docker run --rm tarantool", AUTO, ["$ docker run --rm tarantool"]),
    ("TRUNCATE TABLE t;", AUTO, ["TRUNCATE TABLE t;"]),
    ("The _bucket system space and __index", AUTO, ["_bucket", "__index"]),
    ("s.index.pk:alter{sequence = {field = 2}}", AUTO, ["s.index.pk:alter{sequence = {field = 2}}"]),
    ("from subprocess import Popen, PIPE", AUTO, ["from subprocess import Popen, PIPE"]),
    ("nil", AUTO, ["nil"]),
    # Markdown
    ("See [lapses](deck-options.md#lapses) and ![the deck](img/deck.png)", AUTO,
     ["[", "](deck-options.md#lapses)", "![", "](img/deck.png)"]),
    ("Use `git log` or ``a`b``", AUTO, ["`git log`", "``a`b``"]),
    ("Text\n```lua\nlocal x = 1\n```\nmore", AUTO, ["```lua\nlocal x = 1\n```"]),
    ("[docs]: https://example.com/docs", AUTO, ["[docs]: https://example.com/docs"]),
    ("see [the manual][man]", AUTO, ["[", "][man]"]),
    # reStructuredText / Sphinx
    ("Call ``fiber.self()`` now", SPHINX, ["``fiber.self()``"]),
    ("``box.cfg{listen = 3301, memtx_memory = 100 * 1024 * 1024, log_level = 5}. Then``",
     SPHINX, ["``box.cfg{listen = 3301, memtx_memory = 100 * 1024 * 1024, log_level = 5}. Then``"]),
    ("The :ref:`garbage collector <cfg-gc>` and :doc:`/reference/box`", SPHINX,
     [":ref:`", " <cfg-gc>`", ":doc:`/reference/box`"]),
    ("A :term:`space` holds :code:`tuples`", SPHINX, [":term:`", "`", ":code:`tuples`"]),
    ("See `the site <https://tarantool.io>`_ and `Links`_", SPHINX,
     ["`", " <https://tarantool.io>`_", "`", "`_"]),
    ("Text |br| more [#]_", SPHINX, ["|br|", "[#]_"]),
    (".. note:: Something", SPHINX, [".. note:: Something"]),
    ("box.schema.space.create('x')\nbox.space.x:insert{1}", SPHINX,
     ["box.schema.space.create('x')\nbox.space.x:insert{1}"]),
    ("Call <bucket_id> here", SPHINX, ["<bucket_id>"]),
    ("update t1 set city='Moscow' where id=1", AUTO, ["update t1 set city='Moscow' where id=1"]),
    ('will contain "field1: 10", "table2"', AUTO, ["field1", "table2"]),
    # array elements: indexed from 0, indexed twice, or by a name
    ("node[0], ..., node[5] (1 byte each)", AUTO, ["node[0]", "node[5]"]),
    ("the value of t[key] is", AUTO, ["t[key]"]),
    # an ellipsis for an elided part of a called path
    (":ref:`box.space...delete() <box_space-delete>`", SPHINX,
     [":ref:`", "box.space...delete()", " <box_space-delete>`"]),
    ("nil.", AUTO, ["nil."]),
    # a title that is the name its target ends with: the option or function it names
    (":ref:`weights <cfg_basic-weights>`", SPHINX, [":ref:`weights <cfg_basic-weights>`"]),
    (":ref:`new(n) <decimal-new>` and `log </cfg/#cfg-logging-log>`_", SPHINX,
     [":ref:`new(n) <decimal-new>`", "`log </cfg/#cfg-logging-log>`_"]),
    (":ref:`Replication <replication>`", SPHINX, [":ref:`", " <replication>`"]),
    (":ref:`weights <weights-and-measures>`", SPHINX, [":ref:`", " <weights-and-measures>`"]),
    # shell lines that set a variable, an editor's mode line
    ("export PATH=$PWD/.rocks/bin/:$PATH", AUTO, ["export PATH=$PWD/.rocks/bin/:$PATH"]),
    ("LANG=C sort file", AUTO, ["LANG=C sort file"]),
    ("-*- mode: c -*-", AUTO, ["-*- mode: c -*-"]),
    ("|doc|", AUTO, ["|doc|"]),
    ('curl -X POST --data "a = b" <ip:port>/add', SPHINX, ['curl -X POST --data "a = b" <ip:port>/add']),  # a unit that is one substitution, in any catalogue
    # escapes and accelerators
    ("line\\nnext\\tcol", AUTO, ["\\n", "\\t"]),
    ("_Payment", AUTO, ["_"]),
    ("Платё_ж, &File, Сохр&анить", AUTO, ["_", "&", "&"]),
]

NOT_MASKED = [
    ("50 % of users, 50 % пользователей, скидка 5%", AUTO),
    ("Use { and } in prose; a {b c} set", AUTO),
    ("It costs $5 or $10.50", AUTO),
    ("a < b > c, Tom & Jerry", AUTO),
    ("и/или, км/ч, and/or, TCP/IP, 1941/42", AUTO),
    ("e.g. this, i.e. that, т. е. так, done.Next", AUTO),
    ("trials in China and Italy.Chloroquine, used before; Italy.As of 8 April", AUTO),
    ("user(s) and file(s)", AUTO),
    ("# A Markdown heading", AUTO),
    ("Import data from the files", AUTO),
    ("word|other|thing", AUTO),          # substitutions only in Sphinx catalogues
    ("see |doc| here", AUTO),            # ... but for a unit of one
    ("a table literal in {braces}", SPHINX - {"code"}),  # Sphinx has no brace placeholders
    ("Update the table where it is kept", AUTO),
    ("Delete %(name)s from the penal battalion", AUTO - {"printf"}),
    ("Select all from the list (optional)", AUTO),
    ("IPv6, MP3 and L0", AUTO),
    ("Added task v0.8.4 and v2.1, version 1.7.2", AUTO),
    ("A plain line\nand another", AUTO),  # a line break is code only in Sphinx catalogues
    ("_Payment and box_backup", AUTO - {"code"}),  # two underscores: not an accelerator
    ("as reported[1] by the press, cases[2]", AUTO),  # footnotes glued to words
    ("wait...then it works; Done...Next", AUTO),   # an ellipsis in prose
    ("Run it - or not. Tarantool -- the DBMS", AUTO),  # dashes in prose
    # a stray backquote pairs with a literal far away: sentences are not a literal
    ("range ``1...```x. Этот номер можно назначить произвольно. Кластер Tarantool использует этот номер ``", SPHINX),
    ("x - a value -- and y", AUTO),           # dashes, no mode line
]


@pytest.mark.parametrize("text,syntaxes,expected", MASKED, ids=[c[0][:40] for c in MASKED])
def test_masked(text, syntaxes, expected):
    m = mask(text, syntaxes)
    assert [text[s.start:s.end] for s in m.spans] == expected
    assert len(m.text) == len(text)


@pytest.mark.parametrize("text,syntaxes", NOT_MASKED, ids=[c[0][:40] for c in NOT_MASKED])
def test_not_masked(text, syntaxes):
    assert mask(text, syntaxes).spans == ()


@pytest.mark.parametrize("text,syntaxes,language", [
    ("The :ref:`garbage collector <cfg-gc>` runs", SPHINX, ["The", "garbage", "collector",
                                                            "runs"]),
    ("See [lapses](deck-options.md#lapses)", AUTO, ["See", "lapses"]),
    ("{count, plural, one {# file} other {# files}}", AUTO, ["file", "files"]),
    ('<img alt="A deck" src="deck.png">', AUTO, ["A", "deck"]),
    ("Платё_ж", AUTO, ["Платё\u00adж"]),
])
def test_language_is_left(text, syntaxes, language):
    assert mask(text, syntaxes).text.split() == language or \
        [w for w in mask(text, syntaxes).text.replace("\ufffc", " ").split()] == language


@pytest.mark.parametrize("text,key", [
    ("%(count)05d", "%(count)d"), ("%1$.2f", "%1$f"), ("{name}", "{name}"),
    ('<a href="/x" title="T">', '<a href="/x">'), ("{n, plural, one {a} other {b}}", "{n}"),
])
def test_keys(text, key):
    assert mask(text).compared()[0].key == key


def test_reader_codes_are_masked_as_tags_without_guessing():
    text = "This is<ph/>a paragraph"
    m = mask(text, (), codes=((7, 12),))
    assert [(s.kind, s.key) for s in m.spans] == [("tag", "<ph/>")]
    assert m.text.split() == ["This", "is", "a", "paragraph"]


def test_markup_policy():
    flagged = Segment("%d of % d", "x", props=(("flags", "c-format"),))
    assert "c-format" in Markup().for_segment(flagged)
    assert "printf" not in Markup().for_segment(Segment("a", "b", props=(("flags",
                                                                          "no-python-format"),)))
    assert Markup("none").for_segment(flagged) == frozenset()
    assert Markup("rst,printf").for_segment(flagged) == {"rst", "printf"}
    sphinx = [Segment(f"Call ``x{i}``", "y") for i in range(3)]
    assert "sphinx" in Markup("auto", sphinx).for_segment(sphinx[0])
    assert "sphinx" not in Markup("auto", [Segment("plain", "text")] * 3).for_segment(sphinx[0])


@pytest.mark.parametrize("spec", ["bogus", "none,rst", "printf,nope"])
def test_markup_policy_rejects_unknown_names(spec):
    with pytest.raises(GlossaryError, match="--markup takes"):
        Markup(spec)


KEPT_QUOTES = [
    # (source, target, masked on the source, masked on the target)
    ("the 'space' or 'role' type", "тип 'space' или «роль»", ["space"], ["space"]),
    ('the program prints "Duplicate key exists"', "программа выдаст “Duplicate key exists”",
     ["Duplicate key exists"], ["Duplicate key exists"]),
    ("blocks (if, switch, for, while, do).", "блоки (if, switch, for, while, do).",
     ["if, switch, for, while, do"], ["if, switch, for, while, do"]),
    ("data manipulation (insert delete update upsert)", "данные (insert delete update upsert)",
     ["insert delete update upsert"], ["insert delete update upsert"]),
    ("on new-style classes.", "в классах нового стиля (new-style classes).", [], []),
    # translated, unquoted in the target, or prose in brackets: language
    ("press 'Save'", "нажмите «Сохранить»", [], []),
    ("press 'Save' now", "нажмите Save сейчас", [], []),
    ("it works (see the section for details)", "работает (see the section for details)", [], []),
    ("the Tarantool instance (tarantool)", "экземпляр (tarantool)", [], []),
    # a cross-reference's one-word title kept with its target names what it links to
    ("from :ref:`select <select-requests>` requests", "из запросов :ref:`select <select-requests>`",
     ["select"], ["select"]),
    ("see :ref:`the guide <g>`", "см. :ref:`the guide <g>`", [], []),
    # a bare name the target marks as code is code on both sides; a part of one is not
    ("Added tuple-keydef 0.0.2.", "Добавлен модуль ``tuple-keydef`` 0.0.2.",
     ["tuple-keydef"], ["``tuple-keydef``"]),
    ("the tuple-keydef module", "модуль ``tuple``", [], ["``tuple``"]),
    ("Use Tuple here", "Используйте ``tuple``", [], ["``tuple``"]),
    # a lower-case word a Cyrillic target keeps in Latin is a name kept: in the source only
    ("use tuple-keydef here", "используйте tuple-keydef", ["tuple-keydef"], []),
    ("requests such as select, update or delete", "запросы, такие как select, update или delete",
     ["select", "update", "delete"], []),
    # ... and the first word, capitalised by its place, that the target keeps in lower case
    ("Fiber", "Модуль fiber", ["Fiber"], []),
    ("Vinyl storage engine", "Движок vinyl", ["Vinyl"], []),
    # ... not a capitalised word elsewhere, nor one the target keeps capitalised
    ("Use Fiber here", "Используйте fiber", [], []),
    ("Tarantool", "Модуль Tarantool", [], []),
    ("Fibers", "Модуль fiber", [], []),
    # ... not a run of English words, a gloss in brackets, a capitalised name
    ("Monitoring a replica set", "см. Monitoring a replica set", [], []),
    ("called followers", "называются последователями (followers)", [], []),
    ("the Lua garbage collector", "сборщик мусора Lua", [], []),
    ("Deleted {object}.", "Удалено: {object}.", [], []),
    # a unit repeated whole is the untranslated rule's business
    ('"Hello, world"', '"Hello, world"', [], []),
]


@pytest.mark.parametrize("source,target,in_source,in_target", KEPT_QUOTES,
                         ids=[c[0][:40] for c in KEPT_QUOTES])
def test_quotations_kept_verbatim_are_literals(source, target, in_source, in_target):
    s, t = kept_quotes(mask(source), mask(target))
    assert [source[x.start:x.end] for x in s.spans if x.kind == CODE] == in_source
    assert [target[x.start:x.end] for x in t.spans if x.kind == CODE] == in_target
