"""Cleaning rules on small literal snippets, then the structure of the seed page."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from fromto import clean, paths
from fromto.textio import read_text


# --- Punctuation ------------------------------------------------------------------------------------------------
def test_ascii_comma_between_chinese_becomes_fullwidth():
    assert clean.normalise_punctuation("超大城市治理,如何打通")[0] == "超大城市治理，如何打通"


def test_ascii_semicolon_and_colon_between_chinese_become_fullwidth():
    assert clean.normalise_punctuation("联盟;虹口区")[0] == "联盟；虹口区"
    assert clean.normalise_punctuation("两个最快:从项目")[0] == "两个最快：从项目"


def test_ascii_question_mark_after_closing_quote_at_end_becomes_fullwidth():
    assert clean.normalise_punctuation("融合“一座城”?")[0] == "融合“一座城”？"


def test_ascii_comma_before_digits_in_chinese_becomes_fullwidth():
    assert clean.normalise_punctuation("工坊”里,37岁")[0] == "工坊”里，37岁"


def test_ascii_comma_after_a_percentage_or_latin_word_before_chinese_becomes_fullwidth():
    assert clean.normalise_punctuation("满意率达98%,但仍有短板")[0] == "满意率达98%，但仍有短板"
    assert clean.normalise_punctuation("上线APP,让群众少跑腿")[0] == "上线APP，让群众少跑腿"
    # an English comma is followed by a space, a thousands separator by a digit
    assert clean.normalise_punctuation("Hello, 世界")[0] == "Hello, 世界"
    assert clean.normalise_punctuation("增长10%,1,366家")[0] == "增长10%,1,366家"


def test_ascii_comma_after_ascii_parentheses_around_chinese_becomes_fullwidth():
    assert clean.normalise_punctuation("志愿者(右一),他说")[0] == "志愿者（右一），他说"
    assert clean.normalise_punctuation("(a),b")[0] == "(a),b"


def test_ascii_parentheses_around_chinese_become_fullwidth():
    assert clean.normalise_punctuation("王建华摄(人民视觉)")[0] == "王建华摄（人民视觉）"


def test_ascii_punctuation_between_digits_or_latin_is_kept():
    assert clean.normalise_punctuation("会议10:30开始")[0] == "会议10:30开始"
    assert clean.normalise_punctuation("共1,366家")[0] == "共1,366家"
    assert clean.normalise_punctuation("Hello, world")[0] == "Hello, world"


def test_corner_quotes_become_curly_quotes():
    assert clean.normalise_punctuation("解决好群众身边的「关键小事」")[0] == "解决好群众身边的“关键小事”"


def test_normalisation_keeps_length_and_reports_each_change():
    text, changes = clean.normalise_punctuation("近日,上海「党建」")
    assert len(text) == len("近日,上海「党建」")
    assert [(i, b, a) for i, b, a, _ in changes] == [(2, ",", "，"), (5, "「", "“"), (8, "」", "”")]


# --- [sic] --------------------------------------------------------------------------------------------------------
def test_doubled_two_character_chunk_is_flagged():
    assert clean.find_repeated_chunks("要做实做细做细，就要") == [(3, 7, "做细")]


def test_known_reduplications_are_not_flagged():
    assert clean.find_repeated_chunks("大家研究研究，一步一步走，雪白雪白的墙，哈哈哈哈") == []


def test_repeated_chunk_is_flagged_in_the_log_and_left_unchanged():
    result = clean.clean_document("党建工作要做实做细做细。", "snippet")
    sic = result.log[result.log["kind"] == "sic"]
    assert len(sic) == 1 and sic.iloc[0]["before"] == sic.iloc[0]["after"] == "做细做细"
    assert result.paragraphs.iloc[0]["text"] == "党建工作要做实做细做细。"


# --- Sentences ----------------------------------------------------------------------------------------------------
def test_sentences_split_on_full_stop_question_exclamation_semicolon():
    assert clean.sentence_texts("甲。乙？丙！丁；戊") == ["甲。", "乙？", "丙！", "丁；", "戊"]


def test_sentence_split_on_ellipsis():
    assert clean.sentence_texts("背街小巷治理、老旧小区改造……这些民生事。") == ["背街小巷治理、老旧小区改造……", "这些民生事。"]


def test_closing_quote_stays_with_its_sentence():
    assert clean.sentence_texts("他说：“能赚100多元。”她开心地说。") == ["他说：“能赚100多元。”", "她开心地说。"]


def test_text_without_final_mark_is_one_sentence():
    assert clean.sentence_texts("从管好“一幢楼”到融合“一座城”") == ["从管好“一幢楼”到融合“一座城”"]


# --- Line kinds -----------------------------------------------------------------------------------------------------
def test_byline_with_role_strips_the_role():
    assert clean.parse_byline("本报记者 吴储岐") == (["吴储岐"], ["本报记者"])
    assert clean.parse_byline("本报记者  张三  李四") == (["张三", "李四"], ["本报记者"])


def test_name_line_is_a_byline_without_role():
    assert clean.parse_byline("郑健麟") == (["郑健麟"], [])


def test_sentence_is_not_a_byline():
    assert clean.parse_byline("党建联建助增收") is None
    assert clean.parse_byline("民生无小事。") is None


def test_credit_line_with_agency_is_parsed():
    c = clean.parse_credit("王建华摄（人民视觉）")
    assert (c["photographer"], c["agency"], c["caption"]) == ("王建华", "人民视觉", "")


def test_caption_with_bracketed_credit_is_parsed():
    c = clean.parse_credit("世纪坛礼花齐放，万民欢腾。（本报记者徐烨摄）")
    assert (c["caption"], c["role"], c["photographer"]) == ("世纪坛礼花齐放，万民欢腾。", "本报记者", "徐烨")


def test_prose_ending_in_she_is_not_a_credit():
    assert clean.parse_credit("他拿起相机认真拍摄") is None


def test_line_ending_in_dash_is_a_lead_but_dash_led_item_is_not():
    assert clean.is_lead("山东省庆云县——")
    assert not clean.is_lead("——建立功能区党建共同体，通过党建引领推动区域发展——")


def test_paragraph_cut_mid_sentence_looks_cut_but_title_does_not():
    assert clean.looks_cut("抓重大任务落实是试金石和磨刀石，确")
    assert not clean.looks_cut("党建联建助增收")
    assert not clean.looks_cut("民生无小事。")


def test_bracketed_note_after_full_stop_ends_a_paragraph():
    assert clean.ends_paragraph("一举扭亏为盈。（据新华社电）")
    assert not clean.ends_paragraph("为新世纪欢呼（图片）")


# --- Structure on small pages -----------------------------------------------------------------------------------
SMALL_PAGE = """要闻

乡村振兴看今朝——

小山村走上致富路

本报记者 张三

清晨，村里的合作社已经热闹起来。

近年来，村里依托党建引领，发展特色产业，群众的

村民在合作社分拣猕猴桃。

本报记者 赵六摄

日子越过越红火。
"""


def test_article_head_gives_column_pre_title_title_and_byline():
    art = clean.clean_page(SMALL_PAGE, "t").articles.iloc[0]
    assert (art["column"], art["pre_title"], art["title"], art["byline"], art["byline_role"]) == (
        "要闻", "乡村振兴看今朝——", "小山村走上致富路", "张三", "本报记者")


def test_caption_is_removed_and_cut_paragraph_rejoined():
    result = clean.clean_page(SMALL_PAGE, "t")
    body = result.paragraphs[result.paragraphs["position"] == "body"]["text"].tolist()
    assert body[-1] == "近年来，村里依托党建引领，发展特色产业，群众的日子越过越红火。"
    assert result.captions.iloc[0]["caption"] == "村民在合作社分拣猕猴桃。"
    assert bool(result.captions.iloc[0]["cut_paragraph"])


def test_rejoined_paragraph_raw_span_covers_the_removed_caption():
    result = clean.clean_page(SMALL_PAGE, "t")
    para = result.paragraphs.iloc[-1]
    cap = result.captions.iloc[0]
    assert para["raw_start"] < cap["raw_start"] < cap["raw_end"] < para["raw_end"]
    assert SMALL_PAGE[para["raw_start"]:para["raw_start"] + 3] == "近年来"
    assert SMALL_PAGE[para["raw_end"] - 3:para["raw_end"]] == "红火。"


def test_paragraph_split_at_page_break_is_rejoined():
    page = "标题行\n\n本报记者 张三\n\n抓落实是试金石，确\n\n保决策部署落地见效。\n"
    paras = clean.clean_page(page, "t").paragraphs
    assert paras[paras["position"] == "body"]["text"].tolist() == ["抓落实是试金石，确保决策部署落地见效。"]


def test_title_and_byline_after_body_become_the_head_of_that_body():
    page = ("要闻\n\n标题甲\n\n本报记者 张三\n\n甲文第一段。\n\n人民论坛\n\n论坛正文第一段。\n\n论坛正文第二段。\n\n"
            "以实干作风赢得民心\n\n本报评论员\n")
    result = clean.clean_page(page, "t")
    art = result.articles.iloc[1]
    assert (art["column"], art["title"], art["byline"], bool(art["head_after_body"])) == (
        "人民论坛", "以实干作风赢得民心", "本报评论员", True)
    rows = result.paragraphs[result.paragraphs["article"] == 2]
    assert rows["position"].tolist() == ["title", "body", "body"]


def test_heading_pair_makes_a_section_with_joined_title():
    page = ("标题甲\n\n本报记者 张三\n\n导语一段。\n\n延伸工作链条，党建更有力——\n\n组织关系从“松散型”向“紧密型”转变\n\n"
            "正文一段。\n")
    paras = clean.clean_page(page, "t").paragraphs
    body = paras[paras["text"] == "正文一段。"].iloc[0]
    assert body["section"] == 1
    assert body["section_title"] == "延伸工作链条，党建更有力——组织关系从“松散型”向“紧密型”转变"
    assert paras[paras["text"] == "导语一段。"].iloc[0]["section"] == 0


def test_duplicate_heading_is_kept_where_its_body_follows_and_logged():
    page = ("标题甲\n\n本报记者 张三\n\n导语一段。\n\n打破行政壁垒——\n\n组织触角从“区域内”向“跨区域”延伸\n\n"
            "提升服务能级——\n\n组织体系走向融合\n\n各领域党建走向融合发展。\n\n打破行政壁垒——\n\n"
            "组织触角从“区域内”向“跨区域”延伸\n\n推动组织触角从“区域内”向“跨区域”延伸。\n")
    result = clean.clean_page(page, "t")
    subs = result.paragraphs[result.paragraphs["position"] == "section_subtitle"]["text"].tolist()
    assert subs == ["组织体系走向融合", "组织触角从“区域内”向“跨区域”延伸"]
    dup = result.log[result.log["kind"] == "duplicate_heading"]
    assert len(dup) == 1 and dup.iloc[0]["raw_start"] == page.index("打破行政壁垒")


def test_ordinary_text_gives_one_article_of_line_paragraphs_and_sentences():
    text = "新年钟声即将敲响。人类社会前进的航船就要驶入新航程。\n在这个激动人心的时刻，我很高兴。\n"
    assert not clean.is_page_dump(text)
    result = clean.clean_document(text, "prose")
    assert len(result.articles) == 1
    assert result.paragraphs["text"].tolist() == text.split("\n")[:2]
    assert result.sentences["sentence_id"].tolist() == ["a1p01s01", "a1p01s02", "a1p02s01"]


def test_sentence_raw_offsets_point_at_the_raw_text():
    text = "近日,上海召开会议。会议强调要做好工作。\n"
    result = clean.clean_document(text, "prose")
    s = result.sentences.iloc[1]
    assert text[s["raw_start"]:s["raw_end"]] == s["text"] == "会议强调要做好工作。"


# --- The seed page ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page():
    return clean.clean_page(read_text(paths.SEED_PAGE))


def test_seed_is_recognised_as_a_page_dump():
    assert clean.is_page_dump(read_text(paths.SEED_PAGE))


def test_page_has_four_articles_with_titles_columns_and_bylines(page):
    arts = page.articles
    assert arts["title"].tolist() == ["从管好“一幢楼”到融合“一座城”", "解决好群众身边的“关键小事”", "党建联建助增收",
                                      "“两新”党建有实招"]
    assert arts["column"].tolist() == ["深度关注", "金台潮声", "", ""]
    assert arts["byline"].tolist() == ["郑健麟", "李林蔚", "吴储岐", "沈童睿"]
    assert arts["byline_role"].tolist() == ["", "", "本报记者", "本报记者"]
    assert arts["pre_title"].tolist() == ["上海以区域化党建为抓手探索超大城市基层党建新路——", "", "山东省庆云县——",
                                          "河北省广平县——"]


def test_commentary_title_printed_after_body_leads_its_article(page):
    rows = page.paragraphs[page.paragraphs["article"] == 2]
    assert rows.iloc[0]["position"] == "title"
    assert rows.iloc[0]["raw_start"] > rows.iloc[-1]["raw_start"]
    assert bool(page.articles.iloc[1]["head_after_body"])


def test_feature_has_four_sections_in_page_order(page):
    feat = page.paragraphs[(page.paragraphs["article"] == 1) & (page.paragraphs["section"] > 0)]
    titles = feat.drop_duplicates("section")["section_title"].tolist()
    assert [t.split("——")[0] for t in titles] == ["延伸工作链条，党建引领更有力", "提升服务能级，凝聚力量向心力更强",
                                                  "打破行政壁垒，组织协同更紧密", "促进共建共治，群众获得感更充实"]
    assert titles[0] == "延伸工作链条，党建引领更有力——组织关系从“松散型”向“紧密型”转变"


def test_feature_first_paragraphs_come_before_any_section(page):
    first = page.paragraphs[page.paragraphs["text"].str.startswith("超大城市治理")].iloc[0]
    assert (first["article"], first["section"], first["position"]) == (1, 0, "body")


def test_duplicated_heading_is_kept_once_before_its_body(page):
    p = page.paragraphs
    subs = p[p["text"] == "组织触角从“区域内”向“跨区域”延伸"]
    assert len(subs) == 1
    nxt = p[p["paragraph"] == subs.iloc[0]["paragraph"] + 1].iloc[0]
    assert nxt["text"].startswith("上海金山区廊下镇") and nxt["section"] == subs.iloc[0]["section"]
    assert (page.log["kind"] == "duplicate_heading").sum() == 1


@pytest.mark.parametrize("start, section_lead", [
    ("两个全市最快", "延伸工作链条"),
    ("漕河泾开发区", "提升服务能级"),
    ("抓重大任务落实", "打破行政壁垒"),
    ("从“支部建在楼上”", "促进共建共治"),
])
def test_known_paragraphs_land_in_their_sections(page, start, section_lead):
    row = page.paragraphs[page.paragraphs["text"].str.startswith(start)].iloc[0]
    assert row["section_title"].startswith(section_lead)


def test_caption_is_removed_from_the_text_into_its_table(page):
    assert not page.paragraphs["text"].str.contains("黄浦江畔高楼林立|王建华摄").any()
    cap = page.captions.iloc[0]
    assert (cap["caption"], cap["photographer"], cap["agency"]) == ("黄浦江畔高楼林立。", "王建华", "人民视觉")


def test_paragraph_cut_by_caption_is_rejoined(page):
    row = page.paragraphs[page.paragraphs["text"].str.contains("街道社区党建、驻区单位党建")]
    assert len(row) == 1 and row.iloc[0]["text"].startswith("伴随区域化党建的深入推进")
    cap = page.captions.iloc[0]
    assert row.iloc[0]["raw_start"] < cap["raw_start"] and cap["raw_end"] < row.iloc[0]["raw_end"]


def test_word_split_across_page_break_is_rejoined(page):
    assert page.paragraphs["text"].str.contains("试金石和磨刀石，确保党中央决策部署落地见效").sum() == 1


def test_page_typo_is_flagged_not_fixed(page):
    sic = page.log[(page.log["kind"] == "sic") & (page.log["rule"] == "repeated-chunk")]
    assert sic["before"].tolist() == ["做细做细"]
    assert page.paragraphs["text"].str.contains("要做实做细做细").sum() == 1


def test_page_overrides_flag_typos_no_rule_can_catch(page):
    sic = page.log[(page.log["kind"] == "sic") & (page.log["rule"] == "override")]
    assert sic["before"].tolist() == ["社区、街区、街区边界", "共同求建设"]
    assert (sic["before"] == sic["after"]).all()
    assert page.paragraphs["text"].str.contains("共同求建设").sum() == 1


def test_overrides_apply_only_to_the_document_with_their_hash():
    text = "上海市牢记嘱托，凝聚合力共同求建设、治理、发展难题。\n"
    result = clean.clean_document(text, "other")
    assert (result.log["rule"] == "override").sum() == 0
    overrides = pd.DataFrame([{"doc_sha256": hashlib.sha256(text.encode()).hexdigest(), "kind": "sic",
                               "match": "共同求建设", "reason": "verb missing"}])
    log = clean._Log("other")
    rows = [{"paragraph_id": "a1p01", "_text": text.strip(), "_span": lambda i, j: (i, j)}]
    clean._apply_overrides(text, rows, log, overrides)
    assert [r["before"] for r in log.rows] == ["共同求建设"] and log.rows[0]["rule"] == "override"


def test_page_counts(page):
    p = page.paragraphs
    assert len(p) == 58
    assert (p["position"] == "body").sum() == 43
    assert p.groupby("article").size().tolist() == [39, 7, 6, 6]
    assert page.sentences["sentence_id"].is_unique and p["paragraph_id"].is_unique


def test_no_ascii_punctuation_or_corner_quotes_left_in_page_text(page):
    assert not page.paragraphs["text"].str.contains(r"[,;:?()「」]").any()


def test_every_log_row_has_the_contract_fields(page):
    assert {"kind", "raw_start", "raw_end", "before", "after", "rule"} <= set(page.log.columns)
    assert (page.log["raw_start"] < page.log["raw_end"]).all() and (page.log["rule"] != "").all()


def test_paragraph_columns_follow_the_contract(page):
    assert list(page.paragraphs.columns) == clean.PARAGRAPH_COLUMNS
    assert list(page.sentences.columns) == clean.SENTENCE_COLUMNS
    assert set(page.paragraphs["position"]) == {"pre_title", "title", "section_lead", "section_subtitle", "body"}


def test_write_outputs_writes_the_five_tables(page, tmp_path, monkeypatch):
    for name in ("ARTICLES_CSV", "PARAGRAPHS_CSV", "SENTENCES_CSV", "CLEANING_LOG_CSV", "CAPTIONS_CSV"):
        monkeypatch.setattr(paths, name, tmp_path / f"{name.lower()}.csv")
    written = clean.write_outputs(page)
    assert len(written) == 5 and all(p.is_file() and p.stat().st_size > 0 for p in written)


def test_spaced_out_two_character_name_is_one_name():
    assert clean.parse_byline("本报记者  刘  毅") == (["刘毅"], ["本报记者"])


def test_credit_with_spaced_out_name_is_parsed_and_kept_as_printed():
    c = clean.parse_credit("本报记者  王  浩摄")
    assert (c["role"], c["photographer"], c["credit"]) == ("本报记者", "王浩", "本报记者  王  浩摄")


def test_page_structure_does_not_depend_on_blank_lines():
    text = read_text(paths.SEED_PAGE)
    packed = "\n".join(line for line in text.split("\n") if line.strip())
    a, b = clean.clean_page(text), clean.clean_page(packed)
    assert a.paragraphs["text"].tolist() == b.paragraphs["text"].tolist()
    assert a.articles["title"].tolist() == b.articles["title"].tolist()


def test_heading_repeated_with_a_fitting_body_each_time_is_kept_twice():
    page = ("标题甲\n本报记者 张三\n导语一段。\n图表说明\n第一张表的读法。\n其他内容——\n另一小标题\n另一段正文。\n"
            "图表说明\n第二张表的读法。\n")
    result = clean.clean_page(page, "t")
    assert (result.paragraphs["text"] == "图表说明").sum() == 2
    assert (result.log["kind"] == "duplicate_heading").sum() == 0


# --- Layouts beyond the seed page: one rule each, on snippets written for the test --------------------------------
def _positions(result, article=None):
    p = result.paragraphs if article is None else result.paragraphs[result.paragraphs["article"] == article]
    return list(zip(p["position"], p["text"]))


def test_heading_pair_whose_lead_is_a_question_is_a_section():
    page = ("果园里的新变化\n\n本报记者 张三\n\n村里的苹果今年又丰收了。\n\n小苹果如何走出大山？\n\n电商平台搭起销售桥梁\n\n"
            "去年起，合作社在网上开店，订单一天比一天多。\n")
    result = clean.clean_page(page, "t")
    body = result.paragraphs[result.paragraphs["text"].str.startswith("去年起")].iloc[0]
    assert (body["section"], body["section_title"]) == (1, "小苹果如何走出大山？——电商平台搭起销售桥梁")
    assert ("section_lead", "小苹果如何走出大山？") in _positions(result)
    assert result.log[result.log["rule"] == "heading-pair-question"]["raw_start"].tolist() == [page.index("小苹果")]


def test_heading_pair_whose_lead_ends_in_a_colon_is_a_section():
    page = ("小镇的一场官司\n\n本报记者 张三\n\n事情要从一棵老树说起。\n\n一审：\n\n法院驳回起诉\n\n法院认为，原告的证据不足。\n\n"
            "二审：\n\n双方达成和解\n\n在法官的调解下，双方握手言和。\n")
    result = clean.clean_page(page, "t")
    titles = result.paragraphs.drop_duplicates("section")["section_title"].tolist()
    assert titles == ["", "一审：——法院驳回起诉", "二审：——双方达成和解"]


def test_colon_ended_sentence_before_a_paragraph_stays_body():
    page = ("调查手记\n\n本报记者 张三\n\n走访了四个村以后，我们得到几点启示：\n\n发展经济要实事求是，不能好高骛远，更不能举债搞建设。\n")
    result = clean.clean_page(page, "t")
    assert [pos for pos, _ in _positions(result)] == ["title", "body", "body"]


def test_one_line_subheads_with_a_colon_are_headings_where_the_article_prints_several():
    page = ("各地收入稳步增长\n\n本报记者 张三\n\n东城：收入增长百分之十\n\n东城区去年收入稳步增长。\n\n西城：收入增长百分之八\n\n"
            "西城区去年收入也有增长。\n")
    result = clean.clean_page(page, "t")
    assert [st for _, st in result.paragraphs[result.paragraphs["position"] == "body"][["section", "section_title"]]
            .itertuples(index=False)] == ["东城：收入增长百分之十", "西城：收入增长百分之八"]
    assert (result.log["rule"] == "one-line-subhead").sum() == 2


def test_a_single_short_colon_line_is_not_a_subhead():
    page = "会议纪要\n\n本报记者 张三\n\n会议开得很成功。\n\n东城：收入增长百分之十\n\n东城区去年收入稳步增长。\n"
    result = clean.clean_page(page, "t")
    assert ("body", "东城：收入增长百分之十") in _positions(result)
    assert (result.log["rule"] == "one-line-subhead").sum() == 0


def test_question_subhead_counts_among_several_one_line_subheads():
    page = ("一场风波的来龙去脉\n\n本报记者 张三\n\n导语一段。\n\n风波起于一纸通知\n\n正文第一段。\n\n通知为何被撤回？\n\n"
            "正文第二段。\n")
    result = clean.clean_page(page, "t")
    assert result.paragraphs[result.paragraphs["text"] == "正文第二段。"].iloc[0]["section_title"] == "通知为何被撤回？"


def test_box_label_and_its_box_are_kept_out_of_the_body():
    page = ("新系统今起运行\n\n本报记者 张三\n\n新系统今天起在全省运行。\n\n链接\n\n这套系统由三个部分组成，已试点两年。\n\n"
            "下一篇的引题——\n\n下一篇标题\n\n本报记者 李四\n\n下一篇正文。\n")
    result = clean.clean_page(page, "t")
    assert _positions(result, 1) == [("title", "新系统今起运行"), ("body", "新系统今天起在全省运行。"), ("box_label", "链接"),
                                     ("box_body", "这套系统由三个部分组成，已试点两年。")]
    assert result.articles["title"].tolist() == ["新系统今起运行", "下一篇标题"]
    box = result.log[result.log["rule"] == "box-label"]
    assert len(box) == 1 and box.iloc[0]["raw_start"] == page.index("链接")


def test_opening_box_holds_one_paragraph_when_no_heading_closes_it():
    page = "关税再降\n\n本报记者 张三\n\n核心阅读\n\n今年起关税再次下调。\n\n正文第一段。\n\n正文第二段。\n"
    result = clean.clean_page(page, "t")
    assert [pos for pos, _ in _positions(result)] == ["title", "box_label", "box_body", "body", "body"]


def test_series_column_name_is_a_column():
    assert clean.is_series_column("人民论坛·基层治理系列谈③")
    assert clean.is_column_name("人民论坛·基层治理系列谈③")
    assert not clean.is_series_column("村民·镇长一场官司")


def test_commentary_in_a_series_column_gets_its_head_printed_after_the_body():
    page = ("标题甲\n\n本报记者 张三\n\n甲文第一段。\n\n人民论坛·基层治理系列谈③\n\n论坛正文第一段。\n\n论坛正文第二段。\n\n"
            "把实事办到心坎上\n\n王  五\n")
    art = clean.clean_page(page, "t").articles.iloc[1]
    assert (art["column"], art["title"], art["byline"], bool(art["head_after_body"])) == (
        "人民论坛·基层治理系列谈③", "把实事办到心坎上", "王五", True)


def test_byline_names_padded_with_ideographic_spaces():
    assert clean.parse_byline("本报记者　王　五") == (["王五"], ["本报记者"])
    assert clean.parse_byline("本报记者  王  五  本报通讯员  赵小六") == (["王五", "赵小六"], ["本报记者", "本报通讯员"])


def test_article_without_byline_after_a_complete_body_gets_its_own_head():
    page = ("甲省东县——\n\n果园飘香\n\n本报记者 张三\n\n东县的果园今年大丰收。\n\n乙省西县——\n\n茶山披绿\n\n"
            "西县的茶农忙着采新茶。（王五 赵六）\n")
    result = clean.clean_page(page, "t")
    arts = result.articles
    assert arts["title"].tolist() == ["果园飘香", "茶山披绿"]
    assert (arts.iloc[1]["pre_title"], arts.iloc[1]["byline"]) == ("乙省西县——", "")
    assert result.log[result.log["rule"] == "head-without-byline"]["before"].tolist() == ["茶山披绿"]


def test_lone_heading_pair_unlike_the_pages_pre_titles_stays_a_section():
    page = ("甲省东县——\n\n果园飘香\n\n本报记者 张三\n\n东县的果园今年大丰收。\n\n打开销路——\n\n网上订单多了\n\n"
            "合作社开起了网店。\n")
    result = clean.clean_page(page, "t")
    assert len(result.articles) == 1
    assert result.paragraphs.iloc[-1]["section_title"] == "打开销路——网上订单多了"


def test_long_pre_title_ending_in_a_dash_between_column_and_title():
    lead = "村民联名要求罢免村委会主任，乡里却迟迟不予答复，几个月过去，村里的矛盾越积越深，事情究竟为何走到这一步———"
    page = f"记者调查\n\n{lead}\n\n谁之过\n\n本报记者　王　五\n\n去年秋天，村民们递交了联名信。\n"
    result = clean.clean_page(page, "t")
    art = result.articles.iloc[0]
    assert (art["column"], art["pre_title"], art["title"], art["byline"]) == ("记者调查", lead, "谁之过", "王五")
    assert result.log[result.log["rule"] == "long-pre-title"]["raw_start"].tolist() == [page.index(lead)]


def test_subtitle_printed_after_the_title_has_position_subtitle():
    page = "新系统今起运行\n\n——明年起推广到全国\n\n本报记者 张三\n\n新系统今天起运行。\n"
    result = clean.clean_page(page, "t")
    assert result.articles.iloc[0]["subtitle"] == "——明年起推广到全国"
    assert [pos for pos, _ in _positions(result)] == ["title", "subtitle", "body"]


def test_caption_between_complete_paragraphs_joins_nothing():
    page = ("标题甲\n\n本报记者 张三\n\n第一段说完了。\n\n村口的新桥。\n\n本报记者  王  五摄\n\n第二段另起。\n\n"
            "第三段说完了。\n\n河边的新路。（本报记者  赵  六摄）\n\n第四段另起。\n")
    result = clean.clean_page(page, "t")
    assert result.paragraphs[result.paragraphs["position"] == "body"]["text"].tolist() == [
        "第一段说完了。", "第二段另起。", "第三段说完了。", "第四段另起。"]
    assert result.captions["caption"].tolist() == ["村口的新桥。", "河边的新路。"]
    assert not result.captions["cut_paragraph"].any()
    assert (result.log["kind"] == "rejoin_caption").sum() == 0


def test_paragraph_ending_in_a_dash_is_complete_not_cut():
    para = "近年来不少村子欠了债，我们走访了几个从不欠债的村子，想弄明白一个问题：它们靠的究竟是什么呢———"
    assert clean.looks_cut(para.rstrip("—")) and not clean.looks_cut(para)
    page = f"标题甲\n\n本报记者 张三\n\n{para}\n\n一是发展产业，二是管住支出。\n"
    body = clean.clean_page(page, "t").paragraphs
    assert (body["position"] == "body").sum() == 2


def test_page_opening_with_column_pre_title_title_and_a_subhead():
    page = ("经济观察\n\n收入增长质量提高——\n\n各地收入稳步增长\n\n东城：收入增长百分之十\n\n东城区去年收入稳步增长。\n\n"
            "西城：收入增长百分之八\n\n西城区去年收入也有增长。\n")
    result = clean.clean_page(page, "t")
    art = result.articles.iloc[0]
    assert (art["column"], art["pre_title"], art["title"], art["byline"]) == (
        "经济观察", "收入增长质量提高——", "各地收入稳步增长", "")
    assert result.paragraphs[result.paragraphs["position"] == "body"]["section"].tolist() == [1, 2]
