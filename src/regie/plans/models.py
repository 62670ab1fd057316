"""The PIP (Wi 2021 art. 15): one per dossier, every change a new version (a new beschikking).

A version moves concept → ter_goedkeuring → vastgesteld; a rejection sends it back to concept
with a reason (``Beoordeling``). Only one version is open (concept or ter goedkeuring) at a
time. The dagtekening of the *first* vastgestelde version starts the inburgeringstermijn; the
rules engine computes that from the ``pip_vastgesteld`` timeline fact, never this module.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regie.core.models import Organisatie
from regie.dossiers.models import Dossier
from regie.intake.keuzes import Alfabetisering, Leerroute, Niveau
from regie.plans.querysets import PipQuerySet, PipVersieQuerySet

UREN_PER_WEEK = [MinValueValidator(0), MaxValueValidator(60)]
# The bounds of geschatteIntensiteitB1Route in DUO's PIP API (openapi.yml: 1..9999).
GESCHATTE_UREN_B1_MIN, GESCHATTE_UREN_B1_MAX = 1, 9999


# The PIP's route decision uses the intake's choice lists (same stored values). The PIP screens
# and its beschikking label AA without the intake's "(ander schrift)"; that label is kept as the
# PIP had it before the lists were merged.
ALFABETISERING_KEUZES = [
    (waarde, _("AA: anders gealfabetiseerd") if waarde == Alfabetisering.AA else label)
    for waarde, label in Alfabetisering.choices
]


class Pip(models.Model):
    """The persoonlijk plan inburgering en participatie of one dossier.

    ``versie`` is the optimistic lock of the whole PIP (as ``Dossier.versie``): every write to
    the PIP or one of its versions moves it, so of two concurrent writers the second is refused.
    """

    dossier = models.OneToOneField(
        Dossier, on_delete=models.PROTECT, related_name="pip", verbose_name=_("dossier")
    )
    taal = models.CharField(
        _("taal van het ontwikkelplan"),
        max_length=10,
        default="nl",
        help_text=_("De voorkeurstaal van de inburgeraar uit de brede intake."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    versie = models.PositiveIntegerField(_("versie"), default=1)

    objects = PipQuerySet.as_manager()

    class Meta:
        verbose_name = _("PIP")
        verbose_name_plural = _("PIP's")
        permissions = [
            ("pip_vaststellen", "Een PIP vaststellen of afkeuren (vier ogen)"),
        ]

    def __str__(self) -> str:
        return f"PIP {self.dossier_id}"


class PipVersie(models.Model):
    """One version of the PIP: a proposed or adopted beschikking with its own dagtekening."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        TER_GOEDKEURING = "ter_goedkeuring", _("Ter goedkeuring")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")

    OPEN = (Status.CONCEPT, Status.TER_GOEDKEURING)

    pip = models.ForeignKey(Pip, on_delete=models.PROTECT, related_name="versies")
    nummer = models.PositiveIntegerField(_("versienummer"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    dagtekening = models.DateField(
        _("dagtekening"),
        help_text=_(
            "De datum op de beschikking. De dagtekening van het eerste PIP bepaalt de start "
            "van de inburgeringstermijn."
        ),
    )
    # The plan (Wi 2021 art. 15; law.md R4.2)
    leerroute = models.CharField(_("leerroute"), max_length=20, choices=Leerroute.choices)
    niveau = models.CharField(
        _("niveau"),
        max_length=2,
        choices=Niveau.choices,
        blank=True,
        help_text=_("Leeg: DUO stelt B1 vast in de B1-route en de onderwijsroute."),
    )
    knm = models.BooleanField(_("KNM (Kennis van de Nederlandse Maatschappij)"), default=True)
    alfabetisering = models.CharField(
        _("alfabetisering"),
        max_length=3,
        choices=ALFABETISERING_KEUZES,
        default=Alfabetisering.NVT,
    )
    intensiteit_uren_per_week = models.DecimalField(
        _("geschatte intensiteit (uur per week)"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=UREN_PER_WEEK,
    )
    # DUO's geschatteIntensiteitB1Route (PIP API, SDI014): the estimated TOTAL hours to finish
    # the B1-route (language course and KNM). DUO accepts it only with the B1-route and for
    # asylum migrants; the rules engine decides that (pip_aanleveren), not this model.
    geschatte_uren_b1 = models.PositiveIntegerField(
        _("geschatte uren B1-route (totaal)"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(GESCHATTE_UREN_B1_MIN),
            MaxValueValidator(GESCHATTE_UREN_B1_MAX),
        ],
        help_text=_(
            "Schatting van het totaal aantal uren om de B1-route af te ronden (taalcursus en "
            "KNM), 1 tot en met 9999. Alleen bij de B1-route van een asielstatushouder; DUO "
            "weigert het PIP anders."
        ),
    )
    # DUO's indicatorMagOpleidingAfmaken: someone already following a non-exempting education
    # may finish it before starting the leerroute.
    mag_opleiding_afmaken = models.BooleanField(
        _("mag huidige opleiding eerst afmaken"),
        default=False,
        help_text=_(
            "De inburgeraar volgt al een opleiding die geen vrijstelling geeft en mag die eerst "
            "afmaken voordat de gekozen leerroute start."
        ),
    )
    # The inburgeringsaanbod for status holders: a registered provider or a name.
    aanbieder = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"soort": Organisatie.Soort.AANBIEDER},
        verbose_name=_("aanbieder"),
    )
    aanbieder_naam = models.CharField(
        _("aanbieder (niet geregistreerd)"), max_length=200, blank=True
    )
    aanbieder_keurmerk = models.BooleanField(
        _("aanbieder heeft een keurmerk (Blik op Werk of erkende taalschakelinstelling)"),
        default=False,
    )
    pvt_uren = models.PositiveSmallIntegerField(_("PVT: intensiteit (uren)"), null=True, blank=True)
    map_uren = models.PositiveSmallIntegerField(_("MAP: intensiteit (uren)"), null=True, blank=True)
    participatie = models.TextField(_("participatie"), blank=True)
    maatschappelijke_begeleiding = models.TextField(_("maatschappelijke begeleiding"), blank=True)
    ontzorgen = models.BooleanField(_("financieel ontzorgen"), default=False)
    ontzorgen_toelichting = models.TextField(_("toelichting ontzorgen"), blank=True)
    overige_afspraken = models.TextField(_("overige afspraken"), blank=True)
    # Process
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    ingediend_op = models.DateTimeField(_("ter goedkeuring aangeboden op"), null=True, blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    documenten = models.ManyToManyField(
        "letters.Document", blank=True, related_name="+", verbose_name=_("documenten")
    )

    objects = PipVersieQuerySet.as_manager()

    class Meta:
        verbose_name = _("PIP-versie")
        verbose_name_plural = _("PIP-versies")
        ordering = ["pip", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["pip", "nummer"], name="pipversie_nummer_uniek"),
            # At most one version in the making: a change starts from the last adopted one.
            models.UniqueConstraint(
                fields=["pip"],
                condition=Q(status__in=["concept", "ter_goedkeuring"]),
                name="pipversie_een_open_versie",
            ),
        ]

    def __str__(self) -> str:
        return f"PIP versie {self.nummer} ({self.status})"

    @property
    def aanbieder_weergave(self) -> str:
        return self.aanbieder.naam if self.aanbieder_id else self.aanbieder_naam


class DualeActiviteit(models.Model):
    """Work, volunteering or participation next to language learning (subgoal 4: dualiteit)."""

    class Soort(models.TextChoices):
        WERK = "werk", _("Betaald werk")
        VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
        WERKERVARING = "werkervaring", _("Werkervaringsplek of stage")
        OPLEIDING = "opleiding", _("Opleiding")
        PARTICIPATIE = "participatie", _("Participatie of activering")
        OVERIG = "overig", _("Overig")

    versie = models.ForeignKey(PipVersie, on_delete=models.CASCADE, related_name="activiteiten")
    volgorde = models.PositiveSmallIntegerField(default=0)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    uren_per_week = models.DecimalField(
        _("uur per week"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=UREN_PER_WEEK,
    )
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("duale activiteit")
        verbose_name_plural = _("duale activiteiten")
        ordering = ["versie", "volgorde", "id"]

    def __str__(self) -> str:
        return self.omschrijving


class Doel(models.Model):
    """A goal of the person, in their words where possible, with its subgoals."""

    versie = models.ForeignKey(PipVersie, on_delete=models.CASCADE, related_name="doelen")
    volgorde = models.PositiveSmallIntegerField(default=0)
    omschrijving = models.CharField(_("doel"), max_length=300)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["versie", "volgorde", "id"]

    def __str__(self) -> str:
        return self.omschrijving


class Subdoel(models.Model):
    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="subdoelen")
    volgorde = models.PositiveSmallIntegerField(default=0)
    omschrijving = models.CharField(_("subdoel"), max_length=300)

    class Meta:
        verbose_name = _("subdoel")
        verbose_name_plural = _("subdoelen")
        ordering = ["doel", "volgorde", "id"]

    def __str__(self) -> str:
        return self.omschrijving


class Beoordeling(models.Model):
    """A teamleider's decision on a version (four eyes): adopted, or rejected with a reason."""

    class Besluit(models.TextChoices):
        VASTGESTELD = "vastgesteld", _("Vastgesteld")
        AFGEKEURD = "afgekeurd", _("Afgekeurd")

    versie = models.ForeignKey(PipVersie, on_delete=models.PROTECT, related_name="beoordelingen")
    besluit = models.CharField(_("besluit"), max_length=20, choices=Besluit.choices)
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["versie", "-op", "-id"]

    def __str__(self) -> str:
        return f"{self.besluit} {self.op:%Y-%m-%d}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self._state.adding:
            raise PermissionError("Decisions are append-only.")
        super().save(*args, **kwargs)
