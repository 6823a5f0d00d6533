"""Tags, links, paths and identifiers: the web-and-code part of a text.

Each pattern asks for a shape prose does not take: a tag starts with a letter right after
`<` (``a < b`` is not one), a path starts with `/`, `./`, `~/` or holds two slashes or an
extension we know (``and/or``, ``км/ч`` are not), an identifier joins ASCII words with `.`,
`:`, `_` or a capital inside (``e.g.`` and ``т. е.`` are not: each part must be two
letters or more). The value of a translatable attribute (alt, title …) stays language.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .spans import CODE, TAG, URL, Group, Span, one

_TRANSLATABLE_ATTRS = frozenset({"alt", "title", "placeholder", "aria-label", "label",
                                 "summary", "abbr"})
_ATTR = r"""[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(rf"<(?P<close>/)?(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\s+{_ATTR})*)\s*"
                  rf"(?P<empty>/)?>")
_ATTR_VALUE = re.compile(r"""(?P<name>[\w:.-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|\S+)""")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^\s<>]+)>")
_URL = re.compile(r"\b(?:(?:https?|ftps?|sftp|ssh|git|file)://|www\.|mailto:)[^\s<>\"'`«»“”]+")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_IP = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\d.]\d)"
                 r"|\blocalhost(?::\d{1,5})?\b")
_TRAILING = ".,;:!?'\""
_EXTENSIONS = ("lua|py|pyc|txt|ya?ml|json|md|rst|conf|cfg|ini|log|xml|html?|css|js|ts|c|h|"
               "cc|cpp|hpp|go|rs|java|rb|php|sh|bash|so|dll|dylib|exe|zip|gz|tgz|bz2|xz|tar|"
               "csv|tsv|po|pot|mo|snap|xlog|vylog|sql|toml|lock|pdf|png|jpe?g|gif|svg|ico|"
               "pem|crt|key|service|socket|rpm|deb|whl|ipynb|lst|cmake|mk|in|bak|tmp|pid|sock")
_FILE = re.compile(rf"(?<![\w/.-])(?:[\w-]+\.)+(?:{_EXTENSIONS})(?![\w/({{\[-])", re.I)
_PATH = re.compile(r"(?<![\w/.~-])(?:~|\.{1,2})?(?:/[\w.@+:=-]+)+/?(?![\w/])"
                   r"|(?<![\w/.-])[A-Za-z0-9_.-]+(?:/[\w.@+-]+){2,}/?"
                   r"|(?<![\w/.-])[A-Za-z0-9_.-]+/[\w.@+-]+\.[A-Za-z0-9]{1,5}\b"
                   r"|\b[A-Za-z]:\\(?:[\w. -]+\\)*[\w.-]*")
_ANCHOR = re.compile(r"(?<![\w&#])#[A-Za-z][\w-]*")
# (An ellipsis may stand for an elided part of a called path: box.space...select().)
_DOTTED = re.compile(r"(?<![\w.$@-])[A-Za-z_][A-Za-z0-9_]*(?:(?:\.{3}|\.|:{1,2}|->)[A-Za-z_][A-Za-z0-9_]*"
                     r"(?:-[A-Za-z0-9_]+)*)+"
                     r"(?:\((?:[^()\n]|\([^()\n]*\)){0,80}\)|\{(?:[^{}\n]|\{[^{}\n]*\}){0,80}\})?"
                     r"(?:\[[^\[\]\n]{0,40}\])?")
_CALL = re.compile(r"(?<![\w.])[A-Za-z_][A-Za-z0-9_]*\((?P<args>[^()\n]{0,80})\)")
_SNAKE = re.compile(r"(?<![\w.])_{0,2}[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+_{0,2}(?![\w])")
_PRIVATE = re.compile(r"(?<![\w.])_{1,2}[a-z][a-z0-9]*(?![\w])")  # _bucket, __index
_CAMEL = re.compile(r"(?<![\w.])[a-z]+[A-Z][A-Za-z0-9]*(?![\w])")
_LATIN = re.compile(r"[A-Za-z]")
# A word (a run of non-spaces) with a character some word-local pattern needs.
_INTERESTING_WORD = re.compile(r"(?<!\S)\S*?(?:[./:_@#\\\d]|-[-A-Za-z]|[a-z][A-Z])\S*")
_JOINED = re.compile(r"\w(?:\.|::?|->)[A-Za-z_]")
# A console line: the prompt and everything after it.
_PROMPT = re.compile(r"(?m)^[ \t]*(?:\$|>>>|tarantool>|[\w.-]+:\d+>|mysql>|psql>|sqlite>|"
                     r"PS [^>\n]*>|C:\\[^>\n]*>)[ \t].*$")


def opens_console(text: str) -> bool:
    """Whether a text opens with a console line (a prompt, then input): a session whose
    output lines follow is printed matter, not prose.

    >>> opens_console("tarantool> box.info().ro\\n---\\n- false"), opens_console("At the $ prompt")
    (True, False)
    """
    return bool(_PROMPT.match(text))


# A command line: a lower-case program name (and a subcommand) followed by an option
# (curl -X POST …, cartridge pack --version); prose does not start so.
_COMMAND = re.compile(r"(?m)^[ \t]*[a-z][\w.+-]*(?:[ \t]+[a-z][\w.-]*)?[ \t]+--?[A-Za-z][^\n]*$")
# A shell line that sets a variable: NAME=value glued, at the start of a line or after
# export (export PATH=$PWD/bin:$PATH, LANG=C sort x); prose never opens a line so.
_SHELL_SET = re.compile(r"(?m)^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=[^\s=][^\n]*$")
# An editor's mode line: -*- mode: c -*- (Emacs file variables).
_MODE_LINE = re.compile(r"-\*-[^\n]*?-\*-")
# A line of code by its first words (Python imports, Lua locals and functions), or a
# text that is one literal of a language (nil, true, None).
_CODE_LINE = re.compile(r"(?m)^[ \t]*(?:from [\w.]+ import [\w., ()*]+|import [\w.]+(?: as \w+)?|"
                        r"local [\w, ]+=.*|(?:local )?function [\w.:]*\(.*)$")
# An SQL statement in any case: a verb with its clause (update … set, delete from …; a
# query behind its WITH name AS ( …) and an operator or terminator somewhere on the line
# ("Delete %(name)s from the list" is prose).
_SQL_LINE = re.compile(r"(?im)^[ \t]*(?=[^\n]*[=*;])(?:(?:with\s+\w+\s+as\s*\(\s*)?select\b[^\n]*\bfrom\s+[\w.\"]+|"
                       r"update\s+[\w.\"]+\s+set\b|delete\s+from\s+[\w.\"]+|insert\s+into\s+"
                       r"[\w.\"]+|(?:create|drop|alter|truncate)\s+(?:table|index|view|trigger|"
                       r"sequence)\b)[^\n]*$")
# A lower-case name with digits (field1, table1, int64, utf8): a name, not a word.
_NUMBERED_NAME = re.compile(r"(?<![\w.-])(?!v\d)[a-z]+_?\d+[a-z\d]*(?![\w-]|\.\d)")
_LITERAL_ALONE = re.compile(r"\s*(?:nil|null|NULL|None|true|false|True|False|undefined|NaN|"
                            r"[A-Za-z]+\d+\w*)[.,;]?\s*")  # nil. in a list of returns
# A parenthesised argument list holding a code literal: (nil, old-trigger-function).
_ARGUMENTS = re.compile(r"\((?=[^()\n]*\b(?:nil|null|NULL|None|true|false)\b)[^()\n]{1,80}\)")
# SQL keywords written as SQL writes them, in capitals.
_SQL = re.compile(r"\b(?:SELECT|INSERT|UPDATE|DELETE|UPSERT|REPLACE|CREATE|DROP|ALTER|JOIN|"
                  r"WHERE|VALUES|UNION|GRANT|REVOKE|COMMIT|ROLLBACK|TRUNCATE|PRAGMA)\b")
# name = value, with a value that is code (a literal, a table, a name, a call).
_ASSIGNMENT = re.compile(r"(?<![\w.])[A-Za-z_][\w.]*\s?==?\s?(?:true|false|nil|null|None|True|"
                         r"False|-?\d[\w.]*(?![,.]\d)|'[^'\n]*'|\"[^\"\n]*\"|\{[^{}\n]*\}|"
                         r"[A-Za-z_][\w.:]*(?:\([^()\n]*\))?)(?![\w(])")
# name[index]: an array element. A footnote glued to a word ("reported[1]") looks the
# same, so a name counts when indexed from 0 or indexed twice (node[0], ..., node[5]).
_INDEXED = re.compile(r"(?<![\w.\[])(?P<name>[A-Za-z_]\w*)\[(?P<index>[^\[\]\s]{1,20})\](?![\w(])")
_OPTION = re.compile(r"(?<![\w-])--[A-Za-z][\w-]*(?:=[^\s,;]+)?")


# A TMX/XLIFF native code with its content, as readers keep it: <ph x="1">&lt;br/&gt;</ph>.
_NATIVE_CODE = re.compile(r"<(bpt|ept|ph|it|ut)\b[^<>]*>(?:(?!</\1>)[\s\S])*?</\1>")


def tags(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """HTML/XML comments, tags (translatable attribute values left as language),
    entities."""
    if "html" not in syntaxes or not ("<" in text or "&" in text):
        return
    for m in _COMMENT.finditer(text):
        yield one(m, CODE)
    for m in _NATIVE_CODE.finditer(text):
        yield one(m, TAG)  # its content is the original markup, escaped: one tag, not words
    for m in _AUTOLINK.finditer(text):
        yield one(m, URL, url_key(m["url"]))
    for m in _TAG.finditer(text):
        # rST has no inline HTML: <name> in a Sphinx text is a metasyntactic variable,
        # code that translators may translate, so it is masked and not compared.
        yield one(m, CODE) if "sphinx" in syntaxes else _tag(m)
    for m in _ENTITY.finditer(text):
        yield one(m, TAG)


def _tag(m: re.Match) -> Group:
    """A tag's spans: the whole tag, or the tag around its translatable values. The key
    is the name with its other attributes (an href must stay, a title may change)."""
    name = m["name"].lower()
    kept, holes = [], []
    attrs_at = m.start("attrs")
    for a in _ATTR_VALUE.finditer(m["attrs"]):
        value = "dq" if a["dq"] is not None else "sq" if a["sq"] is not None else None
        if a["name"].lower() in _TRANSLATABLE_ATTRS and value:
            holes.append((attrs_at + a.start(value), attrs_at + a.end(value)))
        else:
            kept.append(" ".join(a.group().split()))
    key = f"<{'/' if m['close'] else ''}{name}{''.join(' ' + k for k in sorted(kept))}" \
          f"{'/' if m['empty'] else ''}>"
    spans, at = [], m.start()
    for hole_start, hole_end in holes:
        spans.append(Span(at, hole_start, TAG))
        at = hole_end
    spans.append(Span(at, m.end(), TAG))
    return (Span(spans[0].start, spans[0].end, TAG, key), *spans[1:])


def links(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """URLs (trailing punctuation and unbalanced brackets left out), e-mails, IPs."""
    if "url" not in syntaxes:
        return
    if ":" in text or "www." in text:
        for m in _URL.finditer(text):
            end = m.start() + len(_trim(m.group()))
            yield (Span(m.start(), end, URL, url_key(text[m.start():end])),)
    for at, m in _in_words(text, (_EMAIL, _IP)):
        yield (Span(at + m.start(), at + m.end(), URL, m.group()),)


def url_key(url: str) -> str:
    """What two URLs must share to be the same link: not the scheme's s, the host's case
    or a final slash.

    >>> url_key("http://GitHub.com/tarantool/"), url_key("https://github.com/tarantool")
    ('//github.com/tarantool', '//github.com/tarantool')
    """
    found = re.match(r"(?i)(?:https?|ftps?):(//[^/?#]*)(.*)", url)
    if found is None:
        return url
    return found.group(1).lower() + found.group(2).rstrip("/")


def _trim(url: str) -> str:
    """A URL without the sentence's punctuation after it.

    >>> _trim("https://en.wikipedia.org/wiki/Foo_(bar)),"), _trim("http://x.org/a.")
    ('https://en.wikipedia.org/wiki/Foo_(bar)', 'http://x.org/a')
    """
    while url and (url[-1] in _TRAILING or url[-1] in ")]}" and
                   url.count(url[-1]) > url.count({")": "(", "]": "[", "}": "{"}[url[-1]])):
        url = url[:-1]
    return url


def paths(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """File names with a known extension, paths, URL anchors (#learning-steps)."""
    if "url" not in syntaxes:
        return
    for at, m in _in_words(text, (_PATH, _FILE, _ANCHOR)):
        yield (Span(at + m.start(), at + m.end(), CODE),)


def identifiers(text: str, syntaxes: frozenset[str]) -> Iterator[Group]:
    """Code in prose: dotted and colon names (box.cfg, conn.space:select(280)), calls with
    code-like arguments, array elements (node[0]), snake_case, camelCase, --options."""
    if "code" not in syntaxes or not _LATIN.search(text):
        return
    if ">" in text or "$" in text:
        for m in _PROMPT.finditer(text):
            yield one(m, CODE)
    if " -" in text:
        for m in _COMMAND.finditer(text):
            yield one(m, CODE)
    if "=" in text:
        for m in _SHELL_SET.finditer(text):
            yield one(m, CODE)
    if "-*-" in text:
        for m in _MODE_LINE.finditer(text):
            yield one(m, CODE)
    if "import " in text or "local " in text or "function " in text:
        for m in _CODE_LINE.finditer(text):
            yield one(m, CODE)
    if "=" in text or "*" in text or ";" in text:
        for m in _SQL_LINE.finditer(text):
            yield one(m, CODE)
    if len(text) < 12 and _LITERAL_ALONE.fullmatch(text):
        yield (Span(0, len(text), CODE),)
    if "(" in text:
        for m in _ARGUMENTS.finditer(text):
            yield one(m, CODE)
    for m in _SQL.finditer(text):
        yield one(m, CODE)
    if _JOINED.search(text):
        for m in _DOTTED.finditer(text):
            parts = re.split(r"\.{3}|\.|:{1,2}|->", re.split(r"[({\[]", m.group())[0])
            called = m.group()[-1] in ")}]"
            if (called or all(len(p) >= 2 for p in parts)) and not _sentence_join(text, m):
                yield one(m, CODE)
    if "=" in text:
        for m in _ASSIGNMENT.finditer(text):
            yield one(m, CODE)
    if "(" in text:
        for m in _CALL.finditer(text):
            # Arguments make a call only after a code-like name: "Tarantool(``x``, …)" is
            # a missing space in prose, "file(s)" a plural. A snake_case or camelCase name
            # is code with any arguments (set_encryption_key(key)).
            name = m.group().split("(")[0]
            code_name = name[0].islower() or "_" in name
            named = "_" in name.strip("_") or bool(_CAMEL.fullmatch(name))
            if not m["args"] or named or code_name and re.search(r"[\d,'\"=.:{}\[\]]",
                                                                 m["args"]):
                yield one(m, CODE)
    if "[" in text:
        indexed = list(_INDEXED.finditer(text))
        names = [m["name"] for m in indexed]
        for m in indexed:
            if m["index"] == "0" or names.count(m["name"]) > 1 or not m["index"].isdigit():
                yield one(m, CODE)
    for at, m in _in_words(text, (_SNAKE, _PRIVATE, _CAMEL, _OPTION, _NUMBERED_NAME)):
        yield (Span(at + m.start(), at + m.end(), CODE),)


def _in_words(text: str, patterns: tuple[re.Pattern, ...]) -> Iterator[tuple[int, re.Match]]:
    """Matches of patterns that never span a space, looked for only in the words that have
    a character one of them needs (most words of prose have none: this is the speed)."""
    for start, word in _interesting_words(text):
        for pattern in patterns:
            for m in pattern.finditer(word):
                yield start, m


@lru_cache(maxsize=4)  # three families ask for the same text's words in a row
def _interesting_words(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((w.start(), w.group()) for w in _INTERESTING_WORD.finditer(text))


def _sentence_join(text: str, m: re.Match) -> bool:
    """Two sentences run together ("done.Next", "in Italy.Chloroquine"): a capitalised word
    after a word in lower case or a capitalised one (a sentence's last word may be a name)
    and a point, with no call or further dot — prose, not a name."""
    return bool(re.fullmatch(r"[A-Za-z][a-z]+\.[A-Z][a-z]+", m.group()))
