"""Route advice from the intake's facts: leerroute, niveau, alfabetisering and dual options.

A pure function (no database, no clock): ``route_advies(feiten)`` with ``AdviesFeiten`` built by
``regie.intake.selectors.advies_feiten``. Each part of the advice names the rule it followed
(``AdviesRegel``: a name, a short description, and whether it is **law** or a **policy choice**
of the municipalities) and the reasons in Dutch sentences. The case manager decides; deviating
needs a motivation (``forms.RoutebesluitForm``).

The rules are tables evaluated top to bottom; the first rule that applies gives the value.
Health data is never an input, so the advice can be shown to everyone who may see the intake.
Sources: ``shared/domain/law.md`` §5 (R5.1, R5.8, R5.9, R5.11, R5.12, R5.15) and R4.5 (DUO's
level/route rules); the dual options follow subgoal 4 (dualiteit) of the policy framework.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from regie.intake.keuzes import (
    OPLEIDING_RANG,
    TAALNIVEAU_RANG,
    Alfabetisering,
    Geletterdheid,
    HoogsteOpleiding,
    LbtRedenOverslaan,
    LbtResultaat,
    Leerroute,
    Niveau,
    Studiewens,
)

# Policy choices, in one place so they are easy to find and to change (the rule texts below
# repeat the numbers for the translation catalogue; a test keeps them equal).
ONDERWIJSROUTE_LEEFTIJD_TOT = 28  # law.md R5.9: no statutory age limit; MvT "vooral jongeren"
DUAAL_WERKERVARING_JAREN = 2


class Grond(StrEnum):
    WET = "wet"  # follows from the law or DUO's registration rules
    BELEID = "beleid"  # a policy choice of the municipalities; may be changed


GROND_LABELS = {Grond.WET: "wet", Grond.BELEID: "beleidskeuze"}


@dataclass(frozen=True)
class AdviesRegel:
    code: str
    naam: str
    omschrijving: str
    grond: Grond
    bron: str


def _regel(code: str, naam: str, omschrijving: str, grond: Grond, bron: str) -> AdviesRegel:
    # Names and descriptions are marked for the catalogue (the name through ``makemessages``'
    # keyword for this helper, core/management/commands/makemessages.py; the description with
    # gettext_noop at each rule) and translated where shown.
    return AdviesRegel(code, gettext_noop(naam), omschrijving, grond, bron)


W, B = Grond.WET, Grond.BELEID

REGELS: dict[str, AdviesRegel] = {
    r.code: r
    for r in (
        # Leerroute
        _regel(
            "route_lbt_onvoldoende",
            "LBT-score onder vereiste score → Z-route",
            gettext_noop(
                "Wie de vereiste score van de leerbaarheidstoets niet haalt, krijgt de Z-route: "
                "de B1-route en de onderwijsroute zijn dan niet haalbaar."
            ),
            W,
            "Besluit inburgering 2021 art. 3.14; law.md R3.3, R5.11",
        ),
        _regel(
            "route_geen_lbt_analfabeet",
            "Geen LBT-uitslag, niet gealfabetiseerd en hooguit basisonderwijs → Z-route",
            gettext_noop(
                "Zonder toetsuitslag wijzen niet gealfabetiseerd zijn en weinig onderwijs samen op "
                "de Z-route."
            ),
            B,
            "Beleidskader (maatwerk, subdoel 3); law.md R5.11",
        ),
        _regel(
            "route_onderwijs_jong",
            "Jonger dan 28 met opleidingsperspectief → onderwijsroute",
            gettext_noop(
                "Jongeren die verder willen leren en minstens voortgezet onderwijs volgden, "
                "bereiden zich via een taalschakeltraject voor op het mbo, hbo of wo. De wet kent "
                "geen leeftijdsgrens; de grens van 28 jaar is een keuze."
            ),
            B,
            "Wet inburgering 2021 art. 7; law.md R5.8, R5.9",
        ),
        _regel(
            "route_b1_standaard",
            "Anders → B1-route",
            gettext_noop("De B1-route is de standaardroute van de wet."),
            W,
            "Wet inburgering 2021 art. 7; law.md R5.1",
        ),
        # Niveau
        _regel(
            "niveau_z_a1",
            "Z-route → A1",
            gettext_noop(
                "De Z-route werkt naar taalniveau A1; B1 mag DUO niet met de Z-route registreren."
            ),
            W,
            "Besluit inburgering 2021 art. 3.14; DUO PIP-API (SDI014); law.md R4.5, R5.11",
        ),
        _regel(
            "niveau_onderwijs_b2",
            "Onderwijsroute met wens hbo/wo of al B1 → B2",
            gettext_noop("Voor hbo of wo, of wie al B1 beheerst, is B2 het passende doel."),
            B,
            "law.md R5.8 (onderwijsroute: B1 of hoger)",
        ),
        _regel(
            "niveau_onderwijs_b1",
            "Onderwijsroute → B1",
            gettext_noop("De onderwijsroute werkt naar minstens B1; A2 is nooit toegestaan."),
            W,
            "DUO PIP-API (SDI014); law.md R4.5, R5.8",
        ),
        _regel(
            "niveau_b1_route",
            "B1-route → B1",
            gettext_noop(
                "Het eerste PIP in de B1-route heeft niveau B1; afschalen naar A2 kan pas later."
            ),
            W,
            "Besluit inburgering 2021 art. 5.5; DUO PIP-API (SDI014); law.md R4.5, R5.6",
        ),
        # Alfabetisering
        _regel(
            "alfa_a",
            "Niet gealfabetiseerd → A",
            gettext_noop("Wie niet kan lezen en schrijven, krijgt alfabetiseringsonderwijs (A)."),
            W,
            "DUO Alfabetiseringsonderwijs; law.md R5.15",
        ),
        _regel(
            "alfa_aa",
            "Gealfabetiseerd in een ander schrift → AA",
            gettext_noop(
                "Wie in een ander schrift leerde lezen en schrijven, leert het Latijnse schrift "
                "(AA)."
            ),
            W,
            "DUO Alfabetiseringsonderwijs; law.md R5.15",
        ),
        _regel(
            "alfa_nvt",
            "Gealfabetiseerd in het Latijnse schrift → NVT",
            gettext_noop("Geen alfabetiseringsonderwijs nodig."),
            W,
            "DUO Alfabetiseringsonderwijs; law.md R5.15",
        ),
        _regel(
            "alfa_onbekend",
            "Geletterdheid onbekend → nog geen advies",
            gettext_noop(
                "Stel eerst vast of de persoon kan lezen en schrijven, en in welk schrift."
            ),
            B,
            "law.md R5.15",
        ),
        # Duale opties
        _regel(
            "duaal_z_participatie",
            "Z-route voor asielstatushouders → 800 uur participatie",
            gettext_noop(
                "De Z-route van een asielstatushouder bestaat uit 800 uur lessen en 800 uur "
                "participatie."
            ),
            W,
            "Besluit inburgering 2021 art. 3.14; law.md R5.12",
        ),
        _regel(
            "duaal_werk",
            "Minstens 2 jaar werkervaring → taal combineren met werk",
            gettext_noop(
                "Wie werkervaring heeft, leert de taal naast werk of een werkervaringsplek in het "
                "eigen vak."
            ),
            B,
            "Beleidskader, subdoel 4 (dualiteit)",
        ),
        _regel(
            "duaal_onderwijs",
            "Onderwijsroute → bijbaan of vrijwilligerswerk",
            gettext_noop("Het taalschakeltraject gaat samen met een bijbaan of vrijwilligerswerk."),
            B,
            "Beleidskader, subdoel 4 (dualiteit)",
        ),
        _regel(
            "duaal_participatie",
            "Weinig werkervaring → vrijwilligerswerk of participatieplek",
            gettext_noop(
                "Naast de taallessen meedoen via vrijwilligerswerk of een participatieplek."
            ),
            B,
            "Beleidskader, subdoel 4 (dualiteit)",
        ),
    )
}


@dataclass(frozen=True)
class AdviesFeiten:
    """What the advice looks at. Built from the intake by ``selectors.advies_feiten``."""

    leeftijd: int | None = None
    lbt_resultaat: str | None = None  # LbtResultaat, or None when not taken
    lbt_score: int | None = None
    lbt_vereiste_score: int | None = None
    lbt_overgeslagen: bool = False
    lbt_reden_overslaan: str = ""
    hoogste_opleiding: str = ""  # HoogsteOpleiding, "" when unknown
    studiewens: str = ""  # Studiewens
    geletterdheid: str = Geletterdheid.ONBEKEND
    taalniveaus: tuple[str, ...] = ()  # the known levels of lezen/luisteren/schrijven/spreken
    jaren_werkervaring: int | None = None
    asielstatushouder: bool = True

    @property
    def lbt_uitslag(self) -> str | None:
        """The result, derived from the scores when DUO's result was not entered."""
        if self.lbt_resultaat:
            return self.lbt_resultaat
        if self.lbt_score is not None and self.lbt_vereiste_score is not None:
            return (
                LbtResultaat.VOLDOENDE
                if self.lbt_score >= self.lbt_vereiste_score
                else LbtResultaat.ONVOLDOENDE
            )
        return None

    @property
    def opleiding_rang(self) -> int | None:
        return OPLEIDING_RANG.get(self.hoogste_opleiding) if self.hoogste_opleiding else None

    @property
    def al_b1(self) -> bool:
        return len(self.taalniveaus) == 4 and all(
            TAALNIVEAU_RANG.get(n, 0) >= TAALNIVEAU_RANG["B1"] for n in self.taalniveaus
        )


@dataclass(frozen=True)
class Keuze:
    waarde: str | None
    regel: AdviesRegel
    redenen: tuple[str, ...]


@dataclass(frozen=True)
class Advies:
    leerroute: Keuze
    niveau: Keuze
    alfabetisering: Keuze
    duale_opties: tuple[Keuze, ...] = ()
    ontbrekend: tuple[str, ...] = field(default=())  # facts still unknown: a provisional advice

    @property
    def voorlopig(self) -> bool:
        return bool(self.ontbrekend)

    def als_json(self) -> dict[str, Any]:
        return asdict(self)


# --- The tables ------------------------------------------------------------------------------


def _opleidingsperspectief(f: AdviesFeiten) -> bool:
    return (
        f.studiewens in (Studiewens.MBO, Studiewens.HBO, Studiewens.WO)
        and f.opleiding_rang is not None
        and f.opleiding_rang >= OPLEIDING_RANG[HoogsteOpleiding.VOORTGEZET_ONDERBOUW]
    )


def _geen_lbt_analfabeet(f: AdviesFeiten) -> bool:
    return (
        f.lbt_uitslag is None
        and f.geletterdheid == Geletterdheid.ANALFABEET
        and f.opleiding_rang is not None
        and f.opleiding_rang <= OPLEIDING_RANG[HoogsteOpleiding.BASIS]
    )


def _onderwijs_jong(f: AdviesFeiten) -> bool:
    return (
        f.leeftijd is not None
        and f.leeftijd < ONDERWIJSROUTE_LEEFTIJD_TOT
        and f.lbt_uitslag != LbtResultaat.ONVOLDOENDE
        and _opleidingsperspectief(f)
    )


RegelTabel = tuple[tuple[str, Callable[[AdviesFeiten], bool], str | None], ...]

ROUTE_TABEL: RegelTabel = (
    (
        "route_lbt_onvoldoende",
        lambda f: f.lbt_uitslag == LbtResultaat.ONVOLDOENDE,
        Leerroute.Z_ROUTE,
    ),
    ("route_geen_lbt_analfabeet", _geen_lbt_analfabeet, Leerroute.Z_ROUTE),
    ("route_onderwijs_jong", _onderwijs_jong, Leerroute.ONDERWIJSROUTE),
    ("route_b1_standaard", lambda f: True, Leerroute.B1_ROUTE),
)

ALFABETISERING_TABEL: RegelTabel = (
    ("alfa_a", lambda f: f.geletterdheid == Geletterdheid.ANALFABEET, Alfabetisering.A),
    (
        "alfa_aa",
        lambda f: f.geletterdheid == Geletterdheid.ANDERS_GEALFABETISEERD,
        Alfabetisering.AA,
    ),
    ("alfa_nvt", lambda f: f.geletterdheid == Geletterdheid.GEALFABETISEERD, Alfabetisering.NVT),
    ("alfa_onbekend", lambda f: True, None),
)

# Levels a route allows in the intake's (first) PIP: law.md R4.5, R5.6, R5.8, R5.11.
TOEGESTANE_NIVEAUS: dict[str, tuple[str, ...]] = {
    Leerroute.B1_ROUTE: (Niveau.B1,),
    Leerroute.ONDERWIJSROUTE: (Niveau.B1, Niveau.B2),
    Leerroute.Z_ROUTE: (Niveau.A1,),
}


def _eerste(tabel: RegelTabel, f: AdviesFeiten) -> tuple[str, str | None]:
    for code, geldt, waarde in tabel:
        if geldt(f):
            return code, (str(waarde) if waarde is not None else None)
    raise AssertionError("every table ends with a rule that always applies")


# --- Reasons ----------------------------------------------------------------------------------


def _lbt_zin(f: AdviesFeiten) -> str:
    if f.lbt_overgeslagen:
        if f.lbt_reden_overslaan == LbtRedenOverslaan.ZINTUIGLIJKE_BEPERKING:
            return _("De leerbaarheidstoets is overgeslagen vanwege een zintuiglijke beperking.")
        return _("De leerbaarheidstoets is overgeslagen.")
    uitslag = f.lbt_uitslag
    if uitslag is None:
        return _("De uitslag van de leerbaarheidstoets is nog niet bekend.")
    if f.lbt_score is not None and f.lbt_vereiste_score is not None:
        if uitslag == LbtResultaat.ONVOLDOENDE:
            return _("De score op de leerbaarheidstoets (%(s)s) ligt onder de vereiste %(v)s.") % {
                "s": f.lbt_score,
                "v": f.lbt_vereiste_score,
            }
        return _("De score op de leerbaarheidstoets (%(s)s) haalt de vereiste %(v)s.") % {
            "s": f.lbt_score,
            "v": f.lbt_vereiste_score,
        }
    if uitslag == LbtResultaat.ONVOLDOENDE:
        return _("De leerbaarheidstoets is onvoldoende.")
    return _("De leerbaarheidstoets is voldoende.")


def _route_redenen(code: str, f: AdviesFeiten) -> tuple[str, ...]:
    zinnen = [_lbt_zin(f)]
    if code == "route_geen_lbt_analfabeet":
        zinnen.append(_("De persoon is niet gealfabetiseerd en volgde hooguit basisonderwijs."))
    elif code == "route_onderwijs_jong":
        zinnen.append(
            _("De persoon is %(leeftijd)s jaar, wil verder leren en volgde voortgezet onderwijs.")
            % {"leeftijd": f.leeftijd}
        )
    elif code == "route_b1_standaard":
        if _opleidingsperspectief(f) and f.leeftijd is not None:
            zinnen.append(
                _(
                    "Er is opleidingsperspectief, maar de persoon is %(leeftijd)s jaar. De "
                    "onderwijsroute kan ook: de wet kent geen leeftijdsgrens. Bespreek het."
                )
                % {"leeftijd": f.leeftijd}
            )
        else:
            zinnen.append(_("Er is geen reden voor de Z-route of de onderwijsroute."))
    if f.al_b1:
        zinnen.append(
            _(
                "De persoon beheerst al B1 in alle vier vaardigheden: ga na of DUO vrijstelling "
                "kan geven."
            )
        )
    return tuple(zinnen)


def _niveau(route: str, f: AdviesFeiten) -> Keuze:
    if route == Leerroute.Z_ROUTE:
        return Keuze(Niveau.A1.value, REGELS["niveau_z_a1"], (_("De Z-route werkt naar A1."),))
    if route == Leerroute.ONDERWIJSROUTE:
        if f.studiewens in (Studiewens.HBO, Studiewens.WO) or f.al_b1:
            reden = (
                _("De persoon beheerst al B1.")
                if f.al_b1
                else _("De persoon wil naar het hbo of de universiteit.")
            )
            return Keuze(Niveau.B2.value, REGELS["niveau_onderwijs_b2"], (reden,))
        return Keuze(
            Niveau.B1.value,
            REGELS["niveau_onderwijs_b1"],
            (_("De onderwijsroute werkt naar minstens B1."),),
        )
    return Keuze(
        Niveau.B1.value,
        REGELS["niveau_b1_route"],
        (_("In het eerste PIP is het niveau van de B1-route B1."),),
    )


_ALFA_REDENEN = {
    "alfa_a": gettext_noop("De persoon kan (nog) niet lezen en schrijven."),
    "alfa_aa": gettext_noop(
        "De persoon leerde lezen en schrijven in een ander schrift dan het Latijnse."
    ),
    "alfa_nvt": gettext_noop("De persoon kan lezen en schrijven in het Latijnse schrift."),
    "alfa_onbekend": gettext_noop("De geletterdheid is nog niet vastgesteld."),
}


def _duale_opties(route: str, f: AdviesFeiten) -> tuple[Keuze, ...]:
    opties: list[Keuze] = []
    if route == Leerroute.Z_ROUTE and f.asielstatushouder:
        opties.append(
            Keuze(
                _("800 uur participatie naast de lessen (Z-route)"),
                REGELS["duaal_z_participatie"],
                (_("De persoon is asielstatushouder in de Z-route."),),
            )
        )
    werkervaring = f.jaren_werkervaring or 0
    if route == Leerroute.ONDERWIJSROUTE:
        opties.append(
            Keuze(
                _("Bijbaan of vrijwilligerswerk naast het taalschakeltraject"),
                REGELS["duaal_onderwijs"],
                (_("Meedoen naast het leren, vanaf het begin."),),
            )
        )
    elif werkervaring >= DUAAL_WERKERVARING_JAREN:
        opties.append(
            Keuze(
                _("Taal leren naast werk of een werkervaringsplek in het eigen vak"),
                REGELS["duaal_werk"],
                (_("De persoon heeft %(jaren)s jaar werkervaring.") % {"jaren": werkervaring},),
            )
        )
    elif route == Leerroute.B1_ROUTE:
        opties.append(
            Keuze(
                _("Vrijwilligerswerk of een participatieplek naast de taallessen"),
                REGELS["duaal_participatie"],
                (_("De persoon heeft weinig of geen werkervaring."),),
            )
        )
    return tuple(opties)


def _ontbrekend(f: AdviesFeiten) -> tuple[str, ...]:
    ontbrekend = []
    if f.lbt_uitslag is None and not f.lbt_overgeslagen:
        ontbrekend.append(_("uitslag leerbaarheidstoets"))
    if not f.hoogste_opleiding:
        ontbrekend.append(_("opleiding"))
    if f.geletterdheid == Geletterdheid.ONBEKEND:
        ontbrekend.append(_("geletterdheid"))
    if f.leeftijd is None:
        ontbrekend.append(_("leeftijd"))
    if f.jaren_werkervaring is None:
        ontbrekend.append(_("werkervaring"))
    if len(f.taalniveaus) < 4:
        ontbrekend.append(_("taalniveaus"))
    return tuple(ontbrekend)


def route_advies(feiten: AdviesFeiten) -> Advies:
    """The advice for these facts. Deterministic: the same facts give the same advice."""
    route_code, route = _eerste(ROUTE_TABEL, feiten)
    assert route is not None
    alfa_code, alfa = _eerste(ALFABETISERING_TABEL, feiten)
    return Advies(
        leerroute=Keuze(route, REGELS[route_code], _route_redenen(route_code, feiten)),
        niveau=_niveau(route, feiten),
        alfabetisering=Keuze(alfa, REGELS[alfa_code], (_(_ALFA_REDENEN[alfa_code]),)),
        duale_opties=_duale_opties(route, feiten),
        ontbrekend=_ontbrekend(feiten),
    )


def wijkt_af(
    advies: dict[str, Any] | Advies, *, leerroute: str, niveau: str, alfabetisering: str
) -> bool:
    """Whether a decision differs from the advice (route, level or literacy). A part the advice
    leaves open (no value) is not a deviation."""
    if isinstance(advies, Advies):
        advies = advies.als_json()
    for onderdeel, gekozen in (
        ("leerroute", leerroute),
        ("niveau", niveau),
        ("alfabetisering", alfabetisering),
    ):
        geadviseerd = (advies.get(onderdeel) or {}).get("waarde")
        if geadviseerd is not None and geadviseerd != gekozen:
            return True
    return False


def leeftijd_op(geboortedatum: date | None, peildatum: date) -> int | None:
    if geboortedatum is None:
        return None
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren
