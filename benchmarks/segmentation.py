"""Segmentation benchmark: the project's tokenizer against plain jieba on the SIGHAN 2005 PKU test set.

    python benchmarks/segmentation.py [--pku DIR] [--repeats 5]

Prints, in one run and side by side: word precision / recall / F1 (SIGHAN scoring, exact span match; recall on
out-of-vocabulary words against the PKU training word list) of plain ``jieba.lcut`` (default dictionary, HMM on)
and of ``fromto.tokens.get_tokenizer()`` (the same plus the domain lexicon), the lexicon's cost in F1 points
(the project requires at most 0.5), and throughput in characters per second (median of ``--repeats`` runs over
the whole test set) for each. The PKU files are read where they are (research-only licence: never copied);
without them the script says so and exits 0. jieba's global tokenizer is pointed at the project's private cache
folder before it loads, like the project's own tokenizer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from fromto import paths, tokens

MAX_LEXICON_COST = 0.5  # F1 points


def _throughput(fn, lines: list[str], repeats: int) -> float:
    n_chars = sum(len(line) for line in lines)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for line in lines:
            fn(line)
        times.append(time.perf_counter() - t0)
    return n_chars / statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pku", type=Path, default=paths.PKU, help="folder holding pku_test.utf8 and the gold")
    parser.add_argument("--repeats", type=int, default=5, help="timing repeats (the median is reported)")
    args = parser.parse_args(argv)
    try:
        raw, gold, known = tokens.read_pku(args.pku)
    except FileNotFoundError as exc:
        print(f"skipped: {exc}")
        return 0

    import jieba

    jieba.setLogLevel(60)
    paths.CACHE.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(paths.CACHE)  # never the shared temp folder
    jieba.dt.cache_file = "jieba.default.cache"
    jieba.initialize()
    project = tokens.get_tokenizer()

    systems = {
        "plain jieba.lcut (HMM on)": lambda s: jieba.lcut(s),
        "fromto tokenizer (lexicon)": project.cut,
    }
    n_chars = sum(len(line) for line in raw)
    print(f"PKU test set: {len(raw)} lines, {n_chars} characters, {sum(len(g) for g in gold)} gold words; "
          f"lexicon: {len(project.lexicon)} entries")
    print(f"{'system':30} {'P':>7} {'R':>7} {'F1':>7} {'OOV-R':>7} {'chars/s':>10}")
    scores = {}
    for name, fn in systems.items():
        out = [fn(line) for line in raw]
        sc = tokens.segmentation_prf(gold, out, known=known or None)
        speed = _throughput(fn, raw, args.repeats)
        scores[name] = (sc, out)
        oov = f"{sc['oov_recall']:.4f}" if "oov_recall" in sc else "n/a"
        print(f"{name:30} {sc['precision']:7.4f} {sc['recall']:7.4f} {sc['f1']:7.4f} {oov:>7} {speed:10,.0f}")
    (base, base_out), (proj, proj_out) = scores.values()
    cost = 100 * (base["f1"] - proj["f1"])
    changed = sum(a != b for a, b in zip(base_out, proj_out))
    print(f"lexicon cost: {cost:+.2f} F1 points (limit {MAX_LEXICON_COST}); lines segmented differently: {changed}")
    if changed:
        used = sorted({w for out in proj_out for w in out} & {e.word for e in project.lexicon})
        print("lexicon words produced on PKU: " + (", ".join(used) if used else "none"))
    if cost > MAX_LEXICON_COST:
        print("FAIL: the lexicon costs more than the limit; prune it (see resources/lexicon.tsv header)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
