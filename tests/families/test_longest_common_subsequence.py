"""Focused tests for longest_common_subsequence-v1: the LCS length by brute force, every LCS accepted."""

from itertools import combinations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("longest_common_subsequence")


def contains(word, letters):
    """Whether letters is a subsequence of word, by an iterator (shares no code with the family)."""
    it = iter(word)
    return all(letter in it for letter in letters)


def all_longest(strings):
    """Every longest common subsequence, by trying all subsequences of the shortest string."""
    shortest = min(strings, key=len)
    for size in range(len(shortest), -1, -1):
        found = {"".join(shortest[i] for i in picks) for picks in combinations(range(len(shortest)), size)}
        common = sorted(s for s in found if all(contains(word, s) for word in strings))
        if common:
            return common
    return [""]


@pytest.mark.parametrize("level", [1, 2, 3, 4, 8])
def test_length_matches_brute_force_and_every_lcs_is_accepted(level):
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data = instance.data
        longest = all_longest(data["strings"])
        assert len(longest[0]) == data["length"] >= 2
        assert data["length"] < min(map(len, data["strings"]))
        assert instance.reference in longest
        for answer in longest:
            assert TASK.verify(data, answer).correct, answer
            assert TASK.verify(data, " ".join(answer.lower())).correct


def test_several_lcs_happen_and_three_strings_at_the_top():
    several = sum(len(all_longest(TASK.generate(seed, 2).data["strings"])) >= 2 for seed in range(10))
    assert several >= 3
    assert len(TASK.generate(0, 10).data["strings"]) == 3 and len(TASK.generate(0, 1).data["strings"]) == 2


HAND = {"strings": ["ABCBDAB", "BDCABA"], "alphabet": "ABCD", "length": 4}


def test_hand_written_instance():
    assert all_longest(HAND["strings"]) == ["BCAB", "BCBA", "BDAB"]
    for answer in ["BCBA", "BDAB", "bcab", "B C A B", "B, D, A, B", '"BCBA"']:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "BCA": (Status.WRONG, "a longer one exists"),
        "BCABA": (Status.WRONG, "not a subsequence of string 1"),
        "ABCD": (Status.WRONG, "not a subsequence of string 2"),
        "BCAE": (Status.WRONG, "'E' is not one of the letters"),
        "BCAB or BDAB": (Status.UNPARSABLE, "expected"),
        "4": (Status.UNPARSABLE, "expected"),
        "ABCBDAB": (Status.WRONG, "not a subsequence of string 2"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    assert [p["length"] for p in params[:7]] == sorted(p["length"] for p in params[:7])
    assert [p["length"] for p in params[7:]] == sorted(p["length"] for p in params[7:])
    assert params[0]["strings"] == 2 and params[-1]["strings"] == 3


def test_knob_bounds():
    for knobs in ({"strings": 4}, {"length": 3}, {"alphabet": 7}, {"alphabet": 1}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **knobs)
