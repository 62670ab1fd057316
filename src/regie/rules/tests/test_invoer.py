"""Parsing the contract's JSON into typed objects: defaults, strictness, field paths."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from regie.rules import InvoerFout, evalueer
from regie.rules import model as m
from regie.rules.invoer import lees_invoer
from regie.rules.tests.hulp import dossier


def fout_bij(invoer: Any) -> InvoerFout:
    with pytest.raises(InvoerFout) as fout:
        lees_invoer(invoer)
    return fout.value


def test_minimale_invoer_met_standaardwaarden() -> None:
    invoer = lees_invoer(
        {
            "peildatum": "2024-01-01",
            "persoon": {"geboortedatum": "1990-01-01", "verblijf": "eu_ers"},
        }
    )
    assert invoer.gebeurtenissen == ()
    assert invoer.vragen == ()
    assert invoer.persoon == m.Persoon(date(1990, 1, 1), m.Verblijf.EU_ERS)
    assert invoer.persoon.jaren_leerplichtig_in_nl == 0


def test_null_voor_optionele_velden() -> None:
    invoer = lees_invoer(
        {
            "peildatum": "2024-01-01",
            "persoon": {
                "geboortedatum": "1990-01-01",
                "verblijf": "regulier_gezin",
                "nationaliteit": None,
                "diplomas": None,
                "jaren_leerplichtig_in_nl": None,
            },
            "gebeurtenissen": None,
            "vragen": None,
        }
    )
    assert invoer.persoon.diplomas == ()


def test_onbekende_sleutels_worden_genegeerd() -> None:
    invoer = dossier("2024-06-01")
    invoer["dossiernummer"] = "X-1"
    invoer["gebeurtenissen"][0]["bron"] = "IND"
    assert evalueer(invoer).conclusie("plicht_vanaf").waarde == date(2024, 2, 5)


def test_gebeurtenissen_worden_getypeerd() -> None:
    invoer = lees_invoer(
        dossier(
            "2026-01-01",
            [
                {
                    "type": "uren",
                    "datum": "2025-01-01",
                    "soort": "taal_knm",
                    "uren": 12.5,
                    "keurmerk": True,
                },
                {"type": "examenpoging", "datum": "2025-02-01", "onderdeel": "knm", "niveau": "B1"},
                {
                    "type": "termijn_verlengd",
                    "datum": "2025-03-01",
                    "nieuwe_einddatum": "2028-01-01",
                },
                {"type": "plicht_beeindigd", "datum": "2025-04-01"},
            ],
        )
    )
    uren, poging, verlengd, einde = invoer.gebeurtenissen
    assert uren == m.Uren(date(2025, 1, 1), m.Uursoort.TAAL_KNM, 12.5, True)
    assert poging.niveau is None  # KNM has no level
    assert poging.resultaat is None
    assert verlengd.nieuwe_einddatum == date(2028, 1, 1)
    assert einde.reden == "onbekend"


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"peildatum": "2024-1-1"}, "peildatum"),
        ({"peildatum": "2024-W01-1"}, "peildatum"),
        ({"peildatum": " 2024-01-01"}, "peildatum"),
        ({"peildatum": "１２３４-01-01"}, "peildatum"),  # non-ASCII digits
        ({"peildatum": "1899-12-31"}, "peildatum"),
        ({"peildatum": "2200-01-01"}, "peildatum"),
        ({"peildatum": ["2024-01-01"]}, "peildatum"),
        ({"persoon": "Eritreeër"}, "persoon"),
        ({"persoon": {"verblijf": "eu_ers"}}, "persoon.geboortedatum"),
        ({"persoon": {"geboortedatum": "1990-01-01"}}, "persoon.verblijf"),
        ({"persoon": {"geboortedatum": "1990-01-01", "verblijf": "EU_ERS"}}, "persoon.verblijf"),
        (
            {
                "persoon": {
                    "geboortedatum": "1990-01-01",
                    "verblijf": "eu_ers",
                    "nationaliteit": "nl",
                }
            },
            "persoon.nationaliteit",
        ),
        (
            {
                "persoon": {
                    "geboortedatum": "1990-01-01",
                    "verblijf": "eu_ers",
                    "diplomas": ["mavo"],
                }
            },
            "persoon.diplomas[0]",
        ),
        (
            {
                "persoon": {
                    "geboortedatum": "1990-01-01",
                    "verblijf": "eu_ers",
                    "jaren_leerplichtig_in_nl": -1,
                }
            },
            "persoon.jaren_leerplichtig_in_nl",
        ),
        (
            {
                "persoon": {
                    "geboortedatum": "1990-01-01",
                    "verblijf": "eu_ers",
                    "jaren_leerplichtig_in_nl": 8.0,
                }
            },
            "persoon.jaren_leerplichtig_in_nl",
        ),
        ({"gebeurtenissen": ["koppeling"]}, "gebeurtenissen[0]"),
        ({"gebeurtenissen": [{"datum": "2024-01-01"}]}, "gebeurtenissen[0].type"),
        ({"gebeurtenissen": [{"type": 3, "datum": "2024-01-01"}]}, "gebeurtenissen[0].type"),
        (
            {"gebeurtenissen": [{"type": "koppeling", "datum": "2024-01-01"}]},
            "gebeurtenissen[0].gemeente",
        ),
        (
            {"gebeurtenissen": [{"type": "koppeling", "datum": "2024-01-01", "gemeente": 988}]},
            "gebeurtenissen[0].gemeente",
        ),
        (
            {"gebeurtenissen": [{"type": "duo_gebeurtenis", "datum": "2024-01-01", "code": "139"}]},
            "gebeurtenissen[0].code",
        ),
        (
            {
                "gebeurtenissen": [
                    {
                        "type": "uren",
                        "datum": "2024-01-01",
                        "soort": "taal_knm",
                        "uren": -1,
                        "keurmerk": True,
                    }
                ]
            },
            "gebeurtenissen[0].uren",
        ),
        (
            {
                "gebeurtenissen": [
                    {
                        "type": "uren",
                        "datum": "2024-01-01",
                        "soort": "taal_knm",
                        "uren": True,
                        "keurmerk": True,
                    }
                ]
            },
            "gebeurtenissen[0].uren",
        ),
        (
            {
                "gebeurtenissen": [
                    {
                        "type": "uren",
                        "datum": "2024-01-01",
                        "soort": "taal_knm",
                        "uren": 5,
                        "keurmerk": "ja",
                    }
                ]
            },
            "gebeurtenissen[0].keurmerk",
        ),
        (
            {
                "gebeurtenissen": [
                    {
                        "type": "examenpoging",
                        "datum": "2024-01-01",
                        "onderdeel": "lezen",
                        "niveau": None,
                    }
                ]
            },
            "gebeurtenissen[0].niveau",
        ),
        (
            {
                "gebeurtenissen": [
                    {
                        "type": "pip_vastgesteld",
                        "datum": "2024-01-01",
                        "leerroute": "b1_route",
                        "niveau": "C1",
                    }
                ]
            },
            "gebeurtenissen[0].niveau",
        ),
        ({"vragen": [{"dagtekening": "2024-01-01"}]}, "vragen[0].actie"),
        (
            {"vragen": [{"actie": "pip_aanleveren", "leerroute": "b1_route"}]},
            "vragen[0].dagtekening",
        ),
        (
            {
                "vragen": [
                    {
                        "actie": "pip_aanleveren",
                        "dagtekening": "2024-07-10",
                        "leerroute": "b1_route",
                        "geschatte_intensiteit": "600",
                    }
                ]
            },
            "vragen[0].geschatte_intensiteit",
        ),
        (
            {
                "vragen": [
                    {
                        "actie": "pip_aanleveren",
                        "dagtekening": "2024-07-10",
                        "leerroute": "b1_route",
                        "geschatte_intensiteit": 0,
                    }
                ]
            },
            "vragen[0].geschatte_intensiteit",
        ),
        (
            {"vragen": [{"actie": "boete_opleggen", "grond": "art_24", "verwijtbaar": True}]},
            "vragen[0].grond",
        ),
        (
            {"vragen": [{"actie": "boete_opleggen", "grond": "brede_intake", "verwijtbaar": 1}]},
            "vragen[0].verwijtbaar",
        ),
        (
            {
                "vragen": [
                    {
                        "actie": "verwijtbaar_melden",
                        "onderdeel": "map",
                        "waarde": "misschien",
                        "datum": "2024-01-01",
                    }
                ]
            },
            "vragen[0].waarde",
        ),
        (
            {"vragen": [{"actie": "examen_gratis", "datum": "2024-01-01", "onderdeel": "spreken"}]},
            "vragen[0].niveau",
        ),
        ({"parameters": {"naam": "x"}}, "parameters"),
    ],
)
def test_fout_noemt_het_veld(wijziging: dict[str, Any], veld: str) -> None:
    invoer = {
        "peildatum": "2024-06-01",
        "persoon": {"geboortedatum": "1990-01-01", "verblijf": "regulier_gezin"},
        **wijziging,
    }
    fout = fout_bij(invoer)
    assert fout.veld == veld
    assert str(fout).startswith(f"{veld}: ")
    assert "\n" not in str(fout)


def test_lange_waarden_worden_ingekort_in_de_melding() -> None:
    fout = fout_bij({"peildatum": "x" * 10_000, "persoon": {}})
    assert len(str(fout)) < 200


def test_invoer_moet_een_object_zijn() -> None:
    assert fout_bij("[]").veld == "invoer"
    assert fout_bij(None).veld == "invoer"
