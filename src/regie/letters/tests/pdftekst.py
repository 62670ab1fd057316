"""Text from a PDF, for tests (pypdf)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_tekst(pdf: bytes) -> str:
    """All text of the PDF, whitespace collapsed to single spaces."""
    tekst = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", tekst).strip()
