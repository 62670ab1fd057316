"""Exactly-once effects (targets R-08): the worker dies between any two steps and is started
again; no notification is processed twice, no delivery is sent twice or lost. The crash is
injected deterministically at every named point; ``test_worker_sigkill`` kills a real process.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date, timedelta
from itertools import islice

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from regie.demo.generator import bsn_reeks
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.integrations.duo import conf, outbox
from regie.integrations.duo.models import InboxNotificatie, OutboxBericht, VerzendPoging, Werkitem
from regie.integrations.duo.tests.conftest import WEERT_OIN
from regie.integrations.duo.worker import Worker, draai_eenmalig
from regie.tests.factories import DossierFactory

PUNTEN = [
    "inbox_geclaimd",
    "inbox_opgehaald",
    "inbox_toegepast",
    "outbox_geclaimd",
    "outbox_voor_verzenden",
    "outbox_verzonden",
    "outbox_vastgelegd",
]
BSNS = list(islice(bsn_reeks(start=910_000), 6))


class Crash(BaseException):
    """The process dies here (BaseException: no handler of Regie's catches it)."""


def _wereld(sim, bezorgen, weert, kr_weert) -> dict:
    """Three new people (SS101 + SS120) and three existing dossiers with two deliveries each."""
    nieuw = BSNS[:3]
    for bsn in nieuw:
        sim.persoon(bsn, WEERT_OIN, vestiging=date.today())
        sim.notificeer(bsn, "SS101")
        sim.notificeer(bsn, "SS120")
    assert bezorgen() == 6
    berichten = []
    for i in range(3):
        bsn = BSNS[3 + i]
        dossier = DossierFactory(
            nummer=f"2020-{i:05d}", regie_gemeente=weert, inburgeraar__bsn=bsn, gevestigd=True
        )
        sim.persoon(bsn, WEERT_OIN, plicht_begin=date(2024, 1, 1), vestiging=date(2024, 5, 1))
        for soort, datum, gegevens in (
            ("verblijfsrecht_bekendgemaakt", date(2024, 1, 1), {}),
            ("vestiging", date(2024, 5, 1), {"gemeente": "0988"}),
        ):
            from regie.dossiers.services import feit_vastleggen

            feit_vastleggen(dossier=dossier, soort=soort, datum=datum, gegevens=gegevens)
        berichten.append(
            outbox.plaats(
                dossier=dossier,
                soort="pip",
                gegevens={"dagtekening": date(2024, 6, 1), "leerroute": "z_route"},
                door=kr_weert,
            )
        )
        berichten.append(
            outbox.plaats(
                dossier=dossier,
                soort="uren",
                gegevens={"soort": "participatie_als_taalles", "uren": 10 * (i + 1)},
                door=kr_weert,
            )
        )
    return {"nieuw": nieuw, "berichten": berichten}


def _controleer_precies_eenmaal(sim, wereld) -> None:
    assert set(InboxNotificatie.objects.values_list("status", flat=True)) == {"verwerkt"}
    assert set(OutboxBericht.objects.values_list("status", flat=True)) == {"verzonden"}
    # No delivery lost or registered twice at DUO (the simulator dedups on berichtId).
    assert sim.staat.verwerkt() == {str(b.bericht_id): 1 for b in wereld["berichten"]}
    for bericht in OutboxBericht.objects.select_related("dossier__inburgeraar"):
        persoon = sim.staat.personen[bericht.dossier.inburgeraar.bsn]
        assert len(persoon.pips) == 1
    # Every notification applied once: one dossier per person, one fact per berichtId.
    for bsn in wereld["nieuw"]:
        assert Dossier.objects.filter(inburgeraar__bsn=bsn).count() == 1
    per_bericht = Counter(
        f.gegevens["bericht_id"] for f in TijdlijnFeit.objects.filter(soort="duo_gebeurtenis")
    )
    assert per_bericht == {str(i.bericht_id): 1 for i in InboxNotificatie.objects.all()}
    assert TijdlijnFeit.objects.filter(soort="vestiging", bron="duo").count() == 3
    assert Werkitem.objects.filter(soort="nieuwe_inburgeraar").count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("punt", PUNTEN)
def test_crash_op_elk_punt_en_herstart(punt, sim, clients, bezorgen, weert_oin, kr_weert):
    wereld = _wereld(sim, bezorgen, weert_oin, kr_weert)
    gecrasht = []

    def crash(waar: str) -> None:
        if waar == punt and not gecrasht:
            gecrasht.append(waar)
            raise Crash(waar)

    with pytest.raises(Crash):
        Worker(clients=clients, crash=crash).draai(eenmalig=True)
    # A fresh worker right away does not touch what the dead one holds (its lease runs)...
    draai_eenmalig(clients=clients)
    # ...and takes it over once the lease has expired.
    with time_machine.travel(timezone.now() + timedelta(seconds=conf.CLAIM_SECONDEN + 1)):
        draai_eenmalig(clients=clients)
    _controleer_precies_eenmaal(sim, wereld)
    if punt == "outbox_verzonden":
        # DUO had registered it; the resend was recognised by its berichtId, not re-applied.
        assert [o.herhaling for o in sim.staat.ontvangen if o.operatie == "postPipByBsn"].count(
            True
        ) == 1
        # The dead worker's batch: its attempts stay recorded as interrupted (no outcome);
        # each delivery has exactly one attempt that ended in "verzonden".
        assert VerzendPoging.objects.filter(uitkomst="").count() == 3
        assert Counter(
            VerzendPoging.objects.filter(uitkomst="verzonden").values_list("bericht", flat=True)
        ) == {b.pk: 1 for b in wereld["berichten"]}


# serialized_rollback: another transactional test's flush may have emptied the seeded roles.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("audit_zonder_triggers")
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent workers need SKIP LOCKED (PostgreSQL)"
)
def test_gelijktijdige_workers_doen_niets_dubbel(
    sim, snelle_clients, bezorgen, weert_oin, kr_weert
):
    wereld = _wereld(sim, bezorgen, weert_oin, kr_weert)
    fouten: list[BaseException] = []

    def draai() -> None:
        try:
            Worker(clients=snelle_clients, batch=2).draai(eenmalig=True)
        except BaseException as exc:
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=draai) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not fouten
    draai_eenmalig(clients=snelle_clients)  # anything a worker skipped while another held it
    _controleer_precies_eenmaal(sim, wereld)
    assert VerzendPoging.objects.count() == OutboxBericht.objects.count()
