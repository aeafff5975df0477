"""The page against its own genre: rates of "from X to Y" per article of the People's Daily party-building page.

Notebook 05 compares the page with seventy years of Government Work Reports; the reports are another genre, so the
fair comparison is the page's own. ``resources/genre_party_building_2025.csv`` holds facts (no running text) about
the 68 articles of that page in 2025 (``benchmarks/genre_facts.py`` writes it with the research-only corpus beside
the repository): per article its column, characters, the transitions the extractor finds and those readers found by
reading every sentence (the newspaper gold standard). This module turns those facts and the page's own tables into
the comparison: rates per 10,000 characters per article, by kind of article, and the shares of constructions and
codes.

A rate of transitions *read* is the measure to trust: readers marked every sentence of the genre and of the page, so
it needs no correction for the extractor's recall. A rate of transitions *found* is what the method reports on a
text nobody read; the reports have only that, and :func:`corrected_rate` divides it by a measured recall.
"""

from __future__ import annotations

import math

import pandas as pd

#: Recurring columns of the party-building page, as named in a title's last parentheses or the page's column line,
#: and the kind of article each holds.
COLUMN_KINDS = {
    "前沿观察": "feature",
    "深度关注": "feature",
    "金台潮声": "commentary",
    "监督哨": "discipline case",
    "党旗在基层一线高高飘扬": "grassroots profile",
}
#: Kinds in the order tables and figures list them; "other" holds first-person accounts and short reports.
KINDS = ["feature", "commentary", "grassroots profile", "discipline case", "other"]
#: Chinese labels of the kinds, for bilingual figures.
KIND_ZH = {"feature": "深度报道", "commentary": "评论", "grassroots profile": "基层典型", "discipline case": "监督案例",
           "other": "其他"}


def kind_of(column: str) -> str:
    """The kind of article a column holds (:data:`COLUMN_KINDS`), ``"other"`` for any other column or none."""
    return COLUMN_KINDS.get(str(column).split("·")[0].strip(), "other")


def per_10k(count, chars) -> float:
    """``count`` per 10,000 characters (NaN for no characters)."""
    return round(float(count) / float(chars) * 10_000, 3) if float(chars) else float("nan")


def genre_articles(facts: pd.DataFrame) -> pd.DataFrame:
    """The genre's articles with typed counts and their rates: columns ``file, date, title, kind, n_chars,
    n_found, n_read, found_per_10k, read_per_10k`` (``n_found`` the extractor's transitions, ``n_read`` the
    readers')."""
    out = pd.DataFrame({
        "file": facts["file"], "date": facts["date"], "title": facts["title"],
        "kind": [kind_of(c) for c in facts["column"]],
        "n_chars": facts["n_chars"].astype(int), "n_found": facts["n_transitions"].astype(int),
        "n_read": facts["n_read"].astype(int),
    })
    out["found_per_10k"] = [per_10k(a, b) for a, b in zip(out["n_found"], out["n_chars"])]
    out["read_per_10k"] = [per_10k(a, b) for a, b in zip(out["n_read"], out["n_chars"])]
    return out.reset_index(drop=True)


def page_articles(page_rates: pd.DataFrame, articles: pd.DataFrame, gold: pd.DataFrame | None) -> pd.DataFrame:
    """The page's articles in the shape of :func:`genre_articles`: characters and transitions found from
    :func:`fromto.views.corpus_report.page_rates`, transitions read from the page's gold standard (``None`` when
    the page has none: then ``n_read`` is NaN), the kind from the article's column."""
    rows = page_rates[page_rates["article"] != "all"]
    column = dict(zip(articles["article"].astype(str), articles["column"]))
    read = gold.groupby(gold["article"].astype(str)).size() if gold is not None else None
    out = pd.DataFrame({
        "file": "page", "date": "", "title": rows["title"].tolist(),
        "kind": [kind_of(column.get(a, "")) for a in rows["article"]],
        "n_chars": rows["n_chars"].astype(int).tolist(), "n_found": rows["n_transitions"].astype(int).tolist(),
        "n_read": [int(read.get(a, 0)) if read is not None else math.nan for a in rows["article"]],
    })
    out["found_per_10k"] = [per_10k(a, b) for a, b in zip(out["n_found"], out["n_chars"])]
    out["read_per_10k"] = [per_10k(a, b) if not pd.isna(a) else math.nan for a, b in zip(out["n_read"], out["n_chars"])]
    return out


def by_kind(arts: pd.DataFrame) -> pd.DataFrame:
    """Per kind of article (:data:`KINDS`) and for all: articles, characters, transitions found and read, the
    pooled rates, the median article's read rate, and how many articles hold at least one transition read."""
    rows = []
    for kind in KINDS + ["all"]:
        part = arts if kind == "all" else arts[arts["kind"] == kind]
        if not len(part):
            continue
        rows.append({"kind": kind, "articles": len(part), "n_chars": int(part["n_chars"].sum()),
                     "n_found": int(part["n_found"].sum()), "n_read": int(part["n_read"].sum()),
                     "found_per_10k": per_10k(part["n_found"].sum(), part["n_chars"].sum()),
                     "read_per_10k": per_10k(part["n_read"].sum(), part["n_chars"].sum()),
                     "median_article_read_per_10k": round(float(part["read_per_10k"].median()), 3),
                     "articles_with_one": int((part["n_read"] > 0).sum())})
    return pd.DataFrame(rows)


def corrected_rate(found: int, chars: int, recall: float, n_gold: int) -> tuple[float, float, float]:
    """The rate of transitions per 10,000 characters the text holds, estimated from the rate found and the
    extractor's measured recall: ``(estimate, low, high)``, with the 95% Wilson interval of the recall (measured
    on ``n_gold`` sentences with a transition) carried into the rate. A sketch of the uncertainty, not a model."""
    rate = per_10k(found, chars)
    if not recall or not n_gold:
        return rate, math.nan, math.nan
    z = 1.96
    centre = (recall + z * z / (2 * n_gold)) / (1 + z * z / n_gold)
    half = z * math.sqrt(recall * (1 - recall) / n_gold + z * z / (4 * n_gold * n_gold)) / (1 + z * z / n_gold)
    lo_recall, hi_recall = max(centre - half, 1e-9), min(centre + half, 1.0)
    return round(rate / recall, 3), round(rate / hi_recall, 3), round(rate / lo_recall, 3)


def rank_of(value: float, others) -> int:
    """How many of ``others`` are strictly above ``value``, plus one: the rank of ``value`` among them."""
    return int(sum(1 for o in others if o > value)) + 1


def shares(counts: dict[str, int]) -> dict[str, float]:
    """Each key's share of the total of ``counts`` (rounded to 3 places); empty for no counts."""
    total = sum(counts.values())
    return {k: round(v / total, 3) for k, v in counts.items()} if total else {}


def parse_counts(cells) -> dict[str, int]:
    """``"name:count|name:count"`` cells (the facts' ``families`` and ``codes``) summed into one dict."""
    out: dict[str, int] = {}
    for cell in cells:
        for part in str(cell).split("|"):
            if ":" in part:
                name, n = part.rsplit(":", 1)
                out[name] = out.get(name, 0) + int(n)
    return out


def side_by_side(page: dict[str, int], genre: dict[str, int], reports: dict[str, int], order=None) -> pd.DataFrame:
    """Shares of each name (construction family or code) among the transitions found on the page, in its genre
    and in the reports, with the counts: columns ``name, page, page_share, genre, genre_share, reports,
    reports_share``; rows in ``order`` first, then by total count."""
    names = list(dict.fromkeys(list(order or []) + sorted(set(page) | set(genre) | set(reports),
                                                          key=lambda k: -(page.get(k, 0) + genre.get(k, 0)
                                                                          + reports.get(k, 0)))))
    names = [n for n in names if page.get(n, 0) or genre.get(n, 0) or reports.get(n, 0)]
    sp, sg, sr = shares(page), shares(genre), shares(reports)
    return pd.DataFrame([{"name": n, "page": page.get(n, 0), "page_share": sp.get(n, 0.0),
                          "genre": genre.get(n, 0), "genre_share": sg.get(n, 0.0),
                          "reports": reports.get(n, 0), "reports_share": sr.get(n, 0.0)} for n in names])


def plot_genre_rates(genre: pd.DataFrame, page: pd.DataFrame, reports_rate: float, reports_band=None,
                     corpus_label: str = "政府工作报告 · Government Work Reports"):
    """A strip chart of the transitions read per 10,000 characters, one dot an article: the genre's articles by
    kind, the page's articles marked apart, and the reports' rate as a line (with its band, when given). Returns
    the figure."""
    import matplotlib.pyplot as plt

    from fromto.views import style

    kinds = [k for k in KINDS if (genre["kind"] == k).any() or (page["kind"] == k).any()]
    fig, ax = plt.subplots(figsize=(6.5, 0.55 * len(kinds) + 1.6))
    y_of = {k: len(kinds) - 1 - i for i, k in enumerate(kinds)}
    for k in kinds:
        part = genre[genre["kind"] == k].sort_values("file")
        offsets = [((i * 7) % 11 - 5) / 40 for i in range(len(part))]  # a fixed jitter: reproducible
        ax.scatter(part["read_per_10k"], [y_of[k] + o for o in offsets], s=22, color="#7F7F7F", alpha=0.8,
                   label=style.gloss("党建版2025年文章", "party-building page 2025, an article", " · ")
                   if k == kinds[0] else None,
                   zorder=2)
    mine = page.dropna(subset=["read_per_10k"])
    ax.scatter(mine["read_per_10k"], [y_of[k] for k in mine["kind"]], s=70, marker="D", color="#D55E00",
               edgecolor="black", linewidth=0.6, label=style.gloss("本版（2023）文章", "the page (2023), an article", " · "),
               zorder=3)
    if reports_band is not None and not any(pd.isna(v) for v in reports_band):
        ax.axvspan(reports_band[0], reports_band[1], color="#0072B2", alpha=0.12, zorder=1)
    ax.axvline(reports_rate, color="#0072B2", linewidth=1.2, zorder=1,
               label=_corpus_legend(corpus_label, reports_band is not None))
    ax.set_yticks([y_of[k] for k in kinds], [style.gloss(KIND_ZH[k], k) for k in kinds])
    ax.set_xlabel(style.gloss("每万字转变陈述（人工阅读）", "transitions read per 10,000 characters"))
    ax.set_xlim(left=-1)
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    ax.legend(loc="center right", fontsize=7, frameon=False)
    ax.set_title(style.gloss("本版在同类版面文章中的位置", "The page among the articles of its own genre", " · "),
                 fontsize=10)
    fig.tight_layout()
    return fig


def _corpus_legend(corpus_label: str, band: bool) -> str:
    """The legend of the corpus line: its name (zh · en) and what the line and band are."""
    from fromto.views import style

    zh, _, en = corpus_label.partition(" · ")
    return style.gloss(f"{zh}：程序找到" + ("（带：按召回率校正）" if band else ""),
                       f"{en or zh}: found" + (" (band: ÷ recall)" if band else ""))
