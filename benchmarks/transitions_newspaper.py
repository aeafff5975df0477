"""The extractor on three kinds of prose it was not tuned on, beside a naive regex, in one run.

Usage: ``python benchmarks/transitions_newspaper.py [--errors tune] [--write]``

Printed, per gold standard and split, sentence and pole precision and recall of ``fromto.transitions`` and of the
naive baseline of ``benchmarks/transitions_reports.py`` (从/由 X 到/向 Y in one clause), and the recall of the
rules together with the reading list (``fromto.transitions.review_cue``: sentences with a change cue the rules
took nothing from, for a reader):

* **newspapers** — the People's Daily party-building page, 2025 (68 articles, 2,823 sentences; research-only, read
  in place from ``../shared/corpora/peoples-daily-2025-party-building/`` or ``$FROMTO_NEWSPAPERS``). Every sentence
  was annotated by reading, two readers a sentence and a ruling where they differed, before any tool ran on it
  (``resources/newspaper_gold_transitions.csv``, whose header gives the policy). Split by date before annotation:
  issues up to 2025-04-22 tune, 2025-05-06 onwards held out. After three looks that held-out half was opened for
  tuning (``--errors opened`` lists its errors): it is a tuning half now, and the 2026 pages are the held-out text.
* **news 2026** — the same page in 2026 (88 articles; not shipped and not beside the repository by default:
  assembled from public copies listed in ``benchmarks/pd2026/SOURCES.tsv``, at ``../peoples-daily-2026-party-building``
  or ``$FROMTO_PD2026``). Gold made the same way (``resources/newspaper2026_gold_transitions.csv``); issues of January
  to March 2026 tune, April to July 2026 held out. After two looks (before and after the rules written from the
  tuning half) that half too was opened for tuning (printed as ``opened``).
* **news 2026 late** — the same page's later issues, 2026-07-21 to 2026-09-01 (26 articles, manifest
  ``benchmarks/pages2026late/SOURCES.tsv``; ``../peoples-daily-2026-party-building-late`` or ``$FROMTO_PD2026_LATE``;
  gold ``resources/newspaper2026late_gold_transitions.csv``), read after the April-July half was opened: held out.
* **comment 2026** — the commentary page (评论版) of the same issues, another page of the newspaper (manifest
  ``benchmarks/pd2026/SOURCES_commentary.tsv``; ``../peoples-daily-2026-commentary`` or
  ``$FROMTO_PD2026_COMMENTARY``; gold ``resources/newspaper2026commentary_gold_transitions.csv``): held out.
* **reports** — the Government Work Reports gold (``resources/report_gold_transitions.csv``), its current held-out
  half (round 5).
* **PKU** — the hand-annotated sample of People's Daily 2001 text (``resources/pku_dev_transitions.csv``), its
  held-out split; read in place from ``../shared/reference/pku/``.

A part whose text is not beside the repository is skipped with a line saying so. ``--errors tune`` lists the
extractor's errors on the tune halves of the 2025 and 2026 gold standards and ``--errors opened`` those on the
held-out halves that were opened for tuning; either prints those halves' figures only (a tuning session sees no held-out figure). The
held-out halves are reported, never listed. ``--write`` (only
with every part beside the repository) writes the printed figures to ``resources/newspaper_extraction_scores.csv``,
which notebook 03 shows, so a clone with nothing beside it still reproduces every committed file.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fromto import paths  # noqa: E402
from fromto.evaluation import devset, newspaper  # noqa: E402
from fromto.transitions import extract, review_cue  # noqa: E402

_spec = importlib.util.spec_from_file_location("transitions_reports", ROOT / "benchmarks" / "transitions_reports.py")
_reports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reports)
naive_extract = _reports.naive_extract


def with_reading_list(items, split: str) -> tuple[int, int]:
    """``(sentences with a transition, those the rules or the reading list reach)`` on ``split`` of ``items``."""
    n = reached = 0
    for _key, s, text, gold in items:
        if s != split or not gold:
            continue
        n += 1
        reached += bool(extract(text)) or bool(review_cue(text))
    return n, reached


def pku_items():
    """The PKU sample as score items (the PKU text read in place), or None without it."""
    if not paths.pku_available():
        return None
    lines = paths.PKU_RAW.read_text(encoding="utf-8").split("\n")
    ann = devset.read_resource_csv(paths.PKU_DEV_TRANSITIONS)
    sentences: dict = {}
    for row in ann.to_dict("records"):
        key = (int(row["line"]), int(row["start"]), int(row["end"]))
        entry = sentences.setdefault(key, {"split": row["split"], "gold": []})
        if row["transition"] == "1":
            entry["gold"].append((row["source"], row["target"]))
    return [(key, e["split"], lines[key[0] - 1][key[1]:key[2]], e["gold"]) for key, e in sorted(sentences.items())]


SCORES = paths.NEWSPAPER_EXTRACTION_SCORES
#: The gold sets whose held-out half was measured and then opened for tuning: that half is printed as "opened".
OPENED_HALVES = ("newspapers", "news 2026")
SCORES_HEADER = """# The extractor on prose it was not tuned on, beside a naive regex: scores only, no text. Written by
# `python benchmarks/transitions_newspaper.py --write` (read its docstring) with the research-only texts beside the
# repository: the People's Daily 2025 party-building corpus (gold: resources/newspaper_gold_transitions.csv; tune and
# held-out halves), the Government Work Reports' current held-out half (resources/report_gold_transitions.csv) and
# the People's Daily 2001 sample's held-out split (resources/pku_dev_transitions.csv). The gold standards were made
# by LLM-based readers under a written policy before any tool ran on their text. Sentence level: a sentence is
# predicted positive when the extractor returns a pair; pole level: each gold pair matched at most once by a pair
# whose poles contain one another. reading_list_recall: sentences with a transition the rules or the reading list
# (fromto.transitions.review_cue) reach.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", metavar="HALF", help="list the extractor's errors on the newspapers' 'tune' halves or the 'opened' ones")
    ap.add_argument("--write", action="store_true", help=f"write the figures to {paths.rel(SCORES)}")
    args = ap.parse_args(argv)
    if args.errors not in (None, "tune", "opened"):
        print(f"refused: --errors {args.errors}; only the tune halves' errors ('tune') and those of the halves "
              "opened for tuning ('opened') may be listed (a held-out split is reported, never read)", file=sys.stderr)
        return 2
    listed = {"tune": "tune", "opened": "heldout"}.get(args.errors)
    parts = []
    if paths.newspapers_available():
        items = newspaper.gold_set_items(newspaper.PD2025)
        if args.errors:  # a tuning session sees the halves it tunes on only
            items = [it for it in items if it[1] == listed]
        parts.append(("newspapers", items, (listed,) if args.errors else ("tune", "heldout")))
        unread = newspaper.gold_set_sentences(newspaper.PD2025)[2]
        if unread:
            print(f"newspapers: {len(unread)} sentences the cleaner gives now were never read by the gold's readers "
                  "(a heading line split off its paragraph, say); they are left out of the scores")
    else:
        print(f"newspapers: skipped ({paths.NEWSPAPERS} is not beside the repository)")
    for name, gold_set, available in newspaper.GOLD_SETS_2026:
        if not newspaper.gold_set_ready(gold_set, available):
            why = f"no {paths.rel(gold_set.gold)}" if available() else f"{gold_set.folder} is not beside the repository"
            print(f"{name}: skipped ({why})")
            continue
        items = newspaper.gold_set_items(gold_set)
        if args.errors:  # only the halves opened for tuning are listed; a held-out set is never read
            half = listed if listed in gold_set.opened else None
            if half is None:
                continue
            items = [it for it in items if it[1] == half]
            parts.append((name, items, (half,)))
        else:
            parts.append((name, items, tuple(s for s in ("tune", "heldout") if any(it[1] == s for it in items))))
    if not args.errors:
        parts.append(("reports", devset.report_items(), ("heldout",)))
    pku = pku_items() if not args.errors else None
    if args.errors:
        pass
    elif pku is not None:
        parts.append(("PKU 2001", pku, ("heldout",)))
    else:
        print(f"PKU 2001: skipped ({paths.PKU} is not beside the repository)")
    print(f"{'gold':<14} {'split':<8} {'sentences':>9} {'level':<9} {'gold':>5}   {'rules P':>7} {'R':>6}"
          f"   {'naive P':>7} {'R':>6}   {'rules + reading list R':>22}")
    errors = []
    table = []
    for name, items, splits in parts:
        ours = devset.score(items, listed if args.errors else None, splits=splits)
        naive = devset.score(items, None, splits=splits, extractor=naive_extract)
        errors += ours["errors"]
        for split in splits:
            n, reached = with_reading_list(items, split)
            label = "opened" if split == "heldout" and name in OPENED_HALVES else split
            for level in ("sentence", "pole"):
                p, r, _f, g = ours[split][level]
                bp, br, _bf, _ = naive[split][level]
                extra = f"{reached / n:>6.3f} ({reached}/{n})" if level == "sentence" and n else ""
                table.append({"gold": name, "split": label, "sentences": ours[split]["sentences"], "level": level,
                              "gold_n": g, "precision": round(p, 3), "recall": round(r, 3),
                              "naive_precision": round(bp, 3), "naive_recall": round(br, 3),
                              "reading_list_recall": round(reached / n, 3) if level == "sentence" and n else ""})
                print(f"{name:<14} {label:<8} {ours[split]['sentences']:>9} {level:<9} {g:>5}   {p:>7.3f} {r:>6.3f}"
                      f"   {bp:>7.3f} {br:>6.3f}   {extra:>22}")
    for key, text, gold, pred in errors:
        print(f"\n{key}: {text}\n  gold: {gold}\n  pred: {pred}")
    if args.write:
        if len(parts) < 3 + len(newspaper.GOLD_SETS_2026) or args.errors:
            print(f"not written: {paths.rel(SCORES)} needs every part beside the repository", file=sys.stderr)
            return 1
        import pandas as pd

        from fromto.textio import atomic_write

        with atomic_write(SCORES) as fh:
            fh.write(SCORES_HEADER)
            pd.DataFrame(table).to_csv(fh, index=False, lineterminator="\n")
        print(f"{paths.rel(SCORES)}: {len(table)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
