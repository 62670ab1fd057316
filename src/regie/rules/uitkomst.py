"""What the engine returns: findings with their legal basis and trace, and the JSON view."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from regie.rules.grondslagen import Grondslag
from regie.rules.model import Actie, Doelgroep, Niveau, Regime
from regie.rules.parameters import Parameters

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Bevinding(Generic[T]):
    """The outcome of one rule: its value, its legal basis and how it came about."""

    waarde: T
    grondslagen: tuple[Grondslag, ...]
    trace: tuple[str, ...]


# --- Structured conclusion values -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ZrouteUren:
    taal_knm: int
    participatie: int

    def als_json(self) -> dict[str, object]:
        return {"taal_knm": self.taal_knm, "participatie": self.participatie}


@dataclass(frozen=True, slots=True)
class Voortgangsgesprekken:
    vereist: int
    venster_eind: date
    gehouden: int
    tekort: int

    def als_json(self) -> dict[str, object]:
        return {
            "vereist": self.vereist,
            "venster_eind": self.venster_eind.isoformat(),
            "gehouden": self.gehouden,
            "tekort": self.tekort,
        }


@dataclass(frozen=True, slots=True)
class Ontzorgen:
    recht: bool
    minimaal_tot: date | None

    def als_json(self) -> dict[str, object]:
        return {
            "recht": self.recht,
            "minimaal_tot": None if self.minimaal_tot is None else self.minimaal_tot.isoformat(),
        }


def naar_json(waarde: object) -> object:
    """JSON form of a conclusion value or answer field."""
    if waarde is None or type(waarde) in (bool, int, str):
        return waarde
    if isinstance(waarde, StrEnum):
        return waarde.value
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, float):
        return int(waarde) if waarde.is_integer() else waarde
    if isinstance(waarde, ZrouteUren | Voortgangsgesprekken | Ontzorgen):
        return waarde.als_json()
    raise TypeError(f"no JSON form for {type(waarde).__name__}")


# --- Conclusions ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conclusies:
    """All conclusions, in the order of rules-contract.md; the last two are extensions."""

    regime: Bevinding[Regime]
    inburgeringsplichtig: Bevinding[bool]
    plicht_vanaf: Bevinding[date | None]
    vrijstelling_diploma: Bevinding[bool]
    doelgroep: Bevinding[Doelgroep | None]
    regie_gemeente: Bevinding[str | None]
    pip_uiterlijk: Bevinding[date | None]
    termijn_start: Bevinding[date | None]
    termijn_eind: Bevinding[date | None]
    map_vereist: Bevinding[bool | None]
    pvt_vereist: Bevinding[bool | None]
    zroute_uren_vereist: Bevinding[ZrouteUren | None]
    voortgangsgesprekken: Bevinding[Voortgangsgesprekken | None]
    ontzorgen: Bevinding[Ontzorgen]
    maatschappelijke_begeleiding: Bevinding[bool]
    # Extensions (the contract welcomes more keys):
    aow_datum: Bevinding[date | None]
    plicht_voldaan_op: Bevinding[date | None]


CONCLUSIENAMEN: tuple[str, ...] = tuple(f.name for f in fields(Conclusies))


# --- Answers --------------------------------------------------------------------------------


class Reden(StrEnum):
    """Refusal codes of rules-contract.md; the UI shows the same code and citation."""

    NOG_NIET_GEVESTIGD = "NOG_NIET_GEVESTIGD"
    DAGTEKENING_VOOR_START_PLICHT = "DAGTEKENING_VOOR_START_PLICHT"
    DAGTEKENING_VOOR_VESTIGING = "DAGTEKENING_VOOR_VESTIGING"
    DAGTEKENING_VOOR_EERDERE_PIP = "DAGTEKENING_VOOR_EERDERE_PIP"
    A2_MET_ONDERWIJSROUTE = "A2_MET_ONDERWIJSROUTE"
    B1_MET_ZROUTE = "B1_MET_ZROUTE"
    A2_B1ROUTE_EERSTE_PIP = "A2_B1ROUTE_EERSTE_PIP"
    INTENSITEIT_NIET_TOEGESTAAN = "INTENSITEIT_NIET_TOEGESTAAN"
    GEEN_B1_ROUTE = "GEEN_B1_ROUTE"
    TE_WEINIG_UREN = "TE_WEINIG_UREN"
    GEEN_TERMIJN = "GEEN_TERMIJN"
    VOOR_TERMIJNSTART = "VOOR_TERMIJNSTART"
    IN_TOEKOMST = "IN_TOEKOMST"
    NA_AFRONDING_ZROUTE = "NA_AFRONDING_ZROUTE"
    TERMIJN_NIET_OVERSCHREDEN = "TERMIJN_NIET_OVERSCHREDEN"
    TE_VROEG = "TE_VROEG"
    GEEN_ASIELSTATUSHOUDER = "GEEN_ASIELSTATUSHOUDER"
    GEEN_PIP = "GEEN_PIP"
    GEEN_KEURMERK = "GEEN_KEURMERK"
    GEEN_PLICHT = "GEEN_PLICHT"
    ANDER_REGIME = "ANDER_REGIME"
    NIET_VERWIJTBAAR = "NIET_VERWIJTBAAR"
    LAGER_NIVEAU_DAN_PIP = "LAGER_NIVEAU_DAN_PIP"
    GRATIS_POGINGEN_OP = "GRATIS_POGINGEN_OP"


@dataclass(frozen=True, slots=True)
class Weigering:
    """One reason an action is refused, with the rule's legal basis and a plain explanation."""

    code: Reden
    grondslag: Grondslag
    toelichting: str

    def als_json(self) -> dict[str, object]:
        return {
            "code": self.code.value,
            "toelichting": self.toelichting,
            "grondslag": self.grondslag.als_json(),
        }


@dataclass(frozen=True, slots=True)
class Antwoord:
    """The answer to one question (vraag). ``toegestaan`` is true when nothing refuses it."""

    actie: Actie
    weigeringen: tuple[Weigering, ...]
    grondslagen: tuple[Grondslag, ...]
    trace: tuple[str, ...]

    @property
    def toegestaan(self) -> bool:
        return not self.weigeringen

    @property
    def redenen(self) -> tuple[Reden, ...]:
        return tuple(w.code for w in self.weigeringen)

    def _extra(self) -> dict[str, object]:
        return {}

    def als_json(self) -> dict[str, object]:
        grondslagen = list(self.grondslagen)
        for weigering in self.weigeringen:
            if weigering.grondslag not in grondslagen:
                grondslagen.append(weigering.grondslag)
        uit: dict[str, object] = {
            "actie": self.actie.value,
            "toegestaan": self.toegestaan,
            "redenen": [w.code.value for w in self.weigeringen],
            "grondslag": [g.als_json() for g in grondslagen],
        }
        uit.update(self._extra())
        uit["weigeringen"] = [w.als_json() for w in self.weigeringen]
        uit["trace"] = list(self.trace)
        return uit


@dataclass(frozen=True, slots=True)
class PipAanleverenAntwoord(Antwoord):
    niveau_vastgesteld: Niveau | None

    def _extra(self) -> dict[str, object]:
        return {"niveau_vastgesteld": naar_json(self.niveau_vastgesteld)}


@dataclass(frozen=True, slots=True)
class AfschalenAntwoord(Antwoord):
    uren_geteld: int | float

    def _extra(self) -> dict[str, object]:
        return {"uren_geteld": naar_json(self.uren_geteld)}


@dataclass(frozen=True, slots=True)
class BoeteAntwoord(Antwoord):
    max_bedrag: int | None

    def _extra(self) -> dict[str, object]:
        return {"max_bedrag": self.max_bedrag}


@dataclass(frozen=True, slots=True)
class ExamenGratisAntwoord(Antwoord):
    gratis_pogingen_gebruikt: int

    def _extra(self) -> dict[str, object]:
        return {"gratis_pogingen_gebruikt": self.gratis_pogingen_gebruikt}


# --- The whole outcome ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Uitkomst:
    peildatum: date
    conclusies: Conclusies
    antwoorden: tuple[Antwoord, ...]
    parameters: Parameters

    def conclusie(self, naam: str) -> Bevinding[object]:
        """One conclusion by its contract key, e.g. ``conclusie("pip_uiterlijk").waarde``."""
        if naam not in CONCLUSIENAMEN:
            raise KeyError(f"unknown conclusion {naam!r}; known: {', '.join(CONCLUSIENAMEN)}")
        return getattr(self.conclusies, naam)

    def als_json(self) -> dict[str, object]:
        """Exactly the contract's output, plus ``trace`` per conclusion (and per answer)."""
        conclusies: dict[str, object] = {}
        grondslagen: dict[str, object] = {}
        trace: dict[str, object] = {}
        for naam in CONCLUSIENAMEN:
            bevinding: Bevinding[object] = getattr(self.conclusies, naam)
            conclusies[naam] = naar_json(bevinding.waarde)
            grondslagen[naam] = [g.als_json() for g in bevinding.grondslagen]
            trace[naam] = list(bevinding.trace)
        return {
            "conclusies": conclusies,
            "grondslagen": grondslagen,
            "antwoorden": [a.als_json() for a in self.antwoorden],
            "trace": trace,
        }
