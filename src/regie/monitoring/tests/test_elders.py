"""Maatwerk (deviation from the route advice) and dualiteit, counted from the brede intake and
the PIP through their apps' selectors: the numbers follow from the case managers' real
decisions, per municipality and cohort, only for the officer's own municipalities, and are
suppressed together with the rest of the page (a hidden count never shows up elsewhere)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from regie.dossiers import kengetallen
from regie.dossiers.models import Dossier
from regie.intake.tests.factories import BredeIntakeFactory
from regie.monitoring.elders import tellingen_elders
from regie.monitoring.tests.hulp import maak_dossier, tabel_uit_html
from regie.plans.services import pip_wijzigen
from regie.plans.tests.conftest import (
    concept,
    gevestigd_dossier,
    indienen_en_vaststellen,
    maak_intake,
    tl_weert,  # noqa: F401 - fixture
)
from regie.tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db


def _rij(tabel: list[list[str]], label: str) -> list[str]:
    return next(r[1:] for r in tabel if r[0] == label)


def _intakes(gemeente, gevolgd: int, afwijkend: int, plicht_vanaf=date(2024, 1, 2)) -> None:
    for i in range(gevolgd + afwijkend):
        dossier = maak_dossier(gemeente, plicht_vanaf=plicht_vanaf, intake=date(2024, 4, 1))
        BredeIntakeFactory(
            volledig=True,
            dossier=dossier,
            afgerond_op=date(2024, 4, 1),
            advies_gevolgd=i >= afwijkend,
            motivatie_afwijking="Werkt al op B1-niveau" if i < afwijkend else "",
        )


def test_afwijkingen_per_gemeente_en_cohort(weert, nederweert):
    _intakes(weert, gevolgd=7, afwijkend=5)
    _intakes(weert, gevolgd=1, afwijkend=2, plicht_vanaf=date(2025, 3, 1))
    _intakes(nederweert, gevolgd=2, afwijkend=1)
    BredeIntakeFactory(volledig=True, dossier=maak_dossier(weert), advies_gevolgd=False)  # open
    telling = tellingen_elders(Dossier.objects.all())
    assert telling == {
        (weert.pk, 2024): {"advies_afwijkend": 5},
        (weert.pk, 2025): {"advies_afwijkend": 2},
        (nederweert.pk, 2024): {"advies_afwijkend": 1},
    }
    # Scoped: only the dossiers handed in count.
    assert tellingen_elders(Dossier.objects.filter(regie_gemeente=nederweert)) == {
        (nederweert.pk, 2024): {"advies_afwijkend": 1}
    }


def test_dashboard_toont_afwijking_van_het_advies(client, bm_weert, weert, nederweert):
    _intakes(weert, gevolgd=7, afwijkend=5)
    _intakes(nederweert, gevolgd=20, afwijkend=10)  # not bm_weert's municipality
    client.force_login(bm_weert)
    tabel = tabel_uit_html(client.get(reverse("monitoring:dashboard")).content, "route_afwijking")
    assert _rij(tabel, "Brede intake afgerond") == ["12"]
    assert _rij(tabel, "waarvan route afwijkend van het advies") == ["5"]
    assert _rij(tabel, "Aandeel afwijkend") == ["42 %"]


def _pip(gemeente, kr, tl, *, duaal: bool):
    dossier = gevestigd_dossier(gemeente, plicht_vanaf=date(2024, 5, 2))
    intake = maak_intake(duale_opties=("Vrijwilligerswerk bij de voedselbank",) if duaal else ())
    versie = indienen_en_vaststellen(concept(dossier, kr, intake=intake), kr, tl)
    kengetallen.bijwerken([dossier.pk])
    return versie


def test_duale_trajecten_tellen_de_geldende_pip_versie(weert, kr_weert, tl_weert):  # noqa: F811
    met = [_pip(weert, kr_weert, tl_weert, duaal=True) for _ in range(2)]
    _pip(weert, kr_weert, tl_weert, duaal=False)
    # A concept without an approved version is no trajectory yet.
    concept(gevestigd_dossier(weert, plicht_vanaf=date(2024, 5, 2)), kr_weert)
    assert tellingen_elders(Dossier.objects.all()) == {(weert.pk, 2024): {"duaal": 2}}

    # A new version without the activity changes nothing until it is approved.
    pip = met[0].pip
    pip.refresh_from_db()
    nieuw = pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)
    nieuw.activiteiten.all().delete()
    assert tellingen_elders(Dossier.objects.all()) == {(weert.pk, 2024): {"duaal": 2}}
    indienen_en_vaststellen(nieuw, kr_weert, tl_weert)
    assert tellingen_elders(Dossier.objects.all()) == {(weert.pk, 2024): {"duaal": 1}}


def test_dualiteit_naast_de_pips_van_de_kubus(client, weert, nederweert, kr_weert, tl_weert):  # noqa: F811
    for i in range(7):
        _pip(weert, kr_weert, tl_weert, duaal=i < 4)
    bm = GebruikerFactory(rollen=[("beleidsmedewerker", weert)])
    client.force_login(bm)
    tabel = tabel_uit_html(client.get(reverse("monitoring:dashboard")).content, "dualiteit")
    assert _rij(tabel, "PIP vastgesteld") == ["7"]
    assert _rij(tabel, "waarvan met een duale activiteit") == ["<5"]
    assert _rij(tabel, "Aandeel duaal") == ["×"]

    # Another municipality's officer sees none of it.
    client.force_login(GebruikerFactory(rollen=[("beleidsmedewerker", nederweert)]))
    tabel = tabel_uit_html(client.get(reverse("monitoring:dashboard")).content, "dualiteit")
    assert _rij(tabel, "PIP vastgesteld") == ["0"]


def test_een_verborgen_aantal_komt_nergens_anders_terug(client, bm_regio, weert, nederweert):
    """Nederweert: 8 PIPs of 10 obliged (2 without: hidden, and so the 8). The dual table
    repeats the PIP count: it must be hidden there too, not shown as 8."""
    for i in range(10):
        maak_dossier(
            nederweert,
            intake=None if i < 2 else date(2024, 4, 1),
            pip=None if i < 2 else date(2024, 4, 20),
        )
    for _ in range(12):
        maak_dossier(weert)
    client.force_login(bm_regio)
    inhoud = client.get(reverse("monitoring:dashboard")).content
    start = tabel_uit_html(inhoud, "tijdige_start")
    duaal = tabel_uit_html(inhoud, "dualiteit")
    kolom = start[0].index("Nederweert")
    assert _rij(start, "PIP vastgesteld")[kolom - 1] in {"×", "<5"}
    assert _rij(duaal, "PIP vastgesteld")[kolom - 1] == _rij(start, "PIP vastgesteld")[kolom - 1]
