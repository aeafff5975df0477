"""What kind of line is this: paragraph ends, cut paragraphs, leads, titles, column names, headings, bylines."""

from __future__ import annotations

import re

from fromto.clean.chars import CLOSERS, PARAGRAPH_END, _HAN, _HAN_RE


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


#: A signature after a note's last sentence: ``……。——编  者``, ``……！——编者``.
_SIGNATURE_RE = re.compile(f"[。！？!?…][{CLOSERS}]*——[\\s\u3000]*[{_HAN}](?:[\\s\u3000]*[{_HAN}]){{1,3}}$")


def ends_paragraph(text: str) -> bool:
    """True when ``text`` ends as a paragraph can end: a sentence mark or a colon, before any closing quotes.

    A signature after the last sentence (``……。——编  者``) ends it too. A final bracketed note is looked through (``……见效。（据新华社电）`` ends; ``为新世纪欢呼（图片）`` does
    not), and a line wholly in brackets (``（本报记者 张三）``) counts as ended.
    """
    t = text.rstrip()
    if _SIGNATURE_RE.search(t):  # ……。——编  者: a note signed after its last sentence
        return True
    if _wholly_bracketed(t):  # a note wholly in brackets, brackets inside it too (``（作者单位：某某（某某）某某）``)
        return True
    m = re.search(r"[（(][^（()）]*[）)]$", t)
    if m:
        if m.start() == 0:
            return True
        t = t[: m.start()].rstrip()
    t = t.rstrip(CLOSERS)
    return bool(t) and t[-1] in PARAGRAPH_END


def _wholly_bracketed(text: str) -> bool:
    """The line is one bracketed note: its first bracket opens at the start and closes at the very end."""
    if not text or text[0] not in "（(" or text[-1] not in "）)":
        return False
    depth = 0
    for k, c in enumerate(text):
        depth += c in "（("
        depth -= c in "）)"
        if depth == 0:
            return k == len(text) - 1
    return False


def looks_cut(text: str) -> bool:
    """A paragraph that stops mid-sentence: no paragraph end, and either longer than a heading, holding
    clause punctuation (，；) that headings and titles rarely carry (``……磨刀石，确``), or ending in a comma or
    an enumeration comma (a line broken inside a list: ``……统筹组织、``)."""
    return (not ends_paragraph(text) and not ends_in_dash(text)
            and (len(text) > MAX_HEADING_CHARS or bool(re.search(r"[，,；;]", text))
                 or text.rstrip()[-1:] in ("、", "，", ",")))


def ends_in_dash(text: str) -> bool:
    """A line ending in a dash (—— or PKU's ———): it leads on to what follows, as a colon does, so a
    paragraph ending so is complete, not cut (``……这些村为何不负债呢———``)."""
    return text.rstrip(CLOSERS).endswith("——")


def is_lead(text: str) -> bool:
    """A pre-title or section lead: a short line ending in —— (not a dash-led list item)."""
    return text.endswith("——") and not text.startswith("——") and 2 < len(text) <= MAX_HEADING_CHARS


#: A pre-title that names the place or body a report is about: it opens with a province-, region- or
#: city-level name (``某某省某某市……``), or names a unit that ends it (``……县``, ``……村党委``).
_PLACE_OPENING_RE = re.compile(f"^[{_HAN}]{{2,8}}?(?:省|自治区|市)")
_UNIT_ENDING_RE = re.compile(r"(?:省|自治区|市|州|盟|县|区|旗|镇|乡|村|街道|社区|党委|党工委|党总支|党支部|党组)$")
#: A lead shorter than this, naming no place or unit, may be a section's lead (``延伸工作链条，党建更有力——``).
MIN_REPORT_LEAD_CHARS = 16


def is_report_pre_title(text: str) -> bool:
    """A pre-title that only an article's head prints, not a section's lead: a lead (ending in ——) that names
    the place or body reported on (``某某省某某县——``, ``某某研究院党委——``, ``某某省某某市推进某事——``), or
    that is a whole sentence (16 characters and more: ``各地综合施策，激励广大党员干部……——``). A section's
    lead is a short phrase (``党员怎么找——``, ``延伸工作链条，党建更有力——``)."""
    if not is_lead(text):
        return False
    core = text.rstrip("—").strip()
    return bool(_PLACE_OPENING_RE.match(core) or _UNIT_ENDING_RE.search(core)
                or len(core) >= MIN_REPORT_LEAD_CHARS)


_TWO_PART_RE = re.compile(f"^[^\\s，,；;：:。！!？?]{{2,16}}(?: {{2,}}|\u3000+)[^\\s，,；;：:。！!？?]{{2,16}}$")


def is_two_part_title(text: str) -> bool:
    """A title set in two halves with a wide space between them and no punctuation (``考到实处  干出实效``,
    ``账目清  村民安``): a head's typography, which a section heading does not use."""
    return bool(_TWO_PART_RE.match(text.strip()))


def is_title_like(text: str) -> bool:
    """A line that can be a title or heading subtitle: short and not ended like a paragraph."""
    t = text.rstrip(CLOSERS)
    return (0 < len(text) <= MAX_HEADING_CHARS and not text.startswith("——") and not is_lead(text)
            and not (t and t[-1] in "。；;：:"))


def is_column_name(text: str) -> bool:
    """A column name (栏目) line: 2–10 Chinese characters, nothing else; or a series column (see
    :func:`is_series_column`)."""
    return (2 <= len(text) <= MAX_COLUMN_CHARS and all(_HAN_RE.match(c) for c in text)) or is_series_column(text)


#: The number of an instalment in a series: ②, 之二, （二）, (2), 二.
_SERIES_NO = r"(?:[\u2460-\u2473\u2776-\u277f]|之[一二三四五六七八九十]+|[（(][一二三四五六七八九十\d]+[)）])"
_SERIES_RE = re.compile(f"^[{_HAN}]{{2,10}}(?:·[{_HAN}]{{2,14}})+{_SERIES_NO}$")


_SERIES_LINE_RE = re.compile(f"^[{_HAN}]{{2,10}}(?:·[{_HAN}]{{2,16}})+{_SERIES_NO}?$")


def is_series_line(text: str) -> bool:
    """A series line as a head prints it: a column name, ``·`` and the series' name, with or without an
    instalment number (``深阅读·人与自然和谐共生的现代化``, ``金台潮声·基层工作系列谈②``).

    Without a number it has the form of a title with a middle dot, so it is taken as a series line only where a
    head places it: right above a pre-title or title, or between a title and its byline (:mod:`fromto.clean.heads`).
    """
    return len(text) <= 2 * MAX_COLUMN_CHARS + 10 and bool(_SERIES_LINE_RE.match(text))


def is_head_column(text: str) -> bool:
    """A column or series line above a head found from its byline: a column name, a series line, or a longer
    column of Chinese characters alone (up to 12: ``党旗在基层一线高高飘扬``)."""
    return (is_column_name(text) or is_series_line(text)
            or (2 <= len(text) <= MAX_COLUMN_CHARS + 2 and all(_HAN_RE.match(c) for c in text)))


def is_series_column(text: str) -> bool:
    """A series column (系列栏目): a column name, ``·``, the series' name, and the instalment's number
    (``金台潮声·基层工作系列谈②``, ``人民论坛·新论（三）``). The number is what tells it from a title with a
    middle dot (``村民·镇长百年银杏之争``)."""
    return len(text) <= 2 * MAX_COLUMN_CHARS + 6 and bool(_SERIES_RE.match(text))


#: Box labels (栏花): the fixed-form labels printed over a box set apart from an article's running text.
#: Opening boxes stand between the head and the body (a summary, an editor's note); the others follow the body
#: or a section (background, a reporter's notes, a link to facts).
OPENING_BOX_LABELS = frozenset("核心阅读 阅读提示 内容提要 编者按".split())
BOX_LABELS = OPENING_BOX_LABELS | frozenset(
    "链接 相关链接 新闻链接 背景链接 知识链接 记者手记 采访手记 编后 背景 新闻背景 小资料 延伸阅读 相关阅读 名词解释".split())
_BOX_LABEL_RE = re.compile(
    "^(" + "|".join(sorted(BOX_LABELS, key=len, reverse=True)) + f")(?:[：:·]\\s*[^，,；;。]{{1,15}})?$")


def box_label(text: str) -> str | None:
    """The label kind when the line is a box label (``链接``, ``核心阅读``, ``链接：金税工程``), else None."""
    m = _BOX_LABEL_RE.match(text.strip().lstrip("■□◆◇●▲").strip())
    return m.group(1) if m else None


def is_long_lead(text: str) -> bool:
    """A pre-title longer than a heading: a whole sentence or paragraph ending in —— (or ———) that leads into
    the title printed after it."""
    return ends_in_dash(text) and not text.startswith("——") and len(text) > MAX_HEADING_CHARS


def is_single_heading(text: str) -> bool:
    """A one-line heading inside a body: short, unterminated, without clause punctuation."""
    return (0 < len(text) <= MAX_SINGLE_HEADING_CHARS and is_title_like(text) and not ends_paragraph(text)
            and not re.search(r"[，、,；;：:。]", text))


def is_subhead(text: str) -> bool:
    """A one-line subhead of a wider form (小标题): short, no clause punctuation, and either unterminated with a
    colon inside (``北京：地税收入超300亿增长16％``) or a question (``乡镇政府应扮演什么角色？``).

    Alone such a line may be prose; the body parser takes it as a subhead only in an article that prints several
    (see :mod:`fromto.clean.body`).
    """
    t = text.rstrip(CLOSERS)
    if not (0 < len(text) <= MAX_SINGLE_HEADING_CHARS) or text.startswith("——") or ends_in_dash(text):
        return False
    # a subhead led by a short label and a colon (``协同：整合资源、上下贯通``) may list with 、 after the colon
    inner = t[:-1]
    label = re.match(f"^[{_HAN}]{{2,4}}[：:]", inner)
    if label:
        inner = inner[label.end():].replace("、", "")
    if re.search(r"[，、,；;。！!：:]" if label else r"[，、,；;。！!]", inner) or t[-1] in "：:。；;，,、":
        return False
    return t[-1] in "？?" or not ends_paragraph(text)


def is_colon_pre_title(text: str) -> bool:
    """A pre-title that introduces the speaker of a first-person piece: longer than a one-line heading, ending in
    a colon, one sentence (``某市某协会党支部书记、队长某某：`` over the piece's title)."""
    t = text.rstrip()
    return (MAX_SINGLE_HEADING_CHARS < len(t) <= MAX_HEADING_CHARS and t[-1] in "：:"
            and not re.search(r"[。！!？?；;]", t))


def is_question_lead(text: str) -> bool:
    """The lead of a heading pair that asks or announces (``关税为何一降再降？``, ``一当被告：``): short, ending
    in ？ or ：, no clause punctuation before it."""
    t = text.rstrip(CLOSERS)
    return (2 <= len(t) <= MAX_SINGLE_HEADING_CHARS and t[-1] in "？?：:"
            and not re.search(r"[，、,；;。！!？?：:]", t[:-1]))


def parse_byline(text: str) -> tuple[list[str], list[str]] | None:
    """``(names, roles)`` when the line is a byline, else None.

    A byline is made only of roles (本报记者, 新华社记者, 本报通讯员, 特约评论员 …) and names (2–4 Chinese
    characters, or transcribed names with ·), separated by spaces or 、; a role may be glued to a name
    (``本报记者吴储岐``) and a two-character name may be spaced out (``刘  毅``).
    ``本报记者 吴储岐`` -> (["吴储岐"], ["本报记者"]); ``郑健麟`` -> (["郑健麟"], []).
    """
    if not text or len(text) > MAX_HEADING_CHARS or text.rstrip()[-1] in "、，,":
        return None  # a line ending in a comma is a broken sentence (``资源、``), not names
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
