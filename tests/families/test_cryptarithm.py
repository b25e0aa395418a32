"""Focused tests for cryptarithm: brute-force uniqueness, the solver, parsing, level knobs."""

import itertools
import random

import pytest

import bootcamps
from bootcamps.generators import cryptarithm as ca
from bootcamps.types import Status

TASK = bootcamps.get_task("cryptarithm")


def brute_force_solutions(addends, result, limit=None):
    """Every digit map satisfying the puzzle, by trying all permutations (independent of the solver)."""
    letters = sorted(set("".join(addends)) | set(result))
    leading = {word[0] for word in [*addends, result] if len(word) > 1}
    weight = dict.fromkeys(letters, 0)
    for word, sign in [(w, 1) for w in addends] + [(result, -1)]:
        for place, letter in enumerate(reversed(word)):
            weight[letter] += sign * 10**place
    weights = [weight[letter] for letter in letters]
    lead = [letter in leading for letter in letters]
    found = []
    for digits in itertools.permutations(range(10), len(letters)):
        if sum(w * d for w, d in zip(weights, digits, strict=True)) == 0 and not any(
                d == 0 and first for d, first in zip(digits, lead, strict=True)):
            found.append(dict(zip(letters, digits, strict=True)))
            if limit and len(found) >= limit:
                break
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 25), (2, 25), (3, 12), (4, 4)])
def test_unique_solution_by_brute_force(level, seeds):
    checked = 0
    for seed in range(seeds):
        data = TASK.generate(seed, level).data
        if len(data["solution"]) > 7:
            continue  # 10P8 permutations is too slow for a unit test
        assert brute_force_solutions(data["addends"], data["result"]) == [data["solution"]]
        checked += 1
    assert checked >= seeds // 2


def test_solver_counts_like_brute_force_on_random_puzzles():
    rng = random.Random(11)
    compared = 0
    while compared < 60:
        numbers = ca._numbers(rng, rng.randint(2, 3), rng.randint(2, 3), rng.randint(2, 5))
        addends, result, solution = ca._encode(rng, numbers)
        if len(solution) > 6:
            continue
        expected = len(brute_force_solutions(addends, result))
        assert ca.count_solutions(addends, result, limit=10**6) == expected
        assert ca.count_solutions(addends, result) == min(expected, 2)
        compared += 1


def test_solver_on_classics():
    assert ca.count_solutions(["SEND", "MORE"], "MONEY") == 1
    assert ca.count_solutions(["TO", "GO"], "OUT") == 1
    assert ca.count_solutions(["AB", "CD"], "EF") == 2  # stops counting at the limit


def test_generated_solution_satisfies_the_sum():
    for level in range(1, 11):
        data = TASK.generate(level, level).data
        values = [int("".join(str(data["solution"][c]) for c in word)) for word in [*data["addends"], data["result"]]]
        assert sum(values[:-1]) == values[-1]
        assert len(set(data["solution"].values())) == len(data["solution"])


SEND = {"addends": ["SEND", "MORE"], "result": "MONEY",
        "solution": {"D": 7, "E": 5, "M": 1, "N": 6, "O": 0, "R": 8, "S": 9, "Y": 2}}


@pytest.mark.parametrize("answer", [
    "D=7, E=5, M=1, N=6, O=0, R=8, S=9, Y=2",
    "S=9, E=5, N=6, D=7, M=1, O=0, R=8, Y=2",
    "S: 9; E: 5; N: 6; D: 7; M: 1; O: 0; R: 8; Y: 2",
    "s=9 e=5 n=6 d=7 m=1 o=0 r=8 y=2",
    '{"S": 9, "E": 5, "N": 6, "D": 7, "M": 1, "O": 0, "R": 8, "Y": 2}',
    "S -> 9\nE -> 5\nN -> 6\nD -> 7\nM -> 1\nO -> 0\nR -> 8\nY -> 2",
    "9567 + 1085 = 10652",
    "9567+1085=10652",
])
def test_hand_instance_accepts(answer):
    assert TASK.verify(SEND, answer).correct


@pytest.mark.parametrize(("answer", "status", "hint"), [
    ("D=5, E=7, M=1, N=6, O=0, R=8, S=9, Y=2", Status.WRONG, "sum"),  # two digits swapped
    ("D=7, E=5, M=0, N=6, O=1, R=8, S=9, Y=2", Status.WRONG, "start with 0"),  # a leading zero
    ("D=7, E=5, M=1, N=6, O=0, R=8, S=9", Status.WRONG, "Y"),  # a letter missing
    ("D=7, E=5, M=1, N=6, O=0, R=8, S=9, Y=7", Status.WRONG, "both stand for"),
    ("D=7, E=5, M=1, N=6, O=0, R=8, S=9, Y=2, Q=3", Status.UNPARSABLE, "Q"),
    ("D=7, E=5, M=1, N=6, O=0, R=8, S=9, Y=2, D=7", Status.UNPARSABLE, "more than once"),
    ("D=7, E=5, M=1, N=6, O=0, R=8, S=9, Y=12", Status.UNPARSABLE, "single digit"),
    ("D=7 or 8, E=5, M=1, N=6, O=0, R=8, S=9, Y=2", Status.UNPARSABLE, ""),
    ("9567 + 1085 = 10653", Status.WRONG, "sum"),
    ("1000 + 2000 = 3000", Status.UNPARSABLE, "digits"),  # true, but not the pattern's lengths
    ("9567 + 1085 + 0 = 10652", Status.UNPARSABLE, ""),
    ("1234 + 5678 = 06912", Status.UNPARSABLE, "two different digits"),  # true but inconsistent
    ("SEND + MORE = MONEY", Status.UNPARSABLE, ""),
])
def test_hand_instance_rejects(answer, status, hint):
    verdict = TASK.verify(SEND, answer)
    assert verdict.status is status, verdict
    assert hint in verdict.reason


def test_levels_change_the_instances():
    def shape(level):
        instances = [TASK.generate(seed, level).data for seed in range(8)]
        return ({len(d["addends"]) for d in instances}, {len(d["addends"][0]) for d in instances},
                sum(len(d["solution"]) for d in instances) / len(instances))

    low, mid, high = shape(1), shape(5), shape(10)
    assert low[:2] == ({2}, {2}) and mid[:2] == ({3}, {6}) and high[:2] == ({6}, {7})
    assert low[2] < mid[2] < high[2]
    assert high[2] >= 9.5


def test_small_pool_fallback_stays_unique():
    instance = TASK.generate(0, 1, addends=8, digits=2, digit_pool=4)
    data = instance.data
    assert brute_force_solutions(data["addends"], data["result"], limit=2) == [data["solution"]]
