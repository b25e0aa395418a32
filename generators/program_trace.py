"""Program trace: give the exact output of a small generated Python program.

Description:
    A random program over integer variables (arithmetic with + - * // % on small numbers,
    comparisons, if/else, for loops over range(...), while loops with a counter, and at higher
    levels lists with append, indexing and len) is built as a syntax tree, rendered as Python
    source and run by our own interpreter on that tree (the source is never executed). Python's
    semantics are followed exactly: floor division and modulo round towards minus infinity,
    print separates its arguments by one space and shows lists as ``[1, 2, 3]``. Programs that
    would fail (an index out of range), run more than 4000 statements, reach values beyond
    +-1,000,000, print more than 30 lines, print nothing but zeros or print only a lone 1 or -1
    are redrawn.
Difficulty:
    statements: the number of statements, counting those inside blocks (4 at level 1, 22 at
        level 10).
    depth: how deeply blocks (if, for, while) nest: some statement nests exactly this deep, none
        deeper (1 at level 1, 3 from level 8 on; statements must be at least depth + 3).
    loop_max: every loop runs at most this many times (3 at level 1, 7 at level 10).
    while_loops: whether while loops appear (from level 3 on).
    lists: whether lists, append, indexing and len appear (from level 5 on).
Prompt:
    "What does this Python program print?" then the source in a code block, then the answer
    format.
Answer format:
    The printed output exactly, one printed line per line. Spacing is free: leading, trailing
    and repeated spaces, spaces around brackets and commas, blank lines and a surrounding code
    fence are ignored.
Verification:
    The answer's lines, whitespace-normalised, must equal the interpreter's output lines
    (normalised the same way), in order and in number. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from typing import Any

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MAX_STEPS = 4000
MAX_VALUE = 1_000_000
MAX_LINES = 30
MAX_LIST = 12
_MAX_ATTEMPTS = 300
_INT_NAMES = ("a", "b", "c", "x", "y", "n", "total", "count", "s", "t")
_LIST_NAMES = ("xs", "ys", "nums")
_LOOP_NAMES = ("i", "j", "k")
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "//": 2, "%": 2}

Node = list  # syntax tree nodes are JSON-ready lists: ["bin", "+", left, right], ["num", 3], ...


class ProgramError(Exception):
    """The program fails or leaves its bounds when run; the generator draws another."""


# -- interpreter -----------------------------------------------------------------------------

class Interpreter:
    """Runs a syntax tree with Python's semantics, or with one deliberate misreading.

    ``inclusive_range`` (range(a, b) taken to include b) and ``truncating_division`` (// and %
    rounding towards zero, as in C) produce the outputs of two classic mistakes.
    """

    def __init__(self, *, inclusive_range: bool = False, truncating_division: bool = False) -> None:
        self.inclusive_range, self.truncating = inclusive_range, truncating_division
        self.env: dict[str, Any] = {}
        self.lines: list[str] = []
        self.steps = 0

    def run(self, program: list[Node]) -> list[str]:
        self.block(program)
        return self.lines

    def block(self, statements: list[Node]) -> None:
        for statement in statements:
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise ProgramError("too many steps")
            self.statement(statement)

    def statement(self, node: Node) -> None:
        kind = node[0]
        if kind == "assign":
            self.env[node[1]] = self.checked(self.expr(node[2]))
        elif kind == "aug":
            self.env[node[1]] = self.checked(self.binary(node[2], self.env[node[1]], self.expr(node[3])))
        elif kind == "print":
            self.lines.append(" ".join(self.show(self.expr(arg)) for arg in node[1]))
            if len(self.lines) > MAX_LINES:
                raise ProgramError("too many lines")
        elif kind == "if":
            self.block(node[2] if self.expr(node[1]) else node[3])
        elif kind == "for":
            self.loop(node)
        elif kind == "while":
            while self.expr(node[1]):
                self.block(node[2])
        elif kind == "list":
            self.env[node[1]] = [self.checked(self.expr(item)) for item in node[2]]
        elif kind == "append":
            self.env[node[1]].append(self.checked(self.expr(node[2])))
            if len(self.env[node[1]]) > MAX_LIST:
                raise ProgramError("list too long")
        elif kind == "setitem":
            items, index = self.env[node[1]], self.expr(node[2])
            self.in_range(items, index)
            items[index] = self.checked(self.expr(node[3]))

    def loop(self, node: Node) -> None:
        _, name, start, stop, step, body = node
        start, stop, step = self.expr(start), self.expr(stop), self.expr(step)
        if self.inclusive_range:
            stop += 1 if step > 0 else -1
        for value in range(start, stop, step):
            self.env[name] = value
            self.block(body)

    def expr(self, node: Node) -> Any:
        kind = node[0]
        if kind == "num":
            return node[1]
        if kind == "var":
            return self.env[node[1]]
        if kind == "bin":
            return self.checked(self.binary(node[1], self.expr(node[2]), self.expr(node[3])))
        if kind == "cmp":
            return self.compare(node[1], self.expr(node[2]), self.expr(node[3]))
        if kind == "index":
            items, index = self.env[node[1]], self.expr(node[2])
            self.in_range(items, index)
            return items[index]
        if kind == "len":
            return len(self.env[node[1]])
        raise ProgramError(f"unknown expression {kind}")

    def binary(self, op: str, left: int, right: int) -> int:
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op == "*":
            return left * right
        if right == 0:
            raise ProgramError("division by zero")
        quotient = left // right
        if self.truncating and quotient < 0 and quotient * right != left:
            quotient += 1
        return quotient if op == "//" else left - right * quotient

    @staticmethod
    def compare(op: str, left: int, right: int) -> bool:
        return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right,
                "==": left == right, "!=": left != right}[op]

    @staticmethod
    def in_range(items: list[int], index: int) -> None:
        if not -len(items) <= index < len(items):
            raise ProgramError("index out of range")

    @staticmethod
    def checked(value: int) -> int:
        if abs(value) > MAX_VALUE:
            raise ProgramError("value too large")
        return value

    @staticmethod
    def show(value: Any) -> str:
        return "[" + ", ".join(map(str, value)) + "]" if isinstance(value, list) else str(value)


def run_program(program: list[Node], **misreading: bool) -> list[str]:
    """The printed lines of a program; raises ProgramError when it fails or leaves its bounds."""
    return Interpreter(**misreading).run(program)


# -- rendering -------------------------------------------------------------------------------

def render_expr(node: Node, parent: int = 0, right: bool = False) -> str:
    """Python source of an expression, with only the parentheses precedence needs."""
    kind = node[0]
    if kind == "num":
        return str(node[1])
    if kind == "var":
        return node[1]
    if kind == "index":
        return f"{node[1]}[{render_expr(node[2])}]"
    if kind == "len":
        return f"len({node[1]})"
    if kind == "cmp":
        return f"{render_expr(node[2])} {node[1]} {render_expr(node[3])}"
    precedence = _PRECEDENCE[node[1]]
    text = f"{render_expr(node[2], precedence)} {node[1]} {render_expr(node[3], precedence, True)}"
    return f"({text})" if precedence < parent or (right and precedence == parent) else text


def render(program: list[Node], indent: str = "") -> list[str]:
    """Python source lines of a block."""
    lines = []
    for node in program:
        kind = node[0]
        if kind == "assign":
            lines.append(f"{indent}{node[1]} = {render_expr(node[2])}")
        elif kind == "aug":
            lines.append(f"{indent}{node[1]} {node[2]}= {render_expr(node[3])}")
        elif kind == "print":
            lines.append(f"{indent}print({', '.join(render_expr(arg) for arg in node[1])})")
        elif kind == "if":
            lines += [f"{indent}if {render_expr(node[1])}:", *render(node[2], indent + "    ")]
            if node[3]:
                lines += [f"{indent}else:", *render(node[3], indent + "    ")]
        elif kind == "for":
            lines += [f"{indent}for {node[1]} in {_range_text(node)}:", *render(node[5], indent + "    ")]
        elif kind == "while":
            lines += [f"{indent}while {render_expr(node[1])}:", *render(node[2], indent + "    ")]
        elif kind == "list":
            lines.append(f"{indent}{node[1]} = [{', '.join(render_expr(item) for item in node[2])}]")
        elif kind == "append":
            lines.append(f"{indent}{node[1]}.append({render_expr(node[2])})")
        elif kind == "setitem":
            lines.append(f"{indent}{node[1]}[{render_expr(node[2])}] = {render_expr(node[3])}")
    return lines


def _range_text(node: Node) -> str:
    start, stop, step = (render_expr(part) for part in node[2:5])
    if step != "1":
        return f"range({start}, {stop}, {step})"
    return f"range({stop})" if start == "0" else f"range({start}, {stop})"


# -- random programs -------------------------------------------------------------------------

class _Builder:
    """Draws a random program whose variables are always defined before they are read."""

    def __init__(self, rng: random.Random, loop_max: int, while_loops: bool, lists: bool) -> None:
        self.rng, self.loop_max, self.while_loops, self.lists = rng, loop_max, while_loops, lists
        self.ints: list[str] = []  # defined at top level, so defined on every path afterwards
        self.list_sizes: dict[str, int] = {}  # defined lists and their length when created
        self.readable_loop_vars: list[str] = []
        self.protected: set[str] = set()  # loop counters the current body must not assign

    def num(self, low: int = 0, high: int = 9) -> Node:
        return ["num", self.rng.randint(low, high)]

    def leaf(self) -> Node:
        readable = self.ints + self.readable_loop_vars
        roll = self.rng.random()
        if self.list_sizes and roll < 0.2:
            name = self.rng.choice(sorted(self.list_sizes))
            if self.rng.random() < 0.4:
                return ["len", name]
            return ["index", name, self.num(0, self.list_sizes[name] - 1)]
        if readable and roll < 0.7:
            return ["var", self.rng.choice(readable)]
        return self.num(1, 9)

    def expr(self, size: int) -> Node:
        if size <= 1:
            return self.leaf()
        op = self.rng.choice(("+", "+", "-", "-", "*", "//", "%"))
        if op in ("//", "%", "*"):
            return ["bin", op, self.expr(size - 1), self.num(2, 5)]
        return ["bin", op, self.expr(size - 1), self.expr(self.rng.randint(1, max(1, size - 2)))]

    def condition(self) -> Node:
        """A comparison whose left side reads a variable, so the branch taken depends on the run."""
        subject = ["var", self.rng.choice(self.ints + self.readable_loop_vars)]
        if self.rng.random() < 0.25:
            return ["cmp", self.rng.choice(("==", "!=")), ["bin", "%", subject, self.num(2, 3)], ["num", 0]]
        if self.rng.random() < 0.3:
            subject = ["bin", self.rng.choice(("+", "-")), subject, self.leaf()]
        other = self.leaf()
        if other == subject or (subject[0] == "bin" and other == subject[2]):
            other = self.num(0, 9)  # not "a < a", whose outcome needs no trace
        return ["cmp", self.rng.choice(("<", "<=", ">", ">=", "==", "!=")), subject, other]

    def assignable(self) -> list[str]:
        return [name for name in self.ints if name not in self.protected]

    def simple(self, top: bool) -> Node:
        fresh = [name for name in _INT_NAMES if name not in self.ints]
        targets = self.assignable()
        roll = self.rng.random()
        wants_list = roll < (0.1 if self.list_sizes else 0.6)  # the first list comes early
        if self.lists and top and self.ints and wants_list and len(self.list_sizes) < len(_LIST_NAMES):
            name = next(n for n in _LIST_NAMES if n not in self.list_sizes)
            items = [self.expr(1) for _ in range(self.rng.randint(2, 4))]
            self.list_sizes[name] = len(items)
            return ["list", name, items]
        if self.list_sizes and roll < 0.35:
            name, kind = self.rng.choice(sorted(self.list_sizes)), self.rng.random()
            if kind < 0.25:
                return ["print", [["var", name]]]
            if kind < 0.7:
                return ["append", name, self.expr(2)]
            return ["setitem", name, self.num(0, self.list_sizes[name] - 1), self.expr(2)]
        if roll < 0.45 and self.ints:
            return ["print", [self.expr(self.rng.randint(1, 2)) for _ in range(self.rng.randint(1, 2))]]
        if top and fresh and (not targets or roll < 0.65):
            name = fresh[0]
            node = ["assign", name, self.expr(self.rng.randint(1, 3)) if self.ints else self.num(1, 9)]
            self.ints.append(name)
            return node
        if not targets:
            return ["print", [self.leaf()]]
        target = self.rng.choice(targets)
        if self.rng.random() < 0.6:
            op = self.rng.choice(("+", "+", "-", "*", "//", "%"))
            value = self.num(2, 5) if op in ("*", "//", "%") else self.expr(self.rng.randint(1, 2))
            return ["aug", target, op, value]
        return ["assign", target, self.expr(self.rng.randint(1, 3))]

    def block(self, size: int, depth: int, top: bool = False, deepest: bool = False) -> list[Node]:
        """Exactly ``size`` statements (counting nested ones), blocks nested at most ``depth`` deep.

        With ``deepest``, one statement (at a random place) holds blocks nested exactly ``depth``
        deep: it needs ``depth + 1`` statements, which are kept free for it until it is placed.
        """
        out: list[Node] = []
        pending, need = deepest and depth > 0, depth + 1
        while size > 0:
            if pending and self.ints and (size <= need or self.rng.random() < 0.3):
                used, nodes = self.compound(size, depth, forced=True, top=top)
                pending = False
            elif depth > 0 and size - pending * need >= 2 and self.ints and self.rng.random() < 0.4:
                used, nodes = self.compound(size - pending * need, depth, top=top)
            else:
                used, nodes = 1, [self.simple(top)]
            out += nodes
            size -= used
        return out

    def compound(self, size: int, depth: int, forced: bool = False, top: bool = False) -> tuple[int, list[Node]]:
        """An if, for or while statement of at most ``size`` statements in all; with ``forced``,
        its blocks nest exactly ``depth`` deep."""
        while_room = depth + 3 if forced else 3
        kinds = ["if", "for", "for"]
        has_fresh = len(self.ints) < len(_INT_NAMES)
        if self.while_loops and size >= while_room and (self.assignable() or (top and has_fresh)):
            kinds += ["while", "while"]
        kind = self.rng.choice(kinds)
        if kind == "if":
            body = self.rng.randint(depth if forced else 1, min(size - 1, 4))
            other = self.rng.randint(0, min(size - 1 - body, 3))
            node = ["if", self.condition(), self.block(body, depth - 1, deepest=forced),
                    self.block(other, depth - 1)]
            return 1 + body + other, [node]
        if kind == "for":
            return self.for_loop(size, depth, forced)
        return self.while_loop(size, depth, forced, top)

    def for_loop(self, size: int, depth: int, forced: bool) -> tuple[int, list[Node]]:
        name = _LOOP_NAMES[len(self.readable_loop_vars)]
        count = self.rng.randint(2, self.loop_max)
        shape = self.rng.random()
        if shape < 0.4:
            bounds = [["num", 0], ["num", count], ["num", 1]]
        elif shape < 0.8:
            start = self.rng.randint(1, 5)
            bounds = [["num", start], ["num", start + count], ["num", 1]]
        else:
            start, step = self.rng.randint(0, 3), self.rng.choice((2, 3, -1, -2))
            bounds = [["num", start], ["num", start + step * count], ["num", step]]
            if step < 0:
                bounds = [["num", start + 10], ["num", start + 10 + step * count], ["num", step]]
        body = self.rng.randint(depth if forced else 1, min(size - 1, 5))
        self.readable_loop_vars.append(name)
        self.protected.add(name)
        nodes = self.block(body, depth - 1, deepest=forced)
        self.readable_loop_vars.pop()
        self.protected.discard(name)
        return 1 + body, [["for", name, *bounds, nodes]]

    def while_loop(self, size: int, depth: int, forced: bool, top: bool) -> tuple[int, list[Node]]:
        """A counter set just before the loop and stepped at the end of its body.

        At top level a fresh variable is used when one is left, so the loop does not wipe out
        what was computed before it; the body may read the counter but not assign it.
        """
        fresh = [name for name in _INT_NAMES if name not in self.ints]
        counter = fresh[0] if top and fresh else self.rng.choice(self.assignable())
        count, step = self.rng.randint(1, self.loop_max), self.rng.randint(1, 3)
        start = self.rng.randint(0, 6)
        body = self.rng.randint(depth + 1 if forced else 1, min(size - 2, 4))
        self.protected.add(counter)
        reads_counter = counter not in self.ints
        if reads_counter:
            self.readable_loop_vars.append(counter)
        nodes = self.block(body - 1, depth - 1, deepest=forced) if body > 1 else []
        if reads_counter:
            self.readable_loop_vars.pop()
            self.ints.append(counter)
        self.protected.discard(counter)
        if self.rng.random() < 0.5:
            test = ["cmp", "<", ["var", counter], ["num", start + step * (count - 1) + 1]]
            update = ["aug", counter, "+", ["num", step]]
        else:
            start += step * count
            test = ["cmp", ">", ["var", counter], ["num", start - step * count]]
            update = ["aug", counter, "-", ["num", step]]
        return body + 2, [["assign", counter, ["num", start]], ["while", test, [*nodes, update]]]


def _check(statements: int, depth: int, loop_max: int) -> None:
    for name, value, low, high in (("statements", statements, 3, 40), ("depth", depth, 0, 3),
                                   ("loop_max", loop_max, 2, 10)):
        if not low <= value <= high:
            raise InvalidParameterError(f"program_trace: expected {name} between {low} and {high}, found {value}")
    if statements < depth + 3:
        raise InvalidParameterError(
            f"program_trace: expected statements of at least depth + 3 = {depth + 3}, found {statements}")


_TRIVIAL_OUTPUTS = {"0", "1", "-1", "[]"}


def _interesting(lines: list[str]) -> bool:
    """Some output, not only zeros, and not a lone 0, 1 or -1 that a blind guess would hit."""
    if not lines or "\n".join(lines) in _TRIVIAL_OUTPUTS:
        return False
    return any(ch in "123456789" for line in lines for ch in line)


def _question(source: str) -> str:
    return (
        "What does this Python program print?\n\n```python\n" + source + "\n```\n\n"
        "Answer with the exact output, one printed line per line, as Python would print it "
        "(print separates its arguments by one space and shows a list as [1, 2, 3])."
    )


def generate(rng: random.Random, *, statements: int, depth: int, loop_max: int, while_loops: bool,
             lists: bool) -> Problem:
    _check(statements, depth, loop_max)
    for _ in range(_MAX_ATTEMPTS):
        builder = _Builder(rng, loop_max, while_loops, lists)
        program = builder.block(statements - 1, depth, top=True, deepest=True)
        if not builder.ints:
            continue
        names = rng.sample(builder.ints, min(len(builder.ints), rng.randint(1, 2)))
        program.append(["print", [["var", name] for name in names]])
        try:
            lines = run_program(program)
        except ProgramError:
            continue
        if not _interesting(lines):
            continue
        source = "\n".join(render(program))
        data = {"source": source, "program": program, "output": lines}
        return Problem(question=_question(source), data=data, reference="\n".join(lines))
    raise GenerationError(f"program_trace: no valid program in {_MAX_ATTEMPTS} attempts")
