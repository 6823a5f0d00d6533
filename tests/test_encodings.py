"""Encodings as files arrive: strict UTF-8 (a few bad bytes are named, never a reason to
re-decode as cp1251), cp1251 only for plausible Russian, declared charsets honoured — for
glossaries, drafts and TM imports alike."""
from __future__ import annotations

import pytest

from cli import main
from glossary import termfiles
from glossary.errors import DecodingWarning, InputError
from glossary.formats import read_segments
from glossary.textio import decode, read_text

TSV = ("id\tru\ten\tnote\n"
       "troops\tВойска НКВД по охране тыла\tNKVD rear-protection troops\tвойска охраняли тыл\n"
       "camp\tфильтрационный лагерь\tfiltration camp\tпроверка вернувшихся из плена\n")


def stray_byte(text: str, line: int) -> bytes:
    """UTF-8 text with one invalid byte at the end of a line."""
    lines = text.encode("utf-8").split(b"\n")
    lines[line - 1] += b"\xff"
    return b"\n".join(lines)


def test_a_stray_byte_keeps_the_file_utf8_and_names_the_line(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_bytes(stray_byte(TSV, 3))
    with pytest.warns(DecodingWarning, match=rf"^{path}:3: 1 byte\(s\) that are not UTF-8"):
        glossary = termfiles.read(path)
    assert [t.ru for t in glossary] == ["Войска НКВД по охране тыла", "фильтрационный лагерь"]
    assert glossary.terms[1].note == "проверка вернувшихся из плена\ufffd"


def test_a_stray_byte_in_a_draft_keeps_it_utf8(tmp_path):
    path = tmp_path / "draft.tsv"
    path.write_bytes(stray_byte("Войска НКВД\tNKVD troops\nфильтрационный лагерь\tfiltration camp\n", 1))
    with pytest.warns(DecodingWarning, match=":1: "):
        segments = list(read_segments(path))
    assert [(s.source, s.target) for s in segments] == [
        ("Войска НКВД", "NKVD troops\ufffd"), ("фильтрационный лагерь", "filtration camp")]


def test_cp1251_only_when_the_whole_file_is_plausible_russian(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_bytes(TSV.encode("cp1251"))
    assert [t.ru for t in termfiles.read(path)][0] == "Войска НКВД по охране тыла"


def test_koi8r_without_a_declaration_is_not_read_as_cp1251():
    data = TSV.encode("koi8-r")
    try:
        with pytest.warns(DecodingWarning, match="a guess"):
            text = decode(data, "g.tsv")
    except InputError as exc:
        assert "save it as UTF-8" in str(exc)
    else:
        assert text == TSV


PO_KOI8 = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KOI8-R\\n"\n"Language: ru\\n"\n'
           '"X-Source-Language: en\\n"\n\n#. войска по охране тыла\nmsgid "rear-protection troops"\n'
           'msgstr "войска по охране тыла"\n')


def test_po_glossary_declaring_koi8r(tmp_path):
    path = tmp_path / "g.po"
    path.write_bytes(PO_KOI8.encode("koi8-r"))
    [term] = termfiles.read(path).terms
    assert (term.ru, term.en, term.note) == ("войска по охране тыла", "rear-protection troops",
                                             "войска по охране тыла")


def test_po_draft_declaring_koi8r(tmp_path):
    path = tmp_path / "draft.po"
    path.write_bytes(PO_KOI8.encode("koi8-r"))
    [segment] = read_segments(path)
    assert segment.target == "войска по охране тыла"


def test_declared_charset_that_does_not_fit_names_the_line(tmp_path):
    path = tmp_path / "g.po"
    path.write_bytes(b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ASCII\\n"\n\n'
                     b'msgid "camp"\nmsgstr "\xcc\xc1\xc7"\n')
    with pytest.raises(InputError, match=r"g.po:6: byte \d+ is not valid ASCII"):
        read_text(path)


def test_stale_declaration_over_utf8_text_reads_as_utf8(tmp_path):
    path = tmp_path / "g.po"
    path.write_bytes(PO_KOI8.replace("KOI8-R", "ISO-8859-1").encode("utf-8"))
    with pytest.warns(DecodingWarning, match="declares ISO-8859-1 but is UTF-8"):
        [term] = termfiles.read(path).terms
    assert term.ru == "войска по охране тыла"


def test_xml_declaration_is_honoured(tmp_path):
    tbx = ('<?xml version="1.0" encoding="windows-1251"?>\n<martif type="TBX-Basic"><text><body>'
           '<termEntry id="c"><langSet xml:lang="ru"><tig><term>фильтрационный лагерь</term></tig>'
           '</langSet><langSet xml:lang="en"><tig><term>filtration camp</term></tig></langSet>'
           '</termEntry></body></text></martif>\n')
    path = tmp_path / "g.xml"  # not .tbx: the content decides, so the text is decoded first
    path.write_bytes(tbx.encode("cp1251"))
    assert termfiles.detect(path) == "tbx"
    assert termfiles.read(path).terms[0].ru == "фильтрационный лагерь"


def test_cli_shows_the_warning_and_goes_on(runner, tmp_path):
    path = tmp_path / "g.tsv"
    path.write_bytes(stray_byte(TSV, 2))
    result = runner.invoke(main, ["lookup", "--glossary", str(path), "фильтрационный лагерь"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: {path}:2: 1 byte(s) that are not UTF-8")
