"""Placing a delivery to DUO: inside the caller's transaction, after asking what DUO would
refuse. The worker sends it later (``verzenden``).

    from regie.integrations.duo import outbox

    with transaction.atomic():
        versie.status = VASTGESTELD; versie.save()
        feit_vastleggen(dossier=d, soort="pip_vastgesteld", ...)
        outbox.plaats(dossier=d, soort="pip", gegevens={...}, door=request.user)

If the caller's transaction rolls back, the delivery was never placed; if it commits, the
delivery will be sent (at least once, recognised by DUO as once through its berichtId).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.dossiers.services import ServiceFout
from regie.integrations.duo import instellingen
from regie.integrations.duo.models import OutboxBericht
from regie.integrations.duo.outbox.controles import Weigering, weigeringen
from regie.integrations.duo.outbox.soorten import SOORTEN


class VoorafGeweigerd(ServiceFout):
    """DUO would refuse this delivery; nothing was placed. ``weigeringen`` says why."""

    def __init__(self, weigeringen: list[Weigering]) -> None:
        self.weigeringen = weigeringen
        redenen = "; ".join(w.toelichting for w in weigeringen)
        super().__init__(_("DUO zou deze levering weigeren: %(redenen)s.") % {"redenen": redenen})


def _feiten(dossier: Dossier) -> list[TijdlijnFeit]:
    return list(TijdlijnFeit.objects.filter(dossier_id=dossier.pk).order_by("datum", "id"))


def _keurmerk_uit_lijst(gegevens: dict[str, Any], feiten: list[TijdlijnFeit]) -> dict[str, Any]:
    """With DUO's list of recognised institutions in Regie, the list decides whether the
    institution counts: the Blik op Werk keurmerk, or a recognised TST institution for a
    newcomer in the onderwijsroute (DUO M2M README, "Inburgeringsaanbod")."""
    if not instellingen.lijst_bekend():
        return gegevens
    instelling = instellingen.erkend(gegevens["instellingsnummer"])
    pips = [f for f in feiten if f.soort == TijdlijnFeit.Soort.PIP_VASTGESTELD]
    route = pips[-1].gegevens.get("leerroute") if pips else None
    keurmerk = instelling is not None and (
        instelling.bow_keurmerk or (instelling.tst_keurmerk and route == "onderwijsroute")
    )
    return {**gegevens, "keurmerk": keurmerk}


def _verrijk(soort: str, gegevens: dict[str, Any], feiten: list[TijdlijnFeit]) -> dict[str, Any]:
    """What a delivery takes from Regie's records rather than from the caller.

    A 'verwijtbaar' delivery is a PUT of the whole MAP or PVT resource: it must carry the date
    DUO already holds, or DUO would withdraw that date. A course offer's keurmerk follows from
    DUO's list of recognised institutions when Regie holds it."""
    if soort == "aanbod":
        return _keurmerk_uit_lijst(gegevens, feiten)
    if soort != "verwijtbaar" or gegevens.get("datum"):
        return gegevens
    feitsoort = (
        TijdlijnFeit.Soort.MAP_EINDGESPREK
        if gegevens["onderdeel"] == "map"
        else TijdlijnFeit.Soort.PVT_ONDERTEKEND
    )
    datums = [f.datum for f in feiten if f.soort == feitsoort]
    return {**gegevens, "datum": max(datums).isoformat() if datums else None}


def _normaliseer(soort: str, gegevens: dict[str, Any]) -> dict[str, Any]:
    definitie = SOORTEN.get(soort)
    if definitie is None:
        raise ValueError(f"unknown DUO delivery {soort!r}; known: {sorted(SOORTEN)}")
    return definitie.normaliseer(dict(gegevens))


def controleer(
    *, dossier: Dossier, soort: str, gegevens: dict[str, Any], peildatum: date | None = None
) -> list[Weigering]:
    """What DUO would refuse (empty list: it may be placed). For showing before approval."""
    feiten = _feiten(dossier)
    schoon = _verrijk(soort, _normaliseer(soort, gegevens), feiten)
    return weigeringen(
        dossier=dossier, soort=soort, gegevens=schoon, feiten=feiten, peildatum=peildatum
    )


def plaats(
    *,
    dossier: Dossier,
    soort: str,
    gegevens: dict[str, Any],
    door: Any,
    request: HttpRequest | None = None,
) -> OutboxBericht:
    """Queue a delivery to DUO, in the caller's transaction. Raises ``VoorafGeweigerd`` (and
    writes nothing) when the rules say DUO would refuse it; ``ValueError`` for malformed data.

    Kinds and their ``gegevens`` (dates as ``date`` or ISO text), see ``soorten.SOORTEN``:
    pip {dagtekening, leerroute, niveau?, alfabetisering?, geschatte_intensiteit?,
    mag_opleiding_afmaken?}; pip_verwijderen {}; aanbod {instellingsnummer, keurmerk,
    alfabetisering?, datum_aanbod?, verwachte_start?, verwachte_eind?}; aanbod_verwijderen
    {instellingsnummer}; map / pvt {datum?, verwijtbaar? "ja"/"nee"}; verwijtbaar {onderdeel
    "map"/"pvt", waarde "ja"/"nee"}; zroute {datum?}; uren {soort, uren};
    contactpersoon_koppelen / contactpersoon_ontkoppelen {contactpersoon_id}; lbt_overslaan {}.
    """
    feiten = _feiten(dossier)
    schoon = _verrijk(soort, _normaliseer(soort, gegevens), feiten)
    bezwaren = weigeringen(dossier=dossier, soort=soort, gegevens=schoon, feiten=feiten)
    if bezwaren:
        raise VoorafGeweigerd(bezwaren)
    levering = SOORTEN[soort].bouw(schoon)
    with transaction.atomic():
        bericht = OutboxBericht.objects.create(
            dossier=dossier,
            gemeente_id=dossier.regie_gemeente_id,
            soort=soort,
            operatie=levering.operatie,
            pad=levering.pad,
            gegevens=schoon,
            verzoek=levering.verzoek,
            volgende_poging=timezone.now(),
            geplaatst_door=door if getattr(door, "is_authenticated", False) else None,
        )
        audit.log(
            actor=door,
            request=request,
            actie=AuditGebeurtenis.Actie.AANMAKEN,
            object_type="duo_levering",
            object_id=bericht.pk,
            dossier_id=dossier.pk,
            gegevens={"soort": soort, "operatie": levering.operatie},
        )
    return bericht
