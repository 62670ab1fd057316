"""``regie duo-simulator``: a local DUO on 127.0.0.1:8001 that pushes notifications to Regie.

    regie duo-simulator                                  # serve, municipalities from Regie
    regie duo-simulator --scenario leven --bsn 999000011 --gemeente-oin 000000…
                                                         # and play a life for one person
    regie duo-simulator --staat var/duo-simulator.json … # keep the state across restarts

With ``--scenario`` while a simulator already listens on the port, the scenario is started in
that one through its control endpoint instead.

Without ``--staat`` the state lives in memory. With it, the simulator continues from the file
(persons, PIPs, hours, received berichtIds, queued notifications, scenario progress) and writes
it after every change; a scenario the file has progress for continues with its next step, or
does nothing when it finished.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import httpx
from django.core.management.base import BaseCommand, CommandError

from regie.core.models import Gemeente
from regie.integrations.duo import conf
from regie.integrations.duo.simulator import Simulator
from regie.integrations.duo.simulator.opslag import StaatOnleesbaar
from regie.integrations.duo.simulator.scenario import SCENARIOS
from regie.integrations.duo.simulator.server import Bezorger, http_verzender, start


def al_gespeeld(bsn: str) -> bool:
    """Whether Regie already has this person: their scenario was played before (``make run``
    on a database that is not new). A simulator that does not remember that scenario (no
    state file, or a new one) would send DUO's opening notifications a second time, as new
    messages."""
    from regie.dossiers.models import Inburgeraar

    return Inburgeraar.objects.filter(bsn=bsn).exists()


def staat_van_andere_database(sim: Simulator, bsn: str) -> bool:
    """Whether Regie never received any of the notifications the state file says were
    delivered for this person: the file belongs to another (an emptied) database, and
    continuing its scenario would wait for a PIP from a dossier Regie does not have."""
    from regie.integrations.duo.models import InboxNotificatie

    with sim.staat.lock:
        bezorgd = [n.bericht_id for n in sim.staat.uitgaand if n.bezorgd and n.body["bsn"] == bsn]
    return bool(bezorgd) and not InboxNotificatie.objects.filter(bericht_id__in=bezorgd).exists()


def scenario_besluit(
    sim: Simulator, *, naam: str, bsn: str, eenmalig: bool, staat: Path | None
) -> tuple[bool, str]:
    """Whether to play the scenario in a simulator that starts now, and why (for the log).

    A state file that has progress for this person decides: continue after its last step, or
    nothing when it finished. Otherwise ``eenmalig`` plays it only for a person Regie does not
    know yet (without a state file the simulator cannot know it played them before)."""
    with sim.staat.lock:
        voortgang = sim.staat.voortgang.get(bsn)
        teksten = list(sim.staat.scenarios.get(bsn, []))
    if voortgang is not None:
        if eenmalig and staat_van_andere_database(sim, bsn):
            raise CommandError(
                f"DUO simulator state file {staat} belongs to another Regie database: Regie has "
                f"none of the notifications it delivered for the scenario's person. Delete "
                f"{staat} to start the simulator afresh with this database."
            )
        if voortgang.klaar:
            return False, (
                f"Scenario {naam} is voor deze persoon al uitgespeeld (staat in {staat}). "
                f"Verwijder {staat} en begin met een lege database om het opnieuw te zien."
            )
        laatste = teksten[-1] if teksten else "het begin"
        return True, f"Scenario {naam} gaat verder waar het was (staat in {staat}): na {laatste}."
    if eenmalig and al_gespeeld(bsn):
        opnieuw = "Begin met een lege database" + (f" en zonder {staat}" if staat else "")
        return False, (
            f"Scenario {naam} niet opnieuw gespeeld: Regie heeft al een dossier voor deze "
            f"persoon. {opnieuw} om het opnieuw te zien."
        )
    return True, f"Scenario {naam} begint."


def _bezet(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


class Command(BaseCommand):
    help = "Start een lokale DUO-simulator (M2M-API's + notificaties naar Regie)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8001)
        parser.add_argument("--regie-url", default=None, help="Regie's notification endpoint")
        parser.add_argument("--geheim", default=None, help="shared secret (else from env)")
        parser.add_argument("--scenario", choices=sorted(SCENARIOS))
        parser.add_argument("--bsn")
        parser.add_argument("--gemeente-oin")
        parser.add_argument(
            "--eenmalig",
            action="store_true",
            help="play the scenario once per Regie database: with --staat it continues where "
            "the file says, without it only for a person Regie has no dossier for yet",
        )
        parser.add_argument(
            "--staat",
            type=Path,
            default=None,
            metavar="PAD",
            help="JSON file that keeps the simulator's state across restarts (make run: "
            "var/duo-simulator.json; delete it to start afresh); without it: memory only",
        )
        parser.add_argument("--stap", type=float, default=2.0, help="seconds between steps")
        parser.add_argument(
            "--wacht-pip", type=float, default=600.0, help="seconds to wait for Regie's PIP"
        )

    def handle(self, *args, **o):  # type: ignore[no-untyped-def]
        if o["scenario"] and not o["bsn"]:
            raise CommandError("--scenario needs --bsn")
        bezet = _bezet(o["host"], o["port"])
        if o["scenario"] and bezet and o["eenmalig"] and al_gespeeld(o["bsn"]):
            self.stdout.write(
                f"Scenario {o['scenario']} niet opnieuw gespeeld: Regie heeft al een dossier voor "
                "deze persoon. Begin met een lege database om het opnieuw te zien."
            )
            return  # a simulator already serves; nothing to start
        gemeenten = dict(Gemeente.objects.exclude(oin="").values_list("oin", "cbs_code"))
        oin = o["gemeente_oin"] or next(iter(gemeenten), None)
        if o["scenario"] and bezet:
            # The running simulator owns its state: it starts, continues or refuses (409).
            antwoord = httpx.post(
                f"http://{o['host']}:{o['port']}/_simulator/scenario",
                json={
                    "naam": o["scenario"],
                    "bsn": o["bsn"],
                    "gemeente_oin": oin,
                    "stap": o["stap"],
                    "wacht_pip": o["wacht_pip"],
                },
            )
            self.stdout.write(f"Scenario gestart in de draaiende simulator: {antwoord.status_code}")
            return
        try:
            sim = Simulator(duo_oin=conf.DUO_OIN, gemeenten=gemeenten, bestand=o["staat"])
        except StaatOnleesbaar as exc:
            raise CommandError(str(exc)) from exc
        if o["scenario"]:
            spelen, uitleg = scenario_besluit(
                sim, naam=o["scenario"], bsn=o["bsn"], eenmalig=o["eenmalig"], staat=o["staat"]
            )
            self.stdout.write(uitleg)
            if not spelen:
                o["scenario"] = None
        server, url = start(sim, o["host"], o["port"])
        geheim = o["geheim"] if o["geheim"] is not None else conf.NOTIFICATIE_GEHEIM
        regie_url = o["regie_url"] or conf.SIMULATOR_NOTIFICATIE_URL
        Bezorger(sim, http_verzender(regie_url), geheim=geheim).start()
        bewaard = f"staat in {o['staat']}" if o["staat"] else "staat alleen in het geheugen"
        self.stdout.write(
            f"DUO-simulator op {url} (DUO-OIN {sim.duo_oin}); notificaties naar {regie_url}; "
            f"{len(gemeenten)} gemeente(n) met OIN; {bewaard}."
        )
        if o["scenario"]:
            if not oin:
                raise CommandError("no municipality with an OIN: pass --gemeente-oin")
            SCENARIOS[o["scenario"]](
                sim, bsn=o["bsn"], gemeente_oin=oin, stap=o["stap"], wacht_pip=o["wacht_pip"]
            )
            self.stdout.write(
                f"Scenario {o['scenario']}: " + " → ".join(sim.staat.scenarios[o["bsn"]])
            )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            server.shutdown()
