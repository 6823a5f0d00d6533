"""Import semantics: absent columns stay unchanged, replace only what the file has, merge keeps
everything, errors cite the imported file, --skip-invalid, --dry-run per-field diff."""
from __future__ import annotations

import json

import pytest
from paths import ROOT

from cli import main
from glossary import termfiles
from glossary.edit import import_glossary
from glossary.errors import ValidationError
from glossary.model import COLUMNS

HEADER = "\t".join(c for c in COLUMNS if c != "match") + "\n"
OURS = HEADER + (
    "penal-battalion\tштрафной батальон\tpenal battalion\tштрафбат\tpenal unit\t"
    "punishment battalion\tштрафная рота\tterm\tSoviet penal unit.\t001.txt\n"
    "nkvd\tНКВД\tNKVD\t\t\t\t\torganisation\tPeople's Commissariat.\t002.txt\n")


@pytest.fixture
def ours(tmp_path):
    path = tmp_path / "ours.tsv"
    path.write_text(OURS, encoding="utf-8")
    return path


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(ours, theirs, policy):
    merged, report = import_glossary(termfiles.read(ours), termfiles.read(theirs), policy)
    return merged.by_id()["penal-battalion"], report


# (file name, text): each gives the penal battalion with fewer columns than ours.
PARTIAL = [
    ("two-columns.tsv", "ru\ten\nштрафной батальон\tpenal battalion\n"),
    ("omegat.txt", "штрафбат\tpenal battalion\n"),                       # the case
    ("weblate.csv", "source,target\npenal battalion,штрафной батальон\n"),
    ("partial.json", json.dumps([{"ru": "штрафной батальон", "en": "penal battalion"}])),
    ("partial.tbx", '<?xml version="1.0"?><martif type="TBX-Basic"><text><body>'
                    '<termEntry><langSet xml:lang="ru"><tig><term>штрафной батальон</term></tig>'
                    '</langSet><langSet xml:lang="en"><tig><term>penal battalion</term></tig>'
                    '</langSet></termEntry></body></text></martif>\n'),
]


@pytest.mark.parametrize("name, text", PARTIAL, ids=[n for n, _ in PARTIAL])
@pytest.mark.parametrize("policy", ["replace", "merge"])
def test_columns_the_file_lacks_stay_unchanged(tmp_path, ours, name, text, policy):
    before = termfiles.read(ours).by_id()["penal-battalion"]
    after, _ = run_import(ours, write(tmp_path, name, text), policy)
    if name == "partial.tbx":
        # TBX has every field: an entry without forbidden forms says there are none.
        assert (after.ru, after.en, after.kind) == (before.ru, before.en, before.kind)
        return
    assert after.to_row() == before.to_row()


def test_replace_changes_only_the_columns_given(tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\tnote\nштрафной батальон\tpenal battalion\tNew note.\n")
    after, report = run_import(ours, theirs, "replace")
    assert after.note == "New note."
    assert (after.ru_variants, after.en_forbidden, after.source, after.kind) == (
        ("штрафбат",), ("punishment battalion",), ("001.txt",), "term")
    assert report.replaced == ["penal-battalion"]
    assert report.changes == [("penal-battalion", "note", "Soviet penal unit.", "New note.")]


def test_merge_unions_lists_and_keeps_both_notes(tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\tru_variants\ten_variants\ten_forbidden\tnote\tsource\n"
                   "штрафбат\tpenal company\tштрафной батальон\tpenal unit\tpunitive battalion\t"
                   "Used in 003.\t003.txt\n")
    after, report = run_import(ours, theirs, "merge")
    assert (after.ru, after.en) == ("штрафной батальон", "penal battalion")
    assert after.ru_variants == ("штрафбат",)          # never the headword itself
    assert after.en_variants == ("penal unit", "penal company")
    assert after.en_forbidden == ("punishment battalion", "punitive battalion")
    assert after.note == "Soviet penal unit. Used in 003."
    assert after.source == ("001.txt", "003.txt")
    assert report.merged == ["penal-battalion"]


def test_keep_reports_conflicts_and_changes_nothing(tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\tnote\nштрафной батальон\tpenal battalion\tOther.\n")
    merged, report = import_glossary(termfiles.read(ours), termfiles.read(theirs), "keep")
    assert merged.terms == termfiles.read(ours).terms
    assert report.conflicts == [("penal-battalion", "note", "Soviet penal unit.", "Other.")]


def test_every_entry_of_the_file_is_counted_and_dry_run_says_what_the_run_does(
        runner, tmp_path, ours):
    """An entry left as ours (keep, or a merge with nothing to add: "Penal battalion" is
    our form) was counted nowhere, or as merged."""
    theirs = write(tmp_path, "t.tsv", "ru\ten\tnote\nштрафной батальон\tPenal Battalion\t\n"
                   "лагерь\tcamp\t\n")
    for policy, counts in (("keep", [1, 0, 0, 0, 1]), ("merge", [1, 0, 0, 0, 1])):
        args = ["import", str(theirs), "--glossary", str(ours), "--on-conflict", policy]
        before = ours.read_bytes()
        dry = runner.invoke(main, [*args, "--dry-run"]).stdout.splitlines()[:5]
        assert ours.read_bytes() == before
        assert dry == [f"{label}: {n}" for label, n in zip(
            ("added", "unchanged", "replaced", "merged", "kept"), counts)]
        assert runner.invoke(main, args).stdout.splitlines()[:5] == dry
        ours.write_bytes(before)


def test_dry_run_shows_a_conflict_with_an_entry_the_same_file_adds(runner, tmp_path, ours):
    """Two rows of one file for one concept: the second is a conflict the real run reports;
    the dry run hid it, the id being among the added ones."""
    theirs = write(tmp_path, "t.tsv", "id\tru\ten\nn1\tполевая почта\tfield post\n"
                   "n1\tсанитарный поезд\thospital train\n")
    args = ["import", str(theirs), "--glossary", str(ours)]
    dry = runner.invoke(main, [*args, "--dry-run"]).stdout
    assert "= n1 (kept)\n    ru: ours 'полевая почта' / theirs 'санитарный поезд'\n" in dry
    real = runner.invoke(main, args).stdout
    assert "conflict: n1: ru: ours 'полевая почта' / theirs 'санитарный поезд'\n" in real


def test_a_made_up_id_never_matches_and_never_collides(tmp_path, ours):
    """OmegaT has no ids: `penal battalion` → id penal-battalion, which is ours, for
    another concept here; the line is a new concept, with an id of its own."""
    theirs = write(tmp_path, "o.txt", "дисциплинарный батальон\tpenal battalion (disciplinary)\n"
                   "дисбат\tpenal battalion (disciplinary)\n")
    incoming = termfiles.read(theirs)
    assert [t.id for t in incoming] == ["penal-battalion-disciplinary"]
    collide = incoming.terms[0].with_changes(id="penal-battalion")
    incoming.terms[0] = collide
    merged, report = import_glossary(termfiles.read(ours), incoming, "replace")
    assert report.added == ["penal-battalion-2"]
    assert merged.by_id()["penal-battalion"].ru == "штрафной батальон"


# A new concept forbidding its own approved form: the problem is the imported line's.
CLASH = "отряд\tdetachment\tdetachment\n"


def test_errors_cite_the_imported_file_and_line(tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\ten_forbidden\nлагерь\tcamp\t\n" + CLASH)
    with pytest.raises(ValidationError) as err:
        import_glossary(termfiles.read(ours), termfiles.read(theirs), "keep")
    assert [str(p) for p in err.value.problems] == [
        f"{theirs}:3: detachment: forbidden en form 'detachment' is its own approved form"]


def test_skip_invalid_imports_the_good_rows(tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\ten_forbidden\nлагерь\tcamp\t\n" + CLASH +
                   "строй\nрота\tcompany\t\n")
    rejected: list = []
    incoming = termfiles.read(theirs, skip=rejected)
    merged, report = import_glossary(termfiles.read(ours), incoming, "keep", True, rejected)
    assert report.added == ["camp", "company"]
    assert [(p.path, p.line) for p in report.rejected] == [(str(theirs), 4), (str(theirs), 3)]
    assert set(merged.by_id()) == {"penal-battalion", "nkvd", "camp", "company"}


# --- the command line ---

def test_import_dry_run_prints_a_per_field_diff(runner, tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\tnote\nштрафной батальон\tpenal battalion\tNew.\n"
                   "лагерь\tcamp\t\n")
    before = ours.read_bytes()
    result = runner.invoke(main, ["import", str(theirs), "--glossary", str(ours),
                                  "--on-conflict", "replace", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "added: 1", "unchanged: 0", "replaced: 1", "merged: 0", "kept: 0",
        "~ penal-battalion", "    note: 'Soviet penal unit.' → 'New.'",
        "+ camp", "    ru: '' → 'лагерь'", "    en: '' → 'camp'"]
    assert ours.read_bytes() == before


def test_import_skip_invalid_exits_1_and_lists_bad_rows(runner, tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\nлагерь\tcamp\nстрой\n")
    result = runner.invoke(main, ["import", str(theirs), "--glossary", str(ours), "--skip-invalid"])
    assert result.exit_code == 1
    assert f"skipped: {theirs}:3: expected 2 columns, found 1" in result.stderr
    assert "camp" in termfiles.read(ours).by_id()


def test_import_without_skip_invalid_stops_at_the_bad_row(runner, tmp_path, ours):
    theirs = write(tmp_path, "t.tsv", "ru\ten\nлагерь\tcamp\nстрой\n")
    before = ours.read_bytes()
    result = runner.invoke(main, ["import", str(theirs), "--glossary", str(ours)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {theirs}:3: expected 2 columns, found 1\n"
    assert ours.read_bytes() == before


@pytest.mark.parametrize("command", [
    ["add", "--ru", "лагерь", "--en", "camp"],
    ["edit", "nkvd", "--note", "x"],
    ["import", "IMPORT"],
])
def test_writing_commands_need_a_glossary_of_your_own(runner, tmp_path, monkeypatch, command):
    monkeypatch.delenv("GLOSSARY_FILE", raising=False)
    theirs = write(tmp_path, "t.tsv", "ru\ten\nлагерь\tcamp\n")
    args = [str(theirs) if a == "IMPORT" else a for a in command]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "shipped one is read-only" in result.stderr
    assert "glossary export -o my.tsv" in result.stderr


def test_glossary_file_variable_names_the_glossary_to_write(runner, tmp_path, monkeypatch):
    mine = tmp_path / "mine.tsv"
    monkeypatch.setenv("GLOSSARY_FILE", str(mine))
    result = runner.invoke(main, ["add", "--ru", "лагерь", "--en", "camp"])
    assert result.exit_code == 0, result.stderr
    assert [t.id for t in termfiles.read(mine)] == ["camp"]
    lookup = runner.invoke(main, ["lookup", "лагеря", "--format", "json"])
    assert json.loads(lookup.stdout)[0]["glossary"] == str(mine)


@pytest.mark.parametrize("name, text", [
    ("t.csv", "ru,en,note\nлагерь,camp,\"a\nnote\"\n"),
    ("t.txt", "лагерь\tcamp\tcomment\nлагерь\tencampment\tcomment\n"),  # one concept
    ("t.tbx", '<?xml version="1.0"?><martif><text><body><termEntry><note>a\n\tnote &#13; here'
              '</note><langSet xml:lang="ru"><tig><term>лагерь&#13;</term></tig></langSet>'
              '<langSet xml:lang="en"><tig><term>camp</term></tig></langSet></termEntry>'
              '</body></text></martif>'),
    ("t.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
             '#. a definition\nmsgid "camp"\nmsgstr "лагерь"\n'),
    ("t.json", '[{"ru": "лагерь", "en": "camp", "note": "a\\r\\nnote", "x\\ty": "z"}]'),
])
def test_import_then_validate_is_clean(runner, tmp_path, name, text):
    mine = tmp_path / "mine.tsv"
    theirs = write(tmp_path, name, text)
    result = runner.invoke(main, ["import", str(theirs), "--glossary", str(mine)])
    assert result.exit_code == 0, result.stderr
    check = runner.invoke(main, ["validate", str(mine)])
    assert check.exit_code == 0, check.output + check.stderr
    [term] = termfiles.read(mine).terms
    assert (term.ru, term.en) == ("лагерь", "camp")


@pytest.mark.parametrize("name", ["mine.tsv", "mine.tbx", "mine.json"])
def test_add_starts_a_missing_or_empty_glossary_in_its_format(runner, tmp_path, name):
    for path in (tmp_path / name, tmp_path / f"empty-{name}"):
        if path.name.startswith("empty"):
            path.touch()
        result = runner.invoke(main, ["add", "--glossary", str(path), "--ru", "лагерь", "--en", "camp"])
        assert result.exit_code == 0, result.stderr
        assert termfiles.detect(path) == name.rsplit(".", 1)[1]
        assert [t.id for t in termfiles.read(path)] == ["camp"]


SENSES = HEADER + "row\tстрока\trow\t\trows\t\t\tterm\tA table row.\t\n"


@pytest.mark.parametrize("name, text, ids", [
    # one Russian form, another English rendering: a second sense, its own entry
    ("two.tsv", "ru\ten\nстрока\tline\n", ["row", "line"]),
    ("omegat.txt", "строка\tline\tA line of text.\n", ["row", "line"]),
    # one of our renderings (admitted or forbidden): our concept
    ("two.tsv", "ru\ten\nстрока\trows\n", ["row"]),
    ("two.tsv", "ru\ten\tnote\nстрока\trow\tAlso a row.\n", ["row"]),
    # the other direction: one English form, another Russian rendering
    ("two.tsv", "ru\ten\nряд\trow\n", ["row", "row-2"]),
    # no rendering in the other language says nothing against our concept
    ("two.tsv", "ru\ten\tru_forbidden\n\trow\tшеренга\n", ["row"]),
])
def test_a_second_sense_of_one_form_is_its_own_entry(tmp_path, name, text, ids):
    ours = write(tmp_path, "ours.tsv", SENSES)
    merged, report = import_glossary(termfiles.read(ours), termfiles.read(
        write(tmp_path, name, text)), "merge")
    assert [t.id for t in merged] == ids
    assert merged.by_id()["row"].en_variants == ("rows",)   # ours untouched by a new sense
    assert report.added == ids[1:]


def test_import_merge_keeps_senses_apart_and_lookup_shows_both(runner, tmp_path):
    ours = write(tmp_path, "ours.tsv", SENSES)
    theirs = write(tmp_path, "theirs.tsv", "ru\ten\tnote\nстрока\tline\tA line of text.\n")
    done = runner.invoke(main, ["import", str(theirs), "--glossary", str(ours),
                                "--on-conflict", "merge"])
    assert done.exit_code == 0, done.output
    found = runner.invoke(main, ["lookup", "--glossary", str(ours), "строки", "--format", "json"])
    assert found.exit_code == 0
    assert sorted(h["id"] for h in json.loads(found.stdout)) == ["line", "row"]


# Glossaries into another language, which the readers can only take for Russian–English.
FOREIGN = {
    "af.po": ('msgid ""\nmsgstr ""\n"Language: af\\n"\n\n'
              'msgid "convert"\nmsgstr "bekeerling"\n\nmsgid "house"\nmsgstr "huis"\n'),
    "nolang.po": 'msgid "convert"\nmsgstr "bekeerling"\n\nmsgid "house"\nmsgstr "huis"\n',
    "de.txt": "Haus\thouse\nLager\tcamp\n",
}


@pytest.mark.parametrize("name", FOREIGN)
def test_a_glossary_into_another_language_is_refused_not_imported(runner, ours, name):
    theirs = write(ours.parent, name, FOREIGN[name])
    before = ours.read_bytes()
    result = runner.invoke(main, ["import", str(theirs), "--glossary", str(ours)])
    assert result.exit_code == 2, result.output
    assert "not a Russian–English glossary" in result.stderr
    assert "Traceback" not in result.output and ours.read_bytes() == before


def test_a_po_glossary_naming_another_language_is_refused_everywhere(runner, tmp_path):
    theirs = write(tmp_path, "af.po", FOREIGN["af.po"])
    for args in (["validate", str(theirs)], ["lookup", "huis", "--glossary", str(theirs)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, result.output
        assert f"{theirs}: Language: af (Afrikaans): not a Russian–English glossary" in result.stderr


def test_a_list_of_terms_kept_as_they_are_is_imported(runner, ours):
    """Latin on both sides, the same: names not to translate, as a Russian glossary keeps."""
    theirs = write(ours.parent, "keep.txt", "Tarantool\tTarantool\nvinyl\tvinyl\n")
    result = runner.invoke(main, ["import", str(theirs), "--glossary", str(ours)])
    assert result.exit_code == 0, result.output
    assert {"tarantool", "vinyl"} <= set(termfiles.read(ours).by_id())


def test_a_glossary_imported_into_itself_is_unchanged_and_says_so(runner, tmp_path):
    """Every entry unchanged, no conflict: variants differing only in their capitals
    (Государственный Комитет Обороны beside Государственный комитет обороны, as the shipped
    glossary has them) are the glossary's own, not a difference."""
    path = tmp_path / "mine.tsv"
    path.write_bytes((ROOT / "terms.tsv").read_bytes())
    count = len(termfiles.read(path))
    for policy in ("keep", "replace", "merge"):
        result = runner.invoke(main, ["import", str(path), "--glossary", str(path),
                                      "--on-conflict", policy])
        assert result.exit_code == 0, result.output
        assert "conflict" not in result.output and f"added: 0\nunchanged: {count}\n" in result.output
    assert path.read_bytes() == (ROOT / "terms.tsv").read_bytes()
