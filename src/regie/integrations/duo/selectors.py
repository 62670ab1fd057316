"""Reads for screens: the DUO status of one dossier, a municipality's open work items and the
monitor of the functioneel beheerder. Every read starts from ``for_user`` or from a dossier the
caller already fetched through ``Dossier.objects.for_user``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from regie.accounts.permissions import heeft_recht
from regie.dossiers.models import Dossier
from regie.integrations.duo import instellingen
from regie.integrations.duo.inbox.gebeurtenissen import CATALOGUS
from regie.integrations.duo.models import InboxNotificatie, Instelling, OutboxBericht, Werkitem
from regie.integrations.duo.outbox.soorten import SOORTEN

MAX_REGELS = 20


@dataclass(frozen=True)
class LeveringRegel:
    bericht: OutboxBericht
    label: str
    status_tekst: str
    toestand: str  # ok / bezig / fout, for the style of the badge


@dataclass(frozen=True)
class NotificatieRegel:
    notificatie: InboxNotificatie
    omschrijving: str
    status_tekst: str
    toestand: str


@dataclass(frozen=True)
class DuoStatus:
    dossier_id: Any
    leveringen: list[LeveringRegel]
    notificaties: list[NotificatieRegel]
    werkitems: list[Werkitem]
    mag_afhandelen: bool

    @property
    def leeg(self) -> bool:
        return not (self.leveringen or self.notificaties or self.werkitems)


def _tijd(moment: Any) -> str:
    lokaal = timezone.localtime(moment)
    if lokaal.date() == timezone.localdate():
        return date_format(lokaal, "H:i")
    return f"{date_format(lokaal, 'H:i')} op {date_format(lokaal, 'j F')}"


def levering_status(bericht: OutboxBericht) -> tuple[str, str]:
    """The delivery's state in the words of the dossier page, and its tone."""
    status = bericht.status
    if status == OutboxBericht.Status.WACHT:
        return _("wacht op verzending"), "bezig"
    if status == OutboxBericht.Status.BEZIG:
        return _("wordt verzonden (poging %(n)s)") % {"n": bericht.pogingen}, "bezig"
    if status == OutboxBericht.Status.OPNIEUW:
        volgende = _tijd(bericht.volgende_poging) if bericht.volgende_poging else "—"
        return (
            _("wordt opnieuw geprobeerd (poging %(n)s, volgende om %(tijd)s)")
            % {"n": bericht.pogingen, "tijd": volgende},
            "fout",
        )
    if status == OutboxBericht.Status.GEWEIGERD:
        return _("geweigerd door DUO: %(tekst)s") % {"tekst": bericht.fouttekst}, "fout"
    return _("verzonden"), "ok"


def notificatie_status(item: InboxNotificatie) -> tuple[str, str]:
    label = InboxNotificatie.Status(item.status).label
    if item.status == InboxNotificatie.Status.VERWERKT:
        return str(label), "ok"
    tekst = f"{label}: {item.toelichting}" if item.toelichting else str(label)
    toon = "bezig" if item.status in InboxNotificatie.OPEN else "fout"
    return tekst, toon


def omschrijving(code: str) -> str:
    gebeurtenis = CATALOGUS.get(code)
    return f"{code} {gebeurtenis.omschrijving}" if gebeurtenis else f"{code} ({_('onbekend')})"


def duo_status_voor_dossier(dossier: Dossier, *, user: Any = None) -> DuoStatus:
    """Deliveries, notifications and open work items of one dossier (three queries).

    The caller has read ``dossier`` through ``Dossier.objects.for_user``; pass ``user`` to
    know whether work items may be closed from the page."""
    leveringen = []
    for bericht in OutboxBericht.objects.filter(dossier_id=dossier.pk).order_by("-id")[:MAX_REGELS]:
        tekst, toon = levering_status(bericht)
        label = SOORTEN[bericht.soort].label if bericht.soort in SOORTEN else bericht.soort
        leveringen.append(LeveringRegel(bericht, label, tekst, toon))
    notificaties = []
    for item in InboxNotificatie.objects.filter(dossier_id=dossier.pk).order_by("-id")[:MAX_REGELS]:
        tekst, toon = notificatie_status(item)
        notificaties.append(NotificatieRegel(item, omschrijving(item.gebeurtenis), tekst, toon))
    open_items = list(
        Werkitem.objects.filter(dossier_id=dossier.pk, status=Werkitem.Status.OPEN).order_by("-id")[
            :50
        ]
    )
    return DuoStatus(
        dossier_id=dossier.pk,
        leveringen=leveringen,
        notificaties=notificaties,
        werkitems=open_items,
        mag_afhandelen=user is not None
        and heeft_recht(user, "dossiers.change_dossier", dossier.regie_gemeente_id),
    )


def open_werkitems(user: Any, *, limiet: int = 200) -> list[Werkitem]:
    """The open work items of the user's municipalities, newest first."""
    return list(
        Werkitem.objects.for_user(user, "dossiers.view_dossier")
        .filter(status=Werkitem.Status.OPEN)
        .select_related("dossier__inburgeraar", "gemeente")
        .order_by("-id")[:limiet]
    )


@dataclass(frozen=True)
class Monitor:
    inbox_telling: dict[str, int]
    outbox_telling: dict[str, int]
    inbox_aandacht: list[NotificatieRegel]
    outbox_aandacht: list[LeveringRegel]
    storingen: list[Werkitem]
    instellingen_in_lijst: int  # DUO's list of recognised institutions, as last fetched
    instellingen_opgehaald: Any  # when (None: never)


def monitor(user: Any, *, limiet: int = 100) -> Monitor:
    """What the functioneel beheerder watches: queue sizes and what needs attention.

    Notifications addressed to an OIN that no municipality in Regie has belong to none; every
    monitor user sees those (they carry no dossier and the page shows no BSN)."""
    recht = "duo.view_monitor"
    inbox = InboxNotificatie.objects.for_user(user, recht) | InboxNotificatie.objects.filter(
        gemeente__isnull=True
    )
    outbox = OutboxBericht.objects.for_user(user, recht)
    inbox_telling = Counter(dict(inbox.order_by().values_list("status").annotate(n=Count("id"))))
    outbox_telling = Counter(dict(outbox.order_by().values_list("status").annotate(n=Count("id"))))
    aandacht_inbox = []
    for item in (
        inbox.exclude(status__in=[InboxNotificatie.Status.VERWERKT])
        .select_related("gemeente", "dossier")
        .order_by("-id")[:limiet]
    ):
        tekst, toon = notificatie_status(item)
        aandacht_inbox.append(NotificatieRegel(item, omschrijving(item.gebeurtenis), tekst, toon))
    aandacht_outbox = []
    for bericht in (
        outbox.filter(
            Q(status__in=[OutboxBericht.Status.OPNIEUW, OutboxBericht.Status.GEWEIGERD])
            | Q(status=OutboxBericht.Status.BEZIG, geclaimd_tot__lt=timezone.now())
        )
        .select_related("gemeente", "dossier")
        .order_by("-id")[:limiet]
    ):
        tekst, toon = levering_status(bericht)
        label = SOORTEN[bericht.soort].label if bericht.soort in SOORTEN else bericht.soort
        aandacht_outbox.append(LeveringRegel(bericht, label, tekst, toon))
    storingen = list(
        Werkitem.objects.for_user(user, recht)
        .filter(
            status=Werkitem.Status.OPEN,
            soort__in=[Werkitem.Soort.VERZENDSTORING, Werkitem.Soort.NOTIFICATIE],
        )
        .select_related("gemeente")
        .order_by("-id")[:limiet]
    )
    return Monitor(
        inbox_telling={
            str(s.label): inbox_telling.get(s.value, 0) for s in InboxNotificatie.Status
        },
        outbox_telling={str(s.label): outbox_telling.get(s.value, 0) for s in OutboxBericht.Status},
        inbox_aandacht=aandacht_inbox,
        outbox_aandacht=aandacht_outbox,
        storingen=storingen,
        instellingen_in_lijst=Instelling.objects.filter(in_lijst=True).count(),
        instellingen_opgehaald=instellingen.laatst_opgehaald(),
    )
