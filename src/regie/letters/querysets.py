"""Scoping of documents: through their dossier's municipality, as ``Dossier.objects.for_user``."""

from __future__ import annotations

from typing import Any

from django.db import models

from regie.accounts.permissions import gemeenten_met_recht


class DocumentQuerySet(models.QuerySet):
    def for_user(self, user: Any, recht: str = "dossiers.view_dossier") -> DocumentQuerySet:
        gemeenten = gemeenten_met_recht(user, recht)
        if not gemeenten:
            return self.none()
        return self.filter(dossier__regie_gemeente_id__in=sorted(gemeenten))
