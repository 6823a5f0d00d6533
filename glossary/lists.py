"""Cells of third-party glossaries that hold a list of alternatives in one form.

Spreadsheet and CAT-tool glossaries often write alternatives in one cell: `Configure,
configuring`, `имя, идентификатор`, `login / sign in`. Matched as one phrase, such a cell is
never found. `list_cells` reports them; `split_lists` turns each part into a form of its own
(the first stays preferred, the others become admitted variants; a forbidden cell gives
several forbidden forms).

A cell counts as a list when it splits on `,`, `;` or ` / ` into at least two parts of at
most _MAX_WORDS words each, none empty and none a bare number (`1,000`). Proper names are
left alone (`Smith, John`). A longer phrase with a comma is taken for prose, not a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Glossary, Term, is_proper

_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+/\s+")
_MAX_WORDS = 4
_NUMBER = re.compile(r"^[\d\s.,]+$")


@dataclass(frozen=True)
class ListCell:
    """A form that looks like a list: where it is and its parts."""

    term_id: str
    line: int | None
    column: str
    form: str
    parts: tuple[str, ...]


def parts(form: str) -> tuple[str, ...]:
    """The alternatives a cell lists, or () when it is one form.

    >>> parts("Configure, configuring"), parts("имя; идентификатор"), parts("login / sign in")
    (('Configure', 'configuring'), ('имя', 'идентификатор'), ('login', 'sign in'))
    >>> parts("1,000"), parts("special camp"), parts("and/or")
    ((), (), ())
    """
    if "," not in form and ";" not in form and "/" not in form:
        return ()  # no separator at all: most cells (a look-up reads every one of them)
    pieces = tuple(p.strip() for p in _SEPARATORS.split(form.strip()))
    if len(pieces) < 2 or any(not p or _NUMBER.match(p) for p in pieces):
        return ()
    if any(len(p.split()) > _MAX_WORDS for p in pieces):
        return ()
    return pieces


def list_cells(glossary: Glossary) -> list[ListCell]:
    """Every form of the glossary that looks like a list of alternatives."""
    found = []
    for term in glossary:
        if is_proper(term.kind):
            continue
        for column, forms in _form_columns(term):
            for form in forms:
                split = parts(form)
                if split:
                    found.append(ListCell(term.id, term.line, column, form, split))
    return found


def split_lists(glossary: Glossary) -> Glossary:
    """The glossary with every list cell split into forms of their own."""
    terms = []
    for term in glossary:
        if is_proper(term.kind):
            terms.append(term)
            continue
        changes = {}
        for lang in ("ru", "en"):
            approved = [p for f in term.approved(lang) for p in (parts(f) or (f,))]
            approved = list(dict.fromkeys(approved))
            changes[lang] = approved[0]
            changes[f"{lang}_variants"] = tuple(approved[1:])
            forbidden = [p for f in term.forbidden(lang) for p in (parts(f) or (f,))]
            changes[f"{lang}_forbidden"] = tuple(dict.fromkeys(forbidden))
        terms.append(term.with_changes(**changes))
    return Glossary(terms, columns=glossary.columns, path=glossary.path)


def _form_columns(term: Term):
    yield "ru", (term.ru,)
    yield "en", (term.en,)
    yield "ru_variants", term.ru_variants
    yield "en_variants", term.en_variants
    yield "ru_forbidden", term.ru_forbidden
    yield "en_forbidden", term.en_forbidden
