"""Fuzzy search and concordance over the lemma index; no scan of every unit per query.

Search, in three steps:

1. **Retrieve.** A unit scoring at least θ lacks query words weighing at most
   (1 − θ) × weight(query) (fuzzy.py). So it must contain at least one of any set of query
   tokens weighing more than that: we read the postings of the *rarest* such set only (by
   the keys' document frequency), and only units whose weight lies in
   [θ × weight(query), weight(query) ÷ θ] (a key's postings list is grouped by weight, so
   this is one slice of it: postings.py). Postings are keyed by every lemma/stem of a word,
   so an inflected query finds its unit whatever form either side uses; no unit able to
   reach θ is missed (a test checks this against scoring every unit). Query words the TM has seen take their keys from the
   `forms` table, so pymorphy3 runs only on new forms.
2. **Shortlist in C.** Each unit stores a code string, one character per word or number:
   its most probable lemma's key. `str.translate` maps the characters of every key of a
   query word onto that word's character, and rapidfuzz ranks all candidates by Indel
   similarity of these strings; the best `limit + MARGIN` go on.
3. **Score exactly** with fuzzy.Scorer (tokens rebuilt from the stored layout, no
   tokenising) and keep those ≥ θ; the differences are worked out for the shown ones only.
   Here a unit's word is the query's word when its most probable lemma is one of the query
   word's lemmas.

The shortlist is the one approximation: a unit ranked below `limit + MARGIN` by word
sequence is not scored. In the benchmark (bench/tm_bench.py) the first matches are the same
with a margin of 0 or 20.
"""
from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Indel

from glossary.errors import GlossaryError
from glossary.keys import is_short_caps, word_keys
from glossary.langtags import primary
from glossary.normalize import script

from . import postings
from .analysis import (FRESH_CODES, NUMBER, PUNCT, TAG, WORD, TmToken, analyse, code_char,
                       from_layout, keyed_tokens, shape, weight, with_keys)
from .fuzzy import Scorer, compare
from .model import ConcordanceHit, FuzzyMatch
from .pairs import NO_WORDS, weight_code
from .schema import UNIT_COLUMNS, Store, in_values, lang_filter, unit_from_row
from .writer import SOURCE, TARGET

# How many shortlisted candidates are scored exactly: the limit plus this many.
MARGIN = 5
_EPS = 1e-6


def search(tm: Store, text: str, *, min_score: int = 75, limit: int = 5,
           source_lang: str | None = None, target_lang: str | None = None) -> list[FuzzyMatch]:
    """Units matching `text` with a score ≥ `min_score`, best first, in either direction.

    A unit's source is matched as the steps above say; its target too (the TM serves both
    directions: an English→Russian unit answers a Russian query), scored exactly on its
    text, and such a match carries the unit turned round (`Unit.turned`), so that the
    match's source is always the side that matched. `source_lang`/`target_lang` are the
    query's language and the wanted translation's; without them the target side is searched
    in the query's script only (Cyrillic → ru, Latin → en). Equal scores: newest first.
    """
    if not 1 <= min_score <= 100:
        raise GlossaryError(f"the minimum score must be 1–100, not {min_score}")
    if limit < 1:
        raise GlossaryError(f"the limit must be at least 1, not {limit}")
    query = _query(tm, text)
    tokens = _distinct(query)
    query_lang = source_lang or script(text)
    # The query's keys on each side searched, in one look-up.
    known = tm.sides_key_ids({k for t in tokens for k in t.keys} or {NO_WORDS},
                             (SOURCE, TARGET) if query_lang else (SOURCE,))
    matches = _source_matches(tm, text, query, tokens, known[0], min_score, limit,
                              source_lang, target_lang)
    if query_lang:
        matches += _target_matches(tm, text, query, tokens, known[1], min_score, query_lang,
                                   target_lang)
    matches.sort(key=lambda m: (m.score, m.unit.changed, m.unit.id), reverse=True)
    return matches[:limit]


def _target_matches(tm: Store, text: str, query: tuple[TmToken, ...],
                    tokens: list[TmToken], known: dict[str, tuple[int, int]], min_score: int,
                    query_lang: str, wanted: str | None) -> list[FuzzyMatch]:
    """Units whose target (in the query's language) matches, turned round. No shortlist:
    the target side has no code strings, and the pigeonhole bound keeps candidates few.
    `known`: the query's keys the target side knows (id, df)."""
    ids = _candidates(tm, query, tokens, known, min_score / 100, wanted, query_lang,
                      side=TARGET)
    found = []
    for unit in tm.get(ids).values():
        value, diff = compare(query, text, analyse(unit.target), unit.target)
        if value >= min_score:
            found.append(FuzzyMatch(value, unit.turned(), diff))
    return found


def _source_matches(tm: Store, text: str, query: tuple[TmToken, ...],
                    tokens: list[TmToken], known: dict[str, tuple[int, int]], min_score: int,
                    limit: int, source_lang: str | None, target_lang: str | None
                    ) -> list[FuzzyMatch]:
    """Units whose source matches: steps 1 to 3 of the module docstring. `known`: the
    query's keys the source side knows (id, df)."""
    candidates = _candidates(tm, query, tokens, known, min_score / 100, source_lang, target_lang)
    if not candidates:
        return []
    coded = _coded(query, known)
    matches = []
    tokens_of: dict[int, tuple[TmToken, ...] | None] = {}
    scorer = Scorer(coded, text)
    shortlist = _shortlist(coded, candidates, limit + MARGIN)
    # The shortlisted rows in one statement; a Unit is made (its JSON fields read) only of
    # those scoring θ, a few of them.
    in_shortlist, args = in_values(tm.db, shortlist)
    rows = tm.db.execute(f"SELECT c.layout, units.weight, {UNIT_COLUMNS} FROM units JOIN codes c "
                         f"ON c.unit_id = units.id WHERE units.id {in_shortlist}", args)
    for packed, unit_weight, *row in rows.fetchall():
        unit_id, source = row[0], row[1]
        codes = candidates[unit_id]
        # Most shortlisted units lack query words enough to be told from their text and
        # code string (Scorer.beyond), where the tokens would be rebuilt as they stand.
        if keyed_tokens(packed) == len(codes) and scorer.beyond(source, codes, unit_weight,
                                                                 min_score):
            continue
        unit_tokens = from_layout(source, packed, codes)
        if unit_tokens is None:  # stored by another version: compare by keys instead
            value, diff = compare(query, text, analyse(source), source)
        else:
            value, diff = scorer.compare(unit_tokens, source, differences=False,
                                         at_least=min_score)
        if value >= min_score:
            matches.append(FuzzyMatch(value, unit_from_row(row), diff))
            tokens_of[unit_id] = unit_tokens
    matches.sort(key=lambda m: (m.score, m.unit.changed, m.unit.id), reverse=True)
    # The differences, for the matches shown only.
    shown = []
    for m in matches[:limit]:
        unit_tokens = tokens_of[m.unit.id]
        shown.append(m if unit_tokens is None else
                     FuzzyMatch(m.score, m.unit, scorer.compare(unit_tokens, m.unit.source)[1]))
    return shown


def _coded(query: tuple[TmToken, ...], known: dict[str, tuple[int, int]]
           ) -> tuple[TmToken, ...]:
    """The query with each word's keys as code characters, the way units store their words."""
    return tuple(TmToken(t.text, t.start, t.end, t.kind, t.norm,
                         frozenset(code_char(known[k][0]) for k in t.keys if k in known), t.form)
                 if t.keys else t for t in query)


def _query(tm: Store, text: str) -> tuple[TmToken, ...]:
    """The query analysed, taking the keys of forms the TM has seen from the TM."""
    tokens = shape(text)
    stored = tm.form_keys({t.form for t in tokens if t.kind == WORD})
    return with_keys(tokens, lambda form: stored.get(form) or word_keys(form))


def _distinct(tokens) -> list[TmToken]:
    seen, out = set(), []
    for t in tokens:
        if t.keys and (t.kind, t.norm) not in seen:
            seen.add((t.kind, t.norm))
            out.append(t)
    return out


def _candidates(tm: Store, query: tuple[TmToken, ...], tokens: list[TmToken],
                known: dict[str, tuple[int, int]], theta: float, source_lang: str | None,
                target_lang: str | None, *, side: int = SOURCE) -> dict[int, str]:
    """{unit id: code string} of every unit whose `side` can reach θ (step 1); the target
    side has no code strings ('')."""
    if not tokens:
        # Nothing but punctuation and tags: the units that have no words either (a unit
        # with a word would lose a whole word's cost against so light a query).
        tokens = [TmToken("", 0, 0, TAG, "", frozenset({NO_WORDS}))]
    rated = []
    for t in tokens:
        ids = [known[k][0] for k in t.keys if k in known]
        rated.append((sum(known[k][1] for k in t.keys if k in known), t.norm, t.weight, ids))
    rated.sort()
    total = weight(query)
    budget = (1 - theta) * total
    key_ids: set[int] = set()
    covered = 0.0
    for _df, _norm, w, ids in rated:
        key_ids.update(ids)
        covered += w
        if covered > budget + _EPS:
            break
    if not key_ids:
        return {}
    low, high = weight_code(theta * total - _EPS), weight_code(total / theta + _EPS)
    found_ids = list(postings.units(tm.postings_lists(key_ids), low, high))
    where, args = lang_filter(source_lang, target_lang, "u.")
    if not where:
        return tm.code_strings(found_ids) if side == SOURCE else dict.fromkeys(found_ids, "")
    # One parameter an id when they are few (most queries: a median of 32 candidates).
    in_ids, id_args = in_values(tm.db, found_ids, taken=len(args))
    if side == SOURCE:
        sql = f"SELECT c.unit_id, c.codes FROM codes c JOIN units u ON u.id = c.unit_id " \
              f"WHERE c.unit_id {in_ids}"
    else:
        sql = f"SELECT u.id, '' FROM units u WHERE u.id {in_ids}"
    sql += where.replace(" WHERE ", " AND ")
    found = dict(tm.db.execute(sql, [*id_args, *args]).fetchall())
    return {unit_id: found[unit_id] for unit_id in found_ids if unit_id in found}


def _shortlist(query: tuple[TmToken, ...], candidates: dict[int, str], size: int) -> list[int]:
    """The ids of the `size` candidates whose word sequence is nearest the query's (step 2)."""
    if len(candidates) <= size:
        return list(candidates)
    table: dict[str, str] = {}
    chars = []
    own: dict[tuple[str, str], str] = {}
    for n, t in enumerate(t for t in query if t.kind in (WORD, NUMBER)):
        char = own.get((t.kind, t.norm))
        if char is None:
            codes = sorted(t.keys)
            char = own[(t.kind, t.norm)] = codes[0] if codes else chr(FRESH_CODES + n % 256)
            for code in codes:
                table.setdefault(code, char)
        chars.append(char)
    wanted = "".join(chars)
    # Every candidate's string mapped at once (a query has ~80 candidates; code characters
    # start at U+0021, analysis.code_char, so a space never occurs in them), by a replace a
    # mapped character: str.translate looks up every character, most of them in vain, and
    # took four times as long. In ascending order the replaces translate: a character maps
    # onto one no greater (the least key of the first word holding it), so what one replace
    # writes is never replaced again.
    joined = " ".join(candidates.values())
    for code in sorted(table):
        if table[code] != code:
            joined = joined.replace(code, table[code])
    choices = dict(zip(candidates, joined.split(" ")))
    best = process.extract(wanted, choices, scorer=Indel.normalized_similarity, limit=size)
    return [unit_id for _codes, _score, unit_id in best]


def concordance(tm: Store, phrase: str, lang: str | None = None, *,
                limit: int | None = None) -> list[ConcordanceHit]:
    """Units holding `phrase` (its words in a row, any inflected form), newest first.

    `lang` picks the side in that language; by default the phrase's script decides
    (Cyrillic → ru, Latin → en), and a phrase of digits only looks on both sides.
    """
    words = [t for t in analyse(phrase) if t.keys]
    if not words:
        raise GlossaryError(f"nothing to look for in {phrase!r}: it has no words or numbers")
    wanted = [frozenset({"^" + t.text}) if t.kind == WORD and is_short_caps(t.text) else t.keys
              for t in words]
    lang = lang or script(phrase)
    found: dict[int, set[int]] = {}
    for side in (SOURCE, TARGET):
        for unit_id in _containing(tm, side, wanted):
            found.setdefault(unit_id, set()).add(side)
    hits = []
    for unit in tm.get(found).values():
        spans = {}
        for side in found[unit.id]:
            side_lang = unit.source_lang if side == SOURCE else unit.target_lang
            if lang and primary(side_lang) != primary(lang):
                continue
            text = unit.source if side == SOURCE else unit.target
            spans[side] = _find(analyse(text), wanted)
        if any(spans.values()):
            hits.append(ConcordanceHit(unit, tuple(spans.get(SOURCE, ())), tuple(spans.get(TARGET, ()))))
    hits.sort(key=lambda h: (h.unit.changed, h.unit.id), reverse=True)
    return hits[:limit] if limit else hits


def _containing(tm: Store, side: int, wanted: list[frozenset[str]]) -> set[int]:
    """Units whose side has a form of every word (in any order: _find checks the order)."""
    known = tm.key_ids(side, {k for keys in wanted for k in keys})
    groups = sorted(([known[k] for k in keys if k in known] for keys in wanted),
                    key=lambda g: sum(df for _id, df in g))
    result: set[int] | None = None
    for group in groups:
        if not group:
            return set()
        units = set(postings.units(tm.postings_lists(key_id for key_id, _df in group)))
        result = units if result is None else result & units
        if not result:
            return set()
    return result or set()


def _find(tokens: tuple[TmToken, ...], wanted: list[frozenset[str]]) -> list[tuple[int, int]]:
    """Spans where the wanted words stand in a row (tags between them ignored)."""
    seq = [t for t in tokens if t.kind != TAG]
    spans = []
    n = len(wanted)
    for i in range(len(seq) - n + 1):
        window = seq[i:i + n]
        if all(t.kind != PUNCT and t.keys & keys for t, keys in zip(window, wanted)):
            spans.append((window[0].start, window[-1].end))
    return spans
