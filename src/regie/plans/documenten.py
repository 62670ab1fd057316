"""The documents of an adopted PIP version: the beschikking (Dutch, formal) and the
ontwikkelplan (plain language, in every language whose text blocks are complete).

This module composes what goes on paper; ``regie.letters`` renders and keeps it. Dates and
legal bases of the term come from the rules engine (``regelcheck.termijn``).
"""

from __future__ import annotations

import base64
import re
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import translation

from regie.letters import pdf, selectors, services
from regie.letters.models import Document
from regie.letters.teksten import vul_in
from regie.plans import regelcheck
from regie.plans.models import PipVersie

BESCHIKKING_TEMPLATE = "letters/pip_beschikking.html"
ONTWIKKELPLAN_TEMPLATE = "letters/pip_ontwikkelplan.html"


def _veilig(tekst: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]", "", tekst) or "x"


def _bestandsnaam(versie: PipVersie, soort: str, taal: str | None = None) -> str:
    delen = ["pip", _veilig(versie.pip.dossier.nummer), f"v{versie.nummer}", soort]
    if taal:
        delen.append(_veilig(taal))
    return "-".join(delen) + ".pdf"


def _plan(versie: PipVersie) -> dict[str, Any]:
    """The version with its child rows, read once for both documents."""
    versie = (
        PipVersie.objects.select_related(
            "pip__dossier__inburgeraar",
            "pip__dossier__regie_gemeente",
            "pip__dossier__klantregisseur",
            "aanbieder",
        )
        .prefetch_related("activiteiten", "doelen__subdoelen")
        .get(pk=versie.pk)
    )
    dossier = versie.pip.dossier
    return {
        "versie": versie,
        "dossier": dossier,
        "persoon": dossier.inburgeraar,
        "gemeente": dossier.regie_gemeente,
        "activiteiten": list(versie.activiteiten.all()),
        "doelen": list(versie.doelen.all()),
        "is_wijziging": versie.pip.versies.filter(
            status=PipVersie.Status.VASTGESTELD, nummer__lt=versie.nummer
        ).exists(),
    }


def _logo(briefhoofd: Any) -> str:
    if not briefhoofd.logo or not briefhoofd.logo_type:
        return ""
    return f"data:{briefhoofd.logo_type};base64,{base64.b64encode(bytes(briefhoofd.logo)).decode()}"


def regels_voor(versie: PipVersie) -> dict[str, Any]:
    """What the engine says for the documents of ``versie``: the term as recorded (its start
    never moves), and, judged on the version's own dagtekening, the level DUO records and
    whether a MAP belongs in this route (Wi art. 8(3))."""
    dossier = versie.pip.dossier
    controle = regelcheck.controleer(dossier, versie, peildatum=versie.dagtekening)
    return {
        "termijn": regelcheck.termijn(dossier),
        "niveau_vastgesteld": controle.niveau_vastgesteld,
        "map_vereist": controle.map_vereist,
    }


def beschikking_html(versie: PipVersie, *, regels: dict[str, Any]) -> str:
    plan = _plan(versie)
    briefhoofd = selectors.briefhoofd_voor(plan["gemeente"])
    with translation.override("nl"):
        return pdf.html_maken(
            BESCHIKKING_TEMPLATE,
            {**plan, **regels, "briefhoofd": briefhoofd, "logo": _logo(briefhoofd)},
        )


def _uren(waarde: Decimal | None, taal: str) -> str:
    if waarde is None:
        return ""
    tekst = f"{waarde.normalize():f}"
    return tekst.replace(".", ",") if taal == "nl" else tekst


def _datum(waarde: date | None) -> str:
    return waarde.strftime("%d-%m-%Y") if waarde else ""


def ontwikkelplan_html(versie: PipVersie, taal: str, *, regels: dict[str, Any]) -> str:
    """The plan in plain language in ``taal`` (``selectors.OnvolledigeTaal`` if incomplete)."""
    blokken = selectors.teksten(taal)
    plan = _plan(versie)
    v: PipVersie = plan["versie"]
    dossier = plan["dossier"]
    termijn = regels["termijn"]
    waarden = {
        "naam": plan["persoon"].volledige_naam,
        "gemeente": plan["gemeente"].naam,
        "niveau": v.niveau or regels["niveau_vastgesteld"] or "",
        "uren": _uren(v.intensiteit_uren_per_week, taal),
        "aanbieder": v.aanbieder_weergave,
        "termijn_start": _datum(termijn.get("start")),
        "termijn_eind": _datum(termijn.get("eind")),
        "klantregisseur": str(dossier.klantregisseur or plan["gemeente"].naam),
        "dagtekening": _datum(v.dagtekening),
    }
    t = {sleutel.replace(".", "_"): vul_in(tekst, waarden) for sleutel, tekst in blokken.items()}
    activiteiten = [
        {
            "omschrijving": a.omschrijving,
            "organisatie": a.organisatie,
            "uren": vul_in(blokken["uren_per_week"], {"uren": _uren(a.uren_per_week, taal)})
            if a.uren_per_week is not None
            else "",
        }
        for a in plan["activiteiten"]
    ]
    return pdf.html_maken(
        ONTWIKKELPLAN_TEMPLATE,
        {
            **plan,
            "taal": selectors.Taal(
                code=taal, naam=blokken["taal.naam"], richting=t["taal_richting"]
            ),
            "t": t,
            "leerroute_tekst": t[f"leerroute_{v.leerroute}"],
            "alfabetisering_tekst": t.get(f"alfabetisering_{v.alfabetisering}", ""),
            "toon_niveau": bool(waarden["niveau"]),
            "activiteiten_tekst": activiteiten,
            **regels,
        },
    )


def ontwikkelplan_van(versie: PipVersie, taal: str) -> Document | None:
    return versie.documenten.filter(soort=Document.Soort.ONTWIKKELPLAN, taal=taal).first()


def ontwikkelplan_vastleggen(
    versie: PipVersie,
    taal: str,
    *,
    door: Any,
    request: HttpRequest | None = None,
    regels: dict[str, Any] | None = None,
) -> Document:
    html = ontwikkelplan_html(versie, taal, regels=regels or regels_voor(versie))
    naam = selectors.teksten(taal)["taal.naam"]
    document = services.document_vastleggen(
        dossier=versie.pip.dossier,
        soort=Document.Soort.ONTWIKKELPLAN,
        taal=taal,
        titel=f"Ontwikkelplan bij PIP versie {versie.nummer} ({naam})",
        bestandsnaam=_bestandsnaam(versie, "ontwikkelplan", taal),
        pdf=pdf.pdf_maken(html),
        door=door,
        request=request,
    )
    versie.documenten.add(document)
    return document


def documenten_maken(
    versie: PipVersie, *, door: Any, request: HttpRequest | None = None
) -> list[Document]:
    """The beschikking and an ontwikkelplan per complete language, kept with the version.
    Runs inside the adoption's transaction: no adopted PIP without its beschikking."""
    regels = regels_voor(versie)
    beschikking = services.document_vastleggen(
        dossier=versie.pip.dossier,
        soort=Document.Soort.BESCHIKKING,
        taal="nl",
        titel=f"Beschikking PIP versie {versie.nummer}",
        bestandsnaam=_bestandsnaam(versie, "beschikking"),
        pdf=pdf.pdf_maken(beschikking_html(versie, regels=regels)),
        door=door,
        request=request,
    )
    versie.documenten.add(beschikking)
    gemaakt = [beschikking]
    for taal in selectors.volledige_talen():
        gemaakt.append(
            ontwikkelplan_vastleggen(versie, taal.code, door=door, request=request, regels=regels)
        )
    return gemaakt
