"""Writes to the taakstelling register and the forecast parameters: one function per use case,
one transaction, its own audit event."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils.translation import gettext as _

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.core.models import Gemeente
from regie.forecasting.models import PrognoseBudget, PrognoseParameters, Taakstelling

MAX_IMPORTRIJEN = 5_000
IMPORTKOLOMMEN = ("gemeente", "jaar", "halfjaar", "aantal", "verwachte_gezinsmigranten")
_KOLOMALIASSEN = {
    "cbs_code": "gemeente",
    "gemeentecode": "gemeente",
    "aantal_statushouders": "aantal",
}


class ImportFout(Exception):
    """The import was refused; ``fouten`` lists every problem (in the active language), by row
    and column."""

    def __init__(self, fouten: list[str]):
        super().__init__("; ".join(fouten))
        self.fouten = fouten


@dataclass(frozen=True)
class ImportResultaat:
    nieuw: int
    bijgewerkt: int


def _audit_taakstelling(t: Taakstelling) -> dict[str, Any]:
    return {
        "gemeente": t.gemeente.cbs_code,
        "jaar": t.jaar,
        "halfjaar": t.halfjaar,
        "aantal_statushouders": t.aantal_statushouders,
        "verwachte_gezinsmigranten": t.verwachte_gezinsmigranten,
    }


def _opslaan(
    *, gemeente: Gemeente, jaar: int, halfjaar: int, aantal: int, gezin: int, bron: str, door: Any
) -> tuple[Taakstelling, dict[str, Any] | None]:
    """Insert or update one row; returns it and its previous values (None when new)."""
    bestaand = (
        Taakstelling.objects.select_for_update()
        .select_related("gemeente")
        .filter(gemeente=gemeente, jaar=jaar, halfjaar=halfjaar)
        .first()
    )
    voor = _audit_taakstelling(bestaand) if bestaand else None
    rij = bestaand or Taakstelling(gemeente=gemeente, jaar=jaar, halfjaar=halfjaar)
    rij.aantal_statushouders = aantal
    rij.verwachte_gezinsmigranten = gezin
    rij.bron = bron
    rij.vastgelegd_door = door if getattr(door, "is_authenticated", False) else None
    rij.full_clean(validate_unique=False)
    rij.save()
    return rij, voor


@transaction.atomic
def taakstelling_vastleggen(
    *,
    door: Any,
    request: HttpRequest | None = None,
    gemeente: Gemeente,
    jaar: int,
    halfjaar: int,
    aantal_statushouders: int,
    verwachte_gezinsmigranten: int = 0,
) -> Taakstelling:
    """Record (or correct) one municipality's quota for one half year."""
    rij, voor = _opslaan(
        gemeente=gemeente,
        jaar=jaar,
        halfjaar=halfjaar,
        aantal=aantal_statushouders,
        gezin=verwachte_gezinsmigranten,
        bron=Taakstelling.Bron.HANDMATIG,
        door=door,
    )
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN if voor else AuditGebeurtenis.Actie.AANMAKEN,
        object_type="taakstelling",
        object_id=rij.pk,
        gegevens={"voor": voor, "na": _audit_taakstelling(rij)}
        if voor
        else _audit_taakstelling(rij),
    )
    return rij


def _geheel_getal(tekst: str, *, minimum: int = 0, maximum: int | None = None) -> int | None:
    tekst = tekst.strip()
    if not tekst.isdigit():  # rejects "-1", "17,5", "1e3" and ""
        return None
    waarde = int(tekst)
    if waarde < minimum or (maximum is not None and waarde > maximum):
        return None
    return waarde


def lees_taakstelling_csv(
    inhoud: bytes, *, gemeenten: dict[str, Gemeente], toegestaan: frozenset[int]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse and check the whole file. Returns the rows and the errors (in the active language,
    by row as a spreadsheet numbers it: the header is row 1)."""
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [_("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.")]
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    try:
        kop = next(lezer)
    except StopIteration:
        return [], [_("Het bestand is leeg.")]
    kolommen = [_KOLOMALIASSEN.get(k.strip().lower(), k.strip().lower()) for k in kop]
    ontbrekend = [k for k in IMPORTKOLOMMEN if k not in kolommen]
    if ontbrekend:
        return [], [
            _("De kopregel mist de kolom(men) %(ontbrekend)s. Verwacht: %(verwacht)s.")
            % {"ontbrekend": ", ".join(ontbrekend), "verwacht": ";".join(IMPORTKOLOMMEN)}
        ]
    index = {k: kolommen.index(k) for k in IMPORTKOLOMMEN}
    rijen: list[dict[str, Any]] = []
    fouten: list[str] = []
    gezien: dict[tuple[str, int, int], int] = {}
    for rijnummer, velden in enumerate(lezer, start=2):
        if not any(v.strip() for v in velden):
            continue
        if len(rijen) + len(fouten) >= MAX_IMPORTRIJEN:
            fouten.append(
                _("Het bestand heeft meer dan %(maximum)s rijen; splits het op.")
                % {"maximum": MAX_IMPORTRIJEN}
            )
            break

        def veld(naam: str, velden: list[str] = velden) -> str:
            i = index[naam]
            return velden[i].strip() if i < len(velden) else ""

        rijfouten: list[str] = []
        code = veld("gemeente")
        code = code.zfill(4) if code.isdigit() and len(code) <= 4 else code
        gemeente = gemeenten.get(code)
        if gemeente is None:
            rijfouten.append(
                _("rij %(rij)s, kolom gemeente: onbekende CBS-gemeentecode '%(code)s'")
                % {"rij": rijnummer, "code": code}
                if code
                else _("rij %(rij)s, kolom gemeente: ontbreekt (CBS-code van 4 cijfers)")
                % {"rij": rijnummer}
            )
        elif gemeente.pk not in toegestaan:
            rijfouten.append(
                _(
                    "rij %(rij)s, kolom gemeente: u beheert de taakstelling van "
                    "%(gemeente)s (%(code)s) niet"
                )
                % {"rij": rijnummer, "gemeente": gemeente.naam, "code": code}
            )
        jaar = _geheel_getal(veld("jaar"), minimum=2000, maximum=2100)
        if jaar is None:
            rijfouten.append(
                _("rij %(rij)s, kolom jaar: moet een jaartal van 2000 tot 2100 zijn")
                % {"rij": rijnummer}
            )
        halfjaar = _geheel_getal(veld("halfjaar"), minimum=1, maximum=2)
        if halfjaar is None:
            rijfouten.append(
                _("rij %(rij)s, kolom halfjaar: moet 1 of 2 zijn") % {"rij": rijnummer}
            )
        aantal = _geheel_getal(veld("aantal"))
        if aantal is None:
            rijfouten.append(
                _("rij %(rij)s, kolom aantal: moet een geheel getal ≥ 0 zijn") % {"rij": rijnummer}
            )
        gezin_tekst = veld("verwachte_gezinsmigranten")
        gezin = _geheel_getal(gezin_tekst) if gezin_tekst else 0
        if gezin is None:
            rijfouten.append(
                _(
                    "rij %(rij)s, kolom verwachte_gezinsmigranten: moet een geheel getal ≥ 0 "
                    "zijn (of leeg voor 0)"
                )
                % {"rij": rijnummer}
            )
        if gemeente is not None and jaar is not None and halfjaar is not None:
            sleutel = (code, jaar, halfjaar)
            if sleutel in gezien:
                rijfouten.append(
                    _(
                        "rij %(rij)s: dubbel — %(gemeente)s %(jaar)s halfjaar %(halfjaar)s "
                        "staat ook in rij %(eerder)s"
                    )
                    % {
                        "rij": rijnummer,
                        "gemeente": gemeente.naam,
                        "jaar": jaar,
                        "halfjaar": halfjaar,
                        "eerder": gezien[sleutel],
                    }
                )
            else:
                gezien[sleutel] = rijnummer
        if rijfouten:
            fouten.extend(rijfouten)
        else:
            rijen.append(
                {"gemeente": gemeente, "jaar": jaar, "halfjaar": halfjaar, "aantal": aantal}
                | {"gezin": gezin}
            )
    if not rijen and not fouten:
        fouten.append(_("Het bestand bevat geen gegevensrijen."))
    return rijen, fouten


@transaction.atomic
def taakstelling_importeren(
    *,
    door: Any,
    request: HttpRequest | None = None,
    inhoud: bytes,
    toegestaan: frozenset[int],
    bestandsnaam: str = "",
) -> ImportResultaat:
    """All rows or none: any wrong row refuses the whole file (ImportFout), nothing is saved."""
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
    rijen, fouten = lees_taakstelling_csv(inhoud, gemeenten=gemeenten, toegestaan=toegestaan)
    if fouten:
        raise ImportFout(fouten)
    nieuw = bijgewerkt = 0
    for rij in rijen:
        _t, voor = _opslaan(
            gemeente=rij["gemeente"],
            jaar=rij["jaar"],
            halfjaar=rij["halfjaar"],
            aantal=rij["aantal"],
            gezin=rij["gezin"],
            bron=Taakstelling.Bron.IMPORT,
            door=door,
        )
        if voor:
            bijgewerkt += 1
        else:
            nieuw += 1
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="taakstelling_import",
        gegevens={"bestand": bestandsnaam[:100], "nieuw": nieuw, "bijgewerkt": bijgewerkt},
    )
    return ImportResultaat(nieuw=nieuw, bijgewerkt=bijgewerkt)


@transaction.atomic
def parameters_vastleggen(
    *,
    door: Any,
    request: HttpRequest | None = None,
    velden: dict[str, Any],
    budgetten: dict[tuple[int, int], Decimal | None],
    toegestaan: frozenset[int],
) -> PrognoseParameters:
    """Record a new parameter version. Budgets of municipalities the user does not manage are
    carried over from the version valid before; ``budgetten`` maps (gemeente_id, jaar) to an
    amount (None: no budget for that year)."""
    vorige = (
        PrognoseParameters.objects.filter(geldig_vanaf__lte=velden["geldig_vanaf"])
        .order_by("-geldig_vanaf", "-versie")
        .first()
    )
    versie = (PrognoseParameters.objects.aggregate(m=Max("versie"))["m"] or 0) + 1
    parameters = PrognoseParameters(
        versie=versie, vastgelegd_door=door if getattr(door, "is_authenticated", False) else None
    )
    for naam, waarde in velden.items():
        setattr(parameters, naam, waarde)
    parameters.full_clean()
    parameters.save()
    nieuwe: list[PrognoseBudget] = []
    if vorige is not None:
        nieuwe += [
            PrognoseBudget(
                parameters=parameters, gemeente_id=b.gemeente_id, jaar=b.jaar, bedrag=b.bedrag
            )
            for b in vorige.budgetten.exclude(gemeente_id__in=toegestaan)
        ]
    for (gemeente_id, jaar), bedrag in sorted(budgetten.items()):
        if gemeente_id not in toegestaan:
            raise PermissionError("budget for a municipality the user does not manage")
        if bedrag is not None:
            nieuwe.append(
                PrognoseBudget(
                    parameters=parameters, gemeente_id=gemeente_id, jaar=jaar, bedrag=bedrag
                )
            )
    for budget in nieuwe:
        budget.full_clean(exclude=["parameters"])
    PrognoseBudget.objects.bulk_create(nieuwe)
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="prognoseparameters",
        object_id=parameters.pk,
        gegevens={
            "versie": versie,
            "geldig_vanaf": parameters.geldig_vanaf.isoformat(),
            "waarden": {k: str(v) for k, v in velden.items() if k != "geldig_vanaf"},
            "budgetten": {f"{g}-{j}": str(b) for (g, j), b in budgetten.items()},
        },
    )
    return parameters


# --- Demo data ---------------------------------------------------------------------------------

# Beleidskader §6.1: per half year 17 / 14 / 39 status holders (see models.py for why these are
# also the yearly numbers of obliged persons). Family migrants: an assumption for the demo,
# about 0.4 per obliged status holder (CBS SWI cohort 2022: 7.3k family vs 18.9k asylum).
DEMO_TAAKSTELLING = {"1706": (17, 3), "0946": (14, 3), "0988": (39, 7)}
# Placeholder amounts for the demo only: replace them by the region's contract prices/budgets.
DEMO_BUDGET_PER_JAAR = {
    "1706": Decimal(120_000),
    "0946": Decimal(100_000),
    "0988": Decimal(280_000),
}
DEMO_PARAMETERS: dict[str, Any] = {
    "geldig_vanaf": date(2021, 1, 1),
    "aandeel_volwassen": Decimal("0.5"),
    "procent_z_route": Decimal(15),
    "procent_b1_route": Decimal(60),
    "procent_onderwijsroute": Decimal(25),
    "weken_koppeling_vestiging": Decimal(13),
    "spreiding_koppeling_vestiging": Decimal(8),
    "weken_vestiging_intake": Decimal(5),
    "spreiding_vestiging_intake": Decimal(2),
    "weken_intake_pip": Decimal(3),
    "spreiding_intake_pip": Decimal(2),
    "termijn_jaren": 3,
    "uren_per_week_z_route": Decimal(6),
    "uren_per_week_b1_route": Decimal(12),
    "uren_per_week_onderwijsroute": Decimal(16),
    "normbedrag_z_route": Decimal(3_500),
    "normbedrag_b1_route": Decimal(4_000),
    "normbedrag_onderwijsroute": Decimal(5_500),
    "variatie_taakstelling": Decimal("0.15"),
    "zekerheid_aandeel_volwassen": 200,
    "zekerheid_routeverdeling": 60,
    "toelichting": "Beleidskader Veranderopgave Inburgering §6.1 (½ volwassen; 15/60/25); "
    "looptijden, uren en bedragen zijn voorbeeldwaarden voor de demo.",
}


@transaction.atomic
def vul_demo_taakstelling(
    *, jaren: tuple[int, ...] = (2021, 2022), budgetjaren: tuple[int, ...] = (2022, 2023, 2024)
) -> int:
    """Pre-fill the register (and, when there is none, parameter version 1) for the demo region.

    Idempotent; municipalities that do not exist are skipped. Returns the number of rows.
    """
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.filter(cbs_code__in=DEMO_TAAKSTELLING)}
    rijen = 0
    for code, gemeente in gemeenten.items():
        aantal, gezin = DEMO_TAAKSTELLING[code]
        for jaar in jaren:
            for halfjaar in (1, 2):
                Taakstelling.objects.update_or_create(
                    gemeente=gemeente,
                    jaar=jaar,
                    halfjaar=halfjaar,
                    defaults={
                        "aantal_statushouders": aantal,
                        "verwachte_gezinsmigranten": gezin,
                        "bron": Taakstelling.Bron.DEMO,
                    },
                )
                rijen += 1
    if gemeenten and not PrognoseParameters.objects.exists():
        parameters = PrognoseParameters(versie=1, **DEMO_PARAMETERS)
        parameters.full_clean()
        parameters.save()
        PrognoseBudget.objects.bulk_create(
            PrognoseBudget(
                parameters=parameters, gemeente=g, jaar=jaar, bedrag=DEMO_BUDGET_PER_JAAR[code]
            )
            for code, g in gemeenten.items()
            for jaar in budgetjaren
        )
    return rijen
