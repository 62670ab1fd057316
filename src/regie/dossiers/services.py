"""Writes to dossiers: one function per use case, one transaction, its own audit event."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.models import Gemeente
from regie.dossiers import kengetallen, regels, signalen
from regie.dossiers.models import (
    Doelgroep,
    Dossier,
    Fase,
    Inburgeraar,
    Regime,
    Teller,
    TijdlijnFeit,
    Verblijf,
)

# Allowed phase transitions. Termination is possible from every open phase.
TOEGESTANE_OVERGANGEN: dict[str, frozenset[str]] = {
    Fase.AANGEMELD: frozenset({Fase.GEKOPPELD, Fase.INTAKE, Fase.BEEINDIGD}),
    Fase.GEKOPPELD: frozenset({Fase.INTAKE, Fase.BEEINDIGD}),
    Fase.INTAKE: frozenset({Fase.PIP, Fase.BEEINDIGD}),
    Fase.PIP: frozenset({Fase.TRAJECT, Fase.BEEINDIGD}),
    Fase.TRAJECT: frozenset({Fase.AFGEROND, Fase.BEEINDIGD}),
    Fase.AFGEROND: frozenset(),
    Fase.BEEINDIGD: frozenset(),
}

DOELGROEP_PER_VERBLIJF = {
    Verblijf.ASIEL_BEPAALDE_TIJD: Doelgroep.ASIELSTATUSHOUDER,
    Verblijf.NAREIZIGER_REGULIER: Doelgroep.ASIELSTATUSHOUDER,
    Verblijf.REGULIER_GEZIN: Doelgroep.GEZINSMIGRANT_OVERIG,
    Verblijf.REGULIER_OVERIG: Doelgroep.GEZINSMIGRANT_OVERIG,
}

# Fields of a dossier a user may edit through dossier_wijzigen, with the person's fields.
BEWERKBARE_DOSSIERVELDEN = ("klantregisseur", "coa_locatie")
BEWERKBARE_PERSOONSVELDEN = (
    "v_nummer",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "nationaliteit",
    "talen",
    "geletterdheid",
    "telefoon",
    "email",
    "adres",
    "postcode",
    "woonplaats",
)


class ServiceFout(Exception):
    """A refusal a user should read: the message is Dutch and says what to do."""


class OngeldigeFaseovergang(ServiceFout):
    pass


class GelijktijdigGewijzigd(ServiceFout):
    pass


def dossier_vergrendelen(*, dossier: Dossier, versie: int) -> None:
    """Move the dossier's lock from ``versie`` (what the user's screen showed), inside the
    caller's transaction; refuse when someone else saved the dossier in between."""
    bijgewerkt = Dossier.objects.filter(pk=dossier.pk, versie=versie).update(
        versie=F("versie") + 1, gewijzigd_op=timezone.now()
    )
    if bijgewerkt == 0:
        raise GelijktijdigGewijzigd(
            _(
                "Dit dossier is intussen door iemand anders gewijzigd. Uw wijzigingen zijn niet "
                "opgeslagen. Laad de pagina opnieuw en voer ze opnieuw in."
            )
        )
    dossier.versie = versie + 1


def volgend_dossiernummer(jaar: int) -> str:
    """Next number for ``jaar``. The UPDATE locks the counter row until the caller's
    transaction ends, so concurrent creators never clash; no savepoint is needed for it."""
    with transaction.atomic(savepoint=False):
        if not Teller.objects.filter(jaar=jaar).update(laatste=F("laatste") + 1):
            # The year's first dossier (get_or_create's own savepoint absorbs a race).
            Teller.objects.get_or_create(jaar=jaar)
            Teller.objects.filter(jaar=jaar).update(laatste=F("laatste") + 1)
        laatste = Teller.objects.filter(jaar=jaar).values_list("laatste", flat=True).get()
    return f"{jaar}-{laatste:05d}"


def _audit_waarde(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def feit_vastleggen(
    *,
    dossier: Dossier,
    soort: str,
    datum: date,
    bron: str = TijdlijnFeit.Bron.REGIE,
    door: Any = None,
    gegevens: dict[str, Any] | None = None,
) -> TijdlijnFeit:
    """Add one fact to the timeline. Callers audit the change that caused it.

    A fact the rules engine reads refreshes the dossier's stored deadlines in the same
    transaction, so the caseload never shows a stale deadline (inside
    ``signalen.eenmaal_bijwerken()``: once, at the end of the caller's batch of facts). A fact
    behind one of the dossier's key dates (``kengetallen``) refreshes those, also in the same
    transaction.
    """
    feit = TijdlijnFeit.objects.create(
        dossier=dossier,
        soort=soort,
        datum=datum,
        bron=bron,
        actor=door if getattr(door, "is_authenticated", False) else None,
        gegevens=gegevens or {},
    )
    if soort not in regels.NIET_VOOR_REGELS:
        signalen.na_feit(dossier)
    if kengetallen.telt_mee(soort, feit.gegevens):
        kengetallen.bijwerken([dossier.pk])
    return feit


@transaction.atomic
def dossier_aanmaken(
    *,
    door: Any,
    request: HttpRequest | None = None,
    regie_gemeente: Gemeente,
    persoon: dict[str, Any],
    verblijf: str,
    verblijfsrecht_datum: date | None,
    klantregisseur: Any = None,
    koppeling_datum: date | None = None,
    koppeling_gemeente: Gemeente | None = None,
    coa_locatie: str = "",
) -> Dossier:
    """Register an inburgeraar and open their dossier (status holders from the koppeling)."""
    doelgroep = DOELGROEP_PER_VERBLIJF.get(verblijf)
    if doelgroep is None:
        raise ServiceFout(
            _("Met dit verblijf is iemand niet inburgeringsplichtig; er is geen dossier nodig.")
        )
    try:
        with transaction.atomic():
            inburgeraar = Inburgeraar(**persoon)
            inburgeraar.zet_zoeknaam()
            inburgeraar.save(force_insert=True)
    except IntegrityError as exc:
        raise ServiceFout(
            _("Er bestaat al een inburgeraar met dit BSN of V-nummer. Zoek het bestaande dossier.")
        ) from exc
    # Wi 2021 applies when the obligation started on or after 2022-01-01 (law.md R1.1).
    regime = (
        Regime.WI2013
        if verblijfsrecht_datum is not None and verblijfsrecht_datum < date(2022, 1, 1)
        else Regime.WI2021
    )
    fase = Fase.GEKOPPELD if koppeling_datum else Fase.AANGEMELD
    dossier = Dossier.objects.create(
        nummer=volgend_dossiernummer(timezone.localdate().year),
        inburgeraar=inburgeraar,
        regie_gemeente=regie_gemeente,
        klantregisseur=klantregisseur,
        fase=fase,
        verblijf=verblijf,
        doelgroep=doelgroep,
        regime=regime,
        plicht_vanaf=verblijfsrecht_datum,
        koppeling_datum=koppeling_datum,
        koppeling_gemeente=koppeling_gemeente if koppeling_datum else None,
        coa_locatie=coa_locatie,
    )
    actor = door if getattr(door, "is_authenticated", False) else None
    feiten = [
        TijdlijnFeit(
            dossier=dossier,
            soort=TijdlijnFeit.Soort.DOSSIER_AANGEMAAKT,
            datum=timezone.localdate(),
            bron=TijdlijnFeit.Bron.REGIE,
            actor=actor,
        )
    ]
    if verblijfsrecht_datum:
        feiten.append(
            TijdlijnFeit(
                dossier=dossier,
                soort=TijdlijnFeit.Soort.VERBLIJFSRECHT_BEKENDGEMAAKT,
                datum=verblijfsrecht_datum,
                bron=TijdlijnFeit.Bron.IND,
                actor=actor,
            )
        )
    if koppeling_datum:
        feiten.append(
            TijdlijnFeit(
                dossier=dossier,
                soort=TijdlijnFeit.Soort.KOPPELING,
                datum=koppeling_datum,
                bron=TijdlijnFeit.Bron.COA,
                actor=actor,
                gegevens={"gemeente": (koppeling_gemeente or regie_gemeente).cbs_code},
            )
        )
    # The opening facts in one INSERT and one refresh of the deadlines.
    TijdlijnFeit.objects.bulk_create(feiten)
    if len(feiten) > 1:
        signalen.na_feit(dossier)
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="dossier",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
        gegevens={"nummer": dossier.nummer, "gemeente": regie_gemeente.cbs_code, "fase": fase},
    )
    return dossier


@transaction.atomic
def dossier_wijzigen(
    *,
    dossier: Dossier,
    door: Any,
    versie: int,
    wijzigingen: dict[str, Any],
    request: HttpRequest | None = None,
) -> Dossier:
    """Save edits if nobody saved in between (``versie`` is what the editor started from)."""
    onbekend = set(wijzigingen) - set(BEWERKBARE_DOSSIERVELDEN) - set(BEWERKBARE_PERSOONSVELDEN)
    if onbekend:
        raise ValueError(f"not editable: {sorted(onbekend)}")
    # The version bump is the lock: only one editor can move it from ``versie``.
    updated = Dossier.objects.filter(pk=dossier.pk, versie=versie).update(
        versie=F("versie") + 1, gewijzigd_op=timezone.now()
    )
    if updated == 0:
        raise GelijktijdigGewijzigd(
            _(
                "Dit dossier is intussen door iemand anders gewijzigd. Uw wijzigingen zijn niet "
                "opgeslagen. Laad de pagina opnieuw en voer ze opnieuw in."
            )
        )
    # Fresh from the database: a bound form may already have changed the in-memory instance,
    # and the audit's "before" must be what was stored.
    inburgeraar = Inburgeraar.objects.get(pk=dossier.inburgeraar_id)
    dossier.inburgeraar = inburgeraar
    voor: dict[str, Any] = {}
    na: dict[str, Any] = {}
    for veld, waarde in wijzigingen.items():
        doel = dossier if veld in BEWERKBARE_DOSSIERVELDEN else inburgeraar
        oud = getattr(doel, veld)
        if oud != waarde:
            voor[veld] = _audit_waarde(oud)
            na[veld] = _audit_waarde(waarde)
            setattr(doel, veld, waarde)
    inburgeraar.zet_zoeknaam()
    inburgeraar.full_clean(validate_unique=True)
    inburgeraar.save()
    dossier.versie = versie + 1
    dossier.save(update_fields=[*BEWERKBARE_DOSSIERVELDEN, "versie", "gewijzigd_op"])
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="dossier",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
        gegevens={"voor": _zonder_bsn(voor), "na": _zonder_bsn(na)},
    )
    return dossier


def _zonder_bsn(values: dict[str, Any]) -> dict[str, Any]:
    return {k: ("(gewijzigd)" if k == "bsn" else v) for k, v in values.items()}


@transaction.atomic
def fase_wijzigen(
    *, dossier: Dossier, naar: str, door: Any, versie: int, request: HttpRequest | None = None
) -> Dossier:
    """Move a dossier to another phase, only along TOEGESTANE_OVERGANGEN."""
    van = dossier.fase
    if naar not in TOEGESTANE_OVERGANGEN.get(van, frozenset()):
        raise OngeldigeFaseovergang(
            _("Een dossier in fase '%(van)s' kan niet naar fase '%(naar)s'.")
            % {"van": Fase(van).label, "naar": Fase(naar).label if naar in Fase.values else naar}
        )
    updated = Dossier.objects.filter(pk=dossier.pk, versie=versie, fase=van).update(
        fase=naar, versie=F("versie") + 1, gewijzigd_op=timezone.now()
    )
    if updated == 0:
        raise GelijktijdigGewijzigd(
            _("Dit dossier is intussen door iemand anders gewijzigd. Laad de pagina opnieuw.")
        )
    dossier.refresh_from_db()
    feit_vastleggen(
        dossier=dossier,
        soort=TijdlijnFeit.Soort.FASE_GEWIJZIGD,
        datum=timezone.localdate(),
        door=door,
        gegevens={"van": van, "naar": naar},
    )
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.FASE,
        object_type="dossier",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
        gegevens={"voor": {"fase": van}, "na": {"fase": naar}},
    )
    return dossier
