"""The worker's side of the inbox: claim notifications, fetch what they point to, apply them.

Exactly once: the fetch happens outside a transaction (GETs are harmless to repeat); the
effects on the dossier and the transition to ``verwerkt`` happen in one transaction that
re-checks, under a row lock, that this worker still holds the claim. A crash before that
commit leaves no trace but the claim, which expires; a crash after it leaves a processed
notification that is never claimed again. Notifications for existing dossiers share that
transaction in groups (:func:`verwerk_batch`); a failure undoes the group, which is then
processed one by one (:func:`verwerk`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers import signalen
from regie.dossiers.models import Dossier, Inburgeraar
from regie.dossiers.services import ServiceFout
from regie.integrations.duo import claims, conf, werkitems
from regie.integrations.duo.client import DuoClient, DuoTechnischeFout
from regie.integrations.duo.inbox import personen
from regie.integrations.duo.inbox.gebeurtenissen import CATALOGUS, Gebeurtenis
from regie.integrations.duo.inbox.ophalen import Opgehaald, ophalen
from regie.integrations.duo.inbox.toepassen import Toepassing, toepassen
from regie.integrations.duo.models import InboxNotificatie, Werkitem

Status = InboxNotificatie.Status
ClientFabriek = Callable[[Any], DuoClient]
Crash = Callable[[str], None]
_SS_CODE = re.compile(r"SS\d{3}")
MAX_OPEN_POGINGEN = 3
# Notifications applied in one shared transaction (see verwerk_batch).
PER_TRANSACTIE = 50


class Opnieuw(Exception):
    """The notification cannot be applied right now (a concurrent worker opened the dossier)."""


def claim(worker: str, limiet: int) -> list[int]:
    nu = timezone.now()
    with transaction.atomic():
        ids = claims.claimbaar(
            InboxNotificatie,
            nu=nu,
            nieuw=Status.ONTVANGEN,
            herhaal=Status.FOUT,
            bezig=Status.IN_BEHANDELING,
            open_statussen=InboxNotificatie.OPEN,
            groep="bsn",
            limiet=limiet,
        )
        if ids:
            InboxNotificatie.objects.filter(id__in=ids).update(
                status=Status.IN_BEHANDELING,
                geclaimd_door=worker,
                geclaimd_tot=claims.lease_tot(nu, conf.CLAIM_SECONDEN),
                pogingen=F("pogingen") + 1,
            )
    return ids


def wachtenden_vrijgeven(bsn: str | None = None) -> int:
    """Notifications that waited for a dossier go back in the queue once the person is known
    (opened by a later notification or by hand)."""
    qs = InboxNotificatie.objects.filter(status=Status.WACHT, reden="onbekend_bsn")
    if bsn is not None:
        qs = qs.filter(bsn=bsn)
    else:
        qs = qs.filter(bsn__in=Inburgeraar.objects.values("bsn"))
    return qs.update(status=Status.ONTVANGEN, reden="", toelichting="")


def _van_mij(pk: int, worker: str) -> InboxNotificatie | None:
    return (
        InboxNotificatie.objects.select_for_update(of=("self",))
        .select_related("gemeente")
        .filter(pk=pk, status=Status.IN_BEHANDELING, geclaimd_door=worker)
        .first()
    )


class ClaimVerloren(Exception):
    """Another worker took the notification over (this worker's lease expired)."""


def _afronden(item: InboxNotificatie, worker: str) -> None:
    """The final transition, conditional on still holding the claim (row-locked on PostgreSQL
    until commit). Zero rows means the lease was lost: the caller's transaction rolls back."""
    bijgewerkt = InboxNotificatie.objects.filter(
        pk=item.pk, status=Status.IN_BEHANDELING, geclaimd_door=worker
    ).update(
        status=item.status,
        reden=item.reden,
        toelichting=item.toelichting,
        dossier_id=item.dossier_id,
        geclaimd_door="",
        geclaimd_tot=None,
        verwerkt_op=item.verwerkt_op,
        volgende_poging=item.volgende_poging,
        resultaat=item.resultaat,
    )
    if bijgewerkt != 1:
        raise ClaimVerloren(item.pk)


def _markeer(
    item: InboxNotificatie,
    status: str,
    *,
    reden: str = "",
    toelichting: str = "",
    dossier: Any = None,
    resultaat: dict[str, Any] | None = None,
) -> None:
    item.status = status
    item.reden = reden
    item.toelichting = toelichting
    item.geclaimd_door = ""
    item.geclaimd_tot = None
    if dossier is not None:
        item.dossier = dossier
    if status != Status.FOUT:
        item.verwerkt_op = timezone.now()
        item.volgende_poging = None
    if resultaat is not None:
        item.resultaat = resultaat


def _herhaal_later(pk: int, worker: str, melding: str) -> None:
    with transaction.atomic():
        item = _van_mij(pk, worker)
        if item is None:
            return
        item.volgende_poging = timezone.now() + claims.wachttijd(
            item.pogingen, basis=conf.HERHAAL_BASIS_SECONDEN, maximum=conf.HERHAAL_MAX_SECONDEN
        )
        _markeer(item, Status.FOUT, reden="technisch", toelichting=melding)
        item.save()


def _moet_ophalen(item: InboxNotificatie, gebeurtenis: Gebeurtenis | None) -> bool:
    """Fetch whenever there is something to fetch: for the rare notification that turns out
    not to apply (unknown person) the GET was wasted, for every other one a query saved."""
    return bool(gebeurtenis and gebeurtenis.ophalen and item.gemeente_id and item.bsn)


def _melding_werkitem(item: InboxNotificatie, titel: str, toelichting: str, dossier=None) -> None:
    if item.gemeente_id is None:
        return
    werkitems.werkitem_aanmaken(
        gemeente_id=item.gemeente_id,
        dossier_id=dossier.pk if dossier else None,
        soort=Werkitem.Soort.NOTIFICATIE,
        titel=titel,
        toelichting=toelichting,
        gegevens=werkitems.details(
            ("Gebeurtenis", item.gebeurtenis),
            ("Geregistreerd bij DUO", timezone.localtime(item.registratie_op).isoformat()),
            ("berichtId", item.bericht_id),
        ),
        sleutel=f"inbox:{item.pk}:melding",
        inbox_id=item.pk,
    )


def _gebeurtenis(item: InboxNotificatie) -> Gebeurtenis | None:
    return CATALOGUS.get(item.gebeurtenis) if _SS_CODE.fullmatch(item.gebeurtenis) else None


def _beslis_en_pas_toe(
    item: InboxNotificatie,
    opgehaald: Opgehaald,
    vooraf: dict[str, list[Dossier]] | None = None,
) -> None:
    """All database decisions for one notification; runs in the claim-checked transaction.
    ``vooraf``: the batch's dossiers per BSN, read before (see :func:`verwerk_batch`)."""
    code = item.gebeurtenis
    gebeurtenis = _gebeurtenis(item)
    if gebeurtenis is None:
        dossier = personen.dossiers_voor(item, vooraf)[0] if item.gemeente_id else None
        toelichting = (
            f"Regie kent gebeurtenis {code} niet; de notificatie is bewaard, niet toegepast."
        )
        _markeer(
            item,
            Status.ONBEKEND,
            reden="onbekende_gebeurtenis",
            toelichting=toelichting,
            dossier=dossier,
        )
        _melding_werkitem(item, f"Onbekende DUO-gebeurtenis {code}", toelichting, dossier)
        return
    if item.gemeente_id is None:
        _markeer(
            item,
            Status.ANDERE_GEMEENTE,
            reden="onbekende_ontvanger",
            toelichting=f"Het doel-OIN {item.doel_oin} hoort bij geen gemeente in Regie.",
        )
        return
    if not item.bsn:
        _markeer(
            item,
            Status.WACHT,
            reden="geen_bsn",
            toelichting="De notificatie noemt geen BSN; koppel haar met de hand.",
        )
        _melding_werkitem(item, f"DUO-notificatie {code} zonder BSN", item.toelichting)
        return

    dossier, elders = personen.dossiers_voor(item, vooraf)
    nieuw, volledig = False, True
    datum = timezone.localdate(item.registratie_op)
    if dossier is None:
        if elders is not None:
            toelichting = (
                f"De inburgeraar heeft een dossier bij gemeente {elders.regie_gemeente.naam}. "
                "De notificatie is niet op dat dossier toegepast; regel de overdracht."
            )
            _markeer(
                item,
                Status.ANDERE_GEMEENTE,
                reden="dossier_andere_gemeente",
                toelichting=toelichting,
            )
            _melding_werkitem(item, f"DUO {code}: dossier bij een andere gemeente", toelichting)
            return
        if not gebeurtenis.opent_dossier:
            _markeer(
                item,
                Status.WACHT,
                reden="onbekend_bsn",
                toelichting="Nog geen dossier voor dit BSN; wordt toegepast zodra het er is.",
            )
            return
        if "plicht" in opgehaald.fouten or opgehaald["plicht"] is None:
            toelichting = "DUO gaf de inburgeringsplicht niet vrij: " + opgehaald.fouten.get(
                "plicht", ""
            )
            _markeer(item, Status.WACHT, reden="niet_bij_duo", toelichting=toelichting)
            _melding_werkitem(item, f"DUO {code}: plicht niet op te vragen", toelichting)
            return
        try:
            dossier, volledig = personen.dossier_openen(item, opgehaald, datum)
        except ServiceFout as exc:
            if item.pogingen >= MAX_OPEN_POGINGEN:
                _markeer(item, Status.WACHT, reden="dossier_openen_mislukt", toelichting=str(exc))
                _melding_werkitem(item, f"DUO {code}: dossier kon niet worden geopend", str(exc))
                return
            raise Opnieuw(str(exc)) from exc
        nieuw = True

    toepassing = Toepassing(item, dossier, gebeurtenis, opgehaald, datum)
    toepassen(toepassing)
    if nieuw:
        toepassing.taak(
            "Nieuwe inburgeringsplichtige: wijs een klantregisseur toe",
            soort=Werkitem.Soort.NIEUWE_INBURGERAAR,
            toelichting=f"Dossier geopend op melding {code} van DUO.",
            nummer=10,
        )
        if not volledig:
            toepassing.taak(
                "Persoonsgegevens aanvullen uit de BRP",
                soort=Werkitem.Soort.PERSOONSGEGEVENS,
                toelichting=(
                    "DUO levert geen naam en geboortedatum. De geboortedatum is voorlopig op "
                    "18 jaar vóór de start van de plicht gezet; vul naam, geboortedatum en "
                    "verblijf aan uit de BRP."
                ),
                nummer=11,
            )
    toepassing.werkitems_opslaan()
    _markeer(
        item,
        Status.VERWERKT,
        dossier=dossier,
        resultaat={
            "dossier_geopend": nieuw,
            "feiten": toepassing.feiten,
            "werkitems": toepassing.werkitems,
            "niet_opvraagbaar": opgehaald.fouten,
        },
    )
    audit.log(
        actor=None,
        actie=AuditGebeurtenis.Actie.AANMAKEN if nieuw else AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="dossier",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
        gegevens={
            "door": "DUO-koppeling",
            "gebeurtenis": code,
            "bericht_id": str(item.bericht_id),
            "opgehaald_bij_duo": sorted(opgehaald.gegevens),
            "feiten": len(toepassing.feiten),
        },
    )


def verwerk(
    pk: int,
    *,
    worker: str,
    clients: ClientFabriek,
    crash: Crash | None = None,
    item: InboxNotificatie | None = None,
    opgehaald: Opgehaald | None = None,
) -> str:
    """Process one claimed notification in a transaction of its own (``item``: already loaded
    with its gemeente; ``opgehaald``: already fetched from DUO). Returns what happened, for the
    worker's count."""
    if item is None:
        item = InboxNotificatie.objects.select_related("gemeente").filter(pk=pk).first()
    if item is None or item.status != Status.IN_BEHANDELING or item.geclaimd_door != worker:
        return "overgeslagen"
    if opgehaald is None:
        opgehaald = _ophalen(item, worker, clients)
        if opgehaald is None:
            return "fout"
        if crash:
            crash("inbox_opgehaald")
    try:
        with transaction.atomic():
            # The facts of one notification (up to four when it opens a dossier) refresh the
            # dossier's deadlines once, in this transaction.
            with signalen.eenmaal_bijwerken():
                _beslis_en_pas_toe(item, opgehaald)
            _afronden(item, worker)
            if crash:
                crash("inbox_toegepast")
            return item.status
    except ClaimVerloren:
        return "verloren"
    except Opnieuw as exc:
        _herhaal_later(pk, worker, str(exc))
        return "fout"


def _ophalen(item: InboxNotificatie, worker: str, clients: ClientFabriek) -> Opgehaald | None:
    """What the notification points to, fetched from DUO outside any transaction. None: DUO
    could not be reached; the notification is scheduled for a retry."""
    gebeurtenis = _gebeurtenis(item)
    if not _moet_ophalen(item, gebeurtenis):
        return Opgehaald()
    assert gebeurtenis is not None
    try:
        return ophalen(gebeurtenis, item.bsn, clients(item.gemeente))
    except DuoTechnischeFout as exc:
        _herhaal_later(item.pk, worker, exc.melding)
        return None


def _opent_dossier(item: InboxNotificatie, vooraf: dict[str, list[Dossier]]) -> bool:
    gebeurtenis = _gebeurtenis(item)
    return bool(
        gebeurtenis
        and gebeurtenis.opent_dossier
        and item.gemeente_id
        and item.bsn
        and personen.dossiers_voor(item, vooraf) == (None, None)
    )


def verwerk_batch(
    items: list[InboxNotificatie],
    *,
    worker: str,
    clients: ClientFabriek,
    crash: Crash | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Counter[str]:
    """Process a claimed batch: first fetch everything from DUO, then apply the notifications
    for existing dossiers in one transaction per :data:`PER_TRANSACTIE` (one commit, the audit
    chain locked once, the dossiers read in one query).

    A notification that opens a dossier gets a transaction of its own, so the dossier-number
    counter's lock is never held for a whole batch. If anything in a shared transaction fails
    (a lost claim, a conflict, a fault), it is rolled back as a whole and each of its
    notifications is processed on its own, exactly as :func:`verwerk` does: the outcome is
    the same, only the number of transactions differs."""
    telling: Counter[str] = Counter()
    opgehaald: dict[int, Opgehaald] = {}
    for item in items:
        if stop():
            break
        if item.status != Status.IN_BEHANDELING or item.geclaimd_door != worker:
            telling["overgeslagen"] += 1
            continue
        gevonden = _ophalen(item, worker, clients)
        if gevonden is None:
            telling["fout"] += 1
            continue
        opgehaald[item.pk] = gevonden
        if crash:
            crash("inbox_opgehaald")
    klaar = [item for item in items if item.pk in opgehaald]
    vooraf = personen.dossiers_per_bsn(item.bsn for item in klaar)
    alleen = [item.pk for item in klaar if _opent_dossier(item, vooraf)]
    samen = [item for item in klaar if item.pk not in set(alleen)]
    for begin in range(0, len(samen), PER_TRANSACTIE):
        deel = samen[begin : begin + PER_TRANSACTIE]
        try:
            with transaction.atomic(), audit.gebundeld():
                for item in deel:
                    with signalen.eenmaal_bijwerken():
                        _beslis_en_pas_toe(item, opgehaald[item.pk], vooraf)
                    _afronden(item, worker)
                if crash:
                    crash("inbox_toegepast")
        except Exception:
            # Rolled back as a whole: the items in memory carry the undone decisions.
            alleen.extend(item.pk for item in deel)
            continue
        telling.update(item.status for item in deel)
    if alleen:
        geladen = laad(alleen)
        for pk in sorted(alleen):
            telling[
                verwerk(
                    pk,
                    worker=worker,
                    clients=clients,
                    crash=crash,
                    item=geladen.get(pk),
                    opgehaald=opgehaald[pk],
                )
            ] += 1
    return telling


def laad(ids: list[int]) -> dict[int, InboxNotificatie]:
    """The claimed notifications of one batch, in one query."""
    return InboxNotificatie.objects.select_related("gemeente").in_bulk(ids)
