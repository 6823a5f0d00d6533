"""Translation memory: a SQLite store of translation units, fuzzy search that understands
Russian inflection, concordance, import/export through glossary.formats, PO pre-translation.

    >>> from tm import TranslationMemory
    >>> # with TranslationMemory("project.sqlite") as memory:
    >>> #     memory.search("Войскам НКВД приказано отступить")

The command line (`glossary tm …`) is in cli/tm.py; nothing in this package prints.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .fuzzy import differences, score
from .model import ConcordanceHit, Difference, FuzzyMatch, ImportReport, Stats, Unit
from .pretranslate import PretranslateReport, pretranslate, pretranslate_file
from .store import SCHEMA_VERSION, TranslationMemory

if TYPE_CHECKING:
    from .io import export_file, export_text, import_file

APP_NAME = "ruen-glossary"

# Imported when first asked for: reading and writing files (a hundredth of a second of
# imports), which a search, the commonest call, does not do. (`pretranslate` cannot wait:
# its module has its name, which would shadow it once imported.)
_FILES = ("export_file", "export_text", "import_file")


def __getattr__(name: str) -> Any:
    if name in _FILES:
        return getattr(import_module(".io", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_path() -> Path:
    """The per-user TM file: platformdirs' user data directory, then tm.sqlite."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "tm.sqlite"


__all__ = ["SCHEMA_VERSION", "ConcordanceHit", "Difference", "FuzzyMatch", "ImportReport",
           "PretranslateReport", "Stats", "TranslationMemory", "Unit", "default_path",
           "differences", "export_file", "export_text", "import_file", "pretranslate",
           "pretranslate_file", "score"]
