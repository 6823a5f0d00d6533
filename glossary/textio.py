"""Reading text files the way they arrive: UTF-8 with or without BOM, UTF-16, or cp1251."""
from __future__ import annotations

import codecs
import os
import re
import tempfile
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import InputError
from .ru import CYRILLIC

# Larger files are almost certainly not glossaries or drafts; refuse rather than hang.
MAX_BYTES = 512 * 1024 * 1024


def decode(data: bytes, path: str | Path = "<input>") -> str:
    """Decode bytes as UTF-8 (BOM optional), UTF-16 with a BOM, or a detected legacy encoding.

    >>> decode("заград".encode("cp1251"))
    'заград'
    >>> decode(codecs.BOM_UTF8 + "ёж".encode())
    'ёж'
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not a text file", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Russian legacy files are nearly always cp1251; try it when it yields mostly Cyrillic.
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_russian(text):
        return text
    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding (not UTF-8 or cp1251)", path=path)
    return str(best)


def read_text(path: str | Path) -> str:
    """Read a whole text file, decoding as `decode` does; newlines normalised to \\n."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"file is larger than {MAX_BYTES // 2**20} MiB", path=path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from exc
    text = decode(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write text (or bytes) so that a crash midway leaves the old file intact (temp file +
    rename).
    The file keeps the old one's permissions, or gets the usual ones for a new file (mkstemp
    alone would leave it readable by its owner only)."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.",
                                   suffix=".tmp")
    except OSError as exc:  # no such directory, not writable, no space for an inode …
        raise cannot_write(path, exc) from None
    try:
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a directory in the way …
        Path(tmp).unlink(missing_ok=True)
        raise cannot_write(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cannot_write(path: str | Path, exc: OSError) -> InputError:
    """The library's error for a file that could not be written, naming the file asked for
    (not the temporary file beside it).

    >>> str(cannot_write("x.tsv", PermissionError(13, "Permission denied", ".x.tsv.tmp")))
    'x.tsv: cannot write: Permission denied'
    """
    return InputError(f"cannot write: {exc.strerror or exc}", path=path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {encoding} at byte {exc.start}", path=path) from exc


def _looks_russian(text: str) -> bool:
    """Whether cp1251-decoded text reads as Russian: its Cyrillic letters make whole words.
    (Latin-1 accents decoded as cp1251 also come out Cyrillic, but inside Latin words.)"""
    cyrillic = mixed = 0
    for word in re.findall(r"[^\W\d_]+", text):
        has_cyrillic = CYRILLIC.search(word) is not None
        if has_cyrillic and any(c.isascii() for c in word):
            mixed += 1
        elif has_cyrillic:
            cyrillic += 1
    return cyrillic > mixed
