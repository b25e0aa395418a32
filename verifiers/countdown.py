"""Verifier for countdown: an expression over a sub-multiset of the numbers whose exact value is the target."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from bootcamps.answers import format_rational, parse_arithmetic, parse_int
from bootcamps.answers.arithmetic import MAX_EXPRESSION_CHARS
from bootcamps.types import Verdict

_TOKEN = re.compile(r"\s*(?:(\d+)|(.))")
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def _split_claim(answer: str) -> tuple[str, str | None]:
    """The expression and the stated value after a trailing '=', if any."""
    text = answer.strip().strip("$").strip()
    for opening, closing in (("\\(", "\\)"), ("\\[", "\\]")):
        if text.startswith(opening) and text.endswith(closing):
            text = text[len(opening):-len(closing)]
    text = text.strip()
    if text.endswith("."):
        text = text[:-1]
    expression, equals, claim = text.partition("=")
    return expression, (claim if equals else None)


def _overused(used: tuple[int, ...], given: list[int]) -> int | None:
    """A literal used more often than given, or None when the literals fit the multiset."""
    remaining = list(given)
    for number in used:
        if number not in remaining:
            return number
        remaining.remove(number)
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > MAX_EXPRESSION_CHARS:
        return Verdict.unparsable(f"expected one short expression, found {len(answer)} characters")
    target = data["target"]
    expression, claim = _split_claim(answer)
    if claim is not None:
        stated = parse_int(claim)
        if stated is None:
            return Verdict.unparsable("expected an expression, optionally followed by '= <target>'")
        if stated != target:
            return Verdict.wrong(f"the stated result {stated} is not the target {target}")
    parsed = parse_arithmetic(expression)
    if isinstance(parsed, str):
        return Verdict.unparsable(f"expected an arithmetic expression: {parsed}")
    extra = _overused(parsed.numbers, data["numbers"])
    if extra is not None:
        if extra in data["numbers"]:
            return Verdict.wrong(f"{extra} is used more times than it is given")
        return Verdict.wrong(f"{extra} is not one of the given numbers")
    if parsed.value != target:
        return Verdict.wrong(f"the expression equals {format_rational(parsed.value)}, not {target}")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _parse_tree(text: str) -> Any:
    """Our own well-formed reference as a tree: int or (op, left, right); left-associative."""
    tokens = [int(n) if n else op for n, op in _TOKEN.findall(text) if n or op.strip()]
    position = 0

    def expression(level: int) -> Any:
        nonlocal position
        if level == 3:
            token = tokens[position]
            position += 1
            if token == "(":
                node = expression(1)
                position += 1  # the closing bracket
                return node
            return token
        node = expression(level + 1)
        while position < len(tokens) and _PRECEDENCE.get(tokens[position]) == level:
            op = tokens[position]
            position += 1
            node = (op, node, expression(level + 1))
        return node

    return expression(1)


def _render(node: Any, commute: bool) -> tuple[str, int]:
    """Text with the fewest brackets; with commute, operands of + and * are swapped."""
    if isinstance(node, int):
        return str(node), 3
    op, left, right = node
    if commute and op in "+*":
        left, right = right, left
    precedence = _PRECEDENCE[op]
    left_text, left_precedence = _render(left, commute)
    right_text, right_precedence = _render(right, commute)
    if left_precedence < precedence:
        left_text = f"({left_text})"
    if right_precedence < precedence or (right_precedence == precedence and op in "-/"):
        right_text = f"({right_text})"
    return f"{left_text} {op} {right_text}", precedence


def _bracketed(node: Any) -> str:
    """Every operation in brackets: redundant but equal."""
    if isinstance(node, int):
        return str(node)
    op, left, right = node
    return f"({_bracketed(left)} {op} {_bracketed(right)})"


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    target = data["target"]
    tree = _parse_tree(reference)
    return [
        reference.replace(" ", ""),
        f"  {reference}  ",
        f"({reference})",
        _bracketed(tree),
        _render(tree, commute=True)[0],
        f"{reference} = {target}",
        f"{reference}={target}",
        reference.replace("*", "\u00d7").replace("/", "\u00f7"),
        reference.replace("*", "\\times").replace("/", "\\div"),
        f"{reference}.",
        f"\\( {reference} \\)",
    ]


_FLIP = {"+": "-", "-": "+", "*": "/", "/": "*"}


def _flips(node: Any) -> list[Any]:
    """The tree with one operator changed, for each operator in turn."""
    if isinstance(node, int):
        return []
    op, left, right = node
    return [(_FLIP[op], left, right), *[(op, flipped, right) for flipped in _flips(left)],
            *[(op, left, flipped) for flipped in _flips(right)]]


def _wrong_value_variants(reference: str, target: int) -> list[str]:
    """The reference with one operator changed, where that changes the value (same numbers)."""
    variants = []
    for tree in _flips(_parse_tree(reference)):
        text = _render(tree, commute=False)[0]
        parsed = parse_arithmetic(text)
        if not isinstance(parsed, str) and parsed.value != target:
            variants.append(text)
    return variants[:3]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    target, given = data["target"], data["numbers"]
    used = Counter(parse_arithmetic(reference).numbers)  # type: ignore[union-attr]
    first = next(iter(used))
    repeats = (Counter(given)[first] - used[first]) // 2 + 1
    absent = next(n for n in range(11, 10_000) if n not in given)
    return [
        str(target),
        f"{target} = {target}",
        f"({reference})" + f" * {first} / {first}" * repeats,  # reuses a number given once
        f"({reference}) + {absent} - {absent}",  # uses a number that is not given
        f"{reference} + 1",
        f"{reference} - 1",
        f"{reference} = {target + 1}",
        f"{reference} = {target} = {target}",
        f"{reference} or {target}",
        ", ".join(map(str, given)),
        *[total for total in (" + ".join(map(str, given)), " * ".join(map(str, given)))
          if parse_arithmetic(total).value != target],  # type: ignore[union-attr]
        f"{reference} = {target}\n{target + 1}",
        *_wrong_value_variants(reference, target),
    ]
