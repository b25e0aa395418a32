"""Linear system: solve n linear equations in n unknowns exactly.

Description:
    A square system of linear equations with integer coefficients and integer right-hand sides
    whose unique solution is planted: integer values, or from the `fractional` levels on values
    p/D sharing a hidden common denominator D (at least one of them not an integer). Equations
    are written the way a person would (``3x - 2y + z = 7``: no ``1x``, no ``+ -``, zero terms left
    out). Unknowns are x, y (, z, w) for up to four unknowns, x1..xn beyond.
Difficulty:
    unknowns: number of equations and unknowns (2 at level 1, 7 at level 10).
    max_coefficient: largest absolute value of a coefficient (5 at level 1, 25 at level 10).
    max_solution: largest absolute value of a solution value (5 at level 1, 20 at level 10).
    fractional: whether the solution may be non-integer; the common denominator D is drawn from
        2..min(max_coefficient, 2 + max_coefficient // 4), so it grows with the coefficients.
    sparsity: probability that a coefficient is zero (every equation keeps at least two terms).
Prompt:
    "Solve the following system of 3 linear equations in the unknowns x, y, z. It has exactly
    one solution. ... Give the value of every unknown as an integer or a fraction in lowest
    terms, in the form x = a, y = b, z = c."
Answer format:
    ``name = value`` pairs, one per unknown, in any order, separated by commas, semicolons,
    newlines or "and" (``:`` may replace ``=``; ``x_1`` and ``x₁`` mean ``x1``; names are
    case-insensitive). Values are exact rationals: integers, ``p/q``, ``\\frac{p}{q}`` or exact
    decimals (``0.5``; a rounded ``0.333`` is not 1/3). Also accepted: the bare values as a tuple
    ``(3, -1/2, 4)`` in the order the unknowns are listed in the prompt, or
    ``(x, y, z) = (3, -1/2, 4)``. Every unknown must appear exactly once.
Verification:
    The values are parsed as exact rationals (never evaluated as code) and compared with the
    planted solution. Every equation is drawn so that the planted values satisfy it exactly
    (integer arithmetic), and the generator proves that the determinant is nonzero (exact Bareiss
    elimination), so the planted solution is the only one and comparing with it is the same as
    substituting into the equations. The tests re-solve samples by Fraction Gaussian elimination.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction

from bootcamps.answers import format_rational
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 100
_MAX_ROW_ATTEMPTS = 200


def variable_names(count: int) -> list[str]:
    """x, y, z, w for up to four unknowns; x1..xn beyond."""
    return list("xyzw"[:count]) if count <= 4 else [f"x{i}" for i in range(1, count + 1)]


def render_equation(coefficients: list[int], names: list[str], rhs: int) -> str:
    """``3x - 2y + z = 7``: zero terms dropped, unit coefficients unwritten, signs folded."""
    text = ""
    for coefficient, name in zip(coefficients, names, strict=True):
        if coefficient == 0:
            continue
        magnitude = "" if abs(coefficient) == 1 else str(abs(coefficient))
        if not text:
            text = f"{'-' if coefficient < 0 else ''}{magnitude}{name}"
        else:
            text += f" {'-' if coefficient < 0 else '+'} {magnitude}{name}"
    return f"{text} = {rhs}"


def solve_exact(matrix: list[list[int]], rhs: list[int]) -> list[Fraction] | None:
    """The unique solution by Fraction Gaussian elimination, or None when the matrix is singular."""
    size = len(matrix)
    rows = [[Fraction(value) for value in row] + [Fraction(b)] for row, b in zip(matrix, rhs, strict=True)]
    for column in range(size):
        pivot = next((r for r in range(column, size) if rows[r][column] != 0), None)
        if pivot is None:
            return None
        rows[column], rows[pivot] = rows[pivot], rows[column]
        lead = rows[column]
        for r in range(size):
            if r != column and rows[r][column] != 0:
                factor = rows[r][column] / lead[column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], lead, strict=True)]
    return [rows[i][size] / rows[i][i] for i in range(size)]


def determinant(matrix: list[list[int]]) -> int:
    """The exact determinant by fraction-free (Bareiss) integer elimination."""
    rows = [list(row) for row in matrix]
    size, sign, previous = len(rows), 1, 1
    for k in range(size - 1):
        if rows[k][k] == 0:
            swap = next((r for r in range(k + 1, size) if rows[r][k] != 0), None)
            if swap is None:
                return 0
            rows[k], rows[swap] = rows[swap], rows[k]
            sign = -sign
        pivot = rows[k][k]
        for i in range(k + 1, size):
            row_i, factor = rows[i], rows[i][k]
            for j in range(k + 1, size):
                row_i[j] = (row_i[j] * pivot - factor * rows[k][j]) // previous  # exact division
        previous = pivot
    return sign * rows[-1][-1]


def _coefficient(rng: random.Random, max_coefficient: int, sparsity: float) -> int:
    if rng.random() < sparsity:
        return 0
    value = rng.randint(1, max_coefficient)
    return value if rng.random() < 0.5 else -value


def _row(rng: random.Random, numerators: list[int], denominator: int, max_coefficient: int,
         sparsity: float) -> tuple[list[int], int] | None:
    """One equation whose right-hand side is an integer, or None after too many draws."""
    for _ in range(_MAX_ROW_ATTEMPTS):
        row = [_coefficient(rng, max_coefficient, sparsity) for _ in numerators]
        if sum(value != 0 for value in row) < 2:
            continue
        total = sum(a * y for a, y in zip(row, numerators, strict=True))
        if total % denominator == 0:  # rejection keeps the coefficients uniform
            return row, total // denominator
    return None


def _solution(rng: random.Random, unknowns: int, max_solution: int, max_coefficient: int,
              fractional: bool) -> tuple[list[int], int] | None:
    """Numerators and their common denominator, or None for a degenerate draw."""
    denominator = rng.randint(2, max(2, min(max_coefficient, 2 + max_coefficient // 4))) if fractional else 1
    bound = max_solution * denominator
    numerators = [rng.randint(-bound, bound) for _ in range(unknowns)]
    if fractional and all(y % denominator == 0 for y in numerators):
        return None
    # an all-zero or all-equal solution is what a lazy guess would produce
    if len(set(numerators)) == 1:
        return None
    return numerators, denominator


def generate(rng: random.Random, *, unknowns: int, max_coefficient: int, max_solution: int,
             fractional: bool, sparsity: float) -> Problem:
    names = variable_names(unknowns)
    for _ in range(_MAX_ATTEMPTS):
        drawn = _solution(rng, unknowns, max_solution, max_coefficient, fractional)
        if drawn is None:
            continue
        numerators, denominator = drawn
        rows = [_row(rng, numerators, denominator, max_coefficient, sparsity) for _ in range(unknowns)]
        if any(row is None for row in rows):
            continue
        matrix = [row for row, _ in rows]
        rhs = [b for _, b in rows]
        # each row was drawn so that it holds for the planted values; a nonzero determinant
        # makes them the only solution
        if determinant(matrix) == 0:
            continue
        return _problem(names, matrix, rhs, [Fraction(y, denominator) for y in numerators])
    raise GenerationError(f"linear_system: no nonsingular system in {_MAX_ATTEMPTS} attempts")


def _problem(names: list[str], matrix: list[list[int]], rhs: list[int], solution: list[Fraction]) -> Problem:
    equations = "\n".join(f"  {render_equation(row, names, b)}" for row, b in zip(matrix, rhs, strict=True))
    values = [format_rational(value) for value in solution]
    form = ", ".join(f"{name} = {letter}" for name, letter in zip(names, "abcdefghijklmnop", strict=False))
    question = (
        f"Solve the following system of {len(names)} linear equations in the unknowns "
        f"{', '.join(names)}. It has exactly one solution.\n\n{equations}\n\n"
        "Give the value of every unknown as an integer or as a fraction in lowest terms "
        f"(for example -7/2), in the form: {form}"
    )
    data = {"variables": names, "coefficients": matrix, "rhs": rhs, "solution": values}
    reference = ", ".join(f"{name} = {value}" for name, value in zip(names, values, strict=True))
    return Problem(question=question, data=data, reference=reference)
