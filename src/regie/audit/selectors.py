from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from regie.accounts.models import Lidmaatschap
from regie.accounts.permissions import gemeenten_met_recht
from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Dossier


def audit_voor_gebruiker(user: Any) -> QuerySet[AuditGebeurtenis]:
    """Events about dossiers of the user's municipalities, or by people working for them."""
    gemeenten = sorted(gemeenten_met_recht(user, "audit.view_auditgebeurtenis"))
    if not gemeenten:
        return AuditGebeurtenis.objects.none()
    dossiers = Dossier.objects.filter(regie_gemeente_id__in=gemeenten).values("pk")
    medewerkers = Lidmaatschap.objects.filter(gemeente_id__in=gemeenten).values("gebruiker_id")
    return AuditGebeurtenis.objects.filter(
        Q(dossier_id__in=dossiers) | Q(actor_id__in=medewerkers)
    ).select_related("actor")
