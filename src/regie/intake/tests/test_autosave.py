"""Autosave: an HTMX request (``HX-Request: true``) gets a status fragment with the new version
out of band, so the same user's next autosave does not conflict; a second user still does."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.urls import reverse

from regie.intake.models import BredeIntake
from regie.intake.tests.factories import BredeIntakeFactory
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(dossier, sectie="werkwensen"):
    return reverse("intake:sectie", kwargs={"dossier_id": dossier.pk}) + f"?sectie={sectie}"


def _versie_oob(html: str) -> int:
    gevonden = re.search(
        r'<input type="hidden" name="versie" id="id_versie" value="(\d+)" hx-swap-oob="true">',
        html,
    )
    assert gevonden, html
    return int(gevonden.group(1))


def test_formulier_heeft_autosave_en_een_gewone_knop(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    html = client.get(_url(dossier)).content.decode()
    assert 'hx-post="' in html
    assert 'hx-trigger="change delay:500ms, input delay:1500ms, submit"' in html
    assert 'hx-sync="this:queue last"' in html
    assert 'id="intake-status"' in html and 'aria-live="polite"' in html
    assert '<button type="submit"' in html
    assert 'name="versie" value="0"' in html
    assert "style=" not in html.split("<main")[1]
    assert "<script" not in html.split("<main")[1]


@time_machine.travel("2026-03-02 09:32:00Z", tick=False)
def test_autosave_geeft_een_statusfragment_en_de_nieuwe_versie(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(kr_weert)
    antwoord = client.post(
        _url(intake.dossier), {"versie": intake.versie, "werkwensen": "Kok"}, **HTMX
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Concept opgeslagen om 10:32" in html  # Europe/Amsterdam
    assert "<html" not in html
    versie = _versie_oob(html)
    assert versie == intake.versie + 1
    # The same user's next autosave carries the new version and is accepted.
    antwoord = client.post(
        _url(intake.dossier), {"versie": versie, "werkwensen": "Kok in een restaurant"}, **HTMX
    )
    assert _versie_oob(antwoord.content.decode()) == versie + 1
    intake.refresh_from_db()
    assert intake.werkwensen == "Kok in een restaurant"


def test_tweede_gebruiker_krijgt_een_conflict_en_niets_wordt_overschreven(client, weert, kr_weert):
    collega = GebruikerFactory(rollen=[("klantregisseur", weert)])
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    geladen = intake.versie  # both opened the form at this version
    client.force_login(kr_weert)
    client.post(_url(intake.dossier), {"versie": geladen, "werkwensen": "Kok"}, **HTMX)
    client.force_login(collega)
    antwoord = client.post(
        _url(intake.dossier), {"versie": geladen, "werkwensen": "Schilder"}, **HTMX
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "intussen door iemand anders gewijzigd" in html
    assert 'name="versie"' not in html  # the stale form keeps its version: no silent retry
    intake.refresh_from_db()
    assert intake.werkwensen == "Kok"


def test_autosave_met_fout_toont_de_fout_en_slaat_niets_op(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    client.force_login(kr_weert)
    antwoord = client.post(
        _url(intake.dossier),
        {"versie": intake.versie, "werkwensen": "Kok", "beschikbaar_uren": "80"},
        **HTMX,
    )
    html = antwoord.content.decode()
    assert "Niet opgeslagen" in html
    assert 'href="#id_beschikbaar_uren"' in html
    # The field's error slot is filled out of band, next to the field.
    assert '<div id="id_beschikbaar_uren_fouten" hx-swap-oob="true">' in html
    assert "Zorg ervoor dat deze waarde hoogstens 60 is." in html
    intake.refresh_from_db()
    assert intake.werkwensen == ""


def test_eerste_autosave_start_de_intake(client, weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    antwoord = client.post(_url(dossier, "netwerk"), {"versie": 0, "netwerk": "beperkt"}, **HTMX)
    assert _versie_oob(antwoord.content.decode()) == 1
    assert BredeIntake.objects.get(dossier=dossier).netwerk == "beperkt"
