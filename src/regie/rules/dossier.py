"""The facts of one evaluation: the events known on the peildatum, sorted and indexed by kind.

Design choice (docs/rules.md, "Peildatum"): the engine evaluates the dossier *as it stood on
the peildatum*. Events dated after the peildatum are not yet facts and are left out of every
rule, so re-evaluating an old peildatum reproduces what the engine said then. The contract
states this explicitly for some rules ("on or before the peildatum", "up to
min(peildatum, venster_eind)"); applying it to all keeps the rules consistent.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from regie.rules import model as m

_OP_DATUM = attrgetter("datum")


@dataclass(frozen=True, slots=True)
class Dossier:
    peildatum: date
    persoon: m.Persoon
    # All events on or before the peildatum, sorted by date, stable for equal dates.
    gebeurtenissen: tuple[m.Gebeurtenis, ...]
    bekendmakingen: tuple[date, ...]
    gemeentegebeurtenissen: tuple[m.Koppeling | m.Vestiging | m.Verhuizing, ...]
    vestigingen: tuple[m.Vestiging | m.Verhuizing, ...]
    duo: tuple[m.DuoGebeurtenis, ...]
    informatie_derden: tuple[date, ...]
    pips: tuple[m.PipVastgesteld, ...]
    pip_datums: tuple[date, ...]
    gesprekken: tuple[date, ...]
    uren: tuple[m.Uren, ...]
    examenpogingen: tuple[m.Examenpoging, ...]
    bijstand: tuple[date, ...]
    zroute_afgerond: tuple[date, ...]
    verlengingen: tuple[m.TermijnVerlengd, ...]
    beeindigingen: tuple[m.PlichtBeeindigd, ...]

    @property
    def eerste_pip(self) -> m.PipVastgesteld | None:
        return self.pips[0] if self.pips else None

    def pip_op(self, datum: date) -> m.PipVastgesteld | None:
        """The current PIP on ``datum``: the latest PIP dated on or before it (contract)."""
        index = bisect_right(self.pip_datums, datum)
        return self.pips[index - 1] if index else None

    def duo_codes(self, *codes: str) -> tuple[m.DuoGebeurtenis, ...]:
        return tuple(g for g in self.duo if g.code in codes)


_SOORTEN: tuple[type, ...] = (
    m.VerblijfsrechtBekendgemaakt,
    m.Koppeling,
    m.Vestiging,
    m.Verhuizing,
    m.DuoGebeurtenis,
    m.InformatieDerdenOntvangen,
    m.BredeIntakeAfgerond,
    m.PipVastgesteld,
    m.Voortgangsgesprek,
    m.Uren,
    m.Examenpoging,
    m.BijstandGestart,
    m.PvtOndertekend,
    m.MapEindgesprek,
    m.ZrouteAfgerond,
    m.TermijnVerlengd,
    m.PlichtBeeindigd,
)


def maak_dossier(
    peildatum: date, persoon: m.Persoon, gebeurtenissen: tuple[m.Gebeurtenis, ...]
) -> Dossier:
    # sorted() is stable: events on the same date keep their input order.
    alle = sorted(gebeurtenissen, key=_OP_DATUM)
    bekend = [g for g in alle if g.datum <= peildatum]
    per_soort: dict[type, list] = {soort: [] for soort in _SOORTEN}
    for g in bekend:
        per_soort[type(g)].append(g)

    def datums(soort: type) -> tuple[date, ...]:
        return tuple(g.datum for g in per_soort[soort])

    vestigingen = tuple(g for g in bekend if type(g) is m.Vestiging or type(g) is m.Verhuizing)
    pips = tuple(per_soort[m.PipVastgesteld])
    # brede_intake_afgerond, pvt_ondertekend, map_eindgesprek: no rule of the contract uses
    # them yet; they stay available in ``gebeurtenissen``.
    return Dossier(
        peildatum=peildatum,
        persoon=persoon,
        gebeurtenissen=tuple(bekend),
        bekendmakingen=datums(m.VerblijfsrechtBekendgemaakt),
        gemeentegebeurtenissen=tuple(
            g
            for g in bekend
            if type(g) is m.Koppeling or type(g) is m.Vestiging or type(g) is m.Verhuizing
        ),
        vestigingen=vestigingen,
        duo=tuple(per_soort[m.DuoGebeurtenis]),
        informatie_derden=datums(m.InformatieDerdenOntvangen),
        pips=pips,
        pip_datums=tuple(p.datum for p in pips),
        gesprekken=datums(m.Voortgangsgesprek),
        uren=tuple(per_soort[m.Uren]),
        examenpogingen=tuple(per_soort[m.Examenpoging]),
        bijstand=datums(m.BijstandGestart),
        zroute_afgerond=datums(m.ZrouteAfgerond),
        verlengingen=tuple(per_soort[m.TermijnVerlengd]),
        beeindigingen=tuple(per_soort[m.PlichtBeeindigd]),
    )
