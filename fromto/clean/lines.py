"""What kind of line is this: paragraph ends, cut paragraphs, leads, titles, column names, headings, bylines."""

from __future__ import annotations

import re

from fromto.clean.chars import _HAN, _HAN_RE, CLOSERS, PARAGRAPH_END


#: Roles printed in bylines and credits (本报记者, 新华社记者, 本报通讯员, 特约评论员, 见习记者 …).
_ROLE = r"(?:本报|新华社|人民日报|中新社|光明日报|经济日报|央视|人民网)?(?:特约|见习|首席|驻\S{1,4})?(?:记者|通讯员|评论员|撰稿人)"
_ROLE_RE = re.compile(f"^{_ROLE}$")
_ROLE_PREFIX_RE = re.compile(f"^({_ROLE})(.+)$")
#: A personal name: 2–4 Han characters, or a transcribed name with a middle dot.
_NAME = f"(?:[{_HAN}]{{2,4}}|[{_HAN}]{{1,8}}·[{_HAN}]{{1,8}})"
_NAME_RE = re.compile(f"^{_NAME}$")


#: Longest line that can be a title, heading line, caption or column name.
MAX_HEADING_CHARS = 40
MAX_COLUMN_CHARS = 10
MAX_SINGLE_HEADING_CHARS = 25
MAX_CAPTION_CHARS = 80


def ends_paragraph(text: str) -> bool:
    """True when ``text`` ends as a paragraph can end: a sentence mark or a colon, before any closing quotes.

    A final bracketed note is looked through (``……见效。（据新华社电）`` ends; ``为新世纪欢呼（图片）`` does
    not), and a line wholly in brackets (``（本报记者 张三）``) counts as ended.
    """
    t = text.rstrip()
    m = re.search(r"[（(][^（()）]*[）)]$", t)
    if m:
        if m.start() == 0:
            return True
        t = t[: m.start()].rstrip()
    t = t.rstrip(CLOSERS)
    return bool(t) and t[-1] in PARAGRAPH_END


def looks_cut(text: str) -> bool:
    """A paragraph that stops mid-sentence: no paragraph end, and either longer than a heading or holding
    clause punctuation (，；) that headings and titles rarely carry (``……磨刀石，确``)."""
    return not ends_paragraph(text) and (len(text) > MAX_HEADING_CHARS or bool(re.search(r"[，,；;]", text)))


def is_lead(text: str) -> bool:
    """A pre-title or section lead: a short line ending in —— (not a dash-led list item)."""
    return text.endswith("——") and not text.startswith("——") and 2 < len(text) <= MAX_HEADING_CHARS


def is_title_like(text: str) -> bool:
    """A line that can be a title or heading subtitle: short and not ended like a paragraph."""
    t = text.rstrip(CLOSERS)
    return (0 < len(text) <= MAX_HEADING_CHARS and not text.startswith("——") and not is_lead(text)
            and not (t and t[-1] in "。；;：:"))


def is_column_name(text: str) -> bool:
    """A column name (栏目) line: 2–10 Chinese characters, nothing else."""
    return 2 <= len(text) <= MAX_COLUMN_CHARS and all(_HAN_RE.match(c) for c in text)


def is_single_heading(text: str) -> bool:
    """A one-line heading inside a body: short, unterminated, without clause punctuation."""
    return (0 < len(text) <= MAX_SINGLE_HEADING_CHARS and is_title_like(text) and not ends_paragraph(text)
            and not re.search(r"[，、,；;：:。]", text))


def parse_byline(text: str) -> tuple[list[str], list[str]] | None:
    """``(names, roles)`` when the line is a byline, else None.

    A byline is made only of roles (本报记者, 新华社记者, 本报通讯员, 特约评论员 …) and names (2–4 Chinese
    characters, or transcribed names with ·), separated by spaces or 、; a role may be glued to a name
    (``本报记者吴储岐``) and a two-character name may be spaced out (``刘  毅``).
    ``本报记者 吴储岐`` -> (["吴储岐"], ["本报记者"]); ``郑健麟`` -> (["郑健麟"], []).
    """
    if not text or len(text) > MAX_HEADING_CHARS:
        return None
    names: list[str] = []
    roles: list[str] = []
    toks = [t for t in re.split(r"[\s、]+", text.strip()) if t]
    merged: list[str] = []
    for tok in toks:  # two-character names are often printed spaced out for alignment: 刘  毅
        if len(tok) == 1 and merged and len(merged[-1]) == 1 and _HAN_RE.match(tok) and _HAN_RE.match(merged[-1]):
            merged[-1] += tok
        else:
            merged.append(tok)
    for tok in merged:
        if len(tok) == 1:
            return None
        if _ROLE_RE.match(tok):
            roles.append(tok)
            continue
        m = _ROLE_PREFIX_RE.match(tok)
        if m and _NAME_RE.match(m.group(2)):
            roles.append(m.group(1))
            names.append(m.group(2))
            continue
        if _NAME_RE.match(tok):
            names.append(tok)
            continue
        return None
    if not names and not roles:
        return None
    if not roles and len(names) > 3:
        return None
    return names, roles
