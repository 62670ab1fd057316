"""Reads of dossiers. Every function starts from ``Dossier.objects.for_user``."""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from regie.dossiers.models import Dossier, TermijnSoort, TijdlijnFeit, maak_zoeknaam

# Sort options of the caseload: key -> (field path, descending by default?)
SORTERINGEN: dict[str, tuple[str, bool]] = {
    "nieuwste": ("aangemaakt_op", True),
    "oudste": ("aangemaakt_op", False),
    "naam": ("inburgeraar__zoeknaam", False),
    "nummer": ("nummer", False),
    "fase": ("fase", False),
}
STANDAARD_SORTERING = "nieuwste"
TERMIJNFILTERS = ("pip_14", "pip_verlopen")
TELLING_MAXIMUM = 1000


@dataclass(frozen=True)
class CaseloadFilter:
    alleen_eigen: bool = False
    gemeente_id: int | None = None
    fase: str | None = None
    klantregisseur_id: int | None = None
    doelgroep: str | None = None
    zoekterm: str | None = None
    termijn: str | None = None  # "pip_14": PIP deadline within 14 days; "pip_verlopen"
    sortering: str = STANDAARD_SORTERING
    peildatum: date | None = None


@dataclass(frozen=True)
class Pagina:
    rijen: list[Dossier]
    volgende: str | None
    vorige: str | None
    telling: int
    telling_afgekapt: bool


def classificeer_zoekterm(term: str) -> tuple[str, Q]:
    """A 9-digit term is a BSN, 10 digits a V-number, 'YYYY-NNNNN' a dossier number, else a name.

    Returns the kind (for the audit log, which never stores the term itself) and the condition.
    Exact matches on identifiers, prefix on names: predictable, and indexed.
    """
    term = term.strip()
    compact = re.sub(r"[\s.]", "", term)
    if re.fullmatch(r"\d{9}", compact):
        return "bsn", Q(inburgeraar__bsn=compact)
    if re.fullmatch(r"\d{10}", compact):
        return "v_nummer", Q(inburgeraar__v_nummer=compact)
    if re.fullmatch(r"\d{4}-\d{1,5}", term):
        jaar, volgnummer = term.split("-")
        return "dossiernummer", Q(nummer=f"{jaar}-{int(volgnummer):05d}")
    # "Achternaam, voornaam" and "achternaam voornaam" both become "achternaam voornaam".
    achternaam, _sep, voornamen = term.partition(",")
    naam = maak_zoeknaam(achternaam.strip(), voornamen.strip())
    return "naam", Q(inburgeraar__zoeknaam__startswith=naam.strip())


def caseload_queryset(user: Any, filters: CaseloadFilter) -> QuerySet[Dossier]:
    qs = Dossier.objects.for_user(user).select_related(
        "inburgeraar", "regie_gemeente", "klantregisseur"
    )
    if filters.alleen_eigen:
        qs = qs.filter(klantregisseur_id=user.pk)
    if filters.gemeente_id:
        qs = qs.filter(regie_gemeente_id=filters.gemeente_id)
    if filters.fase:
        qs = qs.filter(fase=filters.fase)
    if filters.klantregisseur_id:
        qs = qs.filter(klantregisseur_id=filters.klantregisseur_id)
    if filters.doelgroep:
        qs = qs.filter(doelgroep=filters.doelgroep)
    if filters.termijn in TERMIJNFILTERS:
        vandaag = filters.peildatum or timezone.localdate()
        qs = qs.filter(volgende_termijn_soort=TermijnSoort.PIP)
        if filters.termijn == "pip_14":
            qs = qs.filter(pip_uiterlijk__range=(vandaag, vandaag + timedelta(days=14)))
        else:
            qs = qs.filter(pip_uiterlijk__lt=vandaag)
    if filters.zoekterm:
        qs = qs.filter(classificeer_zoekterm(filters.zoekterm)[1])
    return qs


def _encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> list[Any] | None:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != 2:
        return None
    return values


def _sort_value(dossier: Dossier, field: str) -> Any:
    value: Any = dossier
    for part in field.split("__"):
        value = getattr(value, part)
    return value.isoformat() if hasattr(value, "isoformat") else value


def caseload_pagina(
    user: Any,
    filters: CaseloadFilter,
    *,
    na: str | None = None,
    voor: str | None = None,
    paginagrootte: int = 50,
) -> Pagina:
    """One page of the caseload, by keyset (no OFFSET, no unbounded COUNT).

    ``na`` / ``voor`` are opaque cursors from a previous page. The total is counted up to
    TELLING_MAXIMUM only.
    """
    field, descending = SORTERINGEN.get(filters.sortering, SORTERINGEN[STANDAARD_SORTERING])
    qs = caseload_queryset(user, filters)
    telling = qs.order_by()[: TELLING_MAXIMUM + 1].count()

    cursor = _decode_cursor(voor) if voor else (_decode_cursor(na) if na else None)
    backwards = bool(voor and cursor)
    # Walking backwards means reading in the opposite order, then flipping the page.
    reverse = descending != backwards
    if cursor:
        waarde, pk = cursor
        if reverse:
            qs = qs.filter(Q(**{f"{field}__lt": waarde}) | Q(**{field: waarde, "pk__lt": pk}))
        else:
            qs = qs.filter(Q(**{f"{field}__gt": waarde}) | Q(**{field: waarde, "pk__gt": pk}))
    ordering = [f"-{field}", "-pk"] if reverse else [field, "pk"]
    rijen = list(qs.order_by(*ordering)[: paginagrootte + 1])
    meer = len(rijen) > paginagrootte
    rijen = rijen[:paginagrootte]
    if backwards:
        rijen.reverse()

    def cursor_van(dossier: Dossier) -> str:
        return _encode_cursor([_sort_value(dossier, field), str(dossier.pk)])

    heeft_volgende = meer if not backwards else True
    heeft_vorige = (cursor is not None) if not backwards else meer
    return Pagina(
        rijen=rijen,
        volgende=cursor_van(rijen[-1]) if rijen and heeft_volgende else None,
        vorige=cursor_van(rijen[0]) if rijen and heeft_vorige else None,
        telling=min(telling, TELLING_MAXIMUM),
        telling_afgekapt=telling > TELLING_MAXIMUM,
    )


def dossier_voor_gebruiker(user: Any, dossier_id: Any, recht: str = "dossiers.view_dossier"):
    """The dossier if the user may see it, else ``Dossier.DoesNotExist`` (a 404, not a 403)."""
    return (
        Dossier.objects.for_user(user, recht)
        .select_related("inburgeraar", "regie_gemeente", "klantregisseur", "koppeling_gemeente")
        .get(pk=dossier_id)
    )


def tijdlijn(dossier: Dossier) -> list[TijdlijnFeit]:
    """All facts, newest first, in one query whatever their number."""
    return list(
        TijdlijnFeit.objects.filter(dossier=dossier)
        .select_related("actor")
        .order_by("-datum", "-id")
    )
