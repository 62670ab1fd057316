"""Ontzorgen (art. 56a Participatiewet) and maatschappelijke begeleiding (law.md §8)."""

from __future__ import annotations

from datetime import date

from regie.rules import grondslagen as gs
from regie.rules.datums import EEN_DAG, plus_maanden
from regie.rules.dossier import Dossier
from regie.rules.model import Doelgroep, Verblijf
from regie.rules.parameters import ParameterNaam, Parameters
from regie.rules.uitkomst import Bevinding, Ontzorgen


def onder_plicht(
    dossier: Dossier, vanaf: Bevinding[date | None], plichtig: Bevinding[bool]
) -> bool:
    """Obliged on the peildatum, or obliged from a later date (a minor before 18).

    R8.1 and R8.5 give guidance and ontzorgen to *obliged* people; someone out of scope
    (no bekendmaking, 8+ years leerplichtig, past AOW age, obligation ended) gets neither.
    """
    return plichtig.waarde or (vanaf.waarde is not None and vanaf.waarde > dossier.peildatum)


def ontzorgen(
    dossier: Dossier,
    parameters: Parameters,
    vanaf: Bevinding[date | None],
    plichtig: Bevinding[bool],
) -> Bevinding[Ontzorgen]:
    """Right for an obliged holder of a temporary asylum permit (nareizigers with a dependent
    asylum permit included) on bijstand, for at least the first 6 months of bijstand
    (R8.5, R8.6). Nareizigers with a *regular* permit have no right (S11)."""
    verblijf = dossier.persoon.verblijf
    grondslagen: tuple[gs.Grondslag, ...] = (gs.ONTZORGEN_DOELGROEP,)
    if verblijf is not Verblijf.ASIEL_BEPAALDE_TIJD:
        return Bevinding(
            Ontzorgen(recht=False, minimaal_tot=None),
            grondslagen,
            (f"verblijf {verblijf.value}: geen verblijfsvergunning asiel, geen ontzorgen",),
        )
    if not onder_plicht(dossier, vanaf, plichtig):
        return Bevinding(
            Ontzorgen(recht=False, minimaal_tot=None),
            grondslagen,
            ("niet inburgeringsplichtig: geen ontzorgen",),
        )
    if not dossier.bijstand:
        return Bevinding(
            Ontzorgen(recht=False, minimaal_tot=None),
            grondslagen,
            ("geen bijstand gestart op of vóór de peildatum: nog geen ontzorgen",),
        )
    # The first months of bijstand count, so the first bijstand start.
    bijstand = dossier.bijstand[0]
    maanden = parameters.waarde(ParameterNaam.ONTZORGEN_MIN_MAANDEN, bijstand)
    tot = plus_maanden(bijstand, maanden.waarde) - EEN_DAG
    return Bevinding(
        Ontzorgen(recht=True, minimaal_tot=tot),
        gs.uniek(*grondslagen, gs.ONTZORGEN_DUUR, maanden.grondslag),
        (
            f"verblijf asiel_bepaalde_tijd, bijstand gestart op {bijstand}: recht op ontzorgen",
            f"ten minste tot {bijstand} + {maanden.waarde} maanden - 1 dag = {tot} "
            f"({maanden.tekst})",
        ),
    )


def maatschappelijke_begeleiding(
    dossier: Dossier,
    groep: Bevinding[Doelgroep | None],
    vanaf: Bevinding[date | None],
    plichtig: Bevinding[bool],
) -> Bevinding[bool]:
    """For obliged asylum status holders, nareizigers with a regular permit included (R8.1)."""
    if groep.waarde is not Doelgroep.ASIELSTATUSHOUDER:
        naam = "geen doelgroep" if groep.waarde is None else groep.waarde.value
        return Bevinding(
            False,
            (gs.MAATSCHAPPELIJKE_BEGELEIDING,),
            (f"{naam}: geen maatschappelijke begeleiding",),
        )
    if not onder_plicht(dossier, vanaf, plichtig):
        return Bevinding(
            False,
            (gs.MAATSCHAPPELIJKE_BEGELEIDING,),
            ("asielstatushouder maar niet inburgeringsplichtig: geen begeleiding",),
        )
    return Bevinding(
        True,
        (gs.MAATSCHAPPELIJKE_BEGELEIDING, gs.DOELGROEP_ASIELSTATUSHOUDER),
        ("inburgeringsplichtige asielstatushouder: maatschappelijke begeleiding",),
    )
