"""Circuit resistance: the exact equivalent resistance of a series-parallel resistor network.

Description:
    A random series-parallel network of resistors with whole-ohm values is built as a tree
    (series and parallel nodes alternate, so every level of nesting is real). It is shown either
    as a nested expression, series(R1, parallel(R2, R3)), or as a netlist: each resistor joins
    two named nodes, and the answer is the resistance between terminals A and B (the netlist is
    series-parallel reducible by construction, with shuffled node names and resistor order; at
    high levels a few resistors dangle from one node and carry no current).
    The equivalent resistance is computed exactly with fractions; networks whose value is 1 ohm
    are redrawn (a zero-effort "1" must never score).
Difficulty:
    resistors: number of resistors (2 at level 1, 14 at level 10).
    depth: nesting depth of the series/parallel tree, reached exactly (1 at level 1, 5 at
        level 10).
    netlist: whether the network is given as a node list to reduce (levels 6-10) rather than as
        a nested expression.
    dangling: extra resistors in the netlist that hang from one node to a node of their own
        (levels 8-10): no current flows through them, and the answer must ignore them.
    max_ohms: resistor values are drawn from 1..max_ohms.
Prompt:
    "Resistor values: R1 = 6 Ω, R2 = 3 Ω, R3 = 6 Ω. Network: series(R1, parallel(R2, R3)) ...
    What is the exact equivalent resistance?" or "R1 = 6 Ω connects nodes A and 3 ... between
    terminals A and B".
Answer format:
    The exact value in ohms: an integer or a fraction (15/4), an exact decimal (3.75) or a mixed
    number (3 3/4), optionally with a unit (Ω, ohm, ohms) or a leading "R_eq =".
Verification:
    The answer is read as an exact rational and compared with the exact equivalent resistance.
    A rounded decimal (3.33 for 10/3) is not exact and is rejected, with a reason saying so.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from bootcamps.answers.numbers import format_rational
from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_RESISTORS, MAX_RESISTORS = 2, 20
MIN_DEPTH, MAX_DEPTH = 1, 6
MIN_OHMS, MAX_OHMS = 2, 1000
MAX_DANGLING = 4
_MAX_ATTEMPTS = 100
_OTHER = {"series": "parallel", "parallel": "series"}

# A network is a leaf (resistor index) or [kind, [children]] with kind "series" or "parallel".
Network = Any


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` as ``parts`` positive integers in random order."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _build(rng: random.Random, leaves: int, depth: int, kind: str) -> Network:
    """A ``kind`` node with exactly ``leaves`` resistors and nesting depth exactly ``depth``."""
    if depth == 1:
        return [kind, [None] * leaves]
    count = rng.randint(2, min(4, leaves - depth + 1))
    deep = rng.randint(depth, leaves - (count - 1))
    children = [_build(rng, deep, depth - 1, _OTHER[kind])]
    children += [_subtree(rng, size, depth - 1, _OTHER[kind]) for size in _split(rng, leaves - deep, count - 1)]
    rng.shuffle(children)
    return [kind, children]


def _subtree(rng: random.Random, leaves: int, max_depth: int, kind: str) -> Network:
    if leaves == 1:
        return None
    return _build(rng, leaves, rng.randint(1, min(max_depth, leaves - 1)), kind)


def _number_leaves(network: Network, counter: list[int]) -> Network:
    """The network with its leaves replaced by resistor indices 0, 1, ... in reading order."""
    if network is None:
        counter[0] += 1
        return counter[0] - 1
    kind, children = network
    return [kind, [_number_leaves(child, counter) for child in children]]


def equivalent(network: Network, ohms: list[int]) -> Fraction:
    """The exact equivalent resistance of a network."""
    if isinstance(network, int):
        return Fraction(ohms[network])
    kind, children = network
    values = [equivalent(child, ohms) for child in children]
    if kind == "series":
        return sum(values, Fraction(0))
    return 1 / sum((1 / value for value in values), Fraction(0))


def expression(network: Network) -> str:
    if isinstance(network, int):
        return f"R{network + 1}"
    kind, children = network
    return f"{kind}(" + ", ".join(expression(child) for child in children) + ")"


def _wire(network: Network, start: str, end: str, nodes: list[str], edges: list[list[Any]]) -> None:
    """Netlist edges [resistor, node, node] of a network placed between two nodes."""
    if isinstance(network, int):
        edges.append([network, start, end])
        return
    kind, children = network
    if kind == "parallel":
        for child in children:
            _wire(child, start, end, nodes, edges)
        return
    points = [start]
    for _ in children[:-1]:
        nodes.append(str(len(nodes) + 1))
        points.append(nodes[-1])
    points.append(end)
    for child, (a, b) in zip(children, zip(points, points[1:], strict=False), strict=True):
        _wire(child, a, b, nodes, edges)


def netlist_rows(rng: random.Random, network: Network, ohms: list[int], dangling: int = 0,
                 max_ohms: int = 1) -> list[list[Any]]:
    """Rows [name, ohms, node, node] with shuffled order, node names and directions.

    ``dangling`` extra resistors each hang from a node of the network to a node of their own:
    no current flows through them, so they do not change the resistance between A and B.
    """
    nodes: list[str] = []
    edges: list[list[Any]] = []
    _wire(network, "A", "B", nodes, edges)
    ohms = list(ohms)
    anchors = ["A", "B", *nodes]
    for _ in range(dangling):
        anchor = rng.choice(anchors)
        nodes.append(str(len(nodes) + 1))
        edges.append([len(ohms), anchor, nodes[-1]])
        ohms.append(rng.randint(1, max_ohms))
    names = [str(i) for i in range(1, len(nodes) + 1)]
    rng.shuffle(names)
    rename = dict(zip(nodes, names, strict=True)) | {"A": "A", "B": "B"}
    rng.shuffle(edges)
    rows = []
    for number, (index, a, b) in enumerate(edges, start=1):
        ends = [rename[a], rename[b]]
        rng.shuffle(ends)
        rows.append([f"R{number}", ohms[index], *ends])
    return rows


_RULES = ("series(X, Y, ...) means the parts are connected one after another, end to end; "
          "parallel(X, Y, ...) means the parts are connected side by side between the same two points.")


def _question(data: dict[str, Any]) -> str:
    ask = ("What is the exact equivalent resistance {where}, in ohms? Give it as an integer or a "
           "fraction in lowest terms such as 15/4 (an exact decimal such as 3.75 is also accepted; "
           "a rounded decimal is not).")
    if data["form"] == "nested":
        values = ", ".join(f"R{i + 1} = {value} Ω" for i, value in enumerate(data["ohms"]))
        return (f"A resistor network is built from these resistors: {values}.\n\n"
                f"Network: {data['network']}\n\n{_RULES}\n\n" + ask.format(where="of the whole network"))
    lines = "\n".join(f"{name} = {value} Ω between nodes {a} and {b}" for name, value, a, b in data["resistors"])
    return ("A circuit has terminals A and B and internal nodes named by numbers. Each resistor "
            f"connects two nodes:\n\n{lines}\n\n" + ask.format(where="between terminals A and B"))


def _check_knobs(resistors: int, depth: int, max_ohms: int, netlist: bool, dangling: int) -> None:
    if not MIN_RESISTORS <= resistors <= MAX_RESISTORS:
        raise InvalidParameterError(f"circuit_resistance: expected resistors between {MIN_RESISTORS} and "
                                    f"{MAX_RESISTORS}, found {resistors}")
    if not MIN_DEPTH <= depth <= min(MAX_DEPTH, resistors - 1):
        raise InvalidParameterError(f"circuit_resistance: expected depth between {MIN_DEPTH} and "
                                    f"{min(MAX_DEPTH, resistors - 1)} for {resistors} resistors, found {depth}")
    if not 0 <= dangling <= (MAX_DANGLING if netlist else 0):
        raise InvalidParameterError(f"circuit_resistance: expected dangling between 0 and "
                                    f"{MAX_DANGLING if netlist else 0} (dangling resistors need the netlist "
                                    f"form), found {dangling}")
    if not MIN_OHMS <= max_ohms <= MAX_OHMS:
        raise InvalidParameterError(f"circuit_resistance: expected max_ohms between {MIN_OHMS} and {MAX_OHMS}, "
                                    f"found {max_ohms}")


def generate(rng: random.Random, *, resistors: int, depth: int, netlist: bool, dangling: int,
             max_ohms: int) -> Problem:
    _check_knobs(resistors, depth, max_ohms, netlist, dangling)
    for _ in range(_MAX_ATTEMPTS):
        network = _number_leaves(_build(rng, resistors, depth, rng.choice(("series", "parallel"))), [0])
        ohms = [rng.randint(1, max_ohms) for _ in range(resistors)]
        value = equivalent(network, ohms)
        if value == 1:
            continue
        if netlist:
            data = {"form": "netlist", "resistors": netlist_rows(rng, network, ohms, dangling, max_ohms)}
        else:
            data = {"form": "nested", "ohms": ohms, "network": expression(network)}
        data["value"] = format_rational(value)
        return Problem(question=_question(data), data=data, reference=format_rational(value))
    raise GenerationError(f"circuit_resistance: every network had a 1 ohm value in {_MAX_ATTEMPTS} attempts")
