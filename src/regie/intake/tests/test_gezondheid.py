"""Health data: special category, its own rights, and every read audited with its own event."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.intake.models import Gezondheid
from regie.intake.tests.factories import BredeIntakeFactory, GezondheidFactory

pytestmark = pytest.mark.django_db

INHOUD = "Rugklachten na lang staan."


def _url(naam, dossier):
    return reverse(naam, kwargs={"dossier_id": dossier.pk})


def _leesgebeurtenissen(dossier):
    return list(
        AuditGebeurtenis.objects.filter(dossier_id=dossier.pk, actie="lezen").values_list(
            "object_type", flat=True
        )
    )


def test_rechten_zijn_gedefinieerd():
    from django.contrib.auth.models import Permission

    codes = set(
        Permission.objects.filter(content_type__app_label="intake").values_list(
            "codename", flat=True
        )
    )
    assert {"view_gezondheid", "change_gezondheid"} <= codes
    assert "add_gezondheid" not in codes and "delete_gezondheid" not in codes


def test_zonder_recht_toont_het_overzicht_alleen_dat_er_gegevens_zijn(
    client, weert, kr_zonder_gezondheid
):
    gezondheid = GezondheidFactory(intake__dossier__regie_gemeente=weert)
    dossier = gezondheid.intake.dossier
    client.force_login(kr_zonder_gezondheid)
    html = client.get(_url("intake:overzicht", dossier)).content.decode()
    assert "Er zijn gezondheidsgegevens vastgelegd. U heeft geen recht om die in te zien." in html
    assert INHOUD not in html
    assert "Beperkt belastbaar" not in html
    assert _leesgebeurtenissen(dossier) == ["brede_intake"]


def test_zonder_recht_is_de_gezondheidspagina_verboden(client, weert, kr_zonder_gezondheid):
    gezondheid = GezondheidFactory(intake__dossier__regie_gemeente=weert)
    client.force_login(kr_zonder_gezondheid)
    assert client.get(_url("intake:gezondheid", gezondheid.intake.dossier)).status_code == 403
    assert _leesgebeurtenissen(gezondheid.intake.dossier) == []


def test_met_recht_toont_het_overzicht_de_inhoud_met_een_eigen_leesgebeurtenis(
    client, weert, kr_gezondheid
):
    gezondheid = GezondheidFactory(intake__dossier__regie_gemeente=weert)
    dossier = gezondheid.intake.dossier
    client.force_login(kr_gezondheid)
    html = client.get(_url("intake:overzicht", dossier)).content.decode()
    assert INHOUD in html
    assert sorted(_leesgebeurtenissen(dossier)) == ["brede_intake", "gezondheid"]
    event = AuditGebeurtenis.objects.get(dossier_id=dossier.pk, object_type="gezondheid")
    assert (event.actor, event.object_id) == (kr_gezondheid, str(gezondheid.intake.pk))


def test_zonder_gezondheidsgegevens_geen_gezondheidsleesgebeurtenis(client, weert, kr_gezondheid):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(kr_gezondheid)
    html = client.get(_url("intake:overzicht", intake.dossier)).content.decode()
    assert "Er zijn geen gezondheidsgegevens vastgelegd." in html
    assert _leesgebeurtenissen(intake.dossier) == ["brede_intake"]


def test_gezondheidspagina_schrijft_precies_een_gezondheidsleesgebeurtenis(
    client, weert, kr_gezondheid
):
    gezondheid = GezondheidFactory(intake__dossier__regie_gemeente=weert)
    client.force_login(kr_gezondheid)
    antwoord = client.get(_url("intake:gezondheid", gezondheid.intake.dossier))
    assert antwoord.status_code == 200
    assert INHOUD in antwoord.content.decode()
    assert _leesgebeurtenissen(gezondheid.intake.dossier) == ["gezondheid"]


def test_andere_gemeente_krijgt_404(client, weert, nederweert, kr_gezondheid):
    gezondheid = GezondheidFactory(intake__dossier__regie_gemeente=nederweert)
    client.force_login(kr_gezondheid)
    assert client.get(_url("intake:gezondheid", gezondheid.intake.dossier)).status_code == 404


def test_alleen_lezen_mag_niet_opslaan(client, weert, kr_gezondheid_lezen):
    gezondheid = GezondheidFactory(intake__dossier__regie_gemeente=weert)
    client.force_login(kr_gezondheid_lezen)
    html = client.get(_url("intake:gezondheid", gezondheid.intake.dossier)).content.decode()
    assert "U kunt deze gegevens inzien, niet wijzigen." in html
    assert "hx-post" not in html
    antwoord = client.post(
        _url("intake:gezondheid", gezondheid.intake.dossier),
        {"versie": gezondheid.versie, "lichamelijk": "Anders"},
    )
    assert antwoord.status_code == 403
    gezondheid.refresh_from_db()
    assert gezondheid.lichamelijk == INHOUD


def test_opslaan_met_recht_en_eigen_versie(client, weert, kr_gezondheid):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(kr_gezondheid)
    url = _url("intake:gezondheid", intake.dossier)
    antwoord = client.post(url, {"versie": 0, "psychisch": "Slaapt slecht.", "belastbaarheid": ""})
    assert antwoord.status_code == 302
    gezondheid = Gezondheid.objects.get(intake=intake)
    assert (gezondheid.psychisch, gezondheid.versie) == ("Slaapt slecht.", 1)
    # The health record has its own lock: a stale version is refused.
    antwoord = client.post(url, {"versie": 0, "psychisch": "Overschreven", "belastbaarheid": ""})
    assert "intussen door iemand anders gewijzigd" in antwoord.content.decode()
    gezondheid.refresh_from_db()
    assert gezondheid.psychisch == "Slaapt slecht."
    wijziging = AuditGebeurtenis.objects.get(object_type="gezondheid", actie="wijzigen")
    assert wijziging.gegevens == {"velden": ["psychisch"], "versie": 1}
    # The intake's own version did not move: section editors are not in the way.
    intake.refresh_from_db()
    assert intake.versie == 1


def test_advies_leest_geen_gezondheid(weert):
    """The advice is shown without the health right, so it must not depend on health data."""
    from regie.intake import selectors

    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, secties_volledig=True)
    zonder = selectors.advies_voor(intake, dossier=intake.dossier)
    GezondheidFactory(intake=intake, belastbaarheid="niet", beperkingen="Blind")
    assert selectors.advies_voor(intake, dossier=intake.dossier) == zonder
