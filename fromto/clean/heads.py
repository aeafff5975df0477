"""Article heads and the cut into articles: column, pre-title, title, subtitle, byline; heads after bodies.

Rules: ``byline`` (a head is found from its byline: [column] [pre-title] title [——subtitle] byline),
``column-line``, ``pre-title``, ``long-pre-title`` (a pre-title longer than a heading, ending in ——, between a
column or the page's start and a title with byline), ``head-without-byline`` (after a complete body and followed by
a paragraph: column [pre-title] title [——subtitle], or pre-title title [——subtitle] where the pre-title has the
form of another head's pre-title on the page and is the only pre-title + title pair between the heads around it:
a new article whose head prints no byline; also after the byline of a head printed after its body, and with a
speaker's pre-title ending in ： instead; heads with furniture only a head prints are taken first and without
those conditions: column + pre-title, a series line above or under the title, a pre-title naming a place or body
or a whole sentence, a two-part title, or a column + title after a paragraph signed in brackets; column + title
pairs among other two-line headings between two heads are section headings, unless the head above prints a byline
and a paragraph under the pair is signed in brackets before any other such heading: a short piece signed at its
end; a title under a column line may ask), ``series-line`` (a series line
between a title and its byline: the column), ``title-after-body`` (a title + byline with no body: the head of the
body printed before it, which starts at a column line; a commentary without byline: a column over paragraphs,
its title printed after them and before the next head).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fromto.clean.chars import CLOSERS
from fromto.clean.lines import (MAX_HEADING_CHARS, MAX_SINGLE_HEADING_CHARS, box_label, ends_paragraph, is_colon_pre_title,
                                is_column_name, is_head_column, is_lead, is_long_lead, is_question_lead,
                                is_report_pre_title,
                                is_series_column, is_series_line, is_title_like, is_two_part_title,
                                looks_cut, parse_byline)
from fromto.clean.pieces import _Line, _Log


@dataclass
class _Head:
    title: _Line | None
    byline: _Line | None = None
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    pre_title: _Line | None = None
    subtitle: _Line | None = None
    column: _Line | None = None
    #: decisions of the wider head rules, logged with the article: (kind, first line, last line, before, after,
    #: rule, note)
    notes: list[tuple] = field(default_factory=list)
    #: a column over the body with the title printed after the body (a commentary without byline)
    after_body: bool = False

    def lines(self) -> list[_Line]:
        return [x for x in (self.column, self.pre_title, self.title, self.subtitle, self.byline) if x is not None]

    @property
    def first(self) -> int:
        return min(x.index for x in self.lines())

    @property
    def last(self) -> int:
        return max(x.index for x in self.lines())


@dataclass
class _Article:
    head: _Head | None
    body: list[_Line]
    column: _Line | None = None
    head_after_body: bool = False


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
        if is_series_line(line.text) and i + 1 < n and free(i + 1) and (
                parse_byline(lines[i + 1].text) or lines[i + 1].text.startswith("——")):
            continue  # a series line over the byline (深阅读·某某某某) or over a ——subtitle (a byline comes after
            # the subtitle), not a transcribed name
        t, sub, series = i - 1, None, None
        if free(t) and _series_under_title(lines, t, free):
            series, t = t, t - 1
        if free(t) and lines[t].text.startswith("——") and free(t - 1) and is_title_like(lines[t - 1].text):
            sub, t = t, t - 1
            if series is None and free(t) and _series_under_title(lines, t, free):
                series, t = t, t - 1
        # a head whose only line over a reporter's byline ends in —— (``某某省推进某事——`` / ``本报记者 某某``):
        # with no title under it, that line is the title, not a pre-title over the byline
        dash_title = (free(t) and sub is None and series is None and bool(parsed[1])
                      and (is_lead(lines[t].text) or is_long_lead(lines[t].text)))
        if not free(t) or not (is_title_like(lines[t].text) or dash_title):
            continue
        if (not parsed[1] and sub is None and series is None and is_column_name(line.text)
                and i + 2 < n and is_title_like(lines[i + 1].text) and not ends_paragraph(lines[i + 1].text)
                and (ends_paragraph(lines[i + 2].text) or len(lines[i + 2].text) > MAX_HEADING_CHARS)):
            continue  # a short column name over a title and its first paragraph reads like a name: a column
        if not parsed[1] and len(parsed[0]) >= 2 and all(len(x) == 4 for x in parsed[0]):
            continue  # four-character names are rare (compound surnames): two or more of them without a role are
            # a title set in halves (``物业进村  乡村更美``), not a byline
        upper = parse_byline(lines[t].text)
        if (not parsed[1] and upper is not None and not (free(t - 1) and is_lead(lines[t - 1].text))
                and not (len(upper[0]) >= 2 and not upper[1] and len(parsed[0]) == 1)):
            continue  # two name-like lines: without a role neither is surely a byline, unless a pre-title leads
            # into the upper one (``……——`` / ``账目清  村民安`` / ``杨文明  徐婧柯``): then it is the title; so is
            # an upper line of several "names" over one name (``抓得紧  落得实  见成效`` / ``某某某``): bylines
            # are not stacked, a title in parts over its author is
        head = _Head(title=lines[t], byline=line, names=parsed[0], roles=parsed[1],
                     subtitle=lines[sub] if sub is not None else None,
                     column=lines[series] if series is not None else None)
        if series is not None:
            head.notes.append(("column", lines[series], lines[series], lines[series].text, lines[series].text,
                               "series-line", "a series line (column · series) between the title and the "
                               "byline: the article's column"))
        k = t - 1
        if free(k) and is_lead(lines[k].text):
            head.pre_title = lines[k]
            k -= 1
        elif free(k) and is_long_lead(lines[k].text) and (k == 0 or (
                free(k - 1) and is_column_name(lines[k - 1].text) and box_label(lines[k - 1].text) is None
                and (k == 1 or not free(k - 2) or ends_paragraph(lines[k - 2].text)))):
            head.pre_title = lines[k]
            head.notes.append(("pre_title", lines[k], lines[k], lines[k].text, lines[k].text, "long-pre-title",
                               f"a {len(lines[k].text)}-character line ending in —— between "
                               f"{'the page start' if k == 0 else 'a column line'} and a title with byline: the "
                               "pre-title (引题)"))
            k -= 1
        elif (free(k) and sub is None and series is None and bool(parsed[1]) and _names_a_report(lines, k, free)):
            head.pre_title = lines[k]
            head.notes.append(("pre_title", lines[k], lines[k], lines[k].text, lines[k].text, "report-pre-title",
                               "a short line with no paragraph of its own between a complete paragraph and a "
                               "title over a reporter's byline: the report's pre-title (引题)"))
            k -= 1
        if (series is None and free(k) and is_head_column(lines[k].text)
                and (k == 0 or not free(k - 1) or ends_paragraph(lines[k - 1].text))):
            head.column = lines[k]  # a box label too (``编后``): over a title and a byline it is a column, as a
            # box inside an article prints no byline of its own
        heads.append(head)
        claimed.update(x.index for x in head.lines())
    heads.extend(_heads_without_byline(lines, claimed, [h.pre_title.text for h in heads if h.pre_title]))
    heads.sort(key=lambda h: h.first)
    # A document that opens with [column] [pre-title] title and then body text has a head without a byline.
    first = heads[0].first if heads else n

    def para(j: int) -> bool:
        return j < first and (ends_paragraph(lines[j].text) or len(lines[j].text) > MAX_HEADING_CHARS)

    k, col, pre = 0, None, None
    if (k + 1 < first and (is_column_name(lines[k].text) or is_series_line(lines[k].text))
            and not ends_paragraph(lines[k + 1].text)):
        col, k = lines[k], k + 1   # a column, or a series line with or without its number
    if k + 1 < first and is_lead(lines[k].text):
        pre, k = lines[k], k + 1
    # a column line right before the page's first paragraph, and a first head that is a bare title + byline:
    # a commentary printed with its head after its body (title-after-body), not a title
    body_first = (col is None and pre is None and is_head_column(lines[k].text) and heads
                  and heads[0].pre_title is None and heads[0].column is None and heads[0].byline is not None)
    if (k + 1 < first and is_title_like(lines[k].text) and not ends_paragraph(lines[k].text)
            and not body_first):
        # a series line printed under the title and a ——subtitle, then the first paragraph: a head without byline
        # (a round-up whose reports carry the bylines)
        j, series, sub = k + 1, None, None
        if col is None and j < first and "·" in lines[j].text and is_series_line(lines[j].text):
            series, j = lines[j], j + 1
        if j < first and lines[j].text.startswith("——") and len(lines[j].text) <= MAX_HEADING_CHARS:
            sub, j = lines[j], j + 1
        if (series is not None or sub is not None) and para(j):
            head = _Head(title=lines[k], pre_title=pre, column=col or series, subtitle=sub)
            head.notes.append(("structure", lines[0], lines[j - 1], lines[k].text, lines[k].text,
                               "head-without-byline", "the page opens with [column] [pre-title] title, "
                               "[a series line under it,] [——subtitle] and a paragraph: an article head without "
                               "byline"))
            heads.insert(0, head)
        # after a pre-title the body may open with a one-line subhead before its first paragraph
        elif para(k + 1) or (pre is not None and not para(k + 1) and para(k + 2)):
            head = _Head(title=lines[k], pre_title=pre, column=col)
            if not para(k + 1):
                head.notes.append(("structure", lines[0], lines[k], lines[k].text, lines[k].text,
                                   "head-without-byline", "the page opens with [column] pre-title title and a "
                                   "subhead before the first paragraph: an article head without byline"))
            heads.insert(0, head)
    return sorted(heads, key=lambda h: h.first)


def _names_a_report(lines: list[_Line], k: int, free) -> bool:
    """Line k, right over the title of a head with a reporter's byline, is that report's pre-title printed
    without a closing —— (``全国劳动模范、某某``): a short line that is not a column line, a box label, a
    lead, a title in halves or a broken sentence, with a complete paragraph (or the page's start, or another
    head) above it. A section heading there would head no paragraph: the next head follows at once."""
    text = lines[k].text
    return (0 < len(text) <= MAX_SINGLE_HEADING_CHARS and is_title_like(text) and not ends_paragraph(text)
            and not looks_cut(text) and not is_head_column(text) and not is_series_line(text)
            and box_label(text) is None and not is_two_part_title(text) and parse_byline(text) is None
            and (k == 0 or not free(k - 1) or ends_paragraph(lines[k - 1].text)))


def _series_under_title(lines: list[_Line], t: int, free) -> bool:
    """Line t is a series line printed under its title (title, series line, [——subtitle,] byline): a series
    column, with its number or without, under a title-like line. The line above is the title even where it could
    be read as a column line (``某某某某某`` / ``前沿观察·某某系列``): a series line names its column itself, and a
    head prints one column."""
    text = lines[t].text
    return is_series_line(text) and free(t - 1) and is_title_like(lines[t - 1].text)


def _parallel(lead: str, other: str) -> bool:
    """Two pre-titles of one form (a series of reports: ``河北省衡水市——``, ``山东省高唐县——``): the same length,
    no clause punctuation, and at least a third of their characters the same at the same places."""
    a, b = lead.rstrip("—"), other.rstrip("—")
    if len(a) != len(b) or not a or re.search(r"[，,；;：:、]", a + b):
        return False
    return sum(x == y for x, y in zip(a, b)) * 3 >= len(a)


def _heads_without_byline(lines: list[_Line], claimed: set[int], pre_titles: list[str]) -> list[_Head]:
    """Heads that print no byline, after a complete body, each followed by a paragraph.

    First the heads no section heading looks like: a commentary's column over its body with its title printed
    after the body and before the next head (:func:`_commentary_after_body`); then, in that order, heads whose
    furniture only a head prints: a column and a pre-title over the title, a series line (column · series) over
    it, a pre-title naming the place or body reported on or a clause long (:func:`is_report_pre_title`), a
    speaker's pre-title ending in ：. Last the heads that have the shape of a two-line section heading: column +
    title, unless it comes with other two-line headings between two heads (an article's sections come in
    series); pre-title + title where the pre-title has the form of another head's pre-title on the page
    (:func:`_parallel`) and the pair is the only pre-title + title pair between the heads around it.
    """
    n = len(lines)
    heads: list[_Head] = []
    closers: set[int] = set()   # commentary titles printed after their body: they close it, as a byline does

    def free(i: int) -> bool:
        return 0 <= i < n and i not in claimed

    def para(j: int) -> bool:
        # a paragraph that a photo caption cuts short is still a paragraph: its piece before the caption stops
        # mid-clause (``……把居民楼划成网格：每格配``) and the next line continues it after the caption
        return free(j) and (ends_paragraph(lines[j].text) or len(lines[j].text) > MAX_HEADING_CHARS
                            or (looks_cut(lines[j].text) and j + 1 < n and bool(lines[j + 1].cut_before)))

    def pair(j: int) -> bool:
        return (free(j) and free(j + 1) and is_lead(lines[j].text) and is_title_like(lines[j + 1].text)
                and not ends_paragraph(lines[j + 1].text))

    def column(j: int) -> bool:
        return free(j) and is_head_column(lines[j].text) and box_label(lines[j].text) is None

    def closed(j: int) -> bool:
        """A complete paragraph, or the byline or title of a head printed after its body, ends at line j."""
        return para(j) or (0 <= j < n and j in claimed and (parse_byline(lines[j].text) is not None
                                                           or j in closers))

    def column_title(i: int) -> bool:
        return (free(i) and is_title_like(lines[i].text)
                and (not ends_paragraph(lines[i].text) or _question_title(lines[i].text))
                and column(i - 1) and closed(i - 2) and para(i + 1))

    def two_line_heading(i: int) -> bool:
        """A short line over a title-like line, between complete paragraphs: a column + title, or any two-line
        section heading (``如何推进某事`` / ``某某，某某``)."""
        lead = lines[i - 1].text
        return (free(i - 1) and free(i) and 0 < len(lead) <= MAX_SINGLE_HEADING_CHARS and box_label(lead) is None
                and (not ends_paragraph(lead) or lead.rstrip(CLOSERS).endswith(("？", "?")))
                and is_title_like(lines[i].text) and not ends_paragraph(lines[i].text)
                and closed(i - 2) and para(i + 1))

    def head_printed_after(i: int) -> bool:
        """The next head below line i is a title + byline with no paragraph under it: printed after its body."""
        hi = min((c for c in claimed if c > i), default=n)
        return (hi + 1 < n and hi + 1 in claimed and parse_byline(lines[hi + 1].text) is not None
                and not para(hi + 2))

    def halves(j: int) -> tuple[int, ...]:
        return tuple(len(x) for x in lines[j].text.split())

    def parallel_halves(i: int) -> bool:
        """Line i, set in two halves, has a twin between the same heads: another line in halves of the same
        lengths between paragraphs (``察实情  办实事`` ... ``解难题  促发展``). Subheads of one article come in
        such series; titles of articles set one after another do not share a shape."""
        lo = max((c for c in claimed if c < i), default=-1)
        hi = min((c for c in claimed if c > i), default=n)
        return any(m != i and free(m) and is_two_part_title(lines[m].text) and halves(m) == halves(i)
                   and para(m - 1) and para(m + 1) for m in range(lo + 1, hi))

    def claim(head: _Head) -> None:
        heads.append(head)
        claimed.update(x.index for x in head.lines())

    for head in _commentary_after_body(lines, free, para, closed):
        claim(head)
        closers.add(head.title.index)

    for strong in (True, False):
        # column + title pairs that come with other two-line headings between two heads are an article's section
        # headings (``清旧账`` / ``拖欠8年的借款终于追回来了``): byline-less articles do not follow one another so
        candidates = [i for i in range(2, n - 1) if column_title(i) or two_line_heading(i)]
        bounds = sorted(claimed)

        def in_series(i: int) -> bool:
            lo = max((c for c in bounds if c < i), default=-1)
            hi = min((c for c in bounds if c > i), default=n)
            span = [c for c in candidates if lo < c < hi]
            if len(span) < 2:
                return False
            # a column + title after the sections of an article whose byline is at its head, over paragraphs of
            # which one, before any other two-line heading, is signed at its end in brackets (``……。（某  某）``,
            # ``（本报记者某某整理）``): the head of a short piece signed at its end, not one more section
            signed = next((j for j in range(i + 1, hi) if para(j) and _signed_end(lines[j].text)), None)
            breaks = (column(i - 1) and signed is not None and lo >= 0 and parse_byline(lines[lo].text) is not None
                      and not any(i < c < signed for c in span))
            # right under the byline of a commentary's head printed after its body, a column + title opens the
            # next article: the commentary has ended
            breaks = breaks or (column(i - 1) and lo == i - 2 and _closes_commentary(lines, lo, free, para))
            return not breaks

        for i in range(1, n - 1):
            if (not free(i) or not is_title_like(lines[i].text)
                    or (ends_paragraph(lines[i].text) and not (_question_title(lines[i].text) and column(i - 1)))):
                continue   # a title asking a question (``某某房，见不得光？``) only right under a column line
            colon_pre = free(i - 1) and is_colon_pre_title(lines[i - 1].text)
            pre = i - 1 if free(i - 1) and (is_lead(lines[i - 1].text) or colon_pre) else None
            k = i - 1 if pre is None else i - 2
            col = k if column(k) else None
            if col is not None:
                k -= 1
            # a numbered series line (``金台潮声·某某系列谈⑧``), or a column line over paragraphs whose title and
            # byline are printed after them (``金台潮声``), is the column of the commentary below it, not a title
            alone = (pre is None and col is None and strong and not is_series_column(lines[i].text)
                     and not (is_head_column(lines[i].text) and head_printed_after(i)) and (
                (is_two_part_title(lines[i].text) and not parallel_halves(i)) or (para(i - 1) and _signed_end(lines[i - 1].text))
                # right under the byline of a commentary printed after its body: the commentary has ended
                or (not free(i - 1) and _closes_commentary(lines, i - 1, free, para))))
            if (pre is None and col is None and not alone and not (
                    free(i + 1) and "·" in lines[i + 1].text and is_series_line(lines[i + 1].text))) or not closed(k):
                continue
            j, sub = i + 1, None
            if col is None and free(j) and "·" in lines[j].text and is_series_line(lines[j].text):
                col, j = j, j + 1   # a series line printed under the title
            if free(j) and lines[j].text.startswith("——") and len(lines[j].text) <= MAX_HEADING_CHARS:
                sub, j = j, j + 1
            if not para(j):
                continue
            series = col is not None and pre is None and "·" in lines[col].text and is_series_line(lines[col].text)
            report = ((pre is not None and col is None and is_report_pre_title(lines[pre].text))
                      or (pre is None and col is not None and is_two_part_title(lines[i].text))
                      or (pre is not None and col is None and is_two_part_title(lines[i].text)) or alone)
            signed = para(k) and _signed_end(lines[k].text)
            sure = (col is not None and pre is not None) or series or report or colon_pre or signed
            if strong and not sure:
                continue
            pairs = 0
            if not sure:
                if col is not None and not is_column_name(lines[col].text) and len(lines[col].text) > 11:
                    continue
                if pre is None and in_series(i):
                    continue
                if col is None:
                    if not any(_parallel(lines[pre].text, other) for other in pre_titles):
                        continue
                    lo = max((c for c in claimed if c < i), default=-1)
                    hi = min((c for c in claimed if c > i), default=n)
                    pairs = sum(1 for m in range(lo + 1, hi - 1) if pair(m))
                    if pairs != 1:
                        continue
            head = _Head(title=lines[i], pre_title=lines[pre] if pre is not None else None,
                         column=lines[col] if col is not None else None,
                         subtitle=lines[sub] if sub is not None else None)
            what = " + ".join(x for x, v in (("column", col), ("pre-title", pre)) if v is not None) or "nothing"
            why = ""
            if pairs:
                why = (" (a pre-title of the form of another on the page, the only pre-title + title pair between "
                       "the heads around it)")
            elif colon_pre:
                why = " (a pre-title ending in a colon that introduces the speaker)"
            elif series:
                why = " (a series line: column · series)"
            elif signed:
                why = " (after a paragraph signed with its author's name in brackets: the article before ends there)"
            elif report:
                why = (" (a pre-title naming the place or body reported on, or a sentence, or a title set in two "
                       "halves, alone or under a column or pre-title: no section heading)")
            head.notes.append(("structure", head.lines()[0], head.lines()[-1], lines[i].text, lines[i].text,
                               "head-without-byline",
                               f"after a complete paragraph, {what} + title followed by a paragraph{why}: the head "
                               "of a new article that prints no byline"))
            claim(head)
    return heads


def _closes_commentary(lines: list[_Line], b: int, free, para) -> bool:
    """Line b is the byline of a bare title + byline printed after the body it heads: above the title, one or
    more paragraphs under a column line that opens the page or follows a complete paragraph (``金台潮声`` /
    paragraphs / title / byline)."""
    t = b - 1
    if t < 1 or free(t) or parse_byline(lines[b].text) is None:
        return False
    j = t - 1
    while j >= 0 and para(j):
        j -= 1
    return (j < t - 1 and j >= 0 and free(j) and is_head_column(lines[j].text) and box_label(lines[j].text) is None
            and (j == 0 or para(j - 1)))


def _question_title(text: str) -> bool:
    """A title that asks (``阳光房，见不得光？``): short, ending in ？ (closing quotes looked through), no full stop,
    exclamation or semicolon, at most one comma."""
    t = text.rstrip(CLOSERS)
    return (2 <= len(text) <= MAX_SINGLE_HEADING_CHARS and t[-1:] in ("？", "?")
            and not re.search(r"[。！!；;？?]", t[:-1]) and len(re.findall(r"[，,]", t)) <= 1)


def _signed_end(text: str) -> bool:
    """A paragraph that ends with its author's name in brackets (``……。（郭  帅）``, ``……。（本报记者 某某）``,
    ``……。（本报记者某某整理）``): the signature that closes an article."""
    m = re.search(r"[。！？!?…”’][（(]([^（()）]{2,24})[）)]$", text.rstrip())
    if not m:
        return False
    credit = m.group(1).strip()
    # a reporter's credit for words taken down (``本报记者某某整理``, ``……采访整理``) signs the piece as a name does
    told = re.sub(r"(?:采访)?(?:整理|记录)$", "", credit)
    return parse_byline(credit) is not None or (told != credit and parse_byline(told) is not None)


def _commentary_after_body(lines: list[_Line], free, para, closed) -> list[_Head]:
    """Commentaries printed as the seed prints 金台潮声 but without byline: a column line after a complete
    paragraph (or at the page's start) with a paragraph right under it, the paragraphs of the body, then a short
    unterminated line (the title) that ends the page or comes right before the next head's first line (a
    column, a series line or a pre-title, or a head already found). The body holds paragraphs only, so a
    one-line section heading over paragraphs does not start one."""
    n = len(lines)
    heads: list[_Head] = []

    def head_start(j: int) -> bool:
        if j >= n or not free(j):
            return True
        t = lines[j].text
        return box_label(t) is None and (is_head_column(t) or is_lead(t) or is_colon_pre_title(t))

    for c in range(n):
        # under a heading's lead ending in ： or ？ (``制度固本：``) a column-like line is the heading's second line
        if (not free(c) or not is_head_column(lines[c].text) or box_label(lines[c].text) is not None
                or not (c == 0 or (closed(c - 1) and not is_question_lead(lines[c - 1].text))) or not para(c + 1)):
            continue
        t = c + 1
        while para(t):
            t += 1
        if (t >= n or not free(t) or not is_title_like(lines[t].text) or ends_paragraph(lines[t].text)
                or box_label(lines[t].text) is not None or not head_start(t + 1)):
            continue
        head = _Head(title=lines[t], column=lines[c], after_body=True)
        head.notes.append(("title_moved", lines[t], lines[t], lines[t].text, lines[t].text, "title-after-body",
                           "a column over a body of paragraphs whose title is printed after it, before the next "
                           "head, without byline: the title moved to the article's head"))
        heads.append(head)
    return heads


def _segment(lines: list[_Line], heads: list[_Head], log: _Log) -> list[_Article]:
    """Cut the line stream into articles at the heads; attach heads printed after their body."""
    articles: list[_Article] = []
    bounds = [h.first for h in heads] + [len(lines)]
    if not heads or heads[0].first > 0:
        prefix = lines[: bounds[0]]
        if prefix:
            articles.append(_Article(head=None, body=prefix))
    for h, nxt in zip(heads, bounds[1:]):
        if h.after_body:
            body = lines[h.column.index + 1: h.title.index] + lines[h.title.index + 1: nxt]
            articles.append(_Article(head=h, body=body, column=h.column, head_after_body=True))
            continue
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
            if len(prev.body) > 1 and is_head_column(prev.body[0].text) and box_label(prev.body[0].text) is None:
                prev.column, prev.body = prev.body[0], prev.body[1:]
        else:
            cut = None
            for j in range(len(prev.body) - 2, -1, -1):
                line = prev.body[j]
                before_ok = j == 0 or ends_paragraph(prev.body[j - 1].text)
                # a column name, or a series line with or without its number (``金台潮声·某某系列谈``)
                if ((is_column_name(line.text) or is_series_line(line.text)) and box_label(line.text) is None
                        and before_ok):
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
