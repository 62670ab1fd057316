"""Work DUO only accepts in its Portal Inburgering, not (yet) by API.

DUO's roadmap (README of the M2M specs, law.md §10.1) lists services that do not exist yet:
SDI009 beschikking voldaan inburgeringsplicht, SDI011 beoordeling aanvraag verlenging, SDI018
opgelegde boete, SDI019 inspanning inburgeraar bij instelling. Until they do, the college
registers these in the portal. Other apps call ``portaaltaak_aanmaken`` inside their own
transaction; it raises a work item "Registreren in DUO-portaal" holding exactly the data to
copy. When DUO publishes the API, the same call can place an outbox delivery instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils.formats import date_format

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers import regels
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.integrations.duo import werkitems
from regie.integrations.duo.models import Werkitem


@dataclass(frozen=True)
class PortaalTaak:
    stelseldienst: str
    titel: str
    velden: tuple[tuple[str, str], ...]  # (key in ``gegevens``, label in the portal)


PORTAALTAKEN: dict[str, PortaalTaak] = {
    "boete_opgelegd": PortaalTaak(
        "SDI018",
        "Opgelegde boete",
        (
            ("besluitdatum", "Datum besluit"),
            ("bedrag", "Bedrag (EUR)"),
            ("grond", "Grond (artikel)"),
            ("kenmerk", "Kenmerk besluit"),
        ),
    ),
    "beschikking_voldaan": PortaalTaak(
        "SDI009",
        "Beschikking voldaan inburgeringsplicht",
        (
            ("datum_voldaan", "Datum voldaan"),
            ("wijze", "Wijze van voldoen"),
            ("kenmerk", "Kenmerk"),
        ),
    ),
    "verlenging_beoordeling": PortaalTaak(
        "SDI011",
        "Beoordeling aanvraag verlenging",
        (
            ("datum_aanvraag", "Datum aanvraag"),
            ("advies", "Advies gemeente"),
            ("grond", "Verlengingsgrond"),
            ("toelichting", "Toelichting"),
        ),
    ),
    "inspanning_instelling": PortaalTaak(
        "SDI019",
        "Inspanning inburgeraar bij instelling",
        (
            ("instelling", "Instelling"),
            ("instellingsnummer", "Instellingsnummer"),
            ("periode", "Periode"),
            ("uren", "Gevolgde uren"),
            ("inspanning", "Inspanning (voldoende/onvoldoende)"),
        ),
    ),
}


def _tekst(waarde: Any) -> str:
    if isinstance(waarde, date):
        return date_format(waarde, "j F Y")
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return str(waarde)


def portaaltaak_aanmaken(
    *,
    dossier: Dossier,
    soort: str,
    gegevens: dict[str, Any],
    door: Any,
    kenmerk: str | None = None,
    request: HttpRequest | None = None,
) -> Werkitem:
    """A work item "Registreren in DUO-portaal: <what>" with the data to copy.

    ``kenmerk`` (e.g. "boete:<id>") makes the call idempotent: a second call with the same
    kenmerk returns the first item. Unknown keys in ``gegevens`` are listed after the known
    ones, so nothing the caller passes is lost.
    """
    taak = PORTAALTAKEN.get(soort)
    if taak is None:
        raise ValueError(f"unknown portal task {soort!r}; known: {sorted(PORTAALTAKEN)}")
    if "bsn" in gegevens:
        raise ValueError("pass no BSN: the work item shows the dossier's own")
    bekend = {sleutel for sleutel, _label in taak.velden}
    regels = [
        ("Dossier", dossier.nummer),
        *((label, _tekst(gegevens[k])) for k, label in taak.velden if gegevens.get(k) is not None),
        *((k, _tekst(v)) for k, v in gegevens.items() if k not in bekend and v is not None),
    ]
    item = werkitems.werkitem_aanmaken(
        gemeente_id=dossier.regie_gemeente_id,
        dossier_id=dossier.pk,
        soort=Werkitem.Soort.PORTAAL,
        titel=f"Registreren in DUO-portaal: {taak.titel.lower()}",
        toelichting=(
            f"DUO biedt hiervoor nog geen koppeling ({taak.stelseldienst} staat op DUO's "
            "roadmap). Registreer dit in het Portal Inburgering en handel het werkitem dan af."
        ),
        gegevens=werkitems.details(*regels),
        sleutel=f"portaal:{dossier.pk}:{kenmerk}" if kenmerk else None,
        door=door,
    )
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="duo_werkitem",
        object_id=item.pk,
        dossier_id=dossier.pk,
        gegevens={"soort": "portaal", "taak": soort},
    )
    return item


@dataclass(frozen=True)
class BoeteToets:
    """The engine's answer to "may the college fine?" (``boete_opleggen``, Wi arts 22/23):
    the refusals (empty: allowed) and the statutory maximum amount in euro."""

    weigeringen: tuple[str, ...]
    maximum: int | None


def boete_toetsen(*, dossier: Dossier, grond: str, besluitdatum: date) -> BoeteToets:
    """Ask the rules engine, with the dossier's facts on the day of the decision, whether a
    fine on ``grond`` (``brede_intake`` / ``pip_naleving``) is possible. Culpability is what
    the college establishes; the form asks for it before calling this."""
    uitkomst = regels.conclusies_voor(
        dossier,
        TijdlijnFeit.objects.filter(dossier_id=dossier.pk).order_by("datum", "id"),
        peildatum=besluitdatum,
        vragen=[{"actie": "boete_opleggen", "grond": grond, "verwijtbaar": True}],
    )
    antwoord = uitkomst.antwoorden[0]
    return BoeteToets(
        tuple(
            f"{w.toelichting} ({w.grondslag.regeling}, artikel {w.grondslag.artikel})"
            for w in antwoord.weigeringen
        ),
        getattr(antwoord, "max_bedrag", None),
    )
