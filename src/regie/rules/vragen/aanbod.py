"""May an inburgeringsaanbod be delivered to DUO? (Inburgeringsaanbod API; law.md R11.2)"""

from __future__ import annotations

from regie.rules import grondslagen as gs
from regie.rules.dossier import Dossier
from regie.rules.model import AanbodAanleveren, Doelgroep
from regie.rules.uitkomst import Antwoord, Conclusies, Reden, Weigering


def aanbod_aanleveren(
    vraag: AanbodAanleveren, dossier: Dossier, conclusies: Conclusies
) -> Antwoord:
    """Only for asylum status holders, with a PIP, at a provider with keurmerk (Blik op Werk,
    or a recognised taalschakelinstelling for the onderwijsroute)."""
    grondslag = gs.AANBOD_AANLEVEREN
    weigeringen: list[Weigering] = []
    groep = conclusies.doelgroep.waarde
    trace = [f"doelgroep: {groep.value if groep else 'geen'}"]
    if groep is not Doelgroep.ASIELSTATUSHOUDER:
        weigeringen.append(
            Weigering(
                Reden.GEEN_ASIELSTATUSHOUDER,
                grondslag,
                "het inburgeringsaanbod via DUO is alleen voor asielstatushouders",
            )
        )
    pip = dossier.pip_op(dossier.peildatum)
    trace.append("geen PIP" if pip is None else f"actuele PIP van {pip.datum}")
    if pip is None:
        weigeringen.append(Weigering(Reden.GEEN_PIP, grondslag, "er is nog geen PIP"))
    trace.append(f"aanbieder met keurmerk: {'ja' if vraag.keurmerk else 'nee'}")
    if not vraag.keurmerk:
        weigeringen.append(
            Weigering(Reden.GEEN_KEURMERK, grondslag, "de aanbieder heeft geen keurmerk")
        )
    trace.append("toegestaan" if not weigeringen else "geweigerd")
    return Antwoord(vraag.actie, tuple(weigeringen), (grondslag, gs.KEURMERK), tuple(trace))
