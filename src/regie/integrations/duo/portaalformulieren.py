"""The forms of the DUO part of the dossier page for what DUO only accepts in its portal
(``portaal.PORTAALTAKEN``): the case manager records it once in Regie, and a work item holds
exactly the data to copy into the Portal Inburgering.

Every form carries a ``token`` made when the form is shown: a second submit of the same form
(a double click, a reload) finds the work item of the first and creates no second one.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.dossiers.models import Dossier
from regie.integrations.duo import instellingen, portaal
from regie.integrations.duo.forms import DATUM_WIDGET
from regie.integrations.duo.models import Instelling


def _niet_in_de_toekomst(datum: date | None) -> date | None:
    if datum and datum > timezone.localdate():
        raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
    return datum


class PortaalForm(forms.Form):
    titel: Any = ""  # what the dossier page calls it
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"token": uuid.uuid4()})
        super().__init__(*args, **kwargs)
        self.dossier = dossier

    def gegevens(self) -> dict[str, Any]:
        """The data for the work item (``portaal.PORTAALTAKEN``' keys), empty values left out."""
        return {k: v for k, v in self.cleaned_data.items() if k != "token" and v not in (None, "")}


class BoeteForm(PortaalForm):
    """A fine the college imposed (Wi arts 22/23). The rules engine is asked whether a fine is
    possible at all on the day of the decision, and for the statutory maximum."""

    titel = _("Opgelegde boete")

    grond = forms.ChoiceField(
        label=_("Grond"),
        choices=[
            ("brede_intake", _("Niet meewerken aan de brede intake of het PIP (Wi art. 22)")),
            ("pip_naleving", _("Niet naleven van het PIP (Wi art. 23)")),
        ],
    )
    besluitdatum = forms.DateField(label=_("Datum besluit"), widget=DATUM_WIDGET)
    bedrag = forms.DecimalField(
        label=_("Bedrag (euro)"), min_value=Decimal("0.01"), max_digits=7, decimal_places=2
    )
    kenmerk = forms.CharField(label=_("Kenmerk besluit"), max_length=40)
    verwijtbaar = forms.BooleanField(
        label=_("De overtreding is verwijtbaar (Awb 5:41); rapport en zienswijze zijn gevolgd."),
        error_messages={
            "required": _("Zonder verwijtbaarheid geen boete (Awb 5:41): registreer dan niets.")
        },
    )

    def clean_besluitdatum(self) -> date | None:
        return _niet_in_de_toekomst(self.cleaned_data.get("besluitdatum"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        toets = portaal.boete_toetsen(
            dossier=self.dossier, grond=data["grond"], besluitdatum=data["besluitdatum"]
        )
        for reden in toets.weigeringen:
            self.add_error(None, _("Geen boete mogelijk: %(reden)s.") % {"reden": reden})
        if toets.maximum is not None and data["bedrag"] > toets.maximum:
            self.add_error(
                "bedrag",
                _("Een boete van het college is ten hoogste € %(maximum)s (Wi art. 22 en 23).")
                % {"maximum": toets.maximum},
            )
        return data

    def gegevens(self) -> dict[str, Any]:
        gegevens = super().gegevens()
        gegevens.pop("verwijtbaar", None)  # required to be yes; not something to copy
        gegevens["bedrag"] = f"{gegevens['bedrag']:.2f}".replace(".", ",")
        gegevens["grond"] = dict(self.fields["grond"].choices)[gegevens["grond"]]  # type: ignore[attr-defined]
        return gegevens


class BeschikkingVoldaanForm(PortaalForm):
    titel = _("Beschikking voldaan inburgeringsplicht")
    datum_voldaan = forms.DateField(label=_("Datum voldaan"), widget=DATUM_WIDGET)
    wijze = forms.ChoiceField(
        label=_("Wijze van voldoen"),
        choices=[
            ("B1-route: examens behaald", _("B1-route: examens behaald")),
            ("Onderwijsroute: diploma of taaltoets", _("Onderwijsroute: diploma of taaltoets")),
            ("Z-route afgerond", _("Z-route afgerond")),
            ("Anders (zie kenmerk)", _("Anders (zie het besluit)")),
        ],
    )
    kenmerk = forms.CharField(label=_("Kenmerk beschikking"), max_length=40)

    def clean_datum_voldaan(self) -> date | None:
        return _niet_in_de_toekomst(self.cleaned_data.get("datum_voldaan"))


class VerlengingForm(PortaalForm):
    titel = _("Beoordeling aanvraag verlenging")
    datum_aanvraag = forms.DateField(label=_("Datum aanvraag"), widget=DATUM_WIDGET)
    advies = forms.ChoiceField(
        label=_("Advies gemeente"),
        choices=[("Verlengen", _("Verlengen")), ("Niet verlengen", _("Niet verlengen"))],
    )
    grond = forms.CharField(
        label=_("Verlengingsgrond"),
        max_length=120,
        help_text=_("Zoals DUO de grond noemt, bijvoorbeeld: ziekte of andere omstandigheden."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False, widget=forms.Textarea({"rows": 3})
    )

    def clean_datum_aanvraag(self) -> date | None:
        return _niet_in_de_toekomst(self.cleaned_data.get("datum_aanvraag"))


class InspanningForm(PortaalForm):
    titel = _("Inspanning inburgeraar bij instelling")
    instelling = forms.ModelChoiceField(
        label=_("Instelling"), queryset=Instelling.objects.none(), required=False
    )
    instellingsnummer = forms.RegexField(
        label=_("Instellingsnummer (DUO)"),
        regex=r"^[0-9A-Za-z]{10}$",
        required=False,
        error_messages={"invalid": _("Een instellingsnummer heeft precies 10 tekens.")},
    )
    van = forms.DateField(label=_("Periode van"), widget=DATUM_WIDGET)
    tot = forms.DateField(label=_("Periode tot en met"), widget=DATUM_WIDGET)
    uren = forms.IntegerField(label=_("Gevolgde uren"), min_value=0, max_value=9999)
    inspanning = forms.ChoiceField(
        label=_("Inspanning"),
        choices=[("voldoende", _("voldoende")), ("onvoldoende", _("onvoldoende"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if instellingen.lijst_bekend():
            del self.fields["instellingsnummer"]
            veld = self.fields["instelling"]
            veld.required = True
            veld.queryset = Instelling.objects.filter(in_lijst=True)  # type: ignore[attr-defined]
        else:
            del self.fields["instelling"]
            self.fields["instellingsnummer"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("Het einde van de periode ligt vóór het begin."))
        return data

    def gegevens(self) -> dict[str, Any]:
        data = self.cleaned_data
        instelling = data.get("instelling")
        return {
            "instelling": instelling.naam if instelling else None,
            "instellingsnummer": (
                instelling.instellingsnummer if instelling else data["instellingsnummer"]
            ),
            "periode": f"{data['van']:%d-%m-%Y} t/m {data['tot']:%d-%m-%Y}",
            "uren": data["uren"],
            "inspanning": data["inspanning"],
        }


PORTAALFORMULIEREN: dict[str, type[PortaalForm]] = {
    "boete_opgelegd": BoeteForm,
    "beschikking_voldaan": BeschikkingVoldaanForm,
    "verlenging_beoordeling": VerlengingForm,
    "inspanning_instelling": InspanningForm,
}


def portaalformulier(soort: str, data: Any = None, *, dossier: Dossier) -> PortaalForm:
    return PORTAALFORMULIEREN[soort](data, prefix=f"portaal-{soort}", dossier=dossier)
