"""What number-mismatch reads beyond single numbers: numbers inside words, digit groups of one
number split differently, and the differences a translator makes on purpose.

* Russian compound adjectives open with a numeral in its genitive stem (пятидневный 5,
  тридцатитрёхлетний 33, двухэтажный 2, стопроцентный 100): the stems are read as a number
  when the rest of the word is a word of its own (дневный, летний, этажный);
* «два с половиной» is 2.5;
* a century is a hundreds value too, however it is written: «XIX век», «19-й век», the
  19th century, «девятнадцатый век», the nineteenth century all also read 1800, so that
  each agrees with "the 1800s" (`century`);
* 24/7 (24x7, 24/7/365) is a way of saying "always", not two numbers: a translation may
  say it in words (круглосуточно, round the clock), so it is matched when the other side
  writes it too and never reported (`always`);
* a phone number 9-876-54-32 and 9876-5432: digit groups joined by hyphens, spaces or points
  whose digits, put together, are those of a run of the other side are one number;
* a value both sides contain but one side repeats (COVID-19 after «коронавирусная инфекция
  19»), or digits the other side writes glued into an identifier (ферментом 2 → ACE2), are a
  translator's merging or naming, so such a difference is reported at low confidence.

Limits: words that mean a number without a numeral in them («полдень» 12, «сутки» 24) are
not read.
"""
from __future__ import annotations

import re
from decimal import Decimal
from collections.abc import Sequence
from typing import Protocol, TypeVar

from ..morph import is_known, parse

# Genitive stems of the numerals, as they open compound words (двух-этажный, сорока-летний).
_STEMS: dict[str, int | Decimal] = {"одно": 1, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
          "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11,
          "двенадцати": 12, "тринадцати": 13, "четырнадцати": 14, "пятнадцати": 15,
          "шестнадцати": 16, "семнадцати": 17, "восемнадцати": 18, "девятнадцати": 19,
          "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50, "шестидесяти": 60,
          "семидесяти": 70, "восьмидесяти": 80, "девяноста": 90, "сто": 100, "двухсот": 200,
          "трёхсот": 300, "трехсот": 300, "пятисот": 500, "тысяче": 1000, "полу": Decimal("0.5")}
_STEM = re.compile("|".join(sorted(_STEMS, key=len, reverse=True)))
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_RU_WORD = re.compile(r"[а-яё]{6,}", re.I)
_ADJECTIVES = frozenset({"ADJF", "ADJS"})
_MIN_TAIL = 4
_HALF = re.compile(r"([а-яё]+)\s+с\s+половиной", re.I)
# What names a century after its number: century, век in any case, столетие, в./вв.
# "в." abbreviates век in lower case only: "12 В." is twelve volts.
_CENTURY = re.compile(r"\s?(?:centur(?:y|ies)\b|век(?:а|у|ом|е|ов|ами|ах)?\b|столети|(?-i:вв?\.))",
                      re.I)
_ORDINAL_ENDING = re.compile(r"-?(?:st|nd|rd|th|[а-яё]{1,3})\b", re.I)
_CENTURIES = 30  # no text numbers centuries beyond this: a larger number is not one
# 24/7 and its spellings, "always": matched whole, before its digits are read as numbers.
_ALWAYS = re.compile(r"(?<![\d/])(?<!\d[.,])24\s?[/x×]\s?7(?:\s?/\s?365)?(?![\d/]|[.,]\d)")


class Located(Protocol):
    """A number found in a text (numbers.Number)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def values(self) -> frozenset[Decimal | str]: ...


N = TypeVar("N", bound=Located)


def compound_values(text: str) -> list[Decimal]:
    """Numbers said inside Russian compound adjectives.

    >>> [str(v) for v in compound_values("пятидневную, тридцатитрёхлетний, стопроцентный")]
    ['5', '33', '100']
    >>> [str(v) for v in compound_values("семинар, сторонний, пятидесятый")]
    []
    """
    return [v for m in _RU_WORD.finditer(text) if (v := _compound(m.group().lower()))]


def century(value: Decimal, text: str, end: int) -> Decimal | None:
    """The first year's hundreds (1800 for the 19th), when the number `value` ending at
    `end` is followed by a word naming a century (an ordinal ending may stand between:
    19th century, 19-го века); else None.

    >>> [century(Decimal(19), t, 2) for t in ("19th century", "19-м веке", "19 в.", "19 men")]
    [Decimal('1800'), Decimal('1800'), Decimal('1800'), None]
    """
    if value != value.to_integral_value() or not 1 <= value <= _CENTURIES:
        return None
    ending = _ORDINAL_ENDING.match(text, end)
    if _CENTURY.match(text, ending.end() if ending else end) is None:
        return None
    return Decimal(100 * (int(value) - 1))


def always(text: str) -> list[tuple[int, int]]:
    """Spans of 24/7 and its spellings (an adverb of time, "always", not two numbers).

    >>> always("open 24/7, 24x7 and 24/7/365; 124/7 and 24/75 are not")
    [(5, 9), (11, 15), (20, 28)]
    """
    return [m.span() for m in _ALWAYS.finditer(text)] if "24" in text else []


def halved(text: str) -> list[str]:
    """The words before «с половиной» (два с половиной = 2.5), for the caller to read.

    >>> halved("два с половиной евро, три с половиной часа")
    ['два', 'три']
    """
    return [m.group(1) for m in _HALF.finditer(text)]


def roman(numeral: str) -> int:
    """The value of a Roman numeral (XIX = 19)."""
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        va, vb = _ROMAN_VALUES[a], _ROMAN_VALUES.get(b, 0)
        total += -va if va < vb else va
    return total


def _compound(word: str) -> Decimal | None:
    if not _STEM.match(word):
        return None
    best = parse(word)[0]
    if best.tag.POS not in _ADJECTIVES or "Anum" in best.tag:  # пятидесятый is a numeral
        return None
    lemma, total, at = best.normal_form, Decimal(0), 0
    while (m := _STEM.match(lemma, at)) is not None:
        total += _STEMS[m.group()]
        at = m.end()
    tail = lemma[at:]
    if not total or len(tail) < _MIN_TAIL or not is_known(tail):
        return None
    return total


def split_groups(lost: list[N], added: list[N], source: str,
                 target: str) -> tuple[list[N], list[N]]:
    """Drop the numbers that are digit groups of one number both sides give, grouped
    differently (9-876-54-32 and 9876-5432)."""
    if not lost or not added:
        return lost, added  # a number grouped otherwise leaves numbers unmatched on both sides
    runs_src = _runs(source, lost)
    runs_tgt = _runs(target, added)
    shared = {d for d, _ in runs_src} & {d for d, _ in runs_tgt}
    drop_src = {id(n) for d, ns in runs_src if d in shared for n in ns}
    drop_tgt = {id(n) for d, ns in runs_tgt if d in shared for n in ns}
    return ([n for n in lost if id(n) not in drop_src],
            [n for n in added if id(n) not in drop_tgt])


def _runs(text: str, unmatched: list[N]) -> list[tuple[str, list[N]]]:
    """Digit runs of three or more digits with the unmatched numbers inside them."""
    runs = []
    for m in re.finditer(r"(?<![\d.,])\d+(?:[-.\s]\d+)*(?!\d)", text):
        digits = re.sub(r"\D", "", m.group())
        inside = [n for n in unmatched if m.start() <= n.start and n.end <= m.end()]
        if inside and len(digits) >= 3:
            runs.append((digits, inside))
    return runs


def shared_value(n: Located, everyone: Sequence[Located]) -> bool:
    """Whether the other side has a number of the same value (then the difference is in how
    many times it is said, not in the value)."""
    return any(n.values & o.values for o in everyone)


def glued(n: Located, other: str) -> bool:
    """Whether the other side writes the number's digits glued to letters, as part of an
    identifier (ACE2, COVID19, H1N1)."""
    digits = re.escape(n.text)
    return re.search(rf"(?:[^\W\d_]{digits}(?!\d)|(?<![\d\w]){digits}[^\W\d_])", other) is not None
