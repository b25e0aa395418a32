"""Verifier for dice_probability: the answer, read as an exact rational, equals the probability."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from bootcamps.answers.numbers import parse_number
from bootcamps.types import Verdict

_MAX_CHARS = 400
_FORMAT = "expected the exact probability as a fraction p/q, e.g. 5/36"


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    value = parse_number(answer.strip().rstrip("."))
    if value is None:
        return Verdict.unparsable(_FORMAT)
    expected = Fraction(data["probability"])
    if value == expected:
        return Verdict.right()
    if not 0 <= value <= 1:
        return Verdict.wrong("a probability is between 0 and 1")
    if value == 1 - expected:
        return Verdict.wrong("that is the probability that the event does not happen")
    return Verdict.wrong("the probability is not that value")


def _fraction(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def _exact_decimal(value: Fraction) -> str | None:
    """The exact decimal of a value in [0, 1) when it terminates within 40 digits, else None."""
    for digits in range(1, 41):
        scaled = value * 10**digits
        if scaled.denominator == 1:
            return f"0.{scaled.numerator:0{digits}d}"
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    value = Fraction(data["probability"])
    p, q = value.numerator, value.denominator
    forms = [f"{data['favourable']}/{data['total']}", f"\\frac{{{p}}}{{{q}}}", f"{p} / {q}",
             f"$\\dfrac{{{p}}}{{{q}}}$", f"{2 * p}/{2 * q}", f" {reference} "]
    decimal = _exact_decimal(value)
    if decimal is not None:
        forms += [decimal, f"{value * 100}%" if (value * 100).denominator == 1 else decimal]
    return forms


def _shifted(event: dict) -> list[dict]:
    """The event with its threshold moved by one (the usual off-by-one reading)."""
    variants = []
    for key in ("target", "value", "count", "low", "high", "divisor"):
        if key in event:
            variants += [dict(event, **{key: event[key] + 1}), dict(event, **{key: event[key] - 1})]
    return variants


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.dice_probability import probability

    value = Fraction(data["probability"])
    p, q = value.numerator, value.denominator
    misses = [
        _fraction(1 - value),  # the complement
        f"{p + 1}/{q}",
        f"{p}/{q + 1}",
        f"{q}/{p}",
        str(data["favourable"]),  # the count of outcomes, not a probability
        f"{float(value):.3f}",  # rounded
        f"{reference} or {_fraction(1 - value)}",
    ]
    for event in _shifted(data["event"]):
        try:
            other = probability(data["dice"], event)
        except (ValueError, ZeroDivisionError):
            continue
        misses.append(_fraction(other))
    return [miss for miss in misses if not verify(data, miss).correct]
