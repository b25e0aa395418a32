"""Verifier for count_islands: the stated island count and island sizes match the map's islands."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_FORMAT = "expected the number of islands, a colon, then every island's size, e.g. 4: 7, 5, 2, 1"
_TOKEN = re.compile(r"[0-9]+|[a-z]+|\S")
_WORDS = frozenset({"islands", "island", "sizes", "size", "count", "cells", "cell", "of", "the", "are",
                    "is", "and", "with", "total", "number", "there"})
_PUNCTUATION = frozenset(":;,|=[](){}")
_MAX_DIGITS = 6

_SIDE_STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1))
_ALL_STEPS = _SIDE_STEPS + ((-1, -1), (-1, 1), (1, -1), (1, 1))


def island_sizes(rows: list[str], diagonal: bool) -> list[int]:
    """Sizes of the islands of '#' cells, largest first (iterative flood fill)."""
    height, width = len(rows), len(rows[0])
    steps = _ALL_STEPS if diagonal else _SIDE_STEPS
    seen = [[False] * width for _ in range(height)]
    sizes = []
    for r in range(height):
        for c in range(width):
            if rows[r][c] != "#" or seen[r][c]:
                continue
            seen[r][c] = True
            stack, size = [(r, c)], 0
            while stack:
                y, x = stack.pop()
                size += 1
                for dy, dx in steps:
                    yy, xx = y + dy, x + dx
                    if 0 <= yy < height and 0 <= xx < width and not seen[yy][xx] and rows[yy][xx] == "#":
                        seen[yy][xx] = True
                        stack.append((yy, xx))
            sizes.append(size)
    return sorted(sizes, reverse=True)


def parse_answer(answer: str, max_chars: int) -> tuple[int, list[int]] | str:
    """(count, sizes) from the answer, or why it cannot be read."""
    if not isinstance(answer, str) or len(answer) > max_chars:
        return f"the answer is too long; {_FORMAT}"
    text = answer.casefold().strip().rstrip(".")
    numbers = []
    for token in _TOKEN.findall(text):
        if token.isdigit():
            if len(token) > _MAX_DIGITS:
                return f"a number is far too large; {_FORMAT}"
            numbers.append(int(token))
        elif token not in _WORDS and token not in _PUNCTUATION:
            shown = token if len(token) <= 12 else token[:12] + "..."
            return f"unexpected {shown!r} in the answer; {_FORMAT}"
    if len(numbers) < 2:
        return _FORMAT
    return numbers[0], numbers[1:]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    rows = data["rows"]
    parsed = parse_answer(answer, 8 * len(rows) * len(rows[0]) + 200)
    if isinstance(parsed, str):
        return Verdict.unparsable(parsed)
    count, sizes = parsed
    if count != len(sizes):
        return Verdict.wrong(f"the answer states {count} islands but lists {len(sizes)} sizes")
    truth = data["sizes"]
    if count != len(truth):
        return Verdict.wrong(f"the number of islands is not {count}")
    if sorted(sizes, reverse=True) != truth:
        return Verdict.wrong("the number of islands is right but the island sizes are wrong")
    return Verdict.right()


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    sizes = data["sizes"]
    n = len(sizes)
    listed = ", ".join(map(str, sizes))
    return [
        f"{n}; " + " ".join(map(str, sizes)),
        f"{n} islands: [{listed}]",
        f"{n}\n" + "\n".join(map(str, sizes)),
        f"{n}: " + ", ".join(map(str, sizes[::-1])),  # ascending: the sizes are a multiset
        f"Count: {n}, sizes: {listed}.",
        f"  {reference}  ",
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    sizes = data["sizes"]
    n = len(sizes)

    def render(values: list[int], count: int | None = None) -> str:
        return f"{len(values) if count is None else count}: " + ", ".join(map(str, values))

    misses = [
        render(sizes, n + 1),  # count off by one, sizes right
        render([sizes[0] + 1, *sizes[1:]]),  # largest island one cell too big
        render(sizes[:-1]),  # smallest island missed
        render([*sizes, 1]),  # an extra single-cell island
        render(island_sizes(data["rows"], not data["diagonal"])),  # the other connectivity rule
        str(n),  # the count alone
        ", ".join(map(str, sizes)),  # the sizes alone
        "\n".join(data["rows"]),  # the map copied back
        f"{reference} or {render(sizes[:-1])}",
    ]
    return [miss for miss in misses if miss.strip() != reference.strip()]
