"""Focused tests for the polynomial_factoring family."""

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

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


_NUMBERS = st.sampled_from(["0", "1", "2", "7", "12", "05"]) | st.integers(0, 10**6).map(str)
_POWERS = st.sampled_from(["", "", "^2", "^{3}", "^ 2", "^0", "^33"])


@st.composite
def _plain_products(draw):
    def term(first):
        sign = draw(st.sampled_from(["", "-"] if first else [" + ", " - ", "+", "-"]))
        if draw(st.booleans()):
            return sign + draw(_NUMBERS)
        coefficient = draw(st.sampled_from(["", "{}", "{}*", "{} ", "{} * "])).format(draw(_NUMBERS))
        return sign + coefficient + "x" + draw(_POWERS)

    def factor(first):
        star = "" if first else draw(st.sampled_from(["", "*", " * ", " "]))
        kind = draw(st.sampled_from(["bracket", "bracket", "variable", "number"]))
        if kind == "bracket":
            inner = "".join(term(k == 0) for k in range(draw(st.integers(1, 4))))
            return f"{star}({inner}){draw(_POWERS)}"
        return star + ("x" if kind == "variable" else draw(_NUMBERS)) + draw(_POWERS)

    sign = draw(st.sampled_from(["", "-", "- "]))
    return sign + "".join(factor(k == 0) for k in range(draw(st.integers(1, 5))))


@given(_plain_products())
def test_plain_products_read_directly_give_what_factors_reads(text):
    from bootcamps.answers import parse_math
    from bootcamps.verifiers import polynomial_factoring as verifier

    plain = verifier._plain_factors(text, "x")
    if plain is None:
        return  # left to the parser
    assert plain == verifier.factors(parse_math(text), "x"), text


def test_the_prompts_format_is_read_directly():
    from bootcamps.verifiers import polynomial_factoring as verifier

    for text in ["-5(3x - 1)^2(2x^2 - 5x + 6)", "-2*x^2*(x^2 + 4)", "2xx(x + 1)", "(x - 1)^{2}(x + 1)", "(-x)^2"]:
        assert verifier._plain_factors(text, "x") is not None, text
    for text in ["(x + 1)2", "x2", "(4x^2 + 5*- 4)", "\\left(x + 1\\right)", "(x + 1)/2", "x^2 + 1",
                 "xxx(x + 1)"]:
        assert verifier._plain_factors(text, "x") is None, text
