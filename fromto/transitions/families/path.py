"""A thing led from one road onto another: 把X从Y的道路拖到Z的道路上去."""

from __future__ import annotations

import re

from fromto.transitions.clauses import _row, clean_pole
from fromto.transitions.lexicon import MAX_POLE, _alts
from fromto.transitions.lookalikes import _is_place, _reject_reason
from fromto.transitions.sources import _JIANG_MODAL

# --- A thing led from one road onto another: 把X从Y的道路拖到Z的道路上去 -------------------------------------------------
#: 把/将 X 从 Y + a verb of leading or dragging + 到 Z: the thing is moved from one road, track or state to another,
#: which names a change of course (the report gold's policy: 把国家从X的道路拖到Y的道路上去 counts, modality aside). Both
#: poles must be roads, tracks or states (:data:`_PATH_POLE`): moving people, capacity or goods from one sector or
#: place to another (把劳动力从农业转到工业, 把物资从仓库运到工地) is relocation and is refused.
_LEAD_TO_VERBS = ["拖", "拉", "引", "带", "推", "领", "扭", "拨", "纳", "引导", "拉回", "拖回", "带回", "引回", "扭转"]
_MOVED_RE = re.compile(rf"[把将]([^，,。；;！？!?从]{{1,20}}?)从([^，,。；;！？!?]{{2,30}}?)({_alts(_LEAD_TO_VERBS)})到"
                       r"([^，,。；;！？!?]{2,40})")
_PATH_POLE = re.compile(r"(?:道路|路|轨道|轨|路线|方向|邪路|歧途|状态|境地|局面|阶段)$")


def _led_onto_path(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """把X从Y拖到Z上去 / 把X从Y引到Z的轨道上来: the roads or states Y and Z are the poles."""
    rows = []
    for m in _MOVED_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken) or m.group()[0] == "将" and m.group(1)[:1] in _JIANG_MODAL:
            continue
        src_raw = m.group(2)
        tgt_raw = re.sub(r"上?[去来]$", "", m.group(4))  # the road is the pole: no head is cut (的道路 stays)
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not (_PATH_POLE.search(src) and _PATH_POLE.search(tgt)) or _is_place(src) or _is_place(tgt) \
                or _reject_reason(src, tgt) or len(tgt_raw) > MAX_POLE:
            continue
        end = m.start(4) + len(tgt_raw)
        rows.append(_row("把X从Y引到Z", "", src_raw, tgt_raw, m.group(3) + "到", k, end))
        taken.append((k, end))
    return rows
