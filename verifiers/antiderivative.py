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
    stored = parse_math(data["antiderivative"])
    if node == stored or _plus_constant(node, stored):  # the stored antiderivative (+ C): nothing to evaluate
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


def _plus_constant(node: tuple, stored: tuple | None) -> bool:
    """Whether the tree is the stored one plus a constant (C, c or a number, maybe negated), first or last."""
    if node[0] != "add" or stored is None:
        return False
    terms = node[1]
    for rest, extra in ((terms[:-1], terms[-1]), (terms[1:], terms[0])):
        if extra[0] == "neg":
            extra = extra[1]
        if (extra[0] == "num" or extra[0] == "sym" and extra[1] in _CONSTANTS) and (
                (rest[0] if len(rest) == 1 else ("add", rest)) == stored):
            return True
    return False


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    return [f"{reference} + C", f"{reference} + c", f"F(x) = {reference} + C", f"{reference} + 7",
            f"({reference})", reference.replace("^", "**"), f"2*({reference})/2 - 3", with_e_powers(reference)]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    return [data["integrand"], f"{data['integrand']} + C", f"2*({reference})", f"-({reference})",
            f"{reference} + x", f"x*({reference})", f"{reference} + D", f"{reference}, {reference} + 1",
            f"({reference})^2"]
