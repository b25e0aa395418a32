"""Cellular automaton: run an elementary 1-D rule or a Life-like 2-D rule for k steps.

Description:
    One-dimensional instances use an elementary rule (Wolfram number 0-255): each cell's next
    value is bit (4 * left + 2 * self + right) of the rule number; the prompt spells out the
    whole eight-line table. Two-dimensional instances use a Life-like rule in B/S notation
    (``B3/S23`` is Conway's Life) on the 8-cell Moore neighbourhood. The boundary is either fixed
    (cells beyond the edge are always 0) or wrapping (the row is a ring, the grid a torus); the
    prompt says which. Instances whose answer is all zeros, all ones, within a few cells of the start
    (fewer than max(2, cells / 8) changed), or equal to the state one step earlier (so the step
    count would not matter) are regenerated.
Difficulty:
    dimension: 1 (a row, levels 1-5) or 2 (a square grid, levels 6-10).
    size: the row width (8 to 20) or the grid side (5 to 10).
    steps: how many steps to simulate (1 to 6).
    wrap: wrap-around boundary instead of fixed zeros.
    random_rule: draw any rule (any of the 256 elementary rules; any birth set from 1-8 and
        survival set from 0-8) instead of a classic one (rules 30, 90, 110, 184, ...; Life,
        HighLife, Seeds, Day & Night, ...).
Prompt:
    The rule (with its table or its birth and survival counts), the boundary, the starting row
    or grid of 0s and 1s, and "What is the state after k steps?".
Answer format:
    The final row as digits 0/1 (``01101001``), or the final grid one row per line. Cells may be
    separated by spaces or commas; ``[[0,1],[1,0]]`` is read too.
Verification:
    Cell-by-cell equality with the state computed at generation. The answer is unique: the
    automaton is deterministic. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem
from bootcamps.verifiers.cellular_automaton import parse_life_rule, render, run

CLASSIC_ELEMENTARY = (18, 22, 30, 45, 54, 60, 73, 90, 102, 105, 110, 126, 150, 184)
CLASSIC_LIFE = ("B3/S23", "B36/S23", "B2/S", "B3678/S34678", "B1357/S1357", "B368/S245", "B34/S34",
                "B35678/S5678", "B36/S125", "B3/S012345678")
SIZE_BOUNDS = {1: (5, 64), 2: (3, 16)}
MAX_STEPS = 20
_MAX_ATTEMPTS = 200


def _rule(rng: random.Random, dimension: int, random_rule: bool) -> int | str:
    if dimension == 1:
        return rng.randrange(256) if random_rule else rng.choice(CLASSIC_ELEMENTARY)
    if not random_rule:
        return rng.choice(CLASSIC_LIFE)
    birth = "".join(str(n) for n in range(1, 9) if rng.random() < 0.3)
    survival = "".join(str(n) for n in range(9) if rng.random() < 0.4)
    return f"B{birth or rng.randint(1, 8)}/S{survival}"


def _elementary_text(rule: int, wrap: bool) -> str:
    table = ", ".join(f"{n >> 2 & 1}{n >> 1 & 1}{n & 1} -> {rule >> n & 1}" for n in range(7, -1, -1))
    boundary = ("The row wraps around: the leftmost cell's left neighbour is the rightmost cell and vice "
                "versa." if wrap else "Cells beyond either end of the row count as 0 at every step.")
    return (f"This is the elementary cellular automaton rule {rule}. At every step all cells update at "
            "once: a cell's new value depends on (left neighbour, itself, right neighbour), read as a "
            f"3-bit number n, and is bit n of {rule}. The full table (left, self, right -> new value) "
            f"is: {table}. {boundary}")


def _life_text(rule: str, wrap: bool) -> str:
    birth, survival = parse_life_rule(rule)
    births = ", ".join(map(str, sorted(birth))) or "no count"
    survivals = ", ".join(map(str, sorted(survival))) or "no count (every live cell dies)"
    boundary = ("The grid wraps around (a torus): the top row neighbours the bottom row and the leftmost "
                "column neighbours the rightmost column." if wrap else
                "Cells beyond the edges of the grid count as dead at every step.")
    return (f"This is the Life-like cellular automaton {rule}: 1 is a live cell and 0 a dead one. Every "
            "cell has eight neighbours (orthogonal and diagonal). At every step all cells update at once: "
            f"a dead cell becomes alive when its number of live neighbours is one of: {births}; a live "
            f"cell stays alive when its number of live neighbours is one of: {survivals}; every other "
            f"cell is dead after the step. {boundary}")


def _question(data: dict, shape: str) -> str:
    rows = data["initial"]
    intro = (_elementary_text(data["rule"], data["wrap"]) if data["dimension"] == 1
             else _life_text(data["rule"], data["wrap"]))
    steps = data["steps"]
    after = f"after {steps} step{'s' if steps > 1 else ''}"
    return (f"{intro}\n\nThe starting {shape}:\n\n" + "\n".join(rows) + f"\n\nWhat is the {shape} {after}? "
            + ("Answer with the row as a string of 0s and 1s." if data["dimension"] == 1 else
               "Answer with the grid, one row per line, each row a string of 0s and 1s."))


def _check(dimension: int, size: int, steps: int) -> None:
    if dimension not in SIZE_BOUNDS:
        raise InvalidParameterError(f"cellular_automaton: expected dimension 1 or 2, found {dimension}")
    low, high = SIZE_BOUNDS[dimension]
    if not low <= size <= high:
        raise InvalidParameterError(
            f"cellular_automaton: expected size between {low} and {high} for dimension {dimension}, found {size}")
    if not 1 <= steps <= MAX_STEPS:
        raise InvalidParameterError(f"cellular_automaton: expected steps between 1 and {MAX_STEPS}, found {steps}")


def _trivial(data: dict, final: list[str]) -> bool:
    cells = "".join(final)
    changed = sum(a != b for a, b in zip(cells, "".join(data["initial"]), strict=True))
    previous = render(run(data, data["steps"] - 1)).split("\n")
    return "1" not in cells or "0" not in cells or changed < max(2, len(cells) // 8) or final == previous


def generate(rng: random.Random, *, dimension: int, size: int, steps: int, wrap: bool,
             random_rule: bool) -> Problem:
    _check(dimension, size, steps)
    rows = 1 if dimension == 1 else size
    for _ in range(_MAX_ATTEMPTS):
        density = rng.uniform(0.3, 0.5)
        initial = ["".join("1" if rng.random() < density else "0" for _ in range(size)) for _ in range(rows)]
        data = {"dimension": dimension, "rule": _rule(rng, dimension, random_rule), "wrap": wrap,
                "steps": steps, "initial": initial}
        final = render(run(data, steps)).split("\n")
        if _trivial(data, final):
            continue
        data["final"] = final
        shape = "row" if dimension == 1 else "grid"
        return Problem(question=_question(data, shape), data=data, reference="\n".join(final))
    raise GenerationError(f"cellular_automaton: no non-trivial instance found in {_MAX_ATTEMPTS} attempts")
