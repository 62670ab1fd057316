"""Versions of the PIP: editing a concept (with dual activities and goals), the history, a
change as a new version, and optimistic locking between two editors."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.services import GelijktijdigGewijzigd
from regie.plans import services
from regie.plans.models import Pip, PipVersie
from regie.plans.tests.conftest import DAGTEKENING, concept, vastgesteld


def _formulier(pip: Pip, **velden) -> dict:
    data = {
        "versie": pip.versie,
        "dagtekening": DAGTEKENING.isoformat(),
        "leerroute": "b1_route",
        "niveau": "",
        "knm": "on",
        "alfabetisering": "NVT",
        "intensiteit_uren_per_week": "12.5",
        "aanbieder_naam": "Taalschool Weert",
        "aanbieder_keurmerk": "on",
        "pvt_uren": "16",
        "map_uren": "64",
        "participatie": "Meedoen in de wijk",
        "maatschappelijke_begeleiding": "Vluchtelingenwerk, eerste jaar",
        "overige_afspraken": "",
        "activiteit-TOTAL_FORMS": "2",
        "activiteit-INITIAL_FORMS": "0",
        "activiteit-MIN_NUM_FORMS": "0",
        "activiteit-MAX_NUM_FORMS": "20",
        "activiteit-0-soort": "vrijwilligerswerk",
        "activiteit-0-omschrijving": "Voedselbank",
        "activiteit-0-uren_per_week": "4",
        "activiteit-0-organisatie": "Voedselbank Weert",
        "doel-TOTAL_FORMS": "2",
        "doel-INITIAL_FORMS": "0",
        "doel-MIN_NUM_FORMS": "0",
        "doel-MAX_NUM_FORMS": "20",
        "doel-0-omschrijving": "Werken als kapper",
        "doel-0-subdoelen": "Stage zoeken\nDiploma laten waarderen",
    }
    data.update(velden)
    return data


def test_concept_bewerken_met_activiteiten_en_doelen(client, dossier, kr_weert):
    versie = concept(dossier, kr_weert)
    client.force_login(kr_weert)
    url = reverse("plans:concept", kwargs={"dossier_id": dossier.pk})
    pagina = client.get(url)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert 'name="activiteit-TOTAL_FORMS"' in html
    assert '<label class="utrecht-form-label" for="id_doel-0-omschrijving">' in html

    response = client.post(url, _formulier(versie.pip))

    assert response.status_code == 302, response.context["form"].errors
    versie.refresh_from_db()
    assert str(versie.intensiteit_uren_per_week) == "12.5"
    assert (versie.aanbieder_naam, versie.aanbieder_keurmerk) == ("Taalschool Weert", True)
    assert [(a.soort, a.omschrijving, str(a.uren_per_week)) for a in versie.activiteiten.all()] == [
        ("vrijwilligerswerk", "Voedselbank", "4.0")
    ]
    doel = versie.doelen.get()
    assert [s.omschrijving for s in doel.subdoelen.all()] == [
        "Stage zoeken",
        "Diploma laten waarderen",
    ]
    event = AuditGebeurtenis.objects.filter(object_type="pip_versie", actie="wijzigen").get()
    assert "intensiteit_uren_per_week" in event.gegevens["gewijzigd"]


def test_tweede_opslag_met_oude_versie_wordt_geweigerd(client, dossier, kr_weert, kr_werkkom):
    versie = concept(dossier, kr_weert)
    oud = versie.pip.versie
    services.concept_opslaan(
        pip_versie=versie,
        versie=oud,
        door=kr_weert,
        gegevens={"participatie": "eerste"},
        activiteiten=[],
        doelen=[],
    )
    with pytest.raises(GelijktijdigGewijzigd):
        services.concept_opslaan(
            pip_versie=versie,
            versie=oud,
            door=kr_werkkom,
            gegevens={"participatie": "tweede"},
            activiteiten=[],
            doelen=[],
        )
    versie.refresh_from_db()
    assert versie.participatie == "eerste"

    client.force_login(kr_werkkom)
    url = reverse("plans:concept", kwargs={"dossier_id": dossier.pk})
    response = client.post(url, _formulier(versie.pip, versie=oud, participatie="derde"))
    assert response.status_code == 200
    assert "intussen door iemand anders gewijzigd" in response.content.decode()
    versie.refresh_from_db()
    assert versie.participatie == "eerste"


def test_alleen_een_concept_is_bewerkbaar(dossier, kr_weert, tl_weert):
    versie = vastgesteld(dossier, kr_weert, tl_weert)
    with pytest.raises(services.PipFout, match="Alleen een concept"):
        services.concept_opslaan(
            pip_versie=versie,
            versie=versie.pip.versie,
            door=kr_weert,
            gegevens={"participatie": "x"},
            activiteiten=[],
            doelen=[],
        )


def test_wijzigen_maakt_een_nieuwe_versie_met_dezelfde_inhoud(client, dossier, kr_weert, tl_weert):
    eerste = vastgesteld(dossier, kr_weert, tl_weert)
    pip = eerste.pip
    pip.refresh_from_db()
    client.force_login(kr_weert)
    response = client.post(
        reverse("plans:wijzigen", kwargs={"dossier_id": dossier.pk}), {"versie": pip.versie}
    )
    assert response.status_code == 302
    tweede = pip.versies.get(nummer=2)
    assert tweede.status == PipVersie.Status.CONCEPT
    assert tweede.leerroute == eerste.leerroute
    assert [d.omschrijving for d in tweede.doelen.all()] == [
        d.omschrijving for d in eerste.doelen.all()
    ]
    # Only one version in the making at a time.
    pip.refresh_from_db()
    with pytest.raises(services.PipFout, match="al een versie in bewerking"):
        services.pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)


def test_pagina_toont_de_geschiedenis(client, dossier, kr_weert, tl_weert):
    eerste = vastgesteld(dossier, kr_weert, tl_weert)
    pip = eerste.pip
    pip.refresh_from_db()
    services.pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)
    client.force_login(kr_weert)
    url = reverse("plans:pip", kwargs={"dossier_id": dossier.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert [(v.nummer, v.status) for v in response.context["versies"]] == [
        (2, "concept"),
        (1, "vastgesteld"),
    ]
    html = response.content.decode()
    assert "10 juli 2024" in html
    assert response.context["getoond"].nummer == 2
    assert client.get(url, {"versie": 1}).context["getoond"].nummer == 1
    assert client.get(url, {"versie": 9}).status_code == 404
    lees = AuditGebeurtenis.objects.filter(actie="lezen", object_type="pip", actor=kr_weert)
    assert lees.count() == 2  # the 404 reveals nothing and reads nothing


def test_dagtekening_van_een_wijziging(dossier, kr_weert, tl_weert):
    eerste = vastgesteld(dossier, kr_weert, tl_weert)
    pip = eerste.pip
    pip.refresh_from_db()
    tweede = services.pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)
    PipVersie.objects.filter(pk=tweede.pk).update(dagtekening=date(2025, 1, 15))
    tweede.refresh_from_db()
    from regie.plans.tests.conftest import indienen_en_vaststellen

    tweede = indienen_en_vaststellen(tweede, kr_weert, tl_weert)
    assert (tweede.status, tweede.dagtekening) == ("vastgesteld", date(2025, 1, 15))
