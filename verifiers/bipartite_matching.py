"""Verifier for bipartite_matching: real left-right edges, no node twice, and the maximum number of pairs."""

from __future__ import annotations

import random
from typing import Any

from bootcamps.answers.edges import parse_edges
from bootcamps.generators.bipartite_matching import (
    greedy_matching,
    maximum_matching,
    render_matching,
)
from bootcamps.types import Verdict

_FORMAT = "expected the matched pairs separated by commas, e.g. L1-R2, L3-R1"


def _nodes(data: dict[str, Any]) -> set[str]:
    return {*data["adjacency"], *(f"R{j}" for j in range(1, data["rights"] + 1))}


def verify(data: dict[str, Any], answer: str) -> Verdict:
    adjacency = data["adjacency"]
    if not isinstance(answer, str) or len(answer) > 24 * len(adjacency) + 200:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    pairs = parse_edges(answer, _nodes(data), max_edges=2 * len(adjacency) + 2)
    if isinstance(pairs, str):
        return Verdict.unparsable(f"{pairs}; {_FORMAT}")
    used: set[str] = set()
    for u, v, _ in pairs:
        left, right = (v, u) if u.startswith("R") else (u, v)
        if not (left.startswith("L") and right.startswith("R")):
            return Verdict.wrong(f"{u}-{v} does not join a left node to a right node")
        if right not in adjacency[left]:
            return Verdict.wrong(f"there is no edge {left}-{right}")
        for node in (left, right):
            if node in used:
                return Verdict.wrong(f"{node} is in more than one pair")
            used.add(node)
    if len(pairs) != data["maximum"]:
        return Verdict.wrong(f"the matching is valid but has {len(pairs)} pairs; a larger matching exists")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _pairs(reference: str) -> list[tuple[str, str]]:
    return [tuple(item.split("-")) for item in reference.split(", ")]  # type: ignore[misc]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    pairs = _pairs(reference)
    forms = [
        ", ".join(f"{right}-{left}" for left, right in pairs),
        ", ".join(f"({left}, {right})" for left, right in pairs[::-1]),
        "\n".join(f"{left} -> {right}" for left, right in pairs),
        reference.lower(),
        f"[{reference}]",
        " and ".join(f"{left} - {right}" for left, right in pairs),
    ]
    other = maximum_matching(data["adjacency"], reverse_scan=True)
    if sorted(other.items()) != sorted(pairs):
        forms.append(render_matching(other, list(data["adjacency"])))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    adjacency = data["adjacency"]
    pairs = _pairs(reference)
    left, right = pairs[0]
    lonely = next((other for other in adjacency if other != left and right in adjacency[other]), None)
    missing = next((f"R{j}" for j in range(1, data["rights"] + 1) if f"R{j}" not in adjacency[left]), None)
    misses = [
        ", ".join(f"{a}-{b}" for a, b in pairs[:-1]),  # one pair short
        render_matching(greedy_matching(adjacency), list(adjacency)),  # maximal but not maximum
        f"{reference} or {', '.join(f'{a}-{b}' for a, b in pairs[:-1])}",
        str(data["maximum"]),
        ", ".join(f"{a}-{b}" for a, neighbours in adjacency.items() for b in neighbours),  # every edge
        ", ".join(f"{a}-{b}" for a, b in pairs[1:]) + f", {left}-{pairs[-1][1]}" if len(pairs) > 1 else "",
    ]
    if lonely is not None:
        misses.append(f"{reference}, {lonely}-{right}")  # a right node used twice
    if missing is not None:
        misses.append(", ".join([f"{left}-{missing}", *(f"{a}-{b}" for a, b in pairs[1:])]))  # not an edge
    shuffled = [b for _, b in pairs]
    random.Random(len(pairs)).shuffle(shuffled)
    misses.append(", ".join(f"{a}-{b}" for (a, _), b in zip(pairs, shuffled, strict=True)))
    return [miss for miss in misses if miss and not verify(data, miss).correct]
