"""The two seeds ship with the project, unchanged, and read as corpus-mode input."""

import hashlib

import pandas as pd

from fromto import corpus, paths


def test_every_report_matches_the_sha256_its_sources_table_records():
    sources = pd.read_csv(paths.REPORTS_SOURCES, sep="\t", dtype={"year": str})
    files = sorted(p.stem for p in paths.REPORTS.glob("*.txt"))
    assert files == sorted(sources["year"]) and len(files) == 57
    for row in sources.itertuples():
        data = (paths.REPORTS / f"{row.year}.txt").read_bytes()
        assert hashlib.sha256(data).hexdigest() == row.sha256, row.year


def test_a_yearly_file_name_dates_its_document():
    assert corpus.date_from_name("1954.txt") == "1954"
    assert corpus.date_from_name("sub/2023-11-28.txt") == "2023-11-28"
    assert corpus.date_from_name("2023-11.txt") == "2023-11"
    assert corpus.date_from_name("report-1954.txt") == ""
    assert corpus.date_from_name("12345.txt") == ""


def test_a_report_read_as_corpus_input_carries_its_year(tmp_path):
    tasks = [t for t in corpus.iter_tasks(paths.REPORTS) if t[0] == "1978.txt"]
    doc, text, meta = corpus.load_task(tasks[0])
    assert meta["date"] == "1978" and "政府工作报告" in text[:200]


def test_front_matter_date_wins_over_the_file_name(tmp_path):
    (tmp_path / "1999.txt").write_text("---\ndate: 2001-01-02\n---\n从甲向乙转变。\n", encoding="utf-8")
    doc, text, meta = corpus.load_task(next(corpus.iter_tasks(tmp_path)))
    assert meta["date"] == "2001-01-02"
