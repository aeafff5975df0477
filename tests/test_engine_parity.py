"""The tokenizer's engine (rjieba, the binding of jieba-rs) gives jieba's tokens: same dictionary, same frequencies,
same cuts on the page and on every report, and the three known differences repaired on literal snippets."""

import hashlib
import random
import re
import threading

import pytest

from fromto import paths
from fromto.segment import engine, tokens

rjieba = pytest.importorskip("rjieba")


@pytest.fixture(scope="module")
def fast():
    return tokens.get_tokenizer("rjieba")


@pytest.fixture(scope="module")
def ref():
    return tokens.get_tokenizer("jieba")


def _jieba_lcut(ref, text):
    return ref._jieba.lcut(text, HMM=True)


# -- engine selection ---------------------------------------------------------------------------------------------

def test_auto_engine_is_rjieba_at_the_verified_versions(monkeypatch):
    monkeypatch.delenv("FROMTO_ENGINE", raising=False)
    assert engine.resolve_engine("auto") == "rjieba"
    assert tokens.get_tokenizer().engine == "rjieba"


def test_environment_variable_forces_jieba(monkeypatch):
    monkeypatch.setenv("FROMTO_ENGINE", "jieba")
    assert engine.resolve_engine("auto") == "jieba"
    assert engine.resolve_engine("rjieba") == "rjieba"  # an explicit choice wins


def test_auto_falls_back_to_jieba_at_unverified_versions(monkeypatch):
    monkeypatch.delenv("FROMTO_ENGINE", raising=False)
    monkeypatch.setitem(engine.ENGINE_VERIFIED, "rjieba", "0.0.0")
    assert engine.resolve_engine("auto") == "jieba"


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown tokenizer engine"):
        engine.resolve_engine("pkuseg")


def test_jieba_engine_tokenizer_has_no_rust_engine(ref):
    assert ref.engine == "jieba" and ref._engine is None


# -- the same dictionary -------------------------------------------------------------------------------------------

def test_jieba_dict_is_the_verified_one():
    assert hashlib.sha256(engine._jieba_dict_path().read_bytes()).hexdigest() == engine.JIEBA_DICT_SHA256


def test_engines_embedded_dictionary_is_jiebas_dict_txt_word_by_word():
    entries = []
    with open(engine._jieba_dict_path(), encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()[:3]
            entries.append((word, int(freq), tag))
    built = rjieba.Jieba.empty()
    for word, freq, tag in entries:
        built.add_word(word, freq, tag)
    embedded = rjieba.Jieba()
    differ = [w for w, _, _ in entries
              if not embedded.has_word(w) or embedded.suggest_freq(w) != built.suggest_freq(w)]
    assert differ == []
    assert embedded.suggest_freq("的的") == built.suggest_freq("的的")  # totals agree too


def test_lexicon_frequencies_are_those_jiebas_add_word_gave(fast):
    spec = fast.engine_dictionary()
    jieba_tk = fast._jieba
    assert [w for w, _, _ in spec["words"]] == [e.word for e in fast.lexicon]
    assert all(freq == jieba_tk.FREQ[w] for w, freq, _ in spec["words"])
    assert spec["total"] == jieba_tk.total and spec["filler"] >= 0


def test_cold_start_replays_add_word_without_loading_jieba(tmp_path):
    cold = tokens.Tokenizer(lexicon=tokens.get_tokenizer().lexicon, engine="rjieba", cache_dir=tmp_path)
    assert "_jieba_tk" not in cold.__dict__  # the engine dictionary was computed without jieba
    assert cold.engine_dictionary() == tokens.get_tokenizer("rjieba").engine_dictionary()


def _add_word_in_jieba(words):
    tk = engine._new_jieba(paths.CACHE)
    freqs = []
    for word, freq in words:
        tk.add_word(word, freq)
        freqs.append(int(tk.FREQ[word]))
    return freqs, int(tk.total)


def test_add_word_replay_equals_jieba_on_random_words():
    base = [w for w in engine._dictionary()[0] if engine._ONE_BLOCK.match(w)]
    chars = [w for w in base if len(w) == 1]
    ascii_bits = list("aGXz059") + ["5G", "PM", "MP"]
    rng = random.Random(20261129)
    words = []
    for _ in range(400):
        kind = rng.random()
        if kind < 0.3:
            word = rng.choice(base) + rng.choice(base)  # two words glued
        elif kind < 0.45:
            word = rng.choice(base)  # a word jieba has (re-added)
        elif kind < 0.75:
            word = "".join(rng.choice(chars) for _ in range(rng.randint(2, 6)))  # characters strung
        elif kind < 0.85:
            word = rng.choice(ascii_bits) + rng.choice(ascii_bits) + rng.choice(base)  # an ASCII run first
        else:
            word = rng.choice(base) + rng.choice(chars)
        words.append((word, None if rng.random() < 0.85 else rng.randint(1, 5000)))
    assert engine._jieba_added_frequencies(words) == _add_word_in_jieba(words)


def test_add_word_replay_declines_words_jieba_cuts_in_blocks():
    assert engine._jieba_added_frequencies([("党建 工作", None)]) is None
    assert engine._jieba_added_frequencies([("区域化·党建", None)]) is None


def test_plain_engine_total_filler_is_the_duplicate_dictionary_line():
    plain = tokens.Tokenizer(engine="rjieba")
    assert plain.engine_dictionary()["filler"] == 3  # dict.txt lists B超 (3) twice; jieba counts both


def test_warm_start_does_not_load_jieba(fast):
    again = tokens.Tokenizer(lexicon=fast.lexicon, stopwords=fast.stopwords, engine="rjieba")
    assert again.cut("上海以区域化党建为抓手") == ["上海", "以", "区域化党建", "为", "抓手"]
    assert "_jieba_tk" not in again.__dict__


# -- lexicon honoured by the engine ---------------------------------------------------------------------------------

def test_engine_keeps_the_key_term_whole(fast, ref):
    text = "上海以区域化党建为抓手探索超大城市基层党建新路"
    assert "区域化党建" in fast.cut(text)
    assert fast.cut(text) == ref.cut(text)


def test_engine_keeps_quoted_poles_whole(fast):
    toks = fast.cut("组织触角从“区域内”向“跨区域”延伸，组织关系从“松散型”向“紧密型”转变")
    assert {"区域内", "跨区域", "松散型", "紧密型"} <= set(toks)


def test_engine_cuts_every_lexicon_word_whole(fast):
    assert [e.word for e in fast.lexicon if fast.cut(e.word) != [e.word]] == []


def test_plain_engine_breaks_what_the_lexicon_keeps():
    assert tokens.Tokenizer(engine="rjieba").cut("紧密型") == ["紧密", "型"]


# -- the known differences, repaired ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2011-2020年", ["2011", "-", "2020", "年"]),
    ("www.people.com.cn", ["www", ".", "people", ".", "com", ".", "cn"]),
    ("名为happynewyear.txt.vbs的附件", ["名为", "happynewyear", ".", "txt", ".", "vbs", "的", "附件"]),
    ("增长7.5%左右", ["增长", "7.5%", "左右"]),
])
def test_ascii_runs_split_as_jiebas_hmm_splits_them(fast, ref, text, expected):
    assert fast.cut(text) == expected == ref.cut(text)


def test_characters_outside_jiebas_range_are_tokens_of_their_own(fast, ref):
    text = "现﨑㐀党5X0主，建主㐀新是建𠀀%主"
    assert fast.cut(text) == ref.cut(text)
    assert {"﨑", "㐀", "𠀀"} <= set(fast.cut(text))


@pytest.mark.parametrize("text", ["建1化代建代建会a化", "是国代日代日会国建年代和主", "代建7社人%元会会会工6",
                                  "我们要一寸一寸地耕耘土地", "扎扎实实实施西部大开发"])
def test_hmm_ties_in_repeated_runs_are_cut_as_jieba_cuts_them(fast, ref, text):
    assert fast.cut(text) == ref.cut(text)


def test_dictionary_path_replay_is_jiebas_cut_on_every_block_of_the_page(fast, ref):
    text = _page()
    for block in re.findall(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+", text):
        assert engine._jieba_hmm_cut(fast._engine, block) == _jieba_lcut(ref, block), block


def test_finalseg_pattern_is_jiebas():
    from jieba import finalseg

    assert engine._FINALSEG_SKIP.pattern == finalseg.re_skip.pattern


def test_random_mixed_strings_cut_alike(fast, ref):
    rng = random.Random(12)
    han = list("中国发展经济的了是在人民建设区域化党建上海社会主义现代化工作和新时代年月日亿元")
    alphabet = han * 3 + list("abcXYZ0123456789.-_+#&%") + list("㐀鿖﨑𠀀 \n，。－Ａ\u3000") + ["\r\n", "C++", "3.5%"]
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert fast._lcut(s) == _jieba_lcut(ref, s), s


# -- parity on the project's texts --------------------------------------------------------------------------------

def _page() -> str:
    from fromto.textio import read_text

    return read_text(paths.SEED_PAGE)


def test_page_cut_identical_line_by_line_and_whole(fast, ref):
    text = _page()
    assert [fast.cut(line) for line in text.split("\n")] == [ref.cut(line) for line in text.split("\n")]
    assert fast._lcut(text) == _jieba_lcut(ref, text)


def test_page_offsets_identical(fast, ref):
    text = _page()
    expected = [t for t in ref._jieba.tokenize(text, HMM=True) if t[0].strip()]
    assert fast.tokenize(text) == expected == ref.tokenize(text)


def test_page_words_identical(fast, ref):
    text = _page()
    assert fast.words(text) == ref.words(text)


REPORTS = sorted(paths.REPORTS.glob("*.txt"))


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_report_cut_identical(fast, ref, path):
    text = path.read_text(encoding="utf-8")
    assert fast._lcut(text) == _jieba_lcut(ref, text)


def _benchmark_module(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, paths.BENCHMARKS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_pku_test_text_cut_identical_line_by_line(fast, ref):
    try:
        raw, _, _ = _benchmark_module("pku").read_pku()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    differ = [i for i, line in enumerate(raw, 1) if fast.cut(line) != ref.cut(line)]
    assert differ == []


# -- threads ------------------------------------------------------------------------------------------------------

def test_engine_cuts_alike_from_several_threads(fast):
    text = _page()
    expected = fast.cut(text)
    results = []
    threads = [threading.Thread(target=lambda: results.append(fast.cut(text))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_cache_remembers_a_value_under_its_key_and_rebuilds_for_another(tmp_path):
    calls = []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    assert engine._cached_json(tmp_path, "x", {"k": 1}, build) == {"n": 1}
    assert engine._cached_json(tmp_path, "x", {"k": 1}, build) == {"n": 1}
    assert engine._cached_json(tmp_path, "x", {"k": 2}, build) == {"n": 2}
    assert len(list(tmp_path.glob("x-*.json"))) == 2 and not list(tmp_path.glob("*.tmp"))


def test_a_corrupt_cache_file_is_rebuilt(tmp_path):
    engine._cached_json(tmp_path, "x", {"k": 1}, lambda: [1])
    (cached,) = tmp_path.glob("x-*.json")
    cached.write_text("{not json", encoding="utf-8")
    assert engine._cached_json(tmp_path, "x", {"k": 1}, lambda: [2]) == [2]
