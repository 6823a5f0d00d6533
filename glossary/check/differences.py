"""What two texts of one language differ in, and whether that difference must survive
translation — for the segment-level consistency rules.

Two different sources given one translation are a problem only when the sources differ in
something a translation cannot drop: a number, a negation, a word and its opposite
(Enable/Disable, Increase/Decrease, to/from), a placeholder or tag, or a glossary concept
the shared translation does not render. Sources that differ in anything else (Remove and
Delete, Email and email address, Update and Updated) may well be synonyms, wordings of one
meaning, that a translator renders alike on purpose; nothing in their text says otherwise.
The same test tells, between two translations of one source, a variant that changes the
meaning from a paraphrase.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from ..markup import Masked
from ..normalize import clean
from .numbers import Number, compare, numbers, said_in_words

_TYPOGRAPHY = str.maketrans({**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
                             **{c: '"' for c in "«»“”„‟″"}, **{c: "'" for c in "‘’‚‛′`"},
                             "ё": "е"})
# Sentence punctuation (not 1.5, a.b, --option): a comma more or less is one translation.
_PUNCTUATION = re.compile(r"[.,;:!?…]+(?=\s|$)|(?:^|(?<=\s))[¿¡]+")
_ASCII_DASH = re.compile(r"(?<!\S)-{2,3}(?!\S)")
# Empty parentheses glued to a name are a call's shape: ``box_error_last()`` and
# ``box_error_last`` name one function (a reference title is written either way).
_CALL = re.compile(r"(?<=\w)\(\)")
_ENGLISH = re.compile(r"\b(?:can't|cannot|won't|i'm)\b|n't\b|'(?:re|ll|ve)\b|\b(?:a|an|the) (?=\w)")
_EXPANDED = {"can't": "can not", "cannot": "can not", "won't": "will not", "i'm": "i am",
             "n't": " not", "'re": " are", "'ll": " will", "'ve": " have"}


def _english(match: re.Match) -> str:
    return _EXPANDED.get(match.group(), "")  # an article goes


def normal(text: str | None, lang: str, punctuation: bool = False) -> str | None:
    """The text as compared: case, whitespace runs, ё/е, invisible characters, dash and
    quote styles ignored, and sentence punctuation unless `punctuation` (a source's «Added.»
    and «Added:» may be a message and a label); in English also the articles and the usual
    contractions, which a Russian text does not render (the stack index = stack index,
    doesn't = does not); in any language a name's empty call parentheses (fiber.self()
    = fiber.self).

    >>> normal("  Save\\n the   FILE — «now»! ", "en")
    'save file - "now"'
    >>> normal("Tarantool doesn't support it", "en") == normal("Tarantool does not support it", "en")
    True
    >>> normal("Ёмкость  — «тест», 1.5 --all", "ru"), normal("Added:", "en", punctuation=True)
    ('емкость - "тест" 1.5 --all', 'added:')
    >>> normal("клиент -- для Tarantool", "ru") == normal("клиент — для Tarantool", "ru")
    True
    >>> normal("see :ref:`box_error_last() <err>`", "en") == normal("see :ref:`box_error_last <err>`", "en")
    True
    >>> normal("call () now", "en")
    'call () now'
    """
    if text is None:
        return None
    text = clean(text).casefold().translate(_TYPOGRAPHY)
    if "()" in text:
        text = _CALL.sub("", text)
    if "--" in text:
        text = _ASCII_DASH.sub("-", text)  # " -- " is a dash typed in ASCII (reST, Markdown)
    text = " ".join((text if punctuation else _PUNCTUATION.sub("", text)).split())
    return _ENGLISH.sub(_english, text) if lang == "en" else text


# The cheap key (`rough`): the words of four letters or more, which no step of `normal`
# changes but case, ё and the accents and invisible characters clean() removes (articles
# are shorter). A word before a contraction keeps its stem (doesn't → does, people'll →
# people, as "does not", "people will" read); the words contractions expand to that are
# that long (will, have; cannot → can not) are left out.
_LONG = 4
_EXPANSIONS = frozenset({"will", "have", "cannot"})
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]*)?")
_APOSTROPHES = str.maketrans({c: "'" for c in "‘’‚‛′`"})
_ODD_APOSTROPHE = re.compile("[‘’‚‛′`]")
_WORD = re.compile(r"[^\W\d_]+")  # whole runs of letters
_LONG_WORD = re.compile(rf"[^\W\d_]{{{_LONG},}}")  # the runs of four letters or more
# Texts with anything but plain ASCII, Russian letters and common typography are cleaned
# first (an accented á is a once cleaned, a stress mark splits a word).
_UNUSUAL = re.compile(r"[^\x00-\x7f\u0410-\u044f\u0401\u0451\u2010-\u2015\u2018-\u201f"
                      r"\u00ab\u00bb\u2026\u00a0\u2116]")


def rough(text: str | None) -> tuple[str, ...] | None:
    """A cheap key that two texts share whenever their `normal` forms are equal (not the
    reverse): the longer words, lower case, ё as е. Texts whose keys differ need no `normal`.

    >>> rough("The teacher doesn't answer") == rough("teacher does not ANSWER!")
    True
    >>> rough("Заградотря\u0301ды отступили") == rough("заградотряды отступили")
    True
    """
    if text is None:
        return None
    if _UNUSUAL.search(text):
        text = clean(text)
    text = text.casefold().replace("ё", "е")
    if "'" not in text and not _ODD_APOSTROPHE.search(text):  # the usual case: no contraction
        found = _LONG_WORD.findall(text)
        if _EXPANSIONS.isdisjoint(found):
            return tuple(found)
        return tuple(w for w in found if w not in _EXPANSIONS)
    keys = []
    for token in _TOKEN.findall(text.translate(_APOSTROPHES)):
        word, _, rest = token.partition("'")
        if rest == "t" and word.endswith("n"):
            word = word[:-1]  # doesn't: does
        if len(word) >= _LONG and word not in _EXPANSIONS:
            keys.append(word)
    return tuple(keys)


# Closed classes, not vocabulary: the words that turn a statement into its negation.
# Closed class too: words that set a limit on a quantity ("maximum number of seconds" is not
# "number of seconds"); compared by stem.
_LIMITS = {
    "en": ("maximum", "minimum", "max", "min", "only", "least", "most"),
    "ru": ("максимальный", "минимальный", "максимум", "минимум", "только", "лишь",
           "наибольший", "наименьший"),
}
_NEGATIONS = {
    "en": frozenset({"not", "no", "never", "none", "nothing", "nobody", "nowhere", "neither",
                     "nor", "without", "cannot"}),
    "ru": frozenset({"не", "нет", "ни", "никогда", "ничего", "ничто", "никто", "никого",
                     "нигде", "никуда", "без", "нельзя"}),
}
# Prefixes that make a word's opposite (en-able/dis-able, in-crease/de-crease, в-ключить/
# вы-ключить); "" pairs with a negating prefix (lock/unlock, известный/неизвестный).
_OPPOSITE_PREFIXES = {
    "en": frozenset(map(frozenset, (
        ("", "un"), ("", "dis"), ("", "non"), ("", "anti"), ("en", "dis"), ("en", "de"),
        ("in", "de"), ("in", "ex"), ("im", "ex"), ("up", "down"), ("in", "out"),
        ("over", "under")))),
    "ru": frozenset(map(frozenset, (
        ("", "не"), ("", "без"), ("", "бес"), ("в", "вы"), ("за", "от"), ("под", "от"),
        ("при", "у"), ("за", "вы")))),
}
_MIN_ROOT = 3  # letters the two words must share after their prefixes (en-able: "able")
# Function words of direction and order whose swap reverses a statement (to binary / from
# binary, before / after the call): a closed class, like the negations.
_OPPOSITES = {
    "en": frozenset(map(frozenset, (
        ("to", "from"), ("before", "after"), ("above", "below"), ("first", "last"),
        ("next", "previous"), ("min", "max"), ("minimum", "maximum"), ("on", "off"),
        ("more", "less"), ("increase", "decrease"), ("open", "close"), ("show", "hide"),
        ("start", "stop"), ("add", "remove"), ("allow", "deny"), ("true", "false"),
        ("yes", "no"), ("all", "none")))),
    "ru": frozenset(map(frozenset, (
        ("в", "из"), ("до", "после"), ("выше", "ниже"), ("первый", "последний"),
        ("следующий", "предыдущий"), ("больше", "меньше"), ("минимальный", "максимальный"),
        ("открыть", "закрыть"), ("показать", "скрыть"), ("да", "нет"),
        ("увеличить", "уменьшить"), ("добавить", "удалить")))),
}
_STEMMERS = {"en": snowballstemmer.stemmer("english"), "ru": snowballstemmer.stemmer("russian")}
_LIMIT_STEMS = {lang: frozenset(_STEMMERS[lang].stemWords(list(words)))
                for lang, words in _LIMITS.items()}
# The closed class compared by stem, so that inflected forms count (первого / последнего).
_OPPOSITE_STEMS = {lang: frozenset(frozenset(_STEMMERS[lang].stemWords(list(pair)))
                                   for pair in pairs) for lang, pairs in _OPPOSITES.items()}


@lru_cache(maxsize=50_000)
def _stem(word: str, lang: str) -> str:
    """A word's Snowball stem (stemmed only where words differ, once each: the C stemmers of
    PyStemmer where installed, else snowballstemmer's pure-Python ones, ~50 µs a word)."""
    return _STEMMERS[lang].stemWord(word) if lang in _STEMMERS else word


@dataclass(frozen=True)
class Text:
    """What the comparison reads from one text: its words (lower case, ё as е, contractions
    expanded), its numbers, its compared markup (placeholders, tags), the glossary
    concepts named, and the text as written (masked), where the other text's numbers may
    be said in words."""

    words: tuple[str, ...]
    numbers: tuple[Number, ...]
    markup: tuple[str, ...]
    concepts: frozenset[str]
    text: str


def read(masked: Masked, lang: str, concepts: frozenset[str] = frozenset(),
         normalised: str | None = None) -> Text:
    """The comparable parts of a masked text (code and placeholders blanked from its words;
    English contractions expanded, so "isn't" holds a "not"). `normalised` is
    `normal(masked.text, lang)` when the caller has it already.

    >>> read(Masked("Don't delete %s files", "Don't delete ¤ files", ()), "en").words
    ('do', 'not', 'delete', 'files')
    """
    if normalised is None:
        normalised = normal(masked.text, lang)
    words = tuple(_WORD.findall(normalised or ""))
    markup = tuple(sorted(s.key or "" for s in masked.compared()))
    return Text(words, tuple(numbers(masked.text)), markup, concepts, masked.text)


def _numbers_differ(a: Text, b: Text, lang: str) -> tuple[list[str], list[str]] | None:
    """The numbers of each text the other does not account for, when there are such: a
    number agrees with one of equal value however it is written (3,648 and 3 648, the 19th
    century and the 1800s) or with the value said in words (twenty-fifth and 25th)."""
    lost, added = compare(list(a.numbers), list(b.numbers))
    lost = said_in_words(lost, b.text, lang) if lost else lost
    added = said_in_words(added, a.text, lang) if added else added
    if not lost and not added:
        return None
    return [n.text for n in lost], [n.text for n in added]


_HARD = re.compile(r"\S*[\d%{}$<>\[\]@&#`\\/|~^=+*_]\S*")


def hard_facts(text: str) -> tuple[str, ...]:
    """The words of a text that hold a digit or a markup character, in order: two texts
    with the same ones cannot differ in their numbers or placeholders (except a multiplier
    word: 1.5 million / 1.5 thousand), so `what_matters(strict=True)` need not read them.

    >>> hard_facts("Wait 5 s for %(name)s, then <b>go</b>.")
    ('5', '%(name)s,', '<b>go</b>.')
    """
    return tuple(_HARD.findall(text))


def what_matters(a: Text, b: Text, lang: str, strict: bool = False) -> str | None:
    """Why the difference between `a` and `b` must survive translation, or None when
    nothing says it must (synonyms, another wording, inflection). `strict` (a corpus of
    paraphrases, where rewording with a negation or an opposite is the norm: "we can't" /
    "we are unable"; «давай поможем» / «почему бы не помочь») counts only hard facts: two
    different sets of numbers, and placeholders.

    >>> def t(s): return read(Masked(s, s, ()), "en")
    >>> what_matters(t("Enable the cache"), t("Disable the cache"), "en")
    'differ in «enable» / «disable», opposites'
    >>> what_matters(t("Wait 5 seconds"), t("Wait 10 seconds"), "en")
    'differ in their numbers (5 / 10)'
    >>> what_matters(t("It is set"), t("It is not set"), "en")
    'differ in a negation («not») one of them lacks'
    >>> what_matters(t("Remove"), t("Delete"), "en"), what_matters(t("No"), t("None"), "en")
    (None, None)
    >>> what_matters(t("On the 25th"), t("On the twenty-fifth"), "en") is None
    True
    >>> what_matters(t("in the 19th century"), t("in the 1800s"), "en", strict=True) is None
    True
    """
    differ = _numbers_differ(a, b, lang) if a.numbers or b.numbers else None
    if differ and (a.numbers and b.numbers or not strict):
        return f"differ in their numbers ({_list(differ[0])} / {_list(differ[1])})"
    if a.markup != b.markup:
        return f"differ in their placeholders or tags ({_list(a.markup)} / {_list(b.markup)})"
    if strict:
        return None
    negations = _NEGATIONS.get(lang, frozenset())
    mine = [w for w in a.words if w in negations]
    theirs = [w for w in b.words if w in negations]
    if bool(mine) != bool(theirs):
        return f"differ in a negation («{'», «'.join(mine or theirs)}») one of them lacks"
    only_a, only_b = _differing(a, b, lang)
    limits = _LIMIT_STEMS.get(lang, frozenset())
    extra = [w for stems in (only_a, only_b) for stem, w in stems.items() if stem in limits]
    if extra and not (any(s in limits for s in only_a) and any(s in limits for s in only_b)):
        return f"differ in a limit («{'», «'.join(extra)}») one of them lacks"
    for x in only_a:
        for y in only_b:
            if _opposite(x, y, lang):
                return f"differ in «{only_a[x]}» / «{only_b[y]}», opposites"
    if a.concepts != b.concepts:
        return (f"name different glossary concepts "
                f"({_list(sorted(a.concepts - b.concepts))} / "
                f"{_list(sorted(b.concepts - a.concepts))})")
    return None


def wording(a: Text, b: Text, lang: str) -> str:
    """How two texts differ when nothing in `what_matters` does: in inflection only, or in
    which words they use.

    >>> def t(s): return read(Masked(s, s, ()), "en")
    >>> wording(t("Update"), t("Updated"), "en"), wording(t("Email"), t("email address"), "en")
    ('only in inflection («update» / «updated»)', 'in «address» only')
    """
    only_a = [w for w in dict.fromkeys(a.words) if w not in b.words]
    only_b = [w for w in dict.fromkeys(b.words) if w not in a.words]
    shown = "» / «".join(x for x in (" ".join(only_a), " ".join(only_b)) if x)
    stems_a, stems_b = _differing(a, b, lang)
    if shown and not stems_a and not stems_b:
        return f"only in inflection («{shown}»)"
    return f"in «{shown}» only" if shown else "only in word order or repetition"


def _differing(a: Text, b: Text, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """The stems (with a word of each) of the words one text has and the other lacks: only
    the words that differ are stemmed."""
    words_a, words_b = set(a.words), set(b.words)
    stems_a = {_stem(w, lang): w for w in a.words if w not in words_b}
    stems_b = {_stem(w, lang): w for w in b.words if w not in words_a}
    return ({s: w for s, w in stems_a.items() if s not in stems_b},
            {s: w for s, w in stems_b.items() if s not in stems_a})


def _opposite(x: str, y: str, lang: str) -> bool:
    """Whether two stems are of opposite words: a pair of the closed class, or one root with
    opposite prefixes (a shared ending of at least _MIN_ROOT letters).

    >>> _opposite("enabl", "disabl", "en"), _opposite("lock", "unlock", "en")
    (True, True)
    >>> _opposite("remov", "delet", "en"), _opposite("sign", "design", "en")
    (False, False)
    """
    if frozenset((x, y)) in _OPPOSITE_STEMS.get(lang, frozenset()):
        return True
    pairs = _OPPOSITE_PREFIXES.get(lang, frozenset())
    for cut_x in range(min(5, len(x) - _MIN_ROOT) + 1):
        root = x[cut_x:]
        if y.endswith(root) and len(y) - len(root) <= 5 and \
                frozenset((x[:cut_x], y[:len(y) - len(root)])) in pairs:
            return True
    return False


def _list(items) -> str:
    return ", ".join(items) if items else "none"
