"""从X到Y and 由X到Y, with chains (再到, 进而) and the evidence a plain one needs."""

from __future__ import annotations

import re

from fromto.textio import QUOTE_PAIRS
from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _clause_start, _open_quote, _quotes_of, _row, clean_pole
from fromto.transitions.lexicon import CLAUSE_END, MAX_POLE
from fromto.transitions.lookalikes import _is_place, _reject_reason


#: How far past a target pole's start :func:`_target_end` looks. A pole longer than MAX_POLE is refused whatever
#: follows; the margin covers a change noun (的转变) trimmed off the last pole, so the result is the same as
#: scanning to the clause end, in time independent of the clause's length.
_TARGET_SCAN = MAX_POLE + 64


def _target_end(s: str, j: int) -> tuple[int, str | None]:
    """End of a target pole starting at ``j`` and the chain connector that follows it (or None)."""
    end = min(_clause_end(s, j), j + _TARGET_SCAN)
    for conn in L.TARGET_STOPS:
        k = s.find(conn, j + 1, end)
        if k != -1:
            end = min(end, k)  # 、从 opens a parallel 从X到Y, not part of this target
    # a copula closes the target: 从“要我学”到“我要学”是一个转变 (but not 但是, 还是, 是否 …)
    for k in range(j + 2, end):
        if s[k] == L.COPULA and s[k - 1] not in L.COPULA_NOT_AFTER and s[k + 1: k + 2] not in L.COPULA_NOT_BEFORE:
            end = k
            break
    # a chain continues after the clause boundary: ，再到 / ，进而 / ，到
    if end < len(s) and s[end] in CLAUSE_END:
        m = L.CHAIN_AFTER_BOUNDARY.match(s, end)
        if m:
            return end, m.group(1)
        return end, None
    m = L.CHAIN_AFTER.match(s, end)
    return end, (m.group(1) if m else None)

def _kinds_of_one_place(poles: list[str]) -> bool:
    """True when the poles share a head of two or more characters and differ before it (工业城市, 创新城市):
    kinds of one place, not two places."""
    k = 0
    while all(len(p) > k for p in poles) and len({p[-1 - k] for p in poles}) == 1:
        k += 1
    return k >= 2 and len({p[:-k] for p in poles}) == len(poles) and all(p[:-k] for p in poles)


def _ends_of_a_scale(a: str, b: str) -> bool:
    """True when two poles of one length differ in one character only and those two are the ends of a scale in space
    or order (SPATIAL_PAIRS: 线上, 线下; 区内, 区外): the range between them, not two states."""
    if len(a) != len(b) or len(a) < 2:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0] in L.SPATIAL_PAIRS


def _poor_to_better(poles: list[str]) -> bool:
    """True when two poles share their last character, the first named in a poor or former state and the second not
    (贫困村, 示范村): two states of one place, not two places."""
    a, b = poles[0], poles[-1]
    return len(poles) == 2 and a[-1:] == b[-1:] and bool(L.PRIOR_STATE_STRICT.search(a)) \
        and not L.PRIOR_STATE_STRICT.search(b)


def from_to_chain(o) -> tuple[list[dict], int] | None:
    """从X到Y after the opener, possibly a chain (see :class:`~fromto.transitions.families.opener.Opening`)."""
    s, i, opener, c0, c1 = o.s, o.i, o.opener, o.c0, o.c1
    subject, lead, lead_start = o.subject, o.lead, o.lead_start
    clause_end, comma_form, whole_sentence, parallel = o.clause_end, o.comma_form, o.whole_sentence, o.parallel
    # kind == "to": 从X到Y, possibly a chain
    poles = [(i + 1, clause_end if comma_form else c0)]
    pos = c1
    connectors = []
    while True:
        y_end, nxt = _target_end(s, pos)
        poles.append((pos, y_end))
        if nxt is None:
            break
        connectors.append(nxt)
        pos = y_end + (1 if s[y_end] in CLAUSE_END else 0) + len(nxt)
        if pos >= len(s) or len(poles) > 8:
            break
    # trim a change noun (的转变) or trailing predicate off the last pole
    nominal = ""
    last_s, last_e = poles[-1]
    m = None
    for k in range(last_s, last_e):
        mm = L.CHANGE_NOUN_RE.match(s, k)
        if mm and mm.end() >= last_e - 2:
            m = mm
            break
    nominal_len = 0
    if m:
        nominal = m.group(1)
        nominal_len = m.end() - m.start()
        poles[-1] = (last_s, m.start())
    raw = [s[a:b] for a, b in poles]
    steps = len(poles) - 1
    initial = bool(L.INITIAL_STATE.match(clean_pole(raw[0])))  # 从最初X，到Y: the first pole is a state held once
    if comma_form and steps < 2:
        # 从A，到B alone is a slogan's pair of moves (从群众中来，到群众中去) unless the sentence shows a change: both
        # poles quoted (figures of two states), the first a state held at first, or a word of change outside them
        outside = s[:i] + s[poles[-1][1]:]
        if not (all(_quotes_of(p) for p in raw) or initial or L.COMMA_CHANGE_RE.search(outside)):
            return None
    if any(len(p) > MAX_POLE for p in raw):
        return None
    clean = [clean_pole(p) for p in raw]
    if steps == 1 and not nominal and len(clean[0]) == 1 and raw[-1][:2] == clean[1][:1] + L.DE \
            and (clean[0], clean[1][:1]) in L.STATE_PAIRS:
        # 从无到有的过程: a set phrase of two state words modifying a noun; the noun is no part of the target
        poles[-1] = (poles[-1][0], poles[-1][0] + 1)
        raw[-1], clean[-1] = raw[-1][:1], clean[1][:1]
    elif steps == 1 and not nominal and len(clean[0]) == 1 and len(raw[-1]) > 1 and raw[-1][0] not in QUOTE_PAIRS \
            and ((clean[0], raw[-1][0]) in L.STATE_PAIRS or raw[-1][1] in QUOTE_PAIRS):
        # 从无到有做起来, 从强到优“三级跳”: a one-character set phrase runs into the verb or the quoted figure after it
        poles[-1] = (poles[-1][0], poles[-1][0] + 1)
        raw[-1], clean[-1] = raw[-1][:1], raw[-1][:1]
    end = poles[-1][1] + nominal_len
    after = s[poles[-1][1]:]
    # --- rejections that concern the whole phrase
    for k, (a, b) in enumerate(zip(clean, clean[1:])):
        why = _reject_reason(a, b)
        if why and not (why == "no source" and L.FULL_QUOTE.match(raw[k]) and L.FULL_QUOTE.match(raw[k + 1])):
            return None  # (从“有没有”到“好不好”: quoted question words are figures of two states, not questions)
    if L.DURATION_AFTER.match(s[c1:]) or L.DISTANCE_AFTER.match(after):
        return None
    tail = raw[-1][raw[-1].find(_quotes_of(raw[-1])[1:] or "\0") + 1:] if raw[-1][:1] in QUOTE_PAIRS else ""
    if any(L.SCOPE_IN_POLE.search(p[1:]) for p in clean[1:]) or L.SCOPE_AFTER.match(after) \
            or L.WHOLE_CHAIN.match(after) or L.WHOLE_CHAIN_OWNED.search(clean[-1]) \
            or L.WHOLE_CHAIN.search(tail[:8]) or not nominal and L.WHOLE_CHAIN.search(after[:12]):
        return None  # …到“最后一公里”衔接畅通 (or，服务无缝衔接): what follows the last pole spans the whole chain
    if not nominal and steps == 1 and tail[:1] == L.DE and len(tail) > 1 and not L.PROCESS_NOUN.match(tail, 1):
        # 凝聚起从“小家”到“大家”的力量: the quoted poles modify a noun, the reach of a thing, not a change (but …的过程,
        # …的历程 name the change itself)
        return None
    if any(L.MOTION_IN_POLE.search(p) and len(p) <= 6 for p in clean):
        return None
    if not nominal and not lead and steps == 1 and _ends_of_a_scale(clean[0], clean[1]):
        return None  # 从“线上”到“线下”: both ends of one scale, a range over it (ruling R3), not a change
    if not nominal and not lead and all(L.PROCESS_STEP_POLE.search(p) for p in clean):
        return None  # 从基槽施工到钢壳制造，再到沉管预制: the steps of one job, which all happen; nothing is replaced
    if not nominal and not lead and all(p.startswith(L.ACTION_LEAD) for p in clean) \
            and not any(_quotes_of(p) for p in raw) and not any(v in s[:i] + after for v in L.SUPPORT_VERBS):
        return None  # 从让先进者登台受奖到明确主攻方向再到研究部署工作: a meeting's agenda, acts done in turn (kind 1)
    if all(_is_place(p) for p in clean) and not (nominal and _kinds_of_one_place(clean)) \
            and not all(L.FULL_QUOTE.match(p) for p in raw) and not _poor_to_better(clean):
        return None  # 从城市到农村 is where; 从工业城市到创新城市的跨越 is what one city becomes; 从“小家”到“大家”:
        # the marks make the words figures (one's family, the community), not places
    if not nominal and not lead and sum(bool(L.ERA_POLE.search(p)) for p in clean) >= 2:
        return None  # 从建党的开天辟地，到改革开放的翻天覆地: history walked through by its eras, a span of time (kind 4)
    if not nominal and not lead and not any(_quotes_of(p) for p in raw) and L.IMPROVE_AFTER.match(s, end):
        return None  # 从A，到B，再到C，某省持续优化考核体系: the measures of a work in progress, listed (kind 1)
    # --- a plain one-step 从X到Y needs positive evidence
    if steps == 1 and not nominal and not lead:
        rest = whole_sentence[:i] + whole_sentence[end:]
        if any(_is_place(a) and _is_place(b) or a in L.SCOPE_WORDS and b in L.SCOPE_WORDS
               for a, b in L.SCOPE_PAIR_RE.findall(rest)):
            return None  # 从城市到农村，从生产力到生产关系，…都将发生变革: a series enumerating where, not what
        quoted = any(_quotes_of(p) for p in raw)
        # a heading may carry its column's name in brackets after it: 从“A”到“B”（前沿观察）
        headline = not re.sub(r"[\s“”‘’「」\"'，,。！？!?：:—…·]", "", s[:i] + L.COLUMN_TAG.sub("", s[end:]))
        # 从住有所居到居有所安: two four-character phrases on one frame (X有所Y) name two degrees of one state
        states = (clean[0], clean[1]) in L.STATE_PAIRS or len(clean[0]) == len(clean[1]) == 4 \
            and clean[0][1:3] == clean[1][1:3] and clean[0][-1] != clean[1][-1]  # not 上级组织, 下级组织: one head
        if states and not (quoted or headline) and L.SPAN_AFTER.match(s, end):
            return None  # 他从小到大，一直生活在村里: since childhood, a span of time, not a change of state
        # evidence must stand near the phrase (its clause and the clauses either side): a report sentence runs
        # through many clauses, and a change word three clauses away says nothing about this 从X到Y
        w0 = _clause_start(s, i)
        w0 = _clause_start(s, w0 - 1) if w0 > 0 else 0
        w1 = _clause_end(s, end)
        w1 = _clause_end(s, w1 + 1) if w1 < len(s) else len(s)
        near = s[w0:i] + s[end:w1]
        staged = any(w in near for w in L.STAGE_WORDS)
        # a series of parallel ones is its own evidence, for the first as for the later (从A到B，从C到D，…)
        followed = bool(L.PARALLEL_NEXT.match(s, end))
        supported = staged or parallel or followed or initial or any(v in near for v in L.SUPPORT_VERBS)
        if not (quoted or headline or states or supported):
            return None
        if (parallel or followed) and not (quoted or headline or states or staged or initial
                                           or any(v in near for v in L.SUPPORT_VERBS)):
            k = end  # the series is its only evidence: the clause after it may show it enumerates what is covered
            while L.PARALLEL_NEXT.match(s, k):
                k = _clause_end(s, L.PARALLEL_NEXT.match(s, k).end())
            if L.COUNT_AFTER.match(s, k):
                return None  # 从A到B，从C到D，100多个项目在这里集聚: a range of products or fields, then their count
        if len(raw[-1].split("、")) > 1 and not (quoted or states or supported):
            return None  # 从问题牵引到文本精读、比较分析…: a list of stages or parts that coexist, not one state
        if quoted and not (headline or states or supported) and any(w in s[end:w1] for w in L.CONTINUITY_WORDS):
            return None  # 从“A”到“B”，这里延续着热度: instances of one lasting state, listed
        items = raw[0].split("、")
        if staged and len(items) == 2 and not _open_quote(items[0]) and min(len(clean_pole(x)) for x in items) >= 2 \
                and not (len(items[1]) > len(items[0]) and items[1][len(items[0]) - 1] == items[0][-1]):
            # 从A、B到C under staged progress is two steps; 由低级、中级形式 (modifiers sharing a head) is one pole
            cut = poles[0][0] + len(items[0])
            poles = [(poles[0][0], cut), (cut + 1, poles[0][1])] + poles[1:]
            raw = [s[a:b] for a, b in poles]
            clean = [clean_pole(p) for p in raw]
            steps = len(poles) - 1
    if lead in L.ACHIEVE_LEADS:
        cid = "shixian_" + L.OPENER_TAGS[opener] + "_to"
        verb0 = nominal or lead.rstrip(L.LE)
    elif nominal:
        cid = L.OPENER_TAGS[opener] + "_to_noun"
        verb0 = nominal
    else:
        cid = L.OPENER_TAGS[opener] + "_to"
        verb0 = ""
    rows = []
    for n in range(steps):
        a0 = (lead_start if lead else i) if n == 0 else poles[n][0]
        b1 = poles[n + 1][1] + (nominal_len if n == steps - 1 else 0)
        rows.append(_row(cid, subject, raw[n], raw[n + 1], verb0, a0, b1))
    return rows, end
