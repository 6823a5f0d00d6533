"""Markdown and reStructuredText/Sphinx: code, link targets and roles are masked; the text
of a link, the explicit title of a role and the text of a glossary role stay language.

A title that is the name its target ends with (:ref:`weights <cfg_basic-weights>`,
`log <…#cfg-logging-log>`_, :ref:`new(n) <decimal-new>`) names what it links to, an option
or a function, as written in code: it is masked with the target. Labels are lower-case, so
a heading's title (:ref:`Replication <replication>`) is not taken, nor one that differs.

Sphinx's gettext builder joins the lines of a paragraph into one; only literal blocks keep
their line breaks, so in a Sphinx catalogue an entry with a line break is code.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .spans import CODE, LINK, MARKUP, URL, Group, Span, around, one
from .web import url_key

# Roles whose content is shown as language (the rest name code, files, labels, documents).
_LANGUAGE_ROLES = frozenset({"term", "abbr", "guilabel", "menuselection", "emphasis",
                             "strong", "sub", "sup", "title-reference", "dfn"})
# Roles whose target a translation must keep (a changed one is a broken link).
_TARGET_ROLES = frozenset({"ref", "doc", "numref", "download", "any", "keyword"})

_ROLE = re.compile(r"(?<![\w`\\])(?P<role>:(?:[A-Za-z][\w+.-]*:)+)`(?P<body>(?:[^`\\]|\\.)+)`"
                   r"(?!`)")
_TITLED = re.compile(r"(?s)(?P<title>.*?\S)\s*<(?P<target>[^<>]+)>")
_RST_LINK = re.compile(r"(?<![\w`])`(?P<text>[^`<>]*?\S)?\s*<(?P<url>[^<>`\s]+)>`__?(?!\w)")
_RST_NAMED = re.compile(r"(?<![\w`])`(?P<text>[^`\n]+)`__?(?!\w)")
# The last part of a label or URL, and a title's call brackets: new(n) names new.
_LABEL_END = re.compile(r"[^-/#.:]+$")
_CALLED = re.compile(r"\([^()]*\)$")
_FOOTNOTE = re.compile(r"\[(?:#[\w-]*|\*|\d+|[A-Za-z][\w.-]*)\]_(?!\w)")
_SUBSTITUTION = re.compile(r"(?<![\w|])\|[^\s|](?:[^|\n]*[^\s|])?\|(?:__?)?(?![\w|])")
_SUBSTITUTION_ALONE = re.compile(r"\s*\|[\w.-]+\|\s*")
_LITERAL = re.compile(r"(?s)(?<!`)``(?!`)(?P<code>.+?)(?<!`)``(?!`)")
# A "literal" that runs over sentences is broken markup (a stray or missing backquote
# pairs with one far away): its text is left as it is, not taken for code.
_BROKEN_LITERAL = re.compile(r"(?s)^(?=.{80}).*[.!?]\s+[A-ZА-ЯЁ][a-zа-яё]+\s+[a-zа-яё]")
_CODE = re.compile(r"(?<![`\w])`(?!`)(?P<code>[^`\n]+?)`(?![`\w])")
_FENCE = re.compile(r"(?ms)^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)")
_DIRECTIVE = re.compile(r"(?m)^[ \t]*\.\.[ \t]+(?:[\w:-]+::|_[^:\n]+:|\[[^\]\n]+\]|"
                        r"\|[^|\n]+\|).*$")
_REF_DEFINITION = re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?P<dest><[^>\n]*>|\S+).*$")
_MD_LINK = re.compile(
    r"(?P<open>!?\[)(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(?P<dest><[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)")
_MD_REF_LINK = re.compile(r"(?P<open>!?\[)(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]"
                          r"\[(?P<ref>[^\[\]\n]*)\]")


def looks_like_rst(text: str) -> bool:
    """Whether a text holds an rST role or ``literal`` (what tells a Sphinx catalogue)."""
    return "`" in text and bool(_ROLE.search(text) or _LITERAL.search(text))


def blocks(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """Whole blocks: a Sphinx literal block, fenced code, directive and definition lines."""
    if "sphinx-block" in syntaxes and "\n" in text.strip():
        yield (Span(0, len(text), CODE),)
        return
    if "markdown" in syntaxes:
        if "```" in text or "~~~" in text:
            for m in _FENCE.finditer(text):
                yield one(m, CODE)
        if "]:" in text:
            for m in _REF_DEFINITION.finditer(text):
                yield one(m, URL, url_key(m["dest"].strip("<>")))
    if "rst" in syntaxes and ".." in text:
        for m in _DIRECTIVE.finditer(text):
            yield one(m, CODE)


def literals(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """``double-backtick`` literals (rST) and code spans (Markdown)."""
    if syntaxes & {"rst", "markdown"} and "``" in text:
        for m in _LITERAL.finditer(text):
            if not _BROKEN_LITERAL.search(m["code"]):
                yield one(m, CODE)


def roles(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """rST roles, hyperlinks, footnote references and (Sphinx) substitutions."""
    if "rst" not in syntaxes:
        return
    if "`" in text:
        for m in _ROLE.finditer(text):
            yield _role(m)
        for m in _RST_LINK.finditer(text):
            if m["text"] and not _names_target(m["text"], m["url"]):
                yield (Span(m.start(), m.start("text"), MARKUP),
                       Span(m.end("text"), m.end(), URL, url_key(m["url"])))
            else:
                yield one(m, URL, url_key(m["url"]))
        for m in _RST_NAMED.finditer(text):
            yield around(m, "text")
    if "]_" in text:
        for m in _FOOTNOTE.finditer(text):
            yield one(m, LINK, m.group())
    if "sphinx" in syntaxes and "|" in text:
        for m in _SUBSTITUTION.finditer(text):
            yield one(m, CODE)
    elif "|" in text and _SUBSTITUTION_ALONE.fullmatch(text):
        yield (Span(0, len(text), CODE),)  # a unit that is one |name|: no prose looks so


def _role(m: re.Match) -> Group:
    """`:ref:`Title <target>``: the title is language, the rest masked; a language role
    (:term:, :guilabel: …) keeps its text; any other role is code. The target of a
    cross-reference role is compared."""
    name = m["role"].strip(":").split(":")[-1]
    titled = _TITLED.fullmatch(m["body"])
    compared = name in _TARGET_ROLES
    if titled:
        target = titled["target"]
        if _names_target(titled["title"], target):
            return one(m, LINK if compared else CODE, f":{name}:{target}" if compared else None)
        body = m.start("body")
        return (Span(m.start(), body, MARKUP),
                Span(body + titled.end("title"), m.end(), LINK if compared else MARKUP,
                     f":{name}:{target}" if compared else None))
    if name in _LANGUAGE_ROLES:
        return around(m, "body")
    return one(m, LINK if compared else CODE, f":{name}:{m['body']}" if compared else None)


def _names_target(title: str, target: str) -> bool:
    """Whether a link's title is the name its target ends with, as written in code.

    >>> [_names_target(t, g) for t, g in [("weights", "cfg_basic-weights"), ("new(n)",
    ...     "decimal-new"), ("log", "/x/#cfg-logging-log"), ("Replication", "replication"),
    ...     ("the guide", "guide"), ("weights", "weights-and-measures")]]
    [True, True, True, False, False, False]
    """
    end = _LABEL_END.search(target.strip().rstrip("/"))
    name = _CALLED.sub("", title.strip())
    return bool(end and name and " " not in name and name == end.group())


def links(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """Markdown links and images: the brackets and the target masked, the text (or the
    image's alt text) language; reference-style links the same way."""
    if "markdown" not in syntaxes or "[" not in text:
        return
    for m in _MD_LINK.finditer(text):
        yield around(m, "text", MARKUP, key=url_key(m["dest"].strip("<>")), closing_kind=URL)
    for m in _MD_REF_LINK.finditer(text):
        yield around(m, "text")


def inline_code(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """`code` in single backticks (Markdown; rST's default role, mostly used so)."""
    if syntaxes & {"rst", "markdown"} and "`" in text:
        for m in _CODE.finditer(text):
            yield one(m, CODE)
