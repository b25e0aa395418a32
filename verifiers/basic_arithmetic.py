"""Verifier for basic_arithmetic: the answer must be exactly the expression's value."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from bootcamps.answers import parse_rational
from bootcamps.types import Verdict


def verify(data: dict[str, Any], answer: str) -> Verdict:
    value = parse_rational(answer)
    if value is None:
        return Verdict.unparsable("expected an integer, a fraction a/b or an exact decimal")
    if value == Fraction(data["value"]):
        return Verdict.right()
    return Verdict.wrong("the value is not right")


def _terminating(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    value = Fraction(data["value"])
    forms = [f" {reference} ", f"{value.numerator * 3}/{value.denominator * 3}",
             f"\\frac{{{value.numerator}}}{{{value.denominator}}}"]
    if _terminating(value):
        forms.append(str(Decimal(value.numerator) / Decimal(value.denominator)))
    if value.denominator == 1 and abs(value) >= 1000:
        forms.append(f"{int(value):,}")
    if value < 0:
        forms.append("\u2212" + reference.lstrip("-"))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    value = Fraction(data["value"])
    misses = [str(value + 1), str(-value), str(value.numerator + 1) + (f"/{value.denominator}" if value.denominator > 1 else ""),
              f"{reference} or {value + 1}", data["expression"]]
    if value.denominator > 1:
        misses += [str(value.numerator), f"{value.denominator}/{value.numerator}"]
    if not _terminating(value):
        misses.append(f"{float(value):.6f}")  # a rounded decimal is not the exact value
    return misses
