"""Registering PVT/MAP dates and 'verwijtbaar' flags with DUO (SDI016; law.md R6.5, R6.10)."""

from __future__ import annotations

from regie.rules import grondslagen as gs
from regie.rules.datums import plus_maanden
from regie.rules.dossier import Dossier
from regie.rules.model import Actie, DatumRegistreren, JaNee, VerwijtbaarMelden
from regie.rules.parameters import ParameterNaam, Parameters
from regie.rules.uitkomst import Antwoord, Conclusies, Reden, Weigering

_WAT = {
    Actie.PVT_REGISTREREN: "datum ondertekening PVT",
    Actie.MAP_REGISTREREN: "datum eindgesprek MAP",
}


def datum_registreren(
    vraag: DatumRegistreren, dossier: Dossier, conclusies: Conclusies
) -> Antwoord:
    """The date may not lie before the term start, in the future, or after the Z-route was
    finished."""
    datum = vraag.datum
    wat = _WAT[vraag.actie]
    grondslag = gs.PVT_MAP_REGISTREREN
    start = conclusies.termijn_start.waarde
    if start is None:
        weigering = Weigering(Reden.GEEN_TERMIJN, grondslag, "er is nog geen inburgeringstermijn")
        return Antwoord(vraag.actie, (weigering,), (grondslag,), (f"{wat} {datum}: geen termijn",))

    weigeringen: list[Weigering] = []
    trace = [f"{wat} {datum}; termijn_start {start}; peildatum {dossier.peildatum}"]
    if datum < start:
        weigeringen.append(
            Weigering(
                Reden.VOOR_TERMIJNSTART, grondslag, f"{datum} ligt vóór de termijnstart {start}"
            )
        )
    if datum > dossier.peildatum:
        weigeringen.append(
            Weigering(Reden.IN_TOEKOMST, grondslag, f"{datum} ligt na de peildatum (toekomst)")
        )
    if dossier.zroute_afgerond:
        afgerond = dossier.zroute_afgerond[-1]
        trace.append(f"Z-route afgerond op {afgerond}")
        if datum > afgerond:
            weigeringen.append(
                Weigering(
                    Reden.NA_AFRONDING_ZROUTE,
                    grondslag,
                    f"{datum} ligt na de afronding van de Z-route op {afgerond}",
                )
            )
    trace.append("toegestaan" if not weigeringen else "geweigerd")
    return Antwoord(vraag.actie, tuple(weigeringen), (grondslag,), tuple(trace))


def verwijtbaar_melden(
    vraag: VerwijtbaarMelden, dossier: Dossier, conclusies: Conclusies, parameters: Parameters
) -> Antwoord:
    """'Ja' only after the term is exceeded; 'Nee' only from 2 months before its end."""
    datum = vraag.datum
    grondslag = gs.VERWIJTBAAR_MELDEN
    eind = conclusies.termijn_eind.waarde
    kop = f"verwijtbaar {vraag.waarde.value} voor {vraag.onderdeel.value} op {datum}"
    if eind is None:
        weigering = Weigering(Reden.GEEN_TERMIJN, grondslag, "er is nog geen inburgeringstermijn")
        return Antwoord(vraag.actie, (weigering,), (grondslag,), (f"{kop}: geen termijn",))

    weigeringen: list[Weigering] = []
    trace = [kop, f"termijn_eind {eind}"]
    grondslagen: tuple[gs.Grondslag, ...] = (grondslag,)
    if vraag.waarde is JaNee.JA:
        if not datum > eind:
            weigeringen.append(
                Weigering(
                    Reden.TERMIJN_NIET_OVERSCHREDEN,
                    grondslag,
                    f"'ja' kan pas na overschrijding van de termijn (na {eind})",
                )
            )
    else:
        maanden = parameters.waarde(ParameterNaam.VERWIJTBAAR_NEE_MAANDEN, datum)
        vanaf = plus_maanden(eind, -maanden.waarde)
        trace.append(
            f"'nee' mag vanaf {eind} - {maanden.waarde} maanden = {vanaf} ({maanden.tekst})"
        )
        grondslagen = gs.uniek(grondslag, maanden.grondslag)
        if datum < vanaf:
            weigeringen.append(Weigering(Reden.TE_VROEG, grondslag, f"'nee' kan pas vanaf {vanaf}"))
    trace.append("toegestaan" if not weigeringen else "geweigerd")
    return Antwoord(vraag.actie, tuple(weigeringen), grondslagen, tuple(trace))
