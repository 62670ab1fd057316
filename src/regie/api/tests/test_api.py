"""API: same scoping and audit as the screens, token auth, problem+json errors."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from regie.audit.models import AuditGebeurtenis
from regie.tests.factories import DossierFactory, GebruikerFactory


def _token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_lijst_is_beperkt_tot_eigen_gemeente(weert, nederweert, kr_weert):
    eigen = DossierFactory(regie_gemeente=weert)
    DossierFactory(regie_gemeente=nederweert)
    response = _token_client(kr_weert).get(reverse("api:dossier-lijst"))
    assert response.status_code == 200
    assert [d["id"] for d in response.json()["results"]] == [str(eigen.pk)]
    assert AuditGebeurtenis.objects.filter(actie="lijst").count() == 1


def test_detail_van_andere_gemeente_is_404_als_problem_json(weert, nederweert, kr_weert):
    ander = DossierFactory(regie_gemeente=nederweert)
    response = _token_client(kr_weert).get(
        reverse("api:dossier-detail", kwargs={"dossier_id": ander.pk})
    )
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
    assert response.json()["title"] == "Niet gevonden"


def test_detail_met_tijdlijn_en_leesgebeurtenis(weert, kr_weert):
    dossier = DossierFactory(regie_gemeente=weert)
    response = _token_client(kr_weert).get(
        reverse("api:dossier-detail", kwargs={"dossier_id": dossier.pk})
    )
    body = response.json()
    assert body["inburgeraar"]["bsn"] == dossier.inburgeraar.bsn
    assert body["regie_gemeente"] == "0988"
    assert AuditGebeurtenis.objects.filter(actie="lezen", dossier_id=dossier.pk).count() == 1


def test_zoeken_op_bsn_via_post(weert, nederweert, kr_weert):
    gezocht = DossierFactory(regie_gemeente=weert)
    ander = DossierFactory(regie_gemeente=nederweert)
    client = _token_client(kr_weert)
    url = reverse("api:dossier-zoeken")
    response = client.post(url, {"bsn": gezocht.inburgeraar.bsn}, format="json")
    assert [d["id"] for d in response.json()] == [str(gezocht.pk)]
    response = client.post(url, {"bsn": ander.inburgeraar.bsn}, format="json")
    assert response.json() == []


def test_ongeldige_invoer_geeft_invalid_params(kr_weert):
    response = _token_client(kr_weert).post(
        reverse("api:dossier-zoeken"), {"bsn": "123456789"}, format="json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["invalid_params"] == [
        {"name": "bsn", "reason": "Dit BSN voldoet niet aan de elfproef."}
    ]


def test_anoniem_krijgt_401_met_problem_json():
    response = APIClient().get(reverse("api:dossier-lijst"))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert "Token" in response["WWW-Authenticate"]


def test_verkeerde_rol_krijgt_403(weert):
    beleid = GebruikerFactory(rollen=[("beleidsmedewerker", weert)])
    response = _token_client(beleid).get(reverse("api:dossier-lijst"))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the committed schema is generated with the default (SQLite) settings; make check "
    "compares it there",
)
def test_openapi_schema_is_actueel():
    """The committed openapi.yaml equals what the code generates (also checked in make check)."""
    from pathlib import Path

    from django.conf import settings
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiYamlRenderer

    schema = SchemaGenerator().get_schema(request=None, public=True)
    generated = OpenApiYamlRenderer().render(schema, renderer_context={}).decode()
    committed = (Path(settings.BASE_DIR) / "openapi.yaml").read_text()
    assert generated == committed, "openapi.yaml is out of date: run 'make openapi'"
