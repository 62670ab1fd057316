"""The command: one JSON object and exit 0; bad input exits 2 with one line naming the field."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from regie.rules import cli
from regie.rules.tests.hulp import PIP_2024_07_10, WEERT_VOOR_PIP, dossier


def _draai(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def _schrijf(tmp_path: Path, inhoud: Any, naam: str = "invoer.json") -> Path:
    pad = tmp_path / naam
    if isinstance(inhoud, bytes):
        pad.write_bytes(inhoud)
    elif isinstance(inhoud, str):
        pad.write_text(inhoud, encoding="utf-8")
    else:
        pad.write_text(json.dumps(inhoud), encoding="utf-8")
    return pad


def _geldig() -> dict[str, Any]:
    return dossier(
        "2024-07-20",
        [*WEERT_VOOR_PIP, PIP_2024_07_10],
        [{"actie": "afschalen", "datum": "2024-07-20"}],
    )


def test_geldige_invoer_geeft_een_json_object(tmp_path: Path, capsys) -> None:
    code, uit, fout = _draai(["evaluate", str(_schrijf(tmp_path, _geldig()))], capsys)
    assert code == 0
    assert fout == ""
    resultaat = json.loads(uit)
    assert set(resultaat) >= {"conclusies", "grondslagen", "antwoorden", "trace"}
    assert resultaat["conclusies"]["termijn_eind"] == "2027-07-10"
    assert uit.startswith("{\n  ")  # indent 2


def test_stdin_met_streepje(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    data = json.dumps(_geldig()).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, uit, _ = _draai(["evaluate", "-"], capsys)
    assert code == 0
    assert json.loads(uit)["conclusies"]["termijn_start"] == "2024-07-11"


def test_uitvoer_is_utf8_zonder_escapes(tmp_path: Path, capsys) -> None:
    # Without a bekendmaking the trace says "... op of vóór <peildatum>".
    invoer = dossier("2024-07-20", WEERT_VOOR_PIP[1:])
    code, uit, _ = _draai(["evaluate", str(_schrijf(tmp_path, invoer))], capsys)
    assert code == 0
    assert "vóór" in uit
    assert "\\u00f3" not in uit


def _met(pad: str, waarde: Any) -> dict[str, Any]:
    """A valid input with one field replaced (pad like 'gebeurtenissen.3.code')."""
    invoer = _geldig()
    doel: Any = invoer
    stappen = pad.split(".")
    for stap in stappen[:-1]:
        doel = doel[int(stap)] if isinstance(doel, list) else doel[stap]
    laatste = stappen[-1]
    if waarde is _WEG:
        del doel[laatste]
    elif isinstance(doel, list):
        doel[int(laatste)] = waarde
    else:
        doel[laatste] = waarde
    return invoer


_WEG = object()

SLECHTE_INVOER = [
    pytest.param(
        _met("gebeurtenissen.1.type", "verjaardag"),
        "gebeurtenissen[1].type",
        id="onbekend-gebeurtenistype",
    ),
    pytest.param(_met("peildatum", _WEG), "peildatum", id="peildatum-ontbreekt"),
    pytest.param(_met("peildatum", None), "peildatum", id="peildatum-null"),
    pytest.param(
        _met("gebeurtenissen.0.datum", "2024-02-30"),
        "gebeurtenissen[0].datum",
        id="datum-bestaat-niet",
    ),
    pytest.param(
        _met("gebeurtenissen.2.datum", "02-05-2024"),
        "gebeurtenissen[2].datum",
        id="datum-verkeerde-vorm",
    ),
    pytest.param(
        _met("gebeurtenissen.2.datum", "20240205"),
        "gebeurtenissen[2].datum",
        id="datum-zonder-streepjes",
    ),
    pytest.param(
        _met("gebeurtenissen.4.leerroute", "c1_route"),
        "gebeurtenissen[4].leerroute",
        id="onbekende-leerroute",
    ),
    pytest.param(_met("persoon.verblijf", "toerist"), "persoon.verblijf", id="onbekend-verblijf"),
    pytest.param(_met("persoon", _WEG), "persoon", id="persoon-ontbreekt"),
    pytest.param(
        _met("vragen.0.actie", "pip_verwijderen"), "vragen[0].actie", id="onbekende-actie"
    ),
    pytest.param(_met("vragen.0.datum", 20240720), "vragen[0].datum", id="datum-als-getal"),
    pytest.param(
        _met("gebeurtenissen", {"type": "koppeling"}),
        "gebeurtenissen",
        id="gebeurtenissen-geen-lijst",
    ),
    pytest.param(
        _met("parameters", [{"naam": "twaalf_weken", "waarde": 12, "geldig_vanaf": "2025-01-01"}]),
        "parameters[0].naam",
        id="onbekende-parameter",
    ),
    pytest.param([1, 2, 3], "invoer", id="geen-object"),
]


@pytest.mark.parametrize(("invoer", "veld"), SLECHTE_INVOER)
def test_slechte_invoer_exit_2_met_een_regel(
    invoer: Any, veld: str, tmp_path: Path, capsys
) -> None:
    code, uit, fout = _draai(["evaluate", str(_schrijf(tmp_path, invoer))], capsys)
    assert code == 2
    assert uit == ""
    assert fout.endswith("\n") and fout.count("\n") == 1, fout
    assert f" {veld}: " in fout, fout
    assert "Traceback" not in fout


@pytest.mark.parametrize(
    ("inhoud", "fragment"),
    [
        pytest.param('{"peildatum": "2024-01-01",', "geen geldige JSON", id="afgebroken-json"),
        pytest.param("", "geen geldige JSON", id="leeg-bestand"),
        pytest.param('{"peildatum": NaN}', "NaN", id="nan"),
        pytest.param(b"\xff\xfe{}", "geen UTF-8", id="geen-utf8"),
        pytest.param("[" * 100_000, "invoer", id="te-diep-genest"),
    ],
)
def test_ongeldige_json_exit_2(inhoud: Any, fragment: str, tmp_path: Path, capsys) -> None:
    code, uit, fout = _draai(["evaluate", str(_schrijf(tmp_path, inhoud))], capsys)
    assert code == 2
    assert uit == ""
    assert fout.count("\n") == 1 and fragment in fout, fout
    assert " invoer: " in fout


def test_bestand_bestaat_niet(tmp_path: Path, capsys) -> None:
    code, uit, fout = _draai(["evaluate", str(tmp_path / "weg.json")], capsys)
    assert (code, uit) == (2, "")
    assert fout.count("\n") == 1 and "weg.json" in fout and " bestand: " in fout


def test_map_in_plaats_van_bestand(tmp_path: Path, capsys) -> None:
    code, _, fout = _draai(["evaluate", str(tmp_path)], capsys)
    assert code == 2 and fout.count("\n") == 1


@pytest.mark.parametrize("argv", [[], ["evaluate"], ["evalueer", "x.json"], ["evaluate", "a", "b"]])
def test_verkeerde_aanroep(argv: list[str], capsys) -> None:
    code, uit, fout = _draai(argv, capsys)
    assert (code, uit) == (2, "")
    assert fout.count("\n") == 1 and "gebruik:" in fout


def test_help(capsys) -> None:
    code, uit, fout = _draai(["--help"], capsys)
    assert code == 0 and "evaluate" in uit and fout == ""


def test_interne_fout_geeft_een_regel_en_geen_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def stuk(_invoer: object) -> None:
        raise RuntimeError("kapot\nop twee regels")

    monkeypatch.setattr(cli, "evalueer_invoer", stuk)
    code, uit, fout = _draai(["evaluate", str(_schrijf(tmp_path, _geldig()))], capsys)
    assert (code, uit) == (1, "")
    assert fout.count("\n") == 1 and "RuntimeError" in fout


def test_python_m_regie_rules(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, _geldig())
    klaar = subprocess.run(
        [sys.executable, "-m", "regie.rules", "evaluate", str(pad)],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert klaar.returncode == 0, klaar.stderr
    assert json.loads(klaar.stdout.decode("utf-8"))["conclusies"]["regime"] == "wi2021"
    fout = subprocess.run(
        [sys.executable, "-m", "regie.rules", "evaluate", "-"],
        input=b'{"persoon": {}}',
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert fout.returncode == 2
    assert fout.stderr.decode("utf-8").count("\n") == 1
    assert b"Traceback" not in fout.stderr
