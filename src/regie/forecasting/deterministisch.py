"""The framework's own calculation (beleidskader §6.1), exactly, in decimals.

obliged in a year = (quota first half + quota second half) × adult share
per route          = obliged × the route's percentage / 100

With the register's 17 / 14 / 39 per half year, ½ adults and 15 / 60 / 25 % this gives the
framework's table: 17 / 14 / 39 obliged, 70 in total, of whom 10,5 Z-route, 42 B1-route and
17,5 onderwijsroute (and per municipality e.g. Cranendonck 2,55 / 10,2 / 4,25).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from regie.forecasting.models import LEERROUTES


@dataclass(frozen=True)
class DeterministischeRij:
    naam: str
    halfjaar_1: Decimal
    halfjaar_2: Decimal
    statushouders: Decimal
    inburgeringsplichtig: Decimal
    per_route: dict[str, Decimal]
    gezinsmigranten: Decimal
    aangenomen: bool = False


@dataclass(frozen=True)
class Invoerrij:
    naam: str
    halfjaar_1: int
    halfjaar_2: int
    gezin_1: int = 0
    gezin_2: int = 0
    aangenomen: bool = False


def deterministische_tabel(
    rijen: Sequence[Invoerrij], *, aandeel_volwassen: Decimal, procenten: dict[str, Decimal]
) -> list[DeterministischeRij]:
    """One row per municipality and a total row ("Totaal") at the end."""
    uit: list[DeterministischeRij] = []
    for rij in rijen:
        statushouders = Decimal(rij.halfjaar_1 + rij.halfjaar_2)
        plichtig = statushouders * aandeel_volwassen
        uit.append(
            DeterministischeRij(
                naam=rij.naam,
                halfjaar_1=Decimal(rij.halfjaar_1),
                halfjaar_2=Decimal(rij.halfjaar_2),
                statushouders=statushouders,
                inburgeringsplichtig=plichtig,
                per_route={r: plichtig * procenten[r] / 100 for r in LEERROUTES},
                gezinsmigranten=Decimal(rij.gezin_1 + rij.gezin_2),
                aangenomen=rij.aangenomen,
            )
        )
    uit.append(
        DeterministischeRij(
            naam="Totaal",
            halfjaar_1=sum((r.halfjaar_1 for r in uit), Decimal(0)),
            halfjaar_2=sum((r.halfjaar_2 for r in uit), Decimal(0)),
            statushouders=sum((r.statushouders for r in uit), Decimal(0)),
            inburgeringsplichtig=sum((r.inburgeringsplichtig for r in uit), Decimal(0)),
            per_route={r: sum((x.per_route[r] for x in uit), Decimal(0)) for r in LEERROUTES},
            gezinsmigranten=sum((r.gezinsmigranten for r in uit), Decimal(0)),
            aangenomen=any(r.aangenomen for r in uit),
        )
    )
    return uit
