"""Small graph helpers shared by the graph families: node names and a disjoint-set forest."""

from __future__ import annotations

import string


def letter_names(count: int, skip: str = "") -> list[str]:
    """``count`` node names: single letters A..Z (minus ``skip``), then two letters AA, AB, ..."""
    letters = [letter for letter in string.ascii_uppercase if letter not in skip]
    names = list(letters)
    for first in letters:
        if len(names) >= count:
            break
        names.extend(first + second for second in letters)
    return names[:count]


class DisjointSet:
    """Union-find over 0..n-1 (or any hashable names) with path halving and union by size."""

    def __init__(self, items: object) -> None:
        self.parent = {item: item for item in items}  # type: ignore[attr-defined]
        self.size = dict.fromkeys(self.parent, 1)

    def find(self, item: object) -> object:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: object, b: object) -> bool:
        """Merge the sets of a and b; False when they were already one set."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size[root_b]
        return True
