"""The records behind a synthetic dossier's timeline: the brede intake and the PIP.

``regie.demo.generator`` writes the timeline facts (``brede_intake_afgerond``,
``pip_vastgesteld`` with leerroute and niveau, ...); the screens and the policy dashboard read
the records the services would have written on the way. ``vul_dossier`` adds them, consistent
with the facts:

* a dossier with ``brede_intake_afgerond`` gets a completed ``BredeIntake`` (every section
  filled, afgerond on the fact's date), a ``Leerbaarheidstoets`` and a positive-health
  measurement (``volledigheid`` requires both), and the case manager's route decision: the
  leerroute and niveau of the later ``pip_vastgesteld`` fact, the advice as
  ``intake.services.routebesluit_vastleggen`` stores it, and a motivation where the decision
  deviates from it. The intake's facts are drawn so that the advice agrees with the decision in
  most dossiers; a deviation is drawn on purpose, or follows from the facts (the onderwijsroute
  after the advice's age limit, a policy choice of ``intake.advies``);
* a dossier with ``pip_vastgesteld`` gets a ``Pip`` with one adopted ``PipVersie`` (dagtekening =
  the fact's date, submitted by the case manager and adopted by a teamleider: four eyes), its
  goals from the intake and, for some, dual activities;
* a dossier in phase intake has a started intake with the first sections filled, or none yet.

Health data (``Gezondheid``) is not generated: completing the intake does not need it.
Randomness comes from the caller's own generator, never the one that drew the facts, so adding
this did not change any existing demo dossier. Rows are collected in a ``Partij`` and written
with ``bulk_create`` per batch; nothing here queries the database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.utils import timezone

from regie.core.models import Organisatie
from regie.demo import teksten
from regie.dossiers.models import Doelgroep, Dossier, Fase, Inburgeraar, TijdlijnFeit, Verblijf
from regie.intake import advies as advies_regels
from regie.intake import keuzes
from regie.intake.models import BredeIntake, Leerbaarheidstoets, PositieveGezondheidScore
from regie.intake.secties import SECTIES
from regie.plans.models import Beoordeling, Doel, DualeActiviteit, Pip, PipVersie

Soort = TijdlijnFeit.Soort
H = keuzes.HoogsteOpleiding
G = keuzes.Geletterdheid
S = keuzes.Studiewens

# Share of the decisions that deviate from the advice on purpose. Deviations that follow from
# the facts (the onderwijsroute at 28 or older) come on top.
KANS_AFWIJKING = 0.05
VEREISTE_LBT_SCORE = 50
# Dual activities in the PIP (subgoal 4): asylum status holders, by route; others.
KANS_DUAAL_ASIEL_Z = 0.7
KANS_DUAAL_ASIEL = 0.4
KANS_DUAAL_OVERIG = 0.2
KANS_INTAKE_GESTART = 0.7  # of the dossiers in phase intake

_NIVEAU_VAN_ROUTE = {"z_route": None, "b1_route": "B1", "onderwijsroute": "B1"}
_OPLEIDINGSJAREN = {
    H.GEEN: (0, 2),
    H.BASIS: (4, 6),
    H.VOORTGEZET_ONDERBOUW: (7, 9),
    H.VOORTGEZET_DIPLOMA: (10, 12),
    H.BEROEPS: (12, 14),
    H.HOGER: (14, 18),
}
_WAARDERING = {
    H.VOORTGEZET_DIPLOMA: ["vmbo", "havo", "havo", "vwo"],
    H.BEROEPS: ["mbo_1_2", "mbo_3_4", "mbo_3_4"],
    H.HOGER: ["hbo", "wo_bachelor", "wo_master"],
}


@dataclass(frozen=True)
class Omgeving:
    """What stays the same for every dossier of one build."""

    peildatum: date
    teamleiders: dict[int, Any]  # gemeente pk -> the teamleider who adopts its PIPs
    aanbieder: Organisatie | None  # the region's registered language school
    aanbieder_gemeenten: frozenset[int]  # the municipalities it serves


@dataclass
class Partij:
    """The rows of one batch of dossiers, written in dependency order by ``opslaan``."""

    intakes: list[BredeIntake] = field(default_factory=list)
    toetsen: list[Leerbaarheidstoets] = field(default_factory=list)
    metingen: list[PositieveGezondheidScore] = field(default_factory=list)
    pips: list[Pip] = field(default_factory=list)
    versies: list[PipVersie] = field(default_factory=list)
    activiteiten: list[DualeActiviteit] = field(default_factory=list)
    doelen: list[Doel] = field(default_factory=list)
    beoordelingen: list[Beoordeling] = field(default_factory=list)

    def opslaan(self) -> None:
        """After the dossiers: intakes first, then what points at them; Pip before versions
        (their primary keys come back from the insert and fill the foreign keys)."""
        BredeIntake.objects.bulk_create(self.intakes, batch_size=1_000)
        Leerbaarheidstoets.objects.bulk_create(self.toetsen, batch_size=2_000)
        PositieveGezondheidScore.objects.bulk_create(self.metingen, batch_size=2_000)
        Pip.objects.bulk_create(self.pips, batch_size=2_000)
        PipVersie.objects.bulk_create(self.versies, batch_size=1_000)
        DualeActiviteit.objects.bulk_create(self.activiteiten, batch_size=2_000)
        Doel.objects.bulk_create(self.doelen, batch_size=2_000)
        Beoordeling.objects.bulk_create(self.beoordelingen, batch_size=2_000)


def vul_dossier(
    rng: random.Random,
    partij: Partij,
    omgeving: Omgeving,
    *,
    persoon: Inburgeraar,
    dossier: Dossier,
    feiten: list[TijdlijnFeit],
    klantregisseurs: list[Any],
) -> None:
    """Add the intake and PIP records ``feiten`` imply to ``partij``. Records the route decision
    on the ``brede_intake_afgerond`` fact, as ``intake.services.intake_afronden`` does."""
    per_soort: dict[str, TijdlijnFeit] = {}
    gesprekken: list[date] = []
    for feit in feiten:
        per_soort.setdefault(feit.soort, feit)
        if feit.soort == Soort.VOORTGANGSGESPREK:
            gesprekken.append(feit.datum)
    intakefeit = per_soort.get(Soort.BREDE_INTAKE_AFGEROND)
    pipfeit = per_soort.get(Soort.PIP_VASTGESTELD)
    # Who did the work: the dossier's case manager, or (unassigned now) one of the municipality's.
    kr = dossier.klantregisseur or (rng.choice(klantregisseurs) if klantregisseurs else None)
    begin = dossier.koppeling_datum or dossier.plicht_vanaf
    if intakefeit is None:
        if dossier.fase == Fase.INTAKE and rng.random() < KANS_INTAKE_GESTART:
            _gestarte_intake(rng, partij, omgeving, persoon, dossier, begin, kr)
        return
    if pipfeit is not None:
        leerroute, niveau = pipfeit.gegevens["leerroute"], pipfeit.gegevens["niveau"]
    else:  # the PIP is still to come: the decision is the intake's own
        leerroute = rng.choices(["z_route", "b1_route", "onderwijsroute"], weights=[15, 60, 25])[0]
        niveau = _NIVEAU_VAN_ROUTE[leerroute]
    intake = _afgeronde_intake(
        rng,
        partij,
        persoon=persoon,
        dossier=dossier,
        afgerond_op=intakefeit.datum,
        begin=begin,
        leerroute=leerroute,
        niveau=niveau,
        kr=kr,
        gesprekken=gesprekken,
    )
    intakefeit.gegevens = {
        "leerroute": intake.leerroute,
        "niveau": intake.niveau,
        "alfabetisering": intake.alfabetisering,
    }
    if pipfeit is not None:
        _vastgesteld_pip(rng, partij, omgeving, dossier, intake, pipfeit, kr)


# --- The intake ------------------------------------------------------------------------------


def _moment(dag: date, rng: random.Random) -> datetime:
    """An office-hours moment on ``dag``."""
    return timezone.make_aware(
        datetime.combine(dag, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))))
    )


def _tussen(rng: random.Random, van: date, tot: date) -> date:
    return van + timedelta(days=rng.randint(0, max((tot - van).days, 0)))


@dataclass(frozen=True)
class Routeprofiel:
    """The facts the advice reads, drawn so the advice gives ``advies_route``."""

    afwijking: str  # "" when the decision follows the advice, else a teksten.MOTIVATIE key
    opleiding: str
    studiewens: str
    lbt: str  # "voldoende" | "onvoldoende" | "zintuiglijk" | "anders" (skipped)


def _routeprofiel(
    rng: random.Random, leerroute: str, leeftijd: int, geletterdheid: str
) -> Routeprofiel:
    analfabeet = geletterdheid == G.ANALFABEET
    laag = [H.GEEN, H.BASIS] if analfabeet else [H.GEEN, H.BASIS, H.VOORTGEZET_ONDERBOUW]
    verder = [H.VOORTGEZET_ONDERBOUW] if analfabeet else [H.VOORTGEZET_DIPLOMA, H.BEROEPS, H.HOGER]
    jong = leeftijd < advies_regels.ONDERWIJSROUTE_LEEFTIJD_TOT
    if leerroute == "onderwijsroute" and not jong:
        # The advice stops at 28 (a policy choice); the case manager may go further.
        studie = rng.choice([S.MBO, S.MBO, S.HBO, S.WO])
        return Routeprofiel("onderwijs_ouder", rng.choice(verder), studie, "voldoende")
    if rng.random() < KANS_AFWIJKING:
        if leerroute == "b1_route" and jong:
            return Routeprofiel("b1_ipv_onderwijs", rng.choice(verder), S.MBO, "voldoende")
        if leerroute == "b1_route" and analfabeet:
            return Routeprofiel("b1_ipv_z", rng.choice([H.GEEN, H.BASIS]), S.GEEN, "anders")
        if leerroute == "z_route":
            return Routeprofiel("z_ipv_b1", rng.choice(laag), S.GEEN, "voldoende")
        if leerroute == "onderwijsroute":
            studie = rng.choice([S.HBO, S.WO])
            return Routeprofiel("onderwijs_b1_ipv_b2", rng.choice(verder), studie, "voldoende")
    if leerroute == "z_route":
        if analfabeet and rng.random() < 0.15:
            lbt = "zintuiglijk" if rng.random() < 0.3 else "anders"
            return Routeprofiel("", rng.choice([H.GEEN, H.BASIS]), S.GEEN, lbt)
        return Routeprofiel("", rng.choice(laag), rng.choice([S.GEEN, S.ONBEKEND]), "onvoldoende")
    if leerroute == "onderwijsroute":
        return Routeprofiel("", rng.choice(verder), S.MBO, "voldoende")
    # B1-route: anything but the onderwijsroute's profile (young with a study wish).
    opleiding = rng.choices(
        [H.GEEN, H.BASIS, H.VOORTGEZET_ONDERBOUW, H.VOORTGEZET_DIPLOMA, H.BEROEPS, H.HOGER],
        weights=[5, 15, 25, 25, 20, 10] if not analfabeet else [40, 50, 10, 0, 0, 0],
    )[0]
    if jong:
        studie = rng.choice([S.GEEN, S.ONBEKEND])
    else:
        studie = rng.choices([S.GEEN, S.MBO, S.HBO, S.ONBEKEND], weights=[40, 25, 5, 30])[0]
    lbt = "voldoende"
    if rng.random() < 0.08 and not (analfabeet and opleiding in (H.GEEN, H.BASIS)):
        lbt = "zintuiglijk" if rng.random() < 0.25 else "anders"
    return Routeprofiel("", opleiding, studie, lbt)


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
    aangemeld = _tussen(rng, gestart, min(gestart + timedelta(days=7), afgerond))
    afgenomen = _tussen(rng, aangemeld, min(aangemeld + timedelta(days=21), afgerond))
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


def _taal(
    rng: random.Random, geletterdheid: str, leerroute: str, persoon: Inburgeraar
) -> dict[str, Any]:
    """Levels per skill as the intake estimates them; never B1 in all four (that would point
    at exemption, not a route)."""
    laag = leerroute == "z_route"
    if geletterdheid == G.ANALFABEET:
        lezen = schrijven = "A0"
    elif geletterdheid == G.ANDERS_GEALFABETISEERD or laag:
        lezen, schrijven = rng.choice(["A0", "A1"]), rng.choice(["A0", "A0", "A1"])
    else:
        lezen, schrijven = rng.choice(["A0", "A1", "A2"]), rng.choice(["A0", "A1", "A1", "A2"])
    hoogst = ["A0", "A1"] if laag else ["A0", "A1", "A1", "A2"]
    luisteren, spreken = rng.choice(hoogst), rng.choice(hoogst)
    if not laag and persoon.talen and rng.random() < 0.1:
        spreken = "B1"  # years with a Dutch partner or colleagues
    talen = list(persoon.talen or [])
    if rng.random() < 0.3 and "Engels" not in talen:
        talen.append("Engels")
    return {
        "niveau_lezen": lezen,
        "niveau_luisteren": luisteren,
        "niveau_schrijven": schrijven,
        "niveau_spreken": spreken,
        "moedertaal": (persoon.talen or [""])[0],
        "gesproken_talen": talen,
        "geletterdheid": geletterdheid,
    }


def _intakevelden(
    rng: random.Random,
    *,
    persoon: Inburgeraar,
    dossier: Dossier,
    dag: date,
    leeftijd: int,
    geletterdheid: str,
    profiel: Routeprofiel,
    leerroute: str,
) -> dict[str, Any]:
    """Every section of the intake, plausible for this person and varied."""
    herkomst = persoon.nationaliteit
    asiel = dossier.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    opleiding = profiel.opleiding
    rang = keuzes.OPLEIDING_RANG[opleiding]
    land = teksten.LANDEN.get(herkomst, "het land van herkomst")
    if asiel and rng.random() < 0.25 and herkomst in teksten.DOORREISLANDEN:
        land = rng.choice(teksten.DOORREISLANDEN[herkomst])
    beroepen = (
        teksten.BEROEPEN_LAAG
        if rang <= 1
        else teksten.BEROEPEN_HOOG
        if opleiding == H.HOGER
        else teksten.BEROEPEN_VAK
    )
    beroep, sector = rng.choice(beroepen)
    lo, hi = _OPLEIDINGSJAREN[opleiding]
    v: dict[str, Any] = {
        "hoogste_opleiding": opleiding,
        "opleidingsjaren": rng.randint(lo, hi),
        "opleiding_land": land if opleiding != H.GEEN else "",
        "studiewens": profiel.studiewens,
    }
    if opleiding in teksten.DIPLOMA:
        jaar = dag.year - rng.randint(2, max(3, leeftijd - 17))
        v["diploma_omschrijving"] = rng.choice(teksten.DIPLOMA[opleiding]).format(
            land=land, jaar=jaar, beroep=beroep, sector=sector.removeprefix("de ")
        )
        waardering = rng.choices(["ja", "aangevraagd", "nee"], weights=[40, 25, 35])[0]
        v["diploma_gewaardeerd"] = waardering
        if waardering == "ja":
            v["diploma_waardering_niveau"] = rng.choice(_WAARDERING[opleiding])
        if waardering == "nee" and rng.random() < 0.5:
            v["opleiding_toelichting"] = "Diploma is in de vlucht verloren gegaan; kopie opvragen."
    else:
        v["diploma_gewaardeerd"] = keuzes.DiplomaWaardering.NVT
        if opleiding == H.GEEN:
            v["opleiding_toelichting"] = rng.choice(
                ["Heeft als kind moeten werken.", "Geen school in de buurt van het dorp.", ""]
            )

    # Work: a few years at most since leaving school; one in five never had paid work.
    max_jaren = max(0, leeftijd - 16 - (lo if opleiding != H.GEEN else 0) // 2)
    jaren = 0 if rng.random() < 0.2 else rng.randint(0, min(max_jaren, 25))
    v["jaren_werkervaring"] = jaren
    if jaren:
        v["beroepen"] = f"{beroep.capitalize()} in {land}, {jaren} jaar."
        v["werkervaring_nederland"] = rng.choice(
            ["", "", "Nog geen.", "Drie maanden via een uitzendbureau in de kassenteelt."]
            if asiel
            else ["", "Bijbaan in de schoonmaak, twee dagen per week.", "Nog geen."]
        )

    v.update(_taal(rng, geletterdheid, leerroute, persoon))
    v["digitale_vaardigheden"] = rng.choice(
        ["geen", "basis"]
        if rang == 0
        else ["basis", "zelfstandig"]
        if rang <= 2
        else ["zelfstandig", "zelfstandig", "gevorderd"]
    )
    if rng.random() < 0.3:
        v["taal_toelichting"] = rng.choice(
            [
                "Volgde in het AZC al les bij vrijwilligers.",
                "Leert met apps op de telefoon.",
                "Spreekt thuis de eigen taal; de kinderen spreken al Nederlands.",
            ]
        )

    # Finances and housing: status holders receive bijstand and are ontzorgd (art. 56a Pw).
    if asiel:
        v["bijstand"] = "ontvangt" if rng.random() < 0.9 else "aangevraagd"
        v["ontzorging"] = "ja"
        v["financien_toelichting"] = "Vaste lasten worden ingehouden op de bijstand."
    else:
        v["bijstand"] = "nee" if rng.random() < 0.9 else "aangevraagd"
        v["ontzorging"] = "nee"
        v["financien_toelichting"] = rng.choice(["Partner heeft een vast inkomen.", ""])
    v["schulden"] = rng.choices(["nee", "ja", "onbekend"], weights=[70, 10, 20])[0]
    if v["schulden"] == "ja":
        v["financien_toelichting"] += " Schuld bij familie voor de reis; geen betalingsachterstand."
    v["financien_toelichting"] = v["financien_toelichting"].strip()
    if asiel:
        woning = "eigen_woning" if rng.random() < 0.75 else "tijdelijk"
    else:
        woning = "eigen_woning" if rng.random() < 0.8 else "inwonend"
    v["woonsituatie"] = woning
    if woning == "tijdelijk":
        v["woning_verwacht_op"] = dag + timedelta(days=rng.randint(30, 150))
        v["huisvesting_toelichting"] = "Tijdelijke woonruimte via de gemeente; wacht op een woning."
    elif woning == "inwonend":
        v["huisvesting_toelichting"] = "Woont bij de schoonfamilie."

    # Family
    gezin = rng.choices(
        ["alleenstaand", "partner", "gezin", "eenouder"],
        weights=[40, 10, 40, 10] if asiel else [5, 45, 45, 5],
    )[0]
    kinderen = rng.randint(1, 5) if gezin in ("gezin", "eenouder") else 0
    v["gezinssituatie"] = gezin
    v["aantal_kinderen"] = kinderen
    v["vve"] = (
        rng.choice(["besproken", "aangemeld", "loopt", "geen_interesse", "nvt"])
        if kinderen
        else "nvt"
    )
    v["kinderopvang_nodig"] = rng.choice(["ja", "nee"]) if kinderen else "nee"
    herenigen = (
        asiel
        and dossier.verblijf != Verblijf.NAREIZIGER_REGULIER
        and gezin in ("alleenstaand", "eenouder")
        and rng.random() < 0.35
    )
    v["gezinshereniging"] = "ja" if herenigen else "nee"
    if herenigen:
        v["gezin_toelichting"] = "Aanvraag nareis voor partner en kinderen loopt bij de IND."
    elif kinderen and rng.random() < 0.4:
        v["gezin_toelichting"] = f"{kinderen} kind(eren) op de basisschool of de peuteropvang."

    # Network and participation
    v["netwerk"] = rng.choices(
        ["sterk", "beperkt", "geen"], weights=[20, 50, 30] if asiel else [50, 40, 10]
    )[0]
    if v["netwerk"] != "geen":
        v["contacten"] = " ".join(rng.sample(teksten.CONTACTEN, rng.randint(1, 2)))
    v["maatje_gewenst"] = rng.choice(["ja", "ja", "nee", "onbekend"])
    v["activiteiten"] = " ".join(rng.sample(teksten.ACTIVITEITEN, rng.randint(0, 2)))
    v["interesses"] = ", ".join(rng.sample(teksten.INTERESSES, rng.randint(1, 3))).capitalize()
    v["vrijwilligerswerk_gewenst"] = rng.choice(["ja", "ja", "nee", "onbekend"])

    # Work wishes: the profession they had, the study they want, or first the language.
    if profiel.studiewens in (S.MBO, S.HBO, S.WO) and rng.random() < 0.6:
        mbo = rng.choice(teksten.MBO_OPLEIDINGEN)
        v["werkwensen"] = f"Eerst de opleiding {mbo}, daarna werk in die richting."
        v["ambities"] = "Een diploma in Nederland halen."
    elif jaren:
        v["werkwensen"] = f"Weer aan het werk als {beroep}, of iets in {sector}."
        v["ambities"] = rng.choice(
            [f"Een eigen zaak als {beroep}.", "Vast werk en een eigen huis.", ""]
        )
    else:
        v["werkwensen"] = rng.choice(
            ["Eerst de taal leren; daarna werk zoeken.", "Werk in de zorg of de schoonmaak."]
        )
    v["beschikbaar_uren"] = (
        rng.choice([8, 12, 16, 20]) if kinderen else rng.choice([20, 24, 32, 40])
    )

    # Own goals, in the person's words (one per line: the PIP makes a goal of each).
    woonplaats = persoon.woonplaats or dossier.regie_gemeente.naam
    doelen = [rng.choice(teksten.DOELEN_TAAL)]
    if profiel.studiewens in (S.MBO, S.HBO, S.WO):
        doelen.append(
            rng.choice(teksten.DOELEN_STUDIE).format(mbo=rng.choice(teksten.MBO_OPLEIDINGEN))
        )
    elif jaren or rng.random() < 0.5:
        doelen.append(rng.choice(teksten.DOELEN_WERK).format(beroep=beroep, sector=sector))
    if kinderen and rng.random() < 0.6:
        doelen.append(rng.choice(teksten.DOELEN_GEZIN))
    elif rng.random() < 0.5:
        doelen.append(rng.choice(teksten.DOELEN_OVERIG).format(woonplaats=woonplaats))
    v["eigen_doelen"] = "\n".join(doelen)
    gesproken = [t for t in v["gesproken_talen"] if t in teksten.TAAL_PERSOON]
    v["taal_persoon"] = (
        teksten.TAAL_PERSOON[gesproken[0]] if gesproken and rng.random() < 0.8 else "nl"
    )
    return {k: w for k, w in v.items() if w not in ("", None)}


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


def _afgeronde_intake(
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
    besluit_dag = _tussen(rng, max(gestart, afgerond_op - timedelta(days=7)), afgerond_op)
    leeftijd = advies_regels.leeftijd_op(persoon.geboortedatum, besluit_dag) or 30
    geletterdheid = _geletterdheid(rng, persoon)
    profiel = _routeprofiel(rng, leerroute, leeftijd, geletterdheid)
    velden = _intakevelden(
        rng,
        persoon=persoon,
        dossier=dossier,
        dag=gestart,
        leeftijd=leeftijd,
        geletterdheid=geletterdheid,
        profiel=profiel,
        leerroute=leerroute,
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
    intake.besluit_op = _moment(besluit_dag, rng)
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
        _meting(rng, intake, _tussen(rng, gestart, afgerond_op), asiel, kr, later=False)
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


def _gestarte_intake(
    rng: random.Random,
    partij: Partij,
    omgeving: Omgeving,
    persoon: Inburgeraar,
    dossier: Dossier,
    begin: date,
    kr: Any,
) -> None:
    """An intake in progress: the first sections filled, the rest still to come."""
    gestart = _tussen(rng, max(begin, omgeving.peildatum - timedelta(days=60)), omgeving.peildatum)
    leeftijd = advies_regels.leeftijd_op(persoon.geboortedatum, gestart) or 30
    geletterdheid = _geletterdheid(rng, persoon)
    leerroute = rng.choices(["z_route", "b1_route", "onderwijsroute"], weights=[15, 60, 25])[0]
    if leerroute == "onderwijsroute" and leeftijd >= advies_regels.ONDERWIJSROUTE_LEEFTIJD_TOT:
        leerroute = "b1_route"
    profiel = _routeprofiel(rng, leerroute, leeftijd, geletterdheid)
    velden = _intakevelden(
        rng,
        persoon=persoon,
        dossier=dossier,
        dag=gestart,
        leeftijd=leeftijd,
        geletterdheid=geletterdheid,
        profiel=profiel,
        leerroute=leerroute,
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
                    intake=intake, aangemeld_op=_tussen(rng, gestart, omgeving.peildatum)
                )
            )
        if rng.random() < 0.5:
            datum = _tussen(rng, gestart, omgeving.peildatum)
            partij.metingen.append(
                _meting(
                    rng, intake, datum, dossier.doelgroep == Doelgroep.ASIELSTATUSHOUDER, kr, False
                )
            )


# --- The PIP ---------------------------------------------------------------------------------

_SOORT_VAN_OPTIE = {
    "duaal_z_participatie": ["participatie"],
    "duaal_werk": ["werk", "werkervaring"],
    "duaal_onderwijs": ["werk", "vrijwilligerswerk", "opleiding"],
    "duaal_participatie": ["vrijwilligerswerk", "participatie"],
}
_UREN = {"z_route": (6, 10), "b1_route": (10, 16), "onderwijsroute": (16, 20)}
_AANBIEDERS_ELDERS = ["Taalinstituut Noord", "Taalcentrum Midden", "NT2 Academie Oost"]


def _vastgesteld_pip(
    rng: random.Random,
    partij: Partij,
    omgeving: Omgeving,
    dossier: Dossier,
    intake: BredeIntake,
    pipfeit: TijdlijnFeit,
    kr: Any,
) -> None:
    """The PIP as pip_starten → (concept edits) → ter_goedkeuring_aanbieden → pip_vaststellen
    leave it: one adopted version, submitted by the case manager, adopted by a teamleider."""
    asiel = dossier.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    dagtekening = pipfeit.datum
    teamleider = omgeving.teamleiders.get(dossier.regie_gemeente_id)
    bewerkingen = rng.randint(0, 2)  # concept saves, each moves the PIP's lock
    pip = Pip(
        dossier=dossier,
        taal=intake.taal_persoon or "nl",
        aangemaakt_door=kr,
        versie=1 + bewerkingen + 2,
    )
    lo, hi = _UREN[intake.leerroute]
    # Status holders get the municipality's inburgeringsaanbod; others choose a school.
    regio = dossier.regie_gemeente_id in omgeving.aanbieder_gemeenten
    aanbieder = omgeving.aanbieder if asiel and regio else None
    aanbieder_naam = ""
    if aanbieder is None and (asiel or rng.random() < 0.7):
        aanbieder_naam = rng.choice(_AANBIEDERS_ELDERS)
    ingediend = _tussen(rng, max(intake.afgerond_op, dagtekening - timedelta(days=6)), dagtekening)
    versie = PipVersie(
        pip=pip,
        nummer=1,
        status=PipVersie.Status.VASTGESTELD,
        dagtekening=dagtekening,
        leerroute=pipfeit.gegevens["leerroute"],
        niveau=pipfeit.gegevens.get("niveau") or "",
        knm=True,
        alfabetisering=intake.alfabetisering,
        intensiteit_uren_per_week=Decimal(rng.randint(lo, hi)),
        aanbieder=aanbieder,
        aanbieder_naam=aanbieder_naam,
        aanbieder_keurmerk=aanbieder is not None or rng.random() < 0.8,
        pvt_uren=rng.choice([8, 10, 12]),
        map_uren=None if intake.leerroute == "onderwijsroute" else rng.choice([40, 64, 80]),
        participatie=intake.werkwensen,
        maatschappelijke_begeleiding=rng.choice(teksten.MAATSCHAPPELIJKE_BEGELEIDING)
        if asiel
        else "",
        ontzorgen=asiel,
        ontzorgen_toelichting=teksten.ONTZORGEN if asiel else "",
        overige_afspraken=rng.choice(teksten.OVERIGE_AFSPRAKEN),
        aangemaakt_door=kr,
        ingediend_op=_moment(ingediend, rng),
        ingediend_door=kr,
        vastgesteld_op=_moment(dagtekening, rng),
        vastgesteld_door=teamleider,
    )
    if versie.ingediend_op > versie.vastgesteld_op:  # same day: adopted after submission
        versie.vastgesteld_op = versie.ingediend_op + timedelta(hours=1)
    partij.pips.append(pip)
    partij.versies.append(versie)
    if teamleider is not None:
        partij.beoordelingen.append(
            Beoordeling(versie=versie, besluit=Beoordeling.Besluit.VASTGESTELD, door=teamleider)
        )
    for volgorde, regel in enumerate(r.strip() for r in intake.eigen_doelen.splitlines()):
        if regel:
            partij.doelen.append(Doel(versie=versie, volgorde=volgorde, omschrijving=regel[:300]))
    kans = (
        (KANS_DUAAL_ASIEL_Z if intake.leerroute == "z_route" else KANS_DUAAL_ASIEL)
        if asiel
        else KANS_DUAAL_OVERIG
    )
    if rng.random() >= kans:
        return
    codes = [k["regel"]["code"] for k in intake.advies_bij_besluit.get("duale_opties", [])]
    soorten = [s for code in codes for s in _SOORT_VAN_OPTIE.get(code, [])] or [
        "vrijwilligerswerk",
        "participatie",
    ]
    for volgorde in range(rng.choice([1, 1, 2])):
        soort = rng.choice(soorten)
        omschrijving, organisatie, minimum, maximum = rng.choice(teksten.DUAAL[soort])
        partij.activiteiten.append(
            DualeActiviteit(
                versie=versie,
                volgorde=volgorde,
                soort=soort,
                omschrijving=omschrijving,
                uren_per_week=Decimal(rng.randint(minimum, maximum)),
                organisatie=organisatie,
            )
        )
