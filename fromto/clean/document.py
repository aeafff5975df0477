"""A page or any other document -> the tables: articles, paragraphs, sentences, captions and the log."""

from __future__ import annotations

import bisect
import collections

from fromto.clean.body import _body_items, _Item
from fromto.clean.captions import _remove_captions, parse_credit
from fromto.clean.heads import _find_heads, _segment
from fromto.clean.pieces import _Line, _Log, _Piece, _split_lines
from fromto.clean.repairs import _rejoin, _resolve_duplicate_headings
from fromto.clean.result import CleanResult
from fromto.clean.sentences import split_sentences
from fromto.clean.sic import _apply_overrides, find_repeated_chunks


def _parse_page(text: str, doc: str, log: _Log, lines: list[_Line] | None = None
                ) -> tuple[list[dict], list[dict], list[dict]]:
    lines = _split_lines(text, log) if lines is None else lines
    lines, captions = _remove_captions(lines, log)
    heads = _find_heads(lines)
    articles = _segment(lines, heads, log)
    para_rows: list[dict] = []
    art_rows: list[dict] = []
    para_no = 0
    for a_no, art in enumerate(articles, start=1):
        h = art.head
        title = h.title.text if h and h.title else ""
        byline = ("、".join(h.names) or "、".join(h.roles)) if h else ""  # 本报评论员 alone is the author
        units: list[tuple[str, int, str, _Piece, _Item | None]] = []  # position, section, section_title, piece
        if art.column is not None:
            log.add("column", art.column.piece.start, art.column.piece.end, art.column.text, "", "column-line",
                    note="column name moved to articles.column")
        if h is not None:
            for kind, first, last, before, after, rule, note in h.notes:  # decisions of the wider head rules
                log.add(kind, first.piece.start, last.piece.end, before, after, rule, note=note)
            if h.pre_title is not None:
                units.append(("pre_title", 0, "", h.pre_title.piece, None))
            if h.title is not None:
                units.append(("title", 0, "", h.title.piece, None))
            if h.subtitle is not None:
                units.append(("subtitle", 0, "", h.subtitle.piece, None))
            if h.byline is not None:
                after = "、".join(h.names)
                log.add("byline", h.byline.piece.start, h.byline.piece.end, h.byline.text, after, "byline",
                        note=f"names -> articles.byline ({after or '-'}); role -> articles.byline_role "
                             f"({'；'.join(h.roles) or '-'})")
        items = _resolve_duplicate_headings(_rejoin(_body_items(art.body, log), log), log)
        section, stitle = 0, ""
        for it in items:
            if it.kind == "heading":
                section += 1
                stitle = it.heading_text
                if it.lead is not None:
                    units.append(("section_lead", section, stitle, it.lead.piece, None))
                if it.sub is not None:
                    # a one-line heading is recorded as a lead alone (section_lead), as it always was
                    units.append(("section_subtitle" if it.lead is not None else "section_lead", section, stitle,
                                  it.sub.piece, None))
            elif it.kind == "box_label":
                units.append(("box_label", section, stitle, it.piece, it))
            else:
                units.append(("box_body" if it.box else "body", section, stitle, it.piece, it))
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
