"""The records behind a synthetic dossier's timeline: the brede intake and the PIP.

``regie.demo.generator`` writes the timeline facts (``brede_intake_afgerond``,
``pip_vastgesteld`` with leerroute and niveau, ...); the screens and the policy dashboard read
the records the services would have written on the way. ``vul_dossier`` adds them, consistent
with the facts:

* a dossier with ``brede_intake_afgerond`` gets a completed ``BredeIntake`` (every section
  filled, afgerond on the fact's date), a ``Leerbaarheidstoets`` and a positive-health
  measurement (``volledigheid`` requires both), and the case manager's route decision: the
  leerroute and niveau of the later ``pip_vastgesteld`` fact, the advice as
  ``intake.services.routebesluit_vastleggen`` stores it, and a motivation where the decision
  deviates from it. The intake's facts are drawn so that the advice agrees with the decision in
  most dossiers; a deviation is drawn on purpose, or follows from the facts (the onderwijsroute
  after the advice's age limit, a policy choice of ``intake.advies``);
* a dossier with ``pip_vastgesteld`` gets a ``Pip`` with one adopted ``PipVersie`` (dagtekening =
  the fact's date, submitted by the case manager and adopted by a teamleider: four eyes), its
  goals from the intake and, for some, dual activities;
* a dossier in phase intake has a started intake with the first sections filled, or none yet.

Health data (``Gezondheid``) is not generated: completing the intake does not need it.
Randomness comes from the caller's own generator, never the one that drew the facts, so adding
this did not change any existing demo dossier. Rows are collected in a ``Partij`` and written
with ``bulk_create`` per batch; nothing here queries the database.

The work is split by record: ``regie.demo.intakevelden`` draws the intake's facts,
``regie.demo.brede_intake`` the intake, test and measurements, ``regie.demo.pip`` the PIP;
``regie.demo.partij`` holds the batch (``Partij``) and the build's context (``Omgeving``), which
this module re-exports for ``regie.demo.generator``.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from regie.demo import brede_intake, pip
from regie.demo.partij import Omgeving, Partij
from regie.dossiers.models import Dossier, Fase, Inburgeraar, TijdlijnFeit

__all__ = ["Omgeving", "Partij", "vul_dossier"]

Soort = TijdlijnFeit.Soort

KANS_INTAKE_GESTART = 0.7  # of the dossiers in phase intake

_NIVEAU_VAN_ROUTE = {"z_route": None, "b1_route": "B1", "onderwijsroute": "B1"}


def vul_dossier(
    rng: random.Random,
    partij: Partij,
    omgeving: Omgeving,
    *,
    persoon: Inburgeraar,
    dossier: Dossier,
    feiten: list[TijdlijnFeit],
    klantregisseurs: list[Any],
) -> None:
    """Add the intake and PIP records ``feiten`` imply to ``partij``. Records the route decision
    on the ``brede_intake_afgerond`` fact, as ``intake.services.intake_afronden`` does."""
    per_soort: dict[str, TijdlijnFeit] = {}
    gesprekken: list[date] = []
    for feit in feiten:
        per_soort.setdefault(feit.soort, feit)
        if feit.soort == Soort.VOORTGANGSGESPREK:
            gesprekken.append(feit.datum)
    intakefeit = per_soort.get(Soort.BREDE_INTAKE_AFGEROND)
    pipfeit = per_soort.get(Soort.PIP_VASTGESTELD)
    # Who did the work: the dossier's case manager, or (unassigned now) one of the municipality's.
    kr = dossier.klantregisseur or (rng.choice(klantregisseurs) if klantregisseurs else None)
    begin = dossier.koppeling_datum or dossier.plicht_vanaf
    if intakefeit is None:
        if dossier.fase == Fase.INTAKE and rng.random() < KANS_INTAKE_GESTART:
            brede_intake.gestarte_intake(rng, partij, omgeving, persoon, dossier, begin, kr)
        return
    if pipfeit is not None:
        leerroute, niveau = pipfeit.gegevens["leerroute"], pipfeit.gegevens["niveau"]
    else:  # the PIP is still to come: the decision is the intake's own
        leerroute = rng.choices(["z_route", "b1_route", "onderwijsroute"], weights=[15, 60, 25])[0]
        niveau = _NIVEAU_VAN_ROUTE[leerroute]
    intake = brede_intake.afgeronde_intake(
        rng,
        partij,
        persoon=persoon,
        dossier=dossier,
        afgerond_op=intakefeit.datum,
        begin=begin,
        leerroute=leerroute,
        niveau=niveau,
        kr=kr,
        gesprekken=gesprekken,
    )
    intakefeit.gegevens = {
        "leerroute": intake.leerroute,
        "niveau": intake.niveau,
        "alfabetisering": intake.alfabetisering,
    }
    if pipfeit is not None:
        pip.vastgesteld_pip(rng, partij, omgeving, dossier, intake, pipfeit, kr)
