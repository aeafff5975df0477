"""Every saved figure fits a text column: at most 6.5 in wide, no text under 7 pt at that size.

``python -m fromto run`` writes each figure's saved size and the smallest font it drew to
``data/figure_sizes.csv``; these tests read that table (no figure is redrawn) and check it covers every figure.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from fromto import paths
from fromto.views import style


@pytest.fixture(scope="module")
def sizes():
    return pd.read_csv(paths.FIGURE_SIZES_CSV, dtype={"figure": str})


def test_the_table_lists_every_saved_and_every_catalogued_figure(sizes):
    saved = sorted(p.stem for p in paths.FIGURES.glob("*.png"))
    assert sizes["figure"].tolist() == saved
    catalogued = re.findall(r"^### `([0-9]{2}_[a-z0-9_]+)`", (paths.FIGURES / "README.md").read_text(encoding="utf-8"),
                            flags=re.M)
    assert catalogued and set(catalogued) <= set(saved)
    assert sizes["smallest_font_pt"].notna().all(), "a figure saved without its smallest font recorded"


def test_every_figure_fits_the_text_width(sizes):
    wide = sizes[sizes["width_in"] > style.TEXT_WIDTH]
    assert wide.empty, f"wider than {style.TEXT_WIDTH} in:\n{wide.to_string(index=False)}"


def test_no_figure_has_text_under_the_smallest_font_size(sizes):
    small = sizes[sizes["smallest_font_pt"] < style.MIN_FONT_SIZE - 1e-6]
    assert small.empty, f"text under {style.MIN_FONT_SIZE} pt:\n{small.to_string(index=False)}"


def test_the_table_matches_the_figures_it_was_written_from(sizes, tmp_path):
    out = style.write_figure_sizes(out=tmp_path / "figure_sizes.csv")
    assert out.read_bytes() == paths.FIGURE_SIZES_CSV.read_bytes(), "figures changed after the table was written"


def test_save_figure_records_the_smallest_text_drawn_and_only_drawn_text(tmp_path):
    style.apply()
    fig, (ax, hidden) = plt.subplots(1, 2, figsize=(4, 2))
    ax.plot([0, 1], [0, 1], label="line")
    ax.set_title("从松散到紧密", fontsize=9)
    ax.tick_params(labelsize=7.5)
    ax.legend(fontsize=8)
    ax.annotate("note", (0.5, 0.5), fontsize=7.2)
    ax.text(0.1, 0.9, "invisible", fontsize=4, visible=False)
    hidden.set_axis_off()
    hidden.text(0.5, 0.5, "", fontsize=3)
    style.save_figure(fig, "00_test", folder=tmp_path)
    plt.close(fig)
    [row] = style.figure_sizes(tmp_path).to_dict("records")
    assert row["figure"] == "00_test" and row["smallest_font_pt"] == "7.20"
    assert 3.0 < float(row["width_in"]) <= 4.2 and 1.0 < float(row["height_in"]) <= 2.2
