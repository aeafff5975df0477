"""Tests for fromto.coding (rules, codebook, .qdc) and fromto.evaluation (alignment, agreement): coding rules, glosses, matching against gold, agreement, exports."""

from __future__ import annotations

import math
import uuid
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from fromto import paths
from fromto.coding import rules
from fromto.coding import codebook as cb
from fromto.evaluation import alignment, metrics

NS = "{urn:QDA-XML:codebook:1.0}"


@pytest.fixture(scope="module")
def book() -> pd.DataFrame:
    return cb.load_codebook()


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return cb.load_gold()


def _one(source, target, subject="", verb="", marker="", book=None):
    df = pd.DataFrame([{"doc": "d", "subject": subject, "source": source, "target": target,
                        "verb": verb, "marker": marker}])
    return rules.code_transitions(df, book, glossary={}).iloc[0]


# --- normalisation -------------------------------------------------------------------------------------------

def test_normalise_pole_drops_every_kind_of_quote():
    assert cb.normalise_pole("“工业锈带”") == "工业锈带"
    assert cb.normalise_pole("「关键小事」") == "关键小事"
    assert cb.normalise_pole("‘松散型’ ") == "松散型"


def test_normalise_for_match_ignores_ascii_and_fullwidth_punctuation():
    assert cb.normalise_for_match("从“行政为主”向“多元共治”的拓展,有效") == cb.normalise_for_match(
        "从行政为主向多元共治的拓展，有效")


# --- coding rules --------------------------------------------------------------------------------------------

def test_subject_ending_in_a_dimension_head_takes_that_dimension(book):
    row = _one("“松散型”", "“紧密型”", subject="党组织间的关系", book=book)
    assert (row["code"], row["code_rule"]) == ("TIES", "R1 subject head 关系")


def test_subject_without_a_dimension_head_falls_through_to_keywords(book):
    row = _one("党委政府主导", "自治共治协同", subject="楼宇治理", book=book)
    assert row["code"] == "FORCES" and row["code_rule"].startswith("R3")


def test_subject_head_must_end_the_subject(book):
    assert rules.subject_code("关系网络建设", book) is None


def test_elided_subject_is_taken_from_a_transition_with_the_same_poles(book):
    df = pd.DataFrame([
        {"doc": "d", "subject": "组织力量", "source": "“行政为主”", "target": "“多元共治”", "verb": "拓展"},
        {"doc": "d", "subject": "", "source": "行政为主", "target": "多元共治", "verb": "拓展"},
    ])
    coded = rules.code_transitions(df, book, glossary={})
    assert coded.loc[1, "code"] == "FORCES"
    assert coded.loc[1, "code_rule"].startswith("R2")


def test_restatement_does_not_cross_documents(book):
    df = pd.DataFrame([
        {"doc": "a", "subject": "组织关系", "source": "甲乙", "target": "丙丁"},
        {"doc": "b", "subject": "", "source": "甲乙", "target": "丙丁"},
    ])
    coded = rules.code_transitions(df, book, glossary={})
    assert coded.loc[1, "code_rule"].startswith("R7")


def test_subject_head_needs_the_kind_of_thing_the_code_is_about(book):
    # 关系 of organisations is TIES; 两岸关系 (relations between two sides) is not.
    assert rules.subject_code("党组织间的关系", book) == ("TIES", "关系")
    assert rules.subject_code("两岸关系", book) == ("RELATIONS", "关系")
    # 供求关系 is neither: the balance of supply and demand is the condition of a market (a longer head wins).
    assert rules.subject_code("供求关系", book) == ("SITUATION", "供求关系")


def test_conversion_verb_codes_conversion_only_without_content_words(book):
    row = _one("时时放心不下", "事事心中有底", verb="转化为", book=book)
    assert (row["code"], row["code_rule"]) == ("CONVERSION", "R5 conversion verb 转化")


def test_conversion_verb_does_not_override_the_content_of_the_poles(book):
    # 由产品经济向商品经济转化: two economic systems, not an asset turned into a result.
    row = _one("产品经济", "商品经济", verb="转化", book=book)
    assert row["code"] == "ECONOMIC_SYSTEM" and row["code_rule"].startswith("R3")


def test_a_conversion_verb_between_poles_of_different_kinds_is_conversion(book):
    # 调研 is a way of working, 政策 an instrument: no two kinds of one thing, so the verb says what happens.
    row = _one("调研报告", "政策工具", verb="转化为", book=book)
    assert row["code"] == "CONVERSION"
    assert row["code_rule"] == ("R3 conversion verb 转化: the poles are no two kinds of one thing "
                                "(WORK_METHOD → INSTITUTIONS)")
    # only the target names a kind: land becomes building land, a change of use, and the keywords decide
    row = _one("土地", "建设用地", verb="转化为", book=book)
    assert (row["code"], row["code_rule"]) == ("STRUCTURE", "R3 keywords 建设用地")


def test_a_word_both_poles_share_does_not_make_them_two_kinds_of_one_thing(book):
    # 清单 (a list) stands on both sides: what changes is a list of problems into one of duties done.
    row = _one("问题清单", "履职清单", verb="转化为", book=book)
    assert (row["code"], row["code_rule"]) == (
        "CONVERSION", "R3 conversion verb 转化: the poles are no two kinds of one thing (SITUATION → none)")


def test_yield_verbs_are_read_as_verbs_and_not_inside_longer_verbs(book):
    assert _one("甲式", "乙式", marker="X被化作Y", book=book)["code_rule"] == "R5 conversion verb 化作"
    assert _one("甲式", "乙式", verb="化为", book=book)["code_rule"] == "R5 conversion verb 化为"
    # 异化为 (degenerate into) and 演化为 (evolve into) end in 化为 but turn nothing into its yield
    assert _one("甲式", "乙式", marker="将X异化为Y", book=book)["code"] == "UNCODED"
    assert _one("甲式", "乙式", marker="X演化为Y", book=book)["code"] == "UNCODED"


def test_asset_turned_into_a_result_is_conversion_by_its_words(book):
    row = _one("党的政治优势、组织优势", "区域经济效益", verb="转化为", book=book)
    assert row["code"] == "CONVERSION" and row["code_rule"].startswith("R3")


def test_keywords_are_counted_so_the_code_with_most_hits_wins(book):
    # 融合 is a SYSTEM word, but 幢/楼/座…城 give SCALE more hits.
    row = _one("管好“一幢楼”", "融合“一座城”", book=book)
    assert row["code"] == "SCALE"


def test_a_keyword_tie_in_the_poles_abstains_for_a_reader():
    mini = pd.DataFrame([
        {"code": "FIRST", "subject_heads": "", "keywords": "甲"},
        {"code": "SECOND", "subject_heads": "", "keywords": "乙"},
    ])
    # neither code heads the target (丙), so nothing breaks the tie
    code, rule = rules.code_one({"source": "甲和乙", "target": "丙"}, mini)
    assert code == cb.UNCODED_CODE
    assert rule.startswith("R3 the poles' keywords tie between FIRST|SECOND") and rule.endswith("needs a reader")


def test_a_longer_keyword_claims_its_characters_before_shorter_ones():
    mini = pd.DataFrame([
        {"code": "SHORT", "subject_heads": "", "keywords": "城|镇"},
        {"code": "LONG", "subject_heads": "", "keywords": "城镇居民"},
    ])
    assert rules.keyword_hits(["城镇居民"], mini) == {"LONG": ["城镇居民"]}


def test_one_character_keywords_score_half():
    mini = pd.DataFrame([
        {"code": "CHARS", "subject_heads": "", "keywords": "城|乡"},
        {"code": "WORD", "subject_heads": "", "keywords": "农民工"},
    ])
    # 城 (½) + 乡 (½) = 1 against 农民工 = 1: a tie, so no code; a third character tips it.
    assert rules.keyword_hits(["城与乡和农民工"], mini) == {"WORD": ["农民工"], "CHARS": ["乡", "城"]}
    assert rules.code_one({"source": "城与乡和农民工", "target": ""}, mini)[0] == cb.UNCODED_CODE
    assert rules.keyword_code("农民工", "", mini)[0] == "WORD"
    assert rules.code_one({"source": "城与乡和农民工", "target": "城"}, mini)[0] == "CHARS"


# A keyword matches a word of the project tokenizer or a run of its words, never the inside of a word. Each pair is
# a transition a blind coder read on newspaper prose that the rules once coded by a keyword found inside a word.
INSIDE_A_WORD = [
    ("三下乡", "三扎根", "乡"),       # campaign → routine: 乡 "township" inside 三下乡
    ("地球", "村落", "村"),           # 村 inside 村落
    ("地球村", "村落", "村"),         # 村 inside 地球村
    ("老楼", "新居", "楼"),           # 楼 "building" inside 老楼 "old building"
    ("村务公开", "政务公开", "村"),   # 村 inside 村务公开
    ("乡镇企业", "现代企业制度", "乡镇"),  # a township enterprise is an enterprise, not a township
    ("城乡", "城市", "乡"),
]


@pytest.mark.parametrize("source, target, keyword", INSIDE_A_WORD)
def test_no_keyword_matches_inside_a_word(source, target, keyword):
    mini = pd.DataFrame([{"code": "UNIT", "subject_heads": "", "keywords": keyword}])
    assert rules.keyword_hits([source, target], mini) == {}


@pytest.mark.parametrize("source, target, _keyword", INSIDE_A_WORD[:-1])
def test_words_inside_words_no_longer_make_these_scale(book, source, target, _keyword):
    assert _one(source, target, book=book)["code"] != "SCALE"


def test_a_keyword_matches_a_whole_word_a_run_of_words_or_a_compound_s_head():
    mini = pd.DataFrame([
        {"code": "UNIT", "subject_heads": "", "keywords": "楼|乡镇"},
        {"code": "MONEY", "subject_heads": "", "keywords": "拨款|土地所有制"},
    ])
    assert rules.keyword_hits(["一幢楼"], mini) == {"UNIT": ["楼"]}                  # a word of its own
    assert rules.keyword_hits(["土地所有制"], mini) == {"MONEY": ["土地所有制"]}      # a run of words 土地 / 所有制
    assert rules.keyword_hits(["财政拨款"], mini) == {"MONEY": ["拨款"]}              # the head of 财政拨款
    assert rules.keyword_hits(["乡镇企业"], mini) == {}                               # a modifier is no head


def test_a_domain_lexicon_phrase_is_read_as_the_words_it_is_made_of():
    # The lexicon keeps 工业锈带 and 田园五镇 whole for counting; for coding, 工业 and 镇 are words in them.
    mini = pd.DataFrame([{"code": "LAND", "subject_heads": "", "keywords": "工业|镇"}])
    assert rules.keyword_hits(["工业锈带", "田园五镇"], mini) == {"LAND": ["工业", "镇"]}


def test_a_sentence_wide_keyword_alone_does_not_code(book):
    # Nothing in the poles, their context or the verb: the sentence's 干部 only hints, and the row waits for a reader.
    row = rules.code_transitions(pd.DataFrame([{"source": "心上事", "target": "上心事", "subject": "", "marker": "从X到Y",
                                          "sentence": "干部从心上事到上心事。"}]),
                           book, glossary={}).iloc[0]
    assert row["code"] == cb.UNCODED_CODE
    assert row["code_rule"].startswith("R6 only the sentence's words point to")


def test_migrant_workers_becoming_urban_residents_is_status_not_scale(book):
    row = _one("在城镇稳定就业和居住的农民工", "城镇居民", book=book)
    assert row["code"] == "STATUS"


def test_whole_pole_keyword_matches_only_the_whole_pole(book):
    assert _one("危", "机", book=book)["code"] == "CONVERSION"       # 化危为机
    assert rules.keyword_hits(["危机管理"], book).get("CONVERSION") is None


def test_poles_without_any_keyword_are_uncoded_not_other(book):
    row = _one("红色", "蓝色", book=book)
    assert row["code"] == cb.UNCODED_CODE == "UNCODED"
    assert row["code_rule"] == "R7 no rule applies: needs a reader"


def test_rules_never_assign_groups_other_or_status_codes(book):
    assert set(cb.rule_codes(book)).isdisjoint({"ORGANISATION", "OTHER", "UNCODED", "NOT_A_TRANSITION"})
    assert "OTHER" in cb.reader_codes(book) and "NOT_A_TRANSITION" in cb.reader_codes(book)
    assert "UNCODED" not in cb.reader_codes(book) and "ECONOMY" not in cb.reader_codes(book)


# --- rules written from the definitions: snippets written for these tests ------------------------------------

def test_planned_to_market_economy_is_economic_system_by_its_pole_words(book):
    row = _one("计划经济", "市场经济", verb="转变", book=book)
    assert (row["code"], row["code_rule"]) == ("ECONOMIC_SYSTEM", "R3 keywords 计划经济|市场经济")


def test_a_long_keyword_outweighs_two_short_ones_of_another_code(book):
    # 土地所有制 (five characters, 1½ each side) against 官员/百姓 (STATUS, 1 each side).
    row = _one("官员的土地所有制", "百姓的土地所有制", book=book)
    assert row["code"] == "ECONOMIC_SYSTEM"
    assert rules.keyword_score("城") == 0.5 and rules.keyword_score("公仆") == 1.0 and rules.keyword_score("土地所有制") == 1.5


def test_vocabulary_of_each_code_places_poles_no_sentence_was_read_for(book):
    cases = {
        ("手工操作", "自动化"): "GROWTH_MODE",
        ("供不应求", "供过于求"): "SITUATION",
        ("先证后照", "先照后证"): "INSTITUTIONS",
        ("敌视", "友好"): "RELATIONS",
        ("旁观者", "主人翁"): "PARTICIPATION",
        ("奴隶", "主人"): "STATUS",
        ("一家一户", "全县"): "SCALE",
        ("欠发达", "中等发达"): "STAGE",
        ("重工业", "轻工业"): "STRUCTURE",
        ("管理型", "服务型"): "FUNCTION",
        ("政府包办", "多元共治"): "FORCES",
        ("本部门", "跨部门"): "REACH",
        ("条块分割", "一体化"): "SYSTEM",
        ("单向", "双向"): "TIES",
        ("绿水青山", "金山银山"): "CONVERSION",
        ("运动式", "常态化"): "WORK_METHOD",
        ("廉洁自律", "以权谋私"): "CONDUCT",
    }
    for (source, target), code in cases.items():
        row = _one(source, target, book=book)
        assert (row["code"], row["code_rule"][:2]) == (code, "R3"), (source, target, row["code_rule"])


NEWSPAPER_KINDS = {
    # grassroots burden against shared systems, and work judged by its traces against its results
    ("向基层要材料", "共享数据"): "WORK_METHOD",
    ("看台账", "看成效"): "WORK_METHOD",
    # misconduct that goes underground (a set phrase of one-character poles) or passes its bill to interested parties
    ("明", "暗"): "CONDUCT",
    ("公开", "隐形变异"): "CONDUCT",
    ("公款", "利益关联方"): "CONDUCT",
    # a group seen as a variable to be managed that becomes a contributor to governance
    ("社会变量", "治理增量"): "PARTICIPATION",
    # the grades of villages in their abbreviated forms
    ("穷软散", "强富美"): "STAGE",
    # a plan, a policy or a test turned into deeds and answers
    ("产业政策", "民生实事"): "CONVERSION",
    ("考卷", "答卷"): "CONVERSION",
    # ways of working: visits made for the record or in depth, stock talk or plain talk, one case or its class
    ("打卡式", "沉浸式"): "WORK_METHOD",
    ("套话", "大白话"): "WORK_METHOD",
    ("就事论事", "解决一类事"): "WORK_METHOD",
    # a post for serving the people turned to private gain; a respected person turned culprit
    ("为民服务的岗位", "谋私的后门"): "CONDUCT",
    ("受人尊敬的教师", "罪人"): "CONDUCT",
    # people who look on and then act together, or who treat common business as their own
    ("一旁看", "一起干"): "PARTICIPATION",
    ("别人的事", "自家事"): "PARTICIPATION",
    # a small problem that grows into trouble
    ("小疙瘩", "大麻烦"): "SITUATION",
    # farmers' occupations in the rural economy
    ("种粮大户", "带货主播"): "STATUS",
    # a place turned to tourism: 打卡点 is read whole, not as 打卡 (clock-in formalism)
    ("破旧老屋", "网红打卡点"): "STRUCTURE",
    # organisations present in form, then in effect
    ("有形覆盖", "有效覆盖"): "FUNCTION",
    # set metaphors of official prose for the same kinds: a one-man show and a chorus, a showpiece and the landscape,
    # transfusion and self-generated blood, people chasing policies and policies finding people
    ("独角戏", "大合唱"): "PARTICIPATION",
    ("盆景", "风景"): "SCALE",
    ("输血", "造血"): "GROWTH_MODE",
    ("人找政策", "政策找人"): "WORK_METHOD",
    # grades of villages beyond the tune half's (a village in debt, a prosperous one), not 村 read as a unit of scale
    ("负债村", "富裕村"): "STAGE",
    # petitions carried up by the people, or officials going down to receive them
    ("群众上访", "干部下访"): "WORK_METHOD",
    # rooms and buildings by their use: a use of space, not the function of a body
    ("空置的会议室", "党员活动室"): "STRUCTURE",
    # a firm that grows from unknown to a leader of its trade
    ("默默无闻的小厂", "行业龙头"): "STAGE",
    # the 有所 ladder of provision: the level of livelihood reached
    ("学有所教", "学有优教"): "STAGE",
    # office used for private gain
    ("秉公用权", "利用职权谋利"): "CONDUCT",
    # the set phrases of joining in: led by cadres, followed by the masses
    ("干部带着干", "群众跟着干"): "PARTICIPATION",
    # attitudes to work and what it is judged by: boasting or down to earth, campaigns or work at the source,
    # showpieces and real skill
    ("好大喜功", "求真务实"): "WORK_METHOD",
    ("专项整治", "源头治理"): "WORK_METHOD",
    ("花架子", "真功夫"): "WORK_METHOD",
    # kinds of land and of buildings by their use, and an economy of one product or of many
    ("荒漠", "绿洲"): "STRUCTURE",
    ("撂荒地", "高产田"): "STRUCTURE",
    ("闲置老宅", "文创工坊"): "STRUCTURE",
    ("一花独放", "百花齐放"): "STRUCTURE",
    ("单一产品", "完整产业链"): "STRUCTURE",
    # the abbreviated virtual and real economy, as =计划 and =市场 abbreviate the economic systems
    ("虚", "实"): "STRUCTURE",
    # intelligent manufacturing as a means of production
    ("手工制造", "智能制造"): "GROWTH_MODE",
    # grades of counties and villages; a person's command of a skill
    ("贫困县", "百强县"): "STAGE",
    ("空壳村", "明星村"): "STAGE",
    ("一知半解", "精通业务"): "STAGE",
    # roles people hold in a team
    ("普通队员", "技术骨干"): "STATUS",
    # strangers who come to belong, fingers made a fist
    ("陌生人", "一家人"): "PARTICIPATION",
    ("五指", "拳头"): "PARTICIPATION",
    # scattered parts twisted into one rope: a system made one
    ("一盘散沙", "一股绳"): "SYSTEM",
    # a stock one holds, a crisis made a turning point
    ("家当", "底气"): "CONVERSION",
    ("危局", "转机"): "CONVERSION",
    # debts left to go bad
    ("欠款", "坏账"): "SITUATION",
    # falsified figures
    ("如实上报", "数据造假"): "CONDUCT",
    # misconduct become a habit; outsiders become insiders; a follower become a leader of its field
    ("忐忑不安", "习以为常"): "CONDUCT",
    ("外人", "自己人"): "PARTICIPATION",
    ("追赶者", "引领者"): "STAGE",
    # party work and business as "two skins", taught by rote or by taking part, corruption one by one or in nests
    ("两张皮", "同频共振"): "SYSTEM",
    ("灌输式", "互动式"): "WORK_METHOD",
    ("个案", "窝案"): "CONDUCT",
    # the phases of a product on its way to the market
    ("样机研发", "批量生产"): "STAGE",
    # one household and every household: the number of units changes, not their wealth (富 scores ½ a side)
    ("一户富", "户户富"): "SCALE",
}


def test_what_is_held_in_common_made_private_is_conduct(book):
    # a public space or a collective's money in private hands: appropriation, by CONDUCT's definition
    row = _one("公共绿地", "私人菜园", book=book)
    assert (row["code"], row["code_rule"]) == ("CONDUCT", "R3 what is held in common made private (公共 → 私人)")
    assert _one("集体资金", "个人腰包", book=book)["code"] == "CONDUCT"
    assert _one("公", "私", book=book)["code"] == "CONDUCT"                        # 化公为私, pole by pole
    # look-alikes: a form of ownership, common business people make their own, one thing held by someone else
    assert _one("集体所有制", "个体经济", book=book)["code"] == "ECONOMIC_SYSTEM"   # a form of ownership
    assert _one("集体林地", "个人承包", book=book)["code"] != "CONDUCT"              # a rule of tenure
    assert _one("大家的事", "自家事", book=book)["code"] == "PARTICIPATION"         # people's own business
    assert _one("集体的领导", "个人的领导", book=book)["code"] != "CONDUCT"         # one thing, held by whom


def test_poles_opening_with_the_same_verb_of_judging_are_a_way_of_working(book):
    # what work is judged by: its record, or its results
    row = _one("凭资历", "凭实绩", book=book)
    assert (row["code"], row["code_rule"]) == ("WORK_METHOD", "R3 what the work is judged by changes (凭X → 凭Y)")
    assert _one("看过程", "看成效", book=book)["code"] == "WORK_METHOD"
    # look-alikes: what follows names another kind, or the verb only begins a word
    assert _one("重数量", "重质量", book=book)["code"] == "GROWTH_MODE"   # how growth is achieved
    assert _one("看病难", "看病易", book=book)["code"] != "WORK_METHOD"   # 看病 (see a doctor) is one word


def test_taking_part_together_said_of_organisations_is_ties(book):
    row = _one("各自为战", "抱团发展", subject="沿江各企业", book=book)
    assert row["code"] == "TIES" and row["code_rule"].endswith("said of organisations: TIES)"), row["code_rule"]
    # said of people, or of no one named, it stays PARTICIPATION
    assert _one("各自为战", "抱团发展", subject="村民", book=book)["code"] == "PARTICIPATION"
    assert _one("各自为战", "抱团发展", book=book)["code"] == "PARTICIPATION"
    # firms that turn from onlookers into participants still take part
    assert _one("旁观者", "参与者", subject="园区企业", book=book)["code"] == "PARTICIPATION"


def test_passive_or_active_said_of_a_task_is_a_way_of_working(book):
    row = _one("被动", "主动", subject="纪检监督", book=book)
    assert row["code"] == "WORK_METHOD" and row["code_rule"].endswith("performs: WORK_METHOD)"), row["code_rule"]
    # said of people it is how they take part, and who takes part in a task stays PARTICIPATION
    assert _one("被动", "主动", subject="村民", book=book)["code"] == "PARTICIPATION"
    assert _one("少数人参与", "人人参与", subject="党建工作", book=book)["code"] == "PARTICIPATION"


def test_a_modifier_joined_by_de_weighs_less_than_the_head_it_modifies(book):
    # 城镇 and 乡村 say where the people are; 旁观者 and 参与者 what they are (before: a tie, left to a reader)
    row = _one("城镇的旁观者", "乡村的参与者", book=book)
    assert (row["code"], row["code_rule"][:2]) == ("PARTICIPATION", "R3"), row["code_rule"]
    assert rules.pole_parts("城镇的旁观者", book) == ("旁观者", "城镇")
    # a head without a keyword leaves the whole pole to be read, and 的 inside a word is no modifier's mark
    assert rules.pole_parts("城镇的某人", book) == ("城镇的某人", "")
    assert rules.pole_parts("目的", book) == ("目的", "")
    # a whole-pole keyword (=市场) names a whole pole, never the head of a longer one
    assert rules.pole_parts("群众自己的市场", book) == ("群众自己的市场", "")


def test_a_tie_in_the_poles_goes_to_the_code_that_heads_the_target(book):
    # 开放 (ECONOMIC_SYSTEM) only describes the green space (STRUCTURE) the wall became
    row = _one("破旧围墙", "开放绿地", book=book)
    assert row["code"] == "STRUCTURE" and "head of the target" in row["code_rule"], row["code_rule"]
    # no code heads the target: the tie stays with a reader
    assert _one("开放绿地", "破旧围墙", book=book)["code"] == "UNCODED"


def test_an_adversity_made_into_a_result_is_conversion(book):
    row = _one("风险清单", "成果清单", book=book)
    assert (row["code"], row["code_rule"][:2]) == ("CONVERSION", "R3"), row["code_rule"]
    # a condition that moves either way keeps condition words on both sides
    assert _one("供给短缺", "供需平衡", book=book)["code"] == "SITUATION"


def test_an_asset_in_the_source_tied_with_the_kind_of_the_target_is_conversion(book):
    # 潜力 is held by the source alone, 市场 names what it is made into
    row = _one("潜力", "市场", book=book)
    assert row["code"] == "CONVERSION" and "asset of the source" in row["code_rule"], row["code_rule"]


def test_an_asset_that_enters_a_phase_is_not_made_into_it(book):
    # a laboratory (an asset in CONVERSION's words) whose work enters a phase of testing: a stage, not a conversion
    row = _one("实验室", "测试阶段", book=book)
    assert row["code"] == "STAGE" and "head of the target" in row["code_rule"], row["code_rule"]


def test_a_way_of_thinking_about_work_heads_a_work_method_subject(book):
    assert _one("守摊子", "开新局", subject="村干部服务理念", book=book)["code_rule"] == "R1 subject head 理念"
    assert _one("守摊子", "开新局", subject="村干部工作思路", book=book)["code"] == "WORK_METHOD"
    # a way of thinking that is not about how work is done (发展思路), or the way a place is governed, is not
    assert _one("守摊子", "开新局", subject="企业发展思路", book=book)["code"] == "UNCODED"
    assert _one("守摊子", "开新局", subject="小区治理方式", book=book)["code"] != "WORK_METHOD"


def test_a_subject_naming_a_phase_of_a_thing_is_read_as_that_thing(book):
    # the phase of a subsidy policy is the policy's (INSTITUTIONS), not a stage of development
    assert _one("甲段", "乙段", subject="扶持政策阶段", book=book)["code_rule"] == "R1 subject head 政策"
    # a phase of nothing with a head of its own keeps the phase's head
    assert _one("甲段", "乙段", subject="发展阶段", book=book)["code_rule"] == "R1 subject head 阶段"


def test_pronouns_of_one_and_of_all_are_participation(book):
    # before: 自己 → 大家 held no keyword of any kind and was left to a reader
    row = _one("自己", "大家", book=book)
    assert (row["code"], row["code_rule"][:2]) == ("PARTICIPATION", "R3"), row["code_rule"]


def test_a_list_is_a_tool_of_work_and_only_a_named_regime_of_lists_an_instrument(book):
    assert _one("审批制", "负面清单", book=book)["code"] == "INSTITUTIONS"
    assert _one("问题清单", "任务清单", book=book)["code"] != "INSTITUTIONS"


@pytest.mark.parametrize("source, target", list(NEWSPAPER_KINDS))
def test_newspaper_kinds_of_change_are_placed_by_their_general_vocabulary(book, source, target):
    row = _one(source, target, book=book)
    assert (row["code"], row["code_rule"][:2]) == (NEWSPAPER_KINDS[(source, target)], "R3"), row["code_rule"]


def test_a_subject_that_only_repeats_a_pole_leaves_the_decision_to_the_poles(book):
    # 政策 heads the subject, but the subject is the source pole itself: both poles are read (民生实事, a result).
    row = _one("惠民政策", "民生实事", subject="惠民政策", book=book)
    assert (row["code"], row["code_rule"]) == ("CONVERSION", "R3 keywords 民生实事")
    # a subject of its own still decides by its head
    assert _one("甲式", "乙式", subject="惠民政策", book=book)["code_rule"] == "R1 subject head 政策"


def test_head_noun_after_the_construction_decides_when_the_poles_hold_no_keyword(book):
    sentence = "建立从甲式向乙式转变的经济体制，并加以完善。"
    row = _one("甲式", "乙式", verb="转变", book=book)
    assert row["code"] == "UNCODED"
    df = pd.DataFrame([{"doc": "d", "subject": "", "source": "甲式", "target": "乙式", "verb": "转变",
                        "marker": "从X向Y+V", "sentence": sentence, "end": sentence.index("的经济体制")}])
    coded = rules.code_transitions(df, book, glossary={}).iloc[0]
    assert rules.head_noun(df.iloc[0].to_dict()) == "经济体制"
    assert (coded["code"], coded["code_rule"]) == ("ECONOMIC_SYSTEM", "R4 head noun 经济体制 (subject head 经济体制)")


def test_head_noun_is_read_past_the_closing_quote_of_a_quoted_target():
    assert rules.head_noun({"sentence": "关键是化“甲”为“乙”的行动力。", "target": "乙"}) == "行动力"


def test_head_noun_is_found_after_the_target_when_no_offsets_are_given():
    row = {"sentence": "推动由甲式向乙式的转变。", "target": "乙式"}
    assert rules.head_noun(row) == "转变"
    assert rules.head_noun({"sentence": "由甲式变为乙式，再说别的。", "target": "乙式"}) == ""


def test_stated_subject_words_only_hint_and_the_conversion_verb_decides(book):
    # A subject names the thing that changes, not the kind of change: its keywords are a hint (R6), and a verb of
    # conversion (R5) comes first.
    row = _one("甲式", "乙式", subject="对外开放", verb="转化为", book=book)
    assert (row["code"], row["code_rule"]) == ("CONVERSION", "R5 conversion verb 转化")
    row = _one("甲式", "乙式", subject="对外开放", book=book)
    assert row["code"] == "UNCODED"
    assert row["code_rule"] == "R6 only the subject's words point to ECONOMIC_SYSTEM (对外开放): needs a reader"


def test_a_subject_naming_people_or_a_place_does_not_code_a_change_of_their_state(book):
    assert _one("穷软散", "绿富美", subject="村", book=book)["code"] != "SCALE"
    assert _one("疲于应付", "有精力干事", subject="干部", book=book)["code"] != "FORCES"


def test_sentence_keywords_never_code_and_never_outweigh_a_pole_word(book):
    # The sentence speaks of the planned economy, but the pole word 公仆 decides (R3).
    sentence = "在计划经济和市场经济的年代，干部要从公仆变成甲乙。"
    df = pd.DataFrame([{"doc": "d", "subject": "", "source": "公仆", "target": "甲乙", "sentence": sentence},
                       {"doc": "d", "subject": "", "source": "丙丁", "target": "戊己", "sentence": sentence}])
    coded = rules.code_transitions(df, book, glossary={})
    assert (coded.loc[0, "code"], coded.loc[0, "code_rule"]) == ("STATUS", "R3 keywords 公仆")
    assert coded.loc[1, "code"] == "UNCODED"  # the sentence's words only hint: the row waits for a reader
    assert coded.loc[1, "code_rule"] == ("R6 only the sentence's words point to ECONOMIC_SYSTEM "
                                         "(市场经济|计划经济): needs a reader")


def test_sentence_keywords_that_tie_leave_the_row_to_a_reader(book):
    df = pd.DataFrame([{"doc": "d", "subject": "", "source": "丙丁", "target": "戊己",
                        "sentence": "个体户里的农民工，从丙丁到戊己。"}])
    row = rules.code_transitions(df, book, glossary={}).iloc[0]
    assert (row["code"], row["code_rule"]) == ("UNCODED", "R7 no rule applies: needs a reader")


def test_still_uncoded_when_nothing_anywhere_matches(book):
    df = pd.DataFrame([{"doc": "d", "subject": "它", "source": "红色", "target": "蓝色", "verb": "变成",
                        "sentence": "它从红色变成蓝色了。"}])
    row = rules.code_transitions(df, book, glossary={}).iloc[0]
    assert (row["code"], row["code_rule"]) == ("UNCODED", "R7 no rule applies: needs a reader")


def test_a_numeric_trend_is_left_to_a_reader_even_with_content_words_around(book):
    row = _one("逐步下降", "上升", subject="粮食产量", book=book)
    assert (row["code"], row["code_rule"]) == ("UNCODED", "R0 numeric trend 下降: needs a reader")
    # a pole that is more than a direction is a change of kind: 高速增长 → 中高速增长 is coded.
    assert _one("高速增长", "中高速增长", book=book)["code"] == "GROWTH_MODE"


def test_a_source_that_names_nothing_is_left_to_a_reader(book):
    # 从无到有 makes a thing with no real source to change from (the codebook's NOT_A_TRANSITION, a reader's call)
    row = _one("无", "有", book=book)
    assert (row["code"], row["code_rule"]) == ("UNCODED", "R0 nothing on the source side 无: needs a reader")
    assert _one("零", "一座新城", book=book)["code"] == "UNCODED"
    # a source with something in it is a change: 有 → 无 keeps its code
    assert _one("有", "无", book=book)["code"] == "STAGE"


def test_the_same_thing_on_both_sides_is_left_to_a_reader(book):
    row = _one("好日子", "更好的好日子", book=book)
    assert row["code_rule"] == "R0 same thing on both sides 好日子: needs a reader"
    # containment with a keyword is a real change (半机械化 → 机械化).
    assert _one("半机械化", "机械化", book=book)["code"] == "GROWTH_MODE"


def test_every_code_has_a_broad_vocabulary_written_from_its_definition(book):
    for row in book[book["kind"].isin(["dimension", "theme"])].itertuples():
        assert len([w for w in row.keywords.split("|") if w]) >= 45, row.code


def test_rules_code_the_pages_gold_statements_as_the_reader_did(gold, book):
    # The page keeps its figures: rules against the reader's codes on the page's gold = 1.00 (notebook 03).
    on_gold = rules.code_transitions(gold.drop(columns=["code"]).assign(doc="page"), book, glossary={})
    assert metrics.percent_agreement(on_gold["code"], gold["code"]) == 1.0
    assert metrics.krippendorff_alpha(on_gold["code"], gold["code"]) == pytest.approx(1.0)


def test_rules_code_the_pages_extracted_statements_as_the_reader_did(gold, book):
    transitions = pytest.importorskip("fromto.transitions")
    clean = pytest.importorskip("fromto.clean")
    from fromto.textio import read_text

    coded = rules.code_transitions(transitions.extract_sentences(clean.clean_page(read_text(paths.SEED_PAGE)).sentences),
                                book, glossary={})
    pairs = alignment.coded_alignment(alignment.match_transitions(coded, gold), coded, gold)
    assert len(pairs) >= 20
    assert metrics.percent_agreement(pairs["rule_code"], pairs["gold_code"]) == 1.0


# --- glosses -------------------------------------------------------------------------------------------------

def test_gloss_is_looked_up_without_quotes_and_missing_gloss_is_empty():
    glossary = {"工业锈带": "industrial rust belt"}  # keyed without quotes or punctuation
    df = pd.DataFrame([{"subject": "", "source": "“工业锈带”", "target": "未知之地"}])
    coded = rules.code_transitions(df, cb.load_codebook(), glossary)
    assert coded.loc[0, "source_en"] == "industrial rust belt"
    assert coded.loc[0, "target_en"] == ""


def test_glossary_gaps_lists_each_missing_term_once():
    df = pd.DataFrame([{"subject": "组织关系", "source": "甲", "target": "乙"},
                       {"subject": "", "source": "甲", "target": "丙"}])
    gaps = cb.glossary_gaps(df, {"乙": "b", "组织关系": "ties"})
    assert gaps.to_dict("records") == [{"kind": "pole", "term": "丙"}, {"kind": "pole", "term": "甲"}]


def test_every_gold_pole_and_subject_has_a_gloss(gold):
    gaps = cb.glossary_gaps(gold)
    assert gaps.empty, gaps.to_string()


# --- resources -----------------------------------------------------------------------------------------------

def test_codebook_has_the_macqueen_parts_and_the_four_dimensions(book):
    for col in ["code", "label_zh", "label_en", "definition", "when_to_use", "when_not_to_use", "example"]:
        assert col in book and (book[col].str.strip() != "").all(), col
    dims = book[book["kind"] == "dimension"]
    assert set(dims["label_zh"]) == {"组织关系", "组织触角", "组织体系", "组织力量"}
    assert set(dims["parent"]) == {"ORGANISATION"}
    for code in (cb.DEFAULT_CODE, cb.OTHER_CODE, cb.NOT_A_TRANSITION, cb.CONVERSION_CODE):
        assert code in set(book["code"]), code


def test_every_parent_is_a_group_row_listed_before_its_children(book):
    codes = list(book["code"])
    groups = set(book.loc[book["kind"] == "group", "code"])
    for code, parent in zip(book["code"], book["parent"]):
        if parent:
            assert parent in groups and codes.index(parent) < codes.index(code), code
    assert (book.loc[book["kind"] == "group", "keywords"] == "").all()


def test_every_codes_when_not_to_use_names_a_neighbouring_code(book):
    codes = set(book["code"])
    for row in book[book["kind"].isin(["dimension", "theme", "residual"])].itertuples():
        named = {c for c in codes if c != row.code and c in row.when_not_to_use}
        assert named, f"{row.code}: when_not_to_use names no other code"


def test_definitions_do_not_lean_on_the_pages_heading_words(book):
    # The critique of version 1: dimensions recognised by the page's own heading words. A definition must say
    # what kind of thing changes, not "the subject is 组织关系".
    for row in book[book["kind"] == "dimension"].itertuples():
        assert row.label_zh not in row.definition, row.code


def test_no_keyword_belongs_to_two_codes(book):
    seen = {}
    for code, words in zip(book["code"], book["keywords"]):
        for w in [w for w in words.split("|") if w]:
            assert w not in seen, f"{w} is a keyword of {seen.get(w)} and {code}"
            seen[w] = code


def test_every_code_has_its_own_colour(book):
    colours = [c.upper() for c in book["color"]]
    assert all(c.startswith("#") and len(c) == 7 for c in colours)
    assert len(set(colours)) == len(colours)


def test_a_way_of_working_and_conduct_have_their_own_group(book):
    rows = book.set_index("code")
    assert rows.at["WORK_STYLE", "kind"] == "group"
    for code in ("WORK_METHOD", "CONDUCT"):
        assert rows.at[code, "parent"] == "WORK_STYLE" and rows.at[code, "kind"] == "theme"
        assert rows.at[code, "v2_code"] == "OTHER" and rows.at[code, "v1_code"] == "OTHER"
    # a stated subject names the kind: 工作作风 is a way of working, 作风问题 a lapse of conduct; 作风 alone names
    # the group (work style), which is not codable, so the poles decide
    assert rules.subject_code("基层的工作作风", book) == ("WORK_METHOD", "工作作风")
    assert rules.subject_code("党员的作风问题", book) == ("CONDUCT", "作风问题")
    assert rules.subject_code("党的作风", book) is None


def test_v1_codes_map_back_to_the_first_codebook(book):
    assert cb.to_v1(["STRUCTURE", "FUNCTION", "STAGE", "TIES"], book) == ["FUNCTION", "FUNCTION", "OTHER", "TIES"]


def test_every_code_maps_to_version_2_1_and_back(book):
    # v2_code sits right after v1_code; every codable row and status maps to a v2.1 code, groups to nothing.
    cols = list(book.columns)
    assert cols.index("v2_code") == cols.index("v1_code") + 1
    v21 = {"TIES", "REACH", "SYSTEM", "FORCES", "FUNCTION", "SCALE", "PARTICIPATION", "STATUS", "ECONOMIC_SYSTEM",
           "INSTITUTIONS", "GROWTH_MODE", "STRUCTURE", "STAGE", "SITUATION", "RELATIONS", "CONVERSION", "OTHER",
           "UNCODED", "NOT_A_TRANSITION"}
    for code, kind, v2 in zip(book["code"], book["kind"], book["v2_code"]):
        if kind == "group":
            assert v2 == "", code
        else:
            assert v2 in v21, code
            if code in v21:
                assert v2 == code, code  # a code v2.1 had keeps its name and maps to itself
    back = cb.from_v2(book)
    assert set(back) == v21
    assert all(code in back[code] for code in v21)
    assert cb.to_v2(cb.from_v2(book)["OTHER"], book) == ["OTHER"] * len(back["OTHER"])


def test_codes_without_a_v2_column_are_kept_as_they_are():
    mini = pd.DataFrame([{"code": "TIES", "subject_heads": "", "keywords": ""}])
    mini["v2_code"] = ""
    assert cb.to_v2(["TIES", "NEW"], mini) == ["TIES", "NEW"]


def test_gold_codes_are_in_the_codebook_and_ids_unique(gold, book):
    assert gold["gold_id"].is_unique
    assert set(gold["code"]) <= set(book["code"])
    assert (gold["source"] != "").all() and (gold["target"] != "").all()


def test_gold_chains_have_consecutive_steps_sharing_a_pole(gold):
    for _, chain in gold[gold["chain_id"] != ""].groupby("chain_id"):
        chain = chain.sort_values("step")
        assert chain["step"].tolist() == list(range(1, len(chain) + 1))
        for prev, nxt in zip(chain.itertuples(), list(chain.itertuples())[1:]):
            assert cb.normalise_pole(prev.target) == cb.normalise_pole(nxt.source)


# --- matching extraction against gold ------------------------------------------------------------------------

GOLD_MINI = pd.DataFrame([
    {"gold_id": "g1", "article": 1, "locator": "组织体系从单一性向融合性发展", "source": "“单一性”", "target": "“融合性”", "code": "SYSTEM"},
    {"gold_id": "g2", "article": 1, "locator": "区域化党建的组织体系从", "source": "“单一性”", "target": "“融合性”", "code": "SYSTEM"},
])


def test_heading_and_body_restatement_are_matched_to_their_own_gold_rows():
    ext = pd.DataFrame([
        {"article": 1, "sentence_id": "s9", "sentence": "区域化党建的组织体系从“单一性”向“融合性”发展,进一步激发", "source": "单一性", "target": "融合性"},
        {"article": 1, "sentence_id": "s1", "sentence": "组织体系从“单一性”向“融合性”发展", "source": "单一性", "target": "融合性"},
    ])
    al = alignment.match_transitions(ext, GOLD_MINI)
    got = dict(zip(al["gold_id"], al["sentence_id"]))
    assert got == {"g1": "s1", "g2": "s9"}


def test_a_repeated_heading_beyond_the_gold_row_is_a_false_positive():
    ext = pd.DataFrame([
        {"article": 1, "sentence_id": "s1", "sentence": "组织体系从“单一性”向“融合性”发展", "source": "单一性", "target": "融合性"},
        {"article": 1, "sentence_id": "s5", "sentence": "组织体系从“单一性”向“融合性”发展", "source": "单一性", "target": "融合性"},
    ])
    al = alignment.match_transitions(ext, GOLD_MINI.iloc[:1])
    assert al["status"].tolist() == ["TP", "FP"]


def test_poles_must_overlap_for_a_match():
    ext = pd.DataFrame([{"article": 1, "sentence_id": "s1", "sentence": "组织体系从“单一性”向“融合性”发展",
                         "source": "组织体系", "target": "融合性"}])
    al = alignment.match_transitions(ext, GOLD_MINI.iloc[:1])
    assert sorted(al["status"]) == ["FN", "FP"]


def test_poles_overlap_on_containment_or_two_shared_characters():
    assert alignment.poles_overlap("管好“一幢楼”", "一幢楼")
    assert alignment.poles_overlap("党的政治优势、组织优势切实", "党的政治优势、组织优势")
    assert not alignment.poles_overlap("“松散型”", "“紧密型”")


def test_extraction_scores_statement_and_pole_levels_by_hand():
    # 2 gold, 2 extracted; one pair matched with one identical pole -> statement P = R = 1/2,
    # pole TP = 1 of 4 extracted and 4 gold poles -> P = R = 1/4.
    al = pd.DataFrame([
        {"status": "TP", "source_exact": True, "target_exact": False},
        {"status": "FN", "source_exact": False, "target_exact": False},
        {"status": "FP", "source_exact": False, "target_exact": False},
    ])
    s = alignment.extraction_scores(al).set_index("level")
    assert (s.at["statement", "precision"], s.at["statement", "recall"]) == (0.5, 0.5)
    assert (s.at["pole", "tp"], s.at["pole", "fp"], s.at["pole", "fn"]) == (1, 3, 3)
    assert s.at["pole", "f1"] == 0.25


def test_precision_with_nothing_extracted_is_undefined_not_zero():
    p, r, f = metrics.precision_recall_f1(0, 0, 3)
    assert math.isnan(p) and r == 0.0 and math.isnan(f)


# --- agreement -----------------------------------------------------------------------------------------------

A = ["X", "X", "Y", "Y"]
B = ["X", "Y", "Y", "Y"]


def test_percent_agreement_by_hand():
    assert metrics.percent_agreement(A, B) == 0.75


def test_cohen_kappa_by_hand():
    # p_o = 3/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2; kappa = (3/4 - 1/2) / (1/2) = 1/2
    assert metrics.cohen_kappa(A, B) == pytest.approx(0.5)


def test_cohen_kappa_is_undefined_when_both_coders_use_one_code():
    assert math.isnan(metrics.cohen_kappa(["X", "X"], ["X", "X"]))


def test_krippendorff_alpha_nominal_by_hand():
    # coincidences: o_XX = 2, o_XY = o_YX = 1, o_YY = 4; n_X = 3, n_Y = 5, n = 8
    # D_o = 2/8, D_e = 2*3*5/(8*7) = 30/56; alpha = 1 - D_o/D_e = 8/15
    assert metrics.krippendorff_alpha(A, B) == pytest.approx(8 / 15)


def test_agreement_rejects_codings_of_different_length():
    with pytest.raises(ValueError):
        metrics.percent_agreement(["X"], ["X", "Y"])


def test_disagreement_reason_names_the_rule_that_decided():
    pairs = pd.DataFrame([
        {"gold_id": "g1", "sentence_id": "s1", "ext_source": "甲", "ext_target": "乙", "subject": "",
         "rule_code": "SCALE", "code_rule": "R3 keywords 楼", "gold_code": "FUNCTION", "gold_note": "n"},
        {"gold_id": "g2", "sentence_id": "s2", "ext_source": "丙", "ext_target": "丁", "subject": "",
         "rule_code": "TIES", "code_rule": "R1 subject head 关系", "gold_code": "TIES", "gold_note": ""},
    ])
    d = alignment.disagreements(pairs)
    assert d["gold_id"].tolist() == ["g1"]
    assert "pole words point to SCALE (keywords 楼)" in d.loc[0, "reason"]


def test_disagreement_reason_of_an_abstention_says_the_rules_abstained():
    tie = alignment.disagreement_reason(
        "UNCODED", "STAGE", "R3 the poles' keywords tie between STAGE|SITUATION (=兴|=治): needs a reader")
    assert tie.startswith("pole words tie between codes (the poles' keywords tie between STAGE|SITUATION")
    assert "UNCODED" not in tie and tie.endswith("the reader coded STAGE")
    hint = alignment.disagreement_reason(
        "UNCODED", "CONDUCT", "R6 only the sentence's words point to FORCES (官员): needs a reader")
    assert "not enough to code" in hint and "point to UNCODED" not in hint


# --- exports -------------------------------------------------------------------------------------------------

def test_qdc_is_refi_codebook_xml_with_deterministic_guids(book):
    xml = cb.qdc_xml(book)
    assert xml == cb.qdc_xml(book)
    root = ET.fromstring(xml)
    assert root.tag == NS + "CodeBook"
    codable = [c for c in root.iter(NS + "Code") if c.get("isCodable") == "true"]
    assert len(codable) == int((book["kind"] != "group").sum())
    ties = next(c for c in codable if c.get("name").startswith("TIES "))
    assert ties.get("guid") == str(uuid.uuid5(cb.QDC_NAMESPACE, "fromto:code:TIES"))
    assert ties.get("color") == "#0072B2"
    assert "When not to use" in ties.find(NS + "Description").text


def test_export_qdc_writes_the_same_bytes(tmp_path, book):
    out = cb.export_qdc(book, tmp_path / "codebook.qdc")
    assert out.read_bytes() == cb.qdc_xml(book)


def test_coded_statements_number_statements_within_a_sentence(book):
    coded = pd.DataFrame([
        {"doc": "d", "sentence_id": "a1p01s01", "sentence": "变甲为乙,变丙为丁", "source": "甲", "target": "乙", "code": "OTHER", "code_rule": "R5 default"},
        {"doc": "d", "sentence_id": "a1p01s01", "sentence": "变甲为乙,变丙为丁", "source": "丙", "target": "丁", "code": "OTHER", "code_rule": "R5 default"},
    ])
    out = cb.coded_statements(coded, book)
    assert out["statement_id"].tolist() == ["a1p01s01t1", "a1p01s01t2"]
    assert out["label_zh"].tolist() == ["其他", "其他"]


# --- the page (needs the cleaner and the extractor) ----------------------------------------------------------

def _page_transitions():
    clean = pytest.importorskip("fromto.clean", reason="fromto.clean not available yet")
    transitions = pytest.importorskip("fromto.transitions", reason="fromto.transitions not available yet")
    from fromto.textio import read_text

    result = clean.clean_page(read_text(paths.SEED_PAGE))
    return transitions.extract_sentences(result.sentences)


def test_every_pole_extracted_from_the_page_has_a_gloss():
    gaps = cb.glossary_gaps(_page_transitions())
    assert gaps.empty, "add to resources/glossary.csv:\n" + gaps.to_string()


def test_gloss_lookup_ignores_punctuation_between_coordinated_poles():
    glossary = cb.load_glossary()
    assert cb.gloss("生活秀带、发展绣带", glossary) == cb.gloss("“生活秀带”“发展绣带”", glossary) != ""


def test_poles_differing_only_in_punctuation_count_as_identical():
    gold = pd.DataFrame([{"gold_id": "g1", "article": 1, "locator": "变成生活秀带", "source": "昔日的“工业锈带”",
                          "target": "“生活秀带”“发展绣带”"}])
    ext = pd.DataFrame([{"article": 1, "sentence_id": "s1", "sentence": "把昔日的“工业锈带”变成“生活秀带”“发展绣带”",
                         "source": "昔日的工业锈带", "target": "生活秀带、发展绣带"}])
    al = alignment.match_transitions(ext, gold)
    assert al.loc[0, ["status", "source_exact", "target_exact"]].tolist() == ["TP", True, True]


def test_qdc_nests_codes_under_their_parent_groups(book):
    root = ET.fromstring(cb.qdc_xml(book))
    top = root.find(NS + "Codes")
    org = next(c for c in top.findall(NS + "Code") if c.get("name").startswith("ORGANISATION "))
    assert org.get("isCodable") == "false"
    assert {c.get("name").split()[0] for c in org.findall(NS + "Code")} >= {"TIES", "REACH", "SYSTEM", "FORCES"}


def test_code_counts_put_page_and_reports_side_by_side_in_codebook_order():
    book = cb.load_codebook()
    page = pd.DataFrame({"code": ["TIES", "TIES", "SCALE"]})
    reports = pd.DataFrame({"code": ["STAGE", "STAGE", "STAGE", "TIES"]})
    counts = cb.code_counts(page, reports, book)
    order = [c for c in book["code"] if c in {"TIES", "SCALE", "STAGE"}]
    assert counts.index.tolist() == order
    assert counts.loc["TIES", ["page", "reports"]].tolist() == [2, 1]
    assert counts.loc["SCALE", "reports"] == 0 and counts.loc["STAGE", "reports_share"] == 0.75
    assert {"parent", "label_zh", "label_en"} <= set(counts.columns)


def test_unplaced_share_counts_other_and_uncoded_and_names_an_empty_table():
    coded = pd.DataFrame({"code": ["TIES", cb.OTHER_CODE, cb.UNCODED_CODE, "STAGE"]})
    assert cb.unplaced_share(coded) == "50.0%"
    assert cb.unplaced_share(coded.iloc[:0]) == "(no transitions)"


def test_misses_lists_the_unmatched_rows_with_the_gold_rows_locator_and_note():
    ext = pd.DataFrame([{"article": 1, "sentence_id": "s1", "sentence": "组织体系从“单一性”向“融合性”发展",
                         "source": "组织体系", "target": "融合性"}])
    gold = GOLD_MINI.iloc[:1].assign(note="the heading")
    out = alignment.misses(alignment.match_transitions(ext, gold), gold)
    assert list(out.columns) == alignment.MISS_COLUMNS
    assert sorted(out["status"]) == ["FN", "FP"]
    fn = out[out["status"] == "FN"].iloc[0]
    assert (fn["locator"], fn["note"]) == ("组织体系从单一性向融合性发展", "the heading")


def test_rule_agreement_measures_found_statements_and_all_gold_statements(gold, book):
    transitions = pytest.importorskip("fromto.transitions")
    clean = pytest.importorskip("fromto.clean")
    from fromto.textio import read_text

    coded = rules.code_transitions(transitions.extract_sentences(clean.clean_page(read_text(paths.SEED_PAGE)).sentences),
                                   book, glossary={})
    res = alignment.rule_agreement(alignment.match_transitions(coded, gold), coded, gold, book)
    assert list(res["agreement"].columns) == alignment.AGREEMENT_COLUMNS
    assert list(dict.fromkeys(res["agreement"]["units"])) == ["statements found by both", "all gold statements"]
    assert res["crosstab"].values.sum() == res["agreement"]["n_statements"].iloc[0]
    assert len(res["disagreements"]) == 0
