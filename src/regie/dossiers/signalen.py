"""Deadlines for the caseload, as the rules engine computes them.

The engine decides every date; this module only picks which one to show next and stores it on
the dossier, so the caseload can filter ("PIP-termijn verloopt binnen 14 dagen") and sort
without evaluating every row. ``termijnen_bijwerken`` runs whenever a rules-relevant fact is
recorded (``na_feit``; inside ``eenmaal_bijwerken()`` once per dossier for a whole batch of
facts); ``sweep`` refreshes all open dossiers (daily, and after a parameter change), in
batches, idempotently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from regie.dossiers import regels
from regie.dossiers.models import Dossier, Fase, TermijnSoort, TijdlijnFeit
from regie.rules import Parameters, Uitkomst

OPEN_FASEN = (Fase.AANGEMELD, Fase.GEKOPPELD, Fase.INTAKE, Fase.PIP, Fase.TRAJECT)
TERMIJN_VELDEN = [
    "pip_uiterlijk",
    "volgende_termijn",
    "volgende_termijn_soort",
    "termijnen_berekend_op",
]


class _Feit(NamedTuple):
    soort: str
    datum: date
    gegevens: dict[str, Any]


def _bewaar(dossiers: list[Dossier]) -> None:
    """Write the changed deadlines. PostgreSQL: one UPDATE … FROM (VALUES …) per batch, far
    cheaper than Django's CASE-per-row bulk_update; elsewhere bulk_update."""
    if connection.vendor != "postgresql":
        Dossier.objects.bulk_update(dossiers, TERMIJN_VELDEN, batch_size=1_000)
        return
    rijen = [
        (d.pk, d.pip_uiterlijk, d.volgende_termijn, d.volgende_termijn_soort) for d in dossiers
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE dossiers_dossier AS d SET pip_uiterlijk = v.pip::date, "
            "volgende_termijn = v.volgende::date, volgende_termijn_soort = v.soort "
            "FROM (SELECT * FROM unnest(%s::uuid[], %s::date[], %s::date[], %s::text[])) "
            "AS v(id, pip, volgende, soort) WHERE d.id = v.id",
            [[r[i] for r in rijen] for i in range(4)],
        )


@dataclass(frozen=True)
class Termijnen:
    pip_uiterlijk: date | None
    volgende_termijn: date | None
    volgende_termijn_soort: str


def termijnen_uit(uitkomst: Uitkomst) -> Termijnen:
    """Which of the engine's deadlines comes next for the case manager.

    Before the first PIP: the PIP deadline. With a term: the end of the progress-talk window
    while talks are still short, else the end of the term.
    """
    pip = uitkomst.conclusie("pip_uiterlijk").waarde
    if uitkomst.conclusie("termijn_start").waarde is None:
        return Termijnen(pip, pip, TermijnSoort.PIP if pip else "")
    gesprekken = uitkomst.conclusie("voortgangsgesprekken").waarde
    if gesprekken is not None and gesprekken.tekort:
        return Termijnen(pip, gesprekken.venster_eind, TermijnSoort.VOORTGANGSGESPREK)
    eind = uitkomst.conclusie("termijn_eind").waarde
    return Termijnen(pip, eind, TermijnSoort.TERMIJN_EIND if eind else "")


def _toepassen(dossier: Dossier, termijnen: Termijnen, peildatum: date) -> bool:
    nieuw = {
        "pip_uiterlijk": termijnen.pip_uiterlijk,
        "volgende_termijn": termijnen.volgende_termijn,
        "volgende_termijn_soort": termijnen.volgende_termijn_soort,
    }
    gewijzigd = any(getattr(dossier, k) != v for k, v in nieuw.items())
    for k, v in nieuw.items():
        setattr(dossier, k, v)
    dossier.termijnen_berekend_op = peildatum
    return gewijzigd


def termijnen_bijwerken(dossier: Dossier, *, peildatum: date | None = None) -> Termijnen:
    """Recompute one dossier's deadlines from its timeline (one query plus one evaluation,
    plus one UPDATE when the stored values change). ``dossier`` is the instance read in this
    transaction: its deadline fields are what is stored."""
    peildatum = peildatum or timezone.localdate()
    # Plain tuples, not model instances: the engine needs only these three attributes.
    feiten = [
        _Feit(*rij)
        for rij in TijdlijnFeit.objects.filter(dossier_id=dossier.pk)
        .order_by("datum", "id")
        .values_list("soort", "datum", "gegevens")
    ]
    termijnen = termijnen_uit(regels.conclusies_voor(dossier, feiten, peildatum=peildatum))
    al_berekend = dossier.termijnen_berekend_op == peildatum
    if _toepassen(dossier, termijnen, peildatum) or not al_berekend:
        # A plain UPDATE: derived data, not a user's edit, so the version is left alone.
        Dossier.objects.filter(pk=dossier.pk).update(
            **{veld: getattr(dossier, veld) for veld in TERMIJN_VELDEN}
        )
    return termijnen


# Dossiers whose deadlines wait for the end of an ``eenmaal_bijwerken`` block (None: outside).
_uitgesteld: ContextVar[dict[Any, Dossier] | None] = ContextVar("signalen_uitgesteld", default=None)


@contextmanager
def eenmaal_bijwerken() -> Iterator[None]:
    """Recording several facts in one go (a DUO notification that opens a dossier and adds
    three facts): inside this block a rules-relevant fact only marks its dossier, and when the
    block ends without an error each marked dossier's deadlines are refreshed once. Use it
    inside the transaction that records the facts, so the deadlines commit with them."""
    if _uitgesteld.get() is not None:
        yield
        return
    gemarkeerd: dict[Any, Dossier] = {}
    token = _uitgesteld.set(gemarkeerd)
    try:
        yield
    finally:
        _uitgesteld.reset(token)
    for dossier in gemarkeerd.values():
        termijnen_bijwerken(dossier)


def na_feit(dossier: Dossier) -> None:
    """A rules-relevant fact was recorded: refresh now, or at the end of the batch."""
    gemarkeerd = _uitgesteld.get()
    if gemarkeerd is None:
        termijnen_bijwerken(dossier)
    else:
        gemarkeerd[dossier.pk] = dossier


def sweep(*, peildatum: date | None = None, batchgrootte: int = 2_000) -> dict[str, int]:
    """Refresh the deadlines of every open dossier. Safe to run twice or concurrently: it only
    writes what the engine computes, so repeated runs converge on the same values."""
    peildatum = peildatum or timezone.localdate()
    parameters: dict[int, Parameters] = {}
    geteld = {"beoordeeld": 0, "gewijzigd": 0}
    laatste_pk = None
    basis = (
        Dossier.objects.filter(fase__in=OPEN_FASEN)
        .select_related("inburgeraar")
        .only(
            "pk",
            "regie_gemeente_id",
            "verblijf",
            *TERMIJN_VELDEN,
            "inburgeraar__geboortedatum",
            "inburgeraar__nationaliteit",
        )
    )
    while True:
        batch_qs = basis.order_by("pk")
        if laatste_pk is not None:
            batch_qs = batch_qs.filter(pk__gt=laatste_pk)
        batch = list(batch_qs[:batchgrootte])
        if not batch:
            return geteld
        laatste_pk = batch[-1].pk
        # Plain tuples, not model instances: the engine needs only these three attributes.
        feiten: dict[Any, list[_Feit]] = defaultdict(list)
        for dossier_id, soort, datum, gegevens in (
            TijdlijnFeit.objects.filter(dossier_id__in=[d.pk for d in batch])
            .order_by("dossier_id", "datum", "id")
            .values_list("dossier_id", "soort", "datum", "gegevens")
        ):
            feiten[dossier_id].append(_Feit(soort, datum, gegevens))
        gewijzigd = []
        for dossier in batch:
            if dossier.regie_gemeente_id not in parameters:
                parameters[dossier.regie_gemeente_id] = regels.parameters_voor(
                    dossier.regie_gemeente_id
                )
            uitkomst = regels.conclusies_voor(
                dossier,
                feiten[dossier.pk],
                peildatum=peildatum,
                parameters=parameters[dossier.regie_gemeente_id],
            )
            if _toepassen(dossier, termijnen_uit(uitkomst), peildatum):
                gewijzigd.append(dossier)
        # Only changed rows get the (expensive) per-row update; the rest one UPDATE … IN.
        with transaction.atomic():
            if gewijzigd:
                _bewaar(gewijzigd)
            Dossier.objects.filter(pk__in=[d.pk for d in batch]).update(
                termijnen_berekend_op=peildatum
            )
        geteld["beoordeeld"] += len(batch)
        geteld["gewijzigd"] += len(gewijzigd)
