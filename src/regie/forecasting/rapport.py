"""The council report (raadsrapportage) as PDF, rendered by WeasyPrint from the same table and
chart objects as the screens. WeasyPrint is imported here only (a heavy import)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone


def _geen_externe_bronnen(url: str, *args: Any, **kwargs: Any) -> Any:
    # The report is self-contained (inline SVG, one stylesheet passed in): fetch nothing.
    raise ValueError(f"the council report loads no external resources ({url[:40]})")


def raadsrapport_html(**context: Any) -> str:
    from regie.monitoring.privacy import opmaak

    return render_to_string(
        "forecasting/raadsrapport.html",
        {**context, "datum": timezone.localdate(), "runs_tekst": opmaak(context["uitkomst"].runs)},
    )


def raadsrapport_pdf(**context: Any) -> bytes:
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    html = raadsrapport_html(**context)
    stylesheet = CSS(filename=finders.find("css/beleid.css"), url_fetcher=_geen_externe_bronnen)
    return HTML(string=html, url_fetcher=_geen_externe_bronnen).write_pdf(stylesheets=[stylesheet])
