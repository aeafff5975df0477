"""Bad input: the one reader (``fromto.textio.read_text``) and the ``clean`` command built on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fromto import clean, paths
from fromto.textio import InputError, iter_text_files, read_text

SNIPPET = "深度关注\n\n超大城市治理，如何打通社区边界？\n近日，上海召开会议。\n"


def run_clean(path: Path) -> subprocess.CompletedProcess:
    """``python -m fromto clean PATH`` in a fresh interpreter (the same one running the tests)."""
    return subprocess.run([sys.executable, "-m", "fromto", "clean", str(path)], capture_output=True, text=True,
                          encoding="utf-8", cwd=paths.ROOT, timeout=120)


# --- read_text: encodings that must read as the same text -------------------------------------------------------
def test_utf8_with_bom_reads_as_plain_utf8(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + SNIPPET.encode("utf-8"))
    assert read_text(f) == SNIPPET


def test_crlf_line_endings_read_as_lf(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(SNIPPET.replace("\n", "\r\n").encode("utf-8"))
    assert read_text(f) == SNIPPET


def test_gb18030_reads_as_the_same_text(tmp_path):
    f = tmp_path / "gb.txt"
    f.write_bytes(SNIPPET.encode("gb18030"))
    assert read_text(f) == SNIPPET


def test_gb18030_with_crlf_reads_as_the_same_text(tmp_path):
    f = tmp_path / "gbcrlf.txt"
    f.write_bytes(SNIPPET.replace("\n", "\r\n").encode("gb18030"))
    assert read_text(f) == SNIPPET


# --- read_text: inputs that must fail with one line naming the file -------------------------------------------
def test_empty_file_is_an_input_error_naming_the_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="empty") as exc:
        read_text(f)
    assert str(f) in str(exc.value) and "\n" not in str(exc.value)


def test_white_space_only_file_is_an_input_error(tmp_path):
    f = tmp_path / "blank.txt"
    f.write_text(" \n\n\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="white space"):
        read_text(f)


def test_binary_file_is_an_input_error(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        read_text(f)


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nowhere.txt")


def test_folder_is_not_read_as_a_text_file(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_text(tmp_path)


def test_folder_without_txt_files_is_an_input_error(tmp_path):
    (tmp_path / "notes.md").write_text("不是文本文件", encoding="utf-8")
    with pytest.raises(InputError, match="no .txt files"):
        iter_text_files(tmp_path)


# --- The command line ------------------------------------------------------------------------------------------
def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    folder = tmp_path / "folder_without_text"
    folder.mkdir()
    (folder / "readme.md").write_text("说明", encoding="utf-8")
    return {"empty": empty, "binary": binary, "missing": tmp_path / "missing.txt", "folder": folder}


@pytest.mark.parametrize("kind", ["empty", "binary", "missing", "folder"])
def test_clean_command_rejects_bad_input_with_one_line_and_status_2(tmp_path, kind):
    path = _bad_inputs(tmp_path)[kind]
    proc = run_clean(path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert "Traceback" not in proc.stderr


def test_clean_command_prints_the_paragraphs_table(tmp_path):
    proc = run_clean(paths.SEED_PAGE)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert out[0] == ",".join(clean.PARAGRAPH_COLUMNS)
    assert len(out) == 1 + 58


def test_clean_command_gives_the_same_table_for_gb18030_crlf_and_bom_copies(tmp_path):
    text = read_text(paths.SEED_PAGE)
    gb = tmp_path / "page_gb18030.txt"
    gb.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    bom = tmp_path / "page_bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    reference = run_clean(paths.SEED_PAGE).stdout
    assert run_clean(gb).stdout == reference
    assert run_clean(bom).stdout == reference


def test_a_lone_carriage_return_in_a_cell_reads_back_as_one_row(tmp_path):
    import pandas as pd

    from fromto.textio import write_csv

    df = pd.DataFrame({"text": ["甲\r乙", "丙"], "n": [1, 2]})
    back = pd.read_csv(write_csv(df, tmp_path / "t.csv"), keep_default_na=False)
    assert back["text"].tolist() == ["甲\r乙", "丙"]
    assert back["n"].tolist() == [1, 2]


def test_a_table_without_carriage_returns_keeps_minimal_quoting(tmp_path):
    import pandas as pd

    from fromto.textio import write_csv

    df = pd.DataFrame({"text": ["甲,乙", "丙"], "n": [1, 2]})
    assert write_csv(df, tmp_path / "t.csv").read_text(encoding="utf-8") == 'text,n\n"甲,乙",1\n丙,2\n'
