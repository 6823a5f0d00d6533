"""Glossaries kept as gettext PO files, the GNOME / GnuCash convention.

One entry a term: msgid the term, msgstr its rendering, the extracted comment (``#.``) its
definition, which becomes the note (translator comments follow it). Fuzzy, obsolete and
untranslated entries are skipped. The direction is told by the script of the msgids, so an
en→ru glossary (GNOME's) and a ru→en one both read.

A prefix naming the sense (``account type: Asset`` → ``тип счёта: Активы``, as GnuCash
writes) is context, not part of the term: the term is ``Asset``, and the prefix goes to the
``context`` column, as msgctxt does, unless the bare term then clashes with another
entry's, when the whole msgid stays the term. Forms, variants and forbidden renderings
have no place in PO; writing gives one entry per concept (preferred forms, note, context).
"""
from __future__ import annotations

import re
from pathlib import Path

import polib

from ..errors import InputError
from ..formats import po as po_format
from ..model import COLUMNS, FORMS_COLUMN, Glossary, Term, split_list
from ..normalize import fold, script
from ..textio import read_text
from .tsv import with_ids

NAME = "po"
EXTENSIONS = (".po", ".pot")
CONTEXT = "context"
GIVEN = frozenset({"ru", "en", "note", CONTEXT})
FORM_CONTEXT = "form of "

# "account type: Asset": a short lower-case label, a colon, the term.
_PREFIX = re.compile(r"^(?P<label>[^\W\d_][\w .'-]{0,40}?): (?P<term>\S.*)$")


def read(path: str | Path, skip: list[InputError] | None = None) -> Glossary:
    catalogue = po_format._parse(read_text(path), path)
    entries = [e for e in catalogue if e.msgid and e.msgstr and not e.obsolete and not e.fuzzy
               and not (e.msgctxt or "").startswith(FORM_CONTEXT)]
    reverse = script(" ".join(e.msgid for e in entries[:50])) == "ru"
    rows = [_split(e, reverse) for e in entries]
    bare = [fold(source) for source, _, _, _ in rows]
    terms = []
    for entry, (source, target, context, whole) in zip(entries, rows):
        if context and bare.count(fold(source)) > 1:
            source, target, context = whole[0], whole[1], ""
        if entry.msgctxt:
            context = f"{entry.msgctxt}; {context}" if context else entry.msgctxt
        ru, en = (source, target) if reverse else (target, source)
        note = " ".join(part for part in (entry.comment, entry.tcomment) if part)
        terms.append(Term("", ru=ru, en=en, note=note,
                          extra=((CONTEXT, context),), line=entry.linenum, given=GIVEN))
    return Glossary(with_ids(terms), columns=(*COLUMNS, CONTEXT), path=str(path))


def _split(entry: polib.POEntry, reverse: bool) -> tuple[str, str, str, tuple[str, str]]:
    """(source term, target term, context, (whole msgid, whole msgstr))."""
    whole = (entry.msgid.strip(), entry.msgstr.strip())
    source, target = whole
    found = _PREFIX.match(source)
    if found is None:
        return source, target, "", whole
    rendered = _PREFIX.match(target)
    return found["term"], rendered["term"] if rendered else target, found["label"], whole


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    src, tgt = direction.split("-")
    catalogue = polib.POFile()
    catalogue.header = "Glossary written by ruen-glossary."
    catalogue.metadata = {"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                          "Content-Transfer-Encoding": "8bit", "Language": tgt,
                          "X-Source-Language": src}
    for term in glossary:
        context = dict(term.extra).get(CONTEXT, "")
        catalogue.append(polib.POEntry(msgid=term.preferred(src), msgstr=term.preferred(tgt),
                                       comment=term.note, msgctxt=context or None))
        # --with-forms: each inflected source form → the preferred rendering
        for form in split_list(dict(term.extra).get(FORMS_COLUMN.format(src), "")):
            catalogue.append(polib.POEntry(msgid=form, msgstr=term.preferred(tgt),
                                           msgctxt=f"{FORM_CONTEXT}{term.preferred(src)}"))
    return str(catalogue) + "\n"
