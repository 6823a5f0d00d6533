"""OmegaT's glossary format: source⇥target⇥comment, one rendering a line, no header.

OmegaT has no concepts, only pairs; reading rebuilds them. One source written on two lines
with different targets is two senses (Строка → Row, Строка → Line), each a concept with its
own comment, unless the lines carry the same non-empty comment: that is one concept's
variants, as an export writes them. Lines that share a target (synonymous sources) are one
concept unless their comments differ. The first source and target met are preferred,
later ones admitted. An export writes every source form × every target form of a concept
with the concept's note as the comment (a concept without a note but with several target
forms gets "one concept: <preferred target>", so it reads back as one concept, not as
senses). The direction of a file is told by the script of its first column.

OmegaT has no forbidden renderings either: the export writes them into the comment column
after the note (``Forbidden: a | b``), where a translator sees them, and reading takes them
back from there. Having no preferred terms, an OmegaT file gives an import only forms to
add, and a note (see `given`). An export --with-forms adds a line per inflected source
form, to the preferred rendering, its comment saying ``Form of …``; reading leaves them out.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import FORMS_COLUMN, SEPARATOR, Glossary, Term, split_list
from ..normalize import fold, script
from ..textio import read_text
from .tsv import slug

NAME = "omegat"
EXTENSIONS = (".txt", ".tab", ".utf8")
FORBIDDEN_LABEL = "Forbidden: "
FORM_LABEL = "Form of "
ONE_CONCEPT = "one concept: "
# What an OmegaT line tells an import: a note (its forms are added, never replacing any).
GIVEN = frozenset({"note"})


def read(path: str | Path, skip: list[InputError] | None = None) -> Glossary:
    rows = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip() or (line.startswith("#") and "\t" not in line):
            continue  # OmegaT heads its files with a comment line; '#' can be a term too
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            error = InputError("expected source⇥target[⇥comment]", path=path, line=number)
            if skip is None:
                raise error
            skip.append(error)
            continue
        rows.append((number, cells[0].strip(), cells[1].strip(),
                     cells[2].strip() if len(cells) > 2 else ""))
    terms = [_term(group) for group in _concepts(_without_forms(rows))]
    direction = "en-ru" if script(" ".join(r[1] for r in rows[:50])) == "en" else "ru-en"
    return Glossary(_unique_ids(terms), path=str(path), direction=direction)


def _without_forms(rows: list[tuple[int, str, str, str]]) -> list[tuple[int, str, str, str]]:
    """The rows less the inflected forms an export --with-forms added (comment ``Form of X.
    C``, where a row of the file has the source X and the comment C): no concepts of their
    own, as a TBX or PO file's forms are not. A user's note that only starts so is kept."""
    written = {(source, comment) for _, source, _, comment in rows}

    def is_form(comment: str) -> bool:
        named = comment[len(FORM_LABEL):] if comment.startswith(FORM_LABEL) else ""
        return any((named[:i], named[i + 1:].strip()) in written
                   for i, char in enumerate(named) if char == ".")

    return [row for row in rows if not is_form(row[3])]


def _concepts(rows: list[tuple[int, str, str, str]]) -> list[list[tuple[int, str, str, str]]]:
    """Rows joined into concepts (union-find): through a shared target with the same comment,
    through a shared source only with the same non-empty comment (see the module doc)."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[int, str, str], int] = {}
    for i, (_, source, target, comment) in enumerate(rows):
        keys = [(1, fold(target), comment)] + ([(0, fold(source), comment)] if comment else [])
        for key in keys:
            j = first.setdefault(key, i)
            parent[root(i)] = root(j)
    groups: dict[int, list] = {}
    for i, row in enumerate(rows):
        groups.setdefault(root(i), []).append(row)
    return list(groups.values())


def _term(rows: list[tuple[int, str, str, str]]) -> Term:
    sources = tuple(dict.fromkeys(r[1] for r in rows))
    targets = tuple(dict.fromkeys(r[2] for r in rows))
    note, forbidden = _comment(next((r[3] for r in rows if r[3]), ""))
    target = "en"
    if script(sources[0]) == "en":
        sources, targets, target = targets, sources, "ru"
    ru, en = sources, targets
    given = GIVEN | {f"{target}_forbidden"} if forbidden else GIVEN
    term = Term(slug(en[0]), ru=ru[0], en=en[0], ru_variants=ru[1:], en_variants=en[1:],
                note=note, line=rows[0][0], given=given if note else given - {"note"})
    return term.with_changes(**{f"{target}_forbidden": forbidden})


def _comment(comment: str) -> tuple[str, tuple[str, ...]]:
    """(note, forbidden target forms) from a comment cell as `dumps` writes it (its "one
    concept: …" marker is not a note)."""
    note, label, forbidden = comment.rpartition(FORBIDDEN_LABEL)
    if not label or (note and not note.endswith(" ")):
        note, forbidden = comment, ""
    note = note.strip()
    if note.startswith(ONE_CONCEPT):
        note = ""
    return note, split_list(forbidden)


def _unique_ids(terms: list[Term]) -> list[Term]:
    """Senses of one word get ids from their targets; a clash gets a number (company-2)."""
    seen: dict[str, int] = {}
    unique = []
    for term in terms:
        n = seen[term.id] = seen.get(term.id, 0) + 1
        unique.append(term if n == 1 else term.with_changes(id=f"{term.id}-{n}"))
    return unique


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    src, tgt = direction.split("-")
    lines = []
    for term in glossary:
        comment = " ".join(term.note.split())
        if not comment and len(term.approved(tgt)) > 1:
            comment = f"{ONE_CONCEPT}{term.preferred(tgt)}"
        if term.forbidden(tgt):
            comment = f"{comment} {FORBIDDEN_LABEL}{SEPARATOR.join(term.forbidden(tgt))}".strip()
        for source in term.approved(src):
            for target in term.approved(tgt):
                lines.append(f"{source}\t{target}\t{comment}")
        # --with-forms: each inflected source form → the preferred rendering, said to be a form
        form_note = f"{FORM_LABEL}{term.preferred(src)}. {comment}".strip()
        for form in split_list(dict(term.extra).get(FORMS_COLUMN.format(src), "")):
            lines.append(f"{form}\t{term.preferred(tgt)}\t{form_note}")
    return "\n".join(lines) + "\n"
