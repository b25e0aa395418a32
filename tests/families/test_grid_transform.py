"""Focused tests for grid_transform-v1: the stored program explains the examples and, by an independent
brute force over every program of the library, the test output is unique."""

import random
from itertools import product

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("grid_transform")


def by_index(grid, rows, cols, cell):
    """A rows x cols grid whose (r, c) cell is grid[y][x] for (y, x) = cell(r, c)."""
    return [[grid[y][x] for y, x in (cell(r, c) for c in range(cols))] for r in range(rows)]


def gravity(grid, towards_end):
    """Non-zero cells of every row slide to the end (or the start), order kept."""
    out = []
    for row in grid:
        kept = [v for v in row if v != 0]
        pad = [0] * (len(row) - len(kept))
        out.append(pad + kept if towards_end else kept + pad)
    return out


def columns(grid):
    return [list(col) for col in zip(*grid, strict=True)]


def crop(grid):
    cells = [(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if v]
    if not cells:
        return grid
    r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
    c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
    return [row[c0:c1 + 1] for row in grid[r0:r1 + 1]]


def apply(name, g):
    """The library, written independently of the family (index formulas, lists)."""
    h, w = len(g), len(g[0])
    ops = {
        "rotate90": lambda: by_index(g, w, h, lambda r, c: (h - 1 - c, r)),
        "rotate180": lambda: by_index(g, h, w, lambda r, c: (h - 1 - r, w - 1 - c)),
        "rotate270": lambda: by_index(g, w, h, lambda r, c: (c, w - 1 - r)),
        "flip_horizontal": lambda: by_index(g, h, w, lambda r, c: (r, w - 1 - c)),
        "flip_vertical": lambda: by_index(g, h, w, lambda r, c: (h - 1 - r, c)),
        "transpose": lambda: by_index(g, w, h, lambda r, c: (c, r)),
        "anti_transpose": lambda: by_index(g, w, h, lambda r, c: (h - 1 - c, w - 1 - r)),
        "shift_up": lambda: by_index(g, h, w, lambda r, c: ((r + 1) % h, c)),
        "shift_down": lambda: by_index(g, h, w, lambda r, c: ((r - 1) % h, c)),
        "shift_left": lambda: by_index(g, h, w, lambda r, c: (r, (c + 1) % w)),
        "shift_right": lambda: by_index(g, h, w, lambda r, c: (r, (c - 1) % w)),
        "scale2": lambda: by_index(g, 2 * h, 2 * w, lambda r, c: (r // 2, c // 2)),
        "gravity_right": lambda: gravity(g, True),
        "gravity_left": lambda: gravity(g, False),
        "gravity_down": lambda: columns(gravity(columns(g), True)),
        "gravity_up": lambda: columns(gravity(columns(g), False)),
        "crop": lambda: crop(g),
    }
    return ops[name]()


SPATIAL = ["rotate90", "rotate180", "rotate270", "flip_horizontal", "flip_vertical", "transpose", "anti_transpose",
           "shift_up", "shift_down", "shift_left", "shift_right", "scale2", "gravity_down", "gravity_up",
           "gravity_right", "gravity_left", "crop"]


def grid(rows):
    return [[int(ch) for ch in row] for row in rows]


def run(program, colour_map, g):
    for name in program:
        g = [[colour_map.get(str(v), v) for v in row] for row in g] if name == "recolour" else apply(name, g)
    return g


def fit_colours(pairs):
    """A colour bijection (0 fixed) taking each grid to its partner, or None."""
    mapping = {0: 0}
    for a, b in pairs:
        if len(a) != len(b) or len(a[0]) != len(b[0]):
            return None
        for x, y in zip(sum(a, []), sum(b, []), strict=True):
            if mapping.setdefault(x, y) != y:
                return None
    return mapping if len(set(mapping.values())) == len(mapping) else None


def brute_force_outputs(data, depth):
    """Test outputs of every library program of at most ``depth`` operations consistent with the examples.

    The recolouring commutes with every spatial operation (checked below), so it is fitted at the end.
    """
    inputs = [grid(e["input"]) for e in data["examples"]]
    targets = [grid(e["output"]) for e in data["examples"]]
    test = grid(data["test_input"])
    outputs = set()
    for length in range(depth + 1):
        for program in product(SPATIAL, repeat=length):
            made = [run(program, {}, g) for g in inputs]
            if made == targets:
                outputs.add(str(run(program, {}, test)))
            elif length < depth:
                mapping = fit_colours(list(zip(made, targets, strict=True)))
                if mapping is not None:
                    predicted = run(program, {}, test)
                    if any(v not in mapping for row in predicted for v in row):
                        outputs.add("ambiguous")
                    else:
                        outputs.add(str([[mapping[v] for v in row] for row in predicted]))
    return outputs


@pytest.mark.parametrize(("level", "seeds"), [(1, range(12)), (3, range(12)), (4, range(4)), (6, range(2))])
def test_test_output_is_unique_over_every_program(level, seeds):
    depth = TASK.params(level)["depth"]
    for seed in seeds:
        data = TASK.generate(seed, level).data
        assert brute_force_outputs(data, depth) == {str(grid(data["output"]))}, seed


@pytest.mark.parametrize("level", range(1, 11))
def test_stored_program_explains_examples_and_answer(level):
    for seed in range(4):
        instance = TASK.generate(seed, level)
        data = instance.data
        assert len(data["program"]) == TASK.params(level)["depth"]
        assert len(data["examples"]) == TASK.params(level)["examples"]
        for example in data["examples"]:
            assert run(data["program"], data["colour_map"], grid(example["input"])) == grid(example["output"])
        assert run(data["program"], data["colour_map"], grid(data["test_input"])) == grid(data["output"])
        assert data["output"] != data["test_input"]
        assert TASK.verify(data, instance.reference).correct


def test_recolouring_commutes_with_every_operation():
    rng = random.Random(3)
    mapping = {str(c): v for c, v in zip(range(1, 10), rng.sample(range(1, 10), 9), strict=True)}
    for _ in range(20):
        width = rng.randint(2, 5)
        g = [[rng.choice([0, 0, 1, 2, 5, 9]) for _ in range(width)] for _ in range(rng.randint(2, 5))]
        for name in SPATIAL:
            assert run([name, "recolour"], mapping, g) == run(["recolour", name], mapping, g), name


DATA = {"examples": [{"input": ["12", "30"], "output": ["31", "02"]}], "test_input": ["45", "60", "07"],
        "output": ["064", "705"], "program": ["rotate90"], "colour_map": {}}


def test_hand_written_instance():
    assert apply("rotate90", grid(DATA["test_input"])) == grid(DATA["output"])
    for answer in ["0 6 4\n7 0 5", "064\n705", "[[0, 6, 4], [7, 0, 5]]", "0, 6, 4\n7, 0, 5", "| 0 | 6 | 4 |\n| 7 | 0 | 5 |"]:
        assert TASK.verify(DATA, answer).correct, answer
    cases = {
        "0 6 4\n7 0 6": (Status.WRONG, "1 of the 6 cells"),
        "4 6 0\n5 0 7": (Status.WRONG, "4 of the 6 cells"),  # rotated the other way
        "4 5\n6 0\n0 7": (Status.WRONG, "3 rows of 2 cells"),  # the input copied back: wrong shape
        "0 6 4": (Status.WRONG, "1 rows of 3"),
        "0 6 4\n7 0 5\nor\n0 6 4\n7 0 6": (Status.UNPARSABLE, "expected"),
        "0 6 4\n7 0 x": (Status.UNPARSABLE, ""),
        "0 6 4 0\n7 0 5": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(DATA, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_level_table_grows():
    params = [TASK.params(level) for level in range(1, 11)]
    depths = [p["depth"] for p in params]
    assert depths == sorted(depths) and depths[0] == 1 and depths[-1] == 3
    assert params[0]["size"] < params[-1]["size"] and params[0]["colours"] < params[-1]["colours"]


def test_knob_bounds():
    for overrides in ({"depth": 4}, {"size": 2}, {"examples": 0}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **overrides)
