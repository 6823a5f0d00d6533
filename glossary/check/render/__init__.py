"""Report renderers, one small module each; every one is `render(report, **options) -> str`
(bytes for the binary formats, BINARY)."""
from __future__ import annotations

from collections.abc import Callable

from . import csv, html, json, text, xlsx

RENDERERS: dict[str, Callable[..., str | bytes]] = {
    "text": text.render, "json": json.render, "csv": csv.render, "html": html.render,
    "xlsx": xlsx.render}
BINARY = frozenset({"xlsx"})

__all__ = ["BINARY", "RENDERERS"]
