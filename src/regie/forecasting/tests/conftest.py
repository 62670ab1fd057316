from __future__ import annotations

import pytest


@pytest.fixture
def beheerrecht(db):
    """The change requested for accounts/rollen.py: the functioneel beheerder maintains the
    taakstelling and the forecast parameters. Until it lands, tests grant it here."""
    from django.contrib.auth.models import Permission

    from regie.accounts.models import Rol

    recht = Permission.objects.get(
        content_type__app_label="forecasting", codename="beheer_taakstelling"
    )
    Rol.objects.get(code="functioneel_beheerder").rechten.add(recht)
    return recht


@pytest.fixture
def fb_weert(weert, beheerrecht):
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(username="fb.weert", rollen=[("functioneel_beheerder", weert)])


@pytest.fixture
def bm_weert(weert):
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(username="bm.weert", rollen=[("beleidsmedewerker", weert)])


@pytest.fixture
def bm_regio(weert, nederweert, cranendonck):
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(
        username="bm.regio",
        rollen=[("beleidsmedewerker", g) for g in (weert, nederweert, cranendonck)],
    )


@pytest.fixture
def demo(weert, nederweert, cranendonck):
    """The framework's register (17/14/39 per half year in 2021 and 2022) and parameters v1."""
    from regie.forecasting.services import vul_demo_taakstelling

    vul_demo_taakstelling()
