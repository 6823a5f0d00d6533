"""The README's "Known limits" (and the limits in "How matching works"), one row each, kept
as expected failures the way pymorphy3 keeps its known failures: each test states the
behaviour a translator would want. strict=True: the day one passes, the suite fails, so the
README and this table are updated together."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from glossary import Matcher
from glossary.check import check
from glossary.lookup import Lookup
from glossary.model import Term
from glossary.segment import Segment


@pytest.fixture(scope="module")
def lookup(small_glossary, small_matcher) -> Lookup:
    return Lookup(small_glossary, small_matcher)


def no_number_finding(lookup: Lookup, source: str, target: str) -> bool:
    report = check([Segment(source, target, "ru", "en")], lookup.glossary,
                   matcher=lookup.matcher, rules=["number-mismatch"])
    return not report.findings


def found_ids(terms: list[Term], text: str, lang: str) -> list[str]:
    return [m.term_id for m in Matcher(terms).find(text, lang)]


HOMOGRAPHS = [Term("exile", "ссылка", "exile"), Term("company", "рота", "company")]
COUNTER_INTELLIGENCE = [Term("ci", "контрразведка", "counterintelligence")]
NKVD_TROOPS = [Term("nkvd-troops", "войска НКВД", "NKVD troops")]

# (README limit, what a translator would want)
LIMITS: dict[str, Callable[[Lookup], bool]] = {
    "homographs: «ссылка» in the sense of a link is not the concept exile":
        lambda _: found_ids(HOMOGRAPHS, "Нажмите на ссылку, чтобы открыть страницу.",
                            "ru") == [],
    "homographs: «рот» (mouth) is not a form of рота (company)":
        lambda _: found_ids(HOMOGRAPHS, "У него болел рот.", "ru") == [],
    "inflected BGN/PCGN romanisations are found (shtrafnyye batalony)":
        lambda lookup: "penal-battalion" in [h.term.id for h in lookup.find(
            "shtrafnyye batalony")],
    "short all-capital abbreviations are found in lower case (гко)":
        lambda lookup: "gko" in [m.term_id for m in lookup.matcher.find("решение гко", "ru")],
    "a closed English compound in the glossary matches its spaced spelling":
        lambda _: found_ids(COUNTER_INTELLIGENCE, "Soviet counter intelligence", "en") == ["ci"],
    "run-together Latin text is split into the words the glossary knows":
        lambda _: found_ids(NKVD_TROOPS, "the NKVDtroops arrived", "en") == ["nkvd-troops"],
    "numbers in words beyond simple compounds: one and a half thousand = 1500":
        lambda lookup: no_number_finding(lookup, "Погибло 1500 человек.",
                                         "One and a half thousand people died."),
    "numbers in words beyond simple compounds: двое с половиной сотни = 250":
        lambda lookup: no_number_finding(lookup, "Их было двое с половиной сотни.",
                                         "There were 250 of them."),
}


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="a documented limit (README, Known limits)")
@pytest.mark.parametrize("limit", LIMITS)
def test_known_limit(limit, lookup):
    assert LIMITS[limit](lookup)


# cell, the other language's cell: a real term whose shape reads as a list
_LIST_LOOKALIKES = [("Save, continue", "Сохранить и продолжить"), ("чтение / запись", "read/write")]


@pytest.mark.xfail(strict=True, reason="README known limits: a comma or spaced slash inside "
                                       "a one-sided cell is read as a list")
@pytest.mark.parametrize("cell, other", _LIST_LOOKALIKES)
def test_a_one_sided_comma_that_belongs_to_the_term(cell, other):
    from glossary.lists import parts, sure_list
    assert not (parts(cell) and sure_list(parts(cell), other))


@pytest.mark.xfail(strict=True, reason="README known limits: an optional part's full and "
                                       "short forms count as two variants for inconsistent-term")
def test_an_optional_part_is_not_an_inconsistency():
    from glossary.lists import read_cells
    from glossary.model import Glossary
    glossary = read_cells(Glossary([Term("snapshot", "снимок (данных)", "snapshot")]))[0]
    segments = [Segment("Take a snapshot.", "Сделайте снимок.", "en", "ru"),
                Segment("The snapshot is ready.", "Снимок готов.", "en", "ru"),
                Segment("Data snapshots are taken.", "Снимки данных создаются.", "en", "ru")]
    report = check(segments, glossary, rules=["inconsistent-term"])
    assert not report.findings
