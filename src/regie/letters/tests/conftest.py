"""The letters a PIP produces are tested end to end, with the PIP's fixtures."""

from regie.plans.tests.conftest import dossier, intake, tl_weert  # noqa: F401
