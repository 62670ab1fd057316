"""Scoping in one place: every read of dossiers starts from ``for_user``."""

from __future__ import annotations

from typing import Any

from django.db import models

from regie.accounts.permissions import gemeenten_met_recht


class DossierQuerySet(models.QuerySet):
    def for_user(self, user: Any, recht: str = "dossiers.view_dossier") -> DossierQuerySet:
        """Dossiers of the municipalities for which ``user`` holds ``recht``; none otherwise."""
        gemeenten = gemeenten_met_recht(user, recht)
        if not gemeenten:
            return self.none()
        return self.filter(regie_gemeente_id__in=sorted(gemeenten))


class InburgeraarQuerySet(models.QuerySet):
    def for_user(self, user: Any, recht: str = "dossiers.view_dossier") -> InburgeraarQuerySet:
        gemeenten = gemeenten_met_recht(user, recht)
        if not gemeenten:
            return self.none()
        return self.filter(dossiers__regie_gemeente_id__in=sorted(gemeenten)).distinct()
