from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente, RegelParameter
from regie.rules.parameters import lijst as parameterlijst


class RegelParameterForm(forms.ModelForm):
    naam = forms.ChoiceField(label=_("Parameter"))

    class Meta:
        model = RegelParameter
        fields = ["gemeente", "naam", "waarde", "geldig_vanaf", "toelichting"]
        widgets = {"geldig_vanaf": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, gemeente_ids: frozenset[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["naam"].choices = [
            (d.naam.value, f"{d.naam.value} — {d.omschrijving}") for d in parameterlijst()
        ]
        self.fields["gemeente"].queryset = Gemeente.objects.filter(pk__in=gemeente_ids)
        self.fields["gemeente"].required = True
        self.fields["gemeente"].empty_label = None

    def clean(self) -> dict[str, Any]:
        from regie.rules import InvoerFout
        from regie.rules.parameters import ParameterWijziging, valideer_wijziging

        data = super().clean()
        if data.get("naam") and data.get("waarde") is not None and data.get("geldig_vanaf"):
            try:
                valideer_wijziging(
                    ParameterWijziging(data["naam"], data["waarde"], data["geldig_vanaf"]),
                    "waarde",
                )
            except InvoerFout as fout:
                self.add_error("waarde", fout.melding)
        return data
