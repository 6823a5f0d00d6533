"""Translation memory: a SQLite store of translation units, fuzzy search that understands
Russian inflection, concordance, import/export through glossary.formats, PO pre-translation.

    >>> from tm import TranslationMemory
    >>> # with TranslationMemory("project.sqlite") as memory:
    >>> #     memory.search("Войскам НКВД приказано отступить")

The command line (`glossary tm …`) is in cli/tm.py; nothing in this package prints.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .fuzzy import differences, score
from .model import ConcordanceHit, Difference, FuzzyMatch, ImportReport, Stats, Unit
from .store import SCHEMA_VERSION, TranslationMemory

if TYPE_CHECKING:
    from .io import export_file, export_text, import_file
    from .pretranslate import PretranslateReport, pretranslate, pretranslate_file

# Import/export bring every file format's reader, pre-translation more: loaded when first
# asked for, so that a search (a new process per call) starts without them.
_LATER = {"export_file": "io", "export_text": "io", "import_file": "io",
          "PretranslateReport": "pretranslate", "pretranslate": "pretranslate",
          "pretranslate_file": "pretranslate"}


def __getattr__(name: str) -> Any:
    if name not in _LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_LATER[name]}", __name__), name)

APP_NAME = "ruen-glossary"


def default_path() -> Path:
    """The per-user TM file: platformdirs' user data directory, then tm.sqlite."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "tm.sqlite"


__all__ = ["SCHEMA_VERSION", "ConcordanceHit", "Difference", "FuzzyMatch", "ImportReport",
           "PretranslateReport", "Stats", "TranslationMemory", "Unit", "default_path",
           "differences", "export_file", "export_text", "import_file", "pretranslate",
           "pretranslate_file", "score"]
