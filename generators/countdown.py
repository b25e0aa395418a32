"""Countdown: combine given numbers with + - * / and brackets to hit a target.

Description:
    A multiset of numbers (small ones 1..max_number, plus some "large" ones from 25 50 75 100)
    and a target. The target is built forward: a random subset of the numbers is combined two
    at a time by random operations (positive integer intermediates, no multiplying or dividing
    by 1) until one value remains, so every instance is solvable and that construction is the
    reference. The target is never one of the given numbers, and an exhaustive search proves it
    cannot be reached with fewer than ``min_ops`` operations.
Difficulty:
    numbers: how many numbers are given (3 at level 1, 7 at level 10).
    max_number: the largest "small" number (small numbers are drawn from 1..max_number).
    large_numbers: how many of the given numbers are drawn from 25, 50, 75, 100.
    min_used: the construction uses at least this many of the numbers (raised to min_ops + 1,
        capped at ``numbers``).
    min_target, max_target: the range of the target (two-digit at level 1, three-digit at 10).
    min_ops: no expression with fewer operations reaches the target (1 = no extra condition,
        2 = no single operation on two numbers, 3 = none with two operations, 4 = none with
        three); proved at generation by exhaustive search over exact rationals.
Prompt:
    "Using the numbers 3, 7, 25, 50, write an arithmetic expression that equals 103. ..." with
    the rules: + - * / and brackets, each number at most as often as it is given, not all need
    be used, exact arithmetic with fractions allowed along the way.
Answer format:
    One arithmetic expression, e.g. ``(25 - 3) * 5 + 7``; an optional trailing ``= 103`` is
    accepted when the stated value is the target. × and ÷ (and LaTeX \\times, \\div) are read too.
Verification:
    The expression is parsed by the shared safe parser (never evaluated as code) and evaluated
    with exact Fraction arithmetic; the literals it uses must form a sub-multiset of the given
    numbers and its value must equal the target. Any such expression is accepted.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

LARGE_NUMBERS = (25, 50, 75, 100)
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_MAX_ATTEMPTS = 400
_MAX_OPS_CHECKED = 4

Node = tuple[int, str, int]  # value, text, precedence of its top operator (3 for a literal)


def _draw_numbers(rng: random.Random, count: int, max_number: int, large: int) -> list[int]:
    large = min(large, count, len(LARGE_NUMBERS))
    numbers = rng.sample(LARGE_NUMBERS, large) + [rng.randint(1, max_number) for _ in range(count - large)]
    rng.shuffle(numbers)
    return numbers


def _combine(op: str, left: Node, right: Node) -> Node:
    value = {"+": left[0] + right[0], "-": left[0] - right[0], "*": left[0] * right[0]}.get(op)
    if value is None:
        value = left[0] // right[0]
    precedence = _PRECEDENCE[op]
    left_text = f"({left[1]})" if left[2] < precedence else left[1]
    # a right operand of equal precedence needs brackets after - and / (a - (b - c) != a - b - c)
    right_needs = right[2] < precedence or (right[2] == precedence and op in "-/")
    right_text = f"({right[1]})" if right_needs else right[1]
    return value, f"{left_text} {op} {right_text}", precedence


def _operations(a: int, b: int, cap: int) -> list[tuple[str, bool]]:
    """Ops that keep a positive integer, non-trivial result: (op, swap operands)."""
    ops: list[tuple[str, bool]] = [("+", False)]
    if a != b:
        ops.append(("-", a < b))
    if a > 1 and b > 1 and a * b <= cap:
        ops += [("*", False)] * 2  # multiplication is what makes targets large: weight it up
    if b > 1 and a % b == 0 and a != b:
        ops += [("/", False)] * 2
    elif a > 1 and b % a == 0 and a != b:
        ops += [("/", True)] * 2
    return ops


def _construct(rng: random.Random, chosen: list[int], cap: int) -> Node:
    """Fold the chosen numbers into one expression by random pairwise operations."""
    pool: list[Node] = [(n, str(n), 3) for n in chosen]
    while len(pool) > 1:
        i, j = rng.sample(range(len(pool)), 2)
        left, right = pool[i], pool[j]
        op, swap = rng.choice(_operations(left[0], right[0], cap))
        if swap:
            left, right = right, left
        pool = [node for k, node in enumerate(pool) if k not in (i, j)]
        pool.append(_combine(op, left, right))
    return pool[0]


def _div(a: Fraction | int, b: Fraction | int) -> Fraction | int:
    """a / b exactly, as an int when whole (ints hash much faster than Fractions)."""
    if type(a) is int and type(b) is int:
        return a // b if a % b == 0 else Fraction(a, b)
    quotient = Fraction(a) / b
    return quotient.numerator if quotient.denominator == 1 else quotient


def _results(a: Fraction | int, b: Fraction | int) -> list[Fraction | int]:
    """Every value one operation gives on a and b, in either order."""
    values: list[Fraction | int] = [a + b, a - b, b - a, a * b]
    if b:
        values.append(_div(a, b))
    if a:
        values.append(_div(b, a))
    return values


def _needed(target: Fraction | int, c: Fraction | int) -> list[Fraction | int]:
    """Every value v with v ∘ c or c ∘ v equal to the target for one operation ∘ (not both zero)."""
    values: list[Fraction | int] = [target - c, target + c, c - target]
    if c:
        values += [_div(target, c), target * c]
        if target:
            values.append(_div(c, target))
    return values


def _pair_values(numbers: list[int]) -> dict[Fraction | int, list[int]]:
    """Every value one operation gives on two of the numbers, with the bitmasks of the pairs."""
    pairs: dict[Fraction | int, list[int]] = {}
    for i in range(len(numbers)):
        for j in range(i + 1, len(numbers)):
            for value in _results(numbers[i], numbers[j]):
                pairs.setdefault(value, []).append((1 << i) | (1 << j))
    return pairs


def _free(masks: list[int], used: int) -> bool:
    return any(not mask & used for mask in masks)


def _reaches_in_two(numbers: list[int], target: int, pairs: dict[Fraction | int, list[int]]) -> bool:
    """(a ∘ b) ∘ c = target for three distinct numbers."""
    return any(_free(pairs.get(value, []), 1 << k)
               for k, c in enumerate(numbers) for value in _needed(target, c))


def _reaches_in_three(numbers: list[int], target: int, pairs: dict[Fraction | int, list[int]]) -> bool:
    """((a ∘ b) ∘ c) ∘ d or (a ∘ b) ∘ (c ∘ d) = target for four distinct numbers."""
    for k, d in enumerate(numbers):
        for middle in _needed(target, d):
            for m, c in enumerate(numbers):
                if m != k and any(_free(pairs.get(value, []), (1 << k) | (1 << m))
                                  for value in _needed(middle, c)):
                    return True
    for value, masks in pairs.items():
        for other in _needed(target, value):
            if any(_free(masks, mask) for mask in pairs.get(other, [])):
                return True
    return False


def fewest_ops_below(numbers: list[int], target: int, limit: int) -> int | None:
    """The fewest operations (fewer than limit, which is at most 4) reaching the target, or None.

    0 means the target is one of the numbers. The search is exhaustive over exact rationals, so
    fractional intermediates count (3 / 2 * 4 reaches 6 with two operations); the numbers must be
    positive. Unary minus never saves an operation: a negative subexpression over positive numbers
    can always be rewritten, with the same operations count, to its opposite.
    """
    if target in numbers:
        return 0
    if limit <= 1:
        return None
    pairs = _pair_values(numbers)
    if target in pairs:
        return 1
    if limit >= 3 and _reaches_in_two(numbers, target, pairs):
        return 2
    if limit >= 4 and _reaches_in_three(numbers, target, pairs):
        return 3
    return None


def _question(numbers: list[int], target: int) -> str:
    listed = ", ".join(map(str, numbers))
    return (
        f"Using the numbers {listed}, write an arithmetic expression that equals {target}.\n\n"
        "Rules: use only +, -, *, / and brackets. Each number may be used at most as many times as "
        "it appears in the list (a number listed twice may be used twice); you do not have to use "
        "all of them, and you may not use any other number. Arithmetic is exact, so intermediate "
        "results may be fractions.\n\n"
        f"Give just the expression, for example (7 - 3) * 25 + 4; you may end it with = {target}."
    )


def generate(rng: random.Random, *, numbers: int, max_number: int, large_numbers: int, min_used: int,
             min_target: int, max_target: int, min_ops: int) -> Problem:
    if min_target > max_target:
        raise InvalidParameterError(f"countdown: expected min_target <= max_target, found {min_target} > {max_target}")
    min_ops = min(min_ops, _MAX_OPS_CHECKED, numbers - 1)
    min_used = min(max(min_used, min_ops + 1), numbers)  # k numbers build a target with k - 1 operations
    low, high = max(min_target, 2), max(max_target, 2)
    for _ in range(_MAX_ATTEMPTS):
        given = _draw_numbers(rng, numbers, max_number, large_numbers)
        chosen = rng.sample(given, rng.randint(min_used, numbers))
        value, text, _ = _construct(rng, chosen, cap=high * max(max_number, 10))
        if not low <= value <= high or fewest_ops_below(given, value, min_ops) is not None:
            continue
        data = {"numbers": given, "target": value}
        return Problem(question=_question(given, value), data=data, reference=text)
    raise GenerationError(
        f"countdown: no target in [{low}, {high}] needing {min_ops}+ operations from {numbers} numbers "
        f"in {_MAX_ATTEMPTS} attempts; widen the target range or lower min_ops"
    )
