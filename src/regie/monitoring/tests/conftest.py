from __future__ import annotations

import pytest


@pytest.fixture
def bm_twee(weert, nederweert):
    """A policy officer for Weert and Nederweert, not Cranendonck."""
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(
        username="bm.twee", rollen=[("beleidsmedewerker", g) for g in (weert, nederweert)]
    )
