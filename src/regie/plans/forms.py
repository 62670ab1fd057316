"""Forms for the PIP: parse and validate input with Dutch messages; services do the writing.

Dual activities and goals are plain formsets with a few empty extra rows: adding a row needs
no JavaScript, and every field is a labelled form control reachable by keyboard.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.core.models import Organisatie
from regie.dossiers.forms import DATUM_WIDGET
from regie.plans.models import (
    GESCHATTE_UREN_B1_MAX,
    GESCHATTE_UREN_B1_MIN,
    DualeActiviteit,
    PipVersie,
)

MAX_RIJEN = 20


class PipVersieForm(forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PipVersie
        fields = [
            "dagtekening",
            "leerroute",
            "niveau",
            "knm",
            "alfabetisering",
            "intensiteit_uren_per_week",
            "geschatte_uren_b1",
            "mag_opleiding_afmaken",
            "aanbieder",
            "aanbieder_naam",
            "aanbieder_keurmerk",
            "pvt_uren",
            "map_uren",
            "participatie",
            "maatschappelijke_begeleiding",
            "ontzorgen",
            "ontzorgen_toelichting",
            "overige_afspraken",
        ]
        widgets = {
            "dagtekening": DATUM_WIDGET,
            "participatie": forms.Textarea(attrs={"rows": 3}),
            "maatschappelijke_begeleiding": forms.Textarea(attrs={"rows": 3}),
            "ontzorgen_toelichting": forms.Textarea(attrs={"rows": 2}),
            "overige_afspraken": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "map_uren": _("Niet in de onderwijsroute (Wet inburgering 2021, artikel 8 lid 3)."),
            "aanbieder_naam": _("Alleen als de aanbieder niet in de lijst staat."),
        }

    def __init__(
        self,
        *args: Any,
        pip_versie: PipVersie,
        pip_versie_lock: int,
        ontzorgen_recht: bool,
        asielstatushouder: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, instance=pip_versie, **kwargs)
        self.initial.setdefault("versie", pip_versie_lock)
        self.fields["niveau"].choices = [("", _("Geen (DUO: B1 in B1- en onderwijsroute)"))] + [
            c for c in self.fields["niveau"].choices if c[0]
        ]
        # DUO's bounds for geschatteIntensiteitB1Route (the model validates them).
        self.fields["geschatte_uren_b1"].widget.attrs.update(
            min=GESCHATTE_UREN_B1_MIN, max=GESCHATTE_UREN_B1_MAX
        )
        gemeente_id = pip_versie.pip.dossier.regie_gemeente_id
        self.fields["aanbieder"].queryset = Organisatie.objects.filter(
            soort=Organisatie.Soort.AANBIEDER, gemeenten__id=gemeente_id
        ).distinct()
        # The inburgeringsaanbod is bought for asylum status holders only (engine: doelgroep).
        if not asielstatushouder:
            for veld in ("aanbieder", "aanbieder_naam", "aanbieder_keurmerk"):
                del self.fields[veld]
        # Ontzorgen is offered only when the engine grants the right (Pw art. 56a).
        if not ontzorgen_recht:
            del self.fields["ontzorgen"]
            del self.fields["ontzorgen_toelichting"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("aanbieder") and data.get("aanbieder_naam"):
            self.add_error(
                "aanbieder_naam",
                _("Kies een aanbieder uit de lijst óf vul een naam in, niet allebei."),
            )
        return data

    def gegevens(self) -> dict[str, Any]:
        """The plan's fields for the service; fields not offered keep a neutral value."""
        data = {veld: self.cleaned_data[veld] for veld in self.Meta.fields if veld in self.fields}
        data.setdefault("ontzorgen", False)
        data.setdefault("ontzorgen_toelichting", "")
        data.setdefault("aanbieder", None)
        data.setdefault("aanbieder_naam", "")
        data.setdefault("aanbieder_keurmerk", False)
        return data


class DualeActiviteitForm(forms.Form):
    # An empty first choice keeps an untouched extra row unchanged, so it is simply skipped.
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Kies een soort")), *DualeActiviteit.Soort.choices]
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=300)
    uren_per_week = forms.DecimalField(
        label=_("Uur per week"),
        required=False,
        min_value=0,
        max_value=60,
        max_digits=3,
        decimal_places=1,
    )
    organisatie = forms.CharField(label=_("Organisatie"), max_length=200, required=False)


class DoelForm(forms.Form):
    omschrijving = forms.CharField(label=_("Doel"), max_length=300)
    subdoelen = forms.CharField(
        label=_("Subdoelen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén subdoel per regel."),
    )

    def clean_subdoelen(self) -> list[str]:
        regels = [r.strip() for r in self.cleaned_data["subdoelen"].splitlines() if r.strip()]
        if any(len(r) > 300 for r in regels):
            raise forms.ValidationError(_("Een subdoel is hooguit 300 tekens."))
        return regels


DualeActiviteitFormSet = forms.formset_factory(
    DualeActiviteitForm, extra=2, can_delete=True, max_num=MAX_RIJEN, validate_max=True
)
DoelFormSet = forms.formset_factory(
    DoelForm, extra=2, can_delete=True, max_num=MAX_RIJEN, validate_max=True
)


def rijen(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The filled-in, not deleted rows of a valid formset."""
    return [
        {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


class ActieForm(forms.Form):
    """A button on the PIP page: only the lock the user saw."""

    versie = forms.IntegerField(widget=forms.HiddenInput)


class BeoordelingForm(forms.Form):
    VASTSTELLEN = "vaststellen"
    AFKEUREN = "afkeuren"

    versie = forms.IntegerField(widget=forms.HiddenInput)
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[(VASTSTELLEN, _("Vaststellen")), (AFKEUREN, _("Afkeuren"))],
        widget=forms.RadioSelect,
    )
    dagtekening = forms.DateField(
        label=_("Dagtekening"),
        widget=DATUM_WIDGET,
        help_text=_("De datum op de beschikking bij vaststellen; niet in de toekomst."),
    )
    reden = forms.CharField(
        label=_("Reden van afkeuren"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij afkeuren. De klantregisseur ziet deze reden."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("besluit") == self.VASTSTELLEN:
            dagtekening = data.get("dagtekening")
            if dagtekening and dagtekening > timezone.localdate():
                self.add_error("dagtekening", _("De dagtekening kan niet in de toekomst liggen."))
        if data.get("besluit") == self.AFKEUREN and not (data.get("reden") or "").strip():
            self.add_error("reden", _("Geef een reden waarom het PIP wordt afgekeurd."))
        return data


class OntwikkelplanForm(forms.Form):
    nummer = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    taal = forms.CharField(label=_("Taal"), max_length=10)
