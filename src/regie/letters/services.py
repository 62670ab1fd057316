"""Writes for letters: keeping an issued document, with its audit event."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Dossier
from regie.letters.models import Document


@transaction.atomic
def document_vastleggen(
    *,
    dossier: Dossier,
    soort: str,
    taal: str,
    titel: str,
    bestandsnaam: str,
    pdf: bytes,
    door: Any,
    request: HttpRequest | None = None,
) -> Document:
    """Keep a rendered PDF with the dossier. Call it inside the decision's own transaction."""
    document = Document.objects.create(
        dossier=dossier,
        soort=soort,
        taal=taal,
        titel=titel,
        bestandsnaam=bestandsnaam,
        inhoud=pdf,
        grootte=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        aangemaakt_door=door if getattr(door, "is_authenticated", False) else None,
    )
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="document",
        object_id=document.pk,
        dossier_id=dossier.pk,
        gegevens={
            "soort": soort,
            "taal": taal,
            "grootte": document.grootte,
            "sha256": document.sha256,
        },
    )
    return document
