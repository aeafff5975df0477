"""Measure fromto.transitions on the hand-annotated PKU development sample (dev and held-out splits).

Usage: ``python benchmarks/transitions_dev.py [--pku DIR] [--errors dev]``

The annotation (``resources/pku_dev_transitions.csv``) stores only line numbers, sentence offsets and short
poles; the sentences are rebuilt from ``pku_test.utf8`` in DIR (default ``paths.PKU``), which is read in place
and never copied. When the file is absent the script says so and exits 0.

Printed per split:
* sentence level — a sentence is predicted positive when the extractor returns at least one row;
* pole level — a predicted (source, target) pair matches a gold pair when each predicted pole contains the gold
  pole or is contained in it (quotes and spaces removed); each gold pair is matched at most once.
``--errors dev`` lists the dev sentences the extractor gets wrong (never use it on the held-out split while
tuning: that split measures how the rules generalise).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from fromto import paths
from fromto.textio import read_resource_csv, read_text
from fromto.transitions import extract


def _norm(p: str) -> str:
    return re.sub(r"[\s“”‘’「」『』\"'、]", "", p)


def _pole_match(pred: str, gold: str) -> bool:
    a, b = _norm(pred), _norm(gold)
    return bool(a) and bool(b) and (a in b or b in a)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(pku_dir: Path, show_errors: str | None = None) -> dict:
    """Scores per split: {split: {"sentence": (P, R, F, n), "pole": (P, R, F, n)}}."""
    raw = pku_dir / "pku_test.utf8"
    lines = read_text(raw).split("\n")
    ann = read_resource_csv(paths.PKU_DEV_TRANSITIONS)
    sentences: dict[tuple, dict] = {}
    for row in ann.to_dict("records"):
        key = (int(row["line"]), int(row["start"]), int(row["end"]))
        entry = sentences.setdefault(key, {"split": row["split"], "gold": []})
        if row["transition"] == "1":
            entry["gold"].append((row["source"], row["target"]))
    counts = defaultdict(lambda: defaultdict(int))
    errors = []
    for (ln, a, b), entry in sorted(sentences.items()):
        text = lines[ln - 1][a:b]
        pred = [(r["source"], r["target"]) for r in extract(text)]
        c = counts[entry["split"]]
        gold = entry["gold"]
        c["sentences"] += 1
        c["s_tp"] += bool(pred) and bool(gold)
        c["s_pred"] += bool(pred)
        c["s_gold"] += bool(gold)
        used = set()
        tp = 0
        for ps, pt in pred:
            for k, (gs, gt) in enumerate(gold):
                if k not in used and _pole_match(ps, gs) and _pole_match(pt, gt):
                    used.add(k)
                    tp += 1
                    break
        c["p_tp"] += tp
        c["p_pred"] += len(pred)
        c["p_gold"] += len(gold)
        if show_errors == entry["split"] and (tp != len(pred) or tp != len(gold)):
            errors.append((ln, a, text, gold, pred))
    result = {}
    for split in ("dev", "heldout"):
        c = counts[split]
        result[split] = {
            "sentences": c["sentences"],
            "sentence": _prf(c["s_tp"], c["s_pred"], c["s_gold"]) + (c["s_gold"],),
            "pole": _prf(c["p_tp"], c["p_pred"], c["p_gold"]) + (c["p_gold"],),
        }
    result["errors"] = errors
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pku", type=Path, default=paths.PKU, help="folder holding pku_test.utf8")
    ap.add_argument("--errors", choices=["dev"], help="list the dev sentences the extractor gets wrong")
    args = ap.parse_args(argv)
    if not (args.pku / "pku_test.utf8").is_file():
        print(f"skipped: pku_test.utf8 not found in the folder given ({args.pku.name}); "
              "pass --pku DIR or set FROMTO_PKU")
        return 0
    res = evaluate(args.pku, args.errors)
    print(f"{'split':<8} {'sentences':>9} {'level':<9} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for split in ("dev", "heldout"):
        r = res[split]
        for level in ("sentence", "pole"):
            p, rec, f, n = r[level]
            print(f"{split:<8} {r['sentences']:>9} {level:<9} {n:>5} {p:>6.3f} {rec:>6.3f} {f:>6.3f}")
    for ln, a, text, gold, pred in res["errors"]:
        print(f"\nline {ln}+{a}: {text}\n  gold: {gold}\n  pred: {pred}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
