"""A dossier's documents: the list, and one PDF by ``?document=<id>``. Scoped and audited."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.views import vereist_recht
from regie.dossiers import selectors as dossier_selectors
from regie.dossiers.models import Dossier
from regie.letters import selectors
from regie.letters.models import Document


def _haal_dossier(request: HttpRequest, dossier_id: Any) -> Dossier:
    try:
        return dossier_selectors.dossier_voor_gebruiker(request.user, dossier_id)
    except Dossier.DoesNotExist as exc:
        raise Http404 from exc


@vereist_recht("dossiers.view_dossier")
def documenten(request: HttpRequest, dossier_id: Any) -> HttpResponse:
    """Without ``document``: the list. With it: the PDF itself (a read of personal data).

    The document id travels as a query parameter so every URL of the app takes only the
    dossier id (the authorisation matrix reverses each pattern with that alone).
    """
    dossier = _haal_dossier(request, dossier_id)
    gevraagd = request.GET.get("document")
    if gevraagd:
        return _download(request, dossier, gevraagd)
    rijen = list(selectors.documenten(request.user, dossier))
    audit.log(
        actor=request.user,
        request=request,
        actie=AuditGebeurtenis.Actie.LIJST,
        object_type="document",
        dossier_id=dossier.pk,
        gegevens={"aantal_getoond": len(rijen)},
    )
    return render(
        request,
        "letters/documenten.html",
        {"dossier": dossier, "persoon": dossier.inburgeraar, "documenten": rijen},
    )


def _download(request: HttpRequest, dossier: Dossier, gevraagd: str) -> HttpResponse:
    try:
        document_id = uuid.UUID(gevraagd)
        document = selectors.document_voor_gebruiker(request.user, dossier, document_id)
    except (ValueError, Document.DoesNotExist) as exc:
        raise Http404 from exc
    audit.gelezen(
        request,
        object_type="document",
        object_id=document.pk,
        dossier_id=dossier.pk,
        soort=document.soort,
        taal=document.taal,
    )
    response = HttpResponse(bytes(document.inhoud), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.bestandsnaam}"'
    response["Content-Length"] = str(document.grootte)
    response["Cache-Control"] = "no-store"
    return response
