"""What the intake hands to the PIP: the contract between regie.intake and regie.plans.

``regie.intake.selectors.intake_voor_pip(dossier)`` returns an ``IntakeVoorPip`` (or ``None``
when no intake was started). The PIP refuses to start from an intake that is not complete and
names what is missing (``ontbrekend``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class IntakeVoorPip:
    afgerond_op: date | None  # date the intake was completed, None while in progress
    ontbrekend: tuple[str, ...]  # Dutch names of the sections still missing
    # The case manager's route decision (after the system's advice):
    leerroute: str | None  # "b1_route" | "onderwijsroute" | "z_route"
    niveau: str | None  # "A1" | "A2" | "B1" | "B2" | None
    alfabetisering: str  # "A" | "AA" | "NVT"
    duale_opties: tuple[str, ...] = ()  # short Dutch descriptions of dual activities considered
    eigen_doelen: str = ""  # the person's own goals, in their own words, as typed
    advies_gevolgd: bool = True
    motivatie_afwijking: str = ""
    taal_persoon: str = "nl"  # preferred language for the ontwikkelplan (nl, en, ar, ...)
    werkwensen: str = ""
    extra: dict[str, str] = field(default_factory=dict)
