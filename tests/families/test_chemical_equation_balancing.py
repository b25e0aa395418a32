"""Focused tests for chemical_equation_balancing-v1: balance and uniqueness checked by brute force."""

import re
from collections import Counter
from itertools import product
from math import gcd

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.generators import chemical_equation_balancing as family
from bootcamps.types import Status

TASK = bootcamps.get_task("chemical_equation_balancing")


def atoms(formula: str) -> Counter:
    """Atom counts of a formula, by a recursive-descent reading; shares no code with the family."""
    total = Counter()
    for part in formula.split("·"):
        lead = re.match(r"\d*", part).group()
        counts, _ = _group(part[len(lead):], 0)
        for element, count in counts.items():
            total[element] += count * int(lead or 1)
    return total


def _group(text: str, at: int) -> tuple[Counter, int]:
    counts = Counter()
    while at < len(text) and text[at] != ")":
        if text[at] == "(":
            inner, at = _group(text, at + 1)
            at += 1  # the closing parenthesis
        else:
            symbol = re.match(r"[A-Z][a-z]?", text[at:]).group()
            inner, at = Counter({symbol: 1}), at + len(symbol)
        number = re.match(r"\d*", text[at:]).group()
        at += len(number)
        for element, count in inner.items():
            counts[element] += count * int(number or 1)
    return counts, at


def balanced(reactants: list[str], products: list[str], coefficients: list[int]) -> bool:
    left, right = Counter(), Counter()
    for side, formulas, cs in ((left, reactants, coefficients), (right, products, coefficients[len(reactants):])):
        for formula, c in zip(formulas, cs, strict=False):
            for element, count in atoms(formula).items():
                side[element] += c * count
    return left == right


def all_balancings(reactants: list[str], products: list[str], bound: int) -> list[tuple[int, ...]]:
    """Every balancing vector with entries 1..bound and no common factor, by brute force."""
    signed = [atoms(f) for f in reactants] + [Counter({e: -n for e, n in atoms(f).items()}) for f in products]
    rows = [[counts[element] for counts in signed] for element in set().union(*signed)]
    return [cs for cs in product(range(1, bound + 1), repeat=len(signed))
            if gcd(*cs) == 1 and all(sum(a * c for a, c in zip(row, cs, strict=True)) == 0 for row in rows)]


def test_formula_reading_with_groups_and_hydrates():
    assert atoms("Al2(SO4)3") == Counter({"Al": 2, "S": 3, "O": 12})
    assert atoms("CuSO4·5H2O") == Counter({"Cu": 1, "S": 1, "O": 9, "H": 10})
    assert atoms("(NH4)2Cr2O7") == Counter({"N": 2, "H": 8, "Cr": 2, "O": 7})
    for formula in ("Al2(SO4)3", "CuSO4·5H2O", "(NH4)2Cr2O7", "C3H5(NO3)3"):
        assert Counter(dict(family.composition(formula))) == atoms(formula)


@pytest.mark.parametrize("level", [1, 2, 3])
def test_reference_is_the_unique_smallest_balancing(level):
    bound = TASK.params(level)["max_coefficient"] + 2
    for seed in range(6):
        data = TASK.generate(seed, level).data
        found = all_balancings(data["reactants"], data["products"], bound)
        assert found == [tuple(data["coefficients"])], (seed, found)


def test_real_reactions_balance_to_textbook_answers():
    known = {
        ("CH4", "O2"): [1, 2, 1, 2],
        ("C8H18", "O2"): [2, 25, 16, 18],
        ("KMnO4", "HCl"): [2, 16, 2, 2, 8, 5],
        ("Cu", "HNO3"): [3, 8, 3, 2, 4],  # the first listed is the NO one
        ("FeS2", "O2"): [4, 11, 2, 8],
    }
    for reactants, products in family.REAL_REACTIONS:
        coefficients = family.balance(list(reactants), list(products))
        assert coefficients is not None and balanced(list(reactants), list(products), coefficients)
        assert gcd(*coefficients) == 1 and min(coefficients) >= 1
        if tuple(reactants) in known:
            assert coefficients == known.pop(tuple(reactants))
    assert not known


def test_real_reactions_are_drawn_and_verify():
    sources = Counter()
    for seed in range(30):
        instance = TASK.generate(seed, 2, real_share=1.0)
        sources[instance.data["source"]] += 1
        pair = (sorted(instance.data["reactants"]), sorted(instance.data["products"]))
        assert pair in [(sorted(r), sorted(p)) for r, p in family.REAL_REACTIONS]
        assert TASK.verify(instance.data, instance.reference).correct
    assert sources == {"real": 30}


def test_levels_grow_and_are_honoured():
    species = [TASK.params(level)["species"] for level in range(1, 11)]
    bounds = [TASK.params(level)["max_coefficient"] for level in range(1, 11)]
    assert species == sorted(species) and species[0] == 3 and species[-1] == 8
    assert bounds == sorted(bounds) and bounds[0] < bounds[-1]
    for level in range(1, 11):
        for seed in range(3):
            data = TASK.generate(seed, level).data
            assert len(data["reactants"]) + len(data["products"]) == species[level - 1]
            assert 2 <= max(data["coefficients"]) <= bounds[level - 1]
            assert balanced(data["reactants"], data["products"], data["coefficients"])


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, species=9)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, max_coefficient=1)
    import random
    with pytest.raises(InvalidParameterError, match="real_share"):
        family.generate(random.Random(0), species=3, max_coefficient=4, groups=False, real_share=2.0)


IRON = {"reactants": ["Fe", "O2"], "products": ["Fe2O3"], "coefficients": [4, 3, 2], "source": "real"}
HYDRATE = {"reactants": ["CuSO4·5H2O"], "products": ["CuSO4", "H2O"], "coefficients": [1, 1, 5], "source": "real"}


def test_accepted_renderings():
    for answer in ["4 Fe + 3 O2 -> 2 Fe2O3", "4, 3, 2", "[4, 3, 2]", "4 3 2", "3 O2 + 4 Fe → 2 Fe2O3",
                   "4Fe+3O2=2Fe2O3", "4 Fe(s) + 3 O2(g) -> 2 Fe2O3(s)", "4 Fe + 3 O₂ ⟶ 2 Fe₂O₃",
                   "\\ce{4 Fe + 3 O2 -> 2 Fe2O3}", "4 Fe + 3 O_2 -> 2 Fe_2O_3"]:
        assert TASK.verify(IRON, answer).correct, answer
    for answer in ["CuSO4·5H2O -> CuSO4 + 5 H2O", "CuSO4.5H2O -> CuSO4 + 5H2O", "1 CuSO4*5H2O -> 1 CuSO4 + 5 H2O",
                   "1, 1, 5"]:
        assert TASK.verify(HYDRATE, answer).correct, answer


def test_rejected_answers_say_why():
    cases = {
        "8, 6, 4": (Status.WRONG, "factor 2"),
        "8 Fe + 6 O2 -> 4 Fe2O3": (Status.WRONG, "factor 2"),
        "4, 3, 3": (Status.WRONG, "not balanced"),
        "2 Fe + 3 O2 -> 2 Fe2O3": (Status.WRONG, "Fe is not balanced"),
        "0, 3, 2": (Status.WRONG, "positive"),
        "1, 1, 1": (Status.WRONG, "not balanced"),
        "Fe + O2 -> Fe2O3": (Status.WRONG, "not balanced"),
        "2 Fe2O3 -> 4 Fe + 3 O2": (Status.UNPARSABLE, "not one of the compounds"),
        "4 Fe + 3 O2 -> 2 FeO": (Status.UNPARSABLE, "not one of the compounds"),
        "4 Fe -> 2 Fe2O3": (Status.UNPARSABLE, "missing"),
        "4, 3": (Status.UNPARSABLE, "3 coefficients"),
        "4, 3, 2 or 8, 6, 4": (Status.UNPARSABLE, ""),
        "4 Fe + 3 O2 -> 2 Fe2O3 or 8 Fe + 6 O2 -> 4 Fe2O3": (Status.UNPARSABLE, ""),
        "2, 1.5, 1": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(IRON, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)
