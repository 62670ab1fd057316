from __future__ import annotations

import pytest


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
def bm_twee(weert, nederweert):
    """A policy officer for Weert and Nederweert, not Cranendonck."""
    from regie.tests.factories import GebruikerFactory

    return GebruikerFactory(
        username="bm.twee", rollen=[("beleidsmedewerker", g) for g in (weert, nederweert)]
    )
