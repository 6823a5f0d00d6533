"""The compiled glossary cache: same results as a fresh build, rebuilt whenever anything it
depends on changes or its files are damaged, safe with two processes at once."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from paths import HERE, ROOT

from glossary import ValidationError, load
from glossary.cache import load_compiled
from glossary.lookup import Lookup
from glossary.matcher import Matcher

SMALL = HERE / "data" / "small.tsv"
TEXTS = ["ВойскаНКВДпоохранетыла задержали дезертиров", "в фильтрационных лагерях",
         "решение ГКО", "органы СMЕРШ", "из проверочно-фильтрационных лагерей"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_bytes(SMALL.read_bytes())
    return path


def parts(directory):
    """The compiled parts in a cache directory (not the file of remembered word analyses)."""
    return sorted(p.name.split(".", 1)[1] for p in directory.iterdir()
                  if not p.name.startswith("words-"))


def remembered_file(directory):
    [found] = directory.glob("words-*.json")
    return found


def add_entry(path):
    with path.open("a", encoding="utf-8") as f:
        f.write("\t".join(["night-watch", "ночной дозор", "night watch", *[""] * 7]) + "\n")


def glossary_cli(*args, cache):
    """The installed script, in a process of its own (remembered answers are per process)."""
    return subprocess.run([sys.executable, "-c", "from cli import run; run()", *map(str, args)],
                          env={**os.environ, "GLOSSARY_CACHE_DIR": str(cache)},
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def found(matcher, text):
    return [(m.term_id, m.start, m.end, m.how) for m in matcher.find(text, "ru")]


def test_a_warm_load_gives_what_a_fresh_build_gives(cache, glossary_file):
    cold = load_compiled(glossary_file)
    assert parts(cache) == ["glossary.json", "matcher.json"]
    warm = load_compiled(glossary_file)
    fresh = load(glossary_file)
    assert list(warm.glossary) == list(fresh) and warm.glossary.path == str(glossary_file)
    assert [t.line for t in warm.glossary] == [t.line for t in fresh]
    for text in TEXTS:
        assert found(warm.matcher, text) == found(cold.matcher, text) == \
            found(Matcher(fresh), text) != []


def test_the_cache_is_read_not_rebuilt(cache, glossary_file):
    """A part on disk is what a warm load uses (here one made to say something else)."""
    load_compiled(glossary_file)
    part = next(cache.glob("*.glossary.json"))
    data = json.loads(part.read_text(encoding="utf-8"))
    data["terms"][0][data["fields"].index("note")] = "from the cache"
    part.write_text(json.dumps(data), encoding="utf-8")
    assert load_compiled(glossary_file).glossary.terms[0].note == "from the cache"


def test_changed_content_is_compiled_again(cache, glossary_file):
    load_compiled(glossary_file)
    text = glossary_file.read_text(encoding="utf-8")
    glossary_file.write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="duplicate id"):
        load_compiled(glossary_file)  # validated like load(): errors are not cached away
    glossary_file.write_text(SMALL.read_text(encoding="utf-8") + "zz\tштрафная рота\tpenal "
                             "company" + "\t" * 7 + "\n", encoding="utf-8")
    compiled = load_compiled(glossary_file)
    assert [m.term_id for m in compiled.matcher.find("в штрафной роте", "ru")] == ["zz"]
    assert len(list(cache.glob("*.matcher.json"))) == 2


def test_terms_of_another_shape_are_read_again(cache, glossary_file):
    load_compiled(glossary_file)
    part = next(cache.glob("*.glossary.json"))
    data = json.loads(part.read_text(encoding="utf-8"))
    data["fields"][0] = "identifier"
    part.write_text(json.dumps(data), encoding="utf-8")
    assert list(load_compiled(glossary_file).glossary) == list(load(glossary_file))


@pytest.mark.parametrize("damage", [
    "",                                   # empty (a crash of an old writer)
    "{\"format\": 1, \"entr",             # cut short
    "[1, 2, 3]",                          # another shape
    "{\"format\": 999}",                   # another format version
])
def test_a_damaged_part_is_rebuilt(cache, glossary_file, damage):
    load_compiled(glossary_file)
    part = next(cache.glob("*.matcher.json"))
    part.write_text(damage, encoding="utf-8")
    compiled = load_compiled(glossary_file)
    assert found(compiled.matcher, "в фильтрационных лагерях") == [("filtration-camp", 2, 24, "lemma")]
    assert json.loads(part.read_text(encoding="utf-8"))["format"] != 999


def test_no_cache_writes_nothing(cache, glossary_file):
    compiled = load_compiled(glossary_file, use_cache=False)
    assert found(compiled.matcher, "решение ГКО") == [("gko", 8, 11, "exact")]
    assert not cache.exists()


def test_an_unwritable_cache_directory_only_costs_time(tmp_path, monkeypatch, glossary_file):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    compiled = load_compiled(glossary_file)
    assert found(compiled.matcher, "решение ГКО") == [("gko", 8, 11, "exact")]


def test_lookup_indexes_are_kept_too(cache, glossary_file):
    compiled = load_compiled(glossary_file)
    first = Lookup(compiled.glossary, compiled.matcher, compiled.store)
    assert [h.term.id for h in first.find("Devjataev")] == ["devyatayev"]
    assert [s.term_id for s in first.suggest("заградотрядаи")][:1] == ["blocking-detachment"]
    assert {"latin.json", "lemmas.json"} <= set(parts(cache))
    again = load_compiled(glossary_file)
    second = Lookup(again.glossary, again.matcher, again.store)
    assert [h.term.id for h in second.find("Devjataev")] == ["devyatayev"]
    assert [(s.form, s.term_id) for s in second.suggest("заградотрядаи")] == \
        [(s.form, s.term_id) for s in first.suggest("заградотрядаи")]


BUILD = """
import sys
from glossary.cache import load_compiled
c = load_compiled(sys.argv[1])
print(sorted({m.term_id for m in c.matcher.find("ВойскаНКВДпоохранетыла и ГКО", "ru")}))
"""


def test_two_processes_building_at_once_both_succeed(cache, glossary_file):
    """Real processes, started together on an empty cache: each writes a whole file under a
    temporary name and renames it; neither sees half a file; no temporary file is left."""
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", BUILD, str(glossary_file)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert {o for o, _ in outs} == {"['gko', 'rear-protection-troops']\n"}
    assert parts(cache) == ["glossary.json", "matcher.json"]
    for part in cache.iterdir():
        json.loads(part.read_text(encoding="utf-8"))


def provenance(glossary):
    return [(t.id, t.origin, t.given) for t in glossary]


def test_stacked_glossaries_are_cached_with_the_file_of_each_entry(cache, glossary_file,
                                                                   tmp_path):
    project = tmp_path / "project.tsv"
    project.write_text("ru\ten\nзаградотряд\tblocking detachment\n", encoding="utf-8")
    cold = load_compiled([project, glossary_file])
    warm = load_compiled([project, glossary_file])
    fresh = load([project, glossary_file])
    assert list(warm.glossary) == list(fresh)
    assert provenance(warm.glossary) == provenance(cold.glossary) == provenance(fresh)
    assert {t.origin for t in warm.glossary} == {str(project), str(glossary_file)}
    assert any(t.given is not None for t in warm.glossary)  # the project file's columns
    # the order of the stack is part of the key: the other way round is another glossary
    assert provenance(load_compiled([glossary_file, project]).glossary) == provenance(
        load([glossary_file, project]))


def test_a_copy_elsewhere_names_its_own_file(cache, glossary_file, tmp_path):
    load_compiled(glossary_file)
    copy = tmp_path / "copy" / "terms.tsv"
    copy.parent.mkdir()
    copy.write_bytes(glossary_file.read_bytes())
    assert {t.origin for t in load_compiled(copy).glossary} == {str(copy)}


def test_a_warm_load_says_what_reading_the_file_warned_of(cache, tmp_path):
    """A stray byte is named on every load, not only the one that filled the cache."""
    from glossary.errors import DecodingWarning

    path = tmp_path / "bad.tsv"
    path.write_bytes("id\tru\ten\tnote\na\tлагерь\tcamp\tbad \xff byte\n".encode("utf-8")
                     .replace(b"\xc3\xbf", b"\xff"))
    for _ in ("cold", "warm"):
        with pytest.warns(DecodingWarning, match=r"bad\.tsv:2: 1 byte") as said:
            assert load_compiled(path).glossary.terms[0].note == "bad \ufffd byte"
        assert len(said) == 1


def test_versions_are_read_as_importlib_metadata_reads_them(tmp_path, monkeypatch):
    from importlib import metadata

    from glossary.cache import _VERSIONED, _version

    for name in _VERSIONED:
        assert _version(name) == metadata.version(name)
    assert _version("no-such-distribution-here") == "?"
    # The first NAME-VERSION.dist-info on sys.path wins, whatever the spelling of NAME.
    (tmp_path / "Pymorphy3-0.0.1.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _version("pymorphy3") == "0.0.1"


def test_the_keys_run_together_pieces_must_be_are_kept_too(cache, glossary_file):
    """The trie's keys (what a piece of ВойскаНКВДпоохранетыла must be) are a part of their
    own: a warm matcher reads them rather than walk the trie (here a part made to say there
    are none)."""
    load_compiled(glossary_file)
    warm = load_compiled(glossary_file)
    assert found(warm.matcher, TEXTS[0]) == found(Matcher(load(glossary_file)), TEXTS[0])
    assert "run-together" in {how for *_, how in found(warm.matcher, TEXTS[0])}
    part = next(cache.glob("*.vocabulary.json"))
    data = json.loads(part.read_text(encoding="utf-8"))
    assert "нквд" in data["ru"]
    part.write_text(json.dumps({**data, "ru": []}), encoding="utf-8")
    assert "run-together" not in {how for *_, how in found(load_compiled(glossary_file).matcher,
                                                           TEXTS[0])}


def test_word_analyses_are_remembered_for_the_next_compile(cache, glossary_file):
    """A compile keeps what it analysed of each word (its match keys, how common it is),
    each the answer a fresh analysis gives; the next compile of an edited glossary reads it,
    and adds its new words."""
    from glossary import keys
    from glossary.frequency import _zipf
    assert glossary_cli("check", ROOT / "examples" / "draft-ru-en.tsv", "--glossary",
                        glossary_file, cache=cache).returncode == 1
    kept = json.loads(remembered_file(cache).read_text(encoding="utf-8"))
    assert {"заградительный", "отряд", "НКВД"} <= set(kept["term_words"])
    for word, found in kept["term_words"].items():
        assert frozenset(found) == keys._term_word_keys(word), word
    assert len(kept["zipf"]) > 100
    for word, lang, figure in kept["zipf"][::25]:
        assert figure == _zipf(word, lang), word
    add_entry(glossary_file)
    assert glossary_cli("lookup", "ночного дозора", "--glossary", glossary_file,
                        cache=cache).returncode == 0
    again = json.loads(remembered_file(cache).read_text(encoding="utf-8"))
    assert {"ночной", "дозор"} <= set(again["term_words"]) and \
        set(kept["term_words"]) <= set(again["term_words"])


def test_remembered_analyses_are_what_a_compile_reads(cache, glossary_file):
    """What the file says a word's keys are is what the compile files it under (the file is
    trusted as the compiled parts are: plain data, in the user's own cache directory)."""
    glossary_cli("lookup", "отряд", "--glossary", glossary_file, cache=cache)
    path = remembered_file(cache)
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["term_words"]["фильтрационный"] = ["щщщ"]
    path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    add_entry(glossary_file)  # another content: compiled again
    found = glossary_cli("lookup", "щщщ лагерь", "--glossary", glossary_file, "--format",
                         "json", cache=cache)
    assert "filtration-camp" in found.stdout


@pytest.mark.parametrize("damage", ["", "{", "[1, 2]", '{"term_words": {"отряд": "отряд"}}',
                                    '{"term_words": {}, "zipf": [["a", "en", "high"]]}'])
def test_a_damaged_file_of_analyses_is_analysed_afresh(cache, glossary_file, damage):
    glossary_cli("lookup", "отряд", "--glossary", glossary_file, cache=cache)
    remembered_file(cache).write_text(damage, encoding="utf-8")
    add_entry(glossary_file)
    found = glossary_cli("lookup", "фильтрационных лагерях", "--glossary", glossary_file,
                         "--format", "json", cache=cache)
    assert found.returncode == 0 and "filtration-camp" in found.stdout, found.stderr
    kept = json.loads(remembered_file(cache).read_text(encoding="utf-8"))
    assert kept["term_words"]["лагерь"] == ["лагерь"]
