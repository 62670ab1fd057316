"""The functioneel beheerder registers a contact person at DUO (the simulator, over HTTP) and a
case manager links it to a newcomer on the dossier page; both screens pass axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import axe_schendingen, beschrijf_schendingen

pytestmark = pytest.mark.browser


@pytest.fixture
def duo(regio: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The DUO simulator on a free port, knowing the demo region's municipalities."""
    from regie.core.models import Gemeente
    from regie.integrations.duo import conf
    from regie.integrations.duo.simulator import Simulator
    from regie.integrations.duo.simulator.server import start

    gemeenten = dict(Gemeente.objects.exclude(oin="").values_list("oin", "cbs_code"))
    sim = Simulator(duo_oin=conf.DUO_OIN, gemeenten=gemeenten)
    server, url = start(sim)
    monkeypatch.setattr(conf, "BASIS_URL", url)
    yield sim
    server.shutdown()
    server.server_close()


def test_contactpersoon_registreren_en_koppelen(sessie, regio, duo, axe_bron):
    fb = sessie("fb.regio")
    fb.page.get_by_role("link", name="DUO-contactpersonen").click()
    expect(fb.page.get_by_role("heading", level=1)).to_have_text("DUO-contactpersonen")

    # Sent with a wrong phone number first: the error is shown and nothing reaches DUO.
    fb.page.get_by_label("Gemeente").select_option(label="Weert")
    fb.page.get_by_label("Naam").fill("Sanne de Vries")
    fb.page.get_by_label("E-mailadres").fill("s.devries@weert.nl")
    fb.page.get_by_label("Telefoonnummer").fill("bel me")
    fb.page.get_by_role("button", name="Registreren bij DUO").click()
    expect(fb.page.get_by_text("Geen geldig telefoonnummer")).to_be_visible()
    assert not duo.staat.contactpersonen
    schendingen = axe_schendingen(fb.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("contactpersonen, met fouten", schendingen)

    fb.page.get_by_label("Telefoonnummer").fill("0495 575 000")
    fb.page.get_by_role("button", name="Registreren bij DUO").click()
    expect(fb.page.locator(".utrecht-alert").first).to_contain_text(
        "is bij DUO geregistreerd als contactpersoon"
    )
    expect(fb.page.locator("#tabel-contactpersonen")).to_contain_text("s.devries@weert.nl")
    assert [c["gegevens"]["naam"] for c in duo.staat.contactpersonen.values()] == ["Sanne de Vries"]
    schendingen = axe_schendingen(fb.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("contactpersonen", schendingen)

    kr = sessie("kr.werkkom")
    kr.open(f"/dossiers/{regio.weert.id}/")
    koppelen = kr.page.locator("#vastleggen-contactpersoon_koppelen")
    koppelen.locator("summary").click()
    koppelen.get_by_label("Contactpersoon").select_option(
        label="Sanne de Vries (s.devries@weert.nl)"
    )
    koppelen.get_by_role("button", name="Vastleggen en aan DUO melden").click()
    expect(kr.page.locator(".utrecht-alert").first).to_contain_text(
        "Contactpersoon koppelen is vastgelegd en wordt aan DUO gemeld."
    )
    expect(kr.page.locator("#duo-contactpersoon")).to_contain_text("Sanne de Vries")
    schendingen = axe_schendingen(kr.page, axe_bron)
    assert not schendingen, beschrijf_schendingen("dossier met DUO-contactpersoon", schendingen)
