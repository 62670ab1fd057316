"""The PIP deadline (Besluit inburgering 2021 art. 5.3; law.md R4.3)."""

from __future__ import annotations

from datetime import date

from regie.rules import grondslagen as gs
from regie.rules.datums import plus_weken
from regie.rules.dossier import Dossier
from regie.rules.parameters import ParameterNaam, Parameters
from regie.rules.uitkomst import Bevinding


def pip_uiterlijk(dossier: Dossier, parameters: Parameters) -> Bevinding[date | None]:
    """The latest SS139 + 10 weeks; if third-party information arrived after that SS139, the
    later of that and the receipt + 2 weeks. Null without SS139.

    The latest SS139 counts because DUO re-issues it when an asylum status holder leaves the
    COA, and the 10 weeks then run from settling in the municipality (R4.3).
    """
    ss139 = dossier.duo_codes("SS139")
    if not ss139:
        return Bevinding(None, (gs.PIP_TERMIJN,), ("geen SS139 ontvangen: de PIP-klok loopt niet",))
    melding = ss139[-1].datum
    weken = parameters.waarde(ParameterNaam.PIP_TERMIJN_WEKEN, melding)
    uiterlijk = plus_weken(melding, weken.waarde)
    trace = [f"SS139 op {melding} + {weken.waarde} weken ({weken.tekst}) = {uiterlijk}"]
    na_melding = [d for d in dossier.informatie_derden if d > melding]
    if na_melding:
        ontvangen = na_melding[-1]
        extra = parameters.waarde(ParameterNaam.INFORMATIE_DERDEN_WEKEN, ontvangen)
        uiterlijk_derden = plus_weken(ontvangen, extra.waarde)
        trace.append(
            f"informatie van derden ontvangen op {ontvangen} + {extra.waarde} weken "
            f"({extra.tekst}) = {uiterlijk_derden}"
        )
        if uiterlijk_derden > uiterlijk:
            uiterlijk = uiterlijk_derden
        trace.append(f"de laatste van beide: {uiterlijk}")
        return Bevinding(
            uiterlijk, gs.uniek(gs.PIP_TERMIJN, weken.grondslag, extra.grondslag), tuple(trace)
        )
    return Bevinding(uiterlijk, gs.uniek(gs.PIP_TERMIJN, weken.grondslag), tuple(trace))
