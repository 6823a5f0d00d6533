"""English morphology with lemminflect: lemmas for matching, inflections for generating.

A lemmatiser rather than a stemmer: Snowball gives `deserter` and `desertion` one stem
(`desert`), which would make two glossary concepts one. The stemmer serves only to tell
a derivational family (`configure`, `configuration`: "rendered in another part of
speech"), never to match.
"""
from __future__ import annotations

import gzip
import importlib
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from types import ModuleType

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
    read at once, by `_lemma_table`.

    numpy serves lemminflect's model, which guesses the lemma of a word its table lacks:
    even a check of a few English sentences asks it (names, rare words), so deferring numpy
    further would spare a check nothing."""
    module = importlib.import_module("lemminflect")
    lemmatizer = module.Lemmatizer()  # a singleton
    if not hasattr(lemmatizer, "lemma_dict"):  # what its _getLemmaDict would read
        lemmatizer.lemma_dict = _lemma_table(lemmatizer.lemma_lu_fn)
    return module


def _lemma_table(path: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """lemminflect's lemma table, as its LemmaLUCodec.load reads it (word, category, lemmas
    separated by "/"; the category as a UPOS tag), in a third of the time: the file
    decompressed at once, and the cycle collector paused while 80,000 small dicts are made
    (none of them in a cycle)."""
    with gzip.open(path, "rb") as f:
        lines = f.read().decode().split("\n")
    table: dict[str, dict[str, tuple[str, ...]]] = {}
    upos = {"modal": "AUX"}  # lemminflect's categoryToUPos: the category upper-cased, but this
    with collector.paused():
        for line in filter(None, lines):  # the last line ends with a newline too
            word, category, lemmas = line.strip().split(",")
            tag = upos.get(category) or upos.setdefault(category, category.upper())
            table.setdefault(word, {})[tag] = tuple(lemmas.split("/"))
    return table


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


def _lemmas(word: str) -> frozenset[str]:
    known = lexicon().getAllLemmas(word)
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
    return bool(lemmatizer._getLemmaDict().get(word) or lemmatizer._getOverridesDict().get(word))


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
    found = lexicon().getAllLemmas(bare)
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
    found = lexicon().getAllLemmas(word) or lexicon().getAllLemmasOOV(word, "NOUN")
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
    if word not in lexicon().getAllLemmas(word).get("NOUN", (word,)):
        return word  # already a plural (troops, forces)
    forms = lexicon().getInflection(word, "NNS", inflect_oov=True)
    return forms[0] if forms else word


def possessive(phrase: str) -> str:
    """Possessive of a phrase: `army` → `army's`, `battalions` → `battalions'`.

    >>> possessive("penal battalions"), possessive("Red Army")
    ("penal battalions'", "Red Army's")
    """
    return phrase + ("'" if phrase.endswith("s") else "'s")
