"""The dossier page, access between municipalities, and two people editing the same dossier."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import SCHERMAFDRUKKEN

pytestmark = pytest.mark.browser


def _waarde(page, term: str):
    """The <dd> after the <dt> with exactly this text on the dossier page."""
    return page.locator("dt", has_text=re.compile(rf"^\s*{re.escape(term)}\s*$")).locator(
        "xpath=following-sibling::dd[1]"
    )


def test_dossierpagina_en_schermafdrukken(sessie, regio):
    """From the caseload to a dossier; screenshots of both go to var/screens/ for a human."""
    s = sessie("kr.werkkom")
    page = s.page
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    expect(page.locator("#caseload-resultaten tbody tr")).to_have_count(regio.paginagrootte)
    page.screenshot(path=SCHERMAFDRUKKEN / "caseload.png", full_page=True)

    doel = regio.weert
    page.get_by_label("Zoek op naam, BSN, V-nummer of dossiernummer").fill(doel.nummer)
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name=doel.naam).click()
    expect(page).to_have_url(re.compile(rf"/dossiers/{doel.id}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(doel.volledige_naam)
    expect(page.locator(".regie-lead").first).to_contain_text(f"Dossier {doel.nummer}")
    expect(page.locator(".regie-lead").first).to_contain_text(doel.gemeente)
    expect(_waarde(page, "BSN")).to_have_text(doel.bsn)
    for kop in ("Persoon", "Inburgeringsplicht", "Termijnen en rechten", "Tijdlijn"):
        expect(page.get_by_role("heading", level=2, name=kop)).to_be_visible()
    # "waarom?" opens the legal basis of a conclusion.
    waarom = page.locator("details.regie-why").first
    expect(waarom.locator(".regie-why__grondslag, .regie-why__trace").first).to_be_hidden()
    waarom.get_by_text("waarom?").click()
    expect(waarom.locator(".regie-why__grondslag, .regie-why__trace").first).to_be_visible()
    expect(page.locator(".regie-timeline__item").first).to_be_visible()
    page.screenshot(path=SCHERMAFDRUKKEN / "dossier.png", full_page=True)
    assert (SCHERMAFDRUKKEN / "caseload.png").stat().st_size > 10_000
    assert (SCHERMAFDRUKKEN / "dossier.png").stat().st_size > 10_000


def test_dossier_van_andere_gemeente_is_niet_gevonden(sessie, regio):
    """kr.weert works for Weert only: a Nederweert dossier's address gives the 404 page."""
    s = sessie("kr.weert")
    page = s.page
    s.open(f"/dossiers/{regio.weert.id}/")  # the control: a Weert dossier opens
    expect(page.get_by_role("heading", level=1)).to_have_text(regio.weert.volledige_naam)

    s.open(f"/dossiers/{regio.nederweert.id}/", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    expect(page).to_have_title(re.compile(r"^Niet gevonden"))
    inhoud = page.locator("main").inner_text()
    for geheim in (regio.nederweert.volledige_naam, regio.nederweert.bsn, regio.nederweert.nummer):
        assert geheim not in inhoud
    s.open(f"/dossiers/{regio.nederweert.id}/bewerken/", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")


def test_gelijktijdig_bewerken_verliest_geen_wijziging(sessie, regio):
    """Two people edit the same dossier; the second save is refused, the first value stays."""
    doel = regio.weert_tweede
    pad = f"/dossiers/{doel.id}/bewerken/"
    eerste = sessie("kr.werkkom")
    tweede = sessie("kr.weert")
    for s in (eerste, tweede):
        s.open(pad)
        expect(s.page.get_by_role("heading", level=1)).to_have_text("Gegevens bewerken")

    eerste.page.get_by_label("Telefoon").fill("06 1111 2222")
    eerste.page.get_by_role("button", name="Opslaan").click()
    expect(eerste.page).to_have_url(re.compile(rf"/dossiers/{doel.id}/$"))
    expect(eerste.page.get_by_role("status")).to_contain_text("De wijzigingen zijn opgeslagen.")
    expect(_waarde(eerste.page, "Telefoon")).to_have_text("06 1111 2222")

    tweede.page.get_by_label("Telefoon").fill("06 3333 4444")
    tweede.page.get_by_role("button", name="Opslaan").click()
    expect(tweede.page).to_have_url(re.compile(rf"{re.escape(pad)}$"))
    melding = tweede.page.get_by_role("alert")
    expect(melding).to_contain_text("intussen door iemand anders gewijzigd")
    expect(melding).to_be_focused()  # keyboard and screen-reader users hear it first
    expect(tweede.page.get_by_label("Telefoon")).to_have_value("06 3333 4444")  # not thrown away

    tweede.open(f"/dossiers/{doel.id}/")
    expect(_waarde(tweede.page, "Telefoon")).to_have_text("06 1111 2222")
