"""What in a text is not language: placeholders, markup, code, links — found, with offsets.

`mask(text, syntaxes)` finds the non-linguistic spans of a text and returns a `Masked`: the
spans, and a copy of the text *of the same length* in which they are blanked out, so the
matcher, the number reader and the script rules work on the copy and every offset they
report still points into the original. How a span is blanked:

* markup that only wraps words (HTML/XML tags, inline codes, Markdown/rST link brackets)
  becomes spaces, so ``<b>save</b> file`` still reads "save file";
* anything standing for a word or a value (placeholders, code, URLs, paths) becomes a
  barrier character U+FFFC and spaces, so no glossary phrase is matched across it;
* an accelerator (``&File``, ``Платё_ж``) becomes a soft hyphen, which the tokeniser keeps
  inside the word and normalisation drops: ``Платё_ж`` reads «Платёж».

Which syntaxes are looked for is a set of names (`SYNTAXES`); `Markup` chooses them per
draft and segment (PO flags, a Sphinx catalogue) from a policy the user may force. The
families live in `placeholders.py`, `web.py` (tags, links, paths, identifiers) and `docs.py`
(Markdown, reStructuredText); each yields groups of spans, and a group is taken only when
none of its spans overlaps a span already taken, in the order of `_FINDERS` (code before
what it may contain, roles before the brackets inside them).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..errors import GlossaryError
from ..segment import Codes, Segment
from . import docs, placeholders, web
from .masked import Masked, blanked, overlaps, with_spans
from .quotes import kept_quotes
from .spans import (ACCEL, CODE, ESCAPE, LINK, MARKUP, PLACEHOLDER, TAG, URL, Group, Span)

__all__ = ["ACCEL", "AUTO", "CODE", "ESCAPE", "Group", "LINK", "MARKUP", "Markup", "Masked",
           "PLACEHOLDER", "SYNTAXES", "Span", "TAG", "URL", "kept_quotes", "mask", "with_spans"]

# Every syntax a user may name (`--markup`), with what it covers.
SYNTAXES = {
    "printf": "printf conversions: %s %d %.2f %1$s %(name)s %@ (no space flag)",
    "c-format": "printf with the space flag too (% d): set by the PO flag c-format",
    "qt": "Qt placeholders %1 %L2",
    "brace": "braces {0} {name} {name:fmt} {{name}} {% tag %}, ${var}, $name, ICU plural/select",
    "dollar": "positional $1 $2 (off by default: $5 is usually money)",
    "html": "HTML/XML tags, comments and entities",
    "url": "URLs, e-mail addresses, IP addresses, file names, paths, #anchors",
    "code": "identifiers in prose: box.cfg, conn.space:select(280), snake_case, camelCase, --option",
    "markdown": "Markdown code spans and blocks, link and image targets, reference definitions",
    "rst": "reStructuredText: ``literals``, roles, hyperlink targets, footnotes, directive lines",
    "sphinx": "Sphinx catalogues: |substitutions|",
    "sphinx-block": "Sphinx catalogues: an entry whose source has a line break is a literal block",
    "escape": "escape sequences \\n \\t \\\\ \\u0041",
    "accel": "menu accelerators &File _File Платё_ж (removed inside words)",
}
# What is looked for unless the file or the user says otherwise: every syntax whose marks
# cannot be prose. `c-format` (50 % of), `dollar` ($5) and `sphinx` (|x|) need a reason.
AUTO = frozenset(SYNTAXES) - {"c-format", "dollar", "sphinx", "sphinx-block"}

# PO flags: what a `*-format` flag adds, and the `no-*-format` flags that remove printf.
_FLAG_ADDS = {"c-format": {"c-format"}, "objc-format": {"c-format"},
              "qt-format": {"qt"}, "qt-plural-format": {"qt"}, "kde-format": {"qt"},
              "sh-format": {"dollar"}, "php-format": {"dollar"}}
_FLAG_REMOVES = {"no-c-format": {"printf", "c-format"}, "no-python-format": {"printf"},
                 "no-python-brace-format": {"brace"}}
# A draft is a Sphinx catalogue when this share of its segments (and at least two) hold an
# rST role or ``literal``.
_SPHINX_SHARE = 0.02

_BARRIER = "\ufffc"


def mask(text: str, syntaxes: Iterable[str] = AUTO, codes: Codes = ()) -> Masked:
    """Find the non-linguistic spans of `text` and blank them (see the module docstring).

    `codes` are inline-code spans a reader already knows (Segment.source_codes): masked as
    tags without guessing.

    >>> m = mask("Удалить %(name)s из <b>группы</b> [docs](https://x.org/a)?")
    >>> [m.original[s.start:s.end] for s in m.spans]
    ['%(name)s', '<b>', '</b>', '[', '](https://x.org/a)']
    >>> " ".join(m.text.replace(_BARRIER, "¤").split())
    'Удалить ¤ из группы docs¤ ?'

    """
    return _mask(text, frozenset(syntaxes), tuple(codes))


@lru_cache(maxsize=8192)
def _mask(text: str, syntaxes: frozenset[str], codes: Codes) -> Masked:
    unknown = syntaxes - SYNTAXES.keys()
    if unknown:
        raise GlossaryError(f"unknown markup {', '.join(sorted(unknown))}; known: "
                            f"{', '.join(SYNTAXES)}")
    taken: list[Span] = [Span(a, b, TAG, text[a:b]) for a, b in codes if 0 <= a < b <= len(text)]
    if syntaxes:
        for finder in _FINDERS:
            for group in finder(text, syntaxes):
                hit = [t for t in taken if any(overlaps(s, t) for s in group)]
                if hit and finder in _ABSORBING and len(group) == 1 and all(
                        group[0].start <= t.start and t.end <= group[0].end and t.kind != TAG
                        for t in hit):
                    taken = [t for t in taken if t not in hit]  # Lua's s:select{1}, not {1}
                elif hit:
                    continue
                taken.extend(s for s in group if s.end > s.start)
    return blanked(text, taken)


# Identifiers may swallow what they contain (a call's arguments are code, not placeholders).
_ABSORBING = frozenset({web.identifiers})

# Order matters: blocks and code first, then constructs whose brackets hold language, then
# tags, links, placeholders, paths, identifiers, escapes, accelerators.
_FINDERS = (docs.blocks, docs.literals, docs.roles, docs.links, docs.inline_code,
            placeholders.templates, web.tags, web.links, placeholders.formats, web.paths,
            web.identifiers, placeholders.escapes, placeholders.accelerators)


class Markup:
    """Which syntaxes to look for, per draft and segment, under the user's policy.

    `spec` is "auto" (detect), "none" (mask nothing but the readers' inline codes), or a
    comma-separated list of `SYNTAXES` names — exactly those — optionally with "auto" among
    them to add to what is detected ("auto,dollar").

    >>> Markup("auto,dollar").for_segment(Segment("a", "b")) >= AUTO | {"dollar"}
    True
    >>> Markup("none").for_segment(Segment("a", "b"))
    frozenset()
    """

    def __init__(self, spec: str = "auto", segments: Iterable[Segment] = ()):
        names = {n.strip().lower() for n in spec.split(",") if n.strip()} or {"auto"}
        unknown = names - SYNTAXES.keys() - {"auto", "none"}
        if unknown or ("none" in names and len(names) > 1):
            raise GlossaryError(f"--markup takes auto, none or a list of {', '.join(SYNTAXES)}; "
                                f"not {spec!r}")
        self.auto = "auto" in names
        self.forced = frozenset(names - {"auto", "none"})
        self.draft = self.forced | (AUTO if self.auto else frozenset())
        if self.auto and _is_sphinx(list(segments)):
            self.draft |= {"sphinx", "sphinx-block", "rst"}
        self._by_flags: dict[str, frozenset[str]] = {}

    def for_segment(self, segment: Segment) -> frozenset[str]:
        """The syntaxes of one segment: the draft's, adjusted by its PO flags (auto only)."""
        if not self.auto:
            return self.draft
        written = dict(segment.props).get("flags", "")
        found = self._by_flags.get(written)
        if found is None:  # a draft has a handful of distinct flag lists: each read once
            flags = [f.strip() for f in written.split(",")]
            chosen = set(self.draft)
            for flag in flags:
                chosen |= _FLAG_ADDS.get(flag, set())
            for flag in flags:
                chosen -= _FLAG_REMOVES.get(flag, set()) - self.forced
            found = self._by_flags[written] = frozenset(chosen)
        return found

    @staticmethod
    def for_target(syntaxes: frozenset[str], source: str) -> frozenset[str]:
        """The syntaxes of a target: a literal block is one because its source is (a
        translator may break a line of prose)."""
        if "sphinx-block" in syntaxes and "\n" not in source.strip():
            return syntaxes - {"sphinx-block"}
        return syntaxes


def _is_sphinx(segments: list[Segment]) -> bool:
    hits = sum(1 for s in segments if docs.looks_like_rst(s.source))
    return hits >= 2 and hits >= _SPHINX_SHARE * len(segments)

