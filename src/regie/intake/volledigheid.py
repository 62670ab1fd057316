"""When is a brede intake complete enough to be completed ("Intake afronden")?

Required, in this order (each missing item is named in Dutch on the page and in the PIP
contract's ``ontbrekend``):

1. Opleiding en diploma's — the highest education completed (art. 14 Wi names education).
2. Werkervaring — the number of years, 0 allowed (art. 14 Wi names work experience).
3. Taal — the level of all four skills and the literacy (the route and alfabetisering rest on it).
4. Leerbaarheidstoets — taken with a result, or skipped with a reason (law.md R3.3).
5. Positieve gezondheid — at least one measurement (the region's shared way of thinking).
6. Eigen doelen — the person's own goals in their own words (their goals lead).
7. Routebesluit — leerroute, niveau and alfabetisering decided by the case manager.

Not required: financiën, huisvesting, gezin, netwerk, participatie, werkwensen (not every
subject applies to everyone) and gezondheid — health is special-category data behind its own
permission, and completing the intake must not depend on who may read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from regie.intake.models import BredeIntake, Leerbaarheidstoets
from regie.intake.secties import SECTIES


@dataclass(frozen=True)
class Stand:
    """What completeness looks at: the intake, its test and how many measurements it has."""

    intake: BredeIntake | None
    lbt: Leerbaarheidstoets | None
    aantal_metingen: int


def heeft_routebesluit(intake: BredeIntake | None) -> bool:
    return intake is not None and bool(intake.leerroute and intake.niveau and intake.alfabetisering)


def ontbrekend(stand: Stand) -> tuple[str, ...]:
    """Dutch names of what is still missing; empty when the intake can be completed."""
    intake = stand.intake
    missend: list[str] = []
    for sectie in SECTIES:
        if sectie.volledig is not None and (intake is None or not sectie.volledig(intake)):
            missend.append(_("%(sectie)s: %(eis)s") % {"sectie": sectie.titel, "eis": sectie.eis})
        if sectie.code == "taal":
            # The test and the measurements come after the language section on the page.
            if stand.lbt is None or not stand.lbt.is_afgerond:
                missend.append(
                    _("Leerbaarheidstoets: afgenomen met uitslag, of overgeslagen met reden")
                )
            if stand.aantal_metingen == 0:
                missend.append(_("Positieve gezondheid: minstens één meting"))
    if not heeft_routebesluit(intake):
        missend.append(_("Routebesluit: leerroute, niveau en alfabetisering"))
    return tuple(missend)
