"""``regie worker --once`` and ``regie duo-simulator --scenario`` (against a running one)."""

from __future__ import annotations

import io
import time
from datetime import date

import pytest
from django.core.management import call_command

from regie.dossiers.models import Dossier
from regie.integrations.duo.tests.conftest import WEERT_OIN

pytestmark = pytest.mark.django_db
BSN = "999000011"


def test_worker_once_verwerkt_en_stopt(sim, sim_url, bezorgen, weert_oin):
    sim.persoon(BSN, WEERT_OIN, vestiging=date.today())
    sim.notificeer(BSN, "SS101")
    bezorgen()
    uit = io.StringIO()
    call_command("worker", "--once", stdout=uit)
    assert "inbox:verwerkt 1" in uit.getvalue()
    assert Dossier.objects.filter(inburgeraar__bsn=BSN).exists()


def _scenario_starten(sim_url: str, *extra: str) -> str:
    """``regie duo-simulator --scenario leven`` against the simulator already on sim_url."""
    uit = io.StringIO()
    call_command(
        "duo-simulator",
        "--scenario",
        "leven",
        "--bsn",
        BSN,
        "--port",
        sim_url.rsplit(":", 1)[1],
        "--gemeente-oin",
        WEERT_OIN,
        *extra,
        stdout=uit,
    )
    return uit.getvalue()


def test_scenario_in_een_draaiende_simulator(sim, sim_url, weert_oin):
    uit = _scenario_starten(sim_url, "--stap", "0")
    assert "Scenario gestart in de draaiende simulator: 202" in uit
    for _ in range(50):
        if sim.staat.scenarios.get(BSN):
            break
        time.sleep(0.05)
    assert sim.staat.scenarios[BSN][0] == "SS101 inburgeringsplichtig"
    assert [n.body["gebeurtenisId"] for n in sim.staat.te_bezorgen()][:3] == [
        "SS101",
        "SS120",
        "SS139",
    ]


def test_scenario_eenmalig_niet_opnieuw_voor_een_bekende_persoon(sim, sim_url, weert_oin):
    """A simulator without a state file on a database that already has the person: the opening
    notifications are not sent a second time (with a state file, the file decides:
    test_simulator_staat)."""
    from regie.tests.factories import DossierFactory, InburgeraarFactory

    DossierFactory(inburgeraar=InburgeraarFactory(bsn=BSN))
    assert "niet opnieuw gespeeld" in _scenario_starten(sim_url, "--eenmalig")
    time.sleep(0.2)
    assert BSN not in sim.staat.scenarios
    assert not sim.staat.te_bezorgen()
