"""Users for the intake tests: with and without the separate health rights.

The health rights (``intake.view_gezondheid``/``change_gezondheid``) are given through a role of
their own here, so these tests hold whether or not the standard klantregisseur role has them.
"""

from __future__ import annotations

import pytest

from regie.tests.factories import GebruikerFactory


def _rol(code: str, rechten: list[str]):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import Permission

    from regie.accounts.models import Rol

    rol, _nieuw = Rol.objects.get_or_create(code=code, defaults={"naam": code})
    for recht in rechten:
        app_label, codename = recht.split(".")
        rol.rechten.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return rol


@pytest.fixture
def kr_gezondheid(weert):
    """A Weert case manager who may read and change health data."""
    _rol("test_gezondheid", ["intake.view_gezondheid", "intake.change_gezondheid"])
    return GebruikerFactory(
        username="kr.gezondheid",
        rollen=[("klantregisseur", weert), ("test_gezondheid", weert)],
    )


@pytest.fixture
def kr_gezondheid_lezen(weert):
    """May read health data, not change it (whatever the klantregisseur role holds)."""
    _rol("test_zonder_gezondheid", ["dossiers.view_dossier", "dossiers.change_dossier"])
    _rol("test_gezondheid_lezen", ["intake.view_gezondheid"])
    return GebruikerFactory(
        username="kr.gezondheid.lezen",
        rollen=[("test_zonder_gezondheid", weert), ("test_gezondheid_lezen", weert)],
    )


@pytest.fixture
def kr_zonder_gezondheid(weert):
    """May read and change dossiers and intakes, not health data."""
    _rol("test_zonder_gezondheid", ["dossiers.view_dossier", "dossiers.change_dossier"])
    return GebruikerFactory(
        username="kr.zonder.gezondheid", rollen=[("test_zonder_gezondheid", weert)]
    )
