"""Corpus mode: the page's method applied to many documents, streamed, in worker processes.

One code path. Every document goes through :func:`process_document`, which calls exactly the functions the
notebooks call: :func:`fromto.clean.clean_document` (cleaning and sentence splitting),
:meth:`fromto.tokens.get_tokenizer().words <fromto.tokens>` (term counts),
:func:`fromto.transitions.extract_sentences` and :func:`fromto.codebook.code_transitions` (coded transitions).
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
(coded), ``errors.csv`` (doc, reason).

Nothing half-written: the tables are appended to, document by document, inside a hidden temporary folder
beside ``--out`` (``.<out>.partial-XXXX``); only when the run finishes are they moved into ``--out`` with
``os.replace`` (atomic per file on one file system) and the temporary folder removed. An interrupted or failed
run removes its temporary folder and leaves ``--out`` as it was. Memory stays flat: documents are read lazily
(the worker reads a ``.txt`` file itself), results come back as small CSV fragments and are written at once.

Exit status of :func:`run_corpus`: 0 every document processed; 1 the run finished but some documents could not
be processed (each in ``errors.csv`` and on stderr); unusable input (no such path, a CSV without ``id``/``text``)
raises :class:`~fromto.textio.InputError`, which the command line turns into status 2.
"""

from __future__ import annotations

import collections
import csv
import datetime as _dt
import functools
import io
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from fromto.textio import InputError, decode_bytes, iter_text_files, read_text

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
#: The columns :func:`fromto.codebook.code_transitions` adds.
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
JSONL_SUFFIXES = (".jsonl", ".ndjson")

# --- Reading documents ----------------------------------------------------------------------------------------
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)


def split_front_matter(text: str, doc: str = "<text>") -> tuple[dict, str, int]:
    """Split a leading YAML front-matter block off ``text``.

    Returns ``(meta, body, body_offset)``: ``meta`` holds ``title`` and ``date`` as strings (``""`` when
    absent; other keys are ignored), ``body`` is the text after the closing ``---`` line and ``body_offset``
    its character offset in ``text``. Text without front matter comes back whole with ``{}`` and 0.
    A block that is not a YAML mapping raises :class:`InputError`.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text, 0
    import yaml

    try:
        # libyaml's safe loader when PyYAML was built with it (the pinned wheels are): same result, ~10x faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(m.group(1), Loader=loader) if m.group(1).strip() else {}
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise InputError(doc, f"the front matter is not valid YAML ({problem})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(doc, "the front matter is not a YAML mapping of keys to values")
    meta = {key: _meta_value(data.get(key)) for key in ("title", "date")}
    return meta, text[m.end():], m.end()


def _meta_value(value) -> str:
    """Metadata as a string: YAML dates in ISO form, missing values as ``""``."""
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value).strip()


def _table_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return "csv"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _open_table(path: Path):
    try:
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def _csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_table(path) as fh:
        reader = csv.DictReader(fh)
        fields = [f.strip() for f in (reader.fieldnames or [])]
        missing = [c for c in ("id", "text") if c not in fields]
        if missing:
            raise InputError(path, f"the CSV has no {' or '.join(missing)} column (it needs id and text)")
        reader.fieldnames = fields
        for i, row in enumerate(reader, start=2):  # line 1 is the header
            yield i, row


def _count_table_rows(path: Path, kind: str) -> int:
    """Count the documents of a CSV/JSONL file, decoding all of it (so bad encoding fails before the run)."""
    try:
        if kind == "csv":
            return sum(1 for _ in _csv_rows(path))
        with _open_table(path) as fh:
            return sum(1 for line in fh if line.strip())
    except UnicodeDecodeError:
        raise InputError(path, "the table is not UTF-8 text") from None
    except csv.Error as exc:
        raise InputError(path, f"not a valid CSV table ({exc})") from None


def iter_tasks(path: str | os.PathLike) -> Iterator[tuple]:
    """The documents named by ``path`` as small task tuples, lazily, in a stable order.

    Each task is ``(doc, file, text, meta, error)``: a ``.txt`` document carries its ``file`` (the worker reads
    it, so the main process never holds the text); a CSV/JSONL row carries its ``text`` and ``meta``; a row
    that is already known to be bad carries an ``error`` (the reason) and is reported, not processed.
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
                yield (f.relative_to(p).as_posix(), str(f), None, {}, None)
        else:
            yield (str(path), str(p), None, {}, None)
        return
    seen: dict[str, str] = {}
    for where, record, error in (_csv_records(p) if kind == "csv" else _jsonl_records(p)):
        if error:
            yield (where, None, None, {}, error)
            continue
        doc = _meta_value(record.get("id"))
        if not doc:
            yield (where, None, None, {}, "the id is empty")
            continue
        if doc in seen:
            yield (doc, None, None, {}, f"duplicate id (first used at {seen[doc]}); this copy was skipped")
            continue
        seen[doc] = where
        text = record.get("text")
        meta = {"title": _meta_value(record.get("title")), "date": _meta_value(record.get("date"))}
        yield (doc, None, "" if text is None else str(text), meta, None)


def _csv_records(p: Path) -> Iterator[tuple[str, dict, str | None]]:
    for line, row in _csv_rows(p):
        yield f"{p.name}:{line}", row, None


def _jsonl_records(p: Path) -> Iterator[tuple[str, dict, str | None]]:
    with _open_table(p) as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{p.name}:{line_no}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, {}, f"line {line_no} is not valid JSON ({exc.msg})"
                continue
            if not isinstance(record, dict) or "id" not in record or "text" not in record:
                yield where, {}, f"line {line_no} is not a JSON object with id and text"
                continue
            yield where, record, None


def load_task(task: tuple) -> tuple[str, str, dict]:
    """Read one task into ``(doc, text, meta)`` with the project's text rules; raises :class:`InputError`.

    Text from a file goes through :func:`fromto.textio.decode_bytes` (UTF-8 or GB18030, LF line endings,
    empty/binary refused); text from a table is checked by the same function, so both kinds obey one rule.
    """
    doc, file, text, meta, error = task
    if error:
        raise InputError(doc, error)
    if file is not None:
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise InputError(doc, f"cannot be read ({exc.strerror or exc})") from None
        text = decode_bytes(data, doc)
    else:
        text = decode_bytes(text.encode("utf-8"), doc)
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
    """The codebook and glossary :func:`fromto.codebook.code_transitions` needs, read once per process."""
    from fromto import codebook

    return codebook.load_codebook(), codebook.load_glossary()


def coded_transitions(sentences):
    """Transitions of a cleaned document's sentences, extracted and coded (the notebooks' two calls).

    Returns the coded DataFrame, or an empty list for the many documents without a transition (building an
    empty table per document would cost more than the extraction). The codebook and glossary are read once
    per process (:func:`coding_resources`) and passed in.
    """
    import pandas as pd

    from fromto import codebook, transitions

    rows = transitions.extract_rows(sentences)
    if not rows:
        return []
    book, glossary = coding_resources()
    return codebook.code_transitions(pd.DataFrame(rows, columns=transitions.COLUMNS), book, glossary)


def term_counts(paragraph_texts: Iterable[str]) -> collections.Counter:
    """Content-word counts over texts, with the project's tokenizer.

    The texts are segmented as one string joined by line breaks: jieba never lets a word cross a line break, so
    the counts are those of segmenting each text alone, with one call per document instead of one per paragraph.
    """
    from fromto import tokens

    return collections.Counter(tokens.get_tokenizer().words("\n".join(paragraph_texts)))


def process_document(doc_id: str, text: str, meta: dict | None = None) -> dict:
    """Clean, segment and extract coded transitions from one document; the unit of work of corpus mode.

    Returns a dict of small tables: ``document`` (one dict: the row of ``documents.csv``), ``paragraphs``
    (the cleaned paragraphs as rows, dicts with :data:`fromto.clean.PARAGRAPH_COLUMNS`), ``terms`` (rows
    doc, term, count; most frequent first, ties by term) and ``transitions`` (the coded DataFrame, or an empty
    list when the document holds none). Pure: depends only on its arguments and the loaded dictionaries, so it
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
    from fromto import clean, codebook, tokens, transitions  # noqa: F401  (import = load their tables)

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
    are empty.

    The standard csv writer over plain lists: several times faster than ``DataFrame.to_csv`` on the small
    tables of one document, which matters because this runs once per table per document.
    """
    if table is None or len(table) == 0:
        return ""
    if isinstance(table, list):  # rows of plain Python values (str, int, bool): nothing to convert
        rows = ([r.get(c, "") for c in columns] for r in table)
    else:
        n = len(table)
        cols = [[_cell(v) for v in table[c].tolist()] if c in table.columns else [""] * n for c in columns]
        rows = zip(*cols)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _row_fragment(values: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _work(task: tuple) -> tuple[str, dict[str, str], str | None]:
    """Process one task in a worker: ``(doc, {table file: CSV rows}, error reason or None)``.

    Serialising to CSV text here keeps the main process light (it only appends strings) and the data
    sent between processes small.
    """
    doc = task[0]
    try:
        doc, text, meta = load_task(task)
        res = process_document(doc, text, meta)
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
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def iter_results(tasks: Iterable[tuple], workers: int = 1, chunksize: int = 4) -> Iterator[tuple]:
    """Results of :func:`_work` over ``tasks`` in input order, with ``workers`` processes (1 = in this process)."""
    if workers <= 1:
        _init_worker()
        for task in tasks:
            yield _work(task)
        return
    ctx = multiprocessing.get_context()
    if ctx.get_start_method() == "fork":
        # Load before the workers start: forked workers share the loaded dictionaries (copy-on-write) and the
        # initializer below finds them loaded. Under spawn/forkserver each worker loads them once instead.
        _init_worker()
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap(_work, tasks, chunksize=chunksize)


# --- Drivers ----------------------------------------------------------------------------------------------------
def _count_tasks(path: Path) -> int | None:
    if path.is_dir():
        return None  # counted from the file list below
    kind = _table_kind(path)
    return _count_table_rows(path, kind) if kind else 1


def run_corpus(path: str | os.PathLike, out: str | os.PathLike, workers: int | None = None,
               progress: bool = True, chunksize: int = 4) -> int:
    """Run corpus mode over ``path`` and write the five tables into ``out``; returns the exit status.

    See the module docstring for inputs, outputs, the temporary-folder rule and exit statuses.
    """
    from tqdm import tqdm

    src = Path(path)
    out = Path(out)
    workers = default_workers() if not workers or workers < 1 else int(workers)
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

    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and not out.is_dir():
        raise InputError(out, "the output path exists and is not a folder")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    n_docs = n_errors = 0
    try:
        handles = {}
        for name, cols in TABLES.items():
            fh = open(tmp / name, "w", encoding="utf-8", newline="\n")
            fh.write(_row_fragment(cols))
            handles[name] = fh
        try:
            bar = tqdm(total=total, disable=not progress, file=sys.stderr, unit="doc", desc="fromto corpus",
                       dynamic_ncols=True)
            with bar:
                for doc, frags, error in iter_results(all_tasks(), workers=workers, chunksize=chunksize):
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
        out.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            os.replace(tmp / name, out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if progress:
        print(f"fromto: {n_docs} documents processed, {n_errors} not; tables in {out}", file=sys.stderr)
    return 1 if n_errors else 0


def transitions_for_paths(paths: Iterable[str | os.PathLike]):
    """Coded transitions of every document named by ``paths`` (files, folders of .txt, CSV/JSONL), one table.

    ``doc`` is the path given for a file, the file's path for a file found in a folder, the ``id`` for a table
    row. Same cleaning and extraction as corpus mode, in this process; a bad document raises
    :class:`InputError` (the command line exits with status 2 and prints nothing else).
    """
    import pandas as pd

    from fromto import clean

    frames = []
    _init_worker()
    for given in paths:
        p = Path(given)
        for task in iter_tasks(p):
            if task[1] is not None:  # a file: doc = its path as given or as found in the folder
                task = (Path(task[1]).as_posix() if p.is_dir() else str(given),) + task[1:]
            doc, text, _meta = load_task(task)
            coded = coded_transitions(clean.clean_document(text, doc).sentence_rows)
            if len(coded):
                frames.append(coded)
    if not frames:
        return pd.DataFrame(columns=TRANSITION_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    extra = [c for c in table.columns if c not in TRANSITION_COLUMNS]
    return table.reindex(columns=TRANSITION_COLUMNS + extra)


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
