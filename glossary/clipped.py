"""Clipped compounds (сложносокращённые слова): спецлагерь for специальный лагерь.

Russian shortens an «adjective + noun» phrase into one word by keeping the first syllable(s)
of the adjective and, usually, the whole head noun, which goes on inflecting: специальный
лагерь → спецлагерь (в спецлагерях), пограничные войска → погранвойска, государственная
проверка → госпроверка, заградительный отряд → заградотряд. A few heads are clipped too, and
only with certain adjectives: штрафной батальон → штрафбат, политический руководитель →
политрук, военный комиссариат → военкомат.

Only these patterns, from a table of the clips Soviet and modern Russian actually use, are
generated: a clip is a word-formation fact, not a letter count, so «спецпоселенец» (a
special settler) is never made from «специальное поселение» (a special settlement): that
gives «спецпоселение», a different word. An adjective whose clip combines with a few heads
only (военный: военкомат, воентрибунал, but not «военпреступление») lists them. Forms made
here match by lemma like any other (pymorphy3 guesses the lemma of a clipped word it does
not know from its head noun's ending).
"""
from __future__ import annotations

from functools import lru_cache

from pymorphy3.analyzer import Parse

from . import morph
from .ru import HARD_MASCULINE_ENDINGS
from .tokens import tokenize

# Adjective lemma → (its clips, the head lemmas it combines with; None: any noun).
ADJECTIVES: dict[str, tuple[tuple[str, ...], frozenset[str] | None]] = {
    "специальный": (("спец",), None),
    "государственный": (("гос",), None),
    "пограничный": (("погран",), None),
    "политический": (("полит",), None),
    "штрафной": (("штраф",), frozenset({"батальон", "рота"})),
    "фильтрационный": (("фильтр",), frozenset({"лагерь", "пункт"})),
    "концентрационный": (("конц",), frozenset({"лагерь"})),
    "заградительный": (("заград",), frozenset({"отряд"})),
    "строительный": (("строй",), frozenset({"батальон"})),
    "лагерный": (("лаг",), frozenset({"пункт", "отделение"})),
    "трудовой": (("труд",), frozenset({"армия", "колония"})),
    "особый": (("особ",), frozenset({"отдел"})),
    "оперативный": (("опер",), frozenset({"группа", "отдел", "пункт", "сводка"})),
    "разведывательный": (("развед",), frozenset({"группа", "отряд", "рота", "взвод", "отдел",
                                                 "батальон", "сводка"})),
    "военный": (("воен",), frozenset({"комиссар", "комиссариат", "трибунал", "руководитель",
                                      "врач", "корреспондент", "совет"})),
    "народный": (("нар",), frozenset({"комиссар", "комиссариат"})),
    "партийный": (("парт",), frozenset({"комитет", "организация", "собрание", "билет"})),
    "районный": (("рай",), frozenset({"комитет", "совет"})),
    "городской": (("гор",), frozenset({"комитет", "совет"})),
    "областной": (("об", "обл"), frozenset({"комитет", "совет"})),
    "генеральный": (("ген",), frozenset({"штаб", "секретарь"})),
    "санитарный": (("сан",), frozenset({"часть"})),
    "медицинский": (("мед",), frozenset({"часть", "пункт"})),
    "хозяйственный": (("хоз",), frozenset({"часть"})),
    "исполнительный": (("испол",), frozenset({"комитет"})),
}

# Head lemma → (its clip, the adjective clips it is clipped after). With other adjectives the
# head stays whole (специальный батальон → спецбатальон, but штрафной батальон → штрафбат).
HEADS: dict[str, tuple[str, frozenset[str]]] = {
    "батальон": ("бат", frozenset({"штраф", "строй"})),
    "руководитель": ("рук", frozenset({"полит", "воен"})),
    "комиссар": ("ком", frozenset({"воен", "нар"})),
    "комиссариат": ("комат", frozenset({"воен", "нар"})),
    "комитет": ("ком", frozenset({"парт", "рай", "гор", "об", "испол"})),
    "секретарь": ("сек", frozenset({"ген"})),
}
# What every form of a tabled adjective starts with (специальн-ый/-ого…): a word that does
# not is never parsed, which keeps building a matcher for a large glossary cheap.
_STEMS = tuple(lemma[:-2] for lemma in ADJECTIVES)
# Pairs whose real clip takes another shape than the rules give: облком is not said (обком
# is), обсовет is not (облсовет is).
_NOT_SAID = frozenset({("обл", "комитет"), ("об", "совет")})


def clipped_forms(phrase: str) -> list[str]:
    """The usual clipped forms of a Russian phrase, each with the rest of the phrase kept.

    Every adjective + noun pair whose adjective has a clip is joined into one word; the noun
    keeps the case and number it has in the phrase.

    >>> clipped_forms("специальный лагерь НКВД"), clipped_forms("штрафной батальон")
    (['спецлагерь НКВД'], ['штрафбат'])
    >>> clipped_forms("орган государственной безопасности")
    ['орган госбезопасности']
    >>> clipped_forms("Народный комиссариат внутренних дел")
    ['Наркомат внутренних дел']
    >>> clipped_forms("специальный поселенец"), clipped_forms("военное преступление")
    (['спецпоселенец'], [])
    """
    return list(_clipped(phrase))


@lru_cache(maxsize=20_000)
def _clipped(phrase: str) -> tuple[str, ...]:
    tokens = tokenize(phrase)
    out: list[str] = []
    for i in range(len(tokens) - 1):
        adj, noun = tokens[i], tokens[i + 1]
        if not (adj.is_word and noun.is_word) or noun.joined or (i + 2 < len(tokens)
                                                                  and tokens[i + 2].joined):
            continue
        if (i > 0 and adj.joined) or not adj.norm.lower().startswith(_STEMS):
            continue  # the second half of a hyphenated adjective (медико-санитарный)
        for word in _joined(adj.norm, noun.norm):
            if adj.norm[:1].isupper():
                word = word[:1].upper() + word[1:]
            out.append(phrase[:adj.start] + word + phrase[noun.end:])
    # A phrase with two clippable pairs has them clipped one at a time and both at once
    # (Наркомат государственной безопасности, Наркомат госбезопасности).
    out += [twice for once in out for twice in _clipped(once)]
    return tuple(dict.fromkeys(out))


def _joined(adjective: str, noun: str) -> list[str]:
    """The one-word forms of an adjective and the noun it agrees with (noun as written)."""
    pair = _agreeing(adjective.lower(), noun.lower())
    if pair is None:
        return []
    adj, head = pair
    clips, heads = ADJECTIVES[adj.normal_form.replace("ё", "е")]
    lemma = head.normal_form.replace("ё", "е")
    if heads is not None and lemma not in heads:
        return []
    words = []
    for clip in clips:
        if (clip, lemma) in _NOT_SAID:
            continue
        short, after = HEADS.get(lemma, ("", frozenset()))
        # A clipped head is a hard-stem masculine noun of its own: штрафбата, политрука.
        words.append(clip + short + HARD_MASCULINE_ENDINGS[_grammar(head)] if clip in after
                     else clip + noun.lower())
    return words


def _agreeing(adjective: str, noun: str) -> tuple[Parse, Parse] | None:
    """(adjective parse, noun parse) of a tabled adjective agreeing with a noun, or None."""
    for adj in morph.parse(adjective):
        if adj.tag.POS != "ADJF" or adj.normal_form.replace("ё", "е") not in ADJECTIVES:
            continue
        for head in morph.parse(noun):
            if head.tag.POS == "NOUN" and adj.tag.case == head.tag.case \
                    and adj.tag.number == head.tag.number \
                    and (head.tag.number == "plur" or adj.tag.gender == head.tag.gender
                         or "Ms-f" in head.tag):
                return adj, head
    return None


def _grammar(head: Parse) -> tuple[str, str]:
    """Case and number of a head noun, as the row of HARD_MASCULINE_ENDINGS its clip takes."""
    case, number = head.tag.case or "nomn", head.tag.number or "sing"
    case = {"gen2": "gent", "loc2": "loct", "acc2": "accs"}.get(case, case)
    if case == "accs":
        case = "gent" if head.tag.animacy == "anim" else "nomn"
    return case, number
