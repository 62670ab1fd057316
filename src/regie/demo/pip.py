"""The adopted PIP behind a synthetic dossier with ``pip_vastgesteld``.

One ``Pip`` with one adopted ``PipVersie`` (dagtekening = the fact's date, submitted by the case
manager and adopted by a teamleider: four eyes), its goals from the intake's own goals and, for
some, dual activities drawn from the intake's advice (subgoal 4).
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from regie.demo import teksten
from regie.demo.partij import Omgeving, Partij, moment, tussen
from regie.dossiers.models import Doelgroep, Dossier, TijdlijnFeit
from regie.intake.models import BredeIntake
from regie.plans.models import Beoordeling, Doel, DualeActiviteit, Pip, PipVersie

# Dual activities in the PIP (subgoal 4): asylum status holders, by route; others.
KANS_DUAAL_ASIEL_Z = 0.7
KANS_DUAAL_ASIEL = 0.4
KANS_DUAAL_OVERIG = 0.2

_SOORT_VAN_OPTIE = {
    "duaal_z_participatie": ["participatie"],
    "duaal_werk": ["werk", "werkervaring"],
    "duaal_onderwijs": ["werk", "vrijwilligerswerk", "opleiding"],
    "duaal_participatie": ["vrijwilligerswerk", "participatie"],
}
_UREN = {"z_route": (6, 10), "b1_route": (10, 16), "onderwijsroute": (16, 20)}
_AANBIEDERS_ELDERS = ["Taalinstituut Noord", "Taalcentrum Midden", "NT2 Academie Oost"]


def vastgesteld_pip(
    rng: random.Random,
    partij: Partij,
    omgeving: Omgeving,
    dossier: Dossier,
    intake: BredeIntake,
    pipfeit: TijdlijnFeit,
    kr: Any,
) -> None:
    """The PIP as pip_starten → (concept edits) → ter_goedkeuring_aanbieden → pip_vaststellen
    leave it: one adopted version, submitted by the case manager, adopted by a teamleider."""
    asiel = dossier.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    dagtekening = pipfeit.datum
    teamleider = omgeving.teamleiders.get(dossier.regie_gemeente_id)
    bewerkingen = rng.randint(0, 2)  # concept saves, each moves the PIP's lock
    pip = Pip(
        dossier=dossier,
        taal=intake.taal_persoon or "nl",
        aangemaakt_door=kr,
        versie=1 + bewerkingen + 2,
    )
    lo, hi = _UREN[intake.leerroute]
    # Status holders get the municipality's inburgeringsaanbod; others choose a school.
    regio = dossier.regie_gemeente_id in omgeving.aanbieder_gemeenten
    aanbieder = omgeving.aanbieder if asiel and regio else None
    aanbieder_naam = ""
    if aanbieder is None and (asiel or rng.random() < 0.7):
        aanbieder_naam = rng.choice(_AANBIEDERS_ELDERS)
    ingediend = tussen(rng, max(intake.afgerond_op, dagtekening - timedelta(days=6)), dagtekening)
    versie = PipVersie(
        pip=pip,
        nummer=1,
        status=PipVersie.Status.VASTGESTELD,
        dagtekening=dagtekening,
        leerroute=pipfeit.gegevens["leerroute"],
        niveau=pipfeit.gegevens.get("niveau") or "",
        knm=True,
        alfabetisering=intake.alfabetisering,
        intensiteit_uren_per_week=Decimal(rng.randint(lo, hi)),
        aanbieder=aanbieder,
        aanbieder_naam=aanbieder_naam,
        aanbieder_keurmerk=aanbieder is not None or rng.random() < 0.8,
        pvt_uren=rng.choice([8, 10, 12]),
        map_uren=None if intake.leerroute == "onderwijsroute" else rng.choice([40, 64, 80]),
        participatie=intake.werkwensen,
        maatschappelijke_begeleiding=rng.choice(teksten.MAATSCHAPPELIJKE_BEGELEIDING)
        if asiel
        else "",
        ontzorgen=asiel,
        ontzorgen_toelichting=teksten.ONTZORGEN if asiel else "",
        overige_afspraken=rng.choice(teksten.OVERIGE_AFSPRAKEN),
        aangemaakt_door=kr,
        ingediend_op=moment(ingediend, rng),
        ingediend_door=kr,
        vastgesteld_op=moment(dagtekening, rng),
        vastgesteld_door=teamleider,
    )
    if versie.ingediend_op > versie.vastgesteld_op:  # same day: adopted after submission
        versie.vastgesteld_op = versie.ingediend_op + timedelta(hours=1)
    partij.pips.append(pip)
    partij.versies.append(versie)
    if teamleider is not None:
        partij.beoordelingen.append(
            Beoordeling(versie=versie, besluit=Beoordeling.Besluit.VASTGESTELD, door=teamleider)
        )
    for volgorde, regel in enumerate(r.strip() for r in intake.eigen_doelen.splitlines()):
        if regel:
            partij.doelen.append(Doel(versie=versie, volgorde=volgorde, omschrijving=regel[:300]))
    kans = (
        (KANS_DUAAL_ASIEL_Z if intake.leerroute == "z_route" else KANS_DUAAL_ASIEL)
        if asiel
        else KANS_DUAAL_OVERIG
    )
    if rng.random() >= kans:
        return
    codes = [k["regel"]["code"] for k in intake.advies_bij_besluit.get("duale_opties", [])]
    soorten = [s for code in codes for s in _SOORT_VAN_OPTIE.get(code, [])] or [
        "vrijwilligerswerk",
        "participatie",
    ]
    for volgorde in range(rng.choice([1, 1, 2])):
        soort = rng.choice(soorten)
        omschrijving, organisatie, minimum, maximum = rng.choice(teksten.DUAAL[soort])
        partij.activiteiten.append(
            DualeActiviteit(
                versie=versie,
                volgorde=volgorde,
                soort=soort,
                omschrijving=omschrijving,
                uren_per_week=Decimal(rng.randint(minimum, maximum)),
                organisatie=organisatie,
            )
        )
