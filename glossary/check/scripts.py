"""Script rules: untranslated (empty, repeated or left-over source text), mixed-script.

What counts as left over, precisely:

* ru→en: every Cyrillic word of the English target, except words inside a glossary-approved
  rendering (a term the glossary keeps in Cyrillic), inside a bibliographic reference (a
  bracketed group, else the whole target, holding a marker such as ``//``, ``Т. 12``,
  ``С. 45``, ``560 с.``, ``М.:``, ``Ф. 9401``, ``Оп. 1``, ``Д. 64``, ``Л. 9`` or an archive's
  name, ГАРФ, РГАСПИ, ЦАМО …) and inside an original-language gloss (a bracketed group right
  after a Latin word: ``Oryol (rus. Орёл)``) and a quoted mention of up to three words
  (the word "чёрт"; so a quoted title such as «Правда» passes too).
* en→ru: Latin words are normal in Russian text (names, acronyms, cookie, code), so only a
  run of three or more ordinary lower-case English words (words an English lexicon knows)
  outside quotes, placeholders, markup and URLs counts, or a target that repeats a source
  holding one such word.

Words mixing the two scripts are mixed-script's business, not left-overs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..english import lexicon
from ..normalize import fix_lookalikes, is_mixed_script
from ..ru import CYRILLIC, CYRILLIC_RANGE, LATIN
from .context import Context, PairView
from .finding import ERROR, WARNING
from .confidence import LOW
from .glosses import Run, kept_on_purpose, unglossed
from .kept import kept_as_name, kept_identifiers, needs_translation
from .registry import Issue, rule

_WORD = re.compile(r"[^\W\d_]+(?:\u00ad[^\W\d_]+)*")  # a soft hyphen: a masked accelerator
# A word with a Latin letter next to a Cyrillic one (only such words can mix scripts).
_MIXED = re.compile(rf"[^\W\d_]*(?:[a-z][{CYRILLIC_RANGE}]|[{CYRILLIC_RANGE}][a-z])[^\W\d_]*",
                    re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_BIBLIOGRAPHY = re.compile(
    r"//|\b[ТтСсЛлФД]\.\s?\d|\bОп\.\s?\d|\d\s?с\.|(?:\b(?:М|Л|СПб|Минск|Мінск|Киев|Київ|Париж"
    r"|Берлин|Нью-Йорк)\.?\s?:)|\b(?:ГАРФ|РГАСПИ|ЦАМО|РГВА|РГАЭ|РГАНИ|ЦА ФСБ|АП РФ|НАРБ|ЦГА)\b")
# Placeholders, markup, URLs and quoted stretches: Latin inside them is not left over.
_NOT_PROSE = re.compile(
    r"%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[sdifreEgGxXoc%]|\{[^{}]*\}|<[^<>]*>|&\w+;"
    r"|\b(?:https?|ftp)://\S+|\S+@\S+\.\w+|`[^`]*`|“[^”]*”|«[^»]*»|\"[^\"]*\"|'[^']*'")
_MIN_RUN = 3
# A word or two quoted in an English text is mentioned, not used (the word "чёрт").
_QUOTED = re.compile(r"\"[^\"]{1,60}\"|“[^”]{1,60}”|«[^»]{1,60}»|‘[^’]{1,60}’")
_MENTION_WORDS = 3


@rule("untranslated", ERROR)
def untranslated(view: PairView, ctx: Context):
    """The target is empty, repeats the source, or keeps source-script words (Cyrillic left
    in an English target) that the glossary does not approve.

    Words inside code, placeholders, URLs and other masked spans are not language: a source
    that is all code (``conn.space:select(280)``) or names (glossary.check.kept) is rightly
    kept as it is, or left empty.
    """
    if not view.target.strip():
        if needs_translation(view, ctx):
            yield Issue("the target is empty")
        return
    if view.blank and (not needs_translation(view, ctx) or kept_identifiers(view, ctx)):
        return
    reason = None
    if ctx.source_lang == "ru":
        left = _cyrillic_left(view)
    elif view.blank:
        left = [s for run in _english_left(view.tgt_text, whole=True) for s in run]
        reason = kept_as_name(view, ctx) if left else None
    else:
        runs = _not_code(view, _english_left(unglossed(view), whole=False))
        left = [s for run in runs for s in run]
        reason = kept_on_purpose(view, runs)
    if not left:
        return
    if view.blank:
        message = "the target repeats the source"
        left = [(0, len(view.target))]
    else:
        words = ", ".join(f"«{view.target[a:b]}»" for a, b in left[:5])
        more = f" and {len(left) - 5} more" if len(left) > 5 else ""
        language = "Cyrillic" if ctx.source_lang == "ru" else "English"
        message = f"{language} left in the target: {words}{more}"
    yield Issue(message, target_span=left[0], confidence=LOW if reason else None,
                reason=reason)


@rule("mixed-script", WARNING)
def mixed_script(view: PairView, ctx: Context):
    """A word mixes Latin and Cyrillic letters (a look-alike typo such as аrmy), on either side.

    In code too (``log.infо()`` with a Cyrillic о is a bug), but not a quoted string of a
    code sample, which may mix scripts on purpose.
    """
    for side, text in (("source", view.source), ("target", view.target)):
        if side == "target" and view.source == view.target:
            break  # the same words; reported once, on the source
        if not (CYRILLIC.search(text) and LATIN.search(text)):
            continue
        masked = view.src_masked if side == "source" else view.tgt_masked
        for m in _MIXED.finditer(text):
            if _string_in_code(masked, text, m.start(), m.end()):
                continue  # test data in a code sample ('пw'), not a typo
            word = m.group()
            fixed = fix_lookalikes(word)
            strays = "".join(dict.fromkeys(a for a, b in zip(word, fixed) if a != b))
            clean = not is_mixed_script(fixed)
            if _echoes_code(masked, m, typo=clean and bool(strays)):
                continue  # the value of a sample's test data, not a typo
            intruder = "Latin" if CYRILLIC.search(fixed) and clean else "Cyrillic"
            detail = (f"{intruder} {strays} among {'Cyrillic' if intruder == 'Latin' else 'Latin'} "
                      f"letters" if clean and strays else "Latin and Cyrillic letters")
            span = (m.start(), m.end())
            yield Issue(f"«{word}» mixes scripts: {detail}",
                        source_span=span if side == "source" else None,
                        target_span=span if side == "target" else None,
                        suggestion=fixed if clean else None)


def _string_in_code(masked, text: str, start: int, end: int) -> bool:
    """Whether [start, end) is inside a quoted string of a masked code span ('-4щl')."""
    span = next((s for s in masked.spans if s.start <= start and end <= s.end), None)
    if span is None or span.kind != "code":
        return False
    before, after = text[span.start:start], text[end:span.end]
    return any(before.count(q) % 2 == 1 and q in after for q in ("'", '"'))


def _echoes_code(masked, word: re.Match, typo: bool) -> bool:
    """Whether the word is in code elsewhere in the text: the value a code sample's test
    data gives (``UPPER('-4щl')`` is '-4ЩL'; a console's echo of its input). A word code
    has once, where it stands, is a typo there (``log.infо()``); a look-alike typo (Сause
    with a Cyrillic С) is one even when a console echoes it, unless the code has it in
    another case (``LOWER('ДA')`` is 'дa': test data of a case function) or the prose
    quotes it as the code's string ('ДA' beside ``POSITION('A', 'ДA')``)."""
    folded = word.group().casefold()
    for s in masked.spans:
        if s.kind != "code":
            continue
        code = masked.original[s.start:s.end]
        if typo:
            twins = re.findall(rf"(?i){re.escape(word.group())}", code)
            quoted = _quoted(masked.original, word.start(), word.end())
            if (any(m != word.group() for m in twins) or quoted and twins) and not (
                    s.start <= word.start() < s.end):
                return True
            continue
        if code.casefold().count(folded) > (1 if s.start <= word.start() < s.end else 0):
            return True
    return False


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a quoted string of its own ('ДA')."""
    return start > 0 and end < len(text) and text[start - 1] in "'\"" and text[end] == text[start - 1]


def _cyrillic_left(view: PairView) -> list[tuple[int, int]]:
    target = view.target
    if not CYRILLIC.search(view.tgt_text):
        return []
    allowed = [(m.start, m.end) for ms in view.approved.values() for m in ms]
    allowed += _exempt_regions(target)
    left = []
    for m in _WORD.finditer(view.tgt_text):
        word = m.group()
        if not CYRILLIC.search(word) or LATIN.search(word):
            continue
        if any(a <= m.start() and m.end() <= b for a, b in allowed):
            continue
        left.append((m.start(), m.end()))
    return left


def _exempt_regions(target: str) -> list[tuple[int, int]]:
    """Bibliographic references, original-language glosses and quoted mentions."""
    regions = []
    groups = list(_BRACKETS.finditer(target))
    for g in groups:
        before = target[:g.start()].rstrip()
        gloss = bool(before) and bool(LATIN.match(before[-1]))
        if gloss or _is_reference(g.group()):
            regions.append((g.start(), g.end()))
    for q in _QUOTED.finditer(target):
        if len(_WORD.findall(q.group())) <= _MENTION_WORDS:
            regions.append((q.start(), q.end()))
    if _is_reference(_BRACKETS.sub(" ", target)):
        regions.append((0, len(target)))
    return regions


def _is_reference(text: str) -> bool:
    """Whether a stretch reads as a bibliographic or archival reference.

    >>> _is_reference("Пономаренко П. К. Всенародная борьба. М.: Наука, 1986. С. 12")
    True
    >>> _is_reference("ГАРФ. Ф. 9401. Оп. 2. Д. 64. Л. 9"), _is_reference("в спецлагерях")
    (True, False)
    """
    return bool(_BIBLIOGRAPHY.search(text))


def _not_code(view: PairView, runs: list[Run]) -> list[Run]:
    """The left-over words the segment does not also write as code: ``unsigned long long``
    in prose beside ``ffi.cast('unsigned long long', 1)`` names the C type. Fewer than
    three left are no run any more."""
    if not runs:
        return runs
    code = {w.lower() for masked in (view.src_masked, view.tgt_masked) for s in masked.spans
            if s.kind == "code" for w in _WORD.findall(masked.original[s.start:s.end])}
    kept = [[(a, b) for a, b in run if view.target[a:b].lower() not in code] for run in runs]
    return [run for run in kept if run] if sum(map(len, kept)) >= _MIN_RUN else []


def _english_left(target: str, whole: bool) -> list[Run]:
    """Ordinary English words left in a Russian target, as runs (words with nothing but
    spaces or punctuation between): every one when the target repeats the source
    (`whole`), else runs of at least three."""
    if not LATIN.search(target):
        return []
    prose = _NOT_PROSE.sub(lambda m: " " * len(m.group()), target)
    found: list[Run] = []
    run: Run = []
    for m in _WORD.finditer(prose):
        word = m.group()
        shape = word.islower() or (whole and word[:1].isupper() and word[1:].islower())
        ordinary = word.isascii() and shape and _is_english(word.lower())
        if ordinary:
            if run and prose[run[-1][1]:m.start()].strip(" ,;:-"):
                found.extend([run] if whole or len(run) >= _MIN_RUN else [])
                run = []
            run.append((m.start(), m.end()))
        else:
            found.extend([run] if whole or len(run) >= _MIN_RUN else [])
            run = []
    found.extend([run] if whole or len(run) >= _MIN_RUN else [])
    return found


# Function words the lexicon (content words only) does not list.
_EN_FUNCTION = frozenset("the an of and or but if to in on at by for with from as is are was "
                         "were be this that these those your my our their his her its".split())


@lru_cache(maxsize=65536)
def _is_english(word: str) -> bool:
    return word in _EN_FUNCTION or (len(word) > 1 and bool(lexicon().getAllLemmas(word)))
