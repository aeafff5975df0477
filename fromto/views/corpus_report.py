"""Views of corpus-mode tables for notebook 05: is "from X to Y" the page's habit or official discourse's?

Pure functions over the tables ``python -m fromto corpus`` writes (``documents.csv``, ``transitions.csv``,
``paragraphs.csv``, or the same as Parquet: :func:`read_corpus_tables` reads either) and the codebook: transitions by code; the rate per year (per 10,000 characters, so long and
short documents compare); constructions and codes by decade; the most frequent pole pairs per period; the page's
own transitions against the corpus; and the figures drawn from them in the house style. A corpus without dates
(:func:`is_dated`) is shown per document and over the whole corpus instead (:func:`per_document`,
:func:`counts_over_corpus`, :func:`top_pairs`, :func:`plot_rate_by_document`, :func:`plot_page_against_corpus`), and
a corpus is named after its folder unless a name is given (:func:`corpus_label_for`).
"""

from __future__ import annotations

import math
import re

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from fromto.textio import strip_quotes
from fromto.views import style

#: Constructions (the extractor's ``marker``) grouped into families a reader recognises. The first pattern that
#: matches a marker names its family; a marker no pattern matches is "other" (:func:`other_markers` lists which).
#: The names (Chinese form · short tag) are keys of data tables and of the genre's recorded facts, so they stay
#: as they are; figures name a family in English by :data:`FAMILY_ENGLISH` (:func:`family_label`).
CONSTRUCTION_FAMILIES = [
    ("从…到/向…", "cong: 从X到/向Y", r"^(实现)?从X"),
    ("由…到/向/为…", "you: 由X到/向/为Y", r"^(实现)?由X"),
    ("变/化/转X为Y", "bian X wei Y", r"^[变化转]X为Y"),
    ("X向Y转变", "X towards Y", r"^X向Y"),
    ("(把)X变成/转化为Y", "X becomes Y", r"^(把|将|对于)?X\S*Y"),
]
#: What each family (by its Chinese form) says, in English, for figures.
FAMILY_ENGLISH = {
    "从…到/向…": "from X to/towards Y",
    "由…到/向/为…": "from X to/into Y (由, a formal 'from')",
    "变/化/转X为Y": "turn X into Y",
    "X向Y转变": "X shifts towards Y",
    "(把)X变成/转化为Y": "X becomes / is turned into Y",
}
#: What :func:`construction_family` calls a marker outside every family.
OTHER_FAMILY = "other"


def read_corpus_tables(folder) -> dict:
    """The tables a corpus run wrote into ``folder``, CSV or Parquet (``--format parquet``), as DataFrames keyed by
    their CSV names (``"documents.csv"`` …): ``doc``, ``date``, ``title`` and the other text columns as text, empty
    cells as empty strings, counts as integers (:func:`fromto.corpus.read_tables`)."""
    from fromto.corpus.tables import read_tables

    return read_tables(folder)


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


def construction_family(marker: str) -> str:
    """The family (:data:`CONSTRUCTION_FAMILIES`, as ``"zh · en"``) of an extractor marker, or ``"other"``."""
    for zh, en, pattern in CONSTRUCTION_FAMILIES:
        if re.search(pattern, str(marker)):
            return f"{zh} · {en}"
    return OTHER_FAMILY


def family_label(family: str) -> str:
    """How a figure names a family of :func:`construction_family`: the English (:data:`FAMILY_ENGLISH`), then the
    Chinese form (``"turn X into Y · 变/化/转X为Y"``); ``"other"`` says it holds the constructions outside them."""
    if family == OTHER_FAMILY:
        return "other constructions · 其他句式"
    zh = family.split(" · ")[0]
    return f"{FAMILY_ENGLISH[zh]} · {zh}" if zh in FAMILY_ENGLISH else family


def other_markers(transitions: pd.DataFrame, n: int = 4) -> pd.DataFrame:
    """The ``n`` most frequent markers that no family of :data:`CONSTRUCTION_FAMILIES` holds, with their counts
    (``marker, transitions``; ties by marker): what a figure's "other" stands for."""
    markers = transitions["marker"].astype(str) if len(transitions) else pd.Series([], dtype=str)
    rest = markers[markers.map(construction_family) == OTHER_FAMILY]
    counts = rest.value_counts().rename_axis("marker").reset_index(name="transitions")
    return counts.sort_values(["transitions", "marker"], ascending=[False, True], ignore_index=True).head(n)


def other_note(transitions: pd.DataFrame, n: int = 4) -> str:
    """A footnote for a figure of construction families: what "other" holds, its commonest markers with counts
    (``""`` when no marker falls outside the families)."""
    top = other_markers(transitions, n)
    if len(top) == 0:
        return ""
    total = int((transitions["marker"].astype(str).map(construction_family) == OTHER_FAMILY).sum())
    listed = ", ".join(f"{m} ({c})" for m, c in zip(top["marker"], top["transitions"]))
    more = " and others" if int(top["transitions"].sum()) < total else ""
    return (f"Other constructions ({total} transitions) are those outside the {len(CONSTRUCTION_FAMILIES)} "
            f"families named, most often {listed}{more}.")


def _year(documents: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(documents["date"].astype(str).str[:4], errors="coerce")


def per_year(documents: pd.DataFrame) -> pd.DataFrame:
    """Per year: documents, characters, transitions and transitions per 10,000 characters.

    The year is the first four digits of ``date``; undated documents are left out. Columns ``year, documents,
    n_chars, n_sentences, n_transitions, per_10k_chars`` (rate rounded to 3 places), sorted by year.
    """
    cols = ["year", "documents", "n_chars", "n_sentences", "n_transitions", "per_10k_chars"]
    years = _year(documents)
    dated = documents[years.notna()].assign(year=years[years.notna()].astype(int))
    if len(dated) == 0:
        return pd.DataFrame(columns=cols)
    table = (dated.groupby("year").agg(documents=("doc", "size"), n_chars=("n_chars", "sum"),
                                       n_sentences=("n_sentences", "sum"), n_transitions=("n_transitions", "sum"))
             .reset_index())
    table["per_10k_chars"] = (table["n_transitions"] / table["n_chars"] * 10_000).round(3)
    return table[cols]


def decade_of(year) -> str:
    """``1987`` -> ``"1980s"``."""
    return f"{int(year) // 10 * 10}s"


def rate_by_decade(transitions: pd.DataFrame, documents: pd.DataFrame, column: str) -> pd.DataFrame:
    """Transitions per 10,000 characters by decade (rows) and by the values of ``column`` (columns).

    ``column`` is a column of ``transitions`` (``code``, or ``family`` from :func:`construction_family`). Decades
    come from the documents' dates; the denominator is all characters of that decade's documents, so decades
    with more text do not look busier. Missing combinations are 0.
    """
    years = _year(documents)
    docs = documents[years.notna()].assign(decade=years[years.notna()].map(decade_of))
    chars = docs.groupby("decade")["n_chars"].sum()
    t = transitions.merge(docs[["doc", "decade"]], on="doc", how="inner")
    counts = t.groupby(["decade", column]).size().unstack(fill_value=0).reindex(chars.index, fill_value=0)
    return (counts.div(chars, axis=0) * 10_000).round(3)


def documents_by_decade(documents: pd.DataFrame) -> pd.Series:
    """How many dated documents each decade holds (index ``"1950s"`` …, sorted), so that a figure can say on how
    many a decade's rate rests."""
    years = _year(documents)
    decades = years[years.notna()].map(decade_of)
    return decades.value_counts().sort_index().rename("documents")


def counts_by_decade(transitions: pd.DataFrame, documents: pd.DataFrame, column: str) -> pd.DataFrame:
    """Long table of transitions by decade and ``column``: ``decade, <column>, transitions, per_10k_chars``."""
    rate = rate_by_decade(transitions, documents, column)
    years = _year(documents)
    docs = documents[years.notna()].assign(decade=years[years.notna()].map(decade_of))
    t = transitions.merge(docs[["doc", "decade"]], on="doc", how="inner")
    counts = t.groupby(["decade", column]).size().rename("transitions").reset_index()
    long = rate.stack().rename("per_10k_chars").reset_index()
    long.columns = ["decade", column, "per_10k_chars"]
    return (long.merge(counts, on=["decade", column], how="left").fillna({"transitions": 0})
            .astype({"transitions": int})[["decade", column, "transitions", "per_10k_chars"]]
            .sort_values(["decade", column], ignore_index=True))


#: Periods for the pole pairs of the reports: the first reports to the end of the Cultural Revolution era, reform
#: and opening to Deng's southern tour, the socialist market economy to the 18th Party Congress, the "new era".
PERIODS = [(1954, 1978, "1954–1978"), (1979, 1992, "1979–1992"), (1993, 2012, "1993–2012"), (2013, 2100, "2013–")]


def period_of(year) -> str:
    for lo, hi, name in PERIODS:
        if lo <= int(year) <= hi:
            return name
    return ""


def top_pairs_by_period(transitions: pd.DataFrame, documents: pd.DataFrame, n: int = 6) -> pd.DataFrame:
    """The most frequent (source → target) pairs per period, with how many transitions and years hold each.

    Columns ``period, source, target, transitions, years, first_year``; ties broken by first year, then text.
    """
    cols = ["period", "source", "target", "transitions", "years", "first_year"]
    years = _year(documents)
    docs = documents[years.notna()].assign(year=years[years.notna()].astype(int))
    t = transitions.merge(docs[["doc", "year"]], on="doc", how="inner")
    if len(t) == 0:
        return pd.DataFrame(columns=cols)
    t = t.assign(period=t["year"].map(period_of))
    pairs = (t.groupby(["period", "source", "target"])
             .agg(transitions=("doc", "size"), years=("year", "nunique"), first_year=("year", "min")).reset_index()
             .sort_values(["period", "transitions", "years", "first_year", "source", "target"],
                          ascending=[True, False, False, True, True, True]))
    return pairs.groupby("period", sort=False).head(n)[cols].reset_index(drop=True)


def page_in_reports(page: pd.DataFrame, reports: pd.DataFrame, sentences: pd.DataFrame,
                    documents: pd.DataFrame) -> pd.DataFrame:
    """Where the page's transitions stand against a corpus.

    For each distinct (source, target) of ``page`` (its coded transitions table): the code; how many corpus
    transitions have the same code, and in how many years; how many corpus sentences contain the source and the
    target pole (quotes removed), and the years of the first and last such sentence. ``sentences`` has ``doc`` and
    ``text`` (the corpus paragraphs or sentences).
    """
    def bare(p):
        return strip_quotes(str(p))

    years = _year(documents)
    year_of = dict(zip(documents["doc"], years))
    rep = reports.assign(year=reports["doc"].map(year_of))
    texts = sentences.assign(year=sentences["doc"].map(year_of))
    rows = []
    for (src, tgt), grp in page.groupby(["source", "target"], sort=False):
        code = grp["code"].iloc[0]
        same = rep[rep["code"] == code]
        row = {"source": src, "target": tgt, "code": code, "page_statements": len(grp),
               "corpus_same_code": len(same), "corpus_same_code_years": int(same["year"].nunique())}
        for side, pole in (("source", bare(src)), ("target", bare(tgt))):
            hits = texts[texts["text"].str.contains(pole, regex=False)] if pole else texts.iloc[0:0]
            row[f"{side}_in_sentences"] = len(hits)
            row[f"{side}_years"] = (f"{int(hits['year'].min())}–{int(hits['year'].max())}"
                                    if len(hits) and hits["year"].notna().any() else "")
        rows.append(row)
    return pd.DataFrame(rows)


#: Codes and families drawn in the neutral grey rather than a colour of their own: what no category describes.
NEUTRAL_CATEGORIES = ("UNCODED", "OTHER", OTHER_FAMILY)


def plot_rate_by_year(by_year: pd.DataFrame, page_rate: float | None = None, page_label: str = "",
                      corpus_label: str = "政府工作报告 · Government Work Reports",
                      marks: list[tuple[str, float]] | None = None):
    """Transitions per 10,000 characters, one stem per year on a true time axis (years without a document are
    gaps, not hidden), with the years' median as a dotted line and each of ``marks`` (``(label, rate)``: the
    page's own rates) as a dashed line labelled with its value.

    ``page_rate`` with ``page_label`` is one mark. When a mark lies far above every year (more than 1.5 times the
    axis the years need), the y axis is broken: the years keep their own scale below, the marks stand in a short
    panel above with its own scale, and diagonal ticks on the axis show the break, so the contrast is drawn,
    not stated in a note."""
    style.apply()
    marks = list(marks or [])
    if page_rate is not None:
        marks.append((page_label or style.gloss("本版特稿", "the page's feature", sep=" · "), float(page_rate)))
    rates = by_year["per_10k_chars"].astype(float)
    top = float(rates.max()) * 1.25 or 1.0
    broken = bool(marks) and max(r for _, r in marks) > top * 1.5
    if broken:
        fig, (upper, ax) = plt.subplots(2, 1, sharex=True, figsize=(style.FIGURE_WIDTH, 3.6),
                                        gridspec_kw={"height_ratios": [1, 2.6], "hspace": 0.08})
    else:
        fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH, 2.8))
        upper = None
        top = max([top] + [r * 1.15 for _, r in marks])
    ax.vlines(by_year["year"], 0, rates, color=style.PALETTE[0], linewidth=1.2)
    ax.plot(by_year["year"], rates, "o", color=style.PALETTE[0], markersize=3, label=corpus_label)
    lo, hi = int(by_year["year"].min()), int(by_year["year"].max())
    median = float(rates.median())
    ax.axhline(median, color="#444444", linestyle=":", linewidth=1,
               label=f"中位年份 · the median year, {median:.1f}")
    where = upper if broken else ax
    for i, (label, rate) in enumerate(sorted(marks, key=lambda m: -m[1])):
        color = style.PALETTE[3] if i == 0 else style.PALETTE[1]
        where.axhline(rate, color=color, linestyle="--", linewidth=1.2)
        where.text(hi + 1, rate, f"{label} {rate:.1f}", ha="right", va="bottom", fontsize=7, color=color)
    ax.set_xlim(lo - 1, hi + 1)
    # whole years only (a short range is ticked 2018, 2019, never 2018.5), at the default locator's round steps
    ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 5, 10], integer=True))
    ax.set_ylim(0, top)
    ax.set_xlabel(style.gloss("年份", "year", sep=" · "))
    ylabel = style.gloss("每万字转变陈述", "transitions per 10,000 characters", sep="\n")
    title = style.gloss(f"“从X到Y”陈述的密度，{lo}–{hi}年", "How often a transition is stated, by year")
    if broken:
        values = [r for _, r in marks]
        span = max(values) - min(values)
        pad = max(span * 0.25, max(values) * 0.08)
        upper.set_ylim(min(values) - pad, max(values) + pad)
        upper.spines["bottom"].set_visible(False)
        upper.tick_params(bottom=False, labelbottom=False)
        # the break: a pair of short diagonals where each panel's y axis stops
        kw = dict(marker=[(-1, -0.6), (1, 0.6)], markersize=8, linestyle="none", color="black", mec="black",
                  mew=1, clip_on=False)
        upper.plot([0], [0], transform=upper.transAxes, **kw)
        ax.plot([0], [1], transform=ax.transAxes, **kw)
        upper.set_title(title)
        fig.supylabel(ylabel, fontsize=8, x=0.03)
    else:
        ax.set_ylabel(ylabel)
        ax.set_title(title)
    ax.legend(frameon=False, loc="upper right", bbox_to_anchor=(1, 1.02))
    return fig


def category_colors(columns, neutral=NEUTRAL_CATEGORIES) -> dict:
    """A colour per category for a stacked figure: :data:`~fromto.views.style.NEUTRAL_COLORS` for those in
    ``neutral`` (light grey, then dark grey), :data:`~fromto.views.style.CATEGORY_PALETTE` in order for the rest,
    so that no two categories share a colour while the palette lasts (sixteen categories and two neutral ones)."""
    colors, greys, i = {}, list(style.NEUTRAL_COLORS), 0
    for col in columns:
        if col in neutral and greys:
            colors[col] = greys.pop(0)
        else:
            colors[col] = style.CATEGORY_PALETTE[i % len(style.CATEGORY_PALETTE)]
            i += 1
    return colors


def plot_by_decade(rate: pd.DataFrame, title: str, labels: dict | None = None, colors: dict | None = None,
                   n_documents: pd.Series | None = None, note: str = "", noun: str = "reports"):
    """Stacked bars: transitions per 10,000 characters by decade, one colour per column of ``rate``
    (:func:`category_colors` unless ``colors`` are given), with the legend in two columns under the bars (beside
    them it would push the figure past a text column's width).

    ``n_documents`` (from :func:`documents_by_decade`) puts under each decade how many of ``noun`` its rate rests
    on; ``note`` is a note over the legend (what "other" holds, say)."""
    style.apply()
    legend_rows = math.ceil(len(rate.columns) / 2)
    note_lines = style.wrap(note, 110).count("\n") + 1 if note else 0
    fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH, 3.1 + 0.16 * legend_rows + 0.13 * note_lines),
                           layout="constrained")
    bottom = pd.Series(0.0, index=rate.index)
    columns = list(rate.columns)
    palette = category_colors(columns)
    palette.update(colors or {})
    for col in columns:
        ax.bar(rate.index, rate[col], bottom=bottom, color=palette[col], label=(labels or {}).get(col, col),
               edgecolor="white", linewidth=0.4)
        bottom = bottom + rate[col]
    if len(bottom) and float(bottom.max()) > 0:
        ax.set_ylim(0, float(bottom.max()) * 1.08)  # headroom: the tallest bar must not look cut by the frame
    if n_documents is not None:
        n = n_documents.reindex(rate.index).fillna(0).astype(int)
        ax.set_xticks(range(len(rate.index)), [f"{d}\nn = {k}" for d, k in zip(rate.index, n)])
        xlabel = style.gloss("年代", f"decade (n = {noun} in it)", sep=" · ")
    else:
        xlabel = style.gloss("年代", "decade", sep=" · ")
    ax.set_ylabel(style.gloss("每万字转变陈述", "transitions per 10,000 characters", sep="\n"))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    handles, names = ax.get_legend_handles_labels()
    # Listed top-down in the order the segments are stacked, so the legend reads like the bars.
    legend = fig.legend(handles[::-1], names[::-1], frameon=False, loc="outside lower center", ncol=2)
    if note:
        legend.set_title(style.wrap(note, 110), prop={"size": 7})
        legend._legend_box.align = "left"
    return fig


def page_rates(transitions: pd.DataFrame, paragraphs: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Transitions per 10,000 characters on the page, per article and for the whole page.

    Characters are those of the cleaned text units (titles, headings and body, as in ``paragraphs.csv``), the
    same measure corpus mode uses for a document. Columns ``article, title, n_chars, n_transitions,
    per_10k_chars``; the last row (article ``all``) is the whole page.
    """
    chars = paragraphs.assign(n=paragraphs["text"].str.len(), article=paragraphs["article"].astype(str)
                              ).groupby("article")["n"].sum()
    counts = transitions.groupby(transitions["article"].astype(str)).size().reindex(chars.index, fill_value=0)
    table = pd.DataFrame({"article": chars.index.astype(str), "n_chars": chars.values, "n_transitions": counts.values})
    table["title"] = table["article"].map(dict(zip(articles["article"].astype(str), articles["title"]))).fillna("")
    total = pd.DataFrame([{"article": "all", "title": "", "n_chars": int(chars.sum()),
                           "n_transitions": int(counts.sum())}])
    table = pd.concat([table, total], ignore_index=True)
    table["per_10k_chars"] = (table["n_transitions"] / table["n_chars"] * 10_000).round(3)
    return table[["article", "title", "n_chars", "n_transitions", "per_10k_chars"]]


def check_corpus_path(path) -> "Path":
    """The corpus path as a :class:`~pathlib.Path`, or :class:`~fromto.textio.InputError` with a one-line reason
    when it does not exist (notebook 05 stops there rather than drawing figures from something else)."""
    from pathlib import Path

    from fromto.textio import InputError

    p = Path(path).expanduser()
    if not p.exists():
        raise InputError(p, "no such corpus (give corpus_path a folder of .txt files or a CSV/JSONL file)")
    return p


# --- A corpus without dates, and the corpus's name ------------------------------------------------------------
#: The name notebook 05 gives the project's own corpus, the Government Work Reports.
REPORTS_LABEL = "政府工作报告 · Government Work Reports"


def corpus_label_for(source, label: str | None = None, reports=None) -> str:
    """The name figures and tables give a corpus: ``label`` when given; else the reports' bilingual name when
    ``source`` is the reports folder ``reports``; else the folder's name (a CSV/JSONL file's name without its
    ending), so a researcher's corpus is never titled as the Government Work Reports."""
    from pathlib import Path

    if label and str(label).strip():
        return str(label).strip()
    source = Path(source)
    if reports is not None and source.resolve() == Path(reports).resolve():
        return REPORTS_LABEL
    return source.stem if source.is_file() else source.resolve().name


def is_dated(documents: pd.DataFrame) -> bool:
    """Whether any document carries a year (a ``date`` starting with four digits): the by-year and by-decade
    views need one; a corpus without any is shown per document and over the whole corpus instead."""
    return bool(_year(documents).notna().any()) if len(documents) else False


def per_document(documents: pd.DataFrame) -> pd.DataFrame:
    """Per document: title, characters, sentences, transitions and transitions per 10,000 characters, in the
    corpus's order. Columns ``doc, title, n_chars, n_sentences, n_transitions, per_10k_chars`` (rate rounded to 3
    places; 0 for a document without characters)."""
    cols = ["doc", "title", "n_chars", "n_sentences", "n_transitions", "per_10k_chars"]
    table = documents.reindex(columns=cols[:-1]).copy()
    table["title"] = table["title"].fillna("").astype(str)
    chars = table["n_chars"].astype(int)
    table["per_10k_chars"] = (table["n_transitions"].astype(int) / chars.where(chars > 0) * 10_000).fillna(0).round(3)
    return table[cols].reset_index(drop=True)


def counts_over_corpus(transitions: pd.DataFrame, documents: pd.DataFrame, column: str,
                       order: list | None = None) -> pd.DataFrame:
    """Transitions by the values of ``column`` (``code``, or ``family`` from :func:`construction_family`) over the
    whole corpus: how many, in how many documents, per 10,000 characters of all documents, and their share of all
    transitions. Columns ``<column>, transitions, documents, per_10k_chars, share``; sorted by ``order`` when given
    (values not in it last), else by transitions, then value."""
    cols = [column, "transitions", "documents", "per_10k_chars", "share"]
    if len(transitions) == 0:
        return pd.DataFrame(columns=cols)
    chars = int(documents["n_chars"].sum())
    table = (transitions.groupby(column).agg(transitions=("doc", "size"), documents=("doc", "nunique"))
             .reset_index())
    table["per_10k_chars"] = (table["transitions"] / chars * 10_000).round(3) if chars else 0.0
    table["share"] = (table["transitions"] / len(transitions)).round(3)
    if order is not None:
        rank = {v: k for k, v in enumerate(order)}
        table = table.assign(_rank=table[column].map(lambda v: rank.get(v, len(rank))))
        table = table.sort_values(["_rank", column], ignore_index=True)
    else:
        table = table.sort_values(["transitions", column], ascending=[False, True], ignore_index=True)
    return table[cols]


def top_pairs(transitions: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """The ``n`` most frequent (source → target) pairs over the whole corpus, with how many transitions and
    documents hold each (for a corpus without dates, where periods cannot be told). Columns ``source, target,
    transitions, documents, first_doc``; ties broken by documents, then the first document in corpus order."""
    cols = ["source", "target", "transitions", "documents", "first_doc"]
    if len(transitions) == 0:
        return pd.DataFrame(columns=cols)
    order = {d: k for k, d in enumerate(dict.fromkeys(transitions["doc"]))}
    t = transitions.assign(_pos=transitions["doc"].map(order))
    pairs = (t.groupby(["source", "target"])
             .agg(transitions=("doc", "size"), documents=("doc", "nunique"), _first=("_pos", "min")).reset_index()
             .sort_values(["transitions", "documents", "_first", "source", "target"],
                          ascending=[False, False, True, True, True]))
    first_doc = {k: d for d, k in order.items()}
    pairs["first_doc"] = pairs["_first"].map(first_doc)
    return pairs.head(n)[cols].reset_index(drop=True)


def write_table(table: pd.DataFrame, folder, name: str, replaces=()) -> None:
    """Write ``table`` as ``folder/name`` (:func:`fromto.textio.write_csv`) and remove the tables named in
    ``replaces`` from ``folder``: a dated and an undated corpus get different tables (by year or by document), and a
    run into an earlier run's ``out_dir`` must not leave the other kind's behind."""
    from pathlib import Path

    from fromto.textio import write_csv

    folder = Path(folder)
    write_csv(table, folder / name)
    for other in replaces:
        (folder / other).unlink(missing_ok=True)


#: Documents drawn one bar each in :func:`plot_rate_by_document`; a larger corpus is drawn as a histogram.
MAX_DOCUMENT_BARS = 30


def _document_label(row) -> str:
    title = str(row.title).strip()
    name = str(row.doc)
    text = f"{title} · {name}" if title and title != name else name
    return text if len(text) <= 28 else text[:27] + "…"


def plot_rate_by_document(by_document: pd.DataFrame, page_rate: float | None = None, page_label: str = "",
                          corpus_label: str = ""):
    """Transitions per 10,000 characters per document, for a corpus without dates: one bar a document (in the
    corpus's order, labelled by title and file) up to :data:`MAX_DOCUMENT_BARS` documents, else a histogram of the
    documents' rates; the page's own rate as a dashed line when given, or as a label when it lies far beyond the
    corpus's scale."""
    style.apply()
    many = len(by_document) > MAX_DOCUMENT_BARS
    rates = by_document["per_10k_chars"].astype(float)
    height = 2.8 if many else 1.3 + 0.22 * max(len(by_document), 1)
    fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH, height), layout="constrained")
    name = corpus_label.split(" · ")[-1] if corpus_label else style.gloss("语料", "the corpus", sep=" · ")
    top = float(rates.max()) * 1.25 if len(rates) and float(rates.max()) > 0 else 1.0
    if many:
        ax.hist(rates, bins=20, range=(0, top), color=style.PALETTE[0], edgecolor="white", linewidth=0.4,
                label=name)
        ax.set_xlabel(style.gloss("每万字转变陈述", "transitions per 10,000 characters", sep=" · "))
        ax.set_ylabel(style.gloss("文档数", "documents", sep=" · "))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        positions = list(range(len(by_document)))[::-1]  # first document at the top
        ax.barh(positions, rates, color=style.PALETTE[0], height=0.6, label=name)
        ax.set_yticks(positions, [_document_label(r) for r in by_document.itertuples()])
        ax.set_xlabel(style.gloss("每万字转变陈述", "transitions per 10,000 characters", sep=" · "))
    if page_rate is not None:
        label = page_label or style.gloss("本版特稿", "the page's feature", sep=" · ")
        if page_rate <= top * 1.5:
            ax.axvline(page_rate, color=style.PALETTE[3], linestyle="--", linewidth=1, label=label)
            top = max(top, page_rate * 1.15)
        else:  # named in the key with its value instead of stretching the axis
            ax.plot([], [], linestyle="--", color=style.PALETTE[3],
                    label=f"{label}: {page_rate:.1f}（超出刻度 · off the scale）")
    ax.set_xlim(0, top)
    ax.set_title(style.gloss("“从X到Y”陈述的密度，按文档",
                             f"How often a transition is stated, per document — {name} (no dates)"))
    fig.legend(frameon=False, loc="outside lower center", ncol=2)
    return fig


def plot_page_against_corpus(corpus_counts: pd.DataFrame, page_counts: dict, column: str, title: str,
                             labels: dict | None = None, colors: dict | None = None, corpus_label: str = "",
                             order: list | None = None):
    """Paired horizontal bars: each value of ``column`` (a code or a construction) as a share of the corpus's
    transitions and of the page's, so the page stands against the corpus whatever their sizes. ``corpus_counts``
    is :func:`counts_over_corpus`'s table; ``page_counts`` maps a value to the page's count of it. Values are
    listed top-down in the table's order, then those only the page has; or, given ``order`` (the codebook's
    codes), in that order, with values it does not name last."""
    style.apply()
    values = list(corpus_counts[column]) + [v for v in page_counts if v not in set(corpus_counts[column])]
    if order is not None:
        values = [v for v in order if v in values] + [v for v in values if v not in set(order)]
    corpus_share = dict(zip(corpus_counts[column], corpus_counts["share"].astype(float)))
    page_total = sum(page_counts.values()) or 1
    n = max(len(values), 1)
    fig, ax = plt.subplots(figsize=(style.FIGURE_WIDTH, 1.5 + 0.36 * n), layout="constrained")
    positions = list(range(len(values)))[::-1]
    name = corpus_label.split(" · ")[-1] if corpus_label else style.gloss("语料", "the corpus", sep=" · ")
    for i, (pos, value) in enumerate(zip(positions, values)):
        color = (colors or {}).get(value, style.PALETTE[i % len(style.PALETTE)])
        ax.barh(pos + 0.19, corpus_share.get(value, 0.0), height=0.36, color=color)
        ax.barh(pos - 0.19, page_counts.get(value, 0) / page_total, height=0.36, color="white", edgecolor=color,
                hatch="///", linewidth=0.8)
    ax.set_yticks(positions, [style.wrap((labels or {}).get(v, str(v)), 34) for v in values])
    shares = list(corpus_share.values()) + [c / page_total for c in page_counts.values()]
    ax.set_xlim(0, min(1.0, max(shares + [0.1]) * 1.15))
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0%}")
    ax.set_xlabel(style.gloss("占全部转变陈述的比例", "share of all transitions", sep=" · "))
    ax.set_title(title)
    from matplotlib.patches import Patch

    keys = [Patch(facecolor=style.OTHER_COLOR, label=name),  # the key in grey: each bar has its value's colour
            Patch(facecolor="white", edgecolor=style.OTHER_COLOR, hatch="///",
                  label=style.gloss("本版", "the page", sep=" · "))]
    fig.legend(handles=keys, frameon=False, loc="outside lower center", ncol=2)
    return fig
