"""Indicators whose data other apps own, read through their selectors.

The brede intake (regie.intake) records whether the chosen route follows the system's advice
(``BredeIntake.advies_gevolgd``); the PIP (regie.plans) records dual activities per version.
Both selectors take the scoped, filtered dossiers and return an unevaluated values queryset
(``gemeente_id``, ``geheel``, ``deel``):

    regie.intake.selectors.route_advies_per_gemeente(dossiers)
        intakes with a route decision after the advice / of which deviating
    regie.plans.selectors.duale_trajecten_per_gemeente(dossiers)
        dossiers with an approved PIP / of which with a dual activity

Here they are combined with UNION ALL into one query (the page's query budget is 8).
"""

from __future__ import annotations

from django.db.models import QuerySet, Value

from regie.intake.selectors import route_advies_per_gemeente
from regie.plans.selectors import duale_trajecten_per_gemeente

SELECTORS = {
    "route_afwijking": route_advies_per_gemeente,
    "dualiteit": duale_trajecten_per_gemeente,
}


def gemeten_elders(dossiers: QuerySet) -> dict[str, dict[int, tuple[int, int]]]:
    """Per indicator owned by another app: {gemeente id: (geheel, deel)}, in one query."""
    delen = [
        selector(dossiers)
        .annotate(indicator=Value(naam))
        .values_list("indicator", "gemeente_id", "geheel", "deel")
        for naam, selector in SELECTORS.items()
    ]
    uit: dict[str, dict[int, tuple[int, int]]] = {naam: {} for naam in SELECTORS}
    for indicator, gemeente_id, geheel, deel in delen[0].union(*delen[1:], all=True):
        uit[indicator][gemeente_id] = (geheel, deel)
    return uit
