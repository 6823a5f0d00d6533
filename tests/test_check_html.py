"""The HTML report in a real browser: the system Chromium driven by Playwright (pointed at
the Debian binary with executable_path; no browser is downloaded). Filters are clicked and
what is visible is asserted. Skips, saying why, where Chromium or playwright is absent."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from glossary.check import Finding, check
from glossary.check.render import RENDERERS
from glossary.model import Term
from glossary.segment import Segment

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)), None)
try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright
except ImportError:  # the test extra not installed
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (Debian: apt-get install "
                       "chromium; .ci/run installs it)"),
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed "
                       "(pip install -e '.[test]')"),
]

TERMS = [
    Term("penal-battalion", "штрафной батальон", "penal battalion",
         en_forbidden=("punishment battalion",), kind="unit",
         note="Order No. 227; not a <disciplinary> unit"),
    Term("special-camp", "спецлагерь", "special camp", en_variants=("special-purpose camp",)),
]
XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>"
SEGMENTS = [
    Segment(f"{XSS} Бойцы штрафного батальона & «Смерш».",
            f"{XSS} The men of the punishment battalion & Smersh.", id="u-1"),
    Segment("Штрафной батальон.", "Penal battalion.", id="u-2"),
    Segment("Их держали в спецлагерях 3 года.", "They were held in a camp for 4 years.",
            id="u-3", context="chapter 2"),
    Segment("Штрафной батальон.", "A penal battalion unit.", id="u-4"),
    Segment("Девятаев бежал.", "Devyatayev escaped.", id="u-5"),
]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        except PlaywrightError as exc:
            pytest.skip(f"{BROWSER} does not start under playwright: {exc}")
        yield b
        b.close()


def report_html(segments=SEGMENTS, terms=TERMS, findings=None) -> str:
    report = check(segments, terms, source_lang="ru", target_lang="en")
    if findings is not None:
        report.findings = findings(report.findings)
    return RENDERERS["html"](report, title="draft <1>.tsv")


@pytest.fixture
def open_report(browser, tmp_path):
    pages = []

    def load(html: str | None = None, *, fragment: str = "", scheme: str = "light"):
        path = tmp_path / "report.html"
        path.write_text(html or report_html(), encoding="utf-8")
        page = browser.new_page(color_scheme=scheme, viewport={"width": 1100, "height": 800})
        page.requests, page.errors = [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(path.as_uri() + fragment)
        pages.append(page)
        return page

    yield load
    for page in pages:
        page.close()


def shown(page) -> list[tuple[str, str]]:
    """(segment anchor, rule) of every visible finding, in page order."""
    return [tuple(x) for x in page.eval_on_selector_all(
        "li.finding", "els => els.filter(e => e.checkVisibility())"
        ".map(e => [e.closest('section').id, e.dataset.rule])")]


def visible_sections(page) -> list[str]:
    return page.eval_on_selector_all("section", "els => els.filter(e => e.checkVisibility())"
                                     ".map(e => e.id)")


EVERY = [("seg-1", "forbidden-term"), ("seg-2", "inconsistent-translation"),
         ("seg-3", "missing-term"), ("seg-3", "number-mismatch"),
         ("seg-4", "inconsistent-translation")]


def test_everything_escaped_nothing_fetched_no_script_errors(open_report):
    page = open_report()
    assert page.evaluate("window.__xss") is None
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1
    assert page.title() == "Terminology check: draft <1>.tsv"
    assert XSS in page.locator("#seg-1 .pair").inner_text()
    assert page.requests == [page.url] and page.errors == []
    assert shown(page) == EVERY
    assert page.locator("#shown").inner_text() == (
        "5 of 5 findings shown (3 errors, 2 warnings) in 4 segments")


def test_rule_severity_and_term_filters_update_the_list_and_the_counts(open_report):
    page = open_report()
    page.select_option("#f-rule", "inconsistent-translation")
    assert shown(page) == [("seg-2", "inconsistent-translation"),
                           ("seg-4", "inconsistent-translation")]
    assert visible_sections(page) == ["seg-2", "seg-4"]
    assert page.locator("#shown").inner_text() == (
        "2 of 5 findings shown (0 errors, 2 warnings) in 2 segments")
    assert page.locator('td[data-shown="missing-term"]').inner_text() == "0"
    assert page.locator('td[data-shown="inconsistent-translation"]').inner_text() == "2"
    page.select_option("#f-rule", "")
    page.select_option("#f-severity", "error")
    assert [r for _, r in shown(page)] == ["forbidden-term", "missing-term", "number-mismatch"]
    page.select_option("#f-term", "special-camp")
    assert shown(page) == [("seg-3", "missing-term")]
    # the number-mismatch finding's marks in the same segment are dimmed, not removed
    assert page.locator("#seg-3 mark.dim").count() == 2
    page.click("#f-reset")
    assert shown(page) == EVERY


def test_search_matches_segment_text_and_messages(open_report):
    page = open_report()
    page.fill("#f-search", "DEVYATAYEV")
    assert shown(page) == [] and visible_sections(page) == []
    page.check("#f-clean")
    assert visible_sections(page) == ["seg-5"]  # a clean segment matches the search
    page.fill("#f-search", "4 years")
    assert shown(page) == [("seg-3", "missing-term"), ("seg-3", "number-mismatch")]
    page.fill("#f-search", "forbidden rendering")
    assert shown(page) == [("seg-1", "forbidden-term")]


def test_clean_segments_toggle_and_anchors(open_report):
    page = open_report()
    assert "seg-5" not in visible_sections(page)
    page.check("#f-clean")
    assert visible_sections(page) == ["seg-1", "seg-2", "seg-3", "seg-4", "seg-5"]
    page.uncheck("#f-clean")
    assert "seg-5" not in visible_sections(page)
    linked = open_report(fragment="#seg-5")  # a link to a clean segment shows it
    assert linked.locator("#seg-5").is_visible() and linked.is_checked("#f-clean")
    assert linked.locator("#seg-3 .where").inner_text().startswith(
        "Segment 3 · unit u-3 · context chapter 2")


def test_summary_rows_link_to_their_findings(open_report):
    page = open_report()
    page.click('table.summary a[data-rule="number-mismatch"]')
    assert page.input_value("#f-rule") == "number-mismatch"
    assert shown(page) == [("seg-3", "number-mismatch")]
    assert page.locator("li.finding.current").get_attribute("data-rule") == "number-mismatch"
    assert page.locator('table.summary a[data-rule="untranslated"]').count() == 0


def test_keyboard_moves_between_visible_findings(open_report):
    page = open_report()
    current = lambda: page.locator("li.finding.current").evaluate(  # noqa: E731
        "e => [e.closest('section').id, e.dataset.rule]")
    page.keyboard.press("j")
    assert current() == ["seg-1", "forbidden-term"]
    page.keyboard.press("j")
    page.keyboard.press("n")
    assert current() == ["seg-3", "missing-term"]
    page.keyboard.press("k")
    assert current() == ["seg-2", "inconsistent-translation"]
    page.select_option("#f-severity", "error")
    page.locator("body").focus()
    page.keyboard.press("j")
    assert current() == ["seg-3", "missing-term"]  # skips the hidden warning
    assert page.locator("#position").inner_text() == "2 / 3"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-search"


def test_rule_colours_differ_and_the_legend_shows_them(open_report):
    page = open_report()
    colour = "e => getComputedStyle(e).backgroundColor"
    forbidden = page.locator("#seg-1 mark").first.evaluate(colour)
    missing = page.locator('#seg-3 mark[title="missing-term"]').first.evaluate(colour)
    numbers = page.locator('#seg-3 mark[title="number-mismatch"]').first.evaluate(colour)
    assert len({forbidden, missing, numbers}) == 3
    legend = page.locator('table.summary tr:has(a[data-rule="missing-term"]) .swatch')
    assert legend.evaluate(colour) == missing


def test_glossary_entry_and_related_segments(open_report):
    page = open_report()
    entry = page.locator("#seg-1 .entry").inner_text()
    assert entry == ("glossary penal-battalion: штрафной батальон → penal battalion; "
                     "not punishment battalion; note: Order No. 227; not a <disciplinary> unit")
    assert "also special-purpose camp" in page.locator("#seg-3 .entry").inner_text()
    page.click("#seg-2 .related a")
    assert page.url.endswith("#seg-4")


def test_a_link_to_a_segment_the_filters_hide_clears_them(open_report):
    page = open_report()
    page.select_option("#f-severity", "error")
    assert "seg-4" not in visible_sections(page)
    page.evaluate("location.hash = '#seg-4'")
    page.wait_for_function("!document.getElementById('seg-4').hidden")
    assert page.input_value("#f-severity") == "" and shown(page) == EVERY


def test_dark_mode_and_print(open_report):
    light = open_report()
    dark = open_report(scheme="dark")
    background = "() => getComputedStyle(document.body).backgroundColor"
    assert light.evaluate(background) == "rgb(255, 255, 255)"
    assert dark.evaluate(background) == "rgb(23, 23, 26)"
    assert dark.locator("#seg-1 mark").first.evaluate(
        "e => getComputedStyle(e).backgroundColor") != light.locator("#seg-1 mark").first.evaluate(
        "e => getComputedStyle(e).backgroundColor")
    dark.emulate_media(media="print")  # paper is light whatever the screen's scheme
    assert not dark.locator(".toolbar").is_visible()
    assert dark.evaluate(background) == "rgb(255, 255, 255)"
    mark = "e => getComputedStyle(e).backgroundColor"
    assert dark.locator("#seg-1 mark").first.evaluate(mark) == light.locator(
        "#seg-1 mark").first.evaluate(mark)


def test_without_javascript_every_finding_is_listed(browser, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(report_html(), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri())
    assert not page.locator(".toolbar").is_visible()
    assert shown(page) == EVERY
    context.close()


@pytest.mark.skipif("confidence" not in {f.name for f in dataclasses.fields(Finding)},
                    reason="findings carry no confidence yet")
def test_confidence_filter(open_report):
    def graded(findings):
        return [dataclasses.replace(f, confidence="low" if f.rule == "number-mismatch"
                                    else "high") for f in findings]

    page = open_report(report_html(findings=graded))
    page.select_option("#f-confidence", "low")
    assert shown(page) == [("seg-3", "number-mismatch")]


def test_no_findings_page(open_report):
    page = open_report(report_html(segments=[Segment("Штрафной батальон.", "Penal battalion.")]))
    assert page.locator("p.ok").inner_text() == "No findings."
    assert page.locator("#shown").inner_text() == (
        "0 of 0 findings shown (0 errors, 0 warnings) in 0 segments")
    page.check("#f-clean")
    assert visible_sections(page) == ["seg-1"]
