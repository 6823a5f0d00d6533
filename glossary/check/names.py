"""name-spelling: a person the glossary names (kind=name) spelt another way in the target.

A target word is recognised as a spelling of a glossary name when its folded Latin form
(normalize.fold_latin) is one of the name's romanisations (translit.latin_keys of its
Russian forms: BGN/PCGN, ISO 9, ALA-LC, scholarly, press habits such as Devyataev) but not
one of the glossary's approved spellings. Where the source names the person and the target
has no approved spelling, a close spelling (edit similarity ≥ 85 %) of the name's words is
also taken for it. Across the draft, a name written in two approved spellings is reported
as well (the minority one, naming the majority).

Limits: for a Russian target (en→ru) only the source-anchored search runs (a capitalised
target word whose lemma romanises like the name, or is close to it); Russian spellings of
Russian names rarely vary, and romanising every capitalised Russian word would cost more
than the rest of the check. Keys shorter than 4 letters are not used (too many collisions).
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..morph import lemmas
from ..namekeys import MIN_KEY, name_keys
from ..normalize import fold_latin
from ..ru import RU_LOWER, RU_UPPER
from . import tally
from .context import Context, PairView
from .finding import WARNING
from .registry import Issue, rule

_CLOSE = 85  # rapidfuzz ratio above which a word is taken for the name it resembles
_CAPITALISED = re.compile(rf"[A-Z][A-Za-z]+(?:['’]s\b|['’](?!\w))?|[{RU_UPPER}][{RU_LOWER}{RU_UPPER}]+")
_POSSESSIVE = re.compile(r"['’]s?$")


class NameIndex:
    """Romanisation keys of every glossary name (namekeys.py), and what a run learnt of the
    draft's capitalised words.

    `full` maps the folded romanisation of a whole Russian form (one word or several) to
    its concept and the approved spelling to suggest; `words` holds, per concept, the keys
    of single words, those of multi-word forms too (Mikhail, Devyatayev), used only where
    the source names that person; `approved` the folded approved spellings and their words.
    """

    def __init__(self, data: dict):  # namekeys.name_keys
        self.full: dict[str, list[str]] = data["full"]
        self.words: dict[str, dict[str, str]] = data["words"]
        self.approved = {term_id: set(folded) for term_id, folded in data["approved"].items()}
        self.lengths = set(data["lengths"])
        self.key_words = {w for key in self.full for w in key.split()}
        self._judged: set[str] = set()
        self._naming: set[str] = set()

    def may_name(self, words: list[str]) -> bool:
        """Whether one of these capitalised words can be the last word of a name's
        romanisation (each distinct word folded once per run: most targets name nobody)."""
        found = set(words)
        for word in found - self._judged:
            self._judged.add(word)
            if word[0].isascii() and fold_latin(_POSSESSIVE.sub("", word)) in self.key_words:
                self._naming.add(word)
        return not found.isdisjoint(self._naming)


def name_variants(view: PairView, ctx: Context) -> dict[str, list[tuple[tuple[int, int], str, str]]]:
    """Per name term, (target span, text, suggested spelling) of each variant spelling."""
    if "names" in view.memo:
        return view.memo["names"]
    found: dict[str, list] = {}
    if ctx.names and not view.blank:
        index = _index(ctx)
        covered = [(m.start, m.end) for ms in view.approved.values() for m in ms]
        if ctx.target_lang == "en":
            _scan_latin(view, ctx, index, covered, found)
        anchored = [tid for tid in view.src if tid in index.words and tid not in view.approved
                    and tid not in found]
        for term_id in anchored:
            _near(view, ctx, index, term_id, covered, found)
    view.memo["names"] = found
    return found


@rule("name-spelling", WARNING, finish=lambda ctx: _finish(ctx))
def name_spelling(view: PairView, ctx: Context):
    """A person named in the glossary is spelt otherwise in the target, or two approved
    spellings of one name occur in the draft."""
    for term_id, variants in name_variants(view, ctx).items():
        term = ctx.term(term_id)
        src = view.src.get(term_id)
        for span, surface, suggestion in variants:
            yield Issue(f"«{surface}» is a spelling of {term.preferred(ctx.source_lang)} the "
                        f"glossary does not use; it spells it «{suggestion}»",
                        term=term_id,
                        source_span=(src[0].start, src[0].end) if src else None,
                        target_span=span, suggestion=suggestion)
    if view.blank:
        return
    seen = ctx.state.setdefault("name-spelling", {})
    for term_id, matches in view.approved.items():
        if ctx.term(term_id).kind == "name":
            tally.record(seen.setdefault(term_id, {}), view.ref, matches, key=_surname)


def _finish(ctx: Context):
    for term_id, by_form in ctx.state.get("name-spelling", {}).items():
        term = ctx.term(term_id)
        approved = tuple(_surname(f) for f in term.approved(ctx.target_lang))
        for (ref, span, surface), _form, majority, counts in tally.minorities(by_form, approved):
            n = counts[majority]
            suggestion = " ".join([*surface.split()[:-1], majority])
            yield ref, Issue(f"{term.preferred(ctx.source_lang)} is spelt «{surface}» here but "
                             f"«{majority}» in {n} "
                             f"segment{'s' * (n != 1)}", term=term_id, target_span=span,
                             suggestion=suggestion)


def _surname(form) -> str:
    """What tells two spellings of a name apart: its last word. «Mikhail Devyatayev» and
    «Devyatayev» are one spelling; «Devyataev» another."""
    text = form if isinstance(form, str) else form.form
    return text.split()[-1] if text.split() else text


def _index(ctx: Context) -> NameIndex:
    if "_names" not in ctx.state:
        ctx.state["_names"] = NameIndex(ctx.kept("names", lambda: name_keys(ctx.terms.values()),
                                                 needed=True))
    return ctx.state["_names"]


def _inside(span: tuple[int, int], covered) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in covered)


def _scan_latin(view, ctx, index: NameIndex, covered, found) -> None:
    """Every run of capitalised Latin words whose folded form is a known name's key."""
    if not index.may_name(_CAPITALISED.findall(view.tgt_text)):
        return
    words = [m for m in _CAPITALISED.finditer(view.tgt_text) if m.group()[0].isascii()]
    taken_until = -1
    for i, m in enumerate(words):
        if m.start() < taken_until:
            continue
        for n in sorted(index.lengths, reverse=True):
            run = words[i:i + n]
            if len(run) < n or any(view.tgt_text[a.end():b.start()].strip()
                                   for a, b in zip(run, run[1:])):
                continue
            span = (run[0].start(), run[-1].end())
            text = view.target[span[0]:span[1]]
            bare = _POSSESSIVE.sub("", text)
            # fold_latin of plain ASCII letters and spaces is just lower case
            key = " ".join(bare.lower().split()) if bare.isascii() and \
                bare.replace(" ", "").isalpha() else fold_latin(bare)
            hit = index.full.get(key)
            if hit is None or _inside(span, covered) or key in index.approved[hit[0]]:
                continue
            found.setdefault(hit[0], []).append((span, text, _with_possessive(hit[1], text)))
            taken_until = span[1]
            break


def _near(view, ctx, index: NameIndex, term_id: str, covered, found) -> None:
    """A target word that is, or closely resembles, a romanisation of a name the source has."""
    keys = index.words[term_id]
    approved = index.approved[term_id]
    for m in _CAPITALISED.finditer(view.tgt_text):
        span = (m.start(), m.end())
        if _inside(span, covered):
            continue
        word = _POSSESSIVE.sub("", m.group())
        if ctx.target_lang == "ru":
            best = _closest_cyrillic(word, ctx.term(term_id)) if not word.isascii() else None
        elif word.isascii():
            folded = fold_latin(word)
            if folded in approved or len(folded) < MIN_KEY:
                continue
            best = keys.get(folded) or _closest(folded, keys, approved)
        else:
            continue
        if best:
            found.setdefault(term_id, []).append((span, m.group(), _with_possessive(best, m.group())))


def _closest(folded: str, keys: dict[str, str], approved: set[str]) -> str | None:
    for k, suggestion in keys.items():
        if fuzz.ratio(folded, k) >= _CLOSE:
            return suggestion
    for a in sorted(approved):
        if len(a) >= MIN_KEY and fuzz.ratio(folded, a) >= _CLOSE:
            return next((s for s in keys.values() if fold_latin(s) == a), None) or a
    return None


def _closest_cyrillic(word: str, term) -> str | None:
    """A Russian target word whose lemma is a close spelling of the name's Russian form."""
    forms = [f for f in term.approved("ru") if " " not in f.strip()]
    for lemma in sorted(lemmas(word.lower())):
        for form in forms:
            if lemma != form.lower() and fuzz.ratio(lemma, form.lower()) >= _CLOSE:
                return form
            if lemma != form.lower() and _romanised(lemma) & _romanised(form.lower()):
                return form
    return None


@lru_cache(maxsize=4096)
def _romanised(word: str) -> frozenset[str]:
    from ..translit import latin_keys  # imported when needed: see namekeys.py

    return frozenset(latin_keys(word))


def _with_possessive(spelling: str, surface: str) -> str:
    tail = _POSSESSIVE.search(surface)
    return spelling + tail.group() if tail else spelling
