"""Find every explicit "from X to Y" transition in Chinese sentences, by construction, before segmentation.

A *transition* is an explicit claim that something changes from a state or form X into a different Y.
The extractor works on the characters of one sentence (jieba splits poles unevenly, so tokens are not used)
and recognises the constructions registered in ``resources/constructions.tsv`` (:mod:`fromto.transitions.registry`):
one row per construction with its family (从X到Y, 由X转为Y, 变X为Y, 把X变成Y, X变成Y, 化X为Y, 以Y代X …), the
``marker`` it writes, the matcher under :mod:`fromto.transitions.families` that finds it, its priority, and an
example of it and of a look-alike (more in ``resources/construction_examples.tsv``). ``verb`` holds the word
actually used. :mod:`fromto.transitions.engine` runs the matchers in priority order over one sentence; the word
lists and patterns they use are data (``resources/transition_lexicon.tsv``, ``resources/transition_patterns.tsv``,
read by :mod:`fromto.transitions.lexicon`).

The package's modules: ``engine`` (the walk over a sentence), ``registry``, ``lexicon``, ``clauses`` (clause
boundaries, quotation marks, word stripping), ``poles`` (source core, target end, subject), ``sources`` (a source
outside the verb's clause), ``lookalikes`` (false triggers and the rejection kinds), ``table`` (sentence tables and
the review queue) and one module per family under ``families/``.

Report prose (the Government Work Reports) writes the same constructions in more shapes, and the rules take them:

* a source outside the construction's clause: written in the clause before (把X，逐步转为Y; 增强X的责任感，并切实
  转化为Y), shared by a later verb (把X改组为Y，或改为Z), running over commas to a later verb (把重点从X，Y，转为Z;
  it stops before a means: 从X上经过…的努力，…，也达到了Y), named as a whole before a part (私营商业中有一半以上
  转变为Y -> 私营商业), a body counted with 有 (全国有N个X，现在已经改组成为Y), the subject of a clause of time
  (X在…以后，已经开始转变为Y), a topic before a clause of time passing (这些果子，再过几个月就能红透，化作Y), the
  object after a measure word (掀起了一场X，进而在…发展成为Y: 发展成为 only with
  such a source, since in its own clause its subject is an entity that grows), or the sentence's topic after a
  clause 他们是X (the pronoun's antecedent). Where a 变成-clause holds only adverbs (…的事情，如今却变成了现实) the
  source is the clause before, if it is a noun phrase (built with 的, or at most four characters);
* a former state and a present one: a 原来/本来/过去 clause, with or without 是, then a verb of change after a word
  of then or now (原来设计烧煤，以后改为烧油; 过去X，现在变成了Y), or 是 in both clauses with the same modifier
  before each (过去更多的是X，现在更多的是Y; 现在仍是 keeps a state), or ended after 现在 (现在不再交纳了); a 过去/原来
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
* newspaper shapes: two quoted states joined directly by a verb of going or becoming (“穷村”走上了“富路”); two
  short unquoted poles sharing their head joined by 变, alone in their clause (推动短板变长板); a
  caption's couplet whose short opening clause is the source of a verb that opens the next (荒山秃岭，化作绿水青山);
  a series of plain 从X到Y over commas, each the evidence of the others (从A到B，从C到D), and a chain closed by a
  verb of becoming after a word of outcome (由A，到B，最终沦为C); a state before a named change and after it
  (改造前这是个臭水沟，现在水干净得很: the word of change links the two times); a thing distorted into what it should
  not be (把职责异化为走过场); substitution after 把 (把空话换成实话); a thing named in a poor or former state remade
  (把破旧的老屋修成了民宿); people trained into a role with their former role stated (把种植大户培训成电商主播,
  ruling N3); a source in the clause before a clause of a passive agent only (X，被他化作Y); a heading of a
  two-character noun, 化为 and a short noun (感悟化为行动), and 化为/化作 after 把 even after a character
  (把学习感悟化为行动), unless that character makes a verb in -化 (简化为, 细化为), 化作 is 化 + 作为/作出, or a
  frame or a verb of benefit follows (将数字化为乡村振兴赋能); a small thing grown into a big one (小矛盾拖成了大纠纷);
  a thing named by what it was and, after a word of now, what it became (曾经的穷山村，如今成了富裕村); an achieved
  change between two quoted states without 从 (实现了“要我干”到“我要干”的转变); metamorphosis and sudden change
  (蝶变为, 华丽转身为, 摇身一变成为, 从X一跃成为Y); 让/使X成为Y with X named in a poor, idle or former state
  (让荒山成为金山银山; 让党员成为主心骨 gives X a role and is left); a state held once as a modifier after 曾/曾经
  (曾经默默无闻的小山村，如今成了Y; not an event, 曾在这里工作过的日子, nor an activity with 成为) or quoted after
  当年的 (当年的“小树苗”，…，成长为Y); 原本是X，…，变身Y (a verb that names a change needs no word of now); a subject
  named in a poor state with a word of now (如今，这片荒地成了公园), remade without 把 (坑洼小路铺成平坦步道,
  泥泞的土路铺上了石板), changed after a word of metamorphosis (废弃的矿山摇身一变，成了Y) or turning another state
  (简单的事也会变得艰难: a word of quality, ruling N10); a passive without its agent whose subject stands a clause or
  two before (小会议室，正在进人，被改造成Y); one-character quoted figures (“我”变成了“我们”); 从X，到Y with one
  step when both poles are quoted, the first is a first state (从最初…) or a word of change proper stands outside
  the poles (背后是理念的转变), and 从X，变成Y; two four-character phrases on one frame (从住有所居到居有所安); a
  heading closed by its column in brackets (从“A”到“B”（前沿观察）); a stage of a policy named by its length
  (5年过渡期); a demonstrative source (把这份优势转化为Y) resolved to what the sentence before named with the same
  noun; a question of how a thing became another (X怎么成了Y, X何以成为Y, 本是X，咋就变成Y了: it presupposes that X
  was not Y; 怎么成为 asks how to reach a goal); a thing taken, misused or left idle in a passive clause and what it
  became in the next (X竟被私人占用，成了Y); a new thing named by the old thing it was remade from (老房改造的民宿);
  two short poles sharing their head joined by 成为 (危机可以成为新机) and a 变-pair alone in a quotation
  (“撂荒地变丰收地”); 以“Y”代“X” with quoted poles and Y代替X with two short nouns alone in their item
  (口号代替行动); verbs of sinking and rising (沦为, 升华为, also opening the clause after a 从-source), and of
  growing or reverting with a source named in a prior, poor or small state (小作坊成长为龙头企业, 撂荒地变回良田);
  a word of going bad or of renewal before a clause of becoming (“创新”变了味，成了Y; 焕然一新，变成了Y); 让X成了Y
  with X described by the state it was in (原本“各自为战”的农户: that state is the source); scattered things joined
  into a whole (把分散的资源拧成了一股绳); 把X转向Y and 把X拓宽为/扩建为Y; 不再X了，更加Y了; a mode of growth by
  speed left for one by quality (从高速增长迈向扩面提质: no degree of a growth rate); a one-character set phrase
  running into a verb or a quotation (从无到有做起来, 从强到优“三级跳”); 将X打造为Y with X in a prior state; a
  subject in a poor state whose word of now opens the next clause (“软弱涣散”的村党组织，如今成了Y); a negated
  coming or going (没人来) as a state, not a movement;
* coordination and set phrases: constructions joined by 、 (A演变为B、C演变为D); verbs of becoming joined by 或者
  sharing one source (已经变为A、B或者直接变为C); parallel poles after a word-making character
  (从重过程向重结果转变); 化X成Y (化蛹成蝶) and 汇/聚/积X成Y; set phrases before 是/的/时 (由大变强是…, 由强变弱时)
  and 由乱到治走向由治及兴; idioms that name both poles, listed with them in the lexicon (无中生有, 起死回生),
  unless denied, seeming (看似无中生有) or of fabrication; 从无到有的过程 (the phrase modifying a noun).

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
  每个环节都 …; not 人均 "per head", nor 一切都 summing the series up), a series in which one 从X到Y is a
  range of places (从城市到农村，从生产力到生产关系…), a range over a whole chain (从田间到餐桌的全过程监管),
  viewpoint phrases 从X到Y来看, and extension of coverage or relocation (由行政村向自然村延伸,
  由经济领域向社会领域拓展, 由主要行业推广到次要行业, 由试点发展到全省, 由实验室向生产转移); spans that start at
  a time (从明年起); a whole chain after a quoted last pole (从“最初一公里”到“最后一公里”衔接畅通); quoted poles
  whose only evidence is their marks, followed by a word of continuity (从“A”到“B”，这里延续着热度: instances of
  one lasting state); people selected from a group (从X中选拔…进入Y) or named by their relocation (农业转移人口)
  becoming residents, and people, capacity or goods moved between sectors or places, are relocated,
  not changed;
* a plain 从X到Y (one step, no chain) is taken only with positive evidence: 实现/完成/经历/推动 before it, a
  change noun after it (的转变/跨越), quotation marks around a pole, the sentence being only the construction
  (a headline), a change word in its clause or the clauses either side (升级, 转型, 变化 …; staged progress
  有步骤), a parallel 从X到Y just before it or opening the next clause (not joined by 、: 从A到B、从C到D的每一道
  防线 is a range), or two opposite state words (从无到有, 从弱到强). Without such evidence 从X到Y in newspaper
  prose is mostly a range or a span;
* ``money`` — money relabelled or moved from one head to another (将旅游支出转化为培训费用, a currency exchanged:
  newspaper gold ruling N7); ``locative`` — a "source" that is a phrase of place opened by 到/在 (到基层变成…);
  ``stages`` — a plain 从X到Y whose target lists parts or stages joined by 、 with no word of change near it
  (从问题导入到案例研讨、小组讨论: kind 3 of the newspaper policy);
* ``no source`` — a change verb whose source is absent or only a pronoun (使其转化为长效机制, 转化为现实生产力):
  a target without a stated source is not a transition. A pronoun after 使/让 is resolved when a reader would:
  in its own sentence (改造X，使之…; 对于X，…，使其…), else in the sentence before it in the same paragraph, which
  :func:`extract_sentences` passes on (the object that ends it after a verb with an aspect marker, 总结了X, or the
  noun phrase that makes up its opening clause; :func:`~fromto.transitions.sources.previous_sentence_antecedent`);
  ``source_resolved`` records the pronoun, and ``(previous sentence <sentence_id>)`` after it when so resolved.
  Likewise 向Y迈进 without 从/由, a whole country or region as the source (使中国变成…, 把西藏变成…, 把老挝变为…; an economy or society with no state named, 把别国的经济变成
  附庸, is still a bare entity), a part of a group named only by a demonstrative (这些阶级中间的人), and a bare
  X向Y转变 whose X is the thing that changes rather than a state of it (对外贸易向优进优出转变: X and Y share no word;
  conversions such as 科技成果向现实生产力转化 stay);
* identical poles (从胜利走向胜利), the same pole with a comparative (从胜利走向更大的胜利, ruling R2) or differing
  only in a modifier of size (从小规模的X到规模较大的X), a bare thing becoming a kind of itself with no prior state
  named (把计划变成群众自觉的计划; 把一切可以改造的人改造成为新人: R2), and poles longer than :data:`MAX_POLE`
  characters;
* set phrases of order or depth used as a manner (由浅入深, 由近及远, ruling R3); 以X为主 (整改为主) is no 改为;
  replacing an item of a list (…中，把A改为B) and renaming (名称改为) are no change of kind;
* newspaper look-alikes: a chain of acts done in turn, every pole opening with a verb of work and no word of change
  (从让X登台受誉到明确方向再到研究部署工作: a meeting's agenda); 从“A”到“B”的 + a noun (the reach of a thing, not a
  change; …的过程 stays); 从小到大 before a word of lasting (since childhood); movement toward here (由远及近);
  extension over a whole (向整个X延伸); a question word as target (改造为了谁); a relabelling between two quoted
  labels (把“A”改成“B”); money put to private use (资金变成个人“提款机”, N7); people who 变身 a role beside the one
  they keep (党员变身“网格员”, N3); a target that only points (变成这样); poles that differ in one character, the
  ends of a scale (从“线上”到“线下”: a range); a word of a whole chain opening the next clause (…，全程由村集体负责);
  a target naming the place a thing takes in the work (成了帮扶对象, 成为工作的重点: a role given); a target that
  says only that a thing became common, needed or habitual (变成日常, 变成了一种“刚需”); content presented as a show
  (把宫廷御宴变成沉浸式剧场, 记忆点化成一场奇幻之旅: ruling N3); money that becomes the perk of a few people (N7);
  把X转向Y where X is attention, effort or a role moved to a new holder (把目光转向基层); a series of plain
  从X到Y with no evidence but itself, followed by a count of members (从A到B，从C到D，100多个项目集聚: a range of
  products); 过去…的X，现在Y with nothing marking the present state as reached (现在能…: ruling N1); the unquoted
  short 以Y代X, the lexicalised name of a policy (以工代赈, 以奖代补); a source holding its own verb of becoming
  (把X建设成为A还是重新沦为B); a plain 从X到Y or chain followed by a clause improving a system step by step
  (…，某省持续优化考核体系: the measures of that work) or with two poles naming eras of history (从建党的…，到改革开放
  的…: a span of time); a pronoun of place (这里) as a source; people taking a role beside the one they keep
  (党员成了网格员);
* a starting point and a goal over commas (从X入手，…，达到Y的目的) are no change; a question's final particle
  (从胜利走向胜利呢) is no part of a pole.

Public functions: :func:`extract` (one sentence -> list of dicts), :func:`extract_sentences` (the sentences
table of :mod:`fromto.clean` -> transitions table), :func:`extract_text` (plain text -> transitions table, cleaned by :mod:`fromto.clean` first).
"""

from __future__ import annotations

from fromto.transitions.lexicon import CLAUSE_END, COLUMNS, MAX_POLE  # noqa: F401
from fromto.transitions.clauses import _boundaries, _clause_end, _clause_start, clean_pole  # noqa: F401
from fromto.transitions.lookalikes import _is_cong, _is_you, _reject_reason  # noqa: F401
from fromto.transitions.poles import _source_core  # noqa: F401
from fromto.transitions.engine import extract  # noqa: F401
from fromto.transitions.families.bian_wei import _bian_x_wei_y, _gather_into, _paired_become, _quoted_bian  # noqa: F401
from fromto.transitions.families.opener import _from_family  # noqa: F401
from fromto.transitions.families.substitution import _leave_for, _leave_for_track, _short_substitute, _substitute, _via_stage  # noqa: F401
from fromto.transitions.families.path import _led_onto_path  # noqa: F401
from fromto.transitions.families.pronoun import _previous_resumed, _resumed_by_pronoun, _topic_resumed  # noqa: F401
from fromto.transitions.families.toward import _bare_toward  # noqa: F401
from fromto.transitions.families.turn_into import _turn_into  # noqa: F401
from fromto.transitions.families.was_now import _was_now  # noqa: F401
from fromto.transitions.families.newspaper import (  # noqa: F401
    _achieved_quoted, _become_state, _before_change, _cause_become, _former_now, _how_become, _made_into, _no_longer,
    _metamorphosis, _passive_became, _realised, _remade, _remade_attr, _set_phrase_poles, _small_to_big,
)
from fromto.transitions.table import examples_table, extract_rows, extract_sentences, extract_text, review_cue, review_queue  # noqa: F401
from fromto.transitions import lexicon
from fromto.transitions.lexicon import load  # noqa: F401


def __getattr__(name: str):
    """A word list or pattern of the rules (TOWARD_VERBS, CONVERSION_VERBS, TIME_POLE …), read from resources/ on
    first use by :mod:`fromto.transitions.lexicon`."""
    if not name[:1].isupper():  # submodules and dunder names are never read from the resources
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(lexicon, name)
