"""The bar of issue 12: every file of ../shared/data/peer-format-samples/ (translate-toolkit's
and Okapi's test files) through `tm import` and `check`.

None of these files is Russian–English (the folder's README says so; a test below checks
that none holds a Cyrillic letter), so the right answers are: a refusal that says why
(malformed, or which other language pair), or nothing stored; never a unit labelled Russian
or English that is not. What the readers take from each file is compared with an
independent reading by lxml: unit boundaries (no unit glued to another or dropped without a
reason) and text (the text outside inline codes equals the element's text outside native
codes; every code is well-formed markup).
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree
from paths import DATA

from glossary.check.draft import read_draft
from glossary.check.engine import direction
from glossary.errors import InputError
from glossary.formats import detect, read_segments
from glossary.segment import without_codes
from tm import TranslationMemory, import_file

SAMPLES = DATA / "peer-format-samples"
FILES = sorted(p for p in SAMPLES.glob("*/*") if p.suffix != ".md") if SAMPLES.is_dir() else []
needs_samples = pytest.mark.skipif(not FILES, reason=f"{SAMPLES} is absent")
# What a refusal may say: the file is broken, or it is not Russian–English.
REFUSALS = re.compile(r"malformed|entity declarations|not an XML|unterminated|msgid_plural|no Russian–English unit|"
                      r"cannot tell the format|a TBX glossary|"
                      r"not a Russian–English|looks \w+, not|cannot tell the languages|"
                      r"nothing to check|the checker works ru→en or en→ru, not")
CYRILLIC = re.compile("[\u0400-\u04ff]")
NATIVE = {"tmx": {"bpt", "ept", "ph", "it", "ut"},
          "xliff": {"x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec", "cp", "sm", "em"}}


@needs_samples
def test_no_sample_is_russian_english():
    assert not any(CYRILLIC.search(p.read_text(encoding="utf-8", errors="replace"))
                   for p in FILES)


@needs_samples
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_tm_import_stores_nothing_wrong(tmp_path, path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        try:
            report = import_file(memory, path)
        except InputError as error:
            assert REFUSALS.search(error.message), error.message
            assert len(memory) == 0
            return
        # Accepted: then nothing was Russian–English to store, and every unit is accounted for.
        assert report.added == report.duplicates == 0
        assert len(memory) == 0


@needs_samples
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_check_never_claims_a_wrong_direction(path):
    try:
        draft = read_draft(path)
        src, tgt = direction(draft.segments, draft.source_lang, draft.target_lang)
    except InputError as error:
        assert REFUSALS.search(error.message), error.message
        return
    if not draft.segments and draft.source_lang is None:
        return  # no unit at all (each one empty or not to translate): nothing is claimed
    # Accepted: only a file with nothing translated and no target language named, whose
    # source is English (the checker's only pair for it: en→ru, every unit untranslated).
    assert (src, tgt) == ("en", "ru")
    assert all(not s.target.strip() for s in draft.segments)
    assert all(s.target_lang in (None, "ru") for s in draft.segments)


def _name(elem: etree._Element) -> str:
    return etree.QName(elem).localname if isinstance(elem.tag, str) else ""


def _units(root: etree._Element, fmt: str) -> list[etree._Element]:
    if fmt == "tmx":
        return list(root.iter("{*}tu", "tu"))
    units = [part for unit in root.iter("{*}trans-unit") for part in _sentences(unit)]
    return units + [s for u in root.iter("{*}unit") for s in u if _name(s) == "segment"]


def _sentences(unit: etree._Element) -> list[etree._Element]:
    """A 1.2 unit, or its <mrk mtype="seg"> sentences when its target is segmented too
    (or empty)."""
    def marks(name: str) -> list[etree._Element]:
        return [m for e in unit if _name(e) == name
                for m in e.iter("{*}mrk") if m.get("mtype") == "seg"]
    target = next((e for e in unit if _name(e) == "target"), None)
    unsegmented = target is not None and "".join(target.itertext()).strip() and not marks("target")
    return [unit] if unsegmented or not marks("seg-source") else marks("seg-source")


def _plain(elem: etree._Element | None, native: set[str]) -> str:
    """The element's text outside native codes, by lxml alone."""
    if elem is None:
        return ""
    parts = [elem.text or ""]
    for sub in elem:
        if _name(sub) and _name(sub) not in native:
            parts.append(" " + _plain(sub, native) + " ")
        else:
            parts.append(" ")
        parts.append(sub.tail or "")
    return "".join(parts)


def _words(text: str) -> list[str]:
    return text.split()


@needs_samples
@pytest.mark.parametrize("path", [p for p in FILES if p.suffix in (".tmx", ".xlf")],
                         ids=lambda p: p.name)
def test_readers_keep_boundaries_text_and_codes(path):
    fmt = detect(path)
    skipped: list = []
    try:
        segments = list(read_segments(path, on_skip=lambda *a: skipped.append(a)))
    except InputError as error:
        assert REFUSALS.search(error.message), error.message
        return
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
    units = _units(root, fmt)
    # Every unit is a segment or a reported skip: none glued to another, none lost.
    assert len(segments) + len(skipped) == len(units)
    lines = Counter(u.sourceline for u in units)
    by_line = {u.sourceline: u for u in units if lines[u.sourceline] == 1}
    for segment in segments:
        unit = by_line.get(segment.line)
        if unit is None:
            continue  # several units on one line: not told apart by line
        if fmt == "tmx":
            variants = [t for t in unit if _name(t) == "tuv"]
            source = next(t for t in variants if (t.get("{http://www.w3.org/XML/1998/namespace}"
                                                        "lang") or t.get("lang"))
                          == segment.source_lang)
            element = next(iter(source.iter("{*}seg", "seg")))
        else:
            element = unit if _name(unit) == "mrk" else next(
                e for e in unit if _name(e) == "source")
        expected = _plain(element, NATIVE[fmt])
        assert _words(without_codes(segment.source, segment.source_codes)) == _words(expected)
        for start, end in segment.source_codes:
            code = segment.source[start:end]
            # A whole element parses as XML; a container's start and end tags are two codes.
            if code.endswith("/>") or re.match(r"<([\w:-]+)[^>]*>.*</\1>$", code, re.S):
                etree.fromstring(re.sub(r"\b(\w+):(\w+)=", r"\1-\2=", code))
            else:
                assert re.match(r"</?[\w:-]+(\s[^<>]*)?>$", code), code
