"""Dutch dates: '5 maart 2021', '05-03-2021' and '2021-03-05' to ISO; ISO back to Dutch."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
MONTH_NAMES = {number: name for name, number in MONTHS.items()}
# English month names, for questions ("the December 2022 letter"); documents are Dutch.
ENGLISH_MONTHS = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        start=1,
    )
}

DUTCH_DATE = re.compile(
    r"\b(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{2})-(?P<month>\d{2})-(?P<year>(?:19|20)\d{2})\b")
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match.group("month").lower()
    month = MONTHS.get(month_text) or int(month_text)
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def parse_dutch_date(text: str) -> date | None:
    """The first date written in `text` in any of the supported notations, else None."""
    for pattern in (DUTCH_DATE, NUMERIC_DATE, ISO_DATE):
        match = pattern.search(text)
        if match and (parsed := _to_date(match)):
            return parsed
    return None


def format_dutch_date(iso: str | None) -> str | None:
    """'2021-03-05' -> '5 maart 2021'."""
    if not iso:
        return None
    parsed = date.fromisoformat(iso)
    return f"{parsed.day} {MONTH_NAMES[parsed.month]} {parsed.year}"
