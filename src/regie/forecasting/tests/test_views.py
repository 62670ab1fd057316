"""The forecast screens: who sees what, and exports and the council report carry the same
numbers as the screen."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from regie.forecasting.models import PrognoseParameters
from regie.letters.tests.pdftekst import pdf_tekst
from regie.monitoring.tests.hulp import maak_dossier, tabel_uit_html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _peildatum(time_machine):
    time_machine.move_to("2025-06-01 12:00", tick=False)


def _csv_tabel(inhoud: bytes) -> list[list[str]]:
    rijen = list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))
    return [r for r in rijen[rijen.index([]) + 1 :] if len(r) > 1]


PAGINATABELLEN = [
    "deterministisch",
    "taakstelling",
    "instroom",
    "actief",
    "uren",
    "kosten",
    "instroom_per_jaar",
    "per_gemeente",
    "actief_per_route",
    "parameters",
]


@pytest.mark.parametrize("naam", ["prognose", "scenarios", "taakstelling", "parameters"])
def test_beleidsmedewerker_ziet_de_paginas(client, bm_regio, demo, naam):
    client.force_login(bm_regio)
    assert client.get(reverse(f"forecasting:{naam}")).status_code == 200


@pytest.mark.parametrize(
    "naam", ["prognose", "scenarios", "export", "raadsrapport", "taakstelling", "parameters"]
)
def test_klantregisseur_krijgt_403(client, kr_weert, demo, naam):
    client.force_login(kr_weert)
    assert client.get(reverse(f"forecasting:{naam}")).status_code == 403


def test_weert_ziet_alleen_weert(client, bm_weert, demo):
    client.force_login(bm_weert)
    tekst = client.get(reverse("forecasting:prognose")).content.decode()
    assert "Cranendonck" not in tekst and "Nederweert" not in tekst
    tabel = tabel_uit_html(tekst, "deterministisch")
    assert [r[0] for r in tabel[1:]] == ["Weert", "Totaal"]
    assert tabel[-1][5:8] == ["5,85", "23,4", "9,75"]
    assert "Cranendonck" not in client.get(reverse("forecasting:taakstelling")).content.decode()


def test_per_gemeente_en_regio(client, bm_regio, demo):
    client.force_login(bm_regio)
    tabel = tabel_uit_html(client.get(reverse("forecasting:prognose")).content, "per_gemeente")
    assert [r[0] for r in tabel[1:]] == ["Cranendonck", "Nederweert", "Weert", "Regio"]
    assert tabel[0][1:5] == ["Nieuw 2022", "Lopend eind 2022", "Kosten 2022", "Budget 2022"]
    assert tabel[-1][4] == "€ 500.000"  # the region's budget: 120k + 100k + 280k


def test_zonder_parameters_een_duidelijke_melding(client, bm_regio, weert):
    client.force_login(bm_regio)
    tekst = client.get(reverse("forecasting:prognose")).content.decode()
    assert "Er zijn nog geen prognoseparameters vastgelegd" in tekst
    assert client.get(reverse("forecasting:export")).status_code == 404


def test_pagina_toont_waaiergrafieken_zonder_inline_stijl_of_script(client, bm_regio, demo):
    client.force_login(bm_regio)
    tekst = client.get(reverse("forecasting:prognose")).content.decode()
    assert tekst.count('class="beleid-grafiek"') == 4
    assert '<title id="grafiek-actief-titel">' in tekst
    assert "80 %-interval" in tekst and "95 %-interval" in tekst
    inhoud = tekst[tekst.index("<main") :]
    assert "style=" not in inhoud and "<script" not in inhoud and "<style" not in inhoud


def test_exports_gelijk_aan_scherm(client, bm_regio, demo):
    client.force_login(bm_regio)
    scherm = client.get(reverse("forecasting:prognose"), {"gemeente": "0988"}).content
    for sleutel in PAGINATABELLEN:
        response = client.get(
            reverse("forecasting:export"), {"gemeente": "0988", "tabel": sleutel, "formaat": "csv"}
        )
        assert response.status_code == 200, sleutel
        assert _csv_tabel(response.content) == tabel_uit_html(scherm, sleutel), sleutel


def test_xlsx_bevat_alle_tabellen(client, bm_regio, demo):
    from openpyxl import load_workbook

    client.force_login(bm_regio)
    scherm = client.get(reverse("forecasting:prognose")).content
    response = client.get(reverse("forecasting:export"), {"tabel": "alle", "formaat": "xlsx"})
    boek = load_workbook(io.BytesIO(response.content))
    assert set(PAGINATABELLEN) <= set(boek.sheetnames)
    blad = boek["deterministisch"]
    rijen = [list(r) for r in blad.iter_rows(min_row=5, values_only=True)]
    assert rijen[-1] == ["Totaal", 70, 70, 140, 70, 10.5, 42, 17.5, 26]
    assert tabel_uit_html(scherm, "deterministisch")[-1][5] == "10,5"


def test_scenarios_naast_elkaar_en_export(client, bm_regio, demo):
    client.force_login(bm_regio)
    scherm = client.get(reverse("forecasting:scenarios")).content
    tabel = tabel_uit_html(scherm, "scenarios")
    assert tabel[0][1:] == [
        "Basis: mediaan",
        "Basis: 80 %-interval",
        "Taakstelling +30 %: mediaan",
        "Taakstelling +30 %: 80 %-interval",
        "Meer Z-route: mediaan",
        "Meer Z-route: 80 %-interval",
    ]
    export = client.get(reverse("forecasting:export"), {"tabel": "scenarios"})
    assert _csv_tabel(export.content) == tabel


def _zonder_witruimte(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def test_raadsrapport_bevat_de_getallen_van_het_scherm(client, bm_regio, demo, weert):
    for _ in range(6):
        maak_dossier(weert, plicht_vanaf=date(2024, 2, 1))
    client.force_login(bm_regio)
    prognose = client.get(reverse("forecasting:prognose")).content
    dashboard = client.get(reverse("monitoring:dashboard")).content
    response = client.get(reverse("forecasting:raadsrapport"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    tekst = _zonder_witruimte(pdf_tekst(response.content))
    controles = [
        *tabel_uit_html(prognose, "deterministisch")[1:],  # 10,5 / 42 / 17,5 …
        *tabel_uit_html(prognose, "kosten")[1:],  # the forecast's cost bands and budget
        tabel_uit_html(dashboard, "tijdige_start")[1],  # a KPI row
        tabel_uit_html(prognose, "parameters")[1],  # the parameter version used
    ]
    for rij in controles:
        assert _zonder_witruimte("".join(rij)) in tekst, rij
    versie = PrognoseParameters.objects.get().versie
    assert f"Gebruikteparameters(versie{versie})" in tekst
