"""Bitmask candidate sets shared by the exact solvers of the digit-grid puzzles.

A cell's candidates are a bitmask (bit d set when digit d + 1 is still possible); a unit is a
list of cells that must hold every digit of ``full`` exactly once (a row, a column, a box).
"""

from __future__ import annotations


def bits(mask: int) -> list[int]:
    """The single-bit masks of ``mask``, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low)
        mask ^= low
    return out


def place_hidden_singles(unit: list[int], cand: list[int], full: int) -> list[int] | None:
    """Narrow to its digit every cell of ``unit`` that is the last place left for a digit, in place.

    Returns the cells narrowed, in unit order, or None on a contradiction (a digit with no place
    left, or two digits that can only go in the same cell).
    """
    once = twice = 0
    for cell in unit:
        mask = cand[cell]
        twice |= once & mask
        once |= mask
    if once != full:
        return None
    hidden = once & ~twice
    if not hidden:
        return []
    narrowed = []
    for cell in unit:
        mask = cand[cell]
        if mask & hidden and mask & (mask - 1):
            bit = mask & hidden
            if bit & (bit - 1):
                return None  # two digits can only go in this one cell
            cand[cell] = bit
            narrowed.append(cell)
    return narrowed
