"""Finding the dossier a notification is about, or opening one for a new obligation.

A notification is applied to a dossier of *this* municipality (the notification's 'doel')
only. A person whose dossier belongs to another municipality of this installation is flagged,
never applied to that other dossier.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet

from regie.dossiers import services as dossier_services
from regie.dossiers.models import Dossier, Inburgeraar, Verblijf
from regie.integrations.duo import conf
from regie.integrations.duo.inbox.ophalen import Opgehaald
from regie.integrations.duo.models import InboxNotificatie


def dossiers_van_persoon(item: InboxNotificatie) -> QuerySet[Dossier]:
    if item.bsn:
        return Dossier.objects.filter(inburgeraar__bsn=item.bsn)
    if item.v_nummer is not None:
        return Dossier.objects.filter(inburgeraar__v_nummer=f"{item.v_nummer:010d}")
    return Dossier.objects.none()


def _met_gemeente(qs: QuerySet[Dossier]) -> QuerySet[Dossier]:
    return qs.select_related("inburgeraar", "regie_gemeente").order_by("-aangemaakt_op")


def dossiers_per_bsn(bsns: Iterable[str]) -> dict[str, list[Dossier]]:
    """The dossiers of these people, most recent first, in one query (a worker's batch)."""
    per_bsn: dict[str, list[Dossier]] = {bsn: [] for bsn in bsns if bsn}
    for dossier in _met_gemeente(Dossier.objects.filter(inburgeraar__bsn__in=list(per_bsn))):
        per_bsn[dossier.inburgeraar.bsn].append(dossier)
    return per_bsn


def dossiers_voor(
    item: InboxNotificatie, vooraf: dict[str, list[Dossier]] | None = None
) -> tuple[Dossier | None, Dossier | None]:
    """(the person's most recent dossier in the notification's municipality, a dossier of the
    person elsewhere), in one query, or none when ``vooraf`` (from :func:`dossiers_per_bsn`)
    holds the person."""
    if vooraf is not None and item.bsn in vooraf:
        dossiers: Iterable[Dossier] = vooraf[item.bsn]
    else:
        dossiers = _met_gemeente(dossiers_van_persoon(item))
    elders = None
    for dossier in dossiers:
        if dossier.regie_gemeente_id == item.gemeente_id:
            return dossier, None
        elders = elders or dossier
    return None, elders


def eigen_dossier(item: InboxNotificatie) -> Dossier | None:
    return dossiers_voor(item)[0]


def verblijf_uit_doelgroep(doelgroep: dict[str, Any] | None) -> str:
    """DUO's doelgroep -> the rules contract's kind of residence (the closest one).

    DUO does not say which permit: an asylum status holder becomes ``asiel_bepaalde_tijd``;
    the case manager corrects it for a nareiziger on a regular permit (work item)."""
    doelgroep = doelgroep or {}
    if doelgroep.get("indeling") == "Asielstatushouder":
        return Verblijf.ASIEL_BEPAALDE_TIJD
    if doelgroep.get("gedetailleerdeDoelgroep") in ("Gezinshereniger", "Gezinsvormer"):
        return Verblijf.REGULIER_GEZIN
    return Verblijf.REGULIER_OVERIG


def _min_jaren(datum: date, jaren: int) -> date:
    try:
        return datum.replace(year=datum.year - jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year - jaren, day=28)


def persoonsgegevens(bsn: str, plicht_vanaf: date) -> tuple[dict[str, Any], bool]:
    """Name and birth date from the configured source (BRP), else provisional ones.

    DUO's APIs carry no name or birth date. Without a source the birth date is set to
    18 years before the start of the obligation, so the rules engine starts the obligation on
    the date DUO gave (Wi art. 3: obliged from 18); the second value is then False and a work
    item asks to complete the data from the BRP.
    """
    if conf.PERSOONSGEGEVENS_BRON:
        module, _, naam = conf.PERSOONSGEGEVENS_BRON.rpartition(".")
        gevonden = getattr(importlib.import_module(module), naam)(bsn)
        if gevonden:
            return {"bsn": bsn, **gevonden}, True
    return (
        {
            "bsn": bsn,
            "voornamen": "",
            "achternaam": "Onbekend (uit BRP aanvullen)",
            "geboortedatum": _min_jaren(plicht_vanaf, 18),
        },
        False,
    )


def dossier_openen(
    item: InboxNotificatie, opgehaald: Opgehaald, datum: date
) -> tuple[Dossier, bool]:
    """Open a dossier for a person DUO reports as this municipality's new obligation.

    Returns the dossier and whether the person's data came from a real source."""
    plicht = opgehaald["plicht"] or {}
    begindatum = date.fromisoformat(plicht["begindatum"]) if plicht.get("begindatum") else datum
    persoon, volledig = persoonsgegevens(item.bsn, begindatum)
    dossier = dossier_services.dossier_aanmaken(
        door=None,
        regie_gemeente=item.gemeente,
        persoon=persoon,
        verblijf=verblijf_uit_doelgroep(opgehaald["doelgroep"]),
        verblijfsrecht_datum=begindatum,
    )
    return dossier, volledig


def heeft_inburgeraar(item: InboxNotificatie) -> bool:
    if item.bsn:
        return Inburgeraar.objects.filter(bsn=item.bsn).exists()
    return dossiers_van_persoon(item).exists()
