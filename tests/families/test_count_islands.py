"""Focused tests for count_islands-v1: sizes checked by an independent union-find, answers parsed leniently."""

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("count_islands")


def union_find_sizes(rows: list[str], diagonal: bool) -> list[int]:
    """Island sizes by union-find over land cells; shares no code with the family."""
    cells = {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == "#"}
    parent = {cell: cell for cell in cells}

    def root(cell):
        while parent[cell] != cell:
            cell = parent[cell]
        return cell

    offsets = [(0, 1), (1, 0)] + ([(1, 1), (1, -1)] if diagonal else [])
    for r, c in cells:
        for dr, dc in offsets:
            if (r + dr, c + dc) in cells:
                parent[root((r, c))] = root((r + dr, c + dc))
    counts: dict = {}
    for cell in cells:
        counts[root(cell)] = counts.get(root(cell), 0) + 1
    return sorted(counts.values(), reverse=True)


@pytest.mark.parametrize("level", [1, 3, 6, 10])
def test_reference_matches_independent_count(level):
    for seed in range(15):
        instance = TASK.generate(seed, level)
        data = instance.data
        truth = union_find_sizes(data["rows"], data["diagonal"])
        assert len(truth) >= 2
        assert data["sizes"] == truth
        assert instance.reference == f"{len(truth)}: " + ", ".join(map(str, truth))
        assert union_find_sizes(data["rows"], not data["diagonal"]) != truth  # the rule matters
        assert TASK.verify(data, instance.reference).correct


# hand-checked: under 4-connectivity the islands have 3, 2, 1 and 1 cells
MAP = {"rows": ["##..", "#.#.", "...#", "#..#"], "diagonal": False, "sizes": [3, 2, 1, 1]}


def test_hand_written_map():
    assert union_find_sizes(MAP["rows"], False) == [3, 2, 1, 1]
    assert union_find_sizes(MAP["rows"], True) == [6, 1]  # (1,2), (2,3) and (3,3) join the top-left island
    for answer in ["4: 3, 2, 1, 1", "4 islands: 3 2 1 1", "4; [1, 1, 2, 3]", "count: 4, sizes: 3, 2, 1, 1.",
                   "4\n3\n2\n1\n1"]:
        assert TASK.verify(MAP, answer).correct, answer
    cases = {
        "4": (Status.UNPARSABLE, "expected"),
        "2: 6, 1": (Status.WRONG, "not 2"),  # the 8-connectivity answer
        "4: 3, 2, 2, 1": (Status.WRONG, "sizes are wrong"),
        "5: 3, 2, 1, 1": (Status.WRONG, "lists 4 sizes"),
        "4: 3, 2, 1, 1 or 2: 6, 1": (Status.UNPARSABLE, "'or'"),
        "-4: 3, 2, 1, 1": (Status.UNPARSABLE, "'-'"),
        "4: 3.5, 2, 1, 1": (Status.UNPARSABLE, "'.'"),
        "4: 3, 2, 1, 1" * 200: (Status.UNPARSABLE, "too long"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(MAP, answer)
        assert verdict.status is status and reason in verdict.reason, (answer[:30], verdict)


def test_level_table_grows():
    params = [TASK.params(level) for level in range(1, 11)]
    areas = [p["rows"] * p["cols"] for p in params]
    assert areas == sorted(areas) and areas[0] < areas[-1]
    assert {p["diagonal"] for p in params} == {True, False}
    assert params[0]["rows"] == 5 and params[-1]["rows"] == 20


def test_knob_bounds():
    for overrides in ({"rows": 2}, {"cols": 31}, {"density": 0.05}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **overrides)
