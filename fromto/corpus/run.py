"""Corpus mode's drivers: ``python -m fromto corpus`` into a claimed output folder, ``python -m fromto
transitions``, and the check of one page before a report."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterable

from fromto.corpus.document import (TABLES, TRANSITION_COLUMNS, _one_line, _row_fragment, coded_transitions,
                                   coding_resources, term_counts)
from fromto.corpus.pool import (DocumentTimeout, _pool_results, _time_limit, _timeout_reason, check_time_limit,
                               check_workers, iter_results)
from fromto.corpus.readers import _count_table_rows, _table_kind, iter_tasks, load_task
from fromto.run.processes import signals_end_run
from fromto.textio import InputError, held_folder, iter_text_files, read_text, spreadsheet_safe

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
    file but the five tables, as CSV or Parquet, and :data:`MARKER`, or tables without the marker) or would replace the input.
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
    from fromto.corpus.tables import TABLE_ENTRIES

    with held_folder(out, "corpus run") as hold:
        entries = os.listdir(out)
        for name in entries:
            if name.startswith(_PARTIAL):  # left by a run that was killed (we hold the lock: none is running)
                shutil.rmtree(out / name, ignore_errors=True)
        entries = [n for n in entries if not n.startswith(_PARTIAL)]
        foreign = sorted(n for n in entries if n not in TABLE_ENTRIES and n != MARKER)
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
            hold.keep()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def run_corpus(path: str | os.PathLike, out: str | os.PathLike, workers: int | None = None,
               progress: bool = True, chunksize: int = 4, time_limit: float | None = None, *,
               format: str | None = None, scheduler=None, batch_size: int | None = None) -> int:
    """Run corpus mode over ``path`` and write the five tables into ``out``; returns the exit status.

    See the module docstring for inputs, outputs, the temporary-folder rule and exit statuses. ``workers`` is
    checked by :func:`check_workers`; ``time_limit`` (seconds, default :data:`DEFAULT_TIME_LIMIT`, 0 = none)
    bounds the time spent on one document. ``format`` is ``"csv"`` (default) or ``"parquet"``
    (:mod:`fromto.corpus.tables`). ``scheduler`` runs the documents on a ``dask.distributed`` cluster instead of the
    local pool: a scheduler's address (``tcp://host:8786``), ``"local:N"`` for a ``LocalCluster`` of N worker
    processes started for the run, or a ``distributed.Client`` (:func:`fromto.corpus.cluster.cluster_results`);
    ``batch_size`` is then the most documents sent in one task. ``workers`` and ``scheduler`` exclude each other.
    The tables are byte for byte the same whichever runs the documents.
    """
    from tqdm import tqdm

    from fromto.corpus.tables import check_format, open_tables

    src = Path(path)
    out = Path(out)
    if scheduler is not None and workers is not None:
        raise InputError("--workers", "does not apply with --scheduler (local:N names the number of workers)")
    if scheduler is None and batch_size is not None:
        raise InputError("--batch-size", "applies only with --scheduler")
    workers = check_workers(workers) if scheduler is None else None
    time_limit = check_time_limit(time_limit)
    fmt = check_format(format)
    if scheduler is not None:
        try:
            from fromto.corpus import cluster
        except ImportError:
            raise InputError("--scheduler", "needs dask and distributed: python -m pip install -r requirements.txt"
                             ) from None
        scheduler = cluster.check_scheduler(scheduler)
        batch_size = cluster.check_batch_size(batch_size)
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

    def results():
        if scheduler is None:
            return iter_results(all_tasks(), workers=workers, chunksize=chunksize, time_limit=time_limit)
        return cluster.run_on_cluster(scheduler, all_tasks(), batch_size=batch_size, time_limit=time_limit)

    n_docs = n_errors = 0
    with signals_end_run(), _claim_output(out, src) as tmp:
        try:
            tables = None
            try:
                tables = open_tables(tmp, fmt)
                bar = tqdm(total=total, disable=not progress, file=sys.stderr, unit="doc",
                           desc="fromto corpus", dynamic_ncols=True)
                with bar, contextlib.closing(results()) as stream:
                    for doc, frags, error in stream:
                        if error is not None:
                            n_errors += 1
                            tables.write("errors.csv", _row_fragment([doc, error]))
                            bar.write(f"fromto: {doc}: {error}", file=sys.stderr)
                        else:
                            n_docs += 1
                            for name, text in frags.items():
                                tables.write(name, text)
                        bar.update(1)
            finally:
                if tables is not None:
                    tables.close()
            _move_into_place(tmp, out, tables.entries())
            (out / MARKER).write_text("These tables were written by `python -m fromto corpus`; "
                                      "a later run may replace them.\n", encoding="utf-8")
        except OSError as exc:
            raise InputError(out, f"cannot write the tables ({_os_problem(exc)})") from None
    if progress:
        print(f"fromto: {_n(n_docs, 'document')} processed, {n_errors} not; tables in {out}", file=sys.stderr)
    return 1 if n_errors else 0


def _move_into_place(tmp: Path, out: Path, entries: list[str]) -> None:
    """Move a finished run's tables (files or Parquet folders) from ``tmp`` into ``out``, replacing an earlier run's;
    the other format's tables an earlier run left are removed, so ``out`` holds one run's tables."""
    from fromto.corpus.tables import TABLE_ENTRIES

    for name in entries:
        if (out / name).is_dir():  # an earlier Parquet table: os.replace cannot replace a folder that holds files
            os.replace(out / name, tmp / f"earlier-{name}")
        os.replace(tmp / name, out / name)
    for name in sorted(TABLE_ENTRIES - set(entries)):
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


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
    with signals_end_run():
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


# --- A folder of documents as tables in memory ---------------------------------------------------------------
def folder_tables(folder: str | os.PathLike) -> dict:
    """Every ``*.txt`` of ``folder`` (sorted) through corpus mode's per-document path, kept in memory with its
    sentences: ``{"texts": {doc: raw text}, "sentences": DataFrame, "transitions": DataFrame}``, ``doc`` = the file
    stem. The raw text is what the sentences' ``raw_start``/``raw_end`` point into (:func:`fromto.textio.read_text`);
    the transitions are :func:`~fromto.corpus.document.coded_transitions`' rows (:data:`TRANSITION_COLUMNS`), the
    same as a corpus run's ``transitions.csv``. For the notebook's reading list and a second coder's packet, which
    need every sentence, not only the tables a corpus run writes."""
    import pandas as pd

    from fromto.clean import clean_document

    texts, sentence_tables, rows = {}, [], []
    for f in sorted(Path(folder).glob("*.txt")):
        text = read_text(f)
        texts[f.stem] = text
        result = clean_document(text, f.stem)
        sentence_tables.append(result.sentences)
        rows.extend(coded_transitions(result.sentence_rows))
    return {"texts": texts, "sentences": pd.concat(sentence_tables, ignore_index=True),
            "transitions": pd.DataFrame(rows, columns=TRANSITION_COLUMNS)}


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
    with signals_end_run():
        [(_, payload, error)] = _pool_results([task], 1, time_limit, work=_check_work)
    if error is not None:
        return DocumentCheck(doc=doc, error=error)
    if "input_error" in payload:
        raise InputError(*payload["input_error"])
    return DocumentCheck(**payload["counts"])
