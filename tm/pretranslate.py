"""Pre-translating a PO catalogue from the TM, the way msgmerge fills from a compendium.

For each entry with an empty msgstr (or every entry with `overwrite`): the best TM match of
its msgid at or above the minimum score fills it. A 100% match with the same context is a
translation; anything less, or another context, is marked ``#, fuzzy`` with the previous
source as ``#| msgid`` (and ``#| msgctxt``) and the score in a translator comment
(``TM: 87% (origin.tmx)``), so that a translator reviews it. Obsolete entries and the
header are left alone: only the lines of the entries filled change (written as polib writes
an entry), every other line stays as it was, and the file keeps its charset and line ends.

Two more reasons mark a filled entry fuzzy, each with a translator comment saying why: the
TM holds several different 100% translations of the entry (``TM: 100%, other 100%
translations: … | …``; the newest is used), or, given a glossary, the match's target uses a
rendering the glossary forbids (``TM match: forbidden … ; use …``, judged by the checker's
forbidden-term rule).

Plural entries take only units with plural forms (from a PO file), form by form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from typing import TYPE_CHECKING

from glossary.langtags import primary
from glossary.normalize import script

from .model import FuzzyMatch
from .store import TranslationMemory
from .vet import Vetter, describe

if TYPE_CHECKING:
    import polib

COMMENT = re.compile(r"^(?:TM: \d+%|TM match: ).*$", re.MULTILINE)
_HEADER_COMMENT = re.compile(r"\s*#(?:\s|$)")  # a translator comment (not #. #: #, #| #~)


@dataclass(frozen=True)
class PretranslateReport:
    """What pre-translation did to a catalogue's entries."""

    path: str
    exact: int = 0       # filled with a 100% match
    fuzzy: int = 0       # filled with a fuzzy match, marked fuzzy
    unmatched: int = 0   # empty, no match at or above the minimum
    kept: int = 0        # already translated, left alone
    conflicts: int = 0   # several different 100% translations: filled, marked fuzzy
    forbidden: int = 0   # the match uses a forbidden rendering: filled, marked fuzzy

    def as_dict(self) -> dict:
        return {"path": self.path, "exact": self.exact, "fuzzy": self.fuzzy,
                "unmatched": self.unmatched, "kept": self.kept, "conflicts": self.conflicts,
                "forbidden": self.forbidden}


def pretranslate(tm: TranslationMemory, path: str | Path, *, min_score: int = 75,
                 overwrite: bool = False, source_lang: str | None = None,
                 target_lang: str | None = None, vetter: Vetter | None = None
                 ) -> tuple[str, PretranslateReport]:
    """The pre-translated catalogue's text and what was done (the file itself is not written).

    Languages: the catalogue's X-Source-Language header unless given, else the script of its
    msgids (gettext assumes English msgids, but our catalogues are as often Russian); the
    target: the Language header, else the other language.
    """
    # The PO reader, imported here: `tm` is imported by every TM command, a search too.
    from glossary.formats import po as po_format
    from glossary.textio import read_text

    text = read_text(path)
    catalogue = po_format._parse(text, path)
    source_lang = source_lang or catalogue.metadata.get("X-Source-Language") \
        or script(" ".join(e.msgid for e in islice(catalogue, 200))) or "en"
    target_lang = target_lang or catalogue.metadata.get("Language") or None
    if target_lang and primary(target_lang) == primary(source_lang):
        target_lang = None  # a Language header naming the msgids' own language
    counts = {"exact": 0, "fuzzy": 0, "unmatched": 0, "kept": 0, "conflicts": 0,
              "forbidden": 0}
    filled = []
    for entry in catalogue:
        if entry.obsolete or not entry.msgid:
            continue
        if _translated(entry) and not overwrite:
            counts["kept"] += 1
            continue
        found = _best(tm, entry, min_score, source_lang, target_lang)
        if found is None:
            counts["unmatched"] += 1
            continue
        match, others = found
        exact = match.score == 100 and (match.unit.context or None) == (entry.msgctxt or None)
        warnings = []
        if exact and others:
            warnings.append(f"TM: 100%, other 100% translations: {' | '.join(others)}")
            counts["conflicts"] += 1
        if vetter is not None:
            flagged = vetter.forbidden(entry.msgid, match.unit.target, match.unit.source_lang,
                                       match.unit.target_lang)
            if flagged:
                warnings += [f"TM match: {describe(f)}" for f in flagged]
                counts["forbidden"] += 1
        filled.append(entry)
        counts["exact" if _fill(entry, match, exact and not warnings, warnings) else "fuzzy"] += 1
    text = _spliced(text, catalogue, filled)
    return (text if text.endswith("\n") else text + "\n"), PretranslateReport(str(path), **counts)


def encoded(text: str, path: str | Path) -> bytes:
    """The pre-translated text of the catalogue at `path` as that file is stored: the
    charset its header declares (a KOI8-R catalogue written as UTF-8 would be read as
    KOI8-R by every gettext tool) and its line ends; a character the charset lacks is an
    InputError."""
    from glossary.textio import stored

    layout, _ = stored(path)
    return layout.encode(text.replace("\n", layout.newline), path)


def pretranslate_file(tm: TranslationMemory, path: str | Path, out: str | Path, **options
                      ) -> PretranslateReport:
    """Pre-translate `path` into `out` (which may be `path` itself), atomically."""
    from glossary.textio import write_atomic

    text, report = pretranslate(tm, path, **options)
    write_atomic(out, encoded(text, path))
    return report


def _spliced(text: str, catalogue: polib.POFile, filled: list[polib.POEntry]) -> str:
    """`text` with the lines of each filled entry replaced by the entry as polib writes it.

    An entry runs from its first line (polib's `linenum`; 0 for a first entry in a file
    without a header, whose opening translator comments polib takes for the header's) to
    its last string line before the next entry starts.
    """
    lines = text.split("\n")
    starts = sorted(e.linenum - 1 for e in catalogue if e.linenum)
    for entry in sorted(filled, key=lambda e: e.linenum, reverse=True):
        first = entry.linenum - 1 if entry.linenum else next(
            i for i, line in enumerate(lines) if line.strip() and not _HEADER_COMMENT.match(line))
        end = next((start for start in starts if start > first), len(lines))
        while end > first and not lines[end - 1].lstrip().startswith(("msg", '"')):
            end -= 1  # blank lines and a comment after the entry are not its own
        lines[first:end] = entry.__unicode__(catalogue.wrapwidth).rstrip("\n").split("\n")
    return "\n".join(lines)


def _translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and any(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _best(tm: TranslationMemory, entry: polib.POEntry, min_score: int, source_lang: str,
          target_lang: str | None) -> tuple[FuzzyMatch, list[str]] | None:
    """The best match, and the other targets of equally good 100% matches in its context."""
    matches = tm.search(entry.msgid, min_score=min_score, limit=20, source_lang=source_lang,
                        target_lang=target_lang)
    if entry.msgid_plural:
        matches = [m for m in matches if m.unit.source_plural is not None]
    if not matches:
        return None
    # Equal scores: the unit with the entry's context first (search already put newest first).
    best = max(m.score for m in matches)
    tied = [m for m in matches if m.score == best]
    chosen = next((m for m in tied if (m.unit.context or None) == (entry.msgctxt or None)),
                  tied[0])
    others = [] if best < 100 else list(dict.fromkeys(
        m.unit.target for m in tied if m.unit.target != chosen.unit.target
        and (m.unit.context or None) == (chosen.unit.context or None)))
    return chosen, others


def _fill(entry: polib.POEntry, match: FuzzyMatch, exact: bool, warnings: list[str]) -> bool:
    """Fill the entry from the match; whether it was filled as a translation (not fuzzy: a
    plural entry is fuzzy too when the unit has not its number of forms)."""
    unit = match.unit
    if entry.msgid_plural:
        forms = (unit.target, *unit.target_plurals)
        slots = max(len(entry.msgstr_plural), len(forms))
        entry.msgstr_plural = {i: forms[i] if i < len(forms) else "" for i in range(slots)}
        exact = exact and len(forms) == slots and unit.source_plural == entry.msgid_plural
    else:
        entry.msgstr = unit.target
    comment = COMMENT.sub("", entry.tcomment or "").strip("\n")
    if exact:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        entry.tcomment = comment
        return True
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    entry.previous_msgid = unit.source
    entry.previous_msgid_plural = unit.source_plural
    entry.previous_msgctxt = unit.context
    origin = f" ({unit.origin})" if unit.origin else ""
    entry.tcomment = "\n".join(filter(None, (comment, f"TM: {match.score}%{origin}",
                                              *warnings)))
    return False
