"""Work items: what a case manager (or the functioneel beheerder) must do because of DUO.

``werkitem_aanmaken`` is idempotent on its ``sleutel``: processing the same notification or
refusal again never adds a second item. ``afhandelen`` is the one status transition.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers.services import ServiceFout
from regie.integrations.duo.models import Werkitem

Details = list[dict[str, str]]


def details(*paren: tuple[str, Any]) -> Details:
    """[("label", waarde), ...] -> the JSON shape of ``Werkitem.details``; empty values dropped."""
    return [{"label": str(label), "waarde": str(waarde)} for label, waarde in paren if waarde]


def werkitem_aanmaken(
    *,
    gemeente_id: int,
    soort: str,
    titel: str,
    dossier_id: Any = None,
    toelichting: str = "",
    gegevens: Details | None = None,
    sleutel: str | None = None,
    inbox_id: int | None = None,
    outbox_id: int | None = None,
    door: Any = None,
) -> Werkitem:
    """Create an open work item, or return the existing one with the same ``sleutel``."""
    if sleutel:
        bestaand = Werkitem.objects.filter(sleutel=sleutel).first()
        if bestaand is not None:
            return bestaand
    try:
        with transaction.atomic():
            item = Werkitem.objects.create(
                gemeente_id=gemeente_id,
                dossier_id=dossier_id,
                soort=soort,
                titel=titel[:200],
                toelichting=toelichting,
                details=gegevens or [],
                sleutel=sleutel,
                inbox_id=inbox_id,
                outbox_id=outbox_id,
                aangemaakt_door=door if getattr(door, "is_authenticated", False) else None,
            )
    except IntegrityError:
        # A concurrent creator with the same key won; theirs is the one.
        return Werkitem.objects.get(sleutel=sleutel)
    return item


@transaction.atomic
def afhandelen(*, werkitem: Werkitem, door: Any, request: HttpRequest | None = None) -> Werkitem:
    """Mark a work item done (open -> afgehandeld). Doing it twice is refused."""
    bijgewerkt = Werkitem.objects.filter(pk=werkitem.pk, status=Werkitem.Status.OPEN).update(
        status=Werkitem.Status.AFGEHANDELD,
        afgehandeld_door=door,
        afgehandeld_op=timezone.now(),
    )
    if not bijgewerkt:
        raise ServiceFout(_("Dit werkitem is al afgehandeld."))
    werkitem.refresh_from_db()
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="duo_werkitem",
        object_id=werkitem.pk,
        dossier_id=werkitem.dossier_id,
        gegevens={"voor": {"status": "open"}, "na": {"status": "afgehandeld"}},
    )
    return werkitem
