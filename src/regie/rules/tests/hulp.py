"""Helpers shared by the rules tests: locating shared/, subset matching, a base dossier."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# property tests run >= 1,000 examples each. No example database in the repository,
# no per-example deadline (CI machines are noisy).
EIGENSCHAP = settings(max_examples=1000, deadline=None, database=None)


def vind_shared() -> Path | None:
    """shared/ sits beside the repository (<repo>/../shared) locally and in CI."""
    for map_ in Path(__file__).resolve().parents:
        kandidaat = map_ / "shared"
        if (kandidaat / "domain" / "scenarios").is_dir():
            return kandidaat
    return None


def shared_map() -> Path:
    shared = vind_shared()
    if shared is None:
        melding = "shared/domain/scenarios not found beside the repository"
        if os.environ.get("CI"):
            pytest.fail(melding)  # in CI shared/ is always there: missing is an error
        pytest.skip(melding)
    return shared


def lees_json(pad: Path) -> Any:
    return json.loads(pad.read_text(encoding="utf-8"))


def bevat(verwacht: Any, werkelijk: Any, pad: str = "$") -> list[str]:
    """Differences where ``werkelijk`` does not contain ``verwacht`` (rules-contract.md:
    expected is a subset; keys not listed may have any value; a list of ``redenen`` must
    contain at least the codes listed; other lists match element by element)."""
    if isinstance(verwacht, dict):
        if not isinstance(werkelijk, dict):
            return [f"{pad}: expected an object, got {werkelijk!r}"]
        fouten: list[str] = []
        for sleutel, waarde in verwacht.items():
            if sleutel not in werkelijk:
                fouten.append(f"{pad}.{sleutel}: missing")
            else:
                fouten += bevat(waarde, werkelijk[sleutel], f"{pad}.{sleutel}")
        return fouten
    if isinstance(verwacht, list):
        if not isinstance(werkelijk, list):
            return [f"{pad}: expected a list, got {werkelijk!r}"]
        if pad.endswith(".redenen"):
            ontbreekt = [code for code in verwacht if code not in werkelijk]
            return [f"{pad}: missing codes {ontbreekt} in {werkelijk}"] if ontbreekt else []
        if len(verwacht) != len(werkelijk):
            return [f"{pad}: expected {len(verwacht)} items, got {len(werkelijk)}"]
        fouten = []
        for i, (v, w) in enumerate(zip(verwacht, werkelijk, strict=True)):
            fouten += bevat(v, w, f"{pad}[{i}]")
        return fouten
    if verwacht != werkelijk or type(verwacht) is not type(werkelijk):
        return [f"{pad}: expected {verwacht!r}, got {werkelijk!r}"]
    return []


ERITREER = {
    "geboortedatum": "1999-04-12",
    "nationaliteit": "ERI",
    "verblijf": "asiel_bepaalde_tijd",
    "diplomas": [],
    "jaren_leerplichtig_in_nl": 0,
}

WEERT_VOOR_PIP = [
    {"type": "verblijfsrecht_bekendgemaakt", "datum": "2024-02-05"},
    {"type": "koppeling", "datum": "2024-03-01", "gemeente": "0988"},
    {"type": "vestiging", "datum": "2024-05-01", "gemeente": "0988"},
    {"type": "duo_gebeurtenis", "datum": "2024-05-02", "code": "SS139"},
]

PIP_2024_07_10 = {
    "type": "pip_vastgesteld",
    "datum": "2024-07-10",
    "leerroute": "b1_route",
    "niveau": "B1",
}


def dossier(
    peildatum: str,
    gebeurtenissen: list[dict[str, Any]] | None = None,
    vragen: list[dict[str, Any]] | None = None,
    **persoon: Any,
) -> dict[str, Any]:
    """The law.md §14 running example (Eritrean status holder, Weert) with changes."""
    return {
        "peildatum": peildatum,
        "persoon": {**copy.deepcopy(ERITREER), **persoon},
        "gebeurtenissen": copy.deepcopy(
            WEERT_VOOR_PIP if gebeurtenissen is None else gebeurtenissen
        ),
        "vragen": vragen or [],
    }
