"""Russian–English terminology glossary: the term model, terms.tsv and other formats,
morphology-aware matching, transliteration and the consistency checker."""
from .errors import GlossaryError, InputError, ValidationError
from .matcher import Match, Matcher
from .model import Glossary, Term
from .validate import load, shipped_path

__all__ = ["GlossaryError", "Glossary", "InputError", "Match", "Matcher", "Term",
           "ValidationError", "load", "shipped_path"]
