"""The municipality's contact persons at DUO: the functioneel beheerder registers, changes and
deletes them on a register page (DUO is called right away, over HTTP, every exchange checked
against DUO's spec); the case manager links one to a newcomer on the dossier page, and the
worker delivers the link."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.integrations.duo import conf, outbox
from regie.integrations.duo.models import Contactpersoon, OutboxBericht
from regie.integrations.duo.outbox import VoorafGeweigerd
from regie.integrations.duo.tests.conftest import WEERT_OIN, vastleggen
from regie.integrations.duo.worker import draai_eenmalig
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db
BSN = "999000011"
GEGEVENS = {
    "naam": "Sanne van 't Hof-Jansen",
    "email": "s.vanthof@weert.nl",
    "telefoonnummer": "0495 575 000",
}


@pytest.fixture
def fb_weert(weert_oin):
    return GebruikerFactory(username="fb.weert", rollen=[("functioneel_beheerder", weert_oin)])


def _registreer(client, **velden):
    return client.post(reverse("duo:contactpersonen"), {**GEGEVENS, **velden})


def test_registreren_bij_duo_en_in_regie(client, sim, sim_url, contract, fb_weert, weert_oin):
    client.force_login(fb_weert)
    antwoord = _registreer(client)
    assert antwoord.status_code == 302, antwoord.content.decode()
    cp = Contactpersoon.objects.get()
    assert (cp.gemeente, cp.naam, cp.actief) == (weert_oin, GEGEVENS["naam"], True)
    bij_duo = sim.staat.contactpersonen[cp.duo_id]
    assert bij_duo == {"gegevens": GEGEVENS, "gemeente_oin": WEERT_OIN}
    assert AuditGebeurtenis.objects.filter(
        object_type="duo_contactpersoon", actie="aanmaken", object_id=str(cp.pk)
    ).exists()
    pagina = client.get(reverse("duo:contactpersonen")).content.decode()
    assert GEGEVENS["email"] in pagina
    assert f'<td class="utrecht-table__cell">{cp.duo_id}</td>' in pagina


def test_ongeldige_invoer_gaat_niet_naar_duo(client, sim, sim_url, fb_weert):
    client.force_login(fb_weert)
    antwoord = _registreer(client, naam="R2-D2", telefoonnummer="bel me")
    assert antwoord.status_code == 400
    pagina = antwoord.content.decode()
    assert "Een naam bestaat uit letters, spaties, punten, apostroffen en streepjes." in pagina
    assert "Geen geldig telefoonnummer" in pagina
    assert not sim.staat.contactpersonen
    assert not Contactpersoon.objects.exists()


def test_duo_onbereikbaar_niets_vastgelegd_en_invoer_blijft(client, monkeypatch, fb_weert):
    monkeypatch.setattr(conf, "BASIS_URL", "http://127.0.0.1:9")  # nothing listens there
    client.force_login(fb_weert)
    antwoord = _registreer(client)
    assert antwoord.status_code == 400
    pagina = antwoord.content.decode()
    assert "DUO is nu niet bereikbaar" in pagina
    assert 'value="s.vanthof@weert.nl"' in pagina
    assert not Contactpersoon.objects.exists()


def test_wijzigen_en_gelijktijdig_wijzigen(client, sim, sim_url, contract, fb_weert):
    client.force_login(fb_weert)
    _registreer(client)
    cp = Contactpersoon.objects.get()
    url = reverse("duo:contactpersoon", kwargs={"pk": cp.pk})
    nieuw = {**GEGEVENS, "telefoonnummer": "+31 495 575 001", "versie": cp.versie}
    assert client.post(url, nieuw).status_code == 302
    cp.refresh_from_db()
    assert cp.telefoonnummer == "+31 495 575 001"
    assert sim.staat.contactpersonen[cp.duo_id]["gegevens"]["telefoonnummer"] == "+31 495 575 001"
    # The second tab still shows version 1.
    verouderd = client.post(url, {**GEGEVENS, "naam": "Iemand Anders", "versie": 1})
    assert verouderd.status_code == 400
    assert "intussen door iemand anders gewijzigd" in verouderd.content.decode()
    assert sim.staat.contactpersonen[cp.duo_id]["gegevens"]["naam"] == GEGEVENS["naam"]


def test_andere_gemeente_ziet_en_wijzigt_niets(client, weert_oin, nederweert):
    cp = Contactpersoon.objects.create(gemeente=weert_oin, duo_id=3, **GEGEVENS)
    fb_nederweert = GebruikerFactory(rollen=[("functioneel_beheerder", nederweert)])
    client.force_login(fb_nederweert)
    assert GEGEVENS["naam"] not in client.get(reverse("duo:contactpersonen")).content.decode()
    assert client.get(reverse("duo:contactpersoon", kwargs={"pk": cp.pk})).status_code == 404
    verwijderen = reverse("duo:contactpersoon_verwijderen", kwargs={"pk": cp.pk})
    assert client.post(verwijderen, {"versie": 1}).status_code == 404
    cp.refresh_from_db()
    assert cp.actief


@pytest.fixture
def geregistreerd(client, sim, sim_url, contract, fb_weert, weert_oin):
    """A contact person registered by the functioneel beheerder, and a newcomer DUO knows."""
    client.force_login(fb_weert)
    _registreer(client)
    sim.persoon(BSN, WEERT_OIN, vestiging=date(2026, 1, 1))
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    return Contactpersoon.objects.get(), dossier


def test_koppelen_aan_een_inburgeraar_en_weer_ontkoppelen(
    client, sim, clients, geregistreerd, kr_weert
):
    cp, dossier = geregistreerd
    client.force_login(kr_weert)
    status = reverse("duo:dossier", kwargs={"dossier_id": dossier.pk})
    pagina = client.get(status).content.decode()
    assert 'id="vastleggen-contactpersoon_koppelen"' in pagina
    assert 'id="vastleggen-contactpersoon_ontkoppelen"' not in pagina  # nobody linked yet

    antwoord = vastleggen(client, dossier, "contactpersoon_koppelen", contactpersoon=cp.pk)
    assert antwoord.status_code == 302, antwoord.content.decode()
    levering = OutboxBericht.objects.get(dossier=dossier)
    assert (levering.operatie, levering.pad) == ("postContactpersoonByBsn", {"id": cp.duo_id})
    draai_eenmalig(clients=clients)
    assert sim.staat.personen[BSN].contactpersoon_id == cp.duo_id
    pagina = client.get(status).content.decode()
    assert f"Contactpersoon bij DUO: {cp.naam}" in pagina.replace("&#x27;", "'")
    assert 'id="vastleggen-contactpersoon_ontkoppelen"' in pagina

    dossier.refresh_from_db()
    assert vastleggen(client, dossier, "contactpersoon_ontkoppelen").status_code == 302
    draai_eenmalig(clients=clients)
    assert sim.staat.personen[BSN].contactpersoon_id is None
    assert "Contactpersoon bij DUO" not in client.get(status).content.decode()


def test_verwijderen_bij_duo_maakt_inactief_en_vervalt_de_koppeling(
    client, sim, clients, geregistreerd, fb_weert, kr_weert
):
    cp, dossier = geregistreerd
    client.force_login(kr_weert)
    vastleggen(client, dossier, "contactpersoon_koppelen", contactpersoon=cp.pk)
    draai_eenmalig(clients=clients)

    client.force_login(fb_weert)
    verwijderen = reverse("duo:contactpersoon_verwijderen", kwargs={"pk": cp.pk})
    assert client.post(verwijderen, {"versie": cp.versie}).status_code == 302
    cp.refresh_from_db()
    assert not cp.actief
    assert cp.duo_id not in sim.staat.contactpersonen
    assert sim.staat.personen[BSN].contactpersoon_id is None
    assert AuditGebeurtenis.objects.filter(
        object_type="duo_contactpersoon", actie="verwijderen"
    ).exists()
    client.force_login(kr_weert)
    pagina = client.get(reverse("duo:dossier", kwargs={"dossier_id": dossier.pk})).content
    assert "Contactpersoon bij DUO" not in pagina.decode()
    assert 'id="vastleggen-contactpersoon_koppelen"' not in pagina.decode()  # none left


def test_koppelen_van_een_verwijderde_contactpersoon_wordt_vooraf_geweigerd(kr_weert, weert_oin):
    Contactpersoon.objects.create(gemeente=weert_oin, duo_id=5, actief=False, **GEGEVENS)
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    with pytest.raises(VoorafGeweigerd, match="niet \\(meer\\) bij DUO geregistreerd"):
        outbox.plaats(
            dossier=dossier,
            soort="contactpersoon_koppelen",
            gegevens={"contactpersoon_id": 5},
            door=kr_weert,
        )
