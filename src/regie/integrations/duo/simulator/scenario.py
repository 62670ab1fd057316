"""A realistic life, played by the simulator against Regie:

SS101 (obliged) -> SS120 (settled, no PIP) -> SS139 (10-week PIP clock) -> SS137 / SS131
(learnability test) -> waits until Regie delivered the PIP (DUO then sends SS102 itself) ->
optionally waits for hours -> two exam rounds (SS199) -> diploma, obligation met (SS106).

Every step only changes DUO's state and queues the notification; the notifier pushes it to
Regie. ``stap`` seconds between steps (0 in tests).

A scenario is a list of steps with a key each; the keys of the steps taken are kept per person
(``Staat.voortgang``, saved with the state), together with the step and its notification. So a
scenario started again for the same person continues with the step after the last one taken
(after a restart on a state file: waiting for the PIP again, say), and one that finished does
nothing. A wait that gives up stops the scenario without taking the step: the next start waits
again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from regie.integrations.duo.simulator.staat import ASIEL, Persoon, Voortgang


class Gestopt(Exception):
    """A step's wait gave up (or the simulator stops); the message is recorded as a step text."""


@dataclass(frozen=True)
class Stap:
    sleutel: str  # names the step in the saved progress
    doe: Callable[[], str]  # changes DUO's state, queues notifications; returns the step's text
    wacht: Callable[[], None] | None = None  # before ``doe``, outside the lock; may raise Gestopt


def _wacht_tot(voorwaarde: Any, seconden: float, stop: threading.Event | None) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        if stop is not None and stop.is_set():
            return False
        time.sleep(0.1)
    return bool(voorwaarde())


def speel(sim: Any, *, naam: str, bsn: str, stappen: list[Stap], pauze: float) -> list[str]:
    """Take the steps this person's scenario has not taken yet, each in one state change with
    its progress (one write of the state file); returns the texts of all steps taken so far.
    A second start while one plays for this person does nothing."""
    staat = sim.staat
    with staat.wijziging():
        if bsn in staat.actief:
            return staat.scenarios[bsn]
        voortgang = staat.voortgang.setdefault(bsn, Voortgang(naam))
        if voortgang.naam != naam:
            raise ValueError(f"scenario {voortgang.naam!r} is already played for this person")
        teksten = staat.scenarios.setdefault(bsn, [])
        staat.actief.add(bsn)
    try:
        for stap in stappen:
            if stap.sleutel in voortgang.gedaan:
                continue
            if stap.wacht is not None:
                try:
                    stap.wacht()
                except Gestopt as gestopt:
                    with staat.wijziging():
                        teksten.append(str(gestopt))
                    return teksten
            with staat.wijziging():
                teksten.append(stap.doe())
                voortgang.gedaan.append(stap.sleutel)
            if pauze:
                time.sleep(pauze)
        with staat.wijziging():
            voortgang.klaar = True
        return teksten
    finally:
        with staat.lock:
            staat.actief.discard(bsn)


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
    """Play the life, or the rest of it; returns the steps' texts (also kept in
    ``sim.staat.scenarios[bsn]``). ``gemeente_oin`` and ``doelgroep`` only matter for the
    first step."""
    staat = sim.staat

    def persoon() -> Persoon:
        return staat.personen[bsn]

    def inburgeringsplichtig() -> str:
        sim.persoon(
            bsn,
            gemeente_oin,
            doelgroep=doelgroep,
            plicht_begin=staat.vandaag() - timedelta(days=60),
        )
        sim.notificeer(bsn, "SS101")
        return "SS101 inburgeringsplichtig"

    def gevestigd() -> str:
        persoon().vestiging = staat.vandaag()
        sim.notificeer(bsn, "SS120")
        return "SS120 gevestigd zonder PIP"

    def pip_termijn() -> str:
        sim.notificeer(bsn, "SS139")
        return "SS139 10-wekentermijn gestart"

    def lbt_aangemeld() -> str:
        persoon().examennummer = f"LBT{bsn[-6:]}"
        sim.notificeer(bsn, "SS137")
        return "SS137 aangemeld voor de leerbaarheidstoets"

    def lbt_uitslag() -> str:
        persoon().lbt.append(
            {
                "resultaat": "B1-route haalbaar",
                "behaaldeScore": "61,50",
                "benodigdeScore": "50,00",
                "datumAfname": staat.vandaag().isoformat(),
            }
        )
        sim.notificeer(bsn, "SS131")
        return "SS131 uitslag leerbaarheidstoets"

    def wacht_op_pip() -> None:
        if not _wacht_tot(lambda: persoon().actuele_pip is not None, wacht_pip, stop):
            raise Gestopt("gestopt: Regie leverde geen PIP aan")

    def pip_ontvangen() -> str:
        return "PIP ontvangen; SS102 termijn gestart"  # DUO sent SS102 when it registered it

    def wacht_op_uren() -> None:
        _wacht_tot(lambda: bool(persoon().uren), wacht_uren, stop)

    def uren() -> str:
        return "uren ontvangen" if persoon().uren else "geen uren ontvangen; verder"

    def niveau() -> str:
        actueel = persoon().actuele_pip
        return (actueel.niveau if actueel else None) or "B1"

    def examens() -> str:
        dag = staat.vandaag().isoformat()
        for onderdeel, uitslag in (
            ("KNM", "Geslaagd"),
            ("LE", "Gezakt"),
            ("LU", "Geslaagd"),
            ("SC", "Geslaagd"),
            ("SP", "Geslaagd"),
        ):
            resultaat = {"examendatum": dag, "resultaat": uitslag, "onderdeel": onderdeel}
            if onderdeel != "KNM":
                resultaat["niveau"] = niveau()
            persoon().examens.append(resultaat)
        sim.notificeer(bsn, "SS199")
        return "SS199 examenuitslagen (lezen gezakt)"

    def herexamen() -> str:
        persoon().examens.append(
            {
                "examendatum": (staat.vandaag() + timedelta(days=1)).isoformat(),
                "resultaat": "Geslaagd",
                "onderdeel": "LE",
                "niveau": niveau(),
            }
        )
        sim.notificeer(bsn, "SS199")
        return "SS199 herexamen lezen geslaagd"

    def plicht_voldaan() -> str:
        p = persoon()
        p.plicht = False
        p.plicht_einde = staat.vandaag() + timedelta(days=1)
        p.reden_geen_plicht = "Inburgeringsplicht voldaan"
        sim.notificeer(bsn, "SS106")
        return "SS106 diploma behaald: inburgeringsplicht voldaan"

    stappen = [
        Stap("SS101", inburgeringsplichtig),
        Stap("SS120", gevestigd),
        Stap("SS139", pip_termijn),
        Stap("SS137", lbt_aangemeld),
        Stap("SS131", lbt_uitslag),
        Stap("pip", pip_ontvangen, wacht=wacht_op_pip),
        *([Stap("uren", uren, wacht=wacht_op_uren)] if wacht_uren else []),
        Stap("examens", examens),
        Stap("herexamen", herexamen),
        Stap("SS106", plicht_voldaan),
    ]
    return speel(sim, naam="leven", bsn=bsn, stappen=stappen, pauze=stap)


SCENARIOS = {"leven": leven}
