"""Deliveries to DUO: refused early by the rules, placed in the caller's transaction, sent by
the worker with retries and back-off, refusals turned into work items, states on the page."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from regie.dossiers.models import TijdlijnFeit
from regie.dossiers.services import feit_vastleggen
from regie.integrations.duo import conf, outbox, selectors
from regie.integrations.duo.models import Contactpersoon, OutboxBericht, VerzendPoging, Werkitem
from regie.integrations.duo.outbox import OngeldigeGegevens, VoorafGeweigerd
from regie.integrations.duo.simulator.staat import Pip, Termijn
from regie.integrations.duo.tests.conftest import WEERT_OIN
from regie.integrations.duo.worker import draai_eenmalig
from regie.tests.factories import DossierFactory

pytestmark = pytest.mark.django_db
BSN = "999000011"
VANDAAG = date(2026, 6, 1)
S = OutboxBericht.Status


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(
        timezone.datetime(2026, 6, 1, 10, 0, tzinfo=timezone.get_current_timezone())
    ):
        yield


@pytest.fixture
def dossier(weert_oin, kr_weert):
    d = DossierFactory(
        regie_gemeente=weert_oin, inburgeraar__bsn=BSN, plicht_vanaf=date(2026, 1, 5)
    )
    for soort, datum, gegevens in (
        ("verblijfsrecht_bekendgemaakt", date(2026, 1, 5), {}),
        ("vestiging", date(2026, 3, 1), {"gemeente": "0988"}),
        ("duo_gebeurtenis", date(2026, 3, 2), {"code": "SS139"}),
    ):
        feit_vastleggen(dossier=d, soort=soort, datum=datum, gegevens=gegevens)
    return d


@pytest.fixture
def bij_duo(sim):
    return sim.persoon(BSN, WEERT_OIN, plicht_begin=date(2026, 1, 5), vestiging=date(2026, 3, 1))


def pip(**extra):
    return {"dagtekening": date(2026, 5, 1), "leerroute": "b1_route", **extra}


def met_pip(dossier, bij_duo, leerroute="b1_route", duo="B"):
    feit_vastleggen(
        dossier=dossier,
        soort="pip_vastgesteld",
        datum=date(2026, 5, 1),
        gegevens={"leerroute": leerroute, "niveau": None},
    )
    bij_duo.pips.append(Pip(date(2026, 5, 1), duo, None, WEERT_OIN, date(2026, 5, 1)))
    bij_duo.termijn = Termijn(date(2026, 5, 2), date(2029, 5, 2), date(2026, 5, 1))


# --- Refused before placing -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("gegevens", "code"),
    [
        (pip(niveau="A2"), "A2_B1ROUTE_EERSTE_PIP"),
        (pip(dagtekening=date(2026, 2, 1)), "DAGTEKENING_VOOR_VESTIGING"),
        (pip(leerroute="z_route", niveau="B1"), "B1_MET_ZROUTE"),
        (pip(leerroute="z_route", geschatte_intensiteit=400), "INTENSITEIT_NIET_TOEGESTAAN"),
    ],
)
def test_pip_wordt_vooraf_geweigerd_met_de_reden(dossier, kr_weert, gegevens, code):
    with pytest.raises(VoorafGeweigerd) as fout:
        outbox.plaats(dossier=dossier, soort="pip", gegevens=gegevens, door=kr_weert)
    assert code in [w.code for w in fout.value.weigeringen]
    assert str(fout.value).startswith("DUO zou deze levering weigeren:")
    assert not OutboxBericht.objects.exists()


def test_de_eigen_pip_telt_niet_als_eerdere_pip(dossier, kr_weert):
    """The plans app records pip_vastgesteld in the same transaction; A2 stays refused as
    first PIP, and the same PIP is not 'before an earlier PIP'."""
    feit_vastleggen(
        dossier=dossier,
        soort="pip_vastgesteld",
        datum=date(2026, 5, 1),
        gegevens={"leerroute": "b1_route", "niveau": "A2"},
    )
    assert "A2_B1ROUTE_EERSTE_PIP" in [
        w.code for w in outbox.controleer(dossier=dossier, soort="pip", gegevens=pip(niveau="A2"))
    ]
    assert outbox.controleer(dossier=dossier, soort="pip", gegevens=pip()) == []


def test_zonder_oin_wordt_niets_geplaatst(dossier, kr_weert):
    dossier.regie_gemeente.oin = ""
    dossier.regie_gemeente.save()
    with pytest.raises(VoorafGeweigerd, match="OIN"):
        outbox.plaats(dossier=dossier, soort="pip", gegevens=pip(), door=kr_weert)


@pytest.mark.parametrize(
    ("soort", "gegevens", "code"),
    [
        ("map", {"datum": date(2026, 5, 20)}, "GEEN_TERMIJN"),
        ("aanbod", {"instellingsnummer": "1000000001", "keurmerk": False}, "GEEN_KEURMERK"),
        ("verwijtbaar", {"onderdeel": "pvt", "waarde": "ja"}, "GEEN_TERMIJN"),
        ("zroute", {"datum": date(2026, 5, 20)}, "GEEN_ZROUTE"),
    ],
)
def test_andere_leveringen_vooraf_geweigerd(dossier, kr_weert, soort, gegevens, code):
    assert code in [
        w.code for w in outbox.controleer(dossier=dossier, soort=soort, gegevens=gegevens)
    ]


def test_map_met_de_regels_van_duo(dossier, bij_duo, kr_weert):
    met_pip(dossier, bij_duo)
    controleer = outbox.controleer
    assert [
        w.code
        for w in controleer(dossier=dossier, soort="map", gegevens={"datum": date(2026, 6, 2)})
    ] == ["IN_TOEKOMST"]
    codes = [
        w.code
        for w in controleer(
            dossier=dossier, soort="map", gegevens={"datum": date(2026, 5, 20), "verwijtbaar": "ja"}
        )
    ]
    assert "TERMIJN_NIET_OVERSCHREDEN" in codes and "VERWIJTBAAR_BIJ_TIJDIGE_DATUM" in codes
    assert controleer(dossier=dossier, soort="map", gegevens={"datum": date(2026, 5, 20)}) == []


def test_map_niet_in_de_onderwijsroute(dossier, bij_duo):
    met_pip(dossier, bij_duo, "onderwijsroute", "O")
    codes = [
        w.code
        for w in outbox.controleer(
            dossier=dossier, soort="map", gegevens={"datum": date(2026, 5, 20)}
        )
    ]
    assert codes == ["MAP_NIET_IN_ROUTE"]


def test_onjuiste_gegevens_zijn_een_programmeerfout(dossier, kr_weert):
    with pytest.raises(OngeldigeGegevens):
        outbox.plaats(
            dossier=dossier, soort="uren", gegevens={"soort": "x", "uren": 1}, door=kr_weert
        )
    with pytest.raises(ValueError, match="unknown DUO delivery"):
        outbox.plaats(dossier=dossier, soort="boete", gegevens={}, door=kr_weert)


# --- Placed in the caller's transaction ---------------------------------------------------------
def test_plaatsen_in_de_transactie_van_de_aanroeper(dossier, kr_weert):
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.plaats(dossier=dossier, soort="pip", gegevens=pip(), door=kr_weert)
        raise RuntimeError("the PIP approval failed after placing")
    assert not OutboxBericht.objects.exists()
    bericht = outbox.plaats(dossier=dossier, soort="pip", gegevens=pip(niveau="B1"), door=kr_weert)
    assert bericht.operatie == "postPipByBsn"
    assert bericht.verzoek == {
        "dagtekeningPip": "2026-05-01",
        "leerroute": "B",
        "niveau": "B1",
        "indicatorAlfabetiseringsonderwijs": "NVT",
    }
    assert BSN not in str(bericht.verzoek) + str(bericht.pad)
    assert selectors.levering_status(bericht)[0] == "wacht op verzending"


# --- Sent by the worker -------------------------------------------------------------------------
def test_verzonden_en_audit(dossier, bij_duo, kr_weert, clients, sim):
    bericht = outbox.plaats(dossier=dossier, soort="pip", gegevens=pip(), door=kr_weert)
    draai_eenmalig(clients=clients)
    bericht.refresh_from_db()
    assert bericht.status == S.VERZONDEN
    assert sim.staat.verwerkt() == {str(bericht.bericht_id): 1}
    assert bij_duo.actuele_pip.dagtekening == date(2026, 5, 1)
    poging = VerzendPoging.objects.get(bericht=bericht)
    assert (poging.nummer, poging.uitkomst, poging.http_status) == (1, "verzonden", 200)
    assert selectors.levering_status(bericht) == ("verzonden", "ok")


def test_weigering_door_duo_wordt_een_werkitem(dossier, bij_duo, kr_weert, clients):
    met_pip(dossier, bij_duo)
    # Regie believes the provider has a keurmerk; DUO knows better.
    bericht = outbox.plaats(
        dossier=dossier,
        soort="aanbod",
        gegevens={"instellingsnummer": "1000000003", "keurmerk": True},
        door=kr_weert,
    )
    draai_eenmalig(clients=clients)
    bericht.refresh_from_db()
    assert bericht.status == S.GEWEIGERD
    tekst, toon = selectors.levering_status(bericht)
    assert (
        tekst == "geweigerd door DUO: De opleidingsinstelling heeft geen keurmerk van Blik op Werk."
    )
    assert toon == "fout"
    werkitem = Werkitem.objects.get(outbox=bericht)
    assert (werkitem.soort, werkitem.dossier) == ("duo_weigering", dossier)
    assert werkitem.titel == "Geweigerd door DUO: Inburgeringsaanbod"


def test_503_wordt_opnieuw_geprobeerd_met_terugval_en_gaat_niet_verloren(
    dossier, bij_duo, kr_weert, clients, sim, monkeypatch
):
    monkeypatch.setattr(conf, "ALARM_NA_POGINGEN", 3)
    bericht = outbox.plaats(dossier=dossier, soort="pip", gegevens=pip(), door=kr_weert)
    sim.storingen.extend([503, 503, 503])
    wachttijden = []
    for poging in (1, 2, 3):
        draai_eenmalig(clients=clients)
        bericht.refresh_from_db()
        assert (bericht.status, bericht.pogingen) == (S.OPNIEUW, poging)
        wachttijden.append((bericht.volgende_poging - timezone.now()).total_seconds())
        assert selectors.levering_status(bericht)[0].startswith(
            f"wordt opnieuw geprobeerd (poging {poging}, volgende om "
        )
        draai_eenmalig(clients=clients)  # not due yet: nothing happens
        assert OutboxBericht.objects.get().pogingen == poging
        OutboxBericht.objects.update(volgende_poging=timezone.now())
    assert [round(w) for w in wachttijden] == [30, 60, 120]  # exponential back-off
    assert Werkitem.objects.get(outbox=bericht).soort == "verzendstoring"  # alarm once
    draai_eenmalig(clients=clients)
    bericht.refresh_from_db()
    assert bericht.status == S.VERZONDEN and bericht.pogingen == 4
    assert sim.staat.verwerkt() == {str(bericht.bericht_id): 1}
    assert [p.uitkomst for p in VerzendPoging.objects.order_by("nummer")] == [
        "technisch",
        "technisch",
        "technisch",
        "verzonden",
    ]


def test_timeout_is_een_technische_fout(dossier, bij_duo, kr_weert, clients, sim, monkeypatch):
    monkeypatch.setattr(conf, "TIMEOUT_SECONDEN", 0.2)
    sim.vertraging = 0.5
    bericht = outbox.plaats(dossier=dossier, soort="pip", gegevens=pip(), door=kr_weert)
    from regie.integrations.duo.client import transport

    transport.sluit_alle()
    draai_eenmalig(clients=clients)
    bericht.refresh_from_db()
    assert bericht.status == S.OPNIEUW and "niet binnen de tijd" in bericht.fouttekst


def test_volgorde_per_dossier(dossier, bij_duo, kr_weert, clients, sim):
    """The PIP must be at DUO before the offer that needs it: one dossier, in order."""
    eerst = outbox.plaats(dossier=dossier, soort="pip", gegevens=pip(), door=kr_weert)
    feit_vastleggen(
        dossier=dossier,
        soort="pip_vastgesteld",
        datum=date(2026, 5, 1),
        gegevens={"leerroute": "b1_route", "niveau": None},
    )
    daarna = outbox.plaats(
        dossier=dossier,
        soort="aanbod",
        gegevens={
            "instellingsnummer": "1000000001",
            "keurmerk": True,
            "datum_aanbod": "2026-06-01",
        },
        door=kr_weert,
    )
    sim.storingen.append(503)
    draai_eenmalig(clients=clients)
    assert OutboxBericht.objects.get(pk=daarna.pk).status == S.WACHT  # waits behind the PIP
    OutboxBericht.objects.update(volgende_poging=timezone.now())
    draai_eenmalig(clients=clients)
    statussen = dict(OutboxBericht.objects.values_list("pk", "status"))
    assert statussen == {eerst.pk: S.VERZONDEN, daarna.pk: S.VERZONDEN}
    assert list(bij_duo.aanbod) == ["1000000001"]


def test_verwijtbaar_stuurt_de_bekende_datum_mee(dossier, bij_duo, kr_weert, clients):
    met_pip(dossier, bij_duo)
    feit_vastleggen(dossier=dossier, soort="pvt_ondertekend", datum=date(2029, 5, 10))
    with time_machine.travel(date(2029, 5, 20)):
        bericht = outbox.plaats(
            dossier=dossier,
            soort="verwijtbaar",
            gegevens={"onderdeel": "pvt", "waarde": "ja"},
            door=kr_weert,
        )
    assert bericht.operatie == "updatePvtByBsn"
    assert bericht.verzoek == {"datumOndertekeningPvt": "2029-05-10", "verwijtbaar": "Ja"}


@pytest.mark.parametrize(
    ("soort", "gegevens", "operatie", "verzoek"),
    [
        (
            "uren",
            {"soort": "participatie_als_taalles", "uren": 120},
            "updateUrenParticipatieAlsTaallesByBsn",
            {"uren": 120},
        ),
        ("pvt", {"datum": "2026-05-20"}, "updatePvtByBsn", {"datumOndertekeningPvt": "2026-05-20"}),
        ("map", {}, "updateMapByBsn", {}),
        ("contactpersoon_koppelen", {"contactpersoon_id": 7}, "postContactpersoonByBsn", None),
        ("lbt_overslaan", {}, "deleteExamennummerByBsn", None),
        (
            "aanbod_verwijderen",
            {"instellingsnummer": "1000000001"},
            "deleteInburgeringsaanbodByBsnAndInstellingsnumer",
            None,
        ),
    ],
)
def test_elke_soort_wordt_het_juiste_bericht(
    dossier, bij_duo, kr_weert, soort, gegevens, operatie, verzoek
):
    met_pip(dossier, bij_duo)
    # The municipality's contact person 7, registered at DUO (duo.contactpersonen).
    Contactpersoon.objects.create(
        gemeente=dossier.regie_gemeente,
        duo_id=7,
        naam="K. Contact",
        email="k@weert.nl",
        telefoonnummer="0495 575000",
    )
    bericht = outbox.plaats(dossier=dossier, soort=soort, gegevens=gegevens, door=kr_weert)
    assert (bericht.operatie, bericht.verzoek) == (operatie, verzoek)


def test_uren_en_pvt_komen_aan_volgens_het_contract(dossier, bij_duo, kr_weert, clients, contract):
    met_pip(dossier, bij_duo)
    for soort, gegevens in (
        ("uren", {"soort": "participatie_als_taalles", "uren": 120}),
        ("uren", {"soort": "participatieactiviteiten", "uren": 80}),
        ("pvt", {"datum": "2026-05-20"}),
        ("map", {"datum": "2026-05-21"}),
    ):
        outbox.plaats(dossier=dossier, soort=soort, gegevens=gegevens, door=kr_weert)
    draai_eenmalig(clients=clients)
    assert set(OutboxBericht.objects.values_list("status", flat=True)) == {S.VERZONDEN}
    assert bij_duo.uren[WEERT_OIN]["taalles"] == 120
    assert bij_duo.pvt["datum"] == "2026-05-20"
    assert sum(1 for r in contract.gecontroleerd if r.startswith("request")) == 4


def test_dossierstatus_toont_leveringen_meldingen_en_werkitems(dossier, bij_duo, kr_weert, clients):
    met_pip(dossier, bij_duo)
    outbox.plaats(
        dossier=dossier,
        soort="aanbod",
        gegevens={"instellingsnummer": "1000000003", "keurmerk": True},
        door=kr_weert,
    )
    draai_eenmalig(clients=clients)
    status = selectors.duo_status_voor_dossier(dossier, user=kr_weert)
    assert [r.status_tekst for r in status.leveringen] == [
        "geweigerd door DUO: De opleidingsinstelling heeft geen keurmerk van Blik op Werk."
    ]
    assert [w.soort for w in status.werkitems] == ["duo_weigering"]
    assert status.mag_afhandelen
    assert not TijdlijnFeit.objects.filter(soort="aanbod").exists()
