"""Tests of fromto.segment.tokens: lexicon terms whole, stoplist, single characters kept, cache location, scoring."""

import subprocess
import sys

import pandas as pd
import pytest

from fromto import paths
from fromto.evaluation import segmentation
from fromto.segment import lexicon, tokens


@pytest.fixture(scope="module")
def tk():
    return tokens.get_tokenizer()


def test_get_tokenizer_loads_once():
    assert tokens.get_tokenizer() is tokens.get_tokenizer()


def test_jieba_cache_lives_in_the_project_cache_not_the_temp_folder(tk):
    assert tk._jieba.tmp_dir == str(paths.CACHE)
    assert (paths.CACHE / "jieba.default.cache").is_file()


def test_tokenizer_is_private_not_jiebas_global_one(tk):
    import jieba

    assert tk._jieba is not jieba.dt
    assert "区域化党建" not in jieba.dt.FREQ or jieba.dt.FREQ["区域化党建"] == 0


def test_key_term_stays_whole(tk):
    assert "区域化党建" in tk.cut("上海以区域化党建为抓手探索超大城市基层党建新路")


def test_quoted_transition_poles_stay_whole(tk):
    toks = tk.cut("组织触角从“区域内”向“跨区域”延伸，组织关系从“松散型”向“紧密型”转变")
    for term in ("区域内", "跨区域", "松散型", "紧密型"):
        assert term in toks


def test_coined_co_verb_from_quoted_list_stays_whole(tk):
    assert tk.cut("活动共搞、人才共育") == ["活动", "共搞", "、", "人才", "共育"]


def test_place_from_lexicon_stays_whole(tk):
    assert "廊下镇" in tk.cut("上海金山区廊下镇山塘村与浙江嘉兴市山塘村一河之隔")


def test_every_lexicon_word_is_cut_whole_on_its_own(tk):
    broken = [e.word for e in tk.lexicon if tk.cut(e.word) != [e.word]]
    assert broken == []


def test_plain_jieba_breaks_what_the_lexicon_keeps():
    assert tokens.get_plain_tokenizer().cut("紧密型") == ["紧密", "型"]


def test_cut_drops_white_space(tk):
    assert tk.cut("党建 引领\t推动\n") == ["党建", "引领", "推动"]


def test_words_drop_stopwords_and_punctuation(tk):
    assert tk.words("党组织间的关系也从“松散型”向“紧密型”转变。") == ["党组织", "间", "关系", "松散型", "紧密型", "转变"]


def test_meaningful_single_characters_are_kept(tk):
    words = tk.words("从管好“一幢楼”到融合“一座城”，完善党的基层组织体系")
    assert {"楼", "城", "党"} <= set(words)


def test_keep_list_restores_district_dropped_by_the_published_list(tk):
    assert "区" in lexicon.published_stopwords()
    assert "区" in tk.words("形成“区—街镇—居民区”三级联动")


def test_project_addition_is_a_stopword(tk):
    assert "近年来" not in tk.words("近年来，上海市坚持推进区域党建工作")


def test_quantity_expressions_are_not_words(tk):
    assert tk.words("两个全市最快，仅用30天") == ["全市", "最快", "仅用"]


def test_is_quantity_matches_numeral_classifier_not_words_starting_with_a_numeral():
    assert lexicon.is_quantity("余万名") and lexicon.is_quantity("100%") and lexicon.is_quantity("一幢")
    assert not lexicon.is_quantity("一体化") and not lexicon.is_quantity("两村")


def test_published_stoplist_hash_is_recorded():
    prov = lexicon.stoplist_provenance()
    assert prov["sha256"] == lexicon.STOPLIST_SHA256
    assert prov["version"] == "0.7.1" and prov["name"].startswith("stopwords-iso")


def test_build_stoplist_applies_keep_and_add():
    additions = pd.DataFrame({"word": ["区", "近日"], "action": ["keep", "add"], "why": ["x", "y"]})
    assert lexicon.build_stoplist(["区", "的"], additions) == frozenset({"的", "近日"})


def test_every_lexicon_entry_has_a_reason():
    assert all(e.why and e.source for e in lexicon.read_lexicon())


def test_lexicon_with_a_duplicate_word_is_refused(tmp_path):
    from fromto.textio import InputError

    p = tmp_path / "lex.tsv"
    p.write_text("# test\nword\tfreq\ttag\tsource\twhy\n党建\t\tn\tx\ty\n党建\t\tn\tx\ty\n", encoding="utf-8")
    with pytest.raises(InputError, match="twice"):
        lexicon.read_lexicon(p)


def test_lexicon_candidates_propose_a_quoted_term_jieba_breaks():
    cands = lexicon.lexicon_candidates(["组织关系从“松散型”向“紧密型”转变"])
    quoted = set(cands.loc[cands["kind"] == "quoted", "candidate"])
    assert "紧密型" in quoted and "松散型" not in quoted  # jieba already keeps 松散型 whole


def test_lexicon_candidates_propose_a_place_before_an_administrative_unit():
    cands = lexicon.lexicon_candidates(["上海金山区廊下镇山塘村"])
    assert "廊下镇" in set(cands.loc[cands["kind"] == "place", "candidate"])


def test_lexicon_candidates_propose_a_repeated_run():
    cands = lexicon.lexicon_candidates(["推进区域化党建。", "依托区域化党建平台。"], min_count=2)
    assert "区域化党建" in set(cands.loc[cands["kind"] == "repeated", "candidate"])


def test_segmentation_prf_counts_exact_spans():
    gold = [["上海", "党建", "新路"]]
    system = [["上海", "党建新路"]]
    s = segmentation.segmentation_prf(gold, system)
    assert (s["correct"], s["precision"], s["recall"]) == (1, 0.5, 1 / 3)
    assert s["f1"] == pytest.approx(0.4)


def test_segmentation_prf_oov_recall_uses_known_words():
    s = segmentation.segmentation_prf([["上海", "党建"]], [["上海", "党", "建"]], known={"上海"})
    assert s["oov_words"] == 1 and s["oov_recall"] == 0.0


def test_segmentation_prf_refuses_different_texts():
    with pytest.raises(ValueError):
        segmentation.segmentation_prf([["上海"]], [["北京"]])


def test_segment_command_prints_one_line_of_tokens_per_input_line(tmp_path):
    p = tmp_path / "in.txt"
    p.write_text("推进区域化党建\n\n组织触角从“区域内”向“跨区域”延伸\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "fromto", "segment", str(p)], capture_output=True, text=True,
                         check=True).stdout
    assert out == "推进 区域化党建\n\n组织 触角 从 “ 区域内 ” 向 “ 跨区域 ” 延伸\n"


def test_tag_gives_lexicon_and_dictionary_tags(tk):
    assert tk.tag("廊下镇") == "ns" and tk.tag("工作") == "vn" and tk.tag("无此词语xyz") == "x"


def test_a_long_run_of_one_character_steps_reaches_jiebas_viterbi_in_bounded_pieces(tk, monkeypatch):
    # jieba's Viterbi is quadratic in a run's length; a repeated character (的 × 3,000) must not reach it whole.
    from jieba import finalseg
    from fromto.segment import engine

    seen = []
    real = finalseg.cut

    def spy(text):
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(finalseg, "cut", spy)
    text = "的" * 3000
    assert "".join(tk.cut(text)) == text
    assert seen and max(seen) <= engine.HMM_RUN_LIMIT
