"""Test helpers: dossiers with a timeline, reading tables back from HTML, counting queries."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from typing import Any

from django.db import connection

from regie.dossiers import kengetallen
from regie.dossiers.models import TijdlijnFeit
from regie.tests.factories import DossierFactory, TijdlijnFeitFactory

Soort = TijdlijnFeit.Soort


def maak_dossier(
    gemeente: Any,
    *,
    plicht_vanaf: date = date(2024, 1, 2),
    koppeling: date | None = date(2024, 1, 10),
    vestiging: date | None = date(2024, 3, 1),
    intake: date | None = date(2024, 4, 1),
    pip: date | None = date(2024, 4, 20),
    pip_uiterlijk: date | None = date(2024, 5, 10),
    leerroute: str = "b1_route",
    gesprekken: tuple[date, ...] = (),
    voldaan: date | None = None,
    uren: tuple[tuple[date, float, bool], ...] = (),
    **kwargs: Any,
):
    """An asylum status holder's dossier with the facts the dashboard reads."""
    dossier = DossierFactory(
        regie_gemeente=gemeente,
        plicht_vanaf=plicht_vanaf,
        koppeling_datum=koppeling,
        koppeling_gemeente=gemeente if koppeling else None,
        vestiging_datum=vestiging,
        pip_uiterlijk=pip_uiterlijk,
        fase="traject" if pip else "intake",
        **kwargs,
    )
    feiten: list[tuple[date, str, dict]] = []
    if intake:
        feiten.append((intake, Soort.BREDE_INTAKE_AFGEROND, {}))
    if pip:
        niveau = None if leerroute == "z_route" else "B1"
        feiten.append((pip, Soort.PIP_VASTGESTELD, {"leerroute": leerroute, "niveau": niveau}))
    feiten += [(g, Soort.VOORTGANGSGESPREK, {}) for g in gesprekken]
    if voldaan:
        feiten.append((voldaan, Soort.DUO_GEBEURTENIS, {"code": "SS106"}))
    feiten += [(d, Soort.UREN, {"soort": "taal_knm", "uren": u, "keurmerk": k}) for d, u, k in uren]
    for datum, soort, gegevens in feiten:
        TijdlijnFeitFactory(dossier=dossier, datum=datum, soort=soort, gegevens=gegevens)
    # As recording facts through regie.dossiers.services does (pip_uiterlijk stays as given).
    kengetallen.bijwerken([dossier.pk])
    return dossier


class _TabelLezer(HTMLParser):
    def __init__(self, tabel_id: str):
        super().__init__()
        self.tabel_id = tabel_id
        self.binnen = False
        self.diepte = 0
        self.rijen: list[list[str]] = []
        self.cel: list[str] | None = None
        self.in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and dict(attrs).get("id") == self.tabel_id:
            self.binnen = True
        elif not self.binnen:
            return
        if tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.rijen.append([])
        elif tag in {"td", "th"}:
            self.cel = []
        elif tag == "span" and "regie-visually-hidden" in (dict(attrs).get("class") or ""):
            self.diepte += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.binnen:
            return
        if tag == "table":
            self.binnen = False
        elif tag == "caption":
            self.in_caption = False
        elif tag in {"td", "th"} and self.cel is not None:
            self.rijen[-1].append(" ".join("".join(self.cel).split()))
            self.cel = None

    def handle_data(self, data: str) -> None:
        if self.binnen and self.cel is not None and not self.in_caption:
            self.cel.append(data)


def tabel_uit_html(inhoud: str | bytes, sleutel: str) -> list[list[str]]:
    """The header and rows of table ``tabel-<sleutel>`` as the screen shows them."""
    if isinstance(inhoud, bytes):
        inhoud = inhoud.decode()
    lezer = _TabelLezer(f"tabel-{sleutel}")
    lezer.feed(inhoud)
    return [[html.unescape(c) for c in rij] for rij in lezer.rijen]


TRANSACTIECONTROLE = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK", "BEGIN", "COMMIT")


def tel_queries(fn: Callable[[], Any]) -> tuple[Any, list[str]]:
    """Run ``fn`` and return its result and every query it sent (an execute wrapper: the test
    client's request_started signal resets connection.queries). Transaction control is not a
    query: the test's own transaction turns the session save's BEGIN into SAVEPOINTs."""
    geteld: list[str] = []

    def tel(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        if not sql.lstrip().upper().startswith(TRANSACTIECONTROLE):
            geteld.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(tel):
        uitkomst = fn()
    return uitkomst, geteld
