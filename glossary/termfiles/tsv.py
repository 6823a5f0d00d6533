"""terms.tsv: a header line naming the columns (any order), then one concept a line."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .. import quotedtsv
from ..errors import InputError
from ..model import COLUMNS, OPTIONAL_COLUMNS, REQUIRED, Glossary, Term
from ..normalize import script
from ..textio import read_text

# Headers other tools and people write for our columns, used when a file lacks our ru and
# en columns: a language (English, RU, ru-RU, "Term [en]" as in Tarantool's glossary), a
# description (Weblate's explanation and comments; "Description [en]"), and Weblate's
# source/target pair, told apart by the script of the text under them.
_LANGUAGE = re.compile(r"(?:(?:term|термин|word|слово)\s*)?[\[(]?\s*(?P<lang>en|eng|english|"
                       r"английский|ru|rus|russian|русский)(?:[-_][a-z]{2})?\s*[\])]?", re.I)
_NOTE = re.compile(r"(?:comments?|notes?|explanation|descriptions?|definitions?|"
                   r"developer_comments|translator_comments)(?:\s*[\[(]\s*(?:en|english)\s*[\])])?",
                   re.I)
_SIDES = ("source", "target")

NAME = "tsv"
EXTENSIONS = (".tsv",)


def read(path: str | Path, skip: list[InputError] | None = None) -> Glossary:
    return parse_rows(records(read_text(path), path), path, skip)


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    columns = glossary.written_columns()
    lines = ["\t".join(columns)]
    for term in glossary:
        row = term.to_row()
        lines.append("\t".join(row.get(col, "") for col in columns))
    return "\n".join(lines) + "\n"


def parse_rows(rows: Iterable[tuple[int, list[str]]], path: str | Path,
               skip: list[InputError] | None = None, ragged: bool = False) -> Glossary:
    """Build a glossary from (line number, cells) rows, the first being the header.

    Structural problems (a missing column, a row of the wrong width) are raised at once,
    or, for a row, collected in `skip` when it is given and the row left out; rule
    problems are left to validate.py, which reports them all. `ragged` (spreadsheet CSV):
    a row may lack trailing cells or have extra empty ones.
    """
    rows = list(rows)
    if not rows:
        raise InputError("empty glossary file (no header line)", path=path) from None
    (header_line, header), rows = rows[0], rows[1:]
    header = canonical_header(header, [cells for _, cells in rows[:50]])
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        why = ("; its source and target columns are not one Russian and one English"
               if set(_SIDES) <= {h.lower() for h in header} else "")
        raise InputError(f"header lacks the column(s) {', '.join(missing)}; found: "
                         f"{', '.join(header) or 'nothing'}{why}", path=path, line=header_line)
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise InputError(f"column(s) named twice: {', '.join(dupes)}", path=path, line=header_line)
    terms = []
    given = frozenset(header)
    for line, cells in rows:
        if ragged and len(cells) != len(header) and not any(c.strip() for c in cells[len(header):]):
            cells = (cells + [""] * len(header))[:len(header)]
        if len(cells) != len(header):
            error = InputError(f"expected {len(header)} columns, found {len(cells)}",
                               path=path, line=line)
            if skip is None:
                raise error
            skip.append(error)
            continue
        row = dict(zip(header, cells))
        # an empty id is made up (with_ids), not given
        terms.append(Term.from_row(row, line, given if row.get("id", "").strip() else given - {"id"}))
    # Keep the file's column order; columns the model knows but the file lacks come after.
    columns = tuple(header) + tuple(c for c in COLUMNS
                                    if c not in header and c not in OPTIONAL_COLUMNS)
    return Glossary(with_ids(terms), columns=columns, path=str(path))


def with_ids(terms: list[Term]) -> list[Term]:
    """The terms, those without an id given one made from their English (else Russian)
    term, distinct from every other id in the file (``camp``, ``camp-2``).

    >>> [t.id for t in with_ids([Term("", "лагерь", "camp"), Term("", "стан", "camp"),
    ...                          Term("camp-2", "табор", "Camp")])]
    ['camp', 'camp-3', 'camp-2']
    """
    taken = {t.id for t in terms if t.id}
    out = []
    for term in terms:
        if not term.id:
            base = slug(term.en) or slug(term.ru) or "entry"
            new, number = base, 1
            while new in taken:
                number += 1
                new = f"{base}-{number}"
            taken.add(new)
            term = term.with_changes(id=new)
        out.append(term)
    return out


def slug(text: str) -> str:
    """An id for a concept that has none: its lower-case words joined by hyphens.

    >>> slug("Test-and-Filtration Camp (PFL)"), slug("Ставка")
    ('test-and-filtration-camp-pfl', 'ставка')
    """
    words = re.findall(r"\w+", text.lower())
    return "-".join(words)


def canonical_header(header: list[str], sample: list[list[str]]) -> list[str]:
    """Column names as the model knows them: ours in any case (``ID⇥RU⇥EN``), common
    aliases, and a source/target pair told apart by the script of the text under them.

    >>> canonical_header(["ID", "RU", "EN"], [])
    ['id', 'ru', 'en']
    >>> canonical_header(["source", "target", "context"], [["camp", "лагерь", ""]])
    ['en', 'ru', 'context']
    """
    names = [h.strip() for h in header]
    out = [n.lower() if n.lower() in COLUMNS else n for n in names]
    if set(REQUIRED) <= set(out):
        return out  # our own columns: a column named "comment" stays itself
    out = [_alias(o) for o in out]
    sides = [o.lower() for o in out]
    if not set(REQUIRED) & set(out) and set(_SIDES) <= set(sides):
        i, j = sides.index("source"), sides.index("target")
        scripts = [str(script(" ".join(cells[k] for cells in sample if len(cells) > k)))
                   for k in (i, j)]
        if sorted(scripts) == ["en", "ru"]:  # one side Russian, the other Latin
            out[i], out[j] = scripts
    # An alias never hides a column of that name the file also has.
    return [o if out.count(o) == 1 else n for o, n in zip(out, names)]


def _alias(name: str) -> str:
    """Our column for a header another tool wrote, or the header itself.

    >>> [_alias(n) for n in ("Term [en]", "ru-RU", "English", "Description [en]",
    ...                      "Description [ru]", "location")]
    ['en', 'ru', 'en', 'note', 'Description [ru]', 'location']
    """
    if (found := _LANGUAGE.fullmatch(name)):
        return "ru" if found["lang"].lower() in ("ru", "rus", "russian", "русский") else "en"
    return "note" if _NOTE.fullmatch(name) else name


def records(text: str, path: str | Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank line; of every record as a spreadsheet
    quotes cells, where the file shows it was written so (quotedtsv.py: a note holding
    quotes or a line break)."""
    if quotedtsv.is_quoted(text):
        return quotedtsv.rows(text, path)
    found = [(number, line.split("\t")) for number, line in enumerate(text.split("\n"), start=1)
             if line.strip()]
    if found and any(len(cells) != len(found[0][1]) for _, cells in found):
        width = len(found[0][1])
        return quotedtsv.spanning_rows(text, path, lambda cells: len(cells) == width) or found
    return found
