"""Corpus mode on the local pool against a 2-worker Dask ``LocalCluster``, measured in one run on the PKU text.

    python benchmarks/corpus_dask.py [--pku DIR] [--copies 3] [--repeats 2]

Input: the PKU People's Daily raw text (January 2001; research-only licence, read in place, never copied into the
repository), split into articles with ``benchmarks/pku.py``'s ``split_articles`` and written ``--copies`` times into
a temporary folder (one ``.txt`` per article, with front matter). Skips with one line when the PKU text is absent.

Each run is ``fromto.corpus.run_corpus`` in a fresh child process (nothing loaded or cached between runs), either
with ``workers=2`` (the local pool) or with ``scheduler="local:2"`` (a ``LocalCluster`` of two worker processes,
started and closed by the run), timed from the call to the return, so start-up is included:

* **start-up** - the same run on a one-document corpus: starting the workers and loading the dictionaries in them
  (for the cluster also the scheduler, the nannies and the worker plugin), and closing them again;
* **throughput** - characters per second of the whole corpus, start-up subtracted (the steady rate), and
  overall (start-up included);
* **peak memory** - the largest sum of PSS over the child and all its descendants (the cluster's nannies and
  workers included), sampled every 100 ms in a separate run (sampling slows the timed runs down);
* **break-even** - from the two start-up costs and steady rates, the corpus size (characters) from which the
  cluster's run would take less time than the pool's on this machine, or that it never does.

Times are medians over ``--repeats`` interleaved runs; the load average is printed because on a busy machine
the comparison means little. The tables of the two kinds are compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fromto import corpus, paths  # noqa: E402
from fromto.textio import read_text  # noqa: E402

import pku  # noqa: E402  (benchmarks/pku.py: the PKU text read in place and split into articles)
from corpus_scale import run_child  # noqa: E402  (runs a child, samples its PSS, reads its JSON)

KINDS = {"pool": {"workers": 2}, "cluster": {"scheduler": "local:2"}}


def child(args) -> None:
    """Run one corpus run in this (fresh) process and print its wall seconds as JSON."""
    t0 = time.perf_counter()
    status = corpus.run_corpus(args.src, args.out, progress=False, **KINDS[args.child])
    print(json.dumps({"seconds": time.perf_counter() - t0, "status": status}))


def measure(kind: str, src: Path, out: Path, sample: bool = False) -> dict:
    """One child run of ``kind``; with ``sample``, its peak memory (PSS of the child and its descendants)."""
    cmd = [sys.executable, __file__, "--child", kind, "--src", str(src), "--out", str(out)]
    return run_child(cmd, kind, sample, ok_codes=(0, 1))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pku", help="folder holding pku_test.utf8 (default: paths.PKU)")
    ap.add_argument("--copies", type=int, default=3, help="write the PKU articles this many times")
    ap.add_argument("--repeats", type=int, default=2, help="timed runs of each kind (medians)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--src", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
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
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="fromto-bench-dask-") as tmp:
        tmp = Path(tmp)
        full, one = tmp / "corpus", tmp / "one"
        pku.write_documents(articles, full, copies=args.copies)
        pku.write_documents(articles[:1], one)
        files = list(full.glob("*.txt"))
        chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
        print(f"corpus: {len(files):,} documents ({len(articles)} PKU articles x {args.copies}), "
              f"{sum(f.stat().st_size for f in files) / 1e6:.2f} MB, {chars:,} characters; "
              f"{psutil.cpu_count(logical=True)} logical cores; load average {load_before:.2f}")
        runs = {k: {"start": [], "full": []} for k in KINDS}
        for r in range(args.repeats):  # interleaved, so drift in machine load hits both kinds alike
            for k in KINDS:
                runs[k]["start"].append(measure(k, one, tmp / f"{k}_one_{r}")["seconds"])
                runs[k]["full"].append(measure(k, full, tmp / f"{k}_full_{r}")["seconds"])
        peak = {k: measure(k, full, tmp / f"{k}_mem", sample=True)["peak_mb"] for k in KINDS}
        same = all((tmp / "pool_full_0" / n).read_bytes() == (tmp / "cluster_full_0" / n).read_bytes()
                   for n in corpus.TABLES)
    load_after = os.getloadavg()[0]

    start = {k: statistics.median(v["start"]) for k, v in runs.items()}
    total = {k: statistics.median(v["full"]) for k, v in runs.items()}
    steady = {k: chars / max(total[k] - start[k], 1e-9) for k in KINDS}
    print(f"{'':26}{'start-up s':>11}{'run s':>8}{'steady chars/s':>16}{'overall chars/s':>17}{'peak MB':>9}")
    for k, label in (("pool", "local pool, 2 workers"), ("cluster", "LocalCluster, 2 workers")):
        print(f"{label:26}{start[k]:>11.1f}{total[k]:>8.1f}{steady[k]:>16,.0f}{chars / total[k]:>17,.0f}"
              f"{peak[k]:>9.0f}")
    extra = start["cluster"] - start["pool"]
    gain = 1 / steady["pool"] - 1 / steady["cluster"]  # seconds saved per character by the cluster
    if gain > 0 and extra > 0:
        verdict = (f"the cluster's run is the shorter from about {extra / gain:,.0f} characters "
                   f"({extra / gain / (chars / len(files)):,.0f} documents of this size) on this machine")
    elif gain > 0:
        verdict = "the cluster's run is the shorter at every size on this machine"
    else:
        verdict = (f"on one machine the cluster never catches up: {extra:+.1f} s to start and "
                   f"{steady['cluster'] / steady['pool']:.2f}x the pool's steady rate")
    print(f"break-even: {verdict}")
    print(f"tables identical (pool vs cluster): {'yes' if same else 'NO'}; load average {load_before:.2f} before, "
          f"{load_after:.2f} after; medians of {args.repeats} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
