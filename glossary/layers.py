"""Several glossaries at once: a project glossary over a domain glossary, the way OmegaT
reads a folder of glossaries and memoQ ranks term bases.

The first glossary named wins. An entry of a later glossary is left out (`Shadow`) when
its id, or its preferred Russian or English form, is an approved form or id of an earlier
one; an admitted variant or a forbidden form that clashes with an earlier glossary is
dropped from it, so the stack always passes validation. An entry left out for its id alone,
sharing no form with the earlier entry, is another concept numbered alike (two TBX files'
``c1``): that is said (a `DecodingWarning`, which the CLI shows), not done in silence. Every entry keeps the file it came
from (`Term.origin`), for lookup and check to show.
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import DecodingWarning, InputError
from .model import Glossary, Term
from .normalize import fold
from .validate import load as load_one

LANGS = ("ru", "en")


@dataclass(frozen=True)
class Shadow:
    """An entry (or some of its forms) a higher glossary overrides."""

    term: Term
    by: Term                # the earlier entry that wins
    forms: tuple[str, ...]  # the forms dropped; empty when the whole entry is left out

    def collision(self) -> InputError | None:
        """What to tell when the entry was left out for its id alone (see the module
        docstring); None for an override."""
        if self.forms or self.term.id != self.by.id or any(
                {fold(f) for f in self.term.approved(lang)}
                & {fold(f) for f in self.by.approved(lang)} for lang in LANGS):
            return None
        return InputError(f"{self.term.id}: left out: {self.by.origin} has an entry with this "
                          f"id ({self.by.ru} → {self.by.en}), another concept; give one of "
                          "them another id", path=self.term.origin, line=self.term.line)


def load(paths: Sequence[str | Path], fmt: str | None = None) -> Glossary:
    """Load and validate every glossary, then stack them (see the module docstring)."""
    return stack([load_one(p, fmt) for p in paths])[0]


def stack(glossaries: Sequence[Glossary]) -> tuple[Glossary, list[Shadow]]:
    """One glossary from several, the first winning; and what was left out."""
    if len(glossaries) == 1:
        return glossaries[0], []
    terms: list[Term] = []
    shadows: list[Shadow] = []
    ids: dict[str, Term] = {}
    approved: dict[tuple[str, str], Term] = {}
    forbidden: dict[tuple[str, str], Term] = {}
    for glossary in glossaries:
        mine: list[Term] = []
        for term in glossary:
            winner = ids.get(term.id) or next(
                (approved[key] for key in _heads(term) if key in approved), None) or next(
                (forbidden[key] for key in _heads(term) if key in forbidden), None)
            if winner is not None:
                shadows.append(Shadow(term, winner, ()))
                collision = shadows[-1].collision()
                if collision is not None:
                    warnings.warn(DecodingWarning(str(collision)), stacklevel=2)
                continue
            kept, dropped = _without_clashes(term, approved, forbidden)
            if dropped:
                shadows.append(Shadow(term, dropped[0][1], tuple(f for f, _ in dropped)))
            mine.append(kept)
        for term in mine:  # a glossary's own entries never shadow each other
            ids[term.id] = term
            for lang in LANGS:
                for form in term.approved(lang):
                    approved.setdefault((lang, fold(form)), term)
                for form in term.forbidden(lang):
                    forbidden.setdefault((lang, fold(form)), term)
        terms.extend(mine)
    columns = tuple(dict.fromkeys(c for g in glossaries for c in g.columns))
    return Glossary(terms, columns=columns, path=glossaries[0].path), shadows


def _heads(term: Term) -> list[tuple[str, str]]:
    return [(lang, fold(term.preferred(lang))) for lang in LANGS]


def _without_clashes(term: Term, approved: dict, forbidden: dict) -> tuple[Term, list[tuple[str, Term]]]:
    """The term without the variants and forbidden forms an earlier glossary decides."""
    dropped: list[tuple[str, Term]] = []
    changes = {}
    for lang in LANGS:
        for col, forms, decided in ((f"{lang}_variants", getattr(term, f"{lang}_variants"),
                                     (approved, forbidden)),
                                    (f"{lang}_forbidden", term.forbidden(lang), (approved,))):
            keep = []
            for form in forms:
                owner = next((d[(lang, fold(form))] for d in decided if (lang, fold(form)) in d), None)
                if owner is None:
                    keep.append(form)
                else:
                    dropped.append((form, owner))
            changes[col] = tuple(keep)
    return (term.with_changes(**changes) if dropped else term), dropped
