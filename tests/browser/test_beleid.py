"""The policy view in a real browser: the dashboard per subgoal, the forecast with its fan
charts, the scenarios, the register and the council report, as the demo's policy officer.

Checks what the issue's "done when" names: the framework's table to the decimal, the region's
Monte Carlo fan chart with its 80 % and 95 % bands and a table beside it, the dashboard's KPIs per
municipality, no WCAG 2.1 AA violation, no request outside Regie, and no way into a dossier.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import axe_schendingen, beschrijf_schendingen

pytestmark = pytest.mark.browser

BELEIDSPAGINAS = [
    "/monitoring/",
    "/prognoses/",
    "/prognoses/scenarios/",
    "/prognoses/taakstelling/",
    "/prognoses/parameters/",
]


def _alleen_regie(sessie) -> None:
    vreemd = [u for u in sessie.verzoeken if not u.startswith(sessie.basis)]
    assert not vreemd, f"requests outside Regie: {vreemd}"
    assert not sessie.csp_meldingen(), sessie.csp_meldingen()


def test_beleidsmedewerker_ziet_tabel_van_het_beleidskader_en_waaiergrafiek(sessie, regio):
    s = sessie("bm.regio")
    # Logging in lands the policy officer on the dashboard, not on a caseload.
    expect(s.page).to_have_url(f"{regio.url}/monitoring/")
    s.vergeet()
    s.open("/prognoses/?jaar=2022")
    kader = s.page.locator("#tabel-deterministisch")
    totaal = kader.locator("tbody tr").filter(has_text="Totaal")
    for waarde in ("70", "10,5", "42", "17,5"):
        expect(totaal.get_by_role("cell", name=waarde, exact=True).first).to_be_visible()
    for gemeente, plichtig in (("Cranendonck", "17"), ("Nederweert", "14"), ("Weert", "39")):
        rij = kader.locator("tbody tr").filter(has_text=gemeente)
        expect(rij.get_by_role("cell", name=plichtig, exact=True).first).to_be_visible()

    # The region's fan chart: an SVG with a 95 % band, an 80 % band and a median line, a text
    # alternative, and a table with the same numbers beside it.
    grafiek = s.page.locator("figure svg").first
    expect(grafiek).to_be_visible()
    expect(grafiek).to_have_attribute("role", "img")
    assert grafiek.get_attribute("aria-labelledby") or grafiek.get_attribute("aria-label")
    figuur = s.page.locator("figure").first
    expect(figuur).to_contain_text("95 %")
    expect(figuur).to_contain_text("80 %")
    expect(figuur).to_contain_text("mediaan")
    assert figuur.locator("svg path, svg polygon").count() >= 2
    expect(figuur.locator("table")).to_be_visible()
    _alleen_regie(s)


def test_dashboard_toont_subdoelen_per_gemeente(sessie, regio):
    s = sessie("bm.regio")
    s.open("/monitoring/")
    for subdoel in ("Tijdige start", "Snelheid", "Maatwerk", "Dualiteit", "Kwaliteit"):
        expect(s.page.get_by_role("heading", name=subdoel).first).to_be_visible()
    kop = s.page.locator("table").first.locator("thead")
    for gemeente in ("Cranendonck", "Nederweert", "Weert", "Regio"):
        expect(kop).to_contain_text(gemeente)
    # Indicator definitions are named on the page (CBS SWI where it has one).
    expect(s.page.get_by_text("CBS SWI").first).to_be_visible()
    # Small numbers are protected: "<5" or "×" appear, never a name or dossier link.
    assert s.page.locator("a[href*='/dossiers/']").count() == 0
    _alleen_regie(s)


def test_beleidsmedewerker_kan_geen_dossier_openen(sessie, regio):
    s = sessie("bm.regio")
    s.open(f"/dossiers/{regio.weert.id}/", status=403)
    s.open("/dossiers/", status=403)


def test_raadsrapport_is_een_pdf(sessie, regio):
    s = sessie("bm.regio")
    # The report runs the forecast and renders with WeasyPrint: seconds, more on a busy machine.
    antwoord = s.page.request.get(f"{regio.url}/prognoses/raadsrapport/", timeout=60_000)
    assert antwoord.status == 200
    assert antwoord.headers["content-type"] == "application/pdf"
    assert antwoord.body()[:5] == b"%PDF-"


@pytest.mark.parametrize("pad", BELEIDSPAGINAS)
def test_beleidspaginas_zonder_wcag_schendingen(sessie, regio, axe_bron, pad):
    gebruiker = "fb.regio" if pad.endswith(("taakstelling/", "parameters/")) else "bm.regio"
    s = sessie(gebruiker)
    s.vergeet()
    s.open(pad)
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen(pad, schendingen)
    _alleen_regie(s)
