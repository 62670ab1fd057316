"""The audit log is append-only: the application and the database refuse changes, and the
hash chain detects tampering."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.tests.factories import DossierFactory, GebruikerFactory


def test_keten_is_intact_en_volgnummers_lopen_door(kr_weert):
    for actie in ("lezen", "lijst", "zoeken"):
        audit.log(actor=kr_weert, actie=actie)
    events = list(AuditGebeurtenis.objects.order_by("volgnummer"))
    assert [e.volgnummer for e in events] == [1, 2, 3]
    assert events[0].vorige_hash == audit.GENESIS
    assert events[1].vorige_hash == events[0].hash
    assert audit.verifieer_keten() == []


def test_knoeien_met_een_rij_wordt_ontdekt(kr_weert):
    for actie in ("lezen", "lijst", "zoeken"):
        audit.log(actor=kr_weert, actie=actie, gegevens={"n": actie})
    events = list(AuditGebeurtenis.objects.order_by("volgnummer"))
    events[1].actor_weergave = "iemand anders"  # as if changed in a raw database dump
    assert audit.verifieer_keten(events) == [2]


def test_applicatie_kan_niet_wijzigen_of_verwijderen(kr_weert):
    event = audit.log(actor=kr_weert, actie="lezen")
    event.actie = "wijzigen"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditGebeurtenis.objects.all().update(actie="x")
    with pytest.raises(PermissionError):
        AuditGebeurtenis.objects.all().delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditgebeurtenis SET actie = 'x'",
        "DELETE FROM audit_auditgebeurtenis",
    ],
)
def test_database_weigert_wijzigen_en_verwijderen(kr_weert, sql):
    audit.log(actor=kr_weert, actie="lezen")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditGebeurtenis.objects.get().actie == "lezen"


def test_audit_wordt_met_de_wijziging_teruggedraaid(kr_weert):
    """Written in the change's transaction: a failed change leaves no audit event behind."""
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.log(actor=kr_weert, actie="wijzigen")
        raise RuntimeError("change failed")
    assert not AuditGebeurtenis.objects.exists()


def test_gebundeld_schrijft_alles_samen_aan_het_eind_van_het_blok(
    kr_weert, django_assert_num_queries
):
    audit.log(actor=kr_weert, actie="lezen")
    with transaction.atomic(), audit.gebundeld():
        for actie in ("wijzigen", "aanmaken", "wijzigen"):
            audit.log(actor=None, actie=actie, object_type="dossier", object_id=actie)
        assert AuditGebeurtenis.objects.count() == 1  # nothing written inside the block
    events = list(AuditGebeurtenis.objects.order_by("volgnummer"))
    assert [(e.volgnummer, e.actie) for e in events] == [
        (1, "lezen"),
        (2, "wijzigen"),
        (3, "aanmaken"),
        (4, "wijzigen"),
    ]
    assert audit.verifieer_keten() == []
    # One lock (PostgreSQL), one read of the chain's head, one insert for the whole block.
    lock = 1 if connection.vendor == "postgresql" else 0
    with transaction.atomic(), django_assert_num_queries(2 + lock), audit.gebundeld():
        for _ in range(5):
            audit.log(actor=None, actie="wijzigen")
    assert audit.verifieer_keten() == []


def test_gebundeld_schrijft_niets_als_het_blok_faalt(kr_weert):
    with pytest.raises(ValueError), transaction.atomic(), audit.gebundeld():
        audit.log(actor=kr_weert, actie="wijzigen")
        raise ValueError("the change failed")
    assert not AuditGebeurtenis.objects.exists()
    audit.log(actor=kr_weert, actie="lezen")  # the next event is logged normally again
    assert AuditGebeurtenis.objects.get().volgnummer == 1


def test_gebundeld_nest_niet(db):
    with transaction.atomic(), audit.gebundeld(), pytest.raises(RuntimeError), audit.gebundeld():
        pass


def test_beheerder_zoekt_op_dossier_en_gebruiker(
    client, weert, nederweert, kr_weert, kr_nederweert
):
    beheerder = GebruikerFactory(rollen=[("functioneel_beheerder", weert)])
    dossier = DossierFactory(regie_gemeente=weert, nummer="2026-00777")
    ander = DossierFactory(regie_gemeente=nederweert, nummer="2026-00888")
    client.force_login(kr_weert)
    client.get(reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk}))
    client.force_login(kr_nederweert)
    client.get(reverse("dossiers:detail", kwargs={"dossier_id": ander.pk}))
    client.force_login(beheerder)
    response = client.get(reverse("audit:log"), {"dossiernummer": "2026-00777"})
    rijen = response.context["rijen"]
    assert [(r.actie, r.actor_weergave) for r in rijen] == [("lezen", "kr.weert")]
    # Another municipality's dossier is outside this beheerder's log.
    response = client.get(reverse("audit:log"), {"dossiernummer": "2026-00888"})
    assert response.context["rijen"] == []
    response = client.get(reverse("audit:log"), {"gebruiker": "kr.weert"})
    assert {r.actie for r in response.context["rijen"]} == {"lezen"}


def test_geen_bsn_in_auditgegevens(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    client.post(reverse("dossiers:zoeken"), {"zoekterm": dossier.inburgeraar.bsn})
    client.get(reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk}))
    for event in AuditGebeurtenis.objects.all():
        assert dossier.inburgeraar.bsn not in str(event.gegevens)
