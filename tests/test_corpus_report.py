"""Corpus views on tiny hand-made tables."""

import pandas as pd

from fromto import corpus_report

BOOK = pd.DataFrame({"code": ["SCALE", "OTHER"], "label_zh": ["治理尺度", "其他"], "label_en": ["scale", "other"]})
TRANS = pd.DataFrame({
    "doc": ["a", "a", "b", "c"],
    "code": ["SCALE", "SCALE", "OTHER", "SCALE"],
    "source": ["一幢楼", "一片楼", "封闭", "一幢楼"],
    "target": ["一片楼", "一座城", "开放", "一片楼"],
})


def test_transitions_by_code_counts_documents_and_transitions():
    t = corpus_report.transitions_by_code(TRANS, BOOK)
    assert t.to_dict("records")[0] == {"code": "SCALE", "label_zh": "治理尺度", "label_en": "scale",
                                       "documents": 2, "transitions": 3}
    assert list(t["code"]) == ["SCALE", "OTHER"]


def test_shared_pole_pairs_keeps_pairs_seen_in_two_documents():
    p = corpus_report.shared_pole_pairs(TRANS)
    assert p.to_dict("records") == [{"source": "一幢楼", "target": "一片楼", "documents": 2, "transitions": 2}]


def test_documents_by_date_leaves_out_undated_and_computes_the_share():
    docs = pd.DataFrame({"doc": ["a", "b", "c", "d"], "date": ["2001-01-01", "2001-01-01", "", "2001-01-02"],
                         "n_transitions": [2, 0, 5, 0]})
    d = corpus_report.documents_by_date(docs)
    assert d.to_dict("records") == [
        {"date": "2001-01-01", "documents": 2, "with_transition": 1, "transitions": 2, "share": 0.5},
        {"date": "2001-01-02", "documents": 1, "with_transition": 0, "transitions": 0, "share": 0.0},
    ]


def test_empty_tables_give_empty_views_with_columns():
    empty = TRANS.iloc[0:0]
    assert list(corpus_report.transitions_by_code(empty, BOOK).columns)[-1] == "transitions"
    assert corpus_report.shared_pole_pairs(empty).empty
