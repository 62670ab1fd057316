"""Benchmark P5: the dashboard aggregates against a hand-written SQL baseline, same run.

Measured three ways, as P1/P2 in regie.demo.bench: the whole page through the Django stack
(absolute p95 ≤ 1 s), the data access through the selectors (``selectors.groepen`` with the
rights lookup: ≤ 2× SQL), and a hand-written SQL query returning the same rows — the
per-dossier facts written as joins and GROUP BYs over the timeline (first intake, first PIP,
its route, the second progress talk, SS106, hours) instead of the ORM's correlated
subqueries, grouped by the same outer SQL. ``baseline_rijen`` is tested to give exactly the
selectors' rows. The query count is that of one page request (target ≤ 8).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regie.accounts.models import Gebruiker, Lidmaatschap, Rol
from regie.accounts.permissions import vergeet_rechten
from regie.core.models import Gemeente
from regie.monitoring import selectors

DOEL = "ORM ≤ 2× SQL; pagina p95 ≤ 1 s; ≤ 8 queries"


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


def _json_tekst(kolom: str, sleutel: str) -> str:
    if _sqlite():
        return f"json_extract({kolom}, '$.{sleutel}')"
    return f"({kolom} ->> '{sleutel}')"


def _per_dossier_sql() -> str:
    """The per-dossier facts of ``selectors.per_dossier``, by hand: one pass over the in-scope
    dossiers' facts with GROUP BY for what aggregates (first intake and PIP, SS106, hours), a
    probe per dossier for the first PIP's route and the second talk after it. Parameters: user
    id, doelgroep, doelgroep."""
    jaar = (
        "CAST(strftime('%%Y', d.plicht_vanaf) AS INTEGER)"
        if _sqlite()
        else "EXTRACT(YEAR FROM d.plicht_vanaf)"
    )
    uren = (
        f"CAST({_json_tekst('t.gegevens', 'uren')} AS REAL)"
        if _sqlite()
        else f"CAST({_json_tekst('t.gegevens', 'uren')} AS DOUBLE PRECISION)"
    )
    keurmerk = (
        "json_extract(t.gegevens, '$.keurmerk') = 1"
        if _sqlite()
        else "(t.gegevens -> 'keurmerk') = 'true'::jsonb"
    )
    scope = (
        "SELECT l.gemeente_id FROM accounts_lidmaatschap l "
        "JOIN accounts_rol_rechten rr ON rr.rol_id = l.rol_id "
        "JOIN auth_permission p ON p.id = rr.permission_id "
        "JOIN django_content_type ct ON ct.id = p.content_type_id "
        "WHERE l.gebruiker_id = %s AND ct.app_label = 'core' AND p.codename = 'view_aggregaten'"
    )
    # Fixed SQL text only (no input in it); the user id and doelgroep are %s parameters.
    return (
        f"WITH s AS ({scope}), "  # noqa: S608
        "f AS (SELECT t.dossier_id,"
        " MIN(CASE WHEN t.soort = 'brede_intake_afgerond' THEN t.datum END) AS intake,"
        " MIN(CASE WHEN t.soort = 'pip_vastgesteld' THEN t.datum END) AS pip,"
        " MIN(CASE WHEN t.soort = 'duo_gebeurtenis' AND "
        + _json_tekst("t.gegevens", "code")
        + " = 'SS106' THEN t.datum END) AS voldaan,"  # noqa: S608
        f" SUM(CASE WHEN t.soort = 'uren' AND {keurmerk} THEN {uren} END) AS uren_keurmerk,"
        f" SUM(CASE WHEN t.soort = 'uren' THEN {uren} END) AS uren_totaal"
        " FROM dossiers_tijdlijnfeit t JOIN dossiers_dossier d0 ON d0.id = t.dossier_id"
        " WHERE d0.regie_gemeente_id IN (SELECT gemeente_id FROM s) AND d0.doelgroep = %s"
        " GROUP BY t.dossier_id) "
        f"SELECT d.regie_gemeente_id, {jaar} AS cohort, d.plicht_vanaf, d.koppeling_datum, "
        "d.vestiging_datum, d.pip_uiterlijk, f.intake AS intake_datum, f.pip AS pip_datum, "
        "(SELECT "
        + _json_tekst("p.gegevens", "leerroute")
        + " FROM dossiers_tijdlijnfeit p WHERE p.dossier_id = d.id AND p.soort = 'pip_vastgesteld'"
        " AND p.datum = f.pip ORDER BY p.id LIMIT 1) AS leerroute, "
        "(SELECT t.datum FROM dossiers_tijdlijnfeit t WHERE t.dossier_id = d.id"
        " AND t.soort = 'voortgangsgesprek' AND t.datum >= f.pip"
        " ORDER BY t.datum, t.id LIMIT 1 OFFSET 1) AS tweede_gesprek, "
        "f.voldaan, f.uren_keurmerk, f.uren_totaal "
        "FROM dossiers_dossier d LEFT JOIN f ON f.dossier_id = d.id "
        "WHERE d.regie_gemeente_id IN (SELECT gemeente_id FROM s) AND d.doelgroep = %s"
    )


def baseline_rijen(user: Any, doelgroep: str = "asielstatushouder") -> list[tuple]:
    peildatum = timezone.localdate()
    sql, params = selectors.tellingen_sql(
        _per_dossier_sql(), [user.pk, doelgroep, doelgroep], peildatum
    )
    return selectors.voer_uit(sql, params)  # the same JIT setting as the selectors


def _tijden(fn: Callable[[], Any], herhalingen: int) -> list[float]:
    for _ in range(3):
        fn()
    tijden = []
    for _ in range(herhalingen):
        start = time.perf_counter()
        fn()
        tijden.append((time.perf_counter() - start) * 1000)
    return tijden


def _p95(waarden: list[float]) -> float:
    return statistics.quantiles(waarden, n=20)[-1] if len(waarden) >= 20 else max(waarden)


def _meet(user: Gebruiker, naam: str, herhalingen: int) -> dict[str, Any]:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = reverse("monitoring:dashboard")

    def pagina() -> None:
        assert client.get(url).status_code == 200

    def orm() -> None:
        vergeet_rechten(user)
        selectors.groepen(user, selectors.DashboardFilter())

    def sql() -> None:
        baseline_rijen(user)

    geteld: list[str] = []

    def tel(execute, sql_tekst, params, many, context):  # type: ignore[no-untyped-def]
        # Savepoints are transaction control, not queries (the rolled-back national run nests).
        if not sql_tekst.lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):
            geteld.append(sql_tekst)
        return execute(sql_tekst, params, many, context)

    with connection.execute_wrapper(tel):
        pagina()
    p, o, s = (_tijden(fn, herhalingen) for fn in (pagina, orm, sql))
    o50, s50 = statistics.median(o), statistics.median(s)
    return {
        "naam": naam,
        "pagina_p50_ms": round(statistics.median(p), 2),
        "pagina_p95_ms": round(_p95(p), 2),
        "orm_p50_ms": round(o50, 3),
        "orm_p95_ms": round(_p95(o), 3),
        "sql_p50_ms": round(s50, 3),
        "sql_p95_ms": round(_p95(s), 3),
        "orm_x_sql": round(o50 / s50, 2) if s50 else 0.0,
        "queries": len(geteld),
        "doel": DOEL,
    }


def meet_dashboard(
    user: Gebruiker | None = None, herhalingen: int = 20, alle_gemeenten: bool = False
) -> dict[str, Any]:
    """P5 for ``user`` (default ``bm.regio``). With ``alle_gemeenten`` a throw-away policy
    officer holding every municipality is measured instead (national scale), inside a
    transaction that is rolled back."""
    if not alle_gemeenten:
        user = user or Gebruiker.objects.get(username="bm.regio")
        return _meet(user, f"P5 dashboard ({user.username})", herhalingen)
    with transaction.atomic():
        tijdelijk = Gebruiker.objects.create(username="bench.bm.alle")
        rol = Rol.objects.get(code="beleidsmedewerker")
        Lidmaatschap.objects.bulk_create(
            Lidmaatschap(gebruiker=tijdelijk, gemeente=g, rol=rol) for g in Gemeente.objects.all()
        )
        meting = _meet(tijdelijk, "P5 dashboard (alle gemeenten)", herhalingen)
        transaction.set_rollback(True)
    return meting
