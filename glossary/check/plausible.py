"""Which matches are the term and not a look-alike: checks the matcher leaves to us.

The matcher compares lemmas (Russian) and stems (English) in lower case, without parts of
speech. That finds every inflected form, and also words that only share a lemma or stem
with a term: «волков» (wolves) for the name Волков, «Томом» (Tom) for «том» (volume),
«заключил» (concluded) for «заключённый» (prisoner), "to check" for проверка,
"in order to" for приказ. A checker must not report a missing term that was never there,
so a match is dropped when:

* its term is a citation abbreviation (kind=citation: Т., Д., Л., том, дело) and no number
  follows it;
* Russian, one word: the term is a proper name (its kind says so), its form capitalised,
  and the word is not, or is but its
  own lemmas do not include the form; the form is lower case and the word capitalised with
  a proper-noun reading (Name, Surn, Geox …); or no reading of the word shares the form's
  part of speech (noun, adjective/participle, verb …);
* English, one word, not a proper name ("in Italy for" is no idiom): it stands in a fixed phrase where it means something else (in order
  to, in front of, out of order); or the form is a noun and the word is used as a verb
  (an -ed form with no noun reading, an -ing one after a form of "be" or a verb cue — a
  gerund elsewhere names the action, "Querying data"; after to, a modal, a subject
  pronoun, let's, please; or opening an imperative: "Check it again"), unless the glossary
  renders the concept by a Russian verb as well (filter: фильтр, фильтровать), which
  makes the verb the term too.

These are heuristics with known misses (a noun after "you" in "you company commanders"
is taken for a verb); they err towards silence, since a wrong missing-term report costs
more trust than a missed one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import morph
from ..english import lexicon
from ..matcher import Match, opens_sentence
from ..model import Term, is_proper

# pymorphy3 grammemes of proper nouns: a capitalised word read so is a name, not a term.
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# A citation abbreviation (Т., Д., Л., том, дело, лист) is one only before a number.
_CITED = re.compile(r"\s*(?:№\s*)?\d")
# Fixed phrases in which a term's word means something else; {} marks the word.
_EN_IDIOMS = tuple(re.compile(p.replace("{}", r"(?P<w>\w+)"), re.I) for p in (
    r"\bin {}\s+(?:to|that|for)\b", r"\bout of {}\b", r"\bin {}\s+of\b", r"\bup {}\b",
    r"\bkeep \w+(?: \w+)? {}\b", r"\bin (?:the |good |bad )?{}\s+of\b",
    r"\bon (?:the )?other {}\b"))
_EN_VERB_CUES = frozenset(
    "to will would can could should must may might shall cannot can't won't wouldn't "
    "couldn't shouldn't don't didn't doesn't let's please i we you they".split())
_EN_BE = frozenset("be is are was were been being am 's 're".split())
_EN_OBJECTS = frozenset(
    "me it this that these those the a an your my his her our their everything something "
    "anything now out up in on off again".split())
_EN_WORD = re.compile(r"[A-Za-z']+")


def plausible(matches: list[Match], text: str, terms: dict[str, Term]) -> list[Match]:
    """The matches that survive the checks above."""
    kept = []
    for m in matches:
        term = terms.get(m.term_id)
        if term is not None and term.kind == "citation" and not _CITED.match(text, m.end):
            continue
        if " " not in m.text:
            proper = term is not None and is_proper(term.kind)
            if m.lang == "ru" and (_case_clash(m.form, m.text, proper,
                                               opens_sentence(text, m.start))
                                   or not _same_part_of_speech(m.form, m.text)):
                continue
            if m.lang == "en" and not proper and m.text.isascii() and (
                    _in_idiom(text, m.start, m.end) or (_verb_use(m.form, text, m.start, m.end)
                                                        and not _renders_action(term))):
                continue
        kept.append(m)
    return kept


def _renders_action(term: Term | None) -> bool:
    """Whether the glossary renders the concept by a Russian verb too (filter: фильтр,
    фильтровать): then "to filter" is the term, used as the verb the glossary allows for."""
    return term is not None and any(morph.word_class(form) == "INFN"
                                    for form in term.approved("ru"))


def _in_idiom(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) is the key word of a fixed phrase.

    >>> t = "They retreated in order to regroup."
    >>> _in_idiom(t, 18, 23), _in_idiom("by order of the Stavka", 3, 8)
    (True, False)
    """
    window = text[max(0, start - 30):end + 30]
    offset = max(0, start - 30)
    return any(m.start("w") + offset == start for p in _EN_IDIOMS for m in p.finditer(window))


@lru_cache(maxsize=65536)
def _readings(word: str) -> frozenset[str]:
    return frozenset(lexicon().getAllLemmas(word.lower()))


def _verb_use(form: str, text: str, start: int, end: int) -> bool:
    """Whether a one-word English noun term is used as a verb here.

    >>> _verb_use("check", "Please check your translation.", 7, 12)
    True
    >>> _verb_use("check", "The check took an hour.", 4, 9)
    False
    >>> _verb_use("escape", "A third of the prisoners have escaped.", 30, 37)
    True
    >>> _verb_use("query", "Querying data", 0, 8), _verb_use("query", "It is querying", 6, 14)
    (False, True)
    >>> _verb_use("check", "Check it again.", 0, 5), _verb_use("check", "Checks it again.", 0, 6)
    (True, False)
    """
    if " " in form.strip() or "NOUN" not in _readings(form):
        return False
    word = text[start:end]
    readings = _readings(word)
    if "VERB" not in readings:
        return False
    lower = word.lower()
    if lower.endswith("ed") and not readings & {"NOUN", "ADJ"}:
        return True
    if lower.endswith("ing") and not readings & {"NOUN", "ADJ"}:
        # a gerund names the action ("Querying data" is about queries) unless a form of
        # "be" or a verb cue makes it a verb ("is saving", "to keep saving")
        before = _EN_WORD.findall(text[max(0, start - 20):start])
        return bool(before) and (before[-1].lower() in _EN_BE | _EN_VERB_CUES)
    before = _EN_WORD.findall(text[max(0, start - 20):start])
    if before:
        prev = before[-1].lower()
        if prev in _EN_VERB_CUES or prev.endswith(("'ll", "'d")):
            return True
    if opens_sentence(text, start):
        after = _EN_WORD.match(text[end:].lstrip())
        # an imperative is the bare form: "Check it", not "Checks it"
        return after is not None and after.group().lower() in _EN_OBJECTS \
            and lower == form.lower()
    return False


def _case_clash(form: str, surface: str, proper: bool, opening: bool = False) -> bool:
    """Whether a one-word Russian surface cannot be the glossary form by its letter case.

    A proper name's capitalised form needs a capitalised surface whose own lemmas include
    the form: «Волки» reaches «Волков» only through волков = gen. pl. of волк. Any other
    concept's capital is how its glossary happens to be written (a UI label «Узел»), not a
    name: «узел» is that concept. A capitalised surface inside a sentence whose reading is
    a proper noun is a name, not a common concept's word («Томом», Tom, is not «том»); at
    the start of a sentence (`opening`) the capital says nothing.

    >>> _case_clash("Волков", "волков", True), _case_clash("Волков", "Волки", True)
    (True, True)
    >>> _case_clash("Волков", "Волкова", True), _case_clash("Узел", "узлы", False)
    (False, False)
    >>> _case_clash("том", "Томом", False), _case_clash("том", "Томом", False, opening=True)
    (True, False)
    >>> _case_clash("лагерь", "Лагерь", False)
    False
    """
    if form[:1].isupper() and not form.isupper() and proper:
        key = form.lower().replace("ё", "е")
        return surface.islower() or (" " not in form and key not in morph.lemmas(surface.lower()))
    if not proper and not opening and surface[:1].isupper() and not surface.isupper() \
            and not (form[:1].isupper() and not form.isupper()):
        return any(_PROPER & p.tag.grammemes for p in _plausible_parses(surface.lower()))
    return False


_PARTICIPLES = frozenset({"PRTF", "PRTS", "GRND"})
# Parts of speech coarsely: a participle may stand for a noun-like term, a verb may not.
_POS_CLASS = {"ADJF": "ADJ", "ADJS": "ADJ", "PRTF": "ADJ", "PRTS": "ADJ", "COMP": "ADJ",
              "INFN": "VERB", "GRND": "VERB"}


@lru_cache(maxsize=65536)
def _same_part_of_speech(form: str, surface: str) -> bool:
    """Whether a one-word surface can be the same part of speech as the glossary form:
    pymorphy3 gives a participle its verb as lemma, so «заключил» (concluded) would
    otherwise be «заключённый» (prisoner).

    >>> _same_part_of_speech("заключённый", "заключил"), _same_part_of_speech("заключённый", "заключённых")
    (False, True)
    >>> _same_part_of_speech("добавить", "Добавлено"), _same_part_of_speech("удалить", "удалены")
    (True, True)
    """
    if " " in form.strip():
        return True

    def classes(word: str) -> set[str]:
        return {_POS_CLASS.get(p.tag.POS, p.tag.POS) for p in _plausible_parses(word.lower())}

    mine, theirs = classes(form), classes(surface)
    if "VERB" in mine and _PARTICIPLES & {p.tag.POS for p in _plausible_parses(surface.lower())}:
        theirs.add("VERB")  # a verb term's participle is its form (добавить: «Добавлено»)
    return not mine.isdisjoint(theirs)


def _plausible_parses(word: str):
    parses = morph.parse(word)
    best = max((p.score for p in parses), default=0.0)
    return [p for p in parses if p.score >= best * 0.05]  # as morph.lemmas does


