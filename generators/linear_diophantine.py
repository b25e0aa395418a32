"""Linear Diophantine equations: find integers x, y (, z) with a*x + b*y (+ c*z) = d.

Description:
    Coefficients are drawn first, then a hidden integer solution, and the right-hand side is
    computed from it, so the equation is solvable by construction (and, when positive solutions
    are asked for, a positive solution exists: the hidden one has every value >= 1). Any
    solution is accepted. No coefficient divides the right-hand side on its own (unless a
    positive solution is asked for), so setting all but one variable to 0 never solves it.
Difficulty:
    variables: 2 (x, y) or 3 (x, y, z).
    max_coefficient: largest absolute value of a coefficient (9 at level 1, 1000 at level 10);
        hidden solution values are bounded by it too.
    negative: whether coefficients may be negative.
    positive_solution: require every variable to be a positive integer (a bounded search on
        top of the extended Euclidean algorithm).
Prompt:
    "Find integers x and y such that 12x + 33y = 15. Any solution is accepted. Answer in the form
    x = ..., y = ..."
Answer format:
    name = value pairs in any order (x = 3, y = -1), or the values as a tuple in the order
    x, y(, z): (3, -1).
Verification:
    The values are substituted into the equation with exact integer arithmetic; with
    positive_solution every value must also be >= 1. Any valid solution is accepted.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

NAMES = ("x", "y", "z")
_MAX_ATTEMPTS = 200


def render_equation(coefficients: list[int], names: list[str], rhs: int) -> str:
    """``12x - 33y + z = 15``."""
    text = ""
    for a, name in zip(coefficients, names, strict=True):
        magnitude = "" if abs(a) == 1 else str(abs(a))
        if not text:
            text = f"{'-' if a < 0 else ''}{magnitude}{name}"
        else:
            text += f" {'-' if a < 0 else '+'} {magnitude}{name}"
    return f"{text} = {rhs}"


def render_solution(names: list[str], values: list[int]) -> str:
    return ", ".join(f"{name} = {v}" for name, v in zip(names, values, strict=True))


def _coefficient(rng: random.Random, max_coefficient: int, negative: bool) -> int:
    a = rng.randint(2, max_coefficient)
    return -a if negative and rng.random() < 0.5 else a


def generate(rng: random.Random, *, variables: int, max_coefficient: int, negative: bool,
             positive_solution: bool) -> Problem:
    names = list(NAMES[:variables])
    for _ in range(_MAX_ATTEMPTS):
        coefficients = [_coefficient(rng, max_coefficient, negative) for _ in names]
        if len({abs(a) for a in coefficients}) < variables:
            continue
        low = 1 if positive_solution else -max_coefficient
        solution = [rng.randint(low, max_coefficient) for _ in names]
        rhs = sum(a * v for a, v in zip(coefficients, solution, strict=True))
        if rhs == 0 or (not positive_solution and any(rhs % a == 0 for a in coefficients)):
            continue
        equation = render_equation(coefficients, names, rhs)
        listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        kind = "positive integers" if positive_solution else "integers"
        condition = f" with {' > 0, '.join(names)} > 0" if positive_solution else ""
        question = (
            f"Find {kind} {listed}{condition} such that\n\n{equation}\n\n"
            f"Any solution is accepted. Answer in the form {render_solution(names, ['<integer>'] * variables)}."
        )
        data = {"variables": names, "coefficients": coefficients, "rhs": rhs,
                "positive": positive_solution, "solution": solution}
        return Problem(question=question, data=data, reference=render_solution(names, solution))
    raise GenerationError(f"linear_diophantine: no usable equation in {_MAX_ATTEMPTS} attempts")
