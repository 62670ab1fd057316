"""Dated parameters: defaults, overrides, and the date each parameter is resolved at."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from regie.rules import InvoerFout, ParameterNaam, Parameters, ParameterWijziging, evalueer
from regie.rules import parameters as p
from regie.rules.grondslagen import Zekerheid
from regie.rules.tests.hulp import WEERT_VOOR_PIP, dossier

DRIE_GESPREKKEN_2025 = ParameterWijziging(
    "voortgangsgesprekken_aantal", 3, date(2025, 1, 1), bron="beleid Weert 2025"
)


def met_pip(pip_datum: str, peildatum: str) -> dict:
    pip = {"type": "pip_vastgesteld", "datum": pip_datum, "leerroute": "b1_route", "niveau": None}
    return dossier(peildatum, [*WEERT_VOOR_PIP, pip])


def test_standaardtabel_bevat_alle_parameters_met_grondslag() -> None:
    namen = {d.naam for d in p.lijst()}
    assert namen == set(ParameterNaam)
    for definitie in p.lijst():
        assert definitie.omschrijving and definitie.eenheid and definitie.peilmoment
        assert definitie.standaard, definitie.naam
        assert definitie.standaard[0].geldig_vanaf == date(2022, 1, 1)
        for versie in definitie.standaard:
            assert definitie.minimum <= versie.waarde <= definitie.maximum
            assert versie.grondslag.zekerheid in Zekerheid


@pytest.mark.parametrize(
    ("naam", "waarde"),
    [
        ("pip_termijn_weken", 10),
        ("informatie_derden_weken", 2),
        ("inburgeringstermijn_jaren", 3),
        ("voortgangsgesprekken_aantal", 2),
        ("voortgangsgesprekken_venster_maanden", 12),
        ("afschalen_min_uren", 600),
        ("zroute_uren_taal_knm", 800),
        ("zroute_uren_participatie_asielstatushouder", 800),
        ("zroute_uren_participatie_gezinsmigrant", 0),
        ("boete_max_bedrag", 800),
        ("ontzorgen_min_maanden", 6),
        ("aow_leeftijd_maanden", 804),
        ("minimumleeftijd_jaren", 18),
        ("max_jaren_leerplichtig", 8),
        ("gratis_examenpogingen", 2),
        ("verwijtbaar_nee_maanden", 2),
    ],
)
def test_standaardwaarden_volgens_contract(naam: str, waarde: int) -> None:
    assert p.STANDAARD.waarde(ParameterNaam(naam), date(2025, 6, 1)).waarde == waarde
    # The first version also applies before 2022 (Wi 2013 dossiers still evaluate).
    assert p.STANDAARD.waarde(ParameterNaam(naam), date(2019, 1, 1)).waarde == waarde


def test_tabel_is_json_voor_de_django_kant() -> None:
    tabel = p.STANDAARD.met_wijzigingen([DRIE_GESPREKKEN_2025]).tabel()
    tekst = json.dumps(tabel)
    assert "voortgangsgesprekken_aantal" in tekst
    rij = next(r for r in tabel if r["naam"] == "voortgangsgesprekken_aantal")
    assert rij["wijzigingen"] == [
        {
            "geldig_vanaf": "2025-01-01",
            "waarde": 3,
            "grondslag": {
                "regeling": rij["versies"][0]["grondslag"]["regeling"],
                "artikel": rij["versies"][0]["grondslag"]["artikel"],
                "zekerheid": "UNCONFIRMED",
            },
            "bron": "beleid Weert 2025",
        }
    ]


# --- The override of the brief: 3 talks from 2025-01-01 -------------------------------------


def test_drie_gesprekken_vanaf_2025_geldt_voor_termijn_die_daarna_start() -> None:
    tabel = p.STANDAARD.met_wijzigingen([DRIE_GESPREKKEN_2025])
    na = evalueer(met_pip("2025-01-20", "2025-06-01"), tabel).conclusie("voortgangsgesprekken")
    assert na.waarde.vereist == 3
    assert na.waarde.tekort == 3
    assert any("beleid Weert 2025" in regel for regel in na.trace)


def test_drie_gesprekken_vanaf_2025_raakt_eerdere_termijn_niet() -> None:
    # Resolved at termijn_start: a term that started in 2024 keeps the 2024 policy, even when
    # evaluated in 2025.
    tabel = p.STANDAARD.met_wijzigingen([DRIE_GESPREKKEN_2025])
    voor = evalueer(met_pip("2024-07-10", "2025-06-01"), tabel).conclusie("voortgangsgesprekken")
    assert voor.waarde.vereist == 2
    assert voor.waarde.tekort == 2


def test_termijnstart_op_geldig_vanaf_gebruikt_de_nieuwe_waarde() -> None:
    tabel = p.STANDAARD.met_wijzigingen([DRIE_GESPREKKEN_2025])
    # PIP 2024-12-31 -> termijn_start 2025-01-01, the override's first day.
    grens = evalueer(met_pip("2024-12-31", "2025-06-01"), tabel).conclusie("voortgangsgesprekken")
    assert grens.waarde.vereist == 3
    dag_ervoor = evalueer(met_pip("2024-12-30", "2025-06-01"), tabel)
    assert dag_ervoor.conclusie("voortgangsgesprekken").waarde.vereist == 2


def test_wijziging_via_json_parameters_sleutel() -> None:
    invoer = met_pip("2025-01-20", "2025-06-01")
    invoer["parameters"] = [
        {"naam": "voortgangsgesprekken_aantal", "waarde": 3, "geldig_vanaf": "2025-01-01"}
    ]
    uit = evalueer(invoer).als_json()
    assert uit["conclusies"]["voortgangsgesprekken"]["vereist"] == 3
    assert uit["conclusies"]["voortgangsgesprekken"]["tekort"] == 3


def test_json_wijziging_komt_bovenop_meegegeven_parameters() -> None:
    basis = p.STANDAARD.met_wijzigingen([DRIE_GESPREKKEN_2025])
    invoer = met_pip("2025-01-20", "2025-06-01")
    invoer["parameters"] = [
        {"naam": "voortgangsgesprekken_aantal", "waarde": 4, "geldig_vanaf": "2025-01-10"}
    ]
    assert evalueer(invoer, basis).conclusie("voortgangsgesprekken").waarde.vereist == 4


def test_pip_termijn_wijziging_vanaf_datum_van_ss139() -> None:
    twaalf = p.STANDAARD.met_wijzigingen(
        [ParameterWijziging("pip_termijn_weken", 12, date(2024, 5, 2))]
    )
    # SS139 on 2024-05-02: the new value applies from that very day.
    assert evalueer(dossier("2024-06-01"), twaalf).conclusie("pip_uiterlijk").waarde == date(
        2024, 7, 25
    )
    later = p.STANDAARD.met_wijzigingen(
        [ParameterWijziging("pip_termijn_weken", 12, date(2024, 5, 3))]
    )
    assert evalueer(dossier("2024-06-01"), later).conclusie("pip_uiterlijk").waarde == date(
        2024, 7, 11
    )


# --- Layering rules -------------------------------------------------------------------------


def test_latere_wijziging_gaat_voor_en_volgorde_van_toevoegen_telt_niet() -> None:
    tabel = p.STANDAARD.met_wijzigingen(
        [
            ParameterWijziging("afschalen_min_uren", 500, date(2026, 1, 1)),
            ParameterWijziging("afschalen_min_uren", 550, date(2025, 1, 1)),
        ]
    )
    naam = ParameterNaam.AFSCHALEN_MIN_UREN
    assert tabel.waarde(naam, date(2024, 12, 31)).waarde == 600
    assert tabel.waarde(naam, date(2025, 1, 1)).waarde == 550
    assert tabel.waarde(naam, date(2025, 12, 31)).waarde == 550
    assert tabel.waarde(naam, date(2026, 1, 1)).waarde == 500


def test_zelfde_geldig_vanaf_laatst_toegevoegde_wint() -> None:
    tabel = p.STANDAARD.met_wijzigingen(
        [
            ParameterWijziging("afschalen_min_uren", 500, date(2025, 1, 1)),
            ParameterWijziging("afschalen_min_uren", 450, date(2025, 1, 1)),
        ]
    )
    assert tabel.waarde(ParameterNaam.AFSCHALEN_MIN_UREN, date(2025, 6, 1)).waarde == 450


def test_met_wijzigingen_verandert_het_origineel_niet() -> None:
    tabel = p.STANDAARD.met_wijzigingen([DRIE_GESPREKKEN_2025])
    assert p.STANDAARD.wijzigingen == ()
    assert len(tabel.wijzigingen) == 1
    naam = ParameterNaam.VOORTGANGSGESPREKKEN_AANTAL
    assert p.STANDAARD.waarde(naam, date(2026, 1, 1)).waarde == 2


def test_aow_leeftijd_2028_verschuift_geen_bereikte_datum() -> None:
    # R1.4: 67 years, and 67 + 3 months in 2028 [R], in the default table.
    tabel = p.STANDAARD
    naam = ParameterNaam.AOW_LEEFTIJD_MAANDEN
    assert tabel.waarde(naam, date(2027, 12, 31)).waarde == 804
    assert tabel.waarde(naam, date(2028, 1, 1)).waarde == 807
    assert tabel.waarde(naam, date(2028, 1, 1)).grondslag.zekerheid is Zekerheid.R

    def aow(geboortedatum: str) -> date:
        invoer = dossier("2027-01-01", geboortedatum=geboortedatum, verblijf="regulier_gezin")
        return evalueer(invoer, tabel).conclusie("aow_datum").waarde

    assert aow("1960-12-15") == date(2027, 12, 15)  # 67 reached before the change
    assert aow("1961-01-01") == date(2028, 4, 1)  # turns 67 on the change date: new age
    assert aow("1961-01-15") == date(2028, 4, 15)


def test_eerste_datum_met_meerdere_versies() -> None:
    tabel = Parameters().met_wijzigingen(
        [
            ParameterWijziging("minimumleeftijd_jaren", 17, date(2030, 1, 1)),
            ParameterWijziging("minimumleeftijd_jaren", 19, date(2031, 6, 1)),
        ]
    )
    naam = ParameterNaam.MINIMUMLEEFTIJD_JAREN

    def bereikt(geboortedatum: date) -> date:
        return tabel.eerste_datum(
            naam, lambda jaren: geboortedatum.replace(year=geboortedatum.year + jaren)
        )[0]

    assert bereikt(date(2010, 3, 1)) == date(2028, 3, 1)  # 18 before 2030
    assert bereikt(date(2012, 6, 1)) == date(2030, 1, 1)  # 17 from 2030-01-01: reached at once
    assert bereikt(date(2013, 3, 1)) == date(2030, 3, 1)  # 17 on 2030-03-01
    assert bereikt(date(2014, 9, 1)) == date(2033, 9, 1)  # 19 applies from 2031-06-01


# --- Validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"naam": "bestaat_niet", "waarde": 1, "geldig_vanaf": "2025-01-01"}, "parameters[0].naam"),
        (
            {"naam": "pip_termijn_weken", "waarde": 0, "geldig_vanaf": "2025-01-01"},
            "parameters[0].waarde",
        ),
        (
            {"naam": "pip_termijn_weken", "waarde": True, "geldig_vanaf": "2025-01-01"},
            "parameters[0].waarde",
        ),
        (
            {"naam": "pip_termijn_weken", "waarde": 2.5, "geldig_vanaf": "2025-01-01"},
            "parameters[0].waarde",
        ),
        ({"naam": "pip_termijn_weken", "waarde": 12}, "parameters[0].geldig_vanaf"),
        (
            {"naam": "pip_termijn_weken", "waarde": 12, "geldig_vanaf": "1-1-2025"},
            "parameters[0].geldig_vanaf",
        ),
        ({"waarde": 12, "geldig_vanaf": "2025-01-01"}, "parameters[0].naam"),
        ({"naam": 7, "waarde": 12, "geldig_vanaf": "2025-01-01"}, "parameters[0].naam"),
    ],
)
def test_ongeldige_wijziging_noemt_het_veld(wijziging: dict, veld: str) -> None:
    invoer = dossier("2024-06-01")
    invoer["parameters"] = [wijziging]
    with pytest.raises(InvoerFout) as fout:
        evalueer(invoer)
    assert fout.value.veld == veld


def test_onbekende_naam_via_python_api() -> None:
    with pytest.raises(InvoerFout) as fout:
        p.STANDAARD.met_wijzigingen([ParameterWijziging("tien_weken", 3, date(2025, 1, 1))])
    assert fout.value.veld == "parameters[0].naam"
    assert "tien_weken" in fout.value.melding


def test_parametertabel_in_docs_loopt_gelijk_met_de_code() -> None:
    repo = next(
        (m for m in Path(__file__).resolve().parents if (m / "pyproject.toml").is_file()), None
    )
    docs = repo / "docs" / "rules.md" if repo else None
    if docs is None or not docs.is_file():
        pytest.skip("docs/rules.md not found")
    rijen = {
        tuple(cel.strip() for cel in regel.strip().strip("|").split("|")[:4])
        for regel in docs.read_text(encoding="utf-8").splitlines()
        if regel.startswith("| `")
    }
    for definitie in p.lijst():
        for versie in definitie.standaard:
            rij = (
                f"`{definitie.naam.value}`",
                str(versie.waarde),
                definitie.eenheid,
                versie.geldig_vanaf.isoformat(),
            )
            assert rij in rijen, rij
