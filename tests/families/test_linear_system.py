"""Focused tests for the linear_system family."""

import re
from fractions import Fraction

import pytest

import bootcamps
from bootcamps.generators.linear_system import (
    determinant,
    render_equation,
    solve_exact,
    variable_names,
)
from bootcamps.types import Status

TASK = bootcamps.get_task("linear_system")


def fraction_solve(matrix, rhs):
    """Independent Gauss-Jordan elimination with Fractions; (determinant, solution or None)."""
    size = len(matrix)
    rows = [[Fraction(a) for a in row] + [Fraction(b)] for row, b in zip(matrix, rhs, strict=True)]
    det = Fraction(1)
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            return Fraction(0), None
        if pivot != col:
            rows[col], rows[pivot] = rows[pivot], rows[col]
            det = -det
        det *= rows[col][col]
        rows[col] = [a / rows[col][col] for a in rows[col]]
        for r in range(size):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return det, [rows[i][size] for i in range(size)]


def parse_equation(line, names):
    """Coefficients and right-hand side read back from a rendered equation."""
    left, right = line.split(" = ")
    coefficients = dict.fromkeys(names, 0)
    for sign, magnitude, name in re.findall(r"(-?|[+-] )(\d*)([a-z]\d*)", left):
        value = int(magnitude) if magnitude else 1
        coefficients[name] = -value if "-" in sign else value
    return [coefficients[name] for name in names], int(right)


HAND = {"variables": ["x", "y", "z"], "coefficients": [[2, 1, -1], [1, -1, 1], [1, 2, 3]],
        "rhs": [3, 0, 11], "solution": ["1", "2", "3"]}
HAND_FRACTION = {"variables": ["x", "y"], "coefficients": [[2, 0], [0, 3]], "rhs": [1, -2],
                 "solution": ["1/2", "-2/3"]}


@pytest.mark.parametrize("level", range(1, 11))
def test_planted_solution_is_the_unique_solution(level):
    for seed in range(15):
        instance = TASK.generate(seed, level)
        data = instance.data
        det, solution = fraction_solve(data["coefficients"], data["rhs"])
        assert det != 0 and det == determinant(data["coefficients"])
        assert [str(v) for v in solution] == data["solution"]
        assert solve_exact(data["coefficients"], data["rhs"]) == solution
        values = [Fraction(v) for v in data["solution"]]
        for row, b in zip(data["coefficients"], data["rhs"], strict=True):
            assert sum(a * v for a, v in zip(row, values, strict=True)) == b  # substitution
        assert TASK.verify(data, instance.reference).correct


@pytest.mark.parametrize("level", [1, 4, 7, 10])
def test_equations_in_the_prompt_are_the_data(level):
    for seed in range(10):
        instance = TASK.generate(seed, level)
        names = instance.data["variables"]
        lines = [line.strip() for line in instance.prompt.splitlines() if " = " in line and "form" not in line]
        assert len(lines) == len(names)
        for line, row, b in zip(lines, instance.data["coefficients"], instance.data["rhs"], strict=True):
            assert "+ -" not in line and "- -" not in line
            assert not re.search(r"(^|[ -])1[a-z]", line), line  # no "1x"
            assert not re.search(r"(^|[ -])0[a-z]", line), line  # no "0x"
            assert parse_equation(line, names) == (row, b)
            assert sum(a != 0 for a in row) >= 2


def test_render_equation():
    assert render_equation([3, -2, 1], ["x", "y", "z"], 7) == "3x - 2y + z = 7"
    assert render_equation([-1, 0, 1, -12], ["x", "y", "z", "w"], -4) == "-x + z - 12w = -4"
    assert render_equation([1, -1], ["x1", "x2"], 0) == "x1 - x2 = 0"
    assert variable_names(4) == ["x", "y", "z", "w"]
    assert variable_names(5) == ["x1", "x2", "x3", "x4", "x5"]


def test_knobs_shape_the_instances():
    for seed in range(10):
        low, high = TASK.generate(seed, 1).data, TASK.generate(seed, 10).data
        assert len(low["variables"]) == 2 and len(high["variables"]) == 7
        assert max(abs(a) for row in low["coefficients"] for a in row) <= 5
        assert all(Fraction(v).denominator == 1 for v in low["solution"])
        assert any(Fraction(v).denominator > 1 for v in high["solution"])
        assert all(abs(Fraction(v)) <= 20 for v in high["solution"])
    sparse = TASK.generate(0, 4, sparsity=0.6, unknowns=6).data
    assert sum(a == 0 for row in sparse["coefficients"] for a in row) >= 6
    override = TASK.generate(0, 1, max_coefficient=50, unknowns=3).data
    assert len(override["variables"]) == 3


@pytest.mark.parametrize("answer", [
    "x = 1, y = 2, z = 3", "z = 3; y = 2; x = 1", "x=1\ny=2\nz=3", "x = 1, y = 2 and z = 3",
    "(1, 2, 3)", "[1, 2, 3]", "(x, y, z) = (1, 2, 3)", "X = 1, Y = 2, Z = 3", "$x = 1$, $y = 2$, $z = 3$",
    "x: 1, y: 2, z: 3", "x = 2/2, y = 2.0, z = \\frac{6}{2}", "{x = 1, y = 2, z = 3}", "x = 1, y = 2, and z = 3",
])
def test_hand_instance_accepts_every_rendering(answer):
    assert TASK.verify(HAND, answer).correct


@pytest.mark.parametrize(("answer", "status"), [
    ("x = 1, y = 2, z = 4", Status.WRONG),  # one value off
    ("x = 2, y = 1, z = 3", Status.WRONG),  # two values swapped
    ("(2, 1, 3)", Status.WRONG),
    ("x = 1, y = 2", Status.WRONG),  # a missing unknown
    ("x = 1, y = 2, z = 3, x = 1", Status.WRONG),  # an unknown given twice
    ("x = 1, y = 2, q = 3", Status.UNPARSABLE),
    ("x = 1, y = 2, z = 3 or 4", Status.UNPARSABLE),
    ("(1, 2)", Status.UNPARSABLE),
    ("x = 3, y = 0, z = 11", Status.WRONG),  # the right-hand sides copied back
    ("1", Status.UNPARSABLE),
    ("", Status.UNPARSABLE),
])
def test_hand_instance_rejects(answer, status):
    verdict = TASK.verify(HAND, answer)
    assert not verdict.correct and verdict.status is status and verdict.score == 0.0
    assert "1, 2, 3" not in verdict.reason


def test_fractions_are_exact():
    assert TASK.verify(HAND_FRACTION, "x = 1/2, y = -2/3").correct
    assert TASK.verify(HAND_FRACTION, "x = 0.5, y = -\\frac{2}{3}").correct
    assert TASK.verify(HAND_FRACTION, "y = \u22122/3, x = 2/4").correct
    assert not TASK.verify(HAND_FRACTION, "x = 0.5, y = -0.667").correct  # a rounded decimal
    assert not TASK.verify(HAND_FRACTION, "x = 0.5, y = -0.6666666666666666").correct
    assert not TASK.verify(HAND_FRACTION, "x = 1/2, y = 2/3").correct


def test_score_whole_response():
    instance = TASK.generate(5, 6)
    assert TASK.score(instance, f"Working... <answer>{instance.reference}</answer>").correct
    assert not TASK.score(instance, "<answer>x = 1, y = 1</answer>").correct


def test_near_misses_and_equivalents_cover_the_listed_mistakes():
    instances = (TASK.generate(seed, 8) for seed in range(50))
    instance = next(i for i in instances if any(Fraction(v).denominator % 3 == 0 for v in i.data["solution"]))
    misses = TASK.near_misses(instance)
    assert any(re.search(r"= -?\d+\.\d{3}\b", miss) for miss in misses)  # a rounded decimal
    assert all(not TASK.verify(instance.data, miss).correct for miss in misses)
    assert all(TASK.verify(instance.data, form).correct for form in TASK.equivalents(instance))
