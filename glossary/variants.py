"""Inflected forms of glossary terms: the Russian case × number paradigm with agreement,
English plural and possessive. What translators paste into tools without morphology."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import english, morph
from .clipped import clipped_forms
from .model import FORMS_COLUMN, SEPARATOR, Glossary, Term
from .normalize import fold
from .ru import HARD_MASCULINE_ENDINGS, is_ordinal_ending
from .tokens import Token, tokenize

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NUMBERS = ("sing", "plur")
_MODIFIERS = {"ADJF", "PRTF"}
# English prepositions after which a phrase's words are dependents, not its head.
_EN_PREPOSITIONS = {"of", "for", "in", "on", "at", "to", "by", "with", "from", "under", "behind"}


@dataclass(frozen=True)
class Form:
    case: str
    number: str
    text: str


@dataclass(frozen=True)
class Variants:
    """Everything `glossary variants` shows for a term: its Russian paradigm (of every
    approved Russian form), English forms and transliterations. `term` is None for a phrase
    not in the glossary (inflected as a Russian term)."""

    ru: str
    term: Term | None = None
    ru_forms: list[Form] = field(default_factory=list)
    en_forms: list[str] = field(default_factory=list)
    transliterations: dict[str, str] = field(default_factory=dict)
    clipped: list[str] = field(default_factory=list)   # спецлагерь for специальный лагерь

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.term.id if self.term else None, "ru": self.ru,
                "en": self.term.en if self.term else None,
                "ru_forms": [{"case": f.case, "number": f.number, "form": f.text}
                             for f in self.ru_forms],
                "en_forms": self.en_forms, "transliterations": self.transliterations,
                "clipped": self.clipped}

    def forms(self) -> list[str]:
        """Every distinct form, Russian then English (for pasting into a tool)."""
        return list(dict.fromkeys([f.text for f in self.ru_forms] + self.clipped + self.en_forms))


def describe(glossary: Glossary, text: str) -> Variants:
    """The variants of a glossary entry given by id or by any form (the best lookup hit), or
    of a phrase not in the glossary.

    >>> from glossary import load
    >>> v = describe(load(), "заградотрядами")
    >>> v.term.id, v.ru_forms[0].text, v.transliterations["bgn-pcgn"]
    ('blocking-detachment', 'заградительный отряд', 'zagraditelnyy otryad')
    """
    from .lookup import Lookup
    from .translit import SCHEMES, to_latin

    text = text.strip()
    term = glossary.by_id().get(text)
    if term is None:
        hits = Lookup(glossary).find(text)
        term = hits[0].term if hits else None
    ru = term.ru if term else text
    kind = term.kind if term else "term"
    return Variants(
        ru=ru, term=term,
        ru_forms=[f for form in (term.approved("ru") if term else (ru,))
                  for f in paradigm(form, kind)],
        en_forms=[f for form in (term.approved("en") if term else ())
                  for f in english_forms(form, kind)],
        transliterations={scheme: to_latin(ru, scheme) for scheme in SCHEMES},
        clipped=clipped_variants(term.approved("ru") if term else (ru,)))


# Kinds that take no English plural: names, places, bodies, one-off events, abbreviations.
UNCOUNTED_KINDS = frozenset({"name", "place", "organisation", "event", "abbreviation"})


def paradigm(phrase: str, kind: str = "term") -> list[Form]:
    """Every case × number form of a Russian term: modifiers before the head noun agree with
    it, words after the head (НКВД по охране тыла) stay as they are; in a person's name
    (kind "name") every word inflects. A plural dictionary form (войска) gives plural forms
    only. Empty when the phrase has no nominative head noun or its head is an abbreviation.

    >>> [f.text for f in paradigm("фильтрационный лагерь") if f.case == "loct"]
    ['фильтрационном лагере', 'фильтрационных лагерях']
    >>> paradigm("Войска НКВД по охране тыла")[2].text
    'Войскам НКВД по охране тыла'
    """
    plan = _plan(phrase, kind)
    if plan is None:
        return _foreign_surname(phrase) if kind == "name" else []
    head_parse = plan[1]
    numbers = ("plur",) if "plur" in head_parse.tag else NUMBERS
    forms = []
    for number in numbers:
        for case in CASES:
            for head in _head_forms(head_parse, case, number):
                text = _inflect(phrase, plan, case, number, head)
                if text is not None:
                    forms.append(Form(case, number, text))
    return forms


def clipped_variants(phrases: tuple[str, ...] | list[str]) -> list[str]:
    """The usual clipped forms of a term's Russian forms, each once, with their inflected
    forms matched without being listed (see clipped.py).

    >>> clipped_variants(["штрафной батальон", "штрафбат"])
    ['штрафбат']
    >>> clipped_variants(["специальный лагерь", "специальный лагерь НКВД"])
    ['спецлагерь', 'спецлагерь НКВД']
    """
    return list(dict.fromkeys(c for phrase in phrases for c in clipped_forms(phrase)))


def _foreign_surname(name: str) -> list[Form]:
    """A one-word surname ending in a consonant that the dictionary cannot place (Ошкалн:
    pymorphy3 reads it as a plural of «Ошкална»; Банов as a case of «бана») declines as a
    man's surname: -ов/-ев/-ин like Иванов (Бановым), other consonants as a hard masculine
    noun (Ошкалном); -ых/-их never declines.
    """
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+[бвгдзклмнпрстфхжшчщ]", name) or name.endswith(("ых", "их")):
        return []
    if name.endswith(("ов", "ев", "ёв", "ин", "ын")):
        endings = _POSSESSIVE_SURNAME
    else:
        endings = dict(HARD_MASCULINE_ENDINGS)
        endings["accs", "sing"], endings["accs", "plur"] = endings["gent", "sing"], endings["gent", "plur"]
        if name[-1] in "гкхжшчщ":   # spelling rule: no ы after these letters
            endings["nomn", "plur"] = "и"
    return [Form(case, number, name + endings.get((case, number), ""))
            for number in NUMBERS for case in CASES]


# Case endings of a man's surname in -ов, -ев, -ин (Иванов, Иванова, Ивановым, Ивановых).
_POSSESSIVE_SURNAME = {
    ("gent", "sing"): "а", ("datv", "sing"): "у", ("accs", "sing"): "а", ("ablt", "sing"): "ым",
    ("loct", "sing"): "е", ("nomn", "plur"): "ы", ("gent", "plur"): "ых", ("datv", "plur"): "ым",
    ("accs", "plur"): "ых", ("ablt", "plur"): "ыми", ("loct", "plur"): "ых",
}


def _head_forms(parse, case: str, number: str) -> list[str]:
    """Every current spelling the dictionary has for one case and number (лагеря, лагери)."""
    wanted = {case, number}
    if number == "sing" and parse.tag.gender:
        wanted.add(parse.tag.gender)  # a surname's lexeme holds both genders
    # Forms tagged V-… are archaic or poetic spellings (управленьем): not for translators.
    words = [p.word for p in parse.lexeme
             if wanted in p.tag and not any(g.startswith("V-") for g in p.tag.grammemes)]
    return list(dict.fromkeys(words))


def inflect_ru(phrase: str, case: str, number: str) -> str | None:
    """The phrase in one case and number, or None when it cannot be inflected.

    >>> inflect_ru("штрафной батальон", "ablt", "sing")
    'штрафным батальоном'
    """
    plan = _plan(phrase)
    return _inflect(phrase, plan, case, number) if plan else None


def inflect_like(phrase: str, example: str) -> str | None:
    """The phrase in the case and number of an inflected example (the head noun decides).

    >>> inflect_like("штрафной батальон", "с заградотрядами")
    'штрафными батальонами'
    """
    grammar = _grammar_of(example)
    return inflect_ru(phrase, *grammar) if grammar else None


def english_forms(phrase: str, kind: str = "term") -> list[str]:
    """The English term, its plural and possessives (names: possessive only).

    >>> english_forms("Hero of the Soviet Union")[:3]
    ['Hero of the Soviet Union', 'Heroes of the Soviet Union', "Hero of the Soviet Union's"]
    >>> english_forms("penal battalion")
    ['penal battalion', 'penal battalions', "penal battalion's", "penal battalions'"]
    """
    forms = [phrase]
    words = phrase.split(" ")
    head = _english_head(words)
    # A phrase opening with a preposition is a name (the medal "To a Partisan of …").
    countable = kind not in UNCOUNTED_KINDS and words[0].lower() not in _EN_PREPOSITIONS
    if countable and words[head][:1].isalpha() and not words[head].isupper():
        plural = " ".join(words[:head] + [_plural_word(words[head])] + words[head + 1:])
        if plural != phrase:
            forms.append(plural)
    for form in list(forms):
        if form.split(" ")[-1] == words[-1] or head == len(words) - 1:
            possessive = english.possessive(form)
            if possessive not in forms:
                forms.append(possessive)
    return forms


def english_plural(phrase: str, forms: Callable[[str], list[str]] = english_forms) -> str:
    """The plural of an English term, or the term itself; `forms` as english_forms gives them.

    >>> english_plural("special camp"), english_plural("Red Army")
    ('special camps', 'Red Armies')
    """
    found = forms(phrase)
    return found[1] if len(found) > 1 and not found[1].endswith(("'s", "'")) else phrase


def english_like(phrase: str, example: str,
                 forms: Callable[[str], list[str]] = english_forms) -> str:
    """The English phrase in the number of the example's head noun; `forms` as english_plural's.

    >>> english_like("filtration camp", "filtration camps"), english_like("NKVD", "NKVD")
    ('filtration camps', 'NKVD')
    """
    if not plural_head(example):
        return phrase
    found = forms(phrase)
    return found[1] if len(found) > 1 and not found[1].endswith("'s") else phrase


def plural_head(example: str) -> bool:
    """Whether the head noun of an English example is plural (not its own noun lemma).

    >>> plural_head("filtration camps"), plural_head("NKVD troops' camp"), plural_head("")
    (True, False, False)
    """
    words = example.split()
    if not words:
        return False
    head = words[_english_head(words)].lower().rstrip("'’")
    return head not in english.listed(head).get("NOUN", (head,))


# --- forms for CAT tools without morphology (export --with-forms) ---

# Kinds naming one particular thing: no plural in an export (no "Great Patriotic Wars").
ONE_OF_A_KIND_KINDS = frozenset({"name", "place", "organisation", "abbreviation", "document",
                                 "citation", "unit"})
# Kinds that are classes of people even when written with a capital (Marshals of the …).
_COUNTED_KINDS = frozenset({"rank", "title"})
# Masculine nouns whose -ы/-и plural is the norm although the dictionary also has -а/-я.
_PLURAL_IN_Y = frozenset({"год"})


def with_forms(glossary: Glossary, direction: str = "ru-en") -> Glossary:
    """The glossary with the inflected forms of each term's source-language approved forms
    in an extra column (FORMS_COLUMN of the source language), for CAT tools that lack
    morphology. Only the source side: a CAT tool matches source text, and each form maps to
    the preferred rendering (writers show forms as forms, not as admitted synonyms)."""
    src = direction.split("-")[0]
    column = FORMS_COLUMN.format(src)
    terms = [term.with_changes(extra=(*term.extra, (column, SEPARATOR.join(source_forms(term, src)))))
             for term in glossary]
    return Glossary(terms, columns=(*glossary.columns, column), path=glossary.path)


def source_forms(term: Term, lang: str) -> list[str]:
    """The forms of a term's approved `lang` forms a tool without morphology needs, the
    approved ones left out: one usual spelling per case and number (лагеря, not the rarer
    лагери), and no plural of a one-of-a-kind thing (a name, the Great Patriotic War).

    >>> source_forms(Term("c", "лагерь", "camp"), "ru")[:6]
    ['лагеря', 'лагерю', 'лагерем', 'лагере', 'лагерей', 'лагерям']
    >>> source_forms(Term("w", "Великая Отечественная война", "Great Patriotic War"), "en")
    ["Great Patriotic War's"]
    >>> source_forms(Term("s", "Верховный главнокомандующий", "Supreme Commander-in-Chief",
    ...                   kind="title"), "en")
    ['Supreme Commanders-in-Chief', "Supreme Commander-in-Chief's", "Supreme Commanders-in-Chief's"]
    """
    single = one_of_a_kind(term) or uncountable(term.ru)
    approved = {fold(f) for f in term.approved(lang)}
    found: list[str] = []
    for form in term.approved(lang):
        if lang == "ru":
            found += _usual_paradigm(form, term.kind, single)
        else:
            found += [f for f in english_forms(form, term.kind)
                      if not single or english.without_possessive(f) == form]
    return [f for f in dict.fromkeys(found) if fold(f) not in approved]


def one_of_a_kind(term: Term) -> bool:
    """Whether the term names one particular thing, so has no plural: by its kind, or, for
    a general kind, a Russian form with a capital or a «quoted» name (Russian capitalises
    proper names only: Великая Отечественная война, but пограничный округ)."""
    if term.kind in ONE_OF_A_KIND_KINDS:
        return True
    return term.kind not in _COUNTED_KINDS and (term.ru[:1].isupper() or "«" in term.ru)


# A Russian noun common enough in general text for its absences to mean something (Zipf 2.5:
# about three uses in a million words) whose plainly plural forms never occur there is a
# mass noun. pymorphy3 marks few of them (Sgtm): шпионаж, снабжение, плен are not marked.
_MASS_EVIDENCE_ZIPF = 2.5


def uncountable(phrase: str) -> bool:
    """Whether the head noun of a Russian phrase is used in the singular only, as far as
    general text (wordfreq) shows: its dative, instrumental and prepositional plurals (which
    no singular form shares) never occur although the word itself is common. A rare word
    proves nothing and keeps its plural.

    >>> uncountable("шпионаж"), uncountable("фильтрационный лагерь"), uncountable("заградотряд")
    (True, False, False)
    """
    from wordfreq import zipf_frequency

    for word in phrase.split():
        parse = morph.parse(word.lower())[0]
        if parse.tag.POS == "NOUN" and parse.normal_form == word.lower() and {
                "sing", "inan"} <= parse.tag.grammemes:  # people are counted (ефрейторы)
            plurals = [f.word for case in ("datv", "ablt", "loct")
                       if (f := parse.inflect({case, "plur"})) is not None]
            return (zipf_frequency(parse.normal_form, "ru") >= _MASS_EVIDENCE_ZIPF
                    and bool(plurals) and not any(zipf_frequency(f, "ru") for f in plurals))
    return False


def _usual_paradigm(phrase: str, kind: str, single: bool) -> list[str]:
    """One spelling per case and number: of two plurals (лагеря/лагери, пропуска/пропуски),
    the -а/-я one, the usual one for the concrete, institutional sense."""
    cells: dict[tuple[str, str], list[str]] = {}
    forms = paradigm(phrase, kind)
    # A word the dictionary lacks is inflected by analogy, which spells ё as е (Гёпнер →
    # Гепнера): put it back, where the nominative shows that is all that changed.
    lost_yo = bool(forms) and forms[0].text != phrase and forms[0].text == phrase.replace(
        "ё", "е").replace("Ё", "Е")
    for form in forms:
        if not (single and form.number == "plur"):
            text = _with_yo(form.text, phrase) if lost_yo else form.text
            cells.setdefault((form.case, form.number), []).append(text)
    return [_usual(texts) for texts in cells.values()]


def _with_yo(form: str, phrase: str) -> str:
    """ё put back into an inflected form where the phrase has it and the form, identical up
    to there, has е.

    >>> _with_yo("Эриха Гепнера", "Эрих Гёпнер")
    'Эриха Гёпнера'
    """
    words = form.split(" ")
    for n, (word, model) in enumerate(zip(words, phrase.split(" "))):
        chars = list(word)
        for i, c in enumerate(model[:len(word)]):
            if c in "ёЁ" and chars[i] in "еЕ" and word[:i].lower() == model[:i].lower():
                chars[i] = c
        words[n] = "".join(chars)
    return " ".join(words)


def _usual(texts: list[str]) -> str:
    if len(texts) == 1:
        return texts[0]
    last = [t.split()[-1] if t.split() else t for t in texts]
    prefer_y = any(morph.parse(w.lower())[0].normal_form in _PLURAL_IN_Y for w in last)
    ending = ("ы", "и") if prefer_y else ("а", "я")
    return next((t for t, w in zip(texts, last) if w.endswith(ending)), texts[0])


def _plural_word(word: str) -> str:
    """Plural of a head word; in a hyphenated compound with a preposition the first part
    takes it (Commanders-in-Chief, not Commander-in-chiefs).

    >>> _plural_word("Commander-in-Chief"), _plural_word("Sergeant-at-Arms"), _plural_word("camp")
    ('Commanders-in-Chief', 'Sergeants-at-Arms', 'camps')
    """
    parts = word.split("-")
    for i, part in enumerate(parts[1:], start=1):
        if part.lower() in _EN_PREPOSITIONS:
            return "-".join([*parts[:i - 1], english.plural(parts[i - 1]), *parts[i:]])
    return english.plural(word)


def _english_head(words: list[str]) -> int:
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _EN_PREPOSITIONS:
            return i - 1
    return len(words) - 1


def _plan(phrase: str, kind: str = "term"):
    """(modifier parses by token index, head parse, head index, tokens) or None.

    In a person's name every word inflects with the last (Фёдором Павловским); elsewhere
    adjectives and participles before the head noun do."""
    tokens = [t for t in tokenize(phrase) if t.is_word]
    agreeing = _MODIFIERS | {"NOUN"} if kind == "name" else _MODIFIERS
    # Only the last piece of a hyphenated compound inflects (проверочно-фильтрационный).
    inflecting = [i for i, t in enumerate(tokens)
                  if not (i + 1 < len(tokens) and tokens[i + 1].joined)]
    modifiers = {}
    for i in inflecting:
        noun = _parse(tokens[i].norm, {"NOUN"}, "nomn")
        modifier = _parse(tokens[i].norm, agreeing, "nomn")
        if _is_ordinal(tokens, i):   # 1-й: the ending agrees like первый (третий for 3-й)
            noun = None
            modifier = _parse(_ORDINAL_MODEL[tokens[i - 1].norm.endswith("3")
                                             and not tokens[i - 1].norm.endswith("13")],
                              _MODIFIERS, "nomn")
        if modifier is not None and i != inflecting[-1]:
            modifiers[i] = modifier
            continue
        if noun is None and modifier is not None and len(inflecting) == 1:
            noun = modifier  # an adjective or participle used as a noun: интернированный
        abbreviated = phrase[tokens[i].end:tokens[i].end + 1] == "."   # т., г.
        if noun is None or "Fixd" in noun.tag or tokens[i].norm.isupper() or abbreviated:
            return None
        if any("plur" in m.tag for m in modifiers.values()) and "sing" in noun.tag:
            return None
        return modifiers, noun, i, tokens
    return None


def _parse(word: str, pos: set[str], case: str):
    for p in morph.parse(word.lower()):
        if p.tag.POS in pos and case in p.tag:
            return p
    return None


def _inflect(phrase: str, plan, case: str, number: str, head: str | None = None) -> str | None:
    modifiers, head_parse, head_index, tokens = plan
    if head is None:
        inflected = head_parse.inflect({case, number})
        if inflected is None:
            return None
        head = inflected.word
    replacements = {head_index: head}
    agree = {case, number}
    if number == "sing":
        agree.add(head_parse.tag.gender or "masc")
    if case == "accs" and (number == "plur" or "femn" not in agree and "neut" not in agree):
        # Animacy decides the accusative of masculine and plural modifiers only; a feminine
        # one asked for it is not inflected at all (the accusative was lost: дивизию).
        agree.add(head_parse.tag.animacy or "inan")
    for i, parse in modifiers.items():
        form = parse.inflect(agree)
        if form is None:
            return None
        replacements[i] = _ordinal_ending(form.word) if _is_ordinal(tokens, i) else form.word
    out, last = [], 0
    for i, tok in enumerate(tokens):
        if i in replacements:
            out.append(phrase[last:tok.start])
            out.append(_same_case(replacements[i], tok.text))
            last = tok.end
    out.append(phrase[last:])
    return "".join(out)


_ORDINAL_MODEL = {False: "первый", True: "третий"}


def _is_ordinal(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i].joined and is_ordinal_ending(tokens[i - 1].norm, tokens[i].norm)


def _ordinal_ending(word: str) -> str:
    """What follows the figure of an ordinal: one letter after a vowel, two after a consonant
    (первого → 1-го, первым → 1-м, третья → 3-я).

    >>> [_ordinal_ending(w) for w in ("первого", "первым", "первая", "третья", "первыми")]
    ['го', 'м', 'я', 'я', 'ми']
    """
    return word[-1:] if word[-2:-1] in "аеёиоуыэюяь" else word[-2:]


def _grammar_of(example: str) -> tuple[str, str] | None:
    """Case and number of the first word of an inflected phrase whose likeliest parse is a
    noun (so a preposition such as «с» is passed over)."""
    for tok in tokenize(example):
        if not tok.is_word:
            continue
        p = morph.parse(tok.norm.lower())[0]
        if p.tag.POS == "NOUN" and p.tag.case and p.tag.number:
            case = {"gen2": "gent", "loc2": "loct", "acc2": "accs"}.get(p.tag.case, p.tag.case)
            return case, p.tag.number
    return None


def _same_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
