"""Starting a PIP: only from a completed intake, prefilled with its route decision."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Fase
from regie.plans import services
from regie.plans.models import DualeActiviteit, Pip, PipVersie
from regie.plans.tests.conftest import maak_intake


def test_zonder_intake_geen_pip(dossier, kr_weert):
    with pytest.raises(services.PipFout, match="nog geen brede intake"):
        services.pip_starten(dossier=dossier, door=kr_weert, intake=None)
    assert not Pip.objects.exists()


def test_onvolledige_intake_noemt_wat_ontbreekt(dossier, kr_weert):
    intake = maak_intake(afgerond_op=None, ontbrekend=("Gezondheid", "Leerbaarheidstoets"))
    with pytest.raises(services.PipFout) as fout:
        services.pip_starten(dossier=dossier, door=kr_weert, intake=intake)
    assert str(fout.value) == (
        "De brede intake is nog niet afgerond. Nog niet ingevuld: Gezondheid, Leerbaarheidstoets."
    )
    assert not Pip.objects.exists()


def test_intake_zonder_leerroute(dossier, kr_weert):
    with pytest.raises(services.PipFout, match="geen leerroute"):
        services.pip_starten(dossier=dossier, door=kr_weert, intake=maak_intake(leerroute=None))


def test_eerste_concept_uit_de_intake(dossier, kr_weert, intake):
    versie = services.pip_starten(dossier=dossier, door=kr_weert, intake=intake)

    assert (versie.nummer, versie.status) == (1, PipVersie.Status.CONCEPT)
    assert (versie.leerroute, versie.niveau, versie.alfabetisering) == ("b1_route", "", "NVT")
    assert versie.participatie == "Werken in de zorg"
    assert versie.pip.taal == "ar"
    activiteit = versie.activiteiten.get()
    assert (activiteit.soort, activiteit.omschrijving) == (
        DualeActiviteit.Soort.OVERIG,
        "Vrijwilligerswerk bij de voedselbank",
    )
    assert [d.omschrijving for d in versie.doelen.all()] == [
        "Werken als kapper",
        "Mijn kinderen helpen met school",
    ]
    dossier.refresh_from_db()
    assert dossier.fase == Fase.PIP
    event = AuditGebeurtenis.objects.get(object_type="pip")
    assert (event.actie, event.actor, event.gegevens["leerroute"]) == (
        "aanmaken",
        kr_weert,
        "b1_route",
    )


def test_tweede_keer_starten_kan_niet(dossier, kr_weert, intake):
    services.pip_starten(dossier=dossier, door=kr_weert, intake=intake)
    with pytest.raises(services.PipFout, match="al een PIP"):
        services.pip_starten(dossier=dossier, door=kr_weert, intake=intake)
    assert PipVersie.objects.count() == 1


def test_pagina_zegt_wat_er_ontbreekt(client, dossier, kr_weert, monkeypatch):
    onvolledig = maak_intake(afgerond_op=None, ontbrekend=("Werk en opleiding",))
    monkeypatch.setattr(services, "_intake", lambda d: onvolledig)
    client.force_login(kr_weert)
    html = client.get(reverse("plans:pip", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert "Nog niet ingevuld: Werk en opleiding." in html
    assert reverse("plans:starten", kwargs={"dossier_id": dossier.pk}) not in html


def test_starten_via_de_pagina(client, dossier, kr_weert, monkeypatch):
    monkeypatch.setattr(services, "_intake", lambda d: maak_intake(afgerond_op=date(2024, 6, 1)))
    client.force_login(kr_weert)
    url = reverse("plans:pip", kwargs={"dossier_id": dossier.pk})
    assert (
        reverse("plans:starten", kwargs={"dossier_id": dossier.pk})
        in client.get(url).content.decode()
    )
    response = client.post(reverse("plans:starten", kwargs={"dossier_id": dossier.pk}))
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:concept", kwargs={"dossier_id": dossier.pk})
    assert Pip.objects.get().dossier == dossier


def test_dossier_zonder_intake(dossier):
    assert services._intake(dossier) is None


def test_van_echte_intake_naar_concept(client, weert, kr_weert):
    """The contract end to end: a completed regie.intake intake starts the PIP page's flow."""
    from regie.intake import services as intake_services
    from regie.intake.tests.factories import BredeIntakeFactory, GezondheidFactory

    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True, taal_persoon="en")
    GezondheidFactory(intake=intake)
    intake_services.intake_afronden(dossier=intake.dossier, door=kr_weert, versie=intake.versie)
    client.force_login(kr_weert)

    response = client.post(reverse("plans:starten", kwargs={"dossier_id": intake.dossier.pk}))

    assert response.status_code == 302
    versie = PipVersie.objects.get(pip__dossier=intake.dossier)
    assert (versie.leerroute, versie.niveau, versie.alfabetisering) == ("b1_route", "B1", "AA")
    assert versie.pip.taal == "en"
