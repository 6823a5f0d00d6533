"""English morphology with lemminflect: lemmas for matching, inflections for generating.

A lemmatiser rather than a stemmer: Snowball gives `deserter` and `desertion` one stem
(`desert`), which would make two glossary concepts one. The stemmer serves only to tell
a derivational family (`configure`, `configuration`: "rendered in another part of
speech"), never to match.
"""
from __future__ import annotations

import gzip
import importlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, ItemsView, Iterable, Iterator, Mapping
from functools import lru_cache
from types import ModuleType
from typing import Any

from . import collector


@lru_cache(maxsize=1)
def _stemmer():
    """Snowball, imported on first use (a look-up never needs it)."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1)
def lexicon() -> ModuleType:
    """lemminflect, imported on first use: it brings numpy (a fifth of a second of start-up)
    that a Russian look-up never needs. Its lemma table, which nearly every use reads, is
    read by `_lemma_table`.

    numpy serves lemminflect's model, which guesses the lemma of a word its table lacks:
    even a check of a few English sentences asks it (names, rare words), so deferring numpy
    further would spare a check nothing."""
    module = importlib.import_module("lemminflect")
    lemmatizer = module.Lemmatizer()  # a singleton
    if not hasattr(lemmatizer, "lemma_dict"):  # what its _getLemmaDict would read
        lemmatizer.lemma_dict = _lemma_table(lemmatizer.lemma_lu_fn)
    return module


def _lemma_table(path: str) -> Mapping[str, dict[str, tuple[str, ...]]]:
    """lemminflect's lemma table, as its LemmaLUCodec.load reads it (word, category, lemmas
    separated by "/"; the category as a UPOS tag), read as it is asked: the file's lines
    are kept, and a word's entry is made from its lines when first looked up (see
    _LemmaTable). A check asks a few thousand of its 80,000 words: making every entry at
    load cost it a tenth of a second and ~20 MiB."""
    with gzip.open(path, "rb") as f:
        lines = [line.strip() for line in f.read().decode().split("\n")]
    lines = [line for line in lines if line]  # the last line ends with a newline too
    words = [line.partition(",")[0] for line in lines]
    if words != sorted(words):  # looked up by bisection: a table in another order is made whole
        table: dict[str, dict[str, tuple[str, ...]]] = {}
        with collector.paused():  # 80,000 small dicts, none in a cycle
            for word, entry in _entries(lines):
                table.setdefault(word, {}).update(entry)
        return table
    return _LemmaTable(lines, words)


# lemminflect's categoryToUPos: the category upper-cased, but this one.
_UPOS = {"modal": "AUX"}


def _entries(lines: Iterable[str]) -> Iterator[tuple[str, dict[str, tuple[str, ...]]]]:
    """(word, {UPOS tag: lemmas}) of each run of consecutive lines of one word."""
    word = ""
    entry: dict[str, tuple[str, ...]] = {}
    for line in lines:
        written, category, lemmas = line.split(",")
        if written != word and entry:
            yield word, entry
            entry = {}
        word = written
        entry[_UPOS.get(category) or category.upper()] = tuple(lemmas.split("/"))
    if entry:
        yield word, entry


class _LemmaTable(Mapping[str, dict[str, tuple[str, ...]]]):
    """The lemma table's lines, sorted by word, each word's entry made when it is first
    looked up (its lines found by bisection; whether it is listed at all, by a set of the
    words); iterating it makes the whole table, in the file's order, as LemmaLUCodec.load's
    dict has it."""

    def __init__(self, lines: list[str], words: list[str]):
        self._lines = lines
        self._words = words
        self._listed = frozenset(words)  # most look-ups are of words the table lacks
        self._made: dict[str, dict[str, tuple[str, ...]]] = {}
        self._whole: dict[str, dict[str, tuple[str, ...]]] | None = None

    def get(self, word: str, default: Any = None) -> Any:  # what lemminflect calls
        found = self._made.get(word)
        if found is None:
            if word not in self._listed:
                return default
            start = bisect_left(self._words, word)
            end = bisect_right(self._words, word, start)
            found = self._made[word] = next(_entries(self._lines[start:end]))[1]
        return found

    def __contains__(self, word: object) -> bool:  # without making the entry (english.known)
        return word in self._listed

    def __getitem__(self, word: str) -> dict[str, tuple[str, ...]]:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def _all(self) -> dict[str, dict[str, tuple[str, ...]]]:
        if self._whole is None:
            with collector.paused():  # 80,000 small dicts, none in a cycle
                self._whole = dict(_entries(self._lines))
        return self._whole

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def items(self) -> ItemsView[str, dict[str, tuple[str, ...]]]:
        return self._all().items()


# Lemmas worked out before for the forms of a glossary's words (`table`), kept in its
# compiled cache: a look-up of a glossary word reads them there and never loads the lexicon.
_learnt: dict[str, list[str]] = {}
_sources: list[Callable[[], dict[str, list[str]]]] = []


def learn(source: Callable[[], dict[str, list[str]]]) -> None:
    """Where `table`'s answers can be read: called when a word is first looked for, or at
    once when the lexicon is loaded already (a glossary just compiled), which builds the
    table while that costs least."""
    if lexicon.cache_info().currsize:
        _learnt.update(source())
    else:
        _sources.append(source)


def table(words: Iterable[str]) -> dict[str, list[str]]:
    """`lemmas` of the given words and of every form their lemmas inflect to."""
    forms = {without_possessive(word.lower()) for word in words}
    for word in sorted(forms):
        for lemma in _lemmas(word):
            for found in (lexicon().getAllInflections(lemma),
                          lexicon().getAllInflectionsOOV(lemma, "NOUN")):
                forms.update(form for group in found.values() for form in group)
    return {form: sorted(_lemmas(form)) for form in sorted(forms)}


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every lemma of a lower-case word (itself included); possessives are taken off first.
    Words outside lemminflect's lexicon are lemmatised by its rules, as nouns.

    >>> sorted(lemmas("battalions'")), sorted(lemmas("troops")), sorted(lemmas("encirclees"))
    (['battalion', 'battalions'], ['troop', 'troops'], ['encirclee', 'encirclees'])
    >>> lemmas("deserters") & lemmas("desertion")
    frozenset()
    >>> "hiwi" in lemmas("hiwis")
    True
    >>> "account" in lemmas("accounting"), "query" in lemmas("querying")
    (False, True)
    >>> sorted(lemmas("people")), sorted(lemmas("people's"))
    (['people', 'person'], ['people', 'person'])
    """
    word = without_possessive(word)
    while _sources:
        _learnt.update(_sources.pop()())
    learnt = _learnt.get(word)
    return frozenset(learnt) if learnt is not None else _lemmas(word)


# English's one living suppletive plural: "people" serves as the plural of "person"
# (displaced people are displaced persons) besides being a noun of its own (a people,
# peoples), and lemminflect knows only the latter. A text's "people" is read both ways; a
# glossary's "people" (People's Commissar) names itself only.
_SUPPLETIVE = {"people": "person"}


def listed(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's `getAllLemmas(word)`, without the deep copies it makes of its tables'
    entries for a caller that may change them (ours only read): a shallow copy is enough
    for its capitalisation to be applied to."""
    from lemminflect.core.LexicalUtils import applyCapsStyleToDict, getCapsStyle

    lemmatizer = _lemmatizer()
    lower = word.lower()
    found = dict(lemmatizer._getLemmaDict().get(lower, {}))
    found.update(lemmatizer._getOverridesDict().get(lower, {}))
    return applyCapsStyleToDict(found, getCapsStyle(word))


def _lemmas(word: str) -> frozenset[str]:
    known = listed(word)
    found = known or lexicon().getAllLemmasOOV(word, "NOUN")
    if word.endswith("ing") and word in found.get("NOUN", ()):
        # a noun of its own (accounting, building, setting): not a form of the verb
        found = {pos: forms for pos, forms in found.items() if pos != "VERB"}
    lemmas = {word, *(lemma for forms in found.values() for lemma in forms)}
    if not known and word.endswith("s") and not word.endswith("ss"):
        lemmas.add(word[:-1])   # loan words the rules miss: Hiwis, ukases, opolchenies
    if word in _SUPPLETIVE:
        lemmas.add(_SUPPLETIVE[word])
    return frozenset(lemmas)


def known(word: str) -> bool:
    """Whether the lexicon lists a lower-case word (possessive taken off), so that `lemmas`
    reads its lemmas there rather than guessing them by rule (lemminflect's own tables, which
    its getAllLemmas reads: a look-up without a copy of the answer)."""
    lemmatizer = _lemmatizer()
    # (an entry of the table is never empty: being in it is being listed)
    return word in lemmatizer._getLemmaDict() or bool(lemmatizer._getOverridesDict().get(word))


def words_with_lemma(wanted: Collection[str]) -> frozenset[str]:
    """Every word of the lexicon one of whose lemmas is in `wanted` (lower case): the only
    words the lexicon knows that `lemmas` can give such a lemma, besides the lemma itself."""
    lemmatizer = _lemmatizer()
    return frozenset(word for table in (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
                     for word, by_pos in table.items()
                     if any(lemma in wanted for found in by_pos.values() for lemma in found))


@lru_cache(maxsize=1)
def guess_reach() -> int:
    """How many letters at most the rules that lemmatise a word the lexicon lacks take off
    its end (one more for a doubled letter): a guessed lemma keeps the rest of the word."""
    rules = _lemmatizer()._getOOVLemmatizer().rules
    return max(len(rule.split(",")[0]) for rule in rules) + 1


def guessable_lemmas(word: str) -> set[str]:
    """Every lemma `lemmas` can give a lower-case ASCII word the lexicon lacks (possessive
    taken off), whichever of lemminflect's rules its model would pick: the word, the word
    less its last letter (a plural s), and what each rule makes of it — found without
    running the model.

    >>> {"battalion", "query"} <= guessable_lemmas("battalions") | guessable_lemmas("queries")
    True
    """
    found = {word, word[:-1]}
    for cut, add, double in _rules():
        lemma = (word[:-cut] if cut else word) + add  # as lemminflect applies a rule
        found.add(lemma[:-1] if double else lemma)
    return found


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[int, str, bool], ...]:
    """lemminflect's rules for words it lacks: letters taken off, added, a doubled letter."""
    rules = (rule.split(",") for rule in _lemmatizer()._getOOVLemmatizer().rules)
    return tuple((len(cut), add, double == "True") for cut, add, double in rules)


def _lemmatizer():
    return lexicon().Lemmatizer()  # a singleton: the tables getAllLemmas reads


@lru_cache(maxsize=50_000)
def term_lemmas(word: str) -> frozenset[str]:
    """The lemmas a glossary word is matched by. A glossary word in -ing or -ed that the
    lexicon knows only as a verb form names that form itself (a `saving`, `logging`), not
    its verb: `saved` is no `saving`.

    >>> sorted(term_lemmas("saving")), sorted(term_lemmas("queries")), sorted(term_lemmas("query"))
    (['saving'], ['queries', 'query'], ['query'])
    >>> sorted(term_lemmas("people's")), sorted(term_lemmas("person"))
    (['people'], ['person'])
    """
    bare = without_possessive(word)
    found = listed(bare)
    if word.endswith(("ing", "ed")) and set(found) == {"VERB"}:
        return frozenset({word})
    own = lemmas(word)
    return own - {_SUPPLETIVE[bare]} if bare in _SUPPLETIVE else own


@lru_cache(maxsize=50_000)
def family_by_pos(word: str) -> frozenset[tuple[str, str]]:
    """(part of speech, Snowball stem of its lemma) for each reading lemminflect knows:
    words of one derivational family share a stem (configure, configuration).

    >>> sorted(family_by_pos("deletes")), sorted(family_by_pos("deletion"))
    ([('VERB', 'delet')], [('NOUN', 'delet')])
    """
    word = without_possessive(word.lower())
    found = listed(word) or lexicon().getAllLemmasOOV(word, "NOUN")
    return frozenset((pos, _stemmer().stemWord(lemma)) for pos, forms in found.items()
                     for lemma in forms)


def without_possessive(word: str) -> str:
    """The word without a possessive ending.

    >>> without_possessive("army's"), without_possessive("battalions’"), without_possessive("SS")
    ('army', 'battalions', 'SS')
    """
    word = word.replace("’", "'")
    if word.endswith(("'s", "'S")):
        return word[:-2]
    return word[:-1] if word.endswith("s'") else word


def plural(word: str) -> str:
    """Plural of an English noun (lemminflect's lexicon, regular rules for unknown words).

    >>> plural("battalion"), plural("army"), plural("encirclee"), plural("forces")
    ('battalions', 'armies', 'encirclees', 'forces')
    """
    if word not in listed(word).get("NOUN", (word,)):
        return word  # already a plural (troops, forces)
    forms = lexicon().getInflection(word, "NNS", inflect_oov=True)
    return forms[0] if forms else word


def possessive(phrase: str) -> str:
    """Possessive of a phrase: `army` → `army's`, `battalions` → `battalions'`.

    >>> possessive("penal battalions"), possessive("Red Army")
    ("penal battalions'", "Red Army's")
    """
    return phrase + ("'" if phrase.endswith("s") else "'s")
