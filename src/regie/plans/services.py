"""Writes to the PIP: one function per use case, one transaction, its own audit event.

Every write first moves ``Pip.versie`` with a conditional UPDATE (optimistic locking, as
``regie.dossiers.services.dossier_wijzigen``): of two people acting on the same PIP, the second
is refused with a Dutch message instead of silently overwriting the first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.accounts.permissions import heeft_recht
from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Dossier, Fase, TijdlijnFeit
from regie.dossiers.services import (
    GelijktijdigGewijzigd,
    ServiceFout,
    fase_wijzigen,
    feit_vastleggen,
)
from regie.intake.contract import IntakeVoorPip
from regie.intake.keuzes import Alfabetisering, Leerroute, Niveau
from regie.plans import documenten, regelcheck, signals
from regie.plans.models import Beoordeling, DualeActiviteit, Pip, PipVersie

RECHT_VASTSTELLEN = "plans.pip_vaststellen"

# The plan's fields a concept edit may change (the rest is process bookkeeping).
BEWERKBARE_VELDEN = (
    "dagtekening",
    "leerroute",
    "niveau",
    "knm",
    "alfabetisering",
    "intensiteit_uren_per_week",
    "geschatte_uren_b1",
    "mag_opleiding_afmaken",
    "aanbieder",
    "aanbieder_naam",
    "aanbieder_keurmerk",
    "pvt_uren",
    "map_uren",
    "participatie",
    "maatschappelijke_begeleiding",
    "ontzorgen",
    "ontzorgen_toelichting",
    "overige_afspraken",
)


class PipFout(ServiceFout):
    """A refusal about the PIP the user should read (Dutch, says what to do)."""


class VierOgenFout(PipFout):
    pass


class InhoudFout(PipFout):
    """The plan's content is refused (``regelcheck`` content checks); ``meldingen`` name the
    field each refusal is about, so a form can show it there."""

    def __init__(self, meldingen: tuple[regelcheck.Melding, ...]) -> None:
        super().__init__(_weigering_tekst(meldingen))
        self.meldingen = meldingen


def _intake(dossier: Dossier) -> IntakeVoorPip | None:
    """The intake's route decision, through the contract ``regie.intake.contract``. Imported
    here, not at module level, so the PIP's services can be tested with a constructed
    ``IntakeVoorPip`` and loading this module never depends on the intake app's internals."""
    from regie.intake.selectors import intake_voor_pip

    return intake_voor_pip(dossier)


def intake_bezwaren(intake: IntakeVoorPip | None) -> list[str]:
    """Why this intake cannot (yet) produce a PIP; empty when it can."""
    if intake is None:
        return [_("Er is nog geen brede intake. Start en rond eerst de brede intake af.")]
    if intake.afgerond_op is None:
        if intake.ontbrekend:
            return [
                _("De brede intake is nog niet afgerond. Nog niet ingevuld: %(delen)s.")
                % {"delen": ", ".join(intake.ontbrekend)}
            ]
        return [_("De brede intake is nog niet afgerond.")]
    bezwaren = []
    if intake.leerroute not in Leerroute.values:
        bezwaren.append(_("In de brede intake is nog geen leerroute gekozen."))
    if intake.niveau and intake.niveau not in Niveau.values:
        bezwaren.append(_("Het niveau uit de brede intake is onbekend: %s.") % intake.niveau)
    return bezwaren


def _vergrendel(pip: Pip, versie: int) -> None:
    """Move the PIP's lock from ``versie``; refuse when someone else moved it first."""
    if Pip.objects.filter(pk=pip.pk, versie=versie).update(versie=F("versie") + 1) == 0:
        raise GelijktijdigGewijzigd(
            _(
                "Dit PIP is intussen door iemand anders gewijzigd. Uw wijzigingen zijn niet "
                "opgeslagen. Laad de pagina opnieuw en voer ze opnieuw in."
            )
        )
    pip.versie = versie + 1


def _vers(pip_versie: PipVersie) -> PipVersie:
    """The version as stored (a bound form may have changed the instance in memory)."""
    return PipVersie.objects.select_related("pip__dossier").get(pk=pip_versie.pk)


def _eis_status(pip_versie: PipVersie, status: str, melding: str) -> None:
    if pip_versie.status != status:
        raise PipFout(melding)


def _weigering_tekst(meldingen: Any) -> str:
    return " ".join(f"{m.code}: {m.toelichting}" for m in meldingen)


def _audit(
    *, door: Any, request: HttpRequest | None, versie: PipVersie, actie: str, **gegevens: Any
) -> None:
    audit.log(
        actor=door,
        request=request,
        actie=actie,
        object_type="pip_versie",
        object_id=versie.pk,
        dossier_id=versie.pip.dossier_id,
        gegevens={"nummer": versie.nummer, **gegevens},
    )


@transaction.atomic
def pip_starten(
    *,
    dossier: Dossier,
    door: Any,
    intake: IntakeVoorPip | None,
    request: HttpRequest | None = None,
) -> PipVersie:
    """Open the PIP with a first concept, prefilled from the intake's route decision."""
    bezwaren = intake_bezwaren(intake)
    if bezwaren:
        raise PipFout(" ".join(bezwaren))
    assert intake is not None
    try:
        with transaction.atomic():
            pip = Pip.objects.create(
                dossier=dossier, taal=intake.taal_persoon or "nl", aangemaakt_door=door
            )
    except IntegrityError as exc:
        raise PipFout(_("Dit dossier heeft al een PIP.")) from exc
    versie = PipVersie.objects.create(
        pip=pip,
        nummer=1,
        dagtekening=timezone.localdate(),
        leerroute=intake.leerroute,
        niveau=intake.niveau or "",
        alfabetisering=intake.alfabetisering
        if intake.alfabetisering in Alfabetisering.values
        else Alfabetisering.NVT,
        participatie=intake.werkwensen,
        aangemaakt_door=door,
    )
    for volgorde, optie in enumerate(intake.duale_opties):
        DualeActiviteit.objects.create(
            versie=versie,
            volgorde=volgorde,
            soort=DualeActiviteit.Soort.OVERIG,
            omschrijving=optie[:300],
        )
    eigen_doelen = [regel.strip() for regel in intake.eigen_doelen.splitlines() if regel.strip()]
    _doelen_vastleggen(versie, [{"omschrijving": d, "subdoelen": []} for d in eigen_doelen])
    if dossier.fase == Fase.INTAKE:
        dossier.refresh_from_db(fields=["fase", "versie"])
        fase_wijzigen(dossier=dossier, naar=Fase.PIP, door=door, versie=dossier.versie)
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="pip",
        object_id=pip.pk,
        dossier_id=dossier.pk,
        gegevens={
            "nummer": versie.nummer,
            "leerroute": versie.leerroute,
            "niveau": versie.niveau,
            "advies_gevolgd": intake.advies_gevolgd,
        },
    )
    return versie


def _activiteiten_vastleggen(versie: PipVersie, activiteiten: list[dict[str, Any]]) -> None:
    versie.activiteiten.all().delete()
    DualeActiviteit.objects.bulk_create(
        DualeActiviteit(versie=versie, volgorde=i, **rij) for i, rij in enumerate(activiteiten)
    )


def _doelen_vastleggen(versie: PipVersie, doelen: list[dict[str, Any]]) -> None:
    versie.doelen.all().delete()
    for i, rij in enumerate(doelen):
        doel = versie.doelen.create(volgorde=i, omschrijving=rij["omschrijving"][:300])
        for j, sub in enumerate(rij.get("subdoelen") or []):
            doel.subdoelen.create(volgorde=j, omschrijving=sub[:300])


def _valideer(pip_versie: PipVersie) -> None:
    """The plan's own fields against the model (choices, bounds); not the bookkeeping."""
    buiten = [f.name for f in PipVersie._meta.fields if f.name not in BEWERKBARE_VELDEN]
    try:
        pip_versie.full_clean(exclude=buiten, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise PipFout(
            " ".join(
                f"{PipVersie._meta.get_field(veld).verbose_name}: {' '.join(fouten)}"
                for veld, fouten in exc.message_dict.items()
            )
        ) from exc


@transaction.atomic
def concept_opslaan(
    *,
    pip_versie: PipVersie,
    versie: int,
    door: Any,
    gegevens: dict[str, Any],
    activiteiten: list[dict[str, Any]],
    doelen: list[dict[str, Any]],
    request: HttpRequest | None = None,
) -> PipVersie:
    """Save a concept if nobody acted on the PIP since ``versie`` (the editor's start)."""
    onbekend = set(gegevens) - set(BEWERKBARE_VELDEN)
    if onbekend:
        raise ValueError(f"not editable: {sorted(onbekend)}")
    pip_versie = _vers(pip_versie)
    _vergrendel(pip_versie.pip, versie)
    _eis_status(
        pip_versie,
        PipVersie.Status.CONCEPT,
        _("Alleen een concept kan worden bewerkt. Deze versie is %(status)s.")
        % {"status": pip_versie.get_status_display().lower()},
    )
    gewijzigd = sorted(v for v, w in gegevens.items() if getattr(pip_versie, v) != w)
    for veld, waarde in gegevens.items():
        setattr(pip_versie, veld, waarde)
    controle = regelcheck.controleer(pip_versie.pip.dossier, pip_versie)
    if controle.inhoud_weigeringen:
        raise InhoudFout(controle.inhoud_weigeringen)
    _valideer(pip_versie)
    pip_versie.save()
    _activiteiten_vastleggen(pip_versie, activiteiten)
    _doelen_vastleggen(pip_versie, doelen)
    _audit(
        door=door,
        request=request,
        versie=pip_versie,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        gewijzigd=gewijzigd,
        leerroute=pip_versie.leerroute,
        niveau=pip_versie.niveau,
    )
    return pip_versie


@transaction.atomic
def ter_goedkeuring_aanbieden(
    *, pip_versie: PipVersie, versie: int, door: Any, request: HttpRequest | None = None
) -> PipVersie:
    """Concept → ter goedkeuring, only when the rules engine accepts the version."""
    pip_versie = _vers(pip_versie)
    _vergrendel(pip_versie.pip, versie)
    _eis_status(
        pip_versie,
        PipVersie.Status.CONCEPT,
        _("Alleen een concept kan ter goedkeuring worden aangeboden."),
    )
    controle = regelcheck.controleer(pip_versie.pip.dossier, pip_versie)
    if not controle.toegestaan:
        raise PipFout(
            _("Dit PIP kan niet ter goedkeuring worden aangeboden. %(redenen)s")
            % {"redenen": _weigering_tekst(controle.weigeringen)}
        )
    pip_versie.status = PipVersie.Status.TER_GOEDKEURING
    pip_versie.ingediend_door = door
    pip_versie.ingediend_op = timezone.now()
    pip_versie.save(update_fields=["status", "ingediend_door", "ingediend_op"])
    _audit(
        door=door,
        request=request,
        versie=pip_versie,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        status=pip_versie.status,
    )
    return pip_versie


def _vier_ogen(pip_versie: PipVersie, door: Any) -> None:
    """A teamleider decides, and never on a version they submitted themselves."""
    if not heeft_recht(door, RECHT_VASTSTELLEN, pip_versie.pip.dossier.regie_gemeente_id):
        raise VierOgenFout(_("U mag geen PIP vaststellen of afkeuren in deze gemeente."))
    if pip_versie.ingediend_door_id == getattr(door, "pk", None):
        raise VierOgenFout(
            _(
                "U heeft dit PIP zelf ter goedkeuring aangeboden. Een andere teamleider moet "
                "het beoordelen (vier ogen)."
            )
        )


@transaction.atomic
def pip_vaststellen(
    *,
    pip_versie: PipVersie,
    versie: int,
    door: Any,
    dagtekening: date,
    request: HttpRequest | None = None,
) -> PipVersie:
    """Adopt the version: the beschikking with its dagtekening, the timeline fact the engine
    computes the term from, the phase pip → traject, the documents and (through
    ``signals.pip_vastgesteld``) the delivery to DUO, all or nothing."""
    pip_versie = _vers(pip_versie)
    _vergrendel(pip_versie.pip, versie)
    _eis_status(
        pip_versie,
        PipVersie.Status.TER_GOEDKEURING,
        _("Alleen een PIP dat ter goedkeuring ligt, kan worden vastgesteld."),
    )
    _vier_ogen(pip_versie, door)
    if dagtekening > timezone.localdate():
        raise PipFout(_("De dagtekening kan niet in de toekomst liggen."))
    dossier = pip_versie.pip.dossier
    pip_versie.dagtekening = dagtekening
    controle = regelcheck.controleer(dossier, pip_versie)
    if not controle.toegestaan:
        raise PipFout(
            _("Dit PIP kan niet worden vastgesteld. %(redenen)s")
            % {"redenen": _weigering_tekst(controle.weigeringen)}
        )
    pip_versie.status = PipVersie.Status.VASTGESTELD
    pip_versie.vastgesteld_door = door
    pip_versie.vastgesteld_op = timezone.now()
    pip_versie.save(update_fields=["status", "dagtekening", "vastgesteld_door", "vastgesteld_op"])
    Beoordeling.objects.create(
        versie=pip_versie, besluit=Beoordeling.Besluit.VASTGESTELD, door=door
    )
    # The engine's event: the first one's dagtekening starts the term, later ones never move it.
    feit_vastleggen(
        dossier=dossier,
        soort=TijdlijnFeit.Soort.PIP_VASTGESTELD,
        datum=dagtekening,
        door=door,
        gegevens={"leerroute": pip_versie.leerroute, "niveau": pip_versie.niveau or None},
    )
    dossier.refresh_from_db(fields=["fase", "versie"])
    if dossier.fase == Fase.PIP:
        fase_wijzigen(
            dossier=dossier, naar=Fase.TRAJECT, door=door, versie=dossier.versie, request=request
        )
    documenten.documenten_maken(pip_versie, door=door, request=request)
    _audit(
        door=door,
        request=request,
        versie=pip_versie,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        besluit=Beoordeling.Besluit.VASTGESTELD,
        dagtekening=dagtekening.isoformat(),
        leerroute=pip_versie.leerroute,
        niveau=pip_versie.niveau,
        ingediend_door=pip_versie.ingediend_door_id,
    )
    # In this transaction: the DUO koppeling places the delivery of this version (law.md R4.5).
    signals.pip_vastgesteld.send(
        sender=PipVersie, pip_versie=pip_versie, dossier=dossier, door=door, request=request
    )
    return pip_versie


@transaction.atomic
def pip_afkeuren(
    *,
    pip_versie: PipVersie,
    versie: int,
    door: Any,
    reden: str,
    request: HttpRequest | None = None,
) -> PipVersie:
    """Send the version back to concept with the teamleider's reason."""
    pip_versie = _vers(pip_versie)
    _vergrendel(pip_versie.pip, versie)
    _eis_status(
        pip_versie,
        PipVersie.Status.TER_GOEDKEURING,
        _("Alleen een PIP dat ter goedkeuring ligt, kan worden afgekeurd."),
    )
    _vier_ogen(pip_versie, door)
    reden = reden.strip()
    if not reden:
        raise PipFout(_("Geef een reden waarom het PIP wordt afgekeurd."))
    pip_versie.status = PipVersie.Status.CONCEPT
    pip_versie.save(update_fields=["status"])
    Beoordeling.objects.create(
        versie=pip_versie, besluit=Beoordeling.Besluit.AFGEKEURD, door=door, reden=reden
    )
    _audit(
        door=door,
        request=request,
        versie=pip_versie,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        besluit=Beoordeling.Besluit.AFGEKEURD,
        ingediend_door=pip_versie.ingediend_door_id,
    )
    return pip_versie


@transaction.atomic
def pip_wijzigen(
    *, pip: Pip, versie: int, door: Any, request: HttpRequest | None = None
) -> PipVersie:
    """Start a change: a new concept copied from the last adopted version (Wi art. 15; a new
    beschikking with its own dagtekening, which never moves the term)."""
    _vergrendel(pip, versie)
    if pip.versies.filter(status__in=PipVersie.OPEN).exists():
        raise PipFout(_("Er is al een versie in bewerking. Rond die eerst af."))
    laatste = (
        pip.versies.filter(status=PipVersie.Status.VASTGESTELD)
        .prefetch_related("activiteiten", "doelen__subdoelen")
        .order_by("-nummer")
        .first()
    )
    if laatste is None:
        raise PipFout(_("Er is nog geen vastgesteld PIP om te wijzigen."))
    nieuw = PipVersie.objects.create(
        pip=pip,
        nummer=pip.versies.order_by("-nummer").values_list("nummer", flat=True)[0] + 1,
        dagtekening=timezone.localdate(),
        aangemaakt_door=door,
        **{veld: getattr(laatste, veld) for veld in BEWERKBARE_VELDEN if veld != "dagtekening"},
    )
    _activiteiten_vastleggen(
        nieuw,
        [
            {
                "soort": a.soort,
                "omschrijving": a.omschrijving,
                "uren_per_week": a.uren_per_week,
                "organisatie": a.organisatie,
            }
            for a in laatste.activiteiten.all()
        ],
    )
    _doelen_vastleggen(
        nieuw,
        [
            {
                "omschrijving": d.omschrijving,
                "subdoelen": [s.omschrijving for s in d.subdoelen.all()],
            }
            for d in laatste.doelen.all()
        ],
    )
    _audit(
        door=door,
        request=request,
        versie=nieuw,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        van_versie=laatste.nummer,
    )
    return nieuw


@transaction.atomic
def ontwikkelplan_maken(
    *, pip_versie: PipVersie, taal: str, door: Any, request: HttpRequest | None = None
) -> Any:
    """The ontwikkelplan of an adopted version in ``taal``: the stored one, or (for a language
    completed after adoption) rendered now and stored, so what was handed out stays on file."""
    if pip_versie.status != PipVersie.Status.VASTGESTELD:
        raise PipFout(_("Een ontwikkelplan hoort bij een vastgesteld PIP."))
    bestaand = documenten.ontwikkelplan_van(pip_versie, taal)
    if bestaand is not None:
        return bestaand
    return documenten.ontwikkelplan_vastleggen(pip_versie, taal, door=door, request=request)
