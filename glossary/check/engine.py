"""Running the rules over a draft: match each pair once, give every rule the results."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .. import collector
from ..errors import GlossaryError, InputError
from ..langid import identify
from ..langtags import name, pair, primary
from ..markup import Markup
from ..matcher import Matcher
from ..model import Glossary, Term
from ..segment import Segment
from .confidence import HIGH, LEVELS, LOW, at_least
from .context import Context, PairView, Ref
from .finding import ERROR, WARNING, Finding
from .ignore import Ignore
from .parallel import check_in_processes
from .registry import RULES, Issue, select

LANGS = ("ru", "en")


@dataclass
class Report:
    """The findings of one run and what they refer to (segment n is `segments[n - 1]`)."""

    findings: list[Finding]
    segments: list[Segment]
    source_lang: str
    target_lang: str
    rules: tuple[str, ...]
    ignored: list[Finding] = field(default_factory=list)
    everything: list[Finding] = field(default_factory=list)  # findings and ignored, in order
    terms: dict[str, Term] = field(default_factory=dict)  # the glossary, by concept id
    min_confidence: str = LOW
    below_confidence: int = 0  # findings left out as less sure than min_confidence

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def segment(self, number: int) -> Segment:
        return self.segments[number - 1]

    def summary(self) -> dict:
        by_rule = {r: 0 for r in self.rules}
        for f in self.findings:
            by_rule[f.rule] += 1
        return {
            "segments": len(self.segments),
            "segments_with_findings": len({f.segment for f in self.findings}),
            "findings": len(self.findings),
            "errors": self.errors,
            "warnings": self.warnings,
            "ignored": len(self.ignored),
            "min_confidence": self.min_confidence,
            "below_min_confidence": self.below_confidence,
            "by_rule": by_rule,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
        }


# A check makes tens of millions of short-lived objects and no reference cycles
# (tests/test_check_engine.py holds it to that): even at the command line's rarer
# collections (cli.collect_less_often) the collector's passes cost the bench mix's check
# 0.1-1 s of 7; at Python's default, 1.2-1.3 s.
@collector.paused()
def check(segments: Iterable[Segment], glossary: Glossary | Iterable[Term], *,
          matcher: Matcher | None = None, source_lang: str | None = None,
          target_lang: str | None = None, rules: Iterable[str] = (), skip: Iterable[str] = (),
          ignore: Ignore | None = None, markup: str | Markup = "auto",
          min_confidence: str = LOW, jobs: int = 1,
          progress: Callable[[int], None] | None = None) -> Report:
    """Check a draft against a glossary; every finding of the selected rules, in order.

    The direction is `source_lang`→`target_lang` when given, else what the segments say,
    else told from the script of the source text. `matcher` may be passed to reuse one
    built for the same glossary. `markup` says which syntaxes are not language (see
    glossary.markup.Markup: "auto", "none" or a list). Findings below `min_confidence` are left
    out. `jobs` > 1 checks in that many processes, with the same result (see parallel.py;
    processes.default_jobs suggests a number). `progress(n)` is called as segments are done,
    n at a time.
    """
    if min_confidence not in LEVELS:
        raise GlossaryError(f"unknown confidence {min_confidence!r}; one of {', '.join(LEVELS)}")
    segments = list(segments)
    if not isinstance(markup, Markup):
        markup = Markup(markup, segments)
    chosen = select(rules, skip)
    terms = {t.id: t for t in glossary}
    source_lang, target_lang = direction(segments, source_lang, target_lang)
    ctx = Context(terms, matcher or Matcher(list(terms.values())), source_lang, target_lang)
    ctx.matcher.sift()  # a draft has thousands of words: most are ruled out unanalysed
    ctx.segments = segments  # draft-wide rules that compare whole units read them at the end
    ctx.markup = markup
    rule_ids = [r.id for r in chosen]

    def prepare() -> None:
        for r in chosen:
            if r.prepare is not None:
                r.prepare(ctx)

    if jobs > 1 and len(segments) > 1:
        found = check_in_processes(segments, ctx, rule_ids, jobs, check_pairs, progress,
                                   meanwhile=prepare)
    else:
        found = check_pairs(segments, 1, ctx, rule_ids, progress)
        prepare()
    for r in chosen:
        if r.finish is not None:
            found.extend(_stamp(ref, r.id, issue) for ref, issue in r.finish(ctx))
    everything = len(found)
    found = [f for f in found if at_least(f.confidence, min_confidence)]
    order = {r.id: i for i, r in enumerate(chosen)}
    found.sort(key=lambda f: (f.segment, f.plural, order[f.rule],
                              (f.target_span or f.source_span or (0, 0))[0]))
    ignored = [f for f in found if ignore is not None and f in ignore]
    kept = [f for f in found if ignore is None or f not in ignore]
    return Report(kept, segments, source_lang, target_lang, tuple(r.id for r in chosen), ignored,
                  found, terms, min_confidence, everything - len(found))


def check_pairs(segments: Iterable[Segment], first: int, ctx: Context, rule_ids: list[str],
                progress: Callable[[int], None] | None = None) -> list[Finding]:
    """The per-pair findings of consecutive segments numbered from `first` (the draft-wide
    rules record what they see in ctx.state)."""
    chosen = [RULES[i] for i in rule_ids]
    found: list[Finding] = []
    markup: Markup = ctx.markup
    masked_by = ctx.masks
    for number, segment in enumerate(segments, start=first):
        syntaxes = markup.for_segment(segment)
        for plural, (source, target) in enumerate(pairs(segment)):
            ref = Ref(number, segment.line, segment, plural)
            masked = (masked_by(source, syntaxes, segment.source_codes if plural == 0 else ()),
                      masked_by(target, Markup.for_target(syntaxes, source),
                                segment.target_codes if plural == 0 else ()))
            alt = _alt_source(segment, plural)
            view = PairView(ref, source, target, ctx, masked,
                            masked_by(alt, syntaxes) if alt is not None else None)
            for r in chosen:
                for issue in r.run(view, ctx):
                    found.append(_stamp(ref, r.id, issue))
        if progress is not None:
            progress(1)
    return found


def pairs(segment: Segment) -> list[tuple[str, str]]:
    """The source/target pairs a segment holds: the main one, then one per target plural
    form (gettext msgstr[1..] against msgid_plural)."""
    found = [(segment.source, segment.target)]
    for form in segment.target_plurals:
        found.append((segment.source_plural or segment.source, form))
    return found


def _alt_source(segment: Segment, plural: int) -> str | None:
    """For the first plural form, msgid_plural: a Russian form 0 (1, 21, 31 …) may follow
    it rather than msgid ("an hour ago" / "%(count)s hours ago" → «%(count)s час назад»).
    The other forms follow msgid_plural alone."""
    return segment.source_plural if plural == 0 else None


def direction(segments: list[Segment], source_lang: str | None,
              target_lang: str | None) -> tuple[str, str]:
    """("ru", "en") or ("en", "ru"): the caller's, else the file's, else by script."""
    src, tgt = primary(source_lang), primary(target_lang)
    if src is None or tgt is None:
        first = next((s for s in segments if s.source_lang or s.target_lang), None)
        if first is not None:
            src = src or primary(first.source_lang)
            tgt = tgt or primary(first.target_lang)
    other = {"ru": "en", "en": "ru"}
    if src is None and tgt in other:
        src = other[tgt]
    if tgt is None and src in other:
        tgt = other[src]
    if src is None or tgt is None:
        with_text = [s.source for s in segments[:200] if s.source.strip()]
        if not with_text:
            return "ru", "en"  # nothing to tell it by, and no rule then depends on it
        found = identify(with_text)
        if found not in other:
            raise InputError(f"source looks {name(found)}, not Russian or English; "
                             "give --from/--to")
        src, tgt = found, other[found]
    if src not in LANGS or tgt not in LANGS or src == tgt:
        raise InputError(f"the checker works ru→en or en→ru, not {pair(src, tgt)}")
    return src, tgt


def _stamp(ref: Ref, rule_id: str, issue: Issue) -> Finding:
    """The finding of an issue; severity follows confidence: only a high-confidence finding
    of an error rule is an error."""
    rule = RULES[rule_id]
    level = issue.confidence or HIGH
    severity = issue.severity or rule.severity
    if level != HIGH and severity == ERROR:
        severity = WARNING
    return Finding(ref.segment, ref.line, rule_id, severity, issue.term,
                   issue.message, issue.source_span, issue.target_span, issue.suggestion,
                   ref.hash, ref.plural, level, issue.reason or rule.reason,
                   related=issue.related)
