"""Entries not translated yet, in a glossary that is only being used.

A team's glossary (Crowdin, Weblate, a shared spreadsheet) lists terms whose rendering is
still to be decided: `deploy to production;;<a definition>` has no Russian term. Validation
refuses such an entry (`empty 'ru'`), and so do the commands that write or validate a
glossary (`import` names the line, `--skip-invalid` leaves it out). A command that only
uses the glossary — check, lookup — leaves them out instead, saying which: a term without
a rendering cannot be checked, and refusing the whole draft for it helps nobody. Any other
problem still stops the command.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError, ValidationError
from .model import Glossary

_PENDING = re.compile(r": empty '(?:ru|en)'$")


def only_pending(error: ValidationError) -> bool:
    """Whether every problem of a failed load is an entry lacking one language's term."""
    return bool(error.problems) and all(_PENDING.search(p.message) for p in error.problems)


def load_without_pending(paths: Sequence[str | Path]) -> tuple[Glossary, list[InputError]]:
    """The glossaries named, stacked as `glossary.load` stacks them, with their entries
    lacking a Russian or an English term left out; and one note per entry left out.
    ValidationError when anything else is wrong."""
    from . import layers, termfiles
    from .validate import problems

    glossaries, left_out = [], []
    for path in paths:
        read = termfiles.read(path)
        kept = []
        for term in read:
            missing = [lang for lang in ("ru", "en") if not term.preferred(lang).strip()]
            if missing:
                left_out.append(InputError(f"{term.id}: no {' or '.join(missing)} term yet: "
                                           "left out", path=path, line=term.line))
            else:
                kept.append(term)
        glossary = Glossary(kept, columns=read.columns, path=read.path)
        found = problems(glossary)
        if found:
            raise ValidationError(found)
        glossaries.append(glossary)
    return layers.stack(glossaries)[0], left_out
