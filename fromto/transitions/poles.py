"""Poles cut to their core: the source before its verb, the end of a target, the subject of a clause."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions import registry
from fromto.transitions.clauses import _clause_start, _only_words, _open_quote, _strip_trail, _strip_words, clean_pole
from fromto.transitions.lookalikes import _opens, _unquantified


def _source_core(text: str) -> str:
    """The short core of a source written before its verb (X变成Y): no governing verb, adverb or modal word.

    ``严格控制农业人口`` -> 农业人口, ``使农副产品更多更快地`` -> 农副产品, ``今后应逐步`` -> '' (nothing nominal),
    ``私营工业中的一部分`` -> 私营工业 (the whole, not the part).
    """
    text = text.strip(" 　")
    if _only_words(text, L.NOT_NOMINAL + L.GOVERN_LEAD + L.SUBJECT_LEAD):
        return ""  # 已经: stripping 已 as a lead word would leave 经
    m = None
    for m in L.CAUSATIVE.finditer(text):
        pass
    if m is not None and m.end() < len(text):
        text = text[m.end():]  # the causative's object is the source (我们要让农业转移人口逐步变为城镇居民)
    for _ in range(3):
        before = text
        text = _strip_words(text, L.GOVERN_LEAD + L.SUBJECT_LEAD + L.CLAUSE_LEAD, ())
        text = L.ADVERB_DI.sub("", text).lstrip(L.DE)
        text = _strip_trail(text, L.SOURCE_TRAIL + L.CLAUSE_LEAD)
        if text == before:
            break
    if _only_words(text, L.NOT_NOMINAL + L.GOVERN_LEAD + L.SUBJECT_LEAD):
        return ""
    m = None
    for m in L.GOVERN_INSIDE.finditer(text):
        pass
    if m is not None and m.start() > 0 and len(text) - m.end() >= 2 and text[m.end()] != L.DE:
        text = text[m.end():]  # …、鼓励和指导资本主义经济转变为Y: the object of the governing verb
    text = L.QUANTITY_HEAD.sub("", text)
    m = L.PARTITIVE_TAIL.match(text)
    if m and not L.PARTITIVE_ONLY.match(text):
        text = _clause_subject(_strip_trail(m.group(1), L.SOURCE_TRAIL + L.CLAUSE_LEAD)) or m.group(1)
    return _unquantified(text)


def _clause_subject(clause: str) -> str:
    """The noun phrase that opens a clause (原有私营商业在五年内经过改造 -> 原有私营商业), or ''."""
    m = L.SUBJECT_END.search(clause)
    head = clause[: m.start()] if m else clause
    head = _strip_words(head.strip(" 　"), L.SUBJECT_LEAD + L.GOVERN_LEAD, ())
    return head if 2 <= len(head) <= 16 and not L.PRONOUN_SOURCE.match(head) else ""


def _trim_target(tgt_raw: str, construction: str = "") -> str:
    """A target without what follows the pole: a head it modifies (…的最好形式, …的要求, …这个方向), a clause of
    time (改为银行贷款以后). Only the end is cut, so ``tgt_raw`` starts with the result. ``construction`` (an id of
    the registry) takes in the literal heads resources/transition_exceptions.tsv lists for it."""
    t = tgt_raw
    m = L.FRAME_VERB.search(t)
    if m and len(clean_pole(t[: m.start()])) >= 2:
        t = t[: m.start()]  # 把[X由A演变为B]作为首要任务: the frame's verb ends the target
    exception = registry.exceptions().get(("target_end", construction)) if construction else None
    for _ in range(2):
        m = L.TARGET_HEAD.search(t) or (exception.search(t) if exception else None)
        if m and len(clean_pole(t[: m.start()])) >= 2 and not _open_quote(t[: m.start()]):
            t = t[: m.start()]
    t = L.DIRECTIONAL_END.sub("", t)
    t = L.PLACE_DIRECTIONAL_END.sub(r"\1", t)
    return t


def _next_construction(s: str, j: int, end: int) -> int:
    """Where a target starting at ``j`` stops before a coordinated construction (防止X由A转为B、防止Y由C演变为D):
    the 、 after which the clause holds another opener or verb of becoming; ``end`` when there is none."""
    k = s.find("、", j, end)
    while k != -1:
        rest = s[k + 1: end]
        if L.BECOME_ANY_RE.search(rest) or L.OPENER_RE.search(rest) and any(
                _opens(s, q) for q in range(k + 1, end)):
            return k
        k = s.find("、", k + 1, end)
    return end


def _subject_before(s: str, i: int) -> str:
    """What changes: the noun phrase before position ``i`` in the same clause, or '' when none is stated."""
    start = _clause_start(s, i)
    text = s[start:i].strip(" 　、")
    # parallel constructions share the subject before the first opener (面貌从无到有、由弱到强)
    m = L.SUBJECT_OPENER.search(text)
    if m and m.start() > 0:
        text = text[: m.start()]
    if not text:
        return ""
    text = _strip_words(text, L.SUBJECT_LEAD, L.SUBJECT_TRAIL)
    text = _strip_words(text, L.SUBJECT_LEAD, L.SUBJECT_TRAIL)
    if text in L.SUBJECT_LEAD or text in L.SUBJECT_TRAIL or L.PRONOUN_SOURCE.match(text):
        return ""
    if len(text) > 16 or L.SUBJECT_PREPOSITION.search(text[1:]) and len(text) > 8:
        return ""
    return text
