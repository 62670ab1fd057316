"""Choice lists of the brede intake. Values are stable codes (English-free Dutch, lower case);
labels are Dutch and translated through the catalogue. ``Leerroute``, ``Niveau`` and
``Alfabetisering`` are also the PIP's (``regie.plans`` sits above the intake and imports them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.dossiers.models import Geletterdheid

__all__ = [
    "Alfabetisering",
    "Belastbaarheid",
    "Bijstand",
    "DigitaleVaardigheid",
    "DiplomaWaardering",
    "Geletterdheid",
    "Gezinssituatie",
    "HoogsteOpleiding",
    "JaNeeOnbekend",
    "LbtRedenOverslaan",
    "LbtResultaat",
    "Leerroute",
    "Netwerk",
    "Niveau",
    "Studiewens",
    "TaalPersoon",
    "Taalniveau",
    "Vve",
    "Waarderingsniveau",
    "Woonsituatie",
]


class HoogsteOpleiding(models.TextChoices):
    """Highest education completed, in Dutch terms (the diploma's valuation is separate)."""

    GEEN = "geen", _("Geen of nauwelijks onderwijs")
    BASIS = "basis", _("Basisonderwijs")
    VOORTGEZET_ONDERBOUW = "voortgezet_onderbouw", _("Voortgezet onderwijs, niet afgerond")
    VOORTGEZET_DIPLOMA = "voortgezet_diploma", _("Diploma voortgezet onderwijs")
    BEROEPS = "beroeps", _("Beroepsopleiding (vergelijkbaar met mbo)")
    HOGER = "hoger", _("Hoger onderwijs (vergelijkbaar met hbo of wo)")


# Ordering of HoogsteOpleiding for the advice ("at least secondary school").
OPLEIDING_RANG = {
    HoogsteOpleiding.GEEN: 0,
    HoogsteOpleiding.BASIS: 1,
    HoogsteOpleiding.VOORTGEZET_ONDERBOUW: 2,
    HoogsteOpleiding.VOORTGEZET_DIPLOMA: 3,
    HoogsteOpleiding.BEROEPS: 3,
    HoogsteOpleiding.HOGER: 4,
}


class DiplomaWaardering(models.TextChoices):
    """Has a foreign diploma been valued (IDW / Nuffic)?"""

    JA = "ja", _("Ja, gewaardeerd")
    AANGEVRAAGD = "aangevraagd", _("Aangevraagd")
    NEE = "nee", _("Nee")
    NVT = "nvt", _("Niet van toepassing (geen diploma)")


class Waarderingsniveau(models.TextChoices):
    """The Dutch level a foreign diploma was valued at."""

    VMBO = "vmbo", _("vmbo")
    MBO_1_2 = "mbo_1_2", _("mbo niveau 1 of 2")
    MBO_3_4 = "mbo_3_4", _("mbo niveau 3 of 4")
    HAVO = "havo", _("havo")
    VWO = "vwo", _("vwo")
    HBO = "hbo", _("hbo (bachelor)")
    WO_BACHELOR = "wo_bachelor", _("wo-bachelor")
    WO_MASTER = "wo_master", _("wo-master of hoger")


class Studiewens(models.TextChoices):
    GEEN = "geen", _("Geen wens om verder te leren")
    MBO = "mbo", _("Wil naar het mbo")
    HBO = "hbo", _("Wil naar het hbo")
    WO = "wo", _("Wil naar de universiteit")
    ONBEKEND = "onbekend", _("Weet het nog niet")


class Taalniveau(models.TextChoices):
    """Level per language skill (CEFR), A0 meaning no Dutch yet."""

    A0 = "A0", _("A0 (nog geen Nederlands)")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", _("B2 of hoger")


TAALNIVEAU_RANG = {"A0": 0, "A1": 1, "A2": 2, "B1": 3, "B2": 4}


class DigitaleVaardigheid(models.TextChoices):
    GEEN = "geen", _("Geen: gebruikt geen computer of smartphone")
    BASIS = "basis", _("Basis: smartphone voor bellen en berichten")
    ZELFSTANDIG = "zelfstandig", _("Zelfstandig: e-mail, websites, formulieren")
    GEVORDERD = "gevorderd", _("Gevorderd: werkt vlot met computerprogramma's")


class Leerroute(models.TextChoices):
    """The rules contract's leerroutes (Wi 2021 art. 7)."""

    B1_ROUTE = "b1_route", _("B1-route")
    ONDERWIJSROUTE = "onderwijsroute", _("Onderwijsroute")
    Z_ROUTE = "z_route", _("Z-route")


class Niveau(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"


class Alfabetisering(models.TextChoices):
    """DUO's ``Alfabetiseringsonderwijs`` (law.md R5.15)."""

    A = "A", _("A: alfabetisering (niet gealfabetiseerd)")
    AA = "AA", _("AA: anders gealfabetiseerd (ander schrift)")
    NVT = "NVT", _("Niet van toepassing")


class LbtResultaat(models.TextChoices):
    VOLDOENDE = "voldoende", _("Voldoende (vereiste score gehaald)")
    ONVOLDOENDE = "onvoldoende", _("Onvoldoende (vereiste score niet gehaald)")


class LbtRedenOverslaan(models.TextChoices):
    # DUO: IndicatorLeerbaarheidstoetsOvergeslagenVanwegeZintuigelijkeBeperking (law.md R3.3).
    ZINTUIGLIJKE_BEPERKING = "zintuiglijke_beperking", _("Zintuiglijke beperking")
    ANDERS = "anders", _("Andere reden (licht toe)")


class JaNeeOnbekend(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    ONBEKEND = "onbekend", _("Onbekend")


class Bijstand(models.TextChoices):
    ONTVANGT = "ontvangt", _("Ontvangt bijstand")
    AANGEVRAAGD = "aangevraagd", _("Bijstand aangevraagd")
    NEE = "nee", _("Geen bijstand")


class Woonsituatie(models.TextChoices):
    AZC = "azc", _("In een AZC (COA)")
    TIJDELIJK = "tijdelijk", _("Tijdelijke woonruimte")
    EIGEN_WONING = "eigen_woning", _("Eigen (huur)woning")
    INWONEND = "inwonend", _("Inwonend bij familie of partner")
    ANDERS = "anders", _("Anders")


class Gezinssituatie(models.TextChoices):
    ALLEENSTAAND = "alleenstaand", _("Alleenstaand")
    PARTNER = "partner", _("Met partner, zonder kinderen")
    GEZIN = "gezin", _("Met partner en kinderen")
    EENOUDER = "eenouder", _("Alleenstaande ouder")


class Vve(models.TextChoices):
    """Voor- en vroegschoolse educatie for young children."""

    NVT = "nvt", _("Niet van toepassing (geen kinderen van 2 tot 4 jaar)")
    BESPROKEN = "besproken", _("Besproken")
    AANGEMELD = "aangemeld", _("Aangemeld")
    LOOPT = "loopt", _("Kind gaat naar de VVE")
    GEEN_INTERESSE = "geen_interesse", _("Besproken, geen belangstelling")


class Netwerk(models.TextChoices):
    STERK = "sterk", _("Sterk: familie, vrienden of buren om op terug te vallen")
    BEPERKT = "beperkt", _("Beperkt: een paar contacten")
    GEEN = "geen", _("Geen of bijna geen contacten")


class Belastbaarheid(models.TextChoices):
    VOLLEDIG = "volledig", _("Volledig belastbaar")
    BEPERKT = "beperkt", _("Beperkt belastbaar")
    NIET = "niet", _("Op dit moment niet belastbaar")
    ONBEKEND = "onbekend", _("Nog onbekend")


class TaalPersoon(models.TextChoices):
    """Languages the ontwikkelplan can be written in (ISO 639 codes)."""

    NL = "nl", _("Nederlands")
    EN = "en", _("Engels")
    AR = "ar", _("Arabisch")
    TI = "ti", _("Tigrinya")
    FA = "fa", _("Perzisch (Farsi, Dari)")
    PS = "ps", _("Pasjtoe")
    TR = "tr", _("Turks")
    UK = "uk", _("Oekraïens")
    RU = "ru", _("Russisch")
    SO = "so", _("Somalisch")
    AM = "am", _("Amhaars")
    KU = "ku", _("Koerdisch")
    FR = "fr", _("Frans")
