"""Checks of incoming messages against DUO's specifications: a message that does not fit is a
400 ("Fout verzoek"), before any rule is looked at. Written out by hand so the simulator needs
nothing from ../shared at run time; the contract tests compare it with the real specs."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

_OIN = re.compile(r"\d{20}")
_NAAM = re.compile(r"[\s'‘.\w-]{0,100}")
_TELEFOON = re.compile(r"^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$")
_VERSIE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


class Ongeldig(ValueError):
    pass


def headers(kop: dict[str, str], duo_oin: str) -> tuple[str, str]:
    """The required request headers; returns (bron, berichtId)."""
    bron = kop.get("bron", "")
    doel = kop.get("doel", "")
    bericht_id = kop.get("berichtid", "")
    if not _OIN.fullmatch(bron) or not _OIN.fullmatch(doel):
        raise Ongeldig("bron en doel zijn OIN's van 20 cijfers")
    if doel != duo_oin:
        raise Ongeldig("doel is niet DUO")
    try:
        uuid.UUID(bericht_id)
    except ValueError as exc:
        raise Ongeldig("berichtId is geen UUID") from exc
    if len(bericht_id) != 36:
        raise Ongeldig("berichtId heeft 36 tekens")
    versie = kop.get("api-version")
    if versie is not None and not _VERSIE.match(versie):
        raise Ongeldig("API-Version is geen versienummer")
    return bron, bericht_id


def _object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise Ongeldig("body moet een JSON-object zijn")
    return body


def _datum(body: dict[str, Any], veld: str, *, verplicht: bool = False) -> None:
    if veld not in body:
        if verplicht:
            raise Ongeldig(f"{veld} ontbreekt")
        return
    waarde = body[veld]
    if not isinstance(waarde, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        raise Ongeldig(f"{veld} is geen datum")
    try:
        date.fromisoformat(waarde)
    except ValueError as exc:
        raise Ongeldig(f"{veld} is geen datum") from exc


def _enum(body: dict[str, Any], veld: str, waarden: tuple[str, ...], *, verplicht=False) -> None:
    if veld not in body:
        if verplicht:
            raise Ongeldig(f"{veld} ontbreekt")
        return
    if body[veld] not in waarden:
        raise Ongeldig(f"{veld} moet een van {waarden} zijn")


def _geheel(body: dict[str, Any], veld: str, lo: int, hi: int, *, verplicht=False) -> None:
    if veld not in body:
        if verplicht:
            raise Ongeldig(f"{veld} ontbreekt")
        return
    waarde = body[veld]
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not lo <= waarde <= hi:
        raise Ongeldig(f"{veld} moet een geheel getal {lo}..{hi} zijn")


def pip(body: Any) -> dict[str, Any]:
    body = _object(body)
    _datum(body, "dagtekeningPip", verplicht=True)
    _enum(body, "leerroute", ("B", "O", "Z"), verplicht=True)
    _enum(body, "niveau", ("A2", "B1"))
    _geheel(body, "geschatteIntensiteitB1Route", 1, 9999)
    if "indicatorMagOpleidingAfmaken" in body and not isinstance(
        body["indicatorMagOpleidingAfmaken"], bool
    ):
        raise Ongeldig("indicatorMagOpleidingAfmaken is geen boolean")
    _enum(body, "indicatorAlfabetiseringsonderwijs", ("A", "AA", "NVT"))
    return body


def aanbod(body: Any) -> dict[str, Any]:
    body = _object(body)
    _enum(body, "indicatorAlfabetiseringsonderwijs", ("A", "AA", "NVT"), verplicht=True)
    for veld in (
        "datumInburgeringsaanbod",
        "verwachteStartdatumOpleiding",
        "verwachteEinddatumOpleiding",
    ):
        _datum(body, veld)
    return body


def resultaat(body: Any, datumveld: str) -> dict[str, Any]:
    body = _object(body)
    _datum(body, datumveld)
    _enum(body, "verwijtbaar", ("Ja", "Nee"))
    return body


def zroute(body: Any) -> dict[str, Any]:
    body = _object(body)
    _datum(body, "datumAfrondingZroute")
    return body


def uren(body: Any) -> dict[str, Any]:
    body = _object(body)
    _geheel(body, "uren", 0, 9999, verplicht=True)
    return body


def contactpersoon(body: Any) -> dict[str, Any]:
    body = _object(body)
    for veld in ("naam", "email", "telefoonnummer"):
        if not isinstance(body.get(veld), str):
            raise Ongeldig(f"{veld} ontbreekt")
    if len(body["naam"]) > 100 or not _NAAM.fullmatch(body["naam"]):
        raise Ongeldig("naam voldoet niet")
    if not 4 <= len(body["email"]) <= 241:
        raise Ongeldig("email voldoet niet")
    if not 3 <= len(body["telefoonnummer"]) <= 22 or not _TELEFOON.match(body["telefoonnummer"]):
        raise Ongeldig("telefoonnummer voldoet niet")
    return body


def bsn(waarde: str) -> str:
    if not re.fullmatch(r"\d{9}", waarde):
        raise Ongeldig("bsn bestaat uit 9 cijfers")
    return waarde
