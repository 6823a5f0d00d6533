"""Finding glossary terms in text: every term at once, by lemma sequence, longest match first.

The glossary's forms are compiled once into a trie per language whose edges are match keys
(Russian and English lemmas, see keys.py). A text is tokenised once; each distinct token is
analysed once (keys are cached); then one walk from each token position finds every form
starting there. Cost grows with the text, not with the number of terms.

Most texts hold no glossary word at all: each distinct word is judged once per process
(could it start or continue a match?), and a text none of whose words can is answered
without tokenising it. The compiled tries are plain data (`to_data`/`from_data`), which is
what the cache (cache.py) keeps between processes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import islice, product
from typing import Any

from . import english
from .anchors import anchor_keys, longest, rarest
from .clipped import clipped_forms
from .keys import caps_key, term_word_keys, word_keys
from .model import EXACT, LEMMA, Glossary, Term
from .normalize import clean, fix_lookalikes, fold, script
from .reach import Reach, reach_forms
from .ru import CYRILLIC, LATIN, ORDINAL_ENDINGS, YO, is_ordinal_ending
from .runtogether import MIN_LEN, split_runtogether
from .tokens import Token, _norm, hyphenated, tokenize, words

# Bump when the compiled data (to_data) changes shape or meaning: cached copies are rebuilt.
FORMAT = 4

_END = ""        # trie slot holding the entries that end at a node (no key is empty)
_MAX_PATHS = 256  # a form whose words are all ambiguous is indexed under this many key paths
# What may stand before a sentence's first word (a capital there says nothing about it).
_SENTENCE_END = ".!?…:;"
_OPENERS = "\"«“„'([{*-–—•"


@dataclass(frozen=True, slots=True)
class Entry:
    """A glossary form filed in the trie: which concept, language and status it carries."""

    term_id: str
    lang: str
    status: str
    form: str
    match: str = LEMMA  # model.MATCH_MODES: how a text's words must agree with the form
    how: str = ""   # "clipped" for a form made from a listed one (clipped.py), else ""


@dataclass(frozen=True, slots=True)
class Match:
    """A form found in a text. `how` is exact, lemma, run-together or clipped."""

    term_id: str
    lang: str
    status: str
    form: str
    start: int
    end: int
    text: str
    how: str


class Matcher:
    """Compiled glossary forms, ready to find in any number of texts."""

    def __init__(self, glossary: Glossary | Iterable[Term] = ()):
        self._entries: list[Entry | None] = []   # None: not yet made from _rows
        self._rows: list[list] = []               # the cached rows of _entries (from_data)
        self._entry_ids: dict[Entry, int] | None = {}
        self._tries: dict[str, dict] = {"ru": {}, "en": {}}   # leaves hold entry numbers
        self._vocab: dict[str, set[str]] = {"ru": set(), "en": set()}
        self._sifting = False  # see sift()
        # Where data derived from the glossary is kept between processes (cache.py, reach_data
        # and check/context.py's word frequencies): given a part's name and a builder, returns
        # what was kept, else what the builder makes.
        self.keep: Callable[[str, Callable[[], Any]], Any] | None = None
        self._reset()
        derived: list[Entry] = []
        for term in glossary:
            for lang in ("ru", "en"):
                statuses = (("preferred", (term.preferred(lang),)),
                            ("admitted", term.approved(lang)[1:]),
                            ("forbidden", term.forbidden(lang)))
                for status, forms in statuses:
                    for form in forms:
                        mode = term.match_mode()
                        self.add(Entry(term.id, lang, status, form, match=mode))
                        if lang == "ru" and mode != EXACT:  # exact: the listed forms only
                            derived += [Entry(term.id, lang, status, clipped, match=mode,
                                              how="clipped") for clipped in clipped_forms(form)]
        for entry in derived:  # after the listed forms, which they must not override
            self.add(entry)

    def _reset(self) -> None:
        """Per-process memos derived from the tries (dropped when a form is added)."""
        self._splits: dict[str, list[tuple[int, int]] | None] = {}
        # Per language: the words (and hyphenated pairs a-b) judged, and those that may match.
        self._relevant: dict[str, tuple[set[str], set[str]]] = {"ru": (set(), set()),
                                                                 "en": (set(), set())}
        self._anchor_sets: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
        # Per language: whether an anchor holds a Latin letter, the anchors without Cyrillic.
        self._latin_anchors: dict[str, tuple[bool, tuple[str, ...]]] = {}
        # Per language: which words may have a key of the trie (reach.py), and the keys of
        # each text word as the walk reads them (none for a word that has no key there).
        self._reaches: dict[str, Reach] = {}
        self._text_keys: dict[str, dict[str, tuple[str, ...]]] = {"ru": {}, "en": {}}

    def _entry(self, number: int) -> Entry:
        entry = self._entries[number]
        if entry is None:
            entry = self._entries[number] = Entry(*self._rows[number])
        return entry

    def _all_entries(self) -> list[Entry]:
        return [self._entry(n) for n in range(len(self._entries))]

    def _anchors(self, lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """(word anchors, punctuation anchors): one key of every key path in the trie, which
        a text must hold for the path to match (anchors.py)."""
        if lang not in self._anchor_sets:
            self._anchor_sets[lang] = anchor_keys(self._tries[lang], _END, longest)
        return self._anchor_sets[lang]

    def add(self, entry: Entry) -> None:
        """File one form under every key path it can be read by."""
        trie = self._tries[entry.lang]
        if self._entry_ids is None:
            self._entry_ids = {e: i for i, e in enumerate(self._all_entries())}
        number = self._entry_ids.setdefault(entry, len(self._entries))
        if number == len(self._entries):
            self._entries.append(entry)
        paths = (p for steps in _form_steps(entry.form) for p in islice(product(*steps), _MAX_PATHS))
        for path in paths:
            node = trie
            for key in path:
                node = node.setdefault(key, {})
                self._vocabulary(entry.lang).add(key)
            numbers = node.setdefault(_END, [])
            if entry.how and any(not self._entry(n).how for n in numbers):
                continue  # the form is listed (by this concept or another): that entry wins
            if number not in numbers:
                numbers.append(number)
        self._reset()

    def to_data(self) -> dict:
        """The compiled matcher as plain data (JSON-ready: dicts, lists, strings, ints)."""
        return {"format": FORMAT,
                "entries": [[getattr(e, f.name) for f in fields(Entry)]
                            for e in self._all_entries()],
                "tries": self._tries,
                "anchors": {lang: [sorted(a), list(m)] for lang in self._tries
                            for a, m in (self._anchors(lang),)}}

    @classmethod
    def from_data(cls, data: dict) -> "Matcher":
        """The matcher `to_data` described; ValueError when the data is of another format."""
        if data.get("format") != FORMAT:
            raise ValueError(f"compiled matcher format {data.get('format')!r}, not {FORMAT}")
        matcher = cls()
        # A look-up reads a handful of entries of thousands: each is made when first read,
        # the index of all of them only when a form is added.
        matcher._rows = data["entries"]
        matcher._entries = [None] * len(matcher._rows)
        matcher._entry_ids = None
        matcher._tries = data["tries"]
        matcher._anchor_sets = {lang: (frozenset(a), tuple(m))
                                for lang, (a, m) in data["anchors"].items()}
        matcher._vocab = {}  # rebuilt from the tries when a run-together word needs it
        return matcher

    def find(self, text: str, lang: str | None = None, longest: bool = True) -> list[Match]:
        """Every glossary form in `text`, in text order; where forms overlap the longest wins,
        unless `longest` is False (then every form found is returned, nested ones too).

        `lang` picks the side of the glossary to look for (default: the text's script).
        """
        lang = lang or script(text) or "en"
        if not self._may_match(text, lang):
            return []
        tokens, split = self._tokens(text, lang)
        # Keys in a fixed order (sets iterate in a per-process order): the walk, and so which
        # of two concepts read by different keys of one word comes first, must not vary.
        keys = [self._keys(t.norm, lang) if t.is_word else (t.norm,) for t in tokens]
        candidates = []
        trie = self._tries[lang]
        starts = trie.keys()
        for i in range(len(tokens)):
            if starts.isdisjoint(keys[i]) and not \
                    (i + 1 < len(tokens) and tokens[i + 1].joined):
                continue
            for end, entries in self._walk(trie, tokens, keys, i):
                candidates.append((i, end, entries))
        return self._resolve(text, tokens, split, candidates, longest)

    def _may_match(self, text: str, lang: str) -> bool:
        """False when the text holds no anchor key (see _anchors): then no form can be found.
        A hyphenated pair is also read as one closed compound, a run-together word as its
        pieces, as the walk reads them. Each distinct word is judged once per process; a
        text of words judged before is answered with set operations alone."""
        anchors, marks = self._anchors(lang)
        if any(mark in text for mark in marks):
            return True
        judged, relevant = self._relevant[lang]
        found = set(words(text))
        if "-" in text:
            found.update(a + "-" + b for a, b in hyphenated(text))
        if not found.isdisjoint(relevant):
            return True
        for word in found - judged:
            judged.add(word)
            a, hyphen, b = word.partition("-")
            norm = _norm(a) + _norm(b) if hyphen else _norm(word)
            if self._is_relevant(norm, lang, anchors):
                relevant.add(word)
        return not found.isdisjoint(relevant)

    def _is_relevant(self, norm: str, lang: str, anchors: frozenset[str]) -> bool:
        if not self._unreachable(norm, lang, anchors):
            if self._sifting and not self._reach(lang)(norm):
                if CYRILLIC.search(norm):
                    # The dictionary knows it (see Reach): no run-together word, which
                    # _tokens need not ask again of a text that may match.
                    self._splits[norm] = None
                    return False
            elif not self._guessed_apart(norm, anchors) and \
                    not anchors.isdisjoint(word_keys(norm)):
                return True
        return lang == "ru" and len(norm) >= MIN_LEN and self._split(norm, lang) is not None

    def _guessed_apart(self, norm: str, anchors: frozenset[str]) -> bool:
        """Whether a Latin word the English lexicon lacks surely has no anchor among its
        keys, told without running lemminflect's model (~0.2 ms a word, numpy)
        to pick the one rule that makes its lemma: no lemma any rule could make is an
        anchor (english.guessable_lemmas), nor is its ^CAPS key. Asked only when sifting a
        draft, which loads the lexicon anyway: a look-up of a glossary word reads its lemmas
        from the compiled glossary without it."""
        if not self._sifting or CYRILLIC.search(norm) or not LATIN.search(norm):
            return False
        word = english.without_possessive(norm.lower())
        return word.isascii() and caps_key(norm) not in anchors and \
            anchors.isdisjoint(english.guessable_lemmas(word)) and not english.known(word)

    def _unreachable(self, norm: str, lang: str, anchors: frozenset[str]) -> bool:
        """Whether an ASCII word with a Latin letter surely has no anchor among its keys,
        told without its keys: they are English (the word, its lemmas, ^CAPS), and each
        holds a Latin letter or is a beginning of the word (1930s: 1930), the lemmatiser
        changing only endings. So where no anchor holds a Latin letter (a Russian side, as a
        rule), a Latin name in a Russian text needs no English lexicon (a third of a second
        to load)."""
        if not norm.isascii() or not LATIN.search(norm):
            return False
        if lang not in self._latin_anchors:
            self._latin_anchors[lang] = (any(LATIN.search(a) for a in anchors), tuple(
                a for a in anchors if not CYRILLIC.search(a)))
        any_latin, bare = self._latin_anchors[lang]
        return not any_latin and not norm.startswith(bare)

    def sift(self) -> None:
        """Rule out most words of the texts to come without analysing them (reach.py): worth
        it over a draft's thousands of words, not for a look-up's few, which would pay for
        the forms it needs (see keep). With the compiled cache, the paths are then anchored
        at their rarest keys (anchors.py), kept in the cache too."""
        self._sifting = True
        if self.keep is not None:
            kept = self.keep("anchors", self.rare_anchor_data)
            self._anchor_sets = {lang: (frozenset(a), tuple(m)) for lang, (a, m) in kept.items()}
            self._latin_anchors = {}

    def rare_anchor_data(self) -> dict[str, list[list[str]]]:
        """Per language, the anchors of the trie's paths at their rarest keys (plain data)."""
        return {lang: [sorted(a), list(m)] for lang, trie in self._tries.items()
                for a, m in (anchor_keys(trie, _END, rarest(lang)),)}

    def reach_data(self) -> dict[str, list[str]]:
        """Per language, reach.reach_forms of the trie's keys (plain data for the cache)."""
        return {lang: sorted(reach_forms(self._vocabulary(lang))) for lang in self._tries}

    def _reach(self, lang: str) -> Reach:
        if lang not in self._reaches:
            forms = None
            if self.keep is not None:
                forms = frozenset(self.keep("reach", self.reach_data)[lang])
            self._reaches[lang] = Reach(frozenset(self._vocabulary(lang)), forms)
        return self._reaches[lang]

    def _keys(self, norm: str, lang: str) -> tuple[str, ...]:
        """A text word's keys in a fixed order, or none when it has no key in the trie: the
        walk only looks keys up in the trie, and most words need no analysis to rule out."""
        memo = self._text_keys[lang]
        found = memo.get(norm)
        if found is None:
            sure = not self._sifting or self._reach(lang)(norm)
            found = memo[norm] = _ordered_keys(norm) if sure else ()
        return found

    def _tokens(self, text: str, lang: str) -> tuple[list[Token], set[int]]:
        """Tokens, with run-together words split into their pieces (their indices returned).
        Only a long word the dictionary lacks can be run-together (see runtogether.py)."""
        tokens: list[Token] = []
        split: set[int] = set()
        for tok in tokenize(text):
            pieces = self._split(tok.norm, lang) if tok.is_word and lang == "ru" \
                and len(tok.norm) >= MIN_LEN else None
            if pieces is None:
                tokens.append(tok)
                continue
            for a, b in pieces:
                split.add(len(tokens))
                tokens.append(Token(tok.text[a:b], tok.start + a, tok.start + b,
                                    tok.norm[a:b], True))
        return tokens, split

    def _vocabulary(self, lang: str) -> set[str]:
        """Every key in the trie of a language (what run-together pieces must be), kept in
        the compiled cache: walking a 10,000-entry glossary's trie is a tenth of a warm
        look-up of a word that may be run-together."""
        if lang not in self._vocab:
            kept = self.keep("vocabulary", self.vocabulary_data) if self.keep else None
            self._vocab[lang] = set(kept[lang]) if kept else set(_trie_keys(self._tries[lang]))
        return self._vocab[lang]

    def vocabulary_data(self) -> dict[str, list[str]]:
        """Per language, every key in the trie (plain data for the cache)."""
        return {lang: sorted(_trie_keys(trie)) for lang, trie in self._tries.items()}

    def _split(self, word: str, lang: str) -> list[tuple[int, int]] | None:
        if word not in self._splits:
            self._splits[word] = split_runtogether(
                word, self._vocabulary(lang), self._reach(lang) if self._sifting else None)
        return self._splits[word]

    @staticmethod
    def _walk(trie: dict, tokens: list[Token], keys: list[tuple[str, ...]], i: int):
        """(end, entries) for every form starting at token i; a hyphenated pair may also be
        read as one closed compound (counter-intelligence = counterintelligence)."""
        stack = [(trie, i)]
        while stack:
            node, j = stack.pop()
            if j > i and _END in node:
                yield j, node[_END]
            if j >= len(tokens):
                continue
            for key in keys[j]:
                if key in node:
                    stack.append((node[key], j + 1))
            if j + 1 < len(tokens) and tokens[j + 1].joined:
                for key in sorted(word_keys(tokens[j].norm + tokens[j + 1].norm)):
                    if key in node:
                        stack.append((node[key], j + 2))

    def _resolve(self, text, tokens, split, candidates, longest) -> list[Match]:
        """Keep the longest of overlapping candidates (then the leftmost; of two on the same
        words, the one with a form spelt as in the text: `payments` is the concept
        "payments", not "payment" read by its lemma); text order out."""
        def rank(candidate: tuple[int, int, list[int]]) -> tuple[int, int, bool]:
            i, end, numbers = candidate
            surface = fold(text[tokens[i].start:tokens[end - 1].end])
            return i - end, i, not any(_folded(self._entry(n).form) == surface for n in numbers)

        taken = [False] * len(tokens)
        chosen = []
        # Most texts that match hold one candidate: nothing to rank.
        for i, end, entries in sorted(candidates, key=rank) if len(candidates) > 1 else candidates:
            if longest and any(taken[i:end]):
                continue
            start, stop = tokens[i].start, tokens[end - 1].end
            surface = text[start:stop]
            found = [e for e in map(self._entry, entries)
                     if e.match == LEMMA or _agrees(e, surface, text, start)]
            if not found:
                continue
            taken[i:end] = [True] * (end - i)
            run_together = any(k in split for k in range(i, end))
            written = fold(surface) if not run_together else ""
            for e in found:
                how = ("run-together" if run_together else
                       e.how or ("exact" if written == _folded(e.form) else "lemma"))
                chosen.append(Match(e.term_id, e.lang, e.status, e.form, start, stop, surface, how))
        chosen.sort(key=lambda m: (m.start, m.end))
        return chosen


@lru_cache(maxsize=100_000)
def _folded(form: str) -> str:
    """`fold` of a glossary form, once per form (a draft's matches read the same few)."""
    return fold(form)


def _agrees(entry: Entry, surface: str, text: str, start: int) -> bool:
    """Whether a surface found by lemma is also what a case-sensitive (CASE) or literal
    (EXACT) entry asks for. Letter case is compared word by word: a word written in
    capitals needs capitals, a capitalised one a capital, a lower-case one lower case,
    except that the first word may take a capital at the start of a sentence.

    >>> e = Entry("x", "ru", "preferred", "Узел", "case")
    >>> _agrees(e, "Узлы", "Узлы", 0), _agrees(e, "узлы", "узлы", 0)
    (True, False)
    >>> low = Entry("x", "en", "preferred", "node", "case")
    >>> _agrees(low, "Nodes", "Nodes fail.", 0), _agrees(low, "Nodes", "The Nodes", 4)
    (True, False)
    >>> _agrees(Entry("x", "en", "preferred", "Sign in", "exact"), "signed in", "signed in", 0)
    False
    """
    if entry.match == EXACT:
        return _as_written(surface) == _as_written(entry.form)
    words, written = surface.split(), entry.form.split()
    if len(words) != len(written):
        return True  # a closed compound or run-together reading: nothing to compare
    opening = opens_sentence(text, start)
    for n, (word, form) in enumerate(zip(words, written)):
        if form.isupper() and len(form) > 1:
            ok = word.isupper()
        elif form[:1].isupper():
            ok = word[:1].isupper()
        else:
            ok = word.islower() or (n == 0 and opening and word[:1].isupper()
                                    and word[1:].islower())
        if not ok:
            return False
    return True


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of a sentence, a heading or a list item: only
    spaces, opening quotes, brackets or bullets stand between it and the text's start or a
    sentence's end.

    >>> opens_sentence("Nodes fail.", 0), opens_sentence("It ends. «Nodes", 10)
    (True, True)
    >>> opens_sentence("The Nodes", 4)
    False
    """
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _as_written(text: str) -> str:
    """`fold` without lower-casing: what an EXACT entry compares."""
    return " ".join(fix_lookalikes(w).translate(YO) for w in clean(text).split())


def _form_steps(form: str) -> list[list[tuple[str, ...]]]:
    """Per token of a glossary form, the keys that token may be read by; a hyphenated form
    also as closed compounds (counter-intelligence → counterintelligence)."""
    tokens = tokenize(form)
    readings = [[ORDINAL_ENDINGS if t.joined and is_ordinal_ending(tokens[k - 1].norm, t.norm)
                 else _sorted(term_word_keys(t.norm)) if t.is_word else (t.norm,)
                 for k, t in enumerate(tokens)]]
    if any(t.joined for t in tokens):
        closed: list[str] = []
        for t in tokens:
            if t.joined and closed:
                closed[-1] += t.norm
            else:
                closed.append(t.norm)
        readings.append([_sorted(term_word_keys(w)) for w in closed])
    return [steps for steps in readings if steps]


@lru_cache(maxsize=400_000)
def _ordered_keys(norm: str) -> tuple[str, ...]:
    """A text word's keys in a fixed order (sorted once per distinct word)."""
    return tuple(sorted(word_keys(norm)))


def _sorted(keys: frozenset[str]) -> tuple[str, ...]:
    # Sets iterate in a per-process order; paths past _MAX_PATHS must not depend on it.
    return tuple(sorted(keys))


def _trie_keys(trie: dict) -> set[str]:
    """Every key of a trie, at any depth."""
    keys: set[str] = set()
    stack = [trie]
    while stack:
        node = stack.pop()
        keys.update(k for k in node if k != _END)
        stack.extend(child for k, child in node.items() if k != _END)
    return keys
