"""Quotations and parenthesised mentions a translation keeps verbatim: a program's
message, a value or a UI label left in the original language, a list of keywords.

Whether a quoted stretch is language or a literal cannot be told from one text: "Duplicate
key exists in unique index" may be a message to translate or the exact text a program
prints. The translator's own choice tells: a quoted stretch of the source that the target
repeats character for character inside quotes of its own (any style: "…" → “…”, '…' → «…»)
was kept as a literal. The same holds for a parenthesised group the target repeats in
parentheses when it is a mention, not a sentence: two or three words (an original term
given as a gloss, ``(new-style classes)``), a list separated by commas or slashes
(``(if, switch, for, while, do)``), or words without a function word (``(insert delete
update)``); a longer parenthesis with function words kept verbatim is prose left
untranslated. Such a stretch is masked on both sides (as code: its words need no
rendering, its numbers are compared code with code), so no glossary term inside it is
reported as missing. A quotation the target translates, or repeats without quotes, stays
language. A cross-reference's one-word title the target keeps with its target
(:ref:`select <box_space-select>`) is the name of what it links to, kept the same way. A
name the source writes bare and the target marks as code (tuple-keydef → ``tuple-keydef``)
is code by the translator's reading, on both sides. So is a word of the source that a
target in another script (Cyrillic) keeps in its Latin letters, alone among the target's own
words or in a comma list of such (операцией select, «select, update или delete»): a Russian
text writes an English word in Latin only as a name. Not a run of English words (an
untranslated phrase: "Monitoring a replica set") nor a gloss in brackets after its
rendering (последователями (followers)). A unit the target repeats whole is left to the
untranslated rule.
"""
from __future__ import annotations

import re
from collections import Counter

from .masked import Masked, overlaps, with_spans
from .spans import CODE, Span

_QUOTED = re.compile(r"\"(?P<dq>[^\"\n]{1,300})\"|“(?P<curly>[^”\n]{1,300})”"
                     r"|«(?P<guillemet>[^»\n]{1,300})»|‘(?P<single>[^’\n]{1,300})’"
                     r"|(?<!\w)'(?P<apos>[^'\n]{1,300})'(?!\w)|\((?P<paren>[^()\n]{1,200})\)")
_GLOSS_WORDS = 3
_TITLED_ROLE = re.compile(r":[\w+.-]+(?::[\w+.-]+)*:`(?P<title>[^`<>\s]+)\s*<[^<>`]+>`")
_FUNCTION = frozenset("a an the of to in on at by for with from as is are was were be and or "
                      "but if that this it not no can will should may must".split())
_LETTER = re.compile(r"[^\W\d_]")
_WINDOW = 8
_OPENING = {"(": ")", "[": "]", "{": "}", "<": ">"}
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN_WORD = re.compile(r"(?<![\w\ufffc.@/-])[a-z]+(?:-[a-z]+)*(?![\w\ufffc@/]|[.-]\w)")
_OPENING_WORD = re.compile(r"\s*(?P<word>[A-Z][a-z]+(?:-[a-z]+)*)(?![\w\ufffc@/]|[.-]\w)")
# A Latin word next to it, with only spaces (or a hyphen) between: a run of English.
_LATIN_NEIGHBOUR_BEFORE = re.compile(r"[A-Za-z][ \t]+$")
_LATIN_NEIGHBOUR_AFTER = re.compile(r"[ \t]+[A-Za-z]")
_BACKQUOTED = re.compile(r"(`{1,2})(?P<name>[A-Za-z][\w.-]*\w)\1")


def kept_quotes(source: Masked, target: Masked) -> tuple[Masked, Masked]:
    """Source and target with the quotations the target keeps verbatim masked on both.

    >>> from glossary.markup import mask
    >>> s, t = kept_quotes(mask("the 'space' or 'role' type"), mask("тип 'space' или «роль»"))
    >>> s.text.replace("\\ufffc", "¤"), t.text.replace("\\ufffc", "¤")
    ("the '¤    ' or 'role' type", "тип '¤    ' или «роль»")
    """
    if source.original == target.original:
        return source, target  # a repeated unit is the untranslated rule's business
    src_extra, tgt_extra = _kept_titles(source, target)
    src_extra += _marked_as_code(source, target)
    if not (_has_quote(source.original) and _has_quote(target.original)):
        return _with_latin(source, target, src_extra, tgt_extra)
    kept: dict[str, list[Span]] = {}
    for m in _quotations(target):
        kept.setdefault(_content(m), []).append(_span(m))
    for m in _quotations(source):
        twins = kept.get(_content(m))
        if twins:
            src_extra.append(_span(m))
            tgt_extra.append(twins.pop(0))
    return _with_latin(source, target, src_extra, tgt_extra)


def _with_latin(source: Masked, target: Masked, src_extra: list[Span],
                tgt_extra: list[Span]) -> tuple[Masked, Masked]:
    """Source and target with the extra spans, and the source's words the target keeps in
    Latin that no extra span covers already."""
    src_extra += [s for s in _kept_in_latin(source, target)
                  if not any(overlaps(s, e) for e in src_extra)]
    if not src_extra and not tgt_extra:
        return source, target
    return with_spans(source, src_extra), with_spans(target, tgt_extra)


def _kept_titles(source: Masked, target: Masked) -> tuple[list[Span], list[Span]]:
    """The one-word titles of cross-references the target keeps as they are, title and
    target both (:ref:`select <box_space-select>`): the name of what they link to."""
    if ":`" not in source.original or ":`" not in target.original:
        return [], []
    kept: dict[str, list[Span]] = {}
    for m in _TITLED_ROLE.finditer(target.original):
        kept.setdefault(m.group(), []).append(Span(m.start("title"), m.end("title"), CODE))
    src, tgt = [], []
    for m in _TITLED_ROLE.finditer(source.original):
        twins = kept.get(m.group())
        if twins:
            src.append(Span(m.start("title"), m.end("title"), CODE))
            tgt.append(twins.pop(0))
    return src, tgt


def _marked_as_code(source: Masked, target: Masked) -> list[Span]:
    """The bare words of the source (outside its masked spans) the target writes as one
    ``literal`` or `code`, exactly: the translator read them as names. Only as many as the
    target has such literals beyond the source's own (``object`` is an object → ``object``
    — это … leaves the prose word to be rendered)."""
    if "`" not in target.original:
        return []
    surplus = Counter(_literal_names(target))
    surplus.subtract(_literal_names(source))
    found = []
    for name, n in surplus.items():
        for bare in re.finditer(rf"(?<![\w.`-]){re.escape(name)}(?![\w`-]|\.\w)",
                                source.original):
            if n <= 0:
                break
            if source.text[bare.start():bare.end()] == bare.group():  # not masked yet
                found.append(Span(bare.start(), bare.end(), CODE))
                n -= 1
    return found


def _kept_in_latin(source: Masked, target: Masked) -> list[Span]:
    """The Latin words a Cyrillic target keeps from its source as names (see the module),
    each paired with one bare occurrence in the source, which is masked. Lower-case words
    only: a capitalised one is a proper name (Tarantool, Lua) that glossaries keep as it
    is and that starts longer terms (Lua garbage collector) — but for the unit's first
    word, capitalised by its place (a heading "Fiber" → «Модуль fiber»): the target's
    lower case says it is not a proper name. The target's word stays: it may be the
    glossary's rendering."""
    if not _CYRILLIC.search(target.text):
        return []
    kept: dict[str, list[Span]] = {}
    for m in _LATIN_WORD.finditer(target.text):
        # a short window each side: slicing the whole text would be quadratic
        before = target.text[max(0, m.start() - _WINDOW):m.start()]
        after = target.text[m.end():m.end() + _WINDOW]
        if _LATIN_NEIGHBOUR_BEFORE.search(before) or _LATIN_NEIGHBOUR_AFTER.match(after):
            continue  # a run of English words: a phrase left untranslated
        if before[-1:] in _OPENING and after[:1] == _OPENING.get(before[-1:]):
            continue  # alone in brackets: a gloss after its rendering, or a placeholder
        kept.setdefault(m.group(), []).append(Span(m.start(), m.end(), CODE))
    src = []
    for m in _LATIN_WORD.finditer(source.text):
        twins = kept.get(m.group())
        if twins:
            src.append(Span(m.start(), m.end(), CODE))
            twins.pop()
    opening = _OPENING_WORD.match(source.text)
    if opening and kept.get(opening["word"].lower()):
        src.append(Span(opening.start("word"), opening.end("word"), CODE))
    return src


def _literal_names(masked: Masked) -> list[str]:
    """The names a text writes as one ``literal`` or `code` span."""
    names = []
    for span in masked.spans:
        m = _BACKQUOTED.fullmatch(masked.original, span.start, span.end)
        if span.kind == CODE and m:
            names.append(m["name"])
    return names


def _has_quote(text: str) -> bool:
    return any(q in text for q in "\"“«‘'(")


def _quotations(masked: Masked) -> list[re.Match]:
    """Quotations with a letter outside the masked spans (the rest is code already)."""
    found = []
    for m in _QUOTED.finditer(masked.original):
        group = m.lastgroup or 0
        if _LETTER.search(masked.text, m.start(group), m.end(group)) and (
                group != "paren" or _is_mention(m.group(group))):
            found.append(m)
    return found


def _is_mention(text: str) -> bool:
    """Whether a parenthesised text is a mention (a gloss, a list of names), not prose.

    >>> [_is_mention(t) for t in ("new-style classes", "if, switch, for, while, do",
    ...                           "insert delete update upsert", "see the section for details")]
    [True, True, True, False]
    """
    words = re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", text)
    gaps = re.split(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", text)[1:-1]
    if len(words) < 2:
        return False  # one word in brackets is as often the term itself, given twice
    return (len(words) <= _GLOSS_WORDS or all(re.search(r"[,/]", g) for g in gaps)
            or not any(w.lower() in _FUNCTION for w in words))


def _content(m: re.Match) -> str:
    return " ".join(m.group(m.lastgroup or 0).split())


def _span(m: re.Match) -> Span:
    group = m.lastgroup or 0
    return Span(m.start(group), m.end(group), CODE)
