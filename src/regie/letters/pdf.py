"""HTML to PDF with WeasyPrint. WeasyPrint is imported only when a PDF is made: it is a heavy
import (about 1.5 s) that no other request should pay for.

The HTML comes from Regie's own templates with autoescaping; WeasyPrint may still only load
``data:`` URLs (the logo), never a file or a network address.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "css/print.css"


def _ophaler() -> Any:
    """A URL fetcher that only knows ``data:`` (WeasyPrint refuses every other scheme)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def _stylesheet() -> str:
    pad = finders.find(STYLESHEET)
    if not pad:
        raise FileNotFoundError(STYLESHEET)
    return Path(pad).read_text(encoding="utf-8")


def html_maken(template: str, context: dict[str, Any]) -> str:
    return render_to_string(template, context)


def pdf_maken(html: str) -> bytes:
    """Render one HTML document (A4, print.css) to PDF bytes."""
    from weasyprint import CSS, HTML

    ophaler = _ophaler()
    stylesheet = CSS(string=_stylesheet(), url_fetcher=ophaler)
    return HTML(string=html, url_fetcher=ophaler).write_pdf(stylesheets=[stylesheet])
