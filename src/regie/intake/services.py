"""Writes to the brede intake: one function per use case, one transaction, its own audit event.

Locking: ``BredeIntake.versie`` guards the intake's sections, its leerbaarheidstoets, the route
decision and completion; ``Gezondheid.versie`` guards the health page on its own. A form carries
the version it was loaded with; ``versie=0`` means "there was no intake yet". Measurements of
positive health are only ever added, so they need no lock.

Audit: writes record *which* fields changed, never their values — the intake holds free text
about a person's life and the audit log is read by other people than the case manager.
"""

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
from regie.dossiers import services as dossier_services
from regie.dossiers.models import Dossier, Fase, TijdlijnFeit
from regie.dossiers.services import GelijktijdigGewijzigd, ServiceFout
from regie.intake import advies as advies_regels
from regie.intake import selectors, volledigheid
from regie.intake.keuzes import LbtResultaat
from regie.intake.models import (
    BredeIntake,
    Gezondheid,
    Leerbaarheidstoets,
    PositieveGezondheidScore,
)
from regie.intake.secties import PER_CODE
from regie.intake.signals import lbt_overslaan_gewijzigd

__all__ = [
    "GelijktijdigGewijzigd",
    "IntakeAfgerond",
    "OnvolledigeIntake",
    "ServiceFout",
    "gezondheid_opslaan",
    "intake_afronden",
    "intake_starten",
    "lbt_opslaan",
    "meting_toevoegen",
    "routebesluit_vastleggen",
    "sectie_opslaan",
]

LBT_VELDEN = (
    "aangemeld_op",
    "afgenomen_op",
    "score",
    "vereiste_score",
    "resultaat",
    "overgeslagen",
    "reden_overslaan",
    "toelichting",
)
GEZONDHEID_VELDEN = (
    "lichamelijk",
    "psychisch",
    "beperkingen",
    "zorg",
    "belastbaarheid",
    "toelichting",
)
GESLOTEN_FASEN = frozenset({Fase.AFGEROND, Fase.BEEINDIGD})
# Starting the intake moves a dossier that has not got that far into the intake phase.
FASEN_VOOR_INTAKE = frozenset({Fase.AANGEMELD, Fase.GEKOPPELD})


class IntakeAfgerond(ServiceFout):
    pass


class OnvolledigeIntake(ServiceFout):
    def __init__(self, ontbrekend: tuple[str, ...]) -> None:
        self.ontbrekend = ontbrekend
        super().__init__(
            _("De intake is nog niet volledig en kan niet worden afgerond. Nog nodig: %(lijst)s.")
            % {"lijst": "; ".join(ontbrekend)}
        )


def _conflict() -> GelijktijdigGewijzigd:
    return GelijktijdigGewijzigd(
        _(
            "Deze intake is intussen door iemand anders gewijzigd. Uw wijzigingen zijn niet "
            "opgeslagen. Uw invoer staat nog in het formulier: bewaar wat u wilt houden, laad "
            "de pagina opnieuw en voer het opnieuw in."
        )
    )


def _log(
    *,
    door: Any,
    request: HttpRequest | None,
    actie: str,
    object_type: str,
    object_id: Any,
    dossier: Dossier,
    gegevens: dict[str, Any] | None = None,
) -> None:
    audit.log(
        actor=door,
        request=request,
        actie=actie,
        object_type=object_type,
        object_id=object_id,
        dossier_id=dossier.pk,
        gegevens=gegevens,
    )


# --- Starting --------------------------------------------------------------------------------


@transaction.atomic
def intake_starten(
    *, dossier: Dossier, door: Any, request: HttpRequest | None = None
) -> BredeIntake:
    """Open the intake (from the koppeling on, before vestiging). Raises GelijktijdigGewijzigd
    when someone else opened it first. A dossier in phase aangemeld/gekoppeld moves to intake."""
    if dossier.fase in GESLOTEN_FASEN:
        raise ServiceFout(_("Dit dossier is gesloten; er kan geen brede intake meer beginnen."))
    persoon = dossier.inburgeraar
    try:
        with transaction.atomic():
            intake = BredeIntake.objects.create(
                dossier=dossier,
                gestart_op=timezone.localdate(),
                gewijzigd_door=door if getattr(door, "is_authenticated", False) else None,
                # What registration already knows about the person is the starting point.
                gesproken_talen=list(persoon.talen or []),
                geletterdheid=persoon.geletterdheid,
            )
    except IntegrityError as exc:
        raise _conflict() from exc
    if dossier.fase in FASEN_VOOR_INTAKE:
        actueel = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if actueel.fase in FASEN_VOOR_INTAKE:
            dossier_services.fase_wijzigen(
                dossier=actueel,
                naar=Fase.INTAKE,
                door=door,
                versie=actueel.versie,
                request=request,
            )
            dossier.fase, dossier.versie = actueel.fase, actueel.versie
    _log(
        door=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="brede_intake",
        object_id=intake.pk,
        dossier=dossier,
    )
    return intake


def _intake_of_starten(dossier: Dossier, door: Any, request: HttpRequest | None) -> BredeIntake:
    """The intake, started when there is none yet (for writes that need no intake lock)."""
    intake = selectors.intake_van(dossier)
    if intake is not None:
        return intake
    try:
        return intake_starten(dossier=dossier, door=door, request=request)
    except GelijktijdigGewijzigd:
        return BredeIntake.objects.get(dossier=dossier)


def _vergrendel(
    dossier: Dossier, versie: int, door: Any, request: HttpRequest | None
) -> tuple[BredeIntake, bool]:
    """The intake for a write based on ``versie``; (intake, started now). Starts the intake when
    the form came from before it existed (``versie=0``)."""
    intake = selectors.intake_van(dossier)
    if intake is None:
        if versie != 0:
            raise _conflict()
        return intake_starten(dossier=dossier, door=door, request=request), True
    if intake.versie != versie:
        raise _conflict()
    if intake.is_afgerond:
        raise IntakeAfgerond(
            _("Deze intake is afgerond op %(datum)s en kan niet meer worden gewijzigd.")
            % {"datum": intake.afgerond_op.strftime("%d-%m-%Y")}  # type: ignore[union-attr]
        )
    return intake, False


def _verhoog_versie(intake: BredeIntake, versie: int, door: Any) -> None:
    """The version bump is the lock: only one writer can move the intake on from ``versie``."""
    bijgewerkt = BredeIntake.objects.filter(pk=intake.pk, versie=versie).update(
        versie=F("versie") + 1,
        gewijzigd_op=timezone.now(),
        gewijzigd_door=door if getattr(door, "is_authenticated", False) else None,
    )
    if bijgewerkt == 0:
        raise _conflict()
    intake.versie = versie + 1


def _wijzig(obj: Any, gegevens: dict[str, Any]) -> list[str]:
    gewijzigd = [veld for veld, waarde in gegevens.items() if getattr(obj, veld) != waarde]
    for veld in gewijzigd:
        setattr(obj, veld, gegevens[veld])
    return sorted(gewijzigd)


# --- Sections --------------------------------------------------------------------------------


@transaction.atomic
def sectie_opslaan(
    *,
    dossier: Dossier,
    door: Any,
    sectie: str,
    versie: int,
    gegevens: dict[str, Any],
    request: HttpRequest | None = None,
) -> BredeIntake:
    """Save one section (a draft: nothing is required yet). Unchanged input writes nothing."""
    onbekend = set(gegevens) - set(PER_CODE[sectie].velden)
    if onbekend:
        raise ValueError(f"not in section {sectie}: {sorted(onbekend)}")
    intake, nieuw = _vergrendel(dossier, versie, door, request)
    gewijzigd = _wijzig(intake, gegevens)
    if not gewijzigd:
        return intake
    if not nieuw:
        _verhoog_versie(intake, versie, door)
    intake.save(update_fields=[*gewijzigd, "gewijzigd_op"])
    _log(
        door=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="brede_intake",
        object_id=intake.pk,
        dossier=dossier,
        gegevens={"sectie": sectie, "velden": gewijzigd, "versie": intake.versie},
    )
    return intake


@transaction.atomic
def lbt_opslaan(
    *,
    dossier: Dossier,
    door: Any,
    versie: int,
    gegevens: dict[str, Any],
    request: HttpRequest | None = None,
) -> Leerbaarheidstoets:
    """Record the leerbaarheidstoets: registration, test date, score against the required
    score and result; or that it was skipped, with the reason (law.md R3.3)."""
    onbekend = set(gegevens) - set(LBT_VELDEN)
    if onbekend:
        raise ValueError(f"not a test field: {sorted(onbekend)}")
    gegevens = dict(gegevens)
    if (
        not gegevens.get("resultaat")
        and gegevens.get("score") is not None
        and gegevens.get("vereiste_score") is not None
    ):
        gegevens["resultaat"] = (
            LbtResultaat.VOLDOENDE
            if gegevens["score"] >= gegevens["vereiste_score"]
            else LbtResultaat.ONVOLDOENDE
        )
    intake, nieuw = _vergrendel(dossier, versie, door, request)
    lbt = Leerbaarheidstoets.objects.filter(intake=intake).first() or Leerbaarheidstoets(
        intake=intake
    )
    gewijzigd = _wijzig(lbt, gegevens)
    if not gewijzigd and lbt.pk:
        return lbt
    if not nieuw:
        _verhoog_versie(intake, versie, door)
    lbt.save()
    _log(
        door=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="leerbaarheidstoets",
        object_id=intake.pk,
        dossier=dossier,
        gegevens={"velden": gewijzigd, "versie": intake.versie},
    )
    if "overgeslagen" in gewijzigd:
        # DUO is told in this transaction (the DUO app's receiver places the delivery).
        lbt_overslaan_gewijzigd.send(
            sender=Leerbaarheidstoets,
            dossier=dossier,
            overgeslagen=lbt.overgeslagen,
            reden=lbt.reden_overslaan,
            door=door,
            request=request,
        )
    return lbt


@transaction.atomic
def gezondheid_opslaan(
    *,
    dossier: Dossier,
    door: Any,
    versie: int,
    gegevens: dict[str, Any],
    request: HttpRequest | None = None,
) -> Gezondheid:
    """Save the health section (special-category data; the caller checked the right).
    ``versie`` is the health record's own version, 0 when there was none."""
    onbekend = set(gegevens) - set(GEZONDHEID_VELDEN)
    if onbekend:
        raise ValueError(f"not a health field: {sorted(onbekend)}")
    intake = _intake_of_starten(dossier, door, request)
    if intake.is_afgerond:
        raise IntakeAfgerond(_("Deze intake is afgerond en kan niet meer worden gewijzigd."))
    gezondheid = Gezondheid.objects.filter(intake=intake).first()
    if gezondheid is None:
        if versie != 0:
            raise _conflict()
        gezondheid = Gezondheid(intake=intake)
    elif gezondheid.versie != versie:
        raise _conflict()
    gewijzigd = _wijzig(gezondheid, gegevens)
    if not gewijzigd and gezondheid.pk:
        return gezondheid
    gezondheid.gewijzigd_door = door if getattr(door, "is_authenticated", False) else None
    if gezondheid.pk is None:
        try:
            with transaction.atomic():
                gezondheid.save(force_insert=True)
        except IntegrityError as exc:
            raise _conflict() from exc
    else:
        # The version bump is the lock, as for the intake.
        bijgewerkt = Gezondheid.objects.filter(pk=gezondheid.pk, versie=versie).update(
            versie=F("versie") + 1
        )
        if bijgewerkt == 0:
            raise _conflict()
        gezondheid.versie = versie + 1
        gezondheid.save()
    _log(
        door=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="gezondheid",
        object_id=intake.pk,
        dossier=dossier,
        gegevens={"velden": gewijzigd, "versie": gezondheid.versie},
    )
    return gezondheid


@transaction.atomic
def meting_toevoegen(
    *,
    dossier: Dossier,
    door: Any,
    datum: date,
    scores: dict[str, int],
    toelichting: str = "",
    request: HttpRequest | None = None,
) -> PositieveGezondheidScore:
    """Add a positive-health measurement (also after completion: it shows change over time)."""
    codes = {code for code, _label in PositieveGezondheidScore.DIMENSIES}
    if set(scores) != codes:
        raise ValueError(f"need exactly the six dimensions, got {sorted(scores)}")
    if any(not 0 <= waarde <= 10 for waarde in scores.values()):
        raise ServiceFout(_("Een score ligt tussen 0 en 10."))
    intake = _intake_of_starten(dossier, door, request)
    meting = PositieveGezondheidScore.objects.create(
        intake=intake,
        datum=datum,
        toelichting=toelichting,
        vastgelegd_door=door if getattr(door, "is_authenticated", False) else None,
        **scores,
    )
    _log(
        door=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="positieve_gezondheid",
        object_id=meting.pk,
        dossier=dossier,
        gegevens={"datum": datum.isoformat()},
    )
    return meting


# --- Route decision and completion -----------------------------------------------------------


@transaction.atomic
def routebesluit_vastleggen(
    *,
    dossier: Dossier,
    door: Any,
    versie: int,
    leerroute: str,
    niveau: str,
    alfabetisering: str,
    duale_opties: list[str],
    motivatie_afwijking: str = "",
    request: HttpRequest | None = None,
) -> BredeIntake:
    """Record the case manager's decision. The advice is computed here, from the locked intake,
    and kept with the decision; deviating from it needs a motivation."""
    if niveau not in advies_regels.TOEGESTANE_NIVEAUS.get(leerroute, ()):
        raise ServiceFout(_("Dit niveau past niet bij deze leerroute."))
    intake, _nieuw = _vergrendel(dossier, versie, door, request)
    advies = selectors.advies_voor(intake, dossier=dossier)
    afwijking = advies_regels.wijkt_af(
        advies, leerroute=leerroute, niveau=niveau, alfabetisering=alfabetisering
    )
    if afwijking and not motivatie_afwijking.strip():
        raise ServiceFout(_("U wijkt af van het advies: geef een motivatie."))
    _verhoog_versie(intake, intake.versie, door)
    intake.leerroute = leerroute
    intake.niveau = niveau
    intake.alfabetisering = alfabetisering
    intake.duale_opties = list(duale_opties)
    intake.advies_gevolgd = not afwijking
    intake.motivatie_afwijking = motivatie_afwijking
    intake.advies_bij_besluit = advies.als_json()
    intake.besluit_op = timezone.now()
    intake.besluit_door = door if getattr(door, "is_authenticated", False) else None
    intake.save()
    _log(
        door=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="brede_intake",
        object_id=intake.pk,
        dossier=dossier,
        gegevens={
            "onderdeel": "routebesluit",
            "leerroute": leerroute,
            "niveau": niveau,
            "alfabetisering": alfabetisering,
            "advies_gevolgd": not afwijking,
            "versie": intake.versie,
        },
    )
    return intake


@transaction.atomic
def intake_afronden(
    *,
    dossier: Dossier,
    door: Any,
    versie: int,
    request: HttpRequest | None = None,
) -> BredeIntake:
    """Complete the intake when nothing required is missing: the timeline gets
    ``brede_intake_afgerond``, and a dossier in phase intake moves on to pip."""
    if selectors.intake_van(dossier) is None:
        raise ServiceFout(_("Er is nog geen brede intake om af te ronden."))
    intake, _nieuw = _vergrendel(dossier, versie, door, request)
    missend = volledigheid.ontbrekend(selectors.stand_van(intake))
    if missend:
        raise OnvolledigeIntake(missend)
    vandaag = timezone.localdate()
    _verhoog_versie(intake, versie, door)
    intake.afgerond_op = vandaag
    intake.afgerond_door = door if getattr(door, "is_authenticated", False) else None
    intake.save(update_fields=["afgerond_op", "afgerond_door", "gewijzigd_op"])
    dossier_services.feit_vastleggen(
        dossier=dossier,
        soort=TijdlijnFeit.Soort.BREDE_INTAKE_AFGEROND,
        datum=vandaag,
        door=door,
        gegevens={
            "leerroute": intake.leerroute,
            "niveau": intake.niveau,
            "alfabetisering": intake.alfabetisering,
        },
    )
    actueel = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if actueel.fase == Fase.INTAKE:
        dossier_services.fase_wijzigen(
            dossier=actueel, naar=Fase.PIP, door=door, versie=actueel.versie, request=request
        )
    dossier.fase, dossier.versie = actueel.fase, actueel.versie
    _log(
        door=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="brede_intake",
        object_id=intake.pk,
        dossier=dossier,
        gegevens={"onderdeel": "afronden", "afgerond_op": vandaag.isoformat()},
    )
    return intake
