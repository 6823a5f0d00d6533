"""Looking a term up by any form: inflected, either language, transliterated, misspelt."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from . import english
from .cache import Store
from .keys import canonical
from .matcher import Match, Matcher
from .model import Glossary, Term
from .normalize import script
from .ru import CYRILLIC, LATIN
from .tokens import tokenize

MATCH_KINDS = ("exact", "lemma", "variant", "clipped", "run-together", "transliteration", "fuzzy")
# A misspelling this close to a single glossary form is taken as a hit, not a suggestion.
_FUZZY_HIT = 90
_SUGGEST_CUTOFF = 60
_MIN_ROMANISED = 4


@dataclass(frozen=True)
class Hit:
    """A glossary entry found for a query, and how: one of MATCH_KINDS."""

    term: Term
    matched: str
    form: str
    status: str
    text: str


@dataclass(frozen=True)
class Suggestion:
    form: str
    term_id: str
    score: float


class Lookup:
    """A glossary ready to be queried; build once, query many times."""

    def __init__(self, glossary: Glossary, matcher: Matcher | None = None,
                 store: Store | None = None):
        """`store`: the glossary's compiled cache (cache.load_compiled), where the indexes
        below are kept once built."""
        self.glossary = glossary
        self.terms = glossary.by_id()
        self.matcher = matcher or Matcher(glossary)
        self.store = store or Store("", None)
        if self.store.directory is not None:
            english.learn(lambda: self.store.get("english", self._build_english, decode=_strings))

    def _build_english(self) -> dict[str, list[str]]:
        """The lemmas of every English glossary word's forms (english.table), so that a
        warm look-up of an English term needs no lexicon (lemminflect and numpy)."""
        return english.table(t.norm for term in self.glossary
                             for form in (*term.approved("en"), *term.forbidden("en"))
                             for t in tokenize(form) if t.is_word and LATIN.search(t.norm))

    @cached_property
    def _latin(self) -> dict[str, list[str]]:
        """Romanisations of every Russian form, every English one without its diacritics
        (Goring, Hoepner for Göring, Höpner) and the surname of every English spelling of a
        name → term ids, built when first needed (most queries never get here) and kept in
        the glossary's compiled cache."""
        return self.store.get("latin", self._build_latin)

    def _build_latin(self) -> dict[str, list[str]]:
        from .translit import fold_latin, latin_keys

        index: dict[str, list[str]] = {}
        for term in self.glossary:
            keys = {k for form in term.approved("ru") for k in latin_keys(form)}
            keys |= {fold_latin(f) for form in term.approved("en")
                     for f in (form, _GERMAN_UMLAUTS.sub(_umlaut_digraph, form))}
            if term.kind == "name":   # a person's surname alone: Vershyhora (Petro Vershyhora)
                keys |= {fold_latin(form.split()[-1]) for form in term.approved("en")}
            for key in sorted(keys):
                ids = index.setdefault(key, [])
                if term.id not in ids:
                    ids.append(term.id)
        return index

    @cached_property
    def _lemmas(self) -> dict[str, list[str]]:
        """Lemma string of every form → [form, term id], for suggestions."""
        return self.store.get("lemmas", self._build_lemmas)

    def _build_lemmas(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for term in self.glossary:
            for lang in ("ru", "en"):
                for form in (*term.approved(lang), *term.forbidden(lang)):
                    index.setdefault(_lemma_string(form), [form, term.id])
        return index

    def find(self, query: str) -> list[Hit]:
        """Entries for a query, best first: matched in its own script (both, for a mixed
        query), or as a transliteration where that explains more of a Latin query, then a
        near-certain misspelling."""
        langs = [lang for lang, pattern in (("ru", CYRILLIC), ("en", LATIN))
                 if pattern.search(query)] or ["en"]
        hits = [h for lang in langs for h in self._hits(self._match(query, lang), query)]
        if "en" in langs and (not hits or _covered(hits) < len(query.strip())):
            romanised = self._transliterated(query)
            if _covered(romanised) > _covered(hits):
                hits = romanised
        if not hits:
            close = self.suggest(query, limit=1)
            if close and close[0].score >= _FUZZY_HIT:
                s = close[0]
                term = self.terms[s.term_id]
                hits = [Hit(term, "fuzzy", s.form, _status(term, s.form), query)]
        return hits

    def terms_in(self, text: str, lang: str | None = None) -> list[Term]:
        """The glossary's concepts a text names with an approved form (what a CAT tool's term
        pane shows), in order of first appearance; `lang` defaults to the text's script.

        >>> from glossary import load
        >>> [t.id for t in Lookup(load()).terms_in("Заградотряд и СМЕРШ")]
        ['blocking-detachment', 'smersh']
        """
        from .markup import mask

        lang = lang or script(text) or "en"
        found = dict.fromkeys(m.term_id for m in self.matcher.find(mask(text).text, lang)
                              if m.status != "forbidden")
        return [self.terms[term_id] for term_id in found]

    def suggest(self, query: str, limit: int = 5) -> list[Suggestion]:
        """Closest glossary forms by edit distance between lemma strings ("did you mean");
        none for a query without a word (`!`, `—`), whose empty lemma string would equal
        that of a form without one (№)."""
        key = _lemma_string(query)
        if not key:
            return []
        found = process.extract(key, self._lemmas.keys(), scorer=fuzz.ratio,
                                limit=limit * 3, score_cutoff=_SUGGEST_CUTOFF)
        seen, out = set(), []
        for lemma_string, score, _ in found:
            form, term_id = self._lemmas[lemma_string]
            if term_id not in seen:
                seen.add(term_id)
                out.append(Suggestion(form, term_id, round(score, 1)))
        return out[:limit]

    def _match(self, text: str, lang: str) -> list[Match]:
        """The matcher's forms in a query, also read with № (No.) before a bare number
        (приказ 227 is приказ № 227, Order 227 is Order No. 227), whichever explains more of
        it; never part of a hyphenated word (майор is not found in генерал-майор)."""
        readings = [text]
        if _BARE_NUMBER.search(text):
            sign = "№" if lang == "ru" else "No."
            readings.append(_BARE_NUMBER.sub(rf"\1 {sign} \2", text))
        found = [[m for m in self.matcher.find(t, lang) if not _inside_compound(t, m)]
                 for t in readings]
        return max(found, key=lambda ms: sum(m.end - m.start for m in ms))

    def _hits(self, matches: Iterable[Match], query: str, kind: str | None = None) -> list[Hit]:
        # The entries covering most of the query come first; each entry once.
        best: dict[str, Hit] = {}
        for m in sorted(matches, key=lambda m: m.start - m.end):
            if m.term_id in best:
                continue
            matched = kind or (m.how if m.how in ("run-together", "clipped")
                               else "variant" if m.status != "preferred" else m.how)
            best[m.term_id] = Hit(self.terms[m.term_id], matched, m.form, m.status, m.text)
        return list(best.values())

    def _transliterated(self, query: str) -> list[Hit]:
        # Imported here: building the romanisation tables is a start-up cost most queries
        # (Russian, or English found as written) never need.
        from .translit import REVERSIBLE, fold_latin, to_cyrillic, to_latin

        keys = {fold_latin(query), fold_latin(_GERMAN_UMLAUTS.sub(_umlaut_digraph, query))}
        # Two or three letters romanise too many short forms (S., SS, С.) to mean anything.
        ids = {i for key in keys if len(key) >= _MIN_ROMANISED for i in self._latin.get(key, ())}
        # The entry whose own romanisation is nearest the query's length first: prikaz is the
        # order, before each numbered order that has the word in it.
        ranked = sorted(ids, key=lambda i: (abs(len(to_latin(self.terms[i].ru)) - len(query)), i))
        hits = [Hit(self.terms[i], "transliteration", self.terms[i].ru, "preferred", query)
                for i in ranked]
        if hits:
            return hits
        # Inflected romanisations (Devyatayeva): back to Cyrillic, then through morphology;
        # the scheme whose reading explains most of the query wins.
        readings = []
        query = _LATIN_NUMBER_SIGN.sub("№ ", query)   # Prikaz No. 227
        for scheme in REVERSIBLE:
            for variant in dict.fromkeys((query, _PRESS_YO.sub("'o", query))):
                cyrillic = to_cyrillic(variant, scheme)
                readings.append(self._hits(self._match(cyrillic, "ru"), cyrillic,
                                           "transliteration"))
        return max(readings, key=_covered, default=[])


# A number after a word with no № (No.) between (приказ 227, Order 227).
_BARE_NUMBER = re.compile(r"([^\W\d_]{3,}) (\d)")
_LATIN_NUMBER_SIGN = re.compile(r"\b[Nn]o\.? ?(?=\d)")
# The English press writes ьо as yo after a consonant (batalyon): BGN reads that as ё.
_PRESS_YO = re.compile(r"(?<=[bdfgklmnprstvz])yo", re.I)
_GERMAN_UMLAUTS = re.compile("[äöüÄÖÜ]")


def _umlaut_digraph(m: re.Match[str]) -> str:
    """ö → oe, as German writes an umlaut without the dots (Hoepner)."""
    letter = unicodedata.normalize("NFD", m[0])[0]
    return letter + ("e" if letter.islower() else "E")


def _inside_compound(text: str, m: Match) -> bool:
    """Whether a match is only a part of a hyphenated word (майор in генерал-майор)."""
    before = text[max(m.start - 2, 0):m.start]
    after = text[m.end:m.end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalpha()) or \
        (len(after) == 2 and after[0] == "-" and after[1].isalpha())


def _covered(hits: list[Hit]) -> int:
    """How many characters of the query the hits account for."""
    return sum(len(h.text) for h in hits)


def _strings(data: dict) -> dict[str, list[str]]:
    """A cached english.table, its shape checked (a wrong one is rebuilt)."""
    return {str(word): [str(lemma) for lemma in found] for word, found in data.items()}


def _lemma_string(text: str) -> str:
    return " ".join(canonical(t.norm) for t in tokenize(text) if t.is_word)


def _status(term: Term, form: str) -> str:
    if form in (term.ru, term.en):
        return "preferred"
    if form in (*term.ru_forbidden, *term.en_forbidden):
        return "forbidden"
    return "admitted"
