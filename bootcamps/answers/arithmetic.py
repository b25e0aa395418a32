"""A safe parser and exact evaluator for arithmetic over given numbers (+ - * / and brackets).

Model text is tokenised by a regular grammar and evaluated by an explicit-stack
shunting-yard algorithm over ``Fraction``: nothing is ever executed, there is no recursion to
exhaust, and input size, token count and nesting depth are bounded before any work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

MAX_EXPRESSION_CHARS = 2_000
MAX_TOKENS = 400
MAX_DEPTH = 64
MAX_LITERAL_DIGITS = 30

_SYMBOLS = {"\u2212": "-", "\u2013": "-", "\u00d7": "*", "\u22c5": "*", "\u00b7": "*", "\u2217": "*",
            "\u00f7": "/", "\u2215": "/", "[": "(", "]": ")", "{": "(", "}": ")"}
_LATEX = ((r"\times", "*"), (r"\cdot", "*"), (r"\div", "/"), (r"\left", ""), (r"\right", ""))
_TOKEN = re.compile(r"\s*(?:(\d+)|([-+*/()]))")
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "pos": 3}


@dataclass(frozen=True, slots=True)
class Expression:
    """An evaluated expression: its exact value and the integer literals it uses, in order."""

    value: Fraction
    numbers: tuple[int, ...]


def _normalise(text: str) -> str:
    for latex, plain in _LATEX:
        text = text.replace(latex, plain)
    return "".join(_SYMBOLS.get(char, char) for char in text).strip()


def _tokenise(text: str) -> list[str | int] | str:
    tokens: list[str | int] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            rest = text[position:].lstrip()
            if not rest:
                break
            return f"unexpected character {rest[0]!r} in the expression"
        number, operator = match.groups()
        if number is not None:
            if len(number) > MAX_LITERAL_DIGITS:
                return "a number in the expression is too long"
            tokens.append(int(number))
        else:
            tokens.append(operator)
        position = match.end()
        if len(tokens) > MAX_TOKENS:
            return f"the expression has more than {MAX_TOKENS} tokens"
    return tokens


def _apply(operator: str, values: list[Fraction]) -> str | None:
    if operator in ("neg", "pos"):
        if not values:
            return "an operator is missing its operand"
        if operator == "neg":
            values[-1] = -values[-1]
        return None
    if len(values) < 2:
        return "an operator is missing an operand"
    right = values.pop()
    left = values.pop()
    if operator == "+":
        values.append(left + right)
    elif operator == "-":
        values.append(left - right)
    elif operator == "*":
        values.append(left * right)
    elif right == 0:
        return "division by zero"
    else:
        values.append(left / right)
    return None


def _evaluate(tokens: list[str | int]) -> Fraction | str:
    values: list[Fraction] = []
    operators: list[str] = []
    expect_operand = True
    for token in tokens:
        if isinstance(token, int):
            if not expect_operand:
                return "two numbers follow each other without an operator"
            values.append(Fraction(token))
            expect_operand = False
        elif token == "(":
            if not expect_operand:
                return "a bracket follows a number without an operator"
            operators.append("(")
            if operators.count("(") > MAX_DEPTH:
                return "the expression is nested too deeply"
            continue
        elif token == ")":
            if expect_operand:
                return "a closing bracket follows an operator"
            while operators and operators[-1] != "(":
                if (problem := _apply(operators.pop(), values)) is not None:
                    return problem
            if not operators:
                return "unbalanced brackets"
            operators.pop()
        elif expect_operand:
            if token not in "+-":
                return f"operator {token!r} is missing its left operand"
            operators.append("neg" if token == "-" else "pos")
        else:
            while operators and operators[-1] != "(" and _PRECEDENCE[operators[-1]] >= _PRECEDENCE[token]:
                if (problem := _apply(operators.pop(), values)) is not None:
                    return problem
            operators.append(token)
            expect_operand = True
    if expect_operand:
        return "the expression is empty or ends with an operator"
    while operators:
        operator = operators.pop()
        if operator == "(":
            return "unbalanced brackets"
        if (problem := _apply(operator, values)) is not None:
            return problem
    return values[0] if len(values) == 1 else "malformed expression"


def parse_arithmetic(text: str) -> Expression | str:
    """Evaluate an arithmetic expression over integer literals exactly.

    Accepts ``+ - * /`` (also ``× ÷ −``, ``\\times``, ``\\cdot``, ``\\div``), round or square
    brackets and unary signs. Returns an Expression, or a short reason why the text is not one.
    """
    if not isinstance(text, str):
        return "expected text"
    if len(text) > MAX_EXPRESSION_CHARS:
        return f"the expression is longer than {MAX_EXPRESSION_CHARS} characters"
    tokens = _tokenise(_normalise(text))
    if isinstance(tokens, str):
        return tokens
    if not tokens:
        return "the expression is empty"
    value = _evaluate(tokens)
    if isinstance(value, str):
        return value
    return Expression(value, tuple(token for token in tokens if isinstance(token, int)))
