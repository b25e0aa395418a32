"""Focused tests for date_arithmetic-v1: answers recomputed with an independent day-number calendar."""

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("date_arithmetic")
NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year, month):
    return [31, 29 if is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]


def day_number(year, month, day):
    """Days since 1 January of year 1 by counting whole years and months (no datetime)."""
    years = year - 1
    days = years * 365 + years // 4 - years // 100 + years // 400
    return days + sum(month_length(year, m) for m in range(1, month)) + day - 1


def from_day_number(number):
    year = 1 + number * 400 // 146097
    while day_number(year, 1, 1) > number:
        year -= 1
    while day_number(year + 1, 1, 1) <= number:
        year += 1
    rest, month = number - day_number(year, 1, 1), 1
    while rest >= month_length(year, month):
        rest -= month_length(year, month)
        month += 1
    return year, month, rest + 1


def parse_iso(text):
    year, month, day = map(int, text.split("-"))
    return year, month, day


def zeller(year, month, day):
    """The weekday by Zeller's congruence (0 = Monday)."""
    if month < 3:
        month, year = month + 12, year - 1
    h = (day + 13 * (month + 1) // 5 + year + year // 4 - year // 100 + year // 400) % 7  # 0 = Saturday
    return (h + 5) % 7


def step(date, amount, unit):
    year, month, day = date
    if unit == "months":
        index = year * 12 + month - 1 + amount
        year, month = index // 12, index % 12 + 1
        return year, month, min(day, month_length(year, month))
    return from_day_number(day_number(year, month, day) + amount * (7 if unit == "weeks" else 1))


def expected(data):
    kind = data["kind"]
    if kind == "days_between":
        return day_number(*parse_iso(data["end"])) - day_number(*parse_iso(data["start"]))
    if kind == "leap_count":
        return sum(is_leap(y) for y in range(data["first_year"], data["last_year"] + 1))
    if kind in ("weekday", "weekday_anchored"):
        return NAMES[zeller(*parse_iso(data["target"]))]
    date = parse_iso(data["start"])
    for amount, unit in data["steps"]:
        date = step(date, amount, unit)
    if kind == "chain_weekday":
        return NAMES[zeller(*date)]
    year, month, day = date
    return f"{year:04d}-{month:02d}-{day:02d}"


@pytest.mark.parametrize("level", range(1, 11))
def test_reference_matches_independent_calendar(level):
    for seed in range(30):
        instance = TASK.generate(seed, level)
        assert instance.reference == str(expected(instance.data)), instance.prompt
        if instance.data["answer_type"] == "integer":
            assert instance.data["answer"] >= 2


def test_anchored_weekday_is_consistent():
    for seed in range(40):
        data = TASK.generate(seed, 2).data
        if data["kind"] == "weekday_anchored":
            prompt = TASK.generate(seed, 2).prompt
            assert f"is a {NAMES[zeller(*parse_iso(data['anchor']))]}." in prompt


def test_every_kind_appears_at_the_top_level():
    kinds = {TASK.generate(seed, 10).data["kind"] for seed in range(300)}
    assert kinds == {"add_days", "add_weeks", "add_months", "weekday_anchored", "weekday", "days_between",
                     "leap_count", "chain", "chain_weekday"}


# January 31, 2024 plus one month: clamped to February 29 (2024 is a leap year)
MONTH_END = {"kind": "add_months", "start": "2024-01-31", "steps": [[1, "months"]], "answer_type": "date",
             "answer": "2024-02-29"}
WEEKDAY = {"kind": "weekday", "target": "2024-03-05", "answer_type": "weekday", "answer": "Tuesday"}
BETWEEN = {"kind": "days_between", "start": "2024-02-01", "end": "2024-03-01", "answer_type": "integer",
           "answer": 29}


@pytest.mark.parametrize(("data", "answer"), [
    (MONTH_END, "2024-02-29"), (MONTH_END, "February 29, 2024"), (MONTH_END, "29 February 2024"),
    (MONTH_END, "Feb 29th, 2024"), (MONTH_END, "Thursday, February 29, 2024"), (MONTH_END, "2024/02/29"),
    (MONTH_END, "2024-2-29"), (MONTH_END, "29th of February 2024"), (WEEKDAY, "Tuesday"), (WEEKDAY, "tue"),
    (WEEKDAY, "TUES"), (WEEKDAY, "Tuesday."), (BETWEEN, "29"), (BETWEEN, "29 days"),
])
def test_accepted_forms(data, answer):
    assert TASK.verify(data, answer).correct, answer


@pytest.mark.parametrize(("data", "answer", "status", "reason"), [
    (MONTH_END, "2024-03-02", Status.WRONG, "earlier"),  # the day spilled into March
    (MONTH_END, "2024-02-28", Status.WRONG, "later"),  # the leap day forgotten
    (MONTH_END, "02/29/2024", Status.UNPARSABLE, "YYYY-MM-DD"),  # day/month order is ambiguous
    (MONTH_END, "29.02.2024", Status.UNPARSABLE, "YYYY-MM-DD"),
    (MONTH_END, "2023-02-29", Status.WRONG, "no such date"),
    (MONTH_END, "Friday, February 29, 2024", Status.WRONG, "wrong weekday"),
    (MONTH_END, "2024-02-29 or 2024-03-01", Status.UNPARSABLE, "YYYY-MM-DD"),
    (WEEKDAY, "Wednesday", Status.WRONG, "weekday"),
    (WEEKDAY, "Tuesday or Wednesday", Status.UNPARSABLE, "weekday"),
    (WEEKDAY, "2024-03-05", Status.UNPARSABLE, "weekday"),
    (BETWEEN, "28", Status.WRONG, "more"),
    (BETWEEN, "30", Status.WRONG, "less"),
    (BETWEEN, "29 or 30", Status.UNPARSABLE, "integer"),
])
def test_rejected_forms(data, answer, status, reason):
    verdict = TASK.verify(data, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    for knob in ("max_offset", "year_spread", "steps"):
        values = [p[knob] for p in params]
        assert values == sorted(values) and values[0] < values[-1], knob
    assert params[0]["kinds"] == "basic" and params[-1]["kinds"] == "all"
    assert all(len(TASK.generate(s, 10, steps=5).data.get("steps", [[0]])) in (1, 5) for s in range(20))


def test_knob_bounds():
    for overrides in ({"max_offset": 9}, {"year_spread": 801}, {"steps": 0}, {"kinds": "hard"}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **overrides)
