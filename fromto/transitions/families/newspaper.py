"""Shapes newspaper prose gives a change of state: 不再X，而是Y; a state before a named change and after it; a plan
becoming reality; 把X V成Y of one thing; 小X V成大Y; 过去的X，如今成了Y; 实现“X”到“Y”的转变; 让X成为Y; X怎么成了Y; X被占用，成了Y; X改造的Y."""

from __future__ import annotations

from fromto.textio import QUOTE_CHARS, QUOTE_PAIRS
from fromto.transitions import lexicon as L
from fromto.transitions.clauses import _clause_start, _open_quote, _row, _quotes_of, _strip_trail, clean_pole
from fromto.transitions.lookalikes import _reject_reason
from fromto.transitions.poles import _source_core, _subject_before, _trim_target
from fromto.transitions.registry import matcher

#: Kinds of look-alike that end a candidate of these shapes (see :func:`fromto.transitions.lookalikes._reject_reason`).
_REJECT = ("time", "numeric", "identical poles", "same pole", "no source", "empty pole", "money", "locative")


@matcher("free")
def _no_longer(s: str) -> list[dict]:
    """X不再(是)A，而是B: A no longer holds and B holds instead (考核评价不再看录入，而是看实效); after a word of now,
    不再A，有了B / 有更多的B (如今不再疲于应付检查，有更多的精力抓落实)."""
    rows = []
    for m in L.NO_LONGER_RE.finditer(s):
        y = L.FINAL_LE.sub("", m.group("y"))  # 不再X了，更加Y了
        src, tgt = clean_pole(m.group("x")), clean_pole(y)
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        rows.append(_row("no_longer", _subject_before(s, m.start()), m.group("x"), y,
                         m.group("v") or "", m.start(), m.end()))
    for m in L.NOW_NO_LONGER_HAVE_RE.finditer(s):
        # 如今，…不再疲于应付检查了，有更多的精力抓落实: after a word of now, what no longer holds and what is had instead
        if any(r["start"] <= m.start("x") < r["end"] for r in rows):
            continue
        src, tgt = clean_pole(m.group("x")), clean_pole(m.group("y"))
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        rows.append(_row("no_longer", "", m.group("x"), m.group("y"), "", m.start("x") - 2, m.end("y")))
    return rows


@matcher("free")
def _before_change(s: str) -> list[dict]:
    """改造前X，现在Y: the state before a named change (改造, 整治, 搬迁 …) and the state now or after it. Without the
    word of change a before/now pair is a contrast of two times (ruling N1 of the newspaper gold)."""
    rows = []
    for m in L.BEFORE_CHANGE_RE.finditer(s):
        src, tgt = clean_pole(m.group("x")), clean_pole(m.group("y"))
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        rows.append(_row("before_change", "", m.group("x"), m.group("y"), m.group("v"), m.start(), m.end()))
    return rows


@matcher("free")
def _small_to_big(s: str) -> list[dict]:
    """小X V成(了)大Y: a small thing left or made to grow into a big one (小疙瘩捂成了大麻烦). Verbs that regard or
    render (当成, 说成, 做成) change no state; a verb of becoming (改造成) belongs to X变成Y."""
    rows = []
    for m in L.SMALL_TO_BIG_RE.finditer(s):
        verb, v1 = m.group("v"), m.end("v") + 1
        if verb in L.MADE_INTO_NOT_VERBS or verb[-1:] in L.MADE_INTO_NOT_VERBS or any(
                L.TURN_RE.fullmatch(s, v1 - k, v1) for k in (2, 3)):
            continue
        x, y = s[m.start(): m.end("x")], s[m.start("y") - 1: m.end("y")]
        if _reject_reason(clean_pole(x), clean_pole(y)) in _REJECT:
            continue
        rows.append(_row("small_to_big", "", x, y, s[m.start("v"): v1], m.start(), m.end()))
    return rows


@matcher("free")
def _former_now(s: str) -> list[dict]:
    """过去的X，如今成了Y: a thing named by what it was and, after a word of now, what it became (曾经的穷山村，如今成了
    富裕村); the target stops before a head it modifies. With 成了/成为, which also name a role or a value (过去的经验，
    如今成为财富), the former state must be marked: quoted or a word of a poor or former state."""
    rows = []
    for m in L.FORMER_NOW_RE.finditer(s):
        tgt_raw = _trim_target(m.group("y"))
        src, tgt = clean_pole(m.group("x")), clean_pole(tgt_raw)
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        if m.group("v") in L.IDENTITY_BECOME and not (_quotes_of(m.group("x")) or L.PRIOR_STATE_WORD.search(src)
                                                         and not L.PERSON_ELDER.match(src)):
            continue  # 过去的经验，如今成为财富: with 成为/成了 only a former state marked as such (穷, quoted) changes
        rows.append(_row("former_now", "", m.group("x"), tgt_raw, m.group("v"), m.start(), m.start("y") + len(tgt_raw)))
    for m in L.FORMER_LATER_RE.finditer(s):
        # 曾经僻处山间的小村，如今成了…; 当年的“小树苗”，在…滋养下，成长为…: a state held once, then what it became
        if any(r["start"] <= m.start() < r["end"] for r in rows) or L.PRONOUN_SOURCE.match(m.group("mid").strip()):
            continue
        if L.BA_MARKER.search(s, _clause_start(s, m.start()), m.start()):
            continue  # 把昔日的“工业锈带”变成…: the object of 把, which 把X变成Y takes
        x = _strip_trail(m.group("x"), L.SOURCE_TRAIL) if m.group("x") else m.group("q")  # …技术问题也变得…
        if m.group("x") and L.FORMER_EVENT.search(x[: x.rfind(L.DE)]):
            continue  # 曾在这里工作过的日子: an event once done, not a state once held
        if m.group("x") and m.group("v")[-2:] in L.IDENTITY_BECOME and not L.STATE_MODIFIER.search(x[: x.rfind(L.DE)]):
            continue  # 曾经一起奋斗的战友，如今已成为骨干: an activity, and 成为 may name a role, not a new state
        tgt_raw = _trim_target(m.group("y"))
        src, tgt = clean_pole(x), clean_pole(tgt_raw)
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src) or L.PERSON_ELDER.match(src):
            continue
        rows.append(_row("former_now", "", x, tgt_raw, m.group("v"), m.start(), m.start("y") + len(tgt_raw)))
    for m in L.PRIOR_NOW_RE.finditer(s):
        # 如今，这片荒地成了公园: the subject named in a poor state, a word of now, and what it is
        if not (m.group("now1") or m.group("now2")) or any(r["start"] <= m.start("x") < r["end"] for r in rows):
            continue
        x, tgt_raw = m.group("x"), _trim_target(m.group("y"))
        if L.COPULA in x and m.group("now2") and m.end("x") < m.start("now2"):
            continue  # 这片滩涂本来是一片荒地，现在成了Y: a clause with 是 states the former state (本来是X，现在成了Y)
        src, tgt = clean_pole(x), clean_pole(tgt_raw)
        if not L.PRIOR_STATE_STRICT.search(src) or L.PRIOR_STATE_STRICT.search(tgt) or L.PERSON_ELDER.match(src):
            continue
        if L.ATTENTION_TARGET.search(tgt) or L.ACTION_NOUN_END.search(src):
            continue  # 贫困户成了帮扶对象, 老旧小区改造成为重点: a role given, or the work itself
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src) or L.BA_MARKER.search(x):
            continue
        rows.append(_row("former_now", "", x, tgt_raw, m.group("v"), m.start("x"), m.start("y") + len(tgt_raw)))
    return rows


@matcher("free")
def _achieved_quoted(s: str) -> list[dict]:
    """实现“X”到“Y”的转变 without 从: two quoted states joined by 到/向 after a verb of achieving and before a change
    noun (实现“要我干”到“我要干”的转变)."""
    rows = []
    for m in L.ACHIEVE_QUOTED_TO_RE.finditer(s):
        src, tgt = clean_pole(m.group("x")), clean_pole(m.group("y"))
        if _reject_reason(src, tgt) in _REJECT:
            continue
        rows.append(_row("achieved_quoted", "", m.group("x"), m.group("y"), m.group("v"), m.start(), m.end()))
    return rows


@matcher("free")
def _cause_become(s: str) -> list[dict]:
    """让/使X成为Y with X named in a prior state (让荒山成为金山银山, 使落后村成为先进村) or described by the state it
    was in (让原本互不往来的邻居成了一家人: that state is the source): the labelling policy counts it; X named without
    one (让党员成为先锋) is a thing given a role, not a change of state."""
    rows = []
    for m in L.CAUSE_BECOME_RE.finditer(s):
        x = m.group("x")
        tgt_raw = _trim_target(m.group("y"))
        former = L.FORMER_STATE_OF.match(x)
        if former:  # 让原本“各自为战”的农户成了“一家人”: the state the modifier says X was in is the source
            x = former.group("state")
        src, tgt = clean_pole(x), clean_pole(tgt_raw)
        if not (former or L.PRIOR_STATE_STRICT.search(src)) or L.PRIOR_STATE_STRICT.search(tgt) \
                or L.PERSON_ELDER.match(src):
            continue
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        rows.append(_row("cause_become", "", x, tgt_raw, m.group("v"), m.start(), m.start("y") + len(tgt_raw)))
    return rows


def _plan_before(s: str, k: int) -> tuple[str, int] | None:
    """The plan noun phrase that ends just before ``k`` (adverbs and one comma between allowed), as
    ``(phrase, start)``: the words after its last 的, ending in a noun of :data:`PLAN_NOUNS`."""
    j = k
    changed = True
    while changed:
        changed = False
        for w in L.REALISED_ADVERBS:
            if s[max(0, j - len(w)): j] == w:
                j -= len(w)
                changed = True
                break
        if j > 0 and s[j - 1] in "，,":
            j -= 1
            changed = True
    start = _clause_start(s, j)
    phrase = s[start:j]
    if L.DE in phrase:
        start += phrase.rfind(L.DE) + 1
        phrase = s[start:j]
    phrase = phrase.strip("".join(QUOTE_CHARS) + " ")
    if not phrase or len(phrase) > 12 or not phrase.endswith(tuple(L.PLAN_NOUNS)):
        return None
    return phrase, start


@matcher("free")
def _realised(s: str) -> list[dict]:
    """A plan, wish or promise becoming reality (点子正在不断成为现实; 美好生活的向往，一步步变成现实)."""
    rows = []
    for m in L.REALISED_RE.finditer(s):
        found = _plan_before(s, m.start())
        if not found:
            continue
        phrase, start = found
        rows.append(_row("realised", "", phrase, s[m.end() - 2: m.end()], s[m.start(): m.end() - 2], start, m.end()))
    return rows


def _shared_head(a: str, b: str) -> bool:
    return len(a) >= 2 and len(b) >= 2 and a[-1] == b[-1] and a != b


def _prior_state(a: str, b: str) -> bool:
    """True when the first pole names the thing in a prior state (穷村) that the second does not: a thing made
    into a kind of itself with no prior state named (把节能环保产业打造成朝阳产业) is no change of state (ruling R2)."""
    if L.PERSON_ELDER.match(a):
        return False  # 老党员, 老支书: 老 before a person names seniority, not a former state
    return bool(L.PRIOR_STATE_WORD.search(a[:-1])) and not L.PRIOR_STATE_WORD.search(b[:-1])


@matcher("free")
def _made_into(s: str) -> list[dict]:
    """把X V成(了)Y where X and Y are two states of one thing: they share a head and X names a prior state
    (把穷村带成了富村), or each holds a quoted state (把曾经“穷软散”的村，治理成了“绿富美”村: the quoted states are the poles),
    or X names the thing in a poor or former state and a verb of remaking (REMAKE_VERBS: 修成, 改建成) or a quoted
    target names what it became (把破旧的老屋修成了民宿), or people named by a former role (FORMER_ROLE_HEAD) are
    trained into a new one (把种植大户培训成“电商主播”). Verbs that regard, render or cut a thing into a form
    (当成, 编成, 锯成) change no state (ruling N3), and a 成 inside an open quotation is part of the quoted words."""
    rows = []
    if L.MADE_INTO_NEEDS[0] not in s:
        return rows
    for m in L.MADE_INTO_RE.finditer(s):
        verb = m.group("v")
        if verb in L.MADE_INTO_NOT_VERBS or verb[-1:] in L.MADE_INTO_NOT_VERBS or verb.startswith(L.BIAN):
            continue
        v1 = m.end("v") + 1
        if any(L.TURN_RE.fullmatch(s, v1 - k, v1) for k in (2, 3)):
            continue  # 把旧灯泡换成节能灯: a verb of becoming (换成, 改造成) is the verb of 把X变成Y, not V + 成
        x, y = m.group("x").strip(), m.group("y").strip()
        v0 = m.start("v")
        if len(verb) == 2 and verb not in L.REMAKE_VERBS and (verb[1] in L.REMAKE_VERBS or verb[1] in L.JOIN_VERBS):
            x, verb, v0 = x + verb[0], verb[1], v0 + 1  # 把…古门楼修成, 把…资源拧成: the noun's last character is no verb
        if _open_quote(x):
            continue  # 把“功成不必在我”的境界与“功成必定有我”的担当融入…: the 成 stands inside a quotation
        qx, qy = _quotes_of(x), _quotes_of(y)
        cx, cy = clean_pole(x), clean_pole(y)
        if qx and qy:
            sx, sy = _quoted(x), _quoted(y)
        elif _prior_state(cx, cy) and (_shared_head(cx, cy) or qy or verb in L.REMAKE_VERBS):
            # 把穷村带成了富村; 把破旧的老屋修成了“网红民宿”: a thing named in a prior state made into another state
            sx, sy = x, y
        elif _prior_state(cx + L.DE, cy + L.DE) and L.UNITY_TARGET.match(cy):
            # 把分散的资源拧成了一股绳: scattered things joined into a whole
            sx, sy = x, y
        elif verb in L.TRAIN_VERBS and cx.endswith(L.FORMER_ROLE_HEAD) and (qy or cy.endswith(L.NEW_ROLE_HEAD)):
            # 把种植大户培训成“柑橘主播”: people trained into a role, their former role stated (ruling N3)
            sx, sy = x, y
        else:
            continue
        src, tgt = clean_pole(sx), clean_pole(sy)
        if not src or not tgt or _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        rows.append(_row("made_into", "", sx, sy, s[v0: m.end("v") + 1], m.start(), m.end()))
    return rows


def _role_taken(src: str, tgt: str) -> bool:
    """True when people named by who they are take a role (党员成了网格员, 年轻人成了新农人): a role given beside the one
    they keep, no former state (ruling N3)."""
    return src.endswith(L.PEOPLE_HEAD) and tgt.endswith(L.ROLE_HEAD)


def _quoted(text: str) -> str:
    """The first quoted stretch of ``text`` with its marks (“穷软散”), or ``text`` when it has none."""
    for i, ch in enumerate(text):
        if ch in QUOTE_PAIRS:
            j = text.find(QUOTE_PAIRS[ch], i + 1)
            if j != -1:
                return text[i: j + 1]
    return text


@matcher("free")
def _set_phrase_poles(s: str) -> list[dict]:
    """A four-character set phrase that names both poles of a change (无中生有: from nothing into being; 破茧成蝶), with
    the poles the lexicon gives it (SET_PHRASE_POLES), as the labelling policy counts 从无到有. One denied or only
    seeming (看似无中生有) and one of fabrication (无中生有地捏造事实) state no change."""
    rows = []
    for phrase, src, tgt in sorted(L.SET_PHRASE_POLES):
        k = s.find(phrase)
        while k != -1:
            if not L.SET_PHRASE_DENIED.search(s, _clause_start(s, k), k) and not L.FABRICATION_WORDS.search(s):
                rows.append(_row("set_phrase_poles", _subject_before(s, k), src, tgt, phrase, k, k + len(phrase)))
            k = s.find(phrase, k + len(phrase))
    return rows


@matcher("free")
def _remade(s: str) -> list[dict]:
    """X V成Y without 把, X the subject of its clause named in a poor state (PRIOR_STATE_STRICT: 坑洼小路, 破旧院墙) and
    V a verb of building or mending with its result (铺成, 修成, 铺上了石砖): the thing was remade into another state of
    itself."""
    rows = []
    for m in L.REMADE_RE.finditer(s):
        x, tgt_raw = m.group("x"), _trim_target(m.group("y"))
        src, tgt = clean_pole(x), clean_pole(tgt_raw)
        if not L.PRIOR_STATE_STRICT.search(src) or L.PRIOR_STATE_STRICT.search(tgt):
            continue
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        rows.append(_row("remade", "", x, tgt_raw, m.group("v") + m.group("r"), m.start("x"), m.start("y") + len(tgt_raw)))
    return rows


@matcher("free")
def _become_state(s: str) -> list[dict]:
    """A的N变得B alone in its clause, A a word of a quality or state (QUALITY_WORDS: 简单的事也会变得艰难): the subject
    is named in its prior state (ruling N10 of the newspaper gold), so 变得 states a change from A to B."""
    rows = []
    for m in L.BECOME_STATE_RE.finditer(s):
        x, y = m.group("x"), m.group("y")
        if m.group("a") == y or _reject_reason(clean_pole(x), y) in _REJECT:
            continue
        rows.append(_row("become_state", "", x, y, m.group("v"), m.start("x"), m.end("y")))
    return rows


@matcher("free")
def _metamorphosis(s: str) -> list[dict]:
    """X摇身一变，成了Y / X华丽转身，成为Y / X变了味，成了Y: a word of metamorphosis or of going bad ends the clause of
    the thing that changed, the verb of becoming opens the next. The thing must be named in a prior state
    (PRIOR_STATE_STRICT or quoted, ruling N10): a bare entity (这座城市摇身一变，成了…) states no source."""
    rows = []
    for m in L.METAMORPHOSIS_RE.finditer(s):
        x, tgt_raw = L.SOME_LEAD.sub("", m.group("x")), _trim_target(m.group("y"))  # 有的“创新”变了味
        src, tgt = clean_pole(x), clean_pole(tgt_raw)
        if not (L.PRIOR_STATE_STRICT.search(src) or _quotes_of(x) or L.STATE_MODIFIER.search(src.rpartition(L.DE)[0])):
            continue
        if _reject_reason(src, tgt) in _REJECT or L.PRONOUN_SOURCE.match(src):
            continue
        rows.append(_row("metamorphosis", "", x, tgt_raw, m.group("w"), m.start("x"), m.start("y") + len(tgt_raw)))
    return rows


@matcher("free")
def _how_become(s: str) -> list[dict]:
    """X怎么成了Y / X何以成为Y / 本是X，咋就变成Y了: a question of how a thing became another presupposes that it was
    not that before, so the thing (or what the clause before says it was, 本是X) is the source. A question word
    opening its clause takes the clause before as the thing when that is a noun phrase (一个苹果，何以成为…)."""
    rows = []
    for m in L.HOW_BECOME_RE.finditer(s):
        x, start = _source_core(m.group("x")), m.start("x")
        c0 = m.start("x")
        if c0 > 0 and s[c0 - 1] in "，,":
            was = L.FORMER_IS_RE.search(s, _clause_start(s, c0 - 1), c0 - 1)
            if was:  # 观景台本是赏花的地方，咋就变成菜地了: what the thing was is stated, and is the source
                x, start = was.group("was"), was.start("was")
            elif not x:
                prev = s[_clause_start(s, c0 - 1): c0 - 1].strip(" 　")
                x = prev if len(prev) <= 8 and not L.NOT_TOPIC_CHARS.search(prev) else ""
                start = c0 - 1 - len(prev)
        tgt_raw = _trim_target(L.QUESTION_END.sub("", m.group("y")))  # 咋就变成停车场了？
        src, tgt = clean_pole(x), clean_pole(tgt_raw)
        if len(src) < 2 or L.PRONOUN_SOURCE.match(src) or _reject_reason(src, tgt) in _REJECT or _role_taken(src, tgt):
            continue
        rows.append(_row("how_become", "", x, tgt_raw, m.group("v"), start, m.start("y") + len(tgt_raw)))
    return rows


@matcher("free")
def _passive_became(s: str) -> list[dict]:
    """X被V，成了Y: a thing taken, misused or left idle in a passive clause (MISUSE_VERBS: 公共绿地竟被私人占用，成了停车场)
    and what it became opening the next clause; the thing is the source. Money so moved (资金被挪用，成了…) is no
    change (ruling N7)."""
    rows = []
    for m in L.PASSIVE_BECAME_RE.finditer(s):
        x, tgt_raw = L.SOME_LEAD.sub("", m.group("x").strip()), _trim_target(m.group("y"))
        src, tgt = clean_pole(_source_core(x)), clean_pole(tgt_raw)
        if len(src) < 2 or L.PRONOUN_SOURCE.match(src) or _reject_reason(src, tgt) in _REJECT:
            continue
        rows.append(_row("passive_became", "", src, tgt_raw, m.group("v"), m.start("x"), m.start("y") + len(tgt_raw)))
    return rows


@matcher("free")
def _remade_attr(s: str) -> list[dict]:
    """X改造的Y as an item of a list or a subject (老房改造的艺术工坊接连落地): a new thing named by the old thing it was
    remade from. X must be named in an old or poor state (PRIOR_STATE_WORD: 老房, 废弃厂房); otherwise X is who did
    the remaking (村委会改造的广场), not what was remade. Y must be a place or facility (FACILITY_HEAD): 老旧小区改造的
    成效 names a result of the work."""
    rows = []
    for m in L.REMADE_ATTR_RE.finditer(s):
        src, tgt = clean_pole(m.group("x")), clean_pole(m.group("y"))
        if not L.PRIOR_STATE_WORD.search(src) or L.PERSON_ELDER.match(src) or not tgt.endswith(L.FACILITY_HEAD) \
                or _reject_reason(src, tgt) in _REJECT:
            continue  # 老旧小区改造的成效: a result of the work, not a new place
        rows.append(_row("remade_attr", "", m.group("x"), m.group("y"), m.group("v"), m.start("x"), m.end("y")))
    return rows
