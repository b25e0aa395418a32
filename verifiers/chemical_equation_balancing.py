"""Verifier for chemical_equation_balancing: positive integer coefficients, every element balanced, gcd 1."""

from __future__ import annotations

import re
from functools import lru_cache, reduce
from math import gcd
from typing import Any

from bootcamps.answers.numbers import parse_int
from bootcamps.answers.text import split_items
from bootcamps.generators.chemical_equation_balancing import composition, render_equation
from bootcamps.types import Verdict

_MAX_CHARS = 2_000
_FORMAT = ("expected the balanced equation, e.g. 2 X + 3 Y2 -> 2 XY3, or the coefficients in order, "
           "e.g. 2, 3, 2")
# no \s* around the arrow: searched at every position of a long run of spaces, it would be quadratic
_ARROW = re.compile(r"-+>|=+>|<=+>|<-+>|[\u2192\u27f6\u21d2\u21cc\u2194]|=")
_TERM = re.compile(r"(\d*)([A-Z(][A-Za-z0-9()·]*)")
_STATE = re.compile(r"\((?:s|l|g|aq)\)$")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_HYDRATE_DOTS = str.maketrans({".": "·", "*": "·", "•": "·", "⋅": "·", "∙": "·"})


_IGNORED = re.compile(r"[\s_{}$]+")


def _parse_side(text: str, formulas: list[str]) -> dict[str, int] | str:
    """Coefficient per formula of one side, or why the side cannot be read."""
    found: dict[str, int] = {}
    for term in _IGNORED.sub("", text).split("+"):
        match = _TERM.fullmatch(term)
        if match is None:
            return _FORMAT
        formula = match.group(2)
        if formula.endswith(")"):
            formula = _STATE.sub("", formula)
        if formula not in formulas:
            return f"{formula[:30]!r} is not one of the compounds {', '.join(formulas)} on this side"
        if formula in found:
            return f"{formula} is written twice on one side"
        if len(match.group(1)) > 6:
            return "a coefficient is far too large"
        found[formula] = int(match.group(1) or 1)
    return found


def _from_equation(data: dict[str, Any], text: str) -> list[int] | str:
    text = text.strip().removesuffix(".")
    if text.startswith("\\ce{") and text.endswith("}"):
        text = text[4:-1]
    sides = [side.strip() for side in _ARROW.split(text.translate(_SUBSCRIPTS).translate(_HYDRATE_DOTS))]
    if len(sides) != 2:
        return _FORMAT
    coefficients = []
    for side, formulas in zip(sides, (data["reactants"], data["products"]), strict=True):
        found = _parse_side(side, formulas)
        if isinstance(found, str):
            return found
        if len(found) != len(formulas):
            missing = [formula for formula in formulas if formula not in found]
            return f"the compound(s) {', '.join(missing)} are missing from their side of the equation"
        coefficients += [found[formula] for formula in formulas]
    return coefficients


def _from_list(data: dict[str, Any], text: str) -> list[int] | str:
    count = len(data["reactants"]) + len(data["products"])
    items = split_items(text, max_items=count)
    if items is None:
        return _FORMAT
    values = [parse_int(item) for item in items]
    if any(value is None for value in values) or len(values) != count:
        return f"{_FORMAT}; there are {count} compounds, so {count} coefficients"
    return values  # type: ignore[return-value]


def read_coefficients(data: dict[str, Any], answer: str) -> list[int] | str:
    """The coefficients in the order of the compounds, or why the answer cannot be read."""
    if _ARROW.search(answer):
        return _from_equation(data, answer)
    return _from_list(data, answer)


@lru_cache(maxsize=1024)
def _element_rows(reactants: tuple[str, ...], products: tuple[str, ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Per element (sorted), its atom count in each compound, reactants then products."""
    tables = [dict(composition(formula)) for formula in (*reactants, *products)]
    elements = sorted({element for table in tables for element in table})
    return tuple((element, tuple(table.get(element, 0) for table in tables)) for element in elements)


def _imbalance(data: dict[str, Any], coefficients: list[int]) -> str | None:
    """A description of the first unbalanced element, or None when every element balances."""
    split = len(data["reactants"])
    for element, counts in _element_rows(tuple(data["reactants"]), tuple(data["products"])):
        weighted = [c * n for c, n in zip(coefficients, counts, strict=True)]
        left, right = sum(weighted[:split]), sum(weighted[split:])
        if left != right:
            return f"{element} is not balanced: {left} atom(s) on the left, {right} on the right"
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    coefficients = read_coefficients(data, answer)
    if isinstance(coefficients, str):
        return Verdict.unparsable(coefficients)
    if any(value <= 0 for value in coefficients):
        return Verdict.wrong("every coefficient must be a positive whole number")
    problem = _imbalance(data, coefficients)
    if problem is not None:
        return Verdict.wrong(problem)
    common = reduce(gcd, coefficients)
    if common > 1:
        return Verdict.wrong(f"balanced, but not the smallest coefficients: all share the factor {common}")
    return Verdict.right()


def _listed(coefficients: list[int]) -> str:
    return ", ".join(map(str, coefficients))


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    reactants, products, coefficients = data["reactants"], data["products"], data["coefficients"]
    split = len(reactants)
    explicit = " + ".join(f"{c} {f}" for c, f in zip(coefficients[:split], reactants, strict=True)) + " -> " + \
        " + ".join(f"{c} {f}" for c, f in zip(coefficients[split:], products, strict=True))
    swapped = render_equation(reactants[::-1], products[::-1], coefficients[:split][::-1] + coefficients[split:][::-1])
    subscripts = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    pretty = " + ".join(f"{c} {f.translate(subscripts)}" for c, f in zip(coefficients[:split], reactants, strict=True))
    pretty += " → " + " + ".join(f"{c} {f.translate(subscripts)}"
                                 for c, f in zip(coefficients[split:], products, strict=True))
    return [
        _listed(coefficients),
        f"[{_listed(coefficients)}]",
        " ".join(map(str, coefficients)),
        explicit,
        swapped,
        reference.replace(" -> ", " = "),
        reference.replace(" -> ", " → "),
        reference.replace(" ", "").replace("·", "."),
        pretty,
        f"\\ce{{{reference}}}",
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    reactants, products, coefficients = data["reactants"], data["products"], data["coefficients"]
    split = len(reactants)
    doubled = [2 * c for c in coefficients]
    bumped = [coefficients[0] + 1, *coefficients[1:]]
    last_off = [*coefficients[:-1], coefficients[-1] + 1]
    misses = [
        _listed(doubled),  # balanced but not the smallest
        render_equation(reactants, products, doubled),
        _listed(bumped),
        render_equation(reactants, products, last_off),
        _listed([1] * len(coefficients)),
        render_equation(reactants, products),  # the equation copied back unbalanced
        _listed(coefficients[::-1]),
        _listed([0, *coefficients[1:]]),
        _listed(coefficients[:-1]),
        render_equation(products, reactants, coefficients[split:] + coefficients[:split]),  # sides swapped
        f"{_listed(coefficients)} or {_listed(doubled)}",
        f"{reference} or {render_equation(reactants, products, doubled)}",
    ]
    return [miss for miss in misses if not verify(data, miss).correct]
