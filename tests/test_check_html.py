"""The HTML report renders in a real browser (headless Chromium), text escaped, spans marked."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from glossary.check import check
from glossary.check.render import RENDERERS
from glossary.model import Term
from glossary.segment import Segment

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium installed "
                                   "(Debian: apt-get install chromium)")

TERMS = [Term("penal-battalion", "штрафной батальон", "penal battalion",
              en_forbidden=("punishment battalion",))]
SEGMENTS = [
    Segment("<script>alert('ru')</script> Бойцы штрафного батальона & «Смерш».",
            "<img src=x onerror=alert(1)> The men of the punishment battalion & Smersh."),
    Segment("Штрафной батальон.", "Penal battalion."),
]


def browser(tmp_path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120)


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "report.html"
    # The tags differ on purpose (this is about escaping); placeholder-mismatch would mark
    # them and split the strings the test looks for.
    report = check(SEGMENTS, TERMS, skip=("placeholder-mismatch",))
    path.write_text(RENDERERS["html"](report, title="draft.tsv"), encoding="utf-8")
    return path


@needs_browser
def test_report_renders_with_marked_spans_and_no_live_markup(tmp_path, page):
    result = browser(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "<h1>Terminology check: draft.tsv</h1>" in dom
    assert "<mark>punishment battalion</mark>" in dom
    assert "<mark>штрафного батальона</mark>" in dom
    # the draft's markup arrived as text, not as elements
    assert "&lt;script&gt;alert('ru')&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=alert(" in dom
    assert "<img" not in dom and "<script" not in dom
    assert dom.count("<section") == 2  # the segment with findings, the clean one


@needs_browser
def test_report_screenshot(tmp_path, page):
    shot = tmp_path / "shot.png"
    browser(tmp_path, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
