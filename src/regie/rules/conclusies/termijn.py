"""The inburgeringstermijn and what the current PIP requires (law.md §2, §5.4, §6, §7)."""

from __future__ import annotations

from datetime import date

from regie.rules import grondslagen as gs
from regie.rules.datums import EEN_DAG, plus_jaren, plus_maanden
from regie.rules.dossier import Dossier
from regie.rules.model import Doelgroep, Leerroute
from regie.rules.parameters import ParameterNaam, Parameters
from regie.rules.uitkomst import Bevinding, Voortgangsgesprekken, ZrouteUren

_GEEN_PIP = "geen PIP vastgesteld op of vóór de peildatum"


def termijn_start(dossier: Dossier) -> Bevinding[date | None]:
    """The day after the dagtekening of the *first* PIP; later PIPs never move it (R2.2)."""
    eerste = dossier.eerste_pip
    if eerste is None:
        return Bevinding(None, (gs.INBURGERINGSTERMIJN,), (_GEEN_PIP,))
    start = eerste.datum + EEN_DAG
    trace = [f"eerste PIP, dagtekening {eerste.datum} + 1 dag = {start}"]
    if len(dossier.pips) > 1:
        trace.append(f"{len(dossier.pips) - 1} latere PIP(s) verschuiven de termijn niet")
    return Bevinding(start, (gs.INBURGERINGSTERMIJN,), tuple(trace))


def termijn_eind(
    dossier: Dossier, parameters: Parameters, start: Bevinding[date | None]
) -> Bevinding[date | None]:
    """First PIP dagtekening + 3 years, or DUO's latest new end date (R2.1, R2.5).

    DUO's end date is authoritative (R2.2, R2.6): the most recent ``termijn_verlengd`` wins
    (on the same day, the latest end date), unless it does not lie after the term start.
    """
    eerste = dossier.eerste_pip
    if eerste is None or start.waarde is None:
        return Bevinding(None, (gs.INBURGERINGSTERMIJN,), (_GEEN_PIP,))
    jaren = parameters.waarde(ParameterNaam.INBURGERINGSTERMIJN_JAREN, start.waarde)
    eind = plus_jaren(eerste.datum, jaren.waarde)
    trace = [
        f"eerste PIP, dagtekening {eerste.datum} + {jaren.waarde} jaar ({jaren.tekst}) = {eind}"
    ]
    grondslagen = gs.uniek(gs.INBURGERINGSTERMIJN, jaren.grondslag)
    if dossier.verlengingen:
        laatste_datum = dossier.verlengingen[-1].datum
        nieuwe = max(v.nieuwe_einddatum for v in dossier.verlengingen if v.datum == laatste_datum)
        if nieuwe > start.waarde:
            eind = nieuwe
            trace.append(f"DUO verlengde de termijn op {laatste_datum}: einddatum {nieuwe}")
            grondslagen = (*grondslagen, gs.VERLENGING_TERMIJN)
        else:
            trace.append(
                f"verlenging van {laatste_datum} genegeerd: einddatum {nieuwe} ligt niet na "
                f"termijn_start {start.waarde}"
            )
    return Bevinding(eind, grondslagen, tuple(trace))


def map_vereist(dossier: Dossier) -> Bevinding[bool | None]:
    """MAP in the B1-route and the Z-route, not in the onderwijsroute (Wi art. 8(3); R6.7)."""
    pip = dossier.pip_op(dossier.peildatum)
    if pip is None:
        return Bevinding(None, (gs.MAP_VEREIST,), (_GEEN_PIP,))
    vereist = pip.leerroute is not Leerroute.ONDERWIJSROUTE
    return Bevinding(
        vereist,
        (gs.MAP_VEREIST,),
        (
            f"actuele PIP van {pip.datum}: {pip.leerroute.value}, MAP "
            f"{'vereist' if vereist else 'niet vereist'}",
        ),
    )


def pvt_vereist(dossier: Dossier) -> Bevinding[bool | None]:
    """The PVT is required in every route (Besluit art. 3.1; R6.3)."""
    pip = dossier.pip_op(dossier.peildatum)
    if pip is None:
        return Bevinding(None, (gs.PVT_VEREIST,), (_GEEN_PIP,))
    return Bevinding(
        True,
        (gs.PVT_VEREIST,),
        (f"actuele PIP van {pip.datum}: {pip.leerroute.value}, PVT vereist in elke route",),
    )


def zroute_uren_vereist(
    dossier: Dossier,
    parameters: Parameters,
    start: Bevinding[date | None],
    groep: Bevinding[Doelgroep | None],
) -> Bevinding[ZrouteUren | None]:
    """Z-route hours by target group (Besluit art. 3.14; R5.12), fixed at the term start."""
    pip = dossier.pip_op(dossier.peildatum)
    if pip is None or pip.leerroute is not Leerroute.Z_ROUTE or start.waarde is None:
        reden = _GEEN_PIP if pip is None else f"actuele PIP is {pip.leerroute.value}"
        return Bevinding(None, (gs.ZROUTE_UREN,), (f"{reden}: geen Z-route-uren",))
    if groep.waarde is None:
        return Bevinding(None, (gs.ZROUTE_UREN,), ("geen doelgroep: geen Z-route-uren",))
    taal = parameters.waarde(ParameterNaam.ZROUTE_UREN_TAAL_KNM, start.waarde)
    if groep.waarde is Doelgroep.ASIELSTATUSHOUDER:
        naam = ParameterNaam.ZROUTE_UREN_PARTICIPATIE_ASIELSTATUSHOUDER
        extra: tuple[gs.Grondslag, ...] = ()
    else:
        naam = ParameterNaam.ZROUTE_UREN_PARTICIPATIE_GEZINSMIGRANT
        # R11.5: whether family migrants on bijstand need participation hours is unconfirmed.
        extra = (gs.ZROUTE_PARTICIPATIE_GEZINSMIGRANT,)
    participatie = parameters.waarde(naam, start.waarde)
    uren = ZrouteUren(taal_knm=taal.waarde, participatie=participatie.waarde)
    return Bevinding(
        uren,
        gs.uniek(gs.ZROUTE_UREN, taal.grondslag, participatie.grondslag, *extra),
        (
            f"actuele PIP van {pip.datum}: Z-route, doelgroep {groep.waarde.value}",
            f"taal/KNM: {taal.tekst}",
            f"participatie: {participatie.tekst}",
        ),
    )


def voortgangsgesprekken(
    dossier: Dossier, parameters: Parameters, start: Bevinding[date | None]
) -> Bevinding[Voortgangsgesprekken | None]:
    """At least 2 talks in the 12 months from the term start (seed policy; R7.2 UNCONFIRMED).

    Both numbers are resolved at termijn_start: a term is judged by the policy in force when
    it started, so a municipality's new policy applies to terms starting from its date on.
    """
    if start.waarde is None:
        return Bevinding(None, (gs.VOORTGANGSGESPREKKEN,), ("geen termijn: geen venster",))
    begin = start.waarde
    aantal = parameters.waarde(ParameterNaam.VOORTGANGSGESPREKKEN_AANTAL, begin)
    maanden = parameters.waarde(ParameterNaam.VOORTGANGSGESPREKKEN_VENSTER_MAANDEN, begin)
    venster_eind = plus_maanden(begin, maanden.waarde) - EEN_DAG
    tot = min(dossier.peildatum, venster_eind)
    gehouden = sum(1 for d in dossier.gesprekken if begin <= d <= tot)
    tekort = max(0, aantal.waarde - gehouden)
    return Bevinding(
        Voortgangsgesprekken(
            vereist=aantal.waarde, venster_eind=venster_eind, gehouden=gehouden, tekort=tekort
        ),
        gs.uniek(gs.VOORTGANGSGESPREKKEN, aantal.grondslag, maanden.grondslag, gs.VOORTGANG_VOLGEN),
        (
            f"venster: termijn_start {begin} + {maanden.waarde} maanden - 1 dag = {venster_eind} "
            f"({maanden.tekst})",
            f"vereist: {aantal.tekst}",
            f"gehouden van {begin} tot en met {tot}: {gehouden}",
            f"tekort: max(0, {aantal.waarde} - {gehouden}) = {tekort}",
        ),
    )
