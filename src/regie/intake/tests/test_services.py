"""The intake's services: starting, saving sections under a version lock, the test, the
decision, and completing (completeness, timeline fact, phase change, audit)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Fase, TijdlijnFeit
from regie.intake import services
from regie.intake.models import BredeIntake, Leerbaarheidstoets
from regie.intake.tests.factories import (
    BredeIntakeFactory,
    LeerbaarheidstoetsFactory,
    PositieveGezondheidScoreFactory,
)
from regie.tests.factories import DossierFactory, GebruikerFactory

pytestmark = pytest.mark.django_db


def _acties(dossier, object_type):
    return list(
        AuditGebeurtenis.objects.filter(dossier_id=dossier.pk, object_type=object_type)
        .order_by("volgnummer")
        .values_list("actie", flat=True)
    )


# --- Starting ---------------------------------------------------------------------------------


def test_eerste_opslag_start_de_intake_al_bij_koppeling(weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert, fase=Fase.GEKOPPELD, vestiging_datum=None)
    dossier.inburgeraar.talen = ["Arabisch"]
    dossier.inburgeraar.save()
    intake = services.sectie_opslaan(
        dossier=dossier,
        door=kr_weert,
        sectie="werkervaring",
        versie=0,
        gegevens={"jaren_werkervaring": 4, "beroepen": "Lasser", "werkervaring_nederland": ""},
    )
    assert intake.versie == 1
    assert intake.jaren_werkervaring == 4
    # What registration knew about the person is the starting point of the language section.
    assert intake.gesproken_talen == ["Arabisch"]
    dossier.refresh_from_db()
    assert dossier.fase == Fase.INTAKE
    assert _acties(dossier, "brede_intake") == ["aanmaken", "wijzigen"]
    assert _acties(dossier, "dossier") == ["fase_wijzigen"]


def test_starten_laat_een_latere_fase_met_rust(weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert, fase=Fase.PIP)
    services.intake_starten(dossier=dossier, door=kr_weert)
    dossier.refresh_from_db()
    assert dossier.fase == Fase.PIP


def test_een_gesloten_dossier_krijgt_geen_intake(weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert, fase=Fase.BEEINDIGD)
    with pytest.raises(services.ServiceFout):
        services.intake_starten(dossier=dossier, door=kr_weert)
    assert not BredeIntake.objects.exists()


def test_twee_keer_starten_geeft_een_conflict(weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    services.intake_starten(dossier=dossier, door=kr_weert)
    with pytest.raises(services.GelijktijdigGewijzigd):
        services.sectie_opslaan(
            dossier=dossier,
            door=kr_weert,
            sectie="netwerk",
            versie=0,
            gegevens={"netwerk": "beperkt", "contacten": "", "maatje_gewenst": ""},
        )


# --- Locking ----------------------------------------------------------------------------------


def _taal(intake, dossier, door, versie, **velden):
    gegevens = {"moedertaal": "Arabisch", **velden}
    return services.sectie_opslaan(
        dossier=dossier, door=door, sectie="taal", versie=versie, gegevens=gegevens
    )


def test_opslaan_met_verouderde_versie_wordt_geweigerd(weert, kr_weert):
    collega = GebruikerFactory(rollen=[("klantregisseur", weert)])
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    versie = intake.versie
    _taal(intake, intake.dossier, kr_weert, versie, taal_toelichting="eerste")
    with pytest.raises(services.GelijktijdigGewijzigd) as fout:
        _taal(intake, intake.dossier, collega, versie, taal_toelichting="tweede")
    assert "intussen door iemand anders gewijzigd" in str(fout.value)
    intake.refresh_from_db()
    assert intake.taal_toelichting == "eerste"
    assert intake.versie == versie + 1
    assert intake.gewijzigd_door == kr_weert


def test_opeenvolgende_opslagen_met_de_nieuwe_versie_lukken(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    eerst = _taal(intake, intake.dossier, kr_weert, intake.versie, taal_toelichting="a")
    daarna = _taal(intake, intake.dossier, kr_weert, eerst.versie, taal_toelichting="ab")
    assert daarna.versie == intake.versie + 2


def test_ongewijzigde_invoer_schrijft_niets(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, moedertaal="Arabisch")
    na = _taal(intake, intake.dossier, kr_weert, intake.versie)
    assert na.versie == intake.versie
    assert _acties(intake.dossier, "brede_intake") == []


def test_audit_noemt_de_gewijzigde_velden_niet_de_inhoud(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    services.sectie_opslaan(
        dossier=intake.dossier,
        door=kr_weert,
        sectie="eigen_doelen",
        versie=intake.versie,
        gegevens={"eigen_doelen": "Mijn geheime droom", "taal_persoon": "ar"},
    )
    event = AuditGebeurtenis.objects.get(object_type="brede_intake", actie="wijzigen")
    assert event.gegevens["velden"] == ["eigen_doelen", "taal_persoon"]
    assert "geheime droom" not in str(event.gegevens)


def test_eigen_woorden_worden_precies_bewaard(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    tekst = '  <script>alert("x")</script> Ik wil "zelf" koken & werken.\r\n'
    intake = services.sectie_opslaan(
        dossier=intake.dossier,
        door=kr_weert,
        sectie="eigen_doelen",
        versie=intake.versie,
        gegevens={"eigen_doelen": tekst, "taal_persoon": "nl"},
    )
    intake.refresh_from_db()
    assert intake.eigen_doelen == tekst


def test_onbekend_veld_is_een_programmeerfout(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    with pytest.raises(ValueError):
        services.sectie_opslaan(
            dossier=intake.dossier,
            door=kr_weert,
            sectie="taal",
            versie=intake.versie,
            gegevens={"eigen_doelen": "via de verkeerde sectie"},
        )


# --- Leerbaarheidstoets -----------------------------------------------------------------------


def test_lbt_resultaat_volgt_uit_de_scores(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    toets = services.lbt_opslaan(
        dossier=intake.dossier,
        door=kr_weert,
        versie=intake.versie,
        gegevens={"afgenomen_op": date(2026, 1, 12), "score": 41, "vereiste_score": 50},
    )
    assert toets.resultaat == "onvoldoende"
    assert toets.is_afgerond
    assert _acties(intake.dossier, "leerbaarheidstoets") == ["wijzigen"]
    intake.refresh_from_db()
    assert intake.versie == 2


def test_lbt_overgeslagen_met_reden_telt_als_afgerond(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    toets = services.lbt_opslaan(
        dossier=intake.dossier,
        door=kr_weert,
        versie=intake.versie,
        gegevens={"overgeslagen": True, "reden_overslaan": "zintuiglijke_beperking"},
    )
    assert toets.is_afgerond
    assert not Leerbaarheidstoets(overgeslagen=True, reden_overslaan="anders").is_afgerond


# --- Route decision ---------------------------------------------------------------------------


def _besluit(intake, door, **keuze):
    args = {
        "leerroute": "b1_route",
        "niveau": "B1",
        "alfabetisering": "AA",
        "duale_opties": ["Werkervaringsplek"],
        **keuze,
    }
    return services.routebesluit_vastleggen(
        dossier=intake.dossier, door=door, versie=intake.versie, **args
    )


def test_besluit_volgens_advies_bewaart_het_advies(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, secties_volledig=True)
    LeerbaarheidstoetsFactory(intake=intake)
    intake = _besluit(intake, kr_weert)
    assert intake.advies_gevolgd is True
    assert intake.advies_bij_besluit["leerroute"]["waarde"] == "b1_route"
    assert intake.advies_bij_besluit["leerroute"]["regel"]["code"] == "route_b1_standaard"
    assert intake.duale_opties == ["Werkervaringsplek"]


def test_afwijken_zonder_motivatie_wordt_geweigerd(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, secties_volledig=True)
    LeerbaarheidstoetsFactory(intake=intake)
    with pytest.raises(services.ServiceFout, match="motivatie"):
        _besluit(intake, kr_weert, leerroute="z_route", niveau="A1")
    intake = _besluit(
        intake, kr_weert, leerroute="z_route", niveau="A1", motivatie_afwijking="Psychisch zwaar"
    )
    assert intake.advies_gevolgd is False


def test_niveau_moet_bij_de_route_passen(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    with pytest.raises(services.ServiceFout):
        _besluit(intake, kr_weert, leerroute="onderwijsroute", niveau="A2")


# --- Completing -------------------------------------------------------------------------------


def test_onvolledige_intake_kan_niet_worden_afgerond_en_noemt_wat_ontbreekt(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, hoogste_opleiding="basis")
    with pytest.raises(services.OnvolledigeIntake) as fout:
        services.intake_afronden(dossier=intake.dossier, door=kr_weert, versie=intake.versie)
    ontbrekend = fout.value.ontbrekend
    assert [o.split(":")[0] for o in ontbrekend] == [
        "Werkervaring",
        "Taal",
        "Leerbaarheidstoets",
        "Positieve gezondheid",
        "Eigen doelen",
        "Routebesluit",
    ]
    intake.refresh_from_db()
    assert intake.afgerond_op is None
    assert not TijdlijnFeit.objects.filter(soort="brede_intake_afgerond").exists()


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_afronden_legt_het_feit_vast_en_zet_de_fase_op_pip(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True)
    dossier = intake.dossier
    assert dossier.fase == Fase.INTAKE
    services.intake_afronden(dossier=dossier, door=kr_weert, versie=intake.versie)
    intake.refresh_from_db()
    dossier.refresh_from_db()
    assert intake.afgerond_op == date(2026, 3, 2)
    assert intake.afgerond_door == kr_weert
    feit = TijdlijnFeit.objects.get(dossier=dossier, soort="brede_intake_afgerond")
    assert feit.datum == date(2026, 3, 2)
    assert feit.gegevens == {"leerroute": "b1_route", "niveau": "B1", "alfabetisering": "AA"}
    assert dossier.fase == Fase.PIP
    assert AuditGebeurtenis.objects.filter(
        dossier_id=dossier.pk, object_type="brede_intake", gegevens__onderdeel="afronden"
    ).exists()


def test_afronden_laat_een_andere_fase_met_rust(weert, kr_weert):
    intake = BredeIntakeFactory(
        dossier__regie_gemeente=weert, dossier__fase=Fase.GEKOPPELD, volledig=True
    )
    services.intake_afronden(dossier=intake.dossier, door=kr_weert, versie=intake.versie)
    intake.dossier.refresh_from_db()
    assert intake.dossier.fase == Fase.GEKOPPELD
    assert TijdlijnFeit.objects.filter(soort="brede_intake_afgerond").count() == 1


def test_afgeronde_intake_is_niet_meer_te_wijzigen_maar_metingen_wel(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True)
    intake = services.intake_afronden(dossier=intake.dossier, door=kr_weert, versie=intake.versie)
    with pytest.raises(services.IntakeAfgerond):
        _taal(intake, intake.dossier, kr_weert, intake.versie, taal_toelichting="later")
    with pytest.raises(services.IntakeAfgerond):
        services.intake_afronden(dossier=intake.dossier, door=kr_weert, versie=intake.versie)
    meting = services.meting_toevoegen(
        dossier=intake.dossier,
        door=kr_weert,
        datum=date(2026, 6, 1),
        scores=dict.fromkeys(
            (
                "lichaamsfuncties",
                "mentaal_welbevinden",
                "zingeving",
                "kwaliteit_van_leven",
                "meedoen",
                "dagelijks_functioneren",
            ),
            7,
        ),
    )
    assert meting.intake == intake


def test_afronden_met_verouderde_versie_wordt_geweigerd(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert, volledig=True)
    with pytest.raises(services.GelijktijdigGewijzigd):
        services.intake_afronden(dossier=intake.dossier, door=kr_weert, versie=intake.versie - 1)


def test_meting_met_score_buiten_0_tot_10_wordt_geweigerd(weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    scores = {
        "lichaamsfuncties": 11,
        "mentaal_welbevinden": 5,
        "zingeving": 5,
        "kwaliteit_van_leven": 5,
        "meedoen": 5,
        "dagelijks_functioneren": 5,
    }
    with pytest.raises(services.ServiceFout):
        services.meting_toevoegen(
            dossier=intake.dossier, door=kr_weert, datum=date(2026, 1, 1), scores=scores
        )
    PositieveGezondheidScoreFactory(intake=intake)
    assert intake.positieve_gezondheid.count() == 1
