"""How a real glossary's cells are read (issue 10, item 7): lists of alternatives, optional
parts, abbreviations and labels in brackets — what is read, what is NOT, per reader, and
that nothing the user wrote is lost or rewritten on the way."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import main
from glossary import brackets, termfiles
from glossary.lists import AUTO, KEEP, SPLIT, parts, read_cells, sure_list
from glossary.model import Glossary, Term

# cell, language, forms it is read as (preferred first), labels taken to the note
BRACKETS = [
    ("снимок (данных)", "ru", ("снимок данных", "снимок"), ()),
    ("пакет (инструкций)", "ru", ("пакет инструкций", "пакет"), ()),
    ("(механизм) MVCC", "ru", ("механизм MVCC", "MVCC"), ()),
    ("(data) snapshot", "en", ("data snapshot", "snapshot"), ()),
    ("copy (of a file)", "en", ("copy of a file", "copy"), ()),
    ("(механизм) снимок (данных)", "ru",
     ("механизм снимок данных", "механизм снимок", "снимок данных", "снимок"), ()),
    # an abbreviation is a form of its own, never written together with the phrase
    ("Народный комиссариат внутренних дел (НКВД)", "ru",
     ("Народный комиссариат внутренних дел", "НКВД"), ()),
    ("журнал упреждающей записи (WAL)", "ru", ("журнал упреждающей записи", "WAL"), ()),
    ("write-ahead log (WAL)", "en", ("write-ahead log", "WAL"), ()),
    ("НКВД (Народный комиссариат внутренних дел)", "ru",
     ("НКВД", "Народный комиссариат внутренних дел"), ()),
    ("WAL (журнал упреждающей записи)", "ru", ("WAL", "журнал упреждающей записи"), ()),
    ("НКВД (People's Commissariat for Internal Affairs)", "ru", ("НКВД",),
     ("People's Commissariat for Internal Affairs",)),
    # labels and glosses: not forms
    ("ссылка (exile)", "ru", ("ссылка",), ("exile",)),
    ("Lua (язык)", "ru", ("Lua",), ("язык",)),
    ("key (music)", "en", ("key",), ("music",)),
    ("statement (SQL)", "en", ("statement",), ("SQL",)),
    ("слово (устар.)", "ru", ("слово",), ("устар.",)),
    ("Battle of Smolensk (1943)", "en", ("Battle of Smolensk",), ("1943",)),
    ("журнал (в репликасете)", "ru", ("журнал",), ("в репликасете",)),
    ("Moscow (in references)", "en", ("Moscow",), ("in references",)),
    ("машина состояний (конечный автомат, state machine)", "ru", ("машина состояний",),
     ("конечный автомат, state machine",)),
]
# cells whose brackets are not read at all
NOT_BRACKETS = [
    ("ВКП(б)", "ru"), ("select()", "en"), ("f(x) value", "en"), ("(in a replica set)", "en"),
    ("снимок (данных", "ru"), ("снимок ((данных))", "ru"), ("снимок", "ru"), ("()", "en"),
]


@pytest.mark.parametrize("cell, lang, forms, labels", BRACKETS)
def test_brackets_are_read_by_what_they_hold(cell, lang, forms, labels):
    reading = brackets.read(cell, lang)
    assert reading is not None
    assert (reading.forms, reading.labels) == (forms, labels)


@pytest.mark.parametrize("cell, lang", NOT_BRACKETS)
def test_cells_without_a_bracket_to_read(cell, lang):
    assert brackets.read(cell, lang) is None


def test_a_name_keeps_its_brackets_but_not_its_abbreviation():
    assert brackets.read("Всесоюзная коммунистическая партия (большевиков)", "ru",
                         proper=True) is None
    assert brackets.read("Battle of Smolensk (1943)", "en", proper=True) is None
    assert brackets.read("Народный комиссариат внутренних дел (НКВД)", "ru",
                         proper=True).forms == ("Народный комиссариат внутренних дел", "НКВД")


# cell, the other language's cell, parts, split by default (AUTO)?
LISTS = [
    ("имя, идентификатор", "identifier", ("имя", "идентификатор"), True),
    ("выберите, выбрать", "select", ("выберите", "выбрать"), True),
    ("Lua-приложение, приложение на языке Lua", "Lua application",
     ("Lua-приложение", "приложение на языке Lua"), True),
    ("login / sign in", "вход", ("login", "sign in"), True),
    ("Configure, configuring", "Настроить, настройка", ("Configure", "configuring"), True),
    # both sides with a comma, parts of different words: a phrase's own punctuation
    ("Yes, I'm sure", "Да, я уверен", ("Yes", "I'm sure"), False),
    # not lists at all
    ("1,000", "тысяча", (), False),
    ("and/or", "и/или", (), False),
    ("машина состояний (автомат, FSM)", "state machine", (), False),
    ("if the record is found, it is deleted at once", "запись удаляется", (), False),
]


@pytest.mark.parametrize("cell, other, split, by_default", LISTS)
def test_list_cells(cell, other, split, by_default):
    assert parts(cell) == split
    assert (bool(split) and sure_list(split, other)) == by_default


def glossary(*terms: Term) -> Glossary:
    return Glossary(list(terms), path="theirs.csv")


def test_read_cells_modes():
    g = glossary(Term("identifier", "имя, идентификатор", "identifier", line=2),
                 Term("snapshot", "снимок (данных)", "snapshot", line=3),
                 Term("yes", "Да, я уверен", "Yes, I'm sure", line=4),
                 Term("link", "ссылка (exile)", "exile", note="banishment", line=5))
    auto, cells = read_cells(g, AUTO)
    by_id = auto.by_id()
    assert (by_id["identifier"].ru, by_id["identifier"].ru_variants) == ("имя", ("идентификатор",))
    assert (by_id["snapshot"].ru, by_id["snapshot"].ru_variants) == ("снимок данных", ("снимок",))
    assert by_id["yes"].ru == "Да, я уверен"          # kept whole, reported
    assert (by_id["link"].ru, by_id["link"].note) == ("ссылка", "banishment; exile")
    assert [(c.term_id, c.column, c.applied) for c in cells] == [
        ("identifier", "ru", True), ("snapshot", "ru", True), ("yes", "ru", False),
        ("yes", "en", False), ("link", "ru", True)]
    split = read_cells(g, SPLIT)[0].by_id()["yes"]
    assert (split.ru, split.ru_variants, split.en) == ("Да", ("я уверен",), "Yes")
    kept, cells = read_cells(g, KEEP)
    assert kept is g and not any(c.applied for c in cells)
    assert read_cells(glossary(Term("camp", "лагерь", "camp")))[0] is not None


def test_forbidden_and_variant_cells_are_read_too():
    g = glossary(Term("x", "снимок (данных)", "snapshot", ru_variants=("дамп, слепок",),
                      ru_forbidden=("снапшот (данных)",)))
    term = read_cells(g)[0].by_id()["x"]
    assert term.ru_variants == ("снимок", "дамп", "слепок")
    assert term.ru_forbidden == ("снапшот данных", "снапшот")


def test_a_forbidden_form_the_concept_approves_is_dropped():
    g = glossary(Term("x", "снимок", "snapshot", ru_forbidden=("снимок (данных)",)))
    assert read_cells(g)[0].by_id()["x"].ru_forbidden == ("снимок данных",)


CELLS = Glossary([Term("snapshot", "снимок (данных)", "snapshot"),
                  Term("identifier", "имя, идентификатор", "identifier"),
                  Term("nkvd", "Народный комиссариат внутренних дел (НКВД)",
                       "People's Commissariat for Internal Affairs")])


@pytest.mark.parametrize("fmt, name", [("tsv", "g.tsv"), ("csv", "g.csv"), ("omegat", "g.txt"),
                                       ("tbx", "g.tbx"), ("json", "g.json"), ("po", "g.po")])
def test_every_reader_keeps_the_cells_and_they_are_read_alike(tmp_path, fmt, name):
    path = tmp_path / name
    path.write_text(termfiles.dumps(CELLS, fmt, "en-ru"), encoding="utf-8")
    back = termfiles.read(path)
    assert sorted(t.ru for t in back) == sorted(t.ru for t in CELLS)  # written, read as is
    read = {t.en: t for t in read_cells(back)[0]}
    assert read["snapshot"].approved("ru") == ("снимок данных", "снимок")
    assert read["identifier"].approved("ru") == ("имя", "идентификатор")
    assert read["People's Commissariat for Internal Affairs"].approved("ru") == (
        "Народный комиссариат внутренних дел", "НКВД")


TARANTOOL_LIKE = ("\ufeffTerm [en];Term [ru];Description [en];Description [ru]\n"
                  "snapshot;снимок (данных);;\n"
                  "identifier;имя, идентификатор;;\n"
                  "dirty read;\"\"\"грязное чтение\"\"\";;в кавычках\n"
                  "to deploy;;Transforming a system;\n")
DRAFT = ("msgid \"\"\nmsgstr \"\"\n\"Language: ru\\n\"\n\n"
         "msgid \"Take a snapshot.\"\nmsgstr \"Сделайте снимок.\"\n\n"
         "msgid \"The identifier.\"\nmsgstr \"Имя.\"\n")


@pytest.fixture
def runner():
    return CliRunner()


def test_import_reads_a_tarantool_shaped_csv_and_writes_cells_as_they_are(runner, tmp_path):
    theirs = tmp_path / "glossary.csv"
    theirs.write_text(TARANTOOL_LIKE, encoding="utf-8")
    ours = tmp_path / "terms.tsv"
    result = runner.invoke(main, ["import", str(theirs), "--glossary", str(ours),
                                  "--skip-invalid"])
    assert result.exit_code == 1  # one row skipped: no Russian term
    assert f"{theirs}:5: to-deploy: empty 'ru'" in result.stderr
    assert (f"{theirs}:2: snapshot: ru 'снимок (данных)': optional part; read as "
            "снимок данных | снимок") in result.stderr
    assert "identifier: ru 'имя, идентификатор': a list of alternatives; read as" in result.stderr
    written = termfiles.read(ours).by_id()
    assert written["snapshot"].ru == "снимок (данных)"       # the user's cell, untouched
    assert written["identifier"].ru == "имя, идентификатор"
    assert dict(written["dirty-read"].extra) == {"Description [ru]": "в кавычках"}
    # a later edit of that glossary keeps the cell too
    assert runner.invoke(main, ["add", "--glossary", str(ours), "--ru", "узел",
                                "--en", "node"]).exit_code == 0
    assert termfiles.read(ours).by_id()["snapshot"].ru == "снимок (данных)"


def test_import_split_lists_writes_lists_but_keeps_brackets(runner, tmp_path):
    theirs = tmp_path / "glossary.csv"
    theirs.write_text(TARANTOOL_LIKE, encoding="utf-8")
    ours = tmp_path / "terms.tsv"
    runner.invoke(main, ["import", str(theirs), "--glossary", str(ours), "--skip-invalid",
                         "--split-lists"])
    written = termfiles.read(ours).by_id()
    assert (written["identifier"].ru, written["identifier"].ru_variants) == (
        "имя", ("идентификатор",))
    assert written["snapshot"].ru == "снимок (данных)"


@pytest.mark.parametrize("options, missing", [
    ([], []),                                          # read by default
    (["--keep-cells"], ["identifier", "snapshot"]),    # as written: neither is found
])
def test_check_reads_cells_by_default(runner, tmp_path, options, missing):
    theirs = tmp_path / "glossary.csv"
    theirs.write_text(TARANTOOL_LIKE.replace("to deploy;;", "deploy;развернуть;"),
                      encoding="utf-8")
    draft = tmp_path / "draft.po"
    draft.write_text(DRAFT, encoding="utf-8")
    result = runner.invoke(main, ["check", str(draft), "--glossary", str(theirs),
                                  "--format", "json", "--rule", "missing-term", *options])
    assert result.exit_code in (0, 1), result.output
    found = sorted(f["term"] for f in json.loads(result.stdout)["findings"])
    assert found == missing


def test_bad_cells_are_left_as_written(tmp_path):
    """Unbalanced brackets, empty parts, a lone separator: nothing is invented."""
    g = glossary(Term("a", "снимок (данных", "a"), Term("b", ", ", "b"),
                 Term("c", "имя,, идентификатор", "c"), Term("d", "(данных)", "d"))
    read, cells = read_cells(g)
    assert read is g and cells == []


def test_lookup_reads_cells_silently_and_export_writes_them_as_they_are(runner, tmp_path):
    theirs = tmp_path / "glossary.csv"
    theirs.write_text(TARANTOOL_LIKE.replace("to deploy;;", "deploy;развернуть;"),
                      encoding="utf-8")
    found = runner.invoke(main, ["lookup", "--glossary", str(theirs), "--format", "json",
                                 "снимка"])
    assert found.exit_code == 0 and found.stderr == ""
    assert json.loads(found.stdout)[0]["ru_variants"] == ["снимок"]
    exported = runner.invoke(main, ["export", "--glossary", str(theirs), "--format", "csv"])
    assert "снимок (данных)" in exported.stdout and "имя, идентификатор" in exported.stdout


def test_a_read_glossary_has_its_matcher_cached(runner, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(cache))
    theirs = tmp_path / "glossary.csv"
    theirs.write_text(TARANTOOL_LIKE.replace("to deploy;;", "deploy;развернуть;"),
                      encoding="utf-8")
    draft = tmp_path / "draft.po"
    draft.write_text(DRAFT, encoding="utf-8")

    def run(*options):
        return runner.invoke(main, ["check", str(draft), "--glossary", str(theirs), *options,
                                    "--format", "json", "--rule", "missing-term"])

    def matchers(read):
        return [p for p in cache.glob("*.matcher.json") if ("-cells-" in p.name) == read]

    cold, warm = run(), run()
    assert (cold.exit_code, warm.exit_code) == (0, 0) and cold.stdout == warm.stdout
    # only the read glossary is compiled and cached, not the cells as written
    assert len(matchers(read=True)) == 1 and matchers(read=False) == []
    assert run("--keep-cells").exit_code == 1  # as written, the cells match nothing
    assert len(matchers(read=False)) == 1


def test_entries_not_translated_yet_are_left_out_by_check_but_refused_by_validate(
        runner, tmp_path):
    theirs = tmp_path / "glossary.csv"
    theirs.write_text(TARANTOOL_LIKE, encoding="utf-8")   # `to deploy` has no Russian term
    draft = tmp_path / "draft.po"
    draft.write_text(DRAFT, encoding="utf-8")
    checked = runner.invoke(main, ["check", str(draft), "--glossary", str(theirs),
                                   "--format", "json", "--rule", "missing-term"])
    assert checked.exit_code == 0, checked.output
    assert f"{theirs}:5: to-deploy: no ru term yet: left out" in checked.stderr
    looked = runner.invoke(main, ["lookup", "--glossary", str(theirs), "снимок"])
    assert looked.exit_code == 0 and looked.stderr == ""
    validated = runner.invoke(main, ["validate", str(theirs)])
    assert validated.exit_code == 1 and "to-deploy: empty 'ru'" in validated.stdout


def test_any_other_problem_still_stops_check(runner, tmp_path):
    theirs = tmp_path / "glossary.csv"
    theirs.write_text("id;ru;en;ru_forbidden\nsnapshot;снимок;snapshot;снимок\n"
                      "deploy;;deploy;\n", encoding="utf-8")
    draft = tmp_path / "draft.po"
    draft.write_text(DRAFT, encoding="utf-8")
    checked = runner.invoke(main, ["check", str(draft), "--glossary", str(theirs)])
    assert checked.exit_code == 2
    assert "forbidden ru form 'снимок' is its own approved form" in checked.stderr
    assert "Traceback" not in checked.output
