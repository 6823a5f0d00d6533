"""Segment-level consistency across one draft (Xbench's "inconsistency in source/target").

Units are compared whole: source and target with their gettext plural forms, ignoring
case, whitespace runs, sentence punctuation, ё/е, dash and quote styles, and in English the
articles and contractions (`normal`), and only within one context (PO `msgctxt`,
XLIFF/TMX `x-context`): «OK» on a button and «OK» in a dialog title are two sources. A PO
plural entry's forms (msgstr[0], [1], [2]) are one translation, not three. Untranslated
units (empty target) are left to the untranslated rule. Every unit of an inconsistent group
is reported, naming the others; the majority variant, when there is one, is suggested.

Two judgements keep the rules to real problems:
- **the draft**: in a translation made with a memory, a repeated source is translated the
  same way nearly every time; a draft where most repeated sources carry different
  translations holds alternatives on purpose (a test set, a paraphrase corpus). There the
  rules say so in one low-confidence finding and list only the groups whose variants
  differ in something that must survive translation (differences.py);
- **the group** (inconsistent-source): two sources given one translation are a sure problem
  only when they differ in such a thing (Enable/Disable, 5/10 seconds, a placeholder, a
  glossary concept the translation lacks); otherwise they may be synonyms rendered alike on
  purpose (Remove/Delete → Удалить), a low-confidence finding.

Cost: units are grouped by their exact text, then by a cheap key (`rough`: the long words);
only texts that share a cheap key are normalised (once each, one regex pass), the other
side only for the groups that repeat, and only the groups found are read for differences.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from ..markup import Masked, mask
from ..segment import Segment
from .confidence import COMMON_ZIPF, LOW, MEDIUM
from .context import Context, PairView, Ref
from .differences import Text, hard_facts, normal, read, rough, what_matters, wording
from .finding import WARNING
from .registry import Issue, rule

# A message lists at most this many segment numbers per variant (the finding's
# `related` field lists them all).
LISTED = 20
QUOTED = 60  # characters of a variant's text quoted in a message
# A draft holds alternatives when more than half of its repeated sources carry different
# translations, and at least this many do: with a handful of repeats a sloppy translation
# and a corpus of variants cannot be told apart, and the groups are reported one by one.
ALTERNATIVES_MIN = 8

Key = tuple
_SYNONYMS = ("the sources differ {}: they may be synonyms rendered alike on purpose, and "
             "nothing (a number, a negation, an opposite, a placeholder, a glossary concept) "
             "says the difference must survive translation")
Variants = list[list[int]]  # segment numbers per variant, the most used variant first

_TRANSLATED = "the same source is translated {n} ways"
_GIVEN = "the same translation is given to {n} sources"


def _finish_translation(ctx: Context) -> Iterator[tuple[Ref, Issue]]:
    """Groups of one source with several translations; in a draft of alternatives only
    those whose translations differ in meaning, and one finding saying so."""
    groups = _groups(ctx, "source")
    if _alternatives(ctx):
        yield from _meaningful_only(ctx, groups, "target", _TRANSLATED, _target, True,
                                    "sources translated several ways")
        return
    for variants in groups:
        concepts = _approved_variants(ctx, variants)
        yield from _report(ctx, variants, _TRANSLATED, _target, suggest=True,
                           confidence=LOW if concepts else None,
                           reason=f"the translations differ only in renderings the glossary "
                                  f"approves for {', '.join(concepts)}" if concepts else None)


def _finish_source(ctx: Context) -> Iterator[tuple[Ref, Issue]]:
    """Groups of one translation given to several sources, each with its confidence."""
    groups = _groups(ctx, "target")
    if _alternatives(ctx):
        yield from _meaningful_only(ctx, groups, "source", _GIVEN, _source, False,
                                    "translations given to several sources")
        return
    for variants in groups:
        why = _matters(ctx, variants, "source", strict=False)
        if why is None:
            first, second = (_text(ctx, ns[0], "source") for ns in variants[:2])
            confidence, reason = LOW, _SYNONYMS.format(wording(first, second, ctx.source_lang))
        else:
            confidence, reason = None, f"the sources {why}"
        yield from _report(ctx, variants, _GIVEN, _source, suggest=False,
                           confidence=confidence, reason=reason)


def _meaningful_only(ctx: Context, groups: list[Variants], side: str, phrase: str,
                     shown: Callable[[Segment], str], suggest: bool, what: str
                     ) -> Iterator[tuple[Ref, Issue]]:
    """In a draft of alternatives: the groups whose variants (of `side`) differ in their
    numbers or placeholders, of medium confidence, then the one finding for the rest."""
    kept = 0
    for variants in groups:
        why = _matters(ctx, variants, side, strict=True)
        if why is not None:
            kept += 1
            yield from _report(ctx, variants, phrase, shown, suggest, confidence=MEDIUM,
                               reason=f"the {side}s {why}")
    yield from _summary(ctx, groups, kept, what)


def _source(s: Segment) -> str:
    return s.source


def _target(s: Segment) -> str:
    return s.target


def _side_texts(s: Segment, side: str) -> tuple[str | None, ...]:
    if side == "source":
        return s.source, s.source_plural
    return (s.target, *s.target_plurals)


def _groups(ctx: Context, side: str) -> list[Variants]:
    """`_group`, once a run for each side."""
    made: dict[str, list[Variants]] = ctx.state.setdefault("_consistency_groups", {})
    if side not in made:
        made[side] = _group(ctx, side)
    return made[side]


def _prepare(ctx: Context, side: str) -> None:
    """The groups of `side`; for inconsistent-source (groups of one target), also the
    sources its finish reads, unless the draft holds alternatives (then it reads few)."""
    groups = _groups(ctx, side)
    if side == "target" and not _alternatives(ctx):
        for variants in groups:
            for numbers in variants:
                _read(ctx, numbers[0], "source")


def _group(ctx: Context, side: str) -> list[Variants]:
    """Units that share a (normalised) `side` and differ on the other side: per group, the
    variants of the other side, the most used first. Units are first grouped by their exact
    text; only groups of two or more units have their other side normalised. It reads the
    draft alone (the rules' `prepare`): with worker processes it is made while they check."""
    lang = ctx.source_lang if side == "source" else ctx.target_lang
    other = "target" if side == "source" else "source"
    other_lang = ctx.target_lang if side == "source" else ctx.source_lang
    exact: dict[Key, list[int]] = {}
    for number, segment in enumerate(ctx.segments, start=1):
        if segment.source.strip() and segment.target.strip():
            key = (segment.context or "", *_side_texts(segment, side))
            exact.setdefault(key, []).append(number)
    rough_keys: dict[Key, list[Key]] = {}
    for key in exact:
        rough_keys.setdefault((key[0], *[rough(t) if t else t for t in key[1:]]), []).append(key)
    units: list[list[int]] = []
    for keys in rough_keys.values():
        if len(keys) == 1:  # no other text can normalise alike: no need to normalise it
            units.append(exact[keys[0]])
            continue
        alike: dict[Key, list[int]] = {}
        for key in keys:
            # A source's punctuation may mark another function (a label's colon), a
            # translation's is style: sources are grouped with it, everything else without.
            normal_key = tuple(_normal(ctx, t, lang, side == "source") for t in key[1:])
            alike.setdefault(normal_key, []).extend(exact[key])
        units.extend(alike.values())
    repeated, groups = 0, []
    for numbers in units:
        if len(numbers) < 2:
            continue  # nothing to compare (nor would leaving a unit out leave anything)
        if side == "source":
            numbers = _without_other_case_kept(ctx, numbers)
            if len(numbers) < 2:
                continue
        repeated += 1
        as_written: dict[Key, list[int]] = {}
        for n in sorted(numbers):
            as_written.setdefault(_side_texts(ctx.segments[n - 1], other), []).append(n)
        if len(as_written) == 1:
            continue  # translated (or sourced) identically: nothing to normalise
        variants: dict[Key, list[int]] = {}
        for texts, ns in as_written.items():
            variants.setdefault(tuple(_normal(ctx, t, other_lang, False) for t in texts),
                                []).extend(ns)
        if len(variants) > 1:
            for ns in variants.values():
                ns.sort()
            groups.append(sorted(variants.values(), key=lambda ns: (-len(ns), ns[0])))
    groups.sort(key=lambda g: min(n for ns in g for n in ns))
    ctx.state.setdefault("_consistency_repeats", {})[side] = (len(groups), repeated)
    return groups


def _without_other_case_kept(ctx: Context, numbers: list[int]) -> list[int]:
    """The units of one source group but those kept as their source whose source no
    translated unit of the group writes in the same case: code is case-sensitive, so
    ``type`` kept in a table of option names is not the heading "Type" (Тип) left
    untranslated; whether it needed translating is the untranslated rule's question."""
    kept = {n for n in numbers if ctx.segments[n - 1].target == ctx.segments[n - 1].source}
    if not kept:
        return numbers
    translated = {ctx.segments[n - 1].source for n in numbers if n not in kept}
    return [n for n in numbers if n not in kept or ctx.segments[n - 1].source in translated]


def _normal(ctx: Context, text: str | None, lang: str, punctuation: bool) -> str | None:
    """`normal`, once per distinct text, language and treatment of punctuation in a run."""
    cache: dict[tuple[str | None, str, bool], str | None] = ctx.state.setdefault(
        "_consistency_normal", {})
    key = (text, lang, punctuation)
    found = cache.get(key, key)
    if found is key:
        found = cache[key] = normal(text, lang, punctuation)
    return found  # type: ignore[return-value]


def _alternatives(ctx: Context) -> bool:
    """Whether the draft holds alternative translations on purpose: most of its repeated
    sources (at least ALTERNATIVES_MIN) carry different translations."""
    repeats = ctx.state.get("_consistency_repeats", {})
    if "source" not in repeats:
        _groups(ctx, "source")
    differing, repeated = ctx.state["_consistency_repeats"]["source"]
    return differing >= ALTERNATIVES_MIN and 2 * differing > repeated


def _text(ctx: Context, number: int, side: str) -> Text:
    """What differences.py reads from one unit's source or target: its masked words,
    numbers and markup, and (sources) the glossary concepts the unit's target lacks."""
    found = _read(ctx, number, side)
    if side == "source":
        named = ctx.state.get("inconsistent-source", {}).get(number, ())
        concepts = frozenset(term_id for term_id, surface in named
                             if len(surface.split()) > 1
                             or ctx.zipf(surface.casefold()) < COMMON_ZIPF)
        if concepts:
            found = replace(found, concepts=concepts)
    return found


def _read(ctx: Context, number: int, side: str) -> Text:
    """`_text` but the concepts (which the pairs record), once per unit and side."""
    cache: dict[tuple[int, str], Text] = ctx.state.setdefault("_consistency_texts", {})
    found = cache.get((number, side))
    if found is None:
        segment = ctx.segments[number - 1]
        syntaxes = ctx.markup.for_segment(segment)
        lang = ctx.source_lang if side == "source" else ctx.target_lang
        text = segment.source if side == "source" else segment.target
        # Read as written when nothing in it can be markup (no digit or markup character),
        # or when masking leaves no words: a whole unit read as code ("None") is a word here.
        masked = mask(text, syntaxes) if hard_facts(text) else Masked(text, text, ())
        if not masked.has_language():
            masked = Masked(text, text, ())
        # The text is mostly one _groups normalised already (the other side of a group).
        found = cache[(number, side)] = read(masked, lang, normalised=_normal(
            ctx, masked.text, lang, False))
    return found


def _approved_variants(ctx: Context, variants: Variants) -> list[str]:
    """The glossary concepts whose approved renderings are all that tells the group's
    translations apart («Права доступа» / «права»: preferred and admitted forms of one
    concept are not rivals), or [] when the translations differ in anything else."""
    reduced, concepts = set(), set()
    for numbers in variants:
        target = ctx.segments[numbers[0] - 1].target
        matches = [m for m in ctx.matcher.find(target, ctx.target_lang) if m.status != "forbidden"]
        for m in reversed(matches):
            target = f"{target[:m.start]}{{{m.term_id}}}{target[m.end:]}"
            concepts.add(m.term_id)
        reduced.add(normal(target, ctx.target_lang))
    return sorted(concepts) if len(reduced) == 1 else []


def _matters(ctx: Context, variants: Variants, side: str, strict: bool) -> str | None:
    """Why the group's variants (of `side`) differ in something a translation must keep:
    each variant compared with the most used one; None when nothing says so."""
    lang = ctx.source_lang if side == "source" else ctx.target_lang
    if strict and len({hard_facts(getattr(ctx.segments[ns[0] - 1], side)) for ns in variants}) == 1:
        return None  # no number or placeholder to differ in: nothing to read
    first = _text(ctx, variants[0][0], side)
    for numbers in variants[1:]:
        why = what_matters(first, _text(ctx, numbers[0], side), lang, strict)
        if why is not None:
            return why
    return None


def _report(ctx: Context, ranked: Variants, phrase: str, shown: Callable[[Segment], str],
            suggest: bool, confidence: str | None = None, reason: str | None = None
            ) -> Iterator[tuple[Ref, Issue]]:
    """One finding per unit of the group, listing every variant."""
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
            yield Ref(n, segment.line, segment), Issue(
                f"{phrase.format(n=len(ranked))}: {listing}", suggestion=suggestion,
                related=tuple(m for m in everyone if m != n), confidence=confidence,
                reason=reason)


def _summary(ctx: Context, groups: list[Variants], kept: int, what: str
             ) -> Iterator[tuple[Ref, Issue]]:
    """The one finding that stands for the groups a draft of alternatives leaves unlisted,
    on the first unit of the first of them."""
    if len(groups) == kept:
        return
    differing, repeated = ctx.state["_consistency_repeats"]["source"]
    first = min(n for g in groups for ns in g for n in ns)
    segment = ctx.segments[first - 1]
    yield Ref(first, segment.line, segment), Issue(
        f"{len(groups) - kept} groups of {what} are not listed: {differing} of the draft's "
        f"{repeated} repeated sources carry different translations, so it reads as a set of "
        "alternative translations (a test set, a paraphrase corpus), not one translation; "
        f"listed are only the {kept} groups whose variants differ in their numbers or "
        "placeholders",
        confidence=LOW, reason="a summary of a draft of alternatives")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTED else text[:QUOTED - 1] + "…"


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:LISTED]))
    more = f" and {len(numbers) - LISTED} more" if len(numbers) > LISTED else ""
    return f"segment{'s' * (len(numbers) != 1)} {shown}{more}"


@rule("inconsistent-translation", WARNING, finish=_finish_translation,
      prepare=lambda ctx: _prepare(ctx, "source"),
      reason="a repeated source translated differently in a draft that otherwise repeats "
             "its translations")
def inconsistent_translation(view: PairView, ctx: Context):
    """The same source is translated differently in one draft.

    Sources and targets are compared ignoring case, spacing, sentence punctuation, ё/е, dash
    and quote styles (and English articles and contractions), each unit whole (with its
    plural forms), and only within one context (PO msgctxt): every unit of the group is
    reported, the majority translation suggested. In a draft where most repeated sources
    carry different translations (alternatives on purpose) one finding says so and only
    translations that differ in meaning are listed.
    """
    return ()


@rule("inconsistent-source", WARNING, finish=_finish_source,
      prepare=lambda ctx: _prepare(ctx, "target"))
def inconsistent_source(view: PairView, ctx: Context):
    """The same target is used for different sources in one draft.

    The converse of inconsistent-translation, compared the same way. Sure (high confidence)
    when the sources differ in a number, a negation, an opposite, a placeholder or a glossary
    concept the translation lacks; otherwise the sources may be synonyms rendered alike on
    purpose (Remove/Delete), and the finding is of low confidence.
    """
    # The glossary concepts the source surely names and the target does not render, noted
    # for the finish: a concept on one side only makes two sources differ in substance
    # (a common word, "link", "object", may be the ordinary word: it is judged there).
    if view.src and not view.blank:
        missing = {(term_id, matches[0].text) for term_id, matches in view.src.items()
                   if term_id not in view.approved}
        if missing:
            ctx.state.setdefault("inconsistent-source", {}).setdefault(
                view.ref.segment, set()).update(missing)
    return ()
