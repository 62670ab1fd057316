"""Case-manager screens: thin views that parse input, call a selector or service, render."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from regie.accounts.permissions import gemeenten_met_recht, heeft_recht
from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.views import vereist_recht
from regie.dossiers import regels, selectors, services
from regie.dossiers.forms import (
    CaseloadFilterForm,
    DossierAanmakenForm,
    DossierBewerkenForm,
    FaseForm,
    PersoonForm,
    ZoekForm,
)
from regie.dossiers.models import Dossier, Fase

_ZOEK_SESSIE_SLEUTEL = "regie_zoekopdrachten"
_MAX_ZOEKOPDRACHTEN = 20


def _haal_dossier(request: HttpRequest, dossier_id: Any, recht: str = "dossiers.view_dossier"):
    try:
        return selectors.dossier_voor_gebruiker(request.user, dossier_id, recht)
    except Dossier.DoesNotExist as exc:
        raise Http404 from exc


def _zoekterm_uit_sessie(request: HttpRequest, token: str | None) -> str | None:
    if not token:
        return None
    return request.session.get(_ZOEK_SESSIE_SLEUTEL, {}).get(token)


@vereist_recht("dossiers.view_dossier")
def caseload(request: HttpRequest) -> HttpResponse:
    user = request.user
    gemeente_ids = gemeenten_met_recht(user, "dossiers.view_dossier")
    weergave = "mijn" if request.GET.get("weergave") == "mijn" else "alle"
    form = CaseloadFilterForm(request.GET or None, gemeente_ids=gemeente_ids)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    zoek_token = request.GET.get("zoek")
    zoekterm = _zoekterm_uit_sessie(request, zoek_token)
    filters = selectors.CaseloadFilter(
        alleen_eigen=weergave == "mijn",
        gemeente_id=data["gemeente"].pk if data.get("gemeente") else None,
        fase=data.get("fase") or None,
        klantregisseur_id=data["klantregisseur"].pk if data.get("klantregisseur") else None,
        doelgroep=data.get("doelgroep") or None,
        zoekterm=zoekterm,
        termijn=data.get("termijn") or None,
        sortering=data.get("sortering") or selectors.STANDAARD_SORTERING,
    )
    pagina = selectors.caseload_pagina(
        user,
        filters,
        na=request.GET.get("na"),
        voor=request.GET.get("voor"),
        paginagrootte=_paginagrootte(),
    )
    audit.log(
        actor=user,
        request=request,
        actie=AuditGebeurtenis.Actie.LIJST,
        object_type="caseload",
        gegevens={
            "weergave": weergave,
            "filters": {k: str(v) for k, v in request.GET.items() if k not in {"na", "voor"}},
            "aantal_getoond": len(pagina.rijen),
        },
    )
    basis = {k: v for k, v in request.GET.items() if k not in {"na", "voor"}}
    return render(
        request,
        "dossiers/caseload.html",
        {
            "weergave": weergave,
            "form": form,
            "zoekform": ZoekForm(initial={"zoekterm": zoekterm or ""}),
            "zoekterm": zoekterm,
            "zoek_verlopen": bool(zoek_token and zoekterm is None),
            "pagina": pagina,
            "query_mijn": urlencode({**basis, "weergave": "mijn"}),
            "query_alle": urlencode({**basis, "weergave": "alle"}),
            "query_volgende": urlencode({**basis, "na": pagina.volgende})
            if pagina.volgende
            else None,
            "query_vorige": urlencode({**basis, "voor": pagina.vorige}) if pagina.vorige else None,
            "mag_aanmaken": heeft_recht(user, "dossiers.add_dossier"),
            "vandaag": timezone.localdate(),
        },
    )


def _paginagrootte() -> int:
    from django.conf import settings

    return settings.REGIE_CASELOAD_PAGE_SIZE


@require_POST
@vereist_recht("dossiers.view_dossier")
def zoeken(request: HttpRequest) -> HttpResponse:
    """Search by POST so a BSN never appears in a URL; the term stays in the session."""
    form = ZoekForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vul minstens twee tekens in om te zoeken."))
        return redirect("dossiers:caseload")
    zoekterm = form.cleaned_data["zoekterm"]
    soort, _conditie = selectors.classificeer_zoekterm(zoekterm)
    opdrachten = dict(request.session.get(_ZOEK_SESSIE_SLEUTEL, {}))
    while len(opdrachten) >= _MAX_ZOEKOPDRACHTEN:
        opdrachten.pop(next(iter(opdrachten)))
    token = secrets.token_urlsafe(9)
    opdrachten[token] = zoekterm
    request.session[_ZOEK_SESSIE_SLEUTEL] = opdrachten
    audit.log(
        actor=request.user,
        request=request,
        actie=AuditGebeurtenis.Actie.ZOEKEN,
        object_type="inburgeraar",
        gegevens={"zoeksoort": soort},
    )
    return redirect(f"{reverse('dossiers:caseload')}?{urlencode({'zoek': token})}")


@vereist_recht("dossiers.view_dossier")
def dossier_detail(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id)
    feiten = selectors.tijdlijn(dossier)
    audit.gelezen(
        request,
        object_type="dossier",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
    )
    overgangen = [
        (fase, Fase(fase).label)
        for fase in Fase.values
        if fase in services.TOEGESTANE_OVERGANGEN[dossier.fase]
    ]
    gemeente_id = dossier.regie_gemeente_id
    return render(
        request,
        "dossiers/detail.html",
        {
            "conclusies": regels.weergave(regels.conclusies_voor(dossier, feiten)),
            "dossier": dossier,
            "persoon": dossier.inburgeraar,
            "tijdlijn": feiten,
            "overgangen": overgangen,
            "mag_wijzigen": heeft_recht(request.user, "dossiers.change_dossier", gemeente_id),
            "mag_fase_wijzigen": heeft_recht(request.user, "dossiers.fase_wijzigen", gemeente_id),
        },
    )


@require_http_methods(["GET", "POST"])
@vereist_recht("dossiers.change_dossier")
def dossier_bewerken(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id)
    if not heeft_recht(request.user, "dossiers.change_dossier", dossier.regie_gemeente_id):
        raise PermissionDenied
    mag_toewijzen = heeft_recht(request.user, "dossiers.toewijzen", dossier.regie_gemeente_id)
    form = DossierBewerkenForm(request.POST or None, dossier=dossier, mag_toewijzen=mag_toewijzen)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        wijzigingen = {veld: data[veld] for veld in services.BEWERKBARE_PERSOONSVELDEN}
        wijzigingen["coa_locatie"] = data["coa_locatie"]
        if mag_toewijzen:
            wijzigingen["klantregisseur"] = data["klantregisseur"]
        try:
            services.dossier_wijzigen(
                dossier=dossier,
                door=request.user,
                versie=data["versie"],
                wijzigingen=wijzigingen,
                request=request,
            )
        except services.GelijktijdigGewijzigd as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("dossiers:detail", dossier_id=dossier.pk)
    elif request.method == "GET":
        audit.gelezen(
            request,
            object_type="dossier",
            object_id=dossier.pk,
            dossier_id=dossier.pk,
            scherm="bewerken",
        )
    return render(request, "dossiers/bewerken.html", {"dossier": dossier, "form": form})


@require_POST
@vereist_recht("dossiers.fase_wijzigen")
def dossier_fase(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id)
    if not heeft_recht(request.user, "dossiers.fase_wijzigen", dossier.regie_gemeente_id):
        raise PermissionDenied
    form = FaseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een geldige fase."))
    else:
        try:
            services.fase_wijzigen(
                dossier=dossier,
                naar=form.cleaned_data["naar"],
                versie=form.cleaned_data["versie"],
                door=request.user,
                request=request,
            )
        except services.ServiceFout as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("De fase is gewijzigd."))
    return redirect("dossiers:detail", dossier_id=dossier.pk)


@require_http_methods(["GET", "POST"])
@vereist_recht("dossiers.add_dossier")
def dossier_aanmaken(request: HttpRequest) -> HttpResponse:
    persoon_form = PersoonForm(request.POST or None, prefix="persoon")
    dossier_form = DossierAanmakenForm(request.POST or None, user=request.user, prefix="dossier")
    if request.method == "POST" and persoon_form.is_valid() and dossier_form.is_valid():
        data = dossier_form.cleaned_data
        persoon = {veld: persoon_form.cleaned_data[veld] for veld in PersoonForm.Meta.fields}
        try:
            with transaction.atomic():
                dossier = services.dossier_aanmaken(
                    door=request.user,
                    request=request,
                    regie_gemeente=data["regie_gemeente"],
                    persoon=persoon,
                    verblijf=data["verblijf"],
                    verblijfsrecht_datum=data["verblijfsrecht_datum"],
                    klantregisseur=data["klantregisseur"],
                    koppeling_datum=data["koppeling_datum"],
                    koppeling_gemeente=data["regie_gemeente"] if data["koppeling_datum"] else None,
                    coa_locatie=data["coa_locatie"],
                )
        except services.ServiceFout as exc:
            dossier_form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Dossier %(nummer)s is aangemaakt.") % {"nummer": dossier.nummer}
            )
            return redirect("dossiers:detail", dossier_id=dossier.pk)
    return render(
        request,
        "dossiers/aanmaken.html",
        {"persoon_form": persoon_form, "dossier_form": dossier_form},
    )
