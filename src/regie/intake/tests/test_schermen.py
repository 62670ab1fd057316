"""The intake's screens: scoping, rights, one audit read per view, escaping, the route decision
form and completing from the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Fase
from regie.intake.models import BredeIntake
from regie.intake.tests.factories import BredeIntakeFactory, LeerbaarheidstoetsFactory
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db

# The authorisation-matrix lines these URLs need (regie/tests/test_autorisatiematrix.py):
# name -> (method, status for kr_weert on a Weert dossier without an intake)
URLS = {
    "intake:overzicht": ("GET", 200),
    "intake:sectie": ("GET", 200),
    "intake:lbt": ("GET", 200),
    "intake:meting": ("GET", 200),
    "intake:besluit": ("GET", 302),  # no intake yet: back to the overview
    "intake:afronden": ("POST", 302),
}


def _url(naam, dossier, query=""):
    return reverse(naam, kwargs={"dossier_id": dossier.pk}) + query


def _vraag(client, naam, dossier):
    methode, _status = URLS.get(naam, ("GET", 200))
    url = _url(naam, dossier)
    return client.post(url, {"versie": 1}) if methode == "POST" else client.get(url)


@pytest.mark.parametrize("naam", sorted(URLS))
def test_matrix(client, weert, kr_weert, kr_nederweert, naam):
    dossier = DossierFactory(regie_gemeente=weert)
    bm = GebruikerFactory(rollen=[("beleidsmedewerker", weert)])
    antwoord = _vraag(client, naam, dossier)
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord["Location"]
    client.force_login(bm)
    assert _vraag(client, naam, dossier).status_code == 403
    client.force_login(kr_nederweert)
    assert _vraag(client, naam, dossier).status_code == 404
    client.force_login(kr_weert)
    assert _vraag(client, naam, dossier).status_code == URLS[naam][1]


def test_andere_gemeente_krijgt_404_ook_op_een_bestaande_intake(client, weert, kr_nederweert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True)
    client.force_login(kr_nederweert)
    for naam in ("intake:overzicht", "intake:sectie", "intake:besluit", "intake:meting"):
        assert client.get(_url(naam, intake.dossier)).status_code == 404, naam
    antwoord = client.post(
        _url("intake:sectie", intake.dossier, "?sectie=taal"),
        {"versie": intake.versie, "moedertaal": "Overschreven"},
        HTTP_HX_REQUEST="true",
    )
    assert antwoord.status_code == 404
    intake.refresh_from_db()
    assert intake.moedertaal == ""


def test_lezen_zonder_wijzigrecht_mag_het_overzicht_niet_de_formulieren(client, weert):
    lezer = GebruikerFactory(rollen=[("klantregisseur", weert)])
    from regie.accounts.models import Lidmaatschap, Rol

    rol = Rol.objects.create(code="test_alleen_lezen", naam="Alleen lezen")
    rol.rechten.set(Rol.objects.get(code="klantregisseur").rechten.filter(codename="view_dossier"))
    Lidmaatschap.objects.filter(gebruiker=lezer).update(rol=rol)
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(lezer)
    assert client.get(_url("intake:overzicht", intake.dossier)).status_code == 200
    assert client.get(_url("intake:sectie", intake.dossier)).status_code == 403


def test_overzicht_schrijft_precies_een_leesgebeurtenis(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True)
    client.force_login(kr_weert)
    antwoord = client.get(_url("intake:overzicht", intake.dossier))
    assert antwoord.status_code == 200
    events = list(AuditGebeurtenis.objects.filter(dossier_id=intake.dossier.pk))
    assert [(e.actie, e.object_type, e.object_id) for e in events] == [
        ("lezen", "brede_intake", str(intake.pk))
    ]


@pytest.mark.parametrize(
    ("naam", "query"),
    [
        ("intake:sectie", "?sectie=opleiding"),
        ("intake:lbt", ""),
        ("intake:meting", ""),
        ("intake:besluit", ""),
    ],
)
def test_elk_scherm_schrijft_precies_een_leesgebeurtenis(client, weert, kr_weert, naam, query):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(kr_weert)
    assert client.get(_url(naam, intake.dossier, query)).status_code == 200
    events = AuditGebeurtenis.objects.filter(dossier_id=intake.dossier.pk)
    assert [(e.actie, e.object_type) for e in events] == [("lezen", "brede_intake")]


def test_onbekende_sectie_is_404(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    assert client.get(_url("intake:sectie", dossier, "?sectie=bestaat_niet")).status_code == 404


def test_eigen_woorden_worden_ge_escaped_getoond(client, weert, kr_weert):
    tekst = '<script>alert("x")</script> Ik wil werken & leren'
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, eigen_doelen=tekst)
    client.force_login(kr_weert)
    html = client.get(_url("intake:overzicht", intake.dossier)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ik wil werken &amp; leren" in html
    html = client.get(_url("intake:sectie", intake.dossier, "?sectie=eigen_doelen")).content
    assert b"<script>alert" not in html
    assert b"&lt;script&gt;alert" in html


def test_formulier_zonder_js_slaat_op_en_gaat_naar_het_overzicht(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    antwoord = client.post(
        _url("intake:sectie", dossier, "?sectie=eigen_doelen"),
        {"versie": 0, "eigen_doelen": "  Zelf boodschappen doen.", "taal_persoon": "ar"},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"].endswith("/intake/#sectie-eigen_doelen")
    intake = BredeIntake.objects.get(dossier=dossier)
    assert intake.eigen_doelen == "  Zelf boodschappen doen."
    dossier.refresh_from_db()
    assert dossier.fase == Fase.INTAKE


def test_foute_invoer_gaat_niet_verloren(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(kr_weert)
    antwoord = client.post(
        _url("intake:sectie", intake.dossier, "?sectie=opleiding"),
        {
            "versie": intake.versie,
            "hoogste_opleiding": "beroeps",
            "diploma_omschrijving": "Diploma elektrotechniek, Aleppo 2012",
            "diploma_gewaardeerd": "ja",
            "opleidingsjaren": "veel",
        },
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Diploma elektrotechniek, Aleppo 2012" in html
    assert "Vul in op welk niveau het diploma is gewaardeerd." in html
    assert "Voer een geheel getal in." in html
    intake.refresh_from_db()
    assert intake.hoogste_opleiding == ""


def test_conflict_zonder_js_toont_de_melding_en_houdt_de_invoer(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, versie=3)
    client.force_login(kr_weert)
    antwoord = client.post(
        _url("intake:sectie", intake.dossier, "?sectie=werkwensen"),
        {"versie": 2, "werkwensen": "Buschauffeur"},
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "intussen door iemand anders gewijzigd" in html
    assert "Buschauffeur" in html


# --- Route decision and completing -------------------------------------------------------------


def test_overzicht_toont_advies_met_redenen_en_regels(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, secties_volledig=True)
    LeerbaarheidstoetsFactory(intake=intake, onvoldoende=True)
    client.force_login(kr_weert)
    html = client.get(_url("intake:overzicht", intake.dossier)).content.decode()
    assert "Z-route" in html
    assert "LBT-score onder vereiste score → Z-route" in html
    assert "De score op de leerbaarheidstoets (38) ligt onder de vereiste 50." in html
    assert "beleidskeuze" in html  # the dual option's rule is a policy choice


def test_afwijken_zonder_motivatie_geeft_een_nederlandse_fout_bij_het_veld(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, secties_volledig=True)
    LeerbaarheidstoetsFactory(intake=intake)
    client.force_login(kr_weert)
    url = _url("intake:besluit", intake.dossier)
    data = {
        "versie": intake.versie,
        "leerroute": "z_route",
        "niveau": "A1",
        "alfabetisering": "AA",
        "duale_opties": "",
        "motivatie_afwijking": "",
    }
    antwoord = client.post(url, data)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert 'id="id_motivatie_afwijking_error"' in html
    assert "U wijkt af van het advies. Licht toe waarom deze keuze beter past." in html
    data["motivatie_afwijking"] = "Net bevallen; B1 is nu te zwaar."
    assert client.post(url, data).status_code == 302
    intake.refresh_from_db()
    assert (intake.leerroute, intake.advies_gevolgd) == ("z_route", False)


def test_niveau_dat_niet_bij_de_route_past(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(kr_weert)
    antwoord = client.post(
        _url("intake:besluit", intake.dossier),
        {
            "versie": intake.versie,
            "leerroute": "onderwijsroute",
            "niveau": "A2",
            "alfabetisering": "NVT",
            "motivatie_afwijking": "x",
        },
    )
    assert "Bij de onderwijsroute is het niveau B1 of B2, nooit A2 of A1." in (
        antwoord.content.decode()
    )


def test_afronden_van_een_onvolledige_intake_noemt_wat_ontbreekt(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, secties_volledig=True)
    client.force_login(kr_weert)
    antwoord = client.post(
        _url("intake:afronden", intake.dossier), {"versie": intake.versie}, follow=True
    )
    html = antwoord.content.decode()
    assert "kan niet worden afgerond" in html
    assert "Leerbaarheidstoets: afgenomen met uitslag, of overgeslagen met reden" in html
    assert "Routebesluit: leerroute, niveau en alfabetisering" in html
    intake.refresh_from_db()
    assert intake.afgerond_op is None


def test_afronden_vanaf_de_pagina(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True)
    client.force_login(kr_weert)
    antwoord = client.post(_url("intake:afronden", intake.dossier), {"versie": intake.versie})
    assert antwoord.status_code == 302
    intake.dossier.refresh_from_db()
    assert intake.dossier.fase == Fase.PIP
    html = client.get(antwoord["Location"]).content.decode()
    assert "De brede intake is afgerond." in html
    assert 'action="/dossiers/' not in html.split('id="afronden"')[1]  # no button any more


def test_for_user_scoping_van_intakes(weert, nederweert, kr_weert, kr_werkkom):
    weert_intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    nederweert_intake = BredeIntakeFactory(dossier__regie_gemeente=nederweert)
    assert list(BredeIntake.objects.for_user(kr_weert)) == [weert_intake]
    assert set(BredeIntake.objects.for_user(kr_werkkom)) == {weert_intake, nederweert_intake}
    bm = GebruikerFactory(rollen=[("beleidsmedewerker", weert)])
    assert not BredeIntake.objects.for_user(bm).exists()


def test_overzicht_queries_constant_in_aantal_metingen(client, weert, kr_weert):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regie.intake.tests.factories import PositieveGezondheidScoreFactory

    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True)
    client.force_login(kr_weert)
    url = _url("intake:overzicht", intake.dossier)
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    PositieveGezondheidScoreFactory.create_batch(12, intake=intake)
    with CaptureQueriesContext(connection) as veel:
        client.get(url)
    assert len(weinig.captured_queries) == len(veel.captured_queries)
