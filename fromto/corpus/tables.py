"""Corpus mode's output tables on disk: CSV files or partitioned Parquet, written as the results arrive, and read back.

A run hands each document's rows to a table writer as the CSV fragments its worker made
(:func:`fromto.corpus.pool._work`), so both formats hold exactly the same cells, in the same order:

* ``csv`` (:class:`CsvTables`): ``documents.csv`` … ``errors.csv``, UTF-8 with LF, the fragments appended as they are;
* ``parquet`` (:class:`ParquetTables`): one folder per table, ``documents.parquet/`` … ``errors.parquet/``, each
  holding ``part-00000.parquet``, ``part-00001.parquet``, … Rows are buffered :data:`ROW_GROUP_ROWS` at a time and
  written as a row group; a part is closed after :data:`PART_ROWS` rows and the next one begun, so a run never holds
  more than one row group per table in memory, whatever the corpus. Whole-number columns (:data:`INT_COLUMNS`) are
  ``int64``, every other column a string, empty cells of a whole-number column null. pandas
  (``pd.read_parquet("OUT/transitions.parquet")``), pyarrow and DuckDB
  (``read_parquet('OUT/transitions.parquet/*.parquet')``) read a folder as one table.

:func:`read_tables` reads either format back into DataFrames, keyed by the CSV names of :data:`TABLES`.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from fromto.corpus.document import TABLES

#: Output formats of a corpus run (``--format``).
FORMATS = ("csv", "parquet")

#: Columns written as whole numbers (``int64``) in Parquet, per table; every other column is a string.
INT_COLUMNS = {
    "documents.csv": {"body_offset", "n_chars", "n_articles", "n_paragraphs", "n_sentences", "n_words", "n_terms",
                      "n_transitions"},
    "paragraphs.csv": {"article", "section", "paragraph", "raw_start", "raw_end"},
    "term_frequencies.csv": {"count"},
    "transitions.csv": {"article", "section", "step", "start", "end"},
    "errors.csv": set(),
}

#: Rows buffered per table before they are written to Parquet as one row group.
ROW_GROUP_ROWS = 50_000
#: Rows of one Parquet part file; the next rows go to the next part.
PART_ROWS = 1_000_000


def parquet_name(table: str) -> str:
    """The Parquet folder of a table: ``documents.csv`` -> ``documents.parquet``."""
    return table[: -len(".csv")] + ".parquet"


#: Every name a finished corpus run may leave in ``--out`` besides its marker: the tables in either format.
TABLE_ENTRIES = frozenset(TABLES) | frozenset(parquet_name(t) for t in TABLES)


def check_format(fmt) -> str:
    """``--format``: ``csv`` (default, for ``None``) or ``parquet``; anything else raises
    :class:`~fromto.textio.InputError`. Parquet needs pyarrow; its absence is an ``InputError`` too."""
    from fromto.textio import InputError

    fmt = "csv" if fmt is None else str(fmt).lower()
    if fmt not in FORMATS:
        raise InputError("--format", f"must be csv or parquet (got {fmt!r})")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("--format", "parquet needs pyarrow: python -m pip install -r requirements.txt") from None
    return fmt


class CsvTables:
    """The five tables as CSV files in ``folder``: a header each, then the fragments appended as they come."""

    format = "csv"

    def __init__(self, folder: Path):
        from fromto.corpus.document import _row_fragment

        self.folder = Path(folder)
        self.handles = {}
        try:
            for name, cols in TABLES.items():
                fh = open(self.folder / name, "w", encoding="utf-8", newline="\n")
                self.handles[name] = fh
                fh.write(_row_fragment(cols))
        except BaseException:
            self.close()
            raise

    def write(self, name: str, fragment: str) -> None:
        """Append ``fragment`` (CSV rows without a header, :data:`TABLES` columns) to table ``name``."""
        if fragment:
            self.handles[name].write(fragment)

    def close(self) -> None:
        for fh in self.handles.values():
            fh.close()

    def entries(self) -> list[str]:
        """The names this writer made in its folder, one per table."""
        return list(TABLES)


class ParquetTables:
    """The five tables as partitioned Parquet folders in ``folder`` (see the module docstring)."""

    format = "parquet"

    def __init__(self, folder: Path, row_group_rows: int = ROW_GROUP_ROWS, part_rows: int = PART_ROWS):
        import pyarrow as pa

        self.folder = Path(folder)
        self.row_group_rows, self.part_rows = row_group_rows, part_rows
        self.schemas = {name: pa.schema([(c, pa.int64() if c in INT_COLUMNS[name] else pa.string()) for c in cols])
                        for name, cols in TABLES.items()}
        self.buffers = {name: [] for name in TABLES}
        self.writers = {}  # table -> (ParquetWriter, rows in its part, part number)
        self.parts = {name: 0 for name in TABLES}
        for name in TABLES:
            (self.folder / parquet_name(name)).mkdir()

    def write(self, name: str, fragment: str) -> None:
        """Add the rows of ``fragment`` (CSV rows without a header) to table ``name``."""
        if not fragment:
            return
        buf = self.buffers[name]
        buf.extend(csv.reader(io.StringIO(fragment, newline="")))
        if len(buf) >= self.row_group_rows:
            self._flush(name)

    def _flush(self, name: str, empty_part: bool = False) -> None:
        """Write the buffered rows of ``name`` as row groups, opening part files as needed; ``empty_part`` writes an
        empty row group when nothing is buffered (so an empty table still has a part file with its columns)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows, self.buffers[name] = self.buffers[name], []
        schema = self.schemas[name]
        while rows or empty_part:
            empty_part = False
            if name not in self.writers:
                path = self.folder / parquet_name(name) / f"part-{self.parts[name]:05d}.parquet"
                self.writers[name] = (pq.ParquetWriter(path, schema), 0)
                self.parts[name] += 1
            writer, n = self.writers[name]
            take, rows = rows[: self.part_rows - n], rows[self.part_rows - n:]
            columns = list(zip(*take)) if take else [() for _ in schema]
            arrays = [pa.array([_int(v) for v in col] if field.type == pa.int64() else list(col), type=field.type)
                      for field, col in zip(schema, columns)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(take)
            if n >= self.part_rows:
                writer.close()
                del self.writers[name]
            else:
                self.writers[name] = (writer, n)

    def close(self) -> None:
        """Write what is buffered and close every part (an empty table still gets one part, with its columns)."""
        try:
            for name in TABLES:
                self._flush(name, empty_part=self.parts[name] == 0)
        finally:
            for writer, _ in self.writers.values():
                writer.close()
            self.writers = {}

    def entries(self) -> list[str]:
        return [parquet_name(name) for name in TABLES]


def _int(value: str):
    return int(value) if value != "" else None


def open_tables(folder: Path, fmt: str):
    """A writer of the five tables in ``folder``: :class:`CsvTables` or :class:`ParquetTables`."""
    return ParquetTables(folder) if fmt == "parquet" else CsvTables(folder)


def read_tables(folder: str | os.PathLike) -> dict:
    """The tables of a corpus run in ``folder``, CSV or Parquet, as ``{"documents.csv": DataFrame, …}``.

    Read as notebook 05 reads them: from CSV, ``doc``, ``date`` and ``title`` as text and empty cells as empty strings
    (not NaN); from Parquet, the same, with whole-number columns as integers (nullable ``Int64`` when a cell is
    empty). Each table is looked up as ``NAME.csv``, then ``NAME.parquet``; a missing table raises
    :class:`FileNotFoundError`.
    """
    import pandas as pd

    folder = Path(folder)
    tables = {}
    for name, cols in TABLES.items():
        if (folder / name).exists():
            tables[name] = pd.read_csv(folder / name, dtype={"doc": str, "date": str, "title": str},
                                       keep_default_na=False)
            continue
        pq_path = folder / parquet_name(name)
        if not pq_path.exists():
            raise FileNotFoundError(f"{folder}: neither {name} nor {parquet_name(name)}")
        table = pd.read_parquet(pq_path)[cols]
        for col in cols:
            if col in INT_COLUMNS[name]:
                table[col] = table[col].astype("int64") if table[col].notna().all() else table[col].astype("Int64")
            else:
                table[col] = table[col].fillna("")
        tables[name] = table
    return tables
