"""Segment-level consistency across one draft (Xbench's "inconsistency in source/target").

Units are compared whole: source and target with their gettext plural forms, ignoring
case, whitespace runs, ё/е, dash and quote styles, and in English the articles and
contractions (`normal`), and only within one context (PO `msgctxt`,
XLIFF/TMX `x-context`): «OK» on a button and «OK» in a dialog title are two sources. A PO
plural entry's forms (msgstr[0], [1], [2]) are one translation, not three. Untranslated
units (empty target) are left to the untranslated rule. Every unit of an inconsistent group
is reported, naming the others; the majority variant, when there is one, is suggested.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..normalize import clean
from ..segment import Segment
from .context import Context, PairView, Ref
from .finding import WARNING
from .registry import Issue, rule

# A message lists at most this many segment numbers per variant (the finding's
# `related` field lists them all).
LISTED = 20
QUOTED = 60  # characters of a variant's text quoted in a message

Key = tuple


_TYPOGRAPHY = str.maketrans({**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
                             **{c: '"' for c in "«»“”„‟″"}, **{c: "'" for c in "‘’‚‛′`"}})
_ARTICLE = re.compile(r"\b(?:a|an|the) (?=\w)")
_CONTRACTIONS = ((re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
                 (re.compile(r"\bwon't\b"), "will not"), (re.compile(r"n't\b"), " not"),
                 (re.compile(r"'re\b"), " are"), (re.compile(r"'ll\b"), " will"),
                 (re.compile(r"'ve\b"), " have"), (re.compile(r"\bi'm\b"), "i am"))


def normal(text: str | None, lang: str) -> str | None:
    """The text as compared: case, whitespace runs, ё/е, invisible characters, dash and
    quote styles ignored; in English also the articles and the usual contractions, which
    a Russian text does not render (the stack index = stack index, doesn't = does not).

    >>> normal("  Save\\n the   FILE — «now» ", "en")
    'save file - "now"'
    >>> normal("Tarantool doesn't support it", "en") == normal("Tarantool does not support it", "en")
    True
    >>> normal("Ёмкость  — «тест»", "ru")
    'емкость - "тест"'
    """
    if text is None:
        return None
    text = " ".join(clean(text).casefold().replace("ё", "е").translate(_TYPOGRAPHY).split())
    if lang == "en":
        for pattern, replacement in _CONTRACTIONS:
            text = pattern.sub(replacement, text)
        text = _ARTICLE.sub("", text)
    return text


def _key(text: str, plural: str | None, plurals: tuple[str, ...], lang: str) -> Key:
    return normal(text, lang), normal(plural, lang), tuple(normal(t, lang) for t in plurals)


def _finish(ctx: Context, group_by: Callable[[Segment], Key], compare: Callable[[Segment], Key],
            phrase: str, shown: Callable[[Segment], str], suggest: bool
            ) -> Iterator[tuple[Ref, Issue]]:
    groups: dict[Key, dict[Key, list[int]]] = {}
    for number, segment in enumerate(ctx.segments, start=1):
        if not segment.source.strip() or not segment.target.strip():
            continue
        key = (segment.context or "", *group_by(segment))
        groups.setdefault(key, {}).setdefault(compare(segment), []).append(number)
    for variants in groups.values():
        if len(variants) < 2:
            continue
        ranked = sorted(variants.values(), key=lambda numbers: (-len(numbers), numbers[0]))
        majority = ranked[0] if len(ranked[0]) > len(ranked[1]) else None
        listing = "; ".join(f"«{_quote(shown(ctx.segments[ns[0] - 1]))}» in {_numbers(ns)}"
                            for ns in ranked)
        everyone = sorted(n for ns in ranked for n in ns)
        for numbers in ranked:
            suggestion = None
            if suggest and majority is not None and numbers is not majority:
                suggestion = shown(ctx.segments[majority[0] - 1])
            for n in numbers:
                segment = ctx.segments[n - 1]
                ref = Ref(n, segment.line, segment)
                yield ref, Issue(f"{phrase.format(n=len(ranked))}: {listing}",
                                 suggestion=suggestion,
                                 related=tuple(m for m in everyone if m != n))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTED else text[:QUOTED - 1] + "…"


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:LISTED]))
    more = f" and {len(numbers) - LISTED} more" if len(numbers) > LISTED else ""
    return f"segment{'s' * (len(numbers) != 1)} {shown}{more}"


def _keys(ctx: Context) -> tuple[Callable[[Segment], Key], Callable[[Segment], Key]]:
    """How a unit's source and its target are compared, in this run's languages; each
    unit's keys are computed once for both rules."""
    cache: dict[int, tuple[Key, Key]] = ctx.state.setdefault("_consistency_keys", {})

    def keys(s: Segment) -> tuple[Key, Key]:
        found = cache.get(id(s))
        if found is None:
            found = cache[id(s)] = (_key(s.source, s.source_plural, (), ctx.source_lang),
                                    _key(s.target, None, s.target_plurals, ctx.target_lang))
        return found

    return (lambda s: keys(s)[0]), (lambda s: keys(s)[1])


def _finish_translation(ctx: Context) -> Iterator[tuple[Ref, Issue]]:
    source, target = _keys(ctx)
    return _finish(ctx, source, target, "the same source is translated {n} ways",
                   lambda s: s.target, suggest=True)


def _finish_source(ctx: Context) -> Iterator[tuple[Ref, Issue]]:
    source, target = _keys(ctx)
    return _finish(ctx, target, source, "the same translation is given to {n} sources",
                   lambda s: s.source, suggest=False)


@rule("inconsistent-translation", WARNING, finish=_finish_translation)
def inconsistent_translation(view: PairView, ctx: Context):
    """The same source is translated differently in one draft.

    Sources and targets are compared ignoring case, spacing, ё/е, dash and quote styles
    (and English articles and contractions), each unit whole (with its plural forms), and
    only within one context (PO msgctxt): every unit of the group is reported, the
    majority translation suggested.
    """
    return ()


@rule("inconsistent-source", WARNING, finish=_finish_source)
def inconsistent_source(view: PairView, ctx: Context):
    """The same target is used for different sources in one draft.

    The converse of inconsistent-translation, compared the same way: two different source
    texts rendered identically may be one of them mistranslated (or a legitimate synonym).
    """
    return ()
