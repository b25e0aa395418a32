"""Matrix algebra: the determinant, the inverse or a product of matrices, exactly.

Description:
    Random square matrices with integer entries (or, with ``fractions``, simple fractions p/q
    with q in 2..4) are drawn and one exact computation is asked: the determinant of A, the
    inverse of A, or the product A B. Everything is computed with ``Fraction`` arithmetic
    (Gaussian elimination for the determinant, Gauss-Jordan for the inverse).
Difficulty:
    size: side of the matrices, 2 at levels 1-2 up to 5 at levels 9-10.
    max_entry: largest absolute value of an entry (of a numerator with ``fractions``), 5 at
        level 1 up to 20 at level 10.
    fractions: whether entries may be fractions p/q (levels 8-10).
    operation: ``determinant``, ``inverse``, ``product`` or ``mixed`` (one of the three drawn per
        instance; every level uses ``mixed``).
Prompt:
    "Compute the inverse of the matrix A: ..." with the matrices shown one row per line between
    brackets, then the answer format.
Answer format:
    A determinant is one exact number (``-14``, ``7/3``). A matrix is written as rows:
    ``[[1, -1/2], [0, 3]]`` (the canonical form), ``[1 -1/2; 0 3]``, rows on lines, LaTeX
    ``pmatrix``/``bmatrix``, or with a scalar factor in front (``\\frac{1}{6} [[6, -3], [0, 18]]``).
    Any exact rendering of each value is accepted (``6/8`` for ``3/4``, ``0.25``); rounded decimals
    are not.
Verification:
    The answer is parsed by the shared bounded matrix parser (bootcamps.answers.matrices) or the
    exact number parser, never evaluated as code, and compared exactly, cell by cell, with the
    result computed at generation. The shape must match. A determinant is never 0, 1 or -1 and an
    inverse always exists (the generator redraws singular matrices).
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction

from bootcamps.answers import format_rational
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

OPERATIONS = ("determinant", "inverse", "product")
_MAX_ATTEMPTS = 200

Matrix = list[list[Fraction]]


def determinant(matrix: Matrix) -> Fraction:
    """The determinant by Gaussian elimination over the rationals."""
    rows = [row[:] for row in matrix]
    size, result = len(rows), Fraction(1)
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != col:
            rows[col], rows[pivot] = rows[pivot], rows[col]
            result = -result
        result *= rows[col][col]
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            if factor:
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return result


def inverse(matrix: Matrix) -> Matrix | None:
    """The inverse by Gauss-Jordan elimination, or None for a singular matrix."""
    size = len(matrix)
    rows = [row[:] + [Fraction(int(i == r)) for i in range(size)] for r, row in enumerate(matrix)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        lead = rows[col][col]
        rows[col] = [value / lead for value in rows[col]]
        for r in range(size):
            factor = rows[r][col]
            if r != col and factor:
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [row[size:] for row in rows]


def product(left: Matrix, right: Matrix) -> Matrix:
    columns = list(zip(*right, strict=True))
    return [[sum((a * b for a, b in zip(row, col, strict=True)), Fraction(0)) for col in columns] for row in left]


def _entry(rng: random.Random, max_entry: int, fractions: bool) -> Fraction:
    value = Fraction(rng.randint(-max_entry, max_entry))
    if fractions and rng.random() < 0.35:
        value /= rng.randint(2, 4)
    return value


def _matrix(rng: random.Random, size: int, max_entry: int, fractions: bool) -> Matrix:
    return [[_entry(rng, max_entry, fractions) for _ in range(size)] for _ in range(size)]


def render(matrix: Matrix) -> str:
    """The canonical answer text: ``[[1, -1/2], [0, 3]]``."""
    return "[" + ", ".join("[" + ", ".join(format_rational(v) for v in row) + "]" for row in matrix) + "]"


def _display(name: str, matrix: Matrix) -> str:
    cells = [[format_rational(v) for v in row] for row in matrix]
    width = max(len(cell) for row in cells for cell in row)
    lines = ["[ " + "  ".join(cell.rjust(width) for cell in row) + " ]" for row in cells]
    return f"{name} =\n" + "\n".join(lines)


def _strings(matrix: Matrix) -> list[list[str]]:
    return [[format_rational(v) for v in row] for row in matrix]


def _instance(rng: random.Random, operation: str, size: int, max_entry: int, fractions: bool) -> Problem | None:
    a = _matrix(rng, size, max_entry, fractions)
    det = determinant(a)
    if operation == "determinant":
        if det in (0, 1, -1):
            return None
        task = "Compute the determinant of the matrix A."
        result: str | list[list[str]] = format_rational(det)
        shown, reference, matrices = _display("A", a), format_rational(det), {"A": _strings(a)}
        answer = "Give the determinant as one exact number: an integer or a fraction in lowest terms (for example -7/3)."
    elif operation == "inverse":
        inv = inverse(a) if det != 0 else None
        if inv is None or inv == a:
            return None
        task = "Compute the inverse A^(-1) of the matrix A (A is invertible)."
        result, reference, matrices = _strings(inv), render(inv), {"A": _strings(a)}
        shown = _display("A", a)
        answer = _MATRIX_FORMAT
    else:
        b = _matrix(rng, size, max_entry, fractions)
        ab = product(a, b)
        if ab in (a, b) or all(v == 0 for row in ab for v in row):
            return None
        task = "Compute the matrix product A B (A times B)."
        result, reference, matrices = _strings(ab), render(ab), {"A": _strings(a), "B": _strings(b)}
        shown = _display("A", a) + "\n\n" + _display("B", b)
        answer = _MATRIX_FORMAT
    question = f"{task}\n\n{shown}\n\nEvery value is exact. {answer}"
    data = {"operation": operation, "size": size, "matrices": matrices, "result": result}
    return Problem(question=question, data=data, reference=reference)


_MATRIX_FORMAT = (
    "Give the matrix as a list of rows, each row a list of exact values (integers or fractions in "
    "lowest terms), for example [[1, -1/2], [0, 3]]."
)


def generate(rng: random.Random, *, size: int, max_entry: int, fractions: bool, operation: str) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        chosen = rng.choice(OPERATIONS) if operation == "mixed" else operation
        problem = _instance(rng, chosen, size, max_entry, fractions)
        if problem is not None:
            return problem
    raise GenerationError(
        f"matrix_algebra: no usable {operation} instance of size {size} with entries up to {max_entry} "
        f"in {_MAX_ATTEMPTS} attempts"
    )
