"""Corpus mode's watched worker pool: documents in input order, a time limit for each, a dead worker costing only
its documents."""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import multiprocessing.connection as mp_connection
import os
import signal
import threading
import time
from typing import Iterable, Iterator

from fromto.corpus import document
from fromto.corpus.document import (DOCUMENT_COLUMNS, PARAGRAPH_COLUMNS, TERM_COLUMNS, TRANSITION_COLUMNS,
                                   _csv_fragment, _one_line, _row_fragment, coding_resources)
from fromto.corpus.readers import load_task
from fromto.textio import InputError, spreadsheet_safe

#: Seconds one document may take before it is reported as an error and the run goes on (``--time-limit``).
DEFAULT_TIME_LIMIT = 300.0
#: Seconds past the time limit after which the parent kills a worker stuck where the alarm cannot reach it.
KILL_GRACE = 10.0


# --- Worker side ------------------------------------------------------------------------------------------------
def _init_worker() -> None:
    """Load the dictionaries once per worker process (pool initializer; also run before in-process work)."""
    from fromto import clean, transitions  # noqa: F401  (import = load the cleaner's tables)
    from fromto.coding import rules  # noqa: F401
    from fromto.segment import tokens

    transitions.load()  # the extractor's word lists and patterns, read once before the work
    tokens.get_tokenizer()
    coding_resources()


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


def _work(task: tuple, time_limit: float | None = None, limit=None) -> tuple[str, dict[str, str], str | None]:
    """Process one task in a worker: ``(doc, {table file: CSV rows}, error reason or None)``.

    Serialising to CSV text here keeps the main process light (it only appends strings) and the data
    sent between processes small. ``doc`` is the document's name as the tables write it
    (:func:`spreadsheet_safe`). A document that takes longer than ``time_limit`` seconds is an error: ``limit``
    (default :func:`_time_limit`, an alarm in the main thread) is the context manager that raises
    :class:`DocumentTimeout` in the block after that many seconds.
    """
    doc = spreadsheet_safe(task[0])
    try:
        with (limit or _time_limit)(time_limit):
            _, text, meta = load_task(task)
            res = document.process_document(doc, text, meta)
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
