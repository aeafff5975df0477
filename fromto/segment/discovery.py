"""New-word discovery: set phrases of official discourse that the tokenizer breaks apart.

The page's lexicon (``resources/lexicon.tsv``) was made from the page alone, so terms that the page uses once but
official discourse uses all the time still fall apart: 新时代 (*the new era*) becomes 新 / 时代. This module proposes
such terms from a corpus of official prose (by default the Government Work Reports) by two classic measures of a
lexical unit, computed over runs of adjacent tokens of the current tokenizer:

* **cohesion** — pointwise mutual information of the parts, the smallest over every way of cutting the run in two
  (``min_pmi``, bits): a unit's parts occur together far more often than chance would put them side by side;
* **freedom at the boundaries** — the entropy of the tokens seen just left and just right of the run
  (``left_entropy``, ``right_entropy``, bits; every sentence edge counts as a different neighbour): a unit is
  used in many contexts, where a fragment of a longer unit always has the same neighbour.

:func:`candidates` returns every run that passes the frequency floor with these scores; :func:`accept` applies the
acceptance rules written in the lexicon's header (:data:`RULES`) and says for each candidate which rule, if any,
rejected it. Nothing here is tuned to one text: the thresholds are the rules, and notebook 02 shows what they
propose, what they accept and what that changes on the page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

import pandas as pd

_CJK_TOKEN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")
_BOUNDARY = None  # a sentence edge: counted as a new neighbour every time


@dataclass(frozen=True)
class Rules:
    """Acceptance rules for discovered terms (the lexicon header states the same numbers)."""

    min_count: int = 20            # occurrences in the corpus
    min_docs: int = 5              # documents (reports) holding it: a term of the discourse, not of one year
    min_chars: int = 3
    max_chars: int = 8
    min_pmi: float = 7.5           # bits, the weakest cut of the run
    min_entropy: float = 2.0       # bits, on the poorer side (left or right)
    #: jieba POS tags a term may end with: a noun or a nominal set phrase (terms, not clauses)
    head_tags: tuple = ("n", "nr", "ns", "nt", "nz", "ng", "vn", "an", "j", "l", "i")
    #: tag prefixes a term may not begin with: adverb, pronoun, preposition, conjunction, particle, numeral,
    #: classifier, verb (a verb-object phrase such as 改善民生 is a clause, not a term), locality, time word
    bad_first: tuple = ("d", "r", "p", "c", "u", "m", "q", "v", "f", "t")
    #: accept only a term whose cut leaves a fragment: a one-character part (新 / 时代) or a part jieba's
    #: dictionary does not know (小微 / 企业). A compound of two free words (国内 / 生产总值) is counted well enough
    #: by its parts, and keeping it whole would only move the tokenizer away from the PKU standard, which writes
    #: such compounds as separate words (measured: 99 compounds cost 0.15 F1 points; see the lexicon header).
    fragments_only: bool = True


RULES = Rules()


def _side_entropy(key, neighbour):
    """Entropy (bits) of the neighbours of each key; ``neighbour`` -1 is a sentence edge, a new neighbour each time.
    Returns a Series indexed by key."""
    import numpy as np

    frame = pd.DataFrame({"key": key, "nb": neighbour})
    inner = frame[frame["nb"] >= 0].groupby(["key", "nb"]).size().rename("c").reset_index()
    edges = frame[frame["nb"] < 0].groupby("key").size()
    total = inner.groupby("key")["c"].sum().add(edges, fill_value=0)
    inner["p"] = inner["c"] / inner["key"].map(total)
    h = (-(inner["p"] * np.log2(inner["p"]))).groupby(inner["key"]).sum()
    edge_h = edges * (1 / total.reindex(edges.index)) * np.log2(total.reindex(edges.index))
    return h.add(edge_h, fill_value=0.0).reindex(total.index, fill_value=0.0)


def candidates(documents: Mapping[str, Iterable[str]], tokenizer, max_tokens: int = 3,
               rules: Rules = RULES) -> pd.DataFrame:
    """Runs of 2..``max_tokens`` adjacent tokens with their frequency, spread, cohesion and boundary freedom.

    ``documents`` maps a document id to its texts (paragraphs); ``tokenizer`` has ``cut(text)``. Only runs that
    reach ``rules.min_count`` and ``rules.min_docs`` and are ``rules.min_chars``–``rules.max_chars`` characters
    long are scored. Columns: ``term, parts, count, docs, min_pmi, left_entropy, right_entropy`` sorted by count
    (then term). Counting is done on integer arrays (a token is an id, an n-gram one integer), so the reports'
    million characters take well under a second beyond their segmentation.
    """
    import numpy as np

    cols = ["term", "parts", "count", "docs", "min_pmi", "left_entropy", "right_entropy"]
    # every token of every text in one list; a token type is judged (all Chinese or not) once
    tokens, text_len, text_doc = [], [], []
    for d, texts in enumerate(documents.values()):
        for text in texts:
            cut = tokenizer.cut(text)
            tokens.extend(cut)
            text_len.append(len(cut))
            text_doc.append(d)
    types = list(dict.fromkeys(tokens))  # in order of first occurrence
    type_no = {t: i for i, t in enumerate(types)}
    all_ids = np.fromiter(map(type_no.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    is_cjk = np.fromiter((bool(_CJK_TOKEN.match(t)) for t in types), dtype=bool, count=len(types))
    keep = is_cjk[all_ids] if len(tokens) else np.zeros(0, dtype=bool)
    if not keep.any():
        return pd.DataFrame(columns=cols)
    # maximal runs of all-Chinese tokens: punctuation, numbers, Latin and the end of a text break a run
    first_of_text = np.zeros(len(tokens), dtype=bool)
    first_of_text[np.cumsum([0] + text_len[:-1])[np.asarray(text_len) > 0]] = True
    prev_kept = np.concatenate(([False], keep[:-1]))
    starts_run = keep & (first_of_text | ~prev_kept)
    run_no = (np.cumsum(starts_run) - 1)[keep]
    doc_no = np.repeat(np.asarray(text_doc, dtype=np.int64), text_len)[keep]
    # ids of the Chinese types, numbered in order of first occurrence
    cjk_types = np.flatnonzero(is_cjk)
    renumber = np.full(len(types), -1, dtype=np.int64)
    renumber[cjk_types] = np.arange(len(cjk_types))
    ids = renumber[all_ids[keep]]
    words = [types[i] for i in cjk_types]
    n_tokens, size = len(ids), len(words) + 1
    char_len = np.array([len(w) for w in words], dtype=np.int64)
    counts: dict[int, pd.Series] = {}   # n -> count per key (all unigrams; n-grams reaching min_count)
    rows = []
    for n in range(1, max_tokens + 1):
        if n_tokens < n:
            break
        start = np.arange(n_tokens - n + 1)
        start = start[run_no[start] == run_no[start + n - 1]]
        key = np.zeros(len(start), dtype=np.int64)
        chars = np.zeros(len(start), dtype=np.int64)
        for k in range(n):
            key = key * size + ids[start + k]
            chars += char_len[ids[start + k]]
        uniq, cnt = np.unique(key, return_counts=True)
        if n == 1:
            counts[1] = pd.Series(cnt, index=uniq)
            continue
        counts[n] = pd.Series(cnt, index=uniq)[cnt >= rules.min_count]
        sel = (np.isin(key, counts[n].index.to_numpy()) & (chars >= rules.min_chars) & (chars <= rules.max_chars))
        start, key = start[sel], key[sel]
        if len(key) == 0:
            continue
        n_docs = pd.Series(doc_no[start]).groupby(key).nunique()
        before, after = np.maximum(start - 1, 0), np.minimum(start + n, n_tokens - 1)
        left = np.where((start > 0) & (run_no[before] == run_no[start]), ids[before], -1)
        right = np.where((start + n < n_tokens) & (run_no[after] == run_no[start]), ids[after], -1)
        h_left, h_right = _side_entropy(key, left), _side_entropy(key, right)
        for g_key, docs_g in n_docs[n_docs >= rules.min_docs].items():
            parts, rest = [], int(g_key)
            for _ in range(n):
                parts.append(rest % size)
                rest //= size
            parts.reverse()
            c = int(counts[n][g_key])

            def count_of(sub):
                sub_key = 0
                for token_id in sub:
                    sub_key = sub_key * size + token_id
                return int(counts[len(sub)][sub_key])

            pmi = min(math.log2((c / n_tokens) / ((count_of(parts[:k]) / n_tokens) * (count_of(parts[k:]) / n_tokens)))
                      for k in range(1, n))
            rows.append({"term": "".join(words[i] for i in parts), "parts": " / ".join(words[i] for i in parts),
                         "count": c, "docs": int(docs_g), "min_pmi": round(pmi, 2),
                         "left_entropy": round(float(h_left[g_key]), 2),
                         "right_entropy": round(float(h_right[g_key]), 2)})
    table = pd.DataFrame(rows, columns=cols)
    # one row per term: the same string can arise from different cuts; keep its most frequent cut
    table = table.sort_values(["term", "count"], ascending=[True, False]).drop_duplicates("term")
    return table.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)


def accept(table: pd.DataFrame, stopwords: Iterable[str], tag, rules: Rules = RULES,
           rejected: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Apply the acceptance rules to :func:`candidates`' table; adds ``accepted`` (bool) and ``reason``.

    In order: the cohesion floor (``rules.min_pmi``); the boundary-freedom floor (the poorer of the two
    entropies); no part is a stopword (a unit holds no 的, 和, 与 …); the last part is nominal (``rules.head_tags``)
    and the first is not a function word or a verb (``rules.bad_first``), so what is accepted is a term and not a
    clause or collocation (稳步推进, 改善民生); the cut leaves a fragment (``rules.fragments_only``: a one-character
    part or a part jieba does not know); and no reader's rejection in ``rejected`` (term -> reason).
    ``tag(word)`` gives jieba's part-of-speech tag. The first rule a candidate fails is its ``reason``;
    accepted rows have reason ``""``.
    """
    stop = set(stopwords)
    rejected = dict(rejected or {})
    reasons = []
    for row in table.itertuples(index=False):
        parts = row.parts.split(" / ")
        tags = [tag(p) for p in parts]
        poorer = min(row.left_entropy, row.right_entropy)
        if row.min_pmi < rules.min_pmi:
            reasons.append(f"cohesion: min PMI {row.min_pmi} < {rules.min_pmi}")
        elif poorer < rules.min_entropy:
            side = "left" if row.left_entropy < row.right_entropy else "right"
            reasons.append(f"boundary: {side} entropy {poorer} < {rules.min_entropy}")
        elif any(p in stop for p in parts):
            reasons.append("function word: a part is a stopword")
        elif tags[-1] not in rules.head_tags or tags[0].startswith(rules.bad_first):
            reasons.append(f"not a term: parts tagged {' '.join(tags)}")
        elif rules.fragments_only and not any(len(p) == 1 or t == "x" for p, t in zip(parts, tags)):
            reasons.append("no fragment: every part is a dictionary word")
        elif row.term in rejected:
            reasons.append(f"reader: {rejected[row.term]}")
        else:
            reasons.append("")
    out = table.copy()
    out["reason"] = reasons
    out["accepted"] = out["reason"] == ""
    return out


def segmentation_changes(texts: Iterable[str], before, after) -> pd.DataFrame:
    """Stretches of ``texts`` that tokenizers ``before`` and ``after`` cut differently, with counts.

    Columns ``before, after, count`` (tokens joined by `` / ``), most frequent first.
    """
    changes: Counter = Counter()
    for text in texts:
        a, b = before.tokenize(text), after.tokenize(text)
        ca = {(s, e) for _, s, e in a}
        cb = {(s, e) for _, s, e in b}
        if ca == cb:
            continue
        # walk both token lists and group the stretches between shared cut points
        cuts_a = {e for _, _, e in a} | {s for _, s, _ in a}
        cuts_b = {e for _, _, e in b} | {s for _, s, _ in b}
        shared = sorted(cuts_a & cuts_b)
        for lo, hi in zip(shared, shared[1:]):
            ta = [t for t, s, e in a if s >= lo and e <= hi]
            tb = [t for t, s, e in b if s >= lo and e <= hi]
            if ta != tb:
                changes[(" / ".join(ta), " / ".join(tb))] += 1
    rows = [{"before": k[0], "after": k[1], "count": v} for k, v in changes.items()]
    table = pd.DataFrame(rows, columns=["before", "after", "count"])
    return table.sort_values(["count", "before"], ascending=[False, True], ignore_index=True)


def read_folder_texts(folder) -> dict[str, list[str]]:
    """The non-empty lines of every ``*.txt`` file in ``folder`` (sorted), by file stem: the texts of a corpus
    stored one paragraph a line, as the reports are. Read with :func:`fromto.textio.read_text`."""
    from pathlib import Path

    from fromto.textio import read_text

    return {f.stem: [ln for ln in read_text(f).split("\n") if ln.strip()]
            for f in sorted(Path(folder).glob("*.txt"))}
