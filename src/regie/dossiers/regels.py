"""The adapter between a dossier and the rules engine: facts in, conclusions out.

The timeline's fact types are the engine's event types, so this module only selects and
shapes; it decides nothing. Every deadline shown anywhere in Regie comes from here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from regie.core.models import RegelParameter
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.rules import Parameters, Uitkomst, evalueer
from regie.rules.parameters import STANDAARD, ParameterWijziging

# Timeline facts of Regie's own process are not rules input.
NIET_VOOR_REGELS = frozenset(
    {TijdlijnFeit.Soort.DOSSIER_AANGEMAAKT, TijdlijnFeit.Soort.FASE_GEWIJZIGD}
)

# Conclusions the dossier page shows, in this order, with their Dutch label.
TOONBARE_CONCLUSIES = [
    ("inburgeringsplichtig", _("Inburgeringsplichtig")),
    ("regime", _("Regime")),
    ("plicht_vanaf", _("Plicht vanaf")),
    ("pip_uiterlijk", _("PIP uiterlijk")),
    ("termijn_start", _("Inburgeringstermijn start")),
    ("termijn_eind", _("Inburgeringstermijn eind")),
    ("voortgangsgesprekken", _("Voortgangsgesprekken")),
    ("map_vereist", _("MAP vereist")),
    ("pvt_vereist", _("PVT vereist")),
    ("zroute_uren_vereist", _("Z-route-uren vereist")),
    ("ontzorgen", _("Ontzorgen")),
    ("maatschappelijke_begeleiding", _("Maatschappelijke begeleiding")),
    ("vrijstelling_diploma", _("Vrijstelling op grond van diploma")),
]


def invoer_voor(
    dossier: Dossier, feiten: Iterable[TijdlijnFeit], peildatum: date
) -> dict[str, Any]:
    """The engine's input (rules contract) for this dossier on ``peildatum``."""
    persoon = dossier.inburgeraar
    return {
        "peildatum": peildatum.isoformat(),
        "persoon": {
            "geboortedatum": persoon.geboortedatum.isoformat(),
            "nationaliteit": persoon.nationaliteit or None,
            "verblijf": dossier.verblijf,
            "diplomas": [],
            "jaren_leerplichtig_in_nl": 0,
        },
        "gebeurtenissen": [
            {"type": feit.soort, "datum": feit.datum.isoformat(), **feit.gegevens}
            for feit in feiten
            if feit.soort not in NIET_VOOR_REGELS
        ],
    }


# Parameters per municipality, cached per process. ``RegelParameter`` rows are only ever added
# (a new policy is a new row), so (number of rows, highest id, latest recording time)
# identifies the table's state: a row added or removed by any process, or a rolled-back test
# (SQLite reuses ids), changes the stamp and the cache is rebuilt. Checking the stamp is one
# tiny aggregate instead of reading and validating every row; inside
# ``parameters_vastgezet()`` (a worker's batch) it is checked once per batch.
_Stempel = tuple[Any, ...]
_cache: dict[int | None, tuple[_Stempel, Parameters]] = {}
_cache_lock = threading.Lock()
_vaste_stempel: ContextVar[_Stempel | None] = ContextVar("regels_vaste_stempel", default=None)


def _stempel() -> _Stempel:
    rij = RegelParameter.objects.aggregate(
        aantal=Count("id"), hoogste=Max("id"), laatst=Max("vastgelegd_op")
    )
    return (rij["aantal"], rij["hoogste"], rij["laatst"])


@contextmanager
def parameters_vastgezet() -> Iterator[None]:
    """Within this block the parameter table is read (at most) once per municipality: for a
    batch that records many facts, as the DUO worker does. Outside it every call checks the
    stamp, so a new row takes effect on the next call in every process."""
    if _vaste_stempel.get() is not None:
        yield
        return
    token = _vaste_stempel.set(_stempel())
    try:
        yield
    finally:
        _vaste_stempel.reset(token)


def _parameters_uit_database(gemeente_id: int | None) -> Parameters:
    rijen = RegelParameter.objects.filter(
        Q(gemeente__isnull=True) | Q(gemeente_id=gemeente_id)
    ).order_by(F("gemeente_id").asc(nulls_first=True), "geldig_vanaf", "pk")
    # Region-wide rows first, so a municipality's own row wins on the same date (the engine
    # lets the override added last win), identically on PostgreSQL and SQLite.
    wijzigingen = [
        ParameterWijziging(
            naam=r.naam,
            waarde=r.waarde,
            geldig_vanaf=r.geldig_vanaf,
            bron=f"beleid gemeente {r.gemeente_id}" if r.gemeente_id else "beleid regio",
        )
        for r in rijen
    ]
    return STANDAARD.met_wijzigingen(wijzigingen) if wijzigingen else STANDAARD


def parameters_voor(gemeente_id: int | None) -> Parameters:
    """National values plus installation-wide overrides plus the municipality's own."""
    stempel = _vaste_stempel.get() or _stempel()
    gevonden = _cache.get(gemeente_id)
    if gevonden is not None and gevonden[0] == stempel:
        return gevonden[1]
    parameters = _parameters_uit_database(gemeente_id)
    with _cache_lock:
        _cache[gemeente_id] = (stempel, parameters)
    return parameters


def conclusies_voor(
    dossier: Dossier,
    feiten: Iterable[TijdlijnFeit],
    *,
    peildatum: date | None = None,
    vragen: list[dict[str, Any]] | None = None,
    parameters: Parameters | None = None,
) -> Uitkomst:
    invoer = invoer_voor(dossier, feiten, peildatum or timezone.localdate())
    if vragen:
        invoer["vragen"] = vragen
    return evalueer(invoer, parameters or parameters_voor(dossier.regie_gemeente_id))


# Labels for the keys of structured conclusions (rules contract).
_SLEUTELS = {
    "vereist": _("vereist"),
    "venster_eind": _("venster tot en met"),
    "gehouden": _("gehouden"),
    "tekort": _("tekort"),
    "recht": _("recht"),
    "minimaal_tot": _("ten minste tot"),
    "taal_knm": _("taal en KNM (uren)"),
    "participatie": _("participatie (uren)"),
}


def _tekst(waarde: Any) -> str:
    """A conclusion's value as a short Dutch text for the dossier page."""
    if waarde is None:
        return "—"
    if isinstance(waarde, bool):
        return gettext_now("ja") if waarde else gettext_now("nee")
    if isinstance(waarde, date):
        return date_format(waarde, "j F Y")
    if isinstance(waarde, dict):
        return ", ".join(f"{_SLEUTELS.get(k, k)}: {_tekst(v)}" for k, v in waarde.items())
    return str(waarde)


def weergave(uitkomst: Uitkomst) -> list[dict[str, Any]]:
    """The conclusions as rows for a template: label, value, grondslagen, trace."""
    rijen = []
    for sleutel, label in TOONBARE_CONCLUSIES:
        bevinding = uitkomst.conclusie(sleutel)
        rijen.append(
            {
                "sleutel": sleutel,
                "label": str(label),
                "tekst": _tekst(naar_json_waarde(bevinding.waarde)),
                "grondslagen": bevinding.grondslagen,
                "trace": bevinding.trace,
            }
        )
    return rijen


def naar_json_waarde(waarde: Any) -> Any:
    """Structured values (dataclasses) as plain dicts with real dates, for display."""
    if hasattr(waarde, "als_json"):
        return {
            k: (date.fromisoformat(v) if isinstance(v, str) and _is_iso_date(v) else v)
            for k, v in waarde.als_json().items()
        }
    return waarde


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
