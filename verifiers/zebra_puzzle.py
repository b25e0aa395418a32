"""Verifier for zebra_puzzle: a complete house table that keeps every clue (the unique solution)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from bootcamps.types import Verdict

_MAX_CHARS_PER_HOUSE = 400
_HOUSE_LINE = re.compile(r"^[\s*#>\-|]*(?:house\s*(?:no\.?|number|#)?\s*)?(\d{1,2})\s*(?:[:|)\].=-]|\s-\s)\s*(.*)$",
                         re.IGNORECASE)
# the splits of \s*[,;|/]\s*|\s+and\s+; a match may not start inside a run of spaces (the run's
# start would match first), so a long run costs linear time, not quadratic
_ITEM_SPLIT = re.compile(r"(?:(?<!\s)|(?!\s))(?:\s*[,;|/]\s*|\s+and\s+)")
_DECORATION = re.compile(r"[*_`\"']")
_EMPHASIS = str.maketrans("", "", "*`")
_FORMAT = "expected one line per house, e.g. House 1: red, Norwegian, water, ..."
_PUZZLES_KEPT = 256

Entry = tuple[int, str, int]  # (attribute index, value, variable a * houses + value index)


def _fold(text: str) -> str:
    """The text NFKC-normalised and casefolded, without quotes or emphasis, spaces collapsed, no end dots."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = _DECORATION.sub("", text.casefold())
    return " ".join(text.split()).strip(" .")


@lru_cache(maxsize=4096)  # items repeat across answers (the values of a few attributes)
def _shape(item: str) -> tuple[str | None, str]:
    """(label or None, folded value) of an item: ``Colour: Red`` -> ("colour", "red"), ``Red`` -> (None, "red")."""
    folded = _fold(item)
    if ":" in folded or "=" in folded:
        label, _, folded = re.split(r"([:=])", folded, maxsplit=1)
        return label.strip(), folded.strip()
    return None, folded


def _value(item: str, vocabulary: dict[str, Entry], names: dict[str, int]) -> Entry | str:
    """The entry of an item such as ``red``, ``colour: red``, ``the red house``; a str names the problem."""
    label, folded = _shape(item)
    if label is not None:
        found = vocabulary.get(folded)
        if found is not None and label in names and names[label] != found[0]:
            return f"{item.strip()!r} gives a value to the wrong attribute"
        return found if found is not None else f"unknown value {folded!r}"
    if folded in vocabulary:
        return vocabulary[folded]
    words = [vocabulary[word] for word in folded.split() if word in vocabulary]
    if len(words) == 1:
        return words[0]
    return f"unknown value {item.strip()!r}"


@lru_cache(maxsize=1024)  # the values and names come from a small pool
def _forms(value: str, name: str) -> tuple[str, ...]:
    """Common ways to write a value that _ITEM_SPLIT cannot cut, even beside spaces, and that have no spaces to strip."""
    forms = dict.fromkeys((value, value.casefold(), value.upper(), value.capitalize(), f"{name}: {value}"))
    return tuple(form for form in forms if form and form == form.strip() and _ITEM_SPLIT.search(f" {form} ") is None)


class _Puzzle:
    """What verification reads from one instance's data, prepared once and reused across answers."""

    __slots__ = ("houses", "attributes", "clues", "solution", "reference", "names", "vocabulary", "labels",
                 "direct", "where")

    def __init__(self, data: dict[str, Any]) -> None:
        houses, attributes = data["houses"], data["attributes"]
        # copies, so that a later change to data is noticed (see describes)
        self.houses = houses
        self.attributes = [dict(attribute, values=list(attribute["values"])) for attribute in attributes]
        self.clues = [list(clue) for clue in data["clues"]]
        self.solution = [list(row) for row in data["solution"]]
        self.reference = "\n".join(_lines(self.solution))
        self.names = [attribute["name"] for attribute in attributes]
        # folded value name -> entry (the last attribute wins a clash, as a dict comprehension does)
        self.vocabulary = {value.casefold(): (a, value, a * houses + attribute["values"].index(value))
                           for a, attribute in enumerate(attributes) for value in attribute["values"]}
        labels = {_fold(name): a for a, name in enumerate(self.names)}
        labels.update({"color": labels.get("colour", -1)} if "colour" in labels else {})
        self.labels = labels
        self.direct = self._direct()
        self.where = self._solution_where()

    def describes(self, data: dict[str, Any]) -> bool:
        """Is data still what this was prepared from (the fields verification reads)?"""
        return (data["houses"] == self.houses and data["solution"] == self.solution
                and data["attributes"] == self.attributes and data["clues"] == self.clues)

    def _direct(self) -> dict[str, Entry]:
        """Items as commonly written (``red``, ``Red``, ``RED``, ``colour: red``) -> what _value makes of them."""
        direct = {}
        for a, value, _ in self.vocabulary.values():
            for form in _forms(value, self.names[a]):
                found = _value(form, self.vocabulary, self.labels)
                if isinstance(found, tuple):
                    direct[form] = found
        return direct

    def _solution_where(self) -> list[int] | None:
        """The house of every variable in the solution, or None when the data is not a regular puzzle.

        Regular: every attribute has one value per house, no two values fold alike, the solution
        uses every value once and the clues name variables that exist. Then a table is the
        solution exactly when its house of every variable is, and the checks run on variables.
        """
        houses, attributes, solution = self.houses, self.attributes, self.solution
        variables = houses * len(attributes) if isinstance(houses, int) and houses > 0 else 0
        if (not variables or len(self.vocabulary) != variables or len(solution) != houses
                or any(len(attribute["values"]) != houses for attribute in attributes)
                or not all(len(clue) == 4 and type(clue[1]) is int and type(clue[2]) is int
                           and 0 <= clue[1] < variables and clue[2] < variables for clue in self.clues)):
            return None
        where = [-1] * variables
        for house, row in enumerate(solution):
            if len(row) != len(attributes):
                return None
            for a, value in enumerate(row):
                if value not in attributes[a]["values"]:
                    return None
                where[a * houses + attributes[a]["values"].index(value)] = house
        return where if -1 not in where and _broken_clue(self.clues, where) is None else None


_PUZZLES: dict[int, _Puzzle] = {}


def _puzzle(data: dict[str, Any]) -> _Puzzle:
    """The prepared puzzle of data; kept for the last few data seen (a prompt is scored many times)."""
    puzzle = _PUZZLES.get(id(data))
    if puzzle is None or not puzzle.describes(data):
        puzzle = _Puzzle(data)
        if len(_PUZZLES) >= _PUZZLES_KEPT:
            _PUZZLES.pop(next(iter(_PUZZLES), None), None)
        _PUZZLES[id(data)] = puzzle
    return puzzle


def _table_rows(text: str) -> list[tuple[int, str]] | str:
    """(house number, rest of the line) of every house line, or a reason why a line cannot be read."""
    rows = []
    if "*" in text or "`" in text:
        text = text.translate(_EMPHASIS)
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.strip("|-:+= "):
            continue
        match = _HOUSE_LINE.match(stripped)
        if match is None:
            if stripped.count("|") >= 2 or stripped.rstrip(":").casefold() in ("answer", "solution"):
                continue  # a markdown header row or a heading
            return f"cannot read the line {stripped[:60]!r}; {_FORMAT}"
        rows.append((int(match.group(1)), match.group(2)))
    return rows


def _parse(puzzle: _Puzzle, answer: str) -> list[list[Entry]] | str:
    """The answer as rows of entries in attribute order, or a reason why it cannot be read."""
    rows = _table_rows(answer)
    if isinstance(rows, str):
        return rows
    if not rows:
        return _FORMAT
    houses, names = puzzle.houses, puzzle.names
    table: list[list[Entry] | None] = [None] * houses
    for house, rest in rows:
        if not 1 <= house <= houses:
            return f"there is no house {house}; the houses are 1 to {houses}"
        if table[house - 1] is not None:
            return f"house {house} is given more than once"
        rest = rest.strip().strip("|").strip()
        cells = _direct_cells(puzzle, rest)
        if cells is None:
            cells = _cells(puzzle, house, rest)
            if isinstance(cells, str):
                return cells
        if None in cells:
            return f"house {house} has no {names[cells.index(None)]}"
        table[house - 1] = cells  # type: ignore[assignment]
    if None in table:
        return f"house {table.index(None) + 1} is missing"
    return table  # type: ignore[return-value]


def _direct_cells(puzzle: _Puzzle, items: str) -> list[Entry | None] | None:
    """The entries of items joined by ", " or " | " by attribute when all are distinct direct forms, else None.

    A direct form has no separator and no space at either end, so _ITEM_SPLIT cuts exactly there too.
    """
    cells: list[Entry | None] = [None] * len(puzzle.names)
    direct = puzzle.direct
    for item in items.split(", " if ", " in items else " | "):
        found = direct.get(item)
        if found is None or cells[found[0]] is not None:
            return None
        cells[found[0]] = found
    return cells


def _cells(puzzle: _Puzzle, house: int, items: str) -> list[Entry | None] | str:
    """The entries of one house's items by attribute, or a reason why they cannot be read."""
    cells: list[Entry | None] = [None] * len(puzzle.names)
    for item in _ITEM_SPLIT.split(items):
        if not item.strip():
            continue
        found = _value(item, puzzle.vocabulary, puzzle.labels)
        if isinstance(found, str):
            return found
        if cells[found[0]] is not None:
            return f"house {house} has two values of {puzzle.names[found[0]]}"
        cells[found[0]] = found
    return cells


def _broken_clue(clues: list[list[Any]], where: list[int] | dict[int, int]) -> int | None:
    """The number of the first clue broken when variable v is in house where[v], or None."""
    from bootcamps.generators.zebra_puzzle import holds

    for number, (kind, x, y, house) in enumerate(clues, start=1):
        if not holds(kind, where[x], where[y] if y >= 0 else -1, house):
            return number
    return None


def _check_regular(puzzle: _Puzzle, table: list[list[Entry]]) -> Verdict:
    """The verdict on a complete table of a regular puzzle, computed on variables."""
    where = [-1] * len(puzzle.where)  # type: ignore[arg-type]
    repeated = len(puzzle.names)
    for house, row in enumerate(table):
        for a, _, variable in row:
            if where[variable] >= 0 and a < repeated:
                repeated = a
            where[variable] = house
    if repeated < len(puzzle.names):
        return Verdict.wrong(f"a value of {puzzle.names[repeated]} is used in two houses")
    if where == puzzle.where:
        return Verdict.right()
    broken = _broken_clue(puzzle.clues, where)
    if broken is not None:
        return Verdict.wrong(f"clue {broken} is not satisfied")
    return Verdict.wrong("the table keeps every clue but is not the solution")  # uniqueness was proved


def _check_any(puzzle: _Puzzle, table: list[list[str]]) -> Verdict:
    """The verdict on a complete table of any data, computed on value names."""
    houses, attributes = puzzle.houses, puzzle.attributes
    for a, attribute in enumerate(attributes):
        used = [row[a] for row in table]
        if len(set(used)) != len(used):
            return Verdict.wrong(f"a value of {attribute['name']} is used in two houses")
    where = {}
    for house, row in enumerate(table):
        for a, value in enumerate(row):
            where[a * houses + attributes[a]["values"].index(value)] = house
    broken = _broken_clue(puzzle.clues, where)
    if broken is not None:
        return Verdict.wrong(f"clue {broken} is not satisfied")
    if table != puzzle.solution:  # cannot happen: uniqueness was proved at generation
        return Verdict.wrong("the table keeps every clue but is not the solution")
    return Verdict.right()


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > _MAX_CHARS_PER_HOUSE * data["houses"] + 200:
        return Verdict.unparsable("the answer is too long; " + _FORMAT)
    puzzle = _puzzle(data)
    if answer.strip() == puzzle.reference:  # the canonical form, accepted at once
        return Verdict.right()
    table = _parse(puzzle, answer)
    if isinstance(table, str):
        return Verdict.unparsable(table)
    if puzzle.where is not None:
        return _check_regular(puzzle, table)
    return _check_any(puzzle, [[entry[1] for entry in row] for row in table])


def _lines(table: list[list[str]]) -> list[str]:
    return [f"House {h}: {', '.join(row)}" for h, row in enumerate(table, start=1)]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    table = data["solution"]
    names = [attribute["name"] for attribute in data["attributes"]]
    lines = _lines(table)
    header = "| House | " + " | ".join(names) + " |\n|" + "---|" * (len(names) + 1)
    markdown = header + "\n" + "\n".join(f"| {h} | " + " | ".join(row) + " |" for h, row in enumerate(table, start=1))
    return [
        "\n".join(reversed(lines)),
        "\n".join(f"{h}: {', '.join(reversed(row))}" for h, row in enumerate(table, start=1)),
        reference.upper(),
        "\n".join(f"House {h}: " + ", ".join(f"{n}: {v}" for n, v in zip(names, row, strict=True))
                  for h, row in enumerate(table, start=1)),
        markdown,
        "\n".join(f"**House {h}**: {' | '.join(row)}" for h, row in enumerate(table, start=1)),
        "Answer:\n" + reference + "\n",
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    table = [row[:] for row in data["solution"]]
    houses = data["houses"]
    swapped = [row[:] for row in table]
    swapped[0][0], swapped[1][0] = swapped[1][0], swapped[0][0]
    last = [row[:] for row in table]
    last[-1][-1], last[-2][-1] = last[-2][-1], last[-1][-1]
    same = [[row[0]] + table[0][1:] for row in table]
    hedge = _lines(table)
    hedge[0] = hedge[0] + " or " + table[1][0]
    shifted = table[1:] + table[:1]
    return [
        "\n".join(_lines(swapped)),
        "\n".join(_lines(last)),
        "\n".join(_lines(table)[:-1]),
        "\n".join(_lines(same)),
        "\n".join(hedge),
        "\n".join(_lines(shifted)),
        "\n".join(data["clue_texts"]),
        reference + f"\nHouse {houses}: " + ", ".join(table[0]),
    ]
