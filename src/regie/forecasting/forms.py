"""Forms of the forecasting screens: thin, the model's ``clean()`` holds the rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente
from regie.forecasting.models import PrognoseParameters, Taakstelling

MAX_CSV_BYTES = 1_000_000


class TaakstellingForm(forms.Form):
    """One half year for one municipality; an existing half year is corrected, not refused."""

    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=Gemeente.objects.none())
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    halfjaar = forms.TypedChoiceField(
        label=_("Halfjaar"),
        choices=Taakstelling._meta.get_field("halfjaar").choices,
        coerce=int,
    )
    aantal_statushouders = forms.IntegerField(
        label=_("Taakstelling (statushouders)"),
        min_value=0,
        help_text=_("Het aantal statushouders dat de gemeente dit halfjaar moet huisvesten."),
    )
    verwachte_gezinsmigranten = forms.IntegerField(
        label=_("Verwachte instroom gezinsmigranten"), min_value=0, initial=0
    )

    def __init__(self, *args: Any, gemeenten: list[Gemeente], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten])
        self.fields["gemeente"].empty_label = None


class TaakstellingImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: gemeente (CBS-code), jaar, halfjaar, aantal, verwachte_gezinsmigranten; "
            "gescheiden door ; of ,. Rijnummers in foutmeldingen tellen zoals uw spreadsheet: "
            "de kopregel is rij 1."
        ),
    )

    def clean_bestand(self) -> Any:
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_CSV_BYTES:
            raise ValidationError(_("Het bestand is groter dan 1 MB; splits het op."))
        return bestand


PARAMETERVELDEN = [
    "geldig_vanaf",
    "aandeel_volwassen",
    "procent_z_route",
    "procent_b1_route",
    "procent_onderwijsroute",
    "weken_koppeling_vestiging",
    "spreiding_koppeling_vestiging",
    "weken_vestiging_intake",
    "spreiding_vestiging_intake",
    "weken_intake_pip",
    "spreiding_intake_pip",
    "termijn_jaren",
    "uren_per_week_z_route",
    "uren_per_week_b1_route",
    "uren_per_week_onderwijsroute",
    "normbedrag_z_route",
    "normbedrag_b1_route",
    "normbedrag_onderwijsroute",
    "variatie_taakstelling",
    "zekerheid_aandeel_volwassen",
    "zekerheid_routeverdeling",
    "toelichting",
]


class PrognoseParametersForm(forms.ModelForm):
    """A new version, pre-filled with the current one. Budgets: one field per municipality the
    user manages and per year (``budget_<gemeente id>_<jaar>``); empty means no budget."""

    class Meta:
        model = PrognoseParameters
        fields = PARAMETERVELDEN
        widgets = {"geldig_vanaf": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(
        self,
        *args: Any,
        gemeenten: list[Gemeente],
        jaren: list[int],
        budget: dict[tuple[int, int], Decimal],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.budgetvelden: list[tuple[str, Gemeente, int]] = []
        for gemeente in gemeenten:
            for jaar in jaren:
                naam = f"budget_{gemeente.pk}_{jaar}"
                self.fields[naam] = forms.DecimalField(
                    label=_("Budget %(gemeente)s %(jaar)s (€)")
                    % {"gemeente": gemeente.naam, "jaar": jaar},
                    required=False,
                    min_value=0,
                    max_digits=12,
                    decimal_places=2,
                    initial=budget.get((gemeente.pk, jaar)),
                )
                self.budgetvelden.append((naam, gemeente, jaar))

    def parametervelden(self) -> list[forms.BoundField]:
        return [self[naam] for naam in PARAMETERVELDEN]

    def budgetten(self) -> dict[tuple[int, int], Decimal | None]:
        return {(g.pk, jaar): self.cleaned_data.get(naam) for naam, g, jaar in self.budgetvelden}

    def velden(self) -> dict[str, Any]:
        return {naam: self.cleaned_data[naam] for naam in PARAMETERVELDEN}

    def validate_unique(self) -> None:
        pass  # the version number is assigned by the service


class PrognoseKeuzeForm(forms.Form):
    """GET choices of the forecast pages."""

    vanaf = forms.IntegerField(
        label=_("Eerste jaar"), required=False, min_value=2022, max_value=2100
    )
    gemeente = forms.ChoiceField(label=_("Gebied"), required=False)
    verdeling = forms.ChoiceField(
        label=_("Routeverdeling in de Monte Carlo"),
        required=False,
        choices=[
            ("eigen", _("eigen dossiers (als er ten minste 30 PIP's zijn)")),
            ("parameters", _("parameters (ministerie/beleid)")),
        ],
    )

    def __init__(self, *args: Any, gemeenten: list[Gemeente], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gemeenten = gemeenten
        self.fields["gemeente"].choices = [("", _("Regio (alle gemeenten)"))] + [
            (g.cbs_code, g.naam) for g in gemeenten
        ]

    def keuzes(self, standaard_vanaf: int) -> tuple[int, int | None, str]:
        """(first year, index of the municipality or None for the region, split source)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        codes = [g.cbs_code for g in self.gemeenten]
        code = data.get("gemeente") or ""
        return (
            data.get("vanaf") or standaard_vanaf,
            codes.index(code) if code in codes else None,
            data.get("verdeling") or "eigen",
        )
