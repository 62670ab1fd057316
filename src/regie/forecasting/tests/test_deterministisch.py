"""The framework's table (beleidskader §6.1), reproduced to the decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from regie.forecasting.deterministisch import Invoerrij, deterministische_tabel
from regie.forecasting.models import PrognoseParameters, Taakstelling
from regie.forecasting.services import vul_demo_taakstelling
from regie.monitoring.tests.hulp import tabel_uit_html

D = Decimal
PROCENTEN = {"z_route": D(15), "b1_route": D(60), "onderwijsroute": D(25)}


def test_tabel_van_het_beleidskader_tot_op_de_decimaal():
    rijen = deterministische_tabel(
        [
            Invoerrij("Cranendonck", 17, 17),
            Invoerrij("Nederweert", 14, 14),
            Invoerrij("Weert", 39, 39),
        ],
        aandeel_volwassen=D("0.5"),
        procenten=PROCENTEN,
    )
    per_naam = {r.naam: r for r in rijen}
    # "Obliged (est.)": 17 / 14 / 39, total 70 — from 34 / 28 / 78 housed a year, half adults.
    assert [per_naam[n].statushouders for n in ("Cranendonck", "Nederweert", "Weert")] == [
        34,
        28,
        78,
    ]
    assert [per_naam[n].inburgeringsplichtig for n in ("Cranendonck", "Nederweert", "Weert")] == [
        17,
        14,
        39,
    ]
    totaal = per_naam["Totaal"]
    assert totaal.statushouders == 140
    assert totaal.inburgeringsplichtig == 70
    assert totaal.per_route == {
        "z_route": D("10.5"),
        "b1_route": D(42),
        "onderwijsroute": D("17.5"),
    }
    assert per_naam["Cranendonck"].per_route == {
        "z_route": D("2.55"),
        "b1_route": D("10.2"),
        "onderwijsroute": D("4.25"),
    }
    assert per_naam["Nederweert"].per_route == {
        "z_route": D("2.1"),
        "b1_route": D("8.4"),
        "onderwijsroute": D("3.5"),
    }
    assert per_naam["Weert"].per_route == {
        "z_route": D("5.85"),
        "b1_route": D("23.4"),
        "onderwijsroute": D("9.75"),
    }


@pytest.mark.django_db
def test_scherm_toont_de_tabel_met_decimalen(client, bm_regio, demo):
    client.force_login(bm_regio)
    html = client.get(reverse("forecasting:prognose"), {"vanaf": "2022"}).content
    tabel = tabel_uit_html(html, "deterministisch")
    assert tabel[1:] == [
        ["Cranendonck", "17", "17", "34", "17", "2,55", "10,2", "4,25", "6"],
        ["Nederweert", "14", "14", "28", "14", "2,1", "8,4", "3,5", "6"],
        ["Weert", "39", "39", "78", "39", "5,85", "23,4", "9,75", "14"],
        ["Totaal", "70", "70", "140", "70", "10,5", "42", "17,5", "26"],
    ]


@pytest.mark.django_db
def test_demovulling_is_herhaalbaar(weert, nederweert, cranendonck):
    assert vul_demo_taakstelling() == 12
    assert vul_demo_taakstelling() == 12
    assert Taakstelling.objects.count() == 12
    assert set(Taakstelling.objects.values_list("aantal_statushouders", flat=True)) == {17, 14, 39}
    parameters = PrognoseParameters.objects.get()
    assert parameters.versie == 1 and parameters.aandeel_volwassen == D("0.5")
    assert parameters.budgetten.count() == 9


@pytest.mark.django_db
def test_demovulling_slaat_ontbrekende_gemeenten_over(weert):
    assert vul_demo_taakstelling() == 4
    assert set(Taakstelling.objects.values_list("gemeente__cbs_code", flat=True)) == {"0988"}
