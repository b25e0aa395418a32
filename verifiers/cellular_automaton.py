"""Verifier for cellular_automaton: the answered row or grid equals the automaton's state after k steps."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.char_grid import parse_cell_grid
from bootcamps.types import Verdict

Grid = list[list[int]]
_BRACKETS_TO_SPACES = str.maketrans("[](){}", "      ")


def parse_life_rule(rule: str) -> tuple[frozenset[int], frozenset[int]]:
    """The birth and survival counts of a rule written ``B3/S23``."""
    birth, survival = rule.split("/")
    return frozenset(int(ch) for ch in birth[1:]), frozenset(int(ch) for ch in survival[1:])


def elementary_step(row: list[int], rule: int, wrap: bool) -> list[int]:
    """One step of an elementary (Wolfram-numbered) rule; outside a fixed boundary cells are 0."""
    width = len(row)
    padded = [row[-1] if wrap else 0, *row, row[0] if wrap else 0]
    return [rule >> (4 * padded[i] + 2 * padded[i + 1] + padded[i + 2]) & 1 for i in range(width)]


def life_step(grid: Grid, birth: frozenset[int], survival: frozenset[int], wrap: bool) -> Grid:
    """One step of a Life-like rule on the Moore neighbourhood; outside a fixed boundary cells are dead."""
    height, width = len(grid), len(grid[0])
    result = []
    for r in range(height):
        new_row = []
        for c in range(width):
            alive = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr == dc == 0:
                        continue
                    rr, cc = r + dr, c + dc
                    if wrap:
                        alive += grid[rr % height][cc % width]
                    elif 0 <= rr < height and 0 <= cc < width:
                        alive += grid[rr][cc]
            new_row.append(1 if alive in (survival if grid[r][c] else birth) else 0)
        result.append(new_row)
    return result


def run(data: dict[str, Any], steps: int, wrap: bool | None = None) -> Grid:
    """The state (as rows of 0/1) after ``steps`` steps from the initial state."""
    wrap = data["wrap"] if wrap is None else wrap
    grid = [[int(ch) for ch in row] for row in data["initial"]]
    if data["dimension"] == 1:
        row = grid[0]
        for _ in range(steps):
            row = elementary_step(row, data["rule"], wrap)
        return [row]
    birth, survival = parse_life_rule(data["rule"])
    for _ in range(steps):
        grid = life_step(grid, birth, survival, wrap)
    return grid


def render(grid: Grid) -> str:
    return "\n".join("".join(map(str, row)) for row in grid)


def _expected(data: dict[str, Any]) -> str:
    rows, cols = len(data["final"]), len(data["final"][0])
    if rows == 1:
        return f"expected the final row as {cols} digits 0 or 1, e.g. {'01' * (cols // 2)}{'0' * (cols % 2)}"
    return f"expected the final grid as {rows} lines of {cols} digits 0 or 1, one line per row"


def verify(data: dict[str, Any], answer: str) -> Verdict:
    final = data["final"]
    rows, cols = len(final), len(final[0])
    if not isinstance(answer, str) or len(answer) > 8 * rows * cols + 200:
        return Verdict.unparsable(f"the answer is too long; {_expected(data)}")
    grid = parse_cell_grid(answer.translate(_BRACKETS_TO_SPACES), rows, cols)
    if grid is None:
        return Verdict.unparsable(_expected(data))
    if any(cell not in ("0", "1") for row in grid for cell in row):
        return Verdict.unparsable(f"every cell must be 0 or 1; {_expected(data)}")
    wrong = sum(cell != want for row, truth in zip(grid, final, strict=True)
                for cell, want in zip(row, truth, strict=True))
    if wrong:
        return Verdict.wrong(f"{wrong} of the {rows * cols} cells are wrong after {data['steps']} steps")
    return Verdict.right()


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    final = data["final"]
    forms = ["\n".join(" ".join(row) for row in final),
             "\n".join(", ".join(row) for row in final),
             "[" + ", ".join("[" + ", ".join(row) + "]" for row in final) + "]",
             f"\n{reference}\n\n"]
    if len(final) > 1:
        forms.append("\n\n".join(final))
        forms.append("".join(final))  # every cell on one line, row-major
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    steps = data["steps"]
    final = [[int(ch) for ch in row] for row in data["final"]]
    flipped = [row[:] for row in final]
    flipped[0][0] ^= 1
    zeros = [[0] * len(row) for row in final]
    misses = [
        render(run(data, steps - 1)),  # one step short (the initial state when k = 1)
        render(run(data, steps + 1)),  # one step too many
        render(run(data, steps, not data["wrap"])),  # the other boundary rule
        render(flipped),  # one cell wrong
        render(zeros),
        "\n".join(data["initial"]),  # the input copied back
        f"{reference} or {render(flipped)}",
    ]
    if len(final) > 1:
        misses.append(render([list(col) for col in zip(*final, strict=True)]))  # transposed
    return [miss for miss in misses if miss != reference]
