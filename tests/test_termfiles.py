"""Glossary files: reading, validation with file:line, encodings, round trips over formats."""
from __future__ import annotations

import codecs
import dataclasses
import shutil

import pytest
from paths import HERE

from glossary import termfiles
from glossary.errors import InputError, ValidationError
from glossary.model import Glossary, Term
from glossary.validate import load, notes, problems


HEADER = "id\tru\ten\tru_variants\ten_variants\ten_forbidden\tru_forbidden\tkind\tnote\tsource\n"


def write(tmp_path, text, name="g.tsv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def rich_glossary():
    """Every field set, awkward characters included, and an unknown column kept."""
    terms = [
        Term("zagrad", "заградительный отряд", "blocking detachment", ("заградотряд",),
             ("barrier troops", "blocking unit"), ("punishment detachment",),
             ("заградкоманда",), "term", 'Contested: "barrier" <troops> & co.',
             ("003.txt", "000.txt"), (("reviewer", "АБ"),)),
        Term("smersh", "СМЕРШ", "Smersh", ("Смерть шпионам",), (), (), (), "organisation",
             "Counter-intelligence of the People's Commissariat of Defence, then Main-"
             "Directorate of Counter-intelligence: longer than a line, wrapped at a hyphen",
             (), (("reviewer", ""),)),
        Term("ref-m", "М.", "Moscow", (), (), (), (), "citation", "Place 𝔐 in references 🙂",
             ("001.txt",), (("reviewer", "ВК"),), match="exact"),
    ]
    columns = ("id", "ru", "en", "ru_variants", "en_variants", "en_forbidden", "ru_forbidden",
               "kind", "note", "source", "reviewer")
    return Glossary(terms, columns=columns)


# What each registered glossary format cannot store (README, "Known limits": OmegaT's format
# has only source⇥target⇥comment lines, so ids are rebuilt and kind, source-side forbidden
# forms, sources, match modes and extra columns are lost; the target's forbidden forms travel
# in the comment. A PO glossary has one msgid/msgstr pair and a comment per concept). Every
# other field must come back exactly.
LOSES: dict[str, set[str]] = {
    "tsv": set(), "csv": set(), "tbx": set(), "json": set(),
    "omegat": {"id", "kind", "ru_forbidden", "source", "extra", "match"},
    "po": {"id", "ru_variants", "en_variants", "en_forbidden", "ru_forbidden", "kind", "source",
           "extra", "match"},
}


def test_every_format_has_a_loss_entry():
    assert set(LOSES) == set(termfiles.FORMATS)


def kept(glossary: Glossary, fmt: str) -> list[list[object]]:
    # line, origin and given say where a term was read, not what it is
    names = [f.name for f in dataclasses.fields(Term)
             if f.name not in LOSES[fmt] | {"line", "origin", "given"}]
    return [[getattr(t, n) for n in names] for t in glossary]


@pytest.mark.parametrize("fmt", sorted(termfiles.FORMATS))
def test_round_trip_through_every_format(tmp_path, rich_glossary, fmt):
    path = tmp_path / f"g{termfiles.FORMATS[fmt].EXTENSIONS[0]}"
    termfiles.write(rich_glossary, path, fmt)
    back = termfiles.read(path)
    assert termfiles.detect(path) == fmt
    assert kept(back, fmt) == kept(rich_glossary, fmt)
    for lost in LOSES[fmt]:  # the table must not claim a loss that is not there
        assert [getattr(t, lost) for t in back] != [getattr(t, lost) for t in rich_glossary]


@pytest.mark.parametrize("fmt", sorted(f for f in termfiles.FORMATS if not LOSES[f]))
def test_shipped_glossary_round_trips_through_every_exact_format(tmp_path, fmt):
    shipped = load()
    path = tmp_path / f"s{termfiles.FORMATS[fmt].EXTENSIONS[0]}"
    termfiles.write(shipped, path, fmt)
    assert kept(termfiles.read(path), fmt) == kept(shipped, fmt)


def test_tsv_write_keeps_column_order_and_bytes(tmp_path):
    original = (HERE / "data" / "small.tsv").read_text(encoding="utf-8")
    path = write(tmp_path, original)
    termfiles.write(termfiles.read(path), path)
    assert path.read_text(encoding="utf-8") == original


def test_columns_in_any_order_and_only_ru_en_required(tmp_path):
    path = write(tmp_path, "en\tru\tcomment\nfiltration camp\tфильтрационный лагерь\tx\n")
    [term] = load(path).terms
    assert (term.id, term.ru, term.en, term.extra) == (
        "filtration-camp", "фильтрационный лагерь", "filtration camp", (("comment", "x"),))


@pytest.mark.parametrize("encoding, prefix", [("cp1251", b""), ("utf-8", codecs.BOM_UTF8),
                                              ("utf-16", b"")])
def test_encodings(tmp_path, encoding, prefix):
    text = HEADER + "a\tзаградотряд\tblocking detachment\t\t\t\t\tterm\tёлка\t\n"
    path = tmp_path / "g.tsv"
    path.write_bytes(prefix + text.replace("\n", "\r\n").encode(encoding))
    [term] = load(path).terms
    assert (term.ru, term.note) == ("заградотряд", "ёлка")


@pytest.mark.parametrize("text, message", [
    ("", "g.tsv: empty glossary file (no header line)"),
    ("id\tru\nx\tлагерь\n", "g.tsv:1: header lacks the column(s) en; found: id, ru"),
    (HEADER + "a\tлагерь\tcamp\n", "g.tsv:2: expected 10 columns, found 3"),
    ("ru\ten\tru\n", "g.tsv:1: column(s) named twice: ru"),
])
def test_structural_errors_name_file_and_line(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load(path)
    assert str(err.value) == f"{tmp_path}/{message}"


def test_rule_problems_are_all_reported_with_lines(tmp_path):
    rows = ["a\tлагерь\tcamp\t\t\t\t\tterm\t\t",
            "a\tотряд\tdetachment\t\t\t\t\tterm\t\t",
            "b\t\tsomething\t\t\t\t\tterm\t\t",
            "c\tстан\tCamp\t\t\t\t\tterm\t\t",
            "d\tотдел\tdepartment\t\t\tdetachment\t\tterm\t\t",
            "e\tгруппа\tgroup\t\t\tgroup\t\tterm\t\t"]
    path = write(tmp_path, HEADER + "\n".join(rows) + "\n")
    with pytest.raises(ValidationError) as err:
        load(path)
    assert [str(p).split(": ", 1)[1] for p in err.value.problems] == [
        "duplicate id 'a' (first at line 2)",
        "b: empty 'ru'",
        "e: forbidden en form 'group' is its own approved form",
    ]
    assert [p.line for p in err.value.problems] == [3, 4, 7]


def test_a_form_of_several_concepts_is_a_sense_noted_not_an_error(tmp_path):
    rows = ["row\tстрока\tRow\t\t\t\t\tterm\tIn a table.\t",
            "line\tстрока\tLine\t\t\t\t\tterm\tOf text.\t",
            "link\tссылка\tlink\t\t\t\t\tterm\t\t",
            "exile\tссылка\texile\t\t\tlink\t\tterm\t\t"]
    glossary = load(write(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert problems(glossary) == []
    assert [(str(n).split(": ", 1)[1], n.line) for n in notes(glossary)] == [
        ("ru form 'строка' has 2 senses: row, line", 3),
        ("ru form 'ссылка' has 2 senses: link, exile", 5),
    ]


@pytest.mark.parametrize("mode, ok", [("", True), ("lemma", True), ("case", True),
                                      ("exact", True), ("Exact", False), ("stem", False)])
def test_match_column_values(tmp_path, mode, ok):
    text = HEADER.rstrip("\n") + "\tmatch\n" + f"a\tУзел\tNode\t\t\t\t\tterm\t\t\t{mode}\n"
    path = write(tmp_path, text)
    if ok:
        assert load(path).terms[0].match == mode
    else:
        with pytest.raises(ValidationError, match=f"match '{mode}' is not one of lemma, case"):
            load(path)


def test_malformed_tbx_reports_line(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n<martif type="TBX-Basic">\n<text><body>\n'
                           '<termEntry id="x">\n</body></text></martif>\n', name="g.tbx")
    with pytest.raises(InputError) as err:
        termfiles.read(path)
    assert str(err.value).startswith(f"{path}:")


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
])
def test_tbx_with_entities_is_refused(tmp_path, doctype):
    path = write(tmp_path, f'<?xml version="1.0"?>\n{doctype}\n<martif type="TBX-Basic">'
                           '<text><body/></text></martif>\n', name="g.tbx")
    with pytest.raises(InputError, match="entit"):
        termfiles.read(path)


def test_binary_file_is_a_clear_error(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="binary"):
        load(path)


def test_omegat_export_and_read(tmp_path, small_glossary):
    text = termfiles.dumps(small_glossary, "omegat", "ru-en")
    comment = "Contested rendering. Forbidden: punishment detachment"
    assert f"заградительный отряд\tblocking detachment\t{comment}" in text.splitlines()
    assert f"заградотряд\tbarrier troops\t{comment}" in text.splitlines()
    path = write(tmp_path, text, name="omegat.txt")
    back = {t.ru: t for t in termfiles.read(path)}
    assert back["заградительный отряд"].en_variants == ("barrier troops",)
    # The forbidden rendering travels in the comment and comes back as forbidden.
    assert back["заградительный отряд"].en_forbidden == ("punishment detachment",)
    assert back["заградительный отряд"].note == "Contested rendering."
    en_ru = write(tmp_path, termfiles.dumps(small_glossary, "omegat", "en-ru"), name="er.txt")
    assert {t.en: t.ru for t in termfiles.read(en_ru)}["filtration camp"] == "фильтрационный лагерь"


def test_write_is_atomic_when_rendering_fails(tmp_path):
    path = tmp_path / "g.tsv"
    shutil.copy(HERE / "data" / "small.tsv", path)
    before = path.read_bytes()
    broken = Glossary([Term("x", "лагерь", "camp\twith a tab")])
    with pytest.raises(InputError):
        termfiles.write(broken, path)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_problems_of_the_small_glossary_are_none(small_glossary):
    assert problems(small_glossary) == []


def test_written_files_get_ordinary_permissions(tmp_path, small_glossary):
    new = tmp_path / "new.tsv"
    termfiles.write(small_glossary, new)
    assert new.stat().st_mode & 0o044 == 0o044          # group and others may read it
    new.chmod(0o600)
    termfiles.write(small_glossary, new)
    assert new.stat().st_mode & 0o777 == 0o600          # an existing file keeps its mode


def test_omegat_export_reads_back_as_the_same_concepts(tmp_path):
    shipped = load()
    for direction in ("ru-en", "en-ru"):
        path = write(tmp_path, termfiles.dumps(shipped, "omegat", direction), name="o.txt")
        back = {(t.ru, t.en): t for t in termfiles.read(path)}
        assert len(back) == len(shipped)
        for term in shipped:
            again = back[(term.ru, term.en)]
            assert (again.ru_variants, again.en_variants) == (term.ru_variants, term.en_variants)


def test_omegat_rows_of_one_source_with_different_targets_are_senses(tmp_path):
    path = write(tmp_path, "Строка\tRow\tIn a table.\nСтрока\tLine\tOf text.\n"
                           "рота\tcompany\tMilitary unit.\nкомпания\tcompany\tA firm.\n"
                           "заградотряд\tblocking detachment\t\n"
                           "заградительный отряд\tblocking detachment\t\n", name="g.txt")
    got = [(t.id, t.ru, t.ru_variants, t.en, t.note) for t in termfiles.read(path)]
    assert got == [("row", "Строка", (), "Row", "In a table."),
                   ("line", "Строка", (), "Line", "Of text."),
                   ("company", "рота", (), "company", "Military unit."),
                   ("company-2", "компания", (), "company", "A firm."),
                   ("blocking-detachment", "заградотряд", ("заградительный отряд",),
                    "blocking detachment", "")]


def test_csv_rows_of_one_source_with_different_targets_are_senses(tmp_path):
    path = write(tmp_path, "ru,en,note\nСтрока,Row,In a table.\nСтрока,Line,Of text.\n",
                 name="g.csv")
    glossary = load(path)
    assert [(t.id, t.ru, t.en, t.note) for t in glossary] == [
        ("row", "Строка", "Row", "In a table."), ("line", "Строка", "Line", "Of text.")]
    assert len(notes(glossary)) == 1
