"""Who is obliged, from when, under which act, in which target group (law.md §1, §2.8-2.9)."""

from __future__ import annotations

from datetime import date

from regie.rules import grondslagen as gs
from regie.rules.datums import maanden_tekst, plus_jaren, plus_maanden
from regie.rules.dossier import Dossier
from regie.rules.model import Diploma, Doelgroep, Regime, Verblijf
from regie.rules.parameters import WI2021_IN_WERKING, ParameterNaam, Parameters
from regie.rules.uitkomst import Bevinding

# Wi art. 3 / R1.3, R1.5: the four kinds of residence that can make someone obliged.
VERPLICHTE_VERBLIJVEN = frozenset(
    {
        Verblijf.ASIEL_BEPAALDE_TIJD,
        Verblijf.NAREIZIGER_REGULIER,
        Verblijf.REGULIER_GEZIN,
        Verblijf.REGULIER_OVERIG,
    }
)

# Regeling art. 2.1 / R1.11: diplomas giving full exemption (vmbo: every learning path since
# Stcrt. 2022, 33825). Praktijkonderwijs and entree do not exempt.
VRIJSTELLENDE_DIPLOMAS = frozenset(
    {
        Diploma.VMBO,
        Diploma.HAVO,
        Diploma.VWO,
        Diploma.MBO2PLUS,
        Diploma.HBO_WO_NL,
        Diploma.STAATSEXAMEN_NT2,
    }
)

# R1.7 / R1.8: target group by kind of residence.
DOELGROEP_PER_VERBLIJF: dict[Verblijf, Doelgroep] = {
    Verblijf.ASIEL_BEPAALDE_TIJD: Doelgroep.ASIELSTATUSHOUDER,
    Verblijf.NAREIZIGER_REGULIER: Doelgroep.ASIELSTATUSHOUDER,
    Verblijf.REGULIER_GEZIN: Doelgroep.GEZINSMIGRANT_OVERIG,
    Verblijf.REGULIER_OVERIG: Doelgroep.GEZINSMIGRANT_OVERIG,
}

# R2.8: DUO events that mean the obligation has been met (diploma, full vrijstelling,
# full ontheffing).
VOLDAAN_CODES = {
    "SS106": "diploma behaald",
    "SS107": "volledige vrijstelling",
    "SS108": "volledige ontheffing",
}


def aow_datum(dossier: Dossier, parameters: Parameters) -> Bevinding[date]:
    """The day the person reaches the AOW age that applies on that day (R1.4)."""
    geboortedatum = dossier.persoon.geboortedatum
    datum, leeftijd = parameters.eerste_datum(
        ParameterNaam.AOW_LEEFTIJD_MAANDEN, lambda maanden: plus_maanden(geboortedatum, maanden)
    )
    return Bevinding(
        datum,
        (gs.PLICHT_LEEFTIJD, leeftijd.grondslag),
        (
            f"geboortedatum {geboortedatum} + {maanden_tekst(leeftijd.waarde)} "
            f"({leeftijd.tekst}) = {datum}",
        ),
    )


def minimumleeftijd_datum(dossier: Dossier, parameters: Parameters) -> Bevinding[date]:
    """The day the person turns 18 (the age that applies on that day; R1.4)."""
    geboortedatum = dossier.persoon.geboortedatum
    datum, leeftijd = parameters.eerste_datum(
        ParameterNaam.MINIMUMLEEFTIJD_JAREN, lambda jaren: plus_jaren(geboortedatum, jaren)
    )
    return Bevinding(
        datum,
        (leeftijd.grondslag,),
        (f"geboortedatum {geboortedatum} + {leeftijd.waarde} jaar ({leeftijd.tekst}) = {datum}",),
    )


def plicht_vanaf(
    dossier: Dossier,
    parameters: Parameters,
    aow: Bevinding[date],
    meerderjarig: Bevinding[date],
) -> Bevinding[date | None]:
    """Start of the obligation: the later of the bekendmaking and the 18th birthday (R1.2, R1.4).

    Null when the person is not in scope: a residence that is not obliged (EU, temporary),
    no bekendmaking yet, 8+ years of compulsory-school age in NL, or AOW age before the start.
    """
    persoon = dossier.persoon
    if persoon.verblijf not in VERPLICHTE_VERBLIJVEN:
        return Bevinding(
            None,
            (gs.PLICHT_VERBLIJFSDOEL, gs.PLICHT_UITZONDERINGEN),
            (f"verblijf {persoon.verblijf.value} valt niet onder de inburgeringsplicht",),
        )
    if not dossier.bekendmakingen:
        return Bevinding(
            None,
            (gs.PLICHT_AANVANG,),
            (f"geen bekendmaking van het verblijfsrecht op of vóór {dossier.peildatum}",),
        )
    # The obligation starts with the first bekendmaking; a later one does not restart it.
    bekendmaking = dossier.bekendmakingen[0]
    leerplicht = parameters.waarde(ParameterNaam.MAX_JAREN_LEERPLICHTIG, bekendmaking)
    if persoon.jaren_leerplichtig_in_nl >= leerplicht.waarde:
        return Bevinding(
            None,
            (gs.PLICHT_UITZONDERINGEN, leerplicht.grondslag),
            (
                f"{persoon.jaren_leerplichtig_in_nl} jaar leerplichtig in Nederland >= "
                f"{leerplicht.tekst}: niet inburgeringsplichtig",
            ),
        )
    trace = [f"bekendmaking verblijfsrecht op {bekendmaking}", *meerderjarig.trace]
    start = max(bekendmaking, meerderjarig.waarde)
    trace.append(f"plicht vanaf de laatste van beide: {start}")
    if start >= aow.waarde:
        trace.extend(aow.trace)
        trace.append(f"AOW-leeftijd bereikt op {aow.waarde}, niet na {start}: geen plicht")
        return Bevinding(None, (gs.PLICHT_LEEFTIJD, *aow.grondslagen[1:]), tuple(trace))
    return Bevinding(
        start, (gs.PLICHT_AANVANG, gs.PLICHT_VERBLIJFSDOEL, gs.PLICHT_LEEFTIJD), tuple(trace)
    )


def plicht_voldaan_op(
    dossier: Dossier,
    termijn_start: Bevinding[date | None],
    termijn_eind: Bevinding[date | None],
) -> Bevinding[date | None]:
    """When the obligation was met (R2.8): SS106/SS107/SS108, or the Z-route finished in time."""
    kandidaten: list[tuple[date, str]] = [
        (g.datum, f"DUO {g.code} ({VOLDAAN_CODES[g.code]}) op {g.datum}")
        for g in dossier.duo_codes(*VOLDAAN_CODES)
    ]
    start, eind = termijn_start.waarde, termijn_eind.waarde
    # R5.13 / scenario 17: met once the college registers the Z-route completion within the
    # term. Only the college registers it, and only for the Z-route (DUO checks), so the
    # registration itself is the fact; it does not depend on which PIP was current.
    if start is not None and eind is not None:
        kandidaten += [
            (afgerond, f"Z-route afgerond op {afgerond}, binnen de termijn {start} - {eind}")
            for afgerond in dossier.zroute_afgerond
            if start <= afgerond <= eind
        ]
    if not kandidaten:
        return Bevinding(None, (gs.PLICHT_VOLDAAN,), ("geen melding dat de plicht is voldaan",))
    datum, reden = min(kandidaten)
    return Bevinding(datum, (gs.PLICHT_VOLDAAN,), (reden,))


def inburgeringsplichtig(
    dossier: Dossier,
    vanaf: Bevinding[date | None],
    aow: Bevinding[date],
    voldaan: Bevinding[date | None],
) -> Bevinding[bool]:
    """Obliged on the peildatum (R1.2-R1.5, R2.8, R2.9)."""
    peildatum = dossier.peildatum
    if vanaf.waarde is None:
        return Bevinding(False, vanaf.grondslagen, vanaf.trace)
    trace = list(vanaf.trace)
    if peildatum < vanaf.waarde:
        trace.append(f"peildatum {peildatum} ligt vóór de start van de plicht")
        return Bevinding(False, vanaf.grondslagen, tuple(trace))
    if peildatum >= aow.waarde:
        trace.extend(aow.trace)
        trace.append(f"op {peildatum} is de AOW-leeftijd bereikt: plicht vervallen (SS110)")
        return Bevinding(False, aow.grondslagen, tuple(trace))
    # Contract: "no plicht_beeindigd before the peildatum" (on the day itself still obliged).
    for einde in dossier.beeindigingen:
        if einde.datum < peildatum:
            trace.append(f"plicht beëindigd op {einde.datum} (reden: {einde.reden})")
            return Bevinding(False, (gs.PLICHT_EINDE,), tuple(trace))
    if voldaan.waarde is not None and voldaan.waarde < peildatum:
        trace.extend(voldaan.trace)
        trace.append("de plicht is voldaan en geldt niet meer")
        return Bevinding(False, (gs.PLICHT_VOLDAAN,), tuple(trace))
    trace.append(f"op {peildatum} inburgeringsplichtig")
    return Bevinding(True, vanaf.grondslagen, tuple(trace))


def regime_van_plicht(vanaf: date) -> Regime:
    """R1.1: an obligation that started before 2022-01-01 stays under the Wi 2013."""
    return Regime.WI2021 if vanaf >= WI2021_IN_WERKING else Regime.WI2013


def regime(vanaf: Bevinding[date | None], plichtig: Bevinding[bool]) -> Bevinding[Regime]:
    """Contract: wi2021 / wi2013 by the start of the obligation; geen when not obliged."""
    grondslagen = (gs.OVERGANGSRECHT_WI2013,)
    if not plichtig.waarde or vanaf.waarde is None:
        return Bevinding(
            Regime.GEEN, grondslagen, ("niet inburgeringsplichtig op de peildatum: geen",)
        )
    gekozen = regime_van_plicht(vanaf.waarde)
    teken = ">=" if gekozen is Regime.WI2021 else "<"
    return Bevinding(
        gekozen,
        grondslagen,
        (
            f"plicht vanaf {vanaf.waarde} {teken} {WI2021_IN_WERKING} (inwerkingtreding "
            f"Wi 2021): {gekozen.value}",
        ),
    )


def vrijstelling_diploma(dossier: Dossier) -> Bevinding[bool]:
    """R1.11: a Dutch diploma that gives full exemption; DUO decides (SS107)."""
    vrijstellend = sorted(d.value for d in dossier.persoon.diplomas if d in VRIJSTELLENDE_DIPLOMAS)
    if vrijstellend:
        trace = (
            f"diploma {', '.join(vrijstellend)} geeft volledige vrijstelling; DUO beslist (SS107)",
        )
        return Bevinding(True, (gs.VRIJSTELLING_DIPLOMA,), trace)
    overige = sorted(d.value for d in dossier.persoon.diplomas)
    if overige:
        trace = (f"diploma {', '.join(overige)} geeft geen vrijstelling",)
    else:
        trace = ("geen diploma opgegeven",)
    return Bevinding(False, (gs.VRIJSTELLING_DIPLOMA,), trace)


def doelgroep(dossier: Dossier) -> Bevinding[Doelgroep | None]:
    """R1.7-R1.9: by kind of residence; DUO's SS124/SS125 switch it (latest wins)."""
    verblijf = dossier.persoon.verblijf
    groep = DOELGROEP_PER_VERBLIJF.get(verblijf)
    if groep is None:
        return Bevinding(
            None,
            (gs.PLICHT_UITZONDERINGEN,),
            (f"verblijf {verblijf.value}: geen doelgroep van de Wi 2021",),
        )
    grondslag = (
        gs.DOELGROEP_ASIELSTATUSHOUDER
        if groep is Doelgroep.ASIELSTATUSHOUDER
        else gs.DOELGROEP_GEZINSMIGRANT_OVERIG
    )
    trace = [f"verblijf {verblijf.value}: {groep.value}"]
    wissels = dossier.duo_codes("SS124", "SS125")
    if wissels:
        laatste = wissels[-1]
        groep = (
            Doelgroep.GEZINSMIGRANT_OVERIG
            if laatste.code == "SS124"
            else Doelgroep.ASIELSTATUSHOUDER
        )
        trace.append(f"DUO {laatste.code} op {laatste.datum}: doelgroep wordt {groep.value}")
        return Bevinding(groep, (grondslag, gs.DOELGROEP_WISSEL), tuple(trace))
    return Bevinding(groep, (grondslag,), tuple(trace))
