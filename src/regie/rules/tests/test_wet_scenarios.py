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
from regie.rules.tests.hulp import WEERT_VOOR_PIP, bevat, dossier
from regie.rules.tests.wet_hulp import (
    GEZIN_NEDERWEERT,
    MET_PIP,
    ZROUTE_ASIEL,
    geval,
    geweigerd,
    gezinsmigrant,
    pip,
    pip_vraag,
    poging,
    toegestaan,
    uren,
)

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
]


@pytest.mark.parametrize(("invoer", "verwacht"), SCENARIOS)
def test_wet_scenario(invoer: dict[str, Any], verwacht: dict[str, Any]) -> None:
    assert bevat(verwacht, evalueer(invoer).als_json()) == []
