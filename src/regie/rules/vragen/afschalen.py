"""May the college step down from B1 to A2? (Besluit inburgering 2021 art. 5.5; law.md R5.6)"""

from __future__ import annotations

from regie.rules import grondslagen as gs
from regie.rules.dossier import Dossier
from regie.rules.model import Afschalen, Leerroute, Uursoort
from regie.rules.parameters import ParameterNaam, Parameters
from regie.rules.uitkomst import AfschalenAntwoord, Reden, Weigering, naar_json


def afschalen(vraag: Afschalen, dossier: Dossier, parameters: Parameters) -> AfschalenAntwoord:
    datum = vraag.datum
    weigeringen: list[Weigering] = []
    trace: list[str] = []

    pip = dossier.pip_op(datum)
    if pip is None or pip.leerroute is not Leerroute.B1_ROUTE:
        huidig = "geen PIP" if pip is None else f"actuele PIP is {pip.leerroute.value}"
        trace.append(f"op {datum}: {huidig}")
        weigeringen.append(
            Weigering(
                Reden.GEEN_B1_ROUTE, gs.AFSCHALEN, f"afschalen kan alleen in de B1-route ({huidig})"
            )
        )
    else:
        trace.append(f"op {datum}: actuele PIP van {pip.datum} is de B1-route")

    # Only language/KNM hours at a provider with keurmerk count (§13.12, Wi art. 32).
    taaluren = [u for u in dossier.uren if u.soort is Uursoort.TAAL_KNM and u.datum <= datum]
    geteld = sum(u.uren for u in taaluren if u.keurmerk)
    zonder_keurmerk = sum(u.uren for u in taaluren if not u.keurmerk)
    minimum = parameters.waarde(ParameterNaam.AFSCHALEN_MIN_UREN, datum)
    trace.append(
        f"uren taal/KNM met keurmerk tot en met {datum}: {naar_json(geteld)}"
        + (
            f" (niet geteld zonder keurmerk: {naar_json(zonder_keurmerk)})"
            if zonder_keurmerk
            else ""
        )
    )
    if geteld < minimum.waarde:
        weigeringen.append(
            Weigering(
                Reden.TE_WEINIG_UREN,
                gs.AFSCHALEN,
                f"{naar_json(geteld)} uur met keurmerk is minder dan {minimum.waarde}",
            )
        )
    trace.append(f"minimum: {minimum.tekst}")
    # R5.6: "aantoonbaar voldoende inspanning" is the college's judgement, not computed here.
    trace.append("voldoende inspanning beoordeelt het college zelf")

    return AfschalenAntwoord(
        actie=vraag.actie,
        weigeringen=tuple(weigeringen),
        grondslagen=gs.uniek(gs.AFSCHALEN, gs.KEURMERK, minimum.grondslag),
        trace=tuple(trace),
        uren_geteld=geteld,
    )
