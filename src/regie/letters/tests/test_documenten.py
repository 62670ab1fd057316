"""Downloads: scoped to the dossier's municipality, every read audited, documents immutable;
the ontwikkelplan language choice opens (or, for a language added later, makes) the PDF."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.letters.models import Document, Tekstblok
from regie.letters.teksten import SLEUTELS
from regie.plans.tests.conftest import vastgesteld


@pytest.fixture
def versie(dossier, kr_weert, tl_weert):
    return vastgesteld(dossier, kr_weert, tl_weert)


def test_lijst_en_download(client, dossier, kr_weert, versie):
    client.force_login(kr_weert)
    url = reverse("letters:documenten", kwargs={"dossier_id": dossier.pk})
    lijst = client.get(url)
    assert lijst.status_code == 200
    assert len(lijst.context["documenten"]) == 4
    beschikking = versie.documenten.get(soort="beschikking")

    response = client.get(url, {"document": beschikking.pk})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="pip-{dossier.nummer}-v1-beschikking.pdf"'
    )
    assert response["Cache-Control"] == "no-store"
    assert response.content == bytes(beschikking.inhoud)
    gelezen = AuditGebeurtenis.objects.get(actie="lezen", object_type="document")
    assert (gelezen.actor, gelezen.object_id, gelezen.dossier_id) == (
        kr_weert,
        str(beschikking.pk),
        dossier.pk,
    )
    assert gelezen.gegevens == {"soort": "beschikking", "taal": "nl"}


def test_documenten_zijn_onveranderlijk(versie):
    document = versie.documenten.first()
    document.titel = "anders"
    with pytest.raises(PermissionError):
        document.save()


def test_taalkeuze_opent_het_ontwikkelplan(client, dossier, kr_weert, versie):
    client.force_login(kr_weert)
    pagina = client.get(reverse("plans:pip", kwargs={"dossier_id": dossier.pk})).content.decode()
    assert '<option value="ar" lang="ar" dir="rtl" selected>العربية</option>' in pagina

    response = client.post(
        reverse("plans:ontwikkelplan", kwargs={"dossier_id": dossier.pk}),
        {"nummer": 1, "taal": "ar"},
    )

    arabisch = versie.documenten.get(soort="ontwikkelplan", taal="ar")
    assert response.status_code == 302
    assert response["Location"].endswith(f"?document={arabisch.pk}")
    assert client.get(response["Location"]).content == bytes(arabisch.inhoud)


def test_later_toegevoegde_taal(client, dossier, kr_weert, versie):
    Tekstblok.objects.bulk_create(
        Tekstblok(sleutel=s, taal="ti", tekst="ትግርኛ" if s == "taal.naam" else f"ti {s}")
        for s in SLEUTELS
    )
    client.force_login(kr_weert)
    url = reverse("plans:ontwikkelplan", kwargs={"dossier_id": dossier.pk})

    response = client.post(url, {"nummer": 1, "taal": "ti"})

    nieuw = versie.documenten.get(soort="ontwikkelplan", taal="ti")
    assert response["Location"].endswith(f"?document={nieuw.pk}")
    assert client.post(url, {"nummer": 1, "taal": "ti"})["Location"] == response["Location"]
    assert Document.objects.filter(taal="ti").count() == 1
    onbekend = client.post(url, {"nummer": 1, "taal": "xx"}, follow=True)
    assert "niet alle teksten" in onbekend.content.decode()
