"""The inbox's cost per notification, in queries, so it does not creep back up (issue 5's
target is 10,000 notifications at >= 200/s on PostgreSQL; ``bench.meet_inbox`` measures it).

A batch of notifications for existing dossiers shares one transaction: the dossiers are read
in one query and the audit events written in one statement at its end. Per notification the
worker then records the event's facts, refreshes the dossier's deadlines once (not once per
fact), writes its work items in one statement and moves the notification to its final state;
the rules' parameters are read once per batch. A notification that opens a dossier has a
transaction of its own (the dossier number's counter is locked until commit): the person, the
dossier, its number and its opening facts.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regie.core.models import RegelParameter
from regie.dossiers import regels
from regie.integrations.duo import conf
from regie.integrations.duo.models import InboxNotificatie
from regie.integrations.duo.tests.conftest import WEERT_OIN
from regie.integrations.duo.worker import draai_eenmalig
from regie.rules.parameters import ParameterNaam

pytestmark = pytest.mark.django_db
PERSONEN = 10
# Queries of one worker run besides the notifications (claim, load, the batch's dossiers,
# its transaction and audit events, release, outbox, last empty round).
VASTE_KOSTEN = 25
# Per notification, by event (SQLite; savepoints and releases count). On PostgreSQL the audit
# logger also takes an advisory lock per transaction: for a dossier opened in a transaction of
# its own, one per audit event.
PER_NOTIFICATIE = {"SS101": 21, "SS120": 5, "SS139": 5, "SS199": 6}
AUDITEVENTS = {"SS101": 2, "SS120": 0, "SS139": 0, "SS199": 0}


def _bsns() -> list[str]:
    from regie.demo.generator import bsn_reeks

    reeks = bsn_reeks(start=800_000)
    return [next(reeks) for _ in range(PERSONEN)]


def _golf(weert, bsns: list[str], code: str) -> None:
    InboxNotificatie.objects.bulk_create(
        InboxNotificatie(
            bericht_id=uuid.uuid4(),
            bron_oin=conf.DUO_OIN,
            doel_oin=WEERT_OIN,
            gemeente=weert,
            gebeurtenis=code,
            bsn=bsn,
            registratie_op=timezone.now(),
        )
        for bsn in bsns
    )


def test_queries_per_notificatie(sim, snelle_clients, weert_oin, django_assert_max_num_queries):
    bsns = _bsns()
    vandaag = timezone.localdate()
    for bsn in bsns:
        persoon = sim.persoon(bsn, WEERT_OIN, vestiging=vandaag)
        persoon.examens.append(
            {"examendatum": vandaag.isoformat(), "resultaat": "Geslaagd", "onderdeel": "KNM"}
        )
    for code, per_stuk in PER_NOTIFICATIE.items():
        _golf(weert_oin, bsns, code)
        extra = AUDITEVENTS[code] if connection.vendor == "postgresql" else 0
        grens = VASTE_KOSTEN + PERSONEN * (per_stuk + extra)
        with django_assert_max_num_queries(grens):
            uitkomst = draai_eenmalig(clients=snelle_clients, batch=50)
        assert uitkomst == {"inbox:verwerkt": PERSONEN}, code
    assert InboxNotificatie.objects.filter(status="verwerkt").count() == 4 * PERSONEN


def test_parameters_een_keer_per_batch_en_nieuw_na_een_wijziging(weert):
    regels._cache.clear()
    with CaptureQueriesContext(connection) as gelezen, regels.parameters_vastgezet():
        for _ in range(5):
            standaard = regels.parameters_voor(weert.pk)
    # The stamp once, the rows once: not once per call.
    assert len(gelezen) == 2
    with CaptureQueriesContext(connection) as gelezen:
        assert regels.parameters_voor(weert.pk) is standaard
    assert len(gelezen) == 1  # outside a batch: only the stamp
    RegelParameter.objects.create(
        gemeente=weert,
        naam="voortgangsgesprekken_aantal",
        waarde=3,
        geldig_vanaf=date(2025, 1, 1),
        toelichting="Beleidsregel 2025",
    )
    nieuw = regels.parameters_voor(weert.pk)
    assert nieuw is not standaard
    assert nieuw.waarde(ParameterNaam.VOORTGANGSGESPREKKEN_AANTAL, date(2025, 6, 1)).waarde == 3
