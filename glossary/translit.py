"""Russian <-> Latin transliteration schemes, built as registered `transliterate` language packs.

Schemes (the names are what ``--scheme`` takes):

``bgn-pcgn`` (default)
    BGN/PCGN 1947 in the simplified form English-language books and newspapers use: no
    diacritics, no middle dots, ъ and ь left out. е is ``ye`` word-initially and after a
    vowel, й, ъ or ь (Yelnya, Devyatayev, Vasilyev), else ``e``. ё is ``o`` after ж ч ш щ
    (the y-glide is not heard there: chort, Shchors), else ``yo`` (Oryol, Vorobyov). й and
    ы are both ``y`` (Yuriy, Krasnyy).
``iso9``
    ISO 9:1995 System A, one Latin letter per Cyrillic letter; fully reversible.
``ala-lc``
    ALA-LC (Library of Congress) without the tie bars: ю iu, я ia, ц ts, й ĭ, э ė.
``scholarly``
    The scientific transliteration of Slavists: ж ž, х x, ц c, щ šč, ю ju, я ja, й j.
``gost-b``
    GOST 7.79-2000 System B, the ASCII-only scheme of Russian standards and web addresses:
    щ shh, х x, ц cz (c before е, и, й, ы), ъ ``, ы y`, ь `, э e`, ё yo, й j.
    It reads back exactly.
``icao``
    ICAO Doc 9303 (machine-readable travel documents; Russian passports since 2013): ё e,
    й i, х kh, ц ts, ъ ie, ь omitted, ю iu, я ia. Spell a living person's name as it stands
    in their passport.
``default``
    The `transliterate` package's own ``ru`` pack.

Latin -> Cyrillic (:func:`to_cyrillic`) is best effort and meant to feed a lemmatiser, not
to restore spelling. ``iso9`` and ``gost-b`` reverse exactly; ``scholarly`` only confuses шч
with щ and йа/йу with я/ю. ``bgn-pcgn`` loses ъ and ь, reads ``e`` as е (never э), ``ts`` as
ц (Detskiy -> Децкий), ``yo``/``ya``/``yu`` always as ё/я/ю (rayon -> раён), and a ``y`` not
starting ya/ye/yo/yu as й after a vowel or word-initially (Yuriy, Yyemen), else ы
(Krasnyy). ``ala-lc`` honours tie bars (t͡s, i͡a, i͡u) where the text has them; without
them ``ia``/``iu``/``ts`` are read as я/ю/ц (Rossiia -> Россия, but Diana -> Дяна).
``icao`` loses ь and reads ``e`` as е, ``i`` as й after a vowel at the end of a word
(Andrei, Kraevoi; but Baikal -> Баикал) and ``ie`` as ие (ъ is rarer). ``default`` is the package's own reading.
In every scheme an apostrophe inside a word is the soft sign (Jur'ev -> Юрьев) and a double
prime the hard one (Podʺjačev -> Подъячев); a word the scheme leaves half Latin (the
scholarly reading of Khrushchev) is read by the other schemes instead, so the result never
mixes scripts inside a word.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from transliterate.base import TranslitLanguagePack, registry
from transliterate.discover import autodiscover

from .errors import GlossaryError
from .normalize import fold_latin  # the form keys compare in (check/names.py reads it alone)

__all__ = ["SCHEMES", "REVERSIBLE", "DEFAULT_SCHEME", "to_latin", "to_cyrillic", "latin_keys", "fold_latin"]

SCHEMES: tuple[str, ...] = ("bgn-pcgn", "iso9", "ala-lc", "scholarly", "gost-b", "icao", "default")
DEFAULT_SCHEME = "bgn-pcgn"
_IRREVERSIBLE: frozenset[str] = frozenset()
REVERSIBLE: tuple[str, ...] = tuple(s for s in SCHEMES if s not in _IRREVERSIBLE)

_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _letters(spellings: str) -> dict[str, str]:
    """Pair the 33 lower-case letters with space-separated Latin spellings ('-' = omitted)."""
    latin = unicodedata.normalize("NFC", spellings).split()
    assert len(latin) == len(_ALPHABET), spellings
    return {cyr: ("" if lat == "-" else lat) for cyr, lat in zip(_ALPHABET, latin)}


#                   а б в г д е ё  ж  з и й к л м н о п р с т у ф х  ц  ч  ш  щ    ъ ы ь э ю  я
_BGN = _letters("   a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya")
_ISO9 = _letters("  a b v g d e ë  ž  z i j k l m n o p r s t u f h  c  č  š  ŝ    ʺ y ʹ è û  â")
_ALA_LC = _letters("a b v g d e ë  zh z i ĭ k l m n o p r s t u f kh ts ch sh shch ʺ y ʹ ė iu ia")
_SCHOLARLY = _letters("a b v g d e ë ž  z i j k l m n o p r s t u f x  c  č  š  šč   ʺ y ʹ è ju ja")
_GOST_B = _letters("   a b v g d e yo zh z i j k l m n o p r s t u f x  cz ch sh shh  `` y` ` e` yu ya")
_ICAO = _letters("     a b v g d e e  zh z i i k l m n o p r s t u f kh ts ch sh shch ie y - e iu ia")


def _tables(
    letters: dict[str, str], latin_only: dict[str, str] | None = None
) -> tuple[tuple[str, str], dict[str, str], dict[str, str]]:
    """Turn a Cyrillic->Latin table into the package's pack attributes.

    The package keeps its tables Latin->Cyrillic (``mapping`` for single letters,
    ``pre_processor_mapping`` for digraphs) and reverses them for Cyrillic->Latin. A letter
    whose reversal would be wrong (its Latin is shared, empty, or has no upper case) gets a
    one-way entry in ``reversed_specific_pre_processor_mapping``, which the package applies
    first. ``latin_only`` adds readings wanted only for Latin->Cyrillic; they win over
    ``letters`` when both claim the same Latin.
    """
    forward = dict(latin_only or {})
    for cyr, lat in letters.items():
        if lat:
            forward.setdefault(lat, cyr)
    single_lat: list[str] = []
    single_cyr: list[str] = []
    digraphs: dict[str, str] = {}
    # Longest first: the package replaces digraphs in dict order, and 'shch' must go before 'sh'.
    for lat, cyr in sorted(forward.items(), key=lambda kv: -len(kv[0])):
        pairs = [(lat, cyr)]
        if lat.capitalize() != lat:
            pairs.append((lat.capitalize(), cyr.upper()))
        for latin, cyrillic in pairs:
            if len(latin) == 1:
                single_lat.append(latin)
                single_cyr.append(cyrillic)
            else:
                digraphs[latin] = cyrillic
    readings = Counter(forward.values())
    one_way: dict[str, str] = {}
    for cyr, lat in letters.items():
        natural = bool(lat) and forward.get(lat) == cyr and readings[cyr] == 1
        if not natural:
            one_way[cyr] = lat
        if not natural or lat.capitalize() == lat:
            one_way[cyr.upper()] = lat.capitalize()
    return ("".join(single_lat), "".join(single_cyr)), digraphs, one_way


# A word in capitals, e.g. СМЕРШ (the package would give "ShchERBAKOV" for ЩЕРБАКОВ).
_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


class _SchemePack(TranslitLanguagePack):
    """Base of our packs: adds all-caps words and a hook for context rules."""

    language_name = "Russian"
    character_ranges = ((0x0400, 0x04FF),)
    caps_word = _CAPS_WORD

    def translit(
        self, value: str, reversed: bool = False, strict: bool = False, fail_silently: bool = True
    ) -> str:
        # Multi-letter rules exist in lower and Title case only; do CAPS words in lower
        # case and upper-case the result. Their output is in the other script, so the
        # whole-string pass below leaves it alone.
        def caps(m: re.Match[str]) -> str:
            word = m[0]
            return self.translit(word.lower(), reversed).upper() if word.isupper() else word

        value = self.caps_word.sub(caps, value)
        value = self.in_context(value, reversed)
        return super().translit(value, reversed, strict, fail_silently)

    def in_context(self, value: str, reversed: bool) -> str:
        """Rewrite what a letter-for-letter table cannot express; nothing by default."""
        return value


_CYR_VOWEL = "аеёиоуыэюя"
# е after a vowel, й, ъ, ь (optionally stress-marked) or not after a letter at all.
_BGN_YE = re.compile(
    rf"(?:(?<![^\W\d_])|(?<=[{_CYR_VOWEL}йъь])|(?<=[{_CYR_VOWEL}][\u0300\u0301]))е", re.I
)
_BGN_O = re.compile(r"(?<=[жчшщ])ё", re.I)
# A Latin y not starting ya/ye/yo/yu is й after a vowel or word-initially (Yuriy, Yyemen):
# Russian words hardly ever start with ы or have it after a vowel.
_BGN_Y = re.compile(r"(?:(?<=[aeiouy])|(?<![^\W\d_]))y(?![aeou])", re.I)


def _like(m: re.Match[str], latin: str) -> str:
    return latin if m[0].islower() else latin.capitalize()


class BgnPcgnPack(_SchemePack):
    """Simplified BGN/PCGN; context rules for е, ё and y on top of the tables."""

    language_code = "ru-bgn-pcgn"
    language_name = "Russian (BGN/PCGN, simplified)"
    # A lone 'y' reads back as ы (in_context makes it й after vowels and word-initially);
    # 'ye' reads back as е.
    mapping, pre_processor_mapping, reversed_specific_pre_processor_mapping = _tables(
        _BGN, {"y": "ы", "ye": "е"}
    )

    def in_context(self, value: str, reversed: bool) -> str:
        if reversed:
            value = _BGN_YE.sub(lambda m: _like(m, "ye"), value)
            return _BGN_O.sub(lambda m: _like(m, "o"), value)
        return _BGN_Y.sub(lambda m: "й" if m[0].islower() else "Й", value)


class Iso9Pack(_SchemePack):
    language_code = "ru-iso9"
    language_name = "Russian (ISO 9:1995)"
    mapping, pre_processor_mapping, reversed_specific_pre_processor_mapping = _tables(_ISO9)


# ALA-LC's tie bars: the combining double inverted breve, or its two halves (I︠A︡).
_TIE = re.compile("[\u0361\ufe20\ufe21]")
_ALA_TIED = {"ts": "ц", "ia": "я", "iu": "ю"}


class AlaLcPack(_SchemePack):
    """ALA-LC. Reading back, tie bars decide where the text has them (t͡s, i͡a, i͡u), and ia,
    iu, ts without one are then и+а, и+у, т+с; a text without tie bars is read as я, ю, ц."""

    language_code = "ru-ala-lc"
    language_name = "Russian (ALA-LC)"
    mapping, pre_processor_mapping, reversed_specific_pre_processor_mapping = _tables(_ALA_LC)

    def in_context(self, value: str, reversed: bool) -> str:
        return _TIE.sub("", value)   # to_cyrillic has read the tied letters already


def _untie(text: str) -> str:
    """ALA-LC text with tie bars: the tied letters (t͡s, i͡a, i͡u) to ц, я, ю, and the untied
    i before a or u and t before s to и and т, since the text marks every tie it means."""
    def tied(m: re.Match[str]) -> str:
        letters = _TIE.sub("", m[0])
        cyrillic = _ALA_TIED[letters.lower()]
        return cyrillic.upper() if letters[0].isupper() else cyrillic
    text = re.sub("[tT][\u0361\ufe20]\ufe21?[sS]\ufe21?|[iI][\u0361\ufe20][aAuU]\ufe21?",
                  tied, text)
    text = re.sub("[iI](?=[aAuU])", lambda m: "и" if m[0] == "i" else "И", text)
    return re.sub("[tT](?=[sS])", lambda m: "т" if m[0] == "t" else "Т", text)


class GostBPack(_SchemePack):
    """GOST 7.79-2000 System B; ц is c before е, и, й, ы and cz elsewhere."""

    language_code = "ru-gost-b"
    language_name = "Russian (GOST 7.79-2000 System B)"
    # Its signs are backticks (OB``YOM): part of a capitals word, not a break in it.
    caps_word = re.compile(r"`*[^\W\d_](?:[^\W\d_]|`)*[^\W\d_]`*")
    mapping, pre_processor_mapping, reversed_specific_pre_processor_mapping = _tables(
        _GOST_B, {"c": "ц"}
    )

    def in_context(self, value: str, reversed: bool) -> str:
        if reversed:
            return re.sub("[цЦ](?=[еийыЕИЙЫ])", lambda m: "c" if m[0] == "ц" else "C", value)
        return value


# An ICAO i ending a word after a vowel is й (Andrei, Kraevoi, Chetkii); inside a word it is
# left и, which is more often right (Mikhail, not Михайл; Baikal is the loss).
_ICAO_I = re.compile(r"(?<=[aeiouyAEIOUY])[iI](?![^\W\d_])")


class IcaoPack(_SchemePack):
    """ICAO Doc 9303; ie reads back as ие (ъ is rarer), a final i after a vowel as й."""

    language_code = "ru-icao"
    language_name = "Russian (ICAO Doc 9303)"
    mapping, pre_processor_mapping, reversed_specific_pre_processor_mapping = _tables(
        _ICAO, {"ie": "ие", "i": "и", "e": "е"}
    )

    def in_context(self, value: str, reversed: bool) -> str:
        if reversed:
            return value
        return _ICAO_I.sub(lambda m: "й" if m[0] == "i" else "Й", value)


class ScholarlyPack(_SchemePack):
    language_code = "ru-scholarly"
    language_name = "Russian (scholarly)"
    mapping, pre_processor_mapping, reversed_specific_pre_processor_mapping = _tables(_SCHOLARLY)


# transliterate autodiscovers its built-in packs only while its registry is empty, so
# registering ours first would hide 'ru' (and 'uk', 'bg', …) from everyone: discover first.
autodiscover()
for _cls in (BgnPcgnPack, Iso9Pack, AlaLcPack, ScholarlyPack, GostBPack, IcaoPack):
    registry.register(_cls)

_CODES = {
    "bgn-pcgn": BgnPcgnPack.language_code,
    "iso9": Iso9Pack.language_code,
    "ala-lc": AlaLcPack.language_code,
    "scholarly": ScholarlyPack.language_code,
    "gost-b": GostBPack.language_code,
    "icao": IcaoPack.language_code,
    "default": "ru",
}


@functools.cache
def _pack(scheme: str) -> TranslitLanguagePack:
    """The registered pack for a scheme, built once (building its tables is not free)."""
    code = _CODES.get(scheme)
    if code is None:
        raise GlossaryError(
            f"unknown transliteration scheme {scheme!r}; choose from: {', '.join(SCHEMES)}"
        )
    cls = registry.get(code)
    if cls is None:
        raise GlossaryError(f"transliterate has no {code!r} language pack registered")
    return cls()


def to_latin(text: str, scheme: str = DEFAULT_SCHEME) -> str:
    """Romanise Russian ``text``; anything not Cyrillic passes through (input is NFC-normalised).

    >>> to_latin("Девятаев, Орёл, Ельня, Юрий")
    'Devyatayev, Oryol, Yelnya, Yuriy'
    >>> to_latin("СМЕРШ и Щербаков")
    'SMERSH i Shcherbakov'
    >>> to_latin("Щёлково", "iso9"), to_latin("Щёлково", "ala-lc"), to_latin("Щёлково", "scholarly")
    ('Ŝëlkovo', 'Shchëlkovo', 'Ščëlkovo')
    >>> to_latin("Юрий", "default")
    'Jurij'
    """
    return _pack(scheme).translit(unicodedata.normalize("NFC", text), reversed=True)


def to_cyrillic(text: str, scheme: str = DEFAULT_SCHEME) -> str:
    """Best-effort Cyrillic for romanised ``text`` (see the module notes for what is lost).

    Raises GlossaryError for an unknown scheme.

    >>> to_cyrillic("Devyatayev, Kovpak, smersh, Yuriy")
    'Девятаев, Ковпак, смерш, Юрий'
    >>> to_cyrillic("Ŝëlkovo", "iso9"), to_cyrillic("Jur'ev", "scholarly")
    ('Щёлково', 'Юрьев')
    >>> to_cyrillic("Khrushchev", "scholarly")
    'Хрущев'
    """
    pack = _pack(scheme)
    text = unicodedata.normalize("NFC", text)
    if scheme == "ala-lc" and _TIE.search(text):
        text = _untie(text)
    return "".join(_read_chunk(_signs(chunk), pack, scheme) for chunk in re.split(r"(\s+)", text))


def _signs(chunk: str) -> str:
    """Apostrophes and double primes of a whitespace-delimited chunk as soft and hard signs."""
    chunk = _HARD_SIGN.sub(lambda m: "Ъ" if _caps_around(m) else "ъ", chunk)
    chunk = _SOFT_SIGN.sub(lambda m: "Ь" if _caps_around(m) else "ь", chunk)
    if chunk[:1] in "'‘’":
        return chunk
    return _FINAL_SOFT_SIGN.sub(lambda m: "Ь" if m.string[m.start() - 1].isupper()
                                and m.start() > 1 and m.string[m.start() - 2].isupper()
                                else "ь", chunk)


# Inside a word an apostrophe (or ISO 9's prime) is the soft sign, a double one the hard sign.
_SOFT_SIGN = re.compile(r"(?<=[^\W\d_])['’ʼʹ](?=[^\W\d_])")
# A word-final one after a consonant too (Putivl'), unless the word opens with one ('Rodina').
_FINAL_SOFT_SIGN = re.compile(r"(?<=[bcdfghklmnpqrstvwxzžščBCDFGHKLMNPQRSTVWXZŽŠČ])['’ʼʹ]"
                              r"(?![^\W\d_])")
_HARD_SIGN = re.compile(r"(?<=[^\W\d_])(?:ʺ|″|\"|'')(?=[^\W\d_])")
_LATIN_LETTER = "A-Za-z\u00c0-\u024f"
_MIXED = re.compile(rf"[{_LATIN_LETTER}][^\W\d_]*[\u0400-\u04FF]"
                    rf"|[\u0400-\u04FF][^\W\d_]*[{_LATIN_LETTER}]")


def _caps_around(m: re.Match[str]) -> bool:
    """Whether the letters on both sides of a sign are capitals (ПОДЪЕЗД, not ЮрЬев)."""
    text = m.string
    return text[m.start() - 1].isupper() and text[m.end()].isupper()


def _read_chunk(chunk: str, pack: TranslitLanguagePack, scheme: str) -> str:
    """One whitespace-delimited chunk in the scheme; one that comes out in two scripts (the
    scholarly reading of Khrushchev: Кhрусhцhев) is read by the first scheme that reads it
    whole."""
    cyrillic = pack.translit(chunk)
    if not _MIXED.search(cyrillic):
        return cyrillic
    for other in (s for s in SCHEMES if s != scheme):
        reading = _pack(other).translit(chunk)
        if not _MIXED.search(reading):
            return reading
    return cyrillic


# English-press habits on top of BGN: Devyataev for Devyatayev, Yuri/Yury for Yuriy.
_PRESS_YE = re.compile(r"(?<=[aeiouy])ye")
_ENDINGS = ((re.compile(r"ий\b"), "и"), (re.compile(r"[иы]й\b"), "ы"))
_MIN_WORD = 3  # per-word keys skip shorter words: 'za', 'i', 'na' would match far too much


def _keys(text: str) -> set[str]:
    keys = {fold_latin(to_latin(text, scheme)) for scheme in SCHEMES}
    for variant in (text, *(pattern.sub(ending, text) for pattern, ending in _ENDINGS)):
        bgn = to_latin(variant, "bgn-pcgn")
        keys |= {fold_latin(bgn), fold_latin(_PRESS_YE.sub("e", bgn))}
    return keys


def latin_keys(text: str) -> set[str]:
    """Folded romanisations of ``text`` for a Latin-query index (see :func:`fold_latin`).

    Every scheme, plus BGN with ``ye`` -> ``e`` after vowels and -ий/-ый as -i/-y.
    Variants apply to the whole text at once, so a word yields at most ~11 keys. For a text
    of several words the keys of each word of 3+ letters are added, so 'devyatayev' finds
    'Михаил Девятаев'.

    >>> sorted(latin_keys("Девятаев"))
    ['devataev', 'deviataev', 'devjataev', 'devyataev', 'devyatayev']
    >>> sorted(latin_keys("Юрий"))
    ['iurii', 'jurij', 'urij', 'yuri', 'yurij', 'yuriy', 'yury']
    """
    # Lower case first: every key is casefolded anyway; stress marks would block BGN context.
    text = unicodedata.normalize("NFC", text).lower().replace("\u0301", "").replace("\u0300", "")
    keys = _keys(text)
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) > 1:
        for word in words:
            if len(word) >= _MIN_WORD:
                keys |= _keys(word)
    keys.discard("")
    return keys
