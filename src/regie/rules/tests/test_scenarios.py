"""Every worked scenario in shared/domain/scenarios passes, via the API and via the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regie.rules import evalueer
from regie.rules.cli import main
from regie.rules.tests.hulp import bevat, lees_json, shared_map, vind_shared


def _scenarios() -> list[str]:
    shared = vind_shared()
    if shared is None:
        return ["<shared ontbreekt>"]
    namen = sorted(
        p.name.removesuffix(".json")
        for p in (shared / "domain" / "scenarios").glob("*.json")
        if not p.name.endswith(".expected.json")
    )
    return namen


SCENARIOS = _scenarios()


def _paden(naam: str) -> tuple[Path, Path]:
    map_ = shared_map() / "domain" / "scenarios"
    return map_ / f"{naam}.json", map_ / f"{naam}.expected.json"


def test_er_zijn_scenarios() -> None:
    shared_map()
    assert len(SCENARIOS) >= 13


@pytest.mark.parametrize("naam", SCENARIOS)
def test_scenario_via_api(naam: str) -> None:
    invoer, verwacht = _paden(naam)
    uitkomst = evalueer(lees_json(invoer)).als_json()
    assert bevat(lees_json(verwacht), uitkomst) == []


@pytest.mark.parametrize("naam", SCENARIOS)
def test_scenario_via_cli(naam: str, capsys: pytest.CaptureFixture[str]) -> None:
    invoer, verwacht = _paden(naam)
    assert main(["evaluate", str(invoer)]) == 0
    uit = capsys.readouterr()
    assert uit.err == ""
    assert bevat(lees_json(verwacht), json.loads(uit.out)) == []


@pytest.mark.parametrize("naam", SCENARIOS)
def test_scenario_heeft_grondslag_voor_elke_conclusie(naam: str) -> None:
    invoer, _ = _paden(naam)
    uitkomst = evalueer(lees_json(invoer)).als_json()
    for sleutel, waarde in uitkomst["conclusies"].items():
        if waarde is not None:
            grondslagen = uitkomst["grondslagen"][sleutel]
            assert grondslagen, sleutel
            for g in grondslagen:
                assert set(g) == {"regeling", "artikel", "zekerheid"}
                assert g["zekerheid"] in {"C", "S", "R", "UNCONFIRMED"}
        assert uitkomst["trace"][sleutel], sleutel
    for antwoord in uitkomst["antwoorden"]:
        assert antwoord["grondslag"]
        assert antwoord["toegestaan"] is (antwoord["redenen"] == [])
