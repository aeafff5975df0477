"""Substitution and a new course: 用Y代替X, 改变X而代之以Y, 经过X过渡到Y."""

from __future__ import annotations

import re

from fromto.transitions.clauses import _clause_end, _clause_start, _row, clean_pole
from fromto.transitions.lexicon import MAX_POLE, PRONOUN_SOURCE, _EMPHASIS_RE
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _next_construction, _trim_target

# --- Substitution and stages: 用Y代替X, 离开X而转向Y, 经过X，逐步过渡到Y ------------------------------------------------
#: 用/以 Y (来) 代替/取代 X: the thing replaced is the source, its replacement the target (a substitution with one
#: construction counts). 用/以 must be a preposition, not the end of a word (使用, 利用, 所以, 可以, 加以 …).
_SUBST_VERB_RE = re.compile(r"(?:代替|取代|替代)了?")
_YONG_NOT_AFTER = set("使利作采应费运试雇引适挪动专实通信享录征启选占沿借调聘租食军民商公自日惯善任效功大重有无启"
                      "起备续耐适混合共兼并常")
_YI_NOT_AFTER = set("所可加予难得借用足是何藉据给赖无之与有")
#: 改变/离开/摆脱 X，而代之以/转向 Y: one construction that leaves a state and takes another (改变X而代之以Y).
_LEAVE_FOR_RE = re.compile(
    r"(?:改变|废除|废弃|取消|抛弃|放弃|摆脱|离开|告别|打破)([^，,。；;！？!?而]{2,30}?)[，,]?而(?:逐步|逐渐|要|应)?"
    r"(代之以|转向|走向|转到|改为|转为|转变为)([^，,。；;！？!?]{2,36})")
#: 改变X的做法，逐步转到Y上来/方面来: leaving a practice and shifting onto another in the next clause. Without 而 the
#: shift must be the construction of a new focus or track (转到…上来, 转到…方面来, 转到…的轨道上来), which names
#: where the work now goes instead of where it was, and X must be a practice (…的做法/办法/方式, 把精力放在X上面的
#: 做法); 改变X，建立Y (two verbs, no construction) stays out.
_LEAVE_FOR_TRACK_RE = re.compile(
    r"(?:改变|摆脱|改掉|放弃|扭转)([^，,。；;！？!?]{2,40}?)[，,](?:并且|并|要|应|逐步|逐渐|切实|真正|尽快|进一步|坚决)*"
    r"(转到|转移到)([^，,。；;！？!?]{2,48}?)(?:的?(?:轨道|路子|道路))?(?:上|方面)来")
#: A former practice named by where the effort was put (把主要精力放在X上面的做法): X is the state left.
_FORMER_FOCUS = re.compile(r"(?:放在|集中在|局限于|停留在)([^，,]{2,}?)上(?:面)?的(?:做法|办法|作法|方式|状况|局面|倾向)$")
_FORMER_LEAD = re.compile(r"^(?:过去|以往|原来|原先|长期以来)?(?:那种|这种|那些|这些|一些)?")
_PRACTICE_TAIL = re.compile(r"的(?:做法|办法|作法|方式|状况|局面|倾向)$")
#: 经过 X，(…，) 逐步过渡到 Y: a stage passed through and the stage reached (经过低级的合作形式，逐步地过渡到较高级的合作形式).
_VIA_STAGE_RE = re.compile(
    r"经过([^，,。；;！？!?]{2,20})[，,](?:[^，,。；;！？!?]{0,16}[，,])?(?:而后|然后|再|并|才|逐步|逐渐|地)*过渡到"
    r"([^，,。；;！？!?]{2,30})")
#: What one goes through that is an effort, a time or a process, not a stage (经过几年的努力，过渡到…).
_NOT_STAGE = re.compile(r"(?:努力|奋斗|斗争|工作|劳动|改革|改造|调整|整顿|整理|时间|时期|过程|实践|试点|试验|讨论|协商|准备|"
                        r"学习|教育|建设|发展|年)$")
_DEMONSTRATIVE_LEAD = re.compile(r"^(?:这种|这些|那种|那些|各种|各类|种种|一条|一种|一个|这一|那一)")


def _substitution(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """用Y代替X, 改变X而代之以Y / 离开X而转向Y, 经过X，逐步过渡到Y."""
    rows = []
    if "代" in s:
        for m in _SUBST_VERB_RE.finditer(s):
            v0, v1 = m.start(), m.end()
            c0 = _clause_start(s, v0)
            k = next((q for q in range(v0 - 3, c0 - 1, -1) if s[q] in "用以" and not (
                q > 0 and s[q - 1] in (_YONG_NOT_AFTER if s[q] == "用" else _YI_NOT_AFTER))
                and s[q + 1: q + 2] not in set("及便免后来前上下下内外为") | {""}), None)
            if k is None or any(a <= k < b for a, b in taken):
                continue
            repl_raw = re.sub(r"来$", "", s[k + 1: v0])
            if _EMPHASIS_RE.search(s[k: v0]) or s[v0 - 1] in "和与及、":
                continue  # 以X为主的城市发展接续和替代产业: a frame of emphasis, and 替代 modifying a noun
            end = _next_construction(s, v1, _clause_end(s, v1))
            old_raw = s[v1: end]
            mm = re.search(r"(?:必须|应该|应当|必将|势必|已经|终将)", old_raw)
            if mm and mm.start() >= 2:
                old_raw = old_raw[: mm.start()]  # 用Y代替X的主张必须实现: the predicate of the whole phrase
            old_raw = _trim_target(old_raw)
            src, tgt = clean_pole(_DEMONSTRATIVE_LEAD.sub("", old_raw)), clean_pole(_DEMONSTRATIVE_LEAD.sub("", repl_raw))
            if len(src) < 2 or len(tgt) < 2 or PRONOUN_SOURCE.match(src) or PRONOUN_SOURCE.match(tgt) \
                    or len(old_raw) > MAX_POLE or len(repl_raw) > MAX_POLE or _reject_reason(src, tgt):
                continue
            rows.append(_row("用Y代替X", "", old_raw, repl_raw, m.group().rstrip("了"), k, v1 + len(old_raw)))
            taken.append((k, v1 + len(old_raw)))
    if "而" in s:
        for m in _LEAVE_FOR_RE.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            src_raw, tgt_raw = m.group(1), _trim_target(m.group(3))
            src, tgt = clean_pole(_DEMONSTRATIVE_LEAD.sub("", src_raw)), clean_pole(_DEMONSTRATIVE_LEAD.sub("", tgt_raw))
            if len(src) < 2 or len(tgt) < 2 or PRONOUN_SOURCE.match(src) or _reject_reason(src, tgt):
                continue
            rows.append(_row("改变X而代之以Y", "", src_raw, tgt_raw, m.group(2), m.start(), m.start(3) + len(tgt_raw)))
            taken.append((m.start(), m.start(3) + len(tgt_raw)))
    if "转到" in s or "转移到" in s:
        for m in _LEAVE_FOR_TRACK_RE.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            src_raw = _FORMER_LEAD.sub("", m.group(1))
            mf = _FORMER_FOCUS.search(src_raw)
            if not (mf or _PRACTICE_TAIL.search(src_raw)):
                continue  # 改变落后面貌，转到建设上来: a state to be changed and a new task, not a practice left
            src_raw = mf.group(1) if mf else _PRACTICE_TAIL.sub("", src_raw)
            tgt_raw = m.group(3)
            src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
            if len(src) < 2 or len(tgt) < 2 or len(tgt_raw) > MAX_POLE or PRONOUN_SOURCE.match(src) \
                    or _reject_reason(src, tgt):
                continue
            rows.append(_row("改变X而代之以Y", "", src_raw, tgt_raw, m.group(2), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if "过渡到" in s:
        for m in _VIA_STAGE_RE.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            src_raw, tgt_raw = _DEMONSTRATIVE_LEAD.sub("", m.group(1)), _trim_target(m.group(2))
            src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
            if len(src) < 2 or len(tgt) < 2 or _NOT_STAGE.search(src) or _reject_reason(src, tgt):
                continue
            rows.append(_row("经过X过渡到Y", "", src_raw, tgt_raw, "过渡到", m.start(), m.start(2) + len(tgt_raw)))
            taken.append((m.start(), m.start(2) + len(tgt_raw)))
    return rows
