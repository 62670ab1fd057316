"""Calendar arithmetic for the rules.

The contract (rules-contract.md) fixes one convention: adding months or years to a date whose
day does not exist in the target month gives the last day of that month
(29 Feb + 3 years -> 28 Feb; 31 Aug + 6 months -> 28/29 Feb).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

EEN_DAG = timedelta(days=1)


def plus_dagen(datum: date, dagen: int) -> date:
    return datum + timedelta(days=dagen)


def plus_weken(datum: date, weken: int) -> date:
    return datum + timedelta(weeks=weken)


def plus_maanden(datum: date, maanden: int) -> date:
    """Add calendar months; a day that does not exist becomes the last day of the month."""
    maandindex = datum.year * 12 + (datum.month - 1) + maanden
    jaar, maand0 = divmod(maandindex, 12)
    maand = maand0 + 1
    dag = datum.day
    if dag > 28:  # only days 29-31 can fall off the end of the target month
        dag = min(dag, calendar.monthrange(jaar, maand)[1])
    return date(jaar, maand, dag)


def plus_jaren(datum: date, jaren: int) -> date:
    return plus_maanden(datum, 12 * jaren)


def maanden_tekst(maanden: int) -> str:
    """Human-readable length for traces: 804 -> '67 jaar', 807 -> '67 jaar en 3 maanden'."""
    jaren, rest = divmod(maanden, 12)
    if rest == 0:
        return f"{jaren} jaar"
    if jaren == 0:
        return f"{rest} maanden"
    return f"{jaren} jaar en {rest} maanden"
