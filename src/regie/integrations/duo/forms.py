"""The case manager's recordings that go to DUO (``leveringen.vastleggen``), one small form
each, shown in the DUO part of the dossier page. Dutch labels; the service does the writing."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente
from regie.dossiers.models import Dossier
from regie.intake.keuzes import Alfabetisering
from regie.integrations.duo import contactpersonen, instellingen
from regie.integrations.duo.models import Contactpersoon, Instelling

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

    @property
    def tonen(self) -> bool:
        """Whether the dossier page offers this form now (a bound form is always shown)."""
        return True


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


class InstellingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        keurmerken = [
            naam for naam, heeft in (("BoW", obj.bow_keurmerk), ("TST", obj.tst_keurmerk)) if heeft
        ]
        return f"{obj.naam}, {obj.plaatsnaam} ({obj.instellingsnummer}; {'/'.join(keurmerken)})"


class AanbodForm(VastleggingForm):
    """The course offer. With DUO's list of recognised institutions in Regie the institution is
    chosen from it (and the list says whether it counts); without it, the number is typed and
    the keurmerk ticked by hand."""

    instelling = InstellingKeuze(
        label=_("Instelling"),
        queryset=Instelling.objects.none(),
        help_text=_(
            "Uit de lijst van DUO: instellingen met het keurmerk van Blik op Werk of "
            "een erkend taalschakeltraject (TST)."
        ),
    )
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
        # The intake's list, "niet van toepassing" first (the usual answer).
        choices=sorted(Alfabetisering.choices, key=lambda keuze: keuze[0] != Alfabetisering.NVT),
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if instellingen.lijst_bekend():
            del self.fields["instellingsnummer"], self.fields["keurmerk"]
            self.fields["instelling"].queryset = Instelling.objects.filter(  # type: ignore[attr-defined]
                in_lijst=True
            )
        else:
            del self.fields["instelling"]
            self.fields["instellingsnummer"].help_text = _(
                "De lijst van erkende instellingen is nog niet bij DUO opgehaald; typ het "
                "nummer over."
            )

    def gegevens(self) -> dict[str, Any]:
        gegevens = super().gegevens()
        instelling = gegevens.pop("instelling", None)
        if instelling is not None:
            gegevens["instellingsnummer"] = instelling.instellingsnummer
            gegevens["keurmerk"] = instelling.bow_keurmerk or instelling.tst_keurmerk
        return gegevens

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


class ContactpersoonKoppelenForm(VastleggingForm):
    contactpersoon = forms.ModelChoiceField(
        label=_("Contactpersoon"),
        queryset=Contactpersoon.objects.none(),
        empty_label=None,
        help_text=_(
            "DUO en de ketenpartners kunnen deze persoon benaderen met vragen over de "
            "inburgeraar. Een eerder gekoppelde contactpersoon wordt vervangen."
        ),
    )

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keuzes = contactpersonen.keuzes(dossier)
        self.fields["contactpersoon"].queryset = self.keuzes  # type: ignore[attr-defined]

    @property
    def tonen(self) -> bool:
        return self.is_bound or self.keuzes.exists()

    def gegevens(self) -> dict[str, Any]:
        return {"contactpersoon_id": self.cleaned_data["contactpersoon"].duo_id}


class ContactpersoonOntkoppelenForm(VastleggingForm):
    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.huidig = contactpersonen.gekoppeld(dossier)

    @property
    def tonen(self) -> bool:
        return self.is_bound or self.huidig is not None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.huidig is None:
            raise forms.ValidationError(_("Er is geen contactpersoon gekoppeld."))
        return data

    def gegevens(self) -> dict[str, Any]:
        assert self.huidig is not None
        return {"contactpersoon_id": self.huidig.duo_id}


FORMULIEREN: dict[str, type[VastleggingForm]] = {
    "map": MapForm,
    "pvt": PvtForm,
    "zroute": ZrouteForm,
    "uren": UrenForm,
    "aanbod": AanbodForm,
    "verwijtbaar": VerwijtbaarForm,
    "pip_verwijderen": PipVerwijderenForm,
    "contactpersoon_koppelen": ContactpersoonKoppelenForm,
    "contactpersoon_ontkoppelen": ContactpersoonOntkoppelenForm,
}
# Forms that offer choices from the dossier (its municipality's contact persons).
MET_DOSSIER = ("contactpersoon_koppelen", "contactpersoon_ontkoppelen")


def formulier(soort: str, data: Any = None, *, dossier: Dossier) -> VastleggingForm:
    """The form of one kind for this dossier, prefixed so several can share the page."""
    extra = {"dossier": dossier} if soort in MET_DOSSIER else {}
    return FORMULIEREN[soort](data, prefix=soort, initial={"versie": dossier.versie}, **extra)


# --- The register of contact persons ----------------------------------------------------------
# DUO's own patterns (Contactpersoon API 1.0.0): a name of letters, spaces, apostrophes, dots and
# dashes; a phone number of 3-16 digits, optionally with +, spaces, dashes or (0).
_NAAM = re.compile(r"^[\s'\u2018.\w\-\u2010-\u2015]{1,100}$")
_TELEFOON = re.compile(r"^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$")


class ContactpersoonForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Gemeente.objects.none(), empty_label=_("Kies een gemeente")
    )
    naam = forms.CharField(label=_("Naam"), max_length=100)
    email = forms.EmailField(label=_("E-mailadres"), min_length=4, max_length=241)
    telefoonnummer = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=22,
        help_text=_("Bijvoorbeeld 0495 575 000 of +31 495 575 000."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, gemeenten: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gemeente"]
        veld.queryset = gemeenten  # type: ignore[attr-defined]
        eigen = list(gemeenten[:2])
        self.meer_gemeenten = len(eigen) > 1
        self.enige = eigen[0] if len(eigen) == 1 else None
        if self.enige is not None:  # one municipality: nothing to choose
            veld.required = False
            veld.widget = forms.HiddenInput()

    def clean_gemeente(self) -> Gemeente:
        gemeente = self.cleaned_data.get("gemeente") or self.enige
        if gemeente is None:
            raise forms.ValidationError(_("Kies de gemeente."))
        return gemeente

    def clean_naam(self) -> str:
        naam = self.cleaned_data["naam"].strip()
        if not _NAAM.match(naam) or any(teken.isdigit() or teken == "_" for teken in naam):
            raise forms.ValidationError(
                _("Een naam bestaat uit letters, spaties, punten, apostroffen en streepjes.")
            )
        return naam

    def clean_telefoonnummer(self) -> str:
        nummer = self.cleaned_data["telefoonnummer"].strip()
        if not _TELEFOON.match(nummer):
            raise forms.ValidationError(
                _("Geen geldig telefoonnummer: gebruik cijfers, eventueel met + en spaties.")
            )
        return nummer
