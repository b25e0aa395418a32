"""Verifier for matrix_algebra: the determinant or the matrix must be exactly the computed one."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from bootcamps.answers import parse_number, parse_rational
from bootcamps.answers.matrices import MAX_MATRIX_CHARS, parse_matrix
from bootcamps.types import Verdict

_SPACES = re.compile(r"\s+")
_DET_NAME = re.compile(r"^\$?\s*(?:\\det\s*\(?\s*A\s*\)?|det\s*\(?\s*A\s*\)?|\|\s*A\s*\|)\s*=\s*", re.IGNORECASE)
_MATRIX_FORMAT = "expected a matrix as a list of rows, e.g. [[1, -1/2], [0, 3]]"


def _expected(data: dict[str, Any]) -> list[list[Fraction]]:
    return [[Fraction(cell) for cell in row] for row in data["result"]]


def _compact(rows: list[list[str]]) -> str:
    return "[" + ",".join("[" + ",".join(row) + "]" for row in rows) + "]"


def _verify_determinant(data: dict[str, Any], answer: str) -> Verdict:
    answer = _DET_NAME.sub("", answer.strip(), count=1)
    value = parse_rational(answer)
    if value is None:
        value = parse_number(answer)
    if value is None:
        return Verdict.unparsable("expected the determinant as one exact number (integer or fraction)")
    if value == Fraction(data["result"]):
        return Verdict.right()
    return Verdict.wrong("the determinant is not right")


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > MAX_MATRIX_CHARS:
        return Verdict.unparsable("the answer is too long")
    if data["operation"] == "determinant":
        return _verify_determinant(data, answer)
    if _SPACES.sub("", answer) == _compact(data["result"]):  # the canonical form, accepted at once
        return Verdict.right()
    rows = parse_matrix(answer)
    if rows is None:
        return Verdict.unparsable(_MATRIX_FORMAT)
    size = data["size"]
    if len(rows) != size or len(rows[0]) != size:
        return Verdict.wrong(f"expected a {size}x{size} matrix, found {len(rows)}x{len(rows[0])}")
    expected = _expected(data)
    wrong = sum(a != b for got, want in zip(rows, expected, strict=True) for a, b in zip(got, want, strict=True))
    if wrong:
        return Verdict.wrong(f"{wrong} of the {size * size} entries are not right")
    return Verdict.right()


def _fmt(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _latex_cell(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"


def _terminating(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _lcm_denominator(rows: list[list[Fraction]]) -> int:
    from math import lcm

    return lcm(*(value.denominator for row in rows for value in row))


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    if data["operation"] == "determinant":
        value = Fraction(data["result"])
        forms = [f" {reference} ", f"{value.numerator * 2}/{value.denominator * 2}", f"\\det(A) = {reference}"]
        if value.denominator > 1:
            forms.append(_latex_cell(value))
        if _terminating(value):
            forms.append(str(Decimal(value.numerator) / Decimal(value.denominator)))
        return forms
    rows = _expected(data)
    forms = [
        reference.replace(", ", ","),
        "\n".join(" ".join(_fmt(v) for v in row) for row in rows),
        "[" + "; ".join(" ".join(_fmt(v) for v in row) for row in rows) + "]",
        "\\begin{pmatrix}" + " \\\\ ".join(" & ".join(_latex_cell(v) for v in row) for row in rows) + "\\end{pmatrix}",
        "$$\\begin{bmatrix}" + "\\\\".join("&".join(_latex_cell(v) for v in row) for row in rows) + "\\end{bmatrix}$$",
        "\n".join("[ " + "  ".join(_fmt(v) for v in row) + " ]" for row in rows),
        "((" + "), (".join(", ".join(_fmt(v) for v in row) for row in rows) + "))",
    ]
    scale = _lcm_denominator(rows)
    if scale > 1:
        scaled = "[" + ", ".join("[" + ", ".join(_fmt(v * scale) for v in row) + "]" for row in rows) + "]"
        forms.append(f"1/{scale} * {scaled}")
    if all(_terminating(v) for row in rows for v in row):
        forms.append(str([[str(Decimal(v.numerator) / Decimal(v.denominator)) for v in row] for row in rows]).replace("'", ""))
    return forms


def _render(rows: list[list[Fraction]]) -> str:
    return "[" + ", ".join("[" + ", ".join(_fmt(v) for v in row) + "]" for row in rows) + "]"


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    a = [[Fraction(cell) for cell in row] for row in data["matrices"]["A"]]
    if data["operation"] == "determinant":
        value = Fraction(data["result"])
        misses = [_fmt(value + 1), _fmt(-value), f"{reference} or {_fmt(value + 1)}", _render(a),
                  _fmt(a[0][0] * a[-1][-1])]
        if value.denominator == 1:
            misses.append(f"{float(value) + 0.5}")
        return misses
    rows = _expected(data)
    size = len(rows)
    changed = [row[:] for row in rows]
    changed[size - 1][0] += 1
    transposed = [list(col) for col in zip(*rows, strict=True)]
    misses = [_render(changed), _render(rows[:-1]), f"{reference} or {_render(changed)}", _render(a),
              _render([[-v for v in row] for row in rows])]
    if transposed != rows:
        misses.append(_render(transposed))
    if data["operation"] == "inverse":
        from bootcamps.generators.matrix_algebra import determinant

        det = determinant(a)
        if det not in (1, -1):
            misses.append(_render([[v * det for v in row] for row in rows]))  # the adjugate: forgot to divide
    else:
        b = [[Fraction(cell) for cell in row] for row in data["matrices"]["B"]]
        from bootcamps.generators.matrix_algebra import product

        reverse = product(b, a)
        if reverse != rows:
            misses.append(_render(reverse))
        misses.append(_render([[x * y for x, y in zip(ra, rb, strict=True)] for ra, rb in zip(a, b, strict=True)]))
    return misses
