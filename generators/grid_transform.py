"""Grid transform: infer a hidden grid transformation from examples and apply it (ARC-like).

Description:
    A hidden program of ``depth`` operations from a fixed library (rotations, flips, transposes,
    one-cell cyclic shifts, scaling by 2, gravity towards a side, cropping to the non-zero cells,
    and a recolouring that permutes the colours 1-9) is applied to ``examples`` input grids of
    digits 0-9 (0 is background), shown with their outputs; the model gives the output for a
    test input. The prompt lists the library and says at most ``depth`` operations are chained.
    Uniqueness is proved at generation: every program of at most ``depth`` library operations is
    enumerated (states deduplicated by their effect on all grids; a recolouring is fitted as any
    colour bijection consistent with the examples; the last operation is looked up rather than
    tried -- a one-to-one operation through its inverse, an idempotent one only when it leaves
    the first example output unchanged -- and last-layer states that can no longer reach that
    output are dropped), and the instance is kept only when every program consistent with all
    examples gives the same test output, no shorter program than the hidden one explains the
    examples, and the output differs from the test input. Grids are tuples of bytes rows, so
    the operations run in C.
Difficulty:
    size: the largest input side (grids are size-1 or size cells per side, so rotations show).
    examples: input/output pairs shown (fewer pairs leave more to infer).
    depth: operations in the hidden program (1 at levels 1-3, 2 at levels 4-7, 3 at levels 8-10).
    colours: distinct non-zero colours in the grids.
Prompt:
    The library of operations, the example pairs, the test input, and the answer format.
Answer format:
    The output grid, one row per line, digits separated by spaces (``0 3 3``) or written
    together (``033``); commas and ``[[0, 3, 3], ...]`` are read too.
Verification:
    Cell-by-cell equality with the unique output (after lenient parsing); a grid of the wrong
    shape is wrong. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem
from bootcamps.verifiers.grid_transform import render

# A grid is a tuple of rows, each row a bytes object with one cell (0-9) per byte: reversing,
# slicing, compacting (bytes.replace) and recolouring (bytes.translate) then run in C.
Grid = tuple[bytes, ...]
MIN_SIZE, MAX_SIZE = 3, 10
MAX_OUTPUT_SIDE = 16
_MAX_ATTEMPTS = 200
_RECOLOUR = "recolour"
_AMBIGUOUS = ()
_ZERO = b"\0"
_NON_ZERO = bytes([0] + [1] * 255)  # bytes.translate table: 0 stays 0, every colour becomes 1


def _transpose(grid: Grid) -> Grid:
    return tuple(map(bytes, zip(*grid, strict=True)))


def _rotate180(grid: Grid) -> Grid:
    return tuple(row[::-1] for row in grid[::-1])


def _gravity_right(grid: Grid) -> Grid:
    return tuple(row.replace(_ZERO, b"").rjust(len(row), _ZERO) for row in grid)


def _gravity_left(grid: Grid) -> Grid:
    return tuple(row.replace(_ZERO, b"").ljust(len(row), _ZERO) for row in grid)


def _crop(grid: Grid) -> Grid:
    rows = [r for r, row in enumerate(grid) if row.strip(_ZERO)]
    if not rows:
        return grid
    body = grid[rows[0]:rows[-1] + 1]
    left = min(len(row) - len(row.lstrip(_ZERO)) for row in body)
    right = max(len(row.rstrip(_ZERO)) for row in body)
    return tuple(row[left:right] for row in body)


def _scale2(grid: Grid) -> Grid:
    rows: list[bytes] = []
    for row in grid:
        wide = bytearray(2 * len(row))
        wide[::2] = wide[1::2] = row
        rows += (bytes(wide),) * 2
    return tuple(rows)


OPERATIONS: dict[str, tuple[Callable[[Grid], Grid], str]] = {
    "rotate90": (lambda g: _transpose(g[::-1]), "rotate the grid 90 degrees clockwise"),
    "rotate180": (_rotate180, "rotate the grid 180 degrees"),
    "rotate270": (lambda g: _transpose(g)[::-1], "rotate the grid 90 degrees anticlockwise"),
    "flip_horizontal": (lambda g: tuple(row[::-1] for row in g), "mirror left-right (reverse every row)"),
    "flip_vertical": (lambda g: g[::-1], "mirror top-bottom (reverse the order of the rows)"),
    "transpose": (_transpose, "transpose (row i becomes column i)"),
    "anti_transpose": (lambda g: _rotate180(_transpose(g)), "transpose across the other diagonal"),
    "shift_up": (lambda g: g[1:] + g[:1], "shift every row up by one, the top row wrapping to the bottom"),
    "shift_down": (lambda g: g[-1:] + g[:-1], "shift every row down by one, the bottom row wrapping to the top"),
    "shift_left": (lambda g: tuple(row[1:] + row[:1] for row in g),
                   "shift every column left by one, the leftmost column wrapping to the right"),
    "shift_right": (lambda g: tuple(row[-1:] + row[:-1] for row in g),
                    "shift every column right by one, the rightmost column wrapping to the left"),
    "scale2": (_scale2, "scale up by 2 (every cell becomes a 2x2 block)"),
    "gravity_down": (lambda g: _transpose(_gravity_right(_transpose(g))),
                     "in every column the non-zero cells fall to the bottom, keeping their order"),
    "gravity_up": (lambda g: _transpose(_gravity_left(_transpose(g))),
                   "in every column the non-zero cells rise to the top, keeping their order"),
    "gravity_right": (_gravity_right, "in every row the non-zero cells slide to the right end, "
                                      "keeping their order"),
    "gravity_left": (_gravity_left, "in every row the non-zero cells slide to the left end, keeping their order"),
    "crop": (_crop, "crop to the smallest rectangle holding every non-zero cell"),
}


def _too_big(grid: Grid) -> bool:
    return len(grid) > MAX_OUTPUT_SIDE or len(grid[0]) > MAX_OUTPUT_SIDE


def _recoloured(grid: Grid, mapping: dict[int, int]) -> Grid:
    """The grid with every colour in ``mapping`` replaced by its image (others kept)."""
    table = bytearray(range(256))
    for colour, image in mapping.items():
        table[colour] = image
    return tuple(row.translate(table) for row in grid)


def _colour_map(sources: tuple[Grid, ...], targets: list[Grid]) -> dict[int, int] | None:
    """The colour bijection (0 fixed) taking every source grid to its target, or None."""
    pairs = {(0, 0)}
    for source, target in zip(sources, targets, strict=True):
        if len(source) != len(target) or len(source[0]) != len(target[0]):
            return None
        flat_source, flat_target = b"".join(source), b"".join(target)
        if flat_source.translate(_NON_ZERO) != flat_target.translate(_NON_ZERO):
            return None  # a cell that is 0 on one side only: 0 must stay 0
        pairs.update(zip(flat_source, flat_target, strict=True))
    mapping = dict(pairs)
    if len(mapping) != len(pairs) or len(set(mapping.values())) != len(mapping):
        return None  # a colour sent to two colours (0 included), or two colours sent to one
    return mapping


def _prediction(state: tuple[Grid, ...], targets: list[Grid], recolour_allowed: bool) -> tuple[Grid, int] | None:
    """(test prediction, extra depth) if the spatial state explains every example, else None."""
    *examples, test = state
    if all(grid == target for grid, target in zip(examples, targets, strict=True)):
        return test, 0
    if not recolour_allowed:
        return None
    mapping = _colour_map(tuple(examples), targets)
    if mapping is None:
        return None
    if not mapping.keys() >= set(b"".join(test)):
        return _AMBIGUOUS, 1  # a colour the examples never map could become any unused colour
    return _recoloured(test, mapping), 1


def consistent_outputs(inputs: list[Grid], targets: list[Grid], depth: int) -> dict[Grid, int]:
    """Every test output predicted by a library program of at most ``depth`` operations that maps
    each example input (``inputs[:-1]``) to its target, with the fewest operations giving it.

    Programs are explored breadth first, states (the grids a program makes from every input)
    deduplicated (with at most 3 operations on sides of at most 10, no grid grows past 80 cells
    a side). The only states pruned are those of the last layer whose first grid can no longer
    reach the first target (see ``_could_reach``): they would predict nothing. A recolouring
    commutes with every other operation (they never create colours other than 0, which it
    keeps), so a program with one is a spatial program followed by a fitted colour bijection,
    one operation longer.
    """
    found: dict[Grid, int] = {}

    def record(output: Grid, length: int) -> None:
        found[output] = min(found.get(output, depth + 1), length)

    frontier = {tuple(inputs)}
    seen = set(frontier)
    for length in range(depth):
        for state in frontier:
            result = _prediction(state, targets, True)
            if result is not None:
                record(result[0], length + result[1])
        if length + 1 == depth:
            _last_layer(frontier, targets, depth, record)
            break
        could_reach = _could_reach(targets[0]) if length + 2 == depth else None
        following = set()
        for state in frontier:
            for operation, _ in OPERATIONS.values():
                first = operation(state[0])
                if could_reach is not None and not could_reach(first):
                    continue
                nxt = (first, *map(operation, state[1:]))
                if nxt not in seen:
                    seen.add(nxt)
                    following.add(nxt)
        frontier = following
    return found


def _could_reach(target: Grid) -> Callable[[Grid], bool]:
    """Whether the first grid of a last-layer state can still explain the first example: a colour
    bijection takes it to ``target`` (as a prediction needs), or one more operation does (as
    ``_last_layer`` needs: a one-to-one operation from its preimage, an idempotent one only
    when it leaves ``target`` unchanged)."""
    preimages = {grid for grid in (preimage(target) for preimage in _PREIMAGE.values()) if grid is not None}
    fixing = [operation for name, (operation, _) in OPERATIONS.items()
              if name not in _PREIMAGE and operation(target) == target]

    def could_reach(grid: Grid) -> bool:
        return (grid in preimages or _colour_map((grid,), [target]) is not None
                or any(operation(grid) == target for operation in fixing))
    return could_reach


def _shrink2(grid: Grid) -> Grid | None:
    """The grid that scale2 maps to ``grid``, or None when ``grid`` is not made of 2x2 blocks."""
    if len(grid) % 2 or len(grid[0]) % 2:
        return None
    small = tuple(row[::2] for row in grid[::2])
    return small if _scale2(small) == grid else None


# The one-to-one operations, each with the operation undoing it: the only state a one-to-one
# operation takes to an example output is the undone output, so it is looked up, not searched.
_PREIMAGE: dict[str, Callable[[Grid], Grid | None]] = {
    name: OPERATIONS[inverse][0] for name, inverse in (
        ("rotate90", "rotate270"), ("rotate180", "rotate180"), ("rotate270", "rotate90"),
        ("flip_horizontal", "flip_horizontal"), ("flip_vertical", "flip_vertical"), ("transpose", "transpose"),
        ("anti_transpose", "anti_transpose"), ("shift_up", "shift_down"), ("shift_down", "shift_up"),
        ("shift_left", "shift_right"), ("shift_right", "shift_left"))}
_PREIMAGE["scale2"] = _shrink2


def _last_layer(frontier: set[tuple[Grid, ...]], targets: list[Grid], depth: int,
                record: Callable[[Grid, int], None]) -> None:
    """Programs of exactly ``depth`` operations, no recolouring left: checked example by example.

    States are indexed by their first grid. A one-to-one operation can only finish the states
    whose first grid is the preimage of the first target; the other operations (gravity, crop)
    are idempotent, so they finish nothing unless they leave the first target unchanged.
    """
    by_first: dict[Grid, list[tuple[Grid, ...]]] = {}
    for state in frontier:
        by_first.setdefault(state[0], []).append(state)
    first, rest = targets[0], targets[1:]
    for name, (operation, _) in OPERATIONS.items():
        preimage = _PREIMAGE.get(name)
        if preimage is not None:
            candidates = by_first.get(preimage(first), ())
        elif operation(first) != first:
            continue
        else:
            candidates = [state for grid, states in by_first.items() if operation(grid) == first for state in states]
        for state in candidates:
            if all(operation(grid) == target for grid, target in zip(state[1:], rest, strict=False)):
                record(operation(state[-1]), depth)


def _random_grid(rng: random.Random, size: int, palette: list[int]) -> Grid:
    rows, cols = rng.randint(size - 1, size), rng.randint(size - 1, size)
    top, left = 0, 0
    height, width = rows, cols
    if rng.random() < 0.5:  # content in a sub-rectangle, so cropping and gravity have work to do
        height, width = rng.randint(2, rows), rng.randint(2, cols)
        top, left = rng.randint(0, rows - height), rng.randint(0, cols - width)
    density = rng.uniform(0.3, 0.6)
    grid = [[0] * cols for _ in range(rows)]
    for r in range(top, top + height):
        for c in range(left, left + width):
            if rng.random() < density:
                grid[r][c] = rng.choice(palette)
    return tuple(map(bytes, grid))


def _random_program(rng: random.Random, depth: int, palette: list[int]) -> tuple[list[str], dict[int, int]]:
    """Operation names (recolour at most once) and the recolouring's colour map."""
    names = list(OPERATIONS)
    program = [rng.choice([*names, _RECOLOUR]) for _ in range(depth)]
    while program.count(_RECOLOUR) > 1:
        program[program.index(_RECOLOUR)] = rng.choice(names)
    mapping = {0: 0}
    if _RECOLOUR in program:
        while all(mapping.get(c) == c for c in palette):
            mapping = {0: 0, **dict(zip(palette, rng.sample(range(1, 10), len(palette)), strict=True))}
    return program, mapping


def run_program(program: list[str], mapping: dict[int, int], grid: Grid) -> Grid:
    for name in program:
        if name == _RECOLOUR:
            grid = _recoloured(grid, mapping)
        else:
            grid = OPERATIONS[name][0](grid)
    return grid


def _library_text(depth: int) -> str:
    lines = [f"- {name}: {text}" for name, (_, text) in OPERATIONS.items()]
    lines.append(f"- {_RECOLOUR}: replace every colour by another according to a fixed one-to-one colour "
                 "map (0 always stays 0)")
    chain = "one operation" if depth == 1 else f"a sequence of at most {depth} operations applied one after another"
    return (f"The hidden transformation is {chain} from this library:\n" + "\n".join(lines))


def _question(data: dict, depth: int) -> str:
    parts = ["Each example below shows an input grid and the output grid the same hidden transformation "
             "makes from it. Cells are digits 0-9; 0 is the background.", _library_text(depth)]
    for number, example in enumerate(data["examples"], 1):
        parts.append(f"Example {number} input:\n{render(example['input'])}\n\n"
                     f"Example {number} output:\n{render(example['output'])}")
    parts.append(f"Test input:\n{render(data['test_input'])}")
    parts.append("Apply the same transformation to the test input. Answer with the output grid, one row per "
                 "line, digits separated by spaces.")
    return "\n\n".join(parts)


def _strings(grid: Grid) -> list[str]:
    return ["".join(map(str, row)) for row in grid]


def _check(size: int, examples: int, depth: int, colours: int) -> None:
    for name, value, low, high in (("size", size, MIN_SIZE, MAX_SIZE), ("examples", examples, 1, 6),
                                   ("depth", depth, 1, 3), ("colours", colours, 1, 9)):
        if not low <= value <= high:
            raise InvalidParameterError(f"grid_transform: expected {name} between {low} and {high}, found {value}")


def _attempt(rng: random.Random, size: int, examples: int, depth: int, colours: int) -> Problem | None:
    palette = sorted(rng.sample(range(1, 10), colours))
    program, mapping = _random_program(rng, depth, palette)
    inputs = [_random_grid(rng, size, palette) for _ in range(examples + 1)]
    outputs = [run_program(program, mapping, grid) for grid in inputs]
    if any(_too_big(grid) or not any(map(any, grid)) for grid in outputs):
        return None
    if any(out == grid for out, grid in zip(outputs, inputs, strict=True)):
        return None  # every example shows a change, and copying the test input is never right
    found = consistent_outputs(inputs, outputs[:-1], depth)
    if set(found) != {outputs[-1]} or found[outputs[-1]] != depth:
        return None  # ambiguous, or a shorter program explains the examples
    data = {
        "examples": [{"input": _strings(i), "output": _strings(o)}
                     for i, o in zip(inputs[:-1], outputs[:-1], strict=True)],
        "test_input": _strings(inputs[-1]),
        "output": _strings(outputs[-1]),
        "program": program,
        "colour_map": {str(k): v for k, v in sorted(mapping.items()) if k},
    }
    return Problem(question=_question(data, depth), data=data, reference=render(outputs[-1]))


def generate(rng: random.Random, *, size: int, examples: int, depth: int, colours: int) -> Problem:
    _check(size, examples, depth, colours)
    for _ in range(_MAX_ATTEMPTS):
        problem = _attempt(rng, size, examples, depth, colours)
        if problem is not None:
            return problem
    raise GenerationError(f"grid_transform: no instance with a unique answer found in {_MAX_ATTEMPTS} attempts")
