"""Where the shipped glossary is, and whether a path is its installed copy. A module of its
own so that finding it imports no format reader (lookup's start-up reads a cached glossary)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SHIPPED_READ_ONLY = ("the shipped glossary is read-only (a package upgrade would discard "
                     "changes to it); start your own, e.g. `glossary export -o my.tsv`, and "
                     "name it with --glossary my.tsv or $GLOSSARY_FILE")


def shipped_path() -> Path:
    """The glossary that comes with the package (terms.tsv), in a checkout or installed."""
    return Path(str(resources.files("glossary") / "data" / "terms.tsv"))


def is_installed_copy(path: str | Path) -> bool:
    """Whether `path` is the shipped glossary inside an installed package (not a source
    checkout, where maintainers edit it): writing there is lost at the next upgrade."""
    shipped = shipped_path()
    try:
        same = Path(path).resolve() == shipped.resolve()
    except OSError:
        return False
    return same and not (shipped.parent.parent.parent / "pyproject.toml").is_file()
