"""Names a draft's translations keep: a Russian text writes an English word in its Latin
letters only as a name, so a capitalised word (Python, Raft) the translations keep among
Russian words at least as often as they render it is one, wherever else it stands alone
(glossary.check.kept)."""
from __future__ import annotations

import re
from collections import Counter

from ..ru import CYRILLIC
from .context import Context

# A word with one capital (Python), not one of a path or an address; inside a sentence:
# after a word or a comma, where its capital is its own, not the sentence's.
_CAPITALISED_WORD = re.compile(r"(?<![\w\ufffc.@/-])[A-Z][a-z]+(?![\w@/-]|[.:]\w)")
_INNER_CAPITALISED = re.compile(r"(?<=[\w,;)] )[A-Z][a-z]+(?![\w@/-]|[.:]\w)")
# A capitalised word written whole in a target (one scan a target, not one a word).
_WHOLE_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z]+(?![\w-])")
_WORD_BEFORE = re.compile(r"([A-Za-z])[\w-]*[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z])")
_WINDOW = 40  # how far back the word before is looked for (a window: slicing is quadratic)


def draft_names(ctx: Context) -> frozenset[str]:
    """The capitalised words (Python, Raft) the draft's translations keep in their Latin
    letters among words of another script at least as often as they render them. Beside a
    lower-case Latin word it is part of an English phrase left as it is, no witness. A
    translation without the word renders it, but only when the source has it inside a
    sentence: at a sentence's start every word has a capital (Note that …). Case-sensitive,
    as code words are: a heading "Vinyl" is not the word a sentence writes "vinyl"."""
    found = ctx.state.get("_kept_draft_names")
    if found is None:
        kept: Counter[str] = Counter()
        rendered: Counter[str] = Counter()
        for segment in ctx.segments:
            target = segment.target
            if target == segment.source or not CYRILLIC.search(target):
                continue
            inner = set(_INNER_CAPITALISED.findall(segment.source))
            alone = _kept_alone(target)
            for word in set(_CAPITALISED_WORD.findall(segment.source)):
                if word in alone:
                    kept[word] += 1
                elif word in inner:
                    rendered[word] += 1
        found = ctx.state["_kept_draft_names"] = frozenset(
            w for w, n in kept.items() if n >= rendered[w])
    return found


def _kept_alone(target: str) -> set[str]:
    """The capitalised words a target has as written with no lower-case Latin word beside
    them (with one, as in "the Raft algorithm", it is in a phrase left untranslated)."""
    alone = set()
    for m in _WHOLE_CAPITALISED.finditer(target):
        before = _WORD_BEFORE.search(target, max(0, m.start() - _WINDOW), m.start())
        after = _WORD_AFTER.match(target, m.end())
        if not (before and before.group(1)[0].islower() or after and after.group(1).islower()):
            alone.add(m.group())
    return alone
