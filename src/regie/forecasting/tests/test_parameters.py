"""Forecast parameters: versioned, never edited, and nonsense refused with Dutch reasons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regie.forecasting import selectors
from regie.forecasting.forms import PARAMETERVELDEN
from regie.forecasting.models import PrognoseBudget, PrognoseParameters
from regie.forecasting.services import DEMO_PARAMETERS

pytestmark = pytest.mark.django_db


def _parameters(**wijzigingen) -> PrognoseParameters:
    return PrognoseParameters(versie=9, **(DEMO_PARAMETERS | wijzigingen))


def test_demowaarden_zijn_geldig():
    _parameters().full_clean()


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        (
            {"aandeel_volwassen": Decimal("1.2")},
            "aandeel_volwassen",
            "Het aandeel volwassenen is een getal van 0 tot en met 1, bijvoorbeeld 0,5.",
        ),
        (
            {"aandeel_volwassen": Decimal("-0.1")},
            "aandeel_volwassen",
            "Het aandeel volwassenen is een getal van 0 tot en met 1, bijvoorbeeld 0,5.",
        ),
        (
            {"procent_onderwijsroute": Decimal(20)},
            "procent_onderwijsroute",
            "De verdeling over de leerroutes moet samen precies 100 % zijn; nu is het 95 %.",
        ),
        (
            {"uren_per_week_b1_route": Decimal(-2)},
            "uren_per_week_b1_route",
            "Dit getal mag niet negatief zijn.",
        ),
        (
            {"normbedrag_z_route": Decimal(-1)},
            "normbedrag_z_route",
            "Dit getal mag niet negatief zijn.",
        ),
        (
            {"weken_intake_pip": Decimal(-3)},
            "weken_intake_pip",
            "Dit getal mag niet negatief zijn.",
        ),
    ],
)
def test_onzin_wordt_geweigerd(wijziging, veld, melding):
    with pytest.raises(ValidationError) as fout:
        _parameters(**wijziging).full_clean()
    assert melding in fout.value.message_dict[veld]


def _formdata(**wijzigingen) -> dict:
    data = {k: DEMO_PARAMETERS[k] for k in PARAMETERVELDEN} | wijzigingen
    return {k: (v.isoformat() if isinstance(v, date) else str(v)) for k, v in data.items()}


def test_nieuwe_versie_via_het_scherm(client, fb_weert, weert, nederweert, demo, time_machine):
    time_machine.move_to("2026-01-15 12:00", tick=False)  # budget fields: this year and two more
    client.force_login(fb_weert)
    data = _formdata(geldig_vanaf=date(2025, 1, 1), procent_z_route=20, procent_b1_route=55)
    data[f"budget_{weert.pk}_2026"] = "300000"
    response = client.post(reverse("forecasting:parameters"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    nieuw = PrognoseParameters.objects.get(versie=2)
    assert nieuw.procent_z_route == 20
    budget = {(b.gemeente.cbs_code, b.jaar): b.bedrag for b in nieuw.budgetten.all()}
    assert budget[("0988", 2026)] == 300000
    # Nederweert is not this user's: its budgets are carried over from version 1.
    assert budget[("0946", 2022)] == 100000
    assert ("0988", 2022) not in budget  # Weert's are what the user entered now
    # Version 1 is unchanged; each date has its own valid version.
    assert PrognoseParameters.objects.get(versie=1).procent_z_route == 15
    assert selectors.geldige_parameters(date(2024, 6, 1)).versie == 1
    assert selectors.geldige_parameters(date(2025, 6, 1)).versie == 2


def test_scherm_weigert_met_nederlandse_reden(client, fb_weert, demo):
    client.force_login(fb_weert)
    response = client.post(
        reverse("forecasting:parameters"), _formdata(aandeel_volwassen="1.5", procent_b1_route=50)
    )
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "Het aandeel volwassenen is een getal van 0 tot en met 1" in tekst
    assert "moet samen precies 100 % zijn; nu is het 90 %" in tekst
    assert PrognoseParameters.objects.count() == 1


def test_negatief_budget_geweigerd(client, fb_weert, weert, demo):
    client.force_login(fb_weert)
    data = _formdata(geldig_vanaf=date(2025, 1, 1))
    data[f"budget_{weert.pk}_2026"] = "-5"
    assert client.post(reverse("forecasting:parameters"), data).status_code == 200
    assert not PrognoseBudget.objects.filter(bedrag__lt=0).exists()


def test_beleidsmedewerker_ziet_maar_wijzigt_niet(client, bm_weert, demo):
    client.force_login(bm_weert)
    assert client.get(reverse("forecasting:parameters")).status_code == 200
    assert client.post(reverse("forecasting:parameters"), _formdata()).status_code == 403
    assert PrognoseParameters.objects.count() == 1
