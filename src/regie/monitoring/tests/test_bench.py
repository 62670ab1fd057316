"""The P5 benchmark's hand-written SQL baseline returns exactly the selectors' rows (so the
ratio compares equal work). Timings are never asserted in tests."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from regie.monitoring import bench, selectors
from regie.monitoring.tests.hulp import maak_dossier

pytestmark = pytest.mark.django_db


def test_sql_basislijn_geeft_dezelfde_rijen(bm_regio, weert, nederweert, cranendonck):
    for i in range(9):
        maak_dossier(
            (weert, nederweert, cranendonck)[i % 3],
            plicht_vanaf=date(2023 + i % 2, 5, 1),
            leerroute=("b1_route", "z_route", "onderwijsroute")[i % 3],
            gesprekken=(date(2024, 5, 1), date(2024, 6, 1), date(2024, 9, 1))[: i % 4],
            voldaan=date(2025, 1, 1) if i % 4 == 0 else None,
            uren=((date(2024, 6, 1), 4.5, i % 2 == 0),),
        )
    maak_dossier(weert, intake=None, pip=None, pip_uiterlijk=date(2024, 2, 1))
    orm = selectors.tellingen(bm_regio, selectors.DashboardFilter(), timezone.localdate())
    sql = bench.baseline_rijen(bm_regio)
    assert sorted(map(repr, orm)) == sorted(map(repr, sql))
    assert any(r[0] == "verdeling" for r in orm)
