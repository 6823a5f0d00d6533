"""The PO reader's check of quoted strings: escapes inside are read, an unterminated string
or an unescaped quote is refused with its line (real files through the real reader)."""
from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.formats import po

HEADER = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'


@pytest.mark.parametrize("quoted, read", [
    (r'"a \"b\" c"', 'a "b" c'),          # escaped quotes inside
    (r'"ends with a backslash \\"', "ends with a backslash \\"),
    ('"two"\n"lines"', "twolines"),       # a string continued on the next line
    ('""\n"after an empty one"', "after an empty one"),
    ('"trailing spaces"   ', "trailing spaces"),
])
def test_strings_with_escapes_are_read(tmp_path, quoted, read):
    path = tmp_path / "ok.po"
    path.write_text(HEADER + f'msgid "camp"\nmsgstr {quoted}\n', encoding="utf-8")
    (segment,) = po.read(path, source_lang="en", target_lang="ru")
    assert segment.target == read


@pytest.mark.parametrize("quoted", [
    '"unterminated',
    r'"an \"escaped quote at the end\"',   # the last quote is escaped: still open
    '"an "unescaped" quote"',
    '"text" after',
])
def test_a_broken_string_is_refused_with_its_line(tmp_path, quoted):
    path = tmp_path / "bad.po"
    path.write_text(HEADER + f'msgid "camp"\nmsgstr {quoted}\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        list(po.read(path, source_lang="en", target_lang="ru"))
    assert error.value.line == 6 and "unterminated string or unescaped quote" in str(error.value)
