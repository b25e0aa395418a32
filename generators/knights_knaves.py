"""Knights and knaves: who always tells the truth and who always lies, from what each one says.

Description:
    An island where knights always tell the truth and knaves always lie. Each of ``people``
    inhabitants (names drawn from a fixed list) makes one statement about the others or
    themselves: "Bob is a knave", "Carol is a knight and I am a knave", "(if Bob is a knight,
    then Dave is a knave) or Erin is a knight", "exactly two of Bob, Carol and Dave are
    knights", ... A hidden role assignment is drawn first and every statement is drawn to be
    true exactly when its speaker is a knight. Statements are small trees stored in ``data``
    and rendered to English with parentheses around every nested part. Every statement's
    truth table is an int bitmask over all 2^n assignments, so the consistent assignments are
    the AND of one mask per speaker; statements are redrawn (a bounded local search) until
    exactly one assignment is consistent, which proves the answer unique.
Difficulty:
    people: how many inhabitants speak (2 at level 1, 10 at level 10).
    depth: how deeply connectives nest in a statement (1: one connective over atoms such as
        "Bob is a knight and Carol is a knave"; 3: connectives over connectives over
        connectives).
    width: the most operands of one connective or count (2 to 4).
    operators: which connectives appear: "basic" (and, or), "logic" (also not, if-then,
        if and only if), "counting" (also "exactly / at least / at most k of X, Y, Z are
        knights/knaves").
Prompt:
    The rules of the island, the inhabitants, one quoted statement per inhabitant, how "or",
    "if ..., then ..." and "if and only if" are meant, and the answer format.
Answer format:
    Every inhabitant with their role, e.g. ``Alice: knight, Bob: knave``, in any order; ``=``,
    ``-`` or "is a" instead of ``:``, commas, semicolons, newlines or "and" between the pairs,
    any letter case (``Alice is a knight and Bob is a knave`` is read too). Every inhabitant
    must be named exactly once.
Verification:
    The answer is parsed into one role per inhabitant (unknown or repeated names are
    unparsable, missing ones wrong) and compared with the unique consistent assignment; when
    it differs, the verifier evaluates the statements under the given roles to name a speaker
    whose statement contradicts their role.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

NAMES = ("Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Henry", "Ivan", "Judy",
         "Kevin", "Laura", "Mallory", "Nina", "Oscar", "Peggy", "Quentin", "Rupert", "Sybil",
         "Trent", "Ursula", "Victor", "Wendy", "Zach")
OPERATORS = {
    "basic": ("and", "or"),
    "logic": ("and", "or", "not", "implies", "iff"),
    "counting": ("and", "or", "not", "implies", "iff", "count"),
}
_COUNTS = ("exactly", "at_least", "at_most")
_NUMBER_WORDS = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_MAX_ROUNDS = 40  # fresh hidden assignments before giving up
_STEPS_PER_PERSON = 30  # statement redraws per round, per inhabitant
_MAX_DRAWS = 1000  # draws for one statement that fits its speaker (about half of them do)
_NEST = 0.3  # chance that an operand other than the forced one is itself compound


@lru_cache(maxsize=16)
def knight_masks(n: int) -> tuple[int, ...]:
    """For each person i, the bitmask of the assignments (ints < 2^n) in which i is a knight."""
    masks = []
    for person in range(n):
        block = ((1 << (1 << person)) - 1) << (1 << person)  # 2^i zeros, then 2^i ones
        period = 1 << (person + 1)
        mask = 0
        for start in range(0, 1 << n, period):
            mask |= block << start
        masks.append(mask)
    return tuple(masks)


class _Builder:
    """Draws random statement trees (tuples) together with their truth-table bitmasks."""

    def __init__(self, rng: random.Random, n: int, width: int, operators: tuple[str, ...]) -> None:
        self.random, self.n, self.width, self.operators = rng.random, n, width, operators
        self.knight = knight_masks(n)
        self.full = (1 << (1 << n)) - 1

    def _people(self, count: int) -> list[int]:
        """``count`` distinct people (all of them if there are fewer), in random order."""
        n, random_ = self.n, self.random
        count = min(count, n)
        chosen: list[int] = []
        while len(chosen) < count:
            person = int(random_() * n)
            if person not in chosen:
                chosen.append(person)
        return chosen

    def atom(self, person: int) -> tuple[tuple, int]:
        if self.random() < 0.5:
            return ("knight", person), self.knight[person]
        return ("knave", person), self.full ^ self.knight[person]

    def count(self) -> tuple[tuple, int]:
        random_, full = self.random, self.full
        people = sorted(self._people(2 + int(random_() * (self.width - 1))))
        size = len(people)
        role = "knight" if random_() < 0.5 else "knave"
        quantifier = _COUNTS[int(random_() * 3)]
        k = 1 + int(random_() * (size - 1))
        exact = [full] + [0] * size  # exact[j]: assignments with exactly j of the people so far
        for person in people:
            mask = self.knight[person] if role == "knight" else full ^ self.knight[person]
            other = full ^ mask
            exact = [exact[0] & other] + [(exact[j] & other) | (exact[j - 1] & mask) for j in range(1, size + 1)]
        if quantifier == "exactly":
            table = exact[k]
        else:
            table = 0
            for j in range(k, size + 1) if quantifier == "at_least" else range(k + 1):
                table |= exact[j]
        return (quantifier, k, role, tuple(people)), table

    def node(self, depth: int) -> tuple[tuple, int]:
        """A compound statement whose connectives nest at most ``depth`` deep (depth >= 1)."""
        random_, operators = self.random, self.operators
        op = operators[int(random_() * len(operators))]
        if op == "count":
            return self.count()
        if op == "not":
            if depth > 1:
                child, table = self.node(depth - 1)
            elif "count" in operators:
                child, table = self.count()
            else:
                child, table = self.flat(("and", "or", "iff"))
            if child[0] == "not":  # never "not (not X)": X says the same
                return child[1], self.full ^ table
            return ("not", child), self.full ^ table
        size = 2 if op == "implies" or op == "iff" else 2 + int(random_() * (self.width - 1))
        people = self._people(size)
        forced = int(random_() * len(people)) if depth > 1 else -1
        children, tables = [], []
        for slot, person in enumerate(people):
            if slot == forced or (depth > 1 and random_() < _NEST):
                child, table = self.node(depth - 1)
            else:
                child, table = self.atom(person)
            children.append(child)
            tables.append(table)
        return (op, tuple(children)), self._combine(op, tables)

    def flat(self, ops: tuple[str, ...]) -> tuple[tuple, int]:
        """One connective over atoms, for a "not" at the last level."""
        op = ops[int(self.random() * len(ops))]
        size = 2 if op == "iff" else 2 + int(self.random() * (self.width - 1))
        children, tables = zip(*(self.atom(person) for person in self._people(size)), strict=True)
        return (op, children), self._combine(op, tables)

    def _combine(self, op: str, tables: list[int] | tuple[int, ...]) -> int:
        if op == "and":
            table = self.full
            for t in tables:
                table &= t
            return table
        if op == "or":
            table = 0
            for t in tables:
                table |= t
            return table
        if op == "implies":
            return (self.full ^ tables[0]) | tables[1]
        return self.full ^ tables[0] ^ tables[1]  # iff

    def statement(self, speaker: int, depth: int, truth: int, solution: int) -> tuple[tuple, int]:
        """A statement true at ``solution`` exactly when ``truth``, and not a tautology or a
        contradiction; returns it with the mask of assignments where the speaker is consistent."""
        for _ in range(_MAX_DRAWS):
            if self.random() < 0.1:  # a plain claim about someone else ("I am a knight" says nothing)
                other = int(self.random() * (self.n - 1))
                statement, table = self.atom(other + (other >= speaker))
            else:
                statement, table = self.node(depth)
            if table == 0 or table == self.full:
                continue
            if (table >> solution & 1) != truth:  # say the opposite instead of drawing again
                statement, table = negate(statement), self.full ^ table
            return statement, self.full ^ self.knight[speaker] ^ table
        raise GenerationError(f"knights_knaves: no fitting statement in {_MAX_DRAWS} draws")


def negate(statement: tuple) -> tuple:
    """A statement that says the opposite, in the same vocabulary (De Morgan, count bounds)."""
    op = statement[0]
    if op == "knight":
        return ("knave", statement[1])
    if op == "knave":
        return ("knight", statement[1])
    if op == "not":
        return statement[1]
    if op == "and" or op == "or":
        children = tuple(negate(child) for child in statement[1])
        return ("or" if op == "and" else "and", children)
    if op == "implies":
        first, second = statement[1]
        return ("and", (first, negate(second)))
    if op == "iff":
        first, second = statement[1]
        return ("iff", (first, negate(second)))
    _, k, role, people = statement
    if op == "at_least" and k > 1:
        return ("at_most", k - 1, role, people)
    if op == "at_most" and k < len(people) - 1:
        return ("at_least", k + 1, role, people)
    return ("not", statement)


def _others(masks: list[int], full: int) -> list[int]:
    """For each person, the AND of everyone else's consistency mask (prefix and suffix ANDs)."""
    n = len(masks)
    prefix = [full] * (n + 1)
    for i, mask in enumerate(masks):
        prefix[i + 1] = prefix[i] & mask
    others = [0] * n
    suffix = full
    for i in range(n - 1, -1, -1):
        others[i] = prefix[i] & suffix
        suffix &= masks[i]
    return others


def _unique_statements(builder: _Builder, depth: int) -> tuple[int, list[tuple]]:
    """A hidden assignment and one statement per person with exactly one consistent assignment.

    Local search: while several assignments remain, redraw the statement of a person whose
    statement rules nothing out beyond the others' (any person if there is none), and keep the
    new statement unless it leaves more assignments.
    """
    n, full, random_ = builder.n, builder.full, builder.random
    for _ in range(_MAX_ROUNDS):
        solution = int(random_() * (1 << n))
        drawn = [builder.statement(p, depth, solution >> p & 1, solution) for p in range(n)]
        statements = [statement for statement, _ in drawn]
        masks = [mask for _, mask in drawn]
        for _ in range(_STEPS_PER_PERSON * n + 1):  # the last pass only checks
            others = _others(masks, full)
            count = (others[0] & masks[0]).bit_count()
            if count == 1:
                return solution, statements
            idle = [p for p in range(n) if others[p].bit_count() == count]
            person = idle[int(random_() * len(idle))] if idle else int(random_() * n)
            statement, mask = builder.statement(person, depth, solution >> person & 1, solution)
            if (others[person] & mask).bit_count() <= count:
                statements[person], masks[person] = statement, mask
    raise GenerationError(f"knights_knaves: no statements with a unique solution in {_MAX_ROUNDS} rounds")


# -- data and English ------------------------------------------------------------------------

def to_data(statement: tuple) -> dict[str, Any]:
    """The JSON form of a statement tree."""
    op = statement[0]
    if op in ("knight", "knave"):
        return {"op": op, "person": statement[1]}
    if op == "not":
        return {"op": "not", "arg": to_data(statement[1])}
    if op in _COUNTS:
        return {"op": op, "count": statement[1], "role": statement[2], "people": list(statement[3])}
    return {"op": op, "args": [to_data(child) for child in statement[1]]}


def _join(parts: list[str], word: str) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def render(statement: tuple, names: list[str], speaker: int, nested: bool = False) -> str:
    """English for a statement; nested compound parts are wrapped in parentheses."""
    op = statement[0]
    if op in ("knight", "knave"):
        person = statement[1]
        return f"I am a {op}" if person == speaker else f"{names[person]} is a {op}"
    if op in _COUNTS:
        _, k, role, people = statement
        who = _join(["myself" if p == speaker else names[p] for p in people], "and")
        quantity = {"exactly": "exactly", "at_least": "at least", "at_most": "at most"}[op]
        noun = f"is a {role}" if k == 1 else f"are {role}s"
        text = f"{quantity} {_NUMBER_WORDS[k]} of {who} {noun}"
    elif op == "not":
        text = f"it is not the case that {render(statement[1], names, speaker, True)}"
    else:
        parts = [render(child, names, speaker, True) for child in statement[1]]
        if op == "implies":
            text = f"if {parts[0]}, then {parts[1]}"
        elif op == "iff":
            text = f"{parts[0]} if and only if {parts[1]}"
        else:
            text = f" {op} ".join(parts)
    return f"({text})" if nested else text


def _question(names: list[str], statements: list[tuple]) -> str:
    lines = []
    for speaker, statement in enumerate(statements):
        text = render(statement, names, speaker)
        lines.append(f'{names[speaker]} says: "{text[0].upper()}{text[1:]}."')
    return (
        "On an island, every inhabitant is either a knight, who always tells the truth, or a "
        "knave, who always lies. You meet "
        f"{len(names)} inhabitants: {_join(names, 'and')}.\n\n" + "\n".join(lines) + "\n\n"
        "In these statements \"or\" is inclusive (at least one part is true), \"if X, then Y\" "
        "is false only when X is true and Y is false, \"X if and only if Y\" means X and Y are "
        "both true or both false, and parentheses group the parts of a statement.\n\n"
        "Exactly one assignment of roles is consistent with all the statements. Who is a knight "
        "and who is a knave? Give the role of every inhabitant, separated by commas, in the form "
        "\"Name: knight\" or \"Name: knave\"."
    )


def generate(rng: random.Random, *, people: int, depth: int, width: int, operators: str) -> Problem:
    names = rng.sample(NAMES, people)
    builder = _Builder(rng, people, width, OPERATORS[operators])
    solution, statements = _unique_statements(builder, depth)
    roles = {name: "knight" if solution >> i & 1 else "knave" for i, name in enumerate(names)}
    data = {"names": names, "statements": [to_data(s) for s in statements], "solution": roles}
    reference = ", ".join(f"{name}: {role}" for name, role in roles.items())
    return Problem(question=_question(names, statements), data=data, reference=reference)
