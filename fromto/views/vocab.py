"""The corpus-linguistics views of the page's vocabulary.

Every view is a pure function over plain pandas tables, so each can be checked on a tiny hand-computed example:

- :func:`tokens_table` — one row per token of every sentence, with offsets into the sentence and a content flag;
- :func:`term_frequencies` — counts and per-thousand rates of content words per article;
- :func:`keyness` — Dunning's log-likelihood G2 with the log-ratio effect size, both directions
  (:func:`log_likelihood`, :func:`log_ratio`);
- :func:`kwic` — keyword-in-context lines for given terms;
- :func:`cooccurrence` — how often key terms share a sentence, with log-Dice and PMI;
- :func:`dispersion` — counts of terms across the parts (sections) of an article, with Gries' DP;
- :func:`word_families` — members of productive patterns (党建+X, X+党建, 共+X, 跨+X …) and their counts;
- :func:`segmentation_diff` / :func:`segmentation_audit` — where two tokenizers cut the same text differently.

The figures drawn from these views are :mod:`fromto.views.vocab_figures`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from fromto import paths

TOKEN_COLUMNS = ["doc", "article", "section", "paragraph_id", "sentence_id", "position", "token_no", "token",
                 "start", "end", "is_word"]
KEYNESS_COLUMNS = ["term", "count_target", "count_reference", "per_thousand_target", "per_thousand_reference",
                   "g2", "p_value", "log_ratio", "key_for"]

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


# --------------------------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------------------------

def tokens_table(sentences: pd.DataFrame, tokenizer=None) -> pd.DataFrame:
    """One row per token of each sentence: ``TOKEN_COLUMNS``.

    ``start``/``end`` are character offsets into the sentence's ``text``; ``is_word`` marks content words
    (``tokenizer.is_word``: not a stopword, punctuation or quantity). ``token_no`` counts from 1 in each sentence.
    """
    if tokenizer is None:
        from fromto.segment.tokens import get_tokenizer

        tokenizer = get_tokenizer()
    rows = []
    for s in sentences.itertuples(index=False):
        for no, (tok, start, end) in enumerate(tokenizer.tokenize(s.text), start=1):
            rows.append((s.doc, s.article, s.section, s.paragraph_id, s.sentence_id, s.position, no, tok,
                         start, end, tokenizer.is_word(tok)))
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


# --------------------------------------------------------------------------------------------------------------
# Frequencies and keyness
# --------------------------------------------------------------------------------------------------------------

def term_frequencies(tokens: pd.DataFrame, by: str = "article") -> pd.DataFrame:
    """Counts of content words per group ``by``, with per-thousand rates and ranks.

    Columns: ``by, term, count, per_thousand, rank``. ``per_thousand`` is per 1,000 content words of the group;
    ``rank`` is dense within the group (ties share a rank). Sorted by group, count (desc), term.
    """
    words = tokens[tokens["is_word"]]
    counts = words.groupby([by, "token"]).size().rename("count").reset_index().rename(columns={"token": "term"})
    totals = words.groupby(by).size().rename("total")
    counts = counts.join(totals, on=by)
    counts["per_thousand"] = (1000 * counts["count"] / counts["total"]).round(3)
    counts = counts.sort_values([by, "count", "term"], ascending=[True, False, True])
    counts["rank"] = counts.groupby(by)["count"].rank(method="dense", ascending=False).astype(int)
    return counts[[by, "term", "count", "per_thousand", "rank"]].reset_index(drop=True)


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's log-likelihood G2 for a term seen ``a`` times in a corpus of ``c`` words and ``b`` times in ``d``.

    ``G2 = 2 * (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c(a+b)/(c+d)``, ``E2 = d(a+b)/(c+d)``, and 0 ln 0 = 0
    (Rayson & Garside 2000).
    """
    if a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 0.0
    if a > 0:
        g2 += a * math.log(a / e1)
    if b > 0:
        g2 += b * math.log(b / e2)
    return 2 * g2


def log_ratio(a: float, b: float, c: float, d: float, zero: float = 0.5) -> float:
    """Hardie's Log Ratio: ``log2((a/c) / (b/d))``; a zero count is replaced by ``zero`` (0.5) so it stays finite.

    +1 means twice as frequent in the first corpus, -1 half as frequent.
    """
    a = a if a > 0 else zero
    b = b if b > 0 else zero
    return math.log2((a / c) / (b / d))


def chi2_sf_1df(x: float) -> float:
    """P(X > x) for a chi-square variable with one degree of freedom (the p-value of G2)."""
    return math.erfc(math.sqrt(max(x, 0.0) / 2))


def keyness(target: Mapping[str, int], reference: Mapping[str, int], min_count: int = 1) -> pd.DataFrame:
    """Keyness of every term of ``target`` against ``reference`` (term -> count mappings), both directions.

    Columns ``KEYNESS_COLUMNS``: ``key_for`` is ``"target"`` when the term is relatively more frequent in the
    target, ``"reference"`` when less (negative key words). Terms with fewer than ``min_count`` occurrences in
    both corpora together are left out. Sorted by ``key_for`` (target first), G2 (desc), term. When either side
    is empty there is nothing to compare: the table is empty, with its columns.
    """
    c = sum(target.values())
    d = sum(reference.values())
    if c == 0 or d == 0:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    rows = []
    for term in sorted(set(target) | set(reference)):
        a, b = int(target.get(term, 0)), int(reference.get(term, 0))
        if a + b < min_count:
            continue
        g2 = log_likelihood(a, b, c, d)
        rows.append({
            "term": term, "count_target": a, "count_reference": b,
            "per_thousand_target": round(1000 * a / c, 3) if c else 0.0,
            "per_thousand_reference": round(1000 * b / d, 3) if d else 0.0,
            "g2": round(g2, 4), "p_value": chi2_sf_1df(g2), "log_ratio": round(log_ratio(a, b, c, d), 4),
            "key_for": "target" if a / max(c, 1) >= b / max(d, 1) else "reference",
        })
    out = pd.DataFrame(rows, columns=KEYNESS_COLUMNS)
    out["_o"] = (out["key_for"] != "target").astype(int)
    out = out.sort_values(["_o", "g2", "term"], ascending=[True, False, True]).drop(columns="_o")
    return out.reset_index(drop=True)


def rename_keyness(table: pd.DataFrame, target: str, reference: str) -> pd.DataFrame:
    """The keyness table with ``target``/``reference`` in column names and ``key_for`` values replaced."""
    out = table.rename(columns=lambda col: col.replace("target", target).replace("reference", reference))
    out["key_for"] = out["key_for"].map({"target": target, "reference": reference})
    return out


# --------------------------------------------------------------------------------------------------------------
# Concordance, co-occurrence, dispersion
# --------------------------------------------------------------------------------------------------------------

def kwic(tokens: pd.DataFrame, sentences: pd.DataFrame, terms: Sequence[str], width: int = 14) -> pd.DataFrame:
    """Keyword-in-context lines: every token equal to one of ``terms``, with ``width`` characters either side.

    Matching is on whole tokens, so 党建 does not match inside 区域化党建. Columns: ``term, sentence_id,
    article, left, node, right`` in the order of ``terms`` then reading order.
    """
    text = dict(zip(sentences["sentence_id"], sentences["text"]))
    order = {t: i for i, t in enumerate(terms)}
    hits = tokens[tokens["token"].isin(order)].copy()
    hits["_t"] = hits["token"].map(order)
    hits["_s"] = range(len(hits))
    rows = []
    for h in hits.sort_values(["_t", "_s"]).itertuples(index=False):
        s = text[h.sentence_id]
        rows.append({"term": h.token, "sentence_id": h.sentence_id, "article": h.article,
                     "left": s[max(0, h.start - width):h.start], "node": s[h.start:h.end],
                     "right": s[h.end:h.end + width]})
    return pd.DataFrame(rows, columns=["term", "sentence_id", "article", "left", "node", "right"])


def cooccurrence(tokens: pd.DataFrame, terms: Sequence[str], unit: str = "sentence_id") -> pd.DataFrame:
    """How often pairs of ``terms`` occur in the same ``unit`` (a sentence), with association measures.

    For each pair seen together at least once: ``n_a``, ``n_b`` (units holding each term), ``n_ab`` (units holding
    both), ``n_units`` (all units in ``tokens``), ``log_dice = 14 + log2(2 n_ab / (n_a + n_b))`` (Rychlý 2008; at
    most 14) and ``pmi = log2(n_ab n_units / (n_a n_b))``. Sorted by n_ab (desc), log-Dice (desc), terms.
    """
    n_units = tokens[unit].nunique()
    sets = tokens[tokens["token"].isin(set(terms))].groupby(unit)["token"].agg(lambda s: sorted(set(s)))
    n_term = Counter(t for ts in sets for t in ts)
    n_pair = Counter(p for ts in sets for p in combinations(ts, 2))
    rows = []
    for (a, b), nab in n_pair.items():
        na, nb = n_term[a], n_term[b]
        rows.append({"term_a": a, "term_b": b, "n_a": na, "n_b": nb, "n_ab": nab, "n_units": n_units,
                     "log_dice": round(14 + math.log2(2 * nab / (na + nb)), 4),
                     "pmi": round(math.log2(nab * n_units / (na * nb)), 4)})
    out = pd.DataFrame(rows, columns=["term_a", "term_b", "n_a", "n_b", "n_ab", "n_units", "log_dice", "pmi"])
    out = out.sort_values(["n_ab", "log_dice", "term_a", "term_b"], ascending=[False, False, True, True])
    return out.reset_index(drop=True)


def gries_dp(counts: Sequence[float], sizes: Sequence[float]) -> float:
    """Gries' deviation of proportions: 0 = spread exactly like the parts' sizes, towards 1 = concentrated.

    ``DP = 0.5 * sum |v_i - s_i|`` with ``v_i`` the share of the term's occurrences and ``s_i`` the share of
    words in part ``i`` (Gries 2008).
    """
    total, size = sum(counts), sum(sizes)
    if total == 0 or size == 0:
        return float("nan")
    return 0.5 * sum(abs(c / total - s / size) for c, s in zip(counts, sizes))


def dispersion(tokens: pd.DataFrame, terms: Sequence[str], part: str = "section") -> pd.DataFrame:
    """Counts of ``terms`` in each ``part`` of the given tokens (content words), with range and Gries' DP.

    Columns: ``term, <part>, count, part_words, per_thousand, total, range, dp`` — one row per term and part
    (zeros included), ``range`` = parts in which the term occurs, ``dp`` repeated on each row of the term.
    """
    words = tokens[tokens["is_word"]]
    parts = sorted(words[part].unique())
    sizes = words.groupby(part).size().reindex(parts, fill_value=0)
    counts = words[words["token"].isin(terms)].groupby(["token", part]).size()
    rows = []
    for term in terms:
        per = [int(counts.get((term, p), 0)) for p in parts]
        dp = gries_dp(per, list(sizes))
        for p, n in zip(parts, per):
            rows.append({"term": term, part: p, "count": n, "part_words": int(sizes[p]),
                         "per_thousand": round(1000 * n / sizes[p], 3) if sizes[p] else 0.0,
                         "total": sum(per), "range": sum(1 for x in per if x), "dp": round(dp, 4)})
    return pd.DataFrame(rows, columns=["term", part, "count", "part_words", "per_thousand", "total", "range", "dp"])


# --------------------------------------------------------------------------------------------------------------
# Word families
# --------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Family:
    """A productive pattern: ``morpheme`` as head (``side="suffix"``: X+M) or as modifier (``"prefix"``: M+X).

    A member is a token that starts/ends with the morpheme and has a rest X of ``min_x``..``max_x`` characters;
    with ``phrases=True`` the morpheme as a token of its own plus the adjacent content word also counts
    (党建 + 工作 -> 党建工作, kind ``phrase``). ``exclude`` lists lexicalised words that only look like members,
    each with its reason in ``why``.
    """

    name: str
    morpheme: str
    side: str
    min_x: int = 1
    max_x: int = 6
    phrases: bool = True
    exclude: tuple[str, ...] = ()
    why: str = ""


#: The patterns the page builds its vocabulary with (found by reading the term list of notebook 02).
FAMILIES: tuple[Family, ...] = (
    Family("X+党建", "党建", "suffix", why="kinds of party building named by unit, sector or place"),
    Family("党建+X", "党建", "prefix", why="what party building forms or does: 共同体, 联盟, 引领 …"),
    Family("共+X", "共", "prefix", max_x=1, phrases=False, exclude=("共同",),
           why="'jointly X': coined verbs of co-governance; 共同 (common) is an ordinary word"),
    Family("跨+X", "跨", "prefix", max_x=3, phrases=False, why="'cross-X': crossing administrative borders"),
    Family("联+X", "联", "prefix", max_x=1, phrases=False, exclude=("联合", "联盟"),
           why="'link-X': joint action; 联合 (unite) and 联盟 (alliance) are ordinary words"),
    Family("X+共同体", "共同体", "suffix", why="'X community': the organisational form"),
    Family("X+联盟", "联盟", "suffix", why="'X alliance'"),
    Family("X+融合", "融合", "suffix", why="'X integration'"),
    Family("X+化", "化", "suffix", min_x=2, phrases=False, why="'-isation' qualities (区域化, 精细化 …); 文化 etc. "
           "are excluded by requiring two characters before 化"),
    Family("X+力", "力", "suffix", min_x=2, max_x=2, phrases=False, why="'-power' nouns (凝聚力, 组织力 …)"),
    Family("X+链", "链", "suffix", max_x=2, why="'X chain' (组织链, 产业链 …)"),
)


#: Part-of-speech tags (jieba's) accepted for the X of a ``phrase`` member: nouns, verbal nouns, set phrases.
PHRASE_TAGS = ("n", "vn", "l", "j")


def word_families(tokens: pd.DataFrame, families: Sequence[Family] = FAMILIES, feature: int | None = 1,
                  tag=None) -> pd.DataFrame:
    """Members of each family in ``tokens`` with counts.

    With ``tag`` (a function word -> jieba POS tag, e.g. ``Tokenizer.tag``), a ``phrase`` member needs an X
    tagged as a noun, verbal noun or set phrase (``PHRASE_TAGS``), so 党建 + 工作 counts and 党建 + 恰恰 does not.

    Columns: ``family, member, x, kind, count, count_feature, articles`` — ``kind`` is ``word`` (one token) or
    ``phrase`` (the morpheme token next to a content word); ``count_feature`` counts only article ``feature``;
    ``articles`` lists the articles it occurs in (``1;3``). Sorted by family order, count (desc), member.
    """
    hits: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for _, sent in tokens.groupby("sentence_id", sort=False):
        toks = list(sent["token"])
        is_word = list(sent["is_word"])
        article = int(sent["article"].iloc[0])
        for fam in families:
            m = fam.morpheme
            for i, tok in enumerate(toks):
                if tok in fam.exclude:
                    continue
                if tok != m:
                    x = tok[:-len(m)] if fam.side == "suffix" and tok.endswith(m) else (
                        tok[len(m):] if fam.side == "prefix" and tok.startswith(m) else None)
                    if x and fam.min_x <= len(x) <= fam.max_x and _CJK_RUN.match(x):
                        hits[(fam.name, tok, x, "word")].append(article)
                    continue
                if not fam.phrases:
                    continue
                j = i - 1 if fam.side == "suffix" else i + 1
                if 0 <= j < len(toks) and is_word[j] and _CJK_RUN.match(toks[j]):
                    x = toks[j]
                    if tag is not None and not tag(x).startswith(PHRASE_TAGS):
                        continue
                    if fam.min_x <= len(x) <= fam.max_x:
                        member = x + m if fam.side == "suffix" else m + x
                        hits[(fam.name, member, x, "phrase")].append(article)
    order = {f.name: i for i, f in enumerate(families)}
    rows = [{"family": f, "member": mem, "x": x, "kind": kind, "count": len(arts),
             "count_feature": sum(a == feature for a in arts) if feature is not None else 0,
             "articles": ";".join(str(a) for a in sorted(set(arts)))}
            for (f, mem, x, kind), arts in hits.items()]
    out = pd.DataFrame(rows, columns=["family", "member", "x", "kind", "count", "count_feature", "articles"])
    out["_o"] = out["family"].map(order)
    out = out.sort_values(["_o", "count", "member"], ascending=[True, False, True]).drop(columns="_o")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------------------------------
# Segmentation audit
# --------------------------------------------------------------------------------------------------------------

def segmentation_diff(a: Sequence[str], b: Sequence[str]) -> list[dict]:
    """The stretches of text that two segmentations of the same string cut differently.

    Both token lists must spell the same text. The text is split at the boundaries both share; every stretch
    between shared boundaries that the two cut differently is returned as ``{start, end, text, a, b}`` with the
    cuts written ``x / y``.
    """
    ta, tb = "".join(a), "".join(b)
    if ta != tb:
        raise ValueError("the two segmentations spell different texts")

    def cuts(toks):
        out, pos = [0], 0
        for t in toks:
            pos += len(t)
            out.append(pos)
        return out

    ca, cb = cuts(a), cuts(b)
    shared = sorted(set(ca) & set(cb))
    diffs = []
    for lo, hi in zip(shared, shared[1:]):
        inner_a = [p for p in ca if lo < p < hi]
        inner_b = [p for p in cb if lo < p < hi]
        if inner_a == inner_b:
            continue
        def show(inner):
            edges = [lo, *inner, hi]
            return " / ".join(ta[x:y] for x, y in zip(edges, edges[1:]))
        diffs.append({"start": lo, "end": hi, "text": ta[lo:hi], "a": show(inner_a), "b": show(inner_b)})
    return diffs


def segmentation_audit(sentences: pd.DataFrame, project, plain, lexicon: Iterable[str] = ()) -> pd.DataFrame:
    """Where the project's tokenizer and plain jieba differ on the sentences, one row per distinct difference.

    Columns: ``text, project, jieba, count, first_sentence_id, cause`` — ``cause`` is ``lexicon`` when the
    project's cut contains a lexicon word, else ``context`` (a lexicon word nearby changed jieba's best path).
    Sorted by count (desc), text.
    """
    lex = set(lexicon)
    agg: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for s in sentences.itertuples(index=False):
        for d in segmentation_diff(project.cut(s.text), plain.cut(s.text)):
            agg[(d["text"], d["a"], d["b"])].append(s.sentence_id)
    rows = [{"text": t, "project": a, "jieba": b, "count": len(ids), "first_sentence_id": ids[0],
             "cause": "lexicon" if any(p in lex for p in a.split(" / ")) else "context"}
            for (t, a, b), ids in agg.items()]
    out = pd.DataFrame(rows, columns=["text", "project", "jieba", "count", "first_sentence_id", "cause"])
    return out.sort_values(["count", "text"], ascending=[False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------------------------
# Glosses
# --------------------------------------------------------------------------------------------------------------

TERM_GLOSSES = paths.TERM_GLOSSES
_QUOTED_GLOSS = re.compile(r'^"([^"]+)"')


def read_term_glosses(path: str | Path | None = None) -> dict[str, str]:
    """English glosses for terms: ``resources/term_glosses.csv`` first, then the quoted gloss that opens a
    lexicon entry's ``why`` (``"cross-regional": …``)."""
    from fromto.segment.lexicon import read_lexicon
    from fromto.textio import read_resource_csv

    glosses = {}
    for e in read_lexicon():
        m = _QUOTED_GLOSS.match(e.why)
        if m:
            glosses[e.word] = m.group(1)
    table = read_resource_csv(path or TERM_GLOSSES)
    glosses.update(dict(zip(table["term"], table["en"])))
    return glosses


def label(term: str, glosses: Mapping[str, str], sep: str = " ") -> str:
    """``term`` with its English gloss when one is known (``党建 party building``)."""
    en = glosses.get(term)
    return f"{term}{sep}{en}" if en else term
