"""Error pages: Dutch, no stack trace, problem+json for the API."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

_TITELS = {403: "Geen toegang", 404: "Niet gevonden", 500: "Er ging iets mis"}


def _antwoord(request: HttpRequest, status: int) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"type": "about:blank", "title": _TITELS[status], "status": status},
            status=status,
            content_type="application/problem+json",
        )
    return render(request, f"fouten/{status}.html", status=status)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _antwoord(request, 403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _antwoord(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _antwoord(request, 500)
