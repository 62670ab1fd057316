"""The dossier page: one audit read per view, queries constant in the timeline's length,
edits guarded by a version check, phase changes only along allowed transitions."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.dossiers import services
from regie.dossiers.models import Fase, TijdlijnFeit
from regie.tests.factories import DossierFactory, GebruikerFactory, TijdlijnFeitFactory


def test_openen_schrijft_precies_een_leesgebeurtenis(client, kr_weert, weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    response = client.get(
        reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk}), REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200
    assert dossier.inburgeraar.bsn in response.content.decode()
    events = list(AuditGebeurtenis.objects.filter(dossier_id=dossier.pk))
    assert len(events) == 1
    event = events[0]
    assert (event.actie, event.actor, event.resultaat, event.herkomst) == (
        "lezen",
        kr_weert,
        "geslaagd",
        "10.1.2.3",
    )
    assert event.object_id == str(dossier.pk)
    assert response["Cache-Control"] == "no-store"


def test_queries_constant_in_aantal_tijdlijnfeiten(client, kr_weert, weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    url = reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk})
    TijdlijnFeitFactory(dossier=dossier, actor=kr_weert)
    client.get(url)  # the rules' parameters are cached per process after the first read
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    TijdlijnFeitFactory.create_batch(40, dossier=dossier, actor=GebruikerFactory())
    with CaptureQueriesContext(connection) as veel:
        client.get(url)
    assert len(weinig.captured_queries) == len(veel.captured_queries)


def _bewerk(client, dossier, versie, **velden):
    data = {
        "versie": versie,
        "voornamen": dossier.inburgeraar.voornamen,
        "achternaam": dossier.inburgeraar.achternaam,
        "geboortedatum": "1994-03-02",
        "geletterdheid": "onbekend",
        "nationaliteit": dossier.inburgeraar.nationaliteit,
        **velden,
    }
    return client.post(reverse("dossiers:bewerken", kwargs={"dossier_id": dossier.pk}), data)


def test_tweede_opslag_met_oude_versie_wordt_geweigerd(client, weert, kr_weert):
    collega = GebruikerFactory(rollen=[("klantregisseur", weert)])
    dossier = DossierFactory(regie_gemeente=weert)
    versie = dossier.versie
    client.force_login(kr_weert)
    assert _bewerk(client, dossier, versie, telefoon="06-11111111").status_code == 302
    client.force_login(collega)
    response = _bewerk(client, dossier, versie, telefoon="06-22222222")
    assert response.status_code == 200
    assert "intussen door iemand anders gewijzigd" in response.content.decode()
    dossier.refresh_from_db()
    dossier.inburgeraar.refresh_from_db()
    assert dossier.inburgeraar.telefoon == "06-11111111"
    assert dossier.versie == versie + 1
    wijziging = AuditGebeurtenis.objects.get(actie="wijzigen")
    assert wijziging.gegevens == {"voor": {"telefoon": ""}, "na": {"telefoon": "06-11111111"}}


def test_ongeldige_wijziging_bewaart_niets(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    response = _bewerk(client, dossier, dossier.versie, geboortedatum="1994-02-31", telefoon="06-9")
    assert response.status_code == 200
    assert "geldige datum" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.versie == 1
    assert not AuditGebeurtenis.objects.filter(actie="wijzigen").exists()


def test_klantregisseur_mag_niet_toewijzen_teamleider_wel(client, weert, kr_weert):
    teamleider = GebruikerFactory(rollen=[("teamleider", weert)])
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    _bewerk(client, dossier, 1, klantregisseur=kr_weert.pk)
    dossier.refresh_from_db()
    assert dossier.klantregisseur is None
    client.force_login(teamleider)
    assert _bewerk(client, dossier, dossier.versie, klantregisseur=kr_weert.pk).status_code == 302
    dossier.refresh_from_db()
    assert dossier.klantregisseur == kr_weert


@pytest.mark.parametrize(
    ("van", "naar", "toegestaan"),
    [
        (Fase.GEKOPPELD, Fase.INTAKE, True),
        (Fase.INTAKE, Fase.PIP, True),
        (Fase.PIP, Fase.TRAJECT, True),
        (Fase.TRAJECT, Fase.AFGEROND, True),
        (Fase.TRAJECT, Fase.BEEINDIGD, True),
        (Fase.GEKOPPELD, Fase.TRAJECT, False),
        (Fase.AFGEROND, Fase.TRAJECT, False),
        (Fase.BEEINDIGD, Fase.INTAKE, False),
        (Fase.PIP, Fase.INTAKE, False),
    ],
)
def test_faseovergangen(weert, kr_weert, van, naar, toegestaan):
    dossier = DossierFactory(regie_gemeente=weert, fase=van)
    if toegestaan:
        services.fase_wijzigen(dossier=dossier, naar=naar, door=kr_weert, versie=1)
        dossier.refresh_from_db()
        assert dossier.fase == naar
        feit = dossier.tijdlijn.get(soort=TijdlijnFeit.Soort.FASE_GEWIJZIGD)
        assert feit.gegevens == {"van": van, "naar": naar}
    else:
        with pytest.raises(services.OngeldigeFaseovergang):
            services.fase_wijzigen(dossier=dossier, naar=naar, door=kr_weert, versie=1)
        dossier.refresh_from_db()
        assert dossier.fase == van


def test_fase_via_scherm_met_melding(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert, fase=Fase.GEKOPPELD)
    client.force_login(kr_weert)
    url = reverse("dossiers:fase", kwargs={"dossier_id": dossier.pk})
    response = client.post(url, {"naar": "afgerond", "versie": 1}, follow=True)
    assert "kan niet naar fase" in response.content.decode()
    client.post(url, {"naar": "intake", "versie": 1})
    dossier.refresh_from_db()
    assert dossier.fase == Fase.INTAKE


def test_tijdlijnfeiten_zijn_onveranderlijk(weert):
    feit = TijdlijnFeitFactory(dossier=DossierFactory(regie_gemeente=weert), datum=date(2025, 1, 1))
    feit.datum = date(2025, 2, 1)
    with pytest.raises(PermissionError):
        feit.save()
