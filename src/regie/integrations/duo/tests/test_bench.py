"""The inbox benchmark runs, processes everything and leaves nothing behind (timings are
never asserted: machines are noisy)."""

from __future__ import annotations

import pytest

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Dossier
from regie.integrations.duo.bench import meet_inbox
from regie.integrations.duo.models import InboxNotificatie

pytestmark = pytest.mark.django_db


def test_meet_inbox():
    uitkomst = meet_inbox(aantal=40)
    assert uitkomst["aantal"] == uitkomst["verwerkt"] == 40
    assert uitkomst["uitkomsten"] == {"inbox:verwerkt": 40}
    assert uitkomst["per_seconde"] > 0 and uitkomst["doel_per_seconde"] == 200
    assert not InboxNotificatie.objects.exists()
    assert not Dossier.objects.exists()
    assert not AuditGebeurtenis.objects.exists()
