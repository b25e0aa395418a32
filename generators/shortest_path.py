"""Shortest path: find a least-weight path between two nodes of a weighted graph.

Description:
    A random connected graph (a random spanning tree plus random extra edges) with integer
    weights 1..max_weight, undirected or directed, given as an edge list. A source S and a
    target T reachable from it are chosen so that every least-weight path from S to T has at
    least ``min_hops`` edges. The optimal cost is computed with Dijkstra's algorithm.
Difficulty:
    nodes: number of nodes (5 at level 1, 40 at level 10); up to 26 are named A..Z, larger
        graphs use a letter and a digit (A1, B1, ..., Z1, A2, ...).
    edges_per_node: total edges = round(edges_per_node * nodes), never fewer than a spanning
        tree needs.
    max_weight: weights are drawn from 1..max_weight; small weights make ties (several
        optimal paths) likely.
    directed: edges are one-way (from level 6 on); the spanning tree's edges get random
        directions too, so reachability is checked, not assumed.
    min_hops: every optimal path has at least this many edges (so no direct edge is optimal).
    multiple_optima: the target has at least two optimal paths (levels 8-10), so an answer
        different from the reference must be recognised as optimal.
Prompt:
    The edge list (``A - B: 4`` for undirected, ``A -> B: 4`` for directed edges), then "Find a
    path from S to T whose total weight is as small as possible", with the answer format.
Answer format:
    The nodes of the path in order, e.g. ``S -> C -> T``; ``S, C, T`` and ``S C T`` (also → and
    lower case) are accepted.
Verification:
    The path must start at S, end at T, use only edges of the graph (in their direction when
    directed), and its total weight must equal the optimal cost stored at generation. Any
    optimal path is accepted, not only the reference.
Version history:
    v1: first version.
"""

from __future__ import annotations

import heapq
import random
import string

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

_GRAPH_ATTEMPTS = 60
_SOURCES_PER_GRAPH = 4

Adjacency = list[dict[int, int]]


def node_names(count: int) -> list[str]:
    """A..Z for up to 26 nodes, else A1..Z1, A2..Z2, ..."""
    letters = string.ascii_uppercase
    if count <= len(letters):
        return list(letters[:count])
    return [f"{letters[i % 26]}{i // 26 + 1}" for i in range(count)]


def _random_graph(rng: random.Random, nodes: int, edges: int, max_weight: int, directed: bool) -> Adjacency:
    """A random spanning tree plus distinct random extra edges, as out-adjacency lists."""
    adjacency: Adjacency = [{} for _ in range(nodes)]

    def add(u: int, v: int) -> None:
        if directed and rng.random() < 0.5:
            u, v = v, u
        if v in adjacency[u]:
            return
        weight = rng.randint(1, max_weight)
        adjacency[u][v] = weight
        if not directed:
            adjacency[v][u] = weight

    order = rng.sample(range(nodes), nodes)
    for i in range(1, nodes):
        add(order[i], order[rng.randrange(i)])
    wanted = min(edges, nodes * (nodes - 1) // (1 if directed else 2))
    present = nodes - 1
    for _ in range(20 * edges):  # bounded: near-complete graphs stop a little short
        if present >= wanted:
            break
        u, v = rng.sample(range(nodes), 2)
        before = len(adjacency[u]) + len(adjacency[v])
        add(u, v)
        present += len(adjacency[u]) + len(adjacency[v]) > before
    return adjacency


def dijkstra(adjacency: Adjacency, source: int) -> tuple[list[float], list[float], list[int]]:
    """Distances, the fewest edges among optimal paths, and a parent on such a path (-1: none)."""
    inf = float("inf")
    dist, hops, parent = [inf] * len(adjacency), [inf] * len(adjacency), [-1] * len(adjacency)
    dist[source] = hops[source] = 0
    queue = [(0, 0, source)]
    while queue:
        d, h, u = heapq.heappop(queue)
        if (d, h) != (dist[u], hops[u]):
            continue
        for v, w in adjacency[u].items():
            if (d + w, h + 1) < (dist[v], hops[v]):
                dist[v], hops[v], parent[v] = d + w, h + 1, u
                heapq.heappush(queue, (d + w, h + 1, v))
    return dist, hops, parent


def _edge_lines(adjacency: Adjacency, names: list[str], directed: bool) -> list[str]:
    arrow = "->" if directed else "-"
    return [f"{names[u]} {arrow} {names[v]}: {w}" for u in range(len(adjacency))
            for v, w in sorted(adjacency[u].items()) if directed or u < v]


def _question(lines: list[str], names: list[str], directed: bool, source: str, target: str) -> str:
    if directed:
        kind = "directed"
        meaning = ('Each line "A -> B: 4" is a one-way edge from A to B with weight 4; '
                   "it cannot be travelled from B to A.")
    else:
        kind = "undirected"
        meaning = 'Each line "A - B: 4" is an edge between A and B with weight 4, usable in both directions.'
    edges = "\n".join(lines)
    return (
        f"Here is a weighted {kind} graph with {len(names)} nodes. {meaning}\n\n{edges}\n\n"
        f"Find a path from {source} to {target} whose total weight (the sum of its edge weights) is as "
        "small as possible. Give the path as the sequence of nodes it visits, separated by ->, "
        f"starting with {source} and ending with {target} (for example {source} -> X -> {target}). "
        "If several paths share the smallest total weight, any one of them is accepted."
    )


def count_optimal_paths(adjacency: Adjacency, dist: list[float], source: int, cap: int = 2) -> list[int]:
    """The number of optimal paths from the source to each node, capped at ``cap``."""
    count = [0] * len(adjacency)
    count[source] = 1
    # weights are >= 1, so every tight edge goes from a smaller distance to a larger one
    for u in sorted((u for u in range(len(adjacency)) if dist[u] < float("inf")), key=dist.__getitem__):
        for v, w in adjacency[u].items():
            if dist[u] + w == dist[v]:
                count[v] = min(cap, count[v] + count[u])
    return count


def _pick_pair(rng: random.Random, adjacency: Adjacency, min_hops: int,
               multiple_optima: bool) -> tuple[int, int, list[int], int] | None:
    """A source, a target whose optimal paths all have >= min_hops edges, one such path, its cost.

    With multiple_optima, the target also has at least two optimal paths.
    """
    for source in rng.sample(range(len(adjacency)), min(_SOURCES_PER_GRAPH, len(adjacency))):
        dist, hops, parent = dijkstra(adjacency, source)
        targets = [v for v in range(len(adjacency)) if v != source and min_hops <= hops[v] < float("inf")]
        if multiple_optima:
            count = count_optimal_paths(adjacency, dist, source)
            targets = [v for v in targets if count[v] >= 2]
        if not targets:
            continue
        target = rng.choice(targets)
        path = [target]
        while path[-1] != source:
            path.append(parent[path[-1]])
        return source, target, path[::-1], int(dist[target])
    return None


def generate(rng: random.Random, *, nodes: int, edges_per_node: float, max_weight: int, directed: bool,
             min_hops: int, multiple_optima: bool) -> Problem:
    names = node_names(nodes)
    edges = max(nodes - 1, round(edges_per_node * nodes))
    for _ in range(_GRAPH_ATTEMPTS):
        adjacency = _random_graph(rng, nodes, edges, max_weight, directed)
        picked = _pick_pair(rng, adjacency, min_hops, multiple_optima)
        if picked is None:
            continue
        source, target, path, cost = picked
        data = {
            "directed": directed,
            "source": names[source],
            "target": names[target],
            "cost": cost,
            "adjacency": {names[u]: {names[v]: w for v, w in sorted(adjacency[u].items())}
                          for u in range(nodes)},
        }
        question = _question(_edge_lines(adjacency, names, directed), names, directed, names[source],
                             names[target])
        return Problem(question=question, data=data, reference=" -> ".join(names[u] for u in path))
    raise GenerationError(
        f"shortest_path: no source and target {min_hops}+ edges apart"
        f"{' with several optimal paths' if multiple_optima else ''} in {_GRAPH_ATTEMPTS} random graphs "
        f"with {nodes} nodes; lower min_hops or edges_per_node"
    )
