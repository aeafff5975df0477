"""Find every explicit "from X to Y" transition in Chinese sentences, by construction, before segmentation.

A *transition* is an explicit claim that something changes from a state or form X into a different Y.
The extractor works on the characters of one sentence (jieba splits poles unevenly, so tokens are not used)
and recognises these constructions; ``marker`` names the construction, ``verb`` holds the word actually used:

=====================  ==============================================  ======================================
marker                 shape                                           example (verb)
=====================  ==============================================  ======================================
``从X向Y+V``           从/由 X 向 Y + change verb                        关系从“松散型”向“紧密型”转变 (转变)
``从X向Y的N``          nominal form, 向 Y 的 + change noun               从“行政为主”向“多元共治”的拓展 (拓展)
``从X到Y``             从 X 到 Y, verb-less too, chains 再到/进而          从管好“一幢楼”到融合“一座城”
``从X到Y的N``          从 X 到 Y 的 + change noun                        从计划经济到市场经济的转变 (转变)
``实现从X到Y``         实现/完成 + 从 X 到 Y                              实现从党委政府主导到自治共治协同 (实现)
``由X到Y``             由 X 到 Y (and 由X向Y+V, 由X向Y的N)               由粗放经营到集约经营
``从X走向Y``           从/由 X 走向/迈向/转向/回归/进入 Y                 从封闭走向开放 (走向)
``由X转为Y``           从/由 X 转为/转变为/变为/变成/改为/发展为/过渡到/    由被动应付转为主动服务 (转为)
                       发展到/达到/调整为 … Y; 转到 Y 的轨道上来
``由X变Y``             set phrase: 由/从 X 变 Y (poles of 1-2 characters)    由大变强, 由被动变主动 (变)
``由X及Y``             set phrase of two state words with 及               由乱到治、由治及兴 (及)
``变X为Y``             变/化/转 X 为 Y, often in series                  变各自为战为共同奋战 (变)
``把X变成Y``           把/将 X 变成/变为/转化为/转变为 … Y                把“工业锈带”变成“生活秀带” (变成)
``X变成Y``             X 变成/变为/转化为/演变为 … Y (X stated)            昔日的荒滩变成了良田 (变成)
``“X”变“Y”``           quoted pole 变 quoted pole                        “独唱”变“合唱” (变)
``X向Y转变``           X 向 Y + verb of change of kind, no 从/由           推动中国制造向中国创造转变 (转变)
``本来是X，现在成了Y``  本来/原来/过去 是 X，现在/如今 … 成了/成为/变为 Y     这里本来是荒滩，现在成了良田 (成了)
=====================  ==============================================  ======================================

Report prose (the Government Work Reports) writes the same constructions in more shapes, and the rules take them:

* a source outside the construction's clause: written in the clause before (把X，逐步转为Y; 增强X的责任感，并切实
  转化为Y), shared by a later verb (把X改组为Y，或改为Z), running over commas to a later verb (把重点从X，Y，转为Z;
  it stops before a means: 从X上经过…的努力，…，也达到了Y), named as a whole before a part (私营商业中有一半以上
  转变为Y -> 私营商业), a body counted with 有 (全国有N个X，现在已经改组成为Y), the subject of a clause of time
  (X在…以后，已经开始转变为Y), the object after a measure word (掀起了一场X，进而在…发展成为Y: 发展成为 only with
  such a source, since in its own clause its subject is an entity that grows), or the sentence's topic after a
  clause 他们是X (the pronoun's antecedent). Where a 变成-clause holds only adverbs (…的事情，如今却变成了现实) the
  source is the clause before, if it is a noun phrase (built with 的, or at most four characters);
* a former state and a present one: a 原来/本来/过去 clause, with or without 是, then a verb of change after a word
  of then or now (原来设计烧煤，以后改为烧油; 过去X，现在变成了Y), or ended after 现在 (现在不再交纳了); a 过去/原来
  attributive of the clause's subject and the present state after 现在 (过去凭票供应的商品，现在已大部分敞开供应);
  an entity described by its prior state and the state it sank into (本来十分友好的中越关系恶化到了严重对立的地步:
  the states are the poles);
* substitution and a new course: 用/以Y(来)代替/取代X and 改变/离开/摆脱X，而代之以/转向Y (the thing replaced or
  left is the source); leaving a practice for a new track in the next clause (改变X的做法，逐步转到Y方面来); a thing
  led from one road or state onto another (把X从Y的道路拖到Z的道路上去); 改由Y with the former owner or agent
  stated (由X改由Y, 把国营的X放开，改由Y; 改由地方自筹 has none); a shift of focus (着重点从X转到Y上来);
* stages and chains: a stage passed through and the stage reached, 经过X，逐步过渡到Y (not an effort or a time:
  经过几年的努力); 经过了 leading 从X到Y like 经历了; chains with 、 before 到 under staged progress (有步骤的，
  从A、B到C); a chain of verbs of going or becoming over clauses (由A，转向B，走向C; a step into a place, 走向世界,
  or a stage entered, 进入新的阶段, ends it); 由X转入Y like 进入;
* conversion: a pronoun resuming the object of a verb of conversion in the same sentence (改造X，使之转变为Y;
  after 改造 a plain 成为 too: 改造X使它们成为Y); a verb of conversion joined to one of building after 把
  (把X调整和建设成为Y; never a place, never bare 建设成为); a verb of becoming in a relative clause after aspect or
  negation (没有转为公私合营的资本主义工业: the noun modified is the source);
* coordination and set phrases: constructions joined by 、 (A演变为B、C演变为D); verbs of becoming joined by 或者
  sharing one source (已经变为A、B或者直接变为C); parallel poles after a word-making character
  (从重过程向重结果转变); 化X成Y (化蛹成蝶) and 汇/聚/积X成Y; set phrases before 是/的/时 (由大变强是…, 由强变弱时)
  and 由乱到治走向由治及兴.

A source is reduced to its core: no governing verb (严格控制, 鼓励和指导, 使), modal or adverb (今后应, 逐步地,
更多更快地), quantifier (十八万户). A count of the whole (私营工业有３，０００余户) is a part, while a body counted
with 有 or a counted owner before 的 is a source, not a quantity; a thousands separator ends no clause; 十分 "very"
is no quantity. A target stops before the noun the construction modifies (…过渡到全民所有制的最好形式,
…改为征收增值税的一项重要改革). A bare X向Y takes only verbs of change of kind (转变, 转型, 转化, 过渡 …), never verbs of
movement or growth (发展, 迈进), which describe where an entity goes, not what it was. A copula closes a 从X到Y
target (从“要我学”到“我要学”是一个转变).

These shapes were written from the tuning part of a gold standard of report sentences
(``resources/report_gold_transitions.csv``: random samples drawn in five rounds, each annotated by LLM-based
readers under a written labelling policy before any tool ran on it, each split into a tuning and a held-out half
before annotation). The latest round's held-out half is never read while rules are written;
``benchmarks/transitions_reports.py`` measures it. ``EVALUATION.md`` records what each round added and how the
held-out figures moved.

Chains (从A到B，再到C / 从A到B进而C) give one row per step: A→B is step 1, B→C step 2, sharing ``chain_id``.
A chain written with a comma before the first 到 (从A，到B，再到C) needs at least two steps, so the mass-line
slogan 从群众中来，到群众中去 is not taken for a transition.

Rules that reject look-alikes (each is a kind of construction, not a string of one page):

* false triggers — 从 inside a word or as a preposition of manner/origin (从事, 从业, 从严, 从此, 从而, 从未,
  服从, 自从, 何去何从 …), 由 inside a word (由于, 自由, 理由, 由此 …), 到/向/为 ending another word (得到,
  方向, 成为 …), 变 inside a word (改变, 变化, 变着 …);
* ``time`` — a pole that is a point or stretch of time (2001年, 现在, 过去, 开工时 …) or a duration in the
  same or the next clause (只花了90天): 从项目签约生效至居民100%撤离 and 从居民撤离到项目开工只花了90天;
  the connector 至 is never taken (in news prose it marks spans and ranges);
* ``numeric`` — a pole that is a quantity (23%, 三成, 100万元, 每年一次, 第三条): 从23%下降到17%; a quantity's
  trend, degree or sign (ruling R1 of the report gold: 由下降转为上升, 转降为升, 由偏快转为过热, 由亏损转为盈利),
  a deficit of some size closing into balance (从有很大赤字达到基本平衡) and a degree of speed (超高速状态);
* ``space`` — motion or distance (从上海出发到北京, 行程从A到B 300公里) and poles that are both places
  or both ends of a scale of levels (从中央到地方, 从城市到农村);
* ``scope`` — a range or enumeration of scope: 从X到Y followed by 都/均/无不/各/每/等 (从选址到装修，再到验收，
  每个环节都 …), a series in which one 从X到Y is a range of places (从城市到农村，从生产力到生产关系…), a range
  over a whole chain (从田间到餐桌的全过程监管), viewpoint phrases 从X到Y来看, and extension of coverage or
  relocation (由行政村向自然村延伸, 由经济领域向社会领域拓展, 由主要行业推广到次要行业, 由试点发展到全省,
  由实验室向生产转移); spans that start at a time (从明年起); a whole chain after a quoted last pole
  (从“最初一公里”到“最后一公里”衔接畅通); people selected from a group (从X中选拔…进入Y) or named by their relocation
  (农业转移人口) becoming residents, and people, capacity or goods moved between sectors or places, are relocated,
  not changed;
* a plain 从X到Y (one step, no chain) is taken only with positive evidence: 实现/完成/经历/推动 before it, a
  change noun after it (的转变/跨越), quotation marks around a pole, the sentence being only the construction
  (a headline), a change word in its clause or the clauses either side (升级, 转型, 变化 …; staged progress
  有步骤), a parallel 从X到Y just before it, or two opposite state words (从无到有, 从弱到强). Without such evidence
  从X到Y in newspaper prose is mostly a range or a span;
* ``no source`` — a change verb whose source is absent or only a pronoun (使其转化为长效机制, 转化为现实生产力):
  a target without a stated source is not a transition. Likewise 向Y迈进 without 从/由, a whole country or region
  as the source (使中国变成…, 把西藏变成…, 把老挝变为…; an economy or society with no state named, 把别国的经济变成
  附庸, is still a bare entity), a part of a group named only by a demonstrative (这些阶级中间的人), and a bare
  X向Y转变 whose X is the thing that changes rather than a state of it (对外贸易向优进优出转变: X and Y share no word;
  conversions such as 科技成果向现实生产力转化 stay);
* identical poles (从胜利走向胜利), the same pole with a comparative (从胜利走向更大的胜利, ruling R2) or differing
  only in a modifier of size (从小规模的X到规模较大的X), a bare thing becoming a kind of itself with no prior state
  named (把计划变成群众自觉的计划; 把一切可以改造的人改造成为新人: R2), and poles longer than :data:`MAX_POLE`
  characters;
* set phrases of order or depth used as a manner (由浅入深, 由近及远, ruling R3); 以X为主 (整改为主) is no 改为;
  replacing an item of a list (…中，把A改为B) and renaming (名称改为) are no change of kind;
* a starting point and a goal over commas (从X入手，…，达到Y的目的) are no change; a question's final particle
  (从胜利走向胜利呢) is no part of a pole.

Public functions: :func:`extract` (one sentence -> list of dicts), :func:`extract_sentences` (the sentences
table of :mod:`fromto.clean` -> transitions table), :func:`extract_text` (plain text -> transitions table, cleaned by :mod:`fromto.clean` first).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable

from fromto.textio import QUOTE_CHARS, QUOTE_PAIRS  # the one set of quotation marks

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


# --- Small shared functions: clause boundaries, quotes, cores -------------------------------------------------
_DIGITS = set("0123456789０１２３４５６７８９")


def _separator(s: str, i: int) -> bool:
    """True when the comma at ``i`` separates thousands (３，０００余户), so it ends no clause."""
    return s[i] in "，," and 0 < i < len(s) - 1 and s[i - 1] in _DIGITS and s[i + 1] in _DIGITS


@functools.lru_cache(maxsize=8)
def _boundaries(s: str) -> list[int]:
    """Positions of the clause boundaries in ``s`` (a comma between digits, ３，０００, is none), indexed once per
    sentence so the scans below bisect them instead of walking the clause."""
    return [k for k, ch in enumerate(s) if ch in CLAUSE_END and not _separator(s, k)]


def _clause_end(s: str, i: int) -> int:
    """Index of the first clause boundary at or after ``i`` (len(s) if none)."""
    b = _boundaries(s)
    j = bisect.bisect_left(b, i)
    return b[j] if j < len(b) else max(i, len(s))


def _clause_start(s: str, i: int) -> int:
    """Index where the clause holding position ``i`` starts."""
    b = _boundaries(s)
    j = bisect.bisect_left(b, i) - 1
    return b[j] + 1 if j >= 0 and i > 0 else 0


def _open_quote(text: str) -> bool:
    """True when ``text`` leaves a quotation open (the cut fell inside a quoted pole)."""
    depth = 0
    for ch in text:
        if ch in "“‘「『":
            depth += 1
        elif ch in "”’」』":
            depth -= 1
    return depth > 0


def _quotes_of(pole: str) -> str:
    """The pair of quotation marks used in a pole ('“”'), or '' when it has none."""
    for ch in pole:
        if ch in QUOTE_PAIRS:
            return ch + QUOTE_PAIRS[ch]
        if ch in QUOTE_CHARS:  # a closing mark first: the pole was cut inside a quotation
            opening = next(k for k, v in QUOTE_PAIRS.items() if v == ch)
            return opening + ch
    return ""


_QUOTE_LIST = sorted(QUOTE_CHARS)  # removed with str.replace: C speed on the long clauses of odd input
#: How far past a target pole's start :func:`_target_end` looks. A pole longer than MAX_POLE is refused whatever
#: follows; the margin covers a change noun (的转变) trimmed off the last pole, so the result is the same as
#: scanning to the clause end, in time independent of the clause's length.
_TARGET_SCAN = MAX_POLE + 64
_CHAIN_AFTER_BOUNDARY = re.compile(r"[，,、](再到|进而|再向|到|乃至)")
_CHAIN_AFTER = re.compile(r"(进而|再到|再向|乃至于|乃至)")


def clean_pole(pole: str) -> str:
    """The pole without quotation marks; adjacent quoted items become an enumeration (“A”“B” -> A、B)."""
    for close in ("”", "’", "」", "』"):
        opening = next(k for k, v in QUOTE_PAIRS.items() if v == close)
        pole = pole.replace(close + opening, "、")
    for q in _QUOTE_LIST:
        pole = pole.replace(q, "")
    pole = pole.strip(" 　、")
    pole = re.sub(r"^了", "", pole)
    if len(pole) >= 3:
        pole = re.sub(r"[呢吗吧啊呀嘛]$", "", pole)  # a question's final particle (…从胜利走向胜利呢？) is no part of it
    return pole.strip()


def _strip_words(text: str, lead: Iterable[str] = (), trail: Iterable[str] = ()) -> str:
    """Remove any of ``lead`` from the start and ``trail`` from the end, repeatedly."""
    lead = sorted(lead, key=len, reverse=True)
    trail = sorted(trail, key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for w in lead:
            if text.startswith(w) and len(text) > len(w) and text[len(w)] not in "性化":
                # 一般性矛盾, 积极性: a suffix makes the lead word part of a noun, which stays
                text, changed = text[len(w):], True
                break
        for w in trail:
            if text.endswith(w) and len(text) > len(w):
                text, changed = text[: -len(w)], True
                break
    return text


def _only_words(text: str, words: Iterable[str]) -> bool:
    """True when ``text`` is made up entirely of ``words`` (逐步 + 地, 已经, 今后 + 应): nothing nominal is left."""
    words = sorted(set(words), key=len, reverse=True)
    while text:
        for w in words:
            if text.startswith(w):
                text = text[len(w):]
                break
        else:
            return False
    return True


_NOT_NOMINAL = SOURCE_TRAIL + CLAUSE_LEAD + SUBJECT_TRAIL + ["地", "没有", "不", "未", "很容易", "容易", "所以", "因此",
                                                            "因而", "从而", "于是", "这样", "由此", "进而",
                                                            "合并"]  # 合并改组成为: a verb joined to the verb of becoming
#: One-character adverbs and modals that also end nouns: the characters before them that make the noun
#: (委员会, 社会; 职能, 功能; 需要, 主要; 纠正; 平均, 人均; 首都; 原则; 人才; 方便; 成就; 正常; 偿还).
_NOUN_ENDINGS = {"会": set("员协学大工商合事社机议总联年"), "能": set("功技动职产潜效体智性热电核"),
                 "要": set("需主重纲摘必概"), "正": set("公纠真修端改反"), "均": set("平人户"), "都": set("首古"),
                 "则": set("原规法准细总"), "才": set("人英天"), "便": set("方顺简"), "就": set("成造"),
                 "常": set("正日非反异经"), "还": set("归偿退")}


def _strip_trail(text: str, words: Iterable[str]) -> str:
    """``_strip_words(text, (), words)`` that keeps a one-character word when it ends a noun (社会, 职能, 需要)."""
    words = sorted(words, key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if text.endswith(w) and len(text) > len(w):
                if len(w) == 1 and len(text) >= 2 and text[-2] in _NOUN_ENDINGS.get(w, ()):
                    continue
                text, changed = text[: -len(w)], True
                break
    return text


#: Quantifiers and demonstratives of a part opening a source (大批私营的粮食店, 这一部分批发商): not part of its core.
_QUANTITY_HEAD = re.compile(r"^(?:这一部分|那一部分|这部分|那部分|一部分|大批|一批|成批|许多|不少|很多|一些|有些|有的|大量)"
                            r"(?=[^，,的]{2})")


def _source_core(text: str) -> str:
    """The short core of a source written before its verb (X变成Y): no governing verb, adverb or modal word.

    ``严格控制农业人口`` -> 农业人口, ``使农副产品更多更快地`` -> 农副产品, ``今后应逐步`` -> '' (nothing nominal),
    ``私营工业中的一部分`` -> 私营工业 (the whole, not the part).
    """
    text = text.strip(" 　")
    if _only_words(text, _NOT_NOMINAL + GOVERN_LEAD + SUBJECT_LEAD):
        return ""  # 已经: stripping 已 as a lead word would leave 经
    m = None
    for m in re.finditer(r"(?:使得|使|让)", text):
        pass
    if m is not None and m.end() < len(text):
        text = text[m.end():]  # the causative's object is the source (我们要让农业转移人口逐步变为城镇居民)
    for _ in range(3):
        before = text
        text = _strip_words(text, GOVERN_LEAD + SUBJECT_LEAD + CLAUSE_LEAD, ())
        text = ADVERB_DI.sub("", text).lstrip("的")
        text = _strip_trail(text, SOURCE_TRAIL + CLAUSE_LEAD)
        if text == before:
            break
    if _only_words(text, _NOT_NOMINAL + GOVERN_LEAD + SUBJECT_LEAD):
        return ""
    m = None
    for m in _GOVERN_INSIDE.finditer(text):
        pass
    if m is not None and m.start() > 0 and len(text) - m.end() >= 2 and text[m.end()] != "的":
        text = text[m.end():]  # …、鼓励和指导资本主义经济转变为Y: the object of the governing verb
    text = _QUANTITY_HEAD.sub("", text)
    m = _PARTITIVE_TAIL.match(text)
    if m and not _PARTITIVE_ONLY.match(text):
        text = _clause_subject(_strip_trail(m.group(1), SOURCE_TRAIL + CLAUSE_LEAD)) or m.group(1)
    return _unquantified(text)


def _clause_subject(clause: str) -> str:
    """The noun phrase that opens a clause (原有私营商业在五年内经过改造 -> 原有私营商业), or ''."""
    m = re.search(r"(?:在|经过|通过|将|要|已经|已|正在|也|都|必须|应该|应当|可以|能够|还|又|就)", clause)
    head = clause[: m.start()] if m else clause
    head = _strip_words(head.strip(" 　"), SUBJECT_LEAD + GOVERN_LEAD, ())
    return head if 2 <= len(head) <= 16 and not PRONOUN_SOURCE.match(head) else ""


def _trim_target(tgt_raw: str) -> str:
    """A target without what follows the pole: a head it modifies (…的最好形式, …的要求, …这个方向), a clause of
    time (改为银行贷款以后). Only the end is cut, so ``tgt_raw`` starts with the result."""
    t = tgt_raw
    m = re.search(r"(?:作为|当作|当成|看作)", t)
    if m and len(clean_pole(t[: m.start()])) >= 2:
        t = t[: m.start()]  # 把[X由A演变为B]作为首要任务: the frame's verb ends the target
    for _ in range(2):
        m = TARGET_HEAD.search(t)
        if m and len(clean_pole(t[: m.start()])) >= 2 and not _open_quote(t[: m.start()]):
            t = t[: m.start()]
    t = re.sub(r"上[来去]$", "", t)
    t = re.sub(r"(方面|[中里])[来去]$", r"\1", t)
    return t


def _next_construction(s: str, j: int, end: int) -> int:
    """Where a target starting at ``j`` stops before a coordinated construction (防止X由A转为B、防止Y由C演变为D):
    the 、 after which the clause holds another opener or verb of becoming; ``end`` when there is none."""
    k = s.find("、", j, end)
    while k != -1:
        rest = s[k + 1: end]
        if _BECOME_ANY_RE.search(rest) or re.search(r"[从由]", rest) and any(
                (s[q] == "从" and _is_cong(s, q)) or (s[q] == "由" and _is_you(s, q)) for q in range(k + 1, end)):
            return k
        k = s.find("、", k + 1, end)
    return end


def _subject_before(s: str, i: int) -> str:
    """What changes: the noun phrase before position ``i`` in the same clause, or '' when none is stated."""
    start = _clause_start(s, i)
    text = s[start:i].strip(" 　、")
    # parallel constructions share the subject before the first opener (面貌从无到有、由弱到强)
    m = re.search(r"[从由](?![于此衷])", text)
    if m and m.start() > 0:
        text = text[: m.start()]
    if not text:
        return ""
    text = _strip_words(text, SUBJECT_LEAD, SUBJECT_TRAIL)
    text = _strip_words(text, SUBJECT_LEAD, SUBJECT_TRAIL)
    if text in SUBJECT_LEAD or text in SUBJECT_TRAIL or PRONOUN_SOURCE.match(text):
        return ""
    if len(text) > 16 or re.search(r"[在为对于把将被让使]", text[1:]) and len(text) > 8:
        return ""
    return text


#: A 从/由 P 到 Q whose poles may be places or levels (checked with _is_place / SCOPE_WORDS).
_SCOPE_PAIR_RE = re.compile(r"[从由]([^，,。；;、从由到]{1,6})到([^，,。；;、从由到]{1,6})(?=[，,、；;。]|$)")
#: 从 + a character that usually makes a word with it (从重, 从严, 从快), when the target opens with that same
#: character: parallel poles (从重过程向重结果), so the character begins the source.
_CONG_PARALLEL = re.compile(r"从(.)[^，,。；;！？!?从由]{1,12}?(?:向|到|走向|转向|转为|转变为|变为)\1")
_CONG_BU_STATE = re.compile(r"从不[^，,。；;！？!?]{1,10}?(?:到|向|走向|迈向|转向|达到|转为|变为|转变为|过渡到)")


def _is_cong(s: str, i: int) -> bool:
    """True if the 从 at ``i`` opens a phrase (not 从事, 服从, 何去何从 …)."""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    prev = s[i - 1] if i > 0 else ""
    if nxt == "不" and _CONG_BU_STATE.match(s, i):
        return True  # 从不平衡达到新的平衡: 不 begins the source state, 从 is no "never"
    if nxt in CONG_NOT_BEFORE and _CONG_PARALLEL.match(s, i):
        return True  # 从重过程向重结果转变: the target opens with the same word, so 重 begins the source state
    if (nxt in CONG_NOT_BEFORE and s[i + 1: i + 3] not in CONG_WORD_AFTER and s[i + 1: i + 4] not in CONG_WORD_AFTER) \
            or prev in CONG_NOT_AFTER:
        # 从小到大, 从无到有: single-character state poles are handled by the STATE_PAIRS rule
        return False
    if s[i + 1: i + 3] in {"中来", "中去"}:
        return False
    return bool(nxt) and nxt not in CLAUSE_END


def _is_you(s: str, i: int) -> bool:
    """True if the 由 at ``i`` opens a phrase (not 由于, 自由, 理由 …)."""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    prev = s[i - 1] if i > 0 else ""
    if prev in YOU_NOT_AFTER and s[max(0, i - 2): i] not in YOU_WORD_BEFORE:
        return False
    return bool(nxt) and nxt not in YOU_NOT_BEFORE and nxt not in CLAUSE_END


def _is_time(p: str) -> bool:
    """A point or stretch of time as a pole; a noun dated by a time phrase (几千年来的私有制) is not one."""
    q = re.sub(r"^[^的，,]{1,8}?(?:以来|来)的(?=[^的]{2})", "", _no_shifen(p))
    return bool(TIME_POLE.match(q))


def _is_numeric(p: str) -> bool:
    """A quantity as a pole (23%, 三成, 100万元); a quantified noun (七万户的私营工业企业) is not one."""
    return bool(NUMERIC_POLE.search(_unquantified(_no_shifen(p))))


def _no_shifen(p: str) -> str:
    """A pole without the adverb 十分 "very" (十分友好), which is no quantity or time (ten points, ten minutes)."""
    return re.sub(rf"(?<![{_NUM}])十分(?![之钟])", "", p) if "十分" in p else p


def _unquantified(p: str) -> str:
    """A pole without a leading quantifier of its noun: 七万户的私营工业企业 / １８万户私营商店 -> the noun; a count of the
    body with 有 (全国共有１８万户私营商店) and a counted owner before 的 (一亿农户和五百万个手工业者的个体经济) likewise."""
    p = re.sub(r"^(?:[^，,有的]{0,4}?(?:共有|还有|尚有|有)|将近|近|约|大约|共有|共)"
               r"(?=[0-9０-９零〇○一二三四五六七八九十百千两几])", "", p)  # 将近二百万户的…, 全国共有１８万户…
    p = re.sub(rf"^[{_NUM}]+[^的，,{_NUM}]{{0,3}}的(?=[^{_NUM}]{{2}})", "", p)
    if "的" in p:
        # a count, not the article 一 (一个贫穷落后的国家, 一定年限的): two numerals at least, or a digit
        p = re.sub(rf"^[^的，,]*?(?:[{_NUM}]{{2,}}|[0-9０-９]+)(?:余|多)?[万亿千百]*[^的，,{_NUM}]{{1,6}}的(?=[^{_NUM}的]{{2,}}$)", "", p)
    return re.sub(rf"^[{_NUM}，,．.]+(?:余|多)?(?:户|家|个|所|座|批|项|名|位)(?=[^{_NUM}的]{{2}})", "", p)


#: A degree of speed as a pole, with a noun of state at most (由超高速状态转入正常轨道, 从过热现象转入正常发展): a
#: degree of a growth rate, which ruling R4 counts as numeric.
DEGREE_POLE = re.compile(r"^(?:[^，,]{0,8}的)?(?:超高速|高速|中高速|低速|超常|过热|偏热|过快|偏快|过慢|偏慢)"
                         r"(?:增长|发展)?的?(?:状态|现象|局面|势头)?$")


def _is_trend(p: str) -> bool:
    """A direction of a quantity as a pole (下降, 今年的生产下降, 回升): ruling R1 counts a turn of trend as numeric;
    a degree of speed (超高速状态) is numeric too (R4)."""
    return bool(TREND_POLE.match(p)) or bool(DEGREE_POLE.match(p))


def _is_place(p: str) -> bool:
    return p in SCOPE_WORDS or (len(p) <= 6 and bool(PLACE_SUFFIX.search(p)) and not re.search(r"[化型性式]", p))


def _scale_only(src: str, tgt: str) -> bool:
    """True when the poles share a head and differ only in a modifier of size (小规模的X, 规模较大的X)."""
    k = 0
    while k < min(len(src), len(tgt)) and src[-1 - k] == tgt[-1 - k]:
        k += 1
    if k < 2 or k == len(src) or k == len(tgt):
        return False
    return bool(SCALE_MODIFIER.match(src[: -k])) and bool(SCALE_MODIFIER.match(tgt[: -k]))


#: Words of a former or opposite state in a source (旧模式 -> 新模式, 不平衡 -> 新的平衡): with one, 新 names a change.
_OLD_STATE = re.compile(r"旧|老|原有|原来|原先|过去|传统|落后|过时|陈旧|不|没有|无")


def _new_of_same_head(src: str, tgt: str) -> bool:
    """True when the target is only 新/更好的 … + the head noun of a source that is that noun described by a 的-clause
    naming no former state (把一切可以改造的人改造成为新人): the same kind of pole on both sides (R2), since what
    the source was before is not stated."""
    for k in range(1, min(len(tgt), 6)):
        head = tgt[k:]
        if SAME_KIND_PREFIX.match(tgt[:k]) and src.endswith("的" + head) and not _OLD_STATE.search(src[: -len(head)]):
            return True
    return False


def _reject_reason(src: str, tgt: str) -> str | None:
    """Why a pair of cleaned poles is no transition (time, numeric, identical …), or None."""
    if not src or not tgt:
        return "empty pole"
    if src == tgt:
        return "identical poles"
    if _is_time(src) or _is_time(tgt):
        return "time"
    if _is_numeric(src) or _is_numeric(tgt) or _is_trend(src) or _is_trend(tgt):
        return "numeric"
    if tgt.endswith(src) and SAME_KIND_PREFIX.match(tgt[: -len(src)]):
        return "same pole"
    if _new_of_same_head(src, tgt):
        return "same pole"
    if _scale_only(src, tgt):
        return "same pole"
    if RELOCATED_PEOPLE.search(src):
        return "space"
    if MOTION_IN_POLE.search(src) and len(src) <= 8:
        return "space"
    if src in SCOPE_WORDS and tgt in SCOPE_WORDS:
        return "space"
    if VIEWPOINT_END.search(tgt):
        return "viewpoint"
    return None


# --- The 从/由 family -------------------------------------------------------------------------------------------
def _find_connector(s: str, j: int, end: int, opener: str) -> tuple[str, int, int, str] | None:
    """The first connector after the opener: (kind, start, end, verb), kind in to/toward/go/become."""
    go = re.compile(_GO_RE)
    become = re.compile(_BECOME_RE)
    k = j
    while k < end:
        ch = s[k]
        prev = s[k - 1] if k > 0 else ""
        nxt = s[k + 1] if k + 1 < len(s) else ""
        if k > j:
            m = go.match(s, k)
            if m:
                return ("go", k, m.end(), m.group())
            m = become.match(s, k)
            if m and prev not in "成":
                return ("become", k, m.end(), m.group())
        if ch == "到" and (prev == "转" or s[k - 2: k] == "转移"):
            v0 = k - 2 if s[k - 2: k] == "转移" else k - 1
            if v0 > j and (prev == "转" and _TRACK_RE.match(s, k - 1) or _FOCUS_RE.search(s, 0, j)
                           or _EMPHASIS_RE.match(s, j) and _EMPHASIS_RE.match(s, k + 1)):
                return ("become", v0, k + 1, s[v0: k + 1])
        if ch == "到" and k > j and (prev not in DAO_NOT_AFTER or s[k - 2:k] == "起来") and nxt not in DAO_NOT_BEFORE:
            if any(s[k - len(v): k] == v for v in SCOPE_TO_VERBS):
                return ("scope", k, k + 1, "")
            return ("to", k, k + 1, "")
        if ch == "向" and k > j and prev not in XIANG_NOT_AFTER and nxt not in XIANG_NOT_BEFORE:
            return ("toward", k, k + 1, "")
        if ch == "至" and k > j:
            return ("until", k, k + 1, "")
        if k > j and ((ch == "从" and _is_cong(s, k)) or (ch == "由" and _is_you(s, k))):
            return None
        k += 1
    return None


def _target_end(s: str, j: int) -> tuple[int, str | None]:
    """End of a target pole starting at ``j`` and the chain connector that follows it (or None)."""
    end = min(_clause_end(s, j), j + _TARGET_SCAN)
    for conn in ("进而", "再到", "再向", "乃至于", "乃至", "、从", "、由"):
        k = s.find(conn, j + 1, end)
        if k != -1:
            end = min(end, k)  # 、从 opens a parallel 从X到Y, not part of this target
    # a copula closes the target: 从“要我学”到“我要学”是一个转变 (but not 但是, 还是, 是否 …)
    for k in range(j + 2, end):
        if s[k] == "是" and s[k - 1] not in COPULA_NOT_AFTER and s[k + 1: k + 2] != "否":
            end = k
            break
    # a chain continues after the clause boundary: ，再到 / ，进而 / ，到
    if end < len(s) and s[end] in CLAUSE_END:
        m = _CHAIN_AFTER_BOUNDARY.match(s, end)
        if m:
            return end, m.group(1)
        return end, None
    m = _CHAIN_AFTER.match(s, end)
    return end, (m.group(1) if m else None)


#: Set phrases with both poles: 由大变强, 由被动变主动 (变 + a pole of one or two characters), 由治及兴 (及, state
#: pairs only). A phrase that goes on into a verb (由浅入深地讲解) is an adverbial of manner and does not match.
_SET_PHRASE_RE = re.compile(r"[从由]([^\W\d_]{1,2}?)(变|及)(?![成为化得革动更迁换])([^\W\d_]{1,2}?)"
                            r"(?=[，,、；;。！!？?：:”’」]|[的是时]|$)")
#: 由乱到治走向由治及兴: a set phrase of a state pair with 到 that runs straight into a verb of going, which joins
#: it to the next phrase (the 从X到Y rule would read the whole rest as its target).
_SET_PHRASE_TO_RE = re.compile(rf"[从由]([^\W\d_])(到)([^\W\d_])(?=(?:{_alts(GO_VERBS)})[从由])")


def _set_phrase(s: str, i: int) -> tuple[list[dict], int] | None:
    """由X变Y / 由X及Y as a set phrase at ``i`` (see :data:`_SET_PHRASE_RE`)."""
    m = _SET_PHRASE_RE.match(s, i) or _SET_PHRASE_TO_RE.match(s, i)
    if not m:
        return None
    src, verb, tgt = m.groups()
    if verb in "及到" and ((src, tgt) not in STATE_PAIRS or (src, tgt) in SPATIAL_PAIRS):
        return None
    if (src, tgt) in SPATIAL_PAIRS or _reject_reason(src, tgt) or PRONOUN_SOURCE.match(src):
        return None
    marker = ("由X" if s[i] == "由" else "从X") + verb + "Y"
    return [_row(marker, _subject_before(s, i), src, tgt, verb, i, m.end())], m.end()


def _from_family(s: str, i: int, whole_sentence: str, parallel: bool = False) -> tuple[list[dict], int] | None:
    """Rows for a 从/由 opener at ``i`` (one per chain step) and the index where scanning may resume.

    ``parallel`` is True when a 从X到Y taken just before ends in the previous clause or item (…由A到B，由C到D):
    the series is its own evidence."""
    phrase = _set_phrase(s, i)
    if phrase:
        return phrase
    opener = s[i]
    lead_start = i
    lead = ""
    for w in LEAD_VERBS:
        if s[max(0, i - len(w)): i] == w:
            lead, lead_start = w, i - len(w)
            break
    clause_end = _clause_end(s, i + 1)
    conn = _find_connector(s, i + 1, clause_end, opener)
    comma_form = False
    long_source = False
    if conn is None and clause_end < len(s) and s[clause_end] in "，," and s[clause_end + 1: clause_end + 2] == "到":
        # 从A，到B，再到C: the first 到 opens the next clause
        conn = ("to", clause_end + 1, clause_end + 2, "")
        comma_form = True
    elif conn is None and clause_end < len(s) and s[clause_end] in "，,":
        # 把重点从X，Y，转为Z: a verb of becoming that opens a later clause closes a source running over commas
        m = _LATE_BECOME_RE.match(s, clause_end)
        if m and m.start(1) - i - 1 <= MAX_POLE:
            conn = ("become", m.start(1), m.end(1), m.group(1))
            long_source = True
    if conn is None:
        return None
    kind, c0, c1, verb = conn
    if kind in ("until", "scope"):
        return None
    src_raw = s[i + 1: clause_end if comma_form else c0]
    if len(src_raw) > MAX_POLE or TIME_FROM.match(src_raw):
        return None
    if kind != "to":
        src_raw = _strip_trail(src_raw, SOURCE_TRAIL + ["开始", "逐步地"])
        src_raw = ADVERB_DI.sub("", src_raw) if len(ADVERB_DI.sub("", src_raw)) >= 2 else src_raw
    if long_source:
        src_raw = src_raw.rstrip("，,")
        m = _MEANS_IN_SOURCE.search(src_raw)
        if m and m.start() >= 2:
            src_raw = src_raw[: m.start()]
        if VIEWPOINT_END.search(src_raw) or verb.startswith("达到") and _GOAL_TARGET.search(
                s[c1: _clause_end(s, c1)]):
            return None  # 从X入手，…，达到Y的目的: a starting point and a goal
    if _SELECT_FROM.search(src_raw):
        return None
    subject = _subject_before(s, lead_start)

    if kind == "toward":
        y_end_lim = min(_clause_end(s, c1), c1 + MAX_POLE + 1)  # a longer target is refused below anyway
        m = None
        for k in range(c1 + 1, y_end_lim):
            mm = _TOWARD_RE.match(s, k)
            if not mm or not clean_pole(s[c1:k]) or _open_quote(s[c1:k]):
                continue
            after_v = s[mm.end(): mm.end() + 1]
            if len(mm.group(2)) == 1 and after_v and after_v not in CLAUSE_END and after_v != "了":
                continue  # a one-character verb (转, 变) must end the clause: 向Y转, not 向Y转型期
            m = mm
            break
        if m is None:
            return None
        tgt_raw = s[c1: m.start()]
        verb = m.group(2)
        nominal = bool(m.group(1))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(tgt_raw) > MAX_POLE or _reject_reason(src, tgt):
            return None
        if verb in MOTION_VERBS | EXTEND_VERBS and (_is_place(src) or _is_place(tgt)
                                                    or any(re.search(r"[室馆厂]$", p) for p in (src, tgt))):
            return None  # 由行政村向自然村延伸, 由实验室向生产转移: movement or coverage in space
        if verb in EXTEND_VERBS and not (_quotes_of(src_raw) or _quotes_of(tgt_raw)) \
                and any(DOMAIN_POLE.search(p) for p in (src, tgt)):
            return None  # 由经济领域向社会领域拓展: the scope widens over domains, nothing changes kind
        if nominal:
            marker = "从X向Y的N" if opener == "从" else "由X向Y的N"
        else:
            marker = "从X向Y+V" if opener == "从" else "由X向Y+V"
        row = _row(marker, subject, src_raw, tgt_raw, verb, lead_start if lead else i, m.end())
        return [row], m.end()

    if kind in ("go", "become"):
        y_end = _next_construction(s, c1, _clause_end(s, c1))
        tgt_raw = _trim_target(s[c1:y_end])
        q = src_raw.rfind("的")
        if kind == "become" and q >= 2 and len(tgt_raw) >= 2 and src_raw[q - 2: q] == tgt_raw[-2:]:
            src_raw = src_raw[:q]  # 原由行署管理的企业改由所在市、县管理: the poles are parallel, the noun is what changed
        y_end = c1 + len(tgt_raw) if s[c1:c1 + len(tgt_raw)] == tgt_raw else y_end
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(tgt_raw) > MAX_POLE or _reject_reason(src, tgt):
            return None
        if DURATION_AFTER.match(s[c1:]):
            return None
        if verb in ("发展到", "达到", "转化到", "转变到") and (_is_place(tgt) or re.match(r"(?:全|各|所有)", tgt)):
            return None  # 由试点发展到全省: the coverage grows, nothing changes kind
        if kind == "go":
            marker = "从X走向Y" if opener == "从" else "由X走向Y"
        else:
            marker = "由X转为Y" if opener == "由" else "从X转为Y"
        rows = [_row(marker, subject, src_raw, tgt_raw, verb, lead_start if lead else i, y_end)]
        # 由A，转向B，走向C: the next clause opens with a verb of going, so its target is the next step of a chain
        while len(rows) < 8 and y_end < len(s) and s[y_end] in "，,":
            mc = _CHAIN_GO_RE.match(s, y_end)
            if not mc:
                break
            n_end = _next_construction(s, mc.end(), _clause_end(s, mc.end()))
            n_raw = _trim_target(s[mc.end():n_end])
            n = clean_pole(n_raw)
            if len(n_raw) > MAX_POLE or _reject_reason(rows[-1]["target"], n) or _is_place(n) or n in ENTITY_SOURCE:
                break  # 从封闭走向开放，走向世界: going out into a place is movement, not a next state
            rows.append(_row(marker, subject, tgt_raw, n_raw, mc.group(1), c1, mc.end() + len(n_raw)))
            c1, tgt_raw, y_end = mc.end(), n_raw, mc.end() + len(n_raw)
        return rows, y_end

    # kind == "to": 从X到Y, possibly a chain
    poles = [(i + 1, clause_end if comma_form else c0)]
    pos = c1
    connectors = []
    while True:
        y_end, nxt = _target_end(s, pos)
        poles.append((pos, y_end))
        if nxt is None:
            break
        connectors.append(nxt)
        pos = y_end + (1 if s[y_end] in CLAUSE_END else 0) + len(nxt)
        if pos >= len(s) or len(poles) > 8:
            break
    # trim a change noun (的转变) or trailing predicate off the last pole
    nominal = ""
    last_s, last_e = poles[-1]
    m = None
    for k in range(last_s, last_e):
        mm = _CHANGE_NOUN_RE.match(s, k)
        if mm and mm.end() >= last_e - 2:
            m = mm
            break
    nominal_len = 0
    if m:
        nominal = m.group(1)
        nominal_len = m.end() - m.start()
        poles[-1] = (last_s, m.start())
    raw = [s[a:b] for a, b in poles]
    steps = len(poles) - 1
    if comma_form and steps < 2:
        return None
    if any(len(p) > MAX_POLE for p in raw):
        return None
    clean = [clean_pole(p) for p in raw]
    end = poles[-1][1] + nominal_len
    after = s[poles[-1][1]:]
    # --- rejections that concern the whole phrase
    for a, b in zip(clean, clean[1:]):
        if _reject_reason(a, b):
            return None
    if DURATION_AFTER.match(s[c1:]) or DISTANCE_AFTER.match(after):
        return None
    tail = raw[-1][raw[-1].find(_quotes_of(raw[-1])[1:] or "\0") + 1:] if raw[-1][:1] in QUOTE_PAIRS else ""
    if any(SCOPE_IN_POLE.search(p[1:]) for p in clean[1:]) or SCOPE_AFTER.match(after) \
            or WHOLE_CHAIN.match(after) or re.search(rf"的(?:{WHOLE_CHAIN.pattern})", clean[-1]) \
            or WHOLE_CHAIN.search(tail[:8]):
        return None  # …到“最后一公里”衔接畅通: what follows the quoted last pole spans the whole chain
    if any(MOTION_IN_POLE.search(p) and len(p) <= 6 for p in clean):
        return None
    if all(_is_place(p) for p in clean):
        return None
    # --- a plain one-step 从X到Y needs positive evidence
    if steps == 1 and not nominal and not lead:
        rest = whole_sentence[:i] + whole_sentence[end:]
        if any(_is_place(a) and _is_place(b) or a in SCOPE_WORDS and b in SCOPE_WORDS
               for a, b in _SCOPE_PAIR_RE.findall(rest)):
            return None  # 从城市到农村，从生产力到生产关系，…都将发生变革: a series enumerating where, not what
        quoted = any(_quotes_of(p) for p in raw)
        headline = not re.sub(r"[\s“”‘’「」\"'，,。！？!?：:—…·]", "", s[:i] + s[end:])
        states = (clean[0], clean[1]) in STATE_PAIRS
        # evidence must stand near the phrase (its clause and the clauses either side): a report sentence runs
        # through many clauses, and a change word three clauses away says nothing about this 从X到Y
        w0 = _clause_start(s, i)
        w0 = _clause_start(s, w0 - 1) if w0 > 0 else 0
        w1 = _clause_end(s, end)
        w1 = _clause_end(s, w1 + 1) if w1 < len(s) else len(s)
        near = s[w0:i] + s[end:w1]
        staged = any(w in near for w in STAGE_WORDS)
        supported = staged or parallel or any(v in near for v in SUPPORT_VERBS)
        if not (quoted or headline or states or supported):
            return None
        items = raw[0].split("、")
        if staged and len(items) == 2 and not _open_quote(items[0]) and min(len(clean_pole(x)) for x in items) >= 2 \
                and not (len(items[1]) > len(items[0]) and items[1][len(items[0]) - 1] == items[0][-1]):
            # 从A、B到C under staged progress is two steps; 由低级、中级形式 (modifiers sharing a head) is one pole
            cut = poles[0][0] + len(items[0])
            poles = [(poles[0][0], cut), (cut + 1, poles[0][1])] + poles[1:]
            raw = [s[a:b] for a, b in poles]
            clean = [clean_pole(p) for p in raw]
            steps = len(poles) - 1
    if lead in ("实现", "实现了", "完成", "完成了"):
        marker = "实现从X到Y" if opener == "从" else "实现由X到Y"
        verb0 = nominal or lead.rstrip("了")
    elif nominal:
        marker = "从X到Y的N" if opener == "从" else "由X到Y的N"
        verb0 = nominal
    else:
        marker = "从X到Y" if opener == "从" else "由X到Y"
        verb0 = ""
    rows = []
    for n in range(steps):
        a0 = (lead_start if lead else i) if n == 0 else poles[n][0]
        b1 = poles[n + 1][1] + (nominal_len if n == steps - 1 else 0)
        rows.append(_row(marker, subject, raw[n], raw[n + 1], verb0, a0, b1))
    return rows, end


def _row(marker, subject, src_raw, tgt_raw, verb, start, end) -> dict:
    return {
        "marker": marker,
        "subject": subject,
        "source": clean_pole(src_raw),
        "target": clean_pole(tgt_raw),
        "verb": verb,
        "source_quote": _quotes_of(src_raw),
        "target_quote": _quotes_of(tgt_raw),
        "start": start,
        "end": end,
    }


# --- 变X为Y, 把X变成Y, X变成Y, “X”变“Y” ---------------------------------------------------------------------------
_WEI_NOT_AFTER = set("行作认成因称视更较极广最甚尤大之以")


#: The set phrase 化X成Y (化蛹成蝶, 化茧成蝶): poles of one or two characters, closed by 的 or the clause's end.
_HUA_CHENG_RE = re.compile(r"化([^\W\d_和与及或的了]{1,2}?)(成)(?!为)([^\W\d_和与及或的了]{1,2}?)(?=[的，,。；;、！!？?]|$)")


def _bian_x_wei_y(s: str) -> list[dict]:
    """变X为Y / 化X为Y / 转X为Y (and series of them)."""
    rows = []
    for m in re.finditer(r"[变化转]", s):
        i = m.start()
        ch = s[i]
        prev = s[i - 1] if i > 0 else ""
        if ch == "变":
            if prev in BIAN_NOT_AFTER or s[i + 1: i + 2] in set("化成为得革动更迁着了换幻量形身卖现通相故卦法"):
                continue
        else:
            before = s[_clause_start(s, i): i]
            listed = prev == "、" and re.match(r"[^、，,为]{1,4}为[^、，,为]{1,4}(?:[、，,。；;]|等|$)", s[i + 1:])
            if before and not any(before.endswith(w) for w in HUA_ALLOWED_BEFORE) and not listed:
                continue  # after 、 only as a short set phrase in a list (…、化大公为小公、化公为私等), not 冶金、化工
            if s[i + 1: i + 2] in set("为成化变换型向移入让达载发告交送运身折基"):
                continue
        end = _clause_end(s, i + 1)
        # the next item of a series begins after 、: stop there (变A为B、变C为D)
        limit = end
        for sep in ("、变", "、化", "、转"):  # past i + 30 a separator cannot save the length tests below
            q = s.find(sep, i + 1, min(end, i + 30))
            if q != -1:
                limit = min(limit, q)
        # the last 为 of the item splits it, so a 为 inside an idiom of X stays in X (变各自为战为共同奋战)
        cands = [k for k in range(i + 2, min(limit, i + 2 + 16)) if s[k] == "为" and s[k - 1] not in _WEI_NOT_AFTER]
        cands = [k for k in cands if k + 1 < limit and s[k + 1] not in "首主止例准由"]  # 以X为首, 为止
        cheng = _HUA_CHENG_RE.match(s, i) if ch == "化" and not cands and prev != "变" else None
        if not cands and not cheng:
            continue
        k = cheng.start(2) if cheng else cands[-1]
        src_raw = s[i + 1: k]
        tgt_end = cheng.end() if cheng else limit
        tgt_raw = s[k + 1: tgt_end]
        q = tgt_raw.find("等")
        if q >= 1 and tgt_raw[q - 1] not in "平高同对初中优均相次":
            tgt_raw, tgt_end = tgt_raw[:q], k + 1 + q  # 化公为私等种种违法乱纪现象: the list ends at 等
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or len(tgt_raw) > 20 or len(src_raw) > 16 or src == tgt:
            continue
        if re.search(r"[的了着过]$|[被把将在]", src) or _reject_reason(src, tgt) in ("time", "numeric", "same pole"):
            continue  # 转降为升 is a turn of trend (R1)
        marker = {"变": "变X为Y", "化": "化X为Y", "转": "转X为Y"}[ch]
        rows.append(_row(marker, "", src_raw, tgt_raw, ch, i, tgt_end))
    return rows


#: Verbs that make a bare X向Y__ (no 从/由) a transition: only verbs of change of kind, not of movement or
#: growth (推动中国制造向中国创造转变 counts; 引导活动向纵深发展 and 向现代化迈进 do not).
BARE_TOWARD_VERBS = ["转变", "转型", "转化", "转换", "过渡", "转轨", "蜕变", "嬗变", "演变"]
#: Verbs of conversion: X is converted into Y (科技成果向现实生产力转化), so X is a stated source even when X and
#: Y share no word.
CONVERSION_VERBS = {"转化", "蜕变", "嬗变", "演变"}
_BARE_TOWARD_RE = re.compile(rf"(的)?({_alts(BARE_TOWARD_VERBS)})")


def _bare_toward(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """X向Y转变 without 从/由: the source is the noun phrase before 向 in the same clause."""
    rows = []
    # The 向 are visited left to right and every span added below starts at or before the current 向, so "c lies in
    # a taken span" is "the spans starting at or before c reach past c" (a running maximum over the spans sorted by
    # start), and the 、 that ended a taken span are kept sorted: looking through all of taken for every 向 made a
    # long sentence of many constructions quadratic.
    spans = sorted(taken)
    n_seen, reach = 0, -1  # spans[:n_seen] start at or before c; reach: the furthest end among them
    comma_ends = sorted(b for _, b in taken if 0 <= b < len(s) and s[b] == "、")
    for m in re.finditer("向", s):
        c = m.start()
        while n_seen < len(spans) and spans[n_seen][0] <= c:
            reach = max(reach, spans[n_seen][1])
            n_seen += 1
        if c < reach:
            continue
        prev = s[c - 1] if c > 0 else ""
        nxt = s[c + 1] if c + 1 < len(s) else ""
        if prev in XIANG_NOT_AFTER or nxt in XIANG_NOT_BEFORE:
            continue
        end = min(_clause_end(s, c + 1), c + 2 + MAX_POLE)  # a longer target is refused below anyway
        vm = None
        for k in range(c + 2, end):
            mm = _BARE_TOWARD_RE.match(s, k)
            if mm and clean_pole(s[c + 1:k]) and not _open_quote(s[c + 1:k]):
                vm = mm
                break
        if vm is None or vm.group(1) and vm.group(2) not in CONVERSION_VERBS:
            continue  # the nominal 向Y的转变 keeps its subject elsewhere; 科技成果向现实生产力的转化 is a conversion
        c0 = _clause_start(s, c)
        j = bisect.bisect_left(comma_ends, c)
        if j and comma_ends[j - 1] >= c0:
            c0 = comma_ends[j - 1] + 1  # A向B转变、C向D转变: the next source starts after the previous construction
        src_raw = _strip_words(s[c0:c].strip(), SUBJECT_LEAD + ["加快", "推进", "促进", "引导", "带动", "实现"],
                               SUBJECT_TRAIL)
        # 扎实推进X向Y转变: an adverb of manner before the governing verb goes with it
        src_raw = re.sub(r"^(?:(?:扎实|积极|大力|稳步|切实|着力|努力|继续|进一步|有序|稳妥|全面|深入|坚定)地?)*"
                         r"(?:推动|推进|促进|促使|引导|带动|加快|实现|使|让)", "", src_raw)
        tgt_raw = s[c + 1: vm.start()]
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or len(src) > 15 or PRONOUN_SOURCE.match(src) or src in SUBJECT_LEAD or len(tgt_raw) > MAX_POLE:
            continue
        if re.search(r"[从由]", src) or _reject_reason(src, tgt):
            continue
        if vm.group(2) not in CONVERSION_VERBS and not (set(src) & set(tgt)) - set("的、和与及"):
            # 对外贸易向优进优出转变, 高校向应用型转变: X is the thing that changes, not a state of it, so the
            # source is not stated; a change of kind within one kind shares its head (传统农业向现代农业转变)
            continue
        start = c - len(src_raw)
        rows.append(_row("X向Y转变", "", src_raw, tgt_raw, vm.group(2), start, vm.end()))
        taken.append((start, vm.end()))
        reach = max(reach, vm.end())
        if vm.end() < len(s) and s[vm.end()] == "、":
            bisect.insort(comma_ends, vm.end())
    return rows


#: 汇X成Y / 聚X成Y / 积X成Y: a verb of gathering that turns many small things into one of another kind (汇小溪成大河,
#: 聚沙成塔, 积少成多), the verb-initial set phrase like 化X成Y; poles of one or two characters, closed like it. The
#: verb's usual words are refused (汇率, 外汇留成, 积极成果, 积累成熟的经验, 聚集成): its second character opens no pole.
_GATHER_CHENG_RE = re.compile(r"([汇聚积])(?![率聚集报总编款入焦合会极累压存蓄])([^\W\d_和与及或的了]{1,2}?)成(?!为)"
                              r"([^\W\d_和与及或的了]{1,2}?)(?=[的，,。；;、！!？?]|$)")


def _gather_into(s: str) -> list[dict]:
    """汇X成Y (汇小溪成大河): the set phrase as a predicate, after a clause start or a modal (要, 能, 善于 …)."""
    rows = []
    for m in _GATHER_CHENG_RE.finditer(s):
        before = s[_clause_start(s, m.start()): m.start()]
        if before and (not before.endswith(HUA_ALLOWED_BEFORE)
                       or len(before) >= 2 and before[-2] in _NOUN_ENDINGS.get(before[-1], ())):
            continue  # 外汇留成; 新动能积厚成势: 能 ends the noun 动能, so no modal opens the phrase
        src, tgt = m.group(2), m.group(3)
        if src == tgt or _reject_reason(src, tgt) in ("time", "numeric", "same pole"):
            continue
        rows.append(_row(m.group(1) + "X成Y", "", src, tgt, m.group(1), m.start(), m.end()))
    return rows


def _quoted_bian(s: str) -> list[dict]:
    """Bare “X”变“Y”: two quoted poles joined by 变."""
    rows = []
    pat = re.compile(r"([“‘「『\"])([^”’」』\"，。]{1,15})([”’」』\"])变(?![成为])([“‘「『\"])([^”’」』\"，。]{1,15})([”’」』\"])")
    for m in pat.finditer(s):
        src_raw = m.group(1) + m.group(2) + m.group(3)
        tgt_raw = m.group(4) + m.group(5) + m.group(6)
        if clean_pole(src_raw) == clean_pole(tgt_raw):
            continue
        rows.append(_row("“X”变“Y”", _subject_before(s, m.start()), src_raw, tgt_raw, "变", m.start(), m.end()))
    return rows


#: Verbs whose object, in the clause before an adverb-only clause, is the source (增强X的责任感，并切实转化为Y).
OBJECT_VERBS = ["增强", "提高", "强化", "树立", "坚定", "激发", "形成", "凝聚", "发挥", "积累", "把", "将"]
#: Clause openers that are discourse markers, not noun phrases (这就是说，…; 总的来看，…).
_DISCOURSE_END = re.compile(r"(?:说|看|讲|而言|来说|所以|因此|同时|此外|其中|然而|但是|而且|并且|当然|首先|其次|总之)$")


#: Characters after 将 that make it a modal or part of a word (将要, 将会, 将来, 将近, 将使), not the 把 of 将X变成Y.
_JIANG_MODAL = set("要会来近使让是在有")


#: A clause that counts a body with 有 (全国有七十四万多个高级农业生产合作社): the body is a stated source.
_EXISTENTIAL_COUNT = re.compile(r"有(?:将近|近|约)?[0-9０-９零〇○一二三四五六七八九十百千万亿两几，,．.]+(?:余|多)?(?:万|千)?"
                                r"(?:个|户|家|所|座|名|位|批|种)([^的，,]{2,16})$")
#: A clause ending in a word of time (…在长期改造以后): its subject is the subject of the next clause.
_TIME_CLAUSE_END = re.compile(r"(?:以后|之后|以来)$")
#: Quantifiers that open a subject (有些知识分子, 一部分干部): not part of the source.
QUANTITY_LEAD = ["有些", "有的", "一些", "许多", "不少", "很多", "大批", "一批", "一部分", "部分", "大多数", "多数"]
#: A verb with 了 and a measure word (掀起了一场X, 发生了一次X): the object after the measure word.
_MEASURE_OBJECT = re.compile(r"了(?:一|两|几)(?:场|次|股|种)([^，,]{2,})$")


#: A clause of a personal pronoun and 是 (同时他们是私有者): it describes the pronoun's antecedent, which is the one that
#: changes in the next clause.
_PRONOUN_IS = re.compile(r"^(?:同时|而且|并且|但是|但|因为|由于|而|又)?(?:他们|她们|它们)(?:又|也|都|还|本来|原来|本身)?是")
#: A sentence-opening topic that is a noun phrase only (不雇职工的私营零售商): a modifier with 的 and a head, no verb of
#: its own after the head (no aspect, modal or copula), at most sixteen characters.
_TOPIC_NP = re.compile(r"^[^，,。；;是有在将要已]{1,12}的[^，,。；;的是有在将要已了着过]{2,6}$")


#: A verb letting go of 把's object ending its clause (把国营的小型商店进一步放开，改由Y经营): not part of the source.
_RELEASE_END = re.compile(r"(?<=[^，,]{2})(?:进一步|逐步|全部|适当|尽快|坚决|大胆)?(?:放开|下放|放活|交出|划出|让出|移交)$")
#: An aside naming a part of what was just named (特别是其中的…, 尤其是…): it interrupts a 把-phrase running over commas.
_ASIDE_LEAD = re.compile(r"^(?:特别是|尤其是|包括)")


def _previous_clause_source(s: str, c0: int) -> tuple[str, int, bool]:
    """The source of a verb whose own clause holds only adverbs, taken from the clause before: its noun phrase
    (…的事情，如今却变成了现实), the object of 把 (把X，逐步转为Y) or of a verb (增强X，并切实转化为Y).
    Returns (source, start, after_ba) or ('', -1, False)."""
    if c0 == 0 or s[c0 - 1] not in "，,":
        return "", -1, False
    p0 = _clause_start(s, c0 - 1)
    clause = s[p0: c0 - 1]
    if _ASIDE_LEAD.match(clause) and p0 >= 2 and s[p0 - 1] in "，,":
        # 把X，特别是其中的Z，进一步放开，改由Y: the clause before is an aside naming a part; 把's object stands before it
        q0 = _clause_start(s, p0 - 1)
        mb = None
        for mb in re.finditer(r"把", s[q0: p0 - 1]):
            pass
        if mb is not None and p0 - 1 - (q0 + mb.end()) >= 2:
            core = _source_core(_RELEASE_END.sub("", s[q0 + mb.end(): p0 - 1]))
            if core:
                return core, s.rfind(core, q0, p0), True
    m = None
    for m in re.finditer(r"[把将]", clause):
        pass
    if m is not None and len(clause) - m.end() >= 2 and not (m.group() == "将" and clause[m.end()] in _JIANG_MODAL):
        core = _source_core(_RELEASE_END.sub("", clause[m.end():]))
        return core, (s.rfind(core, p0, c0) if core else -1), True
    m = _EXISTENTIAL_COUNT.search(clause)
    if m:  # 全国有七十四万多个高级社，现在已经改组成为Y: the body counted by 有 is the source
        core = m.group(1)
        return core, s.rfind(core, p0, c0), False
    if _TIME_CLAUSE_END.search(clause):
        # 有些知识分子在长期改造以后，已经开始转变为Y: the subject of a clause of time carries into the next
        core = _clause_subject(re.sub(rf"^(?:{_alts(QUANTITY_LEAD)})", "", clause))
        if core:
            return core, s.rfind(core, p0, c0), False
    m = _MEASURE_OBJECT.search(clause)
    if m:
        clause = m.group(1)  # 掀起了一场…的政治动乱，进而发展成为Y: the object counted after the verb
    mp = _PRONOUN_IS.match(clause)
    if mp and p0 > 0:
        # 不雇职工的私营零售商，…，同时他们是私有者，所以很容易转变成为投机者: the pronoun's 是-clause gives a reason;
        # who changes is the pronoun's antecedent, the noun phrase that opens the sentence as its topic
        topic = s[: _clause_end(s, 0)]
        if _TOPIC_NP.match(topic) and not PRONOUN_SOURCE.match(topic):
            return topic, 0, False
    if "是" in clause:
        clause = clause[clause.rindex("是") + 1:]
    # only a noun phrase can be the source: one built with 的, or a short one (not 示范者严格执行, not 这就是说)
    if not ("的" in clause or len(clause) <= 4) or _DISCOURSE_END.search(clause):
        return "", -1, False
    if "的" in clause:
        cut = max((clause.rfind(v) + len(v) for v in OBJECT_VERBS
                   if 0 <= clause.rfind(v) < clause.rfind("的") and clause[clause.rfind(v) + len(v)] != "的"), default=0)
        clause = clause[cut:]
    core = _source_core(_strip_words(clause, SOURCE_TRAIL, ("的",)))
    return core, (s.rfind(core, p0, c0) if core else -1), False


#: A part of a group named by a demonstrative (这些阶级中间有劳动能力的人, 那些企业中的一部分): what the group was is
#: stated only where the demonstrative points, in an earlier sentence, so the source is not in the sentence (the
#: report gold's policy). A demonstrative before a noun that names the state itself (这种可能性变为现实性) is no part of a group.
_DEMONSTRATIVE_PART = re.compile(r"^(?:这些|那些|这类|那类|此类|这部分|那部分)[^，,的]{1,8}?(?:中间|之中|当中|中|里)")


#: A verb of becoming in a relative clause (没有转为公私合营的资本主义工业…; 给已经改造成守法劳动者的农民…): what
#: comes before the verb is only a word of aspect or negation, after a preposition at most, so the noun the clause
#: modifies is the thing that changed (a negated change counts).
_REL_ASPECT = re.compile(r"^(给|对|为|向|同|与|和)?(?:还|仍|都|也|均|尚|早)?(?:没有|未曾|尚未|未|已经|已|业已|早已|曾经)$")
_REL_TARGET = re.compile(r"^([^的，,]{2,12})的([^的、，,和与及在是将已都也还要有占被由从对把给]{2,12})")
#: Heads that a change modifies without being the thing that changed (…转为Y的过程, …的比重, …的一部分).
_REL_HEAD_NOT = re.compile(r"^(?:过程|时间|要求|途径|道路|趋势|阶段|时期|办法|做法|任务|方向|目标|条件|问题|情况|工作|"
                           r"步伐|速度|比重|比例|数量|规模|部分|一|这|那|各|多|大|少)")


def _relative_source(s: str, c0: int, before: str, tgt_raw: str) -> tuple[str, str, int] | None:
    """(source, target, end of the source after the verb) when the verb of becoming at the end of ``before`` heads a
    relative clause (see :data:`_REL_ASPECT`); None otherwise. Without a preposition the clause before is tried
    first: 增强X，已经转化为Y的N keeps X (see :func:`_previous_clause_source`)."""
    ma = _REL_ASPECT.match(before.strip(" 　"))
    mt = _REL_TARGET.match(tgt_raw) if ma else None
    if not mt or _REL_HEAD_NOT.match(mt.group(2)):
        return None
    if not ma.group(1) and _previous_clause_source(s, c0)[0]:
        return None
    return mt.group(2), mt.group(1), mt.end()


#: A second verb of becoming joined to the first by 或 inside one clause (变为A、B或者直接变为C).
_OR_TURN_RE = re.compile(rf"(?:或者|或是|或)(?:直接|逐步|逐渐|再|又|也|进一步|分别|全部|可以|可)*(?:{_alts(TURN_VERBS)})")


def _turn_into(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """把/将 X 变成 Y and X 变成 Y (source stated before the verb, in the same clause or the one before)."""
    rows = []
    last_ba = None  # (source, end of its target) of the last 把X V Y: 把X改组为Y，或改为Z shares X
    last_row = None  # (source, end of its target, start, after 把) of the last row: …或者直接变为Z shares X
    for m in _TURN_RE.finditer(s):
        v0, v1 = m.start(), m.end()
        if any(a <= v0 < b for a, b in taken):
            continue
        verb = m.group()
        prev = s[v0 - 1] if v0 > 0 else ""
        if verb[0] == "变" and prev in BIAN_NOT_AFTER:
            continue
        if verb in ("化为", "化成") and re.match(r"[\u4e00-\u9fff]", prev):
            # 化为 after a character is usually the end of a word (现代化为, 深化为); 转化为 is matched whole
            continue
        if verb in ("转为", "转成") and prev in "扭好运":
            continue
        if verb[0] == "改" and prev in "整修劳删更篡":  # 整改为主, 修改为 (a revision of wording)
            continue
        if verb.endswith("为") and re.match(r"(?:主|重点|中心|核心|基础|导向|主体|纽带|抓手|载体)(?:[的，,。；]|$)", s[v1:]):
            continue  # 以X为主: a frame of emphasis, not a change
        c0 = _clause_start(s, v0)
        for a, b in taken:
            if c0 <= b < v0 and s[b] == "、":
                c0 = b + 1  # A演变为B、C演变为D: the second source starts after the first construction
        before = s[c0:v0]
        from_before = False  # the source comes from the clause before
        tgt_end = _clause_end(s, v1)
        mo = _OR_TURN_RE.search(s, v1 + 1, tgt_end)
        if mo:
            tgt_end = mo.start()  # 变为A、B或者直接变为C: the second verb has its own target
        tgt_end = _next_construction(s, v1, tgt_end)
        tgt_raw = _trim_target(s[v1:tgt_end])
        tgt_end = v1 + len(tgt_raw)
        # 把/将 X 变成 Y (将 as a modal, 将逐步转为, is not 把)
        mb = None
        for mm in re.finditer(r"[把将]", before):
            mb = mm
        src_core = ""
        after_ba = False
        if mb is not None and mb.start() + 1 < len(before) and not (mb.group() == "将"
                                                                    and before[mb.start() + 1] in _JIANG_MODAL):
            src_core = _source_core(before[mb.start() + 1:])
            after_ba = bool(src_core)
        if not src_core:
            src_core = _source_core(before)
        if re.search(r"(?:或者|或)$", before) and src_core:
            # 科研单位与企业联合、参加企业集团或转变为Y: verb phrases joined by 或 share the subject before them
            m = _VP_START.search(src_core, 2)
            if m:
                src_core = src_core[: m.start()]
        start = s.rfind(src_core, c0, v0) if src_core else -1
        if after_ba:
            start = c0 + mb.start()  # the construction starts at 把/将
        if last_row and _OR_TURN_RE.fullmatch(s, last_row[1], v1):
            # 变为A或者直接变为B: verbs joined by 或 share the source of the first
            src_core, start, after_ba = last_row[0], last_row[2], last_row[3]
        elif _relative_source(s, c0, before, tgt_raw):
            # 没有转为公私合营的资本主义工业: the verb of becoming modifies the noun after it, which is the source
            src_core, tgt_raw, offset = _relative_source(s, c0, before, tgt_raw)
            start, tgt_end = v0, v1 + offset
        elif _only_words(_LOCATIVE_END.sub("", before.strip(" 　")), _NOT_NOMINAL + GOVERN_LEAD) and (
                not src_core or _LOCATIVE_END.search(before)):
            if last_ba and last_ba[1] + 1 == c0:
                # 把X改组为Y，或改为Z: the source is shared with the construction before
                src_core, start, after_ba = last_ba[0], last_ba[2], True
            else:
                src_core, start, after_ba = _previous_clause_source(s, c0)
                from_before = True
        if verb in GROWTH_TURN_VERBS and not from_before:
            continue
        if verb == "改由" and not _OWNER_WORD.search(src_core):
            continue  # 改由地方自筹解决: no former owner or channel is stated
        if _COORD_TURN_RE.fullmatch(verb) and not (after_ba and not from_before):
            continue  # 结构调整和改造成为重点: without 把 the joined verbs are the subject of 成为
        if _COORD_TURN_RE.fullmatch(verb) and _PLACE_UNIT.search(clean_pole(src_core)):
            continue  # 把天津港改造和建设成为Y: a place is an entity, not a kind of body
        if _PARTITIVE_ONLY.match(src_core) and c0 > 0:
            # 原有私营商业…，将有半数上下转变为Y: the whole named at the head of the clause before
            whole = _clause_subject(s[_clause_start(s, c0 - 1): c0 - 1])
            src_core, start = whole, (s.rfind(whole, 0, c0) if whole else -1)
        src, tgt = clean_pole(src_core), clean_pole(tgt_raw)
        if len(src) < 2 or not tgt or PRONOUN_SOURCE.match(src) or len(src_core) > MAX_POLE or len(tgt_raw) > MAX_POLE:
            continue
        if src in ENTITY_SOURCE or ENTITY_OWNED.match(src) or (len(src) <= 4 and re.search(r"(?:省|市|县|自治区|镇|乡|州|岛)$", src)):
            continue  # a whole country or region is an entity, not a state (使中国变成…)
        if _DEMONSTRATIVE_PART.match(src):
            continue  # 这些阶级中间的大多数人已经改造成为Y: the group is named only by reference to an earlier sentence
        if _reject_reason(src, tgt) in ("time", "numeric", "identical poles", "same pole") or RELOCATED_PEOPLE.search(src):
            continue
        if re.search(r"[从由]", src) and any(
                ((src_core[q] == "从" and _is_cong(src_core, q)) or (src_core[q] == "由" and _is_you(src_core, q)))
                and _find_connector(src_core + s[v0:v1], q + 1, len(src_core) + len(verb), src_core[q])
                for q in range(len(src_core))):
            continue  # 从/由 … + connector inside the source: the 从/由 family has judged this phrase
        if "的" not in src and len(tgt) > len(src) and tgt.endswith(src) and tgt[: -len(src)].endswith("的"):
            continue  # 把计划变成群众自觉的计划: a bare thing and a kind of it, so no prior state is stated (R6)
        if not after_ba and len(src) > (24 if "的" in src else 16):
            continue
        if verb[0] == "改" and (c0 >= 2 and s[c0 - 2] == "中" or re.search(r"名称|名字|字样|称谓|简称|名为", before + tgt)):
            continue  # replacing an item of a list (…中，把A改为B) or renaming
        marker = "把X变成Y" if after_ba else "X变成Y"
        start = start if start >= 0 else c0
        rows.append(_row(marker, "", src_core, tgt_raw, verb, start, tgt_end))
        taken.append((start, tgt_end))
        last_row = (src_core, tgt_end, start, after_ba)
        if after_ba:
            last_ba = (src_core, _clause_end(s, tgt_end), start)
    return rows


#: 本来是X，现在成了Y: a former state with 是, then the present one with a verb of becoming after a word of now.
_WAS_NOW_RE = re.compile(
    r"(?:本来|原来|原本|过去|从前|昔日|以往|以前|曾经)(?:是|为)([^，,。；;！？!?]{2,24}?)[，,]"
    r"([^，,。；;！？!?]{0,10}?)(?:现在|如今|今天|而今|今日|现已|眼下)([^，,。；;！？!?]{0,8}?)"
    r"(成了|成为了|成为|变成了|变成|变为|转变为|转为|改为|发展为|发展成为|建设成为|建成)([^，,。；;！？!?]{2,30})")
#: 原来X，以后改为Y: a former state without 是 (原来设计烧煤), then a verb of change after a word of then or now
#: (a plain 成为 there names a result, so a verb of change is required).
_WAS_THEN_RE = re.compile(
    r"(?:本来|原来|原本|原先|从前|以往|曾经)(?![是为的])([^，,。；;！？!?]{2,16}?)[，,]"
    r"([^，,。；;！？!?]{0,6}?)(?:现在|如今|而今|现已|以后|后来|之后|此后)([^，,。；;！？!?]{0,6}?)"
    r"(变成了|变成|变为|转变为|转为|改为|改成|改变为)([^，,。；;！？!?]{2,30})")
#: 过去X，现在变成了Y: 过去 also opens a span of time (过去五年，…), so only a word of now closes it.
_WAS_PAST_RE = re.compile(
    r"(?:过去|以前)(?![是为的])([^，,。；;！？!?的]{2,16}?)[，,]"  # 过去…的事情 is a noun phrase: X变成Y takes it
    r"([^，,。；;！？!?]{0,6}?)(?:现在|如今|而今|现已)([^，,。；;！？!?]{0,6}?)"
    r"(变成了|变成|变为|转变为|转为|改为|改成|改变为)([^，,。；;！？!?]{2,30})")
#: 本来十分友好的中越关系恶化到了严重对立的地步: one entity described by its prior state (a modifier after 本来)
#: and by the state it sank or grew into; the states are the poles, not the entity.
_WAS_MODIFIER_RE = re.compile(
    r"(?:本来|原来|原本|曾经)([^，,。；;！？!?的]{2,12})的([^，,。；;！？!?的]{1,10}?)(?:已经|已|竟然|竟|却|也|逐渐|逐步)?"
    r"(恶化到了|恶化到|恶化为|恶化成|沦为|退化为|退化到了|退化到|演变到了|演变到|发展到了|发展到)"
    r"([^，,。；;！？!?]{2,24}?)的?(?:地步|程度|境地|田地|状态|局面)")
#: 过去要由国家供应粮食的缺粮户，现在已经有一部分能够自给: a body described in an attributive by its former state,
#: then, after a word of now, the state it is in (a part of it, at times): both states are stated, so it counts like
#: 本来是X，现在成了Y. A plan (现在要…) or a state kept (现在仍…) is no change; a verb of becoming there is X变成Y's.
_WAS_ATTR_RE = re.compile(
    r"(?:过去|原来|原先|本来|以前|从前)(?![是为])([^，,。；;！？!?的]{2,16})的([^，,。；;！？!?的]{1,10})[，,]"
    r"[^，,。；;！？!?]{0,4}?(?:现在|如今|而今|现已)(?:已经|已|也|都|却|又|大都|多已)?"
    r"(?:有(?:相当多|相当|很多|许多)?的?)?(?:一部分|一大部分|部分|大部分|多数|大多数|绝大部分|绝大多数|不少)?(?:已经|已)?"
    r"(?![要应需必仍还依])((?:(?!成了|成为|变成|变为|转为|改为)[^，,。；;！？!?]){2,24})(?=[，,。；;！？!?]|$)")
#: 过去要交纳地租，现在不再交纳了: a former state in a 过去 clause and, after a word of now, its end (不再/再也不): the
#: negated present state is the target, like a prevented or negated change.
_WAS_NO_LONGER_RE = re.compile(
    r"(?:过去|以前|从前|原来|原先|本来)(?![是为的])([^，,。；;！？!?]{2,20}?)[，,](?:而|但|可是)?(?:现在|如今|而今|今天)"
    r"(?:已经|已|就|都|也|却)?((?:不再|再也不|再不)[^，,。；;！？!?]{1,12})(?=[，,。；;！？!?]|$)")
_WAS_NOW_HINT = re.compile("本来|原来|原本|原先|过去|从前|昔日|以往|以前|曾经")


def _was_now(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """本来是X，现在成了Y (过去是X，现在已经成为Y): the sentence states both the former and the present state."""
    rows = []
    for m in _WAS_NOW_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src_raw = re.sub(r"^(?:一个|一种|一片|一块)", "", m.group(1))
        tgt_raw = _trim_target(m.group(5))
        tgt_raw = re.sub(r"^(?:一个|一种|一片|一块)", "", re.sub(r"^了", "", tgt_raw))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt) or re.search(r"[从由]", src):
            continue
        rows.append(_row("本来是X，现在成了Y", "", src_raw, tgt_raw, m.group(4), m.start(),
                         m.start(5) + len(m.group(5))))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    for m in _WAS_ATTR_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if not _only_words(s[_clause_start(s, m.start()): m.start()], QUANTITY_LEAD + ["有许多", "凡是", "有", "很多"]):
            continue  # the attributive must be the clause's subject (由于过去遭受X的统治，现在又… is a cause)
        src_raw, tgt_raw = m.group(1), re.sub(r"了$", "", m.group(3))
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt):
            continue
        rows.append(_row("本来是X，现在成了Y", "", src_raw, tgt_raw, "", m.start(), m.start(3) + len(tgt_raw)))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    for m in _WAS_NO_LONGER_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        src, tgt = clean_pole(m.group(1)), clean_pole(m.group(2))
        if len(src) < 2 or _reject_reason(src, tgt) or re.search(r"[从由]", src):
            continue
        rows.append(_row("本来是X，现在成了Y", "", m.group(1), m.group(2), "", m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in list(_WAS_THEN_RE.finditer(s)) + list(_WAS_PAST_RE.finditer(s)) + list(_WAS_MODIFIER_RE.finditer(s)):
        if any(a <= m.start() < b for a, b in taken):
            continue
        modifier = m.re is _WAS_MODIFIER_RE
        src_raw = m.group(1)
        tgt_raw = m.group(4) if modifier else _trim_target(re.sub(r"^了", "", m.group(5)))
        if not modifier and "的" not in src_raw and "的" in tgt_raw[2:]:
            tgt_raw = tgt_raw[: tgt_raw.index("的", 2)]  # 原来设计烧煤，以后改为烧油的电站: parallel to the source
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or _reject_reason(src, tgt) or re.search(r"[从由]", src):
            continue
        verb = m.group(3) if modifier else m.group(4)
        end = m.end(4) if modifier else m.start(5) + len(tgt_raw)
        rows.append(_row("本来是X，现在成了Y", "", src_raw, tgt_raw, verb, m.start(), end))
        taken.append((rows[-1]["start"], rows[-1]["end"]))
    return rows


# --- Substitution and stages: 用Y代替X, 离开X而转向Y, 经过X，逐步过渡到Y ------------------------------------------------
#: 用/以 Y (来) 代替/取代 X: the thing replaced is the source, its replacement the target (a substitution with one
#: construction counts). 用/以 must be a preposition, not the end of a word (使用, 利用, 所以, 可以, 加以 …).
_SUBST_VERB_RE = re.compile(r"(?:代替|取代|替代)了?")
_YONG_NOT_AFTER = set("使利作采应费运试雇引适挪动专实通信享录征启选占沿借调聘租食军民商公自日惯善任效功大重有无启"
                      "起备续耐适混合共兼并常")
_YI_NOT_AFTER = set("所可加予难得借用足是何藉据给赖无之与有")
#: 改变/离开/摆脱 X，而代之以/转向 Y: one construction that leaves a state and takes another (改变X而代之以Y).
_LEAVE_FOR_RE = re.compile(
    r"(?:改变|废除|废弃|取消|抛弃|放弃|摆脱|离开|告别|打破)([^，,。；;！？!?而]{2,30}?)[，,]?而(?:逐步|逐渐|要|应)?"
    r"(代之以|转向|走向|转到|改为|转为|转变为)([^，,。；;！？!?]{2,36})")
#: 改变X的做法，逐步转到Y上来/方面来: leaving a practice and shifting onto another in the next clause. Without 而 the
#: shift must be the construction of a new focus or track (转到…上来, 转到…方面来, 转到…的轨道上来), which names
#: where the work now goes instead of where it was, and X must be a practice (…的做法/办法/方式, 把精力放在X上面的
#: 做法); 改变X，建立Y (two verbs, no construction) stays out.
_LEAVE_FOR_TRACK_RE = re.compile(
    r"(?:改变|摆脱|改掉|放弃|扭转)([^，,。；;！？!?]{2,40}?)[，,](?:并且|并|要|应|逐步|逐渐|切实|真正|尽快|进一步|坚决)*"
    r"(转到|转移到)([^，,。；;！？!?]{2,48}?)(?:的?(?:轨道|路子|道路))?(?:上|方面)来")
#: A former practice named by where the effort was put (把主要精力放在X上面的做法): X is the state left.
_FORMER_FOCUS = re.compile(r"(?:放在|集中在|局限于|停留在)([^，,]{2,}?)上(?:面)?的(?:做法|办法|作法|方式|状况|局面|倾向)$")
_FORMER_LEAD = re.compile(r"^(?:过去|以往|原来|原先|长期以来)?(?:那种|这种|那些|这些|一些)?")
_PRACTICE_TAIL = re.compile(r"的(?:做法|办法|作法|方式|状况|局面|倾向)$")
#: 经过 X，(…，) 逐步过渡到 Y: a stage passed through and the stage reached (经过低级的合作形式，逐步地过渡到较高级的合作形式).
_VIA_STAGE_RE = re.compile(
    r"经过([^，,。；;！？!?]{2,20})[，,](?:[^，,。；;！？!?]{0,16}[，,])?(?:而后|然后|再|并|才|逐步|逐渐|地)*过渡到"
    r"([^，,。；;！？!?]{2,30})")
#: What one goes through that is an effort, a time or a process, not a stage (经过几年的努力，过渡到…).
_NOT_STAGE = re.compile(r"(?:努力|奋斗|斗争|工作|劳动|改革|改造|调整|整顿|整理|时间|时期|过程|实践|试点|试验|讨论|协商|准备|"
                        r"学习|教育|建设|发展|年)$")
_DEMONSTRATIVE_LEAD = re.compile(r"^(?:这种|这些|那种|那些|各种|各类|种种|一条|一种|一个|这一|那一)")


def _substitution(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """用Y代替X, 改变X而代之以Y / 离开X而转向Y, 经过X，逐步过渡到Y."""
    rows = []
    if "代" in s:
        for m in _SUBST_VERB_RE.finditer(s):
            v0, v1 = m.start(), m.end()
            c0 = _clause_start(s, v0)
            k = next((q for q in range(v0 - 3, c0 - 1, -1) if s[q] in "用以" and not (
                q > 0 and s[q - 1] in (_YONG_NOT_AFTER if s[q] == "用" else _YI_NOT_AFTER))
                and s[q + 1: q + 2] not in set("及便免后来前上下下内外为") | {""}), None)
            if k is None or any(a <= k < b for a, b in taken):
                continue
            repl_raw = re.sub(r"来$", "", s[k + 1: v0])
            if _EMPHASIS_RE.search(s[k: v0]) or s[v0 - 1] in "和与及、":
                continue  # 以X为主的城市发展接续和替代产业: a frame of emphasis, and 替代 modifying a noun
            end = _next_construction(s, v1, _clause_end(s, v1))
            old_raw = s[v1: end]
            mm = re.search(r"(?:必须|应该|应当|必将|势必|已经|终将)", old_raw)
            if mm and mm.start() >= 2:
                old_raw = old_raw[: mm.start()]  # 用Y代替X的主张必须实现: the predicate of the whole phrase
            old_raw = _trim_target(old_raw)
            src, tgt = clean_pole(_DEMONSTRATIVE_LEAD.sub("", old_raw)), clean_pole(_DEMONSTRATIVE_LEAD.sub("", repl_raw))
            if len(src) < 2 or len(tgt) < 2 or PRONOUN_SOURCE.match(src) or PRONOUN_SOURCE.match(tgt) \
                    or len(old_raw) > MAX_POLE or len(repl_raw) > MAX_POLE or _reject_reason(src, tgt):
                continue
            rows.append(_row("用Y代替X", "", old_raw, repl_raw, m.group().rstrip("了"), k, v1 + len(old_raw)))
            taken.append((k, v1 + len(old_raw)))
    if "而" in s:
        for m in _LEAVE_FOR_RE.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            src_raw, tgt_raw = m.group(1), _trim_target(m.group(3))
            src, tgt = clean_pole(_DEMONSTRATIVE_LEAD.sub("", src_raw)), clean_pole(_DEMONSTRATIVE_LEAD.sub("", tgt_raw))
            if len(src) < 2 or len(tgt) < 2 or PRONOUN_SOURCE.match(src) or _reject_reason(src, tgt):
                continue
            rows.append(_row("改变X而代之以Y", "", src_raw, tgt_raw, m.group(2), m.start(), m.start(3) + len(tgt_raw)))
            taken.append((m.start(), m.start(3) + len(tgt_raw)))
    if "转到" in s or "转移到" in s:
        for m in _LEAVE_FOR_TRACK_RE.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            src_raw = _FORMER_LEAD.sub("", m.group(1))
            mf = _FORMER_FOCUS.search(src_raw)
            if not (mf or _PRACTICE_TAIL.search(src_raw)):
                continue  # 改变落后面貌，转到建设上来: a state to be changed and a new task, not a practice left
            src_raw = mf.group(1) if mf else _PRACTICE_TAIL.sub("", src_raw)
            tgt_raw = m.group(3)
            src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
            if len(src) < 2 or len(tgt) < 2 or len(tgt_raw) > MAX_POLE or PRONOUN_SOURCE.match(src) \
                    or _reject_reason(src, tgt):
                continue
            rows.append(_row("改变X而代之以Y", "", src_raw, tgt_raw, m.group(2), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if "过渡到" in s:
        for m in _VIA_STAGE_RE.finditer(s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            src_raw, tgt_raw = _DEMONSTRATIVE_LEAD.sub("", m.group(1)), _trim_target(m.group(2))
            src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
            if len(src) < 2 or len(tgt) < 2 or _NOT_STAGE.search(src) or _reject_reason(src, tgt):
                continue
            rows.append(_row("经过X过渡到Y", "", src_raw, tgt_raw, "过渡到", m.start(), m.start(2) + len(tgt_raw)))
            taken.append((m.start(), m.start(2) + len(tgt_raw)))
    return rows


# --- A thing led from one road onto another: 把X从Y的道路拖到Z的道路上去 -------------------------------------------------
#: 把/将 X 从 Y + a verb of leading or dragging + 到 Z: the thing is moved from one road, track or state to another,
#: which names a change of course (the report gold's policy: 把国家从X的道路拖到Y的道路上去 counts, modality aside). Both
#: poles must be roads, tracks or states (:data:`_PATH_POLE`): moving people, capacity or goods from one sector or
#: place to another (把劳动力从农业转到工业, 把物资从仓库运到工地) is relocation and is refused.
_LEAD_TO_VERBS = ["拖", "拉", "引", "带", "推", "领", "扭", "拨", "纳", "引导", "拉回", "拖回", "带回", "引回", "扭转"]
_MOVED_RE = re.compile(rf"[把将]([^，,。；;！？!?从]{{1,20}}?)从([^，,。；;！？!?]{{2,30}}?)({_alts(_LEAD_TO_VERBS)})到"
                       r"([^，,。；;！？!?]{2,40})")
_PATH_POLE = re.compile(r"(?:道路|路|轨道|轨|路线|方向|邪路|歧途|状态|境地|局面|阶段)$")


def _led_onto_path(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """把X从Y拖到Z上去 / 把X从Y引到Z的轨道上来: the roads or states Y and Z are the poles."""
    rows = []
    for m in _MOVED_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken) or m.group()[0] == "将" and m.group(1)[:1] in _JIANG_MODAL:
            continue
        src_raw = m.group(2)
        tgt_raw = re.sub(r"上?[去来]$", "", m.group(4))  # the road is the pole: no head is cut (的道路 stays)
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not (_PATH_POLE.search(src) and _PATH_POLE.search(tgt)) or _is_place(src) or _is_place(tgt) \
                or _reject_reason(src, tgt) or len(tgt_raw) > MAX_POLE:
            continue
        end = m.start(4) + len(tgt_raw)
        rows.append(_row("把X从Y引到Z", "", src_raw, tgt_raw, m.group(3) + "到", k, end))
        taken.append((k, end))
    return rows


# --- A source resumed by a pronoun: 改造X，使之转变为Y ------------------------------------------------------------------
#: 改造/改组 X，使 + pronoun + (adverbs) + a verb of becoming + Y: the pronoun resumes the object of the verb of
#: conversion in the same sentence, so that object is the stated source (the report gold's policy). After a verb of
#: conversion a plain 成为 names the result of the conversion (改造X使它们成为Y); after any other verb (发展X，使之成为Y,
#: 修改计划，使它成为Y) the pronoun's 成为 is a bare result and is refused, like a pronoun with no antecedent.
CONVERT_VERBS = ["改造", "改组", "改编"]
#: What may stand before the verb of conversion: a clause start, a modal, a conjunction or an adverb (…来改造X,
#: 而改造X, 要逐步改造X); a noun before it makes 改造 a noun (技术改造工作，使它…).
_CONVERT_LEAD = ("要", "来", "而", "并", "和", "地", "去", "也", "还", "逐步", "继续", "彻底", "积极", "进一步", "认真", "切实",
                 "必须", "应当", "应该", "能够", "可以", "努力", "是", "就")
_RESUMED_RE = re.compile(
    rf"({_alts(CONVERT_VERBS)})([^，,。；;！？!?使让]{{2,30}}?)[，,]?(?:使|让)(?:它们|他们|她们|之|其|它|他|她)"
    r"(?:逐步|逐渐|最后|最终|终于|真正|都|也|能够|能|尽快|更快|彻底|地)*"
    rf"({_alts(set(TURN_VERBS) | {'成为'})})([^，,。；;！？!?]{{2,40}})")


def _resumed_by_pronoun(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """改造X，使之转变为Y / 改造X使它们成为Y / 改造X的人们，使他们改造成为Y: the pronoun's antecedent X is the source."""
    rows = []
    for m in _RESUMED_RE.finditer(s):
        k = m.start()
        if any(a <= k < b for a, b in taken):
            continue
        before = s[_clause_start(s, k): k]
        if before and not before.endswith(_CONVERT_LEAD):
            continue  # 技术改造工作，使它成为…: 改造 is a noun, its clause has no object to resume
        src_raw = m.group(2)
        tgt_end = _next_construction(s, m.start(4), _clause_end(s, m.start(4)))
        tgt_raw = _trim_target(s[m.start(4): tgt_end])
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(src) < 2 or len(tgt) < 2 or PRONOUN_SOURCE.match(src) or len(tgt_raw) > MAX_POLE:
            continue
        if src in ENTITY_SOURCE or ENTITY_OWNED.match(src) or _reject_reason(src, tgt):
            continue  # 改造旧中国，使它成为…: a country is an entity, not a state
        rows.append(_row("改造X，使之成为Y", "", src_raw, tgt_raw, m.group(3), k, m.start(4) + len(tgt_raw)))
        taken.append((k, m.start(4) + len(tgt_raw)))
    return rows


# --- Public API -------------------------------------------------------------------------------------------------
#: Characters at least one of which every construction contains (从/由 families, 变X为Y and the verbs of
#: becoming 变成/转为/化为/改为…, bare X向Y转变, 用Y代替X, 经过X过渡到Y): a sentence without any of them cannot hold a
#: transition.
#: Besides, 发展成为 and a verb of conversion joined to one of building (调整和建设成为) are tested apart: an
#: alternation would slow the scan.
_TRIGGER = re.compile("[从由变化转改向代渡汇聚积]")
_OPENER_RE = re.compile("[从由]")


def extract(sentence: str) -> list[dict]:
    """Every transition in one sentence, in order of appearance.

    Each dict has ``marker, subject, source, target, verb, source_quote, target_quote, chain_id, step, start,
    end``: ``chain_id`` numbers the transitions of the sentence from 1 (the steps of one chain share it), ``step``
    is 1 for a single transition and 1..n along a chain, and ``start``/``end`` are character offsets of the
    construction in ``sentence``. Poles are stored without quotation marks; the marks are in ``*_quote``.

    >>> [(r["source"], r["target"]) for r in extract("组织关系从“松散型”向“紧密型”转变")]
    [('松散型', '紧密型')]
    """
    s = sentence
    found: list[list[dict]] = []
    taken: list[tuple[int, int]] = []
    if _WAS_NOW_HINT.search(s):
        for r in _was_now(s, taken):
            found.append([r])
    if not _TRIGGER.search(s) and "发展成为" not in s and not ("成" in s and _COORD_TURN_RE.search(s)):
        # every other construction holds one; most sentences none
        return _number(found) if found else []
    m = _OPENER_RE.search(s)
    last_to = None  # where the last 从X到Y ended: a parallel one right after is supported by it
    while m:
        i = m.start()
        if (s[i] == "从" and _is_cong(s, i)) or (s[i] == "由" and _is_you(s, i)):
            res = _from_family(s, i, s, parallel=last_to is not None and 0 <= i - last_to <= 2
                               and all(ch in "，,、；;" for ch in s[last_to:i]))
            if res:
                rows, resume = res
                last_to = max(r["end"] for r in rows) if "到" in rows[0]["marker"] else None
                found.append(rows)
                taken.append((rows[0]["start"], max(r["end"] for r in rows)))
                m = _OPENER_RE.search(s, max(resume, i + 1))
                continue
        m = _OPENER_RE.search(s, i + 1)
    for r in _bian_x_wei_y(s) + _quoted_bian(s) + (_gather_into(s) if "成" in s else []):
        if not any(a <= r["start"] < b for a, b in taken):
            found.append([r])
            taken.append((r["start"], r["end"]))
    if "把" in s or "将" in s:
        for r in _led_onto_path(s, taken):
            found.append([r])
    if "使" in s or "让" in s:
        for r in _resumed_by_pronoun(s, taken):
            found.append([r])
    for r in _turn_into(s, taken):
        found.append([r])
    for r in _substitution(s, taken):
        found.append([r])
    for r in _bare_toward(s, taken):
        found.append([r])
    return _number(found)


def _number(found: list[list[dict]]) -> list[dict]:
    """The rows of each construction in order of appearance, with chain_id and step."""
    found.sort(key=lambda rows: rows[0]["start"])
    out = []
    for n, rows in enumerate(found, start=1):
        for k, r in enumerate(rows, start=1):
            out.append({**r, "chain_id": n, "step": k})
    return out


#: Cues of a change construction, for sentences the rules took nothing from (:func:`review_queue`): an opener
#: 从/由 meeting a connector or verb of change within a clause, 变/化 … 为, and the conversion and substitution
#: verbs the labelling policy lists (resources/report_gold_transitions.csv). Written from the policy's list of
#: constructions, not from any sentence the rules missed. Bare 成为 is left out: the policy counts it only with a
#: stated prior state, and on its own it is the commonest verb of the reports.
REVIEW_CUES = re.compile(
    r"(从|由)[^。！？；]{1,40}?(到|向|至|为|走向|迈向|转|变|进入|过渡)"
    r"|变[^。，；！？]{1,20}?为|化[^。，；！？]{1,6}?为|变成|变为|转化为|转化成|转变为|转变成|转为|化为|改为|改成"
    r"|演变|改造成|改造为|改组为|建设成为|过渡到|转入|改由|代替|取代|代之以")


def review_cue(sentence: str) -> str:
    """The first change-construction cue in ``sentence`` (:data:`REVIEW_CUES`), or ``""`` when it has none.

    A cue is no transition: it marks a sentence a reader should look at when the rules took nothing from it.
    """
    m = REVIEW_CUES.search(sentence)
    return m.group(0) if m else ""


def review_queue(sentences, found) -> "pd.DataFrame":
    """The sentences a reader should check: those of ``sentences`` (a sentence table with ``doc``, ``sentence_id``
    and ``text``) that hold a change-construction cue (:func:`review_cue`) but gave the rules no transition
    (``found``: the extracted table, matched on ``doc`` and ``sentence_id``).

    The rules' recall on prose they were not tuned on is below their precision (EVALUATION.md): this list is where the
    transitions they miss are, at a reading cost the caller can count. Columns ``doc, sentence_id, cue, text``.
    """
    import pandas as pd

    taken = set(zip(found["doc"].astype(str), found["sentence_id"].astype(str))) if len(found) else set()
    rows = []
    for row in sentences[["doc", "sentence_id", "text"]].itertuples(index=False):
        key = (str(row.doc), str(row.sentence_id))
        if key in taken:
            continue
        cue = review_cue(str(row.text))
        if cue:
            rows.append({"doc": key[0], "sentence_id": key[1], "cue": cue, "text": row.text})
    return pd.DataFrame(rows, columns=["doc", "sentence_id", "cue", "text"])


def extract_sentences(sentences):
    """Transitions of every sentence in a ``sentences`` table (see :mod:`fromto.clean`), as a DataFrame.

    ``sentences`` is the DataFrame or its rows (an iterable of dicts, as ``CleanResult.sentence_rows``).
    Columns are :data:`COLUMNS`; ``chain_id`` is ``<sentence_id>-c<n>`` so it is unique in the table.
    Missing context columns (``article``, ``section`` …) are left empty.
    """
    import pandas as pd

    return pd.DataFrame(extract_rows(sentences), columns=COLUMNS)


def extract_rows(sentences) -> list[dict]:
    """The rows of :func:`extract_sentences` as a list of dicts (no DataFrame is built: corpus mode's path)."""
    if hasattr(sentences, "to_dict"):
        sentences = sentences.to_dict("records")
    records = []
    rows = sentences
    for row in rows:
        text = str(row.get("text", ""))
        found = extract(text)
        if not found:
            continue
        sid = str(row.get("sentence_id", ""))
        for t in found:
            records.append({
                "doc": row.get("doc", ""),
                "article": row.get("article", ""),
                "section": row.get("section", ""),
                "paragraph_id": row.get("paragraph_id", ""),
                "sentence_id": sid,
                "position": row.get("position", ""),
                "sentence": text,
                **{k: t[k] for k in ("marker", "subject", "source", "target", "verb", "source_quote",
                                     "target_quote")},
                "chain_id": f"{sid}-c{t['chain_id']}",
                "step": t["step"],
                "start": t["start"],
                "end": t["end"],
            })
    return records


def extract_text(text: str, doc: str = "text"):
    """Clean plain text with :func:`fromto.clean.clean_document` (the same path as every command) and
    extract the transitions of its sentences (a table with :data:`COLUMNS`)."""
    from fromto.clean import clean_document

    return extract_sentences(clean_document(text, doc).sentences)
