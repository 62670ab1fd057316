"""Claiming rows for a worker: one transaction that picks and marks them.

On PostgreSQL the pick is ``SELECT … FOR UPDATE SKIP LOCKED``, so concurrent workers never
take the same row; on SQLite every write transaction is serialised (``IMMEDIATE``), which gives
the same guarantee for the single worker SQLite is meant for. A claim is a lease
(``DUO_CLAIM_LEASE_SECONDS``): a worker that dies loses its rows when the lease runs out, and
the row's final transition always re-checks, under a row lock, that the lease is still its own.

Rows of one person (inbox: BSN) or one dossier (outbox) are handled in arrival order: a row is
only picked when no earlier row of the same group is still open.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import connection, models
from django.db.models import Exists, OuterRef, Q


def worker_naam() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def lease_tot(nu: datetime, seconden: int) -> datetime:
    return nu + timedelta(seconds=seconden)


def claimbaar(
    model: type[models.Model],
    *,
    nu: datetime,
    nieuw: str,
    herhaal: str,
    bezig: str,
    open_statussen: Iterable[str],
    groep: str,
    limiet: int,
) -> list[int]:
    """Ids of rows this worker may take now, oldest first. Call inside the claim transaction."""
    manager = model._default_manager
    eerder_open = manager.filter(
        **{groep: OuterRef(groep)}, id__lt=OuterRef("id"), status__in=list(open_statussen)
    )
    qs = manager.filter(
        Q(status=nieuw)
        | Q(status=herhaal, volgende_poging__lte=nu)
        | Q(status=bezig, geclaimd_tot__lt=nu)
    ).filter(~Exists(eerder_open))
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True)
    return list(qs.order_by("id").values_list("id", flat=True)[:limiet])


def wachttijd(pogingen: int, *, basis: int, maximum: int) -> timedelta:
    """Exponential back-off: basis, 2×basis, 4×basis, … capped at ``maximum`` seconds."""
    exponent = max(0, min(pogingen - 1, 30))
    return timedelta(seconds=min(basis * (2**exponent), maximum))
