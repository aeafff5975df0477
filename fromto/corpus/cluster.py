"""Corpus mode on a ``dask.distributed`` cluster: the same per-document function, the same tables.

``python -m fromto corpus PATH --out DIR --scheduler ADDRESS`` (or ``--scheduler local:N``, a ``LocalCluster`` of N
worker processes on this machine) sends the documents to a cluster instead of the local pool
(:mod:`fromto.corpus.pool`). Each worker loads the dictionaries once (:class:`CorpusWorkerPlugin`, registered with
the cluster for the run); documents go in batches (:func:`process_batch`, one Dask task each) of at most
``batch_size`` documents and :data:`~fromto.corpus.pool.CHUNK_CHARS` characters; each document goes through
:func:`fromto.corpus.pool._work`, the local pool's own unit of work, which calls
:func:`~fromto.corpus.document.process_document` and returns the same CSV fragments, so the tables are byte for byte
the local pool's. Results come back in input order, with a bounded number of batches in flight (memory stays flat).

What the local pool promises, and where the cluster differs:

* a bad document (unreadable, malformed, a bug) is a row of ``errors.csv`` and the run goes on: the same;
* a worker that dies (killed, out of memory) costs only the documents it was running: the scheduler gives its
  batch to another worker, and after ``distributed.scheduler.allowed-failures`` deaths (Dask's default 3; a
  ``local:N`` cluster is started with 0, :data:`LOCAL_CLUSTER_CONFIG`) it gives up with ``KilledWorker``; the batch
  is then sent again one document per task, so the document that kills its worker is found, and listed in
  ``errors.csv`` once it has met ``KilledWorker`` alone :data:`SINGLE_TRIES` times, while the others are processed.
  Its reason says the worker died, without the exit status the local pool names;
* ``--time-limit``: a document that runs longer is ended and listed in ``errors.csv``, by an exception raised in
  the worker's thread (:func:`thread_time_limit`). This reaches Python code only: unlike the local pool, which
  kills a worker stuck inside C (a regular expression), a document stuck there keeps its worker thread busy;
* Ctrl-C (and SIGTERM) cancel the run's tasks on the cluster, close the client (and a ``local:N`` cluster) and
  leave ``--out`` as it was (:func:`fromto.corpus.run.run_corpus`' temporary folder and lock, unchanged);
* the progress bar is the local pool's, advanced as documents come back in order.

A folder of ``.txt`` files is read by the workers themselves (only paths travel), so on a cluster of several
machines the folder must be at the same absolute path on every worker (a shared file system); a CSV/JSONL corpus
travels with its tasks and needs nothing shared. Every worker needs fromto installed (``pip install -r
requirements.txt``).

For one's own Dask code, :func:`cluster_results` takes a ``distributed.Client`` and tasks
(:func:`fromto.corpus.iter_tasks`) and yields each document's rows in input order.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import io
import logging
import os
import re
import threading
import time
import uuid
import warnings
from typing import Iterable, Iterator

from distributed import WorkerPlugin

from fromto.corpus.document import TABLES
from fromto.corpus.pool import CHUNK_CHARS, DocumentTimeout, _init_worker, _task_size, _timeout_reason, _work
from fromto.textio import InputError, spreadsheet_safe

#: Documents in one Dask task unless ``--batch-size`` says otherwise: enough that the scheduler's cost per task
#: (about a millisecond) is small against the documents', few enough that a dead worker's batch is quickly re-run.
DEFAULT_BATCH_SIZE = 32
#: Seconds to wait for a scheduler to answer before ``--scheduler ADDRESS`` is refused.
CONNECT_TIMEOUT = 20
#: Batches in flight per worker thread: enough to keep every worker busy while results travel back.
BATCHES_PER_THREAD = 3
#: Scheduler settings of a ``local:N`` cluster: a task whose worker dies is given up at once (the local pool reports
#: a document the first time its worker dies), and a worker holds only the task it runs, so a dying worker takes no
#: queued task down with it.
LOCAL_CLUSTER_CONFIG = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
#: Times a document sent alone may meet ``KilledWorker`` before it is reported: twice, because a task waiting on a
#: worker that another document kills is given up too.
SINGLE_TRIES = 2

_ADDRESS = re.compile(r"^(?:(?:tcp|tls|inproc|ucx|ws|wss)://)?[^\s/:]+(?::\d{1,5})?$|^(?:tcp|tls|inproc)://\S+$")


# --- Worker side ------------------------------------------------------------------------------------------------
class CorpusWorkerPlugin(WorkerPlugin):
    """Loads corpus mode's dictionaries (the cleaner's tables, the extractor's word lists, the tokenizer, the
    codebook) once in each worker of the cluster, when the worker starts or the plugin is registered, so no batch
    pays for them. Register it with ``client.register_plugin(CorpusWorkerPlugin())``: a worker that starts later
    (a restarted or added one) gets it too."""

    name = "fromto-corpus"
    idempotent = True

    def setup(self, worker) -> None:
        _init_worker()


@contextlib.contextmanager
def thread_time_limit(seconds: float | None):
    """Raise :class:`~fromto.corpus.pool.DocumentTimeout` in the calling thread after ``seconds`` (``None``: never).

    Dask runs tasks in worker threads, where the local pool's alarm (a signal, main thread only) cannot reach: a
    timer thread raises the exception in the calling thread instead (``PyThreadState_SetAsyncExc``). It takes
    effect between two Python instructions, so code stuck inside one C call is not ended.
    """
    if not seconds:
        yield
        return
    tid = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire():
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            if state["fired"]:  # raised already, or still pending: a pending one must not escape the block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, None)
        timer.cancel()


def process_batch(tasks: list, time_limit: float | None = None) -> list[tuple]:
    """Process a batch of tasks in a Dask worker: ``[(doc, {table file: CSV rows}, error reason or None), …]``.

    Each task goes through the local pool's unit of work (:func:`fromto.corpus.pool._work`) under
    :func:`thread_time_limit`; a bad document is an error in its place, never an exception. The dictionaries are
    loaded first if :class:`CorpusWorkerPlugin` has not loaded them (then this costs nothing).
    """
    _init_worker()
    return [_work(task, time_limit, limit=thread_time_limit) for task in tasks]


# --- Options ----------------------------------------------------------------------------------------------------
def check_scheduler(scheduler):
    """``--scheduler``: ``("local", N)`` for ``local:N`` (N worker processes on this machine; ``local`` alone: one
    per core), ``("address", ADDRESS)`` for a scheduler's address (``tcp://10.0.0.5:8786``, ``10.0.0.5:8786``);
    a ``distributed.Client`` is returned as it is. Anything else raises :class:`~fromto.textio.InputError`."""
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler
    text = str(scheduler).strip()
    if text == "local" or text.startswith("local:"):
        from fromto.corpus.pool import _cores

        n = text.partition(":")[2]
        if text == "local":
            return "local", _cores()
        if not n.isdigit() or int(n) < 1:
            raise InputError("--scheduler", f"local:N needs a whole number of workers, 1 or more (got {text!r})")
        return "local", int(n)
    if not text or not _ADDRESS.match(text):
        raise InputError("--scheduler", f"must be a scheduler address such as tcp://HOST:8786, or local:N "
                                        f"(got {text!r})")
    return "address", text


def check_batch_size(batch_size) -> int:
    """``--batch-size``: documents per Dask task, 1 or more (``None``: :data:`DEFAULT_BATCH_SIZE`)."""
    if batch_size is None:
        return DEFAULT_BATCH_SIZE
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InputError("--batch-size", f"must be a whole number of 1 or more (got {batch_size!r})")
    return batch_size


@contextlib.contextmanager
def open_client(scheduler):
    """A ``distributed.Client`` for a checked ``--scheduler`` (:func:`check_scheduler`), closed afterwards with the
    ``LocalCluster`` it started. ``local:N``: N worker processes of one thread each, no dashboard, logs only on
    errors, and :data:`LOCAL_CLUSTER_CONFIG` (see the module docstring). An address that does not answer within
    :data:`CONNECT_TIMEOUT` seconds raises :class:`~fromto.textio.InputError`."""
    import dask
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
        return
    kind, value = scheduler
    if kind == "local":
        with dask.config.set(LOCAL_CLUSTER_CONFIG), warnings.catch_warnings():
            # the scheduler's HTTP routes (health, metrics) take another port when 8787 is taken: nothing to say
            warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
            cluster = LocalCluster(n_workers=value, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.CRITICAL)
        try:
            with Client(cluster, set_as_default=False) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(value, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError("--scheduler", f"cannot reach the scheduler at {value} ({_short(exc)})") from None
    with client:
        yield client


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


# --- Driver -----------------------------------------------------------------------------------------------------
def _absolute(task: tuple) -> tuple:
    """A task whose file path every worker can open whatever its working directory (``doc`` unchanged)."""
    doc, file, text, meta, error = task
    return (doc, os.path.abspath(file) if file else file, text, meta, error)


def _batches(tasks: Iterable[tuple], batch_size: int) -> Iterator[list]:
    """Tasks in batches of at most ``batch_size`` documents and :data:`CHUNK_CHARS` characters (a larger one
    alone), as the local pool chunks them."""
    batch, size = [], 0
    for task in tasks:
        n = _task_size(task)
        if batch and (len(batch) >= batch_size or size + n > CHUNK_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(_absolute(task))
        size += n
    if batch:
        yield batch


def _killed_reason(exc) -> str:
    tries = getattr(exc, "allowed_failures", None)
    times = {0: " once", 1: " twice"}.get(tries, f" {tries + 1} times") if isinstance(tries, int) else ""
    return (f"the worker process processing it died{times} (Dask's KilledWorker; the out-of-memory killer "
            "or a crash does this)")


def _register(client) -> None:
    try:
        client.register_plugin(CorpusWorkerPlugin())
    except Exception as exc:  # a worker without fromto, or another version of it
        raise InputError("--scheduler", f"the workers could not load fromto's dictionaries "
                                        f"({type(exc).__name__}: {_short(exc)}); install fromto on every worker "
                                        "(pip install -r requirements.txt)") from None


def _results(client, tasks: Iterable[tuple], batch_size: int, time_limit: float | None) -> Iterator[tuple]:
    """``(doc, {table file: CSV rows}, error or None)`` of every task, in input order (see :func:`cluster_results`)."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    _register(client)
    run = uuid.uuid4().hex[:8]
    batches = _batches(tasks, batch_size)
    pending: dict = {}  # future -> (index of its first document, its tasks, KilledWorkers it met alone)
    results: dict[int, tuple] = {}
    done = as_completed(loop=client.loop)
    next_in = next_out = 0
    exhausted = False
    window, checked = BATCHES_PER_THREAD, 0.0

    def submit(index: int, batch: list, deaths: int = 0) -> None:
        key = f"fromto-{run}-{index}-{len(batch)}-{deaths}"
        future = client.submit(process_batch, batch, time_limit, pure=False, key=key)
        pending[future] = (index, batch, deaths)
        done.add(future)

    def top_up() -> None:
        nonlocal next_in, exhausted, window, checked
        if time.monotonic() - checked > 2:  # workers come and go: keep about three batches per thread in flight
            window = BATCHES_PER_THREAD * max(1, sum(client.nthreads().values()))
            checked = time.monotonic()
        while not exhausted and len(pending) < window:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
                break
            submit(next_in, batch)
            next_in += len(batch)

    try:
        top_up()
        while pending:
            future = next(done)
            index, batch, deaths = pending.pop(future)
            try:
                answer = future.result()
            except KilledWorker as exc:
                if len(batch) > 1:  # which document was it? each goes again on its own
                    for k, task in enumerate(batch):
                        submit(index + k, [task])
                elif deaths + 1 < SINGLE_TRIES:
                    submit(index, batch, deaths + 1)
                else:
                    results[index] = (spreadsheet_safe(batch[0][0]), {}, _killed_reason(exc))
                answer = None
            except Exception as exc:  # the task was lost or could not run: its documents are reported
                reason = f"the cluster could not run it ({type(exc).__name__}: {_short(exc)})"
                for k, task in enumerate(batch):
                    results[index + k] = (spreadsheet_safe(task[0]), {}, reason)
                answer = None
            future.release()
            if answer is not None:
                for k, result in enumerate(answer):
                    results[index + k] = result
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            top_up()
    finally:
        if pending:  # Ctrl-C, an error, or a caller that stopped reading: nothing of the run stays on the cluster
            with contextlib.suppress(Exception):
                client.cancel(list(pending), force=True)


def cluster_results(client, tasks: Iterable[tuple], *, batch_size: int | None = None,
                    time_limit: float | None = None, rows: bool = True) -> Iterator[tuple]:
    """Run corpus mode's per-document function over ``tasks`` on a Dask cluster; yield results in input order.

    For one's own Dask code: ``client`` is a ``distributed.Client``; ``tasks`` are corpus mode's task tuples, as
    :func:`fromto.corpus.iter_tasks` reads them from a folder of ``.txt`` files or a CSV/JSONL file (an iterable,
    read lazily). Registers :class:`CorpusWorkerPlugin` (dictionaries loaded once per worker), sends the documents in
    batches of ``batch_size`` (default :data:`DEFAULT_BATCH_SIZE`) and keeps a few batches per worker thread in
    flight. ``time_limit`` is :func:`~fromto.corpus.check_time_limit`'s (default 300 s, 0: none).

    Yields ``(doc, tables, error)`` per document: ``error`` is ``None`` or why the document was not processed (bad
    input, past the time limit, its worker died: see the module docstring), ``tables`` then empty; else ``tables``
    maps each table of :data:`~fromto.corpus.TABLES` but ``errors.csv`` to its rows for this document, as dicts of
    the table's columns holding the strings ``python -m fromto corpus`` writes (``rows=False``: the CSV text of
    those rows, as the command appends it). Stopping early (``close()``, an exception, Ctrl-C) cancels the tasks
    still on the cluster. Example::

        from dask.distributed import Client
        from fromto import corpus

        with Client("tcp://scheduler:8786") as client:
            for doc, tables, error in corpus.cluster_results(client, corpus.iter_tasks("/shared/corpus")):
                ...
    """
    from fromto.corpus.pool import check_time_limit

    batch_size = check_batch_size(batch_size)
    time_limit = check_time_limit(time_limit)
    for doc, frags, error in _results(client, tasks, batch_size, time_limit):
        if rows and error is None:
            frags = {name: [dict(zip(TABLES[name], row)) for row in csv.reader(io.StringIO(text, newline=""))]
                     for name, text in frags.items()}
        yield doc, frags, error


def run_on_cluster(scheduler, tasks: Iterable[tuple], batch_size: int, time_limit: float | None) -> Iterator[tuple]:
    """:func:`fromto.corpus.run.run_corpus`' results on the cluster ``scheduler`` (checked by
    :func:`check_scheduler`): ``(doc, {table file: CSV rows}, error)`` in input order, the client (and a
    ``local:N`` cluster) closed when the run ends, however it ends."""
    with open_client(scheduler) as client:
        yield from _results(client, tasks, batch_size, time_limit)
