"""The figures of the vocabulary notebook, drawn from the views of :mod:`fromto.views.vocab`.

Each ``plot_*`` function returns a matplotlib figure with bilingual labels (Chinese, English gloss from
:func:`fromto.views.vocab.label`); saving is the notebook's job (``style.save_figure``). The word cloud is laid out
by ``wordcloud`` from the project's own counts, with a fixed seed and the project's CJK font.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Mapping, Sequence

import pandas as pd

from fromto.views.vocab import label


def plot_top_terms(freqs: pd.DataFrame, titles: Mapping[int, str], glosses: Mapping[str, str], n: int = 10):
    """Small multiples: the ``n`` most frequent content words of each article, per 1,000 words, one x scale."""
    import matplotlib.pyplot as plt

    from fromto.views import style

    style.apply()
    articles = sorted(freqs["article"].unique())
    ncols = 2
    nrows = math.ceil(len(articles) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(style.FIGURE_WIDTH, 3.3 * nrows))
    axes = list(getattr(axes, "flat", [axes]))
    # one x scale for every panel (set by hand, not shared, so every panel keeps its own tick labels)
    xmax = freqs.groupby("article").head(n)["per_thousand"].max() * 1.12
    for ax, art in zip(axes, articles):
        top = freqs[freqs["article"] == art].head(n).iloc[::-1]
        color = style.FEATURE_COLOR if art == 1 else style.OTHER_COLOR
        ax.barh(range(len(top)), top["per_thousand"], color=color, height=0.7)
        # Chinese and its English gloss on one line, a long gloss broken onto a second: a narrow label column
        # leaves the bars most of the panel
        ax.set_yticks(range(len(top)), [style.wrap(label(t, glosses), 22) for t in top["term"]], fontsize=7)
        for y, (v, c) in enumerate(zip(top["per_thousand"], top["count"])):
            ax.text(v, y, f" {c}", va="center", fontsize=7, color="#444444")
        ax.set_title(style.wrap(titles.get(art, f"article {art}"), 30), loc="left", fontsize=8)
        ax.set_xlim(0, xmax)
    for ax in axes[len(articles):]:
        ax.set_visible(False)
    for ax in axes[-ncols:]:
        ax.set_xlabel("每千词 per 1,000 content words\n(bar label: count)")
    fig.tight_layout()
    return fig


def plot_keyness(table: pd.DataFrame, glosses: Mapping[str, str], target: str, reference: str, n: int = 12,
                 title: str = ""):
    """Diverging bars of log ratio for the ``n`` strongest key words each way (by G2), G2 printed beside."""
    import matplotlib.pyplot as plt

    from fromto.views import style

    style.apply()
    pos = table[table["key_for"] == target].head(n)
    neg = table[table["key_for"] == reference].head(n)
    both = pd.concat([neg.sort_values("log_ratio", ascending=False), pos.sort_values("log_ratio")])
    fig, ax = plt.subplots(figsize=(style.PAGE_WIDTH * 0.75, 0.19 * len(both) + 1.0))
    colors = [style.FEATURE_COLOR if k == target else style.OTHER_COLOR for k in both["key_for"]]
    ax.barh(range(len(both)), both["log_ratio"], color=colors)
    ax.set_yticks(range(len(both)), [label(t, glosses) for t in both["term"]])
    for y, (lr, g2) in enumerate(zip(both["log_ratio"], both["g2"])):
        ax.text(lr, y, f" G²={g2:.1f} ", va="center",
                ha="left" if lr >= 0 else "right", fontsize=7, color="#444444")
    ax.axvline(0, color="black", linewidth=0.6)
    lo, hi = both["log_ratio"].min(), both["log_ratio"].max()
    ax.set_xlim(min(lo * 1.45, -1), max(hi * 1.35, 1))
    ax.set_xlabel(f"对数比 log ratio (log2 of relative frequency, {target} / {reference})")
    if title:
        ax.set_title(style.wrap(title, 60), loc="left")
    fig.tight_layout()
    return fig


def plot_word_families(fams: pd.DataFrame, glosses: Mapping[str, str], families: Sequence[str], n: int = 8,
                       title: str = "", others: str | None = "其他文章 other articles"):
    """One panel per family: its ``n`` most frequent members on the page, feature occurrences darker, each bar
    ending in its count.

    Each panel has its own count scale (a family of ones would otherwise be slivers beside a family led by 14),
    labelled with whole numbers; a panel title gives the family's types and tokens on the page and, when it has
    more members than are drawn, how many are shown. ``others`` names the page's other articles in the legend,
    counted (``"其他三篇 the other three articles"``); None when the page has no other article, so the legend shows
    the feature alone."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from fromto.views import style

    style.apply()
    ncols = 2  # two columns, so that the bars keep some length beside their bilingual labels
    nrows = math.ceil(len(families) / ncols)
    # 2.75 in a row: eight members whose labels take two lines each stay clear of one another
    fig, axes = plt.subplots(nrows, ncols, figsize=(style.FIGURE_WIDTH, 2.75 * nrows + 0.5))
    axes = list(getattr(axes, "flat", [axes]))
    for ax, fam in zip(axes, families):
        sub = fams[fams["family"] == fam].head(n).iloc[::-1]
        y = range(len(sub))
        ax.barh(y, sub["count"], color=style.OTHER_COLOR, label="other articles", height=0.75)
        ax.barh(y, sub["count_feature"], color=style.FEATURE_COLOR, label="feature", height=0.75)
        for yy, c in zip(y, sub["count"]):
            ax.text(c, yy, f" {c}", va="center", fontsize=7, color="#444444")
        ax.set_yticks(list(y), [style.wrap(label(m, glosses), 24) for m in sub["member"]], fontsize=7)
        total = fams.loc[fams["family"] == fam, "count"].sum()
        types = int((fams["family"] == fam).sum())
        shown = f"\n(the {len(sub)} most frequent shown)" if types > len(sub) else ""
        ax.set_title(f"{fam} · {types} type{'s' if types != 1 else ''}, {total} token{'s' if total != 1 else ''}"
                     f"{shown}", loc="left", fontsize=8)
        ax.set_xlim(0, max(int(sub["count"].max()) if len(sub) else 1, 1) * 1.18)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    for ax in axes[len(families):]:
        ax.set_visible(False)
    # the legend's patches are made here, in the series' own colours: the first panel may hold no bar at all
    handles = [plt.Rectangle((0, 0), 1, 1, color=style.FEATURE_COLOR)]
    labels = ["特稿 feature"]
    if others:
        handles.append(plt.Rectangle((0, 0), 1, 1, color=style.OTHER_COLOR))
        labels.append(others)
    fig.legend(handles, labels, loc="upper right", ncol=2, frameon=False, fontsize=7)
    for ax in axes[(nrows - 1) * ncols:]:
        ax.set_xlabel("次数 count · own scale")
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontsize=9)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / fig.get_figheight()))
    return fig


def wordcloud_image(frequencies: Mapping[str, float], font_path: str | Path, seed: int, width: int = 1600,
                    height: int = 900, max_words: int = 120):
    """The word cloud of ``frequencies`` (our own counts; wordcloud never re-tokenises), as a PIL image.

    Deterministic: fixed ``random_state``, ``collocations=False``, terms fed in a fixed order.
    """
    from matplotlib.colors import ListedColormap
    from wordcloud import WordCloud

    freq = {t: float(frequencies[t]) for t in sorted(frequencies, key=lambda t: (-frequencies[t], t))}
    colors = ListedColormap(["#0072B2", "#D55E00", "#009E73", "#000000", "#CC79A7", "#56B4E9"])
    wc = WordCloud(font_path=str(font_path), random_state=seed, collocations=False, width=width, height=height,
                   background_color="white", colormap=colors, prefer_horizontal=1.0, max_words=max_words,
                   relative_scaling=0.5, margin=6)
    return wc.generate_from_frequencies(freq).to_image()


def plot_image(image, title: str = ""):
    """A figure showing a PIL image (the word cloud), axes off."""
    import matplotlib.pyplot as plt

    from fromto.views import style

    style.apply()
    fig, ax = plt.subplots(figsize=(style.TEXT_WIDTH, style.TEXT_WIDTH * image.height / image.width))
    ax.imshow(image, interpolation="bilinear")
    ax.set_axis_off()
    if title:
        ax.set_title(title, loc="left")
    fig.tight_layout()
    return fig


def plot_cooccurrence_network(cooc: pd.DataFrame, counts: Mapping[str, int], glosses: Mapping[str, str],
                              seed: int, min_ab: int = 2, title: str = ""):
    """Key terms as nodes on a circle (size = count, most frequent first, clockwise from the top), edges where
    they share at least ``min_ab`` sentences (width = n_ab, shade = log-Dice).

    A circular layout keeps every label clear of the edges and repeats exactly; ``seed`` is kept for callers
    that record it and is used only to break ties in the node order (none arise: the order is by count, term).
    """
    import matplotlib.pyplot as plt
    import networkx as nx

    from fromto.views import style

    style.apply()
    edges = cooc[cooc["n_ab"] >= min_ab].sort_values(["term_a", "term_b"])
    nodes = sorted(set(edges["term_a"]) | set(edges["term_b"]), key=lambda t: (-counts.get(t, 0), t))
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for e in edges.itertuples(index=False):
        g.add_edge(e.term_a, e.term_b, weight=e.n_ab, log_dice=e.log_dice)
    n = max(len(nodes), 1)
    pos = {t: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n)) for i, t in enumerate(nodes)}
    fig, ax = plt.subplots(figsize=(style.PAGE_WIDTH * 0.8, style.PAGE_WIDTH * 0.72))
    ld = [g.edges[e]["log_dice"] for e in g.edges]
    lo, hi = (min(ld), max(ld)) if ld else (0, 1)
    wmax = max((g.edges[e]["weight"] for e in g.edges), default=1)
    for (u, v), d in sorted(zip(g.edges, ld), key=lambda x: x[1]):
        shade = 0.2 + 0.7 * ((d - lo) / (hi - lo) if hi > lo else 1)
        ax.plot(*zip(pos[u], pos[v]), color=(0, 0.447, 0.698, shade),
                linewidth=0.5 + 3.5 * g.edges[u, v]["weight"] / wmax, zorder=1, solid_capstyle="round")
    cmax = max((counts.get(t, 1) for t in nodes), default=1)
    for node in nodes:
        x, y = pos[node]
        ax.scatter([x], [y], s=20 + 220 * counts.get(node, 1) / cmax, color="#E69F00", edgecolor="white",
                   zorder=2)
        ha = "left" if x > 0.05 else "right" if x < -0.05 else "center"
        va = "bottom" if y > 0.95 else "top" if y < -0.95 else "center"
        ax.text(1.13 * x, 1.13 * y, f"{label(node, glosses, sep=chr(10))}\n({counts.get(node, 0)})", ha=ha,
                va=va, fontsize=7, zorder=3)
    ax.set_xlim(-1.75, 1.75)
    ax.set_ylim(-1.62, 1.35)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.text(-1.75, -1.62, f"line width: sentences shared (max {wmax}); darker: higher log-Dice;"
            "\n(n): occurrences in the feature", fontsize=7, color="#555555", va="bottom")
    if title:
        ax.set_title(title, loc="left")
    return fig
