"""Seating arrangement: seat people in a row or around a round table so that every condition holds.

Description:
    ``people`` people sit in a row of seats numbered 1..n from left to right, or around a round
    table with seats numbered 1..n clockwise (seat n is next to seat 1). Conditions relate them:
    "Ann sits in seat 3", "Ann sits next to Ben", "Ann does not sit next to Cid", "Ann sits
    somewhere to the left of Ben", "Ann sits immediately to the left of Ben", "Ann sits at one
    end of the row", "exactly 2 people sit between Ann and Ben", "Ann sits directly opposite
    Ben", "Ben sits in the seat immediately clockwise from Ann", ... A hidden arrangement is
    drawn first and only conditions true of it are used, so at least one arrangement works
    (the hidden one is the reference). Conditions are added in random order until at most
    ``max_solutions`` arrangements satisfy them all, then every condition whose removal keeps
    that bound is dropped, so the list is minimal. The arrangements are counted by a
    backtracking search over seat bitmasks (each condition is a table: for each seat of one
    person, the mask of seats the other may take).
Difficulty:
    people: number of people and seats (4 at level 1, 10 at level 10).
    table: "row" or "round". Round tables use seat numbers too, so a rotated arrangement is a
        different answer (and is accepted only if it meets every condition).
    relations: "basic" (seat, next to, not next to, left of / clockwise after, at an end) or
        "full" (also not in seat, immediately left of, exactly k people between, opposite).
    max_solutions: the most arrangements the conditions may allow (1 makes the answer unique).
Prompt:
    The people, the seats, the numbered conditions, what "left", "next to", "clockwise" and
    "opposite" mean, and the answer format.
Answer format:
    The names in seat order from seat 1, separated by commas (``Ann, Ben, Cid, Dee``);
    semicolons, newlines or spaces also work, and items may be numbered by seat
    (``1: Ann, 2: Ben`` or ``Seat 1: Ann``), in which case the numbers give the seats.
    Everyone exactly once; names in any letter case.
Verification:
    The rules are checked, so any arrangement meeting every condition is accepted; a wrong
    answer's reason quotes the first condition it breaks. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

NAMES = ("Ann", "Ben", "Cid", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jon", "Kim", "Lou", "Max", "Ned",
         "Oda", "Pam", "Quinn", "Ray", "Sue", "Tom", "Uma", "Vic", "Walt", "Yara", "Zoe")
UNARY = ("seat", "not_seat", "end")
BASIC = {"row": ("seat", "next", "not_next", "left", "end"), "round": ("seat", "next", "not_next", "clockwise")}
FULL = {"row": BASIC["row"] + ("not_seat", "imm_left", "gap"),
        "round": BASIC["round"] + ("not_seat", "opposite")}
_WEIGHT = {"seat": 1, "not_seat": 2, "end": 2, "next": 4, "not_next": 4, "left": 4, "clockwise": 4,
           "imm_left": 3, "gap": 3, "opposite": 3}  # seat numbers given outright would make it easy
_MAX_ATTEMPTS = 20


def _adjacent(a: int, b: int, n: int, round_table: bool) -> bool:
    return abs(a - b) == 1 or (round_table and abs(a - b) == n - 1)


def holds(c: dict[str, Any], seat_of: list[int], n: int, round_table: bool) -> bool:
    """Whether a condition holds when person p sits in seat seat_of[p] (seats 0..n-1)."""
    kind, a = c["kind"], seat_of[c["a"]]
    if kind == "seat":
        return a == c["k"] - 1
    if kind == "not_seat":
        return a != c["k"] - 1
    if kind == "end":
        return a in (0, n - 1)
    b = seat_of[c["b"]]
    if kind == "next":
        return _adjacent(a, b, n, round_table)
    if kind == "not_next":
        return not _adjacent(a, b, n, round_table)
    if kind == "left":
        return a < b
    if kind == "imm_left":
        return b == a + 1
    if kind == "clockwise":
        return b == (a + 1) % n
    if kind == "opposite":
        return b == (a + n // 2) % n
    return abs(a - b) - 1 == c["k"]  # gap: exactly k people between


@lru_cache(maxsize=512)
def _table(kind: str, k: int, n: int, round_table: bool) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """For a binary condition: (masks of b's allowed seats for each seat of a, and the reverse)."""
    fwd, bwd = [0] * n, [0] * n
    for sa in range(n):
        for sb in range(n):
            if sa != sb and holds({"kind": kind, "a": 0, "b": 1, "k": k}, [sa, sb], n, round_table):
                fwd[sa] |= 1 << sb
                bwd[sb] |= 1 << sa
    return tuple(fwd), tuple(bwd)


def _unary_mask(c: dict[str, Any], n: int) -> int:
    if c["kind"] == "seat":
        return 1 << (c["k"] - 1)
    if c["kind"] == "not_seat":
        return ((1 << n) - 1) ^ (1 << (c["k"] - 1))
    return 1 | 1 << (n - 1)  # end


def count_arrangements(n: int, round_table: bool, conditions: list[dict[str, Any]], cap: int) -> int:
    """How many seatings meet every condition, counting up to ``cap``."""
    full = (1 << n) - 1
    unary = [full] * n
    links: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in range(n)]
    for c in conditions:
        if c["kind"] in UNARY:
            unary[c["a"]] &= _unary_mask(c, n)
        else:
            fwd, bwd = _table(c["kind"], c.get("k", 0), n, round_table)
            links[c["b"]].append((c["a"], fwd))
            links[c["a"]].append((c["b"], bwd))
    # most constrained first, then people linked to those already placed (the capped count is the
    # same in any order; the order only makes the search fast)
    order: list[int] = []
    linked_to_placed = [0] * n
    static = [(-unary[p].bit_count(), len(links[p])) for p in range(n)]
    rest = list(range(n))
    while rest:
        best = rest[0]
        best_key = (linked_to_placed[best], *static[best])
        for p in rest[1:]:
            key = (linked_to_placed[p], *static[p])
            if key > best_key:
                best, best_key = p, key
        order.append(best)
        rest.remove(best)
        for other, _ in links[best]:
            linked_to_placed[other] += 1
    seat_of = [-1] * n
    return _search(order, 0, full, unary, links, seat_of, cap)


def _search(order: list[int], depth: int, free: int, unary: list[int], links: list[list[tuple[int, tuple[int, ...]]]],
            seat_of: list[int], cap: int) -> int:
    if depth == len(order):
        return 1
    person = order[depth]
    candidates = free & unary[person]
    for other, table in links[person]:
        if seat_of[other] >= 0:
            candidates &= table[seat_of[other]]
    total = 0
    while candidates and total < cap:
        low = candidates & -candidates
        candidates ^= low
        seat_of[person] = low.bit_length() - 1
        total += _search(order, depth + 1, free ^ low, unary, links, seat_of, cap - total)
    seat_of[person] = -1
    return total


def _pool(seat_of: list[int], n: int, round_table: bool, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every condition of the allowed kinds that the hidden seating meets."""
    pool = []
    for kind in kinds:
        if kind in UNARY:
            for a in range(n):
                if kind == "end":
                    pool.append({"kind": kind, "a": a})
                    continue
                for k in range(1, n + 1):
                    pool.append({"kind": kind, "a": a, "k": k})
            continue
        if kind == "opposite" and n % 2:
            continue
        ks = range(1, n - 2) if kind == "gap" else (0,)
        for a in range(n):
            for b in range(n):
                if a == b or (kind in ("next", "not_next") and a > b):
                    continue
                for k in ks:
                    pool.append({"kind": kind, "a": a, "b": b, "k": k} if kind == "gap" else
                                {"kind": kind, "a": a, "b": b})
    return [c for c in pool if holds(c, seat_of, n, round_table)]


def _weighted_order(rng: random.Random, pool: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pool in a random order where heavier kinds tend to come first."""
    keyed = [(rng.random() ** (1.0 / _WEIGHT[c["kind"]]), i) for i, c in enumerate(pool)]
    keyed.sort(reverse=True)
    return [pool[i] for _, i in keyed]


def _conditions(rng: random.Random, seat_of: list[int], n: int, round_table: bool, kinds: tuple[str, ...],
                max_solutions: int) -> list[dict[str, Any]] | None:
    cap = max_solutions + 1
    chosen: list[dict[str, Any]] = []
    for c in _weighted_order(rng, _pool(seat_of, n, round_table, kinds)):
        chosen.append(c)
        if len(chosen) >= n // 2 and count_arrangements(n, round_table, chosen, cap) <= max_solutions:
            break
    else:
        return None
    for c in chosen[::-1]:  # drop whatever is not needed, newest first
        trial = [d for d in chosen if d is not c]
        if count_arrangements(n, round_table, trial, cap) <= max_solutions:
            chosen = trial
    rng.shuffle(chosen)
    return chosen


def generate(rng: random.Random, *, people: int, table: str, relations: str, max_solutions: int) -> Problem:
    if people > len(NAMES):
        raise InvalidParameterError(f"seating_arrangement: expected at most {len(NAMES)} people, found {people}")
    round_table = table == "round"
    kinds = (BASIC if relations == "basic" else FULL)[table]
    for _ in range(_MAX_ATTEMPTS):
        names = sorted(rng.sample(NAMES, people))
        seat_of = list(range(people))
        rng.shuffle(seat_of)
        conditions = _conditions(rng, seat_of, people, round_table, kinds, max_solutions)
        if conditions is not None:
            return _problem(names, seat_of, table, conditions)
    raise GenerationError(f"seating_arrangement: no condition set in {_MAX_ATTEMPTS} attempts")


_TEXTS = {
    "seat": "{a} sits in seat {k}.",
    "not_seat": "{a} does not sit in seat {k}.",
    "end": "{a} sits at one end of the row.",
    "next": "{a} sits next to {b}.",
    "not_next": "{a} does not sit next to {b}.",
    "left": "{a} sits somewhere to the left of {b}.",
    "imm_left": "{a} sits immediately to the left of {b}.",
    "clockwise": "{b} sits in the seat immediately clockwise from {a}.",
    "opposite": "{a} sits directly opposite {b}.",
    "gap": "Exactly {k} people sit between {a} and {b}.",
}


def render(c: dict[str, Any], names: list[str]) -> str:
    """English for one condition."""
    if c["kind"] == "gap" and c["k"] == 1:
        return f"Exactly 1 person sits between {names[c['a']]} and {names[c['b']]}."
    b = names[c["b"]] if "b" in c else ""
    return _TEXTS[c["kind"]].format(a=names[c["a"]], b=b, k=c.get("k", ""))


def _problem(names: list[str], seat_of: list[int], table: str, conditions: list[dict[str, Any]]) -> Problem:
    n = len(names)
    if table == "row":
        setting = (f"sit in a row of {n} seats numbered 1 to {n} from left to right. \"Left of\" means a "
                   "lower seat number; \"next to\" means in neighbouring seats.")
    else:
        setting = (f"sit around a round table with {n} seats numbered 1 to {n} clockwise; seat {n} is next "
                   f"to seat 1. \"Next to\" means in neighbouring seats, \"immediately clockwise from\" seat s "
                   f"is seat s + 1 (seat 1 after seat {n})"
                   + (f", and \"directly opposite\" seat s is seat s + {n // 2} (counting round)." if n % 2 == 0
                      else "."))
    lines = [f"{i}. {render(c, names)}" for i, c in enumerate(conditions, start=1)]
    answer_note = ("Seats are numbered, so a rotated arrangement is a different answer. " if table == "round"
                   else "")
    question = (
        f"{n} people, {', '.join(names)}, {setting}\n\nConditions:\n" + "\n".join(lines) + "\n\n"
        f"Find a seating that meets every condition. {answer_note}List the people in seat order, starting "
        "from seat 1, separated by commas. Any seating that meets every condition is accepted."
    )
    by_seat = sorted(range(n), key=lambda p: seat_of[p])
    data = {"names": names, "table": table, "conditions": conditions}
    return Problem(question=question, data=data, reference=", ".join(names[p] for p in by_seat))
