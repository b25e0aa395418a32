"""Register machine: run a small assembly program and give the final value of every register.

Description:
    A program for a machine with a few integer registers (named a, b, c, ...) and six
    instructions: ``mov r, x`` (r = x), ``add r, x`` (r = r + x), ``sub r, x`` (r = r - x),
    ``inc r``, ``dec r`` and ``jnz x, k`` (if x is not zero, jump k instructions forward, or back
    when k is negative). ``x`` is a register or an integer. The program is built from structured
    pieces -- plain instructions, counted loops (``mov c, k`` ... ``dec c`` / ``jnz c, -n``),
    forward skips (``jnz x, 3`` over two instructions) -- so its shape is that of real assembly
    loops, and then run by our interpreter: it is kept only if it halts within ``max_steps``
    executed instructions (that run is the proof that it halts), its loops nest exactly
    ``depth`` deep, its final values stay within +-9999 and differ from the initial ones.
Difficulty:
    registers: how many registers there are (2 at level 1, 6 at level 10).
    length: the number of instructions (5 at level 1, 32 at level 10).
    depth: how deeply loops nest (1 at level 1, 3 from level 8 on; 0 gives straight-line code
        with forward skips only).
    loop_max: loop counters are set to 2..loop_max.
    max_steps: the budget of executed instructions; programs that need more are redrawn.
Prompt:
    The machine's rules, the initial register values (``a=2, b=0``), the numbered program, and
    "What are the values of all the registers when the program halts?"
Answer format:
    Every register with its final value, e.g. ``a=3, b=0, c=-2`` (``a: 3``, one per line, any
    order, upper-case names and JSON-like ``{"a": 3, "b": 0}`` are read too).
Verification:
    The answer must name every register exactly once, with no unknown names, and every value
    must equal the final value found by our interpreter at generation. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

REGISTER_NAMES = "abcdefgh"
VALUE_LIMIT = 9999
_MAX_ATTEMPTS = 400

Instruction = list  # [op, operand, operand?]: ["mov", "a", 3], ["inc", "b"], ["jnz", "c", -3]


def _operand(value: str | int, regs: dict[str, int]) -> int:
    return regs[value] if isinstance(value, str) else value


def step(program: list[Instruction], regs: dict[str, int], pointer: int) -> int:
    """Execute the instruction at ``pointer`` (changing ``regs``); returns the next pointer."""
    op, *args = program[pointer]
    if op == "mov":
        regs[args[0]] = _operand(args[1], regs)
    elif op == "add":
        regs[args[0]] += _operand(args[1], regs)
    elif op == "sub":
        regs[args[0]] -= _operand(args[1], regs)
    elif op == "inc":
        regs[args[0]] += 1
    elif op == "dec":
        regs[args[0]] -= 1
    elif op == "jnz" and _operand(args[0], regs) != 0:
        return pointer + args[1]
    return pointer + 1


def run(program: list[Instruction], initial: dict[str, int], max_steps: int) -> tuple[dict[str, int], int] | None:
    """The registers after running to a halt, and the steps taken; None past ``max_steps``."""
    regs = dict(initial)
    pointer = steps = 0
    while 0 <= pointer < len(program):
        if steps >= max_steps:
            return None
        pointer = step(program, regs, pointer)
        steps += 1
    return regs, steps


def state_after(program: list[Instruction], initial: dict[str, int], steps: int) -> dict[str, int]:
    """The registers after at most ``steps`` executed instructions."""
    regs = dict(initial)
    pointer = 0
    for _ in range(steps):
        if not 0 <= pointer < len(program):
            break
        pointer = step(program, regs, pointer)
    return regs


def render_instruction(instruction: Instruction) -> str:
    op, *args = instruction
    return f"{op} {', '.join(str(arg) for arg in args)}"


class _Builder:
    """Draws structured programs: plain instructions, forward skips and counted loops."""

    def __init__(self, rng: random.Random, names: str, loop_max: int) -> None:
        self.rng, self.names, self.loop_max = rng, names, loop_max
        self.deepest = 0

    def _source(self) -> str | int:
        return self.rng.choice(self.names) if self.rng.random() < 0.5 else self.rng.randint(1, 5)

    def plain(self, busy: set[str]) -> Instruction:
        free = [name for name in self.names if name not in busy]
        target = self.rng.choice(free)
        op = self.rng.choice(("mov", "add", "add", "sub", "inc", "inc", "dec"))
        if op in ("inc", "dec"):
            return [op, target]
        source = self._source()
        if op == "mov" and source == target:
            source = self.rng.randint(0, 9)
        return [op, target, source]

    def block(self, size: int, depth: int, busy: set[str], level: int = 0) -> list[Instruction]:
        """Exactly ``size`` instructions with loops at most ``depth`` deeper than ``level``."""
        out: list[Instruction] = []
        while len(out) < size:
            room = size - len(out)
            free_counters = [name for name in self.names if name not in busy]
            if depth > 0 and room >= 3 * depth + 1 and len(free_counters) >= 2 and self.rng.random() < 0.6:
                out += self.loop(self.rng.randint(3 * depth - 2, room - 3), depth, busy, level)
            elif room >= 2 and self.rng.random() < 0.25:
                skipped = self.rng.randint(1, min(2, room - 1))
                test = self.rng.choice(self.names) if self.rng.random() < 0.85 else self.rng.randint(0, 1)
                out.append(["jnz", test, skipped + 1])
                out += [self.plain(busy) for _ in range(skipped)]
            else:
                out.append(self.plain(busy))
        return out

    def loop(self, body_size: int, depth: int, busy: set[str], level: int) -> list[Instruction]:
        counter = self.rng.choice([name for name in self.names if name not in busy])
        self.deepest = max(self.deepest, level + 1)
        body = self.block(body_size, depth - 1, busy | {counter}, level + 1)
        return [["mov", counter, self.rng.randint(2, self.loop_max)], *body,
                ["dec", counter], ["jnz", counter, -(body_size + 1)]]


def _check(registers: int, length: int, depth: int, loop_max: int, max_steps: int) -> None:
    bounds = {"registers": (registers, 2, len(REGISTER_NAMES)), "length": (length, 3, 60),
              "depth": (depth, 0, 3), "loop_max": (loop_max, 2, 20), "max_steps": (max_steps, 10, 20000)}
    for name, (value, low, high) in bounds.items():
        if not low <= value <= high:
            raise InvalidParameterError(f"register_machine: expected {name} between {low} and {high}, found {value}")
    if registers < depth + 1:
        raise InvalidParameterError(
            f"register_machine: expected registers of at least depth + 1 = {depth + 1}, found {registers}")
    if length < 3 * depth + 1:
        raise InvalidParameterError(
            f"register_machine: expected length of at least 3 * depth + 1 = {3 * depth + 1}, found {length}")


def _question(names: str, initial: dict[str, int], program: list[Instruction]) -> str:
    listing = "\n".join(f"{i + 1}: {render_instruction(ins)}" for i, ins in enumerate(program))
    start = ", ".join(f"{name}={initial[name]}" for name in names)
    return (
        f"A machine has {len(names)} integer registers, {', '.join(names)}, and runs a program one "
        "instruction at a time, starting with instruction 1. In the instructions, x is a register "
        "or an integer constant:\n"
        "- mov r, x: set register r to x\n"
        "- add r, x: add x to register r\n"
        "- sub r, x: subtract x from register r\n"
        "- inc r: add 1 to register r;  dec r: subtract 1 from register r\n"
        "- jnz x, k: if x is not zero, jump k instructions away (k = 2 skips the next instruction, "
        "k = -3 goes back three instructions); if x is zero, go on to the next instruction\n"
        "Registers may become negative. The program halts when it moves past its last "
        f"instruction.\n\nInitial values: {start}\n\nProgram:\n{listing}\n\n"
        "What are the values of all the registers when the program halts? Answer with every "
        f"register and its final value, written like {', '.join(f'{n}=0' for n in names[:3])}."
    )


def generate(rng: random.Random, *, registers: int, length: int, depth: int, loop_max: int,
             max_steps: int) -> Problem:
    _check(registers, length, depth, loop_max, max_steps)
    names = REGISTER_NAMES[:registers]
    for _ in range(_MAX_ATTEMPTS):
        builder = _Builder(rng, names, loop_max)
        program = builder.block(length, depth, set())
        initial = {name: rng.randint(0, 5) for name in names}
        result = run(program, initial, max_steps)
        if builder.deepest != depth or result is None:
            continue
        final, steps = result
        if final == initial or any(abs(value) > VALUE_LIMIT for value in final.values()):
            continue
        data = {"registers": list(names), "initial": initial, "program": program, "final": final,
                "steps": steps}
        reference = ", ".join(f"{name}={final[name]}" for name in names)
        return Problem(question=_question(names, initial, program), data=data, reference=reference)
    raise GenerationError(f"register_machine: no program met the step budget {max_steps} in {_MAX_ATTEMPTS} attempts")
