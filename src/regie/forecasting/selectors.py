"""Reads for the forecast: the register, the valid parameters, and the forecast's input."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from regie.accounts.permissions import gemeenten_met_recht
from regie.core.models import Gemeente
from regie.forecasting.models import LEERROUTES, PrognoseParameters, Taakstelling

RECHT_INZIEN = "core.view_aggregaten"
RECHT_BEHEER = "forecasting.beheer_taakstelling"
WI2021_VANAF = 2022  # Wi 2021 applies to obligations from 1 January 2022 (law.md R1.1)
MIN_KALIBRATIE = 30  # own PIPs needed before the route split is calibrated on them


def gemeenten_met(user: Any, *rechten: str) -> list[Gemeente]:
    """Municipalities for which the user holds any of ``rechten``, by name."""
    ids: set[int] = set()
    for recht in rechten:
        ids |= gemeenten_met_recht(user, recht)
    return list(Gemeente.objects.filter(pk__in=sorted(ids)).order_by("naam"))


def geldige_parameters(peildatum: date | None = None) -> PrognoseParameters | None:
    """The version valid on ``peildatum`` (today): latest ``geldig_vanaf``, then highest
    version. Budgets are not fetched here (see ``budgetten``)."""
    peildatum = peildatum or timezone.localdate()
    return (
        PrognoseParameters.objects.filter(geldig_vanaf__lte=peildatum)
        .order_by("-geldig_vanaf", "-versie")
        .first()
    )


def parameterhistorie() -> list[PrognoseParameters]:
    return list(PrognoseParameters.objects.select_related("vastgelegd_door").order_by("-versie"))


def taakstellingen(gemeente_ids: list[int]) -> list[Taakstelling]:
    return list(
        Taakstelling.objects.filter(gemeente_id__in=gemeente_ids)
        .select_related("gemeente")
        .order_by("jaar", "halfjaar", "gemeente__naam")
    )


def standaard_vanaf_jaar(rijen: list[Taakstelling]) -> int:
    """The first year under the Wi 2021 with a quota in the register, else this year."""
    jaren = sorted({r.jaar for r in rijen if r.jaar >= WI2021_VANAF})
    return jaren[0] if jaren else timezone.localdate().year


@dataclass(frozen=True)
class PrognoseInvoer:
    """Everything the forecast engines need, as plain numbers (no Django, no Decimal)."""

    gemeenten: tuple[str, ...]
    gemeente_ids: tuple[int, ...]
    vanaf_jaar: int
    jaren: int
    halfjaren: tuple[tuple[int, int], ...]  # simulated, in order: run-in first, then horizon
    taakstelling: tuple[tuple[float, ...], ...]  # [gemeente][halfjaar]
    gezinsmigranten: tuple[tuple[float, ...], ...]
    aangenomen: tuple[tuple[bool, ...], ...]  # carried forward from the last known half year
    aandeel_volwassen: float
    verdeling: tuple[float, float, float]  # fractions in LEERROUTES order, summing to 1
    verdeling_bron: str  # "parameters" or "eigen dossiers (n = …)", in the active language
    dirichlet_alpha: tuple[float, float, float]
    zekerheid_volwassen: float
    variatie_taakstelling: float
    weken: tuple[tuple[float, float], ...]  # (mean, sd) per lag: koppeling→vestiging→intake→PIP
    termijn_jaren: int
    uren_per_week: tuple[float, float, float]
    normbedrag: tuple[float, float, float]
    budget: tuple[tuple[float | None, ...], ...]  # [gemeente][horizon year]
    parameters_versie: int


def budgetten(
    parameters: PrognoseParameters, gemeente_ids: list[int]
) -> dict[tuple[int, int], Decimal]:
    return {
        (b.gemeente_id, b.jaar): b.bedrag
        for b in parameters.budgetten.filter(gemeente_id__in=gemeente_ids)
    }


def prognose_invoer(
    *,
    gemeenten: list[Gemeente],
    rijen: list[Taakstelling],
    parameters: PrognoseParameters,
    budget: dict[tuple[int, int], Decimal],
    vanaf_jaar: int,
    jaren: int = 3,
    routetelling: dict[str, int] | None = None,
) -> PrognoseInvoer:
    """Build the input. Half years without a quota in the register take the last known one of
    that municipality (the framework's assumption that the quota stays the same) and are
    flagged; before the first known one they are 0. The run-in before ``vanaf_jaar`` covers
    one term so trajectories that started earlier are active in the horizon, but starts no
    earlier than 2022: obligations from before fall under the Wi 2013."""
    begin = max(WI2021_VANAF, vanaf_jaar - parameters.termijn_jaren)
    begin = min(begin, vanaf_jaar)
    halfjaren = tuple((jaar, h) for jaar in range(begin, vanaf_jaar + jaren) for h in (1, 2))
    per_sleutel = {(r.gemeente_id, r.jaar, r.halfjaar): r for r in rijen}
    taak, gezin, aangenomen = [], [], []
    for g in gemeenten:
        bekend = sorted(((r.jaar, r.halfjaar), r) for r in rijen if r.gemeente_id == g.pk)
        t_rij, f_rij, a_rij = [], [], []
        for jaar, h in halfjaren:
            rij = per_sleutel.get((g.pk, jaar, h))
            vorige = [r for (j, hh), r in bekend if (j, hh) < (jaar, h)]
            if rij is None and vorige:
                rij, gokje = vorige[-1], True
            else:
                gokje = rij is None
            t_rij.append(float(rij.aantal_statushouders) if rij else 0.0)
            f_rij.append(float(rij.verwachte_gezinsmigranten) if rij else 0.0)
            a_rij.append(gokje)
        taak.append(tuple(t_rij))
        gezin.append(tuple(f_rij))
        aangenomen.append(tuple(a_rij))
    procenten = [float(parameters.procent(r)) for r in LEERROUTES]
    verdeling = tuple(p / 100 for p in procenten)
    concentratie = float(parameters.zekerheid_routeverdeling)
    alpha = tuple(max(p * concentratie, 0.0) for p in verdeling)
    bron = _("parameters (ministerie/beleid)")
    totaal = sum((routetelling or {}).get(r, 0) for r in LEERROUTES)
    if routetelling and totaal >= MIN_KALIBRATIE:
        # Posterior of a Dirichlet: the region's own counts plus one pseudo-person spread as
        # the parameters' split (a weak prior that keeps every route possible).
        alpha = tuple(routetelling.get(r, 0) + verdeling[i] for i, r in enumerate(LEERROUTES))
        verdeling = tuple(a / sum(alpha) for a in alpha)
        bron = _("eigen dossiers (n = %(aantal)s)") % {"aantal": totaal}
    return PrognoseInvoer(
        gemeenten=tuple(g.naam for g in gemeenten),
        gemeente_ids=tuple(g.pk for g in gemeenten),
        vanaf_jaar=vanaf_jaar,
        jaren=jaren,
        halfjaren=halfjaren,
        taakstelling=tuple(taak),
        gezinsmigranten=tuple(gezin),
        aangenomen=tuple(aangenomen),
        aandeel_volwassen=float(parameters.aandeel_volwassen),
        verdeling=verdeling,  # type: ignore[arg-type]
        verdeling_bron=bron,
        dirichlet_alpha=alpha,  # type: ignore[arg-type]
        zekerheid_volwassen=float(parameters.zekerheid_aandeel_volwassen),
        variatie_taakstelling=float(parameters.variatie_taakstelling),
        weken=(
            (
                float(parameters.weken_koppeling_vestiging),
                float(parameters.spreiding_koppeling_vestiging),
            ),
            (
                float(parameters.weken_vestiging_intake),
                float(parameters.spreiding_vestiging_intake),
            ),
            (float(parameters.weken_intake_pip), float(parameters.spreiding_intake_pip)),
        ),
        termijn_jaren=parameters.termijn_jaren,
        uren_per_week=tuple(float(parameters.uren_per_week(r)) for r in LEERROUTES),  # type: ignore[arg-type]
        normbedrag=tuple(float(parameters.normbedrag(r)) for r in LEERROUTES),  # type: ignore[arg-type]
        budget=tuple(
            tuple(
                float(budget[(g.pk, j)]) if (g.pk, j) in budget else None
                for j in range(vanaf_jaar, vanaf_jaar + jaren)
            )
            for g in gemeenten
        ),
        parameters_versie=parameters.versie,
    )
