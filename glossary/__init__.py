"""Russian–English terminology glossary: the term model, terms.tsv and other formats,
morphology-aware matching, transliteration and the consistency checker."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .errors import GlossaryError, InputError, ValidationError
from .matcher import Match, Matcher
from .model import Glossary, Term
from .validate import shipped_path


def load(path: str | Path | Sequence[str | Path] | None = None, fmt: str | None = None) -> Glossary:
    """Read and validate a glossary (default: the shipped one), or several stacked, the
    first winning (see layers.py); every entry knows its file (`Term.origin`)."""
    from . import layers, validate

    if path is None or isinstance(path, (str, Path)):
        return validate.load(path, fmt)
    paths = list(path)
    return layers.load(paths, fmt) if paths else validate.load(None, fmt)


__all__ = ["GlossaryError", "Glossary", "InputError", "Match", "Matcher", "Term",
           "ValidationError", "load", "shipped_path"]
