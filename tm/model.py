"""The TM's records: units as stored, fuzzy matches with their differences, import reports."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from glossary.segment import Segment


@dataclass(frozen=True)
class Unit:
    """One stored translation unit.

    `origin` is the file it was imported from (its name); `created`/`changed` are UTC times
    as TMX writes them (``20240131T120000Z``); `count` is how many times the same pair was
    imported. `props` keeps the format-specific metadata of the file it came from.
    """

    id: int
    source: str
    target: str
    source_lang: str
    target_lang: str
    origin: str | None = None
    context: str | None = None
    note: str | None = None
    created: str = ""
    changed: str = ""
    count: int = 1
    source_plural: str | None = None
    target_plurals: tuple[str, ...] = ()
    props: tuple[tuple[str, str], ...] = ()
    source_codes: tuple[tuple[int, int], ...] = ()
    target_codes: tuple[tuple[int, int], ...] = ()
    turned_round: bool = False  # stored the other way round (see `turned`)

    def to_segment(self) -> Segment:
        """The unit as a segment for writing with glossary.formats.

        TMX's creationdate/changedate are filled from the unit's times when the file it came
        from had none (on the unit or its variants), so an export says when each unit
        entered the TM. Inline codes and each side's language tag are the unit's own.
        """
        names = {name.rpartition(".")[2] for name, _value in self.props}
        extra = []
        if "creationdate" not in names and self.created:
            extra.append(("creationdate", self.created))
        if "changedate" not in names and self.changed:
            extra.append(("changedate", self.changed))
        return Segment(source=self.source, target=self.target, source_lang=self.source_lang,
                       target_lang=self.target_lang, context=self.context, note=self.note,
                       source_plural=self.source_plural, target_plurals=self.target_plurals,
                       props=tuple(extra) + self.props, source_codes=self.source_codes,
                       target_codes=self.target_codes)

    def turned(self) -> Unit:
        """The unit the other way round (a match found on its target side); `turned` says so.

        Plural forms do not turn (a target's extra plurals have no source counterpart).
        """
        return replace(self, source=self.target, target=self.source,
                       source_lang=self.target_lang, target_lang=self.source_lang,
                       source_codes=self.target_codes, target_codes=self.source_codes,
                       source_plural=None, target_plurals=(), turned_round=not self.turned_round)

    def as_dict(self) -> dict:
        """The unit for JSON output."""
        return {"id": self.id, "source": self.source, "target": self.target,
                "source_lang": self.source_lang, "target_lang": self.target_lang,
                "origin": self.origin, "context": self.context, "note": self.note,
                "created": self.created, "changed": self.changed, "count": self.count,
                "source_plural": self.source_plural, "target_plurals": list(self.target_plurals),
                "source_codes": [list(c) for c in self.source_codes],
                "target_codes": [list(c) for c in self.target_codes],
                "turned": self.turned_round}


@dataclass(frozen=True)
class Difference:
    """One difference between a query and a matched unit's source.

    `kind` is what differs: ``inflection`` (same word, other form), ``case`` (same form,
    other capitals or ё/е), ``word``, ``number``, ``tag`` or ``punctuation``. `query` and
    `match` are the differing text on each side ("" where one side has nothing), and the
    spans are where that text stands (None for nothing).
    """

    kind: str
    query: str
    match: str
    query_span: tuple[int, int] | None = None
    match_span: tuple[int, int] | None = None

    def as_dict(self) -> dict:
        return {"kind": self.kind, "query": self.query, "match": self.match}


@dataclass(frozen=True)
class FuzzyMatch:
    """A fuzzy match: the unit, its score (0–100, 100 = identical) and what differs."""

    score: int
    unit: Unit
    diff: tuple[Difference, ...] = ()

    def as_dict(self) -> dict:
        """The match as `tm search --format json` prints it."""
        return {"score": self.score, "source": self.unit.source, "target": self.unit.target,
                "origin": self.unit.origin, "diff": [d.as_dict() for d in self.diff]}


@dataclass(frozen=True)
class ConcordanceHit:
    """A concordance hit: the unit and where the phrase stands in its source and target."""

    unit: Unit
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()

    def as_dict(self) -> dict:
        data = self.unit.as_dict()
        data["source_hits"] = [list(s) for s in self.source_spans]
        data["target_hits"] = [list(s) for s in self.target_spans]
        return data


@dataclass(frozen=True)
class ImportReport:
    """What importing one file did. `skipped` lists (line, reason) for each unit passed over."""

    path: str
    added: int = 0
    duplicates: int = 0
    skipped: tuple[tuple[int | None, str], ...] = field(default=())

    def as_dict(self) -> dict:
        return {"path": self.path, "added": self.added, "duplicates": self.duplicates,
                "skipped": [{"line": line, "reason": reason} for line, reason in self.skipped]}


@dataclass(frozen=True)
class Stats:
    """What is in a TM: unit count, language pairs and origins with their counts, bytes used."""

    path: str
    units: int
    languages: tuple[tuple[str, str, int], ...]
    origins: tuple[tuple[str, int], ...]
    size: int
    schema_version: int

    def as_dict(self) -> dict:
        return {"path": self.path, "units": self.units,
                "languages": [{"source": s, "target": t, "units": n} for s, t, n in self.languages],
                "origins": [{"origin": o, "units": n} for o, n in self.origins],
                "size": self.size, "schema_version": self.schema_version}
