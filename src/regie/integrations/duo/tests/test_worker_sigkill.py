"""R-08 with real processes: ``regie worker`` is killed with SIGKILL at random moments and
started again until the queues are empty. Afterwards nothing was lost and nothing happened
twice: every delivery registered once at DUO (the simulator's log, deduplicated on berichtId),
every notification applied once.

The worker runs against a SQLite file of its own (a subprocess cannot see the test database);
the simulator runs in this process on a free loopback port, slowed down a little so that the
kills land between the steps.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from itertools import islice
from pathlib import Path

import pytest

from regie.demo.generator import bsn_reeks
from regie.integrations.duo import conf
from regie.integrations.duo.simulator import Simulator
from regie.integrations.duo.simulator.server import start

OIN = "00000001001234567000"
ZAAD = int(os.environ.get("REGIE_SIGKILL_ZAAD", "2026"))


def _omgeving(tmp_path: Path, sim_url: str) -> dict[str, str]:
    omgeving = dict(os.environ)
    omgeving.update(
        {
            "DJANGO_SETTINGS_MODULE": "regie.conf.test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'duo.sqlite3'}",
            "DUO_BASE_URL": sim_url,
            "DUO_CLAIM_LEASE_SECONDS": "1",
            "DUO_RETRY_BASE_SECONDS": "1",
            "DUO_RETRY_MAX_SECONDS": "2",
            "DUO_WORKER_INTERVAL_SECONDS": "0.05",
            "DUO_CLIENT_CERT": "",
            "LOG_LEVEL": "WARNING",
        }
    )
    return omgeving


def _worker(omgeving: dict[str, str], *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "regie.cli", "worker", "--batch", "3", *extra],
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_worker_overleeft_sigkill(tmp_path):
    bsns = list(islice(bsn_reeks(start=930_000), 10))
    wereld = {"oin": OIN, "bestaand": bsns[:5], "nieuw": bsns[5:]}
    sim = Simulator(duo_oin=conf.DUO_OIN, gemeenten={OIN: "0988"})
    for bsn in wereld["bestaand"]:
        sim.persoon(bsn, OIN, plicht_begin=date(2024, 1, 1), vestiging=date(2024, 5, 1))
    for bsn in wereld["nieuw"]:
        sim.persoon(bsn, OIN, vestiging=date.today())
    sim.vertraging = 0.03
    server, url = start(sim, "127.0.0.1", 0)
    try:
        omgeving = _omgeving(tmp_path, url)
        opzet = subprocess.run(
            [sys.executable, "-m", "regie.integrations.duo.tests.sigkill_hulp"],
            input=json.dumps(wereld),
            env=omgeving,
            capture_output=True,
            text=True,
            check=True,
        )
        ids = json.loads(opzet.stdout)

        kans = random.Random(ZAAD)
        kills = 0
        for _ in range(12):
            proces = _worker(omgeving)
            time.sleep(kans.uniform(0.3, 3.0))
            if proces.poll() is None:
                proces.send_signal(signal.SIGKILL)
                kills += 1
            proces.wait(timeout=30)
        time.sleep(1.2)  # the last victim's leases expire
        for _ in range(5):
            proces = _worker(omgeving, "--once")
            assert proces.wait(timeout=120) == 0, proces.stderr.read().decode()[-2000:]
            if _open_rijen(tmp_path) == 0:
                break
            time.sleep(2.1)  # back-off of deliveries that failed after a kill
        assert kills >= 1
    finally:
        server.shutdown()
        server.server_close()

    db = sqlite3.connect(tmp_path / "duo.sqlite3")
    inbox = dict(db.execute("select bericht_id, status from duo_inboxnotificatie"))
    outbox = dict(db.execute("select bericht_id, status from duo_outboxbericht"))
    assert set(inbox.values()) == {"verwerkt"} and len(inbox) == len(ids["notificaties"])
    assert set(outbox.values()) == {"verzonden"} and len(outbox) == len(ids["berichten"])
    # Nothing lost, nothing twice at DUO.
    assert sim.staat.verwerkt() == dict.fromkeys(ids["berichten"], 1)
    for bsn in wereld["bestaand"]:
        assert len(sim.staat.personen[bsn].pips) == 1
    assert {bsn: sim.staat.personen[bsn].uren[OIN]["taalles"] for bsn in wereld["bestaand"]} == {
        bsn: 20 + i for i, bsn in enumerate(wereld["bestaand"])
    }  # the later delivery of the two won: order per dossier kept
    # Every notification applied exactly once.
    feiten = Counter(
        json.loads(gegevens)["bericht_id"]
        for (gegevens,) in db.execute(
            "select gegevens from dossiers_tijdlijnfeit where soort = 'duo_gebeurtenis'"
        )
    )
    assert feiten == dict.fromkeys(ids["notificaties"], 1)
    dossiers = Counter(
        bsn
        for (bsn,) in db.execute(
            "select i.bsn from dossiers_dossier d join dossiers_inburgeraar i "
            "on i.id = d.inburgeraar_id"
        )
    )
    assert dossiers == dict.fromkeys(bsns, 1)
    (onderbroken,) = db.execute(
        "select count(*) from duo_verzendpoging where uitkomst = ''"
    ).fetchone()
    (overgenomen,) = db.execute(
        "select count(*) from duo_inboxnotificatie where pogingen > 1"
    ).fetchone()
    herhaald = sum(1 for o in sim.staat.ontvangen if o.herhaling)
    print(
        f"kills={kills} onderbroken pogingen={onderbroken} overgenomen notificaties={overgenomen} "
        f"door DUO herkende herhalingen={herhaald}"
    )


def _open_rijen(tmp_path: Path) -> int:
    db = sqlite3.connect(tmp_path / "duo.sqlite3")
    try:
        (inbox,) = db.execute(
            "select count(*) from duo_inboxnotificatie where status != 'verwerkt'"
        ).fetchone()
        (outbox,) = db.execute(
            "select count(*) from duo_outboxbericht where status != 'verzonden'"
        ).fetchone()
        return inbox + outbox
    finally:
        db.close()


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
