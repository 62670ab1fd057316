"""Rule by rule: the edges the scenarios do not reach, and the structured API for the UI."""

from __future__ import annotations

from datetime import date

import pytest

from regie.rules import Bevinding, Grondslag, Reden, Zekerheid, evalueer
from regie.rules.tests.hulp import PIP_2024_07_10, WEERT_VOOR_PIP, dossier

MET_PIP = [*WEERT_VOOR_PIP, PIP_2024_07_10]


def conclusie(invoer: dict, naam: str) -> object:
    return evalueer(invoer).conclusie(naam).waarde


# --- The public API shape -------------------------------------------------------------------


def test_contractvoorbeeld() -> None:
    invoer = {
        "peildatum": "2024-07-20",
        "persoon": {
            "geboortedatum": "1994-03-02",
            "nationaliteit": "ERI",
            "verblijf": "asiel_bepaalde_tijd",
            "diplomas": [],
            "jaren_leerplichtig_in_nl": 0,
        },
        "gebeurtenissen": [
            {"type": "verblijfsrecht_bekendgemaakt", "datum": "2024-02-05"},
            {"type": "koppeling", "datum": "2024-03-01", "gemeente": "0988"},
        ],
        "vragen": [
            {
                "actie": "pip_aanleveren",
                "dagtekening": "2024-07-10",
                "leerroute": "b1_route",
                "niveau": None,
            }
        ],
    }
    uit = evalueer(invoer).als_json()
    antwoord = uit["antwoorden"][0]
    assert antwoord["actie"] == "pip_aanleveren"
    assert antwoord["toegestaan"] is False
    assert antwoord["redenen"] == ["NOG_NIET_GEVESTIGD"]
    assert antwoord["niveau_vastgesteld"] == "B1"


def test_gestructureerde_toegang_voor_de_ui() -> None:
    uitkomst = evalueer(dossier("2024-06-01"))
    pip = uitkomst.conclusie("pip_uiterlijk")
    assert isinstance(pip, Bevinding)
    assert pip.waarde == date(2024, 7, 11)
    assert pip.grondslagen == (Grondslag("Besluit inburgering 2021", "5.3", Zekerheid.S),)
    assert pip.trace[0].startswith("SS139 op 2024-05-02 + 10 weken")
    assert pip.trace[0].endswith("= 2024-07-11")
    assert uitkomst.conclusies.pip_uiterlijk is pip
    with pytest.raises(KeyError):
        uitkomst.conclusie("bestaat_niet")


def test_grondslag_json_exact_als_contract() -> None:
    uit = evalueer(dossier("2024-06-01")).als_json()
    assert uit["grondslagen"]["pip_uiterlijk"] == [
        {"regeling": "Besluit inburgering 2021", "artikel": "5.3", "zekerheid": "S"}
    ]
    assert uit["trace"]["pip_uiterlijk"] == [
        "SS139 op 2024-05-02 + 10 weken (pip_termijn_weken = 10 (geldig vanaf 2022-01-01)) "
        "= 2024-07-11"
    ]


def test_antwoord_met_weigering_en_toelichting() -> None:
    invoer = dossier("2024-07-01", None, [{"actie": "aanbod_aanleveren", "keurmerk": False}])
    antwoord = evalueer(invoer).antwoorden[0]
    assert not antwoord.toegestaan
    assert antwoord.redenen == (Reden.GEEN_PIP, Reden.GEEN_KEURMERK)
    json_ = antwoord.als_json()
    assert json_["redenen"] == ["GEEN_PIP", "GEEN_KEURMERK"]
    assert json_["weigeringen"][0]["toelichting"]
    assert json_["trace"]


# --- Obligation ----------------------------------------------------------------------------


@pytest.mark.parametrize("verblijf", ["eu_ers", "regulier_tijdelijk"])
def test_niet_plichtig_verblijf(verblijf: str) -> None:
    uit = evalueer(dossier("2024-06-01", verblijf=verblijf)).als_json()["conclusies"]
    assert uit["inburgeringsplichtig"] is False
    assert uit["plicht_vanaf"] is None
    assert uit["regime"] == "geen"
    assert uit["doelgroep"] is None
    assert uit["maatschappelijke_begeleiding"] is False


def test_acht_jaar_leerplichtig_geen_plicht() -> None:
    assert conclusie(dossier("2024-06-01", jaren_leerplichtig_in_nl=8), "plicht_vanaf") is None
    assert conclusie(dossier("2024-06-01", jaren_leerplichtig_in_nl=7), "plicht_vanaf") == date(
        2024, 2, 5
    )


def test_plicht_beeindigd_telt_vanaf_de_dag_erna() -> None:
    einde = {"type": "plicht_beeindigd", "datum": "2025-01-10", "reden": "naturalisatie"}
    assert conclusie(dossier("2025-01-10", [*MET_PIP, einde]), "inburgeringsplichtig") is True
    assert conclusie(dossier("2025-01-11", [*MET_PIP, einde]), "inburgeringsplichtig") is False


def test_gebeurtenissen_na_peildatum_tellen_niet() -> None:
    # As of 2024-03-01 the SS139 of 2024-05-02 has not happened yet.
    assert conclusie(dossier("2024-03-01"), "pip_uiterlijk") is None
    assert conclusie(dossier("2024-05-02"), "pip_uiterlijk") == date(2024, 7, 11)
    assert conclusie(dossier("2024-01-01"), "plicht_vanaf") is None


def test_doelgroepwissel_ss124_en_ss125() -> None:
    ss124 = {"type": "duo_gebeurtenis", "datum": "2024-06-01", "code": "SS124"}
    ss125 = {"type": "duo_gebeurtenis", "datum": "2024-09-01", "code": "SS125"}
    assert (
        conclusie(dossier("2024-07-01", [*WEERT_VOOR_PIP, ss124]), "doelgroep")
        == "gezinsmigrant_overig"
    )
    assert (
        conclusie(dossier("2024-10-01", [*WEERT_VOOR_PIP, ss124, ss125]), "doelgroep")
        == "asielstatushouder"
    )


# --- PIP deadline ----------------------------------------------------------------------------


def test_laatste_ss139_telt() -> None:
    tweede = {"type": "duo_gebeurtenis", "datum": "2024-06-03", "code": "SS139"}
    assert conclusie(dossier("2024-07-01", [*WEERT_VOOR_PIP, tweede]), "pip_uiterlijk") == date(
        2024, 8, 12
    )


@pytest.mark.parametrize(
    ("ontvangen", "verwacht"),
    [
        ("2024-04-20", date(2024, 7, 11)),  # before the SS139: ignored
        ("2024-05-02", date(2024, 7, 11)),  # same day as the SS139: not "after" it
        ("2024-06-01", date(2024, 7, 11)),  # + 2 weeks is earlier: 10 weeks stand
        ("2024-06-27", date(2024, 7, 11)),  # + 2 weeks = 2024-07-11: equal
        ("2024-06-28", date(2024, 7, 12)),
    ],
)
def test_informatie_derden(ontvangen: str, verwacht: date) -> None:
    info = {"type": "informatie_derden_ontvangen", "datum": ontvangen}
    assert conclusie(dossier("2024-07-01", [*WEERT_VOOR_PIP, info]), "pip_uiterlijk") == verwacht


# --- Term ------------------------------------------------------------------------------------


def test_termijn_vanaf_schrikkeldag() -> None:
    pip = {
        "type": "pip_vastgesteld",
        "datum": "2024-02-29",
        "leerroute": "b1_route",
        "niveau": None,
    }
    uitkomst = evalueer(dossier("2024-03-01", [*WEERT_VOOR_PIP[:3], pip]))
    assert uitkomst.conclusie("termijn_start").waarde == date(2024, 3, 1)
    assert uitkomst.conclusie("termijn_eind").waarde == date(2027, 2, 28)


def test_verlenging_laatste_besluit_van_duo_wint() -> None:
    eerste = {"type": "termijn_verlengd", "datum": "2027-01-01", "nieuwe_einddatum": "2028-01-10"}
    tweede = {"type": "termijn_verlengd", "datum": "2027-06-01", "nieuwe_einddatum": "2027-12-10"}
    assert conclusie(dossier("2027-07-01", [*MET_PIP, eerste, tweede]), "termijn_eind") == date(
        2027, 12, 10
    )
    # Not yet known on 2027-05-01:
    assert conclusie(dossier("2027-05-01", [*MET_PIP, eerste, tweede]), "termijn_eind") == date(
        2028, 1, 10
    )


def test_verlenging_voor_termijnstart_wordt_genegeerd() -> None:
    raar = {"type": "termijn_verlengd", "datum": "2024-08-01", "nieuwe_einddatum": "2024-07-01"}
    uitkomst = evalueer(dossier("2024-09-01", [*MET_PIP, raar]))
    assert uitkomst.conclusie("termijn_eind").waarde == date(2027, 7, 10)
    assert any("genegeerd" in regel for regel in uitkomst.conclusie("termijn_eind").trace)


def test_gesprekken_buiten_venster_tellen_niet() -> None:
    gesprekken = [
        {"type": "voortgangsgesprek", "datum": d}
        for d in ("2024-07-10", "2024-07-11", "2025-07-10", "2025-07-11")
    ]
    waarde = conclusie(dossier("2026-01-01", [*MET_PIP, *gesprekken]), "voortgangsgesprekken")
    assert (waarde.gehouden, waarde.tekort) == (2, 0)


# --- Questions -----------------------------------------------------------------------------


def test_pip_voor_vestiging_en_voor_start_plicht() -> None:
    vraag = {
        "actie": "pip_aanleveren",
        "dagtekening": "2024-01-15",
        "leerroute": "b1_route",
        "niveau": "B1",
    }
    antwoord = evalueer(dossier("2024-06-01", None, [vraag])).antwoorden[0]
    assert set(antwoord.redenen) == {
        Reden.DAGTEKENING_VOOR_VESTIGING,
        Reden.DAGTEKENING_VOOR_START_PLICHT,
    }


def test_pip_zonder_plicht() -> None:
    vraag = {
        "actie": "pip_aanleveren",
        "dagtekening": "2024-06-01",
        "leerroute": "b1_route",
        "niveau": None,
    }
    antwoord = evalueer(dossier("2024-06-01", None, [vraag], verblijf="eu_ers")).antwoorden[0]
    assert Reden.GEEN_PLICHT in antwoord.redenen


def _intensiteit(leerroute: str, uren: int | None = 600, **persoon: object) -> object:
    vraag = {
        "actie": "pip_aanleveren",
        "dagtekening": "2024-07-10",
        "leerroute": leerroute,
        "niveau": None,
        "geschatte_intensiteit": uren,
    }
    return evalueer(dossier("2024-07-20", None, [vraag], **persoon)).antwoorden[0]


@pytest.mark.parametrize(
    ("leerroute", "persoon", "toegestaan"),
    [
        ("b1_route", {}, True),
        ("b1_route", {"verblijf": "nareiziger_regulier"}, True),  # asielstatushouder too
        ("z_route", {}, False),
        ("onderwijsroute", {}, False),
        ("b1_route", {"verblijf": "regulier_gezin"}, False),
        ("z_route", {"verblijf": "regulier_overig"}, False),
    ],
    ids=["b1-asiel", "b1-nareiziger", "z-asiel", "onderwijs-asiel", "b1-gezin", "z-overig"],
)
def test_geschatte_intensiteit_alleen_b1_route_en_asielstatushouder(
    leerroute: str, persoon: dict, toegestaan: bool
) -> None:
    antwoord = _intensiteit(leerroute, **persoon)
    assert (Reden.INTENSITEIT_NIET_TOEGESTAAN not in antwoord.redenen) is toegestaan
    if not toegestaan:
        weigering = next(
            w for w in antwoord.weigeringen if w.code is Reden.INTENSITEIT_NIET_TOEGESTAAN
        )
        assert weigering.grondslag == Grondslag(
            "DUO Inburgeringsketen M2M gegevensuitwisseling",
            "PIP API (SDI014): geschatte intensiteit alleen bij B1-route en asielmigranten",
            Zekerheid.C,
        )


def test_geschatte_intensiteit_volgt_de_doelgroepwissel() -> None:
    # SS124: DUO moves the person from the asylum doelgroep to family/other (law.md R1.9).
    wissel = {"type": "duo_gebeurtenis", "datum": "2024-06-01", "code": "SS124"}
    vraag = {
        "actie": "pip_aanleveren",
        "dagtekening": "2024-07-10",
        "leerroute": "b1_route",
        "niveau": None,
        "geschatte_intensiteit": 600,
    }
    invoer = dossier("2024-07-20", [*WEERT_VOOR_PIP, wissel], [vraag])
    antwoord = evalueer(invoer).antwoorden[0]
    assert antwoord.redenen == (Reden.INTENSITEIT_NIET_TOEGESTAAN,)
    assert "geen asielstatushouder" in antwoord.weigeringen[0].toelichting


def test_zonder_geschatte_intensiteit_geen_weigering() -> None:
    antwoord = _intensiteit("z_route", None)
    assert antwoord.toegestaan
    assert not any("intensiteit" in regel for regel in antwoord.trace)


def test_geschatte_intensiteit_in_de_json() -> None:
    vraag = {
        "actie": "pip_aanleveren",
        "dagtekening": "2024-07-10",
        "leerroute": "z_route",
        "niveau": None,
        "geschatte_intensiteit": 600,
    }
    antwoord = evalueer(dossier("2024-07-20", None, [vraag])).als_json()["antwoorden"][0]
    assert antwoord["toegestaan"] is False
    assert antwoord["redenen"] == ["INTENSITEIT_NIET_TOEGESTAAN"]
    assert {
        "regeling": "DUO Inburgeringsketen M2M gegevensuitwisseling",
        "artikel": "PIP API (SDI014): geschatte intensiteit alleen bij B1-route en asielmigranten",
        "zekerheid": "C",
    } in antwoord["grondslag"]


def test_afschalen_alleen_in_b1_route() -> None:
    pip = {"type": "pip_vastgesteld", "datum": "2024-07-10", "leerroute": "z_route", "niveau": None}
    vraag = {"actie": "afschalen", "datum": "2025-01-01"}
    antwoord = evalueer(dossier("2025-01-01", [*WEERT_VOOR_PIP, pip], [vraag])).antwoorden[0]
    assert Reden.GEEN_B1_ROUTE in antwoord.redenen


def test_afschalen_uren_na_datum_tellen_niet() -> None:
    uren = {
        "type": "uren",
        "datum": "2025-06-01",
        "soort": "taal_knm",
        "uren": 700,
        "keurmerk": True,
    }
    vraag = {"actie": "afschalen", "datum": "2025-05-31"}
    antwoord = evalueer(dossier("2025-07-01", [*MET_PIP, uren], [vraag])).antwoorden[0]
    assert antwoord.uren_geteld == 0 and Reden.TE_WEINIG_UREN in antwoord.redenen


def test_registreren_in_de_toekomst_en_zonder_termijn() -> None:
    vragen = [{"actie": "map_registreren", "datum": "2024-09-01"}]
    assert evalueer(dossier("2024-08-01", MET_PIP, vragen)).antwoorden[0].redenen == (
        Reden.IN_TOEKOMST,
    )
    assert evalueer(dossier("2024-06-01", None, vragen)).antwoorden[0].redenen == (
        Reden.GEEN_TERMIJN,
    )


def test_verwijtbaar_zonder_termijn() -> None:
    vraag = {
        "actie": "verwijtbaar_melden",
        "onderdeel": "pvt",
        "waarde": "nee",
        "datum": "2024-06-01",
    }
    assert evalueer(dossier("2024-06-01", None, [vraag])).antwoorden[0].redenen == (
        Reden.GEEN_TERMIJN,
    )


def test_boete_pip_naleving_zonder_pip() -> None:
    vraag = {"actie": "boete_opleggen", "grond": "pip_naleving", "verwijtbaar": True}
    antwoord = evalueer(dossier("2024-06-01", None, [vraag])).antwoorden[0]
    assert antwoord.redenen == (Reden.GEEN_PIP,)
    assert antwoord.max_bedrag is None


def test_examen_pogingen_onder_pip_niveau_verbruiken_geen_gratis_pogingen() -> None:
    pogingen = [
        {
            "type": "examenpoging",
            "datum": d,
            "onderdeel": "spreken",
            "niveau": "A2",
            "resultaat": "niet_behaald",
        }
        for d in ("2025-01-10", "2025-03-10", "2025-05-10")
    ]
    vraag = {
        "actie": "examen_gratis",
        "datum": "2025-09-01",
        "onderdeel": "spreken",
        "niveau": "B1",
    }
    antwoord = evalueer(dossier("2025-10-01", [*MET_PIP, *pogingen], [vraag])).antwoorden[0]
    assert antwoord.toegestaan
    assert antwoord.gratis_pogingen_gebruikt == 0


def test_examen_na_afschalen_a2_is_gratis() -> None:
    afgeschaald = {
        "type": "pip_vastgesteld",
        "datum": "2025-08-01",
        "leerroute": "b1_route",
        "niveau": "A2",
    }
    vraag = {"actie": "examen_gratis", "datum": "2025-09-01", "onderdeel": "lezen", "niveau": "A2"}
    antwoord = evalueer(dossier("2025-10-01", [*MET_PIP, afgeschaald], [vraag])).antwoorden[0]
    assert antwoord.toegestaan


def test_examen_gezinsmigrant_niet_gratis() -> None:
    vraag = {"actie": "examen_gratis", "datum": "2025-09-01", "onderdeel": "knm", "niveau": None}
    antwoord = evalueer(
        dossier("2025-10-01", MET_PIP, [vraag], verblijf="regulier_overig")
    ).antwoorden[0]
    assert antwoord.redenen == (Reden.GEEN_ASIELSTATUSHOUDER,)


def test_vragen_veranderen_elkaars_feiten_niet() -> None:
    vragen = [
        {
            "actie": "pip_aanleveren",
            "dagtekening": "2024-07-10",
            "leerroute": "b1_route",
            "niveau": None,
        },
        {"actie": "pvt_registreren", "datum": "2024-07-15"},
    ]
    antwoorden = evalueer(dossier("2024-07-20", None, vragen)).antwoorden
    assert antwoorden[0].toegestaan
    assert antwoorden[1].redenen == (Reden.GEEN_TERMIJN,)  # the PIP above is not a fact
