"""Verifier for antiderivative: the derivative of the answer must be the integrand."""

from __future__ import annotations

from typing import Any

from bootcamps.answers import parse_math
from bootcamps.answers.calculus import Unsupported, same_derivative
from bootcamps.types import Verdict
from bootcamps.verifiers.derivative import expression, with_e_powers

_CONSTANTS = {"C": 0.5772, "c": 0.5772}


def verify(data: dict[str, Any], answer: str) -> Verdict:
    node = expression(answer, frozenset({"x", *_CONSTANTS}))
    if isinstance(node, str):
        return Verdict.unparsable(node)
    if node == parse_math(data["antiderivative"]):  # the stored antiderivative itself: nothing to evaluate
        return Verdict.right()
    gold = parse_math(data["integrand"])
    if gold is None:
        return Verdict.error("the stored integrand does not parse")
    try:
        same = same_derivative(gold, node, "x", env=_CONSTANTS)
    except (Unsupported, RecursionError):
        return Verdict.unparsable("the answer uses a function that cannot be differentiated here")
    if same is None:
        return Verdict.timeout("could not confirm that the derivative of the answer is the integrand within the time budget")
    return Verdict.right() if same else Verdict.wrong("the derivative of the answer is not the integrand")


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    return [f"{reference} + C", f"{reference} + c", f"F(x) = {reference} + C", f"{reference} + 7",
            f"({reference})", reference.replace("^", "**"), f"2*({reference})/2 - 3", with_e_powers(reference)]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    return [data["integrand"], f"{data['integrand']} + C", f"2*({reference})", f"-({reference})",
            f"{reference} + x", f"x*({reference})", f"{reference} + D", f"{reference}, {reference} + 1",
            f"({reference})^2"]
