"""Reading text and writing outputs, the one way every command does it.

``read_text`` accepts UTF-8 with or without a BOM, UTF-16/UTF-32 with a BOM, CRLF or CR line endings, and
Chinese text in GB18030 (or Big5), and returns the same ``str`` for all of them (LF line endings, no BOM).
Bytes that are not UTF-8 are decoded as GB18030 only when the result is plausible Chinese text (nearly every
non-ASCII character a common GB2312 character), because nearly any byte string decodes as GB18030: Shift-JIS or
Latin-1 text would otherwise come back as silent mojibake. What fails that test is refused, naming the encoding
``charset-normalizer`` sees in it. Only regular files are read (a FIFO would block forever, a device never
ends). Anything it cannot read raises :class:`InputError`, whose message names the file and the problem in one
line; the command line turns it into exit status 2.

Writers go through :func:`atomic_write`, so an error part-way leaves no half-written file behind. Text a
spreadsheet or an XML file will hold goes through :func:`spreadsheet_safe` (no cell is read as a formula) and
:func:`xml_safe` (no character XML 1.0 cannot hold).
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import errno
import io
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Iterator

#: Characters that do not occur in text: C0 controls other than tab, LF, VT, FF, and the private-use area.
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff]")

#: File endings treated as plain-text documents when a folder is given.
TEXT_SUFFIXES = (".txt",)
#: File endings of Markdown documents: below a folder, one is a document when it opens with front matter
#: (:func:`opens_with_front_matter`), so a folder's README is not read as one of its documents.
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: A front-matter block's opening line, after any byte-order mark.
_FRONT_MATTER_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?\n")

#: First characters that make a spreadsheet read a text cell as a formula, or as the start of one (the OWASP rule
#: against CSV injection): ``=``, ``+``, ``-``, ``@``, tab and carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A character XML 1.0 cannot hold: anything outside #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
#: [#x10000-#x10FFFF], that is the C0 controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: What :func:`xml_safe` puts in place of a character XML cannot hold.
REPLACEMENT_CHAR = "\ufffd"


class InputError(Exception):
    """A problem with an input file, reported as one line: ``PATH: problem``."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


#: Byte-order marks of the UTF-16/32 encodings read, longest first (UTF-32-LE's BOM starts like UTF-16-LE's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Share of the non-ASCII characters that must be common Chinese characters or punctuation for bytes that are
#: not UTF-8 to be taken as Chinese text in a legacy encoding.
PLAUSIBLE_SHARE = 0.9
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2010-\u2027\u00b7]")


def _share(counts: collections.Counter, good) -> float:
    """Share of the non-ASCII characters counted in ``counts`` for which ``good(char)`` holds (1.0 if none)."""
    total = hits = 0
    for ch, n in counts.items():
        if ord(ch) < 128:
            continue
        total += n
        hits += n if good(ch) else 0
    return hits / total if total else 1.0


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def plausible_chinese(text: str, encoding: str = "gb18030") -> bool:
    """Does ``text``, decoded from a legacy ``encoding``, read as Chinese rather than mojibake?

    GB18030: at least :data:`PLAUSIBLE_SHARE` of its non-ASCII characters are in GB2312 (the common simplified
    characters and punctuation: Shift-JIS kana or Latin-1 letters decode to rare characters or the
    private-use area). Big5: as large a share are Chinese characters or CJK punctuation.
    """
    return plausible_counts(collections.Counter(text), encoding)


def plausible_counts(counts: collections.Counter, encoding: str = "gb18030") -> bool:
    """:func:`plausible_chinese` on character counts (so a large file can be judged chunk by chunk)."""
    good = _in_gb2312 if encoding == "gb18030" else (lambda ch: bool(_CJK.match(ch)))
    return _share(counts, good) >= PLAUSIBLE_SHARE


def guess_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most likely for ``data`` (``None`` when it finds none)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None


def _decode_legacy(data: bytes, path) -> str:
    """Bytes that are not UTF-8: GB18030 or Big5 when the result is plausible Chinese text, else refused."""
    try:
        text = data.decode("gb18030")
        if plausible_chinese(text, "gb18030"):
            return text
    except UnicodeDecodeError:
        pass
    guess = guess_encoding(data)
    if guess in ("big5", "big5hkscs", "cp950"):
        try:
            text = data.decode(guess)
            if plausible_chinese(text, "big5"):
                return text
        except UnicodeDecodeError:
            pass
    seen = f" (it looks like {guess})" if guess and guess not in ("gb18030", "gbk", "gb2312") else ""
    raise InputError(path, f"the file is not Chinese text in UTF-8, UTF-16 or GB18030{seen}")


def decode_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> str:
    """Decode raw bytes (see the module docstring for the encodings) and normalise line endings to LF.

    Raises :class:`InputError` for empty input, binary data (NUL bytes without a UTF-16 BOM, or too many
    control characters), text in another encoding or language, or text that is only white space.
    """
    if not data:
        raise InputError(path, "the file is empty")
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            raise InputError(path, f"the file starts with a {bom.upper()} byte-order mark but is not {bom.upper()} "
                                   "text") from None
    elif b"\x00" in data:
        raise InputError(path, "the file is binary (it contains NUL bytes), not text (UTF-16 needs a byte-order mark)")
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "the file holds only white space")
    bad = len(_BINARY_CHARS.findall(text))
    if bad > max(8, len(text) // 100):
        raise InputError(path, "the file looks binary (too many control characters), not text")
    return text


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` cannot be read as a document, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a text file"
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"is {kind}, not a regular file"


def _os_problem(p: Path, exc: OSError) -> str:
    """One line for an OSError met opening ``p``: missing, a broken or looping link, a permission …"""
    if exc.errno == errno.ENOENT:
        return "is a broken symbolic link" if os.path.islink(p) else "no such file"
    if exc.errno == errno.ELOOP:
        return "is a symbolic link that loops"
    return f"cannot be read ({exc.strerror or exc})"


def open_regular(path: str | os.PathLike, name: str | os.PathLike | None = None):
    """Open a regular file for reading bytes; anything else (folder, FIFO, device, broken or looping link)
    raises :class:`InputError`.

    The file is opened without blocking and checked on the open descriptor, so a FIFO cannot hang the read and
    a device such as ``/dev/zero`` is never read. ``name`` is how errors name the file (default: ``path``).
    """
    p = Path(path)
    name = p if name is None else name
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a text file") from None
    except OSError as exc:
        raise InputError(name, _os_problem(p, exc)) from None
    problem = _not_regular(os.fstat(fd).st_mode)
    if problem:
        os.close(fd)
        raise InputError(name, problem)
    return os.fdopen(fd, "rb")


def read_bytes(path: str | os.PathLike, name: str | os.PathLike | None = None) -> bytes:
    """The bytes of a regular file (:func:`open_regular`); raises :class:`InputError`."""
    name = Path(path) if name is None else name
    with open_regular(path, name) as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None


def sniff_encoding(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    """The encoding to stream a large text file (a CSV or JSONL table) with, by :func:`decode_bytes`'s rules.

    ``utf-8-sig`` when all of it is UTF-8, ``utf-16``/``utf-32`` when it starts with their byte-order mark,
    ``gb18030`` when it decodes as GB18030 and reads as Chinese (:func:`plausible_chinese`). Reads the file in
    chunks, so memory stays flat; anything else raises :class:`InputError` naming the encoding it looks like.
    """
    with open_regular(path) as fh:
        head = fh.read(4)
        bom = next((enc for mark, enc in _BOMS if head.startswith(mark)), None)
        if bom is not None:
            return bom
        for encoding in ("utf-8", "gb18030"):
            fh.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            counts: collections.Counter = collections.Counter()
            try:
                for block in iter(lambda: fh.read(chunk), b""):
                    text = decoder.decode(block)
                    if encoding != "utf-8":
                        counts.update(text)
                counts.update(decoder.decode(b"", final=True))
            except UnicodeDecodeError:
                continue
            if encoding == "utf-8":
                return "utf-8-sig"
            if plausible_counts(counts, "gb18030"):
                return "gb18030"
        fh.seek(0)
        guess = guess_encoding(fh.read(65536))
    seen = f" (it looks like {guess})" if guess and guess not in ("gb18030", "gbk", "gb2312") else ""
    raise InputError(path, f"the file is not Chinese text in UTF-8, UTF-16 or GB18030{seen}")


def read_text(path: str | os.PathLike) -> str:
    """Read one text file the project's way (see module docstring). Raises :class:`InputError`.

    ``-`` reads standard input.
    """
    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    return decode_bytes(read_bytes(path), Path(path))


def opens_with_front_matter(path: str | os.PathLike) -> bool:
    """Whether a file's first line is ``---``, the opening of a YAML front-matter block (UTF-8, or UTF-16/32 with
    a byte-order mark; only the first bytes are read). A file that cannot be read as a regular file counts as
    opening with it, so that reading it reports the problem instead of skipping it silently."""
    try:
        with open_regular(path) as fh:
            head = fh.read(64)
    except InputError:
        return True
    bom = next((enc for mark, enc in _BOMS if head.startswith(mark)), None)
    text = head.decode(bom or "utf-8", errors="ignore")
    return bool(_FRONT_MATTER_OPENING.match(text))


def iter_text_files(path: str | os.PathLike) -> list[Path]:
    """The documents named by ``path``: the file itself, or the documents below a folder, sorted.

    Below a folder, the documents are the ``.txt`` files and the Markdown files (:data:`MARKDOWN_SUFFIXES`) that
    open with front matter (:func:`opens_with_front_matter`; a README without it is no document). Every entry
    named ``*.txt`` is listed whatever it is (a FIFO, a broken or looping symbolic link, a folder named ``x.txt``),
    and so is a Markdown entry that is no regular file, so that reading it reports the problem instead of skipping
    it silently. Raises :class:`InputError` for a missing path or a folder without documents.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file or folder")
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.suffix.lower() in TEXT_SUFFIXES
                       or (f.suffix.lower() in MARKDOWN_SUFFIXES and opens_with_front_matter(f)))
        if not files:
            raise InputError(p, "the folder holds no .txt files, nor Markdown files (.md) that open with front matter")
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
    os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; give the file the mode an ordinary open() would
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


def current_umask() -> int:
    """The process's umask, read without changing it (``os.umask`` would, for a moment, for every thread).

    Linux reports it in ``/proc/self/status``; elsewhere a throw-away child process reads it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    import subprocess

    out = subprocess.run([sys.executable, "-c", "import os; print(os.umask(0))"], capture_output=True, text=True)
    return int(out.stdout.strip() or "18")


def csv_quoting(df) -> int:
    """The ``csv`` quoting for writing ``df`` with LF line ends: minimal, unless a text cell holds a carriage return.

    Python's csv writer quotes a cell only for the delimiter, the quote character and the characters of its line
    terminator, so with ``"\n"`` a cell holding a lone ``\r`` is written bare and read back as two rows. Such a
    table is written with every non-numeric cell quoted (:data:`csv.QUOTE_NONNUMERIC`), which any CSV reader
    reads back whole; every other table keeps minimal quoting, byte for byte as before.
    """
    import csv

    for col in df.columns:
        values = df[col]
        if values.dtype.kind in "biufcmM":
            continue
        if any(isinstance(v, str) and "\r" in v for v in values.tolist()):
            return csv.QUOTE_NONNUMERIC
    return csv.QUOTE_MINIMAL


def csv_text(df) -> str:
    """``df`` as CSV text: no index, LF line ends, quoting by :func:`csv_quoting`."""
    return df.to_csv(index=False, lineterminator="\n", quoting=csv_quoting(df))


def write_csv(df, path: str | os.PathLike) -> Path:
    """Write a DataFrame as UTF-8 CSV (LF, no index; quoting by :func:`csv_quoting`) atomically; returns the path."""
    target = Path(path)
    with atomic_write(target) as fh:
        df.to_csv(fh, index=False, lineterminator="\n", quoting=csv_quoting(df))
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


def spreadsheet_safe(value):
    """``value`` as a text cell that no spreadsheet reads as a formula.

    A string that starts with one of :data:`FORMULA_START` (``=HYPERLINK(…)``, ``-松散型``, ``@x``) gets a
    ``'`` in front, the OWASP rule against CSV injection: Excel and LibreOffice take a leading ``'`` as "this
    cell is text" (and drop it when the cell is saved again), other readers see one extra character. Every other
    value is returned unchanged, so are numbers and missing values: a count or an offset is not text, and ``-3``
    must stay a number. Applying it twice changes nothing more (``'`` starts no formula). The one implementation
    for every table fromto writes for readers (the coding sheet, corpus mode's tables).
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def spreadsheet_unquote(text: str) -> str:
    """``text`` without the ``'`` :func:`spreadsheet_safe` put in front of it (a spreadsheet drops it too when it
    saves a CSV again); any other text unchanged. For matching a cell read back with the value written, never for
    altering what a reader typed."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def xml_safe(text: str) -> tuple[str, list[str]]:
    """``text`` with every character XML 1.0 cannot hold (see :data:`_NOT_XML_CHAR`) replaced by U+FFFD, and
    the characters replaced, in order.

    One character for one, so a character offset into ``text`` is the same offset into the result (the
    selections of a REFI-QDA project keep pointing at the same sentences). XLSX worksheets and REFI-QDA projects
    are XML; a lone surrogate cannot even be written as UTF-8.
    """
    found = _NOT_XML_CHAR.findall(text)
    if not found:
        return text, []
    return _NOT_XML_CHAR.sub(REPLACEMENT_CHAR, text), found


def describe_chars(chars) -> str:
    """``U+0001 ×2, U+FFFF`` for the characters ``chars`` (how a warning names replaced characters)."""
    counts = collections.Counter(chars)
    return ", ".join(f"U+{ord(c):04X}" + (f" ×{n}" if n > 1 else "") for c, n in sorted(counts.items()))


def cell_text(value) -> str:
    """A table cell as a string; missing values (None, NaN, pd.NA) become ``""``."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


#: Quotation marks, each opening mark with its closing one: Chinese “” ‘’, corner brackets 「」 『』, the double
#: prime quotes 〝〞, and ASCII " '. The one set every module strips from poles or pairs up.
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "〝": "〞", '"': '"', "'": "'"}
#: Every opening and closing mark of :data:`QUOTE_PAIRS`.
QUOTE_CHARS = frozenset(QUOTE_PAIRS) | frozenset(QUOTE_PAIRS.values())


def strip_quotes(text: str, also: str = "") -> str:
    """``text`` without quotation marks (:data:`QUOTE_CHARS`), white space, or any character of ``also``."""
    return "".join(ch for ch in text if ch not in QUOTE_CHARS and ch not in also and not ch.isspace())


class _Hold:
    """What :func:`held_folder` yields: ``keep()`` marks a folder the block created as one to keep."""

    def __init__(self):
        self.kept = False

    def keep(self) -> None:
        self.kept = True


@contextlib.contextmanager
def held_folder(folder: str | os.PathLike, what: str):
    """Create ``folder`` if it is new and hold an exclusive lock on it (``flock``) for the block, so two runs never
    write into one folder. ``what`` names the kind of run in the refusal: ``another {what} is being written into
    this folder``. A folder that cannot be created, or that another run holds, is an :class:`InputError`. When
    the block created the folder and did not call ``keep()`` on what it yields, the folder is removed again if
    it is still empty."""
    import fcntl

    folder = Path(folder)
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise InputError(folder, f"cannot create the folder ({exc.strerror or exc})") from None
    hold = _Hold()
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(folder, f"another {what} is being written into this folder") from None
        yield hold
    finally:
        os.close(fd)  # releases the lock
        if created and not hold.kept:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty
