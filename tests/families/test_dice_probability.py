"""Focused tests for dice_probability-v1: probabilities checked by enumerating every outcome."""

from fractions import Fraction
from itertools import product

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.generators.dice_probability import probability
from bootcamps.types import Status

TASK = bootcamps.get_task("dice_probability")


def is_prime(n):
    return n > 1 and all(n % d for d in range(2, n))


def holds(event, roll):
    """Whether an event holds for one roll; written from the event's wording, sharing no code."""
    kind, total = event["kind"], sum(roll)
    checks = {
        "sum_eq": lambda: total == event.get("target"),
        "sum_ge": lambda: total >= event.get("target", 0),
        "sum_le": lambda: total <= event.get("target", 0),
        "sum_between": lambda: event.get("low", 0) <= total <= event.get("high", 0),
        "sum_prime": lambda: is_prime(total),
        "sum_divisible": lambda: total % event.get("divisor", 1) == 0,
        "max_ge": lambda: max(roll) >= event.get("value", 0),
        "max_eq": lambda: max(roll) == event.get("value"),
        "min_ge": lambda: min(roll) >= event.get("value", 0),
        "face_count_eq": lambda: roll.count(event.get("face")) == event.get("count"),
        "face_count_ge": lambda: roll.count(event.get("face")) >= event.get("count", 0),
        "even_count_eq": lambda: sum(face % 2 == 0 for face in roll) == event.get("count"),
        "all_different": lambda: len(set(roll)) == len(roll),
        "some_equal": lambda: len(set(roll)) < len(roll),
    }
    return checks[kind]()


def enumerate_probability(dice, event):
    rolls = list(product(*(range(1, sides + 1) for sides in dice)))
    return Fraction(sum(holds(event, roll) for roll in rolls), len(rolls))


@pytest.mark.parametrize("level", range(1, 8))
def test_reference_equals_enumerated_probability(level):
    for seed in range(12):
        instance = TASK.generate(seed, level)
        data = instance.data
        expected = enumerate_probability(data["dice"], data["event"])
        assert 0 < expected < 1
        assert Fraction(instance.reference) == expected == Fraction(data["favourable"], data["total"])


def test_every_event_kind_appears_and_is_never_certain():
    kinds = set()
    for seed in range(300):
        data = TASK.generate(seed, 5).data
        kinds.add(data["event"]["kind"])
        assert 0 < data["favourable"] < data["total"]
    assert {"all_different", "some_equal", "sum_prime", "sum_divisible", "even_count_eq"} <= kinds


# two six-sided dice, sum at least 10: (4,6) (5,5) (6,4) (5,6) (6,5) (6,6) = 6/36
SUM10 = {"dice": [6, 6], "event": {"kind": "sum_ge", "target": 10}, "favourable": 6, "total": 36,
         "probability": "1/6"}


@pytest.mark.parametrize("answer", ["1/6", "6/36", "\\frac{1}{6}", "\\dfrac{6}{36}", " 1 / 6 ", "$1/6$", "2/12"])
def test_accepted_forms(answer):
    assert TASK.verify(SUM10, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("5/6", Status.WRONG, "does not happen"),
    ("0.1667", Status.WRONG, "not that value"),
    ("0.16666666666666666", Status.WRONG, "not that value"),
    ("1/12", Status.WRONG, "not that value"),  # sum at least 11
    ("6", Status.WRONG, "between 0 and 1"),
    ("1/6 or 5/6", Status.UNPARSABLE, "fraction"),
    ("one sixth", Status.UNPARSABLE, "fraction"),
])
def test_rejected_forms(answer, status, reason):
    verdict = TASK.verify(SUM10, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_exact_decimal_accepted_only_when_equal():
    quarter = {"dice": [4, 4], "event": {"kind": "max_ge", "value": 4}, "favourable": 7, "total": 16,
               "probability": "7/16"}
    assert enumerate_probability([4, 4], quarter["event"]) == Fraction(7, 16)
    assert TASK.verify(quarter, "0.4375").correct
    assert TASK.verify(quarter, "43.75%").correct
    assert not TASK.verify(quarter, "0.44").correct


def test_mixed_all_different_closed_form_against_enumeration():
    for dice in ([4, 6, 8], [4, 4, 6, 20], [6, 8, 10, 12], [4, 4, 4, 4]):
        data_event = {"kind": "all_different"}
        expected = enumerate_probability(dice, data_event)
        assert probability(dice, data_event) == expected


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    dice = [p["dice"] for p in params]
    assert dice == sorted(dice) and dice[0] == 2 and dice[-1] == 8
    assert params[0]["events"] == "sum" and params[-1]["events"] == "advanced" and params[-1]["mixed"]
    for level in (1, 4, 10):
        data = TASK.generate(3, level).data
        assert len(data["dice"]) == TASK.params(level)["dice"]
        assert max(data["dice"]) <= TASK.params(level)["sides"]
        if TASK.params(level)["mixed"]:
            assert len(set(data["dice"])) > 1


def test_knob_bounds():
    for overrides in ({"dice": 1}, {"dice": 11}, {"sides": 21}, {"events": "hard"}, {"sides": 2, "mixed": True}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **overrides)
