"""Verifier for propositional_sat: every variable gets one value and every clause has a true literal."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers.pairs import parse_pairs
from bootcamps.generators.propositional_sat import clause_masks, literal_text
from bootcamps.types import Verdict

_MAX_CHARS_PER_VARIABLE = 40
_KEY = r"x?\d{1,5}"
_VALUE = r"true|false|t|f|1|0"
_CONNECTOR = r"(?:\s*(?:=|:|->|=>|\u2192|\u21d2)\s*|\s+is\s+)"
_LITERAL = re.compile(r"(?:(-|\u00ac|~|!|not\s+)\s*)?x?(\d{1,5})", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"[\s,;]+")
_STRIP = "[](){}.*`\"' \t\n"
_FORMAT = "expected a value for every variable, as x1=T, x2=F, ... or as literals such as 1 -2 3"


def _literals(text: str) -> list[tuple[int, bool]] | None:
    """(variable, value) from a list of true literals such as ``1 -2 3`` or ``x1, ¬x2``."""
    items = [item for item in _ITEM_SPLIT.split(re.sub(r"(?i)\bnot\s+", "not_", text.strip(_STRIP))) if item]
    if len(items) > 1 and items[-1] == "0":  # the DIMACS end-of-clause marker
        items.pop()
    out = []
    for item in items:
        match = _LITERAL.fullmatch(item.replace("not_", "not "))
        if match is None or int(match.group(2)) == 0:
            return None
        out.append((int(match.group(2)), match.group(1) is None))
    return out or None


def parse_assignment(text: str, variables: int) -> list[tuple[int, bool]] | None:
    """(variable, value) pairs in answer order, from either accepted form; None if neither fits."""
    pairs = parse_pairs(text, _KEY, _VALUE, connector=_CONNECTOR, max_pairs=variables + 8)
    if pairs:
        return [(int(key.lstrip("xX")), value.lower() in ("true", "t", "1")) for key, value in pairs]
    literals = _literals(text)
    if literals is None or len(literals) > variables + 8:
        return None
    return literals


def verify(data: dict[str, Any], answer: str) -> Verdict:
    n = data["variables"]
    if len(answer) > _MAX_CHARS_PER_VARIABLE * n + 200:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    pairs = parse_assignment(answer, n)
    if pairs is None:
        return Verdict.unparsable(_FORMAT)
    assignment = given = 0
    for var, value in pairs:
        if not 1 <= var <= n:
            return Verdict.wrong(f"there is no variable x{var}; the variables are x1 to x{n}")
        if given >> (var - 1) & 1:
            return Verdict.wrong(f"x{var} is given more than once")
        given |= 1 << (var - 1)
        if value:
            assignment |= 1 << (var - 1)
    full = (1 << n) - 1
    if given != full:
        missing = [f"x{v}" for v in range(1, n + 1) if not given >> (v - 1) & 1]
        return Verdict.wrong(f"no value given for {', '.join(missing[:5])}"
                             + (" and others" if len(missing) > 5 else ""))
    false_vars = full ^ assignment
    for index, (pos, neg) in enumerate(clause_masks(data["clauses"]), start=1):
        if not (pos & assignment or neg & false_vars):
            return Verdict.wrong(f"clause {index} is false under this assignment")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _values(reference: str) -> list[bool]:
    """The reference's values in variable order (the generator writes "x1=T, x2=F, ...")."""
    return [item.strip().endswith("T") for item in reference.split(",")]


def _render(values: list[bool], true: str = "T", false: str = "F", link: str = "=", sep: str = ", ") -> str:
    return sep.join(f"x{v}{link}{true if value else false}" for v, value in enumerate(values, start=1))


def _signed(values: list[bool]) -> list[int]:
    return [v if value else -v for v, value in enumerate(values, start=1)]


def _breaking_flip(data: dict[str, Any], values: list[bool]) -> list[bool]:
    """The assignment with one variable flipped so that some clause becomes false."""
    for clause in data["clauses"]:
        true_literals = [lit for lit in clause if values[abs(lit) - 1] == (lit > 0)]
        if len(true_literals) == 1:
            var = abs(true_literals[0])
            return [not value if v == var else value for v, value in enumerate(values, start=1)]
    return [not value if v == 1 else value for v, value in enumerate(values, start=1)]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    values = _values(reference)
    signed = _signed(values)
    complement = [not value for value in values]  # balanced planting: the complement satisfies too
    return [
        _render(values, "true", "false"),
        _render(values, "1", "0", " = ", "; "),
        _render(values, "True", "False", ": ", "\n"),
        ", ".join(f"x{v} is {'true' if value else 'false'}" for v, value in enumerate(values, start=1)),
        ", ".join(reversed(reference.split(", "))),
        " ".join(str(lit) for lit in signed),
        " ".join(str(lit) for lit in signed) + " 0",
        ", ".join(literal_text(lit) for lit in signed),
        "[" + ", ".join(f"{'' if lit > 0 else '-'}x{abs(lit)}" for lit in signed) + "]",
        _render(values, sep=" "),
        reference.lower(),
        _render(complement),
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    values = _values(reference)
    n = len(values)
    flipped = _breaking_flip(data, values)
    return [
        _render(flipped),
        " ".join(str(lit) for lit in _signed(flipped)),
        _render([True] * n),
        _render([False] * n),
        " ".join(str(v) for v in range(1, n + 1)),
        _render(values[:-1]),  # a variable missing
        reference + f", x{n + 1}=T",  # a variable that does not exist
        reference + f", x1={'F' if values[0] else 'T'}",  # x1 twice, both ways
        reference.replace("x1=T", "x1=T or F", 1).replace("x1=F", "x1=F or T", 1),
        " ".join(str(lit) for clause in data["clauses"] for lit in clause),  # the clauses copied back
        ", ".join(" ∨ ".join(literal_text(lit) for lit in clause) for clause in data["clauses"]),
        " ".join(f"x{v}" for v in range(1, n + 1)),
    ]
