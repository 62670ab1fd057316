"""Four eyes: a klantregisseur submits, a different teamleider adopts or rejects. Adoption
records the engine's timeline fact, the audit event and the phase change, and the term the
engine computes starts the day after the first dagtekening and never moves after that."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Fase, TijdlijnFeit
from regie.letters.models import Document
from regie.plans import regelcheck, services
from regie.plans.models import Beoordeling, PipVersie
from regie.plans.tests.conftest import (
    DAGTEKENING,
    concept,
    indienen_en_vaststellen,
    vastgesteld,
)
from regie.tests.factories import GebruikerFactory


def _ter_goedkeuring(dossier, door):
    versie = concept(dossier, door)
    versie.pip.refresh_from_db()
    return services.ter_goedkeuring_aanbieden(
        pip_versie=versie, versie=versie.pip.versie, door=door
    )


def _beoordeel(client, dossier, **data):
    versie = PipVersie.objects.get(pip__dossier=dossier, status="ter_goedkeuring")
    versie.pip.refresh_from_db()
    return client.post(
        reverse("plans:beoordelen", kwargs={"dossier_id": dossier.pk}),
        {"versie": versie.pip.versie, "dagtekening": "2024-07-10", **data},
    )


def test_klantregisseur_mag_niet_beoordelen(client, dossier, kr_weert):
    _ter_goedkeuring(dossier, kr_weert)
    client.force_login(kr_weert)
    url = reverse("plans:beoordelen", kwargs={"dossier_id": dossier.pk})
    assert client.get(url).status_code == 403
    assert (
        _beoordeel(client, dossier, besluit="vaststellen", dagtekening="2024-07-10").status_code
        == 403
    )
    assert PipVersie.objects.get().status == "ter_goedkeuring"


def test_wie_aanbiedt_stelt_niet_zelf_vast(client, weert, dossier):
    # One person who is both klantregisseur and teamleider still needs a second pair of eyes.
    from regie.plans.tests.conftest import _met_recht_vaststellen

    _met_recht_vaststellen()
    beide = GebruikerFactory(rollen=[("klantregisseur", weert), ("teamleider", weert)])
    versie = _ter_goedkeuring(dossier, beide)
    versie.pip.refresh_from_db()
    with pytest.raises(services.VierOgenFout, match="vier ogen"):
        services.pip_vaststellen(
            pip_versie=versie, versie=versie.pip.versie, door=beide, dagtekening=DAGTEKENING
        )
    client.force_login(beide)
    response = _beoordeel(client, dossier, besluit="vaststellen", dagtekening="2024-07-10")
    assert response.status_code == 200
    assert "vier ogen" in response.content.decode()
    with pytest.raises(services.VierOgenFout):
        services.pip_afkeuren(
            pip_versie=versie, versie=versie.pip.versie, door=beide, reden="Niet goed"
        )
    assert PipVersie.objects.get().status == "ter_goedkeuring"


def test_teamleider_van_een_andere_gemeente_ziet_het_niet(client, dossier, kr_weert, tl_nederweert):
    _ter_goedkeuring(dossier, kr_weert)
    client.force_login(tl_nederweert)
    url = reverse("plans:beoordelen", kwargs={"dossier_id": dossier.pk})
    assert client.get(url).status_code == 404


def test_vaststellen(client, dossier, kr_weert, tl_weert):
    _ter_goedkeuring(dossier, kr_weert)
    pip_url = reverse("plans:pip", kwargs={"dossier_id": dossier.pk})
    beoordelen_url = reverse("plans:beoordelen", kwargs={"dossier_id": dossier.pk})
    client.force_login(kr_weert)
    html = client.get(pip_url).content.decode()
    assert "Dit PIP ligt ter goedkeuring bij een teamleider." in html
    assert beoordelen_url not in html
    client.force_login(tl_weert)
    assert beoordelen_url in client.get(pip_url).content.decode()
    scherm = client.get(reverse("plans:beoordelen", kwargs={"dossier_id": dossier.pk}))
    assert scherm.status_code == 200
    assert "De regels staan dit PIP toe." in scherm.content.decode()

    response = _beoordeel(client, dossier, besluit="vaststellen", dagtekening="2024-07-10")

    assert response.status_code == 302
    versie = PipVersie.objects.get()
    assert (versie.status, versie.dagtekening, versie.vastgesteld_door) == (
        "vastgesteld",
        DAGTEKENING,
        tl_weert,
    )
    assert Beoordeling.objects.get().besluit == "vastgesteld"
    feit = TijdlijnFeit.objects.get(dossier=dossier, soort="pip_vastgesteld")
    assert (feit.datum, feit.gegevens, feit.actor) == (
        DAGTEKENING,
        {"leerroute": "b1_route", "niveau": None},
        tl_weert,
    )
    dossier.refresh_from_db()
    assert dossier.fase == Fase.TRAJECT
    besluit = AuditGebeurtenis.objects.get(
        object_type="pip_versie", gegevens__besluit="vastgesteld"
    )
    assert (besluit.actor, besluit.actie, besluit.object_id) == (
        tl_weert,
        "wijzigen",
        str(versie.pk),
    )
    assert besluit.gegevens["nummer"] == 1
    assert besluit.gegevens["dagtekening"] == "2024-07-10"
    assert besluit.gegevens["ingediend_door"] == kr_weert.pk
    assert AuditGebeurtenis.objects.filter(actie="fase_wijzigen", dossier_id=dossier.pk).exists()
    documenten = versie.documenten.order_by("soort", "taal")
    assert [(d.soort, d.taal) for d in documenten] == [
        ("beschikking", "nl"),
        ("ontwikkelplan", "ar"),
        ("ontwikkelplan", "en"),
        ("ontwikkelplan", "nl"),
    ]
    assert all(bytes(d.inhoud).startswith(b"%PDF-") for d in documenten)


def test_afkeuren_met_reden(client, dossier, kr_weert, tl_weert):
    _ter_goedkeuring(dossier, kr_weert)
    client.force_login(tl_weert)
    zonder = _beoordeel(client, dossier, besluit="afkeuren", reden="  ")
    assert zonder.status_code == 200
    assert "Geef een reden" in zonder.content.decode()

    response = _beoordeel(client, dossier, besluit="afkeuren", reden="Niveau klopt niet met LBT")

    assert response.status_code == 302
    versie = PipVersie.objects.get()
    assert versie.status == "concept"
    beoordeling = Beoordeling.objects.get()
    assert (beoordeling.besluit, beoordeling.reden, beoordeling.door) == (
        "afgekeurd",
        "Niveau klopt niet met LBT",
        tl_weert,
    )
    assert not TijdlijnFeit.objects.filter(soort="pip_vastgesteld").exists()
    event = AuditGebeurtenis.objects.get(object_type="pip_versie", gegevens__besluit="afgekeurd")
    assert event.actor == tl_weert
    client.force_login(kr_weert)
    html = client.get(reverse("plans:concept", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert "Niveau klopt niet met LBT" in html


def test_dagtekening_niet_in_de_toekomst(client, dossier, kr_weert, tl_weert):
    _ter_goedkeuring(dossier, kr_weert)
    client.force_login(tl_weert)
    response = _beoordeel(client, dossier, besluit="vaststellen", dagtekening="2999-01-01")
    assert response.status_code == 200
    assert PipVersie.objects.get().status == "ter_goedkeuring"


def test_termijn_start_dag_na_eerste_dagtekening_en_verschuift_niet(
    client, dossier, kr_weert, tl_weert
):
    eerste = vastgesteld(dossier, kr_weert, tl_weert)
    termijn = regelcheck.termijn(dossier)
    assert (termijn["start"], termijn["eind"]) == (date(2024, 7, 11), date(2027, 7, 10))
    assert termijn["start"] == eerste.dagtekening + (date(2024, 7, 11) - date(2024, 7, 10))

    pip = eerste.pip
    pip.refresh_from_db()
    tweede = services.pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)
    PipVersie.objects.filter(pk=tweede.pk).update(
        dagtekening=date(2025, 1, 15), leerroute="z_route", niveau="A1"
    )
    tweede.refresh_from_db()
    indienen_en_vaststellen(tweede, kr_weert, tl_weert)

    termijn = regelcheck.termijn(dossier)
    assert (termijn["start"], termijn["eind"]) == (date(2024, 7, 11), date(2027, 7, 10))
    client.force_login(kr_weert)
    html = client.get(reverse("plans:pip", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert '<time datetime="2024-07-11" id="termijn-start">11 juli 2024</time>' in html
    assert '<time datetime="2027-07-10" id="termijn-eind">10 juli 2027</time>' in html
    assert "Wet inburgering 2021, artikel 11" in html


def test_wijziging_met_eerdere_dagtekening_geweigerd(dossier, kr_weert, tl_weert):
    eerste = vastgesteld(dossier, kr_weert, tl_weert)
    pip = eerste.pip
    pip.refresh_from_db()
    tweede = services.pip_wijzigen(pip=pip, versie=pip.versie, door=kr_weert)
    PipVersie.objects.filter(pk=tweede.pk).update(dagtekening=date(2024, 6, 1))
    tweede.refresh_from_db()
    assert [m.code for m in regelcheck.controleer(dossier, tweede).weigeringen] == [
        "DAGTEKENING_VOOR_EERDERE_PIP"
    ]


def test_mislukt_vaststellen_laat_niets_achter(dossier, kr_weert, tl_weert, monkeypatch):
    versie = _ter_goedkeuring(dossier, kr_weert)

    def kapot(*args, **kwargs):
        raise RuntimeError("renderer down")

    monkeypatch.setattr("regie.letters.pdf.pdf_maken", kapot)
    versie.pip.refresh_from_db()
    with pytest.raises(RuntimeError):
        services.pip_vaststellen(
            pip_versie=versie, versie=versie.pip.versie, door=tl_weert, dagtekening=DAGTEKENING
        )
    versie.refresh_from_db()
    assert versie.status == "ter_goedkeuring"
    assert not TijdlijnFeit.objects.filter(soort="pip_vastgesteld").exists()
    assert not Document.objects.exists()
    dossier.refresh_from_db()
    assert dossier.fase == Fase.PIP
