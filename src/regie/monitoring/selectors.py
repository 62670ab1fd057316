"""Aggregates over dossiers and their timeline facts, for policy officers.

The right is ``core.view_aggregaten``.

Every read starts from ``Dossier.objects.for_user(user, RECHT)``: a policy officer sees only the
municipalities they hold the right for, and the region is the sum over exactly those. Nothing
here returns a row per person: the database groups by municipality and cohort (and, for
distributions, by the number of days), so the work in Python does not grow with the number of
dossiers, and everything comes in one query (``tellingen``):

1. a GROUP BY (municipality, cohort) with conditional counts and the hours followed;
2. a GROUP BY (municipality, cohort, measure, days) — exact medians and distributions without a
   per-dossier row leaving the database.

Both read the same per-dossier row (``per_dossier``, scoped by ``for_user``): the dossier's own
dates and the key dates of its timeline that ``regie.dossiers.kengetallen`` keeps on it when
facts are recorded (first brede intake, first PIP and its route, the second progress talk
after it, SS106, hours followed), so no timeline is read per page. Django cannot select FROM a
CTE, so the grouping around the queryset is SQL text around its own SQL and parameters; only
day arithmetic differs per database (``_dagen``). Measured against a hand-written baseline in
``bench.py``.

Dates are the dossier's stored facts: the PIP deadline is ``Dossier.pip_uiterlijk`` as the rules
engine stored it (regie.dossiers.signalen) — never recomputed here. The first brede intake and
the first PIP are the earliest facts of their kind on the timeline (a changed PIP is a later
``pip_vastgesteld`` fact; the term runs from the first one).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from regie.accounts.permissions import gemeenten_met_recht
from regie.core.models import Gemeente
from regie.dossiers.models import Dossier

RECHT = "core.view_aggregaten"

# Measures of elapsed time, in days, between two dates on a dossier.
MATEN = {
    "koppeling_intake": ("koppeling_datum", "intake_datum"),
    "intake_pip": ("intake_datum", "pip_datum"),
    "koppeling_pip": ("koppeling_datum", "pip_datum"),
    "koppeling_vestiging": ("koppeling_datum", "vestiging_datum"),
}
ZES_MAANDEN = 183  # days; CBS SWI reports "binnen zes maanden"
DRIE_MAANDEN = 91  # days; "drie maanden of langer in het COA"
EEN_JAAR = 365  # days
TELLINGEN = (
    "dossiers",
    "met_koppeling",
    "intake",
    "pip",
    "pip_met_termijn",
    "pip_tijdig",
    "zonder_pip_verlopen",
    "gevestigd",
    "wacht_3mnd",
    "plicht_6mnd",
    "pip_binnen_6mnd",
    "route_z_route",
    "route_b1_route",
    "route_onderwijsroute",
    "pip_1jaar",
    "gesprekken_norm",
    "voldaan",
)


@dataclass(frozen=True)
class DashboardFilter:
    doelgroep: str | None = "asielstatushouder"  # None: all target groups
    gemeente_id: int | None = None  # None: every municipality in scope
    peildatum: date | None = None


@dataclass
class Groepen:
    """Counts per (municipality id, cohort year), straight from the database."""

    gemeenten: list[Gemeente]
    cohorten: list[int]
    kern: dict[tuple[int, int], dict[str, int]] = field(default_factory=dict)
    # (gemeente, cohort, measure) -> {days: count}
    verdeling: dict[tuple[int, int, str], dict[int, int]] = field(default_factory=dict)
    # (gemeente, cohort) -> (hours with quality mark, all hours, persons with hours)
    uren: dict[tuple[int, int], tuple[float, float, int]] = field(default_factory=dict)
    peildatum: date = date.min


def gemeenten_in_beeld(user: Any, gemeente_id: int | None = None) -> list[Gemeente]:
    ids = gemeenten_met_recht(user, RECHT)
    if gemeente_id is not None:
        ids = ids & {gemeente_id}
    return list(Gemeente.objects.filter(pk__in=sorted(ids)).order_by("naam"))


def per_dossier(user: Any, filters: DashboardFilter) -> QuerySet:
    """The per-dossier facts the dashboard groups, one row per dossier in scope: the dossier's
    own dates and the key dates of its timeline that ``regie.dossiers.kengetallen`` keeps on
    it (first brede intake, first PIP and its route, the second progress talk after it, SS106,
    hours followed). Never fetched; ``tellingen`` groups it in the database."""
    qs = Dossier.objects.for_user(user, RECHT)
    if filters.gemeente_id is not None:
        qs = qs.filter(regie_gemeente_id=filters.gemeente_id)
    if filters.doelgroep:
        qs = qs.filter(doelgroep=filters.doelgroep)
    return qs.order_by().values(
        "regie_gemeente_id",
        "plicht_vanaf",
        "koppeling_datum",
        "vestiging_datum",
        "pip_uiterlijk",
        "uren_keurmerk",
        "uren_totaal",
        cohort=ExtractYear("plicht_vanaf"),
        intake_datum=F("eerste_intake_op"),
        pip_datum=F("eerste_pip_op"),
        leerroute=F("eerste_pip_leerroute"),
        tweede_gesprek=F("tweede_gesprek_op"),
        voldaan=F("voldaan_op"),
    )


def per_dossier_sql(user: Any, filters: DashboardFilter) -> tuple[str, list[Any]]:
    """``per_dossier`` as SQL text and parameters, for the grouping around it."""
    sql, params = per_dossier(user, filters).query.sql_with_params()
    return sql, list(params)


def _dagen(van: str, tot: str) -> str:
    """Whole days from column ``van`` to column ``tot`` of the derived table ``d``."""
    if connection.vendor == "postgresql":
        return f"(d.{tot} - d.{van})"
    return f"CAST(julianday(d.{tot}) - julianday(d.{van}) AS INTEGER)"


def _som(conditie: str) -> str:
    return f"SUM(CASE WHEN {conditie} THEN 1 ELSE 0 END)"


def _condities(peildatum: date) -> dict[str, tuple[str, list[Any]]]:
    """Each count of TELLINGEN as a condition on the per-dossier row ``d``."""
    heeft_pip = "d.pip_datum IS NOT NULL"
    met_termijn = f"{heeft_pip} AND d.pip_uiterlijk IS NOT NULL"
    gevestigd = "d.koppeling_datum IS NOT NULL AND d.vestiging_datum IS NOT NULL"
    plicht_6mnd = "d.plicht_vanaf <= %s"
    pip_1jaar = "d.pip_datum <= %s"
    condities = {
        "dossiers": ("1 = 1", []),
        "met_koppeling": ("d.koppeling_datum IS NOT NULL", []),
        "intake": ("d.intake_datum IS NOT NULL", []),
        "pip": (heeft_pip, []),
        "pip_met_termijn": (met_termijn, []),
        "pip_tijdig": (f"{met_termijn} AND d.pip_datum <= d.pip_uiterlijk", []),
        "zonder_pip_verlopen": ("d.pip_datum IS NULL AND d.pip_uiterlijk < %s", [peildatum]),
        "gevestigd": (gevestigd, []),
        "wacht_3mnd": (
            f"{gevestigd} AND {_dagen('koppeling_datum', 'vestiging_datum')} >= %s",
            [DRIE_MAANDEN],
        ),
        "plicht_6mnd": (plicht_6mnd, [peildatum - timedelta(days=ZES_MAANDEN)]),
        "pip_binnen_6mnd": (
            f"{plicht_6mnd} AND {heeft_pip} AND {_dagen('plicht_vanaf', 'pip_datum')} <= %s",
            [peildatum - timedelta(days=ZES_MAANDEN), ZES_MAANDEN],
        ),
        "route_z_route": ("d.leerroute = %s", ["z_route"]),
        "route_b1_route": ("d.leerroute = %s", ["b1_route"]),
        "route_onderwijsroute": ("d.leerroute = %s", ["onderwijsroute"]),
        "pip_1jaar": (pip_1jaar, [peildatum - timedelta(days=EEN_JAAR)]),
        "gesprekken_norm": (
            f"{pip_1jaar} AND d.tweede_gesprek IS NOT NULL "
            f"AND {_dagen('pip_datum', 'tweede_gesprek')} < %s",
            [peildatum - timedelta(days=EEN_JAAR), EEN_JAAR],
        ),
        "voldaan": ("d.voldaan IS NOT NULL", []),
    }
    assert tuple(condities) == TELLINGEN
    return condities


def _iso(waarde: Any) -> Any:
    # Dates travel as ISO text: SQLite stores them so, PostgreSQL casts the literal to date.
    return waarde.isoformat() if isinstance(waarde, date) else waarde


KERN = "kern"
VERDELING = "verdeling"


def tellingen_sql(
    binnen_sql: str, binnen_params: list[Any], peildatum: date
) -> tuple[str, list[Any]]:
    """The grouping around a per-dossier query (its columns as ``per_dossier`` names them)."""
    condities = _condities(peildatum)
    sommen = [_som(c) for c, _p in condities.values()] + [
        _som("d.uren_totaal > 0"),
        "SUM(d.uren_keurmerk)",
        "SUM(d.uren_totaal)",
    ]
    leeg = ", ".join(["NULL"] * (len(sommen) - 1))
    # Only fixed names from this module go into the text; values travel as %s parameters.
    leden = " UNION ALL ".join(
        f"SELECT d.regie_gemeente_id, d.cohort, '{naam}' AS maat, "  # noqa: S608  # nosec B608  # names from MATEN
        f"{_dagen(van, tot)} AS dagen FROM d WHERE d.{van} IS NOT NULL AND d.{tot} IS NOT NULL"
        for naam, (van, tot) in MATEN.items()
    )
    sql = (
        f"WITH d AS ({binnen_sql}) "  # noqa: S608  # nosec B608  # Django-compiled SQL, %s params
        f"SELECT '{KERN}', d.regie_gemeente_id, d.cohort, NULL, NULL, {', '.join(sommen)} "
        "FROM d GROUP BY d.regie_gemeente_id, d.cohort "
        f"UNION ALL SELECT '{VERDELING}', v.regie_gemeente_id, v.cohort, v.maat, v.dagen, "
        f"COUNT(*), {leeg} FROM ({leden}) v "
        "GROUP BY v.regie_gemeente_id, v.cohort, v.maat, v.dagen"
    )
    return sql, [*binnen_params, *(_iso(p) for _c, ps in condities.values() for p in ps)]


def tellingen(user: Any, filters: DashboardFilter, peildatum: date) -> list[tuple]:
    """Everything the dashboard counts, in one query over the per-dossier rows ``d``:

    * ("kern", gemeente, cohort, None, None, *TELLINGEN, persons with hours, hours at a
      provider with the quality mark, all hours) per municipality and cohort;
    * ("verdeling", gemeente, cohort, measure, days, persons, None…) for every measure in MATEN.

    The per-dossier facts are computed once (a CTE, materialised by PostgreSQL as it is used
    more than once) and grouped twice.
    """
    try:
        binnen_sql, binnen_params = per_dossier_sql(user, filters)
    except EmptyResultSet:  # for_user() of a user without the right: .none()
        return []
    sql, params = tellingen_sql(binnen_sql, list(binnen_params), peildatum)
    return voer_uit(sql, params)


def voer_uit(sql: str, params: list[Any]) -> list[tuple]:
    """Run one analytic query (fixed SQL text; values only as %s parameters). On PostgreSQL
    the connection runs without JIT (conf/base.py): compiling cost more than this query."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _als_dagen(waarde: Any) -> int:
    return waarde.days if isinstance(waarde, timedelta) else int(waarde)


def groepen(
    user: Any, filters: DashboardFilter, gemeenten: list[Gemeente] | None = None
) -> Groepen:
    """All the dashboard's numbers in one query, plus the rights lookup and, unless given, the
    municipalities in scope."""
    peildatum = filters.peildatum or timezone.localdate()
    if gemeenten is None:
        gemeenten = gemeenten_in_beeld(user, filters.gemeente_id)
    elif filters.gemeente_id is not None:
        gemeenten = [g for g in gemeenten if g.pk == filters.gemeente_id]
    uitkomst = Groepen(gemeenten=gemeenten, cohorten=[], peildatum=peildatum)
    if not gemeenten:
        return uitkomst
    cohorten: set[int] = set()
    for soort, gemeente_id, cohort, maat, dagen, *waarden in tellingen(user, filters, peildatum):
        sleutel = (gemeente_id, int(cohort or 0))
        if soort == VERDELING:
            telling = uitkomst.verdeling.setdefault((*sleutel, maat), {})
            d = _als_dagen(dagen)
            telling[d] = telling.get(d, 0) + int(waarden[0])
            continue
        *aantallen, met_uren, uren_keurmerk, uren_totaal = waarden
        cohorten.add(sleutel[1])
        uitkomst.kern[sleutel] = {
            naam: int(n or 0) for naam, n in zip(TELLINGEN, aantallen, strict=True)
        }
        if met_uren:
            uitkomst.uren[sleutel] = (
                float(uren_keurmerk or 0),
                float(uren_totaal or 0),
                int(met_uren),
            )
    uitkomst.cohorten = sorted(cohorten)
    return uitkomst


def leerroute_telling(user: Any, gemeente_ids: frozenset[int] | None = None) -> dict[str, int]:
    """Asylum status holders per route of their first PIP, for the forecast's calibration."""
    try:
        binnen_sql, params = per_dossier_sql(user, DashboardFilter())
    except EmptyResultSet:  # for_user() of a user without the right: .none()
        return {}
    rijen = voer_uit(
        f"SELECT d.regie_gemeente_id, d.leerroute, COUNT(*) FROM ({binnen_sql}) d "  # noqa: S608  # nosec B608  # Django-compiled SQL
        "WHERE d.leerroute <> '' GROUP BY d.regie_gemeente_id, d.leerroute",
        params,
    )
    uit: dict[str, int] = {}
    for gemeente_id, route, n in rijen:
        if gemeente_ids is None or gemeente_id in gemeente_ids:
            uit[str(route)] = uit.get(str(route), 0) + int(n)
    return uit


def telling(
    groepen: Groepen, gemeente_ids: list[int], cohorten: list[int], maat: str
) -> dict[int, int]:
    """The distribution of one measure (days -> persons) over municipalities and cohorts."""
    uit: dict[int, int] = {}
    for g in gemeente_ids:
        for c in cohorten:
            for d, n in groepen.verdeling.get((g, c, maat), {}).items():
                uit[d] = uit.get(d, 0) + n
    return uit


def mediaan(verdeling: dict[Hashable, int]) -> float | None:
    """The exact median of grouped values (value -> count)."""
    n = sum(verdeling.values())
    if n == 0:
        return None
    geordend = sorted(verdeling.items())  # type: ignore[type-var]
    grenzen = [(n - 1) // 2, n // 2]
    waarden = []
    gezien = 0
    for waarde, aantal in geordend:
        while grenzen and grenzen[0] < gezien + aantal:
            waarden.append(float(waarde))  # type: ignore[arg-type]
            grenzen.pop(0)
        gezien += aantal
    return sum(waarden) / 2
