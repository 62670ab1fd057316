"""Typed input of the engine: the person, the events (gebeurtenissen) and the questions (vragen).

Names follow rules-contract.md and the glossary. ``invoer.py`` turns the JSON input into these
objects once; the rules only ever see these types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from regie.rules.parameters import ParameterWijziging


class Verblijf(StrEnum):
    ASIEL_BEPAALDE_TIJD = "asiel_bepaalde_tijd"
    NAREIZIGER_REGULIER = "nareiziger_regulier"
    REGULIER_GEZIN = "regulier_gezin"
    REGULIER_OVERIG = "regulier_overig"
    REGULIER_TIJDELIJK = "regulier_tijdelijk"
    EU_ERS = "eu_ers"


class Diploma(StrEnum):
    VMBO = "vmbo"
    HAVO = "havo"
    VWO = "vwo"
    MBO2PLUS = "mbo2plus"
    HBO_WO_NL = "hbo_wo_nl"
    STAATSEXAMEN_NT2 = "staatsexamen_nt2"
    PRAKTIJKONDERWIJS = "praktijkonderwijs"
    ENTREE = "entree"


class Doelgroep(StrEnum):
    ASIELSTATUSHOUDER = "asielstatushouder"
    GEZINSMIGRANT_OVERIG = "gezinsmigrant_overig"


class Regime(StrEnum):
    WI2021 = "wi2021"
    WI2013 = "wi2013"
    GEEN = "geen"


class Leerroute(StrEnum):
    B1_ROUTE = "b1_route"
    ONDERWIJSROUTE = "onderwijsroute"
    Z_ROUTE = "z_route"


class Niveau(StrEnum):
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"

    @property
    def rang(self) -> int:
        return _NIVEAU_RANG[self]


_NIVEAU_RANG = {Niveau.A1: 1, Niveau.A2: 2, Niveau.B1: 3, Niveau.B2: 4}


class Uursoort(StrEnum):
    TAAL_KNM = "taal_knm"
    PARTICIPATIE = "participatie"


class Examenonderdeel(StrEnum):
    LEZEN = "lezen"
    LUISTEREN = "luisteren"
    SCHRIJVEN = "schrijven"
    SPREKEN = "spreken"
    KNM = "knm"

    @property
    def is_taal(self) -> bool:
        return self is not Examenonderdeel.KNM


class Examenresultaat(StrEnum):
    BEHAALD = "behaald"
    NIET_BEHAALD = "niet_behaald"


class Onderdeel(StrEnum):
    """The part a 'verwijtbaar' flag is about."""

    MAP = "map"
    PVT = "pvt"


class JaNee(StrEnum):
    JA = "ja"
    NEE = "nee"


class BoeteGrond(StrEnum):
    BREDE_INTAKE = "brede_intake"  # Wi art. 22
    PIP_NALEVING = "pip_naleving"  # Wi art. 23


@dataclass(frozen=True, slots=True)
class Persoon:
    geboortedatum: date
    verblijf: Verblijf
    nationaliteit: str | None = None
    diplomas: tuple[Diploma, ...] = ()
    jaren_leerplichtig_in_nl: int = 0


# --- Events (gebeurtenissen) ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerblijfsrechtBekendgemaakt:
    datum: date


@dataclass(frozen=True, slots=True)
class Koppeling:
    datum: date
    gemeente: str


@dataclass(frozen=True, slots=True)
class Vestiging:
    datum: date
    gemeente: str


@dataclass(frozen=True, slots=True)
class Verhuizing:
    datum: date
    gemeente: str


@dataclass(frozen=True, slots=True)
class DuoGebeurtenis:
    datum: date
    code: str


@dataclass(frozen=True, slots=True)
class InformatieDerdenOntvangen:
    datum: date


@dataclass(frozen=True, slots=True)
class BredeIntakeAfgerond:
    datum: date


@dataclass(frozen=True, slots=True)
class PipVastgesteld:
    datum: date  # the dagtekening
    leerroute: Leerroute
    niveau: Niveau | None


@dataclass(frozen=True, slots=True)
class Voortgangsgesprek:
    datum: date


@dataclass(frozen=True, slots=True)
class Uren:
    datum: date
    soort: Uursoort
    uren: int | float
    keurmerk: bool


@dataclass(frozen=True, slots=True)
class Examenpoging:
    datum: date
    onderdeel: Examenonderdeel
    niveau: Niveau | None
    resultaat: Examenresultaat | None


@dataclass(frozen=True, slots=True)
class BijstandGestart:
    datum: date


@dataclass(frozen=True, slots=True)
class PvtOndertekend:
    datum: date


@dataclass(frozen=True, slots=True)
class MapEindgesprek:
    datum: date


@dataclass(frozen=True, slots=True)
class ZrouteAfgerond:
    datum: date


@dataclass(frozen=True, slots=True)
class TermijnVerlengd:
    datum: date
    nieuwe_einddatum: date


@dataclass(frozen=True, slots=True)
class PlichtBeeindigd:
    datum: date
    reden: str


Gebeurtenis = (
    VerblijfsrechtBekendgemaakt
    | Koppeling
    | Vestiging
    | Verhuizing
    | DuoGebeurtenis
    | InformatieDerdenOntvangen
    | BredeIntakeAfgerond
    | PipVastgesteld
    | Voortgangsgesprek
    | Uren
    | Examenpoging
    | BijstandGestart
    | PvtOndertekend
    | MapEindgesprek
    | ZrouteAfgerond
    | TermijnVerlengd
    | PlichtBeeindigd
)


# --- Questions (vragen) ---------------------------------------------------------------------


class Actie(StrEnum):
    PIP_AANLEVEREN = "pip_aanleveren"
    AFSCHALEN = "afschalen"
    PVT_REGISTREREN = "pvt_registreren"
    MAP_REGISTREREN = "map_registreren"
    VERWIJTBAAR_MELDEN = "verwijtbaar_melden"
    AANBOD_AANLEVEREN = "aanbod_aanleveren"
    BOETE_OPLEGGEN = "boete_opleggen"
    EXAMEN_GRATIS = "examen_gratis"


@dataclass(frozen=True, slots=True)
class PipAanleveren:
    dagtekening: date
    leerroute: Leerroute
    niveau: Niveau | None
    # DUO's geschatteIntensiteitB1Route: estimated total hours for the B1-route (language and
    # KNM); None when the PIP does not carry it (extension of the contract, docs/rules.md).
    geschatte_intensiteit: int | None = None
    actie: Actie = Actie.PIP_AANLEVEREN


@dataclass(frozen=True, slots=True)
class Afschalen:
    datum: date
    actie: Actie = Actie.AFSCHALEN


@dataclass(frozen=True, slots=True)
class DatumRegistreren:
    """pvt_registreren (date of signing) or map_registreren (date of the eindgesprek)."""

    actie: Actie
    datum: date


@dataclass(frozen=True, slots=True)
class VerwijtbaarMelden:
    onderdeel: Onderdeel
    waarde: JaNee
    datum: date
    actie: Actie = Actie.VERWIJTBAAR_MELDEN


@dataclass(frozen=True, slots=True)
class AanbodAanleveren:
    keurmerk: bool
    actie: Actie = Actie.AANBOD_AANLEVEREN


@dataclass(frozen=True, slots=True)
class BoeteOpleggen:
    grond: BoeteGrond
    verwijtbaar: bool
    actie: Actie = Actie.BOETE_OPLEGGEN


@dataclass(frozen=True, slots=True)
class ExamenGratis:
    datum: date
    onderdeel: Examenonderdeel
    niveau: Niveau | None
    actie: Actie = Actie.EXAMEN_GRATIS


Vraag = (
    PipAanleveren
    | Afschalen
    | DatumRegistreren
    | VerwijtbaarMelden
    | AanbodAanleveren
    | BoeteOpleggen
    | ExamenGratis
)


@dataclass(frozen=True, slots=True)
class Invoer:
    """The whole input of one evaluation, as parsed from the contract's JSON."""

    peildatum: date
    persoon: Persoon
    gebeurtenissen: tuple[Gebeurtenis, ...]
    vragen: tuple[Vraag, ...] = ()
    parameterwijzigingen: tuple[ParameterWijziging, ...] = ()
