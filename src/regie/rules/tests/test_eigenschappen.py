"""Property-based tests (quality target R-04): >= 1,000 examples each, invariants hold."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from regie.rules import InvoerFout, ParameterWijziging, evalueer
from regie.rules.parameters import STANDAARD
from regie.rules.tests.hulp import EIGENSCHAP
from regie.rules.tests.strategieen import (
    DATUMS,
    JSONACHTIG,
    datums_tussen,
    dossiers,
    iso,
    pip_gebeurtenis,
)

TERMIJNEN = ("pip_uiterlijk", "termijn_start", "termijn_eind", "plicht_vanaf", "aow_datum")


def _termijnen(uit: dict[str, Any]) -> dict[str, Any]:
    c = uit["conclusies"]
    return {
        **{k: c[k] for k in TERMIJNEN},
        "venster_eind": (c["voortgangsgesprekken"] or {}).get("venster_eind"),
        "ontzorgen_tot": c["ontzorgen"]["minimaal_tot"],
        "plicht_voldaan_op": c["plicht_voldaan_op"],
    }


@EIGENSCHAP
@given(dossiers(met_parameters=True))
def test_uitkomst_volledig_en_serialiseerbaar(invoer: dict[str, Any]) -> None:
    uitkomst = evalueer(invoer)
    uit = uitkomst.als_json()
    json.dumps(uit)
    for sleutel, waarde in uit["conclusies"].items():
        if waarde is not None:
            assert uit["grondslagen"][sleutel], sleutel
        assert uit["trace"][sleutel], sleutel
    assert len(uit["antwoorden"]) == len(invoer["vragen"])
    for vraag, antwoord in zip(invoer["vragen"], uit["antwoorden"], strict=True):
        assert antwoord["actie"] == vraag["actie"]
        assert antwoord["grondslag"]
        assert antwoord["toegestaan"] is (not antwoord["redenen"])


@EIGENSCHAP
@given(dossiers(met_parameters=True, met_vragen=False))
def test_termijn_eindigt_na_start(invoer: dict[str, Any]) -> None:
    c = evalueer(invoer).conclusies
    if c.termijn_start.waarde is None:
        assert c.termijn_eind.waarde is None
    else:
        assert c.termijn_eind.waarde is not None
        assert c.termijn_eind.waarde > c.termijn_start.waarde


@EIGENSCHAP
@given(dossiers(met_pip=True, met_vragen=False), st.data())
def test_latere_pip_verschuift_termijn_niet(invoer: dict[str, Any], data: st.DataObject) -> None:
    voor = evalueer(invoer).conclusies
    assert voor.termijn_start.waarde is not None
    eerste_pip = voor.termijn_start.waarde - timedelta(days=1)
    later = data.draw(
        pip_gebeurtenis(datums_tussen(eerste_pip + timedelta(days=1), date(2035, 12, 31)))
    )
    invoer["gebeurtenissen"].append(later)
    na = evalueer(invoer).conclusies
    assert na.termijn_start.waarde == voor.termijn_start.waarde
    assert na.termijn_eind.waarde == voor.termijn_eind.waarde


@EIGENSCHAP
@given(
    dossiers(met_vragen=False),
    DATUMS,
    st.lists(
        st.tuples(DATUMS, st.integers(0, 800) | st.floats(0, 800, allow_nan=False)), max_size=5
    ),
)
def test_keurmerkuren_maken_toegestaan_afschalen_nooit_geweigerd(
    invoer: dict[str, Any], datum: date, extra: list[tuple[date, float]]
) -> None:
    invoer["vragen"] = [{"actie": "afschalen", "datum": iso(datum)}]
    voor = evalueer(invoer).antwoorden[0]
    for wanneer, aantal in extra:
        invoer["gebeurtenissen"].append(
            {
                "type": "uren",
                "datum": iso(wanneer),
                "soort": "taal_knm",
                "uren": aantal,
                "keurmerk": True,
            }
        )
    na = evalueer(invoer).antwoorden[0]
    assert na.uren_geteld >= voor.uren_geteld
    if voor.toegestaan:
        assert na.toegestaan


@EIGENSCHAP
@given(dossiers(met_pip=True, met_vragen=False), st.integers(0, 3 * 365))
def test_latere_peildatum_verliest_geen_gehouden_gesprek(
    invoer: dict[str, Any], dagen: int
) -> None:
    eerder = evalueer(invoer).conclusies.voortgangsgesprekken.waarde
    invoer["peildatum"] = iso(date.fromisoformat(invoer["peildatum"]) + timedelta(days=dagen))
    later = evalueer(invoer).conclusies.voortgangsgesprekken.waarde
    if eerder is not None:
        assert later is not None
        assert later.venster_eind == eerder.venster_eind
        assert later.gehouden >= eerder.gehouden
        assert later.tekort <= eerder.tekort


@EIGENSCHAP
@given(dossiers(min_gebeurtenissen=2, met_vragen=False), st.data())
def test_termijnen_hangen_niet_af_van_volgorde(invoer: dict[str, Any], data: st.DataObject) -> None:
    origineel = _termijnen(evalueer(invoer).als_json())
    invoer["gebeurtenissen"] = data.draw(st.permutations(invoer["gebeurtenissen"]))
    assert _termijnen(evalueer(invoer).als_json()) == origineel


@EIGENSCHAP
@given(dossiers(met_pip=True, met_vragen=False), DATUMS, st.integers(0, 6))
def test_gespreksnorm_geldt_pas_voor_termijnen_vanaf_geldig_vanaf(
    invoer: dict[str, Any], vanaf: date, aantal: int
) -> None:
    tabel = STANDAARD.met_wijzigingen(
        [ParameterWijziging("voortgangsgesprekken_aantal", aantal, vanaf)]
    )
    standaard = evalueer(invoer).conclusies
    gewijzigd = evalueer(invoer, tabel).conclusies
    start = standaard.termijn_start.waarde
    if start is None:
        assert gewijzigd.voortgangsgesprekken.waarde is None
    elif start < vanaf:
        assert gewijzigd.voortgangsgesprekken.waarde == standaard.voortgangsgesprekken.waarde
    else:
        assert gewijzigd.voortgangsgesprekken.waarde.vereist == aantal
    # Nothing else depends on this parameter.
    assert gewijzigd.pip_uiterlijk == standaard.pip_uiterlijk
    assert gewijzigd.termijn_eind == standaard.termijn_eind


@EIGENSCHAP
@given(JSONACHTIG)
def test_willekeurige_json_geeft_alleen_invoerfout(invoer: Any) -> None:
    try:
        evalueer(invoer).als_json()
    except InvoerFout as fout:
        assert fout.veld
        assert "\n" not in str(fout)


def _paden(waarde: Any, pad: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paden = [pad]
    if isinstance(waarde, dict):
        for sleutel, kind in waarde.items():
            paden += _paden(kind, (*pad, sleutel))
    elif isinstance(waarde, list):
        for i, kind in enumerate(waarde):
            paden += _paden(kind, (*pad, i))
    return paden


@EIGENSCHAP
@given(dossiers(met_parameters=True), st.data())
def test_verminkte_invoer_geeft_alleen_invoerfout(
    invoer: dict[str, Any], data: st.DataObject
) -> None:
    verminkt = copy.deepcopy(invoer)
    for _ in range(data.draw(st.integers(1, 3))):
        paden = [p for p in _paden(verminkt) if p]
        if not paden:
            break
        pad = data.draw(st.sampled_from(paden))
        ouder = verminkt
        for stap in pad[:-1]:
            ouder = ouder[stap]
        if isinstance(ouder, dict) and data.draw(st.booleans()):
            del ouder[pad[-1]]
        else:
            ouder[pad[-1]] = data.draw(JSONACHTIG)
    try:
        evalueer(verminkt).als_json()
    except InvoerFout as fout:
        assert fout.veld
        assert "\n" not in str(fout)
