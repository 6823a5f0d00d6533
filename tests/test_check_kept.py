"""untranslated on units that are names: the signals that need the whole draft (a word the
document writes alone as code, a unit between two names) and those that must not fire."""
from __future__ import annotations

import pytest

from glossary.check import check
from glossary.segment import Segment


def untranslated(units: list[tuple[str, str]]) -> list[int]:
    """The segment numbers the untranslated rule reports in a draft of (source, target)."""
    report = check([Segment(s, t) for s, t in units], [], rules=("untranslated",),
                   source_lang="en", target_lang="ru", markup="auto")
    return [f.segment for f in report.findings]


DRAFTS = [
    # a word the document writes alone as code is a name when a unit is just that word
    ([("Set ``distance`` to 'euclid'.", "Задайте ``distance`` = 'euclid'."),
      ("distance", "distance")], []),
    # ... but only alone: a word inside a longer piece of code may be any word
    ([("Call ``box.space.distance()``.", "Вызовите ``box.space.distance()``."),
      ("distance", "distance")], [2]),
    # ... in the case code has it: a capitalised heading is not the code word
    ([("Set ``distance`` here.", "Задайте ``distance``."), ("Distance", "")], [2]),
    # ... and not in a unit with a function word
    ([("Set ``distance`` here.", "Задайте ``distance``."),
      ("the distance", "the distance")], [2]),
    # the name an assignment sets is written as code: the option in bold is that name
    ([("**cache**", "**cache**"), ("Integer. The number of values to keep", "Целое число."),
      ("cache=0", "cache=0")], []),
    ([("**Cache**", "**Cache**"), ("Integer. The number of values to keep", "Целое число."),
      ("cache=0", "cache=0")], [1]),
    ([("Set the cache to the size you need.", "Задайте кэш."), ("cache", "cache")], [2]),
    # the value of Sphinx's return-type field is a type; after anything else it is a word
    ([("rtype", "тип возвращаемого значения"), ("string", "string")], []),
    ([("Returns", "Возвращает"), ("string", "string")], [2]),
    # a unit between two names is an item of their list (commit prefixes)
    ([("memtx:", "memtx:"), ("replication:", "replication:"), ("xlog:", "xlog:")], []),
    ([("memtx:", "memtx:"), ("vinyl:", "vinyl:"), ("xlog:", "xlog:"),
      ("replication:", "replication:"), ("recovery:", "recovery:"), ("iproto:", "iproto:")], []),
    # ... not in a list of plain words with a name or two in it
    ([("memtx", "memtx"), ("Overview", "Overview"), ("Details", "Details"), ("Usage", "Usage"),
      ("xlog", "xlog")], [2, 3, 4]),
    # a heading before a list of names is not one of them
    ([("Prefixes", "Prefixes"), ("memtx:", "memtx:"), ("xlog:", "xlog:")], [1]),
    # a block of code copied as it is: its strings and keywords (then) are no prose
    ([("var conn = new Conn({port: 3301});\nconn.connect().then(function() {\n"
       "    console.log('Connect failed'); process.exit(1);\n});",
       "var conn = new Conn({port: 3301});\nconn.connect().then(function() {\n"
       "    console.log('Connect failed'); process.exit(1);\n});")], []),
    # ... but a list whose items end with semicolons is prose
    ([("Check that:\n- the file exists;\n- the user can read it;\n- the disk has space.",
       "Check that:\n- the file exists;\n- the user can read it;\n- the disk has space.")],
     [1]),
    # a general word alone, with no name around it, is language
    ([("Overview", "Обзор"), ("Version", "Version"), ("Details", "Подробности")], [2]),
    # a capitalised word in a table row is a heading or a description, not a name
    ([("E101-01", ""), ("Statement", ""), ("``INSERT INTO t VALUES (1);``", "")], [2]),
    # a bare lower-case word in a table of names: the run is read across the other
    # columns' short cells (descriptions, values, code cells count as names)
    ([("if_not_exists", ""), ("no error if duplicate", "нет ошибки"), ("``false``", ""),
      ("id", ""), ("unique identifier", "уникальный идентификатор"), ("``1``", ""),
      ("distance", ""), ("affects RTREE only", "только для RTREE"), ("``'euclid'``", ""),
      ("bloom_fpr", ""), ("``vinyl_bloom_fpr``", "")], []),
    # ... but a paragraph ends the run, and a capitalised cell is not read across
    ([("if_not_exists", ""), ("The options are described below.", "Параметры описаны ниже."),
      ("distance", ""), ("affects RTREE only", "только для RTREE"), ("``'euclid'``", ""),
      ("bloom_fpr", "")], [3]),
    ([("if_not_exists", ""), ("no error if duplicate", "нет ошибки"), ("Distance", ""),
      ("affects RTREE only", "только для RTREE"), ("``'euclid'``", ""), ("bloom_fpr", "")], [3]),
    # a word a translated sentence keeps verbatim in quotes is a name in this draft
    ([("There are two special users: 'guest' and 'admin'.",
       "Есть два особых пользователя: 'guest' и 'admin'."), ("guest", "guest")], []),
    ([("Log in as the 'guest' user.", "Войдите как пользователь «guest»."),
      ("Name", "Имя"), ("guest", "guest")], []),
    # ... or in its Latin letters among words of another script
    ([("Use the select request.", "Используйте запрос select."), ("select", "select")], []),
    # ... not when the translation renders the quotation, nor when it repeats the unit whole
    ([("Log in as the 'guest' user.", "Войдите как пользователь «гость»."),
      ("guest", "guest")], [2]),
    ([("Log in as the 'guest' user.", "Log in as the 'guest' user."), ("guest", "guest")],
     [1, 2]),
    # ... and the word in another case is another word
    ([("Log in as the 'guest' user.", "Войдите как пользователь 'guest'."),
      ("Guest", "Guest")], [2]),
    # the name an assignment inside a piece of code sets is that option's name alone
    ([("Call ``s:create_index('i', {type = 'hash', unique = true})``.",
       "Вызовите ``s:create_index('i', {type = 'hash', unique = true})``."),
      ("type", "type")], []),
    ([("Call ``s:create_index('i', {type = 'hash', unique = true})``.",
       "Вызовите ``s:create_index('i', {type = 'hash', unique = true})``."),
      ("Type", "Type"), ("type of index", "type of index"), ("a == b", "a == b")], [2, 3]),
    ([("Call ``s:create_index('i', {type == 'hash'})``.", "Вызовите ``s:create_index()``."),
      ("type", "type")], [2]),
    ([("Call ``s:create_index('i', {type = 'hash'})``.", "Вызовите ``s:create_index()``."),
      ("_INDEX_NAMES type", "")], [2]),
    # a unit listing the draft's names (kept verbatim as a list, written as code) is names
    ([("Blocks (if, switch, for, while, do) take a space.",
       "После блоков (if, switch, for, while, do) ставится пробел."),
      ("Align ``case`` labels.", "Выравнивайте метки ``case``."),
      ("if, switch, case, for, do, while", "if, switch, case, for, do, while")], []),
    # ... not when an item is not one, nor a list of plain words, nor a sentence
    ([("Blocks (if, switch, for, while, do) take a space.",
       "После блоков (if, switch, for, while, do) ставится пробел."),
      ("if, switch, case, for, do, while", "if, switch, case, for, do, while")], [2]),
    ([("red, green, blue", "red, green, blue"), ("if, then, else", "if, then, else")], [1, 2]),
    ([("Blocks (if, switch, for, while, do) take a space.",
       "После блоков (if, switch, for, while, do) ставится пробел."),
      ("if for while", "if for while")], [2]),
    # a capitalised word among identifiers with a capital inside is one of their column's
    ([("DisplayString", "DisplayString"), ("IsAlive", "IsAlive"),
      ("instance availability indicator", "индикатор доступности"), ("Integer", "Integer"),
      ("(listing)", "(список)"), ("MemoryLua", "MemoryLua"), ("storage used by Lua", "объём"),
      ("Gauge32", "Gauge32"), ("MemoryData", "MemoryData")], []),
    # ... not with such names on one side only (a header row before the table's first cell)
    ([("Option", "Параметр"), ("Threshold", "Предел"), ("Version", "Version"),
      ("Tarantool version", "Версия Tarantool"), ("DisplayString", "DisplayString"),
      ("IsAlive", "IsAlive")], [3]),
    # ... nor among names of other shapes, nor among code cells
    ([("F041", ""), ("Statement", ""), ("F041-01", ""), ("E101", "")], [2]),
    ([("``box.cfg``", ""), ("Statement", ""), ("``box.info``", ""), ("``box.stat``", "")], [2]),
    # code given one value is a line of code; a sentence about code is not
    ([("``cycle`` = true,", "``cycle`` = true,"), ("``start`` = 'x'", "``start`` = 'x'")], []),
    ([("``cycle`` means true", "``cycle`` means true"),
      ("``cycle`` = true, or else", "``cycle`` = true, or else"),
      ("``cycle`` = not set", "``cycle`` = not set")], [1, 2, 3]),
    # names left empty need nothing; prose left empty does
    ([("IsAlive", ""), ("instance availability indicator", "")], [2]),
]


@pytest.mark.parametrize("units,expected", DRAFTS, ids=[d[0][-1][0][:30] + f"-{i}"
                                                        for i, d in enumerate(DRAFTS)])
def test_names_in_a_draft(units, expected):
    assert untranslated(units) == expected


def test_a_command_the_translator_kept_in_a_table_of_tools_is_a_name():
    # a Sphinx catalogue (its ``literals``): lower-case words kept are a table's identifiers
    assert untranslated([("golint", "golint"), ("golangci-lint", "golangci-lint"),
                         ("Packaging", "Упаковка"), ("go get", "go get"),
                         ("Code coverage", "Покрытие кода"), ("``pip``", "``pip``"),
                         ("``npm``", "``npm``")]) == []


@pytest.mark.xfail(strict=True, reason="limit: a one-word lower-case description between "
                   "code cells reads as a name of the table's column")
def test_a_lower_case_description_between_code_cells_is_language():
    assert untranslated([("E101-01", ""), ("statement", ""),
                         ("``INSERT INTO t VALUES (1);``", "")]) == [2]


def test_the_signals_hold_across_worker_processes():
    units = [("memtx:", "memtx:"), ("replication:", "replication:"), ("xlog:", "xlog:"),
             ("Configuring the zones", "Configuring the zones")] * 20
    report = check([Segment(s, t) for s, t in units], [], rules=("untranslated",),
                   source_lang="en", target_lang="ru", markup="auto", jobs=2)
    assert [f.segment for f in report.findings] == list(range(4, 81, 4))


def confidences(units: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """(segment, confidence) of the untranslated findings in a draft of (source, target)."""
    report = check([Segment(s, t) for s, t in units], [], rules=("untranslated",),
                   source_lang="en", target_lang="ru", markup="auto")
    return [(f.segment, f.confidence) for f in report.findings]


KEPT_BY_THE_TRANSLATOR = [
    # a capitalised word the draft's translations keep in Latin is a name: silent
    ([("Connectors for Perl, Python and Go.", "Коннекторы для Perl, Python и Go."),
      ("Python", "Python"), (":ref:`Go <connector-go>`", ":ref:`Go <connector-go>`")], []),
    ([("On Fedora 22 and Ubuntu Vivid.", "В Fedora 22 и Ubuntu Vivid."),
      ("Fedora 22, Ubuntu Vivid", "Fedora 22, Ubuntu Vivid")], []),
    # ... not when a translation beside it renders it inside a sentence
    ([("Uses Raft.", "Использует Raft."), ("Then Raft and Paxos.", "Затем плот и Paxos."),
      ("See Raft below.", "См. плот ниже."), ("Raft", "Raft")], [(4, "low")]),
    # ... nor when a translation keeps it only inside an English phrase left as it is
    ([("Use the Version field.", "Используйте the Version field."), ("Version", "Version")],
     [(2, "high")]),
    # a call chain written as plain text is code: its steps are no words
    ([("conn:timeout(0.5).space.tester:update({1})",
       "conn:timeout(0.5).space.tester:update({1})")], []),
    # ... not a word before a colon and a value: a message
    ([("Error:{0}", "")], [(1, "high")]),
    # lower-case words kept as they are: identifiers or a command, low
    ([("Options", "Параметры"), ("sequence", "sequence"), ("string or number", "строка")],
     [(2, "low")]),
    ([("go get", "go get")], [(1, "low")]),
    ([("`pip <https://pypi.org/project/x/>`__", "`pip <https://pypi.org/project/x/>`__"),
      ("`deb, rpm <https://example.com/i>`__", "`deb, rpm <https://example.com/i>`__")],
     [(1, "low"), (2, "low")]),
    # ... but a link's title of several words names a section, and a word beside code or
    # a function word is language: sure
    ([(":ref:`log level <c_api-say-say_level>`", ":ref:`log level <c_api-say-say_level>`")],
     [(1, "high")]),
    ([("see :ref:`json.cfg <json-module_cfg>`", "see :ref:`json.cfg <json-module_cfg>`")],
     [(1, "high")]),
    ([(":ref:`lower <utf8-lower>` and :ref:`upper <utf8-upper>`",
       ":ref:`lower <utf8-lower>` and :ref:`upper <utf8-upper>`")], [(1, "high")]),
    ([("``box.cfg`` option", "``box.cfg`` option")], [(1, "high")]),
    ([("Configuring the zones", "Configuring the zones")], [(1, "high")]),
    # capitalised words beside a name are a product's name: low; without one, a heading
    ([("GitHub Actions", "GitHub Actions"), ("Apache License 2.0", "Apache License 2.0")],
     [(1, "low"), (2, "low")]),
    ([("Getting Started", "Getting Started")], [(1, "high")]),
    # one specialised capitalised word kept is likely a name; an everyday one is a label
    ([("Vinyl", "Vinyl"), ("Note", "Note"), ("Warning", "Warning")],
     [(1, "low"), (2, "high"), (3, "high")]),
    # ... as is one the draft keeps in lower case in its Latin letters
    ([("A space holds tuples.", "В space хранятся кортежи."), ("Space", "Space"),
      ("Storage", "Storage")], [(2, "low"), (3, "high")]),
    # the first of a column of names with a capital inside: low
    ([("Option", "Параметр"), ("Threshold", "Предел"), ("Version", "Version"),
      ("Tarantool version", "Версия Tarantool"), ("DisplayString", "DisplayString"),
      ("IsAlive", "IsAlive")], [(3, "low")]),
    # a source in the target language already needs no translation, empty or repeated
    ([("Этот тип блока требует заголовка.", ""), ("Заголовок 3-го уровня", "Заголовок 3-го уровня"),
      ("Use the ``выборка`` field.", "")], [(3, "high")]),
    # in a Sphinx catalogue (its ``literals`` say so), lower-case words kept are a table's
    # values or identifiers: documentation capitalises its prose. Silent; left empty, or
    # capitalised, or with a function word, still reported
    ([("Use ``box.cfg``.", "Используйте ``box.cfg``."), ("Set ``x``.", "Задайте ``x``."),
      ("sequence", "sequence"), ("go get", "go get"), ("string or number", "string or number"),
      ("Note", "Note"), ("sequence", "")], [(5, "high"), (6, "high"), (7, "high")]),
    # a unit left empty is no choice of the translator's: as sure as before
    ([("Vinyl", ""), ("sequence", "")], [(1, "high"), (2, "high")]),
]


@pytest.mark.parametrize("units,expected", KEPT_BY_THE_TRANSLATOR,
                         ids=[d[0][-1][0][:30] + f"-{i}"
                              for i, d in enumerate(KEPT_BY_THE_TRANSLATOR)])
def test_units_the_translator_kept(units, expected):
    assert confidences(units) == expected
