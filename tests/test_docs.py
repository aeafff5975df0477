"""Rendered pages: self-contained, linked, legible without a CJK font on the machine; checked in a real browser."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell, new_notebook

from fromto import paths
from fromto.run import docs

PAGE = """<html><head><script src="https://cdn.example.org/require.js"></script></head><body>
<p>下一步：<a href="03_transitions.ipynb">03</a>，<a href="99_missing.ipynb">?</a>，<a href="04_findings.ipynb#x">4</a></p>
</body></html>"""


def test_notebook_links_point_at_rendered_pages_and_unknown_ones_stay():
    out = docs.finish_page(PAGE, ["02_vocabulary", "03_transitions", "04_findings"], 0)
    assert 'href="03_transitions.html"' in out and 'href="04_findings.html#x"' in out
    assert 'href="99_missing.ipynb"' in out


def test_remote_scripts_are_removed():
    assert "cdn.example.org" not in docs.finish_page(PAGE, ["02_vocabulary"], 0)


def test_every_page_links_to_the_index_and_its_neighbours():
    out = docs.finish_page(PAGE, ["01_a", "02_b", "03_c"], 1)
    navs = re.findall(r'<nav class="fromto-nav[^"]*">(.*?)</nav>', out)
    assert len(navs) == 2
    for nav in navs:
        assert 'href="index.html"' in nav and 'href="01_a.html"' in nav and 'href="03_c.html"' in nav


def test_the_page_embeds_a_web_font_for_cjk_characters_only_and_names_latin_faces_next():
    out = docs.finish_page(PAGE, ["02_vocabulary"], 0)
    assert "@font-face" in out and "data:font/woff;base64," in out
    stack = re.search(r"--jp-content-font-family: ([^;]+);", out).group(1)
    assert stack.startswith(f'"{docs.WEB_FONT_FAMILY}", {docs.LATIN_FONT_STACK}')
    assert re.search(r"@font-face \{[^}]*unicode-range: U\+2E80-2FDF,[^}]*U\+4E00-9FFF", out)


def test_the_font_subset_holds_the_pages_characters_and_is_deterministic():
    from fontTools.ttLib import TTFont

    a, b = docs.font_subset_woff("从松散型到紧密型"), docs.font_subset_woff("从松散型到紧密型")
    assert a == b and a[:4] == b"wOFF"
    cmap = TTFont(io.BytesIO(a)).getBestCmap()
    assert all(ord(c) in cmap for c in "从松散型到紧密型A") and ord("国") not in cmap
    assert len(a) < 60_000


def test_index_shows_each_notebooks_opening_question_rendered_not_raw():
    nb = new_notebook(cells=[new_markdown_cell(
        "# 01 · Title\n\nIs the habit *from* the page, or official\ndiscourse's?\n\n**Inputs**\n- x")])
    title, question = docs.opening(nb)
    assert title == "01 · Title"
    assert "<em>from</em>" in question and "discourse's?" in question and "*" not in question
    page = docs.index_page([("01.html", "01", title, question)])
    assert "<em>from</em>" in page and "@font-face" in page


NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_notebooks_opening_paragraph_starts_with_the_question_it_answers(nb_path):
    _, question = docs.opening(nbformat.read(nb_path, as_version=4))
    text = " ".join(re.sub(r"<[^>]+>", "", question).split())
    first_stop = re.search(r"[.?!](?=\s|$)", text)
    assert first_stop and first_stop.group(0) == "?", f"{nb_path.name} opens with a statement: {text[:80]}…"


def test_index_lists_each_notebook_once_by_its_title_with_its_question():
    rows = [("01_clean_page.html", "01_clean_page", "01 · Cleaning the page: from a dump to paragraphs",
             "<p>How is the page repaired?</p>"),
            ("02_vocabulary.html", "02_vocabulary", "02 · Vocabulary: which words carry the page",
             "<p>Which words carry it?</p>")]
    page = docs.index_page(rows, font_css="")
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', page)
    assert [href for href, _ in links] == ["01_clean_page.html", "02_vocabulary.html"]
    assert [re.sub(r"<[^>]+>", "", text) for _, text in links] == [r[2] for r in rows]
    assert "01_clean_page" not in docs.page_text(page) and "02_vocabulary" not in docs.page_text(page)
    assert "How is the page repaired?" in page and "Which words carry it?" in page


def test_each_page_is_titled_by_its_notebook_and_its_neighbours_named_by_theirs():
    page = "<html><head><title>02_vocabulary</title></head><body><p>x</p></body></html>"
    titles = ["01 · Cleaning the page: a", "02 · Vocabulary: which words carry the page", "03 · Transitions: c"]
    out = docs.finish_page(page, ["01_clean_page", "02_vocabulary", "03_transitions"], 1, font_css="",
                           titles=titles)
    assert re.findall(r"<title>(.*?)</title>", out) == ["02 · Vocabulary: which words carry the page — fromto"]
    nav = re.search(r'<nav class="fromto-nav top">(.*?)</nav>', out).group(1)
    assert ">← 01 · Cleaning the page</a>" in nav and ">03 · Transitions →</a>" in nav


def test_a_figure_shown_again_on_a_page_keeps_the_notebooks_screen_scale(tmp_path):
    from PIL import Image

    from fromto.views import style

    png = tmp_path / "02_wide.png"
    Image.new("RGB", (1950, 1200), "white").save(png)  # 6.5 in at 300 dpi
    with Image.open(io.BytesIO(docs.thumbnail_png(png))) as shown:
        assert shown.width == round(1950 * style.SCREEN_DPI / style.PNG_DPI) == 975
        assert shown.height == 600
    small = tmp_path / "02_small.png"
    Image.new("RGB", (400, 300), "white").save(small)
    with Image.open(io.BytesIO(docs.thumbnail_png(small, width=600))) as shown:
        assert shown.size == (400, 300)  # never scaled up


def test_printing_a_page_opens_its_folded_blocks():
    out = docs.finish_page("<html><head></head><body><details><summary>s</summary>x</details></body></html>",
                           ["01_a"], 0, font_css="")
    assert 'addEventListener("beforeprint"' in out and "d.open = true" in out


# --- In a real browser ---------------------------------------------------------------------------------------

def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    exe = _chromium()
    if exe is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium); the browser checks cannot run")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


PAGES = sorted(paths.DOCS.glob("*.html"))


@pytest.mark.parametrize("page_path", PAGES, ids=[p.name for p in PAGES])
def test_rendered_page_in_a_browser_is_self_contained_linked_and_legible(browser, page_path):
    page = browser.new_page()
    outside = []
    page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
               if not route.request.url.startswith(("file:", "data:")) else route.continue_())
    page.goto(page_path.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert outside == [], f"requests left the machine: {outside[:3]}"
    # every link resolves to a file in docs/ (or an anchor on the page)
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:
        if href.startswith(("#", "http://", "https://", "mailto:")):
            continue
        target = (page_path.parent / href.split("#")[0]).resolve()
        assert target.is_file(), f"{page_path.name}: link {href} points at nothing"
    # every image has loaded
    broken = page.eval_on_selector_all("img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).length")
    assert broken == 0
    # a Chinese glyph is drawn with the embedded font, not a machine font
    handle = page.evaluate_handle("""() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const n = walker.currentNode;
            if (/[\\u4e00-\\u9fff]/.test(n.textContent) && n.parentElement.offsetParent !== null) return n.parentElement;
        }
        return null; }""")
    element = handle.as_element()
    assert element is not None, "no visible Chinese text on the page"
    element.evaluate("e => e.setAttribute('data-fromto-probe', '1')")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})
    node = cdp.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": "[data-fromto-probe]"})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    # the embedded subset reports its own PostScript name; isCustomFont says it came from the page, not the machine
    cjk = [f for f in fonts if f["isCustomFont"] and f["postScriptName"].startswith("NotoSansCJK")]
    assert cjk and cjk[0]["glyphCount"] > 0, f"Chinese text drawn with {fonts}"
    page.close()


def _fonts_of(page, selector):
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})
    node = cdp.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": selector})
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]


def test_english_and_its_curly_quotes_take_a_latin_face_and_chinese_the_embedded_one(browser, tmp_path):
    body = ('<html><head></head><body><p id="en">“from X to Y”</p><p id="zh">从松散型到紧密型</p>'
            "</body></html>")
    target = tmp_path / "01_a.html"
    target.write_text(docs.finish_page(body, ["01_a"], 0), encoding="utf-8")
    page = browser.new_page()
    page.goto(target.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    english = _fonts_of(page, "#en")
    assert english and not any(f["isCustomFont"] for f in english), f"English drawn with {english}"
    chinese = _fonts_of(page, "#zh")
    assert [f["postScriptName"][:11] for f in chinese if f["isCustomFont"]] == ["NotoSansCJK"], chinese
    page.close()


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="prefetching is done on Linux only")
def test_the_font_subset_made_ahead_from_the_previous_pages_is_the_one_rendering_uses(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("FROMTO_CACHE", str(cache))  # the prefetching process reads it
    monkeypatch.setattr(paths, "CACHE", cache)
    pages = tmp_path / "docs"
    pages.mkdir()
    page = "<html><body><p>组织关系从松散型向紧密型转变</p></body></html>"
    (pages / "01_a.html").write_text(page, encoding="utf-8")
    proc = docs.prefetch_subset(pages)
    assert proc is not None
    assert docs.prefetch_subset(pages) is None, "the same subset is not started twice"
    made = docs.cached_subset(docs.page_text(page))  # waits for the prefetch rather than subsetting again
    assert proc.returncode == 0
    assert made == docs.font_subset_woff("".join(sorted(set(docs.page_text(page)))))
    assert docs.prefetch_subset(pages) is None, "nothing to do when the subset is cached"
    assert docs.prefetch_subset(tmp_path / "no-such-folder") is None


@pytest.mark.parametrize("page_path", PAGES, ids=[p.name for p in PAGES])
def test_rendered_page_reads_without_horizontal_scrolling_and_says_what_it_is(browser, page_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_path.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    wide = page.evaluate("""() => Array.from(document.querySelectorAll('.jp-OutputArea-output, table'))
        .filter(e => e.scrollWidth > e.clientWidth + 1).length""")
    assert wide == 0, f"{page_path.name}: {wide} outputs scroll sideways"
    title = page.title()
    assert title and title != page_path.stem and (page_path.stem == "index" or title.startswith(page_path.stem[:2]))
    page.close()
