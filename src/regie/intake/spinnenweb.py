"""The positive-health spider web as geometry for an inline SVG (``intake/_spinnenweb.html``).

Rendered on the server, no JavaScript, and CSP-safe: the template uses SVG presentation
attributes (stroke, fill, stroke-dasharray), never ``style``. The first and the latest
measurement are overlaid; they differ in colour, dash pattern *and* marker shape, so the chart
reads without colour. A visually hidden table beside it holds the same numbers.

Axis ``i`` points at angle -90° + 60°·i (the first axis straight up, then clockwise); a score
``s`` lies at distance ``s / 10 · STRAAL`` from the centre.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from regie.intake.models import PositieveGezondheidScore

BREEDTE = 640
HOOGTE = 470
MIDDEN_X = 320.0
MIDDEN_Y = 215.0
STRAAL = 140.0
MAXIMUM = 10
RINGEN = (2, 4, 6, 8, 10)
LABELAFSTAND = 16.0
MARKER = 5.0  # half the size of a marker

# Presentation of the two series: the latest solid with circles, the first dashed with squares.
STIJL_LAATSTE = {"kleur": "#154273", "streep": "", "vorm": "cirkel"}
STIJL_EERSTE = {"kleur": "#a63d00", "streep": "8 5", "vorm": "vierkant"}


def _getal(waarde: float) -> str:
    return f"{waarde:.1f}"


@dataclass(frozen=True)
class Punt:
    x: float
    y: float

    @property
    def sx(self) -> str:
        return _getal(self.x)

    @property
    def sy(self) -> str:
        return _getal(self.y)

    @property
    def links(self) -> str:
        """Left edge of a square marker centred here."""
        return _getal(self.x - MARKER)

    @property
    def boven(self) -> str:
        return _getal(self.y - MARKER)

    def __str__(self) -> str:
        return f"{self.sx},{self.sy}"


def punt(as_index: int, score: float, *, aantal_assen: int = 6) -> Punt:
    """Where ``score`` lies on axis ``as_index``."""
    hoek = math.radians(-90 + 360 / aantal_assen * as_index)
    afstand = STRAAL * score / MAXIMUM
    return Punt(MIDDEN_X + afstand * math.cos(hoek), MIDDEN_Y + afstand * math.sin(hoek))


def _veelhoek(punten: Sequence[Punt]) -> str:
    return " ".join(str(p) for p in punten)


@dataclass(frozen=True)
class As:
    code: str
    label: str
    eind: Punt
    label_punt: Punt
    anker: str  # text-anchor: start | middle | end


@dataclass(frozen=True)
class Reeks:
    soort: str  # "eerste" | "laatste"
    datum: date
    scores: tuple[int, ...]
    punten: str  # the polygon's points attribute
    hoeken: tuple[Punt, ...]  # one marker per axis
    kleur: str
    streep: str  # stroke-dasharray, "" for solid
    vorm: str  # marker shape: "cirkel" | "vierkant"


@dataclass(frozen=True)
class Legenda:
    """One legend entry: a line sample with its dash pattern and marker, then the text."""

    reeks: Reeks
    begin: Punt
    eind: Punt
    marker: Punt
    tekst: Punt


def _legenda(index: int, reeks: Reeks) -> Legenda:
    x, y = 40.0 + 300.0 * index, MIDDEN_Y + STRAAL + 70.0
    return Legenda(
        reeks=reeks,
        begin=Punt(x, y),
        eind=Punt(x + 44, y),
        marker=Punt(x + 22, y),
        tekst=Punt(x + 56, y + 5),
    )


@dataclass(frozen=True)
class Grafiek:
    breedte: int
    hoogte: int
    midden: Punt
    assen: tuple[As, ...]
    ringen: tuple[tuple[int, str, Punt], ...]  # (score, polygon points, label position)
    reeksen: tuple[Reeks, ...]  # drawn in this order: first (if any), then latest
    metingen: tuple[PositieveGezondheidScore, ...]  # all, oldest first, for the data table
    tabel: tuple[tuple[str, tuple[int, ...]], ...]  # per dimension: label, score per meting
    legenda: tuple[Legenda, ...]


def _as(index: int, code: str, label: str) -> As:
    eind = punt(index, MAXIMUM)
    hoek = math.radians(-90 + 60 * index)
    cos, sin = math.cos(hoek), math.sin(hoek)
    # Text sits on its baseline: lift labels above the top axis, drop them below the bottom one.
    verschuiving = 5.0 if abs(sin) < 0.9 else (14.0 if sin > 0 else -4.0)
    label_punt = Punt(
        MIDDEN_X + (STRAAL + LABELAFSTAND) * cos,
        MIDDEN_Y + (STRAAL + LABELAFSTAND) * sin + verschuiving,
    )
    anker = "middle" if abs(cos) < 0.1 else ("start" if cos > 0 else "end")
    return As(code=code, label=label, eind=eind, label_punt=label_punt, anker=anker)


def _reeks(soort: str, meting: PositieveGezondheidScore, stijl: dict[str, str]) -> Reeks:
    scores = tuple(meting.scores)
    hoeken = tuple(punt(i, s) for i, s in enumerate(scores))
    return Reeks(
        soort=soort,
        datum=meting.datum,
        scores=scores,
        punten=_veelhoek(hoeken),
        hoeken=hoeken,
        kleur=stijl["kleur"],
        streep=stijl["streep"],
        vorm=stijl["vorm"],
    )


def grafiek(metingen: Sequence[PositieveGezondheidScore]) -> Grafiek:
    """The chart for these measurements (oldest first): the latest, overlaid with the first
    when there is more than one."""
    if not metingen:
        raise ValueError("a spider web needs at least one measurement")
    reeksen = []
    if len(metingen) > 1:
        reeksen.append(_reeks("eerste", metingen[0], STIJL_EERSTE))
    reeksen.append(_reeks("laatste", metingen[-1], STIJL_LAATSTE))
    dimensies = PositieveGezondheidScore.DIMENSIES
    return Grafiek(
        breedte=BREEDTE,
        hoogte=HOOGTE,
        midden=Punt(MIDDEN_X, MIDDEN_Y),
        assen=tuple(_as(i, code, str(label)) for i, (code, label) in enumerate(dimensies)),
        ringen=tuple(
            (
                ring,
                _veelhoek([punt(i, ring) for i in range(len(dimensies))]),
                Punt(MIDDEN_X + 4, punt(0, ring).y + 4),
            )
            for ring in RINGEN
        ),
        reeksen=tuple(reeksen),
        metingen=tuple(metingen),
        tabel=tuple(
            (str(label), tuple(getattr(m, code) for m in metingen)) for code, label in dimensies
        ),
        legenda=tuple(_legenda(i, reeks) for i, reeks in enumerate(reeksen)),
    )
