"""Word lists, character sets and patterns of the transition rules."""

from __future__ import annotations

import re
from typing import Iterable

#: Columns of the table :func:`extract_sentences` returns (the shared data contract).
COLUMNS = [
    "doc", "article", "section", "paragraph_id", "sentence_id", "position", "sentence", "marker", "subject",
    "source", "target", "verb", "source_quote", "target_quote", "chain_id", "step", "start", "end",
]

#: Longest pole accepted (characters, quotes included); longer spans are clauses, not poles. Party prose has
#: long targets (已经转化为人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾: 32 characters).
MAX_POLE = 40

#: Characters that end a clause: a pole never crosses one (ASCII forms occur in the page too).
CLAUSE_END = set("，,；;：:。！？!?（）()[]【】\n\t") | {"…", "—"}

# --- Verbs and nouns of change ---------------------------------------------------------------------------------
#: Verbs (and their nominal uses) that close 从X向Y__ / 从X向Y的__: the change is a movement towards Y.
TOWARD_VERBS = [
    "转变", "转化", "转型", "转换", "转移", "过渡", "发展", "拓展", "扩展", "延伸", "延展", "迈进", "跨越", "跨进",
    "跃升", "跃进", "提升", "升级", "演进", "演变", "推进", "深化", "拓宽", "前进", "迈出", "迈步", "蜕变", "嬗变",
    "进化", "升华", "挺进", "进军", "靠拢", "倾斜", "集中", "聚集", "流动", "迁移", "扩大", "延长", "调整",
    "变化", "改变", "转轨", "转向", "转", "变", "发力",
]
#: Verbs of physical movement: 从X向Y + one of these is movement in space when a pole is a place.
MOTION_VERBS = {"转移", "流动", "迁移", "挺进", "进军", "前进", "集中", "聚集", "靠拢", "倾斜"}
#: Nouns after 从X到Y的 that make the phrase a change (从计划经济到市场经济的转变).
CHANGE_NOUNS = [
    "转变", "转化", "转型", "转换", "转折", "跨越", "飞跃", "跃升", "跃进", "蜕变", "嬗变", "演变", "变迁", "变化",
    "变革", "巨变", "转轨", "过渡", "升级", "提升", "拓展", "延伸", "发展", "历程", "进步", "突破", "升华", "进化",
]
#: Verbs of the 从/由 X __ Y family that name the result directly (marker 从X走向Y or 由X转为Y).
#: 转入 "turn into" takes a stated source like 进入 (由私营转入公私合营); without 从/由 it has none (转入正常轨道).
GO_VERBS = ["走向", "迈向", "转向", "回归", "步入", "跨入", "迈入", "进入", "转入"]
BECOME_VERBS = [
    "转变为", "转变成", "转化为", "转化成", "转换为", "转换成", "演变为", "演变成", "蜕变为", "蜕变成", "发展为",
    "发展成为", "发展成", "转型为", "转型成", "变身为", "变身成", "改变为", "改造成", "改造为", "过渡到",
    "转为", "转成", "变为", "变成", "化为", "化成", "成长为", "改为", "改成", "改判为", "改制为", "改建为",
    "改变成为", "改造成为", "转变成为", "转化成为", "演变成为", "变成为", "改组为", "过渡为", "演进为", "转化到",
    "转变到", "发展到", "达到", "升级为", "改建为", "调整为", "上升为", "提升为", "改由",
]
#: 转到 closes 由X转到Y only onto a track or course (由粗放经营转到集约经营的轨道上来); otherwise it is a
#: transfer between places or bodies (转到社会保险机构), which is relocation.
_TRACK_RE = re.compile(r"转到([^，,。；;！？!?]{2,30}?)的?(?:轨道|路子|道路)上来")
#: A shift of focus (工作的着重点从X转到Y上来) is a transition of what comes first, not a relocation.
_FOCUS_RE = re.compile(r"重点|着重点|重心|注意力|中心任务|工作中心")
#: Poles that are emphases (以X为主, 以Y为中心): 从以X为主转到以Y为主 changes what comes first.
_EMPHASIS_RE = re.compile(r"以[^，,。；;]{1,12}?为(?:主|中心|重点|纲|主体|导向)")
#: Verbs for 把/将 X __ Y and X __ Y (the source stated before the verb).
TURN_VERBS = [
    "转变为", "转变成", "转化为", "转化成", "转换为", "转换成", "演变为", "演变成", "蜕变为", "蜕变成", "变身为",
    "变身成", "改变为", "改造成", "改造为", "转型为", "转型成", "转为", "转成", "变为", "变成", "化为", "化成",
    "改变成为", "改造成为", "转变成为", "转化成为", "演变成为", "变成为", "改为", "改组为", "改制为", "改建为",
    "升级为", "改组成为", "改组成", "发展成为", "改由",
]
#: 改由 "now run/financed by": X改由Y counts only when X names its former owner or agent (把国营商业中的小型企业…放开，
#: 改由集体承包经营); 改由地方自筹, 教师工资改由县财政管理 state no former form (the report gold's policy), and 由X改由Y states
#: it with 由 (a verb of becoming of the 由 family).
_OWNER_WORD = re.compile(r"国营|国有|公营|全民所有|集体所有|公办|民办|私营|私人|个体|省属|市属|县属|部属|直属|中央|行署|国家")
#: Verbs of growth that make X变成Y only with a source named in the clause before (一场政治动乱，进而发展成为Y):
#: in their own clause the subject is usually an entity that grows (上海发展成为中心), not a prior state.
GROWTH_TURN_VERBS = {"发展成为"}
#: A place or circumstance closing the words before a verb (进而在首都北京发展成为Y): not a source.
_LOCATIVE_END = re.compile(r"(?<![现存实正好所自内外])在[^，,的在]{1,8}$")
#: Change verbs anywhere in the sentence that support a plain 从X到Y (its matrix predicate).
SUPPORT_VERBS = [
    "转变", "转型", "转换", "转化", "升级", "跨越", "飞跃", "跃升", "蜕变", "嬗变", "演变", "变迁", "巨变", "迭代",
    "变革", "转折", "提升", "发展壮大", "成长", "走过", "经历", "实现了", "完成了", "变化",
]
#: Words of staged progress: they support a plain 从X到Y and read 从A、B到C as two steps (有步骤的，从A、B到C).
STAGE_WORDS = ["有步骤", "分步骤", "分阶段", "步骤", "阶段"]
#: Words right before 从 that announce a transition (实现从X到Y).
#: 经过了 "went through" is 经历了 (经过了从A到B的发展过程); a bare 经过 is "by way of" or "after" and is not one.
LEAD_VERBS = ["实现了", "完成了", "经历了", "经过了", "实现", "完成", "经历", "推动", "促进", "加快", "标志着", "走过了",
              "走过"]
#: Pairs of single-character state words read as a change of state (从无到有, 从弱到强).
STATE_PAIRS = {
    ("无", "有"), ("弱", "强"), ("少", "多"), ("低", "高"), ("穷", "富"), ("贫", "富"), ("慢", "快"), ("粗", "精"),
    ("虚", "实"), ("浅", "深"), ("量", "质"), ("乱", "治"), ("散", "聚"), ("弱", "大"), ("小", "强"),
    ("后", "先"), ("旧", "新"), ("差", "好"), ("难", "易"), ("有", "优"), ("大", "强"), ("多", "精"),
    ("治", "兴"), ("衰", "兴"), ("衰", "盛"), ("危", "安"), ("乱", "稳"), ("穷", "强"), ("贫", "强"), ("小", "大"),
    ("窄", "宽"),
}
#: Pairs that are ends of a scale in space or depth, or an order of proceeding: 由近及远, 由表及里, 由浅及深
#: describe how far or in what order (ruling R3: a manner), not a change of state.
SPATIAL_PAIRS = {("近", "远"), ("表", "里"), ("内", "外"), ("上", "下"), ("下", "上"), ("此", "彼"), ("点", "面"),
                 ("浅", "深"), ("易", "难"), ("简", "繁")}

# --- False triggers ---------------------------------------------------------------------------------------------
#: 从 followed by these is a word or a fixed phrase, not an opener (从事, 从业, 从严 …).
CONG_NOT_BEFORE = {"事", "业", "严", "此", "而", "未", "不", "来", "容", "众", "属", "军", "政", "教", "医", "商", "师",
                   "艺", "头", "宽", "重", "简", "速", "优", "轻", "快", "长", "今", "紧"}
#: ... unless 从 and that character begin a longer word (从教育 is 从 + 教育, not 从教 "to teach").
CONG_WORD_AFTER = {"紧张", "紧密", "紧缺", "教育", "教学", "商业", "商品", "医疗", "医药", "长期", "重工业", "轻工业", "重点", "优势", "快速",
                   "简单", "宽松", "军事"}
#: 从 preceded by these is the end of a word (服从, 自从, 何去何从 …).
CONG_NOT_AFTER = set("服随侍自何无盲顺听遵屈适主跟依力")
#: 由 followed by these is a word (由于, 由此, 由衷 …); 由 preceded by these likewise (自由, 理由 …).
YOU_NOT_BEFORE = set("于此衷来头是")
YOU_NOT_AFTER = set("自理缘经来事因不籍")
#: ... unless that character ends another word: 已经由 (已经 + 由), 管理由 (管理 + 由), not 经由 or 理由.
YOU_WORD_BEFORE = {"已经", "曾经", "管理", "治理", "处理", "办理", "代理", "清理", "整理", "审理", "受理", "合理", "总理"}
#: 到 preceded by these ends another word (得到, 达到, 看到 …) and is no connector.
DAO_NOT_AFTER = set("得受达遇看感做想来提见听收找迟报签直等谈说回走带送运拿搬派调传落轮赶拉跑飞开移转搞顾料碰")
#: 到 followed by these starts another word (到底, 到位, 到处 …).
DAO_NOT_BEFORE = set("底位处来期")
#: 是 preceded by these is part of a word (但是, 还是, 就是 …), not a copula closing a pole.
COPULA_NOT_AFTER = set("但于总就还都正若要凡只倒可硬老即像真算或不也却而更则便乃")
#: 向 preceded by these ends another word (方向, 面向, 导向 …).
XIANG_NOT_AFTER = set("方面导倾意志趋指取一偏风去纵横转走迈")
#: 向 followed by these starts another word (向往, 向来, 向心 …).
XIANG_NOT_BEFORE = set("往来心导")
#: 变 preceded by these is the end of a word (改变, 转变, 演变 …).
BIAN_NOT_AFTER = set("改转演蜕突巨多应灾病裂衰嬗聚剧骤异善病质量形政事哗")
#: Verbs or modal words that may stand right before the verb-initial 化X为Y / 转X为Y.
HUA_ALLOWED_BEFORE = ("要", "能", "善于", "努力", "着力", "力争", "积极", "主动", "并", "而", "就", "才", "便", "可",
                      "敢于", "勇于", "巧妙", "变", "一个", "一次")  # 一个化蛹成蝶的过程: the set phrase as a modifier

# --- Rejection vocabulary ---------------------------------------------------------------------------------------
_NUM = "0-9０-９零〇○一二三四五六七八九十百千万亿两几半"
TIME_POLE = re.compile(
    rf"^(?:[{_NUM}]+(?:年|月|日|号|点|时|分|秒|世纪|年代|岁|周|天|多年)[{_NUM}]*(?:月|日|号|年代|初|底|末|中|上旬|中旬|下旬)?.*"
    r"|.*(?:时|时候|期间|以后|之后|以前|之前|之初|以来|当天|当日|那天|这天|年初|年底|年末|月底|月初|年代|世纪|清晨|早晨|傍晚|深夜|凌晨)"
    rf"|(?:过去|近|最近|前|这|那)[{_NUM}]+(?:个)?(?:年|月|天|周)"  # 过去五年, 近十年: a stretch of time
    r"|现在|如今|今天|目前|当前|过去|当时|以前|此前|今|古|早|晚|昔|明天|昨天|去年|今年|明年|开始|最初|最后|古代|"
    r"现代|当代|近代|上午|下午|晚上|白天|黑夜|春|夏|秋|冬|周一|周末|年头|年尾|月头|月尾|开工|建国|解放|新中国成立)$"
)
NUMERIC_POLE = re.compile(
    r"[0-9０-９]|[%％‰]|(?:[零〇○二三四五六七八九十百千两几半]|一[十百千万亿])[十百千万亿]*"
    r"(?:成|倍|个|万|亿|元|人|次(?!产业)|家|吨|亩|公里|米|斤|户|名|所|项|台|辆|件|位|种|分|度|级|层|岁|块|美元|档|比)"
    r"|百分之|[一二三四五六七八九十]+比[一二三四五六七八九十]+"
    rf"|第[{_NUM}]+(?:条|款|项|章|节|编|目|段|部分|位|名)"  # renumbering a provision or a rank (第三条改为第四条)
    r"|[一二两三四五六七八九十]次(?!性|产业)"  # a frequency (由每年一次改为每两年一次)
)
DURATION_AFTER = re.compile(
    rf"^[^。！？!?；;]{{0,12}}?(?:用了|用|花了|花|历时|耗时|需要|需|仅|只|不到|共|前后|整整|长达)[^，,。！？!?；;]{{0,4}}[{_NUM}]+\s*(?:个)?(?:天|日|年|个月|月|小时|分钟|周|秒|星期)"
)
DISTANCE_AFTER = re.compile(rf"^[^。！？!?；;，,]{{0,10}}[{_NUM}]+\s*(?:公里|千米|米|里|站|海里|英里)")
#: Words ending a pole that make it movement in space (从北京出发, 从群众中来).
MOTION_IN_POLE = re.compile(r"(?:出发|起飞|启程|动身|(?<![起往未以原本后近从将])来|去|走|飞|回|赶|乘|坐|步行|开车|运|送|出来|进来)$")
#: Ends of a scale of levels or places: both poles in this set make a range (从中央到地方).
SCOPE_WORDS = set(
    "中央 地方 基层 省 市 县 乡 镇 村 城 乡村 城市 农村 城镇 国内 国外 海内 海外 境内 境外 全国 全省 全市 沿海 内地 "
    "东部 西部 中部 南方 北方 东 西 南 北 上 下 里 外 前 后 左 右 内 天 地 头 脚 尾 高层 底层 领导 群众 干部 党员 "
    "党内 党外 中国 世界 国家 社会 家庭 个人 集体 政府 企业 学校 机关 部队 老 少 老人 孩子 大人 小孩 男 女 "
    "山区 平原 城里 乡下 首都 边疆 南国 北国 天上 地下 地上 陆地 海上 空中 这里 那里 这头 那头".split()
)
PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|镇|乡|村|州|岛|港|站|机场|街|路|湾|江|河|湖|海|山|峡|口|门|城|国|洲|家)$")
#: Quantifiers after a 从X到Y range (从城市到农村都 …, 从A到B等).
SCOPE_AFTER = re.compile(r"^[^。！？!?；;]{0,14}?(?:都|均|无不|皆|无一|一律|处处|人人|个个|全都|统统|一应俱全|应有尽有)")
#: The whole of a chain or process after the last pole (从生产源头到消费的全程监管, …到“最后一公里”衔接畅通).
WHOLE_CHAIN = re.compile(r"全程|全过程|全链条|全产业链|全流程|全周期|全生命周期|各环节|各个环节|全覆盖|衔接|贯通|打通")
SCOPE_IN_POLE = re.compile(r"(?:都|均|各|每|等|诸)|各级|各类|各种|各个|所有")
#: Viewpoint endings: 从X到Y来看, 从A到B说起.
VIEWPOINT_END = re.compile(r"(?:来看|看来|看|说起|讲起|谈起|做起|抓起|入手|着手|开始|起步|出发|上看|上说|而言|来说)$")
#: Pronouns and empty words that cannot be a stated source (使其转化为 …).
PRONOUN_SOURCE = re.compile(r"^(?:其|之|它|它们|他|他们|她|她们|此|这|那|这些|那些|自己|自身|我们|你们|其中|对方)$")
#: A whole country or region as the source (使中国变成…, 把西藏变成…): an entity, not a state of it.
#: Foreign states and regions are entities too: 企图把老挝变为它的军事基地 names a country, not a state of it (a
#: 国-suffix cannot stand for them: 农业国 and 工业国 are kinds of country, and 把农业国变成工业国 counts).
FOREIGN_ENTITIES = {
    "老挝", "越南", "南越", "北越", "柬埔寨", "泰国", "缅甸", "朝鲜", "南朝鲜", "北朝鲜", "韩国", "日本", "蒙古", "菲律宾",
    "印度", "印度尼西亚", "印尼", "马来西亚", "新加坡", "巴基斯坦", "阿富汗", "伊朗", "伊拉克", "以色列", "巴勒斯坦",
    "叙利亚", "黎巴嫩", "约旦", "埃及", "阿尔及利亚", "刚果", "古巴", "美国", "苏联", "俄罗斯", "英国", "法国", "德国",
    "西德", "东德", "意大利", "加拿大", "澳大利亚", "香港", "澳门", "亚洲", "非洲", "欧洲", "拉丁美洲", "拉美", "中东",
    "东南亚", "印度支那", "南亚", "西亚", "中南半岛",
}
ENTITY_SOURCE = {"中国", "我国", "祖国", "全国", "国家", "本国", "我们国家", "这个国家", "西藏", "台湾", "世界",
                 "全世界"} | FOREIGN_ENTITIES
#: A country's economy or society with no state named (把别国的经济变成附庸): still a bare entity.
ENTITY_OWNED = re.compile(rf"^(?:别国|他国|外国|各国|本国|我国|中国|祖国|国家|别人|他人|{'|'.join(sorted(FOREIGN_ENTITIES))})"
                          r"的?(?:经济|社会|面貌|领土)$")
#: A quantity's trend, degree or sign as a pole (由下降转为上升, 转向回升, 由偏快转为过热, 由亏损转为盈利): a numeric
#: change, not a change of kind (ruling R1); a deficit of some size closing into balance is one too (a decision of
#: the report gold: 收支从有较大赤字转为基本平衡 is a quantity changing sign, unlike 供不应求 -> 供求平衡, a state of the market).
TREND_POLE = re.compile(r"^(?:[^，,]{0,6}的)?(?:生产|产量|产值|收入|财政收入|价格|物价|利润|出口|进口|投资|增速|速度|效益)?"
                        r"(?:连年|持续|逐年|大幅|小幅|明显|较快|快速|稳步|缓慢|结构性|输入性)?"
                        # a sign held to a size (有很大赤字, 出现巨额逆差): still the sign of a balance
                        r"(?:(?:有|出现了?|存在)?(?:很大|较大|巨大|巨额|大量|大额|严重|少量|较多|很多|一定)的?"
                        r"(?=亏损|盈利|赤字|盈余|逆差|顺差)|(?:有|出现了?|存在)(?=亏损|盈利|赤字|盈余|逆差|顺差))?"
                        r"(?:偏快|过快|偏慢|过慢|过热|偏热|过冷|偏冷|偏高|过高|偏低|过低|偏紧|过紧|偏松|过松|"
                        r"亏损|盈利|赤字|盈余|逆差|顺差|"
                        r"上升|下降|回升|回落|增长|减少|下滑|上涨|下跌|负增长|正增长|减产|增产|"
                        r"升|降|增|减|涨|跌)$")
#: Modifiers that make the target the source again, only more of it (从胜利走向更大的胜利, ruling R2).
SAME_KIND_PREFIX = re.compile(r"^(?:更大的|更高的|更好的|更新的|更多的|更加|更|新的|新|又一个|一个又一个|进一步的)$")
#: Modifiers of size only (小规模的, 规模较大的, 大型): poles that share their head and differ only in these are one
#: kind of thing at another scale (从小规模的合作社到规模较大的合作社: R2 and R4, a degree, not a change of kind).
SCALE_MODIFIER = re.compile(r"^(?:规模)?(?:较|更|很|比较)?(?:小|大|中|小型|大型|中型|中小型|小规模|大规模|中等规模)"
                            r"(?:规模)?的?$")
#: People named by the move they made (农业转移人口, 流动人口): their becoming residents where they went completes a
#: relocation (people moving between sectors or places), not a change of kind; 农民工 names a kind of worker.
RELOCATED_PEOPLE = re.compile(r"(?:转移|流动|迁移|外迁|迁徙)(?:人口|劳动力|人员)$")
#: A span that starts at a point of time: 从明年起, 从今年10月份起.
TIME_FROM = re.compile(r"^[^，,]{0,10}?(?:年|月|日|号|份|世纪|现在|今天|今后|目前|此|那时|这时|当时)(?:开始)?起")
#: Verbs of extension in space or coverage: 由X向Y延伸 / 由X推广到Y with units or places as poles is scope.
EXTEND_VERBS = {"延伸", "扩展", "拓展", "推广", "扩大", "覆盖", "延长", "普及", "辐射", "伸展"}
#: Poles that name a domain, sector or group (领域, 行业, 群体 …): with a verb of extension the range widens.
DOMAIN_POLE = re.compile(r"(?:领域|行业|产业|地区|区域|群体|人群|部门|环节|范围|层面|方面|地方)$")
#: Verbs before 到 that make 由/从X V到Y a relocation, an extension of scope or a shift of a burden, not a change of
#: kind (由主要行业推广到次要行业, 把负担转嫁到…); the verbs of becoming (发展到, 过渡到) are connectors of their own.
SCOPE_TO_VERBS = ["推广", "扩展", "扩大", "延伸", "覆盖", "普及", "拓展", "转移", "下放", "上收", "转嫁", "集中", "分散",
                  "调整", "下沉", "延长", "增加", "提高", "降低", "减少", "压缩", "缩短", "深入", "落实", "传达", "贯彻"]
#: Parts of a whole as a source (私营商业中有一半以上, 有半数上下): the whole is the pole.
PARTITIVE = (r"(?:有)?(?:一半|半数|大半|大部分|绝大部分|大多数|绝大多数|多数|少数|一部分|相当一部分|相当部分|部分|"
             r"全部|一些|若干|(?:将近|近|约|共)?[0-9０-９零〇○一二三四五六七八九十百千万亿两几，,．.]+(?:余|多)?"
             r"(?:万户|万家|户|家|个|所|座|名|位|人))(?:上下|左右|以上|以下)?")
#: A count of the whole is a part of it too: 全国私营工业有３，０００余户转为公私合营 -> 私营工业.
_PARTITIVE_ONLY = re.compile(rf"^(?:其中)?{PARTITIVE}$")
_PARTITIVE_TAIL = re.compile(rf"^(.{{2,}}?)(?:中|之中|里)?的?{PARTITIVE}$")
#: Words that govern the source and are not part of it (严格控制农业人口转为非农业人口, 使X变为Y).
GOVERN_LEAD = [
    "严格控制", "控制", "有效防止了", "防止了", "防止", "禁止", "严禁", "允许", "鼓励和指导", "鼓励", "指导", "开展", "缩短",
    "形成", "避免", "支持", "继续", "加快", "加速", "推动", "促进", "促使", "引导", "帮助", "要求", "力争", "争取",
    "尽快", "确保", "保证", "决定",
]
#: Where the first of verb phrases joined by 或 begins (与企业联合、参加企业集团或转为…, 进入企业或改制为…).
_VP_START = re.compile(r"与|同|跟|进入|参加|加入|实行|开展|兴办|组建|联合|兼并|合并|并入|划归|改为|转为")
#: Adverbs of manner ending in 地 before the verb (更多更快地转化为, 逐步地转变为), stripped from a source.
ADVERB_DI = re.compile(r"(?:(?:更[好快多加]|逐步|逐渐|尽可能|迅速|有效|有序|积极|稳妥|切实|真正|及时|顺利|自觉|主动|"
                       r"不断|大量|分别|大批|成批|普遍|坚决|彻底|全部|很快|较快|尽快)地?)+$")
#: Conjunctions and modal words that may open a clause before the verb (或改为Y, 今后应逐步改为Y).
CLAUSE_LEAD = ["或者", "或则", "或是", "或", "并且", "并", "再", "而且", "而", "还", "也", "又", "以及", "今后", "以后", "将来",
               "由于", "因为", "如果", "只有", "只要", "一旦", "当", "开始", "准备", "拟", "应当", "应该", "应", "要", "须", "必须", "需要", "可以", "可", "能够", "能否", "是否",
               "分别", "一律", "一般", "均", "都", "已经", "已", "正在", "将", "就", "则", "便", "才"]
#: Heads that a transition can modify (…转化为生产力的时间, …过渡到全民所有制的最好形式): cut off the target.
TARGET_HEAD = re.compile(
    r"(?:的[^，,]{0,8}?(?:要求|过程|时间|最好的?形式|途径|道路|趋势|阶段|时期|试点|改革|步伐|速度|办法|做法|任务|"
    r"方向|目标|关键|变化|转变|重要途径|实际|危险|倾向|现象|规定|大革命|主张|建议)"
    r"|(?:这个|这一|这种)[^的，,]{1,4}|阶段实际|试点(?:工作)?|以后|之后|以来|的?(?:轨道|路子|道路)上来)$")

#: Words stripped from the start of a subject (the verbs and adverbs that govern the clause, not the thing).
SUBJECT_LEAD = [
    "推动", "推进", "促进", "促使", "引导", "带动", "实现", "加快", "加速", "使得", "使", "让", "将", "把", "要", "并且",
    "并", "而且", "而", "也", "还", "又", "更", "进一步", "不断", "努力", "着力", "积极", "逐步", "持续", "正在",
    "正", "已经", "已", "都", "就", "才", "由此", "因此", "同时", "如今", "目前", "现在", "于是", "从而", "其中",
    "随着", "通过", "以",
]
#: Words stripped from the end of a subject (adverbs and auxiliaries before 从/由/实现).
SUBJECT_TRAIL = [
    "也", "都", "已经", "已", "正在", "正", "逐步", "逐渐", "开始", "将", "要", "就", "还", "更", "又", "进一步",
    "不断", "加快", "加速", "日益", "渐渐", "实现了", "实现", "完成了", "完成", "经历了", "经历", "先后", "相继",
    "均", "全面", "必须", "需要", "应当", "应该", "应", "能够", "可以", "能", "会", "正式", "开始了", "努力", "着力",
    "逐步地", "稳步", "迅速", "快速", "大步", "一步步", "一步一步", "在",
]
#: Adverbs stripped from the end of a 把/将/X-变成 source (切实转化为 …).
SOURCE_TRAIL = [
    "切实", "真正", "有效", "逐步", "逐渐", "迅速", "最终", "彻底", "全面", "一举", "一下子", "正在", "正", "已经",
    "已", "都", "也", "将", "要", "能", "会", "可以", "能够", "就", "便", "才", "又", "还", "均", "全部", "悄然",
    "渐渐", "慢慢", "终于", "一个个", "纷纷", "早已", "已然", "正式", "成功", "努力", "尽快", "加快", "不断",
    "却", "竟", "竟然", "则", "现在", "如今", "今天", "后来", "最终", "一下子", "自然", "必将", "势必", "往往", "常",
    "常常", "经常",
]


def _alts(words: Iterable[str]) -> str:
    """A regex alternation, longest words first so 转变为 wins over 转变."""
    return "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w)))


_TOWARD_RE = re.compile(rf"(的)?({_alts(TOWARD_VERBS)})")
#: 的 + (an evaluative modifier) + change noun: 的转变, 的大转变, 的历史性转折.
CHANGE_NOUN_MODIFIERS = ["大", "重大", "伟大", "历史性", "根本性", "深刻", "巨大", "革命性", "质的", "全面", "重要",
                         "战略性", "新的", "一次", "一场"]
_CHANGE_NOUN_RE = re.compile(rf"的(?:{_alts(CHANGE_NOUN_MODIFIERS)}|[^的，,。、]{{0,4}}?)({_alts(CHANGE_NOUNS)})")
_GO_RE = _alts(GO_VERBS)
_BECOME_RE = _alts(BECOME_VERBS)
#: A verb of conversion joined to a verb of building before 成为 (把X调整和建设成为Y, 把X改造和建设成为Y): the first
#: verb remakes a body that exists, so X is a body of another kind than Y (a body becoming a different kind of body
#: counts). Only after 把/将: as a predicate, 结构调整和改造成为重点 makes the two verbs a subject of 成为. A bare
#: 建设成为 is refused (把我国建设成为…: the source is no state).
COORD_TURN = (r"(?:调整|改造|改组|改建|整顿|整顿和改组)(?:和|与|并|、)(?:建设|发展|改造|调整|改组|改建|充实|提高|完善)"
              r"成为?")
_TURN_RE = re.compile(rf"{COORD_TURN}|{_alts(TURN_VERBS)}")
_COORD_TURN_RE = re.compile(COORD_TURN)
#: A place or administrative unit ending a source (天津港, 老城区, 浦东新区): an entity (部门 is a body, not a place).
_PLACE_UNIT = re.compile(r"(?:省|市|县|区|镇|乡|村|州|岛|港|城|城市|地区|国)$")
#: A governing verb inside a source (…、鼓励和指导X): its object is the source.
_GOVERN_INSIDE = re.compile(_alts([w for w in GOVERN_LEAD if len(w) >= 2 and w not in ("形成", "继续", "决定")]))
_BECOME_ANY_RE = re.compile(_alts(set(TURN_VERBS) | set(BECOME_VERBS) - {"达到", "发展到"}))
#: A verb of becoming opening a clause after the one 从/由 opened (从X，Y，转为Z), at most two clauses later.
_LATE_BECOME_RE = re.compile(r"(?:[，,][^，,。；;！？!?：:从由]{1,30}){0,2}[，,](?:逐步|逐渐|开始|进一步|及时|适时|也|都|已经|终于)?"
                             r"(转为|转向|转变为|改为|变为|过渡到|转到|达到了|达到)")
#: A clause that goes on a chain of going or becoming (由A，转向B，走向C): a verb of going or becoming opens it. Verbs
#: of entering (进入, 步入, 迈入) are left out: …，进入新的阶段 names a stage reached, not the next state of the chain.
_CHAIN_GO_RE = re.compile(r"[，,](?:再|进而|然后|最终|最后|继而|并|逐步|逐渐|进一步)?(走向|迈向|转向|转为|转变为|过渡到)")
#: A means inside a source running over commas (从X上经过十五年的努力，…，达到了Y): the source stops before it.
_MEANS_IN_SOURCE = re.compile(r"(?:上|中)?(?:经过|通过|经)(?=[^，,]{2,})")
#: A goal as the target of 达到 (达到…的目的): an aim reached, not a state changed into.
_GOAL_TARGET = re.compile(r"(?:目的|目标|效果|要求|标准|程度)$")
#: 从 a group + a verb of selecting (从工农兵中选拔学生进入高校): the origin of people moved, not a prior state.
_SELECT_FROM = re.compile(r"(?:中|之中|里|内)(?:选拔|挑选|抽调|选调|选派|吸收|招收|招聘|招录|录用|抽出|选出|提拔|推荐)")
