"""Graph colouring: colour the nodes of a graph with at most k colours, no edge monochromatic.

Description:
    An undirected graph given as an edge list on nodes numbered 1..n, and a number of colours k.
    A proper k-colouring is planted: the nodes are split into k near-equal hidden classes and
    edges are drawn only between different classes, so a solution always exists (the planted
    colouring is the reference). Nodes left isolated get one random edge to another class. At
    the `tight` levels the generator also proves, by an exact DSATUR search, that k - 1 colours
    are not enough (the chromatic number is exactly k), and numbers the nodes so that first-fit
    greedy colouring in the order 1..n needs more than k colours.
Difficulty:
    nodes: number of nodes (5 at level 1, 36 at level 10).
    colors: number of colours allowed (2 at level 1, 4 from level 7 on).
    edge_density: probability of an edge between two nodes of different hidden classes.
    tight: whether k - 1 colours are proved impossible and first-fit in node order must fail.
Prompt:
    "Colour the nodes of the following undirected graph with colours numbered 1 to k so that
    the two ends of every edge get different colours. The graph has n nodes numbered 1 to n and
    these m edges: 1-4, 1-7, ... Give the colour of every node as node: colour pairs."
Answer format:
    ``node: colour`` pairs, one per node, in any order, separated by commas, semicolons or
    newlines (``=`` or ``->`` may replace ``:``; ``node 3: colour 2`` and ``{1: 2, 2: 1}`` are
    fine). Colours are integers 1..k. Also accepted: exactly n colours as a bare list, in node
    order 1..n (``2, 1, 1, 3``). Every node exactly once.
Verification:
    The rules are checked, so any proper colouring is accepted: every node 1..n gets exactly one
    colour in 1..k, and no edge joins two nodes of the same colour. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 200
_RELABEL_ATTEMPTS = 30
_EDGES_PER_LINE = 12


def adjacency(nodes: int, edges: list[tuple[int, int]]) -> list[int]:
    """Neighbour bitmasks of 0-based nodes."""
    adj = [0] * nodes
    for u, v in edges:
        adj[u] |= 1 << v
        adj[v] |= 1 << u
    return adj


def _has_clique(adj: list[int], size: int) -> bool:
    """Whether a greedy search from each node finds a clique of the given size (a quick proof)."""
    for start in range(len(adj)):
        clique, candidates = 1, adj[start]
        while candidates and clique < size:
            # the candidate with most neighbours among the remaining candidates
            best = max(_bits(candidates), key=lambda v: (adj[v] & candidates).bit_count())
            clique += 1
            candidates &= adj[best]
        if clique >= size:
            return True
    return False


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def colourable(adj: list[int], colours: int) -> bool:
    """Whether the graph has a proper colouring with the given number of colours (exact search)."""
    if colours <= 0:
        return not adj
    return _search(adj, [(1 << colours) - 1] * len(adj), (1 << len(adj)) - 1, 0, colours)


def _search(adj: list[int], domains: list[int], uncoloured: int, used: int, colours: int) -> bool:
    """DSATUR backtracking with forward checking; colours above `used` are interchangeable."""
    if not uncoloured:
        return True
    open_colours = (1 << min(used + 1, colours)) - 1
    best, best_key = -1, (colours + 1, 0)
    for v in _bits(uncoloured):
        key = ((domains[v] & open_colours).bit_count(), -(adj[v] & uncoloured).bit_count())
        if key < best_key:
            best, best_key = v, key
    rest = uncoloured & ~(1 << best)
    neighbours = _bits(adj[best] & rest)
    for colour in _bits(domains[best] & open_colours):
        bit = 1 << colour
        trimmed = list(domains)
        for u in neighbours:
            trimmed[u] &= ~bit
            if not trimmed[u]:
                break
        else:
            if _search(adj, trimmed, rest, max(used, colour + 1), colours):
                return True
    return False


def first_fit_colours(adj: list[int]) -> int:
    """How many colours first-fit greedy colouring uses in node order 0..n-1."""
    colour_of: list[int] = []
    for v, neighbours in enumerate(adj):
        taken = 0
        for u in range(v):
            if neighbours >> u & 1:
                taken |= 1 << colour_of[u]
        colour_of.append((~taken & (taken + 1)).bit_length() - 1)
    return max(colour_of, default=-1) + 1


def _planted(rng: random.Random, nodes: int, colors: int, density: float) -> tuple[list[int], list[tuple[int, int]]]:
    classes = [i % colors for i in range(nodes)]
    rng.shuffle(classes)
    edges = [(u, v) for u in range(nodes) for v in range(u + 1, nodes)
             if classes[u] != classes[v] and rng.random() < density]
    degree = [0] * nodes
    for u, v in edges:
        degree[u] += 1
        degree[v] += 1
    for u in range(nodes):
        if degree[u] == 0:
            v = rng.choice([w for w in range(nodes) if classes[w] != classes[u]])
            edges.append((min(u, v), max(u, v)))
            degree[u] += 1
            degree[v] += 1
    return classes, edges


def _relabel(order: list[int], classes: list[int], edges: list[tuple[int, int]]):
    """Node order[i] becomes node i: the classes and edges under the new numbering."""
    label = {old: new for new, old in enumerate(order)}
    new_classes = [classes[old] for old in order]
    new_edges = sorted((min(label[u], label[v]), max(label[u], label[v])) for u, v in edges)
    return new_classes, new_edges


def _greedy_failing_order(rng: random.Random, classes: list[int], edges: list[tuple[int, int]],
                          colors: int) -> tuple[list[int], list[tuple[int, int]]] | None:
    order = list(range(len(classes)))
    for _ in range(_RELABEL_ATTEMPTS):
        rng.shuffle(order)
        new_classes, new_edges = _relabel(order, classes, edges)
        if first_fit_colours(adjacency(len(classes), new_edges)) > colors:
            return new_classes, new_edges
    return None


def generate(rng: random.Random, *, nodes: int, colors: int, edge_density: float, tight: bool) -> Problem:
    if nodes < colors:
        raise InvalidParameterError(f"graph_coloring: expected nodes >= colors, found {nodes} < {colors}")
    for _ in range(_MAX_ATTEMPTS):
        classes, edges = _planted(rng, nodes, colors, edge_density)
        if tight:
            adj = adjacency(nodes, edges)
            if not _has_clique(adj, colors) and colourable(adj, colors - 1):
                continue
            relabelled = _greedy_failing_order(rng, classes, edges, colors)
            if relabelled is None:
                continue
            classes, edges = relabelled
        else:
            edges = sorted(edges)
        return _problem(nodes, colors, classes, edges)
    raise GenerationError(f"graph_coloring: no suitable graph in {_MAX_ATTEMPTS} attempts "
                          f"(nodes={nodes}, colors={colors}, edge_density={edge_density}, tight={tight})")


def _problem(nodes: int, colors: int, classes: list[int], edges: list[tuple[int, int]]) -> Problem:
    written = [f"{u + 1}-{v + 1}" for u, v in edges]
    lines = [", ".join(written[i:i + _EDGES_PER_LINE]) for i in range(0, len(written), _EDGES_PER_LINE)]
    question = (
        f"Colour the nodes of the following undirected graph with colours numbered 1 to {colors} so "
        "that the two ends of every edge get different colours (not every colour has to be used).\n\n"
        f"The graph has {nodes} nodes numbered 1 to {nodes} and these {len(edges)} edges:\n"
        + "\n".join(lines)
        + "\n\nGive the colour of every node as node: colour pairs separated by commas, "
        f"for example: 1: c1, 2: c2, ..., {nodes}: c{nodes} (each c a colour from 1 to {colors})."
    )
    data = {"nodes": nodes, "colors": colors, "edges": [[u + 1, v + 1] for u, v in edges]}
    reference = ", ".join(f"{v + 1}: {classes[v] + 1}" for v in range(nodes))
    return Problem(question=question, data=data, reference=reference)
