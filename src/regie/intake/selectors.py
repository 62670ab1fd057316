"""Reads of the brede intake. Views reach an intake only through a dossier from
``Dossier.objects.for_user`` (``regie.dossiers.selectors.dossier_voor_gebruiker``); the
functions below take that dossier. ``intake_voor_pip`` is the contract with regie.plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from regie.dossiers.models import Doelgroep, Dossier
from regie.intake import advies as advies_regels
from regie.intake import spinnenweb, volledigheid
from regie.intake.contract import IntakeVoorPip
from regie.intake.keuzes import Alfabetisering, Leerroute, Niveau
from regie.intake.models import (
    BredeIntake,
    Gezondheid,
    Leerbaarheidstoets,
    PositieveGezondheidScore,
)
from regie.intake.secties import (
    SECTIES,
    STATUS_LABELS,
    TAALVAARDIGHEDEN,
    Sectie,
    Status,
    rijen,
)


def intake_van(dossier: Dossier) -> BredeIntake | None:
    """The dossier's intake, or None when it has not started. ``dossier`` is already scoped."""
    return (
        BredeIntake.objects.select_related("besluit_door", "afgerond_door")
        .filter(dossier=dossier)
        .first()
    )


def lbt_van(intake: BredeIntake | None) -> Leerbaarheidstoets | None:
    if intake is None:
        return None
    return Leerbaarheidstoets.objects.filter(intake=intake).first()


def metingen_van(intake: BredeIntake | None) -> list[PositieveGezondheidScore]:
    if intake is None:
        return []
    return list(PositieveGezondheidScore.objects.filter(intake=intake).order_by("datum", "id"))


def gezondheid_van(intake: BredeIntake | None) -> Gezondheid | None:
    """Health data. Callers check ``intake.view_gezondheid`` and audit the read."""
    if intake is None:
        return None
    return Gezondheid.objects.filter(intake=intake).first()


def gezondheid_vastgelegd(intake: BredeIntake | None) -> bool:
    """Whether health data exists, without reading it (shown to those without the right)."""
    return intake is not None and Gezondheid.objects.filter(intake=intake).exists()


def stand_van(intake: BredeIntake | None) -> volledigheid.Stand:
    aantal = (
        PositieveGezondheidScore.objects.filter(intake=intake).count() if intake is not None else 0
    )
    return volledigheid.Stand(intake=intake, lbt=lbt_van(intake), aantal_metingen=aantal)


_LEES: Any = object()  # "not read yet": read the test from the database


def advies_feiten(
    intake: BredeIntake,
    *,
    dossier: Dossier,
    lbt: Leerbaarheidstoets | None = _LEES,
    peildatum: date | None = None,
) -> advies_regels.AdviesFeiten:
    """The facts the route advice reads. Never health data (see ``advies``)."""
    if lbt is _LEES:
        lbt = lbt_van(intake)
    peildatum = peildatum or timezone.localdate()
    persoon = dossier.inburgeraar
    return advies_regels.AdviesFeiten(
        leeftijd=advies_regels.leeftijd_op(persoon.geboortedatum, peildatum),
        lbt_resultaat=(lbt.resultaat or None) if lbt and not lbt.overgeslagen else None,
        lbt_score=lbt.score if lbt and not lbt.overgeslagen else None,
        lbt_vereiste_score=lbt.vereiste_score if lbt and not lbt.overgeslagen else None,
        lbt_overgeslagen=bool(lbt and lbt.overgeslagen),
        lbt_reden_overslaan=lbt.reden_overslaan if lbt else "",
        hoogste_opleiding=intake.hoogste_opleiding,
        studiewens=intake.studiewens,
        geletterdheid=intake.geletterdheid,
        taalniveaus=tuple(getattr(intake, v) for v in TAALVAARDIGHEDEN if getattr(intake, v)),
        jaren_werkervaring=intake.jaren_werkervaring,
        asielstatushouder=dossier.doelgroep == Doelgroep.ASIELSTATUSHOUDER,
    )


def advies_voor(
    intake: BredeIntake,
    *,
    dossier: Dossier,
    lbt: Leerbaarheidstoets | None = _LEES,
    peildatum: date | None = None,
) -> advies_regels.Advies:
    return advies_regels.route_advies(
        advies_feiten(intake, dossier=dossier, lbt=lbt, peildatum=peildatum)
    )


@dataclass(frozen=True)
class AdviesRij:
    """One part of the advice as the page shows it."""

    onderdeel: str  # "leerroute" | "niveau" | "alfabetisering"
    label: str
    waarde_label: str
    keuze: advies_regels.Keuze


_KEUZELABELS: dict[str, Any] = {
    "leerroute": Leerroute,
    "niveau": Niveau,
    "alfabetisering": Alfabetisering,
}


def keuzelabel(onderdeel: str, waarde: str | None) -> str:
    if not waarde:
        return ""
    return str(_KEUZELABELS[onderdeel](waarde).label)


def advies_rijen(advies: advies_regels.Advies) -> list[AdviesRij]:
    labels = {
        "leerroute": _("Leerroute"),
        "niveau": _("Niveau"),
        "alfabetisering": _("Alfabetisering"),
    }
    return [
        AdviesRij(
            onderdeel,
            labels[onderdeel],
            keuzelabel(onderdeel, getattr(advies, onderdeel).waarde),
            getattr(advies, onderdeel),
        )
        for onderdeel in ("leerroute", "niveau", "alfabetisering")
    ]


# --- The overview page -----------------------------------------------------------------------


@dataclass(frozen=True)
class SectieStand:
    sectie: Sectie
    status: Status
    status_label: str
    rijen: list[tuple[str, str]]

    @property
    def code(self) -> str:
        return self.sectie.code


@dataclass(frozen=True)
class Overzicht:
    intake: BredeIntake | None
    secties: list[SectieStand]
    lbt: Leerbaarheidstoets | None
    metingen: list[PositieveGezondheidScore]
    grafiek: spinnenweb.Grafiek | None
    advies: advies_regels.Advies | None
    advies_rijen: list[AdviesRij]
    ontbrekend: tuple[str, ...]
    gezondheid_vastgelegd: bool
    advies_gewijzigd: bool  # the advice now differs from the one the decision was taken on


def _sectiestand(sectie: Sectie, intake: BredeIntake | None) -> SectieStand:
    status = sectie.status(intake)
    inhoud = rijen(intake, sectie.velden) if intake is not None else []
    return SectieStand(sectie, status, str(STATUS_LABELS[status]), inhoud)


def overzicht(dossier: Dossier) -> Overzicht:
    """Everything the overview shows except health content (read separately, with its own
    right and audit event)."""
    intake = intake_van(dossier)
    lbt = lbt_van(intake)
    metingen = metingen_van(intake)
    advies = advies_voor(intake, dossier=dossier, lbt=lbt) if intake is not None else None
    stand = volledigheid.Stand(intake=intake, lbt=lbt, aantal_metingen=len(metingen))
    advies_gewijzigd = False
    if intake is not None and advies is not None and intake.advies_bij_besluit:
        oud = intake.advies_bij_besluit
        advies_gewijzigd = any(
            (oud.get(deel) or {}).get("waarde") != getattr(advies, deel).waarde
            for deel in ("leerroute", "niveau", "alfabetisering")
        )
    return Overzicht(
        intake=intake,
        secties=[_sectiestand(s, intake) for s in SECTIES],
        lbt=lbt,
        metingen=metingen,
        grafiek=spinnenweb.grafiek(metingen) if metingen else None,
        advies=advies,
        advies_rijen=advies_rijen(advies) if advies is not None else [],
        ontbrekend=volledigheid.ontbrekend(stand),
        gezondheid_vastgelegd=gezondheid_vastgelegd(intake),
        advies_gewijzigd=advies_gewijzigd,
    )


# --- The contract with regie.plans -----------------------------------------------------------


def intake_voor_pip(dossier: Dossier) -> IntakeVoorPip | None:
    """What the PIP starts from; None when no intake was started. ``dossier`` is scoped by the
    caller. ``extra`` carries a few facts the plan may show; never health data."""
    intake = intake_van(dossier)
    if intake is None:
        return None
    stand = stand_van(intake)
    lbt = stand.lbt
    extra: dict[str, str] = {
        "hoogste_opleiding": intake.hoogste_opleiding,
        "jaren_werkervaring": ""
        if intake.jaren_werkervaring is None
        else str(intake.jaren_werkervaring),
        "geletterdheid": intake.geletterdheid,
        "digitale_vaardigheden": intake.digitale_vaardigheden,
        "lbt_resultaat": "overgeslagen"
        if lbt is not None and lbt.overgeslagen
        else (lbt.resultaat if lbt is not None else ""),
        "kinderopvang_nodig": intake.kinderopvang_nodig,
        "ambities": intake.ambities,
    }
    return IntakeVoorPip(
        afgerond_op=intake.afgerond_op,
        ontbrekend=volledigheid.ontbrekend(stand),
        leerroute=intake.leerroute or None,
        niveau=intake.niveau or None,
        alfabetisering=intake.alfabetisering or Alfabetisering.NVT.value,
        duale_opties=tuple(intake.duale_opties or ()),
        eigen_doelen=intake.eigen_doelen,
        advies_gevolgd=True if intake.advies_gevolgd is None else intake.advies_gevolgd,
        motivatie_afwijking=intake.motivatie_afwijking,
        taal_persoon=intake.taal_persoon or "nl",
        werkwensen=intake.werkwensen,
        extra=extra,
    )


def route_afwijkingen(dossiers: Any) -> Any:
    """For the policy dashboard (subgoal maatwerk): completed intakes whose route decision
    deviates from Regie's advice, counted per municipality (``gemeente_id``) and cohort (the
    year the obligation started, ``cohort``) as ``aantal``. ``dossiers`` is an already scoped
    queryset. An unevaluated values queryset, so the dashboard can combine it with its other
    counts into one query; no row per person leaves the database."""
    from django.db.models import Count, F
    from django.db.models.functions import ExtractYear

    return (
        BredeIntake.objects.filter(
            dossier__in=dossiers.values("pk"), afgerond_op__isnull=False, advies_gevolgd=False
        )
        .annotate(
            gemeente_id=F("dossier__regie_gemeente_id"),
            cohort=ExtractYear("dossier__plicht_vanaf"),
        )
        .values("gemeente_id", "cohort")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
