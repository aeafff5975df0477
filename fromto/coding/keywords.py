"""Keyword evidence for the coding rules: which codes' words occur in a pole, matched as whole words of the project
tokenizer, and how they score.

The codebook's ``keywords`` column lists, per code, the general vocabulary of its kind of change. This module turns
those lists into a matcher (:func:`keyword_hits`: a keyword matches a word or a run of words, never the inside of a
word), scores occurrences (:func:`keyword_score`, :func:`_ranked_codes`, with a pole's 的-modifier at half weight:
:func:`pole_parts`) and names the codes that head a pole (:func:`head_codes`). :mod:`fromto.coding.rules` orders
this evidence into rules R0-R7.
"""

from __future__ import annotations

import functools

import pandas as pd

from fromto.coding.codebook import RULE_KINDS, _split_list, normalise_pole
from fromto.textio import cell_text


def _is_rule_row(kind) -> bool:
    return cell_text(kind) in RULE_KINDS or not cell_text(kind)


def _keyword_table(codebook: pd.DataFrame) -> tuple[list, dict, dict]:
    """``(substring keywords, whole-pole keywords, index by first character)``: the first as ``(word, code rank,
    code)`` sorted longest first (then by code rank), the second as ``{pole: (code rank, code)}``, the third maps a
    character to the positions in the first list of the keywords that start with it. Built once per codebook
    content (the lists are long and coding calls this for every pole)."""
    # tolist() first: iterating a string column element by element costs more than the lookup it keys.
    kinds = tuple(codebook["kind"].tolist()) if "kind" in codebook else ("",) * len(codebook)
    return _keyword_table_of(tuple(codebook["code"].tolist()), tuple(codebook["keywords"].tolist()), kinds)


@functools.lru_cache(maxsize=8)
def _keyword_table_of(codes: tuple, keyword_cells: tuple, kinds: tuple) -> tuple[list, dict, dict]:
    subs, whole = [], {}
    for rank, (code, words, kind) in enumerate(zip(codes, keyword_cells, kinds)):
        if not _is_rule_row(kind):
            continue
        for w in _split_list(words):
            if w.startswith("=") and len(w) > 1:
                whole.setdefault(w[1:], (rank, code))
            else:
                subs.append((w, rank, code))
    subs.sort(key=lambda t: (-len(t[0]), t[1], t[0]))
    by_first: dict[str, list[int]] = {}
    for i, (w, _, _) in enumerate(subs):
        if w:
            by_first.setdefault(w[0], []).append(i)
    return subs, whole, by_first


@functools.lru_cache(maxsize=65536)
def word_bounds(text: str) -> tuple[frozenset, frozenset]:
    """The offsets in ``text`` where a word of the project tokenizer starts or ends (0 and ``len(text)`` included):
    a keyword matches only from one such offset to another, never inside a word. A domain-lexicon entry is a
    phrase the tokenizer keeps whole for counting (工业锈带, 田园五镇); for coding, the dictionary words it is made
    of are words too (:func:`fromto.segment.tokens.phrase_parts`: 工业 / 锈 / 带). Words of jieba's own dictionary
    (三下乡, 地球村, 老楼, 乡镇企业) stay whole, except for their head: Chinese compounds are head-final, so a word
    of two or more characters that ends a longer word names what that word is (财政拨款 is a kind of 拨款; 乡镇企业
    is a kind of 企业, not of 乡镇). Returns ``(bounds, heads)``: the word boundaries, and the offsets inside a
    word of three or more characters where such a head may start. Cached: poles repeat."""
    from fromto.segment.tokens import get_tokenizer, phrase_parts

    tokenizer = get_tokenizer()
    phrases = tokenizer.lexicon_words()
    bounds = {0, len(text)}
    heads = set()
    for tok, start, end in tokenizer.tokenize(text):
        bounds.add(start)
        bounds.add(end)
        if tok in phrases:
            for part in phrase_parts(tok)[:-1]:
                start += len(part)
                bounds.add(start)
        elif len(tok) >= 3:
            heads.update(range(start + 1, end - 1))
    return frozenset(bounds), frozenset(heads)


def keyword_hits(texts, codebook: pd.DataFrame) -> dict[str, list[str]]:
    """Keyword occurrences per code in ``texts`` (each pole or subject separately): ``{code: [word, …]}``, one
    entry per occurrence.

    A keyword matches a word of the project tokenizer or a run of its words, never the inside of a word (the way
    a phrase matcher matches token sequences): 乡 is not found in 三下乡, nor 村 in 地球村, nor 楼 in 老楼, because the
    tokenizer keeps those words whole (:func:`word_bounds`). Longer keywords are matched first and the characters
    they cover are not matched again; ``=X`` keywords match only a whole text equal to X. (Only keywords whose
    first character occurs in the text are tried, in the same global order, so the result is that of trying them
    all.)"""
    subs, whole, by_first = _keyword_table(codebook)
    hits: dict[str, list[str]] = {}
    for text in texts:
        text = normalise_pole(text)
        if not text:
            continue
        if text in whole:
            hits.setdefault(whole[text][1], []).append("=" + text)
            continue
        bounds, heads = word_bounds(text)
        candidates = sorted({i for ch in set(text) for i in by_first.get(ch, ())})
        covered = [False] * len(text)
        for i in candidates:
            word, _, code = subs[i]
            start = text.find(word)
            while start != -1:
                end = start + len(word)
                at_word = start in bounds or (start in heads and len(word) >= 2)
                if not at_word or end not in bounds or any(covered[start:end]):
                    start = text.find(word, start + 1)
                    continue
                covered[start:end] = [True] * len(word)
                hits.setdefault(code, []).append(word)
                start = text.find(word, end)
    return hits


def keyword_score(word: str) -> float:
    """What one occurrence of a keyword scores in R3: ½ for a single character (ambiguous: 城 in 城乡), 1 for two
    or three characters, 1½ for four or more (a long term is specific: 土地所有制 says more than 地主)."""
    return 0.5 if len(word) == 1 else 1.0 if len(word) < 4 else 1.5


def _ranked_codes(texts, codebook: pd.DataFrame, modifiers=()) -> list[tuple[str, list[str], float]]:
    """``(code, distinct words hit, score)`` for every code with a keyword occurrence in ``texts`` (scored by
    :func:`keyword_score`; ``=X`` scores 1), best first, equal scores in the codebook's row order. Occurrences in
    ``modifiers`` (the M of a pole M的H, :func:`pole_parts`) score half: they say whose or what sort the pole is."""
    hits = keyword_hits(texts, codebook)
    order = {c: i for i, c in enumerate(codebook["code"])}
    score = {c: sum(1.0 if w.startswith("=") else keyword_score(w) for w in words) for c, words in hits.items()}
    for code, words in keyword_hits(modifiers, codebook).items():
        hits.setdefault(code, []).extend(words)
        score[code] = score.get(code, 0.0) + sum(0.5 * keyword_score(w) for w in words)
    ranked = sorted(hits, key=lambda c: (-score[c], order.get(c, len(order))))
    return [(c, list(dict.fromkeys(hits[c])), score[c]) for c in ranked]


def _best_code(texts, codebook: pd.DataFrame, strict: bool = False) -> tuple[str, list[str], float] | None:
    """The first of :func:`_ranked_codes`, or ``None`` when no keyword occurs. A tie for the top score goes to the
    code listed first, or, when ``strict``, leaves no winner (``None``)."""
    ranked = _ranked_codes(texts, codebook)
    if not ranked:
        return None
    if strict and len(ranked) > 1 and ranked[0][2] == ranked[1][2]:
        return None
    return ranked[0]


def _tie(ranked) -> str:
    """``"A|B"`` naming the codes that share the top score of ``ranked``, or ``""`` when one code leads."""
    if len(ranked) > 1 and ranked[0][2] == ranked[1][2]:
        return "|".join(c for c, _, sc in ranked if sc == ranked[0][2])
    return ""


def pole_parts(pole, codebook: pd.DataFrame) -> tuple[str, str]:
    """``(head, modifier)`` of a pole as R3 weighs it: for a pole of the form M的H (城镇的旁观者, 闲置的仓库) whose
    head phrase H holds a keyword of some code, ``(H, M)``, else ``(pole, "")``. Chinese noun phrases are
    head-final and 的 ties a modifier to its head: H says what the pole is, M only whose or what sort it is (城镇的旁观者
    is an onlooker, not a town), so M's keywords score half (:func:`_ranked_codes`). The 的 must be a word of its own
    (not the 的 of 的确 or 目的)."""
    from fromto.segment.tokens import get_tokenizer

    text = normalise_pole(pole)
    if "的" not in text:
        return text, ""
    cut = None
    for tok, start, end in get_tokenizer().tokenize(text):
        if tok == "的":
            cut = (start, end)
    head = text[cut[1]:] if cut else ""
    # a whole-pole keyword (=计划) names a whole pole, not the head of a longer one
    if not head or head in _keyword_table(codebook)[1] or not keyword_hits([head], codebook):
        return text, ""
    return head, text[:cut[0]]


def head_codes(pole, codes, codebook: pd.DataFrame) -> set[str]:
    """The codes among ``codes`` that have a keyword ending ``pole``: the head of a pole (Chinese compounds and noun
    phrases are head-final) names what it is. When the poles' keywords tie, the code that heads the target, what the
    thing becomes, outranks the others (破旧围墙 → 开放绿地 makes a wall a green, open as it may be)."""
    subs, whole, _ = _keyword_table(codebook)
    text = normalise_pole(pole)
    if not text:
        return set()
    if text in whole:
        return {whole[text][1]} & set(codes)
    bounds, heads = word_bounds(text)
    hits = keyword_hits([text], codebook)
    found = set()
    for code in codes:
        for word in hits.get(code, ()):
            start = len(text) - len(word)
            if text.endswith(word) and (start in bounds or (start in heads and len(word) >= 2)):
                found.add(code)
    return found
