"""The Monte Carlo forecast: reproducible with a seed, bands ordered, consistent with the
framework's own arithmetic, and scenarios that move the way they should."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from regie.forecasting.bench import framework_invoer
from regie.forecasting.montecarlo import KWANTIELEN, simuleer
from regie.forecasting.scenarios import SCENARIOS

RUNS = 2_000


@pytest.fixture(scope="module")
def uitkomst():
    return simuleer(framework_invoer(), runs=RUNS, seed=7)


def _reeksen(u):
    return {
        "instroom": u.instroom,
        "instroom_jaar": u.instroom_jaar,
        "instroom_gezin": u.instroom_gezin,
        "actief": u.actief,
        "uren": u.uren,
        "kosten": u.kosten,
    }


def test_zelfde_seed_zelfde_uitkomst(uitkomst):
    opnieuw = simuleer(framework_invoer(), runs=RUNS, seed=7)
    for naam, reeks in _reeksen(uitkomst).items():
        assert np.array_equal(reeks, _reeksen(opnieuw)[naam]), naam
    ander = simuleer(framework_invoer(), runs=RUNS, seed=8)
    assert not np.array_equal(uitkomst.actief, ander.actief)


def test_banden_geordend(uitkomst):
    assert KWANTIELEN == (0.025, 0.10, 0.50, 0.90, 0.975)
    for naam, reeks in _reeksen(uitkomst).items():
        assert np.all(np.diff(reeks, axis=0) >= 0), f"{naam}: p2.5 ≤ p10 ≤ p50 ≤ p90 ≤ p97.5"
    assert np.all((uitkomst.kans_boven_budget >= 0) & (uitkomst.kans_boven_budget <= 1))


def test_vorm_per_gemeente_en_regio(uitkomst):
    g = len(uitkomst.invoer.gemeenten)
    assert uitkomst.instroom.shape == (5, g + 1, 4, 12)
    assert uitkomst.kosten.shape == (5, g + 1, 4, 3)
    assert uitkomst.kwartalen[0] == "2022 K1" and uitkomst.kwartalen[-1] == "2024 K4"
    assert uitkomst.jaren == [2022, 2023, 2024]


def test_in_evenwicht_de_70_plichtigen_van_het_beleidskader(uitkomst):
    # 2023 has the lags of its own and the previous year's couplings: about 70 new PIPs.
    regio_2023 = uitkomst.instroom_jaar[2, -1, -1, 1]
    assert 62 <= regio_2023 <= 78
    # The route split: the medians keep the ministry's 15/60/25 within a few persons.
    per_route = uitkomst.instroom_jaar[2, -1, :3, 1]
    assert abs(per_route[0] - 10.5) <= 3 and abs(per_route[1] - 42) <= 5
    assert abs(per_route[2] - 17.5) <= 4


def test_zonder_onzekerheid_vallen_de_banden_bijna_samen():
    invoer = replace(
        framework_invoer(),
        variatie_taakstelling=0.0,
        aandeel_volwassen=1.0,
        dirichlet_alpha=(1.5e6, 6e6, 2.5e6),
        weken=((0.0, 0.0), (0.0, 0.0), (0.0, 0.0)),
    )
    u = simuleer(invoer, runs=500, seed=1)
    # 140 status holders a year, all adults, no lag: 140 new PIPs each year.
    assert list(u.instroom_jaar[:, -1, -1, 0]) == [140] * 5


def test_scenarios_bewegen_de_goede_kant_op():
    invoer = framework_invoer()
    basis, plus30, meer_z = (
        simuleer(
            invoer,
            runs=RUNS,
            seed=3,
            factor_taakstelling=s.factor_taakstelling,
            verdeling=s.verdeling(invoer.verdeling),
        )
        for s in SCENARIOS
    )
    assert plus30.instroom_jaar[2, -1, -1, 2] > basis.instroom_jaar[2, -1, -1, 2] * 1.2
    assert meer_z.instroom_jaar[2, -1, 0, 2] > basis.instroom_jaar[2, -1, 0, 2]
    assert meer_z.kosten[2, -1, -1, 2] < basis.kosten[2, -1, -1, 2]  # Z is the cheapest route


def test_meer_z_route_verdeling():
    assert SCENARIOS[2].verdeling((0.15, 0.60, 0.25)) == pytest.approx(
        (0.25, 0.60 * 0.75 / 0.85, 0.25 * 0.75 / 0.85)
    )
    assert SCENARIOS[1].verdeling((0.15, 0.60, 0.25)) is None


def test_geen_budget_geen_kans():
    invoer = replace(framework_invoer(), budget=((None, None, None),) * 3)
    u = simuleer(invoer, runs=200, seed=1)
    assert np.isnan(u.kans_boven_budget).all()
