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
_ITEM_SPLIT = re.compile(r"\s*[,;|/]\s*|\s+and\s+")
_DECORATION = re.compile(r"[*_`\"']")
_EMPHASIS = str.maketrans("", "", "*`")
_FORMAT = "expected one line per house, e.g. House 1: red, Norwegian, water, ..."


@lru_cache(maxsize=4096)  # items repeat across answers (the values of a few attributes)
def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = _DECORATION.sub("", text.casefold())
    return " ".join(text.split()).strip(" .")


def _vocabulary(data: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """Folded value name -> (attribute index, value)."""
    return {value.casefold(): (a, value) for a, attribute in enumerate(data["attributes"]) for value in attribute["values"]}


def _value(item: str, vocabulary: dict[str, tuple[int, str]], names: dict[str, int]) -> tuple[int, str] | None | str:
    """(attribute, value) of an item such as ``red``, ``colour: red``, ``the red house``; a str names the problem."""
    folded = _fold(item)
    if ":" in folded or "=" in folded:
        label, _, folded = re.split(r"([:=])", folded, maxsplit=1)
        label = label.strip()
        folded = folded.strip()
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


def _table_rows(text: str) -> list[tuple[int, str]] | str:
    rows = []
    for line in text.splitlines():
        stripped = line.translate(_EMPHASIS).strip()
        if not stripped or set(stripped) <= set("|-:+= "):
            continue
        match = _HOUSE_LINE.match(stripped)
        if match is None:
            if stripped.count("|") >= 2 or stripped.rstrip(":").casefold() in ("answer", "solution"):
                continue  # a markdown header row or a heading
            return f"cannot read the line {stripped[:60]!r}; {_FORMAT}"
        rows.append((int(match.group(1)), match.group(2)))
    return rows


def parse_table(data: dict[str, Any], answer: str) -> list[list[str]] | str:
    """The answer as rows of values in attribute order, or a reason why it cannot be read."""
    houses, attributes = data["houses"], data["attributes"]
    rows = _table_rows(answer)
    if isinstance(rows, str):
        return rows
    if not rows:
        return _FORMAT
    vocabulary = _vocabulary(data)
    names = {_fold(attribute["name"]): a for a, attribute in enumerate(attributes)}
    names.update({"color": names.get("colour", -1)} if "colour" in names else {})
    table: list[list[str] | None] = [None] * houses
    for house, rest in rows:
        if not 1 <= house <= houses:
            return f"there is no house {house}; the houses are 1 to {houses}"
        if table[house - 1] is not None:
            return f"house {house} is given more than once"
        items = [item for item in _ITEM_SPLIT.split(rest.strip().strip("|").strip()) if item.strip()]
        cells: list[str | None] = [None] * len(attributes)
        for item in items:
            found = _value(item, vocabulary, names)
            if isinstance(found, str):
                return found
            attribute, value = found
            if cells[attribute] is not None:
                return f"house {house} has two values of {attributes[attribute]['name']}"
            cells[attribute] = value
        missing = [attributes[a]["name"] for a, cell in enumerate(cells) if cell is None]
        if missing:
            return f"house {house} has no {missing[0]}"
        table[house - 1] = cells  # type: ignore[assignment]
    absent = [h for h, row in enumerate(table, start=1) if row is None]
    if absent:
        return f"house {absent[0]} is missing"
    return table  # type: ignore[return-value]


def _broken_clue(data: dict[str, Any], table: list[list[str]]) -> int | None:
    """The number of the first clue the table breaks, or None."""
    from bootcamps.generators.zebra_puzzle import holds

    houses, attributes = data["houses"], data["attributes"]
    where = {}
    for house, row in enumerate(table):
        for a, value in enumerate(row):
            where[a * houses + attributes[a]["values"].index(value)] = house
    for number, (kind, x, y, house) in enumerate(data["clues"], start=1):
        if not holds(kind, where[x], where[y] if y >= 0 else -1, house):
            return number
    return None


def verify(data: dict[str, Any], answer: str) -> Verdict:
    if len(answer) > _MAX_CHARS_PER_HOUSE * data["houses"] + 200:
        return Verdict.unparsable("the answer is too long; " + _FORMAT)
    if answer.strip() == "\n".join(_lines(data["solution"])):  # the canonical form, accepted at once
        return Verdict.right()
    table = parse_table(data, answer)
    if isinstance(table, str):
        return Verdict.unparsable(table)
    for a, attribute in enumerate(data["attributes"]):
        used = [row[a] for row in table]
        if len(set(used)) != len(used):
            return Verdict.wrong(f"a value of {attribute['name']} is used in two houses")
    broken = _broken_clue(data, table)
    if broken is not None:
        return Verdict.wrong(f"clue {broken} is not satisfied")
    if table != data["solution"]:  # cannot happen: uniqueness was proved at generation
        return Verdict.wrong("the table keeps every clue but is not the solution")
    return Verdict.right()


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
