"""Changing a glossary: adding, editing and merging entries (pure functions returning a new
glossary), and `save`, which validates a changed glossary and only then writes it, atomically."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import termfiles
from .errors import GlossaryError, ValidationError
from .model import LIST_COLUMNS, Glossary, Term, split_list
from .normalize import fold
from .validate import problems, shipped_path

POLICIES = ("keep", "replace", "merge")


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    # (id, column, value here, value incoming) for every difference found
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)


def save(glossary: Glossary, path: str | Path | None = None, *, dry_run: bool = False) -> Path:
    """Validate a changed glossary and, if it breaks no rule, write it atomically in the
    format of its file (default: the shipped glossary); `dry_run` only validates.
    ValidationError lists every problem and nothing is written. Returns the target path."""
    found = problems(glossary)
    if found:
        raise ValidationError(found)
    target = Path(path) if path else shipped_path()
    if not dry_run:
        termfiles.write(glossary, target, termfiles.detect(target))
    return target


def parse_fields(values: dict[str, str | None]) -> dict[str, str | tuple[str, ...]]:
    """Field values as typed by a person (lists ' | '-separated) into Term fields; None (a
    field not given) is left out.

    >>> parse_fields({"en": " camp ", "en_variants": "a | b", "note": None})
    {'en': 'camp', 'en_variants': ('a', 'b')}
    """
    return {k: split_list(v) if k in LIST_COLUMNS else v.strip()
            for k, v in values.items() if v is not None}


def add(glossary: Glossary, term: Term) -> Glossary:
    """A copy of the glossary with one more entry; its id must be new."""
    if term.id in glossary.by_id():
        raise GlossaryError(f"an entry with id {term.id!r} exists already; use 'edit'")
    return _with(glossary, [*glossary.terms, term], term)


def edit(glossary: Glossary, term_id: str, **changes) -> Glossary:
    """A copy of the glossary with some fields of one entry changed."""
    terms = glossary.terms
    index = next((i for i, t in enumerate(terms) if t.id == term_id), None)
    if index is None:
        raise GlossaryError(f"no entry with id {term_id!r}")
    changed = terms[index].with_changes(**changes)
    return _with(glossary, [*terms[:index], changed, *terms[index + 1:]], changed)


def merge(glossary: Glossary, incoming: Glossary, policy: str = "keep") -> tuple[Glossary, MergeReport]:
    """Merge entries into a glossary. An incoming entry is the same concept as an existing one
    with the same id or, failing that, the same preferred Russian form. For a concept whose
    fields differ, `keep` leaves ours (reporting the conflict), `replace` takes theirs and
    `merge` joins the lists (variants, forbidden forms, sources) and keeps our single values.
    """
    if policy not in POLICIES:
        raise GlossaryError(f"unknown conflict policy {policy!r}; choose from {', '.join(POLICIES)}")
    report = MergeReport()
    terms = list(glossary.terms)
    by_id = {t.id: i for i, t in enumerate(terms)}
    by_ru = {fold(t.ru): i for i, t in enumerate(terms)}
    for new in incoming:
        index = by_id.get(new.id, by_ru.get(fold(new.ru)))
        if index is None:
            by_id[new.id] = by_ru[fold(new.ru)] = len(terms)
            terms.append(new.with_changes(line=None))
            report.added.append(new.id)
            continue
        old = terms[index]
        differences = _differences(old, new)
        if not differences:
            report.unchanged.append(old.id)
            continue
        report.conflicts.extend((old.id, col, ours, theirs) for col, ours, theirs in differences)
        if policy == "replace":
            terms[index] = new.with_changes(id=old.id, line=old.line)
            report.replaced.append(old.id)
        elif policy == "merge":
            terms[index] = _join(old, new)
            report.merged.append(old.id)
    extra_columns = [k for t in incoming for k, _ in t.extra if k not in glossary.columns]
    columns = glossary.columns + tuple(dict.fromkeys(extra_columns))
    return Glossary(terms, columns=columns, path=glossary.path), report


def _differences(old: Term, new: Term) -> list[tuple[str, str, str]]:
    a, b = old.to_row(), new.to_row()
    return [(col, a.get(col, ""), b.get(col, "")) for col in dict.fromkeys([*a, *b])
            if col != "id" and a.get(col, "") != b.get(col, "")]


def _join(old: Term, new: Term) -> Term:
    changes: dict[str, Any] = {}
    for col in LIST_COLUMNS:
        joined = tuple(dict.fromkeys((*getattr(old, col), *getattr(new, col))))
        changes[col] = joined
    # The other side's preferred form survives as a variant, so nothing is lost.
    for lang, col in (("ru", "ru_variants"), ("en", "en_variants")):
        if fold(new.preferred(lang)) != fold(old.preferred(lang)):
            changes[col] = tuple(dict.fromkeys((*changes[col], new.preferred(lang))))
    changes["note"] = old.note or new.note
    extra = dict(new.extra)
    extra.update((k, v) for k, v in old.extra if v)
    changes["extra"] = tuple(extra.items())
    return old.with_changes(**changes)


def _with(glossary: Glossary, terms: list[Term], term: Term) -> Glossary:
    columns = glossary.columns + tuple(k for k, _ in term.extra if k not in glossary.columns)
    return Glossary(terms, columns=columns, path=glossary.path)

