"""How cleaning and extraction scale with input size: 1x, 10x, 100x, medians.

    python benchmarks/scaling.py [--repeats 3] [--budget 120]

Inputs, each at 1x, 10x and 100x:

* **seed page** - the People's Daily page (``seeds/``) repeated; timed through ``clean.clean_page`` (the
  ``clean`` command) and through ``clean.clean_document`` + ``transitions.extract_rows`` (corpus mode's path).
* **从…向… clause** - ``'从'*400 + '向'*400 + '转变。'`` (1x = 805 characters), one clause that used to make the
  extractor quadratic; timed through ``transitions.extract``.
* **从单位建向区域建** - that phrase repeated without punctuation (1x = 4,000 characters), the other pathological
  clause of the reliability tests (``tests/test_reliability.py``); timed through ``transitions.extract``.

A linear method takes about 10x the time at 10x the input. Each size runs in a fresh child process (so caches do
not carry over) that loads the dictionaries first and then times the call; the median of ``--repeats`` runs is
printed with the ratio to the 1x time. A size whose previous size took longer than ``--budget`` seconds is skipped
(it would take hours when the method is quadratic), and so is a run that exceeds ``--budget`` x 20 seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import sys, time
sys.path.insert(0, {root!r})
from fromto import clean, paths, transitions
from fromto.textio import read_text
kind, n = sys.argv[1], int(sys.argv[2])
if kind.startswith("seed"):
    page = read_text(paths.SEED_PAGE)
    text = (page.rstrip("\n") + "\n") * n
elif kind == "cong-xiang":
    text = "从" * (400 * n) + "向" * (400 * n) + "转变。"
else:
    text = "从单位建向区域建" * (500 * n)
transitions.extract("从甲向乙转变。")  # load tables before the clock starts
t = time.perf_counter()
if kind == "seed-clean":
    clean.clean_page(text)
elif kind == "seed-extract":
    transitions.extract_rows(clean.clean_document(text, "seed").sentence_rows)
else:
    transitions.extract(text)
print(time.perf_counter() - t, len(text))
"""

CASES = [
    ("seed-clean", "seed page, clean_page"),
    ("seed-extract", "seed page, clean_document + extract"),
    ("cong-xiang", "从*400 向*400 转变, extract"),
    ("danwei", "从单位建向区域建 x500, extract"),
]


def _time(kind: str, n: int, budget: float) -> tuple[float, int] | None:
    code = _CHILD.format(root=str(ROOT))
    try:
        out = subprocess.run([sys.executable, "-c", code, kind, str(n)], capture_output=True, text=True,
                             timeout=budget * 20, check=True)
    except subprocess.TimeoutExpired:
        return None
    secs, chars = out.stdout.split()
    return float(secs), int(chars)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3, help="runs per size (median printed)")
    ap.add_argument("--budget", type=float, default=120.0,
                    help="skip larger sizes once a size took longer than this many seconds")
    args = ap.parse_args()
    print(f"{'input':42} {'size':>5} {'chars':>10} {'median s':>10} {'x 1x time':>10}")
    for kind, label in CASES:
        base = None
        for n in (1, 10, 100):
            if base is not None and last > args.budget:
                print(f"{label:42} {n:>4}x {'':>10} {'skipped':>10}")
                continue
            runs = [_time(kind, n, args.budget) for _ in range(args.repeats)]
            if any(r is None for r in runs):
                print(f"{label:42} {n:>4}x {'':>10} {'> ' + str(int(args.budget * 20)) + ' s':>10}")
                last = float("inf")
                continue
            med = statistics.median(r[0] for r in runs)
            chars = runs[0][1]
            base = med if base is None else base
            last = med
            print(f"{label:42} {n:>4}x {chars:>10,} {med:>10.3f} {med / base:>10.1f}")


if __name__ == "__main__":
    main()
