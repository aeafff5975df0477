"""Counting places: a short form that is also a common word, part of an idiom or of another place's name counts
only where the context marks a place (fromto.views.places, resources/place_lookalikes.csv)."""

from __future__ import annotations

import pandas as pd
import pytest

from fromto import paths
from fromto.textio import read_resource_csv
from fromto.views import findings
from fromto.views import places as place_rules

LOOKALIKES = read_resource_csv(paths.PLACE_LOOKALIKES)
PLACES = read_resource_csv(paths.PLACES)


def _count(text: str) -> dict[str, int]:
    paragraphs = pd.DataFrame({"article": [1], "text": [text]})
    table = findings.count_places(paragraphs, PLACES, LOOKALIKES)
    return dict(zip(table["place"], table["count"]))


def test_the_idiom_jinshan_yinshan_is_not_jinshan_district():
    assert "金山区" not in _count("要坚持绿水青山就是金山银山的理念。")


def test_jinshan_district_by_its_full_name_is_counted():
    assert _count("金山区与嘉兴市以高质量党建引领区域协同。")["金山区"] == 1


def test_a_short_form_coordinated_with_another_place_is_that_place():
    assert _count("金山、嘉兴两地共建党建联盟。") == {"金山区": 1, "嘉兴市": 1}


def test_a_short_form_right_after_a_place_is_that_place():
    assert _count("上海金山的农民画远近闻名。") == {"上海市": 1, "金山区": 1}


def test_a_short_form_after_a_locative_is_that_place():
    assert _count("来自宝山的志愿者走进社区。") == {"宝山区": 1}


def test_a_short_form_with_no_mark_of_a_place_is_not_counted():
    assert _count("过去村里守着金山讨饭吃。") == {}


def test_a_lookalike_is_not_counted_even_after_a_locative():
    assert _count("在普陀山，游客络绎不绝。") == {}


def test_forms_not_listed_as_lookalikes_count_anywhere():
    assert _count("徐汇、杨浦等区建立城市更新联盟。") == {"徐汇区": 1, "杨浦区": 1}


@pytest.mark.parametrize("row", LOOKALIKES.to_dict("records"), ids=lambda r: r["lookalike"])
def test_each_listed_lookalike_example_is_not_its_place_and_its_place_example_is(row):
    place = dict(place_rules.place_forms(PLACES))[row["alias"]]
    assert row["lookalike"] in row["example"] and row["alias"] in row["place_example"]
    assert place not in _count(row["example"])
    assert _count(row["place_example"]).get(place, 0) >= 1


def test_every_lookalike_alias_is_a_form_of_a_listed_place():
    forms = dict(place_rules.place_forms(PLACES))
    assert set(LOOKALIKES["alias"]) <= set(forms)
