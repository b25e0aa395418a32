"""Inequality solving: the exact solution set of a polynomial or rational inequality in x.

Description:
    A product of linear factors (a x - b) with chosen roots b/a, optionally one irreducible
    quadratic x^2 + b x + c with two irrational roots (-b +- sqrt(D))/2, optionally one factor
    squared, times a leading constant, is compared with 0. For a rational inequality some
    factors go to the denominator (their roots are never in the set). The inequality is shown
    factored, or multiplied out (a polynomial with some terms moved to the right-hand side, or a
    quotient of two multiplied-out polynomials). The solution set is found by exact sign analysis
    over the sorted critical points (each factor's sign on each interval is known from the order
    of the roots, so no floating point is involved).
Difficulty:
    factors: number of distinct linear factors (2 at level 1 up to 6 at level 10).
    max_root: largest absolute value of a root's numerator.
    fractional_roots: whether roots may be fractions b/a with a in 2..4.
    irrational: whether one quadratic factor with two irrational roots is added.
    rational: whether some factors are in a denominator (a rational inequality).
    repeated: whether one factor is squared (its root may become an isolated point or a point
        removed from an interval).
    expanded: whether the inequality is shown multiplied out instead of factored.
Prompt:
    "Solve the inequality ... for real x." then the format: interval notation with \\cup, with
    -\\infty/\\infty, brackets for included endpoints, \\{a\\} for an isolated point, exact
    irrational endpoints.
Answer format:
    The solution set, e.g. ``(-\\infty, -2) \\cup [3, 5]``. Accepted too: ``(-inf,-2) U [3,5]``,
    ``∪``, inequalities joined by "or" (``x < -2 or 3 <= x <= 5``), ``x \\in ...``, ``\\{1\\}`` or
    ``x = 1`` for a point, ``\\mathbb{R} \\setminus \\{1\\}``, and any exact form of an endpoint
    (``\\frac{1-\\sqrt{5}}{2}``, ``(1 - sqrt(5))/2``, ``1/2 - \\sqrt{5}/2``).
Verification:
    The answer is parsed by the shared bounded set parser (bootcamps.answers.intervals), never
    evaluated as code, into sorted merged intervals whose endpoints are exact numbers
    p + q sqrt(d); it must equal the solution set exactly, open and closed ends included. The
    solution set is never empty nor the whole line.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction
from functools import cmp_to_key
from math import gcd

from bootcamps.answers.intervals import (
    NEG_INF,
    POS_INF,
    Interval,
    Surd,
    canonical,
    compare,
    format_real_set,
    isqrt_exact,
    make_surd,
    rational,
)
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

RELATIONS = ("<", "<=", ">", ">=")
_SHOWN = {"<": "<", "<=": "\u2264", ">": ">", ">=": "\u2265"}
_MAX_ATTEMPTS = 100


class Factor:
    """A factor of the inequality: its integer coefficients (lowest degree first), roots and power."""

    def __init__(self, coefficients: list[int], roots: list[Surd], power: int, below: bool) -> None:
        self.coefficients, self.roots, self.power, self.below = coefficients, roots, power, below


def _linear(rng: random.Random, max_root: int, fractional: bool, used: set[Fraction]) -> Factor | None:
    a = rng.randint(2, 4) if fractional and rng.random() < 0.5 else 1
    b = rng.randint(-max_root, max_root)
    if gcd(a, b) != 1 or Fraction(b, a) in used:
        return None
    used.add(Fraction(b, a))
    return Factor([-b, a], [rational(Fraction(b, a))], 1, False)


def _quadratic(rng: random.Random, max_root: int) -> Factor | None:
    b = rng.randint(-max_root, max_root)
    c = rng.randint(-2 * max_root, max_root)
    disc = b * b - 4 * c
    if disc <= 0 or isqrt_exact(disc) is not None:
        return None
    low, high = make_surd(Fraction(-b, 2), Fraction(-1, 2), disc), make_surd(Fraction(-b, 2), Fraction(1, 2), disc)
    if low is None or high is None:
        return None
    return Factor([c, b, 1], [low, high], 1, False)


def _factors(rng: random.Random, count: int, max_root: int, fractional: bool, irrational: bool,
             rational_: bool, repeated: bool) -> list[Factor] | None:
    used: set[Fraction] = set()
    factors: list[Factor] = []
    for _ in range(count * 10):
        if len(factors) == count:
            break
        factor = _linear(rng, max_root, fractional, used)
        if factor is not None:
            factors.append(factor)
    if len(factors) < count:
        return None
    if irrational:
        quadratic = next((q for q in (_quadratic(rng, max_root) for _ in range(30)) if q is not None), None)
        if quadratic is None:
            return None
        factors.insert(rng.randrange(len(factors) + 1), quadratic)
    if repeated:
        rng.choice([f for f in factors if len(f.roots) == 1]).power = 2
    if rational_:
        below = rng.sample(range(len(factors)), rng.randint(1, max(1, len(factors) // 2)))
        for index in below:
            factors[index].below = True
    return factors


def _multiply(a: list[int], b: list[int]) -> list[int]:
    result = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            result[i + j] += x * y
    return result


def _poly_text(coefficients: list[int]) -> str:
    """``2x^3 - x + 5``; an all-zero polynomial is ``0``."""
    terms = []
    for power in range(len(coefficients) - 1, -1, -1):
        c = coefficients[power]
        if c == 0:
            continue
        body = "" if abs(c) == 1 and power else str(abs(c))
        body += "" if power == 0 else ("x" if power == 1 else f"x^{power}")
        terms.append(("-" if c < 0 else "+", body))
    if not terms:
        return "0"
    first_sign, first = terms[0]
    return ("-" if first_sign == "-" else "") + first + "".join(f" {s} {t}" for s, t in terms[1:])


def _factor_text(factor: Factor) -> str:
    text = "x" if factor.coefficients == [0, 1] else f"({_poly_text(factor.coefficients)})"
    return text + ("^2" if factor.power == 2 else "")


def _product_text(lead: int, factors: list[Factor]) -> str:
    prefix = "" if lead == 1 else "-" if lead == -1 else str(lead)
    return prefix + "".join(_factor_text(f) for f in factors) if factors else str(lead)


def _expanded(lead: int, factors: list[Factor]) -> list[int]:
    poly = [lead]
    for factor in factors:
        for _ in range(factor.power):
            poly = _multiply(poly, factor.coefficients)
    return poly


def _solve(lead: int, factors: list[Factor], relation: str) -> list[Interval]:
    """The solution set by sign analysis over the sorted critical points."""
    points = sorted({root for f in factors for root in f.roots}, key=cmp_to_key(compare))
    index = {root: i for i, root in enumerate(points)}
    wanted = 1 if relation[0] == ">" else -1
    pieces: list[Interval] = []
    edges = [NEG_INF, *points, POS_INF]
    for k in range(len(points) + 1):  # interval k lies right of exactly k critical points
        sign = 1 if lead > 0 else -1
        for f in factors:
            for root in f.roots:
                if index[root] >= k and f.power % 2:
                    sign = -sign
        if sign == wanted:
            pieces.append((edges[k], False, edges[k + 1], False))
    if relation.endswith("="):
        for f in factors:
            if not f.below:
                pieces.extend((root, True, root, True) for root in f.roots)
    merged = canonical(pieces)
    holes = [root for f in factors if f.below for root in f.roots]
    for hole in holes:  # a denominator root is removed even where the sign would allow it
        merged = _remove(merged, hole)
    return merged


def _remove(intervals: list[Interval], point: Surd) -> list[Interval]:
    result: list[Interval] = []
    for low, low_closed, high, high_closed in intervals:
        if compare(low, point) < 0 < compare(high, point):
            result += [(low, low_closed, point, False), (point, False, high, high_closed)]
        elif compare(low, point) == 0:
            result.append((low, False, high, high_closed))
        elif compare(high, point) == 0:
            result.append((low, low_closed, high, False))
        else:
            result.append((low, low_closed, high, high_closed))
    return canonical(result)


def _statement(rng: random.Random, lead: int, factors: list[Factor], relation: str, expanded: bool) -> str:
    top = [f for f in factors if not f.below]
    bottom = [f for f in factors if f.below]
    shown = _SHOWN[relation]
    if not expanded:
        numerator = _product_text(lead, top)
        if not bottom:
            return f"{numerator} {shown} 0"
        if len(top) + (lead != 1) > 1:
            numerator = f"({numerator})"
        denominator = "".join(_factor_text(f) for f in bottom)
        if len(bottom) > 1 or bottom[0].power > 1:
            denominator = f"({denominator})"
        return f"{numerator} / {denominator} {shown} 0"
    poly = _expanded(lead, top)
    if bottom:
        return f"({_poly_text(poly)}) / ({_poly_text(_expanded(1, bottom))}) {shown} 0"
    # move some lower-degree terms to the right-hand side: P(x) op 0 becomes L(x) op R(x)
    right = [0] * len(poly)
    for power in range(len(poly) - 1):
        if poly[power] and rng.random() < 0.5:
            right[power] = -poly[power]
    left = [p + r for p, r in zip(poly, right, strict=True)]
    return f"{_poly_text(left)} {shown} {_poly_text(right)}"


def _instance(rng: random.Random, factors_count: int, max_root: int, fractional_roots: bool, irrational: bool,
              rational_: bool, repeated: bool, expanded: bool) -> Problem | None:
    factors = _factors(rng, factors_count, max_root, fractional_roots, irrational, rational_, repeated)
    if factors is None:
        return None
    lead = rng.choice([1, 1, -1, 2, -2, 3]) if expanded else rng.choice([1, 1, 1, -1, 2])
    relation = rng.choice(RELATIONS)
    solution = _solve(lead, factors, relation)
    if not solution or solution == [(NEG_INF, False, POS_INF, False)]:
        return None
    statement = _statement(rng, lead, factors, relation, expanded)
    question = (
        f"Solve the following inequality for real x:\n\n{statement}\n\n"
        "Give the solution set in interval notation: unions written with \\cup (or U), unbounded ends "
        "with -\\infty and \\infty (or -inf and inf), square brackets for included endpoints and "
        "parentheses for excluded ones, \\{a\\} for an isolated point. Write every endpoint exactly "
        "(fractions such as 7/2, square roots such as (1 - \\sqrt{5})/2), not as a decimal approximation. "
        "For example: (-\\infty, -2) \\cup [3, 7/2]"
    )
    reference = format_real_set(solution)
    data = {"inequality": statement, "solution": [_store(i) for i in solution], "answer": reference}
    return Problem(question=question, data=data, reference=reference)


def _store(interval: Interval) -> list:
    """An interval as JSON: endpoints as "-inf"/"inf" or [p, q, d] with p, q rational strings."""
    low, low_closed, high, high_closed = interval

    def end(value):
        if isinstance(value, str):
            return value
        return [str(value.p), str(value.q), value.d]

    return [end(low), low_closed, end(high), high_closed]


def generate(rng: random.Random, *, factors: int, max_root: int, fractional_roots: bool, irrational: bool,
             rational: bool, repeated: bool, expanded: bool) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        problem = _instance(rng, factors, max_root, fractional_roots, irrational, rational, repeated, expanded)
        if problem is not None:
            return problem
    raise GenerationError(f"inequality_solving: no usable inequality in {_MAX_ATTEMPTS} attempts")
