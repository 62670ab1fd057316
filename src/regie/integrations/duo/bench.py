"""Benchmark of the DUO inbox: notifications processed per second on the current database.

``meet_inbox(aantal)`` stores ``aantal`` notifications (a realistic mix: new obligations that
open a dossier, settlements, the PIP clock, exam results) for ``aantal // 4`` people, then lets
one worker drain the inbox against an in-process simulator (no sockets, so the database is what
is measured) and reports the rate by the wall clock and per CPU second of the worker process.
Everything runs in one transaction that is rolled back: the benchmark database keeps nothing.
Target (issue 5): >= 200/s on PostgreSQL.
"""

from __future__ import annotations

import time
import uuid
from datetime import timedelta
from typing import Any

import httpx
from django.db import connection, transaction
from django.utils import timezone

from regie.core.models import Gemeente
from regie.demo.generator import bsn_reeks
from regie.dossiers.models import Inburgeraar
from regie.integrations.duo import conf
from regie.integrations.duo.client import DuoClient
from regie.integrations.duo.models import InboxNotificatie
from regie.integrations.duo.simulator import Simulator
from regie.integrations.duo.worker import Worker

DOEL_PER_SECONDE = 200
BENCH_OIN = "00000001009999999000"
GOLVEN = ("SS101", "SS120", "SS139", "SS199")


def directe_transport(sim: Simulator) -> httpx.MockTransport:
    """The simulator called in-process without WSGI or sockets: what remains is Regie."""

    def behandel(request: httpx.Request) -> httpx.Response:
        antwoord = sim.behandel(
            request.method, request.url.path, dict(request.headers), request.content
        )
        return httpx.Response(
            antwoord.status,
            headers=list(antwoord.headers),
            json=antwoord.body if antwoord.body is not None else None,
        )

    return httpx.MockTransport(behandel)


def _bsns(aantal: int) -> list[str]:
    bestaand = set(Inburgeraar.objects.values_list("bsn", flat=True))
    uit: list[str] = []
    for bsn in bsn_reeks(start=700_000):
        if bsn not in bestaand:
            uit.append(bsn)
        if len(uit) == aantal:
            return uit
    raise RuntimeError("no free test BSNs left")


def meet_inbox(aantal: int = 10_000, *, batch: int = 200) -> dict[str, Any]:
    personen = max(1, aantal // len(GOLVEN))
    with transaction.atomic():
        gemeente, _ = Gemeente.objects.update_or_create(
            cbs_code="9999", defaults={"naam": "Benchmarkgemeente", "oin": BENCH_OIN}
        )
        sim = Simulator(duo_oin=conf.DUO_OIN, gemeenten={BENCH_OIN: "9999"})
        vandaag = timezone.localdate()
        bsns = _bsns(personen)
        for bsn in bsns:
            persoon = sim.persoon(bsn, BENCH_OIN, vestiging=vandaag)
            persoon.examens.append(
                {"examendatum": vandaag.isoformat(), "resultaat": "Geslaagd", "onderdeel": "KNM"}
            )
        nu = timezone.now()
        rijen = [
            InboxNotificatie(
                bericht_id=uuid.uuid4(),
                bron_oin=conf.DUO_OIN,
                doel_oin=BENCH_OIN,
                gemeente=gemeente,
                gebeurtenis=code,
                bsn=bsn,
                registratie_op=nu + timedelta(seconds=golf),
            )
            for golf, code in enumerate(GOLVEN)
            for bsn in bsns
        ][:aantal]
        InboxNotificatie.objects.bulk_create(rijen, batch_size=2_000)
        client = DuoClient(
            bron_oin=BENCH_OIN,
            http=httpx.Client(transport=directe_transport(sim), base_url="http://duo.bench"),
        )
        worker = Worker(clients=lambda _gemeente: client, batch=batch)
        start, cpu_start = time.perf_counter(), time.process_time()
        totaal = worker.draai(eenmalig=True)
        duur = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        verwerkt = InboxNotificatie.objects.filter(
            gemeente=gemeente, status=InboxNotificatie.Status.VERWERKT
        ).count()
        transaction.set_rollback(True)
    return {
        "aantal": len(rijen),
        "verwerkt": verwerkt,
        "uitkomsten": dict(totaal),
        "seconden": round(duur, 3),
        "per_seconde": round(len(rijen) / duur, 1) if duur else None,
        # The worker's own CPU time: on a busy machine the wall clock also counts other work.
        "cpu_seconden": round(cpu, 3),
        "per_cpu_seconde": round(len(rijen) / cpu, 1) if cpu else None,
        "doel_per_seconde": DOEL_PER_SECONDE,
        "database": connection.vendor,
    }
