"""Focused tests for the base_conversion family."""

from fractions import Fraction

import pytest

import bootcamps
from bootcamps.generators.base_conversion import COMMON
from bootcamps.types import Status

TASK = bootcamps.get_task("base_conversion")


def horner(text, base):
    """Independent reading of digits in a base: Horner on the integer part, a power sum after the point."""
    whole, _, fraction = text.partition(".")
    value = Fraction(0)
    for char in whole:
        value = value * base + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(char)
    for position, char in enumerate(fraction, start=1):
        value += Fraction("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(char), base**position)
    return value


@pytest.mark.parametrize("level", range(1, 11))
def test_source_and_reference_have_the_same_value(level):
    params = TASK.params(level)
    for seed in range(25):
        instance = TASK.generate(seed, level)
        data = instance.data
        source, target = data["source_base"], data["target_base"]
        assert source != target and 2 <= min(source, target) and max(source, target) <= 36
        value = horner(data["source"], source)
        assert value == horner(instance.reference, target) == Fraction(data["value"])
        assert len(str(int(value))) == params["digits"]
        if params["bases"] == "decimal":
            assert 10 in (source, target) and {source, target} <= set(COMMON)
        if params["bases"] == "any":
            assert not {source, target} <= set(COMMON)
        if value.denominator > 1:
            assert len(data["source"].partition(".")[2]) <= params["fraction_digits"]
            assert len(instance.reference.partition(".")[2]) <= params["fraction_digits"]
        if params["fraction_digits"] == 0:
            assert "." not in instance.reference and int(instance.reference, target) == int(data["source"], source)


def test_python_int_and_format_agree_on_common_bases():
    for seed in range(30):
        instance = TASK.generate(seed, 4)
        value = int(instance.data["source"], instance.data["source_base"])
        expected = {2: format(value, "b"), 8: format(value, "o"), 10: str(value), 16: format(value, "X")}
        assert instance.reference == expected[instance.data["target_base"]]


HEX = {"source_base": 10, "target_base": 16, "source": "47", "value": "47/1"}
BINARY = {"source_base": 10, "target_base": 2, "source": "182.75", "value": "731/4"}
BASE36 = {"source_base": 10, "target_base": 36, "source": "1295", "value": "1295/1"}


@pytest.mark.parametrize(("data", "answer"), [
    (HEX, "2F"), (HEX, "2f"), (HEX, "0x2F"), (HEX, "0X2f"), (HEX, "(2F)_16"), (HEX, "2F_{16}"), (HEX, "2F\u2081\u2086"),
    (HEX, "002F"), (HEX, "$2F$"), (BINARY, "10110110.11"), (BINARY, "1011 0110.11"), (BINARY, "0b10110110.1100"),
    (BINARY, "1011_0110.11"), (BASE36, "ZZ"), (BASE36, "zz"),
])
def test_accepted_forms(data, answer):
    assert TASK.verify(data, answer).correct, answer


@pytest.mark.parametrize(("data", "answer", "status"), [
    (HEX, "2E", Status.WRONG), (HEX, "47", Status.WRONG), (HEX, "0b2F", Status.WRONG),  # b is a hex digit
    (HEX, "(2F)_15", Status.UNPARSABLE), (HEX, "2G", Status.UNPARSABLE), (HEX, "-2F", Status.UNPARSABLE),
    (HEX, "2F or 2E", Status.UNPARSABLE), (BINARY, "10110110", Status.WRONG), (BINARY, "10110112", Status.UNPARSABLE),
    (BINARY, "0x10110110.11", Status.UNPARSABLE), (BASE36, "0xZZ", Status.WRONG),  # in base 36, x is a digit
])
def test_rejected_forms(data, answer, status):
    verdict = TASK.verify(data, answer)
    assert not verdict.correct and verdict.status is status, (answer, verdict)


def test_levels_grow_the_numbers_and_reach_fractions():
    low, high = TASK.generate(2, 1), TASK.generate(2, 10)
    assert len(low.data["source"]) < len(high.data["source"])
    assert "." in high.reference and "." not in low.reference
