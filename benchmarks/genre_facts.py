"""Facts about the seed page's own genre for notebook 05: the method run over the People's Daily party-building page, 2025.

    python benchmarks/genre_facts.py            # rewrite resources/genre_party_building_2025.csv
    python benchmarks/genre_facts.py --check    # exit 1 when the committed file differs from a fresh run

The 68 articles (``../shared/corpora/peoples-daily-2025-party-building/``, or ``$FROMTO_NEWSPAPERS``) are
research-only: they are read in place and never committed. What is committed is a small table of facts per
article — date, title, column, sha256 of the file, characters, sentences, the transitions the extractor finds by
construction and by code with their short poles, and the transitions readers found (the newspaper gold standard,
``resources/newspaper_gold_transitions.csv``) — so notebook 05 can compare the page with its genre in a clone with
nothing beside it. The file is regenerated only here, when the corpus is beside the repository; without it the
script says so and leaves the file as it is.

Each article goes through the same per-document function as corpus mode (``fromto.corpus.process_document``: the
cleaner, the tokenizer, the extractor and the coding rules) on the article's text with its Markdown marks removed
(``fromto.evaluation.newspaper.markdown_plain``). Characters are those of the cleaned text units, as for the page
(``fromto.views.corpus_report.page_rates``).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from fromto import paths  # noqa: E402
from fromto.corpus import process_document  # noqa: E402
from fromto.corpus.readers import split_front_matter  # noqa: E402
from fromto.evaluation.newspaper import markdown_plain  # noqa: E402
from fromto.textio import atomic_write, read_resource_csv, read_text  # noqa: E402
from fromto.views.corpus_report import construction_family  # noqa: E402
from fromto.views.genre import kind_of  # noqa: E402

OUT = paths.GENRE_FACTS
#: Longest pole quoted in the table (characters); a longer pole is cut with "…".
POLE_CHARS = 16
HEADER = """# Facts about the People's Daily party-building page (党建版), 2025, the seed page's own genre, for notebook 05.
# Made by `python benchmarks/genre_facts.py` from the 68 articles of ../shared/corpora/peoples-daily-2025-party-building/
# (research-only, read in place, never committed: this file holds no running text, only titles, counts, codes and
# short poles); regenerated only when the corpus is beside the repository.
# Each article: front matter split off, Markdown marks removed, then fromto.corpus.process_document (the cleaner,
# tokenizer, extractor and coding rules, as in corpus mode). Columns: file, sha256 (of the file), date, title,
# column (the recurring column named in the title's last parentheses; "" when none) and kind (feature,
# commentary, discipline case, grassroots profile, or "other": first-person accounts and short reports),
# n_chars (characters of the cleaned text units, as for the page), n_sentences, n_transitions (found by the
# extractor), families and codes ("name:count" joined by "|"), poles (the found transitions' "source→target",
# each pole cut to {pole} characters, joined by " | "), n_read (transitions the readers of the newspaper gold standard
# found in the article: resources/newspaper_gold_transitions.csv) and split (tune: issues up to 2025-04-22;
# heldout: later issues; see that file's header).
"""


def _cut(pole: str) -> str:
    pole = str(pole)
    return pole if len(pole) <= POLE_CHARS else pole[:POLE_CHARS - 1] + "…"


def _column(title: str) -> str:
    m = re.search(r"（([^（）]+)）\s*$", title)
    if not m:
        return ""
    return m.group(1).split("·")[0]


def facts(folder: Path) -> pd.DataFrame:
    """The facts table of the corpus in ``folder`` (see the module docstring)."""
    gold = read_resource_csv(paths.NEWSPAPER_GOLD)
    gold = gold[gold["transition"] == "1"]
    read_counts = gold.groupby("file").size().to_dict()
    splits = dict(zip(gold["file"], gold["split"]))
    all_gold = read_resource_csv(paths.NEWSPAPER_GOLD)
    splits.update(dict(zip(all_gold["file"], all_gold["split"])))
    rows = []
    for path in sorted((folder / "articles").glob("*.md")):
        raw = path.read_bytes()
        meta, body, _ = split_front_matter(read_text(path), path.name)
        result = process_document(path.name, markdown_plain(body), {"title": meta.get("title", ""),
                                                                     "date": meta.get("date", "")})
        trans = result["transitions"]
        n_chars = sum(len(p["text"]) for p in result["paragraphs"])
        families = Counter(construction_family(t["marker"]) for t in trans)
        codes = Counter(t["code"] for t in trans)
        column = _column(meta.get("title", ""))
        date = str(meta.get("date", ""))
        rows.append({
            "file": path.name, "sha256": hashlib.sha256(raw).hexdigest(), "date": date,
            "title": meta.get("title", ""), "column": column, "kind": kind_of(column),
            "n_chars": n_chars, "n_sentences": result["document"]["n_sentences"], "n_transitions": len(trans),
            "families": "|".join(f"{k}:{v}" for k, v in sorted(families.items())),
            "codes": "|".join(f"{k}:{v}" for k, v in sorted(codes.items())),
            "poles": " | ".join(f"{_cut(t['source'])}→{_cut(t['target'])}" for t in trans),
            "n_read": int(read_counts.get(path.name, 0)),
            "split": "tune" if date <= "2025-04-22" else "heldout",
        })
    return pd.DataFrame(rows)


def render(table: pd.DataFrame) -> str:
    buf = io.StringIO()
    buf.write(HEADER.format(pole=POLE_CHARS))
    table.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file instead of writing it")
    args = ap.parse_args(argv)
    if not paths.newspapers_available():
        print(f"{paths.NEWSPAPERS} is not beside the repository: {paths.rel(OUT)} left as it is")
        return 0
    text = render(facts(paths.NEWSPAPERS))
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"{paths.rel(OUT)}: {'as committed' if same else 'differs from a fresh run'}")
        return 0 if same else 1
    with atomic_write(OUT) as fh:
        fh.write(text)
    print(f"{paths.rel(OUT)}: {text.count(chr(10)) - HEADER.count(chr(10)) - 1} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
