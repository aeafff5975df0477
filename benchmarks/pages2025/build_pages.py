"""Build page dumps in the seed's layout from the 2025 party-building corpus (read in place), with their structure.

Usage::

    python benchmarks/pages2025/build_pages.py --out DIR [--corpus PATH] [--split tune|variant|heldout|all]
    python benchmarks/pages2025/build_pages.py --write-specs [--corpus PATH] [--last-tune-date DATE]
    python benchmarks/pages2025/build_pages.py --write-variants [--variants-of heldout]   # layout variants
    python benchmarks/pages2025/build_pages.py --out DIR --write-expected          # positions files from the rules

Every command takes ``--specs DIR``: the folder of the specs (``DATE.tsv``) and committed positions files
(``DATE.expected.csv``), by default this folder. Another corpus of the same format (SOURCES.tsv, articles/) gets
its own folder: ``--write-specs`` writes one spec per issue date there (split by date: up to ``--last-tune-date``
tuning, later held out), ``--write-expected`` its positions files, and a build or ``evaluate.py`` reads them.

A variant spec (``DATE~VARIANT.tsv``, split ``variant``) holds a tuning page's articles and layout choices and
prints them otherwise (``heads``: furniture left out of the heads after the first, :data:`VARIANT_HEADS`;
``leads plain``: heading pairs' leads printed without their ——); held-out pages get no variants.

One page per issue date of the corpus (``YYYY-MM-DD.tsv``). A spec names the page's split, two layout choices
and its articles (Markdown file name and sha256, in the order printed). Everything else is decided by fixed rules
in this script, the same for every page, so a held-out page is built without anyone reading it:

* **structure from the Markdown's markup**: ``###`` pre-title, ``#`` title (a trailing ``（栏目）`` or
  ``（栏目·系列名）`` is the column), ``## ——`` subtitle, ``> 系列：`` series line (a column), ``> …《人民日报》`` byline; in the body,
  by the kind of line (:func:`classify`): photo captions and credits, one-line subheads and heading pairs
  (a lead ending in ？, —— or a short phrase ending in ： over an unterminated line), box labels and the box after them, the 编者 note's
  signature (printed at the end of the note), a bracketed author credit (printed at the end of the paragraph
  before it), reports inside a round-up that carry their own title and 本报记者 byline (a new article);
* **the seed's layout and damage**: one block per line, a blank line between blocks, two blank lines first;
  the column (or series) line above the head; a commentary (金台潮声) printed with its title and byline after
  its body; every photo caption + credit cutting a long body paragraph mid-phrase after three blank lines;
  one paragraph per page split at a page break; and, by the spec's ``ascii`` choice, the page's full-width
  ``，；：？（）`` printed as ASCII (as in the seed); by its ``series`` choice, a series line printed above the
  head (``above``) or under the title (``after``). Articles with no body paragraph (a photo with its caption)
  are not printed.

``DIR/DATE.txt`` is the page (UTF-8, LF) and ``DIR/DATE.expected.csv`` the reader's structure resolved to
``article,kind,text_start`` (12 characters, as ``benchmarks/pages``). The committed ``DATE.expected.csv`` holds
the same rows as positions only (``article,kind,file,block``: the Markdown block, i.e. the non-empty line after
the front matter, 0-based); the build fails if the rules no longer give them. The corpus is research-only, so
DIR must lie outside the repository. Corpus: ``--corpus``, else ``$FROMTO_PD2025``, else
``../shared/corpora/peoples-daily-2025-party-building/`` beside the repository; absent: one line, exit 2.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS_NAME = "peoples-daily-2025-party-building"
#: The splits a page can be in (``all``: every page).
SPLITS = ("tune", "variant", "heldout", "heldout-variant", "all")
#: Issue dates up to this one are tuning pages; later ones are held out.
LAST_TUNING_DATE = "2025-04-22"
ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "？": "?", "（": "(", "）": ")"})
TEXT_START = 12
COMMENTARY_COLUMNS = ("金台潮声",)
STOPS = "。！？…；：!?;:"
CLOSING = "”’」』）)"
_HAN = "\u4e00-\u9fff"
_CREDIT_RE = re.compile(r"(摄|供图|制图|绘)(（[^）]{1,12}）|\([^)]{1,12}\))?$")
_SOURCE_RE = re.compile(r"^(数据来源|资料来源|图片来源)：")
#: credits that name no photographer: a file photo, photos supplied by the people interviewed or by a body
_NO_NAME_CREDIT_RE = re.compile(r"^(?:资料图片|受访者提供|(?:以上|本版)?图片均?(?:为|由)[^。，,；;]{2,14}提供)$")
#: a credit for a group of photos (以上图片均为某某摄, 本版图片均由某某提供)
_GROUP_CREDIT_RE = re.compile(r"^(?:以上|本版)图片")
_BRACKET_CREDIT_RE = re.compile(r"^（[^（）]{1,24}）$")
_SIGNATURE_RE = re.compile(r"^——\s*编\s*者$")
_BOX_RE = re.compile(r"^■?\s*(链接|相关链接|背景|记者手记|延伸阅读|核心阅读|编者按|短评|点评|数说|专家点评)$")
_BYLINE_RE = re.compile(rf"^(本报记者|本报通讯员|记者|通讯员)[\s\u3000]*[{_HAN}]")
MAX_HEADING = 30
MAX_BYLINE = 30


class SpecError(Exception):
    """A spec, corpus file or committed expected file that does not fit."""


def find_corpus(arg: str | None) -> Path | None:
    given = arg or os.environ.get("FROMTO_PD2025")
    path = Path(given) if given else REPO.parent / "shared" / "corpora" / CORPUS_NAME
    return path if (path / "SOURCES.tsv").is_file() else None


def md_blocks(text: str) -> list[str]:
    """The Markdown's blocks: its non-empty lines after the YAML front matter, stripped."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return [line.strip() for line in text.split("\n") if line.strip()]


def unterminated(text: str) -> bool:
    """No sentence-final mark at the end (closing quotes looked through) and no 。 inside."""
    core = text.rstrip(CLOSING)
    return bool(core) and core[-1] not in STOPS and "。" not in text


def is_credit(text: str) -> bool:
    return len(text) <= 40 and "。" not in text and (bool(_CREDIT_RE.search(text)) or bool(_SOURCE_RE.match(text))
                                                     or bool(_NO_NAME_CREDIT_RE.match(text)))


def is_web_caption_copy(body: list[str], j: int) -> bool:
    """Block j is the web edition's copy of the photo caption printed in the next two blocks: the caption and its
    credit on one line, set apart by a wide space (``某某在某地开展某事。　　某某摄`` over ``某某在某地开展某事。``
    and ``某某摄``). The paper prints each caption once, so the copy is not printed and a reader never sees it."""
    if j + 2 >= len(body) or not is_credit(body[j + 2]) or is_credit(body[j + 1]):
        return False
    squeeze = lambda x: re.sub(r"[\s\u3000]+", "", x)
    return (bool(re.search(r"[\s\u3000]{2,}", body[j]))
            and squeeze(body[j]) == squeeze(body[j + 1]) + squeeze(body[j + 2]))


def is_caption_sentence(text: str) -> bool:
    """A caption as printed: one sentence ending in 。, no longer than 80 characters."""
    return len(text) <= 80 and text.endswith("。") and text.count("。") == 1


def is_uncredited_caption_copy(body: list[str], j: int) -> bool:
    """Block j is printed again as block j+1, and a caption and its credit follow within the next three blocks:
    the web edition's copy of the caption of a photo that has no credit of its own (a group's credit, as
    ``以上图片均为某某摄``, covers it). A caption is one sentence, so both are short and end in 。."""
    t = body[j]
    return (j + 2 < len(body) and body[j + 1] == t and len(t) <= 80 and t.endswith("。")
            and not is_heading(t) and any(is_credit(x) for x in body[j + 2:j + 5]))


def is_colon_lead(text: str) -> bool:
    """The lead of a heading pair that announces (``文化铸魂：`` over ``让历史智慧照进现实``): a short phrase
    ending in ： with no punctuation before it."""
    return text.endswith("：") and 2 <= len(text) <= 25 and not re.search(r"[，、；：。！？“”]", text[:-1])


def is_exclaimed_title(text: str) -> bool:
    """A short title that exclaims or asks (``一次议事会，管用！``, ``钱从哪里来？``): over a ``本报记者 …`` line it
    heads a report inside a round-up, as an unterminated title does."""
    return len(text) <= MAX_HEADING and text.rstrip(CLOSING).endswith(("！", "？")) and "。" not in text


def is_heading(text: str) -> bool:
    return len(text) <= MAX_HEADING and (unterminated(text) or text.endswith("——"))


#: The longest quotation printed as a heading's second line.
MAX_QUOTED_HEADING = 40


def is_quoted_heading_line(text: str) -> bool:
    """A heading's second line that quotes someone (``扎根一线`` / ``“不是……，而是……”``): wholly in
    quotation marks, with no sentence end; under a one-line heading it completes the heading pair up to
    40 characters, as a heading line of 30 does."""
    return (text.startswith("“") and text.endswith("”") and len(text) <= MAX_QUOTED_HEADING
            and unterminated(text))


@dataclass
class Block:
    kind: str            # column, pre_title, title, subtitle, byline, section_heading, body, box_label, box_body, caption
    index: int           # Markdown block
    text: str            # as printed (before damage)
    article: int = 0
    credit: str = ""     # a caption's credit line
    grouped: bool = False   # a caption without credit, printed with the next caption, whose credit covers both
    joined: list = field(default_factory=list)   # text printed at the end of this block (signature, credit)


#: A title's trailing column in brackets: a column name (``（金台潮声）``) or a series column, name · series
#: (``（某某观察·某某系列谈）``, the series name up to 16 characters); a longer bracket, or one holding clause
#: punctuation, is part of the title.
TITLE_COLUMN = r"（([^（），。？！；：]{2,12}(?:·[^（），。？！；：·]{2,16})?)）$"


def head_text(kind: str, raw: str) -> str:
    """What a head block prints, from its Markdown line."""
    if kind == "title":
        return re.sub(TITLE_COLUMN, "", raw[2:].strip())
    if kind == "column":
        if raw.startswith("#"):
            return re.search(TITLE_COLUMN, raw).group(1)
        return raw.split("：", 1)[1].strip()
    if kind == "pre_title":
        t = raw[4:].strip()
        return t if t.endswith(("——", "：")) else t + "——"
    if kind == "subtitle":
        t = raw[3:].strip()
        return t if t.startswith("——") else "——" + t
    if kind == "byline":
        return raw[1:].split("《人民日报》")[0].strip()
    raise ValueError(kind)


def classify(blocks: list[str]) -> list[list[Block]]:
    """One Markdown article -> its printed articles (a round-up's reports with their own byline are articles)."""
    head: list[Block] = []
    i = 0
    column = series = None
    while i < len(blocks) and blocks[i].startswith(("#", ">")):
        raw = blocks[i]
        if raw.startswith("### "):
            head.append(Block("pre_title", i, head_text("pre_title", raw)))
        elif raw.startswith("## "):
            head.append(Block("subtitle", i, head_text("subtitle", raw)))
        elif raw.startswith("# "):
            head.append(Block("title", i, head_text("title", raw)))
            if re.search(TITLE_COLUMN, raw):
                column = Block("column", i, head_text("column", raw))
        elif raw.startswith("> 系列："):
            series = Block("column", i, head_text("column", raw))
        elif raw.startswith(">") and "《人民日报》" in raw:
            text = head_text("byline", raw)
            if text:
                head.append(Block("byline", i, text))
        i += 1
    col = series or column
    order = {"column": 0, "pre_title": 1, "title": 2, "subtitle": 3, "byline": 4}
    first = sorted(([col] if col else []) + head, key=lambda b: order[b.kind])
    body = blocks[i:]
    base = i
    kinds = [""] * len(body)
    # captions: a credit line and the caption line before it
    captions = {}
    for j, t in enumerate(body):
        if kinds[j]:
            continue
        if is_web_caption_copy(body, j):
            kinds[j] = "copy"
        elif is_uncredited_caption_copy(body, j):
            # the caption of a photo with no credit of its own (a later credit covers it: 以上图片均为某某摄),
            # printed twice by the web edition: the copy is left out, the caption goes with the next caption
            kinds[j], kinds[j + 1] = "copy", "credit"
            captions[j + 1] = Block("caption", base + j + 1, body[j + 1], grouped=True)
        elif is_credit(t):
            kinds[j] = "credit"
            if _SOURCE_RE.match(t):
                captions[j] = Block("caption", base + j, t)
            elif j > 0 and kinds[j - 1] == "" and not is_credit(body[j - 1]) and not is_heading(body[j - 1]):
                kinds[j - 1] = "caption_text"
                captions[j] = Block("caption", base + j - 1, body[j - 1], credit=t)
                # a group credit under the photos that open the article (right after its head) covers every
                # caption printed above it: each one sentence, printed with the captioned one
                top = j - 1
                while top > 0 and kinds[top - 1] == "" and is_caption_sentence(body[top - 1]):
                    top -= 1
                if _GROUP_CREDIT_RE.match(t) and top == 0:
                    for k in range(top, j - 1):
                        kinds[k] = "credit"
                        captions[k] = Block("caption", base + k, body[k], grouped=True)
            else:
                captions[j] = Block("caption", base + j, t)
    articles = [first]
    out = first
    in_box = False
    j = 0
    while j < len(body):
        t, k = body[j], kinds[j]
        if k == "credit":
            out.append(captions[j])
        elif k in ("caption_text", "copy"):
            pass
        elif _SIGNATURE_RE.match(t) or _BRACKET_CREDIT_RE.match(t):
            prev = next((b for b in reversed(out) if b.kind in ("body", "box_body")), None)
            if prev is None:
                raise SpecError(f"block {base + j}: a signature or credit with no paragraph before it")
            prev.joined.append(t)
        elif (j + 1 < len(body) and len(body[j + 1]) <= MAX_BYLINE and _BYLINE_RE.match(body[j + 1])
              and unterminated(body[j + 1]) and not t.endswith("——")
              and (is_heading(t) or is_exclaimed_title(t))):
            new = []
            # the heading line right over the report's title (``……——``, or a line naming who or where the report
            # is about, ``全国某某称号获得者、某某``) heads no section of its own: it is the report's pre-title
            if out and out[-1].kind == "section_heading" and (
                    out[-1].text.endswith("——") or len(out) < 2 or out[-2].kind != "section_heading"):
                prev = out.pop()
                new.append(Block("pre_title", prev.index, prev.text))
            new += [Block("title", base + j, t), Block("byline", base + j + 1, body[j + 1])]
            articles.append(new)
            out = new
            in_box = False
            j += 1
        elif _BOX_RE.match(t):
            out.append(Block("box_label", base + j, t))
            in_box = True
        elif in_box:
            out.append(Block("box_body", base + j, t))
        elif is_heading(t) or (out and out[-1].kind == "section_heading" and out[-1].index == base + j - 1
                               and is_quoted_heading_line(t)):
            out.append(Block("section_heading", base + j, t))
        elif ((t.endswith("？") or is_colon_lead(t)) and len(t) <= MAX_HEADING and j + 1 < len(body)
              and kinds[j + 1] == ""
              and is_heading(body[j + 1]) and not _BOX_RE.match(body[j + 1])
              and not (j + 2 < len(body) and _BYLINE_RE.match(body[j + 2]))):
            out.append(Block("section_heading", base + j, t))
        else:
            out.append(Block("body", base + j, t))
        j += 1
    return [a for a in articles if any(b.kind in ("body", "box_body") for b in a)]


@dataclass
class Spec:
    date: str
    split: str
    ascii: bool
    series: str
    articles: list   # (file, sha256)
    name: str = ""   # the page's file name (the date, or DATE~variant for a layout variant)
    heads: str = "full"   # which head furniture the articles print (see VARIANT_HEADS)
    leads: str = "dash"   # section leads printed as marked (``dash``) or without their final —— (``plain``)


#: Layout variants of a page's heads, by kind (the page's and the seed's conventions, furniture left out):
#: ``full`` as the markup says; ``no-byline``: an article with a column or a pre-title (a commentary too) prints
#: its head without its byline; ``column-only``: as no-byline, and an article with a column prints no pre-title
#: (the column line is the only furniture over the title); ``pre-title-only``: as no-byline, and an article with
#: a pre-title prints no column (the pre-title is the only furniture); ``title-only``: every article prints its
#: title alone (no column, pre-title, subtitle or byline). In every variant the page's first article keeps its
#: furniture, so the page opens as the seed's does.
VARIANT_HEADS = ("full", "no-byline", "column-only", "pre-title-only", "title-only")


def strip_heads(art: list, heads: str, first: bool) -> list:
    """An article's blocks without the head furniture the variant leaves out (none for the page's first)."""
    kinds = {b.kind for b in art}
    drop = set()
    if first or heads == "full":
        pass
    elif heads == "title-only":
        drop = {"byline", "column", "pre_title", "subtitle"}
    elif kinds & {"column", "pre_title"}:
        drop = {"byline"}
        if heads == "column-only" and "column" in kinds:
            drop.add("pre_title")
        if heads == "pre-title-only" and "pre_title" in kinds:
            drop.add("column")
    return [b for b in art if b.kind not in drop]


def read_spec(path: Path) -> Spec:
    opts, arts = {}, []
    for k, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if parts[0] == "article" and len(parts) == 3:
            arts.append((parts[1], parts[2]))
        elif parts[0] in ("date", "split", "ascii", "series", "variant", "heads", "leads") and len(parts) == 2:
            opts[parts[0]] = parts[1]
        else:
            raise SpecError(f"{path.name}:{k}: not a spec row")
    heads = opts.get("heads", "full")
    if heads not in VARIANT_HEADS:
        raise SpecError(f"{path.name}: heads {heads!r} is not one of {', '.join(VARIANT_HEADS)}")
    name = opts["date"] + (f"~{opts['variant']}" if "variant" in opts else "")
    leads = opts.get("leads", "dash")
    if leads not in ("dash", "plain"):
        raise SpecError(f"{path.name}: leads {leads!r} is not dash or plain")
    return Spec(opts["date"], opts["split"], opts["ascii"] == "1", opts["series"], arts, name, heads, leads)


def cut_point(text: str, share: float) -> int:
    """The position nearest ``share`` of the text between two Chinese characters (mid-phrase)."""
    best = None
    for p in range(2, len(text) - 2):
        if re.match(f"[{_HAN}]", text[p - 1]) and re.match(f"[{_HAN}]", text[p]):
            if best is None or abs(p - share * len(text)) < abs(best - share * len(text)):
                best = p
    return best or len(text) // 2


def build_page(spec: Spec, corpus: Path) -> tuple[str, list[Block]]:
    """The page text and the reader's blocks (article numbers set), in reading order."""
    printed, expected = [], []
    page_arts = []
    for name, sha in spec.articles:
        path = corpus / "articles" / name
        if not path.is_file():
            raise SpecError(f"{name}: not in the corpus")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            raise SpecError(f"{name}: sha256 differs from the spec's")
        for art in classify(md_blocks(data.decode("utf-8"))):
            page_arts.append((name, strip_heads(art, spec.heads, not page_arts)))
    # the page break: the longest body paragraph of the page that no caption cuts
    cut_by_caption = set()
    plans = []
    for name, art in page_arts:
        body = [b for b in art if b.kind == "body" and len(b.text) >= 80]
        groups = []   # captions printed together: a caption without credit goes with the next one
        for b in art:
            if b.kind == "caption":
                if groups and groups[-1][-1].grouped:
                    groups[-1].append(b)
                else:
                    groups.append([b])
        plan = {}
        for c_i, group in enumerate(groups):
            if body:
                target = body[min(len(body) - 1, (c_i + 1) * len(body) // (len(groups) + 1))]
                plan.setdefault(id(target), []).extend(group)
                cut_by_caption.add(id(target))
        plans.append(plan)
    candidates = [b for _, art in page_arts for b in art if b.kind == "body" and id(b) not in cut_by_caption]
    broken = max(candidates, key=lambda b: len(b.text)) if candidates else None
    lines = ["", ""]
    n = 0
    for (name, art), plan in zip(page_arts, plans):
        n += 1
        heads = {b.kind: b for b in art if b.kind in ("column", "pre_title", "title", "subtitle", "byline")}
        col = heads.get("column")
        commentary = col is not None and col.text.startswith(COMMENTARY_COLUMNS)
        series_after = col is not None and "·" in col.text and spec.series == "after" and not commentary

        def emit(text):
            lines.extend([text, ""])

        if col and not series_after:
            emit(col.text)
        if not commentary:
            for kind in ("pre_title", "title"):
                if kind in heads:
                    emit(heads[kind].text)
            if series_after:
                emit(col.text)
            for kind in ("subtitle", "byline"):
                if kind in heads:
                    emit(heads[kind].text)
        placed = {id(cap) for caps in plan.values() for cap in caps}
        for b in art:
            b.article = n
            if b.kind in heads and heads[b.kind] is b:
                expected.append((name, b))
                continue
            if b.kind == "caption":
                if id(b) in placed:
                    continue
                expected.append((name, b))
                emit(b.text)
                if b.credit:
                    emit(b.credit)
                continue
            text = b.text + "".join(b.joined)
            caps = plan.get(id(b), [])
            expected.append((name, b))
            expected.extend((name, cap) for cap in caps)
            if caps:
                p = cut_point(text, 0.5)
                lines.extend([text[:p], "", "", ""])
                for cap in caps:
                    emit(cap.text)
                    if cap.credit:
                        emit(cap.credit)
                emit(text[p:])
            elif b is broken:
                p = cut_point(text, 0.6)
                emit(text[:p])
                emit(text[p:])
            elif b.kind == "section_heading" and spec.leads == "plain" and text.endswith("——"):
                emit(text.rstrip("—"))   # a heading pair's lead printed without its dash: two plain short lines
            else:
                emit(text)
        if commentary:
            for kind in ("pre_title", "title", "subtitle", "byline"):
                if kind in heads:
                    emit(heads[kind].text)
    text = "\n".join(lines)
    if spec.ascii:
        text = text.translate(ASCII)
    return text.rstrip("\n") + "\n", expected


def reader_rows(expected: list) -> list[dict]:
    """The reader's rows in order: per article the head in fixed order, then its body blocks as read."""
    order = {"column": 0, "pre_title": 1, "title": 2, "subtitle": 3, "byline": 4}
    rows, arts = [], {}
    for name, b in expected:
        arts.setdefault(b.article, []).append((name, b))
    for n, items in arts.items():
        heads = sorted((x for x in items if x[1].kind in order), key=lambda x: order[x[1].kind])
        rest = [x for x in items if x[1].kind not in order]
        for name, b in heads + rest:
            rows.append({"article": n, "kind": b.kind, "file": name, "block": b.index,
                         "text_start": re.sub(r"\s+", "", b.text).strip("—")[:TEXT_START]})
    return rows


def spec_paths(specs: Path) -> list[Path]:
    """The specs in a folder, in name order: ``DATE.tsv`` and the variants ``DATE~VARIANT.tsv``."""
    return sorted(specs.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*.tsv"))


def write_specs(corpus: Path, specs: Path = HERE, last_tune_date: str = LAST_TUNING_DATE) -> None:
    """One spec per issue date into ``specs``, from SOURCES.tsv alone (no article is opened): issues up to
    ``last_tune_date`` are tuning pages, later ones held out."""
    with (corpus / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh, delimiter="\t"))
    dates = sorted({r["date"] for r in sources})
    counters = {"tune": 0, "heldout": 0}
    for date in dates:
        split = "tune" if date <= last_tune_date else "heldout"
        k = counters[split]
        counters[split] += 1
        arts = sorted((r for r in sources if r["date"] == date), key=lambda r: int(r["file"].rsplit("_", 1)[1][:-3]))
        rows = [f"# Page of {date}: the party-building page's articles in the corpus's order (file, sha256).",
                "# Layout choices alternate by the page's rank within its split (ascii: even ranks; series line",
                "# under the title: odd ranks); everything else follows the rules of build_pages.py.",
                f"date\t{date}", f"split\t{split}", f"ascii\t{1 if k % 2 == 0 else 0}",
                f"series\t{'after' if k % 2 else 'above'}"]
        rows += [f"article\t{r['file']}\t{r['sha256']}" for r in arts]
        (specs / f"{date}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def write_variants(specs: Path = HERE, of: str = "tune") -> None:
    """One spec per page of split ``of`` and head variant (``DATE~VARIANT.tsv``): the page's articles and layout
    choices with the variant's heads. Variants of tuning pages have split ``variant``, those of the (opened) 2025
    held-out pages ``heldout-variant``."""
    split = "variant" if of == "tune" else f"{of}-variant"
    what = "tuning page" if of == "tune" else f"{of} page"
    for spec_path in spec_paths(specs):
        spec = read_spec(spec_path)
        if spec.split != of or spec.name != spec.date:
            continue
        for heads in VARIANT_HEADS:
            if heads == "full":
                continue
            rows = [f"# Layout variant of the {what} of {spec.date}: its articles and layout choices, the",
                    f"# heads printed as variant {heads!r} of build_pages.py (VARIANT_HEADS).",
                    f"date\t{spec.date}", f"variant\t{heads}", f"split\t{split}", f"ascii\t{int(spec.ascii)}",
                    f"series\t{spec.series}", f"heads\t{heads}"]
            rows += [f"article\t{f}\t{sha}" for f, sha in spec.articles]
            (specs / f"{spec.date}~{heads}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        rows = [f"# Layout variant of the {what} of {spec.date}: its articles and layout choices, the leads",
                "# of heading pairs printed without their final —— (two plain short lines; build_pages.py).",
                f"date\t{spec.date}", "variant\tplain-leads", f"split\t{split}", f"ascii\t{int(spec.ascii)}",
                f"series\t{spec.series}", "leads\tplain"]
        rows += [f"article\t{f}\t{sha}" for f, sha in spec.articles]
        (specs / f"{spec.date}~plain-leads.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="folder for the pages (outside the repository)")
    ap.add_argument("--corpus", help="the corpus folder (holding SOURCES.tsv and articles/)")
    ap.add_argument("--split", choices=SPLITS, default="all")
    ap.add_argument("--specs", type=Path, default=HERE,
                    help="folder of the specs and committed positions files (default: this folder)")
    ap.add_argument("--write-specs", action="store_true", help="write one spec per issue date from SOURCES.tsv")
    ap.add_argument("--last-tune-date", default=LAST_TUNING_DATE, metavar="DATE",
                    help=f"with --write-specs: the last issue date of the tuning pages (default {LAST_TUNING_DATE})")
    ap.add_argument("--write-variants", action="store_true",
                    help="write the layout variants' specs from the tuning pages' specs")
    ap.add_argument("--variants-of", choices=("tune", "heldout"), default="tune",
                    help="with --write-variants: the split whose pages get variants (default tune)")
    ap.add_argument("--write-expected", action="store_true",
                    help="write the committed positions files from the rules (instead of checking them)")
    args = ap.parse_args(argv)
    corpus = find_corpus(args.corpus)
    if corpus is None:
        print(f"{CORPUS_NAME} not found (pass --corpus or set FROMTO_PD2025)", file=sys.stderr)
        return 2
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.last_tune_date):
        ap.error(f"--last-tune-date {args.last_tune_date!r} is not a date YYYY-MM-DD")
    specs = args.specs.resolve()
    if args.write_specs or args.write_variants:
        specs.mkdir(parents=True, exist_ok=True)
    elif not spec_paths(specs):
        print(f"{args.specs}: no page specs (DATE.tsv) in this folder", file=sys.stderr)
        return 2
    if args.write_specs:
        write_specs(corpus, specs, args.last_tune_date)
        return 0
    if args.write_variants:
        write_variants(specs, args.variants_of)
        return 0
    if args.out is None:
        ap.error("--out is required")
    out = args.out.resolve()
    if out == REPO or REPO in out.parents:
        print(f"{args.out}: inside the repository; the corpus is research-only, build outside it", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    try:
        for spec_path in spec_paths(specs):
            spec = read_spec(spec_path)
            if args.split != "all" and spec.split != args.split:
                continue
            text, expected = build_page(spec, corpus)
            rows = reader_rows(expected)
            committed = specs / f"{spec.name}.expected.csv"
            positions = [{k: r[k] for k in ("article", "kind", "file", "block")} for r in rows]
            if args.write_expected:
                with committed.open("w", encoding="utf-8", newline="") as fh:
                    w = csv.DictWriter(fh, ["article", "kind", "file", "block"], lineterminator="\n")
                    w.writeheader()
                    w.writerows(positions)
            else:
                if not committed.is_file():
                    raise SpecError(f"{committed.name}: no positions file (write it with --write-expected)")
                with committed.open(encoding="utf-8", newline="") as fh:
                    want = [{k: (int(v) if k in ("article", "block") else v) for k, v in r.items()}
                            for r in csv.DictReader(fh)]
                if want != positions:
                    raise SpecError(f"{committed.name}: the rules no longer give the committed structure")
            (out / f"{spec.name}.txt").write_text(text, encoding="utf-8", newline="\n")
            with (out / f"{spec.name}.expected.csv").open("w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, ["article", "kind", "text_start"], lineterminator="\n",
                                   extrasaction="ignore")
                w.writeheader()
                w.writerows(rows)
            (out / f"{spec.name}.split").write_text(spec.split + "\n", encoding="utf-8")
    except SpecError as exc:
        print(f"build_pages.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
