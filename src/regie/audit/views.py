from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.audit import services as audit
from regie.audit.forms import AuditZoekForm
from regie.audit.models import AuditGebeurtenis
from regie.audit.selectors import audit_voor_gebruiker
from regie.core.views import vereist_recht
from regie.dossiers.models import Dossier

PAGINAGROOTTE = 100


@vereist_recht("audit.view_auditgebeurtenis")
def auditlog(request: HttpRequest) -> HttpResponse:
    form = AuditZoekForm(request.GET or None)
    qs = audit_voor_gebruiker(request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["dossiernummer"]:
            dossier_ids = Dossier.objects.filter(nummer=data["dossiernummer"].strip()).values("pk")
            qs = qs.filter(dossier_id__in=dossier_ids)
        if data["gebruiker"]:
            qs = qs.filter(actor_weergave=data["gebruiker"].strip())
        if data["actie"]:
            qs = qs.filter(actie=data["actie"])
    voor = request.GET.get("voor")
    if voor and voor.isdigit():
        qs = qs.filter(volgnummer__lt=int(voor))
    rijen = list(qs.order_by("-volgnummer")[: PAGINAGROOTTE + 1])
    meer = len(rijen) > PAGINAGROOTTE
    rijen = rijen[:PAGINAGROOTTE]
    audit.log(
        actor=request.user,
        request=request,
        actie=AuditGebeurtenis.Actie.LIJST,
        object_type="auditlog",
        gegevens={"filters": {k: v for k, v in request.GET.items() if k != "voor"}},
    )
    volgende = None
    if meer:
        params = request.GET.copy()
        params["voor"] = str(rijen[-1].volgnummer)
        volgende = params.urlencode()
    return render(
        request,
        "audit/auditlog.html",
        {"form": form, "rijen": rijen, "volgende": volgende},
    )
