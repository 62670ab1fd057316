"""The municipality's contact persons at DUO (Contactpersoon API, SDI014) and their link to a
newcomer.

Registering, changing and deleting a contact person is the functioneel beheerder's work on a
register page: DUO is called right away (DUO assigns the id that the dossiers then refer to),
and Regie's copy changes only when DUO accepted. DUO unreachable or refusing: nothing changes
in Regie, the page says why, and the form keeps what was typed.

Linking a contact person to a newcomer is a delivery like any other (``outbox``:
``contactpersoon_koppelen`` / ``contactpersoon_ontkoppelen``), recorded on the dossier page.
DUO keeps one contact person per newcomer: linking another replaces the previous link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.models import Gemeente
from regie.dossiers.models import Dossier
from regie.dossiers.services import GelijktijdigGewijzigd, ServiceFout
from regie.integrations.duo.client import DuoClient
from regie.integrations.duo.client.fouten import (
    DuoFout,
    DuoNietGevonden,
    DuoTechnischeFout,
    DuoWeigering,
)
from regie.integrations.duo.models import Contactpersoon, OutboxBericht

ClientFabriek = Callable[[Gemeente], DuoClient]
KOPPELEN = "contactpersoon_koppelen"
ONTKOPPELEN = "contactpersoon_ontkoppelen"


class DuoNietGelukt(ServiceFout):
    """DUO did not do it (unreachable, or refused with its reason); nothing changed."""


def _standaard(gemeente: Gemeente) -> DuoClient:
    return DuoClient.voor_gemeente(gemeente)


def _duo_fout(exc: DuoFout) -> DuoNietGelukt:
    if isinstance(exc, DuoTechnischeFout):
        return DuoNietGelukt(
            f"DUO is nu niet bereikbaar ({exc.melding}). Er is niets gewijzigd; probeer het "
            "later opnieuw."
        )
    tekst = exc.fouttekst if isinstance(exc, DuoWeigering) else exc.melding
    return DuoNietGelukt(f"DUO weigerde het: {tekst}. Er is niets gewijzigd.")


def _duo_gegevens(gegevens: dict[str, Any]) -> dict[str, str]:
    return {
        "naam": gegevens["naam"],
        "email": gegevens["email"],
        "telefoonnummer": gegevens["telefoonnummer"],
    }


def _log(door: Any, request: HttpRequest | None, actie: str, cp: Contactpersoon) -> None:
    audit.log(
        actor=door,
        request=request,
        actie=actie,
        object_type="duo_contactpersoon",
        object_id=cp.pk,
        gegevens={"gemeente": cp.gemeente.cbs_code, "duo_id": cp.duo_id},
    )


def aanmaken(
    *,
    gemeente: Gemeente,
    gegevens: dict[str, Any],
    door: Any,
    request: HttpRequest | None = None,
    clients: ClientFabriek = _standaard,
) -> Contactpersoon:
    """Register a contact person at DUO, then keep the copy with the id DUO gave."""
    try:
        antwoord = clients(gemeente).create_contactpersoon(_duo_gegevens(gegevens))
    except DuoFout as exc:
        raise _duo_fout(exc) from exc
    with transaction.atomic():
        cp = Contactpersoon.objects.create(
            gemeente=gemeente, duo_id=antwoord["id"], **_duo_gegevens(gegevens)
        )
        _log(door, request, AuditGebeurtenis.Actie.AANMAKEN, cp)
    return cp


def _vergrendel(cp: Contactpersoon, versie: int) -> None:
    """Move the copy's version on from ``versie``, or refuse: someone else changed it."""
    if not Contactpersoon.objects.filter(pk=cp.pk, versie=versie).update(versie=F("versie") + 1):
        raise GelijktijdigGewijzigd(
            "Deze contactpersoon is intussen door iemand anders gewijzigd. Bekijk de nieuwe "
            "gegevens en probeer het opnieuw."
        )
    cp.versie = versie + 1


def wijzigen(
    *,
    contactpersoon: Contactpersoon,
    gegevens: dict[str, Any],
    versie: int,
    door: Any,
    request: HttpRequest | None = None,
    clients: ClientFabriek = _standaard,
) -> Contactpersoon:
    """Change the contact person's details at DUO and in Regie (both or neither)."""
    if not contactpersoon.actief:
        raise ServiceFout("Deze contactpersoon is bij DUO verwijderd en kan niet meer wijzigen.")
    with transaction.atomic():
        _vergrendel(contactpersoon, versie)
        try:
            clients(contactpersoon.gemeente).update_contactpersoon_by_id(
                contactpersoon.duo_id, _duo_gegevens(gegevens)
            )
        except DuoFout as exc:
            raise _duo_fout(exc) from exc  # rolls the version back
        for veld, waarde in _duo_gegevens(gegevens).items():
            setattr(contactpersoon, veld, waarde)
        contactpersoon.save(update_fields=["naam", "email", "telefoonnummer", "gewijzigd_op"])
        _log(door, request, AuditGebeurtenis.Actie.WIJZIGEN, contactpersoon)
    return contactpersoon


def verwijderen(
    *,
    contactpersoon: Contactpersoon,
    versie: int,
    door: Any,
    request: HttpRequest | None = None,
    clients: ClientFabriek = _standaard,
) -> Contactpersoon:
    """Delete the contact person at DUO (its links to newcomers go with it); Regie keeps the
    row, inactive. A contact person DUO no longer knows is simply marked inactive."""
    if not contactpersoon.actief:
        return contactpersoon
    with transaction.atomic():
        _vergrendel(contactpersoon, versie)
        try:
            clients(contactpersoon.gemeente).delete_contactpersoon_by_id(contactpersoon.duo_id)
        except DuoNietGevonden:
            pass
        except DuoFout as exc:
            raise _duo_fout(exc) from exc
        contactpersoon.actief = False
        contactpersoon.save(update_fields=["actief", "gewijzigd_op"])
        _log(door, request, AuditGebeurtenis.Actie.VERWIJDEREN, contactpersoon)
    return contactpersoon


# --- Reads ------------------------------------------------------------------------------------
def register(user: Any) -> list[Contactpersoon]:
    """The contact persons of the municipalities the user maintains."""
    return list(
        Contactpersoon.objects.for_user(user, "duo.beheer_contactpersonen").select_related(
            "gemeente"
        )
    )


def keuzes(dossier: Dossier) -> Any:
    """Who can be linked to this dossier's newcomer: the active ones of its municipality."""
    return Contactpersoon.objects.filter(gemeente_id=dossier.regie_gemeente_id, actief=True)


def gekoppeld(dossier: Dossier) -> Contactpersoon | None:
    """The contact person DUO holds for this newcomer, as far as Regie told DUO: the last link
    or unlink that DUO did not refuse, if that contact person still exists at DUO."""
    laatste = (
        OutboxBericht.objects.filter(dossier_id=dossier.pk, soort__in=(KOPPELEN, ONTKOPPELEN))
        .exclude(status=OutboxBericht.Status.GEWEIGERD)
        .order_by("-id")
        .first()
    )
    if laatste is None or laatste.soort == ONTKOPPELEN:
        return None
    return keuzes(dossier).filter(duo_id=laatste.gegevens["contactpersoon_id"]).first()
