"""Temporal expressions -> date ranges, resolved against a reference (publication) date.

``resolve_expression("last week", date(2023, 8, 20))`` gives the range of that week with
precision "week". Nothing here raises on bad input: an expression that cannot be resolved
comes back with ``value`` None and a ``reason``.

Conventions (news usage): a bare weekday, month or month-day is the most recent one on or
before publication, unless the expression says "next" or the caller says the clause looks
forward (``future=True``); a year stays a year, never a made-up day; "since X" runs to
the publication date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from wirecoder.dates.vocab import (
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)

Precision = Literal["day", "week", "month", "year", "range"]

# Four-digit years only: in news text any other number is a count, not a year.
MIN_YEAR, MAX_YEAR = 1000, 2999
MAX_LENGTH = 80


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    precision: Precision

    def when(self, text: str) -> dict[str, str]:
        """The record's ``When``; ``text`` is the expression as written in the story."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "text": text,
        }


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an expression resolved to; ``value`` None says why in ``reason``.

    ``relative`` marks an expression that needs the reference date ("yesterday"): one that
    could not be resolved for want of it still tells the caller not to look elsewhere.
    """

    value: DateRange | None
    reason: str = ""
    relative: bool = False


class _Invalid(Exception):
    """Internal: the expression is recognised but names no real date."""


class _NeedsReference(Exception):
    """Internal: a relative expression and no reference date."""


class _Unrecognised(Exception):
    """Internal: no pattern matched."""


# ---------------------------------------------------------------- calendar arithmetic


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    years, month0 = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _week_of(day: date) -> DateRange:
    # ISO weeks (Monday to Sunday), as GDELT-style weekly counts use.
    monday = day - timedelta(days=day.weekday())
    return DateRange(monday, monday + timedelta(days=6), "week")


def _month_of(year: int, month: int) -> DateRange:
    return DateRange(date(year, month, 1), _month_end(year, month), "month")


def _year_of(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), "year")


def _day(day: date) -> DateRange:
    return DateRange(day, day, "day")


def _thirds(whole: DateRange, part: str | None) -> DateRange:
    """"early/mid/late" X: a calendar-aligned third of X, as a range (early 2019 is
    January-April, the late 1990s 1997-1999, mid-March the 11th to the 20th)."""
    if not part:
        return whole
    index = ("early", "mid", "late").index(part)
    start, end = whole.start, whole.end
    if end.year - start.year >= 9:
        cuts = (0, 4, 7, 10)
        first = date(start.year + cuts[index], 1, 1)
        last = date(start.year + cuts[index + 1] - 1, 12, 31)
    elif end.year > start.year or (start.month, end.month) == (1, 12):
        first = date(start.year, 4 * index + 1, 1)
        last = _month_end(start.year, 4 * index + 4)
    elif start.month == end.month and start.day == 1:
        first = date(start.year, start.month, 10 * index + 1)
        last = end if index == 2 else date(start.year, start.month, 10 * index + 10)
    else:
        third = ((end - start).days + 1) // 3
        first = start + timedelta(days=third * index)
        last = end if index == 2 else first + timedelta(days=third - 1)
    return DateRange(first, last, "range")


def _need(reference: date | None) -> date:
    if reference is None:
        raise _NeedsReference
    return reference


def _year(text: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Invalid(f"year {text} out of range")
    return year


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


def _checked_day(year: int, month: int, day: int) -> date:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        name = calendar.month_name[month]
        if day > 31 or day < 1:
            raise _Invalid(f"day {day} out of range for {name}")
        raise _Invalid(f"{name} {year} has no day {day}")
    return date(year, month, day)


# ---------------------------------------------------------------- patterns

_MON = "(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WD = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_NUM = "(?P<n>\\d+|" + "|".join(NUMBER_WORDS) + ")"
_UNIT = "(?P<unit>day|week|fortnight|month|year|decade)s?"
_PART = "(?P<part>early|mid|late)"
_ORD = "(?:st|nd|rd|th)"


_Handler = Callable[[re.Match[str], date | None, bool], DateRange]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _RULES.append((re.compile(pattern), handler))
        return handler

    return register


def _resolve_day_month(year: int | None, month: int, day: int, ref: date | None,
                       future: bool) -> DateRange:
    if not 1 <= day <= 31:
        raise _Invalid(f"day {day} out of range for {calendar.month_name[month]}")
    if year is not None:
        return _day(_checked_day(year, month, day))
    today = _need(ref)
    # Yearless: the nearest such date on or before publication (or on or after, forward).
    step = 1 if future else -1
    # Eight years always reach a leap year, for a yearless February 29.
    for candidate in range(today.year, today.year + 8 * step, step):
        try:
            found = date(candidate, month, day)
        except ValueError:
            continue
        if (found <= today) != future or found == today:
            return _day(found)
    raise _Invalid(f"{calendar.month_name[month]} has no day {day}")


@_rule(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
def _iso(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    year, month = _year(m["y"]), int(m["m"])
    if not 1 <= month <= 12:
        raise _Invalid(f"month {month} out of range")
    return _day(_checked_day(year, month, int(m["d"])))


@_rule(r"(?P<y>\d{4})-(?P<m>\d{2})")
def _iso_month_or_years(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    year, tail = _year(m["y"]), int(m["m"])
    # "2019-21" is a span of years in news text; "2021-03" an ISO month.
    if tail > year % 100:
        return DateRange(date(year, 1, 1), date(year - year % 100 + tail, 12, 31), "range")
    if not 1 <= tail <= 12:
        raise _Invalid(f"month {tail} out of range")
    return _month_of(year, tail)


@_rule(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})")
def _slashed(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    a, b = int(m["a"]), int(m["b"])
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    year = _year(str(year))
    if a > 12 >= b:
        return _day(_checked_day(year, b, a))
    if b > 12 >= a or a == b:
        return _day(_checked_day(year, a, b))
    if a > 12:
        raise _Invalid(f"month {a} out of range")
    # 05/03/2021 is May 3 in US wire copy and 5 March elsewhere: refuse to guess.
    raise _Invalid("ambiguous numeric date (month/day or day/month)")


@_rule(rf"(?:{_WD} )?(?:the )?(?P<d>\d{{1,2}}){_ORD}? (?:of )?{_MON}(?: (?P<y>\d+))?")
@_rule(rf"(?:{_WD} )?{_MON} (?:the )?(?P<d>\d{{1,2}}){_ORD}?(?: (?P<y>\d+))?")
def _month_day(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    year = _year(m["y"]) if m["y"] else None
    return _resolve_day_month(year, MONTHS[m["mon"]], int(m["d"]), ref, future)


@_rule(rf"(?:{_PART}-? ?)?{_MON} (?P<y>\d+)")
def _month_year(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    return _thirds(_month_of(_year(m["y"]), MONTHS[m["mon"]]), m["part"])


@_rule(rf"(?:(?P<which>last|this|next|coming|past) )?(?:{_PART}-? ?)?{_MON}")
def _month(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today = _need(ref)
    month, which = MONTHS[m["mon"]], m["which"]
    if which == "this":
        year = today.year
    elif which in ("next", "coming") or (future and not which):
        year = today.year if month > today.month else today.year + 1
    elif which in ("last", "past"):
        # "last March" is the latest March that is over, never the current month.
        year = today.year if month < today.month else today.year - 1
    else:
        year = today.year if month <= today.month else today.year - 1
    return _thirds(_month_of(year, month), m["part"])


@_rule(rf"(?:the )?(?:year )?(?:{_PART}-? ?)?(?P<y>\d{{3,}})")
def _year_rule(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    return _thirds(_year_of(_year(m["y"])), m["part"])


@_rule(rf"(?:the )?(?:{_PART}-? ?)?(?P<dec>\d{{3}})0'?s")
def _decade(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    start = _year(m["dec"] + "0")
    return _thirds(DateRange(date(start, 1, 1), date(start + 9, 12, 31), "range"), m["part"])


@_rule(rf"(?:the )?(?:{_PART}-? ?)?'?(?P<dec>\d)0'?s")
def _short_decade(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today = _need(ref)
    # "the '90s": the latest such decade that has begun by publication.
    start = today.year - today.year % 100 + int(m["dec"]) * 10
    if start > today.year:
        start -= 100
    return _thirds(DateRange(date(start, 1, 1), date(start + 9, 12, 31), "range"), m["part"])


@_rule(rf"(?:the )?(?P<c>\d{{1,2}}){_ORD} century")
def _century(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    number = int(m["c"])
    if not 11 <= number <= 30:
        raise _Invalid(f"century {number} out of range")
    return DateRange(date((number - 1) * 100 + 1, 1, 1), date(number * 100, 12, 31), "range")


_DAY_WORDS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
    "earlier today": 0, "later today": 0, "last night": -1, "overnight": 0,
    **{f"this {part}": 0 for part in DAY_PARTS},
}
_PARTS = "|".join(DAY_PARTS)


@_rule(rf"(?P<w>{'|'.join(_DAY_WORDS)})(?: (?:{_PARTS}))?")
def _day_word(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    return _day(_need(ref) + timedelta(days=_DAY_WORDS[m["w"]]))


@_rule(rf"(?:(?P<which>last|this|next|coming|past|previous) )?(?P<wd>{_WD})(?: (?:{_PARTS}))?")
def _weekday(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today = _need(ref)
    which = m["which"]
    back = (today.weekday() - WEEKDAYS[m["wd"]]) % 7
    if which == "this":
        # "this Friday" is the Friday of the current week, before or after publication.
        return _day(today + timedelta(days=WEEKDAYS[m["wd"]] - today.weekday()))
    if which in ("next", "coming") or (future and not which):
        ahead = (7 - back) % 7
        if which in ("next", "coming") and ahead == 0:
            ahead = 7
        return _day(today + timedelta(days=ahead))
    if which in ("last", "past", "previous") and back == 0:
        back = 7
    return _day(today - timedelta(days=back))


@_rule(r"(?P<which>the|this|last|next|coming|past) weekend")
def _weekend(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today = _need(ref)
    if m["which"] in ("next", "coming") or (future and m["which"] in ("the", "this")):
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    else:
        # The latest weekend begun by publication (a Sunday story's weekend is its own).
        saturday = today - timedelta(days=(today.weekday() - 5) % 7)
    return DateRange(saturday, saturday + timedelta(days=1), "range")


def _unit_of(unit: str, day: date) -> DateRange:
    if unit == "week":
        return _week_of(day)
    if unit == "month":
        return _month_of(day.year, day.month)
    if unit == "year":
        return _year_of(day.year)
    if unit == "decade":
        start = day.year - day.year % 10
        return DateRange(date(start, 1, 1), date(start + 9, 12, 31), "range")
    return _day(day)


def _shift(day: date, unit: str, count: int) -> date:
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * count)
    if unit == "month":
        return _add_months(day, count)
    months = 12 * count if unit == "year" else 120 * count
    return _add_months(day, months)


@_rule(r"(?P<which>last|this|next|coming|current|previous)(?: calendar)? "
       r"(?P<unit>week|month|year|decade)")
def _calendar_unit(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today = _need(ref)
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["which"], 0)
    return _unit_of(m["unit"], _shift(today, m["unit"], step))


@_rule(r"(?P<edge>earlier|later|early|late|mid)-? ?(?P<which>this|last|next) "
       r"(?P<unit>week|month|year)")
def _part_of_unit(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today = _need(ref)
    step = {"last": -1, "next": 1}.get(m["which"], 0)
    whole = _unit_of(m["unit"], _shift(today, m["unit"], step))
    edge = m["edge"]
    # "earlier this month": the part of the month before publication, still a month.
    if edge == "earlier" and step == 0:
        return DateRange(whole.start, today, whole.precision)
    if edge == "later" and step == 0:
        return DateRange(today, whole.end, whole.precision)
    if edge in ("earlier", "later"):
        return whole
    return _thirds(whole, edge)


@_rule(rf"(?:the )?(?P<dir>past|last|previous|next|coming) (?:{_NUM} )?{_UNIT}")
def _rolling(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today = _need(ref)
    count = _number(m["n"]) if m["n"] else 1
    if m["dir"] in ("next", "coming"):
        return DateRange(today, _shift(today, m["unit"], count), "range")
    return DateRange(_shift(today, m["unit"], -count), today, "range")


@_rule(rf"{_NUM} {_UNIT} ago")
def _ago(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today, unit = _need(ref), m["unit"]
    then = _shift(today, unit, -_number(m["n"]))
    if unit == "decade":
        # "a decade ago" names a year, not a decade.
        return _year_of(then.year)
    return _unit_of("week" if unit == "fortnight" else unit, then)


@_rule(rf"in {_NUM} {_UNIT}(?: time)?")
def _in_time(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    today, unit = _need(ref), m["unit"]
    then = _shift(today, unit, _number(m["n"]))
    return _unit_of("week" if unit == "fortnight" else unit, then)


@_rule(r"(?:the )?(?P<q>first|second|third|fourth|q1|q2|q3|q4) (?P<kind>quarter|half)"
       r"(?: of)? (?P<of>.+)")
@_rule(r"(?P<q>q[1-4]|h[12]) (?P<of>.+)")
def _quarter(m: re.Match[str], ref: date | None, future: bool) -> DateRange:
    year = _resolve_text(m["of"], ref, future)
    if year.precision != "year":
        raise _Unrecognised
    q = m["q"]
    number = int(q[1]) if q[0] in "qh" else ORDINAL_WORDS[q]
    months = 6 if (m.groupdict().get("kind") == "half" or q[0] == "h") else 3
    if number * months > 12:
        raise _Invalid(f"no {q} half of a year")
    first = date(year.start.year, (number - 1) * months + 1, 1)
    last = _add_months(first, months) - timedelta(days=1)
    return DateRange(first, last, "range")


# ---------------------------------------------------------------- ranges and wrappers

# "in two weeks" looks forward and keeps its "in"; "in March" is just March.
_LEADING = re.compile(
    r"^(?:on|at|during|over|throughout|around|of|as of"
    rf"|in(?! {_NUM.replace('?P<n>', '?:')} {_UNIT.replace('?P<unit>', '?:')}))\s+"
)
_SINCE = re.compile(r"(?:ever )?since (?P<x>.+)")
_OPEN = re.compile(r"(?:before|after|until|till|by|prior to|beyond) .+")
_BETWEEN = re.compile(r"(?:between|from) (?P<rest>.+)")
_RANGE_SEPARATOR = re.compile(r" and | to | until | till | through |-")
_DURATION = re.compile(rf"(?:for )?(?:(?:the )?{_NUM}|{'|'.join(VAGUE_QUANTITIES)}|(?:a )?few)?"
                     rf" ?(?P<unit>day|week|fortnight|month|year|decade)s?(?: ago)?")
_VAGUE = re.compile(r"(?:in )?(?:recent|coming|past) (?:days|weeks|months|years|decades)"
                    rf"|(?:a )?(?:{'|'.join(VAGUE_QUANTITIES)}) \w+ ago"
                  r"|recently|lately|now|currently|soon|then|the same day|that day|these days"
                  r"|nowadays|the time|this time|earlier|later|annual|daily|weekly")
_YEAR_AT_END = re.compile(r"(?:^| )(\d{4})$")
_BARE_DAY = re.compile(r"\d{1,2}" + _ORD + "?")
_MONTH_IN = re.compile(rf"\b{_MON}\b")


def _normalise(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"(?<=[a-z])\.", "", text).replace(",", " ")
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    while True:
        stripped = _LEADING.sub("", text)
        if stripped == text:
            return text
        text = stripped


def _single(text: str, ref: date | None, future: bool) -> DateRange:
    for pattern, handler in _RULES:
        m = pattern.fullmatch(text)
        if m:
            return handler(m, ref, future)
    raise _Unrecognised


def _complete_pair(x: str, y: str) -> tuple[str, str]:
    """Share what a range writes once: "5-7 March", "March 5-7, 2021", "March to May 2021"."""
    year = _YEAR_AT_END.search(y)
    if _BARE_DAY.fullmatch(x):
        month = _MONTH_IN.search(y)
        if month:
            x = f"{x} {month['mon']}{' ' + year[1] if year else ''}"
    elif re.fullmatch(r"\d{1,2}(?: \d{4})?", y):
        month = _MONTH_IN.search(x)
        if month:
            day, _, y_year = y.partition(" ")
            x_year = _YEAR_AT_END.search(x)
            y = f"{month['mon']} {day}"
            if y_year or x_year:
                y += " " + (y_year or (x_year[1] if x_year else ""))
                if y_year and not x_year:
                    x = f"{x} {y_year}"
            return x, y
    if year and _MONTH_IN.search(x) and not _YEAR_AT_END.search(x):
        x = f"{x} {year[1]}"
    return x, y


def _span(x: str, y: str, ref: date | None, future: bool) -> DateRange:
    x, y = _complete_pair(x, y)
    first, last = _resolve_text(x, ref, future), _resolve_text(y, ref, future)
    if last.end < first.start:
        raise _Invalid("range ends before it starts")
    return DateRange(first.start, last.end, "range")


def _resolve_text(text: str, ref: date | None, future: bool) -> DateRange:
    m = _SINCE.fullmatch(text)
    if m:
        first = _resolve_text(m["x"], ref, future)
        today = _need(ref)
        if first.start > today:
            raise _Invalid("'since' a date after publication")
        return DateRange(first.start, today, "range")
    m = _BETWEEN.fullmatch(text)
    if m:
        return _split_range(m["rest"], ref, future)
    try:
        return _single(text, ref, future)
    except _Unrecognised:
        return _split_range(text, ref, future)


def _split_range(text: str, ref: date | None, future: bool) -> DateRange:
    """Both ends of "2019 to 2021", "mid-2019-2021": the first split whose halves resolve."""
    first_error: Exception | None = None
    for sep in _RANGE_SEPARATOR.finditer(text):
        try:
            return _span(text[: sep.start()], text[sep.end() :], ref, future)
        except (_Unrecognised, _Invalid) as error:
            first_error = first_error or error
    raise first_error or _Unrecognised()


def resolve_expression(text: str, reference: date | None = None, *,
                       future: bool = False) -> Resolution:
    """Resolve one temporal expression ("last week", "5 March 2021", "since 2014").

    ``reference`` is the publication date; relative expressions need it. ``future`` says
    the clause looks forward ("will meet on Tuesday"), so bare days and months count
    forward from the reference.
    """
    if len(text) > MAX_LENGTH:
        # Ranges split recursively: a bound keeps a pathological string cheap.
        return Resolution(None, "too long for a date expression")
    norm = _normalise(text)
    if not norm:
        return Resolution(None, "empty expression")
    try:
        return Resolution(_resolve_text(norm, reference, future))
    except _NeedsReference:
        return Resolution(None, "relative expression needs a publication date", relative=True)
    except _Invalid as invalid:
        return Resolution(None, str(invalid))
    except _Unrecognised:
        pass
    except (ValueError, OverflowError) as error:
        # Date arithmetic past year 1 or 9999 ("20 centuries ago"): a bad date, not a bug.
        return Resolution(None, f"date out of range ({error})")
    if _VAGUE.fullmatch(norm):
        return Resolution(None, "vague: no calendar position")
    if _DURATION.fullmatch(norm):
        return Resolution(None, "a duration, not a point in time")
    if _OPEN.fullmatch(norm):
        return Resolution(None, "open-ended (before/after/until) expression")
    return Resolution(None, "unrecognised expression")
