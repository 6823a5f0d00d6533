"""Pre-translation of real PO catalogues: a TM made from a catalogue translates it back."""
from __future__ import annotations

import subprocess
import sys

import polib
import pytest
from paths import DATA, needs_data

from tm import TranslationMemory, import_file, pretranslate, pretranslate_file

CATALOGUES = ["contrib_admin_ru_django.po", "conf_locale_ru_django.po"]


def emptied(path, out):
    """The catalogue with every translation removed (fuzzy flags and previous msgids too)."""
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        entry.msgstr = ""
        entry.msgstr_plural = {i: "" for i in entry.msgstr_plural}
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    catalogue.save(str(out))
    return out


@needs_data
@pytest.mark.parametrize("name", CATALOGUES)
def test_catalogue_translates_itself_back(tmp_path, name):
    original = DATA / "django-ru" / name
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        imported = import_file(memory, original).added
        report = pretranslate_file(memory, emptied(original, tmp_path / "empty.po"),
                                   tmp_path / "out.po")
    assert report.exact == imported and report.kept == 0
    wanted = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
              for e in polib.pofile(str(original)) if e.translated() and not e.obsolete}
    got = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
           for e in polib.pofile(str(tmp_path / "out.po")) if e.translated()}
    assert got == wanted


def test_existing_translations_are_kept_unless_overwrite(tmp_path):
    po = tmp_path / "a.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "File"\nmsgstr "Файлик"\n',
                  encoding="utf-8")
    tm_po = tmp_path / "tm.po"
    tm_po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "File"\nmsgstr "Файл"\n',
                     encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        import_file(memory, tm_po)
        text, report = pretranslate(memory, po)
        assert (report.kept, report.exact) == (1, 0) and 'msgstr "Файлик"' in text
        text, report = pretranslate(memory, po, overwrite=True)
        assert (report.kept, report.exact) == (0, 1) and 'msgstr "Файл"' in text


def test_fuzzy_plural_keeps_every_form(tmp_path):
    tm_po = tmp_path / "tm.po"
    tm_po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
        'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "%(count)d file was deleted"\nmsgid_plural "%(count)d files were deleted"\n'
        'msgstr[0] "%(count)d файл удалён"\nmsgstr[1] "%(count)d файла удалены"\n'
        'msgstr[2] "%(count)d файлов удалены"\n', encoding="utf-8")
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
        'msgid "%(count)d file was removed"\nmsgid_plural "%(count)d files were removed"\n'
        'msgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\n', encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        import_file(memory, tm_po)
        text, report = pretranslate(memory, po, min_score=60)
    assert report.fuzzy == 1
    (entry,) = polib.pofile(text)
    assert entry.fuzzy and entry.previous_msgid == "%(count)d file was deleted"
    assert entry.msgstr_plural == {0: "%(count)d файл удалён", 1: "%(count)d файла удалены",
                                   2: "%(count)d файлов удалены"}
    assert entry.tcomment == "TM: 69% (tm.po)"  # 1 − 1 ÷ 3.25: a word and a tag


def pretranslated(tmp_path, memory_name: str, memory_text: str, catalogue: str):
    """(text, report) of pre-translating `catalogue` from a TM of one file."""
    (tmp_path / memory_name).write_text(memory_text, encoding="utf-8")
    po = tmp_path / "a.po"
    po.write_text(catalogue, encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        import_file(memory, tmp_path / memory_name)
        return pretranslate(memory, po)


def test_a_100_percent_plural_with_fewer_forms_than_the_catalogue_is_counted_fuzzy(tmp_path):
    # Django's Russian catalogues have four plural forms, a TM unit from elsewhere three:
    # the entry is marked fuzzy (its fourth form empty), and the summary must say so
    text, report = pretranslated(
        tmp_path, "tm.po",
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Plural-Forms: nplurals=3; '
        'plural=(n%10==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);\\n"\n\nmsgid "%d file"\n'
        'msgid_plural "%d files"\nmsgstr[0] "%d файл"\nmsgstr[1] "%d файла"\n'
        'msgstr[2] "%d файлов"\n',
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        'msgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\nmsgstr[3] ""\n')
    (entry,) = polib.pofile(text)
    assert entry.fuzzy and entry.msgstr_plural[3] == ""
    assert (report.exact, report.fuzzy) == (0, 1)


def test_russian_msgids_are_recognised_without_a_source_language_header(tmp_path):
    text, report = pretranslated(
        tmp_path, "units.tsv",
        "Заградотряды стояли сзади.\tThe blocking detachments stood behind.\n",
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Заградотряды стояли сзади."\n'
        'msgstr ""\n\nmsgid "Заградотряд стоял сзади."\nmsgstr ""\n')
    assert (report.exact, report.fuzzy, report.unmatched) == (1, 1, 0)
    assert 'msgstr "The blocking detachments stood behind."' in text


PO_TO_FILL = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: ru\\n"\n\n'
              'msgid "Заградительный отряд вступил в бой."\nmsgstr ""\n\n'
              'msgid "Штрафной батальон отступил."\nmsgstr ""\n')


@pytest.mark.parametrize("many", [False, True], ids=["each word analysed", "sifting"])
def test_conflicting_and_forbidden_matches_are_marked_fuzzy(tmp_path, small_glossary, many):
    from glossary.segment import Segment
    from tm.vet import Vetter

    path = tmp_path / "draft.po"
    path.write_text(PO_TO_FILL, encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add([Segment("Заградительный отряд вступил в бой.",
                            "The blocking detachment went into action.", "ru", "en")], "a.tmx")
        memory.add([Segment("Заградительный отряд вступил в бой.",
                            "The blocking detachment joined the fight.", "ru", "en"),
                    Segment("Штрафной батальон отступил.", "The punishment battalion retreated.",
                            "ru", "en")], "b.tmx")
        text, report = pretranslate(memory, path, vetter=Vetter(small_glossary, many=many))
    entries = {e.msgid: e for e in polib.pofile(text)}
    conflict = entries["Заградительный отряд вступил в бой."]
    assert conflict.msgstr == "The blocking detachment joined the fight."  # the newest
    assert "fuzzy" in conflict.flags
    assert "other 100% translations: The blocking detachment went into action." in \
        conflict.tcomment
    forbidden = entries["Штрафной батальон отступил."]
    assert "fuzzy" in forbidden.flags
    assert "punishment battalion" in forbidden.tcomment and "penal battalion" in \
        forbidden.tcomment
    assert (report.exact, report.fuzzy, report.conflicts, report.forbidden) == (0, 2, 1, 1)


def test_search_flags_a_forbidden_rendering(tmp_path, runner):
    from cli import main
    from glossary.segment import Segment
    from paths import HERE

    tm_path = tmp_path / "tm.sqlite"
    with TranslationMemory(tm_path) as memory:
        memory.add([Segment("Штрафной батальон отступил.", "The punishment battalion retreated.",
                            "ru", "en")], "b.tmx")
    result = runner.invoke(main, ["tm", "search", "Штрафной батальон отступил", "--tm",
                                  str(tm_path), "--glossary", str(HERE / "data" / "small.tsv"),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    import json
    [match] = json.loads(result.stdout)
    assert [(f["term"], f["approved"]) for f in match["forbidden"]] == [
        ("penal-battalion", "penal battalion")]


VETTED = [
    ("Штрафной батальон.", "Punishment battalion."),          # forbidden rendering
    ("Штрафной батальон.", "Penal battalion."),               # approved
    ("Он пришёл домой.", "Punishment battalion came home."),   # no concept in the source
    ("Штрафбатом командовал майор.", "The punishment battalion was led by a major."),
    ("<b>Штрафной</b> батальон", "<b>Punishment</b> battalion"),
    ("%(n)s штрафных батальонов", "%(n)s punishment battalions"),
    ("", "Punishment battalion."),
    ("Punishment battalion.", "Штрафной батальон."),         # turned round (en→ru)
    # the source names concepts without a forbidden rendering, the target a forbidden one
    ("Спецлагерь НКВД у Орла.", "The punishment battalion's NKVD special camp near Oryol."),
    ("Заградительный отряд НКВД.", "The NKVD punishment detachment."),  # one of them has
    ("Заградительный отряд и штрафной батальон.", "Punishment detachment and punishment battalion."),
]


@pytest.mark.parametrize("source,target", VETTED)
def test_vetter_says_what_the_checker_says(small_glossary, source, target):
    """The vetter's shortcut (no concept in the source: nothing to look for) gives exactly
    the checker's forbidden-term findings."""
    from glossary.check import check
    from glossary.ru import CYRILLIC
    from glossary.segment import Segment
    from tm.vet import RULE, Vetter

    src, tgt = ("ru", "en") if CYRILLIC.search(source) or not source else ("en", "ru")
    expected = check([Segment(source, target, src, tgt)], small_glossary, source_lang=src,
                     target_lang=tgt, rules=(RULE,)).findings
    assert Vetter(small_glossary).forbidden(source, target, src, tgt) == expected


def test_vetter_judges_a_pair_once_and_hands_out_copies(small_glossary):
    from tm.vet import Vetter

    vetter = Vetter(small_glossary)
    first = vetter.forbidden("Штрафной батальон.", "Punishment battalion.", "ru", "en")
    assert [f.term for f in first] == ["penal-battalion"]
    first.clear()  # a caller's list is its own: the next answer is whole
    again = vetter.forbidden("Штрафной батальон.", "Punishment battalion.", "ru-RU", "en-GB")
    assert [f.term for f in again] == ["penal-battalion"]
    assert len(vetter._judged) == 1


def test_only_the_filled_entries_change_the_rest_of_the_file_is_kept_byte_for_byte(tmp_path):
    # A KOI8-R catalogue with CRLF line ends, lines longer than polib writes, a header in
    # no order polib knows, an obsolete entry and a closing comment: only the filled
    # entry's lines may change, and the file stays in the charset its header declares.
    header = ('# Translation of x.\r\n#\r\nmsgid ""\r\nmsgstr ""\r\n'
              '"X-Source-Language: ru\\n"\r\n"Project-Id-Version: x 1.0\\n"\r\n'
              '"Content-Type: text/plain; charset=KOI8-R\\n"\r\n"Language: en\\n"\r\n\r\n')
    unmatched = ("#. An extracted comment longer than a line of polib's, naming the "
                 "main-directorate-internal-troops.\r\n#: src/a.c:12\r\n"
                 'msgid "Очень длинная строка, которую polib перенёс бы на другую строку '
                 'файла, если бы переписал её"\r\nmsgstr ""\r\n\r\n')
    tail = '#~ msgid "старое"\r\n#~ msgstr "old"\r\n\r\n# a closing comment\r\n'
    po = tmp_path / "app.po"
    po.write_bytes((header + unmatched + 'msgid "Войска НКВД"\r\nmsgstr ""\r\n\r\n'
                    + tail).encode("koi8-r"))
    (tmp_path / "tm.tsv").write_text("Войска НКВД\tNKVD troops\n", encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        import_file(memory, tmp_path / "tm.tsv", source_lang="ru", target_lang="en")
        report = pretranslate_file(memory, po, tmp_path / "out.po")
    assert (report.exact, report.unmatched) == (1, 1)
    wanted = (header + unmatched + 'msgid "Войска НКВД"\r\nmsgstr "NKVD troops"\r\n\r\n'
              + tail).encode("koi8-r")
    assert (tmp_path / "out.po").read_bytes() == wanted
    shown = subprocess.run([sys.executable, "-c", "from cli import run; run()", "tm",
                            "pretranslate", po, "--tm", tmp_path / "tm.sqlite"],
                           capture_output=True, check=True)
    assert shown.stdout == wanted
