"""Focused tests for n_queens-v1: solvability re-proved by brute force, any completion accepted, rules checked."""

from itertools import permutations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("n_queens")


def brute_force_completions(size: int, givens: list[list[int]]) -> list[tuple[int, ...]]:
    """Every solution (1-based column per row) that keeps the givens; shares no code with the family."""
    fixed = {r: c for r, c in givens}
    found = []
    for cols in permutations(range(1, size + 1)):
        if any(cols[r - 1] != c for r, c in fixed.items()):
            continue
        if len({r + c for r, c in enumerate(cols)}) == size and len({r - c for r, c in enumerate(cols)}) == size:
            found.append(cols)
    return found


def board(size: int, cols: tuple[int, ...]) -> str:
    return "\n".join("".join("Q" if c == col else "." for c in range(1, size + 1)) for col in cols)


@pytest.mark.parametrize(("level", "seeds"), [(1, 30), (2, 30), (3, 20), (4, 10), (5, 10)])
def test_solvable_and_every_completion_accepted(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        size, givens = instance.data["size"], instance.data["givens"]
        solutions = brute_force_completions(size, givens)
        assert solutions, f"level {level} seed {seed}: no completion"
        reference_cols = tuple(row.index("Q") + 1 for row in instance.reference.splitlines())
        assert reference_cols in solutions
        for cols in solutions:  # any valid completion, not only the reference
            assert TASK.verify(instance.data, board(size, cols)).correct


def test_levels_set_size_and_givens():
    for level in range(1, 11):
        params = TASK.params(level)
        for seed in range(3):
            data = TASK.generate(seed, level).data
            assert data["size"] == params["size"] and len(data["givens"]) == params["givens"]
            assert all(data["solution"][r - 1][c - 1] == "Q" for r, c in data["givens"])
    sizes = [TASK.params(level)["size"] for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] == 5 and sizes[-1] == 14
    assert TASK.params(10)["givens"] < TASK.params(4)["givens"]


def test_large_boards_are_valid_and_random():
    tops = set()
    for seed in range(10):
        instance = TASK.generate(seed, 10)
        assert TASK.verify(instance.data, instance.reference).correct
        tops.add(instance.reference.splitlines()[0])
    assert len(tops) > 4


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, givens=8)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, size=15)


# 6x6 with the queen of row 1 in column 2: exactly one completion, 2 4 6 1 3 5 (1-based)
HAND = {"size": 6, "givens": [[1, 2]], "solution": [".Q....", "...Q..", ".....Q", "Q.....", "..Q...", "....Q."]}


def test_hand_written_instance():
    assert brute_force_completions(6, HAND["givens"]) == [(2, 4, 6, 1, 3, 5)]
    right = [
        ".Q....\n...Q..\n.....Q\nQ.....\n..Q...\n....Q.",
        ". Q . . . .\n. . . Q . .\n. . . . . Q\nQ . . . . .\n. . Q . . .\n. . . . Q .",
        "(1, 2), (2, 4), (3, 6), (4, 1), (5, 3), (6, 5)",
        "[[6, 5], [5, 3], [4, 1], [3, 6], [2, 4], [1, 2]]",
        "r1c2 r2c4 r3c6 r4c1 r5c3 r6c5",
    ]
    for answer in right:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        # the other 6-queens solution family: valid, but the given queen moved
        "..Q...\n.....Q\n.Q....\n....Q.\nQ.....\n...Q..": (Status.WRONG, "given queen"),
        ".Q....\n...Q..\n.....Q\nQ.....\n....Q.\n..Q...": (Status.WRONG, "diagonal"),
        ".Q....\n...Q..\n.....Q\nQ.....\n..Q...\n......": (Status.WRONG, "expected 6 queens"),
        ".Q....\n......\n......\n......\n......\n......": (Status.WRONG, "expected 6 queens"),
        ".Q....\n...Q..\n.....Q\nQ.....\n..Q...\n.Q....": (Status.WRONG, "column"),
        "(1, 2), (2, 4), (3, 6), (4, 1), (5, 3), (6, 5), (1, 2)": (Status.WRONG, "more than once"),
        "(1, 2), (2, 4), (3, 6), (4, 1), (5, 3), (7, 5)": (Status.WRONG, "off the board"),
        "QQQQQQ\nQQQQQQ\nQQQQQQ\nQQQQQQ\nQQQQQQ\nQQQQQQ": (Status.WRONG, ""),
        ".Q....\n...Q..\n.....Q\nQ.....\n..Q...": (Status.UNPARSABLE, ""),
        "(1, 2) or (1, 3)": (Status.UNPARSABLE, ""),
        "2 4 6 1 3 5": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_scored_inside_answer_tags():
    instance = TASK.generate(4, 6)
    assert TASK.score(instance, f"<answer>\n{instance.reference}\n</answer>").correct
    assert not TASK.score(instance, "<answer>\n" + "\n".join(instance.prompt.splitlines()[2:2 + 9]) + "\n</answer>").correct
