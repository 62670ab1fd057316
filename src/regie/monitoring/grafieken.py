"""Charts rendered by Regie itself as inline SVG: no chart library, no script, no CDN.

Everything is drawn with SVG presentation attributes (``fill``, ``stroke``, …) and CSS classes
from ``css/beleid.css``; no ``style`` attribute and no ``<script>``, so the pages keep the CSP of
docs/security.md, and WeasyPrint draws the same SVG in the council report.

Readable without colour: series differ by pattern (solid, hatched, dotted, cross-hatched) as
well as colour, every bar and every band end carries its value as a direct label, and every chart
has a ``<title>``/``<desc>`` and a data table beside it (in the template). Suppressed counts are
drawn as no bar with the label ``<5``: a chart never shows more than its table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regie.monitoring.privacy import Cel, opmaak

BREEDTE = 680
HOOGTE = 320
MARGE_LINKS = 64
MARGE_RECHTS = 160
MARGE_BOVEN = 24
MARGE_ONDER = 64
TEKST = "#1f1f1f"
RASTER = "#d0d0d0"

# (fill colour, pattern kind): colour and pattern both differ per series.
REEKSSTIJLEN = [
    ("#154273", "vol"),
    ("#b35900", "arcering"),
    ("#39870c", "stippen"),
    ("#5e5e5e", "kruis"),
    ("#8f1d5e", "arcering-omgekeerd"),
]


@dataclass(frozen=True)
class Reeks:
    naam: str
    cellen: Sequence[Cel]


def _e(tekst: object) -> str:
    return str(escape(str(tekst)))


def _getal(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _mooi_maximum(waarde: float) -> tuple[float, float]:
    """A round axis maximum at or above ``waarde`` and its tick step."""
    if waarde <= 0:
        return 1.0, 1.0
    ruw = waarde / 4
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(m * macht for m in (1, 2, 2.5, 5, 10) if m * macht >= ruw)
    return stap * math.ceil(waarde / stap), stap


def _patronen(sleutel: str) -> str:
    delen = []
    for index, (kleur, soort) in enumerate(REEKSSTIJLEN):
        pid = f"{sleutel}-p{index}"
        if soort == "vol":
            inhoud = f'<rect width="8" height="8" fill="{kleur}"/>'
        elif soort == "arcering":
            inhoud = (
                f'<rect width="8" height="8" fill="#ffffff"/>'
                f'<path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" stroke="{kleur}" stroke-width="2.5"/>'
            )
        elif soort == "arcering-omgekeerd":
            inhoud = (
                f'<rect width="8" height="8" fill="#ffffff"/>'
                f'<path d="M-1,7 l2,2 M0,0 l8,8 M7,-1 l2,2" stroke="{kleur}" stroke-width="2.5"/>'
            )
        elif soort == "stippen":
            inhoud = (
                f'<rect width="8" height="8" fill="#ffffff"/>'
                f'<circle cx="2" cy="2" r="1.8" fill="{kleur}"/>'
                f'<circle cx="6" cy="6" r="1.8" fill="{kleur}"/>'
            )
        else:
            inhoud = (
                f'<rect width="8" height="8" fill="#ffffff"/>'
                f'<path d="M0,4 h8 M4,0 v8" stroke="{kleur}" stroke-width="2"/>'
            )
        delen.append(
            f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f"{inhoud}</pattern>"
        )
    delen.append(
        f'<pattern id="{sleutel}-band95" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#dce8f4"/>'
        '<path d="M0,6 l6,-6" stroke="#9bb9d9" stroke-width="1"/></pattern>'
    )
    return "<defs>" + "".join(delen) + "</defs>"


# The chart key goes unescaped into ids and ``url(#…)`` references, so it must be a plain
# name: with it checked, every piece of text in a chart is either fixed markup from this
# module, a formatted number or passed through _e(), which is what makes mark_safe() sound.
_SLEUTEL = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _kop(sleutel: str, titel: str, beschrijving: str, hoogte: int = HOOGTE) -> str:
    if not _SLEUTEL.fullmatch(sleutel):
        raise ValueError(f"chart key must be a plain name, got {sleutel!r}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="beleid-grafiek" role="img" '
        f'viewBox="0 0 {BREEDTE} {hoogte}" width="{BREEDTE}" height="{hoogte}" '
        f'aria-labelledby="{sleutel}-titel {sleutel}-desc" font-family="sans-serif">'
        f'<title id="{sleutel}-titel">{_e(titel)}</title>'
        f'<desc id="{sleutel}-desc">{_e(beschrijving)}</desc>' + _patronen(sleutel)
    )


def _y_as(maximum: float, stap: float, eenheid: str, hoogte: int = HOOGTE) -> tuple[str, float]:
    """Horizontal grid lines with labels; returns the markup and pixels per unit."""
    plot_hoogte = hoogte - MARGE_BOVEN - MARGE_ONDER
    schaal = plot_hoogte / maximum
    delen = []
    aantal_stappen = round(maximum / stap)
    for k in range(aantal_stappen + 1):
        waarde = k * stap
        y = hoogte - MARGE_ONDER - waarde * schaal
        delen.append(
            f'<line x1="{MARGE_LINKS}" x2="{BREEDTE - MARGE_RECHTS}" y1="{_getal(y)}" '
            f'y2="{_getal(y)}" stroke="{RASTER}" stroke-width="1" class="beleid-raster"/>'
            f'<text x="{MARGE_LINKS - 6}" y="{_getal(y + 4)}" text-anchor="end" font-size="11" '
            f'fill="{TEKST}">{_e(opmaak(waarde, 0 if stap >= 1 else 1))}</text>'
        )
    if eenheid:
        delen.append(
            f'<text x="{MARGE_LINKS - 40}" y="{MARGE_BOVEN - 10}" text-anchor="start" '
            f'font-size="11" fill="{TEKST}">{_e(eenheid)}</text>'
        )
    return "".join(delen), schaal


# A quarter as the active language writes it: "2023 K1", "2023 Q1".
_KWARTAAL = re.compile(r"(\d{4}) ([^\W\d]{1,2}[1-4])")


def _x_labels(labels: Sequence[str], middens: Sequence[float], hoogte: int = HOOGTE) -> str:
    """Category labels; quarters ("2023 K1") as K1…K4 with the year below its first quarter."""
    delen = []
    vorig_jaar = None
    for label, x in zip(labels, middens, strict=True):
        kwartaal_label = _KWARTAAL.fullmatch(str(label).replace("\u00a0", " "))
        if kwartaal_label:
            jaar, kwartaal = kwartaal_label.groups()
            delen.append(
                f'<text x="{_getal(x)}" y="{hoogte - MARGE_ONDER + 15}" text-anchor="middle" '
                f'font-size="11" fill="{TEKST}">{_e(kwartaal)}</text>'
            )
            if jaar != vorig_jaar:
                delen.append(
                    f'<text x="{_getal(x)}" y="{hoogte - MARGE_ONDER + 28}" text-anchor="start" '
                    f'font-size="11" font-weight="bold" fill="{TEKST}">{_e(jaar)}</text>'
                )
                vorig_jaar = jaar
            continue
        delen.append(
            f'<text x="{_getal(x)}" y="{hoogte - MARGE_ONDER + 16}" text-anchor="middle" '
            f'font-size="11" fill="{TEKST}">{_e(label)}</text>'
        )
    return "".join(delen)


def _legenda(items: Sequence[tuple[str, str]], hoogte: int = HOOGTE) -> str:
    """Legend at the right: (swatch markup at 0,0 of size 14, label)."""
    delen = []
    x = BREEDTE - MARGE_RECHTS + 12
    y = MARGE_BOVEN
    for staal, label in items:
        regels = _afbreken(label, 22)
        tekst = "".join(
            f'<tspan x="20" dy="{0 if i == 0 else 13}">{_e(regel)}</tspan>'
            for i, regel in enumerate(regels)
        )
        delen.append(
            f'<g transform="translate({x},{y})">{staal}'
            f'<text x="20" y="11" font-size="11" fill="{TEKST}">{tekst}</text></g>'
        )
        y += 10 + 13 * len(regels)
    return "".join(delen)


def _afbreken(tekst: str, breedte: int) -> list[str]:
    regels: list[str] = []
    for woord in tekst.split():
        if regels and len(regels[-1]) + 1 + len(woord) <= breedte:
            regels[-1] += " " + woord
        else:
            regels.append(woord)
    return regels or [""]


def staafdiagram(
    *,
    sleutel: str,
    titel: str,
    beschrijving: str,
    categorieen: Sequence[str],
    reeksen: Sequence[Reeks],
    eenheid: str = "",
) -> SafeString:
    """Grouped bars: one group per category, one bar per series, a direct label on each."""
    waarden = [
        float(c.waarde) for r in reeksen for c in r.cellen if c.waarde is not None and c.waarde > 0
    ]
    maximum, stap = _mooi_maximum(max(waarden, default=0.0))
    as_markup, schaal = _y_as(maximum, stap, eenheid)
    plot_breedte = BREEDTE - MARGE_LINKS - MARGE_RECHTS
    groep = plot_breedte / max(len(categorieen), 1)
    staaf = min(44.0, groep * 0.8 / max(len(reeksen), 1))
    basis = HOOGTE - MARGE_ONDER
    delen = [_kop(sleutel, titel, beschrijving), as_markup]
    middens = []
    for ci, _categorie in enumerate(categorieen):
        start = MARGE_LINKS + ci * groep + (groep - staaf * len(reeksen)) / 2
        middens.append(MARGE_LINKS + ci * groep + groep / 2)
        for ri, reeks in enumerate(reeksen):
            cel = reeks.cellen[ci]
            x = start + ri * staaf
            midden = x + staaf / 2
            kleur = REEKSSTIJLEN[ri % len(REEKSSTIJLEN)][0]
            if cel.waarde is not None and cel.waarde > 0:
                h = float(cel.waarde) * schaal
                delen.append(
                    f'<rect x="{_getal(x + 1)}" y="{_getal(basis - h)}" width="{_getal(staaf - 2)}"'
                    f' height="{_getal(h)}" fill="url(#{sleutel}-p{ri % len(REEKSSTIJLEN)})" '
                    f'stroke="{kleur}" stroke-width="1.5" class="beleid-staaf beleid-reeks-{ri}"/>'
                )
                y_label = basis - h - 4
            else:
                y_label = basis - 4
            delen.append(
                f'<text x="{_getal(midden)}" y="{_getal(y_label)}" text-anchor="middle" '
                f'font-size="11" fill="{TEKST}" class="beleid-label">{_e(cel.tekst)}</text>'
            )
    delen.append(
        f'<line x1="{MARGE_LINKS}" x2="{BREEDTE - MARGE_RECHTS}" y1="{basis}" y2="{basis}" '
        f'stroke="{TEKST}" stroke-width="1"/>'
    )
    delen.append(_x_labels(categorieen, middens))
    if len(reeksen) > 1:
        delen.append(
            _legenda(
                [
                    (
                        f'<rect width="14" height="14" fill="url(#{sleutel}-p{i % 5})" '
                        f'stroke="{REEKSSTIJLEN[i % 5][0]}" stroke-width="1.5"/>',
                        r.naam,
                    )
                    for i, r in enumerate(reeksen)
                ]
            )
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  # nosec B308 B703  # text escaped by _e()


@dataclass(frozen=True)
class Banden:
    """Quantiles per point: the median with its 80 % and 95 % intervals."""

    p025: Sequence[float]
    p10: Sequence[float]
    p50: Sequence[float]
    p90: Sequence[float]
    p975: Sequence[float]


def waaiergrafiek(
    *,
    sleutel: str,
    titel: str,
    beschrijving: str,
    labels: Sequence[str],
    banden: Banden,
    eenheid: str = "",
    decimalen: int = 0,
) -> SafeString:
    """A fan chart: 95 % band (light, hatched), 80 % band (darker), median line with points;
    the last point's values are written next to the chart as direct labels."""
    maximum, stap = _mooi_maximum(max(banden.p975, default=0.0))
    as_markup, schaal = _y_as(maximum, stap, eenheid)
    plot_breedte = BREEDTE - MARGE_LINKS - MARGE_RECHTS
    n = len(labels)
    dx = plot_breedte / max(n, 1)
    xs = [MARGE_LINKS + dx * (i + 0.5) for i in range(n)]
    basis = HOOGTE - MARGE_ONDER

    def y(v: float) -> float:
        return basis - v * schaal

    def band(onder: Sequence[float], boven: Sequence[float]) -> str:
        punten = [f"{_getal(x)},{_getal(y(v))}" for x, v in zip(xs, boven, strict=True)]
        punten += [
            f"{_getal(x)},{_getal(y(v))}"
            for x, v in zip(reversed(xs), reversed(list(onder)), strict=True)
        ]
        return " ".join(punten)

    delen = [_kop(sleutel, titel, beschrijving), as_markup]
    if n:
        delen.append(
            f'<polygon points="{band(banden.p025, banden.p975)}" fill="url(#{sleutel}-band95)" '
            f'stroke="#9bb9d9" stroke-width="1" class="beleid-band95"/>'
            f'<polygon points="{band(banden.p10, banden.p90)}" fill="#8fb3d9" '
            f'stroke="#5b87b8" stroke-width="1" class="beleid-band80"/>'
        )
        lijn = " ".join(f"{_getal(x)},{_getal(y(v))}" for x, v in zip(xs, banden.p50, strict=True))
        delen.append(
            f'<polyline points="{lijn}" fill="none" stroke="#0b2545" stroke-width="2.5" '
            f'class="beleid-mediaan"/>'
        )
        delen += [
            f'<circle cx="{_getal(x)}" cy="{_getal(y(v))}" r="3" fill="#0b2545"/>'
            for x, v in zip(xs, banden.p50, strict=True)
        ]
        laatste = n - 1

        def f(v: float) -> str:
            return opmaak(v, decimalen)

        labels_rechts = [
            (y(banden.p975[laatste]), f"95 %: {f(banden.p025[laatste])}–{f(banden.p975[laatste])}"),
            (y(banden.p90[laatste]), f"80 %: {f(banden.p10[laatste])}–{f(banden.p90[laatste])}"),
            (y(banden.p50[laatste]), _("mediaan %(waarde)s") % {"waarde": f(banden.p50[laatste])}),
        ]
        delen += _zonder_overlap(labels_rechts, BREEDTE - MARGE_RECHTS + 10)
    delen.append(
        f'<line x1="{MARGE_LINKS}" x2="{BREEDTE - MARGE_RECHTS}" y1="{basis}" y2="{basis}" '
        f'stroke="{TEKST}" stroke-width="1"/>'
    )
    delen.append(_x_labels(labels, xs))
    delen.append(_legenda_waaier(sleutel))
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  # nosec B308 B703  # text escaped by _e()


def _zonder_overlap(labels: list[tuple[float, str]], x: float, afstand: float = 13) -> list[str]:
    """Direct labels at the right of a chart, top to bottom, pushed apart so none overlap."""
    delen = []
    vorige = -math.inf
    for y_label, tekst in sorted(labels):
        y_label = max(y_label + 4, vorige + afstand)
        vorige = y_label
        delen.append(
            f'<text x="{_getal(x)}" y="{_getal(y_label)}" font-size="11" fill="{TEKST}" '
            f'class="beleid-label">{_e(tekst)}</text>'
        )
    return delen


def _legenda_waaier(sleutel: str) -> str:
    y0 = HOOGTE - MARGE_ONDER + 46
    items = [
        (
            f'<rect width="14" height="10" y="-9" fill="url(#{sleutel}-band95)" stroke="#9bb9d9"/>',
            # xgettext:no-python-format
            _("95 %-interval"),
        ),
        (
            '<rect width="14" height="10" y="-9" fill="#8fb3d9" stroke="#5b87b8"/>',
            # xgettext:no-python-format
            _("80 %-interval"),
        ),
        (
            '<line x1="0" x2="14" y1="-4" y2="-4" stroke="#0b2545" stroke-width="2.5"/>',
            _("mediaan"),
        ),
    ]
    delen = []
    for index, (staal, tekst) in enumerate(items):
        x = MARGE_LINKS + index * 150
        delen.append(
            f'<g transform="translate({x},{y0})">{staal}<text x="20" y="0" font-size="11" '
            f'fill="{TEKST}">{_e(tekst)}</text></g>'
        )
    return "".join(delen)


def intervaldiagram(
    *,
    sleutel: str,
    titel: str,
    beschrijving: str,
    categorieen: Sequence[str],
    banden: Banden,
    referentie: Sequence[float | None] = (),
    referentie_naam: str | None = None,
    eenheid: str = "",
) -> SafeString:
    """Bars at the median with whiskers for the 80 % (thick) and 95 % (thin) intervals, and a
    dashed reference mark per category (e.g. the budget), each labelled directly."""
    if referentie_naam is None:
        referentie_naam = _("budget")
    hoogste = max([*banden.p975, *[r for r in referentie if r is not None]], default=0.0)
    maximum, stap = _mooi_maximum(float(hoogste))
    as_markup, schaal = _y_as(maximum, stap, eenheid)
    plot_breedte = BREEDTE - MARGE_LINKS - MARGE_RECHTS
    groep = plot_breedte / max(len(categorieen), 1)
    staaf = min(56.0, groep * 0.45)
    basis = HOOGTE - MARGE_ONDER
    delen = [_kop(sleutel, titel, beschrijving), as_markup]
    middens = []
    for i, _categorie in enumerate(categorieen):
        midden = MARGE_LINKS + groep * (i + 0.5)
        middens.append(midden)
        h = banden.p50[i] * schaal
        delen.append(
            f'<rect x="{_getal(midden - staaf / 2)}" y="{_getal(basis - h)}" '
            f'width="{_getal(staaf)}" height="{_getal(h)}" fill="#a9c4e2" '
            f'stroke="{REEKSSTIJLEN[0][0]}" stroke-width="1.5" class="beleid-staaf"/>'
        )
        for onder, boven, dikte, breedte in (
            (banden.p025[i], banden.p975[i], 1.5, 8),
            (banden.p10[i], banden.p90[i], 4, 14),
        ):
            y1, y2 = basis - onder * schaal, basis - boven * schaal
            delen.append(
                f'<line x1="{_getal(midden)}" x2="{_getal(midden)}" y1="{_getal(y1)}" '
                f'y2="{_getal(y2)}" stroke="#0b2545" stroke-width="{dikte}"/>'
                f'<line x1="{_getal(midden - breedte / 2)}" x2="{_getal(midden + breedte / 2)}" '
                f'y1="{_getal(y2)}" y2="{_getal(y2)}" stroke="#0b2545" stroke-width="1.5"/>'
            )
        delen.append(
            f'<text x="{_getal(midden + staaf / 2 + 4)}" y="{_getal(basis - h + 12)}" '
            f'font-size="11" fill="{TEKST}" class="beleid-label">{_e(opmaak(banden.p50[i]))}</text>'
        )
        if i < len(referentie) and referentie[i] is not None:
            yr = basis - float(referentie[i]) * schaal
            delen.append(
                f'<line x1="{_getal(midden - groep * 0.45)}" x2="{_getal(midden + groep * 0.45)}" '
                f'y1="{_getal(yr)}" y2="{_getal(yr)}" stroke="#a4000f" stroke-width="2" '
                f'stroke-dasharray="6 3" class="beleid-referentie"/>'
                f'<text x="{_getal(midden - groep * 0.45)}" y="{_getal(yr - 4)}" font-size="11" '
                f'fill="#a4000f">{_e(referentie_naam)} {_e(opmaak(float(referentie[i])))}</text>'
            )
    delen.append(
        f'<line x1="{MARGE_LINKS}" x2="{BREEDTE - MARGE_RECHTS}" y1="{basis}" y2="{basis}" '
        f'stroke="{TEKST}" stroke-width="1"/>'
    )
    delen.append(_x_labels(categorieen, middens))
    delen.append(
        _legenda(
            [
                (
                    f'<rect width="14" height="14" fill="#a9c4e2" stroke="{REEKSSTIJLEN[0][0]}"/>',
                    _("mediaan"),
                ),
                ('<line x1="7" x2="7" y1="0" y2="14" stroke="#0b2545" stroke-width="4"/>', "80 %"),
                (
                    '<line x1="7" x2="7" y1="0" y2="14" stroke="#0b2545" stroke-width="1.5"/>',
                    "95 %",
                ),
                (
                    '<line x1="0" x2="14" y1="7" y2="7" stroke="#a4000f" stroke-width="2" '
                    'stroke-dasharray="6 3"/>',
                    referentie_naam,
                ),
            ]
        )
    )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308  # nosec B308 B703  # text escaped by _e()
