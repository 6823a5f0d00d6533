"""Reading text files the way they arrive, and writing files without ever damaging them.

Reading: a byte-order mark (UTF-8, UTF-16) decides; then a declared charset (an XML
declaration, a PO header's ``Content-Type: …; charset=``) is honoured; then UTF-8, strictly:
a file that is UTF-8 but for a few bad bytes is read as UTF-8, the bad bytes becoming U+FFFD
with a `DecodingWarning` naming their lines — it is never re-decoded as cp1251, which would
turn all of its Russian into gibberish. cp1251 is chosen only when the file is not UTF-8 at
all and reads as plausible Russian in cp1251. Anything else is a guess, with a warning.

Writing (`write_atomic`): a temp file beside the target, then a rename, so a crash leaves
the old file whole. A symlink is followed (the link stays a link); mode and owner are kept;
a read-only file is refused; a device or pipe (``-o /dev/null``, ``-o /dev/stdout``) is
written into, never replaced; a hard-linked file, or one whose owner we cannot give the
new file, is rewritten in place once the new text is safely on disk. Temp files are removed
on failure, and a temp file left by a killed process is removed by the next write.

`locked` serialises read-modify-write cycles between processes.
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import DecodingWarning, GlossaryError, InputError
from .ru import CYRILLIC

# Larger files are almost certainly not glossaries or drafts; refuse rather than hang.
MAX_BYTES = 512 * 1024 * 1024
# How long a writer waits for another process that holds the glossary's lock.
LOCK_TIMEOUT = 30.0
# Bad-byte lines named in one warning (the count is always given).
_SHOWN_LINES = 5
# How much of a file `looks_russian` reads to judge it (a whole novel says no more).
_JUDGED_CHARS = 1 << 20

_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_PO_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([A-Za-z0-9._:-]+)', re.MULTILINE)
_PO_HEADER = re.compile(rb'^msgid ""\s*$', re.MULTILINE)
_UTF8_NAMES = {"utf8", "utf-8", "utf_8", "u8"}
_RU_VOWELS = set("аеёиоуыэюя")


def decode(data: bytes, path: str | Path = "<input>", declared: str | None = None) -> str:
    """Decode bytes as described in the module docstring.

    >>> decode("заград".encode("cp1251"))
    'заград'
    >>> decode(codecs.BOM_UTF8 + "ёж".encode())
    'ёж'
    >>> decode(b'msgid ""\\nmsgstr ""\\n"Content-Type: text/plain; charset=KOI8-R\\\\n"\\n'
    ...        + "ёж".encode("koi8-r")).split("\\n")[-1]
    'ёж'
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not a text file", path=path)
    declared = declared or declared_charset(data)
    if declared and declared.lower() not in _UTF8_NAMES:
        try:
            codecs.lookup(declared)
        except LookupError:
            raise InputError(f"the file declares the unknown charset {declared!r}",
                             path=path) from None
        if not data.isascii() and _is_utf8(data):
            # Text in a legacy charset is almost never valid UTF-8 by chance; a file saved
            # as UTF-8 under a stale declaration is common.
            warnings.warn(DecodingWarning(f"{path}: declares {declared} but is UTF-8; read "
                                          "as UTF-8"), stacklevel=2)
            return data.decode("utf-8")
        return _strict(data, declared, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text, bad, good, bad_lines = _utf8_lenient(data)
    if good >= bad:
        shown = ", ".join(str(n) for n in dict.fromkeys(bad_lines))
        warnings.warn(DecodingWarning(
            f"{path}:{bad_lines[0]}: {bad} byte(s) that are not UTF-8 (line(s) "
            f"{shown}{', …' if bad > len(bad_lines) else ''}) read as U+FFFD; the rest of "
            "the file is UTF-8"), stacklevel=2)
        return text
    try:
        legacy = data.decode("cp1251")
    except UnicodeDecodeError:
        legacy = None
    if legacy is not None and looks_russian(legacy[:_JUDGED_CHARS]):
        return legacy
    # Another legacy encoding (KOI8-R without a declaration …) only when it reads as Russian:
    # a detector's guess for, say, a Latin-1 French file is as likely KOI8-R gibberish.
    from charset_normalizer import from_bytes  # a last resort: not imported by every read

    best = from_bytes(data).best()
    guessed = str(best) if best is not None and best.encoding not in ("utf_8", "cp1251") else ""
    if best is None or not guessed or not looks_russian(guessed[:_JUDGED_CHARS]):
        raise InputError(f"not UTF-8 (first bad byte on line {bad_lines[0]}), nor Russian in "
                         "cp1251 or another legacy encoding: not a Russian–English file as it "
                         "stands; save it as UTF-8", path=path)
    warnings.warn(DecodingWarning(f"{path}: not UTF-8; read as {best.encoding} (a guess)"),
                  stacklevel=2)
    return guessed


def declared_charset(data: bytes) -> str | None:
    """The charset a file declares: its XML declaration, or its PO header's Content-Type
    (``CHARSET``, the template placeholder, declares nothing).

    >>> declared_charset(b'<?xml version="1.0" encoding="windows-1251"?><martif/>')
    'windows-1251'
    """
    head = data[:8192]
    found = _XML_DECLARATION.match(head)
    if found is None and _PO_HEADER.search(head):
        found = _PO_CHARSET.search(head)
    if found is None or found.group(1).upper() == b"CHARSET":
        return None
    return found.group(1).decode("ascii")


def looks_russian(text: str) -> bool:
    """Whether text reads as Russian: its Cyrillic letters make whole words, cased as words
    are (not mojibake such as ``Р’РѕР№СЃРєР°``), with about the vowel share Russian has (not
    KOI8-R read as cp1251).

    >>> looks_russian("Войска НКВД по охране тыла действовали за линией фронта")
    True
    >>> looks_russian("Р’РѕР№СЃРєР° РќРљР’Р” РїРѕ РѕС…СЂР°РЅРµ С‚С‹Р»Р°")
    False
    >>> looks_russian("чПКУЛБ олчд РП ПИТБОЕ ФЩМБ ДЕКУФЧПЧБМЙ ЪБ МЙОЙЕК ЖТПОФБ")  # KOI8-R
    False
    """
    words = re.findall(r"[^\W\d_]+", text)
    cyrillic = [w for w in words if all(CYRILLIC.match(c) for c in w)]
    mixed = sum(1 for w in words if CYRILLIC.search(w) and any(c.isascii() for c in w))
    if len(cyrillic) <= mixed:
        return False
    cased = sum(1 for w in cyrillic if w.islower() or w.isupper() or w[1:].islower())
    letters = "".join(cyrillic).lower()
    vowels = sum(1 for c in letters if c in _RU_VOWELS) / len(letters)
    # A few abbreviations (НКВД, ГКО) say little about the vowel share; more text does.
    return cased >= 0.9 * len(cyrillic) and (len(letters) < 30 or 0.3 <= vowels <= 0.55)


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


_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Layout:
    """How a text file is stored: its encoding, byte-order mark and line end."""

    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"

    @classmethod
    def of(cls, data: bytes, text: str) -> "Layout":
        """The layout of a file's bytes, `text` being how they were read (without the BOM):
        the charset the file declares (a PO header's), UTF-8 or cp1251. An encoding that was
        guessed otherwise or repaired (bad bytes read as U+FFFD) is not kept: such a file is
        written as UTF-8."""
        newline = found.group() if (found := _LINE_END.search(text)) else "\n"
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                return cls(encoding, bom, newline)
        for encoding in (declared_charset(data) or "utf-8", "utf-8", "cp1251"):
            try:
                if data.decode(encoding) == text:
                    return cls(encoding, b"", newline)
            except (UnicodeDecodeError, LookupError):  # LookupError: a charset Python lacks
                pass
        return cls("utf-8", b"", newline)

    def encode(self, text: str, path: str | Path) -> bytes:
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start]
            raise InputError(f"cannot write {bad!r} (U+{ord(bad):04X}): the file is "
                             f"{self.encoding}, which has no such character; save it as "
                             "UTF-8 first", path=path) from None


def stored(path: str | Path) -> tuple[Layout, str]:
    """How a file about to be written back is stored, and its text as decoded (line ends
    kept); what decoding it warned of was said when it was read."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from exc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DecodingWarning)
        text = decode(data, path)
    return Layout.of(data, text), text


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write text (as UTF-8) or bytes to a file without ever leaving it damaged (see the
    module docstring)."""
    target = Path(os.path.realpath(path))
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"cannot write: the text holds U+{ord(exc.object[exc.start]):04X}, "
                         f"a lone surrogate, at character {exc.start}", path=path) from None
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:  # a file where a directory should be …
        raise cannot_write(path, exc) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            _write_into(target, data, path)  # /dev/null, /dev/stdout, a pipe: never replaced
            return
        raise InputError("not a regular file; refusing to replace it", path=path)
    if info is not None and not info.st_mode & 0o222:
        raise InputError(f"the file is read-only (mode {info.st_mode & 0o777:o}); "
                         "not changing it", path=path)
    if info is not None and not os.access(target, os.W_OK):
        # Another user's file in a directory we may write: a rename would replace it.
        code = errno.EROFS if _read_only_fs(target) else errno.EACCES
        raise cannot_write(path, OSError(code, os.strerror(code)))
    _remove_stale_temps(target)
    kept = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_temp_prefix(target) + f"{os.getpid()}.",
                                   suffix=".tmp")
    except OSError as exc:  # no such directory, not writable, no space for an inode …
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if info is None:
            os.chmod(tmp, 0o666 & ~_umask())
        elif not _same_identity(tmp, info):
            # A hard link, or an owner we cannot give the new file: a rename would break the
            # link or change the owner, so the old file is rewritten once the text is safe.
            try:
                _write_into(target, data, path)
            except InputError as error:
                kept = tmp  # the only whole copy now: keep it
                raise InputError(f"{error.message}; the new text is in {tmp}", path=path) from None
            return
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:  # a full disk, a directory in the way …
        raise cannot_write(path, exc) from None
    finally:
        if tmp != kept:
            Path(tmp).unlink(missing_ok=True)


def cannot_write(path: str | Path, exc: OSError) -> InputError:
    """The library's error for a file that could not be written, naming the file asked for
    (not the temporary file beside it).

    >>> str(cannot_write("x.tsv", PermissionError(13, "Permission denied", ".x.tsv.tmp")))
    'x.tsv: cannot write: Permission denied'
    """
    return InputError(f"cannot write: {exc.strerror or exc}", path=path)


@contextmanager
def locked(path: str | Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on a file for a read-modify-write cycle, across processes.

    The lock is a hidden ``.NAME.lock`` beside the real file (a symlink is followed), so it
    survives the rename `write_atomic` makes. A second writer waits up to `timeout` seconds,
    then fails with a clear message; it never overwrites the first one's work unseen.
    """
    import filelock  # only writers lock: not imported by every read

    target = Path(os.path.realpath(path))
    lock = filelock.FileLock(target.parent / f".{target.name}.lock", timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise GlossaryError(f"{path}: another process has been changing this file for "
                            f"{timeout:g} s (lock {lock.lock_file}); try again") from None
    except OSError as exc:
        raise InputError(f"cannot lock the file: {exc.strerror or exc}", path=path) from exc
    try:
        yield
    finally:
        lock.release()


def _write_into(target: Path, data: bytes, path: str | Path) -> None:
    try:
        regular = stat.S_ISREG(os.stat(target).st_mode)
        with open(target, "r+b" if regular else "wb") as f:
            f.write(data)
            if regular:
                f.truncate()
                f.flush()
                os.fsync(f.fileno())
    except OSError as exc:
        raise cannot_write(path, exc) from None


def _same_identity(tmp: str, info: os.stat_result) -> bool:
    """Give the temp file the old one's mode and owner; False when a rename would still
    change who the file is (hard links, an owner we may not set)."""
    os.chmod(tmp, info.st_mode & 0o7777)
    if info.st_nlink > 1:
        return False
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        try:
            os.chown(tmp, info.st_uid, info.st_gid)
            os.chmod(tmp, info.st_mode & 0o7777)  # chown clears set-id bits
        except PermissionError:
            return False
    return True


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def _remove_stale_temps(target: Path) -> None:
    """Remove temp files a killed writer left beside the target (their pid is gone)."""
    prefix = _temp_prefix(target)
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            (target.parent / name).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as exc:
        return exc.errno == errno.EPERM  # it exists, under another user
    return True


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not every platform opens directories
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"byte {exc.start} is not valid {encoding}", path=path,
                         line=line) from exc


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_lenient(data: bytes) -> tuple[str, int, int, list[int]]:
    """The data as UTF-8 with U+FFFD for each bad sequence; how many bad sequences, how many
    valid non-ASCII characters (the evidence that the file is UTF-8), and the lines of the
    first few bad ones. Done by the codec, not character by character: files are large.

    >>> _utf8_lenient("ёж\\nлиса".encode() + b"\\xff")[1:]
    (1, 6, [2])
    """
    text = data.decode("utf-8", errors="replace")
    genuine = data.count("\ufffd".encode())  # replacement characters the file itself has
    bad = text.count("\ufffd") - genuine
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad - genuine
    lines: list[int] = []
    index = line = 0
    position = -1
    while len(lines) < _SHOWN_LINES and (position := text.find("\ufffd", position + 1)) >= 0:
        line += text.count("\n", index, position)
        index = position
        lines.append(line + 1)
    return text, bad, good, lines
