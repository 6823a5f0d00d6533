"""Our PO reader (glossary.formats.poparse) reads what polib reads: every catalogue of the
shared data field by field, each feature of the format on its own, and broken files refused
with their line (where polib's reading went through `po._parse`, which `tm pretranslate`
still uses)."""
from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner
from paths import DATA

from cli import main
from glossary.errors import InputError
from glossary.formats import po
from glossary.formats.poparse import parse
from glossary.textio import read_text

# Every field of an entry the project reads, and the previous msgid polib also keeps.
FIELDS = ("linenum", "msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "comment",
          "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
          "previous_msgid_plural")
CATALOGUES = sorted(p for p in DATA.rglob("*") if p.suffix in (".po", ".pot")) \
    if DATA.is_dir() else []
FOLDERS = sorted({p.relative_to(DATA).parts[0] for p in CATALOGUES})


def fields(catalogue) -> tuple[dict, list[tuple]]:
    entries = [(bool(e.obsolete), e.fuzzy, *(getattr(e, f) for f in FIELDS)) for e in catalogue]
    return dict(catalogue.metadata), entries


def both(text: str, path: str = "x.po") -> tuple:
    """(polib's reading, ours) of a catalogue's text; an InputError's line in place of a
    reading that refused it."""
    readings = []
    for reader in (po._parse, parse):
        try:
            readings.append(fields(reader(text, path)))
        except InputError as error:
            readings.append(("refused at", error.line))
    return tuple(readings)


@pytest.mark.skipif(not CATALOGUES, reason=f"{DATA} is absent")
@pytest.mark.parametrize("folder", FOLDERS)
def test_every_shared_catalogue_reads_as_polib_reads_it(folder):
    compared = 0
    for path in (p for p in CATALOGUES if p.relative_to(DATA).parts[0] == folder):
        try:
            text = read_text(path)
        except InputError:
            continue  # undecodable (a French file in Latin-1 without a charset): never parsed
        polib_reading, ours = both(text, str(path))
        assert ours == polib_reading, path
        compared += 1
    assert compared


HEADER = ('# Translators of the project.\n#, fuzzy\nmsgid ""\nmsgstr ""\n'
          '"Project-Id-Version: demo\\n"\n"Language: ru\\n"\n"Plural-Forms: nplurals=3; "\n'
          '"plural=(n%10==1 ? 0 : 1);\\n"\n"X-Note: first\\nsecond line\\n"\n\n')


@pytest.mark.parametrize("body", [
    'msgctxt "menu"\nmsgid "File"\nmsgstr "Файл"\n',
    'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d файл"\nmsgstr[1] "%d файла"\n'
    'msgstr[2] "%d файлов"\n',
    'msgid "one"\nmsgid_plural "many"\nmsgstr[0] ""\nmsgstr[1] "много"\n',
    '#~ msgid "Gone"\n#~ msgstr "Ушло"\n',
    '#~ msgctxt "old"\n#~ msgid "Gone"\n#~ msgstr ""\n#~ "Ушло"\n',
    '#~| msgid "Went"\n#~ msgid "Gone"\n#~ msgstr "Ушло"\n',
    '#, fuzzy, python-format\n#, c-format,\nmsgid "%s"\nmsgstr "%s"\n',
    '#| msgctxt "old"\n#| msgid "Old "\n#| "text"\n#, fuzzy\nmsgid "New"\nmsgstr "Новый"\n',
    '#| msgid_plural "Olds"\nmsgid "New"\nmsgstr "Новый"\n',
    '# translator\n#\n##  double\n#. extracted\n#. second\n#: a.py:1 b.py c.py:x\n'
    '#:\n#.\n#,\nmsgid "a"\nmsgstr "б"\n',
    '#\n# after an empty one\nmsgid "a"\nmsgstr "б"\n',
    'msgid ""\n"multi "\n\n"line"\nmsgstr "много"\n"строк"\n',
    r'msgid "tab\t nl\n cr\r v\v b\b f\f q\" bs\\ a\a oct\033 x\x41"' + '\nmsgstr "x"\n',
    'msgid "a\u2028b\x0c"\nmsgstr "а\u2028б"\n',
    'msgid "a"\nmsgstr "б"\n# a trailing comment makes no entry\n',
    'msgid "a"\nmsgstr "б"\n\n#~| msgid "x"\n',
    'msgid ""\nmsgstr "no colon here"\n\nmsgctxt "c"\nmsgid ""\nmsgstr "Key: v"\n',
    'msgid "a"\nmsgstr "б"\n\nmsgid ""\nmsgstr "Language: en\\n"\n\nmsgid ""\nmsgstr "X: y"\n',
    '   msgid   "spaced"   \n\tmsgstr\t"вокруг"\t\n',
])
def test_each_feature_reads_as_polib_reads_it(body):
    for text in (HEADER + body, body, "# comment\n" + body):
        polib_reading, ours = both(text)
        assert polib_reading[0] != "refused at"
        assert ours == polib_reading


def test_what_the_fields_hold():
    text = HEADER + ('# note\n#. extracted\n#: app.py:10 lib.py\n#, fuzzy, c-format\n'
                     '#| msgid "Old"\nmsgctxt "menu"\nmsgid "Save %s"\nmsgstr "Сохранить "\n'
                     '"%s"\n\n#~ msgid "Gone"\n#~ msgstr "Ушло"\n')
    catalogue = parse(text, "x.po")
    assert catalogue.metadata["Language"] == "ru"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=3; plural=(n%10==1 ? 0 : 1);"
    assert catalogue.metadata["X-Note"] == "first\nsecond line"
    entry, gone = catalogue.entries
    assert (entry.linenum, entry.msgctxt, entry.msgid, entry.msgstr) == (
        11, "menu", "Save %s", "Сохранить %s")
    assert (entry.tcomment, entry.comment, entry.occurrences, entry.flags) == (
        "note", "extracted", [("app.py", "10"), ("lib.py", "")], ["fuzzy", "c-format"])
    assert entry.fuzzy and entry.previous_msgid == "Old" and not entry.obsolete
    assert (gone.obsolete, gone.msgid, gone.msgstr, gone.linenum) == (True, "Gone", "Ушло", 21)


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("cp1251", b""), ("koi8-r", b"")])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_charsets_byte_order_marks_and_crlf(tmp_path, encoding, prefix, newline):
    charset = "UTF-8" if encoding.startswith("utf") else encoding.upper()
    text = (f'msgid ""\nmsgstr ""\n"Language: ru\\n"\n'
            f'"Content-Type: text/plain; charset={charset}\\n"\n\n'
            '#. ёлка\nmsgid "Fir"\nmsgstr "Ёлка"\n"!"\n').replace("\n", newline)
    path = tmp_path / "legacy.po"
    path.write_bytes(prefix + text.encode(encoding))
    (segment,) = po.read(path)
    assert (segment.source, segment.target, segment.note, segment.line) == (
        "Fir", "Ёлка!", "ёлка", 6)


@pytest.mark.parametrize("text, line, what", [
    ('msgid "a"\nmsgstr "b"\n\nmsgid "open\nmsgstr "c"\n', 4, "unterminated string"),
    ('msgid "a"\nmsgstr "b" "c"\n', 2, "unterminated string or unescaped quote"),
    ('msgid "a"\nmsgstr "b"\n"c\n', 3, "unterminated string"),
    ('#~ msgid "a"\n#~ msgstr "b\n', 2, "unterminated string"),
    ('msgid "a"\nmsgstr "b"\nmsgstr "again"\n', 3, "msgstr after msgstr"),
    ('msgstr "b"\n', 1, "msgstr after the start of the file"),
    ('msgid "a"\nmsgctxt "late"\nmsgstr "b"\n', 2, "msgctxt after msgid"),
    ('# comment\n"stray"\n', 2, "a continued string where no string is open"),
    ('msgid "a"\nmsgstr "b"\n\nnonsense here\n', 4, "not a keyword, string or comment"),
    ('#comment glued to its mark\nmsgid "a"\nmsgstr "b"\n', 1, "not a keyword"),
    ('msgid "a"\nmsgstr\n', 2, "msgstr without a string"),
    ('msgid x\nmsgstr "b"\n', 1, "unterminated string or unescaped quote"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[x] "b"\n', 3, "msgstr[ without a number"),
    ('#| msgid\nmsgid "a"\nmsgstr "b"\n', 1, "invalid continuation line"),
    ('#| msgfoo "x"\nmsgid "a"\nmsgstr "b"\n', 1, "unknown keyword msgfoo"),
    ('#~\nmsgid "a"\nmsgstr "b"\n', 1, "not a keyword"),
])
def test_broken_catalogues_are_refused_with_their_line(tmp_path, text, line, what):
    path = tmp_path / "bad.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="malformed PO") as error:
        list(po.read(path))
    assert (error.value.path, error.value.line) == (str(path), line)
    assert what in error.value.message
    assert both(text)[0][0] == "refused at" or what.startswith("unterminated")


def test_check_reports_a_broken_catalogue_without_a_traceback(tmp_path):
    draft = tmp_path / "draft.po"
    draft.write_text('msgid ""\nmsgstr "Language: en\\n"\n\nmsgid "лагерь"\nmsgid "camp"\n',
                     encoding="utf-8")
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("id\tru\ten\ncamp\tлагерь\tcamp\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--glossary", str(glossary)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == f"Error: {draft}:5: malformed PO: msgid after msgid\n"


def test_a_glossary_kept_as_po_reads_through_the_same_reader(tmp_path):
    from glossary.termfiles import po as po_terms

    path = tmp_path / "terms.po"
    path.write_text('msgid ""\nmsgstr "Language: ru\\n"\n\n#. "A place to stay"\n'
                    'msgctxt "army"\nmsgid "camp"\nmsgstr "лагерь"\n\n#, fuzzy\nmsgid "tent"\n'
                    'msgstr "палатка"\n\n#~ msgid "hut"\n#~ msgstr "хижина"\n', encoding="utf-8")
    (term,) = po_terms.read(path)
    assert (term.ru, term.en, term.note, dict(term.extra)["context"], term.line) == (
        "лагерь", "camp", "A place to stay", "army", 4)
