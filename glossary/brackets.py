"""Parenthesised parts of a glossary cell, read the way translators write them.

A bracket in a term cell says one of three things, and the words in it tell which:

- **an optional part** of the term, that the text may drop: `снимок (данных)`, `пакет
  (инструкций)`, `(механизм) MVCC`, `(data) snapshot`, `copy (of a file)`. The cell is read
  as two forms: the whole phrase without the brackets (preferred: it is what the translator
  wrote as the term, and writing it out is never wrong) and the phrase without the part
  (admitted). A part counts as optional when it stands before the rest (a descriptor:
  `(механизм) MVCC`), or after it as the dependent a noun phrase takes: an English
  `of`-phrase, a Russian word that cannot be nominative (a genitive: данных, инструкций).
  A nominative word after a term is a label, not a continuation; so is a phrase with
  another preposition, which says where the term is used (`(in references)`, `(в SQL)`);
- **an abbreviation** of the phrase: `Народный комиссариат внутренних дел (НКВД)`,
  `журнал упреждающей записи (WAL)` — the phrase and the abbreviation are two forms of the
  concept (never the two together), and so are an abbreviation and its expansion in its
  own script or the cell's language (`НКВД (Народный комиссариат внутренних дел)`, `WAL
  (журнал упреждающей записи)`). An acronym after a one-word
  term is a label (`statement (SQL)`);
- **a label or gloss** that is not part of the term: a sense or domain (`Lua (язык)`,
  `key (music)`, `(устар.)`), a gloss in the other language (`ссылка (exile)`), a year, a
  list (`(конечный автомат, state machine)`). The form is the cell without it; the label
  goes to the concept's note, where a translator sees it.

Reading a label as a label and not as an optional part costs little: the text's fuller
phrase still holds the shorter form.

Only round brackets preceded and followed by a space or the cell's edge count: `ВКП(б)`,
`select()` and `f(x)` are written as they are. A cell with unbalanced or nested brackets, or
nothing outside them, is left alone. A proper name keeps its brackets (`Всесоюзная
коммунистическая партия (большевиков)`, `Battle of Smolensk (1943)` are names as written)
unless they hold its abbreviation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from . import morph
from .normalize import script

OPTIONAL, ABBREVIATION, LABEL = "optional part", "abbreviation", "label"
_GROUP = re.compile(r"(?:^|(?<=\s))\(([^()]*)\)(?=\s|$)")
_ACRONYM = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9&.+-]*[A-ZА-ЯЁ0-9+]")
# More optional parts than this in one cell is prose, not a term (2 parts: 4 forms).
_MAX_OPTIONAL = 2


@dataclass(frozen=True)
class Reading:
    """How a cell with brackets is read: its forms (preferred first), the labels taken out
    of it, and what each bracket was taken for."""

    forms: tuple[str, ...]
    labels: tuple[str, ...]
    shapes: tuple[str, ...]


def read(cell: str, lang: str, proper: bool = False) -> Reading | None:
    """The reading of a cell written in `lang` ('ru' or 'en'), or None when it has no
    bracket to read.

    >>> read("снимок (данных)", "ru").forms, read("(механизм) MVCC", "ru").forms
    (('снимок данных', 'снимок'), ('механизм MVCC', 'MVCC'))
    >>> r = read("ссылка (exile)", "ru"); r.forms, r.labels
    (('ссылка',), ('exile',))
    >>> read("Народный комиссариат внутренних дел (НКВД)", "ru").forms
    ('Народный комиссариат внутренних дел', 'НКВД')
    >>> read("ВКП(б)", "ru"), read("select()", "en")
    (None, None)
    """
    if cell.count("(") != cell.count(")"):
        return None
    groups = list(_GROUP.finditer(cell))
    if not groups or len(groups) != cell.count("("):
        return None
    outside = " ".join(_GROUP.sub(" ", cell).split())
    if not outside:
        return None
    shapes, labels, abbreviations, optional = [], [], [], []
    for group in groups:
        shape = _shape(group, cell, outside, lang)
        if proper and shape != ABBREVIATION:
            return None  # a name's brackets are part of the name: (Bolsheviks), (1943)
        shapes.append(shape)
        content = " ".join(group.group(1).split())
        if shape == LABEL:
            labels.append(content)
        elif shape == ABBREVIATION:
            abbreviations.append(content)
        else:
            optional.append(group)
    if len(optional) > _MAX_OPTIONAL:
        return None
    forms = []
    # Every choice of keeping (True) or dropping each optional part, the fullest first.
    for keep in product((True, False), repeat=len(optional)):
        kept = dict(zip((g.start() for g in optional), keep))
        forms.append(_without(cell, groups, kept))
    forms += abbreviations
    return Reading(tuple(dict.fromkeys(forms)), tuple(labels), tuple(shapes))


def _shape(group: re.Match, cell: str, outside: str, lang: str) -> str:
    content = " ".join(group.group(1).split())
    words = content.split()
    if not words or any(c in content for c in ",;") or content.endswith(".") or \
            not any(ch.isalpha() for ch in content):
        return LABEL  # a list of glosses, an abbreviated label (устар.), a year
    if len(words) == 1 and _ACRONYM.fullmatch(content):
        many = len(re.split(r"[\s-]+", outside)) > 1
        return ABBREVIATION if many else LABEL
    if len(words) > 1 and _ACRONYM.fullmatch(outside) and \
            script(content) in (script(outside), lang):
        return ABBREVIATION  # the expansion of an abbreviation: НКВД (Народный комиссариат …)
    if script(content) != lang:
        return LABEL  # a gloss in the other language
    leading = not cell[:group.start()].strip()
    if leading or cell[group.end():].strip():
        return OPTIONAL  # a descriptor before the term, or a word inside the phrase
    first = words[0].lower()
    if lang == "en":
        return OPTIONAL if first == "of" else LABEL
    return LABEL if _can_be_nominative(first) else OPTIONAL


def _can_be_nominative(word: str) -> bool:
    """Whether a Russian word has a nominative reading (or is not inflected at all)."""
    parses = morph.parse(word)
    cases = [p.tag.case for p in parses if p.tag.case]
    return not cases or "nomn" in cases


def _without(cell: str, groups: list[re.Match], kept: dict[int, bool]) -> str:
    """The cell with every label and abbreviation taken out, and each optional part kept
    (its brackets removed) or dropped as `kept` says."""
    out, last = [], 0
    for group in groups:
        out.append(cell[last:group.start()])
        if kept.get(group.start()):
            out.append(group.group(1))
        last = group.end()
    out.append(cell[last:])
    return " ".join("".join(out).split())
