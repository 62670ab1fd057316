"""The DUO simulator: DUO's published M2M APIs, with DUO's validation rules; its state in
memory, or also in a file that survives a restart (``bestand``, see ``opslag.py``).

``Simulator.behandel(methode, pad, headers, body)`` answers one request; ``wsgi`` serves it over
HTTP (``regie duo-simulator``, or an in-process ``httpx.WSGITransport``). Every answer carries
``API-Version``. Messages are deduplicated on (bron, berichtId): a resend gets the first answer
again and changes nothing. Control endpoints under ``/_simulator/`` play a life or inject
failures (not part of DUO's interface).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from regie.integrations.duo.client.operaties import OPERATIES, Operatie
from regie.integrations.duo.simulator import opslag, regels, schema
from regie.integrations.duo.simulator.staat import (
    ASIEL,
    GEZIN_OVERIG,
    INSTELLINGEN,
    VERLENGINGSGRONDEN,
    Antwoord,
    Ontvangen,
    Persoon,
    Pip,
    Staat,
    Termijn,
)

Handler = Callable[["Verzoek"], Antwoord]


def _route(operatie: Operatie) -> re.Pattern[str]:
    pad = re.escape(f"/v{operatie.api.major}{operatie.pad}")
    pad = pad.replace(r"\{bsn\}", r"(?P<bsn>[^/]+)")
    pad = pad.replace(r"\{id\}", r"(?P<id>[^/]+)")
    pad = pad.replace(r"\{instellingsnummer\}", r"(?P<instellingsnummer>[^/]+)")
    return re.compile(pad + "$")


ROUTES: list[tuple[re.Pattern[str], Operatie]] = [(_route(op), op) for op in OPERATIES.values()]


class Verzoek:
    def __init__(
        self, operatie: Operatie, pad: dict[str, str], bron: str, body: Any, vandaag: date
    ) -> None:
        self.operatie = operatie
        self.pad = pad
        self.bron = bron
        self.body = body
        self.vandaag = vandaag
        self.persoon: Persoon | None = None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


class Simulator:
    def __init__(
        self,
        *,
        duo_oin: str,
        gemeenten: dict[str, str] | None = None,  # OIN -> CBS code
        klok: Callable[[], date] | None = None,
        bestand: str | os.PathLike[str] | None = None,
    ) -> None:
        """With ``bestand`` the state is read from that JSON file when it exists and written
        to it after every change; raises ``opslag.StaatOnleesbaar`` for a file it cannot use.
        Municipalities passed here are added to (or override) the file's."""
        self.duo_oin = duo_oin
        self.staat = Staat(klok=klok)
        self.bestand = Path(bestand) if bestand is not None else None
        if self.bestand is not None:
            opslag.laad(self.staat, self.bestand)
        self.staat.gemeenten.update(gemeenten or {})
        self.storingen: list[int] = []  # statuses to answer with, next requests first
        self.vertraging = 0.0
        if self.bestand is not None:
            self.staat.bewaarder = functools.partial(opslag.schrijf, self.staat, self.bestand)
            try:  # at once: an unwritable place shows now, not at the first request
                self.bestand.parent.mkdir(parents=True, exist_ok=True)
                self.staat.bewaar()
            except OSError as exc:
                raise opslag.StaatOnleesbaar(
                    self.bestand, f"it cannot be written ({exc})", verwijderen=False
                ) from exc

    @property
    def gemeenten(self) -> dict[str, str]:
        """OIN -> CBS code of the municipalities that may call (part of the saved state)."""
        return self.staat.gemeenten

    @gemeenten.setter
    def gemeenten(self, waarde: dict[str, str]) -> None:
        self.staat.gemeenten = dict(waarde)

    # --- set-up (tests, scenarios, control endpoints) --------------------------------------
    def persoon(
        self,
        bsn: str,
        gemeente_oin: str,
        *,
        doelgroep: str = ASIEL,
        plicht_begin: date | None = None,
        vestiging: date | None = None,
    ) -> Persoon:
        vandaag = self.staat.vandaag()
        begin = plicht_begin or vandaag - timedelta(days=30)
        gedetailleerd = "Asielstatushouder" if doelgroep == ASIEL else "Gezinsvormer"
        persoon = Persoon(
            bsn=bsn,
            gemeente_oin=gemeente_oin,
            plicht_begin=begin,
            doelgroep=doelgroep,
            gedetailleerd=gedetailleerd,
            doelgroep_begin=begin,
            kennisgeving=vandaag,
            vestiging=vestiging,
        )
        with self.staat.wijziging():
            self.staat.personen[bsn] = persoon
            if gemeente_oin not in self.gemeenten:
                self.gemeenten[gemeente_oin] = "0000"
        return persoon

    def notificeer(self, bsn: str, code: str) -> None:
        self.staat.notificeer(self.staat.personen[bsn], code)

    # --- the API ---------------------------------------------------------------------------
    def behandel(
        self, methode: str, pad: str, headers: dict[str, str], body: bytes = b""
    ) -> Antwoord:
        kop = {k.lower(): v for k, v in headers.items()}
        if pad.startswith("/_simulator/"):
            from regie.integrations.duo.simulator.besturing import besturing

            return besturing(self, methode, pad, body)
        operatie, parameters = self._zoek(methode, pad)
        if operatie is None:
            return Antwoord(404)
        versie = (("API-Version", operatie.api.versie),)
        if self.storingen:
            return Antwoord(self.storingen.pop(0), headers=versie)
        try:
            bron, bericht_id = schema.headers(kop, self.duo_oin)
        except schema.Ongeldig:
            return Antwoord(400, headers=versie)
        with self.staat.wijziging():
            eerder = self.staat.berichten.get((bron, bericht_id))
            if eerder is not None:
                self._log(bericht_id, operatie, bron, eerder.status, herhaling=True)
                return eerder
            antwoord = self._verwerk(operatie, parameters, bron, body)
            antwoord = Antwoord(antwoord.status, antwoord.body, versie)
            if antwoord.status < 500:
                self.staat.berichten[(bron, bericht_id)] = antwoord
            self._log(bericht_id, operatie, bron, antwoord.status, herhaling=False)
            return antwoord

    def _log(self, bericht_id: str, operatie: Operatie, bron: str, status: int, *, herhaling):
        self.staat.ontvangen.append(
            Ontvangen(bericht_id, operatie.operation_id, bron, status, herhaling, datetime.now(UTC))
        )

    def _zoek(self, methode: str, pad: str) -> tuple[Operatie | None, dict[str, str]]:
        for patroon, operatie in ROUTES:
            gevonden = patroon.match(pad)
            if gevonden and operatie.methode == methode:
                return operatie, gevonden.groupdict()
        return None, {}

    def _weigering(self, operatie: Operatie, foutteksten: Iterable[str]) -> Antwoord:
        teksten = [t[:200] for t in foutteksten]
        if operatie.weigering_met_fouttekst:
            return Antwoord(403, [{"fouttekst": t} for t in teksten])
        return Antwoord(403)

    def _verwerk(
        self, operatie: Operatie, parameters: dict[str, str], bron: str, ruw: bytes
    ) -> Antwoord:
        if bron not in self.gemeenten:
            return self._weigering(operatie, ["Uw organisatie is niet geautoriseerd."])
        body: Any = None
        if ruw:
            try:
                body = json.loads(ruw)
            except ValueError:
                return Antwoord(400)
        verzoek = Verzoek(operatie, parameters, bron, body, self.staat.vandaag())
        if "bsn" in parameters:
            try:
                schema.bsn(parameters["bsn"])
            except schema.Ongeldig:
                return Antwoord(400)
            persoon = self.staat.personen.get(parameters["bsn"])
            if persoon is None:
                return Antwoord(404)
            if not regels.relevant(persoon, bron, verzoek.vandaag):
                return self._weigering(operatie, ["De persoon valt niet onder uw gemeente."])
            verzoek.persoon = persoon
        handler: Handler = getattr(self, f"_{operatie.operation_id}")
        try:
            return handler(verzoek)
        except schema.Ongeldig:
            return Antwoord(400)

    # --- Inburgeringsplicht ----------------------------------------------------------------
    def _getDoelgroepByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        return Antwoord(
            200,
            {
                "indeling": p.doelgroep,
                "begindatum": _iso(p.doelgroep_begin or p.plicht_begin),
                "gedetailleerdeDoelgroep": p.gedetailleerd,
            },
        )

    def _getDoelgroephistorieByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        huidig = {"indeling": p.doelgroep, "begindatum": _iso(p.doelgroep_begin)}
        return Antwoord(200, [*p.historie_doelgroep, huidig])

    def _plicht(self, p: Persoon) -> dict[str, Any]:
        uit: dict[str, Any] = {
            "indicatorInburgeringsplicht": p.plicht,
            "begindatum": _iso(p.plicht_begin),
            "wijzigingsdatum": _iso(p.plicht_einde or p.plicht_begin),
        }
        if p.plicht_einde:
            uit["einddatum"] = _iso(p.plicht_einde)
        if p.reden_geen_plicht:
            uit["redenGeenInburgeringsplicht"] = p.reden_geen_plicht
        return uit

    def _getInburgeringsplichtByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        body = self._plicht(v.persoon)
        if v.persoon.kennisgeving:
            body["datumKennisgevingInburgeringsplicht"] = _iso(v.persoon.kennisgeving)
        return Antwoord(200, body)

    def _getInburgeringsplichthistorieByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        huidig = {
            k: w for k, w in self._plicht(v.persoon).items() if k != "redenGeenInburgeringsplicht"
        }
        return Antwoord(200, [*v.persoon.historie_plicht, huidig])

    # --- Leerbaarheidstoets ----------------------------------------------------------------
    def _getExamennummerByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        if not v.persoon.examennummer:
            return Antwoord(404)
        return Antwoord(200, {"examennummer": v.persoon.examennummer})

    def _deleteExamennummerByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        if not v.persoon.examennummer:
            return Antwoord(404)
        v.persoon.examennummer = None
        return Antwoord(200)

    def _getLbtResultatenByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        return Antwoord(200, list(v.persoon.lbt))

    # --- Inburgeringstermijn ---------------------------------------------------------------
    def _getInburgeringstermijnByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        t = v.persoon.termijn
        if t is None:
            return Antwoord(404)
        body: dict[str, Any] = {
            "startdatum": _iso(t.startdatum),
            "einddatum": _iso(t.einddatum),
            "wijzigingsdatum": _iso(t.wijzigingsdatum),
        }
        if t.grondcode:
            body["verlengingsgrondcode"] = t.grondcode
            body["verlengingsgrondomschrijving"] = t.grondomschrijving
        return Antwoord(200, body)

    def _getInburgeringstermijnhistorieByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        t = v.persoon.termijn
        return Antwoord(200, list(t.historie) if t else [])

    def _getVerlengingsgronden(self, v: Verzoek) -> Antwoord:
        return Antwoord(200, VERLENGINGSGRONDEN)

    # --- Vrijstelling, Ontheffing ----------------------------------------------------------
    def _getVrijstellingenByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        return Antwoord(200, list(v.persoon.vrijstellingen))

    def _getOntheffingenByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        return Antwoord(200, list(v.persoon.ontheffingen))

    # --- PIP -------------------------------------------------------------------------------
    def _getPipByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        actueel = p.actuele_pip
        if actueel is None:
            return Antwoord(404)
        code = self.gemeenten.get(actueel.gemeente_oin, "0000")
        return Antwoord(200, {"gemeentecode": code, "pip": actueel.als_json()})

    def _postPipByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        body = schema.pip(v.body)
        fouten = regels.pip(p, body, v.vandaag)
        if fouten:
            return self._weigering(v.operatie, fouten)
        leerroute = body["leerroute"]
        niveau = body.get("niveau") or ("B1" if leerroute in ("B", "O") else None)
        dagtekening = date.fromisoformat(body["dagtekeningPip"])
        eerste = p.eerste_pip is None
        p.pips.append(
            Pip(
                dagtekening=dagtekening,
                leerroute=leerroute,
                niveau=niveau,
                gemeente_oin=v.bron,
                geregistreerd_op=v.vandaag,
                intensiteit=body.get("geschatteIntensiteitB1Route"),
                mag_afmaken=body.get("indicatorMagOpleidingAfmaken"),
                alfabetisering=body.get("indicatorAlfabetiseringsonderwijs"),
            )
        )
        if eerste:
            # Wi art. 11: the term starts the day after the first PIP's dagtekening, 3 years.
            start = dagtekening + timedelta(days=1)
            p.termijn = Termijn(start, regels.plus_jaren(start, 3), v.vandaag)
            self.staat.notificeer(p, "SS102")
        return Antwoord(201)

    def _deletePipByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        if p.actuele_pip is None:
            return Antwoord(404)
        fouten = regels.pip_verwijderen(p, v.vandaag)
        if fouten:
            return self._weigering(v.operatie, fouten)
        p.pips.pop()
        if not p.pips:
            p.termijn = None
        return Antwoord(200)

    # --- Contactpersoon --------------------------------------------------------------------
    def _eigen_contact(self, v: Verzoek) -> dict[str, Any] | None:
        try:
            nummer = int(v.pad["id"])
        except ValueError as exc:
            raise schema.Ongeldig("id") from exc
        contact = self.staat.contactpersonen.get(nummer)
        if contact is None or contact["gemeente_oin"] != v.bron:
            return None
        return contact

    def _createContactpersoon(self, v: Verzoek) -> Antwoord:
        gegevens = schema.contactpersoon(v.body)
        nummer = self.staat.volgend_contact_id
        self.staat.volgend_contact_id += 1
        self.staat.contactpersonen[nummer] = {"gegevens": gegevens, "gemeente_oin": v.bron}
        return Antwoord(201, {"id": nummer, "contactpersoongegevens": gegevens})

    def _updateContactpersoonById(self, v: Verzoek) -> Antwoord:
        contact = self._eigen_contact(v)
        if contact is None:
            return Antwoord(404)
        contact["gegevens"] = schema.contactpersoon(v.body)
        return Antwoord(200)

    def _deleteContactpersoonById(self, v: Verzoek) -> Antwoord:
        contact = self._eigen_contact(v)
        if contact is None:
            return Antwoord(404)
        nummer = int(v.pad["id"])
        del self.staat.contactpersonen[nummer]
        for persoon in self.staat.personen.values():
            if persoon.contactpersoon_id == nummer:
                persoon.contactpersoon_id = None
        return Antwoord(200)

    def _postContactpersoonByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        if self._eigen_contact(v) is None:
            return Antwoord(404)
        v.persoon.contactpersoon_id = int(v.pad["id"])
        return Antwoord(201)

    def _deleteContactpersoonByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        if self._eigen_contact(v) is None or v.persoon.contactpersoon_id != int(v.pad["id"]):
            return Antwoord(404)
        v.persoon.contactpersoon_id = None
        return Antwoord(200)

    # --- Inburgeringsaanbod ----------------------------------------------------------------
    def _getInstellingen(self, v: Verzoek) -> Antwoord:
        return Antwoord(200, INSTELLINGEN)

    def _postInburgeringsaanbodByBsnAndInstellingsnummer(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        nummer = v.pad["instellingsnummer"]
        if len(nummer) != 10:
            return Antwoord(400)
        body = schema.aanbod(v.body)
        fouten = regels.aanbod(p, nummer, body, v.vandaag)
        if fouten:
            return self._weigering(v.operatie, fouten)
        # A new delivery overwrites the previous one for this institution (README).
        p.aanbod[nummer] = {**body, "gemeente_oin": v.bron}
        return Antwoord(201)

    def _deleteInburgeringsaanbodByBsnAndInstellingsnumer(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        if p.aanbod.pop(v.pad["instellingsnummer"], None) is None:
            return Antwoord(404)
        return Antwoord(204)

    # --- MAP, PVT, Z-route -----------------------------------------------------------------
    def _get_datum(self, v: Verzoek, attr: str, veld: str) -> Antwoord:
        waarde = getattr(v.persoon, attr)
        if not waarde or not waarde.get("datum"):
            return Antwoord(404)
        return Antwoord(200, {veld: waarde["datum"]})

    def _put_datum(self, v: Verzoek, onderdeel: str, veld: str) -> Antwoord:
        p = v.persoon
        assert p is not None
        body = schema.resultaat(v.body, veld)
        datum = date.fromisoformat(body[veld]) if body.get(veld) else None
        fouten = regels.datum_met_verwijtbaar(
            p, onderdeel, datum, body.get("verwijtbaar"), v.bron, v.vandaag
        )
        if fouten:
            return self._weigering(v.operatie, fouten)
        # PUT replaces the whole resource: what is left out is withdrawn.
        setattr(
            p,
            onderdeel,
            {
                "datum": body.get(veld),
                "verwijtbaar": body.get("verwijtbaar"),
                "gemeente_oin": v.bron,
            },
        )
        return Antwoord(200)

    def _getMapByBsn(self, v: Verzoek) -> Antwoord:
        return self._get_datum(v, "map", "datumEindgesprekMap")

    def _updateMapByBsn(self, v: Verzoek) -> Antwoord:
        return self._put_datum(v, "map", "datumEindgesprekMap")

    def _getPvtByBsn(self, v: Verzoek) -> Antwoord:
        return self._get_datum(v, "pvt", "datumOndertekeningPvt")

    def _updatePvtByBsn(self, v: Verzoek) -> Antwoord:
        return self._put_datum(v, "pvt", "datumOndertekeningPvt")

    def _updateZrouteByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        body = schema.zroute(v.body)
        datum = date.fromisoformat(body["datumAfrondingZroute"]) if body else None
        fouten = regels.zroute(p, datum, v.bron, v.vandaag)
        if fouten:
            return self._weigering(v.operatie, fouten)
        p.zroute = datum
        return Antwoord(200)

    # --- Gevolgde uren ---------------------------------------------------------------------
    def _put_uren(self, v: Verzoek, soort: str) -> Antwoord:
        p = v.persoon
        assert p is not None
        body = schema.uren(v.body)
        if soort == "participatie" and p.doelgroep != ASIEL:
            return Antwoord(403)
        per_gemeente = p.uren.setdefault(v.bron, {})
        per_gemeente[soort] = body["uren"]
        per_gemeente["bekendTot"] = _iso(v.vandaag + timedelta(days=1))
        return Antwoord(200)

    def _getGevolgdeUrenByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        uit = []
        for oin, uren in p.uren.items():
            regel: dict[str, Any] = {
                "gemeentecode": self.gemeenten.get(oin, "0000"),
                "bekendTot": uren.get("bekendTot"),
            }
            for soort, veld in (
                ("taalles", "ParticipatieAlsTaalles"),
                ("participatie", "ParticipatieactiviteitenBredeIntake"),
                ("bredeintake", "TaallesEnKnmBredeIntake"),
            ):
                if soort in uren:
                    regel[veld] = {"uren": uren[soort]}
            uit.append(regel)
        return Antwoord(200, uit)

    def _updateUrenTaallesEnKnmByBSN(self, v: Verzoek) -> Antwoord:
        return self._put_uren(v, "bredeintake")

    def _updateUrenParticipatieactiviteiten(self, v: Verzoek) -> Antwoord:
        return self._put_uren(v, "participatie")

    def _updateUrenParticipatieAlsTaallesByBsn(self, v: Verzoek) -> Antwoord:
        return self._put_uren(v, "taalles")

    # --- Examen ----------------------------------------------------------------------------
    def _getGratisPogingenTegoedByBsn(self, v: Verzoek) -> Antwoord:
        p = v.persoon
        assert p is not None
        tegoed = []
        for onderdeel in ("KNM", "LE", "LU", "SC", "SP"):
            gebruikt = sum(1 for e in p.examens if e["onderdeel"] == onderdeel)
            gratis = 2 if p.doelgroep == ASIEL else 0
            tegoed.append(
                {"onderdeel": onderdeel, "gratisPogingenTegoed": max(0, gratis - gebruikt)}
            )
        return Antwoord(200, tegoed)

    def _getExamenresultatenByBsn(self, v: Verzoek) -> Antwoord:
        assert v.persoon is not None
        return Antwoord(200, list(v.persoon.examens))


__all__ = ["ASIEL", "GEZIN_OVERIG", "Simulator"]
