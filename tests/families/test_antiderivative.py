"""Focused tests for the antiderivative family."""

import pytest
import sympy

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("antiderivative")
HAND = {"integrand": "x*cos(x)", "antiderivative": "x*sin(x) + cos(x)"}
LOG = {"integrand": "1/x + 2*x/(x^2 + 1)", "antiderivative": "ln(x) + ln(x^2 + 1)"}


def _sympy(text, x):
    # our own generated text, never model text
    return sympy.sympify(text.replace("^", "**").replace("ln(", "log(").replace("arctan(", "atan("), locals={"x": x})


@pytest.mark.parametrize("level", [1, 4, 7, 10])
def test_reference_differentiates_to_the_integrand(level):
    x = sympy.Symbol("x")
    for seed in range(4):
        instance = TASK.generate(seed, level)
        difference = sympy.diff(_sympy(instance.reference, x), x) - _sympy(instance.data["integrand"], x)
        for point in (sympy.Rational(3, 7), sympy.Rational(13, 10)):
            assert abs(sympy.N(difference.subs(x, point), 30)) < 1e-20
        assert TASK.verify(instance.data, instance.reference).correct
        assert TASK.verify(instance.data, instance.reference + " + C").correct
        assert not TASK.verify(instance.data, instance.data["integrand"]).correct


def test_hand_written_instances():
    for answer in ["x sin x + cos x", "x\\sin x + \\cos x + C", "F(x) = x sin(x) + cos(x) - 5", "cos x + x sin x + c",
                   "-C + x sin x + cos x", "x*sin(x) + cos(x) + 0.5"]:
        assert TASK.verify(HAND, answer).correct, answer
    for answer in ["ln|x| + ln(x^2+1)", "\\ln(x^3 + x) + C", "\\log|x^3 + x|"]:
        assert TASK.verify(LOG, answer).correct, answer
    cases = {"x sin x - cos x": Status.WRONG, "x cos x": Status.WRONG, "-x sin x - cos x": Status.WRONG,
             "x sin x + cos x + D": Status.UNPARSABLE, "x sin x + cos x + Cx": Status.WRONG,
             "x sin x + cos x + C x": Status.WRONG, "\\int x \\cos x dx": Status.UNPARSABLE,
             "floor(x) + x sin x + cos x": Status.UNPARSABLE, "x^2/2 sin x": Status.WRONG,
             "C x sin x + cos x": Status.WRONG, "x sin x + cos x^C": Status.WRONG, "x sin(Cx) + cos x": Status.WRONG}
    for answer, status in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status, (answer, verdict)
    # the constant anywhere but added, where the exact check runs (a polynomial): wrong, not a crash
    polynomial = {"integrand": "4*x^3 - 3*x^2", "antiderivative": "x^4 - x^3"}
    for answer in ["C*x^4 - x^3 + 2", "x^4 - x^3c", "x^4 - x^C"]:
        assert TASK.verify(polynomial, answer).status is Status.WRONG, answer


def test_levels_change_the_instances():
    low = [TASK.generate(seed, 1).data["integrand"] for seed in range(8)]
    high = [TASK.generate(seed, 10).data["integrand"] for seed in range(8)]
    assert not any(name in f for f in low for name in ("sin", "cos", "exp", "ln", "/"))
    assert any(name in f for f in high for name in ("sin", "cos", "exp", "ln", "sqrt", "tan"))
    assert sum(map(len, high)) > 2 * sum(map(len, low))


@pytest.mark.parametrize("level", range(1, 11))
def test_every_audit_rendering_is_accepted_across_many_seeds(level):
    """The audit hooks must hold on every seed, not only those the conformance suite samples."""
    from bootcamps.verifiers.antiderivative import equivalents, verify

    for seed in range(40):
        instance = TASK.generate(seed, level)
        for answer in [instance.reference, *equivalents(instance.data, instance.reference)]:
            assert verify(instance.data, answer).correct, (seed, answer)
