"""Control endpoints of the simulator (``/_simulator/…``), for development and tests. Not part
of DUO's interface; the simulator only listens on loopback by default.

- ``POST /_simulator/personen``  {bsn, gemeente_oin, doelgroep?, plicht_begin?, vestiging?,
  notificaties?: [codes]}
- ``POST /_simulator/notificaties``  {bsn, gebeurtenisId}
- ``POST /_simulator/scenario``  {naam: "leven", bsn, gemeente_oin, stap?, wacht_pip?}: 202
  started (or continued where this person's scenario was); 409 while it plays, or when it
  finished
- ``POST /_simulator/storing``  {aantal, status?}: the next requests fail (default 503)
- ``GET  /_simulator/berichten``  received requests (operation, berichtId, status, replay)
"""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Any

from regie.integrations.duo.simulator.scenario import SCENARIOS
from regie.integrations.duo.simulator.staat import ASIEL, GEZIN_OVERIG, Antwoord


def _json(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def besturing(sim: Any, methode: str, pad: str, body: bytes) -> Antwoord:
    data = _json(body)
    actie = pad.removeprefix("/_simulator/").strip("/")
    if methode == "GET" and actie == "berichten":
        with sim.staat.lock:
            return Antwoord(
                200,
                [
                    {
                        "berichtId": o.bericht_id,
                        "operatie": o.operatie,
                        "status": o.status,
                        "herhaling": o.herhaling,
                    }
                    for o in sim.staat.ontvangen
                ],
            )
    if methode != "POST":
        return Antwoord(405)
    if actie == "personen" and data.get("bsn") and data.get("gemeente_oin"):
        with sim.staat.wijziging():
            persoon = sim.persoon(
                data["bsn"],
                data["gemeente_oin"],
                doelgroep=GEZIN_OVERIG if data.get("doelgroep") == "gezin" else ASIEL,
                plicht_begin=date.fromisoformat(data["plicht_begin"])
                if data.get("plicht_begin")
                else None,
                vestiging=date.fromisoformat(data["vestiging"]) if data.get("vestiging") else None,
            )
            for code in data.get("notificaties", []):
                sim.staat.notificeer(persoon, code)
        return Antwoord(201, {"bsn": persoon.bsn})
    if actie == "notificaties" and data.get("bsn") in sim.staat.personen:
        sim.notificeer(data["bsn"], str(data.get("gebeurtenisId", "")))
        return Antwoord(201)
    if actie == "scenario" and data.get("naam") in SCENARIOS and data.get("bsn"):
        with sim.staat.lock:
            voortgang = sim.staat.voortgang.get(data["bsn"])
            if data["bsn"] in sim.staat.actief:
                return Antwoord(409, {"fout": "Het scenario voor deze persoon loopt al."})
            if voortgang is not None and voortgang.klaar:
                return Antwoord(409, {"fout": "Het scenario voor deze persoon is uitgespeeld."})
        threading.Thread(
            target=SCENARIOS[data["naam"]],
            kwargs={
                "sim": sim,
                "bsn": data["bsn"],
                "gemeente_oin": data.get("gemeente_oin") or next(iter(sim.gemeenten), ""),
                "stap": float(data.get("stap", 1.0)),
                "wacht_pip": float(data.get("wacht_pip", 600.0)),
            },
            daemon=True,
        ).start()
        return Antwoord(202)
    if actie == "storing":
        sim.storingen.extend([int(data.get("status", 503))] * int(data.get("aantal", 1)))
        return Antwoord(201)
    return Antwoord(400)
