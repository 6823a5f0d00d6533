"""number-mismatch on general text: numbers inside words, digit groups split differently, a
leading decimal point, and values a translator repeats or merges (low confidence) — each with
the true problems next to it that must still be reported at high confidence."""
from __future__ import annotations

import pytest

from glossary.check import check
from glossary.check.numwords import compound_values, glued
from glossary.segment import Segment

# (source, target, the finding's confidence or None when there must be no finding)
CASES = [
    # 1. a value both sides contain, said a different number of times: low
    ("вызванной коронавирусом 2-го типа (SARS-CoV-2).", "caused by SARS-CoV-2.", "low"),
    ("получило название «коронавирусная инфекция 19» (COVID-19).",
     "named the disease COVID-19.", "low"),
    ("учения Defender 2020 (Защитник-2020)", "the Defender 2020 exercise", "low"),
    ("с 16 января по 3 марта 2020 г.", "16 January 2020 to 3 March 2020", "low"),
    ("между -1 и 1 включительно.", "between -1 and 1 (-1 and 1 included).", "low"),
    #    ...but a value on one side only stays high, even beside a repeated one
    ("с 16 января по 3 марта 2020 г.", "16 January 2020 to 4 March 2020", "high"),
    ("между -1 и 1 включительно.", "between -1 and 2 (-1 and 2 included).", "high"),
    ("Погибло 3,648 человек.", "3,468 people died.", "high"),
    ("В 1941 г. погибло 12 человек.", "In 1941, people died.", "high"),
    # 2. digits glued into an identifier of the other side: low; absent everywhere: high
    ("связывается с ферментом 2 (АПФ2) человека", "binds to the human ACE2", "low"),
    ("связывается с ферментом 2 человека", "binds to the human enzyme", "high"),
    ("связывается с ферментом 3 (АПФ3) человека", "binds to the human ACE2", "high"),
    # 3. a leading decimal point
    ("до 0,08% в Новой Зеландии", "to .08% in New Zealand", None),
    ("до 0,09% в Новой Зеландии", "to .08% in New Zealand", "high"),
    ("до 8% в Новой Зеландии", "to .08% in New Zealand", "high"),
    ("файл data.08 и 8 строк", "file data.08 and 8 lines", None),
    # 4. digit groups of one number split differently
    ("Мой номер телефона 9-876-54-32.", "My telephone number is 9876-5432.", None),
    ("Мой номер телефона 9 876 54 32.", "My number is 98-76-54-32.", None),
    ("Мой номер телефона 9-876-54-32.", "My telephone number is 9876-5433.", "high"),
    ("Мой номер телефона 9-876-54-32.", "My telephone number is 9867-5432.", "high"),
    # 5. numbers in words
    ("Килограмм фиг стоит два с половиной евро.", "A kilo of figs costs 2.50€.", None),
    ("Килограмм фиг стоит три с половиной евро.", "A kilo of figs costs 2.50€.", "high"),
    ("Я отправился в пятидневную командировку.", "I went on a 5-day business trip.", None),
    ("Я отправился в пятидневную командировку.", "I went on a 6-day business trip.", "high"),
    ("Том — тридцатитрёхлетний мужчина.", "Tom is a 33-year-old man.", None),
    ("Том — тридцатитрёхлетний мужчина.", "Tom is a 34-year-old man.", "high"),
    ("Это двухэтажный дом.", "It is a 2-storey house.", None),
    ("Это стопроцентный успех.", "It is a 100% success.", None),
    ("если в XIX веке не было цвета", "if there was no color in the 1800s", None),
    ("если в XIX веке не было цвета", "if there was no color in the 1700s", "high"),
    ("Это был семинар.", "It was 7 seminars.", "high"),
    # 6. a century however written: a Roman, an ordinal in digits or words, the hundreds
    ("если в XIX веке не было цвета", "if there was no color in the 19th century", None),
    ("в 19-м веке", "in the 1800s", None),
    ("в 19 в. и в XX в.", "in the 1800s and 1900s", None),
    ("в девятнадцатом веке", "in the 1800s", None),
    ("в XIX веке", "in the nineteenth century", None),
    ("в 19-м веке", "in the 1700s", "high"),
    ("в 19-м веке", "in the 20th century", "high"),
    ("в 1800 году", "in 1800", None),
    ("19 человек", "1800 people", "high"),  # no century named: nineteen
    ("Напряжение 12 В.", "The voltage is 12 V.", None),  # volts, not the 12th century
    ("Напряжение 12 В.", "The voltage is 1100 V.", "high"),
    # 7. 24/7 says "always": never a number to report; a mixed number needs its space
    ("Они работают круглосуточно.", "They work 24/7.", None),
    ("Поддержка 24x7.", "Support round the clock.", None),
    ("Они работают 24/7.", "They work 24/7.", None),
    ("Осталось 2 4/7 литра.", "2.57 litres are left.", None),
    ("Соотношение 24/75.", "The ratio is 24/76.", "high"),
]


def finding_confidence(source: str, target: str) -> str | None:
    found = check([Segment(source, target)], [], rules=["number-mismatch"]).findings
    assert len(found) <= 1
    return found[0].confidence if found else None


@pytest.mark.parametrize("source, target, expected", CASES)
def test_number_mismatch_confidence(source, target, expected):
    assert finding_confidence(source, target) == expected


def test_a_low_finding_says_why():
    (f,) = check([Segment("ферментом 2 (АПФ2)", "the ACE2")], [],
                 rules=["number-mismatch"]).findings
    assert f.confidence == "low" and "identifier" in f.reason
    assert f.message == "numbers differ: the source has 2 not in the target"


@pytest.mark.parametrize("text, values", [
    ("пятидневную командировку", ["5"]),
    ("тридцатитрёхлетний", ["33"]),
    ("двухэтажного дома", ["2"]),
    ("сорокалетняя", ["40"]),
    ("стопроцентный", ["100"]),
    # not compounds of a numeral: the rest is no word, or the word is a numeral or a noun
    ("семинар", []), ("сторонний", []), ("пятидесятый", []), ("семейный", []),
])
def test_compound_values(text, values):
    assert [str(v) for v in compound_values(text)] == values


@pytest.mark.parametrize("digits, other, expected", [
    ("2", "the ACE2 receptor", True), ("19", "COVID19", True), ("1", "H1N1", True),
    ("2", "version 2", False), ("2", "ACE23", False), ("2", "", False),
])
def test_glued(digits, other, expected):
    class N:
        text = digits
    assert glued(N(), other) == expected  # type: ignore[arg-type]


@pytest.mark.xfail(strict=True, reason="a limit: «полдень» is not read as 12, nor «сутки» as "
                   "24 — words that mean a number without a numeral in them")
def test_words_meaning_a_number_without_a_numeral():
    assert finding_confidence("Встретимся в полдень.", "See you at 12.") is None
