"""The HTTP side of the adapter: base URL, headers, mutual TLS per municipality.

DUO identifies the municipality twice: by the 'bron' OIN header and by the PKIoverheid client
certificate of the TLS connection. The certificate (and key) can differ per municipality:
``DUO_CLIENT_CERT``/``DUO_CLIENT_KEY`` may contain ``{oin}`` or ``{cbs_code}``. A regional
executing organisation that calls DUO with its own certificate on behalf of its municipalities
simply leaves ``{oin}`` out of the path.
"""

from __future__ import annotations

import ssl
import threading
from pathlib import Path
from typing import Any

import httpx

from regie.integrations.duo import conf
from regie.integrations.duo.client.fouten import DuoConfiguratieFout

_CLIENTS: dict[tuple[str, str], httpx.Client] = {}
_LOCK = threading.Lock()


def _pad(patroon: str, *, oin: str, cbs_code: str) -> str:
    return patroon.replace("{oin}", oin).replace("{cbs_code}", cbs_code)


def tls_context(*, oin: str, cbs_code: str) -> ssl.SSLContext | bool:
    """The TLS settings for one municipality: its client certificate and DUO's CA."""
    basis = conf.BASIS_URL
    if not conf.CLIENT_CERT:
        if basis.startswith("https://"):
            raise DuoConfiguratieFout(
                "DUO_CLIENT_CERT ontbreekt: DUO vereist een PKIoverheid-certificaat (mutual TLS)."
            )
        return True
    cert = _pad(conf.CLIENT_CERT, oin=oin, cbs_code=cbs_code)
    key = _pad(conf.CLIENT_KEY, oin=oin, cbs_code=cbs_code) if conf.CLIENT_KEY else None
    for bestand in (cert, key):
        if bestand and not Path(bestand).is_file():
            raise DuoConfiguratieFout(f"Certificaatbestand voor DUO niet gevonden: {bestand}")
    context = ssl.create_default_context(cafile=conf.CA_BUNDLE or None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    return context


def http_client(
    *, oin: str, cbs_code: str, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """A pooled client per municipality (and per process); a test passes its own transport."""
    opties: dict[str, Any] = {
        "base_url": conf.BASIS_URL.rstrip("/"),
        "timeout": httpx.Timeout(conf.TIMEOUT_SECONDEN),
        "follow_redirects": False,
    }
    if transport is not None:
        return httpx.Client(transport=transport, **opties)
    sleutel = (oin, conf.BASIS_URL)
    with _LOCK:
        client = _CLIENTS.get(sleutel)
        if client is None or client.is_closed:
            client = httpx.Client(verify=tls_context(oin=oin, cbs_code=cbs_code), **opties)
            _CLIENTS[sleutel] = client
        return client


def sluit_alle() -> None:
    with _LOCK:
        for client in _CLIENTS.values():
            client.close()
        _CLIENTS.clear()
