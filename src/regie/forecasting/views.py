"""Forecast screens: the taakstelling register, the parameters, the forecast with its
uncertainty, scenarios side by side, exports and the council report. Aggregates only."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from regie.accounts.permissions import gemeenten_met_recht
from regie.core.views import vereist_recht
from regie.forecasting import selectors, services
from regie.forecasting.forms import (
    PrognoseKeuzeForm,
    PrognoseParametersForm,
    TaakstellingForm,
    TaakstellingImportForm,
)
from regie.forecasting.models import PrognoseParameters
from regie.forecasting.scenarios import SCENARIOS, Scenario
from regie.forecasting.selectors import RECHT_BEHEER, RECHT_INZIEN
from regie.monitoring.privacy import opmaak
from regie.monitoring.tabellen import Tabel, als_csv, als_xlsx

BRON = gettext_lazy("Regie, prognose Wet inburgering 2021")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CACHE_SECONDEN = 600


def bereken(invoer: selectors.PrognoseInvoer, scenario: Scenario | None = None) -> Any:
    """The Monte Carlo forecast, cached: page, exports and report ask for the same numbers."""
    from regie.forecasting import montecarlo

    sleutel = "regie-prognose-" + hashlib.sha256(repr((invoer, scenario)).encode()).hexdigest()
    uitkomst = cache.get(sleutel)
    if uitkomst is None:
        uitkomst = montecarlo.simuleer(
            invoer,
            factor_taakstelling=scenario.factor_taakstelling if scenario else 1.0,
            verdeling=scenario.verdeling(invoer.verdeling) if scenario else None,
        )
        cache.set(sleutel, uitkomst, CACHE_SECONDEN)
    return uitkomst


@dataclass
class Keuze:
    form: PrognoseKeuzeForm
    parameters: PrognoseParameters | None
    invoer: selectors.PrognoseInvoer | None
    geo: int
    geo_naam: str
    query: str


def _keuze(request: HttpRequest) -> Keuze:
    gemeenten = selectors.gemeenten_met(request.user, RECHT_INZIEN)
    form = PrognoseKeuzeForm(request.GET or None, gemeenten=gemeenten)
    rijen = selectors.taakstellingen([g.pk for g in gemeenten])
    vanaf, index, verdeling = form.keuzes(selectors.standaard_vanaf_jaar(rijen))
    parameters = selectors.geldige_parameters()
    query = urlencode({k: v for k, v in request.GET.items() if k in form.fields and v})
    if parameters is None or not gemeenten:
        return Keuze(form, parameters, None, 0, "", query)
    routetelling = None
    if verdeling == "eigen":
        from regie.monitoring.selectors import leerroute_telling

        routetelling = leerroute_telling(request.user, frozenset(g.pk for g in gemeenten))
    invoer = selectors.prognose_invoer(
        gemeenten=gemeenten,
        rijen=rijen,
        parameters=parameters,
        budget=selectors.budgetten(parameters, [g.pk for g in gemeenten]),
        vanaf_jaar=vanaf,
        routetelling=routetelling,
    )
    if index is None:
        geo, naam = len(gemeenten), (_("Regio") if len(gemeenten) > 1 else gemeenten[0].naam)
    else:
        geo, naam = index, gemeenten[index].naam
    return Keuze(form, parameters, invoer, geo, naam, query)


def prognosepagina_voor(keuze: Keuze) -> Any:
    from regie.forecasting.weergave import prognosepagina

    uitkomst = bereken(keuze.invoer)
    return prognosepagina(uitkomst, keuze.parameters, keuze.geo, keuze.geo_naam), uitkomst


@vereist_recht(RECHT_INZIEN)
def prognose(request: HttpRequest) -> HttpResponse:
    keuze = _keuze(request)
    context: dict[str, Any] = {"keuze": keuze, "export_url": reverse("forecasting:export")}
    if keuze.invoer is not None:
        pagina, uitkomst = prognosepagina_voor(keuze)
        context |= {
            "pagina": pagina,
            "uitkomst": uitkomst,
            "runs_tekst": opmaak(uitkomst.runs),
            "filterquery": keuze.query,
        }
    return render(request, "forecasting/prognose.html", context)


def scenariovergelijking_voor(keuze: Keuze) -> tuple[Tabel, Any]:
    from regie.forecasting.weergave import scenariovergelijking

    resultaten = [
        (s, bereken(keuze.invoer, s if s.sleutel != "basis" else None)) for s in SCENARIOS
    ]
    return scenariovergelijking(resultaten, keuze.geo, keuze.geo_naam)


@vereist_recht(RECHT_INZIEN)
def scenarios(request: HttpRequest) -> HttpResponse:
    keuze = _keuze(request)
    context: dict[str, Any] = {
        "keuze": keuze,
        "scenarios": SCENARIOS,
        "export_url": reverse("forecasting:export"),
        "filterquery": keuze.query,
    }
    if keuze.invoer is not None:
        context["tabel"], context["figuur"] = scenariovergelijking_voor(keuze)
    return render(request, "forecasting/scenarios.html", context)


@vereist_recht(RECHT_INZIEN)
def export(request: HttpRequest) -> HttpResponse:
    """Any table of the forecast or scenario pages: ``tabel=…&formaat=csv|xlsx``;
    ``tabel=alle&formaat=xlsx`` gives the forecast's tables in one workbook."""
    keuze = _keuze(request)
    if keuze.invoer is None:
        raise Http404
    sleutel = request.GET.get("tabel") or "deterministisch"
    formaat = request.GET.get("formaat") or "csv"
    if sleutel == "scenarios":
        tabellen = {"scenarios": scenariovergelijking_voor(keuze)[0]}
    else:
        tabellen = prognosepagina_voor(keuze)[0].alle_tabellen
    if sleutel == "alle" and formaat == "xlsx":
        gekozen = list(tabellen.values())
    elif sleutel in tabellen and formaat in {"csv", "xlsx"}:
        gekozen = [tabellen[sleutel]]
    else:
        raise Http404
    peildatum = timezone.localdate()
    if formaat == "csv":
        response = HttpResponse(
            als_csv(gekozen[0], bron=str(BRON), peildatum=peildatum),
            content_type="text/csv; charset=utf-8",
        )
    else:
        response = HttpResponse(
            als_xlsx(gekozen, bron=str(BRON), peildatum=peildatum), content_type=XLSX
        )
    naam = f"regie-prognose-{sleutel}-{peildatum.isoformat()}.{formaat}"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@vereist_recht(RECHT_INZIEN)
def raadsrapport(request: HttpRequest) -> HttpResponse:
    """The council report as PDF: the forecast, the parameters it used and the KPIs."""
    from regie.forecasting.rapport import raadsrapport_pdf
    from regie.monitoring.views import dashboard_voor

    keuze = _keuze(request)
    if keuze.invoer is None:
        raise Http404
    pagina, uitkomst = prognosepagina_voor(keuze)
    dashboard = dashboard_voor(
        request.user, cohort=None, doelgroep="asielstatushouder", gemeente_id=None
    )
    pdf = raadsrapport_pdf(
        pagina=pagina,
        uitkomst=uitkomst,
        dashboard=dashboard,
        scenario=scenariovergelijking_voor(keuze)[0],
        basis_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    naam = f"raadsrapport-inburgering-{timezone.localdate().isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


# --- Register and parameters ---------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@vereist_recht(RECHT_INZIEN, RECHT_BEHEER)
def taakstelling(request: HttpRequest) -> HttpResponse:
    beheer = selectors.gemeenten_met(request.user, RECHT_BEHEER)
    zichtbaar = selectors.gemeenten_met(request.user, RECHT_INZIEN, RECHT_BEHEER)
    form = TaakstellingForm(request.POST or None, gemeenten=beheer) if beheer else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            services.taakstelling_vastleggen(
                door=request.user,
                request=request,
                gemeente=data["gemeente"],
                jaar=data["jaar"],
                halfjaar=data["halfjaar"],
                aantal_statushouders=data["aantal_statushouders"],
                verwachte_gezinsmigranten=data["verwachte_gezinsmigranten"],
            )
            messages.success(request, _("De taakstelling is vastgelegd."))
            return redirect("forecasting:taakstelling")
    return render(
        request,
        "forecasting/taakstelling.html",
        {
            "rijen": selectors.taakstellingen([g.pk for g in zichtbaar]),
            "form": form,
            "import_form": TaakstellingImportForm() if beheer else None,
        },
    )


@require_http_methods(["GET", "POST"])
@vereist_recht(RECHT_BEHEER)
def taakstelling_import(request: HttpRequest) -> HttpResponse:
    form = TaakstellingImportForm(request.POST or None, request.FILES or None)
    fouten: list[str] = []
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            resultaat = services.taakstelling_importeren(
                door=request.user,
                request=request,
                inhoud=bestand.read(),
                toegestaan=gemeenten_met_recht(request.user, RECHT_BEHEER),
                bestandsnaam=bestand.name,
            )
        except services.ImportFout as fout:
            fouten = fout.fouten
        else:
            messages.success(
                request,
                _("Import geslaagd: %(nieuw)s nieuwe en %(bijgewerkt)s bijgewerkte halfjaren.")
                % {"nieuw": resultaat.nieuw, "bijgewerkt": resultaat.bijgewerkt},
            )
            return redirect("forecasting:taakstelling")
    return render(
        request,
        "forecasting/taakstelling_import.html",
        {"form": form, "fouten": fouten},
        status=400 if fouten else 200,
    )


@require_http_methods(["GET", "POST"])
@vereist_recht(RECHT_INZIEN, RECHT_BEHEER)
def parameters(request: HttpRequest) -> HttpResponse:
    beheer = selectors.gemeenten_met(request.user, RECHT_BEHEER)
    huidig = selectors.geldige_parameters()
    form = None
    if beheer:
        jaar = timezone.localdate().year
        budget = selectors.budgetten(huidig, [g.pk for g in beheer]) if huidig else {}
        jaren = sorted({j for _g, j in budget} | set(range(jaar, jaar + 3)))
        initial = (
            {}
            if huidig is None
            else {veld: getattr(huidig, veld) for veld in PrognoseParametersForm.Meta.fields}
            | {"geldig_vanaf": timezone.localdate()}
        )
        form = PrognoseParametersForm(
            request.POST or None, initial=initial, gemeenten=beheer, jaren=jaren, budget=budget
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            nieuw = services.parameters_vastleggen(
                door=request.user,
                request=request,
                velden=form.velden(),
                budgetten=form.budgetten(),
                toegestaan=frozenset(g.pk for g in beheer),
            )
            messages.success(
                request, _("Parameterversie %(versie)s is vastgelegd.") % {"versie": nieuw.versie}
            )
            return redirect("forecasting:parameters")
    return render(
        request,
        "forecasting/parameters.html",
        {"huidig": huidig, "historie": selectors.parameterhistorie(), "form": form},
    )
