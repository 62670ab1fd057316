"""The second login step in a real browser (targets R-12): a demo login confirms the code of
its authenticator app; a new colleague sets the app up from the QR page and gets recovery
codes. axe-core on every page of the login."""

from __future__ import annotations

import base64
import re

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD, axe_schendingen, beschrijf_schendingen

pytestmark = pytest.mark.browser


@pytest.fixture
def verplicht(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


def _wachtwoord(s, gebruikersnaam: str, wachtwoord: str = WACHTWOORD) -> None:
    s.open("/inloggen/")
    s.page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    s.page.get_by_label("Wachtwoord").fill(wachtwoord)
    s.page.get_by_role("button", name="Inloggen").click()


def _totp(sleutel: bytes) -> str:
    from django_otp.oath import TOTP

    return f"{TOTP(sleutel, step=30).token():06d}"


def test_demo_login_met_code_van_de_app(sessie, regio, verplicht, axe_bron):
    from regie.demo.generator import DEMO_TOTP_SLEUTEL

    s = sessie()
    _wachtwoord(s, "kr.weert")
    expect(s.page).to_have_url(re.compile(r"/inloggen/tweede-stap/"))
    expect(s.page.get_by_role("heading", level=1)).to_have_text("Tweede stap van het inloggen")
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("tweede stap", schendingen)
    # A wrong code first: the page says so and nothing opens.
    s.page.get_by_role("textbox", name="Code uit de app of herstelcode").fill("000000")
    s.page.get_by_role("button", name="Bevestigen").click()
    expect(s.page.get_by_text("Deze code klopt niet of is verlopen.")).to_be_visible()
    s.page.wait_for_timeout(1_100)  # django-otp's throttle after one wrong code: 1 s
    s.page.get_by_role("textbox", name="Code uit de app of herstelcode").fill(
        _totp(DEMO_TOTP_SLEUTEL)
    )
    s.page.get_by_role("button", name="Bevestigen").click()
    expect(s.page).to_have_url(re.compile(r"/dossiers/"))
    expect(s.page.get_by_role("heading", level=1)).to_be_visible()


def test_nieuwe_collega_stelt_de_app_in(sessie, regio, verplicht, axe_bron):
    from regie.core.models import Gemeente
    from regie.tests.factories import TEST_WACHTWOORD, GebruikerFactory

    weert = Gemeente.objects.get(cbs_code="0988")
    GebruikerFactory(username="kr.nieuw", rollen=[("klantregisseur", weert)])
    s = sessie()
    _wachtwoord(s, "kr.nieuw", TEST_WACHTWOORD)
    expect(s.page).to_have_url(re.compile(r"/inloggen/tweede-stap/instellen/"))
    expect(s.page.locator("figure.regie-qr svg")).to_be_visible()
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("tweede stap instellen", schendingen)
    tekst = s.page.locator("#tweede-stap-sleutel").inner_text().replace(" ", "")
    sleutel = base64.b32decode(tekst + "=" * (-len(tekst) % 8))
    s.page.get_by_role("textbox", name="Code uit de app").fill(_totp(sleutel))
    s.page.get_by_role("button", name="Instellen").click()
    expect(s.page.get_by_role("heading", level=1)).to_have_text("De tweede stap is ingesteld")
    expect(s.page.locator("#herstelcodes li")).to_have_count(10)
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("herstelcodes", schendingen)
    s.page.get_by_role("link", name="Verder naar Regie").click()
    expect(s.page).to_have_url(re.compile(r"/dossiers/"))
