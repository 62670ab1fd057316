"""Every table of the dashboard exports as CSV and XLSX with the numbers the screen shows."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from regie.monitoring.tests.hulp import maak_dossier, tabel_uit_html
from regie.monitoring.views import dashboard_voor

pytestmark = pytest.mark.django_db


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


def _csv_tabel(inhoud: bytes) -> list[list[str]]:
    tekst = inhoud.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    start = rijen.index([]) + 1  # title, definition and source come first
    return [r for r in rijen[start:] if r and len(r) > 1]


def _getal(tekst: str) -> Decimal:
    schoon = tekst.replace("€", "").replace("%", "").replace(".", "").replace(",", ".").strip()
    return Decimal(schoon)


def test_alle_tabellen_csv_gelijk_aan_scherm(client, bm_met_gegevens):
    client.force_login(bm_met_gegevens)
    scherm = client.get(reverse("monitoring:dashboard")).content
    sleutels = list(
        dashboard_voor(
            bm_met_gegevens, cohort=None, doelgroep="asielstatushouder", gemeente_id=None
        ).tabellen
    )
    assert len(sleutels) >= 8
    for sleutel in sleutels:
        response = client.get(reverse("monitoring:export"), {"tabel": sleutel, "formaat": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert _csv_tabel(response.content) == tabel_uit_html(scherm, sleutel), sleutel


def test_xlsx_gelijk_aan_scherm(client, bm_met_gegevens):
    from openpyxl import load_workbook

    client.force_login(bm_met_gegevens)
    scherm = client.get(reverse("monitoring:dashboard")).content
    response = client.get(reverse("monitoring:export"), {"tabel": "alle", "formaat": "xlsx"})
    assert response.status_code == 200
    boek = load_workbook(io.BytesIO(response.content))
    for blad in boek.worksheets:
        rijen = [list(r) for r in blad.iter_rows(min_row=5, values_only=True)]
        verwacht = tabel_uit_html(scherm, blad.title)
        assert rijen[0] == verwacht[0]
        for rij, scherm_rij in zip(rijen[1:], verwacht[1:], strict=False):
            assert rij[0] == scherm_rij[0]
            for waarde, tekst in zip(rij[1:], scherm_rij[1:], strict=True):
                if isinstance(waarde, int | float):
                    assert Decimal(str(waarde)) == _getal(tekst), (blad.title, rij[0], tekst)
                else:
                    assert waarde == tekst, (blad.title, rij[0])


def test_export_bevat_onderdrukte_cellen_als_tekst(client, bm_met_gegevens):
    client.force_login(bm_met_gegevens)
    response = client.get(reverse("monitoring:export"), {"tabel": "tijdige_start"})
    rijen = _csv_tabel(response.content)
    assert rijen[0] == ["Indicator", "Nederweert", "Weert", "Regio"]
    # Nederweert 3 is <5; Weert 14 is hidden too (×), or 17 − 14 would give Nederweert.
    assert rijen[1] == ["Inburgeringsplichtigen (cohort)", "<5", "×", "17"]
    assert "Definitie:" in response.content.decode("utf-8-sig")


def test_onbekende_tabel_is_404(client, bm_met_gegevens):
    client.force_login(bm_met_gegevens)
    assert client.get(reverse("monitoring:export"), {"tabel": "bsn"}).status_code == 404
    assert client.get(reverse("monitoring:export"), {"formaat": "exe"}).status_code == 404
