"""Benchmark P5: the dashboard aggregates against a hand-written SQL baseline, same run.

Measured three ways, as P1/P2 in regie.demo.bench: the whole page through the Django stack
(absolute p95 ≤ 1 s), the data access through the selectors (``selectors.groepen`` with the
rights lookup: ≤ 2× SQL), and a hand-written SQL query returning the same rows — the
scoped dossiers with their stored key dates written by hand instead of through the ORM's
``for_user`` and ``values()``, grouped by the same outer SQL. ``baseline_rijen`` is tested to
give exactly the selectors' rows. The query count is that of one page request (target ≤ 8).
"""

from __future__ import annotations

import statistics
from typing import Any

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from regie.accounts.models import Gebruiker, Lidmaatschap, Rol
from regie.accounts.permissions import vergeet_rechten
from regie.core.meten import bevestigde_client, p95, tijden
from regie.core.models import Gemeente
from regie.monitoring import selectors

DOEL = "ORM ≤ 2× SQL; pagina p95 ≤ 1 s; ≤ 8 queries"


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


def _per_dossier_sql() -> str:
    """The per-dossier row of ``selectors.per_dossier``, by hand: the in-scope dossiers with
    their stored key dates (regie.dossiers.kengetallen). Parameters: user id, doelgroep."""
    jaar = (
        "CAST(strftime('%%Y', d.plicht_vanaf) AS INTEGER)"
        if _sqlite()
        else "EXTRACT(YEAR FROM d.plicht_vanaf)"
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
        f"SELECT d.regie_gemeente_id, {jaar} AS cohort, d.plicht_vanaf, "  # noqa: S608  # nosec B608  # fixed text, %s params
        "d.koppeling_datum, d.vestiging_datum, d.pip_uiterlijk, "
        "d.eerste_intake_op AS intake_datum, d.eerste_pip_op AS pip_datum, "
        "d.eerste_pip_leerroute AS leerroute, d.tweede_gesprek_op AS tweede_gesprek, "
        "d.voldaan_op AS voldaan, d.uren_keurmerk, d.uren_totaal "
        f"FROM dossiers_dossier d WHERE d.regie_gemeente_id IN ({scope}) AND d.doelgroep = %s"
    )


def baseline_rijen(user: Any, doelgroep: str = "asielstatushouder") -> list[tuple]:
    peildatum = timezone.localdate()
    sql, params = selectors.tellingen_sql(_per_dossier_sql(), [user.pk, doelgroep], peildatum)
    return selectors.voer_uit(sql, params)


def _meet(user: Gebruiker, naam: str, herhalingen: int) -> dict[str, Any]:
    client = bevestigde_client(user)
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
    p, o, s = (tijden(fn, herhalingen) for fn in (pagina, orm, sql))
    o50, s50 = statistics.median(o), statistics.median(s)
    return {
        "naam": naam,
        "pagina_p50_ms": round(statistics.median(p), 2),
        "pagina_p95_ms": round(p95(p), 2),
        "orm_p50_ms": round(o50, 3),
        "orm_p95_ms": round(p95(o), 3),
        "sql_p50_ms": round(s50, 3),
        "sql_p95_ms": round(p95(s), 3),
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
