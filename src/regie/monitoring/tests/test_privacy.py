"""The small-numbers rule (regie.monitoring.privacy): counts of 1–4 persons become <5, and no
shown total or share lets anyone work a hidden count back out."""

from __future__ import annotations

from itertools import product

import pytest

from regie.monitoring.privacy import (
    ONDERDRUKT,
    VERBORGEN,
    aandeel,
    aantal,
    onderdruk_blok,
    onderdruk_lijn,
    onderdruk_tabel,
    over_groep,
    zichtbaar,
)


@pytest.mark.parametrize(
    ("n", "tekst"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (1234, "1.234")]
)
def test_aantal_onder_vijf_is_kleiner_dan_vijf(n, tekst):
    cel = aantal(n)
    assert cel.tekst == tekst
    assert (cel.waarde is None) == (1 <= n <= 4)


def test_onderdrukte_cel_bewaart_geen_waarde():
    cel = aantal(3)
    assert cel.onderdrukt and cel.waarde is None and str(cel) == ONDERDRUKT


def _herleidbaar(cellen, totaal, waarden=None) -> bool:
    """Can one hidden cell, or a small sum of hidden cells, be computed as the total minus the
    shown others?"""
    verborgen = [i for i, c in enumerate(cellen) if c.onderdrukt]
    if totaal.onderdrukt:
        return len(verborgen) == 0
    if len(verborgen) == 1:
        return True
    return waarden is not None and 0 < sum(waarden[i] for i in verborgen) < 5


def test_kleine_gemeente_is_niet_terug_te_rekenen_uit_het_regiototaal():
    # Cranendonck 3 (small), Nederweert 10, Weert 30; the region shows 43.
    cellen, regio = onderdruk_lijn([3, 10, 30])
    assert cellen[0].tekst == "<5"
    assert not _herleidbaar(cellen, regio)
    # The smallest other municipality is hidden too, as × (it is not small itself).
    assert cellen[1].tekst == VERBORGEN
    assert cellen[2].tekst == "30"
    assert regio.tekst == "43"


def test_twee_kleine_gemeenten_beschermen_elkaar():
    cellen, regio = onderdruk_lijn([2, 3, 30])
    assert [c.tekst for c in cellen] == ["<5", "<5", "30"]
    assert regio.tekst == "35"


def test_alleen_nullen_naast_een_klein_aantal_verbergt_het_totaal():
    cellen, regio = onderdruk_lijn([2, 0, 0])
    assert cellen[0].tekst == "<5"
    assert regio.onderdrukt


def test_kruistabel_rijen_en_kolommen_beschermen_elkaar():
    waarden = [[3, 12, 20], [9, 8, 40], [15, 6, 2]]
    cellen, rij_t, kol_t, totaal = onderdruk_tabel(waarden, rijtotalen=True, kolomtotalen=True)
    # No line (row + its total, column + its total) has exactly one hidden member left.
    for i in range(3):
        assert not _herleidbaar(cellen[i], rij_t[i], waarden[i])
    for j in range(3):
        kolom = [waarden[i][j] for i in range(3)]
        assert not _herleidbaar([cellen[i][j] for i in range(3)], kol_t[j], kolom)
    assert not _herleidbaar(rij_t, totaal, [sum(r) for r in waarden])
    assert cellen[0][0].tekst == "<5" and cellen[2][2].tekst == "<5"


def test_blok_beschermt_ook_het_complement_van_een_aandeel():
    # Weert: 40 PIPs with a deadline, 38 on time: the 2 late ones would follow from 40 − 38.
    blok = onderdruk_blok(
        {"met_termijn": [40, 20], "tijdig": [38, 10]},
        indelingen=[(["tijdig"], "met_termijn")],
    )
    tijdig, _regio = blok["tijdig"]
    met_termijn, _ = blok["met_termijn"]
    assert tijdig[0].onderdrukt or met_termijn[0].onderdrukt
    assert aandeel(zichtbaar(tijdig[0]), zichtbaar(met_termijn[0])).onderdrukt


def test_blok_met_indeling_in_routes():
    # 12 PIPs: Z 1, B1 8, onderwijs 3. Neither small route may follow from the others.
    blok = onderdruk_blok(
        {"pip": [12], "z": [1], "b1": [8], "ond": [3]},
        indelingen=[(["z", "b1", "ond"], "pip")],
        met_totaal=False,
    )
    cellen = [blok[r][0][0] for r in ("z", "b1", "ond")]
    assert cellen[0].tekst == "<5" and cellen[2].tekst == "<5"
    # Z + onderwijs = 4 would follow from 12 − 8: B1 (or the total) is hidden as well.
    assert not _herleidbaar(cellen, blok["pip"][0][0], [1, 8, 3])


@pytest.mark.parametrize(
    ("teller", "noemer", "tekst"),
    [(6, 12, "50 %"), (6, 10, VERBORGEN), (3, 10, VERBORGEN), (2, 4, VERBORGEN), (0, 7, "0 %")],
)
def test_aandeel(teller, noemer, tekst):
    assert aandeel(teller, noemer).tekst == tekst


def test_aandeel_van_een_verborgen_aantal_is_verborgen():
    assert aandeel(None, 20).tekst == VERBORGEN


def test_mediaan_over_minder_dan_vijf_personen():
    assert over_groep(40.0, 4).tekst == "<5"
    assert over_groep(40.0, 5).tekst == "40"


@pytest.mark.parametrize("waarden", list(product([0, 1, 3, 6], repeat=3)))
def test_geen_lijn_laat_precies_een_verborgen_cel_over(waarden):
    cellen, regio = onderdruk_lijn(list(waarden))
    assert not _herleidbaar(cellen, regio, waarden)
    for cel, n in zip(cellen, waarden, strict=True):
        if 1 <= n <= 4:
            assert cel.tekst == "<5"
        elif cel.onderdrukt:
            assert cel.tekst == VERBORGEN
        else:
            assert cel.waarde == n
