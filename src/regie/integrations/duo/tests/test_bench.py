"""The inbox benchmark runs, processes everything and leaves nothing behind (timings are
never asserted: machines are noisy). SQLite: one worker in a rolled-back transaction;
PostgreSQL: worker processes side by side with committed transactions, cleaned up after."""

from __future__ import annotations

import pytest
from django.db import connection

from regie.audit.models import AuditGebeurtenis
from regie.core.models import Gemeente
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.integrations.duo.bench import meet_inbox
from regie.integrations.duo.models import InboxNotificatie, Werkitem


@pytest.mark.django_db
def test_meet_inbox_sqlite():
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL runs the benchmark with committed transactions (next test)")
    uitkomst = meet_inbox(aantal=40)
    assert uitkomst["aantal"] == uitkomst["verwerkt"] == 40
    assert uitkomst["uitkomsten"] == {"inbox:verwerkt": 40}
    assert uitkomst["per_seconde"] > 0 and uitkomst["doel_per_seconde"] == 200
    assert not InboxNotificatie.objects.exists()
    assert not Dossier.objects.exists()
    assert not AuditGebeurtenis.objects.exists()


# serialized_rollback: the flush after a transactional test also empties the roles the data
# migrations seeded; later tests on this process need them back.
# A skip marker, not pytest.skip() in the body: the transactional, serialized set-up and
# tear-down must not run at all on SQLite.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("audit_zonder_triggers")
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel workers need SKIP LOCKED (PostgreSQL)"
)
def test_meet_inbox_postgresql_met_parallelle_workers():
    uitkomst = meet_inbox(aantal=120, workers=2, batch=20)
    assert (uitkomst["aantal"], uitkomst["verwerkt"], uitkomst["workers"]) == (120, 120, 2)
    assert uitkomst["uitkomsten"] == {"inbox:verwerkt": 120}  # nothing twice, nothing lost
    assert uitkomst["per_seconde"] > 0 and uitkomst["per_cpu_seconde"] > 0
    # Cleaned up, except the audit trail, which refuses deletes.
    assert not InboxNotificatie.objects.exists()
    assert not Werkitem.objects.exists()
    assert not TijdlijnFeit.objects.exists()
    assert not Dossier.objects.exists()
    assert not Gemeente.objects.filter(cbs_code="9999").exists()
    assert AuditGebeurtenis.objects.filter(gegevens__door="DUO-koppeling").count() == 120
