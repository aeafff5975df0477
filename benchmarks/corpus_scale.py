"""Corpus mode at scale, measured in one run against plain jieba on the same files.

    python benchmarks/corpus_scale.py [--pku DIR] [--copies 6] [--big 10] [--repeats 3] [--page-chars 10000]

Input: the PKU People's Daily raw text (January 2001; research-only licence, read in place, never copied into
the repository), split into articles with ``benchmarks/pku.py``'s ``split_articles``, repeated ``--copies`` times
into a temporary folder (one ``.txt`` per article, with front matter) so that the corpus is several megabytes.
Skips with a message when the PKU text is absent.

Measured, each in a fresh child process so that dictionaries and caches do not leak between runs:

* **jieba** - plain ``jieba.lcut`` (a private ``jieba.Tokenizer``: default dictionary, precise mode, HMM on)
  over every file, reading included; the floor of the cost, since segmentation is the bulk of the work.
* **pipeline, 1 worker / 2 workers** - ``fromto.corpus.run_corpus`` (cleaning, segmentation into content-word
  counts, transition extraction, coding, writing five tables) into a temporary folder.
  Timed from the call to the return; dictionary loading before it is excluded for both sides (a one-off cost,
  reported separately as ``load s``).
* **peak memory** - (from separate runs, not the timed ones) the largest sum, over the child and its worker processes, of PSS (proportional set size,
  so memory shared between forked workers is counted once), sampled every 100 ms from ``/proc/PID/smaps_rollup``, at 1x and ``--big``x the corpus.

* **pages** - the same text with consecutive articles joined into page-sized documents (``--page-chars``): the
  per-document cost of building tables is paid fewer times, which separates it from the per-character cost.
* **stages** - CPU seconds per stage of the per-document function (read, clean, words, extract, code, csv).

Times are medians over ``--repeats`` interleaved runs (the 10x run is done once); CPU seconds (the child and its
workers) are printed beside wall time because a shared machine's load moves wall time, not CPU time.
The load average is printed too: on a busy machine the 2-worker speed-up is not meaningful.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil  # pinned in requirements.txt (it comes with ipykernel)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fromto import corpus, paths  # noqa: E402
from fromto.corpus import document, pool  # noqa: E402
from fromto.textio import read_text  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pku  # noqa: E402  (benchmarks/pku.py: the PKU text read in place and split into articles)


# --- Child side -------------------------------------------------------------------------------------------------
def child(args) -> None:
    """Run one measurement in this (fresh) process and print a JSON line with its figures."""
    t0 = time.perf_counter()
    files = sorted(Path(args.src).glob("*.txt"))
    if args.child == "jieba":
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.tmp_dir = args.cache
        tk.initialize()
        load = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), _cpu()
        n_tokens = 0
        for f in files:
            n_tokens += len(tk.lcut(f.read_text(encoding="utf-8")))
        secs, cpu = time.perf_counter() - t1, _cpu() - c1
        print(json.dumps({"load": load, "seconds": secs, "cpu": cpu, "tokens": n_tokens}))
        return
    if args.child == "stages":
        print(json.dumps(stages(files)))
        return
    pool._init_worker()  # the parent loads once; forked workers inherit it
    load = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), _cpu()
    status = corpus.run_corpus(args.src, args.out, workers=args.workers, progress=False)
    secs, cpu = time.perf_counter() - t1, _cpu() - c1
    print(json.dumps({"load": load, "seconds": secs, "cpu": cpu, "status": status}))


def stages(files: list[Path]) -> dict:
    """CPU seconds per stage of :func:`fromto.corpus.process_document` over ``files``, in one process.

    Each stage is the call ``process_document`` makes (rows, not DataFrames, as corpus mode uses them).
    """
    from fromto import clean, transitions
    from fromto.coding import rules

    pool._init_worker()
    t = dict.fromkeys(["read", "clean", "words", "extract", "code", "csv"], 0.0)
    clock = time.process_time
    for f in files:
        c0 = clock()
        doc, text, meta = corpus.load_task((f.name, str(f), None, {}, None))
        c1 = clock()
        res = clean.clean_document(text, doc)
        c2 = clock()
        corpus.term_counts([r["text"] for r in res.paragraph_rows])
        c3 = clock()
        rows = transitions.extract_rows(res.sentence_rows)
        c4 = clock()
        # as corpus.coded_transitions does: rows coded as dicts, and a document without transitions not at all
        coded = rules.code_rows(rows, *corpus.coding_resources()) if rows else []
        c5 = clock()
        document._csv_fragment(res.paragraph_rows, corpus.PARAGRAPH_COLUMNS)
        document._csv_fragment(coded, corpus.TRANSITION_COLUMNS)
        c6 = clock()
        for k, a, b in (("read", c0, c1), ("clean", c1, c2), ("words", c2, c3), ("extract", c3, c4),
                        ("code", c4, c5), ("csv", c5, c6)):
            t[k] += b - a
    return t


def group_pages(articles: list[dict], min_chars: int) -> list[dict]:
    """Consecutive articles joined into page-sized documents of at least ``min_chars`` characters."""
    pages, cur = [], []
    for art in articles:
        cur.append(art)
        if sum(len(a["text"]) for a in cur) >= min_chars:
            pages.append(cur)
            cur = []
    if cur:
        pages.append(cur)
    return [{"id": f"p{i:03d}", "title": grp[0]["title"], "date": "", "text": "".join(a["text"] for a in grp)}
            for i, grp in enumerate(pages, start=1)]


# --- Parent side ------------------------------------------------------------------------------------------------
def _pss(p: psutil.Process) -> int:
    """PSS of one process from /proc/PID/smaps_rollup (cheap to read), else its RSS."""
    try:
        with open(f"/proc/{p.pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return p.memory_info().rss


def tree_memory(proc: psutil.Process) -> int:
    """PSS (or RSS where PSS is unavailable) summed over a process and its children, in bytes."""
    total = 0
    for p in [proc] + proc.children(recursive=True):
        try:
            total += _pss(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(kind: str, src: Path, out: Path, cache: Path, workers: int = 1, sample: bool = False) -> dict:
    """Run one child; with ``sample``, also sample its memory (PSS of it and its workers) every 100 ms.

    Timed runs are not sampled: reading ``smaps_rollup`` of a process that is allocating slows it down
    (seen here as up to 40 % more CPU in the pipeline child), so peak memory comes from separate runs.
    """
    cmd = [sys.executable, __file__, "--child", kind, "--src", str(src), "--out", str(out), "--cache", str(cache),
           "--workers", str(workers)]
    return run_child(cmd, kind, sample)


def run_child(cmd: list[str], kind: str, sample: bool, ok_codes=(0,)) -> dict:
    """Run a benchmark's child command with PYTHONHASHSEED=0 and return the JSON of its last stdout line.

    With ``sample``, the child's peak memory (PSS of it and its descendants, sampled every 100 ms) is added as
    ``peak_mb`` (0 when not sampled). An exit status outside ``ok_codes`` stops the benchmark with the child's stderr.
    """
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONHASHSEED="0"))
    ps, peak = psutil.Process(proc.pid), 0
    while sample and proc.poll() is None:
        try:
            peak = max(peak, tree_memory(ps))
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    stdout, stderr = proc.communicate()
    if proc.returncode not in ok_codes:
        raise SystemExit(f"child {kind} failed:\n{stderr}")
    res = json.loads(stdout.strip().splitlines()[-1])
    res["peak_mb"] = peak / 2**20
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pku", help="folder holding pku_test.utf8 (default: paths.PKU)")
    ap.add_argument("--copies", type=int, default=6, help="repeat the PKU articles this many times (1x corpus)")
    ap.add_argument("--big", type=int, default=10, help="the large corpus is this many times the 1x corpus")
    ap.add_argument("--repeats", type=int, default=3, help="repeats for the 1x timings (medians)")
    ap.add_argument("--page-chars", type=int, default=10000,
                    help="the page-sized variant joins consecutive articles into documents of this many characters")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--src", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--cache", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0

    raw = Path(args.pku) / "pku_test.utf8" if args.pku else paths.PKU_RAW
    if not raw.is_file():
        print(f"PKU raw text not found ({raw.name} under {raw.parent}); nothing measured. "
              "Pass --pku DIR or set FROMTO_PKU.")
        return 0
    articles = pku.split_articles(read_text(raw), issue_year=2001, issue_month=1)
    pages = group_pages(articles, args.page_chars)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="fromto-bench-") as tmp:
        tmp = Path(tmp)
        small, big, paged, cache = tmp / "x1", tmp / f"x{args.big}", tmp / "pages", tmp / "jieba-cache"
        cache.mkdir()
        pku.write_documents(articles, small, copies=args.copies)
        pku.write_documents(articles, big, copies=args.copies * args.big)
        pku.write_documents(pages, paged, copies=args.copies)

        def size(d):
            fs = list(d.glob("*.txt"))
            return sum(f.stat().st_size for f in fs), sum(len(f.read_text(encoding="utf-8")) for f in fs), len(fs)

        (mb, chars, n_docs), big_size, page_size = size(small), size(big), size(paged)
        print(f"corpus 1x: {n_docs} documents ({len(articles)} PKU articles x {args.copies}, median "
              f"{statistics.median(len(a['text']) for a in articles):.0f} characters), {mb / 1e6:.2f} MB, "
              f"{chars:,} characters; {args.big}x: {big_size[0] / 1e6:.1f} MB; page-sized variant: "
              f"{page_size[2]} documents of >= {args.page_chars:,} characters; "
              f"{psutil.cpu_count(logical=True)} logical cores")
        measure("jieba", small, tmp / "warm", cache)  # builds jieba's cache once, so no run pays for it

        kinds = {"jieba": ("jieba", small, 1), "pipe1": ("pipeline", small, 1), "pipe2": ("pipeline", small, 2),
                 "pjieba": ("jieba", paged, 1), "ppipe1": ("pipeline", paged, 1)}
        runs: dict[str, list[dict]] = {k: [] for k in kinds}
        for r in range(args.repeats):  # interleaved, so drift in machine load hits every kind alike
            for k, (kind, src, w) in kinds.items():
                runs[k].append(measure(kind, src, tmp / f"{k}_{r}", cache, workers=w))
        same = all((tmp / "pipe1_0" / n).read_bytes() == (tmp / "pipe2_0" / n).read_bytes() for n in corpus.TABLES)
        peak = {k: measure(kind, src, tmp / f"{k}_mem", cache, workers=w, sample=True)["peak_mb"]
                for k, (kind, src, w) in kinds.items()}
        big1 = measure("pipeline", big, tmp / "obig", cache, workers=2, sample=True)
        st = measure("stages", small, tmp / "ost", cache)
    load_after = os.getloadavg()[0]

    med = {k: {m: statistics.median(r[m] for r in v) for m in ("seconds", "cpu", "load")} for k, v in runs.items()}
    n_chars = {"jieba": chars, "pipe1": chars, "pipe2": chars, "pjieba": page_size[1], "ppipe1": page_size[1]}
    wall = {k: n_chars[k] / med[k]["seconds"] for k in med}
    cpu = {k: n_chars[k] / med[k]["cpu"] for k in med}
    rows = [
        ("articles: plain jieba.lcut", "1", "jieba", "baseline"),
        ("articles: pipeline", "1", "pipe1",
         f"{wall['pipe1'] / wall['jieba']:.2f} of jieba by wall time, {cpu['pipe1'] / cpu['jieba']:.2f} by CPU "
         "(target >= 1.0)"),
        ("articles: pipeline", "2", "pipe2", f"speed-up {med['pipe1']['seconds'] / med['pipe2']['seconds']:.2f}x "
         "over 1 worker (target >= 1.85x)"),
        ("pages: plain jieba.lcut", "1", "pjieba", "baseline"),
        ("pages: pipeline", "1", "ppipe1",
         f"{wall['ppipe1'] / wall['pjieba']:.2f} of jieba by wall time, {cpu['ppipe1'] / cpu['pjieba']:.2f} by CPU "
         "(target >= 1.5)"),
    ]
    print(f"\nmedians of {args.repeats} interleaved runs; times exclude dictionary loading ('load s'); peak memory "
          f"from one more run of each, sampled; "
          f"load average {load_before:.1f} before, {load_after:.1f} after")
    head = (f"{'run':<28} {'workers':>7} {'wall s':>7} {'CPU s':>7} {'kchar/s':>8} {'load s':>6} {'peak MB':>8}"
            "  comparison")
    print(head)
    print("-" * len(head))
    for name, w, k, note in rows:
        print(f"{name:<28} {w:>7} {med[k]['seconds']:>7.2f} {med[k]['cpu']:>7.2f} {wall[k] / 1e3:>8.1f} "
              f"{med[k]['load']:>6.2f} {peak[k]:>8.0f}  {note}")
    print(f"{f'articles x{args.big}: pipeline':<28} {2:>7} {big1['seconds']:>7.2f} {big1['cpu']:>7.2f} "
          f"{big_size[1] / big1['seconds'] / 1e3:>8.1f} {big1['load']:>6.2f} {big1['peak_mb']:>8.0f}  "
          f"peak memory {big1['peak_mb'] / peak['pipe2']:.2f}x the 1x run with the same workers")
    total = sum(v for k, v in st.items() if k not in ("peak_mb",))
    print(f"\nwhere the 1-worker pipeline spends its CPU on the 1x corpus ({n_docs} documents; "
          f"plain jieba needs {med['jieba']['cpu']:.2f} s):")
    for k in ("read", "clean", "words", "extract", "code", "csv"):
        print(f"  {k:<8} {st[k]:>6.2f} s  {st[k] / total:>5.0%}  {st[k] / n_docs * 1e3:>6.2f} ms/document")
    print(f"\n1-worker and 2-worker tables byte-identical: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
