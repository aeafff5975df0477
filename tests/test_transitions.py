"""Tests of fromto.transitions: one construction or one exclusion each, on literal sentences.

Most sentences are written for these tests in People's Daily style (not taken from the page), so the rules are
checked on text they were not written from; a few page sentences check the contract on the real thing.
"""

import pandas as pd
import pytest

from fromto.transitions import COLUMNS, clean_pole, extract, extract_sentences, extract_text


def pairs(sentence):
    return [(r["source"], r["target"]) for r in extract(sentence)]


def only(sentence):
    rows = extract(sentence)
    assert len(rows) == 1, rows
    return rows[0]


# --- constructions -------------------------------------------------------------------------------------------------
def test_cong_xiang_verb_gives_subject_poles_verb_and_quotes():
    r = only("社区服务从“被动应答”向“主动上门”转变，群众满意度明显提高。")
    assert (r["marker"], r["subject"], r["source"], r["target"], r["verb"]) == (
        "从X向Y+V", "社区服务", "被动应答", "主动上门", "转变")
    assert r["source_quote"] == "“”" and r["target_quote"] == "“”"


def test_subject_drops_adverbs_and_governing_verbs():
    assert only("推动产业结构从劳动密集型向技术密集型升级")["subject"] == "产业结构"
    assert only("干部作风也从坐等上访向主动下访转变")["subject"] == "干部作风"


def test_cong_xiang_nominal_form():
    r = only("从“单打独斗”向“抱团发展”的转变，让村集体经济有了底气。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("从X向Y的N", "单打独斗", "抱团发展", "转变")


def test_you_xiang_verb():
    r = only("推动经济发展方式由粗放型增长向集约型增长转变")
    assert (r["marker"], r["source"], r["target"]) == ("由X向Y+V", "粗放型增长", "集约型增长")


def test_cong_dao_headline_without_verb():
    assert pairs("从“看摊守业”到“开拓创新”") == [("看摊守业", "开拓创新")]


def test_shixian_cong_dao():
    r = only("这座老工业城市实现了从资源依赖到创新驱动的历史性转变。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("实现从X到Y", "资源依赖", "创新驱动", "转变")


def test_cong_dao_with_change_noun():
    r = only("这是一次从计划经济体制到市场经济体制的深刻变革。")
    assert (r["marker"], r["verb"]) == ("从X到Y的N", "变革")


def test_chain_zai_dao_gives_one_row_per_step_with_shared_chain():
    rows = extract("从一家一户单干，到合作社抱团经营，再到全产业链发展，村里的路越走越宽。")
    assert [(r["source"], r["target"], r["step"]) for r in rows] == [
        ("一家一户单干", "合作社抱团经营", 1), ("合作社抱团经营", "全产业链发展", 2)]
    assert {r["chain_id"] for r in rows} == {1}


def test_chain_jin_er_inside_one_clause():
    rows = extract("实现从管好“一幢楼”到共治“一片楼”进而融合“一座城”？")
    assert [(r["source"], r["target"], r["step"]) for r in rows] == [
        ("管好一幢楼", "共治一片楼", 1), ("共治一片楼", "融合一座城", 2)]


def test_parallel_constructions_are_separate_transitions():
    rows = extract("完成了从农业社会到工业社会、从封闭半封闭到全方位开放的伟大转变。")
    assert [(r["source"], r["target"]) for r in rows] == [("农业社会", "工业社会"), ("封闭半封闭", "全方位开放")]
    assert [r["chain_id"] for r in rows] == [1, 2]


def test_single_character_state_pairs():
    assert pairs("这个村的集体经济从无到有、由弱到强。") == [("无", "有"), ("弱", "强")]


def test_cong_zouxiang():
    r = only("这个贫困村从封闭落后走向开放富裕。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("从X走向Y", "封闭落后", "开放富裕", "走向")


def test_you_zhuanwei():
    r = only("街道办事处的工作由被动应付转为主动服务。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("由X转为Y", "被动应付", "主动服务", "转为")


def test_you_gaiwei_counts_as_change_verb():
    assert pairs("该国政体由总统制改为议会制。") == [("总统制", "议会制")]


def test_bian_x_wei_y_in_series():
    rows = extract("各村变“要我干”为“我要干”，变单打独斗为抱团发展。")
    assert [(r["marker"], r["source"], r["target"]) for r in rows] == [
        ("变X为Y", "要我干", "我要干"), ("变X为Y", "单打独斗", "抱团发展")]


def test_bian_x_wei_y_keeps_an_idiom_with_wei_inside_the_source():
    assert pairs("变各自为政为协同作战") == [("各自为政", "协同作战")]


def test_hua_x_wei_y():
    r = only("企业努力化危为机，逆势上扬。")
    assert (r["marker"], r["source"], r["target"]) == ("化X为Y", "危", "机")


def test_ba_x_biancheng_y_strips_adverbs_and_joins_quoted_targets():
    r = only("当地把荒山秃岭变成了“花果山”“致富山”。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("把X变成Y", "荒山秃岭", "花果山、致富山", "变成")


def test_jiang_x_zhuanhuawei_y():
    r = only("将生态优势切实转化为发展优势")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("把X变成Y", "生态优势", "发展优势", "转化为")


def test_x_biancheng_y_with_stated_source():
    assert pairs("昔日的盐碱滩变成了米粮川。") == [("昔日的盐碱滩", "米粮川")]


def test_x_biancheng_y_source_from_previous_noun_clause():
    assert pairs("过去想都不敢想的事情，如今却变成了现实。") == [("过去想都不敢想的事情", "现实")]


def test_quoted_bare_bian():
    r = only("社区治理“独唱”变“合唱”")
    assert (r["marker"], r["source"], r["target"]) == ("“X”变“Y”", "独唱", "合唱")


def test_bare_x_xiang_y_zhuanbian():
    r = only("推动中国制造向中国创造转变")
    assert (r["marker"], r["source"], r["target"]) == ("X向Y转变", "中国制造", "中国创造")


def test_offsets_cover_the_construction():
    s = "近年来，组织关系从“松散型”向“紧密型”转变。"
    r = only(s)
    assert s[r["start"]:r["end"]] == "从“松散型”向“紧密型”转变"


# --- exclusions ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "从项目签约生效至居民全部撤离仅用了30天。",         # 至 marks a span
    "从居民撤离到项目开工只花了90天。",                 # event to event with a duration
    "从1998年到现在，全县共修建公路300公里。",           # time points
    "从去年冬天到今年春天，雨水偏少。",
])
def test_time_spans_are_not_transitions(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize("sentence", [
    "全市空气质量优良率从63%上升到81%。",
    "农民人均纯收入由1200元增加到2600元。",
    "平均关税水平从23％下降为17％。",
])
def test_numeric_changes_are_not_transitions(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize("sentence", [
    "代表团从北京出发到上海考察。",
    "我们从群众中来，到群众中去。",
    "从中央到地方，各级党委都高度重视。",
    "从城市到农村，处处洋溢着节日的喜庆气氛。",
    "游客从外滩一路走到城隍庙。",
])
def test_movement_and_ranges_in_space_are_not_transitions(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize("sentence", [
    "从选址到装修，再到验收，每一个环节都严格把关。",
    "展览内容从历史地理到衣食住行，无所不包。",
    "从县委书记到普通党员，人人参与。",
])
def test_enumerations_of_scope_are_not_transitions(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize("sentence", [
    "党员干部要从群众中发现问题。",
    "从自然资源、环境保护等部门精选党建指导员。",
    "我们要从实际出发，从小事做起。",
    "从长远来看，这项改革意义重大。",
])
def test_source_and_viewpoint_phrases_are_not_transitions(sentence):
    assert extract(sentence) == []


def test_target_without_source_is_not_a_transition():
    assert extract("全省人民正向全面小康目标迈进。") == []
    assert extract("引导志愿服务向纵深发展。") == []


def test_pronoun_source_is_not_a_transition():
    assert extract("要把好经验及时固定下来，使其转化为长效机制。") == []


@pytest.mark.parametrize("sentence", [
    "他长期从事社区工作。",
    "全市快递外卖从业人员超过10万人。",
    "坚持从严治党，从此面貌一新。",
    "由于天气原因，航班延误。",
    "问题解决得好不好由群众说了算。",
    "这家企业面临何去何从的抉择。",
    "有人变着法子为个人捞好处。",
    "他得到了大家的帮助，感到很温暖。",
])
def test_false_triggers_are_not_transitions(sentence):
    assert extract(sentence) == []


def test_plain_cong_dao_without_evidence_is_not_taken():
    # no quote, no 实现, no change word, not a headline: in news prose this is a list of names
    assert extract("群众看到了从张某到李某等一批贪官的被严惩。") == []


def test_identical_poles_are_not_a_transition():
    assert extract("他们从胜利走向胜利。") == []


# --- helpers and tables --------------------------------------------------------------------------------------------
def test_clean_pole_removes_quotes_and_joins_adjacent_quoted_items():
    assert clean_pole("“生活秀带”“发展绣带”") == "生活秀带、发展绣带"
    assert clean_pole("管好“一幢楼”") == "管好一幢楼"


def test_extract_sentences_returns_contract_columns_and_unique_chain_ids():
    df = pd.DataFrame({
        "doc": ["d", "d"], "article": [1, 1], "section": [0, 0], "paragraph": [1, 1],
        "paragraph_id": ["a1p01", "a1p01"], "sentence_id": ["a1p01s01", "a1p01s02"], "sentence_no": [1, 2],
        "position": ["body", "body"],
        "text": ["从“伯乐相马”到“赛场选马”", "变“坐等上门”为“主动服务”，变管理为服务。"],
        "raw_start": [0, 20], "raw_end": [13, 40],
    })
    out = extract_sentences(df)
    assert list(out.columns) == COLUMNS
    assert len(out) == 3
    assert out["chain_id"].is_unique
    assert (out["source"] != "").all() and (out["target"] != "").all()


def test_extract_sentences_of_an_empty_table_has_the_columns():
    out = extract_sentences(pd.DataFrame(columns=["text", "sentence_id"]))
    assert list(out.columns) == COLUMNS and out.empty


def test_extract_text_splits_and_extracts():
    out = extract_text("今年天气很好。组织体系从“单一性”向“融合性”发展。", doc="x.txt")
    assert list(out["sentence_id"]) == ["a1p01s02"]
    assert out.loc[0, "doc"] == "x.txt" and out.loc[0, "target"] == "融合性"


def test_pku_annotation_holds_only_offsets_and_short_poles():
    from fromto import paths
    from fromto.textio import read_resource_csv

    ann = read_resource_csv(paths.PKU_DEV_TRANSITIONS)
    assert list(ann.columns) == ["line", "start", "end", "split", "stratum", "transition", "item", "source", "target"]
    assert set(ann["split"]) == {"dev", "heldout"}
    assert max(len(p) for p in list(ann["source"]) + list(ann["target"])) <= 20
