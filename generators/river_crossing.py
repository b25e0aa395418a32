"""River crossing: ferry everyone across a river under conflict rules, within a crossing budget.

Description:
    Travellers start on the left bank with the boat. The boat holds at most ``capacity``
    travellers, only some of them can row, and every crossing needs a rower aboard. After each
    crossing everyone in the boat gets out on the bank it reached, and then the rules must hold
    on both banks: guard rules ("X and Y may not be on the same bank unless Z is there too", as
    in wolf, goat and cabbage) and, at some levels, a counting rule between two groups ("where
    there is at least one knight, the knights may not be outnumbered by the bandits", as in
    missionaries and cannibals). Instances are random (names, rowers, rule pairs and guards);
    breadth-first search over every (left bank, boat side) state at generation (states as
    bitmasks, the rules as a table of safe banks) proves each one solvable and gives the fewest
    crossings. Only instances whose rules really bind are kept: the optimum must exceed the
    fewest crossings the same boat needs with no rules at all (searched once per number of
    travellers, rowers and capacity). The prompt allows the optimum plus ``slack`` crossings.
Difficulty:
    travellers: how many travellers (4 at level 1, 8 at level 10).
    rowers: how many of them can row (1 at level 1: a farm puzzle where the farmer rows and is
        the guard of every rule; 4 at level 10).
    capacity: how many the boat holds (2 at every level; 3 or 4 by override, which makes the
        rules bind less often).
    guards: number of guard rules (2 at level 1, 7 at level 10).
    groups: whether the travellers also form two groups under the counting rule (levels 5 and
        7; with 8 travellers and a boat of 2 the counting rule alone is unsolvable).
    slack: crossings allowed beyond the optimum (2 at level 1, 0 from level 6).
Prompt:
    Who is on the left bank, who can row, the boat's capacity, every rule, the budget and the
    answer format; crossings alternate direction, starting from the left bank.
Answer format:
    One crossing per line, naming everyone in the boat, separated by commas, e.g. ``Farmer,
    Goat``; names in any case; ``and``, ``&`` or ``+`` may join names, and arrows (``->``,
    ``<-``) and a few plain words (cross, return, back, takes, to the right bank, ...) are
    ignored. Semicolons may separate crossings.
Verification:
    The crossings are simulated from the start: every name must be a traveller on the boat's
    side, at most ``capacity`` aboard, at least one of them a rower; after every crossing every
    rule is checked on both banks. At the end everyone must be on the right bank, within the
    budget. Any such plan is accepted. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from functools import lru_cache
from itertools import combinations

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

ITEMS = ("Wolf", "Goat", "Cabbage", "Fox", "Hen", "Corn", "Dog", "Cat", "Mouse", "Cheese", "Lion",
         "Deer", "Hawk", "Rabbit", "Carrot", "Snake", "Frog", "Bear", "Honey", "Owl")
PEOPLE = ("Ann", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gia", "Hugo", "Iris", "Jack", "Kate", "Leo",
          "Mia", "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tess", "Uma", "Vic", "Wes", "Zoe")
GROUPS = (("knights", "bandits"), ("guards", "prisoners"), ("sheriffs", "outlaws"), ("monks", "thieves"))
_BOUNDS = {"travellers": (3, 8), "rowers": (1, 8), "capacity": (2, 4), "guards": (0, 8), "slack": (0, 6)}
_MAX_ATTEMPTS = 300


def bank_is_safe(bank: int, guards: list[tuple[int, int, int]], groups: tuple[int, int] | None) -> bool:
    """Whether a bank (bitmask of travellers) breaks no rule."""
    for a, b, guard in guards:
        if bank >> a & 1 and bank >> b & 1 and not bank >> guard & 1:
            return False
    if groups is not None:
        protected, threat = (bank & groups[0]).bit_count(), (bank & groups[1]).bit_count()
        if protected and threat > protected:
            return False
    return True


@lru_cache(maxsize=1024)
def _fitting_loads(count: int, rowers: int, capacity: int) -> tuple[tuple[int, ...], ...]:
    """For each bank (a bitmask), every load the boat can take from it, in a fixed order.

    Loads come by size, then in ``combinations`` order; each holds a rower.
    """
    loads = [sum(1 << i for i in group) for size in range(1, capacity + 1)
             for group in combinations(range(count), size)]
    loads = [load for load in loads if load & rowers]
    return tuple(tuple(load for load in loads if load & bank == load) for bank in range(1 << count))


def solve(count: int, rowers: int, capacity: int, safe: list[bool]) -> list[int] | None:
    """A shortest plan (the boat's load, as a bitmask, per crossing) or None when unsolvable.

    Breadth-first search over states coded as ``left bank | boat on the right << count``, the
    loads tried in the order of ``_fitting_loads``; it stops as soon as the goal is reached,
    since the path to a state is fixed when the state is first reached.
    """
    everyone, right = (1 << count) - 1, 1 << count
    fits = _fitting_loads(count, rowers, capacity)
    allowed = [safe[left] and safe[everyone ^ left] for left in range(right)]
    parents = {everyone: -1}
    queue = [everyone]
    for state in queue:  # a list may grow while it is iterated over
        left = state & everyone
        bank, boat = (everyone ^ left, 0) if state & right else (left, right)
        for load in fits[bank]:
            if allowed[left ^ load] and (after := (left ^ load) | boat) not in parents:
                parents[after] = state
                if after == right:  # everyone on the right bank, with the boat
                    return _loads(parents, after, everyone)
                queue.append(after)
    return None


def _loads(parents: dict[int, int], state: int, everyone: int) -> list[int]:
    """The boat's loads along the path that reached ``state``."""
    plan = []
    while (parent := parents[state]) >= 0:
        plan.append((parent ^ state) & everyone)
        state = parent
    return plan[::-1]


@lru_cache(maxsize=1024)
def _fewest_without_rules(count: int, rowers: int, capacity: int) -> int | None:
    """The fewest crossings the boat needs with no rules at all (None: impossible)."""
    plan = solve(count, rowers, capacity, [True] * (1 << count))
    return None if plan is None else len(plan)


def _subsets(mask: int) -> list[int]:
    """Every subset of a bitmask, itself included."""
    subsets, subset = [], mask
    while True:
        subsets.append(subset)
        if not subset:
            return subsets
        subset = (subset - 1) & mask


def _safe_banks(count: int, rules: list[tuple[int, int, int]], split: tuple[int, int] | None) -> list[bool]:
    """``bank_is_safe`` for every bank, found by listing only the banks that break a rule."""
    safe = [True] * (1 << count)
    everyone = (1 << count) - 1
    for a, b, guard in rules:  # the pair with any others but the guard
        pair = 1 << a | 1 << b
        for others in _subsets(everyone & ~(pair | 1 << guard)):
            safe[pair | others] = False
    if split is not None:  # some of the protected, more of the threat, any others
        protected, threat = split
        rest = _subsets(everyone & ~(protected | threat))
        threats = sorted(_subsets(threat), key=int.bit_count)
        sizes = [subset.bit_count() for subset in threats]
        for kept in _subsets(protected)[:-1]:  # the last subset is the empty one
            for outnumbering in threats[bisect_right(sizes, kept.bit_count()):]:
                for others in rest:
                    safe[kept | outnumbering | others] = False
    return safe


@lru_cache(maxsize=16)
def _triples(travellers: int) -> tuple[tuple[int, int, int], ...]:
    """Every (a, b, guard) rule on these travellers, in a fixed order."""
    return tuple((a, b, g) for a, b in combinations(range(travellers), 2) for g in range(travellers) if g not in (a, b))


def _draw(rng: random.Random, travellers: int, rowers: int, guards: int, groups: bool) -> dict:
    """Random names, rowers and rules (as indices into the names)."""
    if rowers == 1 and not groups:  # a farm puzzle: the farmer rows and guards the animals
        names = ["Farmer", *rng.sample(ITEMS, travellers - 1)]
        pairs = list(combinations(range(1, travellers), 2))
        rules = [(a, b, 0) for a, b in rng.sample(pairs, min(guards, len(pairs)))]
        return {"names": names, "rowers": [0], "guards": rules, "groups": None}
    names = rng.sample(PEOPLE, travellers)
    triples = _triples(travellers)
    rules = rng.sample(triples, min(guards, len(triples)))
    split = None
    if groups:
        order = rng.sample(range(travellers), travellers)
        protected = order[: (travellers + 1) // 2]
        split = {"labels": list(rng.choice(GROUPS)), "protected": sorted(protected),
                 "threat": sorted(order[(travellers + 1) // 2:])}
    return {"names": names, "rowers": sorted(rng.sample(range(travellers), rowers)), "guards": rules,
            "groups": split}


def _mask(indices: list[int]) -> int:
    return sum(1 << i for i in indices)


def _rules_text(draw: dict) -> list[str]:
    names = draw["names"]
    lines = [f"- {names[a]} and {names[b]} may not be on the same bank unless {names[g]} is there too."
             for a, b, g in draw["guards"]]
    if draw["groups"] is not None:
        first, second = draw["groups"]["labels"]
        members = [", ".join(names[i] for i in draw["groups"][key]) for key in ("protected", "threat")]
        lines.append(f"- {members[0]} are {first}; {members[1]} are {second}. On a bank where there is at "
                     f"least one of the {first}, the {first} may not be outnumbered by the {second}.")
    return lines


def _question(draw: dict, capacity: int, budget: int) -> str:
    names = draw["names"]
    rowers = [names[i] for i in draw["rowers"]]
    who_rows = f"only {rowers[0]} can row" if len(rowers) == 1 else \
        ("everyone can row" if len(rowers) == len(names) else "only " + ", ".join(rowers) + " can row")
    return (
        f"{len(names)} travellers are on the left bank of a river: {', '.join(names)}. The boat is on "
        f"the left bank; it holds at most {capacity} travellers and {who_rows}: every crossing needs "
        "at least one rower aboard (the boat never crosses empty). Crossings alternate: the first "
        "goes from the left bank to the right bank, the second comes back, and so on. After each "
        "crossing everyone in the boat gets out on the bank it reached, and then these rules must "
        "hold on both banks:\n" + "\n".join(_rules_text(draw)) + "\n\n"
        f"Get all the travellers to the right bank in at most {budget} crossings. Answer with one "
        "crossing per line, naming everyone in the boat separated by commas, e.g. "
        f"{', '.join(names[:2])}."
    )


def _check(name: str, value: int) -> None:
    low, high = _BOUNDS[name]
    if not low <= value <= high:
        raise InvalidParameterError(f"river_crossing: expected {name} between {low} and {high}, found {value}")


def generate(rng: random.Random, *, travellers: int, rowers: int, capacity: int, guards: int, groups: bool,
             slack: int) -> Problem:
    for name, value in (("travellers", travellers), ("rowers", rowers), ("capacity", capacity),
                        ("guards", guards), ("slack", slack)):
        _check(name, value)
    if rowers > travellers:
        raise InvalidParameterError(
            f"river_crossing: expected rowers between 1 and travellers ({travellers}), found {rowers}")
    if capacity >= travellers:
        raise InvalidParameterError(
            f"river_crossing: expected capacity below travellers ({travellers}), found {capacity}")
    for _ in range(_MAX_ATTEMPTS):
        draw = _draw(rng, travellers, rowers, guards, groups)
        rules = [tuple(rule) for rule in draw["guards"]]
        split = None if draw["groups"] is None else (_mask(draw["groups"]["protected"]),
                                                      _mask(draw["groups"]["threat"]))
        plan = solve(travellers, _mask(draw["rowers"]), capacity, _safe_banks(travellers, rules, split))
        if plan is None:
            continue
        relaxed = _fewest_without_rules(travellers, _mask(draw["rowers"]), capacity)
        if relaxed is not None and len(plan) <= relaxed:
            continue  # the rules change nothing: redraw
        names = draw["names"]
        budget = len(plan) + slack
        data = {"names": names, "rowers": [names[i] for i in draw["rowers"]], "capacity": capacity,
                "guards": [[names[a], names[b], names[g]] for a, b, g in rules],
                "groups": None if draw["groups"] is None else {
                    "labels": draw["groups"]["labels"],
                    "protected": [names[i] for i in draw["groups"]["protected"]],
                    "threat": [names[i] for i in draw["groups"]["threat"]]},
                "optimum": len(plan), "budget": budget}
        reference = "\n".join(", ".join(names[i] for i in range(travellers) if load >> i & 1) for load in plan)
        return Problem(question=_question(draw, capacity, budget), data=data, reference=reference)
    raise GenerationError(
        f"river_crossing: no solvable instance whose rules bind in {_MAX_ATTEMPTS} random draws")
