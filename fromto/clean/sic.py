"""[sic] flags: apparent slips of the source are logged, never fixed (repeated chunks, hand-made overrides)."""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import pandas as pd

from fromto.clean.chars import _HAN
from fromto.clean.pieces import _Log


#: Known reduplications (ABAB verbs and adjectives, intensifiers): an immediate repetition of these is idiom.
KNOWN_REDUPLICATIONS = frozenset(
    "研究 讨论 商量 考虑 学习 休息 打扫 介绍 锻炼 活动 整理 检查 比划 琢磨 收拾 打听 溜达 放松 交流 体验 "
    "尝试 思考 了解 关心 帮助 看看 说说 走走 试试 雪白 通红 冰凉 笔直 碧绿 火红 漆黑 雪亮 冰冷 滚烫 很多 "
    "许多 好多 非常 特别 一定 哗啦 扑通 叮咚 咕噜 轰隆 嘀嗒".split()
)


def find_repeated_chunks(text: str) -> list[tuple[int, int, str]]:
    """Immediate repetitions of a 2–4 character Chinese chunk that are not known reduplications.

    Returns ``(start, end, chunk)`` for each (``要做实做细做细`` -> the span of ``做细做细``). Not flagged:
    chunks of one repeated character (哈哈哈哈), 一+measure patterns (一步一步, 一个人一个人) and the ABAB
    reduplications in :data:`KNOWN_REDUPLICATIONS` (研究研究, 雪白雪白).
    """
    out = []
    for m in re.finditer(f"([{_HAN}]{{2,4}})\\1", text):
        chunk = m.group(1)
        if chunk in KNOWN_REDUPLICATIONS or chunk.startswith("一") or len(set(chunk)) == 1:
            continue
        out.append((m.start(), m.end(), chunk))
    return out


@functools.lru_cache(maxsize=8)
def _overrides_table(path: str) -> pd.DataFrame:
    from fromto.textio import read_resource_csv

    if not Path(path).is_file():
        return pd.DataFrame(columns=["doc_sha256", "kind", "match", "reason"])
    return read_resource_csv(path)


@functools.lru_cache(maxsize=8)
def _override_digests(path: str) -> frozenset:
    return frozenset(_overrides_table(path)["doc_sha256"].tolist())


def load_overrides(path=None) -> pd.DataFrame:
    """The hand-made overrides table (``resources/cleaning_overrides.csv``): judgements no rule can make.

    Columns ``doc_sha256, kind, match, reason``. An empty table when the file is absent.
    """
    from fromto import paths

    return _overrides_table(str(path or paths.CLEANING_OVERRIDES)).copy()


def _apply_overrides(text: str, para_rows: list[dict], log: _Log, overrides: pd.DataFrame | None = None) -> None:
    """Flag, as [sic], the spans the overrides table names for this exact document (matched by sha256).

    Overrides only add log rows; they never change text. A ``match`` that is not found exactly once in the
    document's paragraphs is ignored (the table is about one known text, never a pattern).
    """
    if overrides is None:
        from fromto import paths

        overrides = _overrides_table(str(paths.CLEANING_OVERRIDES))  # read once per process
        digests = _override_digests(str(paths.CLEANING_OVERRIDES))
    else:
        digests = frozenset(overrides["doc_sha256"].tolist()) if len(overrides) else frozenset()
    if not digests:
        return
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest not in digests:
        return
    for o in overrides[overrides["doc_sha256"] == digest].to_dict("records"):
        if o["kind"] != "sic":
            continue
        hits = [(r, i) for r in para_rows for i in _find_all(r["_text"], o["match"])]
        if len(hits) != 1:
            continue
        r, i = hits[0]
        rs, re_ = r["_span"](i, i + len(o["match"]))
        log.add("sic", rs, re_, o["match"], o["match"], "override",
                note=f"[sic] {o['reason']} (resources/cleaning_overrides.csv); kept as printed",
                paragraph_id=r["paragraph_id"])


def _find_all(haystack: str, needle: str) -> list[int]:
    out, i = [], haystack.find(needle)
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out
