"""pytest hooks for the rules tests."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # The repo runs with --strict-markers; register the evidence-tag marker here, in the
    # rules package, rather than in pyproject.toml.
    config.addinivalue_line(
        "markers",
        "zekerheid(tag): the evidence tag (C/S/R/UNCONFIRMED) of the law.md rule a test rests on",
    )
