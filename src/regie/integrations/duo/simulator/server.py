"""Serving the simulator over HTTP and pushing its notifications to Regie.

``start(sim, host, port)`` runs a threaded WSGI server (stdlib ``wsgiref``) in a background
thread; ``Bezorger`` posts queued notifications to Regie's Notificatie endpoint with DUO's
headers and the shared secret, and keeps each one until Regie answered 201. Request lines are
never logged: DUO's paths contain the BSN.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import httpx

from regie.integrations.duo.simulator.app import Simulator
from regie.integrations.duo.simulator.staat import Notificatie

log = logging.getLogger(__name__)

NOTIFICATIE_VERSIE = "1.8.0"
GEHEIM_HEADER = "X-Duo-Notificatie-Geheim"


def wsgi(sim: Simulator) -> Callable[..., Iterable[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        headers = {
            sleutel[5:].replace("_", "-").lower(): waarde
            for sleutel, waarde in environ.items()
            if sleutel.startswith("HTTP_")
        }
        lengte = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(lengte) if lengte else b""
        if sim.vertraging and not environ.get("PATH_INFO", "").startswith("/_simulator/"):
            time.sleep(sim.vertraging)
        antwoord = sim.behandel(
            environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""), headers, body
        )
        uit = b"" if antwoord.body is None else json.dumps(antwoord.body).encode()
        kop = list(antwoord.headers)
        if uit:
            kop.append(("Content-Type", "application/json"))
        kop.append(("Content-Length", str(len(uit))))
        status = HTTPStatus(antwoord.status)
        start_response(f"{status.value} {status.phrase}", kop)
        return [uit]

    return app


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _StilleHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return  # the request line holds a BSN


def start(sim: Simulator, host: str = "127.0.0.1", port: int = 0) -> tuple[_Server, str]:
    """Serve in a background thread; returns the server and its base URL."""
    server = make_server(host, port, wsgi(sim), server_class=_Server, handler_class=_StilleHandler)
    threading.Thread(target=server.serve_forever, daemon=True, name="duo-simulator").start()
    return server, f"http://{host}:{server.server_port}"


Verzender = Callable[[dict[str, str], bytes], int]


def notificatie_headers(sim: Simulator, notificatie: Notificatie, geheim: str) -> dict[str, str]:
    return {
        "bron": sim.duo_oin,
        "doel": notificatie.doel_oin,
        "berichtId": notificatie.bericht_id,
        "API-Version": NOTIFICATIE_VERSIE,
        "Content-Type": "application/json",
        GEHEIM_HEADER: geheim,
    }


def bezorg(sim: Simulator, verzend: Verzender, *, geheim: str) -> int:
    """Push every queued notification once; returns how many Regie accepted (201)."""
    geaccepteerd = 0
    for notificatie in sim.staat.te_bezorgen():
        try:
            status = verzend(
                notificatie_headers(sim, notificatie, geheim), json.dumps(notificatie.body).encode()
            )
        except httpx.HTTPError:
            status = 0
        with sim.staat.wijziging():  # one write per attempt
            notificatie.pogingen += 1
            if status == 201:
                notificatie.bezorgd = True
        if status == 201:
            geaccepteerd += 1
        else:
            log.warning(
                "Notificatie %s (%s) niet afgeleverd: %s",
                notificatie.bericht_id,
                notificatie.body["gebeurtenisId"],
                status,
            )
            break  # keep the order: try again later, from this one
    return geaccepteerd


def http_verzender(url: str, timeout: float = 10.0) -> Verzender:
    client = httpx.Client(timeout=timeout)

    def verzend(headers: dict[str, str], body: bytes) -> int:
        return client.post(url, headers=headers, content=body).status_code

    return verzend


class Bezorger(threading.Thread):
    """Pushes notifications to Regie in the background, retrying until accepted."""

    def __init__(self, sim: Simulator, verzend: Verzender, *, geheim: str, interval: float = 0.5):
        super().__init__(daemon=True, name="duo-simulator-notificaties")
        self.sim = sim
        self.verzend = verzend
        self.geheim = geheim
        self.interval = interval
        self.stop = threading.Event()

    def run(self) -> None:
        wacht = self.interval
        while not self.stop.is_set():
            open_ = len(self.sim.staat.te_bezorgen())
            if open_ and bezorg(self.sim, self.verzend, geheim=self.geheim) < open_:
                wacht = min(wacht * 2, 30.0)  # Regie down: back off
            else:
                wacht = self.interval
            self.stop.wait(wacht)
