"""把X变成Y and X变成Y: the source stated before a verb of becoming."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _clause_start, _only_words, _quotes_of, _row, clean_pole
from fromto.transitions.families.opener import _find_connector
from fromto.transitions.lexicon import MAX_POLE
from fromto.transitions.lookalikes import _opens, _reject_reason
from fromto.transitions.poles import _clause_subject, _next_construction, _source_core, _trim_target
from fromto.transitions.registry import matcher
from fromto.transitions.sources import _previous_clause_source, _relative_source


@matcher("claims")
def _turn_into(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """把/将 X 变成 Y and X 变成 Y (source stated before the verb, in the same clause or the one before)."""
    rows = []
    last_ba = None  # (source, end of its target) of the last 把X V Y: 把X改组为Y，或改为Z shares X
    last_row = None  # (source, end of its target, start, after 把) of the last row: …或者直接变为Z shares X
    for m in L.TURN_RE.finditer(s):
        v0, v1 = m.start(), m.end()
        if any(a <= v0 < b for a, b in taken):
            continue
        verb = m.group()
        prev = s[v0 - 1] if v0 > 0 else ""
        if verb[0] == L.BIAN and prev in L.BIAN_NOT_AFTER:
            continue
        c0 = _clause_start(s, v0)
        passive = bool(L.PASSIVE_AGENT.fullmatch(s, c0, v0))  # 马克思的这句名言，被他化作教学准则
        if verb in L.HUA_VERBS and L.HAN_CHARACTER.match(prev) and not passive and not L.HEADING_HUA.fullmatch(s) \
                and not (verb in L.BA_HUA_VERBS and L.BA_MARKER.search(s, c0, v0) and prev not in L.HUA_WORD_BEFORE
                         and not L.WORD_AFTER_ZUO.match(s, v1)):
            # 化为 after a character is usually the end of a word (现代化为, 深化为); 转化为 is matched whole. After
            # 把/将 it is the verb (把学习感悟化为行动), unless the character before makes a verb in -化 (简化为,
            # 细化为) or 化作 is 化 + 作为/作出 (把数字化作为抓手, 变化作出)
            continue
        if verb in L.HUA_VERBS and L.HAN_CHARACTER.match(prev) and L.FRAME_AFTER_HUA.match(s, v1):
            continue  # 将数字化为乡村振兴赋能, 把规范化为主线: a word in -化, then 为 "for" or 以X为Y's frame
        if verb in L.ZHUAN_VERBS and prev in L.ZHUAN_NOT_AFTER:
            continue
        if verb[0] == L.GAI and prev in L.GAI_NOT_AFTER:  # 整改为主, 修改为 (a revision of wording)
            continue
        if verb.endswith(L.WEI) and L.EMPHASIS_AFTER_WEI.match(s[v1:]):
            continue  # 以X为主: a frame of emphasis, not a change
        for a, b in taken:
            if c0 <= b < v0 and s[b] == "、":
                c0 = b + 1  # A演变为B、C演变为D: the second source starts after the first construction
        before = s[c0:v0]
        from_before = False  # the source comes from the clause before
        tgt_end = _clause_end(s, v1)
        mo = L.OR_TURN_RE.search(s, v1 + 1, tgt_end)
        if mo:
            tgt_end = mo.start()  # 变为A、B或者直接变为C: the second verb has its own target
        tgt_end = _next_construction(s, v1, tgt_end)
        tgt_raw = _trim_target(s[v1:tgt_end])
        tgt_end = v1 + len(tgt_raw)
        # 把/将 X 变成 Y (将 as a modal, 将逐步转为, is not 把)
        mb = None
        for mm in L.BA_MARKER.finditer(before):
            mb = mm
        src_core = ""
        after_ba = False
        if mb is not None and mb.start() + 1 < len(before) and not (mb.group() == L.JIANG
                                                                    and before[mb.start() + 1] in L.JIANG_MODAL):
            src_core = _source_core(before[mb.start() + 1:])
            after_ba = bool(src_core)
        if not src_core:
            src_core = _source_core(before)
        if L.OR_END.search(before) and src_core:
            # 科研单位与企业联合、参加企业集团或转变为Y: verb phrases joined by 或 share the subject before them
            m = L.VP_START.search(src_core, 2)
            if m:
                src_core = src_core[: m.start()]
        start = s.rfind(src_core, c0, v0) if src_core else -1
        if after_ba:
            start = c0 + mb.start()  # the construction starts at 把/将
        if last_row and L.OR_TURN_RE.fullmatch(s, last_row[1], v1):
            # 变为A或者直接变为B: verbs joined by 或 share the source of the first
            src_core, start, after_ba = last_row[0], last_row[2], last_row[3]
        elif _relative_source(s, c0, before, tgt_raw):
            # 没有转为公私合营的资本主义工业: the verb of becoming modifies the noun after it, which is the source
            src_core, tgt_raw, offset = _relative_source(s, c0, before, tgt_raw)
            start, tgt_end = v0, v1 + offset
        elif L.PASSIVE_BARE.fullmatch(s, c0, v0):
            # X，正在进人、进设备，被改造成Y: a passive without its agent; its subject is the noun phrase of a clause
            # before, past clauses of predicates only (at most two)
            c, src_core, start = c0, "", -1
            for _ in range(3):
                src_core, start, after_ba = _previous_clause_source(s, c)
                if src_core or c == 0:
                    break
                c = _clause_start(s, c - 1)
            from_before = True
        elif passive or _only_words(L.LOCATIVE_END.sub("", before.strip(" 　")), L.NOT_NOMINAL + L.GOVERN_LEAD) and (
                not src_core or L.LOCATIVE_END.search(before)):
            # a clause of adverbs only, or of a passive agent only (X，被他化作Y): the source is the clause before
            if last_ba and last_ba[1] + 1 == c0:
                # 把X改组为Y，或改为Z: the source is shared with the construction before
                src_core, start, after_ba = last_ba[0], last_ba[2], True
            else:
                src_core, start, after_ba = _previous_clause_source(s, c0, bare=not before.strip(" 　"))
                from_before = True
        if verb in L.GROWTH_TURN_VERBS and not from_before:
            continue
        if verb in L.OWNER_VERBS and not L.OWNER_WORD.search(src_core):
            continue  # 改由地方自筹解决: no former owner or channel is stated
        if verb in L.BA_ONLY_VERBS and (clean_pole(src_core).endswith(L.MONEY_HEAD) or clean_pole(tgt_raw).endswith(L.MONEY_HEAD)):
            continue  # 把积蓄换成了书本: money exchanged for goods, or goods sold (ruling N7)
        if verb in L.STATE_NAMED_VERBS and not (L.PRIOR_STATE_WORD.search(clean_pole(src_core)) or
                                                  L.SMALL_LEAD.match(clean_pole(src_core)) or _quotes_of(src_core)):
            continue  # 他成长为骨干: growing into a role; 小作坊成长为龙头企业 names the small state it grew from
        if verb in L.BA_ONLY_VERBS and clean_pole(src_core).endswith(L.FOCUS_HEAD):
            continue  # 把目光转向基层: what is turned is attention or effort, and only where it goes is stated
        if verb in L.BA_ONLY_VERBS and not (after_ba and not from_before):
            continue  # 班子换成了新人: without 把 the verb exchanges or replaces people, it names no prior state
        if L.COORD_TURN_RE.fullmatch(verb) and not (after_ba and not from_before):
            continue  # 结构调整和改造成为重点: without 把 the joined verbs are the subject of 成为
        if L.COORD_TURN_RE.fullmatch(verb) and L.PLACE_UNIT.search(clean_pole(src_core)):
            continue  # 把天津港改造和建设成为Y: a place is an entity, not a kind of body
        if L.PARTITIVE_ONLY.match(src_core) and c0 > 0:
            # 原有私营商业…，将有半数上下转变为Y: the whole named at the head of the clause before
            whole = _clause_subject(s[_clause_start(s, c0 - 1): c0 - 1])
            src_core, start = whole, (s.rfind(whole, 0, c0) if whole else -1)
        src, tgt = clean_pole(src_core), clean_pole(tgt_raw)
        # “我”变成了“我们”: two quotations whole are figures (the self, the group), however short, never a reference
        figures = bool(L.FULL_QUOTE.match(src_core) and L.FULL_QUOTE.match(L.LEADING_LE.sub("", tgt_raw)))
        if (len(src) < 2 or L.PRONOUN_SOURCE.match(src)) and not figures or not tgt or len(src_core) > MAX_POLE \
                or len(tgt_raw) > MAX_POLE:
            continue
        if src in L.ENTITY_SOURCE or L.ENTITY_OWNED.match(src) or (len(src) <= 4 and L.REGION_END.search(src)
                                                                   and not L.PRIOR_STATE_STRICT.search(src)):
            continue  # a whole country or region is an entity, not a state (使中国变成…); a place named by its poor state (荒岛) is one
        if verb in L.ROLE_TAKING_VERBS and src.endswith(L.PERSON_HEAD) and tgt.endswith(L.NEW_ROLE_HEAD):
            continue  # 党员变身“网格员”: people taking on a role beside the one they keep, no former state (N3)
        if not after_ba and L.ATTENTION_TARGET.search(tgt):
            continue  # 老旧小区改造成为民生工程的重点: the place a thing takes in the work (改造 + 成为), no new state
        if L.BECOMING_IN_SOURCE.search(src):
            continue  # 把X建设成为A还是重新沦为B: the words before the verb are a predicate of becoming, not its source
        if L.DEMONSTRATIVE_PART.match(src):
            continue  # 这些阶级中间的大多数人已经改造成为Y: the group is named only by reference to an earlier sentence
        if _reject_reason(src, tgt) in ("time", "numeric", "identical poles", "same pole", "no source", "money", "locative",
                                    "content into a form") \
                or L.RELOCATED_PEOPLE.search(src):
            continue
        if L.OPENER_RE.search(src) and any(
                _opens(src_core, q)
                and _find_connector(src_core + s[v0:v1], q + 1, len(src_core) + len(verb), src_core[q])
                for q in range(len(src_core))):
            continue  # 从/由 … + connector inside the source: the 从/由 family has judged this phrase
        if L.DE not in src and len(tgt) > len(src) and tgt.endswith(src) and tgt[: -len(src)].endswith(L.DE):
            continue  # 把计划变成群众自觉的计划: a bare thing and a kind of it, so no prior state is stated (R6)
        if not after_ba and len(src) > (24 if L.DE in src else 16):
            continue
        if verb[0] == L.GAI and (c0 >= 2 and s[c0 - 2] in L.LIST_CONTEXT_END or L.NAME_WORD.search(before + tgt)
                                 or L.FULL_QUOTE.match(src_core) and L.FULL_QUOTE.match(tgt_raw)):
            continue  # replacing an item of a list (…中，把A改为B) or renaming (把“A”改成“B”: two labels)
        cid = "ba_turn" if after_ba else "x_turn"
        start = start if start >= 0 else c0
        rows.append(_row(cid, "", src_core, tgt_raw, verb, start, tgt_end))
        md = L.DEMONSTRATIVE_NP.match(src)
        if md:
            rows[-1]["demonstrative"] = md.group("head")  # 把这份优势转化为Y: resolved in the sentence before, if it can be
        taken.append((start, tgt_end))
        last_row = (src_core, tgt_end, start, after_ba)
        if after_ba:
            last_ba = (src_core, _clause_end(s, tgt_end), start)
    return rows
