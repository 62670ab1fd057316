"""The case manager's recordings that go to DUO (``leveringen.vastleggen``), one small form
each, shown in the DUO part of the dossier page. Dutch labels; the service does the writing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DATUM_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
VERWIJTBAAR = [
    ("", _("niet meesturen")),
    ("ja", _("ja, verwijtbaar")),
    ("nee", _("nee, niet verwijtbaar")),
]
VERWIJTBAAR_HULP = _(
    "Alleen bij een overschreden inburgeringstermijn (ja of nee), of nee als de termijn binnen "
    "twee maanden afloopt."
)


def _niet_in_de_toekomst(datum: date | None) -> date | None:
    if datum and datum > timezone.localdate():
        raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
    return datum


class VastleggingForm(forms.Form):
    """Common part: the dossier version the page showed (optimistic locking)."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    def gegevens(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "versie"}


class DatumVerwijtbaarForm(VastleggingForm):
    datum = forms.DateField(label=_("Datum"), widget=DATUM_WIDGET)
    verwijtbaar = forms.ChoiceField(
        label=_("Verwijtbaar"), choices=VERWIJTBAAR, required=False, help_text=VERWIJTBAAR_HULP
    )

    def clean_datum(self) -> date | None:
        return _niet_in_de_toekomst(self.cleaned_data.get("datum"))


class MapForm(DatumVerwijtbaarForm):
    datum = forms.DateField(label=_("Datum eindgesprek MAP"), widget=DATUM_WIDGET)


class PvtForm(DatumVerwijtbaarForm):
    datum = forms.DateField(label=_("Datum ondertekening PVT"), widget=DATUM_WIDGET)


class ZrouteForm(VastleggingForm):
    datum = forms.DateField(label=_("Datum afronding Z-route"), widget=DATUM_WIDGET)

    def clean_datum(self) -> date | None:
        return _niet_in_de_toekomst(self.cleaned_data.get("datum"))


class UrenForm(VastleggingForm):
    soort = forms.ChoiceField(
        label=_("Soort uren"),
        choices=[
            ("taal_knm_brede_intake", _("Taalles Nederlands en KNM")),
            ("participatieactiviteiten", _("Participatieactiviteiten")),
            ("participatie_als_taalles", _("Participatie als taalles")),
        ],
    )
    uren = forms.IntegerField(
        label=_("Gevolgde uren sinds de vorige melding"),
        min_value=1,
        max_value=9999,
        help_text=_("Regie telt ze op bij de eerder gemelde uren en meldt DUO het totaal."),
    )
    datum = forms.DateField(label=_("Gevolgd tot en met"), widget=DATUM_WIDGET)
    keurmerk = forms.BooleanField(label=_("De aanbieder heeft een keurmerk"), required=False)

    def clean_datum(self) -> date | None:
        return _niet_in_de_toekomst(self.cleaned_data.get("datum"))


class AanbodForm(VastleggingForm):
    instellingsnummer = forms.RegexField(
        label=_("Instellingsnummer (DUO)"),
        regex=r"^[0-9A-Za-z]{10}$",
        error_messages={"invalid": _("Een instellingsnummer heeft precies 10 tekens.")},
    )
    keurmerk = forms.BooleanField(
        label=_("De instelling heeft het keurmerk van Blik op Werk"), required=False
    )
    alfabetisering = forms.ChoiceField(
        label=_("Alfabetiseringsonderwijs"),
        choices=[
            ("NVT", _("Niet van toepassing")),
            ("A", _("A: alfabetisering (niet gealfabetiseerd)")),
            ("AA", _("AA: anders gealfabetiseerd")),
        ],
    )
    datum_aanbod = forms.DateField(
        label=_("Datum inburgeringsaanbod"), required=False, widget=DATUM_WIDGET
    )
    verwachte_start = forms.DateField(
        label=_("Verwachte startdatum opleiding"), required=False, widget=DATUM_WIDGET
    )
    verwachte_eind = forms.DateField(
        label=_("Verwachte einddatum opleiding"), required=False, widget=DATUM_WIDGET
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, eind = data.get("verwachte_start"), data.get("verwachte_eind")
        if start and eind and eind < start:
            self.add_error(
                "verwachte_eind", _("De einddatum ligt vóór de startdatum van de opleiding.")
            )
        return data


class VerwijtbaarForm(VastleggingForm):
    onderdeel = forms.ChoiceField(
        label=_("Onderdeel"),
        choices=[("map", _("MAP")), ("pvt", _("PVT"))],
    )
    waarde = forms.ChoiceField(
        label=_("Verwijtbaar"),
        choices=[("ja", _("ja, verwijtbaar")), ("nee", _("nee, niet verwijtbaar"))],
        help_text=VERWIJTBAAR_HULP,
    )


class PipVerwijderenForm(VastleggingForm):
    reden = forms.CharField(
        label=_("Reden"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld: het PIP is bij de verkeerde inburgeraar aangeleverd, of de "
            "beschikking is ingetrokken. De reden komt in het auditlog, niet bij DUO."
        ),
    )
    bevestig = forms.BooleanField(
        label=_(
            "Ik begrijp dat DUO het actuele PIP van deze inburgeraar verwijdert. Het PIP in "
            "Regie blijft bestaan."
        ),
        error_messages={"required": _("Bevestig dat het PIP bij DUO verwijderd moet worden.")},
    )

    def gegevens(self) -> dict[str, Any]:
        return {"reden": self.cleaned_data["reden"].strip()}


FORMULIEREN: dict[str, type[VastleggingForm]] = {
    "map": MapForm,
    "pvt": PvtForm,
    "zroute": ZrouteForm,
    "uren": UrenForm,
    "aanbod": AanbodForm,
    "verwijtbaar": VerwijtbaarForm,
    "pip_verwijderen": PipVerwijderenForm,
}


def formulier(soort: str, data: Any = None, *, versie: int) -> VastleggingForm:
    """The form of one kind, prefixed so several can share the page."""
    return FORMULIEREN[soort](data, prefix=soort, initial={"versie": versie})
