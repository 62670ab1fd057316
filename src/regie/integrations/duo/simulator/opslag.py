"""The simulator's state in a JSON file, so that a restart (``make run`` again) continues with
the persons, PIPs, hours, received berichtIds, queued notifications and scenario progress DUO
had, instead of refusing Regie's next delivery for a person it forgot.

``laad(staat, pad)`` reads the file when it exists; ``schrijf(staat, pad)`` writes it whole,
atomically (a temporary file beside it, then ``os.replace``), called under the state's lock after
every change (``Staat.wijziging``). Dates and datetimes are ISO strings and come back as
``date``/``datetime``: the dataclasses' type hints say which.

Not saved: the fixed catalogues (``INSTELLINGEN``, ``VERLENGINGSGRONDEN``: code, not state),
injected failures and delays, and which scenario is being played right now.

Format, version 1::

    {"soort": "regie-duo-simulator-staat", "versie": 1,
     "gemeenten": {oin: cbs_code}, "personen": [Persoon], "volgend_contact_id": n,
     "contactpersonen": [{"id", "gegevens", "gemeente_oin"}],
     "berichten": [{"bron", "berichtId", "antwoord": Antwoord}], "ontvangen": [Ontvangen],
     "uitgaand": [Notificatie], "scenarios": {bsn: [tekst]}, "voortgang": {bsn: Voortgang}}

A file of another version, or one that cannot be read, is refused (``StaatOnleesbaar``), never
silently replaced: delete it to start afresh.
"""

from __future__ import annotations

import json
import os
import types
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from regie.integrations.duo.simulator.staat import (
    Antwoord,
    Notificatie,
    Ontvangen,
    Persoon,
    Staat,
    Voortgang,
)

SOORT = "regie-duo-simulator-staat"
VERSIE = 1


class StaatOnleesbaar(Exception):
    """The state file exists but cannot be used; the message names it and the way out."""

    def __init__(self, pad: Path, reden: str, *, verwijderen: bool = True) -> None:
        self.pad = pad
        self.reden = reden
        uitweg = (
            " Delete it to start the simulator afresh (the persons, PIPs and scenario progress "
            "it holds are then gone; start Regie with an empty database too to play the "
            "scenario again)."
            if verwijderen
            else ""
        )
        super().__init__(f"DUO simulator state file {pad} cannot be used: {reden}.{uitweg}")


class _Ongeldig(Exception):
    def __init__(self, plek: str, reden: str) -> None:
        super().__init__(f"{plek}: {reden}")


# --- to JSON -------------------------------------------------------------------------------
def _naar(waarde: Any) -> Any:
    if isinstance(waarde, date):  # a datetime is a date too
        return waarde.isoformat()
    if is_dataclass(waarde) and not isinstance(waarde, type):
        return {veld.name: _naar(getattr(waarde, veld.name)) for veld in fields(waarde)}
    if isinstance(waarde, dict):
        return {sleutel: _naar(w) for sleutel, w in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_naar(w) for w in waarde]
    return waarde


def naar_json(staat: Staat) -> dict[str, Any]:
    with staat.lock:
        return {
            "soort": SOORT,
            "versie": VERSIE,
            "gemeenten": dict(staat.gemeenten),
            "personen": [_naar(p) for p in staat.personen.values()],
            "volgend_contact_id": staat.volgend_contact_id,
            "contactpersonen": [
                {"id": nummer, **_naar(contact)}
                for nummer, contact in staat.contactpersonen.items()
            ],
            "berichten": [
                {"bron": bron, "berichtId": bericht_id, "antwoord": _naar(antwoord)}
                for (bron, bericht_id), antwoord in staat.berichten.items()
            ],
            "ontvangen": [_naar(o) for o in staat.ontvangen],
            "uitgaand": [_naar(n) for n in staat.uitgaand],
            "scenarios": {bsn: list(teksten) for bsn, teksten in staat.scenarios.items()},
            "voortgang": {bsn: _naar(v) for bsn, v in staat.voortgang.items()},
        }


# --- from JSON, guided by the dataclasses' type hints -----------------------------------------
def _uit(soort: Any, waarde: Any, plek: str) -> Any:
    if soort is Any:
        return waarde
    herkomst, argumenten = get_origin(soort), get_args(soort)
    if herkomst in (Union, types.UnionType):
        if waarde is None and type(None) in argumenten:
            return None
        (anders,) = [a for a in argumenten if a is not type(None)]
        return _uit(anders, waarde, plek)
    if soort in (date, datetime):
        if not isinstance(waarde, str):
            raise _Ongeldig(plek, "ISO date expected")
        try:
            return soort.fromisoformat(waarde)
        except ValueError as exc:
            raise _Ongeldig(plek, f"not an ISO date: {waarde!r}") from exc
    if isinstance(soort, type) and is_dataclass(soort):
        return _object(soort, waarde, plek)
    if herkomst is list:
        return [_uit(argumenten[0], w, f"{plek}[{i}]") for i, w in enumerate(_lijst(waarde, plek))]
    if herkomst is tuple:
        lijst = _lijst(waarde, plek)
        if len(argumenten) == 2 and argumenten[1] is Ellipsis:
            argumenten = (argumenten[0],) * len(lijst)
        if len(argumenten) != len(lijst):
            raise _Ongeldig(plek, f"{len(argumenten)} items expected")
        return tuple(
            _uit(a, w, f"{plek}[{i}]")
            for i, (a, w) in enumerate(zip(argumenten, lijst, strict=True))
        )
    if herkomst is dict:
        return {
            str(sleutel): _uit(argumenten[1], w, f"{plek}.{sleutel}")
            for sleutel, w in _dict(waarde, plek).items()
        }
    if soort in (str, int, bool, float):
        # bool is an int in Python, not in this file
        if not isinstance(waarde, soort) or (soort is int and isinstance(waarde, bool)):
            raise _Ongeldig(plek, f"{soort.__name__} expected, not {waarde!r}")
        return waarde
    raise TypeError(f"{plek}: no conversion for {soort!r}")  # a new field type: extend _uit


def _object(soort: type, waarde: Any, plek: str) -> Any:
    data = _dict(waarde, plek)
    typen = get_type_hints(soort)
    velden = {veld.name for veld in fields(soort)}
    if onbekend := sorted(set(data) - velden):
        raise _Ongeldig(plek, f"unknown fields {', '.join(onbekend)}")
    waarden = {naam: _uit(typen[naam], w, f"{plek}.{naam}") for naam, w in data.items()}
    try:
        return soort(**waarden)
    except TypeError as exc:  # a required field is missing
        raise _Ongeldig(plek, str(exc)) from exc


def _lijst(waarde: Any, plek: str) -> list[Any]:
    if not isinstance(waarde, list):
        raise _Ongeldig(plek, "list expected")
    return waarde


def _dict(waarde: Any, plek: str) -> dict[str, Any]:
    if not isinstance(waarde, dict):
        raise _Ongeldig(plek, "object expected")
    return waarde


def uit_json(staat: Staat, data: Any) -> None:
    """Replace ``staat``'s content by ``data``'s; raises ``_Ongeldig`` (and changes nothing)
    when ``data`` is not a state of this version."""
    bestand = _dict(data, "file")
    if bestand.get("soort") != SOORT:
        raise _Ongeldig("soort", f"not a DUO simulator state (expected {SOORT!r})")
    if bestand.get("versie") != VERSIE:
        raise _Ongeldig(
            "versie", f"version {bestand.get('versie')!r}, this simulator reads version {VERSIE}"
        )
    try:
        gemeenten = _uit(dict[str, str], bestand["gemeenten"], "gemeenten")
        personen = _uit(list[Persoon], bestand["personen"], "personen")
        volgend_contact_id = _uit(int, bestand["volgend_contact_id"], "volgend_contact_id")
        contactpersonen = {
            _uit(int, c.get("id"), f"contactpersonen[{i}].id"): {
                "gegevens": _uit(dict[str, Any], c.get("gegevens"), f"contactpersonen[{i}]"),
                "gemeente_oin": _uit(str, c.get("gemeente_oin"), f"contactpersonen[{i}]"),
            }
            for i, c in enumerate(
                _uit(list[dict[str, Any]], bestand["contactpersonen"], "contactpersonen")
            )
        }
        berichten = {
            (
                _uit(str, b.get("bron"), f"berichten[{i}].bron"),
                _uit(str, b.get("berichtId"), f"berichten[{i}].berichtId"),
            ): _uit(Antwoord, b.get("antwoord"), f"berichten[{i}].antwoord")
            for i, b in enumerate(_uit(list[dict[str, Any]], bestand["berichten"], "berichten"))
        }
        ontvangen = _uit(list[Ontvangen], bestand["ontvangen"], "ontvangen")
        uitgaand = _uit(list[Notificatie], bestand["uitgaand"], "uitgaand")
        scenarios = _uit(dict[str, list[str]], bestand["scenarios"], "scenarios")
        voortgang = _uit(dict[str, Voortgang], bestand["voortgang"], "voortgang")
    except KeyError as exc:
        raise _Ongeldig(str(exc.args[0]), "missing") from exc
    with staat.lock:
        staat.gemeenten = gemeenten
        staat.personen = {p.bsn: p for p in personen}
        staat.volgend_contact_id = volgend_contact_id
        staat.contactpersonen = contactpersonen
        staat.berichten = berichten
        staat.ontvangen = ontvangen
        staat.uitgaand = uitgaand
        staat.scenarios = scenarios
        staat.voortgang = voortgang


# --- the file ------------------------------------------------------------------------------
def laad(staat: Staat, pad: Path) -> bool:
    """Fill ``staat`` from ``pad``; False when there is no file yet (a first start)."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    except (OSError, UnicodeDecodeError) as exc:
        raise StaatOnleesbaar(pad, f"it cannot be read ({exc})") from exc
    try:
        data = json.loads(tekst)
    except ValueError as exc:
        raise StaatOnleesbaar(pad, f"it is not valid JSON ({exc})") from exc
    try:
        uit_json(staat, data)
    except _Ongeldig as exc:
        raise StaatOnleesbaar(pad, f"its content does not fit ({exc})") from exc
    return True


def schrijf(staat: Staat, pad: Path) -> None:
    """Write the whole state to ``pad`` atomically: a reader (or a restart after a kill) sees
    the previous file or the new one, never half of one. Under the state's lock, so the one
    temporary file beside it is never written by two threads at once."""
    with staat.lock:
        tekst = json.dumps(naar_json(staat), ensure_ascii=False, indent=1)
        tijdelijk = pad.with_name(pad.name + ".tmp")
        with open(tijdelijk, "w", encoding="utf-8") as bestand:
            bestand.write(tekst)
            bestand.flush()
            os.fsync(bestand.fileno())
        os.replace(tijdelijk, pad)
