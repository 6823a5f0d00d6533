"""Changing a glossary: adding, editing and merging entries (pure functions returning a new
glossary); a command that reads, changes and writes a file does it with `update`: under a
lock, validated before anything is written.

Import semantics (`merge`, `import_glossary`): an incoming entry is the same concept as ours
when its file gives it our id, or its preferred Russian (failing that, English) form is one
of our approved forms — unless it is another sense of that form: its other language
names none of our renderings, and it shares no more than that one form with us (Строка →
Line beside our Строка → Row is added as its own entry). An id the reader made up (OmegaT, PO, an entry without one) never
matches; an added entry whose made-up id is taken gets a distinct one. Only the columns
the imported file has count (`Term.given`): a column it lacks leaves ours as it is. An OmegaT file gives forms without saying which is preferred,
so its forms are added as variants and never displace a headword.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import termfiles
from .errors import GlossaryError, InputError, ValidationError
from .model import COLUMNS, LIST_COLUMNS, Glossary, Term, split_list
from .normalize import fold
from .ru import CYRILLIC
from .textio import locked
from .validate import load, problems

POLICIES = ("keep", "replace", "merge")
LANGS = ("ru", "en")


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    # entries that differ but stay ours: --on-conflict keep, or a merge that adds nothing
    kept: list[str] = field(default_factory=list)
    # the conflicts of those entries, left as they are
    unresolved: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (id, column, value here, value incoming) for every difference found
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (id, column, before, after) for every field the merge changed; an added entry has
    # its non-empty fields with before ''
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    # entries of the imported file left out (import_glossary with skip_invalid)
    rejected: list[InputError] = field(default_factory=list)


def update(path: str | Path, change: Callable[[Glossary], Glossary],
           fmt: str | None = None, create: bool = False) -> tuple[Glossary, Glossary]:
    """Change a glossary file under a lock: read and validate it (`create`: a missing or
    empty file is an empty glossary), apply `change`, validate the result and write it in
    the file's own format, as the file was kept (termfiles.write_back). (before, after) is
    returned. A concurrent `update` of the same file waits for this one, so no change is
    lost; the installed package's glossary is never written."""
    if termfiles.is_installed_copy(path):
        raise GlossaryError(f"{path}: {termfiles.SHIPPED_READ_ONLY}")
    with locked(path):
        missing = create and (not Path(path).exists() or Path(path).stat().st_size == 0)
        before = empty(path) if missing else load(path, fmt)
        after = change(before)
        found = problems(after)
        if found:
            raise ValidationError(found)
        if missing:
            termfiles.write(after, path, fmt or termfiles.detect_by_extension(path))
        else:
            termfiles.write_back(before, after, path, fmt or termfiles.detect(path))
    return before, after


def empty(path: str | Path) -> Glossary:
    """A glossary with no entries yet, to be written to `path`."""
    return Glossary([], path=str(path))


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
    """Merge entries into a glossary (see the module docstring for what is the same concept).
    For a concept whose given fields differ, `keep` leaves ours (reporting the conflict),
    `replace` takes theirs for the fields their file has, and `merge` joins the lists
    (variants, forbidden forms, sources), keeps our preferred forms (theirs become
    variants), keeps both notes and fills what ours lacks.
    """
    if policy not in POLICIES:
        raise GlossaryError(f"unknown conflict policy {policy!r}; choose from {', '.join(POLICIES)}")
    report = MergeReport()
    terms = list(glossary.terms)
    by_id = {t.id: i for i, t in enumerate(terms)}
    by_form = {(lang, fold(form)): i for i, t in enumerate(terms)
               for lang in LANGS for form in t.approved(lang)}
    for new in incoming:
        index = _same_concept(new, by_id, by_form, terms)
        if index is None:
            new = _distinct_id(new, by_id)
            terms.append(new)
            by_id.setdefault(new.id, len(terms) - 1)
            for lang in LANGS:
                for form in new.approved(lang):
                    by_form.setdefault((lang, fold(form)), len(terms) - 1)
            report.added.append(new.id)
            report.changes.extend((new.id, col, "", value) for col, value in new.to_row().items()
                                  if value and col != "id" and not (col == "kind" and value == "term"))
            continue
        old = terms[index]
        theirs = _replace(old, new)
        differences = _diff(old, theirs)
        if not differences:
            report.unchanged.append(old.id)
            continue
        conflicts = [(old.id, col, ours, value) for col, ours, value in differences]
        report.conflicts.extend(conflicts)
        result = old if policy == "keep" else theirs if policy == "replace" else _join(old, new)
        changes = _diff(old, result)
        if not changes:
            report.kept.append(old.id)
            report.unresolved.extend(conflicts)
            continue
        terms[index] = result.with_changes(origin=new.origin, line=new.line)
        report.changes.extend((old.id, col, a, b) for col, a, b in changes)
        (report.replaced if policy == "replace" else report.merged).append(old.id)
    extra_columns = [k for t in incoming for k, _ in t.extra if k not in glossary.columns]
    columns = glossary.columns + tuple(dict.fromkeys(extra_columns))
    return Glossary(terms, columns=columns, path=glossary.path), report


def import_glossary(glossary: Glossary, incoming: Glossary, policy: str = "keep",
                    skip_invalid: bool = False,
                    rejected: list[InputError] | None = None) -> tuple[Glossary, MergeReport]:
    """`merge`, then validate the result. A problem is raised (ValidationError) with the
    place of the entry that caused it, in the imported file when it came from there. With
    `skip_invalid`, entries of the imported file that cause problems are left out (listed
    in the report's `rejected`, after those already in `rejected`) and the rest imported;
    problems of our own glossary are raised all the same."""
    refuse_foreign(incoming)
    incoming_terms = list(incoming.terms)
    report_rejected = list(rejected or ())
    while True:
        candidate = Glossary(incoming_terms, columns=incoming.columns, path=incoming.path)
        merged, report = merge(glossary, candidate, policy)
        found = problems(merged)
        if not found:
            report.rejected = report_rejected
            return merged, report
        theirs = {(p.path, p.line) for p in found if p.path == incoming.path}
        if not skip_invalid or not theirs:
            raise ValidationError(found)
        report_rejected.extend(p for p in found if (p.path, p.line) in theirs)
        incoming_terms = [t for t in incoming_terms if (t.origin, t.line) not in theirs]


def refuse_foreign(incoming: Glossary) -> Glossary:
    """InputError for a file that translates into another Latin-script language: not one
    entry has a Cyrillic letter on its Russian side (an Afrikaans PO glossary, a German
    OmegaT one, whose target column the reader can only take for the Russian). A file whose
    entries keep their Latin terms as they are (Tarantool → Tarantool) may be ours.
    The glossary itself is returned."""
    terms = incoming.terms
    if any(CYRILLIC.search(form) for t in terms for form in (*t.approved("ru"), *t.forbidden("ru"))):
        return incoming
    sample = next((t for t in terms if t.ru != t.en), None)
    if sample is not None:
        raise InputError(f"not a Russian–English glossary: no entry has Russian (Cyrillic) on "
                         f"its Russian side ({sample.ru!r} for {sample.en!r})",
                         path=incoming.path, line=sample.line or None)
    return incoming


def _same_concept(new: Term, by_id: dict[str, int], by_form: dict[tuple[str, str], int],
                  terms: list[Term]) -> int | None:
    if "id" in _given(new) and new.id in by_id:
        return by_id[new.id]
    for lang in LANGS:
        if new.preferred(lang):
            index = by_form.get((lang, fold(new.preferred(lang))))
            if index is not None and not _another_sense(new, terms[index], lang):
                return index
    return None


def _another_sense(new: Term, old: Term, lang: str) -> bool:
    """Whether an entry sharing our form in `lang` is another sense of it: one form in
    common (a row of a glossary is one source word) and, in the other language, forms
    that are none of ours (Строка → Row beside our Строка → Line; ссылка exile and link).
    A shared synonym set, or a rendering we list (even as forbidden), is our concept."""
    other = "en" if lang == "ru" else "ru"
    theirs = {fold(f) for f in new.approved(other) if f}
    ours = {fold(f) for f in (*old.approved(other), *old.forbidden(other)) if f}
    if not theirs or theirs & ours:
        return False
    shared = {fold(f) for f in new.approved(lang)} & {fold(f) for f in old.approved(lang)}
    return len(shared) < 2


def _distinct_id(term: Term, taken: dict[str, int]) -> Term:
    if term.id not in taken:
        return term
    number = 2
    while f"{term.id}-{number}" in taken:
        number += 1
    return term.with_changes(id=f"{term.id}-{number}")


def _given(term: Term) -> frozenset[str]:
    return term.given if term.given is not None else frozenset(COLUMNS) | {k for k, _ in term.extra}


def _replace(old: Term, new: Term) -> Term:
    """Ours with the fields their file has replaced by theirs; their approved forms stay
    approved (as variants where their file does not set the preferred form)."""
    given = _given(new)
    changes = {col: getattr(new, col) for col in COLUMNS if col in given and col != "id"}
    for lang in LANGS:
        if not changes.get(lang, old.preferred(lang)):
            del changes[lang]  # their file has no allowed term in this language
    extra = dict(old.extra)
    extra.update((k, v) for k, v in new.extra if k in given)
    result = old.with_changes(**changes, extra=tuple(extra.items()))
    return _tidy(_keep_forms(result, new))


def _join(old: Term, new: Term) -> Term:
    """Ours joined with theirs: lists unioned, our single values kept, both notes kept."""
    given = _given(new)
    changes: dict[str, Any] = {}
    for col in LIST_COLUMNS:
        theirs = getattr(new, col) if col in given else ()
        changes[col] = (*getattr(old, col), *theirs)
    note = new.note if "note" in given else ""
    changes["note"] = _both_notes(old.note, note)
    if old.kind == "term" and "kind" in given:
        changes["kind"] = new.kind
    extra = dict((k, v) for k, v in new.extra if k in given)
    extra.update((k, v) for k, v in old.extra if v or k not in extra)
    changes["extra"] = tuple(extra.items())
    return _tidy(_keep_forms(old.with_changes(**changes), new))


def _keep_forms(term: Term, new: Term) -> Term:
    """Every form `new` approves is approved in `term` too (a variant when not preferred)."""
    changes = {}
    for lang in LANGS:
        have = {fold(f) for f in term.approved(lang)}
        missing = [f for f in new.approved(lang) if f and fold(f) not in have]
        if missing:
            col = f"{lang}_variants"
            changes[col] = (*getattr(term, col), *missing)
    return term.with_changes(**changes) if changes else term


def _tidy(term: Term) -> Term:
    """No form twice in a list, the headword never its own variant, no form both approved
    and forbidden (approved wins: it is what the concept's own glossary says). Variants are
    compared as written: one differing in its capitals (Государственный Комитет Обороны
    beside Государственный комитет обороны) is the glossary's to keep, and matters to a
    concept matched by case."""
    changes: dict[str, Any] = {}
    for lang in LANGS:
        variants = tuple(dict.fromkeys(f for f in getattr(term, f"{lang}_variants")
                                       if f != term.preferred(lang)))
        changes[f"{lang}_variants"] = variants
        seen = {fold(form) for form in (term.preferred(lang), *variants)}
        forbidden = []
        for form in term.forbidden(lang):
            if fold(form) not in seen:
                seen.add(fold(form))
                forbidden.append(form)
        changes[f"{lang}_forbidden"] = tuple(forbidden)
    changes["source"] = tuple(dict.fromkeys(term.source))
    return term.with_changes(**changes)


def _both_notes(ours: str, theirs: str) -> str:
    """Both notes, once each: theirs appended unless ours already says it.

    >>> _both_notes("Contested.", "Used in 003"), _both_notes("A", ""), _both_notes("", "B")
    ('Contested. Used in 003', 'A', 'B')
    """
    if not theirs or theirs in ours:
        return ours
    if not ours or ours in theirs:
        return theirs
    return f"{ours} {theirs}" if ours.endswith((".", "!", "?", ";")) else f"{ours}; {theirs}"


def _diff(old: Term, new: Term) -> list[tuple[str, str, str]]:
    a, b = old.to_row(), new.to_row()
    return [(col, a.get(col, ""), b.get(col, "")) for col in dict.fromkeys([*a, *b])
            if col != "id" and a.get(col, "") != b.get(col, "")]


def _with(glossary: Glossary, terms: list[Term], term: Term) -> Glossary:
    columns = glossary.columns + tuple(k for k, _ in term.extra if k not in glossary.columns)
    return Glossary(terms, columns=columns, path=glossary.path)
