"""Contract checking against DUO's published OpenAPI specifications (``../shared``).

``Contract`` loads every spec once; ``ContractTransport`` wraps an httpx transport and
validates each request the adapter sends and each response it gets back; violations are
collected (a test asserts there are none) rather than raised mid-flight.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from regie.integrations.duo.client.operaties import APIS, NOTIFICATIE, OPERATIES, Operatie

DUO_HOST = "http://duo.test"
REGIE_HOST = "http://regie.test"


def vind_specs() -> Path | None:
    """``<repo>/../shared/reference/duo-m2m/API``, looked up from this file upwards."""
    for map_ in Path(__file__).resolve().parents:
        kandidaat = map_ / "shared" / "reference" / "duo-m2m" / "API"
        if kandidaat.is_dir():
            return kandidaat
    return None


def specs_map() -> Path:
    specs = vind_specs()
    if specs is None:
        melding = "shared/reference/duo-m2m not found beside the repository"
        if os.environ.get("CI"):
            pytest.fail(melding)
        pytest.skip(melding)
    return specs


# Python's ``re`` has no Unicode classes (\p{L}, \p{Pd}); DUO's one pattern that uses them
# (Contactpersoongegevens.naam) is checked with its Python equivalent.
_UNICODE_PATRONEN = {
    "[\\s'‘.\\p{L}\\p{Pd}]{0,100}": "(?:[\\s'‘.\\-‐‑‒–—―]|[^\\W\\d_]){0,100}",
}


@cache
def ruwe_spec(api: str) -> dict[str, Any]:
    tekst = (specs_map() / api / "openapi.yml").read_text(encoding="utf-8")
    spec = yaml.safe_load(tekst)
    _vervang_patronen(spec)
    return spec


def _vervang_patronen(knoop: Any) -> None:
    if isinstance(knoop, dict):
        if isinstance(knoop.get("pattern"), str):
            knoop["pattern"] = _UNICODE_PATRONEN.get(knoop["pattern"], knoop["pattern"])
        for waarde in knoop.values():
            _vervang_patronen(waarde)
    elif isinstance(knoop, list):
        for waarde in knoop:
            _vervang_patronen(waarde)


@cache
def openapi(api: str, server: str) -> OpenAPI:
    spec = dict(ruwe_spec(api))
    spec["servers"] = [{"url": server}]
    return OpenAPI.from_dict(spec)


def operatie_voor(methode: str, pad: str) -> Operatie | None:
    for operatie in OPERATIES.values():
        patroon = re.escape(f"/v{operatie.api.major}{operatie.pad}")
        patroon = re.sub(r"\\\{[a-z]+\\\}", "[^/]+", patroon)
        if operatie.methode == methode and re.fullmatch(patroon, pad):
            return operatie
    return None


def _uitleg(exc: Exception) -> str:
    oorzaak = exc.__cause__
    details = getattr(oorzaak, "schema_errors", None) or ([oorzaak] if oorzaak else [])
    uitleg = "; ".join(str(d).splitlines()[0] for d in details if str(d))
    return f"{type(exc).__name__}: {uitleg or exc}"


def _verzoek(host: str, methode: str, pad: str, headers: Any, body: bytes) -> MockRequest:
    return MockRequest(
        host,
        methode.lower(),
        pad,
        headers=dict(headers),
        data=body or None,
        content_type=headers.get("content-type", "application/json") if body else "",
    )


def _antwoord(status: int, headers: Any, body: bytes) -> MockResponse:
    return MockResponse(
        body,
        status_code=status,
        headers=dict(headers),
        content_type=headers.get("content-type", "application/json") if body else "",
    )


class Contract:
    def __init__(self) -> None:
        self.fouten: list[str] = []
        self.gecontroleerd: list[str] = []

    def _spec_server(self, operatie: Operatie) -> tuple[OpenAPI, str]:
        return openapi(operatie.api.naam, f"{DUO_HOST}/v{operatie.api.major}"), DUO_HOST

    def verzoek(self, request: httpx.Request) -> None:
        operatie = operatie_voor(request.method, request.url.path)
        if operatie is None:
            self.fouten.append(f"no operation for {request.method} (path withheld)")
            return
        spec, host = self._spec_server(operatie)
        mock = _verzoek(host, request.method, request.url.path, request.headers, request.content)
        try:
            spec.validate_request(mock)
        except Exception as exc:
            self.fouten.append(f"request {operatie.operation_id}: {_uitleg(exc)}")
        self.gecontroleerd.append(f"request {operatie.operation_id}")

    def antwoord(self, request: httpx.Request, response: httpx.Response) -> None:
        operatie = operatie_voor(request.method, request.url.path)
        if operatie is None:
            return
        spec, host = self._spec_server(operatie)
        mock_v = _verzoek(host, request.method, request.url.path, request.headers, request.content)
        mock_a = _antwoord(response.status_code, response.headers, response.content)
        try:
            spec.validate_response(mock_v, mock_a)
        except Exception as exc:
            self.fouten.append(
                f"response {operatie.operation_id} {response.status_code}: {_uitleg(exc)}"
            )
        self.gecontroleerd.append(f"response {operatie.operation_id} {response.status_code}")

    def notificatie(
        self, headers: dict[str, str], body: bytes, status: int, antwoord_headers
    ) -> None:
        """A notification the simulator sends and Regie's answer, against the Notificatie API."""
        spec = openapi(NOTIFICATIE.naam, f"{REGIE_HOST}/duo/v1")
        kop = {k.lower(): v for k, v in headers.items()}
        mock_v = _verzoek(REGIE_HOST, "POST", "/duo/v1/notificaties", kop, body)
        try:
            spec.validate_request(mock_v)
        except Exception as exc:
            self.fouten.append(f"notification request: {_uitleg(exc)}")
        mock_a = _antwoord(status, {k.lower(): v for k, v in antwoord_headers.items()}, b"")
        try:
            spec.validate_response(mock_v, mock_a)
        except Exception as exc:
            self.fouten.append(f"notification response {status}: {_uitleg(exc)}")
        self.gecontroleerd.append(f"notification {status}")


class ContractTransport(httpx.BaseTransport):
    def __init__(self, contract: Contract, inner: httpx.BaseTransport | None = None) -> None:
        self.contract = contract
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.contract.verzoek(request)
        response = self.inner.handle_request(request)
        response.read()
        self.contract.antwoord(request, response)
        return response


def spec_operaties() -> dict[str, tuple[str, str, str]]:
    """operationId -> (api, method, path) from the published specs (Notificatie excluded)."""
    uit = {}
    for api in APIS:
        for pad, methoden in ruwe_spec(api.naam)["paths"].items():
            for methode, operatie in methoden.items():
                if isinstance(operatie, dict) and "operationId" in operatie:
                    uit[operatie["operationId"]] = (api.naam, methode.upper(), pad)
    return uit
