"""Verifier for tower_of_hanoi: legal moves, simulated from the start, reach the target in the optimal number."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.moves import split_steps
from bootcamps.types import Verdict

PEGS = "ABC"
_FORMAT = "expected one move per line written FROM->TO with peg letters, e.g. A->C"
_MOVE = re.compile(
    r"(?:move\s+)?(?:(?:the\s+)?disk\s+(\d{1,3})\s+)?(?:from\s+)?(?:peg\s+)?([abc123])\s*"
    r"(?:->|-+>|=>|\u2192|\u27f6|to|-|)\s*(?:peg\s+)?([abc123])", re.IGNORECASE)
_PEG_INDEX = {"a": 0, "b": 1, "c": 2, "A": 0, "B": 1, "C": 2, "1": 0, "2": 1, "3": 2}


def parse_moves(answer: str, disks: int) -> list[tuple[int | None, int, int]] | str:
    """(named disk or None, from peg, to peg) per move, or why the answer cannot be read."""
    steps = split_steps(answer, max_steps=(1 << disks) + 64, max_chars=40 * ((1 << disks) + 64))
    if steps is None:
        return f"the answer is too long to be a shortest plan; {_FORMAT}"
    moves = []
    for index, step in enumerate(steps, start=1):
        if len(step) == 4 and step[1:3] == "->" and step[0] in _PEG_INDEX and step[3] in _PEG_INDEX:
            moves.append((None, _PEG_INDEX[step[0]], _PEG_INDEX[step[3]]))  # the usual form, read fast
            continue
        match = _MOVE.fullmatch(step)
        if match is None:
            return f"move {index} ({step[:30]!r}) is not a move; {_FORMAT}"
        disk = int(match[1]) if match[1] else None
        moves.append((disk, _PEG_INDEX[match[2].lower()], _PEG_INDEX[match[3].lower()]))
    return moves


def simulate(data: dict[str, Any], moves: list[tuple[int | None, int, int]]) -> list[list[int]] | str:
    """The pegs' stacks (bottom to top, disk sizes) after the moves, or the first rule broken."""
    disks = data["disks"]
    stacks: list[list[int]] = [[], [], []]
    for size in range(disks, 0, -1):
        stacks[PEGS.index(data["start"][size - 1])].append(size)
    for index, (disk, a, b) in enumerate(moves, start=1):
        label = f"move {index} ({PEGS[a]}->{PEGS[b]})"
        if a == b:
            return f"{label} puts a disk back on the peg it came from"
        if not stacks[a]:
            return f"{label} takes a disk from peg {PEGS[a]}, which is empty"
        top = stacks[a][-1]
        if disk is not None and disk != top:
            return f"{label} names disk {disk}, but the top disk of peg {PEGS[a]} is disk {top}"
        if stacks[b] and stacks[b][-1] < top:
            return f"{label} puts disk {top} on the smaller disk {stacks[b][-1]}"
        stacks[b].append(stacks[a].pop())
    return stacks


def verify(data: dict[str, Any], answer: str) -> Verdict:
    moves = parse_moves(answer, data["disks"])
    if isinstance(moves, str):
        return Verdict.unparsable(moves)
    stacks = simulate(data, moves)
    if isinstance(stacks, str):
        return Verdict.wrong(stacks)
    final = ["" for _ in range(data["disks"])]
    for peg, stack in enumerate(stacks):
        for size in stack:
            final[size - 1] = PEGS[peg]
    if "".join(final) != data["target"]:
        return Verdict.wrong(f"after these {len(moves)} moves the disks are not in the target arrangement")
    if len(moves) != data["optimum"]:
        return Verdict.wrong(f"the moves are legal and reach the target, but {len(moves)} moves is not the "
                             "shortest: a shorter sequence exists")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _moves(reference: str) -> list[tuple[str, str]]:
    return [(line[0], line[-1]) for line in reference.splitlines()]


def _render(moves: list[tuple[str, str]], template: str = "{}->{}", sep: str = "\n") -> str:
    return sep.join(template.format(a, b) for a, b in moves)


def _tied_plan(data: dict[str, Any], reference: str) -> str | None:
    """The other optimal plan when the once- and twice-moving plans are equally short."""
    from bootcamps.generators.tower_of_hanoi import plans, render

    start = [PEGS.index(p) for p in data["start"]]
    target = [PEGS.index(p) for p in data["target"]]
    for plan in plans(start, target):
        text = render(plan)
        if len(plan) == data["optimum"] and text != reference:
            return text
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    moves = _moves(reference)
    digits = [(str(PEGS.index(a) + 1), str(PEGS.index(b) + 1)) for a, b in moves]
    forms = [
        _render(moves, "{} {}"),
        _render(moves, "{}->{}", ", "),
        _render(moves, "{} to {}").lower(),
        _render(digits, "{}->{}"),
        _render(moves, "{} \u2192 {}"),
        "\n".join(f"{i}. {a}->{b}" for i, (a, b) in enumerate(moves, start=1)),
        _render(moves, "move from {} to {}"),
        f"[{_render(moves, '{}->{}', ', ')}]",
    ]
    tied = _tied_plan(data, reference)
    if tied is not None:
        forms.append(tied)
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    moves = _moves(reference)
    smallest = data["start"][0]
    spare = next(p for p in PEGS if p != smallest)
    detour = [(smallest, spare), (spare, smallest), *moves]  # legal, reaches the target, two moves too many
    misses = [
        _render(moves[:-1]),
        _render(moves[1:]),
        _render([(b, a) for a, b in moves]),
        _render(moves[::-1]),
        _render(detour),
        _render([*moves, moves[-1][::-1], moves[-1]]),
        f"{_render(moves, sep=', ')} or {_render(moves[:-1], sep=', ')}",
        str(data["optimum"]),
        data["target"],
        "\n".join(line for line in reference.splitlines()[:1] * 2),
    ]
    if len(moves) >= 2:
        misses.append(_render([moves[1], moves[0], *moves[2:]]))
    return [miss for miss in misses if not verify(data, miss).correct]
