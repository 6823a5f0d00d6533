"""placeholder-mismatch: the placeholders, inline tags, URLs and link targets a translation
must carry over unchanged (found by glossary.markup, so every syntax is understood in one
place: printf, braces, ICU, Qt, HTML/XML and the readers' inline codes, Markdown and rST).

What is compared is each span's key: a printf conversion keeps its name or position and
its type, not its flags or width (``%5d`` → ``%d`` is layout); a tag its name and the
attributes that are not language (an href, not a title); a URL all of it but the scheme's
s, the host's case and a final slash. Placeholders
filled by name or position (``%(name)s``, ``%1$s``, ``{0}``, ``%1``) may be reordered;
those filled in turn (``%s``, ``{}``) may not. A gettext plural form may follow either
msgid or msgid_plural ("an hour ago" / "%(count)s hours ago").
"""
from __future__ import annotations

import re
from collections import Counter

from ..markup import Masked, Span
from .context import Context, PairView
from .finding import ERROR
from .registry import Issue, rule

_WHAT = {"placeholder": "placeholder", "tag": "tag", "url": "URL", "link": "link target"}


@rule("placeholder-mismatch", ERROR)
def placeholder_mismatch(view: PairView, ctx: Context):
    """Placeholders, inline tags, URLs or link targets differ between source and target:
    missing, extra or altered (%s → % s, {name} → {имя}, a changed URL); positional ones
    may be reordered."""
    if not view.target.strip() or view.blank:
        return
    issues = _compare(view.src_masked, view.tgt_masked)
    if issues and view.alt_source is not None and not _compare(view.alt_source, view.tgt_masked):
        return
    yield from issues


def _compare(source: Masked, target: Masked) -> list[Issue]:
    src, tgt = source.compared(), target.compared()
    if not src and not tgt:
        return []
    missing = list((Counter(_key(s) for s in src) - Counter(_key(t) for t in tgt)).elements())
    extra = list((Counter(_key(t) for t in tgt) - Counter(_key(s) for s in src)).elements())
    issues = []
    lost = [_first(src, key, missing[:i].count(key)) for i, key in enumerate(missing)]
    added = [_first(tgt, key, extra[:i].count(key)) for i, key in enumerate(extra)]
    # Kept, only written as code on the other side (``localhost``, a URL in a literal).
    lost = [s for s in lost if not _verbatim(source, s, target)]
    added = [t for t in added if not _verbatim(target, t, source)]
    # A link to the same page in the target's language (en.wikipedia → ru.wikipedia).
    localised = [(s, t) for s in lost for t in added if s.kind == t.kind == "url"
                 and _localised(source.original[s.start:s.end], target.original[t.start:t.end])]
    for s, t in localised:
        if s in lost and t in added:
            lost.remove(s)
            added.remove(t)
    for s in lost:
        twin = next((t for t in added if t.kind == s.kind), None)
        if twin is not None:
            added.remove(twin)
            issues.append(Issue(f"{_WHAT[s.kind]} «{_show(source, s)}» became "
                                f"«{_show(target, twin)}» in the target",
                                source_span=(s.start, s.end), target_span=(twin.start, twin.end),
                                suggestion=_show(source, s)))
            continue
        near = _loose(s, source, target)
        if near is not None:
            issues.append(Issue(f"{_WHAT[s.kind]} «{_show(source, s)}» is written "
                                f"«{target.original[near[0]:near[1]]}» in the target",
                                source_span=(s.start, s.end), target_span=near,
                                suggestion=_show(source, s)))
        else:
            issues.append(Issue(f"{_WHAT[s.kind]} «{_show(source, s)}» is missing in the target",
                                source_span=(s.start, s.end), suggestion=_show(source, s)))
    for t in added:
        issues.append(Issue(f"{_WHAT[t.kind]} «{_show(target, t)}» is not in the source",
                            target_span=(t.start, t.end)))
    if not issues:
        order_s = [_key(s) for s in src if s.ordered]
        order_t = [_key(t) for t in tgt if t.ordered]
        if order_s != order_t:
            t = next(t for t, k in zip((t for t in tgt if t.ordered), order_s) if t.key != k)
            issues.append(Issue(f"placeholders filled in turn ({', '.join(order_s)}) are in "
                                f"another order in the target ({', '.join(order_t)}); number "
                                f"them (%1$s, {{0}}) to reorder", target_span=(t.start, t.end)))
    return issues


def _key(span: Span) -> str:
    return span.key or ""  # compared() spans all have one


def _verbatim(masked: Masked, span: Span, other: Masked) -> bool:
    """Whether the other side has this span's text inside one of its masked spans."""
    text = masked.original[span.start:span.end].strip(" <>`_")
    if not text:
        return False
    for found in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", other.original):
        if other.covers(found.start(), found.end()):
            return True
    return False


def _localised(source_url: str, target_url: str) -> bool:
    """Whether the target's URL is a language version: it names a language the source's
    does not (ru.wikipedia.org, /lang/ru/, ?hl=ru, /ru-ru/).

    >>> _localised("https://en.wikipedia.org/wiki/UUID", "https://ru.wikipedia.org/wiki/UUID")
    True
    >>> _localised("https://semver.org/", "https://semver.org/lang/ru/")
    True
    >>> _localised("https://x.org/a", "https://x.org/b")
    False
    """
    def langs(url: str) -> set[str]:
        return {m.lower() for m in _LANG_MARK.findall(url)}
    return bool(langs(target_url) - langs(source_url))


_LANG_MARK = re.compile(r"(?:(?<=//)|(?<=[/=_.-]))(ru|en|uk|de|fr)(?=[./&_-]|$)", re.I)


def _first(spans: list[Span], key: str, skip: int) -> Span:
    """The (skip+1)-th span with this key, from the end (the unmatched ones are the last)."""
    found = [s for s in spans if s.key == key]
    return found[-1 - skip]


def _show(masked: Masked, span: Span) -> str:
    text = masked.original[span.start:span.end]
    if span.kind == "url":
        return text.strip(" <>`_[]()")  # the URL, without the link's brackets
    return text if span.kind == "placeholder" else span.key or text


def _loose(span: Span, source: Masked, target: Masked) -> tuple[int, int] | None:
    """Where the target writes a placeholder with spaces inside (% s, { name })."""
    text = source.original[span.start:span.end]
    if span.kind != "placeholder" or len(text) > 40:
        return None
    pattern = r"\s*".join(re.escape(c) for c in text if not c.isspace())
    for found in re.finditer(pattern, target.original):
        if not target.covers(found.start(), found.end()):
            return found.start(), found.end()
    return None
