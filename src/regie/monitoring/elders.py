"""Indicators whose data other apps own, read through a selector contract.

The brede intake (regie.intake) will record whether the chosen route follows the system's
advice (``IntakeVoorPip.advies_gevolgd``), the PIP (regie.plans) its dual activities. Until an
app offers the selector below, the dashboard says plainly that the indicator is not measured
yet, and why — it never shows a zero it did not measure.

Contract (both receive the scoped, filtered dossiers and answer in one query):

    regie.intake.selectors.route_advies_per_gemeente(dossiers: QuerySet[Dossier])
        -> dict[int, tuple[int, int]]   # gemeente id -> (PIPs with a route advice,
                                        #                 of which the route deviates)
    regie.plans.selectors.duale_trajecten_per_gemeente(dossiers: QuerySet[Dossier])
        -> dict[int, tuple[int, int]]   # gemeente id -> (current PIPs,
                                        #                 of which with a dual activity)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from regie.monitoring.indicatoren import NietGemeten

CONTRACTEN: dict[str, tuple[str, str, NietGemeten]] = {
    "route_afwijking": (
        "regie.intake.selectors",
        "route_advies_per_gemeente",
        NietGemeten(
            "Aandeel waarin de leerroute afwijkt van het advies",
            "De brede intake legt het route-advies en de gekozen route nog niet vast (de "
            "intake-module wordt gebouwd); zonder die gegevens is er niets te tellen.",
        ),
    ),
    "dualiteit": (
        "regie.plans.selectors",
        "duale_trajecten_per_gemeente",
        NietGemeten(
            "Aandeel trajecten met een duale activiteit (werk, vrijwilligerswerk, participatie)",
            "Het PIP legt duale activiteiten nog niet vast (de PIP-module wordt gebouwd); "
            "zonder die gegevens is er niets te tellen.",
        ),
    ),
}


def _selector(module: str, functie: str) -> Callable[[QuerySet], dict[int, tuple[int, int]]] | None:
    try:
        geladen = importlib.import_module(module)
    except ModuleNotFoundError:
        return None
    return getattr(geladen, functie, None)


def gemeten_elders(dossiers: QuerySet) -> dict[str, Any]:
    """Per indicator: the counts per municipality, or why it is not measured yet."""
    uit: dict[str, Any] = {}
    for sleutel, (module, functie, niet_gemeten) in CONTRACTEN.items():
        selector = _selector(module, functie)
        uit[sleutel] = selector(dossiers) if selector is not None else niet_gemeten
    return uit
