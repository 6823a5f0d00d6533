"""Report renderers, one small module each; every one is `render(report, **options) -> str`."""
from __future__ import annotations

from collections.abc import Callable

from . import csv, html, json, text

RENDERERS: dict[str, Callable[..., str]] = {"text": text.render, "json": json.render, "csv": csv.render, "html": html.render}

__all__ = ["RENDERERS"]
