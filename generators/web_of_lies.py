"""Web of lies: propagate who tells the truth along a web of "X says Y lies" statements.

Description:
    Every person either always tells the truth or always lies. A few people's truthfulness is
    given as a fact ("Alice lies."); everyone else is reached through statements about other
    people: "Bob says Alice lies.", "Carol says Bob tells the truth.", and at higher levels
    statements about two people ("Dave says at least one of Carol and Erin lies."). A hidden
    truth value is drawn for everyone first (both values occur). The people are then linked into
    chains and trees hanging from the anchors (the people given as facts): each new person is
    attached to the previous one (a long chain) or, with probability ``branching``, to any
    earlier person of the same tree (a branch). Each link becomes a statement made by the new
    person about the earlier one or, when shuffled, possibly by the earlier person about the new
    one (a statement about two people made that way is chosen so that it still pins the new
    person down). Extra statements between random people close cycles; they are true to the
    hidden values, so they are consistent. A propagation-and-branching solver counts the
    consistent truth assignments and the instance is kept only when there is exactly one.
Difficulty:
    people: how many people (3 at level 1, 26 at level 10).
    anchors: how many people's truthfulness is given as a fact (the roots of the trees).
    extra_statements: statements beyond one per person, closing cycles in the web.
    branching: chance that a person hangs off a random earlier person instead of the previous
        one (0 gives pure chains, the longest reasoning depth).
    compound: chance that a statement is about two people (both / at least one / exactly one
        ... tells the truth or lies) instead of one.
    shuffled: whether statements appear in random order and may point either way along a link;
        otherwise they come in the order they can be resolved, each about an earlier person
        (and the people are listed alphabetically rather than in the order of the web).
Prompt:
    The rules, the facts, the statements one per line, and the answer format.
Answer format:
    Every person with a value, e.g. ``Alice: truth, Bob: lie``, in any order; "truthful",
    "tells the truth", "true", "honest" or "truth-teller" and "lies", "liar" or "false" are read
    too, with ``:``, ``=``, ``-``, "is", "is a" or just a space between name and value, and
    commas, semicolons, newlines or "and" between the pairs. Every person exactly once.
Verification:
    The answer is parsed into one value per person (unknown or repeated names are unparsable,
    missing ones wrong) and compared with the unique consistent assignment; when it differs the
    verifier names a fact or a statement that the given values contradict.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from itertools import product
from typing import Any

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

NAMES = ("Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Henry", "Ivan", "Judy",
         "Kevin", "Laura", "Mallory", "Nina", "Oscar", "Peggy", "Quentin", "Rupert", "Sybil",
         "Trent", "Ursula", "Victor", "Wendy", "Zach", "Amber", "Boris", "Chloe", "Dmitri",
         "Elena", "Felix", "Gina", "Hugo", "Irene", "Jasper", "Kira", "Leon", "Maya", "Nadia",
         "Omar", "Paula")
# kind -> (truth of the claim from the targets' truth values, English with {0} {1} for names)
KINDS: dict[str, tuple[Any, str]] = {
    "truth": (lambda y: y, "{0} tells the truth"),
    "lie": (lambda y: not y, "{0} lies"),
    "both_truth": (lambda y, z: y and z, "{0} and {1} both tell the truth"),
    "both_lie": (lambda y, z: not y and not z, "{0} and {1} both lie"),
    "some_truth": (lambda y, z: y or z, "at least one of {0} and {1} tells the truth"),
    "some_lie": (lambda y, z: not (y and z), "at least one of {0} and {1} lies"),
    "exactly_one": (lambda y, z: y != z, "exactly one of {0} and {1} tells the truth"),
    "same": (lambda y, z: y == z, "{0} and {1} either both tell the truth or both lie"),
}
PAIR_KINDS = ("both_truth", "both_lie", "some_truth", "some_lie", "exactly_one", "same")
_MAX_ATTEMPTS = 60


def holds(kind: str, values: list[bool]) -> bool:
    """The truth of a claim of this kind about people with these truth values."""
    return bool(KINDS[kind][0](*values))


def count_solutions(n: int, facts: list[dict[str, Any]], statements: list[dict[str, Any]], cap: int = 2) -> int:
    """How many truth assignments fit every fact and statement, counting up to ``cap``."""
    constraints = [(s["speaker"], s["kind"], s["targets"]) for s in statements]
    values: list[bool | None] = [None] * n
    for fact in facts:
        if values[fact["person"]] is not None and values[fact["person"]] != fact["truth"]:
            return 0
        values[fact["person"]] = fact["truth"]
    return _count(values, constraints, cap)


def _fits(kind: str, speaker: bool, targets: tuple[bool, ...]) -> bool:
    return holds(kind, list(targets)) == speaker


def _propagate(values: list[bool | None], constraints: list[tuple[int, str, list[int]]]) -> bool:
    """Fix every value forced by one constraint, to a fixpoint; False on a contradiction."""
    changed = True
    while changed:
        changed = False
        for speaker, kind, targets in constraints:
            people = [speaker, *targets]
            free = [p for p in dict.fromkeys(people) if values[p] is None]
            if len(free) > 2:
                continue
            fits = []
            for guess in product((False, True), repeat=len(free)):
                trial = dict(zip(free, guess, strict=True))
                row = [trial[p] if p in trial else values[p] for p in people]
                if _fits(kind, row[0], tuple(row[1:])):
                    fits.append(guess)
            if not fits:
                return False
            for i, person in enumerate(free):
                options = {guess[i] for guess in fits}
                if len(options) == 1:
                    values[person] = options.pop()
                    changed = True
    return True


def _count(values: list[bool | None], constraints: list[tuple[int, str, list[int]]], cap: int) -> int:
    values = list(values)
    if not _propagate(values, constraints):
        return 0
    free = [p for p, v in enumerate(values) if v is None]
    if not free:
        return 1
    total = 0
    for guess in (False, True):
        branch = list(values)
        branch[free[0]] = guess
        total += _count(branch, constraints, cap - total)
        if total >= cap:
            break
    return total


def _hidden(rng: random.Random, n: int) -> list[bool]:
    """Truth values with both kinds present (at least a quarter of each for n >= 4)."""
    least = max(1, n // 4)
    for _ in range(100):
        truth = [rng.random() < 0.5 for _ in range(n)]
        if least <= sum(truth) <= n - least:
            return truth
    return [i % 2 == 0 for i in range(n)]  # practically unreachable


def _statement(rng: random.Random, truth: list[bool], speaker: int, targets: list[int], kinds: tuple[str, ...],
               forces: int | None = None) -> dict[str, Any] | None:
    """A statement true to the hidden values; if ``forces`` is given, it must pin that person down."""
    options = []
    for kind in kinds:
        if not _fits(kind, truth[speaker], tuple(truth[t] for t in targets)):
            continue
        if forces is not None:
            flipped = [not truth[p] if p == forces else truth[p] for p in range(len(truth))]
            if _fits(kind, flipped[speaker], tuple(flipped[t] for t in targets)):
                continue
        options.append(kind)
    if not options:
        return None
    return {"speaker": speaker, "kind": rng.choice(options), "targets": targets}


def _link(rng: random.Random, truth: list[bool], child: int, parent: int, known: list[int], compound: float,
          shuffled: bool) -> dict[str, Any]:
    """The statement that ties a new person to an earlier one of its tree."""
    others = [p for p in known if p != parent]
    if others and rng.random() < compound:
        second = rng.choice(others)
        if shuffled and rng.random() < 0.5:
            targets = [child, second] if rng.random() < 0.5 else [second, child]
            made = _statement(rng, truth, parent, targets, PAIR_KINDS, forces=child)
            if made is not None:
                return made
        targets = [parent, second] if rng.random() < 0.5 else [second, parent]
        made = _statement(rng, truth, child, targets, PAIR_KINDS)
        if made is not None:
            return made
    speaker, target = (parent, child) if shuffled and rng.random() < 0.5 else (child, parent)
    return {"speaker": speaker, "kind": "truth" if truth[speaker] == truth[target] else "lie", "targets": [target]}


def _web(rng: random.Random, truth: list[bool], anchors: int, extra: int, branching: float, compound: float,
         shuffled: bool) -> list[dict[str, Any]]:
    n = len(truth)
    trees: list[list[int]] = [[a] for a in range(anchors)]
    segment = -(-(n - anchors) // anchors)  # pure chains: the others split evenly between the anchors
    statements = []
    for child in range(anchors, n):
        tree = trees[rng.randrange(anchors) if rng.random() < branching else (child - anchors) // segment]
        parent = tree[-1] if rng.random() >= branching else rng.choice(tree)
        statements.append(_link(rng, truth, child, parent, tree, compound, shuffled))
        tree.append(child)
    linked = {(s["speaker"], t) for s in statements for t in s["targets"]}
    for _ in range(extra):
        for _ in range(20):
            speaker, target = rng.sample(range(n), 2)
            if (speaker, target) not in linked and (target, speaker) not in linked:
                break
        linked.add((speaker, target))
        kind = "truth" if truth[speaker] == truth[target] else "lie"
        statements.append({"speaker": speaker, "kind": kind, "targets": [target]})
    if shuffled:
        rng.shuffle(statements)
    return statements


def generate(rng: random.Random, *, people: int, anchors: int, extra_statements: int, branching: float,
             compound: float, shuffled: bool) -> Problem:
    if not 1 <= anchors < people:
        raise InvalidParameterError(f"web_of_lies: expected 1 <= anchors < people, found {anchors} and {people}")
    for _ in range(_MAX_ATTEMPTS):
        names = rng.sample(NAMES, people)
        truth = _hidden(rng, people)
        facts = [{"person": a, "truth": truth[a]} for a in range(anchors)]
        statements = _web(rng, truth, anchors, extra_statements, branching, compound, shuffled)
        if count_solutions(people, facts, statements) == 1:
            return _problem(names, truth, facts, statements, shuffled)
    raise GenerationError(f"web_of_lies: no web with a unique solution in {_MAX_ATTEMPTS} attempts")


def render_statement(statement: dict[str, Any], names: list[str]) -> str:
    claim = KINDS[statement["kind"]][1].format(*(names[t] for t in statement["targets"]))
    return f"{names[statement['speaker']]} says {claim}."


def _problem(names: list[str], truth: list[bool], facts: list[dict[str, Any]],
             statements: list[dict[str, Any]], shuffled: bool) -> Problem:
    listed = sorted(names) if shuffled else names  # the drawing order would show the web's shape
    fact_lines = [f"{names[f['person']]} {'tells the truth' if f['truth'] else 'lies'}." for f in facts]
    question = (
        f"Each of these {len(names)} people either always tells the truth or always lies: "
        f"{', '.join(listed)}.\n\nFacts:\n" + "\n".join(fact_lines)
        + "\n\nStatements:\n" + "\n".join(render_statement(s, names) for s in statements)
        + "\n\n\"At least one\" includes both. Exactly one assignment is consistent with the facts and all "
        "the statements. Who tells the truth and who lies? Give every person, separated by commas, in the "
        "form \"Name: truth\" or \"Name: lie\"."
    )
    solution = {name: "truth" if truth[i] else "lie" for i, name in enumerate(names)}
    data = {"names": names, "facts": facts, "statements": statements, "solution": solution}
    reference = ", ".join(f"{name}: {value}" for name, value in solution.items())
    return Problem(question=question, data=data, reference=reference)
