"""The compiled glossary cache: a glossary's terms, matcher and look-up indexes, built once
per glossary content and reused by every later process.

Each part is one JSON file in the user cache directory (platformdirs; `GLOSSARY_CACHE_DIR`
overrides it), named by a key that hashes the glossary file's bytes and format, the source of
this package's modules (a change to the code that compiles invalidates what it compiled, even
without a version bump), the versions of pymorphy3, its dictionaries, lemminflect and wordfreq (frequency.py), and
`FORMAT`. Plain data only: a file someone else wrote can at worst give wrong answers, never
run code (no pickle). A part is written to a temporary file and renamed into place, so two
processes building the same part at once each leave a whole file and readers never see half
of one. A part that cannot be read or decoded is rebuilt; a cache directory that cannot be
written is not used.

Beside the parts, one file keeps the analyses of single words every compile has made
(remembered.py), named by the same versions and source but not by any glossary: a glossary
edited by one entry is compiled again, and only its new words are analysed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from . import collector, remembered
from .errors import DecodingWarning
from .matcher import Matcher
from .model import Glossary, Term
from .shipped import shipped_path

# Bump when the shape or meaning of a cached part changes in a way the key does not show.
FORMAT = 1
APP_NAME = "ruen-glossary"
_VERSIONED = ("ruen-glossary", "pymorphy3", "pymorphy3-dicts-ru", "lemminflect", "wordfreq")
_STALE_DAYS = 30  # parts unused this long are removed when a new part is written

T = TypeVar("T")


def cache_dir() -> Path:
    """Where compiled glossaries are kept (`GLOSSARY_CACHE_DIR`, else the user cache dir)."""
    configured = os.environ.get("GLOSSARY_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir
    return Path(user_cache_dir(APP_NAME, appauthor=False))


class Store:
    """The cached parts of one glossary content (`key`); `directory` None disables caching."""

    def __init__(self, key: str, directory: Path | None):
        self.key = key
        self.directory = directory

    @collector.paused()
    def get(self, part: str, build: Callable[[], T], encode: Callable[[T], Any] = lambda x: x,
            decode: Callable[[Any], T] = lambda x: x) -> T:
        """The part read from the cache, else built (and then written for next time).
        A part is up to a few hundred thousand objects and no cycle: the cycle collector
        would walk them in vain, as often as a look-up's every other step."""
        path = self._path(part)
        if path is not None:
            try:
                with path.open(encoding="utf-8") as f:
                    value = decode(json.load(f))
                os.utime(path)  # used: not stale
                return value
            except (OSError, ValueError, LookupError, TypeError, AttributeError):
                pass  # absent, half-written by an old version, or of another shape: rebuild
        if path is None:
            return build()
        value = remembered.building(path.parent, _environment_key(), build, self._write)
        self._write(path, encode(value))
        return value

    def _path(self, part: str) -> Path | None:
        return None if self.directory is None else self.directory / f"{self.key}.{part}.json"

    def _write(self, path: Path, data: Any) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    # dumps, not dump: dump streams through json's pure-Python encoder,
                    # dumps runs the C one (a 10,000-entry glossary's parts: 0.5 s)
                    f.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
            _prune(path.parent)
        except OSError:
            pass  # a read-only or full cache directory only costs the next run its time


def _prune(directory: Path) -> None:
    cutoff = time.time() - _STALE_DAYS * 86400
    for entry in os.scandir(directory):
        try:
            if entry.name.endswith(".json") and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass  # another process removed it first


@dataclass
class Compiled:
    """A glossary ready to use: its terms, its compiled matcher, and the cache it came from
    (for parts built later, such as the look-up indexes)."""

    glossary: Glossary
    matcher: Matcher
    store: Store


@collector.paused()  # see Store.get: so is reading the loaded glossary's cells
def load_compiled(path: str | Path | Sequence[str | Path] | None = None,
                  fmt: str | None = None, *, use_cache: bool = True,
                  read: Callable[[Glossary], Glossary] | None = None,
                  variant: str = "") -> Compiled:
    """Load and validate a glossary (default: the shipped one), or several stacked (the
    first winning, see layers.py), with its compiled matcher, from the cache when this
    content was compiled before. Errors are load()'s.

    `read`: how the loaded glossary is to be read before matching (a user's glossary has
    its cells read, lists.py); when it changes the glossary, only the read one is compiled,
    cached under the key plus `variant` (the reading's name).

    The key holds each file's resolved path besides its content: entries know the file
    they came from (`Term.origin`), and a copy elsewhere must not name the first one's.
    """
    from . import load

    if path is None or isinstance(path, (str, Path)):
        paths = [Path(path)] if path else []
    else:
        paths = [Path(p) for p in path]
    paths = paths or [shipped_path()]
    content = b"\0".join(str(p.resolve()).encode() + b"\0" + p.read_bytes()
                         for p in paths) if use_cache else b""
    store = Store(content_key(content, fmt or " ".join(p.suffix.lower() for p in paths)),
                  cache_dir() if use_cache else None)

    said: list[str] = []  # what reading the files warned of, said again on a warm load

    def build() -> Glossary:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DecodingWarning)
            glossary = load(paths[0] if len(paths) == 1 else paths, fmt)
        for w in caught:
            if not issubclass(w.category, DecodingWarning):
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            elif str(w.message) not in said:
                said.append(str(w.message))
        _warn(said)
        return glossary

    def decode(data: dict) -> Glossary:
        glossary = glossary_from_data(data, paths[0])
        _warn(data.get("warnings", []))
        return glossary

    glossary = store.get("glossary", build,
                         lambda g: {**glossary_to_data(g), "warnings": said}, decode)
    if read is not None and (changed := read(glossary)) is not glossary:
        glossary, store = changed, Store(f"{store.key}-{variant}", store.directory)
    matcher = store.get("matcher", lambda: Matcher(glossary), Matcher.to_data,
                        Matcher.from_data)
    matcher.keep = store.get
    return Compiled(glossary, matcher, store)


def _warn(messages: list[str]) -> None:
    for text in messages:
        warnings.warn(DecodingWarning(text), stacklevel=3)


def content_key(content: bytes, fmt: str) -> str:
    """What a compiled glossary depends on, hashed (see the module docstring)."""
    digest = hashlib.sha256(content)
    digest.update(f"\0{fmt}\0{FORMAT}\0{_environment()}".encode())
    return digest.hexdigest()[:40]


def _environment_key() -> str:
    """The environment alone, hashed: what remembered.py's answers depend on."""
    return hashlib.sha256(_environment().encode()).hexdigest()[:40]


@lru_cache(maxsize=1)
def _environment() -> str:
    versions = [f"{name}={_version(name)}" for name in _VERSIONED]
    source = hashlib.sha256()
    package = Path(__file__).parent
    for module in sorted([*package.glob("*.py"), *package.glob("termfiles/*.py")]):
        source.update(module.read_bytes())
    return " ".join(versions) + " " + source.hexdigest()


def _version(name: str) -> str:
    """An installed distribution's version, read off the name of its NAME-VERSION.dist-info
    directory, the first on sys.path as importlib.metadata finds it (importing that module
    cost every command ~40 ms); a distribution installed otherwise through importlib.metadata.

    >>> _version("pymorphy3") == __import__("importlib.metadata").metadata.version("pymorphy3")
    True
    """
    prefix = re.sub(r"[-_.]+", "_", name).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue  # a zip file, a missing directory
        for found in names:
            if found.endswith(".dist-info") and found.lower().startswith(prefix):
                return found[len(prefix):-len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def glossary_to_data(glossary: Glossary) -> dict:
    """A glossary as plain data: the Term field names once, then one row of values a term
    (tuples become lists)."""
    names = [f.name for f in fields(Term)]
    return {"columns": list(glossary.columns), "fields": names,
            "terms": [[_plain(getattr(t, n)) for n in names] for t in glossary]}


def _plain(value: Any) -> Any:
    """A field's value as JSON can hold it: a set of column names as a sorted list."""
    return sorted(value) if isinstance(value, frozenset) else value


def glossary_from_data(data: dict, path: Path) -> Glossary:
    names = data["fields"]
    if names != [f.name for f in fields(Term)]:
        raise ValueError("cached terms have other fields")
    terms = []
    for row in data["terms"]:
        # The terms were validated when the part was written: fill the frozen dataclass
        # directly (ten times cheaper than __init__; 10,000 terms load in a few ms).
        term = object.__new__(Term)
        term.__dict__.update(zip(names, [_tuples(v) if type(v) is list else v for v in row]))
        if term.given is not None:  # the columns the file gave: a set (see _plain)
            term.__dict__["given"] = frozenset(term.given)
        terms.append(term)
    return Glossary(terms, tuple(data["columns"]), str(path))


def _tuples(value: Any) -> Any:
    return tuple(map(_tuples, value)) if type(value) is list else value
