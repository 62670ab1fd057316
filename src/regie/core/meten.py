"""Timing helpers for the benchmarks (``make bench``); never used to assert in tests."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def tijden(fn: Callable[[], Any], herhalingen: int, opwarmen: int = 3) -> list[float]:
    """Milliseconds per call of ``fn``, after ``opwarmen`` untimed calls (caches, connections,
    template loading)."""
    for _ in range(opwarmen):
        fn()
    gemeten = []
    for _ in range(herhalingen):
        start = time.perf_counter()
        fn()
        gemeten.append((time.perf_counter() - start) * 1000)
    return gemeten


def p95(waarden: list[float]) -> float:
    """The 95th percentile; the maximum when there are fewer than 20 values."""
    return statistics.quantiles(waarden, n=20)[-1] if len(waarden) >= 20 else max(waarden)
