"""Text from a PDF for tests: ``pdftotext`` (poppler) if installed, else ``pypdf`` if
importable, else a small reader for what WeasyPrint writes (Flate streams, object streams,
Type0 fonts with a ToUnicode CMap, hex-string TJ/Tj). Neither poppler nor pypdf is installed
in this environment today, so the fallback is what runs; it handles only WeasyPrint's output."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path


def pdf_tekst(pdf: bytes) -> str:
    if shutil.which("pdftotext"):
        with tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / "rapport.pdf"
            pad.write_bytes(pdf)
            uit = subprocess.run(
                ["pdftotext", "-layout", str(pad), "-"], capture_output=True, check=True
            )
            return uit.stdout.decode()
    try:
        import pypdf  # type: ignore[import-not-found]
    except ImportError:
        return _weasyprint_tekst(pdf)
    import io

    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _objecten(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Object number -> (dictionary text, decoded stream or None), object streams unpacked."""
    objecten: dict[int, tuple[bytes, bytes | None]] = {}
    for m in _OBJ.finditer(pdf):
        nummer, inhoud = int(m.group(1)), m.group(2)
        s = _STREAM.search(inhoud)
        kop = inhoud[: s.start()] if s else inhoud
        data = s.group(1) if s else None
        if data is not None and b"FlateDecode" in kop:
            try:
                data = zlib.decompress(data)
            except zlib.error:
                data = None
        objecten[nummer] = (kop, data)
        if b"/ObjStm" in kop and data is not None:
            eerste = int(re.search(rb"/First (\d+)", kop).group(1))  # type: ignore[union-attr]
            kopgetallen = [int(x) for x in data[:eerste].split()]
            paren = list(zip(kopgetallen[::2], kopgetallen[1::2], strict=True))
            for i, (nr, offset) in enumerate(paren):
                einde = paren[i + 1][1] if i + 1 < len(paren) else len(data) - eerste
                objecten[nr] = (data[eerste + offset : eerste + einde], None)
    return objecten


def _cmap(data: bytes) -> dict[int, str]:
    kaart: dict[int, str] = {}
    for blok in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for bron, doel in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blok):
            kaart[int(bron, 16)] = bytes.fromhex(doel.decode()).decode("utf-16-be")
    for blok in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for a, b, doel in re.findall(
            rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", blok
        ):
            start = int(doel, 16)
            for i, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                kaart[code] = chr(start + i)
    return kaart


def _weasyprint_tekst(pdf: bytes) -> str:
    objecten = _objecten(pdf)
    fonts: dict[bytes, dict[int, str]] = {}
    for kop, _data in objecten.values():
        for naam, nummer in re.findall(rb"/([A-Za-z0-9+_.-]+) (\d+) 0 R", kop):
            doel = objecten.get(int(nummer))
            if doel and b"/ToUnicode" in doel[0]:
                tu = int(re.search(rb"/ToUnicode (\d+) 0 R", doel[0]).group(1))  # type: ignore[union-attr]
                fonts[naam] = _cmap(objecten[tu][1] or b"")
    delen: list[str] = []
    for kop, data in objecten.values():
        if data is None or b"BT" not in data or b"/Length1" in kop:
            continue
        kaart: dict[int, str] = {}
        for token in re.finditer(
            rb"/([A-Za-z0-9+_.-]+) [\d.]+ Tf|\[(.*?)\] ?TJ|<([0-9a-fA-F]*)> ?Tj|ET", data, re.S
        ):
            if token.group(1):
                kaart = fonts.get(token.group(1), {})
            elif token.group(0) == b"ET":
                delen.append(" ")
            else:
                hexen = re.findall(
                    rb"<([0-9a-fA-F]*)>", token.group(2) or b"<" + token.group(3) + b">"
                )
                for h in hexen:
                    delen.extend(kaart.get(int(h[i : i + 4], 16), "") for i in range(0, len(h), 4))
    return "".join(delen)
