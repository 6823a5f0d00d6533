"""TBX glossaries: our TBX-Basic round trip, files from other tools, and refusals."""
from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.model import COLUMNS, Glossary, Term
from glossary.termfiles import tbx

FULL = Glossary([
    Term("nkvd", "НКВД", "NKVD",
         ru_variants=("Наркомвнудел", "Народный комиссариат внутренних дел"),
         en_variants=("People's Commissariat for Internal Affairs",),
         en_forbidden=("KGB",), ru_forbidden=("КГБ", "ЧК"),
         kind="name", note='Not the KGB: <&> "quoted"\nsecond line',
         source=("Glossary v1", "Archive, fond 9401"),
         extra=(("status", "approved"), ("reviewer", ""))),
    Term("pass", "пропуск", "pass"),
    Term("rank-1", "лейтенант 𝔘", "lieutenant 😀", kind="rank", note="  spaces kept  ",
         extra=(("status", "draft"), ("reviewer", "A. B."))),
], columns=COLUMNS + ("status", "reviewer"))


@pytest.mark.parametrize("direction", ["ru-en", "en-ru"])
def test_round_trip_keeps_every_field(tmp_path, direction):
    path = tmp_path / "glossary.tbx"
    tbx.write(FULL, path, direction)
    back = tbx.read(path)
    assert back.terms == FULL.terms
    assert back.columns == FULL.columns
    assert [t.line for t in back.terms] == sorted(t.line for t in back.terms)
    assert all(t.line for t in back.terms)


def test_written_file_is_tbx_basic_shaped(tmp_path):
    text = tbx.dumps(FULL)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"')
    assert '<termEntry id="nkvd">' in text
    assert '<descrip type="subjectField">name</descrip>' in text
    assert "<note>Not the KGB: &lt;&amp;&gt; \"quoted\"\nsecond line</note>" in text
    assert '<admin type="x-status">approved</admin>' in text
    assert text.index('<langSet xml:lang="ru">') < text.index('<langSet xml:lang="en">')
    assert text.count(tbx.DEPRECATED) == 3
    # the default kind is left out rather than written on every entry
    assert text.count("subjectField") == 2


def test_empty_glossary_round_trips(tmp_path):
    path = tmp_path / "empty.tbx"
    tbx.write(Glossary([]), path)
    assert tbx.read(path).terms == []


def test_write_refuses_characters_xml_cannot_hold(tmp_path):
    path = tmp_path / "bad.tbx"
    with pytest.raises(InputError, match="U\\+0007") as err:
        tbx.write(Glossary([Term("t", "звонок\a", "bell")]), path)
    assert err.value.path == str(path) and not path.exists()


CAT_EXPORT = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic-V1" xml:lang="en-US">
  <martifHeader>
    <fileDesc>
      <titleStmt><title>Project glossary</title></titleStmt>
      <sourceDesc><p>Exported from a CAT tool</p></sourceDesc>
    </fileDesc>
    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
  </martifHeader>
  <text>
    <body>
      <termEntry id="c1">
        <descrip type="subjectField">Military history</descrip>
        <transacGrp><transac type="transactionType">origination</transac><date>2023-05-01</date></transacGrp>
        <langSet xml:lang="en-US">
          <descrip type="definition">A camp where returnees were screened.</descrip>
          <tig>
            <term>filtration camp</term>
            <termNote type="partOfSpeech">noun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="ru-RU">
          <ntig>
            <termGrp>
              <term>фильтрационный лагерь</term>
              <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            </termGrp>
          </ntig>
          <tig><term>фильтрлагерь</term></tig>
          <tig><term>ПФЛ</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
          <tig><term>концлагерь</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
        </langSet>
        <langSet xml:lang="de-DE"><tig><term>Filtrationslager</term></tig></langSet>
      </termEntry>
      <termEntry>
        <note>No statuses at all</note>
        <langSet xml:lang="en"><tig><term>pass</term></tig><tig><term>permit</term></tig>
          <tig><term>ID</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
        <langSet xml:lang="ru"><tig><term>пропуск</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


def test_reads_a_cat_tool_export(tmp_path):
    path = tmp_path / "export.tbx"
    path.write_text(CAT_EXPORT, encoding="utf-8")
    glossary = tbx.read(path)
    assert glossary.terms == [
        Term("c1", "фильтрационный лагерь", "filtration camp",
             ru_variants=("фильтрлагерь", "ПФЛ"), ru_forbidden=("концлагерь",),
             kind="Military history"),
        Term("pass", "пропуск", "pass", en_variants=("permit",), en_forbidden=("ID",),
             note="No statuses at all"),
    ]
    assert [t.line for t in glossary.terms] == [13, 37]
    assert glossary.columns == COLUMNS


TBX_V3 = """\
<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="TBXcoreStructV03.rng" type="application/xml"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c7">
      <langSec xml:lang="en"><termSec><term>checkpoint</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="ru"><termSec><term>контрольно-пропускной пункт</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>КПП</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_reads_tbx_v3(tmp_path):
    path = tmp_path / "v3.tbx"
    path.write_text(TBX_V3, encoding="utf-8")
    assert tbx.read(path).terms == [Term("c7", "контрольно-пропускной пункт", "checkpoint",
                                         ru_variants=("КПП",))]


ENTITY_PROLOGS = {
    "billion-laughs": '<!DOCTYPE martif [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n',
    "external-entity": '<!DOCTYPE martif [\n <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
    "parameter-entity": '<!DOCTYPE martif [\n <!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd">\n %p;\n]>\n',
}
ENTRY = ('<martif type="TBX-Basic"><text><body><termEntry id="x">'
         '<note>{ref}</note><langSet xml:lang="ru"><tig><term>а</term></tig></langSet>'
         '<langSet xml:lang="en"><tig><term>a</term></tig></langSet></termEntry></body></text></martif>')


@pytest.mark.parametrize("name", sorted(ENTITY_PROLOGS))
def test_entity_declarations_are_refused(tmp_path, name):
    ref = {"billion-laughs": "&b;", "external-entity": "&xxe;", "parameter-entity": ""}[name]
    path = tmp_path / "evil.tbx"
    path.write_text('<?xml version="1.0"?>\n' + ENTITY_PROLOGS[name] + ENTRY.format(ref=ref))
    with pytest.raises(InputError, match="entity declarations is refused") as err:
        tbx.read(path)
    assert (err.value.path, err.value.line) == (str(path), 3)


@pytest.mark.parametrize("text, line, message", [
    ("<martif>\n<text><body>\n<termEntry id='x'>\n<note>unclosed\n</termEntry></body></text></martif>",
     5, "malformed XML"),
    ("<martif>\n<text><body>\n<termEntry id='x'>\n<langSet xml:lang='ru'><tig><term>а</term></tig></langSet>\n"
     "</termEntry></body></text></martif>", 3, "no preferred English term"),
    ("<martif><text><body>\n<termEntry id='y'><langSet xml:lang='en'><tig><term>a</term>"
     "<termNote type='administrativeStatus'>deprecatedTerm-admn-sts</termNote></tig></langSet>"
     "<langSet xml:lang='ru'><tig><term>а</term></tig></langSet></termEntry></body></text></martif>",
     2, "no preferred English term"),
    ("<?xml version='1.0'?>\n<tmx version='1.4'/>", 2, "root element is <tmx>"),
    ("", None, "empty file"),
    ("\x00\x01binary", None, "binary"),
])
def test_bad_files(tmp_path, text, line, message):
    path = tmp_path / "bad.tbx"
    path.write_text(text)
    with pytest.raises(InputError, match=message) as err:
        tbx.read(path)
    assert (err.value.path, err.value.line) == (str(path), line)


def test_module_shape(tmp_path):
    assert tbx.NAME == "tbx" and tbx.EXTENSIONS == (".tbx",)
    empty = tbx.dumps(Glossary([]))
    assert empty.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"')
    (tmp_path / "empty.tbx").write_text(empty, encoding="utf-8")
    assert tbx.read(tmp_path / "empty.tbx").terms == []
