"""The PIP screens in a real browser: no WCAG 2.1 A/AA violations (axe-core), no CSP reports,
and the whole four-eyes flow driven through labels and roles (what assistive technology sees),
submitting by keyboard where a person would."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from tests.browser.conftest import (  # noqa: F401
    _audit_zonder_triggers,
    axe_bron,
    axe_schendingen,
    beschrijf_schendingen,
    chromium,
    regio,
    sessie,
)

pytestmark = pytest.mark.browser


def _voorbereiden() -> str:
    """A completed intake for the demo's Weert dossier, and the right to adopt for tl.werkkom."""
    from django.contrib.auth.models import Permission

    from regie.accounts.models import Rol
    from regie.dossiers.models import Dossier
    from regie.plans import services
    from regie.plans.tests.conftest import maak_intake
    from regie.tests.factories import TijdlijnFeitFactory

    Rol.objects.get(code="teamleider").rechten.add(
        Permission.objects.get(content_type__app_label="plans", codename="pip_vaststellen")
    )
    dossier = (
        Dossier.objects.filter(
            regie_gemeente__cbs_code="0988", klantregisseur__username="kr.werkkom", fase="intake"
        )
        .exclude(tijdlijn__soort="pip_vastgesteld")
        .order_by("nummer")
        .first()
    )
    if not dossier.tijdlijn.filter(soort="vestiging").exists():
        TijdlijnFeitFactory(
            dossier=dossier,
            soort="vestiging",
            datum=dossier.koppeling_datum or dossier.plicht_vanaf,
            gegevens={"gemeente": "0988"},
        )
    services.pip_starten(dossier=dossier, door=None, intake=maak_intake(niveau="A2"))
    return f"/dossiers/{dossier.pk}/pip/"


def _geen_schendingen(s, axe_bron, naam):  # noqa: F811
    # CSP first: axe itself applies styles while it measures.
    meldingen = s.csp_meldingen()
    assert not meldingen, (naam, meldingen)
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen(naam, schendingen)
    s.vergeet()


def test_pip_van_concept_tot_beschikking(sessie, regio, axe_bron):  # noqa: F811
    pad = _voorbereiden()  # regio has built the demo region
    kr = sessie("kr.werkkom")
    kr.vergeet()  # judge our pages, not the login page
    kr.open(pad)
    # A2 in the B1-route in a first PIP: the engine refuses, with its code and grondslag.
    expect(kr.page.locator(".regie-weigering")).to_contain_text("A2_B1ROUTE_EERSTE_PIP")
    _geen_schendingen(kr, axe_bron, "PIP met weigering")

    kr.page.get_by_role("link", name="Concept bewerken").click()
    _geen_schendingen(kr, axe_bron, "concept bewerken")
    kr.page.get_by_label("Niveau").select_option("")
    kr.page.get_by_label("Omschrijving").first.fill("Vrijwilligerswerk bij de bibliotheek")
    kr.page.get_by_label("Omschrijving").first.press("Enter")  # implicit submission
    expect(kr.page.get_by_role("status").first).to_contain_text("Het concept is opgeslagen.")
    kr.page.get_by_role("button", name="Ter goedkeuring aanbieden").click()
    expect(kr.page.get_by_role("status").first).to_contain_text("ter goedkeuring")

    tl = sessie("tl.werkkom")
    tl.vergeet()
    tl.open(pad)
    tl.page.get_by_role("link", name="Beoordelen (vaststellen of afkeuren)").click()
    _geen_schendingen(tl, axe_bron, "beoordelen")
    tl.page.get_by_label("Vaststellen").focus()
    tl.page.keyboard.press("Space")
    expect(tl.page.get_by_label("Vaststellen")).to_be_checked()
    tl.page.get_by_role("button", name="Besluit vastleggen").click()
    expect(tl.page.get_by_role("status").first).to_contain_text("Het PIP is vastgesteld.")
    expect(tl.page.locator("#termijn-start")).to_be_visible()
    _geen_schendingen(tl, axe_bron, "vastgesteld PIP")
    with tl.page.expect_download() as download:
        tl.page.get_by_role("link", name="Beschikking PIP versie 1").click()
    assert download.value.suggested_filename.endswith("-v1-beschikking.pdf")
    tl.open(pad.replace("/pip/", "/documenten/"))
    _geen_schendingen(tl, axe_bron, "documenten")
