from datetime import date

import pytest

from ingest.dates import format_dutch_date, parse_dutch_date

pytestmark = pytest.mark.unit


def test_dutch_numeric_and_iso_dates() -> None:
    assert parse_dutch_date("Den Haag, 5 maart 2021") == date(2021, 3, 5)
    assert parse_dutch_date("Documentdatum 05-03-2021") == date(2021, 3, 5)
    assert parse_dutch_date("datum: 2022-12-22") == date(2022, 12, 22)
    assert parse_dutch_date("31 februari 2021") is None
    assert parse_dutch_date("geen datum") is None


def test_format_dutch_date() -> None:
    assert format_dutch_date("2021-03-05") == "5 maart 2021"
    assert format_dutch_date(None) is None
