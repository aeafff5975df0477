"""Coding sheets out and back, agreement from a filled sheet, the REFI-QDA project export, the second coder's packet."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from fromto.coding import qdpx, rules, second_coder, sheet_reading, sheets
from fromto.coding import codebook as cb
from fromto.evaluation import metrics
from fromto.textio import InputError

from coding_samples import CODED, SENTENCES, TEXTS  # tests/coding_samples.py: the shared toy corpus

XSD = Path(__file__).parent / "data" / "Project-mrt2019.xsd"
NS = "{urn:QDA-XML:project:1.0}"


@pytest.fixture(scope="module")
def book() -> pd.DataFrame:
    return cb.load_codebook()


@pytest.fixture()
def sheet() -> pd.DataFrame:
    return sheets.coding_sheet(CODED, SENTENCES)


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- the sheet out ------------------------------------------------------------------------------------------------

def test_sheet_has_context_sentences_within_the_same_document(sheet):
    first, second = sheet.to_dict("records")
    assert (first["prev_sentence"], first["next_sentence"]) == ("前言。", "结语。")
    assert (second["prev_sentence"], second["next_sentence"]) == ("", "")  # d2 has one sentence only


def test_sheet_ids_number_transitions_within_a_sentence_and_name_the_document():
    df = pd.DataFrame([{"doc": "1955", "sentence_id": "a2p205s01"}] * 2 + [{"doc": "", "sentence_id": "x"}])
    assert sheets.statement_ids(df) == ["1955:a2p205s01t1", "1955:a2p205s01t2", "xt1"]


def test_sheet_carries_the_rule_code_and_empty_reader_columns(sheet):
    assert list(sheet.columns) == sheets.SHEET_COLUMNS
    assert sheet["rule_code"].tolist() == ["TIES", "CONVERSION"]
    assert (sheet[sheets.READER_COLUMNS] == "").all().all()


def test_csv_and_xlsx_sheets_read_back_the_same(tmp_path, sheet, book):
    filled = sheet.copy()
    filled.loc[0, ["human_code", "confidence"]] = ["TIES", "high"]
    csv_path, xlsx_path = sheets.write_coding_sheet(filled, tmp_path / "sheet.csv", book, xlsx=True)
    a = sheet_reading.read_coding_sheet(csv_path, book)
    b = sheet_reading.read_coding_sheet(xlsx_path, book)
    assert a["human_code"].tolist() == b["human_code"].tolist() == ["TIES", ""]
    from openpyxl import load_workbook
    wb = load_workbook(xlsx_path)
    assert wb.sheetnames == ["coding", "codebook"]
    assert "NOT_A_TRANSITION" in wb["coding"].data_validations.dataValidation[0].formula1


# --- the sheet back in --------------------------------------------------------------------------------------------

def test_codes_are_read_case_and_space_insensitively(tmp_path, book):
    p = _write(tmp_path, "s.csv", "statement_id,human_code,confidence\nd1:s2t1, ties ,High\n")
    got = sheet_reading.read_coding_sheet(p, book)
    assert (got.at[0, "human_code"], got.at[0, "confidence"]) == ("TIES", "high")


def test_unknown_code_is_one_line_naming_file_and_row(tmp_path, book):
    p = _write(tmp_path, "s.csv", "# comment line\nstatement_id,human_code\nd1:s2t1,TIES\nd2:s1t1,TIESS\n")
    with pytest.raises(InputError) as e:
        sheet_reading.read_coding_sheet(p, book)
    msg = str(e.value)
    assert msg.startswith(f"{p}: row 4: unknown code 'TIESS'") and "\n" not in msg


def test_uncoded_and_group_codes_are_not_a_readers_codes(tmp_path, book):
    for bad in ("UNCODED", "ORGANISATION"):
        p = _write(tmp_path, "s.csv", f"statement_id,human_code\nd1:s2t1,{bad}\n")
        with pytest.raises(InputError, match="row 2: unknown code"):
            sheet_reading.read_coding_sheet(p, book)


def test_other_and_not_a_transition_are_accepted(tmp_path, book):
    p = _write(tmp_path, "s.csv", "id,code\na,OTHER\nb,NOT_A_TRANSITION\nc,\n")
    assert sheet_reading.read_coding_sheet(p, book)["human_code"].tolist() == ["OTHER", "NOT_A_TRANSITION", ""]


def test_repeated_id_bad_confidence_and_missing_columns_are_rejected(tmp_path, book):
    cases = {
        "statement_id,human_code\na,TIES\na,REACH\n": "row 3: statement_id a repeats row 2",
        "statement_id,human_code,confidence\na,TIES,sure\n": "row 2: confidence 'sure'",
        "statement_id,label\na,TIES\n": "no code column",
        "human_code\nTIES\n": "no id column",
    }
    for text, problem in cases.items():
        with pytest.raises(InputError, match=problem):
            sheet_reading.read_coding_sheet(_write(tmp_path, "s.csv", text), book)


def test_filled_rows_must_belong_to_the_sheet(tmp_path, sheet, book):
    p = _write(tmp_path, "s.csv", "statement_id,human_code\nd9:s1t1,TIES\n")
    with pytest.raises(InputError, match="row 2: statement id d9:s1t1 is not in the coding sheet"):
        sheets.merge_sheet(sheet, sheet_reading.read_coding_sheet(p, book), p)


def test_human_codes_override_rule_codes_and_say_so(tmp_path, sheet, book):
    p = _write(tmp_path, "s.csv", "statement_id,human_code,note\nd2:s1t1,STAGE,read as a stage\n")
    final = sheets.apply_human_codes(sheets.merge_sheet(sheet, sheet_reading.read_coding_sheet(p, book)))
    assert final["code"].tolist() == ["TIES", "STAGE"]
    assert final["code_source"].tolist() == ["rule", "human"]
    assert final.at[1, "note"] == "read as a stage"


# --- agreement from a sheet ---------------------------------------------------------------------------------------

def test_agreement_from_a_sheet_by_hand(book):
    sheet = pd.DataFrame({
        "statement_id": list("abcde"),
        "rule_code": ["TIES", "TIES", "STAGE", "STAGE", "STAGE"],
        "human_code": ["TIES", "STAGE", "STAGE", "NOT_A_TRANSITION", ""],
        "code_rule": [""] * 5, "note": [""] * 5,
    })
    res = sheets.sheet_agreement(sheet, book)
    overall = res["overall"].set_index(["units", "measure"])["value"]
    assert overall[("all rows coded by the reader", "percent_agreement")] == pytest.approx(2 / 4)
    # the three rows judged transitions: TIES/TIES, TIES/STAGE, STAGE/STAGE -> kappa 0.4 (p_o 2/3, p_e 4/9 + ...)
    assert overall[("rows the reader judged transitions", "percent_agreement")] == pytest.approx(2 / 3)
    assert overall[("rows the reader judged transitions", "cohen_kappa")] == pytest.approx(
        (2 / 3 - (2 / 3 * 1 / 3 + 1 / 3 * 2 / 3)) / (1 - (2 / 3 * 1 / 3 + 1 / 3 * 2 / 3)))
    per = res["per_code"].set_index("code")
    assert per.loc["TIES", ["n_rule", "n_human", "n_both"]].tolist() == [2, 1, 1]
    assert res["disagreements"]["statement_id"].tolist() == ["b", "d"]


def test_per_code_agreement_is_binary_agreement_per_code():
    per = metrics.per_code_agreement(["X", "X", "Y", "Y"], ["X", "Y", "Y", "Y"], ["X", "Y"]).set_index("code")
    assert per.at["X", "percent_agreement"] == per.at["Y", "percent_agreement"] == 0.75
    assert per.at["X", "cohen_kappa"] == pytest.approx(0.5)


# --- REFI-QDA project ---------------------------------------------------------------------------------------------

def _qdpx(book):
    return qdpx.qdpx_bytes(book, TEXTS, qdpx.coded_segments(CODED, SENTENCES))


def test_qdpx_is_a_zip_of_project_qde_and_one_source_per_text(book):
    z = zipfile.ZipFile(io.BytesIO(_qdpx(book)))
    names = z.namelist()
    assert names[0] == "project.qde" and len(names) == 3
    assert sorted(z.read(n).decode() for n in names[1:]) == sorted(TEXTS.values())


def test_project_qde_validates_against_the_published_refi_qda_schema(book):
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(XSD)))
    doc = etree.fromstring(zipfile.ZipFile(io.BytesIO(_qdpx(book))).read("project.qde"))
    assert schema.validate(doc), schema.error_log


def test_selections_point_at_the_sentence_and_code_it(book):
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(_qdpx(book))).read("project.qde"))
    src = root.find(f"{NS}Sources/{NS}TextSource[@name='d1']")
    sel = src.find(f"{NS}PlainTextSelection")
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert TEXTS["d1"][start:end] == "组织关系从松散型向紧密型转变。"
    assert sel.find(f"{NS}Coding/{NS}CodeRef").get("targetGUID") == cb.code_guid("TIES")
    ties = root.find(f".//{NS}Code[@guid='{cb.code_guid('TIES')}']")
    assert ties.getparent().get("guid") == cb.code_guid("ORGANISATION")


def test_qdpx_bytes_are_stable(book):
    assert _qdpx(book) == _qdpx(book)


def test_offsets_outside_the_text_are_refused(book):
    seg = qdpx.coded_segments(CODED, SENTENCES)
    seg.loc[0, "end"] = 999
    with pytest.raises(ValueError, match="outside"):
        qdpx.project_xml(book, TEXTS, seg)


def test_export_qdpx_of_the_page_validates(tmp_path, book):
    clean = pytest.importorskip("fromto.clean")
    from lxml import etree

    from fromto import paths, transitions
    from fromto.textio import read_text

    text = read_text(paths.SEED_PAGE)
    sentences = clean.clean_page(text).sentences
    coded = rules.code_transitions(transitions.extract_sentences(sentences), book, glossary={})
    out = qdpx.export_qdpx(tmp_path / "page.qdpx", book, {"page": text}, coded, sentences)
    root = etree.fromstring(zipfile.ZipFile(out).read("project.qde"))
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(root)
    assert len(root.findall(f".//{NS}PlainTextSelection")) == len(coded)


# --- the second coder's packet ------------------------------------------------------------------------------------

def test_sample_is_deterministic_and_in_sheet_order():
    sheet = pd.DataFrame({"statement_id": [f"s{i}" for i in range(50)]})
    a, b = second_coder.draw_coding_sample(sheet, 10), second_coder.draw_coding_sample(sheet, 10)
    assert a.equals(b) and len(a) == 10
    assert a["statement_id"].tolist() == sorted(a["statement_id"], key=lambda s: int(s[1:]))
    assert not second_coder.draw_coding_sample(sheet, 10, salt="other").equals(a)


def test_packet_shows_no_rule_code_rule_or_keyword(sheet, book):
    packet = second_coder.packet_table(sheet)
    assert list(packet.columns) == second_coder.PACKET_COLUMNS
    assert not {"rule_code", "code_rule", "marker"} & set(packet.columns)
    md = second_coder.coder_definitions_markdown(book)
    assert "NOT_A_TRANSITION" in md and "TIES" in md and "UNCODED" not in md
    for kw in ("keywords", "subject_heads", "R3", "松散|紧密"):
        assert kw not in md


def test_second_coder_sheet_is_none_without_the_coders_file(tmp_path, book):
    assert second_coder.second_coder_sheet(book, coder_path=tmp_path / "absent.csv") is None


def test_second_coder_sheet_codes_the_sample_with_current_rules(tmp_path, book):
    sample = _write(tmp_path, "sample.csv", "# how drawn\nid,doc,sentence_id,marker,subject,source,target,verb,sentence\n"
                    "1988:s1t1,1988,s1,由X向Y+V,,产品经济,商品经济,转化,由产品经济向商品经济转化。\n"
                    "1964:s2t1,1964,s2,从X走向Y,,胜利,更大的胜利,走向,从胜利走向更大的胜利。\n")
    coder = _write(tmp_path, "coder.csv", "# made by\nid,code,confidence,note\n1988:s1t1,ECONOMIC_SYSTEM,high,\n"
                   "1964:s2t1,NOT_A_TRANSITION,high,same thing\n")
    sheet = second_coder.second_coder_sheet(book, sample, coder)
    assert sheet["rule_code"].tolist() == ["ECONOMIC_SYSTEM", "UNCODED"]
    assert sheet["human_code"].tolist() == ["ECONOMIC_SYSTEM", "NOT_A_TRANSITION"]


def test_report_agreement_adds_the_rows_the_current_extractor_still_finds(book):
    sheet = pd.DataFrame({
        "statement_id": ["a", "b", "c"], "doc": ["1988", "1964", "1990"], "sentence_id": ["s1", "s2", "s3"],
        "sentence": ["由产品经济向商品经济转化。", "从胜利走向更大的胜利。", "他们今天开会。"],
        "source": ["产品经济", "胜利", "旧制度"], "target": ["商品经济", "更大的胜利", "新制度"],
        "rule_code": ["ECONOMIC_SYSTEM", "UNCODED", "INSTITUTIONS"], "code_rule": [""] * 3,
        "human_code": ["ECONOMIC_SYSTEM", "NOT_A_TRANSITION", "INSTITUTIONS"], "confidence": ["high"] * 3,
        "note": [""] * 3,
    })
    res = second_coder.report_agreement(sheet, book)
    assert (res["coded"], res["rows"], res["not_a_transition"]) == (3, 3, 1)
    # the third row's poles are no longer in its sentence, so only the first stays
    extra = res["overall"][res["overall"]["units"].str.startswith(second_coder.STILL_EXTRACTED_UNITS)]
    assert set(extra["units"]) == {f"{second_coder.STILL_EXTRACTED_UNITS} (1)"}
    assert set(extra["n_statements"]) == {1}
    assert len(res["overall"]) == len(sheets.sheet_agreement(sheet, book)["overall"]) + len(extra)


def test_page_intercoder_maps_the_readers_codes_to_version_1(book):
    structure_v1 = book.set_index("code").at["STRUCTURE", "v1_code"]
    gold = pd.DataFrame({"gold_id": ["g1", "g2"], "code": ["TIES", "STRUCTURE"]})
    second = pd.DataFrame({"gold_id": ["g1", "g2"], "code": ["TIES", structure_v1], "confidence": ["high", "medium"],
                           "reason": ["", "thin boundary"]})
    table, readers = second_coder.page_intercoder(gold, second, book)
    assert readers["code_reader_v1"].tolist() == ["TIES", structure_v1]
    assert table.set_index("measure").at["percent_agreement", "value"] == 1.0
    assert list(table.columns) == ["units", "measure", "value", "n_statements"]
