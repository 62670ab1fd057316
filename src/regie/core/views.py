"""Shared view helpers: the permission gate every Regie view passes through."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regie.accounts.permissions import heeft_recht


def vereist_recht(*rechten: str | None) -> Callable[[Callable[..., HttpResponse]], Any]:
    """Login required, and (when given) one of ``rechten`` for at least one municipality;
    else 403. Several rights: any of them opens the page (e.g. reading a register with one
    right, maintaining it with another).

    Object-level checks (which municipality) happen in the selector, which answers 404.
    ``vereist_recht(None)`` means any logged-in user.
    """
    nodig = [recht for recht in rechten if recht is not None]

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if nodig and not any(heeft_recht(request.user, recht) for recht in nodig):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def home(request: HttpRequest) -> HttpResponse:
    from django.shortcuts import redirect

    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if heeft_recht(request.user, "dossiers.view_dossier"):
        return redirect("dossiers:caseload")
    if heeft_recht(request.user, "core.view_aggregaten"):
        return redirect("monitoring:dashboard")
    return render(request, "core/start.html")


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@vereist_recht("core.view_regelparameter")
def regelparameters(request: HttpRequest) -> HttpResponse:
    """The rules engine's parameters with the municipality's own values from a date on."""
    from django.contrib import messages
    from django.db import IntegrityError
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    from regie.accounts.permissions import gemeenten_met_recht
    from regie.core.forms import RegelParameterForm
    from regie.core.models import RegelParameter
    from regie.core.services import regelparameter_vastleggen
    from regie.rules.parameters import lijst as parameterlijst

    gemeenten = gemeenten_met_recht(request.user, "core.view_regelparameter")
    mag_toevoegen = heeft_recht(request.user, "core.add_regelparameter")
    form = RegelParameterForm(request.POST or None, gemeente_ids=gemeenten)
    if request.method == "POST":
        if not mag_toevoegen:
            raise PermissionDenied
        if form.is_valid():
            try:
                regelparameter_vastleggen(door=request.user, request=request, **form.cleaned_data)
            except IntegrityError:
                form.add_error(
                    None,
                    _(
                        "Voor deze gemeente, parameter en datum bestaat al een "
                        "waarde. Kies een andere ingangsdatum."
                    ),
                )
            else:
                messages.success(request, _("De parameter is vastgelegd."))
                return redirect("beheer:regelparameters")
    return render(
        request,
        "core/regelparameters.html",
        {
            "definities": parameterlijst(),
            "eigen": RegelParameter.objects.filter(gemeente_id__in=gemeenten).select_related(
                "gemeente", "vastgelegd_door"
            ),
            "form": form,
            "mag_toevoegen": mag_toevoegen,
        },
    )
