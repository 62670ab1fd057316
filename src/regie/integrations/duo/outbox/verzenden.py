"""The worker's side of the outbox: claim deliveries, send them, record the outcome.

Exactly once at DUO, never lost:

1. Claim (one transaction): the row becomes ``bezig`` for this worker (a lease), its attempt
   counter goes up and a ``VerzendPoging`` is written — before DUO is called.
2. Send, outside any transaction, with the row's own ``bericht_id``. A resend after a crash
   carries the same berichtId, so DUO recognises it and does not register it twice.
3. Outcome (one transaction, under a row lock, only while the lease is still this worker's):
   ``verzonden``; ``geweigerd`` with DUO's fouttekst and a work item; or ``opnieuw`` with an
   exponential back-off (and an alarm work item after ``DUO_ALERT_AFTER_ATTEMPTS``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.integrations.duo import claims, conf, werkitems
from regie.integrations.duo.client import DuoClient, DuoTechnischeFout, DuoWeigering
from regie.integrations.duo.models import OutboxBericht, VerzendPoging, Werkitem
from regie.integrations.duo.outbox.soorten import SOORTEN

Status = OutboxBericht.Status
ClientFabriek = Callable[[Any], DuoClient]
Crash = Callable[[str], None]


def claim(worker: str, limiet: int) -> list[int]:
    nu = timezone.now()
    with transaction.atomic():
        ids = claims.claimbaar(
            OutboxBericht,
            nu=nu,
            nieuw=Status.WACHT,
            herhaal=Status.OPNIEUW,
            bezig=Status.BEZIG,
            open_statussen=OutboxBericht.OPEN,
            groep="dossier_id",
            limiet=limiet,
        )
        if ids:
            OutboxBericht.objects.filter(id__in=ids).update(
                status=Status.BEZIG,
                geclaimd_door=worker,
                geclaimd_tot=claims.lease_tot(nu, conf.CLAIM_SECONDEN),
                pogingen=F("pogingen") + 1,
            )
            VerzendPoging.objects.bulk_create(
                VerzendPoging(bericht_id=pk, nummer=pogingen, worker=worker, gestart_op=nu)
                for pk, pogingen in OutboxBericht.objects.filter(id__in=ids).values_list(
                    "id", "pogingen"
                )
            )
    return ids


def _label(bericht: OutboxBericht) -> str:
    soort = SOORTEN.get(bericht.soort)
    return soort.label if soort else bericht.soort


def _stuur(bericht: OutboxBericht, client: DuoClient) -> None:
    client.roep_aan(
        bericht.operatie,
        bsn=bericht.dossier.inburgeraar.bsn,
        pad=bericht.pad,
        body=bericht.verzoek,
        bericht_id=str(bericht.bericht_id),
    )


def verstuur(pk: int, *, worker: str, clients: ClientFabriek, crash: Crash | None = None) -> str:
    """Send one claimed delivery and record the outcome. Returns the new status."""
    bericht = (
        OutboxBericht.objects.select_related("dossier__inburgeraar", "gemeente")
        .filter(pk=pk, status=Status.BEZIG, geclaimd_door=worker)
        .first()
    )
    if bericht is None:
        return "overgeslagen"
    if crash:
        crash("outbox_voor_verzenden")
    fout: Exception | None = None
    try:
        _stuur(bericht, clients(bericht.gemeente))
    except (DuoWeigering, DuoTechnischeFout) as exc:
        fout = exc
    if crash:
        crash("outbox_verzonden")
    with transaction.atomic():
        bericht = (
            OutboxBericht.objects.select_for_update()
            .filter(pk=pk, status=Status.BEZIG, geclaimd_door=worker)
            .first()
        )
        if bericht is None:
            return "verloren"
        uitkomst = _vastleggen(bericht, fout)
        if crash:
            crash("outbox_vastgelegd")
        return uitkomst


def _vastleggen(bericht: OutboxBericht, fout: Exception | None) -> str:
    nu = timezone.now()
    poging = VerzendPoging.objects.filter(bericht=bericht, nummer=bericht.pogingen).first()
    bericht.geclaimd_door = ""
    bericht.geclaimd_tot = None
    if fout is None:
        bericht.status = Status.VERZONDEN
        bericht.verzonden_op = nu
        bericht.volgende_poging = None
        bericht.fouttekst = ""
        uitkomst = VerzendPoging.Uitkomst.VERZONDEN
    elif isinstance(fout, DuoWeigering):
        bericht.status = Status.GEWEIGERD
        bericht.volgende_poging = None
        bericht.fouttekst = fout.fouttekst
        uitkomst = VerzendPoging.Uitkomst.GEWEIGERD
        werkitems.werkitem_aanmaken(
            gemeente_id=bericht.gemeente_id,
            dossier_id=bericht.dossier_id,
            soort=Werkitem.Soort.DUO_WEIGERING,
            titel=f"Geweigerd door DUO: {_label(bericht)}",
            toelichting=(
                "DUO heeft deze levering geweigerd. Herstel de gegevens in Regie en lever "
                "opnieuw aan."
            ),
            gegevens=werkitems.details(
                ("Fouttekst van DUO", bericht.fouttekst),
                ("Levering", _label(bericht)),
                *((k, v) for k, v in bericht.gegevens.items()),
                ("berichtId", bericht.bericht_id),
            ),
            sleutel=f"outbox:{bericht.pk}:weigering",
            outbox_id=bericht.pk,
        )
    else:
        assert isinstance(fout, DuoTechnischeFout)
        bericht.status = Status.OPNIEUW
        bericht.volgende_poging = nu + claims.wachttijd(
            bericht.pogingen,
            basis=conf.HERHAAL_BASIS_SECONDEN,
            maximum=conf.HERHAAL_MAX_SECONDEN,
        )
        bericht.fouttekst = fout.melding
        uitkomst = VerzendPoging.Uitkomst.TECHNISCH
        if bericht.pogingen >= conf.ALARM_NA_POGINGEN and not bericht.alarm_gegeven:
            bericht.alarm_gegeven = True
            werkitems.werkitem_aanmaken(
                gemeente_id=bericht.gemeente_id,
                dossier_id=bericht.dossier_id,
                soort=Werkitem.Soort.VERZENDSTORING,
                titel=f"Verzending naar DUO blijft mislukken: {_label(bericht)}",
                toelichting=(
                    f"Na {bericht.pogingen} pogingen is de levering nog niet aangekomen. Regie "
                    "blijft het proberen; controleer de verbinding en het certificaat."
                ),
                gegevens=werkitems.details(("Laatste fout", fout.melding)),
                sleutel=f"outbox:{bericht.pk}:storing",
                outbox_id=bericht.pk,
            )
    bericht.save()
    if poging is not None:
        poging.geeindigd_op = nu
        poging.uitkomst = uitkomst
        poging.http_status = getattr(fout, "status", None) or (200 if fout is None else None)
        poging.melding = bericht.fouttekst
        poging.save()
    if uitkomst != VerzendPoging.Uitkomst.TECHNISCH:
        # Sending personal data to DUO is a disclosure: audited once, when it is final.
        audit.log(
            actor=None,
            actie=AuditGebeurtenis.Actie.WIJZIGEN,
            object_type="duo_levering",
            object_id=bericht.pk,
            dossier_id=bericht.dossier_id,
            resultaat=(
                AuditGebeurtenis.Resultaat.GESLAAGD
                if fout is None
                else AuditGebeurtenis.Resultaat.GEWEIGERD
            ),
            gegevens={
                "door": "DUO-koppeling",
                "soort": bericht.soort,
                "operatie": bericht.operatie,
                "bericht_id": str(bericht.bericht_id),
                "status": bericht.status,
            },
        )
    return bericht.status
