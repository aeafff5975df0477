"""The house style: the packaged CJK font always wins, and saved figures are byte-stable."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib import font_manager

from fromto.views import style


def test_the_packaged_font_answers_to_its_family_name_even_if_the_machine_has_one(tmp_path):
    fm = font_manager.fontManager
    impostor = font_manager.FontEntry(fname=str(tmp_path / "NotoSansCJK-Regular.ttc"), name=style.FONT_NAME,
                                      style="normal", variant="normal", weight=400, stretch="normal", size="scalable")
    fm.ttflist.insert(0, impostor)
    style._applied = False
    style.apply()
    assert Path(font_manager.findfont(style.FONT_NAME)) == style.FONT_PATH
    assert impostor not in fm.ttflist


def test_saving_a_figure_twice_gives_the_same_bytes_without_dates(tmp_path):
    style.apply()
    paths = []
    for run in ("a", "b"):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.bar(["党建", "楼"], [3, 4])
        ax.set_title("组织关系 organisational ties")
        out = style.save_figure(fig, "00_test", folder=tmp_path / run)
        plt.close(fig)
        paths.append(out)
    for ext in ("svg", "png"):
        a, b = paths[0][ext].read_bytes(), paths[1][ext].read_bytes()
        assert a == b
    svg = paths[0]["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg


def test_gloss_puts_the_english_under_the_chinese():
    assert style.gloss("组织关系", "organisational ties") == "组织关系\norganisational ties"
    assert style.gloss("组织关系", None) == "组织关系"


def test_show_figure_saves_closes_and_displays_the_saved_png_reduced_to_screen_size(tmp_path, monkeypatch):
    import base64
    import io

    from PIL import Image

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append((obj, raw)))
    style.apply()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 1], [1, 0])
    ax.set_title("从松散型到紧密型 from loose to tight")
    assert style.show_figure(fig, "00_test", folder=tmp_path) is None, "a cell ending in it would show paths"
    assert not plt.fignum_exists(fig.number), "the figure must be closed, or the inline backend draws it again"
    out = {ext: tmp_path / f"00_test.{ext}" for ext in ("png", "svg")}
    assert out["png"].is_file() and out["svg"].is_file()
    [(bundle, raw)] = shown
    assert raw and bundle["text/plain"] == "<figure 00_test: figures/00_test.png (300 dpi) and .svg>"
    small = Image.open(io.BytesIO(base64.b64decode(bundle["image/png"])))
    with Image.open(out["png"]) as big:
        assert small.size == tuple(-(-n // style.SCREEN_REDUCTION) for n in big.size)
        assert small.tobytes() == big.reduce(style.SCREEN_REDUCTION).tobytes()


def test_a_figure_shown_in_a_notebook_draws_its_smallest_text_at_least_12_px_tall(tmp_path, monkeypatch):
    import base64
    import io

    from PIL import Image

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append(obj))
    style.apply()
    fig = plt.figure(figsize=(style.TEXT_WIDTH, 1))
    fig.patch.set_facecolor("#EEEEEE")  # so that the tight crop keeps the whole figure
    fig.text(0.5, 0.5, "x", fontsize=style.MIN_FONT_SIZE)
    style.show_figure(fig, "00_test", folder=tmp_path)
    with Image.open(io.BytesIO(base64.b64decode(shown[0]["image/png"]))) as small, \
            Image.open(tmp_path / "00_test.png") as big:
        shown_dpi = style.PNG_DPI * small.width / big.width
    assert style.MIN_FONT_SIZE / 72 * shown_dpi >= 12


def test_english_curly_quotes_are_drawn_narrow_by_the_latin_face_not_full_width():
    style.apply()
    fig = plt.figure(figsize=(3, 1), dpi=100)
    renderer = fig.canvas.get_renderer()
    em = 10 / 72 * 100  # a 10-pt em in pixels at 100 dpi
    quotes = fig.text(0, 0, "“”", fontsize=10).get_window_extent(renderer).width
    han = fig.text(0, 0.5, "党", fontsize=10).get_window_extent(renderer).width
    plt.close(fig)
    assert quotes < 1.5 * em, "a CJK face draws each curly quote a full em wide (two: 2 em)"
    assert han > 0.9 * em, "Chinese is still drawn, full-width, by the CJK face"


def test_the_latin_face_is_matplotlibs_own_even_if_the_machine_has_one(tmp_path):
    import matplotlib

    fm = font_manager.fontManager
    impostor = font_manager.FontEntry(fname=str(tmp_path / "DejaVuSans.ttf"), name=style.LATIN_FONT_NAME,
                                      style="normal", variant="normal", weight=400, stretch="normal", size="scalable")
    fm.ttflist.insert(0, impostor)
    style._applied = False
    style.apply()
    assert style.FONT_FAMILIES[0] == style.LATIN_FONT_NAME
    found = Path(font_manager.findfont(style.LATIN_FONT_NAME))
    assert found.parent == Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    assert impostor not in fm.ttflist
