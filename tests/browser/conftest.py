"""Real-browser tests: Debian's Chromium, driven by Playwright, against a live Regie server.

Each test gets the demo region fresh, built into the test database and served by pytest-django's
``live_server`` (which brings ``transactional_db`` and serves static files). Three things make
that work here:

* The test database must be pytest-django's: it is only created when a collected test asks for
  the database, which ``live_server`` does. (A fixture that merely unblocks the database would
  write into ``var/regie.sqlite3`` when only this package runs.)
* ``transactional_db`` empties the database after each test with a flush, and the audit table's
  append-only triggers refuse that once a page has been viewed. They are lifted per test module
  and re-created afterwards with the migration's own SQL (``_audit_zonder_triggers``).
* While Playwright's sync API is started, the test thread has an asyncio loop marked as running,
  and Django refuses ORM calls there. See ``chromium``.

The browser is /usr/bin/chromium (``make /usr/bin/chromium``); never ``playwright install``.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("REGIE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCHERMAFDRUKKEN = REPO / "var" / "screens"
PEILDATUM = date(2026, 11, 1)
WACHTWOORD = "regie-demo-2026"
TIMEOUT_MS = 10_000
# What Chromium prints when the Content Security Policy blocks something.
CSP_MELDING = re.compile(r"content[ -]security[ -]policy|refused to (load|execute|apply)", re.I)


@dataclass(frozen=True)
class Dossierfeit:
    id: str
    nummer: str
    naam: str  # as in the caseload's first column (sorteernaam)
    volledige_naam: str  # as in the dossier page's heading
    bsn: str
    gemeente: str


@dataclass(frozen=True)
class Regio:
    """The live server's address and what the tests need to know about the demo data."""

    url: str
    totaal: int  # dossiers kr.werkkom sees (all three municipalities)
    paginagrootte: int
    mijn_totaal: int  # kr.werkkom's own dossiers
    mijn_per_fase: dict[str, int]  # fase code -> number of kr.werkkom's own dossiers
    fase_labels: dict[str, str]
    weert: Dossierfeit  # Weert, assigned to kr.werkkom; kr.weert may edit it too
    weert_tweede: Dossierfeit  # another one like it
    nederweert: Dossierfeit


def _feit(dossier: Any) -> Dossierfeit:
    return Dossierfeit(
        id=str(dossier.pk),
        nummer=dossier.nummer,
        naam=dossier.inburgeraar.sorteernaam,
        volledige_naam=dossier.inburgeraar.volledige_naam,
        bsn=dossier.inburgeraar.bsn,
        gemeente=dossier.regie_gemeente.naam,
    )


def _lees_feiten(url: str) -> Regio:
    from django.conf import settings

    from regie.accounts.models import Gebruiker
    from regie.dossiers import selectors
    from regie.dossiers.models import Dossier, Fase

    werkkom = Gebruiker.objects.get(username="kr.werkkom")
    alle = selectors.caseload_queryset(werkkom, selectors.CaseloadFilter())
    mijn = selectors.caseload_queryset(werkkom, selectors.CaseloadFilter(alleen_eigen=True))
    per_fase: dict[str, int] = {}
    for fase in mijn.values_list("fase", flat=True):
        per_fase[fase] = per_fase.get(fase, 0) + 1
    basis = Dossier.objects.select_related("inburgeraar", "regie_gemeente").order_by("nummer")
    weert = list(basis.filter(regie_gemeente__cbs_code="0988", klantregisseur=werkkom)[:2])
    return Regio(
        url=url,
        totaal=alle.count(),
        paginagrootte=settings.REGIE_CASELOAD_PAGE_SIZE,
        mijn_totaal=mijn.count(),
        mijn_per_fase=per_fase,
        fase_labels={str(k): str(v) for k, v in Fase.choices},
        weert=_feit(weert[0]),
        weert_tweede=_feit(weert[1]),
        nederweert=_feit(basis.filter(regie_gemeente__cbs_code="0946").first()),
    )


def pagina(regio: Regio, naam: str) -> tuple[str | None, str, int]:
    """(user, path, expected status) of each kind of page the quality checks visit."""
    return {
        "inloggen": (None, "/inloggen/", 200),
        "caseload": ("kr.werkkom", "/dossiers/", 200),
        "dossier": ("kr.werkkom", f"/dossiers/{regio.weert.id}/", 200),
        "bewerken": ("kr.werkkom", f"/dossiers/{regio.weert.id}/bewerken/", 200),
        "nieuw dossier": ("kr.werkkom", "/dossiers/nieuw/", 200),
        "auditlog": ("fb.regio", "/audit/", 200),
        "niet gevonden": ("kr.weert", f"/dossiers/{regio.nederweert.id}/", 404),
        "API-documentatie": ("kr.werkkom", "/api/v1/docs/", 200),
    }[naam]


def _is_testdatabase(connection: Any) -> bool:
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    naam = connection.settings_dict["NAME"]
    return naam == connection.settings_dict["TEST"].get("NAME") or naam.startswith("test_")


# Module scope, not package: these fixtures are also imported into test modules elsewhere, and a
# package-scoped fixture imported into a module silently becomes session-scoped (pytest looks
# for a package whose node id is the module's). A Playwright left running would then block the
# next one and keep an event loop running under every later test.


@pytest.fixture(scope="module")
def _audit_zonder_triggers(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Lift the audit table's append-only triggers (audit migration 0002) for this module.

    ``transactional_db`` empties the database after each test with DELETE (SQLite) or TRUNCATE
    (PostgreSQL), which the triggers refuse. The append-only guarantee itself is tested in
    ``regie.audit.tests``; here it is restored, with the migration's own SQL, when the module
    is done.
    """
    from django.db import connection

    triggers = importlib.import_module("regie.audit.migrations.0002_append_only")
    with django_db_blocker.unblock():
        assert _is_testdatabase(connection), connection.settings_dict["NAME"]
        with connection.schema_editor() as editor:
            triggers.backwards(None, editor)
    try:
        yield
    finally:
        with django_db_blocker.unblock(), connection.schema_editor() as editor:
            triggers.forwards(None, editor)


@pytest.fixture
def regio(_audit_zonder_triggers: None, live_server: Any) -> Regio:
    """The demo region, built for this test, behind pytest-django's live server.

    ``live_server`` brings ``transactional_db``: the server thread sees what is written here, and
    the database is emptied after the test. The build takes a fraction of a second on SQLite.
    """
    from django.db import connection

    from regie.demo.generator import bouw

    assert _is_testdatabase(connection), connection.settings_dict["NAME"]
    bouw("demo", seed=2022, peildatum=PEILDATUM)
    return _lees_feiten(live_server.url)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One Chromium per module; every test opens its own contexts (cookies, storage).

    While Playwright's sync API is started, the test thread has an asyncio loop marked as
    running, and Django refuses ORM calls from it as "async-unsafe" (building the demo data, the
    flush after each test). Nothing runs on that loop while our synchronous code does, so the
    check is switched off for as long as Playwright runs, and only then. The live server's
    threads, which run the application, have no loop and are unaffected.
    """
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's Chromium (`make /usr/bin/chromium`) or set "
            "REGIE_CHROMIUM to another Chromium. Never `playwright install`."
        )
    from playwright.sync_api import sync_playwright

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        pytest.fail(
            "an event loop is already running in the test thread: another Playwright was not "
            "stopped (a wider-scoped browser fixture?) or an async test leaked its loop"
        )
    vorige = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if vorige is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = vorige


@dataclass
class Sessie:
    """A browser context with one page, and everything that page did."""

    page: Any
    basis: str
    verzoeken: list[str] = field(default_factory=list)  # every URL requested
    console: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    paginafouten: list[str] = field(default_factory=list)  # uncaught JavaScript errors

    def open(self, pad: str, status: int = 200) -> Any:
        antwoord = self.page.goto(self.basis + pad)
        assert antwoord is not None, f"GET {pad}: no response"
        assert antwoord.status == status, f"GET {pad}: {antwoord.status}, expected {status}"
        return antwoord

    def csp_meldingen(self) -> list[str]:
        return [tekst for _soort, tekst in self.console if CSP_MELDING.search(tekst)]

    def vergeet(self) -> None:
        """Record requests and console messages afresh from here (e.g. after logging in)."""
        self.verzoeken.clear()
        self.console.clear()


def inloggen(sessie: Sessie, gebruikersnaam: str) -> None:
    from playwright.sync_api import expect

    page = sessie.page
    sessie.open("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"/inloggen/"))


@pytest.fixture
def sessie(chromium: Any, regio: Regio) -> Iterator[Callable[..., Sessie]]:
    """``sessie("kr.werkkom")`` opens a fresh, logged-in browser context; ``sessie()`` anonymous.

    Whatever a test does, no page may throw an uncaught JavaScript error: that is checked for
    every context when the test ends. (CSP reports are asserted in test_beveiliging, per page.)
    """
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    geopend: list[tuple[Any, Sessie]] = []

    def open_sessie(gebruikersnaam: str | None = None) -> Sessie:
        context = chromium.new_context(
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        nieuw = Sessie(page=page, basis=regio.url)
        page.on("request", lambda r: nieuw.verzoeken.append(r.url))
        page.on("console", lambda m: nieuw.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: nieuw.paginafouten.append(str(e)))
        geopend.append((context, nieuw))
        if gebruikersnaam:
            inloggen(nieuw, gebruikersnaam)
        return nieuw

    yield open_sessie
    from playwright.sync_api import Error as PlaywrightError

    fouten = []
    for context, s in geopend:
        # A page may still be loading a part (the dossier page's DUO part comes by htmx): let
        # it finish, or the live server answers it while the test database is being emptied.
        # (A page that never goes quiet is no reason to fail the test's teardown.)
        with contextlib.suppress(PlaywrightError):
            s.page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        fouten += s.paginafouten
        context.close()
    assert not fouten, f"uncaught JavaScript errors: {fouten}"


@pytest.fixture(scope="session")
def axe_bron() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_schendingen(page: Any, axe_bron: str) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.0/2.1, A and AA) on the page; the violations, simplified.

    ``page.evaluate`` runs through the DevTools protocol, which the page's CSP does not govern;
    a ``<script>`` tag would be refused (no inline scripts).
    """
    if page.evaluate("() => typeof window.axe") == "undefined":
        page.evaluate(axe_bron)
    assert page.evaluate("() => typeof window.axe?.run") == "function", "axe-core did not load"
    return page.evaluate(
        """async () => {
            const resultaat = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations'],
            });
            return resultaat.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target, html: n.html, samenvatting: n.failureSummary,
                })),
            }));
        }"""
    )


def beschrijf_schendingen(pagina: str, schendingen: list[dict[str, Any]]) -> str:
    regels = [f"{pagina}: {len(schendingen)} axe violation(s)"]
    for v in schendingen:
        regels.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            regels.append(f"    at {' >> '.join(str(t) for t in node['target'])}")
            regels.append(f"       {node['html'][:200]}")
            for regel in (node["samenvatting"] or "").splitlines():
                regels.append(f"       {regel}")
    return "\n".join(regels)
