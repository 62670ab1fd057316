"""Fixtures of the DUO chain: municipalities with an OIN, a simulator (in process or on a free
loopback port), adapters whose traffic is checked against DUO's specifications, and a way to
deliver the simulator's notifications to Regie's endpoint through the Django test client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from django.test import Client

from regie.integrations.duo import conf
from regie.integrations.duo.client import DuoClient
from regie.integrations.duo.simulator import Simulator
from regie.integrations.duo.simulator.server import bezorg, start, wsgi
from regie.integrations.duo.tests.contract import Contract, ContractTransport

WEERT_OIN = "00000001001234567000"
NEDERWEERT_OIN = "00000001001234568000"
GEHEIM = "test-geheim-duo"


@pytest.fixture(autouse=True)
def _duo_conf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conf, "NOTIFICATIE_GEHEIM", GEHEIM)
    monkeypatch.setattr(conf, "NOTIFICATIE_CERT_HEADER", "")
    monkeypatch.setattr(conf, "NOTIFICATIE_IPS", ["127.0.0.1"])
    monkeypatch.setattr(conf, "CLIENT_CERT", "")
    monkeypatch.setattr(conf, "PERSOONSGEGEVENS_BRON", "")
    monkeypatch.setattr(conf, "HERHAAL_BASIS_SECONDEN", 30)
    monkeypatch.setattr(conf, "HERHAAL_MAX_SECONDEN", 3600)
    monkeypatch.setattr(conf, "CLAIM_SECONDEN", 300)


@pytest.fixture
def weert_oin(weert):
    weert.oin = WEERT_OIN
    weert.save()
    return weert


@pytest.fixture
def nederweert_oin(nederweert):
    nederweert.oin = NEDERWEERT_OIN
    nederweert.save()
    return nederweert


@pytest.fixture
def sim(weert_oin) -> Simulator:
    return Simulator(duo_oin=conf.DUO_OIN, gemeenten={WEERT_OIN: "0988", NEDERWEERT_OIN: "0946"})


@pytest.fixture
def contract() -> Iterator[Contract]:
    gecontroleerd = Contract()
    yield gecontroleerd
    assert not gecontroleerd.fouten, "\n".join(gecontroleerd.fouten)


@pytest.fixture
def sim_url(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The simulator over real HTTP on a free loopback port; the adapter points at it."""
    server, url = start(sim, "127.0.0.1", 0)
    monkeypatch.setattr(conf, "BASIS_URL", url)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def clients(sim_url: str, contract: Contract) -> Callable[[Any], DuoClient]:
    """Adapter per municipality over HTTP, every exchange checked against the specs."""

    def maak(gemeente: Any) -> DuoClient:
        return DuoClient.voor_gemeente(gemeente, transport=ContractTransport(contract))

    return maak


@pytest.fixture
def snelle_clients(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], DuoClient]:
    """Adapter straight into the simulator (no sockets): for tests that do many calls."""
    monkeypatch.setattr(conf, "BASIS_URL", "http://duo.test")
    transport = httpx.WSGITransport(app=wsgi(sim))
    return lambda gemeente: DuoClient.voor_gemeente(gemeente, transport=transport)


def django_verzender(client: Client, contract: Contract | None = None):
    def verzend(headers: dict[str, str], body: bytes) -> int:
        kop = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        response = client.post(
            "/duo/v1/notificaties", data=body, content_type="application/json", headers=kop
        )
        if contract is not None:
            contract.notificatie(headers, body, response.status_code, dict(response.headers))
        return response.status_code

    return verzend


@pytest.fixture
def bezorgen(sim: Simulator, contract: Contract) -> Callable[[], int]:
    """Deliver the simulator's queued notifications to Regie's endpoint (test client)."""
    client = Client()
    return lambda: bezorg(sim, django_verzender(client, contract), geheim=GEHEIM)


def vastleggen(client: Client, dossier: Any, wat: str, /, **velden: Any) -> Any:
    """POST one recording form of the dossier's DUO part, as the page sends it."""
    from django.urls import reverse

    data = {"soort": wat, f"{wat}-versie": dossier.versie}
    data.update({f"{wat}-{k}": v for k, v in velden.items()})
    return client.post(reverse("duo:vastleggen", kwargs={"dossier_id": dossier.pk}), data)
