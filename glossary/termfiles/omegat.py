"""OmegaT's glossary format: source⇥target⇥comment, one rendering a line, no header.

Reading groups lines by source term: the first target is preferred, later ones admitted.
The direction of a file is told by the script of its first column.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Glossary, Term
from ..normalize import script
from ..textio import read_text
from .tsv import slug

NAME = "omegat"
EXTENSIONS = (".txt", ".tab", ".utf8")


def read(path: str | Path) -> Glossary:
    grouped: dict[str, list] = {}
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise InputError("expected source⇥target[⇥comment]", path=path, line=number)
        source, target = cells[0].strip(), cells[1].strip()
        comment = cells[2].strip() if len(cells) > 2 else ""
        grouped.setdefault(source, []).append((number, target, comment))
    terms = []
    for source, renderings in grouped.items():
        line, first, note = renderings[0]
        others = tuple(t for _, t, _ in renderings[1:])
        if script(source) == "en":
            term = Term(slug(source), ru=first, en=source, ru_variants=others, note=note, line=line)
        else:
            term = Term(slug(first), ru=source, en=first, en_variants=others, note=note, line=line)
        terms.append(term)
    return Glossary(terms, path=str(path))


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    src, tgt = direction.split("-")
    lines = []
    for term in glossary:
        comment = " ".join(term.note.split())
        for source in term.approved(src):
            for target in term.approved(tgt):
                lines.append(f"{source}\t{target}\t{comment}")
    return "\n".join(lines) + "\n"
