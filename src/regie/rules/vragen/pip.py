"""May this PIP be delivered to DUO? DUO's registration rules (law.md R4.5; SDI014)."""

from __future__ import annotations

from regie.rules import grondslagen as gs
from regie.rules.dossier import Dossier
from regie.rules.model import Doelgroep, Leerroute, Niveau, PipAanleveren
from regie.rules.uitkomst import Conclusies, PipAanleverenAntwoord, Reden, Weigering

# DUO: without a level, B1 is recorded for the B1-route and the onderwijsroute.
_STANDAARDNIVEAU = {Leerroute.B1_ROUTE: Niveau.B1, Leerroute.ONDERWIJSROUTE: Niveau.B1}


def niveau_vastgesteld(leerroute: Leerroute, niveau: Niveau | None) -> Niveau | None:
    return niveau if niveau is not None else _STANDAARDNIVEAU.get(leerroute)


def _intensiteit(vraag: PipAanleveren, conclusies: Conclusies, trace: list[str]) -> list[Weigering]:
    """DUO accepts the estimated hours of the B1-route only with the B1-route and only for an
    asylum migrant (DUO M2M README, "Het aanleveren van een PIP"); the doelgroep is the
    engine's own conclusion (SS124/SS125 switch it), never the residence read again."""
    groep = conclusies.doelgroep.waarde
    trace.append(
        f"geschatte intensiteit {vraag.geschatte_intensiteit} uur, doelgroep "
        f"{groep.value if groep else 'geen'}"
    )
    bezwaren = []
    if vraag.leerroute is not Leerroute.B1_ROUTE:
        bezwaren.append(f"de leerroute is {vraag.leerroute.value}, niet de B1-route")
    if groep is not Doelgroep.ASIELSTATUSHOUDER:
        bezwaren.append(
            "de inburgeraar is geen asielstatushouder"
            if groep
            else "er is geen doelgroep (geen inburgeringsplicht)"
        )
    if not bezwaren:
        return []
    return [
        Weigering(
            Reden.INTENSITEIT_NIET_TOEGESTAAN,
            gs.PIP_INTENSITEIT_B1,
            "de geschatte intensiteit B1-route mag alleen bij de B1-route van een "
            f"asielstatushouder worden aangeleverd: {' en '.join(bezwaren)}",
        )
    ]


def pip_aanleveren(
    vraag: PipAanleveren, dossier: Dossier, conclusies: Conclusies
) -> PipAanleverenAntwoord:
    dagtekening = vraag.dagtekening
    weigeringen: list[Weigering] = []
    trace: list[str] = [
        f"PIP met dagtekening {dagtekening}, {vraag.leerroute.value}, niveau "
        f"{vraag.niveau.value if vraag.niveau else 'niet opgegeven'}"
    ]

    if not dossier.vestigingen:
        weigeringen.append(
            Weigering(
                Reden.NOG_NIET_GEVESTIGD,
                gs.PIP_DAGTEKENING_VESTIGING,
                "er is geen vestiging of verhuizing bekend op of vóór de peildatum",
            )
        )
    else:
        vestiging = dossier.vestigingen[-1]
        trace.append(f"laatste vestiging/verhuizing: {vestiging.datum} ({vestiging.gemeente})")
        if dagtekening < vestiging.datum:
            weigeringen.append(
                Weigering(
                    Reden.DAGTEKENING_VOOR_VESTIGING,
                    gs.PIP_DAGTEKENING_VESTIGING,
                    f"dagtekening {dagtekening} ligt vóór de vestiging op {vestiging.datum}",
                )
            )

    vanaf = conclusies.plicht_vanaf.waarde
    if vanaf is None:
        weigeringen.append(
            Weigering(
                Reden.GEEN_PLICHT,
                gs.PIP_DAGTEKENING_START_PLICHT,
                "er is geen inburgeringsplicht waarvoor een PIP kan worden vastgesteld",
            )
        )
    elif dagtekening < vanaf:
        weigeringen.append(
            Weigering(
                Reden.DAGTEKENING_VOOR_START_PLICHT,
                gs.PIP_DAGTEKENING_START_PLICHT,
                f"dagtekening {dagtekening} ligt vóór de start van de plicht op {vanaf}",
            )
        )

    eerste = dossier.eerste_pip
    actueel = dossier.pip_op(dossier.peildatum)
    if eerste is not None and actueel is not None:
        trace.append(f"eerste PIP {eerste.datum}, actuele PIP {actueel.datum}: gewijzigd PIP")
        grens = max(eerste.datum, actueel.datum)
        if dagtekening < grens:
            weigeringen.append(
                Weigering(
                    Reden.DAGTEKENING_VOOR_EERDERE_PIP,
                    gs.PIP_DAGTEKENING_EERDERE_PIP,
                    f"dagtekening {dagtekening} ligt vóór de eerste of actuele PIP ({grens})",
                )
            )
    else:
        trace.append("nog geen PIP: dit is het eerste PIP")

    niveau = niveau_vastgesteld(vraag.leerroute, vraag.niveau)
    grondslagen: tuple[gs.Grondslag, ...] = (gs.PIP_AANLEVEREN,)
    if vraag.niveau is None and niveau is not None:
        trace.append(f"geen niveau opgegeven: DUO stelt {niveau.value} vast")
        grondslagen = (*grondslagen, gs.PIP_NIVEAU_STANDAARD)

    if niveau is Niveau.A2 and vraag.leerroute is Leerroute.ONDERWIJSROUTE:
        weigeringen.append(
            Weigering(
                Reden.A2_MET_ONDERWIJSROUTE,
                gs.PIP_NIVEAU_LEERROUTE,
                "niveau A2 kan niet met de onderwijsroute (doel B1 of hoger)",
            )
        )
    if niveau is Niveau.B1 and vraag.leerroute is Leerroute.Z_ROUTE:
        weigeringen.append(
            Weigering(
                Reden.B1_MET_ZROUTE, gs.PIP_NIVEAU_LEERROUTE, "niveau B1 kan niet met de Z-route"
            )
        )
    if niveau is Niveau.A2 and vraag.leerroute is Leerroute.B1_ROUTE and actueel is None:
        weigeringen.append(
            Weigering(
                Reden.A2_B1ROUTE_EERSTE_PIP,
                gs.PIP_A2_EERSTE_PIP,
                "A2 in de B1-route kan niet in het eerste PIP; afschalen kan pas later",
            )
        )

    if vraag.geschatte_intensiteit is not None:
        weigeringen.extend(_intensiteit(vraag, conclusies, trace))

    trace.append("toegestaan" if not weigeringen else "geweigerd")
    return PipAanleverenAntwoord(
        actie=vraag.actie,
        weigeringen=tuple(weigeringen),
        grondslagen=grondslagen,
        trace=tuple(trace),
        niveau_vastgesteld=niveau,
    )
