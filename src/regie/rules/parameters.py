"""Dated parameters: the numbers of the law that are uncertain or may change.

Every number a rule needs (10 weeks, 3 years, 600 hours, EUR 800, ...) lives here, never as a
literal in rule code. A parameter has one or more versions, each ``geldig_vanaf`` a date; the
rules ask for its value *at a date* (which date is documented per parameter in ``peilmoment``
and in docs/rules.md).

Two layers:

* the national default table (``STANDAARD``), one or more versions per parameter;
* optional overrides (``ParameterWijziging``), e.g. a municipality's policy "3 progress talks
  from 2025-01-01", or a later version of the law not yet in the default table.

At a date ``d`` the latest override with ``geldig_vanaf <= d`` wins; without one the default
version in force at ``d`` applies. The first default version also applies to dates before its
``geldig_vanaf`` (so Wi 2013 dossiers from 2021 still evaluate). An override applies from its
``geldig_vanaf`` until a later override; to return to the national value, add an override
with that value.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from regie.rules import grondslagen as gs
from regie.rules.fouten import InvoerFout
from regie.rules.grondslagen import Grondslag

# The date the Wet inburgering 2021 took effect: the default table starts here.
WI2021_IN_WERKING = date(2022, 1, 1)


class ParameterNaam(StrEnum):
    PIP_TERMIJN_WEKEN = "pip_termijn_weken"
    INFORMATIE_DERDEN_WEKEN = "informatie_derden_weken"
    INBURGERINGSTERMIJN_JAREN = "inburgeringstermijn_jaren"
    VOORTGANGSGESPREKKEN_AANTAL = "voortgangsgesprekken_aantal"
    VOORTGANGSGESPREKKEN_VENSTER_MAANDEN = "voortgangsgesprekken_venster_maanden"
    AFSCHALEN_MIN_UREN = "afschalen_min_uren"
    ZROUTE_UREN_TAAL_KNM = "zroute_uren_taal_knm"
    ZROUTE_UREN_PARTICIPATIE_ASIELSTATUSHOUDER = "zroute_uren_participatie_asielstatushouder"
    ZROUTE_UREN_PARTICIPATIE_GEZINSMIGRANT = "zroute_uren_participatie_gezinsmigrant"
    BOETE_MAX_BEDRAG = "boete_max_bedrag"
    ONTZORGEN_MIN_MAANDEN = "ontzorgen_min_maanden"
    AOW_LEEFTIJD_MAANDEN = "aow_leeftijd_maanden"
    MINIMUMLEEFTIJD_JAREN = "minimumleeftijd_jaren"
    MAX_JAREN_LEERPLICHTIG = "max_jaren_leerplichtig"
    GRATIS_EXAMENPOGINGEN = "gratis_examenpogingen"
    VERWIJTBAAR_NEE_MAANDEN = "verwijtbaar_nee_maanden"


@dataclass(frozen=True, slots=True)
class ParameterVersie:
    """One value of a parameter, in force from ``geldig_vanaf``."""

    geldig_vanaf: date
    waarde: int
    grondslag: Grondslag
    # "standaard" for the national table; otherwise who changed it and why.
    bron: str = "standaard"


@dataclass(frozen=True, slots=True)
class ParameterDefinitie:
    """What a parameter means, its bounds, its default versions and when it is resolved."""

    naam: ParameterNaam
    omschrijving: str
    eenheid: str
    peilmoment: str
    minimum: int
    maximum: int
    standaard: tuple[ParameterVersie, ...]

    @property
    def grondslag(self) -> Grondslag:
        return self.standaard[-1].grondslag

    def als_json(self) -> dict[str, object]:
        return {
            "naam": self.naam.value,
            "omschrijving": self.omschrijving,
            "eenheid": self.eenheid,
            "peilmoment": self.peilmoment,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "versies": [
                {
                    "geldig_vanaf": v.geldig_vanaf.isoformat(),
                    "waarde": v.waarde,
                    "grondslag": v.grondslag.als_json(),
                    "bron": v.bron,
                }
                for v in self.standaard
            ],
        }


@dataclass(frozen=True, slots=True)
class ParameterWaarde:
    """A parameter resolved at a date: the value plus where it comes from.

    ``tekst`` is the trace fragment, e.g. 'pip_termijn_weken = 10 (geldig vanaf 2022-01-01)';
    it is built once per version, not per evaluation.
    """

    naam: ParameterNaam
    waarde: int
    geldig_vanaf: date
    grondslag: Grondslag
    bron: str
    tekst: str = field(default="", compare=False)

    @classmethod
    def van(cls, naam: ParameterNaam, versie: ParameterVersie) -> ParameterWaarde:
        herkomst = "" if versie.bron == "standaard" else f", {versie.bron}"
        tekst = f"{naam.value} = {versie.waarde} (geldig vanaf {versie.geldig_vanaf}{herkomst})"
        return cls(naam, versie.waarde, versie.geldig_vanaf, versie.grondslag, versie.bron, tekst)


@dataclass(frozen=True, slots=True)
class ParameterWijziging:
    """An override: from ``geldig_vanaf`` on, parameter ``naam`` has value ``waarde``.

    ``grondslag`` defaults to the legal basis of the national version it replaces;
    ``bron`` appears in every trace that uses the value.
    """

    naam: str
    waarde: int
    geldig_vanaf: date
    grondslag: Grondslag | None = None
    bron: str = "gewijzigd"


def _versie(waarde: int, grondslag: Grondslag, vanaf: date = WI2021_IN_WERKING) -> ParameterVersie:
    return ParameterVersie(geldig_vanaf=vanaf, waarde=waarde, grondslag=grondslag)


_N = ParameterNaam
_TERMIJNSTART = "termijn_start (de regels van de termijn liggen vast bij de start ervan)"

DEFINITIES: tuple[ParameterDefinitie, ...] = (
    ParameterDefinitie(
        _N.PIP_TERMIJN_WEKEN,
        "Weken na SS139 waarbinnen het college het PIP vaststelt (Besluit art. 5.3).",
        "weken",
        "datum van de SS139-melding",
        1,
        104,
        (_versie(10, gs.PIP_TERMIJN),),
    ),
    ParameterDefinitie(
        _N.INFORMATIE_DERDEN_WEKEN,
        "Weken na ontvangst van informatie van derden waarbinnen het PIP uiterlijk volgt.",
        "weken",
        "datum van ontvangst van de informatie",
        0,
        104,
        (_versie(2, gs.PIP_TERMIJN),),
    ),
    ParameterDefinitie(
        _N.INBURGERINGSTERMIJN_JAREN,
        "Lengte van de inburgeringstermijn in jaren (Wi art. 11).",
        "jaren",
        _TERMIJNSTART,
        1,
        20,
        (_versie(3, gs.INBURGERINGSTERMIJN),),
    ),
    ParameterDefinitie(
        _N.VOORTGANGSGESPREKKEN_AANTAL,
        "Minimum aantal voortgangsgesprekken in het venster na termijnstart (beleidskader).",
        "gesprekken",
        _TERMIJNSTART,
        0,
        52,
        (_versie(2, gs.VOORTGANGSGESPREKKEN),),
    ),
    ParameterDefinitie(
        _N.VOORTGANGSGESPREKKEN_VENSTER_MAANDEN,
        "Lengte in maanden van het venster na termijnstart voor de voortgangsgesprekken.",
        "maanden",
        _TERMIJNSTART,
        1,
        120,
        (_versie(12, gs.VOORTGANGSGESPREKKEN),),
    ),
    ParameterDefinitie(
        _N.AFSCHALEN_MIN_UREN,
        "Minimum uren taal/KNM bij een aanbieder met keurmerk voor afschalen (Besluit 5.5).",
        "uren",
        "datum van het afschalen (de datum van de vraag)",
        0,
        10_000,
        (_versie(600, gs.AFSCHALEN),),
    ),
    ParameterDefinitie(
        _N.ZROUTE_UREN_TAAL_KNM,
        "Uren taal en KNM in de Z-route (Besluit art. 3.14), beide doelgroepen.",
        "uren",
        _TERMIJNSTART,
        0,
        10_000,
        (_versie(800, gs.ZROUTE_UREN),),
    ),
    ParameterDefinitie(
        _N.ZROUTE_UREN_PARTICIPATIE_ASIELSTATUSHOUDER,
        "Uren participatie in de Z-route voor asielstatushouders (Besluit art. 3.14).",
        "uren",
        _TERMIJNSTART,
        0,
        10_000,
        (_versie(800, gs.ZROUTE_UREN),),
    ),
    ParameterDefinitie(
        _N.ZROUTE_UREN_PARTICIPATIE_GEZINSMIGRANT,
        "Uren participatie in de Z-route voor gezinsmigranten en overige migranten.",
        "uren",
        _TERMIJNSTART,
        0,
        10_000,
        (_versie(0, gs.ZROUTE_UREN),),
    ),
    ParameterDefinitie(
        _N.BOETE_MAX_BEDRAG,
        "Maximum van een boete van het college (Wi art. 22 en 23).",
        "euro",
        "peildatum (de dag van het besluit tot beboeten)",
        0,
        1_000_000,
        (_versie(800, gs.BOETE_MAXIMUM),),
    ),
    ParameterDefinitie(
        _N.ONTZORGEN_MIN_MAANDEN,
        "Maanden dat het college ten minste ontzorgt na de start van de bijstand (Pw 56a).",
        "maanden",
        "datum waarop de bijstand startte",
        0,
        120,
        (_versie(6, gs.ONTZORGEN_DUUR),),
    ),
    ParameterDefinitie(
        _N.AOW_LEEFTIJD_MAANDEN,
        "AOW-leeftijd in maanden (804 = 67 jaar); de plicht eindigt op die leeftijd.",
        "maanden",
        "de dag waarop de persoon de leeftijd bereikt die op die dag geldt",
        600,
        1200,
        (
            _versie(67 * 12, gs.AOW_LEEFTIJD),
            # law.md R1.4 [R]: 67 years and 3 months in 2028; verify before go-live.
            _versie(67 * 12 + 3, gs.AOW_LEEFTIJD, date(2028, 1, 1)),
        ),
    ),
    ParameterDefinitie(
        _N.MINIMUMLEEFTIJD_JAREN,
        "Leeftijd waarop de inburgeringsplicht kan ingaan (Wi art. 3).",
        "jaren",
        "de dag waarop de persoon de leeftijd bereikt die op die dag geldt",
        0,
        30,
        (_versie(18, gs.PLICHT_LEEFTIJD),),
    ),
    ParameterDefinitie(
        _N.MAX_JAREN_LEERPLICHTIG,
        "Vanaf dit aantal jaren in Nederland op leerplichtige leeftijd geen plicht (Wi art. 3).",
        "jaren",
        "datum van de bekendmaking van het verblijfsrecht",
        1,
        20,
        (_versie(8, gs.PLICHT_UITZONDERINGEN),),
    ),
    ParameterDefinitie(
        _N.GRATIS_EXAMENPOGINGEN,
        "Gratis pogingen per examenonderdeel voor asielstatushouders (Regeling art. 3.5).",
        "pogingen",
        "datum van de examenpoging (de datum van de vraag)",
        0,
        20,
        (_versie(2, gs.GRATIS_EXAMENPOGINGEN),),
    ),
    ParameterDefinitie(
        _N.VERWIJTBAAR_NEE_MAANDEN,
        "Maanden voor het einde van de termijn vanaf wanneer 'verwijtbaar: nee' mag.",
        "maanden",
        "datum van de melding (de datum van de vraag)",
        0,
        36,
        (_versie(2, gs.VERWIJTBAAR_MELDEN),),
    ),
)

_DEFINITIE_PER_NAAM: dict[ParameterNaam, ParameterDefinitie] = {d.naam: d for d in DEFINITIES}


def lijst() -> tuple[ParameterDefinitie, ...]:
    """All parameters with description, unit, bounds, default versions and grondslag."""
    return DEFINITIES


def definitie(naam: str) -> ParameterDefinitie:
    return _DEFINITIE_PER_NAAM[ParameterNaam(naam)]


def valideer_wijziging(wijziging: ParameterWijziging, veld: str) -> ParameterNaam:
    """Check an override's name and value; ``veld`` is its path, e.g. ``parameters[0]``."""
    try:
        naam = ParameterNaam(wijziging.naam)
    except ValueError:
        bekend = ", ".join(n.value for n in ParameterNaam)
        raise InvoerFout(
            f"{veld}.naam", f"onbekende parameter {wijziging.naam!r}; bekend zijn: {bekend}"
        ) from None
    defn = _DEFINITIE_PER_NAAM[naam]
    waarde = wijziging.waarde
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        raise InvoerFout(f"{veld}.waarde", "moet een geheel getal zijn")
    if not defn.minimum <= waarde <= defn.maximum:
        raise InvoerFout(
            f"{veld}.waarde",
            f"{waarde} ligt buiten {defn.minimum}..{defn.maximum} ({defn.eenheid})",
        )
    if not isinstance(wijziging.geldig_vanaf, date):
        raise InvoerFout(f"{veld}.geldig_vanaf", "moet een datum zijn")
    return naam


class _Tijdlijn:
    """The effective value of one parameter over time, precomputed for fast lookups."""

    __slots__ = ("starts", "waarden")

    def __init__(
        self,
        naam: ParameterNaam,
        standaard: tuple[ParameterVersie, ...],
        wijzigingen: tuple[ParameterVersie, ...],
    ) -> None:
        def geldend(lijst: tuple[ParameterVersie, ...], op: date) -> ParameterVersie | None:
            # The latest geldig_vanaf on or before ``op``; on a tie the one added last.
            gekozen = None
            for versie in lijst:
                if versie.geldig_vanaf <= op and (
                    gekozen is None or versie.geldig_vanaf >= gekozen.geldig_vanaf
                ):
                    gekozen = versie
            return gekozen

        breekpunten = sorted({v.geldig_vanaf for v in (*standaard, *wijzigingen)})
        starts: list[date] = [date.min]
        waarden: list[ParameterWaarde] = [self._waarde(naam, standaard[0])]
        for punt in breekpunten:
            versie = geldend(wijzigingen, punt) or geldend(standaard, punt) or standaard[0]
            starts.append(punt)
            waarden.append(self._waarde(naam, versie))
        self.starts: tuple[date, ...] = tuple(starts)
        self.waarden: tuple[ParameterWaarde, ...] = tuple(waarden)

    @staticmethod
    def _waarde(naam: ParameterNaam, versie: ParameterVersie) -> ParameterWaarde:
        return ParameterWaarde.van(naam, versie)

    def op(self, datum: date) -> ParameterWaarde:
        return self.waarden[bisect_right(self.starts, datum) - 1]


class Parameters:
    """The parameter values in force, resolvable at any date. Immutable."""

    __slots__ = ("_tijdlijnen", "_wijzigingen")

    def __init__(self, wijzigingen: Iterable[tuple[ParameterNaam, ParameterVersie]] = ()) -> None:
        # Callers use STANDAARD and met_wijzigingen(), which validate names and values.
        self._wijzigingen: tuple[tuple[ParameterNaam, ParameterVersie], ...] = tuple(wijzigingen)
        per_naam: dict[ParameterNaam, list[ParameterVersie]] = {}
        for naam, versie in self._wijzigingen:
            per_naam.setdefault(naam, []).append(versie)
        self._tijdlijnen: dict[ParameterNaam, _Tijdlijn] = {
            d.naam: _Tijdlijn(d.naam, d.standaard, tuple(per_naam.get(d.naam, ())))
            for d in DEFINITIES
        }

    def waarde(self, naam: ParameterNaam, op: date) -> ParameterWaarde:
        """The value of ``naam`` in force on ``op``."""
        return self._tijdlijnen[naam].op(op)

    def eerste_datum(
        self, naam: ParameterNaam, datum_bij: Callable[[int], date]
    ) -> tuple[date, ParameterWaarde]:
        """The first date ``d`` with ``d >= datum_bij(value in force on d)``.

        Used for ages (18, AOW age): the person reaches the age that applies on the day they
        reach it, so a later change of the age never moves a date that has already passed.
        """
        tijdlijn = self._tijdlijnen[naam]
        laatste = len(tijdlijn.starts) - 1
        for i, (start, waarde) in enumerate(zip(tijdlijn.starts, tijdlijn.waarden, strict=True)):
            kandidaat = max(datum_bij(waarde.waarde), start)
            if i == laatste or kandidaat < tijdlijn.starts[i + 1]:
                return kandidaat, waarde
        raise AssertionError("unreachable: the last segment always returns")  # pragma: no cover

    def met_wijzigingen(
        self, wijzigingen: Iterable[ParameterWijziging], *, veld: str = "parameters"
    ) -> Parameters:
        """A new ``Parameters`` with these overrides added after the existing ones.

        Raises ``InvoerFout`` (field ``parameters[i].naam`` / ``.waarde``) for an unknown name
        or a value outside the parameter's bounds.
        """
        nieuw = list(self._wijzigingen)
        for i, wijziging in enumerate(wijzigingen):
            naam = valideer_wijziging(wijziging, f"{veld}[{i}]")
            grondslag = wijziging.grondslag or self.waarde(naam, wijziging.geldig_vanaf).grondslag
            versie = ParameterVersie(
                wijziging.geldig_vanaf, wijziging.waarde, grondslag, wijziging.bron
            )
            nieuw.append((naam, versie))
        return Parameters(nieuw)

    @property
    def wijzigingen(self) -> tuple[tuple[ParameterNaam, ParameterVersie], ...]:
        """The overrides on top of the national table, in the order they were added."""
        return self._wijzigingen

    def tabel(self) -> list[dict[str, object]]:
        """Every parameter with its national versions and overrides (for UIs and docs)."""
        rijen = []
        for defn in DEFINITIES:
            rij = defn.als_json()
            rij["wijzigingen"] = [
                {
                    "geldig_vanaf": v.geldig_vanaf.isoformat(),
                    "waarde": v.waarde,
                    "grondslag": v.grondslag.als_json(),
                    "bron": v.bron,
                }
                for naam, v in self._wijzigingen
                if naam is defn.naam
            ]
            rijen.append(rij)
        return rijen

    def __repr__(self) -> str:
        return f"Parameters(wijzigingen={len(self._wijzigingen)})"


STANDAARD = Parameters()


def uit_wijzigingen(wijzigingen: Iterable[ParameterWijziging]) -> Parameters:
    """The national table plus these overrides (convenience for callers such as Django)."""
    return STANDAARD.met_wijzigingen(wijzigingen)


def _controleer_definities(definities: Mapping[ParameterNaam, ParameterDefinitie]) -> None:
    # Fail at import time if a parameter has no definition or a default out of its bounds.
    for naam in ParameterNaam:
        defn = definities[naam]
        for versie in defn.standaard:
            if not defn.minimum <= versie.waarde <= defn.maximum:
                raise ValueError(f"default of {naam} out of bounds")


_controleer_definities(_DEFINITIE_PER_NAAM)
