"""The one audit logger. Call it inside the transaction of the change it records."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from regie.audit.models import AuditGebeurtenis

GENESIS = "0" * 64
# Any constant key: serialises writers of the hash chain on PostgreSQL.
_ADVISORY_LOCK_KEY = 0x5245_4749_4541_5544


def herkomst(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")[:45]


def _canonical(fields: dict[str, Any]) -> str:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)


def bereken_hash(event: AuditGebeurtenis) -> str:
    fields = {
        "volgnummer": event.volgnummer,
        "tijdstip": event.tijdstip.isoformat(),
        "actor_id": event.actor_id,
        "actor_weergave": event.actor_weergave,
        "actie": event.actie,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "dossier_id": str(event.dossier_id) if event.dossier_id else None,
        "resultaat": event.resultaat,
        "herkomst": event.herkomst,
        "gegevens": event.gegevens,
        "vorige_hash": event.vorige_hash,
    }
    return hashlib.sha256(_canonical(fields).encode()).hexdigest()


class _Bundel(threading.local):
    """The events of an open :func:`gebundeld` block on this thread (None: none open)."""

    events: list[AuditGebeurtenis] | None = None


_bundel = _Bundel()


def _ketenkop() -> tuple[int, str]:
    """Lock the chain for this transaction and return (next volgnummer, previous hash)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK_KEY])
    # On SQLite every write transaction is already serialised (IMMEDIATE mode).
    last = (
        AuditGebeurtenis.objects.order_by("-volgnummer").values_list("volgnummer", "hash").first()
    )
    return (last[0] + 1, last[1]) if last else (1, GENESIS)


def _aan_keten(events: list[AuditGebeurtenis]) -> None:
    """Number, link and insert ``events`` (in this order) at the head of the chain."""
    volgnummer, vorige_hash = _ketenkop()
    nu = timezone.now()
    for event in events:
        event.volgnummer = volgnummer
        event.tijdstip = nu
        event.vorige_hash = vorige_hash
        event.hash = bereken_hash(event)
        volgnummer, vorige_hash = volgnummer + 1, event.hash
    AuditGebeurtenis.objects.bulk_create(events)


@contextmanager
def gebundeld() -> Iterator[None]:
    """Collect the events logged inside this block and append them to the chain together at
    its end, with one lock and one insert (the DUO worker's batch of notifications).

    Use inside the transaction of the changes they record: an exception inside the block
    writes nothing, and the caller's transaction rolls back with it. Every event of the block
    carries the time it was written, when the block ends."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit.gebundeld() belongs inside the transaction it records")
    if _bundel.events is not None:
        raise RuntimeError("audit.gebundeld() blocks do not nest")
    _bundel.events = []
    try:
        yield
        events = _bundel.events
    finally:
        _bundel.events = None
    if events:
        _aan_keten(events)


def log(
    *,
    actor: Any,
    actie: str,
    request: HttpRequest | None = None,
    object_type: str = "",
    object_id: Any = "",
    dossier_id: Any = None,
    resultaat: str = AuditGebeurtenis.Resultaat.GESLAAGD,
    gegevens: dict[str, Any] | None = None,
) -> AuditGebeurtenis:
    """Append one audit event to the chain. Never pass a BSN in ``gegevens``.

    Inside the caller's transaction without a savepoint of its own: if the event cannot be
    written, the change it records is rolled back with it (no change without its audit).
    Inside :func:`gebundeld` the event is written when that block ends."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    event = AuditGebeurtenis(
        actor=actor if authenticated else None,
        actor_weergave=(actor.get_username() if authenticated else "anoniem"),
        actie=actie,
        object_type=object_type,
        object_id=str(object_id or ""),
        dossier_id=dossier_id,
        resultaat=resultaat,
        herkomst=herkomst(request),
        gegevens=json.loads(_canonical(gegevens or {})),
    )
    if _bundel.events is not None:
        _bundel.events.append(event)
        return event
    with transaction.atomic(savepoint=False):
        _aan_keten([event])
    return event


def gelezen(
    request: HttpRequest,
    *,
    object_type: str,
    object_id: Any = "",
    dossier_id: Any = None,
    **gegevens: Any,
) -> AuditGebeurtenis:
    """The one event of a request that shows personal data (targets R-05): who read what,
    from where. ``gegevens`` say which screen or channel, never the data itself."""
    return log(
        actor=request.user,
        request=request,
        actie=AuditGebeurtenis.Actie.LEZEN,
        object_type=object_type,
        object_id=object_id,
        dossier_id=dossier_id,
        gegevens=gegevens or None,
    )


def verifieer_keten(events: Iterable[AuditGebeurtenis] | None = None) -> list[int]:
    """Return the volgnummers whose hash or link does not match: empty means intact."""
    if events is None:
        events = AuditGebeurtenis.objects.order_by("volgnummer").iterator(chunk_size=2000)
    broken: list[int] = []
    vorige = GENESIS
    for event in events:
        if event.vorige_hash != vorige or bereken_hash(event) != event.hash:
            broken.append(event.volgnummer)
        vorige = event.hash
    return broken
