"""Repairs of the layout's damage inside a body: rejoining cut paragraphs, dropping a heading printed twice."""

from __future__ import annotations

import re

from fromto.clean.body import _Item
from fromto.clean.chars import _HAN_RE
from fromto.clean.lines import looks_cut
from fromto.clean.pieces import _Log


def _rejoin(items: list[_Item], log: _Log) -> list[_Item]:
    """Join a paragraph that stops mid-sentence with the paragraph that continues it.

    The first must :func:`looks_cut`, so a short title-like line (a headline of a report without byline, or
    ``……（图片）``) stays a unit of its own. Logged as ``rejoin_caption`` where a removed caption stood between the
    two parts, else ``rejoin_page_break``.
    """
    out: list[_Item] = []
    for it in items:
        if (it.kind == "para" and out and out[-1].kind == "para" and out[-1].box == it.box
                and looks_cut(out[-1].piece.text)):
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
