"""Minimum spanning tree: pick edges of a weighted graph that connect every node at least total weight.

Description:
    A random connected undirected graph (a random spanning tree plus distinct random extra
    edges) with integer weights, given as an edge list. The minimum total weight is computed
    with Kruskal's algorithm. With ``several_optima`` the graph is redrawn until more than one
    minimum spanning tree exists (some edge outside the tree weighs as much as the heaviest
    tree edge on the cycle it closes), so the verifier must check the rules, not a string.
Difficulty:
    nodes: number of nodes, named A, B, ... (5 at level 1, 30 at level 10).
    edges_per_node: edges = round(edges_per_node * nodes), at least nodes - 1.
    max_weight: weights are drawn from 1..max_weight; small ranges make ties.
    several_optima: more than one minimum spanning tree exists (levels 3, 5, 7 and 8-10).
Prompt:
    The edge list, one ``A - B: 4`` per line, then "Find a minimum spanning tree", with the
    answer format.
Answer format:
    The n - 1 edges of the tree, separated by commas, e.g. ``A-B, B-C, B-D``; ``(A, B)``,
    ``A - B: 4`` (a weight that must be the edge's own), one edge per line and either endpoint
    order are accepted.
Verification:
    Every edge must be an edge of the graph (and its weight, if written, its own), listed once;
    there must be exactly n - 1 of them and they must form no cycle (so they span the graph);
    their total weight must equal the minimum computed at generation. Any minimum spanning
    tree is accepted.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.graphs import DisjointSet, letter_names
from bootcamps.types import Problem

MIN_NODES, MAX_NODES = 3, 60
_MAX_ATTEMPTS = 200

WeightedEdge = tuple[str, str, int]


def kruskal(names: list[str], edges: list[WeightedEdge], prefer_last: bool = False) -> list[WeightedEdge]:
    """A minimum spanning tree; among equal weights the edges listed first (or last) are preferred."""
    ordered = edges[::-1] if prefer_last else edges
    forest = DisjointSet(names)
    return [edge for edge in sorted(ordered, key=lambda e: e[2]) if forest.union(edge[0], edge[1])]


def _tree_path_max(tree: list[WeightedEdge], u: str, v: str) -> int:
    """The heaviest edge weight on the tree path from u to v."""
    neighbours: dict[str, list[tuple[str, int]]] = {}
    for a, b, w in tree:
        neighbours.setdefault(a, []).append((b, w))
        neighbours.setdefault(b, []).append((a, w))
    best = {u: 0}
    stack = [u]
    while stack:
        node = stack.pop()
        for other, w in neighbours.get(node, []):
            if other not in best:
                best[other] = max(best[node], w)
                stack.append(other)
    return best[v]


def has_several_optima(tree: list[WeightedEdge], edges: list[WeightedEdge]) -> bool:
    """Whether another spanning tree of the same weight exists (an exchange of equal weights)."""
    chosen = {(a, b) for a, b, _ in tree}
    return any((a, b) not in chosen and _tree_path_max(tree, a, b) == w for a, b, w in edges)


def _random_edges(rng: random.Random, names: list[str], count: int, max_weight: int) -> list[WeightedEdge]:
    """A random spanning tree plus distinct extra edges, each as (first name, second name, weight)."""
    rank = {name: i for i, name in enumerate(names)}
    order = rng.sample(names, len(names))
    pairs = {tuple(sorted((order[i], order[rng.randrange(i)]), key=rank.__getitem__)) for i in range(1, len(names))}
    others = [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if (a, b) not in pairs]
    pairs.update(rng.sample(others, min(len(others), count - len(pairs))))
    return [(a, b, rng.randint(1, max_weight)) for a, b in sorted(pairs, key=lambda p: (rank[p[0]], rank[p[1]]))]


def render_edges(edges: list[WeightedEdge]) -> str:
    return ", ".join(f"{a}-{b}" for a, b, _ in edges)


def _question(names: list[str], edges: list[WeightedEdge]) -> str:
    lines = "\n".join(f"{a} - {b}: {w}" for a, b, w in edges)
    return (
        f"Here is a connected weighted undirected graph with {len(names)} nodes ({', '.join(names)}) and "
        f'{len(edges)} edges. Each line "X - Y: w" is an edge between X and Y with weight w.\n\n{lines}\n\n'
        "Find a minimum spanning tree: a set of edges of the graph that connects all the nodes, contains "
        "no cycle, and has the smallest possible total weight. Answer with its "
        f"{len(names) - 1} edges separated by commas, each written as its two endpoints joined by a dash, "
        "for example A-B, B-C. Several minimum spanning trees may exist; any one of them is accepted."
    )


def generate(rng: random.Random, *, nodes: int, edges_per_node: float, max_weight: int,
             several_optima: bool) -> Problem:
    if not MIN_NODES <= nodes <= MAX_NODES:
        raise InvalidParameterError(
            f"minimum_spanning_tree: expected nodes between {MIN_NODES} and {MAX_NODES}, found {nodes}")
    if not 1 <= max_weight <= 1000:
        raise InvalidParameterError(
            f"minimum_spanning_tree: expected max_weight between 1 and 1000, found {max_weight}")
    names = letter_names(nodes)
    count = max(nodes - 1, round(edges_per_node * nodes))
    if several_optima and count <= nodes - 1:
        raise InvalidParameterError(
            "minimum_spanning_tree: expected edges_per_node above (nodes - 1) / nodes when several_optima "
            f"is set (a tree has only one spanning tree), found {edges_per_node}")
    for _ in range(_MAX_ATTEMPTS):
        edges = _random_edges(rng, names, count, max_weight)
        tree = kruskal(names, edges)
        if several_optima and not has_several_optima(tree, edges):
            continue
        weights: dict[str, dict[str, int]] = {name: {} for name in names}
        for a, b, w in edges:
            weights[a][b] = weights[b][a] = w
        data = {"nodes": names, "weights": weights, "mst_weight": sum(w for _, _, w in tree)}
        return Problem(question=_question(names, edges), data=data, reference=render_edges(tree))
    raise GenerationError(f"minimum_spanning_tree: no graph with several minimum spanning trees in "
                          f"{_MAX_ATTEMPTS} attempts; lower max_weight or raise edges_per_node")
