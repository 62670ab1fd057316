"""The brede intake records behind a synthetic dossier.

A completed intake (``afgeronde_intake``) has every section filled, a ``Leerbaarheidstoets``
and a positive-health measurement (``volledigheid`` requires both), and the case manager's
route decision with the advice as ``intake.services.routebesluit_vastleggen`` stores it, and a
motivation where the decision deviates from it. An intake in progress (``gestarte_intake``) has
its first sections filled. The facts themselves come from ``regie.demo.intakevelden``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from regie.demo import teksten
from regie.demo.intakevelden import Routeprofiel, profiel_en_velden
from regie.demo.partij import Omgeving, Partij, moment, tussen
from regie.dossiers.models import Doelgroep, Dossier, Inburgeraar
from regie.intake import advies as advies_regels
from regie.intake import keuzes
from regie.intake.models import BredeIntake, Leerbaarheidstoets, PositieveGezondheidScore
from regie.intake.secties import SECTIES

G = keuzes.Geletterdheid
S = keuzes.Studiewens

VEREISTE_LBT_SCORE = 50


def _lbt(
    rng: random.Random,
    intake: BredeIntake,
    soort: str,
    gestart: date,
    afgerond: date,
    *,
    net: bool = False,
) -> Leerbaarheidstoets:
    """Taken with a score against the required one, or skipped with a reason. ``net``: just
    above the required score."""
    if soort in ("zintuiglijk", "anders"):
        return Leerbaarheidstoets(
            intake=intake,
            overgeslagen=True,
            reden_overslaan=keuzes.LbtRedenOverslaan.ZINTUIGLIJKE_BEPERKING
            if soort == "zintuiglijk"
            else keuzes.LbtRedenOverslaan.ANDERS,
            toelichting=""
            if soort == "zintuiglijk"
            else rng.choice(teksten.LBT_OVERGESLAGEN_ANDERS),
        )
    aangemeld = tussen(rng, gestart, min(gestart + timedelta(days=7), afgerond))
    afgenomen = tussen(rng, aangemeld, min(aangemeld + timedelta(days=21), afgerond))
    if soort == "voldoende":
        score = rng.randint(VEREISTE_LBT_SCORE, VEREISTE_LBT_SCORE + 6 if net else 95)
    else:
        score = rng.randint(15, VEREISTE_LBT_SCORE - 1)
    return Leerbaarheidstoets(
        intake=intake,
        aangemeld_op=aangemeld,
        afgenomen_op=afgenomen,
        score=score,
        vereiste_score=VEREISTE_LBT_SCORE,
        resultaat=keuzes.LbtResultaat.VOLDOENDE
        if soort == "voldoende"
        else keuzes.LbtResultaat.ONVOLDOENDE,
    )


def _meting(
    rng: random.Random, intake: BredeIntake, datum: date, asiel: bool, kr: Any, later: bool
) -> PositieveGezondheidScore:
    """Six dimensions 0-10; asylum status holders score mental well-being and taking part lower
    at first; a later measurement is a little higher on average."""
    plus = 1 if later else 0

    def score(lo: int, hi: int) -> int:
        return min(10, rng.randint(lo, hi) + plus * rng.randint(0, 2))

    return PositieveGezondheidScore(
        intake=intake,
        datum=datum,
        lichaamsfuncties=score(4, 9),
        mentaal_welbevinden=score(2, 7) if asiel else score(4, 8),
        zingeving=score(4, 9),
        kwaliteit_van_leven=score(3, 8),
        meedoen=score(1, 6) if asiel else score(3, 7),
        dagelijks_functioneren=score(4, 9),
        toelichting=rng.choice(
            [
                "",
                "",
                "Ik slaap slecht, ik denk veel aan mijn familie.",
                "Het gaat beter sinds we een eigen huis hebben.",
                "Ik wil meer mensen leren kennen.",
                "Ik voel me sterk, ik wil snel beginnen.",
            ]
        ),
        vastgelegd_door=kr,
    )


def _geletterdheid(rng: random.Random, persoon: Inburgeraar) -> str:
    """The intake establishes what registration left unknown."""
    if persoon.geletterdheid != G.ONBEKEND:
        return persoon.geletterdheid
    return rng.choices([G.GEALFABETISEERD, G.ANDERS_GEALFABETISEERD, G.ANALFABEET], [50, 38, 12])[0]


@lru_cache(maxsize=8_192)
def _advies(feiten: advies_regels.AdviesFeiten) -> tuple[advies_regels.Advies, dict[str, Any]]:
    """The advice and its JSON as ``routebesluit_vastleggen`` stores it (pure; many dossiers
    share the same facts, so it is computed once per set of facts)."""
    advies = advies_regels.route_advies(feiten)
    return advies, advies.als_json()


def afgeronde_intake(
    rng: random.Random,
    partij: Partij,
    *,
    persoon: Inburgeraar,
    dossier: Dossier,
    afgerond_op: date,
    begin: date,
    leerroute: str,
    niveau: str | None,
    kr: Any,
    gesprekken: list[date],
) -> BredeIntake:
    asiel = dossier.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    gestart = max(begin, afgerond_op - timedelta(days=rng.randint(14, 45)))
    besluit_dag = tussen(rng, max(gestart, afgerond_op - timedelta(days=7)), afgerond_op)
    leeftijd = advies_regels.leeftijd_op(persoon.geboortedatum, besluit_dag) or 30
    geletterdheid = _geletterdheid(rng, persoon)
    profiel, velden = profiel_en_velden(
        rng, persoon, dossier, gestart, leeftijd, geletterdheid, leerroute
    )
    intake = BredeIntake(dossier=dossier, gestart_op=gestart, **velden)
    lbt = _lbt(rng, intake, profiel.lbt, gestart, afgerond_op, net=profiel.afwijking == "z_ipv_b1")
    feiten = advies_regels.AdviesFeiten(
        leeftijd=leeftijd,
        lbt_resultaat=lbt.resultaat or None,
        lbt_score=lbt.score,
        lbt_vereiste_score=lbt.vereiste_score,
        lbt_overgeslagen=lbt.overgeslagen,
        lbt_reden_overslaan=lbt.reden_overslaan,
        hoogste_opleiding=velden["hoogste_opleiding"],
        studiewens=velden.get("studiewens", ""),
        geletterdheid=geletterdheid,
        taalniveaus=tuple(velden[v] for v in _TAALVAARDIGHEDEN),
        jaren_werkervaring=velden["jaren_werkervaring"],
        asielstatushouder=asiel,
    )
    advies, advies_json = _advies(feiten)
    intake.leerroute = leerroute
    # The first PIP's level: the fact's, or the only one the Z-route allows (A1; the fact leaves
    # it empty, as DUO does).
    intake.niveau = niveau or advies_regels.TOEGESTANE_NIVEAUS[leerroute][0]
    intake.alfabetisering = advies.alfabetisering.waarde or keuzes.Alfabetisering.NVT
    afwijking = advies_regels.wijkt_af(
        advies_json,
        leerroute=intake.leerroute,
        niveau=intake.niveau,
        alfabetisering=intake.alfabetisering,
    )
    intake.advies_gevolgd = not afwijking
    if afwijking:
        intake.motivatie_afwijking = _motivatie(rng, profiel, persoon, leeftijd)
    intake.duale_opties = [str(k.waarde) for k in advies.duale_opties]
    intake.advies_bij_besluit = advies_json
    intake.besluit_op = moment(besluit_dag, rng)
    intake.besluit_door = kr
    intake.afgerond_op = afgerond_op
    intake.afgerond_door = kr
    intake.gewijzigd_door = kr
    # One version per saved section (the first save starts the intake), plus autosaves, the
    # test, the decision and completion: as the services count.
    secties = sum(1 for s in SECTIES if any(veld in velden for veld in s.velden))
    intake.versie = secties + rng.randint(0, 8) + 3
    partij.intakes.append(intake)
    partij.toetsen.append(lbt)
    partij.metingen.append(
        _meting(rng, intake, tussen(rng, gestart, afgerond_op), asiel, kr, later=False)
    )
    if gesprekken and rng.random() < 0.5:
        partij.metingen.append(_meting(rng, intake, gesprekken[0], asiel, kr, later=True))
    return intake


_TAALVAARDIGHEDEN = ("niveau_lezen", "niveau_luisteren", "niveau_schrijven", "niveau_spreken")


def _motivatie(
    rng: random.Random, profiel: Routeprofiel, persoon: Inburgeraar, leeftijd: int
) -> str:
    studie = {S.HBO: "hbo", S.WO: "universiteit"}.get(profiel.studiewens, "mbo")
    return rng.choice(teksten.MOTIVATIE[profiel.afwijking]).format(
        naam=persoon.voornamen.split()[0], leeftijd=leeftijd, studie=studie
    )


def gestarte_intake(
    rng: random.Random,
    partij: Partij,
    omgeving: Omgeving,
    persoon: Inburgeraar,
    dossier: Dossier,
    begin: date,
    kr: Any,
) -> None:
    """An intake in progress: the first sections filled, the rest still to come."""
    gestart = tussen(rng, max(begin, omgeving.peildatum - timedelta(days=60)), omgeving.peildatum)
    leeftijd = advies_regels.leeftijd_op(persoon.geboortedatum, gestart) or 30
    geletterdheid = _geletterdheid(rng, persoon)
    leerroute = rng.choices(["z_route", "b1_route", "onderwijsroute"], weights=[15, 60, 25])[0]
    if leerroute == "onderwijsroute" and leeftijd >= advies_regels.ONDERWIJSROUTE_LEEFTIJD_TOT:
        leerroute = "b1_route"
    _, velden = profiel_en_velden(
        rng, persoon, dossier, gestart, leeftijd, geletterdheid, leerroute
    )
    klaar = SECTIES[: rng.randint(0, len(SECTIES) - 1)]
    gevuld = {veld for sectie in klaar for veld in sectie.velden}
    # What intake_starten copies from registration, then what the sections filled in so far.
    ingevuld: dict[str, Any] = {
        "gesproken_talen": list(persoon.talen or []),
        "geletterdheid": persoon.geletterdheid,
    }
    ingevuld.update((k, w) for k, w in velden.items() if k in gevuld)
    intake = BredeIntake(dossier=dossier, gestart_op=gestart, gewijzigd_door=kr, **ingevuld)
    intake.versie = 1 + max(0, len(klaar) - 1) + rng.randint(0, 4)
    partij.intakes.append(intake)
    if any(s.code == "taal" for s in klaar):
        if rng.random() < 0.5:
            partij.toetsen.append(
                Leerbaarheidstoets(
                    intake=intake, aangemeld_op=tussen(rng, gestart, omgeving.peildatum)
                )
            )
        if rng.random() < 0.5:
            datum = tussen(rng, gestart, omgeving.peildatum)
            partij.metingen.append(
                _meting(
                    rng, intake, datum, dossier.doelgroep == Doelgroep.ASIELSTATUSHOUDER, kr, False
                )
            )
