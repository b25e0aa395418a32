"""A bounded parser for matrices of exact rationals written as rows.

``parse_matrix`` reads ``[[1, 2], [3, 4]]``, ``((1, 2), (3, 4))``, ``[1 2; 3 4]``, rows on lines
(``1 2`` / ``3 4``, optionally each in ``[ ]`` or ``| |``), and LaTeX ``pmatrix``/``bmatrix``/
``vmatrix``/``matrix``/``array`` environments, with an optional scalar factor in front
(``\\frac{1}{5} \\begin{pmatrix} ... \\end{pmatrix}``, ``1/5 * [[1, 2], [3, 4]]``). Cells are
exact numbers (``-3``, ``4/7``, ``\\frac{4}{7}``, ``0.25``); a rounded decimal stays the decimal
it shows. Nothing is evaluated as code, and input longer than ``MAX_MATRIX_CHARS`` is refused.
"""

from __future__ import annotations

import re
from fractions import Fraction

from bootcamps.answers.numbers import parse_number, parse_rational

MAX_MATRIX_CHARS = 8_000
MAX_CELLS = 400

_DOLLARS = re.compile(r"^\$+|\$+$")
_DISPLAY = re.compile(r"^\\\[|\\\]$")
_MATRIX_START = re.compile(r"\\begin\s*\{|[\[(]\s*[\[(]")
_SCALAR_JOIN = re.compile(r"(?:\*|\\cdot|\\times|·|×)\s*$")
_ROW_GROUP = re.compile(r"[\[(]([^\[\]()]*)[\])]")
_ROW_LEFTOVER = re.compile(r"[\s,;]*")
_LINE_EDGES = " \t[]|(),;"
_SIMPLE_CELL = re.compile(r"[+-]?\d{1,40}(?:/\d{1,40})?")
_NAME_PREFIX = re.compile(r"[A-Za-z]\w{0,8}(?:\s*\^\s*\{?\s*-1\s*\}?|\s*(?:\*|\\cdot)?\s*[A-Za-z]\w{0,8})?\s*=\s*")
_CELL_SPLIT = re.compile(r"\s*[,&]\s*|\s+")


def _cell(text: str) -> Fraction | None:
    if _SIMPLE_CELL.fullmatch(text):  # the common case, read without the general parsers
        numerator, _, denominator = text.partition("/")
        if not denominator:
            return Fraction(int(numerator))
        return Fraction(int(numerator), int(denominator)) if int(denominator) else None
    value = parse_rational(text)
    return value if value is not None else parse_number(text)


def _row(text: str) -> list[Fraction] | None:
    text = text.strip().strip(",")
    cells = [cell for cell in _CELL_SPLIT.split(text) if cell] if text else []
    if not cells:
        return None
    values = [_cell(cell) for cell in cells]
    return None if any(value is None for value in values) else values  # type: ignore[return-value]


def _latex(text: str) -> list[list[Fraction]] | None:
    from bootcamps.answers.mathparse import numeral_value, parse_math

    node = parse_math(text)
    if node is None or node[0] != "matrix":
        return None
    rows = []
    for row in node[1]:
        values = []
        for cell in row:
            negative = False
            while cell[0] == "neg":
                negative, cell = not negative, cell[1]
            value = numeral_value(cell)
            if value is None and cell[0] == "div" and all(part[0] == "num" for part in cell[1:]) and cell[2][1]:
                value = cell[1][1] / cell[2][1]
            if value is None:
                return None
            values.append(-value if negative else value)
        rows.append(values)
    return rows


def _bracketed(text: str) -> list[list[Fraction]] | None:
    inner = text[1:-1].strip()
    if "[" in inner or "(" in inner:
        if _ROW_LEFTOVER.fullmatch(_ROW_GROUP.sub("", inner)) is None:
            return None
        parts = _ROW_GROUP.findall(inner)
    else:
        parts = inner.split(";")
    rows = [_row(part) for part in parts]
    return None if not rows or any(row is None for row in rows) else rows  # type: ignore[return-value]


def _lines(text: str) -> list[list[Fraction]] | None:
    lines = [line.strip(_LINE_EDGES) for line in text.splitlines()]
    rows = [_row(line) for line in lines if line]
    return None if not rows or any(row is None for row in rows) else rows  # type: ignore[return-value]


def _body(text: str) -> list[list[Fraction]] | None:
    if "\\begin" in text:
        return _latex(text)
    if text[:1] in "[(" and text[-1:] in "])":
        rows = _bracketed(text)
        if rows is not None or "\n" not in text:
            return rows
    return _lines(text)


def parse_matrix(text: str) -> list[list[Fraction]] | None:
    """The rows of a rectangular matrix of exact rationals, or None when the text is not one."""
    if not isinstance(text, str) or len(text) > MAX_MATRIX_CHARS:
        return None
    text = _DISPLAY.sub("", _DOLLARS.sub("", text.strip())).strip()
    name = _NAME_PREFIX.match(text)
    if name is not None:
        text = text[name.end():]
    if not text:
        return None
    scale = Fraction(1)
    start = _MATRIX_START.search(text)
    if start is not None and start.start() > 0:
        prefix = _SCALAR_JOIN.sub("", text[: start.start()]).strip()
        factor = _cell(prefix) if "\n" not in prefix else None
        if factor is None or factor == 0:
            return None
        scale, text = factor, text[start.start():]
    rows = _body(text)
    if rows is None or len({len(row) for row in rows}) != 1 or len(rows) * len(rows[0]) > MAX_CELLS:
        return None
    return [[value * scale for value in row] for row in rows] if scale != 1 else rows
