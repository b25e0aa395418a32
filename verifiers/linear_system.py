"""Verifier for linear_system: every unknown gets exactly its value in the unique solution."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import Any

from bootcamps.answers import format_rational, parse_rational
from bootcamps.types import Verdict

_MAX_CHARS_PER_UNKNOWN = 200
_SEPARATORS = re.compile(r"[,;\n]|\sand\s")  # no \s* around: quadratic on long blank runs
_PAIR = re.compile(r"([^\s=:]+)\s*[=:]\s*(.*)", re.DOTALL)
_NAME_NOISE = str.maketrans("", "", "_{}\\*\"'`")
_CANONICAL = re.compile(r"0|-?[1-9]\d{0,30}")  # an integer as format_rational writes it
_FORMAT = "expected name = value pairs such as x = 3, y = -1/2 (values as integers or fractions)"


def _name(text: str) -> str:
    """A written unknown name in canonical form: ``X_{1}``, ``x₁`` and ``x1`` are all ``x1``."""
    if text.isascii() and text.isalnum() and text.islower():
        return text  # already canonical
    return unicodedata.normalize("NFKC", text).translate(_NAME_NOISE).casefold().strip()


def _items(text: str) -> list[str]:
    items = []
    for item in _SEPARATORS.split(text):
        item = item.strip()
        if item[:4].casefold() == "and ":
            item = item[4:].strip()
        if item:
            items.append(item)
    return items


def _strip_brackets(text: str) -> str:
    text = text.strip().replace("$", "").strip()
    while len(text) >= 2 and text[0] + text[-1] in ("()", "[]", "{}"):
        text = text[1:-1].strip()
    return text


def _named_tuple(text: str) -> tuple[str, str] | None:
    """The insides of ``(x, y) = (3, 4)``, or None when the text has not that shape."""
    left, equals, right = text.partition("=")
    left, right = left.strip(), right.strip()
    if not equals or len(left) < 2 or len(right) < 2:
        return None
    if left[0] + left[-1] in ("()", "[]") and right[0] + right[-1] in ("()", "[]"):
        return left[1:-1], right[1:-1]
    return None


def parse_assignment(text: str, names: list[str]) -> list[tuple[str, str]] | str:
    """(name, value text) pairs in answer order, or a reason why the text has not that form."""
    text = text.strip().replace("$", "")
    named = _named_tuple(text)
    if named is not None:
        left, right = _items(named[0]), _items(named[1])
        if len(left) != len(right):
            return "expected as many values as names in (x, y) = (a, b)"
        return [(_name(n), v) for n, v in zip(left, right, strict=True)]
    items = _items(_strip_brackets(text))
    if not items:
        return _FORMAT
    pairs = [_PAIR.fullmatch(item) for item in items]
    if all(pair is not None for pair in pairs):
        return [(_name(pair.group(1)), pair.group(2).strip()) for pair in pairs]  # type: ignore[union-attr]
    if all(pair is None for pair in pairs) and len(items) == len(names):
        return list(zip(names, items, strict=True))  # a bare tuple, in the order of the prompt
    return _FORMAT


def verify(data: dict[str, Any], answer: str) -> Verdict:
    names: list[str] = data["variables"]
    if len(answer) > _MAX_CHARS_PER_UNKNOWN * len(names) + 200:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    pairs = parse_assignment(answer, names)
    if isinstance(pairs, str):
        return Verdict.unparsable(pairs)
    given: dict[str, str] = {}
    for name, text in pairs:
        if name not in names:
            return Verdict.unparsable(f"unknown name {name[:20]!r}; the unknowns are {', '.join(names)}")
        if name in given:
            return Verdict.wrong(f"{name} is given more than once")
        if _CANONICAL.fullmatch(text):
            given[name] = text  # already canonical: no Fraction to build
            continue
        value = parse_rational(text)
        if value is None:
            return Verdict.unparsable(f"the value of {name} is not an integer or a fraction")
        given[name] = format_rational(value)
    missing = [name for name in names if name not in given]
    if missing:
        return Verdict.wrong(f"no value given for {', '.join(missing)}")
    # the solution is stored in canonical form, so equal strings mean equal values
    wrong = sum(given[name] != value for name, value in zip(names, data["solution"], strict=True))
    if wrong:
        return Verdict.wrong(f"{wrong} of {len(names)} values are not right; substitute them to check")
    return Verdict.right()


def _exact_forms(value: Fraction) -> list[str]:
    sign = "-" if value < 0 else ""
    forms = [f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}" if value.denominator > 1 else f"{value}.0"]
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1 and value.denominator > 1:
        forms.append(str(Decimal(value.numerator) / Decimal(value.denominator)))
    return forms


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    names: list[str] = data["variables"]
    values: list[str] = data["solution"]
    pairs = list(zip(names, values, strict=True))
    forms = [
        ", ".join(f"{n} = {v}" for n, v in reversed(pairs)),
        "; ".join(f"{n}={v}" for n, v in pairs),
        "\n".join(f"{n} = {v}" for n, v in pairs),
        ", ".join(f"{n}: {v}" for n, v in pairs),
        "(" + ", ".join(values) + ")",
        "(" + ", ".join(names) + ") = (" + ", ".join(values) + ")",
        ", ".join(f"${n} = {v}$" for n, v in pairs[:-1]) + f" and ${pairs[-1][0]} = {pairs[-1][1]}$",
        "{" + ", ".join(f"{n.upper()} = {v}" for n, v in pairs) + "}",
    ]
    exotic = []
    for name, value in pairs:
        fraction = Fraction(value)
        written = _exact_forms(fraction)
        exotic.append(f"{name} = {written[-1]}")
        if fraction.denominator > 1:
            forms.append(reference.replace(f"{name} = {value}", f"{name} = {2 * fraction.numerator}/{2 * fraction.denominator}", 1))
    forms.append(", ".join(exotic))
    if len(names) > 4:
        forms.append(", ".join(f"{n[0]}_{{{n[1:]}}} = {v}" for n, v in pairs))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    names: list[str] = data["variables"]
    values = [Fraction(v) for v in data["solution"]]

    def render(vals: list[Fraction], keys: list[str] = names) -> str:
        return ", ".join(f"{n} = {_text(v)}" for n, v in zip(keys, vals, strict=True))

    misses = [
        render([values[0] + 1, *values[1:]]),  # one value off by one
        render([*values[:-1], -values[-1]] if values[-1] != 0 else [*values[:-1], Fraction(1)]),
        render(values[:-1], names[:-1]),  # a missing unknown
        f"{render(values)}, {names[0]} = {_text(values[0] + 1)}",  # an unknown given twice
        reference.replace(f"{names[0]} = {data['solution'][0]}", f"{names[0]} = {data['solution'][0]} or {_text(values[0] + 1)}", 1),
        "(" + ", ".join(_text(v) for v in values[:-1]) + ")",  # a tuple one value short
        render([Fraction(0)] * len(values)),
    ]
    first, second = next((i, j) for i in range(len(values)) for j in range(i + 1, len(values))
                          if values[i] != values[j])
    swapped = list(values)
    swapped[first], swapped[second] = swapped[second], swapped[first]
    misses.append(render(swapped))  # two values swapped
    misses.append("(" + ", ".join(_text(v) for v in swapped) + ")")
    if [Fraction(b) for b in data["rhs"]] != values:
        misses.append(render([Fraction(b) for b in data["rhs"]]))  # the right-hand sides copied back
    fractions = [i for i, v in enumerate(values) if v.denominator > 1]
    if fractions:
        # a decimal rounding of a fraction, preferably one with no exact decimal form
        i = min(fractions, key=lambda k: Fraction(f"{float(values[k]):.3f}") == values[k])
        decimal = next(text for digits in (3, 2, 1, 0)
                       if Fraction(text := f"{float(values[i]):.{digits}f}") != values[i])
        misses.append(", ".join(f"{n} = {decimal if k == i else _text(v)}"
                                for k, (n, v) in enumerate(zip(names, values, strict=True))))
        numerators = list(values)
        numerators[i] = Fraction(values[i].numerator)
        misses.append(render(numerators))  # the denominator dropped
    return misses


def _text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
