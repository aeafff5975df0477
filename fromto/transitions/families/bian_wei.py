"""Verb-initial constructions: 变X为Y, 化X为Y, 转X为Y, 化X成Y, 汇X成Y, and quoted “X”变“Y”."""

from __future__ import annotations

from fromto.textio import QUOTE_PAIRS
from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _clause_start, _row, clean_pole
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _subject_before
from fromto.transitions.registry import matcher


# --- 变X为Y, 把X变成Y, X变成Y, “X”变“Y” ---------------------------------------------------------------------------


@matcher("free")
def _bian_x_wei_y(s: str) -> list[dict]:
    """变X为Y / 化X为Y / 转X为Y (and series of them)."""
    rows = []
    for m in L.VERB_FIRST_RE.finditer(s):
        i = m.start()
        ch = s[i]
        tag = L.VERB_FIRST_TAGS[ch]
        prev = s[i - 1] if i > 0 else ""
        if tag == "bian_wei":
            if prev in L.BIAN_NOT_AFTER or s[i + 1: i + 2] in L.BIAN_NOT_BEFORE:
                continue
        else:
            before = s[_clause_start(s, i): i]
            listed = prev == "、" and L.LISTED_SET_PHRASE.match(s[i + 1:])
            # 是化“听”为“行”: a quotation mark right after 化/转 shows they begin no word (化工, 转移)
            quoted = s[i + 1: i + 2] in QUOTE_PAIRS
            if before and not before.endswith(L.HUA_ALLOWED_BEFORE) and not listed and not quoted:
                continue  # after 、 only as a short set phrase in a list (…、化大公为小公、化公为私等), not 冶金、化工
            if s[i + 1: i + 2] in L.HUA_ZHUAN_NOT_BEFORE:
                continue
        end = _clause_end(s, i + 1)
        # the next item of a series begins after 、: stop there (变A为B、变C为D)
        limit = end
        for sep in L.SERIES_SEPARATORS:  # past i + 30 a separator cannot save the length tests below
            q = s.find(sep, i + 1, min(end, i + 30))
            if q != -1:
                limit = min(limit, q)
        # the last 为 of the item splits it, so a 为 inside an idiom of X stays in X (变各自为战为共同奋战)
        cands = [k for k in range(i + 2, min(limit, i + 2 + 16)) if s[k] == L.WEI and s[k - 1] not in L.WEI_NOT_AFTER]
        cands = [k for k in cands if k + 1 < limit and (s[k + 1] not in L.WEI_NOT_BEFORE
                                                         or s[k + 1: k + 3] in L.WEI_WORD_AFTER)]  # 以X为首, 为止
        cheng = L.HUA_CHENG_RE.match(s, i) if tag == "hua_wei" and not cands and prev != L.BIAN else None
        if not cands and not cheng:
            continue
        k = cheng.start(2) if cheng else cands[-1]
        src_raw = s[i + 1: k]
        tgt_end = cheng.end() if cheng else limit
        tgt_raw = s[k + 1: tgt_end]
        q = tgt_raw.find(L.DENG)
        if q >= 1 and tgt_raw[q - 1] not in L.DENG_NOT_AFTER:
            tgt_raw, tgt_end = tgt_raw[:q], k + 1 + q  # 化公为私等种种违法乱纪现象: the list ends at 等
        if tgt_raw[:1] in QUOTE_PAIRS:
            q = tgt_raw.find(QUOTE_PAIRS[tgt_raw[0]], 1)
            if q != -1 and tgt_raw[q + 1: q + 2] == L.DE:
                tgt_raw, tgt_end = tgt_raw[: q + 1], k + 2 + q  # 化“听”为“行”的行动力: 的 links the phrase to a noun
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or len(tgt_raw) > 20 or len(src_raw) > 16 or src == tgt:
            continue
        if L.VERB_FIRST_SOURCE_NOT.search(src) or _reject_reason(src, tgt) in ("time", "numeric", "same pole"):
            continue  # 转降为升 is a turn of trend (R1)
        rows.append(_row(tag, "", src_raw, tgt_raw, ch, i, tgt_end))
    return rows


@matcher("free")
def _gather_into(s: str) -> list[dict]:
    """汇X成Y (汇小溪成大河): the set phrase as a predicate, after a clause start or a modal (要, 能, 善于 …)."""
    rows = []
    for m in L.GATHER_CHENG_RE.finditer(s):
        before = s[_clause_start(s, m.start()): m.start()]
        if before and (not before.endswith(L.HUA_ALLOWED_BEFORE)
                       or len(before) >= 2 and before[-2:] in L.NOUN_ENDINGS):
            continue  # 外汇留成; 新动能积厚成势: 能 ends the noun 动能, so no modal opens the phrase
        src, tgt = m.group(2), m.group(3)
        if src == tgt or _reject_reason(src, tgt) in ("time", "numeric", "same pole"):
            continue
        rows.append(_row(L.GATHER_TAGS[m.group(1)], "", src, tgt, m.group(1), m.start(), m.end()))
    return rows


@matcher("free")
def _quoted_bian(s: str) -> list[dict]:
    """Bare “X”变“Y”: two quoted poles joined by 变, or by a verb of going or becoming (“穷村”走上了“富路”); and two
    short unquoted poles sharing their head, joined by 变 and alone in their clause or quotation (推动短板变长板,
    “荒坡变果园”)."""
    rows = []
    for m in L.QUOTED_BIAN_RE.finditer(s):
        src_raw = m.group(1) + m.group(2) + m.group(3)
        tgt_raw = m.group(4) + m.group(5) + m.group(6)
        if clean_pole(src_raw) == clean_pole(tgt_raw):
            continue
        rows.append(_row("quoted_bian", _subject_before(s, m.start()), src_raw, tgt_raw, L.QUOTED_BIAN_VERB, m.start(), m.end()))
    for m in L.QUOTED_TURN_RE.finditer(s):
        if any(r["start"] <= m.start() < r["end"] for r in rows):
            continue
        src_raw = m.group(1) + m.group(2) + m.group(3)
        tgt_raw = m.group(5) + m.group(6) + m.group(7)
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if src == tgt or _reject_reason(src, tgt) in ("time", "numeric", "same pole", "identical poles"):
            continue
        rows.append(_row("quoted_turn", _subject_before(s, m.start()), src_raw, tgt_raw, m.group(4), m.start(), m.end()))
    paired = list(L.PAIRED_BIAN_RE.finditer(s))
    for m in paired:
        # 推动短板变长板: two short poles sharing their head, joined by 变, alone in their clause after a causative;
        # in a series of such clauses (农民变股东，资源变资产) the series is the evidence, whatever the heads
        src, tgt = m.group("x"), m.group("y")
        if src[-1] != tgt[-1] and len(paired) < 2 or src == tgt or any(r["start"] <= m.start("x") < r["end"] for r in rows):
            continue
        if _reject_reason(src, tgt) in ("time", "numeric", "same pole", "identical poles"):
            continue
        rows.append(_row("paired_bian", "", src, tgt, L.QUOTED_BIAN_VERB, m.start("x"), m.end()))
    return rows


@matcher("free")
def _paired_become(s: str) -> list[dict]:
    """Two short poles sharing their head joined by 成为/成了, alone in their clause (危机可以成为新机, 短板成了长板):
    the shared head names one thing, the modifiers its two states. 成为 also gives a role (村民成为党员), so the
    shared head is required."""
    rows = []
    for m in L.PAIRED_BECOME_RE.finditer(s):
        src, tgt = m.group("x"), m.group("y")
        if src[-1] != tgt[-1] or src == tgt or src.endswith(L.PERSON_HEAD) and tgt.endswith(L.NEW_ROLE_HEAD):
            continue  # 党员成了网格员: people taking a role beside the one they keep (ruling N3)
        if _reject_reason(src, tgt) in ("time", "numeric", "same pole", "identical poles"):
            continue
        rows.append(_row("paired_become", "", src, tgt, m.group("v"), m.start("x"), m.end()))
    return rows
