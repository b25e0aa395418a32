"""Verifier for derivative: the answer must be the same function as the derivative on its real domain."""

from __future__ import annotations

from typing import Any

from bootcamps.answers import parse_math
from bootcamps.answers.calculus import same_function
from bootcamps.answers.mathparse import free_symbols
from bootcamps.types import Verdict

_MAX_CHARS = 2_000
_FORMAT = "expected one expression in x, e.g. 2*x*exp(3*x) + 3*cos(3*x)"
_SCALAR = ("num", "sym", "const", "add", "neg", "mul", "div", "pow", "func", "mixed")


def expression(answer: str, allowed: frozenset[str]) -> tuple | str:
    """The parse tree of a single expression (a leading ``f'(x) =`` dropped), or a reason."""
    node = parse_math(answer) if len(answer) <= _MAX_CHARS else None
    if node is None:
        return _FORMAT
    if node[0] == "rel" and all(op == "=" for op in node[2]):
        node = node[1][-1]
    if node[0] not in _SCALAR:
        return _FORMAT
    unknown = sorted(free_symbols(node) - allowed)
    if unknown:
        return f"unexpected variable {unknown[0][:10]!r}; {_FORMAT}"
    return node


def verify(data: dict[str, Any], answer: str) -> Verdict:
    node = expression(answer, frozenset({"x"}))
    if isinstance(node, str):
        return Verdict.unparsable(node)
    gold = parse_math(data["derivative"])
    if gold is None:
        return Verdict.error("the stored derivative does not parse")
    same = same_function(gold, node, "x")
    if same is None:
        return Verdict.timeout("could not confirm the answer equals the derivative within the time budget (or it is undefined at every test point)")
    return Verdict.right() if same else Verdict.wrong("the answer is not the derivative")


def with_e_powers(text: str) -> str:
    """``exp(u)`` written ``(e^(u))`` (each call's end found by its matching parenthesis; without the
    outer parentheses ``exp(x)^2`` would become ``e^(x)^2``, which is ``e^(x^2)``)."""
    start = text.find("exp(")
    if start < 0:
        return text
    depth, end = 0, start + 3
    for end in range(start + 3, len(text)):
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        if depth == 0:
            break
    return f"{text[:start]}(e^({with_e_powers(text[start + 4:end])})){with_e_powers(text[end + 1:])}"


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    return [f"f'(x) = {reference}", f"y' = {reference}", f"({reference})", reference.replace("^", "**"),
            f"{reference} + 0*x", f"2*({reference})/2", with_e_powers(reference)]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    return [data["function"], f"{reference} + 1", f"2*({reference})", f"-({reference})", f"{reference} + C",
            f"x*({reference})", f"{reference}, {data['function']}", f"({reference})^2"]
