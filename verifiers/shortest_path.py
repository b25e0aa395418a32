"""Verifier for shortest_path: a walk from source to target over real edges whose weight is the optimum."""

from __future__ import annotations

import heapq
from typing import Any

from bootcamps.answers.edges import parse_node_sequence
from bootcamps.types import Verdict

MAX_ANSWER_CHARS = 4_000


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > MAX_ANSWER_CHARS:
        return Verdict.unparsable(f"expected a path of node names, found {len(answer)} characters")
    adjacency = data["adjacency"]
    path = parse_node_sequence(answer, adjacency, MAX_ANSWER_CHARS)
    if isinstance(path, str):
        return Verdict.unparsable(path)
    if path[0] != data["source"]:
        return Verdict.wrong(f"the path must start at {data['source']}")
    if path[-1] != data["target"]:
        return Verdict.wrong(f"the path must end at {data['target']}")
    if len(path) > len(adjacency):
        return Verdict.wrong("the path visits a node twice, so it is not a shortest path")
    total = 0
    for u, v in zip(path, path[1:]):  # noqa: B905 -- path[1:] is one shorter by design
        weight = adjacency[u].get(v)
        if weight is None:
            kind = "one-way edge" if data["directed"] else "edge"
            return Verdict.wrong(f"there is no {kind} from {u} to {v}")
        total += weight
    if total != data["cost"]:
        return Verdict.wrong(f"the path is valid but its weight {total} is not the smallest possible")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _distances(adjacency: dict[str, dict[str, int]], source: str) -> dict[str, int]:
    dist = {source: 0}
    queue = [(0, source)]
    while queue:
        d, u = heapq.heappop(queue)
        if d > dist[u]:
            continue
        for v, w in adjacency[u].items():
            if d + w < dist.get(v, d + w + 1):
                dist[v] = d + w
                heapq.heappush(queue, (d + w, v))
    return dist


def _reversed(adjacency: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    back: dict[str, dict[str, int]] = {u: {} for u in adjacency}
    for u, out in adjacency.items():
        for v, w in out.items():
            back[v][u] = w
    return back


def optimal_paths(data: dict[str, Any], limit: int = 20) -> list[list[str]]:
    """Up to ``limit`` distinct optimal paths, by depth-first search over the tight edges."""
    adjacency, source, target, cost = data["adjacency"], data["source"], data["target"], data["cost"]
    from_source = _distances(adjacency, source)
    to_target = _distances(_reversed(adjacency), target)
    paths: list[list[str]] = []
    stack = [[source]]
    while stack and len(paths) < limit:
        path = stack.pop()
        u = path[-1]
        if u == target:
            paths.append(path)
            continue
        for v, w in sorted(adjacency[u].items(), reverse=True):
            if v in to_target and from_source[u] + w + to_target[v] == cost:
                stack.append([*path, v])
    return paths


def _detour(data: dict[str, Any], path: list[str]) -> list[str] | None:
    """The path with one costlier first step: S -> X then an optimal way on, X off the optimum."""
    adjacency, source, cost = data["adjacency"], data["source"], data["cost"]
    to_target = _distances(_reversed(adjacency), data["target"])
    for x, w in sorted(adjacency[source].items()):
        if x in to_target and w + to_target[x] > cost:
            rest = optimal_paths({**data, "source": x, "cost": to_target[x]}, limit=1)
            return [source, *rest[0]]
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    nodes = reference.split(" -> ")
    forms = [", ".join(nodes), " ".join(nodes), "->".join(nodes), " \u2192 ".join(nodes),
             f"[{', '.join(nodes)}]", reference.lower(), "\n".join(nodes), f"  {reference}\n", f"{reference}."]
    others = [path for path in optimal_paths(data) if path != nodes]
    return forms + [" -> ".join(path) for path in others[:3]]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    nodes = reference.split(" -> ")
    source, target, adjacency = data["source"], data["target"], data["adjacency"]
    misses = [
        str(data["cost"]),
        f"{source} -> {target}",  # a non-edge, or a direct edge that is not optimal (min_hops >= 2)
        " -> ".join(nodes[:-1]),  # ends elsewhere
        " -> ".join(nodes[1:]),  # starts elsewhere
        " -> ".join(nodes[::-1]),  # reversed
        f"{reference} or {source} -> {target}",
        f"{reference} ({data['cost']})",
        f"{reference} -> {nodes[-2]} -> {target}",  # a back-and-forth: longer even if the edge is two-way
    ]
    cut_off = [x for x in sorted(adjacency) if target not in adjacency[x] and x not in nodes]
    if len(nodes) >= 3 and cut_off:  # the last intermediate node swapped: its step to the target is no edge
        misses.append(" -> ".join([*nodes[:-2], cut_off[0], target]))
    detour = _detour(data, nodes)
    if detour is not None:
        misses.append(" -> ".join(detour))  # a real path, but suboptimal
    lines = [f"{u} {'->' if data['directed'] else '-'} {v}: {w}" for u, out in adjacency.items()
             for v, w in out.items()]
    misses.append("\n".join(lines[:3]))  # the edge list copied back
    return misses
