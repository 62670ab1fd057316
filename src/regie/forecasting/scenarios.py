"""Scenarios to compare with the base forecast, side by side (same seed: common random numbers).

Defined as data: a factor on the taakstelling and a shift of percentage points to the Z-route
(taken from B1 and onderwijs in proportion), applied to whatever split the base uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Scenario:
    """``naam`` and ``omschrijving`` are lazy translations (str() them to format). They stay out
    of ``repr``, which keys the forecast's cache: they do not change the numbers."""

    sleutel: str
    naam: str = field(repr=False)
    omschrijving: str = field(repr=False)
    factor_taakstelling: float = 1.0
    extra_z_route: float = 0.0  # fraction, e.g. 0.10 = ten percentage points

    def verdeling(self, basis: tuple[float, float, float]) -> tuple[float, float, float] | None:
        """The route split under this scenario, or None to keep the base's."""
        if not self.extra_z_route:
            return None
        z = min(max(basis[0] + self.extra_z_route, 0.0), 1.0)
        overig = basis[1] + basis[2]
        if overig <= 0:
            return (z, (1 - z) / 2, (1 - z) / 2)
        return (z, basis[1] / overig * (1 - z), basis[2] / overig * (1 - z))


SCENARIOS = [
    Scenario(
        "basis",
        _("Basis"),
        _("De taakstelling en verdeling zoals in het register en de parameters."),
    ),
    Scenario(
        "taakstelling_plus_30",
        _("Taakstelling +30 %"),
        _("Het Rijk verhoogt de taakstelling met 30 % (alle halfjaren in de prognose)."),
        factor_taakstelling=1.3,
    ),
    Scenario(
        "meer_z_route",
        _("Meer Z-route"),
        _("10 procentpunt meer Z-route, naar rato minder B1- en onderwijsroute."),
        extra_z_route=0.10,
    ),
]
