"""A two-document toy corpus shared by the coding-sheet and export tests: raw texts, their sentences (with raw
offsets) and two coded transitions. Written for the tests, not quoted from any paper."""

import pandas as pd

TEXTS = {"d1": "前言。组织关系从松散型向紧密型转变。结语。", "d2": "变压力为动力。"}
SENTENCES = pd.DataFrame([
    {"doc": "d1", "sentence_id": "s1", "text": "前言。", "raw_start": 0, "raw_end": 3},
    {"doc": "d1", "sentence_id": "s2", "text": "组织关系从松散型向紧密型转变。", "raw_start": 3, "raw_end": 18},
    {"doc": "d1", "sentence_id": "s3", "text": "结语。", "raw_start": 18, "raw_end": 21},
    {"doc": "d2", "sentence_id": "s1", "text": "变压力为动力。", "raw_start": 0, "raw_end": 7},
])
CODED = pd.DataFrame([
    {"doc": "d1", "sentence_id": "s2", "sentence": "组织关系从松散型向紧密型转变。", "marker": "从X向Y+V",
     "subject": "组织关系", "source": "松散型", "target": "紧密型", "code": "TIES", "code_rule": "R1 subject head 关系"},
    {"doc": "d2", "sentence_id": "s1", "sentence": "变压力为动力。", "marker": "变X为Y", "subject": "",
     "source": "压力", "target": "动力", "code": "CONVERSION", "code_rule": "R3 keywords 压力|动力"},
])
