"""Shared fixtures: a small real glossary of matching traps, and its matcher."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from paths import HERE

from glossary.matcher import Matcher
from glossary.termfiles import tsv


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The compiled-glossary cache of every test in a directory of its own, never the user's."""
    before = os.environ.get("GLOSSARY_CACHE_DIR")
    os.environ["GLOSSARY_CACHE_DIR"] = str(tmp_path_factory.mktemp("glossary-cache"))
    yield Path(os.environ["GLOSSARY_CACHE_DIR"])
    if before is None:
        del os.environ["GLOSSARY_CACHE_DIR"]
    else:
        os.environ["GLOSSARY_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def small_glossary():
    """A hand-made glossary of the traps the matcher must get right."""
    return tsv.read(HERE / "data" / "small.tsv")


@pytest.fixture(scope="session", params=["every word analysed", "sifting"])
def small_matcher(small_glossary, request):
    """The matcher as a look-up uses it, and as a check does (Matcher.sift): same answers."""
    matcher = Matcher(small_glossary)
    if request.param == "sifting":
        matcher.sift()
    return matcher


@pytest.fixture
def runner():
    """A click test runner; stdout and stderr kept apart, as a shell would see them."""
    return CliRunner()
