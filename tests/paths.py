"""Where test data lives: this project's own, and the shared folders beside the checkout."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent
# Beside the checkout; a git worktree (…/wt/NAME) looks one level further up too.
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
              ROOT.parent / "shared")
SOURCES = SHARED / "sources"
DATA = SHARED / "data"

needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason=f"{SOURCES} is absent "
                                   "(it sits beside the checkout in CI)")
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is absent")
