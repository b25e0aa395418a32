"""Max flow: find a maximum flow from S to T in a network with integer capacities.

Description:
    A random directed network: a source S, a sink T and inner nodes named by letters (A, B, ...,
    skipping S and T). Random distinct edges are drawn with no edge into S, none out of T, no
    direct S -> T edge and never both X -> Y and Y -> X; capacities are random integers. The
    maximum flow value is computed with the Edmonds-Karp algorithm, and the network is redrawn
    until that value is positive and smaller than both the capacity leaving S and the capacity
    entering T (so neither trivial cut is the answer).
Difficulty:
    inner_nodes: nodes besides S and T (3 at level 1, 20 at level 10).
    edges_per_node: edges = round(edges_per_node * (inner_nodes + 2)).
    max_capacity: capacities are drawn from 1..max_capacity.
Prompt:
    The edge list, one ``A -> B: 7`` per line (a one-way edge with capacity 7), then "Find a
    maximum flow from S to T", with the answer format.
Answer format:
    A first line ``max flow: N``, then one line ``X -> Y: f`` per edge giving the flow on it;
    edges not listed carry 0. ``X->Y = f``, ``X → Y: f``, ``Max flow = N`` are read too.
Verification:
    Every listed edge must exist and be listed once, with 0 <= flow <= capacity; at every node
    other than S and T the flow in equals the flow out; the net flow out of S must equal the
    stated value, and that value must equal the maximum computed at generation. Any maximum
    flow is accepted.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from collections import deque

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.graphs import letter_names
from bootcamps.types import Problem

SOURCE, SINK = "S", "T"
MIN_INNER, MAX_INNER = 2, 24
_MAX_ATTEMPTS = 200

Capacities = dict[str, dict[str, int]]


def max_flow(capacities: Capacities, source: str, sink: str, reverse_scan: bool = False,
             limit: int | None = None) -> dict[str, dict[str, int]]:
    """A maximum flow (per edge) by Edmonds-Karp; ``limit`` stops after that many augmenting paths.

    ``reverse_scan`` scans neighbours in reverse order, which often finds a different maximum flow.
    """
    residual: dict[str, dict[str, int]] = {u: {} for u in capacities}
    for u, out in capacities.items():
        for v, c in out.items():
            residual[u][v] = residual[u].get(v, 0) + c
            residual[v].setdefault(u, 0)
    augmentations = 0
    while limit is None or augmentations < limit:
        parent = {source: source}
        queue = deque([source])
        while queue and sink not in parent:
            u = queue.popleft()
            neighbours = sorted(residual[u], reverse=reverse_scan)
            for v in neighbours:
                if v not in parent and residual[u][v] > 0:
                    parent[v] = u
                    queue.append(v)
        if sink not in parent:
            break
        path, v = [], sink
        while v != source:
            path.append((parent[v], v))
            v = parent[v]
        push = min(residual[u][v] for u, v in path)
        for u, v in path:
            residual[u][v] -= push
            residual[v][u] += push
        augmentations += 1
    return {u: {v: c - residual[u][v] if c > residual[u][v] else 0 for v, c in out.items()}
            for u, out in capacities.items()}


def flow_value(flow: dict[str, dict[str, int]], source: str) -> int:
    """The net flow out of the source."""
    return sum(flow[source].values()) - sum(out.get(source, 0) for out in flow.values())


def render_flow(flow: dict[str, dict[str, int]], value: int, zeros: bool = False) -> str:
    """``max flow: N`` then one ``X -> Y: f`` line per edge (edges with no flow too, if ``zeros``)."""
    lines = [f"max flow: {value}"]
    lines += [f"{u} -> {v}: {f}" for u, out in flow.items() for v, f in out.items() if f or zeros]
    return "\n".join(lines)


def _random_network(rng: random.Random, names: list[str], edges: int, max_capacity: int) -> Capacities:
    pairs = [(u, v) for u in names for v in names
             if u != v and u != SINK and v != SOURCE and (u, v) != (SOURCE, SINK)]
    chosen: set[tuple[str, str]] = set()
    for u, v in rng.sample(pairs, len(pairs)):
        if len(chosen) == edges:
            break
        if (v, u) not in chosen:
            chosen.add((u, v))
    order = {name: i for i, name in enumerate(names)}
    capacities: Capacities = {name: {} for name in names}
    for u, v in sorted(chosen, key=lambda e: (order[e[0]], order[e[1]])):
        capacities[u][v] = rng.randint(1, max_capacity)
    return capacities


def _question(capacities: Capacities, inner: list[str]) -> str:
    lines = "\n".join(f"{u} -> {v}: {c}" for u, out in capacities.items() for v, c in out.items())
    count = sum(len(out) for out in capacities.values())
    return (
        f"Here is a flow network with a source S, a sink T and {len(inner)} other nodes "
        f"({', '.join(inner)}). Each line \"X -> Y: c\" is a one-way edge from X to Y with capacity c "
        f"({count} edges):\n\n{lines}\n\n"
        "Find a maximum flow from S to T: a flow on every edge, between 0 and the edge's capacity, "
        "such that at every node other than S and T the total flow in equals the total flow out, and "
        "the net flow leaving S is as large as possible. Answer with the value of the maximum flow "
        'on the first line, written "max flow: N", then one line per edge written "X -> Y: f" with '
        "f the flow on that edge. Edges you do not list carry no flow. Several maximum flows may "
        "exist; any one of them is accepted."
    )


def generate(rng: random.Random, *, inner_nodes: int, edges_per_node: float, max_capacity: int) -> Problem:
    if not MIN_INNER <= inner_nodes <= MAX_INNER:
        raise InvalidParameterError(
            f"max_flow: expected inner_nodes between {MIN_INNER} and {MAX_INNER}, found {inner_nodes}")
    if not 1 <= max_capacity <= 1000:
        raise InvalidParameterError(f"max_flow: expected max_capacity between 1 and 1000, found {max_capacity}")
    inner = letter_names(inner_nodes, skip=SOURCE + SINK)
    names = [SOURCE, *inner, SINK]
    edges = max(inner_nodes + 1, round(edges_per_node * len(names)))
    for _ in range(_MAX_ATTEMPTS):
        capacities = _random_network(rng, names, edges, max_capacity)
        flow = max_flow(capacities, SOURCE, SINK)
        value = flow_value(flow, SOURCE)
        into_sink = sum(out.get(SINK, 0) for out in capacities.values())
        if not 0 < value < min(sum(capacities[SOURCE].values()), into_sink):
            continue
        data = {"source": SOURCE, "sink": SINK, "capacities": capacities, "max_flow": value}
        return Problem(question=_question(capacities, inner), data=data, reference=render_flow(flow, value, zeros=False))
    raise GenerationError(
        f"max_flow: no network with a non-trivial minimum cut in {_MAX_ATTEMPTS} attempts; "
        "raise edges_per_node or inner_nodes")
