"""The facts of a synthetic brede intake: the route profile and every section's fields.

``profiel_en_velden`` first draws the facts the route advice reads (education, study wish, the
leerbaarheidstoets' outcome) so that the advice agrees with the case manager's decision in most
dossiers, or deviates on purpose (``Routeprofiel``), then fills every section of the intake
around that profile, plausible for the person and varied. ``regie.demo.brede_intake`` turns
both into records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from regie.demo import teksten
from regie.dossiers.models import Doelgroep, Dossier, Inburgeraar, Verblijf
from regie.intake import advies as advies_regels
from regie.intake import keuzes

H = keuzes.HoogsteOpleiding
G = keuzes.Geletterdheid
S = keuzes.Studiewens

# Share of the decisions that deviate from the advice on purpose. Deviations that follow from
# the facts (the onderwijsroute at 28 or older) come on top.
KANS_AFWIJKING = 0.05

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


def profiel_en_velden(
    rng: random.Random,
    persoon: Inburgeraar,
    dossier: Dossier,
    dag: date,
    leeftijd: int,
    geletterdheid: str,
    leerroute: str,
) -> tuple[Routeprofiel, dict[str, Any]]:
    """The route profile for ``leerroute``, then every section of the intake (started on
    ``dag``) around it, plausible for this person and varied."""
    profiel = _routeprofiel(rng, leerroute, leeftijd, geletterdheid)
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
    return profiel, {k: w for k, w in v.items() if w not in ("", None)}
