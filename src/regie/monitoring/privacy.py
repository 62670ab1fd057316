"""The small-numbers rule for everything a policy officer sees: one helper, used by the screens,
the charts, the CSV/XLSX exports and the council report alike.

The rule (documented for the policy officer on every dashboard page):

1. **Primary suppression.** A count of 1 to 4 persons is shown as ``<5``. Zero is shown: it says
   that nobody in the group has the property, which is itself the aggregate answer.
2. **Derived numbers.** A share is shown only when its numerator and denominator are shown, the
   denominator is at least 5, and neither the numerator nor the complement (denominator minus
   numerator) is 1 to 4 — otherwise "75 % of 8" would give away "2 were late"; a hidden share
   is shown as ``×``. A median or another statistic over fewer than 5 persons is shown as
   ``<5`` (the group is that small).
3. **Secondary suppression.** Where cells add up to a shown total (the municipalities to the
   region, the cohorts to "all cohorts", the bins of a distribution to its count, Z + B1 +
   onderwijs to the PIPs), a single suppressed cell could be computed back as total minus the
   others. In every such line with exactly one suppressed member — or whose hidden cells add up
   to 1 to 4 while the total is shown — the smallest other positive cell is suppressed too (or,
   if there is none, the total). Subsets count as lines with a
   hidden rest (PIPs on time + the late ones = PIPs with a deadline), so a rest of 1 to 4 is
   protected as well. All numbers of a page form one problem, solved together, so a value
   hidden in one table is never shown in another; lines are re-checked until nothing changes.
   A count hidden this way is shown as ``×``, not ``<5``: it is not small itself, and ``<5``
   would state something untrue.

Suppressed cells keep no value at all (``Cel.waarde is None``): nothing downstream — a chart, a
``data-`` attribute, an export — can leak it by accident.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy

DREMPEL = 5
# The markers are the same in every language (not translated); the templates translate their
# explanation (monitoring/dashboard.html, forecasting/raadsrapport.html).
ONDERDRUKT = "<5"  # a count of 1 to 4 persons
VERBORGEN = "×"  # hidden because a count of 1 to 4 could otherwise be worked out from it
Getal = int | float | Decimal


def is_klein(n: Getal | None) -> bool:
    """A count of persons that may not be shown: 1 up to and including DREMPEL - 1."""
    return n is not None and 0 < n < DREMPEL


def opmaak(waarde: Getal, decimalen: int = 0) -> str:
    """Numbers as the active language writes them (nl: 1.234,5), with grouping."""
    return number_format(waarde, decimal_pos=decimalen, use_l10n=True, force_grouping=True)


def _kort(waarde: Getal, max_decimalen: int) -> tuple[Decimal, int]:
    tekst = f"{Decimal(str(waarde)):.{max_decimalen}f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return Decimal(tekst), (len(tekst.split(".")[1]) if "." in tekst else 0)


def opmaak_kort(waarde: Getal, max_decimalen: int = 2) -> str:
    """Up to ``max_decimalen`` decimals, trailing zeros dropped: 10,5 / 42 / 2,55."""
    getal, decimalen = _kort(waarde, max_decimalen)
    return opmaak(getal, decimalen)


@dataclass(frozen=True)
class Cel:
    """One shown value: its text, and its number unless suppressed (then ``waarde`` is None)."""

    tekst: str
    waarde: Getal | None = None
    onderdrukt: bool = False
    eenheid: str = ""  # "%", "dagen", "€" …: for exports and chart labels
    decimalen: int = 0  # as shown, so an export can format the number the same way

    def __str__(self) -> str:
        return self.tekst

    @property
    def leeg(self) -> bool:
        return self.waarde is None and not self.onderdrukt


LEEG = Cel("—")
NIET_GEMETEN = Cel(gettext_lazy("nog niet gemeten"))  # type: ignore[arg-type]


def onderdrukte_cel(eenheid: str = "", *, klein: bool = True) -> Cel:
    """A hidden cell: ``<5`` for a small count itself, ``×`` for a number hidden to protect
    one (secondary suppression, or a share or statistic that would reveal a small count)."""
    return Cel(ONDERDRUKT if klein else VERBORGEN, None, True, eenheid)


def getal(waarde: Getal | None, decimalen: int = 0, eenheid: str = "") -> Cel:
    """A number that is not a count of persons (a forecast, a quota, an amount)."""
    if waarde is None:
        return LEEG
    tekst = opmaak(waarde, decimalen)
    if eenheid == "€":
        tekst = f"€ {tekst}"
    elif eenheid == "%":
        tekst = f"{tekst} %"
    return Cel(tekst, waarde, False, eenheid, decimalen)


def getal_kort(waarde: Getal | None, max_decimalen: int = 2) -> Cel:
    """A number with as many decimals as it needs, up to ``max_decimalen`` (10,5 / 42 / 2,55)."""
    if waarde is None:
        return LEEG
    afgerond, decimalen = _kort(waarde, max_decimalen)
    return Cel(opmaak(afgerond, decimalen), afgerond, False, "", decimalen)


def aantal(n: int | None) -> Cel:
    """A count of persons, primary suppression only (use ``onderdruk_lijn`` when it has a
    shown total)."""
    if n is None:
        return LEEG
    if is_klein(n):
        return onderdrukte_cel()
    return Cel(opmaak(n), n)


def aandeel(teller: int | None, noemer: int | None, *, decimalen: int = 0) -> Cel:
    """A share in percent under rule 2. ``teller``/``noemer`` None means already suppressed."""
    if teller is None or noemer is None:
        return onderdrukte_cel("%", klein=False)
    if noemer == 0:
        return LEEG
    if noemer < DREMPEL or is_klein(teller) or is_klein(noemer - teller):
        return onderdrukte_cel("%", klein=False)
    return getal(round(100 * teller / noemer, decimalen), decimalen, "%")


def over_groep(waarde: Getal | None, n: int, *, decimalen: int = 0, eenheid: str = "") -> Cel:
    """A statistic over a group of ``n`` persons (median, mean): hidden below DREMPEL."""
    if n == 0 or waarde is None:
        return LEEG
    if n < DREMPEL:
        return onderdrukte_cel(eenheid)
    return getal(waarde, decimalen, eenheid)


# --- Secondary suppression --------------------------------------------------------------------

Lijn = tuple[list[Hashable], Hashable]  # (cells, their total): sum(cells) == total


def onderdruk(waarden: dict[Hashable, int], lijnen: Sequence[Lijn]) -> set[Hashable]:
    """Rules 1 and 3 over any set of additive lines; returns the keys to suppress.

    Keys may include hidden members (the complement of a share, the rest of a partition) that
    are never shown but must be protected like the others. A worklist re-checks only the lines
    that contain a newly suppressed key, so large tables stay cheap.
    """
    onderdrukt = {k for k, w in waarden.items() if is_klein(w)}
    per_sleutel: dict[Hashable, list[int]] = defaultdict(list)
    for index, (cellen, totaal) in enumerate(lijnen):
        for lid in (*cellen, totaal):
            per_sleutel[lid].append(index)
    werk = deque(range(len(lijnen)))
    in_werk = set(werk)
    while werk:
        index = werk.popleft()
        in_werk.discard(index)
        cellen, totaal = lijnen[index]
        verborgen = [c for c in cellen if c in onderdrukt]
        alleen_een = len(verborgen) + (totaal in onderdrukt) == 1
        # With the total shown, the hidden cells together are total minus the shown ones: that
        # sum must not be a small count either ("Z-route and onderwijs: 4 together").
        som_klein = totaal not in onderdrukt and is_klein(sum(waarden[c] for c in verborgen))
        if not (alleen_een or som_klein):
            continue
        kandidaten = [c for c in cellen if c not in onderdrukt]
        positief = [c for c in kandidaten if waarden[c] > 0]
        pool = positief or kandidaten
        keuze = min(pool, key=lambda c: (waarden[c], str(c))) if pool else totaal
        if keuze in onderdrukt:  # only the total was hidden and no cell is left: nothing to add
            continue
        onderdrukt.add(keuze)
        for volgende in per_sleutel[keuze]:
            if volgende not in in_werk:
                werk.append(volgende)
                in_werk.add(volgende)
    return onderdrukt


def toon(waarden: dict[Hashable, int], onderdrukt: set[Hashable], sleutel: Hashable) -> Cel:
    """The cell for ``sleutel`` after ``onderdruk``: its count, or ``<5``."""
    return _cel(waarden, onderdrukt, sleutel)


def _cel(waarden: dict[Hashable, int], onderdrukt: set[Hashable], sleutel: Hashable) -> Cel:
    if sleutel in onderdrukt:
        return onderdrukte_cel(klein=is_klein(waarden[sleutel]))
    return Cel(opmaak(waarden[sleutel]), waarden[sleutel])


def onderdruk_tabel(
    cellen: Sequence[Sequence[int]],
    *,
    rijtotalen: bool = False,
    kolomtotalen: bool = False,
) -> tuple[list[list[Cel]], list[Cel], list[Cel], Cel | None]:
    """Counts of persons in a two-way table with (optional) margins, under rules 1 and 3.

    Returns the cells, the row totals (sum over each row; empty unless ``rijtotalen``), the
    column totals (empty unless ``kolomtotalen``) and the grand total (only with both).
    """
    m = len(cellen)
    n = len(cellen[0]) if m else 0
    if any(len(rij) != n for rij in cellen):
        raise ValueError("ragged table")
    waarden: dict[Hashable, int] = {
        ("c", i, j): int(cellen[i][j]) for i in range(m) for j in range(n)
    }
    lijnen: list[Lijn] = []
    if rijtotalen:
        for i in range(m):
            waarden[("r", i)] = sum(int(w) for w in cellen[i])
            lijnen.append(([("c", i, j) for j in range(n)], ("r", i)))
    if kolomtotalen:
        for j in range(n):
            waarden[("k", j)] = sum(int(cellen[i][j]) for i in range(m))
            lijnen.append(([("c", i, j) for i in range(m)], ("k", j)))
    beide = rijtotalen and kolomtotalen
    if beide:
        waarden["t"] = sum(int(w) for rij in cellen for w in rij)
        lijnen.append(([("r", i) for i in range(m)], "t"))
        lijnen.append(([("k", j) for j in range(n)], "t"))
    weg = onderdruk(waarden, lijnen)
    tabel = [[_cel(waarden, weg, ("c", i, j)) for j in range(n)] for i in range(m)]
    rt = [_cel(waarden, weg, ("r", i)) for i in range(m)] if rijtotalen else []
    kt = [_cel(waarden, weg, ("k", j)) for j in range(n)] if kolomtotalen else []
    return tabel, rt, kt, _cel(waarden, weg, "t") if beide else None


def onderdruk_lijn(delen: Sequence[int], *, met_totaal: bool = True) -> tuple[list[Cel], Cel]:
    """Counts per municipality and their region total (one additive line)."""
    tabel, totalen, _k, _t = onderdruk_tabel([list(delen)], rijtotalen=met_totaal)
    return tabel[0], (totalen[0] if met_totaal else LEEG)


def onderdruk_blok(
    rijen: dict[str, Sequence[int]],
    *,
    indelingen: Sequence[tuple[Sequence[str], str]] = (),
    met_totaal: bool = True,
) -> dict[str, tuple[list[Cel], Cel]]:
    """Several count rows over the same columns (municipalities), protected together.

    ``rijen`` maps a row name to its counts per column; with ``met_totaal`` each row gets a
    total (the region). ``indelingen`` lists (parts, whole): rows that are disjoint subsets of
    another row (PIP on time ⊂ PIP with a deadline; Z, B1, onderwijs ⊂ PIP). Per column the
    hidden rest (whole − sum of parts) is protected as well, so that neither a part nor the
    complement of a shown share can be worked out.
    """
    namen = list(rijen)
    n = len(next(iter(rijen.values()))) if rijen else 0
    kolommen: list[Hashable] = [*range(n), "totaal"] if met_totaal else list(range(n))
    waarden: dict[Hashable, int] = {}
    for naam in namen:
        for j in range(n):
            waarden[(naam, j)] = int(rijen[naam][j])
        if met_totaal:
            waarden[(naam, "totaal")] = sum(int(w) for w in rijen[naam])
    lijnen = indeling_lijnen(waarden, namen, kolommen, indelingen)
    if met_totaal:
        rijnamen = {k[0] for k in waarden}
        lijnen += [([(r, j) for j in range(n)], (r, "totaal")) for r in sorted(rijnamen)]
    weg = onderdruk(waarden, lijnen)
    return {
        naam: (
            [_cel(waarden, weg, (naam, j)) for j in range(n)],
            _cel(waarden, weg, (naam, "totaal")) if met_totaal else LEEG,
        )
        for naam in namen
    }


def indeling_lijnen(
    waarden: dict[Hashable, int],
    namen: Sequence[str],
    kolommen: Sequence[Hashable],
    indelingen: Sequence[tuple[Sequence[str], str]],
) -> list[Lijn]:
    """For each (parts, whole) and each column: the line parts + rest = whole, adding the hidden
    rest rows to ``waarden``. Keys are (row, *column) with column a tuple or a single key."""
    lijnen: list[Lijn] = []
    for delen, geheel in indelingen:
        for naam in (*delen, geheel):
            if naam not in namen:
                raise ValueError(f"unknown row {naam}")
        rest = f"{geheel}−({'+'.join(delen)})"
        for kolom in kolommen:
            kol = kolom if isinstance(kolom, tuple) else (kolom,)
            rest_waarde = waarden[(geheel, *kol)] - sum(waarden[(d, *kol)] for d in delen)
            if rest_waarde < 0:
                raise ValueError(f"{delen} do not fit in {geheel}")
            waarden[(rest, *kol)] = rest_waarde
            lijnen.append(([(d, *kol) for d in delen] + [(rest, *kol)], (geheel, *kol)))
    return lijnen


def zichtbaar(cel: Cel) -> int | None:
    """The count behind a shown cell, None when suppressed (input for ``aandeel``)."""
    if cel.onderdrukt:
        return None
    return int(cel.waarde) if cel.waarde is not None else 0
