"""Verifier for linear_diophantine: the values, substituted, satisfy the equation (and are positive if asked)."""

from __future__ import annotations

from math import gcd
from typing import Any

from bootcamps.answers import parse_int, parse_pairs, split_items
from bootcamps.types import Verdict

_MAX_CHARS = 1_000
_VALUE = r"[+\-\u2212]?\s?\d{1,40}"


def _format(names: list[str]) -> str:
    return f"expected {', '.join(f'{n} = <integer>' for n in names)}, or the values as a tuple"


def parse_values(text: str, names: list[str]) -> list[int] | str:
    """The values in the order of ``names``, or a reason why the text does not give them."""
    pairs = parse_pairs(text, "[a-z]", _VALUE)
    if pairs:
        values: dict[str, int] = {}
        for key, value in pairs:
            key = key.lower()
            if key not in names:
                return f"there is no variable {key}; the variables are {', '.join(names)}"
            if key in values:
                return f"{key} is given more than once"
            values[key] = parse_int(value.replace(" ", ""))  # type: ignore[assignment]
        missing = [n for n in names if n not in values]
        if missing:
            return f"no value given for {', '.join(missing)}"
        return [values[n] for n in names]
    items = split_items(text.strip().strip("$").strip(), max_items=len(names))
    numbers = [parse_int(item) for item in items] if items else None
    if not numbers or len(numbers) != len(names) or any(v is None for v in numbers):
        return _format(names)
    return numbers  # type: ignore[return-value]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    names = data["variables"]
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable("the answer is too long")
    values = parse_values(answer, names)
    if isinstance(values, str):
        return Verdict.unparsable(values)
    total = sum(a * v for a, v in zip(data["coefficients"], values, strict=True))
    if total != data["rhs"]:
        return Verdict.wrong(f"substituted, the left-hand side is {total}, not {data['rhs']}")
    if data["positive"]:
        for name, v in zip(names, values, strict=True):
            if v <= 0:
                return Verdict.wrong(f"{name} = {v} is not positive")
    return Verdict.right()


def kernel(coefficients: list[int]) -> list[list[int]]:
    """Integer vectors d with sum(a_i * d_i) = 0: adding one to a solution gives another."""
    vectors = []
    for i in range(len(coefficients) - 1):
        a, b = coefficients[i], coefficients[i + 1]
        g = gcd(a, b)
        d = [0] * len(coefficients)
        d[i], d[i + 1] = b // g, -a // g
        vectors.append(d)
    return vectors


def _render(names: list[str], values: list[int]) -> str:
    return ", ".join(f"{n} = {v}" for n, v in zip(names, values, strict=True))


def _other_solutions(data: dict[str, Any]) -> list[list[int]]:
    """Solutions other than the hidden one (respecting positivity when it is required)."""
    found = []
    for d in kernel(data["coefficients"]):
        for sign in (1, -1):
            values = [v + sign * step for v, step in zip(data["solution"], d, strict=True)]
            if not data["positive"] or min(values) > 0:
                found.append(values)
    return found


def _nonpositive_solution(data: dict[str, Any]) -> list[int]:
    """A solution of the equation with some value <= 0 (breaks the positivity requirement)."""
    solution = data["solution"]
    d = kernel(data["coefficients"])[0]
    if not any(step < 0 for step in d):
        d = [-step for step in d]
    t = min(-(-v // -step) for v, step in zip(solution, d, strict=True) if step < 0)
    return [v + t * step for v, step in zip(solution, d, strict=True)]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    names, solution = data["variables"], data["solution"]
    forms = [
        _render(list(reversed(names)), list(reversed(solution))),
        "(" + ", ".join(map(str, solution)) + ")",
        "\n".join(f"{n}={v}" for n, v in zip(names, solution, strict=True)),
        " and ".join(f"{n.upper()} = {v}" for n, v in zip(names, solution, strict=True)),
        " ".join(map(str, solution)),
    ]
    return forms + [_render(names, values) for values in _other_solutions(data)]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    names, solution = data["variables"], data["solution"]
    bumped = [solution[0] + 1, *solution[1:]]
    misses = [
        _render(names, bumped),
        "(" + ", ".join(map(str, bumped)) + ")",
        _render(names, [-v for v in solution]),
        _render(names[:-1], solution[:-1]),  # a variable missing
        f"{reference} or {_render(names, bumped)}",
        _render(names, [0] * (len(names) - 1) + [data["rhs"]]),
    ]
    # the coefficients copied back, and the values in reverse order, unless they happen to solve it
    for values in (data["coefficients"], solution[::-1]):
        if sum(a * v for a, v in zip(data["coefficients"], values, strict=True)) != data["rhs"]:
            misses.append("(" + ", ".join(map(str, values)) + ")")
    if data["positive"]:
        misses.append(_render(names, _nonpositive_solution(data)))
    return misses
