"""Gemeente (the tenant) and Organisatie."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

cbs_code_validator = RegexValidator(
    r"^\d{4}$", _("Een CBS-gemeentecode bestaat uit precies 4 cijfers, bijvoorbeeld 0988.")
)
oin_validator = RegexValidator(r"^\d{20}$", _("Een OIN bestaat uit precies 20 cijfers."))


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


class RegelParameter(models.Model):
    """A municipality's (or, without gemeente, the whole installation's) override of a dated
    parameter of the rules engine, e.g. "3 progress talks in the first year from 2025-01-01".

    The engine's own table (regie.rules.parameters) holds the national values; rows here are
    added on top, per municipality, and never edited: a new policy is a new row.
    """

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="regelparameters",
        verbose_name=_("gemeente"),
    )
    naam = models.CharField(_("parameter"), max_length=60)
    waarde = models.IntegerField(_("waarde"))
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    toelichting = models.TextField(_("toelichting (besluit, beleidsregel)"))
    vastgelegd_door = models.ForeignKey(
        "accounts.Gebruiker", on_delete=models.PROTECT, null=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["naam", "geldig_vanaf"]
        verbose_name = _("regelparameter")
        verbose_name_plural = _("regelparameters")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "naam", "geldig_vanaf"], name="regelparameter_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} = {self.waarde} vanaf {self.geldig_vanaf}"
