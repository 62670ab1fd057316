"""Which municipality has regie on the peildatum (Wi art. 1 'college'; law.md R3.4)."""

from __future__ import annotations

from regie.rules import grondslagen as gs
from regie.rules.dossier import Dossier
from regie.rules.uitkomst import Bevinding

_SOORT = {"Koppeling": "koppeling", "Vestiging": "vestiging", "Verhuizing": "verhuizing"}


def regie_gemeente(dossier: Dossier) -> Bevinding[str | None]:
    """The municipality of the latest koppeling, vestiging or verhuizing on or before the
    peildatum: regie starts at the COA koppeling and follows the person when they settle or
    move (SS121)."""
    if not dossier.gemeentegebeurtenissen:
        return Bevinding(
            None, (gs.REGIE_GEMEENTE,), ("geen koppeling, vestiging of verhuizing bekend",)
        )
    laatste = dossier.gemeentegebeurtenissen[-1]
    soort = _SOORT[type(laatste).__name__]
    return Bevinding(
        laatste.gemeente,
        (gs.REGIE_GEMEENTE,),
        (f"laatste {soort} op {laatste.datum}: gemeente {laatste.gemeente}",),
    )
