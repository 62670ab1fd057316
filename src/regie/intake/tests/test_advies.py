"""The route advice, table-driven: each row is a set of facts and the advice and rules they
must give. Pure: no database."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from regie.intake import advies
from regie.intake.advies import AdviesFeiten, Grond, route_advies, wijkt_af

# A literate 35-year-old with secondary school, four A1 skills and a passed test.
BASIS = {
    "leeftijd": 35,
    "lbt_resultaat": "voldoende",
    "lbt_score": 60,
    "lbt_vereiste_score": 50,
    "hoogste_opleiding": "voortgezet_diploma",
    "studiewens": "geen",
    "geletterdheid": "gealfabetiseerd",
    "taalniveaus": ("A1", "A1", "A1", "A1"),
    "jaren_werkervaring": 0,
    "asielstatushouder": True,
}


def feiten(**wijziging) -> AdviesFeiten:
    return AdviesFeiten(**{**BASIS, **wijziging})


ROUTES = [
    # (id, facts changed from BASIS, route, route rule, niveau, niveau rule)
    ("standaard", {}, "b1_route", "route_b1_standaard", "B1", "niveau_b1_route"),
    (
        "lbt_onder_vereiste_score",
        {"lbt_resultaat": None, "lbt_score": 38, "lbt_vereiste_score": 50},
        "z_route",
        "route_lbt_onvoldoende",
        "A1",
        "niveau_z_a1",
    ),
    (
        "lbt_onvoldoende_wint_van_jong_en_studiewens",
        {"lbt_resultaat": "onvoldoende", "leeftijd": 22, "studiewens": "hbo"},
        "z_route",
        "route_lbt_onvoldoende",
        "A1",
        "niveau_z_a1",
    ),
    (
        "lbt_precies_vereiste_score_is_voldoende",
        {"lbt_resultaat": None, "lbt_score": 50, "lbt_vereiste_score": 50},
        "b1_route",
        "route_b1_standaard",
        "B1",
        "niveau_b1_route",
    ),
    (
        "geen_lbt_analfabeet_basisonderwijs",
        {
            "lbt_resultaat": None,
            "lbt_score": None,
            "lbt_vereiste_score": None,
            "lbt_overgeslagen": True,
            "lbt_reden_overslaan": "zintuiglijke_beperking",
            "geletterdheid": "analfabeet",
            "hoogste_opleiding": "basis",
        },
        "z_route",
        "route_geen_lbt_analfabeet",
        "A1",
        "niveau_z_a1",
    ),
    (
        "analfabeet_met_voldoende_lbt_blijft_b1",
        {"geletterdheid": "analfabeet", "hoogste_opleiding": "geen"},
        "b1_route",
        "route_b1_standaard",
        "B1",
        "niveau_b1_route",
    ),
    (
        "jong_met_studiewens_mbo",
        {"leeftijd": 24, "studiewens": "mbo"},
        "onderwijsroute",
        "route_onderwijs_jong",
        "B1",
        "niveau_onderwijs_b1",
    ),
    (
        "jong_met_studiewens_wo_naar_b2",
        {"leeftijd": 19, "studiewens": "wo", "hoogste_opleiding": "hoger"},
        "onderwijsroute",
        "route_onderwijs_jong",
        "B2",
        "niveau_onderwijs_b2",
    ),
    (
        "jong_en_al_b1_naar_b2",
        {"leeftijd": 20, "studiewens": "mbo", "taalniveaus": ("B1", "B1", "B2", "B1")},
        "onderwijsroute",
        "route_onderwijs_jong",
        "B2",
        "niveau_onderwijs_b2",
    ),
    (
        "precies_28_is_niet_jonger_dan_28",
        {"leeftijd": 28, "studiewens": "hbo"},
        "b1_route",
        "route_b1_standaard",
        "B1",
        "niveau_b1_route",
    ),
    (
        "jong_zonder_studiewens",
        {"leeftijd": 20, "studiewens": "geen"},
        "b1_route",
        "route_b1_standaard",
        "B1",
        "niveau_b1_route",
    ),
    (
        "jong_met_studiewens_maar_alleen_basisonderwijs",
        {"leeftijd": 20, "studiewens": "mbo", "hoogste_opleiding": "basis"},
        "b1_route",
        "route_b1_standaard",
        "B1",
        "niveau_b1_route",
    ),
]


@pytest.mark.parametrize(
    ("wijziging", "route", "route_regel", "niveau", "niveau_regel"),
    [r[1:] for r in ROUTES],
    ids=[r[0] for r in ROUTES],
)
def test_leerroute_en_niveau(wijziging, route, route_regel, niveau, niveau_regel):
    uitkomst = route_advies(feiten(**wijziging))
    assert (uitkomst.leerroute.waarde, uitkomst.leerroute.regel.code) == (route, route_regel)
    assert (uitkomst.niveau.waarde, uitkomst.niveau.regel.code) == (niveau, niveau_regel)
    assert uitkomst.niveau.waarde in advies.TOEGESTANE_NIVEAUS[route]
    assert uitkomst.leerroute.redenen, "every part of the advice gives its reasons"


ALFABETISERING = [
    ("analfabeet", "A", "alfa_a"),
    ("anders_gealfabetiseerd", "AA", "alfa_aa"),
    ("gealfabetiseerd", "NVT", "alfa_nvt"),
    ("onbekend", None, "alfa_onbekend"),
]


@pytest.mark.parametrize(("geletterdheid", "waarde", "regel"), ALFABETISERING)
def test_alfabetisering(geletterdheid, waarde, regel):
    uitkomst = route_advies(feiten(geletterdheid=geletterdheid))
    assert (uitkomst.alfabetisering.waarde, uitkomst.alfabetisering.regel.code) == (waarde, regel)


DUAAL = [
    # (id, facts, rule codes of the dual options)
    ("b1_zonder_werkervaring", {}, ["duaal_participatie"]),
    ("b1_met_werkervaring", {"jaren_werkervaring": 5}, ["duaal_werk"]),
    ("onderwijsroute", {"leeftijd": 22, "studiewens": "mbo"}, ["duaal_onderwijs"]),
    (
        "z_route_asielstatushouder",
        {"lbt_resultaat": "onvoldoende"},
        ["duaal_z_participatie"],
    ),
    (
        "z_route_asielstatushouder_met_werkervaring",
        {"lbt_resultaat": "onvoldoende", "jaren_werkervaring": 4},
        ["duaal_z_participatie", "duaal_werk"],
    ),
    (
        "z_route_gezinsmigrant_zonder_participatie_uren",
        {"lbt_resultaat": "onvoldoende", "asielstatushouder": False},
        [],
    ),
]


@pytest.mark.parametrize(("wijziging", "regels"), [d[1:] for d in DUAAL], ids=[d[0] for d in DUAAL])
def test_duale_opties(wijziging, regels):
    uitkomst = route_advies(feiten(**wijziging))
    assert [o.regel.code for o in uitkomst.duale_opties] == regels


def test_regels_zeggen_of_ze_wet_of_beleid_zijn():
    beleid = {c for c, r in advies.REGELS.items() if r.grond == Grond.BELEID}
    assert {"route_onderwijs_jong", "route_geen_lbt_analfabeet", "niveau_onderwijs_b2"} <= beleid
    assert advies.REGELS["route_lbt_onvoldoende"].grond == Grond.WET
    assert advies.REGELS["route_b1_standaard"].grond == Grond.WET
    for regel in advies.REGELS.values():
        assert regel.naam and regel.omschrijving and regel.bron


def test_beleidsgetallen_staan_ook_in_de_regeltekst():
    assert str(advies.ONDERWIJSROUTE_LEEFTIJD_TOT) in advies.REGELS["route_onderwijs_jong"].naam
    assert str(advies.DUAAL_WERKERVARING_JAREN) in advies.REGELS["duaal_werk"].naam


def test_redenen_noemen_de_scores():
    uitkomst = route_advies(feiten(lbt_resultaat=None, lbt_score=38, lbt_vereiste_score=50))
    assert "38" in uitkomst.leerroute.redenen[0] and "50" in uitkomst.leerroute.redenen[0]


def test_ouder_dan_28_met_perspectief_noemt_de_onderwijsroute_als_mogelijkheid():
    uitkomst = route_advies(feiten(leeftijd=31, studiewens="hbo"))
    assert uitkomst.leerroute.waarde == "b1_route"
    assert any("onderwijsroute kan ook" in r for r in uitkomst.leerroute.redenen)


def test_voorlopig_advies_noemt_wat_ontbreekt():
    uitkomst = route_advies(AdviesFeiten())
    assert uitkomst.voorlopig
    assert uitkomst.leerroute.waarde == "b1_route"
    assert set(uitkomst.ontbrekend) == {
        "uitslag leerbaarheidstoets",
        "opleiding",
        "geletterdheid",
        "leeftijd",
        "werkervaring",
        "taalniveaus",
    }
    assert not route_advies(feiten()).voorlopig


@pytest.mark.parametrize(
    ("keuze", "afwijking"),
    [
        ({"leerroute": "b1_route", "niveau": "B1", "alfabetisering": "NVT"}, False),
        ({"leerroute": "z_route", "niveau": "A1", "alfabetisering": "NVT"}, True),
        ({"leerroute": "b1_route", "niveau": "B1", "alfabetisering": "AA"}, True),
    ],
)
def test_afwijking_van_het_advies(keuze, afwijking):
    uitkomst = route_advies(feiten())
    assert wijkt_af(uitkomst, **keuze) is afwijking
    # The stored JSON snapshot gives the same answer as the live advice.
    assert wijkt_af(uitkomst.als_json(), **keuze) is afwijking


def test_zonder_advies_voor_alfabetisering_is_elke_keuze_geen_afwijking():
    uitkomst = route_advies(feiten(geletterdheid="onbekend"))
    assert not wijkt_af(uitkomst, leerroute="b1_route", niveau="B1", alfabetisering="A")


@pytest.mark.parametrize(
    ("geboren", "op", "leeftijd"),
    [
        (date(2000, 6, 15), date(2028, 6, 14), 27),
        (date(2000, 6, 15), date(2028, 6, 15), 28),
        (date(2000, 2, 29), date(2027, 2, 28), 26),
    ],
)
def test_leeftijd_op(geboren, op, leeftijd):
    assert advies.leeftijd_op(geboren, op) == leeftijd


def test_zelfde_feiten_zelfde_advies():
    assert route_advies(feiten(leeftijd=22, studiewens="mbo")) == route_advies(
        feiten(leeftijd=22, studiewens="mbo")
    )


def test_elke_regel_heeft_een_engelse_naam_en_uitleg():
    """The case manager may work in English: every rule's name and explanation is in the
    catalogue and translated (they reach it through a makemessages keyword and gettext_noop)."""
    with translation.override("en"):
        for regel in advies.REGELS.values():
            for tekst in (regel.naam, regel.omschrijving):
                assert translation.gettext(tekst) != tekst, tekst
        assert translation.gettext(advies.REGELS["route_b1_standaard"].naam) == (
            "Otherwise → B1 route"
        )
