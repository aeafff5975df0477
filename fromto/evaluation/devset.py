"""Scoring the transition extractor on the hand-annotated PKU development sample (dev and held-out splits).

The annotation (``resources/pku_dev_transitions.csv``) stores only line numbers, sentence offsets and short
poles; the sentences are rebuilt from ``pku_test.utf8`` (research-only licence), which is read in place beside the
repository and never copied. ``benchmarks/transitions_dev.py`` prints these scores; notebook 03 shows them.

* sentence level — a sentence is predicted positive when the extractor returns at least one row;
* pole level — a predicted (source, target) pair matches a gold pair when each predicted pole contains the gold
  pole or is contained in it (quotes and spaces removed); each gold pair is matched at most once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from fromto import paths
from fromto.evaluation.metrics import prf_from_counts, ratio
from fromto.textio import read_resource_csv, read_text, strip_quotes
from fromto.transitions import extract


def _norm(p: str) -> str:
    return strip_quotes(p, also="、")


def _pole_match(pred: str, gold: str) -> bool:
    a, b = _norm(pred), _norm(gold)
    return bool(a) and bool(b) and (a in b or b in a)


_SENTENCE_ID = re.compile(r"^(?P<paragraph>.*s)(?P<n>\d+)$")


def _follows(key, before) -> bool:
    """True when the item keyed ``key`` is the sentence right after ``before`` in one paragraph: keys
    ``(doc, sentence_id)`` with ids ``<paragraph>s<n>`` (a1p07s02, a1p07s03). The extractor gets that sentence as
    the one before, as :func:`fromto.transitions.extract_rows` does in a paragraph (a pronoun source is resolved
    there); samples that are not consecutive, or keys of another form, get none."""
    if len(key) != 2 or len(before) != 2 or key[0] != before[0]:
        return False
    a, b = _SENTENCE_ID.match(str(before[1])), _SENTENCE_ID.match(str(key[1]))
    return bool(a and b) and a["paragraph"] == b["paragraph"] and int(b["n"]) == int(a["n"]) + 1


def score(items, show_errors: str | None = None, splits=("dev", "heldout"), extractor=None) -> dict:
    """Sentence- and pole-level scores per split for ``items``: ``(key, split, text, gold_pairs)`` tuples.

    The extractor (``extractor(text) -> [(source, target), …]``, default :func:`fromto.transitions.extract`, so a
    baseline can be scored the same way) runs on each ``text``; returns ``{split: {"sentences": n, "sentence": (P, R, F, n_gold),
    "pole": (P, R, F, n_gold)}, "errors": [...]}`` where errors (only for the split named by ``show_errors``)
    are ``(key, text, gold, predicted)``.
    """
    counts = defaultdict(lambda: defaultdict(int))
    errors = []
    last = None
    for key, split, text, gold in items:
        previous = last[1] if last is not None and _follows(key, last[0]) else ""
        last = (key, text)
        pred = extractor(text) if extractor else [(r["source"], r["target"]) for r in extract(text, previous)]
        c = counts[split]
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
        if show_errors == split and (tp != len(pred) or tp != len(gold)):
            errors.append((key, text, gold, pred))
    result = {}
    for split in splits:
        c = counts[split]
        result[split] = {
            "sentences": c["sentences"],
            "sentence": prf_from_counts(c["s_tp"], c["s_pred"], c["s_gold"]) + (c["s_gold"],),
            "pole": prf_from_counts(c["p_tp"], c["p_pred"], c["p_gold"]) + (c["p_gold"],),
        }
    result["errors"] = errors
    return result


def evaluate(pku_dir: Path, show_errors: str | None = None) -> dict:
    """Scores of the PKU sample per split (see :func:`score`); sentences rebuilt from the PKU text in place."""
    lines = read_text(pku_dir / "pku_test.utf8").split("\n")
    ann = read_resource_csv(paths.PKU_DEV_TRANSITIONS)
    sentences: dict[tuple, dict] = {}
    for row in ann.to_dict("records"):
        key = (int(row["line"]), int(row["start"]), int(row["end"]))
        entry = sentences.setdefault(key, {"split": row["split"], "gold": []})
        if row["transition"] == "1":
            entry["gold"].append((row["source"], row["target"]))
    items = [(key, e["split"], lines[key[0] - 1][key[1]:key[2]], e["gold"]) for key, e in sorted(sentences.items())]
    return score(items, show_errors)


#: The round whose held-out half measures the extractor now: each earlier round's held-out half was measured and
#: then joined the tuning material.
HELDOUT_ROUND = "5"


def report_items(gold: pd.DataFrame | None = None, heldout_round: str = HELDOUT_ROUND) -> list[tuple]:
    """The report gold standard (``resources/report_gold_transitions.csv``) as :func:`score` items.

    A sentence is "heldout" when it is in the held-out half of round ``heldout_round``; rows of later rounds are left
    out (they did not exist when that round was the test); everything else is "tune".
    """
    gold = read_resource_csv(paths.REPORT_GOLD) if gold is None else gold
    if "round" not in gold:
        gold = gold.assign(round="1")
    items: dict[tuple, list] = {}
    for row in gold.to_dict("records"):
        if int(row["round"]) > int(heldout_round):
            continue
        split = "heldout" if row["split"] == "heldout" and row["round"] == heldout_round else "tune"
        key = (row["doc"], row["sentence_id"])
        entry = items.setdefault(key, [split, row["text"], []])
        if row["transition"] == "1":
            entry[2].append((row["source"], row["target"]))
    return [(key, split, text, pairs) for key, (split, text, pairs) in items.items()]


def evaluate_reports(show_errors: str | None = None, gold: pd.DataFrame | None = None, extractor=None,
                     heldout_round: str = HELDOUT_ROUND) -> dict:
    """Scores of the extractor on the report gold standard, splits "tune" and "heldout" (see :func:`score` and
    :func:`report_items`).

    Only ever list errors of the "tune" split: "heldout" measures how the rules generalise, so asking for its
    errors raises ValueError.
    """
    if show_errors not in (None, "tune"):
        raise ValueError("only the tune split's errors may be listed; the held-out split is reported, never read")
    return score(report_items(gold, heldout_round), show_errors, splits=("tune", "heldout"), extractor=extractor)


def scores_table(result: dict) -> pd.DataFrame:
    """The scores of :func:`score` as a table: split, sentences, level, gold, precision, recall, f1."""
    rows = []
    for split in [k for k in result if k != "errors"]:
        r = result[split]
        for level in ("sentence", "pole"):
            p, rec, f, n = r[level]
            rows.append({"split": split, "sentences": r["sentences"], "level": level, "gold": n,
                         "precision": round(p, 3), "recall": round(rec, 3), "f1": round(f, 3)})
    return pd.DataFrame(rows)


def review_coverage(gold: pd.DataFrame | None = None, heldout_round: str = HELDOUT_ROUND) -> pd.DataFrame:
    """How many report gold sentences holding a transition the rules find, and how many the rules or the review
    queue (:func:`fromto.transitions.review_cue`) reach, per split (see :func:`report_items`).

    Columns ``split, sentences, with_transition, found_by_rules, rules_recall, found_or_queued,
    recall_with_queue, queued_without_transition``: the last counts sentences without a transition that the queue
    would still give a reader (its cost, within the gold sample). Aggregates only: no sentence is listed.
    """
    from fromto.transitions import review_cue

    counts = defaultdict(lambda: defaultdict(int))
    for _key, split, text, gold_pairs in report_items(gold, heldout_round):
        c = counts[split]
        taken = bool(extract(text))
        queued = not taken and bool(review_cue(text))
        c["sentences"] += 1
        if gold_pairs:
            c["with_transition"] += 1
            c["found_by_rules"] += taken
            c["found_or_queued"] += taken or queued
        else:
            c["queued_without_transition"] += queued
    rows = []
    for split in ("tune", "heldout"):
        c = counts[split]
        n = c["with_transition"]
        rows.append({"split": split, "sentences": c["sentences"], "with_transition": n,
                     "found_by_rules": c["found_by_rules"],
                     "rules_recall": round(ratio(c["found_by_rules"], n), 3),
                     "found_or_queued": c["found_or_queued"],
                     "recall_with_queue": round(ratio(c["found_or_queued"], n), 3),
                     "queued_without_transition": c["queued_without_transition"]})
    return pd.DataFrame(rows)


def in_heldout(rows: pd.DataFrame, gold: pd.DataFrame | None = None, heldout_round: str = HELDOUT_ROUND) -> list[bool]:
    """For each row of a report table (``doc``, ``sentence_id``): is its sentence in the held-out split of the
    report gold (``gold``, default ``resources/report_gold_transitions.csv``; see :func:`report_items`)? Rows there
    are kept from whoever tunes the rules, so lists meant for reading leave them out."""
    held = {key for key, split, _, _ in report_items(gold, heldout_round) if split == "heldout"}
    return [(d, s) in held for d, s in zip(rows["doc"], rows["sentence_id"])]
