"""Letters: the municipality's letterhead, translatable text blocks and issued documents.

This app knows nothing of PIPs: ``regie.plans`` composes a beschikking or ontwikkelplan and
hands the HTML to ``letters.pdf``; the PDF is kept here as an issued ``Document``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente
from regie.dossiers.models import Dossier
from regie.letters.querysets import DocumentQuerySet


class Briefhoofd(models.Model):
    """The letterhead of one municipality. Without a row a plain default is used."""

    gemeente = models.OneToOneField(
        Gemeente, on_delete=models.PROTECT, related_name="briefhoofd", verbose_name=_("gemeente")
    )
    naam = models.CharField(_("naam in het briefhoofd"), max_length=200)
    adresregels = models.TextField(
        _("adresregels"), blank=True, help_text=_("Eén regel per regel, bv. Postbus en postcode.")
    )
    # Stored in the database with its type, so a letter never depends on MEDIA storage.
    logo = models.BinaryField(_("logo"), null=True, blank=True, editable=True)
    logo_type = models.CharField(
        _("soort logo"),
        max_length=20,
        blank=True,
        choices=[("image/png", "PNG"), ("image/svg+xml", "SVG"), ("image/jpeg", "JPEG")],
    )
    ondertekenaar = models.CharField(_("ondertekenaar"), max_length=200)
    functie = models.CharField(_("functie van de ondertekenaar"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("briefhoofd")
        verbose_name_plural = _("briefhoofden")

    def __str__(self) -> str:
        return self.naam

    @property
    def adres(self) -> list[str]:
        return [regel.strip() for regel in self.adresregels.splitlines() if regel.strip()]


class Tekstblok(models.Model):
    """One translated text of a letter, e.g. ``("kop.leerroute", "ar")``.

    Languages are data: a language is offered for the ontwikkelplan once it has every block
    (``regie.letters.teksten.SLEUTELS``), so a functioneel beheerder adds one by adding rows.
    Texts may use the placeholders named in ``teksten.PLAATSHOUDERS``, e.g. ``{naam}``.
    """

    sleutel = models.CharField(_("sleutel"), max_length=60)
    taal = models.CharField(_("taal"), max_length=10, help_text=_("Taalcode, bv. nl, en, ar, ti."))
    tekst = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("tekstblok")
        verbose_name_plural = _("tekstblokken")
        ordering = ["taal", "sleutel"]
        constraints = [
            models.UniqueConstraint(fields=["sleutel", "taal"], name="tekstblok_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.taal}: {self.sleutel}"


class Document(models.Model):
    """An issued document (PDF) of a dossier. Append-only: what was sent stays as it was.

    The PDF is kept in the database, not under MEDIA_ROOT: it is personal data that is only
    ever served through a scoped, audited view; it is written in the same transaction as the
    decision it belongs to (no orphan files when that rolls back); and it is backed up with the
    decision. Documents are small (tens of kilobytes).
    """

    class Soort(models.TextChoices):
        BESCHIKKING = "beschikking", _("Beschikking")
        ONTWIKKELPLAN = "ontwikkelplan", _("Ontwikkelplan")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="documenten")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    taal = models.CharField(_("taal"), max_length=10, default="nl")
    titel = models.CharField(_("titel"), max_length=200)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    inhoud = models.BinaryField(_("inhoud (PDF)"))
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["dossier", "-aangemaakt_op"]
        indexes = [models.Index(fields=["dossier", "aangemaakt_op"], name="document_dossier")]

    def __str__(self) -> str:
        return self.titel

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self._state.adding:
            raise PermissionError("Issued documents are append-only.")
        super().save(*args, **kwargs)
