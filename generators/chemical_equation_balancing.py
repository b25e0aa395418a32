"""Chemical equation balancing: find the smallest positive whole-number coefficients.

Description:
    An unbalanced equation "reactants -> products" is shown; the task is to find the smallest
    positive integer coefficients that conserve every element. Equations are either real
    reactions from a built-in list (combustion, redox, precipitation, decomposition ...) or
    generated: with 3 to 5 species from reaction templates over real ions (synthesis,
    decomposition, metathesis, displacement, neutralisation, combustion of random C/H/O
    molecules, metals in nitric or sulfuric acid ...), which need not all happen in practice;
    with 6 to 8 species from hypothetical compounds over species - 1 elements. Either way the
    element-count matrix (reactant columns positive, product columns negative) is reduced by
    exact Fraction Gaussian elimination at generation: the instance is kept only when its null
    space is one-dimensional and spanned by a strictly positive vector, so the balanced
    coefficients exist and, scaled to gcd 1, are unique. Equations whose answer is all ones are
    dropped (they would reward a zero-effort answer).
Difficulty:
    species: how many compounds the equation has (3 at level 1, 8 at level 10).
    max_coefficient: the largest coefficient allowed in the answer (4 at level 1, 40 at level 10).
    groups: whether generated formulas use parenthesised polyatomic groups such as Ca(OH)2 and
        Al2(SO4)3 (real reactions may show them, and hydrates such as CuSO4·5H2O, at any level).
    real_share: the probability of drawing a real reaction from the built-in list (when one with
        this many species and small enough coefficients exists) rather than generating one.
Prompt:
    "Balance this chemical equation:  Fe + O2 -> Fe2O3  Find the smallest positive whole-number
    coefficients ..." with the formula conventions (subscripts, groups, hydrates) and the two
    accepted answer forms.
Answer format:
    The balanced equation, e.g. ``4 Fe + 3 O2 -> 2 Fe2O3`` (a coefficient of 1 may be omitted;
    the compounds of a side may come in any order; ``→``, ``=`` and ``=>`` are read as arrows;
    unicode subscripts, ``.`` or ``*`` for the hydrate dot, state symbols such as ``(g)`` and
    ``\\ce{...}`` are tolerated), or the coefficients alone in the order the compounds are
    listed, e.g. ``4, 3, 2``.
Verification:
    Every coefficient must be a positive integer; with them, every element must have as many
    atoms on the left as on the right, and the coefficients must share no common factor (the
    smallest set). Because the balancing vectors form a one-dimensional space, this accepts
    exactly the one right answer however it is written. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from fractions import Fraction
from functools import cache
from math import gcd, lcm

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SPECIES, MAX_SPECIES = 3, 8
MIN_COEFFICIENT_BOUND, MAX_COEFFICIENT_BOUND = 2, 60
_MAX_ATTEMPTS = 4000
_MAX_SUBSCRIPT = 6

# Real reactions as (reactants, products); their coefficients are computed, never typed in.
REAL_REACTIONS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("H2", "O2"), ("H2O",)),
    (("N2", "H2"), ("NH3",)),
    (("Na", "Cl2"), ("NaCl",)),
    (("Fe", "O2"), ("Fe2O3",)),
    (("Al", "O2"), ("Al2O3",)),
    (("Mg", "O2"), ("MgO",)),
    (("KClO3",), ("KCl", "O2")),
    (("H2O2",), ("H2O", "O2")),
    (("P4", "O2"), ("P4O10",)),
    (("SO2", "O2"), ("SO3",)),
    (("NO", "O2"), ("NO2",)),
    (("Fe", "Cl2"), ("FeCl3",)),
    (("Al", "Cl2"), ("AlCl3",)),
    (("CuSO4·5H2O",), ("CuSO4", "H2O")),
    (("N2O5",), ("NO2", "O2")),
    (("Li", "N2"), ("Li3N",)),
    (("H2", "Cl2"), ("HCl",)),
    (("CO", "O2"), ("CO2",)),
    (("Al", "S"), ("Al2S3",)),
    (("Na", "O2"), ("Na2O",)),
    (("K", "Br2"), ("KBr",)),
    (("Cu", "O2"), ("CuO",)),
    (("HgO",), ("Hg", "O2")),
    (("NaN3",), ("Na", "N2")),
    (("Ag2O",), ("Ag", "O2")),
    (("P4", "Cl2"), ("PCl3",)),
    (("Na2CO3·10H2O",), ("Na2CO3", "H2O")),
    (("CH4", "O2"), ("CO2", "H2O")),
    (("C3H8", "O2"), ("CO2", "H2O")),
    (("C2H6", "O2"), ("CO2", "H2O")),
    (("C6H12O6", "O2"), ("CO2", "H2O")),
    (("C8H18", "O2"), ("CO2", "H2O")),
    (("C2H5OH", "O2"), ("CO2", "H2O")),
    (("CH3OH", "O2"), ("CO2", "H2O")),
    (("Zn", "HCl"), ("ZnCl2", "H2")),
    (("Al", "HCl"), ("AlCl3", "H2")),
    (("Na", "H2O"), ("NaOH", "H2")),
    (("Fe2O3", "CO"), ("Fe", "CO2")),
    (("Fe2O3", "C"), ("Fe", "CO2")),
    (("NH3", "O2"), ("NO", "H2O")),
    (("FeS2", "O2"), ("Fe2O3", "SO2")),
    (("Ca(OH)2", "HCl"), ("CaCl2", "H2O")),
    (("H2SO4", "NaOH"), ("Na2SO4", "H2O")),
    (("Al(OH)3", "H2SO4"), ("Al2(SO4)3", "H2O")),
    (("Pb(NO3)2", "KI"), ("PbI2", "KNO3")),
    (("AgNO3", "CaCl2"), ("AgCl", "Ca(NO3)2")),
    (("BaCl2", "Na3PO4"), ("Ba3(PO4)2", "NaCl")),
    (("Mg", "HNO3"), ("Mg(NO3)2", "H2")),
    (("CaC2", "H2O"), ("C2H2", "Ca(OH)2")),
    (("Al", "Fe2O3"), ("Al2O3", "Fe")),
    (("NO2", "H2O"), ("HNO3", "NO")),
    (("Ca3(PO4)2", "H2SO4"), ("CaSO4", "H3PO4")),
    (("Fe", "H2O"), ("Fe3O4", "H2")),
    (("SiCl4", "H2O"), ("SiO2", "HCl")),
    (("KO2", "CO2"), ("K2CO3", "O2")),
    (("Na2O2", "H2O"), ("NaOH", "O2")),
    (("Al4C3", "H2O"), ("Al(OH)3", "CH4")),
    (("FeCl3", "NaOH"), ("Fe(OH)3", "NaCl")),
    (("Fe2(SO4)3", "KOH"), ("K2SO4", "Fe(OH)3")),
    (("NH4NO3",), ("N2O", "H2O")),
    (("(NH4)2Cr2O7",), ("Cr2O3", "N2", "H2O")),
    (("NaHCO3",), ("Na2CO3", "H2O", "CO2")),
    (("Pb(NO3)2",), ("PbO", "NO2", "O2")),
    (("CuO", "NH3"), ("Cu", "N2", "H2O")),
    (("Cu", "HNO3"), ("Cu(NO3)2", "NO", "H2O")),
    (("Cu", "HNO3"), ("Cu(NO3)2", "NO2", "H2O")),
    (("CaCO3", "HCl"), ("CaCl2", "H2O", "CO2")),
    (("Na2CO3", "HCl"), ("NaCl", "H2O", "CO2")),
    (("MnO2", "HCl"), ("MnCl2", "Cl2", "H2O")),
    (("Zn", "HNO3"), ("Zn(NO3)2", "NH4NO3", "H2O")),
    (("Ag", "HNO3"), ("AgNO3", "NO", "H2O")),
    (("P", "HNO3", "H2O"), ("H3PO4", "NO")),
    (("S", "HNO3"), ("H2SO4", "NO2", "H2O")),
    (("Cl2", "NaOH"), ("NaCl", "NaClO3", "H2O")),
    (("KClO3", "HCl"), ("KCl", "Cl2", "H2O")),
    (("H2S", "HNO3"), ("S", "NO", "H2O")),
    (("Zn", "H2SO4"), ("ZnSO4", "H2S", "H2O")),
    (("Cu", "H2SO4"), ("CuSO4", "SO2", "H2O")),
    (("C3H5(NO3)3",), ("CO2", "N2", "H2O", "O2")),
    (("KMnO4", "HCl"), ("KCl", "MnCl2", "H2O", "Cl2")),
    (("K2Cr2O7", "HCl"), ("KCl", "CrCl3", "H2O", "Cl2")),
    (("Cu2S", "HNO3"), ("Cu(NO3)2", "CuSO4", "NO2", "H2O")),
    (("As2S3", "HNO3", "H2O"), ("H3AsO4", "H2SO4", "NO")),
    (("Ca3(PO4)2", "SiO2", "C"), ("CaSiO3", "P4", "CO")),
    (("FeSO4", "KMnO4", "H2SO4"), ("Fe2(SO4)3", "MnSO4", "K2SO4", "H2O")),
    (("KI", "KMnO4", "H2SO4"), ("I2", "MnSO4", "K2SO4", "H2O")),
    (("K2Cr2O7", "FeSO4", "H2SO4"), ("Cr2(SO4)3", "Fe2(SO4)3", "K2SO4", "H2O")),
    (("KMnO4", "H2C2O4", "H2SO4"), ("K2SO4", "MnSO4", "CO2", "H2O")),
    (("K2Cr2O7", "H2SO4", "C2H5OH"), ("Cr2(SO4)3", "K2SO4", "CH3COOH", "H2O")),
    (("NaCl", "H2SO4", "MnO2"), ("Na2SO4", "MnSO4", "H2O", "Cl2")),
)

# Ions for generated reactions: (formula, charge); the polyatomic ones are used when groups is on.
CATIONS = (("Li", 1), ("Na", 1), ("K", 1), ("Ag", 1), ("Mg", 2), ("Ca", 2), ("Ba", 2), ("Zn", 2),
           ("Cu", 2), ("Fe", 2), ("Pb", 2), ("Mn", 2), ("Fe", 3), ("Al", 3), ("Cr", 3))
MONATOMIC_ANIONS = (("Cl", 1), ("Br", 1), ("I", 1), ("F", 1), ("O", 2), ("S", 2), ("N", 3))
POLYATOMIC_ANIONS = (("OH", 1), ("NO3", 1), ("ClO3", 1), ("CN", 1), ("SO4", 2), ("CO3", 2),
                     ("SO3", 2), ("PO4", 3))
ELEMENT_FORMS = {"H": "H2", "N": "N2", "O": "O2", "F": "F2", "Cl": "Cl2", "Br": "Br2", "I": "I2",
                 "S": "S", "P": "P4"}
ACID_ANIONS = (("Cl", 1), ("Br", 1), ("I", 1), ("NO3", 1), ("SO4", 2), ("PO4", 3))
# Hypothetical compounds (six or more species) list their elements in this order.
ELEMENT_ORDER = ("Li", "Na", "K", "Mg", "Ca", "Ba", "Al", "Fe", "Cu", "Zn", "Ag", "Pb", "Mn", "Cr",
                 "B", "C", "Si", "N", "P", "H", "S", "I", "Br", "Cl", "O", "F")

_FORMULA_TOKEN = re.compile(r"[A-Z][a-z]?|\d+|[()]")


def _parse_part(text: str) -> Counter[str]:
    """Atom counts of one formula part without a hydrate dot, e.g. Al2(SO4)3."""
    stack: list[Counter[str]] = [Counter()]
    last: Counter[str] | None = None
    for token in _FORMULA_TOKEN.findall(text):
        if token == "(":
            stack.append(Counter())
            last = None
        elif token == ")":
            last = stack.pop()
            stack[-1].update(last)
        elif token.isdigit():
            if last is None:
                raise ValueError(f"a count with nothing to multiply in {text!r}")
            for element, count in last.items():
                stack[-1][element] += count * (int(token) - 1)
            last = None
        else:
            last = Counter({token: 1})
            stack[-1][token] += 1
    if len(stack) != 1:
        raise ValueError(f"unbalanced parentheses in {text!r}")
    return stack[0]


@cache
def composition(formula: str) -> tuple[tuple[str, int], ...]:
    """Atom counts of a formula such as ``Al2(SO4)3`` or ``CuSO4·5H2O``, sorted by element."""
    total: Counter[str] = Counter()
    for part in formula.split("·"):
        multiplier = re.match(r"\d*", part).group()
        atoms = _parse_part(part[len(multiplier):])
        for element, count in atoms.items():
            total[element] += count * int(multiplier or 1)
    return tuple(sorted(total.items()))


def balance(reactants: list[str], products: list[str]) -> list[int] | None:
    """The smallest positive integer coefficients, or None unless they exist and are unique.

    Solves the element-count matrix exactly; requires a one-dimensional null space spanned by a
    strictly positive vector.
    """
    species = [*reactants, *products]
    elements = sorted({element for formula in species for element, _ in composition(formula)})
    rows = []
    for element in elements:
        row = []
        for index, formula in enumerate(species):
            count = dict(composition(formula)).get(element, 0)
            row.append(Fraction(count if index < len(reactants) else -count))
        rows.append(row)
    vector = _null_vector(rows, len(species))
    if vector is None:
        return None
    scale = lcm(*(value.denominator for value in vector))
    integers = [int(value * scale) for value in vector]
    if integers[0] < 0:
        integers = [-value for value in integers]
    if any(value <= 0 for value in integers):
        return None
    common = gcd(*integers)
    return [value // common for value in integers]


def _null_vector(rows: list[list[Fraction]], columns: int) -> list[Fraction] | None:
    """The basis vector of a one-dimensional null space, or None if its dimension is not 1."""
    rows = [list(row) for row in rows]
    pivots: list[int] = []
    rank = 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [value / lead for value in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][column]:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    if rank != columns - 1:
        return None
    free = next(column for column in range(columns) if column not in pivots)
    vector = [Fraction(0)] * columns
    vector[free] = Fraction(1)
    for r, column in enumerate(pivots):
        vector[column] = -rows[r][free]
    return vector


def render_equation(reactants: list[str], products: list[str], coefficients: list[int] | None = None) -> str:
    """``4 Fe + 3 O2 -> 2 Fe2O3`` (coefficients of 1 left out), or the bare equation."""
    coefficients = coefficients or [1] * (len(reactants) + len(products))
    terms = [formula if c == 1 else f"{c} {formula}"
             for c, formula in zip(coefficients, [*reactants, *products], strict=True)]
    return " + ".join(terms[:len(reactants)]) + " -> " + " + ".join(terms[len(reactants):])


def _count(unit: str, count: int) -> str:
    if count == 1:
        return unit
    return f"({unit}){count}" if len(composition(unit)) > 1 or composition(unit)[0][1] > 1 else f"{unit}{count}"


def salt(cation: tuple[str, int], anion: tuple[str, int]) -> str:
    """The neutral formula of two ions: ``Al2(SO4)3``, ``NaCl``, ``(NH4)3PO4``."""
    (cat, plus), (an, minus) = cation, anion
    common = gcd(plus, minus)
    return _count(cat, minus // common) + _count(an, plus // common)


def acid(anion: tuple[str, int]) -> str:
    return _count("H", anion[1]) + anion[0]


def _anions(rng: random.Random, groups: bool, k: int = 1) -> list[tuple[str, int]]:
    pool = MONATOMIC_ANIONS + (POLYATOMIC_ANIONS if groups else ())
    return rng.sample(pool, k)


_METATHESIS_ANIONS = {False: MONATOMIC_ANIONS[:4], True: MONATOMIC_ANIONS[:4] + POLYATOMIC_ANIONS}


def _two_cations(rng: random.Random) -> list[tuple[str, int]]:
    while True:
        pair = rng.sample(CATIONS, 2)
        if pair[0][0] != pair[1][0]:
            return pair


def _hydrocarbon(rng: random.Random) -> str:
    carbons = rng.randint(1, 9)
    hydrogens = rng.choice((2 * carbons + 2, 2 * carbons, 2 * carbons - 2)) if carbons > 1 else 4
    oxygens = rng.choice((0, 0, 1, 1, 2))
    return "C" + (str(carbons) if carbons > 1 else "") + f"H{hydrogens}" + (
        "" if not oxygens else "O" if oxygens == 1 else f"O{oxygens}")


Reaction = tuple[list[str], list[str]]


_HEAT_PRODUCTS = {"CO3": ("O", "CO2"), "ClO3": ("Cl", "O2"), "OH": ("O", "H2O"), "SO3": ("O", "SO2")}


def _three(rng: random.Random, groups: bool) -> Reaction:
    metal = rng.choice(CATIONS)
    kind = rng.choice(("synthesis", "decomposition", "heating") if groups else ("synthesis", "decomposition"))
    if kind == "heating":
        anion = rng.choice([ion for ion in POLYATOMIC_ANIONS if ion[0] in _HEAT_PRODUCTS])
        left, gas = _HEAT_PRODUCTS[anion[0]]
        left_ion = next(ion for ion in MONATOMIC_ANIONS if ion[0] == left)
        return [salt(metal, anion)], [salt(metal, left_ion), gas]
    anion = rng.choice(MONATOMIC_ANIONS)
    elements = [metal[0], ELEMENT_FORMS[anion[0]]]
    if kind == "synthesis":
        return elements, [salt(metal, anion)]
    return [salt(metal, anion)], elements


def _four(rng: random.Random, groups: bool) -> Reaction:
    kinds = ["metathesis", "displacement", "metal_acid", "oxide_acid", "combustion"]
    if groups:
        kinds += ["neutralisation", "metal_water", "metathesis"]
    kind = rng.choice(kinds)
    if kind == "combustion":
        return [_hydrocarbon(rng), "O2"], ["CO2", "H2O"]
    first, second = _two_cations(rng)
    if kind == "metathesis":
        a, b = rng.sample(_METATHESIS_ANIONS[groups], 2)
        return [salt(first, a), salt(second, b)], [salt(first, b), salt(second, a)]
    if kind == "displacement":
        anion = _anions(rng, groups)[0]
        return [first[0], salt(second, anion)], [salt(first, anion), second[0]]
    acid_anion = rng.choice(ACID_ANIONS if groups else ACID_ANIONS[:3])
    if kind == "metal_acid":
        return [first[0], acid(acid_anion)], [salt(first, acid_anion), "H2"]
    if kind == "oxide_acid":
        return [salt(first, ("O", 2)), acid(acid_anion)], [salt(first, acid_anion), "H2O"]
    if kind == "neutralisation":
        return [acid(acid_anion), salt(first, ("OH", 1))], [salt(first, acid_anion), "H2O"]
    return [first[0], "H2O"], [salt(first, ("OH", 1)), "H2"]


def _five(rng: random.Random, groups: bool) -> Reaction:
    metal = rng.choice(CATIONS)
    kinds = ["nitric", "sulfuric", "carbonate"] + (["ammonium"] if groups else [])
    kind = rng.choice(kinds)
    if kind == "nitric":
        gas = rng.choice(("NO", "NO2", "N2O", "N2"))
        return [metal[0], "HNO3"], [salt(metal, ("NO3", 1)), gas, "H2O"]
    if kind == "sulfuric":
        gas = rng.choice(("SO2", "S", "H2S"))
        return [metal[0], "H2SO4"], [salt(metal, ("SO4", 2)), gas, "H2O"]
    acid_anion = rng.choice(ACID_ANIONS)
    if kind == "carbonate":
        base, gas = rng.choice(((("CO3", 2), "CO2"), (("SO3", 2), "SO2")))
        return [salt(metal, base), acid(acid_anion)], [salt(metal, acid_anion), "H2O", gas]
    return [salt(("NH4", 1), acid_anion), salt(metal, ("OH", 1))], [salt(metal, acid_anion), "NH3", "H2O"]


def _hypothetical(rng: random.Random, species: int) -> Reaction:
    """Compounds over species - 1 elements, built so that some positive coefficients balance.

    Reactants with random coefficients bring a pool of atoms; each element's atoms are then
    split among one or two products. Whether the balance is unique is checked afterwards.
    """
    elements = rng.sample(ELEMENT_ORDER, species - 1)
    reactant_count = rng.randint(2, species - 2)
    product_count = species - reactant_count
    reactants, pool = [], Counter()
    for index in range(reactant_count):
        chosen = rng.sample(elements, rng.choice((1, 2, 2, 3)))
        if index == reactant_count - 1:  # bring in every element (in a fixed order: no set iteration)
            chosen += [element for element in elements if element not in pool and element not in chosen]
        atoms = {element: rng.choice((1, 1, 2, 2, 3)) for element in chosen}
        coefficient = rng.randint(1, 4)
        reactants.append(_hypothetical_formula(atoms))
        for element, count in atoms.items():
            pool[element] += coefficient * count
    products: list[Counter[str]] = [Counter() for _ in range(product_count)]
    for element in elements:
        holders = rng.sample(range(product_count), 1 if pool[element] == 1 else rng.randint(1, 2))
        first = rng.randint(1, pool[element] - 1) if len(holders) == 2 else pool[element]
        products[holders[0]][element] += first
        if len(holders) == 2:
            products[holders[1]][element] += pool[element] - first
    formulas = []
    for atoms in products:
        common = gcd(*atoms.values()) if atoms else 0
        if not common or max(atoms.values()) // common > _MAX_SUBSCRIPT:
            return [], []
        formulas.append(_hypothetical_formula({e: count // common for e, count in atoms.items()}))
    return reactants, formulas


def _hypothetical_formula(atoms: dict[str, int]) -> str:
    ordered = sorted(atoms, key=ELEMENT_ORDER.index)
    return "".join(element + (str(atoms[element]) if atoms[element] > 1 else "") for element in ordered)


_TEMPLATES = {3: _three, 4: _four, 5: _five}


def _generated(rng: random.Random, species: int, groups: bool) -> Reaction:
    if species in _TEMPLATES:
        reactants, products = _TEMPLATES[species](rng, groups)
        return rng.sample(reactants, len(reactants)), rng.sample(products, len(products))
    return _hypothetical(rng, species)


def _acceptable(reactants: list[str], products: list[str], max_coefficient: int) -> list[int] | None:
    species = [*reactants, *products]
    if not reactants or not products or len({composition(s) for s in species}) < len(species):
        return None
    coefficients = balance(reactants, products)
    if coefficients is None or max(coefficients) == 1 or max(coefficients) > max_coefficient:
        return None
    return coefficients


@cache
def _real_candidates(species: int, max_coefficient: int) -> tuple[int, ...]:
    return tuple(index for index, (left, right) in enumerate(REAL_REACTIONS)
            if len(left) + len(right) == species and _real_balance(index) is not None
            and max(_real_balance(index)) <= max_coefficient)


@cache
def _real_balance(index: int) -> tuple[int, ...] | None:
    left, right = REAL_REACTIONS[index]
    coefficients = _acceptable(list(left), list(right), MAX_COEFFICIENT_BOUND)
    return tuple(coefficients) if coefficients else None


def _question(reactants: list[str], products: list[str]) -> str:
    return (
        "Balance this chemical equation:\n\n"
        f"    {render_equation(reactants, products)}\n\n"
        "Find the smallest positive whole-number coefficients that make the number of atoms of "
        "every element the same on both sides. A coefficient multiplies the whole formula; inside "
        "a formula, a number after an element symbol or after a parenthesised group multiplies "
        "it, and a dot followed by a number and H2O (as in CuSO4·5H2O) adds that many water "
        "molecules. The reactions are generated and need not all happen in practice (some compounds may be hypothetical): only the conservation of atoms matters.\n\n"
        "Answer either with the balanced equation, e.g. 2 X + 3 Y2 -> 2 XY3 (a coefficient of 1 "
        "may be left out), or with the coefficients alone, separated by commas, in the order the "
        "compounds appear above (reactants first), e.g. 2, 3, 2."
    )


def _check_knobs(species: int, max_coefficient: int, real_share: float) -> None:
    if not MIN_SPECIES <= species <= MAX_SPECIES:
        raise InvalidParameterError(f"chemical_equation_balancing: expected species between {MIN_SPECIES} "
                                    f"and {MAX_SPECIES}, found {species}")
    if not MIN_COEFFICIENT_BOUND <= max_coefficient <= MAX_COEFFICIENT_BOUND:
        raise InvalidParameterError(
            f"chemical_equation_balancing: expected max_coefficient between {MIN_COEFFICIENT_BOUND} and "
            f"{MAX_COEFFICIENT_BOUND}, found {max_coefficient}")
    if not 0.0 <= real_share <= 1.0:
        raise InvalidParameterError(
            f"chemical_equation_balancing: expected real_share between 0 and 1, found {real_share}")


def generate(rng: random.Random, *, species: int, max_coefficient: int, groups: bool,
             real_share: float) -> Problem:
    _check_knobs(species, max_coefficient, real_share)
    candidates = _real_candidates(species, max_coefficient)
    if candidates and rng.random() < real_share:
        left, right = REAL_REACTIONS[rng.choice(candidates)]
        reactants, products = rng.sample(left, len(left)), rng.sample(right, len(right))
        coefficients = _acceptable(reactants, products, max_coefficient)
        return _problem(reactants, products, coefficients, "real")
    for _ in range(_MAX_ATTEMPTS):
        reactants, products = _generated(rng, species, groups)
        coefficients = _acceptable(reactants, products, max_coefficient)
        # generated equations must not be nearly all ones: half the coefficients at least 2
        if coefficients is not None and 2 * sum(c > 1 for c in coefficients) >= species:
            return _problem(reactants, products, coefficients, "generated")
    raise GenerationError(f"chemical_equation_balancing: no balanceable equation with {species} species "
                          f"and coefficients up to {max_coefficient} in {_MAX_ATTEMPTS} attempts")


def _problem(reactants: list[str], products: list[str], coefficients: list[int] | None, source: str) -> Problem:
    if coefficients is None:  # a real reaction reordered is still the same reaction
        raise GenerationError("chemical_equation_balancing: a listed reaction failed to balance")
    data = {"reactants": reactants, "products": products, "coefficients": coefficients, "source": source}
    return Problem(question=_question(reactants, products), data=data,
                   reference=render_equation(reactants, products, coefficients))
