"""Recover a People's Daily page dump as a careful reader would, and log every change.

A page dumped from a layout program carries the page's structure only as loose lines: column names, pre-titles
(引题) ending in ——, titles, bylines, section heading pairs, photo captions and credits that cut a paragraph in
two, paragraphs split at a page break, ASCII punctuation inside Chinese text. :func:`clean_page` turns such a dump
into tables (see :class:`CleanResult`); :func:`clean_document` does the same for a page dump and, for any other
text, treats each non-empty line as a paragraph of one article.

Every rule here describes a *kind* of damage or layout, never a string of one page:

===========================  ====================================================================================
rule                         what it recognises
===========================  ====================================================================================
``ascii-punct-in-chinese``   ASCII ``, ; : ? !`` between Chinese characters -> ``，；：？！``; ASCII ``( )``
                             around or beside Chinese -> ``（）``
``corner-quotes``            ``「」`` -> ``“”`` and ``『』`` -> ``‘’`` (the page's house style)
``photo-credit``             a line ending in a photographer's credit (``name摄``, ``本报记者 name摄``,
                             ``（新华社记者name摄）``, optionally ``(agency)``) plus the short caption line
                             before it: moved to the captions table
``byline``                   a line of names (2–4 characters) and roles (本报记者, 通讯员, 评论员 …) right
                             after a title: names to ``byline``, roles to ``byline_role``
``column-line``              a line of 2–10 Chinese characters with no punctuation opening an article head
                             (or a body whose head is printed after it): the column name (栏目)
``pre-title``                a short line ending in —— right before a title (引题)
``title-after-body``         a title + byline with no body of its own (commentaries print them after the
                             body): the head of the article whose body precedes it, moved to the front
``heading-pair``             inside a body, a short line ending in —— followed by a short unterminated line:
                             a section heading; ``section_title`` is ``lead——subtitle``
``duplicate-heading``        a heading printed twice in one article is kept once, where the body that follows
                             it shares most of its wording (decided by content, logged with the scores)
``rejoin-caption``           a paragraph that ends without terminal punctuation, cut by a removed caption, is
                             joined with the paragraph after the caption
``rejoin-page-break``        a paragraph that ends without terminal punctuation is joined with the next
                             paragraph (a sentence or a word split across a column or page break)
``repeated-chunk``           an immediate repetition of a 2–4 character chunk that is not a known
                             reduplication (做细做细): flagged ``[sic]``, never changed
===========================  ====================================================================================

Raw offsets (``raw_start``, ``raw_end``) are character offsets into the text :func:`fromto.textio.read_text`
returns. Normalisation replaces one character by one character, so every cleaned character keeps the offset of
the raw character it came from; a rejoined paragraph's span covers whatever was cut out of it.
"""

from __future__ import annotations

import bisect
import collections
import functools
import hashlib
import re
from pathlib import Path
from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

# --- Character classes -------------------------------------------------------------------------------------------
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Characters that count as "Chinese context" for punctuation: Han, CJK punctuation, full-width forms and the
#: curly quotes, dashes and ellipses Chinese text uses.
_CJK_CONTEXT = re.compile(f"[{_HAN}\u3000-\u303f\uff00-\uffef“”‘’—…·]")
_HAN_RE = re.compile(f"[{_HAN}]")

#: End of a sentence.
SENTENCE_END = "。！？；!?;…"
#: End of a paragraph: a sentence end, or a colon introducing what follows.
PARAGRAPH_END = SENTENCE_END + "：:"
#: Closing quotes and brackets that stay with the sentence before them.
CLOSERS = "”’」』）)》〉】\"'"

_ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_CORNER_TO_CURLY = {"「": "“", "」": "”", "『": "‘", "』": "’"}

# --- Structural patterns ----------------------------------------------------------------------------------------
#: Roles printed in bylines and credits (本报记者, 新华社记者, 本报通讯员, 特约评论员, 见习记者 …).
_ROLE = r"(?:本报|新华社|人民日报|中新社|光明日报|经济日报|央视|人民网)?(?:特约|见习|首席|驻\S{1,4})?(?:记者|通讯员|评论员|撰稿人)"
_ROLE_RE = re.compile(f"^{_ROLE}$")
_ROLE_PREFIX_RE = re.compile(f"^({_ROLE})(.+)$")
#: A personal name: 2–4 Han characters, or a transcribed name with a middle dot.
_NAME = f"(?:[{_HAN}]{{2,4}}|[{_HAN}]{{1,8}}·[{_HAN}]{{1,8}})"
_NAME_RE = re.compile(f"^{_NAME}$")
#: A photo credit at the end of a line: optional role, one or more names, 摄 (or 供图/制图), optional (agency).
_CREDIT_CORE = (
    f"(?P<role>{_ROLE})?\\s*(?P<names>{_NAME}(?:[、\\s]+{_NAME})*|[{_HAN}]{{2,12}}?)\\s*(?P<verb>摄影?|供图|制图)"
    f"(?:\\s*[（(](?P<agency>[^()（）]{{1,12}})[)）])?"
)
_CREDIT_ONLY_RE = re.compile(f"^{_CREDIT_CORE}$")
_CREDIT_TAIL_RE = re.compile(f"^(?P<caption>.+?[。！？”])\\s*[（(]?{_CREDIT_CORE}[)）]?$")
#: Known reduplications (ABAB verbs and adjectives, intensifiers): an immediate repetition of these is idiom.
KNOWN_REDUPLICATIONS = frozenset(
    "研究 讨论 商量 考虑 学习 休息 打扫 介绍 锻炼 活动 整理 检查 比划 琢磨 收拾 打听 溜达 放松 交流 体验 "
    "尝试 思考 了解 关心 帮助 看看 说说 走走 试试 雪白 通红 冰凉 笔直 碧绿 火红 漆黑 雪亮 冰冷 滚烫 很多 "
    "许多 好多 非常 特别 一定 哗啦 扑通 叮咚 咕噜 轰隆 嘀嗒".split()
)

#: Longest line that can be a title, heading line, caption or column name.
MAX_HEADING_CHARS = 40
MAX_COLUMN_CHARS = 10
MAX_SINGLE_HEADING_CHARS = 25
MAX_CAPTION_CHARS = 80

PARAGRAPH_COLUMNS = [
    "doc", "article", "article_title", "byline", "section", "section_title", "paragraph", "paragraph_id",
    "position", "text", "raw_start", "raw_end",
]
SENTENCE_COLUMNS = [
    "doc", "article", "section", "paragraph", "paragraph_id", "sentence_id", "sentence_no", "position", "text",
    "raw_start", "raw_end",
]
ARTICLE_COLUMNS = [
    "doc", "article", "column", "pre_title", "title", "subtitle", "byline", "byline_role", "head_after_body",
    "sections", "paragraphs", "sentences", "characters", "raw_start", "raw_end",
]
LOG_COLUMNS = ["doc", "kind", "raw_start", "raw_end", "before", "after", "rule", "paragraph_id", "note"]
CAPTION_COLUMNS = [
    "doc", "article", "section", "paragraph_id", "cut_paragraph", "caption", "credit", "photographer", "role",
    "agency", "raw_start", "raw_end",
]


class CleanResult:
    """The cleaned document: rows per table, and the same tables as DataFrames (columns: ``*_COLUMNS``).

    The DataFrames (``articles``, ``paragraphs``, ``sentences``, ``log``, ``captions``) are built on first use from
    the row lists (``*_rows``, lists of dicts in table order). Notebooks use the DataFrames; corpus mode, which
    cleans thousands of short documents, reads the rows and skips building tables it does not need.
    """

    def __init__(self, *, article_rows, paragraph_rows, sentence_rows, log_rows, caption_rows, raw="", doc="page"):
        self.article_rows = article_rows
        self.paragraph_rows = paragraph_rows
        self.sentence_rows = sentence_rows
        self.log_rows = log_rows
        self.caption_rows = caption_rows
        self.raw = raw
        self.doc = doc

    @functools.cached_property
    def articles(self) -> pd.DataFrame:
        return pd.DataFrame(self.article_rows, columns=ARTICLE_COLUMNS)

    @functools.cached_property
    def paragraphs(self) -> pd.DataFrame:
        return pd.DataFrame(self.paragraph_rows, columns=PARAGRAPH_COLUMNS)

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        return pd.DataFrame(self.sentence_rows, columns=SENTENCE_COLUMNS)

    @functools.cached_property
    def log(self) -> pd.DataFrame:
        return pd.DataFrame(self.log_rows, columns=LOG_COLUMNS)

    @functools.cached_property
    def captions(self) -> pd.DataFrame:
        return pd.DataFrame(self.caption_rows, columns=CAPTION_COLUMNS)


# --- Small text pieces that remember where each character came from ---------------------------------------------
@dataclass
class _Piece:
    """Text plus, for every character, its offset in the raw text."""

    text: str
    offs: list[int]

    @property
    def start(self) -> int:
        return self.offs[0]

    @property
    def end(self) -> int:
        return self.offs[-1] + 1

    def __add__(self, other: "_Piece") -> "_Piece":
        return _Piece(self.text + other.text, self.offs + other.offs)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Raw offsets of characters ``i`` to ``j`` (exclusive) of the text."""
        return self.offs[i], self.offs[j - 1] + 1


@dataclass
class _Line:
    piece: _Piece
    index: int = 0
    cut_before: list[int] = field(default_factory=list)  # caption ids removed right before this line

    @property
    def text(self) -> str:
        return self.piece.text


class _Log:
    def __init__(self, doc: str):
        self.doc = doc
        self.rows: list[dict] = []

    def add(self, kind, start, end, before, after, rule, note="", paragraph_id=""):
        self.rows.append(dict(doc=self.doc, kind=kind, raw_start=int(start), raw_end=int(end), before=before,
                              after=after, rule=rule, paragraph_id=paragraph_id, note=note))

    def sorted_rows(self) -> list[dict]:
        """The log rows in raw order (stable for rows at the same offsets)."""
        return sorted(self.rows, key=lambda r: (r["raw_start"], r["raw_end"]))


# --- Text-level rules (pure functions, each tested on snippets) -------------------------------------------------
_PUNCT_CANDIDATE = re.compile("[" + re.escape("".join(sorted(set(_ASCII_TO_FULL) | set(_CORNER_TO_CURLY)))) + "]")
_SENTENCE_CUT = re.compile(
    "[" + re.escape("".join(sorted(SENTENCE_END))) + "]+[" + re.escape("".join(sorted(CLOSERS))) + "]*")


def normalise_punctuation(text: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Full-width punctuation inside Chinese text, and “” for 「」.

    Returns the new text (same length) and the changes as ``(index, before, after, rule)``.
    ASCII ``, ; : ? !`` change when the character before is Chinese and the one after is Chinese, a digit or the
    end of the text (``2007年,习`` -> ``2007年，习``; ``城”?`` -> ``城”？``), or when a digit precedes and Chinese
    follows. ASCII parentheses change as a pair when they enclose Chinese or stand between Chinese characters.
    Digits and Latin text keep their ASCII punctuation (``10:30``, ``1,366``).
    """
    chars = list(text)
    changes: list[tuple[int, str, str, str]] = []
    n = len(chars)

    def cjk(i: int) -> bool:
        return 0 <= i < n and bool(_CJK_CONTEXT.match(text[i]))

    def digit(i: int) -> bool:
        return 0 <= i < n and text[i].isascii() and text[i].isdigit()

    for m in _PUNCT_CANDIDATE.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _ASCII_TO_FULL:
            after_ok = cjk(i + 1) or digit(i + 1) or i + 1 == n
            if (cjk(i - 1) and after_ok) or (digit(i - 1) and cjk(i + 1)):
                chars[i] = _ASCII_TO_FULL[ch]
                changes.append((i, ch, chars[i], "ascii-punct-in-chinese"))
        elif ch in _CORNER_TO_CURLY:
            chars[i] = _CORNER_TO_CURLY[ch]
            changes.append((i, ch, chars[i], "corner-quotes"))
    for m in re.finditer(r"\(([^()\n]{0,40})\)", text):
        inside, o, c = m.group(1), m.start(), m.end() - 1
        if _HAN_RE.search(inside) or (cjk(o - 1) and (cjk(c + 1) or c + 1 == n)):
            chars[o], chars[c] = "（", "）"
            changes.append((o, "(", "（", "ascii-punct-in-chinese"))
            changes.append((c, ")", "）", "ascii-punct-in-chinese"))
    changes.sort()
    return "".join(chars), changes


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


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``: cut after 。！？； and after an ellipsis (…… or …).

    A run of sentence-final marks (``？！``, ``。……``) and the closing quotes or brackets after it stay with the
    sentence (``“……所有领域。”`` is one sentence). Text without a final mark is one sentence. White space
    between sentences is not part of either.
    """
    spans: list[tuple[int, int]] = []
    n, start = len(text), 0
    for m in _SENTENCE_CUT.finditer(text):  # a run of final marks, then any closing quotes or brackets
        spans.append((start, m.end()))
        start = m.end()
    if start < n:
        spans.append((start, n))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def sentence_texts(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`split_sentences`)."""
    return [text[s:e] for s, e in split_sentences(text)]


# --- Line-level predicates ---------------------------------------------------------------------------------------
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


def parse_credit(text: str) -> dict | None:
    """A photo credit line, alone (``王建华摄（人民视觉）``) or after its caption (``…。（本报记者徐烨摄）``).

    Returns ``caption`` ("" for a credit alone), ``credit``, ``photographer``, ``role`` and ``agency``, or None.
    """
    if len(text) > MAX_CAPTION_CHARS + 30:
        return None
    printed, text = text.strip(), re.sub(r"\s+", "", text)  # names in credits may be spaced out (王  浩摄)
    m = _CREDIT_ONLY_RE.match(text)
    caption = ""
    if not m:
        m = _CREDIT_TAIL_RE.match(text)
        if not m:
            return None
        caption = m.group("caption")
    names = (m.group("names") or "").strip()
    if m.group("role") is None and not _NAME_RE.match(names.split("、")[0].split()[0] if names else ""):
        # Without a role the credit must start with a plain name: keeps 拍摄/摄 inside prose out.
        return None
    credit = text[len(caption):] if caption else printed
    return dict(caption=caption, credit=credit, photographer="、".join(names.split()),
                role=m.group("role") or "", agency=m.group("agency") or "")


# --- The page parser -------------------------------------------------------------------------------------------
@dataclass
class _Head:
    title: _Line | None
    byline: _Line | None = None
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    pre_title: _Line | None = None
    subtitle: _Line | None = None
    column: _Line | None = None

    def lines(self) -> list[_Line]:
        return [x for x in (self.column, self.pre_title, self.title, self.subtitle, self.byline) if x is not None]

    @property
    def first(self) -> int:
        return self.lines()[0].index

    @property
    def last(self) -> int:
        return self.lines()[-1].index


@dataclass
class _Article:
    head: _Head | None
    body: list[_Line]
    column: _Line | None = None
    head_after_body: bool = False


def _split_lines(text: str, log: _Log) -> list[_Line]:
    """Non-empty lines, stripped, with punctuation normalised (logged) and raw offsets kept."""
    lines = []
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            lead = len(raw_line) - len(raw_line.lstrip())
            start = pos + lead
            new, changes = normalise_punctuation(stripped)
            for i, before, after, rule in changes:
                kind = "quotes" if rule == "corner-quotes" else "punctuation"
                log.add(kind, start + i, start + i + 1, before, after, rule,
                        note=f"context: {stripped[max(0, i - 4):i + 5]}")
            lines.append(_Line(_Piece(new, list(range(start, start + len(stripped))))))
        pos += len(raw_line) + 1
    for i, line in enumerate(lines):
        line.index = i
    return lines


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
        if not credit["caption"] and keep:
            prev = keep[-1]
            fragment = not ends_paragraph(prev.text) and re.search(r"[，,、；;]", prev.text)
            if (len(prev.text) <= MAX_CAPTION_CHARS and not is_lead(prev.text) and parse_byline(prev.text) is None
                    and not fragment):
                cap_line = keep.pop()
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


def _find_heads(lines: list[_Line]) -> list[_Head]:
    """Article heads: [column] [pre-title] title [——subtitle] byline, found from their bylines."""
    heads: list[_Head] = []
    claimed: set[int] = set()
    n = len(lines)

    def free(i: int) -> bool:
        return 0 <= i < n and i not in claimed

    for i, line in enumerate(lines):
        if i in claimed or i == 0:
            continue
        parsed = parse_byline(line.text)
        if parsed is None:
            continue
        t, sub = i - 1, None
        if free(t) and lines[t].text.startswith("——") and free(t - 1) and is_title_like(lines[t - 1].text):
            sub, t = t, t - 1
        if not free(t) or not is_title_like(lines[t].text):
            continue
        if not parsed[1] and parse_byline(lines[t].text) is not None:
            continue  # two name-like lines: without a role neither is surely a byline
        head = _Head(title=lines[t], byline=line, names=parsed[0], roles=parsed[1],
                     subtitle=lines[sub] if sub is not None else None)
        k = t - 1
        if free(k) and is_lead(lines[k].text):
            head.pre_title = lines[k]
            k -= 1
        if free(k) and is_column_name(lines[k].text) and (k == 0 or not free(k - 1) or ends_paragraph(lines[k - 1].text)):
            head.column = lines[k]
        heads.append(head)
        claimed.update(x.index for x in head.lines())
    # A document that opens with [column] [pre-title] title and then body text has a head without a byline.
    first = heads[0].first if heads else n
    k, col, pre = 0, None, None
    if k + 1 < first and is_column_name(lines[k].text) and not ends_paragraph(lines[k + 1].text):
        col, k = lines[k], k + 1
    if k + 1 < first and is_lead(lines[k].text):
        pre, k = lines[k], k + 1
    if k + 1 < first and is_title_like(lines[k].text) and not ends_paragraph(lines[k].text):
        nxt = lines[k + 1].text
        if ends_paragraph(nxt) or len(nxt) > MAX_HEADING_CHARS:
            heads.insert(0, _Head(title=lines[k], pre_title=pre, column=col))
    return sorted(heads, key=lambda h: h.first)


def _segment(lines: list[_Line], heads: list[_Head], log: _Log) -> list[_Article]:
    """Cut the line stream into articles at the heads; attach heads printed after their body."""
    articles: list[_Article] = []
    bounds = [h.first for h in heads] + [len(lines)]
    if not heads or heads[0].first > 0:
        prefix = lines[: bounds[0]]
        if prefix:
            articles.append(_Article(head=None, body=prefix))
    for h, nxt in zip(heads, bounds[1:]):
        body = lines[h.last + 1: nxt]
        bare = h.pre_title is None and h.column is None and h.byline is not None
        if body or not bare or not articles:
            articles.append(_Article(head=h, body=body, column=h.column))
            continue
        # A title + byline with no body: the head of the body printed before it.
        prev = articles[-1]
        head_note = f"title {h.title.text!r} and byline printed after the body; moved to the article's head"
        if prev.head is None:
            prev.head, prev.head_after_body = h, True
        else:
            cut = None
            for j in range(len(prev.body) - 2, -1, -1):
                line = prev.body[j]
                before_ok = j == 0 or ends_paragraph(prev.body[j - 1].text)
                if is_column_name(line.text) and before_ok:
                    cut = j
                    break
            if cut is None:
                articles.append(_Article(head=h, body=[]))
                log.add("structure", h.title.piece.start, h.title.piece.end, h.title.text, h.title.text,
                        "title-after-body", note="title + byline without body and no column line before; "
                        "kept as an article without body")
                continue
            col = prev.body[cut]
            new = _Article(head=h, body=prev.body[cut + 1:], column=col, head_after_body=True)
            prev.body = prev.body[:cut]
            articles.append(new)
        log.add("title_moved", h.title.piece.start, h.byline.piece.end, h.title.text, h.title.text,
                "title-after-body", note=head_note)
    return articles


@dataclass
class _Item:
    kind: str  # "para" or "heading"
    piece: _Piece | None = None
    lead: _Line | None = None
    sub: _Line | None = None
    cut_before: bool = False  # a caption was removed right before this paragraph
    parts: int = 1

    @property
    def heading_text(self) -> str:
        """``lead——subtitle`` for a pair; the lead (without ——) or the subtitle alone otherwise."""
        lead = self.lead.text if self.lead else ""
        sub = self.sub.text if self.sub else ""
        if lead and sub:
            return lead + sub if lead.endswith("——") else f"{lead}——{sub}"
        return lead.removesuffix("——") or sub

    def heading_lines(self) -> list[_Line]:
        return [x for x in (self.lead, self.sub) if x is not None]


def _body_items(body: list[_Line]) -> list[_Item]:
    """Headings and paragraphs of an article body, in order."""
    items: list[_Item] = []
    i, n = 0, len(body)
    while i < n:
        t = body[i].text
        nxt = body[i + 1].text if i + 1 < n else None
        prev_ok = not items or items[-1].kind == "heading" or ends_paragraph(items[-1].piece.text)
        if is_lead(t):
            if nxt is not None and is_title_like(nxt) and not body[i + 1].cut_before:
                items.append(_Item("heading", lead=body[i], sub=body[i + 1]))
                i += 2
            else:
                items.append(_Item("heading", lead=body[i]))
                i += 1
            continue
        if is_single_heading(t) and prev_ok and nxt is not None and not body[i + 1].cut_before:
            items.append(_Item("heading", sub=body[i]))
            i += 1
            continue
        items.append(_Item("para", piece=body[i].piece, cut_before=bool(body[i].cut_before)))
        i += 1
    return items


def _rejoin(items: list[_Item], log: _Log) -> list[_Item]:
    """Join a paragraph that stops mid-sentence with the paragraph that continues it.

    The first must :func:`looks_cut`, so a short title-like line (a headline of a report without byline, or
    ``……（图片）``) stays a unit of its own. Logged as ``rejoin_caption`` where a removed caption stood between the
    two parts, else ``rejoin_page_break``.
    """
    out: list[_Item] = []
    for it in items:
        if it.kind == "para" and out and out[-1].kind == "para" and looks_cut(out[-1].piece.text):
            prev = out[-1]
            cut = it.cut_before
            kind = "rejoin_caption" if cut else "rejoin_page_break"
            rule = "rejoin-caption" if cut else "rejoin-page-break"
            a, b = prev.piece.text, it.piece.text
            log.add(kind, prev.piece.end - min(len(a), 1), it.piece.start + min(len(b), 1),
                    f"{a[-12:]} | {b[:12]}", f"{a[-12:]}{b[:12]}", rule,
                    note=("paragraph cut by a photo caption: joined across it" if cut else
                          "paragraph ends without terminal punctuation and the next one continues it"))
            prev.piece = prev.piece + it.piece
            prev.parts += 1
            continue
        out.append(it)
    return out


def _bigrams(text: str) -> set[str]:
    han = "".join(_HAN_RE.findall(text))
    return {han[i:i + 2] for i in range(len(han) - 1)}


def _resolve_duplicate_headings(items: list[_Item], log: _Log) -> list[_Item]:
    """A heading printed more than once in an article is kept where the body after it shares its wording.

    Each copy is scored by the quoted phrases of the heading found in the body that follows it (up to the next
    heading) and by the share of the heading's character pairs found there. The best copy is kept; another copy
    is dropped when it has no body of its own (printed out of place) or its share is under half the best one's
    (with the best at least 0.3). Copies that are all without body, or that fit their bodies alike, are all kept.
    """
    heads = [i for i, it in enumerate(items) if it.kind == "heading"]
    groups: dict[str, list[int]] = {}
    for i in heads:
        groups.setdefault(items[i].heading_text, []).append(i)
    drop: set[int] = set()
    for text, idxs in groups.items():
        if len(idxs) < 2:
            continue
        grams = _bigrams(text)
        quoted = re.findall(r"“([^”]+)”", text)
        scores = []
        for i in idxs:
            nxt = next((j for j in heads if j > i), len(items))
            body = "".join(items[j].piece.text for j in range(i + 1, nxt) if items[j].kind == "para")
            share = len(grams & _bigrams(body)) / len(grams) if grams else 0.0
            hits = sum(1 for q in quoted if q in body)
            scores.append((hits, round(share, 3), len(body), i))
        best = max(scores, key=lambda s: (s[0], s[1], s[2]))
        if best[2] == 0:
            continue
        kept = items[best[3]]
        for hits, share, nbody, i in scores:
            if i == best[3] or not (nbody == 0 or (best[1] >= 0.3 and share < best[1] / 2)):
                continue
            drop.add(i)
            lines = items[i].heading_lines()
            log.add("duplicate_heading", lines[0].piece.start, lines[-1].piece.end, text, "", "duplicate-heading",
                    note=(f"heading printed twice; this copy is followed by {nbody} characters of body sharing "
                          f"{share:.0%} of its character pairs ({hits}/{len(quoted)} quoted phrases recur); the copy "
                          f"at raw {kept.heading_lines()[0].piece.start} is followed by {best[2]} characters sharing "
                          f"{best[1]:.0%} ({best[0]}/{len(quoted)}): that one is kept"))
    return [it for i, it in enumerate(items) if i not in drop]


def _parse_page(text: str, doc: str, log: _Log, lines: list[_Line] | None = None
                ) -> tuple[list[dict], list[dict], list[dict]]:
    lines = _split_lines(text, log) if lines is None else lines
    lines, captions = _remove_captions(lines, log)
    heads = _find_heads(lines)
    articles = _segment(lines, heads, log)
    para_rows: list[dict] = []
    art_rows: list[dict] = []
    para_no = 0
    cap_para: dict[int, tuple] = {}
    for a_no, art in enumerate(articles, start=1):
        h = art.head
        title = h.title.text if h and h.title else ""
        byline = ("、".join(h.names) or "、".join(h.roles)) if h else ""  # 本报评论员 alone is the author
        units: list[tuple[str, int, str, _Piece, _Item | None]] = []  # position, section, section_title, piece
        if art.column is not None:
            log.add("column", art.column.piece.start, art.column.piece.end, art.column.text, "", "column-line",
                    note="column name moved to articles.column")
        if h is not None:
            if h.pre_title is not None:
                units.append(("pre_title", 0, "", h.pre_title.piece, None))
            if h.title is not None:
                units.append(("title", 0, "", h.title.piece, None))
            if h.subtitle is not None:
                units.append(("title", 0, "", h.subtitle.piece, None))
            if h.byline is not None:
                after = "、".join(h.names)
                log.add("byline", h.byline.piece.start, h.byline.piece.end, h.byline.text, after, "byline",
                        note=f"names -> articles.byline ({after or '-'}); role -> articles.byline_role "
                             f"({'；'.join(h.roles) or '-'})")
        items = _resolve_duplicate_headings(_rejoin(_body_items(art.body), log), log)
        section, stitle = 0, ""
        for it in items:
            if it.kind == "heading":
                section += 1
                stitle = it.heading_text
                if it.lead is not None:
                    units.append(("section_lead", section, stitle, it.lead.piece, None))
                if it.sub is not None:
                    units.append(("section_subtitle" if it.lead is not None else "section_lead", section, stitle,
                                  it.sub.piece, None))
            else:
                units.append(("body", section, stitle, it.piece, it))
        n_in_art = 0
        for position, sec, st, piece, it in units:
            para_no += 1
            n_in_art += 1
            pid = f"a{a_no}p{n_in_art:02d}"
            para_rows.append(dict(doc=doc, article=a_no, article_title=title, byline=byline, section=sec,
                                  section_title=st, paragraph=para_no, paragraph_id=pid, position=position,
                                  text=piece.text, raw_start=piece.start, raw_end=piece.end, _piece=piece))
        all_lines = [x for x in (h.lines() if h else [])] + art.body + ([art.column] if art.column else [])
        art_rows.append(dict(doc=doc, article=a_no, column=art.column.text if art.column else "",
                             pre_title=h.pre_title.text if h and h.pre_title else "", title=title,
                             subtitle=h.subtitle.text if h and h.subtitle else "", byline=byline,
                             byline_role="；".join(dict.fromkeys(h.roles)) if h else "",
                             head_after_body=art.head_after_body, sections=section,
                             raw_start=min((x.piece.start for x in all_lines), default=0),
                             raw_end=max((x.piece.end for x in all_lines), default=0)))
    # Captions: the paragraph they cut (or the one before them).
    cap_rows = []
    containing = _containing_paragraph([(r["raw_start"], r["raw_end"]) for r in para_rows])
    first_ending: dict[int, int] = {}  # raw_end -> the first paragraph (list order) ending there
    for k, r in enumerate(para_rows):
        first_ending.setdefault(r["raw_end"], k)
    ends = sorted(first_ending)
    for cap in captions:
        k = containing(cap["raw_start"], cap["raw_end"])
        inside = k is not None
        if inside:
            host = para_rows[k]
        else:  # the paragraph ending last before the caption
            j = bisect.bisect_right(ends, cap["raw_start"]) - 1
            host = para_rows[first_ending[ends[j]]] if j >= 0 else None
        cap_rows.append(dict(doc=doc, article=host["article"] if host else 0, section=host["section"] if host else 0,
                             paragraph_id=host["paragraph_id"] if host else "", cut_paragraph=bool(inside),
                             caption=cap["caption"], credit=cap["credit"], photographer=cap["photographer"],
                             role=cap["role"], agency=cap["agency"], raw_start=cap["raw_start"],
                             raw_end=cap["raw_end"]))
    return art_rows, para_rows, cap_rows


def _plain_paragraphs(text: str, doc: str, log: _Log, lines: list[_Line] | None = None
                      ) -> tuple[list[dict], list[dict], list[dict]]:
    """Any other text: one article; each non-empty line a body paragraph."""
    lines = _split_lines(text, log) if lines is None else lines
    rows = []
    for k, line in enumerate(lines, start=1):
        p = line.piece
        rows.append(dict(doc=doc, article=1, article_title="", byline="", section=0, section_title="", paragraph=k,
                         paragraph_id=f"a1p{k:02d}", position="body", text=p.text, raw_start=p.start,
                         raw_end=p.end, _piece=p))
    arts = [dict(doc=doc, article=1, column="", pre_title="", title="", subtitle="", byline="", byline_role="",
                 head_after_body=False, sections=0, raw_start=rows[0]["raw_start"] if rows else 0,
                 raw_end=rows[-1]["raw_end"] if rows else 0)]
    return arts, rows, []


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


def _containing_paragraph(spans: list[tuple[int, int]]):
    """A lookup ``(start, end) -> index`` of the first span in ``spans`` (list order) holding ``[start, end]``.

    Paragraph spans normally follow each other without overlapping; then the spans that can hold a range are
    found by bisection (n log n for a page instead of log rows x paragraphs). Overlapping spans fall back to
    the plain scan, so the answer is the same in every case.
    """
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    starts = [spans[k][0] for k in order]
    disjoint = all(spans[a][1] <= spans[b][0] for a, b in zip(order, order[1:]))

    def scan(rs: int, re_: int) -> int | None:
        return next((k for k, (s, e) in enumerate(spans) if s <= rs and re_ <= e), None)

    def bisect_lookup(rs: int, re_: int) -> int | None:
        j = bisect.bisect_right(starts, rs) - 1
        hits = []
        # sorted and disjoint: ends grow with starts, so only the spans just before can reach re_ (several
        # only when empty or touching spans share a boundary)
        while j >= 0 and spans[order[j]][1] >= re_:
            hits.append(order[j])
            j -= 1
        return min(hits) if hits else None

    return bisect_lookup if disjoint else scan


def _finish(text: str, doc: str, art_rows, para_rows, cap_rows, log: _Log) -> CleanResult:
    """Sentences, [sic] flags and per-article counts; build the DataFrames."""
    sent_rows = []
    for r in para_rows:
        piece: _Piece = r.pop("_piece")
        r["_text"], r["_span"] = piece.text, piece.span
        for s, e, chunk in find_repeated_chunks(piece.text):
            rs, re_ = piece.span(s, e)
            log.add("sic", rs, re_, piece.text[s:e], piece.text[s:e], "repeated-chunk",
                    note=f"[sic] {chunk!r} repeated immediately; not a known reduplication; kept as printed",
                    paragraph_id=r["paragraph_id"])
        for k, (s, e) in enumerate(split_sentences(piece.text), start=1):
            rs, re_ = piece.span(s, e)
            sent_rows.append(dict(doc=doc, article=r["article"], section=r["section"], paragraph=r["paragraph"],
                                  paragraph_id=r["paragraph_id"], sentence_id=f"{r['paragraph_id']}s{k:02d}",
                                  sentence_no=k, position=r["position"], text=piece.text[s:e], raw_start=rs,
                                  raw_end=re_))
    _apply_overrides(text, para_rows, log)
    for r in para_rows:
        del r["_text"], r["_span"]
    # Attach paragraph ids to log rows that fall inside a paragraph.
    containing = _containing_paragraph([(r["raw_start"], r["raw_end"]) for r in para_rows])
    for row in log.rows:
        if not row["paragraph_id"]:
            k = containing(row["raw_start"], row["raw_end"])
            if k is not None:
                row["paragraph_id"] = para_rows[k]["paragraph_id"]
    n_paras: collections.Counter = collections.Counter()
    n_chars: collections.Counter = collections.Counter()
    for r in para_rows:
        n_paras[r["article"]] += 1
        n_chars[r["article"]] += len(r["text"])
    n_sents = collections.Counter(r["article"] for r in sent_rows)
    for a in art_rows:
        a["paragraphs"] = n_paras[a["article"]]
        a["sentences"] = n_sents[a["article"]]
        a["characters"] = n_chars[a["article"]]
    return CleanResult(article_rows=art_rows, paragraph_rows=para_rows, sentence_rows=sent_rows,
                       log_rows=log.sorted_rows(), caption_rows=cap_rows, raw=text, doc=doc)


# --- Public API ------------------------------------------------------------------------------------------------
def clean_page(text: str, doc: str = "page") -> CleanResult:
    """Clean a page dump: articles, sections, paragraphs, sentences, captions and the log of every change."""
    log = _Log(doc)
    arts, paras, caps = _parse_page(text, doc, log)
    return _finish(text, doc, arts, paras, caps, log)


def is_page_dump(text: str) -> bool:
    """True when ``text`` looks like a dumped newspaper page rather than running prose.

    The sign is an article head the parser can find by rule: a title followed by a byline line, or a pre-title
    line ending in —— followed by a title, or a photo credit line.
    """
    return _looks_like_page(_split_lines(text, _Log("probe")))


def _looks_like_page(lines: list[_Line]) -> bool:
    if any(parse_credit(line.text) and len(line.text) <= 30 for line in lines):
        return True
    lines, _ = _remove_captions(lines, _Log("probe"))
    heads = _find_heads(lines)
    return any(h.byline is not None or h.pre_title is not None or h.column is not None for h in heads)


def clean_document(text: str, doc: str) -> CleanResult:
    """Clean any document: a page dump as :func:`clean_page` does; other text as one article whose paragraphs
    are its non-empty lines (punctuation normalised, [sic] flagged, sentences split, all logged).

    The lines are split (and their punctuation normalised) once, for the test and for the cleaning.
    """
    log = _Log(doc)
    lines = _split_lines(text, log)
    if _looks_like_page(lines):
        arts, paras, caps = _parse_page(text, doc, log, lines)
    else:
        arts, paras, caps = _plain_paragraphs(text, doc, log, lines)
    return _finish(text, doc, arts, paras, caps, log)


def write_outputs(result: CleanResult) -> list:
    """Write the five tables to their ``paths`` constants (atomically); returns the paths written."""
    from fromto import paths
    from fromto.textio import write_csv

    pairs = [(result.articles, paths.ARTICLES_CSV), (result.paragraphs, paths.PARAGRAPHS_CSV),
             (result.sentences, paths.SENTENCES_CSV), (result.log, paths.CLEANING_LOG_CSV),
             (result.captions, paths.CAPTIONS_CSV)]
    return [write_csv(df, p) for df, p in pairs]


__all__: Iterable[str] = [
    "CleanResult", "clean_page", "clean_document", "is_page_dump", "split_sentences", "sentence_texts",
    "write_outputs", "normalise_punctuation", "find_repeated_chunks", "parse_byline", "parse_credit",
    "ends_paragraph", "looks_cut", "is_lead", "is_title_like", "is_column_name", "is_single_heading",
]
