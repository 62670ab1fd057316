"""Issue 4 end to end in a real browser: from the koppeling to an adopted PIP with its letters.

A case manager of Weert (kr.weert) registers a status holder coupled by the COA, fills the brede
intake (sections with autosave, leerbaarheidstoets, positieve gezondheid, route decision after
the advice), completes it, drafts the PIP, is stopped by the rules engine on an impossible
route/level combination, fixes it and submits it; a teamleider (tl.werkkom) adopts it in a
second browser context; the beschikking and the Arabic ontwikkelplan are downloaded and their
text is read. Everything is driven by labels and roles, and every distinct page is checked with
axe-core (WCAG 2.1 A/AA) and for Content Security Policy reports on the way.

The vestiging and DUO's SS139 have no screen (DUO and the BRP deliver them), so they are
recorded directly with ``regie.dossiers.services.feit_vastleggen``.
"""

from __future__ import annotations

import importlib
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from regie.letters.tests.pdftekst import pdf_tekst
from regie.rules.grondslagen import PIP_NIVEAU_LEERROUTE

from .conftest import Sessie, axe_schendingen, beschrijf_schendingen

pytestmark = pytest.mark.browser

VOORNAMEN = "Amal"
ACHTERNAAM = "Darwish"
VOLLEDIGE_NAAM = f"{VOORNAMEN} {ACHTERNAAM}"
EIGEN_DOELEN = "Ik wil weer als verpleegkundige werken. <script>alert(1)</script>"
ARABISCH = re.compile(r"[\u0600-\u06FF]")


def _vrij_bsn() -> str:
    """A BSN that passes the elfproef and is not used by the demo region."""
    from regie.core.validators import is_geldig_bsn
    from regie.dossiers.models import Inburgeraar

    for getal in range(999_990_000, 999_999_999):
        kandidaat = str(getal)
        if is_geldig_bsn(kandidaat) and not Inburgeraar.objects.filter(bsn=kandidaat).exists():
            return kandidaat
    raise AssertionError("no free BSN")


def _tekstblokken() -> None:
    """The ontwikkelplan's text blocks (nl, en, ar), seeded by a data migration.

    ``transactional_db`` empties every table after each test and the demo build does not seed
    them again, so after an earlier browser test no language would be offered. The migration's
    own ``forwards`` is idempotent (get_or_create).
    """
    from django.apps import apps

    importlib.import_module("regie.letters.migrations.0002_tekstblokken").forwards(apps, None)


def _vestiging_en_ss139(dossier_id: str, vestiging: date) -> None:
    """What DUO and the BRP deliver (no screen yet): settling in Weert, then DUO's SS139."""
    from regie.dossiers.models import Dossier, TijdlijnFeit
    from regie.dossiers.services import feit_vastleggen

    dossier = Dossier.objects.get(pk=dossier_id)
    feit_vastleggen(
        dossier=dossier,
        soort=TijdlijnFeit.Soort.VESTIGING,
        datum=vestiging,
        bron=TijdlijnFeit.Bron.DUO,
        gegevens={"gemeente": "0988"},
    )
    feit_vastleggen(
        dossier=dossier,
        soort=TijdlijnFeit.Soort.DUO_GEBEURTENIS,
        datum=vestiging + timedelta(days=1),
        bron=TijdlijnFeit.Bron.DUO,
        gegevens={"code": "SS139"},
    )


def _fase(dossier_id: str) -> str:
    from regie.dossiers.models import Dossier

    return Dossier.objects.get(pk=dossier_id).fase


def _pip_slot(dossier_id: str) -> int:
    """The PIP's optimistic lock as the page holds it now."""
    from regie.plans.models import Pip

    return Pip.objects.get(dossier_id=dossier_id).versie


def _termijn(dossier_id: str) -> dict[str, Any]:
    from regie.dossiers.models import Dossier
    from regie.plans import regelcheck

    return regelcheck.termijn(Dossier.objects.get(pk=dossier_id))


def _geen_schendingen(s: Sessie, axe_bron: str, naam: str) -> None:
    """No CSP report so far on this page, and no WCAG 2.1 A/AA violation on it."""
    meldingen = s.csp_meldingen()  # first: axe itself applies styles while it measures
    assert not meldingen, f"{naam}: CSP reports {meldingen}"
    schendingen = axe_schendingen(s.page, axe_bron)
    assert not schendingen, beschrijf_schendingen(f"{naam} ({s.page.url})", schendingen)
    s.vergeet()


def _status(page: Any):
    """The page's first status message (Django's messages, above the content)."""
    return page.locator(".regie-messages [role=status]").first


def _sectie_opslaan(page: Any) -> None:
    """Submit an autosaving section form; wait until the server confirmed and nothing is queued."""
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#intake-status")).to_contain_text("Concept opgeslagen om")
    expect(page.locator("form.intake-form")).not_to_have_class(re.compile(r"htmx-request"))


def _naar_sectie(page: Any, titel: str) -> None:
    nav = page.get_by_role("navigation", name="Onderdelen van de brede intake")
    nav.get_by_role("link", name=titel, exact=True).click()
    expect(page.get_by_role("heading", level=2, name=titel)).to_be_visible()


def _download(page: Any, klik: Any) -> tuple[str, bytes]:
    with page.expect_download() as info:
        klik()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_van_koppeling_tot_vastgesteld_pip(sessie, regio, axe_bron):
    from django.utils import timezone

    vandaag = timezone.localdate()
    bekendgemaakt = vandaag - timedelta(days=150)
    koppeling = vandaag - timedelta(days=120)
    vestiging = vandaag - timedelta(days=60)
    bsn = _vrij_bsn()
    _tekstblokken()

    kr = sessie("kr.weert")
    page = kr.page
    dialogen: list[str] = []
    page.on("dialog", lambda d: (dialogen.append(d.message), d.dismiss()))

    # --- 1. A new dossier from the koppeling ----------------------------------------------
    kr.vergeet()  # judge Regie's pages, not the login page
    kr.open("/dossiers/")
    _geen_schendingen(kr, axe_bron, "caseload")
    page.get_by_role("main").get_by_role("link", name="Nieuw dossier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw dossier")
    _geen_schendingen(kr, axe_bron, "nieuw dossier")
    page.get_by_label("Regiegemeente").select_option(label="Weert")
    page.get_by_label("Verblijf", exact=True).select_option(label="Asiel, bepaalde tijd")
    page.get_by_label("Verblijfsrecht bekendgemaakt op").fill(bekendgemaakt.isoformat())
    page.get_by_label("Klantregisseur").select_option(label="Youssef Bakker")
    page.get_by_label("Datum koppeling").fill(koppeling.isoformat())
    page.get_by_label("COA-locatie").fill("AZC Budel-Cranendonck")
    page.get_by_label("BSN", exact=True).fill(bsn)
    page.get_by_label("Voornamen").fill(VOORNAMEN)
    page.get_by_label("Achternaam").fill(ACHTERNAAM)
    page.get_by_label("Geboortedatum").fill("1990-04-12")
    page.get_by_label("Nationaliteit").fill("SYR")
    page.get_by_label("Gesproken talen").fill("Arabisch, Engels")
    page.get_by_label("Geletterdheid").select_option(label="anders gealfabetiseerd")
    page.get_by_role("button", name="Dossier aanmaken").click()
    expect(page).to_have_url(re.compile(r"/dossiers/[0-9a-f-]{36}/$"))
    expect(_status(page)).to_contain_text("is aangemaakt")
    expect(page.get_by_role("heading", level=1)).to_have_text(VOLLEDIGE_NAAM)
    dossier_id = re.search(r"/dossiers/([0-9a-f-]{36})/", page.url).group(1)
    assert _fase(dossier_id) == "gekoppeld"
    _geen_schendingen(kr, axe_bron, "dossier (gekoppeld)")

    _vestiging_en_ss139(dossier_id, vestiging)

    # --- 2. Brede intake --------------------------------------------------------------------
    page.get_by_role("main").get_by_role("link", name="Brede intake", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brede intake")
    expect(page.locator(".intake-ontbrekend li").first).to_be_visible()
    _geen_schendingen(kr, axe_bron, "intake-overzicht (leeg)")

    _naar_sectie(page, "Opleiding en diploma's")
    _geen_schendingen(kr, axe_bron, "intake-onderdeel (opleiding)")
    page.get_by_label("Hoogst afgeronde opleiding").select_option(
        label="Diploma voortgezet onderwijs"
    )
    page.get_by_label("Land van de opleiding").fill("Syrië")
    page.get_by_label("Wens om verder te leren").select_option(label="Geen wens om verder te leren")
    _sectie_opslaan(page)
    _geen_schendingen(kr, axe_bron, "intake-onderdeel na autosave")

    _naar_sectie(page, "Werkervaring")
    page.get_by_label("Jaren werkervaring").fill("6")
    page.get_by_label("Beroepen en sectoren").fill("Verpleegkundige in een ziekenhuis")
    _sectie_opslaan(page)

    _naar_sectie(page, "Taal")
    for vaardigheid in ("Lezen", "Luisteren", "Schrijven", "Spreken"):
        page.get_by_label(re.compile(rf"^{vaardigheid}")).select_option(label="A1")
    page.get_by_label("Moedertaal").fill("Arabisch")
    page.get_by_label(re.compile(r"^Geletterdheid")).select_option(label="anders gealfabetiseerd")
    _sectie_opslaan(page)

    _naar_sectie(page, "Eigen doelen")
    page.get_by_label("Eigen doelen, in eigen woorden").fill(EIGEN_DOELEN)
    page.get_by_label("Taal voor het ontwikkelplan").select_option(label="Arabisch")
    _sectie_opslaan(page)

    nav = page.get_by_role("navigation", name="Onderdelen van de brede intake")
    nav.get_by_role("link", name="Leerbaarheidstoets").click()
    expect(page.get_by_role("heading", level=2, name="Leerbaarheidstoets")).to_be_visible()
    _geen_schendingen(kr, axe_bron, "leerbaarheidstoets")
    page.get_by_label("Aangemeld op").fill((vandaag - timedelta(days=30)).isoformat())
    page.get_by_label("Afgenomen op").fill((vandaag - timedelta(days=20)).isoformat())
    page.get_by_label(re.compile(r"^Score")).fill("72")
    page.get_by_label(re.compile(r"^Vereiste score")).fill("60")
    page.get_by_role("button", name="Opslaan").click()
    expect(_status(page)).to_contain_text("De leerbaarheidstoets is opgeslagen.")
    expect(page.locator("#lbt")).to_contain_text("Voldoende")

    nav.get_by_role("link", name="Positieve gezondheid").click()
    expect(
        page.get_by_role("heading", level=2, name="Meting positieve gezondheid toevoegen")
    ).to_be_visible()
    _geen_schendingen(kr, axe_bron, "meting positieve gezondheid")
    scores = {
        "Lichaamsfuncties": "7",
        "Mentaal welbevinden": "5",
        "Zingeving": "8",
        "Kwaliteit van leven": "6",
        "Meedoen": "4",
        "Dagelijks functioneren": "7",
    }
    for dimensie, score in scores.items():
        page.get_by_label(dimensie).fill(score)
    page.get_by_role("button", name="Meting toevoegen").click()
    expect(_status(page)).to_contain_text("De meting positieve gezondheid is toegevoegd.")

    # The overview: every required section filled, the spider web, own words escaped.
    for sectie in ("opleiding", "werkervaring", "taal", "eigen_doelen"):
        expect(page.locator(f"#sectie-{sectie} .intake-badge")).to_have_text("Ingevuld")
    web = page.get_by_role("img", name="Spinnenweb positieve gezondheid")
    expect(web).to_be_visible()
    expect(web.locator("line.spinnenweb__as")).to_have_count(6)
    expect(web.locator("polygon.spinnenweb__meting")).to_have_count(1)
    doelen = page.locator("#sectie-eigen_doelen dd").first
    expect(doelen).to_have_text(EIGEN_DOELEN)  # the markup is shown as text...
    expect(page.locator("main script")).to_have_count(0)  # ...and never became an element
    _geen_schendingen(kr, axe_bron, "intake-overzicht (met meting)")

    # The advice with its reasons and rules, then the decision that follows it.
    page.get_by_role("link", name="Route besluiten").click()
    expect(page.get_by_role("heading", level=2, name="Advies")).to_be_visible()
    advies = page.locator(".intake-advies").first
    leerroute = advies.locator(".intake-advies__rij").filter(
        has=page.locator("dt", has_text="Leerroute")
    )
    expect(leerroute.locator(".intake-advies__waarde")).to_have_text("B1-route")
    expect(leerroute.locator(".intake-redenen li").first).to_be_visible()
    expect(leerroute.locator(".intake-regel")).to_contain_text("Regel: Anders → B1-route")
    expect(leerroute.locator(".intake-regel .regie-tag")).to_have_text("wet")
    alfabetisering = advies.locator(".intake-advies__rij").filter(
        has=page.locator("dt", has_text="Alfabetisering")
    )
    expect(alfabetisering.locator(".intake-regel")).to_contain_text("→ AA")
    _geen_schendingen(kr, axe_bron, "routebesluit")
    # The form starts from the advice; following it needs no motivation.
    expect(page.get_by_label("Leerroute")).to_have_value("b1_route")
    expect(page.get_by_label("Niveau")).to_have_value("B1")
    expect(page.get_by_label("Alfabetisering")).to_have_value("AA")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(_status(page)).to_contain_text("Het routebesluit is vastgelegd.")
    besluit = page.locator("#besluit")
    expect(besluit).to_contain_text("B1-route")
    expect(
        besluit.locator("dt", has_text="Advies gevolgd").locator("xpath=following-sibling::dd[1]")
    ).to_have_text("Ja")

    expect(page.locator("#afronden")).to_contain_text("Alles wat nodig is, is ingevuld.")
    page.get_by_role("button", name="Intake afronden").click()
    expect(_status(page)).to_contain_text("De brede intake is afgerond.")
    expect(_status(page)).to_contain_text("fase 'PIP'")
    expect(page.locator(".regie-titlebar .regie-fase")).to_have_text("PIP")
    assert _fase(dossier_id) == "pip"
    _geen_schendingen(kr, axe_bron, "intake-overzicht (afgerond)")
    assert not dialogen, f"a script ran: {dialogen}"

    # --- 3. PIP: draft, refused, fixed, submitted ------------------------------------------
    page.get_by_role("link", name="Terug naar het dossier").click()
    page.get_by_role("main").get_by_role("link", name="PIP", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="PIP starten")).to_be_visible()
    _geen_schendingen(kr, axe_bron, "PIP (nog niet gestart)")
    page.get_by_role("button", name="PIP starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Concept-PIP versie 1 bewerken")
    expect(page.get_by_label("Leerroute")).to_have_value("b1_route")  # from the intake
    expect(page.get_by_label("Niveau")).to_have_value("B1")
    _geen_schendingen(kr, axe_bron, "concept bewerken")

    # B1 with the Z-route: DUO does not register that.
    page.get_by_label("Leerroute").select_option(label="Z-route")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(_status(page)).to_contain_text("Het concept is opgeslagen.")
    weigering = page.locator(".regie-weigering")
    expect(weigering).to_have_count(1)
    expect(weigering.locator(".regie-code")).to_have_text("B1_MET_ZROUTE")
    expect(weigering).to_contain_text("Niveau B1 kan niet met de Z-route")
    grond = PIP_NIVEAU_LEERROUTE
    expect(weigering).to_contain_text(f"Grondslag: {grond.regeling}, artikel {grond.artikel}")
    expect(page.locator("#weigeringen")).to_contain_text("kan zo niet ter goedkeuring")
    expect(page.get_by_role("button", name="Ter goedkeuring aanbieden")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("Los eerst de weigeringen op"))).to_be_visible()
    _geen_schendingen(kr, axe_bron, "PIP met weigering")

    # A stale tab still showing the button: the server refuses the submission with the code.
    page.evaluate(
        """([actie, slot]) => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = actie;
            form.append(document.querySelector('input[name=csrfmiddlewaretoken]').cloneNode());
            const versie = document.createElement('input');
            versie.type = 'hidden';
            versie.name = 'versie';
            versie.value = slot;
            form.append(versie);
            document.body.append(form);
            form.submit();
        }""",
        [f"/dossiers/{dossier_id}/pip/indienen/", str(_pip_slot(dossier_id))],
    )
    fout = page.locator(".regie-messages [role=alert]")
    expect(fout).to_contain_text("Dit PIP kan niet ter goedkeuring worden aangeboden.")
    expect(fout).to_contain_text("B1_MET_ZROUTE")
    expect(page.locator(".regie-titlebar .regie-status")).to_have_text("Versie 1: Concept")

    page.get_by_role("link", name="Concept bewerken").click()
    page.get_by_label("Leerroute").select_option(label="B1-route")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(_status(page)).to_contain_text("Het concept is opgeslagen.")
    expect(page.locator(".regie-weigering")).to_have_count(0)
    expect(page.locator("#kop-controle + p + [role=status]")).to_contain_text(
        "De regels staan dit PIP toe. DUO registreert niveau B1."
    )
    page.get_by_role("button", name="Ter goedkeuring aanbieden").click()
    expect(_status(page)).to_contain_text("Het PIP ligt ter goedkeuring bij een teamleider.")
    expect(page.locator(".regie-titlebar .regie-status")).to_have_text("Versie 1: Ter goedkeuring")
    # Four eyes: the case manager cannot judge it.
    expect(page.get_by_role("link", name=re.compile("Beoordelen"))).to_have_count(0)
    _geen_schendingen(kr, axe_bron, "PIP ter goedkeuring")

    # --- 4. The teamleider adopts it, in a browser context of their own ---------------------
    tl = sessie("tl.werkkom")
    tl.vergeet()
    tl.open(f"/dossiers/{dossier_id}/")
    tl.page.get_by_role("main").get_by_role("link", name="PIP", exact=True).click()
    tl.page.get_by_role("link", name="Beoordelen (vaststellen of afkeuren)").click()
    expect(tl.page.get_by_role("heading", level=1)).to_have_text("PIP versie 1 beoordelen")
    expect(tl.page.locator(".regie-lead").first).to_contain_text("aangeboden door Youssef Bakker")
    _geen_schendingen(tl, axe_bron, "beoordelen")
    tl.page.get_by_label("Vaststellen").check()
    tl.page.get_by_role("button", name="Besluit vastleggen").click()
    expect(_status(tl.page)).to_contain_text("Het PIP is vastgesteld.")
    expect(tl.page.locator(".regie-titlebar .regie-status")).to_have_text("Versie 1: Vastgesteld")
    termijn = _termijn(dossier_id)
    assert termijn["start"] is not None and termijn["eind"] is not None, termijn
    expect(tl.page.locator("#termijn-start")).to_have_attribute(
        "datetime", termijn["start"].isoformat()
    )
    expect(tl.page.locator("#termijn-eind")).to_have_attribute(
        "datetime", termijn["eind"].isoformat()
    )
    assert termijn["start"] > vandaag, termijn  # the day after the dagtekening
    assert _fase(dossier_id) == "traject"
    _geen_schendingen(tl, axe_bron, "PIP vastgesteld")

    # --- 5. The beschikking ------------------------------------------------------------------
    page.reload()
    expect(page.locator(".regie-titlebar .regie-status")).to_have_text("Versie 1: Vastgesteld")
    naam, pdf = _download(
        page, lambda: page.get_by_role("link", name="Beschikking PIP versie 1").click()
    )
    assert naam.endswith("-v1-beschikking.pdf"), naam
    assert pdf.startswith(b"%PDF"), pdf[:20]
    tekst = pdf_tekst(pdf)
    for verwacht in (VOLLEDIGE_NAAM, "B1-route", "bezwaar", "zes weken"):
        assert verwacht in tekst, f"{verwacht!r} not in the beschikking: {tekst[:1500]}"

    # --- 6. The ontwikkelplan in Arabic --------------------------------------------------------
    page.get_by_label("Ontwikkelplan in de taal").select_option("ar")
    naam, pdf = _download(
        page, lambda: page.get_by_role("button", name="Ontwikkelplan openen").click()
    )
    assert naam.endswith("-ontwikkelplan-ar.pdf"), naam
    tekst = pdf_tekst(pdf)
    arabisch = ARABISCH.findall(tekst)
    assert len(arabisch) > 100, f"{len(arabisch)} Arabic characters: {tekst[:500]}"

    page.get_by_role("link", name="Alle documenten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documenten")
    rijen = page.locator("tbody tr")
    expect(rijen.filter(has_text="Beschikking PIP versie 1")).to_have_count(1)
    arabisch_plan = rijen.filter(has_text="Ontwikkelplan bij PIP versie 1").filter(
        has=page.locator("td", has_text=re.compile(r"^\s*ar\s*$"))
    )
    expect(arabisch_plan).to_have_count(1)
    _geen_schendingen(kr, axe_bron, "documenten")

    # --- 7. No CSP report anywhere, no script from the person's own words ------------------
    assert not kr.csp_meldingen() and not tl.csp_meldingen()
    assert not dialogen, f"a script ran: {dialogen}"
