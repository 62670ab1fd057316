"""The second login step is a gate in front of every page (targets R-12).

A user who entered the right password but has not yet confirmed the second factor in this
session reaches only the pages of the login itself: the second step, setting it up, logging
out and choosing a language. Everything else sends them there (a page) or answers 403 with a
problem document (the API, for a session; an API token of a system is not a session and is
not stopped here).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from regie.accounts import tweede_stap

VRIJ = (
    "accounts:login",
    "accounts:logout",
    "accounts:tweede_stap",
    "accounts:tweede_stap_instellen",
    "set_language",
    "health",
)
# Served files, and DUO's notification endpoint (no session: DUO authenticates itself).
VRIJE_VOORVOEGSELS = ("/static/", "/duo/v1/notificaties")


@cache
def _vrije_paden() -> frozenset[str]:
    return frozenset(reverse(naam) for naam in VRIJ)


class TweeFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._tegenhouden(request):
            return self._naar_tweede_stap(request)
        return self.get_response(request)

    @staticmethod
    def _tegenhouden(request: HttpRequest) -> bool:
        if not settings.TWEE_FACTOR_VERPLICHT:
            return False
        if not request.user.is_authenticated or tweede_stap.bevestigd(request):
            return False
        if request.path.startswith(VRIJE_VOORVOEGSELS):
            return False
        return request.path not in _vrije_paden()

    @staticmethod
    def _naar_tweede_stap(request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "type": "about:blank",
                    "title": _("Tweede stap van het inloggen vereist"),
                    "status": 403,
                    "detail": _("Bevestig eerst de tweede stap van het inloggen in Regie."),
                },
                status=403,
                content_type="application/problem+json",
            )
        naam = (
            "accounts:tweede_stap"
            if tweede_stap.heeft_middel(request.user)
            else "accounts:tweede_stap_instellen"
        )
        volgende = request.get_full_path() if request.method == "GET" else ""
        doel = reverse(naam)
        if volgende:
            doel += "?" + urlencode({"next": volgende})
        return redirect(doel)
