"""Verifier for eulerian_path: the walk follows unused edges, uses them all, and closes when a circuit is asked."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.edges import parse_node_sequence
from bootcamps.generators.eulerian_path import edge_key, euler_walk
from bootcamps.types import Verdict


def verify(data: dict[str, Any], answer: str) -> Verdict:
    edges, directed = data["edges"], data["directed"]
    if not isinstance(answer, str) or len(answer) > 10 * len(edges) + 200:
        return Verdict.unparsable("expected the nodes of the walk separated by ->; the answer is too long")
    walk = parse_node_sequence(answer, set(data["nodes"]))
    if isinstance(walk, str):
        return Verdict.unparsable(walk)
    unused = {(u, v) for u, v in edges}
    for u, v in zip(walk, walk[1:]):  # noqa: B905 -- walk[1:] is one shorter by design
        key = edge_key(u, v, directed)
        if key not in unused:
            return Verdict.wrong(_bad_step(edges, directed, u, v))
        unused.remove(key)
    if unused:
        return Verdict.wrong(f"{len(unused)} edge(s) are never used; the walk must use every edge exactly once")
    if data["circuit"] and walk[0] != walk[-1]:
        return Verdict.wrong(f"the walk ends at {walk[-1]}, not at its start {walk[0]}; a circuit is required")
    return Verdict.right()


def _bad_step(edges: list[list[str]], directed: bool, u: str, v: str) -> str:
    """Why the step u -> v cannot be taken: no such edge, the wrong way, or already used."""
    present = {edge_key(a, b, directed) for a, b in edges}
    arrow = "->" if directed else "-"
    if edge_key(u, v, directed) in present:
        return f"the edge {u} {arrow} {v} is used more than once"
    if directed and (v, u) in present:
        return f"there is no one-way edge from {u} to {v} (the edge goes from {v} to {u})"
    return f"there is no edge between {u} and {v}"


# -- audit hooks -----------------------------------------------------------------------------

def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    walk = reference.split(" -> ")
    forms = [", ".join(walk), " ".join(walk), "->".join(walk), " \u2192 ".join(walk), reference.lower(),
             f"[{', '.join(walk)}]", "\n".join(walk)]
    if not data["directed"]:
        forms.append(" -> ".join(walk[::-1]))
    if data["circuit"]:
        middle = len(walk) // 2
        forms.append(" -> ".join(walk[middle:] + walk[1:middle + 1]))  # the same circuit from elsewhere
    for reverse in (False, True):
        other = euler_walk(data["nodes"], data["edges"], data["directed"], walk[0], reverse)
        if other != walk:
            forms.append(" -> ".join(other))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    walk = reference.split(" -> ")
    arrow = "->" if data["directed"] else "-"
    misses = [
        " -> ".join(walk[:-1]),  # the last edge left out
        " -> ".join(walk[1:]),  # the first edge left out
        " -> ".join([*walk, walk[-2]]),  # the last edge walked back: used twice (or against its direction)
        " -> ".join(walk[::-1]),  # against the directions when directed
        f"{reference} or {' -> '.join(walk[::-1])}",
        ", ".join(data["nodes"]),
        "\n".join(f"{u} {arrow} {v}" for u, v in data["edges"]),  # the edges copied back
        " -> ".join([walk[0], *walk[2:]]),  # a node skipped
    ]
    if len(walk) > 3:
        swapped = walk[:]
        swapped[1], swapped[2] = swapped[2], swapped[1]
        misses.append(" -> ".join(swapped))
    if not data["circuit"]:
        misses.append(" -> ".join([*walk, walk[0]]))  # closed up with an edge that is not there
    return [miss for miss in misses if not verify(data, miss).correct]
