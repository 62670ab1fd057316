"""Screens: audit of every read and change, the work-item list and the monitor (who may open
which DUO page is in regie/tests/test_autorisatiematrix.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from regie.accounts.models import Rol
from regie.audit.models import AuditGebeurtenis
from regie.integrations.duo import portaal, selectors
from regie.integrations.duo.models import Werkitem
from regie.integrations.duo.tests.factories import InboxFactory
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def monitorrecht():
    """functioneel_beheerder gets duo.view_monitor (the lead adds it to the standard roles)."""
    Rol.objects.get(code="functioneel_beheerder").rechten.add(
        Permission.objects.get(content_type__app_label="duo", codename="view_monitor")
    )


def test_dossierstatus_en_werkitem_afhandelen_worden_geaudit(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    item = portaal.portaaltaak_aanmaken(
        dossier=dossier,
        soort="boete_opgelegd",
        gegevens={"besluitdatum": "2026-05-02", "bedrag": 250, "grond": "art. 23"},
        door=kr_weert,
        kenmerk="boete:1",
    )
    client.force_login(kr_weert)
    url = reverse("duo:dossier", kwargs={"dossier_id": dossier.pk})
    pagina = client.get(url)
    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    assert "Registreren in DUO-portaal: opgelegde boete" in inhoud
    assert "Bedrag (EUR)" in inhoud and "250" in inhoud
    assert "<html" in inhoud  # a full page without HTMX...
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and 'id="duo-status"' in fragment  # ...the fragment with it
    lezen = AuditGebeurtenis.objects.filter(object_type="duo_status", actie="lezen")
    assert lezen.count() == 2 and lezen.first().dossier_id == dossier.pk
    afhandelen = reverse("duo:werkitem_afhandelen", kwargs={"dossier_id": dossier.pk})
    client.post(afhandelen, {"werkitem": item.pk})
    item.refresh_from_db()
    assert item.status == Werkitem.Status.AFGEHANDELD
    assert AuditGebeurtenis.objects.filter(object_type="duo_werkitem", actie="wijzigen").exists()
    tweede = client.post(afhandelen, {"werkitem": item.pk}, follow=True)
    assert "al afgehandeld" in tweede.content.decode()


def test_werkitem_van_een_ander_dossier_kan_niet_via_dit_dossier(client, weert, kr_weert):
    eigen, ander = DossierFactory(regie_gemeente=weert), DossierFactory(regie_gemeente=weert)
    item = portaal.portaaltaak_aanmaken(
        dossier=ander, soort="inspanning_instelling", gegevens={"uren": 120}, door=kr_weert
    )
    client.force_login(kr_weert)
    client.post(
        reverse("duo:werkitem_afhandelen", kwargs={"dossier_id": eigen.pk}), {"werkitem": item.pk}
    )
    item.refresh_from_db()
    assert item.status == Werkitem.Status.OPEN


def test_werkitemlijst_alleen_eigen_gemeenten(client, weert, nederweert, kr_weert):
    portaal.portaaltaak_aanmaken(
        dossier=DossierFactory(regie_gemeente=weert),
        soort="beschikking_voldaan",
        gegevens={"datum_voldaan": "2026-05-02"},
        door=None,
    )
    portaal.portaaltaak_aanmaken(
        dossier=DossierFactory(regie_gemeente=nederweert),
        soort="beschikking_voldaan",
        gegevens={"datum_voldaan": "2026-05-02"},
        door=None,
    )
    client.force_login(kr_weert)
    response = client.get(reverse("duo:werkitems"))
    assert len(response.context["werkitems"]) == 1
    assert AuditGebeurtenis.objects.filter(object_type="duo_werkitems", actie="lijst").exists()


def test_monitor_per_gemeente_zonder_bsn(client, weert_oin, nederweert_oin, monitorrecht):
    InboxFactory(gemeente=weert_oin, status="wacht", reden="onbekend_bsn", bsn="999000011")
    InboxFactory(gemeente=nederweert_oin, status="fout", bsn="999000023")
    InboxFactory(gemeente=None, doel_oin="0" * 20, status="andere_gemeente", bsn="999000035")
    fb = GebruikerFactory(rollen=[("functioneel_beheerder", weert_oin)])
    client.force_login(fb)
    response = client.get(reverse("duo:monitor"))
    inhoud = response.content.decode()
    monitor = response.context["monitor"]
    assert len(monitor.inbox_aandacht) == 2  # Weert's and the one addressed to nobody
    assert "onbekend (OIN 00000000000000000000)" in inhoud
    for bsn in ("999000011", "999000023", "999000035"):
        assert bsn not in inhoud
    assert AuditGebeurtenis.objects.filter(object_type="duo_monitor").exists()


def test_status_van_een_dossier_in_drie_queries(weert, kr_weert, django_assert_num_queries):
    dossier = DossierFactory(regie_gemeente=weert)
    for i in range(5):
        InboxFactory(gemeente=weert, dossier=dossier, status="verwerkt")
        portaal.portaaltaak_aanmaken(
            dossier=dossier, soort="inspanning_instelling", gegevens={"uren": i}, door=None
        )
    with django_assert_num_queries(4):  # outbox, inbox, work items, the user's rights
        status = selectors.duo_status_voor_dossier(dossier, user=kr_weert)
    assert len(status.notificaties) == 5 and len(status.werkitems) == 5


def test_portaaltaak_is_idempotent_en_weigert_een_bsn(weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    eerste = portaal.portaaltaak_aanmaken(
        dossier=dossier,
        soort="verlenging_beoordeling",
        gegevens={"advies": "toekennen"},
        door=kr_weert,
        kenmerk="verlenging:7",
    )
    tweede = portaal.portaaltaak_aanmaken(
        dossier=dossier,
        soort="verlenging_beoordeling",
        gegevens={"advies": "toekennen"},
        door=kr_weert,
        kenmerk="verlenging:7",
    )
    assert eerste.pk == tweede.pk
    assert {"label": "Advies gemeente", "waarde": "toekennen"} in eerste.details
    with pytest.raises(ValueError):
        portaal.portaaltaak_aanmaken(
            dossier=dossier, soort="boete_opgelegd", gegevens={"bsn": "999000011"}, door=kr_weert
        )
    with pytest.raises(ValueError):
        portaal.portaaltaak_aanmaken(dossier=dossier, soort="onbekend", gegevens={}, door=kr_weert)
