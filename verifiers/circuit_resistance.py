"""Verifier for circuit_resistance: the answer, read as an exact number of ohms, equals the equivalent resistance."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from bootcamps.answers.numbers import format_rational, parse_number
from bootcamps.types import Verdict

_MAX_CHARS = 300
_FORMAT = "expected the exact resistance in ohms, e.g. 15/4 or 3.75 or 12"
_PREFIX = re.compile(r"^(?:R\s*_?\s*\{?\s*(?:eq|ab|AB|total|equiv)?\s*\}?\s*=\s*)", re.IGNORECASE)
_UNIT = re.compile(r"\s*(?:\\,|\\ )?\s*(?:Ω|Ω|\\Omega|\\text\{\s*ohms?\s*\}|\\mathrm\{\s*ohms?\s*\}|ohms?)\s*\.?$",
                   re.IGNORECASE)
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")
# parse_number refuses a mixed number whose fraction is not in lowest terms ("123 858/939"); the
# prompt allows any exact form, so a whole number followed by a proper fraction is read here.
_MIXED = re.compile(r"(\d{1,30})\s+([1-9]\d{0,29})\s*/\s*([1-9]\d{0,29})")


def read_ohms(answer: str) -> Fraction | None:
    """The exact value of the answer in ohms, or None when it is not one number."""
    text = answer.strip().strip("$").strip()
    text = _UNIT.sub("", _PREFIX.sub("", text)).strip().strip("$").strip()
    if not text or "%" in text:
        return None
    mixed = _MIXED.fullmatch(text)
    if mixed is not None and int(mixed.group(2)) < int(mixed.group(3)):
        return int(mixed.group(1)) + Fraction(int(mixed.group(2)), int(mixed.group(3)))
    return parse_number(text)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    value = read_ohms(answer)
    if value is None:
        return Verdict.unparsable(_FORMAT)
    expected = Fraction(data["value"])
    if value == expected:
        return Verdict.right()
    if _DECIMAL.search(answer) and abs(value - expected) < Fraction(1, 100) * max(expected, Fraction(1)):
        return Verdict.wrong("the value is a rounded decimal, not exact; give the exact value as a fraction")
    return Verdict.wrong("this is not the equivalent resistance of the network")


def _mixed(value: Fraction) -> str | None:
    whole, rest = divmod(value.numerator, value.denominator)
    return f"{whole} {rest}/{value.denominator}" if whole and rest else None


def _terminating(value: Fraction) -> str | None:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1 or value.denominator == 1:
        return None
    digits = 0
    while (value * 10**digits).denominator != 1:
        digits += 1
    return f"{float(value):.{digits}f}" if digits <= 12 else None


def _values(data: dict[str, Any]) -> list[int]:
    return data["ohms"] if data["form"] == "nested" else [row[1] for row in data["resistors"]]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    value = Fraction(data["value"])
    forms = [f"{reference} Ω", f"{reference} ohms", f"R_eq = {reference} Ω", f"{reference}Ω",
             f"{value.numerator * 2}/{value.denominator * 2}", f"\\frac{{{value.numerator}}}{{{value.denominator}}}",
             f"{reference} \\Omega", f"${reference}$"]
    forms += [form for form in (_mixed(value), _terminating(value)) if form]
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    value = Fraction(data["value"])
    ohms = _values(data)
    series_all = sum(ohms)
    parallel_all = 1 / sum(Fraction(1, r) for r in ohms)
    misses = [
        format_rational(value + 1),
        format_rational(1 / value),  # conductance instead of resistance
        format_rational(Fraction(series_all)),  # everything in series
        format_rational(parallel_all),  # everything in parallel
        f"{value.numerator}/{value.denominator + 1}",
        f"{float(value):.2f}" if value.denominator > 1 else f"{value}.5",
        f"{reference} or {format_rational(value + 1)}",
        f"-{reference}",
        f"{reference} kΩ",
    ]
    hanging = _dangling_ohms(data)
    if hanging:
        misses.append(format_rational(value + hanging))  # the dangling resistors counted in series
    return [miss for miss in misses if miss.strip() != reference and not verify(data, miss).correct]


def _dangling_ohms(data: dict[str, Any]) -> int:
    """Total resistance of netlist resistors with an end on a node nothing else touches."""
    if data["form"] != "netlist":
        return 0
    seen: dict[str, int] = {}
    for _, _, a, b in data["resistors"]:
        for node in (a, b):
            seen[node] = seen.get(node, 0) + 1
    return sum(ohms for _, ohms, a, b in data["resistors"]
               if any(seen[node] == 1 and node not in ("A", "B") for node in (a, b)))


