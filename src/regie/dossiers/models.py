"""Inburgeraar, Dossier (with the facts of the inburgeringsplicht) and the tijdlijn."""

from __future__ import annotations

import unicodedata
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente
from regie.core.validators import validate_bsn, validate_v_nummer
from regie.dossiers.querysets import DossierQuerySet, InburgeraarQuerySet


def maak_zoeknaam(achternaam: str, voornamen: str) -> str:
    """Accent-free lower case, so 'Öz' is found by 'oz'."""
    text = f"{achternaam} {voornamen}".strip()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Geletterdheid(models.TextChoices):
    GEALFABETISEERD = "gealfabetiseerd", _("gealfabetiseerd in het Latijnse schrift")
    ANDERS_GEALFABETISEERD = "anders_gealfabetiseerd", _("anders gealfabetiseerd")
    ANALFABEET = "analfabeet", _("niet gealfabetiseerd")
    ONBEKEND = "onbekend", _("nog onbekend")


class Inburgeraar(models.Model):
    """The person. Addressed everywhere by ``id`` (opaque); the BSN never leaves the page body."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bsn = models.CharField(_("BSN"), max_length=9, unique=True, validators=[validate_bsn])
    v_nummer = models.CharField(
        _("V-nummer"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_v_nummer],
    )
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    # Lower-cased "achternaam voornamen" for prefix search; indexed with pattern ops on PostgreSQL.
    zoeknaam = models.CharField(max_length=401, db_index=True, editable=False)
    geboortedatum = models.DateField(_("geboortedatum"))
    nationaliteit = models.CharField(
        _("nationaliteit"), max_length=3, blank=True, help_text=_("ISO 3166-1 alpha-3, bv. SYR")
    )
    talen = models.JSONField(_("gesproken talen"), default=list, blank=True)
    geletterdheid = models.CharField(
        _("geletterdheid"),
        max_length=30,
        choices=Geletterdheid.choices,
        default=Geletterdheid.ONBEKEND,
    )
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)

    objects = InburgeraarQuerySet.as_manager()

    class Meta:
        verbose_name = _("inburgeraar")
        verbose_name_plural = _("inburgeraars")

    def __str__(self) -> str:
        return self.volledige_naam

    def zet_zoeknaam(self) -> None:
        self.zoeknaam = maak_zoeknaam(self.achternaam, self.voornamen)

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def sorteernaam(self) -> str:
        return ", ".join(p for p in (self.achternaam, self.voornamen) if p)


class Fase(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    GEKOPPELD = "gekoppeld", _("Gekoppeld")
    INTAKE = "intake", _("Brede intake")
    PIP = "pip", _("PIP")
    TRAJECT = "traject", _("Traject")
    AFGEROND = "afgerond", _("Afgerond")
    BEEINDIGD = "beeindigd", _("Beëindigd")


class Doelgroep(models.TextChoices):
    ASIELSTATUSHOUDER = "asielstatushouder", _("Asielstatushouder")
    GEZINSMIGRANT_OVERIG = "gezinsmigrant_overig", _("Gezinsmigrant of overige migrant")


class Regime(models.TextChoices):
    WI2021 = "wi2021", _("Wet inburgering 2021")
    WI2013 = "wi2013", _("Wet inburgering 2013")


class Verblijf(models.TextChoices):
    """The residence kinds of the rules contract (Wi 2021 art. 3 and 13)."""

    ASIEL_BEPAALDE_TIJD = "asiel_bepaalde_tijd", _("Asiel, bepaalde tijd")
    NAREIZIGER_REGULIER = "nareiziger_regulier", _("Nareiziger, regulier")
    REGULIER_GEZIN = "regulier_gezin", _("Regulier, gezinsmigratie")
    REGULIER_OVERIG = "regulier_overig", _("Regulier, overig niet-tijdelijk")
    REGULIER_TIJDELIJK = "regulier_tijdelijk", _("Regulier, tijdelijk doel")
    EU_ERS = "eu_ers", _("EU/EER/Zwitserland")


class TermijnSoort(models.TextChoices):
    PIP = "pip", _("PIP vaststellen")
    VOORTGANGSGESPREK = "voortgangsgesprek", _("Voortgangsgesprek")
    TERMIJN_EIND = "termijn_eind", _("Einde inburgeringstermijn")


class Dossier(models.Model):
    """The municipality's case for one inburgeraar, holding the facts of the obligation.

    The obligation's facts (verblijf, doelgroep, regime, start) live here rather than in a table
    of their own: a dossier exists for exactly one obligation, and the caseload filters on them.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nummer = models.CharField(_("dossiernummer"), max_length=20, unique=True)
    inburgeraar = models.ForeignKey(Inburgeraar, on_delete=models.PROTECT, related_name="dossiers")
    regie_gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("regiegemeente")
    )
    klantregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="caseload",
        verbose_name=_("klantregisseur"),
    )
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    # The inburgeringsplicht
    verblijf = models.CharField(_("verblijf"), max_length=30, choices=Verblijf.choices)
    doelgroep = models.CharField(_("doelgroep"), max_length=30, choices=Doelgroep.choices)
    regime = models.CharField(_("regime"), max_length=10, choices=Regime.choices)
    plicht_vanaf = models.DateField(_("inburgeringsplichtig vanaf"), null=True, blank=True)
    # Koppeling and vestiging
    koppeling_datum = models.DateField(_("datum koppeling"), null=True, blank=True)
    koppeling_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gekoppeld aan gemeente"),
    )
    coa_locatie = models.CharField(_("COA-locatie"), max_length=100, blank=True)
    vestiging_datum = models.DateField(_("datum vestiging"), null=True, blank=True)
    # Deadlines as the rules engine last computed them (regie.dossiers.signalen): stored so the
    # caseload can filter and show them without evaluating every row. Never computed elsewhere.
    pip_uiterlijk = models.DateField(_("PIP uiterlijk"), null=True, blank=True)
    volgende_termijn = models.DateField(_("volgende termijn"), null=True, blank=True)
    volgende_termijn_soort = models.CharField(
        _("soort volgende termijn"), max_length=30, choices=TermijnSoort.choices, blank=True
    )
    termijnen_berekend_op = models.DateField(null=True, blank=True, editable=False)
    # Key dates of the timeline, kept by regie.dossiers.kengetallen whenever facts are recorded,
    # so aggregates over many dossiers need not read every timeline. The timeline stays the
    # source; these are derived, never edited.
    eerste_intake_op = models.DateField(
        _("brede intake afgerond op"), null=True, blank=True, editable=False
    )
    eerste_pip_op = models.DateField(
        _("eerste PIP vastgesteld op"), null=True, blank=True, editable=False
    )
    eerste_pip_leerroute = models.CharField(
        _("leerroute van het eerste PIP"), max_length=20, blank=True, editable=False
    )
    tweede_gesprek_op = models.DateField(
        _("tweede voortgangsgesprek na het eerste PIP"), null=True, blank=True, editable=False
    )
    voldaan_op = models.DateField(
        _("inburgeringsplicht voldaan (SS106) op"), null=True, blank=True, editable=False
    )
    uren_totaal = models.FloatField(_("gevolgde uren"), null=True, blank=True, editable=False)
    uren_keurmerk = models.FloatField(
        _("gevolgde uren bij een aanbieder met keurmerk"), null=True, blank=True, editable=False
    )
    # Bookkeeping
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    versie = models.PositiveIntegerField(_("versie"), default=1)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        permissions = [
            ("fase_wijzigen", "Fase van een dossier wijzigen"),
            ("toewijzen", "Dossier toewijzen aan een klantregisseur"),
        ]
        # The caseload always filters on the municipality first (scoping), then on one of these.
        indexes = [
            models.Index(fields=["regie_gemeente", "aangemaakt_op", "id"], name="dossier_gem_aanm"),
            models.Index(fields=["regie_gemeente", "fase", "id"], name="dossier_gem_fase"),
            models.Index(fields=["klantregisseur", "fase", "id"], name="dossier_kr_fase"),
            models.Index(fields=["regie_gemeente", "doelgroep", "id"], name="dossier_gem_dg"),
            models.Index(fields=["regie_gemeente", "nummer"], name="dossier_gem_nummer"),
            models.Index(fields=["regie_gemeente", "pip_uiterlijk"], name="dossier_gem_pip"),
        ]

    def __str__(self) -> str:
        return self.nummer


class TijdlijnFeit(models.Model):
    """One fact on a dossier's timeline. Append-only: facts are added, never edited.

    ``soort`` and ``gegevens`` follow the event types of the rules contract, so the timeline is
    the rules engine's input without translation (see regie.dossiers.regels).
    """

    class Soort(models.TextChoices):
        VERBLIJFSRECHT_BEKENDGEMAAKT = (
            "verblijfsrecht_bekendgemaakt",
            _("Verblijfsrecht bekendgemaakt"),
        )
        KOPPELING = "koppeling", _("Koppeling")
        VESTIGING = "vestiging", _("Vestiging")
        VERHUIZING = "verhuizing", _("Verhuizing")
        DUO_GEBEURTENIS = "duo_gebeurtenis", _("DUO-gebeurtenis")
        INFORMATIE_DERDEN_ONTVANGEN = (
            "informatie_derden_ontvangen",
            _("Informatie van derden ontvangen"),
        )
        BREDE_INTAKE_AFGEROND = "brede_intake_afgerond", _("Brede intake afgerond")
        PIP_VASTGESTELD = "pip_vastgesteld", _("PIP vastgesteld")
        VOORTGANGSGESPREK = "voortgangsgesprek", _("Voortgangsgesprek")
        UREN = "uren", _("Gevolgde uren")
        EXAMENPOGING = "examenpoging", _("Examenpoging")
        BIJSTAND_GESTART = "bijstand_gestart", _("Bijstand gestart")
        PVT_ONDERTEKEND = "pvt_ondertekend", _("PVT ondertekend")
        MAP_EINDGESPREK = "map_eindgesprek", _("MAP-eindgesprek")
        ZROUTE_AFGEROND = "zroute_afgerond", _("Z-route afgerond")
        TERMIJN_VERLENGD = "termijn_verlengd", _("Termijn verlengd")
        PLICHT_BEEINDIGD = "plicht_beeindigd", _("Inburgeringsplicht beëindigd")
        # Facts of Regie's own process; not rules input.
        DOSSIER_AANGEMAAKT = "dossier_aangemaakt", _("Dossier aangemaakt")
        FASE_GEWIJZIGD = "fase_gewijzigd", _("Fase gewijzigd")

    class Bron(models.TextChoices):
        REGIE = "regie", _("Regie")
        DUO = "duo", _("DUO")
        COA = "coa", _("COA")
        IND = "ind", _("IND")
        AANBIEDER = "aanbieder", _("Aanbieder")

    id = models.BigAutoField(primary_key=True)
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="tijdlijn")
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort"), max_length=40, choices=Soort.choices)
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("tijdlijnfeit")
        verbose_name_plural = _("tijdlijn")
        indexes = [models.Index(fields=["dossier", "datum", "id"], name="tijdlijn_dossier_datum")]

    def __str__(self) -> str:
        return f"{self.datum} {self.soort}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self._state.adding:
            raise PermissionError("Timeline facts are append-only.")
        super().save(*args, **kwargs)


class Teller(models.Model):
    """Per-year counter for dossier numbers; locked row per increment, so no duplicates."""

    jaar = models.PositiveIntegerField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.jaar}: {self.laatste}"
