"""Scoping in one place: every read of DUO rows starts from ``for_user``."""

from __future__ import annotations

from typing import Any

from django.db import models

from regie.accounts.permissions import gemeenten_met_recht


class GemeenteQuerySet(models.QuerySet):
    """Rows carrying a ``gemeente``: visible for the municipalities where the user holds
    ``recht``."""

    def for_user(self, user: Any, recht: str = "dossiers.view_dossier") -> GemeenteQuerySet:
        gemeenten = gemeenten_met_recht(user, recht)
        if not gemeenten:
            return self.none()
        return self.filter(gemeente_id__in=sorted(gemeenten))
