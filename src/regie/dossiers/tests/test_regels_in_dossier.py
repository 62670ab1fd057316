"""The dossier page, the API and the command show the same conclusions for the same facts."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from regie.core.models import RegelParameter
from regie.dossiers import regels, selectors
from regie.rules.cli import main as rules_main
from regie.tests.factories import DossierFactory, TijdlijnFeitFactory

SCENARIO_01 = [
    ("verblijfsrecht_bekendgemaakt", date(2024, 2, 5), {}),
    ("koppeling", date(2024, 3, 1), {"gemeente": "0988"}),
    ("vestiging", date(2024, 5, 1), {"gemeente": "0988"}),
    ("duo_gebeurtenis", date(2024, 5, 2), {"code": "SS139"}),
]


@pytest.fixture
def dossier_01(weert):
    dossier = DossierFactory(regie_gemeente=weert, inburgeraar__geboortedatum=date(1999, 4, 12))
    for soort, datum, gegevens in SCENARIO_01:
        TijdlijnFeitFactory(dossier=dossier, soort=soort, datum=datum, gegevens=gegevens)
    TijdlijnFeitFactory(dossier=dossier, soort="dossier_aangemaakt", datum=date(2024, 3, 1))
    return dossier


def _cli(invoer: dict, tmp_path: Path) -> dict:
    pad = tmp_path / "invoer.json"
    pad.write_text(json.dumps(invoer))
    uit = io.StringIO()
    with redirect_stdout(uit):
        assert rules_main(["evaluate", str(pad)]) == 0
    return json.loads(uit.getvalue())


@time_machine.travel(date(2024, 6, 1), tick=False)
def test_dossierpagina_toont_dezelfde_termijn_als_het_commando(
    client, kr_weert, dossier_01, tmp_path
):
    invoer = regels.invoer_voor(dossier_01, selectors.tijdlijn(dossier_01), date(2024, 6, 1))
    assert "dossier_aangemaakt" not in {g["type"] for g in invoer["gebeurtenissen"]}
    commando = _cli(invoer, tmp_path)
    assert commando["conclusies"]["pip_uiterlijk"] == "2024-07-11"

    client.force_login(kr_weert)
    html = client.get(reverse("dossiers:detail", kwargs={"dossier_id": dossier_01.pk}))
    rijen = {r["sleutel"]: r for r in html.context["conclusies"]}
    assert rijen["pip_uiterlijk"]["tekst"] == "11 juli 2024"
    assert "11 juli 2024" in html.content.decode()
    grondslag = rijen["pip_uiterlijk"]["grondslagen"][0]
    assert grondslag.als_json() == commando["grondslagen"]["pip_uiterlijk"][0]
    assert f"artikel {grondslag.artikel}" in html.content.decode()
    assert rijen["pip_uiterlijk"]["trace"]

    api = APIClient()
    api.force_authenticate(kr_weert)
    via_api = api.get(reverse("api:dossier-conclusies", kwargs={"dossier_id": dossier_01.pk}))
    assert via_api.json()["conclusies"] == commando["conclusies"]


def test_regels_evaluatie_api_volgt_het_contract(kr_weert):
    api = APIClient()
    api.force_authenticate(kr_weert)
    scenario = Path(__file__).resolve().parents[5] / "shared/domain/scenarios"
    invoer = json.loads((scenario / "01-asiel-weert-voor-pip.json").read_text())
    verwacht = json.loads((scenario / "01-asiel-weert-voor-pip.expected.json").read_text())
    body = api.post(reverse("api:regels-evaluatie"), invoer, format="json").json()
    for sleutel, waarde in verwacht["conclusies"].items():
        assert body["conclusies"][sleutel] == waarde


def test_regels_evaluatie_foute_invoer_noemt_het_veld(kr_weert):
    api = APIClient()
    api.force_authenticate(kr_weert)
    response = api.post(reverse("api:regels-evaluatie"), {"persoon": {}}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"][0]["name"] == "peildatum"


def _talk_dossier(gemeente, pip_datum: date):
    dossier = DossierFactory(regie_gemeente=gemeente, inburgeraar__geboortedatum=date(1990, 1, 1))
    for soort, datum, gegevens in [
        ("verblijfsrecht_bekendgemaakt", date(2024, 1, 5), {}),
        ("vestiging", date(2024, 3, 1), {"gemeente": gemeente.cbs_code}),
        ("duo_gebeurtenis", date(2024, 3, 5), {"code": "SS139"}),
        ("pip_vastgesteld", pip_datum, {"leerroute": "b1_route", "niveau": "B1"}),
    ]:
        TijdlijnFeitFactory(dossier=dossier, soort=soort, datum=datum, gegevens=gegevens)
    return dossier


def test_gemeentelijk_beleid_drie_gesprekken_vanaf_ingangsdatum(weert, nederweert):
    """A parameter change alters the outcome without a code change, from its date on, and only
    in the municipality that made it."""
    RegelParameter.objects.create(
        gemeente=weert,
        naam="voortgangsgesprekken_aantal",
        waarde=3,
        geldig_vanaf=date(2025, 1, 1),
        toelichting="Beleidsregel Weert 2025",
    )
    na = _talk_dossier(weert, date(2025, 3, 1))
    voor = _talk_dossier(weert, date(2024, 5, 1))
    elders = _talk_dossier(nederweert, date(2025, 3, 1))

    def vereist(dossier) -> int:
        uitkomst = regels.conclusies_voor(
            dossier, selectors.tijdlijn(dossier), peildatum=date(2025, 12, 1)
        )
        return uitkomst.als_json()["conclusies"]["voortgangsgesprekken"]["vereist"]

    assert vereist(na) == 3
    assert vereist(voor) == 2
    assert vereist(elders) == 2


def test_beheerder_legt_parameter_vast_met_controle(client, weert):
    from regie.tests.factories import GebruikerFactory

    beheerder = GebruikerFactory(rollen=[("functioneel_beheerder", weert)])
    client.force_login(beheerder)
    url = reverse("beheer:regelparameters")
    data = {
        "gemeente": weert.pk,
        "naam": "voortgangsgesprekken_aantal",
        "waarde": 3,
        "geldig_vanaf": "2025-01-01",
        "toelichting": "Beleidsregel 2025",
    }
    assert client.post(url, data).status_code == 302
    assert RegelParameter.objects.get().waarde == 3
    response = client.post(url, {**data, "waarde": -1})
    assert response.status_code == 200
    assert RegelParameter.objects.count() == 1
