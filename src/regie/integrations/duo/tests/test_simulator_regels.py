"""The simulator's own rules: DUO's documented registration rules (README of the M2M specs,
law.md §10), deduplication on berichtId, scope and message checks. No Django needed."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta

import pytest

from regie.integrations.duo import conf
from regie.integrations.duo.simulator import ASIEL, GEZIN_OVERIG, Simulator
from regie.integrations.duo.simulator.regels import plus_jaren
from regie.integrations.duo.simulator.staat import Termijn

WEERT = "00000001001234567000"
NEDERWEERT = "00000001001234568000"
BSN = "999000011"
VANDAAG = date(2026, 6, 1)


@pytest.fixture
def sim() -> Simulator:
    return Simulator(
        duo_oin=conf.DUO_OIN, gemeenten={WEERT: "0988", NEDERWEERT: "0946"}, klok=lambda: VANDAAG
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


def foutteksten(antwoord) -> list[str]:
    assert antwoord.status == 403, antwoord
    return [f["fouttekst"] for f in antwoord.body]


def pip(dagtekening: date, leerroute: str = "B", niveau: str | None = None, **extra):
    body = {"dagtekeningPip": dagtekening.isoformat(), "leerroute": leerroute, **extra}
    if niveau:
        body["niveau"] = niveau
    return body


@pytest.fixture
def persoon(sim):
    return sim.persoon(
        BSN, WEERT, plicht_begin=date(2026, 3, 1), vestiging=date(2026, 4, 1), doelgroep=ASIEL
    )


PIP_PAD = f"/v1/personen/{BSN}/PIP"


# --- PIP ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "fout"),
    [
        (pip(date(2026, 2, 1)), "start van de inburgeringsplicht"),
        (pip(date(2026, 3, 15)), "voor de vestiging"),
        (pip(date(2026, 5, 1), "O", "A2"), "A2 kan niet in combinatie met de onderwijsroute"),
        (pip(date(2026, 5, 1), "Z", "B1"), "B1 kan niet in combinatie met de Z-route"),
        (pip(date(2026, 5, 1), "B", "A2"), "A2 met de B1-route kan niet in de eerste PIP"),
        (pip(date(2026, 5, 1), "Z", geschatteIntensiteitB1Route=300), "Geschatte intensiteit"),
    ],
)
def test_pip_regels(sim, persoon, body, fout):
    assert any(fout in tekst for tekst in foutteksten(vraag(sim, "POST", PIP_PAD, body)))
    assert persoon.pips == []


def test_pip_zonder_vestiging_wordt_geweigerd(sim):
    sim.persoon(BSN, WEERT, plicht_begin=date(2026, 3, 1))
    assert (
        "nog niet in de gemeente gevestigd"
        in foutteksten(vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1))))[0]
    )


def test_intensiteit_alleen_voor_asielmigranten(sim):
    sim.persoon(
        BSN,
        WEERT,
        plicht_begin=date(2026, 3, 1),
        vestiging=date(2026, 3, 1),
        doelgroep=GEZIN_OVERIG,
    )
    antwoord = vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1), geschatteIntensiteitB1Route=600))
    assert any("asielmigranten" in t for t in foutteksten(antwoord))


def test_eerste_pip_start_de_termijn_en_meldt_ss102(sim, persoon):
    assert vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1))).status == 201
    assert persoon.actuele_pip.niveau == "B1"  # no level: DUO records B1 for the B1-route
    assert persoon.termijn.startdatum == date(2026, 5, 2)
    assert persoon.termijn.einddatum == date(2029, 5, 2)  # exclusive
    assert [n.body["gebeurtenisId"] for n in sim.staat.te_bezorgen()] == ["SS102"]
    assert sim.staat.te_bezorgen()[0].doel_oin == WEERT


def test_gewijzigde_pip_niet_voor_eerdere_dagtekening_en_afschalen_pas_later(sim, persoon):
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)))
    eerder = vraag(sim, "POST", PIP_PAD, pip(date(2026, 4, 20)))
    assert any("initiële of actuele PIP" in t for t in foutteksten(eerder))
    assert vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 20), "B", "A2")).status == 201
    assert persoon.termijn.startdatum == date(2026, 5, 2)  # a changed PIP never moves the term
    assert len(sim.staat.te_bezorgen()) == 1  # and no second SS102


def test_pip_verwijderen_alleen_voor_de_termijn_loopt(sim, persoon):
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)))
    assert "al vastgesteld" in foutteksten(vraag(sim, "DELETE", PIP_PAD))[0]
    persoon.pips.clear()
    persoon.termijn = None
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 6, 1)))  # term starts tomorrow
    assert vraag(sim, "DELETE", PIP_PAD).status == 200
    assert persoon.pips == [] and persoon.termijn is None


# --- Inburgeringsaanbod ---------------------------------------------------------------------
def aanbod_pad(nummer: str) -> str:
    return f"/v1/personen/{BSN}/Inburgeringsaanbod/{nummer}"


def test_aanbod_alleen_asiel_met_pip_en_keurmerk(sim, persoon):
    body = {"indicatorAlfabetiseringsonderwijs": "NVT"}
    assert "geen PIP" in " ".join(foutteksten(vraag(sim, "POST", aanbod_pad("1000000001"), body)))
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)))
    zonder = vraag(sim, "POST", aanbod_pad("1000000003"), body)
    assert "Blik op Werk" in foutteksten(zonder)[0]
    onbekend = vraag(sim, "POST", aanbod_pad("9999999999"), body)
    assert "niet bekend" in foutteksten(onbekend)[0]
    assert vraag(sim, "POST", aanbod_pad("1000000001"), body).status == 201


def test_onderwijsroute_vraagt_een_taalschakelinstelling(sim, persoon):
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1), "O"))
    body = {"indicatorAlfabetiseringsonderwijs": "NVT"}
    assert "TST" in foutteksten(vraag(sim, "POST", aanbod_pad("1000000001"), body))[0]
    assert vraag(sim, "POST", aanbod_pad("1000000002"), body).status == 201


def test_aanbod_data_na_de_pip_en_binnen_de_termijn(sim, persoon):
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)))
    body = {
        "indicatorAlfabetiseringsonderwijs": "NVT",
        "datumInburgeringsaanbod": "2026-04-01",
        "verwachteStartdatumOpleiding": "2026-04-01",
        "verwachteEinddatumOpleiding": "2030-01-01",
    }
    teksten = " ".join(foutteksten(vraag(sim, "POST", aanbod_pad("1000000001"), body)))
    assert "dagtekening van de actuele PIP" in teksten
    assert "buiten de inburgeringstermijn" in teksten


def test_aanbod_niet_voor_gezinsmigranten(sim):
    sim.persoon(
        BSN,
        WEERT,
        plicht_begin=date(2026, 3, 1),
        vestiging=date(2026, 3, 1),
        doelgroep=GEZIN_OVERIG,
    )
    antwoord = vraag(
        sim, "POST", aanbod_pad("1000000001"), {"indicatorAlfabetiseringsonderwijs": "A"}
    )
    assert "alleen voor asielmigranten" in foutteksten(antwoord)[0]


# --- MAP, PVT, Z-route ----------------------------------------------------------------------
@pytest.fixture
def met_termijn(sim, persoon):
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)))
    return persoon


def put(sim, onderdeel, body, bron=WEERT):
    return vraag(sim, "PUT", f"/v1/personen/{BSN}/{onderdeel}", body, bron=bron)


def test_map_niet_in_de_onderwijsroute(sim, persoon):
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1), "O"))
    antwoord = put(sim, "map", {"datumEindgesprekMap": "2026-05-20"})
    assert "geen onderdeel van de onderwijsroute" in " ".join(foutteksten(antwoord))
    assert put(sim, "pvt", {"datumOndertekeningPvt": "2026-05-20"}).status == 200


@pytest.mark.parametrize(
    ("body", "fout"),
    [
        ({"datumEindgesprekMap": "2026-05-01"}, "voor de startdatum"),
        ({"datumEindgesprekMap": "2026-06-02"}, "in de toekomst"),
        ({"datumEindgesprekMap": "2026-05-20", "verwijtbaar": "Ja"}, "voor de einddatum"),
        ({"verwijtbaar": "Nee"}, "binnen twee maanden"),
        ({"verwijtbaar": "Ja"}, "overschrijding"),
    ],
)
def test_map_datum_en_verwijtbaar(sim, met_termijn, body, fout):
    assert any(fout in t for t in foutteksten(put(sim, "map", body)))


def test_verwijtbaar_rond_het_einde_van_de_termijn(sim, met_termijn):
    eind = met_termijn.termijn.einddatum  # exclusive: the last day is eind - 1
    sim.staat.klok = lambda: eind - timedelta(days=30)
    assert put(sim, "pvt", {"verwijtbaar": "Nee"}).status == 200
    sim.staat.klok = lambda: eind + timedelta(days=1)
    assert "verplicht" in foutteksten(put(sim, "pvt", {"datumOndertekeningPvt": "2026-05-20"}))[0]
    assert put(sim, "pvt", {"verwijtbaar": "Ja"}).status == 200


def test_wijzigen_alleen_door_de_gemeente_die_leverde(sim, met_termijn):
    assert put(sim, "pvt", {"datumOndertekeningPvt": "2026-05-20"}).status == 200
    met_termijn.gemeente_oin = NEDERWEERT
    met_termijn.pips.append(
        type(met_termijn.pips[0])(date(2026, 5, 25), "B", "B1", NEDERWEERT, date(2026, 5, 25))
    )
    teksten = " ".join(
        foutteksten(put(sim, "pvt", {"datumOndertekeningPvt": "2026-05-28"}, bron=NEDERWEERT))
    )
    assert "niet door uw gemeente geleverd" in teksten


def test_na_afronding_zroute_geen_map_of_pvt_meer(sim, persoon):
    vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1), "Z"))
    assert put(sim, "zroute", {"datumAfrondingZroute": "2026-05-30"}).status == 200
    assert "via de Z-route" in " ".join(foutteksten(put(sim, "pvt", {})))


def test_zroute_alleen_in_de_zroute(sim, met_termijn):
    antwoord = put(sim, "zroute", {"datumAfrondingZroute": "2026-05-30"})
    assert "geen Z-route" in foutteksten(antwoord)[0]


def test_uren_participatie_alleen_voor_asielstatushouders(sim):
    sim.persoon(BSN, WEERT, doelgroep=GEZIN_OVERIG)
    pad = f"/v1/personen/{BSN}/uren/participatieactiviteiten"
    assert vraag(sim, "PUT", pad, {"uren": 10}).status == 403
    assert (
        vraag(sim, "PUT", f"/v1/personen/{BSN}/uren/participatietaalles", {"uren": 10}).status
        == 200
    )


# --- Messages, scope, deduplication ----------------------------------------------------------
def test_dubbel_bericht_id_wordt_herkend_en_niet_nogmaals_verwerkt(sim, persoon):
    bericht_id = str(uuid.uuid4())
    eerste = vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)), bericht_id=bericht_id)
    tweede = vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)), bericht_id=bericht_id)
    assert eerste == tweede and eerste.status == 201
    assert len(persoon.pips) == 1
    assert [o.herhaling for o in sim.staat.ontvangen] == [False, True]
    assert sim.staat.verwerkt() == {bericht_id: 1}


def test_storing_wordt_niet_onthouden_zodat_een_herhaling_slaagt(sim, persoon):
    sim.storingen.append(503)
    bericht_id = str(uuid.uuid4())
    assert vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)), bericht_id=bericht_id).status == 503
    assert vraag(sim, "POST", PIP_PAD, pip(date(2026, 5, 1)), bericht_id=bericht_id).status == 201


@pytest.mark.parametrize(
    "headers",
    [
        {"bron": WEERT, "doel": "1" * 20, "berichtId": str(uuid.uuid4())},  # not DUO
        {"bron": "123", "doel": conf.DUO_OIN, "berichtId": str(uuid.uuid4())},
        {"bron": WEERT, "doel": conf.DUO_OIN, "berichtId": "geen-uuid"},
        {"bron": WEERT, "doel": conf.DUO_OIN},
    ],
)
def test_onjuiste_headers_zijn_een_400(sim, persoon, headers):
    antwoord = sim.behandel("GET", f"/v1/personen/{BSN}/inburgeringsplicht", headers)
    assert antwoord.status == 400
    assert ("API-Version", "1.2.2") in antwoord.headers


def test_onbekende_organisatie_en_buiten_scope(sim, persoon):
    pad = f"/v1/personen/{BSN}/inburgeringsplicht"
    assert vraag(sim, "GET", pad, bron="9" * 20).status == 403
    assert vraag(sim, "GET", pad, bron=NEDERWEERT).status == 403
    assert vraag(sim, "GET", "/v1/personen/999000023/inburgeringsplicht").status == 404
    assert vraag(sim, "GET", "/v1/personen/12345/inburgeringsplicht").status == 400


def test_scope_volgt_de_pip_een_maand_na_een_verhuizing(sim, met_termijn):
    met_termijn.gemeente_oin = NEDERWEERT  # moved; the current PIP is still Weert's
    pad = f"/v1/personen/{BSN}/inburgeringstermijn"
    assert vraag(sim, "GET", pad, bron=WEERT).status == 200
    met_termijn.pips.append(
        type(met_termijn.pips[0])(date(2026, 5, 25), "B", "B1", NEDERWEERT, date(2026, 5, 25))
    )
    assert vraag(sim, "GET", pad, bron=WEERT).status == 200  # new PIP under a month old
    sim.staat.klok = lambda: date(2026, 7, 1)
    assert vraag(sim, "GET", pad, bron=WEERT).status == 403


def test_ongeldige_body_is_een_400(sim, persoon):
    assert (
        vraag(sim, "POST", PIP_PAD, {"dagtekeningPip": "2026-02-30", "leerroute": "B"}).status
        == 400
    )
    assert vraag(sim, "POST", PIP_PAD, {"leerroute": "B"}).status == 400
    pad = f"/v1/personen/{BSN}/uren/participatietaalles"
    assert vraag(sim, "PUT", pad, {"uren": 10000}).status == 400


def test_termijn_drie_jaar_ook_over_een_schrikkeldag():
    assert plus_jaren(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert Termijn(date(2024, 3, 1), plus_jaren(date(2024, 3, 1), 3), VANDAAG).einddatum == date(
        2027, 3, 1
    )
