"""Shared fixtures: a small real glossary of matching traps, and its matcher."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from paths import HERE

from glossary.matcher import Matcher
from glossary.termfiles import tsv


@pytest.fixture(scope="session")
def small_glossary():
    """A hand-made glossary of the traps the matcher must get right."""
    return tsv.read(HERE / "data" / "small.tsv")


@pytest.fixture(scope="session")
def small_matcher(small_glossary):
    return Matcher(small_glossary)


@pytest.fixture
def runner():
    """A click test runner; stdout and stderr kept apart, as a shell would see them."""
    return CliRunner()
