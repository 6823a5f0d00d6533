"""Whether a source is language a translation must render, or a name that may stay as it is.

The untranslated rule reports a target that is empty or repeats its source. That is right
for prose and wrong for a unit that is a name, a value or a line of code: a type or option
name in a table cell (``unique``, ``Gauge32``), a commit-message prefix (``memtx:``), a
function reference (``:ref:`next <utf8-next>```), a shell command, a log line quoted as a
program prints it. Masking (glossary.markup) removes what has the shape of code; what is
left here are plain words, judged by these reasons, in order:

0. A line a program printed is quoted as printed: it opens with a time stamp
   (``2017-10-16 11:36:01.508``) or a log prefix, a source then a level mark
   (``main/101/interactive I>``, ``[W]``) — whatever words follow.
   A source in the target language's script (mostly Cyrillic for a Russian target: a
   Russian test page in an English catalogue) needs no translation at all either.
1. English prose has function words (the, of, to, is, or …): a source with one outside its
   masked spans is language, whatever else it holds. In capitals they are keywords (SQL's
   AND, NOT), not prose.
2. A line with two kinds of code punctuation (``= { } [ ] ; < > * | &``) and no function
   word is a line of code (``lua_code = [[function(t) return {t[2]} end]]``); so is code
   given one value (``cycle`` = true,). A block of three lines or more, two thirds of them
   ending as code does (a brace, ``);``) or holding two kinds of that punctuation, is code
   whatever words its strings and keywords hold (``.then(function() {``) — checked first.
3. A word is a name by its shape: digits inside (``Gauge32``, ``E081``), all capitals
   (``RTREE``), a capital inside (``DisplayString``), or a word English does not know
   (``memtx``, ``myapp``, ``rtype``: the lexicon has content words of general English).
   A word joined to code by a dot or a colon without a space is a step of a path
   (``conn:timeout(0.5).space.tester:update``, code not marked as code): no word at all.
   A capitalised word the draft's translations keep in Latin letters inside Russian
   sentences at least as often as they render it (Python, Raft, Fedora) is a name.
4. A line of three words or more that opens with a lower-case name, or is all lower-case
   and ends with one, and has no function word and no sentence punctuation is a command:
   a program, then its arguments (``tarantoolctl rocks install x``, ``cartridge pack rpm
   myapp``; a heading or a sentence opens with a capital).
5. A word the document itself writes as code (inside a ``literal``, an identifier, a role,
   a placeholder), or that its translation keeps verbatim as a name inside a translated
   sentence (``'guest'`` → ``'guest'``, операция select: markup.quotes), is a name there
   when it stands without a function word.
   The name an assignment in the document's code sets (``cache=0``, ``{type = 'hash'}``)
   counts for a unit of that word alone: **cache** in an options list is that option. A
   unit that only lists such names (``if, switch, case, for``: items kept verbatim or
   written as code elsewhere) is a list of names, function words and all.
6. A unit of one plain word in a run of one-word units that are mostly names, with names
   before and after it (a list of commit prefixes: memtx:, replication:, xlog:), is one of
   them: a heading or a label is not set among identifiers. The run is read across short
   cells of other columns (a table row: id | unique identifier | ``number``) when the unit
   is one bare lower-case word, as code writes names, or one capitalised word among names
   with a capital inside (Integer among DisplayString, IsAlive: a type or metric column);
   a heading, "Functions", or a cell with more in it, "DELETE privilege", is not read so;
   a paragraph (a unit ended as a sentence, or longer) ends the run.
7. The unit after ``rtype`` in a Sphinx catalogue is the value of the return-type field:
   a type (``string``).

A source whose every word is a name by these reasons needs no translation. Limits: a
single general word with none of these signals (a type name such as ``Integer`` alone, far
from other names, or the first cell of a table's first row, with only headers before it)
is still language, and a heading of plain words without function words
("Instance state changed") is language even when it quotes a program's message. Nor is a
command of two plain words (``go get``) told from a description (``scalar sequence``) when
both stand between code cells of a table: the catalogue keeps no columns.

A unit the translator repeats is the weaker case: having translated the rest, the translator
kept it on purpose, which says little of a sentence but much of a few words with no
function word. `kept_as_name` gives the reason such a finding is only low: lower-case words
(identifiers, a command), capitalised words beside a name (a product), or one specialised
capitalised word (Vinyl), one the draft keeps in lower case, or the first of a column of
names. An everyday capitalised word alone (Note, Warning) stays sure: a label left in English.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..english import lexicon
from ..markup import Markup, Masked, kept_quotes
from ..markup.spans import LINK, MARKUP, TAG, URL
from ..markup.web import opens_console
from ..ru import CYRILLIC
from ..segment import Segment
from .confidence import COMMON_ZIPF
from .context import Context, PairView
from .draftnames import draft_names

# English closed-class words: articles, prepositions, conjunctions, pronouns, auxiliaries
# and modals. ("I" is left out: a lone capital I is a log level as often as a pronoun.)
FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every all no not nor and or but if then than
so as of to in on at by for with from into onto over under about after before between
through during without within via per is are was were be been being am has have had do
does did can could will would shall should may might must it its you your we our they
their he his she her them us me my which who whom whose what when where why how there here
also only just very too
""".split())
_TOKEN = re.compile(r"[\w'’-]*[^\W\d_][\w'’-]*")
# Punctuation prose does not use but code does (two kinds of it make a line of code).
_CODE_PUNCTUATION = re.compile(r"[={};\[\]<>*|&]")
# Code given a value: ``cycle`` = true, (the masked name, the sign, one value).
# A line ending as code does: a brace (with what closes after it), or a call closed by ;.
_CODE_LINE_END = re.compile(r"(?:[{}][\s;,)]*|\)\s*;)$")
_BLOCK_LINES = 3  # fewer lines are read by reason 2, a line at a time
_SETS_CODE = re.compile(r"[\s\ufffc]*\ufffc\s*=\s*[\w'\"-]+\s*[,;]?\s*")
_CONTRACTION = re.compile(r"\w['’](?:t|s|re|ll|ve|d|m)$", re.I)  # don't, it's: English prose
_COMMAND_WORDS = 3  # a program and two arguments; "memtx engine" may be a heading
_SENTENCE_PUNCTUATION = re.compile(r"[:,;.!?()]|\s--?\s|[–—]")
_RUN = 20  # how far a list of one-word units is read each side
_NAMED_NEIGHBOURS = 2
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z]")
_CAPITALISED = re.compile(r"\s*[A-Z][a-z]+\s*")
_CAMEL = re.compile(r"[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*")  # DisplayString, IsAlive
_BARE_NAME = re.compile(r"\s*[a-z][a-z0-9_]*\s*")
_CELL_WORDS = 6  # a table cell beside the names: "unique identifier", "type of index"
_COMMON = 4.0  # Zipf: used at least ten times in a million words of general English
_CODE_KINDS = frozenset({"code", "placeholder"})
# A program's output line: a time stamp, or a source (a path: main/101/name) and a level
# mark (I>, W>), or a level in brackets ([I]).
_LOG_LINE = re.compile(r"\s*(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d|\S+/\S+\s+[A-Z]>\s|\[[A-Z]\]\s)")
# name = value: the name of an option, a field or a variable a piece of code sets.
_ASSIGNED = re.compile(r"(?<![\w.$])([a-z][a-z]+)\s?=(?!=)")
# A list of words and nothing else: if, switch, for (a comma or a slash between items).
_LISTED = re.compile(r"[`'\"(\s]*[A-Za-z][a-z]+(?:\s*[,/]\s*[A-Za-z][a-z]+)+[`'\")\s]*")
_LIST_ITEM = re.compile(r"[A-Za-z][a-z]+")
_EMPHASIS = " \t\n*`'\""  # around a word alone: **cache**, ``cache``
_ALONE = re.compile(r"[`'\"%({$\s]*(?P<word>[A-Za-z][a-z]+)[`'\")}\s]*[a-z]?")
# What a unit kept as a name may hold: its words, with nothing around them but markup.
_AROUND_WORDS = frozenset({MARKUP, TAG, LINK, URL})
_NAME_WORDS = 4  # Apache License 2.0, Fedora 22, Ubuntu Vivid
_LOWER_WORDS = re.compile(r"[a-z][\w-]*(?:\s*,\s*[a-z][\w-]*)*")  # one, or a comma list
_LOWER_PHRASE = re.compile(r"[a-z][\w-]*(?: [a-z][\w-]*)+")
_NAMES_LINE = re.compile(r"[A-Z][\w-]*(?:,? (?:[A-Z][\w-]*|\d+(?:\.\d+)*))*")
_JOINS_BEFORE = re.compile(r"[\w)\]}]")  # what ends the code before a step: a name, a call
_JOINS_AFTER = re.compile(r"\w")  # (not a brace: Error:{0} is a message and its value)


def needs_translation(view: PairView, ctx: Context) -> bool:
    """Whether the pair's source has language a translation must render (see the module)."""
    words = _words(view.src_masked)
    if not words or _LOG_LINE.match(view.source) or opens_console(view.source):
        return False  # a program's output, or a console session: input and output as printed
    if _in_target_script(view.src_text, ctx.target_lang):
        return False  # written in the target language already: a Russian page of the catalogue
    if len(words) > 1 and _LISTED.fullmatch(view.source) and all(
            w in _code_words(ctx) or _name_shaped(w) for w in words):
        return False  # a list of the draft's names: if, for, while are keywords there
    if _code_block(view.src_text):
        return False  # a block of code: its strings' words and its keywords (then) are no prose
    if any(_is_function_word(w) or _CONTRACTION.search(w) for w in words):
        return True
    if len(set(_CODE_PUNCTUATION.findall(view.src_text))) >= 2 or _SETS_CODE.fullmatch(
            view.src_text):
        return False  # a line of code: lua_code = [[function(tuple) …]], ``cycle`` = true,
    plain = [w for w in words if not _name_shaped(w) and w not in draft_names(ctx)]
    if not plain:
        return False
    if (len(words) >= _COMMAND_WORDS and words[0][0].islower()
            and (_name_shaped(words[0]) or _lower(words) and _name_shaped(words[-1]))
            and not _SENTENCE_PUNCTUATION.search(view.src_text)):
        return False  # a command: a program's name, then its arguments (tarantoolctl rocks …)
    if len(plain) < len(words):  # a name beside plain words: the document's code ones
        plain = [w for w in plain if w not in _code_words(ctx)]
    if len(words) > 1:
        return bool(plain)
    code = _code_words(ctx)
    alone = view.source.strip(_EMPHASIS) == words[0]  # not beside code: _CONSTRAINTS view
    return (words[0] not in code and not (alone and "=" + words[0] in code)
            and not _among_names(view, ctx) and not _return_type(view, ctx))


def _in_target_script(text: str, target_lang: str) -> bool:
    """Whether a source (its words outside code) is in the target language's script, not
    the source language's: mostly Cyrillic letters for a Russian target (a test page or a
    Russian glossary table in an English catalogue), no Cyrillic at all for an English one.

    >>> _in_target_script("Этот тип блока требует заголовка.", "ru")
    True
    >>> _in_target_script("Use the ``select`` request, not ``выборка``.", "ru")
    False
    >>> _in_target_script("Click here", "en"), _in_target_script("Нажмите OK", "en")
    (True, False)
    """
    cyrillic = len(CYRILLIC.findall(text))
    return cyrillic > len(_LATIN.findall(text)) if target_lang == "ru" else not cyrillic


def kept_as_name(view: PairView, ctx: Context) -> str | None:
    """Why a unit its translation repeats may be a name though needs_translation finds it
    language: the reason a finding on it is only low, or None. The translator kept it
    while translating the rest of the draft, which says nothing of a sentence but much of
    a unit of a few words with no function word and nothing around them but markup:

    - lower-case words (``sequence`` in a table, ``deb, rpm, pip``, a bare ``go get``):
      identifiers or a command, as a heading or a label is capitalised; not a link's
      title of several words (:ref:`log level <…>` names a section);
    - capitalised words beside a name (GitHub Actions, Apache License 2.0): a product;
    - one capitalised word that is a specialised word (Vinyl, Raft), that the draft's
      translations keep in Latin in lower case, or that opens a column of names (Version
      above IsAlive, MemoryLua). An everyday word alone (Note, Warning) has none of
      these: a label left in English, as sure as any.
    """
    words, rest = _few_words(view)
    if not words:
        return None
    if _lower_case(view, rest):
        return "lower-case words kept as they are, with no function word: identifiers or a " \
               "command (a heading or a label has a capital)"
    if not _NAMES_LINE.fullmatch(rest):
        return None
    if len(words) > 1:
        if any(_name_shaped(w) or w in draft_names(ctx) for w in words):
            return "capitalised words beside a name, kept as they are: a product's name"
        return None
    word = words[0]
    frequency = ctx.zipf(word.lower())
    if frequency < COMMON_ZIPF:
        return (f"«{word}» is a specialised word (Zipf frequency {frequency:.1f}) kept with its "
                "capital: likely a name")
    if word.lower() in _code_words(ctx):
        return f"the draft keeps «{word.lower()}» in its Latin letters: likely a name"
    if _heads_names(view, ctx):
        return "the first of a column of names written with a capital inside"
    return None


def kept_identifiers(view: PairView, ctx: Context) -> bool:
    """Whether a unit its translation repeats is lower-case words with no function word
    (see kept_as_name) in a Sphinx catalogue: documentation gives its headings, paragraphs
    and list items a capital, so such a unit is a table's value or identifier, and one the
    translator copied is kept on purpose. A UI catalogue's labels may be lower-case (yes,
    unknown): there it stays a finding, only low."""
    words, rest = _few_words(view)
    return bool(words) and "sphinx" in ctx.markup.draft and _lower_case(view, rest)


def _few_words(view: PairView) -> tuple[list[str], str]:
    """A unit's words and its text, when it is a few words with no function word and
    nothing around them but markup; else no words."""
    words = _words(view.src_masked)
    rest = " ".join(view.src_text.replace("\ufffc", " ").split()).strip(_EMPHASIS)
    if (len(words) > _NAME_WORDS or any(_is_function_word(w) for w in words)
            or any(s.kind not in _AROUND_WORDS for s in view.src_masked.spans)):
        return [], rest
    return words, rest


def _lower_case(view: PairView, rest: str) -> bool:
    """Whether a unit's text is lower-case words: one or a comma list, or a phrase with
    no markup (:ref:`log level <…>` is a section's title)."""
    return _LOWER_WORDS.fullmatch(rest) is not None or \
        not view.src_masked.spans and _LOWER_PHRASE.fullmatch(rest) is not None


def _code_block(text: str) -> bool:
    r"""Whether a unit of several lines is a block of code: most of its lines end as code
    does (a brace, a call closed by a semicolon) or hold two kinds of code punctuation.
    Prose lines end with words and sentence marks; a list whose items end with semicolons
    ends them after a word, not after a bracket.

    >>> _code_block("var conn = new Conn({port: 3301});\nconn.connect().then(function() {\n"
    ...             "    console.log('Connect failed');\n});")
    True
    >>> _code_block("Items:\n- the first one;\n- the second one;\n- the last one.")
    False
    >>> _code_block("x = {1, 2}")  # one line: reason 2 decides
    False
    """
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if len(lines) < _BLOCK_LINES:
        return False
    code = sum(1 for line in lines if _CODE_LINE_END.search(line)
               or len(set(_CODE_PUNCTUATION.findall(line))) >= 2)
    return code * 3 >= len(lines) * 2


def _lower(words: list[str]) -> bool:
    return all(w.islower() for w in words)


def _is_function_word(word: str) -> bool:
    """A function word of prose: in capitals it is a keyword (SQL's AND, NOT, OR), and a
    capital A alone is a letter or a value ('A') as often as the article (a sentence that
    starts with the article has other function words).

    >>> [_is_function_word(w) for w in ("the", "Or", "NOT", "A", "a")]
    [True, True, False, False, True]
    """
    return word.lower() in FUNCTION_WORDS and not word.isupper()


def _words(masked: Masked) -> list[str]:
    """The tokens with a letter left outside the masked spans (digits and hyphens kept:
    ``E081-05`` is one token), but for the steps of a path in code.

    >>> from glossary.markup import mask
    >>> _words(mask("conn:timeout(0.5).space.tester:update({1})", ()))
    []
    >>> _words(mask("Use the box module: it is loaded.", ()))
    ['Use', 'the', 'box', 'module', 'it', 'is', 'loaded']
    """
    text = masked.original
    return [m.group().strip("'’-") for m in _TOKEN.finditer(masked.text)
            if not (m.group().isascii() and _path_step(text, m.start(), m.end()))]


def _path_step(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is joined to code by a dot or a colon with no space
    (``conn:timeout(0.5).space.tester:update``): a step of a path in code, which prose,
    spacing its words, does not write. Reason 2 needs the unit's code punctuation, which
    code not marked as code may keep only partly outside what masking took."""
    return (start >= 2 and text[start - 1] in ".:" and _JOINS_BEFORE.match(text[start - 2])
            is not None) or (end + 1 < len(text) and text[end] in ".:"
                             and _JOINS_AFTER.match(text[end + 1]) is not None)


@lru_cache(maxsize=65536)
def _name_shaped(word: str) -> bool:
    """A name by its shape: digits, all capitals, a capital inside, or no English word; a
    compound by its parts (``tarantool-metrics`` is a name, ``English-speaking`` is not).

    >>> [_name_shaped(w) for w in ("Gauge32", "RTREE", "DisplayString", "memtx", "Version")]
    [True, True, True, True, False]
    """
    if any(c.isdigit() or c == "_" for c in word):
        return True
    if not word.isascii():
        return False
    if len(word) > 1 and (word.isupper() or any(c.isupper() for c in word[1:].split("-")[0])):
        return True
    parts = [p for p in re.split(r"[-'’]", word) if p]
    return any(_unknown(p.lower()) for p in parts)


def _unknown(word: str) -> bool:
    """A word general English does not have: neither the lexicon (content words) nor
    common use (wordfreq: English, okay, stats) knows it."""
    if word in FUNCTION_WORDS:
        return False
    if len(word) == 1:
        return True  # a variable
    if lexicon().getAllLemmas(word):
        return False
    # Imported only for a word the lexicon lacks: the import alone costs half a second.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") < _COMMON


def _code_words(ctx: Context) -> frozenset[str]:
    """The words the draft's sources write alone as code (``distance``, ``'string'``, a
    placeholder's name) or its translations keep as names, as written; found once a run.
    A word inside a longer piece of code (``box.space``, a label) is not taken: its parts
    may be any word; but each item of a list kept as code is (``(if, switch, for)`` kept
    verbatim), and the name an assignment in code sets (``cache=0``, ``{type = 'hash'}``)
    is kept as ``=cache``, an option's name to a unit that is that word alone (beside
    other words it may be the general word: "SQL type" in a draft with ``type = 'str'``).
    Code is case-sensitive: "Metadata", a heading, is not ``metadata``."""
    found = ctx.state.get("_kept_code_words")
    if found is None:
        words: set[str] = set()
        for segment in ctx.segments:
            for span in _source_code(segment, ctx).spans:
                if span.kind in _CODE_KINDS:
                    alone = _ALONE.fullmatch(segment.source, span.start, span.end)
                    if alone:
                        words.add(alone.group("word"))
                    elif _LISTED.fullmatch(segment.source, span.start, span.end):
                        words.update(_LIST_ITEM.findall(segment.source, span.start, span.end))
                    else:
                        words.update("=" + w for w in _ASSIGNED.findall(
                            segment.source, span.start, span.end))
        found = ctx.state["_kept_code_words"] = frozenset(words)
    return found


def _source_code(segment: Segment, ctx: Context) -> Masked:
    """A unit's source masked, with what its translation keeps verbatim as a name: a
    quotation (``'guest'`` → ``'guest'``), a literal, a word a target in another script
    keeps in its letters (markup.quotes). Only in a unit translated otherwise: a target
    that repeats its source says nothing about which of its words are names."""
    syntaxes = ctx.markup.for_segment(segment)
    source = ctx.masks(segment.source, syntaxes, segment.source_codes)
    target = segment.target
    if not target.strip() or target == segment.source or not _LATIN.search(segment.source):
        return source  # (only Latin words are taken as names: a source without any is done)
    return kept_quotes(source, ctx.masks(target, Markup.for_target(syntaxes, segment.source),
                                         segment.target_codes))[0]


def _return_type(view: PairView, ctx: Context) -> bool:
    """Whether the unit is the value of Sphinx's return-type field (``:rtype: string``),
    which a Sphinx catalogue gives as the unit after the field's name, ``rtype``."""
    at = view.ref.segment - 1
    return (0 < at < len(ctx.segments) and ctx.segments[at] == view.ref.of
            and ctx.segments[at - 1].source.strip() == "rtype")


def _cell(source: str, words: list[str]) -> bool:
    """Whether a unit reads as a short table cell (a description, a value) rather than a
    paragraph: a few words on one line, not ended as a sentence."""
    text = source.strip()
    return (len(words) <= _CELL_WORDS and "\n" not in text
            and not text.endswith((".", ":", "!", "?")))


def _among_names(view: PairView, ctx: Context) -> bool:
    """Whether the unit is an item of a list of names: the run of one-word units around it
    (a list, or a column the reader gives one cell at a time) holds names on both sides of
    it, and more names than plain words (a heading before a list of names is
    not one of them; nor is a plain word in a list of plain words). A capitalised word
    (Integer) is read so only among names written with a capital inside (DisplayString,
    IsAlive): a table of such identifiers, whose plain capitalised values follow their
    case; beside anything else it is a heading or a description."""
    around = _names_around(view, ctx)
    if around is None:
        return False
    at, named, plain = around
    return (len(named) >= _NAMED_NEIGHBOURS and min(named) < at < max(named)
            and len(named) > len(plain))


def _heads_names(view: PairView, ctx: Context) -> bool:
    """Whether a capitalised unit opens a column of names written with a capital inside
    (Version above IsAlive, MemoryLua): names after it, more than plain words there (the
    header row before the table's first cell is not counted), which a heading above a list
    of such names has as well."""
    around = _names_around(view, ctx)
    if around is None or not _CAPITALISED.fullmatch(view.source):
        return False
    at, named, plain = around
    after = [i for i in named if i > at]
    return len(after) >= _NAMED_NEIGHBOURS and len(after) > sum(1 for i in plain if i > at)


def _names_around(view: PairView, ctx: Context) -> tuple[int, list[int], list[int]] | None:
    """The unit's index in the draft, the indexes of the names and of the plain words in
    the run of one-word units around it (see _among_names); None for a unit not in the
    draft."""
    at = view.ref.segment - 1  # segments are numbered from 1
    if not 0 <= at < len(ctx.segments) or ctx.segments[at] != view.ref.of:
        return None
    code = _code_words(ctx)
    across = bool(_BARE_NAME.fullmatch(view.source))  # written as code is: lower-case, alone
    capital = not across and bool(_CAPITALISED.fullmatch(view.source))
    named: list[int] = []
    plain: list[int] = []
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(ctx.segments) and abs(i - at) <= _RUN:
            near = ctx.segments[i]
            words = _words(ctx.masks(near.source, ctx.markup.for_segment(near),
                                     near.source_codes))
            if len(words) != 1:
                if not ((across or capital) and _cell(near.source, words)):
                    break
                if across and not words and _LETTER.search(near.source):
                    named.append(i)  # a cell all code (``vinyl_page_size``, bloom_fpr)
                i += step
                continue  # another column's cell of the same table row
            if _CAMEL.fullmatch(words[0]) if capital else (
                    _name_shaped(words[0]) or words[0] in code):
                named.append(i)
            elif not capital or _CAPITALISED.fullmatch(words[0]):
                plain.append(i)  # (among capitalised names the rest is another column's)
            i += step
    return at, named, plain
