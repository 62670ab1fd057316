"""``intake_voor_pip``: what regie.plans starts a PIP from (regie/intake/contract.py)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from regie.intake import services
from regie.intake.contract import IntakeVoorPip
from regie.intake.selectors import intake_voor_pip
from regie.intake.tests.factories import BredeIntakeFactory, GezondheidFactory
from regie.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


def test_geen_intake_geeft_none(weert):
    assert intake_voor_pip(DossierFactory(regie_gemeente=weert)) is None


def test_onvolledige_intake_noemt_wat_ontbreekt(weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, secties_volledig=True)
    uitkomst = intake_voor_pip(intake.dossier)
    assert isinstance(uitkomst, IntakeVoorPip)
    assert uitkomst.afgerond_op is None
    assert [o.split(":")[0] for o in uitkomst.ontbrekend] == [
        "Leerbaarheidstoets",
        "Positieve gezondheid",
        "Routebesluit",
    ]
    assert (uitkomst.leerroute, uitkomst.niveau, uitkomst.alfabetisering) == (None, None, "NVT")


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_afgeronde_intake_geeft_het_besluit(weert, kr_weert):
    intake = BredeIntakeFactory(
        dossier__regie_gemeente=weert,
        volledig=True,
        eigen_doelen="  Ik wil <b>zelf</b> kunnen bellen met de huisarts.\n",
        taal_persoon="ar",
        werkwensen="Kapper",
        duale_opties=["Vrijwilligerswerk bij de voedselbank"],
        advies_gevolgd=False,
        motivatie_afwijking="Wil eerst A2 halen",
    )
    GezondheidFactory(intake=intake)
    services.intake_afronden(dossier=intake.dossier, door=kr_weert, versie=intake.versie)
    uitkomst = intake_voor_pip(intake.dossier)
    assert uitkomst == IntakeVoorPip(
        afgerond_op=date(2026, 3, 2),
        ontbrekend=(),
        leerroute="b1_route",
        niveau="B1",
        alfabetisering="AA",
        duale_opties=("Vrijwilligerswerk bij de voedselbank",),
        eigen_doelen="  Ik wil <b>zelf</b> kunnen bellen met de huisarts.\n",
        advies_gevolgd=False,
        motivatie_afwijking="Wil eerst A2 halen",
        taal_persoon="ar",
        werkwensen="Kapper",
        extra=uitkomst.extra,
    )
    assert uitkomst.extra["lbt_resultaat"] == "voldoende"
    assert uitkomst.extra["jaren_werkervaring"] == "3"
    # Never health data: the PIP is shown to people without the health right.
    assert "Rugklachten" not in str(uitkomst)
