"""The caseload as a case manager uses it: tabs, filters that apply at once, paging, search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GEMEENTEN = ["Cranendonck", "Nederweert", "Weert"]


def _telling(n: int) -> re.Pattern[str]:
    return re.compile(rf"^\s*{n} dossiers?\s*$")


def _rijen(page):
    return page.locator("#caseload-resultaten tbody tr")


def _kolom(page, kop: str) -> list[str]:
    """Texts of the results table's column with this header."""
    koppen = [t.strip() for t in page.locator("#caseload-resultaten thead th").all_inner_texts()]
    nummer = koppen.index(kop) + 1
    return [t.strip() for t in _rijen(page).locator(f"xpath=./*[{nummer}]").all_inner_texts()]


def test_alle_dossiers_van_de_drie_gemeenten(sessie, regio):
    s = sessie("kr.werkkom")
    page = s.page
    expect(page).to_have_url(re.compile(r"/dossiers/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle dossiers")
    expect(page.get_by_role("link", name="Alle dossiers")).to_have_attribute("aria-current", "page")
    expect(page.locator(".regie-count")).to_have_text(_telling(regio.totaal))
    expect(_rijen(page)).to_have_count(regio.paginagrootte)
    assert set(_kolom(page, "Gemeente")) == set(GEMEENTEN)
    opties = page.get_by_label("Gemeente").locator("option").all_inner_texts()
    assert [o.strip() for o in opties] == ["Alle gemeenten", *GEMEENTEN]


def test_mijn_dossiers_filteren_op_fase_zonder_knop(sessie, regio):
    """Changing a filter updates the list in place (htmx) and puts the filter in the URL."""
    s = sessie("kr.werkkom")
    page = s.page
    page.get_by_role("link", name="Mijn dossiers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers")
    expect(page.get_by_role("link", name="Mijn dossiers")).to_have_attribute("aria-current", "page")
    expect(page.locator(".regie-count")).to_have_text(_telling(regio.mijn_totaal))
    assert set(_kolom(page, "Klantregisseur")) == {"Sanne de Vries"}

    # The most frequent phase among kr.werkkom's own dossiers, so the list visibly shrinks.
    fase, aantal = max(regio.mijn_per_fase.items(), key=lambda item: item[1])
    assert aantal < regio.mijn_totaal
    label = regio.fase_labels[fase]
    page.evaluate("() => { window.regieGeenHerlaadTest = true; }")
    with page.expect_request(lambda r: f"fase={fase}" in r.url) as verzoek:
        page.get_by_label("Fase").select_option(fase)
    assert verzoek.value.headers.get("hx-request") == "true", "not sent by htmx"

    expect(page.locator(".regie-count")).to_have_text(_telling(aantal))
    expect(page).to_have_url(re.compile(rf"[?&]fase={fase}(&|$)"))
    assert "weergave=mijn" in page.url
    assert set(_kolom(page, "Fase")) == {label}
    expect(_rijen(page)).to_have_count(min(aantal, regio.paginagrootte))
    # Updated in place, not reloaded: the page's own state survived, the choice stays visible.
    assert page.evaluate("() => window.regieGeenHerlaadTest") is True
    expect(page.get_by_label("Fase")).to_have_value(fase)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dossiers")


def test_bladeren_met_volgende_en_vorige_pagina(sessie, regio):
    s = sessie("kr.werkkom")
    page = s.page
    page.get_by_role("link", name="Mijn dossiers").click()
    expect(page.locator(".regie-count")).to_have_text(_telling(regio.mijn_totaal))
    assert regio.paginagrootte < regio.mijn_totaal <= 2 * regio.paginagrootte
    pager = page.get_by_role("navigation", name="Paginering")
    expect(pager.get_by_role("link", name="Vorige pagina")).to_have_count(0)
    eerste = _kolom(page, "Dossier")
    assert len(eerste) == regio.paginagrootte

    pager.get_by_role("link", name="Volgende pagina").click()
    expect(page).to_have_url(re.compile(r"[?&]na="))
    expect(_rijen(page)).to_have_count(regio.mijn_totaal - regio.paginagrootte)
    tweede = _kolom(page, "Dossier")
    assert not set(eerste) & set(tweede), "a dossier appears on both pages"
    assert set(_kolom(page, "Klantregisseur")) == {"Sanne de Vries"}, "paging left 'Mijn dossiers'"
    expect(pager.get_by_role("link", name="Volgende pagina")).to_have_count(0)

    pager.get_by_role("link", name="Vorige pagina").click()
    expect(page).to_have_url(re.compile(r"[?&]voor="))
    expect(_rijen(page)).to_have_count(regio.paginagrootte)
    assert _kolom(page, "Dossier") == eerste


def test_zoeken_op_bsn_zonder_bsn_in_de_url(sessie, regio):
    """Search is a POST; the address bar and every requested URL stay free of the BSN."""
    s = sessie("kr.werkkom")
    page = s.page
    doel = regio.weert
    zoekvak = page.get_by_label("Zoek op naam, BSN, V-nummer of dossiernummer")
    zoekvak.fill(doel.bsn)
    with page.expect_request(lambda r: r.url.endswith("/dossiers/zoeken/")) as verzoek:
        zoekvak.press("Enter")
    assert verzoek.value.method == "POST"
    expect(page).to_have_url(re.compile(r"/dossiers/\?zoek=[\w-]+$"))
    expect(page.locator(".regie-count")).to_have_text(_telling(1))
    expect(_rijen(page)).to_have_count(1)
    expect(_rijen(page).first.get_by_role("link")).to_have_text(doel.naam)
    expect(_rijen(page).first).to_contain_text(doel.nummer)
    expect(page.get_by_role("link", name="Zoekopdracht wissen")).to_be_visible()

    assert doel.bsn not in page.url
    in_url = [u for u in s.verzoeken if doel.bsn in u]
    assert not in_url, f"BSN in a requested URL: {in_url}"
    assert doel.bsn not in page.evaluate("() => document.referrer + location.href")

    # The result leads to the dossier, still without the BSN in the address.
    _rijen(page).first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(doel.volledige_naam)
    assert doel.bsn not in page.url
