"""Import and export through glossary.formats: round trips, TMX 1.4 validity, bad input."""
from __future__ import annotations

import re
from io import BytesIO

import pytest
from lxml import etree
from paths import DATA, needs_data

from glossary.errors import GlossaryError, InputError
from glossary.formats import FORMATS, read_segments, write_segments
from glossary.segment import Segment
from tm import TranslationMemory, export_file, export_text, import_file

DJANGO = sorted((DATA / "django-ru").glob("*.po")) if DATA.is_dir() else []

# Units that are hard to carry: several lines, context, a note, characters beyond the BMP,
# markup-looking text and XML specials.
HARD = [
    Segment("Войска НКВД\nзаняли город", "NKVD troops\ntook the town", "ru", "en"),
    Segment("Открыть", "Open", "ru", "en", context="menu", note="File menu"),
    Segment("Открыть", "Open (verb)", "ru", "en"),
    Segment("Смайлик 😀 и 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ru", "en"),
    Segment("<b>Жирный</b> & «кавычки»", "<b>Bold</b> & \"quotes\"", "ru", "en"),
    Segment("  пробелы по краям ", " spaces around  ", "ru", "en"),
]


def fields(segment):
    return (segment.source, segment.target, segment.context, segment.note,
            segment.source_plural, tuple(segment.target_plurals))


@pytest.fixture()
def memory(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        yield tm


def test_tmx_round_trip_keeps_every_unit(tmp_path, memory):
    write_segments(tmp_path / "in.tmx", HARD, "tmx", source_lang="ru", target_lang="en")
    report = import_file(memory, tmp_path / "in.tmx")
    assert (report.added, report.duplicates, report.skipped) == (len(HARD), 0, ())
    assert export_file(memory, tmp_path / "out.tmx", "tmx") == len(HARD)
    back = list(read_segments(tmp_path / "out.tmx"))
    assert [fields(s) for s in back] == [fields(s) for s in HARD]
    assert {(s.source_lang, s.target_lang) for s in back} == {("ru", "en")}


def test_po_round_trip_keeps_plurals_context_and_multiline(tmp_path, memory):
    units = [Segment("File", "Файл", "en", "ru"),
             Segment("Open", "Открыть", "en", "ru", context="menu"),
             Segment("%(count)s file\nselected", "Выбран %(count)s файл", "en", "ru",
                     source_plural="%(count)s files\nselected",
                     target_plurals=("Выбрано %(count)s файла", "Выбрано %(count)s файлов")),
             Segment("Emoji 😀", "Эмодзи 😀", "en", "ru")]
    write_segments(tmp_path / "in.po", units, "po", source_lang="en", target_lang="ru")
    assert import_file(memory, tmp_path / "in.po").added == 4
    export_file(memory, tmp_path / "out.po", "po")
    assert [fields(s) for s in read_segments(tmp_path / "out.po")] == [fields(s) for s in units]


@needs_data
@pytest.mark.parametrize("path", DJANGO, ids=lambda p: p.name)
def test_real_django_catalogue_round_trip(tmp_path, memory, path):
    original = list(read_segments(path))
    report = import_file(memory, path)
    assert report.added + report.duplicates == len(original) and report.duplicates == 0
    export_file(memory, tmp_path / "out.po", "po")
    back = list(read_segments(tmp_path / "out.po"))
    assert [fields(s) for s in back] == [fields(s) for s in original]
    assert {(s.source_lang, s.target_lang) for s in back} == {("en", "ru")}


@needs_data
def test_real_django_plural_entries_keep_four_forms(memory):
    import_file(memory, DATA / "django-ru" / "conf_locale_ru_django.po")
    plural = [u for u in memory.units() if u.source_plural]
    assert plural and all(len(u.target_plurals) == 3 for u in plural)


# The TMX 1.4b DTD (LISA), to check exports at the schema level.
TMX14_DTD = """
<!ENTITY % segtypes "block|paragraph|sentence|phrase">
<!ELEMENT tmx (header, body)>
<!ATTLIST tmx version CDATA #FIXED "1.4">
<!ELEMENT header (note|ude|prop)*>
<!ATTLIST header creationtool CDATA #REQUIRED creationtoolversion CDATA #REQUIRED
  segtype (%segtypes;) #REQUIRED o-tmf CDATA #REQUIRED adminlang CDATA #REQUIRED
  srclang CDATA #REQUIRED datatype CDATA #REQUIRED o-encoding CDATA #IMPLIED
  creationdate CDATA #IMPLIED creationid CDATA #IMPLIED changedate CDATA #IMPLIED
  changeid CDATA #IMPLIED>
<!ELEMENT body (tu*)>
<!ELEMENT tu ((note|prop)*, tuv+)>
<!ATTLIST tu tuid CDATA #IMPLIED o-encoding CDATA #IMPLIED datatype CDATA #IMPLIED
  usagecount CDATA #IMPLIED lastusagedate CDATA #IMPLIED creationtool CDATA #IMPLIED
  creationtoolversion CDATA #IMPLIED creationdate CDATA #IMPLIED creationid CDATA #IMPLIED
  changedate CDATA #IMPLIED segtype (%segtypes;) #IMPLIED changeid CDATA #IMPLIED
  o-tmf CDATA #IMPLIED srclang CDATA #IMPLIED>
<!ELEMENT tuv ((note|prop)*, seg)>
<!ATTLIST tuv xml:lang CDATA #REQUIRED o-encoding CDATA #IMPLIED datatype CDATA #IMPLIED
  usagecount CDATA #IMPLIED lastusagedate CDATA #IMPLIED creationtool CDATA #IMPLIED
  creationtoolversion CDATA #IMPLIED creationdate CDATA #IMPLIED creationid CDATA #IMPLIED
  changedate CDATA #IMPLIED o-tmf CDATA #IMPLIED changeid CDATA #IMPLIED>
<!ELEMENT seg (#PCDATA|bpt|ept|it|ph|hi|ut)*>
<!ELEMENT note (#PCDATA)>
<!ATTLIST note xml:lang CDATA #IMPLIED o-encoding CDATA #IMPLIED>
<!ELEMENT prop (#PCDATA)>
<!ATTLIST prop type CDATA #REQUIRED xml:lang CDATA #IMPLIED o-encoding CDATA #IMPLIED>
<!ELEMENT ude (map+)>
<!ATTLIST ude name CDATA #REQUIRED base CDATA #IMPLIED>
<!ELEMENT map EMPTY>
<!ATTLIST map unicode CDATA #REQUIRED code CDATA #IMPLIED ent CDATA #IMPLIED subst CDATA #IMPLIED>
<!ELEMENT bpt (#PCDATA|sub)*>
<!ATTLIST bpt i CDATA #REQUIRED x CDATA #IMPLIED type CDATA #IMPLIED>
<!ELEMENT ept (#PCDATA|sub)*>
<!ATTLIST ept i CDATA #REQUIRED>
<!ELEMENT sub (#PCDATA|bpt|ept|it|ph|hi|ut)*>
<!ATTLIST sub datatype CDATA #IMPLIED type CDATA #IMPLIED>
<!ELEMENT it (#PCDATA|sub)*>
<!ATTLIST it pos (begin|end) #REQUIRED x CDATA #IMPLIED type CDATA #IMPLIED>
<!ELEMENT ph (#PCDATA|sub)*>
<!ATTLIST ph x CDATA #IMPLIED assoc CDATA #IMPLIED type CDATA #IMPLIED>
<!ELEMENT hi (#PCDATA|bpt|ept|it|ph|hi|ut)*>
<!ATTLIST hi x CDATA #IMPLIED type CDATA #IMPLIED>
<!ELEMENT ut (#PCDATA|sub)*>
<!ATTLIST ut x CDATA #IMPLIED>
"""
TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")


def test_exported_tmx_is_valid_tmx_14(tmp_path, memory):
    write_segments(tmp_path / "in.tmx", HARD, "tmx", source_lang="ru", target_lang="en")
    import_file(memory, tmp_path / "in.tmx")
    text, count = export_text(memory, "tmx")
    assert count == len(HARD)
    dtd = etree.DTD(BytesIO(TMX14_DTD.encode()))
    document = etree.fromstring(text.encode("utf-8"))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    assert document.get("version") == "1.4"
    for tu in document.iter("tu"):
        assert TMX_DATE.match(tu.get("creationdate")) and TMX_DATE.match(tu.get("changedate"))


TMX_11 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="old" creationtoolversion="1" segtype="sentence" o-tmf="x"
          adminlang="EN-US" srclang="RU-RU" datatype="plaintext"/>
  <body>
    <tu creationdate="20010203T040506Z">
      <tuv lang="RU-RU"><seg>Войска НКВД</seg></tuv>
      <tuv lang="EN-US"><seg>NKVD troops</seg></tuv>
    </tu>
    <tu>
      <tuv lang="RU-RU"><seg>Пустой перевод</seg></tuv>
      <tuv lang="EN-US"><seg></seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_tmx_11_lang_attribute_and_region_codes(tmp_path, memory):
    (tmp_path / "old.tmx").write_text(TMX_11, encoding="utf-8")
    report = import_file(memory, tmp_path / "old.tmx")
    assert (report.added, report.skipped) == (1, ((11, "untranslated"),))
    (unit,) = memory.units()
    assert (unit.source, unit.target, unit.source_lang, unit.target_lang, unit.created) == (
        "Войска НКВД", "NKVD troops", "ru-RU", "en-US", "20010203T040506Z")


XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
  <file id="f1">
    <unit id="u1"><segment><source>Войска НКВД</source><target>NKVD troops</target></segment></unit>
    <unit id="u2"><segment><source>Без перевода</source></segment></unit>
  </file>
</xliff>
"""

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="a" datatype="plaintext" source-language="en" target-language="ru">
    <body>
      <trans-unit id="1"><source>File</source><target>Файл</target></trans-unit>
      <trans-unit id="2"><source>Folder</source>
        <target state="needs-review-translation">Папка</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_12_and_20(tmp_path, memory):
    (tmp_path / "a.xlf").write_text(XLIFF_12, encoding="utf-8")
    (tmp_path / "b.xliff").write_text(XLIFF_20, encoding="utf-8")
    assert import_file(memory, tmp_path / "a.xlf").added == 1
    assert import_file(memory, tmp_path / "a.xlf", include_fuzzy=True).added == 1
    assert import_file(memory, tmp_path / "b.xliff").added == 1
    assert sorted((u.source, u.target, u.source_lang) for u in memory.units()) == [
        ("File", "Файл", "en"), ("Folder", "Папка", "en"), ("Войска НКВД", "NKVD troops", "ru")]


def test_tsv_languages_told_by_script(tmp_path, memory):
    (tmp_path / "pairs.tsv").write_text("source\ttarget\nВойска НКВД\tNKVD troops\n"
                                        "Штаб\\nфронта\tFront\\nHQ\n", encoding="utf-8")
    assert import_file(memory, tmp_path / "pairs.tsv").added == 2
    assert {(u.source_lang, u.target_lang) for u in memory.units()} == {("ru", "en")}
    assert "Штаб\nфронта" in {u.source for u in memory.units()}


def test_po_skips_are_reported_with_reasons(tmp_path, memory):
    (tmp_path / "a.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
        'msgid "File"\nmsgstr "Файл"\n\n'
        'msgid "Folder"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Fold"\nmsgstr "Сгиб"\n\n'
        '#~ msgid "Old"\n#~ msgstr "Старый"\n', encoding="utf-8")
    report = import_file(memory, tmp_path / "a.po")
    assert report.added == 1
    assert [reason.split(" ")[0] for _line, reason in report.skipped] == [
        "untranslated", "fuzzy", "obsolete"]


BAD = {
    "truncated.tmx": ('<?xml version="1.0"?><tmx version="1.4"><header srclang="ru"/><body>'
                      '<tu><tuv xml:lang="ru"><seg>Войска</seg></tuv><tuv xml:lang="en"><seg>'
                      'troops</seg></tuv></tu><tu><tuv xml:lang="ru"><seg>Армия', "malformed|not"),
    "laughs.tmx": ('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
                   '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4">'
                   '<header srclang="ru"/><body><tu><tuv xml:lang="ru"><seg>&b;</seg></tuv>'
                   '<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>', "entity"),
    "external.tmx": ('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                     '<tmx version="1.4"><header srclang="ru"/><body><tu><tuv xml:lang="ru">'
                     '<seg>&e;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
                     "entity"),
    "broken.po": ('msgid "File"\nmsgstr "Файл"\n\nmsgid "Folder\nmsgstr "Папка"\n', "malformed PO"),
    "broken.xlf": ('<?xml version="1.0"?><xliff version="1.2"><file source-language="en" '
                   'target-language="ru"><body><trans-unit id="1"><source>File</source>'
                   '<target>Файл</target></trans-unit><trans-unit id="2"><source>x</file>',
                   "malformed|mismatch|not"),
    "language.tmx": ('<?xml version="1.0"?><tmx version="1.4"><header srclang="Russki!"/><body>'
                     '<tu><tuv xml:lang="Russki!"><seg>Войска</seg></tuv>'
                     '<tuv xml:lang="English"><seg>troops</seg></tuv></tu></body></tmx>',
                     "not a Russian–English file: its units are Russki!→English"),
    "french.tsv": ("File\tFichier et les documents\nSave\tEnregistrer le fichier\n",
                   "target looks French, not Russian; give --from/--to"),
    "digits.tsv": ("1941\t1941\n1942\t1942\n", "cannot tell the languages: the text has no letters"),
    "notab.tsv": ("Войска\ttroops\nАрмия\tarmy\nбез табуляции\n", "no tab"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_a_clear_error_and_leaves_the_tm_untouched(tmp_path, memory, name):
    memory.add([Segment("Было", "Was", "ru", "en")], "before.tmx")
    text, message = BAD[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        import_file(memory, tmp_path / name)
    assert name in str(error.value)
    assert [u.source for u in memory.units()] == ["Было"]


def test_export_needs_one_language_pair(tmp_path, memory):
    with pytest.raises(GlossaryError, match="holds no units"):
        export_file(memory, tmp_path / "x.tmx", "tmx")
    memory.add([Segment("Войска", "troops", "ru", "en"), Segment("File", "Файл", "en", "ru")], None)
    with pytest.raises(GlossaryError, match=r"several language pairs \(en→ru, ru→en\)"):
        export_file(memory, tmp_path / "x.tmx", "tmx")
    assert export_file(memory, tmp_path / "x.tmx", "tmx", source_lang="en") == 1
    assert [s.source for s in read_segments(tmp_path / "x.tmx")] == ["File"]


# What the TM's export to each bilingual format cannot carry (the README's formats table);
# every other field comes back exactly, and a second import + export gives the same bytes.
TM_EXPORT_LOSES = {
    "po": set(),
    "tmx": {"source_plural", "target_plurals"},
    "xliff": {"source_plural", "target_plurals"},
    "tsv": {"context", "source_plural", "target_plurals"},
}
FULL = [*HARD, Segment("%d файл", "%d file", "ru", "en", source_plural="%d файла",
                       target_plurals=("%d files",)),
        # a note longer than a PO line, with hyphens and a double space where it would wrap
        Segment("Тыл", "Rear", "ru", "en", note="Not the rear of a unit: the rear of the "
                "front, as in rear-protection troops and rear-area  security-service orders")]


def test_every_export_format_has_a_loss_entry():
    assert set(TM_EXPORT_LOSES) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_tm_round_trip_through_every_export_format(fmt, tmp_path, memory):
    names = ("source", "target", "context", "note", "source_plural", "target_plurals")
    write_segments(tmp_path / "in.po", FULL, "po", source_lang="ru", target_lang="en")
    assert import_file(memory, tmp_path / "in.po").added == len(FULL)
    out = tmp_path / f"out{FORMATS[fmt].EXTENSIONS[0]}"
    assert export_file(memory, out, fmt) == len(FULL)
    back = list(read_segments(out))
    kept = [n for n in names if n not in TM_EXPORT_LOSES[fmt]]
    assert [[getattr(s, n) for n in kept] for s in back] == \
        [[getattr(s, n) for n in kept] for s in FULL]
    for lost in TM_EXPORT_LOSES[fmt]:  # the table must not claim a loss that is not there
        assert [getattr(s, lost) for s in back] != [getattr(s, lost) for s in FULL], lost
    with TranslationMemory(tmp_path / "again.sqlite") as again:
        assert import_file(again, out).added == len(FULL)
        assert export_file(again, tmp_path / f"again{FORMATS[fmt].EXTENSIONS[0]}", fmt) == len(FULL)
    assert (tmp_path / f"again{FORMATS[fmt].EXTENSIONS[0]}").read_bytes() == out.read_bytes()
