"""Russian–English terminology glossary: the term model, terms.tsv and other formats,
morphology-aware matching, transliteration and the consistency checker.

The names below are imported when first used, so that `import glossary.errors` (every
command does) does not load every format reader and the morphology too.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {"GlossaryError": "errors", "InputError": "errors", "ValidationError": "errors",
          "Match": "matcher", "Matcher": "matcher", "Glossary": "model", "Term": "model",
          "load": "validate", "shipped_path": "validate"}

__all__ = ["GlossaryError", "Glossary", "InputError", "Match", "Matcher", "Term",
           "ValidationError", "load", "shipped_path"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
