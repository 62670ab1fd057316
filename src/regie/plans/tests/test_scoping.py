"""Scoping: another municipality's PIP does not exist for you (404), and the authorisation
matrix lines proposed for ``regie/tests/test_autorisatiematrix.py`` hold."""

from __future__ import annotations

import pytest
from django.urls import reverse

from regie.plans.models import PipVersie
from regie.plans.tests.conftest import concept, vastgesteld
from regie.tests.test_autorisatiematrix import Regel, _vraag, wereld  # noqa: F401

# To be copied into MATRIX (test_autorisatiematrix.py). The approval screen is the
# teamleider's: a klantregisseur (the matrix's "eigen" user) gets 403.
MATRIX_PLANS = {
    "plans:pip": Regel(object=True, andere_gemeente=404),
    "plans:starten": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "plans:concept": Regel(object=True, andere_gemeente=404, eigen=302),
    "plans:indienen": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "plans:wijzigen": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "plans:beoordelen": Regel(object=True, andere_gemeente=403, eigen=403),
    "plans:ontwikkelplan": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "letters:documenten": Regel(object=True, andere_gemeente=404),
}


@pytest.mark.parametrize("naam", sorted(MATRIX_PLANS))
def test_matrixregels(client, wereld, naam):  # noqa: F811
    regel = MATRIX_PLANS[naam]
    dossier = wereld["dossier"]
    assert _vraag(client, naam, regel, dossier).status_code == regel.anoniem
    client.force_login(wereld["bm"])
    assert _vraag(client, naam, regel, dossier).status_code == regel.verkeerde_rol
    client.force_login(wereld["kr_nederweert"])
    assert _vraag(client, naam, regel, dossier).status_code == regel.andere_gemeente
    client.force_login(wereld[regel.wie])
    assert _vraag(client, naam, regel, dossier).status_code == regel.eigen


def test_beoordelen_voor_de_teamleider(client, weert, tl_weert):
    from regie.tests.factories import DossierFactory

    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(tl_weert)
    response = client.get(reverse("plans:beoordelen", kwargs={"dossier_id": dossier.pk}))
    assert response.status_code == 302  # nothing to decide yet: back to the PIP page


def test_andere_gemeente_krijgt_404(client, dossier, kr_weert, tl_weert, kr_nederweert):
    versie = vastgesteld(dossier, kr_weert, tl_weert)
    document = versie.documenten.first()
    client.force_login(kr_nederweert)
    kw = {"dossier_id": dossier.pk}
    assert client.get(reverse("plans:pip", kwargs=kw)).status_code == 404
    assert client.get(reverse("plans:concept", kwargs=kw)).status_code == 404
    for naam in ("plans:indienen", "plans:wijzigen", "plans:starten"):
        assert client.post(reverse(naam, kwargs=kw), {"versie": 1}).status_code == 404
    ontwikkelplan = client.post(
        reverse("plans:ontwikkelplan", kwargs=kw), {"nummer": 1, "taal": "nl"}
    )
    assert ontwikkelplan.status_code == 404
    download = client.get(reverse("letters:documenten", kwargs=kw), {"document": document.pk})
    assert download.status_code == 404
    assert PipVersie.objects.get().status == "vastgesteld"


def test_document_van_een_ander_dossier_in_eigen_gemeente(client, weert, dossier, kr_weert):
    from regie.plans.tests.conftest import gevestigd_dossier

    ander = gevestigd_dossier(weert)
    concept(dossier, kr_weert)
    client.force_login(kr_weert)
    from regie.letters.models import Document

    document = Document.objects.create(
        dossier=dossier,
        soort="beschikking",
        titel="t",
        bestandsnaam="t.pdf",
        inhoud=b"%PDF-1.7",
        grootte=8,
        sha256="0" * 64,
    )
    url = reverse("letters:documenten", kwargs={"dossier_id": ander.pk})
    assert client.get(url, {"document": document.pk}).status_code == 404
    assert client.get(url, {"document": "geen-uuid"}).status_code == 404
