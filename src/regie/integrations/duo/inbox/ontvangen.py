"""Storing a notification from DUO: first, durably, once per berichtId.

The endpoint acknowledges (201) only after this returned, so a notification DUO saw
acknowledged is in the table. A repeat (same berichtId) changes nothing and is acknowledged
again. Processing happens later, in the worker.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.models import Gemeente
from regie.integrations.duo.models import InboxNotificatie


@dataclass(frozen=True)
class Ontvangst:
    notificatie: InboxNotificatie
    nieuw: bool


def ontvang(
    *,
    bericht_id: uuid.UUID,
    bron_oin: str,
    doel_oin: str,
    gebeurtenis: str,
    registratie_op: datetime,
    bsn: str = "",
    v_nummer: int | None = None,
    herkomst: Any = None,
) -> Ontvangst:
    """Store the notification unless its berichtId is already stored."""
    bestaand = InboxNotificatie.objects.filter(bericht_id=bericht_id).first()
    if bestaand is not None:
        return Ontvangst(bestaand, False)
    gemeente_id = (
        Gemeente.objects.filter(oin=doel_oin).values_list("pk", flat=True).first()
        if doel_oin
        else None
    )
    try:
        with transaction.atomic():
            notificatie = InboxNotificatie.objects.create(
                bericht_id=bericht_id,
                bron_oin=bron_oin,
                doel_oin=doel_oin,
                gemeente_id=gemeente_id,
                gebeurtenis=gebeurtenis,
                bsn=bsn,
                v_nummer=v_nummer,
                registratie_op=registratie_op,
            )
            audit.log(
                actor=None,
                request=herkomst,
                actie=AuditGebeurtenis.Actie.AANMAKEN,
                object_type="duo_notificatie",
                object_id=notificatie.pk,
                gegevens={"gebeurtenis": gebeurtenis, "bericht_id": str(bericht_id), "door": "DUO"},
            )
    except IntegrityError:
        # The same notification arrived twice at once; the other request stored it.
        return Ontvangst(InboxNotificatie.objects.get(bericht_id=bericht_id), False)
    return Ontvangst(notificatie, True)
