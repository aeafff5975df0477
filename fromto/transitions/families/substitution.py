"""Substitution and a new course: 用Y代替X, 以Y代X, 改变X而代之以Y, 经过X过渡到Y."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_end, _clause_start, _only_words, _row, _strip_trail, clean_pole
from fromto.transitions.lexicon import MAX_POLE
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _next_construction, _trim_target
from fromto.transitions.registry import matcher


@matcher("claims")
def _substitute(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """用/以 Y (来) 代替/取代 X: the thing replaced is the source, its replacement the target."""
    rows = []
    for m in L.SUBST_VERB_RE.finditer(s):
        v0, v1 = m.start(), m.end()
        c0 = _clause_start(s, v0)
        k = next((q for q in range(v0 - 3, c0 - 1, -1) if s[q] in L.SUBST_PREPOSITIONS and not (
            q > 0 and s[q - 1] in (L.YONG_NOT_AFTER if s[q] == L.YONG else L.YI_NOT_AFTER))
            and s[q + 1: q + 2] not in L.SUBST_NOT_BEFORE and q + 1 < len(s)), None)
        if k is None or any(a <= k < b for a, b in taken):
            continue
        repl_raw = L.LAI_END.sub("", s[k + 1: v0])
        if L.EMPHASIS_RE.search(s[k: v0]) or s[v0 - 1] in L.NOUN_COORDINATORS:
            continue  # 以X为主的城市发展接续和替代产业: a frame of emphasis, and 替代 modifying a noun
        end = _next_construction(s, v1, _clause_end(s, v1))
        old_raw = s[v1: end]
        mm = L.MODAL_PREDICATE.search(old_raw)
        if mm and mm.start() >= 2:
            old_raw = old_raw[: mm.start()]  # 用Y代替X的主张必须实现: the predicate of the whole phrase
        old_raw = _trim_target(old_raw)
        src, tgt = clean_pole(L.DEMONSTRATIVE_LEAD.sub("", old_raw)), clean_pole(L.DEMONSTRATIVE_LEAD.sub("", repl_raw))
        if len(src) < 2 or len(tgt) < 2 or L.PRONOUN_SOURCE.match(src) or L.PRONOUN_SOURCE.match(tgt) \
                or len(old_raw) > MAX_POLE or len(repl_raw) > MAX_POLE or _reject_reason(src, tgt):
            continue
        rows.append(_row("yong_daiti", "", old_raw, repl_raw, m.group().rstrip(L.LE), k, v1 + len(old_raw)))
        taken.append((k, v1 + len(old_raw)))
    return rows


@matcher("free")
def _short_substitute(s: str) -> list[dict]:
    """以“Y”代“X”, the short form with quoted poles (以“痕迹”代“实绩”): Y put in the place of X, the phrase ending its
    clause or item; 以 must be a preposition (not 所以, 可以, 予以 …). Unquoted, the short form is mostly the
    lexicalised name of a policy (以工代赈, 以奖代补), which is not counted. And Y代替X with two short nouns alone in
    their clause or item (口号代替行动)."""
    rows = []
    for m in L.SHORT_SUBST_RE.finditer(s):
        k = m.start()
        if k > 0 and s[k - 1] in L.YI_NOT_AFTER:
            continue
        src, tgt = clean_pole(m.group("x")), clean_pole(m.group("y"))
        if src == tgt or _reject_reason(src, tgt) or L.PRONOUN_SOURCE.match(src) or L.PRONOUN_SOURCE.match(tgt):
            continue
        rows.append(_row("yi_dai", "", m.group("x"), m.group("y"), s[m.end("y")], k, m.end()))
    for m in L.BARE_SUBST_RE.finditer(s):
        # 外行指挥内行、口号代替行动: two short nouns alone in their item, Y in the place of X
        src, tgt = clean_pole(m.group("x")), clean_pole(m.group("y"))
        if src == tgt or _reject_reason(src, tgt) or L.PRONOUN_SOURCE.match(src) or L.PRONOUN_SOURCE.match(tgt) \
                or _strip_trail(tgt, L.SOURCE_TRAIL) != tgt or _only_words(tgt, L.NOT_NOMINAL):
            continue  # 逐步代替X, 中药不能代替X: an adverb or a modal, not a noun, before the verb
        rows.append(_row("bare_subst", "", m.group("x"), m.group("y"), m.group("v"), m.start(), m.end()))
    return rows


@matcher("claims")
def _leave_for(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """改变/离开/摆脱 X，而代之以/转向 Y: one construction that leaves a state and takes another."""
    rows = []
    for m in L.LEAVE_FOR_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src_raw, tgt_raw = m.group(1), _trim_target(m.group(3))
        src, tgt = clean_pole(L.DEMONSTRATIVE_LEAD.sub("", src_raw)), clean_pole(L.DEMONSTRATIVE_LEAD.sub("", tgt_raw))
        if len(src) < 2 or len(tgt) < 2 or L.PRONOUN_SOURCE.match(src) or _reject_reason(src, tgt):
            continue
        rows.append(_row("leave_for", "", src_raw, tgt_raw, m.group(2), m.start(), m.start(3) + len(tgt_raw)))
        taken.append((m.start(), m.start(3) + len(tgt_raw)))
    return rows


@matcher("claims")
def _leave_for_track(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """改变X的做法，逐步转到Y上来: leaving a practice for a new focus or track in the next clause."""
    rows = []
    for m in L.LEAVE_FOR_TRACK_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src_raw = L.FORMER_LEAD.sub("", m.group(1))
        mf = L.FORMER_FOCUS.search(src_raw)
        if not (mf or L.PRACTICE_TAIL.search(src_raw)):
            continue  # 改变落后面貌，转到建设上来: a state to be changed and a new task, not a practice left
        src_raw = mf.group(1) if mf else L.PRACTICE_TAIL.sub("", src_raw)
        tgt_raw = m.group(3)
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(src) < 2 or len(tgt) < 2 or len(tgt_raw) > MAX_POLE or L.PRONOUN_SOURCE.match(src) \
                or _reject_reason(src, tgt):
            continue
        rows.append(_row("leave_for_track", "", src_raw, tgt_raw, m.group(2), m.start(), m.end()))
        taken.append((m.start(), m.end()))
    return rows


@matcher("claims")
def _via_stage(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """经过 X，(…，) 逐步过渡到 Y: a stage passed through and the stage reached."""
    rows = []
    for m in L.VIA_STAGE_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src_raw, tgt_raw = L.DEMONSTRATIVE_LEAD.sub("", m.group(1)), _trim_target(m.group(2))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(src) < 2 or len(tgt) < 2 or L.NOT_STAGE.search(src) or _reject_reason(src, tgt):
            continue
        rows.append(_row("via_stage", "", src_raw, tgt_raw, L.VIA_STAGE_VERB, m.start(), m.start(2) + len(tgt_raw)))
        taken.append((m.start(), m.start(2) + len(tgt_raw)))
    return rows
