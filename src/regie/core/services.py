from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.models import RegelParameter


@transaction.atomic
def regelparameter_vastleggen(
    *, door: Any, request: HttpRequest | None = None, **velden: Any
) -> RegelParameter:
    """Record a municipality's parameter value from a date on. Rows are never edited."""
    parameter = RegelParameter.objects.create(vastgelegd_door=door, **velden)
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="regelparameter",
        object_id=parameter.pk,
        gegevens={
            "gemeente": parameter.gemeente.cbs_code if parameter.gemeente else None,
            "naam": parameter.naam,
            "waarde": parameter.waarde,
            "geldig_vanaf": parameter.geldig_vanaf.isoformat(),
        },
    )
    return parameter
