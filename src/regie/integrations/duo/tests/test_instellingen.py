"""DUO's list of recognised institutions: fetched into Regie (over HTTP, checked against the
spec), refreshed by the worker when due, chosen from in the course-offer form, and deciding
beforehand whether DUO would accept the institution (BoW keurmerk, or TST in the
onderwijsroute)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from regie.dossiers.services import feit_vastleggen
from regie.integrations.duo import conf, instellingen, outbox
from regie.integrations.duo.models import Instelling, OutboxBericht
from regie.integrations.duo.outbox import VoorafGeweigerd
from regie.integrations.duo.simulator import app as simulator_app
from regie.integrations.duo.worker import Worker
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db
BSN = "999000011"
BOW, TST, GEEN = "1000000001", "1000000002", "1000000003"


def _haal(clients, weert_oin):
    return instellingen.verversen(clients(weert_oin))


def test_de_lijst_van_duo_komt_in_regie(clients, contract, weert_oin):
    telling = _haal(clients, weert_oin)
    assert telling == {"nieuw": 3, "gewijzigd": 0, "vervallen": 0, "totaal": 3}
    kempen = Instelling.objects.get(instellingsnummer=BOW)
    assert (kempen.naam, kempen.plaatsnaam, kempen.bow_keurmerk, kempen.tst_keurmerk) == (
        "Taalschool Kempen",
        "Weert",
        True,
        False,
    )
    assert Instelling.objects.get(instellingsnummer=TST).tst_keurmerk


def test_verversen_past_aan_en_bewaart_wat_uit_de_lijst_verdween(
    clients, contract, weert_oin, monkeypatch
):
    _haal(clients, weert_oin)
    nieuw = [dict(i) for i in simulator_app.INSTELLINGEN if i["instellingsnummer"] != GEEN]
    nieuw[0]["plaatsnaam"] = "Nederweert"
    monkeypatch.setattr(simulator_app, "INSTELLINGEN", nieuw)
    telling = _haal(clients, weert_oin)
    assert telling == {"nieuw": 0, "gewijzigd": 1, "vervallen": 1, "totaal": 2}
    assert Instelling.objects.get(instellingsnummer=BOW).plaatsnaam == "Nederweert"
    weg = Instelling.objects.get(instellingsnummer=GEEN)
    assert not weg.in_lijst  # kept for earlier offers, no longer offered
    assert instellingen.erkend(GEEN) is None


def test_alleen_verversen_als_het_tijd_is(clients, weert_oin):
    nu = timezone.now()
    assert instellingen.verversen_indien_nodig(clients, nu=nu)["totaal"] == 3
    assert instellingen.verversen_indien_nodig(clients, nu=nu + timedelta(hours=1)) is None
    later = nu + timedelta(hours=conf.INSTELLINGEN_UREN + 1)
    assert instellingen.verversen_indien_nodig(clients, nu=later) is not None
    assert instellingen.laatst_opgehaald() == later


def test_de_worker_haalt_de_lijst_en_overleeft_een_onbereikbare_duo(
    clients, weert_oin, monkeypatch, caplog
):
    Worker(clients=clients, instellingen_verversen=True).ronde()
    assert Instelling.objects.count() == 3
    Instelling.objects.all().delete()
    monkeypatch.setattr(conf, "BASIS_URL", "http://127.0.0.1:9")
    with caplog.at_level(logging.WARNING, logger="regie.integrations.duo.worker"):
        Worker(instellingen_verversen=True).ronde()  # the default clients: DUO unreachable
    assert "DUO-instellingen niet opgehaald" in caplog.text
    assert not Instelling.objects.exists()
    Worker(clients=clients).ronde()  # tests and benchmarks: no fetch unless asked
    assert not Instelling.objects.exists()


def test_commando_haalt_de_lijst_nu(sim_url, weert_oin, capsys):
    call_command("duo-instellingen")
    assert "3 erkende instellingen: 3 nieuw" in capsys.readouterr().out


# --- Course offer -----------------------------------------------------------------------------
@pytest.fixture
def dossier_met_pip(weert_oin):
    dossier = DossierFactory(
        regie_gemeente=weert_oin, inburgeraar__bsn=BSN, plicht_vanaf=date(2026, 1, 5)
    )
    for soort, datum, gegevens in (
        ("verblijfsrecht_bekendgemaakt", date(2026, 1, 5), {}),
        ("vestiging", date(2026, 3, 1), {"gemeente": "0988"}),
        ("pip_vastgesteld", date(2026, 5, 1), {"leerroute": "b1_route", "niveau": None}),
    ):
        feit_vastleggen(dossier=dossier, soort=soort, datum=datum, gegevens=gegevens)
    dossier.refresh_from_db()
    return dossier


def _aanbod(dossier, kr, instellingsnummer, keurmerk=False):
    return outbox.plaats(
        dossier=dossier,
        soort="aanbod",
        gegevens={"instellingsnummer": instellingsnummer, "keurmerk": keurmerk},
        door=kr,
    )


def test_de_lijst_beslist_over_het_keurmerk(clients, weert_oin, dossier_met_pip, kr_weert):
    _haal(clients, weert_oin)
    # Ticked "keurmerk" by hand, but DUO's list says otherwise.
    with pytest.raises(VoorafGeweigerd) as fout:
        _aanbod(dossier_met_pip, kr_weert, GEEN, keurmerk=True)
    assert [w.code for w in fout.value.weigeringen] == ["GEEN_KEURMERK"]
    with pytest.raises(VoorafGeweigerd) as fout:
        _aanbod(dossier_met_pip, kr_weert, "9999999999", keurmerk=True)
    assert {w.code for w in fout.value.weigeringen} == {"INSTELLING_NIET_ERKEND", "GEEN_KEURMERK"}
    # A TST institution counts in the onderwijsroute only.
    with pytest.raises(VoorafGeweigerd):
        _aanbod(dossier_met_pip, kr_weert, TST)
    assert _aanbod(dossier_met_pip, kr_weert, BOW).gegevens["keurmerk"] is True


def test_tst_telt_in_de_onderwijsroute(clients, weert_oin, dossier_met_pip, kr_weert):
    _haal(clients, weert_oin)
    feit_vastleggen(
        dossier=dossier_met_pip,
        soort="pip_vastgesteld",
        datum=date(2026, 5, 10),
        gegevens={"leerroute": "onderwijsroute", "niveau": None},
    )
    assert _aanbod(dossier_met_pip, kr_weert, TST).gegevens["keurmerk"] is True


def test_formulier_kiest_uit_de_lijst(client, clients, weert_oin, dossier_met_pip, kr_weert):
    client.force_login(kr_weert)
    status = reverse("duo:dossier", kwargs={"dossier_id": dossier_met_pip.pk})
    zonder = client.get(status).content.decode()
    assert 'name="aanbod-instellingsnummer"' in zonder  # no list yet: typed by hand
    assert "nog niet bij DUO opgehaald" in zonder

    _haal(clients, weert_oin)
    met = client.get(status).content.decode()
    assert 'name="aanbod-instellingsnummer"' not in met
    assert "Taalschool Kempen, Weert (1000000001; BoW)" in met
    assert "Cursushuis Zonder Keurmerk" in met  # listed; the list says it does not count
    kempen = Instelling.objects.get(instellingsnummer=BOW)
    antwoord = client.post(
        reverse("duo:vastleggen", kwargs={"dossier_id": dossier_met_pip.pk}),
        {
            "soort": "aanbod",
            "aanbod-versie": dossier_met_pip.versie,
            "aanbod-instelling": kempen.pk,
            "aanbod-alfabetisering": "NVT",
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()
    levering = OutboxBericht.objects.get(dossier=dossier_met_pip)
    assert levering.pad == {"instellingsnummer": BOW}
    assert levering.gegevens["keurmerk"] is True


def test_monitor_toont_de_lijst(client, clients, weert_oin):
    client.force_login(GebruikerFactory(rollen=[("functioneel_beheerder", weert_oin)]))
    assert "nog niet bij DUO opgehaald" in client.get(reverse("duo:monitor")).content.decode()
    _haal(clients, weert_oin)
    assert (
        "3 instellingen in de lijst van DUO" in client.get(reverse("duo:monitor")).content.decode()
    )
