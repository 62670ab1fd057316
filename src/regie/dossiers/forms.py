"""Forms: parse and validate input with Dutch messages; services do the writing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.accounts.models import Gebruiker
from regie.accounts.permissions import gemeenten_met_recht
from regie.core.models import Gemeente
from regie.dossiers.models import Doelgroep, Fase, Inburgeraar, Verblijf

DATUM_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
INBURGERINGSPLICHTIG_VERBLIJF = [
    (Verblijf.ASIEL_BEPAALDE_TIJD.value, Verblijf.ASIEL_BEPAALDE_TIJD.label),
    (Verblijf.NAREIZIGER_REGULIER.value, Verblijf.NAREIZIGER_REGULIER.label),
    (Verblijf.REGULIER_GEZIN.value, Verblijf.REGULIER_GEZIN.label),
    (Verblijf.REGULIER_OVERIG.value, Verblijf.REGULIER_OVERIG.label),
]


def klantregisseurs_voor(gemeente_ids: frozenset[int]) -> Any:
    return (
        Gebruiker.objects.filter(
            is_active=True,
            lidmaatschappen__gemeente_id__in=gemeente_ids,
            lidmaatschappen__rol__code="klantregisseur",
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


class TalenField(forms.CharField):
    """Languages as a comma-separated line in the form, a list in the model."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value)
        return [part.strip() for part in text.split(",") if part.strip()]


class PersoonForm(forms.ModelForm):
    # Longer than the model's 3 characters so a country name gets the helpful message below.
    nationaliteit = forms.CharField(
        label=_("Nationaliteit"),
        required=False,
        max_length=60,
        help_text=_("Landcode van drie letters (ISO 3166-1), bijvoorbeeld SYR of ERI."),
    )
    talen = TalenField(
        label=_("Gesproken talen"),
        required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: Arabisch, Tigrinya"),
    )

    class Meta:
        model = Inburgeraar
        fields = [
            "bsn",
            "v_nummer",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "nationaliteit",
            "talen",
            "geletterdheid",
            "telefoon",
            "email",
            "adres",
            "postcode",
            "woonplaats",
        ]
        widgets = {"geboortedatum": DATUM_WIDGET}

    def clean_geboortedatum(self) -> date:
        value = self.cleaned_data["geboortedatum"]
        vandaag = timezone.localdate()
        if value > vandaag:
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        if value.year < vandaag.year - 120:
            raise forms.ValidationError(_("Deze geboortedatum is niet mogelijk."))
        return value

    def clean_nationaliteit(self) -> str:
        value = self.cleaned_data["nationaliteit"].strip().upper()
        if value and (len(value) != 3 or not value.isalpha()):
            raise forms.ValidationError(
                _("Gebruik de landcode van drie letters (ISO 3166-1), bijvoorbeeld SYR.")
            )
        return value

    def clean_v_nummer(self) -> str | None:
        return self.cleaned_data["v_nummer"] or None


class DossierAanmakenForm(forms.Form):
    regie_gemeente = forms.ModelChoiceField(
        queryset=Gemeente.objects.none(),
        label=_("Regiegemeente"),
        error_messages={"invalid_choice": _("Kies een gemeente waarvoor u dossiers mag aanmaken.")},
    )
    verblijf = forms.ChoiceField(label=_("Verblijf"), choices=INBURGERINGSPLICHTIG_VERBLIJF)
    verblijfsrecht_datum = forms.DateField(
        label=_("Verblijfsrecht bekendgemaakt op"),
        widget=DATUM_WIDGET,
        help_text=_("De datum waarop de IND het verblijfsrecht bekendmaakte."),
    )
    klantregisseur = forms.ModelChoiceField(
        queryset=Gebruiker.objects.none(), required=False, label=_("Klantregisseur")
    )
    koppeling_datum = forms.DateField(
        label=_("Datum koppeling"), required=False, widget=DATUM_WIDGET
    )
    coa_locatie = forms.CharField(label=_("COA-locatie"), required=False, max_length=100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        gemeenten = gemeenten_met_recht(user, "dossiers.add_dossier")
        self.fields["regie_gemeente"].queryset = Gemeente.objects.filter(pk__in=gemeenten)
        self.fields["klantregisseur"].queryset = klantregisseurs_voor(gemeenten)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        vandaag = timezone.localdate()
        bekend = data.get("verblijfsrecht_datum")
        koppeling = data.get("koppeling_datum")
        if bekend and bekend > vandaag:
            self.add_error("verblijfsrecht_datum", _("Deze datum ligt in de toekomst."))
        if koppeling and koppeling > vandaag:
            self.add_error("koppeling_datum", _("Deze datum ligt in de toekomst."))
        if koppeling and data.get("verblijf") not in (
            Verblijf.ASIEL_BEPAALDE_TIJD,
            Verblijf.NAREIZIGER_REGULIER,
        ):
            self.add_error(
                "koppeling_datum", _("Alleen asielstatushouders worden door het COA gekoppeld.")
            )
        if bekend and koppeling and koppeling < bekend:
            self.add_error(
                "koppeling_datum",
                _("De koppeling kan niet vóór de bekendmaking van het verblijfsrecht liggen."),
            )
        regisseur = data.get("klantregisseur")
        gemeente = data.get("regie_gemeente")
        if (
            regisseur
            and gemeente
            and not regisseur.lidmaatschappen.filter(
                gemeente=gemeente, rol__code="klantregisseur"
            ).exists()
        ):
            self.add_error(
                "klantregisseur", _("Deze klantregisseur werkt niet voor de gekozen gemeente.")
            )
        return data


class DossierBewerkenForm(PersoonForm):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    klantregisseur = forms.ModelChoiceField(
        queryset=Gebruiker.objects.none(), required=False, label=_("Klantregisseur")
    )
    coa_locatie = forms.CharField(label=_("COA-locatie"), required=False, max_length=100)

    class Meta(PersoonForm.Meta):
        fields = [f for f in PersoonForm.Meta.fields if f != "bsn"]

    def __init__(self, *args: Any, dossier: Any, mag_toewijzen: bool, **kwargs: Any) -> None:
        super().__init__(*args, instance=dossier.inburgeraar, **kwargs)
        self.fields["klantregisseur"].queryset = klantregisseurs_voor(
            frozenset({dossier.regie_gemeente_id})
        )
        if not mag_toewijzen:
            self.fields["klantregisseur"].disabled = True
        self.initial.setdefault("klantregisseur", dossier.klantregisseur_id)
        self.initial.setdefault("coa_locatie", dossier.coa_locatie)
        self.initial.setdefault("versie", dossier.versie)


class FaseForm(forms.Form):
    naar = forms.ChoiceField(choices=Fase.choices)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class CaseloadFilterForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        queryset=Gemeente.objects.none(),
        required=False,
        label=_("Gemeente"),
        empty_label=_("Alle gemeenten"),
        to_field_name="cbs_code",
    )
    fase = forms.ChoiceField(
        choices=[("", _("Alle fasen")), *Fase.choices], required=False, label=_("Fase")
    )
    doelgroep = forms.ChoiceField(
        choices=[("", _("Alle doelgroepen")), *Doelgroep.choices],
        required=False,
        label=_("Doelgroep"),
    )
    klantregisseur = forms.ModelChoiceField(
        queryset=Gebruiker.objects.none(),
        required=False,
        label=_("Klantregisseur"),
        empty_label=_("Iedereen"),
    )
    termijn = forms.ChoiceField(
        choices=[
            ("", _("Alle termijnen")),
            ("pip_14", _("PIP-termijn verloopt binnen 14 dagen")),
            ("pip_verlopen", _("PIP-termijn verlopen")),
        ],
        required=False,
        label=_("Termijn"),
    )
    sortering = forms.ChoiceField(
        choices=[
            ("nieuwste", _("Nieuwste eerst")),
            ("oudste", _("Oudste eerst")),
            ("naam", _("Naam")),
            ("nummer", _("Dossiernummer")),
            ("fase", _("Fase")),
        ],
        required=False,
        label=_("Sorteren op"),
    )

    def __init__(self, *args: Any, gemeente_ids: frozenset[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.filter(pk__in=gemeente_ids)
        self.fields["klantregisseur"].queryset = klantregisseurs_voor(gemeente_ids)


class ZoekForm(forms.Form):
    zoekterm = forms.CharField(
        label=_("Zoek op naam, BSN, V-nummer of dossiernummer"), max_length=100, min_length=2
    )
