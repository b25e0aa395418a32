"""Verifier for seating_arrangement: everyone seated once and every condition met."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.generators.seating_arrangement import holds, render
from bootcamps.types import Verdict

_MAX_CHARS_PER_PERSON = 40
_NOISE = str.maketrans("", "", "*`\"'")
_SEPARATORS = re.compile(r"\s*(?:[,;|\n]|->|\u2192)\s*")
_ITEM = re.compile(r"(?:(?:seat\s*)?(\d{1,3})\s*[:.)=\-]\s*)?([^\W\d_]+)", re.IGNORECASE)
_FORMAT = "expected the names in seat order from seat 1, separated by commas"


def _items(text: str) -> list[str]:
    text = text.translate(_NOISE).strip().rstrip(".").strip()
    while len(text) >= 2 and text[0] + text[-1] in ("()", "[]", "{}"):
        text = text[1:-1].strip()
    items = [item for item in _SEPARATORS.split(text) if item]
    if len(items) == 1:
        items = text.split()
    return [re.sub(r"^(?:[-\u2022]\s+)", "", item) for item in items]


def parse_seating(text: str, names: list[str]) -> list[int] | str:
    """The person index in each seat (seat 1 first), or a reason why the text has not that form."""
    canonical = {name.casefold(): i for i, name in enumerate(names)}
    matches = [_ITEM.fullmatch(item) for item in _items(text)]
    if not matches or any(m is None for m in matches):
        return _FORMAT
    numbered = [m.group(1) is not None for m in matches]  # type: ignore[union-attr]
    if any(numbered) and not all(numbered):
        return "number every seat or none"
    people = []
    for m in matches:
        person = canonical.get(m.group(2).casefold())  # type: ignore[union-attr]
        if person is None:
            return f"{m.group(2)!r} is not one of the people"  # type: ignore[union-attr]
        people.append(person)
    if not all(numbered):
        return people
    seats = [int(m.group(1)) for m in matches]  # type: ignore[union-attr]
    if sorted(seats) != list(range(1, len(seats) + 1)):
        return "the seat numbers must be 1, 2, ... once each"
    return [person for _, person in sorted(zip(seats, people, strict=True))]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    names = data["names"]
    n = len(names)
    if len(answer) > _MAX_CHARS_PER_PERSON * n + 200:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    order = parse_seating(answer, names)
    if isinstance(order, str):
        return Verdict.unparsable(order)
    if len(set(order)) < len(order):
        twice = next(names[p] for p in order if order.count(p) > 1)
        return Verdict.wrong(f"{twice} is seated more than once")
    if len(order) != n:
        missing = [names[p] for p in range(n) if p not in order]
        return Verdict.wrong(f"expected {n} people, found {len(order)}; missing {', '.join(missing)}")
    seat_of = [0] * n
    for seat, person in enumerate(order):
        seat_of[person] = seat
    round_table = data["table"] == "round"
    for index, condition in enumerate(data["conditions"], start=1):
        if not holds(condition, seat_of, n, round_table):
            return Verdict.wrong(f"condition {index} is broken: {render(condition, names)}")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _order(data: dict[str, Any], reference: str) -> list[str]:
    return [name.strip() for name in reference.split(",")]


def _others(data: dict[str, Any], order: list[str]) -> list[list[str]]:
    """Other valid seatings: rotations and the mirror image, when they meet every condition."""
    n = len(order)
    candidates = [order[k:] + order[:k] for k in range(1, n)] + [order[::-1]]
    return [c for c in candidates if verify(data, ", ".join(c)).correct]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    order = _order(data, reference)
    pairs = list(enumerate(order, start=1))
    forms = [
        "; ".join(order),
        "\n".join(order),
        " ".join(order),
        "[" + ", ".join(order) + "]",
        " -> ".join(order),
        ", ".join(name.upper() for name in order),
        ", ".join(f"{seat}: {name}" for seat, name in pairs),
        "\n".join(f"Seat {seat}: {name}" for seat, name in reversed(pairs)),
        "\n".join(f"{seat}. {name}" for seat, name in pairs),
        f"{reference}.",
    ]
    return forms + [", ".join(other) for other in _others(data, order)[:2]]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    order = _order(data, reference)
    n = len(order)
    misses = [", ".join(order[:i] + [order[i + 1], order[i]] + order[i + 2:]) for i in range(min(3, n - 1))]
    misses += [
        ", ".join(order[1:] + order[:1]),  # rotated by one seat
        ", ".join(order[::-1]),  # mirrored
        ", ".join(sorted(order)),  # the names as listed in the question
        ", ".join(order[:-1]),  # someone missing
        ", ".join([*order[:-1], order[0]]),  # someone twice
        ", ".join([*order, "Xavier"]),  # a stranger
        reference.replace(order[0], f"{order[0]} or {order[1]}", 1),  # a hedge
        ", ".join(f"{seat}: {name}" for seat, name in enumerate(order, start=2)),  # seats from 2
    ]
    return [miss for miss in misses if not verify(data, miss).correct]  # several seatings may be valid
