"""What causes deliveries to DUO: the teamleider's adoption of a PIP (through the plans app's
own service and screen) and the case manager's recordings on the dossier page. Each writes its
cause and the outbox row in one transaction; a refusal the rules foresee is never lost."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from regie.accounts.models import Rol
from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import TijdlijnFeit
from regie.dossiers.services import feit_vastleggen
from regie.intake import services as intake_services
from regie.intake.models import BredeIntake
from regie.integrations.duo import forms, leveringen, outbox
from regie.integrations.duo.models import OutboxBericht, Werkitem
from regie.integrations.duo.outbox import VoorafGeweigerd
from regie.integrations.duo.tests.conftest import WEERT_OIN, vastleggen
from regie.plans.models import PipVersie
from regie.plans.tests.conftest import _met_recht_vaststellen, concept, indienen_en_vaststellen
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db
BSN = "999000011"
DAGTEKENING = date(2026, 5, 1)


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(
        timezone.datetime(2026, 6, 1, 10, 0, tzinfo=timezone.get_current_timezone())
    ):
        yield


@pytest.fixture
def dossier(weert_oin):
    d = DossierFactory(
        regie_gemeente=weert_oin,
        inburgeraar__bsn=BSN,
        plicht_vanaf=date(2026, 1, 5),
        fase="intake",
        vestiging_datum=date(2026, 3, 1),
    )
    for soort, datum, gegevens in (
        ("verblijfsrecht_bekendgemaakt", date(2026, 1, 5), {}),
        ("vestiging", date(2026, 3, 1), {"gemeente": "0988"}),
        ("duo_gebeurtenis", date(2026, 3, 2), {"code": "SS139"}),
    ):
        feit_vastleggen(dossier=d, soort=soort, datum=datum, gegevens=gegevens)
    d.refresh_from_db()
    return d


@pytest.fixture
def tl_weert(weert_oin):
    _met_recht_vaststellen()
    return GebruikerFactory(username="tl.weert", rollen=[("teamleider", weert_oin)])


def _ter_goedkeuring(dossier, kr, **plan) -> PipVersie:
    versie = concept(dossier, kr, dagtekening=DAGTEKENING, **plan)
    versie.pip.refresh_from_db()
    from regie.plans import services

    return services.ter_goedkeuring_aanbieden(pip_versie=versie, versie=versie.pip.versie, door=kr)


# --- PIP adopted -> delivery ------------------------------------------------------------------
def test_vaststellen_plaatst_de_pip_levering_in_dezelfde_transactie(dossier, kr_weert, tl_weert):
    versie = indienen_en_vaststellen(
        concept(dossier, kr_weert, dagtekening=DAGTEKENING, alfabetisering="AA"),
        kr_weert,
        tl_weert,
        DAGTEKENING,
    )
    assert versie.status == PipVersie.Status.VASTGESTELD
    levering = OutboxBericht.objects.get(dossier=dossier)
    assert (levering.soort, levering.operatie, levering.status) == ("pip", "postPipByBsn", "wacht")
    assert levering.gegevens == {
        "dagtekening": "2026-05-01",
        "leerroute": "b1_route",
        "niveau": None,
        "alfabetisering": "AA",
        "mag_opleiding_afmaken": False,
    }
    assert levering.verzoek == {
        "dagtekeningPip": "2026-05-01",
        "leerroute": "B",
        "indicatorAlfabetiseringsonderwijs": "AA",
        "indicatorMagOpleidingAfmaken": False,
    }
    assert levering.geplaatst_door == tl_weert
    # The adoption's own audit event and the delivery's, in one chain.
    assert AuditGebeurtenis.objects.filter(object_type="duo_levering", actor=tl_weert).exists()
    assert not Werkitem.objects.exists()


def test_geschatte_uren_en_opleiding_afmaken_gaan_mee_naar_duo(dossier, kr_weert, tl_weert):
    assert dossier.verblijf == "asiel_bepaalde_tijd"  # an asylum status holder on the B1-route
    indienen_en_vaststellen(
        concept(
            dossier,
            kr_weert,
            dagtekening=DAGTEKENING,
            geschatte_uren_b1=650,
            mag_opleiding_afmaken=True,
        ),
        kr_weert,
        tl_weert,
        DAGTEKENING,
    )
    levering = OutboxBericht.objects.get(dossier=dossier)
    assert levering.verzoek["geschatteIntensiteitB1Route"] == 650
    assert levering.verzoek["indicatorMagOpleidingAfmaken"] is True


def test_een_fout_na_het_plaatsen_rolt_ook_de_levering_terug(dossier, kr_weert, tl_weert):
    versie = _ter_goedkeuring(dossier, kr_weert)
    versie.pip.refresh_from_db()
    from regie.plans import services

    with pytest.raises(RuntimeError), transaction.atomic():
        services.pip_vaststellen(
            pip_versie=versie, versie=versie.pip.versie, door=tl_weert, dagtekening=DAGTEKENING
        )
        assert OutboxBericht.objects.filter(dossier=dossier).count() == 1
        raise RuntimeError("the adoption's transaction fails after the signal")
    assert not OutboxBericht.objects.exists()
    assert PipVersie.objects.get(pk=versie.pk).status == PipVersie.Status.TER_GOEDKEURING


def test_vooraf_geweigerd_het_besluit_blijft_en_er_komt_een_werkitem(
    client, dossier, kr_weert, tl_weert
):
    # Without the municipality's OIN DUO cannot attribute the PIP (the rules' GEEN_OIN).
    dossier.regie_gemeente.oin = ""
    dossier.regie_gemeente.save()
    versie = _ter_goedkeuring(dossier, kr_weert)
    versie.pip.refresh_from_db()
    client.force_login(tl_weert)
    antwoord = client.post(
        reverse("plans:beoordelen", kwargs={"dossier_id": dossier.pk}),
        {"versie": versie.pip.versie, "besluit": "vaststellen", "dagtekening": "2026-05-01"},
        follow=True,
    )
    pagina = antwoord.content.decode()
    assert "Het PIP is vastgesteld." in pagina
    assert "Het PIP is niet aan DUO geleverd, omdat DUO het zou weigeren" in pagina
    versie.refresh_from_db()
    assert versie.status == PipVersie.Status.VASTGESTELD  # the beschikking stands
    assert TijdlijnFeit.objects.filter(dossier=dossier, soort="pip_vastgesteld").exists()
    assert not OutboxBericht.objects.exists()
    werkitem = Werkitem.objects.get(dossier=dossier)
    assert werkitem.soort == Werkitem.Soort.DUO_WEIGERING
    assert werkitem.titel == "PIP versie 1 niet aan DUO geleverd: DUO zou het weigeren"
    assert "registreer het PIP in het DUO-portaal" in werkitem.toelichting
    assert {"label": "GEEN_OIN", "waarde": werkitem.details[0]["waarde"]} in werkitem.details
    assert AuditGebeurtenis.objects.get(object_type="duo_levering", resultaat="geweigerd").gegevens[
        "vooraf_geweigerd"
    ] == ["GEEN_OIN"]
    # ... and the case manager sees it in the DUO part of the dossier page.
    client.force_login(kr_weert)
    fragment = client.get(
        reverse("duo:dossier", kwargs={"dossier_id": dossier.pk}), headers={"HX-Request": "1"}
    ).content.decode()
    assert "PIP versie 1 niet aan DUO geleverd" in fragment
    assert f'id="werkitem-{werkitem.pk}"' in fragment


def test_een_gewijzigd_pip_wordt_ook_geleverd(dossier, kr_weert, tl_weert):
    from regie.plans import services

    eerste = indienen_en_vaststellen(
        concept(dossier, kr_weert, dagtekening=DAGTEKENING), kr_weert, tl_weert, DAGTEKENING
    )
    eerste.pip.refresh_from_db()
    tweede = services.pip_wijzigen(pip=eerste.pip, versie=eerste.pip.versie, door=kr_weert)
    PipVersie.objects.filter(pk=tweede.pk).update(dagtekening=date(2026, 5, 20))
    tweede.refresh_from_db()
    indienen_en_vaststellen(tweede, kr_weert, tl_weert, date(2026, 5, 20))
    assert list(
        OutboxBericht.objects.filter(dossier=dossier)
        .order_by("id")
        .values_list("soort", "gegevens__dagtekening")
    ) == [("pip", "2026-05-01"), ("pip", "2026-05-20")]


# --- Recorded on the dossier page -------------------------------------------------------------
@pytest.fixture
def met_termijn(dossier):
    """A first PIP on 1 May and DUO's SS102: the term runs from 2 May 2026."""
    feit_vastleggen(
        dossier=dossier,
        soort="pip_vastgesteld",
        datum=DAGTEKENING,
        gegevens={"leerroute": "b1_route", "niveau": None},
    )
    dossier.refresh_from_db()
    return dossier


@pytest.mark.parametrize(
    ("soort", "velden", "feit", "operatie", "verzoek"),
    [
        (
            "pvt",
            {"datum": "2026-05-20"},
            ("pvt_ondertekend", date(2026, 5, 20), {}),
            "updatePvtByBsn",
            {"datumOndertekeningPvt": "2026-05-20"},
        ),
        (
            "map",
            {"datum": "2026-05-25"},
            ("map_eindgesprek", date(2026, 5, 25), {}),
            "updateMapByBsn",
            {"datumEindgesprekMap": "2026-05-25"},
        ),
        (
            "uren",
            {
                "soort": "taal_knm_brede_intake",
                "uren": "40",
                "datum": "2026-05-31",
                "keurmerk": "on",
            },
            (
                "uren",
                date(2026, 5, 31),
                {
                    "soort": "taal_knm",
                    "uren": 40,
                    "keurmerk": True,
                    "duo_soort": "taal_knm_brede_intake",
                },
            ),
            "updateUrenTaallesEnKnmByBSN",
            {"uren": 40},
        ),
        (
            "aanbod",
            {"instellingsnummer": "1000000003", "keurmerk": "on", "alfabetisering": "NVT"},
            None,
            "postInburgeringsaanbodByBsnAndInstellingsnummer",
            {"indicatorAlfabetiseringsonderwijs": "NVT"},
        ),
    ],
)
def test_vastleggen_schrijft_feit_en_levering_samen(
    client, met_termijn, kr_weert, soort, velden, feit, operatie, verzoek
):
    client.force_login(kr_weert)
    antwoord = vastleggen(client, met_termijn, soort, **velden)
    assert antwoord.status_code == 302, antwoord.content.decode()
    assert antwoord["Location"] == reverse("dossiers:detail", kwargs={"dossier_id": met_termijn.pk})
    levering = OutboxBericht.objects.get(dossier=met_termijn)
    assert (levering.soort, levering.operatie, levering.verzoek) == (soort, operatie, verzoek)
    if feit is not None:
        soort_feit, datum, gegevens = feit
        vastgelegd = TijdlijnFeit.objects.get(dossier=met_termijn, soort=soort_feit)
        assert (vastgelegd.datum, vastgelegd.gegevens, vastgelegd.actor) == (
            datum,
            gegevens,
            kr_weert,
        )
    met_termijn.refresh_from_db()
    assert met_termijn.versie == 2  # the dossier's lock moved
    assert AuditGebeurtenis.objects.filter(
        object_type="dossier", actie="wijzigen", gegevens__vastgelegd=soort
    ).exists()


def test_uren_worden_als_totaal_aan_duo_gemeld(client, met_termijn, kr_weert):
    client.force_login(kr_weert)
    for uren, datum in (("40", "2026-05-15"), ("25", "2026-05-31")):
        met_termijn.refresh_from_db()
        assert (
            vastleggen(
                client, met_termijn, "uren", soort="taal_knm_brede_intake", uren=uren, datum=datum
            ).status_code
            == 302
        )
    assert [b.verzoek for b in OutboxBericht.objects.order_by("id")] == [{"uren": 40}, {"uren": 65}]
    assert sorted(
        TijdlijnFeit.objects.filter(dossier=met_termijn, soort="uren").values_list(
            "gegevens__uren", flat=True
        )
    ) == [25, 40]


def test_vooraf_geweigerd_toont_de_reden_en_legt_niets_vast(client, dossier, kr_weert):
    # No PIP yet, so no term: DUO would refuse a PVT date (the engine's GEEN_TERMIJN).
    client.force_login(kr_weert)
    antwoord = vastleggen(client, dossier, "pvt", datum="2026-05-20")
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    assert "DUO zou deze levering weigeren:" in pagina
    assert 'id="vastleggen-pvt" open' in pagina
    assert not OutboxBericht.objects.exists()
    assert not TijdlijnFeit.objects.filter(soort="pvt_ondertekend").exists()
    dossier.refresh_from_db()
    assert dossier.versie == 1


def test_gelijktijdig_gewijzigd_wordt_geweigerd(client, met_termijn, kr_weert):
    client.force_login(kr_weert)
    verouderd = met_termijn.versie
    assert vastleggen(client, met_termijn, "pvt", datum="2026-05-20").status_code == 302
    met_termijn.versie = verouderd  # the second tab still shows the old version
    antwoord = vastleggen(client, met_termijn, "map", datum="2026-05-25")
    assert antwoord.status_code == 200
    assert "intussen door iemand anders gewijzigd" in antwoord.content.decode()
    assert list(OutboxBericht.objects.values_list("soort", flat=True)) == ["pvt"]
    assert not TijdlijnFeit.objects.filter(soort="map_eindgesprek").exists()


def test_ongeldige_invoer_en_onbekende_soort(client, met_termijn, kr_weert):
    client.force_login(kr_weert)
    toekomst = vastleggen(client, met_termijn, "zroute", datum="2026-07-01")
    assert "Deze datum ligt in de toekomst." in toekomst.content.decode()
    kort = vastleggen(client, met_termijn, "aanbod", instellingsnummer="123", alfabetisering="NVT")
    assert "Een instellingsnummer heeft precies 10 tekens." in kort.content.decode()
    onbekend = client.post(
        reverse("duo:vastleggen", kwargs={"dossier_id": met_termijn.pk}), {"soort": "boete"}
    )
    assert onbekend.status_code == 302
    assert not OutboxBericht.objects.exists()


def test_service_weigert_ook_zonder_scherm(met_termijn, kr_weert):
    with pytest.raises(VoorafGeweigerd, match="keurmerk"):
        leveringen.vastleggen(
            dossier=met_termijn,
            soort="aanbod",
            gegevens={"instellingsnummer": "1000000003", "keurmerk": False},
            versie=met_termijn.versie,
            door=kr_weert,
        )
    assert not OutboxBericht.objects.exists()


def test_formulieren_alleen_met_wijzigrecht(client, weert_oin, met_termijn, kr_weert):
    url = reverse("duo:dossier", kwargs={"dossier_id": met_termijn.pk})
    client.force_login(kr_weert)
    pagina = client.get(url).content.decode()
    assert "Vastleggen en aan DUO melden" in pagina
    # Linking a contact person needs one registered; unlinking, one linked (none here).
    for soort in set(leveringen.VASTLEGGINGEN) - set(forms.MET_DOSSIER):
        assert f'id="vastleggen-{soort}"' in pagina
    lezer = Rol.objects.create(code="lezer", naam="Alleen lezen")
    lezer.rechten.add(
        Permission.objects.get(content_type__app_label="dossiers", codename="view_dossier")
    )
    client.force_login(GebruikerFactory(rollen=[("lezer", weert_oin)]))
    assert "Vastleggen en aan DUO melden" not in client.get(url).content.decode()
    assert vastleggen(client, met_termijn, "pvt", datum="2026-05-20").status_code == 403
    assert not OutboxBericht.objects.exists()


def test_dossierpagina_laadt_het_duo_deel_en_werkt_zonder_javascript(client, met_termijn, kr_weert):
    client.force_login(kr_weert)
    pagina = client.get(
        reverse("dossiers:detail", kwargs={"dossier_id": met_termijn.pk})
    ).content.decode()
    url = reverse("duo:dossier", kwargs={"dossier_id": met_termijn.pk})
    assert f'hx-get="{url}" hx-trigger="load"' in pagina
    assert f'<a class="utrecht-link" href="{url}">' in pagina  # the way without JavaScript
    assert WEERT_OIN not in pagina and BSN in pagina  # the BSN only in the person's card


# --- PIP withdrawn at DUO ---------------------------------------------------------------------
def test_pip_bij_duo_verwijderen_met_reden_en_bevestiging(client, met_termijn, kr_weert):
    client.force_login(kr_weert)
    zonder = vastleggen(client, met_termijn, "pip_verwijderen", reden="verkeerde persoon")
    assert zonder.status_code == 200
    assert "Bevestig dat het PIP bij DUO verwijderd moet worden." in zonder.content.decode()
    assert not OutboxBericht.objects.exists()
    antwoord = vastleggen(
        client, met_termijn, "pip_verwijderen", reden="verkeerde persoon", bevestig="on"
    )
    assert antwoord.status_code == 302, antwoord.content.decode()
    levering = OutboxBericht.objects.get(dossier=met_termijn)
    assert (levering.soort, levering.operatie, levering.verzoek) == (
        "pip_verwijderen",
        "deletePipByBsn",
        None,
    )
    gelogd = AuditGebeurtenis.objects.get(gegevens__vastgelegd="pip_verwijderen")
    assert gelogd.gegevens["reden"] == "verkeerde persoon"
    # Regie's own PIP and its timeline stay as they were.
    assert TijdlijnFeit.objects.filter(dossier=met_termijn, soort="pip_vastgesteld").exists()


def test_pip_verwijderen_zonder_pip_of_na_de_termijn_wordt_vooraf_geweigerd(
    client, dossier, met_termijn, kr_weert
):
    client.force_login(kr_weert)
    zonder_pip = DossierFactory(regie_gemeente=dossier.regie_gemeente, inburgeraar__bsn="999000023")
    antwoord = vastleggen(client, zonder_pip, "pip_verwijderen", reden="x", bevestig="on")
    assert "DUO kent geen PIP van deze inburgeraar om te verwijderen" in antwoord.content.decode()
    feit_vastleggen(
        dossier=met_termijn,
        soort="duo_gebeurtenis",
        datum=date(2026, 5, 2),
        gegevens={"code": "SS102"},
    )
    met_termijn.refresh_from_db()
    antwoord = vastleggen(client, met_termijn, "pip_verwijderen", reden="x", bevestig="on")
    assert "DUO heeft de inburgeringstermijn al vastgesteld (SS102)" in antwoord.content.decode()
    assert not OutboxBericht.objects.exists()


# --- LBT skipped in the intake -> delivery ----------------------------------------------------
def _lbt(dossier, kr, **gegevens):
    intake = BredeIntake.objects.filter(dossier=dossier).first()
    versie = intake.versie if intake else 0
    return intake_services.lbt_opslaan(dossier=dossier, door=kr, versie=versie, gegevens=gegevens)


def test_lbt_overgeslagen_in_de_intake_gaat_naar_duo(dossier, kr_weert):
    _lbt(dossier, kr_weert, overgeslagen=True, reden_overslaan="zintuiglijke_beperking")
    levering = OutboxBericht.objects.get(dossier=dossier)
    assert (levering.soort, levering.operatie) == ("lbt_overslaan", "deleteExamennummerByBsn")
    # Saving the test again (another field) does not tell DUO twice.
    _lbt(
        dossier,
        kr_weert,
        overgeslagen=True,
        reden_overslaan="zintuiglijke_beperking",
        toelichting="x",
    )
    assert OutboxBericht.objects.filter(soort="lbt_overslaan").count() == 1


def test_lbt_overslaan_terugdraaien_vraagt_een_nieuwe_aanmelding_bij_duo(dossier, kr_weert):
    _lbt(dossier, kr_weert, overgeslagen=True, reden_overslaan="zintuiglijke_beperking")
    _lbt(dossier, kr_weert, overgeslagen=False, reden_overslaan="")
    taak = Werkitem.objects.get(dossier=dossier)
    assert taak.soort == Werkitem.Soort.PORTAAL
    assert "nieuwe aanmelding" in taak.titel
    assert OutboxBericht.objects.filter(soort="lbt_overslaan").count() == 1


def test_lbt_overslaan_zonder_oin_wordt_een_werkitem_en_de_intake_blijft(dossier, kr_weert):
    dossier.regie_gemeente.oin = ""
    dossier.regie_gemeente.save()
    toets = _lbt(dossier, kr_weert, overgeslagen=True, reden_overslaan="zintuiglijke_beperking")
    assert toets.overgeslagen
    assert not OutboxBericht.objects.exists()
    taak = Werkitem.objects.get(dossier=dossier)
    assert (taak.soort, "heeft geen OIN" in taak.toelichting) == ("duo_weigering", True)
    assert AuditGebeurtenis.objects.filter(
        object_type="duo_levering", resultaat="geweigerd", gegevens__soort="lbt_overslaan"
    ).exists()


def test_na_verwijderen_bij_duo_geen_levering_die_een_pip_vraagt(client, met_termijn, kr_weert):
    """Once Regie told DUO to delete the PIP, DUO holds none: a PVT date or a second deletion is
    refused beforehand, until a newly adopted PIP is delivered."""
    client.force_login(kr_weert)
    assert (
        vastleggen(
            client, met_termijn, "pip_verwijderen", reden="verkeerde persoon", bevestig="on"
        ).status_code
        == 302
    )
    met_termijn.refresh_from_db()
    pvt = vastleggen(client, met_termijn, "pvt", datum="2026-05-20")
    assert "het PIP is bij DUO verwijderd" in pvt.content.decode()
    nogmaals = vastleggen(client, met_termijn, "pip_verwijderen", reden="x", bevestig="on")
    assert "DUO kent geen PIP van deze inburgeraar om te verwijderen" in nogmaals.content.decode()
    assert list(OutboxBericht.objects.values_list("soort", flat=True)) == ["pip_verwijderen"]
    # A newly adopted PIP is delivered (as the adoption's receiver places it): DUO holds one again.
    outbox.plaats(
        dossier=met_termijn,
        soort="pip",
        gegevens={"dagtekening": date(2026, 5, 25), "leerroute": "b1_route"},
        door=kr_weert,
    )
    met_termijn.refresh_from_db()
    assert vastleggen(client, met_termijn, "pvt", datum="2026-05-28").status_code == 302
