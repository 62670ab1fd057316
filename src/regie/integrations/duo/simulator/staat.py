"""The simulator's memory: persons as DUO knows them, institutions, contact persons, the
messages it received (for deduplication on berichtId), the notifications it has to push and how
far each scenario got.

Plain Python, no Django: the simulator is a stand-in for DUO, not part of Regie. One lock
guards everything; requests are short. Changes go through ``Staat.wijziging()``: when the
simulator has a state file (``opslag.py``), the outermost change writes it, once.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

ASIEL = "Asielstatushouder"
GEZIN_OVERIG = "Gezinsmigrant en overige migrant"


@dataclass
class Pip:
    dagtekening: date
    leerroute: str  # B / O / Z
    niveau: str | None
    gemeente_oin: str
    geregistreerd_op: date
    intensiteit: int | None = None
    mag_afmaken: bool | None = None
    alfabetisering: str | None = None

    def als_json(self) -> dict[str, Any]:
        uit: dict[str, Any] = {
            "dagtekeningPip": self.dagtekening.isoformat(),
            "leerroute": self.leerroute,
        }
        if self.niveau:
            uit["niveau"] = self.niveau
        if self.intensiteit is not None:
            uit["geschatteIntensiteitB1Route"] = self.intensiteit
        if self.mag_afmaken is not None:
            uit["indicatorMagOpleidingAfmaken"] = self.mag_afmaken
        if self.alfabetisering:
            uit["indicatorAlfabetiseringsonderwijs"] = self.alfabetisering
        return uit


@dataclass
class Termijn:
    startdatum: date
    einddatum: date  # exclusive, as DUO publishes it
    wijzigingsdatum: date
    grondcode: str | None = None
    grondomschrijving: str | None = None
    historie: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Persoon:
    bsn: str
    gemeente_oin: str
    plicht_begin: date
    doelgroep: str = ASIEL
    gedetailleerd: str = "Asielstatushouder"
    doelgroep_begin: date | None = None
    plicht: bool = True
    plicht_einde: date | None = None
    reden_geen_plicht: str | None = None
    kennisgeving: date | None = None
    vestiging: date | None = None
    pips: list[Pip] = field(default_factory=list)
    termijn: Termijn | None = None
    examennummer: str | None = None
    lbt: list[dict[str, Any]] = field(default_factory=list)
    examens: list[dict[str, Any]] = field(default_factory=list)
    vrijstellingen: list[dict[str, Any]] = field(default_factory=list)
    ontheffingen: list[dict[str, Any]] = field(default_factory=list)
    map: dict[str, Any] | None = None  # {"datum", "verwijtbaar", "gemeente_oin"}
    pvt: dict[str, Any] | None = None
    zroute: date | None = None
    uren: dict[str, dict[str, Any]] = field(default_factory=dict)  # per gemeente OIN
    aanbod: dict[str, dict[str, Any]] = field(default_factory=dict)  # per instellingsnummer
    contactpersoon_id: int | None = None
    historie_plicht: list[dict[str, Any]] = field(default_factory=list)
    historie_doelgroep: list[dict[str, Any]] = field(default_factory=list)

    @property
    def eerste_pip(self) -> Pip | None:
        return self.pips[0] if self.pips else None

    @property
    def actuele_pip(self) -> Pip | None:
        return self.pips[-1] if self.pips else None


@dataclass(frozen=True)
class Antwoord:
    status: int
    body: Any = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class Ontvangen:
    """One request as the simulator received it (no BSN: the operation and berichtId only)."""

    bericht_id: str
    operatie: str
    bron: str
    status: int
    herhaling: bool
    tijdstip: datetime


@dataclass
class Notificatie:
    bericht_id: str
    doel_oin: str
    body: dict[str, Any]
    bezorgd: bool = False
    pogingen: int = 0


@dataclass
class Voortgang:
    """How far a scenario got for one person: the keys of the steps taken, so that a restarted
    simulator continues with the next one instead of playing the life again."""

    naam: str
    gedaan: list[str] = field(default_factory=list)
    klaar: bool = False


INSTELLINGEN: list[dict[str, Any]] = [
    {
        "instellingsnummer": "1000000001",
        "naam": "Taalschool Kempen",
        "postcode": "6001AB",
        "huisnummer": 12,
        "plaatsnaam": "Weert",
        "bow": "123456",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": False,
    },
    {
        "instellingsnummer": "1000000002",
        "naam": "ROC Taalschakel Limburg",
        "postcode": "6041CD",
        "huisnummer": 3,
        "plaatsnaam": "Roermond",
        "brin": "25LX",
        "indicatieBowKeurmerk": False,
        "indicatieTstKeurmerk": True,
    },
    {
        "instellingsnummer": "1000000003",
        "naam": "Cursushuis Zonder Keurmerk",
        "postcode": "6021EF",
        "huisnummer": 7,
        "plaatsnaam": "Budel",
        "indicatieBowKeurmerk": False,
        "indicatieTstKeurmerk": False,
    },
]

VERLENGINGSGRONDEN = [
    {"code": "1", "omschrijving": "Ziekte of andere omstandigheden buiten de schuld"},
    {"code": "2", "omschrijving": "Niet-vrijstellende opleiding gevolgd"},
    {"code": "3A", "omschrijving": "Ambtshalve: examencapaciteit"},
]


class Staat:
    def __init__(self, *, klok: Callable[[], date] | None = None) -> None:
        self.lock = threading.RLock()
        self.klok = klok or date.today
        self.gemeenten: dict[str, str] = {}  # OIN -> CBS code: who may call
        self.personen: dict[str, Persoon] = {}
        self.contactpersonen: dict[int, dict[str, Any]] = {}  # id -> {"gegevens", "gemeente_oin"}
        self.volgend_contact_id = 1
        self.berichten: dict[tuple[str, str], Antwoord] = {}
        self.ontvangen: list[Ontvangen] = []
        self.uitgaand: list[Notificatie] = []
        self.scenarios: dict[str, list[str]] = {}  # BSN -> the steps' texts, in order
        self.voortgang: dict[str, Voortgang] = {}  # BSN -> the steps taken
        # Not saved: what this process is doing right now.
        self.actief: set[str] = set()  # BSNs whose scenario is being played
        self.bewaarder: Callable[[], None] | None = None  # writes the state file, if any
        self._diepte = 0

    def vandaag(self) -> date:
        return self.klok()

    @contextmanager
    def wijziging(self) -> Iterator[None]:
        """Change the state under its lock; the outermost change saves it (one write for a
        request, a notification or a scenario step, however many changes it makes)."""
        with self.lock:
            self._diepte += 1
            try:
                yield
            finally:
                self._diepte -= 1
            if self._diepte == 0:
                self.bewaar()

    def bewaar(self) -> None:
        """Write the state file now (nothing without one). For changes made outside
        ``wijziging()``, e.g. by a test that edits a person directly."""
        with self.lock:
            if self.bewaarder is not None:
                self.bewaarder()

    def notificeer(self, persoon: Persoon, code: str, *, vnummer: int | None = None) -> Notificatie:
        body: dict[str, Any] = {
            "registratieDatumTijd": datetime.now(UTC).isoformat(timespec="seconds"),
            "gebeurtenisId": code,
            "bsn": persoon.bsn,
        }
        if vnummer is not None:
            body["vNummer"] = vnummer
        with self.wijziging():
            notificatie = Notificatie(str(uuid.uuid4()), persoon.gemeente_oin, body)
            self.uitgaand.append(notificatie)
            return notificatie

    def te_bezorgen(self) -> list[Notificatie]:
        with self.lock:
            return [n for n in self.uitgaand if not n.bezorgd]

    def verwerkt(self, *, ook_raadplegingen: bool = False) -> dict[str, int]:
        """Per berichtId how often a message changed DUO's state (a replay does not count;
        GETs only with ``ook_raadplegingen``)."""
        from regie.integrations.duo.client.operaties import OPERATIES

        with self.lock:
            telling: dict[str, int] = {}
            for o in self.ontvangen:
                if not (ook_raadplegingen or OPERATIES[o.operatie].muteert):
                    continue
                if not o.herhaling and o.status < 300:
                    telling[o.bericht_id] = telling.get(o.bericht_id, 0) + 1
            return telling
