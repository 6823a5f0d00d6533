"""Glossaries as real projects write them (issue 10): senses, letter case, match modes,
list cells, confidence — through the command line, on real files."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import main
from glossary import termfiles
from glossary.check import check
from glossary.model import Term
from glossary.segment import Segment

OMEGAT = ("Строка\tRow\tIn a table.\nСтрока\tLine\tOf text.\n"
          "Настроить, настройка\tConfigure, configuring\t\n")
DRAFT = ("Удалите строку.\tDelete the entry.\n"
         "Настройте сервер.\tConfigure the server.\n"
         "Настройка сервера.\tServer setup.\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def files(tmp_path):
    glossary = tmp_path / "omegat.txt"
    glossary.write_text(OMEGAT, encoding="utf-8")
    draft = tmp_path / "draft.tsv"
    draft.write_text(DRAFT, encoding="utf-8")
    return glossary, draft


def test_lookup_shows_every_sense(runner, files):
    glossary, _ = files
    result = runner.invoke(main, ["lookup", "--glossary", str(glossary), "--format", "json",
                                  "строки"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert [(h["id"], h["en"], h["note"]) for h in hits] == [
        ("row", "Row", "In a table."), ("line", "Line", "Of text.")]


def test_validate_notes_senses_and_passes(runner, files):
    glossary, _ = files
    result = runner.invoke(main, ["validate", str(glossary)])
    assert result.exit_code == 0
    assert f"note: {glossary}:2: ru form 'Строка' has 2 senses: row, line" in result.stderr


def test_validate_names_no_senses_of_an_empty_term(runner, tmp_path):
    """Terms not translated yet (Crowdin/Weblate CSV: `deploy to production;;…`) are errors
    of their own; their empty cells were also "ru form '' has 2 senses"."""
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("Term [en];Term [ru];Description [en]\ndeployment;развертывание;\n"
                        "deploy to production;;Putting it live.\nto deploy;;\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(glossary)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{glossary}:3: deploy-to-production: empty 'ru'", f"{glossary}:4: to-deploy: empty 'ru'"]
    assert result.stderr == f"{glossary}: 3 entries, 2 problem(s)\n"


def test_list_cells_are_reported_and_read(runner, files):
    glossary, draft = files
    plain = runner.invoke(main, ["check", str(draft), "--glossary", str(glossary),
                                 "--format", "json"])
    # both sides list one word's forms (one derivational family): surely a list, split
    assert (f"{glossary}:3: configure-configuring: en 'Configure, configuring': a list of "
            "alternatives; read as Configure | configuring") in plain.stderr
    assert "--keep-cells" in plain.stderr
    found = [(f["segment"], f["term"]) for f in json.loads(plain.stdout)["findings"]]
    assert found == [(1, "row"), (3, "configure-configuring")]
    kept = runner.invoke(main, ["check", str(draft), "--glossary", str(glossary),
                                "--format", "json", "--keep-cells"])
    terms = [f["term"] for f in json.loads(kept.stdout)["findings"]]
    assert terms == ["row"]          # the list cell, read as written, matched nothing


def test_import_split_lists(runner, tmp_path):
    glossary = tmp_path / "theirs.txt"
    glossary.write_text("Настроить, настройка\tConfigure, configuring\t\n", encoding="utf-8")
    ours = tmp_path / "terms.tsv"
    ours.write_text("id\tru\ten\n", encoding="utf-8")
    result = runner.invoke(main, ["import", str(glossary), "--glossary", str(ours),
                                  "--split-lists"])
    assert result.exit_code == 0, result.output
    term = termfiles.read(ours).by_id()["configure-configuring"]
    assert (term.ru, term.ru_variants, term.en, term.en_variants) == (
        "Настроить", ("настройка",), "Configure", ("configuring",))


def test_add_and_edit_set_the_match_mode(runner, tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("id\tru\ten\n", encoding="utf-8")
    args = ["--glossary", str(path)]
    assert runner.invoke(main, ["add", *args, "--ru", "Дата", "--en", "Date",
                                "--match", "case"]).exit_code == 0
    header, row = path.read_text(encoding="utf-8").splitlines()
    assert header.endswith("\tmatch") and row.startswith("date\tДата\tDate\t")
    assert row.endswith("\tcase")
    assert runner.invoke(main, ["edit", *args, "date", "--match", "exact"]).exit_code == 0
    assert termfiles.read(path).terms[0].match == "exact"
    bad = runner.invoke(main, ["edit", *args, "date", "--match", "stem"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("fmt, name", [("tsv", "g.tsv"), ("csv", "g.csv"), ("json", "g.json"),
                                       ("tbx", "g.tbx")])
def test_match_mode_round_trips(tmp_path, fmt, name):
    glossary = termfiles.read(_write(tmp_path, "id\tru\ten\tmatch\nx\tДата\tDate\tcase\n"))
    path = tmp_path / name
    termfiles.write(glossary, path, fmt)
    assert termfiles.read(path).terms[0].match == "case"
    if fmt == "tbx":
        assert '<admin type="x-match">case</admin>' in path.read_text(encoding="utf-8")


def _write(tmp_path, text):
    path = tmp_path / "in.tsv"
    path.write_text(text, encoding="utf-8")
    return path


COMMON = [Term("note", "примечание", "note"), Term("tuple", "кортеж", "tuple"),
          Term("namespace", "пространство имён", "namespace")]


@pytest.mark.parametrize("source, target, level, severity", [
    # a frequent word alone: maybe the ordinary word
    ("Take a note of it.", "Запишите это.", "low", "warning"),
    # a specialised word: sure
    ("Return a tuple.", "Верните значение.", "high", "error"),
    # a frequent word with another term of the glossary beside it: likely the term's sense
    ("The note on the namespace.", "Замечание о пространстве имён.", "medium", "warning"),
    # a frequent word set off as a label
    ('Click "Note" to save.', "Нажмите «Заметка».", "medium", "warning"),
    # a capital inside a sentence is more often a name's than a label's: no sign
    ("Click Note to save.", "Нажмите «Заметка».", "low", "warning"),
])
def test_confidence_of_missing_terms(source, target, level, severity):
    (f,) = check([Segment(source, target)], COMMON, rules=["missing-term"]).findings
    assert (f.confidence, f.severity) == (level, severity), f.reason


FIELD = [Term("field", "поле", "field"), Term("operation", "эксплуатация", "operation"),
         Term("tuple", "кортеж", "tuple")]
_RENDERED = [("The field is required.", "Поле обязательно."), ("Add a field.", "Добавьте поле."),
             ("Remove the field.", "Удалите поле.")]
_OTHER_SENSE = [("Each operation returns a tuple.", "Каждая операция возвращает кортеж."),
                ("An operation failed.", "Операция не удалась."),
                ("Run the operation again.", "Повторите операцию.")]


@pytest.mark.parametrize("draft, checked, level", [
    # the draft renders the everyday word as the glossary says elsewhere: a true miss,
    # reported high although nothing in its own segment confirms the sense
    (_RENDERED, ("The field value.", "Значение атрибута."), "high"),
    # the draft never renders it so, though the segment names a specific term: another
    # sense of the word (operations of a program, not эксплуатация), low
    (_OTHER_SENSE, ("The operation on a tuple.", "Операция над кортежем."), "low"),
    # a single other segment is no evidence: the segment's own signs decide
    (_RENDERED[:1], ("The field value.", "Значение атрибута."), "low"),
    # a specialised word the draft renders elsewhere: a miss
    ([("Return a tuple.", "Верните кортеж."), ("A tuple.", "Запись.")] * 2, ("A tuple.", "Запись."),
     "high"),
    # fewer than half do: another sense is the likelier reading
    ([*_RENDERED[:1], *[("A field trip.", "Экскурсия.")] * 2], ("A field day.", "Праздник."),
     "low"),
    # half the other segments render it: the term's sense is the draft's
    ([*_RENDERED[:1], ("A field.", "Атрибут.")], ("The field value.", "Значение атрибута."),
     "high"),
])
def test_the_draft_settles_a_common_words_sense(draft, checked, level):
    segments = [Segment(s, t) for s, t in (*draft, checked)]
    found = check(segments, FIELD, rules=["missing-term"]).findings
    last = [f for f in found if f.segment == len(segments)]
    assert [f.confidence for f in last] == [level], [f.reason for f in last]


@pytest.mark.parametrize("filler, level", [
    # a technical draft names its terms everywhere: a term beside the word is no sign
    (("Return a tuple.", "Верните кортеж."), "low"),
    # a draft that seldom does: the term beside it is a sign of the subject
    (("Return it.", "Верните его."), "medium"),
])
def test_a_term_beside_a_common_word_counts_only_where_terms_are_rare(filler, level):
    segments = [Segment(*filler)] * 12 + [Segment("The note on the tuple.", "Замечание о кортеже.")]
    found = check(segments, COMMON, rules=["missing-term"]).findings
    assert [(f.term, f.confidence) for f in found] == [("note", level)], found[-1].reason


def test_a_specific_term_never_rendered_is_a_systematic_departure():
    segments = [Segment("Return a tuple.", "Верните запись.")] * 4
    found = check(segments, FIELD, rules=["missing-term"]).findings
    assert [(f.confidence, f.severity) for f in found] == [("medium", "warning")] * 4
    assert "systematic" in found[0].reason


def test_draft_evidence_is_the_same_in_processes():
    segments = [Segment(s, t) for s, t in (*_RENDERED, *_OTHER_SENSE) * 20]
    segments.append(Segment("The field value.", "Значение атрибута."))
    one = check(segments, FIELD, rules=["missing-term"]).findings
    two = check(segments, FIELD, rules=["missing-term"], jobs=2).findings
    assert one == two and one[-1].confidence == "high"


def _draft(tmp_path, glossary: str, draft: str) -> list[str]:
    """`check` arguments for a TSV draft against a TSV glossary (both written here)."""
    (tmp_path / "terms.tsv").write_text("id\tru\ten\n" + glossary, encoding="utf-8")
    (tmp_path / "d.tsv").write_text(draft, encoding="utf-8")
    return ["check", str(tmp_path / "d.tsv"), "--glossary", str(tmp_path / "terms.tsv")]


NOTE = "note\tпримечание\tnote\n"
TUPLE = "tuple\tкортеж\ttuple\n"
LOW_NOTE = "Take a note of it.\tЗапишите это.\n"      # a low-confidence finding
HIGH_TUPLE = "Return a tuple.\tВерните запись.\n"     # a high-confidence one


def test_min_confidence_filters(runner, tmp_path):
    args = [*_draft(tmp_path, NOTE, LOW_NOTE), "--format", "csv"]
    low = runner.invoke(main, [*args, "--min-confidence", "low"])
    assert low.exit_code == 0            # a warning only
    assert ",low," in low.stdout and "nothing in the segment confirms" in low.stdout
    assert low.stderr == ""
    high = runner.invoke(main, [*args, "--min-confidence", "medium"])
    assert high.stdout.splitlines()[1:] == []


LEFT_OUT = "1 finding below medium confidence left out (--min-confidence low shows all)"


@pytest.mark.parametrize("fmt, on_stdout", [("csv", False), ("json", False), ("text", True)])
def test_low_confidence_is_left_out_by_default_and_said(runner, tmp_path, fmt, on_stdout):
    args = _draft(tmp_path, NOTE + TUPLE, LOW_NOTE + HIGH_TUPLE)
    result = runner.invoke(main, [*args, "--format", fmt])
    assert result.exit_code == 1         # the high one (tuple) is an error; note is left out
    assert "tuple" in result.stdout and "«note»" not in result.stdout
    if on_stdout:  # the text summary says it; no second word on stderr
        assert LEFT_OUT in result.stdout.splitlines()[-1] and result.stderr == ""
    else:
        assert result.stderr == LEFT_OUT[0].upper() + LEFT_OUT[1:] + ".\n"
    if fmt == "json":
        summary = json.loads(result.stdout)["summary"]
        assert (summary["min_confidence"], summary["below_min_confidence"]) == ("medium", 1)


@pytest.mark.parametrize("draft, level, code, shown", [
    (LOW_NOTE, "medium", 0, "No findings"),        # the low one left out: nothing reported
    (LOW_NOTE, "low", 0, "0 errors, 1 warning"),    # reported, a warning: still 0
    (HIGH_TUPLE, "medium", 1, "1 error"),
    (HIGH_TUPLE, "high", 1, "1 error"),
])
def test_exit_status_follows_the_reported_findings(runner, tmp_path, draft, level, code, shown):
    result = runner.invoke(main, [*_draft(tmp_path, NOTE + TUPLE, draft),
                                  "--min-confidence", level])
    assert result.exit_code == code and result.stdout.splitlines()[-1].startswith(shown)


@pytest.mark.parametrize("source, target, expected", [
    # the same English word as a verb: the rendering is there, nothing to report
    ("Изучение языка.", "You study the language.", []),
    ("Проверка перевода.", "Check the translation.", []),
    ("Изучение языка.", "You are studying the language.", ["part-of-speech"]),
    ("Проверка перевода.", "The translation was approved.", ["missing-term"]),
    ("The check took an hour.", "Проверьте всё.", ["part-of-speech"]),
])
def test_another_part_of_speech_is_its_own_low_finding(source, target, expected):
    terms = [Term("study", "изучение", "study"), Term("check", "проверка", "check")]
    found = check([Segment(source, target)], terms,
                  rules=["missing-term", "part-of-speech"]).findings
    assert [f.rule for f in found] == expected
    assert all(f.severity == "warning" and f.confidence == "low"
               for f in found if f.rule == "part-of-speech")


@pytest.mark.parametrize("source, target, found", [
    ("Accounting rules.", "Правила бухгалтерии.", []),              # accounting is not account
    ("The file was saved.", "Файл сохранён.", []),                   # saved is not a saving
    ("Querying data.", "Данные.", ["query"]),                        # a gerund names the action
])
def test_english_lemmas(source, target, found):
    terms = [Term("account", "счёт", "account"), Term("saving", "сбережение", "saving"),
             Term("query", "запрос", "query")]
    report = check([Segment(source, target)], terms, rules=["missing-term"])
    assert [f.term for f in report.findings] == found


@pytest.mark.parametrize("target, found", [
    ("Данные хранятся в memtx'е.", []),
    ("Данные хранятся в MemTX’е.", []),
    ("Данные хранятся в memtxʼе.", []),
    ("Данные хранятся в vinyl'е.", ["memtx"]),       # another name with an ending: no rendering
    ("Данные хранятся в memtxовом движке.", ["memtx"]),  # no apostrophe: another word
])
def test_a_russian_ending_after_an_apostrophe_keeps_the_name(target, found):
    terms = [Term("memtx", "memtx", "memtx")]
    report = check([Segment("Data is stored in memtx.", target)], terms, rules=["missing-term"])
    assert [f.term for f in report.findings] == found


@pytest.mark.parametrize("source, target, found", [
    # the same English word in another part of speech renders the term: nothing to report
    ("Проведение проверки температуры.", "Scanners to check the temperature.", []),
    # a place name after "in … for" is no idiom («in order for»)
    ("Число случаев для Италии за период.", "The number in Italy for the period.", []),
    # a missing space after a full stop glues two sentences, not a dotted code name
    ("Испытания в Китае и Италии. Хлорохин раньше.", "Trials in China and Italy.Chloroquine, "
     "previously.", []),
    ("Испытания в Италии. С 8 апреля.", "Trials in Italy.As of 8 April.", []),
    # another form of the word is still another part of speech
    ("Проведение проверки.", "Scanners were checked.", [("part-of-speech", "verification")]),
    # and a word that is not there is still missing
    ("Число случаев для Италии.", "The number in Spain.", [("missing-term", "italy")]),
    # the country by its adjective: rendered («правительство Италии», the Italian government)
    ("Власти Италии закрыли школы.", "Italian authorities closed schools.", []),
])
def test_the_same_word_is_a_rendering(source, target, found):
    terms = [Term("verification", "проверка", "verification", en_variants=("check",)),
             Term("italy", "Италия", "Italy", kind="place")]
    report = check([Segment(source, target)], terms, rules=["missing-term", "part-of-speech"])
    assert [(f.rule, f.term) for f in report.findings] == found


@pytest.mark.parametrize("source, target, found", [
    ("Edit the file.", "Отредактируйте файл.", [("part-of-speech", "edit")]),
    ("Logging is on.", "Журналирование включено.", [("part-of-speech", "log")]),
    ("Select the rows.", "Сделайте выборку строк.", [("part-of-speech", "select")]),
    # still missing when no word of the family is there
    ("Select the rows.", "Возьмите строки.", [("missing-term", "select")]),
    ("Logging is on.", "Журналист пришёл.", [("missing-term", "log")]),
])
def test_derivation_beyond_one_stem_in_check(source, target, found):
    terms = [Term("edit", "редактирование", "edit"), Term("log", "журнал", "logging"),
             Term("select", "выбрать", "select")]
    report = check([Segment(source, target)], terms, rules=["missing-term", "part-of-speech"])
    assert [(f.rule, f.term) for f in report.findings] == found


def test_a_name_beside_a_common_word_confirms_no_subject():
    terms = [Term("note", "примечание", "note"), Term("hungary", "Венгрия", "Hungary",
                                                        kind="place")]
    (f,) = check([Segment("A note from Hungary.", "Письмо из Венгрии.")], terms,
                 rules=["missing-term"]).findings
    assert (f.term, f.confidence) == ("note", "low")


@pytest.mark.parametrize("source, level", [
    ("You may log in now.", "low"),        # an adverb has no subject for a term to confirm
    ('Click "now" to log in.', "medium"),  # set off as a label: the glossary's use
])
def test_a_term_beside_an_adverb_confirms_no_sense(source, level):
    terms = [Term("now", "сейчас", "now"), Term("log-in", "войти", "log in")]
    (f,) = check([Segment(source, "Теперь вы можете войти.")], terms, rules=["missing-term"],
                 min_confidence="low").findings
    assert (f.term, f.confidence) == ("now", level), f.reason


@pytest.mark.parametrize("source, target, compound", [
    # time zone is also written timezone: a compound with a rendering of its own
    ("It cannot be read in time zone %s.", "Его нельзя прочесть в часовом поясе %s.", True),
    # no such word: each noun is its own (a time value, not a compound)
    ("It cannot be read in time value %s.", "Его нельзя прочесть в значении %s.", False),
    ("Any time you like.", "Когда угодно.", False),   # anytime: no compound noun
])
def test_a_term_inside_a_written_compound_is_low(source, target, compound):
    # the draft renders the term elsewhere: a slip here, unless a compound holds the word
    terms = [Term("time", "время", "time")]
    draft = [Segment("Enter a valid time.", "Введите правильное время."),
             Segment("The time is wrong.", "Время указано неверно."), Segment(source, target)]
    (f,) = check(draft, terms, rules=["missing-term"], min_confidence="low").findings
    assert ("is also written «timezone»" in f.reason) is compound, f.reason
    assert f.confidence == ("low" if compound else "high")


def test_a_compound_translated_word_by_word_still_needs_the_term():
    # file name is also written filename, but the target renders «name» as the glossary
    # says: the compound was translated word by word, and «файл» is missing from it
    terms = [Term("file", "файл", "file"), Term("name", "имя", "name")]
    draft = [Segment("Open the file.", "Откройте файл."), Segment("The file is empty.", "Файл пуст."),
             Segment("Enter the file name.", "Введите имя.")]
    (f,) = check(draft, terms, rules=["missing-term"], min_confidence="low").findings
    assert (f.term, f.confidence) == ("file", "high"), f.reason
    # without «name» in the glossary nothing tells how the compound was translated
    (f,) = check(draft, terms[:1], rules=["missing-term"], min_confidence="low").findings
    assert f.confidence == "low" and "filename" in f.reason, f.reason


def test_a_term_beside_a_noun_still_confirms_its_sense():
    terms = [Term("note", "примечание", "note"), Term("log-in", "войти", "log in")]
    (f,) = check([Segment("Log in to read the note.", "Войдите, чтобы прочесть письмо.")],
                 terms, rules=["missing-term"], min_confidence="low").findings
    assert (f.term, f.confidence) == ("note", "medium"), f.reason


@pytest.mark.parametrize("target, found", [
    ("Итальянское правительство закрыло школы.", []),
    ("Правительство Италии закрыло школы.", []),
    ("Правительство закрыло школы.", ["italy"]),
    ("Стальное правительство закрыло школы.", ["italy"]),
])
def test_a_place_rendered_by_its_adjective_in_russian(target, found):
    terms = [Term("italy", "Италия", "Italy", kind="place")]
    report = check([Segment("The government of Italy closed schools.", target)], terms,
                   rules=["missing-term", "part-of-speech"])
    assert [f.term for f in report.findings] == found
