"""Parse the contract's JSON input (as a Python mapping) into typed objects, once.

Every problem raises ``InvoerFout`` naming the field path (``gebeurtenissen[2].datum``).
Unknown keys are ignored, so callers may carry extra data; unknown *values* of known keys
(an event type, a leerroute, a verblijf) are errors.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar, cast

from regie.rules import model as m
from regie.rules.fouten import InvoerFout
from regie.rules.parameters import ParameterWijziging, valideer_wijziging

E = TypeVar("E", bound=StrEnum)

# Dates outside this window are typing errors in practice; bounding them keeps all date
# arithmetic (birth date + AOW age, PIP + term) far from datetime's limits.
VROEGSTE_DATUM = date(1900, 1, 1)
LAATSTE_DATUM = date(2199, 12, 31)

_DATUM_VORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_GEMEENTECODE = re.compile(r"[0-9]{4}")
_DUO_CODE = re.compile(r"SS[0-9]{3}")
_LANDCODE = re.compile(r"[A-Z]{3}")

Obj = Mapping[str, object]


def _kort(waarde: object) -> str:
    tekst = repr(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "..."


def _object(waarde: object, veld: str) -> Obj:
    if type(waarde) is dict:  # the common case; isinstance against an ABC is slower
        return waarde
    if not isinstance(waarde, Mapping):
        raise InvoerFout(veld, f"moet een object zijn, niet {_kort(waarde)}")
    return waarde


def _lijst(waarde: object, veld: str) -> list[object] | tuple[object, ...]:
    if waarde is None:
        return ()
    if not isinstance(waarde, list | tuple):
        raise InvoerFout(veld, f"moet een lijst zijn, niet {_kort(waarde)}")
    return waarde


def _verplicht(obj: Obj, sleutel: str, pad: str) -> object:
    try:
        waarde = obj[sleutel]
    except KeyError:
        raise InvoerFout(_veld(pad, sleutel), "ontbreekt") from None
    if waarde is None:
        raise InvoerFout(_veld(pad, sleutel), "mag niet null zijn")
    return waarde


def _veld(pad: str, sleutel: str) -> str:
    return f"{pad}.{sleutel}" if pad else sleutel


@lru_cache(maxsize=8192)
def _geldige_datum(tekst: str) -> date | None:
    """Parse a well-formed date string; None when it is not valid (cached: a sweep over many
    dossiers sees the same dates again and again)."""
    if not _DATUM_VORM.fullmatch(tekst):
        return None
    try:
        datum = date.fromisoformat(tekst)
    except ValueError:
        return None
    return datum if VROEGSTE_DATUM <= datum <= LAATSTE_DATUM else None


def datum_uit_tekst(waarde: object, veld: str) -> date:
    """A strict ISO ``YYYY-MM-DD`` date (``date.fromisoformat`` alone also takes '20240101')."""
    if type(waarde) is str:
        datum = _geldige_datum(waarde)
        if datum is not None:
            return datum
    # Slow path: say precisely what is wrong.
    if not isinstance(waarde, str) or not _DATUM_VORM.fullmatch(waarde):
        raise InvoerFout(veld, f"geen datum in de vorm JJJJ-MM-DD: {_kort(waarde)}")
    try:
        datum = date.fromisoformat(waarde)
    except ValueError:
        raise InvoerFout(veld, f"bestaat niet als datum: {_kort(waarde)}") from None
    raise InvoerFout(veld, f"datum buiten {VROEGSTE_DATUM}..{LAATSTE_DATUM}: {waarde}")


def _datum(obj: Obj, sleutel: str, pad: str) -> date:
    waarde = obj.get(sleutel)
    if type(waarde) is str:
        datum = _geldige_datum(waarde)
        if datum is not None:
            return datum
    return datum_uit_tekst(_verplicht(obj, sleutel, pad), _veld(pad, sleutel))


def _enum_waarde(cls: type[E], waarde: object, veld: str) -> E:
    if isinstance(waarde, str):
        lid = cls._value2member_map_.get(waarde)
        if lid is not None:
            return cast(E, lid)
    toegestaan = ", ".join(lid.value for lid in cls)
    raise InvoerFout(veld, f"onbekende waarde {_kort(waarde)}; toegestaan: {toegestaan}")


def _enum(obj: Obj, sleutel: str, pad: str, cls: type[E]) -> E:
    waarde = obj.get(sleutel)
    if type(waarde) is str:
        lid = cls._value2member_map_.get(waarde)
        if lid is not None:
            return cast(E, lid)
    return _enum_waarde(cls, _verplicht(obj, sleutel, pad), _veld(pad, sleutel))


def _enum_of_null(obj: Obj, sleutel: str, pad: str, cls: type[E]) -> E | None:
    waarde = obj.get(sleutel)
    return None if waarde is None else _enum_waarde(cls, waarde, _veld(pad, sleutel))


def _bool(obj: Obj, sleutel: str, pad: str) -> bool:
    waarde = _verplicht(obj, sleutel, pad)
    if not isinstance(waarde, bool):
        raise InvoerFout(_veld(pad, sleutel), f"moet true of false zijn, niet {_kort(waarde)}")
    return waarde


def _patroon(obj: Obj, sleutel: str, pad: str, patroon: re.Pattern[str], uitleg: str) -> str:
    waarde = _verplicht(obj, sleutel, pad)
    if not isinstance(waarde, str) or not patroon.fullmatch(waarde):
        raise InvoerFout(_veld(pad, sleutel), f"moet {uitleg} zijn, niet {_kort(waarde)}")
    return waarde


def _geheel_getal(waarde: object, veld: str) -> int:
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        raise InvoerFout(veld, f"moet een geheel getal zijn, niet {_kort(waarde)}")
    return waarde


# --- Person ---------------------------------------------------------------------------------


def _persoon(waarde: object) -> m.Persoon:
    pad = "persoon"
    obj = _object(waarde, pad)
    nationaliteit = obj.get("nationaliteit")
    if nationaliteit is not None and (
        not isinstance(nationaliteit, str) or not _LANDCODE.fullmatch(nationaliteit)
    ):
        raise InvoerFout(
            "persoon.nationaliteit",
            f"moet een ISO 3166-1 alpha-3 code zijn (bijv. ERI), niet {_kort(nationaliteit)}",
        )
    diplomas = tuple(
        _enum_waarde(m.Diploma, d, f"persoon.diplomas[{i}]")
        for i, d in enumerate(_lijst(obj.get("diplomas"), "persoon.diplomas"))
    )
    jaren = obj.get("jaren_leerplichtig_in_nl")
    jaren_leerplichtig = 0
    if jaren is not None:
        jaren_leerplichtig = _geheel_getal(jaren, "persoon.jaren_leerplichtig_in_nl")
        if jaren_leerplichtig < 0:
            raise InvoerFout("persoon.jaren_leerplichtig_in_nl", "mag niet negatief zijn")
    return m.Persoon(
        geboortedatum=_datum(obj, "geboortedatum", pad),
        verblijf=_enum(obj, "verblijf", pad, m.Verblijf),
        nationaliteit=nationaliteit,
        diplomas=diplomas,
        jaren_leerplichtig_in_nl=jaren_leerplichtig,
    )


# --- Events ---------------------------------------------------------------------------------


def _gemeente(obj: Obj, pad: str) -> str:
    return _patroon(obj, "gemeente", pad, _GEMEENTECODE, "een CBS-gemeentecode van 4 cijfers")


def _uren(obj: Obj, pad: str) -> m.Uren:
    aantal = _verplicht(obj, "uren", pad)
    if (
        isinstance(aantal, bool)
        or not isinstance(aantal, int | float)
        or not math.isfinite(aantal)
        or aantal < 0
    ):
        raise InvoerFout(
            _veld(pad, "uren"), f"moet een getal van 0 of meer zijn, niet {_kort(aantal)}"
        )
    return m.Uren(
        datum=_datum(obj, "datum", pad),
        soort=_enum(obj, "soort", pad, m.Uursoort),
        uren=aantal,
        keurmerk=_bool(obj, "keurmerk", pad),
    )


def _examenniveau(obj: Obj, pad: str, onderdeel: m.Examenonderdeel) -> m.Niveau | None:
    niveau = _enum_of_null(obj, "niveau", pad, m.Niveau)
    if onderdeel.is_taal and niveau is None:
        raise InvoerFout(_veld(pad, "niveau"), f"is verplicht voor onderdeel {onderdeel.value}")
    # KNM has no level (contract: "niveau null for knm"); a given level is ignored.
    return niveau if onderdeel.is_taal else None


def _examenpoging(obj: Obj, pad: str) -> m.Examenpoging:
    onderdeel = _enum(obj, "onderdeel", pad, m.Examenonderdeel)
    return m.Examenpoging(
        datum=_datum(obj, "datum", pad),
        onderdeel=onderdeel,
        niveau=_examenniveau(obj, pad, onderdeel),
        resultaat=_enum_of_null(obj, "resultaat", pad, m.Examenresultaat),
    )


def _plicht_beeindigd(obj: Obj, pad: str) -> m.PlichtBeeindigd:
    reden = obj.get("reden")
    if reden is not None and not isinstance(reden, str):
        raise InvoerFout(_veld(pad, "reden"), f"moet tekst zijn, niet {_kort(reden)}")
    return m.PlichtBeeindigd(datum=_datum(obj, "datum", pad), reden=reden or "onbekend")


_GEBEURTENISSEN: dict[str, Callable[[Obj, str], m.Gebeurtenis]] = {
    "verblijfsrecht_bekendgemaakt": lambda o, p: m.VerblijfsrechtBekendgemaakt(
        _datum(o, "datum", p)
    ),
    "koppeling": lambda o, p: m.Koppeling(_datum(o, "datum", p), _gemeente(o, p)),
    "vestiging": lambda o, p: m.Vestiging(_datum(o, "datum", p), _gemeente(o, p)),
    "verhuizing": lambda o, p: m.Verhuizing(_datum(o, "datum", p), _gemeente(o, p)),
    "duo_gebeurtenis": lambda o, p: m.DuoGebeurtenis(
        _datum(o, "datum", p), _patroon(o, "code", p, _DUO_CODE, "een DUO-code als SS139")
    ),
    "informatie_derden_ontvangen": lambda o, p: m.InformatieDerdenOntvangen(_datum(o, "datum", p)),
    "brede_intake_afgerond": lambda o, p: m.BredeIntakeAfgerond(_datum(o, "datum", p)),
    "pip_vastgesteld": lambda o, p: m.PipVastgesteld(
        _datum(o, "datum", p),
        _enum(o, "leerroute", p, m.Leerroute),
        _enum_of_null(o, "niveau", p, m.Niveau),
    ),
    "voortgangsgesprek": lambda o, p: m.Voortgangsgesprek(_datum(o, "datum", p)),
    "uren": _uren,
    "examenpoging": _examenpoging,
    "bijstand_gestart": lambda o, p: m.BijstandGestart(_datum(o, "datum", p)),
    "pvt_ondertekend": lambda o, p: m.PvtOndertekend(_datum(o, "datum", p)),
    "map_eindgesprek": lambda o, p: m.MapEindgesprek(_datum(o, "datum", p)),
    "zroute_afgerond": lambda o, p: m.ZrouteAfgerond(_datum(o, "datum", p)),
    "termijn_verlengd": lambda o, p: m.TermijnVerlengd(
        _datum(o, "datum", p), _datum(o, "nieuwe_einddatum", p)
    ),
    "plicht_beeindigd": _plicht_beeindigd,
}

GEBEURTENISTYPEN: tuple[str, ...] = tuple(_GEBEURTENISSEN)


def _gebeurtenis(waarde: object, pad: str) -> m.Gebeurtenis:
    obj = _object(waarde, pad)
    soort = _verplicht(obj, "type", pad)
    parser = _GEBEURTENISSEN.get(soort) if isinstance(soort, str) else None
    if parser is None:
        raise InvoerFout(
            f"{pad}.type",
            f"onbekend gebeurtenistype {_kort(soort)}; bekend: {', '.join(GEBEURTENISTYPEN)}",
        )
    return parser(obj, pad)


# --- Questions ------------------------------------------------------------------------------


def _examen_gratis(obj: Obj, pad: str) -> m.ExamenGratis:
    onderdeel = _enum(obj, "onderdeel", pad, m.Examenonderdeel)
    return m.ExamenGratis(
        datum=_datum(obj, "datum", pad),
        onderdeel=onderdeel,
        niveau=_examenniveau(obj, pad, onderdeel),
    )


def _pip_aanleveren(obj: Obj, pad: str) -> m.PipAanleveren:
    intensiteit = obj.get("geschatte_intensiteit")
    if intensiteit is not None:
        veld = _veld(pad, "geschatte_intensiteit")
        intensiteit = _geheel_getal(intensiteit, veld)
        if intensiteit < 1:
            raise InvoerFout(veld, f"moet ten minste 1 uur zijn, niet {intensiteit}")
    return m.PipAanleveren(
        _datum(obj, "dagtekening", pad),
        _enum(obj, "leerroute", pad, m.Leerroute),
        _enum_of_null(obj, "niveau", pad, m.Niveau),
        geschatte_intensiteit=intensiteit,
    )


_VRAGEN: dict[m.Actie, Callable[[Obj, str], m.Vraag]] = {
    m.Actie.PIP_AANLEVEREN: _pip_aanleveren,
    m.Actie.AFSCHALEN: lambda o, p: m.Afschalen(_datum(o, "datum", p)),
    m.Actie.PVT_REGISTREREN: lambda o, p: m.DatumRegistreren(
        m.Actie.PVT_REGISTREREN, _datum(o, "datum", p)
    ),
    m.Actie.MAP_REGISTREREN: lambda o, p: m.DatumRegistreren(
        m.Actie.MAP_REGISTREREN, _datum(o, "datum", p)
    ),
    m.Actie.VERWIJTBAAR_MELDEN: lambda o, p: m.VerwijtbaarMelden(
        _enum(o, "onderdeel", p, m.Onderdeel),
        _enum(o, "waarde", p, m.JaNee),
        _datum(o, "datum", p),
    ),
    m.Actie.AANBOD_AANLEVEREN: lambda o, p: m.AanbodAanleveren(_bool(o, "keurmerk", p)),
    m.Actie.BOETE_OPLEGGEN: lambda o, p: m.BoeteOpleggen(
        _enum(o, "grond", p, m.BoeteGrond), _bool(o, "verwijtbaar", p)
    ),
    m.Actie.EXAMEN_GRATIS: _examen_gratis,
}


def _vraag(waarde: object, pad: str) -> m.Vraag:
    obj = _object(waarde, pad)
    actie = _enum(obj, "actie", pad, m.Actie)
    return _VRAGEN[actie](obj, pad)


# --- Parameter overrides (extension of the contract) ---------------------------------------


def _parameterwijziging(waarde: object, pad: str) -> ParameterWijziging:
    obj = _object(waarde, pad)
    naam = _verplicht(obj, "naam", pad)
    if not isinstance(naam, str):
        raise InvoerFout(f"{pad}.naam", f"moet tekst zijn, niet {_kort(naam)}")
    bron = obj.get("bron")
    if bron is not None and not isinstance(bron, str):
        raise InvoerFout(f"{pad}.bron", f"moet tekst zijn, niet {_kort(bron)}")
    wijziging = ParameterWijziging(
        naam=naam,
        waarde=_geheel_getal(_verplicht(obj, "waarde", pad), f"{pad}.waarde"),
        geldig_vanaf=_datum(obj, "geldig_vanaf", pad),
        bron=bron or "gewijzigd via invoer",
    )
    valideer_wijziging(wijziging, pad)
    return wijziging


# --- Entry point ----------------------------------------------------------------------------


def lees_invoer(invoer: object) -> m.Invoer:
    """Turn the contract's JSON input (already decoded) into an ``Invoer``."""
    obj = _object(invoer, "invoer")
    return m.Invoer(
        peildatum=_datum(obj, "peildatum", ""),
        persoon=_persoon(_verplicht(obj, "persoon", "")),
        gebeurtenissen=tuple(
            _gebeurtenis(g, f"gebeurtenissen[{i}]")
            for i, g in enumerate(_lijst(obj.get("gebeurtenissen"), "gebeurtenissen"))
        ),
        vragen=tuple(
            _vraag(v, f"vragen[{i}]") for i, v in enumerate(_lijst(obj.get("vragen"), "vragen"))
        ),
        parameterwijzigingen=tuple(
            _parameterwijziging(p, f"parameters[{i}]")
            for i, p in enumerate(_lijst(obj.get("parameters"), "parameters"))
        ),
    )
