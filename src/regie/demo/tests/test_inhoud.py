"""The demo's intakes and PIPs agree with its timeline, open on the screens, feed the policy
dashboard, and come out the same for the same seed."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from regie.accounts.models import Gebruiker
from regie.accounts.permissions import heeft_recht
from regie.demo import generator
from regie.dossiers.models import Dossier, Fase, TijdlijnFeit
from regie.intake import advies as advies_regels
from regie.intake import selectors as intake_selectors
from regie.intake import volledigheid
from regie.intake.models import BredeIntake
from regie.plans import selectors as plans_selectors
from regie.plans.models import Pip, PipVersie
from regie.plans.services import intake_bezwaren

PEILDATUM = date(2026, 11, 1)  # as the browser tests
Soort = TijdlijnFeit.Soort


@pytest.fixture
def demo(db: Any) -> None:
    generator.bouw("demo", seed=2022, peildatum=PEILDATUM)


def _feiten(soort: str) -> dict[Any, TijdlijnFeit]:
    return {f.dossier_id: f for f in TijdlijnFeit.objects.filter(soort=soort)}


def _als_json(waarde: Any) -> Any:
    return json.loads(json.dumps(waarde))


def test_elke_afgeronde_intake_volgt_de_tijdlijn(demo: None) -> None:
    intakefeiten = _feiten(Soort.BREDE_INTAKE_AFGEROND)
    pipfeiten = _feiten(Soort.PIP_VASTGESTELD)
    intakes = {
        i.dossier_id: i
        for i in BredeIntake.objects.select_related("dossier__inburgeraar", "besluit_door")
    }
    assert len(intakefeiten) > 100
    for dossier_id, feit in intakefeiten.items():
        intake = intakes[dossier_id]
        assert intake.afgerond_op == feit.datum
        assert intake.gestart_op <= intake.besluit_op.date() <= intake.afgerond_op
        assert volledigheid.ontbrekend(intake_selectors.stand_van(intake)) == ()
        # The fact carries the decision, as intake_afronden records it.
        assert feit.gegevens == {
            "leerroute": intake.leerroute,
            "niveau": intake.niveau,
            "alfabetisering": intake.alfabetisering,
        }
        pip = pipfeiten.get(dossier_id)
        if pip is not None:
            assert intake.leerroute == pip.gegevens["leerroute"]
            # The Z-route's fact leaves the level empty; the decision can only be A1.
            assert intake.niveau == (pip.gegevens["niveau"] or "A1")
        # The stored advice is the advice for the intake's facts on the day of the decision.
        advies = intake_selectors.advies_voor(
            intake, dossier=intake.dossier, peildatum=intake.besluit_op.date()
        )
        assert intake.advies_bij_besluit == _als_json(advies.als_json())
        afwijking = advies_regels.wijkt_af(
            advies,
            leerroute=intake.leerroute,
            niveau=intake.niveau,
            alfabetisering=intake.alfabetisering,
        )
        assert intake.advies_gevolgd is not afwijking
        assert bool(intake.motivatie_afwijking.strip()) is afwijking
        assert intake.besluit_door is not None
    # No completed intake without its fact; started ones only in phase intake.
    for dossier_id, intake in intakes.items():
        if dossier_id not in intakefeiten:
            assert not intake.is_afgerond
            assert intake.dossier.fase == Fase.INTAKE
    gevolgd = sum(1 for i in intakes.values() if i.advies_gevolgd)
    assert 0.65 < gevolgd / len(intakefeiten) < 0.95


def test_elk_vastgesteld_pip_heeft_een_vastgestelde_versie(demo: None) -> None:
    pipfeiten = _feiten(Soort.PIP_VASTGESTELD)
    versies = {
        v.pip.dossier_id: v
        for v in PipVersie.objects.select_related("pip__dossier", "vastgesteld_door")
    }
    assert len(pipfeiten) > 100
    assert set(versies) == set(pipfeiten)
    for dossier_id, feit in pipfeiten.items():
        versie = versies[dossier_id]
        assert versie.nummer == 1
        assert versie.status == PipVersie.Status.VASTGESTELD
        assert versie.dagtekening == feit.datum
        assert versie.leerroute == feit.gegevens["leerroute"]
        assert (versie.niveau or None) == feit.gegevens["niveau"]
        # Four eyes: submitted by the case manager, adopted by a teamleider with the right.
        assert versie.vastgesteld_door != versie.ingediend_door
        gemeente_id = versie.pip.dossier.regie_gemeente_id
        assert heeft_recht(versie.vastgesteld_door, "plans.pip_vaststellen", gemeente_id)
        assert versie.ingediend_op <= versie.vastgesteld_op
        assert versie.pip.versie >= 3  # started, submitted, adopted
        assert versie.beoordelingen.count() == 1


def test_een_dossier_in_fase_pip_kan_zijn_pip_starten(demo: None) -> None:
    dossiers = list(Dossier.objects.filter(fase=Fase.PIP))
    assert dossiers
    for dossier in dossiers:
        assert intake_bezwaren(intake_selectors.intake_voor_pip(dossier)) == []


def test_intake_en_pip_openen_voor_de_klantregisseur(demo: None, client: Any) -> None:
    werkkom = Gebruiker.objects.get(username="kr.werkkom")
    client.force_login(werkkom)
    traject = (
        Dossier.objects.filter(
            fase=Fase.TRAJECT, pip__versies__activiteiten__isnull=False, klantregisseur=werkkom
        )
        .order_by("nummer")
        .first()
    )
    assert traject is not None
    overzicht = client.get(reverse("intake:overzicht", kwargs={"dossier_id": traject.pk}))
    assert overzicht.status_code == 200
    assert "Afgerond op" in overzicht.content.decode()
    pagina = client.get(reverse("plans:pip", kwargs={"dossier_id": traject.pk}))
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Vastgesteld door" in html
    assert "Duale activiteiten" in html
    pip_fase = Dossier.objects.filter(fase=Fase.PIP).order_by("nummer").first()
    assert pip_fase is not None
    pagina = client.get(reverse("plans:pip", kwargs={"dossier_id": pip_fase.pk}))
    assert pagina.status_code == 200
    assert "PIP starten" in pagina.content.decode()


def test_het_beleidsdashboard_telt_routeadvies_en_dualiteit(demo: None) -> None:
    alle = Dossier.objects.all()
    geheel = BredeIntake.objects.filter(afgerond_op__isnull=False).count()
    afwijkend = sum(r["aantal"] for r in intake_selectors.route_afwijkingen(alle))
    assert {r["gemeente_id"] for r in intake_selectors.route_afwijkingen(alle)} == set(
        alle.values_list("regie_gemeente_id", flat=True)
    )
    assert geheel == len(_feiten(Soort.BREDE_INTAKE_AFGEROND))
    assert 0 < afwijkend < 0.35 * geheel
    met_pip = Pip.objects.count()
    met_activiteit = sum(r["aantal"] for r in plans_selectors.duale_trajecten(alle))
    assert met_pip == len(_feiten(Soort.PIP_VASTGESTELD))
    assert 0.2 * met_pip < met_activiteit < 0.6 * met_pip
    # The key dates the dashboard reads were stored for every dossier (regie.dossiers.kengetallen).
    assert alle.exclude(eerste_pip_op=None).count() == met_pip
