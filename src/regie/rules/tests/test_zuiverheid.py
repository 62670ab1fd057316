"""The package stays pure: no Django, no clock, legal bases defined once, no magic numbers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parents[1]
BRONNEN = sorted(p for p in PAKKET.rglob("*.py") if "tests" not in p.relative_to(PAKKET).parts)
# The benchmark measures time on purpose; it is not part of the engine.
MOTOR = [p for p in BRONNEN if p.name != "bench.py"]
REGELS = [p for p in BRONNEN if p.parent.name in ("conclusies", "vragen")]


def _naam(pad: Path) -> str:
    return str(pad.relative_to(PAKKET))


def _boom(pad: Path) -> ast.Module:
    return ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))


@pytest.mark.parametrize("pad", BRONNEN, ids=_naam)
def test_geen_django(pad: Path) -> None:
    for knoop in ast.walk(_boom(pad)):
        if isinstance(knoop, ast.Import):
            assert not any(a.name.split(".")[0] == "django" for a in knoop.names)
        if isinstance(knoop, ast.ImportFrom):
            assert (knoop.module or "").split(".")[0] != "django"


@pytest.mark.parametrize("pad", MOTOR, ids=_naam)
def test_leest_de_klok_niet(pad: Path) -> None:
    verboden = {"today", "now", "utcnow", "time", "monotonic", "perf_counter", "localtime"}
    for knoop in ast.walk(_boom(pad)):
        if isinstance(knoop, ast.Attribute):
            assert knoop.attr not in verboden, f"{_naam(pad)}:{knoop.lineno} reads the clock"
        if isinstance(knoop, ast.Import | ast.ImportFrom):
            namen = [a.name for a in knoop.names]
            assert "time" not in namen and getattr(knoop, "module", None) != "time"


@pytest.mark.parametrize("pad", BRONNEN, ids=_naam)
def test_modules_blijven_klein(pad: Path) -> None:
    assert len(pad.read_text(encoding="utf-8").splitlines()) < 600


@pytest.mark.parametrize("pad", BRONNEN, ids=_naam)
def test_grondslagen_alleen_in_grondslagen_py(pad: Path) -> None:
    if pad.name == "grondslagen.py":
        return
    for knoop in ast.walk(_boom(pad)):
        if isinstance(knoop, ast.Call):
            functie = knoop.func
            naam = functie.id if isinstance(functie, ast.Name) else getattr(functie, "attr", "")
            assert naam != "Grondslag", f"{_naam(pad)}:{knoop.lineno} builds a Grondslag"


@pytest.mark.parametrize("pad", REGELS, ids=_naam)
def test_geen_getallen_in_regelcode(pad: Path) -> None:
    """Numbers of the law live in parameters.py; rule code may only count (0, 1)."""
    for knoop in ast.walk(_boom(pad)):
        if isinstance(knoop, ast.Constant) and type(knoop.value) in (int, float):
            assert knoop.value in (0, 1), f"{_naam(pad)}:{knoop.lineno} has literal {knoop.value}"
