"""The dashboard's filters (GET): cohort, target group, municipality."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente

ALLE = "alle"
DOELGROEPEN = [
    ("asielstatushouder", _("Asielstatushouders")),
    ("gezinsmigrant_overig", _("Gezins- en overige migranten")),
    (ALLE, _("Alle doelgroepen")),
]


class DashboardFilterForm(forms.Form):
    cohort = forms.IntegerField(
        label=_("Cohort (jaar start inburgeringsplicht)"),
        required=False,
        min_value=2000,
        max_value=2100,
    )
    doelgroep = forms.ChoiceField(label=_("Doelgroep"), choices=DOELGROEPEN, required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)

    def __init__(self, *args: Any, gemeenten: list[Gemeente], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gemeenten = {g.cbs_code: g for g in gemeenten}
        self.fields["gemeente"].choices = [("", _("Alle gemeenten en de regio"))] + [
            (g.cbs_code, g.naam) for g in gemeenten
        ]

    def waarden(self) -> tuple[int | None, str | None, Gemeente | None]:
        """(cohort, doelgroep or None for all, municipality or None for all in scope)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        doelgroep = data.get("doelgroep") or "asielstatushouder"
        return (
            data.get("cohort"),
            None if doelgroep == ALLE else doelgroep,
            self.gemeenten.get(data.get("gemeente") or ""),
        )
