"""DUO's list of recognised institutions (Inburgeringsaanbod API, ``getInstellingen``), kept
as a local copy so the case manager chooses the institution of a course offer from it instead
of typing a 10-character number, and so the outbox can check beforehand what DUO checks: the
institution must be in the list with the Blik op Werk keurmerk, or a recognised taalschakel-
traject (TST) institution when the newcomer follows the onderwijsroute (DUO M2M README,
"Inburgeringsaanbod").

The worker refreshes the copy every ``DUO_INSTITUTIONS_REFRESH_HOURS``; ``regie
duo-instellingen`` does it now. The list is national: any municipality with an OIN may ask.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from regie.core.models import Gemeente
from regie.integrations.duo import conf
from regie.integrations.duo.client import DuoClient
from regie.integrations.duo.models import Instelling

log = logging.getLogger(__name__)
VELDEN = (
    "naam",
    "postcode",
    "huisnummer",
    "huisnummertoevoeging",
    "plaatsnaam",
    "bow",
    "brin",
    "bow_keurmerk",
    "tst_keurmerk",
    "in_lijst",
)


def _velden(rij: dict[str, Any]) -> dict[str, Any]:
    return {
        "naam": rij["naam"],
        "postcode": rij["postcode"],
        "huisnummer": rij["huisnummer"],
        "huisnummertoevoeging": rij.get("huisnummertoevoeging", ""),
        "plaatsnaam": rij["plaatsnaam"],
        "bow": rij.get("bow", ""),
        "brin": rij.get("brin", ""),
        "bow_keurmerk": bool(rij.get("indicatieBowKeurmerk")),
        "tst_keurmerk": bool(rij.get("indicatieTstKeurmerk")),
        "in_lijst": True,
    }


def verversen(client: DuoClient, *, nu: datetime | None = None) -> dict[str, int]:
    """Fetch DUO's list and bring the copy in line; returns counts per kind of change."""
    lijst = client.get_instellingen()
    nu = nu or timezone.now()
    telling = {"nieuw": 0, "gewijzigd": 0, "vervallen": 0, "totaal": len(lijst)}
    with transaction.atomic():
        bestaand = {i.instellingsnummer: i for i in Instelling.objects.select_for_update()}
        nieuw: list[Instelling] = []
        for rij in lijst:
            velden = _velden(rij)
            instelling = bestaand.get(rij["instellingsnummer"])
            if instelling is None:
                nieuw.append(
                    Instelling(
                        instellingsnummer=rij["instellingsnummer"], opgehaald_op=nu, **velden
                    )
                )
            elif any(getattr(instelling, k) != v for k, v in velden.items()):
                for k, v in velden.items():
                    setattr(instelling, k, v)
                instelling.save(update_fields=[*VELDEN])
                telling["gewijzigd"] += 1
        Instelling.objects.bulk_create(nieuw)
        telling["nieuw"] = len(nieuw)
        nummers = [rij["instellingsnummer"] for rij in lijst]
        telling["vervallen"] = (
            Instelling.objects.filter(in_lijst=True)
            .exclude(instellingsnummer__in=nummers)
            .update(in_lijst=False)
        )
        Instelling.objects.update(opgehaald_op=nu)  # the whole copy is as of now
    return telling


def laatst_opgehaald() -> datetime | None:
    return Instelling.objects.aggregate(laatst=Max("opgehaald_op"))["laatst"]


def verversen_indien_nodig(
    clients: Callable[[Gemeente], DuoClient], *, nu: datetime | None = None
) -> dict[str, int] | None:
    """Refresh when the copy is older than the interval (or empty). None: not due, or no
    municipality with an OIN to ask with."""
    nu = nu or timezone.now()
    laatst = laatst_opgehaald()
    if laatst is not None and nu - laatst < timedelta(hours=conf.INSTELLINGEN_UREN):
        return None
    gemeente = Gemeente.objects.exclude(oin="").order_by("pk").first()
    if gemeente is None:
        return None
    telling = verversen(clients(gemeente), nu=nu)
    log.info("DUO-instellingen ververst: %s", telling)
    return telling


def erkend(instellingsnummer: str) -> Instelling | None:
    """The institution as DUO listed it last, if it is in the current list."""
    return Instelling.objects.filter(instellingsnummer=instellingsnummer, in_lijst=True).first()


def lijst_bekend() -> bool:
    """Whether Regie holds DUO's list at all (else the form asks for the number by hand)."""
    return Instelling.objects.filter(in_lijst=True).exists()
