"""Focused tests for countdown: solvability, the min_ops proof, multiset rules, the '= target' suffix."""

from fractions import Fraction
from itertools import combinations

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("countdown")


def _fewest_ops(numbers, target, max_ops):
    """Fewest binary operations reaching the target (brute force over subsets), None if > max_ops.

    values[mask] is every value an expression using exactly the numbers in mask can take.
    """
    values = {1 << i: {Fraction(n)} for i, n in enumerate(numbers)}
    if target in numbers:
        return 0
    for size in range(2, max_ops + 2):
        for subset in combinations(range(len(numbers)), size):
            mask = sum(1 << i for i in subset)
            found = set()
            for left_size in range(1, size // 2 + 1):  # each split into two parts, once
                for left in combinations(subset, left_size):
                    left_mask = sum(1 << i for i in left)
                    right_mask = mask ^ left_mask
                    if left_size * 2 == size and left_mask > right_mask:
                        continue
                    for a in values[left_mask]:
                        for b in values[right_mask]:
                            found.update((a + b, a - b, b - a, a * b))
                            if b:
                                found.add(a / b)
                            if a:
                                found.add(b / a)
            values[mask] = found
        if any(target in values[sum(1 << i for i in subset)]
               for subset in combinations(range(len(numbers)), size)):
            return size - 1
    return None


@pytest.mark.parametrize("level", [1, 2, 3])
def test_every_target_is_reachable_by_brute_force(level):
    for seed in range(15):
        instance = TASK.generate(seed, level)
        numbers, target = instance.data["numbers"], instance.data["target"]
        assert _fewest_ops(numbers, target, len(numbers) - 1) is not None
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level,seeds", [(2, 10), (5, 6), (8, 4), (9, 3), (10, 3)])
def test_no_expression_with_fewer_than_min_ops_operations(level, seeds):
    min_ops = TASK.params(level)["min_ops"]
    for seed in range(seeds):
        data = TASK.generate(seed, level).data
        assert data["target"] not in data["numbers"]
        assert _fewest_ops(data["numbers"], data["target"], min_ops - 1) is None


HAND = {"numbers": [25, 4, 3, 3, 7, 10], "target": 103}


@pytest.mark.parametrize("answer", [
    "25*4+3", "(25 * 4) + 3", "3 + 4 * 25", "25 × 4 + 3", "((25)*(4))+(3)", "25*4+3 = 103",
    "25 * 4 + 3=103", "25 * 4 * 3 / 3 + 10 - 7", "25 \\times 4 + 3", "[25 * 4] + 3",
    "25 * 4 + 10 - 7",  # another valid solution
])
def test_hand_instance_accepts_any_valid_expression(answer):
    assert TASK.verify(HAND, answer).correct, answer


@pytest.mark.parametrize("answer,status,reason", [
    ("25 * 4 + 3 + 3 - 3", Status.WRONG, "3 is used more times"),
    ("25 * 4 + 3 * 3 / 3", Status.WRONG, "3 is used more times"),
    ("25 * 4 + 10 - 7 + 4 - 4", Status.WRONG, "4 is used more times"),
    ("25 * 4 + 5 - 2", Status.WRONG, "not one of the given"),
    ("103", Status.WRONG, "not one of the given"),
    ("103 = 103", Status.WRONG, "not one of the given"),
    ("25 * 4 + 3 = 104", Status.WRONG, "stated result"),
    ("25 * 4 + 7", Status.WRONG, "equals 107"),
    ("25 * 4 + 3 = 103 = 103", Status.UNPARSABLE, "optionally followed"),
    ("25 * 4 + 3 or 25 * 4 + 7", Status.UNPARSABLE, "unexpected character"),
    ("25", Status.WRONG, "equals 25"),
    ("25 * 4 + 3.0", Status.UNPARSABLE, "unexpected character"),
    ("(25 * 4 + 3", Status.UNPARSABLE, "unbalanced"),
])
def test_hand_instance_rejects_rule_breaks(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_fractional_intermediates_are_exact():
    data = {"numbers": [3, 4, 6], "target": 8}
    assert TASK.verify(data, "6 / (3 / 4)").correct
    assert TASK.verify(data, "6 / 3 * 4").correct
    assert not TASK.verify(data, "6 / 4 * 3 + 4").correct  # 8.5


def test_a_number_given_twice_may_be_used_twice():
    data = {"numbers": [5, 5, 2], "target": 50}
    assert TASK.verify(data, "5 * 5 * 2").correct
    assert not TASK.verify(data, "5 * 5 * 2 * 5 / 5").correct


def test_trivial_answers_score_zero():
    instance = TASK.generate(3, 5)
    for answer in ("", "0", "1", "yes", instance.prompt, ", ".join(map(str, instance.data["numbers"]))):
        assert TASK.verify(instance.data, answer).score == 0.0
    for number in instance.data["numbers"]:
        assert not TASK.verify(instance.data, str(number)).correct


def test_levels_change_the_instances():
    low = [TASK.generate(seed, 1).data for seed in range(20)]
    high = [TASK.generate(seed, 10).data for seed in range(20)]
    assert all(len(d["numbers"]) == 3 and max(d["numbers"]) <= 9 for d in low)
    assert all(len(d["numbers"]) == 7 and 100 <= d["target"] <= 999 for d in high)
    assert all(len(set(d["numbers"]) & {25, 50, 75, 100}) >= 2 for d in high)
    references = [TASK.generate(seed, 10).reference for seed in range(10)]
    assert all(sum(ch in "+-*/" for ch in ref) >= 6 for ref in references)  # min_used 7: six operations


def test_reference_uses_numbers_within_the_multiset():
    from collections import Counter

    from bootcamps.answers import parse_arithmetic

    for level in (4, 7, 10):
        for seed in range(10):
            instance = TASK.generate(seed, level)
            used = Counter(parse_arithmetic(instance.reference).numbers)
            assert not used - Counter(instance.data["numbers"])
            assert sum(used.values()) >= min(TASK.params(level)["min_used"], len(instance.data["numbers"]))
