"""Reading the SIGHAN 2005 PKU test set in place (benchmarks and the tests that skip without it).

The Second International Chinese Word Segmentation Bakeoff (SIGHAN 2005) distributes the Peking University test
set — People's Daily text of January 2001 with a hand-segmented gold — for research use. It is never copied into
this repository: point ``$FROMTO_PKU`` at a folder holding ``pku_test.utf8``, ``pku_test_gold.utf8`` and
(optionally) ``pku_training_words.utf8``, or place it at ``../shared/reference/pku/`` beside the repository.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from typing import Iterable

from fromto import paths
from fromto.textio import read_text


def read_pku(folder: str | Path | None = None) -> tuple[list[str], list[list[str]], set[str]]:
    """The PKU test set read in place: raw lines, gold token lists, training words (empty set if absent).

    Raises ``FileNotFoundError`` naming the folder when the test files are absent (callers skip and say so).
    """
    folder = Path(folder) if folder else paths.PKU
    raw_path, gold_path = folder / paths.PKU_RAW.name, folder / paths.PKU_GOLD.name
    if not (raw_path.is_file() and gold_path.is_file()):
        raise FileNotFoundError(f"the PKU test set is not in {folder}")
    gold = [line.split() for line in gold_path.read_text(encoding="utf-8").split("\n")]
    raw = ["".join(toks) for toks in gold]  # the raw file's lines without the gold's spaces
    while raw and not raw[-1]:
        raw.pop()
        gold.pop()
    words_path = folder / paths.PKU_TRAINING_WORDS.name
    known = set(words_path.read_text(encoding="utf-8").split()) if words_path.is_file() else set()
    return raw, gold, known


# --- People's Daily raw text (one paragraph a line, no article markers) into articles ---------------------------
_FINAL_PUNCT = tuple("。！？!?；;：:…，,、")
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日(?:电|讯)")
_CREDIT = re.compile(r"^[（(].*[）)]$")


def is_title_line(line: str, max_len: int = 40) -> bool:
    """Does a line of newspaper text look like a headline?

    Heuristic: short (``max_len`` characters or fewer), not ending in sentence or clause punctuation
    (a body paragraph ends in 。！？ or similar), not wholly in parentheses (credits like （新华社记者…摄）
    "(Xinhua photo by …)", datelines and page notes), and not a label ending in a colon such as 图片：
    "Picture:". A quoted headline that ends in ” still counts, as do headlines ending in （图片）.
    """
    s = line.strip()
    if not s or len(s) > max_len:
        return False
    if s.endswith(_FINAL_PUNCT) or s.endswith(("。”", "！”", "？”", "。」")):
        return False
    if _CREDIT.match(s):
        return False
    return True


def split_articles(text: str, issue_year: int | None = None, issue_month: int | None = None,
                   max_title_len: int = 40) -> list[dict]:
    """Split newspaper text with one paragraph a line (like the PKU People's Daily raw text) into articles.

    Rules (a heuristic, because the raw text has no article markers):

    * a *title line* is a short line that does not end like a sentence (:func:`is_title_line`);
    * an article starts at a title line that follows a body line or a credit/dateline line in parentheses;
      further title lines directly after it (kicker, headline, subtitle) stay in the same article's header;
    * the article runs until the next start, so captions, credits and datelines stay with their article;
    * text before the first title line is an article of its own.

    Known limits: headlines longer than ``max_title_len`` are missed (their article merges with the previous
    one); runs of short lines (weather tables, a law's chapter headings) become header blocks or short
    articles; a one-line article whose body is short is merged into the next header.

    Each article is a dict ``id`` (``a0001``, …), ``title`` (the first header line), ``date`` and ``text``
    (its lines, title first). ``date`` comes from the first dateline such as ``12月31日电``/``1月1日讯``
    ("wired on 31 December") when ``issue_year`` is given: a dateline month later than ``issue_month`` belongs
    to the year before the issue (a January issue reporting December news); otherwise ``""``.
    """
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    starts: list[int] = []
    prev_title = False
    for i, ln in enumerate(lines):
        title = is_title_line(ln, max_title_len)
        if title and (i == 0 or not prev_title):
            starts.append(i)
        prev_title = title
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    articles = []
    for n, (a, b) in enumerate(bounds, start=1):
        block = lines[a:b]
        title = block[0] if is_title_line(block[0], max_title_len) else ""
        articles.append({"id": f"a{n:04d}", "title": title, "date": _dateline_date(block, issue_year, issue_month),
                         "text": "\n".join(block) + "\n"})
    return articles


def _dateline_date(block: list[str], year: int | None, month: int | None) -> str:
    if year is None:
        return ""
    for ln in block:
        m = _DATELINE.search(ln)
        if m:
            mo, day = int(m.group(1)), int(m.group(2))
            y = year - 1 if month is not None and mo > month else year
            try:
                return _dt.date(y, mo, day).isoformat()
            except ValueError:
                return ""
    return ""


def write_documents(articles: Iterable[dict], folder: str | os.PathLike, copies: int = 1) -> list[Path]:
    """Write articles as ``.txt`` documents with front matter (title, date) into ``folder``; returns the files.

    ``copies`` > 1 repeats the set (``r02_a0001.txt``, …), for scale tests. Write to a temporary folder
    when the text is licensed for research only (PKU): never into the repository.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    import yaml

    files = []
    arts = list(articles)
    for r in range(1, copies + 1):
        for art in arts:
            meta = {"title": art.get("title", "")}
            if art.get("date"):
                meta["date"] = art["date"]
            head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
            name = f"{art['id']}.txt" if copies == 1 else f"r{r:02d}_{art['id']}.txt"
            f = folder / name
            f.write_text(f"---\n{head}---\n{art['text']}", encoding="utf-8", newline="\n")
            files.append(f)
    return files
