"""The brede intake (Wi 2021 art. 14): one resumable record per dossier, with the
leerbaarheidstoets, the health data (special category, own permission) and the positive-health
measurements as models of their own.

Every field of the intake may stay empty while the intake is in progress (it is filled over
several meetings); what must be filled before it can be completed is decided in
``regie.intake.volledigheid``, not here.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.dossiers.models import Dossier
from regie.intake import keuzes
from regie.intake.querysets import BredeIntakeQuerySet

_GEBRUIKER = settings.AUTH_USER_MODEL


def _keuze(label, choices, **kwargs):  # type: ignore[no-untyped-def]
    return models.CharField(label, max_length=30, choices=choices, blank=True, **kwargs)


def _tekst(label, **kwargs):  # type: ignore[no-untyped-def]
    return models.TextField(label, blank=True, **kwargs)


class BredeIntake(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dossier = models.OneToOneField(Dossier, on_delete=models.PROTECT, related_name="brede_intake")

    # Opleiding en diploma's
    hoogste_opleiding = _keuze(_("hoogst afgeronde opleiding"), keuzes.HoogsteOpleiding.choices)
    opleidingsjaren = models.PositiveSmallIntegerField(
        _("aantal jaren onderwijs"), null=True, blank=True, validators=[MaxValueValidator(30)]
    )
    opleiding_land = models.CharField(_("land van de opleiding"), max_length=100, blank=True)
    diploma_omschrijving = _tekst(_("diploma's en certificaten"))
    diploma_gewaardeerd = _keuze(
        _("diploma gewaardeerd via IDW of Nuffic"),
        keuzes.DiplomaWaardering.choices,
    )
    diploma_waardering_niveau = _keuze(_("gewaardeerd op niveau"), keuzes.Waarderingsniveau.choices)
    studiewens = _keuze(_("wens om verder te leren"), keuzes.Studiewens.choices)
    opleiding_toelichting = _tekst(_("toelichting opleiding"))

    # Werkervaring
    jaren_werkervaring = models.PositiveSmallIntegerField(
        _("jaren werkervaring"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    beroepen = _tekst(_("beroepen en sectoren"))
    werkervaring_nederland = _tekst(_("werkervaring in Nederland"))

    # Taal
    niveau_lezen = _keuze(_("lezen"), keuzes.Taalniveau.choices)
    niveau_luisteren = _keuze(_("luisteren"), keuzes.Taalniveau.choices)
    niveau_schrijven = _keuze(_("schrijven"), keuzes.Taalniveau.choices)
    niveau_spreken = _keuze(_("spreken"), keuzes.Taalniveau.choices)
    moedertaal = models.CharField(_("moedertaal"), max_length=100, blank=True)
    gesproken_talen = models.JSONField(_("gesproken talen"), default=list, blank=True)
    geletterdheid = models.CharField(
        _("geletterdheid"),
        max_length=30,
        choices=keuzes.Geletterdheid.choices,
        default=keuzes.Geletterdheid.ONBEKEND,
    )
    digitale_vaardigheden = _keuze(_("digitale vaardigheden"), keuzes.DigitaleVaardigheid.choices)
    taal_toelichting = _tekst(_("toelichting taal"))

    # Financiën en bijstand
    bijstand = _keuze(_("bijstand"), keuzes.Bijstand.choices)
    ontzorging = _keuze(_("financiële ontzorging (art. 56a Pw)"), keuzes.JaNeeOnbekend.choices)
    schulden = _keuze(_("schulden"), keuzes.JaNeeOnbekend.choices)
    financien_toelichting = _tekst(_("toelichting financiën"))

    # Huisvesting
    woonsituatie = _keuze(_("woonsituatie"), keuzes.Woonsituatie.choices)
    woning_verwacht_op = models.DateField(_("woning verwacht op"), null=True, blank=True)
    huisvesting_toelichting = _tekst(_("toelichting huisvesting"))

    # Gezin en kinderen
    gezinssituatie = _keuze(_("gezinssituatie"), keuzes.Gezinssituatie.choices)
    aantal_kinderen = models.PositiveSmallIntegerField(
        _("aantal kinderen"), null=True, blank=True, validators=[MaxValueValidator(20)]
    )
    vve = _keuze(_("voor- en vroegschoolse educatie (VVE)"), keuzes.Vve.choices)
    kinderopvang_nodig = _keuze(_("kinderopvang nodig"), keuzes.JaNeeOnbekend.choices)
    gezinshereniging = _keuze(_("gezinsleden komen nog over"), keuzes.JaNeeOnbekend.choices)
    gezin_toelichting = _tekst(_("toelichting gezin"))

    # Sociaal netwerk
    netwerk = _keuze(_("sociaal netwerk"), keuzes.Netwerk.choices)
    contacten = _tekst(_("belangrijke contacten"))
    maatje_gewenst = _keuze(_("wil een maatje of taalmaatje"), keuzes.JaNeeOnbekend.choices)

    # Participatie
    activiteiten = _tekst(_("huidige activiteiten"))
    interesses = _tekst(_("interesses en hobby's"))
    vrijwilligerswerk_gewenst = _keuze(
        _("wil vrijwilligerswerk doen"), keuzes.JaNeeOnbekend.choices
    )

    # Werkwensen en ambities
    werkwensen = _tekst(_("werkwensen"))
    ambities = _tekst(_("ambities op langere termijn"))
    beschikbaar_uren = models.PositiveSmallIntegerField(
        _("beschikbaar (uren per week)"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )

    # Eigen doelen: exactly as the person said them (never stripped or rewritten).
    eigen_doelen = _tekst(_("eigen doelen, in eigen woorden"))
    taal_persoon = models.CharField(
        _("taal voor het ontwikkelplan"),
        max_length=5,
        choices=keuzes.TaalPersoon.choices,
        default=keuzes.TaalPersoon.NL,
    )

    # The case manager's route decision, after the system's advice (regie.intake.advies).
    leerroute = _keuze(_("leerroute"), keuzes.Leerroute.choices)
    niveau = models.CharField(_("niveau"), max_length=2, choices=keuzes.Niveau.choices, blank=True)
    alfabetisering = models.CharField(
        _("alfabetisering"), max_length=3, choices=keuzes.Alfabetisering.choices, blank=True
    )
    duale_opties = models.JSONField(_("duale opties"), default=list, blank=True)
    advies_gevolgd = models.BooleanField(_("advies gevolgd"), null=True, blank=True)
    motivatie_afwijking = _tekst(_("motivatie afwijking van het advies"))
    # The advice as it was shown when deciding: the decision stays explainable after the facts
    # change.
    advies_bij_besluit = models.JSONField(default=dict, blank=True, editable=False)
    besluit_op = models.DateTimeField(_("besluit genomen op"), null=True, blank=True)
    besluit_door = models.ForeignKey(
        _GEBRUIKER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Completion
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    afgerond_door = models.ForeignKey(
        _GEBRUIKER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Bookkeeping
    gestart_op = models.DateField(_("gestart op"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    gewijzigd_door = models.ForeignKey(
        _GEBRUIKER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Optimistic lock over the intake, its leerbaarheidstoets and the route decision.
    versie = models.PositiveIntegerField(_("versie"), default=1)

    objects = BredeIntakeQuerySet.as_manager()

    class Meta:
        verbose_name = _("brede intake")
        verbose_name_plural = _("brede intakes")

    def __str__(self) -> str:
        return f"Brede intake {self.dossier_id}"

    @property
    def is_afgerond(self) -> bool:
        return self.afgerond_op is not None


class Leerbaarheidstoets(models.Model):
    """DUO's learnability test (law.md R3.3): taken with a score, or skipped with a reason."""

    intake = models.OneToOneField(
        BredeIntake, on_delete=models.PROTECT, related_name="leerbaarheidstoets"
    )
    aangemeld_op = models.DateField(_("aangemeld op"), null=True, blank=True)
    afgenomen_op = models.DateField(_("afgenomen op"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    vereiste_score = models.PositiveSmallIntegerField(_("vereiste score"), null=True, blank=True)
    resultaat = _keuze(_("resultaat"), keuzes.LbtResultaat.choices)
    overgeslagen = models.BooleanField(_("toets overgeslagen"), default=False)
    reden_overslaan = _keuze(_("reden"), keuzes.LbtRedenOverslaan.choices)
    toelichting = _tekst(_("toelichting"))
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("leerbaarheidstoets")
        verbose_name_plural = _("leerbaarheidstoetsen")

    def __str__(self) -> str:
        return f"LBT {self.intake_id}"

    @property
    def is_afgerond(self) -> bool:
        """Taken with a result, or skipped with a reason (and an explanation for 'anders')."""
        if self.overgeslagen:
            return bool(self.reden_overslaan) and (
                self.reden_overslaan != keuzes.LbtRedenOverslaan.ANDERS
                or bool(self.toelichting.strip())
            )
        return self.afgenomen_op is not None and bool(self.resultaat)


class Gezondheid(models.Model):
    """Health: special-category personal data (AVG art. 9). Only with ``intake.view_gezondheid``
    / ``intake.change_gezondheid``; every read is audited with object type ``gezondheid``.

    The route advice never reads this model, so the advice can be shown to anyone who may see
    the intake without revealing health data.
    """

    intake = models.OneToOneField(BredeIntake, on_delete=models.PROTECT, related_name="gezondheid")
    lichamelijk = _tekst(_("lichamelijke gezondheid"))
    psychisch = _tekst(_("psychische gezondheid"))
    beperkingen = _tekst(_("beperkingen (ook zintuiglijk)"))
    zorg = _tekst(_("zorg en behandeling"))
    belastbaarheid = _keuze(_("belastbaarheid"), keuzes.Belastbaarheid.choices)
    toelichting = _tekst(_("toelichting"))
    gewijzigd_op = models.DateTimeField(auto_now=True)
    gewijzigd_door = models.ForeignKey(
        _GEBRUIKER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Its own lock: the health page is edited by fewer people, apart from the rest.
    versie = models.PositiveIntegerField(_("versie"), default=1)

    class Meta:
        verbose_name = _("gezondheid")
        verbose_name_plural = _("gezondheid")
        # Not Django's default four: exactly the two rights a role can be given.
        default_permissions = ()
        permissions = [
            ("view_gezondheid", "Gezondheidsgegevens van de brede intake inzien"),
            ("change_gezondheid", "Gezondheidsgegevens van de brede intake wijzigen"),
        ]

    def __str__(self) -> str:
        return f"Gezondheid {self.intake_id}"

    @property
    def heeft_inhoud(self) -> bool:
        return any(
            (self.lichamelijk, self.psychisch, self.beperkingen, self.zorg, self.toelichting)
        ) or bool(self.belastbaarheid)


_SCORE = [MinValueValidator(0), MaxValueValidator(10)]


class PositieveGezondheidScore(models.Model):
    """One positive-health measurement: the person scores six dimensions 0–10. Repeatable:
    the first and the latest are compared to show change. Append-only in practice."""

    DIMENSIES = (
        ("lichaamsfuncties", _("Lichaamsfuncties")),
        ("mentaal_welbevinden", _("Mentaal welbevinden")),
        ("zingeving", _("Zingeving")),
        ("kwaliteit_van_leven", _("Kwaliteit van leven")),
        ("meedoen", _("Meedoen")),
        ("dagelijks_functioneren", _("Dagelijks functioneren")),
    )

    id = models.BigAutoField(primary_key=True)
    intake = models.ForeignKey(
        BredeIntake, on_delete=models.PROTECT, related_name="positieve_gezondheid"
    )
    datum = models.DateField(_("datum"))
    lichaamsfuncties = models.PositiveSmallIntegerField(_("lichaamsfuncties"), validators=_SCORE)
    mentaal_welbevinden = models.PositiveSmallIntegerField(
        _("mentaal welbevinden"), validators=_SCORE
    )
    zingeving = models.PositiveSmallIntegerField(_("zingeving"), validators=_SCORE)
    kwaliteit_van_leven = models.PositiveSmallIntegerField(
        _("kwaliteit van leven"), validators=_SCORE
    )
    meedoen = models.PositiveSmallIntegerField(_("meedoen"), validators=_SCORE)
    dagelijks_functioneren = models.PositiveSmallIntegerField(
        _("dagelijks functioneren"), validators=_SCORE
    )
    toelichting = _tekst(_("toelichting, in eigen woorden"))
    vastgelegd_op = models.DateTimeField(auto_now_add=True)
    vastgelegd_door = models.ForeignKey(
        _GEBRUIKER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("meting positieve gezondheid")
        verbose_name_plural = _("metingen positieve gezondheid")
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lichaamsfuncties__lte=10)
                & models.Q(mentaal_welbevinden__lte=10)
                & models.Q(zingeving__lte=10)
                & models.Q(kwaliteit_van_leven__lte=10)
                & models.Q(meedoen__lte=10)
                & models.Q(dagelijks_functioneren__lte=10),
                name="pg_score_max_10",
            )
        ]

    def __str__(self) -> str:
        return f"Positieve gezondheid {self.datum}"

    @property
    def scores(self) -> list[int]:
        return [getattr(self, code) for code, _label in self.DIMENSIES]
