"""Views of corpus-mode tables for notebook 05: transitions by code, shared pole pairs, documents over time.

Pure functions over the tables ``python -m fromto corpus`` writes (``documents.csv``, ``transitions.csv``) and
the codebook, plus the two figures drawn from them in the house style.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from fromto import style


def transitions_by_code(transitions: pd.DataFrame, codebook: pd.DataFrame) -> pd.DataFrame:
    """Per code: documents holding at least one transition of it, and transitions, with the bilingual label.

    Sorted by documents, then transitions, then code. Columns ``code, label_zh, label_en, documents, transitions``.
    """
    cols = ["code", "label_zh", "label_en", "documents", "transitions"]
    if len(transitions) == 0:
        return pd.DataFrame(columns=cols)
    table = (transitions.groupby("code").agg(transitions=("doc", "size"), documents=("doc", "nunique"))
             .reset_index().merge(codebook[["code", "label_zh", "label_en"]], on="code", how="left")
             .sort_values(["documents", "transitions", "code"], ascending=[False, False, True], ignore_index=True))
    return table[cols]


def shared_pole_pairs(transitions: pd.DataFrame, min_documents: int = 2, n: int = 15) -> pd.DataFrame:
    """(source, target) pairs found in at least ``min_documents`` documents, most widespread first (top ``n``)."""
    cols = ["source", "target", "documents", "transitions"]
    if len(transitions) == 0:
        return pd.DataFrame(columns=cols)
    pairs = (transitions.groupby(["source", "target"]).agg(documents=("doc", "nunique"), transitions=("doc", "size"))
             .reset_index().sort_values(["documents", "transitions", "source", "target"],
                                        ascending=[False, False, True, True], ignore_index=True))
    return pairs[pairs["documents"] >= min_documents].head(n)[cols].reset_index(drop=True)


def documents_by_date(documents: pd.DataFrame) -> pd.DataFrame:
    """Per date: documents, documents with a transition, transitions, and the share of documents with one.

    Undated documents (empty ``date``) are left out. Columns ``date, documents, with_transition, transitions,
    share`` (share rounded to 3 places), sorted by date.
    """
    cols = ["date", "documents", "with_transition", "transitions", "share"]
    dated = documents[documents["date"].astype(str) != ""]
    if len(dated) == 0:
        return pd.DataFrame(columns=cols)
    n_trans = pd.to_numeric(dated["n_transitions"])
    per_day = (dated.assign(has=n_trans > 0, n=n_trans)
               .groupby("date").agg(documents=("doc", "size"), with_transition=("has", "sum"),
                                    transitions=("n", "sum")).reset_index().sort_values("date", ignore_index=True))
    per_day["share"] = (per_day["with_transition"] / per_day["documents"]).round(3)
    return per_day[cols]


def plot_codes(by_code: pd.DataFrame, n_documents: int):
    """Horizontal bars: documents holding a transition of each code."""
    style.apply()
    fig, ax = plt.subplots(figsize=(style.PAGE_WIDTH * 0.7, 0.32 * max(len(by_code), 3) + 0.8))
    labels = [style.gloss(z or c, e, sep=" · ") for c, z, e in
              by_code[["code", "label_zh", "label_en"]].fillna("").itertuples(index=False)]
    ax.barh(range(len(by_code)), by_code["documents"], color=style.PALETTE[0])
    ax.set_yticks(range(len(by_code)), labels)
    ax.invert_yaxis()
    ax.set_xlabel(style.gloss("含该类转变的文章数", "documents holding a transition of this code", sep=" · "))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(style.gloss("转变编码在语料中的分布", f"transition codes across {n_documents} documents"))
    return fig


def plot_over_time(per_day: pd.DataFrame):
    """Bars per date: all documents (grey) and those holding a transition (blue)."""
    style.apply()
    fig, ax = plt.subplots(figsize=(style.PAGE_WIDTH * 0.7, 2.6))
    ax.bar(per_day["date"], per_day["documents"], color="#cccccc",
           label=style.gloss("文章数", "documents", sep=" · "))
    ax.bar(per_day["date"], per_day["with_transition"], color=style.PALETTE[0],
           label=style.gloss("含转变的文章", "documents with a transition", sep=" · "))
    ax.set_ylabel(style.gloss("文章数", "documents", sep=" · "))
    ax.set_title(style.gloss("按日期统计含转变的文章", "documents with a transition, by date"))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", rotation=45)
    ax.legend(frameon=False)
    return fig
