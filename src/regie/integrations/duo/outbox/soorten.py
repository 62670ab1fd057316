"""The kinds of delivery Regie makes to DUO: the data each takes (in Regie's vocabulary), the
DUO operation it becomes and the exact message body.

The body is built once, when the delivery is placed, and stored: a resend is the same message.
No body contains a BSN (it is only in the URL, filled in at send time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

# Regie's leerroute (rules contract) -> DUO's Leerroute code (PIP API).
LEERROUTE_DUO = {"b1_route": "B", "onderwijsroute": "O", "z_route": "Z"}
ALFABETISERING = ("A", "AA", "NVT")
JA_NEE = {"ja": "Ja", "nee": "Nee"}
UREN_OPERATIE = {
    "taal_knm_brede_intake": "updateUrenTaallesEnKnmByBSN",
    "participatieactiviteiten": "updateUrenParticipatieactiviteiten",
    "participatie_als_taalles": "updateUrenParticipatieAlsTaallesByBsn",
}


class OngeldigeGegevens(ValueError):
    """The caller passed data the delivery cannot be built from (a programming error)."""


def _datum(gegevens: dict[str, Any], veld: str, *, verplicht: bool = True) -> str | None:
    waarde = gegevens.get(veld)
    if waarde is None or waarde == "":
        if verplicht:
            raise OngeldigeGegevens(f"{veld}: verplicht")
        return None
    if isinstance(waarde, date):
        return waarde.isoformat()
    try:
        return date.fromisoformat(str(waarde)).isoformat()
    except ValueError as exc:
        raise OngeldigeGegevens(f"{veld}: geen datum: {waarde!r}") from exc


def _keuze(gegevens: dict[str, Any], veld: str, keuzes: Any, *, verplicht: bool = True) -> Any:
    waarde = gegevens.get(veld)
    if waarde in (None, ""):
        if verplicht:
            raise OngeldigeGegevens(f"{veld}: verplicht")
        return None
    if waarde not in keuzes:
        raise OngeldigeGegevens(f"{veld}: {waarde!r} is niet een van {sorted(keuzes)}")
    return waarde


def _geheel(gegevens: dict[str, Any], veld: str, minimum: int, maximum: int) -> int:
    waarde = gegevens.get(veld)
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        raise OngeldigeGegevens(f"{veld}: een geheel getal is verplicht")
    if not minimum <= waarde <= maximum:
        raise OngeldigeGegevens(f"{veld}: {waarde} ligt niet tussen {minimum} en {maximum}")
    return waarde


def _instellingsnummer(gegevens: dict[str, Any]) -> str:
    waarde = str(gegevens.get("instellingsnummer") or "")
    if len(waarde) != 10:
        raise OngeldigeGegevens("instellingsnummer: precies 10 tekens")
    return waarde


@dataclass(frozen=True)
class Levering:
    """What a placed delivery becomes: operation, path parameters and body."""

    operatie: str
    pad: dict[str, Any]
    verzoek: dict[str, Any] | None


@dataclass(frozen=True)
class Soort:
    naam: str
    label: str
    normaliseer: Callable[[dict[str, Any]], dict[str, Any]]
    bouw: Callable[[dict[str, Any]], Levering]


# --- PIP ------------------------------------------------------------------------------------
def _pip_normaliseer(g: dict[str, Any]) -> dict[str, Any]:
    uit: dict[str, Any] = {
        "dagtekening": _datum(g, "dagtekening"),
        "leerroute": _keuze(g, "leerroute", LEERROUTE_DUO),
        "niveau": _keuze(g, "niveau", ("A1", "A2", "B1", "B2"), verplicht=False),
        "alfabetisering": _keuze(g, "alfabetisering", ALFABETISERING, verplicht=False) or "NVT",
    }
    if g.get("geschatte_intensiteit") is not None:
        uit["geschatte_intensiteit"] = _geheel(g, "geschatte_intensiteit", 1, 9999)
    if g.get("mag_opleiding_afmaken") is not None:
        uit["mag_opleiding_afmaken"] = bool(g["mag_opleiding_afmaken"])
    return uit


def _pip_bouw(g: dict[str, Any]) -> Levering:
    body: dict[str, Any] = {
        "dagtekeningPip": g["dagtekening"],
        "leerroute": LEERROUTE_DUO[g["leerroute"]],
        "indicatorAlfabetiseringsonderwijs": g["alfabetisering"],
    }
    # DUO's NiveauPip knows A2 and B1 only; without a level DUO records B1 for the B1-route
    # and the onderwijsroute (law.md R4.5). A1 (Z-route) and B2 are not sent.
    if g.get("niveau") in ("A2", "B1"):
        body["niveau"] = g["niveau"]
    if "geschatte_intensiteit" in g:
        body["geschatteIntensiteitB1Route"] = g["geschatte_intensiteit"]
    if "mag_opleiding_afmaken" in g:
        body["indicatorMagOpleidingAfmaken"] = g["mag_opleiding_afmaken"]
    return Levering("postPipByBsn", {}, body)


# --- Inburgeringsaanbod ---------------------------------------------------------------------
def _aanbod_normaliseer(g: dict[str, Any]) -> dict[str, Any]:
    return {
        "instellingsnummer": _instellingsnummer(g),
        "keurmerk": bool(g.get("keurmerk")),
        "alfabetisering": _keuze(g, "alfabetisering", ALFABETISERING, verplicht=False) or "NVT",
        "datum_aanbod": _datum(g, "datum_aanbod", verplicht=False),
        "verwachte_start": _datum(g, "verwachte_start", verplicht=False),
        "verwachte_eind": _datum(g, "verwachte_eind", verplicht=False),
    }


def _aanbod_bouw(g: dict[str, Any]) -> Levering:
    body: dict[str, Any] = {"indicatorAlfabetiseringsonderwijs": g["alfabetisering"]}
    for veld, duo in (
        ("datum_aanbod", "datumInburgeringsaanbod"),
        ("verwachte_start", "verwachteStartdatumOpleiding"),
        ("verwachte_eind", "verwachteEinddatumOpleiding"),
    ):
        if g.get(veld):
            body[duo] = g[veld]
    return Levering(
        "postInburgeringsaanbodByBsnAndInstellingsnummer",
        {"instellingsnummer": g["instellingsnummer"]},
        body,
    )


# --- MAP, PVT, verwijtbaar, Z-route -----------------------------------------------------------
def _datum_verwijtbaar_normaliseer(g: dict[str, Any]) -> dict[str, Any]:
    return {
        "datum": _datum(g, "datum", verplicht=False),
        "verwijtbaar": _keuze(g, "verwijtbaar", JA_NEE, verplicht=False),
    }


def _datum_verwijtbaar_bouw(operatie: str, datumveld: str) -> Callable[..., Levering]:
    def bouw(g: dict[str, Any]) -> Levering:
        # PUT replaces the whole resource: what is left out is withdrawn at DUO.
        body: dict[str, Any] = {}
        if g.get("datum"):
            body[datumveld] = g["datum"]
        if g.get("verwijtbaar"):
            body["verwijtbaar"] = JA_NEE[g["verwijtbaar"]]
        return Levering(operatie, {}, body)

    return bouw


def _verwijtbaar_normaliseer(g: dict[str, Any]) -> dict[str, Any]:
    # ``datum`` is filled in at placement from the timeline (the date DUO already holds), so
    # that the PUT does not withdraw it.
    return {
        "onderdeel": _keuze(g, "onderdeel", ("map", "pvt")),
        "waarde": _keuze(g, "waarde", JA_NEE),
        "datum": _datum(g, "datum", verplicht=False),
    }


def _verwijtbaar_bouw(g: dict[str, Any]) -> Levering:
    if g["onderdeel"] == "map":
        bouw = _datum_verwijtbaar_bouw("updateMapByBsn", "datumEindgesprekMap")
    else:
        bouw = _datum_verwijtbaar_bouw("updatePvtByBsn", "datumOndertekeningPvt")
    return bouw({"datum": g.get("datum"), "verwijtbaar": g["waarde"]})


def _zroute_normaliseer(g: dict[str, Any]) -> dict[str, Any]:
    return {"datum": _datum(g, "datum", verplicht=False)}


def _zroute_bouw(g: dict[str, Any]) -> Levering:
    body = {"datumAfrondingZroute": g["datum"]} if g.get("datum") else {}
    return Levering("updateZrouteByBsn", {}, body)


# --- Gevolgde uren ----------------------------------------------------------------------------
def _uren_normaliseer(g: dict[str, Any]) -> dict[str, Any]:
    return {"soort": _keuze(g, "soort", UREN_OPERATIE), "uren": _geheel(g, "uren", 0, 9999)}


def _uren_bouw(g: dict[str, Any]) -> Levering:
    return Levering(UREN_OPERATIE[g["soort"]], {}, {"uren": g["uren"]})


# --- The rest: no body ----------------------------------------------------------------------
def _leeg(g: dict[str, Any]) -> dict[str, Any]:
    return {}


def _contactpersoon_normaliseer(g: dict[str, Any]) -> dict[str, Any]:
    return {"contactpersoon_id": _geheel(g, "contactpersoon_id", 1, 99999)}


SOORTEN: dict[str, Soort] = {
    s.naam: s
    for s in (
        Soort("pip", "PIP-aanlevering", _pip_normaliseer, _pip_bouw),
        Soort(
            "pip_verwijderen",
            "PIP verwijderen",
            _leeg,
            lambda g: Levering("deletePipByBsn", {}, None),
        ),
        Soort("aanbod", "Inburgeringsaanbod", _aanbod_normaliseer, _aanbod_bouw),
        Soort(
            "aanbod_verwijderen",
            "Inburgeringsaanbod verwijderen",
            lambda g: {"instellingsnummer": _instellingsnummer(g)},
            lambda g: Levering(
                "deleteInburgeringsaanbodByBsnAndInstellingsnumer",
                {"instellingsnummer": g["instellingsnummer"]},
                None,
            ),
        ),
        Soort(
            "map",
            "Datum eindgesprek MAP",
            _datum_verwijtbaar_normaliseer,
            _datum_verwijtbaar_bouw("updateMapByBsn", "datumEindgesprekMap"),
        ),
        Soort(
            "pvt",
            "Datum ondertekening PVT",
            _datum_verwijtbaar_normaliseer,
            _datum_verwijtbaar_bouw("updatePvtByBsn", "datumOndertekeningPvt"),
        ),
        Soort("verwijtbaar", "Verwijtbaar (MAP/PVT)", _verwijtbaar_normaliseer, _verwijtbaar_bouw),
        Soort("zroute", "Afronding Z-route", _zroute_normaliseer, _zroute_bouw),
        Soort("uren", "Gevolgde uren", _uren_normaliseer, _uren_bouw),
        Soort(
            "contactpersoon_koppelen",
            "Contactpersoon koppelen",
            _contactpersoon_normaliseer,
            lambda g: Levering("postContactpersoonByBsn", {"id": g["contactpersoon_id"]}, None),
        ),
        Soort(
            "contactpersoon_ontkoppelen",
            "Contactpersoon ontkoppelen",
            _contactpersoon_normaliseer,
            lambda g: Levering("deleteContactpersoonByBsn", {"id": g["contactpersoon_id"]}, None),
        ),
        Soort(
            "lbt_overslaan",
            "Leerbaarheidstoets overslaan",
            _leeg,
            lambda g: Levering("deleteExamennummerByBsn", {}, None),
        ),
    )
}
