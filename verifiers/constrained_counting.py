"""Verifier for constrained_counting: the answer, read as an integer, equals the proved count."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers.numbers import parse_int
from bootcamps.types import Verdict

_MAX_CHARS = 200
_FORMAT = "expected a single integer, e.g. 42"
# "42 strings", "42 ways": a trailing noun naming the objects is allowed
_TRAILING_NOUN = re.compile(r"\s+(?:ways|strings|subsets|solutions|paths|permutations|arrangements)\.?\s*$",
                            re.IGNORECASE)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    text = _TRAILING_NOUN.sub("", answer.strip().rstrip(".").strip())
    value = parse_int(text)
    if value is None:
        return Verdict.unparsable(_FORMAT)
    expected = data["count"]
    if value == expected:
        return Verdict.right()
    if value == data["unconstrained"]:
        return Verdict.wrong("that counts every object, ignoring the constraints")
    if value < 0:
        return Verdict.wrong("a count is never negative")
    return Verdict.wrong(f"the count is {'more' if value < expected else 'less'} than that")


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    value = data["count"]
    return [f"{value:,}", f" {value} ", f"{value}.", f"+{value}", f"{value} ways", f"${value}$"]


def _variants(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The instance with one number moved by one: the usual off-by-one misreadings."""
    variants = []
    for key in ("length", "run", "value", "total", "n", "letter_a", "width", "height"):
        if isinstance(data.get(key), int):
            for step in (-1, 1):
                variants.append(dict(data, **{key: data[key] + step}))
    return variants


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.constrained_counting import count

    value, total = data["count"], data["unconstrained"]
    misses = [str(value + 1), str(value - 1), str(total), str(total - value), str(2 * value),
              f"{value} or {value + 1}", f"{value}/{total}", f"{value}.5"]
    for variant in _variants(data):
        try:
            misses.append(str(count(variant)))
        except (ValueError, KeyError, IndexError, ZeroDivisionError):
            continue
    return [miss for miss in dict.fromkeys(misses) if not verify(data, miss).correct]
