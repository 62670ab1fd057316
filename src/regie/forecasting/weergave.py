"""Tables and charts of the forecast: the page, the exports and the council report all render
these objects, so they show the same numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from regie.forecasting.deterministisch import Invoerrij, deterministische_tabel
from regie.forecasting.models import LEERROUTE_NAMEN, LEERROUTES, PrognoseParameters
from regie.forecasting.selectors import PrognoseInvoer
from regie.monitoring import grafieken
from regie.monitoring.indicatoren import Figuur
from regie.monitoring.privacy import LEEG, Cel, getal, getal_kort, opmaak
from regie.monitoring.tabellen import Rij, Tabel

if TYPE_CHECKING:
    from regie.forecasting.montecarlo import Uitkomst
    from regie.forecasting.scenarios import Scenario

KW = {"p025": 0, "p10": 1, "p50": 2, "p90": 3, "p975": 4}
BAND_KOLOMMEN = [
    gettext_lazy("mediaan"),
    gettext_lazy("80 %: ondergrens"),
    gettext_lazy("80 %: bovengrens"),
    gettext_lazy("95 %: ondergrens"),
    gettext_lazy("95 %: bovengrens"),
]
TOTAAL = "Totaal"  # the name deterministisch.py gives its total row


def _band_kolommen() -> list[str]:
    return [str(k) for k in BAND_KOLOMMEN]


def _route(route: str) -> str:
    return str(LEERROUTE_NAMEN[route])


def kwartaal_label(kwartaal: str) -> str:
    """A quarter as montecarlo.py names it ("2023 K1"), in the active language ("2023 Q1")."""
    jaar, _spatie, nummer = kwartaal.partition(" K")
    if not (jaar.isdigit() and nummer.isdigit()):
        return kwartaal
    return _("%(jaar)s K%(kwartaal)s") % {"jaar": jaar, "kwartaal": nummer}


@dataclass
class Prognosepagina:
    geo_naam: str
    deterministisch: Tabel
    taakstelling: Tabel
    parameters: Tabel
    figuren: list[Figuur] = field(default_factory=list)
    tabellen: list[Tabel] = field(default_factory=list)
    details: list[Tabel] = field(default_factory=list)  # every route with its bands

    @property
    def alle_tabellen(self) -> dict[str, Tabel]:
        uit = {t.sleutel: t for t in [self.deterministisch, self.taakstelling, self.parameters]}
        uit.update({f.tabel.sleutel: f.tabel for f in self.figuren})
        uit.update({t.sleutel: t for t in [*self.tabellen, *self.details]})
        return uit


def deterministische_weergave(
    invoer: PrognoseInvoer, parameters: PrognoseParameters, jaar: int
) -> Tabel:
    """The framework's table for ``jaar``, to the decimal (see deterministisch.py)."""
    h1 = invoer.halfjaren.index((jaar, 1))
    h2 = invoer.halfjaren.index((jaar, 2))
    rijen = deterministische_tabel(
        [
            Invoerrij(
                naam=naam,
                halfjaar_1=int(invoer.taakstelling[g][h1]),
                halfjaar_2=int(invoer.taakstelling[g][h2]),
                gezin_1=int(invoer.gezinsmigranten[g][h1]),
                gezin_2=int(invoer.gezinsmigranten[g][h2]),
                aangenomen=invoer.aangenomen[g][h1] or invoer.aangenomen[g][h2],
            )
            for g, naam in enumerate(invoer.gemeenten)
        ],
        aandeel_volwassen=parameters.aandeel_volwassen,
        procenten={r: parameters.procent(r) for r in LEERROUTES},
    )
    aandeel = opmaak(parameters.aandeel_volwassen * 100, 0)
    kolommen = [
        _("Taakstelling %(jaar)s-1") % {"jaar": jaar},
        _("Taakstelling %(jaar)s-2") % {"jaar": jaar},
        _("Statushouders %(jaar)s") % {"jaar": jaar},
        _("Inburgeringsplichtig (%(aandeel)s %% volwassen)") % {"aandeel": aandeel},
        *(f"{_route(r)} {opmaak_kort_pct(parameters.procent(r))}" for r in LEERROUTES),
        _("Gezinsmigranten (verwacht)"),
    ]
    return Tabel(
        sleutel="deterministisch",
        titel=_("Geschatte aantallen per leerroute %(jaar)s (rekenwijze beleidskader)")
        % {"jaar": jaar},
        kolommen=kolommen,
        labelkop=_("Gemeente"),
        rijen=[
            Rij(
                (_("Totaal") if r.naam == TOTAAL else r.naam) + (" *" if r.aangenomen else ""),
                [
                    getal_kort(r.halfjaar_1),
                    getal_kort(r.halfjaar_2),
                    getal_kort(r.statushouders),
                    getal_kort(r.inburgeringsplichtig),
                    *(getal_kort(r.per_route[route]) for route in LEERROUTES),
                    getal_kort(r.gezinsmigranten),
                ],
                nadruk=r.naam == TOTAAL,
            )
            for r in rijen
        ],
        definitie=_(
            # xgettext:no-python-format
            "Taakstelling per halfjaar (statushouders te huisvesten). Inburgeringsplichtig "
            "= (halfjaar 1 + halfjaar 2) × aandeel volwassenen; per leerroute × het percentage van "
            "de parameters. Met 17/14/39 per halfjaar, ½ volwassen en 15/60/25 % geeft dit de "
            "tabel van het beleidskader: 17/14/39 plichtigen, samen 70: 10,5 / 42 / 17,5."
        ),
        voetnoten=[_("* taakstelling niet in het register: gelijk aan het laatst bekende halfjaar")]
        if any(r.aangenomen for r in rijen)
        else [],
    )


def opmaak_kort_pct(waarde: Decimal) -> str:
    return f"{getal_kort(waarde).tekst} %"


def taakstelling_weergave(invoer: PrognoseInvoer) -> Tabel:
    rijen = []
    for h, (jaar, halfjaar) in enumerate(invoer.halfjaren):
        cellen = []
        for g in range(len(invoer.gemeenten)):
            waarde = int(invoer.taakstelling[g][h])
            cel = getal(waarde)
            if invoer.aangenomen[g][h]:
                cel = Cel(f"{cel.tekst} *", waarde)
            cellen.append(cel)
        rijen.append(
            Rij(_("%(jaar)s halfjaar %(halfjaar)s") % {"jaar": jaar, "halfjaar": halfjaar}, cellen)
        )
    return Tabel(
        sleutel="taakstelling",
        titel=_("Taakstelling in de prognose (statushouders per halfjaar)"),
        kolommen=list(invoer.gemeenten),
        labelkop=_("Halfjaar"),
        rijen=rijen,
        voetnoten=[_("* niet in het register: gelijk aan het laatst bekende halfjaar (of 0)")],
    )


def parameters_weergave(parameters: PrognoseParameters, invoer: PrognoseInvoer) -> Tabel:
    def r(label: str, tekst: str) -> Rij:
        return Rij(label, [Cel(tekst)])

    weken = [
        (_("koppeling → vestiging"), invoer.weken[0]),
        (_("vestiging → brede intake"), invoer.weken[1]),
        (_("brede intake → PIP"), invoer.weken[2]),
    ]
    rijen = [
        r(
            _("Versie"),
            _("%(versie)s, geldig vanaf %(datum)s")
            % {"versie": parameters.versie, "datum": f"{parameters.geldig_vanaf:%d-%m-%Y}"},
        ),
        r(_("Aandeel volwassenen"), opmaak(parameters.aandeel_volwassen, 2)),
        r(
            _("Routeverdeling (parameters)"),
            " / ".join(opmaak_kort_pct(parameters.procent(x)) for x in LEERROUTES),
        ),
        r(
            _("Routeverdeling in de Monte Carlo"),
            " / ".join(f"{opmaak(100 * v, 1)} %" for v in invoer.verdeling)
            + f" — {invoer.verdeling_bron}",
        ),
        *(
            r(
                _("Weken %(stap)s") % {"stap": label},
                _("%(gemiddelde)s (spreiding %(spreiding)s)")
                % {"gemiddelde": opmaak(m, 1), "spreiding": opmaak(s, 1)},
            )
            for label, (m, s) in weken
        ),
        r(
            _("Inburgeringstermijn"),
            ngettext("%(jaren)s jaar", "%(jaren)s jaar", parameters.termijn_jaren)
            % {"jaren": parameters.termijn_jaren},
        ),
        *(
            r(
                _("Lesuren per week, %(route)s") % {"route": _route(x)},
                opmaak(parameters.uren_per_week(x), 1),
            )
            for x in LEERROUTES
        ),
        *(
            r(
                _("Kosten per traject per jaar, %(route)s") % {"route": _route(x)},
                f"€ {opmaak(parameters.normbedrag(x), 0)}",
            )
            for x in LEERROUTES
        ),
        r(_("Variatie gerealiseerde taakstelling"), opmaak(parameters.variatie_taakstelling, 3)),
        r(_("Toelichting"), parameters.toelichting),
    ]
    return Tabel(
        sleutel="parameters",
        titel=_("Gebruikte parameters (versie %(versie)s)") % {"versie": parameters.versie},
        kolommen=[_("Waarde")],
        labelkop=_("Parameter"),
        rijen=rijen,
    )


def _banden(reeks) -> grafieken.Banden:  # type: ignore[no-untyped-def]
    return grafieken.Banden(*(list(map(float, reeks[i])) for i in range(5)))


def _bandcellen(x, i: int, decimalen: int, eenheid: str = "") -> list[Cel]:  # type: ignore[no-untyped-def]
    """Median, 80 % and 95 % bounds at position ``i`` of quantile array ``x`` (5, …)."""
    return [getal(float(x[k][i]), decimalen, eenheid) for k in (2, 1, 3, 0, 4)]


def kwartaaltabel(
    u: Uitkomst,
    sleutel: str,
    titel: str,
    reeks,
    geo: int,
    decimalen: int,
    definitie: str,  # type: ignore[no-untyped-def]
) -> Tabel:
    rijen = []
    for i, kwartaal in enumerate(u.kwartalen):
        per_route = [getal(float(reeks[2, geo, k, i]), decimalen) for k in range(len(LEERROUTES))]
        rijen.append(
            Rij(
                kwartaal_label(kwartaal),
                [*per_route, *_bandcellen(reeks[:, geo, -1, :], i, decimalen)],
            )
        )
    return Tabel(
        sleutel=sleutel,
        titel=titel,
        kolommen=[
            *(_("%(route)s (mediaan)") % {"route": _route(r)} for r in LEERROUTES),
            *(_("Totaal: %(kolom)s") % {"kolom": k} for k in _band_kolommen()),
        ],
        labelkop=_("Kwartaal"),
        rijen=rijen,
        definitie=definitie,
    )


def bandentabel(
    u: Uitkomst,
    sleutel: str,
    titel: str,
    reeks,
    geo: int,
    decimalen: int,  # type: ignore[no-untyped-def]
) -> Tabel:
    """Every quarter × route (and all routes) with its median, 80 % and 95 % bounds."""
    series = [*(_route(r) for r in LEERROUTES), _("Alle routes")]
    rijen = [
        Rij(
            f"{kwartaal_label(kwartaal)} — {serie}",
            _bandcellen(reeks[:, geo, k, :], i, decimalen),
            k == 3,
        )
        for i, kwartaal in enumerate(u.kwartalen)
        for k, serie in enumerate(series)
    ]
    return Tabel(
        sleutel=f"{sleutel}_per_route",
        titel=_("%(titel)s, per leerroute met banden") % {"titel": titel},
        kolommen=_band_kolommen(),
        labelkop=_("Kwartaal — leerroute"),
        rijen=rijen,
    )


def waaier(
    u: Uitkomst,
    sleutel: str,
    titel: str,
    reeks,
    geo: int,
    beschrijving: str,
    tabel: Tabel,
    eenheid: str,
    decimalen: int = 0,
) -> Figuur:  # type: ignore[no-untyped-def]
    svg = grafieken.waaiergrafiek(
        sleutel=f"grafiek-{sleutel}",
        titel=titel,
        beschrijving=beschrijving,
        labels=[kwartaal_label(k).replace(" ", "\u00a0") for k in u.kwartalen],
        banden=_banden(reeks[:, geo, -1, :]),
        eenheid=eenheid,
        decimalen=decimalen,
    )
    return Figuur(sleutel, svg, tabel)


def kostenfiguur(u: Uitkomst, geo: int, geo_naam: str) -> Figuur:
    totaal = u.kosten[:, geo, -1, :]
    budget = [None if b != b else float(b) for b in u.budget[geo]]  # NaN: no budget
    rijen = []
    for j, jaar in enumerate(u.jaren):
        kans = u.kans_boven_budget[geo][j]
        rijen.append(
            Rij(
                str(jaar),
                [
                    *_bandcellen(totaal, j, 0, "€"),
                    getal(budget[j], 0, "€") if budget[j] is not None else LEEG,
                    getal(round(100 * float(kans)), 0, "%") if kans == kans else LEEG,
                ],
            )
        )
    tabel = Tabel(
        sleutel="kosten",
        titel=_("Kosten leerroutes per jaar tegenover het budget — %(gebied)s")
        % {"gebied": geo_naam},
        kolommen=[
            *(_("Kosten: %(kolom)s") % {"kolom": k} for k in _band_kolommen()),
            _("Budget"),
            _("Kans kosten boven budget"),
        ],
        labelkop=_("Jaar"),
        rijen=rijen,
        definitie=_(
            "Kosten = actieve trajectjaren (per kwartaal ¼) × kosten per traject per jaar "
            "van de route. Kans = aandeel van de runs waarin de kosten het budget overschrijden."
        ),
    )
    svg = grafieken.intervaldiagram(
        sleutel="grafiek-kosten",
        titel=tabel.titel,
        beschrijving=_(
            "Staaf per jaar op de mediaan van de kosten, met lijnen voor het 80 %- "
            "(dik) en 95 %-interval (dun); de gestreepte lijn is het budget."
        ),
        categorieen=[str(j) for j in u.jaren],
        banden=_banden(totaal),
        referentie=budget,
        eenheid="€",
    )
    return Figuur("kosten", svg, tabel)


def instroom_per_jaar(u: Uitkomst, geo: int, geo_naam: str) -> Tabel:
    rijen = []
    for j, jaar in enumerate(u.jaren):
        per_route = [getal(float(u.instroom_jaar[2, geo, k, j])) for k in range(len(LEERROUTES))]
        rijen.append(
            Rij(str(jaar), [*per_route, *_bandcellen(u.instroom_jaar[:, geo, -1, :], j, 0)])
        )
    return Tabel(
        sleutel="instroom_per_jaar",
        titel=_("Nieuwe trajecten (PIP's) per jaar — %(gebied)s") % {"gebied": geo_naam},
        kolommen=[
            *(_("%(route)s (mediaan)") % {"route": _route(r)} for r in LEERROUTES),
            *(_("Totaal: %(kolom)s") % {"kolom": k} for k in _band_kolommen()),
        ],
        labelkop=_("Jaar"),
        rijen=rijen,
        definitie=_("Asielstatushouders met een eerste PIP in het jaar (start van het traject)."),
    )


def per_gemeente(u: Uitkomst) -> Tabel:
    """Every municipality and the region side by side: new trajectories, active trajectories at
    the end of the year and cost against budget, per year (median with the 80 % interval)."""
    regio = _("Regio")
    namen = [*u.invoer.gemeenten, regio] if len(u.invoer.gemeenten) > 1 else [*u.invoer.gemeenten]
    kolommen: list[str] = []
    for jaar in u.jaren:
        kolommen += [
            _("Nieuw %(jaar)s") % {"jaar": jaar},
            _("Lopend eind %(jaar)s") % {"jaar": jaar},
            _("Kosten %(jaar)s") % {"jaar": jaar},
            _("Budget %(jaar)s") % {"jaar": jaar},
        ]
    rijen = []
    for geo, naam in enumerate(namen):
        cellen: list[Cel] = []
        for j, _jaar in enumerate(u.jaren):
            for reeks, i, eenheid in (
                (u.instroom_jaar[:, geo, -1, :], j, ""),
                (u.actief[:, geo, -1, :], 4 * j + 3, ""),
                (u.kosten[:, geo, -1, :], j, "€"),
            ):
                m, lo, hi = (getal(float(reeks[k][i]), 0, eenheid) for k in (2, 1, 3))
                cellen.append(Cel(f"{m.tekst} ({lo.tekst}–{hi.tekst})"))
            b = u.budget[geo][j]
            cellen.append(getal(float(b), 0, "€") if b == b else LEEG)
        rijen.append(Rij(naam, cellen, nadruk=len(namen) > 1 and geo == len(namen) - 1))
    return Tabel(
        sleutel="per_gemeente",
        # xgettext:no-python-format
        titel=_("Per gemeente: mediaan (80 %-interval)"),
        kolommen=kolommen,
        labelkop=_("Gebied"),
        rijen=rijen,
        definitie=_(
            "Nieuw = trajecten met een eerste PIP in het jaar; lopend = binnen hun termijn "
            "op 31 december; kosten = leerroutes van lopende trajecten in het jaar."
        ),
    )


def prognosepagina(
    u: Uitkomst, parameters: PrognoseParameters, geo: int, geo_naam: str
) -> Prognosepagina:
    invoer = u.invoer
    pagina = Prognosepagina(
        geo_naam=geo_naam,
        deterministisch=deterministische_weergave(invoer, parameters, invoer.vanaf_jaar),
        taakstelling=taakstelling_weergave(invoer),
        parameters=parameters_weergave(parameters, invoer),
    )
    specs = [
        (
            "instroom",
            _("Nieuwe trajecten per kwartaal"),
            u.instroom,
            0,
            _("trajecten"),
            _("Asielstatushouders met een eerste PIP in het kwartaal, per leerroute."),
        ),
        (
            "actief",
            _("Lopende trajecten per kwartaal"),
            u.actief,
            0,
            _("trajecten"),
            ngettext(
                "Trajecten binnen hun termijn van %(jaren)s jaar na het eerste PIP.",
                "Trajecten binnen hun termijn van %(jaren)s jaar na het eerste PIP.",
                invoer.termijn_jaren,
            )
            % {"jaren": invoer.termijn_jaren},
        ),
        (
            "uren",
            _("Lesuren per week"),
            u.uren,
            0,
            _("uur per week"),
            _(
                "Lopende trajecten × lesuren per week van hun route: de lescapaciteit die in te "
                "kopen is."
            ),
        ),
    ]
    for sleutel, titel, reeks, decimalen, eenheid, definitie in specs:
        volledig = _("%(titel)s — %(gebied)s") % {"titel": titel, "gebied": geo_naam}
        tabel = kwartaaltabel(u, sleutel, volledig, reeks, geo, decimalen, definitie)
        pagina.details.append(bandentabel(u, sleutel, volledig, reeks, geo, decimalen))
        pagina.figuren.append(
            waaier(
                u,
                sleutel,
                volledig,
                reeks,
                geo,
                _(
                    "Waaiergrafiek: %(titel)s (alle routes) per kwartaal, mediaan met "
                    "80 %%- en 95 %%-interval."
                )
                % {"titel": titel.lower()},
                tabel,
                eenheid,
                decimalen,
            )
        )
    pagina.figuren.append(kostenfiguur(u, geo, geo_naam))
    pagina.tabellen.append(instroom_per_jaar(u, geo, geo_naam))
    pagina.tabellen.append(per_gemeente(u))
    return pagina


def scenariovergelijking(
    resultaten: Sequence[tuple[Scenario, Uitkomst]], geo: int, geo_naam: str
) -> tuple[Tabel, Figuur]:
    kolommen: list[str] = []
    for scenario, _u in resultaten:
        kolommen += [
            _("%(scenario)s: mediaan") % {"scenario": scenario.naam},
            _("%(scenario)s: 80 %%-interval") % {"scenario": scenario.naam},
        ]
    eerste = resultaten[0][1]
    rijen: list[Rij] = []

    def interval(reeks, i: int, decimalen: int = 0, eenheid: str = "") -> list[Cel]:  # type: ignore[no-untyped-def]
        m, lo, hi = (getal(float(reeks[k][i]), decimalen, eenheid) for k in (2, 1, 3))
        return [m, Cel(f"{lo.tekst}–{hi.tekst}")]

    for j, jaar in enumerate(eerste.jaren):
        laatste_kwartaal = 4 * j + 3
        specs = [
            (
                _("Nieuwe trajecten %(jaar)s") % {"jaar": jaar},
                lambda u: u.instroom_jaar[:, geo, -1, :],
                j,
                "",
            ),
            (
                _("Lopende trajecten eind %(jaar)s") % {"jaar": jaar},
                lambda u: u.actief[:, geo, -1, :],
                laatste_kwartaal,
                "",
            ),
            (
                _("Lesuren per week eind %(jaar)s") % {"jaar": jaar},
                lambda u: u.uren[:, geo, -1, :],
                laatste_kwartaal,
                "",
            ),
            (_("Kosten %(jaar)s") % {"jaar": jaar}, lambda u: u.kosten[:, geo, -1, :], j, "€"),
        ]
        for label, kies, i, eenheid in specs:
            cellen: list[Cel] = []
            for _s, u in resultaten:
                cellen += interval(kies(u), i, 0, eenheid)
            rijen.append(Rij(label, cellen, nadruk=eenheid == "€"))
        kansen: list[Cel] = []
        for _s, u in resultaten:
            kans = u.kans_boven_budget[geo][j]
            kansen += [getal(round(100 * float(kans)), 0, "%") if kans == kans else LEEG, LEEG]
        rijen.append(Rij(_("Kans kosten boven budget %(jaar)s") % {"jaar": jaar}, kansen))
    tabel = Tabel(
        sleutel="scenarios",
        titel=_("Scenario's naast elkaar — %(gebied)s") % {"gebied": geo_naam},
        kolommen=kolommen,
        labelkop=_("Indicator"),
        rijen=rijen,
        definitie=_(
            "Elk scenario met dezelfde runs en hetzelfde seed (gemeenschappelijke "
            "toevalsgetallen): verschillen komen van het scenario, niet van het toeval."
        ),
    )
    reeksen = [
        grafieken.Reeks(
            str(s.naam),
            [getal(float(u.kosten[2, geo, -1, j]) / 1000, 0) for j in range(len(u.jaren))],
        )
        for s, u in resultaten
    ]
    budget = eerste.budget[geo]
    reeksen.append(
        grafieken.Reeks(
            _("Budget"), [getal(float(b) / 1000, 0) if b == b else LEEG for b in budget]
        )
    )
    svg = grafieken.staafdiagram(
        sleutel="grafiek-scenarios",
        titel=_("Kosten per jaar per scenario (mediaan, × € 1.000) — %(gebied)s")
        % {"gebied": geo_naam},
        beschrijving=_(
            "Gegroepeerd staafdiagram: per jaar de mediane kosten van elk scenario en "
            "het budget, in duizenden euro's."
        ),
        categorieen=[str(j) for j in eerste.jaren],
        reeksen=reeksen,
        eenheid=_("× € 1.000"),
    )
    return tabel, Figuur("scenarios", svg, tabel)
