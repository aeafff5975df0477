"""The summary figures of notebook 04: the page's argument as transitions, where it happens, its chains, its places.

Every function takes plain DataFrames written by earlier notebooks (``data/transitions.csv``,
``data/paragraphs.csv``) and the hand-made codebook and place list, and returns either a table or a matplotlib
figure drawn in the house style (:mod:`fromto.views.style`). Saving is the notebook's job (``style.save_figure``).
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from fromto.textio import strip_quotes
from fromto.views import style

#: Reading labels of the positions a transition can stand in (paragraph ``position`` column).
POSITION_LABELS = {
    "title": ("标题", "headline"),
    "pre_title": ("引题", "pre-title"),
    "section_lead": ("小标题引语", "section lead"),
    "section_subtitle": ("小标题", "section subtitle"),
    "subtitle": ("副题", "subtitle"),
    "body": ("正文", "body"),
    "box_label": ("专栏标签", "box label"),
    "box_body": ("专栏正文", "box text"),
}
#: Every position the cleaner gives a unit (fromto.clean), in the order the location figure stacks them; a position
#: with no transition on a page draws nothing, so the seed's figure is as before.
POSITION_ORDER = ["title", "pre_title", "subtitle", "section_subtitle", "section_lead", "body", "box_label", "box_body"]
#: One colour per position, fixed, so a page with new kinds of unit does not recolour the others.
POSITION_COLORS = {"title": 0, "pre_title": 1, "section_subtitle": 2, "section_lead": 3, "body": 4, "subtitle": 5,
                   "box_label": 6, "box_body": 7}




def _s(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _pole_label(zh, en, width: int = 26) -> str:
    zh, en = _s(zh), _s(en)
    return f"{zh}（{en}）" if en else zh


# --------------------------------------------------------------------------------------------------------------
# 1. The transition map
# --------------------------------------------------------------------------------------------------------------
def transition_map_table(transitions: pd.DataFrame, codebook: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct coded transition (source, target, code), in codebook order, with how often it occurs.

    A heading and the body sentence that restates it are the same claim made twice; the map shows the claim once
    and counts its ``mentions`` (the per-statement table stays in ``data/transitions.csv``).
    """
    if transitions.empty:
        return pd.DataFrame(columns=["code", "label_zh", "label_en", "source", "source_en", "target", "target_en",
                                     "mentions", "first_sentence_id"])
    order = {c: i for i, c in enumerate(codebook["code"])}
    t = transitions.copy()
    t["_src"] = t["source"].map(lambda v: strip_quotes(_s(v)))
    t["_tgt"] = t["target"].map(lambda v: strip_quotes(_s(v)))
    grouped = (
        t.groupby(["code", "_src", "_tgt"], sort=False)
        .agg(source=("source", "first"), source_en=("source_en", "first"), target=("target", "first"),
             target_en=("target_en", "first"), mentions=("sentence_id", "size"),
             first_sentence_id=("sentence_id", "first"))
        .reset_index()
    )
    labels = codebook.set_index("code")[["label_zh", "label_en"]]
    grouped = grouped.join(labels, on="code")
    grouped["_order"] = grouped["code"].map(lambda c: order.get(c, len(order)))
    grouped = grouped.sort_values(["_order", "first_sentence_id"], kind="stable")
    cols = ["code", "label_zh", "label_en", "source", "source_en", "target", "target_en", "mentions",
            "first_sentence_id"]
    return grouped[cols].reset_index(drop=True)


def _wrap(text: str, width: int) -> list[str]:
    """Wrap at ``width`` characters, preferring to break after Chinese or English separators."""
    text = _s(text)
    lines = []
    while len(text) > width:
        cut = max((text.rfind(sep, 0, width + 1) for sep in "、，, "), default=-1)
        cut = cut + 1 if cut >= width // 2 else width
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return lines + [text] if text else lines or [""]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def plot_transition_map(table: pd.DataFrame, codebook: pd.DataFrame, width: float = style.PAGE_WIDTH):
    """Every distinct coded transition as ``X → Y`` (Chinese over its English gloss), grouped under its code."""
    style.apply()
    colors = dict(zip(codebook["code"], codebook["color"])) if "color" in codebook else {}
    groups = [(code, g) for code, g in table.groupby("code", sort=False)]
    zh_w, en_w = 21, 44
    layout = []  # (kind, y, payload)
    y = 0.0
    for code, g in groups:
        layout.append(("head", y, (code, g)))
        y += 1.45
        for _, row in g.iterrows():
            src = (_wrap(row["source"], zh_w), _wrap(row["source_en"], en_w))
            tgt = (_wrap(row["target"], zh_w), _wrap(row["target_en"], en_w))
            h = max(len(src[0]) + len(src[1]) * 0.9, len(tgt[0]) + len(tgt[1]) * 0.9)
            layout.append(("row", y, (row, src, tgt, code)))
            y += h + 0.35
        y += 0.35
    line_in = 0.14  # inches per line unit: 7 pt English under 7.5 pt Chinese, without touching
    fig, ax = plt.subplots(figsize=(width, 0.45 + line_in * y))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(y, -0.8)
    for kind, y0, payload in layout:
        if kind == "head":
            code, g = payload
            color = colors.get(code, style.OTHER_COLOR)
            ax.add_patch(FancyBboxPatch((0.0, y0 - 0.5), 1.0, 1.0, boxstyle="square,pad=0", facecolor=color,
                                        alpha=0.18, edgecolor="none"))
            first = g.iloc[0]
            ax.text(0.01, y0, f"{first['label_zh']}  {first['label_en']}", fontsize=8.5,
                    va="center", ha="left")
            ax.text(0.99, y0, f"{_plural(len(g), 'transition')}, {_plural(int(g['mentions'].sum()), 'mention')}",
                    fontsize=7, va="center", ha="right", color="#333333")
            continue
        row, src, tgt, code = payload
        color = colors.get(code, style.OTHER_COLOR)
        arrow_color = "#B8A800" if color.upper() == "#F0E442" else color
        for x, ha, (zh_lines, en_lines) in ((0.465, "right", src), (0.535, "left", tgt)):
            yy = y0
            for line in zh_lines:
                ax.text(x, yy, line, ha=ha, va="top", fontsize=7.5)
                yy += 1.0
            for line in en_lines:
                ax.text(x, yy, line, ha=ha, va="top", fontsize=7, color="#444444")
                yy += 0.9
        ax.add_patch(FancyArrowPatch((0.475, y0 + 0.5), (0.525, y0 + 0.5), arrowstyle="-|>", mutation_scale=8,
                                     color=arrow_color, lw=1.2))
        if row["mentions"] > 1:
            ax.text(0.995, y0 + 0.5, f"×{int(row['mentions'])}", ha="right", va="center", fontsize=7,
                    color="#555555")
    ax.set_title("转变图谱：页面上的每一个“从X到Y”\nThe transition map: every coded 'from X to Y' on the page",
                 fontsize=9, loc="left")
    return fig


# --------------------------------------------------------------------------------------------------------------
# 2. Where the argument happens
# --------------------------------------------------------------------------------------------------------------
def argument_location_table(transitions: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Transitions counted by article, section and position (headline, subtitle, body …), every unit listed."""
    units = (
        paragraphs[["article", "article_title", "section", "section_title"]]
        .drop_duplicates(["article", "section"])
        .sort_values(["article", "section"], kind="stable")
    )
    counts = (
        transitions.groupby(["article", "section", "position"]).size().unstack("position", fill_value=0)
        if not transitions.empty else pd.DataFrame()
    )
    rows = []
    for _, u in units.iterrows():
        key = (u["article"], u["section"])
        rec = {"article": int(u["article"]), "article_title": u["article_title"], "section": int(u["section"]),
               "section_title": _s(u["section_title"])}
        for pos in POSITION_ORDER:
            rec[pos] = int(counts.loc[key, pos]) if (not counts.empty and key in counts.index
                                                     and pos in counts.columns) else 0
        rec["total"] = sum(rec[p] for p in POSITION_ORDER)
        rows.append(rec)
    return pd.DataFrame(rows)


def _unit_label(row) -> str:
    if int(row["section"]) == 0:
        title = _s(row["article_title"])
        if int(row["article"]) == 1:
            return f"文{row['article']} 标题与导语  {_short(title)}\nArticle {row['article']}: headline and lead"
        return f"文{row['article']}  {_short(title)}\nArticle {row['article']}"
    sub = _s(row["section_title"]).split("——")[-1]
    return f"文{row['article']} §{row['section']}  {_short(sub)}\nArticle {row['article']}, section {row['section']}"


def _short(text: str, n: int = 30) -> str:
    """A heading as printed; one longer than ``n`` characters is cut (a section subtitle never is: they are ~15)."""
    return text if len(text) <= n else text[: n - 1] + "…"


def plot_argument_location(table: pd.DataFrame, width: float = style.FIGURE_WIDTH):
    """Horizontal stacked bars: transitions per article/section, split by where in the text they stand."""
    style.apply()
    t = table.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(width, 0.42 * len(t) + 1.0), layout="constrained")
    left = pd.Series(0, index=t.index, dtype=float)
    for pos in POSITION_ORDER:
        if t[pos].sum() == 0:
            continue
        zh, en = POSITION_LABELS[pos]
        ax.barh(t.index, t[pos], left=left, color=style.PALETTE[POSITION_COLORS[pos]], label=f"{zh} {en}",
                height=0.62)
        left += t[pos]
    for idx, total in zip(t.index, t["total"]):
        ax.text(total + 0.1, idx, str(int(total)), va="center", fontsize=7)
    ax.set_yticks(t.index, [_unit_label(r) for _, r in t.iterrows()], fontsize=7)
    ax.set_xlabel("转变陈述数  number of transition statements")
    ax.xaxis.get_major_locator().set_params(integer=True)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="lower right", frameon=False, title="位置  position", title_fontsize=7)
    # the title starts at the figure's edge, not over the bars, so it never reaches past the figure's width
    fig.suptitle("论证发生在哪里\nWhere the argument happens: transitions by article, section and position",
                 x=0.01, ha="left", fontsize=plt.rcParams["axes.titlesize"])
    return fig


# --------------------------------------------------------------------------------------------------------------
# 3. Chains as stages
# --------------------------------------------------------------------------------------------------------------
def chain_stages(transitions: pd.DataFrame) -> list[dict]:
    """Each multi-step chain as its ordered stages: ``[{chain_id, sentence, stages: [(zh, en), …]}]``."""
    out = []
    if transitions.empty or "chain_id" not in transitions:
        return out
    chained = transitions[transitions["chain_id"].map(_s) != ""]
    for chain_id, g in chained.groupby(["doc", "chain_id"], sort=False) if "doc" in chained else chained.groupby(
            "chain_id", sort=False):
        g = g.sort_values("step")
        if len(g) < 2:
            continue
        stages = [(_s(g.iloc[0]["source"]), _s(g.iloc[0]["source_en"]))]
        stages += [(_s(r["target"]), _s(r["target_en"])) for _, r in g.iterrows()]
        out.append({"chain_id": chain_id[-1] if isinstance(chain_id, tuple) else chain_id,
                    "sentence": _s(g.iloc[0]["sentence"]), "sentence_id": _s(g.iloc[0]["sentence_id"]),
                    "stages": stages})
    return out


def plot_chains(chains: list[dict], width: float = style.FIGURE_WIDTH):
    """Each chain as a row of stage boxes joined by arrows (一幢楼 → 一片楼 → 一座城 …)."""
    style.apply()
    n = max(len(chains), 1)
    fig, axes = plt.subplots(n, 1, figsize=(width, 1.3 * n + 0.45), squeeze=False)
    fig.subplots_adjust(left=0.01, right=0.99, top=1 - 0.4 / (1.3 * n + 0.45), bottom=0.02, hspace=0.15)
    for ax, chain in zip(axes[:, 0], chains):
        ax.set_axis_off()
        k = len(chain["stages"])
        ax.set_xlim(0, k)
        ax.set_ylim(0, 1)
        for i, (zh, en) in enumerate(chain["stages"]):
            ax.add_patch(FancyBboxPatch((i + 0.06, 0.18), 0.74, 0.56, boxstyle="round,pad=0.02",
                                        facecolor=style.PALETTE[i % len(style.PALETTE)], alpha=0.18,
                                        edgecolor=style.PALETTE[i % len(style.PALETTE)]))
            ax.text(i + 0.43, 0.58, "\n".join(_wrap(zh, 12)), ha="center", va="center", fontsize=8)
            ax.text(i + 0.43, 0.33, "\n".join(_wrap(en, 26)), ha="center", va="center", fontsize=7,
                    color="#333333")
            ax.text(i + 0.43, 0.88, f"第{i + 1}阶段 stage {i + 1}", ha="center", fontsize=7, color="#666666")
            if i < k - 1:
                ax.add_patch(FancyArrowPatch((i + 0.83, 0.46), (i + 1.03, 0.46), arrowstyle="-|>",
                                             mutation_scale=10, color="#444444"))
        sid = chain.get("sentence_id", "")
        ax.text(0.02, -0.02, f"{sid}: {chain['sentence'][:50]}…", fontsize=7, color="#666666", va="bottom")
    fig.suptitle("转变链条：分阶段的论证  ·  Transition chains: the argument in stages", x=0.01, ha="left",
                 fontsize=9)
    return fig


# --------------------------------------------------------------------------------------------------------------
# 4. Places
# --------------------------------------------------------------------------------------------------------------
def place_region(places: pd.DataFrame) -> dict[str, str]:
    """Each place's top-level region (its province or municipality), following the ``parent`` column upwards.

    Places with no province-level ancestor (the country, the Yangtze River Delta, cross-border areas) get
    ``跨界/全国 cross-border or national``.
    """
    rows = {r["place"]: r for _, r in places.iterrows()}
    top_levels = {"municipality", "province"}
    out = {}
    for name in rows:
        seen, cur = set(), name
        region = None
        while cur and cur in rows and cur not in seen:
            seen.add(cur)
            if rows[cur]["level"] in top_levels:
                region = f"{cur} {rows[cur]['en']}"
                break
            cur = _s(rows[cur].get("parent", ""))
        out[name] = region or "跨界/全国 cross-border or national"
    return out


def count_places(paragraphs: pd.DataFrame, places: pd.DataFrame, lookalikes: pd.DataFrame | None = None
                 ) -> pd.DataFrame:
    """Count each listed place name in the text units, longest name first, without double counting.

    ``places`` has at least ``place, en, level``; an optional ``aliases`` column (``|``-separated) lists other
    forms of the same place (上海 for 上海市), and an optional ``parent`` column lets each place be assigned its
    province-level ``region``. Each occurrence is matched once, by the longest name that covers it, so 金山区 is
    not also counted as 金山. A form that is also a common word or part of an idiom (``lookalikes``, a table with
    ``alias, lookalike``; by default ``resources/place_lookalikes.csv``) counts only where its context marks a
    place, never in 金山银山 (:func:`fromto.views.places.find_places`). Returns
    ``place, en, level, region, count, articles`` sorted by count.
    """
    from fromto.views import places as place_rules

    if lookalikes is None:
        from fromto import paths
        from fromto.textio import read_resource_csv

        lookalikes = read_resource_csv(paths.PLACE_LOOKALIKES)
    forms = place_rules.place_forms(places)
    ambiguous = place_rules.lookalike_table(lookalikes)
    counts: dict[str, int] = {}
    arts: dict[str, set] = {}
    for _, p in paragraphs.iterrows():
        for _, _, place in place_rules.find_places(_s(p["text"]), forms, ambiguous):
            counts[place] = counts.get(place, 0) + 1
            arts.setdefault(place, set()).add(int(p["article"]))
    out = places[["place", "en", "level"]].copy()
    regions = place_region(places) if "parent" in places else {}
    out["region"] = out["place"].map(lambda x: regions.get(x, ""))
    out["count"] = out["place"].map(lambda x: counts.get(x, 0)).astype(int)
    out["articles"] = out["place"].map(lambda x: " ".join(str(a) for a in sorted(arts.get(x, ()))))
    out = out[out["count"] > 0].sort_values(["count", "place"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def plot_places(table: pd.DataFrame, top: int = 24, width: float = style.FIGURE_WIDTH):
    """Horizontal bars of the ``top`` most-mentioned places, coloured by province-level region."""
    style.apply()
    shown = table.head(top)
    t = shown.iloc[::-1].reset_index(drop=True)
    regions = list(dict.fromkeys(table["region"]))
    colors = {rg: style.PALETTE[i % len(style.PALETTE)] for i, rg in enumerate(regions)}
    fig, ax = plt.subplots(figsize=(width, 0.24 * len(t) + 1.1), layout="constrained")
    ax.barh(t.index, t["count"], color=[colors[rg] for rg in t["region"]], height=0.7)
    # A long English name goes on its own line, so one label does not widen the margin for all
    ax.set_yticks(t.index, [f"{p}  {e}" if len(p) + len(e) <= 26 else f"{p}\n{e}"
                            for p, e in zip(t["place"], t["en"])], fontsize=7)
    for idx, c in zip(t.index, t["count"]):
        ax.text(c + 0.15, idx, str(int(c)), va="center", fontsize=7)
    present = [rg for rg in regions if rg in set(shown["region"])]
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[rg]) for rg in present]
    # below the axes, never over the bars: on a page whose longest bars stand at the bottom it would hide them
    fig.legend(handles, present, loc="outside lower center", ncol=min(3, len(present)), frameon=False,
               title="所在地区  region", title_fontsize=7, fontsize=7)
    ax.set_xlabel("提及次数  mentions in the text")
    ax.xaxis.get_major_locator().set_params(integer=True)
    rest = len(table) - len(shown)
    title = "页面提到的地方  ·  Places named on the page"
    if rest > 0:
        title += f"\n(the {len(shown)} most mentioned; {rest} more places are named, see data/places.csv)"
    fig.suptitle(title, x=0.01, ha="left", fontsize=plt.rcParams["axes.titlesize"])  # from the figure's edge
    return fig
