"""English words a Russian target need not render because the words around them say it.

Two shapes of English that Russian says without the noun, each told by form, not by
which words they are:

- a **classifier noun after a class name** ("a LogEntry object", "the QuerySet instance"):
  English names an instance by its class written as code and a noun saying what kind of
  thing that is. A target that keeps the class name as written needs the noun («объект
  LogEntry»: the code alone does not say what it is); one that gives the class in words
  («Запись в журнале») names the thing itself, and the classifier has nothing left to add.
- a **predicate noun carried by its adjective** ("%s is not a valid choice", "is a good
  option"): after a copula, a common noun with an evaluative adjective only classifies
  the subject, and Russian predicates the quality («не является допустимым»,
  «недопустимо»): a short adjective, or a full one in the instrumental after a copular
  verb, with no noun of its own. A specialised noun ("is not an integer") says more than
  its adjective, so it is left to the other rules.

Either makes the missing-term finding low, with its reason: the target may still have
lost something, which only a reader can tell.
"""
from __future__ import annotations

import re

from .. import english, morph
from ..tokens import Token
from .confidence import COMMON_ZIPF
from .context import Context, PairView

# A class name as code: two or more capitalised parts run together (LogEntry, QuerySet),
# right before the term.
_CLASS_BEFORE = re.compile(r"\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\s+$")
# A copula, perhaps negated, an article and one word right before the term (an adjective,
# lemminflect says: "a locking operation" is no quality); the term ends the clause.
_PREDICATE_BEFORE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)"
    r"(?:\s+not)?\s+(?:a|an|the)\s+([a-z]+)\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
# Russian copular verbs (lemmas) after which a full adjective in the instrumental is the
# predicate: «является допустимым», «оказался пустым».
_COPULAS = frozenset({"являться", "быть", "становиться", "стать", "оказываться", "оказаться",
                      "считаться"})


def implied(view: PairView, ctx: Context, span: tuple[int, int],
            words: list[tuple[Token, frozenset[str]]]) -> str | None:
    """Why the words around the term at source `span` may say it in this target, or None."""
    if ctx.source_lang != "en" or ctx.target_lang != "ru":
        return None
    return class_in_words(view, span) or predicate_adjective(view, ctx, span, words)


def class_in_words(view: PairView, span: tuple[int, int]) -> str | None:
    """Why the term may be a classifier after a class name the target gives in words."""
    before = _CLASS_BEFORE.search(view.source, 0, span[0])
    if before is None or before.group(1) in view.target:
        return None
    return (f"«{before.group(1)}» is a class name, which the target gives in words, not as "
            f"written: they name the thing, and «{view.source[span[0]:span[1]]}» only said "
            "what kind of thing the code names")


def predicate_adjective(view: PairView, ctx: Context, span: tuple[int, int],
                        words: list[tuple[Token, frozenset[str]]]) -> str | None:
    """Why the term may be a predicate noun whose adjective the target predicates alone."""
    before = _PREDICATE_BEFORE.search(view.source, 0, span[0])
    surface = view.source[span[0]:span[1]]
    if before is None or not _CLAUSE_END.match(view.source, span[1]) or \
            " " in surface or ctx.zipf(surface.lower()) < COMMON_ZIPF or \
            "ADJ" not in english.lexicon().getAllLemmas(before.group(1).lower()):
        return None
    for i, (tok, _) in enumerate(words):
        if _predicative(words, i):
            return (f"«{before.group(1)} {surface}» is a predicate whose adjective carries it, "
                    f"and the target predicates an adjective alone («{tok.text}»)")
    return None


def _predicative(words: list[tuple[Token, frozenset[str]]], i: int) -> bool:
    """Whether words[i] is an adjective used as a predicate with no noun of its own: a
    short adjective governing no infinitive, or a full one in the instrumental right after
    a copular verb and not followed by a noun in the instrumental."""
    parses = morph.parse(words[i][0].norm.lower())
    if any(p.tag.POS == "ADJS" for p in parses):
        # a modal one (должен, готов) governs an infinitive: no quality predicated
        return i + 1 == len(words) or not any(
            p.tag.POS == "INFN" for p in morph.parse(words[i + 1][0].norm.lower()))
    if i == 0 or not any(p.tag.POS == "ADJF" and "ablt" in p.tag for p in parses):
        return False
    copula = any(p.normal_form in _COPULAS for p in morph.parse(words[i - 1][0].norm.lower()))
    noun_after = i + 1 < len(words) and any(
        p.tag.POS == "NOUN" and "ablt" in p.tag for p in morph.parse(words[i + 1][0].norm.lower()))
    return copula and not noun_after
