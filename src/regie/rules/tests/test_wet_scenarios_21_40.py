"""law.md §14 scenarios 21-40 (see test_wet_scenarios.py for the conventions)."""

from __future__ import annotations

from typing import Any

import pytest

from regie.rules import evalueer
from regie.rules.tests.hulp import WEERT_VOOR_PIP, bevat, dossier
from regie.rules.tests.test_wet_scenarios import SCENARIOS as SCENARIOS_1_20
from regie.rules.tests.wet_hulp import (
    GEZIN_NEDERWEERT,
    MET_PIP,
    geval,
    geweigerd,
    gezinsmigrant,
    overgeslagen,
    pip,
    toegestaan,
)

SCENARIOS = [
    geval(
        21,
        "C",
        "SDI016-pvt-voor-termijnstart",
        dossier("2024-08-01", MET_PIP, [{"actie": "pvt_registreren", "datum": "2024-06-01"}]),
        {"antwoorden": [geweigerd("pvt_registreren", "VOOR_TERMIJNSTART")]},
    ),
    geval(
        22,
        "C",
        "SDI016-verwijtbaar-nee-binnen-2-maanden",
        dossier(
            "2027-05-20",
            MET_PIP,
            [
                {
                    "actie": "verwijtbaar_melden",
                    "onderdeel": "map",
                    "waarde": "nee",
                    "datum": "2027-05-20",
                },
                {
                    "actie": "verwijtbaar_melden",
                    "onderdeel": "map",
                    "waarde": "ja",
                    "datum": "2027-05-20",
                },
            ],
        ),
        {
            "antwoorden": [
                toegestaan("verwijtbaar_melden"),
                geweigerd("verwijtbaar_melden", "TERMIJN_NIET_OVERSCHREDEN"),
            ]
        },
    ),
    geval(
        23,
        "C",
        "SDI016-verwijtbaar-4-maanden-voor-einde",
        dossier(
            "2027-03-01",
            MET_PIP,
            [
                {
                    "actie": "verwijtbaar_melden",
                    "onderdeel": "map",
                    "waarde": "nee",
                    "datum": "2027-03-01",
                },
                {
                    "actie": "verwijtbaar_melden",
                    "onderdeel": "map",
                    "waarde": "ja",
                    "datum": "2027-03-01",
                },
            ],
        ),
        {
            "antwoorden": [
                geweigerd("verwijtbaar_melden", "TE_VROEG"),
                geweigerd("verwijtbaar_melden", "TERMIJN_NIET_OVERSCHREDEN"),
            ]
        },
    ),
    geval(
        24,
        "C",
        "Wi-22-boete-brede-intake-max-800",
        gezinsmigrant(
            "2024-11-01",
            GEZIN_NEDERWEERT,
            [{"actie": "boete_opleggen", "grond": "brede_intake", "verwijtbaar": True}],
        ),
        {"antwoorden": [toegestaan("boete_opleggen", max_bedrag=800)]},
    ),
    geval(
        25,
        "R",
        "Awb-5.41-niet-verwijtbaar-geen-boete",
        dossier(
            "2025-06-01",
            MET_PIP,
            [{"actie": "boete_opleggen", "grond": "pip_naleving", "verwijtbaar": False}],
        ),
        {"antwoorden": [geweigerd("boete_opleggen", "NIET_VERWIJTBAAR", max_bedrag=None)]},
    ),
    geval(
        26,
        "C",
        "Wi-23-boete-pip-naleving-max-800",
        dossier(
            "2025-06-01",
            MET_PIP,
            [{"actie": "boete_opleggen", "grond": "pip_naleving", "verwijtbaar": True}],
        ),
        {"antwoorden": [toegestaan("boete_opleggen", max_bedrag=800)]},
    ),
    geval(
        27,
        "C",
        "Wi-3-minderjarige-nog-niet-plichtig",
        dossier(
            "2025-06-01",
            WEERT_VOOR_PIP[:2],
            geboortedatum="2007-09-01",
            nationaliteit="AFG",
        ),
        {"conclusies": {"inburgeringsplichtig": False, "plicht_vanaf": "2025-09-01"}},
    ),
    geval(
        27,
        "C",
        "Wi-3-plichtig-op-18e-verjaardag",
        dossier("2025-09-01", WEERT_VOOR_PIP[:2], geboortedatum="2007-09-01"),
        {"conclusies": {"inburgeringsplichtig": True, "plicht_vanaf": "2025-09-01"}},
    ),
    overgeslagen(
        28,
        "C",
        "Wi-3-minderjarige-op-verzoek",
        "DUO decides on the request; the contract has no event for it, so the engine cannot "
        "decide it (the resulting plicht start would arrive as a bekendmaking/SS101).",
    ),
    geval(
        29,
        "R",
        "AOW-7a-dag-voor-aow-leeftijd-plichtig",
        gezinsmigrant(
            "2027-10-14",
            [{"type": "verblijfsrecht_bekendgemaakt", "datum": "2026-01-10"}],
            geboortedatum="1960-10-15",
        ),
        {"conclusies": {"inburgeringsplichtig": True, "aow_datum": "2027-10-15"}},
    ),
    geval(
        29,
        "R",
        "AOW-7a-plicht-eindigt-geen-boete",
        gezinsmigrant(
            "2027-10-15",
            [{"type": "verblijfsrecht_bekendgemaakt", "datum": "2026-01-10"}],
            [{"actie": "boete_opleggen", "grond": "brede_intake", "verwijtbaar": True}],
            geboortedatum="1960-10-15",
        ),
        {
            "conclusies": {"inburgeringsplichtig": False, "regime": "geen"},
            "antwoorden": [geweigerd("boete_opleggen", "GEEN_PLICHT")],
        },
    ),
    geval(
        30,
        "C",
        "Regeling-2.1-vmbo-volledige-vrijstelling",
        gezinsmigrant(
            "2023-06-01",
            [{"type": "verblijfsrecht_bekendgemaakt", "datum": "2023-02-01"}],
            diplomas=["vmbo"],
        ),
        {"conclusies": {"vrijstelling_diploma": True}},
    ),
    geval(
        31,
        "C",
        "Regeling-2.1-praktijkonderwijs-geen-vrijstelling",
        gezinsmigrant(
            "2023-06-01",
            [{"type": "verblijfsrecht_bekendgemaakt", "datum": "2023-02-01"}],
            diplomas=["praktijkonderwijs", "entree"],
        ),
        {"conclusies": {"vrijstelling_diploma": False}},
    ),
    geval(
        32,
        "C",
        "SS108-volledige-ontheffing-plicht-voldaan",
        dossier(
            "2025-06-01",
            [*MET_PIP, {"type": "duo_gebeurtenis", "datum": "2025-03-01", "code": "SS108"}],
            geboortedatum="1969-05-05",
        ),
        {"conclusies": {"plicht_voldaan_op": "2025-03-01", "inburgeringsplichtig": False}},
    ),
    geval(
        33,
        "C",
        "Wi-13-lid-1-b-nareiziger-regulier-geen-ontzorgen",
        dossier(
            "2024-09-01",
            [
                {"type": "verblijfsrecht_bekendgemaakt", "datum": "2024-04-10"},
                {"type": "vestiging", "datum": "2024-04-10", "gemeente": "1706"},
                {"type": "bijstand_gestart", "datum": "2024-05-01"},
            ],
            verblijf="nareiziger_regulier",
        ),
        {
            "conclusies": {
                "doelgroep": "asielstatushouder",
                "maatschappelijke_begeleiding": True,
                "ontzorgen": {"recht": False, "minimaal_tot": None},
            }
        },
    ),
    geval(
        34,
        "R",
        "Pw-56a-ontzorgen-ten-minste-6-maanden",
        dossier(
            "2024-09-01", [*WEERT_VOOR_PIP, {"type": "bijstand_gestart", "datum": "2024-08-01"}]
        ),
        {"conclusies": {"ontzorgen": {"recht": True, "minimaal_tot": "2025-01-31"}}},
    ),
    geval(
        35,
        "C",
        "Wi-11-verhuizing-termijn-blijft",
        dossier(
            "2025-03-10",
            [
                {"type": "verblijfsrecht_bekendgemaakt", "datum": "2024-04-01"},
                {"type": "koppeling", "datum": "2024-04-20", "gemeente": "0946"},
                {"type": "vestiging", "datum": "2024-06-01", "gemeente": "0946"},
                {"type": "duo_gebeurtenis", "datum": "2024-06-02", "code": "SS139"},
                pip("2024-10-01"),
                {"type": "verhuizing", "datum": "2025-03-01", "gemeente": "1706"},
                {"type": "duo_gebeurtenis", "datum": "2025-03-02", "code": "SS121"},
            ],
        ),
        {
            "conclusies": {
                "regie_gemeente": "1706",
                "termijn_start": "2024-10-02",
                "termijn_eind": "2027-10-01",
            }
        },
    ),
    geval(
        36,
        "C",
        "Wi-12-einddatum-van-duo-leidend",
        dossier(
            "2025-10-01",
            [
                *MET_PIP,
                {"type": "duo_gebeurtenis", "datum": "2025-02-01", "code": "SS109"},
                {"type": "duo_gebeurtenis", "datum": "2025-09-01", "code": "SS130"},
                {
                    "type": "termijn_verlengd",
                    "datum": "2025-09-05",
                    "nieuwe_einddatum": "2028-02-10",
                },
            ],
        ),
        {"conclusies": {"termijn_start": "2024-07-11", "termijn_eind": "2028-02-10"}},
    ),
    geval(
        37,
        "C",
        "Wi-3-turkse-gezinsmigrant-plichtig",
        gezinsmigrant(
            "2023-08-01",
            [{"type": "verblijfsrecht_bekendgemaakt", "datum": "2023-05-01"}],
            nationaliteit="TUR",
            geboortedatum="1988-02-01",
        ),
        {
            "conclusies": {
                "regime": "wi2021",
                "inburgeringsplichtig": True,
                "doelgroep": "gezinsmigrant_overig",
            }
        },
    ),
    geval(
        38,
        "C",
        "SDI014-aanbod-niet-voor-gezinsmigrant",
        gezinsmigrant(
            "2025-02-01",
            [*GEZIN_NEDERWEERT, pip("2024-11-25")],
            [{"actie": "aanbod_aanleveren", "keurmerk": True}],
        ),
        {"antwoorden": [geweigerd("aanbod_aanleveren", "GEEN_ASIELSTATUSHOUDER")]},
    ),
    geval(
        39,
        "C",
        "SDI016-verwijtbaar-ja-na-termijn",
        dossier(
            "2027-07-20",
            MET_PIP,
            [
                {
                    "actie": "verwijtbaar_melden",
                    "onderdeel": "pvt",
                    "waarde": "ja",
                    "datum": "2027-07-15",
                }
            ],
        ),
        {"antwoorden": [toegestaan("verwijtbaar_melden")]},
    ),
    overgeslagen(
        39,
        "UNCONFIRMED",
        "Wi-26-duo-boete-bedrag",
        "The amount of DUO's fine under Wi 2021 is UNCONFIRMED (law.md R9.6); DUO imposes it, "
        "the engine computes no amount.",
    ),
    geval(
        40,
        "UNCONFIRMED",
        "beleidskader-2-voortgangsgesprekken-in-12-maanden",
        dossier(
            "2025-07-10",
            [*MET_PIP, {"type": "voortgangsgesprek", "datum": "2024-10-01"}],
        ),
        {
            "conclusies": {
                "voortgangsgesprekken": {
                    "vereist": 2,
                    "venster_eind": "2025-07-10",
                    "gehouden": 1,
                    "tekort": 1,
                }
            }
        },
    ),
]


@pytest.mark.parametrize(("invoer", "verwacht"), SCENARIOS)
def test_wet_scenario(invoer: dict[str, Any], verwacht: dict[str, Any]) -> None:
    assert bevat(verwacht, evalueer(invoer).als_json()) == []


def test_alle_veertig_scenarios_staan_in_de_tabel() -> None:
    nummers = {int(p.id.split("-")[0]) for p in (*SCENARIOS_1_20, *SCENARIOS)}
    assert nummers == set(range(1, 41))
