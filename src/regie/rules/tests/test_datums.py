"""Date arithmetic: a day that does not exist becomes the last day of the month."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regie.rules.datums import maanden_tekst, plus_jaren, plus_maanden, plus_weken
from regie.rules.tests.hulp import EIGENSCHAP


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (date(2024, 2, 29), 36, date(2027, 2, 28)),  # contract: 29 Feb + 3 years -> 28 Feb
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2027, 7, 10), -2, date(2027, 5, 10)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2024, 7, 11), 12, date(2025, 7, 11)),
    ],
)
def test_plus_maanden(datum: date, maanden: int, verwacht: date) -> None:
    assert plus_maanden(datum, maanden) == verwacht


def test_plus_jaren_en_weken() -> None:
    assert plus_jaren(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert plus_jaren(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert plus_weken(date(2024, 5, 2), 10) == date(2024, 7, 11)


def test_maanden_tekst() -> None:
    assert maanden_tekst(804) == "67 jaar"
    assert maanden_tekst(807) == "67 jaar en 3 maanden"
    assert maanden_tekst(6) == "6 maanden"


@EIGENSCHAP
@given(st.dates(date(1900, 1, 1), date(2199, 12, 31)), st.integers(-1200, 1200))
def test_plus_maanden_eigenschappen(datum: date, maanden: int) -> None:
    uitkomst = plus_maanden(datum, maanden)
    assert (uitkomst.year * 12 + uitkomst.month) - (datum.year * 12 + datum.month) == maanden
    assert uitkomst.day <= datum.day
    if uitkomst.day < datum.day:  # clamped: it is the last day of its month
        assert (uitkomst + timedelta(days=1)).month != uitkomst.month
