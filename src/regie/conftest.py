"""Shared fixtures: the region's municipalities and users per role, built with factories."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _standaardtaal() -> Iterator[None]:
    """Every test starts in the default language (Dutch). A request through the test client
    leaves its language active in the thread (LocaleMiddleware), which would otherwise leak
    into the next test on the same worker."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _geen_netwerk(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Tests never reach the network, except loopback (live server, PostgreSQL)."""
    if request.node.get_closest_marker("browser"):
        return
    original = socket.socket.connect

    def guarded(self, address):  # type: ignore[no-untyped-def]
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (
            host.startswith("127.") or host in {"localhost", "::1"} or host.startswith("/")
        ):
            raise RuntimeError(f"network access in a test: {address!r}")
        return original(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def weert(db):
    from regie.tests.factories import GemeenteFactory

    return GemeenteFactory(cbs_code="0988", naam="Weert")


@pytest.fixture
def nederweert(db):
    from regie.tests.factories import GemeenteFactory

    return GemeenteFactory(cbs_code="0946", naam="Nederweert")


@pytest.fixture
def cranendonck(db):
    from regie.tests.factories import GemeenteFactory

    return GemeenteFactory(cbs_code="1706", naam="Cranendonck")


@pytest.fixture
def kr_weert(weert):
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(username="kr.weert", rollen=[("klantregisseur", weert)])


@pytest.fixture
def kr_nederweert(nederweert):
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(username="kr.nederweert", rollen=[("klantregisseur", nederweert)])


@pytest.fixture
def kr_werkkom(weert, nederweert, cranendonck):
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(
        username="kr.werkkom",
        rollen=[("klantregisseur", g) for g in (weert, nederweert, cranendonck)],
    )


@pytest.fixture
def bm_weert(weert):
    """A policy officer (aggregates only) for Weert."""
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(username="bm.weert", rollen=[("beleidsmedewerker", weert)])


@pytest.fixture
def bm_regio(weert, nederweert, cranendonck):
    """A policy officer for the whole region."""
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(
        username="bm.regio",
        rollen=[("beleidsmedewerker", g) for g in (weert, nederweert, cranendonck)],
    )


@pytest.fixture(scope="module")
def audit_zonder_triggers(django_db_setup, django_db_blocker) -> Iterator[None]:
    """For tests with committed transactions (``transaction=True``): the database is emptied
    after each test, which the audit table's append-only triggers refuse (audit migration
    0002). Lifted for the module and restored with the migration's own SQL afterwards; the
    append-only guarantee itself is tested in ``regie.audit.tests``."""
    import importlib

    from django.db import connection

    triggers = importlib.import_module("regie.audit.migrations.0002_append_only")
    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        triggers.backwards(None, editor)
    try:
        yield
    finally:
        with django_db_blocker.unblock(), connection.schema_editor() as editor:
            triggers.forwards(None, editor)
