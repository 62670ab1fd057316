"""Append-only audit events, chained by hash so that tampering with any row is detected."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditGebeurtenisQuerySet(models.QuerySet):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("Audit events are append-only.")

    def delete(self):  # type: ignore[no-untyped-def]
        raise PermissionError("Audit events are append-only.")


class AuditGebeurtenis(models.Model):
    class Actie(models.TextChoices):
        LEZEN = "lezen", _("gegevens ingezien")
        LIJST = "lijst", _("lijst ingezien")
        ZOEKEN = "zoeken", _("gezocht")
        AANMAKEN = "aanmaken", _("aangemaakt")
        WIJZIGEN = "wijzigen", _("gewijzigd")
        VERWIJDEREN = "verwijderen", _("verwijderd")
        FASE = "fase_wijzigen", _("fase gewijzigd")
        INLOGGEN = "inloggen", _("ingelogd")
        INLOGGEN_MISLUKT = "inloggen_mislukt", _("inloggen mislukt")
        UITLOGGEN = "uitloggen", _("uitgelogd")

    class Resultaat(models.TextChoices):
        GESLAAGD = "geslaagd", _("geslaagd")
        GEWEIGERD = "geweigerd", _("geweigerd")
        CONFLICT = "conflict", _("conflict")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    volgnummer = models.BigIntegerField(_("volgnummer"), unique=True)
    tijdstip = models.DateTimeField(_("tijdstip"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_weergave = models.CharField(_("actor (zoals toen)"), max_length=200)
    actie = models.CharField(_("actie"), max_length=30, choices=Actie.choices)
    object_type = models.CharField(_("objecttype"), max_length=60, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    dossier_id = models.UUIDField(_("dossier"), null=True, blank=True, db_index=True)
    resultaat = models.CharField(_("resultaat"), max_length=20, choices=Resultaat.choices)
    herkomst = models.CharField(_("herkomst (IP)"), max_length=45, blank=True)
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)
    vorige_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditGebeurtenisQuerySet.as_manager()

    class Meta:
        ordering = ["-volgnummer"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditgebeurtenissen")
        indexes = [models.Index(fields=["actor", "-volgnummer"], name="audit_actor_idx")]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actor_weergave} {self.actie}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self._state.adding:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("Audit events are append-only.")
