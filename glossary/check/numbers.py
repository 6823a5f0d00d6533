"""number-mismatch: the numbers of the source and the target, compared as multisets.

A number written in digits is read with every convention it may follow, and two numbers
agree when their readings share a value:

* grouping by space, NBSP, thin space (U+2009), narrow NBSP (U+202F) or figure space:
  ``3 648`` = ``3648``; by comma (English) ``3,648``; by point (German style) ``3.648``;
* decimal comma (Russian) or point (English): ``76,25 %`` = ``76.25%`` (signs are ignored);
  a leading point is a decimal one, ``.08%`` = ``0,08 %``, but not after a word (``file.08``);
* so ``3,648`` is either 3648 or 3.648 and agrees with both;
* ``1941 г.``, ``1941-го``, ``1940s``, ``5th``, ``№ 227``/``No. 227``: the digits count;
* ``1941–45`` also reads 1945; ``1,5 млн``/``1.5 million`` also reads 1 500 000;
* fractions: ``2 1/2`` = ``2½`` = ``2,5`` (a proper fraction with a denominator up to 16;
  ``1/3`` also reads 0.3, 0.33, 0.333; ``1941/42`` is not a fraction);
* a century also reads its first year's hundreds: the ``19th`` century, ``19-м`` веке = the
  ``1800s``; ``24/7`` says "always" and is never reported (numwords).

Words only help: a number in words (одиннадцать, сорок первого, twenty-five), a month
name (июня, June) or a Roman numeral (XX век) on one side may account for digits on the
other, but never causes a finding by itself. Limits: larger numbers in words are not read
beyond simple compounds; the hour of a clock time (``2:30``, ``1 pm``) is not compared when
the other side writes no clock time (it may say половина третьего); times like ``10.30``
read as a decimal; and a number that legitimately changes in translation (unit conversion)
is reported. Compound words, digit groups and repeated values: see numwords.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..markup import Masked
from ..morph import lemmas
from ..ru import DIGIT_SPACES
from .context import Context, PairView
from .confidence import LOW
from .finding import ERROR
from .numwords import (always, century, compound_values, glued, halved, roman, shared_value,
                       split_groups)
from .registry import Issue, rule

_DIGIT = re.compile(r"\d")
_HEX = re.compile(r"\b0[xX][0-9A-Fa-f]+\b")
_NOT_CODE = frozenset({"placeholder", "url", "link", "tag", "escape"})
_ID_DIGITS = 4  # 0521 is a number's name; 05 (a day, a month) is still five
_SPACES = DIGIT_SPACES
_NUMBER = re.compile(
    rf"(?<!\d)(?:\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)*)")
_RANGE_YEAR = re.compile(r"(?<!\d)(1\d|20)\d\d\s?[-–—]\s?$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}(?::\d\d(?!\d)|\s?(?:[ap]\.?m\b\.?))", re.I)
# A mixed number's whole part is set off by a space or hyphen (2 1/2, 2-1/2) or glued to a
# fraction sign (2½): 24/7 is no 2 4/7.
_FRACTION = re.compile(rf"(?<![\d/.,])(?:(?P<whole>\d+)(?:[{_SPACES}]|-|(?=[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])))?"
                       rf"(?:(?P<num>\d{{1,2}})/(?P<den>\d{{1,2}})(?![\d/])|(?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]))")
_VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
           "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
           "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_ANY_VULGAR = re.compile(f"[{''.join(_VULGAR)}]")
_MAX_DENOMINATOR = 16
_ROMAN = re.compile(r"\b(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")

_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_EN_WORDS |= {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_EN_WORDS |= {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
    start=1)}
_EN_WORDS |= {"dozen": 12, "both": 2, "twice": 2, "once": 1, "single": 1, "double": 2,
              "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_EN_WORDS |= {w: 10 * i for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(),
    start=2)}
_EN_WORDS |= {w: i for i, w in enumerate(
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
    start=13)}
_EN_WORDS |= {"hundredth": 100, "thousandth": 1000}
_EN_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november "
    "december".split(), start=1)}
_RU_WORDS: dict[str, int | Decimal] = {w: i for i, w in enumerate(
    "ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
    "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "
    "девятнадцать".split())}
_RU_WORDS |= {w: 10 * i for i, w in enumerate(
    "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split(),
    start=2)}
_RU_WORDS |= {w: 100 * i for i, w in enumerate(
    "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split(),
    start=1)}
_RU_WORDS |= {w: i for i, w in enumerate(
    "первый второй третий четвёртый пятый шестой седьмой восьмой девятый десятый "
    "одиннадцатый двенадцатый тринадцатый четырнадцатый пятнадцатый шестнадцатый "
    "семнадцатый восемнадцатый девятнадцатый".replace("ё", "е").split(), start=1)}
_RU_WORDS |= {w: 10 * i for i, w in enumerate(
    "двадцатый тридцатый сороковой пятидесятый шестидесятый семидесятый восьмидесятый "
    "девяностый".split(), start=2)}
_RU_WORDS |= {"сотый": 100, "тысячный": 1000}
_RU_WORDS |= {"нуль": 0, "оба": 2, "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "дюжина": 12,
              "полтора": Decimal("1.5"), "тысяча": 1000, "миллион": 10**6, "миллиард": 10**9,
              "тыс": 1000, "млн": 10**6, "млрд": 10**9}
_RU_MONTHS = {m: i for i, m in enumerate(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь "
    "декабрь".split(), start=1)}
# The first two letters of every number or month word, in any inflection: a cheap test
# that skips the lemmatiser for nearly every word of a text.
_OPENINGS = frozenset(w[:2] for w in (*_EN_WORDS, *_EN_MONTHS, *_RU_WORDS, *_RU_MONTHS, "and"))
_MULTIPLIERS = {"thousand": 1000, "million": 10**6, "billion": 10**9, "тысяча": 1000,
                "тыс": 1000, "миллион": 10**6, "млн": 10**6, "миллиард": 10**9, "млрд": 10**9}


@dataclass(frozen=True, slots=True)
class Number:
    """A number in a text: where it stands and every value it may mean."""

    start: int
    end: int
    text: str
    values: frozenset[Decimal | str]  # str: digits whose leading zeros count
    soft: bool = False  # clock minutes, 24/7: may match, never reported


def numbers(text: str) -> list[Number]:
    """The numbers written in digits, each with its possible values.

    >>> [sorted(map(str, n.values)) for n in numbers("3 648 человек, 76,25 %, 1941–45 гг.")]
    [['3648'], ['76.25'], ['1941'], ['1945', '45']]
    >>> [sorted(f"{v:f}" for v in n.values) for n in numbers("3,648 men; 1.5 million")]
    [['3.648', '3648'], ['1.5', '1500000']]
    >>> [n.values for n in numbers("приказ № 00805 от 05.06.1941")][:2]
    [frozenset({'00805'}), frozenset({Decimal('5')})]
    """
    # Every fraction has a slash or a vulgar fraction sign: most texts need no search for one.
    found = _fractions(text) if "/" in text or _ANY_VULGAR.search(text) else []
    found += [Number(a, b, text[a:b], frozenset({"24/7"}), soft=True) for a, b in always(text)]
    fractions = [(f.start, f.end) for f in found]
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in fractions):
            continue
        for start, chunk in _readable(m.start(), m.group()):
            values: frozenset[Decimal | str] = _readings(chunk)
            if chunk.isdigit() and chunk[0] == "0" and len(chunk) >= _ID_DIGITS:
                values = frozenset({chunk})  # an order number (№ 00805): its zeros count
            end = start + len(chunk)
            if values and len(chunk) <= 3 and _RANGE_YEAR.search(text, max(0, start - 8), start):
                year = _RANGE_YEAR.search(text, max(0, start - 8), start)
                if year is not None and len(chunk) == 2:
                    values |= {Decimal(year.group()[:2] + chunk.zfill(2))}
            after = _WORD.match(text, end + (1 if text[end:end + 1] in _SPACES else 0))
            factor = _multiplier(after.group().lower()) if after else None
            if factor:
                values |= {(v * factor).normalize() for v in values if isinstance(v, Decimal)}
            hundreds = [h for v in values if isinstance(v, Decimal)
                        and (h := century(v, text, end)) is not None]
            values |= set(hundreds)  # the 19th century is also the 1800s
            if start > 0 and text[start - 1] == "." and chunk.isdigit() and not (
                    start > 1 and (text[start - 2].isalnum() or text[start - 2] in "_.")):
                start, chunk = start - 1, "." + chunk  # .08% is 0.08, but not file.08
                values = frozenset({Decimal(chunk).normalize()})
            minutes = len(chunk) == 2 and start > 1 and text[start - 1] == ":" and \
                text[start - 2].isdigit()
            found.append(Number(start, end, chunk, frozenset(values), soft=minutes))
    return sorted(found, key=lambda n: n.start)


def _fractions(text: str) -> list[Number]:
    """Proper fractions, mixed numbers and vulgar fraction signs, by value.

    >>> [sorted(map(str, n.values)) for n in _fractions("2 1/2 часа, ½ и 1/3; 1941/42")]
    [['2.5'], ['0.5'], ['0.3', '0.33', '0.333']]
    """
    found = []
    for m in _FRACTION.finditer(text):
        num, den = _VULGAR[m["vulgar"]] if m["vulgar"] else (int(m["num"]), int(m["den"]))
        if not 0 < num < den <= _MAX_DENOMINATOR:
            continue
        value = Decimal(int(m["whole"] or 0)) + Decimal(num) / Decimal(den)
        exact = value.quantize(Decimal("0.000001"))
        if exact * den % 1 == 0:
            values = {exact.normalize()}
        else:
            values = {value.quantize(Decimal(10) ** -places) for places in (1, 2, 3)}
        found.append(Number(m.start(), m.end(), m.group(), frozenset(values)))
    return found


def _readable(start: int, run: str) -> list[tuple[int, str]]:
    """The run itself when some convention reads it as one number, else its parts."""
    if _readings(run):
        return [(start, run)]
    parts, offset = [], start
    for piece in re.split(r"([.,])", run):
        if piece.isdigit():
            parts.append((offset, piece))
        offset += len(piece)
    return parts


@lru_cache(maxsize=65536)
def _readings(chunk: str) -> frozenset[Decimal]:
    """Values of a digit run under the English (`,` groups, `.` decimal) and the
    continental (`.` groups, `,` decimal) conventions; spaces group in both.

    >>> sorted(map(str, _readings("3,648"))), sorted(map(str, _readings("1,2,3")))
    (['3.648', '3648'], [])
    """
    flat = re.sub(f"[{_SPACES}]", "", chunk)
    spaced = flat != chunk
    values = set()
    for group, point in ((",", "."), (".", ",")):
        value = _read(flat, group, point, spaced)
        if value is not None:
            values.add(value)
    return frozenset(values)


def _read(flat: str, group: str, point: str, spaced: bool) -> Decimal | None:
    whole, _, fraction = flat.partition(point)
    if point in fraction or (fraction and not fraction.isdigit()):
        return None
    groups = whole.split(group)
    if len(groups) > 1 and (spaced or not 1 <= len(groups[0]) <= 3
                            or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    if not digits.isdigit():
        return None
    try:
        return Decimal(f"{digits}.{fraction}" if fraction else digits).normalize()
    except InvalidOperation:
        return None


def _multiplier(word: str) -> int | None:
    if word in _MULTIPLIERS:
        return _MULTIPLIERS[word]
    if not word.isascii():
        for lemma in sorted(lemmas(word)):
            if lemma in _MULTIPLIERS:
                return _MULTIPLIERS[lemma]
    return None


def word_values(text: str, lang: str) -> list[Decimal]:
    """Values a text gives in words: number words and their simple compounds, month
    names, Roman numerals.

    >>> [str(v) for v in word_values("в сорок первом году, 22 июня, XX век", "ru")]
    ['40', '1', '41', '1941', '6', '20', '1900']
    >>> [str(v) for v in word_values("двадцать пятого декабря", "ru")]
    ['20', '5', '25', '1925', '12']
    >>> [str(v) for v in word_values("twenty-five men in June", "en")]
    ['20', '5', '25', '1925', '6']
    >>> [str(v) for v in word_values("the nineteenth century, в XIX веке", "en")]
    ['19', '1800', '19', '1800']
    """
    values: list[Decimal] = []
    run: list[Decimal] = []
    end = 0  # where the run's last word ends: a century word may follow it

    def close() -> None:
        said = _close(run, values)
        if said is not None and (hundreds := century(said, text, end)) is not None:
            values.append(hundreds)  # the nineteenth century: also the 1800s

    for m in _WORD.finditer(text):
        if m.group()[:2].lower() not in _OPENINGS and not m.group().isupper():
            close()
            continue
        parts = m.group().split("-") if lang == "en" else [m.group()]
        for part in parts:
            v = _word_value(part, lang)
            if v is None:
                if part.lower() != "and":
                    close()
                month = _month(part, lang)
                if month is not None:
                    values.append(Decimal(month))
                continue
            run.append(Decimal(v))
            end = m.end()
        if len(parts) == 1 and parts[0].isupper() and _ROMAN.fullmatch(parts[0]) and (
                len(parts[0]) > 1 or lang == "ru"):
            values.append(Decimal(roman(parts[0])))
            if (hundreds := century(values[-1], text, m.end())) is not None:
                values.append(hundreds)  # XIX век
    close()
    return values


def _close(run: list[Decimal], values: list[Decimal]) -> Decimal | None:
    """End a run of number words: each word's value, and the compound when there are two
    or more (сорок первый = 41, two thousand = 2000); a two-digit compound may be a year
    said short (в сорок первом = 1941). The run's value, or None when there is none."""
    if not run:
        return None
    values.extend(run)
    said = run[0]
    if len(run) > 1:
        total, current = Decimal(0), Decimal(0)
        for v in run:
            if v >= 1000:
                total += max(current, Decimal(1)) * v
                current = Decimal(0)
            elif v == 100 and current:
                current *= v
            else:
                current += v
        said = total + current
        values.append(said)
        if 10 <= said < 100:
            values.append(1900 + said)
    run.clear()
    return said


def _word_value(word: str, lang: str) -> int | Decimal | None:
    lower = word.lower()
    if lang == "en" or lower.isascii():
        return _EN_WORDS.get(lower)
    for lemma in sorted(lemmas(lower.replace("ё", "е"))):
        if lemma in _RU_WORDS:
            return _RU_WORDS[lemma]
    return None


def _month(word: str, lang: str) -> int | None:
    lower = word.lower()
    if lang == "en" or lower.isascii():
        return _EN_MONTHS.get(lower)
    return next((_RU_MONTHS[m] for m in sorted(lemmas(lower)) if m in _RU_MONTHS), None)


def compare(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """The numbers of each side that no number of the other side accounts for (clock
    minutes, which translations often drop or add, are matched but never reported)."""
    left = list(target)
    lost = []
    # Numbers with fewer readings first, so an ambiguous one does not take another's partner.
    for n in sorted(source, key=lambda n: (n.soft, len(n.values), n.start)):
        partner = next((t for t in left if t.values & n.values), None)
        if partner is None:
            lost.append(n)
        else:
            left.remove(partner)
    return (sorted((n for n in lost if not n.soft), key=lambda n: n.start),
            sorted((n for n in left if not n.soft), key=lambda n: n.start))


@rule("number-mismatch", ERROR)
def number_mismatch(view: PairView, ctx: Context):
    """The numbers differ between source and target (3 648 = 3,648; 76,25 % = 76.25%).

    Numbers inside placeholders, URLs and link targets are not compared (placeholder-
    mismatch compares those spans whole). Numbers inside code are compared code with code,
    as multisets: code is kept as it is in a translation, so a changed literal
    (``diff = 1100`` → ``diff = 1101``) or a changed, dropped or added number in a code
    block (a comment's «11 tables» become 10) is reported; a number one side writes in
    code and the other in prose (``CAST('5.5' …)`` beside "5.5 is not an integer") counts
    once on each side.
    """
    source, target = view.src_text, view.tgt_text
    if view.blank or not (_has_digit(view.source) or _has_digit(view.target)):
        return
    only_src, only_tgt = compare(numbers(source), numbers(target))
    # A clock time in digits against one in words (половина третьего = 2:30): its hour
    # cannot be compared, so it is let go when the other side writes no clock time.
    if only_src and not _CLOCK.search(target):
        only_src = [n for n in only_src if not _CLOCK.match(source, n.start)]
    if only_tgt and not _CLOCK.search(source):
        only_tgt = [n for n in only_tgt if not _CLOCK.match(target, n.start)]
    lost_code, added_code = compare(_code_numbers(view.src_masked),
                                    _code_numbers(view.tgt_masked))
    # What one side writes in prose and the other in code is used once: a source number
    # the target gives only in code it shares with the source is lost ("5.5 is not an
    # integer" → "это не целое число" beside ``CAST('5.5' …)`` on both sides). A number
    # the target adds that the source has in any masked span is an explanation of it
    # («Пример №1» for ``fieldno = 1``, «уровня 0» for ``level0``).
    only_src, added_code = _pair_off(only_src, added_code)
    only_src = _in_code(only_src, view.tgt_masked, kinds=_NOT_CODE)
    only_tgt, lost_code = _pair_off(only_tgt, lost_code)
    only_tgt = _in_code(only_tgt, view.src_masked)
    if only_src:
        only_src = said_in_words(only_src, target, ctx.target_lang)
    if only_tgt:
        only_tgt = said_in_words(only_tgt, source, ctx.source_lang)
    only_src, only_tgt = split_groups(only_src, only_tgt, source, target)
    # A value both sides contain, said a different number of times, or digits the other side
    # glues into an identifier, is the translator's merging or naming: low, with the reason.
    soft = all(shared_value(n, numbers(other)) or glued(n, other)
               for side, other in ((only_src, target), (only_tgt, source)) for n in side)
    # In code only a change counts: a number added or dropped there is mostly a translated
    # comment's wording («увеличивается на 1»), a replaced one a changed literal.
    if not (lost_code and added_code):
        lost_code = added_code = []
    only_src = sorted(only_src + lost_code, key=lambda n: n.start)
    only_tgt = sorted(only_tgt + added_code, key=lambda n: n.start)
    if not only_src and not only_tgt:
        return
    parts = []
    if only_src:
        parts.append(f"the source has {_list(only_src)} not in the target")
    if only_tgt:
        parts.append(f"the target has {_list(only_tgt)} not in the source")
    yield Issue("numbers differ: " + "; ".join(parts),
                source_span=(only_src[0].start, only_src[0].end) if only_src else None,
                target_span=(only_tgt[0].start, only_tgt[0].end) if only_tgt else None,
                suggestion=localise(only_src[0].text, ctx.target_lang) if only_src else None,
                confidence=LOW if soft and not lost_code else None,
                reason=_SOFT if soft and not lost_code else None)


_SOFT = ("each differing number's value is on both sides, said a different number of times, "
         "or its digits are part of an identifier on the other side (ACE2)")


def _code_numbers(masked: Masked) -> list[Number]:
    """The numbers inside a side's code spans, but hexadecimal ones (an address in a
    program's output, 0x7f8fd102803f, differs from run to run)."""
    found = []
    for s in masked.spans:
        if s.kind != "code":
            continue
        text = _HEX.sub(lambda m: " " * len(m.group()), masked.original[s.start:s.end])
        found += [Number(s.start + n.start, s.start + n.end, n.text, n.values)
                  for n in numbers(text)]
    return found


def _pair_off(prose: list[Number], code: list[Number]) -> tuple[list[Number], list[Number]]:
    """Prose numbers of one side and the other side's unmatched code numbers, without the
    pairs that share a value."""
    code = list(code)
    kept = []
    for n in prose:
        hit = next((m for m in code if m.values & n.values), None)
        if hit is None:
            kept.append(n)
        else:
            code.remove(hit)
    return kept, code


def _in_code(lost: list[Number], other: Masked,
             kinds: frozenset[str] = frozenset()) -> list[Number]:
    """Drop the numbers the other side writes inside masked spans (of `kinds`, or any):
    ``diff = 3`` for diff = 3, a URL's tr10 for «№10»."""
    if not other.spans:
        return lost
    masked = [n for s in other.spans if s.kind != "accel" and (not kinds or s.kind in kinds)
              for n in numbers(other.original[s.start:s.end])]
    return _pair_off(lost, masked)[0]


def said_in_words(lost: list[Number], other: str, lang: str) -> list[Number]:
    """The numbers left when those the other side gives in words are dropped."""
    words = word_values(other, lang)
    if lang == "ru":  # compounds (пятидневный), два с половиной = 2.5
        words += compound_values(other) + [
            said[-1] + Decimal("0.5") for w in halved(other) if (said := word_values(w, lang))]
    kept = []
    for n in lost:
        hit = next((w for w in words if w in n.values), None)
        if hit is None:
            kept.append(n)
        else:
            words.remove(hit)
    return kept


def localise(number: str, lang: str) -> str:
    """A number as the target language writes it (groups and decimal sign), when its
    reading is unambiguous; else as it is.

    >>> localise("3 648,5", "en"), localise("3,648.5", "ru"), localise("3,648", "ru")
    ('3,648.5', '3 648,5', '3,648')
    >>> localise("3 648", "en"), localise("76,25", "en"), localise("1941", "en")
    ('3,648', '76.25', '1941')
    """
    values = _readings(number)
    if len(values) != 1 or number.isdigit():
        return number
    value = next(iter(values))
    whole, _, fraction = f"{value:f}".partition(".")
    if len(whole) > 4 or (len(whole) == 4 and re.search(f"[{_SPACES},.]\\d{{3}}", number)):
        whole = f"{int(whole):,}".replace(",", " " if lang == "ru" else ",")
    point = "," if lang == "ru" else "."
    return whole + (point + fraction if fraction else "")


def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _list(found: list[Number]) -> str:
    return ", ".join(n.text for n in found[:5]) + (" …" if len(found) > 5 else "")
