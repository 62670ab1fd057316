"""The sections of the brede intake, defined once: their fields, whether completing the intake
needs them, and their status. Forms, views, templates and the completeness check all read this.

Which sections are required (docs: see ``volledigheid.py``): the subjects art. 14 Wi names
(opleiding, werkervaring; law.md R3.2), what the route decision rests on (taal), and the person's
own goals. The other life domains are asked about but do not block completion: not every
subject applies to everyone, and a section left empty is visible on the overview.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.db import models
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from regie.intake import keuzes
from regie.intake.models import BredeIntake


class Status(StrEnum):
    LEEG = "leeg"
    DEELS = "deels"
    VOLLEDIG = "volledig"


STATUS_LABELS = {
    Status.LEEG: _("Nog niet ingevuld"),
    Status.DEELS: _("Deels ingevuld"),
    Status.VOLLEDIG: _("Ingevuld"),
}


@dataclass(frozen=True)
class Sectie:
    code: str
    titel: str | Promise
    velden: tuple[str, ...]
    # None: optional section. Otherwise: when it counts as complete, and how to say so.
    volledig: Callable[[BredeIntake], bool] | None = None
    eis: str | Promise = ""
    vereist: tuple[str, ...] = ()  # the fields ``volledig`` looks at (marked on the form)

    @property
    def verplicht(self) -> bool:
        return self.volledig is not None

    def status(self, intake: BredeIntake | None) -> Status:
        if intake is None or not any(not is_leeg(intake, veld) for veld in self.velden):
            return Status.LEEG
        if self.volledig is None or self.volledig(intake):
            return Status.VOLLEDIG
        return Status.DEELS


_LEGE_WAARDEN: dict[str, Any] = {
    "geletterdheid": keuzes.Geletterdheid.ONBEKEND,
    "taal_persoon": keuzes.TaalPersoon.NL,
}


def is_leeg(intake: BredeIntake, veld: str) -> bool:
    waarde = getattr(intake, veld)
    if veld in _LEGE_WAARDEN:
        return waarde == _LEGE_WAARDEN[veld]
    if isinstance(waarde, str):
        return not waarde.strip()
    return waarde in (None, [], {})


def rijen(obj: models.Model, velden: Iterable[str]) -> list[tuple[str, str]]:
    """(label, text) of the filled-in fields, for a read-only summary. Templates escape the
    text; it is never marked safe."""
    resultaat = []
    for veld in velden:
        waarde = getattr(obj, veld)
        if waarde in (None, "", [], {}) or (isinstance(obj, BredeIntake) and is_leeg(obj, veld)):
            continue
        field = obj._meta.get_field(veld)
        if getattr(field, "choices", None):
            tekst = str(getattr(obj, f"get_{veld}_display")())
        elif isinstance(waarde, list):
            tekst = ", ".join(str(w) for w in waarde)
        elif isinstance(waarde, date):
            tekst = date_format(waarde, "j F Y")
        else:
            tekst = str(waarde)
        resultaat.append((capfirst(str(field.verbose_name)), tekst))
    return resultaat


TAALVAARDIGHEDEN = ("niveau_lezen", "niveau_luisteren", "niveau_schrijven", "niveau_spreken")

SECTIES: tuple[Sectie, ...] = (
    Sectie(
        "opleiding",
        _("Opleiding en diploma's"),
        (
            "hoogste_opleiding",
            "opleidingsjaren",
            "opleiding_land",
            "diploma_omschrijving",
            "diploma_gewaardeerd",
            "diploma_waardering_niveau",
            "studiewens",
            "opleiding_toelichting",
        ),
        volledig=lambda i: bool(i.hoogste_opleiding),
        eis=_("de hoogst afgeronde opleiding"),
        vereist=("hoogste_opleiding",),
    ),
    Sectie(
        "werkervaring",
        _("Werkervaring"),
        ("jaren_werkervaring", "beroepen", "werkervaring_nederland"),
        volledig=lambda i: i.jaren_werkervaring is not None,
        eis=_("het aantal jaren werkervaring (0 als er geen is)"),
        vereist=("jaren_werkervaring",),
    ),
    Sectie(
        "taal",
        _("Taal"),
        (
            *TAALVAARDIGHEDEN,
            "moedertaal",
            "gesproken_talen",
            "geletterdheid",
            "digitale_vaardigheden",
            "taal_toelichting",
        ),
        volledig=lambda i: (
            all(getattr(i, v) for v in TAALVAARDIGHEDEN)
            and i.geletterdheid != keuzes.Geletterdheid.ONBEKEND
        ),
        eis=_("het niveau voor alle vier vaardigheden en de geletterdheid"),
        vereist=(*TAALVAARDIGHEDEN, "geletterdheid"),
    ),
    Sectie(
        "financien",
        _("Financiën en bijstand"),
        ("bijstand", "ontzorging", "schulden", "financien_toelichting"),
    ),
    Sectie(
        "huisvesting",
        _("Huisvesting"),
        ("woonsituatie", "woning_verwacht_op", "huisvesting_toelichting"),
    ),
    Sectie(
        "gezin",
        _("Gezin en kinderen"),
        (
            "gezinssituatie",
            "aantal_kinderen",
            "vve",
            "kinderopvang_nodig",
            "gezinshereniging",
            "gezin_toelichting",
        ),
    ),
    Sectie("netwerk", _("Sociaal netwerk"), ("netwerk", "contacten", "maatje_gewenst")),
    Sectie(
        "participatie",
        _("Participatie"),
        ("activiteiten", "interesses", "vrijwilligerswerk_gewenst"),
    ),
    Sectie(
        "werkwensen",
        _("Werkwensen en ambities"),
        ("werkwensen", "ambities", "beschikbaar_uren"),
    ),
    Sectie(
        "eigen_doelen",
        _("Eigen doelen"),
        ("eigen_doelen", "taal_persoon"),
        volledig=lambda i: bool(i.eigen_doelen.strip()),
        eis=_("de doelen van de persoon, in eigen woorden"),
        vereist=("eigen_doelen",),
    ),
)

PER_CODE: dict[str, Sectie] = {s.code: s for s in SECTIES}
