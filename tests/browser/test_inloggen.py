"""Logging in with the keyboard only, the skip link, and where each role lands."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import WACHTWOORD

pytestmark = pytest.mark.browser

FOCUS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    return e.id ? '#' + e.id : e.tagName.toLowerCase() + ':' + (e.textContent || '').trim();
}"""
SKIPLINK = "a:Naar de inhoud"


def _focus(page) -> str:
    return page.evaluate(FOCUS)


def _tab_tot(page, doel: str, toets: str = "Tab", maximaal: int = 15) -> list[str]:
    """Press ``toets`` until ``doel`` has focus; the focus path on the way."""
    pad = [_focus(page)]
    while pad[-1] != doel:
        assert len(pad) <= maximaal, f"{doel} not reached with {toets}: {pad}"
        page.keyboard.press(toets)
        pad.append(_focus(page))
    return pad


def test_inloggen_met_alleen_het_toetsenbord(sessie, regio):
    s = sessie()
    page = s.page
    s.open("/inloggen/")

    # Going back from wherever focus starts, the skip link is the last stop: the first
    # focusable element of the page.
    terug = [_focus(page)]
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        terug.append(_focus(page))
        if terug[-1] == "body":
            break
    stops = [f for f in terug if f != "body"]
    assert stops[-1] == SKIPLINK, f"focus order backwards: {terug}"

    # Focus has left the page; forwards from the top to the form, typing, Enter.
    heen = _tab_tot(page, "#id_username")
    assert heen[:2] == ["body", SKIPLINK], f"focus order: {heen}"
    page.keyboard.type("kr.werkkom")
    page.keyboard.press("Tab")
    assert _focus(page) == "#id_password"
    page.keyboard.type(WACHTWOORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/dossiers/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle dossiers")

    # On a fresh page the first Tab reaches the skip link, which then shows on screen...
    page.keyboard.press("Tab")
    assert _focus(page) == SKIPLINK
    doos = page.get_by_role("link", name="Naar de inhoud").bounding_box()
    assert doos is not None
    assert doos["x"] >= 0 and doos["y"] >= 0 and doos["width"] > 0, doos
    assert doos["x"] + doos["width"] <= 1280 and doos["y"] + doos["height"] <= 900, doos
    # ...and skips the header: focus moves to the main content, the next Tab stays in it.
    page.keyboard.press("Enter")
    assert _focus(page) == "#inhoud"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize(
    ("gebruiker", "menu"),
    [("fb.regio", "Auditlog"), ("bm.regio", None), ("tl.werkkom", "Dossiers")],
)
def test_na_inloggen_een_pagina_die_de_rol_mag_zien(sessie, regio, gebruiker, menu):
    """Whatever the role, logging in ends on a page the user may see, not "Geen toegang"."""
    s = sessie()
    page = s.page
    s.open("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruiker)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    with page.expect_navigation() as navigatie:
        page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"/inloggen/"))
    assert navigatie.value is not None and navigatie.value.status == 200, (
        f"{gebruiker} lands on {page.url} with status {navigatie.value.status}"
    )
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Geen toegang")
    if menu:
        hoofdmenu = page.get_by_role("navigation", name="Hoofdmenu")
        expect(hoofdmenu.get_by_role("link", name=menu)).to_be_visible()
