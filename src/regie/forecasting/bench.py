"""Benchmark P10: 10,000 Monte Carlo runs, 3 municipalities, 3 years, in at most 1 s.

``meet_prognose()`` needs no database: it forecasts the framework's region (17 / 14 / 39 per
half year, the framework's parameters) and returns the median wall time of a full forecast in
seconds, after a warm-up. Call it from ``regie bench`` next to the other measurements.
"""

from __future__ import annotations

import statistics
import time

from regie.forecasting.selectors import PrognoseInvoer

DOEL_SECONDEN = 1.0


def framework_invoer(jaren: int = 3) -> PrognoseInvoer:
    halfjaren = tuple((j, h) for j in range(2022, 2022 + jaren) for h in (1, 2))

    def per_halfjaar(*waarden: float) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple([w] * len(halfjaren)) for w in waarden)

    return PrognoseInvoer(
        gemeenten=("Cranendonck", "Nederweert", "Weert"),
        gemeente_ids=(1, 2, 3),
        vanaf_jaar=2022,
        jaren=jaren,
        halfjaren=halfjaren,
        taakstelling=per_halfjaar(17, 14, 39),
        gezinsmigranten=per_halfjaar(3, 3, 7),
        aangenomen=tuple(tuple([False] * len(halfjaren)) for _ in range(3)),
        aandeel_volwassen=0.5,
        verdeling=(0.15, 0.60, 0.25),
        verdeling_bron="parameters",
        dirichlet_alpha=(9.0, 36.0, 15.0),
        zekerheid_volwassen=200.0,
        variatie_taakstelling=0.15,
        weken=((13.0, 8.0), (5.0, 2.0), (3.0, 2.0)),
        termijn_jaren=3,
        uren_per_week=(6.0, 12.0, 16.0),
        normbedrag=(3500.0, 4000.0, 5500.0),
        budget=tuple(tuple([b] * jaren) for b in (120_000.0, 100_000.0, 280_000.0)),
        parameters_versie=0,
    )


def meet_prognose(runs: int = 10_000, herhalingen: int = 7) -> float:
    """Median seconds of one forecast of ``runs`` runs (3 municipalities, 3 years)."""
    from regie.forecasting.montecarlo import simuleer

    invoer = framework_invoer()
    simuleer(invoer, runs=runs, seed=1)  # warm-up: imports, allocator
    tijden = []
    for seed in range(herhalingen):
        start = time.perf_counter()
        simuleer(invoer, runs=runs, seed=seed)
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)
