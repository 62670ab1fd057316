"""Set-up for ``test_worker_sigkill``, run in its own process against a file database:

    python -m regie.integrations.duo.tests.sigkill_hulp opzetten  < wereld.json

migrates the database, creates the municipality, the dossiers with their deliveries and the
received notifications, and prints the ids the test checks afterwards.
"""

from __future__ import annotations

import json
import sys
import uuid
from datetime import date

import django


def opzetten(wereld: dict) -> dict:
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from regie.core.models import Gemeente
    from regie.dossiers.services import feit_vastleggen
    from regie.integrations.duo import conf, inbox, outbox
    from regie.tests.factories import DossierFactory

    gemeente = Gemeente.objects.create(cbs_code="0988", naam="Weert", oin=wereld["oin"])
    berichten = []
    for i, bsn in enumerate(wereld["bestaand"]):
        dossier = DossierFactory(
            nummer=f"2020-{i:05d}", regie_gemeente=gemeente, inburgeraar__bsn=bsn
        )
        feit_vastleggen(
            dossier=dossier, soort="verblijfsrecht_bekendgemaakt", datum=date(2024, 1, 1)
        )
        feit_vastleggen(
            dossier=dossier,
            soort="vestiging",
            datum=date(2024, 5, 1),
            gegevens={"gemeente": "0988"},
        )
        for soort, gegevens in (
            ("pip", {"dagtekening": date(2024, 6, 1), "leerroute": "z_route"}),
            ("uren", {"soort": "participatie_als_taalles", "uren": 10 + i}),
            ("uren", {"soort": "participatie_als_taalles", "uren": 20 + i}),
        ):
            bericht = outbox.plaats(dossier=dossier, soort=soort, gegevens=gegevens, door=None)
            berichten.append(str(bericht.bericht_id))
    notificaties = []
    for bsn in wereld["nieuw"]:
        for code in ("SS101", "SS120", "SS139"):
            bericht_id = uuid.uuid4()
            inbox.ontvang(
                bericht_id=bericht_id,
                bron_oin=conf.DUO_OIN,
                doel_oin=wereld["oin"],
                gebeurtenis=code,
                registratie_op=timezone.now(),
                bsn=bsn,
            )
            notificaties.append(str(bericht_id))
    return {"berichten": berichten, "notificaties": notificaties}


if __name__ == "__main__":
    django.setup()
    print(json.dumps(opzetten(json.load(sys.stdin))))
