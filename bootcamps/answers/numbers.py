"""Typed parsers for numbers: integers and exact rationals.

Every parser takes any string and returns the parsed value or None; none of them raises on model
text, and each refuses inputs longer than a bound before doing any work.
"""

from __future__ import annotations

import re
from fractions import Fraction

MAX_NUMBER_CHARS = 400  # longer "numbers" are refused unread: int() of huge digit runs is quadratic

_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\ufe63": "-", "\uff0d": "-"})
_INTEGER = re.compile(r"[+-]?\d+")
# Grouped thousands: "7,425,000" or "1 000" (also thin and narrow no-break spaces); one kind per number.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:(?P<sep>[, \u2009\u202f\u00a0_])\d{3})(?:(?P=sep)\d{3})*")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+)")
_FRACTION = re.compile(r"([+-]?)\s*(\d+)\s*/\s*(\d+)")
_LATEX_FRACTION = re.compile(r"([+-]?)\s*\\[dt]?frac\s*\{\s*([+-]?\d+)\s*\}\s*\{\s*([+-]?\d+)\s*\}")


def _clean(text: str) -> str | None:
    if not isinstance(text, str) or len(text) > MAX_NUMBER_CHARS:
        return None
    text = text.translate(_MINUS_SIGNS).strip()
    if text.startswith("$") and text.endswith("$") and len(text) >= 2:
        text = text.strip("$").strip()
    return text


def parse_int(text: str) -> int | None:
    """An integer: optional sign (unicode minus too), digits, optional thousands grouping.

    ``"-12"``, ``"\u221212"``, ``"7,425,000"``, ``"1 000"`` and ``"+5"`` parse; ``"12.0"``,
    ``"1,00"`` and ``"3 or 4"`` do not.
    """
    text = _clean(text)
    if not text:
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    if _GROUPED.fullmatch(text):
        return int(re.sub(r"[^\d+-]", "", text))
    return None


def parse_rational(text: str) -> Fraction | None:
    """An exact rational: an integer, ``a/b``, ``\\frac{a}{b}`` or a terminating decimal.

    Decimals are read exactly (``0.75`` is 3/4); a rounded decimal such as ``0.333`` is not 1/3.
    A zero denominator gives None.
    """
    text = _clean(text)
    if not text:
        return None
    integer = parse_int(text)
    if integer is not None:
        return Fraction(integer)
    if _DECIMAL.fullmatch(text):
        return Fraction(text)
    match = _FRACTION.fullmatch(text) or _LATEX_FRACTION.fullmatch(text)
    if match is None:
        return None
    sign, numerator, denominator = match.groups()
    if int(denominator) == 0:
        return None
    value = Fraction(int(numerator), int(denominator))
    return -value if sign == "-" else value


def format_rational(value: Fraction) -> str:
    """The canonical text of a rational: ``3``, ``-7/2``."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def parse_number(text: str) -> Fraction | None:
    """The exact value of any written form of a rational number, or None.

    Integers (``-12``, ``−12``, ``7,425,000``, ``1 000``), decimals (``0.75``, ``.5``),
    scientific notation (``6.02e23``, ``6.02 \\times 10^{23}``), repeating decimals
    (``0.\\overline{3}``), fractions (``3/4``, ``6/8``, ``\\frac{3}{4}``, ``\\dfrac12``), mixed
    numbers (``2\\frac{1}{4}``, ``2 1/4``) and percentages (``25\\%`` is 1/4), with an optional
    sign and ``$...$``. Expressions (``2^{10}``, ``6 \\times 7``) are not numbers: None.
    """
    from bootcamps.answers.mathparse import numeral_value, parse_math  # lazy: keeps imports light

    if not isinstance(text, str) or len(text) > 4 * MAX_NUMBER_CHARS:
        return None
    node = parse_math(text)
    if node is None:
        return None
    scale, negative = Fraction(1), False
    while node[0] in ("neg", "pct"):
        if node[0] == "neg":
            negative = not negative
        else:
            scale /= 100
        node = node[1]
    value = numeral_value(node)
    if value is None and node[0] == "div" and all(
            part[0] == "num" and part[2] is None and part[1].denominator == 1 for part in node[1:]):
        value = node[1][1] / node[2][1] if node[2][1] else None
    if value is None:
        return None
    return (-value if negative else value) * scale
