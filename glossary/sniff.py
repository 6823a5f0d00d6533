"""Telling a file's format by its extension, then by its first bytes: one helper for both
registries (bilingual formats in `formats`, glossary formats in `termfiles`)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

from .errors import InputError

HEAD_BYTES = 64 * 1024


class Registered(Protocol):
    """What a registry holds: a format module with its extensions."""

    NAME: str
    EXTENSIONS: tuple[str, ...]


def by_extension(path: str | Path, formats: Mapping[str, Registered],
                 exclude: Iterable[str] = ()) -> str | None:
    """The name of the first format whose extensions include the file's, else None.

    `exclude` names formats whose extension alone does not decide (e.g. `.txt`).
    """
    suffix = Path(path).suffix.lower()
    skipped = set(exclude)
    return next((name for name, module in formats.items()
                 if name not in skipped and suffix in module.EXTENSIONS), None)


def head(path: str | Path, size: int = HEAD_BYTES) -> str:
    """The file's first `size` bytes as text good enough to sniff markup and keywords:
    UTF-16 by its byte-order mark, else UTF-8 with undecodable bytes replaced."""
    try:
        with open(path, "rb") as f:
            data = f.read(size)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")
