"""The taakstelling register and the versioned forecast parameters.

How the framework's table relates to the register (docs: forecasting/README.md). The state sets
the **taakstelling per half year**: the number of status holders a municipality must house. The
framework (beleidskader §6.1) assumes H2 2021 = H1 2021 and the same for both halves of 2022, so
the region houses 2 × 70 = 140 status holders in 2022; half of them are adults and therefore
obliged: 70 a year. Per half year the register holds 17 (Cranendonck), 14 (Nederweert) and 39
(Weert) status holders; per year that is 34 / 28 / 78 housed and, with an adult share of ½,
17 / 14 / 39 obliged — the "Obliged (est.)" column. The two factors (2 half years, ½ adults)
cancel, which is why the table's numbers equal the half-year quota.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente

LEERROUTES = ("z_route", "b1_route", "onderwijsroute")
LEERROUTE_NAMEN = {
    "z_route": _("Z-route"),
    "b1_route": _("B1-route"),
    "onderwijsroute": _("Onderwijsroute"),
}  # lazy: str() them where they are formatted into a table


class Taakstelling(models.Model):
    """The half-yearly number of status holders a municipality must house (the state's quota),
    with the expected number of family migrants who become obliged in the same half year."""

    class Bron(models.TextChoices):
        HANDMATIG = "handmatig", _("handmatig ingevoerd")
        IMPORT = "import", _("CSV-import")
        DEMO = "demo", _("demogegevens")

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    halfjaar = models.PositiveSmallIntegerField(
        _("halfjaar"), choices=[(1, _("eerste halfjaar")), (2, _("tweede halfjaar"))]
    )
    aantal_statushouders = models.PositiveIntegerField(_("taakstelling (statushouders)"))
    verwachte_gezinsmigranten = models.PositiveIntegerField(
        _("verwachte instroom gezinsmigranten"), default=0
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["jaar", "halfjaar", "gemeente__naam"]
        verbose_name = _("taakstelling")
        verbose_name_plural = _("taakstellingen")
        permissions = [("beheer_taakstelling", "Taakstelling en prognoseparameters beheren")]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar", "halfjaar"], name="taakstelling_uniek"
            ),
            models.CheckConstraint(condition=Q(halfjaar__in=[1, 2]), name="taakstelling_halfjaar"),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.jaar}-H{self.halfjaar}: {self.aantal_statushouders}"


def _decimaal(max_digits: int, places: int, label: str, **kwargs) -> models.DecimalField:  # type: ignore[no-untyped-def]
    return models.DecimalField(_(label), max_digits=max_digits, decimal_places=places, **kwargs)


class PrognoseParameters(models.Model):
    """One version of the forecast's assumptions. Never edited: a change is a new version, valid
    from ``geldig_vanaf``; forecasts say which version they used."""

    versie = models.PositiveIntegerField(_("versie"), unique=True)
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    # Who becomes obliged, and which route (beleidskader §6.1: ½ adults; ministry 15/60/25).
    aandeel_volwassen = _decimaal(5, 4, "aandeel volwassenen (0 tot 1)")
    procent_z_route = _decimaal(5, 2, "Z-route (%)")
    procent_b1_route = _decimaal(5, 2, "B1-route (%)")
    procent_onderwijsroute = _decimaal(5, 2, "onderwijsroute (%)")
    # Lags in weeks, each with its spread (standard deviation): koppeling → vestiging → brede
    # intake afgerond → PIP vastgesteld (the PIP's dagtekening starts the term).
    weken_koppeling_vestiging = _decimaal(5, 1, "weken koppeling → vestiging")
    spreiding_koppeling_vestiging = _decimaal(5, 1, "spreiding (weken)")
    weken_vestiging_intake = _decimaal(5, 1, "weken vestiging → brede intake")
    spreiding_vestiging_intake = _decimaal(5, 1, "spreiding (weken)")
    weken_intake_pip = _decimaal(5, 1, "weken brede intake → PIP")
    spreiding_intake_pip = _decimaal(5, 1, "spreiding (weken)")
    termijn_jaren = models.PositiveSmallIntegerField(
        _("inburgeringstermijn (jaren)"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    # Course hours a week a person follows, per route.
    uren_per_week_z_route = _decimaal(5, 1, "lesuren per week, Z-route")
    uren_per_week_b1_route = _decimaal(5, 1, "lesuren per week, B1-route")
    uren_per_week_onderwijsroute = _decimaal(5, 1, "lesuren per week, onderwijsroute")
    # Cost per trajectory per year (normbedrag or contract price).
    normbedrag_z_route = _decimaal(10, 2, "kosten per traject per jaar, Z-route (€)")
    normbedrag_b1_route = _decimaal(10, 2, "kosten per traject per jaar, B1-route (€)")
    normbedrag_onderwijsroute = _decimaal(10, 2, "kosten per traject per jaar, onderwijsroute (€)")
    # How uncertain the inputs are (Monte Carlo).
    variatie_taakstelling = _decimaal(
        4,
        3,
        "variatiecoëfficiënt gerealiseerde taakstelling",
        help_text=_("0,15 = de gerealiseerde aantallen wijken typisch 15 % af van de taakstelling"),
    )
    zekerheid_aandeel_volwassen = models.PositiveIntegerField(
        _("zekerheid aandeel volwassenen (concentratie)"),
        help_text=_("Hoe groter, hoe minder het aandeel volwassenen per run varieert."),
    )
    zekerheid_routeverdeling = models.PositiveIntegerField(
        _("zekerheid routeverdeling (concentratie)"),
        help_text=_("Hoe groter, hoe minder de routeverdeling per run varieert."),
    )
    toelichting = models.TextField(_("toelichting (besluit, bron)"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-geldig_vanaf", "-versie"]
        verbose_name = _("prognoseparameters")
        verbose_name_plural = _("prognoseparameters")
        constraints = [
            models.CheckConstraint(
                condition=Q(aandeel_volwassen__gte=0, aandeel_volwassen__lte=1),
                name="prognose_aandeel_volwassen",
            ),
            models.CheckConstraint(
                condition=Q(procent_z_route__gte=0)
                & Q(procent_b1_route__gte=0)
                & Q(procent_onderwijsroute__gte=0),
                name="prognose_procenten_positief",
            ),
        ]

    def __str__(self) -> str:
        return f"versie {self.versie} (vanaf {self.geldig_vanaf:%d-%m-%Y})"

    NIET_NEGATIEF = (
        "weken_koppeling_vestiging",
        "spreiding_koppeling_vestiging",
        "weken_vestiging_intake",
        "spreiding_vestiging_intake",
        "weken_intake_pip",
        "spreiding_intake_pip",
        "uren_per_week_z_route",
        "uren_per_week_b1_route",
        "uren_per_week_onderwijsroute",
        "normbedrag_z_route",
        "normbedrag_b1_route",
        "normbedrag_onderwijsroute",
        "variatie_taakstelling",
        "procent_z_route",
        "procent_b1_route",
        "procent_onderwijsroute",
    )

    def clean(self) -> None:
        fouten: dict[str, list[str]] = {}
        a = self.aandeel_volwassen
        if a is not None and not (Decimal(0) <= a <= Decimal(1)):
            fouten.setdefault("aandeel_volwassen", []).append(
                _("Het aandeel volwassenen is een getal van 0 tot en met 1, bijvoorbeeld 0,5.")
            )
        for veld in self.NIET_NEGATIEF:
            waarde = getattr(self, veld)
            if waarde is not None and waarde < 0:
                fouten.setdefault(veld, []).append(_("Dit getal mag niet negatief zijn."))
        procenten = [self.procent_z_route, self.procent_b1_route, self.procent_onderwijsroute]
        if all(p is not None for p in procenten) and sum(procenten) != 100:
            fouten.setdefault("procent_onderwijsroute", []).append(
                _(
                    "De verdeling over de leerroutes moet samen precies 100 %% zijn; "
                    "nu is het %(som)s %%."
                )
                % {"som": str(sum(procenten)).replace(".", ",")}
            )
        if self.zekerheid_routeverdeling is not None and self.zekerheid_routeverdeling < 1:
            fouten.setdefault("zekerheid_routeverdeling", []).append(
                _("De zekerheid is een geheel getal van 1 of meer.")
            )
        if self.zekerheid_aandeel_volwassen is not None and self.zekerheid_aandeel_volwassen < 1:
            fouten.setdefault("zekerheid_aandeel_volwassen", []).append(
                _("De zekerheid is een geheel getal van 1 of meer.")
            )
        if fouten:
            raise ValidationError(fouten)

    def procent(self, route: str) -> Decimal:
        return getattr(self, f"procent_{route}")

    def uren_per_week(self, route: str) -> Decimal:
        return getattr(self, f"uren_per_week_{route}")

    def normbedrag(self, route: str) -> Decimal:
        return getattr(self, f"normbedrag_{route}")


class PrognoseBudget(models.Model):
    """The budget for the leerroutes per municipality per year, part of a parameter version."""

    parameters = models.ForeignKey(
        PrognoseParameters, on_delete=models.PROTECT, related_name="budgetten"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    bedrag = models.DecimalField(
        _("budget (€)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["jaar", "gemeente__naam"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgetten")
        constraints = [
            models.UniqueConstraint(
                fields=["parameters", "gemeente", "jaar"], name="prognosebudget_uniek"
            ),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="prognosebudget_positief"),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.jaar}: € {self.bedrag}"
