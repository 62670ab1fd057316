"""The DUO chain's durable state: the inbox of notifications, the outbox of deliveries with
their attempts, and the work items both raise for people.

Rows are written by services (``inbox``, ``outbox``, ``werkitems``) and moved between states by
the worker, one transition per transaction. Neither table stores what DUO can tell again: a
notification keeps DUO's message as received; a delivery keeps the exact body it sends, so a
resend is byte-for-byte the same message with the same ``bericht_id``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.core.models import Gemeente
from regie.dossiers.models import Dossier
from regie.integrations.duo.querysets import GemeenteQuerySet


class InboxNotificatie(models.Model):
    """One notification DUO posted to Regie (Notificatie API 1.8.0), stored before it is
    acknowledged. ``bericht_id`` is DUO's berichtId: a repeat is acknowledged, not stored."""

    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen, wacht op verwerking")
        IN_BEHANDELING = "in_behandeling", _("wordt verwerkt")
        VERWERKT = "verwerkt", _("verwerkt")
        WACHT = "wacht", _("wacht")
        ONBEKEND = "onbekend", _("onbekende gebeurtenis")
        ANDERE_GEMEENTE = "andere_gemeente", _("niet toegepast: andere gemeente")
        FOUT = "fout", _("wordt opnieuw geprobeerd")

    # States in which a notification still has to be handled (keep per-person order).
    OPEN = (Status.ONTVANGEN, Status.IN_BEHANDELING, Status.FOUT)

    id = models.BigAutoField(primary_key=True)
    bericht_id = models.UUIDField(_("berichtId"), unique=True)
    bron_oin = models.CharField(_("bron (OIN)"), max_length=20)
    doel_oin = models.CharField(_("doel (OIN)"), max_length=20)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gebeurtenis = models.CharField(_("gebeurtenis"), max_length=6)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    v_nummer = models.BigIntegerField(_("V-nummer"), null=True, blank=True)
    registratie_op = models.DateTimeField(_("geregistreerd bij DUO op"))
    ontvangen_op = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN
    )
    reden = models.CharField(_("reden"), max_length=40, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pogingen = models.PositiveIntegerField(default=0)
    volgende_poging = models.DateTimeField(null=True, blank=True)
    geclaimd_door = models.CharField(max_length=80, blank=True)
    geclaimd_tot = models.DateTimeField(null=True, blank=True)
    verwerkt_op = models.DateTimeField(null=True, blank=True)
    resultaat = models.JSONField(default=dict, blank=True)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("DUO-notificatie")
        verbose_name_plural = _("DUO-notificaties")
        permissions = [("view_monitor", "DUO-koppeling monitoren (inbox en outbox)")]
        indexes = [
            models.Index(fields=["status", "id"], name="duo_inbox_status"),
            models.Index(fields=["bsn", "id"], name="duo_inbox_bsn"),
            models.Index(fields=["dossier", "id"], name="duo_inbox_dossier"),
            models.Index(fields=["gemeente", "status", "id"], name="duo_inbox_gem_status"),
        ]

    def __str__(self) -> str:
        return f"{self.gebeurtenis} {self.bericht_id}"


class OutboxBericht(models.Model):
    """One delivery to DUO, placed inside the caller's transaction and sent by the worker."""

    class Status(models.TextChoices):
        WACHT = "wacht", _("wacht op verzending")
        BEZIG = "bezig", _("wordt verzonden")
        OPNIEUW = "opnieuw", _("wordt opnieuw geprobeerd")
        VERZONDEN = "verzonden", _("verzonden")
        GEWEIGERD = "geweigerd", _("geweigerd door DUO")

    OPEN = (Status.WACHT, Status.BEZIG, Status.OPNIEUW)

    id = models.BigAutoField(primary_key=True)
    bericht_id = models.UUIDField(_("berichtId"), unique=True, default=uuid.uuid4, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(_("soort"), max_length=40)
    operatie = models.CharField(_("DUO-operatie"), max_length=60)
    pad = models.JSONField(_("padparameters"), default=dict, blank=True)
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)
    verzoek = models.JSONField(_("bericht aan DUO"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHT
    )
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    geclaimd_door = models.CharField(max_length=80, blank=True)
    geclaimd_tot = models.DateTimeField(null=True, blank=True)
    fouttekst = models.TextField(_("fouttekst"), blank=True)
    alarm_gegeven = models.BooleanField(default=False)
    geplaatst_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("DUO-levering")
        verbose_name_plural = _("DUO-leveringen")
        indexes = [
            models.Index(fields=["status", "id"], name="duo_outbox_status"),
            models.Index(fields=["dossier", "id"], name="duo_outbox_dossier"),
            models.Index(fields=["gemeente", "status", "id"], name="duo_outbox_gem_status"),
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.bericht_id}"


class VerzendPoging(models.Model):
    """One attempt to send an outbox row, recorded *before* DUO is called."""

    class Uitkomst(models.TextChoices):
        ONBEKEND = "", _("onbekend (afgebroken)")
        VERZONDEN = "verzonden", _("verzonden")
        GEWEIGERD = "geweigerd", _("geweigerd")
        TECHNISCH = "technisch", _("technische fout")

    id = models.BigAutoField(primary_key=True)
    bericht = models.ForeignKey(
        OutboxBericht, on_delete=models.CASCADE, related_name="verzendpogingen"
    )
    nummer = models.PositiveIntegerField()
    worker = models.CharField(max_length=80)
    gestart_op = models.DateTimeField()
    geeindigd_op = models.DateTimeField(null=True, blank=True)
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    melding = models.TextField(blank=True)

    class Meta:
        verbose_name = _("verzendpoging")
        verbose_name_plural = _("verzendpogingen")
        constraints = [
            models.UniqueConstraint(fields=["bericht", "nummer"], name="duo_poging_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.bericht_id} #{self.nummer}"


class Werkitem(models.Model):
    """Something a person must do because of DUO: an event to act on, a refusal to resolve, a
    registration DUO only accepts in its portal. Created idempotently (``sleutel``)."""

    class Soort(models.TextChoices):
        NIEUWE_INBURGERAAR = "nieuwe_inburgeraar", _("Nieuwe inburgeringsplichtige")
        PERSOONSGEGEVENS = "persoonsgegevens", _("Persoonsgegevens aanvullen")
        DUO_GEBEURTENIS = "duo_gebeurtenis", _("DUO-gebeurtenis")
        DUO_WEIGERING = "duo_weigering", _("Geweigerd door DUO")
        VERZENDSTORING = "verzendstoring", _("Verzending naar DUO blijft mislukken")
        NOTIFICATIE = "notificatie", _("DUO-notificatie controleren")
        PORTAAL = "portaal", _("Registreren in DUO-portaal")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AFGEHANDELD = "afgehandeld", _("afgehandeld")

    id = models.BigAutoField(primary_key=True)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    # [{"label": ..., "waarde": ...}]: what to read or to copy into DUO's portal. Never a BSN.
    details = models.JSONField(_("gegevens"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    sleutel = models.CharField(max_length=120, unique=True, null=True, blank=True, editable=False)
    inbox = models.ForeignKey(
        InboxNotificatie, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outbox = models.ForeignKey(
        OutboxBericht, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkitem")
        verbose_name_plural = _("werkitems")
        indexes = [
            models.Index(fields=["dossier", "status", "id"], name="duo_werkitem_dossier"),
            models.Index(fields=["gemeente", "status", "id"], name="duo_werkitem_gem"),
        ]

    def __str__(self) -> str:
        return self.titel


class Contactpersoon(models.Model):
    """A contact person of the municipality registered at DUO (Contactpersoon API, SDI014):
    who the chain can ask about a newcomer. DUO assigns the id; Regie keeps a copy to choose
    from on the dossier page. Deleting one at DUO also removes its links to newcomers there;
    Regie keeps the row, inactive, so earlier deliveries stay readable."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    duo_id = models.PositiveIntegerField(_("nummer bij DUO"))
    naam = models.CharField(_("naam"), max_length=100)
    email = models.CharField(_("e-mailadres"), max_length=241)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=22)
    actief = models.BooleanField(_("actief"), default=True)
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("DUO-contactpersoon")
        verbose_name_plural = _("DUO-contactpersonen")
        ordering = ["gemeente", "-actief", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "duo_id"], name="duo_contactpersoon_uniek")
        ]
        permissions = [("beheer_contactpersonen", "DUO-contactpersonen van de gemeente beheren")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.email})"


class Instelling(models.Model):
    """An institution in DUO's list of recognised institutions (Inburgeringsaanbod API,
    ``getInstellingen``): a course provider with the Blik op Werk keurmerk and/or a recognised
    language-switch (TST) institution. A copy, refreshed by the worker; the course offer is
    chosen from it. An institution that left DUO's list stays, marked ``in_lijst=False``."""

    instellingsnummer = models.CharField(_("instellingsnummer"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=128)
    postcode = models.CharField(_("postcode"), max_length=6)
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    huisnummertoevoeging = models.CharField(_("toevoeging"), max_length=4, blank=True)
    plaatsnaam = models.CharField(_("plaats"), max_length=40)
    bow = models.CharField(_("registratienummer Blik op Werk"), max_length=10, blank=True)
    brin = models.CharField(_("BRIN"), max_length=4, blank=True)
    bow_keurmerk = models.BooleanField(_("keurmerk Blik op Werk"), default=False)
    tst_keurmerk = models.BooleanField(_("erkend taalschakeltraject (TST)"), default=False)
    in_lijst = models.BooleanField(_("in de lijst van DUO"), default=True)
    opgehaald_op = models.DateTimeField(_("opgehaald op"))

    class Meta:
        verbose_name = _("erkende instelling")
        verbose_name_plural = _("erkende instellingen")
        ordering = ["naam", "plaatsnaam"]

    def __str__(self) -> str:
        return f"{self.naam}, {self.plaatsnaam} ({self.instellingsnummer})"
