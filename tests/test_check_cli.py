"""`glossary check` from the command line: inputs, formats, exit codes, ignore files, bad input."""
from __future__ import annotations

import codecs
import csv
import io
import json
import time

import pytest

from cli import main

GLOSSARY = """\
id\tru\ten\tru_variants\ten_variants\ten_forbidden\tru_forbidden\tkind\tnote\tsource
partisan-detachment\tпартизанский отряд\tpartisan detachment\t\tpartisan unit\tguerrilla band\t\tunit\t\t
special-camp\tспецлагерь\tspecial camp\tспециальный лагерь\t\t\t\tterm\t\t
special-settler\tспецпоселенец\tspecial settler\t\t\t\t\tterm\t\t
special-settlement\tспецпоселение\tspecial settlement\t\t\t\t\tterm\t\t
penal-battalion\tштрафной батальон\tpenal battalion\tштрафбат\t\tpunishment battalion\tштрафной отряд\tunit\t\t
nkvd\tНКВД\tNKVD\t\t\t\t\tabbreviation\t\t
devyatayev\tДевятаев\tDevyatayev\t\t\t\t\tname\t\t
"""

DRAFT = """\
source\ttarget
Бойцы партизанского отряда <b>и</b> спецпоселенцы.\tThe fighters of the guerrilla band <b>and</b> special settlements.
Девятаев бежал в 1945 г.\tDevyatayev escaped in 1945.
В спецлагерях НКВД.\tIn NKVD special camps.
"""

PO = r'''# Translator comment
msgid ""
msgstr ""
"Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "He served in a penal battalion."
msgstr "Он служил в штрафном батальоне."

#, fuzzy
msgid "The special camp was closed."
msgstr "Лагерь закрыли."

msgid "The special settlers arrived."
msgstr ""

msgctxt "menu"
msgid "He led a partisan detachment."
msgstr "Он командовал отрядом."

msgid "%d special camp"
msgid_plural "%d special camps"
msgstr[0] "%d спецлагерь"
msgstr[1] "%d спецлагеря"
msgstr[2] "%d лагерей"

#~ msgid "Obsolete special camp"
#~ msgstr "Старый лагерь"
'''

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header srclang="ru" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body>
<tu><tuv xml:lang="ru"><seg>Спецлагерь закрыли.</seg></tuv><tuv xml:lang="en"><seg>The camp was closed.</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Штрафной батальон.</seg></tuv><tuv xml:lang="en"><seg>Penal battalion.</seg></tuv></tu>
</body>
</tmx>
"""

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="ru" datatype="plaintext" original="x">
<body>
<trans-unit id="1"><source>He fought in a penal battalion.</source><target>Он воевал в штрафном отряде.</target></trans-unit>
</body>
</file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru">
<file id="f1">
<unit id="u1"><segment><source>They were held in special camps.</source><target>Их держали в спецлагерях.</target></segment></unit>
<unit id="u2"><segment><source>The special settlers arrived.</source><target>Спецпоселения прибыли.</target></segment></unit>
</file>
</xliff>
"""


@pytest.fixture
def gloss(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.tsv"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def run(runner, gloss, *args):
    return runner.invoke(main, ["check", "--glossary", str(gloss), *map(str, args)])


def as_json(result) -> dict:
    return json.loads(result.stdout)


# --- output formats ---------------------------------------------------------------------------

def test_text_report_groups_by_segment_and_marks_spans(runner, gloss, draft):
    result = run(runner, gloss, draft)
    assert result.exit_code == 1
    assert result.stdout == (
        "segment 1, line 2\n"
        "  source: Бойцы [[партизанского отряда]] <b>и</b> [[спецпоселенцы]].\n"
        "  target: The fighters of the [[guerrilla band]] <b>and</b> special settlements.\n"
        "  error   missing-term      «спецпоселенцы» (special-settler) has no approved "
        "rendering in the target (expected «special settler»)\n"
        "                            → special settlers\n"
        "  error   forbidden-term    «guerrilla band» is a forbidden rendering of "
        "partisan-detachment (партизанский отряд); use «partisan detachment»\n"
        "                            → partisan detachment\n"
        "\n"
        "2 errors, 0 warnings in 1 of 3 segments (ru→en).\n")
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_text_report_in_colour_marks_spans_with_colour_only():
    from glossary.check import check
    from glossary.check.render import RENDERERS
    from glossary.model import Term
    from glossary.segment import Segment

    report = check([Segment("Спецлагерь.", "Camp.")], [Term("sc", "спецлагерь", "special camp")])
    text = RENDERERS["text"](report, color=True)
    assert "\x1b[" in text and "[[" not in text
    assert "\x1b[35m\x1b[1m\x1b[4mСпецлагерь\x1b[0m" in text


def test_json_report(runner, gloss, draft):
    result = run(runner, gloss, draft, "--format", "json")
    assert result.exit_code == 1
    data = as_json(result)
    assert data["schema_version"] == 2 and data["file"] == str(draft)
    first = data["findings"][0]
    assert {"segment", "line", "rule", "severity", "term", "message", "source_span",
            "target_span", "suggestion", "plural", "hash", "confidence", "reason",
            "related_segments", "file", "unit_id", "context", "source", "target",
            "entry"} <= set(first)
    assert first["file"] == str(draft) and first["unit_id"] is None
    assert first["source"] == DRAFT.splitlines()[1].split("\t")[0]
    assert first["target"] == DRAFT.splitlines()[1].split("\t")[1]
    assert first["entry"] == {"id": "special-settler", "source": "спецпоселенец",
                              "preferred": "special settler", "admitted": [], "forbidden": [],
                              "note": "", "glossary": str(gloss)}
    second = data["findings"][1]
    assert (second["entry"]["preferred"], second["entry"]["admitted"],
            second["entry"]["forbidden"]) == ("partisan detachment", ["partisan unit"],
                                              ["guerrilla band"])
    assert (first["confidence"], first["reason"]) == (
        "high", "«спецпоселенец» is a specialised word (Zipf frequency 2.1)")
    assert [(f["segment"], f["line"], f["rule"], f["term"]) for f in data["findings"]] == [
        (1, 2, "missing-term", "special-settler"), (1, 2, "forbidden-term", "partisan-detachment")]
    source = DRAFT.splitlines()[1].split("\t")[0]
    assert source[slice(*first["source_span"])] == "спецпоселенцы"
    assert first["target_span"] is None
    assert data["summary"] == {
        "segments": 3, "segments_with_findings": 1, "findings": 2, "errors": 2, "warnings": 0,
        "ignored": 0, "source_lang": "ru", "target_lang": "en",
        "min_confidence": "medium", "below_min_confidence": 0,
        "by_rule": {"missing-term": 1, "part-of-speech": 0, "forbidden-term": 1,
                    "inconsistent-term": 0, "number-mismatch": 0, "placeholder-mismatch": 0,
                    "untranslated": 0, "mixed-script": 0, "name-spelling": 0,
                    "inconsistent-translation": 0, "inconsistent-source": 0}}


def test_csv_report(runner, gloss, draft):
    result = run(runner, gloss, draft, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["segment"], r["rule"], r["source_span"], r["target_span"]) for r in rows] == [
        ("1", "missing-term", "36:49", ""), ("1", "forbidden-term", "6:26", "20:34")]
    assert rows[0]["source"].startswith("Бойцы партизанского отряда")
    assert rows[1]["suggestion"] == "partisan detachment"
    assert list(rows[0])[:4] == ["file", "line", "unit_id", "segment"]
    assert (rows[0]["file"], rows[0]["line"], rows[0]["term"]) == (str(draft), "2",
                                                                   "special-settler")


def test_csv_cells_cannot_run_as_formulas(runner, gloss, tmp_path):
    path = tmp_path / "d.tsv"
    path.write_text("=спецлагерь\t=camp\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run(runner, gloss, path, "--format", "csv").stdout)))
    assert rows[0]["source"] == "'=спецлагерь" and rows[0]["target"] == "'=camp"


def test_html_report_is_self_contained_and_escaped(runner, gloss, draft, tmp_path):
    out = tmp_path / "report.html"
    result = run(runner, gloss, draft, "--format", "html", "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;и&lt;/b&gt;" in html and "<b>и</b>" not in html
    assert '<mark class="c2" data-f="2" title="forbidden-term">guerrilla band</mark>' in html
    # one inline script (the filters), nothing fetched: no address anywhere in the page
    assert html.count("<script") == 1 and "<script src" not in html
    assert "http://" not in html and "https://" not in html
    assert html.count('<section class="seg clean" id="seg-') == 2


def test_exit_zero_without_errors(runner, gloss, tmp_path):
    path = tmp_path / "ok.tsv"
    path.write_text("В спецлагерях НКВД.\tIn NKVD special camps.\n", encoding="utf-8")
    result = run(runner, gloss, path)
    assert (result.exit_code, result.stdout) == (0, "No findings in 1 segment (ru→en).\n")


def test_warnings_alone_exit_zero(runner, gloss, tmp_path):
    path = tmp_path / "w.tsv"
    path.write_text("Он служил в армии.\tHe served in the \u0430rmy.\n", encoding="utf-8")
    result = run(runner, gloss, path, "--format", "json")
    assert result.exit_code == 0
    assert [f["rule"] for f in as_json(result)["findings"]] == ["mixed-script"]


# --- rule selection ---------------------------------------------------------------------------

def test_rule_and_skip_rule(runner, gloss, draft):
    only = as_json(run(runner, gloss, draft, "--format", "json", "--rule", "forbidden-term"))
    assert [f["rule"] for f in only["findings"]] == ["forbidden-term"]
    assert list(only["summary"]["by_rule"]) == ["forbidden-term"]
    skipped = as_json(run(runner, gloss, draft, "--format", "json", "--skip-rule", "forbidden-term"))
    assert [f["rule"] for f in skipped["findings"]] == ["missing-term"]


def test_unknown_rule_is_a_usage_error(runner, gloss, draft):
    result = run(runner, gloss, draft, "--rule", "nope")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: unknown rule 'nope'; rules: missing-term, "
                                  "part-of-speech, forbidden-term, inconsistent-term, "
                                  "number-mismatch, placeholder-mismatch, untranslated, "
                                  "mixed-script, name-spelling, inconsistent-translation, "
                                  "inconsistent-source\n")


def test_list_rules(runner):
    result = runner.invoke(main, ["check", "--list-rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [
        "missing-term", "part-of-speech", "forbidden-term", "inconsistent-term",
        "number-mismatch", "placeholder-mismatch", "untranslated", "mixed-script",
        "name-spelling", "inconsistent-translation", "inconsistent-source"]
    assert lines[0].split()[1] == "error" and lines[3].split()[1] == "warning"


def test_help_ends_with_an_example(runner):
    result = runner.invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "Example: glossary check draft.po --format html -o report.html" in result.stdout
    assert "--format xlsx -o review.xlsx writes one finding a row" in result.stdout


# --- ignore files -----------------------------------------------------------------------------

def test_write_ignore_then_ignore_silences_reviewed_findings(runner, gloss, draft, tmp_path):
    accepted = tmp_path / "accepted.tsv"
    first = run(runner, gloss, draft, "--write-ignore", accepted)
    assert first.exit_code == 1
    assert first.stderr == f"Wrote 2 accepted findings to {accepted}.\n"
    lines = accepted.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and lines[1] == "# hash\trule\tterm\tnote"
    digest, rule, term, note = lines[2].split("\t")
    assert (len(digest), rule, term) == (16, "missing-term", "special-settler")
    assert note.startswith("segment 1: «спецпоселенцы»")

    again = run(runner, gloss, draft, "--ignore", accepted)
    assert (again.exit_code, again.stdout) == (0, "No findings in 3 segments (ru→en, 2 ignored).\n")

    # the segment moves: still silent; its target changes: the finding is back
    moved = tmp_path / "moved.tsv"
    rows = DRAFT.splitlines()
    moved.write_text("\n".join([rows[0], rows[3], rows[2], rows[1]]) + "\n", encoding="utf-8")
    assert run(runner, gloss, moved, "--ignore", accepted).exit_code == 0
    changed = tmp_path / "changed.tsv"
    changed.write_text(DRAFT.replace("guerrilla band", "guerrilla bands"), encoding="utf-8")
    result = run(runner, gloss, changed, "--ignore", accepted, "--format", "json")
    assert result.exit_code == 1
    assert len(as_json(result)["findings"]) == 2


def test_write_ignore_keeps_what_was_ignored(runner, gloss, draft, tmp_path):
    accepted = tmp_path / "accepted.tsv"
    run(runner, gloss, draft, "--write-ignore", accepted, "--rule", "missing-term")
    run(runner, gloss, draft, "--ignore", accepted, "--write-ignore", accepted)
    rules = [line.split("\t")[1] for line in accepted.read_text().splitlines()[2:]]
    assert rules == ["missing-term", "forbidden-term"]


@pytest.mark.parametrize("content, message", [
    ("0123456789abcdef\tmissing-term\n", "expected hash⇥rule⇥term[⇥note]"),
    ("xyz\tmissing-term\t-\n", "'xyz' is not a segment hash (16 hex digits)"),
    ("0123456789abcdef\tno-such-rule\t-\n", "unknown rule 'no-such-rule'"),
])
def test_malformed_ignore_file(runner, gloss, draft, tmp_path, content, message):
    path = tmp_path / "ign.tsv"
    path.write_text("# comment\n" + content, encoding="utf-8")
    result = run(runner, gloss, draft, "--ignore", path)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {path}:2: {message}\n"


# --- inputs -----------------------------------------------------------------------------------

def test_po_lines_fuzzy_untranslated_context_and_plurals(runner, gloss, tmp_path):
    path = tmp_path / "draft.po"
    path.write_text(PO, encoding="utf-8")
    result = run(runner, gloss, path, "--format", "json")
    assert result.exit_code == 1
    got = [(f["segment"], f["line"], f["rule"], f["term"], f["plural"])
           for f in as_json(result)["findings"]]
    assert got == [(2, 15, "untranslated", None, 0),
                   (3, 18, "missing-term", "partisan-detachment", 0),
                   (4, 22, "missing-term", "special-camp", 2)]
    third = as_json(result)["findings"][2]
    assert third["context"] is None and as_json(result)["findings"][1]["context"] == "menu"
    # a plural form's finding carries that form's pair
    assert (third["source"], third["target"]) == ("%d special camps", "%d лагерей")
    assert result.stderr == ("Skipped 1 unit: fuzzy (needs review); not read unless fuzzy "
                             "entries are included (line 11).\n"
                             "Skipped 1 unit: obsolete entry (line 28).\n")
    fuzzy = run(runner, gloss, path, "--format", "json", "--include-fuzzy")
    assert [(f["segment"], f["line"], f["rule"]) for f in as_json(fuzzy)["findings"]][0] == (
        2, 11, "missing-term")


def test_po_plural_entry_partly_translated_is_checked_form_by_form(runner, gloss, tmp_path):
    """msgstr[0] and [1] given, [2] not: the empty form is untranslated, the others are
    checked as they are (they were reported empty, and never checked)."""
    path = tmp_path / "draft.po"
    path.write_text(PO.split("#~")[0].replace('msgstr[2] "%d лагерей"', 'msgstr[2] ""')
                    .replace('msgstr[1] "%d спецлагеря"', 'msgstr[1] "%d 7 лагеря"'),
                    encoding="utf-8")
    found = as_json(run(runner, gloss, path, "--format", "json"))["findings"]
    assert [(f["line"], f["rule"], f["plural"], f["target"]) for f in found
            if f["line"] == 22] == [
        (22, "missing-term", 1, "%d 7 лагеря"), (22, "number-mismatch", 1, "%d 7 лагеря"),
        (22, "untranslated", 2, "")]


def test_tmx_languages_from_the_file(runner, gloss, tmp_path):
    path = tmp_path / "draft.tmx"
    path.write_text(TMX, encoding="utf-8")
    data = as_json(run(runner, gloss, path, "--format", "json"))
    assert [(f["segment"], f["line"], f["term"]) for f in data["findings"]] == [
        (1, 5, "special-camp")]
    assert (data["summary"]["source_lang"], data["summary"]["target_lang"]) == ("ru", "en")


def test_po_plural_forms_missing_from_the_entry_are_untranslated(runner, gloss, tmp_path):
    """nplurals=3 but msgstr[0] and msgstr[2] only (a catalogue merged from a 2-form
    language): msgstr[1] is missing, not msgstr[2] moved into its place."""
    path = tmp_path / "draft.po"
    path.write_text(PO.split("#~")[0].replace('msgstr[1] "%d спецлагеря"\n', ""),
                    encoding="utf-8")
    found = as_json(run(runner, gloss, path, "--format", "json"))["findings"]
    assert [(f["line"], f["rule"], f["plural"], f["target"]) for f in found
            if f["line"] == 22] == [(22, "untranslated", 1, ""),
                                    (22, "missing-term", 2, "%d лагерей")]


def test_tmx_unit_without_russian_english_is_skipped_not_checked(runner, gloss, tmp_path):
    """A multilingual TMX's <tu> holding Russian and French only is no Russian–English
    segment: the French was checked as English (never a finding) and counted checked."""
    path = tmp_path / "draft.tmx"
    path.write_text(TMX.replace("</body>", '<tu><tuv xml:lang="ru"><seg>Спецлагерь 5.</seg>'
                                '</tuv><tuv xml:lang="fr-FR"><seg>Le camp 6.</seg></tuv></tu>\n'
                                "</body>"), encoding="utf-8")
    result = run(runner, gloss, path, "--format", "json")
    assert as_json(result)["summary"]["segments"] == 2
    assert result.stderr == "Skipped 1 unit: ru→fr-FR, not a Russian–English pair (line 7).\n"


@pytest.mark.parametrize("text, expected", [
    (XLIFF12, [(1, "1", "forbidden-term", "penal-battalion")]),
    (XLIFF20, [(2, "u2", "missing-term", "special-settler")]),
])
def test_xliff_12_and_20(runner, gloss, tmp_path, text, expected):
    """The unit's id in the file travels into the report (JSON unit_id)."""
    path = tmp_path / "draft.xlf"
    path.write_text(text, encoding="utf-8")
    data = as_json(run(runner, gloss, path, "--format", "json"))
    assert [(f["segment"], f["unit_id"], f["rule"], f["term"])
            for f in data["findings"]] == expected
    assert data["summary"]["source_lang"] == "en"


def test_plain_text_pair(runner, gloss, tmp_path):
    src, tgt = tmp_path / "ru.txt", tmp_path / "en.txt"
    src.write_text("Спецлагерь закрыли.\n\nШтрафной батальон.\n", encoding="utf-8")
    tgt.write_text("The camp was closed.\nPenal battalion.\n", encoding="utf-8")
    data = as_json(run(runner, gloss, "--source", src, "--target", tgt, "--format", "json"))
    assert [(f["segment"], f["line"], f["term"]) for f in data["findings"]] == [
        (1, 1, "special-camp")]


def test_plain_text_pair_with_unequal_counts(runner, gloss, tmp_path):
    src, tgt = tmp_path / "ru.txt", tmp_path / "en.txt"
    src.write_text("один\nдва\n", encoding="utf-8")
    tgt.write_text("one\n", encoding="utf-8")
    result = run(runner, gloss, "--source", src, "--target", tgt)
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {src}: ru.txt has 2 lines (2 non-empty) but en.txt has "
                             "1 (1 non-empty); they must align line by line\n")


def test_plain_text_pair_with_a_target_line_left_empty(runner, gloss, tmp_path):
    src, tgt = tmp_path / "ru.txt", tmp_path / "en.txt"
    src.write_text("Спецлагерь закрыли.\nШтрафной батальон.\nНКВД.\n", encoding="utf-8")
    tgt.write_text("The special camp was closed.\n\nNKVD.\n", encoding="utf-8")
    result = run(runner, gloss, "--source", src, "--target", tgt, "--format", "json")
    assert result.exit_code == 1
    assert [(f["line"], f["rule"]) for f in as_json(result)["findings"]] == [
        (2, "untranslated")]


@pytest.mark.parametrize("args, message", [
    ([], "give a DRAFT file, or both --source and --target"),
    (["x.tsv", "--source", "a.txt", "--target", "b.txt"],
     "give either DRAFT or --source and --target, not both"),
    (["--source", "a.txt"], "give a DRAFT file, or both --source and --target"),
])
def test_usage_errors(runner, gloss, args, message):
    result = run(runner, gloss, *args)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: {message}\n")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("cp1251"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
], ids=["cp1251", "utf8-bom", "crlf"])
def test_encodings(runner, gloss, tmp_path, encode):
    path = tmp_path / "d.tsv"
    path.write_bytes(encode("source\ttarget\nСпецлагерь закрыли.\tThe camp was closed.\n"))
    data = as_json(run(runner, gloss, path, "--format", "json"))
    assert [(f["segment"], f["line"], f["term"], f["source_span"]) for f in data["findings"]] == [
        (1, 2, "special-camp", [0, 10])]


def test_direction_detected_and_overridden(runner, gloss, tmp_path):
    path = tmp_path / "d.tsv"
    path.write_text("special camps\tспецлагеря\n", encoding="utf-8")
    assert as_json(run(runner, gloss, path, "--format", "json"))["summary"]["source_lang"] == "en"
    forced = as_json(run(runner, gloss, path, "--format", "json", "--from", "ru", "--to", "en"))
    assert forced["summary"]["source_lang"] == "ru"


def test_a_headerless_catalogue_whose_translations_keep_code_names_is_en_ru(runner, gloss,
                                                                             tmp_path):
    """A Sphinx catalogue with no header: «Модуль decimal» has more Latin letters than
    Cyrillic, but the words it shares with its source say nothing of its language."""
    path = tmp_path / "decimal.po"
    path.write_text('msgid "Module decimal"\nmsgstr "Модуль decimal"\n\n'
                    'msgid "The decimal module has functions for exact numbers."\nmsgstr ""\n',
                    encoding="utf-8")
    summary = as_json(run(runner, gloss, path, "--format", "json"))["summary"]
    assert (summary["source_lang"], summary["target_lang"]) == ("en", "ru")


def test_a_catalogue_whose_only_translations_copy_code_names_no_language(runner, gloss,
                                                                          tmp_path):
    path = tmp_path / "code.po"
    code = 'for page in pages do print(\\"New page\\") end'
    path.write_text(f'msgid "{code}"\nmsgstr "{code}"\n\n'
                    'msgid "Configure the instance first."\nmsgstr ""\n', encoding="utf-8")
    result = run(runner, gloss, path)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == (f"Error: {path}: both sides read as English, not a Russian–English "
                             "pair (do the translations only copy their source?); give "
                             "--from/--to\n")
    assert run(runner, gloss, path, "--from", "en", "--to", "ru").exit_code == 1


# --- bad input: a clear error naming the file (and line), exit 2, never a traceback ----------

BAD = {
    "malformed.po": (b'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "special camp\nmsgstr "x"\n',
                     "{}:5: malformed PO: unterminated string or unescaped quote"),
    "malformed.tmx": ('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="ru"/><body>\n'
                      '<tu><tuv xml:lang="ru"><seg>лагерь</seg></tuv></tu>\n</bod></tmx>\n'
                      ).encode(),
    "malformed.xlf": (b'<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" '
                      b'target-language="ru"><body>\n<trans-unit id="1"><source>camp</source>\n',
                      "{}:4: malformed XML: Premature end of data in tag trans-unit line 3"),
    "binary.po": (bytes(range(256)) * 8, "{}: binary data (NUL bytes), not a text file"),
    "empty.po": (b"", "{}: empty file"),
    "empty.tsv": (b"", "{}: empty file"),
    "nul.tsv": ("спецлагерь\x00\tcamp\n".encode(), "{}: binary data (NUL bytes), not a text file"),
    "bomb.tmx": (b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
                 b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<tmx version="1.4"><header '
                 b'srclang="ru"/><body><tu><tuv xml:lang="ru"><seg>&b;</seg></tuv><tuv '
                 b'xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>\n',
                 "{}:2: XML with entity declarations is refused (they can exhaust memory or "
                 "read local files)"),
    "external.xlf": (b'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM '
                     b'"file:///etc/passwd">]>\n<xliff version="1.2"><file source-language="en" '
                     b'target-language="ru"><body><trans-unit id="1"><source>&xxe;</source>'
                     b'<target>x</target></trans-unit></body></file></xliff>\n',
                     "{}:2: XML with entity declarations is refused (they can exhaust memory "
                     "or read local files)"),
}
BAD["malformed.tmx"] = (BAD["malformed.tmx"],
                        "{}:4: malformed XML: Opening and ending tag mismatch: body line 2 and bod")


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input(runner, gloss, tmp_path, name):
    content, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = run(runner, gloss, path)
    assert result.exit_code == 2
    assert result.stderr == "Error: " + message.format(path) + "\n"
    assert "Traceback" not in result.output


def test_missing_file(runner, gloss, tmp_path):
    result = run(runner, gloss, tmp_path / "nope.po")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nope.po'}: No such file or directory\n"


def test_unwritable_output(runner, gloss, draft, tmp_path):
    out = tmp_path / "no" / "such" / "dir" / "report.html"
    result = run(runner, gloss, draft, "--format", "html", "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {out}: cannot write: No such file or directory\n"


def test_untranslated_unit_shows_its_source(runner, gloss, tmp_path):
    path = tmp_path / "d.tsv"
    path.write_text("Спецлагерь.\t\n", encoding="utf-8")
    result = run(runner, gloss, path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:4] == [
        "segment 1, line 1", "  source: Спецлагерь.", "  target: (empty)",
        "  error   untranslated      the target is empty"]


def test_a_3_mb_segment_is_checked_in_bounded_time(runner, gloss, tmp_path):
    source = "Бойцы партизанского отряда 1 243 человек вошли в спецлагерь. " * 50_000
    target = "The partisan unit of 1,243 fighters entered the special camp. " * 50_000
    path = tmp_path / "big.tsv"
    path.write_text(f"{source}\t{target}{'Девятаев'}\n", encoding="utf-8")
    assert path.stat().st_size > 3_000_000
    started = time.monotonic()
    result = run(runner, gloss, path, "--format", "json")
    assert time.monotonic() - started < 120
    data = as_json(result)
    assert [(f["rule"], f["term"]) for f in data["findings"]] == [("untranslated", None)]
    assert data["findings"][0]["message"] == "Cyrillic left in the target: «Девятаев»"


def test_tm_precedent_for_the_terms_with_findings(runner, gloss, tmp_path):
    units = tmp_path / "units.tsv"
    units.write_text("Их держали в спецлагерях.\tThey were held in special camps.\n"
                     "Спецлагерь закрыли.\tThe special camp was closed.\n", encoding="utf-8")
    tm = tmp_path / "tm.sqlite"
    assert runner.invoke(main, ["tm", "import", "--tm", str(tm), str(units)]).exit_code == 0
    draft = tmp_path / "d.tsv"
    draft.write_text("Спецлагеря НКВД.\tNKVD camps.\n", encoding="utf-8")
    result = run(runner, gloss, draft, "--tm", tm)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [f"In the translation memory {tm}:",
                                               "  special-camp: special camp ×2"]
    from_env = runner.invoke(main, ["check", "--glossary", str(gloss), str(draft)],
                             env={"GLOSSARY_TM": str(tm)})
    assert from_env.stderr == result.stderr  # $GLOSSARY_TM is honoured as --tm is


# --- --markup ---------------------------------------------------------------------------------

PO_MARKUP = '''msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"

#, python-format
msgid "Delete %(name)s from the penal battalion"
msgstr "Удалить %(имя)s из штрафного батальона"

msgid "See [penal battalion](penal-battalion.md)"
msgstr "См. [штрафной батальон](penal-battalion.md)"
'''


def test_markup_option(runner, gloss, tmp_path):
    draft = tmp_path / "ui.po"
    draft.write_text(PO_MARKUP, encoding="utf-8")
    found = as_json(run(runner, gloss, draft, "--format", "json"))["findings"]
    assert [(f["rule"], f["message"]) for f in found] == [
        ("placeholder-mismatch", "placeholder «%(name)s» became «%(имя)s» in the target")]
    off = as_json(run(runner, gloss, draft, "--format", "json", "--markup", "none"))["findings"]
    assert "placeholder-mismatch" not in {f["rule"] for f in off}


def test_unknown_markup_is_a_usage_error(runner, gloss, draft):
    result = run(runner, gloss, draft, "--markup", "rst,nope")
    assert result.exit_code == 2
    assert "--markup takes auto, none or a list of" in result.stderr
