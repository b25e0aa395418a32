"""Propositional satisfiability: find an assignment that makes every clause of a CNF formula true.

Description:
    A formula in conjunctive normal form over variables x1..xn: a list of clauses, each an OR
    of ``clause_size`` literals over distinct variables (a variable or its negation), all of
    which must hold. A hidden assignment is drawn first and every clause is drawn to be
    satisfied by it, so the formula is satisfiable (the hidden assignment is the reference).
    To keep the literal signs from pointing at the hidden assignment, each clause gets a number
    of literals true under it drawn uniformly from 1..k-1 (k = clause size), so every literal
    is true under it with probability 1/2 ("balanced" planting; its complement also satisfies
    the formula). Every variable occurs in some clause, no clause repeats, and neither the
    all-true nor the all-false assignment satisfies the formula.
Difficulty:
    variables: number of variables n (3 at level 1, 40 at level 10).
    clauses: number of clauses m; at the top levels m/n is about 4.2, near the 3-SAT threshold
        (4.26) where random formulas are hardest.
    clause_size: literals per clause (2 at levels 1-2, then 3).
Prompt:
    The clauses, one per line as ``(x1 ∨ ¬x3 ∨ x4)``, how to read ∨ and ¬, that every clause
    must be true, and the answer format.
Answer format:
    A value for every variable, e.g. ``x1=T, x2=F, x3=T`` (T/F, true/false or 1/0; ``:`` or
    "is" may replace ``=``; commas, semicolons, newlines or spaces between the pairs), or the
    list of the literals that are true, one per variable, e.g. ``1 -2 3`` or ``x1, ¬x2, x3``
    (negation written -, ¬, ~ or !; a DIMACS-style final 0 is allowed). Every variable must be
    given exactly once: variables that do not matter still need a value.
Verification:
    The rules are checked, so any satisfying assignment is accepted: every variable x1..xn gets
    exactly one value and every clause has a true literal (bitmask evaluation). No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import math
import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 100
_MAX_DRAWS_PER_CLAUSE = 50


def literal_text(literal: int) -> str:
    """``x3`` or ``¬x3`` for the signed literal 3 or -3."""
    return f"x{literal}" if literal > 0 else f"¬x{-literal}"


def clause_masks(clauses: list[list[int]]) -> list[tuple[int, int]]:
    """For each clause, the bitmasks (bit i-1 for xi) of its positive and its negative variables."""
    masks = []
    for clause in clauses:
        pos = neg = 0
        for literal in clause:
            if literal > 0:
                pos |= 1 << (literal - 1)
            else:
                neg |= 1 << (-literal - 1)
        masks.append((pos, neg))
    return masks


def satisfies(masks: list[tuple[int, int]], assignment: int, full: int) -> bool:
    """Whether the assignment (bit i-1 set when xi is true) makes every clause true."""
    false_vars = full ^ assignment
    return all(pos & assignment or neg & false_vars for pos, neg in masks)


def _clause(rng: random.Random, variables: int, size: int, hidden: int) -> tuple[int, ...]:
    """A clause over distinct variables with 1..size-1 literals true under the hidden assignment."""
    chosen = rng.sample(range(1, variables + 1), size)
    true_count = rng.randint(1, max(1, size - 1))
    truthful = set(rng.sample(chosen, true_count))
    literals = []
    for var in chosen:
        value = hidden >> (var - 1) & 1
        make_true = var in truthful
        literals.append(var if bool(value) == make_true else -var)
    return tuple(sorted(literals, key=abs))


def _formula(rng: random.Random, variables: int, clauses: int, size: int, hidden: int) -> list[tuple[int, ...]] | None:
    seen: set[tuple[int, ...]] = set()
    formula: list[tuple[int, ...]] = []
    for _ in range(clauses):
        for _ in range(_MAX_DRAWS_PER_CLAUSE):
            clause = _clause(rng, variables, size, hidden)
            if clause not in seen:
                break
        else:
            return None
        seen.add(clause)
        formula.append(clause)
    return formula


def _acceptable(formula: list[tuple[int, ...]], variables: int) -> bool:
    full = (1 << variables) - 1
    used = 0
    for clause in formula:
        for literal in clause:
            used |= 1 << (abs(literal) - 1)
    masks = clause_masks([list(c) for c in formula])
    return used == full and not satisfies(masks, full, full) and not satisfies(masks, 0, full)


def generate(rng: random.Random, *, variables: int, clauses: int, clause_size: int) -> Problem:
    if clause_size > variables:
        raise InvalidParameterError(
            f"propositional_sat: expected clause_size <= variables, found {clause_size} > {variables}")
    # balanced clauses allow 2^k - 2 sign patterns per set of k variables
    capacity = math.comb(variables, clause_size) * max(1, 2**clause_size - 2) * 3 // 4
    if clauses > capacity:
        raise InvalidParameterError(
            f"propositional_sat: expected at most {capacity} clauses for {variables} variables of "
            f"clause size {clause_size}, found {clauses}")
    for _ in range(_MAX_ATTEMPTS):
        hidden = rng.getrandbits(variables)
        formula = _formula(rng, variables, clauses, clause_size, hidden)
        if formula is not None and _acceptable(formula, variables):
            return _problem(variables, formula, hidden)
    raise GenerationError(f"propositional_sat: no suitable formula in {_MAX_ATTEMPTS} attempts "
                          f"(variables={variables}, clauses={clauses}, clause_size={clause_size})")


def _problem(variables: int, formula: list[tuple[int, ...]], hidden: int) -> Problem:
    lines = [f"{i}. (" + " ∨ ".join(literal_text(lit) for lit in clause) + ")"
             for i, clause in enumerate(formula, start=1)]
    question = (
        f"Find an assignment of true/false values to the variables x1 to x{variables} that makes the "
        f"following formula true. The formula is the AND of these {len(formula)} clauses; ∨ means OR "
        "and ¬ means NOT, so a clause is true when at least one of its literals is true, and every "
        "clause must be true.\n\n" + "\n".join(lines) + "\n\n"
        f"Give a value for every variable x1 to x{variables} (also those that do not matter), as "
        "comma-separated pairs such as x1=T, x2=F, ... (T for true, F for false). Any assignment "
        "that makes every clause true is accepted."
    )
    data = {"variables": variables, "clauses": [list(clause) for clause in formula]}
    reference = ", ".join(f"x{v}={'T' if hidden >> (v - 1) & 1 else 'F'}" for v in range(1, variables + 1))
    return Problem(question=question, data=data, reference=reference)
