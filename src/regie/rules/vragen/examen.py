"""Is this exam attempt free? (Regeling inburgering 2021 art. 3.5; law.md R5.4, R5.7)"""

from __future__ import annotations

from datetime import date

from regie.rules import grondslagen as gs
from regie.rules.dossier import Dossier
from regie.rules.model import Doelgroep, ExamenGratis, Examenonderdeel, Leerroute, Niveau
from regie.rules.parameters import ParameterNaam, Parameters
from regie.rules.uitkomst import Conclusies, ExamenGratisAntwoord, Reden, Weigering
from regie.rules.vragen.pip import niveau_vastgesteld


def pip_niveau_op(dossier: Dossier, datum: date) -> Niveau | None:
    """The level of the PIP in force on ``datum``; A1 for a Z-route PIP without a level."""
    pip = dossier.pip_op(datum)
    if pip is None:
        return None
    if pip.leerroute is Leerroute.Z_ROUTE and pip.niveau is None:
        return Niveau.A1  # R5.11: the Z-route aims at A1
    return niveau_vastgesteld(pip.leerroute, pip.niveau)


def _onder_pip_niveau(
    dossier: Dossier, datum: date, onderdeel: Examenonderdeel, niveau: Niveau | None
) -> Niveau | None:
    """The PIP level when a language attempt on ``datum`` is below it, else None."""
    if not onderdeel.is_taal or niveau is None:
        return None  # KNM has no level and is never "lower"
    pip_niveau = pip_niveau_op(dossier, datum)
    if pip_niveau is not None and niveau.rang < pip_niveau.rang:
        return pip_niveau
    return None


def examen_gratis(
    vraag: ExamenGratis, dossier: Dossier, conclusies: Conclusies, parameters: Parameters
) -> ExamenGratisAntwoord:
    """The first 2 attempts per part are free for asylum status holders, KNM included, but not
    an attempt below the PIP's level; such attempts do not use up the free ones."""
    weigeringen: list[Weigering] = []
    onderdeel = vraag.onderdeel
    niveau_tekst = f" {vraag.niveau.value}" if vraag.niveau else ""
    trace = [f"poging {onderdeel.value}{niveau_tekst} op {vraag.datum}"]
    basis = gs.GRATIS_EXAMENPOGINGEN
    grondslagen: tuple[gs.Grondslag, ...] = (basis,)
    if onderdeel is Examenonderdeel.KNM:
        grondslagen = (basis, gs.GRATIS_EXAMENPOGINGEN_KNM)

    if conclusies.doelgroep.waarde is not Doelgroep.ASIELSTATUSHOUDER:
        weigeringen.append(
            Weigering(
                Reden.GEEN_ASIELSTATUSHOUDER,
                basis,
                "gratis pogingen gelden alleen voor asielstatushouders",
            )
        )

    pip_niveau = _onder_pip_niveau(dossier, vraag.datum, onderdeel, vraag.niveau)
    if pip_niveau is not None:
        weigeringen.append(
            Weigering(
                Reden.LAGER_NIVEAU_DAN_PIP,
                gs.EXAMEN_LAGER_NIVEAU,
                f"niveau {niveau_tekst.strip()} ligt onder het PIP-niveau {pip_niveau.value}; "
                "registreer eerst het afschalen",
            )
        )

    maximum = parameters.waarde(ParameterNaam.GRATIS_EXAMENPOGINGEN, vraag.datum)
    eerdere = [
        p for p in dossier.examenpogingen if p.onderdeel is onderdeel and p.datum < vraag.datum
    ]
    # Earlier attempts below the PIP's level were not free and do not use up free attempts.
    telt = [p for p in eerdere if _onder_pip_niveau(dossier, p.datum, onderdeel, p.niveau) is None]
    gebruikt = min(len(telt), maximum.waarde)
    trace.append(
        f"eerdere pogingen {onderdeel.value}: {len(eerdere)}, waarvan {len(telt)} op of boven "
        f"het PIP-niveau; gratis gebruikt: {gebruikt} van {maximum.tekst}"
    )
    if len(telt) >= maximum.waarde:
        weigeringen.append(
            Weigering(
                Reden.GRATIS_POGINGEN_OP,
                basis,
                f"de {maximum.waarde} gratis pogingen voor {onderdeel.value} zijn gebruikt",
            )
        )
    trace.append("gratis" if not weigeringen else "niet gratis")
    return ExamenGratisAntwoord(
        vraag.actie,
        tuple(weigeringen),
        gs.uniek(*grondslagen, maximum.grondslag),
        tuple(trace),
        gebruikt,
    )
