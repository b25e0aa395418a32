"""Count islands: how many islands a land/water map holds, and how big each one is.

Description:
    A rows x cols map of land (#) and water (.) cells, each cell land with probability
    ``density``. An island is a maximal group of land cells joined through shared sides
    (4-connectivity) or, when ``diagonal`` is set, through shared sides or corners
    (8-connectivity). The answer is the number of islands and their sizes (cells per island) in
    descending order, so guessing a small count scores nothing. Every map has at least two
    islands, and the answer under the other connectivity differs, so the stated rule matters.
Difficulty:
    rows, cols: the map size (5x5 at level 1, 20x20 at level 10).
    density: the chance that a cell is land; near 0.45-0.55 islands grow large and winding.
    diagonal: 8-connectivity (corners join islands) instead of 4-connectivity.
Prompt:
    The connectivity rule, the map one row per line, then "Give the number of islands and the
    size of every island in descending order, as count: size, size, ...".
Answer format:
    ``4: 7, 5, 2, 1`` (the count, a colon, the sizes). Spaces instead of commas, brackets around
    the sizes, a semicolon or a line break after the count and the words "islands" / "sizes"
    are read too.
Verification:
    The stated count must equal the number of listed sizes and the true number of islands, and
    the sizes (as a multiset) must equal the true sizes, computed by flood fill at generation.
    No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem
from bootcamps.verifiers.count_islands import island_sizes

MIN_SIDE, MAX_SIDE = 3, 30
_MAX_ATTEMPTS = 200


def render_answer(sizes: list[int]) -> str:
    return f"{len(sizes)}: " + ", ".join(map(str, sizes))


def _question(rows: list[str], diagonal: bool) -> str:
    rule = ("Two land cells belong to the same island when they touch along a side or at a corner "
            "(8-connectivity: diagonal neighbours count)." if diagonal else
            "Two land cells belong to the same island when they share a side (4-connectivity: cells "
            "that touch only at a corner are not connected).")
    return (
        f"This is a map of {len(rows)} rows and {len(rows[0])} columns: # is land and . is water. "
        f"An island is a maximal group of connected land cells. {rule}\n\n" + "\n".join(rows) + "\n\n"
        "How many islands are there, and how many cells does each island have? Answer with the "
        "number of islands, a colon, then the size of every island in descending order separated "
        "by commas, for example 4: 7, 5, 2, 1"
    )


def _check(rows: int, cols: int, density: float) -> None:
    for name, value in (("rows", rows), ("cols", cols)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise InvalidParameterError(
                f"count_islands: expected {name} between {MIN_SIDE} and {MAX_SIDE}, found {value}")
    if not 0.1 <= density <= 0.7:
        raise InvalidParameterError(f"count_islands: expected density between 0.1 and 0.7, found {density}")


def generate(rng: random.Random, *, rows: int, cols: int, density: float, diagonal: bool) -> Problem:
    _check(rows, cols, density)
    for _ in range(_MAX_ATTEMPTS):
        grid = ["".join("#" if rng.random() < density else "." for _ in range(cols)) for _ in range(rows)]
        sizes = island_sizes(grid, diagonal)
        other = island_sizes(grid, not diagonal)
        if len(sizes) < 2 or sizes == other:
            continue  # too few islands, or the connectivity rule would not matter
        data = {"rows": grid, "diagonal": diagonal, "sizes": sizes}
        return Problem(question=_question(grid, diagonal), data=data, reference=render_answer(sizes))
    raise GenerationError(f"count_islands: expected a map with at least two islands whose answer depends on "
                          f"the connectivity rule, found none in {_MAX_ATTEMPTS} attempts (try a higher density)")
