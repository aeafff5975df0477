"""Reading a corpus: a folder of .txt and Markdown files, a CSV or a JSON Lines file, as lazy tasks, one a document.

Front matter (YAML, composed scalar by scalar within bounds), ids and file names that cannot be shown, records that
cannot be read: each becomes a task that carries its problem, so the run reports the document and goes on.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Iterator

from fromto.textio import (MARKDOWN_SUFFIXES, InputError, decode_bytes, iter_text_files, open_regular, read_bytes,
                           sniff_encoding)

TABLE_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")

# --- Reading documents ----------------------------------------------------------------------------------------
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)


#: Front matter longer than this many characters is refused (metadata is a title and a date, not a document).
MAX_FRONT_MATTER = 16_384
#: A metadata value (title, date) longer than this many characters is refused.
MAX_META_CHARS = 1_000
#: Characters an id or file name may not hold: C0 controls (NUL, line breaks, tab …) and DEL.
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def split_front_matter(text: str, doc: str = "<text>") -> tuple[dict, str, int]:
    """Split a leading YAML front-matter block off ``text``.

    Returns ``(meta, body, body_offset)``: ``meta`` holds ``title`` and ``date`` as strings (``""`` when
    absent; other keys are ignored), ``body`` is the text after the closing ``---`` line and ``body_offset``
    its character offset in ``text``. Text without front matter comes back whole with ``{}`` and 0.

    The block is composed, never constructed as a whole: a ``title`` or ``date`` must be one scalar of at most
    :data:`MAX_META_CHARS` characters, and only those two scalars are built, so aliases (``&a [*a, *a]``) cannot
    expand into gigabytes. A block that is not a YAML mapping, is longer than :data:`MAX_FRONT_MATTER`, holds a
    list or mapping as title or date, or a date that is no date (``2020-13-45``) raises :class:`InputError`.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, 0
    import yaml

    block = m.group(1)
    if len(block) > MAX_FRONT_MATTER:
        raise InputError(doc, f"the front matter is longer than {MAX_FRONT_MATTER:,} characters")
    # libyaml's safe loader when PyYAML was built with it (the pinned wheels are): same result, ~10x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(block)
    meta = {"title": "", "date": ""}
    try:
        root = loader.get_single_node() if block.strip() else None
        if root is None:
            return meta, text[m.end():], m.end()
        if not isinstance(root, yaml.MappingNode):
            raise InputError(doc, "the front matter is not a YAML mapping of keys to values")
        for key_node, value_node in root.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in meta:
                continue
            if not isinstance(value_node, yaml.ScalarNode):
                kind = "list" if isinstance(value_node, yaml.SequenceNode) else "mapping"
                raise InputError(doc, f"the front matter's {key} is a {kind}, not a single value")
            if len(value_node.value) > MAX_META_CHARS:
                raise InputError(doc, f"the front matter's {key} is longer than {MAX_META_CHARS:,} characters")
            try:
                value = loader.construct_object(value_node, deep=True)
            except (ValueError, OverflowError, TypeError):  # a timestamp-shaped value that is no date
                raise InputError(doc, f"the front matter's {key} {value_node.value!r} is not a valid date") from None
            meta[key] = _meta_value(value)
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise InputError(doc, f"the front matter is not valid YAML ({problem})") from None
    finally:
        loader.dispose()
    return meta, text[m.end():], m.end()


def _meta_value(value) -> str:
    """Metadata as a string: YAML dates in ISO form, missing values as ``""``."""
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value).strip()


# --- Markdown documents ----------------------------------------------------------------------------------------
#: Inline tokens whose text is not the document's prose: images (their alt text) and raw HTML tags.
_SKIPPED_INLINE = {"image", "html_inline"}


def _joins_without_space(before: str, after: str) -> bool:
    """Whether a soft line break between ``before`` and ``after`` joins them directly: Chinese is written without
    spaces, so a line wrapped inside a Chinese sentence closes up; between Latin words the break is a space."""
    def wide(ch: str) -> bool:
        return ord(ch) >= 0x2E80
    return not before or not after or wide(before[-1]) or wide(after[0])


def _inline_text(token) -> str:
    """The text of one inline token: text, code spans and link text, without markup, images or HTML tags."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\x00")  # decided below, once both neighbours are known
        elif child.type == "hardbreak":
            parts.append("\n")
    pieces = "".join(parts).split("\x00")
    text = pieces[0]
    for piece in pieces[1:]:
        text += ("" if _joins_without_space(text, piece) else " ") + piece
    return re.sub(r"[ \t]{2,}", " ", text).strip()  # the spaces around a removed image or tag close up


def markdown_text(markdown: str) -> str:
    """Markdown as plain text, one block a line: what the cleaner reads from a ``.md`` document.

    Parsed with markdown-it-py (CommonMark, with tables) and rebuilt from its token stream: every heading,
    paragraph, list item and block quote is one line of its inline text, a table one line per row (cells
    separated by a space); emphasis, links' targets, images, raw HTML and code blocks leave no trace. Entities are
    decoded (``&amp;`` -> ``&``). Offsets in the paragraphs table of a Markdown document point into this text,
    which the function reproduces from the file's body.
    """
    from markdown_it import MarkdownIt

    lines: list[str] = []
    row: list[str] | None = None
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            line = " ".join(cell for cell in row or [] if cell)
            if line:
                lines.append(line)
            row = None
        elif token.type == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text.replace("\n", " "))
            elif text:
                lines.extend(part for part in text.split("\n") if part.strip())
    return "\n".join(lines) + ("\n" if lines else "")


def is_markdown(name: str) -> bool:
    """Whether a document's file name marks it as Markdown (:data:`fromto.textio.MARKDOWN_SUFFIXES`)."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def printable(name: str) -> str:
    """``name`` as text any UTF-8 file can hold: undecodable file-name bytes as ``\\xff``, lone surrogates as
    ``\\ud800``, control characters as ``\\x00``. Used to name a bad document in errors.csv and on stderr."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:  # a file name's undecodable bytes (os.fsdecode keeps them as surrogate escapes)
            name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate from JSON (\ud800)
            name = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda c: f"\\x{ord(c.group()):02x}", name)


def name_problem(name: str, what: str = "id") -> str | None:
    """Why ``name`` (an id or file name) cannot name a document in the output tables, or None."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        if what == "file name":
            return "the file name is not valid UTF-8"
        return f"the {what} is not valid Unicode text (it holds a lone surrogate)"
    if _CONTROL.search(name):
        return f"the {what} holds control characters (NUL, tab or line breaks)"
    return None


def _table_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return "csv"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _open_table(path: Path):
    """A CSV/JSONL table as text, in the encoding :func:`fromto.textio.sniff_encoding` finds (UTF-8, UTF-16 with
    a BOM, or GB18030 Chinese); refuses what is not a regular file or not text."""
    encoding = sniff_encoding(path)
    return io.TextIOWrapper(open_regular(path), encoding=encoding, newline="")


def _csv_records(p: Path) -> Iterator[tuple[str, dict, str | None]]:
    """``(where, record, error)`` for every record of a CSV file; ``where`` is ``file:line`` of its first line.

    The reader is strict, so damage is reported instead of read as text: a quote that is never closed (which
    would swallow every later row into one cell) ends the file with an error naming where it opened; a record
    whose quoting is broken is reported and reading goes on at the next line.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_table(p) as fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(p, "the CSV is empty") from None
        except csv.Error as exc:
            raise InputError(p, f"not a valid CSV table ({exc})") from None
        fields = [f.strip() for f in header]
        missing = [c for c in ("id", "text") if c not in fields]
        if missing:
            raise InputError(p, f"the CSV has no {' or '.join(missing)} column (it needs id and text)")
        index = {f: k for k, f in enumerate(fields)}
        while True:
            first = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                where = f"{p.name}:{first}"
                if "end of data" in str(exc):
                    yield where, {}, (f"the quote opened in the record at line {first} is never closed (lines "
                                      f"{first}-{reader.line_num} would have become one cell); the rest of the "
                                      "file was not read")
                    return
                yield where, {}, f"line {first} is not a valid CSV record ({exc})"
                continue
            if not row:  # a blank line
                continue
            record = {f: row[k] for f, k in index.items() if k < len(row)}
            if "text" not in record or "id" not in record:
                yield f"{p.name}:{first}", {}, (f"the record at line {first} has {len(row)} cells, too few for "
                                                f"the {'text' if 'id' in record else 'id'} column")
                continue
            yield f"{p.name}:{first}", record, None


def _jsonl_records(p: Path) -> Iterator[tuple[str, dict, str | None]]:
    with _open_table(p) as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{p.name}:{line_no}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield where, {}, f"line {line_no} is not valid JSON ({msg})"
                continue
            if not isinstance(record, dict) or "id" not in record or "text" not in record:
                yield where, {}, f"line {line_no} is not a JSON object with id and text"
                continue
            yield where, record, None


def _count_table_rows(path: Path, kind: str) -> int:
    """Count the documents of a CSV/JSONL file, decoding all of it (so bad encoding fails before the run)."""
    return sum(1 for _ in (_csv_records(path) if kind == "csv" else _jsonl_records(path)))


def _text_problem(text) -> str | None:
    """Why a table's text value cannot be a document's text, or None."""
    if text is None:
        return "the text is missing (null)"
    if not isinstance(text, str):
        return f"the text is a {type(text).__name__}, not a string"
    if not text.strip():
        return "the text is empty" if not text else "the text holds only white space"
    return None


def iter_tasks(path: str | os.PathLike) -> Iterator[tuple]:
    """The documents named by ``path`` as small task tuples, lazily, in a stable order.

    Each task is ``(doc, file, text, meta, error)``: a ``.txt`` or Markdown document carries its ``file`` (the worker reads
    it, so the main process never holds the text); a CSV/JSONL row carries its ``text`` and ``meta``; a row
    that is already known to be bad carries an ``error`` (the reason) and is reported, not processed. A bad
    id or file name (not encodable, control characters) is such an error, named printably.
    Raises :class:`InputError` when ``path`` itself is unusable.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file or folder")
    kind = None if p.is_dir() else _table_kind(p)
    if kind is None:
        files = iter_text_files(p)
        if p.is_dir():
            for f in files:
                doc = f.relative_to(p).as_posix()
                problem = name_problem(doc, "file name")
                yield (printable(doc), None if problem else str(f), None, {}, problem)
        else:  # one file: its name is its id (never the path as typed, which may name the user's folders)
            doc = p.name
            problem = name_problem(doc, "file name")
            yield (printable(doc), None if problem else str(p), None, {}, problem)
        return
    seen: dict[str, str] = {}
    for where, record, error in (_csv_records(p) if kind == "csv" else _jsonl_records(p)):
        if error:
            yield (where, None, None, {}, error)
            continue
        raw_id = record.get("id")
        doc = _meta_value(raw_id)
        if not doc:
            yield (where, None, None, {}, "the id is empty")
            continue
        problem = name_problem(doc, "id") or _text_problem(record.get("text"))
        if problem:
            yield (printable(doc), None, None, {}, problem)
            continue
        if doc in seen:
            yield (doc, None, None, {}, f"duplicate id (first used at {seen[doc]}); this copy was skipped")
            continue
        seen[doc] = where
        meta = {"title": _meta_value(record.get("title")), "date": _meta_value(record.get("date"))}
        yield (doc, None, record["text"], meta, None)


def load_task(task: tuple) -> tuple[str, str, dict]:
    """Read one task into ``(doc, text, meta)`` with the project's text rules; raises :class:`InputError`.

    Text from a file goes through :func:`fromto.textio.read_bytes` (regular files only) and
    :func:`fromto.textio.decode_bytes`; text from a table is checked by the same function, so both kinds obey
    one rule. A Markdown file's body (after its front matter) becomes plain text by :func:`markdown_text`.
    """
    doc, file, text, meta, error = task
    if error:
        raise InputError(doc, error)
    if file is not None:
        text = decode_bytes(read_bytes(file, doc), doc)
    else:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(doc, "the text is not valid Unicode (it holds a lone surrogate)") from None
        text = decode_bytes(data, doc)
    fm, body, offset = split_front_matter(text, doc)
    if fm:
        meta = {**meta, **{k: v for k, v in fm.items() if v}}
        if not body.strip():
            raise InputError(doc, "the document has front matter but no text")
    if file is not None and is_markdown(file):
        body = markdown_text(body)
        if not body.strip():
            raise InputError(doc, "the Markdown document holds no text once its markup is removed")
    meta = {"title": meta.get("title", ""), "date": meta.get("date", "") or date_from_name(doc),
            "body_offset": offset}
    return doc, body, meta


_DATE_NAME = re.compile(r"(?:^|/)(\d{4}(?:-\d{2}(?:-\d{2})?)?)\.(?:txt|md|markdown)$")


def date_from_name(doc: str) -> str:
    """The date a file name gives, for documents without one in their metadata: ``1954.txt`` -> ``1954``,
    ``2023-11-28.md`` -> ``2023-11-28``; any other name -> ``""`` (so a folder of yearly reports is dated)."""
    m = _DATE_NAME.search(doc)
    return m.group(1) if m else ""
