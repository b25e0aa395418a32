"""Focused tests for the linear_diophantine family."""

from math import gcd

import pytest
from sympy import symbols
from sympy.solvers.diophantine import diophantine

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("linear_diophantine")


def brute_positive_solutions(coefficients, rhs, bound):
    """Positive solutions with every value <= bound, by plain enumeration of all but the last value."""
    *rest, last = coefficients
    found = []

    def search(prefix):
        if len(prefix) == len(rest):
            remainder = rhs - sum(a * v for a, v in zip(rest, prefix, strict=True))
            if remainder % last == 0 and remainder // last > 0:
                found.append([*prefix, remainder // last])
            return
        for v in range(1, bound + 1):
            search([*prefix, v])

    search([])
    return found


@pytest.mark.parametrize("level", range(1, 11))
def test_equation_is_solvable_and_not_degenerate(level):
    params = TASK.params(level)
    for seed in range(20):
        data = TASK.generate(seed, level).data
        coefficients, rhs = data["coefficients"], data["rhs"]
        assert len(coefficients) == params["variables"] and rhs != 0
        assert all(2 <= abs(a) <= params["max_coefficient"] for a in coefficients)
        g = 0
        for a in coefficients:
            g = gcd(g, a)
        assert rhs % g == 0  # solvable, checked without the hidden solution
        if not params["positive_solution"]:
            assert all(rhs % a for a in coefficients)
        assert data["positive"] == params["positive_solution"]


@pytest.mark.parametrize("level", [5, 7])
def test_positive_solutions_exist_by_brute_force_and_all_verify(level):
    for seed in range(10):
        data = TASK.generate(seed, level).data
        bound = abs(data["rhs"]) // min(abs(a) for a in data["coefficients"]) + 1
        solutions = brute_positive_solutions(data["coefficients"], data["rhs"], bound)
        assert data["solution"] in solutions
        for values in solutions:
            answer = ", ".join(f"{n} = {v}" for n, v in zip(data["variables"], values, strict=True))
            assert TASK.verify(data, answer).correct


@pytest.mark.parametrize("level", [1, 3, 4])
def test_sympy_general_solution_is_accepted(level):
    x, y = symbols("x y", integer=True)
    for seed in range(10):
        data = TASK.generate(seed, level).data
        a, b = data["coefficients"]
        (general,) = diophantine(a * x + b * y - data["rhs"])
        parameter = sorted(general[0].free_symbols | general[1].free_symbols, key=str)
        for t in (-3, 0, 5):
            values = [int(part.subs(dict.fromkeys(parameter, t))) for part in general]
            assert TASK.verify(data, f"({values[0]}, {values[1]})").correct


# 6x + 10y = 8: solutions (3 + 5t, -1 - 3t); positive variant: 6x + 10y = 26 has only (1, 2)
DATA = {"variables": ["x", "y"], "coefficients": [6, 10], "rhs": 8, "positive": False, "solution": [3, -1]}
POSITIVE = {"variables": ["x", "y"], "coefficients": [6, 10], "rhs": 26, "positive": True, "solution": [1, 2]}


@pytest.mark.parametrize("answer", ["x = 3, y = -1", "y = -1, x = 3", "(3, -1)", "x = -2, y = 2", "x=8; y=-4",
                                    "X = 13 and Y = -7", "x = 3, y = \u22121", "3 -1"])
def test_any_solution_in_any_form_is_accepted(answer):
    assert TASK.verify(DATA, answer).correct, answer


@pytest.mark.parametrize(("answer", "status"), [
    ("x = 3, y = 1", Status.WRONG), ("(-1, 3)", Status.WRONG), ("x = 3", Status.UNPARSABLE),
    ("x = 3, y = -1, z = 0", Status.UNPARSABLE), ("x = 3, x = -1", Status.UNPARSABLE),
    ("x = 3, y = -1 or x = 4, y = -1", Status.UNPARSABLE), ("(6, 10)", Status.WRONG), ("8", Status.UNPARSABLE),
])
def test_wrong_answers_are_rejected(answer, status):
    verdict = TASK.verify(DATA, answer)
    assert not verdict.correct and verdict.status is status, (answer, verdict)


def test_positivity_is_enforced():
    assert TASK.verify(POSITIVE, "x = 1, y = 2").correct
    verdict = TASK.verify(POSITIVE, "x = 6, y = -1")  # a solution, but y is not positive
    assert verdict.status is Status.WRONG and "positive" in verdict.reason
    assert not TASK.verify(POSITIVE, "x = -4, y = 5").correct


def test_levels_change_the_shape():
    assert len(TASK.generate(0, 1).data["variables"]) == 2 and len(TASK.generate(0, 10).data["variables"]) == 3
    assert "positive" in TASK.generate(0, 10).prompt and "positive" not in TASK.generate(0, 1).prompt
