"""Verifier for base_conversion: the answer, read in the target base, has exactly the number's value."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from bootcamps.types import Verdict

_MAX_CHARS = 300
_PREFIXES = {16: "0x", 2: "0b", 8: "0o"}  # only where the letter cannot be a digit of the base
_SUBSCRIPTS = str.maketrans("\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089", "0123456789")
_TO_SUBSCRIPTS = str.maketrans("0123456789", "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089")
_SUBSCRIPT = re.compile(r"\(?([0-9a-z.\s_]{1,250}?)\)?\s*_\s*\{?\s*(\d{1,2})\s*\}?", re.IGNORECASE | re.ASCII)
_UNICODE_SUBSCRIPT = re.compile(r"\(?([0-9a-z.\s_]{1,250}?)\)?\s*([\u2080-\u2089]{1,2})", re.IGNORECASE | re.ASCII)
_GROUP_SEPARATOR = re.compile(r"(?<=[0-9a-z])[ _](?=[0-9a-z])", re.IGNORECASE | re.ASCII)
_NUMBER = re.compile(r"([0-9a-z]*)(?:\.([0-9a-z]*))?", re.IGNORECASE | re.ASCII)
_FORMAT = "expected the digits of the number in the target base, such as 2F or 101.01"


def _strip_base_marks(text: str, base: int) -> str:
    """The text without a subscript or a prefix naming ``base``.

    A subscript naming another base is left in place: the text then fails to parse, or (as in
    digit groups such as 1011_01) is read as plain digits and judged by its value.
    """
    match = _SUBSCRIPT.fullmatch(text) or _UNICODE_SUBSCRIPT.fullmatch(text)
    if match is not None and int(match.group(2).translate(_SUBSCRIPTS)) == base:
        text = match.group(1).strip()
    prefix = _PREFIXES.get(base)
    if prefix is not None and text[:2].lower() == prefix:
        text = text[2:]
    return text


def parse_in_base(text: str, base: int) -> Fraction | str:
    """The exact value of digits written in ``base``, or a reason why the text is not such digits."""
    if not isinstance(text, str) or len(text) > _MAX_CHARS:
        return _FORMAT
    text = text.strip().strip("$`").strip()
    text = text[:-1] if text.endswith(".") and text.count(".") > 1 else text
    text = _GROUP_SEPARATOR.sub("", _strip_base_marks(text, base))
    match = _NUMBER.fullmatch(text)
    if match is None or not (match.group(1) or match.group(2)):
        return _FORMAT
    whole, fraction = match.group(1), match.group(2) or ""
    for char in whole + fraction:
        if int(char, 36) >= base:
            return f"{char!r} is not a digit in base {base}"
    value = Fraction(int(whole, base) if whole else 0)
    if fraction:
        value += Fraction(int(fraction, base), base ** len(fraction))
    return value


def verify(data: dict[str, Any], answer: str) -> Verdict:
    value = parse_in_base(answer, data["target_base"])
    if isinstance(value, str):
        return Verdict.unparsable(value)
    if value == Fraction(data["value"]):
        return Verdict.right()
    return Verdict.wrong(f"read in base {data['target_base']}, the answer has another value")


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    base = data["target_base"]
    forms = [reference.lower(), f"0{reference}", f"({reference})_{base}", f"{reference}_{{{base}}}",
             reference + str(base).translate(_TO_SUBSCRIPTS),
             f" {reference} ", reference + ("0" if "." in reference else ".0")]
    if base in _PREFIXES:
        forms.append(_PREFIXES[base] + reference)
    whole = reference.split(".")[0]
    if len(whole) > 4 and "." not in reference:
        head = len(whole) % 4 or 4
        forms.append(" ".join([whole[:head], *(whole[i:i + 4] for i in range(head, len(whole), 4))]))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.base_conversion import DIGITS

    base, value = data["target_base"], Fraction(data["value"])
    last = DIGITS[(DIGITS.index(reference[-1].upper()) + 1) % base]
    misses = [
        data["source"],  # the number copied back unconverted
        reference[:-1] + last,  # the last digit off by one
        reference[1:] if len(reference.split(".")[0]) > 1 else reference + "1",  # a digit dropped
        f"{reference} or {reference[:-1] + last}",
        f"-{reference}",
        f"({reference})_{base + 1}",  # marked as another base
    ]
    reversed_whole = reference.split(".")[0][::-1]
    if reversed_whole != reference.split(".")[0]:
        misses.append(reversed_whole + reference[len(reversed_whole):])
    if base != 10:
        misses.append(str(value.numerator) if value.denominator == 1 else f"{float(value)}")  # left in base 10
    return [m for m in misses if m.strip() != reference]
