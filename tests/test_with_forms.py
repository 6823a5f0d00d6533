"""export --with-forms for CAT tools without morphology: source side only, each form to the
preferred rendering, marked as a form, and no impossible forms."""
from __future__ import annotations

import pytest

from cli import main
from glossary import load, termfiles
from glossary.model import Glossary, Term
from glossary.variants import source_forms, with_forms

CAMP = Term("camp", "лагерь", "camp", en_variants=("encampment",), en_forbidden=("lager",))
WAR = Term("gpw", "Великая Отечественная война", "Great Patriotic War")
NAME = Term("devyatayev", "Михаил Девятаев", "Mikhail Devyatayev", kind="name")
CHIEF = Term("chief", "Верховный главнокомандующий", "Supreme Commander-in-Chief", kind="title")
MEDAL = Term("medal", "медаль «Партизану Отечественной войны»", "To a Partisan of the Patriotic War",
             kind="title")


@pytest.mark.parametrize("term, lang, present, absent", [
    (CAMP, "ru", ["лагеря", "лагерей", "лагерях"], ["лагери", "лагерь"]),
    (CAMP, "en", ["camps", "camp's", "encampments"], ["camp", "lager", "lagers"]),
    (WAR, "ru", ["Великой Отечественной войны"], ["Великие Отечественные войны",
                                                 "Великих Отечественных войн"]),
    (WAR, "en", ["Great Patriotic War's"], ["Great Patriotic Wars"]),
    (NAME, "ru", ["Михаила Девятаева", "Михаилом Девятаевым"], ["Михаилы Девятаевы"]),
    (NAME, "en", ["Mikhail Devyatayev's"], ["Mikhail Devyatayevs"]),
    (CHIEF, "en", ["Supreme Commanders-in-Chief"], ["Supreme Commander-in-chiefs",
                                                   "Supreme Commander-in-Chiefs"]),
    (MEDAL, "en", [], ["To a Partisans of the Patriotic War"]),
    # a surname the dictionary lacks keeps its ё; a word whose ё goes by morphology loses it
    (Term("h", "Эрих Гёпнер", "Erich Hoepner", kind="name"), "ru", ["Эрихом Гёпнером"],
     ["Эрихом Гепнером"]),
    (Term("e", "ёж", "hedgehog"), "ru", ["ежа"], ["ёжа"]),
    (Term("o", "Орёл", "Oryol", kind="place"), "ru", ["Орла"], ["Орлы"]),
])
def test_no_impossible_forms(term, lang, present, absent):
    forms = source_forms(term, lang)
    assert set(present) <= set(forms), forms
    assert not set(absent) & set(forms), forms


@pytest.mark.parametrize("ru, en, plural_ru, plural_en", [
    ("шпионаж", "espionage", None, None),                 # pymorphy3 does not mark these
    ("снабжение", "supply", None, None),
    ("плен", "captivity", None, None),
    ("лагерь", "camp", "лагерям", "camps"),
    ("дезертир", "deserter", "дезертирами", "deserters"),
    ("заградотряд", "barrier detachment", "заградотрядами", "barrier detachments"),  # rare: kept
    ("ефрейтор", "lance corporal", "ефрейторам", "lance corporals"),  # people are counted
])
def test_mass_nouns_have_no_plural(ru, en, plural_ru, plural_en):
    term = Term("t", ru, en)
    ru_forms, en_forms = source_forms(term, "ru"), source_forms(term, "en")
    if plural_ru is None:
        assert not [f for f in ru_forms if f.endswith(("ам", "ями", "ами", "ах", "ях"))], ru_forms
        assert en_forms == [f"{en}'s"]
    else:
        assert plural_ru in ru_forms and plural_en in en_forms


def test_omegat_maps_each_source_form_to_the_preferred_rendering():
    text = termfiles.dumps(with_forms(Glossary([CAMP]), "ru-en"), "omegat", "ru-en")
    lines = text.splitlines()
    forms = source_forms(CAMP, "ru")
    # the approved pairs, then one line a form: no source × target product
    assert len(lines) == 2 + len(forms)
    assert "лагерях\tcamp\tForm of лагерь. one concept: camp Forbidden: lager" in lines
    assert not any(line.split("\t")[1] == "encampment" and line.split("\t")[0] != "лагерь"
                   for line in lines)


def test_tbx_marks_forms_as_forms_and_reads_back_without_them(tmp_path):
    path = tmp_path / "g.tbx"
    termfiles.write(with_forms(Glossary([CAMP, WAR]), "ru-en"), path, "tbx")
    text = path.read_text(encoding="utf-8")
    assert ('<tig><term>лагерях</term><termNote type="termType">variant</termNote>'
            "<note>inflected form of лагерь</note></tig>") in text
    assert text.count("admittedTerm-admn-sts") == 1               # encampment only
    back = termfiles.read(path)
    assert [(t.ru, t.ru_variants, t.en_variants) for t in back] == [
        ("лагерь", (), ("encampment",)), ("Великая Отечественная война", (), ())]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json"])
def test_table_formats_have_a_forms_column(tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    termfiles.write(with_forms(Glossary([CAMP]), "en-ru"), path, fmt)
    [term] = termfiles.read(path).terms
    assert dict(term.extra)["en_forms"].split(" | ") == source_forms(CAMP, "en")
    assert term.en_variants == ("encampment",)                     # not grown by the forms


def test_po_gives_each_form_its_own_entry(tmp_path):
    path = tmp_path / "g.po"
    termfiles.write(with_forms(Glossary([CAMP]), "ru-en"), path, "po", "ru-en")
    text = path.read_text(encoding="utf-8")
    assert 'msgctxt "form of лагерь"\nmsgid "лагерях"\nmsgstr "camp"' in text
    assert [t.ru for t in termfiles.read(path)] == ["лагерь"]


def test_shipped_glossary_export_has_no_product(runner):
    """The issue's 28,820-line export: forms × forms. Now the approved pairs plus one line
    per source form."""
    glossary = load()
    pairs = sum(len(t.approved("ru")) * len(t.approved("en")) for t in glossary)
    forms = sum(len(source_forms(t, "ru")) for t in glossary)
    result = runner.invoke(main, ["export", "--format", "omegat", "--with-forms"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == pairs + forms


def test_omegat_reads_back_without_its_forms(tmp_path):
    # as TBX and PO do: the forms an export added are no concepts of their own; a note of
    # a user's that starts as a form's does is a note
    uniform = Term("form", "форма", "form", note="Form of a word. Not a uniform.")
    path = tmp_path / "g.txt"
    termfiles.write(with_forms(Glossary([CAMP, NAME, uniform]), "ru-en"), path, "omegat")
    assert "лагерях\tcamp\tForm of лагерь. one concept: camp" in path.read_text(encoding="utf-8")
    assert [(t.ru, t.ru_variants, t.en, t.en_variants, t.en_forbidden, t.note)
            for t in termfiles.read(path)] == [
        ("лагерь", (), "camp", ("encampment",), ("lager",), ""),
        ("Михаил Девятаев", (), "Mikhail Devyatayev", (), (), ""),
        ("форма", (), "form", (), (), "Form of a word. Not a uniform.")]
