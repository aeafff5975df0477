"""The house style: the packaged CJK font always wins, and saved figures are byte-stable."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib import font_manager

from fromto import style


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
