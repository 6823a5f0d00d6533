"""Loading a glossary with its rules checked, and finding the shipped one."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError, ValidationError
from .model import MATCH_MODES, Glossary
from .normalize import fold
from .shipped import shipped_path


def load(path: str | Path | None = None, fmt: str | None = None) -> Glossary:
    """Read and validate a glossary (default: the shipped one); ValidationError lists all
    problems at once."""
    from . import termfiles  # the format readers (lxml for TBX) only when a file is read

    path = Path(path) if path else shipped_path()
    glossary = termfiles.read(path, fmt)
    found = problems(glossary)
    if found:
        raise ValidationError(found)
    return glossary


def problems(glossary: Glossary) -> list[InputError]:
    """Every rule a glossary breaks, as `file:line: problem`, in file order.

    A form shared by several concepts is not a problem: it has several senses (Строка as
    Row and as Line; see `notes`). A form both approved and forbidden within one concept is.
    The file named is the one the entry came from, which after an import may be the
    imported one.
    """
    path: str | None = glossary.path
    found: list[InputError] = []
    ids: dict[str, int | None] = {}
    for term in glossary:
        def report(message: str) -> None:
            found.append(InputError(message, path=term.origin or path, line=term.line))

        if term.id in ids:
            report(f"duplicate id {term.id!r} (first at line {ids[term.id]})")
        ids.setdefault(term.id, term.line)
        if term.match and term.match not in MATCH_MODES:
            report(f"{term.id}: match {term.match!r} is not one of {', '.join(MATCH_MODES)}")
        for lang in ("ru", "en"):
            if not term.preferred(lang):
                report(f"{term.id}: empty '{lang}'")
            approved = {fold(f) for f in term.approved(lang)}
            for form in term.forbidden(lang):
                if fold(form) in approved:
                    report(f"{term.id}: forbidden {lang} form {form!r} is its own approved form")
    found.sort(key=lambda e: (e.path != path, e.path or "", e.line or 0))
    return found


def notes(glossary: Glossary) -> list[InputError]:
    """What is worth knowing but not wrong: forms that several concepts share (senses),
    as `file:line: note`, one per shared form, at the line of its second concept."""
    owners: dict[tuple[str, str], list[str]] = {}
    written: dict[tuple[str, str], str] = {}
    lines: dict[str, int | None] = {}
    for term in glossary:
        lines.setdefault(term.id, term.line)
        for lang in ("ru", "en"):
            for form in filter(str.strip, term.approved(lang)):  # an empty term is a problem
                ids = owners.setdefault((lang, fold(form)), [])
                written.setdefault((lang, fold(form)), form)
                if term.id not in ids:
                    ids.append(term.id)
    found = []
    for (lang, key), ids in owners.items():
        form = written[(lang, key)]
        if len(ids) > 1:
            found.append(InputError(f"{lang} form {form!r} has {len(ids)} senses: "
                                    f"{', '.join(ids)}", path=glossary.path, line=lines[ids[1]]))
    found.sort(key=lambda e: e.line or 0)
    return found
