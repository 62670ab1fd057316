"""Reads for letters: letterheads, text blocks per language, a dossier's documents."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from regie.core.models import Gemeente
from regie.dossiers.models import Dossier
from regie.letters.models import Briefhoofd, Document, Tekstblok
from regie.letters.teksten import SLEUTELS


@dataclass(frozen=True)
class Taal:
    code: str
    naam: str  # in the language itself
    richting: str  # "ltr" or "rtl"


class OnvolledigeTaal(LookupError):
    """A language without every text block cannot produce an ontwikkelplan."""


def briefhoofd_voor(gemeente: Gemeente) -> Briefhoofd:
    """The municipality's letterhead, or a plain default (unsaved) when none is configured."""
    try:
        return Briefhoofd.objects.get(gemeente=gemeente)
    except Briefhoofd.DoesNotExist:
        return Briefhoofd(
            gemeente=gemeente,
            naam=f"Gemeente {gemeente.naam}",
            adresregels="",
            ondertekenaar="",
            functie="",
        )


def volledige_talen() -> list[Taal]:
    """Every language that has all blocks, Dutch first, then by code."""
    per_taal: dict[str, dict[str, str]] = defaultdict(dict)
    for sleutel, taal, tekst in Tekstblok.objects.filter(sleutel__in=SLEUTELS).values_list(
        "sleutel", "taal", "tekst"
    ):
        per_taal[taal][sleutel] = tekst
    talen = [
        Taal(code=code, naam=blokken["taal.naam"], richting=_richting(blokken["taal.richting"]))
        for code, blokken in per_taal.items()
        if len(blokken) == len(SLEUTELS)
    ]
    return sorted(talen, key=lambda t: (t.code != "nl", t.code))


def teksten(taal: str) -> dict[str, str]:
    """All blocks of one language; ``OnvolledigeTaal`` when any is missing."""
    blokken = dict(
        Tekstblok.objects.filter(taal=taal, sleutel__in=SLEUTELS).values_list("sleutel", "tekst")
    )
    ontbrekend = [s for s in SLEUTELS if s not in blokken]
    if ontbrekend:
        raise OnvolledigeTaal(f"{taal}: missing {', '.join(ontbrekend)}")
    blokken["taal.richting"] = _richting(blokken["taal.richting"])
    return blokken


def _richting(waarde: str) -> str:
    return "rtl" if waarde.strip().lower() == "rtl" else "ltr"


def documenten(user: Any, dossier: Dossier) -> QuerySet[Document]:
    """A dossier's documents without their content (the list needs no PDFs)."""
    return (
        Document.objects.for_user(user)
        .filter(dossier=dossier)
        .defer("inhoud")
        .select_related("aangemaakt_door")
        .order_by("-aangemaakt_op")
    )


def document_voor_gebruiker(user: Any, dossier: Dossier, document_id: Any) -> Document:
    """One document if the user may see its dossier, else ``Document.DoesNotExist`` (404)."""
    return Document.objects.for_user(user).get(dossier=dossier, pk=document_id)
