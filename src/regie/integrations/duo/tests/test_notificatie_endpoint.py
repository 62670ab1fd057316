"""Regie's Notificatie endpoint (DUO's Notificatie API 1.8.0): authenticated, stored first,
idempotent on DUO's berichtId, never logging a BSN."""

from __future__ import annotations

import json
import uuid

import pytest

from regie.audit.models import AuditGebeurtenis
from regie.integrations.duo import conf
from regie.integrations.duo.models import InboxNotificatie
from regie.integrations.duo.tests.conftest import GEHEIM, WEERT_OIN

pytestmark = pytest.mark.django_db
URL = "/duo/v1/notificaties"
BSN = "999000011"


def _headers(**extra):
    kop = {
        "bron": conf.DUO_OIN,
        "doel": WEERT_OIN,
        "berichtId": str(uuid.uuid4()),
        "API-Version": "1.8.0",
        conf.GEHEIM_HEADER: GEHEIM,
    }
    kop.update(extra)
    return kop


def _post(client, body=None, headers=None, **meta):
    body = (
        body
        if body is not None
        else {
            "registratieDatumTijd": "2026-05-02T10:15:00+02:00",
            "gebeurtenisId": "SS139",
            "bsn": BSN,
        }
    )
    return client.post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        headers=headers or _headers(),
        **meta,
    )


def test_opslaan_en_bevestigen(client, weert_oin):
    headers = _headers()
    response = _post(client, headers=headers)
    assert response.status_code == 201
    assert response.content == b""
    assert response["API-Version"] == "1.8.0"
    item = InboxNotificatie.objects.get()
    assert str(item.bericht_id) == headers["berichtId"]
    assert (item.gemeente, item.gebeurtenis, item.bsn) == (weert_oin, "SS139", BSN)
    assert item.status == InboxNotificatie.Status.ONTVANGEN
    audit = AuditGebeurtenis.objects.get(object_type="duo_notificatie")
    assert audit.actie == "aanmaken" and BSN not in json.dumps(audit.gegevens)


def test_herhaling_wordt_bevestigd_en_eenmaal_bewaard(client, weert_oin):
    headers = _headers()
    assert _post(client, headers=headers).status_code == 201
    assert _post(client, headers=headers).status_code == 201
    assert InboxNotificatie.objects.count() == 1


def test_onbekende_gebeurtenis_en_ontvanger_worden_bewaard(client, weert_oin):
    assert (
        _post(
            client, body={"registratieDatumTijd": "2026-05-02T10:15:00Z", "gebeurtenisId": "ZZ1"}
        ).status_code
        == 201
    )
    assert _post(client, headers=_headers(doel="0" * 20)).status_code == 201
    onbekend, ander = InboxNotificatie.objects.order_by("id")
    assert onbekend.gebeurtenis == "ZZ1" and onbekend.bsn == ""
    assert ander.gemeente is None and ander.doel_oin == "0" * 20


@pytest.mark.parametrize(
    "body",
    [
        {"gebeurtenisId": "SS139"},
        {"registratieDatumTijd": "2026-05-02", "gebeurtenisId": "SS139"},  # no time zone
        {"registratieDatumTijd": "2026-05-02T10:15:00Z", "gebeurtenisId": "ss139"},
        {"registratieDatumTijd": "2026-05-02T10:15:00Z", "gebeurtenisId": "SS1234567"},
        {"registratieDatumTijd": "2026-05-02T10:15:00Z", "gebeurtenisId": "SS139", "bsn": "12"},
        {"registratieDatumTijd": "2026-05-02T10:15:00Z", "gebeurtenisId": "SS139", "vNummer": "x"},
        ["SS139"],
    ],
)
def test_ongeldige_notificatie_is_een_400(client, weert_oin, body):
    assert _post(client, body=body).status_code == 400
    assert not InboxNotificatie.objects.exists()


def test_ongeldige_json_is_een_400(client, weert_oin):
    response = client.post(URL, data=b"{", content_type="application/json", headers=_headers())
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("wijziging", "meta", "status"),
    [
        ({conf.GEHEIM_HEADER: "fout"}, {}, 401),
        ({conf.GEHEIM_HEADER: ""}, {}, 401),
        ({}, {"REMOTE_ADDR": "10.0.0.8"}, 401),
        ({"bron": "0" * 20}, {}, 403),
        ({"berichtId": "niet-een-uuid"}, {}, 400),
    ],
)
def test_afzender_wordt_gecontroleerd(client, weert_oin, wijziging, meta, status):
    assert _post(client, headers=_headers(**wijziging), **meta).status_code == status
    assert not InboxNotificatie.objects.exists()


def test_zonder_geheim_geen_toegang(client, weert_oin, monkeypatch):
    monkeypatch.setattr(conf, "NOTIFICATIE_GEHEIM", "")
    assert _post(client, headers=_headers(**{conf.GEHEIM_HEADER: ""})).status_code == 401


def test_alleen_post(client):
    assert client.get(URL).status_code == 405


class TestMutualTls:
    """Production: the TLS proxy passes the verified client certificate's subject."""

    @pytest.fixture(autouse=True)
    def _mtls(self, monkeypatch):
        monkeypatch.setattr(conf, "NOTIFICATIE_CERT_HEADER", "X-SSL-Client-S-DN")
        monkeypatch.setattr(conf, "NOTIFICATIE_PROXY_IPS", ["10.1.1.1"])

    def _dn(self, oin: str) -> str:
        return f"CN=DUO M2M,serialNumber={oin},O=Dienst Uitvoering Onderwijs,C=NL"

    def test_certificaat_van_duo_via_de_proxy(self, client, weert_oin):
        headers = _headers(**{"X-SSL-Client-S-DN": self._dn(conf.DUO_OIN)})
        headers.pop(conf.GEHEIM_HEADER)
        assert _post(client, headers=headers, REMOTE_ADDR="10.1.1.1").status_code == 201

    @pytest.mark.parametrize(
        ("dn", "adres"),
        [
            (None, "10.1.1.1"),  # no certificate
            ("serialNumber=00000001001234567000", "10.1.1.1"),  # not DUO's
            ("DUO", "127.0.0.1"),  # header not from the proxy
        ],
    )
    def test_geweigerd(self, client, weert_oin, dn, adres):
        headers = _headers()
        if dn == "DUO":
            headers["X-SSL-Client-S-DN"] = self._dn(conf.DUO_OIN)
        elif dn:
            headers["X-SSL-Client-S-DN"] = dn
        assert _post(client, headers=headers, REMOTE_ADDR=adres).status_code == 401

    def test_alleen_het_oin_mag_ook(self, client, weert_oin):
        headers = _headers(**{"X-SSL-Client-S-DN": conf.DUO_OIN})
        assert _post(client, headers=headers, REMOTE_ADDR="10.1.1.1").status_code == 201


def test_nooit_een_bsn_in_het_log(client, weert_oin, caplog):
    with caplog.at_level("DEBUG"):
        _post(client)
        _post(client, body={"registratieDatumTijd": "x", "gebeurtenisId": "SS139", "bsn": BSN})
    assert BSN not in caplog.text
