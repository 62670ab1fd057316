"""R-03: schema-generated requests against the API, in-process (WSGI): the OpenAPI schema Regie
publishes is the contract, and every generated request — valid ones and deliberately invalid
ones — gets an answer that fits it: never a server error, always a documented status, content
type and body (problem+json for errors), and a request the schema forbids is refused.

One of Schemathesis' checks is left out: that every schema-valid request is *accepted*. Regie
validates more than JSON Schema can say (a BSN's elfproef, a known rule question, a rules
scenario that holds together); such a request is refused with 400 and a problem document,
which the other checks hold to the schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from regie.tests.factories import DossierFactory

# Generated requests per API operation, at least: 5 operations x 2,000 = 10,000 (targets
# Hypothesis is asked for some more, as it may stop a little early once it finds no new
# kinds of input.
PER_OPERATIE = 2_000
VOORBEELDEN = 2_400

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


# The API token of the case manager the tests call as (made by the fixture below).
SLEUTEL = "0123456789abcdef0123456789abcdef01234567"


@schema.auth()
class TokenAuthenticatie:
    """Tells Schemathesis how Regie's API is called, so its own authentication checks (a call
    without or with a wrong token must be refused) know what to leave out or spoil."""

    def get(self, case: Any, context: Any) -> str:
        return SLEUTEL

    def set(self, case: Any, data: str, context: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}


@pytest.fixture
def verzoeken() -> Iterator[list[str]]:
    """Counts the requests of one operation; fewer than PER_OPERATIE fails the test."""
    gedaan: list[str] = []
    yield gedaan
    assert len(gedaan) >= PER_OPERATIE, f"only {len(gedaan)} generated requests"


@pytest.fixture
def verbinding_blijft_open() -> Iterator[None]:
    """Called as a WSGI app, Django closes the database connection after every request
    (``request_finished``), and with it the test's transaction. Django's own test client
    switches that off for the duration of a request; the same here, for the whole test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def sleutel(db, weert, kr_weert, verbinding_blijft_open) -> str:
    """The API token of a case manager of Weert, with dossiers to find."""
    DossierFactory.create_batch(3, regie_gemeente=weert)
    return Token.objects.create(user=kr_weert, key=SLEUTEL).key


@schema.parametrize()
@settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_volgens_het_schema(case, sleutel, verzoeken):
    verzoeken.append(case.method)
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
