"""End to end: DUO's simulator on a loopback port plays a life; Regie receives the
notifications on its endpoint, the worker processes them; the case manager and a teamleider
adopt the PIP through the plans app's own services, which places the delivery; the worker sends
it, DUO answers with SS102 (the term) and, after the exams, SS106. Plus a refusal and an outage
seen from the dossier page."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from regie.dossiers import regels
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.dossiers.services import feit_vastleggen
from regie.integrations.duo import outbox
from regie.integrations.duo.models import InboxNotificatie, OutboxBericht, Werkitem
from regie.integrations.duo.simulator.scenario import leven
from regie.integrations.duo.tests.conftest import WEERT_OIN
from regie.integrations.duo.worker import draai_eenmalig
from regie.plans import services as pip_services
from regie.plans.models import PipVersie
from regie.plans.tests.conftest import _met_recht_vaststellen, maak_intake
from regie.tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db
BSN = "999000011"


def _codes(dossier) -> list[str]:
    return [
        f.gegevens["code"]
        for f in TijdlijnFeit.objects.filter(dossier=dossier, soort="duo_gebeurtenis").order_by(
            "id"
        )
    ]


@pytest.fixture
def tl_weert(weert_oin):
    _met_recht_vaststellen()
    return GebruikerFactory(username="tl.weert", rollen=[("teamleider", weert_oin)])


def _pip_vaststellen(dossier, kr, tl) -> PipVersie:
    """What the case manager and the teamleider do on the PIP screens, through plans' services:
    start from the intake, submit, adopt (four eyes)."""
    vandaag = timezone.localdate()
    versie = pip_services.pip_starten(
        dossier=dossier, door=kr, intake=maak_intake(afgerond_op=vandaag)
    )
    versie.pip.refresh_from_db()
    versie = pip_services.ter_goedkeuring_aanbieden(
        pip_versie=versie, versie=versie.pip.versie, door=kr
    )
    versie.pip.refresh_from_db()
    return pip_services.pip_vaststellen(
        pip_versie=versie, versie=versie.pip.versie, door=tl, dagtekening=vandaag
    )


def test_een_leven_van_ss101_tot_ss106(
    sim, clients, bezorgen, weert_oin, kr_weert, tl_weert, client
):
    draad = threading.Thread(
        target=leven,
        kwargs={"sim": sim, "bsn": BSN, "gemeente_oin": WEERT_OIN, "stap": 0, "wacht_pip": 60},
    )
    draad.start()
    pip_versie = None
    einde = time.monotonic() + 90
    while time.monotonic() < einde:
        bezorgen()
        draai_eenmalig(clients=clients)
        dossier = Dossier.objects.filter(inburgeraar__bsn=BSN).first()
        # Once DUO started the 10-week clock, the municipality adopts the PIP.
        if dossier and pip_versie is None and "SS139" in _codes(dossier):
            pip_versie = _pip_vaststellen(dossier, kr_weert, tl_weert)
            assert OutboxBericht.objects.filter(dossier=dossier, soort="pip").count() == 1
        if not draad.is_alive() and not sim.staat.te_bezorgen():
            bezorgen()
            draai_eenmalig(clients=clients)
            break
        time.sleep(0.05)
    draad.join(timeout=5)
    assert sim.staat.scenarios[BSN][-1].startswith("SS106")

    dossier = Dossier.objects.get(inburgeraar__bsn=BSN)
    pip_geplaatst = OutboxBericht.objects.get(dossier=dossier, soort="pip")
    assert pip_geplaatst.status == OutboxBericht.Status.VERZONDEN
    assert pip_geplaatst.geplaatst_door == tl_weert
    # DUO holds the PIP exactly as adopted.
    bij_duo = sim.staat.personen[BSN].actuele_pip
    assert (bij_duo.dagtekening, bij_duo.leerroute) == (pip_versie.dagtekening, "B")
    assert _codes(dossier) == [
        "SS101",
        "SS120",
        "SS139",
        "SS137",
        "SS131",
        "SS102",
        "SS199",
        "SS199",
        "SS106",
    ]
    assert set(InboxNotificatie.objects.values_list("status", flat=True)) == {"verwerkt"}
    pogingen = TijdlijnFeit.objects.filter(dossier=dossier, soort="examenpoging")
    assert pogingen.count() == 6
    vandaag = timezone.localdate()
    feiten = TijdlijnFeit.objects.filter(dossier=dossier).order_by("datum", "id")
    uitkomst = regels.conclusies_voor(dossier, feiten, peildatum=vandaag + timedelta(days=2))
    assert uitkomst.conclusie("termijn_start").waarde == vandaag + timedelta(days=1)
    assert uitkomst.conclusie("plicht_voldaan_op").waarde == vandaag
    assert uitkomst.conclusie("inburgeringsplichtig").waarde is False
    ss102 = TijdlijnFeit.objects.get(dossier=dossier, gegevens__code="SS102")
    assert ss102.gegevens["termijn_eind"] == uitkomst.conclusie("termijn_eind").waarde.isoformat()
    assert not Werkitem.objects.filter(titel__contains="wijkt af").exists()

    client.force_login(kr_weert)
    pagina = client.get(reverse("duo:dossier", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert "PIP-aanlevering" in pagina and ">verzonden<" in pagina
    assert "SS102 Inburgeringstermijn gestart" in pagina
    assert BSN not in pagina  # the fragment never shows the BSN itself


def test_weigering_en_storing_zichtbaar_op_het_dossier(
    sim, clients, bezorgen, weert_oin, kr_weert, client
):
    persoon = sim.persoon(BSN, WEERT_OIN, vestiging=date.today() - timedelta(days=3))
    for code in ("SS101", "SS120", "SS139"):
        sim.notificeer(BSN, code)
    bezorgen()
    draai_eenmalig(clients=clients)
    dossier = Dossier.objects.get(inburgeraar__bsn=BSN)
    vandaag = timezone.localdate()
    feit_vastleggen(
        dossier=dossier,
        soort="pip_vastgesteld",
        datum=vandaag,
        gegevens={"leerroute": "b1_route", "niveau": None},
    )
    pip = outbox.plaats(
        dossier=dossier,
        soort="pip",
        gegevens={"dagtekening": vandaag, "leerroute": "b1_route"},
        door=kr_weert,
    )
    # The case manager records the course offer on the dossier page (the DUO part's form).
    client.force_login(kr_weert)
    dossier.refresh_from_db()
    antwoord = client.post(
        reverse("duo:vastleggen", kwargs={"dossier_id": dossier.pk}),
        {
            "soort": "aanbod",
            "aanbod-versie": dossier.versie,
            "aanbod-instellingsnummer": "1000000003",
            "aanbod-keurmerk": "on",
            "aanbod-alfabetisering": "NVT",
        },
    )
    assert antwoord.status_code == 302
    aanbod = OutboxBericht.objects.get(dossier=dossier, soort="aanbod")
    sim.storingen.extend([503, 503])  # DUO in maintenance
    draai_eenmalig(clients=clients)
    url = reverse("duo:dossier", kwargs={"dossier_id": dossier.pk})
    pagina = client.get(url).content.decode()
    assert "wordt opnieuw geprobeerd (poging 1, volgende om" in pagina
    assert "wacht op verzending" in pagina  # the offer waits behind the PIP
    for _ in range(2):
        OutboxBericht.objects.filter(status="opnieuw").update(volgende_poging=timezone.now())
        draai_eenmalig(clients=clients)
    pip.refresh_from_db()
    aanbod.refresh_from_db()
    assert (pip.status, pip.pogingen) == ("verzonden", 3)
    assert persoon.actuele_pip is not None  # nothing lost
    assert aanbod.status == "geweigerd"
    # The dossier page loads the DUO part (HTMX, a plain link without JavaScript) ...
    detail = client.get(reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk}))
    assert f'hx-get="{url}" hx-trigger="load"' in detail.content.decode()
    # ... which shows DUO's refusal with DUO's own text.
    pagina = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert (
        "geweigerd door DUO: De opleidingsinstelling heeft geen keurmerk van Blik op Werk."
        in pagina
    )
    werkitem = Werkitem.objects.get(outbox=aanbod)
    assert f'id="werkitem-{werkitem.pk}"' in pagina
    antwoord = client.post(
        reverse("duo:werkitem_afhandelen", kwargs={"dossier_id": dossier.pk}),
        {"werkitem": werkitem.pk},
    )
    assert antwoord.status_code == 302
    werkitem.refresh_from_db()
    assert werkitem.status == "afgehandeld" and werkitem.afgehandeld_door == kr_weert
