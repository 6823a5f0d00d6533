"""Glossaries kept as gettext PO files, the GNOME / GnuCash convention.

One entry a term: msgid the term, msgstr its rendering, the extracted comment (``#.``) its
definition, which becomes the note (translator comments follow it; GnuCash's quotes around
it and its "-" for none are dropped). Fuzzy, obsolete and untranslated entries are skipped,
and so is GnuCash's column-header entry (msgid "Term", defined as "English Definition …").
The direction is told by the script of the msgids, so an en→ru glossary (GNOME's, GnuCash's)
and a ru→en one both read.

What disambiguates a sense is context, not part of the term, and goes to the ``context``
column with msgctxt: a prefix (``account type: Asset`` → ``account type: Актив``, the prefix
kept in English in GnuCash's msgstr), a trailing parenthesis (``Credit (column in
register)``) and a verb's ``, to`` (``balance, to``). Each entry is a concept; such
glossaries map several terms to one rendering (options, preferences → настройки), which
are then a form with several senses (see validate.notes).
Forms, variants and forbidden renderings have no place in PO; writing gives one entry per
concept (preferred forms, note, context).
"""
from __future__ import annotations

import re
from pathlib import Path

import polib

from ..errors import InputError
from ..formats.po import new_catalogue
from ..formats.poparse import Entry, parse
from ..langtags import name, primary
from ..model import COLUMNS, FORMS_COLUMN, Glossary, Term, split_list
from ..normalize import script
from ..textio import read_text
from .tsv import with_ids

NAME = "po"
EXTENSIONS = (".po", ".pot")
CONTEXT = "context"
GIVEN = frozenset({"ru", "en", "note", CONTEXT})
FORM_CONTEXT = "form of "

# "account type: Asset": a short label, a colon, the term.
_PREFIX = re.compile(r"^(?P<label>[^\W\d_][\w .'-]{0,40}?): (?P<term>\S.*)$")
# "balance, to", "Credit (column in register)", "transfer, to (register toolbar)"
_SUFFIX = re.compile(r"^(?P<term>.+?)(?P<verb>, to)?(?: \((?P<note>[^()]+)\))?$")
_HEADER_ENTRY = ("Term", '"English Definition')


def read(path: str | Path, skip: list[InputError] | None = None) -> Glossary:
    catalogue = parse(read_text(path), path)
    for key in ("Language", "X-Source-Language"):
        tag = catalogue.metadata.get(key, "")
        if primary(tag) not in (None, "ru", "en"):
            raise InputError(f"{key}: {tag} ({name(tag)}): not a Russian–English glossary",
                             path=path)
    for entry in catalogue:
        if entry.msgid_plural and not entry.msgstr:
            # A plural entry is its singular, msgid → msgstr[0]: the dictionary forms (the
            # matcher finds the plural ones).
            entry.msgstr = entry.msgstr_plural.get(0, "")
    entries = [e for e in catalogue if e.msgid and e.msgstr and not e.obsolete and not e.fuzzy
               and not (e.msgctxt or "").startswith(FORM_CONTEXT)
               and not (e.msgid == _HEADER_ENTRY[0] and e.comment.startswith(_HEADER_ENTRY[1]))]
    reverse = script(" ".join(e.msgid for e in entries[:50])) == "ru"
    terms = []
    for entry in entries:
        source, target, context = _pair(entry)
        ru, en = (source, target) if reverse else (target, source)
        terms.append(Term("", ru=ru, en=en, note=_note(entry), extra=((CONTEXT, context),),
                          line=entry.linenum, given=GIVEN))
    return Glossary(with_ids(terms), columns=(*COLUMNS, CONTEXT), path=str(path),
                    direction="ru-en" if reverse else "en-ru")


def _pair(entry: Entry) -> tuple[str, str, str]:
    """(term, rendering, context) of an entry; the context gathers msgctxt, a sense prefix,
    a trailing parenthesis and a verb's ", to".

    >>> _pair(Entry(msgid="account type: Asset", msgstr="account type: Актив"))
    ('Asset', 'Актив', 'account type')
    >>> _pair(Entry(msgid="transfer, to (register toolbar)", msgstr="перевести"))
    ('transfer', 'перевести', 'verb; register toolbar')
    """
    source, target = entry.msgid.strip(), entry.msgstr.strip()
    context = [entry.msgctxt] if entry.msgctxt else []
    if (found := _PREFIX.match(source)):
        source, context = found["term"], [*context, found["label"]]
        if (rendered := _PREFIX.match(target)):
            target = rendered["term"]
    if (found := _SUFFIX.match(source)) and (found["verb"] or found["note"]):
        source = found["term"]
        context += ["verb"] * bool(found["verb"]) + [found["note"]] * bool(found["note"])
    return source, target, "; ".join(context)


def _note(entry: Entry) -> str:
    """The definition and translator comments, without GnuCash's quotes and "-"."""
    comment = entry.comment.strip()
    if len(comment) >= 2 and comment[0] == comment[-1] == '"':
        comment = comment[1:-1].strip()
    return " ".join(part for part in (comment if comment != "-" else "", entry.tcomment) if part)


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    src, tgt = direction.split("-")
    catalogue = new_catalogue("Glossary written by ruen-glossary.", {
        "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit", "Language": tgt, "X-Source-Language": src})
    for term in glossary:
        context = dict(term.extra).get(CONTEXT, "")
        catalogue.append(polib.POEntry(msgid=term.preferred(src), msgstr=term.preferred(tgt),
                                       comment=term.note, msgctxt=context or None))
        # --with-forms: each inflected source form → the preferred rendering
        for form in split_list(dict(term.extra).get(FORMS_COLUMN.format(src), "")):
            catalogue.append(polib.POEntry(msgid=form, msgstr=term.preferred(tgt),
                                           msgctxt=f"{FORM_CONTEXT}{term.preferred(src)}"))
    return str(catalogue) + "\n"
