"""Benchmarks P1 (caseload) and P2 (dossier page) against a hand-written SQL baseline measured
in the same run, with query counts (docs/benchmarks.md).

Each operation is measured three ways: the whole page through the Django stack (session,
rights, audit insert, rendering: the absolute p95 target), its data access through the
selectors and the ORM (the ratio target), and the SQL baseline returning the same rows.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from django.db import connection
from django.test import Client
from django.urls import reverse

from regie.accounts.models import Gebruiker
from regie.accounts.permissions import vergeet_rechten
from regie.core.meten import bevestigde_client, p95, tijden
from regie.dossiers import selectors
from regie.dossiers.models import Dossier


@dataclass
class Meting:
    naam: str
    pagina_p50_ms: float
    pagina_p95_ms: float
    orm_p50_ms: float
    orm_p95_ms: float
    sql_p50_ms: float
    sql_p95_ms: float
    orm_x_sql: float
    queries: int
    doel: str


def _meting(
    naam: str,
    doel: str,
    *,
    pagina: Callable[[], Any],
    orm: Callable[[], Any],
    sql: Callable[[], Any],
    herhalingen: int,
) -> Meting:
    geteld: list[str] = []

    def tel(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        geteld.append(sql)
        return execute(sql, params, many, context)

    # Counted with an execute wrapper: the test client's request_started signal clears
    # connection.queries_log, which CaptureQueriesContext relies on.
    with connection.execute_wrapper(tel):
        pagina()
    p, o, s = (tijden(fn, herhalingen) for fn in (pagina, orm, sql))
    o50, s50 = statistics.median(o), statistics.median(s)
    return Meting(
        naam=naam,
        pagina_p50_ms=round(statistics.median(p), 2),
        pagina_p95_ms=round(p95(p), 2),
        orm_p50_ms=round(o50, 3),
        orm_p95_ms=round(p95(o), 3),
        sql_p50_ms=round(s50, 3),
        sql_p95_ms=round(p95(s), 3),
        orm_x_sql=round(o50 / s50, 1) if s50 else 0.0,
        queries=len(geteld),
        doel=doel,
    )


# The municipalities where the user holds dossiers.view_dossier: the hand-written equivalent of
# the ORM's rights lookup plus scoping, so both sides do the same work.
_SCOPE = (
    "SELECT l.gemeente_id FROM accounts_lidmaatschap l "
    "JOIN accounts_rol_rechten rr ON rr.rol_id = l.rol_id "
    "JOIN auth_permission p ON p.id = rr.permission_id "
    "JOIN django_content_type ct ON ct.id = p.content_type_id "
    "WHERE l.gebruiker_id = %s AND ct.app_label = 'dossiers' AND p.codename = 'view_dossier'"
)


def _raw(sql: str, params: list[Any]) -> Callable[[], list]:
    def run() -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def _pagina(client: Client, url: str, params: dict[str, str] | None = None) -> Callable[[], None]:
    def run() -> None:
        response = client.get(url, params or {})
        assert response.status_code == 200, response.status_code

    return run


def _client(user: Gebruiker) -> Client:
    return bevestigde_client(user)


def meet_caseload(user: Gebruiker, herhalingen: int) -> Meting:
    filters = selectors.CaseloadFilter(fase="traject", sortering="naam")

    def orm() -> None:
        # A fresh user object per call, so the rights query is part of what is measured.
        vergeet_rechten(user)  # the rights lookup is part of what is measured
        pagina = selectors.caseload_pagina(user, filters, paginagrootte=50)
        # Touch what the page shows, so a missing select_related would show up here.
        assert all(d.inburgeraar.achternaam and d.regie_gemeente.naam for d in pagina.rijen)

    sql = (
        "SELECT d.id, d.nummer, d.fase, d.doelgroep, i.voornamen, i.achternaam, g.naam, "
        "u.first_name, u.last_name FROM dossiers_dossier d "
        "JOIN dossiers_inburgeraar i ON i.id = d.inburgeraar_id "
        "JOIN core_gemeente g ON g.id = d.regie_gemeente_id "
        "LEFT JOIN accounts_gebruiker u ON u.id = d.klantregisseur_id "
        f"WHERE d.regie_gemeente_id IN ({_SCOPE}) AND d.fase = %s "  # nosec B608  # _SCOPE is a constant
        "ORDER BY i.zoeknaam, d.id LIMIT 50"
    )
    return _meting(
        "P1 caseload (page of 50, filtered, sorted)",
        "ORM ≤ 4× SQL; page p95 ≤ 300 ms",
        pagina=_pagina(
            _client(user), reverse("dossiers:caseload"), {"fase": "traject", "sortering": "naam"}
        ),
        orm=orm,
        sql=_raw(sql, [user.pk, "traject"]),
        herhalingen=herhalingen,
    )


def meet_dossierpagina(user: Gebruiker, herhalingen: int) -> Meting:
    dossier = Dossier.objects.for_user(user).filter(fase="traject").order_by("nummer").first()
    pk = dossier.pk.hex if connection.vendor == "sqlite" else dossier.pk

    def orm() -> None:
        vergeet_rechten(user)
        gevonden = selectors.dossier_voor_gebruiker(user, dossier.pk)
        selectors.tijdlijn(gevonden)

    dossier_sql = _raw(
        "SELECT d.*, i.*, g.naam FROM dossiers_dossier d "
        "JOIN dossiers_inburgeraar i ON i.id = d.inburgeraar_id "
        "JOIN core_gemeente g ON g.id = d.regie_gemeente_id "
        f"WHERE d.id = %s AND d.regie_gemeente_id IN ({_SCOPE})",  # nosec B608  # _SCOPE is a constant
        [pk, user.pk],
    )
    tijdlijn_sql = _raw(
        "SELECT * FROM dossiers_tijdlijnfeit WHERE dossier_id = %s ORDER BY datum DESC, id DESC",
        [pk],
    )

    def sql() -> None:
        dossier_sql()
        tijdlijn_sql()

    return _meting(
        "P2 dossier page (person, facts, timeline)",
        "ORM ≤ 4× SQL; page p95 ≤ 300 ms",
        pagina=_pagina(
            _client(user), reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk})
        ),
        orm=orm,
        sql=sql,
        herhalingen=herhalingen,
    )


def draai(herhalingen: int = 40) -> list[dict[str, Any]]:
    user = Gebruiker.objects.get(username="kr.werkkom")
    return [
        asdict(m) for m in (meet_caseload(user, herhalingen), meet_dossierpagina(user, herhalingen))
    ]
