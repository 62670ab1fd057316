"""The command ``regie rules evaluate PATH|-`` (rules-contract.md).

``main`` receives the arguments after ``rules``. It prints one JSON object on stdout and
returns 0; input that does not fit the contract returns 2 with one line on stderr naming the
field, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from regie.rules.fouten import InvoerFout
from regie.rules.invoer import lees_invoer
from regie.rules.motor import evalueer_invoer

GEBRUIK = "gebruik: regie rules evaluate PAD|-   (PAD: scenario als JSON; '-' leest stdin)"
EXIT_OK = 0
EXIT_INTERNE_FOUT = 1
EXIT_INVOERFOUT = 2


def _weiger_constante(naam: str) -> object:
    # json accepts NaN and Infinity by default; they are not JSON and not valid input.
    raise InvoerFout("invoer", f"geen geldige JSON: {naam} is geen JSON-getal")


def _lees_tekst(pad: str) -> str:
    if pad == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    else:
        bestand = Path(pad)
        if not bestand.is_file():
            raise InvoerFout("bestand", f"bestaat niet of is geen bestand: {pad}")
        try:
            data = bestand.read_bytes()
        except OSError as fout:
            raise InvoerFout("bestand", f"kan {pad} niet lezen: {fout.strerror}") from None
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise InvoerFout("invoer", f"geen UTF-8 (byte {fout.start})") from None


def lees_json(pad: str) -> object:
    tekst = _lees_tekst(pad)
    try:
        return json.loads(tekst, parse_constant=_weiger_constante)
    except json.JSONDecodeError as fout:
        raise InvoerFout(
            "invoer", f"geen geldige JSON (regel {fout.lineno}, kolom {fout.colno}): {fout.msg}"
        ) from None
    except RecursionError:
        raise InvoerFout("invoer", "JSON is te diep genest") from None


def _schrijf(stream: TextIO, tekst: str) -> None:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(tekst.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(tekst)


def _fout(melding: str) -> None:
    regel = " ".join(melding.split())
    _schrijf(sys.stderr, f"regie rules: {regel}\n")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args and args[0] in ("-h", "--help", "help"):
        _schrijf(sys.stdout, GEBRUIK + "\n")
        return EXIT_OK
    if len(args) != 2 or args[0] != "evaluate":
        _fout(f"onbekende aanroep {' '.join(args) or '(leeg)'}; {GEBRUIK}")
        return EXIT_INVOERFOUT
    try:
        uitkomst = evalueer_invoer(lees_invoer(lees_json(args[1])))
        uitvoer = json.dumps(uitkomst.als_json(), ensure_ascii=False, indent=2)
    except InvoerFout as fout:
        _fout(f"ongeldige invoer: {fout}")
        return EXIT_INVOERFOUT
    except Exception as fout:  # a bug in the engine: still one line, never a traceback
        _fout(f"interne fout in de regelmotor ({type(fout).__name__}): {fout}")
        return EXIT_INTERNE_FOUT
    _schrijf(sys.stdout, uitvoer + "\n")
    return EXIT_OK
