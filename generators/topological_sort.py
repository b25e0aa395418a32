"""Topological sort: order the nodes of a directed acyclic graph so every edge points forward.

Description:
    A random DAG: the nodes are put in a hidden random order and random distinct pairs become
    edges pointing forward in that order, so the graph is acyclic by construction. The graph
    is redrawn until its topological order is not unique (some two nodes consecutive in the
    hidden order are not joined by an edge), so the verifier always checks the rules, never a
    string, and until the nodes in alphabetical order (the order the prompt lists them) are not
    a valid answer. Node names are letters A, B, ... (then AA, AB, ... beyond 26 nodes).
Difficulty:
    nodes: number of nodes (5 at level 1, 30 at level 10).
    edges_per_node: edges = round(edges_per_node * nodes), capped one below the number of
        node pairs (1.0 at level 1, 2.6 at level 10); more edges mean more constraints to
        respect at once.
Prompt:
    The edge list, one ``A -> B`` per line (A must come before B), then "List all N nodes in
    an order such that for every edge, its first node comes before its second", with the
    answer format.
Answer format:
    Every node once, in order, separated by commas, e.g. ``C, A, B``; ``C -> A -> B``,
    ``C A B``, one node per line, outer brackets and lower case are accepted too.
Verification:
    The answer must list every node exactly once, and for every edge X -> Y, X must come
    before Y. Any valid order is accepted.
Version history:
    v1: first version.
"""

from __future__ import annotations

import heapq
import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.graphs import letter_names
from bootcamps.types import Problem

MIN_NODES, MAX_NODES = 3, 60
_MAX_ATTEMPTS = 100


def kahn_order(names: list[str], edges: list[list[str]], largest_first: bool = False) -> list[str]:
    """A topological order by Kahn's algorithm, taking the alphabetically first (or last) ready node."""
    successors: dict[str, list[str]] = {name: [] for name in names}
    indegree = dict.fromkeys(names, 0)
    for u, v in edges:
        successors[u].append(v)
        indegree[v] += 1
    rank = {name: -i if largest_first else i for i, name in enumerate(names)}

    def key(name: str) -> tuple[int, str]:
        return (rank[name], name)

    ready = [key(name) for name in names if indegree[name] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        name = heapq.heappop(ready)[1]
        order.append(name)
        for v in successors[name]:
            indegree[v] -= 1
            if indegree[v] == 0:
                heapq.heappush(ready, key(v))
    return order


def _question(names: list[str], edges: list[list[str]]) -> str:
    lines = "\n".join(f"{u} -> {v}" for u, v in edges)
    return (
        f"Here is a directed acyclic graph with {len(names)} nodes ({', '.join(names)}) and "
        f'{len(edges)} edges. Each line "first -> second" is an edge: its first node must come before its '
        "second.\n\n"
        f"{lines}\n\n"
        f"List all {len(names)} nodes in an order such that for every edge, its first node comes before its second "
        "(a topological order). Write every node exactly once, separated by commas, for example "
        f"{', '.join(names[:3])}. Several orders may be valid; any one of them is accepted."
    )


def generate(rng: random.Random, *, nodes: int, edges_per_node: float) -> Problem:
    if not MIN_NODES <= nodes <= MAX_NODES:
        raise InvalidParameterError(
            f"topological_sort: expected nodes between {MIN_NODES} and {MAX_NODES}, found {nodes}")
    if not 0.5 <= edges_per_node <= 6.0:
        raise InvalidParameterError(
            f"topological_sort: expected edges_per_node between 0.5 and 6.0, found {edges_per_node}")
    names = letter_names(nodes)
    pairs = [(i, j) for i in range(nodes) for j in range(i + 1, nodes)]
    count = min(round(edges_per_node * nodes), len(pairs) - 1)
    rank = {name: i for i, name in enumerate(names)}
    for _ in range(_MAX_ATTEMPTS):
        hidden = rng.sample(names, nodes)
        chosen = set(rng.sample(pairs, count))
        if all((k, k + 1) in chosen for k in range(nodes - 1)):
            continue  # the hidden order would be the only one
        edges = sorted(([hidden[i], hidden[j]] for i, j in chosen), key=lambda e: (rank[e[0]], rank[e[1]]))
        if all(rank[u] < rank[v] for u, v in edges):
            continue  # the nodes in the order the prompt lists them would be a zero-effort answer
        data = {"nodes": names, "edges": edges}
        reference = ", ".join(kahn_order(names, edges))
        return Problem(question=_question(names, edges), data=data, reference=reference)
    raise GenerationError(f"topological_sort: every DAG drawn in {_MAX_ATTEMPTS} attempts had a unique order "
                          "or accepted the alphabetical order; lower edges_per_node")
