"""TBX glossaries: TBX-Basic (TBX v2, ``<martif>``) written and read; TBX v3 (``<tbx>``) read.

Where each Term field lives (all TBX-Basic data categories, so CAT tools import it):

==================  ==============================================================
Term field          TBX
==================  ==============================================================
id                  ``<termEntry id="…">``
ru, en              ``<langSet xml:lang="ru|en"><tig><term>`` with
                    ``<termNote type="administrativeStatus">preferredTerm-admn-sts``
ru/en_variants      further ``<tig>`` with ``admittedTerm-admn-sts``, in order
ru/en_forbidden     further ``<tig>`` with ``deprecatedTerm-admn-sts``, in order
kind                ``<descrip type="subjectField">`` on the entry (left out for the
                    default kind "term"; an entry without it reads as "term")
note                ``<note>`` on the entry (left out when empty)
source              one ``<admin type="source">`` on the entry per source, in order
match               ``<admin type="x-match">lemma|case|exact</admin>`` on the entry (left
                    out when empty). TBX-Basic has no data category for how a term is
                    matched (memoQ keeps it in its own extension), so it travels as a
                    user-defined ``x-`` admin, as extra columns do; other tools ignore it
extra columns       ``<admin type="x-COLUMN">VALUE</admin>`` on the entry, in order
                    (``x-`` marks a user-defined type; TBX-Basic validators reject it,
                    CAT tools keep or ignore it)
==================  ==============================================================

Text is written and read exactly, without stripping, so ``read(write(g))`` gives the same
terms. The glossary's column order is not stored: reading gives the standard columns
followed by the extra ones in the order first met.

Reading files from other tools: ``<ntig><termGrp>`` and TBX v3's ``<conceptEntry>``,
``<langSec>``, ``<termSec>`` work too; a language tag is matched by its primary subtag
(``ru-RU`` is ru); ``supersededTerm-admn-sts`` counts as forbidden; when a language has
no preferred term, its first term without a status is taken as preferred; other terms are
variants in file order. Other languages, notes below the entry, definitions, contexts and
transaction records are ignored. An entry without an id gets one
made from its English term. An entry lacking a Russian or an English term is an error.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from .. import xmlsafe
from ..errors import InputError
from ..formats import primary
from ..model import COLUMNS, Glossary, Term
from .tsv import slug

NAME = "tbx"
EXTENSIONS = (".tbx",)

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
# termNote types that carry the status: TBX-Basic's, and the older MARTIF name.
STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
EXTRA_PREFIX = "x-"
LANGS = ("ru", "en")


def read(path: str | Path) -> Glossary:
    """Read a TBX file into a glossary, entries in file order (streamed; see module doc)."""
    entries = xmlsafe.iterparse(path, ("termEntry", "conceptEntry"), root=("martif", "tbx"))
    terms = [_term(entry, path) for entry in entries]
    extra = (name for term in terms for name, _ in term.extra)
    return Glossary(terms, columns=COLUMNS + tuple(dict.fromkeys(extra)), path=str(path))


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    """The glossary as TBX-Basic; `direction` only orders the language sections."""
    return "".join(_render(glossary, direction))


def write(glossary: Glossary, path: str | Path, direction: str = "ru-en") -> None:
    """Write the glossary as TBX-Basic, atomically."""
    xmlsafe.write(path, _render(glossary, direction))


# --- reading ---

def _term(entry: etree._Element, path: str | Path) -> Term:
    line = entry.sourceline
    kind, notes, sources, extra = "term", [], [], []
    forms: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    for sub in entry:
        name, kind_attr = xmlsafe.local(sub.tag), sub.get("type", "")
        if name == "descrip" and kind_attr == "subjectField":
            kind = xmlsafe.inline_text(sub)
        elif name == "note":
            notes.append(xmlsafe.inline_text(sub))
        elif name == "admin" and kind_attr == "source":
            sources.append(xmlsafe.inline_text(sub))
        elif name == "admin" and kind_attr.startswith(EXTRA_PREFIX):
            extra.append((kind_attr[len(EXTRA_PREFIX):], xmlsafe.inline_text(sub)))
        elif name in ("langSet", "langSec"):
            lang = primary(sub.get(xmlsafe.XML_LANG) or sub.get("lang"))
            if lang in forms:
                forms[lang].extend(_terms(sub))
    found = {lang: _ranked(forms[lang]) for lang in LANGS}
    for lang, label in (("ru", "Russian"), ("en", "English")):
        if found[lang] is None:
            raise InputError(f"term entry has no preferred {label} term (nor one without a "
                             "status)", path=path, line=line)
    (ru, ru_variants, ru_forbidden), (en, en_variants, en_forbidden) = (
        found["ru"], found["en"])  # type: ignore[misc]  # neither is None: checked above
    match = next((value.strip() for name, value in extra if name == "match"), "")
    extra = [(name, value) for name, value in extra if name != "match"]
    return Term(id=entry.get("id") or slug(en or ru), ru=ru, en=en,
                ru_variants=ru_variants, en_variants=en_variants,
                ru_forbidden=ru_forbidden, en_forbidden=en_forbidden,
                kind=kind, note="\n".join(notes), source=tuple(sources), match=match,
                extra=tuple(extra),
                line=line)


def _terms(lang_section: etree._Element) -> Iterator[tuple[str, str]]:
    """(term, 'preferred' | 'admitted' | 'unmarked' | 'forbidden') for each term group."""
    for group in lang_section:
        if xmlsafe.local(group.tag) not in ("tig", "ntig", "termSec"):
            continue
        term, status = None, None
        for node in group.iter():
            name = xmlsafe.local(node.tag)
            if name == "term" and term is None:
                term = xmlsafe.inline_text(node)
            elif name == "termNote" and node.get("type") in STATUS_TYPES:
                status = xmlsafe.inline_text(node).strip()
        if term is not None:
            yield term, _status(status)


def _status(value: str | None) -> str:
    if not value:
        return "unmarked"  # may stand in for a missing preferred term (see _ranked)
    value = value.lower()
    if value.startswith("preferred"):
        return "preferred"
    if value.startswith(("deprecated", "superseded")):
        return "forbidden"
    return "admitted"


def _ranked(found: list[tuple[str, str]]) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """(preferred, variants, forbidden) from (term, status) pairs in file order.

    The first preferred term wins; without one, the first term without a status stands
    in. Every other allowed term is a variant, in file order. None: no usable term.
    """
    allowed = [(term, status) for term, status in found if status != "forbidden"]
    first = next((i for i, (_, status) in enumerate(allowed) if status == "preferred"), None)
    if first is None:
        first = next((i for i, (_, status) in enumerate(allowed) if status == "unmarked"), None)
    if first is None:
        return None
    variants = tuple(term for i, (term, _) in enumerate(allowed) if i != first)
    forbidden = tuple(term for term, status in found if status == "forbidden")
    return allowed[first][0], variants, forbidden


# --- writing ---

def _render(glossary: Glossary, direction: str) -> Iterator[str]:
    order = [lang for lang in direction.split("-") if lang in LANGS]
    order += [lang for lang in LANGS if lang not in order]
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<martif type="TBX-Basic" xml:lang="en">\n'
           "  <martifHeader>\n"
           "    <fileDesc><sourceDesc><p>ruen-glossary</p></sourceDesc></fileDesc>\n"
           '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>\n'
           "  </martifHeader>\n"
           "  <text>\n    <body>\n")
    for term in glossary:
        yield from _entry(term, order)
    yield "    </body>\n  </text>\n</martif>\n"


def _entry(term: Term, order: list[str]) -> Iterator[str]:
    esc, attr = xmlsafe.escape_text, xmlsafe.escape_attr
    yield f'      <termEntry id="{attr(term.id)}">\n'
    if term.kind != "term":
        yield f'        <descrip type="subjectField">{esc(term.kind)}</descrip>\n'
    if term.note:
        yield f"        <note>{esc(term.note)}</note>\n"
    for source in term.source:
        yield f'        <admin type="source">{esc(source)}</admin>\n'
    if term.match:
        yield f'        <admin type="{EXTRA_PREFIX}match">{esc(term.match)}</admin>\n'
    for name, value in term.extra:
        yield f'        <admin type="{attr(EXTRA_PREFIX + name)}">{esc(value)}</admin>\n'
    for lang in order:
        yield f'        <langSet xml:lang="{lang}">\n'
        tigs = ([(term.preferred(lang), PREFERRED)]
                + [(v, ADMITTED) for v in (term.ru_variants if lang == "ru" else term.en_variants)]
                + [(f, DEPRECATED) for f in term.forbidden(lang)])
        for text, status in tigs:
            yield (f"          <tig><term>{esc(text)}</term>"
                   f'<termNote type="administrativeStatus">{status}</termNote></tig>\n')
        yield "        </langSet>\n"
    yield "      </termEntry>\n"
