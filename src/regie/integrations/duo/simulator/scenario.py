"""A realistic life, played by the simulator against Regie:

SS101 (obliged) -> SS120 (settled, no PIP) -> SS139 (10-week PIP clock) -> SS137 / SS131
(learnability test) -> waits until Regie delivered the PIP (DUO then sends SS102 itself) ->
optionally waits for hours -> two exam rounds (SS199) -> diploma, obligation met (SS106).

Every step only changes DUO's state and queues the notification; the notifier pushes it to
Regie. ``stap`` seconds between steps (0 in tests).
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from typing import Any

from regie.integrations.duo.simulator.staat import ASIEL


def _wacht_tot(voorwaarde: Any, seconden: float, stop: threading.Event | None) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        if stop is not None and stop.is_set():
            return False
        time.sleep(0.1)
    return bool(voorwaarde())


def leven(
    sim: Any,
    *,
    bsn: str,
    gemeente_oin: str,
    doelgroep: str = ASIEL,
    stap: float = 1.0,
    wacht_pip: float = 600.0,
    wacht_uren: float = 0.0,
    stop: threading.Event | None = None,
) -> list[str]:
    """Play the life; returns the steps taken (also kept in ``sim.staat.scenarios[bsn]``)."""
    staat = sim.staat
    stappen: list[str] = staat.scenarios.setdefault(bsn, [])

    def stap_gezet(tekst: str) -> None:
        with staat.lock:
            stappen.append(tekst)
        if stap:
            time.sleep(stap)

    vandaag = staat.vandaag()
    persoon = sim.persoon(
        bsn, gemeente_oin, doelgroep=doelgroep, plicht_begin=vandaag - timedelta(days=60)
    )
    sim.notificeer(bsn, "SS101")
    stap_gezet("SS101 inburgeringsplichtig")
    with staat.lock:
        persoon.vestiging = staat.vandaag()
    sim.notificeer(bsn, "SS120")
    stap_gezet("SS120 gevestigd zonder PIP")
    sim.notificeer(bsn, "SS139")
    stap_gezet("SS139 10-wekentermijn gestart")
    with staat.lock:
        persoon.examennummer = f"LBT{bsn[-6:]}"
    sim.notificeer(bsn, "SS137")
    stap_gezet("SS137 aangemeld voor de leerbaarheidstoets")
    with staat.lock:
        persoon.lbt.append(
            {
                "resultaat": "B1-route haalbaar",
                "behaaldeScore": "61,50",
                "benodigdeScore": "50,00",
                "datumAfname": staat.vandaag().isoformat(),
            }
        )
    sim.notificeer(bsn, "SS131")
    stap_gezet("SS131 uitslag leerbaarheidstoets")

    if not _wacht_tot(lambda: persoon.actuele_pip is not None, wacht_pip, stop):
        stap_gezet("gestopt: Regie leverde geen PIP aan")
        return stappen
    stap_gezet("PIP ontvangen; SS102 termijn gestart")
    if wacht_uren:
        gekregen = _wacht_tot(lambda: bool(persoon.uren), wacht_uren, stop)
        stap_gezet("uren ontvangen" if gekregen else "geen uren ontvangen; verder")

    niveau = (persoon.actuele_pip.niveau if persoon.actuele_pip else None) or "B1"
    dag = staat.vandaag().isoformat()
    with staat.lock:
        for onderdeel, uitslag in (
            ("KNM", "Geslaagd"),
            ("LE", "Gezakt"),
            ("LU", "Geslaagd"),
            ("SC", "Geslaagd"),
            ("SP", "Geslaagd"),
        ):
            resultaat = {"examendatum": dag, "resultaat": uitslag, "onderdeel": onderdeel}
            if onderdeel != "KNM":
                resultaat["niveau"] = niveau
            persoon.examens.append(resultaat)
    sim.notificeer(bsn, "SS199")
    stap_gezet("SS199 examenuitslagen (lezen gezakt)")
    with staat.lock:
        persoon.examens.append(
            {
                "examendatum": (staat.vandaag() + timedelta(days=1)).isoformat(),
                "resultaat": "Geslaagd",
                "onderdeel": "LE",
                "niveau": niveau,
            }
        )
    sim.notificeer(bsn, "SS199")
    stap_gezet("SS199 herexamen lezen geslaagd")
    with staat.lock:
        persoon.plicht = False
        persoon.plicht_einde = staat.vandaag() + timedelta(days=1)
        persoon.reden_geen_plicht = "Inburgeringsplicht voldaan"
    sim.notificeer(bsn, "SS106")
    stap_gezet("SS106 diploma behaald: inburgeringsplicht voldaan")
    return stappen


SCENARIOS = {"leven": leven}
