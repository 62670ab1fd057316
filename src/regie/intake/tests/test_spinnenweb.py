"""The positive-health spider web: inline SVG with six axes, a polygon per shown measurement,
scores in the right place, readable without colour, and no inline styles."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from regie.intake import spinnenweb
from regie.intake.models import PositieveGezondheidScore
from regie.intake.tests.factories import BredeIntakeFactory, PositieveGezondheidScoreFactory

SVG = "{http://www.w3.org/2000/svg}"


def _meting(datum, *scores):
    namen = [code for code, _label in PositieveGezondheidScore.DIMENSIES]
    return PositieveGezondheidScore(datum=datum, **dict(zip(namen, scores, strict=True)))


def _svg(metingen) -> ElementTree.Element:
    with translation.override("nl"):
        html = render_to_string("intake/_spinnenweb.html", {"g": spinnenweb.grafiek(metingen)})
    begin, eind = html.index("<svg"), html.index("</svg>") + len("</svg>")
    return ElementTree.fromstring(html[begin:eind])


def _punten(polygon) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]


def test_bekende_score_op_de_juiste_plek():
    # Top axis (lichaamsfuncties) 10 -> straight up at the full radius; bottom axis
    # (kwaliteit van leven, the 4th) 5 -> straight down at half the radius.
    eerste_as = spinnenweb.punt(0, 10)
    assert (eerste_as.x, eerste_as.y) == pytest.approx((320.0, 215.0 - 140.0))
    onderste_as = spinnenweb.punt(3, 5)
    assert (onderste_as.x, onderste_as.y) == pytest.approx((320.0, 215.0 + 70.0))
    nul = spinnenweb.punt(2, 0)
    assert (nul.x, nul.y) == pytest.approx((320.0, 215.0))
    # Axis 1 (mentaal welbevinden) at 60° clockwise from the top: 10 -> (cx + R·sin60, cy - R/2)
    rechtsboven = spinnenweb.punt(1, 10)
    assert (rechtsboven.x, rechtsboven.y) == pytest.approx((320.0 + 140.0 * 3**0.5 / 2, 145.0))


def test_zes_assen_en_een_veelhoek_per_meting():
    svg = _svg([_meting(date(2026, 1, 10), 10, 8, 6, 5, 4, 2), _meting(date(2026, 6, 1), *[7] * 6)])
    assen = svg.findall(f".//{SVG}line[@class='spinnenweb__as']")
    assert len(assen) == 6
    assert [a.get("data-dimensie") for a in assen] == [
        "lichaamsfuncties",
        "mentaal_welbevinden",
        "zingeving",
        "kwaliteit_van_leven",
        "meedoen",
        "dagelijks_functioneren",
    ]
    metingen = svg.findall(f".//{SVG}polygon[@class='spinnenweb__meting']")
    assert [m.get("data-soort") for m in metingen] == ["eerste", "laatste"]
    eerste = _punten(metingen[0])
    assert len(eerste) == 6
    assert eerste[0] == pytest.approx((320.0, 75.0))  # lichaamsfuncties 10, at the top
    assert eerste[3] == pytest.approx((320.0, 285.0))  # kwaliteit van leven 5, halfway down
    assert _punten(metingen[1])[3] == pytest.approx((320.0, 215.0 + 98.0))  # 7 of 10 down


def test_zonder_kleur_te_onderscheiden_en_zonder_style_attributen():
    svg = _svg([_meting(date(2026, 1, 10), *[5] * 6), _meting(date(2026, 6, 1), *[7] * 6)])
    eerste, laatste = svg.findall(f".//{SVG}polygon[@class='spinnenweb__meting']")
    assert eerste.get("stroke-dasharray") and not laatste.get("stroke-dasharray")
    reeksen = svg.findall(f".//{SVG}g[@class='spinnenweb__reeks']")
    assert len(reeksen[0].findall(f"{SVG}rect")) == 6  # squares for the first measurement
    assert len(reeksen[1].findall(f"{SVG}circle")) == 6  # circles for the latest
    legenda = svg.find(f".//{SVG}g[@class='spinnenweb__legenda']")
    teksten = [t.text for t in legenda.findall(f"{SVG}text")]
    assert teksten == ["Eerste meting (10 januari 2026)", "Laatste meting (1 juni 2026)"]
    assert legenda.find(f"{SVG}line").get("stroke-dasharray")
    for element in svg.iter():
        assert "style" not in element.attrib, element.tag
    assert svg.get("role") == "img" and svg.find(f"{SVG}title") is not None


def test_bij_meer_dan_twee_metingen_de_eerste_en_de_laatste():
    g = spinnenweb.grafiek(
        [_meting(date(2026, m, 1), *[m] * 6) for m in (1, 3, 5)],
    )
    assert [(r.soort, r.datum.month) for r in g.reeksen] == [("eerste", 1), ("laatste", 5)]
    # The data table holds every measurement.
    assert g.tabel[0] == ("Lichaamsfuncties", (1, 3, 5))


def test_een_meting_een_veelhoek():
    svg = _svg([_meting(date(2026, 1, 10), *[5] * 6)])
    assert len(svg.findall(f".//{SVG}polygon[@class='spinnenweb__meting']")) == 1


@pytest.mark.django_db
def test_overzicht_toont_spinnenweb_en_verborgen_tabel(client, weert, kr_weert):
    intake = BredeIntakeFactory(dossier__regie_gemeente=weert)
    PositieveGezondheidScoreFactory(intake=intake, datum=date(2026, 1, 10), meedoen=3)
    PositieveGezondheidScoreFactory(intake=intake, datum=date(2026, 6, 1), meedoen=8)
    client.force_login(kr_weert)
    html = client.get(
        reverse("intake:overzicht", kwargs={"dossier_id": intake.dossier.pk})
    ).content.decode()
    assert html.count('class="spinnenweb__meting"') == 2
    klasse = 'class="utrecht-table utrecht-table--html-table regie-visually-hidden"'
    assert klasse in html
    tabel = html.split(klasse)[1].split("</table>")[0]
    assert ">Meedoen</th>" in tabel and ">3</td>" in tabel and ">8</td>" in tabel
