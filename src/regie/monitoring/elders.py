"""Counts whose data other apps own, read through their selectors.

The brede intake (regie.intake) records whether the chosen route follows Regie's advice
(``BredeIntake.advies_gevolgd``); the PIP (regie.plans) records dual activities per version.
Each selector takes the scoped, filtered dossiers and returns an unevaluated values queryset
(``gemeente_id``, ``cohort``, ``aantal``):

    regie.intake.selectors.route_afwijkingen(dossiers)   completed intakes deviating from advice
    regie.plans.selectors.duale_trajecten(dossiers)      dossiers with a dual activity in the PIP

Here they are combined with UNION ALL into one query (the page's query budget is 8). The counts
join the page's cube of counts (``kubus``) as subsets of its own measures — deviations of the
completed intakes, dual trajectories of the PIPs — so they are suppressed together with them.
"""

from __future__ import annotations

from django.db.models import QuerySet, Value

from regie.intake.selectors import route_afwijkingen
from regie.monitoring.selectors import Groepen
from regie.plans.selectors import duale_trajecten

SELECTORS = {
    "advies_afwijkend": route_afwijkingen,
    "duaal": duale_trajecten,
}


def tellingen_elders(dossiers: QuerySet) -> dict[tuple[int, int], dict[str, int]]:
    """{(gemeente id, cohort): {measure: count}} for the measures of SELECTORS, in one query."""
    delen = [
        selector(dossiers)
        .annotate(maat=Value(naam))
        .values_list("maat", "gemeente_id", "cohort", "aantal")
        for naam, selector in SELECTORS.items()
    ]
    uit: dict[tuple[int, int], dict[str, int]] = {}
    for maat, gemeente_id, cohort, aantal in delen[0].union(*delen[1:], all=True):
        uit.setdefault((gemeente_id, int(cohort or 0)), {})[maat] = int(aantal)
    return uit


def voeg_toe(groepen: Groepen, dossiers: QuerySet) -> Groepen:
    """Add the other apps' counts to the page's counts per (municipality, cohort)."""
    for sleutel, tellingen in tellingen_elders(dossiers).items():
        if sleutel in groepen.kern:  # always: they count subsets of these dossiers
            groepen.kern[sleutel].update(tellingen)
    return groepen
