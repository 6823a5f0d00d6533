"""The one place rules are registered: id, default severity, one-line description.

A rule is a small function ``fn(view, ctx) -> Iterable[Issue]`` run on every checked
source/target pair. A rule that needs the whole draft (inconsistent-term, name-spelling)
also names a ``finish(ctx) -> Iterable[tuple[Ref, Issue]]`` run once at the end; its
per-pair function then records what it saw in ``ctx.state[rule_id]``. Work of a finish that
reads the draft alone, not what the pairs recorded, may be named as ``prepare(ctx)``: it
runs before the finish, and while worker processes check the pairs when there are some.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import GlossaryError
from .finding import SEVERITIES, Span

if TYPE_CHECKING:
    from .context import Context, PairView, Ref


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule found, before the engine stamps segment, rule and severity on it."""

    message: str
    term: str | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    suggestion: str | None = None
    severity: str | None = None  # when the rule's default does not fit this finding
    confidence: str | None = None  # confidence.LEVELS; None: the rule's default (high)
    reason: str | None = None      # why that confidence; None: the rule's default reason
    related: tuple[int, ...] = ()  # the other segments of the group (draft-wide rules)


RunRule = Callable[["PairView", "Context"], Iterable[Issue]]
FinishRule = Callable[["Context"], Iterable[tuple["Ref", Issue]]]
PrepareRule = Callable[["Context"], None]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str
    run: RunRule
    finish: FinishRule | None = None
    reason: str = ""  # why its findings are sure, unless a finding says otherwise
    prepare: PrepareRule | None = None


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, *, finish: FinishRule | None = None,
         prepare: PrepareRule | None = None, reason: str = "the rule's test holds as stated"
         ) -> Callable[[RunRule], RunRule]:
    """Register a rule; its docstring's first paragraph is the description `--list-rules`
    shows; `reason` is the confidence reason of a finding that gives none."""
    assert severity in SEVERITIES, severity

    def register(fn: RunRule) -> RunRule:
        first_paragraph = (fn.__doc__ or "").strip().split("\n\n")[0]
        RULES[rule_id] = Rule(rule_id, severity, " ".join(first_paragraph.split()), fn, finish,
                              reason, prepare)
        return fn
    return register


def select(only: Iterable[str] = (), skip: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules to run: `only` (all when empty) minus `skip`; unknown ids are an error."""
    only, skip = list(only), list(skip)
    unknown = [r for r in (*only, *skip) if r not in RULES]
    if unknown:
        raise GlossaryError(f"unknown rule {', '.join(map(repr, unknown))}; rules: "
                            f"{', '.join(RULES)}")
    chosen = [r for r in RULES if (not only or r in only) and r not in skip]
    return tuple(RULES[r] for r in chosen)
