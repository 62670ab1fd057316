"""Reads of PIPs. Every function starts from ``Pip.objects.for_user`` (or a scoped dossier)."""

from __future__ import annotations

from typing import Any

from regie.dossiers.models import Dossier
from regie.letters.models import Document
from regie.plans.models import Pip, PipVersie


def pip_van(user: Any, dossier: Dossier, recht: str = "dossiers.view_dossier") -> Pip | None:
    return Pip.objects.for_user(user, recht).filter(dossier=dossier).first()


def versies(pip: Pip) -> list[PipVersie]:
    """All versions, newest first, with who acted on them (one query)."""
    return list(
        pip.versies.select_related(
            "aangemaakt_door", "ingediend_door", "vastgesteld_door", "aanbieder"
        ).order_by("-nummer")
    )


def open_versie(versies: list[PipVersie]) -> PipVersie | None:
    return next((v for v in versies if v.status in PipVersie.OPEN), None)


def laatst_vastgesteld(versies: list[PipVersie]) -> PipVersie | None:
    return next((v for v in versies if v.status == PipVersie.Status.VASTGESTELD), None)


def met_inhoud(versie: PipVersie) -> PipVersie:
    """One version with its dual activities, goals and subgoals, and its decisions."""
    return (
        PipVersie.objects.select_related("aanbieder", "ingediend_door", "vastgesteld_door")
        .prefetch_related("activiteiten", "doelen__subdoelen", "beoordelingen__door")
        .get(pk=versie.pk)
    )


def documenten_van(versie: PipVersie) -> list[Document]:
    return list(versie.documenten.defer("inhoud").order_by("soort", "taal"))


def duale_trajecten(dossiers: Any) -> Any:
    """For the policy dashboard (subgoal dualiteit): dossiers whose PIP version in force (the
    latest approved one) has at least one dual activity (work, volunteering, participation…),
    counted per municipality (``gemeente_id``) and cohort (the year the obligation started,
    ``cohort``) as ``aantal``. ``dossiers`` is an already scoped queryset. An unevaluated values
    queryset, so the dashboard can combine it with its other counts into one query."""
    from django.db.models import Count, Exists, F, OuterRef, Subquery
    from django.db.models.functions import ExtractYear

    from regie.plans.models import DualeActiviteit

    vastgesteld = PipVersie.Status.VASTGESTELD
    geldend = PipVersie.objects.filter(pip=OuterRef("pk"), status=vastgesteld).order_by("-nummer")
    return (
        Pip.objects.filter(dossier__in=dossiers.values("pk"))
        .annotate(geldend=Subquery(geldend.values("pk")[:1]))
        .filter(Exists(DualeActiviteit.objects.filter(versie_id=OuterRef("geldend"))))
        .annotate(
            gemeente_id=F("dossier__regie_gemeente_id"),
            cohort=ExtractYear("dossier__plicht_vanaf"),
        )
        .values("gemeente_id", "cohort")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
