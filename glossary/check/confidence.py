"""How sure a finding is, and why: every finding carries one of LEVELS and a reason.

Severity follows confidence: only a high-confidence finding of an error rule is an error.
The levels say how strong the evidence is that the finding is a real problem, not how bad
the problem would be. A one-word term that is also a frequent word of the language
("note", "space", «дело») may well be the ordinary word, or the term in another sense
("operations" of a program, not the эксплуатация of a system). The best witness of its
sense is the draft itself: where the other segments naming the word mostly use the
glossary's rendering, the translator knows the term and a segment without it is a likely
slip (high); where fewer than half do, the draft mostly uses the word in another sense or
the glossary does not fit this text (low). With too few other segments to tell, a sign in the
segment (another, specific term; the word quoted as a label) makes it medium, nothing low.
Frequencies come from wordfreq (its data ships in the wheel; see frequency.py).
"""
from __future__ import annotations

import math
import re

from .. import morph

from ..english import lexicon
from ..keys import canonical
from ..matcher import Match
from ..model import Term, is_proper
from .context import Context, PairView

HIGH, MEDIUM, LOW = "high", "medium", "low"
LEVELS = (LOW, MEDIUM, HIGH)  # in rising order, for --min-confidence
# Zipf frequency (log10 of uses per billion words) from which a word is an everyday word:
# 4.5 is about once in 30,000 words — "note", "space", "option", «дело», «строка» are
# above it; "tuple", "replica", «заградотряд» far below.
COMMON_ZIPF = 4.5
# Other segments naming a common word needed before their renderings say what it means
# here; the share of them rendering it the glossary's way from which the term's sense is
# the likelier reading of the word in this draft (below it, another sense is).
MIN_WITNESSES = 2
TERM_SENSE_SHARE = 0.5


def at_least(level: str, minimum: str) -> bool:
    """Whether `level` reaches `minimum`.

    >>> at_least(HIGH, MEDIUM), at_least(LOW, MEDIUM)
    (True, False)
    """
    return LEVELS.index(level) >= LEVELS.index(minimum)


# What decides a missing rendering's confidence besides the segment (of_missing's third value).
COMMON, CONFIRMED, SPECIFIC, SEGMENT = "common", "confirmed", "specific", "segment"
# Segments a draft needs before the share of them naming glossary terms means anything,
# and the share from which another term beside a common word is no sign of its sense (a
# technical text names its subject's terms everywhere).
MIN_DRAFT, DENSE_SHARE = 10, 0.5


def of_missing(view: PairView, ctx: Context, term: Term, span: tuple[int, int],
               other: str | None) -> tuple[str, str, str]:
    """Confidence and reason of a missing-term finding for the term at source `span`, as
    far as the segment tells, and what the rest of the draft may change (`from_draft`):
    COMMON, a common word (or a form of another word) whose sense the other segments
    settle; CONFIRMED, one that another term beside it seems to confirm, which is no sign
    in a draft whose segments mostly name such terms; SPECIFIC, a specific term, which they can show to be systematically rendered
    otherwise; SEGMENT, a name, which the segment alone decides."""
    surface = view.source[span[0]:span[1]]
    if other:
        mine, theirs = ctx.zipf(canonical(term.preferred(ctx.source_lang))), ctx.zipf(other)
        if theirs >= mine:  # the other word is the likelier reading (рот: mouth, not company)
            return LOW, (f"«{surface}» may be a form of «{other}», a word commoner than the "
                         f"term's (Zipf {theirs:.1f} against {mine:.1f})"), COMMON
        return MEDIUM, f"«{surface}» may be a form of «{other}», another word", COMMON
    if term.case_sensitive():
        common = _sentence_initial_word(view.source, span, ctx.source_lang)
        if common:
            return LOW, (f"«{surface}» opens a sentence, where every word has a capital, and "
                         f"is likelier the common word «{common}»"), SEGMENT
        return HIGH, "a name or a case-sensitive term, found with its capitals", SEGMENT
    if len(surface.split()) > 1:
        return HIGH, "a multiword term", SPECIFIC
    compound = closed_compound(view.source, span, ctx.source_lang)
    if compound and not _word_by_word(view, compound[2]):
        return LOW, (f"«{compound[0]}» is also written «{compound[1]}», a word of its own: "
                     "its rendering need not hold the term's"), SEGMENT
    form = canonical(surface)
    frequency = ctx.zipf(form)
    if frequency < COMMON_ZIPF:
        return HIGH, f"«{form}» is a specialised word (Zipf frequency {frequency:.1f})", SPECIFIC
    confirmed = _confirmation(view, ctx, term, span)
    if confirmed:
        return MEDIUM, f"«{form}» is a common word, but {confirmed}", \
            CONFIRMED if confirmed.startswith(_NAMES) else COMMON
    return LOW, (f"«{form}» is a common word (Zipf frequency {frequency:.1f}) and nothing in "
                 "the segment confirms the glossary's sense"), COMMON


# Zipf frequency from which two words written as one are a word of the language: joined
# words that are none (useraccount, addlink) are absent from wordfreq's lists (0), written
# compounds far above (timezone 2.6, filename 2.7, whitespace 2.2, workspace 2.9).
COMPOUND_ZIPF = 2.0
_NEIGHBOUR_BEFORE = re.compile(r"([A-Za-z]+)[ -]$")
_NEIGHBOUR_AFTER = re.compile(r"[ -]([A-Za-z]+)\b")


def closed_compound(text: str, span: tuple[int, int],
                    lang: str) -> tuple[str, str, tuple[int, int]] | None:
    """(the words, the one word, the other noun's span) when an English one-word term and
    the noun beside it are
    also written as one word (time zone: timezone, file name, white space): then they
    are a compound, one lexeme with a sense and a rendering of its own («часовой пояс»,
    «пробел»), whose translation need not hold the term's rendering. None otherwise.

    >>> closed_compound("Interpreted in time zone UTC.", (15, 19), "en")
    ('time zone', 'timezone', (20, 24))
    >>> closed_compound("Enter the file name.", (15, 19), "en")  # the noun before the term
    ('file name', 'filename', (10, 14))
    >>> closed_compound("Your user account at the site.", (5, 9), "en") is None
    True
    >>> closed_compound("An error on line 5.", (12, 16), "en") is None  # online: no compound noun
    True
    """
    if lang != "en":
        return None
    start, end = span
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
    after = _NEIGHBOUR_AFTER.match(text, end)
    for neighbour, words in ((before, (before.group(0) + text[start:end]) if before else ""),
                             (after, (text[start:end] + after.group(0)) if after else "")):
        if neighbour is None or not _noun(neighbour.group(1)) or not _noun(text[start:end]):
            continue
        joined = re.sub(r"[ -]", "", words).lower()
        from wordfreq import word_frequency  # loaded when first needed (see frequency.py)
        frequency = word_frequency(joined, "en")
        if frequency and math.log10(frequency * 1e9) >= COMPOUND_ZIPF:
            return words, joined, neighbour.span(1)
    return None


def _word_by_word(view: PairView, span: tuple[int, int]) -> bool:
    """Whether the compound's other noun is a term the target renders as the glossary says:
    then the compound was translated word by word (file name: «имя файла» where «имя» is
    there), and its rendering should hold this term's too."""
    return any(m.start <= span[0] and span[1] <= m.end and m.term_id in view.approved
               for m in view.src_matches)


# Words that join others in writing without making a compound noun with them (any time:
# anytime, on line: online, some one): function words, whatever lemminflect reads them as.
_NOT_COMPOUNDING = frozenset("a an the any some every no each all one other another in on at to "
                         "of for by with from up out off over under into onto be".split())


def _noun(word: str) -> bool:
    """Whether an English word may be a noun, and is no function word."""
    lower = word.lower()
    return lower not in _NOT_COMPOUNDING and "NOUN" in lexicon().getAllLemmas(lower)


def from_draft(level: str, reason: str, kind: str, form: str, rendered: int, named: int,
               dense: float | None = None) -> tuple[str, str]:
    """The confidence of a missing rendering given the draft: `named` other segments name
    the term, `rendered` of them render it the glossary's way. A COMMON word is the term's
    sense where at least half of them render it so (high), likelier another sense where
    fewer do (low). A SPECIFIC term that none of them renders so is a systematic
    departure — a rendering chosen on purpose, or a glossary that does not fit the text —
    less sure to be an error than a slip among right renderings (medium). With fewer than
    MIN_WITNESSES other segments, the segment's own `level` and `reason`; but a word
    CONFIRMED by another term beside it is low when `dense`, the share of the draft's
    segments naming such terms (None for a draft too short to tell), is DENSE_SHARE or more.

    >>> from_draft(LOW, "-", COMMON, "field", 5, 6)[0], from_draft(HIGH, "-", COMMON, "space", 0, 9)[0]
    ('high', 'low')
    >>> from_draft(LOW, "-", COMMON, "note", 1, 1)
    ('low', '-')
    >>> from_draft(HIGH, "-", SPECIFIC, "госпиталь", 0, 4)[0], from_draft(HIGH, "-", SPECIFIC, "tuple", 1, 4)[0]
    ('medium', 'high')
    >>> [from_draft(MEDIUM, "-", CONFIRMED, "space", 0, 0, d)[0] for d in (None, 0.1, 0.8)]
    ['medium', 'medium', 'low']
    """
    if kind == CONFIRMED and named < MIN_WITNESSES and dense is not None and \
            dense >= DENSE_SHARE:
        return LOW, (f"{reason}; yet {round(dense * 100)}% of this draft's segments name such "
                     "terms: no sign of the sense here")
    if named < MIN_WITNESSES or kind == SEGMENT:
        return level, reason
    counts = f"{rendered} of the {named} other segments naming «{form}»"
    if kind == SPECIFIC:
        if rendered:
            return level, reason
        return MEDIUM, (f"none of the {named} other segments naming «{form}» renders it as "
                        "the glossary says: a systematic departure, or a glossary that does "
                        "not fit this text")
    if rendered >= TERM_SENSE_SHARE * named:
        return HIGH, f"{counts} render it as the glossary says: here it was likely missed"
    return LOW, (f"only {counts} render it as the glossary says: the draft mostly uses the "
                 "word in another sense, or the glossary does not fit this text")


_NAMES = "the segment also names"
# Proper-name tags of pymorphy3 (OpenCorpora): a parse with none of them is a common word.
_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_OPENING = " \t\"'«“„‘(—–-"


def _sentence_initial_word(text: str, span: tuple[int, int], lang: str) -> str | None:
    """The common word a one-word name may be instead, when it opens a sentence: there its
    capital says nothing (Орёл пролетает… is the eagle, not the city) and the name is only
    the likelier reading if the dictionary rates it so. None when the name is inside a
    sentence, several words long, or likelier a name. Russian only: pymorphy3 tells a
    name's parse from a common word's, while English frequency lists fold case (Moscow
    would count as a common word).

    >>> _sentence_initial_word("Орёл пролетает над головой.", (0, 4), "ru")
    'орёл'
    >>> _sentence_initial_word("Над головой пролетает Орёл.", (22, 26), "ru") is None
    True
    >>> _sentence_initial_word("Москва далеко.", (0, 6), "ru") is None
    True
    """
    start, end = span
    before = text[:start].rstrip(_OPENING)
    word = text[start:end]
    if lang != "ru" or before and before[-1] not in ".!?…:" or " " in word \
            or not word[:1].isupper():
        return None
    lower = word.lower()
    parses = morph.parse(lower)
    common = [p for p in parses if not _PROPER_TAGS & p.tag.grammemes]
    likelier = sum(p.score for p in common) > sum(p.score for p in parses) / 2
    return common[0].normal_form if common and likelier and morph.is_known(lower) else None


def specific(match: Match, ctx: Context) -> bool:
    """Whether a source match is sure to be the glossary's and says what the text is about:
    several words or a rare one, and no name (a place or a person belongs to no subject)."""
    surface = match.text
    return not is_proper(ctx.term(match.term_id).kind) and (
        len(surface.split()) > 1 or ctx.zipf(canonical(surface)) < COMMON_ZIPF)


def _confirmation(view: PairView, ctx: Context, term: Term, span: tuple[int, int]) -> str | None:
    """What in the segment says a common word is the term: another glossary concept in the
    source that is no common word itself (a multiword or specialised one) and no name (a
    place or a person belongs to no subject: Hungary's decrees are not a WWII text's), or
    the word set off as a label (quoted). A capital inside a sentence is no such sign:
    there the word is more often part of a name (Управление по надзору …) than a label.
    Another term tells the subject, and so the sense, of a word that has senses by subject
    (a space in a database, not in the sky); an adverb (now, today: the glossary renders
    it «сейчас») means the same in every subject, so only its being set off as a label can
    tell the glossary's use (the Now link) from the ordinary word."""
    others = sorted({m.term_id for m in view.src_matches if m.term_id != term.id
                     and (m.start, m.end) != span and specific(m, ctx)})
    if others and morph.word_class(term.preferred("ru")) != "ADVB":
        return f"{_NAMES} {others[0]}"
    start, end = span
    if view.source[start - 1:start] in ("«", '"', "“", "'", "`") and \
            view.source[end:end + 1] in ("»", '"', "”", "'", "`"):
        return "it is quoted"
    return None
