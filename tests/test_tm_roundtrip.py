"""Files in the wild through the TM and back: inline codes, metadata, locales, states, and
exports that other tools accept (TMX 1.4 DTD, XLIFF 1.2 XSD, msgfmt -c)."""
from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from lxml import etree
from paths import HERE
from test_tm_io import TMX14_DTD

from glossary.errors import InputError
from glossary.formats import read_segments
from tm import TranslationMemory, export_file, import_file

XSD = HERE / "data" / "xliff-core-1.2-transitional.xsd"
XML_XSD = HERE / "data" / "xml-namespace.xsd"


@pytest.fixture()
def memory(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        yield tm


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# OmegaT-style TMX: dates and authors on <tuv>, two locales of English, inline codes of every
# kind, a prop and a note on the variant, a whitespace-only target (an empty-segment marker).
OMEGAT_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence"
 o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US" datatype="plaintext"/><body>
<tu tuid="t1"><prop type="x-project">docs</prop>
 <tuv xml:lang="en-US" creationid="alice" creationdate="20200101T100000Z"><seg>This is<ph x="1">&lt;br/&gt;</ph>a <bpt i="2">&lt;b&gt;</bpt>bold<ept i="2">&lt;/b&gt;</ept> word &amp; more</seg></tuv>
 <tuv xml:lang="ru-RU" changeid="boris" changedate="20210505T120000Z"><note>checked</note><prop type="x-status">final</prop><seg>Это<ph x="1">&lt;br/&gt;</ph><bpt i="2">&lt;b&gt;</bpt>жирное<ept i="2">&lt;/b&gt;</ept> слово &amp; ещё</seg></tuv></tu>
<tu tuid="t2">
 <tuv xml:lang="en-GB" creationdate="20190101T000000Z"><seg>Colour <hi type="emphasis">settings</hi></seg></tuv>
 <tuv xml:lang="ru-RU"><seg>Настройки <hi type="emphasis">цвета</hi></seg></tuv></tu>
<tu tuid="t3"><tuv xml:lang="en-US"><seg>Not yet</seg></tuv><tuv xml:lang="ru-RU"><seg> </seg></tuv></tu>
</body></tmx>
"""


def test_tmx_round_trip_keeps_codes_metadata_and_locales(tmp_path, memory):
    source = write(tmp_path / "omegat.tmx", OMEGAT_TMX)
    report = import_file(memory, source)
    assert report.added == 2 and [r for _l, r in report.skipped] == ["untranslated"]
    out = tmp_path / "out.tmx"
    export_file(memory, out, "tmx")
    document = etree.parse(str(out))
    dtd = etree.DTD(BytesIO(TMX14_DTD.encode()))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    before = {s.id: s for s in read_segments(source)}
    after = {s.source: s for s in read_segments(out)}
    for unit in ("t1", "t2"):
        original = before[unit]
        back = after[original.source]
        # Text with its inline codes, verbatim, and which characters are codes.
        assert (back.source, back.target) == (original.source, original.target)
        assert (back.source_codes, back.target_codes) == (original.source_codes,
                                                          original.target_codes)
        # Each unit's own locale, not the first unit's.
        assert (back.source_lang, back.target_lang) == (original.source_lang,
                                                        original.target_lang)
        assert set(original.props) <= set(back.props)
    t1 = after[before["t1"].source]
    assert ("target.note", "checked") in t1.props and ("source.creationid", "alice") in t1.props
    # The unit's times come from its variants (OmegaT), not from the import.
    unit = next(u for u in memory.units() if u.source == before["t1"].source)
    assert (unit.created, unit.changed) == ("20200101T100000Z", "20210505T120000Z")


XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="ui" datatype="plaintext" source-language="en-US" target-language="ru-RU"><body>
  <trans-unit id="a1" resname="greeting"><source>Hello, <g id="1" ctype="bold">dear</g> <x id="2"/>user<ph id="3">%s</ph>!</source>
   <target state="translated">Здравствуйте, <g id="1" ctype="bold">дорогой</g> <x id="2"/>пользователь<ph id="3">%s</ph>!</target>
   <note>Start page</note></trans-unit>
  <trans-unit id="a2"><source>Review me</source><target state="needs-review-translation">Проверь меня</target></trans-unit>
  <trans-unit id="a3"><source>Empty</source><target> </target></trans-unit>
 </body></file>
 <file original="ui2" datatype="plaintext" source-language="en-GB" target-language="ru-RU"><body>
  <trans-unit id="b1"><source>Colour</source><target>Цвет</target></trans-unit>
 </body></file>
</xliff>
"""


def xliff_schema() -> etree.XMLSchema:
    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url.endswith("xml.xsd"):
                return self.resolve_filename(str(XML_XSD), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(XSD), parser))


def test_xliff_round_trip_validates_and_keeps_codes_and_locales(tmp_path, memory):
    source = write(tmp_path / "ui.xlf", XLIFF_12)
    report = import_file(memory, source, include_fuzzy=True)
    assert report.added == 3 and [r for _l, r in report.skipped] == ["untranslated"]
    out = tmp_path / "out.xlf"
    export_file(memory, out, "xliff")
    schema = xliff_schema()
    assert schema.validate(etree.parse(str(out))), schema.error_log.filter_from_errors()
    before = {s.id: s for s in read_segments(source) if s.state != "untranslated"}
    after = {s.source: s for s in read_segments(out)}
    for original in before.values():
        back = after[original.source]
        assert (back.target, back.target_codes, back.source_codes) == (
            original.target, original.target_codes, original.source_codes)
        assert (back.source_lang, back.target_lang, back.note) == (
            original.source_lang, original.target_lang, original.note)
        assert back.state == original.state
    assert dict(after["Hello, " + before["a1"].source[7:]].props)["resname"] == "greeting"


def test_tmx_codes_become_valid_xliff_and_back(tmp_path, memory):
    import_file(memory, write(tmp_path / "omegat.tmx", OMEGAT_TMX))
    out = tmp_path / "out.xlf"
    export_file(memory, out, "xliff")
    schema = xliff_schema()
    assert schema.validate(etree.parse(str(out))), schema.error_log.filter_from_errors()
    text = out.read_text(encoding="utf-8")
    # A TMX code is carried inside an XLIFF placeholder, its markup escaped, not lost.
    assert '<ph id="w1">&lt;ph x="1"&gt;&amp;lt;br/&amp;gt;&lt;/ph&gt;</ph>' in text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (gettext) is not installed")
def test_po_export_passes_msgfmt_with_two_targets_for_one_source(tmp_path, memory):
    write(tmp_path / "a.tsv", "Open\tОткрыть\nSave\tСохранить\n")
    write(tmp_path / "b.tsv", "Open\tОткрой\n")
    import_file(memory, tmp_path / "a.tsv")
    import_file(memory, tmp_path / "b.tsv")
    out = tmp_path / "out.po"
    export_file(memory, out, "po")
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    entries = [s for s in read_segments(out)]
    opened = next(s for s in entries if s.source == "Open")
    assert opened.target == "Открой" and "Other translations: Открыть" in opened.note


@pytest.mark.parametrize("text, added, reasons", [
    # memoQ/SDL empty-segment markers and msgstr " ": untranslated units, never a failed file.
    ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "Open"\nmsgstr " "\n\nmsgid "Save"\n'
     'msgstr "Сохранить"\n', 1, ["untranslated"]),
    # Poedit's X-Source-Language: C means English.
    ('msgid ""\nmsgstr "Language: ru\\nX-Source-Language: C\\n"\n\nmsgid "Save"\n'
     'msgstr "Сохранить"\n', 1, []),
    # Old KDE context in the msgid.
    ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "_: menu\\nOpen"\nmsgstr "Открыть"\n', 1, []),
])
def test_po_habits(tmp_path, memory, text, added, reasons):
    report = import_file(memory, write(tmp_path / "x.po", text))
    assert report.added == added and [r for _l, r in report.skipped] == reasons


def test_kde_context_becomes_context(tmp_path):
    path = write(tmp_path / "kde.po", 'msgid ""\nmsgstr "Language: ru\\n"\n\n'
                                      'msgid "_: menu\\nOpen"\nmsgstr "Открыть"\n')
    [segment] = read_segments(path)
    assert (segment.source, segment.context) == ("Open", "menu")


def test_msgid_plural_with_plain_msgstr_is_an_error(tmp_path, memory):
    path = write(tmp_path / "bad.po", 'msgid ""\nmsgstr "Language: ru\\n"\n\n'
                                      'msgid "file"\nmsgid_plural "files"\nmsgstr "файл"\n')
    with pytest.raises(InputError, match="msgid_plural answered by a plain msgstr") as error:
        import_file(memory, path)
    assert error.value.line == 4


@pytest.mark.parametrize("text, message", [
    ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
     'msgid "Save the file"\nmsgstr "Enregistrer le fichier et les documents"\n',
     "target looks French, not Russian"),
    ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "Save the file"\nmsgstr "Save the file"\n',
     "target looks English, not Russian"),
])
def test_po_languages_from_the_text(tmp_path, memory, text, message):
    with pytest.raises(InputError, match=message):
        import_file(memory, write(tmp_path / "x.po", text))
    assert len(memory) == 0


def test_multilingual_tmx_takes_the_russian_english_pair(tmp_path, memory):
    path = write(tmp_path / "multi.tmx", """<tmx version="1.4"><header srclang="de"/><body>
<tu><tuv xml:lang="de"><seg>Datei</seg></tuv><tuv xml:lang="ru"><seg>Файл</seg></tuv>
<tuv xml:lang="en"><seg>File</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Ordner</seg></tuv><tuv xml:lang="fr"><seg>Dossier</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Folder</seg></tuv><tuv xml:lang="ru"><seg>Папка</seg></tuv>
<tuv xml:lang="fr"><seg>Dossier</seg></tuv></tu>
</body></tmx>""")
    report = import_file(memory, path)
    assert report.added == 2 and [r for _l, r in report.skipped] == [
        "de→fr, not a Russian–English pair"]
    assert {(u.source_lang, u.target_lang) for u in memory.units()} == {("en", "ru")}


def test_a_file_with_no_russian_english_unit_is_refused(tmp_path, memory):
    path = write(tmp_path / "fr.xlf", XLIFF_12.replace("ru-RU", "fr-FR"))
    with pytest.raises(InputError, match="not a Russian–English file: its units are en-US→fr-FR"):
        import_file(memory, path)


def test_xliff_20_segments_are_units(tmp_path, memory):
    path = write(tmp_path / "two.xlf", """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"
 version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u">
 <segment id="s1"><source>First segment.</source><target>Первый сегмент.</target></segment>
 <ignorable><source> </source></ignorable>
 <segment id="s2"><source>Second segment.</source><target>Второй сегмент.</target></segment>
 </unit></file></xliff>""")
    assert import_file(memory, path).added == 2
    assert sorted(u.source for u in memory.units()) == ["First segment.", "Second segment."]


def test_tm_opens_a_schema_1_tm_and_migrates_it(tmp_path):
    import sqlite3

    from tm.migrations import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[1] + ";PRAGMA user_version = 1;")
    db.execute("INSERT INTO units (source, target, source_lang, target_lang, created, changed, "
               "source_hash, pair_hash, weight) VALUES ('Файл', 'File', 'ru', 'en', "
               "'20200101T000000Z', '20200101T000000Z', x'00', x'01', 1)")
    db.commit()
    db.close()
    with TranslationMemory(path) as memory:
        assert memory.schema_version() == SCHEMA_VERSION
        [unit] = memory.units()
        assert (unit.source, unit.source_codes) == ("Файл", ())


@pytest.mark.parametrize("tag", ["ru", "RU", "ru-RU", "ru_RU", "rus"])
def test_export_finds_the_pair_however_its_tag_is_written(tmp_path, memory, tag):
    write(tmp_path / "a.tmx", OMEGAT_TMX)
    import_file(memory, tmp_path / "a.tmx")
    assert export_file(memory, tmp_path / "out.tmx", "tmx", source_lang="en_US",
                       target_lang=tag) == 2


def test_check_reports_whitespace_only_targets_as_untranslated(tmp_path, small_glossary):
    from glossary.check.draft import read_draft
    from glossary.check.engine import check

    path = write(tmp_path / "d.xlf", XLIFF_12.replace("ru-RU", "ru"))
    draft = read_draft(path)
    report = check(draft.segments, small_glossary, rules=("untranslated",))
    empty = next(n for n, s in enumerate(draft.segments, 1) if s.source == "Empty")
    assert [(f.segment, f.message) for f in report.findings] == [
        (empty, "the target is empty")]
    assert [r for _l, r in draft.skipped] == [
        "fuzzy (needs review); not read unless fuzzy entries are included"]
