"""axe-core on every kind of Regie page: no WCAG 2.1 A/AA violations (Digitoegankelijk)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import axe_schendingen, beschrijf_schendingen, pagina

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "naam",
    ["inloggen", "caseload", "dossier", "bewerken", "nieuw dossier", "auditlog", "niet gevonden"],
)
def test_geen_wcag_schendingen(sessie, regio, axe_bron, naam):
    gebruiker, pad, status = pagina(regio, naam)
    s = sessie(gebruiker)
    s.open(pad, status=status)
    if naam == "dossier":
        s.page.locator("details.regie-why summary").first.click()  # open content counts too
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen(f"{naam} ({pad})", schendingen)


def test_geen_wcag_schendingen_in_formulier_met_fouten(sessie, regio, axe_bron):
    """The error state: the form sent empty shows its error summary and field errors."""
    s = sessie("kr.werkkom")
    s.open("/dossiers/nieuw/")
    s.page.get_by_role("button", name="Dossier aanmaken").click()
    expect(s.page.get_by_role("alert").first).to_contain_text("Controleer de invoer")
    expect(s.page.locator(".utrecht-form-field-error-message").first).to_be_visible()
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("nieuw dossier, met fouten", schendingen)


def test_geen_wcag_schendingen_na_filteren(sessie, regio, axe_bron):
    """The caseload after htmx replaced the results."""
    s = sessie("kr.werkkom")
    with s.page.expect_response(lambda r: "doelgroep=" in r.url):
        s.page.get_by_label("Doelgroep").select_option(index=1)
    expect(s.page).to_have_url(re.compile(r"doelgroep="))
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("caseload na filteren", schendingen)
