"""Real PDFs: the beschikking says who, what, when and how to object; the Arabic ontwikkelplan
is Arabic and right-to-left; rendering stays within 2 seconds."""

from __future__ import annotations

import re
import time

import pytest

from regie.letters import pdf
from regie.letters.models import Briefhoofd, Document
from regie.letters.tests.pdftekst import pdf_tekst
from regie.plans import documenten
from regie.plans.tests.conftest import vastgesteld

ARABISCH = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture
def versie(dossier, kr_weert, tl_weert):
    return vastgesteld(
        dossier,
        kr_weert,
        tl_weert,
        intensiteit_uren_per_week=12,
        aanbieder_naam="Taalschool Weert",
        aanbieder_keurmerk=True,
        pvt_uren=16,
        map_uren=64,
    )


def _document(versie, soort, taal="nl") -> bytes:
    return bytes(versie.documenten.get(soort=soort, taal=taal).inhoud)


def test_beschikking(versie):
    tekst = pdf_tekst(_document(versie, Document.Soort.BESCHIKKING))
    persoon = versie.pip.dossier.inburgeraar
    assert persoon.volledige_naam in tekst
    assert "Leerroute B1-route" in tekst
    assert "Datum 10 juli 2024" in tekst
    assert "bezwaar" in tekst
    assert "zes weken" in tekst
    assert "artikel 6:7" in tekst
    assert "college van burgemeester en wethouders van Weert" in tekst
    assert "Wet inburgering 2021, artikel 15" in tekst
    # The term and its grondslag come from the rules engine.
    assert "begint op 11 juli 2024 en eindigt op 10 juli 2027" in tekst
    assert "Wet inburgering 2021, artikel 11" in tekst
    assert "Taalschool Weert (met keurmerk)" in tekst


def test_ontwikkelplan_in_het_arabisch(versie):
    html = documenten.ontwikkelplan_html(versie, "ar", regels=documenten.regels_voor(versie))
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    tekst = pdf_tekst(_document(versie, Document.Soort.ONTWIKKELPLAN, "ar"))
    assert len(ARABISCH.findall(tekst)) > 200
    assert versie.pip.dossier.inburgeraar.achternaam in tekst  # names stay as written
    assert pdf_tekst(_document(versie, Document.Soort.ONTWIKKELPLAN, "nl")).startswith(
        "Mijn ontwikkelplan"
    )
    engels = documenten.ontwikkelplan_html(versie, "en", regels=documenten.regels_voor(versie))
    assert '<html lang="en" dir="ltr">' in engels
    assert "You have from 11-07-2024 up to and including 10-07-2027" in engels


def test_zonder_map_in_de_onderwijsroute(dossier, kr_weert, tl_weert):
    versie = vastgesteld(dossier, kr_weert, tl_weert, leerroute="onderwijsroute", niveau="B1")
    tekst = pdf_tekst(_document(versie, Document.Soort.BESCHIKKING))
    assert "geen MAP in deze leerroute (Wet inburgering 2021, artikel 8 lid 3)" in tekst
    nl = pdf_tekst(_document(versie, Document.Soort.ONTWIKKELPLAN, "nl"))
    assert "Werken in Nederland (MAP)" not in nl


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 20), (21, 66, 115)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_briefhoofd_van_de_gemeente(dossier, kr_weert, tl_weert, weert):
    Briefhoofd.objects.create(
        gemeente=weert,
        naam="Gemeente Weert",
        adresregels="Postbus 950\n6000 AZ Weert",
        logo=_png(),
        logo_type="image/png",
        ondertekenaar="J. de Vries",
        functie="teamleider Inburgering",
    )
    versie = vastgesteld(dossier, kr_weert, tl_weert)
    beschikking = _document(versie, Document.Soort.BESCHIKKING)
    assert b"/Subtype /Image" in beschikking  # the logo, embedded from a data: URL
    tekst = pdf_tekst(beschikking)
    assert "Postbus 950" in tekst
    assert "J. de Vries teamleider Inburgering" in tekst
    assert "Postbus 950, 6000 AZ Weert" in tekst  # where to send the bezwaarschrift


def test_renderen_binnen_twee_seconden(versie):
    regels = documenten.regels_voor(versie)
    pdf.pdf_maken("<p>warm</p>")  # the one-off import and font set-up are not rendering
    for html in (
        documenten.beschikking_html(versie, regels=regels),
        documenten.ontwikkelplan_html(versie, "ar", regels=regels),
    ):
        begin = time.perf_counter()
        pdf.pdf_maken(html)
        assert time.perf_counter() - begin < 2.0


def test_alleen_data_urls():
    ophaler = pdf._ophaler()
    for url in ("file:///etc/passwd", "http://192.0.2.1/x.png", "https://example.org/x.css"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            ophaler(url)
    assert ophaler("data:text/plain;base64,b2s=").read() == b"ok"
