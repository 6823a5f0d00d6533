"""English a Russian translation keeps on purpose, which the untranslated rule does not take
for words left untranslated (en→ru, a target translated otherwise).

Russian technical writing gives the English term after its rendering, in brackets: «журнал
упреждающей записи (write-ahead log, WAL)», «полносвязная топология (full mesh topology)»,
«(долгосрочная поддержка, long term support)»; and it spells out an acronym it keeps: «WAL
(write ahead log)». Such a gloss is left out, sure, when a bracketed group holds one English
phrase shaped as a term (at most six words, no article, pronoun or auxiliary: a clause has
them, "(see the section below)"), with nothing else in it but Russian words or an acronym,
and stands right after a Russian word (the rendering), holds one, or expands an acronym
beside it (initials W, A, L). So is a reStructuredText named reference (`` `Title`_ ``)
whose title the source gives its link with: a reference resolves by its name, which the
translation must repeat.

What is only likely kept on purpose makes the finding low, not silent (`kept_on_purpose`):
the title of a web page the target gives its link just as the source does (the sentence
translated around it: a page in English keeps its title), a stretch the source quotes (a
document's title, a message), or English words without a function word of a clause (left
or right outer join: terms the translation keeps in English). Words left with articles,
pronouns or auxiliaries ("is what you get out of") are a sentence left untranslated, and
stay sure.
"""
from __future__ import annotations

import re

from ..ru import CYRILLIC, LATIN
from .context import PairView
from .kept import FUNCTION_WORDS

Run = list[tuple[int, int]]  # the (start, end) of each word of a run of English words

# The function words a term may hold between its nouns (end of life, time to live, copy on
# write); the others (articles, pronouns, auxiliaries, modals) make a clause.
_TERM_JOINERS = frozenset("of to in on at by for with from and or via per over under into "
                          "onto as".split())
_CLAUSE_WORDS = FUNCTION_WORDS - _TERM_JOINERS
_GLOSS_WORDS = 6
_GROUP = re.compile(r"\(([^()\n]{1,200})\)")
_PARTS = re.compile(r"[,;]|\s--?\s|\s?[–—]\s?")  # a gloss, then its acronym: (end of life, EOL)
_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]s?(?:-\w+)?")  # WAL, LTS, LSM-tree
_ACRONYM_BEFORE = re.compile(r"([A-Z][A-Za-z]*[A-Z]s?(?:-\w+)?)[\s*_`]*$")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_EMPHASIS_BEFORE = re.compile(r"[\s*_`]*$")
# reStructuredText links: `Title <target>`_ gives a title its link; `Title`_ refers to it.
_TITLED_LINK = re.compile(r"`(?P<title>[^`<>]+?)\s*<(?P<target>[^<>`]+)>`_{1,2}")
_NAMED_REFERENCE = re.compile(r"`(?P<title>[^`<>]+)`_{1,2}(?!\w)")
# A web page linked to, with its title: reStructuredText, Markdown, HTML.
_WEB_LINK = re.compile(r"`(?P<rst>[^`<>]+?)\s*<(?P<rst_url>(?:https?|ftp)://[^<>`]+)>`_{1,2}"
                       r"|\[(?P<md>[^\]\n]+)\]\((?P<md_url>(?:https?|ftp)://[^)\s]+)\)"
                       r"|<a\s[^>]*href=[\"'](?P<html_url>(?:https?|ftp)://[^\"']+)[\"'][^>]*>"
                       r"(?P<html>[^<]+)</a>")
_QUOTED = re.compile(r"\"([^\"\n]{1,300})\"|“([^”\n]{1,300})”|«([^»\n]{1,300})»"
                     r"|(?<!\w)'([^'\n]{1,300})'(?!\w)")


def unglossed(view: PairView) -> str:
    """The target's masked text with its glosses and named references blanked (see the
    module), for the words left to be read from.

    >>> from types import SimpleNamespace as Pair
    >>> def left(source, target):
    ...     return unglossed(Pair(source=source, target=target, tgt_text=target))
    >>> left("new-style classes", "в классах нового стиля (new-style classes).")
    'в классах нового стиля                    .'
    >>> left("WAL", "механизм WAL (write ahead log), т.е. журнал")
    'механизм WAL                  , т.е. журнал'
    >>> left("x", "параметр (see the section below)")  # a clause, not a term
    'параметр (see the section below)'
    """
    text = view.tgt_text
    regions = _glosses(view.target) + _named_references(view.source, view.target)
    for start, end in regions:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def kept_on_purpose(view: PairView, runs: list[Run]) -> str | None:
    """Why every run of English words left in the target may be kept on purpose (see the
    module): the reason a finding on them is only low, or None when one of them is a
    clause, or has no such reason."""
    if not runs:
        return None
    titles = _kept_titles(view.source, view.target)
    quoted = _quoted_in_source(view.source, view.target)
    reasons: list[str] = []
    for run in runs:
        start, end = run[0][0], run[-1][1]
        if any(a <= start and end <= b for a, b in titles):
            reason = "the title of a web page, kept with its link as the source gives it"
        elif any(a <= start and end <= b for a, b in quoted):
            reason = "a stretch the source quotes (a title, a message), kept as quoted"
        elif not any(view.target[a:b].lower() in _CLAUSE_WORDS for a, b in run):
            reason = "English words with no article, pronoun or auxiliary of a clause: terms " \
                     "the translation keeps in English"
        else:
            return None
        if reason not in reasons:
            reasons.append(reason)
    return "; ".join(reasons)


def _kept_titles(source: str, target: str) -> list[tuple[int, int]]:
    """Where the target gives a web page's link the very title the source gives it: the
    translator translated around the link and kept its title, as the page is titled (a
    page in English); a title also translated in part is no such choice."""
    if "://" not in target:
        return []
    given = {_web_link(m) for m in _WEB_LINK.finditer(source)}
    found = []
    for m in _WEB_LINK.finditer(target):
        title, url = _web_link(m)
        if (title, url) in given:
            found.append(m.span(next(g for g in ("rst", "md", "html") if m[g] is not None)))
    return found


def _web_link(m: re.Match) -> tuple[str, str]:
    """(title, url) of a web link, whichever its syntax."""
    kind = next(g for g in ("rst", "md", "html") if m[g] is not None)
    return " ".join(m[kind].split()), m[f"{kind}_url"]


def _glosses(target: str) -> list[tuple[int, int]]:
    """The bracketed groups of a target that are glosses: one English term in each, with
    a Russian rendering or an acronym before it or beside it in the group."""
    found = []
    for group in _GROUP.finditer(target):
        parts = [p.strip() for p in _PARTS.split(group.group(1)) if p.strip()]
        english = [p for p in parts if LATIN.search(p) and not CYRILLIC.search(p)
                   and not _ACRONYM.fullmatch(p)]
        if len(english) != 1 or not _term_shaped(english[0]):
            continue
        words = _LATIN_WORD.findall(english[0])
        acronyms = [p for p in parts if _ACRONYM.fullmatch(p)]
        before = target[:group.start()]
        rendered = _EMPHASIS_BEFORE.sub("", before)[-1:]
        acronym_before = _ACRONYM_BEFORE.search(before)
        if acronym_before:
            acronyms.append(acronym_before.group(1))
        if (rendered and CYRILLIC.match(rendered) or any(CYRILLIC.search(p) for p in parts)
                or any(_expands(words, a) for a in acronyms)):
            found.append(group.span())
    return found


def _term_shaped(text: str) -> bool:
    """Whether an English phrase may be a term: a few words, none of a clause.

    >>> [_term_shaped(t) for t in ("write-ahead log", "end of life", "see the manual",
    ...                            "a b c d e f g")]
    [True, True, False, False]
    """
    words = _LATIN_WORD.findall(text)
    return 0 < len(words) <= _GLOSS_WORDS and not any(w.lower() in _CLAUSE_WORDS
                                                      for w in words)


def _expands(words: list[str], acronym: str) -> bool:
    """Whether the words spell out the acronym by their initials (LSM-tree: log-structured
    merge tree).

    >>> _expands(["write", "ahead", "log"], "WAL"), _expands(["log", "structured", "merge",
    ...     "tree"], "LSM-tree"), _expands(["full", "mesh"], "WAL")
    (True, True, False)
    """
    letters = re.sub(r"[^A-Z]", "", acronym.split("-")[0])
    initials = "".join(w[0] for w in words).upper()
    return len(letters) >= 2 and initials.startswith(letters)


def _named_references(source: str, target: str) -> list[tuple[int, int]]:
    """The named references of a target (`Title`_) whose title the source gives a link
    with (`Title <target>`_): the translation must repeat the name to refer to it."""
    if "`_" not in target:
        return []
    titles = {_folded(m["title"]) for m in _TITLED_LINK.finditer(source)}
    return [m.span() for m in _NAMED_REFERENCE.finditer(target) if _folded(m["title"]) in titles]


def _folded(title: str) -> str:
    return " ".join(title.split()).casefold()  # reStructuredText compares names so


def _quoted_in_source(source: str, target: str) -> list[tuple[int, int]]:
    """Where the target repeats a stretch the source quotes (quoted or not), by position."""
    found = []
    folded = target.casefold()
    for m in _QUOTED.finditer(source):
        content = m.group(m.lastindex or 0).strip().casefold()
        if len(content.split()) < 2:
            continue
        at = folded.find(content)
        while at >= 0:
            found.append((at, at + len(content)))
            at = folded.find(content, at + 1)
    return found
