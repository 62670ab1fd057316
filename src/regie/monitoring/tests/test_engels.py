"""The policy pages in English: tables, charts and exports follow the language the user picked
(the header's language switcher sets Django's language cookie; LocaleMiddleware reads it)."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from regie.monitoring.tests.hulp import maak_dossier, tabel_uit_html

pytestmark = pytest.mark.django_db

# Dutch texts of the tables and charts that must not show in an English page.
NEDERLANDS_DASHBOARD = [
    "Tijdige start: van koppeling tot PIP",
    "Inburgeringsplichtigen (cohort)",
    "waarvan gekoppeld door het COA",
    "Weken van koppeling tot PIP",
    "10–19 weken",
    "Snelheid: voortgang volgen en afronden",
    "Maatwerk: leerroute in het eerste PIP",
    "Onderwijsroute",
    "Ministerie (15/60/25)",
    "Duale trajecten",
    "Handhaving (boetes)",
    "Staafdiagram",
    "Alle cohorten",
    "Regio",
]
NEDERLANDS_PROGNOSE = [
    "Geschatte aantallen per leerroute",
    "Taakstelling in de prognose",
    "Gebruikte parameters",
    "Nieuwe trajecten per kwartaal",
    "Lopende trajecten per kwartaal",
    "Lesuren per week",
    "Kosten leerroutes per jaar",
    "Per gemeente: mediaan",
    "Waaiergrafiek",
    "mediaan",
    "ondergrens",
    "halfjaar",
    "Regio",
]


@pytest.fixture
def engels(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def bm_met_gegevens(bm_twee, weert, nederweert):
    for i in range(14):
        maak_dossier(
            weert,
            plicht_vanaf=date(2023 + i % 2, 2, 1),
            leerroute=("b1_route", "z_route", "onderwijsroute")[i % 3],
            gesprekken=(date(2024, 6, 1), date(2024, 9, 1)),
        )
    for _ in range(3):
        maak_dossier(nederweert)
    return bm_twee


@pytest.fixture
def demo(weert, nederweert, cranendonck):
    from regie.forecasting.services import vul_demo_taakstelling

    vul_demo_taakstelling()


def _bevat(html: str, tekst: str) -> bool:
    """``tekst`` as whole words ("Regio" is not in "Region") in the page's text and attribute
    values that people see (``aria-label``), not in markup such as CSS class names."""
    labels = re.findall(r'aria-label="([^"]*)"', html)
    zichtbaar = " ".join([re.sub(r"<[^>]+>", " ", html), *labels])
    return re.search(rf"(?<!\w){re.escape(tekst)}(?!\w)", zichtbaar) is not None


def _csv(inhoud: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))


def test_dashboard_in_het_engels(engels, bm_met_gegevens):
    engels.force_login(bm_met_gegevens)
    html = engels.get(reverse("monitoring:dashboard")).content.decode()
    assert 'lang="en"' in html
    for tekst in [
        "Timely start: from linking to PIP",
        "People obliged to integrate (cohort)",
        "of whom linked by the COA",
        "Weeks from linking to PIP",
        "10–19 weeks",
        "Speed: monitoring progress and completion",
        "Tailored approach: learning route in the first PIP",
        "Education route",
        "Ministry (15/60/25)",
        "Enforcement (fines)",
        "Bar chart: per municipality",
        "All cohorts",
        "Region",
    ]:
        assert tekst in html, tekst
    for tekst in NEDERLANDS_DASHBOARD:
        assert not _bevat(html, tekst), tekst
    tabel = tabel_uit_html(html.encode(), "tijdige_start")
    assert tabel[0] == ["Indicator", "Nederweert", "Weert", "Region"]
    # Data values and the suppression markers are the same in both languages.
    assert "<5" in html or "&lt;5" in html


def test_dashboard_standaard_nederlands(client, bm_met_gegevens):
    client.force_login(bm_met_gegevens)
    html = client.get(reverse("monitoring:dashboard")).content.decode()
    assert "Tijdige start: van koppeling tot PIP" in html
    assert "Timely start" not in html


def test_csv_export_in_het_engels(engels, bm_met_gegevens):
    engels.force_login(bm_met_gegevens)
    rijen = _csv(
        engels.get(
            reverse("monitoring:export"), {"tabel": "tijdige_start", "formaat": "csv"}
        ).content
    )
    assert rijen[0] == ["Timely start: from linking to PIP"]
    assert rijen[1][0].startswith("Definition: The deadline is Dossier.pip_uiterlijk")
    assert rijen[2][0].startswith(
        "Source: Regie, Civic Integration Act 2021 monitoring, reference date "
    )
    assert rijen[4] == ["Indicator", "Nederweert", "Weert", "Region"]
    assert rijen[5][0] == "People obliged to integrate (cohort)"
    tekst = "\n".join(";".join(r) for r in rijen)
    assert "Definitie" not in tekst and "peildatum" not in tekst


def test_xlsx_export_in_het_engels(engels, bm_met_gegevens):
    from openpyxl import load_workbook

    engels.force_login(bm_met_gegevens)
    response = engels.get(reverse("monitoring:export"), {"tabel": "alle", "formaat": "xlsx"})
    blad = load_workbook(io.BytesIO(response.content))["verdeling_koppeling_pip"]
    assert blad["A1"].value == "Weeks from linking to PIP"
    assert [blad.cell(row=r, column=1).value for r in range(6, 11)] == [
        "< 10 weeks",
        "10–19 weeks",
        "20–29 weeks",
        "30–39 weeks",
        "40 weeks or more",
    ]


def test_prognose_in_het_engels(engels, bm_regio, demo):
    engels.force_login(bm_regio)
    html = engels.get(reverse("forecasting:prognose")).content.decode()
    for tekst in [
        "Estimated numbers per learning route",
        "Housing target in the forecast (asylum permit holders per half-year)",
        "Parameters used (version 1)",
        "New programmes per quarter — Region",
        "Ongoing programmes per quarter",
        "Cost of learning routes per year against the budget",
        "Per municipality: median (80% interval)",
        "Fan chart:",
        "Total: median",
        "80%: lower bound",
        "half-year 1",
        "Q1",
    ]:
        assert tekst in html, tekst
    for tekst in NEDERLANDS_PROGNOSE:
        assert not _bevat(html, tekst), tekst


def test_scenarios_in_het_engels(engels, bm_regio, demo):
    engels.force_login(bm_regio)
    html = engels.get(reverse("forecasting:scenarios")).content.decode()
    tabel = tabel_uit_html(html.encode(), "scenarios")
    assert tabel[0][1:3] == ["Base: median", "Base: 80% interval"]
    assert "More Z-route" in html
    assert "Taakstelling +30 %" not in html
    rijen = _csv(engels.get(reverse("forecasting:export"), {"tabel": "scenarios"}).content)
    assert rijen[0][0].startswith("Scenarios side by side — Region")
    assert rijen[2][0].startswith("Source: Regie, Civic Integration Act 2021 forecast")


def test_prognose_csv_in_het_engels(engels, bm_regio, demo):
    engels.force_login(bm_regio)
    rijen = _csv(
        engels.get(
            reverse("forecasting:export"), {"tabel": "deterministisch", "formaat": "csv"}
        ).content
    )
    kop = next(r for r in rijen if r and r[0] == "Municipality")
    assert kop[1:5] == [
        "Housing target 2022-1",
        "Housing target 2022-2",
        "Asylum permit holders 2022",
        "Obliged to integrate (50% adults)",
    ]
    assert kop[5:8] == ["Z-route 15 %", "B1 route 60 %", "Education route 25 %"]
    assert rijen[-1][0] == "Total"
