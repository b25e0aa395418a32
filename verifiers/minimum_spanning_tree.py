"""Verifier for minimum_spanning_tree: n - 1 real edges, no cycle, and the minimum total weight."""

from __future__ import annotations

from typing import Any

from bootcamps.answers.edges import parse_edges
from bootcamps.generators.minimum_spanning_tree import kruskal, render_edges
from bootcamps.graphs import DisjointSet
from bootcamps.types import Verdict

_FORMAT = "expected the tree's edges separated by commas, e.g. A-B, B-C"


def verify(data: dict[str, Any], answer: str) -> Verdict:
    weights, names = data["weights"], data["nodes"]
    if not isinstance(answer, str) or len(answer) > 20 * len(names) + 200:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    edges = parse_edges(answer, weights.keys(), values="allow", max_edges=4 * len(names))
    if isinstance(edges, str):
        return Verdict.unparsable(f"{edges}; {_FORMAT}")
    forest = DisjointSet(names)
    seen: set[tuple[str, str]] = set()
    total = 0
    for u, v, stated in edges:
        weight = weights[u].get(v)
        if weight is None:
            return Verdict.wrong(f"there is no edge {u} - {v} in the graph")
        if stated is not None and stated != weight:
            return Verdict.wrong(f"the edge {u} - {v} weighs {weight}, not {stated}")
        if (u, v) in seen or (v, u) in seen:
            return Verdict.wrong(f"the edge {u} - {v} is listed more than once")
        seen.add((u, v))
        if not forest.union(u, v):
            return Verdict.wrong(f"the edge {u} - {v} closes a cycle")
        total += weight
    if len(edges) != len(names) - 1:
        return Verdict.wrong(f"a spanning tree of {len(names)} nodes has {len(names) - 1} edges, found {len(edges)}")
    if total != data["mst_weight"]:
        return Verdict.wrong(f"this is a spanning tree, but its total weight {total} is not the smallest possible")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _graph_edges(data: dict[str, Any]) -> list[tuple[str, str, int]]:
    rank = {name: i for i, name in enumerate(data["nodes"])}
    return [(u, v, w) for u, out in data["weights"].items() for v, w in out.items() if rank[u] < rank[v]]


def _tree(data: dict[str, Any], reference: str) -> list[tuple[str, str, int]]:
    pairs = [item.split("-") for item in reference.split(", ")]
    return [(u, v, data["weights"][u][v]) for u, v in pairs]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    tree = _tree(data, reference)
    forms = [
        ", ".join(f"{v}-{u}" for u, v, _ in tree),
        render_edges(tree[::-1]),
        "\n".join(f"{u} - {v}: {w}" for u, v, w in tree),
        ", ".join(f"({u}, {v})" for u, v, _ in tree),
        f"[{reference}]",
        reference.lower(),
        "; ".join(f"{u}-{v} ({w})" for u, v, w in tree),
    ]
    other = kruskal(data["nodes"], _graph_edges(data), prefer_last=True)
    if {(u, v) for u, v, _ in other} != {(u, v) for u, v, _ in tree}:
        forms.append(render_edges(other))
    return forms


def _costlier_swap(data: dict[str, Any], tree: list[tuple[str, str, int]]) -> list[tuple[str, str, int]] | None:
    """A spanning tree with one edge swapped for a heavier non-tree edge that reconnects it."""
    chosen = {(u, v) for u, v, _ in tree}
    for index, (_, _, w) in enumerate(tree):
        rest = tree[:index] + tree[index + 1:]
        forest = DisjointSet(data["nodes"])
        for a, b, _ in rest:
            forest.union(a, b)
        for a, b, x in _graph_edges(data):
            if (a, b) not in chosen and x > w and forest.find(a) != forest.find(b):
                return [*rest, (a, b, x)]
    return None


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    tree = _tree(data, reference)
    chosen = {(u, v) for u, v, _ in tree}
    extra = next(((u, v, w) for u, v, w in _graph_edges(data) if (u, v) not in chosen), None)
    u, v, w = tree[0]
    misses = [
        render_edges(tree[:-1]),  # one edge short: not spanning
        render_edges([*tree, tree[0]]),  # an edge twice
        f"{reference} or {render_edges(tree[::-1])}",
        str(data["mst_weight"]),
        f"{u}-{v}: {w + 1}, " + render_edges(tree[1:]),  # a wrong weight written
        ", ".join(data["nodes"]),
        render_edges(_graph_edges(data)),  # every edge copied back
    ]
    if extra is not None:
        misses.append(render_edges([*tree, extra]))  # one edge too many: a cycle
    swapped = _costlier_swap(data, tree)
    if swapped is not None:
        misses.append(render_edges(swapped))  # a spanning tree, but not minimum
    return [miss for miss in misses if not verify(data, miss).correct]
