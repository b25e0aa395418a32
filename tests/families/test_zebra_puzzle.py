"""Focused tests for zebra_puzzle: brute-force uniqueness and minimality, table formats, clue checks."""

from itertools import permutations, product

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("zebra_puzzle")


def _holds(kind, hx, hy, house):
    """The clue semantics, written again independently of the generator."""
    return {
        "position": hx == house, "not_position": hx != house, "same": hx == hy, "not_same": hx != hy,
        "left_of": hx + 1 == hy, "before": hx < hy, "next_to": abs(hx - hy) == 1,
    }[kind]


def _brute_force(data, clues):
    """Every assignment (one permutation per attribute) that keeps the clues, by full enumeration."""
    houses, count = data["houses"], len(data["attributes"])
    solutions = []
    for perms in product(permutations(range(houses)), repeat=count):
        where = [house for perm in perms for house in perm]
        if all(_holds(k, where[x], where[y] if y >= 0 else -1, h) for k, x, y, h in clues):
            solutions.append(where)
    return solutions


def _where(data):
    houses = data["houses"]
    where = [0] * (houses * len(data["attributes"]))
    for house, row in enumerate(data["solution"]):
        for a, value in enumerate(row):
            where[a * houses + data["attributes"][a]["values"].index(value)] = house
    return where


@pytest.mark.parametrize(("houses", "attributes", "extra"), [(3, 3, 0), (3, 4, 0), (4, 3, 0), (3, 3, 2)])
def test_unique_by_brute_force_and_minimal(houses, attributes, extra):
    for seed in range(4):
        instance = TASK.generate(seed, 5, houses=houses, attributes=attributes, extra_clues=extra)
        data = instance.data
        solutions = _brute_force(data, data["clues"])
        assert solutions == [_where(data)]
        if extra == 0 and houses ** attributes <= 81:
            for skip in range(len(data["clues"])):  # every clue is needed
                assert len(_brute_force(data, data["clues"][:skip] + data["clues"][skip + 1:])) > 1


def test_levels_grow_the_puzzle():
    small, large = TASK.generate(0, 1).data, TASK.generate(0, 10).data
    assert (small["houses"], len(small["attributes"])) == (3, 3)
    assert (large["houses"], len(large["attributes"])) == (6, 6)
    assert len(large["clues"]) > len(small["clues"])
    kinds = {clue[0] for seed in range(10) for clue in TASK.generate(seed, 1).data["clues"]}
    assert not kinds & {"not_position", "not_same"}  # no negative clues at level 1


DATA = {
    "houses": 3,
    "attributes": [{"name": "colour", "values": ["blue", "green", "red"]},
                   {"name": "pet", "values": ["cat", "dog", "fish"]}],
    # red in house 1; the dog directly left of green; the cat next to red; blue and fish in the same house
    "clues": [["position", 2, -1, 0], ["left_of", 4, 1, -1], ["next_to", 3, 2, -1], ["same", 0, 5, -1]],
    "clue_texts": ["The person in the red house lives in the first house.",
                   "The person who keeps the dog lives directly left of the person in the green house.",
                   "The person who keeps the cat lives next to the person in the red house.",
                   "The person in the blue house keeps the fish."],
    "solution": [["red", "dog"], ["green", "cat"], ["blue", "fish"]],
}


def test_hand_written_instance_is_unique():
    assert _brute_force(DATA, DATA["clues"]) == [_where(DATA)]


@pytest.mark.parametrize("answer", [
    "House 1: red, dog\nHouse 2: green, cat\nHouse 3: blue, fish",
    "House 3: fish, blue\nHouse 1: dog, red\nHouse 2: cat, green",
    "1: Red, Dog\n2: Green, Cat\n3: Blue, Fish",
    "House 1: colour: red, pet: dog\nHouse 2: color: green, pet: cat\nHouse 3: colour: blue, pet: fish",
    "| House | colour | pet |\n|---|---|---|\n| 1 | red | dog |\n| 2 | green | cat |\n| 3 | blue | fish |",
    "**House 1**: red | dog\n**House 2**: green | cat\n**House 3**: blue | fish",
])
def test_table_formats_accepted(answer):
    assert TASK.verify(DATA, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("House 1: red, cat\nHouse 2: green, dog\nHouse 3: blue, fish", Status.WRONG, "clue 2"),
    ("House 1: red, dog\nHouse 2: green, dog\nHouse 3: blue, fish", Status.WRONG, "two houses"),
    ("House 1: red, dog\nHouse 2: green, cat", Status.UNPARSABLE, "house 3 is missing"),
    ("House 1: red or green, dog\nHouse 2: green, cat\nHouse 3: blue, fish", Status.UNPARSABLE, "unknown"),
    ("House 1: red, fish\nHouse 2: green, cat\nHouse 3: blue, dog", Status.WRONG, "clue"),
    ("House 1: pet: red, dog\nHouse 2: green, cat\nHouse 3: blue, fish", Status.UNPARSABLE, "wrong attribute"),
    ("The dog is in house 1.", Status.UNPARSABLE, "cannot read"),
])
def test_wrong_tables_rejected_with_reason(answer, status, reason):
    verdict = TASK.verify(DATA, answer)
    assert verdict.status is status and reason in verdict.reason, verdict
