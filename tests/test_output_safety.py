"""Runs on other input write only where they may, leave nothing half-done, and leave no process behind.

`python -m fromto report PAGE --out DIR` and notebook 05 with `out_dir` write outside the repository only, into a
folder that is new, empty or their own; a report is built beside its folder and swapped in whole; a signal ends a
run with one line and takes every child process with it; a page the report cannot describe is refused before
anything is written.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from fromto import cli, corpus, paths
from fromto.corpus import run as corpus_run
from fromto.run import report, runner
from fromto.textio import InputError

SEED = paths.SEED_PAGE
# A short page in the layout of a page dump (written for these tests, not quoted from any paper).
PAGE = ("\n\n基层观察\n\n社区治理有了新抓手——\n\n从各管一摊到握指成拳\n\n本报记者  李明\n\n"
        "近年来，某区推动街道党工委与驻区单位结对共建，组织关系从“松散型”向“紧密型”转变。\n\n"
        "各方力量下沉一线，变“单打独斗”为“抱团发展”，居民办事从“跑多次”到“跑一次”。\n")


def _page(tmp_path: Path, text: str = PAGE, name: str = "page.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _fromto(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fromto", *map(str, args)], cwd=paths.ROOT, capture_output=True,
                          text=True, timeout=600, **kw)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _earlier_report(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True)
    (folder / paths.REPORT_MARK).write_text("an earlier report\n", encoding="utf-8")
    (folder / "index.html").write_text("<p>the earlier report</p>", encoding="utf-8")
    (folder / "data").mkdir()
    (folder / "data" / "sentences.csv").write_text("sentence_id,text\nx,旧\n", encoding="utf-8")
    return _tree(folder)


# --- notebook 05's out_dir ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("where", [lambda: paths.DATA, lambda: paths.REPORTS, lambda: paths.ROOT,
                                   lambda: paths.ROOT / "fromto" / "results", lambda: paths.ROOT / ".git" / "x"])
def test_corpus_notebook_refuses_an_out_dir_inside_the_repository(where):
    target = where()
    existed = target.exists()
    with pytest.raises(InputError, match="inside the fromto repository"):
        paths.output_folders(target)
    assert target.exists() == existed


def test_corpus_notebook_refuses_an_out_dir_holding_other_files(tmp_path):
    (tmp_path / "mine.csv").write_text("keep", encoding="utf-8")
    with pytest.raises(InputError, match="did not make"):
        paths.output_folders(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv"]


def test_corpus_notebook_refuses_an_out_dir_that_is_a_file(tmp_path):
    table = tmp_path / "corpus.csv"
    table.write_text("id,text\na,从甲到乙\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        paths.output_folders(table)
    assert table.read_text(encoding="utf-8") == "id,text\na,从甲到乙\n"


def test_corpus_notebook_accepts_a_new_folder_and_its_own_earlier_run(tmp_path):
    out = tmp_path / "results"
    assert paths.output_folders(out) == (out, out)
    (out / "corpus_by_year.csv").write_text("year\n", encoding="utf-8")
    assert paths.output_folders(out) == (out, out)
    assert (out / paths.CORPUS_NOTEBOOK_MARK).is_file()


def _papermill_05(tmp_path: Path, out_dir, *extra) -> subprocess.CompletedProcess:
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir(exist_ok=True)
    (corpus_dir / "2001.txt").write_text("各地推动基层治理从“管理”向“服务”转变，取得新进展。\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "papermill", str(paths.NOTEBOOKS / "05_corpus.ipynb"),
                           str(tmp_path / "o.ipynb"), "-p", "corpus_path", str(corpus_dir), "-p", "out_dir",
                           str(out_dir), *map(str, extra)], cwd=paths.ROOT, capture_output=True, text=True,
                          timeout=600)


def test_corpus_notebook_run_by_papermill_into_data_changes_nothing_committed(tmp_path):
    before = _tree(paths.DATA)
    proc = _papermill_05(tmp_path, paths.DATA)
    assert proc.returncode != 0
    assert "inside the fromto repository" in proc.stderr + proc.stdout
    assert _tree(paths.DATA) == before


def test_corpus_notebook_with_no_workers_makes_no_out_dir(tmp_path):
    proc = _papermill_05(tmp_path, tmp_path / "results", "-p", "workers", "0")
    assert proc.returncode != 0 and "--workers" in proc.stderr + proc.stdout
    assert not (tmp_path / "results").exists()


# --- report: where it writes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("inside", ["myreport", "fromto/report", ".git/report", "notebooks"])
def test_report_refuses_any_folder_inside_the_repository(tmp_path, inside):
    target = paths.ROOT / inside
    existed = target.exists()
    with pytest.raises(InputError, match="inside the fromto repository"):
        report.run_report(_page(tmp_path), target)
    assert target.exists() == existed


def test_report_refuses_an_out_folder_that_holds_its_page(tmp_path):
    before = _earlier_report(tmp_path / "r")
    with pytest.raises(InputError, match="holds the page"):
        report.run_report(tmp_path / "r" / "data" / "sentences.csv", tmp_path / "r")
    assert _tree(tmp_path / "r") == before


def test_report_refuses_a_folder_another_report_is_writing(tmp_path):
    out = tmp_path / "mix"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running report holds it
        proc = _fromto("report", _page(tmp_path), "--out", out)
    finally:
        os.close(fd)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().endswith("another report is being written into this folder")
    assert list(out.iterdir()) == []


def test_a_failed_rerun_leaves_the_earlier_report_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "r"
    before = _earlier_report(out)

    def half_done(copies, needs, jobs, parameters=None, **kw):
        build = Path(parameters["out_dir"])
        (build / "data").mkdir(exist_ok=True)
        (build / "data" / "sentences.csv").write_text("new\n", encoding="utf-8")
        return 1  # a notebook failed

    monkeypatch.setattr(runner, "_execute_in_order", half_done)  # the report runs its notebooks through the runner
    assert report.run_report(_page(tmp_path), out) == 1
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt", "r"]  # no partial folder left beside it


def test_a_finished_report_replaces_the_earlier_one_whole(tmp_path, monkeypatch):
    out = tmp_path / "r"
    _earlier_report(out)

    def complete(copies, needs, jobs, parameters=None, **kw):
        build = Path(parameters["out_dir"])
        (build / "data").mkdir(exist_ok=True)
        (build / "data" / "sentences.csv").write_text("new\n", encoding="utf-8")
        return 0

    monkeypatch.setattr(runner, "_execute_in_order", complete)
    monkeypatch.setattr("fromto.run.docs.render_html", lambda copies, build, **kw: [build / "index.html"])
    monkeypatch.setattr("fromto.run.docs.report_intro", lambda page: "")
    assert report.run_report(_page(tmp_path), out) == 0
    tree = _tree(out)
    assert tree["data/sentences.csv"] == b"new\n" and "index.html" not in tree  # nothing of the old one is mixed in
    assert paths.REPORT_MARK in tree
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt", "r"]


# --- report: one line, not a traceback ------------------------------------------------------------------------------

@pytest.mark.parametrize("make_out", [
    lambda tmp: tmp / "a_file.txt" / "report",   # under a file
    lambda tmp: Path("/proc/fromto-report"),     # a file system that takes no folders
])
def test_report_into_an_impossible_folder_is_one_line(tmp_path, make_out):
    (tmp_path / "a_file.txt").write_text("x", encoding="utf-8")
    proc = _fromto("report", _page(tmp_path), "--out", make_out(tmp_path))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("fromto: ")


def test_run_that_cannot_write_its_pages_is_one_line(monkeypatch, capsys):
    monkeypatch.setattr(runner, "_execute_in_order", lambda *a, **k: 0)
    monkeypatch.setattr("fromto.run.manifest.write_manifest", lambda *a, **k: None)

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device", str(paths.DOCS / "index.html"))

    monkeypatch.setattr("fromto.run.docs.render_html", disk_full)
    assert cli.main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"fromto: {paths.DOCS / 'index.html'}: cannot write the rendered pages "
                                        "(No space left on device)"]


def _read_only(path, *a, **k):
    raise PermissionError(13, "Permission denied", str(path))


def test_run_whose_notebook_cannot_be_written_back_is_one_line(monkeypatch, capsys):
    monkeypatch.setattr(runner, "_execute_timed", _read_only)  # the worker's write-back, as a read-only notebooks/
    monkeypatch.setattr(runner, "_warm_up_in_background", lambda *a: None)
    assert cli.main(["run", "--only", "01", "--jobs", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["fromto: notebooks/01_clean_page.ipynb: cannot be written (Permission denied)"]


# --- report: pages it cannot describe ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, says", [
    ("\n\n深度关注\n\n上海探索超大城市基层党建新路——\n\n从管好“一幢楼”到融合“一座城”\n\n郑健麟\n\n"
     "延伸工作链条，党建引领更有力——\n\n组织关系从“松散型”向“紧密型”转变\n", "no body paragraph"),
    ("Regional party building\n\nThe city has moved from loose ties to close ties between organisations, and "
     "residents say the change is real.\n\nMore buildings have a party branch of their own.\n", "reads Chinese pages"),
    ("社区。\n", "reads Chinese pages"),
])
def test_report_refuses_a_page_it_cannot_describe_before_writing(tmp_path, text, says):
    out = tmp_path / "out"
    proc = _fromto("report", _page(tmp_path, text), "--out", out)
    assert proc.returncode == 2, proc.stdout[-1500:] + proc.stderr[-1500:]
    assert says in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()


# --- signals: one line, no process and no partial folder left ------------------------------------------------------

def _descendants_once_a_kernel_runs(proc: subprocess.Popen, timeout: float = 120) -> list[psutil.Process]:
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = parent.children(recursive=True)
        if any("ipykernel_launcher" in " ".join(k.cmdline()) for k in kids if k.is_running()):
            return kids
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail("no kernel started")


@pytest.mark.parametrize("sig, status, says", [(signal.SIGTERM, 143, "fromto: terminated"),
                                               (signal.SIGHUP, 129, "fromto: hung up (SIGHUP)"),
                                               (signal.SIGKILL, -9, None)])
def test_a_signal_during_a_report_leaves_no_process_and_the_folder_as_it_was(tmp_path, sig, status, says):
    out = tmp_path / "r"
    before = _earlier_report(out)
    proc = subprocess.Popen([sys.executable, "-m", "fromto", "report", str(_page(tmp_path)), "--out", str(out)],
                            cwd=paths.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        kids = _descendants_once_a_kernel_runs(proc)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == status
        if says:
            assert err.strip().splitlines()[-1] == says and "Traceback" not in err
        gone, alive = psutil.wait_procs(kids, timeout=20)
        assert not alive, [" ".join(p.cmdline())[:120] for p in alive]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    if sig != signal.SIGKILL:  # a killed report cannot tidy up; the next report into the folder does
        assert _tree(out) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt", "r"]
    else:
        assert _tree(out) == before


# --- smaller promises ------------------------------------------------------------------------------------------------

def test_a_single_file_corpus_is_named_by_its_file_name_not_its_path(tmp_path):
    f = _page(tmp_path, name="one.txt")
    assert [task[0] for task in corpus.iter_tasks(f)] == ["one.txt"]


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "utf-8-sig"])
def test_the_seed_page_saved_in_another_encoding_is_still_the_seed(tmp_path, monkeypatch, encoding):
    from fromto.textio import read_text

    copy = tmp_path / "seed.txt"
    copy.write_bytes(read_text(SEED).encode(encoding))
    monkeypatch.setattr(paths, "SEED_PAGE", copy)
    assert paths.is_seed_page()


def _slow_page_counts(text, doc="page"):
    time.sleep(30)


def test_report_refuses_a_page_past_the_time_limit_before_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_run, "page_counts", _slow_page_counts)  # the check's worker is forked from here
    out = tmp_path / "out"
    with pytest.raises(InputError, match="did not finish.*time limit"):
        report.run_report(_page(tmp_path), out, time_limit=1)
    assert not out.exists()
