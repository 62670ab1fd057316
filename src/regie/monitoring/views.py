"""The policy dashboard per subgoal and its exports: aggregates only, never a person.

No audit event is written for these pages: they show no personal data (only counts under the
small-numbers rule of regie.monitoring.privacy), and R-05 asks for one on every view that does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.core.views import vereist_recht
from regie.dossiers.models import Dossier
from regie.monitoring import elders, selectors
from regie.monitoring.forms import DashboardFilterForm
from regie.monitoring.indicatoren import Dashboard, bouw_dashboard
from regie.monitoring.tabellen import als_csv, als_xlsx

BRON = gettext_lazy("Regie, monitoring Wet inburgering 2021")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def dashboard_voor(
    user: Any,
    *,
    cohort: int | None,
    doelgroep: str | None,
    gemeente_id: int | None,
    peildatum: date | None = None,
    gemeenten: list | None = None,
) -> Dashboard:
    """The whole dashboard for a user; the page, the exports and the council report use it."""
    from regie.forecasting.selectors import geldige_parameters

    filters = selectors.DashboardFilter(
        doelgroep=doelgroep, gemeente_id=gemeente_id, peildatum=peildatum
    )
    groepen = selectors.groepen(user, filters, gemeenten)
    parameters = geldige_parameters()
    prognose = (
        (
            _("Prognose (parameters versie %(versie)s)") % {"versie": parameters.versie},
            {r: parameters.procent(r) for r in ("z_route", "b1_route", "onderwijsroute")},
        )
        if parameters is not None
        else None
    )
    dossiers = Dossier.objects.for_user(user, selectors.RECHT).filter(
        regie_gemeente_id__in=[g.pk for g in groepen.gemeenten]
    )
    if doelgroep:
        dossiers = dossiers.filter(doelgroep=doelgroep)
    # The same dossiers as the counts (all cohorts: the cube has a cohort dimension).
    elders.voeg_toe(groepen, dossiers)
    return bouw_dashboard(groepen, cohort=cohort, prognose_verdeling=prognose)


def _uit_verzoek(request: HttpRequest) -> tuple[DashboardFilterForm, Dashboard]:
    gemeenten = selectors.gemeenten_in_beeld(request.user)
    form = DashboardFilterForm(request.GET or None, gemeenten=gemeenten)
    cohort, doelgroep, gemeente = form.waarden()
    dashboard = dashboard_voor(
        request.user,
        cohort=cohort,
        doelgroep=doelgroep,
        gemeente_id=gemeente.pk if gemeente else None,
        gemeenten=gemeenten,
    )
    return form, dashboard


@vereist_recht(selectors.RECHT)
def dashboard(request: HttpRequest) -> HttpResponse:
    form, bord = _uit_verzoek(request)
    filters = {k: v for k, v in request.GET.items() if k in form.fields and v}
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "form": form,
            "dashboard": bord,
            "export_url": reverse("monitoring:export"),
            "filterquery": urlencode(filters),
        },
    )


@vereist_recht(selectors.RECHT)
def export(request: HttpRequest) -> HttpResponse:
    """Any table of the dashboard as CSV (``formaat=csv``) or XLSX; ``tabel=alle`` gives every
    table as a sheet of one workbook."""
    _form, bord = _uit_verzoek(request)
    sleutel = request.GET.get("tabel") or "tijdige_start"
    formaat = request.GET.get("formaat") or "csv"
    tabellen = bord.tabellen
    if sleutel == "alle" and formaat == "xlsx":
        gekozen = list(tabellen.values())
    elif sleutel in tabellen and formaat in {"csv", "xlsx"}:
        gekozen = [tabellen[sleutel]]
    else:
        raise Http404
    naam = f"regie-monitoring-{sleutel}-{bord.peildatum.isoformat()}.{formaat}"
    if formaat == "csv":
        response = HttpResponse(
            als_csv(gekozen[0], bron=str(BRON), peildatum=bord.peildatum),
            content_type="text/csv; charset=utf-8",
        )
    else:
        response = HttpResponse(
            als_xlsx(gekozen, bron=str(BRON), peildatum=bord.peildatum), content_type=XLSX
        )
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response
