"""LowlandInputError keeps its Chinese and English text apart (err.zh, err.en) while
str(err) stays the combined "中文 / English" message the algorithms show."""

from __future__ import annotations

import pickle

import pytest

from lowland_under_test.lowland_plugin.core.common.errors import (
    SEPARATOR,
    LowlandInputError,
    LowlandInternalError,
    split_bilingual,
)
from lowland_under_test.lowland_plugin.core.identify.review import ReviewConflictError


def test_two_texts_make_the_combined_message():
    err = LowlandInputError("请填写核查人。", "Enter the reviewer's name.")
    assert str(err) == "请填写核查人。 / Enter the reviewer's name."
    assert (err.zh, err.en) == ("请填写核查人。", "Enter the reviewer's name.")


def test_one_combined_text_is_kept_and_split_once():
    message = "请填写核查人。 / Enter the reviewer's name."
    err = LowlandInputError(message)
    assert str(err) == message
    assert err.args == (message,)
    assert (err.zh, err.en) == ("请填写核查人。", "Enter the reviewer's name.")


@pytest.mark.parametrize(
    ("message", "zh", "en"),
    [
        # the first separator splits; later ones belong to the English text
        ("单宗 / 累计 / pieces / total", "单宗", "累计 / pieces / total"),
        # a separator inside brackets is part of the text, not the split
        (
            "两个版本的坐标系不同（A / B），请先重投影。 / the two versions have different CRS",
            "两个版本的坐标系不同（A / B），请先重投影。",
            "the two versions have different CRS",
        ),
        ("比值（调入 / 调出）(in / out) / ratio", "比值（调入 / 调出）(in / out)", "ratio"),
        # half-open intervals close what they open
        (
            "比例须在 (0, 1] 之内。 / must be in (0, 1].",
            "比例须在 (0, 1] 之内。",
            "must be in (0, 1].",
        ),
        # a slash without spaces is no separator
        ("内置 default/yinchuan / bundled", "内置 default/yinchuan", "bundled"),
        # "/ " right after a full-width closing mark separates too (many check messages)
        (
            "地块 PRJ01/S1 在项目用地之外（占比按项目用地计算）/ piece PRJ01/S1 outside",
            "地块 PRJ01/S1 在项目用地之外（占比按项目用地计算）",
            "piece PRJ01/S1 outside",
        ),
        # lines after the separator stay with the English text
        ("字段有误 / bad fields:\n  a\n  b", "字段有误", "bad fields:\n  a\n  b"),
    ],
)
def test_split_rule(message, zh, en):
    assert split_bilingual(message) == (zh, en)
    err = LowlandInputError(message)
    assert (err.zh, err.en) == (zh, en)
    assert str(err) in (message, f"{zh} / {en}")  # a tight "）/ " is written " / "
    assert f"{zh}{SEPARATOR}{en}" == message or f"{zh}/ {en}" == message


def test_a_message_in_one_language_is_the_same_in_both():
    err = LowlandInputError("cannot read input")
    assert (err.zh, err.en, str(err)) == (
        "cannot read input",
        "cannot read input",
        "cannot read input",
    )


def test_in_language():
    err = LowlandInputError("中文 / English")
    assert err.in_language("en") == "English"
    assert err.in_language("zh") == "中文"


def test_subclasses_and_pickling_keep_both_texts():
    err = ReviewConflictError("已被他人修改 / changed by someone else")
    assert isinstance(err, LowlandInputError)
    assert (err.zh, err.en) == ("已被他人修改", "changed by someone else")
    copy = pickle.loads(pickle.dumps(LowlandInputError("中文", "English")))
    assert (str(copy), copy.zh, copy.en) == ("中文 / English", "中文", "English")


def test_internal_error_message_is_unchanged():
    assert str(LowlandInternalError("lost 1 feature")) == "lost 1 feature"
