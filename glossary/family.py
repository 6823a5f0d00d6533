"""Derivational families: whether two words are one word in different parts of speech.

«изучение» (a study) and «изучаете» (you study), "configure" and "configuration" are one
family: a translation that renders a noun term with a verb of its family has rendered the
term, in another part of speech. This is for telling that, never for matching terms (the
matcher compares lemmas; see keys.py).

Russian: pymorphy3 gives the lemma (a verb form's infinitive), the Snowball stemmer its
stem, and the stem loses the few suffixes that turn a verb into a noun of action
(-ение/-ание: изучен-ие → изуч; -к(а): провер-к-а → провер) or mark its aspect or theme
(-ыва-/-ива-/-ова-, a thematic vowel: изуча-ть → изуч). English: the Snowball stems of
every lemma lemminflect knows (configuring → configure → configur = configuration), and a
noun of action in -ion whose stem Snowball cuts apart from its verb's (verif-ication /
verifi-ed, invas-ion / invad-ing).

Beyond one stem: a noun of action (-ение, -ка: журналирование, выборка) is its own part of
speech here, so it is of the family of a plain noun with its root (журнал, выбор); a verb
with a prefix names the action of a noun made from the bare verb (отредактировать /
редактирование); a fleeting vowel before the root's last consonant comes and goes (выбор /
выбрать, сон / сна); a relational adjective in -н-, -ов-/-ев- is its noun's (пароль /
парольный, файл / файловый): English says "password-based", "file system" with the noun.
Apart from the family, `of_place` tells the adjective of a place or a people (Италия /
итальянский, Россия / российский in -ск-; Italy / Italian, Germany / German, China /
Chinese), which renders the place.

`aspect_partner` tells the other aspect of a verb (включает for включить, выбирает for
выбрать, отфильтровать for фильтровать), which renders it: not another part of speech, the
same verb.

Known limits: aspect pairs with a changed root (отложить / откладывать: лож / клад) are not
one family; a prefix that changes the verb's sense (пересмотреть for смотреть) still makes
its "perfective", and a relational adjective may come from a homonym of the noun (главный
for глава); a short noun in -ка can fall in with an unrelated verb (строка, строить);
suppletive adjectives of place (Германия / немецкий, France / French) are not found.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import english, morph
from .ru import CYRILLIC, YO


@lru_cache(maxsize=1)
def _russian_stemmer():
    """Snowball's Russian stemmer, imported on first use: the package builds every
    language's stemmer on import (a twentieth of a second a TM search never needs)."""
    import snowballstemmer

    return snowballstemmer.stemmer("russian")


# A root shorter than this after the suffixes are taken off is too short to be a family.
_MIN_ROOT = 4
_ACTION_NOUN_ENDINGS = ("ение", "ание", "яние", "тие")
_ACTION_NOUN_SUFFIXES = ("ен", "ан", "ян", "т")
_VERB_SUFFIXES = ("ирова", "изова", "ыва", "ива", "ова", "ева")
_THEME_VOWELS = ("а", "я", "е", "и")
# The same suffixes once -ение/-ание took their vowel (редактирован-ие → редактиров).
_NOUN_VERB_SUFFIXES = tuple(s[:-1] for s in _VERB_SUFFIXES)
# Verbal prefixes (perfective ones mostly), longest first: a prefixed verb names the action
# of a noun made from the bare one (от-редактировать / редактирование).
_PREFIXES = ("пере", "недо", "разъ", "расс", "под", "над", "пред", "при", "про", "раз", "рас",
             "без", "бес", "вос", "вз", "вс", "из", "ис", "от", "об", "до", "за", "на", "вы",
             "по", "съ", "со", "с", "у", "о", "в")
_FLEETING = ("о", "е")
# Suffixes of relational adjectives made from nouns (парольный, файловый, ключевой).
_RELATIONAL = ("н", "ов", "ев")
_VOWELS = frozenset("аеиоуыэюяё")
# An adjective of a place or a people: Russian -ск- (итальян-ск-ий, росс-ийск-ий); English
# stems ending as these after the name lost its last vowel (Ital-ian, German-, Chin-es).
_RU_OF_PLACE = re.compile(r"[ьъ]?[аеиоуыяй]{0,2}[нй]?ск$")
_EN_OF_PLACE = ("", "an", "ian", "n", "es", "ish", "ic")
ACTION = "ACTION"  # a noun of action, for the family's parts of speech
_VERBAL = frozenset({"INFN", "VERB", "PRTF", "PRTS", "GRND"})
# Coarse parts of speech: a participle is a verb here (it is a verb's form, not a noun).
_POS_CLASS = {"ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "PRTF": "VERB", "PRTS": "VERB",
              "INFN": "VERB", "GRND": "VERB"}


@lru_cache(maxsize=100_000)
def family(word: str) -> frozenset[tuple[str, str]]:
    """(root, part of speech) for each plausible reading of a word.

    >>> sorted(family("изучаете")), sorted(family("изучение"))
    ([('изуч', 'VERB')], [('изуч', 'ACTION')])
    >>> sorted(family("Configuring")) == [("configur", "VERB")]
    True
    """
    word = word.lower()
    if CYRILLIC.search(word):
        return frozenset(_ru_family(word))
    return frozenset((stem, pos) for pos, stem in english.family_by_pos(word))


def _ru_family(word: str):
    parses = morph.parse(word)
    for p in parses:
        if p.score < 0.05 * parses[0].score:
            continue
        lemma = p.normal_form.translate(YO)
        pos = str(p.tag.POS or "")
        if pos in _VERBAL and lemma.endswith(("ся", "сь")):
            lemma = lemma[:-2]
        root, kind = _ru_root(lemma, pos)
        if len(root) >= _MIN_ROOT:
            yield root, kind


def _ru_root(lemma: str, pos: str) -> tuple[str, str]:
    """The root of a lemma, and its part of speech for the family (ACTION for a noun of
    action)."""
    stem = _russian_stemmer().stemWord(lemma)
    if pos == "NOUN" and lemma.endswith(_ACTION_NOUN_ENDINGS):
        return _cut(_cut(stem, _ACTION_NOUN_SUFFIXES), _NOUN_VERB_SUFFIXES), ACTION
    if pos == "NOUN" and lemma.endswith(("ка", "йка")) and stem.endswith("к"):
        return (stem[:-1].removesuffix("й") if stem.endswith("йк") else stem[:-1]), ACTION
    if pos == "NOUN" and lemma[-1:].isalpha() and lemma[-1] not in _VOWELS | {"ь", "й"}:
        # a zero ending: the lemma is the stem (Snowball, blind to the part of speech,
        # takes журна-л for a past tense)
        return lemma, _POS_CLASS.get(pos, pos)
    if pos in _VERBAL:
        return _cut(_cut(stem, _VERB_SUFFIXES), _THEME_VOWELS), _POS_CLASS.get(pos, pos)
    return stem, _POS_CLASS.get(pos, pos)


def _cut(stem: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_ROOT:
            return stem[:-len(suffix)]
    return stem


def kin(word: str, head: str) -> bool:
    """Whether `word` is of `head`'s family in another part of speech (or another word of
    the family: журналирование for журнал), and not `head` itself in some form.

    >>> kin("изучаете", "изучение"), kin("отредактируйте", "редактирование")
    (True, True)
    >>> kin("ключ", "включить"), kin("Italian", "Italy")
    (False, False)
    >>> kin("verified", "verification"), kin("invading", "invasion"), kin("missed", "mission")
    (True, True, False)
    >>> kin("парольную", "пароль"), kin("файловой", "файл"), kin("полный", "пол")
    (True, True, False)
    """
    mine, theirs = family(head), family(word)
    if any(reading in mine for reading in theirs):
        return False  # a reading of the head itself
    for root, pos in mine:
        for r, p in theirs:
            if r == root and p != pos:
                return True
            if p == "VERB" and pos == ACTION and _unprefixed(r, root):
                return True
            if p != pos and {p, pos} & {"VERB", ACTION} and _fleeting(r, root):
                return True
            if {p, pos} == {"VERB", "NOUN"} and _latin_action(
                    (root, r) if pos == "NOUN" else (r, root),
                    head if pos == "NOUN" else word):
                return True
            if {p, pos} == {"ADJ", "NOUN"} and _relational(*((r, root) if p == "ADJ"
                                                            else (root, r))):
                return True
    return False


# English nouns of action in -ion: Snowball takes off -ication, -ation with what the verb's
# stem keeps (verif-ication / verifi-ed, applic-ation / appli-ed), or the noun's s stands
# for the verb's d or t (invas-ion / invad-e, decis-ion / decid-e).
_EN_ACTION_SLACK = 2
_EN_ALTERNATIONS = (frozenset("ds"), frozenset("ts"))


def _latin_action(stems: tuple[str, str], noun: str) -> bool:
    """Whether an English noun in -ion (stem first) and a verb (stem second) are one
    family whose stems Snowball leaves apart.

    >>> _latin_action(("verif", "verifi"), "verification"), _latin_action(("invas", "invad"), "invasion")
    (True, True)
    >>> _latin_action(("mission", "miss"), "mission"), _latin_action(("station", "state"), "station")
    (False, False)
    """
    n, v = stems
    if CYRILLIC.search(noun) or not noun.lower().removesuffix("s").endswith("ion"):
        return False
    short, long_ = sorted((n, v), key=len)
    if len(short) >= _MIN_ROOT and long_.startswith(short) and \
            len(long_) - len(short) <= _EN_ACTION_SLACK:
        return True
    return len(n) == len(v) >= _MIN_ROOT and n[:-1] == v[:-1] and \
        frozenset((n[-1], v[-1])) in _EN_ALTERNATIONS


def of_place(word: str, name: str) -> bool:
    """Whether `word` is the adjective of the place or people `name` (Италия / итальянских,
    Россия / российский, Italy / Italian, Germany / German): "the Italian government"
    renders «правительство Италии» as well as "the government of Italy" does.

    >>> of_place("итальянских", "Италия"), of_place("Italian", "Italy"), of_place("germane", "Germany")
    (True, True, False)
    """
    if not CYRILLIC.search(word) and not word[:1].isupper():
        return False  # an English adjective of a place is written with a capital
    theirs = family(word)
    return any(_of_place(r, root) for root, _ in family(name) for r, _ in theirs)


@lru_cache(maxsize=50_000)
def aspect_partner(word: str, verb: str) -> bool:
    """Whether `word` is a form of the other aspect of the verb `verb` (включает for
    включить, выбирает for выбрать: the imperfective of a perfective and back), which
    renders it as well as the verb itself: one root, the aspects differ, and the root is the
    same or gains и/ы before its last consonant (выбр / выбир, зв / зыв), or the perfective
    is the imperfective behind a prefix (отфильтровать / фильтровать, отредактировать /
    редактировать: the usual way Russian makes a perfective).

    >>> aspect_partner("включает", "включить"), aspect_partner("выбирает", "выбрать")
    (True, True)
    >>> aspect_partner("отфильтровать", "фильтровать"), aspect_partner("редактирую", "отредактировать")
    (True, True)
    >>> aspect_partner("фильтрует", "отфильтровать"), aspect_partner("отфильтрует", "отфильтровать")
    (True, False)
    >>> aspect_partner("выберите", "выбрать"), aspect_partner("включение", "включить")
    (False, False)
    >>> aspect_partner("откладывает", "отложить")  # a changed root: a known limit
    False
    """
    mine, theirs = _verb_root(verb.lower()), _verb_root(word.lower())
    if not mine or not theirs or mine[1] == theirs[1] or not mine[1] or not theirs[1]:
        return False
    (a, _), (b, _) = mine, theirs
    perfective, imperfective = (a, b) if mine[1] == "perf" else (b, a)
    return a == b or _fleeting(a, b, "иы") or _unprefixed(perfective, imperfective)


def other_aspect(words: list[str], forms: tuple[str, ...]) -> bool:
    """Whether `words` hold the other aspect of a one-word verb among `forms`.

    >>> other_aspect(["Он", "выбирает", "строку"], ("выбрать", "выбор данных"))
    True
    >>> other_aspect(["Смотреть", "на", "сайте"], ("просмотреть",))
    True
    """
    verbs = [f.strip() for f in forms if " " not in f.strip()]
    # a speed-up only: one of a pair holds the other's start (behind a prefix, maybe)
    return any(aspect_partner(word, verb) for word in words for verb in verbs
               if verb.lower()[:3] in word.lower() or word.lower()[:3] in verb.lower())


def _verb_root(word: str) -> tuple[str, str] | None:
    """The root and aspect (perf/impf) of a word's likeliest verb reading, if it has one."""
    for p in morph.parse(word.translate(YO)):
        if str(p.tag.POS or "") in _VERBAL:
            lemma = p.normal_form.translate(YO)
            if lemma.endswith(("ся", "сь")):
                lemma = lemma[:-2]
            root, _ = _ru_root(lemma, "INFN")
            return (root, str(p.tag.aspect or "")) if len(root) >= _MIN_ROOT else None
    return None


def _relational(adjective_root: str, noun_root: str) -> bool:
    """An adjective's root is a noun's root with a suffix of relational adjectives, -н- or
    -ов-/-ев- (пароль / парольн-ый, файл / файлов-ый, ключ / ключев-ой): the adjective of
    "password-based", "file system" renders the noun (a soft sign between comes and goes)."""
    if not CYRILLIC.search(adjective_root):
        return False
    for suffix in _RELATIONAL:
        base = adjective_root.removesuffix(suffix)
        if base != adjective_root and len(base) >= _MIN_ROOT and \
                base.rstrip("ь") == noun_root.rstrip("ь"):
            return True
    return False


def _unprefixed(verb_root: str, noun_root: str) -> bool:
    """A prefixed verb's root is a noun's root behind a prefix (отредакт / редакт)."""
    return any(verb_root == prefix + noun_root for prefix in _PREFIXES
               if verb_root.startswith(prefix)) and len(noun_root) >= _MIN_ROOT


def _fleeting(a: str, b: str, vowels: str | tuple[str, ...] = _FLEETING) -> bool:
    """One root is the other with a fleeting о/е (or other `vowels`) before its last
    consonant (выбор / выбр; выбир / выбр, an imperfective's и)."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and len(short) >= _MIN_ROOT - 1 and \
        long[-2] in vowels and long[:-2] + long[-1] == short


def _of_place(word_root: str, name_root: str) -> bool:
    """An adjective's root is a place's or people's root with a suffix of such adjectives."""
    if CYRILLIC.search(name_root):
        return word_root.startswith(name_root) and bool(
            _RU_OF_PLACE.fullmatch(word_root[len(name_root):]))
    base = name_root[:-1] if name_root[-1:] in "aeiy" else name_root
    return len(base) >= _MIN_ROOT - 1 and word_root.startswith(base) and \
        word_root[len(base):] in _EN_OF_PLACE and word_root != name_root
