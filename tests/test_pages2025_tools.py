"""The 2025 pages builder and evaluator run on another corpus of the same format, in a folder of its own.

The corpus here is synthetic (written by the test): two issues of one short article each, in the corpus's
Markdown (front matter, ``###`` pre-title, ``#`` title, ``>`` byline, body lines) with a SOURCES.tsv.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks" / "pages2025"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"pages2025_{name}_under_test", HERE / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


ARTICLE = """---
title: "{title}"
date: {date}
---
### 某省某市推进社区治理——
# {title}
> 本报记者  张  三《人民日报》（{date}第 19 版）
社区党组织把居民请进议事会，大家围坐一起商量小区停车难的问题，很快拿出了办法。
两年来，议事会先后解决了加装电梯、修缮道路、整治楼道等一批群众急难愁盼问题，居民满意度明显提高。
"""


def _corpus(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    rows = ["date\tpage\ttitle\tcharacters\tsha256\turl\tpath\tcommit\tfile"]
    for date, title in (("2030-01-08", "议事会里议出好办法"), ("2030-03-10", "小区里的新变化")):
        data = ARTICLE.format(date=date, title=title).encode("utf-8")
        name = f"{date}_1.md"
        (root / "articles" / name).write_bytes(data)
        rows.append(f"{date}\t19\t{title}\t{len(data)}\t{hashlib.sha256(data).hexdigest()}\t-\t-\t-\t{name}")
    (root / "SOURCES.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_builder_and_evaluator_work_on_another_corpus_in_its_own_specs_folder(tmp_path, capsys):
    build, evaluate = _load("build_pages"), _load("evaluate")
    corpus, specs, out = _corpus(tmp_path / "corpus"), tmp_path / "specs", tmp_path / "pages"
    common = ["--corpus", str(corpus), "--specs", str(specs)]
    assert build.main(common + ["--write-specs", "--last-tune-date", "2030-02-01"]) == 0
    assert sorted(p.name for p in specs.iterdir()) == ["2030-01-08.tsv", "2030-03-10.tsv"]
    assert build.read_spec(specs / "2030-01-08.tsv").split == "tune"
    assert build.read_spec(specs / "2030-03-10.tsv").split == "heldout"
    assert build.main(common + ["--out", str(out), "--write-expected"]) == 0
    assert (specs / "2030-03-10.expected.csv").read_text(encoding="utf-8").splitlines()[:3] == [
        "article,kind,file,block", "1,pre_title,2030-03-10_1.md,0", "1,title,2030-03-10_1.md,1"]
    assert build.main(common + ["--out", str(out)]) == 0          # the committed positions are given again
    assert (out / "2030-01-08.txt").is_file() and (out / "2030-03-10.split").read_text() == "heldout\n"
    capsys.readouterr()
    assert evaluate.main(common + ["--split", "heldout", "--summary"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("heldout pages (1): articles 1/1 found")
    assert "2030-03-10:" not in printed                          # --summary: no page


def test_builder_refuses_a_specs_folder_without_specs(tmp_path, capsys):
    build = _load("build_pages")
    corpus = _corpus(tmp_path / "corpus")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build.main(["--corpus", str(corpus), "--specs", str(empty), "--out", str(tmp_path / "p")]) == 2
    assert "no page specs" in capsys.readouterr().err


def test_default_specs_folder_is_the_benchmark_folder():
    build = _load("build_pages")
    names = [p.name for p in build.spec_paths(HERE)]
    assert "2025-01-07.tsv" in names and all(n.startswith("2025-") for n in names)


def test_a_specs_folder_that_holds_a_split_out_refuses_to_show_its_pages(tmp_path, capsys):
    build, evaluate = _load("build_pages"), _load("evaluate")
    corpus, specs, out = _corpus(tmp_path / "corpus"), tmp_path / "specs", tmp_path / "pages"
    common = ["--corpus", str(corpus), "--specs", str(specs)]
    assert build.main(common + ["--write-specs", "--last-tune-date", "2030-02-01"]) == 0
    assert build.main(common + ["--out", str(out), "--write-expected"]) == 0
    (specs / "HELD_OUT").write_text("heldout\n", encoding="utf-8")
    capsys.readouterr()
    assert evaluate.main(common + ["--split", "heldout", "--show"]) == 2
    assert evaluate.main(common + ["--split", "heldout"]) == 0     # printed as a summary, no page
    assert "2030-03-10:" not in capsys.readouterr().out
    assert evaluate.main(common + ["--split", "tune", "--show"]) == 0


def test_builder_leaves_out_the_web_copy_of_a_photo_caption_printed_again_below_it():
    build = _load("build_pages")
    body = ["镇里开展“送法下乡”活动。　　王  五摄", "镇里开展“送法下乡”活动。", "王  五摄",
            "社区党组织把居民请进议事会，大家围坐一起商量小区停车难的问题，很快拿出了办法。"]
    arts = build.classify(["# 议事会里议出新办法", "> 本报记者  张  三《人民日报》（2026年01月06日第 19 版）"] + body)
    kinds = [(b.kind, b.index) for b in arts[0] if b.kind in ("caption", "body")]
    assert kinds == [("caption", 3), ("body", 5)]   # the one-line copy (block 2) is not printed
    # a caption line and its credit alone are a caption, as before
    assert not build.is_web_caption_copy(body[1:], 0)


def test_builder_reads_a_short_exclaiming_line_over_a_reporters_byline_as_a_reports_title():
    build = _load("build_pages")
    arts = build.classify(["# 走进一线看变化", "> 《人民日报》（2026年02月10日第 19 版）",
                           "春节将至，记者走进一线，看流动党员怎样过年。",
                           "某某省某某县某某村——", "一次议事会，管用！", "本报记者  李  四",
                           "村里的议事会开到了田间地头，大家有话当面说。"])
    assert [(b.kind, b.text) for b in arts[1][:3]] == [
        ("pre_title", "某某省某某县某某村——"), ("title", "一次议事会，管用！"), ("byline", "本报记者  李  四")]


def test_builder_prints_a_caption_without_credit_with_the_next_caption_its_group_credit_covers():
    build = _load("build_pages")
    body = ["党员在小区里清理楼道。", "党员在小区里清理楼道。", "志愿者为老人理发。　　以上图片均为王  五摄",
            "志愿者为老人理发。", "以上图片均为王  五摄",
            "社区党组织把居民请进议事会，大家围坐一起商量小区停车难的问题，很快拿出了办法，居民们纷纷点赞，"
            "说这里的服务越来越贴心，议事会成了大家的主心骨，遇事都愿意来这里商量一下。"]
    arts = build.classify(["# 议事会里议出新办法", "> 本报记者  张  三《人民日报》（2026年03月03日第 19 版）"] + body)
    caps = [(b.index, b.text, b.credit) for b in arts[0] if b.kind == "caption"]
    assert caps == [(3, "党员在小区里清理楼道。", ""), (5, "志愿者为老人理发。", "以上图片均为王  五摄")]
    assert [b.index for b in arts[0] if b.kind == "body"] == [7]


def test_builder_reads_a_group_credit_naming_no_photographer_under_the_photos_that_open_an_article():
    build = _load("build_pages")
    body = ["夜校里，居民在学做面点。", "志愿者（右一）教老人用手机。", "以上图片均为受访者提供",
            "社区党组织把居民请进议事会，大家围坐一起商量小区停车难的问题，很快拿出了办法，居民们纷纷点赞，"
            "说这里的服务越来越贴心，议事会成了大家的主心骨，遇事都愿意来这里商量一下。"]
    arts = build.classify(["# 夜校办到家门口", "> 本报记者  张  三《人民日报》（2025年06月10日第 19 版）"] + body)
    caps = [(b.index, b.credit, b.grouped) for b in arts[0] if b.kind == "caption"]
    assert caps == [(2, "", True), (3, "以上图片均为受访者提供", False)]
    assert not [b for b in arts[0] if b.kind == "section_heading"]


def test_builder_reads_a_series_column_in_brackets_after_a_title_as_the_column():
    build = _load("build_pages")
    para = "社区党组织把居民请进议事会，大家围坐一起商量小区停车难的问题，很快拿出了办法。"
    arts = build.classify(["# 老街区何以焕新颜（前沿观察·做推动基层治理的行家里手）",
                           "> 本报记者  张  三《人民日报》（2026年03月03日第 19 版）", para])
    assert [(b.kind, b.text) for b in arts[0][:2]] == [("column", "前沿观察·做推动基层治理的行家里手"),
                                                       ("title", "老街区何以焕新颜")]
    # a bracket that holds clause punctuation is part of the title, not a column
    arts = build.classify(["# 议事会里议出新办法（居民说，好）", "> 本报记者  张  三《人民日报》（2026年03月03日第 19 版）",
                           para])
    assert [(b.kind, b.text) for b in arts[0][:1]] == [("title", "议事会里议出新办法（居民说，好）")]


def test_builder_reads_a_long_quotation_under_a_one_line_heading_as_the_headings_second_line():
    build = _load("build_pages")
    quote = "“项目不是坐在办公室里拍脑袋定下来的，是一家一家企业上门跑出来的”"   # more than 30 characters
    para = "社区党组织把居民请进议事会，大家围坐一起商量小区停车难的问题，很快拿出了办法。"
    arts = build.classify(["# 议事会里议出新办法", "> 本报记者  张  三《人民日报》（2026年03月03日第 19 版）",
                           para, "扎根一线", quote, para, quote])
    kinds = [b.kind for b in arts[0] if b.kind in ("section_heading", "body")]
    # under the heading it is the pair's second line; standing alone after a paragraph it is body
    assert kinds == ["body", "section_heading", "section_heading", "body", "body"]
