"""The simulator's state file (``regie duo-simulator --staat``): everything round-trips, a
restarted simulator continues where the previous one stopped (persons, PIPs, berichtIds,
queued notifications, the scenario), and a file it cannot use is refused with a clear message."""

from __future__ import annotations

import importlib
import json
import uuid
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from regie.integrations.duo import conf
from regie.integrations.duo.simulator import ASIEL, GEZIN_OVERIG, Simulator
from regie.integrations.duo.simulator.opslag import VERSIE, StaatOnleesbaar, naar_json
from regie.integrations.duo.simulator.scenario import leven
from regie.integrations.duo.simulator.server import bezorg, start
from regie.integrations.duo.simulator.staat import Termijn, Voortgang
from regie.integrations.duo.tests.conftest import GEHEIM, django_verzender

WEERT = "00000001001234567000"
NEDERWEERT = "00000001001234568000"
BSN = "999000011"
BSN_GEZIN = "999000023"
VANDAAG = date(2026, 6, 1)
PIP_PAD = f"/v1/personen/{BSN}/PIP"
UREN_PAD = f"/v1/personen/{BSN}/uren/participatietaalles"

commando = importlib.import_module("regie.integrations.duo.management.commands.duo-simulator")


@pytest.fixture
def bestand(tmp_path):
    return tmp_path / "var" / "duo-simulator.json"


def simulator(bestand=None) -> Simulator:
    return Simulator(
        duo_oin=conf.DUO_OIN,
        gemeenten={WEERT: "0988", NEDERWEERT: "0946"},
        klok=lambda: VANDAAG,
        bestand=bestand,
    )


def vraag(sim, methode, pad, body=None, *, bron=WEERT, bericht_id=None):
    headers = {
        "bron": bron,
        "doel": conf.DUO_OIN,
        "berichtId": bericht_id or str(uuid.uuid4()),
        "API-Version": "1.2.0",
    }
    ruw = json.dumps(body).encode() if body is not None else b""
    return sim.behandel(methode, pad, headers, ruw)


def pip(dagtekening: date, leerroute: str = "B", **extra) -> dict:
    return {"dagtekeningPip": dagtekening.isoformat(), "leerroute": leerroute, **extra}


def _vol(sim: Simulator) -> None:
    """Every kind of content the simulator keeps, most of it through its API."""
    persoon = sim.persoon(
        BSN, WEERT, plicht_begin=date(2026, 3, 1), vestiging=date(2026, 4, 1), doelgroep=ASIEL
    )
    ok = vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1), geschatteIntensiteitB1Route=600))
    assert ok.status == 201
    tweede = pip(
        date(2026, 5, 10),
        niveau="B1",
        indicatorMagOpleidingAfmaken=True,
        indicatorAlfabetiseringsonderwijs="NVT",
    )
    assert vraag(sim, "POST", PIP_PAD, tweede).status == 201
    assert vraag(sim, "PUT", UREN_PAD, {"uren": 40}).status == 200
    aanbod = f"/v1/personen/{BSN}/Inburgeringsaanbod/1000000001"
    body = {"indicatorAlfabetiseringsonderwijs": "A", "datumInburgeringsaanbod": "2026-05-15"}
    assert vraag(sim, "POST", aanbod, body).status == 201
    pvt = {"datumOndertekeningPvt": "2026-05-20"}
    assert vraag(sim, "PUT", f"/v1/personen/{BSN}/pvt", pvt).status == 200
    contact = {"naam": "Jan de Vries", "email": "jan@weert.nl", "telefoonnummer": "0495575000"}
    nummer = vraag(sim, "POST", "/v1/contactpersonen", contact).body["id"]
    assert vraag(sim, "POST", f"/v1/contactpersonen/{nummer}/personen/{BSN}").status == 201
    vraag(sim, "POST", "/v1/contactpersonen", {**contact, "naam": "Piet Jansen"}, bron=NEDERWEERT)
    assert vraag(sim, "GET", f"/v1/personen/{BSN}/onbekend").status == 404  # not logged
    herhaald = str(uuid.uuid4())
    vraag(sim, "GET", f"/v1/personen/{BSN}/PIP", bericht_id=herhaald)
    vraag(sim, "GET", f"/v1/personen/{BSN}/PIP", bericht_id=herhaald)
    with sim.staat.wijziging():
        persoon.examennummer = "LBT000011"
        persoon.lbt.append({"resultaat": "B1-route haalbaar", "datumAfname": "2026-04-10"})
        persoon.examens.append(
            {"examendatum": "2026-05-30", "resultaat": "Gezakt", "onderdeel": "LE", "niveau": "B1"}
        )
        persoon.vrijstellingen.append({"onderdeel": "KNM", "datum": "2026-05-02"})
        persoon.ontheffingen.append({"soort": "medisch", "datum": "2026-05-03"})
        persoon.map = {"datum": "2026-05-21", "verwijtbaar": None, "gemeente_oin": WEERT}
        persoon.historie_plicht.append({"indicatorInburgeringsplicht": True, "begindatum": "x"})
        persoon.historie_doelgroep.append({"indeling": GEZIN_OVERIG, "begindatum": "2026-01-01"})
        assert persoon.termijn is not None
        persoon.termijn.grondcode = "1"
        persoon.termijn.grondomschrijving = "Ziekte"
        persoon.termijn.historie.append({"startdatum": "2026-05-02", "einddatum": "2029-05-02"})
        gezin = sim.persoon(BSN_GEZIN, "00000001009999999000", doelgroep=GEZIN_OVERIG)
        gezin.plicht = False
        gezin.plicht_einde = date(2026, 5, 31)
        gezin.reden_geen_plicht = "Verhuisd naar het buitenland"
        gezin.zroute = date(2026, 5, 30)
        sim.notificeer(BSN_GEZIN, "SS110")
        sim.staat.uitgaand[0].bezorgd = True
        sim.staat.uitgaand[0].pogingen = 3
        sim.staat.scenarios[BSN] = ["SS101 inburgeringsplichtig"]
        sim.staat.voortgang[BSN] = Voortgang("leven", ["SS101"])


# --- round trip ------------------------------------------------------------------------------
def test_alles_komt_heel_terug(bestand):
    eerste = simulator(bestand)
    _vol(eerste)
    tweede = simulator(bestand)

    a, b = eerste.staat, tweede.staat
    assert b.personen == a.personen
    assert b.contactpersonen == a.contactpersonen and len(b.contactpersonen) == 2
    assert b.volgend_contact_id == a.volgend_contact_id == 3
    assert b.berichten == a.berichten
    assert b.ontvangen == a.ontvangen
    assert [o.herhaling for o in b.ontvangen][-2:] == [False, True]
    assert b.uitgaand == a.uitgaand
    assert (b.uitgaand[0].bezorgd, b.uitgaand[0].pogingen) == (True, 3)
    assert b.scenarios == a.scenarios and b.voortgang == a.voortgang
    assert b.gemeenten == a.gemeenten and "00000001009999999000" in b.gemeenten
    assert naar_json(b) == naar_json(a)

    # The same types, not strings that look like them.
    persoon = b.personen[BSN]
    assert type(persoon.plicht_begin) is date and type(persoon.kennisgeving) is date
    assert type(persoon.pips[0].dagtekening) is date
    assert persoon.pips[0].intensiteit == 600 and persoon.pips[1].mag_afmaken is True
    assert isinstance(persoon.termijn, Termijn) and type(persoon.termijn.einddatum) is date
    assert type(b.personen[BSN_GEZIN].zroute) is date
    assert b.personen[BSN_GEZIN].doelgroep_begin is not None
    assert isinstance(b.ontvangen[0].tijdstip, datetime) and b.ontvangen[0].tijdstip.tzinfo
    antwoord = next(iter(b.berichten.values()))
    assert antwoord.headers == (("API-Version", "1.2.0"),)

    # In the file: a version, ISO dates.
    data = json.loads(bestand.read_text())
    assert data["versie"] == VERSIE == 1
    assert data["personen"][0]["pips"][0]["dagtekening"] == "2026-05-01"
    datetime.fromisoformat(data["ontvangen"][0]["tijdstip"])


def test_zonder_bestand_alleen_in_het_geheugen(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sim = simulator()
    _vol(sim)
    assert sim.staat.bewaarder is None
    assert list(tmp_path.iterdir()) == []


def test_elk_verzoek_wordt_meteen_bewaard_en_atomair_vervangen(bestand):
    sim = simulator(bestand)
    assert json.loads(bestand.read_text())["personen"] == []  # written at start
    sim.persoon(BSN, WEERT, plicht_begin=date(2026, 3, 1), vestiging=date(2026, 4, 1))
    assert vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1))).status == 201
    data = json.loads(bestand.read_text())
    assert len(data["personen"][0]["pips"]) == 1
    assert [n["body"]["gebeurtenisId"] for n in data["uitgaand"]] == ["SS102"]
    assert sorted(p.name for p in bestand.parent.iterdir()) == ["duo-simulator.json"]


# --- restart ---------------------------------------------------------------------------------
def _http(url: str, methode: str, pad: str, body=None, *, bericht_id: str) -> httpx.Response:
    headers = {"bron": WEERT, "doel": conf.DUO_OIN, "berichtId": bericht_id, "API-Version": "1.2.0"}
    return httpx.request(methode, url + pad, json=body, headers=headers, timeout=5)


def test_herstarte_simulator_kent_de_persoon_en_neemt_uren_aan(bestand):
    """The bug this file fixes: after a restart Regie's hours for a person whose PIP DUO had
    registered were refused (404, unknown person), and a resend was not recognised."""
    eerste = simulator(bestand)
    eerste.persoon(BSN, WEERT, plicht_begin=date(2026, 3, 1), vestiging=date(2026, 4, 1))
    server, url = start(eerste, "127.0.0.1", 0)
    pip_bericht = str(uuid.uuid4())
    try:
        assert (
            _http(url, "POST", PIP_PAD, pip(date(2026, 5, 1)), bericht_id=pip_bericht).status_code
            == 201
        )
    finally:
        server.shutdown()
        server.server_close()

    tweede = simulator(bestand)
    server, url = start(tweede, "127.0.0.1", 0)
    try:
        uren = _http(url, "PUT", UREN_PAD, {"uren": 12}, bericht_id=str(uuid.uuid4()))
        assert uren.status_code == 200
        # A resend of the PIP (same berichtId) gets the first answer and changes nothing.
        opnieuw = _http(url, "POST", PIP_PAD, pip(date(2026, 5, 1)), bericht_id=pip_bericht)
        assert opnieuw.status_code == 201
    finally:
        server.shutdown()
        server.server_close()
    persoon = tweede.staat.personen[BSN]
    assert len(persoon.pips) == 1 and persoon.termijn is not None
    assert persoon.uren[WEERT]["taalles"] == 12
    assert [o.herhaling for o in tweede.staat.ontvangen] == [False, False, True]
    assert tweede.staat.verwerkt() == {pip_bericht: 1, tweede.staat.ontvangen[1].bericht_id: 1}
    assert [n.body["gebeurtenisId"] for n in tweede.staat.uitgaand] == ["SS102"]  # once

    derde = simulator(bestand)
    assert derde.staat.personen[BSN].uren[WEERT]["taalles"] == 12


def test_wachtrij_van_notificaties_gaat_verder_met_dezelfde_bericht_ids(bestand):
    eerste = simulator(bestand)
    eerste.persoon(BSN, WEERT)
    for code in ("SS101", "SS120", "SS139"):
        eerste.notificeer(BSN, code)
    antwoorden = iter([201, 503])
    assert bezorg(eerste, lambda headers, body: next(antwoorden), geheim="x") == 1
    open_ = [n.bericht_id for n in eerste.staat.te_bezorgen()]

    tweede = simulator(bestand)
    assert [n.bericht_id for n in tweede.staat.te_bezorgen()] == open_
    assert [n.body["gebeurtenisId"] for n in tweede.staat.te_bezorgen()] == ["SS120", "SS139"]
    assert tweede.staat.uitgaand[1].pogingen == 1


# --- the scenario ----------------------------------------------------------------------------
def _codes(sim: Simulator) -> list[str]:
    return [n.body["gebeurtenisId"] for n in sim.staat.uitgaand]


def test_scenario_gaat_na_een_herstart_verder_in_plaats_van_opnieuw(bestand):
    eerste = simulator(bestand)
    leven(eerste, bsn=BSN, gemeente_oin=WEERT, stap=0, wacht_pip=0)
    assert eerste.staat.scenarios[BSN][-1] == "gestopt: Regie leverde geen PIP aan"
    assert _codes(eerste) == ["SS101", "SS120", "SS139", "SS137", "SS131"]

    # Restarted (say a day later): Regie's worker delivers the PIP it adopted meanwhile.
    tweede = simulator(bestand)
    assert tweede.staat.voortgang[BSN].gedaan == ["SS101", "SS120", "SS139", "SS137", "SS131"]
    dagtekening = tweede.staat.personen[BSN].vestiging
    assert vraag(tweede, "POST", PIP_PAD, pip(dagtekening)).status == 201
    stappen = leven(tweede, bsn=BSN, gemeente_oin=WEERT, stap=0, wacht_pip=5)
    assert stappen[-1] == "SS106 diploma behaald: inburgeringsplicht voldaan"
    assert stappen.count("SS101 inburgeringsplichtig") == 1
    assert _codes(tweede) == [
        "SS101",
        "SS120",
        "SS139",
        "SS137",
        "SS131",
        "SS102",
        "SS199",
        "SS199",
        "SS106",
    ]
    assert tweede.staat.voortgang[BSN].klaar

    # Finished: a third start plays nothing again.
    derde = simulator(bestand)
    assert leven(derde, bsn=BSN, gemeente_oin=WEERT, stap=0, wacht_pip=0) == stappen
    assert _codes(derde) == _codes(tweede)
    assert derde.staat.personen[BSN].plicht is False


def test_besturing_weigert_een_uitgespeeld_scenario(bestand):
    sim = simulator(bestand)
    sim.persoon(BSN, WEERT)
    with sim.staat.wijziging():
        sim.staat.voortgang[BSN] = Voortgang("leven", klaar=True)
    antwoord = sim.behandel(
        "POST", "/_simulator/scenario", {}, json.dumps({"naam": "leven", "bsn": BSN}).encode()
    )
    assert antwoord.status == 409


# --- a file it cannot use --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("inhoud", "reden"),
    [
        ("{niet: json", "not valid JSON"),
        (json.dumps({"soort": "regie-duo-simulator-staat", "versie": 99}), "version 99"),
        (json.dumps({"iets": "anders"}), "not a DUO simulator state"),
        (
            json.dumps({"soort": "regie-duo-simulator-staat", "versie": VERSIE, "personen": []}),
            "missing",
        ),
    ],
)
def test_onbruikbaar_bestand_geeft_een_duidelijke_fout(bestand, inhoud, reden):
    bestand.parent.mkdir()
    bestand.write_text(inhoud)
    with pytest.raises(StaatOnleesbaar) as fout:
        simulator(bestand)
    assert str(bestand) in str(fout.value) and reden in str(fout.value)
    assert "Delete it to start the simulator afresh" in str(fout.value)
    assert bestand.read_text() == inhoud  # never silently replaced


def test_bestand_met_een_verkeerd_type_datum(bestand):
    sim = simulator(bestand)
    sim.persoon(BSN, WEERT)
    data = json.loads(bestand.read_text())
    data["personen"][0]["plicht_begin"] = "1 mei"
    bestand.write_text(json.dumps(data))
    with pytest.raises(StaatOnleesbaar, match=r"personen\[0\]\.plicht_begin"):
        simulator(bestand)


@pytest.mark.django_db
def test_commando_meldt_een_onbruikbaar_bestand_zonder_traceback(bestand, weert_oin):
    bestand.parent.mkdir()
    bestand.write_text("{kapot")
    with pytest.raises(CommandError, match="Delete it to start the simulator afresh"):
        call_command("duo-simulator", "--port", "0", "--staat", str(bestand))


# --- the command's choice: continue, finished, or (without a file) once per database ------------
def _gespeeld_en_bezorgd(bestand, *, bezorgen: bool) -> Simulator:
    sim = simulator(bestand)
    leven(sim, bsn=BSN, gemeente_oin=WEERT, stap=0, wacht_pip=0)
    if bezorgen:
        assert bezorg(sim, django_verzender(Client()), geheim=GEHEIM) == 5
    return simulator(bestand)


def _besluit(sim, *, eenmalig=True, staat=None):
    return commando.scenario_besluit(sim, naam="leven", bsn=BSN, eenmalig=eenmalig, staat=staat)


@pytest.mark.django_db
def test_commando_gaat_verder_met_het_scenario_uit_het_bestand(bestand, weert_oin):
    sim = _gespeeld_en_bezorgd(bestand, bezorgen=True)
    spelen, uitleg = _besluit(sim, staat=bestand)
    assert spelen and "gaat verder" in uitleg and "gestopt: Regie leverde geen PIP aan" in uitleg
    with sim.staat.wijziging():
        sim.staat.voortgang[BSN].klaar = True
    spelen, uitleg = _besluit(sim, staat=bestand)
    assert not spelen and "al uitgespeeld" in uitleg and str(bestand) in uitleg


@pytest.mark.django_db
def test_commando_weigert_een_bestand_van_een_andere_database(bestand, weert_oin):
    """``make run`` after deleting only the database: the file's person was delivered to a
    Regie that no longer exists; continuing would wait for a PIP forever."""
    _gespeeld_en_bezorgd(bestand, bezorgen=False)
    sim = simulator(bestand)
    bezorg(sim, lambda headers, body: 201, geheim=GEHEIM)  # to a Regie since emptied
    with pytest.raises(CommandError, match="belongs to another Regie database"):
        call_command(
            "duo-simulator",
            *("--port", "0", "--staat", str(bestand), "--scenario", "leven", "--bsn", BSN),
            *("--gemeente-oin", WEERT, "--eenmalig"),
        )


@pytest.mark.django_db
def test_commando_zonder_bestand_eenmalig_zoals_voorheen(weert_oin):
    from regie.tests.factories import DossierFactory, InburgeraarFactory

    sim = simulator()
    assert _besluit(sim) == (True, "Scenario leven begint.")
    DossierFactory(inburgeraar=InburgeraarFactory(bsn=BSN))
    spelen, uitleg = _besluit(sim)
    assert not spelen and "niet opnieuw gespeeld" in uitleg
    assert _besluit(sim, eenmalig=False)[0]


def test_tijdstempels_blijven_in_utc(bestand):
    sim = simulator(bestand)
    sim.persoon(BSN, WEERT)
    vraag(sim, "GET", f"/v1/personen/{BSN}/doelgroep")
    tijdstip = simulator(bestand).staat.ontvangen[0].tijdstip
    assert tijdstip.utcoffset() == timedelta(0) and abs(datetime.now(UTC) - tijdstip).seconds < 60
