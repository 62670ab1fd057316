"""Timing helpers for the benchmarks (``make bench``); never used to assert in tests."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


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


def bevestigde_client(user: Any) -> Client:
    """A test client logged in with both login steps (targets R-12): benchmarks measure the
    pages, not the login. The user gets a confirmed device of its own for this."""
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    device, _nieuw = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = device.persistent_id
    sessie.save()
    return client
