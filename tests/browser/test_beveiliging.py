"""What the browser loads: Regie's own CSS and JavaScript, nothing from elsewhere, no CSP errors."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import pagina

pytestmark = pytest.mark.browser


def test_css_en_javascript_worden_geladen(sessie, regio):
    """The pages are styled and scripted from Regie's own static files (NL Design System, htmx)."""
    s = sessie("kr.werkkom")
    mislukt = []
    s.page.on(
        "response",
        lambda r: (
            mislukt.append(f"{r.status} {r.url}")
            if "/static/" in r.url and r.status >= 400
            else None
        ),
    )
    s.vergeet()
    s.open("/dossiers/")
    s.page.wait_for_load_state("load")
    assert not mislukt, mislukt
    geladen = [u for u in s.verzoeken if "/static/" in u]
    for bestand in (
        "vendor/tokens/theme.css",
        "vendor/utrecht/index.css",
        "css/regie.css",
        "vendor/htmx/htmx.min.js",
        "js/regie.js",
    ):
        assert any(u.endswith(f"/static/{bestand}") for u in geladen), f"{bestand} not loaded"
    assert s.page.evaluate("() => typeof window.htmx") == "object", "htmx did not run"
    # regie.js ran: it marks the document, which hides the no-JavaScript language button.
    expect(s.page.locator("html")).to_have_class("utrecht-html regie-js")
    expect(s.page.get_by_role("button", name="Kies taal")).to_be_hidden()
    # The stylesheets apply: the header has Regie's accent colour, not the browser default.
    kleur = s.page.locator("header.regie-header").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert kleur == "rgb(21, 66, 115)", kleur


@pytest.mark.parametrize("naam", ["caseload", "dossier", "API-documentatie"])
def test_geen_verzoeken_buiten_regie(sessie, regio, naam):
    """Every request a page makes goes to Regie itself: no CDN, fonts, analytics or telemetry."""
    gebruiker, pad, status = pagina(regio, naam)
    s = sessie(gebruiker)
    s.vergeet()
    s.open(pad, status=status)
    if naam == "API-documentatie":  # Swagger UI loads the schema, then renders it
        expect(s.page.locator(".opblock").first).to_be_visible()
    s.page.wait_for_load_state("networkidle")
    eigen = urlsplit(regio.url).netloc
    assert len(s.verzoeken) > 1, s.verzoeken
    vreemd = [u for u in s.verzoeken if urlsplit(u).netloc != eigen]
    assert not vreemd, f"requests outside {eigen}: {vreemd}"


@pytest.mark.parametrize(
    "naam",
    [
        "caseload",
        "dossier",
        "inloggen",
        "bewerken",
        "nieuw dossier",
        "auditlog",
        "niet gevonden",
        "API-documentatie",
    ],
)
def test_geen_csp_fouten(sessie, regio, naam):
    """The Content Security Policy (no inline scripts or styles) blocks nothing on the page."""
    gebruiker, pad, status = pagina(regio, naam)
    s = sessie(gebruiker)
    s.vergeet()
    antwoord = s.open(pad, status=status)
    assert "script-src 'self'" in antwoord.headers["content-security-policy"]
    s.page.wait_for_load_state("networkidle")
    # Use the page's scripts too: htmx on the caseload, <details> on the dossier page.
    if naam == "caseload":
        with s.page.expect_response(lambda r: "fase=" in r.url):
            s.page.get_by_label("Fase").select_option("pip")
        s.page.wait_for_load_state("networkidle")
    elif naam == "dossier":
        s.page.get_by_text("waarom?").first.click()
    elif naam == "API-documentatie":
        expect(s.page.locator(".opblock").first).to_be_visible()
    meldingen = s.csp_meldingen()
    assert not meldingen, f"{pad}: blocked by the CSP:\n" + "\n".join(meldingen)
    if status == 200:
        fouten = [tekst for soort, tekst in s.console if soort == "error"]
        assert not fouten, f"{pad}: console errors: {fouten}"


def test_geen_persoonsgegevens_in_de_opslag_van_de_browser(sessie, regio):
    """After searching and filtering, no BSN or name is left in sessionStorage or localStorage.

    Pages are sent with ``Cache-Control: no-store`` so personal data does not linger in the
    browser (R-14); htmx's history snapshots (``hx-push-url``) must not undo that.
    """
    s = sessie("kr.werkkom")
    page = s.page
    doel = regio.weert
    page.get_by_label("Zoek op naam, BSN, V-nummer of dossiernummer").fill(doel.bsn)
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator("#caseload-resultaten tbody tr")).to_have_count(1)
    fase = next(iter(regio.mijn_per_fase))
    with page.expect_response(lambda r: f"fase={fase}" in r.url):
        page.get_by_label("Fase").select_option(fase)
    expect(page).to_have_url(re.compile(rf"fase={fase}"))
    page.get_by_role("link", name="Mijn dossiers").click()  # leaving the page saves a snapshot
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers")

    opslag = page.evaluate(
        """() => [sessionStorage, localStorage].flatMap(o =>
            Object.keys(o).map(k => k + '=' + o.getItem(k)))"""
    )
    gevonden = [item[:80] for item in opslag if doel.bsn in item or doel.naam in item]
    assert not gevonden, f"personal data in the browser's storage: {gevonden}"

    # Back still works: the previous page comes back, from the server.
    page.go_back()
    expect(page).to_have_url(re.compile(rf"fase={fase}"))
    expect(page.get_by_label("Fase")).to_have_value(fase)
