"""Two items of DUO's PIP API (SDI014) on the PIP: the estimated total hours of the B1-route
(``geschatteIntensiteitB1Route``; only with the B1-route of an asylum migrant, which the rules
engine decides) and "may finish the current education first"
(``indicatorMagOpleidingAfmaken``). Edited on the concept, carried to a new version, shown on
the PIP page and in the beschikking."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regie.dossiers.models import Verblijf
from regie.letters.models import Document
from regie.letters.tests.pdftekst import pdf_tekst
from regie.plans import regelcheck, services
from regie.plans.models import PipVersie
from regie.plans.tests.conftest import concept, gevestigd_dossier, vastgesteld
from regie.plans.tests.test_versies import _formulier
from regie.rules import grondslagen as gs

MELDING = (
    "Geschatte uren B1-route mogen alleen worden ingevuld bij de B1-route van een "
    "asielstatushouder: DUO neemt ze anders niet aan"
)


def _opslaan(client, dossier, versie, **velden):
    client.force_login(versie.aangemaakt_door)
    url = reverse("plans:concept", kwargs={"dossier_id": dossier.pk})
    versie.pip.refresh_from_db()
    return client.post(url, _formulier(versie.pip, **velden))


def test_formulier_toont_beide_velden_met_uitleg(client, dossier, kr_weert):
    concept(dossier, kr_weert)
    client.force_login(kr_weert)
    pagina = client.get(reverse("plans:concept", kwargs={"dossier_id": dossier.pk}))
    html = pagina.content.decode()
    assert 'name="geschatte_uren_b1"' in html
    assert 'name="mag_opleiding_afmaken"' in html
    assert "Geschatte uren B1-route (totaal)" in html
    assert "Mag huidige opleiding eerst afmaken" in html
    assert "Alleen bij de B1-route van een asielstatushouder" in html
    assert "een opleiding die geen vrijstelling geeft" in html


def test_b1_route_van_een_asielstatushouder_mag_geschatte_uren(client, dossier, kr_weert):
    versie = concept(dossier, kr_weert)

    response = _opslaan(
        client, dossier, versie, geschatte_uren_b1="1200", mag_opleiding_afmaken="on"
    )

    assert response.status_code == 302, response.context["form"].errors
    versie.refresh_from_db()
    assert (versie.geschatte_uren_b1, versie.mag_opleiding_afmaken) == (1200, True)
    assert regelcheck.controleer(dossier, versie).toegestaan


@pytest.mark.parametrize(
    ("verblijf", "velden"),
    [
        (Verblijf.ASIEL_BEPAALDE_TIJD, {"leerroute": "z_route"}),
        (Verblijf.ASIEL_BEPAALDE_TIJD, {"leerroute": "onderwijsroute", "map_uren": ""}),
        (Verblijf.REGULIER_GEZIN, {"leerroute": "b1_route"}),
    ],
    ids=["z-route", "onderwijsroute", "gezinsmigrant"],
)
def test_geschatte_uren_geweigerd_buiten_b1_route_van_asielstatushouder(
    client, weert, kr_weert, verblijf, velden
):
    dossier = gevestigd_dossier(weert, verblijf=verblijf)
    versie = concept(dossier, kr_weert)

    response = _opslaan(client, dossier, versie, geschatte_uren_b1="600", **velden)

    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert list(fouten) == ["geschatte_uren_b1"]
    assert fouten["geschatte_uren_b1"][0].startswith(MELDING)
    assert "Laat dit veld leeg." in fouten["geschatte_uren_b1"][0]
    html = response.content.decode()
    assert MELDING in html
    assert 'id="id_geschatte_uren_b1_error"' in html
    versie.refresh_from_db()
    assert (versie.leerroute, versie.geschatte_uren_b1) == ("b1_route", None)

    # Without the estimate the same plan is saved.
    response = _opslaan(client, dossier, versie, geschatte_uren_b1="", **velden)
    assert response.status_code == 302, response.context["form"].errors


@pytest.mark.parametrize("uren", ["0", "10000", "12.5"])
def test_geschatte_uren_binnen_duos_grenzen(client, dossier, kr_weert, uren):
    versie = concept(dossier, kr_weert)
    response = _opslaan(client, dossier, versie, geschatte_uren_b1=uren)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["geschatte_uren_b1"]


def test_de_regel_komt_uit_de_motor_en_blokkeert_ook_aanbieden(dossier, kr_weert):
    # Set behind the form's back (a later route change by an import, say): the engine still
    # refuses, on the PIP page and when submitting, with DUO's rule as the grondslag.
    versie = concept(dossier, kr_weert, leerroute="z_route", niveau="", geschatte_uren_b1=600)

    controle = regelcheck.controleer(dossier, versie)
    assert [m.code for m in controle.weigeringen] == ["INTENSITEIT_NIET_TOEGESTAAN"]
    melding = controle.weigeringen[0]
    assert melding.veld == "geschatte_uren_b1"
    assert melding.grondslagen == (gs.PIP_INTENSITEIT_B1,)
    assert controle.aanlever_weigeringen == ()  # counted once, as a content refusal

    versie.pip.refresh_from_db()
    with pytest.raises(services.PipFout, match="INTENSITEIT_NIET_TOEGESTAAN"):
        services.ter_goedkeuring_aanbieden(
            pip_versie=versie, versie=versie.pip.versie, door=kr_weert
        )
    versie.refresh_from_db()
    assert versie.status == PipVersie.Status.CONCEPT


def test_service_weigert_met_het_veld_erbij(dossier, kr_weert):
    versie = concept(dossier, kr_weert)
    with pytest.raises(services.InhoudFout) as fout:
        services.concept_opslaan(
            pip_versie=versie,
            versie=versie.pip.versie,
            door=kr_weert,
            gegevens={"leerroute": "z_route", "niveau": "", "geschatte_uren_b1": 600},
            activiteiten=[],
            doelen=[],
        )
    assert [m.veld for m in fout.value.meldingen] == ["geschatte_uren_b1"]
    assert "INTENSITEIT_NIET_TOEGESTAAN" in str(fout.value)


def test_een_nieuwe_versie_neemt_beide_over(dossier, kr_weert, tl_weert):
    eerste = vastgesteld(
        dossier, kr_weert, tl_weert, geschatte_uren_b1=1200, mag_opleiding_afmaken=True
    )
    pip = eerste.pip
    pip.refresh_from_db()

    tweede = services.pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)

    assert tweede.nummer == 2
    tweede.refresh_from_db()
    assert (tweede.geschatte_uren_b1, tweede.mag_opleiding_afmaken) == (1200, True)


def test_pip_pagina_en_beschikking_tonen_ze_als_ze_gezet_zijn(client, dossier, kr_weert, tl_weert):
    versie = vastgesteld(
        dossier, kr_weert, tl_weert, geschatte_uren_b1=1200, mag_opleiding_afmaken=True
    )
    client.force_login(kr_weert)
    html = client.get(reverse("plans:pip", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert "Geschatte uren B1-route" in html
    assert "1200 uur in totaal (taalcursus en KNM)" in html
    assert "Huidige opleiding" in html
    assert "Mag eerst worden afgemaakt, vóór de start van de leerroute" in html

    beschikking = pdf_tekst(bytes(versie.documenten.get(soort=Document.Soort.BESCHIKKING).inhoud))
    assert "Geschatte uren B1-route 1200 uur in totaal (taalcursus en KNM)" in beschikking
    assert "U mag uw huidige opleiding eerst afmaken." in beschikking


def test_niet_getoond_als_ze_niet_gezet_zijn(client, dossier, kr_weert, tl_weert):
    versie = vastgesteld(dossier, kr_weert, tl_weert)
    client.force_login(kr_weert)
    html = client.get(reverse("plans:pip", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert "Geschatte uren B1-route" not in html
    assert "Huidige opleiding" not in html
    beschikking = pdf_tekst(bytes(versie.documenten.get(soort=Document.Soort.BESCHIKKING).inhoud))
    assert "Geschatte uren B1-route" not in beschikking
    assert "huidige opleiding" not in beschikking
