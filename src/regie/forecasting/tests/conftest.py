from __future__ import annotations

import pytest


@pytest.fixture
def fb_weert(weert):
    """A functioneel beheerder: maintains the register and the forecast parameters."""
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(username="fb.weert", rollen=[("functioneel_beheerder", weert)])


@pytest.fixture
def demo(weert, nederweert, cranendonck):
    """The framework's register (17/14/39 per half year in 2021 and 2022) and parameters v1."""
    from regie.forecasting.services import vul_demo_taakstelling

    vul_demo_taakstelling()
