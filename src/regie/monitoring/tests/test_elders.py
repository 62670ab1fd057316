"""Maatwerk (deviation from the route advice) and dualiteit, measured from the brede intake
and the PIP through their apps' selectors: the numbers a policy officer sees follow from the
case managers' real decisions, per municipality, and only for their own municipalities."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regie.dossiers.models import Dossier
from regie.intake.tests.factories import BredeIntakeFactory
from regie.monitoring.elders import gemeten_elders
from regie.monitoring.tests.hulp import tabel_uit_html
from regie.plans.services import pip_wijzigen
from regie.plans.tests.conftest import (
    concept,
    gevestigd_dossier,
    indienen_en_vaststellen,
    maak_intake,
    tl_weert,  # noqa: F401 - fixture
)
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db


def route_advies_per_gemeente(dossiers):
    return gemeten_elders(dossiers)["route_afwijking"]


def duale_trajecten_per_gemeente(dossiers):
    return gemeten_elders(dossiers)["dualiteit"]


def _rij(tabel: list[list[str]], label: str) -> list[str]:
    return next(r[1:] for r in tabel if r[0] == label)


def _intakes(gemeente, gevolgd: int, afwijkend: int) -> None:
    for i in range(gevolgd + afwijkend):
        BredeIntakeFactory(
            volledig=True,
            dossier=DossierFactory(regie_gemeente=gemeente),
            afgerond_op="2025-03-01",
            advies_gevolgd=i >= afwijkend,
            motivatie_afwijking="Werkt al op B1-niveau" if i < afwijkend else "",
        )


def test_afwijking_van_het_advies_per_gemeente(weert, nederweert):
    _intakes(weert, gevolgd=7, afwijkend=5)
    _intakes(nederweert, gevolgd=2, afwijkend=1)
    BredeIntakeFactory(volledig=True, dossier=DossierFactory(regie_gemeente=weert))  # open
    telling = route_advies_per_gemeente(Dossier.objects.all())
    assert telling == {weert.pk: (12, 5), nederweert.pk: (3, 1)}
    # Scoped: only the dossiers handed in count.
    assert route_advies_per_gemeente(Dossier.objects.filter(regie_gemeente=weert)) == {
        weert.pk: (12, 5)
    }


def test_dashboard_toont_afwijking_van_het_advies(client, bm_weert, weert, nederweert):
    _intakes(weert, gevolgd=7, afwijkend=5)
    _intakes(nederweert, gevolgd=20, afwijkend=10)  # not bm_weert's municipality
    client.force_login(bm_weert)
    tabel = tabel_uit_html(client.get(reverse("monitoring:dashboard")).content, "route_afwijking")
    assert _rij(tabel, "Brede intakes met een routebesluit na het advies") == ["12"]
    assert _rij(tabel, "waarvan afwijkende route") == ["5"]
    assert _rij(tabel, "Aandeel") == ["42 %"]


def _pip(gemeente, kr, tl, *, duaal: bool):
    dossier = gevestigd_dossier(gemeente)
    intake = maak_intake(duale_opties=("Vrijwilligerswerk bij de voedselbank",) if duaal else ())
    return indienen_en_vaststellen(concept(dossier, kr, intake=intake), kr, tl)


def test_duale_trajecten_tellen_de_geldende_pip_versie(weert, kr_weert, tl_weert):  # noqa: F811
    met = [_pip(weert, kr_weert, tl_weert, duaal=True) for _ in range(2)]
    _pip(weert, kr_weert, tl_weert, duaal=False)
    # A concept without an approved version is no trajectory yet.
    concept(gevestigd_dossier(weert), kr_weert)
    assert duale_trajecten_per_gemeente(Dossier.objects.all()) == {weert.pk: (3, 2)}

    # A new version (not yet approved) without the activity changes nothing until approved.
    versie = met[0]
    pip = versie.pip
    pip.refresh_from_db()
    nieuw = pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)
    nieuw.activiteiten.all().delete()
    assert duale_trajecten_per_gemeente(Dossier.objects.all()) == {weert.pk: (3, 2)}
    indienen_en_vaststellen(nieuw, kr_weert, tl_weert)
    assert duale_trajecten_per_gemeente(Dossier.objects.all()) == {weert.pk: (3, 1)}


def test_beleidsmedewerker_ziet_dualiteit_niet_van_andere_gemeente(
    client,
    weert,
    nederweert,
    kr_weert,
    tl_weert,  # noqa: F811
):
    for _ in range(6):
        _pip(weert, kr_weert, tl_weert, duaal=True)
    bm_nederweert = GebruikerFactory(rollen=[("beleidsmedewerker", nederweert)])
    client.force_login(bm_nederweert)
    tabel = tabel_uit_html(client.get(reverse("monitoring:dashboard")).content, "dualiteit")
    assert _rij(tabel, "Dossiers met een vastgesteld PIP") == ["0"]
