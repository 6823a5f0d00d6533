"""The bilingual formats (PO, TMX, XLIFF, TSV), their registry and safe XML reading.

Real files are written to tmp_path and read with the real libraries. One round-trip
contract runs over every registered format; what a format cannot store is spelled out in
`PRESERVED` rather than hidden.
"""
from __future__ import annotations

import codecs
import inspect
import subprocess
import sys
import textwrap
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import polib
import pytest

from glossary import termfiles, xmlsafe
from glossary.errors import InputError
from glossary.formats import (FORMATS, SKIP_EMPTY_SOURCE, SKIP_FUZZY, SKIP_NOT_TRANSLATABLE,
                              SKIP_OBSOLETE, SKIP_UNTRANSLATED, detect, po, read_segments,
                              read_text_pair, resolve_langs, tmx, tsv, usable, write_segments,
                              xliff)
from glossary.segment import FUZZY, OBSOLETE, TRANSLATED, UNTRANSLATED, Segment

DATA = Path(__file__).parent.parent.parent / "shared" / "data"
DJANGO = sorted((DATA / "django-ru").glob("*.po"))
TATOEBA = DATA / "tatoeba-en-ru"
PROJECT = Path(__file__).parent.parent

needs_django = pytest.mark.skipif(not DJANGO, reason=f"no Django catalogues in {DATA / 'django-ru'}")
needs_tatoeba = pytest.mark.skipif(not TATOEBA.is_dir(), reason=f"no Tatoeba pairs in {TATOEBA}")

RU_PLURALS = po.PLURAL_FORMS["ru"]

SEGMENTS = [
    Segment("Save the file", "Сохраните файл", id="u1"),
    Segment("Line one\nLine two\n", "Строка один\nСтрока два\n", id="u2", note="two lines"),
    Segment('Tabs\tand "quotes" and \'single\'', 'Табы\tи «кавычки» и "прямые"', id="u3"),
    Segment("a < b && c > d </seg> &amp;", "a < b и c > d </seg> &amp;", id="u4",
            note="markup-like <&> text"),
    Segment("Non-BMP: 𝔘 and 😀", "Вне BMP: 𝔘 и 😀", id="u5"),
    Segment("  leading and trailing spaces  ", "  пробелы по краям  ", id="u6"),
    Segment("Open", "Открыть", id="u7", context="menu|file"),
    Segment("%d file", "%d файл", id="u8", source_plural="%d files",
            target_plurals=("%d файла", "%d файлов")),
    Segment("Draft", "Черновик", id="u9", fuzzy=True),
    Segment("Back\\slash and \\n literally", "Обратная\\косая и \\t буквально", id="u10"),
    Segment("Carriage\r\nreturn", "Возврат\r\nкаретки", id="u11"),
    Segment("x" * 200 + " long line with spaces " * 10, "я" * 200 + " длинная строка " * 10,
            id="u12"),
]

# Which Segment fields each format stores; the others come back as their defaults.
PRESERVED = {
    "po": {"context", "note", "plural", "fuzzy"},
    "tmx": {"context", "note", "id", "props"},
    "xliff": {"context", "note", "id", "fuzzy"},
    "tsv": {"note"},
}


def expected(fmt: str, number: int, seg: Segment) -> Segment:
    """What reading `seg` back from `fmt` gives (position `number`, 1-based)."""
    keep = PRESERVED[fmt]
    out = replace(seg, source_lang="en", target_lang="ru", line=None)
    if "context" not in keep:
        out = replace(out, context=None)
    if "note" not in keep or (fmt == "tsv" and not seg.note):
        out = replace(out, note=None)
    if "id" not in keep:
        out = replace(out, id=None)
    if fmt == "xliff" and seg.id is None:
        out = replace(out, id=str(number))  # XLIFF needs ids: the writer numbers units
    if "plural" not in keep:
        out = replace(out, source_plural=None, target_plurals=())
    if "fuzzy" not in keep:
        out = replace(out, fuzzy=False)
    out = replace(out, state=FUZZY if out.fuzzy else TRANSLATED)
    props: tuple[tuple[str, str], ...] = seg.props if "props" in keep else ()
    if fmt == "po" and seg.source_plural is not None:
        props += (("plural-forms", RU_PLURALS),)
    if fmt == "xliff" and seg.fuzzy:
        props += (("state", "needs-review-translation"),)  # how XLIFF 1.2 says fuzzy
    return replace(out, props=props)


def read_all(path: Path, fmt: str | None = None, *, include_fuzzy: bool = False, on_skip=None,
             **kw) -> list[Segment]:
    """The segments a TM import would take (translated, and fuzzy when asked)."""
    return list(usable(read_segments(path, fmt, on_skip=on_skip, **kw),
                       include_fuzzy=include_fuzzy, on_skip=on_skip))


def without_lines(segments: list[Segment]) -> list[Segment]:
    return [replace(s, line=None) for s in segments]


def write_bytes(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- the round-trip contract, every format ---

@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip(fmt, tmp_path):
    path = tmp_path / f"segments{FORMATS[fmt].EXTENSIONS[0]}"
    write_segments(path, SEGMENTS, source_lang="en", target_lang="ru")
    got = read_all(path, source_lang="en", target_lang="ru", include_fuzzy=True)
    want = [expected(fmt, n, s) for n, s in enumerate(SEGMENTS, start=1)]
    assert without_lines(got) == want
    lines = [s.line for s in got]
    assert all(isinstance(n, int) and n > 0 for n in lines) and lines == sorted(set(lines))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_without_ids_or_notes(fmt, tmp_path):
    plain = [Segment("One", "Один"), Segment("Two", "Два")]
    path = tmp_path / f"plain{FORMATS[fmt].EXTENSIONS[0]}"
    FORMATS[fmt].write(path, plain, source_lang="en", target_lang="ru")
    got = list(FORMATS[fmt].read(path, source_lang="en", target_lang="ru"))
    assert without_lines(got) == [expected(fmt, n, s) for n, s in enumerate(plain, start=1)]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_write_is_atomic_and_replaces(fmt, tmp_path):
    path = tmp_path / f"out{FORMATS[fmt].EXTENSIONS[0]}"
    path.write_text("old content")
    FORMATS[fmt].write(path, SEGMENTS[:1], source_lang="en", target_lang="ru")
    assert [s.source for s in FORMATS[fmt].read(path)] == ["Save the file"]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_xml_writers_refuse_characters_xml_cannot_hold(fmt, tmp_path):
    path = tmp_path / f"bad{FORMATS[fmt].EXTENSIONS[0]}"
    with pytest.raises(InputError, match="U\\+000B") as err:
        FORMATS[fmt].write(path, [Segment("vertical\x0btab", "в")], source_lang="en",
                           target_lang="ru")
    assert err.value.path == str(path)
    assert not path.exists()


# --- PO ---

@needs_django
@pytest.mark.parametrize("path", DJANGO, ids=lambda p: p.name)
def test_django_catalogue_counts_match_polib(path):
    translated = polib.pofile(str(path)).translated_entries()
    segments = list(po.read(path))
    assert len(segments) == len(translated) > 0
    assert {(s.context, s.source) for s in segments} == {(e.msgctxt, e.msgid) for e in translated}
    assert all(s.target_lang == "ru" for s in segments)


@needs_django
@pytest.mark.parametrize("path", DJANGO, ids=lambda p: p.name)
def test_django_lines_point_at_entry_starts(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    for seg in po.read(path):
        assert lines[seg.line - 1].startswith(("#", "msgctxt", "msgid")), seg


@needs_django
@pytest.mark.parametrize("path", DJANGO, ids=lambda p: p.name)
def test_django_catalogue_round_trips(path, tmp_path):
    segments = list(po.read(path, source_lang="en"))
    out = tmp_path / "copy.po"
    po.write(out, segments, source_lang="en", target_lang="ru")
    assert without_lines(list(po.read(out))) == without_lines(segments)
    plural = [s for s in segments if s.source_plural]
    if plural:  # Django's Russian rule (nplurals=4) survives, not our default
        assert polib.pofile(str(out)).metadata["Plural-Forms"] == dict(plural[0].props)["plural-forms"]


PO_MIXED = """\
msgid ""
msgstr ""
"Language: ru_RU\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. Shown on the button
#: app.py:10
#, python-format
msgid "Save %s"
msgstr "Сохранить %s"

#, fuzzy
msgid "Draft"
msgstr "Черновик"

msgid "Untranslated"
msgstr ""

#~ msgid "Gone"
#~ msgstr "Ушло"
"""


def test_po_skips_are_reported_with_lines(tmp_path):
    path = write_bytes(tmp_path / "mixed.po", PO_MIXED)
    skips: list[tuple[int | None, str]] = []
    got = read_all(path, on_skip=lambda line, reason, _: skips.append((line, reason)))
    assert [(s.source, s.target, s.line, s.note) for s in got] == [
        ("Save %s", "Сохранить %s", 6, "Shown on the button")]
    assert got[0].props == (("flags", "python-format"), ("references", "app.py:10"))
    assert (got[0].source_lang, got[0].target_lang) == (None, "ru_RU")
    assert skips == [(12, SKIP_FUZZY), (16, SKIP_UNTRANSLATED), (19, SKIP_OBSOLETE)]


def test_po_entries_carry_their_state(tmp_path):
    path = write_bytes(tmp_path / "mixed.po", PO_MIXED)
    got = list(po.read(path))
    assert [(s.source, s.fuzzy, s.state) for s in got] == [
        ("Save %s", False, TRANSLATED), ("Draft", True, FUZZY), ("Untranslated", False, UNTRANSLATED),
        ("Gone", False, OBSOLETE)]


def test_po_without_header_gives_first_entry_line(tmp_path):
    path = write_bytes(tmp_path / "bare.po", '\n\nmsgid "a"\nmsgstr "б"\n')
    assert [s.line for s in po.read(path)] == [3]


def test_po_cp1251_and_line_separators(tmp_path):
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CP1251\\n"\n\n'
            'msgid "File\\nname"\nmsgstr "Имя\\nфайла"\n')
    path = write_bytes(tmp_path / "legacy.po", text.encode("cp1251"))
    assert [(s.source, s.target, s.line) for s in po.read(path)] == [("File\nname", "Имя\nфайла", 5)]
    # U+2028 inside a string must not split the line (polib alone would)
    path = write_bytes(tmp_path / "sep.po", 'msgid "a\u2028b"\nmsgstr "а\u2028б\x0c"\n')
    assert [(s.source, s.target) for s in po.read(path)] == [("a\u2028b", "а\u2028б\x0c")]


def test_po_reversed_request_swaps(tmp_path):
    path = write_bytes(tmp_path / "mixed.po", PO_MIXED)
    got = read_all(path, source_lang="ru", target_lang="en")
    assert [(s.source, s.target, s.source_lang) for s in got] == [("Сохранить %s", "Save %s", "ru")]


def test_po_plural_forms_default_by_language(tmp_path):
    path = tmp_path / "plural.po"
    po.write(path, [SEGMENTS[7]], source_lang="ru", target_lang="en")
    assert polib.pofile(str(path)).metadata["Plural-Forms"] == po.PLURAL_FORMS["en"]


@pytest.mark.parametrize("text, line", [
    ('msgid "a"\nmsgstr "b"\n\nmsgid "unterminated\nmsgstr "c"\n', 4),
    ('msgid "a"\nmsgstr "b"\n\nnonsense here\n', 4),
    ('msgid "a"\nmsgstr "b"\nmsgstr "again"\n', 3),
    ('msgid "a"\nmsgstr "b "quoted" c"\n', 2),
])
def test_malformed_po_reports_line(tmp_path, text, line):
    path = write_bytes(tmp_path / "bad.po", text)
    with pytest.raises(InputError, match="malformed PO") as err:
        list(po.read(path))
    assert (err.value.path, err.value.line) == (str(path), line)


# --- TMX ---

TMX_11 = """\
<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
<header creationtool="OldTool" srclang="*all*" adminlang="EN" datatype="plaintext" segtype="sentence" o-tmf="x"/>
<body>
<tu tuid="7" creationdate="20020101T120000Z">
<prop type="x-client">ACME</prop>
<note>checked</note>
<tuv lang="EN-US"><seg>Caf\xe9 <bpt i="1">&lt;b&gt;</bpt>menu<ept i="1">&lt;/b&gt;</ept><ph>{0}</ph></seg></tuv>
<tuv lang="RU-RU"><seg>\u041c\u0435\u043d\u044e <hi type="b">\u043a\u0430\u0444\u0435</hi></seg></tuv>
</tu>
<tu>
<tuv lang="EN-GB"><seg>Only English</seg></tuv>
</tu>
</body>
</tmx>
"""


def test_tmx_11_lang_attribute_and_region_codes(tmp_path):
    path = tmp_path / "old.tmx"
    path.write_bytes(TMX_11.encode("latin-1", errors="xmlcharrefreplace"))
    skips: list = []
    got = list(tmx.read(path, source_lang="en", target_lang="ru", on_skip=lambda *a: skips.append(a[:2])))
    source = 'Café <bpt i="1">&lt;b&gt;</bpt>menu<ept i="1">&lt;/b&gt;</ept><ph>{0}</ph>'
    target = 'Меню <hi type="b">кафе</hi>'
    assert got == [Segment(source, target, "EN-US", "RU-RU", line=6, note="checked", id="7",
                           props=(("creationdate", "20020101T120000Z"), ("x-client", "ACME")),
                           source_codes=((5, 31), (35, 62), (62, 74)),
                           target_codes=((5, 18), (22, 27)))]
    assert [source[a:b] for a, b in got[0].source_codes] == [
        '<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>', "<ph>{0}</ph>"]
    assert skips == [(12, "no en→ru pair of languages in the unit (it has: EN-GB)")]


def test_tmx_languages_from_file_when_not_given(tmp_path):
    path = tmp_path / "old.tmx"
    path.write_bytes(TMX_11.encode("latin-1", errors="xmlcharrefreplace"))
    got = list(tmx.read(path))
    assert [(s.source_lang, s.target_lang) for s in got] == [("EN-US", "RU-RU")]


def test_tmx_picks_requested_pair_among_many(tmp_path):
    path = write_bytes(tmp_path / "multi.tmx", """<tmx version="1.4"><header srclang="de"/><body>
<tu><tuv xml:lang="de"><seg>Datei</seg></tuv><tuv xml:lang="ru-RU"><seg>Файл</seg></tuv>
<tuv xml:lang="en"><seg>File</seg></tuv></tu></body></tmx>""")
    # No languages asked: the Russian–English pair, whatever else the unit holds.
    assert [(s.source, s.target) for s in tmx.read(path)] == [("File", "Файл")]
    assert [(s.source, s.target) for s in tmx.read(path, source_lang="EN", target_lang="ru")] == [
        ("File", "Файл")]
    assert [(s.source, s.target) for s in tmx.read(path, source_lang="ru", target_lang="en")] == [
        ("Файл", "File")]


@needs_tatoeba
def test_tatoeba_tmx_round_trip(tmp_path):
    eng, rus = tmp_path / "pairs.eng", tmp_path / "pairs.rus"
    for name, out in (("eng", eng), ("rus", rus)):
        source = next(TATOEBA.glob(f"*.{name}"))
        out.write_text("".join(source.read_text(encoding="utf-8").splitlines(True)[:500]), encoding="utf-8")
    pairs = read_text_pair(eng, rus, source_lang="en", target_lang="ru")
    assert len(pairs) == 500 and pairs[0].line == 1
    path = tmp_path / "tatoeba.tmx"
    write_segments(path, pairs, source_lang="en", target_lang="ru")
    assert detect(path) == "tmx"
    assert without_lines(read_all(path)) == without_lines(pairs)


# --- XLIFF ---

XLIFF_12 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="app.properties" source-language="en-US" target-language="ru-RU" datatype="plaintext">
  <body>
   <group id="g1">
    <trans-unit id="greeting" resname="hello">
     <source>Hello, <g id="1">dear</g> <x id="2"/>user<ph id="3">%s</ph>!</source>
     <target state="translated">Здравствуйте, <g id="1">дорогой</g> <x id="2"/>пользователь<ph id="3">%s</ph>!</target>
     <note>Greeting on the start page</note>
     <alt-trans><source>Hi</source><target>Привет</target></alt-trans>
    </trans-unit>
   </group>
   <trans-unit id="skip" translate="no"><source>ACME</source><target>ACME</target></trans-unit>
   <trans-unit id="new"><source>New</source><target state="needs-translation">New</target></trans-unit>
   <trans-unit id="review"><source>Review</source><target state="needs-review-translation">Проверить</target></trans-unit>
   <trans-unit id="none"><source>Nothing</source></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF_20 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
 <file id="f1">
  <unit id="u1">
   <notes><note>UI string</note></notes>
   <originalData><data id="d1">&lt;b&gt;</data></originalData>
   <segment state="translated"><source>Press <pc id="1">Save</pc><ph id="2" dataRef="d1"/>.</source>
    <target>Нажмите <pc id="1">Сохранить</pc><ph id="2" dataRef="d1"/>.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>Done<sc id="3"/>!<ec startRef="3"/></source><target>Готово!</target></segment>
  </unit>
  <unit id="u2"><segment><source>Untranslated</source></segment></unit>
 </file>
</xliff>
"""


def test_xliff_12_inline_tags_states_and_skips(tmp_path):
    path = write_bytes(tmp_path / "app.xlf", XLIFF_12)
    skips: list = []
    got = read_all(path, on_skip=lambda *a: skips.append(a[:2]))
    source = 'Hello, <g id="1">dear</g> <x id="2"/>user<ph id="3">%s</ph>!'
    target = 'Здравствуйте, <g id="1">дорогой</g> <x id="2"/>пользователь<ph id="3">%s</ph>!'
    assert got == [Segment(source, target, "en-US", "ru-RU", line=6,
                           note="Greeting on the start page", id="greeting",
                           props=(("state", "translated"), ("resname", "hello")),
                           source_codes=((7, 17), (21, 25), (26, 37), (41, 59)),
                           target_codes=((14, 24), (31, 35), (36, 47), (59, 77)))]
    assert [source[a:b] for a, b in got[0].source_codes] == [
        '<g id="1">', "</g>", '<x id="2"/>', '<ph id="3">%s</ph>']
    assert skips == [(13, SKIP_NOT_TRANSLATABLE), (14, SKIP_UNTRANSLATED), (15, SKIP_FUZZY),
                     (16, SKIP_UNTRANSLATED)]
    fuzzy = read_all(path, include_fuzzy=True)
    assert [(s.id, s.fuzzy) for s in fuzzy] == [("greeting", False), ("review", True)]


def test_xliff_20_each_segment_is_a_segment(tmp_path):
    path = write_bytes(tmp_path / "app.xliff", XLIFF_20)
    skips: list = []
    got = read_all(path, on_skip=lambda *a: skips.append(a[:2]))
    press = 'Press <pc id="1">Save</pc><ph id="2" dataRef="d1"/>.'
    assert [(s.source, s.target, s.id, s.line, s.note) for s in got] == [
        (press, 'Нажмите <pc id="1">Сохранить</pc><ph id="2" dataRef="d1"/>.', "u1/1", 7,
         "UI string"),
        ('Done<sc id="3"/>!<ec startRef="3"/>', "Готово!", "u1/2", 10, "UI string")]
    assert [press[a:b] for a, b in got[0].source_codes] == [
        '<pc id="1">', "</pc>", '<ph id="2" dataRef="d1"/>']
    assert skips == [(12, SKIP_UNTRANSLATED)]


XLIFF_12_SEGMENTED = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="doc" source-language="ru-RU" target-language="en-GB" datatype="plaintext">
  <body>
   <trans-unit id="7" approved="yes">
    <source>Заградотряд задержал 12 человек. Штрафной <g id="1">батальон</g> отличился.</source>
    <seg-source><mrk mtype="seg" mid="1">Заградотряд задержал 12 человек.</mrk>
      <mrk mtype="seg" mid="2">Штрафной <g id="1">батальон</g> отличился.</mrk></seg-source>
    <target state="translated"><mrk mtype="seg" mid="1">The barrier troops detained 12 people.</mrk>
      <mrk mtype="seg" mid="2"></mrk></target>
   </trans-unit>
   <trans-unit id="8"><source>НКВД</source>
    <seg-source><mrk mtype="seg" mid="1">НКВД</mrk></seg-source>
    <target>NKVD</target>
   </trans-unit>
  </body>
 </file>
</xliff>
"""


def test_xliff_12_seg_source_segments_are_segments(tmp_path):
    """Trados, memoQ and Okapi write a segmented unit's sentences as <mrk mtype="seg">: each
    is a segment of its own (as a 2.0 <segment>), and the markers are no inline codes: read
    as the unit whole, every marker was a tag missing from the source."""
    path = write_bytes(tmp_path / "doc.xlf", XLIFF_12_SEGMENTED)
    skips: list = []
    got = read_all(path, on_skip=lambda *a: skips.append(a[:2]))
    assert [(s.source, s.target, s.id, s.line) for s in got] == [
        ("Заградотряд задержал 12 человек.", "The barrier troops detained 12 people.", "7/1", 7),
        # A target not segmented as its seg-source is is read with the unit whole.
        ("НКВД", "NKVD", "8", 12)]
    assert skips == [(8, SKIP_UNTRANSLATED)]  # 7/2, whose <mrk> in the target is empty


@pytest.mark.parametrize("text", [
    """<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="x" source-language="ru" target-language="en" datatype="plaintext"><body>
  <group id="g" translate="no">
   <trans-unit id="1"><source>НКВД 5</source><target>NKVD 6</target></trans-unit>
   <trans-unit id="2" translate="yes"><source>Смерш</source><target>Smersh</target></trans-unit>
  </group>
  <trans-unit id="3"><source>Штрафбат</source><target>Penal battalion</target></trans-unit>
 </body></file></xliff>""",
    """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
 <file id="f1" translate="no">
  <unit id="1"><segment><source>НКВД 5</source><target>NKVD 6</target></segment></unit>
  <group id="g"><unit id="2" translate="yes"><segment><source>Смерш</source>
   <target>Smersh</target></segment></unit></group>
 </file>
 <file id="f2"><unit id="3"><segment><source>Штрафбат</source><target>Penal battalion</target>
  </segment></unit></file></xliff>"""], ids=["1.2", "2.0"])
def test_xliff_translate_no_is_inherited(tmp_path, text):
    """translate="no" on a <group> (or a 2.0 <file>) holds for its units unless one says
    otherwise: those units were checked and stored in the TM."""
    path = write_bytes(tmp_path / "app.xlf", text)
    skips: list = []
    got = read_all(path, on_skip=lambda *a: skips.append(a[:2]))
    assert [s.id for s in got] == ["2", "3"]
    assert [reason for _line, reason in skips] == [SKIP_NOT_TRANSLATABLE]


def test_xliff_without_namespace_and_reversed_request(tmp_path):
    path = write_bytes(tmp_path / "old.xlf", XLIFF_12.replace(
        ' xmlns="urn:oasis:names:tc:xliff:document:1.2"', ""))
    got = read_all(path, source_lang="ru", target_lang="en")
    assert [(s.source, s.target, s.source_lang, s.target_lang) for s in got] == [
        ('Здравствуйте, <g id="1">дорогой</g> <x id="2"/>пользователь<ph id="3">%s</ph>!',
         'Hello, <g id="1">dear</g> <x id="2"/>user<ph id="3">%s</ph>!', "ru", "en")]


def test_xliff_other_languages_are_an_error(tmp_path):
    path = write_bytes(tmp_path / "app.xlf", XLIFF_12)
    with pytest.raises(InputError, match="en-US→ru-RU, not de→fr"):
        list(xliff.read(path, source_lang="de", target_lang="fr"))


# --- TSV ---

@pytest.mark.parametrize("data", [
    pytest.param("Source\tTarget\nFile\tФайл\n\nSave\tСохранить\\nсейчас\tnote\n".encode(), id="utf8-header"),
    pytest.param(codecs.BOM_UTF8 + "File\tФайл\n\nSave\tСохранить\\nсейчас\tnote\n".encode(), id="bom"),
    pytest.param("File\tФайл\r\n\r\nSave\tСохранить\\nсейчас\tnote\r\n".encode(), id="crlf"),
    pytest.param("File\tФайл\n\nSave\tСохранить\\nсейчас\tnote\n".encode("cp1251"), id="cp1251"),
    pytest.param("File\tФайл\n\nSave\tСохранить\\nсейчас\tnote\n".encode("utf-16"), id="utf16"),
])
def test_tsv_encodings_and_line_endings(tmp_path, data):
    path = write_bytes(tmp_path / "pairs.tsv", data)
    got = [(s.source, s.target, s.note) for s in tsv.read(path)]
    assert got == [("File", "Файл", None), ("Save", "Сохранить\nсейчас", "note")]
    assert [s.line for s in tsv.read(path)][-1] in (3, 4)


@pytest.mark.parametrize("text, line, message", [
    ("a\tб\nno tab here\n", 2, "no tab"),
    ("a\tб\tnote\textra\n", 1, "4 tab-separated cells"),
])
def test_tsv_bad_lines(tmp_path, text, line, message):
    path = write_bytes(tmp_path / "bad.tsv", text)
    with pytest.raises(InputError, match=message) as err:
        list(tsv.read(path))
    assert (err.value.path, err.value.line) == (str(path), line)


@pytest.mark.parametrize("header, langs", [
    ("en\tru", ("en", "ru")), ("RU-ru\ten-GB\tnote", ("RU-ru", "en-GB")),
    ("English\tRussian", ("English", "Russian"))])
def test_tsv_header_naming_the_languages(tmp_path, header, langs):
    """A spreadsheet's header row names its columns' languages: it is no segment (it was
    checked as one), and it says the direction."""
    path = write_bytes(tmp_path / "pairs.tsv", f"{header}\nFile\tФайл\n")
    assert [(s.source, s.line, s.source_lang, s.target_lang) for s in tsv.read(path)] == [
        ("File", 2, *langs)]
    # the caller's languages win, the file read the way round they say
    [swapped] = tsv.read(path, source_lang=langs[1], target_lang=langs[0])
    assert (swapped.source, swapped.target) == ("Файл", "File")


def test_tsv_empty_cells_are_skipped(tmp_path):
    path = write_bytes(tmp_path / "gaps.tsv", "a\t\n\tб\nc\tв\nd\t \n")
    skips: list = []
    got = list(tsv.read(path, on_skip=lambda *a: skips.append(a)))
    assert [(s.source, s.state) for s in got] == [
        ("a", UNTRANSLATED), ("c", TRANSLATED), ("d", UNTRANSLATED)]
    assert skips == [(2, "empty source text", None)]


# --- bad input, every format ---

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE {root} [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE {root} [
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
"""
PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE {root} [
 <!-- it's a comment with a quote -->
 <!ENTITY % remote SYSTEM "http://127.0.0.1/evil.dtd">
 %remote;
]>
"""
XML_BODIES = {
    "tmx": '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&{ent};</seg></tuv>'
           '<tuv xml:lang="ru"><seg>x</seg></tuv></tu></body></tmx>',
    "xliff": '<xliff version="1.2"><file source-language="en" target-language="ru"><body>'
             '<trans-unit id="1"><source>&{ent};</source><target>x</target></trans-unit></body></file></xliff>',
}


@pytest.mark.parametrize("fmt", sorted(XML_BODIES))
@pytest.mark.parametrize("prolog, entity", [(BILLION_LAUGHS, "lol2"), (EXTERNAL_ENTITY, "xxe"),
                                            (PARAMETER_ENTITY, "lol")],
                         ids=["billion-laughs", "external-entity", "parameter-entity"])
def test_entity_declarations_are_refused(tmp_path, fmt, prolog, entity):
    path = write_bytes(tmp_path / f"evil{FORMATS[fmt].EXTENSIONS[0]}",
                       prolog.format(root=fmt) + XML_BODIES[fmt].format(ent=entity))
    with pytest.raises(InputError, match="entity declarations is refused") as err:
        list(FORMATS[fmt].read(path))
    assert err.value.path == str(path) and err.value.line in (3, 4)


def test_entity_declarations_in_utf16_are_refused(tmp_path):
    text = BILLION_LAUGHS.format(root="tmx").replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    path = write_bytes(tmp_path / "evil.tmx", (text + XML_BODIES["tmx"].format(ent="lol2")).encode("utf-16"))
    with pytest.raises(InputError, match="entity declarations is refused"):
        list(tmx.read(path))


def test_encoding_that_could_hide_markup_is_refused(tmp_path):
    path = write_bytes(tmp_path / "utf7.tmx", '<?xml version="1.0" encoding="UTF-7"?>\n'
                       '+ADw-!DOCTYPE tmx +AFs-+ADw-!ENTITY x "y"+AD4-+AF0-+AD4-<tmx/>')
    with pytest.raises(InputError, match="UTF-7"):
        list(tmx.read(path))


def test_external_dtd_reference_alone_is_read_not_fetched(tmp_path):
    # As OmegaT and others write it; the DTD is never loaded.
    path = write_bytes(tmp_path / "ok.tmx", '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM '
                       '"http://127.0.0.1:9/tmx14.dtd">\n' + XML_BODIES["tmx"].format(ent="amp"))
    assert [(s.source, s.target) for s in tmx.read(path)] == [("&", "x")]


@pytest.mark.parametrize("fmt", sorted(XML_BODIES))
def test_a_reference_to_the_unread_external_dtd_is_refused_not_dropped(tmp_path, fmt):
    """With an external DTD named, `&nbsp;` is well-formed; the DTD is never read, so what
    it stands for is unknown: the file is refused, not read with the reference left out."""
    path = write_bytes(tmp_path / f"ok{FORMATS[fmt].EXTENSIONS[0]}",
                       f'<?xml version="1.0"?>\n<!DOCTYPE {fmt} SYSTEM "x.dtd">\n'
                       + XML_BODIES[fmt].format(ent="nbsp"))
    with pytest.raises(InputError, match="the entity reference &nbsp; stands for text in an "
                                         "external DTD, which is not read") as err:
        list(FORMATS[fmt].read(path))
    assert (err.value.path, err.value.line) == (str(path), 3)


def test_a_tbx_glossary_with_such_a_reference_is_refused(tmp_path):
    path = write_bytes(tmp_path / "g.tbx", '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM '
                       '"TBXcoreStructV02.dtd">\n<martif type="TBX"><text><body>'
                       '<termEntry id="a"><langSet xml:lang="ru"><tig><term>лагерь&e;</term></tig>'
                       '</langSet><langSet xml:lang="en"><tig><term>camp</term></tig></langSet>'
                       '</termEntry></body></text></martif>')
    with pytest.raises(InputError, match="the entity reference &e; stands for text"):
        termfiles.read(path)


@pytest.mark.parametrize("fmt, text, line", [
    ("tmx", '<tmx version="1.4">\n<header srclang="en"/>\n<body>\n<tu><tuv xml:lang="en"><seg>a</tuv></tu>\n</body></tmx>', 4),
    ("tmx", '<tmx>\n<body>\n<tu>\n<tuv xml:lang="en"><seg>a &nbsp; b</seg></tuv>\n</tu></body></tmx>', 4),
    ("xliff", '<xliff version="1.2">\n<file source-language="en" target-language="ru">\n<body>\n'
              '<trans-unit id="1">\n<source>a</source>\n<target>b</target>\n</body></file></xliff>', 7),
    ("xliff", '<xliff version="2.0" srcLang="en" trgLang="ru">\n<file id="f">\n<unit id="1" =bad>\n</unit></file></xliff>', 3),
])
def test_malformed_xml_reports_line(tmp_path, fmt, text, line):
    path = write_bytes(tmp_path / f"bad{FORMATS[fmt].EXTENSIONS[0]}", text)
    with pytest.raises(InputError, match="malformed XML") as err:
        list(FORMATS[fmt].read(path))
    assert (err.value.path, err.value.line) == (str(path), line)


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_wrong_document_type_is_named(tmp_path, fmt):
    path = write_bytes(tmp_path / f"wrong{FORMATS[fmt].EXTENSIONS[0]}", "<?xml version='1.0'?>\n<html/>")
    with pytest.raises(InputError, match="root element is <html>") as err:
        list(FORMATS[fmt].read(path))
    assert err.value.line == 2


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b" \n\n", "empty"),
    (bytes(range(256)) * 4, "binary|NUL"),
    ("msgid \"a\"\x00\nmsgstr \"b\"\n".encode(), "binary|NUL"),
], ids=["empty", "blank", "binary", "nul-bytes"])
def test_empty_and_binary_files(tmp_path, fmt, data, message):
    path = write_bytes(tmp_path / f"file{FORMATS[fmt].EXTENSIONS[0]}", data)
    with pytest.raises(InputError, match=message) as err:
        list(FORMATS[fmt].read(path))
    assert err.value.path == str(path)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_missing_file(tmp_path, fmt):
    with pytest.raises(InputError) as err:
        list(FORMATS[fmt].read(tmp_path / f"nowhere{FORMATS[fmt].EXTENSIONS[0]}"))
    assert "nowhere" in str(err.value)


@pytest.mark.parametrize("fmt", ["tsv", "tmx", "po", "xliff"])
def test_three_megabyte_segment(tmp_path, fmt):
    big = "слово " * 500_000  # 3 MB of UTF-8 in one cell
    path = tmp_path / f"big{FORMATS[fmt].EXTENSIONS[0]}"
    start = time.monotonic()
    FORMATS[fmt].write(path, [Segment("word", big)], source_lang="en", target_lang="ru")
    got = list(FORMATS[fmt].read(path))
    assert len(got) == 1 and got[0].target == big
    assert time.monotonic() - start < 10


# --- streaming: a large TMX in bounded memory ---

def _big_tmx(path: Path, megabytes: int) -> int:
    """Write a TMX of about `megabytes` MB directly (not through our writer); return tu count."""
    body = "Это предложение повторяется, чтобы сделать большой файл памяти переводов. " * 8
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n')
        while f.tell() < megabytes * 2**20:
            chunk = []
            for _ in range(1000):
                count += 1
                chunk.append(f'<tu tuid="{count}"><tuv xml:lang="en"><seg>Sentence {count}.</seg></tuv>'
                             f'<tuv xml:lang="ru"><seg>{count}. {body}</seg></tuv></tu>\n')
            f.write("".join(chunk))
        f.write("</body></tmx>\n")
    return count


def test_large_tmx_streams_in_bounded_memory(tmp_path):
    """A 50 MB TMX is read with memory far below its size: elements are cleared as we go.

    libxml2's memory is invisible to tracemalloc, so the whole process is measured (peak
    RSS of a child that only reads the file); tracemalloc then checks the Python side on a
    smaller file, where tracing's slowdown stays affordable.
    """
    path = tmp_path / "large.tmx"
    count = _big_tmx(path, 50)
    size = path.stat().st_size
    seen, grown = _read_in_child(path)
    assert seen == count
    assert grown < size / 5, f"reading a {size >> 20} MB TMX grew the process by {grown >> 20} MB"

    small = tmp_path / "smaller.tmx"
    count = _big_tmx(small, 8)
    tracemalloc.start()
    try:
        seen = sum(1 for _ in tmx.read(small))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < small.stat().st_size / 20


def _read_in_child(path: Path) -> tuple[int, int]:
    """Units a fresh process reads from a TMX, and how many bytes its peak RSS grew by."""
    script = textwrap.dedent(f"""
        import resource, sys
        sys.path.insert(0, {str(PROJECT)!r})
        from glossary.formats import tmx
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        n = sum(1 for _ in tmx.read({str(path)!r}))
        print(n, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    seen, grown = map(int, out.stdout.split())
    return seen, grown


def _padded_tmx(path: Path, megabytes: int, shape: str) -> int:
    """A TMX made mostly of elements that are not units; return its tu count."""
    pad = '<x-pad n="{}">padding that is not a translation unit at all</x-pad>\n'
    unit = '<tu><tuv xml:lang="en"><seg>File {0}</seg></tuv><tuv xml:lang="ru"><seg>Файл {0}</seg></tuv></tu>\n'
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/>'
                "<body>\n" + ("<x-wrap>\n" if shape == "nested" else ""))
        n = 0
        while f.tell() < megabytes * 2**20:
            n += 1
            f.write("".join(pad.format(n * 1000 + i) for i in range(1000)))
        f.write(("</x-wrap>\n" if shape == "nested" else "") + unit.format(1) + "</body></tmx>\n")
    return 1


@pytest.mark.parametrize("shape", ["siblings", "nested"])
def test_padding_elements_are_freed_whatever_their_name(tmp_path, shape):
    """Issue 12: only <tu> elements used to be freed, so other elements piled up."""
    path = tmp_path / "padded.tmx"
    count = _padded_tmx(path, 10, shape)
    size = path.stat().st_size
    seen, grown = _read_in_child(path)
    assert seen == count
    assert grown < size / 5, f"reading a {size >> 20} MB TMX grew the process by {grown >> 20} MB"


# --- xmlsafe directly ---

def test_xmlsafe_parse_and_iterparse_agree(tmp_path):
    path = write_bytes(tmp_path / "doc.xml", codecs.BOM_UTF8 + '<?xml version="1.0"?>\n<!-- c -->\n'
                       '<r xmlns="urn:x"><a>1</a><b/><a>2</a></r>'.encode())
    assert [e.text for e in xmlsafe.iterparse(path, ["a"], root="r")] == ["1", "2"]
    root = xmlsafe.parse(path, root="r")
    assert [xmlsafe.local(c.tag) for c in root] == ["a", "b", "a"]
    with pytest.raises(InputError, match="entity"):
        xmlsafe.parse(write_bytes(tmp_path / "evil.xml", EXTERNAL_ENTITY.format(root="r") + "<r>&xxe;</r>"))


def test_xmlsafe_refuses_non_xml(tmp_path):
    path = write_bytes(tmp_path / "notes.xml", "just some text\n")
    with pytest.raises(InputError, match="not an XML document") as err:
        list(xmlsafe.iterparse(path, ["a"]))
    assert err.value.line == 1


# --- the registry ---

@pytest.mark.parametrize("name, content, fmt", [
    ("a.po", "", "po"), ("a.POT", "", "po"), ("a.tmx", "", "tmx"), ("a.xlf", "", "xliff"),
    ("a.xliff", "", "xliff"), ("a.tsv", "", "tsv"), ("a.tab", "", "tsv"),
    ("a.txt", "one\tодин\n", "tsv"),
    ("a.xml", '<?xml version="1.0"?>\n<tmx version="1.4">', "tmx"),
    ("a.xml", '<?xml version="1.0"?>\n<xliff version="1.2"><!-- <tmx -->', "xliff"),
    ("a.dat", '# comment\nmsgid ""\nmsgstr ""\n', "po"),
    ("a", '#~ msgid "old"\n', "po"),
])
def test_detect(tmp_path, name, content, fmt):
    assert detect(write_bytes(tmp_path / name, content)) == fmt


def test_detect_gives_up_clearly(tmp_path):
    path = write_bytes(tmp_path / "a.txt", "no tabs, no markup\n")
    with pytest.raises(InputError, match="cannot tell the format of a.txt; use --input-format"):
        detect(path)


def test_unknown_format_name(tmp_path):
    with pytest.raises(InputError, match="unknown format 'csv'; known: po, tmx, xliff, tsv"):
        read_segments(tmp_path / "x", "csv")
    with pytest.raises(InputError, match="use --format"):
        write_segments(tmp_path / "x.doc", [], source_lang="en", target_lang="ru")


def test_read_text_pair_aligns_non_empty_lines(tmp_path):
    src = write_bytes(tmp_path / "a.en", "\nOne.\n\n  Two.  \n")
    tgt = write_bytes(tmp_path / "a.ru", "Один.\nДва.\n\n")
    assert read_text_pair(src, tgt) == [Segment("One.", "Один.", line=2), Segment("Two.", "Два.", line=4)]


def test_read_text_pair_count_mismatch_names_both(tmp_path):
    src = write_bytes(tmp_path / "a.en", "One.\nTwo.\n")
    tgt = write_bytes(tmp_path / "a.ru", "Один.\n")
    with pytest.raises(InputError, match=r"a\.en has 2 lines \(2 non-empty\) but a\.ru has 1 "
                                         r"\(1 non-empty\)"):
        read_text_pair(src, tgt)


@pytest.mark.parametrize("source, target, expected", [
    pytest.param("One.\nTwo.\nThree.\n", "Один.\n\nТри.\n",
                 [("One.", "Один.", 1), ("Two.", "", 2), ("Three.", "Три.", 3)],
                 id="a target line left empty stays in its place"),
    pytest.param("One.\n\nThree.\n\n\n", "Один.\nДва?\nТри.",
                 [("One.", "Один.", 1), ("", "Два?", 2), ("Three.", "Три.", 3)],
                 id="a source line empty; trailing blank lines do not count"),
    pytest.param("One.\n\nThree.\n", "Один.\n\nТри.\n",
                 [("One.", "Один.", 1), ("Three.", "Три.", 3)],
                 id="lines empty on both sides are skipped"),
])
def test_read_text_pair_same_line_count_aligns_by_line_number(tmp_path, source, target,
                                                               expected):
    src = write_bytes(tmp_path / "a.en", source)
    tgt = write_bytes(tmp_path / "a.ru", target)
    assert [(s.source, s.target, s.line) for s in read_text_pair(src, tgt)] == expected


def test_read_text_pair_22_lines_one_target_left_empty(tmp_path):
    """The case that used to be refused as "22 non-empty lines but 21"."""
    sources = [f"Sentence {n}." for n in range(1, 23)]
    targets = [f"Предложение {n}." if n != 7 else "" for n in range(1, 23)]
    src = write_bytes(tmp_path / "a.en", "\n".join(sources) + "\n")
    tgt = write_bytes(tmp_path / "a.ru", "\n".join(targets) + "\n")
    pairs = read_text_pair(src, tgt)
    assert len(pairs) == 22
    assert pairs[6] == Segment("Sentence 7.", "", line=7, state=UNTRANSLATED)
    assert pairs[7] == Segment("Sentence 8.", "Предложение 8.", line=8)


@pytest.mark.parametrize("file_langs, asked, result", [
    (("en-US", "ru-RU"), (None, None), ("en-US", "ru-RU", False)),
    (("en-US", "ru-RU"), ("en", "ru"), ("en", "ru", False)),
    (("en", "ru"), ("ru", "en"), ("ru", "en", True)),
    ((None, "ru"), ("en", "ru"), ("en", "ru", False)),
    ((None, "ru"), ("ru", None), ("ru", None, True)),   # PO: only the target is known
    ((None, None), ("ru", "en"), ("ru", "en", False)),  # TSV-like: the caller decides
])
def test_resolve_langs(file_langs, asked, result):
    assert resolve_langs(*file_langs, *asked) == result


def test_resolve_langs_refuses_other_languages():
    with pytest.raises(InputError, match="the file is de→fr, not en→ru"):
        resolve_langs("de", "fr", "en", "ru")


def test_po_refuses_to_write_an_empty_source(tmp_path):
    path = tmp_path / "out.po"
    with pytest.raises(InputError, match="empty source") as err:
        po.write(path, [Segment("", "пусто")], source_lang="en", target_lang="ru")
    assert err.value.path == str(path) and not path.exists()


def test_tmx_empty_texts_are_skipped(tmp_path):
    path = write_bytes(tmp_path / "gaps.tmx", """<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Full</seg></tuv><tuv xml:lang="ru"><seg/></tuv></tu>
<tu><tuv xml:lang="en"><seg><ph>{0}</ph></seg></tuv><tuv xml:lang="ru"><seg>x</seg></tuv></tu>
</body></tmx>""")
    skips: list = []
    assert read_all(path, on_skip=lambda *a: skips.append(a[:2])) == []
    assert skips == [(2, SKIP_UNTRANSLATED), (3, SKIP_EMPTY_SOURCE)]


def test_every_format_has_the_same_shape():
    for name, module in FORMATS.items():
        assert module.NAME == name
        assert module.EXTENSIONS and all(e.startswith(".") for e in module.EXTENSIONS)
        assert callable(module.read) and callable(module.write)
        parameters = inspect.signature(module.read).parameters
        assert list(parameters) == ["path", "source_lang", "target_lang", "on_skip"], name
        assert all(p.kind == p.KEYWORD_ONLY for p in list(parameters.values())[1:]), name


def test_an_xml_name_starts_with_a_letter_underscore_colon_or_any_bmp_non_ascii():
    """What the prolog scan takes for the start of the root element's name, checked over
    every code point (the pattern is written for its compile time, not for reading)."""
    wanted = [c for c in map(chr, range(0x110000))
              if c.isascii() and (c.isalpha() or c in "_:") or "\u0080" <= c <= "\uffff"]
    assert [c for c in map(chr, range(0x110000)) if xmlsafe._NAME_START.match(c)] == wanted
