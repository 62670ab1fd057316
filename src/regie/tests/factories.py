"""Factories with a trait per state, so tests read like the domain."""

from __future__ import annotations

from datetime import date

import factory
from django.utils import timezone

from regie.accounts.models import Gebruiker, Lidmaatschap, Rol
from regie.core.models import Gemeente
from regie.demo.generator import bsn_reeks
from regie.dossiers.models import (
    Doelgroep,
    Dossier,
    Fase,
    Inburgeraar,
    Regime,
    TijdlijnFeit,
    Verblijf,
    maak_zoeknaam,
)

_BSNS = bsn_reeks(start=500_000)
TEST_WACHTWOORD = "test-wachtwoord-2026"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("cbs_code",)

    cbs_code = factory.Sequence(lambda n: f"{n + 2000:04d}")
    naam = factory.LazyAttribute(lambda o: f"Gemeente {o.cbs_code}")


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password(TEST_WACHTWOORD)

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        """``rollen=[("klantregisseur", gemeente), ...]``"""
        for code, gemeente in extracted or []:
            Lidmaatschap.objects.create(
                gebruiker=self, gemeente=gemeente, rol=Rol.objects.get(code=code)
            )


class InburgeraarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inburgeraar

    bsn = factory.LazyFunction(lambda: next(_BSNS))
    voornamen = factory.Iterator(["Rama", "Tesfay", "Zahra", "Emre", "Lina"])
    achternaam = factory.Iterator(["Haddad", "Kidane", "Ahmadi", "Kaya", "Mansour"])
    zoeknaam = factory.LazyAttribute(lambda o: maak_zoeknaam(o.achternaam, o.voornamen))
    geboortedatum = date(1994, 3, 2)
    nationaliteit = "SYR"


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    nummer = factory.Sequence(lambda n: f"2026-{n + 1:05d}")
    inburgeraar = factory.SubFactory(InburgeraarFactory)
    regie_gemeente = factory.SubFactory(GemeenteFactory)
    fase = Fase.GEKOPPELD
    verblijf = Verblijf.ASIEL_BEPAALDE_TIJD
    doelgroep = Doelgroep.ASIELSTATUSHOUDER
    regime = Regime.WI2021
    plicht_vanaf = date(2024, 2, 5)
    koppeling_datum = date(2024, 3, 1)
    koppeling_gemeente = factory.SelfAttribute("regie_gemeente")

    class Params:
        gezinsmigrant = factory.Trait(
            verblijf=Verblijf.REGULIER_GEZIN,
            doelgroep=Doelgroep.GEZINSMIGRANT_OVERIG,
            fase=Fase.AANGEMELD,
            koppeling_datum=None,
            koppeling_gemeente=None,
        )
        gevestigd = factory.Trait(fase=Fase.INTAKE, vestiging_datum=date(2024, 5, 1))


class TijdlijnFeitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TijdlijnFeit

    dossier = factory.SubFactory(DossierFactory)
    datum = factory.LazyFunction(timezone.localdate)
    soort = TijdlijnFeit.Soort.VOORTGANGSGESPREK
    bron = TijdlijnFeit.Bron.REGIE
