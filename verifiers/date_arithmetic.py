"""Verifier for date_arithmetic: the answer, read as a date, weekday or count, equals the computed one."""

from __future__ import annotations

import datetime
import re
from typing import Any

from bootcamps.answers.numbers import parse_int
from bootcamps.types import Verdict

_MAX_CHARS = 80
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_WEEKDAY_ALIASES = {**{name: i for i, name in enumerate(_WEEKDAYS)},
                    **{name[:3]: i for i, name in enumerate(_WEEKDAYS)},
                    "tues": 1, "weds": 2, "thur": 3, "thurs": 3}
_MONTH_ALIASES = {**{name: i + 1 for i, name in enumerate(_MONTHS)},
                  **{name[:3]: i + 1 for i, name in enumerate(_MONTHS)}, "sept": 9}
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_MONTH_FIRST = re.compile(r"([a-z]+)\.? (\d{1,2}) (\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2}) (?:of )?([a-z]+)\.? (\d{4})")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_INTEGER_UNIT = re.compile(r"\s+(?:leap\s+)?(?:days?|years?)$")
_EDGES = " \t\r\n.!\"'`*"
_FORMATS = {
    "date": "expected one date in the form YYYY-MM-DD, e.g. 2024-03-05",
    "weekday": "expected the name of one weekday, e.g. Tuesday",
    "integer": "expected a single integer",
}


def _clean(answer: str) -> str:
    text = answer.casefold().replace(",", " ").strip(_EDGES)
    return " ".join(text.split())


def parse_date(answer: str) -> datetime.date | str:
    """The date an answer names, or a reason why it is not one unambiguous date."""
    text = _ORDINAL.sub("", _clean(answer))
    weekday = None
    head, _, rest = text.partition(" ")
    if head.rstrip(".") in _WEEKDAY_ALIASES and rest:
        weekday, text = _WEEKDAY_ALIASES[head.rstrip(".")], rest
    if match := _ISO.fullmatch(text):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    elif (match := _MONTH_FIRST.fullmatch(text)) and match.group(1) in _MONTH_ALIASES:
        year, month, day = int(match.group(3)), _MONTH_ALIASES[match.group(1)], int(match.group(2))
    elif (match := _DAY_FIRST.fullmatch(text)) and match.group(2) in _MONTH_ALIASES:
        year, month, day = int(match.group(3)), _MONTH_ALIASES[match.group(2)], int(match.group(1))
    else:
        return _FORMATS["date"]
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return f"there is no such date: year {year}, month {month}, day {day}"
    if weekday is not None and weekday != date.weekday():
        return f"the answer names the wrong weekday for {date.isoformat()}"
    return date


def parse_weekday(answer: str) -> int | None:
    return _WEEKDAY_ALIASES.get(_clean(answer))


def parse_count(answer: str) -> int | None:
    return parse_int(_INTEGER_UNIT.sub("", _clean(answer)))


def verify(data: dict[str, Any], answer: str) -> Verdict:
    kind = data["answer_type"]
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return Verdict.unparsable(f"the answer is too long; {_FORMATS[kind]}")
    if kind == "date":
        date = parse_date(answer)
        if isinstance(date, str):
            return Verdict.unparsable(date) if date == _FORMATS["date"] else Verdict.wrong(date)
        if date.isoformat() == data["answer"]:
            return Verdict.right()
        return Verdict.wrong(f"the date is {'later' if date.isoformat() < data['answer'] else 'earlier'} than that")
    if kind == "weekday":
        weekday = parse_weekday(answer)
        if weekday is None:
            return Verdict.unparsable(_FORMATS["weekday"])
        return Verdict.right() if _WEEKDAYS[weekday] == data["answer"].lower() else Verdict.wrong("wrong weekday")
    count = parse_count(answer)
    if count is None:
        return Verdict.unparsable(_FORMATS["integer"])
    if count == data["answer"]:
        return Verdict.right()
    return Verdict.wrong(f"the number is {'more' if count < data['answer'] else 'less'} than that")


def _spoken_forms(date: datetime.date) -> list[str]:
    month = _MONTHS[date.month - 1].capitalize()
    weekday = _WEEKDAYS[date.weekday()].capitalize()
    return [f"{month} {date.day}, {date.year}", f"{date.day} {month} {date.year}",
            f"{weekday}, {month} {date.day}, {date.year}", f"{month[:3]}. {date.day} {date.year}",
            f"{date.year}/{date.month:02d}/{date.day:02d}", f"{date.year}-{date.month}-{date.day}",
            f"the {date.day}th of {month} {date.year}".replace("the ", "")]


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    kind, answer = data["answer_type"], data["answer"]
    if kind == "date":
        return [f" {reference} ", *_spoken_forms(datetime.date.fromisoformat(answer))]
    if kind == "weekday":
        return [answer.lower(), answer.upper(), answer[:3], f"{answer}.", f"**{answer}**"]
    return [f"{answer} leap years" if "first_year" in data else f"{answer} days", f"{answer:,}", f" {answer}."]


def _date_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.date_arithmetic import add_months

    date = datetime.date.fromisoformat(reference)
    misses = [(date + datetime.timedelta(days=d)).isoformat() for d in (-1, 1, 7, -7)]
    misses += [add_months(date, 1).isoformat(), add_months(date, -1).isoformat(), data["start"],
               f"{date.month:02d}/{date.day:02d}/{date.year}",  # ambiguous day/month order
               f"{reference} or {(date + datetime.timedelta(days=1)).isoformat()}"]
    if date.day <= 12 and date.day != date.month:
        misses.append(f"{date.year}-{date.day:02d}-{date.month:02d}")  # month and day swapped
    start, steps = datetime.date.fromisoformat(data["start"]), data["steps"]
    if len(steps) == 1:
        amount, unit = steps[0]
        mirrored = add_months(start, -amount) if unit == "months" else \
            start - datetime.timedelta(days=amount * (7 if unit == "weeks" else 1))
        misses.append(mirrored.isoformat())  # added instead of subtracted, or the other way
        if unit == "months":
            misses.append(_rolled_over(start, amount))
    return misses


def _rolled_over(start: datetime.date, months: int) -> str:
    """Month arithmetic that lets a missing day spill into the next month (the wrong rule)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    try:
        first = datetime.date(year, month + 1, 1)
    except ValueError:
        return start.isoformat()
    return (first + datetime.timedelta(days=start.day - 1)).isoformat()


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    kind, answer = data["answer_type"], data["answer"]
    if kind == "date":
        misses = _date_misses(data, reference)
    elif kind == "weekday":
        index = _WEEKDAYS.index(answer.lower())
        neighbours = [_WEEKDAYS[(index + d) % 7].capitalize() for d in (1, -1, 3)]
        misses = [*neighbours, f"{answer} or {neighbours[0]}", f"{answer}, {neighbours[1]}"]
        if "target" in data:
            misses.append(data["target"])  # the date copied back
    else:
        misses = [str(answer + 1), str(answer - 1), f"{answer} or {answer + 1}", str(-answer)]
        if "first_year" in data:
            first, last = data["first_year"], data["last_year"]
            julian = sum(year % 4 == 0 for year in range(first, last + 1))  # forgets the century rule
            misses += [str(julian), str((last - first) // 4)]
        else:
            misses.append(str(answer + 1))  # both ends counted
    return [miss for miss in dict.fromkeys(misses) if miss.strip() != reference and not verify(data, miss).correct]
