"""The dashboard per subgoal: numbers from the dossiers' stored facts, scoping to the policy
officer's municipalities, nothing individual on the page, a fixed number of queries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from regie.monitoring import selectors
from regie.monitoring.indicatoren import bouw_dashboard
from regie.monitoring.tests.hulp import maak_dossier, tabel_uit_html, tel_queries

PEILDATUM = date(2025, 6, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _peildatum(time_machine):
    time_machine.move_to(f"{PEILDATUM.isoformat()} 12:00", tick=False)


def _rij(tabel: list[list[str]], label: str) -> list[str]:
    return next(r[1:] for r in tabel if r[0] == label)


@pytest.fixture
def weert_twaalf(weert):
    """12 dossiers in Weert, cohort 2024: intake 60…115 days after koppeling, PIP 20 days
    later. The stored PIP deadline says 6 are on time and 6 late — a deadline recomputed as
    vestiging + 10 weeks (2024-05-10) would call all of them on time."""
    dossiers = []
    for i in range(12):
        koppeling = date(2024, 1, 10)
        intake = koppeling + timedelta(days=60 + 5 * i)
        pip = intake + timedelta(days=20)
        uiterlijk = pip + timedelta(days=1) if i < 6 else pip - timedelta(days=1)
        dossiers.append(
            maak_dossier(
                weert,
                koppeling=koppeling,
                vestiging=date(2024, 3, 1),
                intake=intake,
                pip=pip,
                pip_uiterlijk=uiterlijk,
                leerroute="b1_route" if i < 6 else "onderwijsroute",
            )
        )
    return dossiers


def test_tijdige_start_uit_de_opgeslagen_feiten(client, bm_weert, weert_twaalf):
    client.force_login(bm_weert)
    html = client.get(reverse("monitoring:dashboard")).content
    tabel = tabel_uit_html(html, "tijdige_start")
    assert tabel[0] == ["Indicator", "Weert"]  # one municipality: no region column
    assert _rij(tabel, "Inburgeringsplichtigen (cohort)") == ["12"]
    assert _rij(tabel, "PIP vastgesteld") == ["12"]
    # Intake after 60, 65, …, 115 days: the median of 12 values is (85 + 90) / 2.
    assert _rij(tabel, "Mediaan dagen koppeling → brede intake afgerond") == ["87,5"]
    assert _rij(tabel, "Mediaan dagen brede intake → PIP vastgesteld") == ["20"]
    assert _rij(tabel, "Mediaan dagen koppeling → PIP vastgesteld") == ["107,5"]
    # On time by the stored Dossier.pip_uiterlijk, never recomputed: 6 of 12.
    assert _rij(tabel, "waarvan vastgesteld op of vóór die datum") == ["6"]
    assert _rij(tabel, "Aandeel PIP binnen de termijn (10 weken)") == ["50 %"]


def test_mediaan_exact_uit_gegroepeerde_dagen():
    assert selectors.mediaan({85: 1, 90: 1}) == 87.5
    assert selectors.mediaan({3: 2, 10: 1}) == 3
    assert selectors.mediaan({}) is None


def test_routeverdeling_naast_prognose_en_ministerie(client, bm_weert, weert_twaalf):
    client.force_login(bm_weert)
    html = client.get(reverse("monitoring:dashboard")).content
    maatwerk = tabel_uit_html(html, "maatwerk")
    assert _rij(maatwerk, "B1-route") == ["6"]
    assert _rij(maatwerk, "Onderwijsroute") == ["6"]
    assert _rij(maatwerk, "Z-route") == ["0"]
    assert _rij(maatwerk, "Aandeel B1-route") == ["50 %"]
    vergelijking = tabel_uit_html(html, "routeverdeling")
    assert vergelijking[-1] == ["Ministerie (15/60/25)", "15 %", "60 %", "25 %"]


def test_cbs_definities_worden_genoemd(client, bm_weert, weert_twaalf):
    client.force_login(bm_weert)
    tekst = client.get(reverse("monitoring:dashboard")).content.decode()
    assert "CBS Statistiek Wet Inburgering" in tekst
    assert "cohort = jaar waarin de inburgeringsplicht begon" in tekst
    assert "Dossier.pip_uiterlijk" in tekst


def test_niet_gemeten_staat_er_eerlijk(client, bm_weert, weert_twaalf):
    client.force_login(bm_weert)
    tekst = client.get(reverse("monitoring:dashboard")).content.decode()
    # Dualiteit and the deviation from the route advice are measured (test_elders); without
    # intakes or PIPs their tables show zeros, not "not measured".
    assert 'id="tabel-dualiteit"' in tekst
    assert 'id="tabel-route_afwijking"' in tekst
    assert tekst.count("nog niet gemeten") >= 2  # uren, handhaving
    assert "Er zijn nog geen urenregistraties" in tekst


def test_kwaliteit_gemeten_zodra_er_uren_zijn(client, bm_weert, weert):
    for i in range(6):
        maak_dossier(weert, uren=((date(2024, 6, 1), 10.0, True), (date(2024, 7, 1), 5.0, i < 3)))
    client.force_login(bm_weert)
    tabel = tabel_uit_html(client.get(reverse("monitoring:dashboard")).content, "kwaliteit")
    assert _rij(tabel, "Gevolgde uren") == ["90"]
    assert _rij(tabel, "waarvan bij een aanbieder met keurmerk") == ["75"]
    assert _rij(tabel, "Aandeel uren met keurmerk") == ["83 %"]


def test_beleidsmedewerker_weert_ziet_alleen_weert(client, bm_weert, weert, nederweert):
    for _ in range(6):
        maak_dossier(weert)
    for _ in range(9):
        maak_dossier(nederweert)
    client.force_login(bm_weert)
    tekst = client.get(reverse("monitoring:dashboard")).content.decode()
    assert "Nederweert" not in tekst
    assert _rij(tabel_uit_html(tekst, "tijdige_start"), "Inburgeringsplichtigen (cohort)") == ["6"]
    # Asking for another municipality's column gives nothing of it.
    tekst = client.get(reverse("monitoring:dashboard"), {"gemeente": "0946"}).content.decode()
    assert "Nederweert" not in tekst


def test_regio_telt_alleen_gemeenten_met_recht(client, bm_twee, weert, nederweert, cranendonck):
    for gemeente, n in ((weert, 7), (nederweert, 8), (cranendonck, 30)):
        for _ in range(n):
            maak_dossier(gemeente)
    client.force_login(bm_twee)
    tekst = client.get(reverse("monitoring:dashboard")).content.decode()
    tabel = tabel_uit_html(tekst, "tijdige_start")
    assert tabel[0] == ["Indicator", "Nederweert", "Weert", "Regio"]
    assert _rij(tabel, "Inburgeringsplichtigen (cohort)") == ["8", "7", "15"]
    assert "Cranendonck" not in tekst


def test_kleine_gemeente_onderdrukt_in_tabel_en_grafiek(client, bm_twee, weert, nederweert):
    for _ in range(2):
        maak_dossier(nederweert)
    for _ in range(20):
        maak_dossier(weert)
    client.force_login(bm_twee)
    tekst = client.get(reverse("monitoring:dashboard")).content.decode()
    tabel = tabel_uit_html(tekst, "tijdige_start")
    nederweert_cel, weert_cel, regio_cel = _rij(tabel, "Inburgeringsplichtigen (cohort)")
    assert nederweert_cel == "<5"
    # The region total minus Weert would give Nederweert: one of them is hidden as well.
    assert "×" in (weert_cel, regio_cel)
    grafiek = tekst[tekst.index('id="grafiek-verdeling-koppeling-pip-titel"') :]
    grafiek = grafiek[: grafiek.index("</svg>")]
    assert "&lt;5" in grafiek


def test_geen_naam_bsn_of_dossierlink_op_de_pagina(client, bm_regio, weert, nederweert):
    dossiers = [maak_dossier(weert) for _ in range(6)] + [maak_dossier(nederweert)]
    client.force_login(bm_regio)
    for url in (reverse("monitoring:dashboard"), reverse("monitoring:export")):
        tekst = client.get(url).content.decode()
        assert "/dossiers/" not in tekst
        for d in dossiers:
            persoon = d.inburgeraar
            for gevoelig in (
                persoon.bsn,
                persoon.achternaam,
                persoon.voornamen,
                d.nummer,
                str(d.pk),
            ):
                assert gevoelig not in tekst


def test_beleidsmedewerker_opent_geen_dossier(client, bm_weert, weert):
    dossier = maak_dossier(weert)
    client.force_login(bm_weert)
    assert client.get(reverse("dossiers:detail", args=[dossier.pk])).status_code == 403
    assert client.get(reverse("dossiers:caseload")).status_code == 403


def test_klantregisseur_ziet_geen_dashboard(client, kr_weert):
    client.force_login(kr_weert)
    assert client.get(reverse("monitoring:dashboard")).status_code == 403
    assert client.get(reverse("monitoring:export")).status_code == 403


def test_cohortfilter(client, bm_weert, weert):
    for _ in range(5):
        maak_dossier(weert, plicht_vanaf=date(2023, 3, 1))
    for _ in range(7):
        maak_dossier(weert, plicht_vanaf=date(2024, 3, 1))
    client.force_login(bm_weert)
    tekst = client.get(reverse("monitoring:dashboard"), {"cohort": "2024"}).content
    assert _rij(tabel_uit_html(tekst, "tijdige_start"), "Inburgeringsplichtigen (cohort)") == ["7"]
    cohorten = tabel_uit_html(tekst, "cohorten")
    assert [r[:2] for r in cohorten[1:]] == [
        ["Cohort 2023", "5"],
        ["Cohort 2024", "7"],
        ["Alle cohorten", "12"],
    ]


@pytest.mark.parametrize("aantal", [3, 25])
def test_aantal_queries_vast_en_hoogstens_acht(client, bm_regio, weert, nederweert, aantal):
    for i in range(aantal):
        maak_dossier(weert if i % 2 else nederweert, gesprekken=(date(2024, 8, 1),))
    client.force_login(bm_regio)
    client.get(reverse("monitoring:dashboard"))  # warm: session, content types
    response, queries = tel_queries(lambda: client.get(reverse("monitoring:dashboard")))
    assert response.status_code == 200
    assert len(queries) <= 8, "\n".join(q[:90] for q in queries)


def test_selectors_een_query_voor_alle_cijfers(bm_regio, weert):
    for _ in range(10):
        maak_dossier(weert)
    gemeenten = selectors.gemeenten_in_beeld(bm_regio)
    groepen, queries = tel_queries(
        lambda: selectors.groepen(bm_regio, selectors.DashboardFilter(), gemeenten)
    )
    # One query reads the data.
    assert len(queries) == 1
    dashboard = bouw_dashboard(groepen, cohort=None, prognose_verdeling=None)
    assert "tijdige_start" in dashboard.tabellen


def test_grafieken_svg_zonder_inline_stijl_of_script(client, bm_regio, weert, nederweert):
    for i in range(12):
        maak_dossier(weert if i % 2 else nederweert)
    client.force_login(bm_regio)
    tekst = client.get(reverse("monitoring:dashboard")).content.decode()
    inhoud = tekst[tekst.index("<main") :]
    assert "style=" not in inhoud and "<script" not in inhoud and "<style" not in inhoud
    assert inhoud.count('role="img"') == 5
    for svg in inhoud.split("<svg")[1:]:
        assert "<title id=" in svg and "<desc id=" in svg  # an accessible name and description


def test_leerroute_telling_voor_de_kalibratie(bm_twee, weert, nederweert, cranendonck):
    """The forecast calibrates on the first PIP's route of the officer's own municipalities;
    dossiers without a PIP, other target groups and other municipalities do not count."""
    for route in ("z_route", "b1_route", "b1_route"):
        maak_dossier(weert, leerroute=route)
    maak_dossier(nederweert, leerroute="onderwijsroute")
    maak_dossier(weert, intake=None, pip=None)
    maak_dossier(weert, leerroute="z_route", doelgroep="gezinsmigrant_overig")
    maak_dossier(cranendonck, leerroute="z_route")  # not bm_twee's
    assert selectors.leerroute_telling(bm_twee) == {
        "z_route": 1,
        "b1_route": 2,
        "onderwijsroute": 1,
    }
    assert selectors.leerroute_telling(bm_twee, frozenset({nederweert.pk})) == {"onderwijsroute": 1}
