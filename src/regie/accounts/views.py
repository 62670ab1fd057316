from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse

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
