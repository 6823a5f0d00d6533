"""Short forms of a multiword rendering: its head word, or its initials as an abbreviation.

A translator names a multiword concept in full once and then shortens it, as any writer
does: «база данных» becomes «база», «движок базы данных» «движок», «система управления
базами данных» «СУБД», and "database" may well be rendered «БД» from the start. Russian
also drops the noun of an adjective-and-noun term and lets the adjective stand for it
(«целое число» → «Целое», «Целые, разделённые запятыми»: a substantivised adjective, in
the gender of the noun it stands for), as settled as an abbreviation. A target
holding such a short form has not plainly dropped the term, so its missing-term finding is
at most low: an abbreviation always, the head word alone where the draft has already
rendered the term in full (a writer shortens what the reader knows; a head word with no
first mention, "camp" for a special camp, may have lost what set the term apart). The head of a Russian noun phrase is its first noun in the nominative (the
words after it depend on it: базы данных, типов); of an English one, the last word before a
preposition (storage *engine*, *management* of data). A head word that renders another term
the source names is that term's, not a short form of this one.

A glossary may admit a short form on one side only: «Совет министров» beside «Совет
министров СССР», with "Council of Ministers of the USSR" alone in English. A source that
names the concept by such a form (its first words, the qualifier after them dropped) and
a target that renders it by the rendering's first words as many, cut where its own
qualifier starts ("Council of Ministers", without "of the USSR"), say what the source
says: the rendering is there, short as the source is (low). It may be the same body of
another country (the Italian Council of Ministers), which only the sentence tells.
"""
from __future__ import annotations

from functools import lru_cache

from .. import morph
from ..keys import term_word_keys
from ..tokens import tokenize
from . import text
from .context import PairView

# Parts of speech that give no letter to an abbreviation (система управления базами
# данных → СУБД: no preposition or conjunction among its words).
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})
_EN_FUNCTION = frozenset("of for in on to with by at from and or the a an".split())
# An abbreviation is at most this many letters longer than the initials it ends with:
# СУБД holds БД (база данных) as the dependent of its head; a longer one is another word.
_ABBREVIATION_SLACK = 2


@lru_cache(maxsize=5_000)
def head_word(form: str, lang: str) -> str | None:
    """The syntactic head of a multiword rendering; None for one word or no noun.

    >>> head_word("движок базы данных", "ru"), head_word("неявное приведение типов", "ru")
    ('движок', 'приведение')
    >>> head_word("целое число", "ru"), head_word("выборы лидера", "ru")
    ('число', 'выборы')
    >>> head_word("storage engine", "en"), head_word("management of data", "en"), head_word("база", "ru")
    ('engine', 'management', None)
    """
    words = [t.norm for t in tokenize(form) if t.is_word]
    if len(words) < 2:
        return None
    if lang == "ru":
        nouns = [_reads_as(word, "NOUN") for word in words]
        for i, word in enumerate(words):
            # a word that may also be an adjective agreeing with a noun after it is that
            # noun's modifier (целое число: число; столовая ложка: ложка)
            if nouns[i] and not (_reads_as(word, "ADJF", "PRTF") and any(nouns[i + 1:])):
                return word
        return None
    before = []
    for word in words:
        if word.lower() in _EN_FUNCTION:
            break
        before.append(word)
    return before[-1] if before else None


def _reads_as(word: str, *pos: str) -> bool:
    """Whether one of a word's readings is of one of these parts of speech, nominative."""
    return any(p.tag.POS in pos and "nomn" in p.tag for p in morph.parse(word.lower()))


@lru_cache(maxsize=5_000)
def initials(form: str, lang: str) -> str:
    """The initials of a multiword rendering's content words, upper case ('' for one word).

    >>> initials("база данных", "ru"), initials("система управления базами данных", "ru")
    ('БД', 'СУБД')
    >>> initials("write-ahead log", "en"), initials("log", "en")
    ('WAL', '')
    """
    words = [t.norm for t in tokenize(form) if t.is_word]
    if lang == "ru":
        content = [w for w in words if not any(p.tag.POS in _FUNCTION_POS
                                               for p in morph.parse(w.lower())[:1])]
    else:
        content = [w for w in words if w.lower() not in _EN_FUNCTION]
    return "".join(w[0] for w in content).upper() if len(content) > 1 else ""


def settled(view: PairView, span: tuple[int, int], source_forms: tuple[str, ...],
            words, forms: tuple[str, ...], lang: str) -> str | None:
    """Why the segment itself shows the target renders the term by a short form (an
    abbreviation, the source's short form rendered as short, a lone adjective), or None."""
    return (abbreviation(words, forms, lang)
            or unqualified(view, span, source_forms, words, forms, lang)
            or modifier_alone(view.tgt_text, words, forms, lang))


def abbreviation(words, forms: tuple[str, ...], lang: str) -> str | None:
    """Why a target word may be an abbreviation of a multiword rendering (its initials, or
    a longer abbreviation ending with them: СУБД holds БД), or None. An established
    abbreviation renders the term from its first mention on."""
    for form in forms:
        abbr = initials(form, lang)
        if not abbr:
            continue
        for tok, _ in words:
            word = tok.norm
            if word.isupper() and word.endswith(abbr) and \
                    len(word) <= len(abbr) + _ABBREVIATION_SLACK:
                return f"«{tok.text}» may abbreviate «{form}» (a short form)"
    return None


def modifier_alone(target: str, words, forms: tuple[str, ...], lang: str) -> str | None:
    """Why a target word may be the adjective of an adjective-and-noun rendering standing
    for the whole (Целое for «целое число»: the noun left out), or None. The adjective must
    agree with the noun it stands for (its gender, or the plural) and have no noun of its
    own after it («целое значение» is another phrase, not a short form)."""
    if lang != "ru":
        return None
    for form in forms:
        alone = _modifier(form)
        if alone is None:
            continue
        lemma, gender = alone
        for i, (tok, _) in enumerate(words):
            agreeing = [p for p in morph.parse(tok.norm.lower()) if p.tag.POS == "ADJF"
                        and p.normal_form == lemma and (p.tag.number == "plur" or
                                                        p.tag.gender == gender)]
            if agreeing and not _noun_follows(target, words, i, agreeing):
                return f"«{tok.text}» may stand for «{form}» (its adjective alone: a short form)"
    return None


@lru_cache(maxsize=5_000)
def _modifier(form: str) -> tuple[str, str] | None:
    """(the adjective's lemma, the noun's gender) of a two-word rendering that is an
    adjective and the noun it agrees with; None for any other shape.

    >>> _modifier("целое число"), _modifier("база данных"), _modifier("число")
    (('целый', 'neut'), None, None)
    """
    words = [t.norm.lower() for t in tokenize(form) if t.is_word]
    if len(words) != 2 or head_word(form, "ru") != words[1]:
        return None
    adjective = [p for p in morph.parse(words[0]) if p.tag.POS == "ADJF" and "nomn" in p.tag]
    noun = [p for p in morph.parse(words[1]) if p.tag.POS == "NOUN" and "nomn" in p.tag]
    if not adjective or not noun or noun[0].tag.gender is None:
        return None
    gender = noun[0].tag.gender
    if not any(p.tag.gender == gender or p.tag.number == "plur" for p in adjective):
        return None
    return adjective[0].normal_form, str(gender)


def _noun_follows(target: str, words, i: int, readings) -> bool:
    """Whether the word after words[i], with only a space between, is a noun that agrees
    with one of the adjective's `readings` (its case and number): the adjective's own."""
    if i + 1 >= len(words):
        return False
    tok, nxt = words[i][0], words[i + 1][0]
    if not target[tok.end:nxt.start].isspace():
        return False
    cases = {(p.tag.case, p.tag.number) for p in readings}
    return any(p.tag.POS == "NOUN" and (p.tag.case, p.tag.number) in cases
               for p in morph.parse(nxt.norm.lower()))


def head_only(view: PairView, words, forms: tuple[str, ...], lang: str,
              term_id: str) -> str | None:
    """Why the target may render a multiword term by its head word alone (a short form
    once the term was introduced in full: the caller checks that), or None."""
    for form in forms:
        head = head_word(form, lang)
        if head is None:
            continue
        keys = term_word_keys(head)
        for tok, own in words:
            if not own.isdisjoint(keys) and not _renders_other(view, tok.start, term_id):
                return f"«{tok.text}», the head word of «{form}», may stand for it"
    return None


def _renders_other(view: PairView, offset: int, term_id: str) -> bool:
    """Whether the target word at `offset` is the rendering of another term the source
    names (тип for "type" beside "data type"): then it is that term's, not a short form."""
    return any(m.start <= offset < m.end and m.term_id != term_id and m.term_id in view.src
               for m in view.tgt_matches if m.status != "forbidden")


def unqualified(view: PairView, span: tuple[int, int], source_forms: tuple[str, ...],
                words, forms: tuple[str, ...], lang: str) -> str | None:
    """Why the target may render the source's short form of a term: the source names it
    by the first words of a longer form (the qualifier after them dropped) and the target
    holds a rendering's first words as many, cut before its qualifier; or None."""
    said = [keys for _, keys in text.words(view.source[span[0]:span[1]])]
    if len(said) < 2 or not any(_opens(said, text.form_keys(f)) for f in source_forms):
        return None
    for form in forms:
        cut = _first_words(form, len(said), lang)
        if cut and text.loose_find(view.tgt_text, words, text.form_keys(cut)) is not None:
            return (f"«{view.source[span[0]:span[1]]}» is a short form of the term, and the "
                    f"target renders it as short («{cut}» of «{form}»)")
    return None


def _opens(said: list[frozenset[str]], longer: list[frozenset[str]]) -> bool:
    """Whether the words said are the first words of a longer form."""
    return len(longer) > len(said) and all(
        not a.isdisjoint(b) for a, b in zip(said, longer))


def _first_words(form: str, n: int, lang: str) -> str | None:
    """The first `n` content words of a form with what stands between them, when the
    form goes on after them with a qualifier (in English one opened by a function word:
    "Council of Ministers" of "Council of Ministers of the USSR"); else None."""
    tokens = [t for t in tokenize(form) if t.is_word]
    content = 0
    for i, tok in enumerate(tokens):
        if lang == "en" and tok.norm.lower() in _EN_FUNCTION:
            continue
        content += 1
        if content == n:
            rest = tokens[i + 1:]
            if not rest or (lang == "en" and rest[0].norm.lower() not in _EN_FUNCTION):
                return None
            return form[:tok.end]
    return None
