"""A glossary as a JSON list of entries, every field present, lists as lists."""
from __future__ import annotations

import json as _json
from pathlib import Path

from ..errors import InputError
from ..model import COLUMNS, LIST_COLUMNS, Glossary, Term
from ..textio import read_text

NAME = "json"
EXTENSIONS = (".json",)


def read(path: str | Path) -> Glossary:
    try:
        data = _json.loads(read_text(path))
    except _json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise InputError("expected a JSON list of objects", path=path)
    terms = []
    for number, item in enumerate(data, start=1):
        row = {k: " | ".join(v) if isinstance(v, list) else str(v)
               for k, v in item.items() if v is not None}
        if not row.get("ru") or not row.get("en"):
            raise InputError(f"entry {number} lacks 'ru' or 'en'", path=path)
        terms.append(Term.from_row(row))
    extra = [k for t in terms for k, _ in t.extra]
    return Glossary(terms, columns=COLUMNS + tuple(dict.fromkeys(extra)), path=str(path))


def entry(term: Term) -> dict:
    """A term as a JSON object: every column, lists as lists, extra columns too."""
    data = {col: list(getattr(term, col)) if col in LIST_COLUMNS else getattr(term, col)
            for col in COLUMNS}
    data.update(term.extra)
    return data


def dumps(glossary: Glossary, direction: str = "ru-en") -> str:
    return _json.dumps([entry(t) for t in glossary], ensure_ascii=False, indent=2) + "\n"
