"""Builders for the law.md §14 table (test_wet_scenarios*.py)."""

from __future__ import annotations

from typing import Any

import pytest

from regie.rules.tests.hulp import PIP_2024_07_10, WEERT_VOOR_PIP, dossier


def geval(nummer: int, tag: str, artikel: str, invoer: dict[str, Any], verwacht: dict[str, Any]):
    return pytest.param(
        invoer, verwacht, id=f"{nummer:02d}-{tag}-{artikel}", marks=pytest.mark.zekerheid(tag)
    )


def overgeslagen(nummer: int, tag: str, artikel: str, reden: str):
    return pytest.param(
        {},
        {},
        id=f"{nummer:02d}-{tag}-{artikel}",
        marks=[pytest.mark.zekerheid(tag), pytest.mark.skip(reason=reden)],
    )


MET_PIP = [*WEERT_VOOR_PIP, PIP_2024_07_10]


def gezinsmigrant(peildatum: str, gebeurtenissen: list[dict[str, Any]], vragen=None, **persoon):
    return dossier(
        peildatum,
        gebeurtenissen,
        vragen,
        **{"geboortedatum": "1988-11-23", "nationaliteit": "MAR", "verblijf": "regulier_gezin"}
        | persoon,
    )


GEZIN_NEDERWEERT = [
    {"type": "verblijfsrecht_bekendgemaakt", "datum": "2024-09-02"},
    {"type": "vestiging", "datum": "2024-09-02", "gemeente": "0946"},
    {"type": "duo_gebeurtenis", "datum": "2024-09-20", "code": "SS139"},
]


def pip(datum: str, leerroute: str = "b1_route", niveau: str | None = "B1") -> dict[str, Any]:
    return {"type": "pip_vastgesteld", "datum": datum, "leerroute": leerroute, "niveau": niveau}


def uren(datum: str, aantal: int, keurmerk: bool = True, soort: str = "taal_knm"):
    return {"type": "uren", "datum": datum, "soort": soort, "uren": aantal, "keurmerk": keurmerk}


def poging(datum: str, onderdeel: str, niveau: str | None, resultaat: str = "niet_behaald"):
    return {
        "type": "examenpoging",
        "datum": datum,
        "onderdeel": onderdeel,
        "niveau": niveau,
        "resultaat": resultaat,
    }


def pip_vraag(dagtekening: str, leerroute: str, niveau: str | None) -> dict[str, Any]:
    return {
        "actie": "pip_aanleveren",
        "dagtekening": dagtekening,
        "leerroute": leerroute,
        "niveau": niveau,
    }


def geweigerd(actie: str, *redenen: str, **velden: Any) -> dict[str, Any]:
    return {"actie": actie, "toegestaan": False, "redenen": list(redenen), **velden}


def toegestaan(actie: str, **velden: Any) -> dict[str, Any]:
    return {"actie": actie, "toegestaan": True, "redenen": [], **velden}


ZROUTE_ASIEL = [
    {"type": "verblijfsrecht_bekendgemaakt", "datum": "2024-05-01"},
    {"type": "koppeling", "datum": "2024-05-20", "gemeente": "0988"},
    {"type": "vestiging", "datum": "2024-07-15", "gemeente": "0988"},
    {"type": "duo_gebeurtenis", "datum": "2024-07-16", "code": "SS139"},
    pip("2024-09-30", "z_route", None),
]
