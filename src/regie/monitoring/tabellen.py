"""Tables of aggregates, shown on screen and exported as CSV and XLSX from the same object.

A ``Tabel`` holds ``Cel``s (regie.monitoring.privacy) only, so a suppressed cell is ``<5`` in
every form and no export can contain a number the screen does not show. The CSV carries the
screen's texts exactly; the XLSX carries numbers as numbers (formatted back they are the screen's
text, which the tests check) and ``<5`` as text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from regie.monitoring.privacy import Cel

CSV_SCHEIDINGSTEKEN = ";"  # what Dutch spreadsheet settings expect with a decimal comma
_FORMULE_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Rij:
    label: str
    cellen: list[Cel]
    nadruk: bool = False  # a total row


@dataclass(frozen=True)
class Tabel:
    sleutel: str
    titel: str
    kolommen: list[str]  # headers of the value columns; the label column is ``labelkop``
    rijen: list[Rij]
    labelkop: str = ""
    definitie: str = ""  # the indicator's definition, named on screen and in every export
    voetnoten: list[str] = field(default_factory=list)

    def als_teksten(self) -> list[list[str]]:
        """Header and rows as the screen shows them."""
        kop = [self.labelkop, *self.kolommen]
        return [kop] + [[r.label, *(c.tekst for c in r.cellen)] for r in self.rijen]


def _definitie(tabel: Tabel) -> str:
    return _("Definitie: %(definitie)s") % {"definitie": tabel.definitie}


def _bron(bron: str, peildatum: date) -> str:
    return _("Bron: %(bron)s, peildatum %(peildatum)s") % {
        "bron": bron,
        "peildatum": peildatum.isoformat(),
    }


def _veilig(tekst: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection) in text that is not a plain number."""
    tekst = str(tekst)  # a lazy translation, too
    if tekst.startswith(_FORMULE_START) and not _is_getaltekst(tekst):
        return "'" + tekst
    return tekst


def _is_getaltekst(tekst: str) -> bool:
    return tekst.lstrip("-").replace(".", "").replace(",", "").replace(" ", "").isdigit()


def als_csv(tabel: Tabel, *, bron: str, peildatum: date) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=CSV_SCHEIDINGSTEKEN, lineterminator="\r\n")
    schrijver.writerow([_veilig(tabel.titel)])
    if tabel.definitie:
        schrijver.writerow([_veilig(_definitie(tabel))])
    schrijver.writerow([_veilig(_bron(bron, peildatum))])
    schrijver.writerow([])
    for rij in tabel.als_teksten():
        schrijver.writerow([_veilig(t) for t in rij])
    for voetnoot in tabel.voetnoten:
        schrijver.writerow([_veilig(voetnoot)])
    # A BOM so that spreadsheet programs read the file as UTF-8 (ë, €).
    return "\ufeff" + uit.getvalue()


KOPREGELS_XLSX = 4  # title, definition, source, blank: the table starts on row 5


def als_xlsx(tabellen: list[Tabel], *, bron: str, peildatum: date) -> bytes:
    """One sheet per table. Imported here: openpyxl is only needed for this export."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    for tabel in tabellen:
        blad = boek.create_sheet(title=tabel.sleutel[:31])
        blad.append([_veilig(tabel.titel)])
        blad["A1"].font = Font(bold=True)
        blad.append([_veilig(_definitie(tabel)) if tabel.definitie else ""])
        blad.append([_veilig(_bron(bron, peildatum))])
        blad.append([])
        blad.append([str(tabel.labelkop), *(str(k) for k in tabel.kolommen)])
        for cel in blad[KOPREGELS_XLSX + 1]:
            cel.font = Font(bold=True)
        for rij in tabel.rijen:
            blad.append([_veilig(str(rij.label)), *(_xlsx_waarde(c) for c in rij.cellen)])
            rijnummer = blad.max_row
            for kolom, cel in enumerate(rij.cellen, start=2):
                if cel.waarde is not None and not cel.onderdrukt:
                    blad.cell(row=rijnummer, column=kolom).number_format = _formaat(cel)
        for voetnoot in tabel.voetnoten:
            blad.append([_veilig(str(voetnoot))])
        blad.column_dimensions["A"].width = 42
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _xlsx_waarde(cel: Cel) -> object:
    if cel.onderdrukt or cel.waarde is None:
        return _veilig(cel.tekst)
    return float(cel.waarde) if not isinstance(cel.waarde, int) else cel.waarde


def _formaat(cel: Cel) -> str:
    basis = "#,##0" + ("." + "0" * cel.decimalen if cel.decimalen else "")
    if cel.eenheid == "€":
        return '"€ "' + basis
    if cel.eenheid == "%":
        return basis + '" %"'
    return basis
