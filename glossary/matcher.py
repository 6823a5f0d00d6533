"""Finding glossary terms in text: every term at once, by lemma sequence, longest match first.

The glossary's forms are compiled once into a trie per language whose edges are match keys
(Russian and English lemmas, see keys.py). A text is tokenised once; each distinct token is
analysed once (keys are cached); then one walk from each token position finds every form
starting there. Cost grows with the text, not with the number of terms.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice, product

from .clipped import clipped_forms
from .keys import term_word_keys, word_keys
from .model import EXACT, LEMMA, Glossary, Term
from .normalize import clean, fix_lookalikes, fold, script
from .ru import ORDINAL_ENDINGS, YO, is_ordinal_ending
from .runtogether import split_runtogether
from .tokens import Token, tokenize

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

    def __init__(self, glossary: Glossary | list[Term]):
        self._tries: dict[str, dict] = {"ru": {}, "en": {}}
        self._vocab: dict[str, set[str]] = {"ru": set(), "en": set()}
        self._splits: dict[str, list[tuple[int, int]] | None] = {}
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

    def add(self, entry: Entry) -> None:
        """File one form under every key path it can be read by."""
        trie = self._tries[entry.lang]
        paths = (p for steps in _form_steps(entry.form) for p in islice(product(*steps), _MAX_PATHS))
        for path in paths:
            node = trie
            for key in path:
                node = node.setdefault(key, {})
                self._vocab[entry.lang].add(key)
            entries = node.setdefault(_END, [])
            if entry.how and any(not e.how for e in entries):
                continue  # the form is listed (by this concept or another): that entry wins
            if entry not in entries:
                entries.append(entry)

    def find(self, text: str, lang: str | None = None, longest: bool = True) -> list[Match]:
        """Every glossary form in `text`, in text order; where forms overlap the longest wins,
        unless `longest` is False (then every form found is returned, nested ones too).

        `lang` picks the side of the glossary to look for (default: the text's script).
        """
        lang = lang or script(text) or "en"
        tokens, split = self._tokens(text, lang)
        # Keys in a fixed order (sets iterate in a per-process order): the walk, and so which
        # of two concepts read by different keys of one word comes first, must not vary.
        keys = [tuple(sorted(word_keys(t.norm))) if t.is_word else (t.norm,) for t in tokens]
        candidates = []
        trie = self._tries[lang]
        for i in range(len(tokens)):
            if not any(k in trie for k in keys[i]):
                continue
            for end, entries in self._walk(trie, tokens, keys, i):
                candidates.append((i, end, entries))
        return self._resolve(text, tokens, split, candidates, longest)

    def _tokens(self, text: str, lang: str) -> tuple[list[Token], set[int]]:
        """Tokens, with run-together words split into their pieces (their indices returned)."""
        tokens: list[Token] = []
        split: set[int] = set()
        for tok in tokenize(text):
            pieces = self._split(tok.norm, lang) if tok.is_word and lang == "ru" else None
            if pieces is None:
                tokens.append(tok)
                continue
            for a, b in pieces:
                split.add(len(tokens))
                tokens.append(Token(tok.text[a:b], tok.start + a, tok.start + b,
                                    tok.norm[a:b], True))
        return tokens, split

    def _split(self, word: str, lang: str) -> list[tuple[int, int]] | None:
        if word not in self._splits:
            self._splits[word] = split_runtogether(word, self._vocab[lang])
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

    @staticmethod
    def _resolve(text, tokens, split, candidates, longest) -> list[Match]:
        """Keep the longest of overlapping candidates (then the leftmost; of two on the same
        words, the one with a form spelt as in the text: `payments` is the concept
        "payments", not "payment" read by its lemma); text order out."""
        def rank(candidate: tuple[int, int, list[Entry]]) -> tuple[int, int, bool]:
            i, end, entries = candidate
            surface = fold(text[tokens[i].start:tokens[end - 1].end])
            return i - end, i, not any(fold(e.form) == surface for e in entries)

        taken = [False] * len(tokens)
        chosen = []
        for i, end, entries in sorted(candidates, key=rank):
            if longest and any(taken[i:end]):
                continue
            start, stop = tokens[i].start, tokens[end - 1].end
            surface = text[start:stop]
            entries = [e for e in entries if e.match == LEMMA or _agrees(e, surface, text, start)]
            if not entries:
                continue
            taken[i:end] = [True] * (end - i)
            for e in entries:
                how = ("run-together" if any(k in split for k in range(i, end))
                       else e.how or ("exact" if fold(surface) == fold(e.form) else "lemma"))
                chosen.append(Match(e.term_id, e.lang, e.status, e.form, start, stop, surface, how))
        chosen.sort(key=lambda m: (m.start, m.end))
        return chosen


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


def _sorted(keys: frozenset[str]) -> tuple[str, ...]:
    # Sets iterate in a per-process order; paths past _MAX_PATHS must not depend on it.
    return tuple(sorted(keys))
