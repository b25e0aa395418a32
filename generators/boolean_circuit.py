"""Boolean circuit: evaluate a netlist of logic gates on given input values.

Description:
    A circuit over named inputs (a, b, c, ...) with given 0/1 values, written as a netlist: one
    line per gate such as ``g4 = XOR(a, g2)`` or ``out1 = NAND(g3, g5, c)``. Gates are built in
    ``depth`` layers of ``width`` gates; each gate reads at least one signal of the layer just
    before it (so the circuit really is ``depth`` gates deep) and its other operands from any
    earlier signal. NOT has one operand, the others 2 to ``max_fanin``. The last layer's gates
    are the outputs out1..outW; the other gates are g1, g2, ... (numbered in build order, or in
    a random order when shuffled). Three or more outputs never all have the same value.
Difficulty:
    inputs: number of named inputs (2 at level 1, 8 at level 10).
    depth: number of gate layers, the longest path from an input to an output.
    width: gates per layer, and so the number of outputs.
    gate_types: "basic" (AND, OR, NOT), "xor" (also XOR), "all" (also NAND, NOR, XNOR).
    max_fanin: the most operands of one gate (2 or 3; XOR of several is odd parity).
    shuffled: netlist lines in random order and gate numbers that do not follow the build order,
        so the evaluation order must be found.
    ask_all: ask for the value of every gate instead of the outputs only.
Prompt:
    The input values, the netlist, the meaning of each gate type, which values to give and the
    answer format.
Answer format:
    ``name=value`` pairs for the asked signals, e.g. ``out1=1, out2=0, out3=1``, in any order;
    values 0/1 (true/false or T/F also read); ``:`` or ``->`` may replace ``=``; commas,
    semicolons, newlines or spaces between pairs. Also accepted: just the values in the order
    the question lists the signals (``1, 0, 1``). Every asked signal exactly once.
Verification:
    Exact comparison of every asked signal with its value (the circuit is evaluated at
    generation); the reason for a wrong answer says how many values are wrong, not which.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

GATE_TYPES = {
    "basic": ("AND", "OR", "NOT"),
    "xor": ("AND", "OR", "NOT", "XOR"),
    "all": ("AND", "OR", "NOT", "XOR", "NAND", "NOR", "XNOR"),
}
_INPUT_NAMES = "abcdefghjk"
_MAX_ATTEMPTS = 200


def evaluate(op: str, values: list[int]) -> int:
    """The output of a gate on 0/1 operands."""
    if op == "NOT":
        return 1 - values[0]
    if op in ("AND", "NAND"):
        out = int(all(values))
    elif op in ("OR", "NOR"):
        out = int(any(values))
    else:  # XOR, XNOR: odd parity
        out = sum(values) & 1
    return 1 - out if op in ("NAND", "NOR", "XNOR") else out


def _layers(rng: random.Random, inputs: int, depth: int, width: int, ops: tuple[str, ...],
            max_fanin: int) -> list[tuple[str, list[int]]]:
    """Gates as (op, operand signal indices); signals 0..inputs-1 are the inputs."""
    gates: list[tuple[str, list[int]]] = []
    previous = list(range(inputs))
    for _ in range(depth):
        earlier = inputs + len(gates)
        layer = []
        for _ in range(width):
            op = rng.choice(ops)
            arity = 1 if op == "NOT" else rng.randint(2, max_fanin)
            first = rng.choice(previous)
            pool = [s for s in range(earlier) if s != first]
            args = [first, *rng.sample(pool, min(arity - 1, len(pool)))]
            if op != "NOT" and len(args) < 2:
                op, args = "NOT", [first]
            rng.shuffle(args)
            layer.append((op, args))
        previous = list(range(earlier, earlier + width))
        gates.extend(layer)
    return gates


def generate(rng: random.Random, *, inputs: int, depth: int, width: int, gate_types: str, max_fanin: int,
             shuffled: bool, ask_all: bool) -> Problem:
    if inputs > len(_INPUT_NAMES):
        raise InvalidParameterError(f"boolean_circuit: expected at most {len(_INPUT_NAMES)} inputs, found {inputs}")
    for _ in range(_MAX_ATTEMPTS):
        values = [rng.randint(0, 1) for _ in range(inputs)]
        if inputs > 1 and len(set(values)) == 1:
            continue
        gates = _layers(rng, inputs, depth, width, GATE_TYPES[gate_types], max_fanin)
        for op, args in gates:
            values.append(evaluate(op, [values[a] for a in args]))
        outputs = values[-width:]
        if width > 2 and len(set(outputs)) == 1:
            continue
        return _problem(rng, inputs, gates, values, width, shuffled, ask_all)
    raise GenerationError(f"boolean_circuit: no circuit with mixed outputs in {_MAX_ATTEMPTS} attempts")


def _problem(rng: random.Random, inputs: int, gates: list[tuple[str, list[int]]], values: list[int], width: int,
             shuffled: bool, ask_all: bool) -> Problem:
    inner = len(gates) - width
    numbers = list(range(1, inner + 1))
    if shuffled:
        rng.shuffle(numbers)
    names = list(_INPUT_NAMES[:inputs]) + [f"g{k}" for k in numbers] + [f"out{k}" for k in range(1, width + 1)]
    lines = [f"{names[inputs + i]} = {op}({', '.join(names[a] for a in args)})" for i, (op, args) in enumerate(gates)]
    if shuffled:
        rng.shuffle(lines)
    gate_names = names[inputs:]
    asked = ([f"g{k}" for k in range(1, inner + 1)] if ask_all else []) + [f"out{k}" for k in range(1, width + 1)]
    solution = {name: values[inputs + i] for i, name in enumerate(gate_names)}
    what = "every gate" if ask_all else "the outputs"
    question = (
        "Evaluate this logic circuit. The inputs are "
        + ", ".join(f"{name} = {values[i]}" for i, name in enumerate(names[:inputs]))
        + ".\n\nGates (each line gives a gate's name, its type and its operands):\n" + "\n".join(lines)
        + "\n\nAND is 1 when all operands are 1, OR when at least one is 1, XOR when an odd number of "
        "operands are 1; NAND, NOR and XNOR are the opposites of AND, OR and XOR; NOT flips its operand.\n\n"
        f"Give the value (0 or 1) of {what}: {', '.join(asked)}, as comma-separated pairs such as "
        f"{asked[0]}=1, {asked[1] if len(asked) > 1 else asked[0]}=0, ..."
    )
    data = {"inputs": {name: values[i] for i, name in enumerate(names[:inputs])},
            "gates": [{"name": names[inputs + i], "op": op, "args": [names[a] for a in args]}
                      for i, (op, args) in enumerate(gates)],
            "asked": asked, "solution": {name: solution[name] for name in asked}}
    reference = ", ".join(f"{name}={solution[name]}" for name in asked)
    return Problem(question=question, data=data, reference=reference)
