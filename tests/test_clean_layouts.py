"""Layout rules of today's party-building pages, on small literal snippets (text written for the tests)."""

from __future__ import annotations

from fromto import clean

HEAD = "标题甲\n\n本报记者 张三\n\n"


def _positions(result, article=None):
    p = result.paragraphs if article is None else result.paragraphs[result.paragraphs["article"] == article]
    return list(zip(p["position"], p["text"]))


def _heads(result):
    return [tuple(r) for r in result.articles[["column", "pre_title", "title", "byline"]].itertuples(index=False)]


# --- section headings -------------------------------------------------------------------------------------------
def test_question_over_an_answer_line_with_a_comma_is_a_heading_pair():
    page = HEAD + "开篇一段说完了。\n\n人才从哪里来？\n\n校地联手，订单培养\n\n去年起，县里和职校签下协议，按需培养技工。\n"
    assert _positions(clean.clean_page(page, "t"))[-3:] == [
        ("section_lead", "人才从哪里来？"), ("section_subtitle", "校地联手，订单培养"),
        ("body", "去年起，县里和职校签下协议，按需培养技工。")]


def test_lead_ending_in_a_colon_over_a_line_of_two_clauses_is_a_heading_pair():
    page = HEAD + "开篇一段说完了。\n\n文化铸魂：\n\n让历史智慧，照进现实\n\n在祠堂里，讲解员讲起清官的故事。\n"
    assert _positions(clean.clean_page(page, "t"))[-3:] == [
        ("section_lead", "文化铸魂："), ("section_subtitle", "让历史智慧，照进现实"),
        ("body", "在祠堂里，讲解员讲起清官的故事。")]


def test_two_short_unterminated_lines_between_paragraphs_are_a_heading_pair():
    page = HEAD + "开篇一段说完了。\n\n服务上门，办事不出村\n\n便民站点遍布全镇\n\n镇里在每个村设了代办点，群众少跑腿。\n"
    result = clean.clean_page(page, "t")
    assert [pos for pos, _ in _positions(result)][-3:] == ["section_lead", "section_subtitle", "body"]
    assert (result.log["rule"] == "heading-pair-plain").sum() == 1


def test_short_lead_over_a_quotation_of_several_clauses_is_a_heading_pair():
    page = (HEAD + "开篇一段说完了。\n\n扎根一线\n\n“走进车间，蹲在田头，才知道群众要什么”\n\n"
            "干部下沉，问题就在一线解决。\n\n久久为功\n\n“一任接着一任干”\n\n十年来，村里的路修到了家门口。\n")
    assert _positions(clean.clean_page(page, "t"))[-6:-3] == [
        ("section_lead", "扎根一线"), ("section_subtitle", "“走进车间，蹲在田头，才知道群众要什么”"),
        ("body", "干部下沉，问题就在一线解决。")]


def test_quotation_of_several_clauses_ending_a_sentence_under_a_short_line_is_no_heading():
    page = (HEAD + "开篇一段说完了。\n\n扎根一线\n\n“走进车间，蹲在田头，才知道群众要什么。”\n\n"
            "干部下沉，问题就在一线解决。\n\n久久为功\n\n“一任接着一任干”\n\n十年来，村里的路修到了家门口。\n")
    assert ("section_subtitle", "“走进车间，蹲在田头，才知道群众要什么。”") not in _positions(clean.clean_page(page, "t"))


def test_lone_question_before_the_first_subhead_stays_a_paragraph():
    page = (HEAD + "过去群众办事要跑好几趟。\n\n转变是怎么发生的？\n\n近年来，县里推行一窗受理，办事时间大大缩短。\n\n"
            "窗口前移\n\n第一节的正文说完了。\n\n流程再造\n\n第二节的正文也说完了。\n")
    assert ("body", "转变是怎么发生的？") in _positions(clean.clean_page(page, "t"))


def test_lone_question_wholly_in_quotation_marks_after_subheads_stays_a_paragraph():
    page = (HEAD + "开篇一段说完了。\n\n讲给世界听\n\n他常给外国学员上课。\n\n“中国的民主是什么样的？”\n\n"
            "他用一个个社区的故事来回答。\n\n讲到心里去\n\n第二节的正文也说完了。\n")
    assert ("body", "“中国的民主是什么样的？”") in _positions(clean.clean_page(page, "t"))


def test_lone_question_after_subheads_without_quotation_marks_is_a_subhead():
    page = (HEAD + "开篇一段说完了。\n\n讲给世界听\n\n他常给外国学员上课。\n\n中国的民主是什么样的？\n\n"
            "他用一个个社区的故事来回答。\n\n讲到心里去\n\n第二节的正文也说完了。\n")
    assert ("section_lead", "中国的民主是什么样的？") in _positions(clean.clean_page(page, "t"))


def test_short_question_followed_by_a_list_of_answers_is_a_paragraph():
    page = (HEAD + "开篇一段说完了。\n\n产业起步\n\n第一节的正文说完了。\n\n村里发展缺的是啥？\n\n"
            "缺资金：合作社一年只有几万元周转；\n\n缺人才：年轻人大多外出务工。\n\n办法总比困难多\n\n第二节的正文也说完了。\n")
    assert ("body", "村里发展缺的是啥？") in _positions(clean.clean_page(page, "t"))


def test_one_line_subheads_of_two_clauses_in_series_are_headings_not_broken_sentences():
    page = (HEAD + "开篇一段说完了。\n\n整治乱象，全程监管\n\n“这罚款怎么这么重？”\n\n店主一句抱怨，引出了一条线索。\n\n"
            "“数字赋能”，查一次就够\n\n如今，执法人员进企业只扫一次码。\n")
    assert [(pos, t) for pos, t in _positions(clean.clean_page(page, "t")) if pos != "body"][-2:] == [
        ("section_lead", "整治乱象，全程监管"), ("section_lead", "“数字赋能”，查一次就够")]


def test_one_line_subheads_of_phrases_joined_by_enumeration_commas_in_series_are_headings():
    page = (HEAD + "开篇一段说完了。\n\n组织共建、资源共享\n\n第一节的正文说完了。\n\n"
            "服务联办、难题联解\n\n第二节的正文也说完了。\n")
    assert [t for pos, t in _positions(clean.clean_page(page, "t")) if pos == "section_lead"] == [
        "组织共建、资源共享", "服务联办、难题联解"]


def test_one_line_subhead_of_two_clauses_with_a_plain_subhead_in_the_article_is_a_heading():
    page = (HEAD + "开篇一段说完了。\n\n整治乱象，全程监管\n\n第一节的正文说完了。\n\n"
            "数字赋能\n\n第二节的正文也说完了。\n")
    assert [t for pos, t in _positions(clean.clean_page(page, "t")) if pos == "section_lead"] == [
        "整治乱象，全程监管", "数字赋能"]


def test_one_line_subheads_of_three_short_clauses_in_series_are_headings():
    page = (HEAD + "开篇一段说完了。\n\n党建引领，多方联动，共建共治\n\n第一节的正文说完了。\n\n"
            "服务上门，难题就地解\n\n第二节的正文也说完了。\n")
    assert [t for pos, t in _positions(clean.clean_page(page, "t")) if pos == "section_lead"] == [
        "党建引领，多方联动，共建共治", "服务上门，难题就地解"]


def test_a_lone_short_line_with_a_comma_is_not_taken_for_a_subhead():
    page = HEAD + "开篇一段说完了。\n\n整治乱象，全程监管\n\n店主一句抱怨，引出了一条线索。\n\n后来的事大家都知道了。\n"
    assert "section_lead" not in [pos for pos, _ in _positions(clean.clean_page(page, "t"))]


def test_column_and_title_pairs_in_series_inside_a_body_are_section_headings():
    page = (HEAD + "开篇一段说完了。\n\n查问题\n\n三处短板摆上桌面\n\n第一节的正文说完了。\n\n"
            "补短板\n\n一项一项对账销号\n\n第二节的正文也说完了。\n")
    result = clean.clean_page(page, "t")
    assert len(result.articles) == 1
    assert [pos for pos, _ in _positions(result)].count("section_lead") == 2


# --- boxes ------------------------------------------------------------------------------------------------------
def test_core_reading_summary_broken_at_enumeration_commas_is_one_box_paragraph():
    page = ("标题甲\n\n本报记者 张三\n\n核心阅读\n\n党建引领基层治理，关键在统筹组织、\n\n资源、\n\n力量，让各方拧成一股绳。\n\n"
            "正文第一段说完了。\n\n正文第二段也说完了。\n")
    result = clean.clean_page(page, "t")
    assert _positions(result)[1:] == [
        ("box_label", "核心阅读"), ("box_body", "党建引领基层治理，关键在统筹组织、资源、力量，让各方拧成一股绳。"),
        ("body", "正文第一段说完了。"), ("body", "正文第二段也说完了。")]


def test_box_label_with_a_square_and_the_box_title_under_it():
    page = HEAD + "正文说完了。\n\n■链接\n\n某省推进村务公开\n\n某省去年起推行村级账目月月公开。\n"
    assert _positions(clean.clean_page(page, "t"))[-3:] == [
        ("box_label", "■链接"), ("box_body", "某省推进村务公开"), ("box_body", "某省去年起推行村级账目月月公开。")]


def test_note_signed_by_the_editors_after_its_last_sentence_is_complete():
    assert clean.ends_paragraph("近日，记者赴多地采访。——编  者")
    page = HEAD + "近日，记者赴多地采访，了解各地的做法。——编  者\n\n腊月里，联络站装饰一新。\n"
    assert [pos for pos, _ in _positions(clean.clean_page(page, "t"))].count("body") == 2


def test_line_ending_in_an_enumeration_comma_looks_cut():
    assert clean.looks_cut("统筹组织、") and not clean.looks_cut("组织形态新、运行方式新")


# --- heads ------------------------------------------------------------------------------------------------------
def test_series_line_above_the_head_is_the_column():
    page = "深阅读·乡村振兴的新路径\n\n标题甲\n\n本报记者 张三\n\n正文说完了。\n"
    assert _heads(clean.clean_page(page, "t")) == [("深阅读·乡村振兴的新路径", "", "标题甲", "张三")]


def test_series_line_between_title_and_byline_is_the_column():
    page = "村里的“新路子”\n\n深阅读·乡村振兴的新路径\n\n本报记者 张三\n\n正文说完了。\n"
    assert _heads(clean.clean_page(page, "t")) == [("深阅读·乡村振兴的新路径", "", "村里的“新路子”", "张三")]


def test_numbered_series_line_between_title_and_byline_is_the_column():
    page = "正文一段说完了。\n\n乡村的变化\n\n调查·基层减负观察②\n\n本报记者 张三\n\n正文说完了。\n"
    assert _heads(clean.clean_page(page, "t"))[-1] == ("调查·基层减负观察②", "", "乡村的变化", "张三")


def test_title_that_reads_like_a_column_over_an_unnumbered_series_line_is_the_title():
    # after a complete article, a short plain title over a series line and a byline: the series line names the
    # column, so the line above it is the title, not a second column
    page = ("标题甲\n\n本报记者 张三\n\n正文说完了。\n\n老城何以焕新颜\n\n前沿观察·做推动基层治理的行家里手\n\n"
            "本报记者 李四\n\n正文也说完了。\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == ("前沿观察·做推动基层治理的行家里手", "", "老城何以焕新颜", "李四")


def test_box_label_over_a_title_and_a_byline_is_the_column_of_an_article():
    page = ("编后\n\n乡村振兴的人才密码\n\n张  三\n\n编者的话说完了。\n\n标题乙\n\n本报记者 李四\n\n正文说完了。\n\n"
            "编后\n\n基层治理的温度从哪里来\n\n王  五\n\n又一段编者的话。\n")
    heads = _heads(clean.clean_page(page, "t"))
    assert heads[0] == ("编后", "", "乡村振兴的人才密码", "张三")
    assert heads[-1] == ("编后", "", "基层治理的温度从哪里来", "王五")


def test_box_label_over_paragraphs_inside_an_article_stays_a_box():
    page = HEAD + "正文说完了。\n\n编后\n\n这样的做法值得推广，群众的事要办到心坎上。\n"
    assert _positions(clean.clean_page(page, "t"))[-2:] == [
        ("box_label", "编后"), ("box_body", "这样的做法值得推广，群众的事要办到心坎上。")]


def test_short_line_over_a_reports_title_and_byline_is_its_pre_title_without_a_dash():
    page = (HEAD + "开篇一段说完了。\n\n全国劳动模范、外卖骑手张某某\n\n“把每一单送到心坎上”\n\n本报记者 李四\n\n"
            "清晨六点，他已经骑上电动车出发了。\n")
    result = clean.clean_page(page, "t")
    assert _heads(result)[-1] == ("", "全国劳动模范、外卖骑手张某某", "“把每一单送到心坎上”", "李四")
    assert (result.log["rule"] == "report-pre-title").sum() == 1


def test_short_line_over_a_paragraph_stays_a_subhead_and_a_column_line_over_a_head_stays_a_column():
    page = (HEAD + "开篇一段说完了。\n\n服务送到家门口\n\n清晨六点，他已经骑上电动车出发了。\n\n"
            "前沿观察\n\n“把每一单送到心坎上”\n\n本报记者 李四\n\n正文也说完了。\n")
    result = clean.clean_page(page, "t")
    assert ("section_lead", "服务送到家门口") in _positions(result)
    assert _heads(result)[-1] == ("前沿观察", "", "“把每一单送到心坎上”", "李四")


def test_column_line_of_eleven_characters_above_a_pre_title():
    page = "基层组织建设创新实践录\n\n某县某村党委——\n\n标题甲\n\n本报记者 张三\n\n正文说完了。\n"
    assert _heads(clean.clean_page(page, "t")) == [("基层组织建设创新实践录", "某县某村党委——", "标题甲", "张三")]


def test_commentary_opening_the_page_takes_its_column_and_its_head_printed_after_it():
    page = ("今日评说\n\n第一段评论说完了。\n\n第二段评论也说完了。\n\n把实事办到心坎上\n\n李四\n\n"
            "某县——\n\n标题乙\n\n本报记者 张三\n\n报道正文说完了。\n")
    assert _heads(clean.clean_page(page, "t")) == [
        ("今日评说", "", "把实事办到心坎上", "李四"), ("", "某县——", "标题乙", "张三")]


def test_byline_less_article_right_after_a_head_printed_after_its_body():
    page = ("今日评说\n\n评论正文说完了。\n\n把实事办到心坎上\n\n李四\n\n监督哨\n\n标题乙\n\n案例正文说完了。\n\n案例正文第二段。\n")
    heads = _heads(clean.clean_page(page, "t"))
    assert heads[-1] == ("监督哨", "", "标题乙", "")


def test_speaker_pre_title_ending_in_a_colon_opens_an_article_without_byline():
    page = (HEAD + "报道正文说完了。\n\n某省某市网约车行业协会志愿车队党支部书记、队长王某某：\n\n有组织在，大家就不会走散\n\n"
            "我是一名网约车司机，从业已经八年。\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == (
        "", "某省某市网约车行业协会志愿车队党支部书记、队长王某某：", "有组织在，大家就不会走散", "")


def test_title_of_two_spaced_phrases_under_a_pre_title_is_a_title_not_a_byline():
    page = "某市推动村务公开——\n\n路通了  心宽了\n\n王小明  李大海\n\n正文说完了。\n"
    assert _heads(clean.clean_page(page, "t")) == [("", "某市推动村务公开——", "路通了  心宽了", "王小明、李大海")]


# --- captions ---------------------------------------------------------------------------------------------------
def test_chart_source_line_is_a_credit_without_a_caption_line():
    page = HEAD + "第一段说完了。\n\n数据来源：某部门网站\n\n第二段说完了。\n"
    result = clean.clean_page(page, "t")
    assert result.captions["credit"].tolist() == ["数据来源：某部门网站"]
    assert [t for pos, t in _positions(result) if pos == "body"] == ["第一段说完了。", "第二段说完了。"]


# --- heads printed without a byline -------------------------------------------------------------------------------
BODY = "第一篇的正文写到这里就完了。\n\n"


def test_column_and_pre_title_over_a_title_without_byline_open_an_article():
    page = (HEAD + BODY + "基层党旗在一线高高飘扬\n\n聚焦主业强本领——\n\n荒滩上种出好光景\n\n"
            "这几年，村里把荒滩改成了果园，收入翻了一番。\n")
    assert _heads(clean.clean_page(page, "t"))[1] == ("基层党旗在一线高高飘扬", "聚焦主业强本领——", "荒滩上种出好光景", "")


def test_pre_title_naming_a_place_opens_an_article_where_a_short_phrase_lead_is_a_section_heading():
    page = (HEAD + BODY + "队伍怎么带——\n\n老党员结对新党员\n\n村里给每名新党员配了一名老党员当师傅。\n\n"
            "某某省某某县——\n\n小院议事解民忧\n\n每月初，村民们聚在院里商量村里的大事小情。\n")
    result = clean.clean_page(page, "t")
    assert [h[2] for h in _heads(result)] == ["标题甲", "小院议事解民忧"]
    assert ("section_lead", "队伍怎么带——") in _positions(result, article=1)


def test_sentence_long_pre_title_over_a_title_without_byline_opens_an_article():
    page = (HEAD + BODY + "多地创新办法，推动党员干部在一线担当作为——\n\n实干方能开新局\n\n"
            "开春以来，各地干部走进田间地头解难题。\n")
    assert _heads(clean.clean_page(page, "t"))[1][1:3] == ("多地创新办法，推动党员干部在一线担当作为——", "实干方能开新局")


def test_pre_title_over_a_title_in_two_spaced_halves_opens_an_article():
    page = HEAD + BODY + "聚焦主业强本领——\n\n学在日常  干在经常\n\n去年以来，单位每周组织一次业务学习。\n"
    assert _heads(clean.clean_page(page, "t"))[1][1:3] == ("聚焦主业强本领——", "学在日常  干在经常")


def test_series_line_over_a_title_without_byline_opens_an_article():
    page = HEAD + BODY + "前沿探索·基层治理新实践\n\n网格里的暖心事\n\n社区把居民楼划成网格，每格配一名党员。\n"
    assert _heads(clean.clean_page(page, "t"))[1][:3] == ("前沿探索·基层治理新实践", "", "网格里的暖心事")


def test_series_line_printed_under_a_title_without_byline_is_the_column():
    page = (HEAD + BODY + "网格里的暖心事\n\n前沿探索·基层治理新实践\n\n——某某市推进网格化治理纪实\n\n"
            "社区把居民楼划成网格，每格配一名党员。\n")
    result = clean.clean_page(page, "t")
    assert result.articles.iloc[1][["column", "title", "subtitle"]].tolist() == [
        "前沿探索·基层治理新实践", "网格里的暖心事", "——某某市推进网格化治理纪实"]


def test_column_over_a_title_after_a_paragraph_signed_in_brackets_opens_an_article():
    page = HEAD + "第一篇的正文写到这里就完了。（王  五）\n\n观察窗\n\n年味里的新风尚\n\n今年春节，不少单位简化了团拜活动。\n"
    assert [h[2] for h in _heads(clean.clean_page(page, "t"))] == ["标题甲", "年味里的新风尚"]


def test_column_over_a_title_in_two_halves_opens_an_article_after_an_article_with_heading_pairs():
    page = (HEAD + BODY + "服务上门，办事不出村\n\n便民站点遍布全镇\n\n镇里在每个村设了代办点，群众少跑腿。\n\n"
            "党旗在一线飘扬\n\n凝聚向心力  激发新活力\n\n清晨，园区的党员服务站早早开了门。\n")
    assert _heads(clean.clean_page(page, "t"))[1][:3] == ("党旗在一线飘扬", "", "凝聚向心力  激发新活力")


def test_commentary_without_byline_takes_the_title_printed_after_its_body():
    page = (HEAD + BODY + "时评栏\n\n作风建设永远在路上，一刻也不能松懈。\n\n既要抓常抓长，也要抓细抓实。\n\n"
            "作风建设不松劲\n\n某某省某某县——\n\n小院议事解民忧\n\n每月初，村民们聚在院里商量村里的大事小情。\n")
    result = clean.clean_page(page, "t")
    assert _heads(result)[1:] == [("时评栏", "", "作风建设不松劲", ""), ("", "某某省某某县——", "小院议事解民忧", "")]
    assert _positions(result, article=2) == [("title", "作风建设不松劲"),
                                             ("body", "作风建设永远在路上，一刻也不能松懈。"),
                                             ("body", "既要抓常抓长，也要抓细抓实。")]
    assert bool(result.articles.iloc[1]["head_after_body"])


def test_short_column_name_over_a_title_and_paragraph_is_not_a_byline():
    page = (HEAD + BODY + "时评栏\n\n作风建设永远在路上，一刻也不能松懈。\n\n作风建设不松劲\n\n监督岗\n\n"
            "私设小金库必严查\n\n前不久，某某县纪委查处了一起违规问题。\n")
    heads = _heads(clean.clean_page(page, "t"))
    assert heads[-1][:3] == ("监督岗", "", "私设小金库必严查")
    assert all(h[3] != "监督岗" for h in heads)


def test_lead_naming_a_place_or_a_party_body_is_a_report_pre_title():
    assert clean.is_report_pre_title("某某省某某市——")
    assert clean.is_report_pre_title("某某研究院党委——")
    assert not clean.is_report_pre_title("队伍怎么带——")


def test_title_in_two_halves_set_apart_by_a_wide_space_is_a_two_part_title():
    assert clean.is_two_part_title("学在日常  干在经常")
    assert not clean.is_two_part_title("学在日常，干在经常")


def test_title_in_two_halves_alone_between_paragraphs_opens_an_article():
    page = HEAD + BODY + "学在日常  干在经常\n\n去年以来，单位每周组织一次业务学习。\n"
    assert [h[2] for h in _heads(clean.clean_page(page, "t"))] == ["标题甲", "学在日常  干在经常"]


def test_title_alone_after_a_paragraph_signed_in_brackets_opens_an_article():
    page = HEAD + "第一篇的正文写到这里就完了。（王  五）\n\n年味里的新风尚\n\n今年春节，不少单位简化了团拜活动。\n"
    assert [h[2] for h in _heads(clean.clean_page(page, "t"))] == ["标题甲", "年味里的新风尚"]



def test_numbered_series_line_after_a_signed_paragraph_is_the_commentary_column_not_a_title():
    page = (HEAD + "第一篇的正文写到这里就完了。（王  五）\n\n时评栏·作风建设系列谈③\n\n"
            "作风建设永远在路上，一刻也不能松懈。\n\n既要抓常抓长，也要抓细抓实。\n\n作风建设不松劲\n\n李四\n\n"
            "某某省某某县——\n\n小院议事解民忧\n\n本报记者 赵六\n\n每月初，村民们聚在院里商量村里的大事小情。\n")
    assert _heads(clean.clean_page(page, "t")) == [
        ("", "", "标题甲", "张三"), ("时评栏·作风建设系列谈③", "", "作风建设不松劲", "李四"),
        ("", "某某省某某县——", "小院议事解民忧", "赵六")]


SECTIONS = ("开篇一段说完了。\n\n查问题\n\n三处短板摆上桌面\n\n第一节的正文说完了。\n\n"
            "补短板\n\n一项一项对账销号\n\n第二节的正文也说完了。\n\n")


def test_column_and_title_after_sections_over_a_piece_signed_at_its_end_open_an_article():
    page = (HEAD + SECTIONS + "监督岗\n\n私设小金库的代价\n\n前不久，某某县纪委查处了一起违规问题。\n\n"
            "【说法】集体资金不是小金库，必须用在明处。（王  五）\n")
    result = clean.clean_page(page, "t")
    assert _heads(result) == [("", "", "标题甲", "张三"), ("监督岗", "", "私设小金库的代价", "")]
    assert [pos for pos, _ in _positions(result, article=1)].count("section_lead") == 2


def test_column_and_title_after_sections_without_a_signed_end_are_one_more_section():
    page = (HEAD + SECTIONS + "陪餐制\n\n共筑食品安全防线\n\n如今，校长每天和学生一起吃午饭。\n\n家长们说，放心多了。\n")
    result = clean.clean_page(page, "t")
    assert len(result.articles) == 1
    assert [pos for pos, _ in _positions(result)].count("section_lead") == 3


def test_a_reporters_credit_for_words_taken_down_signs_a_piece():
    page = (HEAD + SECTIONS + "监督岗\n\n私设小金库的代价\n\n前不久，某某县纪委查处了一起违规问题。（本报记者李四整理）\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == ("监督岗", "", "私设小金库的代价", "")


def test_title_asking_a_question_under_a_column_line_opens_an_article():
    page = (HEAD + BODY + "监督岗\n\n阳光房，见不得光？\n\n前不久，某某县纪委查处了一起违规问题。\n\n"
            "【说法】集体资金不是小金库，必须用在明处。\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == ("监督岗", "", "阳光房，见不得光？", "")


def test_column_line_after_a_signed_paragraph_over_a_commentary_whose_head_follows_it_is_its_column():
    page = (HEAD + "老党员说，这些年村里的路修好了，灯装亮了，大伙的心气也越来越足了。（本报记者李四整理）\n\n今日评说\n\n"
            "作风建设永远在路上，一刻也不能松懈。\n\n既要抓常抓长，也要抓细抓实。\n\n作风建设不松劲\n\n赵  六\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == ("今日评说", "", "作风建设不松劲", "赵六")


def test_column_like_second_line_of_a_heading_pair_ending_in_a_colon_does_not_open_a_commentary():
    page = (HEAD + "开篇一段说完了。\n\n制度固本：\n\n让清廉融入城市治理\n\n这一节的正文说完了。\n\n"
            "这一节的正文第二段。\n\n基层党旗在一线飘扬\n\n某某省某某市强化基层治理——\n\n小院议事解民忧\n\n"
            "每月初，村民们聚在院里商量村里的大事小情。\n")
    result = clean.clean_page(page, "t")
    assert _heads(result) == [("", "", "标题甲", "张三"),
                              ("基层党旗在一线飘扬", "某某省某某市强化基层治理——", "小院议事解民忧", "")]
    assert ("section_lead", "制度固本：") in _positions(result, article=1)


def test_two_four_character_halves_without_a_role_under_a_column_are_a_title_not_a_byline():
    page = (HEAD + BODY + "党旗在基层一线飘扬\n\n物业进村  乡村更美\n\n"
            "走进村子，道路干净整洁，垃圾分类有序。\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == ("党旗在基层一线飘扬", "", "物业进村  乡村更美", "")


def test_column_and_title_right_under_a_commentary_head_printed_after_its_body_open_an_article():
    page = ("今日评说\n\n作风建设永远在路上，一刻也不能松懈。\n\n既要抓常抓长，也要抓细抓实。\n\n作风建设不松劲\n\n李  四\n\n"
            "观察窗\n\n网格里的新气象\n\n社区把居民楼划成网格，每格配一名党员。\n\n" + SECTIONS)
    result = clean.clean_page(page, "t")
    assert _heads(result) == [("今日评说", "", "作风建设不松劲", "李四"), ("观察窗", "", "网格里的新气象", "")]
    assert [pos for pos, _ in _positions(result, article=2)].count("section_lead") == 2


def test_title_alone_right_under_a_commentary_head_printed_after_its_body_opens_an_article():
    page = ("今日评说·作风建设系列谈③\n\n作风建设永远在路上，一刻也不能松懈。\n\n既要抓常抓长，也要抓细抓实。\n\n"
            "作风建设不松劲\n\n本报评论员 李四\n\n办事不用来回跑\n\n去年起，县里推行一窗受理，群众办事少跑腿。\n")
    assert _heads(clean.clean_page(page, "t")) == [
        ("今日评说·作风建设系列谈③", "", "作风建设不松劲", "李四"), ("", "", "办事不用来回跑", "")]


# --- heads over paragraphs a photo caption cuts; commentaries under an unnumbered series line -------------------
def test_column_and_title_in_halves_over_a_paragraph_cut_by_a_photo_caption_open_an_article():
    page = ("今日评说\n\n作风建设永远在路上，一刻也不能松懈。\n\n既要抓常抓长，也要抓细抓实。\n\n作风建设不松劲\n\n李  四\n\n"
            "观察窗\n\n网格管起来  服务跟上去\n\n——社区干部谈网格治理\n\n今年起，社区把居民楼划成网格：每格配\n\n\n\n"
            "党员在网格里走访住户。\n\n王  五摄\n\n一名党员，随叫随到，居民有事不出楼。\n")
    result = clean.clean_page(page, "t")
    assert _heads(result) == [("今日评说", "", "作风建设不松劲", "李四"), ("观察窗", "", "网格管起来  服务跟上去", "")]
    assert result.articles["subtitle"].tolist()[-1] == "——社区干部谈网格治理"


def test_commentary_under_an_unnumbered_series_line_after_an_article_takes_its_head_printed_after_its_body():
    page = (HEAD + "开篇一段说完了。\n\n第二段也说完了。\n\n今日评说·作风建设系列谈\n\n作风建设永远在路上，一刻也不能松懈。\n\n"
            "既要抓常抓长，也要抓细抓实。\n\n作风建设不松劲\n\n李  四\n")
    result = clean.clean_page(page, "t")
    assert _heads(result) == [("", "", "标题甲", "张三"), ("今日评说·作风建设系列谈", "", "作风建设不松劲", "李四")]
    assert _positions(result, article=2)[-1] == ("body", "既要抓常抓长，也要抓细抓实。")


# --- photo credits ----------------------------------------------------------------------------------------------
def test_credit_naming_the_body_that_supplied_the_photo_is_a_credit():
    assert clean.parse_credit("某某区某某街道供图")["photographer"] == "某某区某某街道"
    assert clean.parse_credit("某某市委组织部供图")["credit"] == "某某市委组织部供图"
    assert clean.parse_credit("社区为展览专门供图。") is None   # a sentence about photos is no credit


def test_credit_for_all_the_photos_above_is_a_credit_with_its_photographer():
    credit = clean.parse_credit("以上图片均为王  五摄")
    assert (credit["caption"], credit["photographer"]) == ("", "王五")
    assert clean.parse_credit("他用手机拍摄") is None


def test_supplier_credit_takes_the_caption_line_before_it_out_of_the_body():
    page = (HEAD + "开篇一段讲社区的新变化，居民们\n\n\n\n社区党员在驿站为骑手送上热饮。\n\n某某区某某街道供图\n\n"
            "纷纷点赞，说这里的服务越来越贴心。\n")
    result = clean.clean_page(page, "t")
    assert result.captions["caption"].tolist() == ["社区党员在驿站为骑手送上热饮。"]
    assert _positions(result)[-1] == ("body", "开篇一段讲社区的新变化，居民们纷纷点赞，说这里的服务越来越贴心。")


# --- a head whose only line over the byline ends in —— -----------------------------------------------------------
def test_line_ending_in_a_dash_right_over_a_reporters_byline_is_the_title():
    page = (HEAD + "开篇一段说完了。\n\n某某省某某市纪委监委——\n\n本报记者  李  四\n\n"
            "今年以来，市纪委监委把监督触角延伸到村组。\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == ("", "", "某某省某某市纪委监委——", "李四")
    # with a title between them the line ending in —— stays the pre-title
    page = (HEAD + "开篇一段说完了。\n\n某某省某某市纪委监委——\n\n把监督触角延伸到村组\n\n本报记者  李  四\n\n"
            "今年以来，市纪委监委把监督触角延伸到村组。\n")
    assert _heads(clean.clean_page(page, "t"))[-1] == ("", "某某省某某市纪委监委——", "把监督触角延伸到村组", "李四")


def test_title_in_three_spaced_parts_over_one_name_after_a_commentary_body_is_the_title():
    page = ("今日评说\n\n作风建设永远在路上，一刻也不能松懈。\n\n既要抓常抓长，也要抓细抓实。\n\n抓得紧  落得实  见成效\n\n"
            "李  四\n\n观察窗\n\n网格里的新气象\n\n社区把居民楼划成网格，每格配一名党员。\n")
    assert _heads(clean.clean_page(page, "t")) == [("今日评说", "", "抓得紧  落得实  见成效", "李四"),
                                                   ("观察窗", "", "网格里的新气象", "")]


# --- a round-up opening the page: title, series line, ——subtitle, then reports with their own bylines ----------
_ROUND_UP_REPORT = ("某某省某某县某某村——\n\n一次议事会，管用！\n\n本报记者  李  四\n\n"
                    "村里的议事会开到了田间地头。\n")


def test_page_opening_with_title_series_line_under_it_and_subtitle_is_a_head_without_byline():
    page = ("暖心一路  温情相伴\n\n新春走基层·一线观察\n\n——服务流动党员见闻\n\n春节将至，流动党员的脚步不停。\n\n"
            + _ROUND_UP_REPORT)
    assert _heads(clean.clean_page(page, "t"))[0] == ("新春走基层·一线观察", "", "暖心一路  温情相伴", "")


def test_page_opening_with_series_line_over_title_and_subtitle_is_a_head_without_byline():
    page = ("新春走基层·一线观察\n\n暖心一路  温情相伴\n\n——服务流动党员见闻\n\n春节将至，流动党员的脚步不停。\n\n"
            + _ROUND_UP_REPORT)
    result = clean.clean_page(page, "t")
    assert _heads(result)[0] == ("新春走基层·一线观察", "", "暖心一路  温情相伴", "")
    assert result.articles["subtitle"].tolist()[0] == "——服务流动党员见闻"


# --- notes wholly in brackets; subheads set in halves -----------------------------------------------------------
def test_note_wholly_in_brackets_with_brackets_inside_ends_a_paragraph():
    assert clean.ends_paragraph("（作者单位：某某大学（某某学院）某某研究中心）")
    assert not clean.ends_paragraph("（某某）某某（某某）")


def test_commentary_signed_with_an_affiliation_note_takes_its_head_printed_after_it():
    page = (HEAD + "开篇一段说完了。\n\n今日评说·作风建设系列谈\n\n作风建设永远在路上，一刻也不能松懈。\n\n"
            "既要抓常抓长，也要抓细抓实。\n\n（作者单位：某某大学（某某学院）某某研究中心）\n\n作风建设不松劲\n\n李  四\n\n"
            "某某省某某县——\n\n小院议事解民忧\n\n本报记者  王  五\n\n每月初，村民们聚在院里商量村里的大事小情。\n")
    result = clean.clean_page(page, "t")
    assert _heads(result)[1] == ("今日评说·作风建设系列谈", "", "作风建设不松劲", "李四")
    assert _positions(result, article=2)[-1] == ("body", "（作者单位：某某大学（某某学院）某某研究中心）")


def test_subheads_in_halves_of_the_same_shape_inside_an_article_are_section_headings():
    page = (HEAD + "开篇一段说完了。\n\n察实情  办实事\n\n第一节的正文说完了。\n\n解难题  促发展\n\n"
            "第二节的正文说完了。\n\n强队伍  优服务\n\n第三节的正文说完了。\n")
    result = clean.clean_page(page, "t")
    assert len(result.articles) == 1
    assert [t for pos, t in _positions(result) if pos == "section_lead"] == [
        "察实情  办实事", "解难题  促发展", "强队伍  优服务"]


def test_subheads_led_by_a_label_and_a_colon_may_list_with_enumeration_commas():
    page = (HEAD + "开篇一段说完了。\n\n开局：先把问题摸清\n\n第一节的正文说完了。\n\n"
            "协同：整合资源、上下贯通\n\n第二节的正文说完了。\n")
    assert [t for pos, t in _positions(clean.clean_page(page, "t")) if pos == "section_lead"] == [
        "开局：先把问题摸清", "协同：整合资源、上下贯通"]
    assert not clean.is_subhead("整合资源、上下贯通")


def test_credit_for_a_group_of_photos_takes_every_caption_printed_together_inside_a_cut_paragraph():
    page = (HEAD + "开篇一段讲社区的新变化，居民们\n\n\n\n党员在小区里清理楼道。\n\n志愿者为老人理发。\n\n"
            "以上图片均为王  五摄\n\n纷纷点赞，说这里的服务越来越贴心。\n")
    result = clean.clean_page(page, "t")
    assert result.captions["caption"].tolist() == ["党员在小区里清理楼道。", "志愿者为老人理发。"]
    assert _positions(result)[-1] == ("body", "开篇一段讲社区的新变化，居民们纷纷点赞，说这里的服务越来越贴心。")
    # between complete paragraphs a short sentence above the caption stays a paragraph
    page = (HEAD + "开篇一段说完了。\n\n这一年，变化不小。\n\n志愿者为老人理发。\n\n以上图片均为王  五摄\n\n"
            "第二段也说完了。\n")
    assert ("body", "这一年，变化不小。") in _positions(clean.clean_page(page, "t"))


def test_credit_naming_no_photographer_is_a_credit_and_takes_its_caption_line():
    assert clean.parse_credit("资料图片")["photographer"] == ""
    assert clean.parse_credit("以上图片均为受访者提供")["credit"] == "以上图片均为受访者提供"
    assert clean.parse_credit("为群众提供") is None and clean.parse_credit("一些资料图片") is None
    page = (HEAD + "开篇一段讲镇上的新变化，老街上\n\n\n\n修缮一新的老街。\n\n资料图片\n\n"
            "游客一年比一年多。\n")
    result = clean.clean_page(page, "t")
    assert result.captions["caption"].tolist() == ["修缮一新的老街。"]
    assert _positions(result)[-1] == ("body", "开篇一段讲镇上的新变化，老街上游客一年比一年多。")
