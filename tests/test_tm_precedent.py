"""How the TM rendered a glossary term: counts per form, in a stable order."""
from __future__ import annotations

from tm.precedent import count_renderings


def test_count_each_form(small_glossary, small_matcher):
    term = small_glossary.by_id()["blocking-detachment"]
    pairs = [("Заградотряды стояли.", "The blocking detachments stood."),
             ("О заградотрядах.", "On barrier troops."),
             ("Заградительный отряд.", "A punishment detachment."),
             ("Заградотряд ушёл.", "The unit left."),
             ("О заградотрядах.", "On barrier troops again."),
             ("Ничего.", "Nothing.")]
    counts = count_renderings(pairs, small_matcher, term, "ru", "en")
    # most frequent first, ties alphabetically ('' sorts first: no glossary form)
    assert list(counts.items()) == [("barrier troops", 2), ("", 1), ("blocking detachment", 1),
                                    ("punishment detachment", 1)]
