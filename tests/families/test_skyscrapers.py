"""Focused tests for skyscrapers-v1: uniqueness re-proved by brute force, clue rules checked."""

from itertools import permutations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("skyscrapers")


def seen(line) -> int:
    count = tallest = 0
    for h in line:
        if h > tallest:
            count, tallest = count + 1, h
    return count


def brute_force_solutions(data: dict, limit: int = 2) -> list[str]:
    """Solutions (up to ``limit``) by trying whole rows; shares no code with the family."""
    size, clues = data["size"], data["clues"]

    def row_ok(r: int, perm: tuple[int, ...]) -> bool:
        given = data["givens"][r]
        return (all(g == "." or int(g) == h for g, h in zip(given, perm, strict=True))
                and (not clues["left"][r] or seen(perm) == clues["left"][r])
                and (not clues["right"][r] or seen(perm[::-1]) == clues["right"][r]))

    options = [[p for p in permutations(range(1, size + 1)) if row_ok(r, p)] for r in range(size)]
    found: list[str] = []

    def search(rows: list[tuple[int, ...]]) -> None:
        if len(found) >= limit:
            return
        if len(rows) == size:
            for c in range(size):
                column = [row[c] for row in rows]
                if clues["top"][c] and seen(column) != clues["top"][c]:
                    return
                if clues["bottom"][c] and seen(column[::-1]) != clues["bottom"][c]:
                    return
            found.append("".join(str(h) for row in rows for h in row))
            return
        for perm in options[len(rows)]:
            if all(perm[c] != row[c] for row in rows for c in range(size)) and tops_ok([*rows, perm]):
                search([*rows, perm])

    def tops_ok(rows: list[tuple[int, ...]]) -> bool:
        """No top clue is exceeded by the buildings seen so far (a plain prefix check, for speed)."""
        return all(not clues["top"][c] or seen([row[c] for row in rows]) <= clues["top"][c] for c in range(size))

    search([])
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 25), (2, 25), (3, 15), (4, 15), (7, 2)])
def test_unique_solution_proved_independently(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        found = brute_force_solutions(instance.data)
        assert found == ["".join(instance.data["solution"])], f"level {level} seed {seed}: {len(found)}"
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_size_and_clues_follow_the_level(level):
    params = TASK.params(level)
    data = TASK.generate(level, level).data
    size = params["size"]
    assert data["size"] == size and len(data["givens"]) == size
    assert sum(1 for side in data["clues"].values() for v in side if v) == params["clues"]
    for given, solved in zip(data["givens"], data["solution"], strict=True):
        assert all(g in (".", s) for g, s in zip(given, solved, strict=True))


def test_levels_get_harder():
    assert [TASK.params(level)["size"] for level in range(1, 11)] == [4, 4, 5, 5, 6, 6, 6, 7, 7, 7]
    fraction = [TASK.params(level)["clues"] / (4 * TASK.params(level)["size"]) for level in (1, 10)]
    assert fraction[1] < fraction[0]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, clues=17)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, size=8)


# a hand-written 4x4 puzzle with every clue shown: its unique solution is 2143 / 3412 / 4321 / 1234
HAND = {
    "size": 4,
    "clues": {"top": [3, 2, 1, 2], "bottom": [2, 3, 2, 1], "left": [2, 2, 1, 4], "right": [2, 2, 4, 1]},
    "givens": ["....", "....", "....", "...."],
    "solution": ["2143", "3412", "4321", "1234"],
}


def test_hand_written_instance():
    assert brute_force_solutions(HAND, 3) == ["2143341243211234"]
    for answer in ["2 1 4 3\n3 4 1 2\n4 3 2 1\n1 2 3 4", "2143\n3412\n4321\n1234",
                   "[[2,1,4,3],[3,4,1,2],[4,3,2,1],[1,2,3,4]]", "2143341243211234"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "2 1 4 3\n3 4 1 2\n4 3 2 1\n1 2 4 3": (Status.WRONG, "column 3 repeats"),
        "3 4 1 2\n2 1 4 3\n4 3 2 1\n1 2 3 4": (Status.WRONG, "visible from the top of column 1"),  # rows swapped
        "1 2 3 4\n2 1 4 3\n3 4 1 2\n4 3 2 1": (Status.WRONG, "visible"),  # another Latin square
        "2 1 4 3\n3 4 1 2\n4 3 2 1": (Status.UNPARSABLE, "4 lines"),
        "2 1 4 3\n3 4 1 2\n4 3 2 1\n1 2 3 5": (Status.UNPARSABLE, "height"),
        "1111\n1111\n1111\n1111": (Status.WRONG, ""),
        "....\n....\n....\n....": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)
    with_given = dict(HAND, givens=["....", "..1.", "....", "...."])
    assert TASK.verify(with_given, "2143\n3412\n4321\n1234").correct
    data = dict(with_given, clues={side: [0] * 4 for side in HAND["clues"]})
    verdict = TASK.verify(data, "1 2 3 4\n3 4 2 1\n4 3 1 2\n2 1 4 3")
    assert verdict.status is Status.WRONG and "given height 1" in verdict.reason


def test_clue_rendering_matches_the_data():
    instance = TASK.generate(3, 4)
    clues = instance.data["clues"]
    listed = "Top (columns 1 to 5, looking down): " + ", ".join(str(v) if v else "-" for v in clues["top"])
    assert listed in instance.prompt
