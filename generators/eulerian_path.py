"""Eulerian path: walk along every edge of a graph exactly once.

Description:
    A random simple graph (no loops, no repeated edges) built as the trace of a random walk
    that never reuses an edge, so an Eulerian path exists by construction. The walk is drawn
    until it visits every node and, for circuit instances, ends where it started (for path
    instances, ends elsewhere). Node names are letters A, B, ...; edges are listed sorted by
    name, which hides the walk. Undirected at levels 1-5, directed (one-way edges) from level 6;
    circuits at levels 2, 4, 7 and 9.
Difficulty:
    nodes: number of nodes (5 at level 1, 16 at level 10).
    edges: number of edges (6 at level 1, 30 at level 10); at least nodes, at most three
        quarters of the possible edges.
    directed: edges are one-way and must be walked in their direction.
    circuit: the walk must end at its start (an Eulerian circuit); otherwise the graph has two
        odd nodes (directed: one node with an extra way out, one with an extra way in) and the
        walk must run from one to the other.
Prompt:
    The edge list (``A - B`` or ``A -> B`` per line), then "Find a walk that uses every edge
    exactly once" and, for circuits, "and ends at the node where it starts", with the format.
Answer format:
    The nodes of the walk in order, separated by ->, e.g. ``A -> B -> C -> A``; commas,
    spaces, → and lower case are accepted too.
Verification:
    The walk is simulated: every step must follow an edge of the graph (in its direction when
    directed) that has not been used yet, every edge must be used, and a circuit must end at
    its start. Any such walk is accepted.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.graphs import letter_names
from bootcamps.types import Problem

MIN_NODES, MAX_NODES = 3, 40
_MAX_ATTEMPTS = 500


def edge_key(u: str, v: str, directed: bool) -> tuple[str, str]:
    """The identity of an edge: ordered when directed, sorted when not."""
    return (u, v) if directed or u < v else (v, u)


def _random_walk(rng: random.Random, names: list[str], edges: int, directed: bool,
                 circuit: bool) -> list[str] | None:
    """A walk that reuses no edge and covers every node, or None when this draw fails."""
    start = rng.choice(names)
    walk, used, unvisited = [start], set(), set(names) - {start}
    for step in range(edges):
        here = walk[-1]
        options = [v for v in names if v != here and edge_key(here, v, directed) not in used]
        if circuit and step == edges - 1:
            options = [start] if start in options else []
        fresh = [v for v in options if v in unvisited]
        if fresh and (len(unvisited) >= edges - step - circuit or rng.random() < 0.5):
            options = fresh  # steer towards unvisited nodes so the walk covers them all
        if not options:
            return None
        there = rng.choice(options)
        used.add(edge_key(here, there, directed))
        unvisited.discard(there)
        walk.append(there)
    if unvisited or (walk[-1] == start) != circuit:
        return None
    return walk


def euler_walk(nodes: list[str], edges: list[list[str]], directed: bool, start: str,
               reverse: bool = False) -> list[str]:
    """An Eulerian walk from ``start`` by Hierholzer's algorithm (neighbours by name, or reversed)."""
    adjacency: dict[str, list[tuple[str, int]]] = {name: [] for name in nodes}
    for index, (u, v) in enumerate(edges):
        adjacency[u].append((v, index))
        if not directed:
            adjacency[v].append((u, index))
    for neighbours in adjacency.values():
        neighbours.sort(reverse=not reverse)  # popped from the end: by name unless reversed
    used = [False] * len(edges)
    stack, walk = [start], []
    while stack:
        neighbours = adjacency[stack[-1]]
        while neighbours and used[neighbours[-1][1]]:
            neighbours.pop()
        if neighbours:
            there, index = neighbours.pop()
            used[index] = True
            stack.append(there)
        else:
            walk.append(stack.pop())
    return walk[::-1]


def _question(names: list[str], edges: list[list[str]], directed: bool, circuit: bool) -> str:
    arrow = "->" if directed else "-"
    lines = "\n".join(f"{u} {arrow} {v}" for u, v in edges)
    kind = ('directed graph. Each line "X -> Y" is a one-way edge from X to Y: it can be walked from X '
            "to Y only" if directed else 'undirected graph. Each line "X - Y" is an edge between X and Y, '
            "which can be walked in either direction")
    goal = ("Find a closed walk that uses every edge exactly once and ends at the node where it started "
            "(an Eulerian circuit); it may start at any node." if circuit else
            "Find a walk that uses every edge exactly once (an Eulerian path); choose its start so that "
            "this is possible. It does not have to end where it started.")
    return (
        f"Here is {'a' if directed else 'an'} {kind}. It has {len(names)} nodes ({', '.join(names)}) and {len(edges)} edges:\n\n"
        f"{lines}\n\n{goal} Answer with the nodes of the walk in order, separated by ->, for example "
        f"{' -> '.join(names[:3])}, so a walk over k edges lists k + 1 nodes. Any walk that uses every "
        "edge exactly once is accepted."
    )


def generate(rng: random.Random, *, nodes: int, edges: int, directed: bool, circuit: bool) -> Problem:
    if not MIN_NODES <= nodes <= MAX_NODES:
        raise InvalidParameterError(
            f"eulerian_path: expected nodes between {MIN_NODES} and {MAX_NODES}, found {nodes}")
    most = nodes * (nodes - 1) // (1 if directed else 2)
    if not nodes <= edges <= most * 3 // 4:
        raise InvalidParameterError(f"eulerian_path: expected edges between {nodes} and {most * 3 // 4} "
                                    f"(three quarters of the possible edges) for {nodes} nodes, found {edges}")
    names = letter_names(nodes)
    rank = {name: i for i, name in enumerate(names)}
    for _ in range(_MAX_ATTEMPTS):
        walk = _random_walk(rng, names, edges, directed, circuit)
        if walk is None:
            continue
        pairs = {edge_key(u, v, directed) for u, v in zip(walk, walk[1:])}  # noqa: B905
        listed = [list(pair) for pair in sorted(pairs, key=lambda p: (rank[p[0]], rank[p[1]]))]
        data = {"directed": directed, "circuit": circuit, "nodes": names, "edges": listed}
        return Problem(question=_question(names, listed, directed, circuit), data=data,
                       reference=" -> ".join(walk))
    raise GenerationError(f"eulerian_path: no walk covering all {nodes} nodes with {edges} edges in "
                          f"{_MAX_ATTEMPTS} attempts; raise edges")
