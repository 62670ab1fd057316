"""What makes Regie deliver to DUO: the adoption of a PIP and what the case manager records on
the dossier page. Each writes its cause and the outbox row in one transaction.

- ``pip_aan_duo`` receives ``regie.plans.signals.pip_vastgesteld`` (connected in
  ``apps.DuoConfig.ready``) and places the ``pip`` delivery in the adoption's transaction. When
  the rules say DUO would refuse it (``VoorafGeweigerd``), nothing is placed, the adoption still
  stands (it is the municipality's beschikking, Wi art. 15; the college may also register the
  PIP in DUO's portal, law.md R4.5) and a work item says why and what to do.
- ``vastleggen`` records a MAP eindgesprek, a PVT signing, the Z-route's completion, hours
  followed, a course offer, a "verwijtbaar" flag, the withdrawal of the PIP at DUO or the
  newcomer's contact person (``contactpersonen``): the
  timeline fact the rules engine reads (where the rules contract has one) and the delivery,
  under the dossier's optimistic lock. A delivery DUO would refuse is refused here, with the
  reasons, and nothing is recorded: the case manager corrects the input.
- ``lbt_overslaan_aan_duo`` receives ``regie.intake.signals.lbt_overslaan_gewijzigd``: a
  leerbaarheidstoets marked as skipped in the intake is reported to DUO in the same
  transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.dossiers.services import dossier_vergrendelen, feit_vastleggen
from regie.integrations.duo import outbox, werkitems
from regie.integrations.duo.models import OutboxBericht, Werkitem

# DUO's kinds of hours (Gevolgde uren API) -> the rules contract's ``uren.soort``. Participation
# counted as language lessons is not counted as taal_knm: afschalen needs 600 hours of language
# and KNM lessons with keurmerk (law.md R5.8), and the contract does not say it counts.
UREN_SOORT_REGELS = {
    "taal_knm_brede_intake": "taal_knm",
    "participatieactiviteiten": "participatie",
    "participatie_als_taalles": "participatie",
}


# --- PIP adopted ------------------------------------------------------------------------------
def pip_gegevens(pip_versie: Any) -> dict[str, Any]:
    """The adopted version as the outbox's ``pip`` delivery (``outbox.soorten``)."""
    gegevens = {
        "dagtekening": pip_versie.dagtekening,
        "leerroute": pip_versie.leerroute,
        "niveau": pip_versie.niveau or None,
        "alfabetisering": pip_versie.alfabetisering or "NVT",
        # DUO's indicator: sent as adopted, also when no (the PIP says so explicitly).
        "mag_opleiding_afmaken": pip_versie.mag_opleiding_afmaken,
    }
    if pip_versie.geschatte_uren_b1 is not None:
        gegevens["geschatte_intensiteit"] = pip_versie.geschatte_uren_b1
    return gegevens


def pip_aan_duo(
    sender: Any,
    *,
    pip_versie: Any,
    dossier: Dossier,
    door: Any,
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> OutboxBericht | None:
    """Receiver of ``pip_vastgesteld``: place the delivery, or record why it was not placed."""
    gegevens = pip_gegevens(pip_versie)
    try:
        return outbox.plaats(
            dossier=dossier, soort="pip", gegevens=gegevens, door=door, request=request
        )
    except outbox.VoorafGeweigerd as exc:
        _niet_geleverd(
            dossier=dossier,
            door=door,
            request=request,
            fout=exc,
            soort="pip",
            titel=f"PIP versie {pip_versie.nummer} niet aan DUO geleverd: DUO zou het weigeren",
            toelichting=(
                "Het PIP is vastgesteld, maar niet aan DUO aangeleverd: {redenen}. Los de "
                "oorzaak op en wijzig het PIP, of registreer het PIP in het DUO-portaal."
            ),
            details=(
                ("Dagtekening", gegevens["dagtekening"].isoformat()),
                ("Leerroute", gegevens["leerroute"]),
                ("Niveau", gegevens["niveau"]),
                ("Alfabetisering", gegevens["alfabetisering"]),
            ),
            sleutel=f"pip:{pip_versie.pk}:vooraf_geweigerd",
            melding=_(
                "Het PIP is niet aan DUO geleverd, omdat DUO het zou weigeren: %(redenen)s. "
                "Er staat een werkitem bij DUO in het dossier."
            ),
            audit_gegevens={"pip_versie": pip_versie.nummer},
        )
        return None


def _niet_geleverd(
    *,
    dossier: Dossier,
    door: Any,
    request: HttpRequest | None,
    fout: outbox.VoorafGeweigerd,
    soort: str,
    titel: str,
    toelichting: str,
    details: tuple[tuple[str, Any], ...],
    sleutel: str,
    melding: str,
    audit_gegevens: dict[str, Any],
) -> None:
    """A decision made elsewhere (PIP adopted, LBT skipped) stands, but DUO would refuse its
    delivery: a work item says why and what to do, the refusal is audited, the user warned.
    ``toelichting`` and ``melding`` take ``{redenen}`` / ``%(redenen)s``."""
    redenen = "; ".join(w.toelichting for w in fout.weigeringen)
    werkitem = werkitems.werkitem_aanmaken(
        gemeente_id=dossier.regie_gemeente_id,
        dossier_id=dossier.pk,
        soort=Werkitem.Soort.DUO_WEIGERING,
        titel=titel,
        toelichting=toelichting.format(redenen=redenen),
        gegevens=werkitems.details(
            *(
                (w.code, f"{w.toelichting} ({w.grondslag})" if w.grondslag else w.toelichting)
                for w in fout.weigeringen
            ),
            *details,
        ),
        sleutel=sleutel,
        door=door,
    )
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.AANMAKEN,
        object_type="duo_levering",
        object_id="",
        dossier_id=dossier.pk,
        resultaat=AuditGebeurtenis.Resultaat.GEWEIGERD,
        gegevens={
            "soort": soort,
            **audit_gegevens,
            "vooraf_geweigerd": [w.code for w in fout.weigeringen],
            "werkitem": werkitem.pk,
        },
    )
    if request is not None and hasattr(request, "_messages"):
        messages.warning(request, melding % {"redenen": redenen})


# --- LBT skipped (intake) ---------------------------------------------------------------------
def lbt_overslaan_aan_duo(
    sender: Any,
    *,
    dossier: Dossier,
    overgeslagen: bool,
    reden: str,
    door: Any,
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> OutboxBericht | None:
    """Receiver of ``intake.signals.lbt_overslaan_gewijzigd``.

    Skipped: tell DUO (``deleteExamennummerByBsn``), so the registration for the test lapses.
    Taken back after DUO was told: the API cannot undo it (DUO has withdrawn the exam number),
    so a work item asks to arrange a new registration with DUO."""
    gemeld = OutboxBericht.objects.filter(dossier=dossier, soort="lbt_overslaan").exclude(
        status=OutboxBericht.Status.GEWEIGERD
    )
    if not overgeslagen:
        if gemeld.exists():
            werkitems.werkitem_aanmaken(
                gemeente_id=dossier.regie_gemeente_id,
                dossier_id=dossier.pk,
                soort=Werkitem.Soort.PORTAAL,
                titel="Leerbaarheidstoets toch afnemen: regel een nieuwe aanmelding bij DUO",
                toelichting=(
                    "DUO is gemeld dat de leerbaarheidstoets is overgeslagen en heeft het "
                    "examennummer ingetrokken. De koppeling kan dat niet terugdraaien: vraag "
                    "DUO (portaal of contactlijn) om een nieuwe aanmelding voor de toets."
                ),
                sleutel=f"lbt:{dossier.pk}:terug:{gemeld.count()}",
                door=door,
            )
        return None
    if gemeld.exists():
        return None  # DUO already knows; skipping again changes nothing there
    try:
        return outbox.plaats(
            dossier=dossier, soort="lbt_overslaan", gegevens={}, door=door, request=request
        )
    except outbox.VoorafGeweigerd as exc:
        _niet_geleverd(
            dossier=dossier,
            door=door,
            request=request,
            fout=exc,
            soort="lbt_overslaan",
            titel="Overslaan leerbaarheidstoets niet aan DUO gemeld: DUO zou het weigeren",
            toelichting=(
                "De toets is in de intake als overgeslagen vastgelegd, maar niet aan DUO "
                "gemeld: {redenen}. Los de oorzaak op; de melding gaat mee zodra u de toets "
                "opnieuw opslaat, of meld het in het DUO-portaal."
            ),
            details=(("Reden overslaan", reden or "—"),),
            sleutel=f"lbt:{dossier.pk}:vooraf_geweigerd",
            melding=_(
                "Het overslaan van de leerbaarheidstoets is niet aan DUO gemeld, omdat DUO het "
                "zou weigeren: %(redenen)s. Er staat een werkitem bij DUO in het dossier."
            ),
            audit_gegevens={},
        )
        return None


# --- Recorded by the case manager -------------------------------------------------------------
@dataclass(frozen=True)
class Vastlegging:
    label: Any
    feit: str | None  # the rules contract's fact, when it has one


VASTLEGGINGEN: dict[str, Vastlegging] = {
    "map": Vastlegging(gettext_lazy("Eindgesprek MAP"), TijdlijnFeit.Soort.MAP_EINDGESPREK),
    "pvt": Vastlegging(
        gettext_lazy("Ondertekening participatieverklaring (PVT)"),
        TijdlijnFeit.Soort.PVT_ONDERTEKEND,
    ),
    "zroute": Vastlegging(gettext_lazy("Afronding Z-route"), TijdlijnFeit.Soort.ZROUTE_AFGEROND),
    "uren": Vastlegging(gettext_lazy("Gevolgde uren"), TijdlijnFeit.Soort.UREN),
    "aanbod": Vastlegging(gettext_lazy("Inburgeringsaanbod"), None),
    "verwijtbaar": Vastlegging(gettext_lazy("Verwijtbaar (MAP of PVT)"), None),
    "pip_verwijderen": Vastlegging(gettext_lazy("PIP bij DUO verwijderen"), None),
    "contactpersoon_koppelen": Vastlegging(gettext_lazy("Contactpersoon koppelen"), None),
    "contactpersoon_ontkoppelen": Vastlegging(gettext_lazy("Contactpersoon ontkoppelen"), None),
}


def _gevolgde_uren(dossier: Dossier, duo_soort: str) -> int:
    """Hours of this DUO kind recorded so far: DUO's PUT takes the running total."""
    return sum(
        int(f.gegevens.get("uren") or 0)
        for f in TijdlijnFeit.objects.filter(dossier_id=dossier.pk, soort=TijdlijnFeit.Soort.UREN)
        if f.gegevens.get("duo_soort") == duo_soort
    )


def _levering_en_feit(
    dossier: Dossier, soort: str, gegevens: dict[str, Any]
) -> tuple[dict[str, Any], tuple[date, dict[str, Any]] | None]:
    """The outbox data and the timeline fact (date, data) for one recording."""
    if soort in ("map", "pvt"):
        levering = {"datum": gegevens["datum"], "verwijtbaar": gegevens.get("verwijtbaar") or None}
        return levering, (gegevens["datum"], {})
    if soort == "zroute":
        return {"datum": gegevens["datum"]}, (gegevens["datum"], {})
    if soort == "uren":
        duo_soort = gegevens["soort"]
        totaal = _gevolgde_uren(dossier, duo_soort) + gegevens["uren"]
        feit = {
            "soort": UREN_SOORT_REGELS[duo_soort],
            "uren": gegevens["uren"],
            "keurmerk": bool(gegevens.get("keurmerk")),
            "duo_soort": duo_soort,
        }
        return {"soort": duo_soort, "uren": totaal}, (gegevens["datum"], feit)
    if soort == "aanbod":
        return dict(gegevens), None
    if soort == "verwijtbaar":
        return {"onderdeel": gegevens["onderdeel"], "waarde": gegevens["waarde"]}, None
    if soort == "pip_verwijderen":
        return {}, None  # the reason is for the audit log; DUO's DELETE has no body
    if soort in ("contactpersoon_koppelen", "contactpersoon_ontkoppelen"):
        return {"contactpersoon_id": gegevens["contactpersoon_id"]}, None
    raise ValueError(f"unknown recording {soort!r}; known: {sorted(VASTLEGGINGEN)}")


@transaction.atomic
def vastleggen(
    *,
    dossier: Dossier,
    soort: str,
    gegevens: dict[str, Any],
    versie: int,
    door: Any,
    request: HttpRequest | None = None,
) -> OutboxBericht:
    """Record what the case manager reports and queue its delivery to DUO, if nobody changed
    the dossier since ``versie``. Raises ``GelijktijdigGewijzigd`` or ``VoorafGeweigerd``
    (a ``ServiceFout`` with the reasons); then nothing is written."""
    if soort not in VASTLEGGINGEN:
        raise ValueError(f"unknown recording {soort!r}; known: {sorted(VASTLEGGINGEN)}")
    dossier_vergrendelen(dossier=dossier, versie=versie)
    levering, feit = _levering_en_feit(dossier, soort, gegevens)
    # Checked against the timeline as DUO knows it, before this fact is added.
    bericht = outbox.plaats(
        dossier=dossier, soort=soort, gegevens=levering, door=door, request=request
    )
    feitsoort = VASTLEGGINGEN[soort].feit
    if feit is not None and feitsoort is not None:
        datum, feitgegevens = feit
        feit_vastleggen(
            dossier=dossier, soort=feitsoort, datum=datum, door=door, gegevens=feitgegevens
        )
    audit.log(
        actor=door,
        request=request,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="dossier",
        object_id=dossier.pk,
        dossier_id=dossier.pk,
        gegevens={
            "vastgelegd": soort,
            "levering": bericht.pk,
            **bericht.gegevens,
            **({"reden": gegevens["reden"]} if gegevens.get("reden") else {}),
        },
    )
    return bericht
