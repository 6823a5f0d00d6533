"""Tests for glossary.translit: schemes, reversal, Latin-query keys, registration."""
from __future__ import annotations

import re
import unicodedata

import pytest
import transliterate
from transliterate.base import TranslitLanguagePack, registry

from glossary.errors import GlossaryError
from glossary.normalize import fold_latin
from glossary.translit import (
    DEFAULT_SCHEME,
    SCHEMES,
    latin_keys,
    to_cyrillic,
    to_latin,
)


def test_public_constants():
    assert SCHEMES == ("bgn-pcgn", "iso9", "ala-lc", "scholarly", "gost-b", "icao", "default")
    assert DEFAULT_SCHEME == "bgn-pcgn"


# --- Cyrillic -> Latin ---------------------------------------------------------------

BGN_CASES = [
    ("Девятаев", "Devyatayev"),
    ("Лавриненков", "Lavrinenkov"),
    ("Пономаренко", "Ponomarenko"),
    ("Ковпак", "Kovpak"),
    ("Смерш", "Smersh"),
    ("Брянск", "Bryansk"),
    ("Орёл", "Oryol"),
    ("Юрий", "Yuriy"),
    ("Щербаков", "Shcherbakov"),
    ("Ельня", "Yelnya"),
    ("Жуков", "Zhukov"),
    ("Хрущёв", "Khrushchov"),  # ё after щ is o
    ("Чёрт", "Chort"),  # ё after ч is o
    ("Ёлка", "Yolka"),  # ё word-initially is yo
    ("Воробьёв", "Vorobyov"),  # ь dropped, ё after ь is yo
    ("Васильев", "Vasilyev"),  # е after ь is ye
    ("Подъезд", "Podyezd"),  # ъ dropped, е after ъ is ye
    ("Достоевский", "Dostoyevskiy"),
    ("Красный", "Krasnyy"),
    ("Татьяна", "Tatyana"),
    ("Цветаева", "Tsvetayeva"),
    ("Эрмитаж", "Ermitazh"),
    ("Йемен", "Yyemen"),  # е after й is ye too
    ("Майор", "Mayor"),
    ("СМЕРШ", "SMERSH"),
    ("ЩЕРБАКОВ", "SHCHERBAKOV"),
    ("ЕЛЬНЯ", "YELNYA"),
    ("ЮРИЙ", "YURIY"),
    ("Я", "Ya"),  # one capital letter is a title-case word, not an all-caps one
    ("Михаил Девятаев и Смерш", "Mikhail Devyatayev i Smersh"),
]


@pytest.mark.parametrize("cyrillic, latin", BGN_CASES)
def test_bgn_pcgn_to_latin(cyrillic, latin):
    assert to_latin(cyrillic) == latin
    assert to_latin(cyrillic, "bgn-pcgn") == latin


OTHER_SCHEME_CASES = [
    ("iso9", "Девятаев", "Devâtaev"),
    ("iso9", "Щёлково", "Ŝëlkovo"),
    ("iso9", "Объём", "Obʺëm"),
    ("iso9", "Ельня", "Elʹnâ"),
    ("iso9", "Хрущёв", "Hruŝëv"),
    ("iso9", "Юрий", "Ûrij"),
    ("iso9", "Эрмитаж", "Èrmitaž"),
    ("iso9", "Цыган", "Cygan"),
    ("iso9", "ОБЪЁМ", "OBʺËM"),
    ("ala-lc", "Девятаев", "Deviataev"),
    ("ala-lc", "Юрий", "Iuriĭ"),
    ("ala-lc", "Щербаков", "Shcherbakov"),
    ("ala-lc", "Эрмитаж", "Ėrmitazh"),
    ("ala-lc", "Объём", "Obʺëm"),
    ("ala-lc", "Ельня", "Elʹnia"),
    ("ala-lc", "Цыган", "Tsygan"),
    ("ala-lc", "СМЕРШ", "SMERSH"),
    ("scholarly", "Девятаев", "Devjataev"),
    ("scholarly", "Хрущёв", "Xruščëv"),
    ("scholarly", "Юрий", "Jurij"),
    ("scholarly", "Эрмитаж", "Èrmitaž"),
    ("scholarly", "Объём", "Obʺëm"),
    ("scholarly", "Цыган", "Cygan"),
    ("scholarly", "ЩЕРБАКОВ", "ŠČERBAKOV"),
    ("default", "Девятаев", "Devjataev"),
    ("default", "Щука", "Schuka"),
    ("default", "Юрий", "Jurij"),
]


@pytest.mark.parametrize("scheme, cyrillic, latin", OTHER_SCHEME_CASES)
def test_other_schemes_to_latin(scheme, cyrillic, latin):
    assert to_latin(cyrillic, scheme) == latin


@pytest.mark.parametrize("scheme", SCHEMES)
def test_non_cyrillic_passes_through(scheme):
    text = "T-34, Ил-2 (1943): OK? — «да»"
    out = to_latin(text, scheme)
    assert out.startswith("T-34, I") and out.endswith("-2 (1943): OK? — «da»")
    assert to_latin("NATO, USA 2024 ÄÖ", scheme) == "NATO, USA 2024 ÄÖ"


def test_decomposed_input_is_normalised():
    assert to_latin(unicodedata.normalize("NFD", "Орёл Юрий")) == "Oryol Yuriy"


def test_default_scheme_is_the_package_ru_pack():
    # transliterate's own ru pack: j for й/я, ' for ь, щ as sch (not one of the standards)
    assert to_latin("Девятаев, Щербаков, Ельня", "default") == "Devjataev, Scherbakov, El'nja"


# --- Latin -> Cyrillic ---------------------------------------------------------------

BGN_REVERSE_CASES = [
    ("Devyatayev", "Девятаев"),
    ("smersh", "смерш"),
    ("SMERSH", "СМЕРШ"),
    ("Kovpak", "Ковпак"),
    ("Yuriy", "Юрий"),
    ("Krasnyy", "Красный"),  # y after n is ы, y after y is й
    ("Yyemen", "Йемен"),  # word-initial y before a consonant or y is й
    ("Yablochkov", "Яблочков"),
    ("Mayak", "Маяк"),
    ("Andreyev", "Андреев"),
    ("Dostoyevskiy", "Достоевский"),
    ("Shcherbakov", "Щербаков"),
    ("Oryol", "Орёл"),
    ("Bryansk", "Брянск"),
    ("Mikhail", "Михаил"),
    ("KHRUSHCHEV", "ХРУЩЕВ"),
    ("Zhukov i Tsvetayeva", "Жуков и Цветаева"),
    # Documented losses of the simplified scheme:
    ("Yelnya", "Елня"),  # ь is not written, so cannot come back
    ("Detskiy", "Децкий"),  # ts is always ц
    ("rayon", "раён"),  # yo is always ё
    ("Ermitazh", "Ермитаж"),  # e is always е, never э
]


@pytest.mark.parametrize("latin, cyrillic", BGN_REVERSE_CASES)
def test_bgn_pcgn_to_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


REAL_WORDS = [
    "Девятаев", "Щербаков", "Щёлково", "ёлка", "Ёлка", "съезд", "объём", "ОБЪЁМ",
    "подъезд", "Воробьёв", "Юрий", "Красный", "Хрущёв", "Эрмитаж", "Ельня", "Цыганков",
    "Чернышёв", "Майя", "вьюга", "Смерш", "СМЕРШ", "Пётр Ильич Чайковский", "семья",
    "Журавлёв", "шёпот", "Подмосковье", "жёлтый",
]


@pytest.mark.parametrize("word", REAL_WORDS)
def test_iso9_round_trip(word):
    assert to_cyrillic(to_latin(word, "iso9"), "iso9") == word


@pytest.mark.parametrize("word", REAL_WORDS)
def test_scholarly_round_trip(word):
    assert to_cyrillic(to_latin(word, "scholarly"), "scholarly") == word


def test_scholarly_cannot_tell_shch_from_sh_ch():
    # шч and щ are both 'šč' (documented loss).
    assert to_latin("веснушчатый", "scholarly") == "vesnuščatyj"
    assert to_cyrillic("vesnuščatyj", "scholarly") == "веснущатый"


@pytest.mark.parametrize(
    "latin, scheme, cyrillic",
    [
        ("Devjataev", "scholarly", "Девятаев"),
        ("Xruščëv", "scholarly", "Хрущёв"),
        ("Devjataev", "default", "Девятаев"),
        ("Ŝerbakov", "iso9", "Щербаков"),
    ],
)
def test_other_schemes_to_cyrillic(latin, scheme, cyrillic):
    assert to_cyrillic(latin, scheme) == cyrillic


# --- GOST 7.79-2000 System B and ICAO Doc 9303 ----------------------------------------
# The published samples: the pangram and names of the iuliia schema files (nalgeon/iuliia,
# gost_779_alt.json and icao_doc_9303.json), checked against the letter tables of the
# standard (GOST 7.79-2000, table 4, system B) and of Doc 9303 part 3 (section 6). iuliia's
# GOST sample writes э as a Cyrillic «е`», a typo: the standard has the Latin e`.
PANGRAM = "Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю"

GOST_B_CASES = [
    (PANGRAM, "Yuliya, s``esh` eshhyo e`tix myagkix franczuzskix bulok iz Joshkar-Oly`, "
              "da vy`pej altajskogo chayu"),
    ("Цыганков", "Cy`gankov"),        # ц is c before ы, е, и, й
    ("Царицын", "Czaricy`n"),         # and cz elsewhere
    ("Щербаков", "Shherbakov"),
    ("Хрущёв", "Xrushhyov"),
    ("Подъячев", "Pod``yachev"),
    ("Ельня", "El`nya"),
    ("Эрмитаж", "E`rmitazh"),
    ("СМЕРШ", "SMERSH"),
]

ICAO_CASES = [
    (PANGRAM, "Iuliia, sieesh eshche etikh miagkikh frantsuzskikh bulok iz Ioshkar-Oly, "
              "da vypei altaiskogo chaiu"),
    ("Юлия Щеглова", "Iuliia Shcheglova"),
    ("Гайа Васильева", "Gaia Vasileva"),
    ("Андрей Видный", "Andrei Vidnyi"),
    ("Артём Краевой", "Artem Kraevoi"),
    ("Мадыр Чёткий", "Madyr Chetkii"),
    ("Оксана Клеёнкина", "Oksana Kleenkina"),
    ("Игорь Ильин", "Igor Ilin"),
    ("Ян Разъездной", "Ian Razieezdnoi"),
    ("Михаил Девятаев", "Mikhail Deviataev"),
]


@pytest.mark.parametrize("cyrillic, latin", GOST_B_CASES)
def test_gost_b_to_latin_and_back(cyrillic, latin):
    assert to_latin(cyrillic, "gost-b") == latin
    assert to_cyrillic(latin, "gost-b") == cyrillic   # System B reads back exactly


@pytest.mark.parametrize("word", REAL_WORDS)
def test_gost_b_round_trip(word):
    assert to_cyrillic(to_latin(word, "gost-b"), "gost-b") == word


@pytest.mark.parametrize("cyrillic, latin", ICAO_CASES)
def test_icao_to_latin(cyrillic, latin):
    assert to_latin(cyrillic, "icao") == latin


@pytest.mark.parametrize("latin, cyrillic", [
    # what ICAO keeps reads back; ё, ь and ъ are lost
    ("Iuliia Shcheglova", "Юлия Щеглова"),
    ("Andrei Vidnyi", "Андрей Видный"),
    ("Artem Kraevoi", "Артем Краевой"),
    ("Madyr Chetkii", "Мадыр Четкий"),
    ("Mikhail Deviataev", "Михаил Девятаев"),
    pytest.param("Igor Ilin", "Игорь Ильин", marks=pytest.mark.xfail(
        strict=True, reason="ICAO drops ь: Igor Ilin reads back as Игор Илин")),
])
def test_icao_to_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin, "icao") == cyrillic


# --- ALA-LC read back ----------------------------------------------------------------

@pytest.mark.parametrize("latin, cyrillic", [
    # without tie bars ia, iu, ts are я, ю, ц (Library of Congress records mostly drop them)
    ("Rossiia", "Россия"),
    ("Deviataev", "Девятаев"),
    ("Iuriĭ", "Юрий"),
    ("Dostoevskiĭ", "Достоевский"),
    ("Tsvetaeva", "Цветаева"),
    ("Ėrmitazh", "Эрмитаж"),
    ("Khrushchëv", "Хрущёв"),
    ("Podʺezd", "Подъезд"),
    # with tie bars they decide, and untied letters are two
    ("Rossii͡a", "Россия"),
    ("Diana, Di͡akov", "Диана, Дяков"),
    ("T͡svetaeva, Detskiĭ", "Цветаева, Детский"),
    ("I︠U︡riĭ", "Юрий"),   # the two half-marks of the Library's own tables
    pytest.param("Diana", "Диана", marks=pytest.mark.xfail(
        strict=True, reason="without tie bars ia is read as я: Дяна")),
])
def test_ala_lc_to_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin, "ala-lc") == cyrillic


@pytest.mark.parametrize("word", ["Девятаев", "Юрий", "Щербаков", "Хрущёв", "Эрмитаж",
                                  "Подмосковье", "Цветаева", "объём"])
def test_ala_lc_round_trip(word):
    assert to_cyrillic(to_latin(word, "ala-lc"), "ala-lc") == word


# --- signs and mixed script ------------------------------------------------------------

@pytest.mark.parametrize("latin, scheme, cyrillic", [
    # an apostrophe inside a word is the soft sign, in its own case (not ЮрЬев)
    ("Jur'ev", "scholarly", "Юрьев"),
    ("Jur’ev", "scholarly", "Юрьев"),
    ("Tat'jana", "default", "Татьяна"),
    ("Putivl'", "bgn-pcgn", "Путивль"),     # at the end of a word after a consonant too,
    ("'Rodina'", "bgn-pcgn", "'Родина'"),   # but not a closing quote
    ("'Putivl'", "bgn-pcgn", "'Путивл'"),
    ("Podʺjačev", "scholarly", "Подъячев"),
    ("Podʺyachev", "bgn-pcgn", "Подъячев"),
    ("PODʺEZD", "iso9", "ПОДЪЕЗД"),
    # a word the scheme leaves half Latin is read whole by another scheme
    ("Khrushchev", "scholarly", "Хрущев"),
    ("Xruščëv", "bgn-pcgn", "Хрущёв"),
])
def test_signs_and_no_mixed_script(latin, scheme, cyrillic):
    assert to_cyrillic(latin, scheme) == cyrillic


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("latin", ["Khrushchev", "Jur'ev", "Podʺjačev", "Xruščëv", "Shherbakov"])
def test_reading_never_mixes_scripts_in_a_word(scheme, latin):
    out = to_cyrillic(latin, scheme)
    assert not re.search(r"[A-Za-z\u00c0-\u024f]", out), out


@pytest.mark.parametrize("func", [to_latin, to_cyrillic])
@pytest.mark.parametrize("name", ["bgn", "ISO9", "", "ru"])
def test_unknown_scheme(func, name):
    with pytest.raises(GlossaryError) as info:
        func("Девятаев", name)
    message = str(info.value)
    assert message.startswith(f"unknown transliteration scheme {name!r}; choose from: ")
    assert all(scheme in message for scheme in SCHEMES)


# --- registration --------------------------------------------------------------------

@pytest.mark.parametrize(
    "code, scheme", [("ru-bgn-pcgn", "bgn-pcgn"), ("ru-iso9", "iso9"),
                     ("ru-ala-lc", "ala-lc"), ("ru-scholarly", "scholarly"),
                     ("ru-gost-b", "gost-b"), ("ru-icao", "icao")]
)
def test_schemes_are_registered_packs(code, scheme):
    cls = registry.get(code)
    assert cls is not None and issubclass(cls, TranslitLanguagePack)
    text = "Девятаев из Ельни, СМЕРШ"
    assert transliterate.translit(text, code, reversed=True) == to_latin(text, scheme)


def test_builtin_packs_still_discovered():
    # Registering our packs must not stop transliterate from finding its own.
    codes = transliterate.get_available_language_codes()
    assert {"ru", "uk", "bg"} <= set(codes)
    assert transliterate.translit("Київ", "uk", reversed=True) != "Київ"


# --- Latin query keys ----------------------------------------------------------------

@pytest.mark.parametrize(
    "russian, spellings",
    [
        ("Девятаев", ["Devyatayev", "Devyataev", "Devjataev", "Deviataev"]),
        ("Юрий", ["Yuriy", "Yuri", "Yury", "Jurij", "Iurii"]),
        ("Смерш", ["smersh", "SMERSH", "Smerš"]),
        ("Орёл", ["Oryol", "Orel", "Orël"]),
        ("Достоевский",
         ["Dostoyevskiy", "Dostoevsky", "Dostoyevsky", "Dostoevskii", "Dostoevskij"]),
        ("Щербаков", ["Shcherbakov", "Ščerbakov", "Scherbakov"]),
        ("Татьяна", ["Tatyana", "Tatiana", "Tatjana", "Tat'jana"]),
        ("Красный", ["Krasnyy", "Krasny", "Krasnyj", "Krasnyĭ"]),
    ],
)
def test_latin_keys_find_common_spellings(russian, spellings):
    keys = latin_keys(russian)
    for spelling in spellings:
        assert fold_latin(spelling) in keys, spelling


@pytest.mark.parametrize("query", ["Devyatayev", "DEVYATAEV", "devjátaev", "deviataev"])
def test_latin_query_finds_surname_in_full_name(query):
    keys = latin_keys("Михаил Девятаев")
    assert fold_latin(query) in keys
    assert fold_latin("Mikhail Devyatayev") in keys


def test_latin_keys_skip_short_words_of_phrases():
    keys = latin_keys("Битва за Москву")
    assert "bitva za moskvu" in keys and "moskvu" in keys
    assert "za" not in keys


@pytest.mark.parametrize("word", [w for w in REAL_WORDS if " " not in w])
def test_latin_keys_are_modest_and_plain(word):
    keys = latin_keys(word)
    assert 1 <= len(keys) <= 12
    assert all(re.fullmatch(r"[a-z]+", key) for key in keys), keys
    # every scheme's spelling of the word is among them (what a reader may have typed)
    assert {fold_latin(to_latin(word, scheme)) for scheme in SCHEMES} <= keys


def test_latin_keys_do_not_overmatch():
    assert fold_latin("Devyatkin") not in latin_keys("Девятаев")
    assert latin_keys("Ковпак") == {"kovpak"}


@pytest.mark.parametrize(
    "query, folded",
    [
        ("Devjátaev", "devjataev"),
        ("  Tatʹjana  Ivanovna! ", "tatjana ivanovna"),
        ("Petrov-Vodkin", "petrovvodkin"),
        ("ŠČERBAKOV", "scerbakov"),
        ("Straße", "strasse"),
        ("T-34", "t34"),   # the number stays: prikaz 227 is not any prikaz
        ("", ""),
    ],
)
def test_fold_latin(query, folded):
    assert fold_latin(query) == folded


# --- the command line ----------------------------------------------------------------

def test_cli_offers_every_scheme():
    from cli.terms import TRANSLIT_SCHEMES
    assert TRANSLIT_SCHEMES == SCHEMES


@pytest.mark.parametrize("args, stdin, expected", [
    (["Девятаев", "--scheme", "icao"], None, "Deviataev\n"),
    (["Щёлково", "--scheme", "gost-b"], None, "Shhyolkovo\n"),
    # '-' reads standard input, keeping its lines
    (["-", "--scheme", "icao"], "Девятаев\nЮлия Щеглова\n", "Deviataev\nIuliia Shcheglova\n"),
    (["-", "--reverse", "--scheme", "scholarly"], "Jur'ev\nXruščëv", "Юрьев\nХрущёв\n"),
    (["--reverse", "--scheme", "ala-lc", "Rossii͡a"], None, "Россия\n"),
    # every scheme of each line, with no blank lines between
    (["-", "--scheme", "all"], "Юрьев\nЩёлково\n",
     "".join(f"{name:<10} {to_latin(word, name)}\n" for word in ("Юрьев", "Щёлково")
             for name in SCHEMES)),
])
def test_cli_translit(runner, args, stdin, expected):
    from cli import main
    result = runner.invoke(main, ["translit", *args], input=stdin)
    assert (result.exit_code, result.stdout) == (0, expected), repr(result.exception)


def test_cli_translit_unknown_scheme_is_a_usage_error(runner):
    from cli import main
    result = runner.invoke(main, ["translit", "--scheme", "gost", "Девятаев"])
    assert result.exit_code == 2 and "gost-b" in result.stderr
