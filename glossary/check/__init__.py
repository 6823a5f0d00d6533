"""The terminology consistency checker: every place a draft departs from the glossary.

    >>> from glossary.model import Term
    >>> from glossary.segment import Segment
    >>> terms = [Term("penal-battalion", "штрафной батальон", "penal battalion")]
    >>> report = check([Segment("Он воевал в штрафном батальоне.", "He fought in a punishment unit.")], terms)
    >>> [(f.rule, f.term, f.suggestion) for f in report.findings]
    [('missing-term', 'penal-battalion', 'penal battalion')]

Rules are registered in one place (registry.RULES, in the order below); each is a small
function in the module named for what it checks. Renderers live in `render`.
"""
from . import consistency, names, numbers, placeholders, scripts, terms  # noqa: F401  (importing registers the rules)
from .draft import Draft, read_draft
from .engine import Report, check, direction, pairs
from .finding import ERROR, SEVERITIES, WARNING, Finding, segment_hash
from .ignore import Ignore
from .registry import RULES, Rule, select

# The documented order (ids are part of the interface).
_ORDER = ("missing-term", "part-of-speech", "forbidden-term", "inconsistent-term",
          "number-mismatch", "placeholder-mismatch", "untranslated", "mixed-script",
          "name-spelling", "inconsistent-translation", "inconsistent-source")
assert set(_ORDER) == set(RULES), sorted(RULES)
for _id in _ORDER:
    RULES[_id] = RULES.pop(_id)

__all__ = ["Draft", "ERROR", "Finding", "Ignore", "RULES", "Report", "Rule", "SEVERITIES",
           "WARNING", "check", "direction", "pairs", "read_draft", "segment_hash", "select"]
