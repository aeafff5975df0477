"""Corpus mode: inputs (folder, CSV, JSONL, front matter), worker-count invariance, bad documents, CLI exits."""

from __future__ import annotations

import json
import subprocess

import pandas as pd
import pytest

from fromto import corpus, paths
from fromto.textio import InputError

# Two short documents with a clear "from X to Y" transition each, and one without.
DOC_A = "基层党建\n近年来，社区党建工作实现了从松散型到紧密型的转变。\n党员服务群众。党员走访居民。\n"
DOC_B = "区域化党建\n我们推动组织设置由单位向区域转变。居民满意。\n"
DOC_C = "天气预报\n北京今天晴，明天多云。\n"


def read(out, name):
    return pd.read_csv(out / name, dtype=str, keep_default_na=False)


def write_folder(folder, docs):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def folder(tmp_path):
    return write_folder(tmp_path / "in", {"a.txt": DOC_A, "b.txt": DOC_B, "c.txt": DOC_C})


def test_folder_input_writes_all_five_tables_with_contract_columns(folder, tmp_path):
    out = tmp_path / "out"
    assert corpus.run_corpus(folder, out, workers=1, progress=False) == 0
    for name, cols in corpus.TABLES.items():
        assert list(read(out, name).columns) == cols
    assert read(out, "documents.csv")["doc"].tolist() == ["a.txt", "b.txt", "c.txt"]


def test_folder_input_counts_terms_per_document(folder, tmp_path):
    out = tmp_path / "out"
    corpus.run_corpus(folder, out, workers=1, progress=False)
    terms = read(out, "term_frequencies.csv")
    a = terms[terms["doc"] == "a.txt"].set_index("term")["count"].astype(int)
    assert a["党员"] == 2  # two sentences of one paragraph


def test_transitions_are_extracted_and_coded_per_document(folder, tmp_path):
    out = tmp_path / "out"
    corpus.run_corpus(folder, out, workers=1, progress=False)
    tr = read(out, "transitions.csv")
    assert {"a.txt", "b.txt"} <= set(tr["doc"])
    assert "c.txt" not in set(tr["doc"])
    assert (tr["code"] != "").all()


def test_csv_input_uses_id_title_and_date_columns(tmp_path):
    src = tmp_path / "docs.csv"
    pd.DataFrame({"id": ["x1", "x2"], "text": [DOC_A, DOC_B], "date": ["2001-01-02", "2001-01-01"],
                  "title": ["甲", "乙"]}).to_csv(src, index=False)
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    docs = read(out, "documents.csv")
    assert docs[["doc", "title", "date"]].values.tolist() == [["x1", "甲", "2001-01-02"], ["x2", "乙", "2001-01-01"]]


def test_csv_without_text_column_is_an_input_error(tmp_path):
    src = tmp_path / "docs.csv"
    src.write_text("id,body\n1,从甲到乙\n", encoding="utf-8")
    with pytest.raises(InputError, match="text"):
        corpus.run_corpus(src, tmp_path / "out", workers=1, progress=False)
    assert not (tmp_path / "out").exists()


def test_jsonl_input_reads_one_document_per_line(tmp_path):
    src = tmp_path / "docs.jsonl"
    lines = [{"id": 7, "text": DOC_A, "date": "2001-01-03"}, {"id": "b", "text": DOC_B}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    docs = read(out, "documents.csv")
    assert docs[["doc", "date"]].values.tolist() == [["7", "2001-01-03"], ["b", ""]]


def test_jsonl_line_that_is_not_json_is_reported_and_the_rest_processed(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "a", "text": DOC_A}, ensure_ascii=False) + "\n{oops\n"
                   + json.dumps({"id": "b", "text": DOC_B}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 1
    assert read(out, "documents.csv")["doc"].tolist() == ["a", "b"]
    assert read(out, "errors.csv")["doc"].tolist() == ["docs.jsonl:2"]


def test_front_matter_becomes_title_and_date_and_is_not_text(tmp_path):
    text = "---\ntitle: 社区党建\ndate: 2001-01-05\n---\n" + DOC_A
    src = write_folder(tmp_path / "in", {"a.txt": text})
    out = tmp_path / "out"
    corpus.run_corpus(src, out, workers=1, progress=False)
    doc = read(out, "documents.csv").iloc[0]
    assert (doc["title"], doc["date"], doc["body_offset"]) == ("社区党建", "2001-01-05", str(len(text) - len(DOC_A)))
    assert not read(out, "paragraphs.csv")["text"].str.contains("title:").any()


def test_front_matter_that_is_not_yaml_is_a_bad_document():
    with pytest.raises(InputError, match="front matter"):
        corpus.split_front_matter("---\ntitle: [unclosed\n---\n正文。\n", "x.txt")


def test_text_without_front_matter_is_kept_whole():
    assert corpus.split_front_matter(DOC_A) == ({}, DOC_A, 0)


# --- Markdown documents ----------------------------------------------------------------------------------------
MD_DOC = ("---\ntitle: 社区来信\ndate: 2019-03-02\n---\n# 街道*党建*\n\n"
          "近年来，社区党建工作实现了从**松散型**\n到紧密型的转变。[详见](http://example.org/x)\n")


def test_markdown_with_front_matter_is_read_as_a_document_with_its_title_and_date(tmp_path):
    src = write_folder(tmp_path / "in", {"a.txt": DOC_B, "letter.md": MD_DOC})
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=1, progress=False) == 0
    docs = read(out, "documents.csv").set_index("doc")
    assert docs.loc["letter.md", ["title", "date"]].tolist() == ["社区来信", "2019-03-02"]
    trans = read(out, "transitions.csv")
    assert trans.loc[trans["doc"] == "letter.md", ["source", "target"]].values.tolist() == [["松散型", "紧密型"]]


def test_markdown_text_keeps_blocks_as_lines_and_drops_markup():
    md = "# 标题\n\n第一段*强调*，见[链接](http://x)。![图](a.png)\n\n- 项目一\n- 项目二\n\n```\nprint(1)\n```\n"
    assert corpus.readers.markdown_text(md) == "标题\n第一段强调，见链接。\n项目一\n项目二\n"


def test_markdown_soft_break_joins_chinese_directly_and_latin_with_a_space():
    assert corpus.readers.markdown_text("从松散型\n到紧密型。\nfrom loose\nto tight\n") == \
        "从松散型到紧密型。from loose to tight\n"


def test_markdown_table_becomes_one_line_a_row():
    assert corpus.readers.markdown_text("| 年份 | 转变 |\n|---|---|\n| 2001 | 由单位向区域 |\n") == \
        "年份 转变\n2001 由单位向区域\n"


def test_a_markdown_file_is_a_document_of_the_folder_only_when_it_opens_with_front_matter(tmp_path):
    src = write_folder(tmp_path / "in", {"a.txt": DOC_A, "README.md": "# 说明\n\n本文件夹收录社区来信。\n",
                                         "letter.md": MD_DOC})
    assert [task[0] for task in corpus.iter_tasks(src)] == ["a.txt", "letter.md"]


def test_a_markdown_file_named_by_its_date_takes_that_date():
    assert corpus.date_from_name("letters/2023-11-28.md") == "2023-11-28"


def test_markdown_that_is_only_markup_is_a_bad_document(tmp_path):
    src = write_folder(tmp_path / "in", {"a.md": "---\ntitle: 图片\n---\n![只有图](a.png)\n"})
    with pytest.raises(InputError, match="no text once its markup is removed"):
        corpus.load_task(next(corpus.iter_tasks(src)))


def test_bad_documents_in_the_middle_are_reported_and_the_rest_processed(tmp_path, capsys):
    src = write_folder(tmp_path / "in", {"a.txt": DOC_A, "b_empty.txt": b"", "c_binary.txt": b"\x89PNG\x00\x01",
                                         "d.txt": DOC_B})
    out = tmp_path / "out"
    assert corpus.run_corpus(src, out, workers=2, progress=False) == 1
    assert read(out, "documents.csv")["doc"].tolist() == ["a.txt", "d.txt"]
    errors = read(out, "errors.csv")
    assert errors["doc"].tolist() == ["b_empty.txt", "c_binary.txt"]
    assert errors["reason"].str.contains("empty").iloc[0] and errors["reason"].str.contains("binary").iloc[1]
    assert "c_binary.txt" in capsys.readouterr().err


def test_one_and_two_workers_write_byte_identical_tables(tmp_path):
    docs = {f"d{i:02d}.txt": (DOC_A, DOC_B, DOC_C)[i % 3] for i in range(23)}
    docs["d05.txt"] = b""
    src = write_folder(tmp_path / "in", docs)
    outs = []
    for w in (1, 2):
        out = tmp_path / f"out{w}"
        corpus.run_corpus(src, out, workers=w, progress=False, chunksize=2)
        outs.append(out)
    for name in corpus.TABLES:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_no_temporary_folder_is_left_beside_the_output(folder, tmp_path):
    corpus.run_corpus(folder, tmp_path / "out", workers=1, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_transitions_for_paths_names_documents_as_corpus_mode_does(folder, tmp_path):
    table = corpus.transitions_for_paths([str(folder / "a.txt"), str(folder)])
    assert {"doc", "sentence", "marker", "source", "target"} <= set(table.columns)
    assert "a.txt" in set(table["doc"])                 # a file given: its name (never the path, which names folders)
    assert "b.txt" in set(table["doc"])                 # a file found in a folder: relative to the folder
    corpus.run_corpus(folder, tmp_path / "out", workers=1, progress=False)
    docs = set(pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str)["doc"])
    assert set(corpus.transitions_for_paths([str(folder)])["doc"]) <= docs


def test_transitions_for_paths_refuses_an_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        corpus.transitions_for_paths([str(tmp_path / "e.txt")])


def _pku_benchmark():
    """``benchmarks/pku.py``, which turns PKU-style raw text into articles for the benchmarks."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pku", paths.BENCHMARKS / "pku.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_title_line_is_short_and_does_not_end_like_a_sentence():
    pku = _pku_benchmark()
    assert pku.is_title_line("巴以争端仍是沉重话题")
    assert pku.is_title_line("为新世纪欢呼（图片）")
    assert not pku.is_title_line("巡逻归来，晚会已进入高潮。")
    assert not pku.is_title_line("（新华社记者兰红光摄）")
    assert not pku.is_title_line("图片：")


def test_split_articles_starts_an_article_at_a_headline_after_body_text():
    text = "甲地迎新年\n今天，甲地举行活动。\n（新华社甲地12月31日电）\n乙地\n新闻\n乙地今天下雪了。\n"
    arts = _pku_benchmark().split_articles(text, issue_year=2001, issue_month=1)
    assert [a["title"] for a in arts] == ["甲地迎新年", "乙地"]
    assert arts[1]["text"].startswith("乙地\n新闻\n")  # consecutive headline lines stay together
    assert [a["date"] for a in arts] == ["2000-12-31", ""]


# --- Command line -----------------------------------------------------------------------------------------------
@pytest.fixture
def run_cli(capsys):
    """Run ``python -m fromto ARGS`` in this process; returns (exit status, stdout, stderr)."""
    from fromto import cli

    def run(*args):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


def test_cli_corpus_exits_0_when_every_document_is_processed(run_cli, folder, tmp_path):
    res = run_cli("corpus", str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out" / "transitions.csv").is_file()


def test_cli_corpus_exits_1_when_a_document_fails(run_cli, tmp_path):
    src = write_folder(tmp_path / "in", {"a.txt": DOC_A, "b.txt": b""})
    res = run_cli("corpus", str(src), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet")
    assert res.returncode == 1
    assert "b.txt: the file is empty" in res.stderr


def test_cli_corpus_exits_2_for_a_missing_path(run_cli, tmp_path):
    res = run_cli("corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"), "--quiet")
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "no such file" in res.stderr


def test_cli_transitions_exits_2_for_a_binary_file(run_cli, tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02")
    res = run_cli("transitions", str(tmp_path / "x.txt"))
    assert res.returncode == 2 and res.stdout == ""
    assert "binary" in res.stderr


def test_a_document_without_transitions_adds_no_rows_and_the_table_keeps_every_coded_column():
    from fromto import clean, transitions
    from fromto.coding import rules

    sentences = clean.clean_document("天气\n北京今天晴。\n", "x").sentences
    full = rules.code_transitions(transitions.extract_sentences(sentences))
    assert len(corpus.coded_transitions(sentences)) == 0
    assert set(full.columns) <= set(corpus.TRANSITION_COLUMNS)


def test_term_counts_of_joined_paragraphs_equal_counts_per_paragraph():
    import collections

    from fromto.segment import tokens

    texts = ["组织关系从“松散型”向“紧密型”转变", "上海区域化党建", "楼宇党建、商圈党建", "上海区域化党建"]
    per_text = collections.Counter(w for t in texts for w in tokens.get_tokenizer().words(t))
    assert corpus.term_counts(texts) == per_text
