"""The same input gives byte-identical reports and exports in every run, whatever the hash
seed: set iteration must not leak into results. Each seed runs in its own interpreter (the
seed is fixed at start-up), all at once."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

SEEDS = ("0", "1", "2")

# One English word that two concepts match (payments: the concept "payments" by its form,
# "payment" by its lemma; reconciled likewise), a name, numbers, a forbidden rendering.
GLOSSARY = """id\tru\ten\tru_variants\ten_variants\ten_forbidden\tkind
bank-payment\tплатёж\tpayment\t\t\t\tterm
payments-module\tмодуль платежей\tpayments\tплатежи\t\t\tterm
reconcile\tсверить\treconcile\tсопоставить\t\t\tterm
reconciled-state\tсверенный\treconciled\t\t\t\tterm
invoice\tсчёт\tinvoice\tинвойс\t\tbill\tterm
devyatayev\tДевятаев\tDevyatayev\t\tDevyataev\t\tname
"""

UNITS = [
    ("Payments are reconciled daily.", "Платежи сверяются ежедневно."),
    ("Reconcile the payment with the invoice.", "Сопоставьте оплату со счётом."),
    ("The payments were reconciled.", "Оплаты проведены."),
    ("Payment reconciled.", "Оплата."),
    ("Devyatayev paid 3,648 invoices.", "Девятаев оплатил 3 468 инвойсов."),
    ("Devyataev sent the bill.", "Девятаеф отправил инвойс."),
]


def tmx(units: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<tu creationdate="20240101T000000Z"><tuv xml:lang="en"><seg>{en}</seg></tuv>'
        f'<tuv xml:lang="ru"><seg>{ru}</seg></tuv></tu>\n' for en, ru in units)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
            'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
            f'creationtoolversion="1" o-tmf="t"/><body>\n{body}</body></tmx>\n')


# Run inside each interpreter: every report format, every glossary export format (with
# forms), and the TM's exports, printed one after another.
SCRIPT = """
import sys
from click.testing import CliRunner
from cli import main
from glossary import termfiles
from glossary import formats

here = sys.argv[1]
glossary, draft = f"{here}/g.tsv", f"{here}/draft.tmx"
runs = [["check", draft, "--glossary", glossary, "--format", fmt]
        for fmt in ("text", "json", "csv", "html")]
runs += [["export", "--glossary", glossary, "--with-forms", "--format", fmt]
         for fmt in termfiles.FORMATS]
tm = f"{here}/tm-{sys.argv[2]}.sqlite"
runs += [["tm", "import", draft, "--tm", tm]]
runs += [["tm", "export", "--tm", tm, "--format", fmt] for fmt in formats.FORMATS]
for args in runs:
    result = CliRunner().invoke(main, args)
    shown = f"== {' '.join(args[:2])} {args[-1]}: {result.exit_code}\\n{result.stdout}"
    sys.stdout.write(shown.replace(tm, "TM").replace(here, "HERE"))
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    here = tmp_path_factory.mktemp("seeds")
    (here / "g.tsv").write_text(GLOSSARY, encoding="utf-8")
    (here / "draft.tmx").write_text(tmx(UNITS), encoding="utf-8")
    processes = {seed: subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(here), seed], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}) for seed in SEEDS}
    out = {}
    for seed, process in processes.items():
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        out[seed] = stdout
    return out


def test_reports_and_exports_do_not_depend_on_the_hash_seed(outputs):
    first = outputs[SEEDS[0]]
    for seed in SEEDS[1:]:
        assert outputs[seed] == first, f"PYTHONHASHSEED={seed} differs from {SEEDS[0]}"


def test_a_word_two_concepts_match_names_the_one_spelt_so(outputs):
    """`payments` is the concept "payments" (its form), `Payment` the concept "payment"."""
    report = outputs[SEEDS[0]]
    assert "«payments» (payments-module) has no approved rendering" in report
    assert "«Payment» (bank-payment) has no approved rendering" in report
    assert "(bank-payment) has no approved rendering in the target (expected «платёж»)" in report


def test_every_run_produced_its_outputs(outputs):
    headers = [line for line in outputs[SEEDS[0]].splitlines() if line.startswith("== ")]
    assert len(headers) == 4 + 5 + 1 + 4
    assert all(line.endswith((": 0", ": 1")) for line in headers), headers
