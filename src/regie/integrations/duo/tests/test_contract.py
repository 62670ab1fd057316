"""The adapter and the simulator against DUO's published OpenAPI specifications.

Every request the adapter sends and every answer the simulator gives is validated with
openapi-core (``ContractTransport``); the notifications the simulator pushes and Regie's
answers are validated against the Notificatie API.
"""

from __future__ import annotations

import inspect
import uuid
from datetime import date, timedelta

import httpx
import pytest

from regie.integrations.duo import conf
from regie.integrations.duo.client import (
    METHODE_PER_OPERATIE,
    OPERATIES,
    DuoClient,
    DuoNietGeautoriseerd,
    DuoNietGevonden,
    DuoOngeldigVerzoek,
    DuoWeigering,
)
from regie.integrations.duo.client.operaties import APIS
from regie.integrations.duo.simulator import GEZIN_OVERIG
from regie.integrations.duo.tests.conftest import NEDERWEERT_OIN, WEERT_OIN
from regie.integrations.duo.tests.contract import (
    Contract,
    ContractTransport,
    ruwe_spec,
    spec_operaties,
)

pytestmark = pytest.mark.django_db
BSN = "999000011"


def test_elke_gepubliceerde_operatie_heeft_een_methode_in_de_adapter():
    gepubliceerd = spec_operaties()
    assert set(OPERATIES) == set(gepubliceerd)
    for operation_id, (api, methode, pad) in gepubliceerd.items():
        operatie = OPERATIES[operation_id]
        assert (operatie.api.naam, operatie.methode, operatie.pad) == (api, methode, pad)
        assert callable(getattr(DuoClient, METHODE_PER_OPERATIE[operation_id]))
    assert set(METHODE_PER_OPERATIE) == set(OPERATIES)


def test_api_version_is_de_versie_van_de_specificatie():
    for api in APIS:
        assert api.versie == ruwe_spec(api.naam)["info"]["version"], api.naam


def test_weigering_met_fouttekst_volgt_de_403_van_de_specificatie():
    for operation_id, (api, methode, pad) in spec_operaties().items():
        antwoord_403 = ruwe_spec(api)["paths"][pad][methode.lower()]["responses"].get("403", {})
        assert OPERATIES[operation_id].weigering_met_fouttekst == ("content" in antwoord_403), (
            operation_id
        )


def test_de_contractcontrole_vangt_een_afwijkend_verzoek(sim, sim_url, weert_oin):
    """The checker itself: a request without the required 'bron' header is reported."""
    contract = Contract()
    http = httpx.Client(transport=ContractTransport(contract), base_url=sim_url)
    http.get(f"/v1/personen/{BSN}/inburgeringsplicht", headers={"doel": conf.DUO_OIN})
    assert any("bron" in fout for fout in contract.fouten), contract.fouten


@pytest.fixture
def persoon(sim):
    vandaag = date.today()
    p = sim.persoon(
        BSN,
        WEERT_OIN,
        plicht_begin=vandaag - timedelta(days=90),
        vestiging=vandaag - timedelta(days=60),
    )
    p.examennummer = "LBT000011"
    p.lbt.append(
        {
            "resultaat": "B1-route haalbaar",
            "behaaldeScore": "61,50",
            "benodigdeScore": "50,00",
            "datumAfname": (vandaag - timedelta(days=50)).isoformat(),
        }
    )
    p.examens.append(
        {
            "examendatum": vandaag.isoformat(),
            "resultaat": "Geslaagd",
            "onderdeel": "LE",
            "niveau": "B1",
        }
    )
    p.vrijstellingen.append(
        {
            "GedeeltelijkeVrijstelling": {
                "reden": "DIP",
                "oordeel": "Toekenning",
                "examenonderdeel": "LE",
            }
        }
    )
    p.ontheffingen.append(
        {
            "GeheleOntheffing": {
                "oordeel": "Afwijzing",
                "datumOordeel": vandaag.isoformat(),
                "grond": "MED",
            }
        }
    )
    return p


def test_elke_operatie_heen_en_terug_volgens_het_contract(persoon, clients, weert_oin, contract):
    """All 34 operations of the 11 APIs, through the adapter, against the simulator."""
    client = clients(weert_oin)
    vandaag = date.today()
    dagtekening = vandaag - timedelta(days=40)
    assert client.get_inburgeringsplicht_by_bsn(BSN)["indicatorInburgeringsplicht"] is True
    assert client.get_inburgeringsplichthistorie_by_bsn(BSN)
    assert client.get_doelgroep_by_bsn(BSN)["indeling"] == "Asielstatushouder"
    assert client.get_doelgroephistorie_by_bsn(BSN)
    assert client.get_examennummer_by_bsn(BSN) == {"examennummer": "LBT000011"}
    assert client.get_lbt_resultaten_by_bsn(BSN)[0]["resultaat"] == "B1-route haalbaar"
    assert client.get_verlengingsgronden()
    assert client.get_vrijstellingen_by_bsn(BSN)
    assert client.get_ontheffingen_by_bsn(BSN)
    client.post_pip_by_bsn(
        BSN,
        {
            "dagtekeningPip": dagtekening.isoformat(),
            "leerroute": "B",
            "geschatteIntensiteitB1Route": 600,
            "indicatorAlfabetiseringsonderwijs": "NVT",
        },
    )
    assert client.get_pip_by_bsn(BSN) == {
        "gemeentecode": "0988",
        "pip": {
            "dagtekeningPip": dagtekening.isoformat(),
            "leerroute": "B",
            "niveau": "B1",
            "geschatteIntensiteitB1Route": 600,
            "indicatorAlfabetiseringsonderwijs": "NVT",
        },
    }
    termijn = client.get_inburgeringstermijn_by_bsn(BSN)
    assert termijn["startdatum"] == (dagtekening + timedelta(days=1)).isoformat()
    assert client.get_inburgeringstermijnhistorie_by_bsn(BSN) == []
    contact = client.create_contactpersoon(
        {"naam": "J. de Vries", "email": "inburgering@weert.nl", "telefoonnummer": "0495575000"}
    )
    client.update_contactpersoon_by_id(
        contact["id"],
        {"naam": "J. de Vries", "email": "jdv@weert.nl", "telefoonnummer": "+31 495 575 000"},
    )
    client.post_contactpersoon_by_bsn(contact["id"], BSN)
    client.delete_contactpersoon_by_bsn(contact["id"], BSN)
    client.delete_contactpersoon_by_id(contact["id"])
    instellingen = client.get_instellingen()
    bow = next(i for i in instellingen if i.get("indicatieBowKeurmerk"))
    client.post_inburgeringsaanbod_by_bsn_and_instellingsnummer(
        BSN,
        bow["instellingsnummer"],
        {
            "indicatorAlfabetiseringsonderwijs": "NVT",
            "datumInburgeringsaanbod": vandaag.isoformat(),
            "verwachteStartdatumOpleiding": vandaag.isoformat(),
            "verwachteEinddatumOpleiding": (vandaag + timedelta(days=300)).isoformat(),
        },
    )
    client.delete_inburgeringsaanbod_by_bsn_and_instellingsnummer(BSN, bow["instellingsnummer"])
    client.update_pvt_by_bsn(BSN, {"datumOndertekeningPvt": vandaag.isoformat()})
    assert client.get_pvt_by_bsn(BSN) == {"datumOndertekeningPvt": vandaag.isoformat()}
    client.update_map_by_bsn(BSN, {"datumEindgesprekMap": vandaag.isoformat()})
    assert client.get_map_by_bsn(BSN) == {"datumEindgesprekMap": vandaag.isoformat()}
    client.update_uren_taalles_en_knm_by_bsn(BSN, 40)
    client.update_uren_participatieactiviteiten(BSN, 120)
    client.update_uren_participatie_als_taalles_by_bsn(BSN, 250)
    uren = client.get_gevolgde_uren_by_bsn(BSN)
    assert uren[0]["ParticipatieAlsTaalles"] == {"uren": 250}
    assert client.get_gratis_pogingen_tegoed_by_bsn(BSN)
    assert client.get_examenresultaten_by_bsn(BSN)[0]["onderdeel"] == "LE"
    client.delete_examennummer_by_bsn(BSN)
    with pytest.raises(DuoWeigering) as fout:
        client.delete_pip_by_bsn(BSN)  # the term started: DUO refuses
    assert "termijn" in fout.value.fouttekst
    with pytest.raises(DuoWeigering):
        client.update_zroute_by_bsn(BSN, {"datumAfrondingZroute": vandaag.isoformat()})
    geziene = {regel.split()[1] for regel in contract.gecontroleerd if regel.startswith("request")}
    assert geziene == set(OPERATIES), set(OPERATIES) - geziene


def test_weigeringen_en_fouten_van_de_simulator_volgen_het_contract(sim, clients, weert_oin):
    client = clients(weert_oin)
    with pytest.raises(DuoNietGevonden):
        client.get_inburgeringsplicht_by_bsn("999000023")  # unknown person: 404
    sim.persoon(BSN, NEDERWEERT_OIN)
    with pytest.raises(DuoNietGeautoriseerd):
        client.get_inburgeringstermijn_by_bsn(BSN)  # another municipality's person: 403
    with pytest.raises(DuoWeigering) as fout:
        client.post_pip_by_bsn(BSN, {"dagtekeningPip": "2026-01-01", "leerroute": "B"})
    assert fout.value.foutteksten == ("De persoon valt niet onder uw gemeente.",)
    sim.persoon(BSN, WEERT_OIN)
    with pytest.raises(DuoWeigering) as fout:
        client.post_pip_by_bsn(
            BSN, {"dagtekeningPip": date.today().isoformat(), "leerroute": "B", "niveau": "A2"}
        )
    assert "Niveau A2 met de B1-route kan niet in de eerste PIP." in fout.value.foutteksten


def test_een_bericht_dat_niet_aan_de_specificatie_voldoet_is_een_400(sim, sim_url, weert_oin):
    sim.persoon(BSN, WEERT_OIN)
    client = DuoClient.voor_gemeente(weert_oin, transport=httpx.HTTPTransport())
    with pytest.raises(DuoOngeldigVerzoek):
        client.roep_aan("postPipByBsn", bsn=BSN, body={"leerroute": "X"})


def test_notificaties_van_de_simulator_en_antwoorden_van_regie(sim, bezorgen, weert_oin, contract):
    sim.persoon(BSN, WEERT_OIN, doelgroep=GEZIN_OVERIG)
    for code in ("SS101", "SS139", "XYZ9"):
        sim.notificeer(BSN, code)
    assert bezorgen() == 3
    assert contract.gecontroleerd == ["notification 201"] * 3


@pytest.mark.parametrize(
    ("kop", "status"),
    [
        ({"berichtId": "geen-uuid"}, 400),
        ({"bron": "123"}, 400),
        ({"bron": "0" * 20}, 403),
        ({"X-Duo-Notificatie-Geheim": "fout"}, 401),
    ],
)
def test_foutantwoorden_van_het_notificatie_endpoint_volgen_het_contract(
    client, weert_oin, contract, kop, status
):
    headers = {
        "bron": conf.DUO_OIN,
        "doel": WEERT_OIN,
        "berichtId": str(uuid.uuid4()),
        "API-Version": "1.8.0",
        "X-Duo-Notificatie-Geheim": "test-geheim-duo",
    }
    headers.update(kop)
    body = b'{"registratieDatumTijd": "2026-05-02T10:00:00+02:00", "gebeurtenisId": "SS139"}'
    response = client.post(
        "/duo/v1/notificaties", data=body, content_type="application/json", headers=headers
    )
    assert response.status_code == status
    assert response["API-Version"] == "1.8.0"
    spec = contract
    if status != 400:  # a 400 answers a message the spec itself rejects
        spec.notificatie(headers, body, status, dict(response.headers))
        spec.fouten = [f for f in spec.fouten if not f.startswith("notification request")]


def test_de_adapter_heeft_geen_ongedocumenteerde_publieke_methoden():
    publiek = {
        naam
        for naam, _ in inspect.getmembers(DuoClient, inspect.isfunction)
        if not naam.startswith("_")
    }
    assert publiek - set(METHODE_PER_OPERATIE.values()) == {"roep_aan"}


@pytest.mark.parametrize(
    ("body", "headers", "verwacht"),
    [
        ({"indicatorInburgeringsplicht": "ja"}, {"API-Version": "1.2.2"}, "boolean"),
        ({"indicatorInburgeringsplicht": True}, {}, "MissingRequiredHeader"),
    ],
)
def test_de_contractcontrole_vangt_een_afwijkend_antwoord(body, headers, verwacht):
    contract = Contract()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body, headers=headers))
    http = httpx.Client(
        transport=ContractTransport(contract, transport), base_url="http://duo.test"
    )
    http.get(
        f"/v1/personen/{BSN}/inburgeringsplicht",
        headers={"bron": WEERT_OIN, "doel": conf.DUO_OIN, "berichtId": str(uuid.uuid4())},
    )
    assert len(contract.fouten) == 1 and verwacht in contract.fouten[0]
