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
``从X走向Y``           从/由 X 走向/迈向/转向/回归 Y                      从封闭走向开放 (走向)
``由X转为Y``           从/由 X 转为/转变为/变为/变成/改为/发展为 … Y        由被动应付转为主动服务 (转为)
``变X为Y``             变/化/转 X 为 Y, often in series                  变各自为战为共同奋战 (变)
``把X变成Y``           把/将 X 变成/变为/转化为/转变为 … Y                把“工业锈带”变成“生活秀带” (变成)
``X变成Y``             X 变成/变为/转化为/演变为 … Y (X stated)            昔日的荒滩变成了良田 (变成)
``“X”变“Y”``           quoted pole 变 quoted pole                        “独唱”变“合唱” (变)
``X向Y转变``           X 向 Y + verb of change of kind, no 从/由           推动中国制造向中国创造转变 (转变)
=====================  ==============================================  ======================================

Where a 变成-clause holds only adverbs (…的事情，如今却变成了现实) the source is the clause before, if it is a noun
phrase (built with 的, or at most four characters). A bare X向Y takes only verbs of change of kind (转变, 转型,
转化, 过渡 …), never verbs of movement or growth (发展, 迈进), which describe where an entity goes, not what it
was. A copula closes a 从X到Y target (从“要我学”到“我要学”是一个转变).

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
* ``numeric`` — a pole that is a quantity (23%, 三成, 100万元): 从23%下降到17%;
* ``space`` — motion or distance (从上海出发到北京, 行程从A到B 300公里) and poles that are both places
  or both ends of a scale of levels (从中央到地方, 从城市到农村);
* ``scope`` — a range or enumeration of scope: 从X到Y followed by 都/均/无不/各/每/等 (从选址到装修，再到验收，
  每个环节都 …) and viewpoint phrases 从X到Y来看;
* a plain 从X到Y (one step, no chain) is taken only with positive evidence: 实现/完成/经历/推动 before it, a
  change noun after it (的转变/跨越), quotation marks around a pole, the sentence being only the construction
  (a headline), a change verb in the same sentence (升级, 转型 …), or two opposite state words (从无到有,
  从弱到强). Without such evidence 从X到Y in newspaper prose is mostly a range or a span;
* ``no source`` — a change verb whose source is absent or only a pronoun (使其转化为长效机制, 转化为现实生产力):
  a target without a stated source is not a transition. Likewise 向Y迈进 without 从/由;
* identical poles (从胜利走向胜利) and poles longer than :data:`MAX_POLE` characters.

Public functions: :func:`extract` (one sentence -> list of dicts), :func:`extract_sentences` (the sentences
table of :mod:`fromto.clean` -> transitions table), :func:`extract_text` (plain text -> transitions table, cleaned by :mod:`fromto.clean` first).
"""

from __future__ import annotations

import bisect
import functools
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

#: Opening and closing quotation marks that may wrap a pole, as pairs.
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "'": "'"}
QUOTE_CHARS = set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values())

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
GO_VERBS = ["走向", "迈向", "转向", "回归", "步入", "跨入", "迈入"]
BECOME_VERBS = [
    "转变为", "转变成", "转化为", "转化成", "转换为", "转换成", "演变为", "演变成", "蜕变为", "蜕变成", "发展为",
    "发展成为", "发展成", "转型为", "转型成", "变身为", "变身成", "改变为", "改造成", "改造为", "过渡到",
    "转为", "转成", "变为", "变成", "化为", "化成", "成长为", "改为", "改成", "改判为", "改制为", "改建为",
]
#: Verbs for 把/将 X __ Y and X __ Y (the source stated before the verb).
TURN_VERBS = [
    "转变为", "转变成", "转化为", "转化成", "转换为", "转换成", "演变为", "演变成", "蜕变为", "蜕变成", "变身为",
    "变身成", "改变为", "改造成", "改造为", "转型为", "转型成", "转为", "转成", "变为", "变成", "化为", "化成",
]
#: Change verbs anywhere in the sentence that support a plain 从X到Y (its matrix predicate).
SUPPORT_VERBS = [
    "转变", "转型", "转换", "转化", "升级", "跨越", "飞跃", "跃升", "蜕变", "嬗变", "演变", "变迁", "巨变", "迭代",
    "变革", "转折", "提升", "发展壮大", "成长", "走过", "经历", "实现了", "完成了",
]
#: Words right before 从 that announce a transition (实现从X到Y).
LEAD_VERBS = ["实现了", "完成了", "经历了", "实现", "完成", "经历", "推动", "促进", "加快", "标志着", "走过了", "走过"]
#: Pairs of single-character state words read as a change of state (从无到有, 从弱到强).
STATE_PAIRS = {
    ("无", "有"), ("弱", "强"), ("少", "多"), ("低", "高"), ("穷", "富"), ("贫", "富"), ("慢", "快"), ("粗", "精"),
    ("虚", "实"), ("浅", "深"), ("量", "质"), ("点", "面"), ("乱", "治"), ("散", "聚"), ("弱", "大"), ("小", "强"),
    ("后", "先"), ("旧", "新"), ("差", "好"), ("难", "易"), ("有", "优"), ("大", "强"), ("多", "精"),
}

# --- False triggers ---------------------------------------------------------------------------------------------
#: 从 followed by these is a word or a fixed phrase, not an opener (从事, 从业, 从严 …).
CONG_NOT_BEFORE = {"事", "业", "严", "此", "而", "未", "不", "来", "容", "众", "属", "军", "政", "教", "医", "商", "师",
                   "艺", "头", "宽", "重", "简", "速", "优", "轻", "快", "长", "今"}
#: 从 preceded by these is the end of a word (服从, 自从, 何去何从 …).
CONG_NOT_AFTER = set("服随侍自何无盲顺听遵屈适主跟依力")
#: 由 followed by these is a word (由于, 由此, 由衷 …); 由 preceded by these likewise (自由, 理由 …).
YOU_NOT_BEFORE = set("于此衷来头是")
YOU_NOT_AFTER = set("自理缘经来事因不籍")
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
                      "敢于", "勇于", "巧妙", "变")

# --- Rejection vocabulary ---------------------------------------------------------------------------------------
_NUM = "0-9０-９零〇○一二三四五六七八九十百千万亿两几半"
TIME_POLE = re.compile(
    rf"^(?:[{_NUM}]+(?:年|月|日|号|点|时|分|秒|世纪|年代|岁|周|天|多年)[{_NUM}]*(?:月|日|号|年代|初|底|末|中|上旬|中旬|下旬)?.*"
    r"|.*(?:时|时候|期间|以后|之后|以前|之前|之初|以来|当天|当日|那天|这天|年初|年底|年末|月底|月初|年代|世纪|清晨|早晨|傍晚|深夜|凌晨)"
    r"|现在|如今|今天|目前|当前|过去|当时|以前|此前|今|古|早|晚|昔|明天|昨天|去年|今年|明年|开始|最初|最后|古代|"
    r"现代|当代|近代|上午|下午|晚上|白天|黑夜|春|夏|秋|冬|周一|周末|年头|年尾|月头|月尾|开工|建国|解放|新中国成立)$"
)
NUMERIC_POLE = re.compile(
    r"[0-9０-９]|[%％‰]|(?:[零〇○二三四五六七八九十百千两几半]|一[十百千万亿])[十百千万亿]*"
    r"(?:成|倍|个|万|亿|元|人|次|家|吨|亩|公里|米|斤|户|名|所|项|台|辆|件|位|种|分|度|级|层|岁|块|美元)"
)
DURATION_AFTER = re.compile(
    rf"^[^。！？!?；;]{{0,12}}?(?:用了|用|花了|花|历时|耗时|需要|需|仅|只|不到|共|前后|整整|长达)[^，,。！？!?；;]{{0,4}}[{_NUM}]+\s*(?:个)?(?:天|日|年|个月|月|小时|分钟|周|秒|星期)"
)
DISTANCE_AFTER = re.compile(rf"^[^。！？!?；;，,]{{0,10}}[{_NUM}]+\s*(?:公里|千米|米|里|站|海里|英里)")
#: Words ending a pole that make it movement in space (从北京出发, 从群众中来).
MOTION_IN_POLE = re.compile(r"(?:出发|起飞|启程|动身|(?<!起)来|去|走|飞|回|赶|乘|坐|步行|开车|运|送|出来|进来)$")
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
SCOPE_IN_POLE = re.compile(r"(?:都|均|各|每|等|诸)|各级|各类|各种|各个|所有")
#: Viewpoint endings: 从X到Y来看, 从A到B说起.
VIEWPOINT_END = re.compile(r"(?:来看|看来|看|说起|讲起|谈起|做起|抓起|入手|着手|开始|起步|出发|上看|上说|而言|来说)$")
#: Pronouns and empty words that cannot be a stated source (使其转化为 …).
PRONOUN_SOURCE = re.compile(r"^(?:其|之|它|它们|他|他们|她|她们|此|这|那|这些|那些|自己|自身|我们|你们|其中|对方)$")

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
_TURN_RE = re.compile(_alts(TURN_VERBS))


# --- Small helpers ----------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=8)
def _boundaries(s: str) -> list[int]:
    """Positions of the clause boundaries in ``s``, indexed once per sentence (the scans below bisect them)."""
    return [k for k, ch in enumerate(s) if ch in CLAUSE_END]


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
    return pole.strip()


def _strip_words(text: str, lead: Iterable[str] = (), trail: Iterable[str] = ()) -> str:
    """Remove any of ``lead`` from the start and ``trail`` from the end, repeatedly."""
    lead = sorted(lead, key=len, reverse=True)
    trail = sorted(trail, key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        for w in lead:
            if text.startswith(w) and len(text) > len(w):
                text, changed = text[len(w):], True
                break
        for w in trail:
            if text.endswith(w) and len(text) > len(w):
                text, changed = text[: -len(w)], True
                break
    return text


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


def _is_cong(s: str, i: int) -> bool:
    """True if the 从 at ``i`` opens a phrase (not 从事, 服从, 何去何从 …)."""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    prev = s[i - 1] if i > 0 else ""
    if nxt in CONG_NOT_BEFORE or prev in CONG_NOT_AFTER:
        # 从小到大, 从无到有: single-character state poles are handled by the STATE_PAIRS rule
        return False
    if s[i + 1: i + 3] in {"中来", "中去"}:
        return False
    return bool(nxt) and nxt not in CLAUSE_END


def _is_you(s: str, i: int) -> bool:
    """True if the 由 at ``i`` opens a phrase (not 由于, 自由, 理由 …)."""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    prev = s[i - 1] if i > 0 else ""
    return bool(nxt) and nxt not in YOU_NOT_BEFORE and prev not in YOU_NOT_AFTER and nxt not in CLAUSE_END


def _is_time(p: str) -> bool:
    return bool(TIME_POLE.match(p))


def _is_numeric(p: str) -> bool:
    return bool(NUMERIC_POLE.search(p))


def _is_place(p: str) -> bool:
    return p in SCOPE_WORDS or (len(p) <= 6 and bool(PLACE_SUFFIX.search(p)) and not re.search(r"[化型性式]", p))


def _reject_reason(src: str, tgt: str) -> str | None:
    """Why a pair of cleaned poles is no transition (time, numeric, identical …), or None."""
    if not src or not tgt:
        return "empty pole"
    if src == tgt:
        return "identical poles"
    if _is_time(src) or _is_time(tgt):
        return "time"
    if _is_numeric(src) or _is_numeric(tgt):
        return "numeric"
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
        if ch == "到" and k > j and (prev not in DAO_NOT_AFTER or s[k - 2:k] == "起来") and nxt not in DAO_NOT_BEFORE:
            return ("to", k, k + 1, "")
        if ch == "向" and k > j and prev not in XIANG_NOT_AFTER and nxt not in XIANG_NOT_BEFORE:
            return ("toward", k, k + 1, "")
        if ch == "至" and k > j:
            return ("until", k, k + 1, "")
        if ch in "从由" and k > j:
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


def _from_family(s: str, i: int, whole_sentence: str) -> tuple[list[dict], int] | None:
    """Rows for a 从/由 opener at ``i`` (one per chain step) and the index where scanning may resume."""
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
    if conn is None and clause_end < len(s) and s[clause_end] in "，," and s[clause_end + 1: clause_end + 2] == "到":
        # 从A，到B，再到C: the first 到 opens the next clause
        conn = ("to", clause_end + 1, clause_end + 2, "")
        comma_form = True
    if conn is None:
        return None
    kind, c0, c1, verb = conn
    if kind == "until":
        return None
    src_raw = s[i + 1: clause_end if comma_form else c0]
    if len(src_raw) > MAX_POLE:
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
        if verb in MOTION_VERBS and (_is_place(src) or _is_place(tgt)):
            return None
        if nominal:
            marker = "从X向Y的N" if opener == "从" else "由X向Y的N"
        else:
            marker = "从X向Y+V" if opener == "从" else "由X向Y+V"
        row = _row(marker, subject, src_raw, tgt_raw, verb, lead_start if lead else i, m.end())
        return [row], m.end()

    if kind in ("go", "become"):
        y_end = _clause_end(s, c1)
        if y_end - c1 > MAX_POLE:
            return None
        tgt_raw = s[c1:y_end]
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if len(tgt_raw) > MAX_POLE or _reject_reason(src, tgt):
            return None
        if DURATION_AFTER.match(s[c1:]):
            return None
        if kind == "go":
            marker = "从X走向Y" if opener == "从" else "由X走向Y"
        else:
            marker = "由X转为Y" if opener == "由" else "从X转为Y"
        return [_row(marker, subject, src_raw, tgt_raw, verb, lead_start if lead else i, y_end)], y_end

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
    if any(SCOPE_IN_POLE.search(p[1:]) for p in clean[1:]) or SCOPE_AFTER.match(after):
        return None
    if any(MOTION_IN_POLE.search(p) and len(p) <= 6 for p in clean):
        return None
    if all(_is_place(p) for p in clean):
        return None
    # --- a plain one-step 从X到Y needs positive evidence
    if steps == 1 and not nominal and not lead:
        quoted = any(_quotes_of(p) for p in raw)
        headline = not re.sub(r"[\s“”‘’「」\"'，,。！？!?：:—…·]", "", s[:i] + s[end:])
        states = (clean[0], clean[1]) in STATE_PAIRS
        supported = any(v in whole_sentence[:i] + whole_sentence[end:] for v in SUPPORT_VERBS)
        if not (quoted or headline or states or supported):
            return None
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


def _bian_x_wei_y(s: str) -> list[dict]:
    """变X为Y / 化X为Y / 转X为Y (and series of them)."""
    rows = []
    for m in re.finditer(r"[变化转]", s):
        i = m.start()
        ch = s[i]
        prev = s[i - 1] if i > 0 else ""
        if ch == "变":
            if prev in BIAN_NOT_AFTER or s[i + 1: i + 2] in set("化成为得革动更迁着了换幻量形身卖现通相故卦")  :
                continue
        else:
            before = s[_clause_start(s, i): i]
            if before and not any(before.endswith(w) for w in HUA_ALLOWED_BEFORE) and prev not in "、":
                continue
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
        cands = [k for k in range(i + 2, min(limit, i + 2 + 10)) if s[k] == "为" and s[k - 1] not in _WEI_NOT_AFTER]
        cands = [k for k in cands if k + 1 < limit]
        if not cands:
            continue
        k = cands[-1]
        if limit - (k + 1) > 12:
            continue  # the target is too long (tested again below, before slicing a long clause)
        src_raw = s[i + 1: k]
        tgt_end = limit
        tgt_raw = s[k + 1: tgt_end]
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or not tgt or len(tgt_raw) > 12 or len(src_raw) > 10 or src == tgt:
            continue
        if re.search(r"[的了着过]$", src) or _is_numeric(src) or _is_numeric(tgt):
            continue
        marker = {"变": "变X为Y", "化": "化X为Y", "转": "转X为Y"}[ch]
        rows.append(_row(marker, "", src_raw, tgt_raw, ch, i, tgt_end))
    return rows


#: Verbs that make a bare X向Y__ (no 从/由) a transition: only verbs of change of kind, not of movement or
#: growth (推动中国制造向中国创造转变 counts; 引导活动向纵深发展 and 向现代化迈进 do not).
BARE_TOWARD_VERBS = ["转变", "转型", "转化", "转换", "过渡", "转轨", "蜕变", "嬗变", "演变"]
_BARE_TOWARD_RE = re.compile(rf"(的)?({_alts(BARE_TOWARD_VERBS)})")


def _bare_toward(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """X向Y转变 without 从/由: the source is the noun phrase before 向 in the same clause."""
    rows = []
    for m in re.finditer("向", s):
        c = m.start()
        if any(a <= c < b for a, b in taken):
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
        if vm is None or vm.group(1):
            continue
        c0 = _clause_start(s, c)
        src_raw = _strip_words(s[c0:c].strip(), SUBJECT_LEAD + ["加快", "推进", "促进", "引导", "带动", "实现"],
                               SUBJECT_TRAIL)
        src_raw = re.sub(r"^(?:推动|推进|促进|促使|引导|带动|加快|实现|使|让)", "", src_raw)
        tgt_raw = s[c + 1: vm.start()]
        src, tgt = clean_pole(src_raw), clean_pole(tgt_raw)
        if not src or len(src) > 15 or PRONOUN_SOURCE.match(src) or src in SUBJECT_LEAD or len(tgt_raw) > MAX_POLE:
            continue
        if re.search(r"[从由]", src) or _reject_reason(src, tgt):
            continue
        start = c - len(src_raw)
        rows.append(_row("X向Y转变", "", src_raw, tgt_raw, vm.group(2), start, vm.end()))
        taken.append((start, vm.end()))
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


def _turn_into(s: str, taken: list[tuple[int, int]]) -> list[dict]:
    """把/将 X 变成 Y and X 变成 Y (source stated before the verb in the same clause)."""
    rows = []
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
        tgt_end = _clause_end(s, v1)
        if tgt_end - v1 > MAX_POLE + 1:
            continue  # the target is too long even without a leading 了 (tested again below)
        c0 = _clause_start(s, v0)
        before = s[c0:v0]
        tgt_raw = s[v1:tgt_end]
        tgt_raw = re.sub(r"^了", "", tgt_raw)
        # 把/将 X 变成 Y
        mb = None
        for mm in re.finditer(r"[把将]", before):
            mb = mm
        if mb is not None and mb.start() + 1 < len(before) and s[c0 + mb.start() + 1] not in "要会来近":
            src_raw = before[mb.start() + 1:]
            start = c0 + mb.start()
            marker = "把X变成Y"
        else:
            src_raw = before
            start = c0
            marker = "X变成Y"
        src_raw = src_raw.strip(" 　")
        if marker == "X变成Y":
            src_core = _strip_words(src_raw, SUBJECT_LEAD + SOURCE_TRAIL, SOURCE_TRAIL)
            if src_core in SUBJECT_LEAD or src_core in SOURCE_TRAIL:
                src_core = ""
            # a governing verb in front (使/让/推动 X 转化为 Y): keep X only
            src_core = re.sub(r"^(?:使其|使之|使|让|推动|促进|促使|引导|帮助|把|将|要把|要将)", "", src_core)
            if src_core and src_core in src_raw:
                start = v0 - len(src_raw) + src_raw.find(src_core)
            if not src_core and c0 > 0 and s[c0 - 1] in "，,":
                # the clause holds only adverbs (…的事情，现在却变成了现实): the source is the clause before
                p0 = _clause_start(s, c0 - 1)
                prev_clause = s[p0: c0 - 1]
                if "是" in prev_clause:
                    prev_clause = prev_clause[prev_clause.rindex("是") + 1:]
                # only a noun phrase can be the source: one built with 的, or a short one (not 示范者严格执行)
                nominal = "的" in prev_clause or len(prev_clause) <= 4
                prev_clause = _strip_words(prev_clause, SOURCE_TRAIL, ("的",))
                if prev_clause and nominal:
                    src_core = prev_clause
                    start = c0 - 1 - len(prev_clause)
        else:
            src_core = _strip_words(src_raw, (), SOURCE_TRAIL)
        src, tgt = clean_pole(src_core), clean_pole(tgt_raw)
        if not src or not tgt or PRONOUN_SOURCE.match(src) or len(src_core) > MAX_POLE or len(tgt_raw) > MAX_POLE:
            continue
        if _reject_reason(src, tgt) in ("time", "numeric", "identical poles"):
            continue
        if marker == "X变成Y" and (len(src) > 16 or re.search(r"[从由]", src)):
            continue
        rows.append(_row(marker, "", src_core, tgt_raw, verb, start, tgt_end))
        taken.append((start, tgt_end))
    return rows


# --- Public API -------------------------------------------------------------------------------------------------
#: Characters at least one of which every construction contains (从/由 families, 变X为Y and the verbs of
#: becoming 变成/转为/化为/改为…, bare X向Y转变): a sentence without any of them cannot hold a transition.
_TRIGGER = re.compile("[从由变化转改向]")


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
    if not _TRIGGER.search(s):  # every construction holds one of these characters; most sentences hold none
        return []
    found: list[list[dict]] = []
    taken: list[tuple[int, int]] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if (ch == "从" and _is_cong(s, i)) or (ch == "由" and _is_you(s, i)):
            res = _from_family(s, i, s)
            if res:
                rows, resume = res
                found.append(rows)
                taken.append((rows[0]["start"], max(r["end"] for r in rows)))
                i = max(resume, i + 1)
                continue
        i += 1
    for r in _bian_x_wei_y(s) + _quoted_bian(s):
        if not any(a <= r["start"] < b for a, b in taken):
            found.append([r])
            taken.append((r["start"], r["end"]))
    for r in _turn_into(s, taken):
        found.append([r])
    for r in _bare_toward(s, taken):
        found.append([r])
    found.sort(key=lambda rows: rows[0]["start"])
    out = []
    for n, rows in enumerate(found, start=1):
        for k, r in enumerate(rows, start=1):
            out.append({**r, "chain_id": n, "step": k})
    return out


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
