"""Focused tests for matrix_algebra: exact results checked independently, renderings, rejections."""

from fractions import Fraction
from itertools import permutations

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("matrix_algebra")


def _matrix(rows):
    return [[Fraction(cell) for cell in row] for row in rows]


def _leibniz(a):
    """Determinant by the permutation expansion (independent of the generator's elimination)."""
    total = Fraction(0)
    for perm in permutations(range(len(a))):
        sign = 1
        for i in range(len(perm)):
            for j in range(i + 1, len(perm)):
                if perm[i] > perm[j]:
                    sign = -sign
        term = Fraction(sign)
        for row, col in enumerate(perm):
            term *= a[row][col]
        total += term
    return total


def _mul(a, b):
    return [[sum((a[i][k] * b[k][j] for k in range(len(b))), Fraction(0)) for j in range(len(b[0]))]
            for i in range(len(a))]


@pytest.mark.parametrize("level", [1, 3, 5, 7, 9])
def test_results_are_right_by_independent_computation(level):
    for seed in range(12):
        instance = TASK.generate(seed, level)
        data = instance.data
        a = _matrix(data["matrices"]["A"])
        if data["operation"] == "determinant":
            assert Fraction(data["result"]) == _leibniz(a)
            assert Fraction(data["result"]) not in (0, 1, -1)
        elif data["operation"] == "inverse":
            identity = [[Fraction(int(i == j)) for j in range(len(a))] for i in range(len(a))]
            assert _mul(a, _matrix(data["result"])) == identity
        else:
            assert _mul(a, _matrix(data["matrices"]["B"])) == _matrix(data["result"])
        assert TASK.verify(data, instance.reference).correct


def test_levels_grow_size_and_operation_knob_is_honoured():
    sizes = {level: TASK.generate(0, level).data["size"] for level in (1, 5, 10)}
    assert sizes == {1: 2, 5: 3, 10: 5}
    for operation in ("determinant", "inverse", "product"):
        assert TASK.generate(3, 4, operation=operation).data["operation"] == operation
    operations = {TASK.generate(seed, 2).data["operation"] for seed in range(30)}
    assert operations == {"determinant", "inverse", "product"}


INVERSE = {"operation": "inverse", "size": 2, "matrices": {"A": [["2", "1"], ["4", "3"]]},
           "result": [["3/2", "-1/2"], ["-2", "1"]]}


@pytest.mark.parametrize("answer", [
    "[[3/2, -1/2], [-2, 1]]",
    "[[1.5, -0.5], [-2, 1]]",
    "3/2 -1/2\n-2 1",
    "[3/2 -1/2; -2 1]",
    "\\begin{pmatrix} \\frac{3}{2} & -\\frac{1}{2} \\\\ -2 & 1 \\end{pmatrix}",
    "\\frac{1}{2}\\begin{bmatrix} 3 & -1 \\\\ -4 & 2 \\end{bmatrix}",
    "1/2 * [[3, -1], [-4, 2]]",
    "A^{-1} = [[6/4, -1/2], [-2, 1]]",
])
def test_inverse_renderings_accepted(answer):
    assert TASK.verify(INVERSE, answer).correct


@pytest.mark.parametrize(("answer", "status"), [
    ("[[3, -1], [-4, 2]]", Status.WRONG),  # the adjugate: forgot to divide by det = 2
    ("[[3/2, -2], [-1/2, 1]]", Status.WRONG),  # transposed
    ("[[2, 1], [4, 3]]", Status.WRONG),  # A copied back
    ("[[3/2, -1/2]]", Status.WRONG),  # wrong shape
    ("[[1.49, -0.5], [-2, 1]]", Status.WRONG),
    ("[[3/2, -1/2], [-2, 1]] or [[1, 0], [0, 1]]", Status.UNPARSABLE),
    ("2", Status.WRONG),  # a 1x1 matrix: wrong shape
])
def test_inverse_wrong_answers_rejected(answer, status):
    assert TASK.verify(INVERSE, answer).status is status


def test_determinant_and_product():
    det = {"operation": "determinant", "size": 2, "matrices": {"A": [["2", "1"], ["4", "5"]]}, "result": "6"}
    for answer in ("6", "12/2", "det(A) = 6", "6.0"):
        assert TASK.verify(det, answer).correct, answer
    for answer in ("-6", "14", "6 or 7", "[[2, 1], [4, 5]]"):
        assert not TASK.verify(det, answer).correct, answer
    prod = {"operation": "product", "size": 2, "matrices": {"A": [["1", "2"], ["0", "1"]], "B": [["1", "0"], ["3", "1"]]},
            "result": [["7", "2"], ["3", "1"]]}
    assert TASK.verify(prod, "[[7, 2], [3, 1]]").correct
    assert not TASK.verify(prod, "[[1, 2], [3, 7]]").correct  # B A, the wrong order
    assert not TASK.verify(prod, "[[1, 0], [0, 1]]").correct  # elementwise product
