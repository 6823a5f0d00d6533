"""The fuzzy-match score and the differences behind it.

How the percentage is computed (what `glossary tm search` prints):

1. Both texts are split into tokens (analysis.py): words, numbers, placeholders/tags and
   punctuation. Each kind has a weight: word 1, number ¼, tag ¼, punctuation ⅒.
2. The token sequences are aligned by rapidfuzz's Indel opcodes (the longest common
   subsequence of tokens), two words counting as the same token when they share a match
   key (a Russian lemma, an English stem): so `Войскам` and `Войска` align, `Войскам` and
   `Армии` do not.
3. Costs: an aligned word in another form costs 0.2 (`inflection`), in other capitals or
   with ё for е 0.05 (`case`). Between aligned tokens, what is left on either side is
   paired kind with kind (word with word, number with number…): each kind costs its weight
   times the larger of its two counts, so a changed word costs 1, a lost word 1, a changed
   number ¼ and a missing comma ⅒.
4. score = ⌊100 × (1 − cost ÷ max(weight(query), weight(unit)))⌋, at most 99 unless the
   texts are identical character for character (whitespace differences alone give 99).

So a two-word segment differing in one case ending scores 90, one differing by a whole word
50; a changed number costs a quarter of a word and a missing comma a tenth.

Every cost also has an upper bound that search.py relies on: a unit scoring at least θ
lacks query words weighing at most (1 − θ) × weight(query) and has a weight within
[θ × weight(query), weight(query) ÷ θ].
"""
from __future__ import annotations

import math

from rapidfuzz.distance import Indel

from .analysis import WEIGHTS, WORD, TmToken, analyse, weight
from .model import Difference

INFLECTION = 0.2
CASE = 0.05


def score(query: str, text: str) -> int:
    """The fuzzy-match percentage of `text` against `query` (see the module docstring).

    >>> score("Войскам НКВД", "Войска НКВД"), score("Войскам НКВД", "Армии НКВД")
    (90, 50)
    >>> score("Войска НКВД", "Войска НКВД"), score("Войска НКВД", "войска  НКВД")
    (100, 97)
    """
    return compare(analyse(query), query, analyse(text), text)[0]


def differences(query: str, text: str) -> tuple[Difference, ...]:
    """What differs between `query` and `text`, in the order of the text.

    >>> [(d.kind, d.query, d.match) for d in differences("Глава 2, Войскам", "Глава 3 войска")]
    [('number', '2', '3'), ('punctuation', ',', ''), ('inflection', 'Войскам', 'войска')]
    """
    return compare(analyse(query), query, analyse(text), text)[1]


def compare(query: tuple[TmToken, ...], query_text: str, cand: tuple[TmToken, ...],
            cand_text: str) -> tuple[int, tuple[Difference, ...]]:
    """Score and differences of an analysed candidate against an analysed query."""
    return Scorer(query, query_text).compare(cand, cand_text)


class Scorer:
    """One query, ready to be compared with many candidates (its codes are made once)."""

    def __init__(self, query: tuple[TmToken, ...], query_text: str):
        self.query, self.text = query, query_text
        self.weight = weight(query)
        self.surface: dict[tuple[str, str], int] = {}
        self.by_key: dict = {}
        self.codes = []
        for t in query:
            code = self.surface.get((t.kind, t.norm))
            if code is None:
                code = self.surface[(t.kind, t.norm)] = len(self.surface)
                if t.kind == WORD:
                    for key in sorted(t.keys):
                        self.by_key.setdefault(key, code)
            self.codes.append(code)
        self._lost: list[tuple[float, str, str, frozenset[str]]] | None = None  # see beyond

    def beyond(self, cand_text: str, cand_keys: str, cand_weight: float, at_least: int
               ) -> bool:
        """Whether a stored unit surely scores below `at_least`, told from its text, its
        code string (one key a word or number, as `compare`'s tokens would carry) and its
        weight, without rebuilding its tokens. For a search's query of code characters.

        A query token aligns only with a token of the same code: one of its surface (the
        same kind and norm, so the unit's text holds the norm: lower-cased, ё as е, for a
        word) or, for a word, one whose key the query's codes map to that code. A query
        token that no token of the unit can match is left over, costing at least its
        weight (every run costs each kind's larger count): their sum is a lower bound of
        the cost. (Python lower-cases Σ by its context, so a text holding one is not told.)
        """
        total = max(self.weight, cand_weight)
        if total == 0 or "Σ" in cand_text:
            return False
        if self._lost is None:  # heaviest first: the bound is passed sooner
            reach: dict[int, set[str]] = {}
            for key, code in self.by_key.items():
                reach.setdefault(code, set()).add(key)
            self._lost = sorted(((WEIGHTS[t.kind], t.kind, t.norm,
                                  frozenset(reach.get(code, ())))
                                 for t, code in zip(self.query, self.codes)), reverse=True)
        # The most a score of at_least allows, with a margin for rounding (costs are
        # multiples of 0.05).
        budget = total * (1 - at_least / 100) + 1e-6
        folded = cand_text.lower()
        if "ё" in folded:
            folded = folded.replace("ё", "е")
        keys = set(cand_keys)
        lost = 0.0
        for weight_, kind, norm, reaching in self._lost:
            if kind == WORD:
                if norm in folded or not keys.isdisjoint(reaching):
                    continue
            elif norm in cand_text:
                continue
            lost += weight_
            if lost > budget:
                return True
        return False

    def compare(self, cand: tuple[TmToken, ...], cand_text: str, *, differences: bool = True,
                at_least: int = 0) -> tuple[int, tuple[Difference, ...]]:
        """Score and differences of an analysed candidate (see the module docstring).

        `differences=False` computes the score alone (faster; the differences are then ()).
        With `at_least` it gives up as soon as the cost so far leaves the score below it
        (costs only add up), and returns 0 then.
        """
        query, query_text = self.query, self.text
        cand_codes, cand_weight = self._codes(cand)
        total = max(self.weight, cand_weight)
        # A cost above this floors the score below at_least (the margin errs on going on).
        hopeless = total * (1 - at_least / 100) + 1e-6 if at_least > 0 else math.inf
        cost = 0.0
        diffs: list[Difference] | None = [] if differences else None
        # Indel (longest common subsequence) keeps as many tokens aligned as possible; the
        # runs between aligned tokens are then paired kind with kind (docstring, step 3).
        pending_q: list[TmToken] = []
        pending_c: list[TmToken] = []
        # (rapidfuzz types the tuple's items as int | str)
        opcodes: list[tuple[str, int, int, int, int]] = Indel.opcodes(  # type: ignore[assignment]
            self.codes, cand_codes).as_list()
        for tag, i1, i2, j1, j2 in opcodes:
            if tag != "equal":
                pending_q.extend(query[i1:i2])
                pending_c.extend(cand[j1:j2])
                continue
            if pending_q or pending_c:
                cost += _run(pending_q, pending_c, diffs)
                pending_q, pending_c = [], []
                if cost > hopeless:
                    return 0, ()
            for q, c in zip(query[i1:i2], cand[j1:j2]):
                if q.text == c.text:
                    continue
                kind = "inflection" if q.kind == WORD and q.norm != c.norm else "case"
                cost += INFLECTION if kind == "inflection" else CASE
                if diffs is not None:
                    diffs.append(Difference(kind, q.text, c.text, (q.start, q.end),
                                            (c.start, c.end)))
        if pending_q or pending_c:
            cost += _run(pending_q, pending_c, diffs)
        found = tuple(diffs or ())
        if total == 0:
            return (100 if query_text == cand_text else 0), found
        value = math.floor(100 * (1 - cost / total) + 1e-9)
        if query_text != cand_text:
            value = min(value, 99)
        return max(value, 0), found

    def _codes(self, cand: tuple[TmToken, ...]) -> tuple[list[int], float]:
        """The candidate's integer codes (equal to a query token's code = the same token)
        and its weight (analysis.weight), in one pass: a search scores thousands."""
        surface, by_key = self.surface, self.by_key
        fresh: dict[tuple[str, str], int] = {}
        codes = []
        total = 0.0
        for _text, _start, _end, kind, norm, keys, _form in cand:
            total += WEIGHTS[kind]
            code = surface.get((kind, norm))
            if code is None and kind == WORD:
                if len(keys) == 1:  # a stored unit's word: its one code character
                    for key in keys:
                        code = by_key.get(key)
                else:
                    code = next((by_key[k] for k in sorted(keys) if k in by_key), None)
            if code is None:
                code = fresh.setdefault((kind, norm), len(surface) + len(fresh))
            codes.append(code)
        return codes, round(total, 4)


def _run(qs: list[TmToken], cs: list[TmToken], diffs: list[Difference] | None) -> float:
    """Cost of a run of unaligned tokens: kind by kind, the heavier side's weight."""
    by_kind: dict[str, tuple[list[TmToken], list[TmToken]]] = {}
    for side, tokens in ((0, qs), (1, cs)):
        for t in tokens:
            by_kind.setdefault(t.kind, ([], []))[side].append(t)
    cost = 0.0
    for kind, (q_kind, c_kind) in by_kind.items():
        cost += WEIGHTS[kind] * max(len(q_kind), len(c_kind))
    if diffs is None:
        return cost
    found = []
    for kind, (q_kind, c_kind) in by_kind.items():
        for n in range(max(len(q_kind), len(c_kind))):
            q = q_kind[n] if n < len(q_kind) else None
            c = c_kind[n] if n < len(c_kind) else None
            found.append(Difference(kind, q.text if q else "", c.text if c else "",
                                    (q.start, q.end) if q else None,
                                    (c.start, c.end) if c else None))
    found.sort(key=lambda d: (d.match_span or d.query_span or (0, 0),
                              d.query_span or (0, 0)))
    diffs.extend(found)
    return cost
