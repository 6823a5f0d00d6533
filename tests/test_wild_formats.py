"""Glossary files as other tools and people write them, and the contract that everything
written reads back: a round trip over every format."""
from __future__ import annotations

import json
import re

import pytest
from paths import DATA, needs_data

from cli import main
from glossary import termfiles
from glossary.edit import import_glossary
from glossary.errors import InputError
from glossary.model import Glossary, Term
from glossary.validate import problems


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def martif(entries: str, indent: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<martif type="TBX" xml:lang="en">\n'
            f"{indent}<text>\n{indent}<body>\n{entries}\n{indent}</body>\n{indent}</text>\n</martif>\n")


def tig(term: str, status: str | None = None) -> str:
    note = f'<termNote type="administrativeStatus">{status}</termNote>' if status else ""
    return f"<tig><term>{term}</term>{note}</tig>"


def entry(ru: str, en: str, extra: str = "", id: str | None = None) -> str:
    attr = f' id="{id}"' if id else ""
    return (f"<termEntry{attr}>{extra}<langSet xml:lang=\"en\">{en}</langSet>"
            f"<langSet xml:lang=\"ru\">{ru}</langSet></termEntry>")


def test_header_in_capitals_is_terms_tsv_not_omegat(tmp_path):
    path = write(tmp_path, "g.tsv", "ID\tRU\tEN\ncamp\tлагерь\tcamp\n")
    assert termfiles.detect(path) == "tsv"
    [term] = termfiles.read(path).terms
    assert (term.id, term.ru, term.en) == ("camp", "лагерь", "camp")


def test_tab_indented_tbx_is_xml(tmp_path):
    # No XML declaration, so the first line starts with a tab, as in OmegaT's format.
    text = martif("\t\t" + entry(tig("лагерь"), tig("camp"), id="c"), indent="\t")
    path = write(tmp_path, "glossary.txt", "\t" + text.split("\n", 1)[1])
    assert termfiles.detect(path) == "tbx"
    assert termfiles.read(path).terms[0].ru == "лагерь"


def test_weblate_tbx_with_a_forbidden_only_entry_imports_as_forbidden(tmp_path):
    ours = write(tmp_path, "ours.tsv", "id\tru\ten\nblocking-detachment\tзаградотряд\tblocking detachment\n")
    theirs = write(tmp_path, "weblate.tbx", martif(
        entry(tig("заградотряд"), tig("blocking detachment")) + "\n" +
        entry(tig("заградкоманда", "forbidden"), tig("blocking detachment")) + "\n" +
        entry(tig("лагерь"), tig("camp", "standardizedTerm-admn-sts") + tig("encampment")) + "\n" +
        entry(tig("концлагерь", "obsolete") + tig("лагерь смерти"), tig("death camp"))))
    incoming = termfiles.read(theirs)
    assert [t.ru for t in incoming] == ["заградотряд", "", "лагерь", "лагерь смерти"]
    merged, report = import_glossary(termfiles.read(ours), incoming, "merge")
    by_id = merged.by_id()
    assert by_id["blocking-detachment"].ru_forbidden == ("заградкоманда",)
    assert (by_id["camp"].en, by_id["camp"].en_variants) == ("camp", ("encampment",))
    assert by_id["death-camp"].ru_forbidden == ("концлагерь",)
    assert problems(merged) == []


def test_weblate_csv(tmp_path):
    path = write(tmp_path, "weblate.csv",
                 '"location","source","target","id","fuzzy","context","translator_comments",'
                 '"developer_comments"\n"","filtration camp","фильтрационный лагерь","","False",'
                 '"","","Screening camp for returnees"\n')
    [term] = termfiles.read(path).terms
    assert (term.ru, term.en, term.id) == ("фильтрационный лагерь", "filtration camp",
                                           "filtration-camp")
    assert dict(term.extra)["developer_comments"] == "Screening camp for returnees"


def test_whitespace_in_tbx_notes_and_kind_is_normalised(tmp_path):
    path = write(tmp_path, "g.tbx", martif(entry(
        tig("лагерь"), tig("camp"), id="c",
        extra='<descrip type="subjectField">\n   place\n</descrip><note>A camp,\n\t  not a\r\nprison.</note>')))
    [term] = termfiles.read(path).terms
    assert (term.kind, term.note) == ("place", "A camp, not a prison.")
    out = tmp_path / "out.tsv"
    termfiles.write(termfiles.read(path), out)         # used to fail on the line break
    assert termfiles.read(out).terms == [term]


GNUCASH_STYLE = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. "English Definition (a note to translators)"
msgid "Term"
msgstr "Термин"

#. "Money owned"
msgid "account type: Asset"
msgstr "account type: Активы"

#, fuzzy
msgid "balance"
msgstr "баланс"

msgid "budget"
msgstr ""

#. "-"
msgid "Credit (column in register)"
msgstr "Кредит"

#. "To make the totals agree"
msgid "balance, to"
msgstr "свести баланс"

#. "A menu of choices"
msgid "options"
msgstr "настройки"

#. "Another menu of choices"
msgid "preferences"
msgstr "настройки"
"""


def test_po_glossary_gnucash_convention(tmp_path):
    """The shape of GnuCash's glossary: sense prefixes (kept in English in msgstr too),
    parentheses and ", to" as context, quoted definitions, several terms to one rendering."""
    path = write(tmp_path, "ru.po", GNUCASH_STYLE)
    terms = termfiles.read(path).terms
    assert [(t.id, t.ru, t.en, t.en_variants, t.note, dict(t.extra)["context"]) for t in terms] == [
        ("asset", "Активы", "Asset", (), "Money owned", "account type"),
        ("credit", "Кредит", "Credit", (), "", "column in register"),
        ("balance", "свести баланс", "balance", (), "To make the totals agree", "verb"),
        ("options", "настройки", "options", (), "A menu of choices", ""),
        ("preferences", "настройки", "preferences", (), "Another menu of choices", "")]
    assert [t.line for t in terms] == [10, 21, 25, 29, 33]  # where each entry starts
    assert problems(termfiles.read(path)) == []


def test_po_glossary_plural_entry_is_its_singular(tmp_path):
    """msgid → msgstr[0], not left out without a word (a glossary of 0 entries)."""
    path = write(tmp_path, "ru.po", 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
                 'msgid "camp"\nmsgid_plural "camps"\nmsgstr[0] "лагерь"\nmsgstr[1] "лагеря"\n'
                 'msgstr[2] "лагерей"\n\nmsgid "zone"\nmsgstr "зона"\n')
    assert [(t.ru, t.en, t.line) for t in termfiles.read(path)] == [
        ("лагерь", "camp", 5), ("зона", "zone", 11)]


@pytest.mark.parametrize("text, message", [
    ('[{"ru": "лагерь", "en": "camp", "en_variants": ["camps", 5]}]',
     "g.json:1: 'en_variants' holds a number; expected a list of texts"),
    ("[" * 100_000 + "]" * 100_000, "g.json:1: JSON nested too deeply"),
    ('[{"ru": "лагерь", "en": "camp", "note": ' + "9" * 5000 + "}]", "g.json:1: malformed JSON"),
    ('[{"ru": "лагерь", "en": "camp"},\n {"ru": "стан", "en": "camp\\ud800"}]',
     "g.json:2: camp-2: en holds the control character U+D800"),
    ('{"ru": "лагерь"}', "g.json:1: expected a JSON list of objects"),
    ('[{"ru": "лагерь", "en": "camp"},\n 7]', "g.json:2: expected an object (an entry), found a number"),
    ('[{"ru": "лагерь", "en": true}]', "g.json:1: 'en' is true/false; expected text"),
])
def test_bad_json_is_a_clear_error(tmp_path, text, message):
    path = write(tmp_path, "g.json", text)
    with pytest.raises(InputError) as err:
        termfiles.read(path)
    assert str(err.value).startswith(f"{tmp_path}/{message}")


def test_entries_without_an_id_get_distinct_ids(tmp_path):
    path = write(tmp_path, "g.json", json.dumps([
        {"ru": "лагерь", "en": "camp"}, {"ru": "стан", "en": "Camp!"}, {"ru": "1941", "en": "!!"}]))
    assert [t.id for t in termfiles.read(path)] == ["camp", "camp-2", "1941"]
    tbx = write(tmp_path, "g.tbx", martif(entry(tig("лагерь"), tig("camp")) + entry(tig("стан"), tig("camp"))))
    assert [t.id for t in termfiles.read(tbx)] == ["camp", "camp-2"]


# --- what is written reads back ---

@pytest.mark.parametrize("column, value, shown", [
    ("note", "a\rb", "U+000D"), ("note", "a\x00b", "U+0000"), ("ru", "лаг\tерь", "U+0009"),
    ("en", "camp\x1b[31m", "U+001B"), ("note", "line\u2028break", "U+2028"),
])
def test_writer_refuses_what_cannot_be_read_back(tmp_path, column, value, shown):
    term = Term("c", "лагерь", "camp").with_changes(**{column: value})
    for fmt in termfiles.FORMATS:
        path = tmp_path / f"g.{fmt}"
        with pytest.raises(InputError, match=re.escape(f"c: column '{column}' holds {shown}")):
            termfiles.write(Glossary([term]), path, fmt)
        assert not path.exists()


def test_column_name_with_a_tab_is_refused(tmp_path):
    glossary = Glossary([Term("c", "лагерь", "camp", extra=(("a\tb", "x"),))],
                        columns=("id", "ru", "en", "a\tb"))
    with pytest.raises(InputError, match="a column name holds U\\+0009"):
        termfiles.write(glossary, tmp_path / "g.tsv")


def test_add_with_a_control_character_is_refused_cleanly(runner, tmp_path):
    mine = tmp_path / "mine.tsv"
    result = runner.invoke(main, ["add", "--glossary", str(mine), "--ru", "лагерь", "--en", "camp",
                                  "--note", "a\rb"])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {mine}: camp: column 'note' holds U+000D (a tab, line "
                             "break or control character), which cannot be written\n")
    assert not mine.exists()


RICH = Glossary([
    Term("zagrad", "заградительный отряд", "blocking detachment", ("заградотряд",),
         ("barrier troops",), ("punishment detachment",), ("заградкоманда",), "term",
         'Contested: "barrier" <troops> & co; 50%', ("003.txt", "000.txt"), (("context", "war"),)),
    Term("smersh", "СМЕРШ", "Smersh", ("Смерть шпионам",), (), (), (), "organisation", "",
         (), (("context", ""),)),
    Term("ref-m", "М.", "Moscow", (), (), (), (), "citation", "Place 𝔐 🙂 #1", ("001.txt",),
         (("context", "refs"),)),
], columns=("id", "ru", "en", "ru_variants", "en_variants", "en_forbidden", "ru_forbidden",
            "kind", "note", "source", "context"))
# What each format carries; the exact ones carry everything.
CARRIES = {
    "tsv": None, "csv": None, "tbx": None, "json": None,
    "omegat": ("ru", "en", "ru_variants", "en_variants", "en_forbidden", "note"),
    "po": ("ru", "en", "note", "context"),
}


@pytest.mark.parametrize("fmt", sorted(termfiles.FORMATS))
@pytest.mark.parametrize("direction", ["ru-en", "en-ru"])
def test_round_trip_over_every_format(tmp_path, fmt, direction):
    if fmt == "omegat" and direction == "en-ru":
        carries = ("ru", "en", "ru_variants", "en_variants", "ru_forbidden", "note")
    else:
        carries = CARRIES[fmt]
    path = tmp_path / f"g.{fmt}"
    termfiles.write(RICH, path, fmt, direction)
    assert termfiles.detect(path) == fmt
    back = termfiles.read(path)
    assert problems(back) == []
    if carries is None:
        assert back.terms == RICH.terms
        return
    def fields(term):
        row = term.to_row()
        return {col: row.get(col, "") for col in carries}
    assert [fields(t) for t in back] == [fields(t) for t in RICH]


def test_semicolon_csv_with_language_tagged_headers(tmp_path):
    """The shape of a real translators' glossary (Tarantool's): BOM, CRLF, ';', headers
    `Term [en]`, trailing empty cells, an orphan description row."""
    path = tmp_path / "glossary.csv"
    path.write_bytes("\ufeffTerm [en];Term [ru];Description [en];Description [ru]\r\n"
                     "tuple;кортеж;A tuple plays the role of a “row”.;аналог строки\r\n"
                     "space;спейс;\"A container; for tuples.\";;\r\n"
                     ";;\"An orphan description\";;\r\n".encode("utf-8"))
    rejected: list = []
    terms = termfiles.read(path, skip=rejected).terms
    assert [(t.en, t.ru, t.note) for t in terms[:2]] == [
        ("tuple", "кортеж", "A tuple plays the role of a “row”."),
        ("space", "спейс", "A container; for tuples.")]
    assert dict(terms[0].extra)["Description [ru]"] == "аналог строки"


@pytest.mark.parametrize("target", ["zkouška sirén", "秒"])
def test_source_target_csv_that_is_not_russian_english_is_refused(tmp_path, target):
    path = write(tmp_path, "weblate.csv", f'"location","source","target"\n"","test","{target}"\n')
    with pytest.raises(InputError, match="its source and target columns are not one Russian and "
                                         "one English"):
        termfiles.read(path)


@needs_data
def test_tarantool_glossary_imports_clean(runner, tmp_path):
    source = DATA / "tarantool-doc-ru" / "glossary" / "glossary.csv"
    mine = tmp_path / "mine.tsv"
    result = runner.invoke(main, ["import", str(source), "--glossary", str(mine), "--skip-invalid"])
    assert result.exit_code == 1                      # rows without a Russian term are listed
    assert f"skipped: {source}:49: deploy-to-production: empty 'ru'" in result.stderr
    assert runner.invoke(main, ["validate", str(mine)]).exit_code == 0
    by_id = termfiles.read(mine).by_id()
    assert len(by_id) == 52 and by_id["tuple"].ru == "кортеж"


@needs_data
def test_peer_glossary_samples_are_read_or_refused_clearly():
    """translate-toolkit's and Okapi's TBX and CSV samples (none Russian–English): each is a
    clear InputError naming the file, never a traceback nor an entry calling French Russian."""
    samples = sorted(p for p in (DATA / "peer-format-samples").rglob("*")
                     if p.suffix.lower() in (".tbx", ".csv"))
    assert len(samples) >= 20
    for path in samples:
        with pytest.raises(InputError) as err:
            termfiles.read(path)
        assert str(err.value).startswith(str(path)), path
