"""Focused tests for the polynomial_factoring family."""

import pytest
import sympy

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("polynomial_factoring")
X = sympy.Symbol("x")

# 6x^4 - 6 = 6(x - 1)(x + 1)(x^2 + 1)
HAND = {"polynomial": "6x^4 - 6", "variable": "x", "coefficients": [6, 0, 0, 0, -6], "content": 6,
        "factors": [{"coefficients": [1, -1], "multiplicity": 1}, {"coefficients": [1, 1], "multiplicity": 1},
                    {"coefficients": [1, 0, 1], "multiplicity": 1}], "irreducible_factors": 3}


@pytest.mark.parametrize("level", [1, 4, 7, 10])
def test_stored_factorisation_is_sympys(level):
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data = instance.data
        poly = sympy.Poly(data["coefficients"], X)
        content, factors = sympy.factor_list(poly.as_expr())
        assert abs(content) == abs(data["content"])
        assert sum(m for _, m in factors) == data["irreducible_factors"] >= 2
        product = data["content"]
        for factor in data["factors"]:
            assert sympy.Poly(factor["coefficients"], X).is_irreducible
            product *= sympy.Poly(factor["coefficients"], X).as_expr() ** factor["multiplicity"]
        assert sympy.expand(product - poly.as_expr()) == 0
        assert TASK.verify(data, instance.reference).correct
        assert not TASK.verify(data, data["polynomial"]).correct  # copied back unfactored


def test_hand_written_instance():
    for answer in ["6(x - 1)(x + 1)(x^2 + 1)", "-6(1 - x)(x + 1)(x^2 + 1)", "(x^2+1)*(x+1)*(x-1)*2*3",
                   r"6\left(x^{2}+1\right)\left(x+1\right)\left(x-1\right)", "-6(x+1)(x^2+1)(-x+1)",
                   "12(x - 1)(1/2)(x + 1)(x^2 + 1)", r"(x-1)\frac{6}{1}(x+1)(x^2+1)"]:  # a whole quotient once raised
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "6(x^2 - 1)(x^2 + 1)": (Status.WRONG, "further"),
        "6x^4 - 6": (Status.WRONG, "common"),
        "x^4 - 1 + 5x^4 - 5": (Status.WRONG, "common"),
        "(6x - 6)(x + 1)(x^2 + 1)": (Status.WRONG, "common"),
        "3(2x - 2)(x + 1)(x^2 + 1)": (Status.WRONG, "common"),
        "12(x - 1/2)(x + 1)(x^2 + 1)": (Status.WRONG, "product"),
        "6(x - 1)(x + 1)(x^2 - 1)": (Status.WRONG, "product"),
        "6(x - 1)(1/2)(x + 1)(x^2 + 1)": (Status.WRONG, "product"),
        "6(x - 1)(x + 1)(x^2 + 1) = 0": (Status.UNPARSABLE, "expected"),
        "6(y - 1)(y + 1)(y^2 + 1)": (Status.UNPARSABLE, "variable"),
        "6(x - 1)(x + 1)(x^2 + 1)^{1/2}": (Status.UNPARSABLE, "exponent"),
        "6(x-1)(x+1)(x^2+1)^30^30": (Status.UNPARSABLE, ""),
    }
    for answer, (status, word) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and word in verdict.reason, (answer, verdict)


def test_levels_change_the_instances():
    low = [TASK.generate(seed, 1).data for seed in range(10)]
    high = [TASK.generate(seed, 10).data for seed in range(10)]
    assert all(len(d["coefficients"]) == 3 and d["content"] == 1 for d in low)
    assert all(all(len(f["coefficients"]) == 2 for f in d["factors"]) for d in low)
    assert all(len(d["coefficients"]) == 11 for d in high)
    assert any(abs(d["content"]) > 1 for d in high)
    assert any(len(f["coefficients"]) == 5 for d in high for f in d["factors"])
