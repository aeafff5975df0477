"""Nothing a user gives fromto can destroy data, hang it, or blow it up.

One behaviour per test, on literal snippets. Anything that could hang runs the command line in a child process
with a ``timeout=`` here in the test (never in the code under test), and checks how it ended, not how long it took.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

if __name__ == "__main__":  # the fuzz child: import this repository's package, not an installed one
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fromto import clean, cli, corpus, paths, textio
from fromto.corpus import pool as corpus_pool
from fromto.corpus import run as corpus_run
from fromto.run import runner
from fromto.textio import InputError

GOOD = "近年来，社区党建工作实现了从松散型到紧密型的转变。\n"
GOOD_B = "我们推动组织设置由单位向区域转变。\n"
ROOT = Path(__file__).resolve().parent.parent


def read(out, name):
    return pd.read_csv(out / name, dtype=str, keep_default_na=False)


def cli_run(capsys, *args):
    """``python -m fromto ARGS`` in this process: (status, stdout, stderr)."""
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def child(*args, timeout=120, **kwargs):
    """``python -m fromto ARGS`` in a child process, from the repository, ended by the test after ``timeout``."""
    return subprocess.run([sys.executable, "-m", "fromto", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, **kwargs)


def one_error_line(err: str) -> bool:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    return len(lines) == 1 and lines[0].startswith("fromto: ") and "Traceback" not in err


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# A child process running the corpus command with process_document patched (forked workers inherit the patch):
# documents named "slow*" sleep, "boom" kills its own process with SIGKILL.
_PATCHED = textwrap.dedent("""
    import os, signal, sys, time
    sys.path.insert(0, {root!r})
    from fromto import cli
    from fromto.corpus import document
    real = document.process_document
    def patched(doc, text, meta=None):
        if doc.startswith("slow"):
            time.sleep(float(os.environ.get("SLOW", "1000")))
        if doc == "boom":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, text, meta)
    document.process_document = patched
    sys.exit(cli.main(sys.argv[1:]))
""")


def patched_child(*args, timeout=120, env=None, **kwargs):
    code = _PATCHED.format(root=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, **kwargs)


# --- A corpus run never overwrites its input or files it did not write -------------------------------------------
def test_corpus_refuses_an_out_folder_that_holds_its_own_input(tmp_path, capsys):
    src = tmp_path / "X" / "documents.csv"
    src.parent.mkdir()
    src.write_text("id,text\na,从甲向乙转变。\n", encoding="utf-8")
    before = src.read_bytes()
    code, _, err = cli_run(capsys, "corpus", src, "--out", src.parent, "--workers", 1, "--quiet")
    assert code == 2 and one_error_line(err)
    assert src.read_bytes() == before


def test_corpus_refuses_an_out_folder_holding_files_it_did_not_write(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    out = tmp_path / "out"
    out.mkdir()
    (out / "transitions.csv").write_text("my own notes\n", encoding="utf-8")
    code, _, err = cli_run(capsys, "corpus", src, "--out", out, "--workers", 1, "--quiet")
    assert code == 2 and one_error_line(err)
    assert (out / "transitions.csv").read_text(encoding="utf-8") == "my own notes\n"


def test_corpus_may_write_again_into_the_folder_of_an_earlier_run(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    assert read(out, "documents.csv")["doc"].tolist() == ["a"]


def test_corpus_never_replaces_a_table_of_an_earlier_run_that_is_its_input(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    table = out / "errors.csv"
    table.write_text(f"id,text\nb,{GOOD.strip()}\n", encoding="utf-8")  # a table of the run, now the input
    before = table.read_bytes()
    with pytest.raises(InputError, match="one of the tables"):
        corpus.run_corpus(table, out, workers=1, progress=False)
    assert table.read_bytes() == before


# --- One bad id or file name costs one document, not the run -----------------------------------------------------
def test_jsonl_id_with_a_lone_surrogate_is_a_document_error_and_the_rest_is_written(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "%s"}\n{"id": "b\\ud800", "text": "%s"}\n{"id": "c", "text": "%s"}\n'
                   % (GOOD.strip(), GOOD.strip(), GOOD_B.strip()), encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 1
    assert read(out, "documents.csv")["doc"].tolist() == ["a", "c"]
    errors = read(out, "errors.csv")
    assert errors["doc"].tolist() == ["b\\ud800"] and "surrogate" in errors["reason"][0]


def test_txt_file_whose_name_is_not_utf8_is_a_document_error_and_the_rest_is_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as fh:
        fh.write(GOOD.encode("utf-8"))
    out = tmp_path / "out"
    assert corpus.run_corpus(folder, out, workers=1, progress=False) == 1
    assert read(out, "documents.csv")["doc"].tolist() == ["a.txt"]
    assert read(out, "errors.csv")["doc"].tolist() == ["bad\\xff.txt"]


def test_transitions_on_text_with_a_lone_surrogate_is_a_one_line_error(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "从甲向乙转变\\ud800。"}\n', encoding="utf-8")
    code, out, err = cli_run(capsys, "transitions", src)
    assert code == 2 and one_error_line(err) and out == ""


# --- Corpus runs cannot hang -------------------------------------------------------------------------------------
def _slow_corpus(tmp_path, n=6):
    return write_jsonl(tmp_path / "in.jsonl", [{"id": f"slow{i}", "text": GOOD} for i in range(n)])


def _group_is_gone(pgid: int) -> bool:
    for _ in range(50):
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_to_the_process_group_ends_the_run_and_its_workers(tmp_path, attempt):
    src, out = _slow_corpus(tmp_path), tmp_path / "out"
    proc = patched_child("corpus", src, "--out", out, "--workers", 2, "--quiet", start_new_session=True,
                         env={"SLOW": "1000"})
    time.sleep(4)  # let the workers start and take documents
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the run did not end after Ctrl-C")
    assert proc.returncode == 130, err
    assert _group_is_gone(proc.pid)
    assert not out.exists() or not any(p.name.startswith(".fromto-partial-") for p in out.iterdir())


def test_sigterm_ends_the_run_and_removes_its_temporary_folder(tmp_path):
    src, out = _slow_corpus(tmp_path), tmp_path / "out"
    proc = patched_child("corpus", src, "--out", out, "--workers", 2, "--quiet", start_new_session=True)
    time.sleep(4)
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the run did not end after SIGTERM")
    assert proc.returncode == 143, err
    assert _group_is_gone(proc.pid)
    assert not out.exists() or not any(p.name.startswith(".fromto-partial-") for p in out.iterdir())


def test_a_worker_killed_with_sigkill_costs_one_document_and_the_run_finishes(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}, {"id": "boom", "text": GOOD},
                                              {"id": "c", "text": GOOD_B}, {"id": "d", "text": GOOD}])
    out = tmp_path / "out"
    proc = patched_child("corpus", src, "--out", out, "--workers", 2, "--quiet", start_new_session=True)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the run hung after a worker was killed")
    assert proc.returncode == 1, err
    assert read(out, "documents.csv")["doc"].tolist() == ["a", "c", "d"]
    errors = read(out, "errors.csv")
    assert errors["doc"].tolist() == ["boom"] and "SIGKILL" in errors["reason"][0]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_the_time_limit_is_an_error_and_the_run_goes_on(tmp_path, workers):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}, {"id": "slow", "text": GOOD},
                                              {"id": "c", "text": GOOD_B}])
    out = tmp_path / "out"
    # The slow document sleeps 1,000 s; the limit leaves the ordinary ones (well under a second each, tokenizer
    # start included) room on a machine loaded many times over.
    proc = patched_child("corpus", src, "--out", out, "--workers", workers, "--quiet", "--time-limit", 15,
                         start_new_session=True)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("one slow document stalled the corpus")
    assert proc.returncode == 1, err
    assert read(out, "documents.csv")["doc"].tolist() == ["a", "c"]
    assert "time limit" in read(out, "errors.csv")["reason"][0]


def test_large_documents_from_a_table_do_not_deadlock_the_worker_pipes(tmp_path):
    big = ("近年来，社区党建工作实现了从松散型到紧密型的转变。" * 6000 + "\n")  # ~150,000 characters each
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": big} for i in range(4)])
    out = tmp_path / "out"
    res = child("corpus", src, "--out", out, "--workers", 2, "--quiet", timeout=300)
    assert res.returncode == 0, res.stderr
    assert read(out, "documents.csv")["doc"].tolist() == ["d0", "d1", "d2", "d3"]


# --- Front matter: scalars of bounded size only ------------------------------------------------------------------
BOMB = ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
        "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\ntitle: *i\n---\n" + GOOD)


def test_front_matter_alias_bomb_is_a_document_error_not_an_explosion(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.txt").write_text(BOMB, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    res = child("corpus", folder, "--out", tmp_path / "out", "--workers", 1, "--quiet", timeout=60)
    assert res.returncode == 1, res.stderr
    errors = read(tmp_path / "out", "errors.csv")
    assert errors["doc"].tolist() == ["bomb.txt"] and "title is a list" in errors["reason"][0]


def test_front_matter_aliases_outside_title_and_date_are_never_expanded():
    meta, body, _ = corpus.split_front_matter(BOMB.replace("title: *i", "title: 标题"), "x.txt")
    assert meta["title"] == "标题" and body == GOOD


def test_front_matter_date_that_is_no_date_gets_a_one_line_reason():
    with pytest.raises(InputError, match=r"date '2020-13-45' is not a valid date"):
        corpus.split_front_matter("---\ndate: 2020-13-45\n---\n" + GOOD, "x.txt")


def test_front_matter_title_longer_than_the_limit_is_refused():
    with pytest.raises(InputError, match="title is longer"):
        corpus.split_front_matter("---\ntitle: " + "长" * 2000 + "\n---\n" + GOOD, "x.txt")


# --- CSV damage is reported, not swallowed -----------------------------------------------------------------------
def test_csv_quote_that_is_never_closed_is_reported_not_read_as_text(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,text\n1,"近年来，从甲向乙转变。\n2,abc\n', encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 1
    errors = read(out, "errors.csv")
    assert errors["doc"].tolist() == ["in.csv:2"] and "never closed" in errors["reason"][0]
    assert read(out, "documents.csv").empty


def test_csv_record_with_broken_quoting_is_reported_and_later_rows_are_read(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f'id,text\n1,"甲"乙\n2,{GOOD.strip()}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 1
    assert read(out, "errors.csv")["doc"].tolist() == ["in.csv:2"]
    assert read(out, "documents.csv")["doc"].tolist() == ["2"]


# --- Encodings: decided, not guessed silently --------------------------------------------------------------------
@pytest.mark.parametrize("text,encoding", [("日本語のテキストです。", "shift_jis"), ("Grüße aus Köln", "latin-1")])
def test_text_that_is_not_chinese_in_a_legacy_encoding_is_refused_with_the_reason(tmp_path, text, encoding):
    with pytest.raises(InputError, match="not Chinese text"):
        textio.decode_bytes(text.encode(encoding), "x.txt")


def test_big5_chinese_text_is_read():
    text = "從單位建向區域建轉變，這是繁體中文。"
    assert textio.decode_bytes(text.encode("big5"), "x.txt") == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(encoding):
    data = GOOD.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert textio.decode_bytes(data, "x.txt") == GOOD


def test_gb18030_chinese_text_is_still_read():
    assert textio.decode_bytes(GOOD.encode("gb18030"), "x.txt") == GOOD


def test_gb18030_csv_is_read_by_corpus(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(f"id,text\n甲,{GOOD.strip()}\n".encode("gb18030"))
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    assert read(out, "documents.csv")["doc"].tolist() == ["甲"]
    assert len(read(out, "transitions.csv")) == 1


def test_gb18030_jsonl_is_read_by_corpus(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(json.dumps({"id": "甲", "text": GOOD}, ensure_ascii=False).encode("gb18030") + b"\n")
    assert corpus.run_corpus(src, tmp_path / "out", workers=1, progress=False) == 0


def test_transitions_reads_a_gb18030_csv(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_bytes(f"id,text\n甲,{GOOD.strip()}\n".encode("gb18030"))
    code, out, err = cli_run(capsys, "transitions", src)
    assert code == 0, err
    assert "松散型" in out


# --- Only regular files are read ---------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["clean", "segment", "transitions"])
def test_a_fifo_is_refused_instead_of_blocking(tmp_path, command):
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    res = child(command, fifo, timeout=60)
    assert res.returncode == 2 and one_error_line(res.stderr) and "FIFO" in res.stderr


def test_a_device_is_refused_instead_of_read_without_end(capsys):
    code, _, err = cli_run(capsys, "clean", "/dev/zero")
    assert code == 2 and "character device" in err


def test_corpus_folder_lists_fifos_broken_and_looping_links_and_folders_named_txt_as_errors(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")
    os.symlink(folder / "missing", folder / "broken.txt")
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    (folder / "dir.txt").mkdir()
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "fromto", "corpus", str(folder), "--out", str(out), "--workers", "1",
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert read(out, "documents.csv")["doc"].tolist() == ["a.txt"]
    reasons = dict(read(out, "errors.csv").values.tolist())
    assert set(reasons) == {"fifo.txt", "broken.txt", "loop.txt", "dir.txt"}
    assert "FIFO" in reasons["fifo.txt"] and "broken" in reasons["broken.txt"]
    assert "loops" in reasons["loop.txt"] and "folder" in reasons["dir.txt"]


# --- Linear time (the child is ended by the test's timeout if it is not) -----------------------------------------
_SCALE = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from fromto import clean, paths, transitions
    from fromto.textio import read_text
    page = read_text(paths.SEED_PAGE).rstrip("\\n") + "\\n"
    clean.clean_page(page * 300)
    transitions.extract("从" * 20000 + "向" * 20000 + "转变。")
    transitions.extract("从单位建向区域建" * 5000)
    print("done")
""")


def test_cleaning_and_extraction_of_huge_inputs_finish():
    res = subprocess.run([sys.executable, "-c", _SCALE.format(root=str(ROOT))], capture_output=True, text=True,
                         timeout=120)
    assert res.stdout.strip() == "done", res.stderr


@pytest.mark.parametrize("spans", [[(0, 5), (5, 9), (9, 9), (9, 20)], [(0, 10), (3, 6), (5, 20)], [(4, 8), (0, 4)]])
def test_paragraph_lookup_agrees_with_the_first_containing_span(spans):
    lookup = clean._containing_paragraph(spans)
    for a in range(0, 22):
        for b in range(a, 22):
            expected = next((k for k, (s, e) in enumerate(spans) if s <= a and b <= e), None)
            assert lookup(a, b) == expected


def test_clause_boundaries_from_the_index_match_a_character_scan():
    from fromto import transitions

    s = "组织关系从“松散型”，向“紧密型”转变。再到融合"
    for i in range(len(s) + 1):
        end = i
        while end < len(s) and s[end] not in transitions.CLAUSE_END:
            end += 1
        start = i
        while start > 0 and s[start - 1] not in transitions.CLAUSE_END:
            start -= 1
        assert transitions._clause_end(s, i) == end and transitions._clause_start(s, i) == start


# --- One-line errors, not tracebacks -----------------------------------------------------------------------------
def test_out_below_an_existing_file_is_a_one_line_error(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = cli_run(capsys, "corpus", src, "--out", tmp_path / "file" / "out", "--workers", 1, "--quiet")
    assert code == 2 and one_error_line(err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_out_is_a_one_line_error(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        code, _, err = cli_run(capsys, "corpus", src, "--out", parent / "out", "--workers", 1, "--quiet")
    finally:
        parent.chmod(0o755)
    assert code == 2 and one_error_line(err)


def test_an_out_folder_that_cannot_be_written_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(corpus_run.tempfile, "mkdtemp", refuse)
    code, _, err = cli_run(capsys, "corpus", src, "--out", tmp_path / "out", "--workers", 1, "--quiet")
    assert code == 2 and one_error_line(err) and "Permission denied" in err
    assert not (tmp_path / "out").exists()


def test_a_notebook_that_is_not_json_is_named_in_one_line(tmp_path):
    nb = tmp_path / "03_broken.ipynb"
    nb.write_text("{ not json", encoding="utf-8")
    with pytest.raises(InputError, match="03_broken.ipynb.*is not a valid notebook") as info:
        runner.notebook_needs(nb, [nb])
    assert "\n" not in str(info.value)


def test_an_unwritable_cache_folder_is_a_one_line_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    res = child("segment", src, env={**os.environ, "FROMTO_CACHE": str(tmp_path / "file" / "cache")}, timeout=60)
    assert res.returncode == 2 and one_error_line(res.stderr) and "FROMTO_CACHE" in res.stderr


# --- Smaller cases: missing cells, unsafe ids, stale or locked output, worker counts, the command line -----------
def test_a_missing_csv_cell_is_reported_as_missing_not_as_an_empty_file(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f"id,text\n1\n2,{GOOD.strip()}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 1
    reason = read(out, "errors.csv")["reason"][0]
    assert "too few" in reason and "empty" not in reason


def test_jsonl_text_null_is_reported_as_missing_not_as_an_empty_file(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": None}, {"id": "b", "text": GOOD}])
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 1
    assert read(out, "errors.csv")["reason"][0] == "the text is missing (null)"


def test_an_id_with_a_nul_character_is_a_document_error_and_never_reaches_the_tables(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a\u0000b", "text": GOOD}, {"id": "c", "text": GOOD}])
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 1
    assert "\x00" not in "".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    assert read(out, "errors.csv")["doc"].tolist() == ["a\\x00b"]


@pytest.mark.parametrize("doc", ["=1+1", "+cmd", "-2", "@SUM(A1)"])
def test_an_id_a_spreadsheet_would_run_as_a_formula_is_written_with_a_quote_prefix(tmp_path, doc):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": doc, "text": GOOD}])
    out = tmp_path / "out"
    corpus.run_corpus(src, out, workers=1, progress=False)
    assert set(read(out, "documents.csv")["doc"]) == {"'" + doc}
    assert set(read(out, "transitions.csv")["doc"]) == {"'" + doc}


def test_a_stale_partial_folder_of_a_killed_run_is_removed_by_the_next_run(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    stale = out / ".fromto-partial-killed"
    stale.mkdir()
    (stale / "documents.csv").write_text("half\n", encoding="utf-8")
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    assert not stale.exists()


def test_a_second_run_into_a_locked_out_folder_is_refused(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(InputError, match="another corpus run"):
            corpus.run_corpus(src, out, workers=1, progress=False)
    finally:
        os.close(fd)


def test_atomic_write_never_changes_the_process_umask(tmp_path, monkeypatch):
    def forbidden(mask):
        raise AssertionError("os.umask changes the mask for every thread")

    monkeypatch.setattr(os, "umask", forbidden)
    with textio.atomic_write(tmp_path / "x.txt") as fh:
        fh.write("甲")
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "甲"


def test_workers_beyond_the_cores_are_clamped_to_the_cores(monkeypatch):
    monkeypatch.delenv("FROMTO_WORKERS", raising=False)
    assert corpus.check_workers(1000) == corpus.default_workers() == corpus_pool._cores()


def test_fromto_workers_sets_the_default_but_not_an_explicit_number(monkeypatch):
    monkeypatch.setenv("FROMTO_WORKERS", "1")
    assert corpus.check_workers(None) == 1
    assert corpus.check_workers(2) == min(2, corpus_pool._cores())
    monkeypatch.setenv("FROMTO_WORKERS", "lots")  # not a number: ignored
    assert corpus.check_workers(None) == corpus_pool._cores()


def test_side_by_side_runs_give_notebooks_one_corpus_worker(monkeypatch):
    from fromto.run import runner

    monkeypatch.delenv("FROMTO_WORKERS", raising=False)
    runner._kernel_environment(jobs=1)
    assert "FROMTO_WORKERS" not in os.environ
    runner._kernel_environment(jobs=2)
    assert os.environ["FROMTO_WORKERS"] == "1"


@pytest.mark.parametrize("workers", ["0", "-3"])
def test_zero_or_negative_workers_are_refused_in_one_line(tmp_path, capsys, workers):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    code, _, err = cli_run(capsys, "corpus", src, "--out", tmp_path / "out", "--workers", workers, "--quiet")
    assert code == 2 and one_error_line(err) and "--workers" in err


def test_run_only_with_an_unknown_notebook_is_refused(capsys):
    code, out, err = cli_run(capsys, "run", "--only", "07")
    assert code == 2 and one_error_line(err) and "07" in err


def test_run_only_accepts_a_notebook_name():
    notebooks = runner.list_notebooks()
    chosen = runner.select_notebooks(notebooks, ["03_transitions"])
    assert [nb.name[:2] for nb in chosen] == ["03"]


def test_corpus_summary_counts_one_document_in_the_singular(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": GOOD}])
    corpus.run_corpus(src, tmp_path / "out", workers=1, progress=True)
    assert "1 document processed" in capsys.readouterr().err


def test_segment_dash_reads_standard_input():
    res = child("segment", "-", input="从甲向乙转变。\n", timeout=60)
    assert res.returncode == 0 and res.stdout == "从甲 向 乙 转变 。\n"


def test_help_has_no_rst_markup_and_documents_every_argument():
    parser = cli.build_parser()
    text = parser.format_help()
    sub = parser._subparsers._group_actions[0].choices
    assert "``" not in text and "Exit status" in text
    for name in ("clean", "segment"):
        assert "standard input" in sub[name].format_help()


def test_readme_states_every_exit_status():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| ")]
    for status in ("0", "1", "2", "130 / 143 / 129"):
        assert any(row.startswith(f"| {status} |") for row in rows), status


# --- Fuzz: random bytes, encodings and table damage through clean, transitions and corpus ----------------------
def _fuzz(seed: int = 13, n_bytes: int = 300, n_tables: int = 100) -> list[str]:
    """Feed random input through the three commands in this process; return the problems found."""
    import contextlib
    import io
    import random
    import tempfile

    rng = random.Random(seed)
    base = [GOOD, GOOD_B, "组织关系从“松散型”向“紧密型”转变。\n", "天气晴。\n", "---\ntitle: 标题\n---\n" + GOOD]
    encodings = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5", "shift_jis", "latin-1", "utf-32"]
    problems: list[str] = []

    last_err = io.StringIO()

    def call(args) -> int:
        last_err.seek(0)
        last_err.truncate()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(last_err):
            return cli.main(args)

    def random_bytes() -> bytes:
        kind = rng.randrange(4)
        if kind == 0:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))
        text = rng.choice(base) * rng.randrange(1, 4)
        if kind == 1:
            return text.encode(rng.choice(encodings), errors="replace")
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randrange(1, 6)):  # flip, drop or insert bytes
            pos = rng.randrange(len(data) + 1)
            op = rng.randrange(3)
            if op == 0 and pos < len(data):
                data[pos] = rng.randrange(256)
            elif op == 1 and pos < len(data):
                del data[pos]
            else:
                data[pos:pos] = bytes([rng.randrange(256)])
        return bytes(data)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for i in range(n_bytes):
            f = tmp / f"f{i}.txt"
            f.write_bytes(random_bytes())
            for command in ("clean", "transitions"):
                try:
                    code = call([command, str(f)])
                except BaseException as exc:  # noqa: BLE001 - a traceback is what we look for
                    problems.append(f"{command} {f.read_bytes()[:60]!r}: {type(exc).__name__}: {exc}")
                    continue
                if code not in (0, 2):
                    problems.append(f"{command} {f.read_bytes()[:60]!r}: exit {code}")
        for i in range(n_tables):
            good = [(f"g{i}_{k}", rng.choice(base)) for k in range(rng.randrange(1, 5))]
            bad = [(rng.choice(["", "=x", "a\x00", "b\ud800", f"g{i}_0"]), rng.choice(["", "\ud800", "x" * 3]))
                   for _ in range(rng.randrange(0, 3))]
            rows = good + bad
            rng.shuffle(rows)
            kind = rng.choice(["csv", "jsonl"])
            src = tmp / f"t{i}.{kind}"
            if kind == "jsonl":
                lines = [json.dumps({"id": d, "text": t}) for d, t in rows]
                if rng.random() < 0.5:
                    lines.insert(rng.randrange(len(lines) + 1), rng.choice(["{", "[1,2]", '{"id": 1}', "null"]))
                body = "\n".join(lines) + "\n"
            else:
                import csv as _csv

                buf = io.StringIO()
                _csv.writer(buf, lineterminator="\n").writerows(
                    [["id", "text"]] + [[d.encode("utf-8", "replace").decode("utf-8"),
                                         t.encode("utf-8", "replace").decode("utf-8")] for d, t in rows])
                body = buf.getvalue()
                if rng.random() < 0.3:  # damage: a stray quote or a short row, after the good rows
                    body += rng.choice(['x,"unclosed\n', "short\n", 'y,"a"b\n'])
            enc = rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"])
            src.write_bytes(body.encode(enc, errors="surrogatepass" if enc == "utf-8" else "replace"))
            out = tmp / f"out{i}"
            try:
                code = call(["corpus", str(src), "--out", str(out), "--workers", "1", "--quiet"])
            except BaseException as exc:  # noqa: BLE001
                problems.append(f"corpus {body[:80]!r} ({enc}): {type(exc).__name__}: {exc}")
                continue
            if code == 2:  # every table has a header and good rows: refusing it whole loses them
                problems.append(f"corpus {body[:80]!r} ({enc}): refused as a whole: {last_err.getvalue()}")
                continue
            done = set(read(out, "documents.csv")["doc"]) | set(read(out, "errors.csv")["doc"])
            lost = [d for d, _ in good if d not in done]
            if lost:
                problems.append(f"corpus {body[:80]!r} ({enc}): lost {lost}")
    return problems


def test_fuzz_finds_no_traceback_no_hang_and_no_lost_document():
    res = subprocess.run([sys.executable, __file__, "fuzz"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and res.stdout.strip() == "no problems", res.stdout[-3000:] + res.stderr[-3000:]


if __name__ == "__main__" and sys.argv[1:] == ["fuzz"]:
    assert Path(cli.__file__).resolve().is_relative_to(ROOT), cli.__file__
    found = _fuzz()
    print("\n".join(found) if found else "no problems")
    sys.exit(1 if found else 0)
