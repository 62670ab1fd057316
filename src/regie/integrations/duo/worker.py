"""``regie worker``: processes the DUO inbox and sends the outbox, in a loop.

Several workers may run side by side on PostgreSQL (claims use ``SKIP LOCKED``); on SQLite run
one. Each round: release notifications that waited for a dossier that now exists, refresh
DUO's list of recognised institutions when due, process a batch of notifications, send a
batch of deliveries. ``--once`` drains everything that is due
and exits (tests, cron). SIGTERM/SIGINT finish the current row and stop.

``crash`` is a test hook: a callable invoked at named points between the steps; a test raises
from it to simulate the process dying exactly there.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections import Counter
from typing import Any

from django.db import close_old_connections, connection

from regie.dossiers import regels
from regie.integrations.duo import claims, conf, instellingen
from regie.integrations.duo.client import DuoClient
from regie.integrations.duo.client.fouten import DuoFout
from regie.integrations.duo.inbox import verwerken
from regie.integrations.duo.outbox import verzenden

log = logging.getLogger(__name__)
INSTELLINGEN_KIJKEN_SECONDEN = 300


def standaard_clients(gemeente: Any) -> DuoClient:
    return DuoClient.voor_gemeente(gemeente)


class Worker:
    def __init__(
        self,
        *,
        naam: str | None = None,
        clients: verwerken.ClientFabriek | None = None,
        batch: int = 50,
        crash: verwerken.Crash | None = None,
        instellingen_verversen: bool = False,
    ) -> None:
        self.naam = naam or claims.worker_naam()
        self.clients = clients or standaard_clients
        self.batch = batch
        self.crash = crash
        self.stop = threading.Event()
        # ``regie worker`` keeps DUO's institution list fresh; tests and benchmarks do not.
        self.instellingen_verversen = instellingen_verversen
        self._instellingen_na = 0.0  # monotonic time of the next look at the institution list

    def inbox_ronde(self) -> Counter[str]:
        telling: Counter[str] = Counter()
        ids = verwerken.claim(self.naam, self.batch)
        if not ids:
            return telling
        geladen = verwerken.laad(ids)
        if self.crash:
            self.crash("inbox_geclaimd")
        # The rules' parameters are read once per batch, not once per fact.
        with regels.parameters_vastgezet():
            return verwerken.verwerk_batch(
                [geladen[pk] for pk in ids if pk in geladen],
                worker=self.naam,
                clients=self.clients,
                crash=self.crash,
                stop=self.stop.is_set,
            )

    def outbox_ronde(self) -> Counter[str]:
        telling: Counter[str] = Counter()
        for pk in verzenden.claim(self.naam, self.batch):
            if self.crash:
                self.crash("outbox_geclaimd")
            uitkomst = verzenden.verstuur(
                pk, worker=self.naam, clients=self.clients, crash=self.crash
            )
            telling[uitkomst] += 1
            if self.stop.is_set():
                break
        return telling

    def instellingen_ronde(self) -> None:
        """Refresh DUO's list of recognised institutions when it is due; looked at once every
        few minutes, not every round. DUO unreachable: logged, tried again later."""
        nu = time.monotonic()
        if not self.instellingen_verversen or nu < self._instellingen_na:
            return
        self._instellingen_na = nu + INSTELLINGEN_KIJKEN_SECONDEN
        try:
            instellingen.verversen_indien_nodig(self.clients)
        except DuoFout as exc:
            log.warning("DUO-instellingen niet opgehaald: %s", exc.melding)

    def ronde(self) -> dict[str, Counter[str]]:
        """One pass over both queues; returns what happened, per queue."""
        verwerken.wachtenden_vrijgeven()
        self.instellingen_ronde()
        return {"inbox": self.inbox_ronde(), "outbox": self.outbox_ronde()}

    def draai(self, *, eenmalig: bool = False) -> Counter[str]:
        """Loop until stopped; with ``eenmalig`` until nothing is due any more."""
        totaal: Counter[str] = Counter()
        while not self.stop.is_set():
            if not connection.in_atomic_block:  # a benchmark runs the worker inside one
                close_old_connections()
            uitkomst = self.ronde()
            gedaan = sum(uitkomst["inbox"].values()) + sum(uitkomst["outbox"].values())
            for wachtrij, telling in uitkomst.items():
                for status, aantal in telling.items():
                    totaal[f"{wachtrij}:{status}"] += aantal
            if gedaan:
                log.info("DUO-worker %s: %s", self.naam, dict(totaal))
                continue
            if eenmalig:
                break
            self.stop.wait(conf.WORKER_INTERVAL_SECONDEN)
        return totaal

    def stop_bij_signaal(self) -> None:
        def _stop(signum: int, frame: Any) -> None:
            log.info("DUO-worker %s stopt na de huidige regel", self.naam)
            self.stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)


def draai_eenmalig(**kwargs: Any) -> Counter[str]:
    """Drain both queues once (tests, benchmarks)."""
    return Worker(**kwargs).draai(eenmalig=True)
