"""Verifier for topological_sort: every node exactly once, and every edge X -> Y has X before Y."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.edges import parse_node_sequence
from bootcamps.generators.topological_sort import kahn_order
from bootcamps.types import Verdict


def verify(data: dict[str, Any], answer: str) -> Verdict:
    names = data["nodes"]
    if not isinstance(answer, str) or len(answer) > 12 * len(names) + 200:
        return Verdict.unparsable("expected the nodes separated by commas; the answer is too long")
    order = parse_node_sequence(answer, set(names))
    if isinstance(order, str):
        return Verdict.unparsable(order)
    position: dict[str, int] = {}
    for index, name in enumerate(order):
        if name in position:
            return Verdict.wrong(f"{name} is listed more than once; list every node exactly once")
        position[name] = index
    if len(position) < len(names):
        missing = [name for name in names if name not in position]
        return Verdict.wrong(f"node(s) {', '.join(missing[:5])} missing; list every node exactly once")
    for u, v in data["edges"]:
        if position[u] > position[v]:
            return Verdict.wrong(f"the edge {u} -> {v} is violated: {v} comes before {u}")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    order = reference.split(", ")
    forms = [" -> ".join(order), " ".join(order), "\n".join(order), f"[{reference}]", reference.lower(),
             ",".join(order), f"{reference}."]
    other = kahn_order(data["nodes"], data["edges"], largest_first=True)
    if other != order:
        forms.append(", ".join(other))
    return forms


def _one_edge_violated(data: dict[str, Any], order: list[str]) -> list[str] | None:
    """The order with one edge's head moved just before its tail."""
    if not data["edges"]:
        return None
    u, v = data["edges"][0]
    rest = [name for name in order if name != v]
    at = rest.index(u)
    return [*rest[:at], v, *rest[at:]]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    order = reference.split(", ")
    misses = [
        ", ".join(order[:-1]),  # a node missing
        ", ".join(order[1:]),
        f"{reference}, {order[0]}",  # a node twice
        ", ".join(order[::-1]),  # every edge reversed
        ", ".join(data["nodes"]),  # alphabetical order
        f"{reference} or {', '.join(order[::-1])}",
        "\n".join(f"{u} -> {v}" for u, v in data["edges"]),  # the edges copied back
    ]
    violated = _one_edge_violated(data, order)
    if violated is not None:
        misses.append(", ".join(violated))
    return [miss for miss in misses if not verify(data, miss).correct]
