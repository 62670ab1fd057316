"""The route split is calibrated on the region's own first PIPs once there are at least 30."""

from __future__ import annotations

import pytest

from regie.forecasting import selectors
from regie.forecasting.models import PrognoseParameters, Taakstelling

pytestmark = pytest.mark.django_db


def _invoer(telling):
    gemeenten = [t.gemeente for t in Taakstelling.objects.filter(jaar=2022, halfjaar=1)]
    parameters = PrognoseParameters.objects.get()
    return selectors.prognose_invoer(
        gemeenten=gemeenten,
        rijen=selectors.taakstellingen([g.pk for g in gemeenten]),
        parameters=parameters,
        budget={},
        vanaf_jaar=2022,
        routetelling=telling,
    )


def test_minder_dan_dertig_eigen_pips_gebruikt_de_parameters(demo):
    invoer = _invoer({"z_route": 5, "b1_route": 20, "onderwijsroute": 4})
    assert invoer.verdeling == pytest.approx((0.15, 0.60, 0.25))
    assert invoer.verdeling_bron.startswith("parameters")


def test_dertig_of_meer_eigen_pips_kalibreert(demo):
    invoer = _invoer({"z_route": 10, "b1_route": 10, "onderwijsroute": 10})
    assert invoer.dirichlet_alpha == pytest.approx((10.15, 10.60, 10.25))
    assert invoer.verdeling == pytest.approx((10.15 / 31, 10.6 / 31, 10.25 / 31))
    assert invoer.verdeling_bron == "eigen dossiers (n = 30)"


def test_ontbrekende_halfjaren_blijven_gelijk_aan_het_laatste(demo):
    invoer = _invoer(None)
    assert invoer.halfjaren[0] == (2022, 1) and invoer.halfjaren[-1] == (2024, 2)
    # 2023 and 2024 are not in the register: the framework's "stays the same" assumption.
    weert = invoer.gemeenten.index("Weert")
    assert invoer.taakstelling[weert] == (39.0,) * 6
    assert invoer.aangenomen[weert] == (False, False, True, True, True, True)
