"""Users, roles (as data) and membership per municipality."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, Permission
from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente, Organisatie


class Gebruiker(AbstractUser):
    """A person who logs in. What they may do comes only from their Lidmaatschappen."""

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("organisatie"),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Rol(models.Model):
    """A role from the product's user list, with the rights it grants (data, not code)."""

    class Code(models.TextChoices):
        KLANTREGISSEUR = "klantregisseur", _("Klantregisseur")
        TEAMLEIDER = "teamleider", _("Teamleider")
        BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
        KETENPARTNER = "ketenpartner", _("Ketenpartner")
        INBURGERAAR = "inburgeraar", _("Inburgeraar")
        FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")

    code = models.CharField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    rechten = models.ManyToManyField(Permission, blank=True, verbose_name=_("rechten"))

    class Meta:
        ordering = ["naam"]
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")

    def __str__(self) -> str:
        return self.naam


class Lidmaatschap(models.Model):
    """A user holds a role for one municipality. Werk.Kom staff hold one per municipality."""

    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    rol = models.ForeignKey(Rol, on_delete=models.PROTECT, related_name="lidmaatschappen")

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "gemeente", "rol"], name="lidmaatschap_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} — {self.rol} — {self.gemeente}"
