"""Date arithmetic: offsets of days, weeks and months, weekdays, day counts and leap years.

Description:
    Questions on the (proleptic) Gregorian calendar: the date N days, weeks or months after or
    before a date (months keep the day of the month, clamped to the month's last day); the day
    of the week of a date, with or without a known weekday to start from; the number of days
    between two dates; the number of leap years in a range of years; and chains of several
    offsets applied in turn (asking for the final date or its weekday). Every answer is computed
    with Python's datetime and calendar modules, which implement exactly the stated rules.
    Counts are at least 2, so no stock answer ("0", "1") is ever right.
Difficulty:
    max_offset: the largest offset in days (weeks and months scale to it: max_offset // 7 weeks,
        max_offset // 30 months); also bounds the distance between two dates.
    year_spread: dates fall in the years 2000 - year_spread to 2000 + year_spread.
    steps: the number of offsets in a chain question; chains appear only when steps >= 2.
    kinds: basic (add days, weekday from a known weekday, days between), mixed (also subtracting,
        weeks, months and leap-year counts) or all (also weekdays with no known weekday given).
Prompt:
    "What date is 45 days after March 5, 2024? Answer with the date in the form YYYY-MM-DD."
Answer format:
    Dates as YYYY-MM-DD; other unambiguous forms are read too (2024-3-5, 2024/03/05,
    "March 5, 2024", "5 March 2024", "Tuesday, March 5, 2024" with the right weekday), but not
    day/month forms such as 03/05/2024. Weekdays by name (Tuesday, tue). Counts as integers.
Verification:
    The answer is parsed according to the question's answer type and compared with the computed
    date, weekday or count. An answer naming several dates or weekdays is refused.
Version history:
    v1: first version.
"""

from __future__ import annotations

import calendar
import datetime
import random
from typing import Any

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

KIND_SETS = {
    "basic": ("add_days", "weekday_anchored", "days_between"),
    "mixed": ("add_days", "add_weeks", "add_months", "weekday_anchored", "days_between", "leap_count"),
    "all": ("add_days", "add_weeks", "add_months", "weekday_anchored", "weekday", "days_between",
            "leap_count"),
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
CENTRE_YEAR = 2000
MIN_OFFSET, MAX_OFFSET = 10, 100_000
MIN_SPREAD, MAX_SPREAD = 5, 800
MIN_STEPS, MAX_STEPS = 1, 6
_MAX_ATTEMPTS = 100
_RULES = ("Use the Gregorian calendar for every date (also before 1582): a year is a leap year when "
          "it is divisible by 4, except years divisible by 100 that are not divisible by 400.")
_MONTH_RULE = ("Adding or subtracting months changes the month and keeps the day of the month; when "
               "that day does not exist in the new month, the result is the last day of that month "
               "(January 31 plus one month is February 28, or February 29 in a leap year).")


def spoken(day: datetime.date) -> str:
    """A date in words: March 5, 2024."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The date `months` months later (earlier when negative), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def apply_step(day: datetime.date, step: list) -> datetime.date:
    """One offset [amount, unit] applied to a date; unit is days, weeks or months."""
    amount, unit = step
    if unit == "months":
        return add_months(day, amount)
    return day + datetime.timedelta(days=amount * (7 if unit == "weeks" else 1))


def step_words(step: list) -> str:
    amount, unit = step
    name = unit if abs(amount) != 1 else unit[:-1]
    return f"{'add' if amount > 0 else 'subtract'} {abs(amount)} {name}"


def _random_date(rng: random.Random, spread: int) -> datetime.date:
    low = datetime.date(CENTRE_YEAR - spread, 1, 1).toordinal()
    high = datetime.date(CENTRE_YEAR + spread, 12, 31).toordinal()
    day = datetime.date.fromordinal(rng.randint(low, high))
    if rng.random() < 0.3:  # month ends are where the month rule and leap days bite
        day = day.replace(day=calendar.monthrange(day.year, day.month)[1] - rng.randint(0, 2))
    return day


def _draw_step(rng: random.Random, unit: str, max_offset: int, signed: bool) -> list:
    scale = {"days": 1, "weeks": 7, "months": 30}[unit]
    amount = rng.randint(2 if unit == "days" else 1, max(2, max_offset // scale))
    return [-amount if signed and rng.random() < 0.5 else amount, unit]


def _offset_question(rng: random.Random, kind: str, params: dict) -> tuple[str, dict]:
    unit = kind.removeprefix("add_")
    start = _random_date(rng, params["year_spread"])
    step = _draw_step(rng, unit, params["max_offset"], params["kinds"] != "basic")
    result = apply_step(start, step)
    amount, name = abs(step[0]), unit if abs(step[0]) != 1 else unit[:-1]
    where = "after" if step[0] > 0 else "before"
    text = f"What date is {amount} {name} {where} {spoken(start)}?"
    if unit == "months":
        text += " " + _MONTH_RULE
    return text, {"start": start.isoformat(), "steps": [step], "answer_type": "date", "answer": result.isoformat()}


def _chain_question(rng: random.Random, params: dict, weekday: bool) -> tuple[str, dict]:
    start = _random_date(rng, params["year_spread"])
    units = ("days", "weeks", "months")
    steps = [_draw_step(rng, rng.choice(units), params["max_offset"], True) for _ in range(params["steps"])]
    day = start
    for step in steps:
        day = apply_step(day, step)
    listed = "; then ".join(step_words(step) for step in steps)
    ask = "On what day of the week does the final date fall?" if weekday else "What is the final date?"
    text = (f"Start from {spoken(start)} and apply these steps in order: {listed}. {ask} {_MONTH_RULE}")
    answer = WEEKDAYS[day.weekday()] if weekday else day.isoformat()
    return text, {"start": start.isoformat(), "steps": steps, "answer_type": "weekday" if weekday else "date",
                  "answer": answer, "final": day.isoformat()}


def _weekday_question(rng: random.Random, params: dict, anchored: bool) -> tuple[str, dict]:
    target = _random_date(rng, params["year_spread"])
    data: dict[str, Any] = {"target": target.isoformat(), "answer_type": "weekday",
                            "answer": WEEKDAYS[target.weekday()]}
    if not anchored:
        return f"On what day of the week did (or will) {spoken(target)} fall?", data
    distance = rng.randint(2, params["max_offset"])
    anchor = target - datetime.timedelta(days=distance if rng.random() < 0.5 else -distance)
    data["anchor"] = anchor.isoformat()
    return (f"{spoken(anchor)} is a {WEEKDAYS[anchor.weekday()]}. On what day of the week does "
            f"{spoken(target)} fall?"), data


def _between_question(rng: random.Random, params: dict) -> tuple[str, dict]:
    first = _random_date(rng, params["year_spread"])
    second = first + datetime.timedelta(days=rng.randint(2, params["max_offset"]))
    text = (f"How many days are there from {spoken(first)} to {spoken(second)}? Count the steps "
            "from one day to the next: from March 5 to March 7 of the same year is 2 days.")
    return text, {"start": first.isoformat(), "end": second.isoformat(), "answer_type": "integer",
                  "answer": (second - first).days}


def _leap_question(rng: random.Random, params: dict) -> tuple[str, dict]:
    span = max(8, min(params["max_offset"] // 365, 2 * params["year_spread"]))
    first = rng.randint(CENTRE_YEAR - params["year_spread"], CENTRE_YEAR + params["year_spread"] - 8)
    last = first + rng.randint(8, span)
    count = calendar.leapdays(first, last + 1)
    text = f"How many leap years are there from the year {first} to the year {last}, both included?"
    return text, {"first_year": first, "last_year": last, "answer_type": "integer", "answer": count}


def _question(rng: random.Random, kind: str, params: dict) -> tuple[str, dict]:
    if kind.startswith("add_"):
        return _offset_question(rng, kind, params)
    if kind in ("chain", "chain_weekday"):
        return _chain_question(rng, params, kind == "chain_weekday")
    if kind in ("weekday", "weekday_anchored"):
        return _weekday_question(rng, params, kind == "weekday_anchored")
    if kind == "days_between":
        return _between_question(rng, params)
    return _leap_question(rng, params)


_FORMATS = {
    "date": "Answer with the date in the form YYYY-MM-DD.",
    "weekday": "Answer with the name of the weekday, e.g. Monday.",
    "integer": "Answer with a single integer.",
}


def _check(max_offset: int, year_spread: int, steps: int, kinds: str) -> None:
    for name, value, low, high in (("max_offset", max_offset, MIN_OFFSET, MAX_OFFSET),
                                   ("year_spread", year_spread, MIN_SPREAD, MAX_SPREAD),
                                   ("steps", steps, MIN_STEPS, MAX_STEPS)):
        if not low <= value <= high:
            raise InvalidParameterError(f"date_arithmetic: expected {name} between {low} and {high}, found {value}")
    if kinds not in KIND_SETS:
        raise InvalidParameterError(f"date_arithmetic: expected kinds among {list(KIND_SETS)}, found {kinds!r}")


def generate(rng: random.Random, *, max_offset: int, year_spread: int, steps: int, kinds: str) -> Problem:
    _check(max_offset, year_spread, steps, kinds)
    params = {"max_offset": max_offset, "year_spread": year_spread, "steps": steps, "kinds": kinds}
    choices = KIND_SETS[kinds] + (("chain", "chain", "chain_weekday") if steps >= 2 else ())
    for _ in range(_MAX_ATTEMPTS):
        kind = rng.choice(choices)
        try:
            text, data = _question(rng, kind, params)
        except (OverflowError, ValueError):
            continue  # an offset ran off the calendar (year 1 or 9999): draw again
        if data["answer_type"] == "integer" and data["answer"] < 2:
            continue
        question = f"{text}\n\n{_RULES} {_FORMATS[data['answer_type']]}"
        data = {"kind": kind, **data}
        return Problem(question=question, data=data, reference=str(data["answer"]))
    raise GenerationError(f"date_arithmetic: no valid question in {_MAX_ATTEMPTS} attempts")
