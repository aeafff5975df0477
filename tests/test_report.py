"""`python -m fromto report PAGE --out DIR`: the page notebooks on another page, into a folder of its own."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pandas as pd
import pytest

from fromto import paths

# A small page in the layout of a page dump (written for this test, not quoted from any paper): a column, a
# pre-title, a title, a byline, a heading pair, body paragraphs with one transition each, and a second article.
PAGE = """

基层视点

某市以党建引领推动社区治理创新——

从“单打独斗”到“抱团发展”

本报记者  张  三

近年来，某市推动社区治理从“单打独斗”向“抱团发展”转变，居民参与的积极性明显提高。

社区和驻区单位签订共建协议，定期召开联席会议，共同研究解决居民反映的问题。

搭建议事平台，居民参与更充分——

议事方式从“替民做主”向“由民做主”转变

过去，社区事务多由少数人决定。现在，社区把议事会开到楼道里，变旁观者为参与者。

据统计，今年以来，各社区共召开议事会三百余场，解决各类问题一千多个。


社区服务有温度

本报记者  李  四

某区组织党员志愿者深入小区，开展政策宣传、矛盾调解等服务，受到居民欢迎。

志愿者们表示，将继续做好服务，让居民生活更加便利。
"""


# A page of one article with no transition (written for this test): a column, a title, a byline, body paragraphs.
ONE_ARTICLE_PAGE = """

基层视点

社区服务有温度

本报记者  李  四

某区组织党员志愿者深入小区，开展政策宣传、矛盾调解等服务，受到居民欢迎。居民们纷纷表示满意。

志愿者们表示，将继续做好服务，让居民生活更加便利，为社区建设贡献力量。

今年以来，该区共开展志愿服务活动两百余场，覆盖居民三万多人次。
"""

#: What the seed's own prose claims and no other page may be told: its article count, its chains, its legend,
#: a "nan" where a title was missing, a link to a notebook a report does not hold.
SEED_ONLY_CLAIMS = ("four articles", "四篇", "three shorter", "two villages", "five towns", "其他三篇",
                    "other three articles", "each of its four section", "Shantang", "金台潮声 does", "·nan", "· nan",
                    "05_corpus", "Beyond one page", "Shanghai as a")


def _rendered_narration(out) -> str:
    """What a reader of the report reads as prose: every Markdown cell and every Markdown or text output."""
    import nbformat

    parts = []
    for nb_path in sorted((out / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                parts.append(cell.source)
            for o in cell.get("outputs", []):
                parts.append(o.get("text", "") if o.get("output_type") == "stream"
                             else o.get("data", {}).get("text/markdown", ""))
    return "\n".join(parts)


def _snapshot():
    out = {}
    for folder in (paths.DATA, paths.FIGURES, paths.DOCS, paths.NOTEBOOKS):
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                out[p.as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _report(page, out):
    return subprocess.run([sys.executable, "-m", "fromto", "report", str(page), "--out", str(out)],
                          cwd=paths.ROOT, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    page = tmp / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    before = _snapshot()
    proc = _report(page, tmp / "out")
    return proc, tmp / "out", before, page


def test_report_runs_the_four_page_notebooks_with_a_line_each(report):
    proc, out, _, _ = report
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert proc.stdout.count("done in") == 4
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == [
        "01_clean_page.ipynb", "02_vocabulary.ipynb", "03_transitions.ipynb", "04_findings.ipynb"]


def test_report_writes_tables_figures_and_a_readable_html_report(report):
    _, out, _, _ = report
    articles = pd.read_csv(out / "data" / "articles.csv")
    assert articles["title"].tolist() == ["从“单打独斗”到“抱团发展”", "社区服务有温度"]
    trans = pd.read_csv(out / "data" / "transitions.csv", dtype=str, keep_default_na=False)
    assert {"单打独斗", "替民做主", "旁观者"} <= {s.strip("“”") for s in trans["source"]}
    assert (out / "figures" / "04_transition_map.png").is_file() and (out / "figures" / "02_top_terms.svg").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "What was not measured on this page" in index and "@font-face" in index
    for stem in ("01_clean_page", "02_vocabulary", "03_transitions", "04_findings"):
        assert f'href="{stem}.html"' in index and (out / f"{stem}.html").is_file()


def test_report_says_what_it_cannot_measure_on_another_page(report):
    _, out, _, _ = report
    text = (out / "notebooks" / "03_transitions.ipynb").read_text(encoding="utf-8")
    assert "No reader's gold standard exists for this page" in text


def test_report_changes_nothing_committed(report):
    _, _, before, _ = report
    assert _snapshot() == before


def test_report_refuses_a_folder_holding_other_files(report, tmp_path):
    _, _, _, page = report
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    proc = _report(page, tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "did not make" in proc.stderr
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_report_refuses_a_missing_page(tmp_path):
    proc = _report(tmp_path / "nope.txt", tmp_path / "out")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_paths_use_moves_every_output_path_and_the_page(tmp_path, monkeypatch):
    import importlib

    fresh = importlib.reload(paths)
    try:
        fresh.use(tmp_path / "p.txt", tmp_path / "out")
        assert fresh.SEED_PAGE == (tmp_path / "p.txt").resolve()
        assert fresh.TRANSITIONS_CSV == (tmp_path / "out" / "data" / "transitions.csv").resolve()
        assert fresh.FIGURES == (tmp_path / "out" / "figures").resolve()
        assert fresh.RESOURCES == fresh.ROOT / "resources"  # inputs stay where they are
        assert not fresh.is_seed_page()
    finally:
        importlib.reload(paths)


@pytest.fixture(scope="module")
def one_article_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("one_article")
    page = tmp / "page.txt"
    page.write_text(ONE_ARTICLE_PAGE, encoding="utf-8")
    return _report(page, tmp / "out"), tmp / "out"


def test_a_report_on_one_article_without_transitions_states_nothing_the_page_does_not_hold(one_article_report):
    proc, out = one_article_report
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    text = _rendered_narration(out)
    assert not [claim for claim in SEED_ONLY_CLAIMS if claim in text]
    assert "The page reads back as 1 article: 1 “社区服务有温度”" in text
    assert "The rules found no “from X to Y” transition statement on this page" in text
    assert "The page holds one article, so it has no other article to set the feature against" in text


def test_a_report_says_in_one_line_which_figures_it_had_nothing_to_draw_for(one_article_report):
    _, out = one_article_report
    text = _rendered_narration(out)
    for line, figure in (("there is no map to draw", "04_transition_map"),
                         ("there is no location to draw", "04_argument_location"),
                         ("No member of these word families occurs on this page", "02_word_families"),
                         ("there is nothing to set the feature against", "02_keyness"),
                         ("No place of resources/places.csv is named on this page", "04_places")):
        assert line in text and not (out / "figures" / f"{figure}.png").exists(), figure
    findings_page = (out / "04_findings.html").read_text(encoding="utf-8")
    assert "figure not drawn for this page" in findings_page


def test_a_report_on_two_articles_narrates_them_from_their_tables(report):
    _, out, _, _ = report
    text = _rendered_narration(out)
    assert not [claim for claim in SEED_ONLY_CLAIMS if claim in text]
    assert "The page reads back as 2 articles: 1 “从“单打独斗”到“抱团发展”” and 2 “社区服务有温度”" in text
    assert "against the other article:" in text
    assert "The rules found 4 transition statements in 4 sentences of 1 article" in text
    assert "This is the last notebook of the report." in text


def test_a_reports_pages_link_only_to_pages_it_has(report):
    import re

    _, out, _, _ = report
    for page in out.glob("*.html"):
        targets = set(re.findall(r'href="([^"#]+\.(?:html|ipynb))', page.read_text(encoding="utf-8")))
        assert targets <= {p.name for p in out.glob("*.html")}, (page.name, targets)


def test_a_report_on_the_seed_page_keeps_the_seeds_prose_and_shows_no_computed_summary(tmp_path):
    import nbformat

    from fromto.run import report as report_module

    report_module._copy_for_page(paths.NOTEBOOKS / "04_findings.ipynb", tmp_path / "04.ipynb", seed=True)
    nb = nbformat.read(tmp_path / "04.ipynb", as_version=4)
    sources = [c.source for c in nb.cells]
    assert any("ever larger units of governance" in s for s in sources)
    assert not any("narrative.findings_summary" in s for s in sources)


def test_a_link_to_a_notebook_the_report_does_not_hold_keeps_its_text_and_loses_its_link():
    from fromto.run import docs

    body = ('<html><head></head><body><p>Next: <a href="05_corpus.ipynb">05 · Beyond one page</a>; back: '
            '<a href="03_transitions.ipynb">03</a></p></body></html>')
    page = docs.finish_page(body, ["03_transitions", "04_findings"], 1, font_css="", unlink_missing=True)
    assert "05_corpus" not in page and "Next: 05 · Beyond one page;" in page
    assert '<a href="03_transitions.html">03</a>' in page
