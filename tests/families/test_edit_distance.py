"""Focused tests for edit_distance-v1: the distance by independent recursion and BFS, scripts run and checked."""

from functools import cache

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("edit_distance")


def levenshtein(a, b):
    """Top-down memoised recursion (shares no code with the family's bottom-up table)."""
    @cache
    def d(i, j):
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))
    return d(len(a), len(b))


def one_edit_away(word, letters):
    """Every string one insertion, deletion or replacement away from word."""
    out = set()
    for p in range(len(word) + 1):
        for c in letters:
            out.add(word[:p] + c + word[p:])
            if p < len(word):
                out.add(word[:p] + c + word[p + 1:])
        if p < len(word):
            out.add(word[:p] + word[p + 1:])
    return out


def apply(source, answer):
    """Run an answer's script with 1-based positions in the current string (a plain re-implementation)."""
    word = source
    for line in answer.splitlines()[1:]:
        parts = line.split()
        if parts[0] == "insert":
            p = int(parts[3])
            word = word[:p - 1] + parts[1] + word[p - 1:]
        elif parts[0] == "delete":
            p = int(parts[1])
            word = word[:p - 1] + word[p:]
        else:
            p = int(parts[1])
            word = word[:p - 1] + parts[3] + word[p:]
    return word


@pytest.mark.parametrize("level", [1, 3, 5, 7, 10])
def test_distance_matches_recursion_and_reference_script_runs(level):
    edits = TASK.params(level)["edits"]
    for seed in range(10):
        instance = TASK.generate(seed, level)
        data = instance.data
        distance = levenshtein(data["source"], data["target"])
        assert distance == data["distance"] >= max(2, (edits + 1) // 2)
        lines = instance.reference.splitlines()
        assert lines[0] == f"distance: {distance}" and len(lines) == distance + 1
        assert apply(data["source"], instance.reference) == data["target"]
        assert TASK.verify(data, instance.reference).correct


@pytest.mark.parametrize("level", [1, 2])
def test_no_shorter_script_exists_by_breadth_first_search(level):
    for seed in range(5):
        data = TASK.generate(seed, level).data
        letters = sorted(set(data["source"] + data["target"]))
        frontier = {data["source"]}
        for _ in range(data["distance"] - 1):
            frontier |= {word for w in frontier for word in one_edit_away(w, letters)}
        assert data["target"] not in frontier


KITTEN = {"source": "kitten", "target": "sitting", "distance": 3}


def test_hand_written_instance_accepts_several_scripts():
    assert levenshtein("kitten", "sitting") == 3
    for answer in [
        "distance: 3\nreplace 1 with s\nreplace 5 with i\ninsert g at 7",
        "3\ninsert g at 7\nreplace 5 with i\nreplace 1 with s",
        "distance: 3; Replace position 5 with 'i'; INSERT G AT 7; replace 1 with s",
        "Distance: 3\n1. replace 1 with s\n2. replace 5 with i\n3. insert g at 7",
        "distance: 3\nreplace k at 1 with s\nreplace 'e' at position 5 with 'i'\ninsert g at 7",
    ]:
        assert TASK.verify(KITTEN, answer).correct, answer
    cases = {
        "distance: 3\nreplace 1 with s\nreplace 5 with i": (Status.WRONG, "not into 'sitting'"),
        "distance: 2\nreplace 1 with s\nreplace 5 with i\ninsert g at 7": (Status.WRONG, "stated distance is 2"),
        "distance: 4\nreplace 1 with s\ndelete 5\ninsert i at 5\ninsert g at 7": (Status.WRONG, "fewer edits suffice"),
        "distance: 3\nreplace 0 with s\nreplace 5 with i\ninsert g at 7": (Status.WRONG, "outside 1..6"),
        "distance: 3\ninsert g at 8": (Status.WRONG, "outside 1..7"),
        "replace 1 with s\nreplace 5 with i\ninsert g at 7": (Status.UNPARSABLE, "first line is not the distance"),
        "3 or 4": (Status.UNPARSABLE, "first line"),
        "3": (Status.WRONG, "not into 'sitting'"),
        "distance: 3\nswap 1 and 2": (Status.UNPARSABLE, "line 2"),
        "distance: 3\nreplace t at 1 with s\nreplace 5 with i\ninsert g at 7": (Status.WRONG, "has 'k' there"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(KITTEN, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    for knob in ("length", "edits"):
        values = [p[knob] for p in params]
        assert values == sorted(values) and values[0] < values[-1]


def test_knob_bounds():
    for knobs in ({"length": 2}, {"length": 41}, {"alphabet": 1}, {"edits": 21}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **knobs)
