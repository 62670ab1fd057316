from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from regie.accounts import tweede_stap
from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis


class InloggenView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    redirect_authenticated_user = True

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)  # rotates the session key
        audit.log(
            actor=self.request.user,
            request=self.request,
            actie=AuditGebeurtenis.Actie.INLOGGEN,
            object_type="gebruiker",
            object_id=self.request.user.pk,
        )
        return response


class UitloggenView(auth_views.LogoutView):
    """POST only (Django's default); the session is flushed server-side."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
        if request.user.is_authenticated:
            audit.log(
                actor=request.user,
                request=request,
                actie=AuditGebeurtenis.Actie.UITLOGGEN,
                object_type="gebruiker",
                object_id=request.user.pk,
            )
        return super().post(request, *args, **kwargs)


# --- Second step (targets R-12) -------------------------------------------------------------
class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code uit de app of herstelcode"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class InstelCodeForm(CodeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code uit de app")


def _volgende(request: HttpRequest) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return settings.LOGIN_REDIRECT_URL


def _moet_stap_doen(request: HttpRequest) -> bool:
    return request.user.is_authenticated and not tweede_stap.bevestigd(request)


@require_http_methods(["GET", "POST"])
def tweede_stap_view(request: HttpRequest) -> HttpResponse:
    """Enter the code of the authenticator app (or a recovery code)."""
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    if not _moet_stap_doen(request):
        return redirect(_volgende(request))
    if not tweede_stap.heeft_middel(request.user):
        return redirect("accounts:tweede_stap_instellen")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if tweede_stap.bevestigen(request, form.cleaned_data["code"]):
            return redirect(_volgende(request))
        form.add_error(
            "code",
            _(
                "Deze code klopt niet of is verlopen. Wacht op de volgende code van de app; "
                "na een foute code moet u steeds iets langer wachten."
            ),
        )
    return render(
        request,
        "accounts/tweede_stap.html",
        {"form": form, "next": _volgende(request)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def tweede_stap_instellen_view(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: scan the QR code (or type the secret), enter its code."""
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    if not _moet_stap_doen(request) or tweede_stap.heeft_middel(request.user):
        return redirect("accounts:tweede_stap")
    device = tweede_stap.instellen_starten(request.user)
    form = InstelCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = tweede_stap.instellen_bevestigen(request, form.cleaned_data["code"])
        if codes is not None:
            return render(
                request,
                "accounts/herstelcodes.html",
                {"codes": codes, "next": _volgende(request)},
            )
        form.add_error("code", _("Deze code klopt niet. Controleer de tijd op uw telefoon."))
    return render(
        request,
        "accounts/tweede_stap_instellen.html",
        {
            "form": form,
            "next": _volgende(request),
            "qr": tweede_stap.qr_svg(device),
            "geheim": tweede_stap.geheim(device),
        },
        status=400 if form.errors else 200,
    )
