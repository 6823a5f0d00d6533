"""Report renderers, one small module each; every one is `render(report, **options) -> str`."""
from __future__ import annotations

from . import csv, html, json, text

RENDERERS = {"text": text.render, "json": json.render, "csv": csv.render, "html": html.render}

__all__ = ["RENDERERS"]
