"""Corpus mode on a Dask cluster (``--scheduler``) and as Parquet (``--format parquet``): the local pool's tables.

The cluster is a ``LocalCluster`` of two worker processes on this machine (no dashboard, little memory), started
once for the module and closed at its end. A test-only worker plugin (:class:`MarkerHooks`, defined here, never in
the package) makes a document holding :data:`KILL` end its worker process (one holding :data:`HANG` loops until the
time limit ends it); the local pool gets the same hooks by patching the function its forked workers inherit.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
import warnings

import cloudpickle
import dask
import pandas as pd
import psutil
import pytest
from distributed import Client, LocalCluster, WorkerPlugin

from fromto import corpus
from fromto.corpus import cluster as corpus_cluster
from fromto.corpus import document
from fromto.corpus.tables import INT_COLUMNS, parquet_name, read_tables
from fromto.views import corpus_report

DOC_A = "基层党建\n近年来，社区党建工作实现了从松散型到紧密型的转变。\n党员服务群众。党员走访居民。\n"
DOC_B = "区域化党建\n我们推动组织设置由单位向区域转变。居民满意。\n"
DOC_C = "天气预报\n北京今天晴，明天多云。\n"
#: A document holding this ends the worker process processing it (test hook, see the module docstring).
KILL = "测试标记：结束工作进程"
#: A document holding this loops until the time limit ends it.
HANG = "测试标记：一直运行"

# The hook plugin travels to the workers by value: they cannot import this test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def _hooked(original, parent_pid):
    """``process_document`` that ends its process on :data:`KILL` (never the test's own process) and loops on
    :data:`HANG` (in short sleeps, so the time limit's exception, raised between two instructions, reaches it)."""

    def process_document(doc_id, text, meta=None):
        if KILL in text:
            if os.getpid() == parent_pid:
                raise RuntimeError("the kill hook ran in the test's own process")
            os._exit(1)
        if HANG in text:
            while True:
                time.sleep(0.02)
        return original(doc_id, text, meta)

    return process_document


class MarkerHooks(WorkerPlugin):
    """Test-only: installs :func:`_hooked` in every worker of the test cluster (restarted ones too)."""

    name = "fromto-test-marker-hooks"

    def __init__(self, parent_pid):
        self.parent_pid = parent_pid

    def setup(self, worker):
        from fromto.corpus import document as worker_document

        if not getattr(worker_document.process_document, "_hooked", False):
            hooked = _hooked(worker_document.process_document, self.parent_pid)
            hooked._hooked = True
            worker_document.process_document = hooked


def write_folder(folder, docs):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def corpus_folder(tmp_path, hooks=True):
    """A small corpus: ordinary documents, an empty file (a bad document) and, with ``hooks``, one that kills its
    worker, in the middle."""
    docs = {f"d{i:02d}.txt": (DOC_A, DOC_B, DOC_C)[i % 3] for i in range(10)}
    docs["d03.txt"] = b""
    if hooks:
        docs["d05.txt"] = DOC_A + KILL + "\n"
    return write_folder(tmp_path / ("in" if hooks else "in_plain"), docs)


@pytest.fixture(scope="module")
def test_cluster():
    """Two worker processes of one thread each, 1 GiB each, no dashboard, configured as ``--scheduler local:N``
    configures its clusters (a dead worker's task given up at once). Closed at the end of the module."""
    with dask.config.set(corpus_cluster.LOCAL_CLUSTER_CONFIG), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                               dashboard_address=None, silence_logs=logging.CRITICAL)
    with cluster, Client(cluster, set_as_default=False) as client:
        client.register_plugin(MarkerHooks(os.getpid()))
        yield cluster


def read_rows(out, name):
    return pd.read_csv(out / name, dtype=str, keep_default_na=False)


def test_a_two_worker_cluster_writes_the_local_pools_tables(test_cluster, tmp_path, monkeypatch):
    src = corpus_folder(tmp_path)
    local, dask_out = tmp_path / "local", tmp_path / "dask"
    # The local pool's forked workers inherit the hooked function (two workers: never in this process).
    monkeypatch.setattr(document, "process_document", _hooked(document.process_document, os.getpid()))
    assert corpus.run_corpus(src, local, workers=2, progress=False) == 1
    monkeypatch.undo()
    assert corpus.run_corpus(src, dask_out, progress=False, scheduler=test_cluster.scheduler_address,
                             batch_size=3) == 1

    for name in corpus.TABLES:
        if name != "errors.csv":
            assert (local / name).read_bytes() == (dask_out / name).read_bytes(), name
    docs = read_rows(dask_out, "documents.csv")["doc"].tolist()
    assert docs == [f"d{i:02d}.txt" for i in range(10) if i not in (3, 5)]
    local_errors, dask_errors = read_rows(local, "errors.csv"), read_rows(dask_out, "errors.csv")
    assert dask_errors["doc"].tolist() == local_errors["doc"].tolist() == ["d03.txt", "d05.txt"]
    reasons = dict(zip(dask_errors["doc"], dask_errors["reason"]))
    local_reasons = dict(zip(local_errors["doc"], local_errors["reason"]))
    assert reasons["d03.txt"] == local_reasons["d03.txt"] and "empty" in reasons["d03.txt"]
    assert "KilledWorker" in reasons["d05.txt"] and "worker process" in local_reasons["d05.txt"]
    assert sorted(os.listdir(dask_out)) == sorted([*corpus.TABLES, corpus.MARKER])


def test_cluster_results_yields_each_documents_rows_in_input_order(test_cluster, tmp_path):
    src = corpus_folder(tmp_path, hooks=False)
    with Client(test_cluster.scheduler_address, set_as_default=False) as client:
        results = list(corpus.cluster_results(client, corpus.iter_tasks(src), batch_size=4))
    assert [doc for doc, _, _ in results] == [f"d{i:02d}.txt" for i in range(10)]
    errors = {doc: error for doc, _, error in results if error}
    assert list(errors) == ["d03.txt"]
    by_doc = {doc: tables for doc, tables, error in results if not error}
    expected = document.process_document("d01.txt", DOC_B, {})
    assert by_doc["d01.txt"]["documents.csv"][0]["n_transitions"] == str(expected["document"]["n_transitions"])
    assert [r["term"] for r in by_doc["d01.txt"]["term_frequencies.csv"]] == [r["term"] for r in expected["terms"]]
    assert set(by_doc["d00.txt"]) == set(corpus.TABLES) - {"errors.csv"}


def test_a_document_past_the_time_limit_is_ended_in_a_worker_thread(monkeypatch):
    """Dask runs tasks in threads, out of reach of the pool's alarm: the limit raises in the thread instead. Only the
    looping document is under the limit here, so no ordinary document's speed matters."""
    import threading

    monkeypatch.setattr(document, "process_document", _hooked(document.process_document, os.getpid()))
    answer = []
    worker = threading.Thread(target=lambda: answer.extend(
        corpus_cluster.process_batch([("late.txt", None, DOC_B + HANG, {}, None)], 0.5)))
    worker.start()
    worker.join()
    [(doc, tables, reason)] = answer
    assert doc == "late.txt" and tables == {} and "time limit" in reason
    with corpus_cluster.thread_time_limit(30):  # a limit not reached changes nothing, and leaves nothing pending
        total = sum(range(1000))
    time.sleep(0.01)
    assert total == 499500


def parquet_as_csv_rows(out, name):
    """A Parquet table read back as the CSV reader sees the CSV one: every cell a string, empty for null."""
    table = pd.read_parquet(out / parquet_name(name))
    return table.astype("string").fillna("").astype(str)


def test_parquet_round_trips_to_the_csv_rows(tmp_path):
    src = corpus_folder(tmp_path, hooks=False)
    assert corpus.run_corpus(src, tmp_path / "csv", workers=1, progress=False) == 1
    assert corpus.run_corpus(src, tmp_path / "pq", workers=1, progress=False, format="parquet") == 1
    assert sorted(os.listdir(tmp_path / "pq")) == sorted([corpus.MARKER, *(parquet_name(n) for n in corpus.TABLES)])
    for name, cols in corpus.TABLES.items():
        csv_rows = read_rows(tmp_path / "csv", name)
        pq_rows = parquet_as_csv_rows(tmp_path / "pq", name)
        assert list(pq_rows.columns) == cols
        assert csv_rows.values.tolist() == pq_rows.values.tolist(), name
    import pyarrow.parquet as pq

    schema = pq.read_schema(next((tmp_path / "pq" / "term_frequencies.parquet").glob("*.parquet")))
    assert str(schema.field("count").type) == "int64" and str(schema.field("term").type) == "string"
    # notebook 05's reader reads either format to the same frames, and the report's views agree on them
    a, b = read_tables(tmp_path / "csv"), corpus_report.read_corpus_tables(tmp_path / "pq")
    for name in ("documents.csv", "paragraphs.csv", "term_frequencies.csv", "transitions.csv"):
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=False)
    pd.testing.assert_frame_equal(corpus_report.per_year(a["documents.csv"]), corpus_report.per_year(b["documents.csv"]),
                                  check_dtype=False)


def test_parquet_parts_hold_a_bounded_number_of_rows(tmp_path):
    from fromto.corpus.tables import ParquetTables

    tables = ParquetTables(tmp_path, row_group_rows=2, part_rows=3)
    for k in range(7):
        tables.write("term_frequencies.csv", f"d,t{k},{k}\n")
    tables.close()
    parts = sorted((tmp_path / "term_frequencies.parquet").glob("*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    rows = pd.read_parquet(tmp_path / "term_frequencies.parquet")
    assert rows["term"].tolist() == [f"t{k}" for k in range(7)] and rows["count"].tolist() == list(range(7))
    assert len(list((tmp_path / "errors.parquet").glob("*.parquet"))) == 1  # an empty table keeps its columns


def test_a_parquet_run_replaces_an_earlier_csv_run_and_back(tmp_path):
    src = corpus_folder(tmp_path, hooks=False)
    out = tmp_path / "out"
    corpus.run_corpus(src, out, workers=1, progress=False)
    corpus.run_corpus(src, out, workers=1, progress=False, format="parquet")
    assert sorted(os.listdir(out)) == sorted([corpus.MARKER, *(parquet_name(n) for n in corpus.TABLES)])
    corpus.run_corpus(src, out, workers=1, progress=False)
    assert sorted(os.listdir(out)) == sorted([corpus.MARKER, *corpus.TABLES])


# --- Command line -----------------------------------------------------------------------------------------------
@pytest.fixture
def run_cli(capsys):
    from fromto import cli

    def run(*args):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


@pytest.mark.parametrize("options, named", [
    (["--scheduler", "local:0"], "--scheduler"),
    (["--scheduler", "local:two"], "--scheduler"),
    (["--scheduler", "not an address"], "--scheduler"),
    (["--scheduler", "local:1", "--workers", "2"], "--workers"),
    (["--scheduler", "local:1", "--batch-size", "0"], "--batch-size"),
    (["--batch-size", "8"], "--batch-size"),
    (["--format", "xlsx"], "--format"),
])
def test_bad_cluster_and_format_options_are_one_line_and_status_2(run_cli, tmp_path, options, named):
    src = write_folder(tmp_path / "in", {"a.txt": DOC_A})
    res = run_cli("corpus", str(src), "--out", str(tmp_path / "out"), "--quiet", *options)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and res.stderr.startswith(f"fromto: {named}: "), res.stderr
    assert not (tmp_path / "out").exists()


def test_cli_local_cluster_writes_parquet_and_leaves_no_process_behind(run_cli, tmp_path):
    src = write_folder(tmp_path / "in", {"a.txt": DOC_A, "b.txt": DOC_B, "c.txt": DOC_C})
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    res = run_cli("corpus", str(src), "--out", str(tmp_path / "out"), "--quiet", "--scheduler", "local:1",
                  "--format", "parquet")
    assert res.returncode == 0, res.stderr
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs["doc"].tolist() == ["a.txt", "b.txt", "c.txt"]
    assert set(INT_COLUMNS["documents.csv"]) <= set(docs.columns)
    left = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
    _, alive = psutil.wait_procs(left, timeout=30)
    assert not alive, [p.cmdline() for p in alive]


def test_the_scheduler_option_needs_no_private_function():
    """The public way in for one's own Dask code is documented and exported."""
    assert corpus.cluster_results.__doc__ and "Client" in corpus.cluster_results.__doc__
    assert corpus.CorpusWorkerPlugin is corpus_cluster.CorpusWorkerPlugin
