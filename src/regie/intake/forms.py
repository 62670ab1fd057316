"""Forms of the brede intake: parse and validate input with Dutch messages; services write.

Every form carries the version it was loaded with (``versie``; 0 before the intake or the
health record existed). Fields are optional while the intake is a draft; what completion needs
is checked by ``volledigheid``, not here. The model forms are bound to ``initial`` values, never
to the stored instance: the service compares and applies the changes itself.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.dossiers.forms import DATUM_WIDGET, TalenField
from regie.intake import advies as advies_regels
from regie.intake.keuzes import (
    Alfabetisering,
    DiplomaWaardering,
    LbtRedenOverslaan,
    LbtResultaat,
    Leerroute,
    Niveau,
)
from regie.intake.models import BredeIntake, Gezondheid, Leerbaarheidstoets
from regie.intake.models import PositieveGezondheidScore as Meting
from regie.intake.secties import PER_CODE
from regie.intake.services import GEZONDHEID_VELDEN, LBT_VELDEN

_KLASSEN = {
    "select": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
}
_TEKSTVAK = "utrecht-textbox utrecht-textbox--html-input"
LEGE_KEUZE = _("— nog niet ingevuld —")


def _nl_design(form: forms.BaseForm) -> None:
    """NL Design System classes on every widget (the widgets render the ``class`` attribute),
    and a Dutch empty choice instead of Django's dashes."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(field, forms.ChoiceField) and not isinstance(
            field, forms.MultipleChoiceField
        ):
            keuzes = list(field.choices)
            if keuzes and keuzes[0][0] == "":
                field.choices = [("", LEGE_KEUZE), *keuzes[1:]]
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.Select):
            soort = "select"
        elif isinstance(widget, forms.Textarea):
            soort = "textarea"
            if widget.attrs.get("rows") == "10":  # Django's default: too tall for these forms
                widget.attrs["rows"] = 4
        elif isinstance(widget, forms.CheckboxInput):
            soort = "checkbox"
        else:
            soort = ""
        widget.attrs["class"] = _KLASSEN.get(soort, _TEKSTVAK)


class VersieForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def _niet_in_de_toekomst(form: forms.BaseForm, veld: str) -> None:
    waarde = form.cleaned_data.get(veld)
    if waarde and waarde > timezone.localdate():
        form.add_error(veld, _("Deze datum ligt in de toekomst."))


# --- Sections --------------------------------------------------------------------------------


class SectieForm(forms.ModelForm):
    """Base of the section forms; ``sectie_form(code)`` makes one per section."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    # Set by ``sectie_form``: the fields completing the intake needs.
    vereist: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _nl_design(self)
        for naam in self.vereist:
            self.fields[naam].nodig_voor_afronden = True  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "diploma_gewaardeerd" in self.fields:
            gewaardeerd = data.get("diploma_gewaardeerd")
            niveau = data.get("diploma_waardering_niveau")
            if gewaardeerd == DiplomaWaardering.JA and not niveau:
                self.add_error(
                    "diploma_waardering_niveau",
                    _("Vul in op welk niveau het diploma is gewaardeerd."),
                )
            if niveau and gewaardeerd != DiplomaWaardering.JA:
                self.add_error(
                    "diploma_waardering_niveau",
                    _(
                        "Een niveau hoort alleen bij een gewaardeerd diploma. Kies bij "
                        "'diploma gewaardeerd' voor 'Ja, gewaardeerd'."
                    ),
                )
        return data

    def gegevens(self) -> dict[str, Any]:
        return {veld: self.cleaned_data[veld] for veld in self._meta.fields}


_SECTIE_VELDEN: dict[str, forms.Field] = {
    "gesproken_talen": TalenField(
        label=_("Gesproken talen"),
        required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: Arabisch, Koerdisch, Engels"),
    ),
    # The person's own words are stored exactly as typed: no stripping, no rewriting.
    "eigen_doelen": forms.CharField(
        label=_("Eigen doelen, in eigen woorden"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Schrijf op wat de persoon zelf zegt, zo letterlijk mogelijk."),
    ),
}
_SECTIE_WIDGETS: dict[str, forms.Widget] = {"woning_verwacht_op": DATUM_WIDGET}
_FORMS: dict[str, type[SectieForm]] = {}


def sectie_form(code: str) -> type[SectieForm]:
    """The form class for one section, built once from the section's field list."""
    if code not in _FORMS:
        velden = PER_CODE[code].velden
        attrs: dict[str, Any] = {
            naam: veld for naam, veld in _SECTIE_VELDEN.items() if naam in velden
        }
        attrs["vereist"] = PER_CODE[code].vereist
        attrs["Meta"] = type(
            "Meta",
            (),
            {
                "model": BredeIntake,
                "fields": velden,
                "widgets": {n: w for n, w in _SECTIE_WIDGETS.items() if n in velden},
            },
        )
        _FORMS[code] = type(f"{code.title().replace('_', '')}Form", (SectieForm,), attrs)
    return _FORMS[code]


# --- Leerbaarheidstoets ----------------------------------------------------------------------


class LbtForm(forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Leerbaarheidstoets
        fields = LBT_VELDEN
        widgets = {"aangemeld_op": DATUM_WIDGET, "afgenomen_op": DATUM_WIDGET}
        help_texts = {
            "resultaat": _(
                "Laat leeg als u de score en de vereiste score invult: Regie leidt "
                "het resultaat daaruit af."
            ),
            "toelichting": _("Verplicht als de reden 'andere reden' is."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _nl_design(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _niet_in_de_toekomst(self, "afgenomen_op")
        _niet_in_de_toekomst(self, "aangemeld_op")
        aangemeld, afgenomen = data.get("aangemeld_op"), data.get("afgenomen_op")
        if aangemeld and afgenomen and afgenomen < aangemeld:
            self.add_error(
                "afgenomen_op", _("De toets kan niet vóór de aanmelding zijn afgenomen.")
            )
        score, vereist, resultaat = (
            data.get("score"),
            data.get("vereiste_score"),
            data.get("resultaat"),
        )
        if data.get("overgeslagen"):
            if not data.get("reden_overslaan"):
                self.add_error("reden_overslaan", _("Kies waarom de toets is overgeslagen."))
            elif (
                data["reden_overslaan"] == LbtRedenOverslaan.ANDERS
                and not (data.get("toelichting") or "").strip()
            ):
                self.add_error("toelichting", _("Licht toe waarom de toets is overgeslagen."))
            if afgenomen or score is not None or vereist is not None or resultaat:
                self.add_error(
                    "overgeslagen",
                    _("De toets is overgeslagen: vul dan geen afnamedatum, score of resultaat in."),
                )
            return data
        if data.get("reden_overslaan"):
            self.add_error(
                "reden_overslaan", _("Een reden hoort alleen bij een overgeslagen toets.")
            )
        if (score is None) != (vereist is None):
            veld = "vereiste_score" if vereist is None else "score"
            self.add_error(veld, _("Vul de score en de vereiste score allebei in."))
        if score is not None and vereist is not None and resultaat:
            verwacht = LbtResultaat.VOLDOENDE if score >= vereist else LbtResultaat.ONVOLDOENDE
            if resultaat != verwacht:
                self.add_error(
                    "resultaat", _("Het resultaat past niet bij de score en de vereiste score.")
                )
        if (resultaat or score is not None) and not afgenomen:
            self.add_error("afgenomen_op", _("Vul in wanneer de toets is afgenomen."))
        return data

    def gegevens(self) -> dict[str, Any]:
        return {veld: self.cleaned_data[veld] for veld in LBT_VELDEN}

    @property
    def afname_velden(self) -> list[Any]:
        return [
            self[v]
            for v in ("aangemeld_op", "afgenomen_op", "score", "vereiste_score", "resultaat")
        ]

    @property
    def overslaan_velden(self) -> list[Any]:
        return [self[v] for v in ("overgeslagen", "reden_overslaan", "toelichting")]


# --- Gezondheid ------------------------------------------------------------------------------


class GezondheidForm(forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Gezondheid
        fields = GEZONDHEID_VELDEN

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _nl_design(self)

    def gegevens(self) -> dict[str, Any]:
        return {veld: self.cleaned_data[veld] for veld in GEZONDHEID_VELDEN}


# --- Positieve gezondheid --------------------------------------------------------------------


class MetingForm(forms.Form):
    datum = forms.DateField(label=_("Datum van het gesprek"), widget=DATUM_WIDGET)
    toelichting = forms.CharField(
        label=_("Toelichting, in eigen woorden"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, label in Meting.DIMENSIES:
            self.fields[code] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=10,
                help_text=_(
                    "0 (slecht) tot en met 10 (uitstekend), zoals de persoon het zelf ziet"
                ),
                error_messages={
                    "required": _("Vul een score van 0 tot en met 10 in."),
                    "min_value": _("De score is minstens 0."),
                    "max_value": _("De score is hoogstens 10."),
                    "invalid": _("Vul een heel getal van 0 tot en met 10 in."),
                },
            )
        # Date first, then the six dimensions, then the explanation.
        volgorde = ["datum", *(code for code, _label in Meting.DIMENSIES), "toelichting"]
        self.order_fields(volgorde)
        self.initial.setdefault("datum", timezone.localdate())
        _nl_design(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _niet_in_de_toekomst(self, "datum")
        return data

    def scores(self) -> dict[str, int]:
        return {code: self.cleaned_data[code] for code, _label in Meting.DIMENSIES}


# --- Route decision --------------------------------------------------------------------------


_NIVEAU_FOUT = {
    Leerroute.B1_ROUTE: _(
        "Bij de B1-route is het niveau in het eerste PIP B1; afschalen naar A2 kan pas later."
    ),
    Leerroute.ONDERWIJSROUTE: _("Bij de onderwijsroute is het niveau B1 of B2, nooit A2 of A1."),
    Leerroute.Z_ROUTE: _("Bij de Z-route is het niveau A1."),
}


class DualeOptiesField(forms.CharField):
    """One option per line in the form, a list in the model."""

    widget = forms.Textarea

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return [regel.strip() for regel in text.splitlines() if regel.strip()]


class RoutebesluitForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    leerroute = forms.ChoiceField(label=_("Leerroute"), choices=Leerroute.choices)
    niveau = forms.ChoiceField(label=_("Niveau"), choices=Niveau.choices)
    alfabetisering = forms.ChoiceField(label=_("Alfabetisering"), choices=Alfabetisering.choices)
    duale_opties = DualeOptiesField(
        label=_("Duale opties"),
        required=False,
        help_text=_("Eén per regel: werk, vrijwilligerswerk of participatie naast het leren."),
    )
    motivatie_afwijking = forms.CharField(
        label=_("Motivatie bij afwijken van het advies"),
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "Verplicht als u een andere leerroute, ander niveau of andere "
            "alfabetisering kiest dan het advies."
        ),
    )

    def __init__(self, *args: Any, advies: advies_regels.Advies, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.advies = advies
        _nl_design(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        leerroute, niveau = data.get("leerroute"), data.get("niveau")
        if leerroute and niveau and niveau not in advies_regels.TOEGESTANE_NIVEAUS[leerroute]:
            self.add_error("niveau", _NIVEAU_FOUT[leerroute])
        alfabetisering = data.get("alfabetisering")
        if (
            leerroute
            and niveau
            and alfabetisering
            and advies_regels.wijkt_af(
                self.advies, leerroute=leerroute, niveau=niveau, alfabetisering=alfabetisering
            )
            and not (data.get("motivatie_afwijking") or "").strip()
        ):
            self.add_error(
                "motivatie_afwijking",
                _("U wijkt af van het advies. Licht toe waarom deze keuze beter past."),
            )
        return data
