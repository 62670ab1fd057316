"""What DUO only accepts in its portal, recorded on the dossier page: each form makes a work
item "Registreren in DUO-portaal" with the data to copy. A fine is checked by the rules engine
first (obligation, PIP, culpability, the statutory maximum)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.services import feit_vastleggen
from regie.integrations.duo.models import Werkitem
from regie.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(
        timezone.datetime(2026, 9, 1, 10, 0, tzinfo=timezone.get_current_timezone())
    ):
        yield


@pytest.fixture
def dossier(weert_oin):
    d = DossierFactory(regie_gemeente=weert_oin, plicht_vanaf=date(2026, 1, 5))
    for soort, datum, gegevens in (
        ("verblijfsrecht_bekendgemaakt", date(2026, 1, 5), {}),
        ("vestiging", date(2026, 3, 1), {"gemeente": "0988"}),
        ("pip_vastgesteld", date(2026, 5, 1), {"leerroute": "b1_route", "niveau": None}),
    ):
        feit_vastleggen(dossier=d, soort=soort, datum=datum, gegevens=gegevens)
    d.refresh_from_db()
    return d


def _post(client, dossier, soort: str, /, token=None, **velden):
    data = {"soort": soort, f"portaal-{soort}-token": str(token or uuid.uuid4())}
    data.update({f"portaal-{soort}-{k}": v for k, v in velden.items()})
    return client.post(reverse("duo:portaal", kwargs={"dossier_id": dossier.pk}), data)


BOETE = {
    "grond": "pip_naleving",
    "besluitdatum": "2026-08-20",
    "bedrag": "250",
    "kenmerk": "WRT/2026/123",
    "verwijtbaar": "on",
}


def _details(item: Werkitem) -> dict[str, str]:
    return {r["label"]: r["waarde"] for r in item.details}


def test_de_dossierpagina_toont_de_vier_portaalformulieren(client, dossier, kr_weert):
    client.force_login(kr_weert)
    pagina = client.get(reverse("duo:dossier", kwargs={"dossier_id": dossier.pk})).content
    for soort in (
        "boete_opgelegd",
        "beschikking_voldaan",
        "verlenging_beoordeling",
        "inspanning_instelling",
    ):
        assert f'id="portaal-{soort}"' in pagina.decode()


def test_boete_wordt_een_werkitem_met_de_gegevens(client, dossier, kr_weert):
    client.force_login(kr_weert)
    antwoord = _post(client, dossier, "boete_opgelegd", **BOETE)
    assert antwoord.status_code == 302, antwoord.content.decode()
    item = Werkitem.objects.get(dossier=dossier)
    assert (item.soort, item.titel) == ("portaal", "Registreren in DUO-portaal: opgelegde boete")
    assert _details(item) == {
        "Dossier": dossier.nummer,
        "Datum besluit": "20 augustus 2026",
        "Bedrag (EUR)": "250,00",
        "Grond (artikel)": "Niet naleven van het PIP (Wi art. 23)",
        "Kenmerk besluit": "WRT/2026/123",
    }
    assert AuditGebeurtenis.objects.filter(
        object_type="duo_werkitem", gegevens__taak="boete_opgelegd"
    ).exists()


def test_dubbel_verzonden_geeft_een_werkitem(client, dossier, kr_weert):
    client.force_login(kr_weert)
    token = uuid.uuid4()
    for _ in range(2):
        assert _post(client, dossier, "boete_opgelegd", token=token, **BOETE).status_code == 302
    assert Werkitem.objects.filter(dossier=dossier).count() == 1


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"bedrag": "800.01"}, "Een boete van het college is ten hoogste € 800"),
        ({"verwijtbaar": ""}, "Zonder verwijtbaarheid geen boete"),
        ({"besluitdatum": "2026-12-01"}, "Deze datum ligt in de toekomst."),
    ],
)
def test_boete_die_de_wet_niet_toelaat_wordt_geweigerd(client, dossier, kr_weert, velden, melding):
    client.force_login(kr_weert)
    antwoord = _post(client, dossier, "boete_opgelegd", **{**BOETE, **velden})
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    assert 'id="portaal-boete_opgelegd" open' in antwoord.content.decode()
    assert not Werkitem.objects.exists()


def test_boete_pip_naleving_zonder_pip_volgens_de_regels(client, weert_oin, kr_weert):
    zonder_pip = DossierFactory(regie_gemeente=weert_oin, plicht_vanaf=date(2026, 1, 5))
    feit_vastleggen(
        dossier=zonder_pip, soort="verblijfsrecht_bekendgemaakt", datum=date(2026, 1, 5)
    )
    client.force_login(kr_weert)
    antwoord = _post(client, zonder_pip, "boete_opgelegd", **BOETE)
    assert antwoord.status_code == 400
    assert "Geen boete mogelijk: zonder PIP is er geen PIP om na te leven" in (
        antwoord.content.decode()
    )
    # The other ground needs no PIP.
    assert (
        _post(
            client, zonder_pip, "boete_opgelegd", **{**BOETE, "grond": "brede_intake"}
        ).status_code
        == 302
    )


def test_beschikking_verlenging_en_inspanning(client, dossier, kr_weert):
    client.force_login(kr_weert)
    assert (
        _post(
            client,
            dossier,
            "beschikking_voldaan",
            datum_voldaan="2026-08-01",
            wijze="Z-route afgerond",
            kenmerk="WRT/V/9",
        ).status_code
        == 302
    )
    assert (
        _post(
            client,
            dossier,
            "verlenging_beoordeling",
            datum_aanvraag="2026-07-01",
            advies="Verlengen",
            grond="Ziekte",
            toelichting="Opname van drie maanden.",
        ).status_code
        == 302
    )
    ongeldig = _post(
        client,
        dossier,
        "inspanning_instelling",
        instellingsnummer="1000000001",
        van="2026-06-01",
        tot="2026-05-01",
        uren="120",
        inspanning="voldoende",
    )
    assert "Het einde van de periode ligt vóór het begin." in ongeldig.content.decode()
    assert (
        _post(
            client,
            dossier,
            "inspanning_instelling",
            instellingsnummer="1000000001",
            van="2026-05-01",
            tot="2026-07-31",
            uren="120",
            inspanning="voldoende",
        ).status_code
        == 302
    )
    items = {
        i.titel.split(": ", 1)[1]: _details(i)
        for i in Werkitem.objects.filter(dossier=dossier, soort="portaal")
    }
    assert (
        items["beschikking voldaan inburgeringsplicht"]["Wijze van voldoen"] == "Z-route afgerond"
    )
    assert items["beoordeling aanvraag verlenging"]["Toelichting"] == "Opname van drie maanden."
    assert items["inspanning inburgeraar bij instelling"] == {
        "Dossier": dossier.nummer,
        "Instellingsnummer": "1000000001",
        "Periode": "01-05-2026 t/m 31-07-2026",
        "Gevolgde uren": "120",
        "Inspanning (voldoende/onvoldoende)": "voldoende",
    }


def test_alleen_met_wijzigrecht_en_eigen_gemeente(client, dossier, kr_nederweert):
    client.force_login(kr_nederweert)
    assert _post(client, dossier, "boete_opgelegd", **BOETE).status_code == 404
    assert not Werkitem.objects.exists()
