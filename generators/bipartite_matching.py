"""Bipartite matching: pair left and right nodes along edges, as many pairs as possible.

Description:
    A random bipartite graph between left nodes L1, L2, ... and right nodes R1, R2, ...; each
    possible edge is drawn independently. The size of a maximum matching is computed with
    augmenting paths (Kuhn's algorithm). With ``greedy_trap`` the graph is redrawn until the
    greedy matching (each left node in turn takes its first free neighbour) is not maximum,
    so the answer needs augmenting-path reasoning. Graphs where the "diagonal" L1-R1, L2-R2, ...
    is a maximum matching are redrawn. Any maximum matching is accepted.
Difficulty:
    left, right: the numbers of left and right nodes (3 and 3 at level 1, 22 and 24 at level 10).
    degree: the mean number of edges per left node (each edge has probability degree / right).
    greedy_trap: the greedy matching falls short of the maximum (from level 3 on).
Prompt:
    Each left node with its neighbours, one ``L1: R2, R4`` per line, then "Find a maximum
    matching", with the answer format.
Answer format:
    The matched pairs separated by commas, e.g. ``L1-R2, L3-R1``; ``(L1, R2)``, ``L1 -> R2``,
    ``R2-L1``, one pair per line and lower case are accepted too.
Verification:
    Every pair must be an edge of the graph joining a left and a right node, no node may be
    used twice, and the number of pairs must equal the maximum computed at generation.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIDE, MAX_SIDE = 2, 40
_MAX_ATTEMPTS = 300

Adjacency = dict[str, list[str]]


def maximum_matching(adjacency: Adjacency, reverse_scan: bool = False) -> dict[str, str]:
    """A maximum matching (left -> right) by Kuhn's augmenting paths."""
    owner: dict[str, str] = {}  # right node -> its left partner

    def augment(left: str, visited: set[str]) -> bool:
        neighbours = adjacency[left][::-1] if reverse_scan else adjacency[left]
        for right in neighbours:
            if right not in visited:
                visited.add(right)
                if right not in owner or augment(owner[right], visited):
                    owner[right] = left
                    return True
        return False

    lefts = list(adjacency)[::-1] if reverse_scan else list(adjacency)
    for left in lefts:
        augment(left, set())
    return {left: right for right, left in owner.items()}


def greedy_matching(adjacency: Adjacency) -> dict[str, str]:
    """Each left node in turn takes its first free neighbour: maximal, not always maximum."""
    taken: set[str] = set()
    matching = {}
    for left, neighbours in adjacency.items():
        free = next((right for right in neighbours if right not in taken), None)
        if free is not None:
            matching[left] = free
            taken.add(free)
    return matching


def render_matching(matching: dict[str, str], order: list[str]) -> str:
    return ", ".join(f"{left}-{matching[left]}" for left in order if left in matching)


def _question(adjacency: Adjacency, rights: list[str]) -> str:
    lines = "\n".join(f"{left}: {', '.join(neighbours) if neighbours else '(no edges)'}"
                      for left, neighbours in adjacency.items())
    edges = sum(map(len, adjacency.values()))
    return (
        f"Here is a bipartite graph with {len(adjacency)} left nodes (L1 to L{len(adjacency)}), "
        f"{len(rights)} right nodes (R1 to R{len(rights)}) and {edges} edges. Each line lists a left "
        f"node and the right nodes it is joined to:\n\n{lines}\n\n"
        "Find a maximum matching: as many pairs (left node, right node) as possible, each pair joined "
        "by an edge, with no node in more than one pair. Answer with the pairs separated by commas, "
        "each written as left-right, for example L1-R2, L3-R1. Several maximum matchings may exist; "
        "any one of them is accepted."
    )


def generate(rng: random.Random, *, left: int, right: int, degree: float, greedy_trap: bool) -> Problem:
    for name, value in (("left", left), ("right", right)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise InvalidParameterError(
                f"bipartite_matching: expected {name} between {MIN_SIDE} and {MAX_SIDE}, found {value}")
    if not 0.5 <= degree <= right:
        raise InvalidParameterError(f"bipartite_matching: expected degree between 0.5 and right ({right}), "
                                    f"found {degree}")
    lefts = [f"L{i}" for i in range(1, left + 1)]
    rights = [f"R{j}" for j in range(1, right + 1)]
    chance = degree / right
    for _ in range(_MAX_ATTEMPTS):
        adjacency = {name: [r for r in rights if rng.random() < chance] for name in lefts}
        if sum(map(len, adjacency.values())) < 2:
            continue
        matching = maximum_matching(adjacency)
        if all(f"R{i}" in adjacency[f"L{i}"] for i in range(1, len(matching) + 1)):
            continue  # the zero-effort answer L1-R1, L2-R2, ... would be a maximum matching
        if greedy_trap and len(greedy_matching(adjacency)) == len(matching):
            continue
        data = {"rights": right, "adjacency": adjacency, "maximum": len(matching)}
        return Problem(question=_question(adjacency, rights), data=data,
                       reference=render_matching(matching, lefts))
    raise GenerationError(f"bipartite_matching: no graph where greedy matching falls short in {_MAX_ATTEMPTS} "
                          "attempts; raise degree or the sizes")
