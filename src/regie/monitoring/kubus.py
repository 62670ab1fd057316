"""The cube of counts behind a dashboard page, protected as one whole.

Counts per (measure, municipality | REGIO, cohort | ALLE): the region is the sum over the
municipalities in scope, ALLE the sum over the cohorts. The lines along both margins, and the
subsets and partitions of ``INDELINGEN`` (PIP on time ⊂ PIP with a deadline; Z + B1 + onderwijs
= PIPs with a known route; the weeks-to-PIP classes = their count), go into one suppression
problem (regie.monitoring.privacy.onderdruk), so no shown number reveals a hidden one.
"""

from __future__ import annotations

from collections.abc import Hashable

from django.utils.translation import gettext_lazy as _

from regie.monitoring.privacy import (
    Cel,
    aandeel,
    indeling_lijnen,
    onderdruk,
    over_groep,
    toon,
    zichtbaar,
)
from regie.monitoring.selectors import TELLINGEN, Groepen, mediaan, telling

# Labels are lazy: turn them into ``str`` (in the active language) where a table uses them.
LEERROUTES = {
    "z_route": _("Z-route"),
    "b1_route": _("B1-route"),
    "onderwijsroute": _("Onderwijsroute"),
}
WEKEN_GRENZEN = (10, 20, 30, 40)
KLASSEN = [
    _("< 10 weken"),
    _("10–19 weken"),
    _("20–29 weken"),
    _("30–39 weken"),
    _("40 weken of meer"),
]
KLASSE_NAMEN = [f"kp_klasse_{i}" for i in range(len(KLASSEN))]
ALLE = "alle"
REGIO = "regio"

INDELINGEN: list[tuple[list[str], str]] = [
    (["met_koppeling"], "dossiers"),
    (["intake"], "dossiers"),
    (["pip", "zonder_pip_verlopen"], "dossiers"),
    (["pip_met_termijn"], "pip"),
    (["pip_tijdig"], "pip_met_termijn"),
    (["gevestigd"], "met_koppeling"),
    (["wacht_3mnd"], "gevestigd"),
    (["plicht_6mnd"], "dossiers"),
    (["pip_binnen_6mnd"], "plicht_6mnd"),
    (["route_z_route", "route_b1_route", "route_onderwijsroute"], "pip_route_bekend"),
    (["pip_route_bekend"], "pip"),
    (["pip_1jaar"], "pip"),
    (["gesprekken_norm"], "pip_1jaar"),
    (["voldaan"], "dossiers"),
    (KLASSE_NAMEN, "kp_n"),
    (["kp_n"], "pip"),
    # Counted by other apps (regie.monitoring.elders), subsets of this cube's measures.
    (["advies_afwijkend"], "intake"),
    (["duaal"], "pip"),
]
ELDERS = ("advies_afwijkend", "duaal")


def _klasse(dagen: int) -> int:
    weken = dagen // 7
    return sum(1 for grens in WEKEN_GRENZEN if weken >= grens)


class Kubus:
    """Counts per (measure, municipality | REGIO, cohort | ALLE), suppressed together."""

    def __init__(self, groepen: Groepen, gemeente_ids: list[int], met_regio: bool):
        self.groepen = groepen
        self.gids = gemeente_ids
        self.kolommen: list[Hashable] = [*gemeente_ids, *([REGIO] if met_regio else [])]
        self.cohorten: list[Hashable] = [*groepen.cohorten, ALLE]
        namen = [*TELLINGEN, *ELDERS, "pip_route_bekend", *KLASSE_NAMEN, "kp_n"]
        w: dict[Hashable, int] = {}
        for g in gemeente_ids:
            for c in groepen.cohorten:
                kern = groepen.kern.get((g, c), {})
                for naam in (*TELLINGEN, *ELDERS):
                    w[(naam, g, c)] = kern.get(naam, 0)
                w[("pip_route_bekend", g, c)] = sum(kern.get(f"route_{r}", 0) for r in LEERROUTES)
                klassen = [0] * len(KLASSEN)
                for dagen, n in groepen.verdeling.get((g, c, "koppeling_pip"), {}).items():
                    klassen[_klasse(dagen)] += n
                for naam, n in zip(KLASSE_NAMEN, klassen, strict=True):
                    w[(naam, g, c)] = n
                w[("kp_n", g, c)] = sum(klassen)
        self._marges(w, namen, met_regio)
        lijnen = indeling_lijnen(
            w, namen, [(g, c) for g in self.kolommen for c in self.cohorten], INDELINGEN
        )
        rijen = sorted({k[0] for k in w})  # type: ignore[index]
        for r in rijen:
            if met_regio:
                lijnen += [
                    ([(r, g, c) for g in gemeente_ids], (r, REGIO, c)) for c in self.cohorten
                ]
            lijnen += [([(r, g, c) for c in groepen.cohorten], (r, g, ALLE)) for g in self.kolommen]
        self.waarden = w
        self.weg = onderdruk(w, lijnen)

    def _marges(self, w: dict[Hashable, int], namen: list[str], met_regio: bool) -> None:
        for naam in namen:
            for g in self.gids:
                w[(naam, g, ALLE)] = sum(w[(naam, g, c)] for c in self.groepen.cohorten)
            if met_regio:
                for c in self.cohorten:
                    w[(naam, REGIO, c)] = sum(w[(naam, g, c)] for g in self.gids)

    def cel(self, naam: str, g: Hashable, c: Hashable) -> Cel:
        return toon(self.waarden, self.weg, (naam, g, c))

    def aandeel(self, teller: str, noemer: str, g: Hashable, c: Hashable) -> Cel:
        return aandeel(zichtbaar(self.cel(teller, g, c)), zichtbaar(self.cel(noemer, g, c)))

    def gemeenten_van(self, g: Hashable) -> list[int]:
        return self.gids if g == REGIO else [g]  # type: ignore[list-item]

    def cohorten_van(self, c: Hashable) -> list[int]:
        return self.groepen.cohorten if c == ALLE else [c]  # type: ignore[list-item]

    def mediaan(self, maat: str, g: Hashable, c: Hashable) -> Cel:
        verdeling = telling(self.groepen, self.gemeenten_van(g), self.cohorten_van(c), maat)
        waarde = mediaan(verdeling)
        decimalen = 1 if waarde is not None and waarde % 1 else 0  # a median of an even count
        return over_groep(waarde, sum(verdeling.values()), decimalen=decimalen, eenheid="dagen")
