"""DUO screens and the notification endpoint DUO posts to. Thin: parse, call, render."""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from regie.accounts.permissions import gemeenten_met_recht, heeft_recht
from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.models import Gemeente
from regie.core.views import vereist_recht
from regie.dossiers import selectors as dossier_selectors
from regie.dossiers.models import Dossier
from regie.dossiers.services import ServiceFout
from regie.integrations.duo import (
    auth,
    conf,
    contactpersonen,
    inbox,
    leveringen,
    portaal,
    selectors,
    werkitems,
)
from regie.integrations.duo.forms import (
    FORMULIEREN,
    ContactpersoonForm,
    VastleggingForm,
    formulier,
)
from regie.integrations.duo.models import Contactpersoon, Werkitem
from regie.integrations.duo.portaalformulieren import (
    PORTAALFORMULIEREN,
    PortaalForm,
    portaalformulier,
)

_OIN = re.compile(r"\d{20}")
_GEBEURTENIS = re.compile(r"[0-9A-Z]{1,6}")
_BSN = re.compile(r"\d{9}")


# --- Notificatie API (DUO -> Regie) ------------------------------------------------------------
def _antwoord(status: int, body: Any = None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(body) if body is not None else b"",
        status=status,
        content_type="application/json" if body is not None else None,
    )
    if body is None:
        del response["Content-Type"]
    response["API-Version"] = conf.NOTIFICATIE_API_VERSIE
    return response


def _registratie(waarde: Any) -> datetime | None:
    if not isinstance(waarde, str):
        return None
    moment = parse_datetime(waarde)
    if moment is None or moment.tzinfo is None:
        return None
    return moment


@csrf_exempt
@require_POST
def notificatie(request: HttpRequest) -> HttpResponse:
    """POST /duo/v1/notificaties — DUO's Notificatie API 1.8.0 (``opvoerenNotificatie``).

    201: stored (or already stored: same berichtId); 400: not the specified message;
    401: sender not authenticated; 403: not from DUO's OIN. The body is stored first and
    processed by the worker.
    """
    afzender = auth.afzender(request)
    if not afzender.geauthenticeerd:
        return _antwoord(401)
    bron = request.headers.get("bron", "")
    doel = request.headers.get("doel", "")
    try:
        bericht_id = uuid.UUID(request.headers.get("berichtId", ""))
    except ValueError:
        return _antwoord(400)
    if not (_OIN.fullmatch(bron) and _OIN.fullmatch(doel)):
        return _antwoord(400)
    if bron != conf.DUO_OIN or (afzender.oin and afzender.oin != bron):
        return _antwoord(403)
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _antwoord(400)
    if not isinstance(body, dict):
        return _antwoord(400)
    gebeurtenis = body.get("gebeurtenisId")
    registratie = _registratie(body.get("registratieDatumTijd"))
    bsn = body.get("bsn", "")
    v_nummer = body.get("vNummer")
    if (
        not isinstance(gebeurtenis, str)
        or not _GEBEURTENIS.fullmatch(gebeurtenis)
        or registratie is None
        or not isinstance(bsn, str)
        or (bsn and not _BSN.fullmatch(bsn))
        or (v_nummer is not None and (type(v_nummer) is not int or not 0 <= v_nummer <= 9999999999))
    ):
        return _antwoord(400)
    inbox.ontvang(
        bericht_id=bericht_id,
        bron_oin=bron,
        doel_oin=doel,
        gebeurtenis=gebeurtenis,
        registratie_op=registratie,
        bsn=bsn,
        v_nummer=v_nummer,
        herkomst=request,
    )
    return _antwoord(201)


# --- Screens ------------------------------------------------------------------------------------
def _haal_dossier(request: HttpRequest, dossier_id: Any) -> Dossier:
    try:
        return dossier_selectors.dossier_voor_gebruiker(request.user, dossier_id)
    except Dossier.DoesNotExist as exc:
        raise Http404 from exc


def _te_wijzigen(request: HttpRequest, dossier_id: Any) -> Dossier:
    """A dossier the user may see (else 404) and change (else 403: seeing is not changing)."""
    dossier = _haal_dossier(request, dossier_id)
    if not heeft_recht(request.user, "dossiers.change_dossier", dossier.regie_gemeente_id):
        raise PermissionDenied
    return dossier


def _status_pagina(
    request: HttpRequest,
    dossier: Dossier,
    *,
    bound: VastleggingForm | PortaalForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The DUO part of the dossier: as an HTMX fragment, or as a page of its own (without
    JavaScript, and to show a recording form with its errors)."""
    duo = selectors.duo_status_voor_dossier(dossier, user=request.user)
    audit.gelezen(
        request,
        object_type="duo_status",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
    )
    formulieren = []
    if duo.mag_afhandelen:
        for soort, vastlegging in leveringen.VASTLEGGINGEN.items():
            form = (
                bound
                if bound is not None and bound.prefix == soort
                else formulier(soort, dossier=dossier)
            )
            if form.tonen:
                formulieren.append({"soort": soort, "label": vastlegging.label, "form": form})
    portaalformulieren = []
    if duo.mag_afhandelen:
        for soort in PORTAALFORMULIEREN:
            form = (
                bound
                if bound is not None and bound.prefix == f"portaal-{soort}"
                else portaalformulier(soort, dossier=dossier)
            )
            portaalformulieren.append({"soort": soort, "label": form.titel, "form": form})
    sjabloon = (
        "duo/dossier_fragment.html"
        if request.headers.get("HX-Request") and bound is None
        else "duo/dossier_status.html"
    )
    return render(
        request,
        sjabloon,
        {
            "dossier": dossier,
            "duo": duo,
            "formulieren": formulieren,
            "portaalformulieren": portaalformulieren,
            "contactpersoon": contactpersonen.gekoppeld(dossier),
        },
        status=status,
    )


@require_GET
@vereist_recht("dossiers.view_dossier")
def dossier_status(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    """The DUO part of the dossier page on its own (loaded into the page by HTMX)."""
    return _status_pagina(request, _haal_dossier(request, dossier_id))


@require_POST
@vereist_recht("dossiers.change_dossier")
def vastleggen(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    """Record a MAP, PVT, Z-route, hours, course offer or 'verwijtbaar' and queue its delivery
    to DUO (``leveringen.vastleggen``); with errors, the DUO page shows the form again."""
    dossier = _te_wijzigen(request, dossier_id)
    soort = request.POST.get("soort", "")
    if soort not in FORMULIEREN:
        messages.error(request, _("Kies wat u wilt vastleggen."))
        return redirect("dossiers:detail", dossier_id=dossier.pk)
    form = formulier(soort, request.POST, dossier=dossier)
    if form.is_valid():
        try:
            leveringen.vastleggen(
                dossier=dossier,
                soort=soort,
                gegevens=form.gegevens(),
                versie=form.cleaned_data["versie"],
                door=request.user,
                request=request,
            )
        except ServiceFout as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(wat)s is vastgelegd en wordt aan DUO gemeld.")
                % {"wat": leveringen.VASTLEGGINGEN[soort].label},
            )
            return redirect("dossiers:detail", dossier_id=dossier.pk)
    dossier.refresh_from_db()
    return _status_pagina(request, dossier, bound=form)


@require_POST
@vereist_recht("dossiers.change_dossier")
def portaal_vastleggen(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    """Record what DUO only accepts in its portal: a work item with the data to copy."""
    dossier = _te_wijzigen(request, dossier_id)
    soort = request.POST.get("soort", "")
    if soort not in PORTAALFORMULIEREN:
        messages.error(request, _("Kies wat u in het DUO-portaal wilt registreren."))
        return redirect("dossiers:detail", dossier_id=dossier.pk)
    form = portaalformulier(soort, request.POST, dossier=dossier)
    if not form.is_valid():
        return _status_pagina(request, dossier, bound=form, status=400)
    portaal.portaaltaak_aanmaken(
        dossier=dossier,
        soort=soort,
        gegevens=form.gegevens(),
        door=request.user,
        kenmerk=f"{soort}:{form.cleaned_data['token']}",
        request=request,
    )
    messages.success(
        request,
        _("Er staat een werkitem klaar met de gegevens om over te nemen in het DUO-portaal."),
    )
    return redirect("dossiers:detail", dossier_id=dossier.pk)


@require_POST
@vereist_recht("dossiers.change_dossier")
def werkitem_afhandelen(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _te_wijzigen(request, dossier_id)
    werkitem = (
        Werkitem.objects.filter(dossier_id=dossier.pk, pk=request.POST.get("werkitem")).first()
        if str(request.POST.get("werkitem", "")).isdigit()
        else None
    )
    if werkitem is None:
        messages.error(request, _("Dit werkitem bestaat niet (meer)."))
    else:
        try:
            werkitems.afhandelen(werkitem=werkitem, door=request.user, request=request)
        except ServiceFout as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Het werkitem is afgehandeld."))
    return redirect("dossiers:detail", dossier_id=dossier.pk)


@require_GET
@vereist_recht("dossiers.view_dossier")
def werkitems_lijst(request: HttpRequest) -> HttpResponse:
    """Open DUO work items of the user's municipalities."""
    items = selectors.open_werkitems(request.user)
    audit.log(
        actor=request.user,
        request=request,
        actie=AuditGebeurtenis.Actie.LIJST,
        object_type="duo_werkitems",
        gegevens={"aantal_getoond": len(items)},
    )
    return render(request, "duo/werkitems.html", {"werkitems": items})


@require_GET
@vereist_recht("duo.view_monitor")
def monitor(request: HttpRequest) -> HttpResponse:
    """Queue sizes and everything that needs the functioneel beheerder's attention."""
    gegevens = selectors.monitor(request.user)
    audit.log(
        actor=request.user,
        request=request,
        actie=AuditGebeurtenis.Actie.LIJST,
        object_type="duo_monitor",
        gegevens={
            "notificaties_getoond": len(gegevens.inbox_aandacht),
            "leveringen_getoond": len(gegevens.outbox_aandacht),
        },
    )
    return render(request, "duo/monitor.html", {"monitor": gegevens})


# --- The register of contact persons (functioneel beheerder) -----------------------------------
RECHT_CONTACTPERSONEN = "duo.beheer_contactpersonen"


def _beheerde_gemeenten(user: Any) -> QuerySet[Gemeente]:
    return Gemeente.objects.filter(
        pk__in=sorted(gemeenten_met_recht(user, RECHT_CONTACTPERSONEN))
    ).order_by("naam")


@vereist_recht(RECHT_CONTACTPERSONEN)
def contactpersonen_lijst(request: HttpRequest) -> HttpResponse:
    """The municipality's contact persons at DUO; registering a new one (DUO is called now)."""
    gemeenten = _beheerde_gemeenten(request.user)
    form = ContactpersoonForm(request.POST or None, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        try:
            cp = contactpersonen.aanmaken(
                gemeente=form.cleaned_data["gemeente"],
                gegevens=form.cleaned_data,
                door=request.user,
                request=request,
            )
        except ServiceFout as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(naam)s is bij DUO geregistreerd als contactpersoon (nummer %(nummer)s).")
                % {"naam": cp.naam, "nummer": cp.duo_id},
            )
            return redirect("duo:contactpersonen")
    rijen = contactpersonen.register(request.user)
    audit.log(
        actor=request.user,
        request=request,
        actie=AuditGebeurtenis.Actie.LIJST,
        object_type="duo_contactpersonen",
        gegevens={"aantal_getoond": len(rijen)},
    )
    return render(
        request,
        "duo/contactpersonen.html",
        {"rijen": rijen, "form": form, "meer_gemeenten": form.meer_gemeenten},
        status=400 if form.is_bound and form.errors else 200,
    )


def _haal_contactpersoon(request: HttpRequest, pk: int) -> Contactpersoon:
    cp = (
        Contactpersoon.objects.for_user(request.user, RECHT_CONTACTPERSONEN)
        .select_related("gemeente")
        .filter(pk=pk)
        .first()
    )
    if cp is None:
        raise Http404
    return cp


@vereist_recht(RECHT_CONTACTPERSONEN)
def contactpersoon_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    cp = _haal_contactpersoon(request, pk)
    gemeenten = Gemeente.objects.filter(pk=cp.gemeente_id)
    beginwaarden = {
        "gemeente": cp.gemeente.pk,
        "naam": cp.naam,
        "email": cp.email,
        "telefoonnummer": cp.telefoonnummer,
        "versie": cp.versie,
    }
    form = ContactpersoonForm(request.POST or None, gemeenten=gemeenten, initial=beginwaarden)
    if request.method == "POST" and form.is_valid():
        try:
            contactpersonen.wijzigen(
                contactpersoon=cp,
                gegevens=form.cleaned_data,
                versie=form.cleaned_data["versie"] or 0,
                door=request.user,
                request=request,
            )
        except ServiceFout as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De gegevens zijn bij DUO en in Regie gewijzigd."))
            return redirect("duo:contactpersonen")
        cp.refresh_from_db()
    audit.gelezen(
        request,
        object_type="duo_contactpersoon",
        object_id=cp.pk,
    )
    return render(
        request,
        "duo/contactpersoon.html",
        {"cp": cp, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@vereist_recht(RECHT_CONTACTPERSONEN)
def contactpersoon_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    cp = _haal_contactpersoon(request, pk)
    versie = request.POST.get("versie", "")
    try:
        contactpersonen.verwijderen(
            contactpersoon=cp,
            versie=int(versie) if versie.isdigit() else -1,
            door=request.user,
            request=request,
        )
    except ServiceFout as exc:
        messages.error(request, str(exc))
        return redirect("duo:contactpersoon", pk=cp.pk)
    messages.success(
        request,
        _("%(naam)s is bij DUO verwijderd; de koppelingen met inburgeraars zijn daarmee vervallen.")
        % {"naam": cp.naam},
    )
    return redirect("duo:contactpersonen")
