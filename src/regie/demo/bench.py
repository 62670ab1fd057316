"""Benchmarks P1 (caseload) and P2 (dossier page), each next to a hand-written SQL baseline
measured in the same run, plus query counts (docs/benchmarks.md)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regie.accounts.models import Gebruiker
from regie.accounts.permissions import gemeenten_met_recht
from regie.dossiers.models import Dossier


@dataclass
class Meting:
    naam: str
    p50_ms: float
    p95_ms: float
    basis_p50_ms: float
    basis_p95_ms: float
    verhouding_p50: float
    queries: int
    doel: str


def _tijden(fn: Callable[[], Any], herhalingen: int) -> list[float]:
    for _ in range(3):  # warm-up: caches, connections, template loading
        fn()
    tijden = []
    for _ in range(herhalingen):
        start = time.perf_counter()
        fn()
        tijden.append((time.perf_counter() - start) * 1000)
    return tijden


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def _meting(naam: str, doel: str, app: list[float], basis: list[float], queries: int) -> Meting:
    p50, b50 = statistics.median(app), statistics.median(basis)
    return Meting(
        naam,
        round(p50, 2),
        round(_p95(app), 2),
        round(b50, 3),
        round(_p95(basis), 3),
        round(p50 / b50, 1) if b50 else 0.0,
        queries,
        doel,
    )


def _raw(sql: str, params: list[Any]) -> Callable[[], list]:
    def run() -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def meet_caseload(user: Gebruiker, herhalingen: int) -> Meting:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = reverse("dossiers:caseload")
    params = {"fase": "traject", "sortering": "naam"}

    def app() -> None:
        response = client.get(url, params)
        assert response.status_code == 200

    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        app()
    gemeenten = sorted(gemeenten_met_recht(user, "dossiers.view_dossier"))
    placeholders = ",".join(["%s"] * len(gemeenten))
    # Only "%s" placeholders are interpolated; the values go as parameters.
    sql = (
        "SELECT d.id, d.nummer, d.fase, d.doelgroep, i.voornamen, i.achternaam, g.naam, "
        "u.first_name, u.last_name FROM dossiers_dossier d "
        "JOIN dossiers_inburgeraar i ON i.id = d.inburgeraar_id "
        "JOIN core_gemeente g ON g.id = d.regie_gemeente_id "
        "LEFT JOIN accounts_gebruiker u ON u.id = d.klantregisseur_id "
        f"WHERE d.regie_gemeente_id IN ({placeholders}) AND d.fase = %s "
        "ORDER BY i.zoeknaam, d.id LIMIT 50"
    )
    basis = _tijden(_raw(sql, [*gemeenten, "traject"]), herhalingen)
    return _meting(
        "P1 caseload (page of 50, filtered, sorted)",
        "≤ 4× SQL, p95 ≤ 300 ms",
        _tijden(app, herhalingen),
        basis,
        len(ctx.captured_queries),
    )


def meet_dossierpagina(user: Gebruiker, herhalingen: int) -> Meting:
    dossier = Dossier.objects.for_user(user).filter(fase="traject").order_by("nummer").first()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk})

    def app() -> None:
        response = client.get(url)
        assert response.status_code == 200

    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        app()
    dossier_sql = _raw(
        "SELECT d.*, i.*, g.naam FROM dossiers_dossier d "
        "JOIN dossiers_inburgeraar i ON i.id = d.inburgeraar_id "
        "JOIN core_gemeente g ON g.id = d.regie_gemeente_id WHERE d.id = %s",
        [dossier.pk.hex if connection.vendor == "sqlite" else dossier.pk],
    )
    tijdlijn_sql = _raw(
        "SELECT * FROM dossiers_tijdlijnfeit WHERE dossier_id = %s ORDER BY datum DESC, id DESC",
        [dossier.pk.hex if connection.vendor == "sqlite" else dossier.pk],
    )

    def basis() -> None:
        dossier_sql()
        tijdlijn_sql()

    return _meting(
        "P2 dossier page (person, facts, timeline)",
        "≤ 4× SQL, p95 ≤ 300 ms",
        _tijden(app, herhalingen),
        _tijden(basis, herhalingen),
        len(ctx.captured_queries),
    )


def draai(herhalingen: int = 40) -> list[dict[str, Any]]:
    user = Gebruiker.objects.get(username="kr.werkkom")
    return [
        asdict(m) for m in (meet_caseload(user, herhalingen), meet_dossierpagina(user, herhalingen))
    ]
