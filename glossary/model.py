"""The term model: one concept with its Russian and English forms."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

# Column order of terms.tsv; multi-valued columns hold ` | `-separated lists.
COLUMNS = ("id", "ru", "en", "ru_variants", "en_variants", "en_forbidden", "ru_forbidden",
           "kind", "note", "source")
LIST_COLUMNS = ("ru_variants", "en_variants", "en_forbidden", "ru_forbidden", "source")
REQUIRED = ("ru", "en")
SEPARATOR = " | "


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
    line: int | None = field(default=None, compare=False)

    def approved(self, lang: str) -> tuple[str, ...]:
        """Preferred form first, then admitted variants."""
        return (self.ru, *self.ru_variants) if lang == "ru" else (self.en, *self.en_variants)

    def forbidden(self, lang: str) -> tuple[str, ...]:
        return self.ru_forbidden if lang == "ru" else self.en_forbidden

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
    def from_row(cls, row: dict[str, str], line: int | None = None) -> "Term":
        """Build a term from cells; unknown columns go to `extra`, lists are split on `|`."""
        known: dict[str, Any] = {}
        for col in COLUMNS:
            value = (row.get(col) or "").strip()
            known[col] = split_list(value) if col in LIST_COLUMNS else value
        extra = tuple((k, v) for k, v in row.items() if k not in COLUMNS)
        known["kind"] = known["kind"] or "term"
        return cls(**known, extra=extra, line=line)

    def with_changes(self, **changes) -> "Term":
        return replace(self, **changes)


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
    """Terms in file order plus the column order they came with (for faithful writing)."""

    terms: list[Term]
    columns: tuple[str, ...] = COLUMNS
    path: str | None = None

    def by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)
