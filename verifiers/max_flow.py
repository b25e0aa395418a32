"""Verifier for max_flow: capacities and conservation hold, and the net flow out of S is the stated maximum."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.answers.edges import parse_edges
from bootcamps.generators.max_flow import flow_value, max_flow, render_flow
from bootcamps.types import Verdict

_VALUE_LINE = re.compile(
    r"^[ \t*`]*(?:max(?:imum)?[ -]?flow(?: value)?|flow value|value)[ \t]*(?:[:=]|is)[ \t]*(\d{1,12})[ \t*`.]*$",
    re.IGNORECASE | re.MULTILINE)
_FORMAT = 'expected a first line "max flow: N" then one "X -> Y: f" line per edge'


def _read(data: dict[str, Any], answer: str) -> tuple[int, list[tuple[str, str, int]]] | str:
    """The stated value and the listed (u, v, flow) edges, or why the answer cannot be read."""
    values = _VALUE_LINE.findall(answer)
    if len(values) != 1:
        return f"{_FORMAT}; found {len(values)} max flow lines"
    edges = parse_edges(_VALUE_LINE.sub("", answer), data["capacities"].keys(), values="require")
    if isinstance(edges, str):
        return f"{edges}; {_FORMAT}"
    return int(values[0]), edges  # type: ignore[return-value]


def _check_flow(data: dict[str, Any], edges: list[tuple[str, str, int]]) -> str | int:
    """The net flow out of the source, or the first broken rule."""
    capacities, source, sink = data["capacities"], data["source"], data["sink"]
    balance = dict.fromkeys(capacities, 0)
    listed: set[tuple[str, str]] = set()
    for u, v, f in edges:
        capacity = capacities[u].get(v)
        if capacity is None:
            return f"there is no edge {u} -> {v}"
        if (u, v) in listed:
            return f"the edge {u} -> {v} is listed more than once"
        listed.add((u, v))
        if f > capacity:
            return f"the flow {f} on {u} -> {v} exceeds its capacity {capacity}"
        balance[u] += f
        balance[v] -= f
    for node, net in balance.items():
        if net and node not in (source, sink):
            return f"the flow into {node} differs from the flow out of it by {abs(net)}"
    return balance[source]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    edge_count = sum(len(out) for out in data["capacities"].values())
    if not isinstance(answer, str) or len(answer) > 40 * edge_count + 400:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    read = _read(data, answer)
    if isinstance(read, str):
        return Verdict.unparsable(read)
    stated, edges = read
    outflow = _check_flow(data, edges)
    if isinstance(outflow, str):
        return Verdict.wrong(outflow)
    if stated != outflow:
        return Verdict.wrong(f"the stated value {stated} differs from the net flow {outflow} leaving "
                             f"{data['source']}")
    if outflow != data["max_flow"]:
        return Verdict.wrong(f"the flow is valid but its value {outflow} is not the maximum")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _reference_flow(reference: str) -> tuple[int, list[tuple[str, str, int]]]:
    head, *lines = reference.splitlines()
    edges = []
    for line in lines:
        pair, f = line.split(": ")
        u, v = pair.split(" -> ")
        edges.append((u, v, int(f)))
    return int(head.split(": ")[1]), edges


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    value, edges = _reference_flow(reference)
    used = [(u, v, f) for u, v, f in edges if f]
    zeros = [(u, v, 0) for u, out in data["capacities"].items() for v in out if all((u, v) != e[:2] for e in used)]
    forms = [
        "\n".join([f"max flow: {value}", *(f"{u} -> {v}: {f}" for u, v, f in used + zeros)]),  # zeros listed
        "\n".join([*(f"{u} -> {v}: {f}" for u, v, f in edges[::-1]), f"Max flow = {value}"]),
        "\n".join([f"Maximum flow: {value}", *(f"{u}->{v} = {f}" for u, v, f in edges)]),
        "\n".join([f"max flow: {value}", *(f"{u} \u2192 {v}: {f}" for u, v, f in used)]),
        "\n".join([f"**max flow: {value}**", *(f"- {u} -> {v}: {f}" for u, v, f in used)]),
    ]
    other = max_flow(data["capacities"], data["source"], data["sink"], reverse_scan=True)
    forms.append(render_flow(other, flow_value(other, data["source"])))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    value, edges = _reference_flow(reference)
    capacities, source = data["capacities"], data["source"]

    def render(items: list[tuple[str, str, int]], stated: int) -> str:
        return "\n".join([f"max flow: {stated}", *(f"{u} -> {v}: {f}" for u, v, f in items)])

    bumped = next(((u, v, f) for u, v, f in edges if f < capacities[u][v]), edges[0])
    full = [(u, v, c) for u, out in capacities.items() for v, c in out.items()]
    misses = [
        render(edges, value + 1),  # the right flow, a wrong value
        render(edges, value - 1),
        render([(u, v, f + 1) if (u, v, f) == bumped else (u, v, f) for u, v, f in edges], value),
        render(full, value),  # every edge at capacity: the capacities copied back
        render([], value),  # the value alone
        str(value),
        render([*edges, edges[0]], value),  # an edge listed twice
        f"{reference}\nor\n{render(edges, value + 1)}",
    ]
    for steps in range(1, 4):  # a smaller valid flow, stated with its own value
        partial = max_flow(capacities, source, data["sink"], limit=steps)
        partial_value = flow_value(partial, source)
        if partial_value < value:
            misses.append(render_flow(partial, partial_value, zeros=True))
    return [miss for miss in misses if not verify(data, miss).correct]
