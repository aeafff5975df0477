"""X向Y转变 without 从/由 (the 从X向Y branch lives here too)."""

from __future__ import annotations

import bisect

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import (
    _clause_end, _clause_start, _open_quote, _quotes_of, _row, _strip_words, clean_pole,
)
from fromto.transitions.lexicon import CLAUSE_END, MAX_POLE
from fromto.transitions.lookalikes import _is_place, _reject_reason
from fromto.transitions.registry import matcher


@matcher("claims")
def _bare_toward(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """X向Y转变 without 从/由: the source is the noun phrase before 向 in the same clause."""
    rows = []
    # The 向 are visited left to right and every span added below starts at or before the current 向, so "c lies in
    # a taken span" is "the spans starting at or before c reach past c" (a running maximum over the spans sorted by
    # start), and the 、 that ended a taken span are kept sorted: looking through all of taken for every 向 made a
    # long sentence of many constructions quadratic.
    spans = sorted(taken)
    n_seen, reach = 0, -1  # spans[:n_seen] start at or before c; reach: the furthest end among them
    comma_ends = sorted(b for _, b in taken if 0 <= b < len(s) and s[b] == "、")
    for m in L.XIANG.finditer(s):
        c = m.start()
        while n_seen < len(spans) and spans[n_seen][0] <= c:
            reach = max(reach, spans[n_seen][1])
            n_seen += 1
        if c < reach:
            continue
        prev = s[c - 1] if c > 0 else ""
        nxt = s[c + 1] if c + 1 < len(s) else ""
        if prev in L.XIANG_NOT_AFTER or nxt in L.XIANG_NOT_BEFORE:
            continue
        end = min(_clause_end(s, c + 1), c + 2 + MAX_POLE)  # a longer target is refused below anyway
        vm = None
        for k in range(c + 2, end):
            mm = L.BARE_TOWARD_RE.match(s, k)
            if mm and clean_pole(s[c + 1:k]) and not _open_quote(s[c + 1:k]):
                vm = mm
                break
        if vm is None or vm.group(1) and vm.group(2) not in L.CONVERSION_VERBS:
            continue  # the nominal 向Y的转变 keeps its subject elsewhere; 科技成果向现实生产力的转化 is a conversion
        c0 = _clause_start(s, c)
        j = bisect.bisect_left(comma_ends, c)
        if j and comma_ends[j - 1] >= c0:
            c0 = comma_ends[j - 1] + 1  # A向B转变、C向D转变: the next source starts after the previous construction
        src_raw = _strip_words(s[c0:c].strip(), L.BARE_TOWARD_SOURCE_LEAD,
                               L.SUBJECT_TRAIL)
        # 扎实推进X向Y转变: an adverb of manner before the governing verb goes with it
        src_raw = L.GOVERN_WITH_MANNER.sub("", src_raw)
        tgt_raw = s[c + 1: vm.start()]
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or len(src) > 15 or L.PRONOUN_SOURCE.match(src) or src in L.SUBJECT_LEAD or len(tgt_raw) > MAX_POLE:
            continue
        if L.OPENER_RE.search(src) or _reject_reason(src, tgt):
            continue
        if vm.group(2) not in L.CONVERSION_VERBS and not (set(src) & set(tgt)) - L.FUNCTION_CHARS \
                and not (_quotes_of(src_raw) and _quotes_of(tgt_raw)):
            # 对外贸易向优进优出转变, 高校向应用型转变: X is the thing that changes, not a state of it, so the
            # source is not stated; a change of kind within one kind shares its head (传统农业向现代农业转变)
            continue
        start = c - len(src_raw)
        rows.append(_row("bare_toward", "", src_raw, tgt_raw, vm.group(2), start, vm.end()))
        taken.append((start, vm.end()))
        reach = max(reach, vm.end())
        if vm.end() < len(s) and s[vm.end()] == "、":
            bisect.insort(comma_ends, vm.end())
    return rows


def from_toward(o) -> tuple[list[dict], int] | None:
    """从/由 X 向 Y + a change verb or 向 Y 的 + change noun, after :func:`~fromto.transitions.families.opener._from_family` found 向."""
    s, i, opener, c1, src_raw = o.s, o.i, o.opener, o.c1, o.src_raw
    subject, lead, lead_start = o.subject, o.lead, o.lead_start
    y_end_lim = min(_clause_end(s, c1), c1 + MAX_POLE + 1)  # a longer target is refused below anyway
    m = None
    for k in range(c1 + 1, y_end_lim):
        mm = L.TOWARD_RE.match(s, k)
        if not mm or not clean_pole(s[c1:k]) or _open_quote(s[c1:k]):
            continue
        after_v = s[mm.end(): mm.end() + 1]
        if len(mm.group(2)) == 1 and after_v and after_v not in CLAUSE_END and after_v != L.LE:
            continue  # a one-character verb (转, 变) must end the clause: 向Y转, not 向Y转型期
        m = mm
        break
    if m is None:
        return None
    tgt_raw = s[c1: m.start()]
    verb = m.group(2)
    nominal = bool(m.group(1))
    src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
    if len(tgt_raw) > MAX_POLE or _reject_reason(src, tgt):
        return None
    if verb in L.MOTION_VERBS | L.EXTEND_VERBS and (_is_place(src) or _is_place(tgt) or L.WHOLE_LEAD.match(tgt)
                                                or any(L.BUILDING_END.search(p) for p in (src, tgt))):
        return None  # 由行政村向自然村延伸, 由实验室向生产转移, 从城区向整个省城延伸: movement or coverage in space
    if verb in L.EXTEND_VERBS and not (_quotes_of(src_raw) or _quotes_of(tgt_raw)) \
            and any(L.DOMAIN_POLE.search(p) for p in (src, tgt)):
        return None  # 由经济领域向社会领域拓展: the scope widens over domains, nothing changes kind
    cid = L.OPENER_TAGS[opener] + ("_toward_noun" if nominal else "_toward_verb")
    row = _row(cid, subject, src_raw, tgt_raw, verb, lead_start if lead else i, m.end())
    return [row], m.end()
