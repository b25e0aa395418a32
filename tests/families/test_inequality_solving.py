"""Focused tests for inequality_solving: solution sets checked with sympy, renderings, rejections."""

from fractions import Fraction

import pytest
import sympy
from sympy.parsing.sympy_parser import (
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("inequality_solving")
X = sympy.Symbol("x", real=True)
_TRANSFORMS = (*standard_transformations, implicit_multiplication_application)


def _sympy_inequality(text):
    """The generator's own statement (trusted test data, not model text) as a sympy relation."""
    text = text.replace("^", "**").replace("\u2264", "<=").replace("\u2265", ">=")
    return parse_expr(text, local_dict={"x": X}, transformations=_TRANSFORMS)


def _endpoint(value):
    if value == "-inf":
        return -sympy.oo
    if value == "inf":
        return sympy.oo
    p, q, d = Fraction(value[0]), Fraction(value[1]), value[2]
    return sympy.Rational(p.numerator, p.denominator) + sympy.Rational(q.numerator, q.denominator) * sympy.sqrt(d)


def _sympy_set(data):
    pieces = []
    for low, low_closed, high, high_closed in data["solution"]:
        a, b = _endpoint(low), _endpoint(high)
        pieces.append(sympy.FiniteSet(a) if a == b else sympy.Interval(a, b, not low_closed, not high_closed))
    return sympy.Union(*pieces)


@pytest.mark.parametrize("level", [1, 3, 5, 6, 7])
def test_solution_set_matches_sympy(level):
    for seed in range(3):
        instance = TASK.generate(seed, level)
        relation = _sympy_inequality(instance.data["inequality"])
        expected = sympy.solveset(relation, X, sympy.S.Reals)
        assert sympy.simplify(sympy.Complement(expected, _sympy_set(instance.data))) == sympy.S.EmptySet
        assert sympy.simplify(sympy.Complement(_sympy_set(instance.data), expected)) == sympy.S.EmptySet
        assert TASK.verify(instance.data, instance.reference).correct


def test_levels_change_the_inequalities():
    low = TASK.generate(0, 1).data["inequality"]
    high = TASK.generate(0, 10).data["inequality"]
    assert "/" not in low and "x^" not in low  # factored polynomial
    assert "/" in high and "x^" in high  # multiplied-out rational inequality
    assert any("sqrt" in TASK.generate(seed, 9).reference for seed in range(5))


DATA = {  # the double root 3 is a zero (kept); the denominator root 5 is not in the set
    "inequality": "(x + 2)(x - 3)^2 / (x - 5) \u2264 0",
    "solution": [[["-2", "0", 1], True, ["5", "0", 1], False]],
    "answer": "[-2, 5)",
}
SURD = {
    "inequality": "x^2 - 2x - 4 < 0",
    "solution": [[["1", "-1", 5], False, ["1", "1", 5], False]],
    "answer": "(1 - \\sqrt{5}, 1 + \\sqrt{5})",
}


@pytest.mark.parametrize("answer", [
    "[-2, 5)", "[-2,5)", "-2 <= x < 5", "x \\in [-2, 5)", "[-2, 3] \\cup (3, 5)", "[-2, 3) U [3, 5)",
    "\\left[-2, 5\\right)", "x >= -2 and x < 5", "[-4/2, 5)",
])
def test_equivalent_sets_accepted(answer):
    assert TASK.verify(DATA, answer).correct, answer


@pytest.mark.parametrize(("answer", "status"), [
    ("[-2, 5]", Status.WRONG),  # the denominator root is never in the set
    ("(-2, 5)", Status.WRONG),
    ("[-2, 3) \\cup (3, 5)", Status.WRONG),  # 3 is a zero of the numerator: included
    ("(-\\infty, 5)", Status.WRONG),
    ("(5, -2]", Status.UNPARSABLE),
    ("[-2, 5) or maybe [-2, 5]", Status.UNPARSABLE),
    ("(x + 2)(x - 3)^2 / (x - 5) \u2264 0", Status.UNPARSABLE),
])
def test_wrong_sets_rejected(answer, status):
    assert TASK.verify(DATA, answer).status is status, answer


def test_irrational_endpoints_compare_exactly():
    for answer in ("(1 - \\sqrt{5}, 1 + \\sqrt{5})", "(1-sqrt(5), 1+sqrt(5))", "1 - \u221a5 < x < 1 + \u221a5",
                   "(\\frac{2 - \\sqrt{20}}{2}, \\frac{2 + 2\\sqrt{5}}{2})"):
        assert TASK.verify(SURD, answer).correct, answer
    for answer in ("(-1.2360679775, 3.2360679775)", "(1 - \\sqrt{6}, 1 + \\sqrt{5})", "[1 - \\sqrt{5}, 1 + \\sqrt{5}]"):
        assert not TASK.verify(SURD, answer).correct, answer
