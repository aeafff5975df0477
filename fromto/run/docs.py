"""Rendering executed notebooks to self-contained HTML pages that read the same in any browser.

:func:`render_html` turns each notebook into one HTML file (nbconvert's lab template, images embedded) and then makes
it stand alone:

* no request leaves the machine — the template's remote scripts (MathJax, require.js; the notebooks use neither)
  are removed;
* the Chinese text renders everywhere — a subset of the packaged Noto Sans CJK SC (the font every figure uses),
  holding only the characters the rendered pages use, is embedded as a WOFF web font and named first in each
  page's fonts, so a machine without any CJK font shows the same glyphs as the figures instead of empty boxes. It
  is declared for CJK code points only (``unicode-range``, :data:`CJK_UNICODE_RANGE`), so Latin text, digits and
  punctuation, the curly quotes included, fall through to the Latin faces named next (:data:`LATIN_FONT_STACK`):
  a CJK font draws “ ” full-width, leaving wide gaps around a quoted English phrase. (The CJK face comes first
  rather than after the Latin ones because Chromium on Linux, given a Latin name that fontconfig maps to another
  font, such as Arial to Liberation Sans, draws the Chinese characters as empty boxes in that font instead of
  falling back.)
  One subset serves every page of a run (subsetting a CJK font takes a second or two, so it is done once; the
  pages then differ only in their text), and it is cached under ``paths.CACHE`` by the hash of its characters.
  WOFF (zlib) rather than WOFF2 (Brotli at its slowest setting): 13% larger, but compressed in a tenth of a second
  instead of one and a half, at the end of every run;
* links work inside ``docs/`` — a link from one notebook to another (``03_transitions.ipynb``) points at its
  rendered page, and every page has a bar linking to the index and to the previous and next notebook;
* ``index.html`` lists the pages with each notebook's opening question, rendered from its Markdown.

Every step is deterministic (the font subset keeps no timestamp), so an unchanged notebook renders to the same
bytes.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import os
import re
import threading
from pathlib import Path

from fromto import paths
from fromto.textio import atomic_write

#: The family name the embedded subset is given (never the installed font's own name, so no local copy of Noto
#: Sans CJK SC can stand in for it).
WEB_FONT_FAMILY = "fromto Noto Sans CJK SC"
#: Latin faces for each page's non-CJK text, tried in order after the embedded CJK subset: the system faces of
#: macOS, Windows and Linux, then DejaVu Sans, the Latin face of the figures.
LATIN_FONT_STACK = ('-apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Helvetica, Arial, '
                    '"Liberation Sans", "DejaVu Sans"')
#: The code points the embedded CJK subset is used for: CJK radicals, symbols and punctuation (、。「」), kana,
#: ideographs and their extensions, compatibility ideographs and forms, and full-width forms (，：（）).
CJK_UNICODE_RANGE = ("U+2E80-2FDF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, "
                     "U+FF00-FFEF, U+20000-2FA1F")
# The lab template links MathJax and require.js from a CDN; a self-contained page must not reach the network.
_REMOTE_SCRIPT = re.compile(r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>\s*')
_NOTEBOOK_LINK = re.compile(r'href="(\d{2}_[a-z0-9_]+)\.ipynb(#[^"]*)?"')
_NOTEBOOK_ANCHOR = re.compile(r'<a\s[^>]*href="(\d{2}_[a-z0-9_]+)\.ipynb(?:#[^"]*)?"[^>]*>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def font_subset_woff(text: str, font_path: Path | None = None) -> bytes:
    """A WOFF subset of the project's CJK font holding the glyphs of every character in ``text`` (plus ASCII).

    Deterministic: the ``head`` table's modification time is kept from the source font, not set to now.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from fromto.views import style

    # the bounding boxes are kept from the source font: recomputing them from every outline costs a second and
    # changes nothing a browser draws
    font = TTFont(str(font_path or style.FONT_PATH), recalcTimestamp=False, recalcBBoxes=False, lazy=False)
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]          # keep the names and the licence strings (OFL) with the subset
    options.name_languages = ["*"]
    options.notdef_outline = True
    chars = {ord(c) for c in text} | set(range(0x20, 0x7F))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    font.flavor = "woff"
    buf = io.BytesIO()
    font.save(buf, reorderTables=True)
    return buf.getvalue()


def _subset_cache_file(text: str) -> tuple[str, Path]:
    """The sorted characters of ``text`` and the cache file of their subset (keyed by the font's and their hash)."""
    import hashlib

    from fromto.views import style

    chars = "".join(sorted(set(text)))
    key = hashlib.sha256((style.file_sha256(style.FONT_PATH) + chars).encode("utf-8")).hexdigest()[:24]
    return chars, Path(paths.CACHE) / "webfont" / f"{key}.woff"


#: Subsets being made ahead of time by :func:`prefetch_subset`, by cache file.
_PREFETCHING: dict = {}


def cached_subset(text: str) -> bytes:
    """:func:`font_subset_woff` through a cache in ``paths.CACHE`` keyed by the font's and the characters' hashes
    (a re-run with the same pages does not subset again; the result is the same bytes either way). If
    :func:`prefetch_subset` is making this very subset, it is waited for instead of made a second time."""
    chars, cached = _subset_cache_file(text)
    ahead = _PREFETCHING.pop(cached, None)
    if ahead is not None:
        try:
            ahead.wait(timeout=120)
        except Exception:  # noqa: BLE001 — a prefetch is only a head start; on any trouble, make the subset here
            ahead.kill()
    if cached.is_file():
        return cached.read_bytes()
    data = font_subset_woff(chars)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(cached, "wb") as fh:
            fh.write(data)
    except OSError:
        pass  # a read-only cache only costs time
    return data


def prefetch_subset(folder: Path):
    """Start making, at the lowest CPU priority in a separate process, the font subset that the pages already in
    ``folder`` (the previous run's) use, and return the process (None if that subset is cached, or there are no
    pages, or this is not Linux).

    A cold run otherwise makes its subset at the very end, after the last notebook (2-3 s that nothing else
    overlaps). Re-running unchanged notebooks gives pages with the same characters, so this makes exactly the
    subset :func:`render_html` will ask for, in the time the notebooks leave a core idle; :func:`cached_subset`
    then waits for it. When the characters have changed the guess is simply not used: the subset is a function of
    the characters, so the pages are the same bytes either way."""
    import subprocess
    import sys

    pages = sorted(Path(folder).glob("*.html")) if Path(folder).is_dir() else []
    if not pages or not sys.platform.startswith("linux"):
        return None
    try:
        text = "".join(page_text(p.read_text(encoding="utf-8")) for p in pages)
    except (OSError, UnicodeDecodeError):
        return None
    chars, cached = _subset_cache_file(text)
    if cached.is_file() or cached in _PREFETCHING:
        return None
    # the child asks to end with this process itself (a preexec_fn could deadlock: this process has threads)
    proc = subprocess.Popen([sys.executable, "-m", "fromto.run.docs", "--prefetch-subset", str(os.getpid())],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ))
    try:
        proc.stdin.write(chars.encode("utf-8"))
        proc.stdin.close()
    except OSError:
        proc.kill()
        return None
    _PREFETCHING[cached] = proc
    return proc


def _font_css(text: str) -> str:
    data = base64.b64encode(cached_subset(text)).decode("ascii")
    family = WEB_FONT_FAMILY
    stack = (f'"{family}", {LATIN_FONT_STACK}, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", '
             '"Microsoft YaHei", sans-serif')
    return (
        "<style>\n"
        f'@font-face {{ font-family: "{family}"; font-style: normal; font-weight: 400 700; '
        f'src: url(data:font/woff;base64,{data}) format("woff"); unicode-range: {CJK_UNICODE_RANGE}; }}\n'
        f":root {{ --jp-content-font-family: {stack}; --jp-ui-font-family: {stack}; "
        f'--jp-code-font-family: "DejaVu Sans Mono", Menlo, Consolas, "{family}", monospace; }}\n'
        f"body, .fromto-nav {{ font-family: {stack}; }}\n"
        ".fromto-nav { display: flex; gap: 1.5em; padding: 0.6em 1em; margin: 0 0 0.5em 0;"
        " border-bottom: 1px solid #ddd; font-size: 0.95em; }\n"
        ".fromto-nav.bottom { border-top: 1px solid #ddd; border-bottom: none; margin-top: 2em; }\n"
        "</style>\n"
    )


def _nav(prev_page: tuple[str, str] | None, next_page: tuple[str, str] | None, where: str) -> str:
    parts = ['<a href="index.html">↑ 目录 · index</a>']
    if prev_page:
        parts.append(f'<a href="{prev_page[0]}">← {html.escape(prev_page[1])}</a>')
    if next_page:
        parts.append(f'<a href="{next_page[0]}">{html.escape(next_page[1])} →</a>')
    return f'<nav class="fromto-nav {where}">' + "".join(parts) + "</nav>"


_LOCAL_IMG = re.compile(r'<img(?P<pre>[^>]*?)\ssrc="(?P<src>(?!data:|https?:|//)[^"]+)"(?P<post>[^>]*)>')


def screen_width(png_width: int) -> int:
    """The width in pixels at which the pages show a saved figure ``png_width`` pixels wide: the notebooks' screen
    scale, :data:`fromto.views.style.SCREEN_DPI` over :data:`~fromto.views.style.PNG_DPI` (150 of 300 dpi), so
    a figure shown again on another page has the same size, and its smallest text the same legible height, as where
    it was drawn."""
    from fromto.views import style  # constants only: style imports matplotlib where it draws, not at import

    return max(1, round(png_width * style.SCREEN_DPI / style.PNG_DPI))


def thumbnail_png(path, width: int | None = None, colors: int = 96) -> bytes:
    """A saved PNG figure scaled to ``width`` pixels (default: :func:`screen_width`, the notebooks' screen scale), as
    PNG bytes: how a page shows a figure that another notebook drew.

    The 300-dpi files stay the reference; this only keeps a page that re-shows them light: Lanczos resampling
    (never up), then a fixed palette of ``colors`` colours (median cut, no dithering). Deterministic, no metadata.
    Here, not beside the figures in :mod:`fromto.views.findings`, so that rendering does not import matplotlib.
    """
    from PIL import Image

    with Image.open(path) as img:
        img = img.convert("RGB")
        width = screen_width(img.width) if width is None else width
        if img.width > width:
            img = img.resize((width, round(img.height * width / img.width)), Image.Resampling.LANCZOS)
        img = img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def inline_local_images(body: str, base: Path) -> str:
    """Embed the images a page links by a relative path (a Markdown cell's ``![](../figures/x.png)``) as PNG
    thumbnails (:func:`thumbnail_png`), resolved against ``base`` (the notebook's folder), so the
    page stands alone. Called when every notebook has run, so a figure another notebook draws is there; a file
    that is missing is replaced by a note saying so."""
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import unquote

    def target(src: str) -> Path | None:
        path = (Path(base) / unquote(html.unescape(src))).resolve()
        return path if path.is_file() and path.suffix.lower() == ".png" else None

    found = {p for p in (target(m.group("src")) for m in _LOCAL_IMG.finditer(body)) if p is not None}
    # decoding and scaling release the GIL: the thumbnails are made side by side
    with ThreadPoolExecutor(max_workers=max(1, min(len(found), os.cpu_count() or 1))) as pool:
        thumbs = dict(zip(sorted(found), pool.map(thumbnail_png, sorted(found))))

    def embed(m: re.Match) -> str:
        path = target(m.group("src"))
        if path is None:
            src = html.escape(html.unescape(m.group("src")))
            return f'<em class="fromto-missing">(figure not drawn for this page: {src})</em>'
        data = base64.b64encode(thumbs[path]).decode("ascii")
        return f'<img{m.group("pre")} src="data:image/png;base64,{data}"{m.group("post")}>'

    return _LOCAL_IMG.sub(embed, body)


def page_text(body: str) -> str:
    """The characters a page shows: its HTML without tags, scripts, styles and embedded images."""
    body = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", body)
    body = re.sub(r'src="data:[^"]*"', " ", body)
    return html.unescape(_TAG.sub(" ", body))


#: Printing opens every folded block (``<details>``: the codebook's entries, a long table's other rows), so paper
#: holds what the screen lets a reader open.
_PRINT_OPENS_DETAILS = ('<script>window.addEventListener("beforeprint", function () {'
                        ' document.querySelectorAll("details").forEach(function (d) { d.open = true; }); });</script>')
_TITLE_TAG = re.compile(r"<title>.*?</title>", re.S)


def page_title(nb_title: str) -> str:
    """The ``<title>`` of a rendered notebook: its H1 (what the page is), then the project's name."""
    return f"{nb_title} — fromto"


def short_title(nb_title: str) -> str:
    """A notebook's H1 up to its colon (``02 · Vocabulary: which words…`` → ``02 · Vocabulary``): the navigation
    bars' label."""
    return nb_title.split(":")[0].strip() or nb_title


def finish_page(body: str, stems: list[str], index: int, font_css: str | None = None,
                titles: list[str] | None = None, unlink_missing: bool = False) -> str:
    """Make one exported page stand alone: drop remote scripts, point notebook links at rendered pages, add the
    navigation bars, title the page by its notebook's H1 (``titles``, one per stem; the stem when not given),
    and embed the web font (``font_css`` from :func:`font_css`; made for this page's text when not given). With
    ``unlink_missing`` (a report, which holds some of the notebooks), a link to a notebook that was not rendered
    keeps its text and loses its link. See the module docstring."""
    body = _REMOTE_SCRIPT.sub("", body)
    rendered = set(stems)
    labels = [short_title(t) for t in titles] if titles else list(stems)
    if unlink_missing:
        body = _NOTEBOOK_ANCHOR.sub(lambda m: m.group(0) if m.group(1) in rendered else m.group(2), body)

    def relink(m: re.Match) -> str:
        stem, anchor = m.group(1), m.group(2) or ""
        return f'href="{stem}.html{anchor}"' if stem in rendered else m.group(0)

    body = _NOTEBOOK_LINK.sub(relink, body)
    if titles:
        body = _TITLE_TAG.sub(lambda m: f"<title>{html.escape(page_title(titles[index]))}</title>", body, count=1)
    prev_page = (f"{stems[index - 1]}.html", labels[index - 1]) if index > 0 else None
    next_page = (f"{stems[index + 1]}.html", labels[index + 1]) if index + 1 < len(stems) else None
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + _nav(prev_page, next_page, "top"), body, count=1)
    body = body.replace("</body>", _nav(prev_page, next_page, "bottom") + "\n" + _PRINT_OPENS_DETAILS
                        + "\n</body>", 1)
    css = font_css if font_css is not None else _font_css(page_text(body))
    return body.replace("</head>", css + "</head>", 1)


def opening(nb) -> tuple[str, str]:
    """The notebook's title (its H1) and its opening question: the first paragraph after the title, as HTML."""
    import mistune

    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
            lines = cell.source.strip().split("\n")
            title = lines[0][2:].strip()
            paragraphs = re.split(r"\n\s*\n", "\n".join(lines[1:]).strip())
            first = next((p for p in paragraphs if p.strip() and not p.lstrip().startswith(("#", "**", "- "))), "")
            return title, mistune.html(first).strip()
    return "(untitled notebook)", ""


_DEFAULT_INTRO = ("<p>From a People's Daily page on regional party building (区域化党建) in Shanghai to traceable text, "
                  "vocabulary, coded “from X to Y” transitions and figures, and the same method over seventy years "
                  "of the State Council's Government Work Reports (政府工作报告). Each page is a notebook as "
                  "executed by <code>python -m fromto run</code>; every page is self-contained and works "
                  "offline.</p>")


def report_intro(page: Path) -> str:
    """The index text of a ``python -m fromto report`` run: which page, and what was and was not measured."""
    import hashlib

    from fromto.textio import read_text

    data = Path(page).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    seed = digest == paths.SEED_PAGE_SHA256
    n = len(read_text(page))
    lines = [f"<p>The page notebooks of <strong>fromto</strong> run on <code>{html.escape(Path(page).name)}</code> "
             f"({n:,} characters, sha256 <code>{digest[:12]}…</code>) by <code>python -m fromto report</code>: "
             "cleaning with a log of every change, vocabulary, every “from X to Y” transition coded by the "
             "codebook's rules, and the figures. Every page below is self-contained and works offline.</p>"]
    if seed:
        lines.append("<p>This is the project's seed page, so its hand-made inputs apply in full.</p>")
    else:
        lines.append(
            "<p><strong>What was not measured on this page.</strong> The reader's gold standard, the second coder's "
            "codes and the list of places were made for the project's seed page, so here there is no precision "
            "or recall of the extractor (no gold standard; notebook 03 says so), no agreement between coders, "
            "and places are counted only where <code>resources/places.csv</code> names them. English glosses "
            "exist only for poles in <code>resources/glossary.csv</code>: the others are shown in Chinese alone "
            "and listed in notebook 03 as to gloss. The extractor's and the codebook's figures measured on text "
            "they were not tuned on (held-out report sentences) are in notebook 03.</p>")
    return "\n".join(lines)


def index_page(rows: list[tuple[str, str, str, str]], font_css: str | None = None,
               title: str = "fromto — rendered notebooks", intro: str = _DEFAULT_INTRO) -> str:
    """The index: one entry per page (href, stem, title, opening question as HTML) under ``title`` and ``intro``
    (HTML). Each entry is the notebook's title (its H1, which carries its number) as the link, and under it the
    question the notebook answers; the file name is not repeated (it is the link's target)."""
    items = "\n".join(
        f'<li><a href="{html.escape(href)}"><strong>{html.escape(nb_title)}</strong></a>'
        f'<div class="question">{question}</div></li>'
        for href, _stem, nb_title, question in rows
    )
    body = (f"<body><h1>{html.escape(title)}</h1>\n{intro}\n<ul class=\"pages\">\n{items}\n</ul></body>")
    style = ("<style>body{max-width:52em;margin:2em auto;line-height:1.55;padding:0 1em} li{margin:1em 0} "
             "ul.pages{list-style:none;padding-left:0} "
             ".question{color:#444} .question p{margin:0.3em 0}</style>")
    css = font_css if font_css is not None else _font_css(page_text(body))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>\n{style}\n{css}</head>\n{body}</html>\n")


_EXPORTER_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def html_exporter():
    """nbconvert's HTML exporter with the lab template, made once per process (its templates are compiled on the
    first export; every later export reuses them). The runner makes it while the first notebook runs."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.embed_images = False  # outputs carry their images; linked figures are embedded by render_html
    return exporter


def warm_up() -> None:
    """Make the exporter and compile its templates by exporting a two-cell notebook in memory, and import what
    rendering and the manifest need: what the first real export would otherwise pay for at the end of a run. The
    runner calls it in a thread while the first notebook runs (a core is idle then)."""
    import nbformat.v4 as v4

    import pandas  # noqa: F401  (the manifest reads the stoplist changes with it)

    nb = v4.new_notebook(cells=[v4.new_markdown_cell("# warm"), v4.new_code_cell(
        "1", outputs=[v4.new_output("execute_result", {"text/plain": "1", "text/html": "<b>1</b>"},
                                    execution_count=1)])])
    with _EXPORTER_LOCK:
        html_exporter().from_notebook_node(nb, resources={"metadata": {"name": "warm"}})


def export(nb_path: Path) -> tuple[str, tuple[str, str, str, str]]:
    """One executed notebook exported by nbconvert's lab template (outputs carry their images): ``(body, index row)``.

    The slow part of rendering; the runner calls it for each notebook as soon as that notebook has run, while the
    others are still executing, and :func:`render_html` then only finishes the pages."""
    import nbformat

    from fromto.views import narrative

    nb = nbformat.read(nb_path, as_version=4)
    # the narration for another page prints nothing on the seed page: its code is no part of the seed's pages
    nb.cells = [c for c in nb.cells if not (narrative.OTHER_PAGE_TAG in c.get("metadata", {}).get("tags", [])
                                            and c.cell_type == "code" and not c.get("outputs"))]
    with _EXPORTER_LOCK:
        body, _ = html_exporter().from_notebook_node(nb, resources={"metadata": {"name": nb_path.stem}})
    nb_title, question = opening(nb)
    return body, (f"{nb_path.stem}.html", nb_path.stem, nb_title, question)


def render_html(notebooks: list[Path], out: Path | None = None, title: str = "fromto — rendered notebooks",
                intro: str = _DEFAULT_INTRO, exported: dict | None = None,
                unlink_missing: bool = False) -> list[Path]:
    """Render executed notebooks to self-contained HTML pages in ``out`` (default ``docs/``) plus ``index.html``
    (headed by ``title`` and the HTML ``intro``). ``exported`` maps a notebook path to its :func:`export` result
    when the caller exported it already; ``unlink_missing`` as in :func:`finish_page`."""
    out = Path(out or paths.DOCS)
    out.mkdir(parents=True, exist_ok=True)
    exported = exported or {}
    stems = [p.stem for p in notebooks]
    from concurrent.futures import ThreadPoolExecutor

    bodies, rows = [], []
    for nb_path in notebooks:
        body, row = exported.get(nb_path) or export(nb_path)
        bodies.append(body)
        rows.append(row)
    # one font subset for every page: the characters of all pages, the index and the navigation bars (linked
    # images hold no text, so the subset is made while they are embedded)
    index_text = page_text(index_page(rows, font_css="", title=title, intro=intro))
    text = ("".join(page_text(b) for b in bodies) + index_text + "".join(stems)
            + "".join(page_title(r[2]) for r in rows) + "目录←→↑")
    with ThreadPoolExecutor(max_workers=1) as pool:
        css_job = pool.submit(_font_css, text)
        bodies = [inline_local_images(b, nb.parent) for b, nb in zip(bodies, notebooks)]
        css = css_job.result()
    written = []
    for i, body in enumerate(bodies):
        target = out / f"{stems[i]}.html"
        with atomic_write(target) as fh:
            fh.write(finish_page(body, stems, i, font_css=css, titles=[r[2] for r in rows],
                                 unlink_missing=unlink_missing))
        written.append(target)
    index = out / "index.html"
    with atomic_write(index) as fh:
        fh.write(index_page(rows, font_css=css, title=title, intro=intro))
    written.append(index)
    return written


if __name__ == "__main__":  # ``python -m fromto.run.docs --prefetch-subset PARENT_PID`` (characters on stdin)
    import sys

    if sys.argv[1:2] == ["--prefetch-subset"]:
        from fromto.run import processes

        processes.die_with_parent(parent=int(sys.argv[2]) if len(sys.argv) > 2 else None)
        os.nice(19)  # only the time the notebooks leave idle
        cached_subset(sys.stdin.buffer.read().decode("utf-8"))
