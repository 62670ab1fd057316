"""The key dates stored on a dossier follow its timeline, whatever order facts arrive in,
and are kept up to date when facts are recorded through the services."""

from __future__ import annotations

from datetime import date

import pytest

from regie.dossiers import kengetallen
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.tests.factories import DossierFactory, TijdlijnFeitFactory

pytestmark = pytest.mark.django_db
Soort = TijdlijnFeit.Soort


def _feit(dossier, datum, soort, **gegevens):
    TijdlijnFeitFactory(dossier=dossier, datum=datum, soort=soort, gegevens=gegevens)


def test_kengetallen_uit_de_tijdlijn(weert):
    d = DossierFactory(regie_gemeente=weert)
    leeg = DossierFactory(regie_gemeente=weert)
    # Recorded out of order on purpose: a changed PIP (later) before the first one.
    _feit(d, date(2024, 9, 1), Soort.PIP_VASTGESTELD, leerroute="z_route")
    _feit(d, date(2024, 4, 1), Soort.BREDE_INTAKE_AFGEROND)
    _feit(d, date(2024, 4, 20), Soort.PIP_VASTGESTELD, leerroute="b1_route", niveau="B1")
    _feit(d, date(2024, 3, 1), Soort.VOORTGANGSGESPREK)  # before the PIP: does not count
    _feit(d, date(2024, 8, 1), Soort.VOORTGANGSGESPREK)
    _feit(d, date(2024, 12, 1), Soort.VOORTGANGSGESPREK)
    _feit(d, date(2025, 2, 1), Soort.VOORTGANGSGESPREK)
    _feit(d, date(2024, 6, 1), Soort.UREN, uren=10.5, keurmerk=True)
    _feit(d, date(2024, 7, 1), Soort.UREN, uren=4, keurmerk=False)
    _feit(d, date(2026, 1, 5), Soort.DUO_GEBEURTENIS, code="SS106")
    _feit(d, date(2026, 2, 5), Soort.DUO_GEBEURTENIS, code="SS109")

    assert kengetallen.bijwerken([d.pk, leeg.pk]) == 2
    d.refresh_from_db()
    assert d.eerste_intake_op == date(2024, 4, 1)
    assert d.eerste_pip_op == date(2024, 4, 20)
    assert d.eerste_pip_leerroute == "b1_route"
    assert d.tweede_gesprek_op == date(2024, 12, 1)
    assert d.voldaan_op == date(2026, 1, 5)
    assert d.uren_totaal == pytest.approx(14.5)
    assert d.uren_keurmerk == pytest.approx(10.5)

    leeg.refresh_from_db()
    assert (leeg.eerste_intake_op, leeg.eerste_pip_op, leeg.eerste_pip_leerroute) == (
        None,
        None,
        "",
    )
    assert (leeg.tweede_gesprek_op, leeg.voldaan_op, leeg.uren_totaal) == (None, None, None)


def test_alle_dossiers_in_een_keer(weert, nederweert):
    dossiers = [DossierFactory(regie_gemeente=g) for g in (weert, nederweert, weert)]
    for i, d in enumerate(dossiers):
        _feit(d, date(2024, 5, 1 + i), Soort.BREDE_INTAKE_AFGEROND)
    kengetallen.bijwerken()
    assert sorted(Dossier.objects.values_list("eerste_intake_op", flat=True)) == [
        date(2024, 5, 1),
        date(2024, 5, 2),
        date(2024, 5, 3),
    ]


def test_feit_vastleggen_werkt_de_kengetallen_bij(weert, kr_weert):
    from regie.dossiers.services import feit_vastleggen

    d = DossierFactory(regie_gemeente=weert)
    feit_vastleggen(dossier=d, soort=Soort.BREDE_INTAKE_AFGEROND, datum=date(2025, 2, 3))
    feit_vastleggen(
        dossier=d,
        soort=Soort.PIP_VASTGESTELD,
        datum=date(2025, 3, 1),
        door=kr_weert,
        gegevens={"leerroute": "onderwijsroute", "niveau": "B1"},
    )
    feit_vastleggen(
        dossier=d,
        soort=Soort.DUO_GEBEURTENIS,
        datum=date(2027, 1, 1),
        bron=TijdlijnFeit.Bron.DUO,
        gegevens={"code": "SS106"},
    )
    d.refresh_from_db()
    assert (d.eerste_intake_op, d.eerste_pip_op, d.eerste_pip_leerroute, d.voldaan_op) == (
        date(2025, 2, 3),
        date(2025, 3, 1),
        "onderwijsroute",
        date(2027, 1, 1),
    )


def test_alleen_feiten_achter_een_kengetal_kosten_een_update(weert):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regie.dossiers.services import feit_vastleggen

    assert kengetallen.telt_mee(Soort.UREN, {"uren": 3})
    assert kengetallen.telt_mee(Soort.DUO_GEBEURTENIS, {"code": "SS106"})
    assert not kengetallen.telt_mee(Soort.DUO_GEBEURTENIS, {"code": "SS102"})
    assert not kengetallen.telt_mee(Soort.VESTIGING, {})
    d = DossierFactory(regie_gemeente=weert)

    def updates(soort, **gegevens) -> int:
        with CaptureQueriesContext(connection) as q:
            feit_vastleggen(dossier=d, soort=soort, datum=date(2025, 5, 1), gegevens=gegevens)
        return sum('"eerste_intake_op" =' in x["sql"] for x in q.captured_queries)

    assert updates(Soort.VOORTGANGSGESPREK) == 1
    assert updates(Soort.DUO_GEBEURTENIS, code="SS102") == 0
    assert updates(Soort.VESTIGING, gemeente="0988") == 0
