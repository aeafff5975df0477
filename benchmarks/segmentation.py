"""Segmentation benchmark: the project's tokenizer on its two engines against plain jieba, in one run.

    python benchmarks/segmentation.py [--pku DIR] [--repeats 5] [--cli-repeats 5]

Prints, in one run and side by side:

1. On the SIGHAN 2005 PKU test set (read where it is: research-only licence, never copied; without it this part
   says so and is skipped): word precision / recall / F1 (SIGHAN scoring, exact span match; recall on
   out-of-vocabulary words against the PKU training word list) and throughput in characters per second (median
   of ``--repeats`` runs over the whole test set) of plain ``jieba.lcut`` (default dictionary, HMM on), the raw
   rjieba engine (``rjieba.Jieba().cut``, no lexicon, no repairs), and ``fromto.segment.tokens.get_tokenizer()`` on the
   jieba engine and on the rjieba engine; the lexicon's cost in F1 points (the project requires at most 0.5);
   the lines where the engines' tokens differ, each with its cause.
2. On the Government Work Reports (``seeds/government-work-reports``, every file as one text): the project
   tokenizer's ``.cut`` and ``.words`` on each engine, median of ``--repeats``, the speed-up, and the number of
   reports whose tokens differ.
3. Wall clock of whole processes on the PKU text, start-up included (median of ``--cli-repeats``, run in turn
   after one warm-up each): a plain jieba script (``jieba.lcut`` per line, printed), ``python -m fromto segment``
   on the jieba engine (``FROMTO_ENGINE=jieba``: what the command did before) and on the default engine; their
   outputs must be identical.

jieba's global tokenizer is pointed at the project's private cache folder before it loads, like the project's own.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fromto import paths
from fromto.evaluation.segmentation import segmentation_prf
from fromto.segment import tokens
from fromto.segment import engine as segment_engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pku import read_pku  # noqa: E402  (benchmarks/pku.py, beside this script)

MAX_LEXICON_COST = 0.5  # F1 points

#: The same job as ``python -m fromto segment FILE``, with plain jieba and nothing else: the start-up baseline.
PLAIN_JIEBA_SCRIPT = """
import sys, jieba
jieba.setLogLevel(60)
jieba.dt.tmp_dir = sys.argv[2]
jieba.dt.cache_file = "jieba.default.cache"
text = open(sys.argv[1], encoding="utf-8").read()
lines = text.split("\\n")
if lines and lines[-1] == "" and text.endswith("\\n"):
    lines.pop()
sys.stdout.write("\\n".join(" ".join(t for t in jieba.lcut(line) if t.strip()) for line in lines) + "\\n")
"""


def _median_seconds(fn, items, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for item in items:
            fn(item)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cause_of_difference(reference: list[str], engine: list[str]) -> str:
    """Which documented difference between jieba and jieba-rs explains two different cuts of one line."""
    extra = [t for t in engine if t not in reference] + [t for t in reference if t not in engine]
    if any(segment_engine._ENGINE_ONLY_HAN.search(t) for t in extra):
        return "CJK character outside jieba's U+4E00-9FD5 (jieba: a token of its own)"
    if extra and all(t.isascii() and segment_engine._ASCII_RUN.match(t) for t in extra):
        return "letters/digits joined by . - _ (jieba's HMM splits them with finalseg.re_skip)"
    if segment_engine._REPEAT.search("".join(reference)):
        return "HMM Viterbi tie in a repeated run (tie broken differently)"
    return "unexplained"


def _report_differences(label: str, ref_out, eng_out, raw_lines, show: int = 5) -> None:
    diff = [i for i, (a, b) in enumerate(zip(ref_out, eng_out)) if a != b]
    print(f"{label}: {len(diff)} lines differ")
    causes: dict[str, int] = {}
    for n, i in enumerate(diff):
        cause = cause_of_difference(ref_out[i], eng_out[i])
        causes[cause] = causes.get(cause, 0) + 1
        if n < show:
            only_ref = [t for t in ref_out[i] if t not in eng_out[i]]
            only_eng = [t for t in eng_out[i] if t not in ref_out[i]]
            print(f"  line {i + 1}: jieba {' / '.join(only_ref)}  |  engine {' / '.join(only_eng)}  [{cause}]")
    for cause, count in sorted(causes.items(), key=lambda kv: -kv[1]):
        print(f"  {count:4d} × {cause}")


def pku_section(raw, gold, known, repeats: int, project_jieba, project_rjieba) -> int:
    import jieba
    import rjieba

    raw_engine = rjieba.Jieba()
    systems = {
        "plain jieba.lcut (HMM on)": jieba.lcut,
        "raw rjieba.cut (no lexicon)": raw_engine.cut,
        "fromto tokenizer, jieba": project_jieba.cut,
        "fromto tokenizer, rjieba": project_rjieba.cut,
    }
    n_chars = sum(len(line) for line in raw)
    print(f"PKU test set: {len(raw)} lines, {n_chars} characters, {sum(len(g) for g in gold)} gold words; "
          f"lexicon: {len(project_jieba.lexicon)} entries; median of {repeats} runs")
    print(f"{'system':30} {'P':>7} {'R':>7} {'F1':>7} {'OOV-R':>7} {'chars/s':>10} {'x jieba':>8}")
    outs, scores, speeds = {}, {}, {}
    for name, fn in systems.items():
        out = [[t for t in fn(line) if t.strip()] for line in raw]
        sc = segmentation_prf(gold, out, known=known or None)
        speeds[name] = n_chars / _median_seconds(fn, raw, repeats)
        outs[name], scores[name] = out, sc
        oov = f"{sc['oov_recall']:.4f}" if "oov_recall" in sc else "n/a"
        ratio = speeds[name] / speeds["plain jieba.lcut (HMM on)"]
        print(f"{name:30} {sc['precision']:7.4f} {sc['recall']:7.4f} {sc['f1']:7.4f} {oov:>7} "
              f"{speeds[name]:10,.0f} {ratio:7.2f}x")
    base, proj, fast = (scores[k]["f1"] for k in
                        ("plain jieba.lcut (HMM on)", "fromto tokenizer, jieba", "fromto tokenizer, rjieba"))
    cost = 100 * (base - proj)
    print(f"fromto tokenizer rjieba/jieba: {speeds['fromto tokenizer, rjieba'] / speeds['fromto tokenizer, jieba']:.2f}x "
          f"faster; F1 {fast:.4f} vs {proj:.4f} (difference {100 * (fast - proj):+.2f} points)")
    changed = sum(a != b for a, b in zip(outs["plain jieba.lcut (HMM on)"], outs["fromto tokenizer, jieba"]))
    print(f"lexicon cost: {cost:+.2f} F1 points (limit {MAX_LEXICON_COST}); lines the lexicon changes: {changed}")
    _report_differences("fromto tokenizer, rjieba vs jieba engine", outs["fromto tokenizer, jieba"],
                        outs["fromto tokenizer, rjieba"], raw)
    _report_differences("raw rjieba.cut vs plain jieba.lcut (what the repairs fix)",
                        outs["plain jieba.lcut (HMM on)"], outs["raw rjieba.cut (no lexicon)"], raw)
    if cost > MAX_LEXICON_COST:
        print("FAIL: the lexicon costs more than the limit; prune it (see resources/lexicon.tsv header)")
        return 1
    return 0


def reports_section(repeats: int, project_jieba, project_rjieba) -> None:
    from fromto.textio import read_text

    docs = [read_text(p) for p in sorted(paths.REPORTS.glob("*.txt"))]
    n_chars = sum(len(d) for d in docs)
    print(f"\nGovernment Work Reports: {len(docs)} files, {n_chars} characters, each cut as one text; "
          f"median of {repeats} runs")
    differ = sum(project_jieba.cut(d) != project_rjieba.cut(d) for d in docs)
    for method in ("cut", "words"):
        t_j = _median_seconds(getattr(project_jieba, method), docs, repeats)
        t_r = _median_seconds(getattr(project_rjieba, method), docs, repeats)
        print(f"  .{method:5}  jieba {n_chars / t_j:10,.0f} chars/s   rjieba {n_chars / t_r:10,.0f} chars/s   "
              f"{t_j / t_r:5.2f}x")
    print(f"  reports whose tokens differ between the engines: {differ} of {len(docs)}")


def cli_section(pku_raw_path: Path, repeats: int) -> None:
    n_chars = len(pku_raw_path.read_text(encoding="utf-8"))
    env = {k: v for k, v in os.environ.items() if k != "FROMTO_ENGINE"}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "plain_jieba_segment.py"
        script.write_text(PLAIN_JIEBA_SCRIPT, encoding="utf-8")
        commands = {
            "plain jieba script": ([sys.executable, str(script), str(pku_raw_path), str(paths.CACHE)], env),
            "fromto segment, jieba (before)": ([sys.executable, "-m", "fromto", "segment", str(pku_raw_path)],
                                               {**env, "FROMTO_ENGINE": "jieba"}),
            "fromto segment, rjieba (after)": ([sys.executable, "-m", "fromto", "segment", str(pku_raw_path)], env),
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        outputs = {}
        for name, (cmd, e) in commands.items():  # warm-up: caches written, files in the page cache
            outputs[name] = subprocess.run(cmd, env=e, cwd=paths.ROOT, capture_output=True, check=True).stdout
        for _ in range(repeats):
            for name, (cmd, e) in commands.items():
                t0 = time.perf_counter()
                subprocess.run(cmd, env=e, cwd=paths.ROOT, capture_output=True, check=True)
                times[name].append(time.perf_counter() - t0)
    print(f"\n`python -m fromto segment` on the PKU text ({n_chars} characters), whole process with start-up, "
          f"median of {repeats} runs in turn")
    base = statistics.median(times["plain jieba script"])
    before = statistics.median(times["fromto segment, jieba (before)"])
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"  {name:32} {med:6.2f} s  {n_chars / med:10,.0f} chars/s   "
              f"{base / med:5.2f}x plain jieba   {before / med:5.2f}x before   "
              f"(runs: {', '.join(f'{t:.2f}' for t in ts)})")
    same = outputs["fromto segment, jieba (before)"] == outputs["fromto segment, rjieba (after)"]
    print(f"  outputs of before and after identical: {same}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pku", type=Path, default=paths.PKU, help="folder holding pku_test.utf8 and the gold")
    parser.add_argument("--repeats", type=int, default=5, help="timing repeats (the median is reported)")
    parser.add_argument("--cli-repeats", type=int, default=5, help="whole-process timing repeats")
    args = parser.parse_args(argv)

    import jieba

    jieba.setLogLevel(60)
    paths.CACHE.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(paths.CACHE)  # never the shared temp folder
    jieba.dt.cache_file = "jieba.default.cache"
    jieba.initialize()
    project_jieba = tokens.get_tokenizer("jieba")
    project_rjieba = tokens.get_tokenizer("rjieba")

    status = 0
    try:
        raw, gold, known = read_pku(args.pku)
    except FileNotFoundError as exc:
        print(f"PKU part skipped: {exc}")
        raw = None
    if raw is not None:
        status = pku_section(raw, gold, known, args.repeats, project_jieba, project_rjieba)
    reports_section(args.repeats, project_jieba, project_rjieba)
    if raw is not None:
        cli_section(Path(args.pku) / paths.PKU_RAW.name, args.cli_repeats)
    return status


if __name__ == "__main__":
    sys.exit(main())
