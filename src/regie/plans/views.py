"""PIP screens: thin views that parse input, call a selector or service, render.

Every URL takes only the dossier id; the PIP has one open version at a time, so actions need
no version id, only the lock (``versie``) the user saw. Viewing needs ``dossiers.view_dossier``,
editing ``dossiers.change_dossier``, deciding ``plans.pip_vaststellen`` (four eyes).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from regie.accounts.permissions import heeft_recht
from regie.audit import services as audit
from regie.core.views import vereist_recht
from regie.dossiers import selectors as dossier_selectors
from regie.dossiers.models import Dossier
from regie.dossiers.services import ServiceFout
from regie.letters import selectors as letters_selectors
from regie.letters.models import Document
from regie.plans import regelcheck, selectors, services
from regie.plans.forms import (
    ActieForm,
    BeoordelingForm,
    DoelFormSet,
    DualeActiviteitFormSet,
    OntwikkelplanForm,
    PipVersieForm,
    rijen,
)
from regie.plans.models import PipVersie

BEWERKEN = "dossiers.change_dossier"


def _haal_dossier(
    request: HttpRequest, dossier_id: Any, recht: str = "dossiers.view_dossier"
) -> Dossier:
    try:
        return dossier_selectors.dossier_voor_gebruiker(request.user, dossier_id, recht)
    except Dossier.DoesNotExist as exc:
        raise Http404 from exc


def _naar_pip(dossier: Dossier) -> HttpResponse:
    return redirect("plans:pip", dossier_id=dossier.pk)


def _lees(request: HttpRequest, dossier: Dossier, object_id: Any, **gegevens: Any) -> None:
    audit.gelezen(
        request,
        object_type="pip",
        object_id=object_id,
        dossier_id=dossier.pk,
        **gegevens,
    )


@vereist_recht("dossiers.view_dossier")
def pip(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id)
    gemeente_id = dossier.regie_gemeente_id
    the_pip = selectors.pip_van(request.user, dossier)
    context: dict[str, Any] = {
        "dossier": dossier,
        "persoon": dossier.inburgeraar,
        "pip": the_pip,
        "mag_bewerken": heeft_recht(request.user, BEWERKEN, gemeente_id),
        "mag_beoordelen": heeft_recht(request.user, services.RECHT_VASTSTELLEN, gemeente_id),
        "termijn": regelcheck.termijn(dossier),
    }
    if the_pip is None:
        intake = services._intake(dossier)
        context.update(intake=intake, bezwaren=services.intake_bezwaren(intake))
        _lees(request, dossier, "", scherm="pip")
        return render(request, "plans/pip.html", context)

    alle = selectors.versies(the_pip)
    open_ = selectors.open_versie(alle)
    getoond = open_ or selectors.laatst_vastgesteld(alle) or alle[0]
    gevraagd = request.GET.get("versie")
    if gevraagd:
        getoond = next((v for v in alle if str(v.nummer) == gevraagd), None)
        if getoond is None:
            raise Http404
    getoond = selectors.met_inhoud(getoond)
    context.update(
        versies=alle,
        open_versie=open_,
        getoond=getoond,
        controle=regelcheck.controleer(dossier, getoond)
        if getoond.status in PipVersie.OPEN
        else None,
        documenten=selectors.documenten_van(getoond),
        talen=letters_selectors.volledige_talen(),
        eigen_indiening=getoond.ingediend_door_id == request.user.pk,
        mag_wijzigen=open_ is None and any(v.status == PipVersie.Status.VASTGESTELD for v in alle),
    )
    _lees(request, dossier, the_pip.pk, scherm="pip", versie=getoond.nummer)
    return render(request, "plans/pip.html", context)


@require_POST
@vereist_recht(BEWERKEN)
def starten(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, BEWERKEN)
    try:
        services.pip_starten(
            dossier=dossier, door=request.user, intake=services._intake(dossier), request=request
        )
    except ServiceFout as exc:
        messages.error(request, str(exc))
        return _naar_pip(dossier)
    messages.success(request, _("Het PIP is gestart met een concept uit de brede intake."))
    return redirect("plans:concept", dossier_id=dossier.pk)


def _open_versie_of_none(request: HttpRequest, dossier: Dossier, recht: str):
    the_pip = selectors.pip_van(request.user, dossier, recht)
    if the_pip is None:
        return None, None
    return the_pip, selectors.open_versie(selectors.versies(the_pip))


@require_http_methods(["GET", "POST"])
@vereist_recht(BEWERKEN)
def concept(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    dossier = _haal_dossier(request, dossier_id, BEWERKEN)
    the_pip, versie = _open_versie_of_none(request, dossier, BEWERKEN)
    if versie is None or versie.status != PipVersie.Status.CONCEPT:
        messages.error(request, _("Er is geen concept om te bewerken."))
        return _naar_pip(dossier)
    versie = selectors.met_inhoud(versie)
    controle = regelcheck.controleer(dossier, versie)
    data = request.POST if request.method == "POST" else None
    form = PipVersieForm(
        data,
        pip_versie=versie,
        pip_versie_lock=the_pip.versie,
        ontzorgen_recht=controle.ontzorgen_recht,
        asielstatushouder=controle.asielstatushouder,
    )
    # Bound formsets get no initial: a row the user empties is then simply left out.
    activiteiten = DualeActiviteitFormSet(
        data,
        prefix="activiteit",
        initial=None
        if data
        else [
            {
                "soort": a.soort,
                "omschrijving": a.omschrijving,
                "uren_per_week": a.uren_per_week,
                "organisatie": a.organisatie,
            }
            for a in versie.activiteiten.all()
        ],
    )
    doelen = DoelFormSet(
        data,
        prefix="doel",
        initial=None
        if data
        else [
            {
                "omschrijving": d.omschrijving,
                "subdoelen": "\n".join(s.omschrijving for s in d.subdoelen.all()),
            }
            for d in versie.doelen.all()
        ],
    )
    if request.method == "POST":
        if form.is_valid() and activiteiten.is_valid() and doelen.is_valid():
            try:
                services.concept_opslaan(
                    pip_versie=versie,
                    versie=form.cleaned_data["versie"],
                    door=request.user,
                    gegevens=form.gegevens(),
                    activiteiten=rijen(activiteiten),
                    doelen=rijen(doelen),
                    request=request,
                )
            except services.InhoudFout as exc:
                # The engine's content refusals go to the field they are about.
                for melding in exc.meldingen:
                    form.add_error(
                        melding.veld if melding.veld in form.fields else None, melding.toelichting
                    )
            except ServiceFout as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Het concept is opgeslagen."))
                return _naar_pip(dossier)
    else:
        _lees(request, dossier, the_pip.pk, scherm="concept", versie=versie.nummer)
    return render(
        request,
        "plans/concept.html",
        {
            "dossier": dossier,
            "persoon": dossier.inburgeraar,
            "versie": versie,
            "form": form,
            "activiteiten": activiteiten,
            "doelen": doelen,
            "controle": controle,
            "afkeuring": versie.beoordelingen.filter(besluit="afgekeurd").first(),
        },
    )


def _actie(request: HttpRequest, dossier_id: Any, uitvoeren: Any, gelukt: str) -> HttpResponse:
    """A POST button on the PIP page acting on the open version."""
    dossier = _haal_dossier(request, dossier_id, BEWERKEN)
    the_pip, versie = _open_versie_of_none(request, dossier, BEWERKEN)
    form = ActieForm(request.POST)
    if the_pip is None or not form.is_valid():
        messages.error(request, _("Er is geen PIP om dit mee te doen."))
        return _naar_pip(dossier)
    try:
        uitvoeren(the_pip, versie, form.cleaned_data["versie"])
    except ServiceFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gelukt)
    return _naar_pip(dossier)


@require_POST
@vereist_recht(BEWERKEN)
def indienen(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    def uitvoeren(the_pip: Any, versie: PipVersie | None, lock: int) -> None:
        if versie is None:
            raise services.PipFout(_("Er is geen concept om aan te bieden."))
        services.ter_goedkeuring_aanbieden(
            pip_versie=versie, versie=lock, door=request.user, request=request
        )

    return _actie(
        request, dossier_id, uitvoeren, _("Het PIP ligt ter goedkeuring bij een teamleider.")
    )


@require_POST
@vereist_recht(BEWERKEN)
def wijzigen(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    def uitvoeren(the_pip: Any, versie: PipVersie | None, lock: int) -> None:
        services.pip_wijzigen(pip=the_pip, versie=lock, door=request.user, request=request)

    return _actie(request, dossier_id, uitvoeren, _("Er is een nieuw concept gemaakt."))


@require_http_methods(["GET", "POST"])
@vereist_recht(services.RECHT_VASTSTELLEN)
def beoordelen(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    """The teamleider's screen: adopt or reject the version that was submitted (four eyes)."""
    dossier = _haal_dossier(request, dossier_id, services.RECHT_VASTSTELLEN)
    if not heeft_recht(request.user, services.RECHT_VASTSTELLEN, dossier.regie_gemeente_id):
        raise PermissionDenied
    the_pip, versie = _open_versie_of_none(request, dossier, services.RECHT_VASTSTELLEN)
    if versie is None or versie.status != PipVersie.Status.TER_GOEDKEURING:
        messages.error(request, _("Er ligt geen PIP ter goedkeuring."))
        return _naar_pip(dossier)
    versie = selectors.met_inhoud(versie)
    form = BeoordelingForm(
        request.POST or None,
        initial={"versie": the_pip.versie, "dagtekening": versie.dagtekening},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["besluit"] == BeoordelingForm.VASTSTELLEN:
                services.pip_vaststellen(
                    pip_versie=versie,
                    versie=data["versie"],
                    door=request.user,
                    dagtekening=data["dagtekening"],
                    request=request,
                )
                messages.success(request, _("Het PIP is vastgesteld. De beschikking is gemaakt."))
            else:
                services.pip_afkeuren(
                    pip_versie=versie,
                    versie=data["versie"],
                    door=request.user,
                    reden=data["reden"],
                    request=request,
                )
                messages.success(request, _("Het PIP is afgekeurd en terug naar concept."))
        except ServiceFout as exc:
            form.add_error(None, str(exc))
        else:
            return _naar_pip(dossier)
    elif request.method == "GET":
        _lees(request, dossier, the_pip.pk, scherm="beoordelen", versie=versie.nummer)
    return render(
        request,
        "plans/beoordelen.html",
        {
            "dossier": dossier,
            "persoon": dossier.inburgeraar,
            "versie": versie,
            "form": form,
            "controle": regelcheck.controleer(dossier, versie),
            "eigen_indiening": versie.ingediend_door_id == request.user.pk,
        },
    )


@require_POST
@vereist_recht("dossiers.view_dossier")
def ontwikkelplan(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    """The language choice: open the ontwikkelplan of an adopted version in that language."""
    dossier = _haal_dossier(request, dossier_id)
    the_pip = selectors.pip_van(request.user, dossier)
    form = OntwikkelplanForm(request.POST)
    if the_pip is None or not form.is_valid():
        messages.error(request, _("Kies een taal voor het ontwikkelplan."))
        return _naar_pip(dossier)
    versie = the_pip.versies.filter(nummer=form.cleaned_data["nummer"]).first()
    if versie is None:
        raise Http404
    try:
        document = services.ontwikkelplan_maken(
            pip_versie=versie, taal=form.cleaned_data["taal"], door=request.user, request=request
        )
    except letters_selectors.OnvolledigeTaal:
        messages.error(request, _("Voor deze taal zijn niet alle teksten aanwezig."))
        return _naar_pip(dossier)
    except ServiceFout as exc:
        messages.error(request, str(exc))
        return _naar_pip(dossier)
    return redirect(_document_url(dossier, document))


def _document_url(dossier: Dossier, document: Document) -> str:
    basis = reverse("letters:documenten", kwargs={"dossier_id": dossier.pk})
    return f"{basis}?{urlencode({'document': document.pk})}"
