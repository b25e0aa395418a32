"""Tower of Hanoi: move the disks from a given arrangement to a target one in the fewest moves.

Description:
    n disks of sizes 1 (smallest) to n (largest) sit on three pegs A, B and C, never a larger
    disk on a smaller one. The start is a random legal arrangement (every disk on a random peg);
    the target is either a complete tower on one named peg or another random arrangement. The
    exact optimum is computed at generation (instances closer than n moves are redrawn): moving to a complete tower follows the classic
    recursion (the largest disk that is off the target peg moves exactly once, after the smaller
    disks are gathered on the spare peg), which gives the unique shortest plan; between two
    arbitrary arrangements the largest disk that differs moves either once (via the spare peg
    for the smaller ones) or twice (through the third peg), and the shorter of the two plans is
    optimal. Both facts are checked against breadth-first search over all 3^n arrangements in
    the family's tests.
Difficulty:
    disks: the number of disks (3 at level 1, 10 at level 10); optimal plans grow up to
        2^n - 1 = 1023 moves.
    target: "tower" (all disks on one peg) or "arrangement" (any legal arrangement, from
        level 3 on alternately, and always from level 6).
Prompt:
    The pegs' contents from bottom to top at the start and in the target, the rules (one top
    disk at a time, never on a smaller disk) and "Find a shortest sequence of moves".
Answer format:
    One move per line (or moves separated by commas), each written FROM->TO with the peg
    letters, e.g. ``A->C``; ``A C``, ``A to C``, ``1->3`` (pegs numbered 1, 2, 3), lower case and
    ``move disk 2 from A to C`` are read too.
Verification:
    The moves are simulated from the start: each must take the top disk of a non-empty peg
    (and, when the disk is named, that must be the top disk) and put it on an empty peg or on a
    larger disk. The final arrangement must equal the target and the number of moves must equal
    the optimum stored at generation; a longer legal plan is rejected as not shortest. Any
    optimal plan is accepted. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

PEGS = "ABC"
MIN_DISKS, MAX_DISKS = 3, 10
TARGETS = ("tower", "arrangement")
_MAX_ATTEMPTS = 100

Move = tuple[int, int]


def gather_moves(config: list[int], count: int, peg: int) -> list[Move]:
    """The unique shortest plan stacking disks 0..count-1 of ``config`` on ``peg`` (updates config)."""
    moves: list[Move] = []

    def gather(k: int, goal: int) -> None:
        if k == 0:
            return
        source = config[k - 1]
        if source == goal:
            gather(k - 1, goal)
            return
        gather(k - 1, 3 - source - goal)
        moves.append((source, goal))
        config[k - 1] = goal
        gather(k - 1, goal)

    gather(count, peg)
    return moves


def _into(target: list[int], count: int, peg: int) -> list[Move]:
    """The shortest plan from a tower of disks 0..count-1 on ``peg`` to ``target``'s arrangement."""
    backwards = gather_moves(list(target), count, peg)
    return [(b, a) for a, b in reversed(backwards)]


def plans(start: list[int], target: list[int]) -> list[list[Move]]:
    """The two candidate plans (largest differing disk moving once, or twice); the shorter is optimal."""
    differing = [disk for disk in range(len(start)) if start[disk] != target[disk]]
    if not differing:
        return [[]]
    m = differing[-1]
    s, t = start[m], target[m]
    r = 3 - s - t
    once = gather_moves(list(start), m, r) + [(s, t)] + _into(target, m, r)
    twice = (gather_moves(list(start), m, t) + [(s, r)] + gather_moves([t] * m, m, s) + [(r, t)]
             + _into(target, m, s))
    return [once, twice]


def optimal_plan(start: list[int], target: list[int]) -> list[Move]:
    """A shortest plan from ``start`` to ``target`` (the one-move plan when both are as short)."""
    return min(plans(start, target), key=len)


def describe(config: list[int]) -> list[str]:
    """One line per peg: its disks from bottom to top."""
    lines = []
    for peg, name in enumerate(PEGS):
        disks = [str(disk + 1) for disk in range(len(config) - 1, -1, -1) if config[disk] == peg]
        lines.append(f"Peg {name}: " + (", ".join(disks) if disks else "(empty)"))
    return lines


def render(moves: list[Move]) -> str:
    return "\n".join(f"{PEGS[a]}->{PEGS[b]}" for a, b in moves)


def _question(disks: int, start: list[int], target: list[int]) -> str:
    return (
        f"Tower of Hanoi with three pegs A, B and C and {disks} disks numbered 1 (smallest) to "
        f"{disks} (largest). Each line lists a peg's disks from bottom to top.\n\nStart:\n"
        + "\n".join(describe(start)) + "\n\nTarget:\n" + "\n".join(describe(target)) + "\n\n"
        "A move takes the top disk of one peg and puts it on another peg; a disk may never be put "
        "on a smaller disk. Find a shortest sequence of moves (the fewest moves possible) that "
        "turns the start into the target. Answer with one move per line, written FROM->TO with "
        "the peg letters, e.g. A->C means: move the top disk of peg A onto peg C."
    )


def generate(rng: random.Random, *, disks: int, target: str) -> Problem:
    if not MIN_DISKS <= disks <= MAX_DISKS:
        raise InvalidParameterError(
            f"tower_of_hanoi: expected disks between {MIN_DISKS} and {MAX_DISKS}, found {disks}")
    if target not in TARGETS:
        raise InvalidParameterError(f"tower_of_hanoi: expected target in {list(TARGETS)}, found {target!r}")
    for _ in range(_MAX_ATTEMPTS):
        start = [rng.randrange(3) for _ in range(disks)]
        goal = [rng.randrange(3)] * disks if target == "tower" else [rng.randrange(3) for _ in range(disks)]
        if start == goal:
            continue
        moves = optimal_plan(start, goal)
        if len(moves) < disks:
            continue  # nearly solved already: too easy to be worth posing
        data = {"disks": disks, "start": "".join(PEGS[p] for p in start),
                "target": "".join(PEGS[p] for p in goal), "optimum": len(moves)}
        return Problem(question=_question(disks, start, goal), data=data, reference=render(moves))
    raise GenerationError(f"tower_of_hanoi: no target at least {disks} moves away in {_MAX_ATTEMPTS} attempts")
