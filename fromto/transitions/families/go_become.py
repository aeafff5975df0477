"""从/由 X 走向/转向/转为/变为/过渡到 … Y, with chains of going over clauses (由A，转向B，走向C)."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _row, clean_pole
from fromto.transitions.lexicon import MAX_POLE
from fromto.transitions.lookalikes import _is_place, _reject_reason
from fromto.transitions.poles import _next_construction, _trim_target


def from_go_become(o) -> tuple[list[dict], int] | None:
    """A verb of going or becoming after the 从/由 opener (see :class:`~fromto.transitions.families.opener.Opening`)."""
    s, i, opener, kind, c1, verb, src_raw = o.s, o.i, o.opener, o.kind, o.c1, o.verb, o.src_raw
    subject, lead, lead_start = o.subject, o.lead, o.lead_start
    cid = L.OPENER_TAGS[opener] + ("_go" if kind == "go" else "_become")
    y_end = _next_construction(s, c1, _clause_end(s, c1))
    tgt_raw = _trim_target(s[c1:y_end], cid)
    q = src_raw.rfind(L.DE)
    if kind == "become" and q >= 2 and len(tgt_raw) >= 2 and src_raw[q - 2: q] == tgt_raw[-2:]:
        src_raw = src_raw[:q]  # 原由行署管理的企业改由所在市、县管理: the poles are parallel, the noun is what changed
    y_end = c1 + len(tgt_raw) if s[c1:c1 + len(tgt_raw)] == tgt_raw else y_end
    src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
    if len(tgt_raw) > MAX_POLE or _reject_reason(src, tgt):
        return None
    if L.DURATION_AFTER.match(s[c1:]):
        return None
    if verb in L.REACH_VERBS and (_is_place(tgt) or L.WHOLE_LEAD.match(tgt)):
        return None  # 由试点发展到全省: the coverage grows, nothing changes kind
    rows = [_row(cid, subject, src_raw, tgt_raw, verb, lead_start if lead else i, y_end)]
    # 由A，转向B，走向C: the next clause opens with a verb of going, so its target is the next step of a chain
    while len(rows) < 8 and y_end < len(s) and s[y_end] in "，,":
        mc = L.CHAIN_GO_RE.match(s, y_end)
        if not mc:
            break
        n_end = _next_construction(s, mc.end(), _clause_end(s, mc.end()))
        n_raw = _trim_target(s[mc.end():n_end], cid)
        n = clean_pole(n_raw)
        if len(n_raw) > MAX_POLE or _reject_reason(rows[-1]["target"], n) or _is_place(n) or n in L.ENTITY_SOURCE:
            break  # 从封闭走向开放，走向世界: going out into a place is movement, not a next state
        rows.append(_row(cid, subject, tgt_raw, n_raw, mc.group(1), c1, mc.end() + len(n_raw)))
        c1, tgt_raw, y_end = mc.end(), n_raw, mc.end() + len(n_raw)
    return rows, y_end
