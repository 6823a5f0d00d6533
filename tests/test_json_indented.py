"""The report's JSON writer (glossary/check/render/indented.py) must write exactly what
json.dumps(…, ensure_ascii=False, indent=2) writes, whatever the values."""
from __future__ import annotations

import json

import pytest

from glossary.check.render.indented import dumps

VALUES = [
    {},
    [],
    "",
    None,
    0,
    -17,
    10**30,
    True,
    False,
    1.0,
    -2.5e-10,
    1e300,
    float("nan"),
    float("inf"),
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": [[1, [2, [3]]]]},
    {"quotes": '"\\/', "controls": "\x00\x01\t\n\r\x1f\x7f", "unicode": "«Ёж» \u2028\u2029 ✓ 😀",
     "surrogate": "\ud800"},
    ("a", ("b",)),
    {"segment": 1, "line": None, "related_segments": [2, 3], "entry": {"ru": "штраф", "x": [True]}},
    {1: "int key"},            # json turns keys into strings: left to json.dumps
    {None: 1, True: 2, 2.5: 3},
    [{"k": float("-inf")}],
]


@pytest.mark.parametrize("value", VALUES, ids=[repr(v)[:30] for v in VALUES])
def test_same_text_as_json_dumps(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_json_refuses_is_refused_alike():
    with pytest.raises(TypeError):
        json.dumps({"x": {1, 2}}, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        dumps({"x": {1, 2}})


def test_subclasses_are_written_as_json_writes_them():
    class Tag(str):
        pass

    class Count(int):
        def __repr__(self):
            return "Count!"

    value = {"t": Tag("x"), "n": Count(3), "b": [Count(0)]}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
