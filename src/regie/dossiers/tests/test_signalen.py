"""Deadlines on the caseload come from the rules engine, stay current when facts arrive, and
the sweep is idempotent (targets R-09)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import time_machine
from django.urls import reverse

from regie.dossiers import regels, selectors, services, signalen
from regie.dossiers.models import Dossier, TermijnSoort
from regie.tests.factories import DossierFactory, TijdlijnFeitFactory

VANDAAG = date(2024, 7, 1)


def _dossier_met_ss139(gemeente, ss139: date, **kwargs) -> Dossier:
    dossier = DossierFactory(
        regie_gemeente=gemeente, inburgeraar__geboortedatum=date(1990, 1, 1), **kwargs
    )
    for soort, datum, gegevens in [
        ("verblijfsrecht_bekendgemaakt", ss139 - timedelta(days=90), {}),
        ("vestiging", ss139 - timedelta(days=1), {"gemeente": gemeente.cbs_code}),
    ]:
        TijdlijnFeitFactory(dossier=dossier, soort=soort, datum=datum, gegevens=gegevens)
    services.feit_vastleggen(
        dossier=dossier, soort="duo_gebeurtenis", datum=ss139, gegevens={"code": "SS139"}
    )
    dossier.refresh_from_db()
    return dossier


@time_machine.travel(VANDAAG, tick=False)
def test_ss139_zet_de_pip_termijn_van_de_regelengine(weert):
    dossier = _dossier_met_ss139(weert, date(2024, 5, 2))
    engine = regels.conclusies_voor(dossier, selectors.tijdlijn(dossier)).als_json()
    assert dossier.pip_uiterlijk == date(2024, 7, 11)
    assert engine["conclusies"]["pip_uiterlijk"] == "2024-07-11"
    assert dossier.volgende_termijn_soort == TermijnSoort.PIP
    # Third-party information after SS139 extends it (Besluit 5.3: +2 weeks from receipt).
    services.feit_vastleggen(
        dossier=dossier, soort="informatie_derden_ontvangen", datum=date(2024, 6, 30)
    )
    dossier.refresh_from_db()
    assert dossier.pip_uiterlijk == date(2024, 7, 14)


@time_machine.travel(VANDAAG, tick=False)
def test_na_pip_volgt_de_gesprekstermijn(weert):
    dossier = _dossier_met_ss139(weert, date(2024, 3, 1))
    services.feit_vastleggen(
        dossier=dossier,
        soort="pip_vastgesteld",
        datum=date(2024, 4, 1),
        gegevens={"leerroute": "b1_route", "niveau": "B1"},
    )
    dossier.refresh_from_db()
    assert dossier.volgende_termijn_soort == TermijnSoort.VOORTGANGSGESPREK
    assert dossier.volgende_termijn == date(2025, 4, 1)  # termijn_start + 12 months − 1 day


@time_machine.travel(VANDAAG, tick=False)
def test_filters_en_markering_verlopen(client, weert, kr_weert):
    binnenkort = _dossier_met_ss139(weert, date(2024, 4, 25))  # due 2024-07-04
    verlopen = _dossier_met_ss139(weert, date(2024, 3, 1))  # due 2024-05-10
    later = _dossier_met_ss139(weert, date(2024, 6, 20))  # due 2024-08-29
    client.force_login(kr_weert)
    url = reverse("dossiers:caseload")

    def ids(params):
        html = client.get(url, params).content.decode()
        return set(re.findall(r'href="/dossiers/([0-9a-f-]{36})/"', html)), html

    gevonden, _html = ids({"termijn": "pip_14"})
    assert gevonden == {str(binnenkort.pk)}
    gevonden, html = ids({"termijn": "pip_verlopen"})
    assert gevonden == {str(verlopen.pk)}
    assert "(verlopen)" in html
    gevonden, _html = ids({})
    assert {str(later.pk), str(binnenkort.pk), str(verlopen.pk)} <= gevonden


@time_machine.travel(VANDAAG, tick=False)
def test_sweep_is_idempotent_en_herstelt_afwijkingen(weert):
    dossiers = [_dossier_met_ss139(weert, date(2024, 5, 1) + timedelta(days=i)) for i in range(5)]
    Dossier.objects.filter(pk=dossiers[0].pk).update(pip_uiterlijk=date(2030, 1, 1))
    eerste = signalen.sweep(batchgrootte=2)
    assert eerste == {"beoordeeld": 5, "gewijzigd": 1}
    tweede = signalen.sweep(batchgrootte=2)
    assert tweede == {"beoordeeld": 5, "gewijzigd": 0}
    dossiers[0].refresh_from_db()
    assert dossiers[0].pip_uiterlijk == date(2024, 7, 10)
