"""A thing led from one road onto another: 把X从Y的道路拖到Z的道路上去."""

from __future__ import annotations

from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _row, clean_pole
from fromto.transitions.lexicon import MAX_POLE
from fromto.transitions.lookalikes import _is_place, _reject_reason
from fromto.transitions.registry import matcher


# --- A thing led from one road onto another: 把X从Y的道路拖到Z的道路上去 -------------------------------------------------


@matcher("claims")
def _led_onto_path(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """把X从Y拖到Z上去 / 把X从Y引到Z的轨道上来: the roads or states Y and Z are the poles."""
    rows = []
    for m in L.MOVED_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken) or m.group()[0] == L.JIANG and m.group(1)[:1] in L.JIANG_MODAL:
            continue
        src_raw = m.group(2)
        tgt_raw = L.PATH_DIRECTIONAL_END.sub("", m.group(4))  # the road is the pole: no head is cut (的道路 stays)
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not (L.PATH_POLE.search(src) and L.PATH_POLE.search(tgt)) or _is_place(src) or _is_place(tgt) \
                or _reject_reason(src, tgt) or len(tgt_raw) > MAX_POLE:
            continue
        end = m.start(4) + len(tgt_raw)
        rows.append(_row("led_onto_path", "", src_raw, tgt_raw, m.group(3) + L.LED_TO_CONNECTOR, k, end))
        taken.append((k, end))
    return rows
