"""Placeholders, escapes and accelerators: printf, Qt, braces, ICU, templates, ``$``.

Auto detection is built not to take prose for a placeholder: a printf conversion never has
the space flag there (``50 % of`` and «50 % с» are percentages; the PO flag c-format allows
it), a brace holds an identifier, a number or a format spec with no space (``{ and }`` in a
sentence is not one), and ``$1`` is money unless the file says otherwise (sh-format,
php-format, or ``--markup dollar``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .spans import ACCEL, ESCAPE, PLACEHOLDER, Group, Span, one

_CONVERSION = r"(?P<conv>(?:hh|h|ll|l|L|q|j|z|t|I64|I32)?[diouxXeEfFgGaAcsrpb@])"


def _printf(flags: str) -> re.Pattern:
    """A printf conversion with these flag characters allowed."""
    return re.compile(rf"%(?:(?P<named>\([^()\s]+\))|(?P<pos>[1-9]\d*\$))?[{flags}]*(?:\d+|\*)?"
                      rf"(?:\.(?:\d+|\*))?{_CONVERSION}")


_PRINTF = _printf("-+#0'")
_PRINTF_SPACE = _printf("-+#0' ")  # the space flag only where the file says printf (c-format)
_PERCENT = re.compile(r"%%")
_QT = re.compile(r"(?<![\d%])%L?[1-9]\d?(?!\d)")
# {0} {name} {} {0[key]} {obj.attr!r:>10}; {имя} too (a translated name is a placeholder
# that no longer matches).
_BRACE = re.compile(r"(?<![{$])\{(?P<field>[^\W\d]\w*(?:\.\w+|\[\w+\])*|\d+)?(?:![rsa])?"
                    r"(?::[^{}\s]*)?\}(?!\})")
_DOUBLE_BRACE = re.compile(r"\{\{-?\s*[^{}\s](?:[^{}\n]{0,78}[^{}\s])?\s*-?\}\}")
_TEMPLATE_TAG = re.compile(r"\{%-?\s.*?\s-?%\}|\{#.*?#\}")
_DOLLAR_BRACE = re.compile(r"\$\{[^{}\s]+\}|\$\([^()\s]+\)")
_DOLLAR_NAME = re.compile(r"(?<![\w$])\$[A-Za-z_]\w*")
_DOLLAR_NUMBER = re.compile(r"(?<![\w$])\$\d{1,2}(?![\d.,]\d)")
_ICU = re.compile(r"\{\s*(\w+)\s*,\s*(?:plural|select|selectordinal)\s*,")
_ICU_SIMPLE = re.compile(r"\{\s*(\w+)\s*,\s*(?:number|date|time|spellout|ordinal|duration)"
                         r"\s*(?:,[^{}]*)?\}")
_ICU_SELECTOR = re.compile(r"\s*(?:offset:\s*\d+\s+)?(=\d+|[\w-]+)\s*\{")
_ESCAPE = re.compile(r"\\(?:[nrtvfab0\\'\"]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})")
_CYR = "А-Яа-яЁё"
_ACCEL_CYRILLIC = re.compile(rf"(?<=[{_CYR}])[_&](?=[{_CYR}])|(?<![\w&])[_&](?=[{_CYR}])")
_ACCEL_AMP = re.compile(r"(?<![&\w])&(?=[A-Za-z])(?![A-Za-z]+;)|(?<=[A-Za-z])&(?=[A-Za-z])")
_ACCEL_UNDERSCORE = re.compile(r"(?<![\w.])_(?=[A-Z])")
_ACCEL_INSIDE = re.compile(r"(?<=[A-Za-z])_(?=[A-Za-z])")


def templates(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """ICU plural/select (the messages inside stay language), {% tags %}, {{ vars }}."""
    if "brace" not in syntaxes or "{" not in text:
        return
    yield from _icu(text, 0)
    for pattern in (_TEMPLATE_TAG, _DOUBLE_BRACE):
        for m in pattern.finditer(text):
            yield one(m, PLACEHOLDER, " ".join(m.group().split()))
    for m in _ICU_SIMPLE.finditer(text):
        yield one(m, PLACEHOLDER, "{" + m.group(1) + "}")


def _icu(text: str, offset: int) -> Iterator[Group]:
    """ICU `{n, plural, one {# file} other {# files}}`: the argument, the selectors, the
    braces and `#` are masked; the messages are language. Only the argument is compared
    (Russian needs `few` and `many` where English has none)."""
    for m in _ICU.finditer(text):
        pieces: list[Span] = []
        at, start = m.end(), m.start()  # where the next selector is read; its piece starts
        while True:
            sel = _ICU_SELECTOR.match(text, at)
            if sel is None:
                break
            close = _matching(text, sel.end() - 1)
            if close is None:
                return
            pieces.append(Span(offset + start, offset + sel.end(), PLACEHOLDER))
            body = text[sel.end():close]
            for h in re.finditer(r"#", body):
                pieces.append(Span(offset + sel.end() + h.start(), offset + sel.end() + h.end(),
                                   PLACEHOLDER))
            yield from _icu(body, offset + sel.end())
            start, at = close, close + 1
        end = re.compile(r"\s*\}").match(text, at)
        if not pieces or end is None:
            continue
        pieces.append(Span(offset + start, offset + end.end(), PLACEHOLDER))
        head = pieces[0]
        yield (Span(head.start, head.end, PLACEHOLDER, "{" + m.group(1) + "}"), *pieces[1:])


def _matching(text: str, at: int) -> int | None:
    """Index of the brace closing the one at `at`."""
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return None


def formats(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """printf, Qt, brace and dollar placeholders; `%%` as an escape."""
    if "%" in text and syntaxes & {"printf", "c-format"}:
        for m in _PERCENT.finditer(text):
            yield one(m, ESCAPE)
        pattern = _PRINTF_SPACE if "c-format" in syntaxes else _PRINTF
        for m in pattern.finditer(text):
            yield one(m, PLACEHOLDER, _printf_key(m), ordered=not (m["named"] or m["pos"]))
    if "%" in text and "qt" in syntaxes:
        for m in _QT.finditer(text):
            yield one(m, PLACEHOLDER, m.group().replace("L", ""))
    if "brace" in syntaxes:
        # Sphinx text has no brace placeholders: {braces} there is a word in braces, and
        # :samp:`{name}` is a role's own syntax.
        if "{" in text and "sphinx" not in syntaxes:
            for m in _BRACE.finditer(text):
                yield one(m, PLACEHOLDER, m.group(), ordered=m["field"] is None)
        if "$" in text:
            for pattern in (_DOLLAR_BRACE, _DOLLAR_NAME):
                for m in pattern.finditer(text):
                    yield one(m, PLACEHOLDER, m.group())
    if "dollar" in syntaxes and "$" in text:
        for m in _DOLLAR_NUMBER.finditer(text):
            yield one(m, PLACEHOLDER, m.group())


def _printf_key(m: re.Match) -> str:
    """What must match between source and target: the name or position, the conversion
    and a space flag (width, precision and other flags may change: `%5d` → `%d` is a
    layout choice; `%s` → `% s` is a typo).

    >>> _printf_key(_PRINTF.search("%(count)05d")), _printf_key(_PRINTF.search("%1$.2f"))
    ('%(count)d', '%1$f')
    >>> _printf_key(_PRINTF_SPACE.search("% s"))
    '% s'
    """
    space = " " if " " in m.group() and not m["named"] else ""
    return "%" + (m["named"] or m["pos"] or "") + space + m["conv"]


def escapes(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    r"""Escape sequences written out (`\n`, `\t`): not words (the `n` of `\nThe`)."""
    if "escape" in syntaxes and "\\" in text:
        for m in _ESCAPE.finditer(text):
            yield one(m, ESCAPE)


def accelerators(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """Menu accelerators: `&` or `_` before the marked letter (Qt, GTK, Windows).

    In a Cyrillic word always (Russian has no identifiers with `_`); `&` before a Latin
    letter unless it starts an entity; `_` before a capital when it is the text's only
    underscore (`_File`; `_bucket` and several underscores are an identifier's); inside a
    Latin word only when identifiers are not looked for.
    """
    if "accel" not in syntaxes or not ("_" in text or "&" in text):
        return
    spans = [m.start() for m in _ACCEL_CYRILLIC.finditer(text)]
    spans += [m.start() for m in _ACCEL_AMP.finditer(text)]
    if text.count("_") == 1:
        spans += [m.start() for m in _ACCEL_UNDERSCORE.finditer(text)]
        if "code" not in syntaxes:
            spans += [m.start() for m in _ACCEL_INSIDE.finditer(text)]
    for at in sorted(set(spans)):
        yield (Span(at, at + 1, ACCEL),)
