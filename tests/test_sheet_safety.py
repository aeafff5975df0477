"""The coding sheet and the exports neither inject, lose nor crash.

A spreadsheet must never run a cell as a formula; a filled sheet is read as a stream, within bounds, and a formula
where a reader types a code is an error; characters XML 1.0 cannot hold are replaced, one for one, so XLSX and
REFI-QDA exports are always written and valid. Hostile workbooks are built small: a real sheet written by openpyxl
whose XML is then patched, so no test allocates what the bounds exist to refuse.
"""

from __future__ import annotations

import csv
import io
import random
import re
import struct
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from fromto import corpus, textio
from fromto.coding import qdpx, sheet_reading, sheets
from fromto.coding import codebook as cb
from fromto.corpus import document as corpus_document
from fromto.textio import InputError

from coding_samples import CODED, SENTENCES, TEXTS  # tests/coding_samples.py: the shared toy corpus

XSD = Path(__file__).parent / "data" / "Project-mrt2019.xsd"
NS = "{urn:QDA-XML:project:1.0}"
SHEET_XML = "xl/worksheets/sheet1.xml"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def book() -> pd.DataFrame:
    return cb.load_codebook()


def _xlsx(path: Path, rows, header=("statement_id", "human_code")) -> Path:
    """A workbook as openpyxl writes it: ``header`` and ``rows`` on the first sheet."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _rezip(path: Path, change) -> Path:
    """Rewrite the zip at ``path``, each member's bytes passed through ``change(name, data)``."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, change(info.filename, src.read(info)))
    path.write_bytes(buf.getvalue())
    return path


def _patch_sheet(path: Path, old: bytes, new: bytes) -> Path:
    def change(name, data):
        if name != SHEET_XML:
            return data
        assert old in data
        return data.replace(old, new, 1)
    return _rezip(path, change)


def _declare_size(path: Path, member: str, size: int) -> Path:
    """Make the zip declare ``size`` uncompressed bytes for ``member`` (local and central headers); the content
    stays as it was."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        for m in re.finditer(re.escape(sig), bytes(data)):
            if data[m.start() + name_at: m.start() + name_at + len(name)] == name:
                data[m.start() + size_at: m.start() + size_at + 4] = struct.pack("<I", size)
    path.write_bytes(bytes(data))
    return path


def _schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(XSD)))


def _project(data: bytes):
    from lxml import etree

    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("project.qde"))


def _csv_cells(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


# --- A filled XLSX sheet is read as a stream, within bounds -------------------------------------------------------

def test_xlsx_dimension_element_is_not_trusted(tmp_path, book):
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIES"]])
    _rezip(p, lambda n, d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', d)
           if n == SHEET_XML else d)
    got = sheet_reading.read_coding_sheet(p, book)
    assert list(got.columns) == ["statement_id", "human_code"]  # not 16,384 columns of padding
    assert got["human_code"].tolist() == ["TIES"]


def test_xlsx_with_a_row_beyond_the_row_limit_is_refused_before_reading_rows(tmp_path, book):
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIES"]])
    _patch_sheet(p, b"</sheetData>",
                 b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    with pytest.raises(InputError, match=r"more than [\d,]+ rows") as e:
        sheet_reading.read_coding_sheet(p, book)
    assert str(e.value).startswith(f"{p}: ") and "\n" not in str(e.value)


def test_xlsx_whose_members_declare_more_bytes_than_the_bound_is_refused_before_parsing(tmp_path, book):
    p = _declare_size(_xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIESS"]]), SHEET_XML, 2**31)
    with pytest.raises(InputError, match="uncompressed") as e:
        sheet_reading.read_coding_sheet(p, book)
    assert "TIESS" not in str(e.value)  # refused before the bad code on row 2 was read


def test_xlsx_row_with_more_cells_than_any_sheet_has_columns_is_refused(tmp_path, book):
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIES"]])
    _patch_sheet(p, b"</sheetData>", b'<row r="3">' + b"<c/>" * 20_000 + b"</row></sheetData>")
    with pytest.raises(InputError, match="row 3 holds more than"):
        sheet_reading.read_coding_sheet(p, book)


def test_xlsx_with_more_xml_elements_than_the_bound_is_refused(tmp_path, book, monkeypatch):
    monkeypatch.setattr(sheet_reading, "MAX_XLSX_ELEMENTS", 400, raising=False)
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIES"]])
    runs = b"".join(b"<r><t>x</t></r>" for _ in range(300))  # one cell of 300 rich-text runs
    _patch_sheet(p, b"</sheetData>", b'<row r="3"><c r="A3" t="inlineStr"><is>' + runs + b"</is></c></row></sheetData>")
    with pytest.raises(InputError, match="XML elements"):
        sheet_reading.read_coding_sheet(p, book)


def test_xlsx_part_that_declares_a_dtd_is_refused(tmp_path, book):
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIES"]])
    # an entity would put elements into the sheet that its bytes do not show
    entity = b"""<!DOCTYPE worksheet [<!ENTITY r "<row r='3'><c r='A3' t='inlineStr'><is><t>x</t></is></c></row>">]>"""
    _patch_sheet(p, b"<worksheet", entity + b"<worksheet")
    _patch_sheet(p, b"</sheetData>", b"&r;</sheetData>")
    with pytest.raises(InputError, match="declares a DTD"):
        sheet_reading.read_coding_sheet(p, book)


def test_xlsx_bad_code_on_row_2_is_reported_before_later_rows_are_read(tmp_path, book):
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIESS"]])
    # row 3 names a column that cannot exist: parsing it would fail, so reporting row 2 shows row 3 was not read
    _patch_sheet(p, b"</sheetData>",
                 b'<row r="3"><c r="ZZZZ3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    with pytest.raises(InputError, match="row 2: unknown code 'TIESS'"):
        sheet_reading.read_coding_sheet(p, book)


def test_xlsx_cell_that_cannot_be_parsed_is_one_line_error(tmp_path, book):
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIES"]])
    _patch_sheet(p, b"</sheetData>",
                 b'<row r="3"><c r="ZZZZ3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    with pytest.raises(InputError, match="not a readable XLSX workbook") as e:
        sheet_reading.read_coding_sheet(p, book)
    assert "\n" not in str(e.value)


def test_xlsx_with_broken_xml_is_one_line_error(tmp_path, book):
    p = _patch_sheet(_xlsx(tmp_path / "s.xlsx", [["d1:s2t1", "TIES"]]), b"</sheetData>", b"<row></sheetData>")
    with pytest.raises(InputError, match="not a readable XLSX workbook") as e:
        sheet_reading.read_coding_sheet(p, book)
    assert "\n" not in str(e.value)


def test_csv_sheet_larger_than_the_bound_is_refused_before_reading(tmp_path, book, monkeypatch):
    monkeypatch.setattr(sheet_reading, "MAX_SHEET_BYTES", 64, raising=False)
    p = tmp_path / "s.csv"
    p.write_text("statement_id,human_code\n" + "".join(f"d1:s{i}t1,TIESS\n" for i in range(10)), encoding="utf-8")
    with pytest.raises(InputError, match="bytes"):
        sheet_reading.read_coding_sheet(p, book)


# --- A formula where a reader types a value is an error -----------------------------------------------------------

@pytest.mark.parametrize("column", ["statement_id", "human_code", "confidence", "note"])
def test_formula_in_a_reader_cell_is_an_error_naming_file_and_row(tmp_path, book, column):
    values = {"statement_id": "d1:s2t1", "human_code": "TIES", "confidence": "high", "note": "ok"}
    values[column] = '="SCALE"' if column != "statement_id" else '="d1:s2t1"'
    p = _xlsx(tmp_path / "s.xlsx", [list(values.values())], header=list(values))
    with pytest.raises(InputError, match=f"row 2: {column} holds a formula") as e:
        sheet_reading.read_coding_sheet(p, book)
    assert str(e.value).startswith(f"{p}: ")


def test_formula_outside_the_reader_columns_is_read_as_its_text(tmp_path, book):
    p = _xlsx(tmp_path / "s.xlsx", [["d1:s2t1", '=HYPERLINK("http://x","y")', "TIES"]],
              header=["statement_id", "sentence", "human_code"])
    got = sheet_reading.read_coding_sheet(p, book)
    assert got.at[0, "sentence"] == '=HYPERLINK("http://x","y")' and got.at[0, "human_code"] == "TIES"


# --- No cell a spreadsheet would run as a formula -----------------------------------------------------------------

HOSTILE_POLES = {"sentence": '=HYPERLINK("http://example.com","点击")', "source": "-松散型", "target": "+紧密型",
                 "subject": "@组织", "marker": "\t从X向Y", "code_rule": "-R1"}


def _hostile_coded() -> pd.DataFrame:
    coded = CODED.copy()
    for col, value in HOSTILE_POLES.items():
        coded.loc[0, col] = value
    return coded


def test_coding_sheet_puts_an_apostrophe_before_a_cell_that_starts_a_formula():
    sheet = sheets.coding_sheet(_hostile_coded(), SENTENCES)
    row = sheet.iloc[0]
    for col, value in HOSTILE_POLES.items():
        assert row[col] == "'" + value
    assert sheet.iloc[1]["source"] == "压力"  # other cells unchanged


def test_csv_coding_sheet_holds_no_cell_that_starts_a_formula(tmp_path, book):
    (path,) = sheets.write_coding_sheet(sheets.coding_sheet(_hostile_coded(), SENTENCES), tmp_path / "s.csv", book)
    cells = [c for row in _csv_cells(path) for c in row]
    assert "'-松散型" in cells
    assert not [c for c in cells if c.startswith(FORMULA_START)]


def test_a_sheet_made_by_hand_is_neutralised_when_written(tmp_path, book):
    sheet = pd.DataFrame({"statement_id": ["a"], "sentence": ["=1+1"], "human_code": [""]})
    csv_path, xlsx_path = sheets.write_coding_sheet(sheet, tmp_path / "s.csv", book, xlsx=True)
    assert _csv_cells(csv_path)[1] == ["a", "'=1+1", ""]
    from openpyxl import load_workbook
    assert load_workbook(xlsx_path)["coding"]["B2"].value == "'=1+1"


def test_xlsx_coding_sheet_writes_every_text_as_a_string_never_a_formula(tmp_path, book):
    from openpyxl import load_workbook

    _, xlsx_path = sheets.write_coding_sheet(sheets.coding_sheet(_hostile_coded(), SENTENCES), tmp_path / "s.csv",
                                          book, xlsx=True)
    wb = load_workbook(xlsx_path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                assert not (isinstance(cell.value, str) and cell.value.startswith(FORMULA_START))
    assert "<f>" not in zipfile.ZipFile(xlsx_path).read(SHEET_XML).decode()


def test_neutralised_sheet_round_trips_through_csv_and_xlsx(tmp_path, book):
    coded = _hostile_coded().replace({"doc": {"d1": "=d1"}})
    sentences = SENTENCES.replace({"doc": {"d1": "=d1"}})
    sheet = sheets.coding_sheet(coded, sentences)
    assert sheet["statement_id"].tolist() == ["'=d1:s2t1", "d2:s1t1"]
    filled = sheet.copy()
    filled.loc[:, ["human_code", "confidence"]] = [["STAGE", "low"], ["TIES", "high"]]
    for path in sheets.write_coding_sheet(filled, tmp_path / "s.csv", book, xlsx=True):
        merged = sheets.merge_sheet(sheet, sheet_reading.read_coding_sheet(path, book), path)
        assert merged["human_code"].tolist() == ["STAGE", "TIES"], path
        assert merged["sentence"].tolist() == sheet["sentence"].tolist()


def test_sheet_resaved_by_a_spreadsheet_without_the_apostrophe_still_matches(tmp_path, book):
    sheet = sheets.coding_sheet(CODED.replace({"doc": {"d1": "=d1"}}), SENTENCES.replace({"doc": {"d1": "=d1"}}))
    p = tmp_path / "s.csv"  # Excel drops the leading ' when it saves the CSV again
    p.write_text("statement_id,human_code\n=d1:s2t1,STAGE\n", encoding="utf-8")
    merged = sheets.merge_sheet(sheet, sheet_reading.read_coding_sheet(p, book), p)
    assert merged["human_code"].tolist() == ["STAGE", ""]


def test_line_break_in_a_sheet_cell_is_written_as_lf_so_the_csv_row_stays_whole(tmp_path, book):
    coded = CODED.copy()
    coded.loc[0, "sentence"] = "组织关系\r从松散型向紧密型转变。"
    (path,) = sheets.write_coding_sheet(sheets.coding_sheet(coded, SENTENCES), tmp_path / "s.csv", book)
    got = sheet_reading.read_coding_sheet(path, book)
    assert got["statement_id"].tolist() == ["d1:s2t1", "d2:s1t1"]
    assert got.at[0, "sentence"] == "组织关系\n从松散型向紧密型转变。"


def test_reader_note_starting_with_an_apostrophe_is_read_as_written(tmp_path, book):
    p = tmp_path / "s.csv"
    p.write_text("statement_id,human_code,note\nd1:s2t1,TIES,'-x is a pole\n", encoding="utf-8")
    assert sheet_reading.read_coding_sheet(p, book).at[0, "note"] == "'-x is a pole"


def test_corpus_fragments_neutralise_text_cells_but_not_numbers():
    rows = [{"doc": "d", "sentence": "=1+1", "source": "-松散型", "target": "@x", "start": -1, "end": 5}]
    line = corpus_document._csv_fragment(rows, ["doc", "sentence", "source", "target", "start", "end"])
    assert next(csv.reader([line])) == ["d", "'=1+1", "'-松散型", "'@x", "-1", "5"]
    frame = corpus_document._csv_fragment(pd.DataFrame(rows), ["sentence", "start"])
    assert next(csv.reader([frame])) == ["'=1+1", "-1"]
    assert next(csv.reader([corpus_document._row_fragment(["+标题", 3])])) == ["'+标题", "3"]


def test_corpus_tables_hold_no_text_cell_that_starts_a_formula(tmp_path):
    src = tmp_path / "in.csv"
    text = "-近年来，社区党建工作实现了从松散型到紧密型的转变。\n@组织关系从“-松散型”向“=紧密型”转变。"
    src.write_text('id,text,title\nd1,"' + text + '",=标题\n', encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    transitions = pd.read_csv(out / "transitions.csv", dtype=str, keep_default_na=False)
    assert "'-松散型" in set(transitions["source"]) and "'=紧密型" in set(transitions["target"])
    for name in corpus.TABLES:
        for row in _csv_cells(out / name)[1:]:
            assert not [c for c in row if c.startswith(FORMULA_START) and not re.fullmatch(r"-?\d+", c)], (name, row)


def test_spreadsheet_safe_is_idempotent_and_leaves_numbers_alone():
    once = textio.spreadsheet_safe("=1+1")
    assert once == "'=1+1" and textio.spreadsheet_safe(once) == once
    assert textio.spreadsheet_safe(-3) == -3 and textio.spreadsheet_safe("结语") == "结语"
    assert corpus_document.spreadsheet_safe is textio.spreadsheet_safe  # one implementation


# --- Characters XML 1.0 cannot hold -------------------------------------------------------------------------------

def test_xlsx_sheet_with_a_control_character_is_written_with_a_replacement(tmp_path, book):
    coded = CODED.copy()
    coded.loc[0, "sentence"] = "组织\x01关系"
    with pytest.warns(sheets.ReplacedCharacterWarning, match="U\\+0001"):
        sheet = sheets.coding_sheet(coded, SENTENCES)
    _, xlsx_path = sheets.write_coding_sheet(sheet, tmp_path / "s.csv", book, xlsx=True)
    from openpyxl import load_workbook
    assert load_workbook(xlsx_path)["coding"]["E2"].value == "组织\ufffd关系"


def test_csv_sheet_with_a_lone_surrogate_is_written_with_a_replacement(tmp_path, book):
    # object columns: a pandas string column backed by pyarrow cannot hold a lone surrogate at all
    sheet = pd.DataFrame({"statement_id": ["a"], "sentence": ["组织\ud800关系"], "human_code": [""]}, dtype=object)
    with pytest.warns(sheets.ReplacedCharacterWarning):
        (path,) = sheets.write_coding_sheet(sheet, tmp_path / "s.csv", book)
    assert _csv_cells(path)[1] == ["a", "组织\ufffd关系", ""]


def _segments(coded=CODED, sentences=SENTENCES):
    return qdpx.coded_segments(coded, sentences)


@pytest.mark.parametrize("where, value", [("source", "松\x01散型"), ("source", "松\uffff散型"),
                                          ("target", "紧\ud800密型"), ("doc", "d\x01")])
def test_qdpx_with_characters_xml_cannot_hold_is_valid_and_says_what_it_replaced(book, where, value):
    texts, coded, sentences = dict(TEXTS), CODED.copy().astype(object), SENTENCES.astype(object)
    if where == "doc":
        texts = {value: TEXTS["d1"], "d2": TEXTS["d2"]}
        coded, sentences = coded.replace({"doc": {"d1": value}}), sentences.replace({"doc": {"d1": value}})
    else:
        coded.loc[0, where] = value
    with pytest.warns(sheets.ReplacedCharacterWarning, match="U\\+FFFD"):
        data = qdpx.qdpx_bytes(book, texts, _segments(coded, sentences))
    root = _project(data)
    assert _schema().validate(root), _schema().error_log
    assert "\ufffd" in zipfile.ZipFile(io.BytesIO(data)).read("project.qde").decode("utf-8")


def test_replaced_characters_do_not_shift_selection_offsets(book):
    raw = "前\x01言\ud800。组织关系从松散型向紧密型转变。结语\uffff。"
    sentences = pd.DataFrame([{"doc": "d1", "sentence_id": "s2", "text": "组织关系从松散型向紧密型转变。",
                               "raw_start": 5, "raw_end": 20}])
    with pytest.warns(sheets.ReplacedCharacterWarning):
        data = qdpx.qdpx_bytes(book, {"d1": raw}, _segments(CODED.iloc[:1], sentences))
    z = zipfile.ZipFile(io.BytesIO(data))
    (source,) = [n for n in z.namelist() if n.startswith("sources/")]
    text = z.read(source).decode("utf-8")
    assert len(text) == len(raw) and text.startswith("前\ufffd言\ufffd。")
    sel = _project(data).find(f".//{NS}PlainTextSelection")
    assert text[int(sel.get("startPosition")):int(sel.get("endPosition"))] == "组织关系从松散型向紧密型转变。"


def test_qdpx_export_writes_nothing_when_the_project_would_not_be_well_formed(tmp_path, book, monkeypatch):
    monkeypatch.setattr(qdpx, "xml_safe", lambda text: (text, []))  # as if replacement were skipped
    coded = CODED.copy()
    coded.loc[0, "source"] = "松\x01散型"
    target = tmp_path / "p.qdpx"
    with pytest.raises(ValueError, match="not well-formed"):
        qdpx.export_qdpx(target, book, TEXTS, coded, SENTENCES)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_qdpx_without_hostile_characters_gives_no_warning(book):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        qdpx.qdpx_bytes(book, TEXTS, _segments())
        sheets.coding_sheet(CODED, SENTENCES)


# --- Fuzz: hostile strings through the coding sheet and the REFI-QDA project -------------------------------------

#: Strings a document, a sentence or a pole may hold that spreadsheets, CSV and XML treat specially.
HOSTILE = [
    "=1+1", '=HYPERLINK("http://example.com","x")', "+x", "-松散型", "@SUM(A1)", "\t=x", "\r=x", "'=x", "=",
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\ufffe", "\uffff", "\ud800", "\udfff", "\ud83d",
    "<b>&amp;</b>", "<script>alert(1)</script>", "]]>", "&#1;", '"', "a,b", 'a"b', "a\nb", "a\r\nb", " ", "",
    "😀", "紧密型", "\u200b", "\ufeff",
]


def _hostile(rng: random.Random) -> str:
    return "".join(rng.choice(HOSTILE) for _ in range(rng.randrange(0, 4)))


def _visible(text: str) -> str:
    """What a cell holds after :func:`sheets.coding_sheet`: line breaks LF, characters replaced, formulas
    neutralised."""
    return textio.spreadsheet_safe(textio.xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))[0])


def _fuzz_case(rng: random.Random, i: int):
    """Two documents with hostile names and texts, one coded transition each with hostile poles."""
    docs = [f"{_hostile(rng)}d{i}a", f"{_hostile(rng)}d{i}b"]
    texts, sentences, coded = {}, [], []
    for doc in docs:
        before, sentence, after = _hostile(rng), "从" + _hostile(rng) + "向" + _hostile(rng) + "转变。", _hostile(rng)
        texts[doc] = before + sentence + after
        sentences.append({"doc": doc, "sentence_id": "s1", "text": sentence, "raw_start": len(before),
                          "raw_end": len(before) + len(sentence)})
        coded.append({"doc": doc, "sentence_id": "s1", "sentence": sentence, "marker": _hostile(rng),
                      "subject": _hostile(rng), "source": _hostile(rng), "target": _hostile(rng),
                      "code": rng.choice(["TIES", "STAGE", "UNCODED"]), "code_rule": _hostile(rng)})
    return texts, pd.DataFrame(sentences, dtype=object), pd.DataFrame(coded, dtype=object)


def test_fuzz_hostile_strings_through_coding_sheet_and_qdpx(tmp_path, book):
    from openpyxl import load_workbook

    rng = random.Random(11)
    schema = _schema()
    codes = cb.reader_codes(book)
    for i in range(40):
        texts, sentences, coded = _fuzz_case(rng, i)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sheets.ReplacedCharacterWarning)
            sheet = sheets.coding_sheet(coded, sentences)
            filled = sheet.copy().astype(object)  # a reader's notes may hold what a string column cannot
            filled["human_code"] = [rng.choice(codes) for _ in range(len(filled))]
            filled["note"] = pd.Series([_hostile(rng) for _ in range(len(filled))], index=filled.index, dtype=object)
            paths = sheets.write_coding_sheet(filled, tmp_path / f"s{i}.csv", book, xlsx=True)
            data = qdpx.qdpx_bytes(book, texts, qdpx.coded_segments(coded, sentences))
        case = f"case {i}: {coded.to_dict('records')!r}"
        assert sheet["sentence"].tolist() == [_visible(s) for s in coded["sentence"]], case
        # no cell a spreadsheet would run, in either format; XLSX strings only
        for row in _csv_cells(paths[0]):
            assert not [c for c in row if c.startswith(FORMULA_START)], case
        for row in load_workbook(paths[1])["coding"].iter_rows():
            for cell in row:
                assert cell.data_type != "f", case
                assert not (isinstance(cell.value, str) and cell.value.startswith(FORMULA_START)), case
        # a round trip gives every row its reader's code back, from CSV and from XLSX
        for path in paths:
            merged = sheets.merge_sheet(sheet, sheet_reading.read_coding_sheet(path, book), path)
            assert merged["human_code"].tolist() == filled["human_code"].tolist(), (case, path)
        # the project is valid, and every selection still points at its sentence
        root = _project(data)
        assert schema.validate(root), (case, schema.error_log)
        z = zipfile.ZipFile(io.BytesIO(data))
        for (doc, raw), src in zip(texts.items(), root.findall(f"{NS}Sources/{NS}TextSource")):
            text = z.read("sources/" + src.get("plainTextPath").split("//", 1)[1]).decode("utf-8")
            assert text == textio.xml_safe(raw)[0], case
            sel = src.find(f"{NS}PlainTextSelection")
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            span = sentences.set_index("doc").loc[doc]
            assert text[start:end] == textio.xml_safe(span["text"])[0], case


def test_corpus_fragment_with_a_lone_carriage_return_reads_back_as_one_row():
    rows = [{"doc": "d", "sentence": "甲\r乙", "start": 0}, {"doc": "d", "sentence": "丙", "start": 3}]
    text = corpus_document._csv_fragment(rows, ["doc", "sentence", "start"])
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert [r[1] for r in back] == ["甲\r乙", "丙"] and [r[2] for r in back] == ["0", "3"]
