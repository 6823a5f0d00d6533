"""The process-wide pymorphy3 analyzer: its dictionaries, named by their package or by
$PYMORPHY2_DICT_PATH."""
from __future__ import annotations

from pathlib import Path

import pymorphy3
import pymorphy3_dicts_ru
import pytest

from glossary import morph


def test_the_russian_dictionaries_are_the_packaged_ones():
    analyzer = morph.analyzer()
    assert Path(analyzer.dictionary.path) == Path(pymorphy3_dicts_ru.get_path())
    assert analyzer.lang == "ru"
    assert analyzer.parse("войскам")[0].normal_form == "войско"


def test_the_environment_variable_still_names_the_dictionaries(tmp_path, monkeypatch):
    missing = tmp_path / "no-dictionaries"
    monkeypatch.setenv(pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE, str(missing))
    with pytest.raises((OSError, ValueError)):
        morph.analyzer.__wrapped__()  # pymorphy3 reads the path it was given, and fails
