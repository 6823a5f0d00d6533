"""How the cells of a third-party glossary are read: lists of alternatives and brackets.

Spreadsheet and CAT-tool glossaries write several forms in one cell: alternatives
(`Configure, configuring`, `имя, идентификатор`, `login / sign in`) and parenthesised parts
(`снимок (данных)`, `(механизм) MVCC`, `… дел (НКВД)`, `ссылка (exile)`; see brackets.py).
Matched as one phrase, such a cell is never found. `read_cells` reads them as the forms they
mean and reports each cell and what was made of it; the file itself is never changed by
reading (an import writes cells as they are, unless told to split lists).

A cell **looks like a list** when it splits on `,`, `;` or ` / ` outside brackets into at
least two parts of at most _MAX_WORDS words each, none empty and none a bare number
(`1,000`). A longer phrase with a comma is prose; proper names are left alone (`Smith,
John`). A comma can also be the phrase's own punctuation (`Yes, I'm sure`), and
punctuation is translated: so a list-looking cell is **split by default** only when that
reading is sure — the other language's cell of the concept is one form (`имя,
идентификатор` for `identifier`: several renderings of one term), or the parts are one
word's forms (`Configure, configuring`: one derivational family). Other list-looking cells
(both sides with a comma, parts of different words) are reported and kept whole unless
the user asks for every list to be split. Split parts: the first stays preferred, the
others become admitted variants; a forbidden cell gives several forbidden forms.

Modes: AUTO (the default: brackets read, sure lists split), SPLIT (brackets read, every
list split), KEEP (every cell read as written).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import brackets
from .family import family
from .model import Glossary, Term, is_proper

AUTO, SPLIT, KEEP = "auto", "split", "keep"
LIST = "list"
_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+/\s+")
_MAX_WORDS = 4
_NUMBER = re.compile(r"^[\d\s.,]+$")
_BRACKETED = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"\w+")
# A form without any of these is one form, whatever the mode (the usual case, kept fast).
_SHAPED = re.compile(r"[,;(]|\s/\s")


@dataclass(frozen=True)
class Cell:
    """A form whose shape is read as more than one form, or with a label: where it is,
    what it looks like, the forms it is read as and whether they were applied."""

    term_id: str
    line: int | None
    column: str
    form: str
    shapes: tuple[str, ...]     # LIST and/or the bracket shapes (brackets.OPTIONAL …)
    forms: tuple[str, ...]      # what it is read as (preferred first)
    labels: tuple[str, ...] = ()
    applied: bool = True


def parts(form: str) -> tuple[str, ...]:
    """The alternatives a cell lists, or () when it is one form. Separators inside
    brackets do not count.

    >>> parts("Configure, configuring"), parts("имя; идентификатор"), parts("login / sign in")
    (('Configure', 'configuring'), ('имя', 'идентификатор'), ('login', 'sign in'))
    >>> parts("1,000"), parts("special camp"), parts("and/or"), parts("машина (автомат, FSM)")
    ((), (), (), ())
    """
    hidden = _BRACKETED.sub(lambda m: "\0" * len(m.group()), form.strip())
    pieces, last = [], 0
    for sep in _SEPARATORS.finditer(hidden):
        pieces.append(form.strip()[last:sep.start()].strip())
        last = sep.end()
    pieces.append(form.strip()[last:].strip())
    if len(pieces) < 2 or any(not p or _NUMBER.match(p) for p in pieces):
        return ()
    if any(len(p.split()) > _MAX_WORDS for p in pieces):
        return ()
    return tuple(pieces)


def sure_list(split: tuple[str, ...], other: str) -> bool:
    """Whether a list-looking cell is surely a list: the concept's cell in the other
    language is one form, or every part shares a word's family with the first part.

    >>> sure_list(("имя", "идентификатор"), "identifier")
    True
    >>> sure_list(("Yes", "I'm sure"), "Да, я уверен")
    False
    >>> sure_list(("Configure", "configuring"), "настроить, настройка")
    True
    """
    if not parts(other):
        return True
    first = _roots(split[0])
    return bool(first) and all(first & _roots(p) for p in split[1:])


def read_cells(glossary: Glossary, mode: str = AUTO, brackets_too: bool = True,
               ) -> tuple[Glossary, list[Cell]]:
    """The glossary with its cells read as `mode` says, and every cell whose shape was
    recognised (applied or not). Nothing is read in KEEP mode, but the cells are listed.
    `brackets_too=False` splits lists only (an import writing split lists keeps brackets
    as written). The same glossary object comes back when nothing changed."""
    terms: list[Term] = []
    found: list[Cell] = []
    any_changed = False
    for term in glossary:
        if not _SHAPED.search("\0".join((term.ru, term.en, *term.ru_variants, *term.en_variants,
                                          *term.ru_forbidden, *term.en_forbidden))):
            terms.append(term)
            continue
        changes: dict[str, object] = {}
        notes: list[str] = []
        for lang in ("ru", "en"):
            other = term.preferred("en" if lang == "ru" else "ru")
            approved = _read(term, lang, term.approved(lang), other, mode, found, notes,
                             brackets_too)
            changes[lang] = approved[0]
            changes[f"{lang}_variants"] = tuple(approved[1:])
            forbidden = _read(term, f"{lang}_forbidden", term.forbidden(lang), other, mode,
                              found, notes, brackets_too)
            changes[f"{lang}_forbidden"] = tuple(f for f in forbidden if f not in approved)
        changed = any(getattr(term, k) != v for k, v in changes.items())
        if notes and mode != KEEP:
            new = [n for n in dict.fromkeys(notes) if n not in term.note]
            if new:
                changes["note"] = "; ".join([term.note, *new] if term.note else new)
                changed = True
        terms.append(term.with_changes(**changes) if changed else term)
        any_changed = any_changed or changed
    if not any_changed:
        return glossary, found
    return Glossary(terms, columns=glossary.columns, path=glossary.path), found


def _read(term: Term, column: str, forms: tuple[str, ...], other: str, mode: str,
          found: list[Cell], notes: list[str], brackets_too: bool) -> list[str]:
    """The forms of one column after reading each cell; `found` and `notes` grow."""
    lang = column[:2]
    if column == lang:  # ru / en: the preferred cell and its variants
        columns = [lang] + [f"{lang}_variants"] * (len(forms) - 1)
    else:
        columns = [column] * len(forms)
    proper = is_proper(term.kind)
    out: list[str] = []
    for col, form in zip(columns, forms):
        split = () if proper else parts(form)
        split_applies = bool(split) and (mode == SPLIT or
                                         (mode == AUTO and sure_list(split, other)))
        pieces = split if split_applies else (form,)
        read_forms: list[str] = []
        shapes: list[str] = [LIST] if split else []
        labels: list[str] = []
        for piece in pieces:
            reading = brackets.read(piece, lang, proper) if brackets_too else None
            if reading is None:
                read_forms.append(piece)
                continue
            shapes += reading.shapes
            labels += reading.labels
            read_forms += reading.forms
        applied = mode != KEEP and (split_applies or len(shapes) > bool(split))
        if shapes:
            shown = tuple(dict.fromkeys(read_forms)) if split_applies or not split else split
            found.append(Cell(term.id, term.line, col, form, tuple(dict.fromkeys(shapes)),
                              shown, tuple(labels), applied))
        if mode == KEEP:
            out.append(form)
            continue
        out += read_forms
        notes += labels
    return list(dict.fromkeys(out))


def _roots(phrase: str) -> frozenset:
    return frozenset(root for w in _WORD.findall(phrase.lower()) for root, _ in family(w))
