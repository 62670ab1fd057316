"""The adapter: DUO's headers on every request, errors as distinct exceptions, mutual TLS."""

from __future__ import annotations

import subprocess
import uuid
from datetime import date

import httpx
import pytest

from regie.integrations.duo import conf
from regie.integrations.duo.client import (
    DuoAuthenticatieFout,
    DuoClient,
    DuoConfiguratieFout,
    DuoNietBereikbaar,
    DuoNietBeschikbaar,
    DuoNietGeautoriseerd,
    DuoNietGevonden,
    DuoOngeldigVerzoek,
    DuoServerFout,
    DuoTechnischeFout,
    DuoTimeout,
    DuoWeigering,
)
from regie.integrations.duo.client import transport as transport_module
from regie.integrations.duo.tests.conftest import WEERT_OIN

pytestmark = pytest.mark.django_db
BSN = "999000011"


def _client(gemeente, handler) -> tuple[DuoClient, list[httpx.Request]]:
    gezien: list[httpx.Request] = []

    def opnemen(request: httpx.Request) -> httpx.Response:
        gezien.append(request)
        return handler(request)

    return DuoClient.voor_gemeente(gemeente, transport=httpx.MockTransport(opnemen)), gezien


def test_elk_verzoek_draagt_de_headers_van_duo(weert_oin, monkeypatch):
    monkeypatch.setattr(conf, "BASIS_URL", "https://duo.example:8443")
    client, gezien = _client(
        weert_oin,
        lambda r: httpx.Response(201, headers={"API-Version": "1.2.0"}),
    )
    client.post_pip_by_bsn(BSN, {"dagtekeningPip": "2026-05-02", "leerroute": "B"})
    client.post_pip_by_bsn(BSN, {"dagtekeningPip": "2026-05-02", "leerroute": "B"})
    eerste, tweede = gezien
    assert str(eerste.url) == f"https://duo.example:8443/v1/personen/{BSN}/PIP"
    assert eerste.headers["bron"] == WEERT_OIN  # the responsible municipality
    assert eerste.headers["doel"] == conf.DUO_OIN
    assert eerste.headers["API-Version"] == "1.2.0"  # the PIP API's version
    assert uuid.UUID(eerste.headers["berichtId"]).version == 4
    assert eerste.headers["berichtId"] != tweede.headers["berichtId"]  # one per request
    assert eerste.headers["content-type"] == "application/json"


def test_een_eigen_bericht_id_wordt_gebruikt_voor_herverzending(weert_oin):
    client, gezien = _client(weert_oin, lambda r: httpx.Response(200))
    bericht_id = str(uuid.uuid4())
    client.update_uren_participatie_als_taalles_by_bsn(BSN, 10, bericht_id=bericht_id)
    assert gezien[0].headers["berichtId"] == bericht_id


def test_bron_is_het_oin_van_de_gemeente_van_het_dossier(weert_oin, nederweert):
    nederweert.oin = "00000001001234568000"
    nederweert.save()
    client, gezien = _client(nederweert, lambda r: httpx.Response(200, json={"uren": 1}))
    client.get_gevolgde_uren_by_bsn(BSN)
    assert gezien[0].headers["bron"] == "00000001001234568000"


def test_zonder_oin_geen_aanroep(weert):
    with pytest.raises(DuoConfiguratieFout, match="geen OIN"):
        DuoClient.voor_gemeente(weert)


@pytest.mark.parametrize(
    ("status", "body", "fout"),
    [
        (403, [{"fouttekst": "Niveau B1 kan niet in combinatie met de Z-route."}], DuoWeigering),
        (403, None, DuoNietGeautoriseerd),
        (404, None, DuoNietGevonden),
        (400, None, DuoOngeldigVerzoek),
        (401, None, DuoAuthenticatieFout),
        (500, None, DuoServerFout),
        (503, None, DuoNietBeschikbaar),
    ],
)
def test_antwoorden_van_duo_worden_onderscheiden_uitzonderingen(weert_oin, status, body, fout):
    client, _ = _client(weert_oin, lambda r: httpx.Response(status, json=body))
    with pytest.raises(fout) as gevangen:
        client.post_pip_by_bsn(BSN, {"dagtekeningPip": "2026-05-02", "leerroute": "Z"})
    assert type(gevangen.value) is fout
    functioneel = issubclass(fout, DuoWeigering)
    assert functioneel != issubclass(fout, DuoTechnischeFout)
    if body:
        assert gevangen.value.fouttekst == "Niveau B1 kan niet in combinatie met de Z-route."


def test_timeout_en_geen_verbinding_zijn_technische_fouten(weert_oin):
    def timeout(request):
        raise httpx.ReadTimeout("te traag", request=request)

    def weg(request):
        raise httpx.ConnectError("geweigerd", request=request)

    for handler, fout in ((timeout, DuoTimeout), (weg, DuoNietBereikbaar)):
        client, _ = _client(weert_oin, handler)
        with pytest.raises(fout):
            client.get_inburgeringstermijn_by_bsn(BSN)


def test_geen_bsn_in_de_logregels(weert_oin, caplog):
    client, _ = _client(weert_oin, lambda r: httpx.Response(404))
    with caplog.at_level("INFO", logger="regie"), pytest.raises(DuoNietGevonden):
        client.get_inburgeringsplicht_by_bsn(BSN)
    assert caplog.records
    assert BSN not in caplog.text


# --- Mutual TLS with a PKIoverheid certificate per municipality --------------------------------
@pytest.fixture
def certificaat(tmp_path):
    """A self-signed certificate and key, named after the municipality's OIN."""
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            f"/O=Gemeente Weert/serialNumber={WEERT_OIN}",
            "-keyout",
            str(tmp_path / f"{WEERT_OIN}.key"),
            "-out",
            str(tmp_path / f"{WEERT_OIN}.crt"),
        ],
        check=True,
        capture_output=True,
    )
    return tmp_path


def test_certificaat_per_gemeente_via_het_oin_in_het_pad(weert_oin, certificaat, monkeypatch):
    monkeypatch.setattr(conf, "BASIS_URL", "https://duo.example")
    monkeypatch.setattr(conf, "CLIENT_CERT", str(certificaat / "{oin}.crt"))
    monkeypatch.setattr(conf, "CLIENT_KEY", str(certificaat / "{oin}.key"))
    context = transport_module.tls_context(oin=WEERT_OIN, cbs_code="0988")
    assert context.verify_mode.name == "CERT_REQUIRED"
    with pytest.raises(DuoConfiguratieFout, match="niet gevonden"):
        transport_module.tls_context(oin="00000001009999999000", cbs_code="9999")


def test_https_zonder_certificaat_wordt_geweigerd(monkeypatch):
    monkeypatch.setattr(conf, "BASIS_URL", "https://duo.example")
    with pytest.raises(DuoConfiguratieFout, match="PKIoverheid"):
        transport_module.tls_context(oin=WEERT_OIN, cbs_code="0988")


def test_de_client_wordt_per_gemeente_hergebruikt(weert_oin, monkeypatch):
    monkeypatch.setattr(conf, "BASIS_URL", "http://127.0.0.1:9")
    transport_module.sluit_alle()
    eerste = DuoClient.voor_gemeente(weert_oin).http
    assert DuoClient.voor_gemeente(weert_oin).http is eerste
    transport_module.sluit_alle()
    assert eerste.is_closed


def test_verzoeken_zonder_bsn(weert_oin):
    client, gezien = _client(
        weert_oin, lambda r: httpx.Response(200, json=[{"code": "1", "omschrijving": "ziek"}])
    )
    assert client.get_verlengingsgronden()[0]["code"] == "1"
    assert gezien[0].url.path == "/v1/verlengingsgronden"
    assert date.today()  # the adapter never reads the clock for headers
