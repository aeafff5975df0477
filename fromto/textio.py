"""Reading text and writing outputs, the one way every command does it.

``read_text`` accepts UTF-8 with or without a BOM, CRLF or CR line endings, and GB18030, and returns the same
``str`` for all of them (LF line endings, no BOM). Anything it cannot read raises :class:`InputError`, whose
message names the file and the problem in one line; the command line turns it into exit status 2.

Writers go through :func:`atomic_write`, so an error part-way leaves no half-written file behind.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path
from typing import Iterator

#: Characters that do not occur in text: C0 controls other than tab, LF, VT, FF, and the private-use area.
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff]")

#: File endings treated as plain-text documents when a folder is given.
TEXT_SUFFIXES = (".txt",)


class InputError(Exception):
    """A problem with an input file, reported as one line: ``PATH: problem``."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def decode_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> str:
    """Decode raw bytes as UTF-8 (BOM optional) or GB18030 and normalise line endings to LF.

    Raises :class:`InputError` for empty input, binary data (NUL bytes or undecodable), or text that is
    only white space.
    """
    if not data:
        raise InputError(path, "the file is empty")
    if b"\x00" in data:
        raise InputError(path, "the file is binary (it contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(path, "the file is neither UTF-8 nor GB18030 text") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "the file holds only white space")
    bad = len(_BINARY_CHARS.findall(text))
    if bad > max(8, len(text) // 100):
        raise InputError(path, "the file looks binary (too many control characters), not text")
    return text


def read_text(path: str | os.PathLike) -> str:
    """Read one text file the project's way (see module docstring). Raises :class:`InputError`."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a folder, not a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    return decode_bytes(data, p)


def iter_text_files(path: str | os.PathLike) -> list[Path]:
    """The documents named by ``path``: the file itself, or the ``.txt`` files below a folder, sorted.

    Raises :class:`InputError` for a missing path or a folder without text files.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file or folder")
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        if not files:
            raise InputError(p, "the folder holds no .txt files")
        return files
    return [p]


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator:
    """Open a temporary file beside ``path``; move it over ``path`` only if the block finishes.

    Text mode writes LF line endings on every platform.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the mode an ordinary open() would
    try:
        if "b" in mode:
            fh = os.fdopen(fd, mode)
        else:
            fh = os.fdopen(fd, mode, encoding=encoding, newline="\n")
        with fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_csv(df, path: str | os.PathLike) -> Path:
    """Write a DataFrame as UTF-8 CSV (LF, no index) atomically; returns the path."""
    target = Path(path)
    with atomic_write(target) as fh:
        df.to_csv(fh, index=False, lineterminator="\n")
    return target


def read_resource_csv(path: str | os.PathLike, **kwargs):
    """Read a hand-made CSV/TSV resource whose first lines are ``#`` comments (how it was made).

    Only the leading comment block is skipped, so ``#`` inside later fields is kept. ``.tsv`` files are
    tab-separated. Every column is read as text (``dtype=str``, empty cells as ``""``) unless told otherwise.
    """
    import pandas as pd

    text = read_text(path)
    lines = text.split("\n")
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    body = "\n".join(lines[i:])
    sep = "\t" if str(path).endswith(".tsv") else ","
    kwargs.setdefault("dtype", str)
    kwargs.setdefault("keep_default_na", False)
    try:
        return pd.read_csv(io.StringIO(body), sep=sep, **kwargs)
    except Exception as exc:  # pandas' parser errors name a line, not the file
        raise InputError(path, f"not a valid {'TSV' if sep == chr(9) else 'CSV'} table ({exc})") from None
