"""Tests for bootcamps.answers.floats (float closures of parse trees) and the float screen of
bootcamps.answers.calculus: floats may only ever accept, never reject a right answer."""

import math
import random

import pytest

import bootcamps
from bootcamps.answers import parse_math
from bootcamps.answers.calculus import differentiate, same_derivative, same_function
from bootcamps.answers.evaluate import Budget, Undefined, is_real, numeric
from bootcamps.answers.floats import FLOAT_ERRORS, Unsupported, compile_float, compile_slope

POINTS = (-2.7, -1.3, -0.4, 0.35, 0.9, 1.7, 2.6)
EXPRESSIONS = [
    "3x^2 - 5x + 7", "(x^2 + 1)/(x - 3)", "sin(2x)*cos(x)", "exp(-x^2) + ln(x^2 + 1)", "sqrt(x^2 + 4)",
    "x^(1/3)", "\\sqrt[5]{x}", "x^(-2)", "2^x", "x^x", "abs(x)*tan(x)", "arcsin(x/3) + arccos(x/4)",
    "arctan(x) - sinh(x) + cosh(x)*tanh(x)", "sec(x) + csc(x) + cot(x)", "log_2(x^2 + 1)", "e^(2x) * pi",
    "arsinh(x) + artanh(x/3)", "arcosh(x^2 + 1)", "ln(x)", "sqrt(x)", "1 1/2 * x", "C*x + c",
]


def _mp_value(node, point):
    try:
        value = numeric(node, {"x": point, "C": 0.5, "c": 0.25}, Budget(1.0))
    except Undefined:
        return None
    return float(value.real if hasattr(value, "imag") else value) if is_real(value) else None


@pytest.mark.parametrize("text", EXPRESSIONS)
def test_float_closures_agree_with_high_precision_values(text):
    node = parse_math(text)
    function = compile_float(node, "x", {"C": 0.5, "c": 0.25})
    for point in POINTS:
        expected = _mp_value(node, point)
        try:
            value = function(point)
        except FLOAT_ERRORS:
            assert expected is None, (text, point)
            continue
        assert expected is not None, (text, point, value)
        assert math.isclose(value, expected, rel_tol=1e-12, abs_tol=1e-12), (text, point)


def test_real_odd_roots_and_domain_errors():
    assert compile_float(parse_math("x^(1/3)"), "x")(-8.0) == pytest.approx(-2.0)
    assert compile_float(parse_math("\\sqrt[3]{x}"), "x")(-27.0) == pytest.approx(-3.0)
    assert compile_float(parse_math("x^(2/3)"), "x")(-8.0) == pytest.approx(4.0)
    for text, point in [("sqrt(x)", -1.0), ("ln(x)", -2.0), ("1/x", 0.0), ("x^(1/2)", -4.0), ("x^x", -0.5),
                        ("exp(x)", 1e6), ("x^(-1)", 0.0)]:
        with pytest.raises(FLOAT_ERRORS):
            compile_float(parse_math(text), "x")(point)


@pytest.mark.parametrize("text", ["\\lfloor x \\rfloor", "x!", "3i*x", "y + x", "{1, 2}", "\\binom{x}{2}"])
def test_trees_without_a_float_reading_are_refused(text):
    with pytest.raises(Unsupported):
        compile_float(parse_math(text), "x")


def _slope_cases():
    texts = list(EXPRESSIONS)
    task = bootcamps.get_task("derivative")
    texts += [task.generate(seed, level).data["function"] for seed in range(6) for level in (1, 5, 10)]
    return texts


@pytest.mark.parametrize("text", _slope_cases())
def test_slopes_are_the_values_of_the_symbolic_derivative(text):
    node = parse_math(text)
    constants = {"C": 0.5, "c": 0.25}
    derivative = compile_float(differentiate(node, "x"), "x", constants)
    slope = compile_slope(node, "x", constants)
    for point in POINTS:
        try:
            expected = derivative(point)
        except FLOAT_ERRORS:
            continue
        try:
            value, rate = slope(point)
        except FLOAT_ERRORS:
            continue  # the slope may refuse where the derivative tree is defined (e.g. |u| at 0), never the reverse
        assert value == pytest.approx(compile_float(node, "x", constants)(point), rel=1e-12, abs=1e-12)
        assert rate == pytest.approx(expected, rel=1e-9, abs=1e-9), (text, point)


def test_a_variable_logarithm_base_has_no_slope():
    slope = compile_slope(parse_math("log_{x + 1}(x)"), "x")
    with pytest.raises(Unsupported):
        slope(0.5)


def test_float_rounding_never_rejects_a_right_answer():
    # about 1e18 in the middle: floats lose the answer entirely, the exact check still sees it right
    right = parse_math("(x + 10^9)^2 - x^2 - 10^18 - 2*10^9*x + 2*x")
    assert same_function(parse_math("2*x"), right, "x") is True
    antiderivative = parse_math("(x + 10^9)^3/3 - 10^9*x^2 - 10^18*x")
    assert same_derivative(parse_math("x^2"), antiderivative, "x") is True


@pytest.mark.parametrize("offset", ["1e-9", "1e-7*x", "x/10^8"])
def test_small_but_real_differences_are_rejected(offset):
    gold = parse_math("3*x^2*cos(x) - x^3*sin(x)")
    assert same_function(gold, parse_math(f"3*x^2*cos(x) - x^3*sin(x) + {offset}"), "x") is False
    assert same_derivative(gold, parse_math(f"x^3*cos(x) + {offset}*x"), "x") is False


def test_random_expressions_give_the_same_verdict_with_and_without_the_float_screen(monkeypatch):
    from bootcamps.answers import calculus

    rng = random.Random(7)
    task = bootcamps.get_task("derivative")
    cases = []
    for seed in range(12):
        instance = task.generate(seed, rng.randint(1, 10))
        gold = parse_math(instance.data["derivative"])
        for text in (instance.reference, f"2*({instance.reference})/2", f"{instance.reference} + 1/1000",
                     f"({instance.reference})*(1 + 1/10^6)", instance.data["function"]):
            cases.append((gold, parse_math(text)))
    screened = [same_function(gold, answer, "x", seconds=1.0) for gold, answer in cases]
    monkeypatch.setattr(calculus, "_agrees_in_floats", lambda *args: False)
    assert [same_function(gold, answer, "x", seconds=1.0) for gold, answer in cases] == screened
