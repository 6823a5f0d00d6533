"""What the index takes of a pair (tm.pairs.analyse_pair) is what the pair's tokens say.

analyse_pair walks the tokeniser's matches without making tokens; here the same data is
worked out from `analysis.analyse`'s tokens, the way the index was defined, on real texts
of every kind the TM imports and on crafted ones (tags, accelerators, names with Russian
endings, numbers, stress marks, hyphens, punctuation only).
"""
from __future__ import annotations

from array import array

import polib
import pytest

from tm.analysis import KIND_CODES, NUMBER, PUNCT, WEIGHTS, WORD, analyse, canonical_key, weight
from tm.pairs import KEY_SEPARATOR, NO_WORDS, analyse_pair, weight_code

from .paths import DATA, needs_data

CRAFTED = [
    ("Войска НКВД, 1941.", "NKVD troops, 1941."),
    ("Удалить %(name)s из <b>2</b> групп?", "Remove %(name)s from <b>2</b> groups?"),
    ('a<ph x="1">&lt;br/&gt;</ph>b', "a b"),
    ("Платё_ж &File _Сохранить", "Pay&ment _Save"),
    ("Tarantool’ом и memtx'е, vinylʼом", "People's battalions' men"),
    ("Ёлки-палки, 2-й год — заградотря\u0301ды", "co-operate -x -- --help"),
    ("ГКО и СС", "POWs, SS's and the US"),
    ("…", "%s:"),
    ("½ ² ³ ٣ 3 648", "Σίσυφος ΣΟΦΟΣ"),
    ("См. box.cfg{listen = 3301} и https://example.com/a-b", "See box.cfg at https://example.com"),
    ("", "-"),
]


def expected(source: str, target: str) -> tuple:
    """analyse_pair's answer (and the keys it files) worked out from the tokens."""
    sides, code_keys, layout, forms, keyed = [], [], [], [], {}
    for side, text in enumerate((source, target)):
        tokens = analyse(text)
        keys = {k for t in tokens if t.kind in (WORD, NUMBER) for k in t.keys}
        sides.append((weight_code(weight(tokens)), sorted(keys or {NO_WORDS})))
        for t in tokens:
            if t.kind == WORD:
                forms.append(t.form)
                keyed.setdefault(t.form, KEY_SEPARATOR.join(sorted(t.keys)))
            if side == 0:
                layout += [t.start, t.end * 4 + KIND_CODES[t.kind]]
                if t.kind == WORD and t.keys:
                    code_keys.append(canonical_key(t.form))
                elif t.kind == NUMBER:
                    code_keys.append(t.norm)
    return (weight(analyse(source)), code_keys, array("I", layout).tobytes(), sides, forms), keyed


def check(pairs: list[tuple[str, str]]) -> None:
    for source, target in pairs:
        keyed: dict[str, str] = {}
        found = analyse_pair(source, target, keyed)
        assert (found, keyed) == expected(source, target), (source, target)


def test_crafted_pairs():
    check(CRAFTED)
    assert analyse_pair("…", "%s:")[3] == [(2, [NO_WORDS]), (weight_code(WEIGHTS[NUMBER]
                                                                      + WEIGHTS[PUNCT]), [NO_WORDS])]


def test_a_form_met_before_is_not_sent_again():
    keyed = {"Войска": "already"}
    forms = analyse_pair("Войска шли, войска стояли.", "Troops", keyed)[4]
    assert forms == ["Войска", "шли", "войска", "стояли", "Troops"]
    assert keyed["Войска"] == "already" and set(keyed) == set(forms)
    assert keyed["войска"] == KEY_SEPARATOR.join(["войска", "войско"])


@needs_data
def test_real_texts():
    """Tatoeba sentences (numbers, quotes, names) and software catalogues (placeholders,
    tags, accelerators, URLs) — the texts the guard's imports read."""
    tatoeba = DATA / "tatoeba-en-ru"
    rus = (tatoeba / "tatoeba-test-v2021-08-07.rus").read_text(encoding="utf-8").splitlines()
    eng = (tatoeba / "tatoeba-test-v2021-08-07.eng").read_text(encoding="utf-8").splitlines()
    pairs = list(zip(rus[::7], eng[::7]))
    for po in sorted((DATA / "django-ru").glob("*.po")):
        pairs += [(e.msgstr, e.msgid) for e in polib.pofile(str(po)) if e.msgid]
    assert len(pairs) > 3000
    check(pairs)


@pytest.mark.parametrize("text", ["Войска", "", "1941", "<b>", "Tarantool’а"])
def test_a_side_alone(text):
    check([(text, text)])
