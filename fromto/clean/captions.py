"""Rule ``photo-credit``: photo captions and credits the layout dropped into the text, moved to their own table."""

from __future__ import annotations

import re

from fromto.clean.chars import _HAN
from fromto.clean.lines import (_NAME, _NAME_RE, _ROLE, MAX_CAPTION_CHARS, ends_paragraph, is_lead,
                                looks_cut, parse_byline)
from fromto.clean.pieces import _Line, _Log


#: A photo credit at the end of a line: optional role, one or more names, 摄 (or 供图/制图), optional (agency).
_CREDIT_CORE = (
    "(?P<scope>(?:以上|本版|上|下|左|右)?图片?(?:均|皆)?为)?"
    f"(?P<role>{_ROLE})?\\s*(?P<names>{_NAME}(?:[、\\s]+{_NAME})*|[{_HAN}]{{2,12}}?)\\s*(?P<verb>摄影?|供图|制图)"
    f"(?:\\s*[（(](?P<agency>[^()（）]{{1,12}})[)）])?"
)
_CREDIT_ONLY_RE = re.compile(f"^{_CREDIT_CORE}$")
#: The source line printed under a chart or table (``数据来源：某某网站``): a line of its own, no sentence.
_SOURCE_RE = re.compile(r"^(?:数据|资料|图表)来源[：:]\s*(?P<source>[^。！？；;，,]{2,30})$")
#: A credit that names no photographer: a file photo (``资料图片``), photos supplied by the people interviewed
#: (``受访者提供``) or by a body, for one photo or for all those above (``以上图片均为受访者提供``).
_NO_NAME_CREDIT_RE = re.compile(r"^(?:资料图片|受访者提供|(?P<scope>(?:以上|本版)图片均?(?:为|由))[^。，,；;\s]{2,14}提供"
                                r"|图片由[^。，,；;\s]{2,14}提供)$")
_CREDIT_TAIL_RE = re.compile(f"^(?P<caption>.+?[。！？”])\\s*[（(]?{_CREDIT_CORE}[)）]?$")


def parse_credit(text: str) -> dict | None:
    """A photo credit line, alone (``王建华摄（人民视觉）``) or after its caption (``…。（本报记者徐烨摄）``), or a
    chart's source line (``数据来源：某某网站``: the source is its ``agency``, it takes no caption line).

    Returns ``caption`` ("" for a credit alone), ``credit``, ``photographer``, ``role`` and ``agency``, or None.
    """
    if len(text) > MAX_CAPTION_CHARS + 30:
        return None
    m = _SOURCE_RE.match(text.strip())
    if m:  # a chart's source line stands for its credit: the chart has no caption line of its own
        return dict(caption="", credit=text.strip(), photographer="", role="", agency=m.group("source"),
                    source=True)
    m = _NO_NAME_CREDIT_RE.match(text.strip())
    if m:  # a credit with no photographer: it takes the caption line above it as a named credit does
        return dict(caption="", credit=text.strip(), photographer="", role="", agency="",
                    scope=m.group("scope") or "")
    printed, text = text.strip(), re.sub(r"\s+", "", text)  # names in credits may be spaced out (王  浩摄)
    m = _CREDIT_ONLY_RE.match(text)
    caption = ""
    if not m:
        m = _CREDIT_TAIL_RE.match(text)
        if not m:
            return None
        caption = m.group("caption")
    names = (m.group("names") or "").strip()
    supplier = m.group("verb") == "供图" and re.fullmatch(f"[{_HAN}]{{2,12}}", names) is not None
    if (m.group("role") is None and not supplier
            and not _NAME_RE.match(names.split("、")[0].split()[0] if names else "")):
        # Without a role the credit must start with a plain name (keeps 拍摄/摄 inside prose out), or name the body
        # that supplied the photo (``某某街道供图``, ``某某市委组织部供图``): 供图 is a credit's word, not prose's
        return None
    credit = text[len(caption):] if caption else printed
    return dict(caption=caption, credit=credit, photographer="、".join(names.split()),
                role=m.group("role") or "", agency=m.group("agency") or "", scope=m.group("scope") or "")


def _caption_sentence(text: str) -> bool:
    """A caption as printed: one sentence ending in 。, no longer than a caption."""
    return (len(text) <= MAX_CAPTION_CHARS and text.endswith("。") and text.count("。") == 1
            and parse_byline(text) is None)


def _remove_captions(lines: list[_Line], log: _Log) -> tuple[list[_Line], list[dict]]:
    """Take photo credits and their captions out of the line stream (into caption records)."""
    keep: list[_Line] = []
    captions: list[dict] = []
    pending: list[int] = []
    for line in lines:
        credit = parse_credit(line.text)
        if credit is None:
            line.cut_before = pending
            pending = []
            keep.append(line)
            continue
        cap_line = None
        if not credit["caption"] and keep and not credit.get("source"):
            prev = keep[-1]
            fragment = not ends_paragraph(prev.text) and re.search(r"[，,、；;]", prev.text)
            if (len(prev.text) <= MAX_CAPTION_CHARS and not is_lead(prev.text) and parse_byline(prev.text) is None
                    and not fragment):
                cap_line = keep.pop()
        if cap_line is not None and credit.get("scope"):
            # a credit for a group of photos (``以上图片均为某某摄``) covers the captions printed together above it:
            # more one-sentence lines above the caption, taken where the group sits inside a paragraph cut short
            # (the line above the group stops mid-clause), so a complete paragraph is never taken for a caption
            k = len(keep)
            while (k > 1 and _caption_sentence(keep[k - 1].text)):
                k -= 1
            if k < len(keep) and looks_cut(keep[k - 1].text) and parse_byline(keep[k - 1].text) is None:
                for extra in keep[k:]:
                    captions.append(dict(caption=extra.text, credit=credit["credit"],
                                         photographer=credit["photographer"], role=credit["role"],
                                         agency=credit["agency"], raw_start=extra.piece.start,
                                         raw_end=extra.piece.end, _id=len(captions)))
                    log.add("caption_removed", extra.piece.start, extra.piece.end, extra.text, "", "photo-credit",
                            note="a caption covered by the group credit printed under the next caption: moved "
                                 "to the captions table")
                    pending.extend(extra.cut_before)
                    pending.append(len(captions) - 1)
                del keep[k:]
        cid = len(captions)
        caption = cap_line.text if cap_line else credit["caption"]
        start = cap_line.piece.start if cap_line else line.piece.start
        captions.append(dict(caption=caption, credit=credit["credit"], photographer=credit["photographer"],
                             role=credit["role"], agency=credit["agency"], raw_start=start,
                             raw_end=line.piece.end, _id=cid))
        before = f"{caption} / {credit['credit']}" if cap_line else line.text
        log.add("caption_removed", start, line.piece.end, before, "", "photo-credit",
                note="caption and credit moved to the captions table")
        if cap_line is not None:
            pending.extend(cap_line.cut_before)
        pending.append(cid)
    for i, line in enumerate(keep):
        line.index = i
    return keep, captions
