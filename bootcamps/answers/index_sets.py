"""Parser for answers that pick items by their 1-based numbers: ``1, 4, 7``, ``[1, 4, 7]``, ``{1 4 7}``.

Shared by the families whose answer is a subset of numbered things (knapsack items, intervals).
Parsing only reads the numbers; ``index_problem`` then says what is wrong with a readable list
(a number out of range, a number listed twice), so a verifier can tell unparsable from wrong.
"""

from __future__ import annotations

import re

from bootcamps.answers.numbers import parse_int
from bootcamps.answers.text import split_items
from bootcamps.types import Verdict

_LABEL = re.compile(r"[A-Za-z][A-Za-z ]{0,30}:|(?:(?:the\s+)?(?:chosen|selected)\s+)?(?:items?|intervals?)\b",
                    re.IGNORECASE)  # "Items:", "Chosen intervals:", "items 1, 4 and 7"
_AND = re.compile(r"\s*(?:,\s*)?\band\b\s*", re.IGNORECASE)
_HASH = re.compile(r"#(?=\d)")


def parse_indices(text: str, max_items: int) -> list[int] | None:
    """The integers of a flat list, in order and with repeats kept, or None if it is not one.

    Accepts commas, semicolons or spaces between numbers, enclosing brackets or braces, a
    leading label ending in a colon (or the bare word ``items``/``intervals``), ``and`` before
    the last number and ``#`` before numbers.
    Anything else (words such as ``or``, ranges, nested lists) makes the text unparsable.
    """
    if not isinstance(text, str) or len(text) > 12 * max_items + 200:
        return None
    text = text.strip().removesuffix(".")
    label = _LABEL.match(text)
    if label is not None:
        text = text[label.end():]
    text = _HASH.sub("", _AND.sub(", ", text)).strip()
    items = split_items(text, max_items)
    if items is None:
        return None
    values = [parse_int(item) for item in items]
    if any(value is None for value in values):
        return None
    return values  # type: ignore[return-value]


def index_problem(indices: list[int], count: int, noun: str) -> str | None:
    """Why a list of 1-based numbers is not a set of distinct numbers in 1..count, or None."""
    seen: set[int] = set()
    for index in indices:
        if not 1 <= index <= count:
            return f"there is no {noun} {index}; the {noun}s are numbered 1 to {count}"
        if index in seen:
            return f"{noun} {index} is listed more than once; list each {noun} once"
        seen.add(index)
    return None



def chosen_indices(text: str, count: int, noun: str, expected: str) -> list[int] | Verdict:
    """The 0-based indices an answer picks among ``count`` numbered ``noun``s, or the verdict on an
    answer that is not a list of numbers (unparsable, saying ``expected``) or does not name
    distinct ones (wrong, saying why)."""
    indices = parse_indices(text, max_items=count + 5)
    if indices is None:
        return Verdict.unparsable(expected)
    problem = index_problem(indices, count, noun)
    if problem is not None:
        return Verdict.wrong(problem)
    return [i - 1 for i in indices]

def index_set_renderings(numbers: list[int], noun: str) -> list[str]:
    """Other ways models write a set of numbered ``noun``s, all of which ``parse_indices`` reads:
    for the ``equivalents`` audit hook."""
    listed = ", ".join(map(str, numbers))
    head, last = ", ".join(map(str, numbers[:-1])), numbers[-1]
    return [
        ", ".join(map(str, numbers[::-1])),
        f"[{listed}]",
        "{" + listed + "}",
        " ".join(map(str, numbers)),
        f"{noun.capitalize()}s: {listed}",
        f"{noun}s {head} and {last}",
        ", ".join(f"#{n}" for n in numbers),
        f"{head} and {last}",
        "; ".join(map(str, numbers)),
        f"{listed}.",
    ]
