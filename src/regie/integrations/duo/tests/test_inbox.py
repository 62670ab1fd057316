"""Processing DUO's notifications: dossiers opened or matched by BSN, facts for the rules
engine, work items, and everything that does not apply kept and flagged, never dropped."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import islice

import pytest
from django.utils import timezone

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.demo.generator import bsn_reeks
from regie.dossiers.models import Doelgroep, Dossier, TijdlijnFeit
from regie.integrations.duo.inbox import verwerken
from regie.integrations.duo.models import InboxNotificatie, Werkitem
from regie.integrations.duo.simulator import GEZIN_OVERIG
from regie.integrations.duo.tests.conftest import NEDERWEERT_OIN, WEERT_OIN
from regie.integrations.duo.tests.factories import InboxFactory
from regie.integrations.duo.worker import draai_eenmalig
from regie.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db
BSN = "999000011"
S = InboxNotificatie.Status


@pytest.fixture
def duo(sim, clients, bezorgen):
    """Send notifications from the simulator and let the worker process them."""

    class Duo:
        def meld(self, *codes: str) -> None:
            for code in codes:
                sim.notificeer(BSN, code)
            bezorgen()
            draai_eenmalig(clients=clients)

    return Duo()


def feiten(dossier, soort=None):
    qs = TijdlijnFeit.objects.filter(dossier=dossier).order_by("id")
    if soort:
        qs = qs.filter(soort=soort)
    return list(qs)


def codes(dossier) -> list[str]:
    return [f.gegevens["code"] for f in feiten(dossier, "duo_gebeurtenis")]


def test_ss101_opent_een_dossier_met_voorlopige_gegevens(sim, duo, weert_oin):
    sim.persoon(BSN, WEERT_OIN, plicht_begin=date(2026, 3, 1))
    duo.meld("SS101")
    dossier = Dossier.objects.get(inburgeraar__bsn=BSN)
    assert dossier.regie_gemeente == weert_oin
    assert dossier.plicht_vanaf == date(2026, 3, 1)
    assert dossier.verblijf == "asiel_bepaalde_tijd"
    assert dossier.inburgeraar.geboortedatum == date(2008, 3, 1)  # provisional: 18 before
    assert codes(dossier) == ["SS101"]
    assert feiten(dossier, "verblijfsrecht_bekendgemaakt")[0].datum == date(2026, 3, 1)
    soorten = set(Werkitem.objects.filter(dossier=dossier).values_list("soort", flat=True))
    assert soorten == {"nieuwe_inburgeraar", "persoonsgegevens"}
    item = InboxNotificatie.objects.get()
    assert (item.status, item.dossier) == (S.VERWERKT, dossier)
    assert item.resultaat["dossier_geopend"] is True


def test_persoonsgegevens_uit_een_bron(sim, duo, weert_oin, monkeypatch):
    from regie.integrations.duo import conf

    monkeypatch.setattr(
        conf, "PERSOONSGEGEVENS_BRON", "regie.integrations.duo.tests.test_inbox.brp"
    )
    sim.persoon(BSN, WEERT_OIN, doelgroep=GEZIN_OVERIG)
    duo.meld("SS101")
    dossier = Dossier.objects.get(inburgeraar__bsn=BSN)
    assert dossier.inburgeraar.achternaam == "Haddad"
    assert dossier.doelgroep == Doelgroep.GEZINSMIGRANT_OVERIG
    assert not Werkitem.objects.filter(soort="persoonsgegevens").exists()


def brp(bsn: str) -> dict:
    return {"voornamen": "Rama", "achternaam": "Haddad", "geboortedatum": date(1990, 1, 2)}


def test_ss139_op_bestaand_dossier_zet_de_pip_klok(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN)
    duo.meld("SS139")
    assert Dossier.objects.count() == 1
    dossier.refresh_from_db()
    assert codes(dossier) == ["SS139"]
    # the rules engine does the rest: 10 weeks from the SS139 (Besluit 5.3)
    assert dossier.pip_uiterlijk == timezone.localdate() + timedelta(weeks=10)
    assert Werkitem.objects.get(dossier=dossier).titel.startswith("10-wekentermijn")


def test_ss120_en_ss121_vestiging_en_verhuizing(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    persoon = sim.persoon(BSN, WEERT_OIN, vestiging=date(2026, 1, 1))
    duo.meld("SS120")
    assert feiten(dossier, "vestiging")[0].gegevens == {"gemeente": "0988"}
    from regie.integrations.duo.simulator.staat import Pip, Termijn

    persoon.pips.append(Pip(date(2026, 2, 1), "Z", None, NEDERWEERT_OIN, date(2026, 2, 1)))
    persoon.termijn = Termijn(date(2026, 2, 2), date(2029, 2, 2), date(2026, 2, 1))
    duo.meld("SS121")
    assert feiten(dossier, "verhuizing")[0].gegevens == {"gemeente": "0988"}
    pip = feiten(dossier, "pip_vastgesteld")[0]
    assert (pip.datum, pip.gegevens["leerroute"], pip.bron) == (date(2026, 2, 1), "z_route", "duo")


def test_ss102_legt_de_termijn_vast(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    from regie.integrations.duo.simulator.staat import Termijn

    sim.persoon(BSN, WEERT_OIN).termijn = Termijn(
        date(2026, 5, 2), date(2029, 5, 2), date(2026, 5, 1)
    )
    duo.meld("SS102")
    feit = feiten(dossier, "duo_gebeurtenis")[0]
    assert feit.gegevens["termijn_start"] == "2026-05-02"
    assert feit.gegevens["termijn_eind"] == "2029-05-01"  # DUO's end date is exclusive
    # No pip_vastgesteld on the timeline: Regie's term differs from DUO's -> a work item
    assert Werkitem.objects.filter(titel__contains="wijkt af").exists()


def test_ss103_verlenging_met_nieuwe_einddatum(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    from regie.integrations.duo.simulator.staat import Termijn

    sim.persoon(BSN, WEERT_OIN).termijn = Termijn(
        date(2026, 5, 2), date(2029, 11, 2), date(2029, 3, 1), "3A", "Ambtshalve"
    )
    duo.meld("SS103", "SS103")
    verlengd = feiten(dossier, "termijn_verlengd")
    assert len(verlengd) == 1  # the second notification adds nothing new
    assert verlengd[0].datum == date(2029, 3, 1)
    assert verlengd[0].gegevens == {"nieuwe_einddatum": "2029-11-01"}
    assert codes(dossier) == ["SS103", "SS103"]


@pytest.mark.parametrize(
    ("code", "reden_duo", "reden"),
    [
        ("SS110", "Vertrek uit Nederland langer dan een jaar", "vertrek"),
        ("SS111", None, "overlijden"),
    ],
)
def test_plicht_beeindigd(sim, duo, weert_oin, code, reden_duo, reden):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    persoon = sim.persoon(BSN, WEERT_OIN)
    persoon.plicht, persoon.plicht_einde = False, date(2026, 5, 1)
    persoon.reden_geen_plicht = reden_duo
    duo.meld(code)
    feit = feiten(dossier, "plicht_beeindigd")[0]
    assert (feit.datum, feit.gegevens) == (date(2026, 5, 1), {"reden": reden})


def test_ss131_uitslag_leerbaarheidstoets(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN).lbt.append(
        {
            "resultaat": "B1-route niet haalbaar",
            "behaaldeScore": "31,00",
            "benodigdeScore": "50,00",
            "datumAfname": "2026-04-01",
        }
    )
    duo.meld("SS131")
    feit = feiten(dossier, "duo_gebeurtenis")[0]
    assert feit.gegevens["resultaat"] == "B1-route niet haalbaar"
    item = Werkitem.objects.get(dossier=dossier)
    assert {"label": "Score", "waarde": "31,00 (nodig: 50,00)"} in item.details


def test_ss199_examenpogingen_eenmaal(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    persoon = sim.persoon(BSN, WEERT_OIN)
    persoon.examens += [
        {"examendatum": "2026-04-01", "resultaat": "Gezakt", "onderdeel": "SP", "niveau": "B1"},
        {"examendatum": "2026-04-01", "resultaat": "Geslaagd", "onderdeel": "KNM"},
    ]
    duo.meld("SS199")
    persoon.examens.append(
        {"examendatum": "2026-05-01", "resultaat": "Geslaagd", "onderdeel": "SP", "niveau": "B1"}
    )
    duo.meld("SS199")
    pogingen = [(f.datum, f.gegevens) for f in feiten(dossier, "examenpoging")]
    assert pogingen == [
        (date(2026, 4, 1), {"onderdeel": "spreken", "niveau": "B1", "resultaat": "niet_behaald"}),
        (date(2026, 4, 1), {"onderdeel": "knm", "niveau": None, "resultaat": "behaald"}),
        (date(2026, 5, 1), {"onderdeel": "spreken", "niveau": "B1", "resultaat": "behaald"}),
    ]


def test_ss124_doelgroep_gewijzigd(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN)
    duo.meld("SS124")
    dossier.refresh_from_db()
    assert dossier.doelgroep == Doelgroep.GEZINSMIGRANT_OVERIG
    assert dossier.versie == 2


@pytest.mark.parametrize("code", ["SS106", "SS107", "SS108"])
def test_plicht_voldaan(sim, duo, weert_oin, code):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN)
    duo.meld(code)
    assert codes(dossier) == [code]
    assert "voldaan" in Werkitem.objects.get(dossier=dossier).titel


def test_onbekende_gebeurtenis_wordt_bewaard_en_getoond(sim, duo, weert_oin):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN)
    duo.meld("SS998", "AB12")
    for item in InboxNotificatie.objects.all():
        assert (item.status, item.dossier) == (S.ONBEKEND, dossier)
    assert codes(dossier) == []  # never applied
    assert Werkitem.objects.filter(soort="notificatie").count() == 2


def test_onbekend_bsn_wacht_tot_het_dossier_er_is(sim, duo, weert_oin):
    from regie.integrations.duo.simulator.staat import Termijn

    persoon = sim.persoon(BSN, WEERT_OIN)
    persoon.termijn = Termijn(date(2026, 5, 2), date(2029, 5, 2), date(2026, 5, 1))
    duo.meld("SS102")  # out of order: before the obligation was reported
    item = InboxNotificatie.objects.get()
    assert (item.status, item.reden) == (S.WACHT, "onbekend_bsn")
    assert not Dossier.objects.exists()
    duo.meld("SS101")
    dossier = Dossier.objects.get()
    assert sorted(codes(dossier)) == ["SS101", "SS102"]
    assert set(InboxNotificatie.objects.values_list("status", flat=True)) == {S.VERWERKT}


def test_dossier_bij_een_andere_gemeente_wordt_niet_aangeraakt(sim, duo, weert_oin, nederweert_oin):
    elders = DossierFactory(regie_gemeente=nederweert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN)
    duo.meld("SS139")
    item = InboxNotificatie.objects.get()
    assert (item.status, item.reden, item.dossier) == (
        S.ANDERE_GEMEENTE,
        "dossier_andere_gemeente",
        None,
    )
    assert codes(elders) == []
    werkitem = Werkitem.objects.get()
    assert (werkitem.gemeente, werkitem.dossier) == (weert_oin, None)
    assert Dossier.objects.count() == 1


def test_notificatie_voor_onbekende_ontvanger(weert_oin, clients):
    InboxFactory(doel_oin="0" * 20, gemeente=None, gebeurtenis="SS101", bsn=BSN)
    draai_eenmalig(clients=clients)
    item = InboxNotificatie.objects.get()
    assert (item.status, item.reden) == (S.ANDERE_GEMEENTE, "onbekende_ontvanger")
    assert not Dossier.objects.exists()


def test_technische_fout_bij_ophalen_wordt_later_opnieuw_geprobeerd(sim, duo, weert_oin, clients):
    dossier = DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN)
    sim.storingen.append(503)
    duo.meld("SS106")
    item = InboxNotificatie.objects.get()
    assert (item.status, item.pogingen) == (S.FOUT, 1)
    assert item.volgende_poging > timezone.now() + timedelta(seconds=25)
    assert codes(dossier) == []
    InboxNotificatie.objects.update(volgende_poging=timezone.now())
    draai_eenmalig(clients=clients)
    item.refresh_from_db()
    assert item.status == S.VERWERKT and codes(dossier) == ["SS106"]


def test_plicht_niet_op_te_vragen(sim, duo, weert_oin):
    sim.persoon(BSN, NEDERWEERT_OIN)  # DUO: not this municipality's person
    sim.notificeer(BSN, "SS101")
    sim.staat.uitgaand[-1].doel_oin = WEERT_OIN
    duo.meld()
    item = InboxNotificatie.objects.get()
    assert (item.status, item.reden) == (S.WACHT, "niet_bij_duo")
    assert not Dossier.objects.exists()


def test_opnieuw_draaien_verandert_niets(sim, duo, weert_oin, clients):
    sim.persoon(BSN, WEERT_OIN, vestiging=date(2026, 1, 1))
    duo.meld("SS101", "SS120", "SS139")
    voor = (TijdlijnFeit.objects.count(), Werkitem.objects.count(), Dossier.objects.count())
    InboxNotificatie.objects.update(status=S.VERWERKT)  # as it is
    draai_eenmalig(clients=clients)
    assert (TijdlijnFeit.objects.count(), Werkitem.objects.count(), Dossier.objects.count()) == voor


def test_verlopen_claim_van_een_andere_worker_wint_niet(sim, weert_oin, clients):
    DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=BSN)
    sim.persoon(BSN, WEERT_OIN)
    item = InboxFactory(gebeurtenis="SS106", bsn=BSN, gemeente=weert_oin)
    assert verwerken.claim("a", 10) == [item.pk]
    InboxNotificatie.objects.filter(pk=item.pk).update(geclaimd_door="b")  # b took it over
    assert verwerken.verwerk(item.pk, worker="a", clients=clients) == "overgeslagen"
    item.refresh_from_db()
    loaded = verwerken.laad([item.pk])[item.pk]
    loaded.geclaimd_door = "a"  # a's stale copy
    assert verwerken.verwerk(item.pk, worker="a", clients=clients, item=loaded) == "verloren"
    assert not TijdlijnFeit.objects.filter(soort="duo_gebeurtenis").exists()


def test_batch_deelt_een_transactie_en_valt_terug_op_een_per_een(sim, weert_oin, snelle_clients):
    """Notifications for existing dossiers share one transaction; when one of them cannot be
    finished (here: another worker took its claim over), the shared transaction is undone as a
    whole and every notification is processed on its own: the others are applied once, the
    lost one is left to its new holder."""
    bsns = list(islice(bsn_reeks(start=930_000), 3))
    for bsn in bsns:
        DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=bsn)
        sim.persoon(bsn, WEERT_OIN, vestiging=date(2026, 1, 1))
    items = [InboxFactory(gebeurtenis="SS120", bsn=bsn, gemeente=weert_oin) for bsn in bsns]
    ids = verwerken.claim("a", 10)
    assert ids == [i.pk for i in items]
    geladen = verwerken.laad(ids)

    def overname(waar: str) -> None:
        if waar == "inbox_opgehaald":  # after the fetches, before the shared transaction
            InboxNotificatie.objects.filter(pk=items[1].pk).update(geclaimd_door="b")

    uitkomst = verwerken.verwerk_batch(
        [geladen[pk] for pk in ids], worker="a", clients=snelle_clients, crash=overname
    )
    assert uitkomst == {"verwerkt": 2, "overgeslagen": 1}
    status = dict(InboxNotificatie.objects.values_list("pk", "status"))
    assert status == {
        items[0].pk: S.VERWERKT,
        items[1].pk: S.IN_BEHANDELING,
        items[2].pk: S.VERWERKT,
    }
    vestigingen = TijdlijnFeit.objects.filter(soort="vestiging", bron="duo")
    assert sorted(vestigingen.values_list("dossier__inburgeraar__bsn", flat=True)) == sorted(
        [bsns[0], bsns[2]]
    )
    assert AuditGebeurtenis.objects.filter(object_type="dossier").count() == 2
    assert audit.verifieer_keten() == []


def test_batch_zonder_fouten_in_een_transactie(sim, weert_oin, snelle_clients):
    bsns = list(islice(bsn_reeks(start=940_000), 4))
    for bsn in bsns:
        DossierFactory(regie_gemeente=weert_oin, inburgeraar__bsn=bsn)
        sim.persoon(bsn, WEERT_OIN, vestiging=date(2026, 1, 1))
        InboxFactory(gebeurtenis="SS120", bsn=bsn, gemeente=weert_oin)
    assert draai_eenmalig(clients=snelle_clients) == {"inbox:verwerkt": 4}
    events = AuditGebeurtenis.objects.filter(object_type="dossier").order_by("volgnummer")
    # Written together at the end of the shared transaction: one instant, consecutive numbers.
    assert len({e.tijdstip for e in events}) == 1
    nummers = [e.volgnummer for e in events]
    assert nummers == list(range(nummers[0], nummers[0] + 4))
