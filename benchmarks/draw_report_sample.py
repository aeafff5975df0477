"""Draw a round of the report gold sample: trigger sentences of the Government Work Reports, stratified by decade.

Usage: ``python benchmarks/draw_report_sample.py --salt SALT [--exclude resources/report_gold_transitions.csv] > sample.csv``

This is how the sentences of ``resources/report_gold_transitions.csv`` were drawn, round by round, before anyone
read them (see EVALUATION.md): every report is cleaned with :func:`fromto.clean.clean_document`, so sentence ids are
the ones corpus mode and the extractor use; a sentence holding a trigger is a candidate, "paired" when an opener
meets a connector or a change verb names both poles, else "single"; the order within a decade is the sha1 of
``SALT:<year>:<sentence_id>`` (random, with no generator state); the first paired candidates and enough single
ones to make up the decade's quota are kept; the split is "heldout" when the digest's second hex digit is even.
A later round uses another salt and excludes the sentences drawn before.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import pandas as pd

from fromto import paths
from fromto.textio import read_resource_csv, read_text


#: A sentence is a candidate when it holds one of these triggers of a change statement.
REPORT_TRIGGER = re.compile(r"从|由|变|转|化为|成为|改为|走向")
#: Candidates where an opener meets a connector, or a change verb names both poles: the "paired" stratum.
REPORT_PAIRED = re.compile(
    r"(从|由)[^。！？；]{1,40}?(到|向|至|为|走向|转|变|进入)|变[^。，；]{1,20}为|变成|变为|转化为|转变为|转为|化为|改为")
#: Sentences drawn per decade: this many "paired" candidates (all where fewer) and single ones to make up the rest.
REPORT_PER_DECADE = 60
REPORT_PAIRED_PER_DECADE = 35


def _report_digest(doc: str, sentence_id: str, salt: str = "fromto-reports") -> str:
    return hashlib.sha1(f"{salt}:{doc}:{sentence_id}".encode()).hexdigest()



def report_sample(folder: Path | None = None, per_decade: int = REPORT_PER_DECADE,
                  paired_per_decade: int = REPORT_PAIRED_PER_DECADE, salt: str = "fromto-reports",
                  exclude: set | None = None) -> pd.DataFrame:
    """A random sample of trigger sentences from the report corpus, stratified by decade, split in two halves.

    Every report (``YYYY.txt``) is cleaned with :func:`fromto.clean.clean_document`, so sentence ids are the ones
    corpus mode and the extractor use. A candidate holds a trigger (:data:`REPORT_TRIGGER`); it is "paired" when
    :data:`REPORT_PAIRED` matches, else "single". The order within a stratum is the sha1 of
    ``fromto-reports:<year>:<sentence_id>`` — a random order that needs no generator state and never changes —
    and the first ``paired_per_decade`` paired plus enough single candidates to reach ``per_decade`` are kept.
    The split is "heldout" when the digest's second hex digit is even, else "tune".
    A later round draws with another ``salt`` and ``exclude``s the ``(doc, sentence_id)`` pairs drawn before.
    Columns: doc, decade, sentence_id, stratum, split, text.
    """
    exclude = exclude or set()
    from fromto.clean import clean_document

    folder = Path(folder or paths.REPORTS)
    rows = []
    for f in sorted(folder.glob("*.txt")):
        result = clean_document(read_text(f), f.stem)
        for s in result.sentences.itertuples():
            if REPORT_TRIGGER.search(s.text) and (f.stem, s.sentence_id) not in exclude:
                digest = _report_digest(f.stem, s.sentence_id, salt)
                rows.append({"doc": f.stem, "decade": int(f.stem) // 10 * 10, "sentence_id": s.sentence_id,
                             "stratum": "paired" if REPORT_PAIRED.search(s.text) else "single",
                             "split": "heldout" if int(digest[1], 16) % 2 == 0 else "tune",
                             "text": s.text, "_order": digest})
    cand = pd.DataFrame(rows)
    keep = []
    for _, dec in cand.groupby("decade", sort=True):
        paired = dec[dec["stratum"] == "paired"].sort_values("_order").head(paired_per_decade)
        single = dec[dec["stratum"] == "single"].sort_values("_order").head(per_decade - len(paired))
        keep.append(pd.concat([paired, single]))
    out = pd.concat(keep).sort_values(["doc", "sentence_id"]).drop(columns="_order")
    return out.reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--salt", required=True, help="a salt not used by an earlier round")
    ap.add_argument("--exclude", type=Path, default=None, help="a CSV with doc and sentence_id columns drawn before")
    args = ap.parse_args(argv)
    exclude = set()
    if args.exclude:
        drawn = read_resource_csv(args.exclude, dtype=str, keep_default_na=False)
        exclude = set(zip(drawn["doc"], drawn["sentence_id"]))
    report_sample(salt=args.salt, exclude=exclude).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
