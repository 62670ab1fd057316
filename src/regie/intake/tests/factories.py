"""Factories of the brede intake, with a trait per state (``BredeIntakeFactory(volledig=True)``)."""

from __future__ import annotations

from datetime import date

import factory
from django.utils import timezone

from regie.intake import keuzes
from regie.intake.models import (
    BredeIntake,
    Gezondheid,
    Leerbaarheidstoets,
    PositieveGezondheidScore,
)
from regie.tests.factories import DossierFactory


class BredeIntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BredeIntake
        skip_postgeneration_save = True

    dossier = factory.SubFactory(DossierFactory, fase="intake")
    gestart_op = factory.LazyFunction(timezone.localdate)

    class Params:
        # Every section completion needs, filled in (not the test, measurement or decision).
        secties_volledig = factory.Trait(
            hoogste_opleiding=keuzes.HoogsteOpleiding.VOORTGEZET_DIPLOMA,
            jaren_werkervaring=3,
            niveau_lezen="A1",
            niveau_luisteren="A1",
            niveau_schrijven="A0",
            niveau_spreken="A1",
            geletterdheid=keuzes.Geletterdheid.ANDERS_GEALFABETISEERD,
            eigen_doelen="Ik wil als elektricien werken en mijn kinderen helpen met school.",
        )
        # Ready to complete: sections, a test result, a measurement and the route decision.
        volledig = factory.Trait(
            secties_volledig=True,
            leerroute=keuzes.Leerroute.B1_ROUTE,
            niveau=keuzes.Niveau.B1,
            alfabetisering=keuzes.Alfabetisering.AA,
            advies_gevolgd=True,
            besluit_op=factory.LazyFunction(timezone.now),
            lbt=factory.RelatedFactory(
                "regie.intake.tests.factories.LeerbaarheidstoetsFactory", "intake"
            ),
            meting=factory.RelatedFactory(
                "regie.intake.tests.factories.PositieveGezondheidScoreFactory", "intake"
            ),
        )


class LeerbaarheidstoetsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leerbaarheidstoets

    intake = factory.SubFactory(BredeIntakeFactory)
    aangemeld_op = date(2026, 1, 5)
    afgenomen_op = date(2026, 1, 12)
    score = 62
    vereiste_score = 50
    resultaat = keuzes.LbtResultaat.VOLDOENDE

    class Params:
        onvoldoende = factory.Trait(score=38, resultaat=keuzes.LbtResultaat.ONVOLDOENDE)
        overgeslagen_zintuiglijk = factory.Trait(
            aangemeld_op=None,
            afgenomen_op=None,
            score=None,
            vereiste_score=None,
            resultaat="",
            overgeslagen=True,
            reden_overslaan=keuzes.LbtRedenOverslaan.ZINTUIGLIJKE_BEPERKING,
        )


class PositieveGezondheidScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PositieveGezondheidScore

    intake = factory.SubFactory(BredeIntakeFactory)
    datum = date(2026, 1, 10)
    lichaamsfuncties = 6
    mentaal_welbevinden = 5
    zingeving = 7
    kwaliteit_van_leven = 5
    meedoen = 3
    dagelijks_functioneren = 6


class GezondheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gezondheid

    intake = factory.SubFactory(BredeIntakeFactory)
    lichamelijk = "Rugklachten na lang staan."
    belastbaarheid = keuzes.Belastbaarheid.BEPERKT
