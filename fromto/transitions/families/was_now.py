"""A former state and a present one: 本来是X，现在成了Y and its relatives."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_start, _only_words, _row, clean_pole
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _trim_target
from fromto.transitions.registry import matcher


@matcher("claims")
def _was_now(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """本来是X，现在成了Y (过去是X，现在已经成为Y; 过去是X，现在是Y): the sentence states both the former and the present
    state."""
    rows = []
    for m in list(L.WAS_NOW_RE.finditer(s)) + list(L.WAS_BECAME_RE.finditer(s)):
        # 原本是X，在…推动下，被盘活改造，变身Y: a verb that names a change needs no word of now
        if any(a <= m.start() < b for a, b in taken):
            continue
        src_raw = L.ARTICLE_LEAD.sub("", m.group(1))
        tgt_raw = _trim_target(m.group(5))
        tgt_raw = L.ARTICLE_LEAD.sub("", L.LEADING_LE.sub("", tgt_raw))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt) or L.OPENER_RE.search(src):
            continue
        if m.re is L.WAS_BECAME_RE and (L.FORMER_EVENT.search(src) or m.group(3).strip() and not _only_words(
                m.group(3).strip(), L.NOT_NOMINAL + L.GOVERN_LEAD + L.SOURCE_TRAIL)):
            # 原来是他帮了忙，…变成Y: 原来 "it turns out" names an event, not a state; 原来是X，老人的家变成了Y: the
            # verb has a subject of its own, which is what changed
            continue
        rows.append(_row("was_now", "", src_raw, tgt_raw, m.group(4), m.start(),
                         m.start(5) + len(m.group(5))))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    for m in L.WAS_IS_NOW_RE.finditer(s):
        # 过去更多的是X，现在更多的是Y，这是一个根本的变化: both states stated with 是, a word of change beside them
        if any(a <= m.start() < b for a, b in taken):
            continue
        src_raw, tgt_raw = m.group("x"), _trim_target(m.group("y"))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt) or L.OPENER_RE.search(src):
            continue
        end = m.start("y") + len(tgt_raw)
        rest = s[: m.start()] + s[end:]
        if not any(w in rest for w in L.SUPPORT_VERBS):
            continue  # 以前X，现在Y with no word naming it a change is a contrast of two times (ruling N1)
        rows.append(_row("was_is_now", "", src_raw, tgt_raw, "", m.start(), end))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    for m in L.WAS_ATTR_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if not _only_words(s[_clause_start(s, m.start()): m.start()], L.ATTRIBUTIVE_SUBJECT_LEAD):
            continue  # the attributive must be the clause's subject (由于过去遭受X的统治，现在又… is a cause)
        src_raw, tgt_raw = m.group(1), L.FINAL_LE.sub("", m.group(3))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt):
            continue
        if not L.COMPLETED_NOW.search(s, m.end(2), m.end()):
            continue  # 过去需要层层上报的难题，现在能高效决策: a contrast of two times, nothing completed (ruling N1)
        rows.append(_row("was_attr", "", src_raw, tgt_raw, "", m.start(), m.start(3) + len(tgt_raw)))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    for m in L.WAS_NO_LONGER_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src, tgt = clean_pole(m.group(1)), clean_pole(m.group(2))
        if len(src) < 2 or _reject_reason(src, tgt) or L.OPENER_RE.search(src):
            continue
        rows.append(_row("was_no_longer", "", m.group(1), m.group(2), "", m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in list(L.WAS_THEN_RE.finditer(s)) + list(L.WAS_PAST_RE.finditer(s)) + list(L.WAS_MODIFIER_RE.finditer(s)):
        if any(a <= m.start() < b for a, b in taken):
            continue
        modifier = m.re is L.WAS_MODIFIER_RE
        src_raw = m.group(1)
        tgt_raw = m.group(4) if modifier else _trim_target(L.LEADING_LE.sub("", m.group(5)))
        if not modifier and L.DE not in src_raw and L.DE in tgt_raw[2:]:
            tgt_raw = tgt_raw[: tgt_raw.index(L.DE, 2)]  # 原来设计烧煤，以后改为烧油的电站: parallel to the source
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt) or L.OPENER_RE.search(src):
            continue
        verb = m.group(3) if modifier else m.group(4)
        end = m.end(4) if modifier else m.start(5) + len(tgt_raw)
        cid = "was_modifier" if modifier else ("was_then" if m.re is L.WAS_THEN_RE else "was_past")
        rows.append(_row(cid, "", src_raw, tgt_raw, verb, m.start(), end))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    return rows
