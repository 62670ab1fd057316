"""The batch and the build-wide context the demo's intake and PIP records are collected in.

``Partij`` holds the rows of one batch of dossiers until ``opslaan`` writes them with
``bulk_create``; ``Omgeving`` is what stays the same for every dossier of one build. ``moment``
and ``tussen`` draw the dates and times both ``regie.demo.brede_intake`` and ``regie.demo.pip``
need.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from regie.core.models import Organisatie
from regie.intake.models import BredeIntake, Leerbaarheidstoets, PositieveGezondheidScore
from regie.plans.models import Beoordeling, Doel, DualeActiviteit, Pip, PipVersie


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


def moment(dag: date, rng: random.Random) -> datetime:
    """An office-hours moment on ``dag``."""
    return timezone.make_aware(
        datetime.combine(dag, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))))
    )


def tussen(rng: random.Random, van: date, tot: date) -> date:
    return van + timedelta(days=rng.randint(0, max((tot - van).days, 0)))
