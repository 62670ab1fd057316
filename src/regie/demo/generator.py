"""One deterministic, seeded generator for the demo region and the benchmark datasets.

``demo`` (~150 dossiers) and ``regional`` (7,000) cover Cranendonck, Nederweert and Weert;
``national`` (450,000) adds 342 synthetic municipalities. All data is fake: names are
combinations of common names, BSNs and V-numbers start with 99 (a range the generator owns) and
pass the 11-proef. The same seed and peildatum always give the same data.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.apps import apps as django_apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import connection, transaction
from django.utils import timezone, translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.accounts.models import Gebruiker, Lidmaatschap, Rol
from regie.accounts.rollen import installeer_standaardrollen
from regie.core.models import Gemeente, Organisatie
from regie.demo import inhoud, namen
from regie.dossiers import kengetallen, signalen
from regie.dossiers.models import (
    Doelgroep,
    Dossier,
    Fase,
    Geletterdheid,
    Inburgeraar,
    Regime,
    Teller,
    TijdlijnFeit,
    Verblijf,
    maak_zoeknaam,
)
from regie.forecasting.services import vul_demo_taakstelling

DEMO_WACHTWOORD = "regie-demo-2026"
# The demo logins' second step: one authenticator key for all of them, published in the README
# (base32 OJSW O2LF FVSG K3LP FUZD AMRW FV2G MIJB) and shown by `regie demo-code`. Only the
# demo's own users get it; anyone else sets up their own app at the first login.
DEMO_TOTP_SLEUTEL = b"regie-demo-2026-tf!!"
REGIO = [
    # (CBS code, name, OIN, share of the region's quota: 2022 taakstelling 34/28/78)
    ("1706", "Cranendonck", "00000001001706000000", 34),
    ("0946", "Nederweert", "00000001000946000000", 28),
    ("0988", "Weert", "00000001000988000000", 78),
]


@dataclass(frozen=True)
class DatasetSpec:
    naam: str
    dossiers: int
    actief: int
    extra_gemeenten: int


DATASETS = {
    "demo": DatasetSpec("demo", 150, 110, 0),
    "regional": DatasetSpec("regional", 7_000, 2_000, 0),
    "national": DatasetSpec("national", 450_000, 150_000, 342),
}

# Demo users: (username, first, last, organisation, role, municipalities or None = all three)
DEMO_GEBRUIKERS: list[tuple[str, str, str, str, str, list[str] | None]] = [
    ("kr.werkkom", "Sanne", "de Vries", "Werk.Kom", "klantregisseur", None),
    ("kr.weert", "Youssef", "Bakker", "Gemeente Weert", "klantregisseur", ["0988"]),
    ("kr.nederweert", "Anouk", "Jacobs", "Gemeente Nederweert", "klantregisseur", ["0946"]),
    ("kr.cranendonck", "Bram", "Hendriks", "Gemeente Cranendonck", "klantregisseur", ["1706"]),
    ("tl.werkkom", "Petra", "Smeets", "Werk.Kom", "teamleider", None),
    ("bm.regio", "Karin", "Peeters", "Gemeente Weert", "beleidsmedewerker", None),
    ("kp.taalschool", "Ruud", "Verhoeven", "Taalschool Zuid", "ketenpartner", None),
    ("fb.regio", "Mark", "Janssen", "Werk.Kom", "functioneel_beheerder", None),
]


def bsn_reeks(start: int = 0) -> Iterator[str]:
    """Fake BSNs: '99' + a 6-digit counter + the check digit that makes the 11-proef hold."""
    for teller in range(start, 1_000_000):
        body = f"99{teller:06d}"
        check = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            yield f"{body}{check}"


@dataclass
class Samenvatting:
    dataset: str
    gemeenten: int
    dossiers: int
    tijdlijnfeiten: int
    gebruikers: list[str]


def database_is_leeg() -> bool:
    return not Gemeente.objects.exists()


def bouw(dataset: str, *, seed: int = 2022, peildatum: date | None = None) -> Samenvatting:
    """Build ``dataset`` into an empty database."""
    spec = DATASETS[dataset]
    peildatum = peildatum or timezone.localdate()
    rng = random.Random(f"{seed}-{dataset}")  # noqa: S311 - synthetic data, not security
    with transaction.atomic():
        # Content types and permissions first: a database emptied by a flush (as between
        # transactional tests) may lack them, and the roles are built from them.
        for app_config in django_apps.get_app_configs():
            create_contenttypes(app_config, verbosity=0)
            create_permissions(app_config, verbosity=0)
        installeer_standaardrollen()
        gemeenten = _maak_gemeenten(spec)
        gebruikers = _maak_gebruikers(gemeenten)
    regio_kr = {
        code: [u for u in gebruikers["klantregisseur"] if code in u[1]] for code, *_ in REGIO
    }
    extra_kr = _maak_extra_klantregisseurs(gemeenten[3:])
    omgeving = _inhoud_omgeving(gemeenten, gebruikers, peildatum)
    # The intakes and PIPs draw from their own generator: the facts' stream stays as it was.
    rng_inhoud = random.Random(f"{seed}-{dataset}-inhoud")  # noqa: S311 - synthetic data
    # The region's weights by CBS code: ``gemeenten`` is sorted by code, REGIO is not.
    regio_gewicht = {code: gewicht for code, _naam, _oin, gewicht in REGIO}
    gewichten = [regio_gewicht[g.cbs_code] for g in gemeenten[:3]] + [
        rng.randint(20, 120) for _ in gemeenten[3:]
    ]
    bsns = bsn_reeks()
    aantal_feiten = 0
    batch = 5_000 if dataset != "demo" else spec.dossiers
    nummer = 0
    for start in range(0, spec.dossiers, batch):
        personen: list[Inburgeraar] = []
        dossiers: list[Dossier] = []
        feiten: list[TijdlijnFeit] = []
        per_dossier: list[tuple[list[TijdlijnFeit], list[Any]]] = []
        for index in range(start, min(start + batch, spec.dossiers)):
            gemeente = rng.choices(gemeenten, weights=gewichten)[0]
            kandidaten = regio_kr.get(gemeente.cbs_code) or extra_kr.get(gemeente.pk, [])
            nummer += 1
            persoon, dossier, dossierfeiten = _maak_dossier(
                rng,
                index=index,
                nummer=nummer,
                bsn=next(bsns),
                gemeente=gemeente,
                klantregisseurs=kandidaten,
                actief=index < spec.actief,
                peildatum=peildatum,
            )
            personen.append(persoon)
            dossiers.append(dossier)
            feiten.extend(dossierfeiten)
            per_dossier.append((dossierfeiten, [u for u, _scope in kandidaten]))
        partij = inhoud.Partij()
        # The stored route advice is text: Dutch, whatever language the caller runs in.
        with translation.override("nl"):
            for persoon, dossier, (dossierfeiten, regisseurs) in zip(
                personen, dossiers, per_dossier, strict=True
            ):
                inhoud.vul_dossier(
                    rng_inhoud,
                    partij,
                    omgeving,
                    persoon=persoon,
                    dossier=dossier,
                    feiten=dossierfeiten,
                    klantregisseurs=regisseurs,
                )
        with transaction.atomic():
            Inburgeraar.objects.bulk_create(personen, batch_size=2_000)
            Dossier.objects.bulk_create(dossiers, batch_size=2_000)
            TijdlijnFeit.objects.bulk_create(feiten, batch_size=5_000)
            partij.opslaan()
        aantal_feiten += len(feiten)
    Teller.objects.update_or_create(jaar=peildatum.year, defaults={"laatste": nummer})
    # The region's taakstelling and forecast parameters (beleidskader), for the policy view.
    vul_demo_taakstelling()
    # The timeline's key dates on each dossier, as recording facts one by one would store them.
    kengetallen.bijwerken()
    # Deadlines come from the rules engine, as in production's daily sweep.
    signalen.sweep(peildatum=peildatum)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Samenvatting(
        dataset=dataset,
        gemeenten=len(gemeenten),
        dossiers=spec.dossiers,
        tijdlijnfeiten=aantal_feiten,
        gebruikers=[u[0] for u in DEMO_GEBRUIKERS],
    )


def _maak_gemeenten(spec: DatasetSpec) -> list[Gemeente]:
    regio = [Gemeente(cbs_code=c, naam=n, oin=o) for c, n, o, _ in REGIO]
    codes_regio = {c for c, *_ in REGIO}
    extra: list[Gemeente] = []
    code = 1
    while len(extra) < spec.extra_gemeenten:
        cbs = f"{code:04d}"
        code += 1
        if cbs in codes_regio:
            continue
        extra.append(
            Gemeente(cbs_code=cbs, naam=f"Testgemeente {cbs}", oin=f"0000000100{cbs}000000")
        )
    Gemeente.objects.bulk_create(regio + extra)
    return list(Gemeente.objects.filter(cbs_code__in=codes_regio).order_by("cbs_code")) + list(
        Gemeente.objects.exclude(cbs_code__in=codes_regio).order_by("cbs_code")
    )


def _maak_gebruikers(gemeenten: list[Gemeente]) -> dict[str, list[tuple[Gebruiker, set[str]]]]:
    regio = {g.cbs_code: g for g in gemeenten[:3]}
    werkkom = Organisatie.objects.create(naam="Werk.Kom", soort=Organisatie.Soort.UITVOERING)
    werkkom.gemeenten.set(regio.values())
    organisaties = {"Werk.Kom": werkkom}
    for code, gemeente in regio.items():
        org = Organisatie.objects.create(
            naam=f"Gemeente {gemeente.naam}", soort=Organisatie.Soort.GEMEENTE
        )
        org.gemeenten.set([regio[code]])
        organisaties[org.naam] = org
    taalschool = Organisatie.objects.create(
        naam="Taalschool Zuid", soort=Organisatie.Soort.AANBIEDER
    )
    taalschool.gemeenten.set(regio.values())
    organisaties[taalschool.naam] = taalschool
    rollen = {r.code: r for r in Rol.objects.all()}
    wachtwoord = make_password(DEMO_WACHTWOORD)
    per_rol: dict[str, list[tuple[Gebruiker, set[str]]]] = {}
    for username, first, last, org, rol, codes in DEMO_GEBRUIKERS:
        user = Gebruiker.objects.create(
            username=username,
            first_name=first,
            last_name=last,
            organisatie=organisaties[org],
            password=wachtwoord,
        )
        scope = set(codes or regio)
        Lidmaatschap.objects.bulk_create(
            [Lidmaatschap(gebruiker=user, gemeente=regio[c], rol=rollen[rol]) for c in scope]
        )
        per_rol.setdefault(rol, []).append((user, scope))
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=user, name="demo", key=DEMO_TOTP_SLEUTEL.hex(), confirmed=True)
        for users in per_rol.values()
        for user, _scope in users
    )
    return per_rol


def _maak_extra_klantregisseurs(gemeenten: list[Gemeente]) -> dict[int, list[tuple[Any, set]]]:
    """One case manager per synthetic municipality (national dataset)."""
    if not gemeenten:
        return {}
    rol = Rol.objects.get(code="klantregisseur")
    wachtwoord = make_password(DEMO_WACHTWOORD)
    users = Gebruiker.objects.bulk_create(
        [
            Gebruiker(
                username=f"kr.{g.cbs_code}",
                first_name="Klantregisseur",
                last_name=g.naam,
                password=wachtwoord,
            )
            for g in gemeenten
        ]
    )
    users = list(Gebruiker.objects.filter(username__in=[u.username for u in users]))
    per_naam = {u.username: u for u in users}
    Lidmaatschap.objects.bulk_create(
        [
            Lidmaatschap(gebruiker=per_naam[f"kr.{g.cbs_code}"], gemeente=g, rol=rol)
            for g in gemeenten
        ]
    )
    return {g.pk: [(per_naam[f"kr.{g.cbs_code}"], {g.cbs_code})] for g in gemeenten}


def _inhoud_omgeving(
    gemeenten: list[Gemeente],
    gebruikers: dict[str, list[tuple[Gebruiker, set[str]]]],
    peildatum: date,
) -> inhoud.Omgeving:
    """Who adopts the PIPs (four eyes: a teamleider, never the case manager) and the region's
    language school. The synthetic municipalities get a teamleider of their own."""
    regio = gemeenten[:3]
    teamleider = gebruikers["teamleider"][0][0]
    teamleiders: dict[int, Any] = {g.pk: teamleider for g in regio}
    if gemeenten[3:]:
        rol = Rol.objects.get(code="teamleider")
        wachtwoord = make_password(DEMO_WACHTWOORD)
        Gebruiker.objects.bulk_create(
            [
                Gebruiker(
                    username=f"tl.{g.cbs_code}",
                    first_name="Teamleider",
                    last_name=g.naam,
                    password=wachtwoord,
                )
                for g in gemeenten[3:]
            ]
        )
        per_naam = {
            u.username: u
            for u in Gebruiker.objects.filter(username__startswith="tl.").exclude(
                username="tl.werkkom"
            )
        }
        Lidmaatschap.objects.bulk_create(
            [
                Lidmaatschap(gebruiker=per_naam[f"tl.{g.cbs_code}"], gemeente=g, rol=rol)
                for g in gemeenten[3:]
            ]
        )
        teamleiders.update({g.pk: per_naam[f"tl.{g.cbs_code}"] for g in gemeenten[3:]})
    return inhoud.Omgeving(
        peildatum=peildatum,
        teamleiders=teamleiders,
        aanbieder=Organisatie.objects.filter(soort=Organisatie.Soort.AANBIEDER).first(),
        aanbieder_gemeenten=frozenset(g.pk for g in regio),
    )


def _dag(rng: random.Random, lo: int, hi: int) -> timedelta:
    return timedelta(days=rng.randint(lo, hi))


def _maak_dossier(
    rng: random.Random,
    *,
    index: int,
    nummer: int,
    bsn: str,
    gemeente: Gemeente,
    klantregisseurs: list[tuple[Any, set]],
    actief: bool,
    peildatum: date,
) -> tuple[Inburgeraar, Dossier, list[TijdlijnFeit]]:
    asiel = rng.random() < 0.7
    herkomst = rng.choice(namen.HERKOMST_ASIEL if asiel else namen.HERKOMST_GEZIN)
    voornaam = rng.choice(namen.VOORNAMEN[herkomst])
    achternaam = rng.choice(namen.ACHTERNAMEN[herkomst])
    leeftijd = rng.randint(18, 60)
    verblijf = (
        (Verblijf.ASIEL_BEPAALDE_TIJD if rng.random() < 0.9 else Verblijf.NAREIZIGER_REGULIER)
        if asiel
        else (Verblijf.REGULIER_GEZIN if rng.random() < 0.85 else Verblijf.REGULIER_OVERIG)
    )
    # How far back the story starts: active dossiers in the last 2.5 years, closed ones earlier.
    terug = rng.randint(10, 900) if actief else rng.randint(1_100, 1_400)
    bekendmaking = peildatum - timedelta(days=terug)
    feiten: list[tuple[date, str, dict[str, Any], str]] = [
        (bekendmaking, TijdlijnFeit.Soort.VERBLIJFSRECHT_BEKENDGEMAAKT, {}, TijdlijnFeit.Bron.IND)
    ]
    koppeling = vestiging = None
    if asiel:
        koppeling = bekendmaking + _dag(rng, 7, 45)
        feiten.append(
            (
                koppeling,
                TijdlijnFeit.Soort.KOPPELING,
                {"gemeente": gemeente.cbs_code},
                TijdlijnFeit.Bron.COA,
            )
        )
        # ~35% wait three months or more in the COA (CBS, cohort 2022).
        vestiging = koppeling + (_dag(rng, 90, 200) if rng.random() < 0.35 else _dag(rng, 20, 89))
        ss139 = vestiging + _dag(rng, 1, 10)
    else:
        vestiging = bekendmaking
        ss139 = bekendmaking + _dag(rng, 14, 45)
    feiten.append(
        (
            vestiging,
            TijdlijnFeit.Soort.VESTIGING,
            {"gemeente": gemeente.cbs_code},
            TijdlijnFeit.Bron.REGIE,
        )
    )
    feiten.append(
        (ss139, TijdlijnFeit.Soort.DUO_GEBEURTENIS, {"code": "SS139"}, TijdlijnFeit.Bron.DUO)
    )
    intake = ss139 + _dag(rng, 14, 50)
    feiten.append((intake, TijdlijnFeit.Soort.BREDE_INTAKE_AFGEROND, {}, TijdlijnFeit.Bron.REGIE))
    pip = intake + (_dag(rng, 5, 25) if rng.random() < 0.8 else _dag(rng, 26, 60))
    leerroute = rng.choices(["z_route", "b1_route", "onderwijsroute"], weights=[15, 60, 25])[0]
    niveau = {"z_route": None, "b1_route": "B1", "onderwijsroute": "B1"}[leerroute]
    feiten.append(
        (
            pip,
            TijdlijnFeit.Soort.PIP_VASTGESTELD,
            {"leerroute": leerroute, "niveau": niveau},
            TijdlijnFeit.Bron.REGIE,
        )
    )
    if asiel:
        feiten.append(
            (
                vestiging + _dag(rng, 0, 14),
                TijdlijnFeit.Soort.BIJSTAND_GESTART,
                {},
                TijdlijnFeit.Bron.REGIE,
            )
        )
    gesprek = pip + _dag(rng, 100, 160)
    while gesprek < peildatum and gesprek < pip + timedelta(days=1_000):
        feiten.append((gesprek, TijdlijnFeit.Soort.VOORTGANGSGESPREK, {}, TijdlijnFeit.Bron.REGIE))
        gesprek += _dag(rng, 120, 200)
    if not actief:
        einde = pip + _dag(rng, 600, 1_000)
        if rng.random() < 0.7:
            feiten.append(
                (
                    einde,
                    TijdlijnFeit.Soort.DUO_GEBEURTENIS,
                    {"code": "SS106"},
                    TijdlijnFeit.Bron.DUO,
                )
            )
        else:
            feiten.append(
                (
                    einde,
                    TijdlijnFeit.Soort.PLICHT_BEEINDIGD,
                    {"reden": "vertrek"},
                    TijdlijnFeit.Bron.DUO,
                )
            )
    feiten = [f for f in feiten if f[0] <= peildatum]
    soorten = {f[1] for f in feiten}
    if not actief:
        fase = Fase.AFGEROND if any(f[2].get("code") == "SS106" for f in feiten) else Fase.BEEINDIGD
    elif TijdlijnFeit.Soort.PIP_VASTGESTELD in soorten:
        fase = Fase.TRAJECT
    elif TijdlijnFeit.Soort.BREDE_INTAKE_AFGEROND in soorten:
        fase = Fase.PIP
    elif TijdlijnFeit.Soort.VESTIGING in soorten:
        fase = Fase.INTAKE
    else:
        fase = Fase.GEKOPPELD if koppeling else Fase.AANGEMELD
    gevestigd = vestiging if vestiging and vestiging <= peildatum else None

    persoon = Inburgeraar(
        bsn=bsn,
        v_nummer=f"99{nummer:08d}",
        voornamen=voornaam,
        achternaam=achternaam,
        zoeknaam=maak_zoeknaam(achternaam, voornaam),
        geboortedatum=peildatum - timedelta(days=leeftijd * 365 + rng.randint(0, 364)),
        nationaliteit=herkomst,
        talen=namen.TALEN[herkomst],
        geletterdheid=rng.choices(
            [
                Geletterdheid.GEALFABETISEERD,
                Geletterdheid.ANDERS_GEALFABETISEERD,
                Geletterdheid.ANALFABEET,
                Geletterdheid.ONBEKEND,
            ],
            weights=[45, 35, 10, 10],
        )[0],
        telefoon=f"06-{rng.randint(10_000_000, 99_999_999)}",
        woonplaats=gemeente.naam if gevestigd else "",
    )
    regisseur = None
    if klantregisseurs and rng.random() < 0.95:
        regisseur = rng.choice(klantregisseurs)[0]
    aangemaakt = timezone.make_aware(
        timezone.datetime.combine(koppeling or bekendmaking, timezone.datetime.min.time())
    ) + timedelta(minutes=index % 1_440)
    dossier = Dossier(
        nummer=f"{peildatum.year}-{nummer:05d}"
        if nummer < 100_000
        else f"{peildatum.year}-{nummer}",
        inburgeraar=persoon,
        regie_gemeente=gemeente,
        klantregisseur=regisseur,
        fase=fase,
        verblijf=verblijf,
        doelgroep=Doelgroep.ASIELSTATUSHOUDER if asiel else Doelgroep.GEZINSMIGRANT_OVERIG,
        regime=Regime.WI2021 if bekendmaking >= date(2022, 1, 1) else Regime.WI2013,
        plicht_vanaf=bekendmaking,
        koppeling_datum=koppeling if koppeling and koppeling <= peildatum else None,
        koppeling_gemeente=gemeente if koppeling and koppeling <= peildatum else None,
        coa_locatie=rng.choice(namen.COA_LOCATIES) if asiel else "",
        vestiging_datum=gevestigd,
        aangemaakt_op=aangemaakt,
    )
    return (
        persoon,
        dossier,
        [
            TijdlijnFeit(dossier=dossier, datum=d, soort=s, gegevens=g, bron=b)
            for d, s, g, b in sorted(feiten, key=lambda f: f[0])
        ],
    )
