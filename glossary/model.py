"""The term model: one concept with its Russian and English forms."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

# Column order of terms.tsv; multi-valued columns hold ` | `-separated lists.
COLUMNS = ("id", "ru", "en", "ru_variants", "en_variants", "en_forbidden", "ru_forbidden",
           "kind", "note", "source", "match")
# Known columns a file need not have; a file without them is written without them unless
# an entry sets one.
OPTIONAL_COLUMNS = ("match",)
LIST_COLUMNS = ("ru_variants", "en_variants", "en_forbidden", "ru_forbidden", "source")
REQUIRED = ("ru", "en")
SEPARATOR = " | "
# The extra column of a --with-forms export: inflected source forms (e.g. "ru_forms").
FORMS_COLUMN = "{}_forms"

# How a concept's forms are matched (the `match` column; empty means LEMMA):
LEMMA = "lemma"   # any inflected form, any letter case (names: see is_proper)
CASE = "case"     # any inflected form, letter case as written
EXACT = "exact"   # only the listed forms, letter case as written
MATCH_MODES = (LEMMA, CASE, EXACT)

# Words of a `kind` that make a concept a proper name. Kinds come from many glossaries
# (ours: name, place, organisation; others: person, location, org, PROPN, properNoun …),
# so a kind is read word by word, in lower case.
_PROPER_WORDS = frozenset(
    "name names person people personal surname firstname place places location geo geox "
    "geography geographical toponym country city region river organisation organization "
    "organisations organizations org orgn company institution agency proper propn "
    "propernoun brand trademark product".split())


@dataclass(frozen=True)
class Term:
    """One concept. `extra` keeps columns we do not know, so a round trip loses nothing."""

    id: str
    ru: str
    en: str
    ru_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    en_forbidden: tuple[str, ...] = ()
    ru_forbidden: tuple[str, ...] = ()
    kind: str = "term"
    note: str = ""
    source: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    match: str = ""
    line: int | None = field(default=None, compare=False)
    # Provenance, not content: the glossary file the entry was read from, and the columns
    # that file has (None: every column). An import changes only the columns it was given.
    origin: str | None = field(default=None, compare=False)
    given: frozenset[str] | None = field(default=None, compare=False)

    def approved(self, lang: str) -> tuple[str, ...]:
        """Preferred form first, then admitted variants."""
        return (self.ru, *self.ru_variants) if lang == "ru" else (self.en, *self.en_variants)

    def forbidden(self, lang: str) -> tuple[str, ...]:
        return self.ru_forbidden if lang == "ru" else self.en_forbidden

    def match_mode(self) -> str:
        """How the concept's forms are matched (LEMMA, CASE or EXACT)."""
        return self.match or LEMMA

    def case_sensitive(self) -> bool:
        """Whether letter case tells this concept's forms from other words: a proper name,
        or a concept marked `case` or `exact`."""
        return is_proper(self.kind) or self.match in (CASE, EXACT)

    def preferred(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en

    def to_row(self) -> dict[str, str]:
        """The term as terms.tsv cells (lists joined with ` | `), extra columns included."""
        row = {col: getattr(self, col) for col in COLUMNS}
        for col in LIST_COLUMNS:
            row[col] = SEPARATOR.join(row[col])
        row.update(self.extra)
        return row

    @classmethod
    def from_row(cls, row: dict[str, str], line: int | None = None,
                 given: frozenset[str] | None = None) -> "Term":
        """Build a term from cells; unknown columns go to `extra`, lists are split on `|`."""
        known: dict[str, Any] = {}
        for col in COLUMNS:
            value = (row.get(col) or "").strip()
            known[col] = split_list(value) if col in LIST_COLUMNS else value
        extra = tuple((k, v) for k, v in row.items() if k not in COLUMNS)
        known["kind"] = known["kind"] or "term"
        return cls(**known, extra=extra, line=line, given=given)

    def with_changes(self, **changes) -> "Term":
        return replace(self, **changes)


def is_proper(kind: str) -> bool:
    """Whether a concept of this kind is a proper name (tolerant of other glossaries' kinds).

    >>> is_proper("name"), is_proper("Organization"), is_proper("place name"), is_proper("term")
    (True, True, True, False)
    >>> is_proper("properNoun"), is_proper("UI label"), is_proper("")
    (True, False, False)
    """
    words = re.findall(r"[^\W\d_]+", kind.lower())
    return any(w in _PROPER_WORDS for w in words) or "propernoun" in kind.lower().replace(" ", "")


def split_list(cell: str) -> tuple[str, ...]:
    """Split a multi-valued cell.

    >>> split_list("ПФЛ | проверочно-фильтрационный лагерь")
    ('ПФЛ', 'проверочно-фильтрационный лагерь')
    >>> split_list("")
    ()
    """
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@dataclass
class Glossary:
    """Terms in file order plus the column order they came with (for faithful writing), and
    for a format with a source and a target side (OmegaT, PO), which way round the file is."""

    terms: list[Term]
    columns: tuple[str, ...] = COLUMNS
    path: str | None = None
    direction: str = "ru-en"

    def written_columns(self) -> tuple[str, ...]:
        """The columns to write: the glossary's, plus an optional one an entry now uses."""
        used = tuple(c for c in OPTIONAL_COLUMNS
                     if c not in self.columns and any(getattr(t, c) for t in self.terms))
        return tuple(self.columns) + used

    def by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)
