"""The extractor's output on the page, every report sentence and the PKU text, against frozen golden files.

A change to the rules that moves any output fails here with the differing rows; when the change is meant, the
files are rewritten with ``python benchmarks/golden_transitions.py`` and the commit says why each row moved.
"""

import importlib.util
from pathlib import Path

import pytest

from fromto import paths

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("golden_transitions", ROOT / "benchmarks" / "golden_transitions.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def _compare(name, sentences):
    path = golden.FOLDER / f"{name}.tsv"
    old = path.read_text(encoding="utf-8").splitlines()
    new = golden.render(sentences).splitlines()
    assert sorted(set(old) ^ set(new)) == []
    assert len(old) == len(new)


def test_page_output_is_golden():
    _compare("page", golden.page_sentences())


def test_report_output_is_golden():
    _compare("reports", golden.report_sentences())


@pytest.mark.skipif(not paths.pku_available(), reason="the PKU text is not beside the repository")
@pytest.mark.parametrize("name", ["pku_dev", "pku_all"])
def test_pku_output_is_golden(name):
    sentences = golden.pku_sentences() if name == "pku_dev" else golden.pku_all_sentences()
    _compare(name, sentences)


def test_golden_rows_hold_no_sentence():
    """The golden files hold keys and extractor fields only: no row carries a sentence (the PKU text is
    research-only and may not be committed)."""
    for path in golden.FOLDER.glob("*.tsv"):
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        assert header.split("\t") == ["key", *golden.FIELDS]
        for row in rows:
            cells = row.split("\t")
            assert len(cells) == len(golden.FIELDS) + 1
            assert max(len(c) for c in cells) <= 60, (path.name, row)
