"""Reading a filled coding sheet back (CSV or XLSX), checked row by row within bounds.

:func:`read_coding_sheet` checks every code against the codebook: a problem ends in one line naming the file, the
row and the problem (:class:`fromto.textio.InputError`). An XLSX sheet is read as a stream of rows, each checked as
it comes, after its size has been checked against :data:`MAX_SHEET_BYTES`, :data:`MAX_SHEET_ROWS`,
:data:`MAX_ROW_CELLS` and :data:`MAX_XLSX_ELEMENTS` from what its zip declares, before anything is parsed; a
formula in a reader's cell is an error naming the row.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Iterator

import pandas as pd

from fromto.coding import codebook as cb
from fromto.coding.sheets import CONFIDENCE, SHEET_COLUMNS, _id_key, _one_line, _shown
from fromto.textio import InputError, cell_text, read_resource_csv, read_text

#: Most data rows a filled coding sheet may have: far above any sheet a person codes (the page's has 20 rows, the
#: reports' 242) and above a sheet of every transition of a large corpus run.
MAX_SHEET_ROWS = 50_000
#: Most bytes a coding sheet may take: a CSV file's size, or the uncompressed size its zip declares for all members
#: of an XLSX workbook together (openpyxl writes about 2.2 KB a row with the context sentences, so
#: :data:`MAX_SHEET_ROWS` rows take about 110 MB). An XLSX file itself, being compressed, may take a quarter of it.
MAX_SHEET_BYTES = 128 * 2**20
#: Most cells one row of an XLSX sheet may hold (a coding sheet has 15 columns). A row of empty ``<c/>`` elements
#: costs openpyxl some 80 times its bytes in memory, so the byte bound alone does not bound memory.
MAX_ROW_CELLS = 1_000
#: Most XML elements all members of an XLSX workbook may hold together (a sheet openpyxl writes has about 42 a
#: row). Each element costs openpyxl a Python object or more while it parses shared strings and styles.
MAX_XLSX_ELEMENTS = 4_000_000
#: The start tag of a worksheet row or cell, whatever its namespace prefix: local name, then its attributes.
_ROW_OR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)")
#: A row's ``r`` attribute (its row number) among a start tag's attributes.
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']\s*(\d{1,12})""")



# --------------------------------------------------------------------------------------------------------------
# Coding sheet back in
# --------------------------------------------------------------------------------------------------------------

#: A row of a sheet as read: its row number in the file, its cells as text (as many as the header), and the
#: positions of the cells that hold a formula.
_Row = tuple[int, list[str], set[int]]


def _xlsx_bounds(path: Path, z: zipfile.ZipFile) -> None:
    """Refuse a workbook too large for a coding sheet before openpyxl parses any of it.

    First the uncompressed size the zip declares for all members, against :data:`MAX_SHEET_BYTES` (reading a
    member never yields more than its declared size). Then every member is scanned as bytes, in chunks (memory
    stays flat), for a DTD (OOXML parts never have one; its entities could multiply elements unseen) and for
    more than :data:`MAX_XLSX_ELEMENTS` elements, a ``<row>`` beyond :data:`MAX_SHEET_ROWS` + 1 or a row of more
    than :data:`MAX_ROW_CELLS` ``<c>`` cells. The scan reads tags by their local name whatever their prefix and
    may count text that only looks like a tag, so it can count too many, never too few. The ``dimension`` a sheet
    declares is not read."""
    total = sum(info.file_size for info in z.infolist())
    if total > MAX_SHEET_BYTES:
        raise InputError(path, f"the workbook holds {total:,} bytes uncompressed, more than a coding sheet may "
                               f"({MAX_SHEET_BYTES:,})")
    elements = 0
    for info in z.infolist():
        rows = cells = 0
        carry = b""
        with z.open(info) as fh:
            while True:
                chunk = fh.read(1 << 20)
                data = carry + chunk
                cut = data.rfind(b"<") if chunk else -1  # a tag is never split: keep the last "<" for next time
                part, carry = (data[:cut], data[cut:]) if cut >= 0 else (data, b"")
                if b"<!DOCTYPE" in part or b"<!ENTITY" in part:
                    raise InputError(path, f"{info.filename} declares a DTD, which no XLSX workbook has")
                elements += part.count(b"<") - part.count(b"</")
                if elements > MAX_XLSX_ELEMENTS:
                    raise InputError(path, f"the workbook holds more than {MAX_XLSX_ELEMENTS:,} XML elements, "
                                           "more than a coding sheet needs")
                for m in _ROW_OR_CELL.finditer(part):
                    if m.group(1) == b"row":
                        number = _ROW_NUMBER.search(m.group(2))
                        rows = max(rows + 1, int(number.group(1)) if number else 0)
                        cells = 0
                        if rows > MAX_SHEET_ROWS + 1:
                            raise InputError(path, f"the sheet has more than {MAX_SHEET_ROWS:,} rows (row {rows:,} "
                                                   f"in {info.filename}); a coding sheet has one row a statement")
                    else:
                        cells += 1
                        if cells > MAX_ROW_CELLS:
                            raise InputError(path, f"row {rows} holds more than {MAX_ROW_CELLS:,} cells "
                                                   f"({info.filename}); a coding sheet has {len(SHEET_COLUMNS)} "
                                                   "columns")
                if not chunk:
                    break


def _xlsx_rows(path: Path) -> Iterator[_Row]:
    """The rows of the first sheet of an XLSX workbook, read one at a time (openpyxl's read-only mode), the
    header first. Columns end at the header's last named cell; a body row is cut or padded to that many cells.
    Formulas are not evaluated: a formula cell's text is its formula. Wholly empty rows are skipped, as in CSV."""
    from openpyxl import load_workbook

    size = path.stat().st_size
    if size > MAX_SHEET_BYTES // 4:
        raise InputError(path, f"the file has {size:,} bytes, more than an XLSX coding sheet may "
                               f"({MAX_SHEET_BYTES // 4:,})")
    try:
        with zipfile.ZipFile(path) as z:
            _xlsx_bounds(path, z)
        wb = load_workbook(path, read_only=True, data_only=False)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one input problem
        raise InputError(path, f"not a readable XLSX workbook ({_one_line(exc)})") from None

    def values(cells) -> list[str]:
        return ["" if c.value is None else str(c.value) for c in cells]

    number = 0
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # the dimension element is the writer's claim, not the sheet's size
        header = values(next(iter(ws.iter_rows(min_row=1, max_row=1, min_col=1)), ()))
        width = max((i + 1 for i, h in enumerate(header) if h.strip()), default=0)
        number = 1
        yield 1, header[:width], set()
        if not width:
            return
        rows = ws.iter_rows(min_row=2, min_col=1, max_col=width)
        while True:
            cells = next(rows, None)
            if cells is None:
                return
            number += 1
            if number > MAX_SHEET_ROWS + 1:  # checked before parsing too; here as the rows are read
                raise InputError(path, f"the sheet has more than {MAX_SHEET_ROWS:,} rows")
            row = values(cells)
            if any(v.strip() for v in row):
                yield number, row + [""] * (width - len(row)), {i for i, c in enumerate(cells) if c.data_type == "f"}
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a cell openpyxl cannot parse
        raise InputError(path, f"not a readable XLSX workbook (after row {number}: {_one_line(exc)})") from None
    finally:
        wb.close()


def _csv_rows(path: Path) -> Iterator[_Row]:
    """The rows of a CSV sheet, the header first (after a leading ``#`` comment block), each checked for size."""
    size = path.stat().st_size
    if size > MAX_SHEET_BYTES:
        raise InputError(path, f"the file has {size:,} bytes, more than a coding sheet may ({MAX_SHEET_BYTES:,})")
    text = read_text(path)
    lines = text.split("\n")
    skipped = 0
    while skipped < len(lines) and (lines[skipped].startswith("#") or not lines[skipped].strip()):
        skipped += 1
    table = read_resource_csv(path)
    if len(table) > MAX_SHEET_ROWS:
        raise InputError(path, f"the sheet has more than {MAX_SHEET_ROWS:,} rows")
    yield skipped + 1, [str(c) for c in table.columns], set()
    for i, row in enumerate(table.itertuples(index=False)):
        yield skipped + 2 + i, [cell_text(v) for v in row], set()


def read_coding_sheet(path: str | os.PathLike, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """A filled coding sheet (CSV or XLSX), checked: an id column (``statement_id`` or ``id``) with unique,
    non-empty ids; a code column (``human_code``, or ``code`` as in the second coder's packet) whose non-empty
    values are codes a reader may choose (:func:`fromto.coding.codebook.reader_codes`; case and surrounding spaces
    do not matter); ``confidence``, where present and filled, one of high / medium / low. In an XLSX sheet, the
    id, code, confidence and note cells must hold what the reader typed, not a formula (openpyxl cannot compute
    one, and a formula without a cached value would read as empty); a formula elsewhere reads as its text.

    Rows are checked as they are read, so a bad code on row 2 is reported without reading row 3. A sheet larger
    than :data:`MAX_SHEET_BYTES` or :data:`MAX_SHEET_ROWS` is refused before its rows are read (for XLSX see
    :func:`_xlsx_bounds`).

    Returns the table with the ids in ``statement_id``, the codes (upper case) in ``human_code`` and
    ``confidence`` lower case; every other cell as read. Raises :class:`fromto.textio.InputError` with one line
    ``PATH: row N: problem``, N being the row in the file (a spreadsheet's row number).
    """
    path = Path(path)
    codebook = cb.load_codebook() if codebook is None else codebook
    if not path.is_file():
        raise InputError(path, "no such file")
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    try:
        return _checked_sheet(path, rows, codebook)
    finally:
        rows.close()  # a refused row leaves the rest unread; close the workbook now


def _checked_sheet(path: Path, rows: Iterator[_Row], codebook: pd.DataFrame) -> pd.DataFrame:
    """:func:`read_coding_sheet` on the rows of a sheet, checking each as it comes."""
    first = next(rows, None)
    if first is None:
        raise InputError(path, "the sheet is empty")
    header = [h.strip() for h in first[1]]
    keep = [i for i, h in enumerate(header) if h]  # an unnamed XLSX column is nobody's
    header = [header[i] for i in keep]
    id_col = next((c for c in ("statement_id", "id") if c in header), None)
    code_col = next((c for c in ("human_code", "code") if c in header), None)
    if id_col is None:
        raise InputError(path, "no id column (statement_id or id)")
    if code_col is None:
        raise InputError(path, "no code column (human_code or code)")
    allowed = cb.reader_codes(codebook)
    typed = [(c, keep[header.index(c)]) for c in (id_col, code_col, "confidence", "note") if c in header]
    records, numbers = [], []
    seen: dict[str, int] = {}
    for row, values, formulas in rows:
        for col, i in typed:
            if i in formulas:
                raise InputError(path, f"row {row}: {col} holds a formula ({_shown(values[i][:40])}); "
                                       "type the value itself")
        rec = dict(zip(header, (values[i] for i in keep)))
        sid = rec[id_col].strip()
        if not sid:
            raise InputError(path, f"row {row}: empty {id_col}")
        key = _id_key(sid)
        if key in seen:
            raise InputError(path, f"row {row}: {id_col} {_shown(sid)} repeats row {seen[key]}")
        seen[key] = row
        code = rec[code_col].strip().upper()
        if code and code not in allowed:
            hint = " (UNCODED is set by the rules only)" if code == cb.UNCODED_CODE else ""
            raise InputError(path, f"row {row}: unknown code {code!r} in {code_col}{hint}; "
                                   f"allowed: {', '.join(allowed)}")
        conf = rec.get("confidence", "").strip().lower()
        if conf and conf not in CONFIDENCE:
            raise InputError(path, f"row {row}: confidence {conf!r} is not one of {', '.join(CONFIDENCE)}")
        rec["statement_id"], rec["human_code"] = sid, code
        if "confidence" in rec:
            rec["confidence"] = conf
        records.append(rec)
        numbers.append(row)
    columns = header + [c for c in ("statement_id", "human_code") if c not in header]
    out = pd.DataFrame(records, columns=columns)
    out.attrs["first_row"] = numbers[0] if numbers else first[0] + 1
    out.attrs["rows"] = numbers
    return out
