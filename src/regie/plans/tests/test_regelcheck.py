"""The engine's check before finalising: every refusal shown with its code, explanation and
grondslag, and a refused version cannot be submitted or adopted. Plus the content checks the
engine drives: no MAP in the onderwijsroute (Wi art. 8(3)), ontzorgen only with a right."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from regie.dossiers.models import Verblijf
from regie.plans import regelcheck, services
from regie.plans.models import PipVersie
from regie.plans.tests.conftest import concept, gevestigd_dossier
from regie.tests.factories import TijdlijnFeitFactory


@pytest.mark.parametrize(
    ("plan", "code", "artikel"),
    [
        (
            {"leerroute": "onderwijsroute", "niveau": "A2"},
            "A2_MET_ONDERWIJSROUTE",
            "PIP API (SDI014): niveau A2 niet met onderwijsroute, B1 niet met Z-route",
        ),
        (
            {"leerroute": "z_route", "niveau": "B1"},
            "B1_MET_ZROUTE",
            "PIP API (SDI014): niveau A2 niet met onderwijsroute, B1 niet met Z-route",
        ),
        (
            {"leerroute": "b1_route", "niveau": "A2"},
            "A2_B1ROUTE_EERSTE_PIP",
            "PIP API (SDI014): A2 met B1-route niet in het eerste PIP",
        ),
        (
            {"dagtekening": date(2024, 4, 20)},
            "DAGTEKENING_VOOR_VESTIGING",
            "PIP API (SDI014): dagtekening niet vóór vestiging in de gemeente",
        ),
    ],
    ids=["a2-onderwijsroute", "b1-zroute", "a2-b1route-eerste-pip", "voor-vestiging"],
)
def test_weigering_getoond_en_blokkerend(client, dossier, kr_weert, plan, code, artikel):
    versie = concept(dossier, kr_weert, **plan)

    controle = regelcheck.controleer(dossier, versie)
    assert [m.code for m in controle.weigeringen] == [code]
    grondslag = controle.weigeringen[0].grondslagen[0]
    assert (grondslag.regeling, grondslag.artikel, grondslag.zekerheid) == (
        "DUO Inburgeringsketen M2M gegevensuitwisseling",
        artikel,
        "C",
    )

    client.force_login(kr_weert)
    pagina = client.get(reverse("plans:pip", kwargs={"dossier_id": dossier.pk}))
    html = pagina.content.decode()
    assert code in html
    assert controle.weigeringen[0].toelichting in html
    assert artikel in html
    assert '<span class="regie-tag" title="zekerheid van de bron">C</span>' in html
    indienen = reverse("plans:indienen", kwargs={"dossier_id": dossier.pk})
    assert f'action="{indienen}"' not in html

    versie.pip.refresh_from_db()
    response = client.post(indienen, {"versie": versie.pip.versie}, follow=True)
    assert "kan niet ter goedkeuring worden aangeboden" in response.content.decode()
    versie.refresh_from_db()
    assert versie.status == PipVersie.Status.CONCEPT


def test_toegestaan_zonder_niveau_registreert_duo_b1(client, dossier, kr_weert):
    versie = concept(dossier, kr_weert)
    controle = regelcheck.controleer(dossier, versie)
    assert controle.toegestaan
    assert controle.niveau_vastgesteld == "B1"
    assert controle.termijn_start_als_vastgesteld.waarde == date(2024, 7, 11)
    assert controle.map_vereist.waarde is True
    client.force_login(kr_weert)
    html = client.get(reverse("plans:pip", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert "De regels staan dit PIP toe." in html
    assert reverse("plans:indienen", kwargs={"dossier_id": dossier.pk}) in html


def test_vaststellen_wordt_ook_geweigerd(dossier, kr_weert, tl_weert):
    versie = concept(dossier, kr_weert)
    versie.pip.refresh_from_db()
    versie = services.ter_goedkeuring_aanbieden(
        pip_versie=versie, versie=versie.pip.versie, door=kr_weert
    )
    versie.pip.refresh_from_db()
    with pytest.raises(services.PipFout, match="DAGTEKENING_VOOR_VESTIGING"):
        services.pip_vaststellen(
            pip_versie=versie, versie=versie.pip.versie, door=tl_weert, dagtekening=date(2024, 4, 1)
        )
    versie.refresh_from_db()
    assert versie.status == PipVersie.Status.TER_GOEDKEURING


def test_geen_map_in_de_onderwijsroute(client, dossier, kr_weert):
    versie = concept(dossier, kr_weert)
    with pytest.raises(services.PipFout) as fout:
        services.concept_opslaan(
            pip_versie=versie,
            versie=versie.pip.versie,
            door=kr_weert,
            gegevens={"leerroute": "onderwijsroute", "niveau": "B1", "map_uren": 64},
            activiteiten=[],
            doelen=[],
        )
    assert "MAP_NIET_IN_ROUTE" in str(fout.value)
    assert "Wet inburgering 2021, artikel 8 lid 3" in str(fout.value)
    versie.refresh_from_db()
    assert (versie.leerroute, versie.map_uren) == ("b1_route", None)

    # Set behind the form's back, submitting is still refused.
    PipVersie.objects.filter(pk=versie.pk).update(leerroute="onderwijsroute", map_uren=64)
    versie.refresh_from_db()
    versie.pip.refresh_from_db()
    with pytest.raises(services.PipFout, match="MAP_NIET_IN_ROUTE"):
        services.ter_goedkeuring_aanbieden(
            pip_versie=versie, versie=versie.pip.versie, door=kr_weert
        )


def _met_bijstand(dossier):
    TijdlijnFeitFactory(dossier=dossier, soort="bijstand_gestart", datum=date(2024, 6, 1))
    return dossier


def test_ontzorgen_alleen_met_recht(client, weert, kr_weert):
    met_recht = _met_bijstand(gevestigd_dossier(weert))
    zonder_recht = gevestigd_dossier(weert)
    nareiziger = _met_bijstand(
        gevestigd_dossier(weert, verblijf=Verblijf.NAREIZIGER_REGULIER)
    )  # law.md scenario 33: asielstatushouder, but no ontzorgen (Pw art. 56a)
    client.force_login(kr_weert)
    for dossier, recht in ((met_recht, True), (zonder_recht, False), (nareiziger, False)):
        versie = concept(dossier, kr_weert)
        assert regelcheck.controleer(dossier, versie).ontzorgen_recht is recht
        form = client.get(reverse("plans:concept", kwargs={"dossier_id": dossier.pk})).context[
            "form"
        ]
        assert ("ontzorgen" in form.fields) is recht
        versie.pip.refresh_from_db()
        opslaan = {
            "pip_versie": versie,
            "versie": versie.pip.versie,
            "door": kr_weert,
            "gegevens": {"ontzorgen": True, "ontzorgen_toelichting": "huur en energie"},
            "activiteiten": [],
            "doelen": [],
        }
        if recht:
            assert services.concept_opslaan(**opslaan).ontzorgen is True
        else:
            with pytest.raises(services.PipFout) as fout:
                services.concept_opslaan(**opslaan)
            assert "ONTZORGEN_GEEN_RECHT" in str(fout.value)
            assert "Participatiewet, artikel 56a" in str(fout.value)


def test_aanbieder_zonder_keurmerk_is_een_waarschuwing(dossier, kr_weert):
    versie = concept(dossier, kr_weert, aanbieder_naam="Taalhuis", aanbieder_keurmerk=False)
    controle = regelcheck.controleer(dossier, versie)
    assert controle.toegestaan
    assert [m.code for m in controle.waarschuwingen] == ["GEEN_KEURMERK"]


def test_gezinsmigrant_krijgt_geen_aanbiedervelden(client, weert, kr_weert):
    dossier = gevestigd_dossier(
        weert, verblijf=Verblijf.REGULIER_GEZIN, doelgroep="gezinsmigrant_overig"
    )
    concept(dossier, kr_weert)
    client.force_login(kr_weert)
    form = client.get(reverse("plans:concept", kwargs={"dossier_id": dossier.pk})).context["form"]
    assert "aanbieder" not in form.fields
