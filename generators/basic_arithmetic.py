"""Basic arithmetic: evaluate a nested expression exactly.

Description:
    A random expression tree over small integers with + - * and, from level 4 on, division,
    rendered with the fewest brackets that keep its meaning. The value is an exact rational.
Difficulty:
    terms: number of integer literals (2 at level 1, 12 at level 10).
    max_value: largest literal (9 at level 1, 999 at level 10).
    division: whether / may appear (results become fractions).
    negatives: whether literals may be negative (written in brackets, e.g. (-7)).
Prompt:
    "Evaluate the following expression exactly: ... Give the result as an integer or a fraction
    in lowest terms."
Answer format:
    An integer or a fraction a/b; any exact form of the same value is accepted (6/4, 1.5,
    \\frac{3}{2}); a rounded decimal is not.
Verification:
    The answer is parsed as an exact rational (never evaluated as code) and compared with the
    value, which the generator computed with Fraction arithmetic.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction

from bootcamps.answers import format_rational
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_MAX_ATTEMPTS = 50


def _apply(op: str, left: Fraction, right: Fraction) -> Fraction | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return None if right == 0 else left / right


def _build(rng: random.Random, terms: int, max_value: int, ops: str, negatives: bool):
    """A random tree as (text, precedence, value); value None means a division by zero happened."""
    if terms == 1:
        value = rng.randint(1, max_value)
        if negatives and rng.random() < 0.25:
            return f"(-{value})", 3, Fraction(-value)
        return str(value), 3, Fraction(value)
    left_terms = rng.randint(1, terms - 1)
    left = _build(rng, left_terms, max_value, ops, negatives)
    right = _build(rng, terms - left_terms, max_value, ops, negatives)
    op = rng.choice(ops)
    if left[2] is None or right[2] is None:
        return "", 0, None
    value = _apply(op, left[2], right[2])
    if value is None:
        return "", 0, None
    precedence = _PRECEDENCE[op]
    left_text = f"({left[0]})" if left[1] < precedence else left[0]
    # a right operand of equal precedence needs brackets after - and / (a - (b - c) != a - b - c)
    right_needs = right[1] < precedence or (right[1] == precedence and op in "-/")
    right_text = f"({right[0]})" if right_needs else right[0]
    return f"{left_text} {op} {right_text}", precedence, value


def generate(rng: random.Random, *, terms: int, max_value: int, division: bool, negatives: bool) -> Problem:
    ops = "+-*/" if division else "+-*"
    for _ in range(_MAX_ATTEMPTS):
        text, _, value = _build(rng, terms, max_value, ops, negatives)
        # 0 and 1 are what a lazy answer would guess; huge values are not arithmetic practice
        if value is None or value in (0, 1) or abs(value.numerator) > 10**12 or value.denominator > 10**6:
            continue
        question = (
            f"Evaluate the following expression exactly:\n\n{text}\n\n"
            "Give the result as an integer or as a fraction in lowest terms (for example -7/3)."
        )
        data = {"expression": text, "value": format_rational(value)}
        return Problem(question=question, data=data, reference=format_rational(value))
    raise GenerationError(f"basic_arithmetic: no usable expression in {_MAX_ATTEMPTS} attempts")
