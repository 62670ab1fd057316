"""Benchmark of the DUO inbox: notifications processed per second on the current database.

``meet_inbox(aantal)`` stores ``aantal`` notifications (a realistic mix: new obligations that
open a dossier, settlements, the PIP clock, exam results) for ``aantal // 4`` people, then lets
the worker drain the inbox against an in-process simulator (no sockets, so the database is what
is measured) and reports the rate by the wall clock and per CPU second of the workers.

On PostgreSQL ``meet_inbox(aantal, workers=N)`` measures what production runs: N worker
processes side by side (``SKIP LOCKED``, default 1), each with its own connection and its own
in-process simulator, each notification its own committed transaction. Afterwards the
benchmark deletes what it created (dossiers, timeline, notifications, work items, its
municipality); the audit events stay, because the audit table refuses deletes (they name the
DUO-koppeling as actor). On SQLite one worker runs in one transaction that is rolled back.
Target (issue 5): >= 200/s on PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
import time
import uuid
from collections import Counter
from datetime import date, timedelta
from typing import Any

import httpx
from django.db import connection, connections, transaction
from django.utils import timezone

from regie.core.models import Gemeente
from regie.demo.generator import bsn_reeks
from regie.dossiers.models import Dossier, Inburgeraar, TijdlijnFeit
from regie.integrations.duo import conf
from regie.integrations.duo.client import DuoClient
from regie.integrations.duo.models import InboxNotificatie, OutboxBericht, Werkitem
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


def _simulator(bsns: list[str], vandaag: date) -> Simulator:
    sim = Simulator(duo_oin=conf.DUO_OIN, gemeenten={BENCH_OIN: "9999"})
    for bsn in bsns:
        persoon = sim.persoon(bsn, BENCH_OIN, vestiging=vandaag)
        persoon.examens.append(
            {"examendatum": vandaag.isoformat(), "resultaat": "Geslaagd", "onderdeel": "KNM"}
        )
    return sim


def _client(sim: Simulator) -> DuoClient:
    return DuoClient(
        bron_oin=BENCH_OIN,
        http=httpx.Client(transport=directe_transport(sim), base_url="http://duo.bench"),
    )


def _notificaties_opslaan(aantal: int) -> tuple[Gemeente, list[str], int]:
    """The benchmark municipality, its people and ``aantal`` stored notifications."""
    personen = max(1, aantal // len(GOLVEN))
    gemeente, _ = Gemeente.objects.update_or_create(
        cbs_code="9999", defaults={"naam": "Benchmarkgemeente", "oin": BENCH_OIN}
    )
    bsns = _bsns(personen)
    nu = timezone.now()
    # Person by person, as an inbox fills over time: one person's events in DUO's order,
    # interleaved with everybody else's (not 2,500 new obligations first, then the rest).
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
        for bsn in bsns
        for golf, code in enumerate(GOLVEN)
    ][:aantal]
    InboxNotificatie.objects.bulk_create(rijen, batch_size=2_000)
    return gemeente, bsns, len(rijen)


def _uitkomst(
    aantal: int, verwerkt: int, totaal: dict[str, int], duur: float, cpu: float, workers: int
) -> dict[str, Any]:
    return {
        "aantal": aantal,
        "verwerkt": verwerkt,
        "uitkomsten": dict(totaal),
        "workers": workers,
        "seconden": round(duur, 3),
        "per_seconde": round(aantal / duur, 1) if duur else None,
        # The workers' own CPU time: on a busy machine the wall clock also counts other work.
        "cpu_seconden": round(cpu, 3),
        "per_cpu_seconde": round(aantal / cpu, 1) if cpu else None,
        "doel_per_seconde": DOEL_PER_SECONDE,
        "database": connection.vendor,
    }


def meet_inbox(
    aantal: int = 10_000, *, batch: int = 200, workers: int | None = None
) -> dict[str, Any]:
    """Notifications processed per second.

    PostgreSQL (or ``workers`` given): ``workers`` worker processes (default 1) with committed
    transactions, as production runs them; the benchmark deletes its rows afterwards. SQLite:
    one worker inside one transaction that is rolled back. (On PostgreSQL that would make every
    notification a subtransaction of one huge transaction; past 64 of them PostgreSQL's
    visibility checks slow down with their number, so the rate would measure the benchmark.)"""
    if workers is not None or connection.vendor == "postgresql":
        return _meet_parallel(aantal, batch=batch, workers=workers or 1)
    with transaction.atomic():
        gemeente, bsns, opgeslagen = _notificaties_opslaan(aantal)
        client = _client(_simulator(bsns, timezone.localdate()))
        worker = Worker(clients=lambda _gemeente: client, batch=batch)
        start, cpu_start = time.perf_counter(), time.process_time()
        totaal = worker.draai(eenmalig=True)
        duur = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        verwerkt = InboxNotificatie.objects.filter(
            gemeente=gemeente, status=InboxNotificatie.Status.VERWERKT
        ).count()
        transaction.set_rollback(True)
    return _uitkomst(opgeslagen, verwerkt, totaal, duur, cpu, 1)


def _bench_worker(
    gemeente_id: int,
    bsns: list[str],
    vandaag: date,
    batch: int,
    klaar: Any,
    start: Any,
    resultaten: Any,
) -> None:
    """One worker process: drain the benchmark municipality's inbox, report counts and CPU."""
    connections.close_all()  # never share the parent's socket
    try:
        client = _client(_simulator(bsns, vandaag))
        worker = Worker(clients=lambda _gemeente: client, batch=batch)
        open_rijen = InboxNotificatie.objects.filter(
            gemeente_id=gemeente_id, status__in=InboxNotificatie.OPEN
        )
        klaar.wait()
        start.wait()
        cpu_start = time.process_time()
        telling: Counter[str] = Counter()
        while True:
            uitkomst = worker.ronde()
            for status, aantal in uitkomst["inbox"].items():
                telling[f"inbox:{status}"] += aantal
            if not uitkomst["inbox"]:
                # Nothing claimable: the rest is claimed by the others, or all is done.
                if not open_rijen.exists():
                    break
                time.sleep(0.01)
        resultaten.put((dict(telling), time.process_time() - cpu_start))
    except BaseException as exc:  # the parent must not wait forever
        resultaten.put(({"fout": repr(exc)}, 0.0))
        raise
    finally:
        connections.close_all()


def _opruimen(gemeente_id: int) -> None:
    """Delete what a parallel run committed (the audit events stay: append-only)."""
    with transaction.atomic():
        dossiers = Dossier.objects.filter(regie_gemeente_id=gemeente_id)
        personen = list(dossiers.values_list("inburgeraar_id", flat=True))
        Werkitem.objects.filter(gemeente_id=gemeente_id).delete()
        OutboxBericht.objects.filter(gemeente_id=gemeente_id).delete()
        InboxNotificatie.objects.filter(gemeente_id=gemeente_id).delete()
        TijdlijnFeit.objects.filter(dossier__regie_gemeente_id=gemeente_id).delete()
        dossiers.delete()
        Inburgeraar.objects.filter(pk__in=personen).delete()
        Gemeente.objects.filter(pk=gemeente_id).delete()


def _meet_parallel(aantal: int, *, batch: int, workers: int) -> dict[str, Any]:
    if connection.vendor != "postgresql":
        raise ValueError("parallel workers need PostgreSQL (SELECT … FOR UPDATE SKIP LOCKED)")
    if connection.in_atomic_block:
        raise ValueError("parallel workers must see committed rows: call outside a transaction")
    vorige = Gemeente.objects.filter(cbs_code="9999").first()
    if vorige is not None:
        # Only ever the benchmark's own municipality: its rows are deleted afterwards.
        if (vorige.naam, vorige.oin) != ("Benchmarkgemeente", BENCH_OIN):
            raise ValueError("CBS code 9999 belongs to a real municipality in this database")
        _opruimen(vorige.pk)  # what an interrupted earlier run left behind
    with transaction.atomic():
        gemeente, bsns, opgeslagen = _notificaties_opslaan(aantal)
    try:
        connections.close_all()
        context = multiprocessing.get_context("fork")
        klaar = context.Barrier(workers + 1)
        start = context.Event()
        resultaten = context.Queue()
        processen = [
            context.Process(
                target=_bench_worker,
                args=(gemeente.pk, bsns, timezone.localdate(), batch, klaar, start, resultaten),
                daemon=True,
            )
            for _ in range(workers)
        ]
        for proces in processen:
            proces.start()
        klaar.wait(timeout=120)
        begin = time.perf_counter()
        start.set()
        per_worker = [resultaten.get(timeout=3_600) for _ in processen]
        duur = time.perf_counter() - begin
        for proces in processen:
            proces.join(timeout=30)
        totaal: Counter[str] = Counter()
        for telling, _cpu in per_worker:
            totaal.update(telling)
        cpu = sum(c for _t, c in per_worker)
        verwerkt = InboxNotificatie.objects.filter(
            gemeente=gemeente, status=InboxNotificatie.Status.VERWERKT
        ).count()
    finally:
        _opruimen(gemeente.pk)
    return _uitkomst(opgeslagen, verwerkt, totaal, duur, cpu, workers)
