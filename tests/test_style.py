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


def test_show_figure_saves_closes_and_displays_the_saved_png_at_a_third(tmp_path, monkeypatch):
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
