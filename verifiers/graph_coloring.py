"""Verifier for graph_coloring: every node gets one colour in 1..k and no edge is monochromatic."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_MAX_CHARS_PER_NODE = 40
_MAX_NUMBER_DIGITS = 6
_SEPARATORS = re.compile(r"[,;\n]")
_PAIR = re.compile(
    r"(?:node\s*|vertex\s*|v)?(\d{1,6})\s*(?::|=|->|→|=>|is)\s*(?:colou?r\s*)?(\d{1,6})", re.IGNORECASE
)
_CANONICAL = re.compile(r"\s*\d{1,6}\s*:\s*\d{1,6}(?:\s*,\s*\d{1,6}\s*:\s*\d{1,6})*\s*")
_CANONICAL_PAIR = re.compile(r"(\d+)\s*:\s*(\d+)")
_BARE = re.compile(r"\d{1,6}")
_QUOTES = str.maketrans("", "", "\"'`*")
_FORMAT = "expected node: colour pairs such as 1: 2, 2: 1, ... for every node"


def _items(text: str) -> list[str]:
    text = text.strip().translate(_QUOTES).rstrip(".").strip()
    while len(text) >= 2 and text[0] + text[-1] in ("()", "[]", "{}"):
        text = text[1:-1].strip()
    items = [item.strip() for item in _SEPARATORS.split(text)]
    if len(items) == 1:
        items = text.split()
    return [item for item in items if item]


def parse_colouring(text: str, nodes: int) -> list[tuple[int, int]] | str:
    """(node, colour) pairs in answer order, or a reason why the text has not that form."""
    if _CANONICAL.fullmatch(text):  # the common form, read in one pass
        return [(int(node), int(colour)) for node, colour in _CANONICAL_PAIR.findall(text)]
    items = _items(text)
    if not items:
        return _FORMAT
    pairs = [_PAIR.fullmatch(item) for item in items]
    if all(pair is not None for pair in pairs):
        return [(int(pair.group(1)), int(pair.group(2))) for pair in pairs]  # type: ignore[union-attr]
    if len(items) == nodes and all(_BARE.fullmatch(item) for item in items):
        return [(node, int(item)) for node, item in enumerate(items, start=1)]  # colours in node order
    return _FORMAT


def verify(data: dict[str, Any], answer: str) -> Verdict:
    nodes, colors = data["nodes"], data["colors"]
    if len(answer) > _MAX_CHARS_PER_NODE * nodes + 200:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    pairs = parse_colouring(answer, nodes)
    if isinstance(pairs, str):
        return Verdict.unparsable(pairs)
    colour_of = [0] * (nodes + 1)
    for node, colour in pairs:
        if not 1 <= node <= nodes:
            return Verdict.wrong(f"there is no node {node}; the nodes are 1 to {nodes}")
        if colour_of[node]:
            return Verdict.wrong(f"node {node} is given more than once")
        if not 1 <= colour <= colors:
            return Verdict.wrong(f"colour {colour} of node {node} is not in 1 to {colors}")
        colour_of[node] = colour
    if len(pairs) < nodes:
        missing = [str(v) for v in range(1, nodes + 1) if not colour_of[v]]
        return Verdict.wrong(f"no colour given for node {', '.join(missing[:5])}"
                             + (" and others" if len(missing) > 5 else ""))
    for u, v in data["edges"]:
        if colour_of[u] == colour_of[v]:
            break
    else:
        return Verdict.right()
    clashes = [(u, v) for u, v in data["edges"] if colour_of[u] == colour_of[v]]
    u, v = clashes[0]
    return Verdict.wrong(f"{len(clashes)} edge(s) join nodes of the same colour, e.g. {u}-{v}")


def _colours(reference: str) -> list[int]:
    """The reference's colours in node order (the generator writes it as "1: c1, 2: c2, ...")."""
    return [int(item.split(":")[1]) for item in reference.split(",")]


def _render(colours: list[int]) -> str:
    return ", ".join(f"{v}: {c}" for v, c in enumerate(colours, start=1))


def _recoloured(data: dict[str, Any], colours: list[int]) -> list[int] | None:
    """Another proper colouring that differs from the given one in one node, if there is one."""
    neighbours: list[set[int]] = [set() for _ in range(len(colours) + 1)]
    for u, v in data["edges"]:
        neighbours[u].add(colours[v - 1])
        neighbours[v].add(colours[u - 1])
    for node in range(1, len(colours) + 1):
        free = [c for c in range(1, data["colors"] + 1) if c not in neighbours[node] and c != colours[node - 1]]
        if free:
            return [free[0] if v == node else c for v, c in enumerate(colours, start=1)]
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    colours = _colours(reference)
    k = data["colors"]
    pairs = list(enumerate(colours, start=1))
    forms = [
        ", ".join(f"{v}: {c}" for v, c in reversed(pairs)),
        "\n".join(f"{v} = {c}" for v, c in pairs),
        "; ".join(f"node {v} -> colour {c}" for v, c in pairs),
        "{" + ", ".join(f'"{v}": {c}' for v, c in pairs) + "}",
        ", ".join(str(c) for c in colours),
        "[" + " ".join(str(c) for c in colours) + "]",
        _render([c % k + 1 for c in colours]),  # the colours permuted: another valid colouring
    ]
    other = _recoloured(data, colours)
    if other is not None:
        forms.append(_render(other))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    colours = _colours(reference)
    n, k = data["nodes"], data["colors"]
    u, v = data["edges"][0]
    conflict = list(colours)
    conflict[u - 1] = colours[v - 1]
    out_of_range = [k + 1, *colours[1:]]
    return [
        _render([1] * n),  # all nodes the same colour
        _render(conflict),  # the reference with one edge made monochromatic
        _render(out_of_range),
        _render([0, *colours[1:]]),
        _render(colours[:-1]),  # a node missing
        reference + f", {n + 1}: 1",  # a node that does not exist
        reference + f", 1: {colours[0]}",  # a node given twice
        reference.replace(f"1: {colours[0]}", f"1: {colours[0]} or {colours[0] % k + 1}", 1),
        ", ".join(str(c - 1) for c in colours),  # colours numbered from 0
        ", ".join(str(c) for c in colours[:-1]),
        ", ".join(f"{a}-{b}" for a, b in data["edges"]),  # the edges copied back
        ", ".join(f"{a}: {b}" for a, b in data["edges"][:n]),
    ]
