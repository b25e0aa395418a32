"""Verifier for cryptarithm: the letter-to-digit map must satisfy every rule of the puzzle."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers.pairs import MAX_PAIRS_CHARS, parse_pairs
from bootcamps.types import Verdict

_EQUATION = re.compile(r"[\d\s+=]+")
_FORMAT = "expected LETTER=digit pairs such as 'A=3, B=7', or the whole sum written with digits"


def _from_equation(text: str, words: list[str]) -> dict[str, int] | str:
    """The letter map read off a digit sum laid out like the puzzle, or why it is not one."""
    left, equals, right = text.partition("=")
    numbers = [part.strip() for part in left.split("+")] + [right.strip()]
    if not equals or "=" in right or len(numbers) != len(words) or not all(n.isdigit() for n in numbers):
        return f"expected the sum as {len(words) - 1} numbers joined by '+', then '=' and the result"
    mapping: dict[str, int] = {}
    for number, word in zip(numbers, words, strict=True):
        if len(number) != len(word):
            return f"{number} does not have the {len(word)} digits of {word}"
        for digit, letter in zip(number, word, strict=True):
            if mapping.setdefault(letter, int(digit)) != int(digit):
                return f"letter {letter} stands for two different digits in the sum"
    return mapping


def _from_pairs(text: str, letters: set[str]) -> dict[str, int] | str:
    pairs = parse_pairs(text, r"[A-Za-z]", r"\d+")
    if pairs is None:
        return _FORMAT
    mapping: dict[str, int] = {}
    for letter, digits in pairs:
        letter = letter.upper()
        if letter not in letters:
            return f"{letter} is not a letter of the puzzle"
        if letter in mapping:
            return f"letter {letter} is given more than once"
        if len(digits) > 1:
            return f"{letter}={digits}: each letter stands for a single digit 0-9"
        mapping[letter] = int(digits)
    return mapping


def _value(word: str, mapping: dict[str, int]) -> int:
    return int("".join(str(mapping[letter]) for letter in word))


def _check(mapping: dict[str, int], addends: list[str], result: str) -> Verdict:
    """The rules, given a full map of the puzzle's letters."""
    owner: dict[int, str] = {}
    for letter in sorted(mapping):
        other = owner.setdefault(mapping[letter], letter)
        if other != letter:
            return Verdict.wrong(f"letters {other} and {letter} both stand for {mapping[letter]}")
    for word in (*addends, result):
        if len(word) > 1 and mapping[word[0]] == 0:
            return Verdict.wrong(f"{word} would start with 0")
    values = [_value(word, mapping) for word in addends]
    total = _value(result, mapping)
    if sum(values) != total:
        written = " + ".join(map(str, values)) + f" = {total}"
        return Verdict.wrong(f"with these digits the sum reads {written}, which is false")
    return Verdict.right()


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > MAX_PAIRS_CHARS:
        return Verdict.unparsable(f"{_FORMAT}; found {len(answer)} characters")
    addends, result = data["addends"], data["result"]
    letters = set(data["solution"])
    text = answer.strip().strip("$").strip().rstrip(".").strip()
    if _EQUATION.fullmatch(text):
        mapping = _from_equation(text, [*addends, result])
    else:
        mapping = _from_pairs(text, letters)
    if isinstance(mapping, str):
        return Verdict.unparsable(mapping)
    missing = sorted(letters - set(mapping))
    if missing:
        return Verdict.wrong(f"no digit given for {', '.join(missing)}: every letter needs one")
    return _check(mapping, addends, result)


# -- audit hooks -----------------------------------------------------------------------------

def _render(mapping: dict[str, int], order: list[str], sep: str = ", ", link: str = "=") -> str:
    return sep.join(f"{letter}{link}{mapping[letter]}" for letter in order)


def _equation(data: dict[str, Any], mapping: dict[str, int]) -> str:
    values = [_value(word, mapping) for word in data["addends"]]
    return " + ".join(map(str, values)) + f" = {_value(data['result'], mapping)}"


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    solution = data["solution"]
    letters = sorted(solution)
    return [
        _render(solution, letters[::-1]),
        _render(solution, letters, "; ", ": "),
        _render(solution, letters, "\n", " = "),
        _render(solution, letters, " ", "="),
        _render(solution, letters, ", ", " -> "),
        "{" + ", ".join(f'"{letter}": {solution[letter]}' for letter in letters) + "}",
        _render(solution, letters).lower(),
        "\n".join(f"- {letter} = {solution[letter]}" for letter in letters),
        f"{reference}.",
        _equation(data, solution),
        _equation(data, solution).replace(" ", ""),
        f"${_equation(data, solution)}$",
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    solution = data["solution"]
    letters = sorted(solution)
    first, second = letters[0], letters[1]
    swapped = {**solution, first: solution[second], second: solution[first]}
    lead = data["result"][0]
    bumped = {**solution, lead: (solution[lead] + 1) % 10}
    misses = [
        _render(swapped, letters),  # two digits swapped: the sum no longer holds
        _equation(data, swapped),
        _render(solution, letters[:-1]),  # a letter missing
        _render(bumped, letters),  # one digit changed (also a repeated digit, most of the time)
        _render({**solution, first: solution[second]}, letters),  # two letters share a digit
        _render(solution, letters) + f", {first}={(solution[first] + 1) % 10}",  # a letter twice
        _render(solution, letters).replace(f"{first}={solution[first]}",
                                           f"{first}={solution[first]} or {first}={(solution[first] + 1) % 10}"),
        _render({letter: 0 for letter in letters}, letters),
        _render({letter: index for index, letter in enumerate(letters)}, letters),
        " + ".join(data["addends"]) + f" = {data['result']}",  # the puzzle copied back
        _equation(data, solution).replace(" = ", " = 1"),  # a result with a digit too many
    ]
    zero = next((letter for letter in letters if solution[letter] == 0), None)
    if zero is not None and zero != lead:
        # swap the zero into the result's leading letter: a number starting with 0
        misses.append(_render({**solution, lead: 0, zero: solution[lead]}, letters))
    return misses
