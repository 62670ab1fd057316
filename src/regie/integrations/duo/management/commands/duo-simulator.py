"""``regie duo-simulator``: a local DUO on 127.0.0.1:8001 that pushes notifications to Regie.

    regie duo-simulator                                  # serve, municipalities from Regie
    regie duo-simulator --scenario leven --bsn 999000011 --gemeente-oin 000000…
                                                         # and play a life for one person

With ``--scenario`` while a simulator already listens on the port, the scenario is started in
that one through its control endpoint instead.
"""

from __future__ import annotations

import socket
import time

import httpx
from django.core.management.base import BaseCommand, CommandError

from regie.core.models import Gemeente
from regie.integrations.duo import conf
from regie.integrations.duo.simulator import Simulator
from regie.integrations.duo.simulator.scenario import SCENARIOS
from regie.integrations.duo.simulator.server import Bezorger, http_verzender, start


def al_gespeeld(bsn: str) -> bool:
    """Whether Regie already has this person: their scenario was played before (``make run``
    on a database that is not new). The simulator keeps its state in memory only, so playing
    it again would send DUO's opening notifications a second time, as new messages."""
    from regie.dossiers.models import Inburgeraar

    return Inburgeraar.objects.filter(bsn=bsn).exists()


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
            help="play the scenario only if Regie has no dossier for this person yet",
        )
        parser.add_argument("--stap", type=float, default=2.0, help="seconds between steps")
        parser.add_argument(
            "--wacht-pip", type=float, default=600.0, help="seconds to wait for Regie's PIP"
        )

    def handle(self, *args, **o):  # type: ignore[no-untyped-def]
        if o["scenario"] and not o["bsn"]:
            raise CommandError("--scenario needs --bsn")
        if o["scenario"] and o["eenmalig"] and al_gespeeld(o["bsn"]):
            self.stdout.write(
                f"Scenario {o['scenario']} niet opnieuw gespeeld: Regie heeft al een dossier voor "
                "deze persoon. Begin met een lege database om het opnieuw te zien."
            )
            o["scenario"] = None
            if _bezet(o["host"], o["port"]):
                return  # a simulator already serves; nothing to start
        gemeenten = dict(Gemeente.objects.exclude(oin="").values_list("oin", "cbs_code"))
        oin = o["gemeente_oin"] or next(iter(gemeenten), None)
        if o["scenario"] and _bezet(o["host"], o["port"]):
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
        sim = Simulator(duo_oin=conf.DUO_OIN, gemeenten=gemeenten)
        server, url = start(sim, o["host"], o["port"])
        geheim = o["geheim"] if o["geheim"] is not None else conf.NOTIFICATIE_GEHEIM
        regie_url = o["regie_url"] or conf.SIMULATOR_NOTIFICATIE_URL
        Bezorger(sim, http_verzender(regie_url), geheim=geheim).start()
        self.stdout.write(
            f"DUO-simulator op {url} (DUO-OIN {sim.duo_oin}); notificaties naar {regie_url}; "
            f"{len(gemeenten)} gemeente(n) met OIN."
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
