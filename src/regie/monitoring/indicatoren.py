"""The dashboard per subgoal of the beleidskader, built from ``selectors.groepen``.

All counts of a page form one cube — measure × municipality (and the region) × cohort (and all
cohorts) — protected together by the small-numbers rule (regie.monitoring.privacy), so a value
hidden in one table is never shown, or derivable, in another. Tables, charts and exports all
read their cells from that cube.

Definitions follow CBS's Statistiek Wet Inburgering (SWI) where it has one, and the page names
them: the **cohort** is the year the inburgeringsplicht started (``plicht_vanaf``); "PIP binnen
zes maanden" is the share of a cohort with a PIP within 183 days of that start, counted over the
people whose start lies at least 183 days back; "drie maanden of langer in het COA" is the
share of the settled status holders who waited 91 days or more — SWI counts from the residence
permit, Regie from the koppeling, which is when the municipality's regie starts (beleidskader
§3.1).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from regie.monitoring import grafieken
from regie.monitoring.kubus import ALLE, KLASSE_NAMEN, KLASSEN, LEERROUTES, REGIO, Kubus
from regie.monitoring.privacy import (
    getal,
    over_groep,
)
from regie.monitoring.selectors import Groepen
from regie.monitoring.tabellen import Rij, Tabel

# Beleidskader §6.1: the ministry's split for status holders' trajectories.
MINISTERIE_VERDELING = {
    "z_route": Decimal(15),
    "b1_route": Decimal(60),
    "onderwijsroute": Decimal(25),
}


@dataclass(frozen=True)
class Figuur:
    sleutel: str
    svg: SafeString
    tabel: Tabel


@dataclass(frozen=True)
class NietGemeten:
    indicator: str
    reden: str


@dataclass
class Sectie:
    sleutel: str
    titel: str
    doel: str
    tabellen: list[Tabel] = field(default_factory=list)
    figuren: list[Figuur] = field(default_factory=list)
    niet_gemeten: list[NietGemeten] = field(default_factory=list)


@dataclass
class Dashboard:
    kolommen: list[str]
    cohort: int | None
    cohorten: list[int]
    peildatum: date
    secties: list[Sectie] = field(default_factory=list)

    @property
    def tabellen(self) -> dict[str, Tabel]:
        uit: dict[str, Tabel] = {}
        for sectie in self.secties:
            for tabel in [*sectie.tabellen, *(f.tabel for f in sectie.figuren)]:
                uit[tabel.sleutel] = tabel
        return uit


def bouw_dashboard(
    groepen: Groepen,
    *,
    cohort: int | None,
    prognose_verdeling: tuple[str, dict[str, Decimal]] | None,
) -> Dashboard:
    """The page's sections. ``prognose_verdeling`` is (label, route -> %) of the forecast's
    parameters."""
    gids = [g.pk for g in groepen.gemeenten]
    namen = {g.pk: g.naam for g in groepen.gemeenten}
    met_regio = len(gids) > 1
    kubus = Kubus(groepen, gids, met_regio)
    c: Hashable = cohort if cohort in groepen.cohorten else ALLE
    kolommen = kubus.kolommen
    regio = _("Regio")
    koppen = [namen.get(g, regio) if g != REGIO else regio for g in kolommen]  # type: ignore[call-overload]
    dashboard = Dashboard(
        kolommen=koppen,
        cohort=c if c != ALLE else None,  # type: ignore[arg-type]
        cohorten=groepen.cohorten,
        peildatum=groepen.peildatum,
    )
    ctx = _Ctx(kubus, kolommen, koppen, c)
    dashboard.secties = [
        _tijdige_start(ctx),
        _snelheid(ctx),
        _maatwerk(ctx, prognose_verdeling),
        _dualiteit(ctx),
        _kwaliteit(ctx, groepen),
    ]
    return dashboard


@dataclass
class _Ctx:
    kubus: Kubus
    kolommen: list[Hashable]
    koppen: list[str]
    c: Hashable

    def tel(self, label: str, naam: str, nadruk: bool = False) -> Rij:
        return Rij(label, [self.kubus.cel(naam, g, self.c) for g in self.kolommen], nadruk)

    def pct(self, label: str, teller: str, noemer: str) -> Rij:
        return Rij(
            label,
            [self.kubus.aandeel(teller, noemer, g, self.c) for g in self.kolommen],
            nadruk=True,
        )

    def med(self, label: str, maat: str) -> Rij:
        return Rij(label, [self.kubus.mediaan(maat, g, self.c) for g in self.kolommen])

    def tabel(self, sleutel: str, titel: str, rijen: list[Rij], definitie: str = "") -> Tabel:
        return Tabel(
            sleutel=sleutel,
            titel=titel,
            kolommen=self.koppen,
            rijen=rijen,
            labelkop=_("Indicator"),
            definitie=definitie,
        )

    def staaf(self, sleutel: str, titel: str, rij: Rij, beschrijving: str, eenheid: str) -> Figuur:
        svg = grafieken.staafdiagram(
            sleutel=f"grafiek-{sleutel}",
            titel=titel,
            beschrijving=beschrijving,
            categorieen=self.koppen,
            reeksen=[grafieken.Reeks(rij.label, rij.cellen)],
            eenheid=eenheid,
        )
        return Figuur(sleutel, svg, self.tabel(sleutel, titel, [rij]))


def _tijdige_start(x: _Ctx) -> Sectie:
    tabel = x.tabel(
        "tijdige_start",
        _("Tijdige start: van koppeling tot PIP"),
        [
            x.tel(_("Inburgeringsplichtigen (cohort)"), "dossiers", True),
            x.tel(_("waarvan gekoppeld door het COA"), "met_koppeling"),
            x.tel(_("brede intake afgerond"), "intake"),
            x.tel(_("PIP vastgesteld"), "pip"),
            x.med(_("Mediaan dagen koppeling → brede intake afgerond"), "koppeling_intake"),
            x.med(_("Mediaan dagen brede intake → PIP vastgesteld"), "intake_pip"),
            x.med(_("Mediaan dagen koppeling → PIP vastgesteld"), "koppeling_pip"),
            x.tel(_("PIP's met een uiterste datum van de regelengine"), "pip_met_termijn"),
            x.tel(_("waarvan vastgesteld op of vóór die datum"), "pip_tijdig"),
            x.pct(_("Aandeel PIP binnen de termijn (10 weken)"), "pip_tijdig", "pip_met_termijn"),
            x.tel(_("Nog geen PIP en uiterste datum verstreken"), "zonder_pip_verlopen"),
        ],
        _(
            "De uiterste datum is Dossier.pip_uiterlijk zoals de regelengine die vastlegde "
            "(Besluit inburgering 2021 art. 5.3: 10 weken na SS139 of na vestiging); een PIP is op "
            "tijd als de dagtekening van het eerste PIP niet later is. Dossiers zonder opgeslagen "
            "uiterste datum (afgesloten dossiers, Wi2013) tellen niet mee."
        ),
    )
    cbs = x.tabel(
        "pip_zes_maanden",
        _("PIP binnen zes maanden na start van de inburgeringsplicht (CBS SWI)"),
        [
            x.tel(_("Start inburgeringsplicht ten minste 183 dagen geleden"), "plicht_6mnd", True),
            x.tel(_("waarvan PIP binnen 183 dagen"), "pip_binnen_6mnd"),
            x.pct(_("Aandeel met PIP binnen zes maanden"), "pip_binnen_6mnd", "plicht_6mnd"),
        ],
        _(
            "CBS Statistiek Wet Inburgering: cohort = jaar waarin de inburgeringsplicht begon; "
            "aandeel van het cohort met een vastgesteld PIP binnen zes maanden (183 dagen) na de "
            "start van de plicht, over wie ten minste zo lang plichtig is."
        ),
    )
    coa = x.tabel(
        "coa_wachttijd",
        _("Wachttijd in het COA: van koppeling tot vestiging"),
        [
            x.tel(_("Gevestigd na koppeling"), "gevestigd", True),
            x.med(_("Mediaan dagen koppeling → vestiging"), "koppeling_vestiging"),
            x.tel(_("waarvan 3 maanden (91 dagen) of langer gewacht"), "wacht_3mnd"),
            x.pct(_("Aandeel 3 maanden of langer in het COA"), "wacht_3mnd", "gevestigd"),
        ],
        _(
            "Naar CBS SWI ('drie maanden of langer op plaatsing gewacht', landelijk cohort 2022 "
            "≈ 35 %), maar gemeten vanaf de koppeling: daar begint de regie van de gemeente."
        ),
    )
    figuren = [
        x.staaf(
            "grafiek_pip_tijdig",
            _("Aandeel PIP binnen de termijn"),
            tabel.rijen[9],
            _(
                "Staafdiagram: per gemeente het percentage PIP's dat op of vóór de door de "
                "regelengine opgeslagen uiterste datum is vastgesteld."
            ),
            "%",
        ),
        _verdeling_figuur(x),
        x.staaf(
            "grafiek_coa_3mnd",
            _("Aandeel 3 maanden of langer in het COA"),
            coa.rijen[3],
            _(
                "Staafdiagram: per gemeente het percentage gevestigde statushouders dat 91 dagen "
                "of langer tussen koppeling en vestiging wachtte."
            ),
            "%",
        ),
    ]
    return Sectie(
        "tijdige_start",
        _("1. Tijdige start"),
        _("Regie vanaf de koppeling, brede intake en PIP binnen 10 weken (beleidskader §3.1)."),
        [tabel, cbs, coa, _cohorttabel(x)],
        figuren,
    )


def _verdeling_figuur(x: _Ctx) -> Figuur:
    klassen = [str(k) for k in KLASSEN]
    rijen = [x.tel(label, naam) for label, naam in zip(klassen, KLASSE_NAMEN, strict=True)]
    rijen.append(x.tel(_("Totaal met koppeling en PIP"), "kp_n", True))
    tabel = x.tabel(
        "verdeling_koppeling_pip",
        _("Weken van koppeling tot PIP"),
        rijen,
        _(
            "Aantal inburgeringsplichtigen per klasse van het aantal weken tussen koppeling en de "
            "dagtekening van het eerste PIP."
        ),
    )
    svg = grafieken.staafdiagram(
        sleutel="grafiek-verdeling-koppeling-pip",
        titel=_("Weken van koppeling tot PIP"),
        beschrijving=_(
            "Gegroepeerd staafdiagram: per klasse van weken tussen koppeling en PIP het "
            "aantal personen, één staaf per gemeente (en de regio). Aantallen onder 5 staan als <5."
        ),
        categorieen=klassen,
        reeksen=[
            grafieken.Reeks(kop, [r.cellen[i] for r in rijen[:-1]])
            for i, kop in enumerate(x.koppen)
        ],
        eenheid=_("personen"),
    )
    return Figuur("verdeling_koppeling_pip", svg, tabel)


def _cohorttabel(x: _Ctx) -> Tabel:
    k = x.kubus
    g = x.kolommen[-1]  # the region, or the one municipality
    cohorten: list[Hashable] = list(k.cohorten)
    rijen = [
        Rij(
            _("Alle cohorten") if c == ALLE else _("Cohort %(jaar)s") % {"jaar": c},
            [
                k.cel("dossiers", g, c),
                k.cel("pip", g, c),
                k.aandeel("pip", "dossiers", g, c),
                k.aandeel("pip_binnen_6mnd", "plicht_6mnd", g, c),
                k.aandeel("wacht_3mnd", "gevestigd", g, c),
            ],
            nadruk=c == ALLE,
        )
        for c in cohorten
    ]
    return Tabel(
        sleutel="cohorten",
        titel=_("Per cohort (%(gebied)s)") % {"gebied": x.koppen[-1]},
        kolommen=[
            _("Inburgeringsplichtigen"),
            _("Met PIP op peildatum"),
            _("Aandeel met PIP"),
            _("PIP binnen zes maanden"),
            _("3 maanden of langer in COA"),
        ],
        rijen=rijen,
        labelkop=_("Cohort (jaar start plicht)"),
        definitie=_("CBS SWI: cohort = jaar waarin de inburgeringsplicht begon."),
    )


def _snelheid(x: _Ctx) -> Sectie:
    tabel = x.tabel(
        "snelheid",
        _("Snelheid: voortgang volgen en afronden"),
        [
            x.tel(_("PIP ten minste 12 maanden geleden vastgesteld"), "pip_1jaar", True),
            x.tel(_("waarvan 2 of meer voortgangsgesprekken in die 12 maanden"), "gesprekken_norm"),
            x.pct(_("Aandeel dat de norm van 2 gesprekken haalt"), "gesprekken_norm", "pip_1jaar"),
            x.tel(_("Inburgeringsplicht voldaan met diploma (DUO SS106)"), "voldaan"),
            x.pct(_("Aandeel van het cohort dat de plicht heeft voldaan"), "voldaan", "dossiers"),
        ],
        _(
            "Wet inburgering 2021: ten minste twee voortgangsgesprekken in de eerste twaalf "
            "maanden na de start van de termijn (dagtekening van het eerste PIP)."
        ),
    )
    figuur = x.staaf(
        "grafiek_gesprekken",
        _("Aandeel met 2 of meer voortgangsgesprekken in het eerste jaar"),
        tabel.rijen[2],
        _(
            "Staafdiagram: per gemeente het percentage inburgeraars met een PIP van ten minste een "
            "jaar oud dat in dat jaar twee of meer voortgangsgesprekken had."
        ),
        "%",
    )
    return Sectie(
        "snelheid",
        _("2. Snelheid"),
        _("Voortgang volgen op basis van het PIP en handhaven (beleidskader §3.2)."),
        [tabel],
        [figuur],
        [
            NietGemeten(
                _("Voortgang ten opzichte van het PIP (uren, examens)"),
                _(
                    "Aanbieders leveren nog geen uren en examenuitslagen aan Regie; zodra de "
                    "tijdlijn 'uren'- en 'examenpoging'-feiten bevat, wordt dit gemeten."
                ),
            ),
            NietGemeten(
                _("Handhaving (boetes)"),
                _("Het handhavingsproces is nog niet in Regie gebouwd."),
            ),
        ],
    )


def _maatwerk(
    x: _Ctx,
    prognose: tuple[str, dict[str, Decimal]] | None,
) -> Sectie:
    k = x.kubus
    rijen = [x.tel(_("PIP met bekende leerroute"), "pip_route_bekend", True)]
    routes = {route: str(naam) for route, naam in LEERROUTES.items()}
    for route, naam in routes.items():
        rijen.append(x.tel(naam, f"route_{route}"))
    for route, naam in routes.items():
        rijen.append(
            x.pct(_("Aandeel %(route)s") % {"route": naam}, f"route_{route}", "pip_route_bekend")
        )
    tabel = x.tabel(
        "maatwerk",
        _("Maatwerk: leerroute in het eerste PIP"),
        rijen,
        _("Leerroute van het eerste vastgestelde PIP (tijdlijnfeit pip_vastgesteld)."),
    )
    g = x.kolommen[-1]
    gemeten = [k.aandeel(f"route_{r}", "pip_route_bekend", g, x.c) for r in LEERROUTES]
    gemeten_label = _("Gemeten (%(gebied)s)") % {"gebied": x.koppen[-1]}
    reeksen = [grafieken.Reeks(gemeten_label, gemeten)]
    vergelijk_rijen = [Rij(gemeten_label, gemeten)]
    if prognose is not None:
        label, procenten = prognose
        cellen = [getal(procenten[r], 0, "%") for r in LEERROUTES]
        reeksen.append(grafieken.Reeks(label, cellen))
        vergelijk_rijen.append(Rij(label, cellen))
    ministerie = [getal(MINISTERIE_VERDELING[r], 0, "%") for r in LEERROUTES]
    ministerie_label = _("Ministerie (15/60/25)")
    reeksen.append(grafieken.Reeks(ministerie_label, ministerie))
    vergelijk_rijen.append(Rij(ministerie_label, ministerie))
    vergelijking = Tabel(
        sleutel="routeverdeling",
        titel=_("Routeverdeling: gemeten, prognose en ministerie"),
        kolommen=list(routes.values()),
        rijen=vergelijk_rijen,
        labelkop=_("Bron"),
        definitie=_(
            "Ministerie: 15 % Z-route, 60 % B1-route, 25 % onderwijsroute "
            "(beleidskader §6.1). Prognose: de verdeling in de geldende prognoseparameters."
        ),
    )
    svg = grafieken.staafdiagram(
        sleutel="grafiek-routeverdeling",
        titel=_("Routeverdeling: gemeten, prognose en ministerie"),
        beschrijving=_(
            "Gegroepeerd staafdiagram: per leerroute het percentage volgens de "
            "gemeten PIP's, de prognose en de verdeling van het ministerie."
        ),
        categorieen=list(routes.values()),
        reeksen=reeksen,
        eenheid="%",
    )
    sectie = Sectie(
        "maatwerk",
        _("3. Maatwerk"),
        _(
            "De leerroute past bij de persoon: gekozen na de brede intake en leerbaarheidstoets "
            "(beleidskader §3.3)."
        ),
        [tabel],
        [Figuur("routeverdeling", svg, vergelijking)],
    )
    sectie.tabellen.append(
        x.tabel(
            "route_afwijking",
            _("Afwijking van het route-advies"),
            [
                x.tel(_("Brede intake afgerond"), "intake", True),
                x.tel(_("waarvan route afwijkend van het advies"), "advies_afwijkend"),
                x.pct(_("Aandeel afwijkend"), "advies_afwijkend", "intake"),
            ],
            _(
                "Afgeronde brede intakes waarin de klantregisseur een andere leerroute koos dan "
                "Regie adviseerde (regels van de brede intake), met motivatie. Een eigen "
                "definitie: CBS SWI meet dit niet."
            ),
        )
    )
    return sectie


def _dualiteit(x: _Ctx) -> Sectie:
    return Sectie(
        "dualiteit",
        _("4. Dualiteit"),
        _("Taal leren gecombineerd met werk of participatie vanaf de start (beleidskader §3.4)."),
        [
            x.tabel(
                "dualiteit",
                _("Duale trajecten"),
                [
                    x.tel(_("PIP vastgesteld"), "pip", True),
                    x.tel(_("waarvan met een duale activiteit"), "duaal"),
                    x.pct(_("Aandeel duaal"), "duaal", "pip"),
                ],
                _(
                    "Duale activiteit: betaald werk, vrijwilligerswerk, werkervaring, opleiding of "
                    "participatie in de geldende (laatst vastgestelde) PIP-versie. Een eigen "
                    "definitie: CBS SWI meet dualiteit (nog) niet."
                ),
            )
        ],
    )


def _kwaliteit(x: _Ctx, groepen: Groepen) -> Sectie:
    sectie = Sectie(
        "kwaliteit",
        _("5. Kwaliteit"),
        _("Leerroutes bij gekwalificeerde aanbieders (keurmerk Blik op Werk) (beleidskader §3.5)."),
    )
    k = x.kubus
    cellen_totaal, cellen_keurmerk, cellen_aandeel = [], [], []
    for g in x.kolommen:
        met = totaal = 0.0
        personen = 0
        for gid in k.gemeenten_van(g):
            for c in k.cohorten_van(x.c):
                m, t, p = groepen.uren.get((gid, c), (0.0, 0.0, 0))
                met, totaal, personen = met + m, totaal + t, personen + p
        cellen_totaal.append(over_groep(totaal, personen))
        cellen_keurmerk.append(over_groep(met, personen))
        cellen_aandeel.append(
            over_groep(round(100 * met / totaal) if totaal else None, personen, eenheid="%")
        )
    if not groepen.uren:
        sectie.niet_gemeten.append(
            NietGemeten(
                _("Gevolgde uren bij aanbieders met keurmerk"),
                _(
                    "Er zijn nog geen urenregistraties van aanbieders ontvangen (tijdlijnfeit "
                    "'uren' met keurmerk); het aanbiedersregister is nog niet gebouwd."
                ),
            )
        )
        return sectie
    sectie.tabellen.append(
        x.tabel(
            "kwaliteit",
            _("Kwaliteit: uren bij aanbieders met keurmerk"),
            [
                Rij(_("Gevolgde uren"), cellen_totaal, True),
                Rij(_("waarvan bij een aanbieder met keurmerk"), cellen_keurmerk),
                Rij(_("Aandeel uren met keurmerk"), cellen_aandeel, True),
            ],
            _(
                "Uren uit de tijdlijnfeiten 'uren' (bron: aanbieder); getoond als ze van ten "
                "minste 5 personen komen."
            ),
        )
    )
    return sectie
