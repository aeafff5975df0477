"""How well ``fromto.clean`` reads pages it was not written on: the three benchmark pages against a reader.

    python benchmarks/pages/evaluate.py [--pku PATH] [--pages DIR] [--show] [--json FILE]

The pages are built by ``build_pages.py`` (PKU People's Daily text, research-only) into a temporary folder
outside the repository, or read from ``--pages DIR`` where ``build_pages.py --out DIR`` put them. Without the
PKU text the script says so and exits 0: there is nothing to measure.

Each page is cleaned with ``clean.clean_page`` and its tables are read back as the reader's blocks (see
``README.md``): per article ``column``, ``pre_title``, ``title``, ``subtitle``, ``byline`` from the articles table
(the byline as printed, from the log's ``byline`` row), then the article's paragraphs in order (positions
``section_lead``, ``section_subtitle``, ``section_heading`` -> ``section_heading``; ``body``; ``box_label``;
``box_body``), each caption right after the paragraph it cuts or follows. Every block is compared by its
``text_start``: the first 12 characters, whitespace and a head's ``——`` removed.

Printed per page and overall:

* articles: expected, returned, *found* (an article with the expected title) and *whole* (its blocks, in order,
  exactly the reader's);
* per block kind: precision, recall and F1 of an alignment by order (``difflib`` on ``(kind, text_start)``
  over the page's block sequence: a block counts when it is aligned with a reader's block of the same kind
  and text start);
* ``not-body``: the share of returned ``body`` paragraphs whose text start is not that of a body paragraph of
  the page (multiset match, order ignored).

``--show`` prints each page's differences (reader's blocks missed, cleaner's blocks not the reader's).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import difflib
import importlib.util
import io
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parents[1]) not in sys.path[:1]:
    sys.path.insert(0, str(HERE.parents[1]))  # this checkout's package, not whichever fromto is installed

from fromto.evaluation.metrics import prf_from_counts  # noqa: E402
KINDS = ["column", "pre_title", "title", "subtitle", "byline", "section_heading", "body", "box_label", "box_body",
         "caption"]
#: The cleaner's paragraph positions as the reader's block kinds (head positions come from the articles table).
POSITION_KIND = {"section_lead": "section_heading", "section_subtitle": "section_heading",
                 "section_heading": "section_heading", "body": "body", "box_label": "box_label",
                 "box_body": "box_body"}
HEAD_POSITIONS = {"pre_title", "title", "subtitle"}


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_pages", HERE / "build_pages.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def text_start(text: str) -> str:
    """The first 12 characters a reader compares: whitespace and the —— of a head left out."""
    return re.sub(r"\s+", "", str(text)).strip("—")[:12]


def cleaner_blocks(result) -> list[tuple[int, str, str]]:
    """``(article, kind, text_start)`` for every block of a cleaned page, in reading order."""
    arts, paras, caps, log = result.articles, result.paragraphs, result.captions, result.log
    bylines = log[log["kind"] == "byline"]
    caps_after = collections.defaultdict(list)
    for c in caps.itertuples():
        caps_after[c.paragraph_id].append(c.caption or c.credit)
    out = []
    for a in arts.itertuples():
        n = int(a.article)
        for kind in ("column", "pre_title", "title", "subtitle"):
            if getattr(a, kind):
                out.append((n, kind, text_start(getattr(a, kind))))
        own = bylines[(bylines["raw_start"] >= a.raw_start) & (bylines["raw_end"] <= a.raw_end)]
        if len(own):
            out.append((n, "byline", text_start(own.iloc[0]["before"])))
        elif a.byline:
            out.append((n, "byline", text_start(f"{a.byline_role}{a.byline}")))
        for p in paras[paras["article"] == a.article].itertuples():
            if p.position not in HEAD_POSITIONS:
                out.append((n, POSITION_KIND.get(p.position, p.position), text_start(p.text)))
            for cap in caps_after.get(p.paragraph_id, []):
                out.append((n, "caption", text_start(cap)))
    return out


def read_expected(path: Path) -> list[tuple[int, str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [(int(r["article"]), r["kind"], r["text_start"]) for r in csv.DictReader(fh)]


def compare(expected: list[tuple], got: list[tuple]) -> dict:
    """Article, per-kind and not-body figures of one page (counts, so pages can be summed)."""
    e_seq = [(k, t) for _, k, t in expected]
    g_seq = [(k, t) for _, k, t in got]
    sm = difflib.SequenceMatcher(None, e_seq, g_seq, autojunk=False)
    tp = collections.Counter()
    matched_e, matched_g = set(), set()
    for blk in sm.get_matching_blocks():
        for d in range(blk.size):
            tp[e_seq[blk.a + d][0]] += 1
            matched_e.add(blk.a + d)
            matched_g.add(blk.b + d)
    exp_n = collections.Counter(k for k, _ in e_seq)
    got_n = collections.Counter(k for k, _ in g_seq)

    def by_article(rows):
        arts = collections.defaultdict(list)
        for a, k, t in rows:
            arts[a].append((k, t))
        return arts

    e_arts, g_arts = by_article(expected), by_article(got)
    g_by_title = {next((t for k, t in blocks if k == "title"), None): blocks for blocks in g_arts.values()}
    found = whole = 0
    for blocks in e_arts.values():
        title = next((t for k, t in blocks if k == "title"), None)
        if title in g_by_title:
            found += 1
            whole += g_by_title[title] == blocks
    page_body = collections.Counter(t for k, t in e_seq if k == "body")
    not_body = 0
    for k, t in g_seq:
        if k == "body":
            if page_body[t] > 0:
                page_body[t] -= 1
            else:
                not_body += 1
    return dict(articles=len(e_arts), returned=len(g_arts), found=found, whole=whole, tp=dict(tp),
                expected=dict(exp_n), got=dict(got_n), body_returned=got_n["body"], not_body=not_body,
                missed=[(i, *expected[i]) for i in range(len(e_seq)) if i not in matched_e],
                extra=[(i, *got[i]) for i in range(len(g_seq)) if i not in matched_g])


def summarise(name: str, s: dict) -> list[str]:
    lines = [f"{name}: articles {s['found']}/{s['articles']} found, {s['whole']} whole, {s['returned']} returned; "
             f"not-body {s['not_body']}/{s['body_returned']} = "
             f"{(s['not_body'] / s['body_returned'] if s['body_returned'] else 0):.1%}"]
    lines.append(f"  {'kind':<16}{'expected':>9}{'returned':>9}{'matched':>8}{'P':>7}{'R':>7}{'F1':>7}")
    for k in KINDS + sorted(set(s["got"]) - set(KINDS)):
        e, g, t = s["expected"].get(k, 0), s["got"].get(k, 0), s["tp"].get(k, 0)
        if not e and not g:
            continue
        p, r, f = prf_from_counts(t, g, e)  # nan where nothing was returned or expected
        lines.append(f"  {k:<16}{e:>9}{g:>9}{t:>8}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    return lines


def add(total: dict, s: dict) -> None:
    for key in ("articles", "returned", "found", "whole", "body_returned", "not_body"):
        total[key] = total.get(key, 0) + s[key]
    for key in ("tp", "expected", "got"):
        c = collections.Counter(total.get(key, {}))
        c.update(s[key])
        total[key] = dict(c)


def evaluate(pages: Path, show: bool = False) -> dict:
    from fromto import clean
    from fromto.textio import read_text

    figures, total = {}, {}
    for exp_path in sorted(pages.glob("page*.expected.csv")):
        name = exp_path.name.split(".")[0]
        result = clean.clean_page(read_text(pages / f"{name}.txt"), doc=name)
        s = compare(read_expected(exp_path), cleaner_blocks(result))
        figures[name] = s
        add(total, s)
        print("\n".join(summarise(name, s)))
        if show:
            for line in differences(s):
                print(line)
        print()
    print("\n".join(summarise("all pages", total)))
    figures["all"] = total
    return figures


def differences(s: dict) -> list[str]:
    """One line per block of a page's comparison ``s`` that the cleaner missed (-) or returned extra (+)."""
    return ([f"    - missed  #{i:<3} a{a} {k:<16} {t}" for i, a, k, t in s["missed"]]
            + [f"    + cleaner #{i:<3} a{a} {k:<16} {t}" for i, a, k, t in s["extra"]])


def write_counts(figures: dict, path: Path) -> None:
    """The figures' counts per kind as JSON at ``path`` (the block lists ``missed`` and ``extra`` left out, so the
    file holds no page text)."""
    keep = {k: {kk: vv for kk, vv in v.items() if kk not in ("missed", "extra")} for k, v in figures.items()}
    path.write_text(json.dumps(keep, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pku", help="pku_test.utf8 or the folder holding it (default: as build_pages.py)")
    ap.add_argument("--pages", type=Path, help="a folder where build_pages.py already wrote the pages")
    ap.add_argument("--show", action="store_true", help="print each page's differences")
    ap.add_argument("--json", type=Path, help="also write the figures (counts per kind) to this file")
    args = ap.parse_args(argv)
    if args.pages is not None:
        figures = evaluate(args.pages, args.show)
    else:
        builder = _load_builder()
        if builder.find_pku(args.pku) is None:
            print(f"{builder.PKU_NAME} not found (pass --pku or set FROMTO_PKU): the benchmark pages cannot be "
                  "built, nothing to evaluate")
            return 0
        with tempfile.TemporaryDirectory(prefix="fromto-pages-") as tmp:
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                rc = builder.main(["--out", tmp] + (["--pku", args.pku] if args.pku else []))
            if rc != 0:
                print(f"build_pages.py failed (status {rc})", file=sys.stderr)
                return rc
            figures = evaluate(Path(tmp), args.show)
    if args.json:
        write_counts(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
