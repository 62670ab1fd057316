"""Applying one notification to its dossier: timeline facts, work items, the dossier's
doelgroep. Runs inside the worker's transaction that also marks the notification processed,
so it happens exactly once.

Every event is recorded as a ``duo_gebeurtenis`` fact with its code (the rules engine reads
SS139, SS102, SS106/107/108, SS124/125 from it). Where the rules contract has an event type of
its own, that fact is recorded too, from the data fetched from DUO:

| event | extra fact |
|---|---|
| SS120 / SS121 | ``vestiging`` / ``verhuizing`` in this municipality |
| SS121 | ``pip_vastgesteld`` of the previous municipality, when it is the person's first PIP |
| SS103 / SS104 | ``termijn_verlengd`` with DUO's new end date |
| SS110 / SS111 | ``plicht_beeindigd`` with DUO's reason |
| SS199 | one ``examenpoging`` per result not yet on the timeline |

DUO's ``einddatum`` of the term is exclusive (Inburgeringstermijn API); the rules contract's
``termijn_eind`` is the last day, so Regie records DUO's date minus one day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import F
from django.utils import timezone

from regie.dossiers import regels
from regie.dossiers.models import Doelgroep, Dossier, TijdlijnFeit
from regie.dossiers.services import feit_vastleggen
from regie.integrations.duo import werkitems
from regie.integrations.duo.inbox.gebeurtenissen import Gebeurtenis
from regie.integrations.duo.inbox.ophalen import Opgehaald
from regie.integrations.duo.models import InboxNotificatie, Werkitem

DUO = TijdlijnFeit.Bron.DUO
ONDERDEEL = {"KNM": "knm", "LE": "lezen", "LU": "luisteren", "SC": "schrijven", "SP": "spreken"}
RESULTAAT = {"Geslaagd": "behaald", "Gezakt": "niet_behaald", "Geen": None}
LEERROUTE = {"B": "b1_route", "O": "onderwijsroute", "Z": "z_route"}
REDEN_EINDE = {
    "Overlijden": "overlijden",
    "Vertrek uit Nederland langer dan een jaar": "vertrek",
    "Verblijfsdoel gewijzigd": "verblijfsdoel_gewijzigd",
    "Inburgeringsplicht voldaan": "voldaan",
    "Volledige ontheffing": "ontheffing",
    "Volledige vrijstelling": "vrijstelling",
    "Tijdelijke vrijstelling": "tijdelijke_vrijstelling",
    "Overig": "overig",
}


def _d(tekst: str | None) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


def _eind_inclusief(einddatum: str | None) -> date | None:
    eind = _d(einddatum)
    return eind - timedelta(days=1) if eind else None


@dataclass
class Toepassing:
    item: InboxNotificatie
    dossier: Dossier
    gebeurtenis: Gebeurtenis
    opgehaald: Opgehaald
    datum: date
    feiten: list[int] = field(default_factory=list)
    werkitems: list[int] = field(default_factory=list)
    nieuwe_werkitems: list[Werkitem] = field(default_factory=list)

    def feit(
        self, soort: str, datum: date, gegevens: dict[str, Any] | None = None, *, eenmalig=False
    ) -> TijdlijnFeit | None:
        """Record a fact; ``eenmalig``: not when the same DUO fact is already there (a second
        notification about the same change adds nothing)."""
        gegevens = gegevens or {}
        if eenmalig and any(
            f.gegevens == gegevens
            for f in TijdlijnFeit.objects.filter(
                dossier_id=self.dossier.pk, soort=soort, datum=datum, bron=DUO
            )
        ):
            return None
        feit = feit_vastleggen(
            dossier=self.dossier, soort=soort, datum=datum, bron=DUO, gegevens=gegevens
        )
        self.feiten.append(feit.pk)
        return feit

    def taak(
        self,
        titel: str,
        *,
        soort: str = Werkitem.Soort.DUO_GEBEURTENIS,
        toelichting: str = "",
        gegevens: werkitems.Details | None = None,
        nummer: int = 1,
    ) -> None:
        """Queue a work item; ``werkitems_opslaan`` writes them in one statement. The key
        (notification, number) makes a second creation impossible."""
        self.nieuwe_werkitems.append(
            Werkitem(
                gemeente_id=self.dossier.regie_gemeente_id,
                dossier_id=self.dossier.pk,
                soort=soort,
                titel=titel[:200],
                toelichting=toelichting,
                details=gegevens or [],
                sleutel=f"inbox:{self.item.pk}:{nummer}",
                inbox_id=self.item.pk,
            )
        )

    def werkitems_opslaan(self) -> None:
        if self.nieuwe_werkitems:
            gemaakt = Werkitem.objects.bulk_create(self.nieuwe_werkitems)
            self.werkitems.extend(w.pk for w in gemaakt)
            self.nieuwe_werkitems = []

    def niet_opvraagbaar(self) -> str:
        if not self.opgehaald.fouten:
            return ""
        return "Niet op te vragen bij DUO: " + "; ".join(
            f"{k}: {v}" for k, v in self.opgehaald.fouten.items()
        )


# --- per event ----------------------------------------------------------------------------
def _gemeente(t: Toepassing) -> dict[str, str]:
    return {"gemeente": t.dossier.regie_gemeente.cbs_code}


def _vestiging(t: Toepassing) -> None:
    soort = TijdlijnFeit.Soort.VESTIGING
    if t.gebeurtenis.code == "SS121":
        soort = TijdlijnFeit.Soort.VERHUIZING
    t.feit(soort, t.datum, _gemeente(t))
    if t.gebeurtenis.code == "SS121":
        _pip_vorige_gemeente(t)


def _pip_vorige_gemeente(t: Toepassing) -> None:
    pip = (t.opgehaald["pip"] or {}).get("pip")
    termijn = t.opgehaald["termijn"] or {}
    if not pip:
        return
    dagtekening = _d(pip["dagtekeningPip"])
    start = _d(termijn.get("startdatum"))
    heeft_pip = TijdlijnFeit.objects.filter(
        dossier_id=t.dossier.pk, soort=TijdlijnFeit.Soort.PIP_VASTGESTELD
    ).exists()
    # Only a first PIP fixes the term (R2.2); a changed PIP recorded as if it were the first
    # would move the term, so that case is left to the case manager.
    if dagtekening and start == dagtekening + timedelta(days=1) and not heeft_pip:
        t.feit(
            TijdlijnFeit.Soort.PIP_VASTGESTELD,
            dagtekening,
            {
                "leerroute": LEERROUTE[pip["leerroute"]],
                "niveau": pip.get("niveau"),
                "gemeente": (t.opgehaald["pip"] or {}).get("gemeentecode"),
            },
            eenmalig=True,
        )


def _doelgroep(t: Toepassing) -> None:
    nieuw = (
        Doelgroep.GEZINSMIGRANT_OVERIG
        if t.gebeurtenis.code == "SS124"
        else Doelgroep.ASIELSTATUSHOUDER
    )
    # DUO decides the doelgroep (law.md R1.9); the caseload filters on the stored value.
    Dossier.objects.filter(pk=t.dossier.pk).exclude(doelgroep=nieuw).update(
        doelgroep=nieuw, versie=F("versie") + 1, gewijzigd_op=timezone.now()
    )


def _termijn_gestart(t: Toepassing) -> dict[str, Any]:
    termijn = t.opgehaald["termijn"] or {}
    start, eind = _d(termijn.get("startdatum")), _eind_inclusief(termijn.get("einddatum"))
    return {k: v.isoformat() for k, v in (("termijn_start", start), ("termijn_eind", eind)) if v}


def _controleer_termijn(t: Toepassing, duo: dict[str, Any]) -> None:
    if not duo:
        return
    feiten = TijdlijnFeit.objects.filter(dossier_id=t.dossier.pk).order_by("datum", "id")
    uitkomst = regels.conclusies_voor(t.dossier, feiten, peildatum=t.datum)
    regie = {
        "termijn_start": uitkomst.conclusie("termijn_start").waarde,
        "termijn_eind": uitkomst.conclusie("termijn_eind").waarde,
    }
    regie_tekst = {k: v.isoformat() if v else "—" for k, v in regie.items()}
    if regie_tekst != {k: duo.get(k, "—") for k in regie_tekst}:
        t.taak(
            "Inburgeringstermijn bij DUO wijkt af van Regie",
            toelichting=(
                "DUO heeft een termijn vastgesteld die niet overeenkomt met het vastgestelde "
                "PIP op de tijdlijn. Controleer de dagtekening van het eerste PIP."
            ),
            gegevens=werkitems.details(
                ("Termijn bij DUO", f"{duo.get('termijn_start')} t/m {duo.get('termijn_eind')}"),
                (
                    "Termijn volgens Regie",
                    f"{regie_tekst['termijn_start']} t/m {regie_tekst['termijn_eind']}",
                ),
            ),
            nummer=2,
        )


def _verlengd(t: Toepassing) -> werkitems.Details:
    termijn = t.opgehaald["termijn"] or {}
    eind = _eind_inclusief(termijn.get("einddatum"))
    if eind is None:
        return []
    datum = _d(termijn.get("wijzigingsdatum")) or t.datum
    t.feit(
        TijdlijnFeit.Soort.TERMIJN_VERLENGD,
        datum,
        {"nieuwe_einddatum": eind.isoformat()},
        eenmalig=True,
    )
    return werkitems.details(
        ("Nieuwe einddatum", eind.isoformat()),
        ("Grond", termijn.get("verlengingsgrondomschrijving")),
    )


def _beeindigd(t: Toepassing) -> werkitems.Details:
    plicht = t.opgehaald["plicht"] or {}
    if t.gebeurtenis.code == "SS111":
        reden = "overlijden"
    else:
        reden = REDEN_EINDE.get(plicht.get("redenGeenInburgeringsplicht", ""), "overig")
    datum = _d(plicht.get("einddatum")) or t.datum
    t.feit(TijdlijnFeit.Soort.PLICHT_BEEINDIGD, datum, {"reden": reden}, eenmalig=True)
    return werkitems.details(("Einddatum", datum.isoformat()), ("Reden", reden))


def _examens(t: Toepassing) -> werkitems.Details:
    bestaand = {
        (f.datum, f.gegevens.get("onderdeel"), f.gegevens.get("niveau")): f.gegevens.get(
            "resultaat"
        )
        for f in TijdlijnFeit.objects.filter(
            dossier_id=t.dossier.pk, soort=TijdlijnFeit.Soort.EXAMENPOGING, bron=DUO
        )
    }
    regels_: list[tuple[str, str]] = []
    for resultaat in sorted(t.opgehaald["examens"] or [], key=lambda r: r["examendatum"]):
        onderdeel = ONDERDEEL[resultaat["onderdeel"]]
        niveau = None if onderdeel == "knm" else resultaat.get("niveau")
        datum = _d(resultaat["examendatum"])
        assert datum is not None
        sleutel = (datum, onderdeel, niveau)
        uitslag = RESULTAAT[resultaat["resultaat"]]
        label = f"{datum.isoformat()} {resultaat['onderdeel']}{' ' + niveau if niveau else ''}"
        if sleutel in bestaand:
            if bestaand[sleutel] != uitslag:
                regels_.append((label, f"uitslag gewijzigd in {resultaat['resultaat']}"))
            continue
        if onderdeel != "knm" and niveau is None:
            regels_.append((label, f"{resultaat['resultaat']} (niveau onbekend, niet vastgelegd)"))
            continue
        t.feit(
            TijdlijnFeit.Soort.EXAMENPOGING,
            datum,
            {"onderdeel": onderdeel, "niveau": niveau, "resultaat": uitslag},
        )
        bestaand[sleutel] = uitslag
        regels_.append((label, resultaat["resultaat"]))
    return werkitems.details(*regels_)


def _samenvatting(opgehaald: Opgehaald, sleutel: str) -> werkitems.Details:
    """Decisions (vrijstelling, ontheffing) as label/value lines for the work item."""
    regels_: list[tuple[str, Any]] = []
    for entry in opgehaald[sleutel] or []:
        for soort, besluit in entry.items():
            if isinstance(besluit, dict):
                tekst = ", ".join(f"{k}: {v}" for k, v in besluit.items())
                regels_.append((soort, tekst))
    return werkitems.details(*regels_)


def toepassen(t: Toepassing) -> None:
    """Record the event and its consequences on the dossier."""
    code = t.gebeurtenis.code
    extra: dict[str, Any] = {}
    gegevens: werkitems.Details = []
    if code == "SS102":
        extra = _termijn_gestart(t)
    if code == "SS131":
        uitslagen = sorted(t.opgehaald["lbt"] or [], key=lambda r: r["datumAfname"])
        if uitslagen:
            laatste = uitslagen[-1]
            extra = {"resultaat": laatste["resultaat"], "datum_afname": laatste["datumAfname"]}
            gegevens = werkitems.details(
                ("Resultaat", laatste["resultaat"]),
                ("Score", f"{laatste['behaaldeScore']} (nodig: {laatste['benodigdeScore']})"),
                ("Datum afname", laatste["datumAfname"]),
            )
    t.feit(
        TijdlijnFeit.Soort.DUO_GEBEURTENIS,
        t.datum,
        {"code": code, "bericht_id": str(t.item.bericht_id), **extra},
    )
    if code in ("SS120", "SS121"):
        _vestiging(t)
        pip = (t.opgehaald["pip"] or {}).get("pip") or {}
        gegevens = werkitems.details(
            ("Dagtekening PIP", pip.get("dagtekeningPip")),
            ("Leerroute", LEERROUTE.get(pip.get("leerroute", ""), "")),
            ("Niveau", pip.get("niveau")),
        )
    elif code in ("SS124", "SS125"):
        _doelgroep(t)
    elif code == "SS102":
        _controleer_termijn(t, extra)
    elif code in ("SS103", "SS104"):
        gegevens = _verlengd(t)
    elif code in ("SS110", "SS111"):
        gegevens = _beeindigd(t)
    elif code == "SS199":
        gegevens = _examens(t)
    elif code == "SS137":
        nummer = (t.opgehaald["examennummer"] or {}).get("examennummer")
        gegevens = werkitems.details(("Examennummer", nummer))
    elif code in ("SS107", "SS109", "SS114", "SS115", "SS116", "SS117", "SS129", "SS130"):
        gegevens = _samenvatting(t.opgehaald, "vrijstellingen")
    elif code in ("SS108", "SS118", "SS119"):
        gegevens = _samenvatting(t.opgehaald, "ontheffingen")
    if t.gebeurtenis.taak:
        t.taak(
            t.gebeurtenis.taak,
            toelichting=f"DUO meldde {code}: {t.gebeurtenis.omschrijving}. {t.niet_opvraagbaar()}",
            gegevens=gegevens,
        )
