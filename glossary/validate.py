"""Loading a glossary with its rules checked, and finding the shipped one."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import InputError, ValidationError
from .model import Glossary
from .normalize import fold


def shipped_path() -> Path:
    """The glossary that comes with the package (terms.tsv), in a checkout or installed."""
    return Path(str(resources.files("glossary") / "data" / "terms.tsv"))


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
    """Every rule a glossary breaks, as `file:line: problem`, in file order."""
    path = glossary.path
    found: list[InputError] = []
    ids: dict[str, int | None] = {}
    approved: dict[tuple[str, str], str] = {}   # (lang, folded form) → term id
    for term in glossary:
        def report(message: str) -> None:
            found.append(InputError(message, path=path, line=term.line))

        if term.id in ids:
            report(f"duplicate id {term.id!r} (first at line {ids[term.id]})")
        ids.setdefault(term.id, term.line)
        for lang in ("ru", "en"):
            if not term.preferred(lang):
                report(f"{term.id}: empty '{lang}'")
            for form in term.approved(lang):
                owner = approved.setdefault((lang, fold(form)), term.id)
                if owner != term.id:
                    report(f"{term.id}: {lang} form {form!r} is already claimed by {owner!r}")
    for term in glossary:
        for lang in ("ru", "en"):
            for form in term.forbidden(lang):
                claimed = approved.get((lang, fold(form)))
                if claimed is not None:
                    whose = ("its own approved form" if claimed == term.id
                             else f"approved for {claimed!r}")
                    found.append(InputError(f"{term.id}: forbidden {lang} form {form!r} is "
                                            f"{whose}", path=path, line=term.line))
    found.sort(key=lambda e: e.line or 0)
    return found
