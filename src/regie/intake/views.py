"""Screens of the brede intake: thin views that parse input, call a selector or service, render.

Every view reaches the intake through ``dossier_voor_gebruiker`` (``Dossier.objects.for_user``):
another municipality's dossier answers 404; a role without the right answers 403. Every GET
writes exactly one audit read event (object type ``brede_intake``), plus one ``gezondheid``
read event where health content is shown. Section and health forms autosave through HTMX
(``HX-Request``) and answer with a small status fragment; without JavaScript they submit
normally.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from regie.accounts.permissions import heeft_recht
from regie.audit import services as audit
from regie.core.views import vereist_recht
from regie.dossiers import selectors as dossier_selectors
from regie.dossiers.models import Dossier
from regie.intake import selectors, services
from regie.intake.forms import (
    GezondheidForm,
    LbtForm,
    MetingForm,
    RoutebesluitForm,
    VersieForm,
    sectie_form,
)
from regie.intake.secties import PER_CODE, SECTIES, rijen

VIEW = "dossiers.view_dossier"
CHANGE = "dossiers.change_dossier"
VIEW_GEZONDHEID = "intake.view_gezondheid"
CHANGE_GEZONDHEID = "intake.change_gezondheid"


def _haal_dossier(request: HttpRequest, dossier_id: Any, recht: str = VIEW) -> Dossier:
    """The dossier within the user's municipalities (404 otherwise); 403 without ``recht``
    for that municipality."""
    try:
        dossier = dossier_selectors.dossier_voor_gebruiker(request.user, dossier_id)
    except Dossier.DoesNotExist as exc:
        raise Http404 from exc
    if recht != VIEW and not heeft_recht(request.user, recht, dossier.regie_gemeente_id):
        raise PermissionDenied
    return dossier


def _lees(
    request: HttpRequest,
    dossier: Dossier,
    intake: Any,
    scherm: str,
    object_type: str = "brede_intake",
) -> None:
    audit.gelezen(
        request,
        object_type=object_type,
        object_id=intake.pk if intake is not None else "",
        dossier_id=dossier.pk,
        scherm=scherm,
    )


def _naar_overzicht(dossier: Dossier, anker: str = "") -> HttpResponse:
    url = reverse("intake:overzicht", kwargs={"dossier_id": dossier.pk})
    return redirect(f"{url}#{anker}" if anker else url)


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _status(request: HttpRequest, form: Any, *, versie: int | None, fout: str = "") -> HttpResponse:
    """The autosave's answer: a status line for the live region, the new version for the
    form's hidden field (out of band) and the error slot of every field (out of band)."""
    return render(
        request,
        "intake/_opslagstatus.html",
        {"form": form, "versie": versie, "fout": fout, "tijd": timezone.localtime()},
    )


def _pagina(request: HttpRequest, template: str, dossier: Dossier, **context: Any) -> HttpResponse:
    """Render an intake page with what every page needs (the section navigation)."""
    context.setdefault(
        "mag_gezondheid_zien",
        heeft_recht(request.user, VIEW_GEZONDHEID, dossier.regie_gemeente_id),
    )
    return render(request, template, {"dossier": dossier, "secties": SECTIES, **context})


def _afgerond_melding(request: HttpRequest, dossier: Dossier) -> HttpResponse:
    messages.info(
        request, _("De intake is afgerond; de onderdelen kunnen niet meer worden gewijzigd.")
    )
    return _naar_overzicht(dossier)


# --- Overview --------------------------------------------------------------------------------


@vereist_recht(VIEW)
def overzicht(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id)
    gemeente_id = dossier.regie_gemeente_id
    ov = selectors.overzicht(dossier)
    _lees(request, dossier, ov.intake, "overzicht")
    mag_gezondheid_zien = heeft_recht(request.user, VIEW_GEZONDHEID, gemeente_id)
    gezondheid = None
    if mag_gezondheid_zien and ov.gezondheid_vastgelegd:
        gezondheid = selectors.gezondheid_van(ov.intake)
        _lees(request, dossier, ov.intake, "overzicht", object_type="gezondheid")
    return _pagina(
        request,
        "intake/overzicht.html",
        dossier,
        ov=ov,
        intake=ov.intake,
        gezondheid=gezondheid,
        gezondheid_rijen=rijen(gezondheid, services.GEZONDHEID_VELDEN) if gezondheid else [],
        mag_wijzigen=heeft_recht(request.user, CHANGE, gemeente_id),
        mag_gezondheid_zien=mag_gezondheid_zien,
        afronden_form=VersieForm(initial={"versie": ov.intake.versie if ov.intake else 0}),
    )


# --- Sections (autosave) ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@vereist_recht(CHANGE)
def sectie(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, CHANGE)
    code = request.GET.get("sectie") or SECTIES[0].code
    if code not in PER_CODE:
        raise Http404
    definitie = PER_CODE[code]
    intake = selectors.intake_van(dossier)
    if intake is not None and intake.is_afgerond:
        if _is_htmx(request):
            return _status(request, None, versie=None, fout=_("De intake is al afgerond."))
        return _afgerond_melding(request, dossier)
    Form = sectie_form(code)
    initial = model_to_dict(intake, fields=definitie.velden) if intake else {}
    initial["versie"] = intake.versie if intake else 0
    form = Form(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                intake = services.sectie_opslaan(
                    dossier=dossier,
                    door=request.user,
                    sectie=code,
                    versie=form.cleaned_data["versie"],
                    gegevens=form.gegevens(),
                    request=request,
                )
            except services.ServiceFout as exc:
                if _is_htmx(request):
                    return _status(request, form, versie=None, fout=str(exc))
                form.add_error(None, str(exc))
            else:
                if _is_htmx(request):
                    return _status(request, form, versie=intake.versie)
                messages.success(
                    request,
                    _("Het onderdeel '%(sectie)s' is opgeslagen.") % {"sectie": definitie.titel},
                )
                return _naar_overzicht(dossier, f"sectie-{code}")
        elif _is_htmx(request):
            return _status(request, form, versie=None)
    else:
        _lees(request, dossier, intake, f"sectie:{code}")
    actie = f"{reverse('intake:sectie', kwargs={'dossier_id': dossier.pk})}?sectie={code}"
    return _pagina(
        request,
        "intake/sectie.html",
        dossier,
        form=form,
        sectie=definitie,
        actie=actie,
        autosave=True,
    )


# --- Leerbaarheidstoets ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@vereist_recht(CHANGE)
def lbt(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, CHANGE)
    intake = selectors.intake_van(dossier)
    if intake is not None and intake.is_afgerond:
        return _afgerond_melding(request, dossier)
    toets = selectors.lbt_van(intake)
    initial = model_to_dict(toets, fields=services.LBT_VELDEN) if toets else {}
    initial["versie"] = intake.versie if intake else 0
    form = LbtForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.lbt_opslaan(
                dossier=dossier,
                door=request.user,
                versie=form.cleaned_data["versie"],
                gegevens=form.gegevens(),
                request=request,
            )
        except services.ServiceFout as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De leerbaarheidstoets is opgeslagen."))
            return _naar_overzicht(dossier, "lbt")
    elif request.method == "GET":
        _lees(request, dossier, intake, "leerbaarheidstoets")
    return _pagina(request, "intake/lbt.html", dossier, form=form)


# --- Positieve gezondheid --------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@vereist_recht(CHANGE)
def meting(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, CHANGE)
    intake = selectors.intake_van(dossier)
    form = MetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meting_toevoegen(
                dossier=dossier,
                door=request.user,
                datum=form.cleaned_data["datum"],
                scores=form.scores(),
                toelichting=form.cleaned_data["toelichting"],
                request=request,
            )
        except services.ServiceFout as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De meting positieve gezondheid is toegevoegd."))
            return _naar_overzicht(dossier, "positieve-gezondheid")
    elif request.method == "GET":
        _lees(request, dossier, intake, "positieve_gezondheid")
    return _pagina(
        request, "intake/meting.html", dossier, form=form, metingen=selectors.metingen_van(intake)
    )


# --- Gezondheid (special category, own rights, own audit event) ------------------------------


@require_http_methods(["GET", "POST"])
@vereist_recht(VIEW_GEZONDHEID)
def gezondheid(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, VIEW_GEZONDHEID)
    mag_wijzigen = heeft_recht(request.user, CHANGE_GEZONDHEID, dossier.regie_gemeente_id)
    if request.method == "POST" and not mag_wijzigen:
        raise PermissionDenied
    intake = selectors.intake_van(dossier)
    record = selectors.gezondheid_van(intake)
    initial = model_to_dict(record, fields=services.GEZONDHEID_VELDEN) if record else {}
    initial["versie"] = record.versie if record else 0
    form = GezondheidForm(request.POST or None, initial=initial)
    afgerond = intake is not None and intake.is_afgerond
    if request.method == "POST":
        if form.is_valid():
            try:
                record = services.gezondheid_opslaan(
                    dossier=dossier,
                    door=request.user,
                    versie=form.cleaned_data["versie"],
                    gegevens=form.gegevens(),
                    request=request,
                )
            except services.ServiceFout as exc:
                if _is_htmx(request):
                    return _status(request, form, versie=None, fout=str(exc))
                form.add_error(None, str(exc))
            else:
                if _is_htmx(request):
                    return _status(request, form, versie=record.versie)
                messages.success(request, _("De gezondheidsgegevens zijn opgeslagen."))
                return _naar_overzicht(dossier, "gezondheid")
        elif _is_htmx(request):
            return _status(request, form, versie=None)
    else:
        _lees(request, dossier, intake, "gezondheid", object_type="gezondheid")
    if afgerond or not mag_wijzigen:
        for veld in form.fields.values():
            veld.disabled = True
    bewerkbaar = mag_wijzigen and not afgerond
    return _pagina(
        request,
        "intake/gezondheid.html",
        dossier,
        form=form,
        mag_wijzigen=mag_wijzigen,
        afgerond=afgerond,
        actie=reverse("intake:gezondheid", kwargs={"dossier_id": dossier.pk}),
        autosave=bewerkbaar,
        alleen_lezen=not bewerkbaar,
        mag_gezondheid_zien=True,
    )


# --- Route decision and completion -----------------------------------------------------------


@require_http_methods(["GET", "POST"])
@vereist_recht(CHANGE)
def besluit(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, CHANGE)
    intake = selectors.intake_van(dossier)
    if intake is None:
        messages.info(request, _("Vul eerst de intake in; het advies volgt uit de gegevens."))
        return _naar_overzicht(dossier)
    if intake.is_afgerond:
        return _afgerond_melding(request, dossier)
    advies = selectors.advies_voor(intake, dossier=dossier)
    initial: dict[str, Any] = {
        "versie": intake.versie,
        "leerroute": intake.leerroute or advies.leerroute.waarde,
        "niveau": intake.niveau or advies.niveau.waarde,
        "alfabetisering": intake.alfabetisering or advies.alfabetisering.waarde,
        "duale_opties": intake.duale_opties
        if intake.besluit_op
        else [str(optie.waarde) for optie in advies.duale_opties],
        "motivatie_afwijking": intake.motivatie_afwijking,
    }
    form = RoutebesluitForm(request.POST or None, initial=initial, advies=advies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.routebesluit_vastleggen(
                dossier=dossier,
                door=request.user,
                versie=data["versie"],
                leerroute=data["leerroute"],
                niveau=data["niveau"],
                alfabetisering=data["alfabetisering"],
                duale_opties=data["duale_opties"],
                motivatie_afwijking=data["motivatie_afwijking"],
                request=request,
            )
        except services.ServiceFout as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Het routebesluit is vastgelegd."))
            return _naar_overzicht(dossier, "besluit")
    elif request.method == "GET":
        _lees(request, dossier, intake, "routebesluit")
    return _pagina(
        request,
        "intake/besluit.html",
        dossier,
        form=form,
        advies=advies,
        advies_rijen=selectors.advies_rijen(advies),
    )


@require_POST
@vereist_recht(CHANGE)
def afronden(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, CHANGE)
    form = VersieForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Laad de pagina opnieuw en probeer het nog eens."))
        return _naar_overzicht(dossier)
    try:
        services.intake_afronden(
            dossier=dossier,
            door=request.user,
            versie=form.cleaned_data["versie"],
            request=request,
        )
    except services.ServiceFout as exc:
        messages.error(request, str(exc))
        return _naar_overzicht(dossier, "afronden")
    messages.success(
        request,
        _("De brede intake is afgerond. Het dossier staat nu in fase '%(fase)s'.")
        % {"fase": dossier.get_fase_display()},
    )
    return _naar_overzicht(dossier)
