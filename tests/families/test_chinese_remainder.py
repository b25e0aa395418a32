"""Focused tests for the chinese_remainder family."""

from math import gcd

import pytest
from sympy.ntheory.modular import solve_congruence

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("chinese_remainder")


def brute_least_solution(moduli, residues):
    """The least x >= 0 meeting every congruence, by stepping through the largest modulus's class."""
    big = max(range(len(moduli)), key=lambda i: moduli[i])
    x, limit = residues[big], 1
    for m in moduli:
        limit *= m
    while x < limit:
        if all((x - r) % m == 0 for m, r in zip(moduli, residues, strict=True)):
            return x
        x += moduli[big]
    return None


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6, 7])
def test_solution_is_the_least_by_brute_force(level):
    for seed in range(30):
        data = TASK.generate(seed, level).data
        assert brute_least_solution(data["moduli"], data["residues"]) == int(data["solution"])


@pytest.mark.parametrize("level", range(1, 11))
def test_solution_and_modulus_agree_with_sympy(level):
    for seed in range(10):
        instance = TASK.generate(seed, level)
        data = instance.data
        pairs = list(zip(data["residues"], data["moduli"], strict=True))
        assert solve_congruence(*pairs) == (int(data["solution"]), int(data["modulus"]))
        moduli = data["moduli"]
        shared = any(gcd(a, b) > 1 for i, a in enumerate(moduli) for b in moduli[i + 1:])
        assert shared != TASK.params(level)["coprime"]
        assert not any(a % b == 0 for a in moduli for b in moduli if a != b)  # no redundant congruence
        assert int(data["solution"]) > max(moduli)
        assert TASK.verify(data, instance.reference).correct


# x ≡ 2 (mod 4), x ≡ 4 (mod 6): solutions 10 + 12k (non-coprime moduli, lcm 12, product 24)
DATA = {"moduli": [4, 6], "residues": [2, 4], "modulus": "12", "solution": "10"}


@pytest.mark.parametrize("answer", ["10", "x = 10", "x ≡ 10 (mod 12)", "x ≡ -2 (mod 12)", "x \\equiv 22 \\pmod{12}",
                                    "10 (mod 12)", "$10$"])
def test_hand_instance_accepts(answer):
    assert TASK.verify(DATA, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("22", Status.WRONG, "least"),  # a solution, not the least
    ("-2", Status.WRONG, "least"),
    ("11", Status.WRONG, "does not hold"),
    ("x ≡ 10 (mod 24)", Status.WRONG, "modulus"),  # product instead of lcm
    ("x ≡ 11 (mod 12)", Status.WRONG, "does not hold"),
    ("10 or 22", Status.UNPARSABLE, "expected"),
    ("2, 4", Status.UNPARSABLE, "expected"),
])
def test_hand_instance_rejects(answer, status, reason):
    verdict = TASK.verify(DATA, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow_the_system():
    low, high = TASK.generate(1, 1).data, TASK.generate(1, 10).data
    assert len(low["moduli"]) < len(high["moduli"]) and max(low["moduli"]) < max(high["moduli"])
