"""The message bodies of DUO's APIs as TypedDicts (field names exactly as in the specs).

Dates travel as ISO strings, as on the wire; the inbox and outbox convert to and from Regie's
vocabulary. ``total=False`` where the specification makes fields optional.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

JaNee = Literal["Ja", "Nee"]
Leerroute = Literal["B", "O", "Z"]
Alfabetiseringsonderwijs = Literal["A", "AA", "NVT"]


# --- Inburgeringsplicht -----------------------------------------------------------------------
class Doelgroep(TypedDict, total=False):
    indeling: Literal["Asielstatushouder", "Gezinsmigrant en overige migrant"]
    begindatum: str
    gedetailleerdeDoelgroep: str
    asielrechtenWijzigingVerblijfsdoel: str


class Doelgroephistorie(TypedDict, total=False):
    indeling: str
    begindatum: str
    einddatum: str


class Inburgeringsplicht(TypedDict):
    indicatorInburgeringsplicht: bool
    begindatum: NotRequired[str]
    einddatum: NotRequired[str]
    wijzigingsdatum: NotRequired[str]
    datumKennisgevingInburgeringsplicht: NotRequired[str]
    redenGeenInburgeringsplicht: NotRequired[str]


class Inburgeringsplichthistorie(TypedDict):
    indicatorInburgeringsplicht: bool
    begindatum: NotRequired[str]
    einddatum: NotRequired[str]
    wijzigingsdatum: NotRequired[str]


# --- Leerbaarheidstoets -----------------------------------------------------------------------
class Examennummer(TypedDict):
    examennummer: str


class LbtResultaat(TypedDict):
    resultaat: Literal["B1-route haalbaar", "B1-route niet haalbaar", "Onbekend"]
    behaaldeScore: str
    benodigdeScore: str
    datumAfname: str


# --- Inburgeringstermijn ----------------------------------------------------------------------
class Inburgeringstermijn(TypedDict):
    startdatum: str
    einddatum: str  # exclusive, per the specification
    wijzigingsdatum: NotRequired[str]
    verlengingsgrondcode: NotRequired[str]
    verlengingsgrondomschrijving: NotRequired[str]


class Inburgeringstermijnhistorie(TypedDict, total=False):
    einddatum: str
    wijzigingsdatum: str
    verlengingsgrondcode: str
    verlengingsgrondomschrijving: str


class Verlengingsgrond(TypedDict):
    code: str
    omschrijving: str


# --- Vrijstelling, Ontheffing -----------------------------------------------------------------
class Vrijstelling(TypedDict, total=False):
    GeheleVrijstelling: dict[str, str]
    TijdelijkeVrijstelling: dict[str, str]
    GedeeltelijkeVrijstelling: dict[str, str]


class Ontheffing(TypedDict, total=False):
    GeheleOntheffing: dict[str, str]
    GedeeltelijkeOntheffing: dict[str, object]


# --- PIP ------------------------------------------------------------------------------------
class Pip(TypedDict):
    dagtekeningPip: str
    leerroute: Leerroute
    niveau: NotRequired[Literal["A2", "B1"]]
    geschatteIntensiteitB1Route: NotRequired[int]
    indicatorMagOpleidingAfmaken: NotRequired[bool]
    indicatorAlfabetiseringsonderwijs: NotRequired[Alfabetiseringsonderwijs]


class PipVanGemeente(TypedDict):
    gemeentecode: str
    pip: Pip


# --- Contactpersoon -------------------------------------------------------------------------
class Contactpersoongegevens(TypedDict):
    naam: str
    email: str
    telefoonnummer: str


class Contactpersoon(TypedDict):
    id: NotRequired[int]
    contactpersoongegevens: Contactpersoongegevens


# --- Inburgeringsaanbod -----------------------------------------------------------------------
class Instelling(TypedDict):
    instellingsnummer: str
    naam: str
    postcode: str
    huisnummer: int
    plaatsnaam: str
    huisnummertoevoeging: NotRequired[str]
    bow: NotRequired[str]
    brin: NotRequired[str]
    indicatieBowKeurmerk: NotRequired[bool]
    indicatieTstKeurmerk: NotRequired[bool]


class Inburgeringsaanbod(TypedDict):
    indicatorAlfabetiseringsonderwijs: Alfabetiseringsonderwijs
    datumInburgeringsaanbod: NotRequired[str]
    verwachteStartdatumOpleiding: NotRequired[str]
    verwachteEinddatumOpleiding: NotRequired[str]


# --- MAP, PVT, Z-route ------------------------------------------------------------------------
class DatumMap(TypedDict):
    datumEindgesprekMap: str


class ResultaatMap(TypedDict, total=False):
    datumEindgesprekMap: str
    verwijtbaar: JaNee


class DatumPvt(TypedDict):
    datumOndertekeningPvt: str


class ResultaatPvt(TypedDict, total=False):
    datumOndertekeningPvt: str
    verwijtbaar: JaNee


class ResultaatZroute(TypedDict, total=False):
    datumAfrondingZroute: str


# --- Gevolgde uren ----------------------------------------------------------------------------
class Uren(TypedDict):
    uren: int


class GevolgdeUren(TypedDict, total=False):
    gemeentecode: str
    bekendTot: str
    ParticipatieAlsTaalles: Uren
    ParticipatieactiviteitenBredeIntake: Uren
    TaallesEnKnmBredeIntake: Uren


# --- Examen ---------------------------------------------------------------------------------
class GratisPogingTegoed(TypedDict):
    onderdeel: Literal["KNM", "LE", "LU", "SC", "SP"]
    gratisPogingenTegoed: int


class Examenresultaat(TypedDict):
    examendatum: str
    resultaat: Literal["Geslaagd", "Gezakt", "Geen"]
    onderdeel: Literal["KNM", "LE", "LU", "SC", "SP"]
    redenGeenResultaat: NotRequired[str]
    niveau: NotRequired[Literal["A2", "B1", "B2"]]


# --- Notificatie (hosted by Regie) ------------------------------------------------------------
class Notificatie(TypedDict):
    registratieDatumTijd: str
    gebeurtenisId: str
    bsn: NotRequired[str]
    vNummer: NotRequired[int]
