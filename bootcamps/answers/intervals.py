"""Sets of real numbers written as intervals, unions and inequalities, with exact endpoints.

``parse_real_set(text)`` reads interval notation (``(-\\infty, -2) \\cup [3, 5]``,
``(-inf,-2) U [3,5]``, ``[1, 2) ∪ {4}``, ``\\mathbb{R} \\setminus \\{1\\}``), inequalities
joined by ``or``/commas (``x < -2 or 3 <= x <= 5``, ``x \\le -2, x = 1``) or by ``and``
(an intersection), and ``x \\in <set>``, and returns the set in canonical form: sorted, disjoint,
non-touching intervals. Endpoints are exact numbers of the form ``p + q \\sqrt{d}`` (p, q
rational, d a square-free integer), so rational endpoints and the roots of quadratics compare
exactly; other irrational values, decimals standing for irrationals, and unknown symbols give
None. Parsing goes through ``bootcamps.answers.mathparse`` (bounded, nothing is executed).

An endpoint is a ``Surd`` ``(p, q, d)`` (``d == 1`` exactly when ``q == 0``) or ``NEG_INF`` /
``POS_INF``; an interval is ``(low, low_closed, high, high_closed)``.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from fractions import Fraction
from functools import cmp_to_key
from math import isqrt
from typing import NamedTuple

MAX_SET_CHARS = 2_000
_MAX_RADICAND = 10**8
_MAX_INTERVALS = 64


class Surd(NamedTuple):
    """The exact real number p + q * sqrt(d)."""

    p: Fraction
    q: Fraction
    d: int


NEG_INF = "-inf"
POS_INF = "inf"
Endpoint = Surd | str
Interval = tuple[Endpoint, bool, Endpoint, bool]

_UNION_U = re.compile(r"(?<=[\])}])\s*[uU]\s*(?=[\[({\\])")
_BARE_INF = re.compile(r"(?<![\\a-zA-Z])inf(?:inity)?(?![a-zA-Z])", re.IGNORECASE)


_ZERO = Fraction(0)


def rational(value: Fraction | int) -> Surd:
    return Surd(value if type(value) is Fraction else Fraction(value), _ZERO, 1)


def _squarefree(n: int) -> tuple[int, int] | None:
    """(k, d) with n = k^2 d and d square-free, for 0 < n <= _MAX_RADICAND."""
    if not 0 < n <= _MAX_RADICAND:
        return None
    k, d, i = 1, n, 2
    while i * i <= d:
        while d % (i * i) == 0:
            d //= i * i
            k *= i
        i += 1
    return k, d


def make_surd(p: Fraction, q: Fraction, d: int) -> Surd | None:
    """The canonical Surd of p + q sqrt(d) (d >= 0), or None when d is too large."""
    if q == 0 or d == 0:
        return rational(p)
    split = _squarefree(d)
    if split is None:
        return None
    k, free = split
    return rational(p + q * k) if free == 1 else Surd(Fraction(p), q * k, free)


def _sqrt(value: Surd) -> Surd | None:
    if value.q != 0 or value.p < 0:
        return None
    top, bottom = value.p.numerator, value.p.denominator
    return make_surd(Fraction(0), Fraction(1, bottom), top * bottom)


def _add(a: Surd, b: Surd) -> Surd | None:
    if not a.q and not b.q:  # two rationals (the common case): no surd arithmetic
        return Surd(a.p + b.p, _ZERO, 1)
    if a.d != b.d and a.q and b.q:
        return None
    d = a.d if a.q else b.d
    return make_surd(a.p + b.p, a.q + b.q, d)


def _mul(a: Surd, b: Surd) -> Surd | None:
    if not a.q and not b.q:
        return Surd(a.p * b.p, _ZERO, 1)
    if a.d != b.d and a.q and b.q:
        return None
    d = a.d if a.q else b.d
    return make_surd(a.p * b.p + a.q * b.q * d, a.p * b.q + a.q * b.p, d)


def _inverse(a: Surd) -> Surd | None:
    if not a.q:
        return Surd(1 / a.p, _ZERO, 1) if a.p else None
    norm = a.p * a.p - a.q * a.q * a.d
    if norm == 0:
        return None
    return make_surd(a.p / norm, -a.q / norm, a.d)


def sign(a: Surd) -> int:
    """The exact sign of p + q sqrt(d)."""
    s_p = (a.p > 0) - (a.p < 0)
    s_q = (a.q > 0) - (a.q < 0)
    if s_q == 0 or s_p == s_q:
        return s_p or s_q
    if s_p == 0:
        return s_q
    # opposite signs: compare p^2 with q^2 d
    big = a.p * a.p - a.q * a.q * a.d
    return s_p if big > 0 else (s_q if big < 0 else 0)


def _decimal(a: Surd) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 120
        root = Decimal(a.d).sqrt() if a.q else Decimal(0)
        return Decimal(a.p.numerator) / Decimal(a.p.denominator) + Decimal(a.q.numerator) / Decimal(a.q.denominator) * root


def compare(a: Endpoint, b: Endpoint) -> int:
    """-1, 0 or 1 as a <, == or > b (exact for equal radicands or rationals)."""
    if isinstance(a, str) or isinstance(b, str):
        rank = {NEG_INF: -1, POS_INF: 1}
        ra, rb = rank.get(a, 0) if isinstance(a, str) else 0, rank.get(b, 0) if isinstance(b, str) else 0
        return (ra > rb) - (ra < rb)
    if not a.q and not b.q:  # two rationals, compared in integers (Fraction comparisons are slow)
        difference = a.p.numerator * b.p.denominator - b.p.numerator * a.p.denominator
        return (difference > 0) - (difference < 0)
    if a == b:
        return 0
    if a.d == b.d or not a.q or not b.q:
        difference = make_surd(a.p - b.p, a.q - b.q, a.d if a.q else b.d) if a.q or b.q else rational(a.p - b.p)
        if difference is not None:
            return sign(difference)
    da, db = _decimal(a), _decimal(b)  # two different radicands: equal is impossible
    return (da > db) - (da < db)


def endpoint_value(node: tuple, depth: int = 0) -> Endpoint | None:
    """The exact value of a parse-tree node as an endpoint, or None when it is not one."""
    if depth > 30:
        return None
    kind = node[0]
    if kind == "const" and node[1] == "inf":
        return POS_INF
    if kind == "neg":
        inner = endpoint_value(node[1], depth + 1)
        if inner == POS_INF:
            return NEG_INF
        return None if inner is None or isinstance(inner, str) else Surd(-inner.p, -inner.q, inner.d)
    value = _surd_value(node, depth)
    return value


def _surd_value(node: tuple, depth: int) -> Surd | None:
    if depth > 30:
        return None
    kind = node[0]
    if kind == "num":
        return rational(node[1])
    if kind == "neg":
        inner = _surd_value(node[1], depth + 1)
        return None if inner is None else Surd(-inner.p, -inner.q, inner.d)
    if kind in ("add", "mul"):
        parts = [_surd_value(part, depth + 1) for part in node[1]]
        if any(part is None for part in parts):
            return None
        total = parts[0]
        for part in parts[1:]:
            total = (_add if kind == "add" else _mul)(total, part)  # type: ignore[arg-type]
            if total is None:
                return None
        return total
    if kind == "div":
        top, bottom = _surd_value(node[1], depth + 1), _surd_value(node[2], depth + 1)
        if top is None or bottom is None:
            return None
        inverse = _inverse(bottom)
        return None if inverse is None else _mul(top, inverse)
    if kind == "func" and node[1] == "sqrt" and len(node[2]) == 1:
        inner = _surd_value(node[2][0], depth + 1)
        return None if inner is None else _sqrt(inner)
    if kind == "pow" and node[2][0] == "num" and node[2][1].denominator == 1 and 0 <= node[2][1] <= 4:
        base = _surd_value(node[1], depth + 1)
        result: Surd | None = rational(1)
        for _ in range(int(node[2][1])):
            if base is None or result is None:
                return None
            result = _mul(result, base)
        return result
    return None


def canonical(intervals: list[Interval]) -> list[Interval]:
    """Sorted, merged intervals; empty ones dropped."""
    kept = []
    for low, low_closed, high, high_closed in intervals:
        order = compare(low, high)
        if order > 0 or (order == 0 and not (low_closed and high_closed)):
            continue
        kept.append((low, low_closed and not isinstance(low, str), high, high_closed and not isinstance(high, str)))
    kept.sort(key=cmp_to_key(lambda a, b: compare(a[0], b[0]) or (b[1] - a[1])))
    merged: list[Interval] = []
    for interval in kept:
        if merged:
            low, low_closed, high, high_closed = merged[-1]
            order = compare(interval[0], high)
            if order < 0 or (order == 0 and (interval[1] or high_closed)):
                end_order = compare(interval[2], high)
                if end_order > 0:
                    high, high_closed = interval[2], interval[3]
                elif end_order == 0:
                    high_closed = high_closed or interval[3]
                merged[-1] = (low, low_closed, high, high_closed)
                continue
        merged.append(interval)
    return merged


def intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    """The intersection of two canonical sets."""
    pieces = []
    for al, alc, ah, ahc in a:
        for bl, blc, bh, bhc in b:
            low_order, high_order = compare(al, bl), compare(ah, bh)
            low, low_closed = (al, alc) if low_order > 0 else (bl, blc) if low_order < 0 else (al, alc and blc)
            high, high_closed = (ah, ahc) if high_order < 0 else (bh, bhc) if high_order > 0 else (ah, ahc and bhc)
            pieces.append((low, low_closed, high, high_closed))
    return canonical(pieces)


_SET_KINDS = frozenset({"brk", "reals", "set", "union", "rel", "list", "setminus"})
_REAL_LINE: list[Interval] = [(NEG_INF, False, POS_INF, False)]


def _point(node: tuple) -> list[Interval] | None:
    value = endpoint_value(node)
    return None if value is None or isinstance(value, str) else [(value, True, value, True)]


def _relation(node: tuple, variable: str) -> list[Interval] | None:
    items, operators = node[1], node[2]
    if operators == ("in",) and len(items) == 2 and items[0] == ("sym", variable):
        return _set(items[1], variable)
    positions = [i for i, item in enumerate(items) if item == ("sym", variable)]
    if len(positions) != 1 or any(op not in ("<", "<=", ">", ">=", "=") for op in operators):
        return None
    where = positions[0]
    result = _REAL_LINE
    for i, op in enumerate(operators):
        if where not in (i, i + 1):
            return None  # a chain such as 1 < 2 < x: only the links with x say anything
        other = endpoint_value(items[i + 1] if where == i else items[i])
        if other is None:
            return None
        if op == "=":
            if isinstance(other, str):
                return None
            piece: Interval = (other, True, other, True)
        else:
            # normalise to x OP other
            op_x = op if where == i else {"<": ">", "<=": ">=", ">": "<", ">=": "<="}[op]
            closed = op_x.endswith("=")
            piece = (NEG_INF, False, other, closed) if op_x[0] == "<" else (other, closed, POS_INF, False)
        result = intersect(result, canonical([piece]))
    return result


def _interval(node: tuple) -> list[Interval] | None:
    _, opening, closing, items = node
    if len(items) != 2 or opening not in "([" or closing not in ")]":
        return None
    low, high = endpoint_value(items[0]), endpoint_value(items[1])
    if low is None or high is None or low == POS_INF or high == NEG_INF:
        return None
    if (low == NEG_INF and opening == "[") or (high == POS_INF and closing == "]"):
        return None  # an infinite end is never included
    if compare(low, high) >= 0:
        return None  # (5, 3) or [2, 2] is not how a set is written
    return [(low, opening == "[", high, closing == "]")]


def _set(node: tuple, variable: str, depth: int = 0) -> list[Interval] | None:
    if depth > 20:
        return None
    kind = node[0]
    if kind == "brk":
        return _interval(node)
    if kind == "reals":
        return _REAL_LINE
    if kind == "set":
        points = [_point(item) for item in node[1]]
        return None if any(p is None for p in points) else canonical([i for p in points for i in p])  # type: ignore[union-attr]
    if kind == "union":
        parts = [_set(part, variable, depth + 1) if part[0] in _SET_KINDS else _point(part) for part in node[1]]
        return None if any(p is None for p in parts) or len(parts) > _MAX_INTERVALS else canonical(
            [i for p in parts for i in p])  # type: ignore[union-attr]
    if kind == "rel":
        return _relation(node, variable)
    if kind == "list":
        return _joined(node, variable, depth)
    if kind == "setminus":
        whole, removed = _set(node[1], variable, depth + 1), _set(node[2], variable, depth + 1)
        if whole is None or removed is None or any(compare(r[0], r[2]) != 0 for r in removed):
            return None
        complement = [(NEG_INF, False, POS_INF, False)]
        for low, _, _, _ in removed:
            complement = intersect(complement, canonical([(NEG_INF, False, low, False), (low, False, POS_INF, False)]))
        return intersect(whole, complement)
    return None


def _joined(node: tuple, variable: str, depth: int) -> list[Interval] | None:
    items, separators = node[1], node[2]
    if len(items) > _MAX_INTERVALS or len(set(separators)) != 1 or separators[0] not in ("or", ",", ";", "and"):
        return None
    if separators[0] == "and" and not all(item[0] == "rel" for item in items):
        return None
    parts = [_set(item, variable, depth + 1) for item in items]
    if any(p is None for p in parts):
        return None
    if separators[0] == "and":
        result = _REAL_LINE
        for part in parts:
            result = intersect(result, part)  # type: ignore[arg-type]
        return result
    return canonical([i for p in parts for i in p])  # type: ignore[union-attr]


def parse_real_set(text: str, variable: str = "x") -> list[Interval] | None:
    """The canonical intervals of a set of reals written in ``text``, or None if it is not one."""
    from bootcamps.answers.mathparse import parse_math

    if not isinstance(text, str) or len(text) > MAX_SET_CHARS:
        return None
    if "u" in text or "U" in text:
        text = _UNION_U.sub(r" \\cup ", text)
    if "nf" in text.lower():  # not "inf": under IGNORECASE the i also matches ı and İ
        text = _BARE_INF.sub(r"\\infty", text)
    node = parse_math(text)
    if node is None:
        return None
    try:
        return _set(node, variable)
    except (ValueError, ZeroDivisionError, ArithmeticError):
        return None


def format_endpoint(value: Endpoint) -> str:
    """LaTeX text of an endpoint: ``-\\infty``, ``-7/2``, ``\\frac{1 - \\sqrt{5}}{2}``."""
    if value == NEG_INF:
        return "-\\infty"
    if value == POS_INF:
        return "\\infty"
    if isinstance(value, str) or not value.q:
        p = Fraction(value.p) if not isinstance(value, str) else Fraction(0)
        return str(p.numerator) if p.denominator == 1 else f"{p.numerator}/{p.denominator}"
    from math import lcm

    m = lcm(value.p.denominator, value.q.denominator)
    a, b = int(value.p * m), int(value.q * m)
    root = f"\\sqrt{{{value.d}}}"
    surd = root if abs(b) == 1 else f"{abs(b)}{root}"
    text = (f"{a} {'-' if b < 0 else '+'} {surd}" if a else f"{'-' if b < 0 else ''}{surd}")
    return text if m == 1 else f"\\frac{{{text}}}{{{m}}}"


def format_real_set(intervals: list[Interval]) -> str:
    """Interval notation joined by ``\\cup``; a single point is written ``\\{a\\}``."""
    parts = []
    for low, low_closed, high, high_closed in intervals:
        if compare(low, high) == 0:
            parts.append(f"\\{{{format_endpoint(low)}\\}}")
        else:
            parts.append(f"{'[' if low_closed else '('}{format_endpoint(low)}, "
                         f"{format_endpoint(high)}{']' if high_closed else ')'}")
    return " \\cup ".join(parts)


def isqrt_exact(n: int) -> int | None:
    """The integer square root of n when n is a perfect square, else None."""
    root = isqrt(n) if n >= 0 else -1
    return root if root >= 0 and root * root == n else None
