"""Corpus mode: the page's method applied to many documents, streamed, in worker processes.

One code path. Every document goes through :func:`process_document`, which calls exactly the functions the
notebooks call: :func:`fromto.clean.clean_document` (cleaning and sentence splitting),
:meth:`fromto.segment.tokens.get_tokenizer().words <fromto.segment.tokens>` (term counts),
:func:`fromto.transitions.extract_sentences` and :func:`fromto.coding.rules.code_transitions` (coded transitions).
``python -m fromto corpus`` (:func:`run_corpus`) and ``python -m fromto transitions``
(:func:`transitions_for_paths`) are thin drivers around it, and so is a Dask bag (see :func:`process_document`).

Inputs (:func:`iter_tasks`)
    * a folder of ``.txt`` files, one document each, ``doc`` = the path relative to the folder (POSIX ``/``);
      a file may open with a YAML front-matter block ``---\\ntitle: …\\ndate: …\\n---`` that becomes metadata
      (its length is kept as ``body_offset`` so raw offsets can be traced back into the file); without a
      ``date`` there, a file named by its date (``1954.txt``, ``2023-11-28.txt``) takes it (:func:`date_from_name`);
    * a CSV (``.csv``) or JSON Lines (``.jsonl``/``.ndjson``) file with ``id`` and ``text`` and optional
      ``date``/``title``;
    * a single ``.txt`` file (one document).

Outputs (:func:`run_corpus`), UTF-8 CSV with LF, rows in input order whatever the number of workers:
``documents.csv``, ``paragraphs.csv``, ``term_frequencies.csv`` (doc, term, count), ``transitions.csv``
(coded), ``errors.csv`` (doc, reason). A text cell a spreadsheet would read as a formula (a document id, a
title, a sentence or a pole starting with ``=``, ``+``, ``-``, ``@``, tab or CR) is written with a ``'`` in front
(:func:`fromto.textio.spreadsheet_safe`), so such a paragraph's ``text`` is one character longer than its raw span;
numbers are written as they are.

Nothing half-written, nothing overwritten: ``--out`` must be new, empty, or written by an earlier corpus run
(it then holds :data:`MARKER` and only the five tables); any other file in it, or an input that is one of the
tables, is refused before anything is written. The run holds an exclusive lock on ``--out``, appends the tables,
document by document, inside a hidden temporary folder in it (``.fromto-partial-XXXX``) and only when the run
finishes moves them into place with ``os.replace`` and removes the temporary folder. An interrupted or failed run
(Ctrl-C, SIGTERM, an error) removes its temporary folder and leaves ``--out`` as it was; one killed outright
leaves the folder, which the next run into ``--out`` removes. Memory stays flat: documents are read lazily (the
worker reads a ``.txt`` file itself), results come back as small CSV fragments and are written at once.

Workers ignore Ctrl-C (the parent ends them); a worker that dies (SIGKILL, out of memory) costs only the document
it was processing, and one document may take at most ``time_limit`` seconds: both are listed in ``errors.csv``.
``python -m fromto transitions`` runs its documents in such a worker too, under the same ``--time-limit``: a
document past it is named on stderr and left out, the others are printed, and the status is 1. Before a report,
:func:`check_document` runs the page pipeline on the page in such a worker, under the same limit, and says what it
found (:class:`DocumentCheck`).

Exit status of :func:`run_corpus`: 0 every document processed; 1 the run finished but some documents could not
be processed (each in ``errors.csv`` and on stderr); unusable input (no such path, a CSV without ``id``/``text``)
raises :class:`~fromto.textio.InputError`, which the command line turns into status 2.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import dataclasses
import datetime as _dt
import fcntl
import functools
import io
import json
import multiprocessing
import multiprocessing.connection as mp_connection
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator

from fromto.textio import (InputError, decode_bytes, iter_text_files, open_regular, read_bytes, read_text,
                           sniff_encoding, spreadsheet_safe)

# --- Table layouts --------------------------------------------------------------------------------------------
# Fixed column lists (the shared data contracts), so every worker serialises rows the same way and the header
# is known before the first document arrives.
DOCUMENT_COLUMNS = [
    "doc", "title", "date", "body_offset", "n_chars", "n_articles", "n_paragraphs", "n_sentences",
    "n_words", "n_terms", "n_transitions",
]
PARAGRAPH_COLUMNS = [
    "doc", "article", "article_title", "byline", "section", "section_title", "paragraph", "paragraph_id",
    "position", "text", "raw_start", "raw_end",
]
TERM_COLUMNS = ["doc", "term", "count"]
TRANSITION_COLUMNS = [
    "doc", "article", "section", "paragraph_id", "sentence_id", "position", "sentence", "marker", "subject",
    "source", "target", "verb", "source_quote", "target_quote", "chain_id", "step", "start", "end",
    "code", "code_rule", "source_en", "target_en",
]
ERROR_COLUMNS = ["doc", "reason"]
#: The columns :func:`fromto.coding.rules.code_transitions` adds.
CODE_COLUMNS = ["code", "code_rule", "source_en", "target_en"]

#: Output tables of corpus mode: file name -> columns, in the order they are written.
TABLES = {
    "documents.csv": DOCUMENT_COLUMNS,
    "paragraphs.csv": PARAGRAPH_COLUMNS,
    "term_frequencies.csv": TERM_COLUMNS,
    "transitions.csv": TRANSITION_COLUMNS,
    "errors.csv": ERROR_COLUMNS,
}
_RESULT_KEYS = {"documents.csv": "document", "paragraphs.csv": "paragraphs",
                "term_frequencies.csv": "terms", "transitions.csv": "transitions"}

TABLE_SUFFIXES = (".csv",)
#: Seconds one document may take before it is reported as an error and the run goes on (``--time-limit``).
DEFAULT_TIME_LIMIT = 300.0
#: Seconds past the time limit after which the parent kills a worker stuck where the alarm cannot reach it.
KILL_GRACE = 10.0
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

    Each task is ``(doc, file, text, meta, error)``: a ``.txt`` document carries its ``file`` (the worker reads
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
    one rule.
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
    meta = {"title": meta.get("title", ""), "date": meta.get("date", "") or date_from_name(doc),
            "body_offset": offset}
    return doc, body, meta


_DATE_NAME = re.compile(r"(?:^|/)(\d{4}(?:-\d{2}(?:-\d{2})?)?)\.txt$")


def date_from_name(doc: str) -> str:
    """The date a file name gives, for documents without one in their metadata: ``1954.txt`` -> ``1954``,
    ``2023-11-28.txt`` -> ``2023-11-28``; any other name -> ``""`` (so a folder of yearly reports is dated)."""
    m = _DATE_NAME.search(doc)
    return m.group(1) if m else ""


# --- The per-document function ----------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def coding_resources() -> tuple:
    """The codebook and glossary :func:`fromto.coding.rules.code_transitions` needs, read once per process."""
    from fromto.coding import codebook

    return codebook.load_codebook(), codebook.load_glossary()


def coded_transitions(sentences) -> list[dict]:
    """Transitions of a cleaned document's sentences, extracted and coded (the notebooks' two calls), as rows.

    Returns a list of dicts (:data:`TRANSITION_COLUMNS`), empty for the many documents without a transition; no
    DataFrame is built, which for small documents would cost more than the extraction. The codebook and glossary
    are read once per process (:func:`coding_resources`) and passed in.
    """
    from fromto import transitions
    from fromto.coding import rules

    rows = transitions.extract_rows(sentences)
    if not rows:
        return []
    book, glossary = coding_resources()
    return rules.code_rows(rows, book, glossary)


def term_counts(paragraph_texts: Iterable[str]) -> collections.Counter:
    """Content-word counts over texts, with the project's tokenizer.

    The texts are segmented as one string joined by line breaks: jieba never lets a word cross a line break, so
    the counts are those of segmenting each text alone, with one call per document instead of one per paragraph.
    """
    from fromto.segment import tokens

    return tokens.get_tokenizer().word_counts("\n".join(paragraph_texts))


def process_document(doc_id: str, text: str, meta: dict | None = None) -> dict:
    """Clean, segment and extract coded transitions from one document; the unit of work of corpus mode.

    Returns a dict of small tables: ``document`` (one dict: the row of ``documents.csv``), ``paragraphs``
    (the cleaned paragraphs as rows, dicts with :data:`fromto.clean.PARAGRAPH_COLUMNS`), ``terms`` (rows
    doc, term, count; most frequent first, ties by term) and ``transitions`` (the coded rows, a list of dicts,
    empty when the document holds none). Pure: depends only on its arguments and the loaded dictionaries, so it
    can be mapped over documents by any engine, e.g. a Dask bag::

        bag = dask.bag.from_sequence(files, partition_size=50)
        results = bag.map(lambda f: process_document(*load_task((f, f, None, {}, None))))

    Exceptions propagate; drivers decide whether one bad document stops them.
    """
    import pandas as pd

    from fromto import clean

    meta = meta or {}
    result = clean.clean_document(text, doc_id)
    paragraphs = result.paragraph_rows
    counts = term_counts([r["text"] for r in paragraphs])
    terms = [{"doc": doc_id, "term": t, "count": c}
             for t, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    coded = coded_transitions(result.sentence_rows)
    document = {
        "doc": doc_id,
        "title": meta.get("title", "") or _first_title(result),
        "date": meta.get("date", ""),
        "body_offset": int(meta.get("body_offset", 0)),
        "n_chars": len(text),
        "n_articles": len(result.article_rows),
        "n_paragraphs": len(paragraphs),
        "n_sentences": len(result.sentence_rows),
        "n_words": int(sum(counts.values())),
        "n_terms": int(len(counts)),
        "n_transitions": int(len(coded)),
    }
    return {"document": document, "paragraphs": paragraphs, "terms": terms, "transitions": coded}


def _first_title(result) -> str:
    """The first article title the cleaner found, for documents without a title in their metadata."""
    for row in result.article_rows:
        title = row.get("title", "")
        if isinstance(title, str) and title.strip():
            return title
    return ""


# --- Worker side ------------------------------------------------------------------------------------------------
def _init_worker() -> None:
    """Load the dictionaries once per worker process (pool initializer; also run before in-process work)."""
    from fromto import clean, transitions  # noqa: F401  (import = load their tables)
    from fromto.coding import rules  # noqa: F401
    from fromto.segment import tokens

    tokens.get_tokenizer()
    coding_resources()


def _cell(value):
    """A value as the CSV writer should see it: missing values (None, NaN, pd.NA) as empty cells."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if type(value).__name__ in ("NAType", "NaTType"):
        return ""
    return value


def _csv_fragment(table, columns: list[str]) -> str:
    """CSV rows (no header) of ``table`` (a DataFrame or a list of dicts) in ``columns`` order; absent columns
    are empty; text cells a spreadsheet would read as a formula get a ``'`` in front (:func:`spreadsheet_safe`).

    The standard csv writer over plain lists: several times faster than ``DataFrame.to_csv`` on the small
    tables of one document, which matters because this runs once per table per document.
    """
    if table is None or len(table) == 0:
        return ""
    if isinstance(table, list):  # rows of plain Python values (str, int, bool): nothing to convert
        rows = [[r.get(c, "") for c in columns] for r in table]
    else:
        n = len(table)
        cols = [[_cell(v) for v in table[c].tolist()] if c in table.columns else [""] * n for c in columns]
        rows = list(zip(*cols))
    return _csv_rows(rows)


#: A cell of CSV text that may start with a formula character (see :func:`spreadsheet_safe`): after a line break
#: or a comma, quoted or not (the first cell is checked with :data:`_FIRST_FORMULA`). Every such cell matches; a
#: match inside a quoted cell costs only time.
_CELL_FORMULA = re.compile(r'[\n,]"?[=+\-@\t\r]')
_FIRST_FORMULA = re.compile(r'"?[=+\-@\t\r]')
_FORMULA_CHARS = "=+-@\t\r"


def _may_hold_formula(text: str) -> bool:
    """Could a cell of the CSV ``text`` start with a formula character? Never wrong when it says no; scanning for
    the six characters first keeps the common case (none of them) at a few microseconds."""
    if not any(ch in text for ch in _FORMULA_CHARS):
        return False
    return bool(_FIRST_FORMULA.match(text) or _CELL_FORMULA.search(text))


def _csv_rows(rows: list) -> str:
    """``rows`` (lists of values) as CSV text, text cells made :func:`spreadsheet_safe`.

    Written once as they are; only when the text shows a cell that may start a formula (rare) are the rows
    written again through :func:`spreadsheet_safe`, so the common case costs one regular-expression scan.
    """
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    text = buf.getvalue()
    if _may_hold_formula(text):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([spreadsheet_safe(v) for v in row] for row in rows)
        text = buf.getvalue()
    return text


def _row_fragment(values: list) -> str:
    """One CSV row of ``values``, text cells made :func:`spreadsheet_safe`."""
    return _csv_rows([values])


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class DocumentTimeout(Exception):
    """A document took longer than the time limit per document."""


@contextlib.contextmanager
def _time_limit(seconds: float | None):
    """Raise :class:`DocumentTimeout` in this block after ``seconds`` (a real-time alarm; main thread only).

    The alarm interrupts Python code; code stuck inside C is ended by the parent process instead, which kills a
    worker that overruns the limit by :data:`KILL_GRACE` seconds (see :func:`iter_results`).
    """
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _timeout_reason(seconds: float) -> str:
    return f"took longer than {seconds:g} s (the time limit per document, --time-limit); skipped"


def _work(task: tuple, time_limit: float | None = None) -> tuple[str, dict[str, str], str | None]:
    """Process one task in a worker: ``(doc, {table file: CSV rows}, error reason or None)``.

    Serialising to CSV text here keeps the main process light (it only appends strings) and the data
    sent between processes small. ``doc`` is the document's name as the tables write it
    (:func:`spreadsheet_safe`). A document that takes longer than ``time_limit`` seconds is an error.
    """
    doc = spreadsheet_safe(task[0])
    try:
        with _time_limit(time_limit):
            _, text, meta = load_task(task)
            res = process_document(doc, text, meta)
    except DocumentTimeout:
        return doc, {}, _timeout_reason(time_limit)
    except InputError as exc:
        return doc, {}, _one_line(exc.problem)
    except Exception as exc:  # a bug or an unexpected document: report it, keep the run going
        return doc, {}, _one_line(f"{type(exc).__name__}: {exc}")
    frags = {
        "documents.csv": _row_fragment([res["document"].get(c, "") for c in DOCUMENT_COLUMNS]),
        "paragraphs.csv": _csv_fragment(res["paragraphs"], PARAGRAPH_COLUMNS),
        "term_frequencies.csv": _csv_fragment(res["terms"], TERM_COLUMNS),
        "transitions.csv": _csv_fragment(res["transitions"], TRANSITION_COLUMNS),
    }
    return doc, frags, None


def default_workers() -> int:
    """``FROMTO_WORKERS`` when it is set to a whole number of 1 or more (``python -m fromto run`` sets it to 1 for
    notebooks that run side by side), else all the cores this process may use."""
    env = os.environ.get("FROMTO_WORKERS", "").strip()
    if env.isdigit() and int(env) >= 1:
        return min(int(env), _cores())
    return _cores()


def _cores() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_time_limit(time_limit) -> float | None:
    """Seconds one document may take (``--time-limit``): ``None`` means :data:`DEFAULT_TIME_LIMIT`, 0 means no
    limit (returned as ``None``); a negative number or NaN raises :class:`InputError`."""
    time_limit = DEFAULT_TIME_LIMIT if time_limit is None else (float(time_limit) or None)
    if time_limit is not None and not time_limit > 0:
        raise InputError("--time-limit", f"must be a number of seconds above 0, or 0 for none (got {time_limit!r})")
    return time_limit


def check_workers(workers) -> int:
    """The number of worker processes to start: ``None`` means all cores; more than the cores is clamped to the
    cores (extra processes only compete for them); 0 or a negative number raises :class:`InputError`."""
    if workers is None:
        return default_workers()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InputError("--workers", f"must be a whole number of 1 or more (got {workers!r})")
    return min(workers, _cores())


def _worker_main(conn, time_limit: float | None, work=None) -> None:
    """A worker process: load the dictionaries, then process chunks (lists of ``(index, task)``) until ``None``,
    answering each chunk with the list of its ``(index, result)``; ``work(task, time_limit)`` makes a result
    (default :func:`_work`, corpus mode's documents).

    Ctrl-C reaches every process of the terminal's process group; workers ignore it and leave the ending to the
    parent, which kills them (a worker dying half-way through a message is what made the pool hang).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    work = work or _work
    _init_worker()
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        conn.send([(index, work(task, time_limit)) for index, task in msg])


class _Slot:
    """One worker process, its pipe, and the chunks (lists of ``(index, task)``) sent to it and not yet answered."""

    def __init__(self, ctx, time_limit, work=None):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, time_limit, work), daemon=True)
        self.proc.start()
        child.close()  # only the worker holds its end: its death closes the pipe
        self.queue: collections.deque = collections.deque()
        self.since = time.monotonic()  # when the task at the head of the queue started

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()
        self.conn.close()


def _death_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (the out-of-memory killer does this)" if name == "SIGKILL" else ""
        return f"the worker process processing it was killed by {name}{hint}"
    return f"the worker process processing it exited with status {exitcode}"


#: Documents sent to a worker in one message, and the most characters such a chunk may hold: one message per short
#: article would make the parent and the workers wait on each other's round trips (two workers then ran only a
#: third faster than one), while a page-sized document goes alone.
CHUNK_DOCUMENTS = 16
CHUNK_CHARS = 60_000


def _task_size(task: tuple) -> int:
    """Characters of a task, roughly: its text, or its file's size in bytes / 3 (UTF-8 Chinese)."""
    if task[2] is not None:
        return len(task[2])
    try:
        return os.stat(task[1]).st_size // 3 if task[1] else 0
    except OSError:
        return 0


def _pool_results(tasks: Iterable[tuple], workers: int, time_limit: float | None,
                  prefetch: int = 1, work=None) -> Iterator[tuple]:
    """Results of ``work`` (default :func:`_work`) over ``tasks`` from ``workers`` processes, in input order.

    ``work(task, time_limit)`` is a module-level function returning ``(doc, payload, error reason or None)``; a
    document whose worker is killed or dies gets ``(doc, {}, reason)`` instead.

    Tasks go to the workers in chunks (:data:`CHUNK_DOCUMENTS` documents or :data:`CHUNK_CHARS` characters, a
    larger document alone). The parent watches every worker: a worker that dies (killed, out of memory) costs only
    the document it was processing — the documents of its chunk are sent again one by one, so the one that kills
    its worker is found and reported as an error while the others are processed — and a new worker takes its
    place; a worker that overruns ``time_limit`` per document of its chunk by :data:`KILL_GRACE` seconds is killed
    the same way. On any exit (finished, Ctrl-C, an error) every worker is ended, so nothing waits on a lock a dying
    worker held. A chunk is sent only to an idle worker (``prefetch`` 1): a worker busy sending back a large result
    and a parent sending it a large document would otherwise wait on each other for ever.
    """
    ctx = multiprocessing.get_context()
    if ctx.get_start_method() == "fork":
        # Load before the workers start: forked workers share the loaded dictionaries (copy-on-write) and find
        # them loaded. Under spawn/forkserver each worker loads them once instead.
        _init_worker()
    tasks = iter(tasks)
    window = workers * CHUNK_DOCUMENTS * 4  # results held back for ordering stay few: memory stays flat
    results: dict[int, tuple] = {}
    retry: collections.deque = collections.deque()  # chunks to send again (single documents)
    next_in = next_out = 0
    exhausted = False
    pending_task = None  # a task read but too large to join the chunk being built
    slots: list[_Slot] = []

    def next_chunk() -> list | None:
        nonlocal next_in, exhausted, pending_task
        if retry:
            return retry.popleft()
        chunk, size = [], 0
        while len(chunk) < CHUNK_DOCUMENTS and next_in < next_out + window:
            task = pending_task if pending_task is not None else (None if exhausted else next(tasks, None))
            pending_task = None
            if task is None:
                exhausted = True
                break
            n = _task_size(task)
            if chunk and size + n > CHUNK_CHARS:
                pending_task = task
                break
            chunk.append((next_in, task))
            next_in += 1
            size += n
        return chunk or None

    try:
        slots = [_Slot(ctx, time_limit, work) for _ in range(workers)]
        while True:
            for k, slot in enumerate(slots):  # keep every worker fed
                if not slot.queue and not slot.proc.is_alive():  # died between documents: costs nothing
                    slot.kill()
                    slots[k] = slot = _Slot(ctx, time_limit, work)
                while len(slot.queue) < prefetch:
                    chunk = next_chunk()
                    if chunk is None:
                        break
                    if not slot.queue:
                        slot.since = time.monotonic()
                    slot.queue.append(chunk)
                    try:
                        slot.conn.send(chunk)
                    except OSError:  # the worker died after the check above: the wait below reports the document
                        break
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            busy = [slot for slot in slots if slot.queue]
            if exhausted and pending_task is None and not retry and not busy:
                return
            if not busy:
                continue
            timeout = None
            if time_limit:
                now = time.monotonic()
                timeout = max(0.0, min(sl.since + time_limit * len(sl.queue[0]) + KILL_GRACE - now for sl in busy))
            mp_connection.wait([sl.conn for sl in busy] + [sl.proc.sentinel for sl in busy], timeout)
            for k, slot in enumerate(slots):
                while slot.queue and slot.conn.poll():
                    try:
                        answered = slot.conn.recv()
                    except (EOFError, OSError):
                        break
                    slot.queue.popleft()
                    for index, result in answered:
                        results[index] = result
                    slot.since = time.monotonic()
                if not slot.queue:
                    continue
                overdue = (time_limit and
                           time.monotonic() - slot.since > time_limit * len(slot.queue[0]) + KILL_GRACE)
                if slot.proc.is_alive() and not overdue:
                    continue
                exitcode = slot.proc.exitcode
                slot.kill()
                chunk = slot.queue.popleft()
                if len(chunk) > 1:  # which document was it? each goes again on its own
                    retry.extend([pair] for pair in chunk)
                else:
                    index, task = chunk[0]
                    reason = (_timeout_reason(time_limit) if overdue and exitcode is None
                              else _death_reason(exitcode))
                    results[index] = (spreadsheet_safe(task[0]), {}, reason)
                retry.extend(slot.queue)
                slots[k] = _Slot(ctx, time_limit, work)
    finally:
        for slot in slots:
            with contextlib.suppress(Exception):
                if not slot.queue and slot.proc.is_alive():
                    slot.conn.send(None)
                    slot.proc.join(timeout=2)
            slot.kill()


def iter_results(tasks: Iterable[tuple], workers: int = 1, chunksize: int = 4,
                 time_limit: float | None = None) -> Iterator[tuple]:
    """Results of :func:`_work` over ``tasks`` in input order, with ``workers`` processes (1 = in this process).

    ``chunksize`` is kept for compatibility (tasks are sent one at a time, to idle workers).
    """
    if workers <= 1:
        _init_worker()
        for task in tasks:
            yield _work(task, time_limit)
        return
    yield from _pool_results(tasks, workers, time_limit)


# --- Drivers ----------------------------------------------------------------------------------------------------
#: Written into ``--out`` by a finished run: a folder holding it (and only the tables) may be written again.
MARKER = ".fromto-corpus"
_PARTIAL = ".fromto-partial-"


def _count_tasks(path: Path) -> int | None:
    if path.is_dir():
        return None  # counted from the file list below
    kind = _table_kind(path)
    return _count_table_rows(path, kind) if kind else 1


def _os_problem(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextlib.contextmanager
def _claim_output(out: Path, src: Path):
    """Make ``out`` ready for a run and hold it: yields a fresh temporary folder inside it for the tables.

    Refuses (``InputError``) an ``out`` that is a file, cannot be created or written, is being written by another
    run (an exclusive ``flock`` on the folder, held to the end), holds files a corpus run did not write (any
    file but the five tables and :data:`MARKER`, or tables without the marker) or would replace the input.
    Temporary folders that killed runs left inside ``out`` are removed first. A folder the run created is
    removed again when the run fails.
    """
    if out.exists() and not out.is_dir():
        raise InputError(out, "the output path exists and is not a folder")
    try:
        if src.resolve() in {(out / name).resolve() for name in TABLES}:
            raise InputError(out, f"the input {src.name} is one of the tables this run would write here; "
                                  "choose another --out")
    except OSError:
        pass
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise InputError(out, f"cannot create the output folder ({_os_problem(exc)})") from None
    ok = False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(out, "another corpus run is writing into this folder") from None
        entries = os.listdir(out)
        for name in entries:
            if name.startswith(_PARTIAL):  # left by a run that was killed (we hold the lock: none is running)
                shutil.rmtree(out / name, ignore_errors=True)
        entries = [n for n in entries if not n.startswith(_PARTIAL)]
        foreign = sorted(n for n in entries if n not in TABLES and n != MARKER)
        if foreign:
            raise InputError(out, f"the output folder holds files a corpus run did not write ({', '.join(foreign[:3])}"
                                  f"{' …' if len(foreign) > 3 else ''}); give an empty or new folder")
        if entries and MARKER not in entries:
            raise InputError(out, f"the output folder holds {', '.join(sorted(entries)[:3])} not written by a corpus "
                                  "run; give an empty or new folder")
        try:
            tmp = Path(tempfile.mkdtemp(prefix=_PARTIAL, dir=out))
        except OSError as exc:
            raise InputError(out, f"cannot write into the output folder ({_os_problem(exc)})") from None
        try:
            yield tmp
            ok = True
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    finally:
        os.close(fd)  # releases the lock
        if created and not ok:
            with contextlib.suppress(OSError):
                out.rmdir()  # only if empty


def _terminate(signum, frame):
    """SIGTERM ends a run like Ctrl-C: through the ``finally`` blocks, so workers and temporary files go."""
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _sigterm_ends_run():
    """In this block SIGTERM raises ``SystemExit(143)`` (:func:`_terminate`), so the worker pool is ended on the
    way out; outside the main thread, where no handler can be set, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_corpus(path: str | os.PathLike, out: str | os.PathLike, workers: int | None = None,
               progress: bool = True, chunksize: int = 4, time_limit: float | None = None) -> int:
    """Run corpus mode over ``path`` and write the five tables into ``out``; returns the exit status.

    See the module docstring for inputs, outputs, the temporary-folder rule and exit statuses. ``workers`` is
    checked by :func:`check_workers`; ``time_limit`` (seconds, default :data:`DEFAULT_TIME_LIMIT`, 0 = none)
    bounds the time spent on one document.
    """
    from tqdm import tqdm

    src = Path(path)
    out = Path(out)
    workers = check_workers(workers)
    time_limit = check_time_limit(time_limit)
    total = _count_tasks(src) if src.exists() else None
    if src.is_dir():
        total = len(iter_text_files(src))
    tasks = iter_tasks(src)
    first = next(tasks, None)  # surfaces InputError for an unusable path before anything is created
    if first is None:
        raise InputError(src, "holds no documents")

    def all_tasks():
        yield first
        yield from tasks

    n_docs = n_errors = 0
    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if on_main else None
    try:
        with _claim_output(out, src) as tmp:
            try:
                handles = {}
                try:
                    for name, cols in TABLES.items():
                        fh = open(tmp / name, "w", encoding="utf-8", newline="\n")
                        fh.write(_row_fragment(cols))
                        handles[name] = fh
                    bar = tqdm(total=total, disable=not progress, file=sys.stderr, unit="doc",
                               desc="fromto corpus", dynamic_ncols=True)
                    with bar:
                        for doc, frags, error in iter_results(all_tasks(), workers=workers, chunksize=chunksize,
                                                              time_limit=time_limit):
                            if error is not None:
                                n_errors += 1
                                handles["errors.csv"].write(_row_fragment([doc, error]))
                                bar.write(f"fromto: {doc}: {error}", file=sys.stderr)
                            else:
                                n_docs += 1
                                for name, text in frags.items():
                                    if text:
                                        handles[name].write(text)
                            bar.update(1)
                finally:
                    for fh in handles.values():
                        fh.close()
                for name in TABLES:
                    os.replace(tmp / name, out / name)
                (out / MARKER).write_text("These tables were written by `python -m fromto corpus`; "
                                          "a later run may replace them.\n", encoding="utf-8")
            except OSError as exc:
                raise InputError(out, f"cannot write the tables ({_os_problem(exc)})") from None
    finally:
        if on_main:
            signal.signal(signal.SIGTERM, previous)
    if progress:
        print(f"fromto: {_n(n_docs, 'document')} processed, {n_errors} not; tables in {out}", file=sys.stderr)
    return 1 if n_errors else 0


def _n(count: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def transitions_for_paths(paths: Iterable[str | os.PathLike], time_limit: float | None = None, on_error=None):
    """Coded transitions of every document named by ``paths`` (files, folders of .txt, CSV/JSONL), one table.

    ``doc`` names a document as corpus mode does: the path given for a file, the path relative to the folder for a
    file found in a folder (``1954.txt``), the ``id`` for a table row (each with a ``'`` in front when a
    spreadsheet would read it as a formula), so the two commands' tables join on ``doc``. Same cleaning and extraction
    as corpus mode, in one worker process; a bad document raises :class:`InputError` (the command line exits with
    status 2 and prints nothing else).

    Each document has ``time_limit`` seconds, as in corpus mode (default :data:`DEFAULT_TIME_LIMIT`, 0: none;
    :func:`check_time_limit`), and its worker is killed when the alarm cannot stop it: a document that runs past
    the limit, kills its worker or meets a bug is left out and reported, ``on_error(doc, reason)`` when given, else
    as ``fromto: DOC: reason`` on stderr. The other documents' rows are returned.
    """
    import pandas as pd

    time_limit = check_time_limit(time_limit)
    if on_error is None:
        def on_error(doc, reason):
            print(f"fromto: {doc}: {reason}", file=sys.stderr, flush=True)

    def tasks():
        for given in paths:
            yield from iter_tasks(Path(given))

    rows = []
    with _sigterm_ends_run():
        for doc, payload, error in _pool_results(tasks(), 1, time_limit, work=_transitions_work):
            if error is not None:
                on_error(doc, error)
            elif "input_error" in payload:
                raise InputError(*payload["input_error"])
            else:
                rows.extend(payload["rows"])
    if not rows:
        return pd.DataFrame(columns=TRANSITION_COLUMNS)
    return pd.DataFrame(rows, columns=TRANSITION_COLUMNS)


def _transitions_work(task: tuple, time_limit: float | None = None) -> tuple[str, dict, str | None]:
    """One document of :func:`transitions_for_paths` in a worker: ``(doc, {"rows": coded rows}, None)``,
    ``(doc, {"input_error": (path, problem)}, None)`` for a bad document (raised again in the parent), or
    ``(doc, {}, reason)`` when it ran past ``time_limit`` or failed."""
    from fromto import clean

    doc = spreadsheet_safe(task[0])
    try:
        with _time_limit(time_limit):
            _, text, _meta = load_task(task)
            rows = coded_transitions(clean.clean_document(text, doc).sentence_rows)
    except DocumentTimeout:
        return doc, {}, _timeout_reason(time_limit)
    except InputError as exc:
        return doc, {"input_error": (exc.path, exc.problem)}, None
    except Exception as exc:  # a bug or an unexpected document: report it, keep the others
        return doc, {}, _one_line(f"{type(exc).__name__}: {exc}")
    return doc, {"rows": rows}, None


# --- One page, checked before a report --------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class DocumentCheck:
    """What the page pipeline found in one document (:func:`check_document`).

    ``n_chars`` characters of text, ``n_chinese_chars`` of them Chinese (Han) characters; ``n_articles``,
    ``n_paragraphs``, ``n_sentences`` as the page cleaner (:func:`fromto.clean.clean_page`) found them, of which
    ``n_body_paragraphs`` running text holding ``n_body_chinese_chars`` Chinese characters and ``n_body_latin_letters``
    Latin letters; ``n_words`` content words; ``n_transitions`` extracted and coded transitions. ``error`` is why the pipeline did not
    finish (the time limit, a killed worker, a bug), ``None`` when it did; the counts are then 0.
    """

    doc: str
    n_chars: int = 0
    n_chinese_chars: int = 0
    n_articles: int = 0
    n_paragraphs: int = 0
    n_sentences: int = 0
    n_body_paragraphs: int = 0
    n_body_chinese_chars: int = 0
    n_body_latin_letters: int = 0
    n_words: int = 0
    n_transitions: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the page pipeline finished."""
        return self.error is None


def page_counts(text: str, doc: str = "page") -> dict:
    """Run the page notebooks' pipeline on ``text`` in this process and count what it found: the fields of
    :class:`DocumentCheck` but ``error``. The calls are the notebooks': :func:`fromto.clean.clean_page`, the
    project's tokenizer over the sentences, :func:`fromto.transitions.extract_sentences` and
    :func:`fromto.coding.rules.code_transitions`. No time limit: :func:`check_document` adds one."""
    from fromto import clean, transitions
    from fromto.clean.chars import _HAN_RE
    from fromto.coding import rules

    result = clean.clean_page(text, doc=doc)
    counts = term_counts(r["text"] for r in result.sentence_rows)
    book, glossary = coding_resources()
    coded = rules.code_transitions(transitions.extract_sentences(result.sentences), book, glossary)
    body = "".join(r["text"] for r in result.paragraph_rows if r.get("position") == "body")
    return {"doc": doc, "n_chars": len(text), "n_chinese_chars": len(_HAN_RE.findall(text)),
            "n_articles": len(result.article_rows), "n_paragraphs": len(result.paragraph_rows),
            "n_sentences": len(result.sentence_rows),
            "n_body_paragraphs": sum(r.get("position") == "body" for r in result.paragraph_rows),
            "n_body_chinese_chars": len(_HAN_RE.findall(body)),
            "n_body_latin_letters": sum(ch.isascii() and ch.isalpha() for ch in body),
            "n_words": int(sum(counts.values())), "n_transitions": len(coded)}


def _check_work(task: tuple, time_limit: float | None = None) -> tuple[str, dict, str | None]:
    """:func:`page_counts` of one page in a worker, under ``time_limit``: ``(doc, {"counts": …}, None)``,
    ``(doc, {"input_error": (path, problem)}, None)`` or ``(doc, {}, reason)``."""
    doc, file, text = task[0], task[1], task[2]
    try:
        with _time_limit(time_limit):
            if file is not None:
                text = read_text(file)  # as the page notebooks read the page
            counts = page_counts(text, "page")
    except DocumentTimeout:
        return doc, {}, _timeout_reason(time_limit)
    except InputError as exc:
        return doc, {"input_error": (exc.path, exc.problem)}, None
    except Exception as exc:
        return doc, {}, _one_line(f"{type(exc).__name__}: {exc}")
    return doc, {"counts": {**counts, "doc": doc}}, None


def check_document(page: str | os.PathLike, time_limit: float | None = None, *,
                   text: str | None = None) -> DocumentCheck:
    """Run the page pipeline (:func:`page_counts`) on one document in a worker process, under a time limit, and
    say what it found; for ``python -m fromto report``, which calls it before it writes anything.

    ``page`` is the file to read (as the notebooks read it, :func:`fromto.textio.read_text`), or, with ``text``,
    only the name of the document. ``time_limit`` is corpus mode's (:func:`check_time_limit`: default
    :data:`DEFAULT_TIME_LIMIT` seconds, 0 none). The worker is corpus mode's: an alarm ends the pipeline at the
    limit, and a worker the alarm cannot reach (a regular expression running inside C) is killed
    :data:`KILL_GRACE` seconds later. Returns a :class:`DocumentCheck`; its ``error`` names a page that ran past
    the limit, killed its worker or met a bug. A page that cannot be read (missing, empty, binary) raises
    :class:`InputError`, as everywhere.
    """
    time_limit = check_time_limit(time_limit)
    doc = os.fspath(page)
    task = (doc, None, text, {}, None) if text is not None else (doc, doc, None, {}, None)
    with _sigterm_ends_run():
        [(_, payload, error)] = _pool_results([task], 1, time_limit, work=_check_work)
    if error is not None:
        return DocumentCheck(doc=doc, error=error)
    if "input_error" in payload:
        raise InputError(*payload["input_error"])
    return DocumentCheck(**payload["counts"])


# --- People's Daily raw text into articles ----------------------------------------------------------------------
_FINAL_PUNCT = tuple("。！？!?；;：:…，,、")
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日(?:电|讯)")
_CREDIT = re.compile(r"^[（(].*[）)]$")


def is_title_line(line: str, max_len: int = 40) -> bool:
    """Does a line of newspaper text look like a headline?

    Heuristic: short (``max_len`` characters or fewer), not ending in sentence or clause punctuation
    (a body paragraph ends in 。！？ or similar), not wholly in parentheses (credits like （新华社记者…摄）
    "(Xinhua photo by …)", datelines and page notes), and not a label ending in a colon such as 图片：
    "Picture:". A quoted headline that ends in ” still counts, as do headlines ending in （图片）.
    """
    s = line.strip()
    if not s or len(s) > max_len:
        return False
    if s.endswith(_FINAL_PUNCT) or s.endswith(("。”", "！”", "？”", "。」")):
        return False
    if _CREDIT.match(s):
        return False
    return True


def split_articles(text: str, issue_year: int | None = None, issue_month: int | None = None,
                   max_title_len: int = 40) -> list[dict]:
    """Split newspaper text with one paragraph a line (like the PKU People's Daily raw text) into articles.

    Rules (a heuristic, because the raw text has no article markers):

    * a *title line* is a short line that does not end like a sentence (:func:`is_title_line`);
    * an article starts at a title line that follows a body line or a credit/dateline line in parentheses;
      further title lines directly after it (kicker, headline, subtitle) stay in the same article's header;
    * the article runs until the next start, so captions, credits and datelines stay with their article;
    * text before the first title line is an article of its own.

    Known limits: headlines longer than ``max_title_len`` are missed (their article merges with the previous
    one); runs of short lines (weather tables, a law's chapter headings) become header blocks or short
    articles; a one-line article whose body is short is merged into the next header.

    Each article is a dict ``id`` (``a0001``, …), ``title`` (the first header line), ``date`` and ``text``
    (its lines, title first). ``date`` comes from the first dateline such as ``12月31日电``/``1月1日讯``
    ("wired on 31 December") when ``issue_year`` is given: a dateline month later than ``issue_month`` belongs
    to the year before the issue (a January issue reporting December news); otherwise ``""``.
    """
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    starts: list[int] = []
    prev_title = False
    for i, ln in enumerate(lines):
        title = is_title_line(ln, max_title_len)
        if title and (i == 0 or not prev_title):
            starts.append(i)
        prev_title = title
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    articles = []
    for n, (a, b) in enumerate(bounds, start=1):
        block = lines[a:b]
        title = block[0] if is_title_line(block[0], max_title_len) else ""
        articles.append({"id": f"a{n:04d}", "title": title, "date": _dateline_date(block, issue_year, issue_month),
                         "text": "\n".join(block) + "\n"})
    return articles


def _dateline_date(block: list[str], year: int | None, month: int | None) -> str:
    if year is None:
        return ""
    for ln in block:
        m = _DATELINE.search(ln)
        if m:
            mo, day = int(m.group(1)), int(m.group(2))
            y = year - 1 if month is not None and mo > month else year
            try:
                return _dt.date(y, mo, day).isoformat()
            except ValueError:
                return ""
    return ""


def write_documents(articles: Iterable[dict], folder: str | os.PathLike, copies: int = 1) -> list[Path]:
    """Write articles as ``.txt`` documents with front matter (title, date) into ``folder``; returns the files.

    ``copies`` > 1 repeats the set (``r02_a0001.txt``, …), for scale tests. Write to a temporary folder
    when the text is licensed for research only (PKU): never into the repository.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    import yaml

    files = []
    arts = list(articles)
    for r in range(1, copies + 1):
        for art in arts:
            meta = {"title": art.get("title", "")}
            if art.get("date"):
                meta["date"] = art["date"]
            head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
            name = f"{art['id']}.txt" if copies == 1 else f"r{r:02d}_{art['id']}.txt"
            f = folder / name
            f.write_text(f"---\n{head}---\n{art['text']}", encoding="utf-8", newline="\n")
            files.append(f)
    return files


def pku_articles(path: str | os.PathLike | None = None) -> list[dict]:
    """The PKU People's Daily raw text (January 2001, per its README) split into articles with dates."""
    from fromto import paths

    p = Path(path) if path else paths.PKU_RAW
    return split_articles(read_text(p), issue_year=2001, issue_month=1)
