"""Gemeente (the tenant) and Organisatie."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

cbs_code_validator = RegexValidator(
    r"^\d{4}$", _("Een CBS-gemeentecode bestaat uit precies 4 cijfers, bijvoorbeeld 0988.")
)
oin_validator = RegexValidator(
    r"^\d{20}$", _("Een OIN bestaat uit precies 20 cijfers.")
)


class Gemeente(models.Model):
    """A municipality: the unit of tenancy. Every dossier belongs to exactly one."""

    cbs_code = models.CharField(
        _("CBS-code"), max_length=4, unique=True, validators=[cbs_code_validator]
    )
    naam = models.CharField(_("naam"), max_length=100)
    oin = models.CharField(_("OIN"), max_length=20, blank=True, validators=[oin_validator])

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        permissions = [("view_aggregaten", "Geaggregeerde beleidsinformatie inzien")]

    def __str__(self) -> str:
        return self.naam


class Organisatie(models.Model):
    """An organisation working for one or more municipalities (Werk.Kom, providers, partners)."""

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        UITVOERING = "uitvoering", _("uitvoeringsorganisatie")
        AANBIEDER = "aanbieder", _("aanbieder")
        KETENPARTNER = "ketenpartner", _("ketenpartner")

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    gemeenten = models.ManyToManyField(
        Gemeente, related_name="organisaties", verbose_name=_("werkt voor"), blank=True
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.naam
