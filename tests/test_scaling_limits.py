"""Work that grows with the length of a sentence, and the time one document may take outside corpus mode.

Linearity is pinned by counting work (characters a normalising function reads, spans a scan reads), never by
timing. Time limits are pinned as corpus mode's are: a patched slow function and a tiny limit, in a child process
ended by the test's own ``timeout=`` if anything hangs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fromto import corpus, transitions
from fromto.coding import codebook, rules
from fromto.textio import InputError, cell_text

ROOT = Path(__file__).resolve().parent.parent
GOOD = "近年来，社区党建工作实现了从松散型到紧密型的转变。\n"
GOOD_B = "我们推动组织设置由单位向区域转变。\n"


# --- Coding reads a sentence once, however many transitions it holds ---------------------------------------------
def test_coding_normalises_a_long_sentence_once_not_once_per_transition(monkeypatch):
    n = 300
    sentence = "从甲向乙转变" * n  # no keyword anywhere: every row falls through to R6, the sentence rule
    rows = [{"doc": "d", "sentence_id": "s1", "sentence": sentence, "marker": "从X向Y转变", "subject": "",
             "source": "甲", "target": "乙", "verb": "转变", "start": 6 * i, "end": 6 * i + 4} for i in range(n)]
    read = []
    real = rules.normalise_pole  # the rules' own reference to it
    monkeypatch.setattr(rules, "normalise_pole", lambda text: read.append(len(cell_text(text))) or real(text))
    coded = rules.code_rows(rows, codebook.load_codebook(), {})
    assert len(coded) == n
    # once per sentence plus a few characters per row; once per row would be n times the sentence (540,000)
    assert sum(read) < 3 * len(sentence)


# --- The bare X向Y转变 rule reads the spans already taken a bounded number of times ----------------------------------
class CountingSpans(list):
    """A list of taken spans that counts how many spans are read through iteration."""

    reads = 0

    def __iter__(self):
        for span in list.__iter__(self):
            self.reads += 1
            yield span


def spans_read_by_bare_toward(monkeypatch, sentence: str) -> int:
    seen = []
    real = transitions._bare_toward

    def counting(s, taken):
        spans = CountingSpans(taken)
        rows = real(s, spans)
        seen.append(spans.reads)
        return rows

    monkeypatch.setattr(transitions, "_bare_toward", counting)
    transitions.extract(sentence)
    return sum(seen)


def test_bare_toward_does_not_rescan_the_taken_spans_for_every_toward(monkeypatch):
    n = 400  # every 向 lies inside a 从X向Y转变 taken before; scanning them all per 向 reads n²/2 spans
    assert spans_read_by_bare_toward(monkeypatch, "从A向B转变" * n) <= 4 * n


def test_coordinated_bare_towards_find_the_previous_construction_without_rescanning(monkeypatch):
    n = 300  # 甲向乙转变、甲向乙转变、…: each source starts after the 、 that closed the construction before
    assert spans_read_by_bare_toward(monkeypatch, "甲向乙转变、" * n) <= 4 * n


# --- python -m fromto transitions --time-limit --------------------------------------------------------------------
# A child process running the command line with the per-document work patched (the forked worker inherits it):
# a document whose text holds 慢 sleeps; one whose text holds 死 ignores the alarm (SIGALRM blocked) and sleeps.
_PATCHED = textwrap.dedent("""
    import os, signal, sys, time
    sys.path.insert(0, {root!r})
    from fromto import cli, corpus
    from fromto.corpus import pool, run
    pool.KILL_GRACE = float(os.environ.get("KILL_GRACE", pool.KILL_GRACE))
    real_coded, real_counts = run.coded_transitions, run.page_counts
    def stall(text):
        if "死" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
        if "慢" in text or "死" in text:
            time.sleep(1000)
    def coded(sentences):
        stall("".join(r["text"] for r in sentences))
        return real_coded(sentences)
    def counts(text, doc="page"):
        stall(text)
        return real_counts(text, doc)
    run.coded_transitions, run.page_counts = coded, counts
    if sys.argv[1] == "check":
        import dataclasses, json
        try:
            found = corpus.check_document(sys.argv[2], float(sys.argv[3]))
        except Exception as exc:
            print(json.dumps({{"raised": type(exc).__name__, "message": str(exc)}}))
        else:
            print(json.dumps(dataclasses.asdict(found), ensure_ascii=False))
        sys.exit(0)
    sys.exit(cli.main(sys.argv[1:]))
""")


def patched_child(*args, timeout=120, env=None):
    code = _PATCHED.format(root=str(ROOT))
    import os

    return subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def write_folder(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_transitions_leaves_out_a_document_over_the_time_limit_and_prints_the_others(tmp_path):
    folder = write_folder(tmp_path / "in", {"a.txt": GOOD, "b.txt": "慢。" + GOOD, "c.txt": GOOD_B})
    # the stalled document sleeps 1,000 s; the limit leaves the ordinary ones room on a heavily loaded machine
    res = patched_child("transitions", folder, "--time-limit", 15)
    assert res.returncode == 1, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("fromto: b.txt: ") and "time limit" in lines[0]
    docs = [ln.split(",")[0] for ln in res.stdout.splitlines()[1:]]
    assert docs == ["a.txt", "c.txt"]


def test_transitions_kills_a_worker_the_alarm_cannot_stop(tmp_path):
    folder = write_folder(tmp_path / "in", {"a.txt": GOOD, "b.txt": "死。" + GOOD})
    res = patched_child("transitions", folder, "--time-limit", 15, env={"KILL_GRACE": "1"})
    assert res.returncode == 1, res.stderr
    assert "fromto: b.txt: " in res.stderr and "time limit" in res.stderr
    assert [ln.split(",")[0] for ln in res.stdout.splitlines()[1:]] == ["a.txt"]


def test_transitions_refuses_a_time_limit_below_zero_in_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "fromto", "transitions", str(tmp_path / "a.txt"), "--time-limit",
                          "-1"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.strip() == "fromto: --time-limit: must be a number of seconds above 0, or 0 for none (got -1.0)"


def test_transitions_for_paths_reports_a_failed_document_to_the_caller(tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "in", {"a.txt": GOOD, "b.txt": GOOD_B})
    from fromto.corpus import run as corpus_run

    real = corpus_run.coded_transitions

    def failing(sentences):
        if sentences and sentences[0]["doc"] == "b.txt":
            raise ValueError("a bug")
        return real(sentences)

    monkeypatch.setattr(corpus_run, "coded_transitions", failing)  # where the transitions worker looks it up
    failed = []
    table = corpus.transitions_for_paths([folder], on_error=lambda doc, reason: failed.append((doc, reason)))
    assert failed == [("b.txt", "ValueError: a bug")]
    assert set(table["doc"]) == {"a.txt"}


# --- check_document: the page pipeline on one document, in a worker, under the time limit ----------------------------
def test_check_document_counts_what_the_page_pipeline_found(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(GOOD + GOOD_B, encoding="utf-8")
    found = corpus.check_document(page, time_limit=60)
    assert found.ok and found.error is None
    assert (found.doc, found.n_paragraphs, found.n_sentences, found.n_transitions) == (str(page), 2, 2, 2)
    assert found.n_chars == len(GOOD + GOOD_B)
    assert found.n_chinese_chars == len(GOOD + GOOD_B) - 5  # two line breaks, two 。 and one ，
    assert found.n_words > 0


def test_check_document_reads_text_given_in_place_of_a_file():
    found = corpus.check_document("pasted", text=GOOD, time_limit=60)
    assert (found.doc, found.n_sentences, found.n_transitions) == ("pasted", 1, 1)


def test_check_document_refuses_an_empty_page_with_an_input_error(tmp_path):
    page = tmp_path / "empty.txt"
    page.write_bytes(b"")
    with pytest.raises(InputError, match="empty") as caught:
        corpus.check_document(page, time_limit=60)
    assert caught.value.path == str(page)


def test_check_document_reports_a_page_over_the_time_limit(tmp_path):
    page = tmp_path / "slow.txt"
    page.write_text("慢。" + GOOD, encoding="utf-8")
    res = patched_child("check", page, 1)
    found = json.loads(res.stdout)
    assert found["doc"] == str(page) and "time limit" in found["error"]
    assert found["n_sentences"] == 0


def test_check_document_kills_a_worker_the_alarm_cannot_stop(tmp_path):
    page = tmp_path / "stuck.txt"
    page.write_text("死。" + GOOD, encoding="utf-8")
    res = patched_child("check", page, 1, env={"KILL_GRACE": "1"})
    found = json.loads(res.stdout)
    assert "time limit" in found["error"]


def test_check_document_refuses_a_time_limit_below_zero(tmp_path):
    with pytest.raises(InputError, match="--time-limit"):
        corpus.check_document(tmp_path / "any.txt", time_limit=-5)
