"""Scoping in one place: an intake is reachable only through a dossier the user may see."""

from __future__ import annotations

from typing import Any

from django.db import models

from regie.dossiers.models import Dossier


class BredeIntakeQuerySet(models.QuerySet):
    def for_user(self, user: Any, recht: str = "dossiers.view_dossier") -> BredeIntakeQuerySet:
        """Intakes of the dossiers ``Dossier.objects.for_user(user, recht)`` returns."""
        return self.filter(dossier__in=Dossier.objects.for_user(user, recht).values("pk"))
