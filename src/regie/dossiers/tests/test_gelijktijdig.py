"""R-07 under real concurrency (PostgreSQL, committed transactions, one connection per thread):
32 case managers save the same dossier from the same version at the same moment: exactly one
save wins, the other 31 get the "changed by someone else" refusal, and the winner's change is
what is stored (no lost update). 32 dossiers created at the same moment get 32 different
numbers, with no error. The audit chain stays intact under both."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import date
from itertools import islice
from typing import Any

import pytest
from django.db import connection

from regie.audit import services as audit
from regie.demo.generator import bsn_reeks
from regie.dossiers.models import Dossier
from regie.dossiers.services import GelijktijdigGewijzigd, dossier_aanmaken, dossier_wijzigen
from regie.tests.factories import DossierFactory

AANTAL = 32

pytestmark = [
    # serialized_rollback: another transactional test's flush may have emptied the seeded roles.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("audit_zonder_triggers"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers need PostgreSQL (SQLite serialises every write)",
    ),
]


def _tegelijk(taak: Callable[[int], Any]) -> list[Any]:
    """Run ``taak(i)`` in AANTAL threads that start together; returns results or exceptions."""
    start = threading.Barrier(AANTAL)
    uitkomsten: list[Any] = [None] * AANTAL

    def draai(i: int) -> None:
        try:
            start.wait(timeout=30)
            uitkomsten[i] = taak(i)
        except BaseException as exc:  # collected and asserted on below
            uitkomsten[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=draai, args=(i,)) for i in range(AANTAL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return uitkomsten


def test_32_gelijktijdige_bewerkers_geen_verloren_wijziging(weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert, coa_locatie="")
    versie = dossier.versie

    def bewerk(i: int) -> str:
        eigen = Dossier.objects.get(pk=dossier.pk)  # each editor's own form, same version
        dossier_wijzigen(
            dossier=eigen, door=kr_weert, versie=versie, wijzigingen={"coa_locatie": f"azc {i}"}
        )
        return f"azc {i}"

    uitkomsten = _tegelijk(bewerk)
    gelukt = [u for u in uitkomsten if isinstance(u, str)]
    geweigerd = [u for u in uitkomsten if isinstance(u, GelijktijdigGewijzigd)]
    anders = [u for u in uitkomsten if not isinstance(u, str | GelijktijdigGewijzigd)]
    assert not anders, anders
    assert (len(gelukt), len(geweigerd)) == (1, AANTAL - 1)
    assert all("intussen door iemand anders gewijzigd" in str(g) for g in geweigerd)
    dossier.refresh_from_db()
    assert (dossier.versie, dossier.coa_locatie) == (versie + 1, gelukt[0])
    assert audit.verifieer_keten() == []


def test_32_gelijktijdige_aanmakers_unieke_nummers(weert, kr_weert):
    bsns = list(islice(bsn_reeks(start=960_000), AANTAL))

    def maak(i: int) -> str:
        return dossier_aanmaken(
            door=kr_weert,
            regie_gemeente=weert,
            persoon={
                "bsn": bsns[i],
                "voornamen": "Test",
                "achternaam": f"Gelijktijdig {i}",
                "geboortedatum": date(1990, 1, 1),
            },
            verblijf="asiel_bepaalde_tijd",
            verblijfsrecht_datum=date(2026, 1, 5),
        ).nummer

    uitkomsten = _tegelijk(maak)
    fouten = [u for u in uitkomsten if not isinstance(u, str)]
    assert not fouten, fouten
    assert len(set(uitkomsten)) == AANTAL
    assert Counter(n.split("-")[0] for n in uitkomsten).most_common(1)[0][1] == AANTAL
    assert Dossier.objects.filter(regie_gemeente=weert).count() == AANTAL
    assert audit.verifieer_keten() == []
