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


def vereist_recht(recht: str | None) -> Callable[[Callable[..., HttpResponse]], Any]:
    """Login required, and (when given) the right for at least one municipality; else 403.

    Object-level checks (which municipality) happen in the selector, which answers 404.
    ``recht=None`` means any logged-in user.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if recht is not None and not heeft_recht(request.user, recht):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.regie_recht = recht  # type: ignore[attr-defined]
        return wrapper

    return decorator


def home(request: HttpRequest) -> HttpResponse:
    from django.shortcuts import redirect

    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if heeft_recht(request.user, "dossiers.view_dossier"):
        return redirect("dossiers:caseload")
    return render(request, "core/start.html")


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
