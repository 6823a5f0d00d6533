"""Russian–English terminology glossary: the term model, terms.tsv and other formats,
morphology-aware matching, transliteration and the consistency checker.

The names below are imported when first used, so that `import glossary.errors` (every
command does) does not load every format reader and the morphology too.
"""
from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Glossary

_WHERE = {"GlossaryError": "errors", "InputError": "errors", "ValidationError": "errors",
          "Match": "matcher", "Matcher": "matcher", "Glossary": "model", "Term": "model",
          "shipped_path": "shipped"}

__all__ = ["GlossaryError", "Glossary", "InputError", "Match", "Matcher", "Term",
           "ValidationError", "load", "shipped_path"]


def load(path: str | Path | Sequence[str | Path] | None = None,
         fmt: str | None = None) -> Glossary:
    """Read and validate a glossary (default: the shipped one), or several stacked, the
    first winning (see layers.py); every entry knows its file (`Term.origin`)."""
    from . import layers, validate

    if path is None or isinstance(path, (str, Path)):
        return validate.load(path, fmt)
    paths = list(path)
    return layers.load(paths, fmt) if paths else validate.load(None, fmt)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
