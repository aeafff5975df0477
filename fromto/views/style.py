"""One style for every figure: the fonts, the palettes, sizes, and the one function that saves figures.

Two fonts, each from a package ``requirements.txt`` pins, so a fresh machine draws the same glyphs as this one and
never falls back to empty boxes: Latin text, digits and punctuation in DejaVu Sans (shipped inside matplotlib),
Chinese in the Noto Sans CJK SC file shipped inside the ``mplfonts`` wheel. Matplotlib takes each character from
the first family of ``font.family`` that has it (font fallback, matplotlib 3.6 and later), so the Latin face comes
first: a CJK font draws English curly quotes and the middle dot full-width, which leaves wide gaps in
“from X to Y”. ``FONT_PATH`` (the CJK file) is also what the word cloud is given.

``save_figure(fig, "03_transition_map")`` writes ``figures/03_transition_map.svg`` and ``.png`` (300 dpi)
with metadata stripped and a fixed SVG hash salt, so an unchanged figure is byte-identical on every run;
``show_figure`` does the same and shows the saved PNG in the notebook.

Every figure is drawn for a text column: at most ``TEXT_WIDTH`` (6.5 in) wide as saved, with no text smaller
than ``MIN_FONT_SIZE`` (7 pt) at that size. ``save_figure`` records the smallest font size it drew in the PNG
(a text chunk), and ``python -m fromto run`` collects every saved figure's size and smallest font into
``data/figure_sizes.csv`` (:func:`write_figure_sizes`), which the tests check against these two limits.
"""

from __future__ import annotations

import hashlib
import importlib.util
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from fromto import paths
from fromto.textio import atomic_write

# matplotlib is imported where a figure is styled or saved, not here: the run manifest reads the constants below
# without paying for matplotlib (a second of start-up), and so does rendering.


def _font_file() -> Path:
    # found without importing mplfonts (which imports matplotlib)
    spec = importlib.util.find_spec("mplfonts")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    path = folder / "fonts" / "NotoSansCJKsc-Regular.otf" if folder else Path("mplfonts/fonts/NotoSansCJKsc-Regular.otf")
    if not path.is_file():  # pragma: no cover - only on a broken install
        raise RuntimeError(f"{path}: the Noto Sans CJK SC font from the mplfonts package is missing; "
                           "reinstall with `python -m pip install -r requirements.txt`")
    return path


def _latin_font_file() -> Path:
    # matplotlib's own DejaVu Sans, found without importing matplotlib
    spec = importlib.util.find_spec("matplotlib")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    path = (folder / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf" if folder
            else Path("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf"))
    if not path.is_file():  # pragma: no cover - only on a broken install
        raise RuntimeError(f"{path}: the DejaVu Sans font shipped with matplotlib is missing; "
                           "reinstall with `python -m pip install -r requirements.txt`")
    return path


#: The CJK font file every figure and the word cloud use.
FONT_PATH = _font_file()
#: Its family name as matplotlib knows it.
FONT_NAME = "Noto Sans CJK SC"
#: The Latin face, drawn before the CJK one: matplotlib's own copy of it (never a copy the machine happens to have).
LATIN_FONT_NAME = "DejaVu Sans"
#: Its file (regular weight; the bold and oblique cuts lie beside it).
LATIN_FONT_PATH = _latin_font_file()
#: The families every figure asks for, in order: a character missing from the first is taken from the second.
FONT_FAMILIES = [LATIN_FONT_NAME, FONT_NAME]

#: A colour-blind-safe qualitative palette (Okabe & Ito 2008), in a fixed order.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: Colours for a figure with many categories (one per code of the codebook), told apart by every reader: two
#: neutral greys for what no category describes (uncoded, "other"), then sixteen colours. Chosen by a greedy
#: search over an sRGB grid (lightness 30–85, chroma under 75), refined colour by colour, that maximised the
#: smallest CIE76 ΔE*ab between any two of the eighteen under normal vision and simulated protanopia, deuteranopia
#: and tritanopia (Machado et al. 2009, :mod:`fromto.views.palette`): 18.3, under protanopia. The tests hold it
#: above ``MIN_CVD_DELTA_E``.
NEUTRAL_COLORS = ["#DDDDDD", "#777777"]
CATEGORY_PALETTE = ["#E1870F", "#69B4FF", "#960000", "#F0D23C", "#3C3C96", "#0078A5", "#96B4D2", "#C39669",
                    "#5A3C69", "#C34B0F", "#B4A5A5", "#7869E1", "#87E169", "#A55A4B", "#3CF0A5", "#871E3C"]
#: The smallest ΔE*ab allowed between two colours of one figure, under any simulated colour vision.
MIN_CVD_DELTA_E = 15.0

#: The accent used for "the feature" against "the other articles".
FEATURE_COLOR = "#0072B2"
OTHER_COLOR = "#999999"

#: Figure widths in inches: one journal column, and the full page.
COLUMN_WIDTH = 3.5
PAGE_WIDTH = 7.2

#: The text width of a page a figure must fit as saved (inches), and the smallest font allowed at that size (pt).
TEXT_WIDTH = 6.5
MIN_FONT_SIZE = 7.0
#: The width to draw a column figure at: saving crops it to what is drawn and pads that by 0.1 in on each side
#: (``savefig.bbox = "tight"``), so a figure that fills this width saves a little under ``TEXT_WIDTH``.
FIGURE_WIDTH = 6.2
#: Resolution of the saved PNGs (dots per inch).
PNG_DPI = 300
#: The PNG text chunk that holds the smallest font size drawn in a figure.
SMALLEST_FONT_KEY = "fromto smallest font (pt)"

#: Random seeds used by figures (word cloud layout, network layout); recorded in the run manifest.
SEEDS = {"wordcloud": 20231128, "network_layout": 7}

_applied = False


def apply() -> None:
    """Register the CJK font and set the house rcParams. Safe to call more than once."""
    global _applied
    if _applied:
        return
    import matplotlib
    import matplotlib.pyplot  # noqa: F401  (pyplot's import sets up the backend the figures are drawn with)
    from matplotlib import font_manager

    fm = font_manager.fontManager
    fm.addfont(str(FONT_PATH))
    # A machine may have its own "Noto Sans CJK SC" (Debian's fonts-noto-cjk, for one), and matplotlib would then
    # pick that file by family name: figures would differ from machine to machine. Only the packaged file may
    # answer to the name, so every figure uses the same glyphs everywhere.
    fm.ttflist = [f for f in fm.ttflist if f.name != FONT_NAME or Path(f.fname) == FONT_PATH]
    # The same for the Latin face: a system DejaVu Sans (fonts-dejavu) may be another version, or a condensed cut.
    fm.ttflist = [f for f in fm.ttflist if f.name != LATIN_FONT_NAME or Path(f.fname).parent == LATIN_FONT_PATH.parent]
    if hasattr(fm, "_findfont_cached"):
        fm._findfont_cached.cache_clear()
    font_manager._get_font.cache_clear()
    matplotlib.rcParams.update({
        "font.family": FONT_FAMILIES,
        "font.sans-serif": FONT_FAMILIES,
        "axes.unicode_minus": False,
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.labelsize": 8,
        "xtick.labelsize": 7,
        "ytick.labelsize": 7,
        "legend.fontsize": 7,
        "figure.dpi": 100,
        "savefig.dpi": PNG_DPI,
        "savefig.bbox": "tight",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "svg.hashsalt": "fromto",
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
        "path.simplify": True,
    })
    _applied = True


def save_figure(fig, name: str, folder: Path | None = None) -> dict[str, Path]:
    """Save ``fig`` as ``<name>.svg`` and ``<name>.png`` (300 dpi) under ``figures/``, byte-stable.

    ``name`` starts with the number of the notebook that draws it (``"03_transition_map"``). Returns the paths.
    The PNG also holds the smallest font size drawn (text chunk ``SMALLEST_FONT_KEY``), for
    :func:`write_figure_sizes`.
    """
    apply()
    folder = Path(folder) if folder is not None else paths.FIGURES
    out = {}
    target = folder / f"{name}.svg"
    with atomic_write(target, "wb") as fh, _recording_font_sizes() as sizes:
        fig.savefig(fh, format="svg", metadata={"Date": None, "Creator": None})
    out["svg"] = target
    smallest = min(sizes, default=None)
    meta = {"Software": None}
    if smallest is not None:
        meta[SMALLEST_FONT_KEY] = f"{smallest:.2f}"
    target = folder / f"{name}.png"
    with atomic_write(target, "wb") as fh:
        fig.savefig(fh, format="png", metadata=meta)
    out["png"] = target
    return out


@contextmanager
def _recording_font_sizes() -> Iterator[list[float]]:
    """While active, the font size (pt) of every piece of text matplotlib draws is collected into the list given.

    ``matplotlib.text.Text.draw`` is wrapped for the duration: titles, labels, tick labels, legend texts and
    annotations all draw through it, and only text that is visible, non-empty and inside a drawn artist gets
    there (the tick labels of a hidden axis, say, do not)."""
    from matplotlib.text import Text

    original = Text.draw
    sizes: list[float] = []

    def draw(text, renderer):
        if text.get_visible() and text.get_text().strip():
            sizes.append(float(text.get_fontsize()))
        return original(text, renderer)

    Text.draw = draw
    try:
        yield sizes
    finally:
        Text.draw = original


def figure_sizes(folder: Path | None = None):
    """Each saved figure's size and smallest font, read from its PNG: a table ``figure, width_in, height_in,
    smallest_font_pt`` sorted by name (``smallest_font_pt`` empty for a figure saved without the record)."""
    import pandas as pd
    from PIL import Image

    folder = Path(folder) if folder is not None else paths.FIGURES
    rows = []
    for png in sorted(folder.glob("*.png")):
        with Image.open(png) as im:
            width, height = im.size
            smallest = im.info.get(SMALLEST_FONT_KEY, "")
        rows.append({"figure": png.stem, "width_in": f"{width / PNG_DPI:.2f}", "height_in": f"{height / PNG_DPI:.2f}",
                     "smallest_font_pt": smallest})
    return pd.DataFrame(rows, columns=["figure", "width_in", "height_in", "smallest_font_pt"])


def write_figure_sizes(folder: Path | None = None, out: Path | None = None) -> Path:
    """Write :func:`figure_sizes` of ``folder`` (default ``figures/``) to ``out`` (default
    ``data/figure_sizes.csv``), byte-stable: the run calls this once every notebook has drawn its figures."""
    out = Path(out) if out is not None else paths.FIGURE_SIZES_CSV
    with atomic_write(out) as fh:
        figure_sizes(folder).to_csv(fh, index=False, lineterminator="\n")
    return out


#: The rendered notebooks show each figure at half its saved resolution, 150 dpi: a figure a text column wide is
#: then about 975 px across, which a notebook page at 1280 px holds whole, and its smallest text (7 pt) is 14.6 px
#: tall, legible without zooming.
SCREEN_REDUCTION = 2
#: The dots per inch at which a notebook shows a figure.
SCREEN_DPI = PNG_DPI // SCREEN_REDUCTION


def show_figure(fig, name: str, folder: Path | None = None) -> None:
    """Save ``fig`` like :func:`save_figure`, close it, and display the saved PNG at screen size.

    The notebook then shows exactly the file in ``figures/`` (its 300-dpi pixels averaged 2 x 2 into 150-dpi
    ones, :data:`SCREEN_DPI`), and matplotlib does not draw the figure a third time for the inline display: that
    re-draw cost about 0.6 s a figure. Outside IPython only the text line is printed. Returns nothing, so that a
    cell ending in this call shows the figure and not the (machine-specific) paths; :func:`save_figure` returns them.
    """
    import base64
    import io

    from IPython.display import display
    from PIL import Image

    import matplotlib.pyplot as plt

    out = save_figure(fig, name, folder)
    plt.close(fig)
    with Image.open(out["png"]) as im:
        small = im.reduce(SCREEN_REDUCTION)
    buf = io.BytesIO()
    small.save(buf, format="PNG")
    # a text line for text-only readers (and outside IPython); the notebook shows the picture
    display({"image/png": base64.b64encode(buf.getvalue()).decode("ascii"),
             "text/plain": f"<figure {name}: figures/{name}.png (300 dpi) and .svg>"}, raw=True)


def remove_figure(name: str, folder: Path | None = None) -> None:
    """Delete ``<name>.svg`` and ``<name>.png`` if they exist: a run that has nothing to draw for a figure must not
    leave one from an earlier run behind."""
    folder = Path(folder) if folder is not None else paths.FIGURES
    for ext in ("svg", "png"):
        (folder / f"{name}.{ext}").unlink(missing_ok=True)


def wrap(text: str, width: int) -> str:
    """``text`` with each of its lines longer than ``width`` characters broken at spaces (a word longer than
    ``width`` is not cut), so a long English label takes two lines instead of widening a figure."""
    import textwrap

    return "\n".join(textwrap.fill(line, width, break_long_words=False) or line for line in text.split("\n"))


def gloss(zh: str, en: str | None, sep: str = "\n") -> str:
    """A bilingual label: Chinese, then the English gloss (when there is one)."""
    return f"{zh}{sep}{en}" if en else zh


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file (for the run manifest)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
