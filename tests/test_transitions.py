"""Tests of fromto.transitions: one construction or one exclusion each, on literal sentences.

Most sentences are written for these tests in People's Daily style (not taken from the page), so the rules are
checked on text they were not written from; a few page sentences check the contract on the real thing.
"""

import pandas as pd
import pytest

from fromto import transitions
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


# --- constructions of report prose (sentences written for these tests in the register of the reports) --------------
def test_cong_x_guodu_dao_y():
    r = only("要积极创造条件，推动农村合作组织从初级形式过渡到高级形式。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("从X转为Y", "初级形式", "高级形式", "过渡到")


def test_you_x_guodu_dao_y():
    assert pairs("国营农场的经营方式由单一种植过渡到农工商综合经营。") == [("单一种植", "农工商综合经营")]


def test_cong_x_maixiang_y():
    r = only("我国正在从航天大国迈向航天强国。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("从X走向Y", "航天大国", "航天强国", "迈向")


def test_you_x_fazhan_wei_y_and_fazhan_dao_y():
    assert pairs("这个小作坊由家庭手工业发展为现代化工厂。") == [("家庭手工业", "现代化工厂")]
    assert pairs("合作组织由临时互助组发展到常年互助组。") == [("临时互助组", "常年互助组")]


def test_ba_x_gaiwei_y():
    r = only("要把部分临时性补贴改为长期性制度。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("把X变成Y", "部分临时性补贴", "长期性制度", "改为")


def test_bare_x_gaiwei_y():
    assert pairs("部分中等专业学校改为职业技术学院。") == [("部分中等专业学校", "职业技术学院")]


def test_ba_x_gaizu_wei_y_shares_its_source_with_a_following_huo_gaiwei():
    assert pairs("把地区行政公署改组为市级政府，或改为派出机构。") == [
        ("地区行政公署", "市级政府"), ("地区行政公署", "派出机构")]


def test_ba_x_gaibian_chengwei_y():
    assert pairs("把粗放的经营方式改变成为集约的经营方式。") == [("粗放的经营方式", "集约的经营方式")]


def test_set_phrase_you_x_bian_y():
    rows = extract("全县工业由小变大、由弱变强。")
    assert [(r["marker"], r["source"], r["target"]) for r in rows] == [("由X变Y", "小", "大"), ("由X变Y", "弱", "强")]


def test_set_phrase_you_x_ji_y():
    assert pairs("社会秩序由乱到治，由治及兴。") == [("乱", "治"), ("治", "兴")]


def test_shixian_you_x_zhuanxiang_y():
    assert pairs("经济发展实现了由主要依靠外需拉动转向主要依靠内需拉动。") == [("主要依靠外需拉动", "主要依靠内需拉动")]


def test_you_x_xiang_y_zhuanhua():
    r = only("要推动农业由数量扩张向质量效益转化。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("由X向Y+V", "数量扩张", "质量效益", "转化")


def test_bare_x_xiang_y_de_zhuanhua_is_a_conversion():
    assert pairs("促进研究成果向现实生产力的转化。") == [("研究成果", "现实生产力")]


def test_benlai_shi_x_xianzai_chengle_y():
    r = only("这片滩涂本来是一片荒地，现在成了高产良田。")
    assert (r["marker"], r["source"], r["target"]) == ("本来是X，现在成了Y", "荒地", "高产良田")


def test_guoqu_shi_x_ruqin_zhuanbian_wei_y():
    assert pairs("科研机构过去是事业单位，如今已经转变为科技型企业。") == [("事业单位", "科技型企业")]


def test_chain_with_dun_before_dao_under_staged_progress():
    rows = extract("农业机械化是有步骤地推进的，从人力畜力、半机械化到全面机械化。")
    assert [(r["source"], r["target"], r["step"]) for r in rows] == [
        ("人力畜力", "半机械化", 1), ("半机械化", "全面机械化", 2)]


def test_coordinated_modifiers_before_dao_stay_one_pole():
    assert pairs("改造工作一般是由初级、中级形式发展到高级形式。") == [("初级、中级形式", "高级形式")]


def test_cong_bu_x_opens_a_source_state():
    assert pairs("区域发展要从不协调走向协调。") == [("不协调", "协调")]


def test_source_is_the_object_of_ba_in_the_clause_before():
    r = only("把长期在城镇就业的外来务工人员，逐步转为本地户籍居民。")
    assert (r["marker"], r["source"], r["target"]) == ("把X变成Y", "长期在城镇就业的外来务工人员", "本地户籍居民")


def test_source_drops_a_governing_verb():
    assert pairs("严格控制耕地转为林地。") == [("耕地", "林地")]


def test_partitive_source_resolves_to_the_whole():
    assert pairs("私营运输业中的大部分已经转变为公私合营运输企业。") == [("私营运输业", "公私合营运输企业")]


def test_source_drops_a_quantifier_of_its_noun():
    assert pairs("十八万户私营商店转为公私合营商店。") == [("私营商店", "公私合营商店")]


def test_source_runs_over_commas_to_a_later_verb_of_becoming():
    assert pairs("把财政工作的重点，从保障供给，平衡收支，转为支持结构调整。") == [("保障供给，平衡收支", "支持结构调整")]


def test_you_x_zhuandao_y_track():
    r = only("逐步由外延扩张转到内涵发展的轨道上来。")
    assert (r["source"], r["target"], r["verb"]) == ("外延扩张", "内涵发展", "转到")


def test_target_stops_before_the_noun_the_construction_modifies():
    assert pairs("这是由计划分配过渡到市场调节的必经阶段。") == [("计划分配", "市场调节")]


def test_coordinated_x_yanbian_wei_y_give_two_rows():
    assert pairs("要防止苗头性问题演变为普遍性问题、局部性矛盾演变为全局性矛盾。") == [
        ("苗头性问题", "普遍性问题"), ("局部性矛盾", "全局性矛盾")]


def test_cong_followed_by_a_word_is_an_opener():
    assert pairs("加快从教育大国向教育强国迈进。") == [("教育大国", "教育强国")]


def test_coordinated_bare_x_xiang_y_zhuanbian_in_a_series():
    assert pairs("推动传统工艺向现代工艺转变、传统产品向品牌产品转变。") == [
        ("传统工艺", "现代工艺"), ("传统产品", "品牌产品")]


def test_shift_of_focus_cong_x_zhuandao_y():
    assert pairs("全党工作的着重点从以阶级斗争为纲转到以经济建设为中心上来。") == [("以阶级斗争为纲", "以经济建设为中心")]


def test_source_is_the_subject_of_verb_phrases_joined_by_huo():
    assert pairs("鼓励有条件的研究院所与企业合作、参加企业集团或转为科技型企业。") == [("有条件的研究院所", "科技型企业")]


def test_you_x_shengji_wei_y():
    assert pairs("县城商业街由传统集市升级为现代商圈。") == [("传统集市", "现代商圈")]


def test_state_pair_cong_xiao_dao_da():
    assert pairs("全市民营经济从小到大，由弱变强。") == [("小", "大"), ("弱", "强")]


def test_a_parallel_series_of_you_x_dao_y_supports_itself():
    assert pairs("两国关系发生深刻变化，由相互猜疑到逐步信任，由彼此隔绝到密切往来。") == [
        ("相互猜疑", "逐步信任"), ("彼此隔绝", "密切往来")]


def test_cong_yi_x_wei_zhu_zhuandao_yi_y_wei_zhu():
    assert pairs("农村供销合作社从以国家投资为主转到以农民入股为主。") == [("以国家投资为主", "以农民入股为主")]


def test_you_x_jinru_y():
    assert pairs("全县农民生活由温饱进入小康。") == [("温饱", "小康")]


def test_you_x_tiaozheng_wei_y():
    assert pairs("部分农产品价格由国家定价调整为市场定价。") == [("国家定价", "市场定价")]


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


# --- exclusions of report prose ------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "全省工业生产由下降转为上升。",
    "外贸出口转降为升。",
    "从明年起企业的利润将转向增长。",
    "粮食生产由连年减产转为连年增产。",
])
def test_trend_turns_are_numeric_changes(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize("sentence", ["防止投资增长由偏快转为过热。", "这家企业由亏损转为盈利。", "体检由每年一次改为每两年一次。"])
def test_degrees_and_signs_of_a_quantity_are_numeric_changes(sentence):
    assert extract(sentence) == []


def test_a_deficit_of_some_size_closing_into_balance_is_a_numeric_change():
    assert extract("去年地方财政收支从有较大赤字转为基本平衡。") == []


def test_a_market_in_shortage_becoming_balanced_is_still_a_change_of_state():
    assert pairs("许多日用品从供不应求变为供求平衡。") == [("供不应求", "供求平衡")]


def test_a_change_word_far_from_a_plain_cong_x_dao_y_is_no_evidence():
    assert extract("近年来全省加快转型升级，稳步扩大开放，推进改革攻坚，加强从业人员培训，从选址到施工严格把关。") == []


def test_bian_inside_a_word_is_no_bian_x_wei_y():
    assert extract("百日维新的变法终于被以慈禧为首的守旧势力扼杀。") == []


def test_same_pole_with_a_comparative_is_not_a_transition():
    assert extract("改革事业正在从成功走向更大的成功。") == []


@pytest.mark.parametrize("sentence", [
    "有线电视网络由县城向乡镇延伸。",
    "试点范围从东部省份推广到中西部省份。",
    "这项改革由少数试点单位发展到全省各地。",
    "改革由经济领域向社会领域拓展。",
    "科学技术由实验室向生产转移。",
])
def test_extension_of_coverage_is_scope(sentence):
    assert extract(sentence) == []


@pytest.mark.parametrize("sentence", ["要把我国变成一个现代化强国。", "使全省变为旅游大省。"])
def test_a_whole_country_or_region_as_source_is_an_entity(sentence):
    assert extract(sentence) == []


def test_a_thing_described_without_a_former_state_becoming_a_new_one_is_the_same_pole():
    assert extract("要把一切愿意学习的人改造成为新人。") == []


def test_a_thing_with_a_former_state_becoming_a_new_one_is_a_change():
    assert pairs("把不合理的旧制度变为新的制度。") == [("不合理的旧制度", "新的制度")]


def test_a_foreign_country_as_source_is_an_entity():
    assert extract("侵略者妄图把柬埔寨变成它的殖民地。") == []


def test_a_kind_of_country_as_source_is_a_state():
    assert pairs("要把落后的农业国变成先进的工业国。") == [("落后的农业国", "先进的工业国")]


def test_bare_xiang_zhuanbian_with_the_changing_thing_as_source_is_not_taken():
    # the institution is what changes; its former state is not stated (contrast 传统农业向现代农业转变)
    assert extract("推动部分职业院校向应用型转变。") == []


def test_a_series_with_a_range_of_places_is_an_enumeration_of_scope():
    assert extract("从城市到乡村，从机关到企业，从思想到作风，都发生了深刻变化。") == []


def test_a_range_over_a_whole_chain_is_scope():
    assert extract("实行从田间到餐桌的全过程监管。") == []


def test_yi_x_wei_zhu_is_not_gaiwei():
    assert extract("整顿工作进入以整改为主的阶段。") == []


@pytest.mark.parametrize("sentence", ["在这份名单中，应当把甲项改为乙项。", "该委员会的名称改为发展委员会。"])
def test_replacing_an_item_of_a_list_and_renaming_are_not_transitions(sentence):
    assert extract(sentence) == []


def test_renumbering_a_provision_is_not_a_transition():
    assert extract("第十二条改为第十三条，内容不变。") == []


def test_a_set_phrase_of_order_or_depth_is_a_manner():
    assert extract("培训内容由浅及深，循序渐进。") == []
    assert extract("推广工作由近及远。") == []


def test_a_clause_of_adverbs_without_a_noun_before_has_no_source():
    assert extract("今后应逐步改为按季度结算。") == []


def test_a_pronoun_after_a_causative_is_no_source():
    assert extract("使之逐步转变为股份制企业。") == []


@pytest.mark.parametrize("sentence", ["继续实行适度从紧的货币政策。", "这项决定已经由常委会通过。"])
def test_more_false_triggers_are_not_transitions(sentence):
    assert extract(sentence) == []


# --- report prose: set phrases, former states, sources in the clause before, and their look-alikes -----------------
def test_a_final_question_particle_is_no_part_of_a_pole():
    assert extract("我们靠什么从胜利走向胜利呢？") == []


@pytest.mark.parametrize("sentence, expected", [
    ("推动农业由弱变强是当务之急。", [("弱", "强")]),
    ("当出口由旺变淡时，要扩大内需。", [("旺", "淡")]),
    ("这是一个由散及聚的过程。", [("散", "聚")]),
])
def test_set_phrase_before_a_copula_de_or_shi(sentence, expected):
    assert pairs(sentence) == expected


def test_set_phrase_with_dao_running_into_a_verb_of_going():
    assert pairs("全市民营经济由小到大走向由大及强。") == [("小", "大"), ("大", "强")]


def test_cong_and_a_word_character_open_parallel_poles():
    assert pairs("考核评价要从重数量向重质量转变。") == [("重数量", "重质量")]
    assert extract("对严重暴力犯罪要从重从快打击。") == []


@pytest.mark.parametrize("sentence", ["推动审批从“前端”到“末端”全程贯通。", "推动审批从“前端”到“末端”无缝衔接。"])
def test_a_whole_chain_after_a_quoted_last_pole_is_scope(sentence):
    assert extract(sentence) == []


def test_a_thousands_separator_ends_no_clause():
    assert pairs("全省私营商业有１，２００余户转为合作商店。") == [("全省私营商业", "合作商店")]


def test_source_drops_an_approximate_quantifier():
    assert pairs("将近三十万户的个体手工业转为手工业合作社。") == [("个体手工业", "手工业合作社")]


def test_a_clause_of_adverbs_takes_the_noun_phrase_before():
    assert pairs("城镇的个体手工业，已经转为手工业合作社。") == [("城镇的个体手工业", "手工业合作社")]


def test_verbs_of_becoming_joined_by_huo_share_the_source():
    assert pairs("县办小煤窑已经改为集体煤矿、联营煤矿或者直接改为国有煤矿。") == [
        ("县办小煤窑", "集体煤矿、联营煤矿"), ("县办小煤窑", "国有煤矿")]


def test_hua_x_cheng_y_set_phrase():
    r = only("老工业基地经历了一个化茧成蝶的过程。")
    assert (r["marker"], r["source"], r["target"]) == ("化X为Y", "茧", "蝶")


def test_bianhua_he_cheng_is_no_hua_x_cheng_y():
    assert extract("这些巨大变化和成就来之不易。") == []


def test_former_state_without_shi_then_a_verb_of_change():
    assert pairs("这批仓库原来用作粮库，后来改为农机站。") == [("用作粮库", "农机站")]


def test_former_state_target_stops_where_the_source_has_no_de():
    assert pairs("要改造那些原来生产化肥，以后改为生产农药的车间。") == [("生产化肥", "生产农药")]


def test_entity_described_by_its_prior_state_and_the_state_it_sank_into():
    assert pairs("本来和睦的邻里关系逐渐恶化到了互不往来的地步。") == [("和睦", "互不往来")]


def test_shifen_very_is_no_quantity_or_time():
    assert pairs("本来十分融洽的干群关系恶化到了相互对立的程度。") == [("十分融洽", "相互对立")]


def test_source_counted_by_you_in_the_clause_before():
    assert pairs("去年全县有三百多个初级供销社，现在已经合并改组成为四十个基层供销合作社。") == [
        ("初级供销社", "四十个基层供销合作社")]


def test_subject_of_a_clause_of_time_is_the_source_of_the_next():
    assert pairs("一些个体工匠在参加合作化以后，已经开始转变为集体所有制的劳动者。") == [
        ("个体工匠", "集体所有制的劳动者")]


def test_fazhan_chengwei_takes_the_object_of_the_clause_before():
    assert pairs("一些地方出现了一场经济纠纷，进而在个别乡镇发展成为群体性事件。") == [("经济纠纷", "群体性事件")]


def test_fazhan_chengwei_with_its_subject_in_its_own_clause_is_growth():
    assert extract("逐步使这座港口城市发展成为区域性的物流中心。") == []


def test_selecting_people_from_a_group_is_origin_not_a_source():
    assert extract("近年来，从退伍军人和返乡青年中选拔了一批骨干进入村级班子。") == []


def test_a_countrys_economy_without_a_stated_state_is_an_entity():
    assert extract("决不能把别国的经济变成自己的附庸。") == []


def test_source_over_commas_stops_before_a_means_and_reaches_a_level():
    assert pairs("这个县从一个贫穷落后的农业县上经过二十年的奋斗，在经济和社会各方面，也达到了中等发达的水平。") == [
        ("一个贫穷落后的农业县", "中等发达的水平")]


def test_a_starting_point_and_a_goal_over_commas_are_no_transition():
    assert extract("要从加强基础管理入手，在各个环节，达到降本增效的目的。") == []


def test_a_lead_word_with_a_suffix_stays_in_the_source():
    assert pairs("要防止一般性矛盾变成对抗性矛盾。") == [("一般性矛盾", "对抗性矛盾")]


def test_guoqu_x_xianzai_biancheng_y():
    assert pairs("过去吃不饱穿不暖，现在变成了小康生活。") == [("吃不饱穿不暖", "小康生活")]


def test_a_stretch_of_time_after_guoqu_is_no_source():
    assert extract("过去五年，现在变为新的起点。") == []


# --- pole cleaning, tables and the PKU annotation ------------------------------------------------------------------
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


# --- report prose: relative clauses, counted sources, substitution, a new course, stages and chains of verbs -------
def test_jingguole_leads_a_plain_cong_dao_like_jingli():
    assert pairs("农村信用合作事业经过了从资金互助小组到农村合作银行的发展。") == [("资金互助小组", "农村合作银行")]


def test_poles_differing_only_in_scale_are_the_same_kind():
    assert pairs("农机服务经历了从小规模的农机专业户到规模较大的农机专业户的转变。") == []


def test_people_named_by_their_relocation_becoming_residents_is_relocation():
    assert pairs("要让长期在城镇就业的农村流动人口逐步变为城镇居民。") == []


def test_negated_relative_clause_takes_the_modified_noun_as_source():
    assert pairs("这样，没有改为股份合作制的集体企业在全县企业中的比重将大大下降。") == [("集体企业", "股份合作制")]


def test_relative_clause_after_a_preposition_takes_the_modified_noun_as_source():
    r = only("对已经改造成自食其力劳动者的原工商业者，一律按照劳动者对待。")
    assert (r["source"], r["target"], r["verb"]) == ("原工商业者", "自食其力劳动者", "改造成")


def test_relative_clause_modifying_a_share_is_no_source():
    assert pairs("今后，已经转为集体所有制的比重还要提高。") == []


def test_former_state_in_an_attributive_then_the_present_state():
    r = only("过去依靠国家调拨的县办工厂，现在已经大部分实现了自产自销。")
    assert (r["marker"], r["source"], r["target"]) == ("本来是X，现在成了Y", "依靠国家调拨", "实现了自产自销")


def test_former_state_attributive_inside_a_clause_of_cause_is_no_transition():
    assert pairs("由于过去长期缺乏必要的投入，现在又遇到连续的自然灾害，这些地区困难较多。") == []


def test_a_body_counted_with_you_in_its_own_clause_is_the_source():
    assert pairs("在手工业方面，全省共有３２０户个体修理铺转为合作商店。") == [("个体修理铺", "合作商店")]


def test_a_counted_owner_before_de_is_no_quantity_pole():
    assert pairs("两千多万农户和三十多万个渔民的个体经营已经变为合作经营。") == [("个体经营", "合作经营")]


def test_the_article_yi_ge_is_no_count_of_an_owner():
    assert pairs("我们要把一个以农业为主的落后的地区变成以工业为主的先进地区。") == [
        ("以农业为主的落后的地区", "以工业为主的先进地区")]


def test_a_quantifier_of_part_opens_no_source_core():
    assert pairs("大批个体的修理铺已经改为集体的服务站。") == [("个体的修理铺", "集体的服务站")]


def test_a_bare_thing_becoming_a_kind_of_itself_has_no_stated_source():
    assert pairs("要把标准变成企业自觉遵守的标准。") == []


def test_bare_toward_drops_an_adverb_with_the_governing_verb():
    assert pairs("扎实推进粗放型增长方式向集约型增长方式转变。") == [("粗放型增长方式", "集约型增长方式")]


def test_yong_y_daiti_x_the_thing_replaced_is_the_source():
    r = only("在农村，要用集体所有制来代替个体所有制。")
    assert (r["marker"], r["source"], r["target"], r["verb"]) == ("用Y代替X", "个体所有制", "集体所有制", "代替")


def test_yi_y_qudai_x_after_an_adverb():
    assert pairs("逐步以机械化作业取代手工作业。") == [("手工作业", "机械化作业")]


def test_substitution_with_a_pronoun_pole_is_no_transition():
    assert pairs("但不能用它们来代替正规的学校。") == []


def test_tidai_modifying_a_noun_after_a_frame_of_emphasis_is_no_substitution():
    assert pairs("支持以农业为主的县发展接续和替代产业。") == []


def test_substitution_as_the_subject_stops_before_its_predicate():
    assert pairs("用协商代替对抗的主张必须坚持。") == [("对抗", "协商")]


def test_leaving_one_road_for_another_with_er():
    assert pairs("农民必须离开个体经营的旧路，而转向合作经营的新路。") == [("个体经营的旧路", "合作经营的新路")]


def test_leaving_a_practice_for_a_new_track_in_the_next_clause():
    assert pairs("要改变单纯依靠增加投入的做法，切实转到依靠科技进步的轨道上来。") == [("单纯依靠增加投入", "依靠科技进步")]


def test_leaving_a_practice_named_by_where_the_effort_was_put():
    assert pairs("各部门要改变过去那种把主要力量放在审批项目上面的做法，逐步转到搞好规划和服务方面来。") == [
        ("审批项目", "搞好规划和服务")]


def test_changing_a_state_then_turning_to_a_task_is_no_practice_left():
    assert pairs("要改变落后面貌，转到建设上来。") == []


def test_a_chain_of_verbs_of_going_over_clauses_gives_one_row_per_step():
    rows = extract("逐步使失业人员由政府救济维持生活，转向享受社会保险，走向市场就业。")
    assert [(r["source"], r["target"], r["step"]) for r in rows] == [
        ("政府救济维持生活", "享受社会保险", 1), ("享受社会保险", "市场就业", 2)]


def test_a_chain_step_going_out_into_a_place_is_movement():
    assert pairs("这个地区从封闭走向开放，走向世界。") == [("封闭", "开放")]


def test_a_former_state_in_a_guoqu_clause_and_its_end_after_xianzai():
    assert pairs("牧民过去要向牧主交纳大量的牲畜，现在不再交纳了。") == [("要向牧主交纳大量的牲畜", "不再交纳了")]


def test_a_stretch_of_time_after_guoqu_is_no_former_state():
    assert pairs("过去三年里，现在已经不再有人提起。") == []


def test_a_clause_entering_a_stage_does_not_go_on_a_chain():
    assert pairs("我国经济从恢复走向发展，进入新的阶段。") == [("恢复", "发展")]


def test_jingguo_a_stage_then_guodu_dao_the_next():
    r = only("经过各种初级的互助形式，逐步地过渡到高级的合作形式。")
    assert (r["marker"], r["source"], r["target"]) == ("经过X过渡到Y", "初级的互助形式", "高级的合作形式")


def test_jingguo_an_effort_is_no_stage():
    assert pairs("经过几年的艰苦努力，逐步过渡到新的管理体制。") == []


# --- report prose: a pronoun resuming a converted object, zhuanru, roads, gathering verbs, gaiyou ------------------
def test_a_pronoun_resuming_the_object_of_a_verb_of_conversion_takes_that_object_as_source():
    r = only("要积极改造个体手工业，使它们逐步转变为集体所有制的合作社。")
    assert (r["marker"], r["source"], r["target"]) == ("改造X，使之成为Y", "个体手工业", "集体所有制的合作社")


def test_after_a_verb_of_conversion_a_plain_chengwei_names_the_result():
    assert pairs("我们要改造旧的私营商店使它们成为国营商业的零售网点。") == [("旧的私营商店", "国营商业的零售网点")]


def test_a_pronoun_after_a_verb_that_converts_nothing_is_no_stated_source():
    assert pairs("要修改和补充这个计划，使它成为更加积极的计划。") == []
    assert pairs("要积极发展乡镇企业，使之成为农村经济的重要支柱。") == []


def test_gaizao_as_a_noun_has_no_object_for_the_pronoun_to_resume():
    assert pairs("要加强企业的技术改造工作，使它成为新的增长点。") == []


def test_a_part_of_a_group_named_by_a_demonstrative_is_no_stated_source():
    assert pairs("经过多年的教育，这些阶层中间的大多数人已经改造成为自食其力的劳动者。") == []


def test_a_demonstrative_before_a_noun_naming_the_state_itself_stays():
    assert [s for s, t in pairs("这种可能性能否变为现实性，关键在于领导。")] == ["这种可能性"]


def test_you_x_zhuanru_y_takes_a_stated_source_like_jinru():
    assert pairs("许多手工业者已经由个体经营转入合作经营。") == [("个体经营", "合作经营")]


def test_zhuanru_without_a_stated_source_is_a_target_only():
    assert pairs("要切实把经济工作转入正常轨道。") == []


def test_a_degree_of_speed_turning_into_normal_growth_is_numeric():
    assert pairs("去年，经济增长已经由超高速状态转入正常轨道。") == []
    assert pairs("工业生产从过热现象转入正常发展。") == []


def test_ba_x_led_from_one_road_onto_another_takes_the_roads_as_poles():
    r = only("有人妄图把我们的事业从社会主义的道路拉到资本主义的道路上去。")
    assert (r["marker"], r["source"], r["target"]) == ("把X从Y引到Z", "社会主义的道路", "资本主义的道路")
    assert pairs("要把国民经济从停滞的状态引到健康发展的轨道上来。") == [("停滞的状态", "健康发展的轨道")]


def test_ba_x_moved_between_sectors_or_places_is_relocation():
    assert pairs("要把大批劳动力从农业转到工业。") == []
    assert pairs("要及时把救灾物资从仓库拉到灾区去。") == []


def test_ba_x_converted_and_built_into_a_body_of_another_kind():
    r = only("要把一批专业经济部门逐步调整和建设成为为企业服务的行业协会。")
    assert (r["source"], r["target"], r["verb"]) == ("专业经济部门", "为企业服务的行业协会", "调整和建设成为")


def test_joined_verbs_before_chengwei_without_ba_are_its_subject():
    assert pairs("产业结构的调整和改造成为当前经济工作的重点。") == []


def test_a_place_converted_and_built_into_a_centre_is_an_entity():
    assert pairs("要把天津港改造和建设成为北方国际航运中心。") == []
    assert pairs("要把我国建设成为社会主义现代化强国。") == []


def test_a_verb_of_gathering_turning_small_things_into_one_of_another_kind():
    assert pairs("发展县域经济要聚沙成塔，不能急于求成。") == [("沙", "塔")]
    r = only("促进居民消费，就要汇细流成江河。")
    assert (r["marker"], r["source"], r["target"]) == ("汇X成Y", "细流", "江河")


def test_words_of_the_gathering_verbs_are_no_set_phrase():
    assert pairs("实行外汇留成办法，宏观调控取得积极成效。") == []
    assert pairs("逐步积累成熟的经验，促进新动能积厚成势。") == []


def test_a_pronoun_is_clause_before_the_change_points_back_to_the_sentences_topic():
    r = only("分散经营的小商贩，他们是私有者，所以容易变成投机商人。")
    assert (r["source"], r["target"]) == ("分散经营的小商贩", "投机商人")


def test_without_a_topic_noun_phrase_the_pronouns_predicate_noun_stays_the_source():
    assert pairs("在这种情况下，他们是私有者，所以容易变成投机商人。") == [("私有者", "投机商人")]


def test_gaiyou_after_ba_an_object_named_by_its_former_owner():
    assert pairs("要把国营的小型商店进一步放开，改由集体或个人经营。") == [("国营的小型商店", "集体或个人经营")]


def test_you_x_gaiyou_y_and_parallel_poles_around_a_modified_noun():
    assert pairs("基本建设投资由财政拨款改由银行贷款。") == [("财政拨款", "银行贷款")]
    assert pairs("原由专署管理的学校改由所在县管理。") == [("专署管理", "所在县管理")]


def test_gaiyou_with_no_former_owner_or_channel_stated_has_no_source():
    assert pairs("乡村小学的经费改由地方自筹解决。") == []


def test_an_aside_naming_a_part_does_not_hide_the_object_of_ba():
    assert pairs("要把国有小型企业，特别是其中的商业企业，改为集体所有制。") == [("国有小型企业", "集体所有制")]


# --- the reading list for what the rules miss ----------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("要把资本主义工商业逐步改造为社会主义企业。", "改造为"),
    ("生产由恢复转入全面发展。", "由恢复转"),
    ("变消极因素为积极因素。", "变消极因素为"),
    ("以全民所有制代替资本家所有制。", "代替"),
])
def test_review_cue_marks_change_constructions(sentence, cue):
    assert transitions.review_cue(sentence) == cue


@pytest.mark.parametrize("sentence", ["上海成为国际大都市。", "我们要继续努力。", "转移支付增加了。"])
def test_review_cue_leaves_sentences_without_a_change_construction(sentence):
    assert transitions.review_cue(sentence) == ""


def test_review_queue_lists_cued_sentences_the_rules_took_nothing_from():
    sentences = pd.DataFrame({"doc": ["d", "d", "d"], "sentence_id": ["s1", "s2", "s3"],
                              "text": ["组织关系从松散型向紧密型转变。", "这部分经费改由地方自筹。", "今年粮食丰收。"]})
    found = transitions.extract_sentences(sentences.to_dict("records"))
    assert set(found["sentence_id"]) == {"s1"}
    queue = transitions.review_queue(sentences, found)
    assert queue[["sentence_id", "cue"]].values.tolist() == [["s2", "改由"]]  # no former channel: not taken


# --- a pronoun source resolved in the sentence before ----------------------------------------------------------------
def _paragraph(*texts, paragraph="p1"):
    return pd.DataFrame([{"doc": "d", "article": 1, "paragraph_id": paragraph if isinstance(paragraph, str)
                          else paragraph[k], "sentence_id": f"s{k + 1}", "text": t} for k, t in enumerate(texts)])


def test_a_pronoun_source_takes_the_object_just_named_in_the_sentence_before():
    out = extract_sentences(_paragraph("社区总结了一批好的议事做法。", "要使其转化为长效机制。"))
    assert list(zip(out["source"], out["target"], out["source_resolved"])) == [
        ("议事做法", "长效机制", "其 (previous sentence s1)")]


def test_a_pronoun_source_takes_the_noun_phrase_that_opens_the_sentence_before():
    out = extract_sentences(_paragraph("好的经验做法，值得推广。", "要让它们转变为制度。"))
    assert list(zip(out["source"], out["target"])) == [("好的经验做法", "制度")]


def test_a_pronoun_source_is_not_resolved_across_paragraphs():
    out = extract_sentences(_paragraph("社区总结了一批好的议事做法。", "要使其转化为长效机制。", paragraph=["p1", "p2"]))
    assert out.empty


def test_a_pronoun_source_without_a_noun_phrase_before_gives_no_row():
    out = extract_sentences(_paragraph("他说得很对。", "要使其转化为行动。"))
    assert out.empty


def test_a_lone_sentence_with_a_pronoun_source_gives_no_row():
    assert extract("要使其转化为长效机制。") == []


def test_an_antecedent_in_the_same_sentence_wins_over_the_sentence_before():
    out = extract_sentences(_paragraph("村里办起了合作社。", "对于好经验好做法，还要以制度化的形式固定下来，使其转化为长效机制。"))
    assert list(zip(out["source"], out["source_resolved"])) == [("好经验好做法", "其")]
