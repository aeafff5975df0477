"""Narration computed from a page's own tables, for a page that is not the seed.

The page notebooks (01-04) narrate the seed page in Markdown written by reading it. On any other page that prose
would state things that are not true of it ("four articles", "two villages → five towns"), so a report leaves those
cells out (cells tagged :data:`SEED_PAGE_TAG`, see :func:`page_cells`) and shows instead what the functions here
write from the page's tables (code cells tagged :data:`OTHER_PAGE_TAG`). Each function is pure: tables in, Markdown
out; every sentence it writes states a count or a quotation taken from the tables it is given, and a thing the page
does not have is either said to be absent or left out.

Labels for figures live here too, so no title shows ``nan`` and no legend counts articles that are not there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

#: Markdown cells that state what reading the seed page found: kept when the page is the seed, left out otherwise.
SEED_PAGE_TAG = "seed-page"
#: Code cells that narrate another page from its tables: they print nothing on the seed page, and are left out of
#: a report on the seed page and of the rendered seed notebooks.
OTHER_PAGE_TAG = "other-page"

_ZH_NUMBERS = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]
_EN_NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def missing(value) -> bool:
    """True for what a CSV cell holds when it is empty: None, NaN, or a blank string."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def text(value, default: str = "") -> str:
    """``value`` as a string, ``default`` when it is missing (never the string ``nan``)."""
    return default if missing(value) else str(value).strip()


def number_words(n: int) -> tuple[str, str]:
    """``n`` as a Chinese and an English word up to ten (两/two), in digits above."""
    n = int(n)
    if 0 <= n <= 10:
        return _ZH_NUMBERS[n], _EN_NUMBERS[n]
    return str(n), str(n)


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 article``, ``2 articles`` (``words`` for an irregular plural)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def others_label(n_others: int) -> tuple[str, str]:
    """The other articles of a page, counted: ``("其他两篇", "the other two articles")``,
    ``("另一篇", "the other article")`` for one."""
    if int(n_others) == 1:
        return "另一篇", "the other article"
    zh, en = number_words(n_others)
    return f"其他{zh}篇", f"the other {en} articles"


def article_label(article: int, title) -> str:
    """A panel title for an article: ``"2 · 社区服务有温度"``, or ``"2 · 无标题 untitled"`` when the cleaner found no
    title (a text that is not a page dump)."""
    return f"{int(article)} · {text(title, '无标题 untitled')}"


def _quote(title) -> str:
    return f"“{text(title)}”" if not missing(title) else "(untitled)"


def _series(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _article_titles(articles: pd.DataFrame) -> list[str]:
    return [f"{int(a['article'])} {_quote(a.get('title'))}" for _, a in articles.iterrows()]


# --------------------------------------------------------------------------------------------------------------
# 01 · cleaning
# --------------------------------------------------------------------------------------------------------------
#: What a row of the cleaning log says, per kind, for the summary (singular, plural).
_LOG_KINDS = {
    "title_moved": ("an article head printed after its body moved before it",
                    "{n} article heads printed after their bodies moved before them"),
    "duplicate_heading": ("a heading printed twice kept once", "{n} headings printed twice kept once"),
    "caption_removed": ("a photo caption moved into its own table", "{n} photo captions moved into their own table"),
    "rejoin_page_break": ("a paragraph split at a page break joined again",
                          "{n} paragraphs split at a page break joined again"),
    "punctuation": ("an ASCII punctuation mark made full-width", "{n} ASCII punctuation marks made full-width"),
    "quotes": ("a pair of corner quotes made “”", "{n} corner quotes made “”"),
    "sic": ("an apparent slip of the source flagged [sic] and left as printed",
            "{n} apparent slips of the source flagged [sic] and left as printed"),
}


def cleaning_summary(articles: pd.DataFrame, paragraphs: pd.DataFrame, sentences: pd.DataFrame,
                     log: pd.DataFrame) -> str:
    """The Summary of notebook 01 for a page that is not the seed, from its tables (articles, paragraphs,
    sentences and the cleaning log)."""
    n_art = len(articles)
    body = int((paragraphs["position"] == "body").sum()) if len(paragraphs) else 0
    lines = ["## Summary", ""]
    titles = _article_titles(articles)
    head = f"The page reads back as {plural(n_art, 'article')}"
    lines.append(f"{head}: {_series(titles)}." if titles else f"{head}.")
    with_sections = articles[articles["sections"].fillna(0).astype(int) > 0] if "sections" in articles else []
    parts = [f"{body} body paragraphs" if body != 1 else "1 body paragraph", plural(len(sentences), "sentence")]
    if len(with_sections):
        parts.append("sections in " + _series([f"article {int(a['article'])} "
                                               f"({plural(int(a['sections']), 'section')})"
                                               for _, a in with_sections.iterrows()]))
    lines.append(f"It holds {_series(parts)}.")
    kinds = log["kind"].value_counts() if len(log) else pd.Series(dtype=int)
    done = [(_LOG_KINDS[k][0] if int(kinds[k]) == 1 else _LOG_KINDS[k][1].format(n=int(kinds[k])))
            for k in _LOG_KINDS if k in kinds.index]
    if done:
        lines.append(f"Cleaning made these changes: {_series(done)}.")
    else:
        lines.append("The cleaner found none of the kinds of damage this notebook looks for.")
    lines.append("Every change is a row of `data/cleaning_log.csv` with its raw offsets, and every paragraph and "
                 "sentence keeps the offsets of the raw characters it came from.")
    lines += ["", "Next: [02 · Vocabulary](02_vocabulary.ipynb) segments these sentences into words."]
    return "\n".join(_join_sentences(lines))


def _join_sentences(lines: list[str]) -> list[str]:
    """Consecutive prose lines joined into one paragraph (blank lines and headings kept)."""
    out: list[str] = []
    for line in lines:
        if out and line and out[-1] and not out[-1].startswith("#") and not line.startswith(("#", "- ", "Next")):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


# --------------------------------------------------------------------------------------------------------------
# 02 · vocabulary
# --------------------------------------------------------------------------------------------------------------
def _term(term: str, glosses: Mapping[str, str]) -> str:
    en = glosses.get(term)
    return f"{term} (*{en}*)" if en else term


def top_terms(tf: pd.DataFrame, articles: pd.DataFrame, glosses: Mapping[str, str], n: int = 4) -> str:
    """One sentence per article: its ``n`` most frequent content words, with their counts."""
    lines = []
    for _, a in articles.iterrows():
        top = tf[tf["article"] == a["article"]].head(n)
        if not len(top):
            lines.append(f"- Article {int(a['article'])} {_quote(a.get('title'))} has no content word.")
            continue
        words = ", ".join(f"{_term(t, glosses)} {int(c)}" for t, c in zip(top["term"], top["count"]))
        lines.append(f"- Article {int(a['article'])} {_quote(a.get('title'))}: most frequent {words}.")
    return "Most frequent content words (with their counts):\n\n" + "\n".join(lines)


def key_words(key_art: pd.DataFrame, n_others: int, glosses: Mapping[str, str], n: int = 6) -> str:
    """What the keyness table of the feature against the page's other articles shows, in one sentence."""
    if n_others == 0:
        return "The page holds one article, so it has no other article to set the feature against."
    _, others = others_label(n_others)
    key = key_art[key_art["key_for"] == "feature"] if len(key_art) else key_art
    if not len(key):
        return f"No word is more frequent in the feature than in {others}."
    strong = int((key["g2"] >= 3.84).sum())
    words = ", ".join(_term(t, glosses) for t in key["term"].head(n))
    return (f"Key words of the feature (article 1) against {others}: {words}; "
            f"{strong} of {len(key)} reach G² ≥ 3.84 (p < 0.05).")


def families(fams: pd.DataFrame) -> str:
    """The word families the page builds, with their types and tokens, or that it builds none."""
    if not len(fams):
        return "No member of the project's word families occurs on this page."
    by = fams.groupby("family", sort=False).agg(types=("member", "size"), tokens=("count", "sum"))
    parts = [f"{plural(int(r.types), 'kind')} of {fam} ({plural(int(r.tokens), 'occurrence')})"
             for fam, r in by.iterrows()]
    return f"The page builds {_series(parts)}."


def vocabulary_summary(tf: pd.DataFrame, articles: pd.DataFrame, key_art: pd.DataFrame, fams: pd.DataFrame,
                       glosses: Mapping[str, str]) -> str:
    """The Summary of notebook 02 for a page that is not the seed."""
    n_others = max(len(articles) - 1, 0)
    return "\n".join([
        "## Summary", "",
        top_terms(tf, articles, glosses), "",
        f"- {key_words(key_art, n_others, glosses)}",
        f"- {families(fams)}", "",
        "Next: [03 · Transitions](03_transitions.ipynb) reads the “from X to Y” transitions these words are put "
        "into.",
    ])


# --------------------------------------------------------------------------------------------------------------
# 03 · transitions
# --------------------------------------------------------------------------------------------------------------
def transitions_summary(coded: pd.DataFrame, book: pd.DataFrame, uncoded_code: str = "UNCODED") -> str:
    """The Summary of notebook 03 for a page that is not the seed: what the rules found and how they coded it."""
    lines = ["## Summary", ""]
    if not len(coded):
        lines.append("- The rules found no “from X to Y” transition statement on this page.")
    else:
        n_sent = coded["sentence_id"].nunique()
        n_art = coded["article"].nunique() if "article" in coded else 1
        lines.append(f"- The rules found {plural(len(coded), 'transition statement')} in "
                     f"{plural(n_sent, 'sentence')} of {plural(n_art, 'article')}, by construction: "
                     + ", ".join(f"{m} {c}" for m, c in coded["marker"].value_counts().items()) + ".")
        labels = book.set_index("code")["label_en"].to_dict() if "label_en" in book else {}
        counts = coded["code"].value_counts()
        coded_part = [f"{labels.get(c, c)} ({c}) {n}" for c, n in counts.items() if c != uncoded_code]
        if coded_part:
            lines.append(f"- The rules code {'it' if len(coded) == 1 else 'them'} as " + ", ".join(coded_part) + ".")
        n_unc = int(counts.get(uncoded_code, 0))
        if n_unc:
            lines.append(f"- {plural(n_unc, 'statement')} the rules leave UNCODED for a reader, on the coding "
                         "sheet (`data/coding_sheet.csv`).")
        chains = 0
        if "chain_id" in coded:  # a chain is a sentence's run of two or more steps; a lone step has an id too
            ids = coded["chain_id"].map(text)
            chains = int((ids[ids != ""].value_counts() > 1).sum())
        if chains:
            lines.append(f"- {plural(chains, 'sentence')} state{'s' if chains == 1 else ''} a chain of steps.")
    lines.append("- No reader's gold standard exists for this page, so neither the extractor's precision and recall "
                 "nor the coders' agreement is measured on it; sections 9a–9e give both measured on text the "
                 "rules were not tuned on.")
    lines += ["", "Next: [04 · Findings](04_findings.ipynb)."]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------------------
# 04 · findings
# --------------------------------------------------------------------------------------------------------------
def chains_sentence(chains: list[dict]) -> str:
    """Each chain of stages as ``A → B → C``."""
    if not chains:
        return "No sentence states a chain of stages."
    shown = "; ".join(" → ".join(zh for zh, _ in c["stages"]) for c in chains)
    return f"{plural(len(chains), 'chain')} of stages: {shown}."


def places_sentence(places: pd.DataFrame, n: int = 5) -> str:
    """The most mentioned listed places, or that none is named."""
    if not len(places):
        return "No place of `resources/places.csv` is named on this page."
    top = ", ".join(f"{p} ({e}) {int(c)}" for p, e, c in zip(places["place"], places["en"], places["count"]))
    if len(places) > n:
        top = ", ".join(f"{p} ({e}) {int(c)}" for p, e, c in
                        zip(places["place"][:n], places["en"][:n], places["count"][:n]))
        top += f" and {plural(len(places) - n, 'other')}"
    return f"{plural(int(places['count'].sum()), 'mention')} of {plural(len(places), 'listed place')}: {top}."


def location_sentence(location: pd.DataFrame) -> str:
    """Where the transitions stand: per article, and how many in headlines and headings rather than the body."""
    if not len(location) or int(location["total"].sum()) == 0:
        return "No transition statement was found, so none stands in a headline, a heading or the body."
    total = int(location["total"].sum())
    per = location.groupby("article", sort=True)["total"].sum()
    parts = [f"{int(n)} in article {int(a)}" for a, n in per.items() if n]
    body = int(location["body"].sum()) if "body" in location else 0
    heads = total - body
    if total == 1:
        where = "in the body" if body else "in a headline or heading"
        return f"The one transition statement stands in article {int(per[per > 0].index[0])}, {where}."
    return (f"Of the {plural(total, 'transition statement')}, " + ", ".join(parts) + f"; {heads} stand in "
            f"headlines or headings, {body} in the body.")


def findings_summary(map_table: pd.DataFrame, location: pd.DataFrame, chains: list[dict],
                     places: pd.DataFrame) -> str:
    """The Summary of notebook 04 for a page that is not the seed. It links to no notebook: a report holds
    notebooks 01-04 only."""
    lines = ["## Summary", ""]
    if len(map_table):
        codes = map_table.groupby("code", sort=False).size()
        lines.append(f"- The transition map holds {plural(len(map_table), 'distinct transition')} under "
                     f"{plural(len(codes), 'code')}: " + ", ".join(f"{c} {n}" for c, n in codes.items()) + ".")
    else:
        lines.append("- No transition was found on this page, so there is no map, location or chain to show.")
    if len(map_table):
        lines.append(f"- {location_sentence(location)}")
        lines.append(f"- {chains_sentence(chains)}")
    lines.append(f"- {places_sentence(places)}")
    lines.append("- Every number above traces to `data/transitions.csv` and `data/places.csv`; a transition's "
                 "`sentence_id` points to `data/sentences.csv` and its raw offsets in the page.")
    lines += ["", "This is the last notebook of the report."]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------------------
# Notebook cells of a run
# --------------------------------------------------------------------------------------------------------------
def page_cells(nb, seed: bool):
    """``nb`` (an nbformat notebook) with the cells that do not belong to this page's run left out: on the seed
    page the other-page narration, on another page the seed's own prose. Returns a new notebook; ``nb`` is not
    changed."""
    import copy

    drop = OTHER_PAGE_TAG if seed else SEED_PAGE_TAG
    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if drop not in c.get("metadata", {}).get("tags", [])]
    return out
