"""The page against its own genre: rates per article, kinds of article, recall-corrected rates, shares."""

import math

import pandas as pd
import pytest

from fromto.views import genre


def _facts():
    return pd.DataFrame([
        {"file": "a.md", "date": "2025-01-07", "title": "甲（前沿观察）", "column": "前沿观察", "n_chars": "4000",
         "n_transitions": "2", "n_read": "4"},
        {"file": "b.md", "date": "2025-01-07", "title": "乙（金台潮声）", "column": "金台潮声", "n_chars": "1000",
         "n_transitions": "1", "n_read": "2"},
        {"file": "c.md", "date": "2025-01-14", "title": "丙", "column": "", "n_chars": "500",
         "n_transitions": "0", "n_read": "0"},
    ])


def test_kinds_come_from_the_column_and_unknown_columns_are_other():
    assert genre.kind_of("前沿观察") == "feature" and genre.kind_of("深度关注") == "feature"
    assert genre.kind_of("金台潮声·作风建设系列谈⑪") == "commentary"
    assert genre.kind_of("") == "other" and genre.kind_of("新栏目") == "other"


def test_rates_are_per_ten_thousand_characters():
    arts = genre.genre_articles(_facts())
    assert arts["read_per_10k"].tolist() == [10.0, 20.0, 0.0]
    assert arts["found_per_10k"].tolist() == [5.0, 10.0, 0.0]
    assert math.isnan(genre.per_10k(1, 0))


def test_by_kind_pools_characters_and_counts_articles_with_a_transition():
    table = genre.by_kind(genre.genre_articles(_facts())).set_index("kind")
    assert table.loc["all", "read_per_10k"] == round(6 / 5500 * 10_000, 3)
    assert table.loc["all", "articles_with_one"] == 2
    assert table.loc["feature", "articles"] == 1
    assert "grassroots profile" not in table.index  # a kind with no article is left out


def test_the_page_s_read_counts_come_from_its_gold_per_article():
    rates = pd.DataFrame([{"article": "1", "title": "T", "n_chars": 2000, "n_transitions": 3, "per_10k_chars": 15.0},
                          {"article": "2", "title": "U", "n_chars": 1000, "n_transitions": 0, "per_10k_chars": 0.0},
                          {"article": "all", "title": "", "n_chars": 3000, "n_transitions": 3, "per_10k_chars": 10.0}])
    articles = pd.DataFrame({"article": ["1", "2"], "column": ["深度关注", "金台潮声"]})
    gold = pd.DataFrame({"article": ["1", "1", "1", "2"]})
    page = genre.page_articles(rates, articles, gold)
    assert page["kind"].tolist() == ["feature", "commentary"]
    assert page["n_read"].tolist() == [3, 1] and page["read_per_10k"].tolist() == [15.0, 10.0]
    unread = genre.page_articles(rates, articles, None)
    assert unread["read_per_10k"].isna().all()


def test_a_found_rate_divided_by_recall_carries_the_recall_s_interval():
    estimate, low, high = genre.corrected_rate(20, 100_000, 0.5, 10)
    assert estimate == 4.0
    assert low < estimate < high
    wide = genre.corrected_rate(20, 100_000, 0.5, 10)
    narrow = genre.corrected_rate(20, 100_000, 0.5, 1000)
    assert (narrow[2] - narrow[1]) < (wide[2] - wide[1])
    assert math.isnan(genre.corrected_rate(20, 100_000, 0.0, 10)[1])


def test_shares_side_by_side_keep_the_order_and_drop_names_nobody_used():
    table = genre.side_by_side({"A": 2, "B": 2}, {"B": 1}, {"C": 3}, order=["C", "B", "A", "Z"])
    assert table["name"].tolist() == ["C", "B", "A"]
    assert table.set_index("name").loc["B", "page_share"] == 0.5
    assert genre.parse_counts(["A:1|B:2", "A:3", ""]) == {"A": 4, "B": 2}
    assert genre.shares({}) == {}


def test_rank_counts_the_articles_strictly_above():
    assert genre.rank_of(47.1, [67.0, 52.4, 30.0, 0.0]) == 3
    assert genre.rank_of(99.0, []) == 1


def test_the_genre_figure_draws_every_article_and_the_page(tmp_path):
    pytest.importorskip("matplotlib")
    from fromto.views import style

    style.apply()
    arts = genre.genre_articles(_facts())
    page = arts.iloc[:1].assign(file="page")
    fig = genre.plot_genre_rates(arts, page, 2.0, (2.4, 5.2))
    ax = fig.axes[0]
    assert sum(len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_offsets")) >= len(arts) + 1
    assert fig.get_size_inches()[0] <= 6.5
