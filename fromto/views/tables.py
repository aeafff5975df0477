"""Tables for reading: how the notebooks show a DataFrame, and the codebook as definitions.

pandas' own HTML is made for a terminal's habits: every cell right-aligned, columns as wide as the browser's
automatic layout leaves them. A column of Chinese sentences has a minimum width of one character (a line may break
after any character), so beside a few number columns it is squeezed to a handful of characters a line, and prose
is right-aligned. :func:`table` writes small, deterministic HTML instead (no Styler, so no random ids):

* text is left-aligned and numbers right-aligned (with ``tabular-nums``), decided by each column's dtype;
* when the columns fit the page they are laid out side by side without wrapping; when they do not, the table
  takes the page's width with a fixed layout, each short column as wide as its longest value and the long text
  columns sharing the rest in proportion to their longest value, so a Chinese sentence wraps at a readable width;
  printed, the same is done for a page's narrower width, so a short column's header breaks only at spaces and
  underscores, never inside a word;
* a long table shows its top rows and says where the full table is: the CSV the notebook wrote, and a folded
  ``<details>`` block holding the other rows when they are not too many, so no row is lost from the page;
* an empty table is not drawn: a line saying "none" takes its place.

:func:`codebook_blocks` shows the codebook as a reader codes from it: one block per code, its label, definition,
when to use, when not to use and example, under its group.

Widths are estimated in ``em`` from the characters (a CJK or full-width character one em, Latin letters and
digits about half to two thirds), which is all a table needs to lay itself out; the result depends only on the values shown.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from fromto.textio import cell_text

#: Width, in em of the table's font, that a table may take before its long columns are made to wrap. The output
#: area of a rendered notebook is about 80 em of the table font wide at 1280 px; print pages are narrower, and the
#: fixed layout scales with the page because the column widths are given as percentages.
PAGE_EM = 66.0
#: Width, in em of the table's font, of a printed page's output area (A4 or Letter in portrait at the browser's
#: default margins). A wide table's columns are given widths for it too, used only in print: the short columns hold
#: their longest value and their header's longest word there, so no header breaks inside a word on paper.
PRINT_EM = 44.0
#: A printed table whose short columns and narrowest long columns need more than :data:`PRINT_EM` is set smaller,
#: down to this share of its font size, so that its headers still break only at spaces and underscores; on paper
#: its long columns (text that wraps anywhere) may shrink to this many em first.
PRINT_LONG_MIN_EM = 6.0
PRINT_SCALE_MIN = 0.7
#: A column whose longest value is at most this many em is "short": it keeps its natural width and never wraps.
SHORT_EM = 9.0
#: A long column is given at least this many em (about a dozen Chinese characters a line) ...
LONG_MIN_EM = 12.0
#: ... and its width is counted as at most this many em when the long columns share the page.
LONG_CAP_EM = 40.0
#: Headers are set bold, a little wider than the same letters in a cell.
HEADER_WEIGHT = 1.15
#: Rows shown by default before a table is cut.
DEFAULT_ROWS = 20
#: A cut table's other rows are kept on the page, folded, when they are at most this many (more would only make
#: the page heavy; the CSV holds them).
MAX_FOLDED = 100
#: Characters a cell is read for width estimation (a longer one wraps anyway).
_SCAN = 400


def _char_width(c: str) -> float:
    if unicodedata.east_asian_width(c) in ("W", "F"):
        return 1.0
    if c.isupper() or c in "mwMW@%&":
        return 0.7
    if c.isdigit():
        return 0.58
    if c in " .,;:!|'()[]/-_·":
        return 0.32
    return 0.52


def text_width(text: str) -> float:
    """Estimated width of ``text`` in em: 1 for a wide (CJK, full-width) character, about 0.7 for a capital, 0.5
    for a small letter or digit, 0.3 for a space or narrow punctuation (a little generous, so that a column that
    is meant not to wrap does not)."""
    return sum(_char_width(c) for c in text[:_SCAN])


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def _is_number_column(series: pd.Series, shown: list[str]) -> bool:
    """A column of numbers: a numeric dtype (not bool), or text whose every non-empty value reads as a number
    (tables read from hand-made CSV files keep their numbers as text)."""
    if pd.api.types.is_bool_dtype(series):
        return False
    if pd.api.types.is_numeric_dtype(series):
        return True
    values = [v for v in shown if v != ""]
    return bool(values) and all(_NUMBER.match(v) for v in values)


def format_value(value) -> str:
    """One cell as text: missing values empty, whole floats without a decimal point, other floats to four decimals
    at most (trailing zeros dropped), everything else ``str``."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    return cell_text(value)


def _header_width(name: str) -> float:
    """A short header is kept on one line; a long one may break at spaces and underscores, so its width is that
    of its longest piece."""
    whole = text_width(str(name)) * HEADER_WEIGHT
    if whole <= SHORT_EM:
        return whole
    pieces = str(name).replace("_", " ").split() or [""]
    return max(text_width(p) for p in pieces) * HEADER_WEIGHT


def _header_html(name: str) -> str:
    # a break opportunity after each underscore: n_statements may wrap as n_ / statements in a narrow column
    return html.escape(str(name)).replace("_", "_<wbr>")


@dataclass(frozen=True)
class Layout:
    """How a table is laid out: ``fixed`` (take the page's width, columns as ``widths`` in percent) or natural
    (``fixed`` False: every column as wide as its content, no wrapping)."""

    fixed: bool
    widths: tuple[float, ...]
    #: For a fixed layout, the widths in percent on a printed page (:data:`PRINT_EM`), empty when not computed.
    print_widths: tuple[float, ...] = ()
    #: For a fixed layout, the font size on a printed page as a share of the screen's (at least
    #: :data:`PRINT_SCALE_MIN`).
    print_scale: float = 1.0


def _fixed_widths(need: list[tuple[float, float]], page_em: float, long_min: float = LONG_MIN_EM) -> tuple[float, ...]:
    """Percent widths of a fixed layout ``page_em`` wide: each short column (longest value at most
    :data:`SHORT_EM`) its ``need`` (longest value or header word, with padding), the long columns sharing the rest in
    proportion to their longest value, each at least ``long_min`` em."""
    short = [n if longest <= SHORT_EM else None for longest, n in need]
    n_long = sum(1 for n in short if n is None)
    room = max(page_em - sum(n for n in short if n is not None), long_min * n_long)
    long_weights = {j: min(max(longest, long_min), LONG_CAP_EM) for j, (longest, _) in enumerate(need)
                    if short[j] is None}
    total_long = sum(long_weights.values()) or 1.0
    em = [short[j] if short[j] is not None else max(long_min, room * long_weights[j] / total_long)
          for j in range(len(need))]
    total = sum(em)
    return tuple(round(100 * w / total, 1) for w in em)


def layout(columns: list[str], cells: list[list[str]]) -> Layout:
    """Column widths for the header ``columns`` and the shown ``cells`` (rows of strings); see the module
    docstring. A fixed layout also carries its widths for a printed page (:data:`PRINT_EM`)."""
    need = []
    for j, name in enumerate(columns):
        longest = max((text_width(row[j]) for row in cells), default=0.0)
        need.append((longest, max(longest, _header_width(name)) + 1.6))  # + cell padding and a margin
    natural = sum(n for _, n in need)
    if natural <= PAGE_EM:
        return Layout(False, tuple(round(100 * n / natural, 1) if natural else 0.0 for _, n in need))
    least = sum(n if longest <= SHORT_EM else PRINT_LONG_MIN_EM for longest, n in need)
    scale = round(max(PRINT_SCALE_MIN, min(1.0, PRINT_EM / least)), 2)
    return Layout(True, _fixed_widths(need, PAGE_EM),
                  _fixed_widths(need, PRINT_EM / scale, min(LONG_MIN_EM, PRINT_LONG_MIN_EM)), scale)


def _frame(df: pd.DataFrame, index: bool | None) -> pd.DataFrame:
    """``df`` with its index as leading columns when it carries information (named, or not 0..n-1), and the column
    labels as strings (a two-level header joined with " · ")."""
    show_index = index if index is not None else (
        any(n is not None for n in df.index.names) or not pd.api.types.is_integer_dtype(df.index))
    out = df.copy()
    col_axis = out.columns.name
    if isinstance(out.columns, pd.MultiIndex):
        out.columns = [" · ".join(str(p) for p in c if str(p) != "") for c in out.columns]
    else:
        out.columns = [str(c) for c in out.columns]
    if show_index:
        names = [n if n is not None else "" for n in out.index.names]
        if col_axis and len(names) == 1:
            names = [f"{names[0]} \\ {col_axis}" if names[0] else str(col_axis)]
        out.index.names = [n if n else ("" if len(names) == 1 else f"level_{i}") for i, n in enumerate(names)]
        out = out.reset_index(names=list(out.index.names)) if len(names) > 1 else out.reset_index(
            names=out.index.names[0] or "")
    return out


@dataclass
class Table:
    """A table ready to show: the notebook displays its HTML, a text-only reader gets its text."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


#: One small stylesheet, repeated with each table so that a table reads the same wherever its HTML goes (a
#: rendered page, JupyterLab, an exported notebook); its selectors outweigh the notebook theme's ``td`` rule.
TABLE_CSS = (
    "<style>"
    "table.fromto-table{margin:0 0 0.6em 0;border-collapse:collapse}"
    "table.fromto-table.natural{table-layout:auto;width:auto}"
    "table.fromto-table.fixed{table-layout:fixed;width:100%}"
    "table.fromto-table th{vertical-align:bottom;white-space:normal;border-bottom:1px solid #999;padding:0.3em 0.6em}"
    "table.fromto-table td{vertical-align:top;padding:0.25em 0.6em;line-height:1.45;border-bottom:1px solid #eee}"
    "table.fromto-table .t{text-align:left;overflow-wrap:break-word}"
    "table.fromto-table.fixed td.t{white-space:normal}"
    "table.fromto-table.fixed th{overflow-wrap:break-word}"
    "table.fromto-table .n{text-align:right;font-variant-numeric:tabular-nums}"
    "table.fromto-table td.n{white-space:nowrap}"
    "@media print{table.fromto-table.fixed col{width:var(--print-width)!important}"
    "table.fromto-table.fixed{font-size:calc(var(--print-font,1)*1em)}}"
    "</style>"
)


def _table_html(cols: list[str], cells: list[list[str]], numeric: list[bool], lay: Layout) -> str:
    """One ``<table>``: text cells class ``t`` (left), number cells ``n`` (right); widths as a ``colgroup``."""
    kind = "fixed" if lay.fixed else "natural"
    printed = lay.print_widths or lay.widths
    colgroup = ("<colgroup>" + "".join(f'<col style="width:{w}%;--print-width:{p}%">'
                                       for w, p in zip(lay.widths, printed)) + "</colgroup>"
                if lay.fixed else "")
    klass = ["n" if numeric[j] else "t" for j in range(len(cols))]
    ths = "".join(f'<th class="{klass[j]}">{_header_html(c)}</th>' for j, c in enumerate(cols))
    body = "\n".join("<tr>" + "".join(f'<td class="{klass[j]}">{html.escape(v)}</td>' for j, v in enumerate(row))
                     + "</tr>" for row in cells)
    scaled = f' style="--print-font:{lay.print_scale}"' if lay.fixed and lay.print_scale < 1 else ""
    return (f'{TABLE_CSS}<table class="fromto-table {kind}"{scaled}>{colgroup}'
            f"<thead><tr>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody></table>")


def _where(csv) -> str:
    try:
        from fromto import paths

        return paths.rel(Path(csv))
    except Exception:  # noqa: BLE001 — a path outside the repository is named as given
        return str(csv)


def table(df: pd.DataFrame, rows: int | None = DEFAULT_ROWS, csv=None, index: bool | None = None,
          title: str | None = None, empty: str = "none") -> Table:
    """``df`` as a :class:`Table` for reading (see the module docstring).

    ``rows``: how many top rows to show (None: all). When the table is longer, a line under it says how many rows
    are shown and where the full table is: ``csv`` (the file the notebook wrote its rows to), and the other rows
    in a ``<details>`` block the reader can open when they are at most :data:`MAX_FOLDED`. A table shown whole
    names its ``csv`` as its data. ``index``: show the index as leading columns (default: when it is
    named or not integers: row numbers left by a filter are not shown). ``title``: a short line above the table. ``empty``: what is said instead of an empty
    table (after the title, if any).
    """
    head = f"<p><strong>{html.escape(title)}</strong></p>" if title else ""
    if df is None or len(df) == 0 or len(df.columns) == 0:
        said = f"{title}: {empty}" if title else empty
        return Table(f'<p class="fromto-table-empty"><em>{html.escape(said)}</em></p>', said)
    frame = _frame(df, index)
    cols = list(frame.columns)
    cells = [[format_value(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    numeric = [_is_number_column(frame.iloc[:, j], [row[j] for row in cells]) for j in range(len(cols))]
    n = len(cells)
    cut = rows is not None and n > rows
    shown, rest = (cells[:rows], cells[rows:]) if cut else (cells, [])
    lay = layout(cols, cells)  # the same widths for the shown rows and the rest
    out = [head, _table_html(cols, shown, numeric, lay)]
    text = [title] if title else []
    text.append(pd.DataFrame(shown, columns=cols).to_string(index=False))
    if cut:
        where = f" (all are in {_where(csv)})" if csv is not None else ""
        note = f"The first {len(shown)} of {n} rows{where}"
        if len(rest) <= MAX_FOLDED:
            out.append(f'<details class="fromto-table-rest"><summary>{html.escape(note)}; show the other '
                       f"{len(rest)}</summary>{_table_html(cols, rest, numeric, lay)}</details>")
            text.append(pd.DataFrame(rest, columns=cols).to_string(index=False, header=False))
            note += f"; the other {len(rest)} follow."
        else:
            note += "."
            out.append(f'<p class="fromto-table-note"><em>{html.escape(note)}</em></p>')
        text.append(note)
    elif csv is not None:
        out.append(f'<p class="fromto-table-note"><em>Data: <code>{html.escape(_where(csv))}</code>.</em></p>')
        text.append(f"Data: {_where(csv)}.")
    return Table("\n".join(p for p in out if p), "\n".join(text))


def details(summary: str, content) -> Table:
    """``content`` (a :class:`Table` or an HTML string) folded under a one-line ``summary`` the reader can open."""
    inner = content.html if isinstance(content, Table) else str(content)
    text = content.text if isinstance(content, Table) else ""
    return Table(f"<details><summary>{html.escape(summary)}</summary>\n{inner}\n</details>",
                 f"{summary}\n{text}".rstrip())


#: The parts of a codebook entry a reader codes from, in reading order, with their headings.
CODE_PARTS = (("definition", "Definition"), ("when_to_use", "When to use"),
              ("when_not_to_use", "When not to use"), ("example", "Example"))


#: Each entry's parts as two columns, the part's name beside its text, inside the page's width (the notebook
#: theme floats ``dt``/``dd`` at 20%/80% of a full-width ``dl``, which runs past the page once indented).
CODEBOOK_CSS = (
    "<style>"
    ".fromto-codebook dl{display:grid;grid-template-columns:minmax(6em,9em) minmax(0,1fr);gap:0.2em 1em;"
    "width:auto;max-width:62em;overflow:visible;margin:0.3em 0 0.7em 1.4em;padding:0}"
    ".fromto-codebook dt,.fromto-codebook dd{float:none;width:auto;margin:0;padding:0}"
    ".fromto-codebook dt{font-weight:600}"
    ".fromto-codebook summary{cursor:pointer}"
    "</style>"
)


def _code_block(row: dict, open_: bool) -> str:
    label = " · ".join(html.escape(str(row.get(k) or "")) for k in ("label_zh", "label_en") if row.get(k))
    parts = "".join(f"<dt>{name}</dt><dd>{html.escape(str(row[key]))}</dd>"
                    for key, name in CODE_PARTS if str(row.get(key) or "").strip())
    kind = html.escape(str(row.get("kind") or ""))
    summary = (f'<summary><code>{html.escape(str(row["code"]))}</code> — {label}'
               f'{f" <small>({kind})</small>" if kind else ""}</summary>')
    return (f'<details class="fromto-code"{" open" if open_ else ""} style="margin:0.2em 0 0.2em 1em">'
            f"{summary}<dl>{parts}</dl></details>")


def codebook_blocks(book: pd.DataFrame, open_: bool = False) -> Table:
    """The codebook as definitions: under each group (a row of kind ``group``, with its own definition), one block
    per code with its label (zh · en), definition, when to use, when not to use and example; codes with no group
    (the residual and status codes) follow under "Outside the groups". Each block is a ``<details>`` whose summary
    line is the code and its label, so the whole codebook reads as a list and any entry opens in full
    (``open_``: all opened)."""
    rows = book.fillna("").to_dict("records")
    groups = [r for r in rows if r.get("kind") == "group"]
    out, text = [], []
    for g in groups:
        members = [r for r in rows if r.get("parent") == g["code"]]
        label = " · ".join(html.escape(str(g[k])) for k in ("label_zh", "label_en") if g.get(k))
        gdef = f'<p style="margin:0.1em 0 0.3em 0">{html.escape(str(g["definition"]))}</p>' if str(
            g.get("definition") or "").strip() else ""
        out.append(f'<h4 style="margin:0.8em 0 0.2em 0"><code>{html.escape(str(g["code"]))}</code> — {label}</h4>'
                   f"{gdef}" + "".join(_code_block(r, open_) for r in members))
        text.append(f"{g['code']} — {g.get('label_zh', '')} {g.get('label_en', '')}")
        text.extend(f"  {r['code']} — {r.get('label_zh', '')} {r.get('label_en', '')}" for r in members)
    loose = [r for r in rows if r.get("kind") != "group" and not r.get("parent")]
    if loose:
        out.append('<h4 style="margin:0.8em 0 0.2em 0">Outside the groups</h4>'
                   + "".join(_code_block(r, open_) for r in loose))
        text.append("Outside the groups")
        text.extend(f"  {r['code']} — {r.get('label_zh', '')} {r.get('label_en', '')}" for r in loose)
    return Table(CODEBOOK_CSS + '<div class="fromto-codebook">' + "\n".join(out) + "</div>", "\n".join(text))
