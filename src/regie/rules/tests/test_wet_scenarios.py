"""The 40 acceptance scenarios of law.md §14 as a table.

Each row: the §14 number, the evidence tag of the rule it rests on, the article, the input and
the part of the output it must contain (checked like the shared scenarios: subset match).
The test id reads ``NN-TAG-article-what``; rows resting on R or UNCONFIRMED rules carry that
tag in the id and the ``zekerheid`` marker (select them with ``-m zekerheid``). Scenarios the
engine cannot decide (DUO decisions, amounts the law leaves open) are listed as skipped with
the reason.
"""

from __future__ import annotations

from typing import Any

import pytest

from regie.rules import evalueer
from regie.rules.tests.hulp import PIP_2024_07_10, WEERT_VOOR_PIP, bevat, dossier


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

SCENARIOS = [
    geval(
        1,
        "C",
        "Wi-overgangsrecht-wi2013",
        dossier(
            "2023-01-10",
            [
                {"type": "verblijfsrecht_bekendgemaakt", "datum": "2021-11-20"},
                {"type": "koppeling", "datum": "2021-12-10", "gemeente": "1706"},
            ],
            [{"actie": "boete_opleggen", "grond": "brede_intake", "verwijtbaar": True}],
            geboortedatum="1992-06-01",
            nationaliteit="SYR",
        ),
        {
            "conclusies": {"regime": "wi2013", "plicht_vanaf": "2021-11-20"},
            "antwoorden": [geweigerd("boete_opleggen", "ANDER_REGIME")],
        },
    ),
    geval(
        2,
        "C",
        "Wi-3-13-lid-1-gekoppeld-asielstatushouder",
        dossier("2024-03-15", WEERT_VOOR_PIP[:2]),
        {
            "conclusies": {
                "regime": "wi2021",
                "inburgeringsplichtig": True,
                "plicht_vanaf": "2024-02-05",
                "doelgroep": "asielstatushouder",
                "regie_gemeente": "0988",
                "pip_uiterlijk": None,
                "termijn_start": None,
            }
        },
    ),
    geval(
        3,
        "S",
        "Besluit-5.3-pip-10-weken",
        dossier("2024-06-01"),
        {"conclusies": {"pip_uiterlijk": "2024-07-11"}},
    ),
    geval(
        4,
        "S",
        "Besluit-5.3-informatie-derden-2-weken",
        dossier(
            "2024-07-06",
            [*WEERT_VOOR_PIP, {"type": "informatie_derden_ontvangen", "datum": "2024-07-05"}],
        ),
        {"conclusies": {"pip_uiterlijk": "2024-07-19"}},
    ),
    geval(
        5,
        "C",
        "Wi-11-termijn-vanaf-eerste-pip",
        dossier("2024-07-20", MET_PIP),
        {"conclusies": {"termijn_start": "2024-07-11", "termijn_eind": "2027-07-10"}},
    ),
    geval(
        6,
        "C",
        "Wi-11-gewijzigd-pip-verschuift-termijn-niet",
        dossier("2025-02-01", [*MET_PIP, pip("2025-01-15", "z_route", None)]),
        {
            "conclusies": {
                "termijn_start": "2024-07-11",
                "termijn_eind": "2027-07-10",
                "zroute_uren_vereist": {"taal_knm": 800, "participatie": 800},
            }
        },
    ),
    geval(
        7,
        "C",
        "SDI014-dagtekening-voor-eerdere-pip",
        dossier("2024-08-01", MET_PIP, [pip_vraag("2024-06-01", "z_route", None)]),
        {"antwoorden": [geweigerd("pip_aanleveren", "DAGTEKENING_VOOR_EERDERE_PIP")]},
    ),
    geval(
        8,
        "C",
        "SDI014-a2-b1-route-eerste-pip",
        dossier("2024-07-01", None, [pip_vraag("2024-06-28", "b1_route", "A2")]),
        {"antwoorden": [geweigerd("pip_aanleveren", "A2_B1ROUTE_EERSTE_PIP")]},
    ),
    geval(
        9,
        "C",
        "SDI014-a2-onderwijsroute",
        dossier("2024-07-01", None, [pip_vraag("2024-06-28", "onderwijsroute", "A2")]),
        {"antwoorden": [geweigerd("pip_aanleveren", "A2_MET_ONDERWIJSROUTE")]},
    ),
    geval(
        10,
        "C",
        "SDI014-b1-zroute",
        dossier("2024-07-01", None, [pip_vraag("2024-06-28", "z_route", "B1")]),
        {"antwoorden": [geweigerd("pip_aanleveren", "B1_MET_ZROUTE")]},
    ),
    geval(
        11,
        "C",
        "SDI014-zonder-niveau-b1",
        dossier("2024-07-01", None, [pip_vraag("2024-06-28", "b1_route", None)]),
        {"antwoorden": [toegestaan("pip_aanleveren", niveau_vastgesteld="B1")]},
    ),
    geval(
        12,
        "S",
        "Besluit-5.5-afschalen-480-uur",
        dossier(
            "2026-03-01",
            [*MET_PIP, uren("2025-12-31", 480)],
            [{"actie": "afschalen", "datum": "2026-02-15"}],
        ),
        {"antwoorden": [geweigerd("afschalen", "TE_WEINIG_UREN", uren_geteld=480)]},
    ),
    geval(
        13,
        "S",
        "Besluit-5.5-afschalen-640-uur",
        dossier(
            "2026-03-01",
            [*MET_PIP, uren("2025-06-30", 340), uren("2025-12-31", 300)],
            [
                {"actie": "afschalen", "datum": "2026-02-15"},
                pip_vraag("2026-02-16", "b1_route", "A2"),
            ],
        ),
        {
            "conclusies": {"termijn_start": "2024-07-11", "termijn_eind": "2027-07-10"},
            "antwoorden": [
                toegestaan("afschalen", uren_geteld=640),
                toegestaan("pip_aanleveren", niveau_vastgesteld="A2"),
            ],
        },
    ),
    geval(
        13,
        "C",
        "Wi-11-afgeschaald-pip-termijn-ongewijzigd",
        dossier("2026-03-01", [*MET_PIP, pip("2026-02-16", "b1_route", "A2")]),
        {"conclusies": {"termijn_start": "2024-07-11", "termijn_eind": "2027-07-10"}},
    ),
    geval(
        14,
        "S",
        "Besluit-5.5-uren-zonder-keurmerk-tellen-niet",
        dossier(
            "2026-03-01",
            [*MET_PIP, uren("2025-06-30", 440), uren("2025-12-31", 200, keurmerk=False)],
            [{"actie": "afschalen", "datum": "2026-02-15"}],
        ),
        {"antwoorden": [geweigerd("afschalen", "TE_WEINIG_UREN", uren_geteld=440)]},
    ),
    geval(
        15,
        "S",
        "Regeling-3.5-lager-niveau-niet-gratis",
        dossier(
            "2026-01-10",
            MET_PIP,
            [
                {
                    "actie": "examen_gratis",
                    "datum": "2026-01-05",
                    "onderdeel": "lezen",
                    "niveau": "A2",
                }
            ],
        ),
        {"antwoorden": [geweigerd("examen_gratis", "LAGER_NIVEAU_DAN_PIP")]},
    ),
    geval(
        16,
        "S",
        "Regeling-3.5-lid-3-knm-derde-poging-betaald",
        dossier(
            "2026-05-01",
            [*MET_PIP, poging("2025-10-01", "knm", None), poging("2026-01-15", "knm", None)],
            [{"actie": "examen_gratis", "datum": "2026-04-01", "onderdeel": "knm", "niveau": None}],
        ),
        {"antwoorden": [geweigerd("examen_gratis", "GRATIS_POGINGEN_OP")]},
    ),
    geval(
        16,
        "C",
        "Regeling-3.5-lid-3-knm-tweede-poging-gratis",
        dossier(
            "2026-05-01",
            [*MET_PIP, poging("2025-10-01", "knm", None)],
            [{"actie": "examen_gratis", "datum": "2026-04-01", "onderdeel": "knm", "niveau": None}],
        ),
        {"antwoorden": [toegestaan("examen_gratis")]},
    ),
    geval(
        17,
        "S",
        "Besluit-3.14-zroute-asiel-afgerond-binnen-termijn",
        dossier(
            "2027-09-01",
            [
                *ZROUTE_ASIEL,
                uren("2027-06-30", 800),
                uren("2027-06-30", 800, soort="participatie"),
                {"type": "zroute_afgerond", "datum": "2027-08-15"},
            ],
            [{"actie": "pvt_registreren", "datum": "2027-08-20"}],
        ),
        {
            "conclusies": {
                "termijn_start": "2024-10-01",
                "termijn_eind": "2027-09-30",
                "zroute_uren_vereist": {"taal_knm": 800, "participatie": 800},
                "plicht_voldaan_op": "2027-08-15",
                "inburgeringsplichtig": False,
            },
            "antwoorden": [geweigerd("pvt_registreren", "NA_AFRONDING_ZROUTE")],
        },
    ),
    geval(
        18,
        "S",
        "Besluit-3.14-zroute-gezinsmigrant-geen-participatie-uren",
        gezinsmigrant("2025-02-01", [*GEZIN_NEDERWEERT, pip("2024-11-25", "z_route", None)]),
        {
            "conclusies": {
                "doelgroep": "gezinsmigrant_overig",
                "zroute_uren_vereist": {"taal_knm": 800, "participatie": 0},
            }
        },
    ),
    geval(
        19,
        "S",
        "Besluit-3.14-lid-7-zroute-knm-vrijwillig-gratis",
        dossier(
            "2025-03-01",
            ZROUTE_ASIEL,
            [{"actie": "examen_gratis", "datum": "2025-02-01", "onderdeel": "knm", "niveau": None}],
        ),
        {"antwoorden": [toegestaan("examen_gratis")]},
    ),
    geval(
        20,
        "S",
        "Wi-8-lid-3-onderwijsroute-geen-map",
        dossier("2024-08-01", [*WEERT_VOOR_PIP, pip("2024-07-10", "onderwijsroute", None)]),
        {"conclusies": {"map_vereist": False, "pvt_vereist": True}},
    ),
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
    uitkomst = evalueer(invoer).als_json()
    assert bevat(verwacht, uitkomst) == []


def test_alle_veertig_scenarios_staan_in_de_tabel() -> None:
    nummers = {int(p.id.split("-")[0]) for p in SCENARIOS}
    assert nummers == set(range(1, 41))
