"""Fixtures for the PIP: a settled status holder (scenario 01 of the rules contract), a
completed intake, teamleiders who may adopt a PIP, and a helper that walks the whole flow."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import Permission

from regie.accounts.models import Rol
from regie.dossiers.models import Fase
from regie.intake.contract import IntakeVoorPip
from regie.plans import services
from regie.plans.models import PipVersie
from regie.tests.factories import DossierFactory, GebruikerFactory, TijdlijnFeitFactory

VESTIGING = date(2024, 5, 1)
DAGTEKENING = date(2024, 7, 10)

SCENARIO_01 = [
    ("verblijfsrecht_bekendgemaakt", date(2024, 2, 5), {}),
    ("koppeling", date(2024, 3, 1), {"gemeente": "0988"}),
    ("vestiging", VESTIGING, {"gemeente": "0988"}),
    ("duo_gebeurtenis", date(2024, 5, 2), {"code": "SS139"}),
]


def maak_intake(**velden: Any) -> IntakeVoorPip:
    standaard: dict[str, Any] = {
        "afgerond_op": date(2024, 6, 20),
        "ontbrekend": (),
        "leerroute": "b1_route",
        "niveau": None,
        "alfabetisering": "NVT",
        "duale_opties": ("Vrijwilligerswerk bij de voedselbank",),
        "eigen_doelen": "Werken als kapper\nMijn kinderen helpen met school",
        "taal_persoon": "ar",
        "werkwensen": "Werken in de zorg",
    }
    standaard.update(velden)
    return IntakeVoorPip(**standaard)


@pytest.fixture
def intake() -> IntakeVoorPip:
    return maak_intake()


def _met_recht_vaststellen() -> None:
    # Until the teamleider role carries the right by default (accounts.rollen), add it here.
    Rol.objects.get(code="teamleider").rechten.add(
        Permission.objects.get(content_type__app_label="plans", codename="pip_vaststellen")
    )


@pytest.fixture
def tl_weert(weert):
    _met_recht_vaststellen()
    return GebruikerFactory(username="tl.weert", rollen=[("teamleider", weert)])


@pytest.fixture
def tl2_weert(weert):
    _met_recht_vaststellen()
    return GebruikerFactory(username="tl2.weert", rollen=[("teamleider", weert)])


@pytest.fixture
def tl_nederweert(nederweert):
    _met_recht_vaststellen()
    return GebruikerFactory(username="tl.nederweert", rollen=[("teamleider", nederweert)])


def gevestigd_dossier(gemeente: Any, **velden: Any):
    velden.setdefault("fase", Fase.INTAKE)
    velden.setdefault("vestiging_datum", VESTIGING)
    dossier = DossierFactory(regie_gemeente=gemeente, **velden)
    for soort, datum, gegevens in SCENARIO_01:
        TijdlijnFeitFactory(dossier=dossier, soort=soort, datum=datum, gegevens=gegevens)
    return dossier


@pytest.fixture
def dossier(weert):
    return gevestigd_dossier(weert)


def concept(dossier: Any, door: Any, intake: IntakeVoorPip | None = None, **plan: Any):
    """Start the PIP and (optionally) set plan fields directly on the concept."""
    versie = services.pip_starten(dossier=dossier, door=door, intake=intake or maak_intake())
    plan.setdefault("dagtekening", DAGTEKENING)
    PipVersie.objects.filter(pk=versie.pk).update(**plan)
    versie.refresh_from_db()
    return versie


def vastgesteld(
    dossier: Any, kr: Any, tl: Any, dagtekening: date = DAGTEKENING, **plan: Any
) -> PipVersie:
    """Start, submit and adopt a first PIP: the whole four-eyes flow through the services."""
    versie = concept(dossier, kr, dagtekening=dagtekening, **plan)
    return indienen_en_vaststellen(versie, kr, tl, dagtekening)


def indienen_en_vaststellen(
    versie: PipVersie, kr: Any, tl: Any, dagtekening: date | None = None
) -> PipVersie:
    pip = versie.pip
    pip.refresh_from_db()
    versie = services.ter_goedkeuring_aanbieden(pip_versie=versie, versie=pip.versie, door=kr)
    pip.refresh_from_db()
    return services.pip_vaststellen(
        pip_versie=versie,
        versie=pip.versie,
        door=tl,
        dagtekening=dagtekening or versie.dagtekening,
    )
