"""The shipped terms.tsv: valid, true to the source texts, and every form of every term found."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest
from paths import SOURCES, needs_sources

from glossary import Matcher, load, morph
from glossary.lookup import Lookup
from glossary.ru import CYRILLIC, is_ordinal_ending
from glossary.textio import read_text
from glossary.tokens import tokenize
from glossary.validate import problems
from glossary.variants import english_forms, paradigm

# Real words that OpenCorpora (pymorphy3's dictionary) lacks: Soviet-era and loan words.
NOT_IN_DICTIONARY = {"окруженец", "спецпоселенец", "спецпереселенец", "бригадефюрер", "трудармия",
                     "офлаг", "дулаг", "хиви", "шуцманшафт", "айнзацгруппа", "антипартизанская",
                     "антипартизанские"}
PROPER_KINDS = {"name", "place", "organisation", "event"}
# Kinds holding both types and named instances: a capitalised word there is a proper name
# (Путивльский партизанский отряд, «Железняк»).
NAMED_KINDS = {"unit", "document", "award", "camp"}
# Capitals inside a word that are not lost spaces: БелЭн is the Belarusian Encyclopedia's
# imprint in a Belarusian reference (002), not a glossary phrase.
NOT_RUN_TOGETHER = {"БелЭн"}
# Forms that are, far more often, another word: matching them would flag ordinary text.
# (pymorphy3 reads «тому» as a case of «тот» 99.7% of the time: «много лет тому назад».)
KNOWN_AMBIGUOUS = {("abbr-t", "тому")}


@pytest.fixture(scope="module")
def shipped():
    return load()


@pytest.fixture(scope="module")
def finder(shipped):
    return Lookup(shipped)


def test_validates_and_is_large_enough(shipped):
    assert problems(shipped) == []
    assert len(shipped) >= 200


def test_every_russian_word_is_a_real_form(shipped):
    unknown = []
    for term in shipped:
        for form in (*term.approved("ru"), *term.ru_forbidden):
            tokens = tokenize(form)
            for k, tok in enumerate(tokens):
                word = tok.norm
                if not tok.is_word or not CYRILLIC.search(word):
                    continue
                if word.isupper() or term.kind in PROPER_KINDS or word.lower() in NOT_IN_DICTIONARY:
                    continue
                if word[:1].isupper() and term.kind in NAMED_KINDS:
                    continue
                if tok.joined and is_ordinal_ending(tokens[k - 1].norm, word):
                    continue   # 1-й, 2-я: an ordinal in figures
                if k + 1 < len(tokens) and tokens[k + 1].joined and word.endswith("о"):
                    continue   # the first half of a compound adjective: немецко-фашистский
                if re.fullmatch(r"\d+[а-я]+", word):
                    continue   # a document number with its secrecy grade: 1069сс, 0078/42сс
                if not morph.is_known(word.lower()):
                    unknown.append((term.id, word))
    assert unknown == []


@needs_sources
def test_terms_occur_in_their_source_files(shipped):
    """A term's `source` names the files where it occurs: in English, or in the Russian the
    sources keep (bibliographies, archive references, the run-together tag of 000)."""
    matcher = Matcher(shipped)
    found = defaultdict(set)
    for path in SOURCES.glob("*.txt"):
        text = read_text(path)
        for lang in ("en", "ru"):
            for m in matcher.find(text, lang, longest=False):
                found[path.name].add(m.term_id)
    missing = [(t.id, f) for t in shipped for f in t.source if t.id not in found[f]]
    assert missing == []


@needs_sources
def test_run_together_strings_in_the_sources_resolve(finder):
    glued = set()
    for path in SOURCES.glob("*.txt"):
        for word in re.findall(r"[А-ЯЁа-яё]+", read_text(path)):
            if re.search(r"[а-яё][А-ЯЁ]", word) and not morph.is_known(word.lower()):
                glued.add(word)
    assert "ВойскаНКВДпоохранетыла" in glued
    for word in glued - NOT_RUN_TOGETHER:
        hits = finder.find(word)
        assert hits and hits[0].matched == "run-together", word


def test_every_russian_form_resolves_to_its_own_concept(shipped, finder):
    wrong = []
    for term in shipped:
        for form in term.approved("ru"):
            for text in [f.text for f in paradigm(form, term.kind)] or [form]:
                ids = [h.term.id for h in finder.find(text)]
                if ids != [term.id] and (term.id, text) not in KNOWN_AMBIGUOUS:
                    wrong.append((term.id, text, ids))
    assert wrong == []


def test_every_english_form_resolves_to_its_own_concept(shipped, finder):
    wrong = []
    for term in shipped:
        for form in term.approved("en"):
            for text in english_forms(form, term.kind):
                ids = [h.term.id for h in finder.find(text)]
                if ids != [term.id]:
                    wrong.append((term.id, text, ids))
    assert wrong == []


# Matches in a source that are another word, reviewed by hand: not the term's occurrences.
NOT_OCCURRENCES = {
    ("allies", "000"),        # 'the US (and her allies)': not the wartime Allies
    ("certificate", "000"),   # the heading 'References'
    ("certificate", "002"),
    ("company", "001"),       # 'a worthy company there for Solzhenitsyn'
    ("convict", "001"),       # the verb 'convicted', not the noun
    ("convict", "002"),
    ("conviction", "003"),    # 'anti-war conviction' = убеждение
    ("exile", "002"),         # 'the government in exile' (government-in-exile)
    ("abbr-no", "002"),       # '#' in wiki link anchors
    ("fond", "002"),          # initials: 'F .', 'D.'
    ("delo", "002"),
}


@needs_sources
def test_source_names_every_file_the_term_occurs_in(shipped):
    """The other way round: where a term is found in a source text, `source` says so."""
    matcher = Matcher(shipped)
    terms = shipped.by_id()
    missing = set()
    for path in SOURCES.glob("*.txt"):
        text = read_text(path)
        for lang in ("en", "ru"):
            for m in matcher.find(text, lang):
                if path.name not in terms[m.term_id].source:
                    missing.add((m.term_id, path.name[:3]))
    assert missing - NOT_OCCURRENCES == set()


# The terms a translator of the four sources needs, by the forms the sources and ordinary
# Russian use: inflected, clipped, abbreviated, transliterated, as written in documents.
SOURCE_TERMS = [
    # 000: rear-protection troops
    ("войсками НКВД по охране тыла", "nkvd-rear-protection-troops"),
    ("ВойскаНКВДпоохранетыла", "nkvd-rear-protection-troops"),
    ("в погранвойсках", "border-troops"),                          # clipped
    ("пограничных войск", "border-troops"),
    ("конвойными войсками", "escort-troops"),
    ("приказом НКВД № 00805", "nkvd-order-00805"),
    ("генерал-лейтенанта Масленникова", "lieutenant-general"),
    ("Масленникова", "maslennikov"),
    ("Ни шагу назад", "order-227"),
    ("лесных братьев", "forest-brothers"),
    ("Армии Крайовой", "home-army"),
    ("бандитизмом", "banditry"),
    # 001: POWs, filtration, special camps
    ("в спецлагерях", "special-camp"),                             # clipped
    ("специальных лагерях НКВД", "special-camp"),
    ("фильтрлагеря", "filtration-camp"),                           # clipped
    ("фильтрационных лагерей", "filtration-camp"),
    ("ПФЛ № 048", "pfl-048"),
    ("проверочно-фильтрационных лагерях", "test-filtration-camp"),
    ("прошли госпроверку", "state-check"),                         # clipped
    ("государственной проверки", "state-check"),
    ("штрафбатом", "penal-battalion"),                             # clipped
    ("в штрафные части", "penal-units"),
    ("штурмовых батальонов", "assault-battalion"),
    ("постановлением ГКО № 1069сс", "gko-1069ss"),
    ("Государственного Комитета Обороны", "gko"),                  # documentary capitals
    ("окруженцев", "encirclee"),
    ("спецпоселенцев", "special-settler"),
    ("спецпереселенцы", "special-settler"),
    ("спецпоселения", "special-settlement"),
    ("власовцами", "vlasovite"),
    ("по ст. 193-22 УК РСФСР", "article-193-22"),
    ("высшей мерой социальной защиты", "highest-measure-social-protection"),
    ("органами госбезопасности", "state-security-agency"),
    ("ГУКР СМЕРШ", "smersh"),
    ("Смершем", "smersh"),
    ("ОКР „Смерш“", "okr-smersh"),
    ("бригадефюрера СС", "brigadefuhrer-ss"),
    ("Совмина СССР", "council-of-ministers"),
    ("Наркомата обороны", "nko"),
    ("Наркоматом внутренних дел", "nkvd"),
    ("принудительные работы", "forced-labour"),
    ("«Известия»", "izvestia"),
    ("Девятаеву", "devyatayev"),
    ("Devyataev", "devyatayev"),                                   # the press spelling
    ("Devjataev", "devyatayev"),                                   # scholarly
    ("Лавриненковым", "lavrinenkov"),
    ("Гёпнера", "hoepner"),
    ("Göpner", "hoepner"),                                         # 001's error, forbidden
    ("GARF", "garf"),
    ("Ф.", "fond"),
    # 002: partisans
    ("партизанских отрядов", "partisan-detachment"),
    ("Центрального штаба партизанского движения", "tsshpd"),
    ("ЦШПД", "tsshpd"),
    ("УШПД", "ushpd"),
    ("1-го Белорусского фронта", "first-belorussian-front"),       # ordinal in figures
    ("Первого Белорусского фронта", "first-belorussian-front"),
    ("1-м Прибалтийским фронтом", "first-baltic-front"),
    ("Сумского партизанского соединения", "sumy-partisan-formation"),
    ("Ковпаком", "kovpak"),
    ("Молодцова-Бадаева", "molodtsov"),
    ("Ошкална", "oskalns"),
    ("ВКП(б)", "communist-party"),
    ("ЦК ВКП(б)", "central-committee"),
    ("БССР", "byelorussian-ssr"),
    ("комсомола", "komsomol"),
    ("ВЛКСМ", "komsomol"),
    ("в брянских лесах", "bryansk-forests"),
    ("Рельсовой войны", "rail-war"),
    ("истребительных батальонов", "destruction-battalion"),
    ("политрука", "politruk"),                                    # clipped and in the dictionary
    ("Putivl'", "putivl"),
    ("Petro Vershyhora", "vershigora"),                            # Ukrainian-based, as in 002
    # 003: desertion and barrier troops
    ("заградотрядами", "blocking-detachment"),
    ("заградительных отрядов", "blocking-detachment"),
    ("дезертиров", "deserter"),
    ("Минобороны", "ministry-of-defence"),
    ("Радио Свобода", "rfe-rl"),
    ("Кочегина", "kochegin"),
]


@pytest.mark.parametrize("query, term_id", SOURCE_TERMS)
def test_source_terms_resolve_by_their_usual_forms(finder, query, term_id):
    hits = finder.find(query)
    assert hits and hits[0].term.id == term_id, [h.term.id for h in hits]


# The wrong entries of issue 14, as a lookup sees them after correction: (query, the entry it
# finds first, the status of the form it matched).
CORRECTIONS = [
    ("1-й Прибалтийский фронт", "first-baltic-front", "preferred"),
    ("2-й Белорусский фронт", "second-belorussian-front", "preferred"),
    ("Третьего Белорусского фронта", "third-belorussian-front", "admitted"),
    ("постановление ГКО № 1069сс", "gko-1069ss", "preferred"),
    ("войска НКВД по охране тыла", "nkvd-rear-protection-troops", "preferred"),
    ("комсомол", "komsomol", "preferred"),
    ("Всесоюзный Ленинский коммунистический союз молодёжи", "komsomol", "admitted"),
    ("Государственный комитет обороны", "gko", "admitted"),
    ("Smolensk offensive", "battle-of-smolensk", "preferred"),
    ("директива СНК СССР и ЦК ВКП(б) от 29 июня 1941 года", "sovnarkom-directive-1941-06-29",
     "preferred"),
    ("брянские леса", "bryansk-forests", "preferred"),
    ("Радио Свободная Европа/Радио Свобода", "rfe-rl", "preferred"),
    ("партизанская бригада «Железняк»", "zheleznyak-detachment", "preferred"),
    ("verification-filtration camp", "test-filtration-camp", "preferred"),
    ("test-and-filtration camp", "test-filtration-camp", "forbidden"),
    ("SS-Brigadeführer", "brigadefuhrer-ss", "preferred"),
    ("1st Russian National SS Brigade", "russian-peoples-brigade-ss", "preferred"),
    ("Sumy Partisan Formation", "sumy-partisan-formation", "preferred"),
    ("collaborationist policeman", "collaborationist-policeman", "preferred"),
    ("field army", "active-army", "preferred"),
    ("active army", "active-army", "admitted"),
    ("Dmitry Anatolyevich Medvedev", "medvedev-president", "preferred"),
    ("Дмитрий Николаевич Медведев", "medvedev", "admitted"),
    ("Special NKVD Troops", "osnaz", "admitted"),
    ("VKP(b)", "communist-party", "admitted"),
    ("Tsaritsyn", "tsaritsyn", "preferred"),
    ("всенародная война", "nationwide-war", "preferred"),
    ("народная война", "people-war", "preferred"),
    ("Göpner", "hoepner", "forbidden"),
    ("Not one step back", "order-227", "admitted"),
    ("supreme penalty", "capital-punishment", "admitted"),
    ("спецпереселенцев", "special-settler", "admitted"),
    ("destroyer battalion", "destruction-battalion", "admitted"),
    ("amnesty decree of 17 September 1955", "amnesty-1955", "preferred"),
]


@pytest.mark.parametrize("query, term_id, status", CORRECTIONS)
def test_corrected_entries(finder, query, term_id, status):
    hit = finder.find(query)[0]
    assert (hit.term.id, hit.status) == (term_id, status)


def test_bare_commissariat_is_not_the_peoples_commissariat(finder):
    assert all(h.term.id != "peoples-commissariat" for h in finder.find("commissariat"))


@pytest.mark.parametrize("term_id, words", [
    ("order-0521", ["assembly-transit points", "did not create the filtration camps"]),
    ("highest-measure-social-protection", ["Not a pre-1934 euphemism", "1958"]),
    ("pardon", ["amnesty decree of 17 September 1955"]),
    ("penal-battalion", ["by order of a commander or by a tribunal"]),
    ("halder", ["General Staff of the Army (OKH"]),
])
def test_corrected_notes(shipped, term_id, words):
    note = shipped.by_id()[term_id].note
    assert all(w in note for w in words), note


def test_kinds_say_what_a_concept_is(shipped):
    kinds = {t.id: t.kind for t in shipped}
    assert {"abbreviation", "kind"}.isdisjoint(kinds.values())   # a form, not a kind
    assert {kinds[i] for i in ("gko", "gulag", "nkvd", "smersh", "nko")} == {"organisation"}
    assert {kinds[i] for i in ("hero-soviet-union", "order-of-lenin", "partisan-medal")} == {"award"}
    assert {kinds[i] for i in ("special-camp", "filtration-camp", "test-filtration-camp",
                               "pfl-048")} == {"camp"}
