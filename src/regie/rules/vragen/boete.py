"""May the college impose a fine? (Wi 2021 arts 22 and 23; law.md §9)"""

from __future__ import annotations

from regie.rules import grondslagen as gs
from regie.rules.conclusies.plicht import regime_van_plicht
from regie.rules.dossier import Dossier
from regie.rules.model import BoeteGrond, BoeteOpleggen, Regime
from regie.rules.parameters import ParameterNaam, Parameters
from regie.rules.uitkomst import BoeteAntwoord, Conclusies, Reden, Weigering

_GRONDSLAG = {
    BoeteGrond.BREDE_INTAKE: gs.BOETE_BREDE_INTAKE,
    BoeteGrond.PIP_NALEVING: gs.BOETE_PIP_NALEVING,
}


def boete_opleggen(
    vraag: BoeteOpleggen, dossier: Dossier, conclusies: Conclusies, parameters: Parameters
) -> BoeteAntwoord:
    """A fine needs an obligation under the Wi 2021, for pip_naleving a PIP, and culpability
    (Awb 5:41). The answer gives the statutory maximum, not the amount to impose."""
    grondslag = _GRONDSLAG[vraag.grond]
    weigeringen: list[Weigering] = []
    trace = [f"boete wegens {vraag.grond.value} (Wi art. {grondslag.artikel})"]

    if not conclusies.inburgeringsplichtig.waarde:
        weigeringen.append(
            Weigering(Reden.GEEN_PLICHT, grondslag, "niet inburgeringsplichtig op de peildatum")
        )
    vanaf = conclusies.plicht_vanaf.waarde
    if vanaf is not None and regime_van_plicht(vanaf) is Regime.WI2013:
        weigeringen.append(
            Weigering(
                Reden.ANDER_REGIME,
                gs.OVERGANGSRECHT_WI2013,
                f"plicht ontstaan op {vanaf}: Wet inburgering 2013, geen boete onder Wi 2021",
            )
        )
    if vraag.grond is BoeteGrond.PIP_NALEVING and dossier.pip_op(dossier.peildatum) is None:
        weigeringen.append(
            Weigering(Reden.GEEN_PIP, grondslag, "zonder PIP is er geen PIP om na te leven")
        )
    if not vraag.verwijtbaar:
        weigeringen.append(
            Weigering(
                Reden.NIET_VERWIJTBAAR,
                gs.GEEN_BOETE_ZONDER_VERWIJT,
                "geen boete als de overtreding niet verwijtbaar is",
            )
        )

    maximum = parameters.waarde(ParameterNaam.BOETE_MAX_BEDRAG, dossier.peildatum)
    if weigeringen:
        trace.append("geweigerd")
        return BoeteAntwoord(vraag.actie, tuple(weigeringen), (grondslag,), tuple(trace), None)
    trace.append(f"toegestaan; maximum {maximum.tekst} (zware procedure, Awb 5:53)")
    return BoeteAntwoord(
        vraag.actie, (), gs.uniek(grondslag, maximum.grondslag), tuple(trace), maximum.waarde
    )
