"""Language tags as files write them: ``ru``, ``RU``, ``ru-RU``, ``ru_RU``, ``rus``, ``en-GB``.

One place for what every format, the TM and the checker need: the primary subtag (to compare
languages), the tag as stored (to keep a unit's locale), and a language's name (for messages).
Tags are compared by primary subtag only: ``en-GB`` and ``en-US`` are one language for
matching, while each unit keeps the tag it came with.

    >>> primary("ru_RU"), primary("RUS"), same("en-GB", "EN_us"), normalise("ru_ru")
    ('ru', 'ru', True, 'ru-RU')
"""
from __future__ import annotations

import re
from functools import lru_cache

# ISO 639-2/3 codes (and a few names tools write) for the languages files in the wild use most.
_LONG = {
    "rus": "ru", "eng": "en", "ukr": "uk", "bel": "be", "bul": "bg", "srp": "sr", "mkd": "mk",
    "mac": "mk", "kaz": "kk", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es",
    "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "afr": "af", "swe": "sv", "dan": "da",
    "nor": "no", "nob": "nb", "fin": "fi", "pol": "pl", "ces": "cs", "cze": "cs", "tur": "tr",
    "hun": "hu", "ron": "ro", "rum": "ro", "cat": "ca", "zho": "zh", "chi": "zh", "jpn": "ja",
    "kor": "ko", "ara": "ar", "heb": "he", "ell": "el", "gre": "el",
    "russian": "ru", "english": "en",
}
NAMES = {
    "ru": "Russian", "en": "English", "uk": "Ukrainian", "be": "Belarusian", "bg": "Bulgarian",
    "sr": "Serbian", "mk": "Macedonian", "kk": "Kazakh", "fr": "French", "de": "German",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "af": "Afrikaans",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "fi": "Finnish",
    "pl": "Polish", "cs": "Czech", "tr": "Turkish", "hu": "Hungarian", "ro": "Romanian",
    "ca": "Catalan", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic",
    "he": "Hebrew", "el": "Greek", "hi": "Hindi", "th": "Thai", "ka": "Georgian",
    "hy": "Armenian", "id": "Indonesian", "vi": "Vietnamese",
}
# A tag: a primary subtag of 2–3 letters (or a name above), then subtags joined by - or _.
_TAG = re.compile(r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$")
_NO_LANGUAGE = frozenset({"", "*all*", "x-unknown", "und", "mul", "zxx"})


@lru_cache(maxsize=256)  # files repeat a handful of tags in every unit
def primary(tag: str | None) -> str | None:
    """The primary language subtag, lower case, two letters where ISO 639-1 has them; None
    for no tag, TMX's ``*all*``, ``und`` or something that is not a tag.

    >>> primary("ru-RU"), primary("EN_us"), primary("rus"), primary("*all*"), primary(None)
    ('ru', 'en', 'ru', None, None)
    >>> primary("Russian"), primary("ru RU")
    ('ru', None)
    """
    tag = (tag or "").strip()
    if tag.lower() in _NO_LANGUAGE or not _TAG.match(tag):
        return None
    first = re.split(r"[-_]", tag, maxsplit=1)[0].lower()
    first = _LONG.get(first, first)
    return first if 2 <= len(first) <= 3 else None


def same(a: str | None, b: str | None) -> bool:
    """Whether two tags name the same language (by primary subtag); never for no tag.

    >>> same("ru-RU", "ru"), same("en-GB", "en-US"), same("rus", "RU"), same("en", None)
    (True, True, True, False)
    """
    first = primary(a)
    return first is not None and first == primary(b)


def normalise(tag: str) -> str | None:
    """The tag as stored: primary subtag lower case (two letters where there are), ``-``
    between subtags, a two-letter region upper case, a four-letter script title case; other
    subtags as written. None when it is not a tag.

    >>> normalise("RU_ru"), normalise("en"), normalise("sr_latn_rs"), normalise("eng-GB")
    ('ru-RU', 'en', 'sr-Latn-RS', 'en-GB')
    >>> normalise("russian!") is None
    True
    """
    first = primary(tag)
    if first is None:
        return None
    rest = re.split(r"[-_]", tag.strip())[1:]
    rest = [r.upper() if len(r) == 2 else r.title() if len(r) == 4 and r.isalpha() else r
            for r in rest]
    return "-".join([first, *rest])


def name(tag: str | None) -> str:
    """The language's English name for messages; the tag itself when we have no name.

    >>> name("fr-CA"), name("ru"), name("xx-YY"), name(None)
    ('French', 'Russian', 'xx-YY', 'unknown')
    """
    first = primary(tag)
    if first is None:
        return tag or "unknown"
    return NAMES.get(first, tag or first)


def pair(source: str | None, target: str | None) -> str:
    """A language pair for messages.

    >>> pair("en-US", "ru"), pair(None, "fr")
    ('en-US→ru', '?→fr')
    """
    return f"{source or '?'}→{target or '?'}"
