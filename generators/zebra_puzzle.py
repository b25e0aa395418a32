"""Zebra puzzle: an Einstein-style logic puzzle with a unique assignment of attributes to houses.

Description:
    N houses stand in a row, numbered 1 to N from left to right. Each of K attributes (colour,
    nationality, drink, pet, ...) takes each of its N values in exactly one house. A hidden
    assignment is drawn, then true clues about it are drawn one at a time (kinds: a value is in
    house i; is not in house i; two values are in the same house; in different houses; directly
    left of; somewhere left of; next to) until an exact solver proves the solution unique. Every
    clue whose removal keeps the solution unique is then removed (one pass in random order, so
    the clue set is minimal), and ``extra_clues`` of the removed ones are put back.
    The solver keeps one bitmask of possible houses per (attribute, value), propagates the
    clues and the permutation constraint (singles and hidden singles) to a fixpoint, and
    branches on the smallest domain, counting solutions up to two.
Difficulty:
    houses: number of houses and of values per attribute (3 at level 1, 6 at levels 9-10).
    attributes: number of attributes (3 at level 1, 6 at level 10).
    negative_clues: whether "not" clues (not in house i, not in the same house) may be drawn.
    extra_clues: redundant clues kept on top of a minimal set (2 at level 1, 0 from level 4 on).
Prompt:
    The houses and attributes with their values, the numbered clues, then the answer format:
    one line per house, ``House 1: red, Norwegian, water, dog`` (values in the listed order).
Answer format:
    One line per house, ``House <n>: <value>, <value>, ...`` with one value of every attribute.
    Accepted too: values in any order within a line (every value name is distinct), ``attr:
    value`` items (``colour: red``), lines in any order, ``1: ...`` without the word House, and
    a markdown table with the house number in the first column. Case is ignored.
Verification:
    The table is parsed line by line; every house must appear once with exactly one known value
    of each attribute, and each value must be used once. Then every clue is checked against the
    table: the first broken clue is named in the reason. Since the solver proved the solution
    unique at generation, a table that keeps every clue is the solution (the verifier also
    compares it with the stored solution). No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

# name, noun phrase, predicate, values (all value names distinct across attributes)
ATTRIBUTES = (
    ("colour", "the person in the {} house", "lives in the {} house",
     ("red", "green", "blue", "yellow", "white", "purple")),
    ("nationality", "the {}", "is the {}", ("Brit", "Swede", "Dane", "Norwegian", "German", "Spaniard")),
    ("drink", "the person who drinks {}", "drinks {}", ("tea", "coffee", "milk", "water", "juice", "soda")),
    ("pet", "the person who keeps the {}", "keeps the {}", ("dog", "cat", "bird", "fish", "horse", "zebra")),
    ("sport", "the person who plays {}", "plays {}", ("soccer", "tennis", "golf", "hockey", "rugby", "chess")),
    ("food", "the person who eats {}", "eats {}", ("pizza", "sushi", "pasta", "tacos", "curry", "salad")),
    ("car", "the person who drives a {}", "drives a {}", ("Ford", "Toyota", "BMW", "Tesla", "Honda", "Fiat")),
    ("flower", "the person who grows {}", "grows {}", ("roses", "tulips", "lilies", "daisies", "orchids", "irises")),
    ("music", "the person who listens to {}", "listens to {}", ("jazz", "rock", "pop", "blues", "folk", "metal")),
)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
KINDS = ("position", "not_position", "same", "not_same", "left_of", "before", "next_to")
_WEIGHTS = {"position": 2, "not_position": 2, "same": 5, "not_same": 2, "left_of": 3, "before": 2, "next_to": 3}
_MAX_ATTEMPTS = 20
_MAX_NODES = 20_000


# -- the solver ------------------------------------------------------------------------------

def _propagate(dom: list[int], clues: list[tuple[str, int, int, int]], groups: list[range], full: int) -> bool:
    """Narrow the domains to a fixpoint in place; False on a contradiction."""
    changed = True
    while changed:
        changed = False
        for kind, x, y, arg in clues:
            dx, dy = dom[x], dom[y] if y >= 0 else 0
            if kind == "position":
                nx, ny = dx & arg, dy
            elif kind == "not_position":
                nx, ny = dx & ~arg, dy
            elif kind == "same":
                nx = ny = dx & dy
            elif kind == "not_same":
                nx = dx & ~dy if dy & (dy - 1) == 0 else dx
                ny = dy & ~dx if dx & (dx - 1) == 0 else dy
            elif kind == "left_of":  # house(x) + 1 == house(y)
                ny = dy & (dx << 1) & full
                nx = dx & (ny >> 1)
            elif kind == "before":  # house(x) < house(y)
                low_x = dx & -dx
                ny = dy & ~((low_x << 1) - 1)
                nx = dx & ((1 << (ny.bit_length() - 1)) - 1) if ny else 0
            else:  # next_to
                ny = dy & ((dx << 1) | (dx >> 1)) & full
                nx = dx & ((ny << 1) | (ny >> 1)) & full
            if nx != dx or (y >= 0 and ny != dy):
                if not nx or (y >= 0 and not ny):
                    return False
                dom[x] = nx
                if y >= 0:
                    dom[y] = ny
                changed = True
        for group in groups:
            fixed, seen, twice = 0, 0, 0
            for var in group:
                d = dom[var]
                if d & (d - 1) == 0:
                    if fixed & d:
                        return False
                    fixed |= d
                twice |= seen & d
                seen |= d
            if seen != full:
                return False
            once = full & ~twice
            for var in group:
                d = dom[var]
                single = d & once
                new = single if single else (d if d & (d - 1) == 0 else d & ~fixed)
                if single & (single - 1):
                    return False
                if new != d:
                    if not new:
                        return False
                    dom[var] = new
                    changed = True
    return True


def count_solutions(houses: int, attributes: int, clues: list[tuple[str, int, int, int]], limit: int = 2) -> int:
    """The number of assignments that keep every clue, counted up to ``limit``."""
    full = (1 << houses) - 1
    groups = [range(a * houses, (a + 1) * houses) for a in range(attributes)]
    found, nodes = 0, 0
    stack = [[full] * (houses * attributes)]
    while stack:
        dom = stack.pop()
        nodes += 1
        if nodes > _MAX_NODES:
            return limit  # treat as not unique: never happens at the supported sizes
        if not _propagate(dom, clues, groups, full):
            continue
        best, best_count = -1, houses + 1
        for var, d in enumerate(dom):
            if d & (d - 1):
                count = d.bit_count()
                if count < best_count:
                    best, best_count = var, count
        if best < 0:
            found += 1
            if found >= limit:
                return found
            continue
        d = dom[best]
        while d:
            bit = d & -d
            d ^= bit
            child = dom[:]
            child[best] = bit
            stack.append(child)
    return found


# -- clues -----------------------------------------------------------------------------------

def holds(kind: str, hx: int, hy: int, arg: int) -> bool:
    """Does a clue hold when x is in house hx and y in house hy (0-based; arg is a house for positions)?"""
    if kind == "position":
        return hx == arg
    if kind == "not_position":
        return hx != arg
    if kind == "same":
        return hx == hy
    if kind == "not_same":
        return hx != hy
    if kind == "left_of":
        return hx + 1 == hy
    if kind == "before":
        return hx < hy
    return abs(hx - hy) == 1


def _candidates(houses: int, attributes: int, where: list[int], negative: bool) -> dict[str, list[list[int]]]:
    """Every true clue of the hidden assignment, by kind, as [x, y, house] (y = -1, house = -1 when unused)."""
    variables = houses * attributes
    pool: dict[str, list[list[int]]] = {kind: [] for kind in KINDS}
    for x in range(variables):
        for house in range(houses):
            kind = "position" if where[x] == house else "not_position"
            pool[kind].append([x, -1, house])
        for y in range(variables):
            if x // houses == y // houses:
                continue
            hx, hy = where[x], where[y]
            for kind in ("same", "not_same", "left_of", "before", "next_to"):
                symmetric = kind in ("same", "not_same", "next_to")
                if (symmetric and x > y) or not holds(kind, hx, hy, -1):
                    continue
                if kind == "before" and hx + 1 == hy:
                    continue  # directly left of is its own, stronger kind
                pool[kind].append([x, y, -1])
    if not negative:
        pool["not_position"], pool["not_same"] = [], []
    return pool


def _solver_form(clue: list, houses: int) -> tuple[str, int, int, int]:
    kind, x, y, house = clue
    return kind, x, y, (1 << house) if kind in ("position", "not_position") else 0


def _draw(rng: random.Random, pool: dict[str, list[list[int]]]) -> list | None:
    kinds = [kind for kind in KINDS if pool[kind]]
    if not kinds:
        return None
    kind = rng.choices(kinds, weights=[_WEIGHTS[k] for k in kinds])[0]
    items = pool[kind]
    index = rng.randrange(len(items))
    items[index], items[-1] = items[-1], items[index]
    x, y, house = items.pop()
    return [kind, x, y, house]


def _clues(rng: random.Random, houses: int, attributes: int, where: list[int], negative: bool,
           extra: int) -> list[list] | None:
    pool = _candidates(houses, attributes, where, negative)
    clues: list[list] = []
    # a unique solution needs many clues: add a first batch before the first (costly) count
    batch = houses * attributes // 2
    while True:
        for _ in range(batch):
            clue = _draw(rng, pool)
            if clue is None:
                return None
            clues.append(clue)
        batch = 1
        if count_solutions(houses, attributes, [_solver_form(c, houses) for c in clues]) == 1:
            break
    order = list(range(len(clues)))
    rng.shuffle(order)
    kept = set(order)
    removed = []
    for index in order:
        trial = [_solver_form(clues[i], houses) for i in sorted(kept - {index})]
        if count_solutions(houses, attributes, trial) == 1:
            kept.discard(index)
            removed.append(index)
    back = removed[:extra]
    final = [clues[i] for i in sorted(kept | set(back))]
    rng.shuffle(final)
    return final


# -- text ------------------------------------------------------------------------------------

def _noun(attrs: list[tuple], houses: int, var: int) -> str:
    a, v = divmod(var, houses)
    return attrs[a][1].format(attrs[a][3][v])


def _predicate(attrs: list[tuple], houses: int, var: int) -> str:
    a, v = divmod(var, houses)
    return attrs[a][2].format(attrs[a][3][v])


def clue_text(clue: list, attrs: list[tuple], houses: int) -> str:
    kind, x, y, house = clue
    subject = _noun(attrs, houses, x)
    if kind == "position":
        text = f"{subject} lives in the {ORDINALS[house]} house."
    elif kind == "not_position":
        text = f"{subject} does not live in the {ORDINALS[house]} house."
    elif kind == "same":
        text = f"{subject} {_predicate(attrs, houses, y)}."
    elif kind == "not_same":
        text = f"{subject} and {_noun(attrs, houses, y)} live in different houses."
    elif kind == "left_of":
        text = f"{subject} lives directly left of {_noun(attrs, houses, y)}."
    elif kind == "before":
        text = f"{subject} lives somewhere to the left of {_noun(attrs, houses, y)}."
    else:
        text = f"{subject} lives next to {_noun(attrs, houses, y)}."
    return text[0].upper() + text[1:]


def render(table: list[list[str]]) -> str:
    """The canonical answer: one ``House n: v1, v2, ...`` line per house."""
    return "\n".join(f"House {h}: {', '.join(row)}" for h, row in enumerate(table, start=1))


def generate(rng: random.Random, *, houses: int, attributes: int, negative_clues: bool, extra_clues: int) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        chosen = sorted(rng.sample(range(len(ATTRIBUTES)), attributes))
        attrs = []
        for index in chosen:
            name, noun, predicate, values = ATTRIBUTES[index]
            attrs.append((name, noun, predicate, tuple(sorted(rng.sample(values, houses)))))
        # where[a * houses + v] is the house (0-based) of value v of attribute a
        where = []
        for _ in attrs:
            perm = list(range(houses))
            rng.shuffle(perm)
            where.extend(perm)
        clues = _clues(rng, houses, attributes, where, negative_clues, extra_clues)
        if clues is None:
            continue
        table = [["" for _ in attrs] for _ in range(houses)]
        for var, house in enumerate(where):
            a, v = divmod(var, houses)
            table[house][a] = attrs[a][3][v]
        lines = [f"- {name}: {', '.join(values)}" for name, _, _, values in attrs]
        texts = [f"{i}. {clue_text(c, attrs, houses)}" for i, c in enumerate(clues, start=1)]
        names = ", ".join(name for name, *_ in attrs)
        question = (
            f"There are {houses} houses in a row, numbered 1 to {houses} from left to right. Each house has "
            f"one person, and each of the following attributes takes each of its values in exactly one "
            f"house:\n" + "\n".join(lines) + "\n\nClues:\n" + "\n".join(texts) + "\n\n"
            "\"Directly left of\" means in the house with the number one lower; \"next to\" means in a "
            "neighbouring house. The clues have exactly one solution.\n\n"
            f"Give the full assignment, one line per house, with the values in the order {names}, e.g.\n"
            f"House 1: {', '.join(f'<{name}>' for name, *_ in attrs)}"
        )
        data = {
            "houses": houses,
            "attributes": [{"name": name, "values": list(values)} for name, _, _, values in attrs],
            "clues": clues,
            "clue_texts": [clue_text(c, attrs, houses) for c in clues],
            "solution": table,
        }
        return Problem(question=question, data=data, reference=render(table))
    raise GenerationError(f"zebra_puzzle: no unique puzzle with {houses} houses and {attributes} attributes "
                          f"in {_MAX_ATTEMPTS} attempts")
