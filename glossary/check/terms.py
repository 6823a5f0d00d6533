"""The terminology rules: missing-term, forbidden-term, inconsistent-term."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from .. import morph
from ..family import family, kin, of_place, other_aspect
from ..keys import canonical
from ..model import EXACT, Term, is_proper
from ..normalize import fold
from ..ru import CYRILLIC
from . import confidence, fit, implied, tally, text
from .context import Context, PairView
from .finding import ERROR, WARNING
from .names import name_variants
from .registry import Issue, rule
from .shortform import head_only, settled
from .suggest import for_missing

# Words that can stand for a term already named ("it", "the latter", «он», «который»): a
# sentence holding one of them has not plainly dropped the term.
_EN_ANAPHORS = frozenset(
    "it its they them their theirs this these those that which who whom whose latter former "
    "one ones he him his she her there same such".split())
_RU_ANAPHORS = frozenset(
    "он она оно они его её ее ему ей им ими ним ними нем нём ней них их этот тот который "
    "такой последний свой там туда оттуда здесь сюда сей данный оный".split())


def _finish_missing(ctx: Context):
    """The findings held back until the whole draft was seen, with the confidence the
    other segments naming the term give them (confidence.from_draft). In a draft the
    glossary does not fit (fit.py), a single-word or common term's finding is low and one
    summary says why (standing for those of a term never rendered: fit.folds); a multiword
    specific term keeps its own judgement: its words name the concept whatever the draft."""
    draft = ctx.state.get("missing-term")
    if not draft:
        return
    named, rendered, full = draft["named"], draft["rendered"], draft["full"]
    checked = len(draft["checked"])
    dense = len(draft["dense"]) / checked if checked >= confidence.MIN_DRAFT else None
    found = fit.of_draft(ctx, named, rendered)
    for ref, issue, kind, form in draft["pending"]:
        head = draft["short"].get((ref.segment, issue.term))
        before = [s for s in full.get(issue.term, ()) if s < ref.segment]
        if head and before:
            yield ref, replace(issue, confidence=confidence.LOW, reason=(
                f"{head} (a short form: segment {max(before)} renders it in full)"))
            continue
        others = named.get(issue.term, set()) - {ref.segment}
        level, reason = confidence.from_draft(
            issue.confidence or confidence.HIGH, issue.reason or "", kind, form,
            len(others & rendered.get(issue.term, set())), len(others), dense)
        level, reason = found.judge(level, reason, kind, form)
        if not found.folds(issue.term, level, ref.segment):
            yield ref, replace(issue, confidence=level, reason=reason)
    yield from found.summary(ctx, named)


@rule("missing-term", ERROR, finish=_finish_missing)
def missing_term(view: PairView, ctx: Context):
    """A glossary term occurs in the source and no approved rendering of it in the target.

    A term the source names twice must be rendered twice only when the target plainly drops
    one: both sides have the same number of sentences and the sentence that should hold the
    second rendering has neither a rendering, a word of one, nor a pronoun that could stand
    for it. Also taken as rendered: a coordination ("special and filtration camps"). A
    word of the term's family in another part of speech ("check the translation" →
    «проверьте перевод» for проверка) is part-of-speech's finding, not this one. A
    one-word term that is a frequent word of the language takes its confidence from the
    draft: high when the other segments naming it mostly render it as the glossary says,
    low when fewer than half do (another sense, or a glossary that does not fit the text);
    with too few of them, medium when something in the segment confirms the glossary's
    sense, else low. A multiword rendering whose head word, initials or lone adjective the
    target holds («база», «БД»; «Целое» for «целое число»), or its first words where the
    source's form is as short, is a short form: low (shortform.py); the head word only
    where an earlier segment renders the term in full; a noun the words around it say is
    low too (implied.py). A specific term no other segment renders as the glossary says is a
    systematic departure: medium. Left to forbidden-term, name-spelling, untranslated: a
    forbidden rendering, a misspelt name, a term kept in Cyrillic in an English target.
    """
    if view.blank:
        return
    unrendered = _unrendered(view, ctx)
    _witness(view, ctx, unrendered)
    for term_id, spans, senses, derived in unrendered:
        term = ctx.term(term_id)
        first = spans[0]
        surface = view.source[first[0]:first[1]]
        if not senses:  # rendered fewer times than named
            dropped = _plainly_dropped(view, ctx, term, spans)
            if dropped is not None:
                word = view.source[dropped[0]:dropped[1]]
                n = len(_distinct(view.approved.get(term_id, ())))
                yield Issue(f"«{word}» ({term_id}) occurs {len(spans)} times in the source but "
                            f"is rendered {n} time{'s' * (n != 1)} in the target; "
                            f"the sentence holding this one has no rendering", term=term_id,
                            source_span=dropped,
                            suggestion=for_missing(term, ctx.target_lang, word, ctx.english_plural),
                            confidence=confidence.MEDIUM,
                            reason="the sentences of source and target align one to one and "
                                   "this one's has no trace of the term")
            continue
        if derived is not None:
            continue  # rendered in another part of speech: that rule's finding
        alive = [ctx.term(t) for t in senses]
        other = _other_word(surface, term) if ctx.source_lang == "ru" else None
        level, reason, kind = confidence.of_missing(view, ctx, term, first, other)
        forms, words = term.approved(ctx.target_lang), _target_words(view)
        short = settled(view, first, term.approved(ctx.source_lang), words, forms,
                        ctx.target_lang) or implied.implied(view, ctx, first, words)
        if short:  # the segment settles it: no other segment makes these a slip
            level, reason, kind = confidence.LOW, short, confidence.SEGMENT
        elif kind != confidence.SEGMENT:
            head = head_only(view, words, forms, ctx.target_lang, term_id)
            if head:  # a short form if the draft rendered it in full before (_finish_missing)
                ctx.state["missing-term"]["short"][(view.ref.segment, term_id)] = head
        issue = Issue(_missing_message(surface, alive, ctx.target_lang, other),
                      term=term_id, source_span=first,
                      suggestion=for_missing(term, ctx.target_lang, surface, ctx.english_plural),
                      confidence=level, reason=reason)
        if kind == confidence.SEGMENT:
            yield issue
        else:  # the rest of the draft has its say: reported when the draft is seen
            ctx.state["missing-term"]["pending"].append(
                (view.ref, issue, kind, canonical(surface)))


def _witness(view: PairView, ctx: Context, unrendered) -> None:
    """Record which concepts this segment's source names and which of them its target
    renders (in any form the rules accept: a word of the family, a coordination …), and
    whether it names a specific term (how dense in terms the draft is)."""
    draft = ctx.state.setdefault("missing-term", {"named": {}, "rendered": {}, "full": {},
                                                  "short": {}, "pending": [],
                                                  "checked": set(), "dense": set()})
    missing = {term_id for term_id, _, senses, derived in unrendered
               if senses and derived is None}
    segment = view.ref.segment
    draft["checked"].add(segment)
    if any(confidence.specific(m, ctx) for m in view.src_matches):
        draft["dense"].add(segment)
    for term_id in _source_spans(view):  # memoised: _unrendered read it already
        if term_id in view.forbidden:
            continue  # a wrong rendering: no witness of the sense either way
        draft["named"].setdefault(term_id, set()).add(segment)
        if term_id not in missing:
            draft["rendered"].setdefault(term_id, set()).add(segment)
        if term_id in view.approved:  # in full: what a later short form may stand for
            draft["full"].setdefault(term_id, set()).add(segment)


@rule("part-of-speech", WARNING)
def part_of_speech(view: PairView, ctx: Context):
    """A term is rendered by a word of its family in another part of speech.

    «изучение» as «изучаете», "configuration" as «настроить»'s family member «настройте»
    for настройка: the translation has the concept, in a verb where the glossary has a
    noun (or the reverse). Often right (English has no parts of speech a Russian
    translation must keep), so never more than a low-confidence warning.
    """
    if view.blank:
        return
    for term_id, spans, senses, derived in _unrendered(view, ctx):
        if derived is None or not senses:
            continue
        (start, end), head = derived
        yield Issue(f"{term_id} is rendered in another part of speech: «{view.target[start:end]}» "
                    f"for «{head}»", term=term_id, source_span=spans[0], target_span=(start, end),
                    confidence=confidence.LOW,
                    reason=f"«{view.target[start:end]}» is of the family of «{head}»")


def _unrendered(view: PairView, ctx: Context):
    """(term id, source spans, senses, derived) per concept of the source the target does
    not render as often as the source names it. `senses` is empty when the target renders
    it but fewer times; else the senses of its first span, none rendered. `derived` is
    ((start, end), head) when a target word renders it in another part of speech."""
    if "unrendered" in view.memo:
        return view.memo["unrendered"]
    found = []
    for term_id, (spans, senses) in _source_spans(view).items():
        if term_id in view.forbidden:
            continue
        term = ctx.term(term_id)
        rendered = len(_distinct(view.approved.get(term_id, ())))
        if rendered == 0:
            alive = [ctx.term(t) for t in senses]
            if any(_rendered_otherwise(view, ctx, sense, spans) for sense in alive):
                continue
            derived = next(filter(None, (_derived_in_target(view, ctx, t) for t in alive)), None)
            found.append((term_id, spans, senses, derived))
        elif rendered < len(spans):
            found.append((term_id, spans, [], None))
    view.memo["unrendered"] = found
    return found


def _missing_message(surface: str, senses: list[Term], lang: str, other: str | None) -> str:
    """«строка» (row) has no approved rendering …; with several senses, every one named."""
    if len(senses) == 1:
        (term,) = senses
        text = (f"«{surface}» ({term.id}) has no approved rendering in the target "
                f"(expected {_quote_list(term.approved(lang))})")
    else:
        each = "; ".join(f"{t.id}: {_quote_list(t.approved(lang))}" for t in senses)
        text = (f"«{surface}» has {len(senses)} senses and no approved rendering of any in "
                f"the target (expected {each})")
    return text + (f"; it may be another word here (a form of «{other}»)" if other else "")


@rule("forbidden-term", ERROR, reason="a form the glossary forbids for a concept the source names")
def forbidden_term(view: PairView, ctx: Context):
    """A forbidden rendering of a term occurs in the target (any inflected form).

    Only where the source names that concept: a forbidden form standing for something
    else (“reference grammar” where the forbidden rendering of справка is
    “reference”) is another word, not a wrong rendering.
    """
    if view.blank:
        return
    for term_id, matches in view.forbidden.items():
        term = ctx.term(term_id)
        src = view.src.get(term_id)
        if not src:
            continue
        for m in matches:
            if any(a.start == m.start and a.end == m.end for ms in view.approved.values()
                   for a in ms if a.term_id in view.src):
                continue  # the same words are an approved rendering of a term in the source
            preferred = term.preferred(ctx.target_lang)
            yield Issue(f"«{m.text}» is a forbidden rendering of {term_id} "
                        f"({term.preferred(ctx.source_lang)}); use «{preferred}»",
                        term=term_id, source_span=(src[0].start, src[0].end),
                        target_span=(m.start, m.end),
                        suggestion=ctx.like_found(preferred, m.text))


def _finish_inconsistent(ctx: Context):
    """Per concept and kind of form, the variant most segments use; the rest are reported."""
    for (term_id, _abbr), by_form in ctx.state.get("inconsistent-term", {}).items():
        approved = ctx.term(term_id).approved(ctx.target_lang)
        for (ref, span, surface), form, majority, counts in tally.minorities(by_form, approved,
                                                                             ties=False):
            n, k = counts[majority], counts[form]
            # Both are forms the glossary approves: admitted variants are not rivals unless
            # the project wants one of them throughout, which nothing in the glossary says.
            yield ref, Issue(f"{term_id} is rendered «{surface}» here but «{majority}» in {n} "
                             f"of the {sum(counts.values())} segments rendering it "
                             f"(«{form}» in {k}, this one included)",
                             term=term_id, target_span=span,
                             suggestion=ctx.like_found(majority, surface),
                             confidence=confidence.LOW,
                             reason=f"the glossary approves both «{form}» and «{majority}»")


@rule("inconsistent-term", WARNING, finish=_finish_inconsistent,
      reason="counted over the segments whose source names the concept")
def inconsistent_term(view: PairView, ctx: Context):
    """One concept is rendered with different approved variants across the draft.

    Only segments whose source names the concept count: a target word that renders some
    other source word («имя» for a name field, "display" for a verb) is no rendering of the
    concept. Every segment of a minority variant is reported, naming the majority one; two
    variants used equally often are no inconsistency. An abbreviation (one word in capitals)
    is compared only with other abbreviations: NKVD after a first «People's Commissariat for
    Internal Affairs» is not inconsistent; a Russian variant only with variants of its part
    of speech (удалить for Delete, удаление for Deleting). Names are left to name-spelling.
    """
    if view.blank:
        return ()
    seen = ctx.state.setdefault("inconsistent-term", {})
    for term_id, matches in view.approved.items():
        if ctx.term(term_id).kind == "name" or term_id not in view.src:
            continue
        groups: dict[tuple[bool, str], list] = {}
        for m in matches:
            groups.setdefault((_is_abbreviation(m.form), _form_pos(m.form)), []).append(m)
        for group, kind in groups.items():
            tally.record(seen.setdefault((term_id, group), {}), view.ref, kind)
    return ()


def _other_word(surface: str, term: Term) -> str | None:
    """Another word a one-word Russian match may be a form of (рот: рот, or рота in the
    genitive plural; полку: полк or полка). Such a match is only a warning when the target
    lacks the term: it may not be the term at all."""
    if " " in surface.strip() or not CYRILLIC.search(surface):
        return None
    own = {key for form in term.approved("ru") for word in form.lower().split()
           for key in morph.glossary_forms(word)}
    others = sorted(morph.normal_forms(fold(surface)) - own)
    return others[0] if own & morph.normal_forms(fold(surface)) and others else None


@lru_cache(maxsize=20_000)
def _form_pos(form: str) -> str:
    """The coarse part of speech of a glossary form's first word: variants in different
    parts of speech (удалить, удаление, удалено) render different source words (Delete,
    Deleting, Deleted), so they are not rivals.

    >>> _form_pos("удалить"), _form_pos("удаление"), _form_pos("удалено"), _form_pos("выбранный")
    ('VERB', 'NOUN', 'ADJ', 'ADJ')
    >>> _form_pos("заградительный отряд"), _form_pos("заградотряд")
    ('NOUN', 'NOUN')
    """
    words = form.split()
    if not words or not CYRILLIC.search(words[0]):
        return ""
    if len(words) > 1:
        return "NOUN"  # a phrase: a noun phrase as a rule (заградительный отряд = заградотряд)
    pos = str(morph.parse(words[0].lower())[0].tag.POS or "")  # a plain str: pymorphy3's
    # own cannot be pickled, and the draft-wide tallies keyed by it go between processes
    return {"INFN": "VERB", "ADJF": "ADJ", "ADJS": "ADJ", "PRTF": "ADJ", "PRTS": "ADJ"}.get(pos, pos)


def _is_abbreviation(form: str) -> bool:
    """One word in capitals (NKVD, ГКО, СМЕРШ).

    >>> _is_abbreviation("NKVD"), _is_abbreviation("Smersh"), _is_abbreviation("special camp")
    (True, False, False)
    """
    return " " not in form and form.isupper() and len(form) > 1


def _source_spans(view: PairView) -> dict[str, tuple[list[tuple[int, int]], list[str]]]:
    """Per concept, the distinct source spans naming it, and the senses of its first span.
    A span the matcher gives to several concepts (senses of one form, or a lemma shared by
    two terms: рота and рот) counts for the first one rendered in the target; when none is,
    for the first, with all the senses kept for the report."""
    if "spans" in view.memo:
        return view.memo["spans"]
    by_span: dict[tuple[int, int], list[str]] = {}
    exact: dict[tuple[int, int], list[str]] = {}
    for m in view.src_matches:
        for index in (by_span, exact) if m.how == "exact" else (by_span,):
            ids = index.setdefault((m.start, m.end), [])
            if m.term_id not in ids:
                ids.append(m.term_id)
    # of concepts on the same words, those spelt as the text are its senses (`Payment` is
    # the concept "payment", not "payments" read by its lemma), when there are such
    by_span.update(exact)
    spans: dict[str, tuple[list[tuple[int, int]], list[str]]] = {}
    for span, ids in by_span.items():
        chosen = next((i for i in ids if i in view.approved or i in view.forbidden), ids[0])
        spans.setdefault(chosen, ([], ids))[0].append(span)
    view.memo["spans"] = spans
    return spans


def _distinct(matches) -> list[tuple[int, int]]:
    return sorted({(m.start, m.end) for m in matches})


def _rendered_otherwise(view: PairView, ctx: Context, term: Term, spans) -> bool:
    """Whether the target renders the term in a way the exact rules leave to others: a
    coordination (special and filtration camps), the Cyrillic words kept in an English
    target (untranslated's business), a name in a variant spelling (name-spelling's), the
    approved word itself in another reading, or a place by its adjective."""
    if ctx.source_lang == "ru":
        if "folded" not in view.memo:
            view.memo["folded"] = fold(view.tgt_text)
        if any(fold(view.source[a:b]) in view.memo["folded"] for a, b in spans):
            return True
    if _kept_as_code(view, spans):
        return True
    if term.match_mode() == EXACT:
        return False  # only the listed forms render it
    words = _target_words(view)
    if any(text.loose_find(view.tgt_text, words, keys) for keys in _approved_keys(ctx, term)):
        return True
    if _same_word(words, term.approved(ctx.target_lang)):
        return True
    if ctx.target_lang == "ru" and other_aspect([t.norm for t, _ in words], term.approved("ru")):
        return True  # выбирает for выбрать: the same verb
    if is_proper(term.kind) and any(of_place(tok.norm, form) for tok, _ in words
                                    for form in term.approved(ctx.target_lang)
                                    if " " not in form.strip()):
        return True  # the Italian government: Italy rendered by its adjective
    return term.kind == "name" and term.id in name_variants(view, ctx)


def _kept_as_code(view: PairView, spans) -> bool:
    """Whether the target writes the source's very words as a literal of their own
    (UUID → ``UUID``): the name kept as code, not a term left out. A literal the source
    has too is its twin, not a rendering."""
    kept = _literals(view.target, view.tgt_masked) - _literals(view.source, view.src_masked)
    return any(kept[view.source[a:b].casefold()] > 0 for a, b in spans)


def _literals(text: str, masked) -> Counter[str]:
    return Counter(text[s.start:s.end].strip("`'\"* ").casefold()
                   for s in masked.spans if s.kind == "code")


def _same_word(words, forms: tuple[str, ...]) -> bool:
    """Whether the target has a one-word approved form spelt as listed (any case), whatever
    reading the plausibility checks gave it: "to check the temperature" renders the noun
    check, in the verb that is the same English word; no other part of speech to report."""
    heads = {f.strip().casefold() for f in forms if f.strip() and " " not in f.strip()}
    return bool(heads) and any(tok.norm.casefold() in heads for tok, _ in words)


# Letters a word must share with a root's start to be worth analysing (a speed-up only: the
# decision is family.py's).
_ROOT_START = 3


def _derived_in_target(view: PairView, ctx: Context, term: Term
                       ) -> tuple[tuple[int, int], str] | None:
    """A target word (its span, and the glossary word) that renders a one-word term by a word
    of its derivational family in another part of speech: "check your translation" →
    «проверь перевод» for проверка (see family.py). A word that is itself another term's
    match (спецпоселение for спецпоселенец) is not one: it is matched anyway."""
    if term.match_mode() == EXACT:
        return None
    heads = [f.strip() for f in term.approved(ctx.target_lang) if " " not in f.strip()]
    if not heads:
        return None
    for tok, keys in _target_words(view):
        for head in heads:
            if not keys.isdisjoint(text.head_keys(head)) and not _covered(view, tok.start):
                return (tok.start, tok.end), head  # the word itself, dropped as another part of speech
    for head in heads:
        mine = family(head)
        # only words holding the start of a root (behind a prefix, maybe) can be of its
        # family: the rest need no parse
        starts = {root[:_ROOT_START] for root, _ in mine}
        for tok, _keys in _target_words(view):
            word = tok.norm.lower().replace("ё", "е")
            if not starts or not any(s in word for s in starts) or _covered(view, tok.start):
                continue
            if kin(tok.norm, head):
                return (tok.start, tok.end), head
    return None


def _covered(view: PairView, offset: int) -> bool:
    """Whether a target offset lies inside a glossary form found there."""
    if "covered" not in view.memo:
        view.memo["covered"] = sorted((m.start, m.end) for m in view.tgt_matches)
    covered = view.memo["covered"]
    k = bisect_right(covered, (offset, float("inf"))) - 1
    return k >= 0 and covered[k][0] <= offset < covered[k][1]


def _plainly_dropped(view: PairView, ctx: Context, term: Term, spans) -> tuple[int, int] | None:
    """The source span whose sentence's counterpart lacks any trace of the term, when both
    sides split into the same number of sentences; else None (we cannot tell)."""
    src_sents = text.sentences(view.src_text)
    tgt_sents = text.sentences(view.tgt_text)
    if len(src_sents) < 2 or len(src_sents) != len(tgt_sents):
        return None
    words = _target_words(view)
    approved = view.approved.get(term.id, ())
    anaphors = _RU_ANAPHORS if ctx.target_lang == "ru" else _EN_ANAPHORS
    trace = {k for keys in _approved_keys(ctx, term) for ks in keys for k in ks if len(k) > 3}
    for (a, b), (ta, tb) in zip(src_sents, tgt_sents):
        here = [s for s in spans if a <= s[0] < b]
        if not here:
            continue
        if any(ta <= m.start < tb for m in approved):
            continue
        in_sentence = [(t, k) for t, k in words if ta <= t.start < tb]
        if any(not k.isdisjoint(trace) for _, k in in_sentence):
            continue
        if any(_is_anaphor(t.norm.lower(), anaphors, ctx.target_lang) for t, _ in in_sentence):
            continue
        return here[0]
    return None


def _is_anaphor(word: str, anaphors: frozenset[str], lang: str) -> bool:
    if word in anaphors:
        return True
    return lang == "ru" and not morph.lemmas(word).isdisjoint(anaphors)


def _target_words(view: PairView):
    if "words" not in view.memo:
        view.memo["words"] = text.words(view.tgt_text)
    return view.memo["words"]


def _approved_keys(ctx: Context, term: Term) -> list[list[frozenset[str]]]:
    cache = ctx.state.setdefault("_approved_keys", {})
    if term.id not in cache:
        cache[term.id] = [text.form_keys(f) for f in term.approved(ctx.target_lang)]
    return cache[term.id]


def _quote_list(forms) -> str:
    return " or ".join(f"«{f}»" for f in forms)
